"""Run every benchmark, print a table, write benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks            # full run (~10–15 min on 2 cores)
    .venv/bin/python -m benchmarks --rapide   # smoke run (< 2 min), smaller sizes
    .venv/bin/python -m benchmarks --section extraction   # one section (see SECTIONS)

Each section runs in its own Python process, so that one section's memory (the 20,000
dossier register) or forkserver does not colour another's figures (peak memory of the
burst, above all). This module imports only the standard library at the top: the
sandbox's forkserver children import the main module again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import machine_info

HERE = Path(__file__).resolve().parent
SECTIONS = ("extraction", "latence", "rafale", "registre", "generation", "pages", "sites")
MODULES = {
    "extraction": "bench_extraction",
    "latence": "bench_latency",
    "rafale": "bench_burst",
    "registre": "bench_register",
    "generation": "bench_generation",
    "pages": "bench_web",
    "sites": "bench_sites",
}


def run_section(name: str, rapide: bool) -> dict:
    import importlib

    module = importlib.import_module(f"benchmarks.{MODULES[name]}")
    start = time.perf_counter()
    result = module.run(rapide=rapide)
    result["duree_section"] = time.perf_counter() - start
    return result


def run_in_child(name: str, rapide: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="asll-bench-") as tmp:
        out = Path(tmp) / f"{name}.json"
        cmd = [sys.executable, "-m", "benchmarks.run", "--section", name, "--json", str(out)]
        if rapide:
            cmd.append("--rapide")
        proc = subprocess.run(cmd, cwd=HERE.parent, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0 or not out.exists():
            tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
            return {"erreur": f"code {proc.returncode}: {tail}"}
        return json.loads(out.read_text())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Mesures de performance d'asll."
    )
    parser.add_argument(
        "--rapide",
        action="store_true",
        help="tailles réduites, pour vérifier que tout tourne (< 2 min)",
    )
    parser.add_argument(
        "--section",
        choices=SECTIONS,
        action="append",
        help="ne lancer que cette section (répétable)",
    )
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--sortie",
        type=Path,
        default=None,
        help="fichier Markdown écrit (défaut : benchmarks/RESULTS.md, "
        "benchmarks/RESULTS-rapide.md avec --rapide)",
    )
    args = parser.parse_args(argv)

    if args.json:  # child mode: one section, result as JSON
        import logging

        logging.basicConfig(level=logging.ERROR)
        (name,) = args.section
        args.json.write_text(json.dumps(run_section(name, args.rapide), default=str))
        return 0

    from benchmarks.report import render_markdown, render_table

    sections = args.section or list(SECTIONS)
    machine = machine_info()
    results: dict = {}
    start = time.perf_counter()
    for name in sections:
        print(f"… {name}", file=sys.stderr, flush=True)
        t = time.perf_counter()
        results[name] = run_in_child(name, args.rapide)
        print(f"  {name} : {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    machine["loadavg_fin"] = machine_info()["loadavg"]
    machine["duree_totale"] = time.perf_counter() - start
    sortie = args.sortie or HERE / ("RESULTS-rapide.md" if args.rapide else "RESULTS.md")
    previous = sortie.with_suffix(".json")
    if args.section and previous.exists():  # one section re-run: keep the others' results
        earlier = json.loads(previous.read_text())
        if earlier.get("rapide") == args.rapide:
            results = {**earlier["resultats"], **results}
            sections = [name for name in SECTIONS if name in results]
    print(render_table(results, args.rapide))
    sortie.write_text(render_markdown(results, machine, args.rapide, sections))
    (sortie.with_suffix(".json")).write_text(
        json.dumps(
            {"machine": machine, "resultats": results, "rapide": args.rapide},
            indent=1,
            default=str,
            ensure_ascii=False,
        )
    )
    print(f"\nRésultats écrits dans {sortie}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
