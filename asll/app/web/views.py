"""The pages: log in, the dossiers an account may see, one dossier, its drafts; and what
the other pages share (`page`, `visible_dossiers`, `dossier_or_404`).

Every page but the login needs a session (`login_required`); a dossier outside the
account's sectors answers 404, as if it did not exist. Writes go through the register's
interface (`correction_entry`, then `flush()` so that the workbook follows).
"""

from __future__ import annotations

import heapq
from datetime import date
from pathlib import Path

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from asll.app.web import state
from asll.app.web.accounts import ROLE_LABELS, may_see, role_of, sectors_of
from asll.app.web.fields import FIELDS, BadValue, label_of, ordered, uncertain_elsewhere
from asll.app.web.previews import DRAWN, crop_png, parse_box, provenances
from asll.domain.labels import TYPES_DOCUMENT
from asll.domain.model import Dossier
from asll.domain.text import fold
from asll.storage.database import TOOL
from asll.storage.store import correction_entry, drafts_entry, final_report_entry
from generators import IncompleteDocument, final_document
from generators.drafts import dossier_brouillons, draft_document, suivi_final
from generators.errors import TemplateError

LIST_LIMIT = 200


def page(request, template: str, context: dict, status: int = 200):
    user = request.user
    if user.is_authenticated:
        context = dict(context, compte=user.username, role=ROLE_LABELS.get(role_of(user), ""))
    context.setdefault("service", state.config().service.nom)
    return render(request, template, context, status=status)


class Login(auth_views.LoginView):
    template_name = "connexion.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"service": state.config().service.nom}


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' answer once an account has had too many wrong passwords."""
    return page(
        request,
        "verrouille.html",
        {"minutes": 15},
        status=429,
    )


def csrf_failure(request, reason=""):
    return page(request, "refuse.html", {}, status=403)


def visible_dossiers(request) -> list[Dossier]:
    config = state.config()
    sectors = sectors_of(request.user, config)
    dossiers = state.store().view().dossiers()
    if sectors is not None:
        dossiers = [d for d in dossiers if (d.secteur or "") in sectors]
    return dossiers


# What a search looks in, folded once per version of a dossier (the register stores a new
# object for each change, so the object's identity says whether the text is still right).
_haystacks: dict[str, tuple[Dossier, str]] = {}


def _haystack(d: Dossier) -> str:
    known = _haystacks.get(d.numero)
    if known is not None and known[0] is d:
        return known[1]
    names = " ".join(f"{p.nom} {p.prenom or ''}" for p in d.personnes)
    text = fold(
        " ".join(
            str(v or "")
            for v in (d.numero, names, d.commune, d.adresse, d.bailleur, d.reference, d.numero_rg)
        )
    )
    _haystacks[d.numero] = (d, text)
    return text


def _matches(haystack: str, words: list[str]) -> bool:
    return all(w in haystack for w in words)


def _newest_first(d: Dossier):
    return (d.date_ouverture or d.date_document or _FAR, d.numero)


@login_required
def dossiers(request):
    query = request.GET.get("q", "").strip()
    found = visible_dossiers(request)
    if query:
        words = fold(query).split()
        found = [d for d in found if _matches(_haystack(d), words)]
    shown = heapq.nlargest(LIST_LIMIT, found, key=_newest_first)
    return page(
        request,
        "dossiers.html",
        {
            "q": query,
            "total": len(found),
            "dossiers": shown,
            "limite": LIST_LIMIT,
            "incertains_libelles": _uncertain_labels,
        },
    )


def _uncertain_labels(d: Dossier) -> str:
    return ", ".join(label_of(name) for name in d.champs_incertains)


def dossier_or_404(request, numero: str) -> Dossier:
    dossier = state.store().view().get(numero)
    if dossier is None or not may_see(request.user, dossier, state.config()):
        raise Http404("Dossier introuvable")
    return dossier


@login_required
def dossier(request, numero: str, erreur: dict | None = None, status: int = 200, manquants=None):
    d = dossier_or_404(request, numero)
    documents = [doc for doc in state.store().view().documents() if doc.get("dossier") == numero]
    return page(
        request,
        "dossier.html",
        {
            "d": d,
            "champs": ordered(d),
            "ailleurs": uncertain_elsewhere(d),
            "documents": documents,
            "types": TYPES_DOCUMENT,
            "brouillons": [b for b in d.brouillons if _draft_path(d, b) is not None],
            "erreur": erreur or {},
            "enregistre": request.GET.get("enregistre", ""),
            "redige": request.GET.get("redige", ""),
            "modeles": kinds_for(d),
            "manquants": manquants,
            "apercus": provenances(state.config().registre, numero, documents),
            "corrections": corrections(numero),
        },
        status=status,
    )


def corrections(numero: str) -> dict[str, dict]:
    """The values a person changed last (in the browser or the workbook), by the dossier
    page's field: who and when, from the audit trail. A value the tool wrote again since
    (a later document) is no longer a correction."""
    last: dict[str, dict] = {}
    for row in state.store().history({numero}):
        if row.get("champ"):
            last[row["champ"]] = row
    out = {}
    for key, f in FIELDS.items():
        row = last.get(f.field)
        if row is not None and not str(row.get("auteur") or "").startswith(TOOL):
            out[key] = {"auteur": row["auteur"], "quand": row["quand"]}
    return out


@login_required
@require_POST
def corriger(request, numero: str, cle: str):
    d = dossier_or_404(request, numero)
    field = FIELDS.get(cle)
    if field is None:
        raise Http404("Champ inconnu")
    values = {}
    if "valeur" in request.POST:
        try:
            values = field.change(d, request.POST["valeur"])
        except BadValue as exc:
            return dossier(request, numero, erreur={cle: str(exc)}, status=400)
    remaining = [n for n in d.champs_incertains if n != field.field]
    if remaining != d.champs_incertains:
        values["champs_incertains"] = remaining
    if values:
        store = state.store()
        store.record(correction_entry(numero, values, request.user.username))
        store.flush()
    url = reverse("dossier", args=[numero]) + f"?enregistre={cle}#champ-{cle.replace('.', '-')}"
    return HttpResponseRedirect(url)


def _draft_path(d: Dossier, name: str) -> Path | None:
    """The draft's file, only when the name is one of the dossier's drafts and the file is
    inside the outbox (no way out through `..` or a link)."""
    if name not in d.brouillons or Path(name).name != name:
        return None
    outbox = state.config().outbox.resolve()
    path = (dossier_brouillons(d, state.config()) / name).resolve()
    if not path.is_relative_to(outbox) or not path.is_file():
        return None
    return path


@login_required
def brouillon(request, numero: str, nom: str):
    d = dossier_or_404(request, numero)
    path = _draft_path(d, nom)
    if path is None:
        raise Http404("Brouillon introuvable")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)


@login_required
def apercu(request, numero: str, sha: str, page: int):
    """The page region a value was read from: only a PDF or a scanned image filed in the
    archive for this dossier, found through the register by its SHA-256."""
    dossier_or_404(request, numero)
    box = parse_box(request.GET.get("boite", ""))
    doc = next(
        (
            d
            for d in state.store().view().documents()
            if d.get("dossier") == numero and d.get("sha256") == sha and d.get("classe_sous")
        ),
        None,
    )
    if box is None or doc is None:
        raise Http404("Aperçu introuvable")
    config = state.config()
    path = (config.base / doc["classe_sous"]).resolve()
    if (
        not path.is_relative_to(config.archive.resolve())
        or not path.is_file()
        or path.suffix.lower() not in DRAWN
    ):
        raise Http404("Aperçu introuvable")
    try:
        png = crop_png(path, page, box)
    except Exception:  # a damaged file: the page shows the value without its image
        png = None
    if png is None:
        raise Http404("Aperçu introuvable")
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def not_found(request, exception=None):
    return page(request, "introuvable.html", {}, status=404)


_FAR = date.min


# ---------------------------------------------------------------- Rédiger
KINDS = {
    "ESU": (("esu", "Rapport ESU / DSF"),),
    "ASLL": (("convention", "Convention"), ("bilan", "Bilan")),
}


def kinds_for(d: Dossier) -> tuple:
    return KINDS.get(d.nature, ())


@login_required
@require_POST
def rediger(request, numero: str):
    """A draft (as `asll rediger`), or with `final` its final version under --final's rules:
    refused while a point is still « à compléter », the points listed."""
    d = dossier_or_404(request, numero)
    kind = request.POST.get("type", "")
    if kind not in dict(kinds_for(d)):
        raise Http404("Type de document inconnu")
    final = request.POST.get("final") == "1"
    config, store = state.config(), state.store()
    try:
        path = (final_document if final else draft_document)(kind, d, config)
    except IncompleteDocument as exc:
        return dossier(request, numero, manquants=exc, status=400)
    except TemplateError as exc:
        return dossier(request, numero, manquants=f"Modèle invalide : {exc}", status=400)
    store.record(drafts_entry(numero, [path.name]))
    if final:
        # what the final document states goes back into the register, as `asll rediger`
        values = suivi_final(kind, path.read_bytes(), date.today())
        if values:
            store.record(final_report_entry(numero, values))
    store.flush()
    return HttpResponseRedirect(
        reverse("dossier", args=[numero]) + f"?redige={path.name}#brouillons"
    )
