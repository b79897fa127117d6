"""The monthly Groupe Technique Social (GTS) pack: one line per household to decide on.

Order of the meeting: new requests without financial aid, then bilans due (renewal or
stop), then diagnostics returned. Households appear by dossier number only.

- New requests: ASLL dossiers still « Nouveau », opened on or before the month's last day,
  not a diagnostic, no measure started, no FSL financial aid asked (`aide_fsl` « Oui ») and
  not ordered by an FSL commission (with financial aid, the commission decides).
- Bilans due: measures started and not ended (no end date, dossier not « Clos »), not
  diagnostics, whose six-month period (renewals included) ends in or before the month.
- Diagnostics returned: diagnostics whose report was sent in the month, or earlier and
  still awaiting a decision (statut « Rapport envoyé »); those ordered by an FSL commission
  go back to that commission, not to the GTS.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from asll.config import Config
from asll.domain import labels
from asll.domain.dates import add_months
from asll.domain.deadlines import measure_end
from asll.domain.dossiers import is_closed
from asll.domain.model import Dossier
from asll.storage.naming import free_stem
from generators.formatting import MOIS
from reports import rendu

ENTETES = [
    "N°",
    "N° dossier",
    "Commune",
    "Nature",
    "Référent",
    "Prescripteur",
    "Repère",
    "Décision du GTS",
]
LARGEURS = [0.9, 3.1, 3.0, 2.5, 2.8, 4.0, 3.9, 5.5]


def _mois(month: str) -> tuple[date, date]:
    try:
        annee, mois = (int(x) for x in month.split("-"))
        debut = date(annee, mois, 1)
    except ValueError as exc:
        raise ValueError(f"Mois attendu au format AAAA-MM : {month!r}") from exc
    return debut, add_months(debut, 1) - timedelta(days=1)


def _commission_fsl(d: Dossier) -> bool:
    return (d.origine_demande or "").startswith("Commission FSL")


def selection_gts(dossiers: list[Dossier], month: str) -> dict[str, list[tuple[Dossier, str]]]:
    """The three lists of the meeting, each as (dossier, landmark text), in meeting order."""
    debut, fin = _mois(month)
    nouvelles, bilans, diagnostics = [], [], []
    for d in dossiers:
        if (d.nature or "").upper() != "ASLL":
            continue
        if d.type_mesure == "diagnostic":
            envoi = d.date_envoi_rapport
            if (
                envoi
                and not _commission_fsl(d)
                and envoi <= fin
                and (envoi >= debut or d.statut == "Rapport envoyé")
            ):
                diagnostics.append((envoi, d, f"rendu le {envoi:%d/%m/%Y}"))
            continue
        ouvert = d.date_ouverture or d.date_document
        if (
            d.statut == "Nouveau"
            and not d.date_debut_mesure
            and ouvert
            and ouvert <= fin
            and d.aide_fsl != "Oui"
            and not _commission_fsl(d)
        ):
            nouvelles.append((ouvert, d, f"reçue le {ouvert:%d/%m/%Y}"))
            continue
        echeance = measure_end(d)
        if echeance and not d.date_fin_mesure and not is_closed(d) and echeance <= fin:
            renouv = d.renouvellements or 0
            texte = f"échéance {echeance:%d/%m/%Y}" + (f" ({renouv} renouv.)" if renouv else "")
            bilans.append((echeance, d, texte))
    cle = lambda x: (x[0], x[1].numero)  # noqa: E731
    return {
        "Nouvelles demandes (sans aide financière)": [
            (d, t) for _, d, t in sorted(nouvelles, key=cle)
        ],
        "Bilans : renouvellement ou arrêt": [(d, t) for _, d, t in sorted(bilans, key=cle)],
        "Retours de diagnostics": [(d, t) for _, d, t in sorted(diagnostics, key=cle)],
    }


def gts_pack(dossiers: list[Dossier], month: str, config: Config, outdir: Path) -> Path:
    """Write `GTS-<AAAA-MM>.docx` into `outdir` and return its path."""
    debut, _ = _mois(month)
    sections = selection_gts(dossiers, month)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    service = config.service
    libelle_mois = f"{MOIS[debut.month - 1]} {debut.year}"
    doc = rendu.nouveau_document(
        service, f"GTS – {libelle_mois} – Document confidentiel", paysage=True
    )
    doc.core_properties.title = f"Groupe Technique Social – {libelle_mois}"
    doc.add_paragraph(f"Groupe Technique Social – {libelle_mois}", style="Title")
    total = sum(len(v) for v in sections.values())
    resume = " ; ".join(
        f"{titre.split(' (')[0].split(' :')[0].lower()} : {len(v)}" for titre, v in sections.items()
    )
    doc.add_paragraph(
        f"Ordre du jour – {total} situation{'s' if total > 1 else ''} ({resume})", style="Subtitle"
    )
    rang = 0
    for numero, (titre, lignes) in enumerate(sections.items(), start=1):
        doc.add_heading(f"{numero}. {titre}", level=1)
        if not lignes:
            rendu.paragraphe(doc, "Aucune situation ce mois-ci.", italique=True, couleur=rendu.GRIS)
            continue
        rows = []
        for d, repere in lignes:
            rang += 1
            rows.append(
                [
                    str(rang),
                    d.numero,
                    d.commune or "",
                    labels.TYPES_MESURE.get(d.type_mesure or "", d.type_mesure or ""),
                    getattr(d, "referent", None) or "",
                    d.organisme_prescripteur or d.origine_demande or "",
                    repere,
                    "",
                ]
            )
        rendu.tableau_xml(
            doc, LARGEURS, ENTETES, rows, insecable=False, aligner_gauche=8, hauteur_cm=1.1
        )
    rendu.paragraphe(doc, "", apres=6)
    rendu.paragraphe(
        doc,
        "Décisions : accord, refus (motif), renouvellement (durée), arrêt, "
        "diagnostic, complément d'information.",
        italique=True,
        taille=8.5,
        couleur=rendu.GRIS,
    )
    base = free_stem(outdir, f"GTS-{month}", (".docx",))
    chemin = outdir / f"{base}.docx"
    doc.save(chemin)
    return chemin
