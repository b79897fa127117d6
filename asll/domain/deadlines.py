"""When each document is due, from the dates in the register (domain.md, "Delays in force").

- ESU / DSF report: to the judge and the CCAPEX at the latest 5 working days before the
  hearing (French public holidays are not working days), or by the date the préfecture's
  letter asks, whichever comes first. The interview is offered within 15 working days of
  the préfet's request.
- The assignation must reach the préfet at least 42 days before the hearing, counted back
  from the day before it: a saisine dated later than that is flagged.
- ASLL bilan: at the measure's end (six months after its start unless the register says
  otherwise), settled once a bilan of the current period is sent ("Rapport envoyé le" on
  or after the period's first day); a diagnostic: two months after the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from asll.domain.dates import add_months, add_working_days
from asll.domain.dossiers import is_closed
from asll.domain.model import Dossier

REPORT_WORKING_DAYS_BEFORE_HEARING = 5
INTERVIEW_WORKING_DAYS = 15
NOTIFICATION_DAYS_BEFORE_HEARING = 42
MEASURE_MONTHS = 6
DIAGNOSTIC_MONTHS = 2


# The fields the rules below read (with `numero`): a register of twenty thousand dossiers
# is read on these alone (asll echeances). tests/test_deadlines.py checks it.
DEADLINE_FIELDS = (
    "statut",
    "nature",
    "type_mesure",
    "date_ouverture",
    "date_document",
    "date_limite",
    "date_audience",
    "date_entretien",
    "date_envoi_rapport",
    "menage_rencontre",
    "date_debut_mesure",
    "date_fin_mesure",
    "renouvellements",
)


@dataclass(frozen=True)
class Deadline:
    numero: str
    quoi: str  # what is due, in French
    echeance: date
    remarque: str = ""

    def days_left(self, today: date) -> int:
        return (self.echeance - today).days


def planned_measure_end(start: date, renewals: int = 0) -> date:
    """Last day of a measure begun on `start`: six months per period (the first and each
    renewal), the day before: 1 January, no renewal → 30 June."""
    return add_months(start, MEASURE_MONTHS * (1 + renewals)) - timedelta(days=1)


def measure_end(d: Dossier) -> date | None:
    """Last day of an ASLL measure: the end the register gives, else the planned one.
    Deadlines, yearly figures, the GTS pack and the drafts all use this one answer."""
    if d.date_fin_mesure:
        return d.date_fin_mesure
    if not d.date_debut_mesure:
        return None
    return planned_measure_end(d.date_debut_mesure, d.renouvellements or 0)


def report_due(d: Dossier) -> date | None:
    """The last day the ESU / DSF report may reach the judge: 5 working days before the
    hearing (French public holidays skipped)."""
    if not d.date_audience:
        return None
    return add_working_days(d.date_audience, -REPORT_WORKING_DAYS_BEFORE_HEARING)


def report_before_hearing(d: Dossier) -> bool | None:
    """Whether the report was sent before the hearing day; None when a date is missing."""
    if not (d.date_audience and d.date_envoi_rapport):
        return None
    return d.date_envoi_rapport < d.date_audience


def report_in_time(d: Dossier) -> bool | None:
    """Whether the report was sent at least 5 working days before the hearing."""
    due_on = report_due(d)
    if not (due_on and d.date_envoi_rapport):
        return None
    return d.date_envoi_rapport <= due_on


def interview_due(d: Dossier) -> date | None:
    """The last day to offer the household an interview: 15 working days after the
    préfet's request (date of the saisine)."""
    if not d.date_document:
        return None
    return add_working_days(d.date_document, INTERVIEW_WORKING_DAYS)


def interview_in_time(d: Dossier) -> bool | None:
    """Whether the interview date entered is within 15 working days of the request."""
    due_on = interview_due(d)
    if not (due_on and d.date_entretien):
        return None
    return d.date_entretien <= due_on


def notification_in_time(d: Dossier) -> bool | None:
    """Whether the préfet was notified at least 42 days before the hearing (the rule of
    `late_notification`); None when a date is missing."""
    if not (d.date_audience and d.date_document):
        return None
    return late_notification(d) is None


def bilan_sent(d: Dossier) -> bool:
    """Whether the bilan of the measure's current period (the first, or the last renewal)
    has been sent: its date in "Rapport envoyé le" is on or after that period's start."""
    if not d.date_envoi_rapport or not d.date_debut_mesure:
        return False
    period_start = add_months(d.date_debut_mesure, MEASURE_MONTHS * (d.renouvellements or 0))
    return d.date_envoi_rapport >= period_start


def deadlines_for(dossier: Dossier) -> list[Deadline]:
    if is_closed(dossier):
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
    candidates = [x for x in (report_due(d), d.date_limite) if x]
    remark = ""
    if late_notification(d) is not None:
        remark = (
            "saisine reçue moins de 42 jours avant l'audience : notification au préfet "
            "peut-être tardive (à signaler au juge)"
        )
    if candidates:
        out.append(Deadline(d.numero, "Rapport ESU / DSF au juge", min(candidates), remark))
    if d.date_document and not d.date_entretien and d.menage_rencontre != "Non":
        out.append(
            Deadline(
                d.numero,
                "Proposer un entretien au ménage",
                interview_due(d),
            )
        )
    return out


def late_notification(d: Dossier) -> int | None:
    """Days between the préfet's saisine and the hearing when fewer than the law's six
    weeks (42 days, counted back from the day before the hearing); None when in time or
    when either date is unknown. The deadlines and the DSF both say it from this one rule."""
    if not (d.date_audience and d.date_document):
        return None
    latest = d.date_audience - timedelta(days=1 + NOTIFICATION_DAYS_BEFORE_HEARING)
    if d.date_document <= latest:
        return None
    return (d.date_audience - d.date_document).days


def _asll_deadlines(d: Dossier) -> list[Deadline]:
    if d.type_mesure == "diagnostic":
        start = d.date_debut_mesure or d.date_document or d.date_ouverture
        if start:
            return [
                Deadline(d.numero, "Retour du diagnostic", add_months(start, DIAGNOSTIC_MONTHS))
            ]
        return []
    if not d.date_debut_mesure or bilan_sent(d):
        return []
    return [Deadline(d.numero, "Bilan de fin de mesure (arrêt ou renouvellement)", measure_end(d))]


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
