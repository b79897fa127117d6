"""A letter scanned on the office copier comes back as a « searchable » PDF: the page's
picture with the copier's OCR drawn invisibly over it. That layer was read as typed text:
its misreadings went through with no confidence to flag them, and none of the scan's
checks ran. Such a page is now read by our OCR, as any scan."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from intake.extract import extract
from intake.readers import read_document

LETTER = Path(__file__).parent / "fixtures" / "textes" / "saisine DDETSPP 16 PEREIRA.txt"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINE = 38  # pixels between lines at 150 dpi
# what a copier's OCR made of some words (digits and letters it confused)
COPIER = {
    "DDETSPP16/PCS/2026-0871": "DDETSPP1G/PCS/2O26-O87l",
    "2 845,12": "2 B45,l2",
    "Pereira": "Perelra",
}


def _lines() -> list[str]:
    import textwrap

    out = []
    for paragraph in LETTER.read_text(encoding="utf-8").split("\n"):
        out += textwrap.wrap(paragraph, 72) or [""]
    return out


def _picture() -> Image.Image:
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 28)
    for k, line in enumerate(_lines()):
        draw.text((60, 80 + k * LINE), line, font=font, fill=0)
    return img


def _pdf(path: Path, text_mode: int, layer_text) -> Path:
    """The page's picture, and over it the lines in `text_mode` (3: invisible, as an OCR
    layer is drawn; 0: visible, as typed text over a letterhead's background picture)."""
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    buf = io.BytesIO()
    _picture().save(buf, format="PNG")
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width, height)
    scale = width / 1240
    for k, line in enumerate(_lines()):
        t = c.beginText(60 * scale, height - (80 + k * LINE + 24) * scale)
        t.setTextRenderMode(text_mode)
        t.setFont("Helvetica", 28 * scale * 0.8)
        t.textLine(layer_text(line))
        c.drawText(t)
    c.save()
    return path


def _misread(line: str) -> str:
    for right, wrong in COPIER.items():
        line = line.replace(right, wrong)
    return line


def test_a_copiers_searchable_scan_is_read_by_our_ocr(tmp_path):
    path = _pdf(tmp_path / "Numérisation_20261105.pdf", 3, _misread)
    doc = read_document(path)
    assert (doc.kind, doc.ocr) == ("pdf_scan", True)
    ex = extract(path)
    assert ex.reference == "DDETSPP16/PCS/2026-0871"
    assert ex.montant_dette == 2845.12
    assert [(p.nom, p.prenom) for p in ex.personnes] == [
        ("Pereira", "Antonio"),
        ("Pereira", "Lucia"),
    ]


def test_typed_text_over_a_background_picture_is_read_as_typed(tmp_path):
    """A letter whose letterhead is a page-sized picture, its text typed over it: the text
    layer is the letter, read as such (no OCR)."""
    path = _pdf(tmp_path / "courrier.pdf", 0, lambda line: line)
    doc = read_document(path)
    assert (doc.kind, doc.ocr) == ("pdf_text", False)
    assert extract(path).reference == "DDETSPP16/PCS/2026-0871"
