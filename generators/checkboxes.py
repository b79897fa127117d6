"""Real Word check boxes: content controls (`w:sdt` with `w14:checkbox`) around a ☐ / ☒ run.

A box is clickable in Word (2010 and later) and in LibreOffice, and its glyph stays the
text of the run inside, so a draft is still read as text (☐ open, ☒ ticked):

- `wrap_boxes(root)` turns every run of a template whose text is a box glyph, or a tag
  that prints one (`{{ case_… }}`, `{{ o.case… }}`), into such a control;
- `sync_boxes(root)` sets each control's ticked state from its glyph once the template is
  rendered (the register's value prints ☒, Word then shows the box ticked);
- `box_states(root)` reads the boxes back as a person left them.

Word keeps the state in `w14:checked` and rewrites the glyph when the box is clicked;
LibreOffice does the same, so either may be read.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

CASE, COCHEE = "☐", "☒"
FONT = "Segoe UI Symbol"
# A run whose text is a box, or a tag printing one (see generators/context.py, CASES).
_BOX_TEXT = re.compile(r"^\s*(?:[☐☒]|{{\s*(?:\w+\.)?case\w*\s*}})\s*$")


def _w14(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(f"w14:{tag}")
    for k, v in attrs.items():
        e.set(qn(f"w14:{k}"), str(v))
    return e


def checkbox_control(run, checked: bool = False) -> OxmlElement:
    """Put `run` (a `w:r` element) inside a check-box content control; returns the `w:sdt`."""
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    box = _w14("checkbox")
    box.append(_w14("checked", val=int(checked)))
    box.append(_w14("checkedState", val="2612", font=FONT))
    box.append(_w14("uncheckedState", val="2610", font=FONT))
    props.append(box)
    sdt.append(props)
    content = OxmlElement("w:sdtContent")
    run.addprevious(sdt)
    content.append(run)
    sdt.append(content)
    return sdt


def wrap_boxes(root) -> int:
    """Every box run of a template (body, table cells) becomes a check-box control."""
    count = 0
    for run in list(root.iter(qn("w:r"))):
        texte = "".join(t.text or "" for t in run.iter(qn("w:t")))
        parent = run.getparent()
        if parent is None or parent.tag == qn("w:sdtContent") or not _BOX_TEXT.match(texte):
            continue
        checkbox_control(run, checked=COCHEE in texte)
        count += 1
    return count


def _controls(root):
    for sdt in root.iter(qn("w:sdt")):
        props = sdt.find(qn("w:sdtPr"))
        if props is not None and props.find(qn("w14:checkbox")) is not None:
            yield sdt, props.find(qn("w14:checkbox"))


def sync_boxes(root) -> None:
    """Each control's ticked state follows the glyph rendered inside it."""
    for sdt, box in _controls(root):
        texte = "".join(t.text or "" for t in sdt.iter(qn("w:t")))
        checked = box.find(qn("w14:checked"))
        if checked is None:
            checked = _w14("checked")
            box.insert(0, checked)
        checked.set(qn("w14:val"), "1" if COCHEE in texte else "0")


def box_states(root) -> list[bool]:
    """Ticked or not, for each check-box control in document order."""
    out = []
    for sdt, box in _controls(root):
        checked = box.find(qn("w14:checked"))
        texte = "".join(t.text or "" for t in sdt.iter(qn("w:t")))
        etat = checked is not None and checked.get(qn("w14:val")) in ("1", "true")
        out.append(etat or COCHEE in texte)
    return out
