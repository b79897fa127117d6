"""Personal data: owner-only files, retention, access and erasure requests."""

import os
import shutil
import stat
import subprocess
import sys
from datetime import date

from openpyxl import load_workbook

from asll.app.privacy import erase
from asll.config import PROJECT_ROOT, Config
from asll.domain.retention import (
    PERSON_FIELDS,
    PURGE_FIELDS,
    due_for_purge,
    find_person,
    last_activity,
)
from asll.storage.permissions import private_umask
from asll.storage.store import RegisterStore
from intake.pipeline import Intake, sha256_of

SAMPLES = PROJECT_ROOT / "samples" / "documents"
MARTIN = SAMPLES / "assignation MARTIN.pdf"
LE_GOFF = SAMPLES / "assignation LE GOFF Wassy.pdf"


def _ingest(config: Config, *samples):
    config.ensure_folders()
    paths = []
    for sample in samples:
        shutil.copy(sample, config.inbox / sample.name)
        paths.append(config.inbox / sample.name)
    intake = Intake(config)
    results = list(intake.handle_many(paths))
    intake.flush()
    return results


def _everything_written(config: Config) -> bytes:
    blob = b""
    for path in config.base.rglob("*"):
        if path.is_file() and path.suffix in (".jsonl", ".txt", ".json", ".sqlite", ".sqlite-wal"):
            blob += path.read_bytes()
    return blob


def _database_text(store: RegisterStore) -> str:
    """Every value of every table of the register's database, as text."""
    import sqlalchemy as sa

    from asll.storage.schema import metadata

    with store.db.engine.connect() as conn:
        return repr([list(conn.execute(sa.select(t))) for t in metadata.sorted_tables])


def test_erasing_a_person_leaves_no_trace_but_keeps_the_figures(tmp_path, register_url):
    config = Config.for_workspace(tmp_path, stabilite_secondes=0, base_registre=register_url)
    martin, le_goff = _ingest(config, MARTIN, LE_GOFF)
    store = RegisterStore(config.registre, register_url)
    assert "MARTIN" in _database_text(store) and "Anémones" in _database_text(store)
    store.flush()  # a second save, so that a backup holding the names exists
    assert find_person(store.view().dossiers(), "Martin")[0].numero == martin.dossier

    provenance = config.registre.parent / ".asll" / "provenance"
    assert (provenance / f"{sha256_of(MARTIN)}.json").is_file()
    result = erase([martin.dossier], store, config, "demande de la personne")
    assert result.dossiers == [martin.dossier]
    # where its values were read goes with the document; the other dossier's stays
    assert not (provenance / f"{sha256_of(MARTIN)}.json").exists()
    assert (provenance / f"{sha256_of(LE_GOFF)}.json").is_file()
    assert not any(config.archive.rglob("assignation MARTIN.pdf"))
    assert not any(config.outbox.rglob(f"{martin.dossier}_*"))
    assert (config.archive / le_goff.classe_sous.parent.name / LE_GOFF.name).exists()

    register = RegisterStore(config.registre, register_url).view()
    erased = register.get(martin.dossier)
    assert erased.personnes == [] and erased.adresse is None
    assert erased.montant_dette == 3412.87 and erased.commune == "Saint-Dizier"  # figures kept
    assert find_person(register.dossiers(), "MARTIN") == []
    cells = [
        str(c.value)
        for ws in load_workbook(config.registre).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert not any("MARTIN" in c or "LEROY" in c or "Anémones" in c for c in cells)
    assert any("LE GOFF" in c for c in cells)
    assert b"MARTIN" not in _everything_written(config) and b"LEROY" not in _everything_written(
        config
    )
    assert not list((config.registre.parent / ".asll" / "sauvegardes").glob("*.xlsx"))
    text = _database_text(store)  # audit, documents, conflicts, view state included
    assert "MARTIN" not in text and "LEROY" not in text and "Anémones" not in text
    assert "LE GOFF" in text
    history = store.history({martin.dossier})
    assert history[-1]["nouvelle_valeur"].startswith("anonymisé")

    # A rebuild from the database does not bring the names back.
    RegisterStore(config.registre, register_url).rebuild()
    assert (
        find_person(RegisterStore(config.registre, register_url).view().dossiers(), "MARTIN") == []
    )


def test_retention_selects_closed_dossiers_two_years_after_last_contact(tmp_path):
    from asll.domain.model import Dossier, Personne

    old = Dossier(
        numero="ESU-2022-0001",
        nature="ESU",
        statut="Clos",
        personnes=[Personne("A")],
        date_ouverture=date(2022, 3, 1),
        date_envoi_rapport=date(2022, 4, 1),
    )
    recent = Dossier(
        numero="ESU-2024-0001",
        nature="ESU",
        statut="Clos",
        personnes=[Personne("B")],
        date_ouverture=date(2024, 3, 1),
    )
    still_open = Dossier(
        numero="ESU-2021-0001",
        nature="ESU",
        statut="En cours",
        personnes=[Personne("C")],
        date_ouverture=date(2021, 3, 1),
    )
    selected = due_for_purge([old, recent, still_open], date(2025, 11, 23), 2)
    assert [d.numero for d in selected] == ["ESU-2022-0001"]

    # `asll purger` and the person search read the register on their fields alone
    read: set = set()
    watched = [_Watched(d, read) for d in (old, recent, still_open)]
    assert [d.numero for d in due_for_purge(watched, date(2025, 11, 23), 2)] == ["ESU-2022-0001"]
    assert [last_activity(d) for d in watched] == [
        date(2022, 4, 1),
        date(2024, 3, 1),
        date(2021, 3, 1),
    ]
    assert read - {"numero"} <= set(PURGE_FIELDS), read - set(PURGE_FIELDS)
    read.clear()
    assert [d.numero for d in find_person(watched, "b")] == ["ESU-2024-0001"]
    assert read - {"numero"} <= set(PERSON_FIELDS), read - set(PERSON_FIELDS)


class _Watched:
    """A dossier that records which fields are read."""

    def __init__(self, dossier, read: set):
        object.__setattr__(self, "_dossier", dossier)
        object.__setattr__(self, "_read", read)

    def __getattr__(self, name):
        self._read.add(name)
        return getattr(self._dossier, name)


def test_files_the_tool_creates_are_owner_only(tmp_path):
    if os.name != "posix":
        return
    previous = os.umask(0o022)
    try:
        config = Config.for_workspace(tmp_path, stabilite_secondes=0)
        private_umask(config)
        (result,) = _ingest(config, MARTIN)
        created = [
            config.registre,
            result.classe_sous,
            *result.brouillons,
            config.registre.parent / ".asll" / "registre.sqlite",
        ]
        for path in created:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode & 0o077 == 0, f"{path.name} : {oct(mode)}"
    finally:
        os.umask(previous)


def test_purge_is_a_dry_run_unless_asked(tmp_path):
    config = Config.for_workspace(tmp_path, stabilite_secondes=0)
    _ingest(config, MARTIN)
    result = subprocess.run(
        [sys.executable, "-m", "asll", "effacer-personne", "Martin", "--espace", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert "Simulation : rien n'a été modifié" in result.stdout
    assert any(config.archive.rglob("assignation MARTIN.pdf"))


def test_the_log_file_names_no_household(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(MARTIN, inbox / MARTIN.name)
    shutil.copy(MARTIN, inbox / ("copie " + MARTIN.name))
    (inbox / "MARTIN illisible.pdf").write_bytes(b"%PDF-1.4 abime")
    result = subprocess.run(
        [sys.executable, "-m", "asll", "ingest", "--espace", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / ".asll" / "asll.log").read_text(encoding="utf-8")
    assert "traité : dossier ESU-" in log and "doublon" in log and "quarantaine" in log
    for word in ("MARTIN", "LEROY", "Anémones", "3 412", "3412"):
        assert word not in log


def test_the_access_export_holds_the_dossier_its_files_and_its_history(tmp_path, register_url):
    import json

    from asll.app.privacy import export_person

    config = Config.for_workspace(tmp_path, stabilite_secondes=0, base_registre=register_url)
    (martin,) = _ingest(config, MARTIN)
    wb = load_workbook(config.registre)  # a worker records the interview
    ws = wb["Dossiers"]
    headers = {c.value: c.column for c in ws[1]}
    ws.cell(row=2, column=headers["Ménage rencontré"], value="Oui")
    wb.properties.lastModifiedBy = "Claire Vidal"
    wb.save(config.registre)
    store = RegisterStore(config.registre, register_url)
    store.flush()

    dossiers = find_person(store.view().dossiers(), "Martin")
    folder = export_person(dossiers, store, config, "Martin", tmp_path / "exports")

    data = json.loads((folder / "donnees.json").read_text(encoding="utf-8"))
    assert [d["numero"] for d in data["dossiers"]] == [martin.dossier]
    assert [d["fichier"] for d in data["documents_recus"]] == [MARTIN.name]
    history = {(h["auteur"], h["champ"], h["nouvelle_valeur"]) for h in data["historique"]}
    assert ("Claire Vidal", "menage_rencontre", "Oui") in history
    assert any(h["nouvelle_valeur"].startswith("créé") for h in data["historique"])
    assert (folder / martin.dossier / MARTIN.name).read_bytes() == MARTIN.read_bytes()
