"""Where each value was read, for every kind of document: a scan (PDF or image) gives the
box of the OCR line that holds the value, on the page as it was filed; a fillable form
the rectangle of the field's widget; a Word document the paragraph or cell it came from.
The box is checked the way a person would: the region drawn for the page shows the
value (read back by Tesseract)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest

from asll.app.web.previews import crop_png
from intake.extract import extract

DOCUMENTS = Path(__file__).resolve().parent.parent / "samples" / "documents"
LETTER = DOCUMENTS / "Courrier Préfecture Charente EXP 2025-1187.pdf"
FORM = DOCUMENTS / "Formulaire ASLL renouvellement - CD52 Langres.pdf"
WORD = DOCUMENTS / "Fiche prescription ASLL - CCAS Cognac.docx"

pytestmark = pytest.mark.skipif(not DOCUMENTS.is_dir(), reason="samples/documents absent")


def scanned(tmp_path: Path, mode: str, seed: int = 7) -> Path:
    """The préfecture's letter printed and scanned (the corpus's degraded scans: a tilt,
    noise, a resolution of 200 to 300 dpi)."""
    from corpus.families import scanner

    out = tmp_path / f"scan.{mode}"
    assert scanner(LETTER, out, random.Random(seed), mode)
    return out


def read_back(png: bytes) -> str:
    """What Tesseract reads on a region's image, in one line, spaces squeezed."""
    import pytesseract
    from PIL import Image

    said = pytesseract.image_to_string(Image.open(io.BytesIO(png)), lang="fra", config="--psm 6")
    return " ".join(said.split())


@pytest.mark.parametrize("mode", ["pdf", "png"])
def test_a_value_read_from_a_scan_is_shown_by_the_region_holding_its_words(tmp_path, mode):
    path = scanned(tmp_path, mode)
    ex = extract(path)
    assert ex.reference == "EXP/2025-1187" and ex.personnes[0].nom == "ROUSSEAU"
    where = ex.provenance
    # a PDF's page in points (A4: 595 × 842), an image's in its pixels (200 to 300 dpi)
    width, height = (595, 842) if mode == "pdf" else (2480, 3508)
    for key in ("reference", "personnes", "date_audience", "juridiction"):
        x0, top, x1, bottom = where[key]["boite"]
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, key
    # one printed line (the scan's tilt makes it a little taller than the letters)
    line = (where["reference"]["boite"][3] - where["reference"]["boite"][1]) / (height / 842)
    assert 5 < line < 25
    # in reading order: the reference above the tenant's name, above the hearing
    tops = [where[k]["boite"][1] for k in ("reference", "personnes", "date_audience")]
    assert tops == sorted(tops) and len(set(tops)) == 3
    # the region drawn from the filed file shows the words the value was read from
    said = read_back(crop_png(path, 1, tuple(where["reference"]["boite"])))
    assert "EXP/2025-1187" in said.replace(" ", "")
    assert "ROUSSEAU" in read_back(crop_png(path, 1, tuple(where["personnes"]["boite"])))
    assert "novembre" in read_back(crop_png(path, 1, tuple(where["date_audience"]["boite"])))


def test_a_scan_turned_upside_down_still_points_at_the_right_line(tmp_path):
    """A page fed upside down into the scanner: the OCR reads it turned back, the box is
    given on the page as it was filed (upside down too)."""
    from PIL import Image

    upright = scanned(tmp_path, "png")
    path = tmp_path / "retourne.png"
    Image.open(upright).rotate(180).save(path)
    ex = extract(path)
    assert ex.reference == "EXP/2025-1187"
    box = tuple(ex.provenance["reference"]["boite"])
    image = Image.open(path)
    assert box[1] > image.height / 2  # the letterhead is at the bottom of the upside-down page
    region = Image.open(io.BytesIO(crop_png(path, 1, box))).rotate(180)
    out = io.BytesIO()
    region.save(out, format="PNG")
    assert "EXP/2025-1187" in read_back(out.getvalue()).replace(" ", "")


def test_a_fillable_form_field_is_placed_on_its_widget(tmp_path):
    """The box of a value typed in a fillable PDF is the field's own rectangle (/Rect, from
    the page's top), read here with pypdf independently of the reader."""
    from pypdf import PdfReader

    ex = extract(FORM)
    page = PdfReader(FORM).pages[0]
    height = float(page.mediabox.height)
    rects = {}
    for annot in page["/Annots"]:
        w = annot.get_object()
        value = w.get("/V") if w.get("/V") is not None else (w.get("/Parent") or {}).get("/V")
        if value is not None:
            x0, y0, x1, y1 = (float(v) for v in w["/Rect"])
            rects[str(value).strip()] = [x0, height - y1, x1, height - y0]
    for key in ("adresse", "complement_adresse", "bailleur"):
        value = getattr(ex, key)
        assert ex.provenance[key]["page"] == 1
        assert ex.provenance[key]["boite"] == pytest.approx(rects[value], abs=0.1), key
    # an amount and a date are placed where the form prints them the French way
    typed = {
        "loyer_mensuel": f"{ex.loyer_mensuel:.2f}".replace(".", ","),
        "date_document": ex.date_document.strftime("%d/%m/%Y"),
    }
    for key, shown in typed.items():
        widget = next(r for v, r in rects.items() if shown in v)
        assert ex.provenance[key]["boite"] == pytest.approx(widget, abs=0.1), key
    # the region drawn shows what the field holds (PDFium draws the form's fields)
    copy = tmp_path / "form.pdf"
    shutil.copy(FORM, copy)
    said = read_back(crop_png(copy, 1, tuple(ex.provenance["adresse"]["boite"])))
    assert "Faubourg des Auges" in said


def test_a_word_document_keeps_the_paragraph_a_value_came_from():
    ex = extract(WORD)
    where = ex.provenance["adresse"]
    assert "boite" not in where
    assert ex.adresse in where["extrait"] and where["extrait"].startswith("Adresse")
    assert ex.bailleur in ex.provenance["bailleur"]["extrait"]
    assert "MOREAU" in ex.provenance["personnes"]["extrait"]
    debt = f"{ex.montant_dette:,.2f}".replace(",", " ").replace(".", ",")
    assert debt in ex.provenance["montant_dette"]["extrait"]
    assert ex.date_dette.strftime("%d/%m/%Y") in ex.provenance["date_dette"]["extrait"]


def test_values_read_again_from_a_rebuilt_grid_point_at_their_own_line():
    """A letter's grid whose columns the OCR parted: the values read from the rebuilt grid
    are shown on the line of the scan they stand on, not on their label's."""
    from test_extract_ocr import GRID_OCR

    from intake.extract import extract_document
    from intake.readers import Document
    from intake.readers.document import index_ocr_lines

    lines = GRID_OCR.split("\n")
    # each OCR line 20 px below the one before, as on the page
    doc = Document(
        path=Path("grille.png"),
        kind="image",
        pages=[GRID_OCR],
        page_confidence=[90.0],
        ocr_page_lines=[[(t, 90.0) for t in lines if t.strip()]],
        ocr_page_boxes=[
            [(10.0, 20.0 * i, 500.0, 20.0 * i + 15) for i, t in enumerate(lines) if t.strip()]
        ],
    )
    index_ocr_lines(doc)
    ex = extract_document(doc, "grille.png")
    assert ex.date_audience is not None and ex.montant_dette == 2412.50

    def line_of(key: str) -> str:
        return lines[round(ex.provenance[key]["boite"][1] / 20)]

    assert line_of("date_audience").startswith("08/01/2026")
    assert line_of("montant_dette").startswith("2 412,50")
    assert line_of("bailleur") == "M. Hervé SAINT-MARTIN"


def test_a_value_joined_across_two_ocr_lines_gets_the_box_of_both():
    """« Saint-» at a line's end and « Dizier » on the next: the OCR's text joins them on
    one line, and the value read there is shown by the union of the two lines' boxes."""
    from test_extract_ocr import LETTER as LINES

    from intake.extract import extract_document
    from intake.ocr import page_text
    from intake.readers import Document
    from intake.readers.document import index_ocr_lines

    lines = [
        *LINES[:8],
        "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Saint-",
    ]
    lines += ["Dizier.", *LINES[9:]]
    boxes = [(60.0 + i, 100.0 + 24 * i, 540.0 - i, 114.0 + 24 * i) for i in range(len(lines))]
    text = page_text(lines, [(1, 1, 1)] * len(lines))
    assert "Tribunal judiciaire de Saint-Dizier." in text
    doc = Document(
        path=Path("scan.png"),
        kind="image",
        pages=[text],
        page_confidence=[90.0],
        ocr_page_lines=[[(t, 90.0) for t in lines]],
        ocr_page_boxes=[boxes],
    )
    index_ocr_lines(doc)
    ex = extract_document(doc, "scan.png")
    assert ex.juridiction == "Tribunal judiciaire de Saint-Dizier"
    first, second = boxes[8], boxes[9]
    assert ex.provenance["juridiction"]["boite"] == [first[0], first[1], first[2], second[3]]
    # a value on one line keeps that line's box alone
    assert ex.provenance["reference"]["boite"] == list(boxes[3])
