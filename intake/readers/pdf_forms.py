"""PDF forms (AcroForm): field values and tick boxes, put back in the page text where
they stand, beside their printed labels, so that they fall under their section's heading
as on paper. A form whose widgets cannot be placed gets its fields as "label : value"
lines on a page of their own (see `pdf.read`)."""

from __future__ import annotations

import io
import re

from ..french import normalize_text
from .document import CHECKED, UNCHECKED, Document


def _widgets(reader, index: int):
    """The form widgets of one page: dicts with their box (pdfplumber coordinates), kind,
    name, tooltip (/TU) and value or state."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    out = []
    for annot in page.get("/Annots") or []:
        obj = annot.get_object()
        if obj.get("/Subtype") != "/Widget" or "/Rect" not in obj:
            continue
        parent = obj.get("/Parent").get_object() if obj.get("/Parent") is not None else {}

        def get(key, obj=obj, parent=parent):
            return obj.get(key) if obj.get(key) is not None else parent.get(key)

        rect = [float(v) for v in obj["/Rect"]]
        w = {
            "top": height - max(rect[1], rect[3]),
            "bottom": height - min(rect[1], rect[3]),
            "x0": min(rect[0], rect[2]),
            "x1": max(rect[0], rect[2]),
            "name": str(get("/T") or "").strip(),
            "tooltip": str(get("/TU") or "").strip(),
        }
        if get("/FT") == "/Btn":
            state = obj.get("/AS")
            w["kind"] = "box"
            w["on"] = state is not None and str(state) not in ("/Off", "Off")
            export = [
                str(k) for k in (obj.get("/AP", {}).get("/N", {}) or {}).keys() if str(k) != "/Off"
            ]
            w["export"] = export[0].lstrip("/") if export else ""
        else:
            value = get("/V")
            w["kind"] = "text"
            w["value"] = "" if value is None else str(value).strip()
        out.append(w)
    return out


def _same_row(word: dict, w: dict) -> bool:
    mid = (word["top"] + word["bottom"]) / 2
    return w["top"] - 2 <= mid <= w["bottom"] + 2


def _printed_label(words: list[dict], w: dict, widgets: list[dict]) -> list[int]:
    """Indexes of the printed words that label widget `w`: for a text field, the words just
    left of it on its row (else just above it); for a tick box, the words right of it on its
    row, up to the next widget."""
    if w["kind"] == "box":
        stop = min(
            [
                o["x0"]
                for o in widgets
                if o is not w
                and o["x0"] > w["x1"]
                and _same_row({"top": o["top"], "bottom": o["bottom"]}, w)
            ]
            + [10_000]
        )
        idx = sorted(
            (i for i, x in enumerate(words) if _same_row(x, w) and w["x1"] - 1 <= x["x0"] < stop),
            key=lambda i: words[i]["x0"],
        )
        out, last = [], w["x1"]
        for i in idx:  # contiguous words only
            if words[i]["x0"] - last > 25:
                break
            out.append(i)
            last = words[i]["x1"]
        return out
    left = sorted(
        (i for i, x in enumerate(words) if _same_row(x, w) and x["x1"] <= w["x0"] + 1),
        key=lambda i: -words[i]["x1"],
    )
    other_edges = [
        o["x1"]
        for o in widgets
        if o is not w
        and o["x1"] <= w["x0"] + 1
        and _same_row({"top": o["top"], "bottom": o["bottom"]}, w)
    ]
    out, last = [], w["x0"]
    for i in left:
        # a label column may stand well left of its field; its own words are close together
        if words[i]["x1"] < max(other_edges + [-1]) or last - words[i]["x1"] > (
            200 if not out else 25
        ):
            break
        out.insert(0, i)
        last = words[i]["x0"]
    if out:
        return out
    # a caption right above the field
    above = [
        i
        for i, x in enumerate(words)
        if 0 <= w["top"] - x["bottom"] <= 6 and x["x0"] < w["x1"] and x["x1"] > w["x0"]
    ]
    return sorted(above, key=lambda i: words[i]["x0"])


def _widget_label(w: dict, printed: str) -> str:
    """The printed label when there is one, else the tooltip, else the field's name."""
    name = field_label(w["name"]) if w["name"] else ""
    if printed and (not w["tooltip"] or len(printed) <= 80):
        return printed
    if w["tooltip"]:
        return field_label(w["tooltip"]) if "." not in w["tooltip"] else w["tooltip"]
    if not name and w.get("export"):
        return field_label(w["export"])
    return name


def _field_grid(widgets: list[dict], words: list[dict]):
    """Text fields laid out as a table (a household table of a fillable form): rows of 3 or
    more fields whose left edges line up, under a row of printed column headers. Returns
    (header word indexes per column, rows of widgets) or None. Such fields are often named
    "Texte9" and have no label of their own beside them: the column header is their label."""
    texts = sorted((w for w in widgets if w["kind"] == "text"), key=lambda w: (w["top"], w["x0"]))
    rows: list[list[dict]] = []
    for w in texts:
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    best = None
    k = 0
    while k < len(rows):
        cols = [w["x0"] for w in rows[k]]
        run = [rows[k]]
        while (
            k + len(run) < len(rows)
            and len(rows[k + len(run)]) == len(cols)
            and all(abs(a["x0"] - b) <= 4 for a, b in zip(rows[k + len(run)], cols))
        ):
            run.append(rows[k + len(run)])
        bare = all(  # no printed label beside any field of the row: the labels are above
            not any(
                _same_row(x, w) and (rows[k][j - 1]["x1"] if j else 0) <= x["x0"] < w["x0"]
                for x in words
            )
            for j, w in enumerate(rows[k])
        )
        if len(cols) >= 3 and (len(run) >= 2 or bare) and (best is None or len(run) > len(best)):
            best = run
        k += len(run)
    if best is None:
        return None
    top = best[0][0]["top"]
    above = [i for i, x in enumerate(words) if x["bottom"] <= top + 1 and top - x["bottom"] <= 20]
    if not above:
        return None
    line_top = max(words[i]["top"] for i in above)
    header_words = [i for i in above if abs(words[i]["top"] - line_top) <= 3]
    edges = [w["x0"] for w in best[0]] + [10_000]
    header = [
        sorted(
            (i for i in header_words if edges[j] - 4 <= words[i]["x0"] < edges[j + 1] - 4),
            key=lambda i: words[i]["x0"],
        )
        for j in range(len(best[0]))
    ]
    if sum(1 for h in header if h) < 2:
        return None
    return header, best


def merge_widgets(doc: Document, data: bytes, reader, password) -> bool:
    import pdfplumber

    merged_any = False
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            for i, page in enumerate(pdf.pages):
                if doc.page_confidence[i] is not None:
                    continue
                widgets = _widgets(reader, i)
                if not widgets:
                    continue
                words = page.extract_words(x_tolerance=1.5, y_tolerance=3)
                used: set[int] = set()
                items = []
                boxes: dict[str, tuple] = {}  # a field's line: its widget's box
                grid = _field_grid(widgets, words)
                in_grid: set[int] = set()
                if grid:
                    # the grid as a table, its rows as "a | b | c" lines under the headers
                    header_idx, grid_rows = grid
                    head = [" ".join(words[j]["text"] for j in h) for h in header_idx]
                    for h in header_idx:
                        used.update(h)
                    first = grid_rows[0][0]
                    items.append((first["top"] - 0.5, first["x0"], " | ".join(head)))
                    table = [head]
                    for row in grid_rows:
                        cells = [w["value"] for w in row]
                        in_grid.update(id(w) for w in row)
                        if any(cells):
                            table.append(cells)
                            items.append((row[0]["top"], row[0]["x0"], " | ".join(cells)))
                            boxes[" | ".join(cells)] = _union(row)
                    doc.tables.append(table)
                for w in widgets:
                    if id(w) in in_grid:
                        continue
                    if w["kind"] == "text" and not w["value"]:
                        continue
                    idx = [j for j in _printed_label(words, w, widgets) if j not in used]
                    printed = " ".join(words[j]["text"] for j in idx).strip(" :")
                    used.update(idx)
                    label = _widget_label(w, printed)
                    if w["kind"] == "box":
                        items.append(
                            (w["top"], w["x0"], f"{CHECKED if w['on'] else UNCHECKED} {label}")
                        )
                    else:
                        items.append((w["top"], w["x0"], f"{label} : {w['value']}"))
                        boxes[f"{label} : {w['value']}"] = _union([w])
                # the remaining printed words, as lines
                rows: list[list[dict]] = []
                for j, x in sorted(enumerate(words), key=lambda t: (t[1]["top"], t[1]["x0"])):
                    if j in used:
                        continue
                    if rows and abs(rows[-1][0]["top"] - x["top"]) <= 3:
                        rows[-1].append(x)
                    else:
                        rows.append([x])
                for row in rows:
                    row.sort(key=lambda x: x["x0"])
                    items.append((row[0]["top"], row[0]["x0"], " ".join(x["text"] for x in row)))
                items.sort(key=lambda t: (round(t[0] / 4), t[1]))
                doc.pages[i] = "\n".join(t[2] for t in items)
                while len(doc.line_boxes) <= i:
                    doc.line_boxes.append({})
                doc.line_boxes[i] = {normalize_text(k): v for k, v in boxes.items()}
                merged_any = True
    except Exception:
        return False
    return merged_any


def _union(widgets: list[dict]) -> tuple[float, float, float, float]:
    """The box holding `widgets` (x0, top, x1, bottom), in points from the page's top."""
    return (
        round(min(w["x0"] for w in widgets), 1),
        round(min(w["top"] for w in widgets), 1),
        round(max(w["x1"] for w in widgets), 1),
        round(max(w["bottom"] for w in widgets), 1),
    )


def field_label(name: str) -> str:
    return re.sub(r"[_\s]+", " ", name.split(".")[-1]).strip()


def acroform(reader) -> tuple[dict[str, str], dict[str, bool]]:
    fields: dict[str, str] = {}
    checkboxes: dict[str, bool] = {}
    try:
        raw = reader.get_fields() or {}
    except Exception:
        return fields, checkboxes
    for name, f in raw.items():
        label = str(f.get("/TU") or name)
        ftype = f.get("/FT")
        value = f.get("/V")
        if ftype == "/Btn":
            states = [str(s) for s in (f.get("/_States_") or [])]
            v = str(value) if value is not None else "/Off"
            if len([s for s in states if s != "/Off"]) > 1:  # radio group
                if v != "/Off":
                    fields[label] = v.lstrip("/")
                    checkboxes[f"{label} {v.lstrip('/')}"] = True
            else:
                checkboxes[label] = v not in ("/Off", "Off", "")
        elif value is not None:
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            fields[label] = str(value).strip()
    return fields, checkboxes
