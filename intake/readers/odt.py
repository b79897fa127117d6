"""ODT (LibreOffice / OpenOffice text): paragraphs, headings and tables of content.xml,
the page headers and footers of styles.xml (a letterhead, a préfecture's reference), and
what a form holds beside its text: Word's form fields as LibreOffice keeps them
(fieldmarks: tick boxes, drop-down lists) and LibreOffice's own form controls."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from .document import CHECKED, UNCHECKED, Document
from .guards import check_archive, parse_xml
from .pictures import add_picture_pages, archive_pictures

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "field": "urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xlink": "http://www.w3.org/1999/xlink",
}
_HEADERS = ("header", "header-first", "header-left")
_FOOTERS = ("footer", "footer-first", "footer-left")
DAMAGED = "Le document ODT est endommagé et ne peut pas être lu."


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def read(path: Path, data: bytes) -> Document:
    what = "Le document ODT"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_archive(zf, len(data), what, r"content\.xml|styles\.xml|mimetype")
        root = parse_xml(zf.read("content.xml"), what)
        styles = parse_xml(zf.read("styles.xml"), what) if "styles.xml" in zf.namelist() else None
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(DAMAGED) from exc
    doc = Document(path=path, kind="odt")
    reader = _Reader(doc, _controls(root))
    reader.walk(root, reader.lines)
    head: list[str] = []
    foot: list[str] = []
    if styles is not None:
        # letterheads first, as printed (a master page's header is on every page: once)
        for kinds, out in ((_HEADERS, head), (_FOOTERS, foot)):
            for el in styles.iter(*(_q("style", k) for k in kinds)):
                for line in reader.walk(el, []):
                    if line.strip() and line not in out:
                        out.append(line)
    doc.pages = ["\n".join(head + reader.lines + foot)]
    doc.page_confidence = [None]
    doc.ocr_page_lines = [[]]
    pictures = [el.get(_q("xlink", "href"), "") for el in root.iter(_q("draw", "image"))]
    add_picture_pages(doc, archive_pictures(zf, [p for p in pictures if p and "://" not in p]))
    return doc


def _controls(root) -> dict[str, str]:
    """LibreOffice's form controls by id: what each shows where it is drawn (a tick box and
    its label, a text box's value, a list's chosen entry)."""
    out: dict[str, str] = {}
    forms = root.iter(_q("form", "form"))
    for form in forms:
        for el in form:
            ident = el.get(_q("xml", "id")) or el.get(_q("form", "id"))
            if not ident:
                continue
            kind = el.tag.rsplit("}", 1)[-1]
            label = (el.get(_q("form", "label")) or "").strip()
            if kind == "checkbox":
                on = el.get(_q("form", "current-state"), el.get(_q("form", "state"), ""))
                out[ident] = f"{CHECKED if on == 'checked' else UNCHECKED} {label}".rstrip()
            elif kind in ("text", "textarea", "formatted-text", "combobox"):
                value = el.get(_q("form", "current-value"), el.get(_q("form", "value"), ""))
                out[ident] = value.strip()
            elif kind == "listbox":
                chosen = [
                    o.get(_q("form", "label"), "")
                    for o in el.iter(_q("form", "option"))
                    if o.get(_q("form", "current-selected")) == "true"
                ]
                out[ident] = ", ".join(c for c in chosen if c)
    return out


class _Reader:
    def __init__(self, doc: Document, controls: dict[str, str]):
        self.doc = doc
        self.controls = controls
        self.lines: list[str] = []
        self.frames: list = []  # frames met in the paragraph being read

    def para_text(self, el) -> str:
        parts = [el.text or ""]
        for child in el:
            local = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if local == "s":
                parts.append(" " * int(child.get(_q("text", "c"), "1")))
            elif local == "tab":
                parts.append("\t")
            elif local == "line-break":
                parts.append("\n")
            elif local in ("fieldmark", "fieldmark-start"):
                parts.append(_fieldmark(child))
            elif local == "control":
                parts.append(self.controls.get(child.get(_q("draw", "control"), ""), ""))
            elif local in ("note", "annotation"):
                pass  # a comment in the margin is no part of the text
            elif local == "frame":
                self.frames.append(child)  # read after the paragraph, as lines of its own
            else:
                parts.append(self.para_text(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(self, el, lines: list[str]) -> list[str]:
        for child in el:
            if child.tag in (_q("text", "p"), _q("text", "h")):
                outer, self.frames = self.frames, []
                t = self.para_text(child)
                lines.append(t)
                if t.strip():
                    self.doc.paragraphs.append(t)
                # a text frame anchored in the paragraph (a letter's date and reference)
                frames, self.frames = self.frames, outer
                for frame in frames:
                    self.walk(frame, lines)
            elif child.tag == _q("table", "table"):
                rows = []
                for row in child.iter(_q("table", "table-row")):
                    cells = [
                        " ".join(self.para_text(p) for p in cell.iter(_q("text", "p")))
                        for cell in row
                        if cell.tag == _q("table", "table-cell")
                    ]
                    rows.append(cells)
                    lines.append(" | ".join(cells))
                self.doc.tables.append(rows)
            else:
                self.walk(child, lines)
        return lines


def _fieldmark(el) -> str:
    """A Word form field kept by LibreOffice: a tick box shows its state, a drop-down list
    its chosen entry; a text field's value is the text that follows (read as text)."""
    kind = el.get(_q("field", "type"), "")
    # (name, value) in order: a list's entries share one name
    params = [
        (p.get(_q("field", "name")), p.get(_q("field", "value"), ""))
        for p in el.iter(_q("field", "param"))
    ]
    values = dict(params)
    if kind.endswith("FORMCHECKBOX"):
        return CHECKED if values.get("Checkbox_Checked") == "true" else UNCHECKED
    if kind.endswith("FORMDROPDOWN"):
        entries = [v for name, v in params if name == "Dropdown_ListEntry"]
        chosen = values.get("Dropdown_Selected", "")
        return entries[int(chosen)] if chosen.isdigit() and int(chosen) < len(entries) else ""
    return ""
