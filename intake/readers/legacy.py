"""Formats read through LibreOffice: Word 97-2003 (.doc) and RTF, still how many
départements send their forms, and the workbooks of Excel 97-2003 (.xls) and LibreOffice
Calc (.ods). LibreOffice (headless, a private profile, a time limit) turns the file into a
.docx or a .xlsx in the read's scratch folder, which is then read as such; staff get a
note saying so."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableDocument
from . import word
from .document import Document

NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF (.rtf)"}
TIMEOUT_SECONDS = 120.0


def converted(
    path: Path,
    data: bytes,
    kind: str,
    name: str,
    target: str,
    reader: Callable[[Path, bytes], Document],
    nouns: tuple[str, str],
) -> Document:
    """`data` (a `kind` file, `name` for staff) converted by LibreOffice to `target` (its
    « --convert-to » argument) and read by `reader`. `nouns`: what staff call the file
    (« le document », « le classeur ») and the format to save it in instead."""
    # imported here: the generators package brings the drafts' libraries with it
    from generators.pdf import convert, soffice

    noun, instead = nouns
    if soffice() is None:
        raise UnreadableDocument(
            f"Format {name} : LibreOffice, nécessaire pour le lire, n'est pas installé ; "
            f"enregistrez {noun} en {instead} ou en PDF."
        )
    with tempfile.TemporaryDirectory(prefix="asll-conversion-") as folder:
        source = Path(folder) / f"fichier.{kind}"
        source.write_bytes(data)
        done = convert([source], target, Path(folder), TIMEOUT_SECONDS)
        if not done:
            raise UnreadableDocument(
                f"{noun[0].upper()}{noun[1:]} {name} n'a pas pu être converti par LibreOffice "
                f"(fichier endommagé ?) : enregistrez-le en {instead} ou en PDF."
            )
        doc = reader(path, done[0].read_bytes())
    what = "Classeur" if "classeur" in noun else "Document"
    doc.warnings.append(f"{what} au format {name}, lu après conversion par LibreOffice.")
    return doc


def read(path: Path, data: bytes, kind: str) -> Document:
    return converted(
        path, data, kind, NAMES[kind], "docx:MS Word 2007 XML", word.read, ("le document", ".docx")
    )


def read_doc(path: Path, data: bytes) -> Document:
    return read(path, data, "doc")


def read_rtf(path: Path, data: bytes) -> Document:
    return read(path, data, "rtf")
