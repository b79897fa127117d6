"""Word (.docx, .docm): paragraphs, tables, headers and footers, content controls and
legacy form fields, read from WordprocessingML with lxml.

Tick boxes are rendered in the text as ☒ (ticked) and ☐ (not ticked) wherever they
stand, so that every later step reads one kind of text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from .document import CHECKED, UNCHECKED, Document
from .guards import check_archive, parse_xml
from .pictures import add_picture_pages, archive_pictures

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_SYM_CHECKED = {"F0FE", "F0FD", "F078", "F0FB", "2612", "2611", "F0FC"}
_SYM_UNCHECKED = {"F0A8", "F06F", "F071", "F0A1", "2610", "F0A3"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read(path: Path, data: bytes) -> Document:
    what = "Le document Word"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_archive(zf, len(data), what, r"word/(document|header\d*|footer\d*)\.xml")
        xml = zf.read("word/document.xml")
        root = parse_xml(xml, what)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument("Le document Word est endommagé et ne peut pas être lu.") from exc
    doc = Document(path=path, kind="docx")
    reader = _WordReader(doc)
    # letterheads first (a préfecture's reference sometimes sits in the header)
    header_lines = []
    for name in sorted(n for n in zf.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        try:
            header_lines += reader.block(parse_xml(zf.read(name), what))
        except UnreadableDocument:
            raise
        except Exception:
            pass
    body = root.find(_w("body"))
    if body is None:
        raise UnreadableDocument("Le document Word est endommagé (corps absent).")
    lines = reader.block(body)
    footer_lines = []
    for name in sorted(n for n in zf.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)):
        try:
            footer_lines += reader.block(parse_xml(zf.read(name), what))
        except UnreadableDocument:
            raise
        except Exception:
            pass
    pages, current = [], []
    for line in header_lines + lines + footer_lines:
        if line == "\f":
            pages.append("\n".join(current))
            current = []
        else:
            current.append(line)
    pages.append("\n".join(current))
    doc.pages = [p for p in pages if p.strip()] or [""]
    doc.page_confidence = [None] * len(doc.pages)
    doc.ocr_page_lines = [[] for _ in doc.pages]
    add_picture_pages(doc, archive_pictures(zf, _pictures(root, zf)))
    return doc


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PICTURE_REFS = (
    "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
    "{urn:schemas-microsoft-com:vml}imagedata",  # a picture pasted by an older Word
)


def _pictures(root, zf: zipfile.ZipFile) -> list[str]:
    """The archive names of the body's pictures, in the order they stand."""
    try:
        rels = parse_xml(zf.read("word/_rels/document.xml.rels"), "Le document Word")
    except Exception:  # noqa: BLE001 - no relationships: no pictures to find
        return []
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in rels
        if rel.get("Type", "").endswith("/image") and rel.get("TargetMode") != "External"
    }
    names = []
    for el in root.iter(*_PICTURE_REFS):
        target = targets.get(el.get(f"{{{R}}}embed") or el.get(f"{{{R}}}id"))
        if target:
            names.append(target.lstrip("/") if target.startswith("/") else f"word/{target}")
    return names


class _WordReader:
    """Walks WordprocessingML: paragraphs, tables, content controls, legacy form fields."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.n_box = 0

    def block(self, el) -> list[str]:
        """Text lines of a block container (body, cell, header, sdtContent)."""
        lines: list[str] = []
        for child in el:
            tag = child.tag
            if tag == _w("p"):
                text = self.paragraph(child)
                if _has_page_break(child):
                    lines.append("\f")
                lines.append(text)
                if text.strip():
                    self.doc.paragraphs.append(text)
                # a text box anchored in the paragraph (a letter's date and reference block)
                # is read after it, as lines of its own
                for box in _text_boxes(child):
                    lines.extend(self.block(box))
            elif tag == _w("tbl"):
                lines.extend(self.table(child))
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    sub = self.block(content)
                    self._record_sdt(child, "\n".join(sub))
                    lines.extend(sub)
            elif tag in (_w("customXml"), _w("smartTag")):
                lines.extend(self.block(child))
        return lines

    def table(self, tbl) -> list[str]:
        rows_out: list[list[str]] = []
        lines: list[str] = []
        for tr in tbl.iter(_w("tr")):
            if tr.getparent() is not tbl and not _direct_row(tr, tbl):
                continue
            cells = []
            for tc in _row_cells(tr):
                cell_lines = self.block(tc)
                cells.append("\n".join(l for l in cell_lines if l != "\f").strip())
            rows_out.append(cells)
            lines.append(" | ".join(c.replace("\n", " ") for c in cells))
        self.doc.tables.append(rows_out)
        return lines

    def paragraph(self, p) -> str:
        out: list[str] = []
        field_stack: list[dict] = []
        elsewhere = _boxed(p)  # text boxes are read as blocks of their own
        for el in p.iter():
            if el in elsewhere:
                continue
            tag = el.tag
            if tag == _w("t"):
                if _in_placeholder(el):
                    continue
                out.append(el.text or "")
                for f in field_stack:
                    if f["collect"]:
                        f["value"].append(el.text or "")
            elif tag == _w("tab"):
                if el.getparent() is not None and el.getparent().tag == _w("r"):
                    out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("sym"):
                char = (el.get(_w("char")) or "").upper()
                if char in _SYM_CHECKED:
                    out.append(CHECKED)
                elif char in _SYM_UNCHECKED:
                    out.append(UNCHECKED)
            elif tag == _w("fldChar"):
                kind = el.get(_w("fldCharType"))
                if kind == "begin":
                    ff = el.find(_w("ffData"))
                    f = {"ff": ff, "collect": False, "value": []}
                    field_stack.append(f)
                    if ff is not None and ff.find(_w("checkBox")) is not None:
                        on = _legacy_checked(ff.find(_w("checkBox")))
                        out.append(CHECKED if on else UNCHECKED)
                        self._record_box(_ff_name(ff), on)
                elif kind == "separate" and field_stack:
                    field_stack[-1]["collect"] = True
                elif kind == "end" and field_stack:
                    f = field_stack.pop()
                    ff = f["ff"]
                    if ff is not None and ff.find(_w("checkBox")) is None:
                        value = "".join(f["value"]).strip()
                        dd = ff.find(_w("ddList"))
                        if dd is not None:
                            value = _dd_value(dd) or value
                        name = _ff_name(ff) or f"champ_{len(self.doc.fields) + 1}"
                        self.doc.fields[name] = value.replace("\u2002", "").strip()
            elif tag == f"{{{W14}}}checkbox":
                checked = el.find(f"{{{W14}}}checked")
                on = checked is not None and checked.get(f"{{{W14}}}val") in ("1", "true", "on")
                sdt = el.getparent().getparent() if el.getparent() is not None else None
                self._record_box(_sdt_name(sdt) if sdt is not None else None, on)
        text = "".join(out)
        # legacy text fields show five en-spaces when empty
        return text.replace("\u2002" * 5, "").replace("\u2002", " ")

    def _record_box(self, name: str | None, on: bool) -> None:
        self.n_box += 1
        self.doc.checkboxes[name or f"case_{self.n_box}"] = on

    def _record_sdt(self, sdt, value: str) -> None:
        pr = sdt.find(_w("sdtPr"))
        if pr is None or pr.find(f"{{{W14}}}checkbox") is not None:
            return
        name = _sdt_name(sdt)
        if name:
            self.doc.fields[name] = value.strip()


def _direct_row(tr, tbl) -> bool:
    parent = tr.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent is tbl


def _row_cells(tr):
    for child in tr:
        if child.tag == _w("tc"):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from (c for c in content if c.tag == _w("tc"))


def _has_page_break(p) -> bool:
    for br in p.iter(_w("br")):
        if br.get(_w("type")) == "page":
            return True
    ppr = p.find(_w("pPr"))
    return ppr is not None and ppr.find(_w("pageBreakBefore")) is not None


def _in_placeholder(t) -> bool:
    el = t.getparent()
    while el is not None:
        if el.tag == _w("sdtContent"):
            pr = el.getparent().find(_w("sdtPr"))
            if pr is not None and pr.find(_w("showingPlcHdr")) is not None:
                return True
        el = el.getparent()
    return False


def _sdt_name(sdt) -> str | None:
    pr = sdt.find(_w("sdtPr")) if sdt is not None else None
    if pr is None:
        return None
    for tag in ("tag", "alias"):
        el = pr.find(_w(tag))
        if el is not None and el.get(_w("val")):
            return el.get(_w("val"))
    return None


def _ff_name(ff) -> str | None:
    el = ff.find(_w("name"))
    return el.get(_w("val")) if el is not None and el.get(_w("val")) else None


def _legacy_checked(box) -> bool:
    for tag in ("checked", "default"):
        el = box.find(_w(tag))
        if el is not None:
            val = el.get(_w("val"))
            return val is None or val in ("1", "true", "on")
    return False


def _dd_value(dd) -> str | None:
    entries = [e.get(_w("val")) for e in dd.findall(_w("listEntry"))]
    res = dd.find(_w("result"))
    idx = int(res.get(_w("val"))) if res is not None else 0
    return entries[idx] if 0 <= idx < len(entries) else None


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _text_boxes(p) -> list:
    """The text boxes anchored in paragraph `p`, outermost, each once: Word writes a shape
    twice (its drawing, then an older VML copy under mc:Fallback)."""
    out = []
    for box in p.iter(_w("txbxContent")):
        ancestors = list(box.iterancestors())
        inner = ancestors[: ancestors.index(p)] if p in ancestors else ancestors
        if not any(a.tag in (f"{{{_MC}}}Fallback", _w("txbxContent")) for a in inner):
            out.append(box)
    return out


def _boxed(p) -> set:
    """Every element of `p` inside a text box or a shape's older copy: not its own text."""
    return {e for top in p.iter(_w("txbxContent"), f"{{{_MC}}}Fallback") for e in top.iter()}
