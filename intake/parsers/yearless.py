"""Dates a letter writes without their year: « l'audience aura lieu le 9 décembre
prochain », « à retourner pour le 24 novembre ».

    yearless_date(text, patterns, after) -> (date, sure) | None

`patterns` (rule files, `[sans_annee]`) give the day in group `j`, the month in group `m`
and, optionally, group `p` for « prochain ». The year is the first that puts the date
after `after` (the letter's date): a hearing or a deadline lies ahead of the letter. The
reading is `sure` only when the letter says « prochain »; otherwise the caller flags it.
"""

from __future__ import annotations

from datetime import date

from .. import french
from ..engine import compile_pattern


def yearless_date(text: str, patterns: list[str], after: date) -> tuple[date, bool] | None:
    for source in patterns:
        for m in compile_pattern(source).finditer(text):
            day, month = m.group("j"), m.group("m")
            found = french.parse_date(f"{day} {month} {after.year}")
            if found is None:
                continue
            if found <= after:
                found = french.parse_date(f"{day} {month} {after.year + 1}")
            if found is not None:
                return found, bool(m.groupdict().get("p"))
    return None
