"""PDF: the text layer of each page; a page without one (a scan) is drawn at 300 dpi and
OCR'd, the scanned pages of one file in parallel; a fillable form's fields are put back
in the text where they stand (`pdf_forms.py`)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import UnreadableDocument
from ..french import normalize_text
from .document import CHECKED, UNCHECKED, Document
from .guards import MAX_PAGES, check_pdf
from .pdf_columns import column_text
from .pdf_forms import acroform, field_label, merge_widgets
from .pdf_tables import table_text

# A PDF page whose text layer has fewer characters than this is OCR'd.
MIN_TEXT_CHARS = 25
RENDER_DPI = 300  # a page to OCR is drawn at this resolution
# ... unless that gives more pixels than an A3 page (842 × 1191 points) would: a scan saved
# without its resolution (PIL's default is 72 dpi: a 300-dpi A4 image becomes a page of
# 88 × 124 cm) is then drawn at about its image's own size, not refused as too big.
MAX_RENDER_PIXELS = int(842 * 1191 * (RENDER_DPI / 72) ** 2)
# A page over 10 m² is no document (a 600-dpi A4 scan saved at 72 dpi is 4,3 m²): refused.
MAX_PAGE_POINTS = 10 * (72 / 0.0254) ** 2
DAMAGED = "Le PDF est endommagé et ne peut pas être lu."


def read(path: Path, data: bytes) -> Document:
    import pdfplumber  # imported here: heavy, and only PDFs need it

    if b"%%EOF" not in data[-2048:]:
        raise UnreadableDocument(
            "Le PDF est incomplet ou endommagé (fichier tronqué, copie interrompue ?)."
        )
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise UnreadableDocument(_refusal(exc)) from exc
    try:
        check_pdf(pdf.doc)
        # pypdf (slow to import) is only for the fields of a fillable form
        form = _form_reader(data) if _has_form(pdf) else None
        fields, checkboxes = acroform(form) if form is not None else ({}, {})
        doc = Document(path=path, kind="pdf_text", fields=fields, checkboxes=checkboxes)
        texts, to_ocr, words = _page_texts(pdf, doc)
        # a scan with the copier's OCR as an invisible layer: read by our OCR, whose
        # confidences say which words to check (the copier's text has none)
        layered = _ocr_layer_pages(pdf, data)
        # closed once read only: closing builds every page first (a refused file is
        # left to the garbage collector, it is only bytes in memory)
        pdf.close()
        ocr = _ocr_pages(data, sorted(set(to_ocr) | layered), "")
    except UnreadableDocument:
        raise
    except Exception as exc:  # pdfminer, pypdf and PDFium raise many kinds on broken files
        raise UnreadableDocument(DAMAGED) from exc

    for i, text in enumerate(texts):
        result, scale = ocr.get(i, (None, 1.0))
        if result is not None and (
            _letters(result.text) > _letters(text)
            or (i in layered and _letters(result.text) * 2 >= _letters(text))
        ):
            doc.pages.append(result.text)
            doc.page_confidence.append(result.confidence)
            doc.ocr_page_lines.append(result.lines)
            doc.ocr_page_weak_words.append(result.weak_words)
            # drawn at `scale` pixels a point: pixels back to points
            doc.ocr_page_boxes.append([tuple(round(v / scale, 1) for v in b) for b in result.boxes])
            doc.page_words.append([])
        else:
            doc.pages.append(text)
            doc.page_confidence.append(None)
            doc.ocr_page_lines.append([])
            doc.ocr_page_weak_words.append([])
            doc.ocr_page_boxes.append([])
            doc.page_words.append(words[i])
    if fields or checkboxes:
        doc.kind = "pdf_form"
        # field values are not in the page text: put "label : value" lines where the
        # fields stand on the page, so that they fall under their section's heading
        if not merge_widgets(doc, data, form, ""):
            lines = [f"{field_label(name)} : {value}" for name, value in fields.items() if value]
            lines += [
                f"{CHECKED if on else UNCHECKED} {field_label(name)}"
                for name, on in checkboxes.items()
            ]
            doc.pages.append("\n".join(lines))
            doc.page_confidence.append(None)
            doc.ocr_page_lines.append([])
    elif (to_ocr or layered) and len(set(to_ocr) | layered) >= len(doc.pages) / 2:
        doc.kind = "pdf_scan"
    return doc


def _refusal(exc: Exception) -> str:
    """Why pdfminer could not open the file, in French."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return (
            "Le PDF est protégé par un mot de passe : "
            "demandez une version non protégée à l'expéditeur."
        )
    if isinstance(cause, PDFEncryptionError) or any(
        word in str(cause).lower() for word in ("crypt", "password")
    ):
        return "Le PDF est chiffré et ne peut pas être lu."
    return DAMAGED


def _has_form(pdf) -> bool:
    try:
        return "AcroForm" in pdf.doc.catalog
    except Exception:  # a broken catalog: no form to read
        return False


def _form_reader(data: bytes):
    """pypdf's reader of a fillable form (already opened by pdfminer with no password)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    return reader


def _page_texts(pdf, doc: Document) -> tuple[list[str], list[int], list[list[tuple]]]:
    """The text layer of each page, the tables of those that have one (into `doc`), the
    indexes of the pages without a text layer worth the name (to OCR), and each page's
    words with their boxes (none on a page to OCR)."""
    texts: list[str] = []
    to_ocr: list[int] = []
    words: list[list[tuple]] = []
    if not pdf.pages:
        raise UnreadableDocument("Le PDF ne contient aucune page.")
    for i, page in enumerate(pdf.pages):
        if i >= MAX_PAGES:
            raise UnreadableDocument(
                f"Le PDF compte plus de {MAX_PAGES} pages : il n'a "
                "pas été lu ; déposez seulement les pages utiles."
            )
        text = page.extract_text(x_tolerance=1.5, y_tolerance=3) or ""
        if _garbled(text):
            # glyphs without their letters (a font embedded without its map): the page is
            # read as an image; the legible rest stands if the OCR reads less
            to_ocr.append(i)
            words.append([])
            text = _GLYPH.sub("", text)
        elif len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
            to_ocr.append(i)
            words.append([])
        else:
            found_words = _page_words(page)  # once: the columns' reading and the boxes
            words.append(
                [
                    (normalize_text(w["text"]), w["x0"], w["top"], w["x1"], w["bottom"])
                    for w in found_words or ()
                ]
            )
            found = []  # (box, rows): once, the tables, then the columns beside them
            try:
                for table in page.find_tables():
                    found.append((table.bbox, table.extract()))
                    doc.tables.append([[(c or "").strip() for c in row] for row in found[-1][1]])
            except Exception:
                pass
            try:
                if found_words is not None:
                    text = (
                        column_text(page, [box for box, _ in found], found_words)
                        or table_text(found, found_words)
                        or text
                    )
            except Exception:
                pass  # the ordinary text stands
        texts.append(text)
    return texts, to_ocr, words


# a glyph pdfminer could not map to a letter: "(cid:12)", a private-use or replacement char
_GLYPH = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd]")


def _garbled(text: str) -> bool:
    """More than one letter in a hundred unreadable (an accent, then whole words)."""
    glyphs = len(_GLYPH.findall(text))
    return glyphs >= 3 and glyphs * 100 > _letters(_GLYPH.sub("", text))


def _page_words(page) -> list[dict] | None:
    """The page's words and their boxes, in PDF points (None: unknown, after a failure)."""
    try:
        return page.extract_words(x_tolerance=1.5, y_tolerance=3)
    except Exception:
        return None


def _letters(text: str) -> int:
    return len(re.sub(r"\s", "", text))


SCAN_IMAGE_SHARE = 0.5  # a picture over half the page or more: a scanned page
INVISIBLE_SHARE = 0.9  # of its text objects drawn invisible: an OCR layer, not typed text


def _ocr_layer_pages(pdf, data: bytes) -> set[int]:
    """Pages that are a scanned picture under an invisible text layer (a copier's or
    another tool's OCR): a page-sized image, and text drawn in render mode 3."""
    candidates = []
    for i, page in enumerate(pdf.pages):
        area = float(page.width * page.height) or 1.0
        images = page.images  # parsed with the text: no extra reading
        if any(
            (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_IMAGE_SHARE * area
            for im in images
        ):
            candidates.append(i)
    if not candidates:
        return set()
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    found = set()
    document = pdfium.PdfDocument(data)
    try:
        for i in candidates:
            modes = [
                pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                for obj in document[i].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,))
            ]
            hidden = sum(1 for m in modes if m == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
            if modes and hidden >= INVISIBLE_SHARE * len(modes):
                found.add(i)
    finally:
        document.close()
    return found


def _ocr_pages(data: bytes, indexes: list[int], password) -> dict:
    """OCR results of the pages `indexes` with the scale each was drawn at (pixels a
    point), by page index. Pages are drawn one at a time in this thread (PDFium is not
    thread-safe) as the OCR workers free up."""
    if not indexes:
        return {}
    from ..ocr import ocr_many

    scales: list[float] = []
    results = ocr_many(_render(data, i, password, scales) for i in indexes)
    return dict(zip(indexes, zip(results, scales)))


def render_scale(width: float, height: float) -> float:
    """Pixels a point to draw a page of `width` × `height` points for OCR."""
    full = RENDER_DPI / 72
    pixels = width * height * full * full
    return full if pixels <= MAX_RENDER_PIXELS else full * (MAX_RENDER_PIXELS / pixels) ** 0.5


def _render(data: bytes, index: int, password, scales: list[float]):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data, password=password or None)
    try:
        width, height = pdf[index].get_size()  # points
        if width * height > MAX_PAGE_POINTS:
            raise UnreadableDocument(
                f"La page {index + 1} du PDF est démesurée ({width / 72 * 2.54:.0f} × "
                f"{height / 72 * 2.54:.0f} cm) : elle ne peut pas être lue."
            )
        scale = render_scale(width, height)
        scales.append(scale)
        return pdf[index].render(scale=scale).to_pil()
    finally:
        pdf.close()
