"""The Échéances page: what is late (in red) and what is due within the week, by référent,
with the 42-day flag of a late saisine (rules in asll/domain/deadlines.py)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required

from asll.app.web.views import page, visible_dossiers
from asll.domain.deadlines import due, late_notification
from asll.domain.text import fold

WEEK = 7
NO_REFERENT = "Sans référent"


@login_required
def echeances(request):
    today = date.today()
    dossiers = {d.numero: d for d in visible_dossiers(request)}
    late, coming = due(list(dossiers.values()), today, WEEK)
    groups: dict[str, list[dict]] = {}
    for deadline, is_late in [(x, True) for x in late] + [(x, False) for x in coming]:
        d = dossiers[deadline.numero]
        left = deadline.days_left(today)
        groups.setdefault(d.referent or NO_REFERENT, []).append(
            {
                "e": deadline,
                "d": d,
                "retard": is_late,
                "quand": _when(left),
                "tardive": late_notification(d),
            }
        )
    ordered_groups = sorted(groups.items(), key=lambda g: (g[0] == NO_REFERENT, fold(g[0])))
    return page(
        request,
        "echeances.html",
        {"groupes": ordered_groups, "en_retard": len(late), "a_venir": len(coming), "jours": WEEK},
    )


def _when(left: int) -> str:
    if left < 0:
        return f"en retard de {-left} jour{'s' if left < -1 else ''}"
    if left == 0:
        return "aujourd'hui"
    return f"dans {left} jour{'s' if left > 1 else ''}"
