"""A court named across two lines by a layout that interleaves cells.

    court_cut_by_layout(text) -> str | None

A table cell that wraps ("… 9 h – Tribunal judiciaire" / "de justice d'Auch"), or a
two-column page read line by line, leaves the court's kind at the end of one line and its
seat at the end of a later one, with another cell's words between. The seat is taken only
when kind and seat together name a court of the official list; the caller flags the value
(it was put together, not read as printed).
"""

from __future__ import annotations

import re

from asll.domain import juridictions
from asll.domain.communes import fold

# the kind of court ending a line, with no seat after it
_KIND_AT_END = re.compile(
    r"(?i:tribunal\s+(?:judiciaire|de\s+proximit[ée]))[ \t]*(?:\n|$)",
)
# the seat ending a later line: "d'Auch", "de Saint-Nazaire", "de la Roche-sur-Yon"
_SEAT_AT_END = re.compile(
    r"(?:^|\s)(?P<seat>(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+)[A-ZÀ-Ý][\w'’\-]+(?:[ \-][A-ZÀ-Ý][\w'’\-]+){0,3})[ \t]*$"
)
# how many lines below the kind its seat may be
LINES_AFTER = 2


def court_cut_by_layout(text: str) -> str | None:
    """The official name of a court whose kind and seat were split by the layout, or None
    when no such pair names a known court."""
    for m in _KIND_AT_END.finditer(text):
        kind = re.sub(r"\s+", " ", m.group(0)).strip()
        lines = text[m.end() :].split("\n")[:LINES_AFTER]
        for line in lines:
            seat = _SEAT_AT_END.search(line.strip())
            if not seat:
                continue
            found = juridictions.lookup(f"{kind} {seat.group('seat')}")
            if found and not (found.approchee or found.autre_type or found.ancienne_denomination):
                return found.juridiction.nom
    return None


def court_completed(read: str | None, text: str) -> str | None:
    """The official name of the court that `read` begins to name, when the text names it
    whole: a seat written with spaces (« Tribunal de proximité de SAINT GERMAIN EN LAYE »)
    is read up to its first space (« … de Saint »). None when `read` is already a known
    court, or when no court of the text completes it."""
    if not read:
        return None
    found = juridictions.lookup(read)
    if found and not (found.approchee or found.autre_type):
        return None
    m = re.match(
        r"(?i)(tribunal\s+(?:judiciaire|de\s+proximit[ée]))\s+(?:de\s+|d['’]|du\s+)(.+)$", read
    )
    if not m:
        return None
    kind, seat = fold(m.group(1)), fold(m.group(2))
    for hit in juridictions.lookup_all(text):
        court = hit.juridiction
        if hit.approchee or hit.autre_type or hit.ancienne_denomination:
            continue
        if fold(court.nom).startswith(kind) and fold(court.siege).startswith(seat + " "):
            return court.nom
    return None


# « juge des contentieux de la protection de RAMBOUILLET »: the judge named by the town of
# the court he sits in, with no court's name after
_JUDGE_OF_TOWN = re.compile(
    r"(?i:juge\s+des\s+contentieux\s+de\s+la\s+protection)\s+(?:de\s+|d['’]\s*)"
    r"(?!(?i:la\s+protection|tribunal|proximit))(?P<town>[A-ZÀ-Ý][\w'’\-]+(?:[ \-](?:[A-ZÀ-Ý][\w'’\-]+|(?i:sur|sous|en|l[eè]s|la|le|les|de|du|des|et)(?=[ \-][A-ZÀ-Ý]))){0,4})"
)


def court_of_judge_town(text: str) -> str | None:
    """The court a « juge des contentieux de la protection de X » sits in: the one court
    (tribunal judiciaire or de proximité) whose seat is X, else None."""
    for m in _JUDGE_OF_TOWN.finditer(text):
        town = fold(m.group("town"))
        courts = {
            j.nom
            for j in juridictions.juridictions()
            if j.type in (juridictions.TRIBUNAL_JUDICIAIRE, juridictions.TRIBUNAL_DE_PROXIMITE)
            and fold(j.siege) == town
        }
        if len(courts) == 1:
            return courts.pop()
    return None
