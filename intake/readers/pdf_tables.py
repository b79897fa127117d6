"""Drawn tables whose cells wrap their text: a PDF's text layer reads them line by line,
so a row's words end on other lines than the row ("Loyer juin 689,12 1 037,18" then
"2026"; "Solde dû au 3 104,66" then "05/10/2026"). A person reads a row across, each cell
whole; so does this module: such a table's lines are replaced by its rows, one a line.
Cells that hold fields of their own ("Nom : …" over "Prénom : …") are left as printed."""

from __future__ import annotations

import re

from ..french import join_hyphen_breaks
from .pdf_columns import lines_of

# a line of a cell that is a field of its own, not the continuation of a wrapped text
_FIELD = re.compile(r"\S\s*:\s*\S|:\s*$")


def _wrapped(rows: list[list[str | None]]) -> bool:
    """Some cell's text runs over several lines, and no cell is a stack of fields."""
    cells = [c for row in rows for c in row if c]
    if not any("\n" in c for c in cells):
        return False
    return not any(_FIELD.search(line) for c in cells if "\n" in c for line in c.split("\n"))


def _row(row: list[str | None]) -> str:
    cells = (re.sub(r"\s*\n\s*", " ", join_hyphen_breaks(c)).strip() for c in row if c)
    return " ".join(c for c in cells if c)


def table_text(tables: list[tuple], words: list[dict]) -> str | None:
    """The page's text with each wrapped table read row by row, or None when the page has
    none (then its ordinary text stands). `tables`: the page's tables as (box, rows of
    cells), pdfplumber's; `words`: its words (`extract_words`, x_tolerance 1.5,
    y_tolerance 3)."""
    wrapped = [
        (box, [r for r in (_row(row) for row in rows) if r])
        for box, rows in tables
        if rows and _wrapped(rows)
    ]
    if not wrapped or not words:
        return None

    def within(w: dict) -> bool:
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b, _ in wrapped)

    # the words around the tables as lines, each table's rows at its top, in page order
    blocks = [
        (line[0]["top"], [" ".join(w["text"] for w in line)])
        for line in lines_of([w for w in words if not within(w)])
    ]
    blocks += [(box[1], rows) for box, rows in wrapped]
    return "\n".join(text for _, lines in sorted(blocks, key=lambda b: b[0]) for text in lines)
