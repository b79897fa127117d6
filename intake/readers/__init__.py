"""Reading a file into text: PDF (text layer, fillable form, scan), Word (and Word
97-2003 or RTF through LibreOffice), ODT, images, e-mails saved with their attachments.

The contract of a reader
------------------------
Each format has one module here with one function::

    read(path: Path, data: bytes) -> Document

`data` is the whole file, already checked by the file guards (not a link, not empty, not
absurdly large) and recognised by its content as the reader's format (`sniff.py`). The
reader:

- fills `Document.pages` with the text of each page, in reading order (tick boxes as
  ☒ / ☐), and what its format adds: `fields`, `checkboxes`, `tables`, `paragraphs`;
- for each page, sets `page_confidence` (mean OCR confidence, or None for a page read
  from its text layer) and `ocr_page_lines` (the OCR's lines, or [] for such a page);
- refuses a file it cannot read by raising `UnreadableDocument` with one line of French
  saying why (damaged, encrypted, a bomb…), never another exception on purpose; the
  guards of `guards.py` run before anything expensive;
- imports its heavy libraries inside `read`, so that importing this package stays cheap;
- writes nothing, prints nothing, and keeps no state between files.

`read_document(path)` does what is common to all: guards, sniffing, the choice of the
reader in `READERS` (keyed by the sniffed format, never by the extension), text
normalisation, OCR line offsets, and the refusal of a document with no legible text. A
supported document under the wrong extension (a Word form named `.pdf`) is read by its
content, as a person opening it would, with a note in `Document.warnings`; a file that
is no supported document, whatever its name, is refused.

Adding a format is adding a module and a line to `READERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableDocument
from ..french import normalize_text
from . import image, legacy, mail, odt, pdf, word
from .document import CHECKED, PAGE_BREAK, UNCHECKED, Document, index_ocr_lines
from .guards import read_bytes
from .sniff import extension_note, refusal, sniff

__all__ = ["CHECKED", "PAGE_BREAK", "READERS", "UNCHECKED", "Document", "read_document"]

READERS: dict[str, Callable[[Path, bytes], Document]] = {
    "pdf": pdf.read,
    "docx": word.read,
    "odt": odt.read,
    "image": image.read,
    "doc": legacy.read_doc,
    "rtf": legacy.read_rtf,
    "courriel": mail.read,
    "outlook": mail.read_outlook,
}


def read_document(path: Path) -> Document:
    """Read one file, or raise `UnreadableDocument` with a French reason."""
    path = Path(path)
    data = read_bytes(path)
    ext = path.suffix.lower()
    actual = sniff(data)
    reader = READERS.get(actual)
    if reader is None:
        raise UnreadableDocument(refusal(ext, actual))
    doc = reader(path, data)
    note = extension_note(ext, actual)
    if note:
        doc.warnings.append(note)
    doc.pages = [normalize_text(p) for p in doc.pages]
    index_ocr_lines(doc)
    if not any(len(re.sub(r"\W", "", p)) >= 3 for p in doc.pages) and not any(doc.fields.values()):
        if doc.ocr or doc.kind in ("pdf_scan", "image"):
            raise UnreadableDocument(
                "Aucun texte lisible, même après reconnaissance de caractères "
                "(page blanche ou scan illisible)."
            )
        raise UnreadableDocument("Le document ne contient aucun texte.")
    return doc
