"""The image of the page region a value was read from, for the dossier page.

    provenance_images(numero, documents) -> {field key: image URL}
    crop_png(path, page, box) -> PNG bytes (cached)

Only a filed document of the dossier is drawn (found through the register, never a path
from the request); the box is in PDF points from the page's top-left corner.
"""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse

from asll.storage.provenance import load_provenance

SCALE = 2  # 144 dpi: the line reads as well as on paper
MARGIN = 14.0  # points around the line: the words before and after it
MAX_PAGES = 200
# PDFium is not thread-safe and the server answers the page's images in parallel threads
_PDFIUM = threading.Lock()


def _field_key(name: str) -> str:
    """The dossier page's field for an extracted key (the first adult's name for the
    persons: where the list of parties names them)."""
    return "personne1.nom" if name == "personnes" else name


def provenance_images(register_path: Path, numero: str, documents: list[dict]) -> dict:
    """For each value with a known box, the URL of its image (the last document read
    wins, as its values do)."""
    images: dict[str, tuple[str, int]] = {}
    for doc in documents:
        sha = doc.get("sha256") or ""
        if len(sha) != 64 or not doc.get("classe_sous"):
            continue
        for name, where in load_provenance(register_path, sha).items():
            box = where.get("boite") if isinstance(where, dict) else None
            page = where.get("page") if isinstance(where, dict) else None
            if not (isinstance(page, int) and isinstance(box, list) and len(box) == 4):
                continue
            url = reverse("apercu", args=[numero, sha, page])
            query = urlencode({"boite": ",".join(f"{float(v):g}" for v in box)})
            images[_field_key(name)] = (f"{url}?{query}", page)
    return images


def parse_box(text: str) -> tuple[float, float, float, float] | None:
    try:
        x0, top, x1, bottom = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (0 <= x0 < x1 <= 10_000 and 0 <= top < bottom <= 10_000):
        return None
    return x0, top, x1, bottom


@lru_cache(maxsize=256)
def _cached(path: str, mtime: float, page: int, box: tuple) -> bytes | None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        if not 1 <= page <= min(len(pdf), MAX_PAGES):
            return None
        sheet = pdf[page - 1]
        width, height = sheet.get_size()
        x0, top, x1, bottom = box
        left, right = max(0.0, x0 - MARGIN), min(width, x1 + MARGIN)
        upper, lower = max(0.0, top - MARGIN), min(height, bottom + MARGIN)
        if left >= right or upper >= lower:
            return None
        # crop = what to cut from each side (left, bottom, right, top), in points
        image = sheet.render(
            scale=SCALE, crop=(left, height - lower, width - right, upper)
        ).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def crop_png(path: Path, page: int, box: tuple) -> bytes | None:
    """The PNG of `box` (and a margin) on `page` of the PDF at `path`; None when the page
    or the box is not on the document. Cached by file, date and box."""
    with _PDFIUM:  # also keeps the cache's first fill to one thread
        return _cached(str(path), path.stat().st_mtime, page, box)
