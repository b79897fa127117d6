"""The register never loses a change or an edit: database, workbook view, locks, crashes,
rebuild. Every test runs on SQLite and on PostgreSQL (`register_url`)."""

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from asll.domain.model import Extraction, Personne
from asll.storage.register import DocumentRecord
from asll.storage.store import RegisterStore, document_entry, lock_reason


def _letter(nom: str, numero: str, sha: str, store: RegisterStore):
    extraction = Extraction(
        fichier=f"{nom}.pdf",
        type_document="saisine_prefecture",
        personnes=[Personne(nom, "Paul", "M.")],
        adresse="3 rue Jean Jaurès",
        code_postal="52100",
        commune="Saint-Dizier",
        montant_dette=1520.4,
        date_audience=date(2025, 11, 4),
    )
    record = DocumentRecord(
        datetime(2025, 9, 1, 9, 30), f"{nom}.pdf", sha, "Saisine de la préfecture", numero, "traité"
    )
    return store.record(document_entry(record, extraction, numero))


def _rows(path):
    ws = load_workbook(path)["Dossiers"]
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True)]


def test_changes_wait_while_excel_has_the_register_open(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)
    assert store.flush() is None
    lock = tmp_path / "~$registre.xlsx"
    lock.write_bytes(b"verrou Excel")
    _letter("PETIT", "ESU-2025-0002", "b" * 64, store)

    waiting = store.flush()
    assert waiting.count == 1 and "Excel" in waiting.reason
    assert [r["Nom 1"] for r in _rows(path)] == ["MOREAU"]
    assert RegisterStore(path, register_url).waiting().reason == "le registre est ouvert dans Excel"

    lock.unlink()
    assert store.flush() is None
    assert [r["Nom 1"] for r in _rows(path)] == ["MOREAU", "PETIT"]
    assert RegisterStore(path, register_url).waiting() is None


def test_libreoffice_lock_is_recognised(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    (tmp_path / ".~lock.registre.xlsx#").write_text("verrou")
    assert lock_reason(path) == "le registre est ouvert dans LibreOffice"


def test_an_edit_saved_meanwhile_is_kept_when_the_watcher_writes(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)
    store.flush()
    _letter("PETIT", "ESU-2025-0002", "b" * 64, store)  # in memory and journal only

    wb = load_workbook(path)  # a worker saves her edit in between
    ws = wb["Dossiers"]
    headers = [c.value for c in ws[1]]
    ws.cell(row=2, column=headers.index("Ménage rencontré") + 1, value="Oui")
    ws.cell(row=2, column=headers.index("Statut") + 1, value="En cours")
    wb.save(path)

    store.flush()
    rows = _rows(path)
    assert [r["Nom 1"] for r in rows] == ["MOREAU", "PETIT"]
    assert rows[0]["Ménage rencontré"] == "Oui" and rows[0]["Statut"] == "En cours"


def test_a_killed_process_loses_nothing_the_next_one_saves_it(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    first = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, first)
    # ...killed before any save: only the journal has it.
    assert not path.exists()
    second = RegisterStore(path, register_url)
    assert second.view().find_document("a" * 64)["dossier"] == "ESU-2025-0001"
    second.flush()
    second.flush()
    assert [r["Nom 1"] for r in _rows(path)] == ["MOREAU"]
    assert load_workbook(path)["Documents reçus"].max_row == 2  # applied once


def test_rebuild_restores_a_lost_register_from_the_journal(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    for i, nom in enumerate(("MOREAU", "PETIT", "N'DIAYE"), 1):
        _letter(nom, f"ESU-2025-000{i}", str(i) * 64, store)
        store.flush()
    path.write_bytes(b"abime")  # broken by hand, or by a bad disk
    RegisterStore(path, register_url).rebuild()
    assert [r["Nom 1"] for r in _rows(path)] == ["MOREAU", "PETIT", "N'DIAYE"]
    deadlines = load_workbook(path)["Échéances"]  # the rebuilt workbook is complete
    assert {row[2] for row in deadlines.iter_rows(min_row=2, values_only=True)} == {
        "ESU-2025-0001",
        "ESU-2025-0002",
        "ESU-2025-0003",
    }


def test_saves_are_atomic_and_keep_rotating_backups(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    for i in range(14):
        _letter(f"NOM{i:02d}", f"ESU-2025-{i + 1:04d}", f"{i:064d}", store)
        store.flush()
    backups = sorted((tmp_path / ".asll" / "sauvegardes").glob("registre-*.xlsx"))
    assert len(backups) == 10
    assert len(_rows(backups[-1])) == 13  # the version before the last save
    assert not list(tmp_path.glob(".~asll-*"))  # no temporary file left behind


def test_a_broken_workbook_is_reported_not_overwritten(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)
    store.flush()
    path.write_bytes(b"pas un classeur")
    _letter("PETIT", "ESU-2025-0002", "b" * 64, store)  # intake goes on: the database has it

    waiting = store.flush()

    assert "reconstruire" in waiting.reason
    assert path.read_bytes() == b"pas un classeur"
    assert [d.numero for d in RegisterStore(path, register_url).dossiers()] == [
        "ESU-2025-0001",
        "ESU-2025-0002",
    ]


def test_deadlines_sheet_shows_late_reports_in_red(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)  # hearing 4 Nov 2025: long past
    store.flush()
    ws = load_workbook(path)["Échéances"]
    rows = list(ws.iter_rows(min_row=2))
    report = next(r for r in rows if r[4].value.startswith("Rapport"))
    assert report[2].value == "ESU-2025-0001" and report[3].value == "MOREAU"
    assert report[0].value.date() == date(2025, 10, 28)
    # days left and the red are worked out by Excel / LibreOffice on the day it is opened
    assert report[1].value == f"=A{report[1].row}-TODAY()"
    (rule,) = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert rule.formula == ["$A2<TODAY()"] and rule.dxf.fill.bgColor.rgb.endswith("F4B6B6")


def _by_number(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)["Dossiers"]
    headers = [c.value for c in ws[1]]
    rows = (dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True))
    return {r["N° dossier"]: r for r in rows if r["N° dossier"]}


def _person_edits(path: Path, edits: dict[str, dict[str, str]], delete: str | None = None):
    """A worker opens the register, types in green columns (and may delete a row), saves."""
    wb = load_workbook(path)
    ws = wb["Dossiers"]
    headers = {c.value: c.column for c in ws[1]}
    for row in range(ws.max_row, 1, -1):
        numero = ws.cell(row=row, column=1).value
        for header, value in edits.get(numero, {}).items():
            ws.cell(row=row, column=headers[header], value=value)
        if numero == delete:
            ws.delete_rows(row)
    wb.properties.lastModifiedBy = "Claire Vidal"
    wb.save(path)


def test_hand_typed_values_survive_a_broken_register(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    for i, nom in enumerate(("MOREAU", "PETIT"), 1):
        _letter(nom, f"ESU-2025-000{i}", str(i) * 64, store)
        store.flush()
    _person_edits(path, {"ESU-2025-0001": {"Statut": "Rapport envoyé", "Ménage rencontré": "Oui"}})
    _letter("N'DIAYE", "ESU-2025-0003", "3" * 64, store)  # the watcher goes on
    store.flush()
    path.write_bytes(b"PK\x03\x04 abime")  # a bad disk, a half-copied file

    rebuilt = RegisterStore(path, register_url).rebuild()

    rows = _by_number(path)
    assert sorted(rows) == ["ESU-2025-0001", "ESU-2025-0002", "ESU-2025-0003"]
    assert rows["ESU-2025-0001"]["Statut"] == "Rapport envoyé"
    assert rows["ESU-2025-0001"]["Ménage rencontré"] == "Oui"
    assert rebuilt.base is None  # unreadable: the edits came from the database
    audit = RegisterStore(path, register_url).history({"ESU-2025-0001"})
    edits = {(a["auteur"], a["champ"], a["nouvelle_valeur"]) for a in audit}
    assert ("Claire Vidal", "statut", "Rapport envoyé") in edits
    assert ("Claire Vidal", "menage_rencontre", "Oui") in edits


def test_a_row_deleted_by_mistake_comes_back_with_the_edits_kept(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    for i, nom in enumerate(("MOREAU", "PETIT", "N'DIAYE"), 1):
        _letter(nom, f"ESU-2025-000{i}", str(i) * 64, store)
    store.flush()
    _person_edits(path, {"ESU-2025-0003": {"Statut": "Clos"}}, delete="ESU-2025-0002")

    rebuilt = RegisterStore(path, register_url).rebuild()

    rows = _by_number(path)
    assert rows["ESU-2025-0002"]["Nom 1"] == "PETIT"
    assert rows["ESU-2025-0003"]["Statut"] == "Clos"
    assert rebuilt.base == path and rebuilt.dossiers_restored == 1


def test_what_a_person_saved_is_read_before_anything_uses_the_register(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)
    store.flush()
    _person_edits(path, {"ESU-2025-0001": {"Statut": "En cours", "Ménage rencontré": "Oui"}})

    # a draft or a report asks for the dossier: no save of the workbook in between
    dossier = RegisterStore(path, register_url).view().get("ESU-2025-0001")

    assert (dossier.statut, dossier.menage_rencontre) == ("En cours", "Oui")


def test_the_sqlite_database_is_copied_online_and_rotated(tmp_path):
    import sqlite3

    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path)
    _letter("MOREAU", "ESU-2025-0001", "a" * 64, store)
    copies = [store.backup_database() for _ in range(12)]
    kept = sorted((tmp_path / ".asll" / "sauvegardes").glob("base-*.sqlite"))
    assert len(kept) == 10 and kept[-1] == copies[-1]
    with sqlite3.connect(kept[-1]) as copy:  # a database of its own, complete
        assert copy.execute("SELECT numero FROM dossiers").fetchall() == [("ESU-2025-0001",)]
