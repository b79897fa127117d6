"""7. Two sites, one register on PostgreSQL: a burst shared by two watchers.

The same N files (copies of the bundled PDFs with distinct bytes, `common.variant`; the
paper scans left out, as in tests/test_sites.py) are dropped at once:
- into the inbox of one `asll surveiller` process (one site), then
- half into each inbox of two `asll surveiller` processes (two sites, two workspaces),
each run against its own fresh PostgreSQL database, on the same cores. Each watcher is
started (and its database migrated) before the clock starts; measured is the wall time
from the first file moved into an inbox to the N-th outcome in the database (and empty
inboxes). Target (issue #16): two watchers within 1,3× one watcher: sharing a register
must not serialise the sites (locks, retries on the unique constraints, two workbooks).

PostgreSQL: the test server (`make test-servers`), or the server named by
ASLL_BENCH_POSTGRES (a SQLAlchemy URL of a role allowed to create databases).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.common import ROOT, SAMPLES, variant

TARGET = 1.3  # two watchers / one watcher, same burst, same cores
SERVER = os.environ.get(
    "ASLL_BENCH_POSTGRES", "postgresql+psycopg://asll_test:asll_test@127.0.0.1:5432/postgres"
)


def _admin():
    import sqlalchemy as sa

    return sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")


def _new_database(admin) -> str:
    """A fresh database on the server, migrated; its URL."""
    import sqlalchemy as sa

    from asll.storage.database import Database

    name = f"asll_bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    Database(url).close()  # migrated now: not on the clock
    return url


def _drop_database(admin, url: str) -> None:
    import sqlalchemy as sa

    from asll.storage.database import dispose_all

    dispose_all()
    name = sa.make_url(url).database
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _outcomes(url: str) -> int:
    import sqlalchemy as sa

    from asll.storage.database import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM documents")).scalar()
    finally:
        engine.dispose()


def _burst(workspace: Path, url: str, payloads: list[tuple[str, bytes]], sites: int) -> dict:
    """`sites` watchers on one database; the payloads dealt over their inboxes in turn."""
    from asll.config import Config

    configs, procs = [], []
    for i in range(sites):
        base = workspace / f"site{i + 1}"
        base.mkdir(parents=True)
        (base / "asll.toml").write_text(f'[registre]\nbase = "{url}"\n', encoding="utf-8")
        config = Config.for_workspace(base, base_registre=url)
        config.ensure_folders()
        configs.append(config)
    try:
        for config in configs:
            log = (config.base / "surveiller.log").open("w", encoding="utf-8")
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "asll", "surveiller"]
                    + ["--config", str(config.base / "asll.toml")],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=ROOT,
                )
            )
            log.close()
        ready = time.monotonic() + 60
        while not all("Surveillance de" in _log(c) for c in configs):
            if time.monotonic() > ready or any(p.poll() is not None for p in procs):
                raise RuntimeError("surveillance non démarrée : " + _log(configs[0])[-500:])
            time.sleep(0.1)
        staged = []  # written beside the inboxes, moved in whole: the copy is not timed
        for k, (name, data) in enumerate(payloads):
            config = configs[k % sites]
            path = config.base / f".depot-{name}"
            path.write_bytes(data)
            staged.append((path, config.inbox / name))
        start = time.monotonic()
        for source, target in staged:
            os.replace(source, target)
        deadline = start + 1800
        while True:
            done = _outcomes(url)
            if done >= len(payloads) and not any(any(c.inbox.iterdir()) for c in configs):
                break
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise RuntimeError(f"rafale inachevée : {done}/{len(payloads)}")
            time.sleep(0.2)
        total = time.monotonic() - start
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return {"surveillances": sites, "total": total, "resultats": _outcomes(url)}


def _log(config) -> str:
    path = config.base / "surveiller.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def run(rapide: bool = False) -> dict:
    count = 40 if rapide else 500
    sources = sorted(p for p in SAMPLES.glob("*.pdf") if "papier" not in p.name)  # no OCR
    payloads = [
        (f"{i:04d} {sources[i % len(sources)].name}", variant(sources[i % len(sources)], i))
        for i in range(count)
    ]
    try:
        admin = _admin()
        admin.connect().close()
    except Exception as exc:  # noqa: BLE001 - any reason the server is not there
        return {"erreur": f"PostgreSQL injoignable ({SERVER.split('@')[-1]}) : {exc}"}
    out = {"fichiers": count, "coeurs": os.cpu_count() or 1, "cible": TARGET}
    try:
        for key, sites in (("un_site", 1), ("deux_sites", 2)):
            url = _new_database(admin)
            try:
                with tempfile.TemporaryDirectory(prefix="asll-bench-sites-") as tmp:
                    out[key] = _burst(Path(tmp), url, payloads, sites)
            finally:
                _drop_database(admin, url)
    finally:
        admin.dispose()
    out["ratio"] = out["deux_sites"]["total"] / out["un_site"]["total"]
    return out
