"""Word 97-2003 (.doc) and RTF: still how many départements send their forms. LibreOffice
(headless, a private profile, a time limit) turns the file into a .docx in the read's
scratch folder, which is then read as Word; staff get a note saying so."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import UnreadableDocument
from . import word
from .document import Document

NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF (.rtf)"}
TIMEOUT_SECONDS = 120.0


def read(path: Path, data: bytes, kind: str) -> Document:
    # imported here: the generators package brings the drafts' libraries with it
    from generators.pdf import convert, soffice

    name = NAMES[kind]
    if soffice() is None:
        raise UnreadableDocument(
            f"Format {name} : LibreOffice, nécessaire pour le lire, n'est pas installé ; "
            "enregistrez le document en .docx ou en PDF."
        )
    with tempfile.TemporaryDirectory(prefix="asll-conversion-") as folder:
        source = Path(folder) / f"document.{kind}"
        source.write_bytes(data)
        done = convert([source], "docx:MS Word 2007 XML", Path(folder), TIMEOUT_SECONDS)
        if not done:
            raise UnreadableDocument(
                f"Le document {name} n'a pas pu être converti par LibreOffice (fichier "
                "endommagé ?) : enregistrez-le en .docx ou en PDF."
            )
        doc = word.read(path, done[0].read_bytes())
    doc.warnings.append(f"Document au format {name}, lu après conversion par LibreOffice.")
    return doc


def read_doc(path: Path, data: bytes) -> Document:
    return read(path, data, "doc")


def read_rtf(path: Path, data: bytes) -> Document:
    return read(path, data, "rtf")
