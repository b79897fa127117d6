"""A letter's summary grid whose column separators were lost (a scan read by OCR).

A two-column grid « libellé | valeur » often comes out of OCR with the labels on lines of
their own and the values elsewhere, sometimes after the next paragraph. `realign` puts each
orphan label back in front of the one nearby line whose shape fits it (an address has a
postcode, a hearing a date and an hour, a debt an amount…). Labels and shapes are data
([grille] of the rule files). A label that two lines would fit is left alone: a guess is
not made. Whatever is read from the rebuilt lines is a reading of a layout the reader is
not sure of: the caller flags it.

    table_doubts(tables, grille, ex) -> set[str]  # fields a real grid's cells disagree with
    realign(text, grille) -> Realigned   # the rebuilt text (None when nothing moved) and the
                                         # fields of every label found alone on its line
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from asll.domain.text import fold

from ..engine import compile_pattern

# a table border read as a character
_BORDER = re.compile(r"\s*[|¦]\s*")
_DASH = re.compile(r"\s+[—–]\s+")


# a line ending on a lowercase word goes on to the next one: a sentence, not a grid
_CONTINUED = re.compile(r"[a-zà-ÿ]$")


def _previous_index(lines: list[str], i: int) -> int:
    return next((j for j in range(i - 1, -1, -1) if lines[j].strip()), -1)


def _previous(lines: list[str], i: int) -> str:
    j = _previous_index(lines, i)
    return lines[j].strip() if j >= 0 else ""


def _clean(line: str) -> str:
    return _BORDER.sub(" ", line).strip(" -—–\t")


@dataclass
class Realigned:
    text: str | None = None
    # fields whose label stood alone: whatever is read for them came from a guessed layout
    doubtful: set[str] = field(default_factory=set)
    # fields whose label found its value line: the rebuilt text is their better reading
    paired: set[str] = field(default_factory=set)
    # for each line of `text`, the line of the letter its value stands on (to show it)
    origin: list[int] = field(default_factory=list)


def realign(text: str, grille: dict) -> Realigned:
    specs = grille.get("libelles", [])
    entries = [(compile_pattern(e["libelle"]), compile_pattern(e["valeur"])) for e in specs]
    if not entries:
        return Realigned()
    lines = text.split("\n")
    cleaned = [_clean(line) for line in lines]
    starts_label = [
        i for i, c in enumerate(cleaned) if c and any(lab.match(c) for lab, _ in entries)
    ]
    labels = set(starts_label)
    orphans = {
        i: k
        for i in starts_label
        for k, (lab, _) in enumerate(entries)
        if lab.fullmatch(cleaned[i].rstrip(" :"))
        # "… saisi par le / commissaire de justice :" is a sentence going on
        and not (_CONTINUED.search(_previous(lines, i)) and _previous_index(lines, i) not in labels)
    }
    if not orphans:
        return Realigned()
    doubtful = {name for k in orphans.values() for name in specs[k].get("champs", [])}
    margin = int(grille.get("marge_lignes", 3))
    lo = max(0, min(starts_label) - margin)
    # a label column printed before its value column: the values follow all the labels
    hi = min(len(lines), max(orphans) + margin + len(orphans) + 1)
    end = grille.get("fin")  # the closing formula: the signatory is no value of the grid
    if end:
        rx = compile_pattern(end)
        hi = next((j for j in range(max(orphans) + 1, hi) if rx.search(lines[j])), hi)
    labelled = set(starts_label)
    free = [
        i
        for i in range(lo, hi)
        if cleaned[i]
        and i not in labelled
        and len(cleaned[i]) <= int(grille.get("longueur_max", 90))
    ]
    fits = {i: {j for j in free if entries[k][1].fullmatch(cleaned[j])} for i, k in orphans.items()}
    pairs: dict[int, int] = {}
    # a label takes its value only when that value is the one line left for it
    changed = True
    while changed:
        changed = False
        taken = set(pairs.values())
        for i, cands in fits.items():
            if i in pairs:
                continue
            left = cands - taken
            if len(left) == 1:
                j = left.pop()
                pairs[i] = j
                taken.add(j)
                changed = True
    # labels left with as many lines as fit them: a column of labels, then one of values,
    # read in the same order (each line must still fit its label)
    rest = sorted(i for i in fits if i not in pairs)
    taken = set(pairs.values())
    lines_left = sorted(set().union(*(fits[i] for i in rest)) - taken) if rest else []
    if (
        rest
        and len(lines_left) == len(rest)
        and all(j in fits[i] for i, j in zip(rest, lines_left))
    ):
        pairs.update(zip(rest, lines_left))
    if not pairs:
        return Realigned(None, doubtful)
    moved = set(pairs.values())
    out = []
    origin = []
    for i, line in enumerate(lines):
        if i in moved:
            continue
        origin.append(pairs.get(i, i))
        if i in pairs:
            # OCR reads the grid's hyphens as long dashes, which the field readers do not know
            value = _DASH.sub(" - ", cleaned[pairs[i]])
            out.append(f"{cleaned[i].rstrip(' :')} : {value}")
        elif i in labelled:
            out.append(cleaned[i])
        else:
            out.append(line)
    paired = {name for i in pairs for name in specs[orphans[i]].get("champs", [])}
    return Realigned("\n".join(out), doubtful, paired, origin)


# fields a grid's value cell can be compared with
_COMPARED = {
    "personnes", "adresse", "code_postal", "commune", "bailleur", "juridiction",
    "commissaire_justice", "montant_dette", "date_dette", "date_audience", "heure_audience",
    "loyer_mensuel",
}  # fmt: skip


def table_doubts(tables: list[list[list[str]]], grille: dict, ex) -> set[str]:
    """Fields of a letter's grid (a real table: label cell, value cell) that the reading does
    not agree with: the value cell is empty (the columns did not line up) or does not hold
    the value read. Two readings that disagree are for a person to settle."""
    specs = grille.get("libelles", [])
    labels = [compile_pattern(e["libelle"]) for e in specs]
    out: set[str] = set()
    for table in tables:
        for row in table:
            cells = [_clean(c or "") for c in row]
            if len(cells) < 2 or not cells[0]:
                continue
            k = next(
                (k for k, rx in enumerate(labels) if rx.fullmatch(cells[0].rstrip(" :"))), None
            )
            if k is None:
                continue
            cell = " ".join(c for c in cells[1:] if c)
            names = set(specs[k].get("champs", [])) & _COMPARED
            if not cell:
                out |= names
                continue
            out |= {n for n in names if not _agrees(getattr(ex, n, None), cell)}
    return out


def _agrees(value, cell: str) -> bool:
    if value in (None, [], ""):
        return True  # an empty field is flagged, or not, elsewhere
    flat = re.sub(r"(?<=\d)[\s\u202f\xa0](?=\d{3}\b)", "", cell)
    numbers = re.findall(r"\d+(?:[.,]\d+)?", flat)
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        amounts = [float(n.replace(",", ".")) for n in numbers]
        return not amounts or any(abs(a - value) < 0.01 for a in amounts)
    if isinstance(value, date):
        ints = {int(float(n.replace(",", "."))) for n in numbers}
        if not any(n > 1900 for n in ints):
            return True  # no year in the cell: nothing to compare
        return value.year in ints and value.day in ints
    if isinstance(value, list):
        return all(_agrees(getattr(p, "nom", None), cell) for p in value)
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value):
        hours = re.findall(r"\b(\d{1,2})\s*(?:h|:|heures?)\s*(\d{2})?", cell, re.IGNORECASE)
        if not hours:
            return True
        hh, mm = value.split(":")
        return any(int(h) == int(hh) and int(m or 0) == int(mm) for h, m in hours)
    words = set(re.findall(r"[a-z0-9]{2,}", fold(str(value))))
    return words <= set(re.findall(r"[a-z0-9]{2,}", fold(cell)))
