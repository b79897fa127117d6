"""The « À trier et quarantaine » page, for agents and responsables: each file set aside
with its reason, and what staff do with it (intake/triage.py): attach it to a dossier,
read it again with a chosen type, or set it aside for good with a reason.

A file is named by its folder and its name, looked up in the folder's listing: a path
from the request never reaches the disk. Every action is a POST (CSRF checked by Django).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST

from asll.app.web import state
from asll.app.web.accounts import role_of
from asll.app.web.views import page
from asll.domain.labels import TYPES_DOCUMENT
from intake.triage import FOLDERS, TriageRefused, attach, listing, reread, set_aside

STAFF = ("agent", "responsable")


def _staff_only(request) -> None:
    """These files belong to no sector yet: agents' and responsables' page (404 else)."""
    if role_of(request.user) not in STAFF:
        raise Http404("Page réservée à l'accueil et aux responsables")


@login_required
def a_trier(request, message: str = "", erreur: str = "", status: int = 200):
    _staff_only(request)
    config = state.config()
    dossiers = sorted(state.store().view().dossiers(), key=lambda d: d.numero, reverse=True)
    return page(
        request,
        "a_trier.html",
        {
            "dossiers_aside": [(key, FOLDERS[key], listing(config, key)) for key in FOLDERS],
            "dossiers": dossiers,
            "types": {k: v for k, v in TYPES_DOCUMENT.items() if k != "inconnu"},
            "message": message,
            "erreur": erreur,
            "mis_de_cote": config.mis_de_cote.name,
        },
        status=status,
    )


@login_required
@require_POST
def trier(request):
    _staff_only(request)
    config, store = state.config(), state.store()
    key, name = request.POST.get("dossier", ""), request.POST.get("fichier", "")
    action, author = request.POST.get("action", ""), request.user.username
    try:
        if action == "rattacher":
            numero = request.POST.get("numero", "").strip()
            attach(config, store, key, name, numero, author)
            message = f"« {name} » est classé dans le dossier {numero}."
        elif action == "relire":
            result = reread(config, store, key, name, request.POST.get("type", ""))
            what = "créé" if result.nouveau_dossier else "complété"
            message = f"« {name} » a été relu : dossier {result.dossier} {what}."
            if result.motif:
                message += f" {result.motif}"
        elif action == "ecarter":
            set_aside(config, store, key, name, request.POST.get("motif", ""), author)
            folder = config.mis_de_cote.name
            message = f"« {name} » est mis de côté (dossier « {folder} »), avec son motif."
        else:
            raise TriageRefused("Action inconnue.")
    except TriageRefused as exc:
        return a_trier(request, erreur=str(exc), status=400)
    store.flush()
    return a_trier(request, message=message)
