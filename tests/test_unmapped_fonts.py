"""A PDF whose embedded font carries no map from glyphs to letters (some letter-writing
software, some printers' drivers): its text layer reads « Angoul(cid:5)me » and names lose
their accented letters. Such a page is read as an image instead, like a scan."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from intake.extract import extract
from intake.readers import read_document

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LETTER = Path(__file__).parent / "fixtures" / "textes" / "saisine DDETSPP 16 PEREIRA.txt"


def _without_letter_map(path: Path) -> Path:
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    drawn = path.with_suffix(".src.pdf")
    c = canvas.Canvas(str(drawn), pagesize=A4)
    c.setFont("DejaVu", 11)
    y = 800
    for paragraph in LETTER.read_text(encoding="utf-8").split("\n"):
        for line in textwrap.wrap(paragraph, 85) or [""]:
            c.drawString(50, y, line)
            y -= 15
    c.save()
    reader, writer = PdfReader(drawn), PdfWriter()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font.get_object().pop(NameObject("/ToUnicode"), None)
        writer.add_page(page)
    writer.write(path)
    return path


def test_a_text_layer_without_its_letters_is_read_as_an_image(tmp_path):
    pdf = _without_letter_map(tmp_path / "courrier.pdf")
    doc = read_document(pdf)
    assert "(cid:" not in doc.text and "Angoulême" in doc.text
    ex = extract(pdf)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [
        ("Pereira", "Antonio"),
        ("Pereira", "Lucia"),
    ]
    assert (ex.code_postal, ex.commune) == ("16000", "Angoulême")
    assert ex.juridiction == "Tribunal judiciaire d'Angoulême"
    assert ex.reference == "DDETSPP16/PCS/2026-0871"
