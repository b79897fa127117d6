"""Two sites, one register on PostgreSQL: each site runs its own watcher (`asll surveiller`:
its own process, inbox and workbook) against the same database, at the same time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from asll.storage.database import dispose_all
from asll.storage.store import RegisterStore

SAMPLES = PROJECT_ROOT / "samples" / "documents"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="échantillons absents")


@pytest.fixture
def sites(tmp_path, pg_url):
    """Two workspaces (Chaumont, Langres) whose asll.toml name the same database."""
    out = []
    for name in ("chaumont", "langres"):
        base = tmp_path / name
        base.mkdir()
        # Files are moved into the inboxes whole: no need to wait for a copy to settle.
        (base / "asll.toml").write_text(
            f'[registre]\nbase = "{pg_url}"\n\n[surveillance]\nstabilite_secondes = 0.2\n',
            encoding="utf-8",
        )
        config = Config.for_workspace(base, base_registre=pg_url, stabilite_secondes=0.2)
        config.ensure_folders()
        out.append(config)
    yield out
    dispose_all()


class Watchers:
    """`asll surveiller` running at each site; their console output once stopped."""

    def __init__(self, sites: list[Config]):
        self.sites = sites
        self.logs = [c.base / "surveiller.log" for c in sites]
        self.procs: list[subprocess.Popen] = []
        self.outputs: list[str] = []

    def start(self) -> None:
        for config, log in zip(self.sites, self.logs):
            with log.open("w", encoding="utf-8") as out:  # a file: a pipe could fill up
                self.procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "asll", "surveiller"]
                        + ["--config", str(config.base / "asll.toml")],
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        text=True,
                    )
                )

    def stop(self) -> None:
        """SIGTERM, as systemd does: each finishes its file, saves its workbook, exits 0."""
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.outputs = [log.read_text(encoding="utf-8") for log in self.logs]

    def wait_for(self, outcomes: int, timeout: float) -> None:
        """Until the database holds `outcomes` documents and both inboxes are empty."""
        engine = sa.create_engine(self.sites[0].base_registre)
        deadline = time.monotonic() + timeout
        try:
            while True:
                for proc, log in zip(self.procs, self.logs):
                    assert proc.poll() is None, log.read_text(encoding="utf-8")
                count = _documents_filed(engine)
                empty = not any(any(c.inbox.iterdir()) for c in self.sites)
                if count >= outcomes and empty:
                    return
                if time.monotonic() > deadline:
                    pytest.fail(f"{count}/{outcomes} document(s) enregistrés après {timeout} s")
                time.sleep(0.5)
        finally:
            engine.dispose()


def _documents_filed(engine: sa.Engine) -> int:
    """Documents in the shared database; 0 while the watchers are still creating it."""
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM documents")).scalar()
    except sa.exc.ProgrammingError:  # no table yet
        return 0


@contextmanager
def _watching(sites) -> Iterator[Watchers]:
    watchers = Watchers(sites)
    watchers.start()
    try:
        yield watchers
    finally:
        watchers.stop()
    for proc, output in zip(watchers.procs, watchers.outputs):
        assert proc.returncode == 0, output
        assert "Surveillance arrêtée." in output


def _drop(data: bytes, inbox: Path, name: str) -> None:
    """Put a file in an inbox whole, as a scanner or a mail client does."""
    staging = inbox.parent / f".depot-{name}"
    staging.write_bytes(data)
    os.replace(staging, inbox / name)


def _workbook_numbers(config: Config) -> list[str]:
    ws = load_workbook(config.registre)["Dossiers"]
    return [r[0] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]


def test_a_letter_at_one_site_joins_the_assignation_at_the_other(sites):
    chaumont, langres = sites
    with _watching(sites) as watchers:
        _drop(
            (SAMPLES / "ASSIGNATION GARNIER c D'ALMEIDA.pdf").read_bytes(),
            chaumont.inbox,
            "ASSIGNATION GARNIER c D'ALMEIDA.pdf",
        )
        _drop(
            (SAMPLES / "SP Langres - D'ALMEIDA.pdf").read_bytes(),
            langres.inbox,
            "SP Langres - D'ALMEIDA.pdf",
        )
        watchers.wait_for(2, timeout=180)

    store = RegisterStore(chaumont.registre, chaumont.base_registre)
    (dossier,) = store.dossiers()
    documents = store.view().documents()
    assert [d["dossier"] for d in documents] == [dossier.numero] * 2
    assert {d["resultat"] for d in documents} == {"traité"}
    # each site's workbook caught up with what the other site filed
    assert _workbook_numbers(chaumont) == _workbook_numbers(langres) == [dossier.numero]


def test_the_same_file_at_both_sites_makes_one_dossier(sites):
    data = (SAMPLES / "assignation MARTIN.pdf").read_bytes()
    with _watching(sites) as watchers:
        for config in sites:
            _drop(data, config.inbox, "assignation MARTIN.pdf")
        watchers.wait_for(2, timeout=180)

    store = RegisterStore(sites[0].registre, sites[0].base_registre)
    assert len(store.dossiers()) == 1
    assert sorted(d["resultat"] for d in store.view().documents()) == ["doublon", "traité"]
    assert sum("doublon" in out for out in watchers.outputs) == 1


def test_two_hundred_files_over_two_sites_give_two_hundred_outcomes(sites):
    sources = sorted(p for p in SAMPLES.glob("*.pdf") if "papier" not in p.name)  # no OCR
    with _watching(sites) as watchers:
        for i in range(200):  # distinct bytes, households shared between the sites
            source = sources[i % len(sources)]
            data = source.read_bytes() + f"\n%copie {i}\n".encode()
            _drop(data, sites[i % 2].inbox, f"{i:03d} {source.name}")
        watchers.wait_for(200, timeout=600)

    store = RegisterStore(sites[0].registre, sites[0].base_registre)
    documents = store.view().documents()
    assert len(documents) == 200  # one outcome each, none lost, none twice
    filed = [
        p
        for c in sites
        for folder in (c.archive, c.quarantaine, c.a_trier)
        for p in folder.rglob("*")
        if p.is_file() and p.suffix != ".txt"
    ]
    assert len(filed) == 200
    dossiers = store.dossiers()
    numbers = [d.numero for d in dossiers]
    assert len(numbers) == len(set(numbers))
    households = Counter((d.personnes[0].nom if d.personnes else "") for d in dossiers)
    assert max(households.values()) == 1, households  # no household opened twice
    with store.db.engine.connect() as conn:  # every document of a dossier points at it
        orphans = conn.execute(
            sa.text(
                "SELECT count(*) FROM documents WHERE dossier IS NOT NULL "
                "AND dossier NOT IN (SELECT numero FROM dossiers)"
            )
        ).scalar()
    assert orphans == 0
    # Each workbook catches up with both sites at its next command, whatever it is (a
    # site's last refresh at SIGTERM may come before the other site's last filing).
    for config in sites:
        RegisterStore(config.registre, config.base_registre).flush()
    shown = [_workbook_numbers(c) for c in sites]
    for config, numbers_shown in zip(sites, shown):
        assert len(numbers_shown) == len(set(numbers_shown))
        assert set(numbers_shown) == set(numbers), (
            config.base.name,
            set(numbers_shown) ^ set(numbers),
        )
