"""Regression gate on the independent evaluation corpus (corpus/, see corpus/make_corpus.py).

Runs `intake.evaluate` on every labelled document of corpus/documents (text documents,
forms and scans: OCR of the 7 scans takes about 40 s) and fails when the accuracy of a group
falls below the level recorded in corpus/niveau.json (tolerance 0). When the extractor
improves, raise the recorded level (it is the measured accuracy rounded down to 0.1 point).
Targets of the issue: 97 % on text documents and forms, 92 % on scans.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from intake.evaluate import GROUP_SCAN, GROUP_TEXT, evaluate, format_report

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NIVEAU = json.loads((CORPUS / "niveau.json").read_text(encoding="utf-8"))


def test_corpus_is_labelled():
    docs = sorted(p.name for p in (CORPUS / "documents").iterdir())
    labels = sorted(p.name.removesuffix(".json") for p in (CORPUS / "attendu").glob("*.json"))
    assert docs == labels and len(docs) >= 40
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 8 * 1024 * 1024


@pytest.fixture(scope="module")
def report():
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract absent : OCR des scans impossible")
    return evaluate(CORPUS / "documents", CORPUS / "attendu")


@pytest.mark.parametrize("groupe", [GROUP_TEXT, GROUP_SCAN])
def test_accuracy_not_below_recorded_level(report, groupe):
    docs = [d for d in report.documents if d.groupe == groupe]
    assert docs, groupe
    measured = report.accuracy(groupe) * 100
    assert measured >= NIVEAU[groupe], (
        f"exactitude « {groupe} » {measured:.1f} % < niveau enregistré {NIVEAU[groupe]} %\n"
        + format_report(report))
