"""3. Burst: N files dropped at once into a watched inbox.

The files are copies of the readable bundled documents (text PDFs, PDF form, Word forms,
and the invoice that goes to « à trier »; scans left out), each with distinct bytes
(`common.variant`), written into inbox/ as fast as possible while a real `InboxWatcher`
runs with the product's default stability delay (3 s). Measured:
- wall time from the first byte written to the N-th result;
- register saves (`Intake.saves`);
- peak memory of the whole process tree (the watcher process, the forkserver and the
  reading children), sampled from /proc every 50 ms;
- CPU use: user+sys of the process and every descendant (from /proc, reaped children
  included) / wall time / cores.
The reference is the sum of the per-file in-process extraction times (`extract`, median
of 3 per source document, times how often it is copied): the serial work of reading. The
parallel ideal is that sum / cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import (
    ROOT,
    SAMPLES,
    TreeSampler,
    median,
    parent_peak_rss_mb,
    repeat,
    tree_cpu_seconds,
    variant,
)


def extraction_times() -> dict[str, float]:
    """{file name: median in-process `extract` time} of the readable bundled documents."""
    from intake.errors import UnreadableDocument
    from intake.extract import extract

    out = {}
    for path in sorted(SAMPLES.iterdir()):
        try:
            extract(path)
        except UnreadableDocument:
            continue
        out[path.name] = median(repeat(lambda path=path: extract(path), 3))
    return out


def run(rapide: bool = False) -> dict:
    from asll.config import Config
    from intake.watcher import InboxWatcher

    count = 40 if rapide else 500
    # timed in another process: the watcher process itself never imports the readers
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from benchmarks.bench_burst "
            "import extraction_times; print(json.dumps(extraction_times()))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    per_file = json.loads(proc.stdout.strip().splitlines()[-1])
    sources = [SAMPLES / name for name in sorted(per_file)]
    plan = [(sources[i % len(sources)], i) for i in range(count)]
    payloads = [(f"{i:04d} {src.name}", variant(src, i)) for src, i in plan]
    serial = sum(per_file[src.name] for src, _ in plan)
    cores = os.cpu_count() or 1

    with tempfile.TemporaryDirectory(prefix="asll-bench-rafale-") as tmp:
        config = Config.for_workspace(Path(tmp))
        config.ensure_folders()
        results = []
        done = threading.Event()

        def on_result(result):
            results.append((time.perf_counter(), result))
            if len(results) >= count:
                done.set()

        watcher = InboxWatcher(config, on_result=on_result)
        thread = threading.Thread(target=watcher.run, daemon=True)
        thread.start()
        time.sleep(0.5)
        with TreeSampler() as sampler:
            cpu0 = tree_cpu_seconds()
            t0 = time.perf_counter()
            for name, data in payloads:
                (config.inbox / name).write_bytes(data)
            t_written = time.perf_counter()
            finished = done.wait(timeout=1800)
            t_end = time.perf_counter()
            cpu1 = tree_cpu_seconds()
        watcher.stop()
        thread.join(120)
        if not finished:
            raise RuntimeError(f"rafale incomplète : {len(results)}/{count} après 30 min")
        wall = t_end - t0
        first = results[0][0] - t0
        outcomes: dict[str, int] = {}
        for _, r in results:
            outcomes[r.resultat] = outcomes.get(r.resultat, 0) + 1
        drafts = sum(1 for _ in config.outbox.rglob("*.docx"))
        return {
            "fichiers": count,
            "sources": len(sources),
            "total": wall,
            "ecriture": t_written - t0,
            "premier_resultat": first,
            "stabilite_secondes": config.stabilite_secondes,
            "somme_extractions": serial,
            "ideal_parallele": serial / cores,
            "coeurs": cores,
            "ratio_somme": wall / serial,
            "ratio_ideal": wall / (serial / cores),
            "enregistrements_registre": watcher.intake.saves,
            "pic_memoire_total_mo": sampler.peak_total_mb,
            "pic_memoire_parent_mo": max(sampler.peak_parent_mb, parent_peak_rss_mb()),
            "pic_memoire_enfant_mo": sampler.peak_child_mb,
            "enfants_max": sampler.max_children,
            "cpu_secondes": cpu1 - cpu0,
            "utilisation_cpu": (cpu1 - cpu0) / wall / cores,
            "resultats": outcomes,
            "brouillons": drafts,
        }
