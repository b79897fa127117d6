"""PDF forms (AcroForm): field values and tick boxes, put back in the page text where
they stand, beside their printed labels, so that they fall under their section's heading
as on paper. A form whose widgets cannot be placed gets its fields as "label : value"
lines on a page of their own (see `pdf.read`)."""

from __future__ import annotations

import io
import re

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
                for w in widgets:
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
                merged_any = True
    except Exception:
        return False
    return merged_any


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
