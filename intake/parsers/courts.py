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
