"""`asll reconstruire` from the archived documents when the journal is lost (the store's
part, hand-typed values and deleted rows, is in test_store.py). Every test runs on SQLite and
on PostgreSQL (`register_url`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from asll.storage.database import dispose_all
from intake.pipeline import Intake

SAMPLES = PROJECT_ROOT / "samples" / "documents"


def _by_number(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)["Dossiers"]
    headers = [c.value for c in ws[1]]
    rows = (dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True))
    return {r["N° dossier"]: r for r in rows if r["N° dossier"]}


def _asll(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "asll", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def _workspace(base: Path, register_url: str | None) -> Config:
    """A workspace whose asll.toml names the register's database (none: SQLite beside it)."""
    base.mkdir(parents=True, exist_ok=True)
    toml = f'[registre]\nbase = "{register_url}"\n' if register_url else ""
    (base / "asll.toml").write_text(toml, encoding="utf-8")
    config = Config.for_workspace(base, base_registre=register_url)
    config.ensure_folders()
    return config


def _rebuild(config: Config) -> subprocess.CompletedProcess:
    return _asll("reconstruire", "--config", config.base / "asll.toml")


def _lose_database(config: Config) -> None:
    """A restored disk, or a new PostgreSQL server: the register's database is gone."""
    dispose_all()
    if config.base_registre:
        engine = sa.create_engine(config.base_registre)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
    shutil.rmtree(config.registre.parent / ".asll")


def test_archived_documents_rebuild_a_register_whose_journal_is_lost(tmp_path, register_url):
    config = _workspace(tmp_path / "espace", register_url)
    names = [
        "ASSIGNATION GARNIER c D'ALMEIDA.pdf",
        "SP Langres - D'ALMEIDA.pdf",
        "Fiche prescription ASLL - CCAS Cognac.docx",
    ]
    for name in names:
        shutil.copy(SAMPLES / name, config.inbox / name)
    intake = Intake(config)
    first = list(intake.handle_many(sorted(config.inbox.iterdir())))
    intake.flush()
    assert [r.resultat for r in first] == ["traité"] * 3
    before = _by_number(config.registre)
    # the register and its database are lost (a restored disk); the archive is intact
    config.registre.unlink()
    _lose_database(config)

    result = _rebuild(config)

    assert result.returncode == 0, result.stderr
    after = _by_number(config.registre)
    assert len(after) == len(before) == 2  # the letter joined its assignation again
    names_before = sorted(r["Nom 1"] for r in before.values())
    assert sorted(r["Nom 1"] for r in after.values()) == names_before
    assert "3 document(s) archivé(s) absents de la base relus" in result.stdout
    assert "colonnes remplies à la main" in result.stdout  # nothing to take them from
    assert len(list(config.archive.rglob("*.*"))) == 3  # read where they lie, not moved

    again = _rebuild(config)  # now in the journal: read once
    assert again.returncode == 0 and "absents de la base" not in again.stdout
    assert len(_by_number(config.registre)) == 2


def test_nothing_to_rebuild_says_so(tmp_path, register_url):
    result = _rebuild(_workspace(tmp_path, register_url))
    assert result.returncode != 0
    assert "rien à reconstruire" in result.stderr


def test_an_archived_file_that_cannot_be_read_is_named_and_left_in_place(tmp_path, register_url):
    config = _workspace(tmp_path / "espace", register_url)
    month = config.archive / "2025-10"
    month.mkdir(parents=True)
    broken = month / "assignation tronquée.pdf"
    broken.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <<")  # a copy cut short
    invoice = month / "Facture electricite 09-2025.pdf"  # readable, but not a saisine
    shutil.copy(SAMPLES / invoice.name, invoice)

    result = _rebuild(config)

    assert result.returncode == 0, result.stderr
    assert "2 document(s) archivé(s) non relus, laissés en place" in result.stdout
    assert "2025-10/assignation tronquée.pdf : Le PDF" in result.stdout
    assert "document non reconnu" in result.stdout
    assert broken.read_bytes().startswith(b"%PDF") and invoice.is_file()  # never lost
    assert _by_number(config.registre) == {}
