"""When each document is due, from the dates in the register (domain.md, "Delays in force").

- ESU / DSF report: to the judge and the CCAPEX at the latest 5 working days before the
  hearing (French public holidays are not working days), or by the date the préfecture's
  letter asks, whichever comes first. The interview is offered within 15 working days of
  the préfet's request.
- The assignation must reach the préfet at least 42 days before the hearing, counted back
  from the day before it: a saisine dated later than that is flagged.
- ASLL bilan: at the measure's end (six months after its start unless the register says
  otherwise); a diagnostic: two months after the request.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from asll.model import Dossier

REPORT_WORKING_DAYS_BEFORE_HEARING = 5
INTERVIEW_WORKING_DAYS = 15
NOTIFICATION_DAYS_BEFORE_HEARING = 42
MEASURE_MONTHS = 6
DIAGNOSTIC_MONTHS = 2
CLOSED = {"clos"}


@dataclass(frozen=True)
class Deadline:
    numero: str
    quoi: str  # what is due, in French
    echeance: date
    remarque: str = ""

    def days_left(self, today: date) -> int:
        return (self.echeance - today).days


@lru_cache(maxsize=64)
def _holidays(year: int):
    return holidays.France(years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """`count` working days after (count > 0) or before (count < 0) `start`."""
    step = 1 if count > 0 else -1
    day, left = start, abs(count)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def deadlines_for(dossier: Dossier) -> list[Deadline]:
    if (dossier.statut or "").strip().lower() in CLOSED:
        return []
    if dossier.nature == "ESU":
        return _esu_deadlines(dossier)
    if dossier.nature == "ASLL":
        return _asll_deadlines(dossier)
    return []


def _esu_deadlines(d: Dossier) -> list[Deadline]:
    if d.date_envoi_rapport:
        return []
    out = []
    candidates = []
    if d.date_audience:
        candidates.append(add_working_days(d.date_audience, -REPORT_WORKING_DAYS_BEFORE_HEARING))
    if d.date_limite:
        candidates.append(d.date_limite)
    remark = ""
    if d.date_audience and d.date_document:
        latest = d.date_audience - timedelta(days=1 + NOTIFICATION_DAYS_BEFORE_HEARING)
        if d.date_document > latest:
            remark = ("saisine reçue moins de 42 jours avant l'audience : notification au préfet "
                      "peut-être tardive (à signaler au juge)")
    if candidates:
        out.append(Deadline(d.numero, "Rapport ESU / DSF au juge", min(candidates), remark))
    if d.date_document and not d.date_entretien and d.menage_rencontre != "Non":
        out.append(Deadline(d.numero, "Proposer un entretien au ménage",
                            add_working_days(d.date_document, INTERVIEW_WORKING_DAYS)))
    return out


def _asll_deadlines(d: Dossier) -> list[Deadline]:
    if d.type_mesure == "diagnostic":
        start = d.date_debut_mesure or d.date_document or d.date_ouverture
        if start:
            return [Deadline(d.numero, "Retour du diagnostic",
                             add_months(start, DIAGNOSTIC_MONTHS))]
        return []
    if not d.date_debut_mesure:
        return []
    end = d.date_fin_mesure or (
        add_months(d.date_debut_mesure, MEASURE_MONTHS * (1 + (d.renouvellements or 0)))
        - timedelta(days=1))
    return [Deadline(d.numero, "Bilan de fin de mesure (arrêt ou renouvellement)", end)]


def due(dossiers: list[Dossier], today: date, days: int) -> tuple[list[Deadline], list[Deadline]]:
    """(late, coming): what is past due, and what is due within `days` days, by date."""
    late, coming = [], []
    for dossier in dossiers:
        for deadline in deadlines_for(dossier):
            left = deadline.days_left(today)
            if left < 0:
                late.append(deadline)
            elif left <= days:
                coming.append(deadline)
    key = lambda d: (d.echeance, d.numero)  # noqa: E731
    return sorted(late, key=key), sorted(coming, key=key)
