"""Fuzzing the readers with mutants of the real samples: no crash, no hang, and every input
either read or refused with a French reason; a batch through the real pipeline keeps the
register readable and files every input exactly once."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from asll.config import Config
from intake.pipeline import A_TRIER, QUARANTAINE, TRAITE, Intake

sys.path.insert(0, str(Path(__file__).parent))
from fuzzing import SAMPLES, mutants  # noqa: E402

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="échantillons absents")

IN_PROCESS = 1100
PER_INPUT_SECONDS = 10

# Runs in a child Python: reads each file with the real readers (OCR replaced by a stub:
# Tesseract is not what is fuzzed here, and the sandbox bounds it), one JSON line per input.
WORKER = r"""
import json, signal, sys, time
from pathlib import Path
import intake.ocr as ocr
ocr.ocr_image = lambda image: ocr.OcrPage(text="", confidence=0.0, lines=[])
from intake.errors import UnreadableDocument
from intake.extract import extract

class Hang(Exception):
    pass

def on_alarm(signum, frame):
    raise Hang()

signal.signal(signal.SIGALRM, on_alarm)
limit = float(sys.argv[1])
for name in sys.argv[2:]:
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        extract(Path(name))
        outcome, detail = "lu", ""
    except UnreadableDocument as exc:
        outcome, detail = "refusé", str(exc)
    except Hang:
        outcome, detail = "bloqué", ""
    except Exception as exc:
        outcome, detail = "exception", f"{type(exc).__name__}: {exc}"[:300]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    print(json.dumps({"fichier": name, "resultat": outcome, "detail": detail,
                      "secondes": time.monotonic() - started}), flush=True)
"""


def run_worker(paths: list[Path]) -> list[dict]:
    """Read `paths` in a child; if the child dies on an input, note it and go on after it."""
    results, todo = [], [str(p) for p in paths]
    while todo:
        proc = subprocess.run(
            [sys.executable, "-c", WORKER, str(PER_INPUT_SECONDS), *todo],
            capture_output=True,
            text=True,
            timeout=600,
            env=dict(os.environ, PYTHONWARNINGS="ignore"),
        )
        done = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        results += done
        todo = todo[len(done) :]
        if todo and proc.returncode != 0:  # died on todo[0]
            results.append(
                {
                    "fichier": todo[0],
                    "resultat": "plantage",
                    "detail": f"code {proc.returncode}: {proc.stderr[-300:]}",
                }
            )
            todo = todo[1:]
    return results


def test_a_thousand_mutants_are_read_or_refused_never_crash_nor_hang(tmp_path):
    paths = []
    for name, data in mutants(IN_PROCESS, seed=20250915):
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    half = len(paths) // 2
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        results = [r for part in pool.map(run_worker, [paths[:half], paths[half:]]) for r in part]

    assert len(results) == len(paths)
    counts = Counter(r["resultat"] for r in results)
    bad = [r for r in results if r["resultat"] not in ("lu", "refusé")]
    assert not bad, f"{len(bad)} entrées mal gérées, par exemple : {bad[:5]}"
    # Mutants are mostly refused, and some still read: the fuzzing is not vacuous.
    assert counts["refusé"] > 300 and counts["lu"] > 50, counts
    for r in results:
        if r["resultat"] == "refusé":
            assert r["detail"] and r["detail"][0].isupper() and r["detail"].endswith((".", ")")), r
    slowest = max(r["secondes"] for r in results)
    # a hang is a mutant over its own limit; the run's speed is the benchmarks' business
    # (a total time asserted here failed on a loaded machine, not on a slower reader)
    assert slowest < PER_INPUT_SECONDS


def test_fifty_mutants_through_the_real_pipeline_keep_the_register_readable(tmp_path):
    config = Config.for_workspace(tmp_path / "espace", delai_max_secondes=20)
    config.ensure_folders()
    batch = mutants(50, seed=7)
    for name, data in batch:
        (config.inbox / name).write_bytes(data)
    intake = Intake(config)
    results = list(intake.handle_many(sorted(config.inbox.iterdir())))
    assert intake.flush() is None

    assert len(results) == len(batch)
    assert not any(config.inbox.iterdir()), "un fichier est resté dans le dossier d'arrivée"
    assert {r.resultat for r in results} <= {TRAITE, QUARANTAINE, A_TRIER, "doublon"}
    for r in results:
        assert not r.erreur_interne, r
        assert r.classe_sous.is_file()
        if r.resultat in (QUARANTAINE, A_TRIER):
            assert r.motif
            assert Path(str(r.classe_sous) + ".txt").read_text(encoding="utf-8").count(r.motif)
    filed = [
        p
        for folder in (config.archive, config.quarantaine, config.a_trier)
        for p in folder.rglob("*")
        if p.is_file() and p.suffix != ".txt"
    ]
    assert len(filed) == len(batch)  # every input filed once: none lost, none copied twice
    workbook = load_workbook(config.registre)
    rows = [r for r in workbook["Documents reçus"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == len(batch)
