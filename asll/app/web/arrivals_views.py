"""The Arrivées page: files dropped in the browser go to the inbox (asll/app/web/arrivals.py),
and their outcome is shown as the watcher files them, the table asked again every 3 s by
htmx. A worker sees the documents of her dossiers and the files she dropped; the files
set aside (à trier, quarantaine) are listed for agents and responsables.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse

from asll.app.status import gather_status
from asll.app.web import state
from asll.app.web.accounts import sectors_of
from asll.app.web.arrivals import drop, waiting
from asll.app.web.views import page, visible_dossiers

RECENT_DOCUMENTS = 30


@login_required
def arrivees(request):
    deposes = []
    if request.method == "POST":
        files = request.FILES.getlist("fichiers")
        if not files:
            return _arrivees_page(request, [], erreur="Choisissez au moins un fichier.")
        deposes = drop(state.config(), files)
        mine = request.session.get("deposes", [])
        mine = [d.fichier for d in deposes if d.fichier] + mine
        request.session["deposes"] = mine[:50]
    return _arrivees_page(request, deposes)


def _arrivees_page(request, deposes, erreur: str = ""):
    return page(
        request,
        "arrivees.html",
        _arrivals_context(request) | {"deposes": deposes, "erreur": erreur},
        status=400 if erreur else 200,
    )


@login_required
def arrivees_etat(request):
    """The outcome table alone, that the page asks for again every few seconds (htmx)."""
    return page(request, "arrivees_etat.html", _arrivals_context(request))


def _arrivals_context(request) -> dict:
    config = state.config()
    status = gather_status(config)
    sectors = sectors_of(request.user, config)
    dossiers = {d.numero: d for d in visible_dossiers(request)}
    inbox = waiting(config)
    mine = request.session.get("deposes", [])
    documents = sorted(
        state.store().view().documents(), key=lambda d: d.get("recu_le") or _EPOCH, reverse=True
    )
    rows = []
    for doc in documents:
        numero = doc.get("dossier")
        shown = numero in dossiers if numero else sectors is None
        if not shown and doc.get("fichier") not in mine:
            continue
        rows.append(doc)
        if len(rows) >= RECENT_DOCUMENTS:
            break
    pending = [name for name in mine if name in inbox]
    notes = {q.fichier: q.motif for q in status.quarantaine + status.a_trier}
    return {
        "surveillance": status.surveillance,
        "en_attente": pending,
        "documents": rows,
        "motifs": notes,
        "dossiers_visibles": dossiers,
        "a_trier": status.a_trier if sectors is None else [],
        "quarantaine": status.quarantaine if sectors is None else [],
    }


def htmx(request):
    path = Path(__file__).parent / "static" / "htmx.min.js"
    response = FileResponse(open(path, "rb"), content_type="text/javascript")
    response["Cache-Control"] = "max-age=86400"
    return response


_EPOCH = datetime.min
