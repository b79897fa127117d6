"""The monthly Groupe Technique Social (GTS) pack: one line per household to decide on.

Order of the meeting (2024 seed, part IV): new requests without financial aid, renewal
requests, then bilans due (renewal or stop), then diagnostics returned. Households appear
by dossier number only; each line gives what members decide on: the household's make-up,
the objectives, the debt and the worker's proposal.

- New requests: ASLL dossiers still « Nouveau », opened on or before the month's last day,
  not a diagnostic, no measure started, no FSL financial aid asked (`aide_fsl` « Oui ») and
  not ordered by an FSL commission (with financial aid, the commission decides). A request
  whose type is « renouvellement » goes with the renewals.
- Bilans due: measures started, not diagnostics, whose last day (asll/domain/deadlines.py:
  the end entered, else six months per period) falls in the month, or earlier when no end
  was entered and the dossier is still open. A bilan whose proposal is « Renouvellement »
  goes with the renewals; the others (stop, or nothing proposed yet) stay with the bilans.
- Diagnostics returned: diagnostics whose report was sent in the month, or earlier and
  still awaiting a decision (statut « Rapport envoyé »); those ordered by an FSL commission
  go back to that commission, not to the GTS.
- Nothing already decided: a line whose GTS decision (« Date du GTS ») is dated before the
  month, and after the request, the report or a month before the measure's end, is left out.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from asll.config import Config
from asll.domain import labels
from asll.domain.dates import add_months
from asll.domain.deadlines import DEADLINE_FIELDS, measure_end
from asll.domain.dossiers import is_closed
from asll.domain.model import Dossier
from asll.storage.naming import free_stem
from generators.formatting import MOIS, date_fr
from reports import rendu
from reports.stats import euros_fr, nombre_de

ENTETES = [
    "N°",
    "Dossier",
    "Référent et prescripteur",
    "Ménage",
    "Objectifs",
    "Dette",
    "Proposition",
    "Décision du GTS",
]
LARGEURS = [0.8, 3.3, 3.5, 3.7, 3.6, 3.4, 3.4, 4.0]
NOUVELLES = "Nouvelles demandes (sans aide financière)"
RENOUVELLEMENTS = "Demandes de renouvellement"
BILANS = "Bilans : arrêt ou renouvellement"
DIAGNOSTICS = "Retours de diagnostics"
LIGNES_PRESENCE = 6  # blank lines for the partners who attend


# The fields `selection_gts` reads (with `numero`), the measure's end included: the
# month's lines are chosen on these alone, then read whole. tests/test_reports.py checks it.
CHAMPS_GTS = DEADLINE_FIELDS + (
    "origine_demande",
    "aide_fsl",
    "decision_gts",
    "date_gts",
    "proposition",
)


def dossiers_du_gts(store, month: str) -> list[Dossier]:
    """The dossiers `month`'s GTS decides on, read whole from the register
    (`RegisterStore`); the others only on the fields that decide it."""
    chosen = selection_gts(store.select(CHAMPS_GTS), month)
    numeros = {d.numero for lignes in chosen.values() for d, _ in lignes}
    return store.select(numeros=numeros) if numeros else []


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
    """The four lists of the meeting, each as (dossier, landmark text), in meeting order."""
    debut, fin = _mois(month)
    sections: dict[str, list] = {NOUVELLES: [], RENOUVELLEMENTS: [], BILANS: [], DIAGNOSTICS: []}
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
                and not _deja_decide(d, envoi, debut)
            ):
                sections[DIAGNOSTICS].append((envoi, d, f"rendu le {envoi:%d/%m/%Y}"))
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
            if _deja_decide(d, ouvert, debut):
                continue
            cible = RENOUVELLEMENTS if d.type_mesure == "renouvellement" else NOUVELLES
            sections[cible].append((ouvert, d, f"reçue le {ouvert:%d/%m/%Y}"))
            continue
        echeance = measure_end(d)
        if (
            echeance
            and _bilan_du(d, echeance, debut, fin)
            and not _deja_decide(d, add_months(echeance, -1), debut)
        ):
            renouv = d.renouvellements or 0
            mot = "fin" if d.date_fin_mesure else "échéance"
            texte = f"{mot} {echeance:%d/%m/%Y}" + (f" ({renouv} renouv.)" if renouv else "")
            cible = RENOUVELLEMENTS if d.proposition == "Renouvellement" else BILANS
            sections[cible].append((echeance, d, texte))
    cle = lambda x: (x[0], x[1].numero)  # noqa: E731
    return {titre: [(d, t) for _, d, t in sorted(v, key=cle)] for titre, v in sections.items()}


def _deja_decide(d: Dossier, depuis: date, debut: date) -> bool:
    """Whether a GTS before this month already decided on what arose on `depuis`."""
    return bool(d.decision_gts and d.date_gts and depuis <= d.date_gts < debut)


def _bilan_du(d: Dossier, echeance: date, debut: date, fin: date) -> bool:
    """A measure reaches the GTS of the month it ends in, its end entered or not; one
    overdue reaches the next GTS as long as no end is entered and the dossier is open."""
    if echeance > fin:
        return False
    if echeance >= debut:
        return True
    return not d.date_fin_mesure and not is_closed(d)


def composition_fr(d: Dossier) -> str:
    """« Couple, 2 enfants », « Femme seule, sans enfant »; empty when not known."""
    compo = labels.COMPOSITIONS.get(d.composition or "", "")
    n = d.nb_enfants if d.nb_enfants is not None else (len(d.enfants) or None)
    if n is None:
        return compo
    enfants = "sans enfant" if n == 0 else f"{n} enfant{'s' if n > 1 else ''}"
    return f"{compo}, {enfants}" if compo else enfants.capitalize()


def _dette(d: Dossier) -> str:
    if d.type_mesure == "acces" and not (d.montant_dette or d.dette_debut_mesure):
        return "Accès (sans dette)"
    lignes = []
    for libelle, montant in (
        ("demande", d.montant_dette),
        ("début", d.dette_debut_mesure),
        ("fin", d.dette_fin_mesure),
    ):
        if montant is not None:
            lignes.append(f"{libelle} : {euros_fr(montant)}")
    if len(lignes) == 1:
        return lignes[0].split(" : ", 1)[1]
    return "\n".join(lignes) or "–"


def _proposition(d: Dossier, repere: str, titre: str) -> str:
    lignes = [repere]
    if titre in (BILANS, RENOUVELLEMENTS) and d.date_debut_mesure:
        if d.proposition:
            lignes.insert(0, d.proposition)
        if d.motif_fin:
            lignes.append(d.motif_fin)
    return "\n".join(lignes)


def _ligne(rang: int, d: Dossier, repere: str, titre: str) -> list[str]:
    nature = labels.TYPES_MESURE.get(d.type_mesure or "", d.type_mesure or "")
    dossier = "\n".join(x for x in (d.numero, d.commune, nature) if x)
    qui = "\n".join(
        x
        for x in (
            f"Réf. : {d.referent}" if d.referent else "",
            d.organisme_prescripteur or d.origine_demande or "",
        )
        if x
    )
    menage = "\n".join(
        x
        for x in (
            composition_fr(d),
            labels.STATUTS_OCCUPATION.get(d.statut_occupation or "", ""),
        )
        if x
    )
    objectifs = "\n".join(labels.OBJECTIFS.get(o, o) for o in d.objectifs)
    return [
        str(rang),
        dossier,
        qui,
        menage or "–",
        objectifs or "–",
        _dette(d),
        _proposition(d, repere, titre),
        "",
    ]


def _presences(doc, config: Config) -> None:
    """Attendance: the service's workers named, blank lines for the partners."""
    doc.add_heading("Présences", level=1)
    noms = sorted({s.referent for s in config.secteurs if s.referent})
    lignes = [[n, config.service.nom, "", ""] for n in noms]
    lignes += [["", "", "", ""] for _ in range(LIGNES_PRESENCE)]
    rendu.tableau_xml(
        doc,
        [7.0, 9.7, 4.5, 4.5],
        ["Nom", "Institution, fonction", "Présent(e)", "Excusé(e)"],
        lignes,
        aligner_gauche=2,
        hauteur_cm=0.8,
        insecable=False,
    )


def gts_pack(
    dossiers: list[Dossier],
    month: str,
    config: Config,
    outdir: Path,
    date_seance: date | None = None,
) -> Path:
    """Write `GTS-<AAAA-MM>.docx` into `outdir` and return its path. `date_seance`: the
    meeting's day, printed under the title (left to complete when not given)."""
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
    if date_seance:
        rendu.paragraphe(doc, f"Séance du {date_fr(date_seance)}", gras=True, apres=2)
    else:
        p = rendu.paragraphe(doc, "Séance du ", gras=True, apres=2)
        rendu.surligner(p, "[à compléter]")
    total = sum(len(v) for v in sections.values())
    resume = " ; ".join(
        f"{titre.split(' (')[0].lower()} : {len(v)}" for titre, v in sections.items()
    )
    doc.add_paragraph(
        f"Ordre du jour – {nombre_de(total, 'situation')} ({resume})", style="Subtitle"
    )
    _presences(doc, config)
    rang = 0
    for numero, (titre, lignes) in enumerate(sections.items(), start=1):
        doc.add_heading(f"{numero}. {titre}", level=1)
        if not lignes:
            rendu.paragraphe(doc, "Aucune situation ce mois-ci.", italique=True, couleur=rendu.GRIS)
            continue
        rows = []
        for d, repere in lignes:
            rang += 1
            rows.append(_ligne(rang, d, repere, titre))
        rendu.tableau_xml(
            doc,
            LARGEURS,
            ENTETES,
            rows,
            insecable=False,
            aligner_gauche=len(ENTETES),
            taille=8.5,
            hauteur_cm=1.2,
        )
    rendu.paragraphe(doc, "", apres=6)
    rendu.paragraphe(
        doc,
        "Décisions : accord, refus (motif), renouvellement (durée), arrêt, "
        "diagnostic, complément d'information. Elles sont ensuite portées au registre "
        "(colonnes « Date du GTS », « Décision du GTS », « Motif du refus »).",
        italique=True,
        taille=8.5,
        couleur=rendu.GRIS,
    )
    base = free_stem(outdir, f"GTS-{month}", (".docx",))
    chemin = outdir / f"{base}.docx"
    doc.save(chemin)
    return chemin
