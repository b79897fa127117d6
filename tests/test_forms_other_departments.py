"""Referral forms from other départements (tests/fixtures/forms_other_departments.py): every
layout is read, field by field, and the form reader never fails on what it has not seen."""

from __future__ import annotations

import logging
import os
import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

import forms_other_departments as forms_fixture  # noqa: E402

from intake.engine import load_rules  # noqa: E402
from intake.evaluate import same_value  # noqa: E402
from intake.extract import extract  # noqa: E402
from intake.parsers.forms import people, stages, structure  # noqa: E402
from intake.readers import Document  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return forms_fixture.build_all(tmp_path_factory.mktemp("formulaires"))


@pytest.mark.parametrize(
    "index", range(len(forms_fixture.BUILDERS)), ids=[b.__name__ for b in forms_fixture.BUILDERS]
)
def test_form_from_another_departement_is_read_field_by_field(built, index):
    path, expected = built[index]
    got = extract(path).to_json()
    wrong = [
        f"{k}: attendu {expected.get(k)!r}, obtenu {got.get(k)!r}"
        for k in forms_fixture.FIELDS
        if not same_value(k, expected.get(k), got.get(k))
    ]
    assert not wrong, "\n".join(wrong)
    # children are never among the adults of the contract
    assert len(got["personnes"]) == (2 if expected["composition"] == "couple" else 1)


def test_caf_diagnostic_quoting_the_assignation_is_a_form(built):
    from intake.readers import read_document

    path = next(p for p, _ in built if p.name.startswith("CAF42"))
    rules = load_rules()
    # the trap is real: the act's own keywords reach its threshold in this form
    assert rules["assignation"].score(read_document(path).text) >= rules["assignation"].threshold
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.type_mesure == "diagnostic"


def _docx(path: Path, paragraphs: list[str], tables: list[list[list[str]]] = ()) -> Path:
    from docx import Document as Docx

    doc = Docx()
    for p in paragraphs:
        doc.add_paragraph(p)
    for rows in tables:
        t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                t.cell(i, j).text = v
    doc.save(path)
    return path


_HEAD = [
    "Fiche de liaison ASLL – demande de mesure",
    "☐ Accès ☒ Maintien",
    "Nom du travailleur social : Paul BERNIER",
    "Structure : CCAS de Niort",
    "Bailleur : Deux-Sèvres Habitat",
    "Loyer mensuel : 402,00 €",
]


def test_children_count_disagreeing_with_the_table_is_flagged(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Nombre d'enfants à charge : 3", "Composition du foyer"],
        [
            [
                ["Nom", "Prénom", "Date de naissance", "Lien de parenté"],
                ["FAURE", "Anne", "02/02/1990", "Demandeuse"],
                ["FAURE", "Léa", "03/03/2015", "Fille"],
                ["FAURE", "Hugo", "04/04/2018", "Fils"],
            ]
        ],
    )
    ex = extract(path)
    assert ex.nb_enfants == 2 and "nb_enfants" in ex.champs_incertains
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "FAURE", "Anne")]


def test_household_table_whose_columns_cannot_be_mapped_is_flagged(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Le demandeur : Mme Anne FAURE", "Composition du foyer"],
        [
            [
                ["Personnes au foyer", "Date de naissance", "Lien de parenté"],
                ["Anne (mère)", "02/02/1990", "Demandeuse"],
                ["Marc (compagnon)", "05/05/1988", "Concubin"],
            ]
        ],
    )
    ex = extract(path)
    assert "personnes" in ex.champs_incertains


def test_two_readings_of_the_conjoint_that_disagree_are_flagged(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Conjoint : Mme Sophie LAMBERT", "Composition du foyer"],
        [
            [
                ["Nom", "Prénom", "Date de naissance", "Lien de parenté"],
                ["GIRARD", "Luc", "02/02/1980", "Demandeur"],
                ["GIRARD", "Élodie", "03/03/1982", "Conjointe"],
            ]
        ],
    )
    ex = extract(path)
    assert "personnes" in ex.champs_incertains


def test_prescriber_given_by_surname_only_is_flagged(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        [
            "Fiche de prescription ASLL",
            "☒ Maintien",
            "Prescripteur : BERNIER",
            "Organisme : CCAS de Niort",
            "Demandeur : Mme Anne FAURE",
            "Bailleur : Deux-Sèvres Habitat",
        ],
    )
    ex = extract(path)
    assert ex.prescripteur == "BERNIER" and "prescripteur" in ex.champs_incertains


def test_a_stage_that_fails_leaves_its_fields_empty_flagged_and_logged_without_names(
    built, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(people, "_household_tables", broken)
    path, expected = built[0]
    with caplog.at_level(logging.WARNING, logger="asll.intake"):
        ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.personnes == [] and {"personnes", "composition", "nb_enfants"} <= set(
        ex.champs_incertains
    )
    assert ex.bailleur == expected["bailleur"]  # the other stages still ran
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "IndexError" in logged and "DUPUIS" not in logged and "Gabariers" not in logged


# ---------------------------------------------------------------------- fuzzing

_WORDS = [
    "Nom",
    "Prénom",
    "Nom :",
    "Prénom :",
    "Date de naissance",
    "Né(e) le",
    "Civilité",
    "Madame",
    "M.",
    "Demandeur",
    "Conjoint(e)",
    "Enfant 1",
    "Enfant",
    "Lien de parenté",
    "Qualité",
    "Bailleur :",
    "Loyer :",
    "Charges",
    "☒",
    "☐",
    "[X]",
    "X",
    "|",
    " | ",
    "___",
    "______",
    ":",
    "Oui",
    "Non",
    "Nombre d'enfants :",
    "DUPUIS",
    "Marc",
    "14/02/1984",
    "512,40 €",
    "16100 Cognac",
    "12 rue des Gabariers",
    "Prescripteur",
    "Le travailleur social :",
    "Structure :",
    "Ressources",
    "Salaire",
    "APL",
    "Total",
    "Accès",
    "Maintien",
    "Diagnostic",
    "(",
    ")",
    "-",
    "née",
    "épouse",
    "1/",
    "a)",
    "\n",
    "\n",
    "\n",
    "",
    "   ",
]


def _random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 120)))


def _random_table(rng: random.Random) -> list[list[str]]:
    width = rng.randrange(0, 7)
    return [
        [rng.choice(_WORDS).strip() for _ in range(rng.randrange(0, width + 2))]
        for _ in range(rng.randrange(0, 7))
    ]


def _form_texts(built) -> list[tuple[str, list]]:
    from intake.readers import read_document

    docs = [read_document(p) for p, _ in built]
    return [(d.text, d.tables) for d in docs]


@pytest.fixture
def unguarded(monkeypatch):
    """The stages without their guard, so that a bug shows instead of being absorbed."""
    monkeypatch.setattr(stages, "_guarded", lambda name, fn, uncertain, keys, default: fn())


def test_form_parser_survives_random_truncated_texts_and_tables(built, unguarded):
    data = load_rules()["fiche_prescription"].data
    rng = random.Random(int(os.environ.get("ASLL_FUZZ_SEED", "1404")))
    real = _form_texts(built)
    for n in range(int(os.environ.get("ASLL_FUZZ_N", "400"))):
        if n % 2:
            text, tables = rng.choice(real)
            cut = rng.randrange(len(text) + 1)
            text = text[:cut] if rng.random() < 0.5 else text[cut:]
            lines = text.split("\n")
            if rng.random() < 0.3:
                rng.shuffle(lines)
            text = "\n".join(lines)
            tables = [
                [row[: rng.randrange(len(row) + 1)] for row in t[: rng.randrange(len(t) + 1)]]
                for t in tables
            ]
        else:
            text, tables = (
                _random_text(rng),
                [_random_table(rng) for _ in range(rng.randrange(0, 3))],
            )
        doc = Document(path=Path("fuzz.docx"), kind="docx", pages=[text], tables=tables)
        ex, _ = stages.parse_form(doc, data)  # raises on a bug: the guard is off
        assert ex.nb_enfants is None or ex.nb_enfants >= 0
        assert len(ex.personnes) <= 2


def test_values_above_labels_need_every_label_known():
    libelles = {
        k: re.compile(v, re.IGNORECASE)
        for k, v in load_rules()["fiche_prescription"].data["formulaire"]["libelles"].items()
    }
    lines = ["MOREAU ______ Kevin ______", "Nom Prénom", "Gris ______", "Couleur des yeux"]
    assert structure.values_above_labels(lines, libelles) == [
        "Nom : MOREAU",
        "Prénom : Kevin",
        "Gris ______",
        "Couleur des yeux",
    ]


def test_residual_rent_is_not_the_rent(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        [
            "Fiche de liaison ASLL",
            "☒ Maintien",
            "Nom du travailleur social : Paul BERNIER",
            "Structure : CCAS de Niort",
            "Demandeur : Mme Anne FAURE",
            "Loyer résiduel (après APL) : 298,30 €",
        ],
    )
    assert extract(path).loyer_mensuel is None


def test_couple_ticked_with_one_adult_read_is_a_couple_flagged(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD
        + [
            "Le ménage",
            "Demandeur : M. Luc GIRARD, né le 02/02/1980",
            "Situation familiale : ☐ Célibataire ☒ Marié(e) ☐ Divorcé(e)",
        ],
    )
    ex = extract(path)
    assert ex.composition == "couple" and "personnes" in ex.champs_incertains
    assert [(p.civilite, p.nom) for p in ex.personnes] == [("M.", "GIRARD")]


def test_household_table_under_a_title_row_with_adults_and_children_groups(tmp_path):
    """No role column: a title row over the header, then rows grouped under « Adultes » and
    « Enfants » (a grown-up child listed with the children stays a child)."""
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Situation du ménage"],
        [
            [
                ["Composition du foyer"] * 4,
                ["Nom", "Prénom", "Date de naissance", "Sexe"],
                ["Adultes", "", "", ""],
                ["FAURE", "Anne", "02/02/1990", "F"],
                ["MARTIN", "Marc", "05/05/1988", "M"],
                ["Enfants", "", "", ""],
                ["FAURE", "Léa", "03/03/2015", "F"],
                ["FAURE", "Jules", "03/03/2006", "M"],
                ["Autres personnes au foyer", "", "", ""],
                ["MARTIN", "Odette", "01/01/1950", "F"],
            ]
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("Mme", "FAURE", "Anne"),
        ("M.", "MARTIN", "Marc"),
    ]
    assert [c.prenom for c in ex.enfants] == ["Léa", "Jules"] and ex.nb_enfants == 2
    assert ex.composition == "couple"
    assert not {"personnes", "composition", "nb_enfants"} & set(ex.champs_incertains)


def test_household_table_under_a_title_row_without_groups_is_read(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Situation du ménage"],
        [
            [
                ["Composition du foyer", "", ""],
                ["Nom", "Prénom", "Date de naissance"],
                ["FAURE", "Anne", "02/02/1990"],
                ["FAURE", "Léa", "03/03/2015"],
            ]
        ],
    )
    ex = extract(path)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("FAURE", "Anne")]
    assert [c.prenom for c in ex.enfants] == ["Léa"]


def test_household_table_without_roles_nor_ages_tells_children_by_their_schooling(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        _HEAD + ["Situation familiale : ☒ Couple ☐ Personne seule", "Composition du foyer"],
        [
            [
                ["Nom", "Prénom", "Situation (emploi, scolarité)"],
                ["FAURE", "Anne", "Aide-soignante"],
                ["MARTIN", "Marc", "Demandeur d'emploi"],
                ["FAURE", "Léa", "Scolarisée en CE2"],
                ["MARTIN", "Tom", "Crèche municipale"],
            ]
        ],
    )
    ex = extract(path)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("FAURE", "Anne"), ("MARTIN", "Marc")]
    assert [c.prenom for c in ex.enfants] == ["Léa", "Tom"] and ex.nb_enfants == 2
    assert ex.composition == "couple"
    # nothing says who is Madame or Monsieur: for a person to check
    assert "personnes" in ex.champs_incertains
