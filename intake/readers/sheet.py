"""Spreadsheets (.xlsx, and .xls / .ods through LibreOffice): some départements and
CCAPEX send their referral forms (« fiche de saisine », « fiche navette ») as a workbook,
labels in one column and values beside them.

Each visible sheet that holds something is a page: its used cells row by row, the filled
cells of a row joined with " | " as the Word reader writes a table's row, a merged
cell's value once. Values are written as the sheet shows them to a French reader: dates
as JJ/MM/AAAA, numbers with a decimal comma (« 480,00 », an integer without cents),
a postcode or a phone number kept with its leading zero. A tick column (cells holding
« X » or a true / false value, beside labels) is written as ☒ / ☐, like a Word form's
tick boxes. Each sheet is also one of `Document.tables`, its empty cells kept.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from .document import CHECKED, UNCHECKED, Document
from .guards import check_archive, refuse_dtd

WHAT = "Le classeur"
DAMAGED = "Le classeur est endommagé et ne peut pas être lu."
# A form fills a few hundred cells; a register or an export tens of thousands. Far
# above, the file is no form and would cost memory for nothing.
MAX_CELLS = 100_000
MAX_ROWS = 1_048_576  # Excel's own limit: a sheet claiming more rows is forged
_PARTS = r"xl/(workbook|sharedStrings|styles|worksheets/[^/]+)\.xml"
# What a person types in a tick cell (« X », a tick mark), and a ticked / unticked box.
_TICKS = {"x", "✓", "✔", "☑", "☒", "■", CHECKED.lower()}
_UNTICKS = {"☐", "□", UNCHECKED}
_ERRORS = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"}


def read(path: Path, data: bytes) -> Document:
    """An Excel 2007+ workbook (.xlsx, .xlsm)."""
    from openpyxl import load_workbook

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_archive(zf, len(data), WHAT, _PARTS)
        for info in zf.infolist():
            if re.fullmatch(_PARTS, info.filename):
                refuse_dtd(zf.read(info), WHAT, "aucun tableur")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UnreadableDocument:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile's and openpyxl's errors vary
        raise UnreadableDocument(DAMAGED) from exc
    doc = Document(path=path, kind="xlsx")
    cells = 0
    try:
        for ws in book.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue  # lists behind a drop-down, a service's calculations
            rows, cells = _sheet_rows(ws, cells)
            if not rows:
                continue
            grid = _render(rows)
            doc.tables += _tables(grid)
            doc.paragraphs += [c for row in grid for c in row if c and _alone(row)]
            lines = [_line(row) for row in grid]
            doc.pages.append("\n".join(line for line in lines if line))
    except UnreadableDocument:
        raise
    except Exception as exc:  # noqa: BLE001
        raise UnreadableDocument(DAMAGED) from exc
    finally:
        book.close()
    doc.pages = doc.pages or [""]
    doc.page_confidence = [None] * len(doc.pages)
    doc.ocr_page_lines = [[] for _ in doc.pages]
    return doc


def _sheet_rows(ws, cells: int) -> tuple[list[list[object]], int]:
    """The sheet's rows from its first used row to its last, each a list of cell values
    from column A (None for an empty cell), trailing empty cells and rows cut."""
    ws.reset_dimensions()  # the declared size may be wrong (or forged): read what is there
    rows: list[list[object]] = []
    for number, row in enumerate(ws.iter_rows(), 1):
        if number > MAX_ROWS:
            break
        values = []
        for cell in row:
            value = getattr(cell, "value", None)
            if isinstance(value, str):
                value = value.strip()
            if value is None or value == "" or value in _ERRORS:
                values.append(None)
                continue
            cells += 1
            values.append(_text(value, getattr(cell, "number_format", "General")))
        if cells > MAX_CELLS:
            raise UnreadableDocument(
                f"{WHAT} contient plus de {MAX_CELLS:,} cellules remplies : c'est un "
                "registre ou un export, pas une fiche ; il n'a pas été lu.".replace(",", " ")
            )
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    while rows and not rows[-1]:
        rows.pop()
    while rows and not rows[0]:
        rows.pop(0)
    return rows, cells


def _render(rows: list[list[object]]) -> list[list[str]]:
    """The rows as text, cells from the first used column, tick cells as ☒ / ☐."""
    width = max(len(r) for r in rows)
    first = min((next(i for i, v in enumerate(r) if v is not None) for r in rows if r), default=0)
    grid = [[r[i] if i < len(r) else None for i in range(first, width)] for r in rows]
    boxes = _tick_cells(grid)
    out = []
    for i, row in enumerate(grid):
        texts = []
        for j, value in enumerate(row):
            if (i, j) in boxes:
                texts.append(CHECKED if boxes[i, j] else UNCHECKED)
            elif isinstance(value, bool):
                texts.append(CHECKED if value else UNCHECKED)
            else:
                texts.append("" if value is None else str(value))
        out.append(texts)
    return out


def _line(row: list[str]) -> str:
    """A row's filled cells joined with " | ", a box and the label right of it with a
    space (« ☒ Locataire », as a Word form writes a tick box before its option)."""
    out = ""
    for j, text in enumerate(row):
        if not text:
            continue
        text = text.replace("\n", " ")
        if not out:
            out = text
        elif row[j - 1] in (CHECKED, UNCHECKED):
            out += " " + text
        else:
            out += " | " + text
    return out


def _alone(row: list[str]) -> bool:
    """A row of one cell: a title or a sentence, as a Word form's paragraph."""
    return sum(1 for c in row if c) == 1


def _tables(grid: list[list[str]]) -> list[list[list[str]]]:
    """The sheet's tables as a Word form would have them: the rows between blank rows and
    one-cell rows (a section's title), so that the household's table does not run on into
    the housing's fields below it."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for row in [*grid, []]:
        if any(row) and not _alone(row):
            current.append(row)
            continue
        if current:
            tables.append(current)
        current = []
    return tables


def _is_tick(value: object) -> bool | None:
    """True for a ticked cell (« X », ✓, ☒, TRUE), False for an unticked one (☐, FALSE),
    else None."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    v = value.strip().lower()
    if v in _TICKS:
        return True
    if v in _UNTICKS:
        return False
    return None


def _is_label(value: object) -> bool:
    return isinstance(value, str) and _is_tick(value) is None and any(c.isalpha() for c in value)


def _tick_cells(grid: list[list[object]]) -> dict[tuple[int, int], bool]:
    """The cells that are tick boxes, ticked or not: in a column, a run of rows whose cell
    is empty or a tick mark with a label beside it (left or right), holding at least one
    tick mark — « Maintien | X » between « Accès | » and « Renouvellement | ». An empty
    cell is a box only inside such a run of typed marks, in a row holding only its
    label; a lone « X » beside a label is one too."""
    width = max((len(r) for r in grid), default=0)

    def cell(i: int, j: int) -> object:
        return grid[i][j] if 0 <= j < len(grid[i]) else None

    out: dict[tuple[int, int], bool] = {}
    for j in range(width):
        run: list[int] = []
        for i in range(len(grid) + 1):
            beside = i < len(grid) and (_is_label(cell(i, j - 1)) or _is_label(cell(i, j + 1)))
            # an empty cell is an unticked box only in a row that holds nothing but its
            # label: « Bailleur | Limoges Habitat » under the options is a field, no box
            boxlike = beside and (
                _is_tick(cell(i, j)) is not None
                or (cell(i, j) is None and sum(v is not None for v in grid[i]) == 1)
            )
            if boxlike:
                run.append(i)
                continue
            if any(_is_tick(cell(k, j)) is not None for k in run):
                # boxes linked to their cells (TRUE / FALSE) fill every one of them: an
                # empty cell beside them is a heading's, not an unticked box
                linked = any(isinstance(cell(k, j), bool) for k in run)
                for k in run:
                    if not (linked and cell(k, j) is None):
                        out[k, j] = bool(_is_tick(cell(k, j)))
            run = []
    return out


def _text(value: object, number_format: str) -> object:
    """A cell's value as the sheet shows it to a French reader (booleans and tick marks
    are kept for `_render`, which knows the columns)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y} {value.hour}h{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return f"{value.hour}h{value.minute:02d}"
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}h{minutes % 60:02d}"
    if isinstance(value, (int, float)):
        return french_number(value, number_format or "General")
    return str(value)


def french_number(value: float, number_format: str) -> str:
    """« 480,00 », « 1 250,50 », « 480 », « 58000 », « 06 12 34 56 78 »: a number as its
    cell's format shows it, in French."""
    fmt = number_format.split(";")[0]
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", fmt)  # literals, colours, padding
    percent = "%" in plain
    if percent:
        value *= 100
    mask = re.sub(r"\[[^\]]*\]|_.|\*.", "", fmt).replace("\\", "")
    mask = re.sub(r'"([^"]*)"', r"\1", mask)
    # a postcode or a phone number: digits only, a fixed width, maybe spaces between
    if (
        float(value).is_integer()
        and value >= 0
        and re.fullmatch(r"[0# .-]*0[0# .-]*", mask)
        and "." not in plain
        and "," not in plain
        and len(re.sub(r"[^0#]", "", mask)) > 1
        and mask.count("0") > 1
    ):
        digits = str(int(value)).zfill(mask.count("0"))
        if len(digits) == len(re.sub(r"[^0#]", "", mask)):
            it = iter(digits)
            return "".join(next(it) if c in "0#" else c for c in mask).strip()
        return digits
    decimals_match = re.search(r"\.([0#]+)", plain)
    if decimals_match:
        decimals = len(decimals_match.group(1))
    elif fmt.lower() in ("general", "@", "") and not float(value).is_integer():
        decimals = None
    else:
        decimals = 0 if float(value).is_integer() or plain.strip() else None
    if decimals is None:
        text = repr(round(float(value), 6)).rstrip("0").rstrip(".")
        whole, _, frac = text.partition(".")
    else:
        text = f"{abs(float(value)):.{decimals}f}"
        whole, _, frac = text.partition(".")
        whole = ("-" if value < 0 else "") + whole
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if "," in plain or "€" in fmt:
        whole = f"{int(whole):,}".replace(",", " ")
    out = sign + whole + ("," + frac if frac else "")
    if percent:
        out += " %"
    elif "€" in fmt:
        out += " €"
    return out


def read_legacy(path: Path, data: bytes, kind: str) -> Document:
    """A .xls (Excel 97-2003) or .ods (LibreOffice Calc) workbook, converted to .xlsx by
    LibreOffice and read as one; staff get a note saying so."""
    from .legacy import converted

    target = "xlsx:Calc MS Excel 2007 XML"
    return converted(path, data, kind, NAMES[kind], target, read, ("le classeur", ".xlsx"))


NAMES = {"xls": "Excel 97-2003 (.xls)", "ods": "ODS (.ods)"}


def read_xls(path: Path, data: bytes) -> Document:
    return read_legacy(path, data, "xls")


def read_ods(path: Path, data: bytes) -> Document:
    return read_legacy(path, data, "ods")
