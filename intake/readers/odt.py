"""ODT (LibreOffice / OpenOffice text): paragraphs, headings and tables of content.xml."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from .document import Document
from .guards import check_archive, parse_xml


def read(path: Path, data: bytes) -> Document:
    from lxml import etree

    ns_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    what = "Le document ODT"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_archive(zf, len(data), what, r"content\.xml|mimetype")
        root = parse_xml(zf.read("content.xml"), what)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument("Le document ODT est endommagé et ne peut pas être lu.") from exc
    doc = Document(path=path, kind="odt")

    def para_text(el) -> str:
        parts = []
        if el.text:
            parts.append(el.text)
        for child in el:
            local = etree.QName(child).localname
            if local == "s":
                parts.append(" " * int(child.get(f"{{{ns_text}}}c", "1")))
            elif local == "tab":
                parts.append("\t")
            elif local == "line-break":
                parts.append("\n")
            else:
                parts.append(para_text(child))
            if child.tail:
                parts.append(child.tail)
        return "".join(parts)

    lines: list[str] = []

    def walk(el):
        for child in el:
            q = etree.QName(child)
            if q.namespace == ns_text and q.localname in ("p", "h"):
                t = para_text(child)
                lines.append(t)
                if t.strip():
                    doc.paragraphs.append(t)
            elif q.namespace == ns_table and q.localname == "table":
                rows = []
                for row in child.iter(f"{{{ns_table}}}table-row"):
                    cells = [
                        " ".join(para_text(p) for p in cell.iter(f"{{{ns_text}}}p"))
                        for cell in row
                        if etree.QName(cell).localname == "table-cell"
                    ]
                    rows.append(cells)
                    lines.append(" | ".join(cells))
                doc.tables.append(rows)
            else:
                walk(child)

    walk(root)
    doc.pages = ["\n".join(lines)]
    doc.page_confidence = [None]
    doc.ocr_page_lines = [[]]
    return doc
