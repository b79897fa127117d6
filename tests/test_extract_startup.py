"""`asll extract` starts fast: it neither starts a forkserver nor imports the libraries of
the register, the drafts or the charts (benchmarks/bench_extraction.py measures it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "documents" / "assignation MARTIN.pdf"

PROBE = """
import json, sys
from asll.app.cli import main
code = main(["extract", sys.argv[1], "--json"])
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"openpyxl", "docxtpl", "matplotlib", "docx", "django", "waitress"})
print(json.dumps({"code": code, "lourds": heavy}), file=sys.stderr)
"""


def test_asll_extract_imports_no_register_draft_or_chart_library(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    report = json.loads(run.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "lourds": []}
    out = json.loads(run.stdout)
    assert out["type_document"] == "assignation" and out["personnes"]


def test_asll_extract_says_why_an_unreadable_file_was_refused(tmp_path):
    bad = tmp_path / "assignation.pdf"
    bad.write_text("ASSIGNATION\nMonsieur Jean MARTIN\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "asll", "extract", str(bad), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip() == (
        "Le fichier porte l'extension .pdf mais n'est pas un PDF : "
        "c'est un simple fichier texte (fichier endommagé ou renommé)."
    )
