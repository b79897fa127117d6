"""Crash safety: the real watcher killed at random moments, then restarted, files every
input exactly once; a disk fault leaves the file in the inbox with a French message, and
the work resumes when the fault goes."""

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from asll.storage.store import RegisterStore
from intake.inbox import waiting_files
from intake.pipeline import TRAITE
from intake.watcher import InboxWatcher

SAMPLES = PROJECT_ROOT / "samples" / "documents"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="échantillons absents")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filed_files(config: Config) -> list[Path]:
    return [
        p
        for folder in (config.archive, config.quarantaine, config.a_trier)
        for p in folder.rglob("*")
        if p.is_file() and p.suffix != ".txt" and not p.name.startswith(".")
    ]


def start_watcher(base: Path) -> subprocess.Popen:
    config = ["--config", str(base / "asll.toml")] if (base / "asll.toml").exists() else []
    return subprocess.Popen(
        [sys.executable, "-m", "asll", "watch", "--espace", str(base), *config],
        cwd=base.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_watcher_killed_at_random_moments_files_every_input_exactly_once(tmp_path, register_url):
    rng = random.Random(1187)
    base = tmp_path / "espace"
    config = Config.for_workspace(base, base_registre=register_url)
    config.ensure_folders()
    if register_url:  # PostgreSQL: named in the workspace's asll.toml
        (base / "asll.toml").write_text(f'[registre]\nbase = "{register_url}"\n')
    inputs = sorted(p for p in SAMPLES.iterdir() if p.is_file())[:15]
    inputs = [p for p in inputs if "papier" not in p.name]  # the long OCR scan: kept short
    for p in inputs:
        shutil.copy(p, config.inbox / p.name)
    shutil.copy(inputs[0], config.inbox / ("copie de " + inputs[0].name))  # a duplicate
    expected = Counter(sha(p) for p in config.inbox.iterdir())

    logs = []
    for _ in range(3):
        proc = start_watcher(base)
        time.sleep(rng.uniform(3.5, 7.0))  # past the 3 s stability wait, mid-batch
        proc.send_signal(signal.SIGKILL)
        logs.append(proc.communicate(timeout=30)[0])
    proc = start_watcher(base)
    deadline = time.monotonic() + 120
    while waiting_files(config.inbox) and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)  # a clean stop saves the register
    logs.append(proc.communicate(timeout=60)[0])
    assert proc.returncode == 0, logs[-1]

    assert not waiting_files(config.inbox), "fichier perdu dans le dossier d'arrivée"
    filed = filed_files(config)
    assert Counter(sha(p) for p in filed) == expected, "\n".join(logs)  # none lost, none twice
    workbook = load_workbook(config.registre)
    documents = [
        r for r in workbook["Documents reçus"].iter_rows(min_row=2, values_only=True) if any(r)
    ]
    assert len(documents) == sum(expected.values())  # one row per file, whatever the kills
    headers = [c.value for c in workbook["Dossiers"][1]]
    dossiers = [
        dict(zip(headers, r))
        for r in workbook["Dossiers"].iter_rows(min_row=2, values_only=True)
        if any(r)
    ]
    numbers = [d["N° dossier"] for d in dossiers]
    assert len(numbers) == len(set(numbers))
    households = [(d["Nom 1"], d["Prénom 1"]) for d in dossiers]
    assert len(households) == len(set(households)), households  # no dossier twice
    assert len(dossiers) >= 5
    store = RegisterStore(config.registre, register_url)  # the database agrees
    assert len(store.view().documents()) == sum(expected.values())
    assert sorted(d.numero for d in store.dossiers()) == sorted(numbers)


def break_folder(folder: Path) -> None:
    """Make renames into `folder` fail: read-only for a user; immutable for root (who
    ignores permissions)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        if (
            shutil.which("chattr") is None
            or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode
        ):
            pytest.skip("root sans chattr : impossible de simuler la panne")
    else:
        folder.chmod(0o500)


def repair_folder(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    else:
        folder.chmod(0o700)


def test_a_disk_fault_keeps_the_file_says_why_in_french_and_work_resumes(tmp_path, caplog):
    config = Config.for_workspace(tmp_path / "espace")
    config.ensure_folders()
    sample = SAMPLES / "assignation MARTIN.pdf"
    dropped = config.inbox / sample.name
    shutil.copy(sample, dropped)
    watcher = InboxWatcher(config)
    month = config.archive / time.strftime("%Y-%m")

    # 1. The outbox is a file, not a folder: nothing starts, the file stays.
    config.outbox.rmdir()
    config.outbox.write_text("pas un dossier")
    watcher._handle([dropped])
    assert dropped.is_file()
    assert "un fichier se trouve à la place d'un dossier" in caplog.text
    assert "laissé dans le dossier d'arrivée" in caplog.text
    assert "nouvel essai dans 10 s" in caplog.text
    assert not watcher.retries.due(dropped)  # the watcher's loop leaves it alone meanwhile
    config.outbox.unlink()

    # 2. The archive refuses the file after its row was journalled: still nothing lost.
    caplog.clear()
    break_folder(month)
    try:
        watcher._handle([dropped])
        assert dropped.is_file()
        assert "refusée" in caplog.text or "accès refusé" in caplog.text
        assert "nouvel essai dans 20 s" in caplog.text  # a lasting fault: tried less often
    finally:
        repair_folder(month)

    # 3. The fault is gone: the file is filed once, with its row and its draft.
    results = []
    watcher.on_result = results.append
    watcher._handle([dropped])
    watcher.intake.flush()
    assert [r.resultat for r in results] == [TRAITE]
    assert not dropped.exists() and (month / sample.name).is_file()
    assert watcher.retries.due(dropped)
    assert results[0].brouillons and results[0].brouillons[0].is_file()
    workbook = load_workbook(config.registre)
    rows = [r for r in workbook["Documents reçus"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == 1
    dossiers = [r for r in workbook["Dossiers"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(dossiers) == 1
