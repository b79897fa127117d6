"""The pages of a multi-page scan are OCR'd in parallel, in order, a few at a time; a word
hyphenated at a line's end is joined again."""

from __future__ import annotations

import os
import random
import threading
import time
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from intake import ocr
from intake.readers import read_document


def test_ocr_many_keeps_page_order_and_few_pages_in_memory(monkeypatch):
    state = {"running": 0, "peak": 0, "drawn": 0}
    lock = threading.Lock()

    def fake_ocr(image):
        with lock:
            state["running"] += 1
            state["peak"] = max(state["peak"], state["running"])
        time.sleep(random.uniform(0.0, 0.02))  # pages finish out of order
        with lock:
            state["running"] -= 1
        return ocr.OcrPage(text=f"page {image}", confidence=90.0)

    def pages():
        for n in range(12):
            state["drawn"] += 1
            yield n

    monkeypatch.setattr(ocr, "ocr_image", fake_ocr)
    results = ocr.ocr_many(pages(), workers=3)
    assert [r.text for r in results] == [f"page {n}" for n in range(12)]
    assert state["drawn"] == 12 and state["peak"] <= 3


def test_hyphenated_word_at_line_end_is_joined_within_a_paragraph():
    lines = [
        "Monsieur Jean MARTIN demeurant 3 rue Jean Jaurès 52100 Saint-",
        "Dizier",
        "Bailleur : OPH",
        "Nouveau paragraphe ci-",
        "dessous",
    ]
    blocks = [(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 2, 1), (1, 2, 1)]
    assert ocr.page_text(lines, blocks) == (
        "Monsieur Jean MARTIN demeurant 3 rue Jean Jaurès 52100 Saint-Dizier\n"
        "Bailleur : OPH\n\nNouveau paragraphe ci-dessous"
    )
    # not across paragraphs, not after a number or a spaced dash
    one_paragraph = [(1, 1, 1)] * 4
    assert (
        ocr.page_text(["Total -", "Loyer", "Réf. 2025-", "0412"], one_paragraph)
        == "Total -\nLoyer\nRéf. 2025-\n0412"
    )
    assert ocr.page_text(["Saint-", "Dizier"], [(1, 1, 1), (1, 2, 1)]) == "Saint-\n\nDizier"


LINES = [
    "Je vous prie de bien vouloir realiser le diagnostic social et financier",
    "concernant Madame Julie MERCIER, demeurant 8 rue des Lilas 86000 POITIERS.",
    "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Poitiers.",
]


def _scan(tmp_path: Path, titles: list[str]) -> Path:
    """An image-only PDF at 200 dpi: a letter's lines under a different title on each page."""
    src = tmp_path / "src.pdf"
    c = canvas.Canvas(str(src), pagesize=A4)
    for title in titles:
        c.setFont("Helvetica", 12)
        y = 780
        for line in [title] + LINES:
            c.drawString(60, y, line)
            y -= 24
        c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(str(src))
    images = [pdf[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(titles))]
    out = tmp_path / "scan.pdf"
    images[0].save(out, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return out


def test_pages_of_a_scan_come_back_in_order(tmp_path):
    titles = [
        "Premiere page du courrier",
        "Deuxieme page du courrier",
        "Troisieme page du courrier",
    ]
    doc = read_document(_scan(tmp_path, titles))
    assert doc.kind == "pdf_scan" and len(doc.pages) == 3
    for page, title in zip(doc.pages, titles):
        assert page.startswith(title) and "Julie MERCIER" in page
    assert all(c is not None for c in doc.page_confidence)
    assert all(doc.ocr_page_lines)


def test_a_multi_page_scan_is_read_in_the_sandbox_under_its_memory_limit(tmp_path):
    from intake.sandbox import extract_isolated

    path = _scan(tmp_path, ["PREFECTURE DE LA VIENNE", "Suite du courrier"])
    outcome = extract_isolated(path, timeout=120, memory_mb=600)
    assert outcome.ok, outcome.reason
    assert [(p.nom, p.prenom) for p in outcome.extraction.personnes] == [("MERCIER", "Julie")]


def test_a_read_stopped_at_its_time_limit_leaves_no_page_image_behind(tmp_path, monkeypatch):
    """The child is killed mid-OCR: the page images it wrote (personal data) go with the
    read's scratch folder, which this process removes."""
    import tempfile

    from intake.sandbox import SCRATCH_PREFIX, extract_isolated

    source = tmp_path / "courrier"
    source.mkdir()
    path = _scan(source, ["PREFECTURE DE LA VIENNE", "Suite du courrier", "Fin du courrier"])
    scratch_root = tmp_path / "tmp"
    scratch_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_root))
    outcome = extract_isolated(path, timeout=1.0, memory_mb=600, one_shot=True)
    assert not outcome.ok and "délai" in outcome.reason
    assert list(scratch_root.iterdir()) == []
    # the folders of a reading process that was itself killed are swept away later
    left = scratch_root / f"{SCRATCH_PREFIX}999999999-abcd"
    left.mkdir()
    (left / "page.pgm").write_bytes(b"P5 1 1 255 \x00")
    mine = scratch_root / f"{SCRATCH_PREFIX}{os.getpid()}-abcd"
    mine.mkdir()
    from intake.sandbox import sweep_scratch_folders

    assert sweep_scratch_folders(scratch_root) == [left]
    assert not left.exists() and mine.exists()


def test_a_weakly_read_line_is_read_again_enlarged_and_the_surer_reading_kept(monkeypatch):
    """A line printed small among larger ones: Tesseract misreads it at the page's scale
    (« ailleur: … de ls Marne »); read again enlarged, it comes out right and surer. The
    well-read lines and every line's box stay as they were."""
    from PIL import Image, ImageDraw, ImageFont

    path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    big, small = ImageFont.truetype(path, 34), ImageFont.truetype(path, 10)
    image = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.text((60, 60), "Dette locative : 4 467,71 € au 30/09/2025", font=big, fill=0)
    draw.text((60, 160), "Bailleur : Office Public de l'Habitat de la Marne", font=small, fill=0)
    draw.text((60, 260), "Loyer mensuel charges comprises : 662,18 €", font=big, fill=0)

    page = ocr._ocr(image)
    monkeypatch.setattr(ocr, "SEUIL_RELECTURE", -1.0)  # no second reading
    first = ocr._ocr(image)

    assert first.lines[1][1] < ocr.SEUIL_CONFIANCE  # the small line, read badly
    assert first.lines[1][0] != "Bailleur : Office Public de l'Habitat de la Marne"
    assert page.lines[1][0] == "Bailleur : Office Public de l'Habitat de la Marne"
    assert page.lines[1][1] > first.lines[1][1]
    assert page.lines[0] == first.lines[0] and page.lines[2] == first.lines[2]
    assert page.boxes == first.boxes and len(page.boxes) == len(page.lines) == 3
    assert "Office Public de l'Habitat de la Marne" in page.text
