"""What shows where a value was read, for the dossier page: the image of the page region
(a PDF's or a scanned image's), or for a Word or ODT document, which has no page to draw,
the paragraph or table cell the value came from.

    provenances(register_path, numero, documents) -> {field key: Apercu}
    crop_png(path, page, box) -> PNG bytes (cached)

Only a filed document of the dossier is drawn (found through the register, never a path
from the request). The box is from the page's top-left corner, in PDF points for a PDF
and in pixels for an image (what the extraction records, `intake/extract.py`).
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse

from asll.storage.provenance import load_provenance

SCALE = 2  # 144 dpi: the line reads as well as on paper
MARGIN = 14.0  # points left and right of the line: the words before and after it
MARGIN_Y = 3.0  # points above and below: the line alone, not its neighbours
A4_WIDTH = 595.0  # points: an image's pixels per point, taking the scan for an A4 page
MAX_PAGES = 200
MAX_SIDE = 100_000  # no box side beyond this (points or pixels): not a page
# the files a region is drawn from (an archived file keeps the name it came with)
DRAWN = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
# PDFium is not thread-safe and the server answers the page's images in parallel threads
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class Apercu:
    """Where one value was read: the URL of its image (None for a document without
    pages), its page, the document's name, and for Word or ODT the text read."""

    fichier: str
    page: int
    src: str | None = None
    extrait: str | None = None


def _field_key(name: str) -> str:
    """The dossier page's field for an extracted key (the first adult's name for the
    persons: where the list of parties names them)."""
    return "personne1.nom" if name == "personnes" else name


def provenances(register_path: Path, numero: str, documents: list[dict]) -> dict[str, Apercu]:
    """For each value whose place is known, how to show it (the last document read wins,
    as its values do)."""
    out: dict[str, Apercu] = {}
    for doc in documents:
        sha = doc.get("sha256") or ""
        if len(sha) != 64 or not doc.get("classe_sous"):
            continue
        name_of = str(doc.get("fichier") or "")
        for name, where in load_provenance(register_path, sha).items():
            if not isinstance(where, dict) or not isinstance(where.get("page"), int):
                continue
            page, box, extrait = where["page"], where.get("boite"), where.get("extrait")
            if isinstance(box, list) and len(box) == 4:
                url = reverse("apercu", args=[numero, sha, page])
                query = urlencode({"boite": ",".join(f"{float(v):g}" for v in box)})
                out[_field_key(name)] = Apercu(name_of, page, src=f"{url}?{query}")
            elif isinstance(extrait, str) and extrait.strip():
                out[_field_key(name)] = Apercu(name_of, page, extrait=extrait.strip())
    return out


def parse_box(text: str) -> tuple[float, float, float, float] | None:
    try:
        x0, top, x1, bottom = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (0 <= x0 < x1 <= MAX_SIDE and 0 <= top < bottom <= MAX_SIDE):
        return None
    return x0, top, x1, bottom


@lru_cache(maxsize=256)
def _cached(path: str, mtime: float, page: int, box: tuple) -> bytes | None:
    with open(path, "rb") as f:
        is_pdf = f.read(5) == b"%PDF-"  # by content, as the file was read
    image = _pdf_region(path, page, box) if is_pdf else _image_region(path, page, box)
    if image is None:
        return None
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _pdf_region(path: str, page: int, box: tuple):
    import pypdfium2 as pdfium  # imported here: only the page's images need it

    pdf = pdfium.PdfDocument(path)
    try:
        pdf.init_forms()  # a fillable form's fields are drawn with their values
        if not 1 <= page <= min(len(pdf), MAX_PAGES):
            return None
        sheet = pdf[page - 1]
        width, height = sheet.get_size()
        x0, top, x1, bottom = box
        left, right = max(0.0, x0 - MARGIN), min(width, x1 + MARGIN)
        upper, lower = max(0.0, top - MARGIN_Y), min(height, bottom + MARGIN_Y)
        if left >= right or upper >= lower:
            return None
        # crop = what to cut from each side (left, bottom, right, top), in points
        return sheet.render(scale=SCALE, crop=(left, height - lower, width - right, upper)).to_pil()
    finally:
        pdf.close()


def _image_region(path: str, page: int, box: tuple):
    """The region of frame `page` of a scanned image, drawn at the size a PDF's region
    would be (the scan taken for an A4 page's width)."""
    from PIL import Image  # imported here: only the page's images need it

    with Image.open(path) as img:
        frames = getattr(img, "n_frames", 1)
        if not 1 <= page <= min(frames, MAX_PAGES):
            return None
        img.seek(page - 1)
        width, height = img.size
        per_point = width / A4_WIDTH
        margin, margin_y = MARGIN * per_point, MARGIN_Y * per_point
        x0, top, x1, bottom = box
        left, right = max(0, int(x0 - margin)), min(width, int(x1 + margin + 1))
        upper, lower = max(0, int(top - margin_y)), min(height, int(bottom + margin_y + 1))
        if left >= right or upper >= lower:
            return None
        region = img.crop((left, upper, right, lower))
        if region.mode not in ("L", "RGB"):
            region = region.convert("RGB")
        scale = SCALE / per_point
        size = (max(1, round(region.width * scale)), max(1, round(region.height * scale)))
        return region.resize(size, Image.LANCZOS)


def crop_png(path: Path, page: int, box: tuple) -> bytes | None:
    """The PNG of `box` (and a margin) on `page` of the PDF or image at `path`; None when
    the page or the box is not on the document. Cached by file, date and box."""
    with _PDFIUM:  # also keeps the cache's first fill to one thread
        return _cached(str(path), path.stat().st_mtime, page, box)
