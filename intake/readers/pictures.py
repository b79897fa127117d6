"""Pages pasted as pictures into a Word or ODT file: a service scans or photographs the
filled form and sends it inside a document. Each picture the size of a page's scan is
read by OCR as a page of its own, after the document's text, in the order the pictures
stand; a logo, a signature or a stamp (small pictures) is left alone."""

from __future__ import annotations

import io
import zipfile

from ..errors import UnreadableDocument
from .document import Document
from .guards import MAX_FILE_BYTES, MAX_ZIP_RATIO, check_image

MIN_SIDE = 700  # pixels on the short side: a page's scan or photo, not a logo or banner


def archive_pictures(zf: zipfile.ZipFile, names: list[str]) -> list[bytes]:
    """The pictures `names` of a Word / ODT archive, in that order, each once; one that
    would expand beyond reason (a « zip bomb ») or is missing is left out."""
    blobs, seen = [], set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        try:
            info = zf.getinfo(name)
        except KeyError:
            continue
        if info.file_size > MAX_FILE_BYTES or info.file_size > MAX_ZIP_RATIO * max(
            info.compress_size, 1024
        ):
            continue
        blobs.append(zf.read(info))
    return blobs


def add_picture_pages(doc: Document, blobs: list[bytes]) -> None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    from ..ocr import ocr_many

    pages = []
    for blob in blobs:
        try:
            img = Image.open(io.BytesIO(blob))  # the header only
            check_image(img)
            if min(img.size) < MIN_SIDE:
                continue
            img.load()
            pages.append(ImageOps.exif_transpose(img))
        except (
            UnreadableDocument,
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ):
            continue  # a picture that cannot be drawn (a vector drawing, a broken file, a bomb)
    if not pages:
        return
    if doc.pages == [""]:
        doc.pages = []  # nothing but the pictures
    for result in ocr_many(pages):
        doc.append_pages(
            Document(
                path=doc.path,
                kind=doc.kind,
                pages=[result.text],
                page_confidence=[result.confidence],
                ocr_page_lines=[result.lines],
                ocr_page_weak_words=[result.weak_words],
                ocr_page_boxes=[result.boxes],
            )
        )
    doc.warnings.append(
        "Le document contient une page en image (scan ou photo collée) : elle a été lue par "
        "reconnaissance de caractères."
    )
