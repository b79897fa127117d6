"""Form layouts any département may use: a value on the line under its label, a household table
whose name column is headed "NOM Prénom", role words of the lease ("locataire en titre"), a
signature block "Nom, prénom et qualité". Each test builds its own small form."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from intake.engine import load_rules
from intake.extract import extract
from intake.parsers.forms import structure


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


def _libelles():
    return {
        k: re.compile(v, re.IGNORECASE)
        for k, v in load_rules()["fiche_prescription"].data["formulaire"]["libelles"].items()
    }


def test_value_on_the_line_under_its_label(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        [
            "Fiche de liaison ASLL – Loir-et-Cher",
            "☒ Maintien",
            "Organisme prescripteur :",
            "MDS de Blois",
            "Nom du travailleur social :",
            "Hélène MARCHAND",
            "Personne concernée",
            "Civilité :",
            "Monsieur",
            "Nom :",
            "POIRIER",
            "Prénom(s) :",
            "Julien",
            "Date de naissance :",
            "14/03/1979",
            "Adresse du logement :",
            "5 allée des Tilleuls",
            "Code postal et commune :",
            "41000 Blois",
            "Bailleur :",
            "Terres de Loire Habitat",
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "POIRIER", "Julien", date(1979, 3, 14))
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("5 allée des Tilleuls", "41000", "Blois")
    assert ex.prescripteur == "Hélène MARCHAND" and ex.organisme_prescripteur == "MDS de Blois"
    assert ex.bailleur == "Terres de Loire Habitat"


def test_label_line_does_not_take_a_box_line_a_heading_or_another_label():
    libelles = _libelles()
    lines = [
        "Statut d'occupation :",
        "☒ Locataire HLM ☐ Hébergé(e)",
        "Bailleur :",
        "LOGEMENT",
        "Nom :",
        "Prénom :",
        "Léa",
    ]
    out = structure.values_above_labels(lines, libelles)
    assert out[:4] == [
        "Statut d'occupation :",
        "☒ Locataire HLM ☐ Hébergé(e)",
        "Bailleur :",
        "LOGEMENT",
    ]
    assert out[4:] == ["Nom :", "Prénom : Léa"]


def test_household_table_with_a_nom_prenom_column_and_lease_roles(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        [
            "Demande d'ASLL – Val-d'Oise",
            "☒ Maintien",
            "Référent social : Paul BERNIER",
            "Structure : CCAS de Cergy",
            "Composition du foyer",
        ],
        [
            [
                ["Qualité", "NOM Prénom", "Né(e) le"],
                ["Locataire en titre", "M. TESSIER Marc", "02/02/1980"],
                ["Cotitulaire du bail", "Mme TESSIER Anne", "03/03/1982"],
                ["Enfant", "TESSIER Zoé", "04/04/2016"],
            ]
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "TESSIER", "Marc", date(1980, 2, 2)),
        ("Mme", "TESSIER", "Anne", date(1982, 3, 3)),
    ]
    assert [(c.prenom, c.date_naissance) for c in ex.enfants] == [("Zoé", date(2016, 4, 4))]
    assert ex.composition == "couple"


def test_signature_block_name_first_name_and_job(tmp_path):
    path = _docx(
        tmp_path / "f.docx",
        [
            "Fiche de prescription ASLL",
            "☒ Accès",
            "Demandeur : Mme Anne FAURE",
            "Le travailleur social",
            "Nom, prénom et qualité : LEROY Camille, conseillère ESF",
            "Service : CCAS de Rezé",
        ],
    )
    ex = extract(path)
    assert ex.prescripteur == "Camille LEROY" and ex.organisme_prescripteur == "CCAS de Rezé"
    assert "prescripteur" not in ex.champs_incertains


_SAISINE = [
    "Fiche de saisine de la commission de prévention des expulsions – Gironde",
    "Saisine par : ☐ le bailleur ☒ un travailleur social",
    "Référent social : Paul BERNIER",
    "Structure : MDS de Talence",
    "Ménage",
    "Locataire en titre : M. Marc TESSIER, né le 02/02/1980",
    "Adresse du logement : 4 rue Carnot, 33400 Talence",
    "Statut d'occupation : ☐ Locataire HLM ☒ Locataire privé ☐ Hébergé(e)",
    "Bailleur : SCI LES ACACIAS",
    "Procédure",
    "☒ Assignation délivrée le 03/09/2025 devant le juge des contentieux de la protection (Tribunal",
    "judiciaire de Bordeaux)",
    "Date d'audience : 18/11/2025",
    "Revenus",
    "Salaire : 1 250,00 €",
    "Mesure préconisée : ☐ ASLL Accès ☒ ASLL Maintien ☐ Diagnostic",
]


def test_saisine_with_lease_roles_the_procedure_and_a_measure_after_the_resources(tmp_path):
    ex = extract(_docx(tmp_path / "f.docx", _SAISINE))
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "TESSIER", "Marc", date(1980, 2, 2))
    ]
    # the box ticked in the first line (who refers) does not hide the ones ticked further down
    assert ex.statut_occupation == "locataire_prive" and ex.type_mesure == "maintien"
    assert ex.date_audience == date(2025, 11, 18)
    assert ex.juridiction == "Tribunal judiciaire de Bordeaux"
    assert not {"personnes", "statut_occupation", "type_mesure", "juridiction"} & set(
        ex.champs_incertains
    )


def test_every_box_of_an_option_line_ticked_is_flagged(tmp_path):
    lines = [l.replace("☐", "☒") if l.startswith(("Statut", "Mesure")) else l for l in _SAISINE]
    ex = extract(_docx(tmp_path / "f.docx", lines))
    assert {"statut_occupation", "type_mesure"} <= set(ex.champs_incertains)


def test_a_box_line_is_not_read_as_the_status_written_in_a_field(tmp_path):
    lines = [l.replace("☒", "☐") if l.startswith("Statut") else l for l in _SAISINE]
    lines = [l for l in lines if not l.startswith("Bailleur")]
    ex = extract(_docx(tmp_path / "f.docx", lines))
    # nothing ticked: the first option printed is not the answer
    assert ex.statut_occupation is None and "statut_occupation" in ex.champs_incertains


def _pdf_with_table(path: Path, lines: list[str], rows: list[list[str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(l, style) for l in lines] + [table])
    return path


def test_rent_and_service_charge_in_a_charges_table_of_a_pdf(tmp_path):
    path = _pdf_with_table(
        tmp_path / "f.pdf",
        [
            "Demande d'aide FSL et d'accompagnement ASLL",
            "Mesure sollicitée : [ ] ASLL Accès [X] ASLL Maintien",
            "Service instructeur : MDS de Cognac",
            "Travailleur social : LEROY Hélène",
            "Demandeur : Mme Anne FAURE",
            "Adresse : 3 rue Basse, 16100 Cognac",
            "Bailleur : Logélia Charente",
            "Charges fixes",
        ],
        [
            ["Charges fixes", "Montant"],
            ["Loyer (hors charges)", "559,27"],
            ["Charges locatives", "50,41"],
            ["Assurance habitation", "11,96"],
        ],
    )
    ex = extract(path)
    assert ex.loyer_mensuel == 609.68 and "loyer_mensuel" not in ex.champs_incertains


def test_a_landlord_named_with_a_section_word_is_a_value_not_a_heading():
    out = structure.values_above_labels(["Bailleur :", "Habitat du Nord", "LOGEMENT"], _libelles())
    assert out == ["Bailleur : Habitat du Nord", "LOGEMENT"]


def test_family_situation_with_every_box_ticked_is_flagged(tmp_path):
    lines = _SAISINE[:6] + ["Situation familiale : ☒ Couple ☒ Personne seule"] + _SAISINE[6:]
    ex = extract(_docx(tmp_path / "f.docx", lines))
    assert "composition" in ex.champs_incertains
