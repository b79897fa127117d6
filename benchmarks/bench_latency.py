"""2. Latency: a text PDF dropped into a watched inbox → its draft complete in outbox/.

A real `InboxWatcher` (inotify, as `asll watch`) runs in a thread on a fresh workspace with
a sector configured, so drafts land in `outbox/<secteur>/`; the outbox is searched
recursively. A drop = writing the file's bytes into inbox/ (each drop a copy of
« assignation MARTIN.pdf » with a distinct PDF comment, so it is not a duplicate). The
clock stops when a new .docx below outbox/ is a complete Word archive. Between drops the
benchmark waits for the register save, then a random 0–0.25 s so drops fall anywhere in
the watcher's 0.25 s tick. One untimed drop first (starts the sandbox's forkserver, as
in a watcher that has been running for a while).
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from benchmarks.common import SAMPLES, median, variant

SOURCE = SAMPLES / "assignation MARTIN.pdf"


def _complete_drafts(outbox: Path) -> set[Path]:
    out = set()
    for p in outbox.rglob("*.docx"):
        try:
            if zipfile.is_zipfile(p):
                with zipfile.ZipFile(p) as z:
                    if "word/document.xml" in z.namelist():
                        out.add(p)
        except OSError:
            pass
    return out


def measure(stabilite: float, drops: int, seed: int = 0) -> dict:
    from asll.config import Config, Secteur
    from intake.watcher import InboxWatcher

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="asll-bench-latence-") as tmp:
        config = Config.for_workspace(
            Path(tmp),
            stabilite_secondes=stabilite,
            secteurs=(
                Secteur(
                    "Secteur Nord",
                    "Mme Référente",
                    ("Saint-Dizier", "Joinville", "Wassy", "Langres"),
                ),
            ),
        )
        config.ensure_folders()
        results = []
        watcher = InboxWatcher(config, on_result=results.append)
        thread = threading.Thread(target=watcher.run, daemon=True)
        thread.start()
        time.sleep(0.5)
        latencies, subfolders = [], set()
        try:
            for i in range(drops + 1):
                seen = _complete_drafts(config.outbox)
                saves = watcher.intake.saves
                data = variant(SOURCE, i)
                target = config.inbox / f"assignation MARTIN {i:03d}.pdf"
                t0 = time.perf_counter()
                target.write_bytes(data)
                new = set()
                deadline = t0 + 60
                while not new and time.perf_counter() < deadline:
                    time.sleep(0.005)
                    new = _complete_drafts(config.outbox) - seen
                t1 = time.perf_counter()
                if not new:
                    raise RuntimeError(f"aucun brouillon après 60 s (dépôt {i})")
                subfolders |= {str(p.parent.relative_to(config.outbox)) for p in new}
                if i:  # drop 0 is the warm-up
                    latencies.append(t1 - t0)
                end = time.perf_counter() + 30
                while watcher.intake.saves == saves and time.perf_counter() < end:
                    time.sleep(0.01)
                time.sleep(rnd.uniform(0, 0.25))
        finally:
            watcher.stop()
            thread.join(30)
        return {
            "stabilite_secondes": stabilite,
            "depots": drops,
            "mediane": median(latencies),
            "pire": max(latencies),
            "meilleure": min(latencies),
            "toutes": latencies,
            "hors_stabilite_mediane": median(latencies) - stabilite,
            "sous_dossiers": sorted(subfolders),
            "resultats": sorted({r.resultat for r in results}),
        }


def run(rapide: bool = False) -> dict:
    drops = 3 if rapide else 20
    return {"mesures": [measure(0.5, drops), measure(3.0, drops)]}
