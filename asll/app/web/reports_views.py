"""The Rapports page, for a responsable: the annual report and the GTS pack made from the
whole register, and the files of the reports folder to download (nothing outside it)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from asll.app.web import state
from asll.app.web.accounts import role_of
from asll.app.web.views import page

REPORT_SUFFIXES = (".docx", ".pdf", ".xlsx")


def _reports_folder() -> Path:
    return state.config().outbox / "rapports"


def _responsable_only(request) -> None:
    """The reports count every sector: a responsable's page only (404 for others)."""
    if role_of(request.user) != "responsable":
        raise Http404("Page réservée aux responsables")


@login_required
def rapports(request):
    # matplotlib (the report's charts) is loaded only when a report is asked for
    from reports import annual_report, gts_pack

    _responsable_only(request)
    config, today = state.config(), date.today()
    message, erreur, status = "", "", 200
    if request.method == "POST":
        dossiers = state.store().view().dossiers()
        folder = _reports_folder()
        if request.POST.get("rapport") == "annuel":
            year = request.POST.get("annee", "")
            if not re.fullmatch(r"\d{4}", year):
                erreur, status = f"Année invalide : « {year} » (attendu : AAAA).", 400
            else:
                epci = {c: e for e, communes in config.epci.items() for c in communes}
                files = annual_report(
                    dossiers, int(year), config, folder, epci_by_commune=epci or None
                )
                message = f"Rapport d'activité {year} produit : {files.docx.name}"
        elif request.POST.get("rapport") == "gts":
            month = request.POST.get("mois", "")
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
                erreur, status = f"Mois invalide : « {month} » (attendu : AAAA-MM).", 400
            else:
                path = gts_pack(dossiers, month, config, folder)
                message = f"Document de séance du GTS produit : {path.name}"
    folder = _reports_folder()
    files = (
        sorted(
            (p for p in folder.iterdir() if p.is_file() and p.suffix in REPORT_SUFFIXES),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        if folder.is_dir()
        else []
    )
    return page(
        request,
        "rapports.html",
        {
            "annees": [today.year - 1, today.year],
            "mois": today.strftime("%Y-%m"),
            "fichiers": [p.name for p in files],
            "message": message,
            "erreur": erreur,
        },
        status=status,
    )


@login_required
def rapport(request, nom: str):
    _responsable_only(request)
    folder = _reports_folder().resolve()
    path = (folder / nom).resolve()
    if Path(nom).name != nom or path.parent != folder or not path.is_file():
        raise Http404("Rapport introuvable")
    if path.suffix not in REPORT_SUFFIXES:
        raise Http404("Rapport introuvable")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
