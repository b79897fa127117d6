"""Two sites, one register on PostgreSQL: each site runs its own intake (its own process,
inbox and workbook) against the same database, at the same time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter

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
        (base / "asll.toml").write_text(f'[registre]\nbase = "{pg_url}"\n', encoding="utf-8")
        config = Config.for_workspace(base, base_registre=pg_url, stabilite_secondes=0)
        config.ensure_folders()
        out.append(config)
    yield out
    dispose_all()


def _ingest_at_both(sites) -> list[str]:
    """`asll ingest` at both sites at once; their outputs."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "asll", "ingest", "--config", str(c.base / "asll.toml")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for c in sites
    ]
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    for proc, output in zip(procs, outputs):
        assert proc.returncode == 0, output
    return outputs


def _workbook_numbers(config: Config) -> list[str]:
    ws = load_workbook(config.registre)["Dossiers"]
    return [r[0] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]


def test_a_letter_at_one_site_joins_the_assignation_at_the_other(sites):
    chaumont, langres = sites
    shutil.copy(SAMPLES / "ASSIGNATION GARNIER c D'ALMEIDA.pdf", chaumont.inbox)
    shutil.copy(SAMPLES / "SP Langres - D'ALMEIDA.pdf", langres.inbox)

    _ingest_at_both(sites)
    _ingest_at_both(sites)  # nothing new: each workbook catches up with the other site

    store = RegisterStore(chaumont.registre, chaumont.base_registre)
    (dossier,) = store.dossiers()
    documents = store.view().documents()
    assert [d["dossier"] for d in documents] == [dossier.numero] * 2
    assert {d["resultat"] for d in documents} == {"traité"}
    assert _workbook_numbers(chaumont) == _workbook_numbers(langres) == [dossier.numero]


def test_the_same_file_at_both_sites_makes_one_dossier(sites):
    for config in sites:
        shutil.copy(SAMPLES / "assignation MARTIN.pdf", config.inbox)

    outputs = _ingest_at_both(sites)

    store = RegisterStore(sites[0].registre, sites[0].base_registre)
    assert len(store.dossiers()) == 1
    assert sorted(d["resultat"] for d in store.view().documents()) == ["doublon", "traité"]
    assert sum("doublon" in out for out in outputs) == 1
    assert not any(any(c.inbox.iterdir()) for c in sites)


def test_two_hundred_files_over_two_sites_give_two_hundred_outcomes(sites):
    sources = sorted(p for p in SAMPLES.glob("*.pdf") if "papier" not in p.name)  # no OCR
    for i in range(200):  # distinct bytes, households shared between the sites
        source = sources[i % len(sources)]
        target = sites[i % 2].inbox / f"{i:03d} {source.name}"
        target.write_bytes(source.read_bytes() + f"\n%copie {i}\n".encode())

    _ingest_at_both(sites)

    assert not any(any(c.inbox.iterdir()) for c in sites)
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
