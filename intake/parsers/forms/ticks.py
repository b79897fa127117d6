"""Ticked boxes: ☒/☑/✓/✔ glyphs or a lone "X" before a label, a mark in the cell after a
row's label, a mark in the "Oui" column of an Oui/Non table; mapped to values by the
option patterns of the rule file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import pattern_store
from ...readers import Document

MARK_ON = "☒☑■✓✔✗✘"
_MARK_TOKEN = pattern_store.compile(
    rf"(?:(?<=\s)|(?<=^)|(?<=\|))\s*(?:[{MARK_ON}]|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|[xX](?=\s+[A-ZÀ-Ýa-zà-ÿ]{{2}})"
    # a ticked box a scan read half ("X] ASLL maintien", "[X ASLL maintien")
    rf"|[xX]\](?=\s)|\[[xX](?=\s))\s*",
    re.MULTILINE,
)
ANY_MARK = pattern_store.compile(rf"[{MARK_ON}☐□]|\[\s*[xX✓ ]?\s*\]|(?<![\w'])[xX](?![\w'])")
_CELL_MARK = pattern_store.compile(
    rf"^\s*(?:[{MARK_ON}]|[xX]|\[\s*[xX]\s*\]|oui)\s*$", re.IGNORECASE
)


# ---------------------------------------------------------------------- ticks


@dataclass
class Tick:
    text: str
    section: str | None
    # "Êtes-vous hébergé(e) ? ☒ oui": the question is what was ticked, its option anywhere in it
    question: bool = False


# "Êtes-vous locataire ? ☒ oui ☐ non"
_QUESTION_TICK = pattern_store.compile(rf"^(?P<q>[^?{MARK_ON}☐□]{{3,120}}\?)\s*(?P<boxes>.*)$")


def read_ticks(lines: list[str], sections: list[str | None], doc: Document) -> list[Tick]:
    ticks: list[Tick] = []
    for i, line in enumerate(lines):
        section = sections[i]
        cells = [c.strip() for c in line.split(" | ")]
        # table row: "label | X" or "label | | ✓" with an Oui/Non header above
        if len(cells) >= 2 and cells[0] and not ANY_MARK.match(cells[0]):
            marks = [j for j, c in enumerate(cells[1:], 1) if _CELL_MARK.match(c)]
            if marks:
                header = _oui_non_header(lines, i)
                if header is None or any(header.get(j) == "oui" for j in marks):
                    ticks.append(Tick(cells[0], section))
                continue
        for cell in cells:
            after = labels_before_boxes(cell)
            if after is not None:
                ticks.extend(Tick(label, section) for label in after)
                continue
            q = _QUESTION_TICK.match(cell)
            if q and re.match(r"^\s*\S+\s*oui\b", q.group("boxes"), re.IGNORECASE):
                on = [cell[m.end() :].strip()[:3].lower() for m in _MARK_TOKEN.finditer(cell)]
                if "oui" in on and "non" not in on:
                    ticks.append(Tick(q.group("q"), section, question=True))
                continue
            for m in _MARK_TOKEN.finditer(cell):
                rest = cell[m.end() :]
                nxt = ANY_MARK.search(rest)
                snippet = rest[: nxt.start()] if nxt else rest
                snippet = snippet.strip()
                if snippet and nxt is None and len(cells) == 1:
                    snippet = f"{snippet} {_wrapped_rest(lines, i)}".strip()
                if snippet:
                    ticks.append(Tick(snippet[:80], section))
    return ticks


# what a scan leaves of an empty box: "]" or "[" alone between words
_BOX_LEFT = pattern_store.compile(r"(?<=\s)[\[\]](?=\s)")


def _wrapped_rest(lines: list[str], i: int) -> str:
    """'… [X] A.S.L.L.' then 'MAINTIEN DANS LE LOGEMENT [ ] RENOUVELLEMENT': a line of boxes
    wrapped inside the ticked option; its words before the next box end that option."""
    if i + 1 >= len(lines):
        return ""
    nxt = lines[i + 1]
    box = ANY_MARK.search(nxt) or _BOX_LEFT.search(nxt)
    if not box or " | " in nxt:
        return ""
    head = nxt[: box.start()]
    if ":" in head or not re.fullmatch(r"\s*[A-Za-zÀ-ÿ][^\d]{1,60}", head):
        return ""
    return head.strip()


# a box that closes its label ("Célibataire ☐  Marié(e) ☒", "Homme seul ☒"): the cell ends
# with a box and does not start with one
_BOX_AT_END = pattern_store.compile(rf"(?:[{MARK_ON}☐□]|\[\s*[xX✓ ]?\s*\])\s*$")
_BOX_ON = pattern_store.compile(rf"\s*(?:[{MARK_ON}]|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|[xX])\s*")


def labels_before_boxes(cell: str) -> list[str] | None:
    """The labels ticked in a cell whose boxes come after their labels ("Madame ☐  Monsieur
    ☒" gives ["Monsieur"]), or None when the cell is not written that way (boxes first, or
    no box at its end). A leading "Situation familiale :" is the question, not an option."""
    text = cell.strip()
    if not text or ANY_MARK.match(text) or not _BOX_AT_END.search(text):
        return None
    out, start = [], 0
    for m in ANY_MARK.finditer(text):
        label = text[start : m.start()]
        start = m.end()
        label = label.rsplit(":", 1)[-1].strip(" -–—,;")
        if label and _BOX_ON.fullmatch(m.group(0)) and re.search(r"[A-Za-zÀ-ÿ]{2}", label):
            out.append(label[:80])
    return out


def ticked_labels(line: str) -> list[str]:
    """The labels ticked on one line, whichever side of its label each box is."""
    after = labels_before_boxes(line)
    if after is not None:
        return after
    out = []
    for m in _MARK_TOKEN.finditer(line):
        rest = line[m.end() :]
        nxt = ANY_MARK.search(rest)
        label = (rest[: nxt.start()] if nxt else rest).strip()
        if label:
            out.append(label[:80])
    return out


def _oui_non_header(lines: list[str], i: int) -> dict[int, str] | None:
    for k in range(i - 1, max(i - 10, -1), -1):
        cells = [c.strip().lower() for c in lines[k].split(" | ")]
        if "oui" in cells and "non" in cells:
            return {j: c for j, c in enumerate(cells)}
        if len(cells) < 2:
            return None
    return None


def _option_positions(text: str, options: list[dict]):
    for opt in options:
        m = re.search(opt["motif"], text, re.IGNORECASE)
        if m:
            yield (
                m.start(),
                opt.get("valeur") or opt.get("type"),
            )  # ressources options name a "type"


def options_named(text: str, options: list[dict]) -> set[str]:
    """Every option `text` names: more than one in a field's value is the list of its boxes
    whose marks the scan lost, not a choice."""
    return {value for _, value in _option_positions(text, options)}


def first_option(text: str, options: list[dict], strict: bool = False) -> str | None:
    found = sorted(_option_positions(text, options))
    if not found:
        return None
    if strict:
        return found[0][1]
    return found[0][1]


def pick(ticks: list[Tick], options: list[dict], prefer=(None,)) -> str | None:
    values = pick_all(ticks, options, prefer)
    return values[0] if values else None


def pick_all(ticks: list[Tick], options: list[dict], prefer=(None,)) -> list[str]:
    """Options ticked, those in the preferred sections first; a box ticked elsewhere ("Saisine
    par : ☒ un travailleur social") does not hide the option ticked under another heading."""
    own = [t for t in ticks if t.section in prefer]
    # under the heading that names what the boxes choose (« TYPE DE MESURE SOLLICITÉE »),
    # each box's label is one of the options, whatever words come before it (« ASLL liée à
    # une recherche de logement adapté »)
    preferred = _ticked_options(own, options, anywhere=any(s for s in prefer))
    return preferred or _ticked_options(ticks, options)


def _ticked_options(ticks: list[Tick], options: list[dict], anywhere: bool = False) -> list[str]:
    out: list[str] = []
    for t in ticks:
        found = sorted(_option_positions(t.text, options))
        paren = re.search(r"\(([^()]{2,60})\)", t.text[:60])
        first = found[0][0] if found else None
        if paren and not (
            first is not None and (first <= 12 or anywhere and first < paren.start())
        ):
            # "logement personnel (bailleur social)": the option told in the parentheses
            inside = sorted(_option_positions(paren.group(1), options))
            found = inside if inside and inside[0][0] <= 12 else found
        near = found and (found[0][0] <= 12 or t.question or anywhere and t.section)
        if near and found[0][1] not in out:
            out.append(found[0][1])
    return out


def every_box_ticked(lines: list[str], options: list[dict]) -> bool:
    """A line of options whose boxes all read as ticked (a scan's noise, a form ticked by
    mistake): what was chosen cannot be told."""
    for line in lines:
        marks = ANY_MARK.findall(line)
        if len(marks) < 2:
            continue
        on = [m for m in _MARK_TOKEN.finditer(line)]
        if len(on) < len(marks):
            continue
        pieces = ANY_MARK.split(line)[1:]
        if sum(1 for x in pieces if first_option(x.strip(), options)) >= 2:
            return True
    return False
