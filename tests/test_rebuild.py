"""`asll reconstruire`: the register made again without losing a row or an edit."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from asll.model import Extraction, Personne
from asll.register import DocumentRecord
from asll.store import RegisterStore, document_entry
from intake.pipeline import Intake

SAMPLES = PROJECT_ROOT / "samples" / "documents"


def _letter(nom: str, numero: str, sha: str, store: RegisterStore) -> None:
    extraction = Extraction(
        fichier=f"{nom}.pdf", type_document="saisine_prefecture",
        personnes=[Personne(nom, "Paul", "M.")], adresse="3 rue Jean Jaurès",
        code_postal="52100", commune="Saint-Dizier", montant_dette=1520.4,
        date_audience=date(2025, 11, 4))
    record = DocumentRecord(datetime(2025, 9, 1, 9, 30), f"{nom}.pdf", sha,
                            "Courrier préfecture", numero, "traité")
    store.record(document_entry(record, extraction, numero))
    store.flush()


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
    wb.save(path)


def test_hand_typed_values_survive_a_broken_register(tmp_path):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path)
    _letter("MOREAU", "ESU-2025-0001", "1" * 64, store)
    _letter("PETIT", "ESU-2025-0002", "2" * 64, store)
    _person_edits(path, {"ESU-2025-0001": {"Statut": "Rapport envoyé",
                                           "Ménage rencontré": "Oui"}})
    _letter("N'DIAYE", "ESU-2025-0003", "3" * 64, store)  # the watcher goes on
    path.write_bytes(b"PK\x03\x04 abime")  # a bad disk, a half-copied file

    rebuilt = RegisterStore(path).rebuild()

    rows = _by_number(path)
    assert sorted(rows) == ["ESU-2025-0001", "ESU-2025-0002", "ESU-2025-0003"]
    assert rows["ESU-2025-0001"]["Statut"] == "Rapport envoyé"
    assert rows["ESU-2025-0001"]["Ménage rencontré"] == "Oui"
    assert rebuilt.base.parent.name == "sauvegardes"  # the register itself was unreadable
    assert (rebuilt.dossiers_restored, rebuilt.documents_restored) == (0, 0)


def test_a_row_deleted_by_mistake_comes_back_with_the_edits_kept(tmp_path):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path)
    for i, nom in enumerate(("MOREAU", "PETIT", "N'DIAYE"), 1):
        _letter(nom, f"ESU-2025-000{i}", str(i) * 64, store)
    _person_edits(path, {"ESU-2025-0003": {"Statut": "Clos"}}, delete="ESU-2025-0002")

    rebuilt = RegisterStore(path).rebuild()

    rows = _by_number(path)
    assert rows["ESU-2025-0002"]["Nom 1"] == "PETIT"
    assert rows["ESU-2025-0003"]["Statut"] == "Clos"
    assert rebuilt.base == path and rebuilt.dossiers_restored == 1


def _asll(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "asll", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_archived_documents_rebuild_a_register_whose_journal_is_lost(tmp_path):
    config = Config.for_workspace(tmp_path / "espace")
    config.ensure_folders()
    names = ["ASSIGNATION GARNIER c D'ALMEIDA.pdf", "SP Langres - D'ALMEIDA.pdf",
             "Fiche prescription ASLL - CCAS Cognac.docx"]
    for name in names:
        shutil.copy(SAMPLES / name, config.inbox / name)
    intake = Intake(config)
    first = list(intake.handle_many(sorted(config.inbox.iterdir())))
    intake.flush()
    assert [r.resultat for r in first] == ["traité"] * 3
    before = _by_number(config.registre)
    # the register and its journal are lost (a restored disk); the archive is intact
    config.registre.unlink()
    shutil.rmtree(config.registre.parent / ".asll")

    result = _asll("reconstruire", "--espace", config.base)

    assert result.returncode == 0, result.stderr
    after = _by_number(config.registre)
    assert len(after) == len(before) == 2  # the letter joined its assignation again
    names_before = sorted(r["Nom 1"] for r in before.values())
    assert sorted(r["Nom 1"] for r in after.values()) == names_before
    assert "3 document(s) archivé(s) absents du journal relus" in result.stdout
    assert "colonnes remplies à la main" in result.stdout  # nothing to take them from
    assert len(list(config.archive.rglob("*.*"))) == 3  # read where they lie, not moved

    again = _asll("reconstruire", "--espace", config.base)  # now in the journal: read once
    assert again.returncode == 0 and "absents du journal" not in again.stdout
    assert len(_by_number(config.registre)) == 2


def test_nothing_to_rebuild_says_so(tmp_path):
    result = _asll("reconstruire", "--espace", tmp_path)
    assert result.returncode != 0
    assert "rien à reconstruire" in result.stderr
