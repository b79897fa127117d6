"""Every sample document with an expected extraction (samples/attendu/*.json), field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.errors import UnreadableDocument
from intake.extract import extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ATTENDU = SAMPLES / "attendu"


def _cases():
    if not ATTENDU.is_dir():
        return []
    cases = []
    for exp in sorted(ATTENDU.glob("*.json")):
        data = json.loads(exp.read_text(encoding="utf-8"))
        for folder in ("documents", "scans"):
            doc = SAMPLES / folder / data["fichier"]
            if doc.exists():
                cases.append(pytest.param(doc, data, id=data["fichier"]))
                break
    return cases


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="samples/attendu absent")
@pytest.mark.parametrize("path, expected", CASES)
def test_sample_extraction(path, expected):
    got = extract(path).to_json()
    wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    assert not wrong, "\n".join(f"{k}: attendu {v!r}, obtenu {g!r}" for k, (v, g) in wrong.items())


@pytest.mark.skipif(not (SAMPLES / "documents").is_dir(), reason="samples/documents absent")
def test_unreadable_samples_give_a_french_reason():
    expected = {p.name for p in ATTENDU.glob("*.json")} if ATTENDU.is_dir() else set()
    for doc in sorted((SAMPLES / "documents").iterdir()):
        if f"{doc.name}.json" in expected or doc.is_dir():
            continue
        try:
            extract(doc)
        except UnreadableDocument as exc:
            assert str(exc) and "\n" not in str(exc)


@pytest.mark.skipif(not (SAMPLES / "documents").is_dir(), reason="samples/documents absent")
def test_each_value_records_the_page_and_line_it_was_read_from():
    from asll.domain.model import Extraction
    from intake.readers import read_document

    path = SAMPLES / "documents" / "assignation MARTIN.pdf"
    ex = extract(path)
    pages = read_document(path).pages

    def line_of(key: str) -> str:
        where = ex.provenance[key]
        return pages[where["page"] - 1].split("\n")[where["ligne"] - 1]

    assert ex.provenance["montant_dette"]["page"] == 2
    assert "3 412,87 €" in line_of("montant_dette")
    assert "14 octobre 2025" in line_of("date_audience")
    assert "12 mars 2018" in line_of("date_bail")
    assert "MARTIN" in line_of("personnes")
    # a text PDF's lines also have their box on the page, in PDF points, in reading order
    boxes = {k: where["boite"] for k, where in ex.provenance.items()}
    x0, top, x1, bottom = boxes["date_bail"]
    assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 842 and bottom - top < 30
    assert boxes["date_bail"][1] < boxes["type_logement"][1] < boxes["charges"][1]
    assert boxes["date_bail"][1] > boxes["personnes"][1]
    # only values read are placed, and the key survives the trip through JSON
    assert set(ex.provenance) <= {k for k, v in ex.to_json().items() if v not in (None, [], "")}
    assert Extraction.from_json(ex.to_json()).provenance == ex.provenance
