"""Rules of an ASLL measure the convention, the bilan and the register share.

- An accès measure (moving into a dwelling) has no rent debt: no debt, plan d'apurement or
  proceedings clause in its convention, and its bilan says « Accès » where a maintien's
  gives the debt (2004 seed, table of debts per family).
- A first measure (accès or maintien) has had no renewal; a renewal is granted for six
  months, like the first period (deadlines.MEASURE_MONTHS).
- A final bilan is the report of the current period: it is recorded as sent on the day
  it is made final, which settles the bilan's deadline (deadlines.bilan_sent).
"""

from __future__ import annotations

from asll.domain.deadlines import MEASURE_MONTHS
from asll.domain.model import OBJECTIFS, Dossier

RENEWAL_MONTHS = MEASURE_MONTHS
FIRST_MEASURES = ("acces", "maintien")
# Objectives about a rent debt: not offered to an accès measure (unless its referral ticks one).
DEBT_OBJECTIVES = ("dette_apurement",)


def is_acces(dossier: Dossier) -> bool:
    return dossier.type_mesure == "acces"


def objectives_offered(dossier: Dossier) -> list[str]:
    """The objectives a convention lists as boxes: every known one (then any other the
    referral ticked), without the debt ones for an accès measure that did not tick them."""
    ticked = list(dossier.objectifs)
    codes = list(OBJECTIFS) + [o for o in ticked if o not in OBJECTIFS]
    if is_acces(dossier):
        codes = [o for o in codes if o not in DEBT_OBJECTIVES or o in ticked]
    return codes


def renewals(dossier: Dossier) -> int | None:
    """The register's count; else 0 for a first measure; None when nobody knows (a renewal
    whose count was not entered)."""
    if dossier.renouvellements is not None:
        return dossier.renouvellements
    return 0 if dossier.type_mesure in FIRST_MEASURES else None
