"""One home per rule: each rule of the trade is decided in one place, and every module that
needs it gets the same answer (issue 13, part 3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from asll.domain.dates import add_months, years_before
from asll.domain.deadlines import deadlines_for, due, measure_end
from asll.domain.dossiers import find_matching, is_closed
from asll.domain.landlords import occupation_for
from asll.domain.model import Dossier, Extraction, Personne
from asll.domain.retention import due_for_purge
from asll.domain.text import fold
from asll.storage.naming import free_stem, write_new
from generators.context import build_context
from generators.formatting import date_fr
from intake.batch import handle_all
from reports.gts import gts_pack
from reports.stats import compte_pour, est_bailleur_social, periode_mesure

TODAY = date(2025, 3, 10)


def esu(statut: str) -> Dossier:
    """An eviction (ESU) dossier whose hearing is in three weeks, last seen in 2022."""
    return Dossier(
        numero="ESU-2022-0042",
        nature="ESU",
        statut=statut,
        personnes=[Personne("LEFÈVRE", "Nadia", "Mme")],
        adresse="12 rue des Tanneurs",
        code_postal="16000",
        commune="Angoulême",
        date_document=date(2022, 11, 3),
        date_audience=date(2025, 3, 31),
    )


# ------------------------------------------------------------------ "closed"
@pytest.mark.parametrize(
    "statut", ["Clos", "Clôturé", "clôture", "CLOTURE", "Terminé", " termine ", "Archivé"]
)
def test_a_closed_dossier_is_closed_everywhere(statut):
    dossier = esu(statut)
    assert is_closed(dossier)
    # no new documents: the next letter for this household opens a new dossier
    letter = Extraction(
        type_document="assignation",
        personnes=[Personne("LEFEVRE", "Nadia")],
        adresse="12 rue des Tanneurs",
        code_postal="16000",
        commune="Angoulême",
        date_audience=date(2025, 3, 31),
    )
    assert find_matching([dossier], letter) is None
    # no deadlines, nothing late
    assert deadlines_for(dossier) == []
    assert due([dossier], TODAY, 30) == ([], [])
    # purged once its last contact (here the hearing of December 2022) is two years old
    old = esu(statut)
    old.date_audience = date(2022, 12, 15)
    assert due_for_purge([old], TODAY, 2) == [old]


@pytest.mark.parametrize("statut", ["En cours", "Rapport envoyé", "Nouveau", None, ""])
def test_an_open_dossier_is_not_closed(statut):
    dossier = esu(statut)
    assert not is_closed(dossier)
    assert "Rapport ESU / DSF au juge" in [d.quoi for d in deadlines_for(dossier)]
    old = esu(statut)
    old.date_audience = date(2022, 12, 15)
    assert due_for_purge([old], TODAY, 2) == []


def test_a_closed_dossier_has_no_bilan_in_the_gts_pack(tmp_path, config):
    open_one = Dossier(
        numero="ASLL-2024-0010",
        nature="ASLL",
        statut="Mesure en cours",
        personnes=[Personne("NGUYEN", "Thi")],
        commune="Cognac",
        type_mesure="maintien",
        date_ouverture=date(2024, 8, 20),
        date_debut_mesure=date(2024, 9, 1),
    )
    closed = Dossier(**{**open_one.__dict__, "numero": "ASLL-2024-0011", "statut": "Clôturé"})
    path = gts_pack([open_one, closed], "2025-03", config, tmp_path)
    text = "\n".join(c.text for t in Document(path).tables for r in t.rows for c in r.cells)
    assert "ASLL-2024-0010" in text and "ASLL-2024-0011" not in text


# ------------------------------------------------------------------ end of a measure
def asll(debut: date, renouvellements: int | None = None, fin: date | None = None) -> Dossier:
    return Dossier(
        numero="ASLL-2024-0007",
        nature="ASLL",
        statut="Mesure en cours",
        personnes=[Personne("MARTIN", "Paul", "M.")],
        type_mesure="maintien",
        date_ouverture=debut,
        date_debut_mesure=debut,
        renouvellements=renouvellements,
        date_fin_mesure=fin,
    )


@pytest.mark.parametrize(
    "debut, renouvellements, fin",
    [
        (date(2024, 9, 1), None, date(2025, 2, 28)),
        (date(2024, 9, 1), 1, date(2025, 8, 31)),
        (date(2024, 3, 1), 1, date(2025, 2, 28)),
        (date(2023, 8, 31), 2, date(2025, 2, 27)),  # 31 Aug + 18 months = 28 Feb, the day before
    ],
)
def test_the_end_of_a_measure_is_the_same_everywhere(config, debut, renouvellements, fin):
    dossier = asll(debut, renouvellements)
    assert measure_end(dossier) == fin
    assert [d.echeance for d in deadlines_for(dossier)] == [fin]
    assert periode_mesure(dossier) == (debut, fin)
    assert build_context(dossier, config, TODAY)["date_fin_prevue"] == date_fr(fin)


def test_the_end_the_register_gives_wins():
    dossier = asll(date(2024, 9, 1), 1, fin=date(2025, 1, 15))
    assert measure_end(dossier) == date(2025, 1, 15)
    assert [d.echeance for d in deadlines_for(dossier)] == [date(2025, 1, 15)]


def test_a_measure_ending_on_31_december_does_not_count_the_next_year():
    # 1 July + 6 months ends on 31 December; the stats once counted it in the next year too
    dossier = asll(date(2024, 7, 1))
    assert compte_pour(dossier, 2024) and not compte_pour(dossier, 2025)


# ------------------------------------------------------------------ months, years, folding
@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 10, 31), 4, date(2025, 2, 28)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 1, 15), -13, date(2023, 12, 15)),
    ],
)
def test_add_months_keeps_to_the_end_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


def test_years_before_a_29_february():
    assert years_before(date(2024, 2, 29), 2) == date(2022, 2, 28)


def test_fold_compares_spellings():
    assert fold("Clôturé") == fold(" CLOTURE ") == "cloture"
    assert fold("Le Guévénec") == fold("LE GUEVENEC")
    assert fold("ﬁche") == "fiche"  # a ligature pasted from a PDF
    assert fold(None) == ""


# ------------------------------------------------------------------ never overwrite
def test_a_taken_name_gets_a_version(tmp_path):
    first = write_new(tmp_path, "ESU-2025-0001_MARTIN_rapport-esu", ".docx", b"un")
    second = write_new(tmp_path, "ESU-2025-0001_MARTIN_rapport-esu", ".docx", b"deux")
    assert (first.name, second.name) == (
        "ESU-2025-0001_MARTIN_rapport-esu.docx",
        "ESU-2025-0001_MARTIN_rapport-esu-v2.docx",
    )
    assert first.read_bytes() == b"un" and second.read_bytes() == b"deux"
    # a report is two files: both names must be free
    (tmp_path / "rapport-activite-2024-tableaux.xlsx").write_bytes(b"")
    assert (
        free_stem(tmp_path, "rapport-activite-2024", (".docx", "-tableaux.xlsx"))
        == "rapport-activite-2024-v2"
    )


# ------------------------------------------------------------------ restart loop
class _Intake:
    """Stands in for intake.pipeline.Intake: the file named in `bad` fails when its turn
    comes, as a full disk or a crashed reader does."""

    def __init__(self, bad: set[str]):
        self.bad, self.calls = bad, 0

    def handle_many(self, paths: list[Path]):
        self.calls += 1
        for path in paths:
            if path.name in self.bad:
                raise OSError(28, "No space left on device")
            yield f"classé : {path.name}"


def test_a_failing_file_is_left_and_the_batch_goes_on():
    paths = [Path(n) for n in ("a.pdf", "b.pdf", "c.pdf", "d.pdf")]
    done, failed = [], []
    left = handle_all(
        _Intake({"b.pdf", "c.pdf"}),
        paths,
        lambda p, r: done.append(r),
        lambda p, e: failed.append(p.name),
    )
    assert done == ["classé : a.pdf", "classé : d.pdf"]
    assert failed == ["b.pdf", "c.pdf"] and left == []


def test_a_bug_ends_a_batch_unless_asked_to_go_on():
    class Buggy(_Intake):
        def handle_many(self, paths):
            for path in paths:
                if path.name == "b.pdf":
                    raise KeyError("bug")
                yield path.name

    paths = [Path("a.pdf"), Path("b.pdf"), Path("c.pdf")]
    with pytest.raises(KeyError):
        handle_all(Buggy(set()), paths, lambda p, r: None, lambda p, e: None)
    failed = []
    handle_all(
        Buggy(set()), paths, lambda p, r: None, lambda p, e: failed.append(type(e)), catch_bugs=True
    )
    assert failed == [KeyError]


def test_a_stop_leaves_the_rest_in_the_inbox():
    paths = [Path("a.pdf"), Path("b.pdf"), Path("c.pdf")]
    done = []
    left = handle_all(
        _Intake(set()),
        paths,
        lambda p, r: done.append(p.name),
        lambda p, e: None,
        should_stop=lambda: len(done) == 1,
    )
    assert done == ["a.pdf"] and left == [Path("b.pdf"), Path("c.pdf")]


# ------------------------------------------------------------------ social landlords
@pytest.mark.parametrize(
    "bailleur, statut",
    [
        ("OPH de l'Angoumois", "locataire_public"),
        ("Logélia Charente", "locataire_public"),
        ("ADOMA – résidence Les Tilleuls", "locataire_public"),
        ("Résidence sociale du Port", "locataire_public"),
        ("SCI Habitat 16", "locataire_prive"),  # a private company, whatever its name says
        ("Consorts GARNIER", "locataire_prive"),
        ("Cabinet Martin Immobilier", None),
    ],
)
def test_one_list_of_social_landlords(bailleur, statut):
    assert occupation_for(bailleur) == statut
    dossier = Dossier(numero="ESU-2025-0003", nature="ESU", bailleur=bailleur)
    assert est_bailleur_social(dossier) is (statut == "locataire_public")


def test_extraction_reads_the_one_list_and_a_services_own_landlords():
    from intake.parsers.landlords import statut_from_bailleur

    assert statut_from_bailleur("Résidence sociale du Port", {}) == "locataire_public"
    assert statut_from_bailleur("SCI Habitat 16", {}) == "locataire_prive"
    assert statut_from_bailleur("Jean-Pierre GARNIER", {}) == "locataire_prive"
    assert statut_from_bailleur("Actis", {}) is None
    local = {"statut_occupation": {"bailleurs_sociaux": [r"Actis\b"]}}
    assert statut_from_bailleur("Actis", local) == "locataire_public"
