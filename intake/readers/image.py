"""Images (JPEG, PNG, TIFF with one page per frame, WEBP, a phone's HEIC): every page
OCR'd, in parallel, upright as the camera saw it (its EXIF orientation applied)."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import UnreadableDocument
from .document import Document
from .guards import IMAGE_TOO_BIG, check_image
from .sniff import is_heif


def read(path: Path, data: bytes) -> Document:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    from ..ocr import ocr_many

    if is_heif(data):
        from pillow_heif import register_heif_opener

        register_heif_opener()
    try:
        img = Image.open(io.BytesIO(data))  # reads the header only
        check_image(img)
        img.load()
    except Image.DecompressionBombError as exc:
        raise UnreadableDocument(IMAGE_TOO_BIG + " (« bombe de décompression » possible).") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise UnreadableDocument("L'image est endommagée et ne peut pas être lue.") from exc

    def frames():  # one at a time, in this thread: a PIL image seeks one frame at a time
        for frame in ImageSequence.Iterator(img):
            check_image(frame)
            # a phone stores a photo taken upright as sideways pixels and a tag saying so
            yield ImageOps.exif_transpose(frame)

    doc = Document(path=path, kind="image")
    for result in ocr_many(frames()):
        doc.pages.append(result.text)
        doc.page_confidence.append(result.confidence)
        doc.ocr_page_lines.append(result.lines)
        doc.ocr_page_weak_words.append(result.weak_words)
        doc.ocr_page_boxes.append(result.boxes)  # the frame's pixels: the page's own units
    return doc
