"""Scans: pages without a text layer are OCR'd (Tesseract, French); weak lines are uncertain."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from intake.extract import extract, extract_document
from intake.readers import Document, read_document

LETTER = [
    "PREFECTURE DE LA VIENNE",
    "Bureau de la prevention des expulsions locatives",
    "Poitiers, le 14 mars 2025",
    "N/Ref : PEX/86/2025-0077",
    "Objet : enquete sociale - diagnostic social et financier",
    "Monsieur le Directeur,",
    "Je vous prie de bien vouloir realiser le diagnostic social et financier",
    "concernant Madame Julie MERCIER, demeurant 8 rue des Lilas 86000 POITIERS.",
    "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Poitiers.",
    "Je vous remercie de me transmettre votre rapport avant le 4 avril 2025.",
]


def _scanned_pdf(tmp_path: Path, angle: float = 1.5) -> Path:
    """A letter printed, 'scanned' at 200 dpi with a slight tilt, saved as an image-only PDF."""
    src = tmp_path / "src.pdf"
    c = canvas.Canvas(str(src), pagesize=A4)
    c.setFont("Helvetica", 12)
    y = 780
    for line in LETTER:
        c.drawString(60, y, line)
        y -= 24
    c.save()
    page = pdfium.PdfDocument(str(src))[0]
    img = page.render(scale=200 / 72).to_pil().convert("L")
    img = img.rotate(angle, expand=True, fillcolor=255)
    out = tmp_path / "scan.pdf"
    img.save(out, "PDF", resolution=200)
    return out


def test_image_only_pdf_is_ocrd_and_extracted(tmp_path):
    path = _scanned_pdf(tmp_path)
    doc = read_document(path)
    assert doc.kind == "pdf_scan"
    assert doc.page_confidence[0] is not None and doc.page_confidence[0] > 60
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "PEX/86/2025-0077"
    assert ex.date_document == date(2025, 3, 14)
    assert ex.date_limite == date(2025, 4, 4)
    assert ex.date_audience == date(2025, 4, 22) and ex.heure_audience == "09:30"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "MERCIER", "Julie")]
    assert (ex.code_postal, ex.commune) == ("86000", "Poitiers")


def test_value_read_on_a_weak_ocr_line_is_uncertain():
    text = "\n".join(LETTER)
    weak = "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Poitiers."
    start = text.index(weak)
    doc = Document(
        path=Path("scan.png"),
        kind="image",
        pages=[text],
        page_confidence=[80.0],
        ocr_lines=[
            (0, start - 1, 92.0),
            (start, start + len(weak), 41.0),
            (start + len(weak) + 1, len(text), 90.0),
        ],
    )
    ex = extract_document(doc, "scan.png")
    assert ex.date_audience == date(2025, 4, 22)
    assert {"date_audience", "heure_audience", "juridiction"} <= set(ex.champs_incertains)
    assert "reference" not in ex.champs_incertains
    assert "date_limite" not in ex.champs_incertains
