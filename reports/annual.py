"""The annual activity report: Word document, its PDF, and the same tables in a workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx.shared import Pt

from asll.config import Config
from asll.domain.model import Dossier
from asll.storage.naming import free_stem
from generators.formatting import date_fr
from reports import rendu
from reports.stats import (
    CHAMPS_DE_L_ANNEE,
    Statistiques,
    compte_dans_le_rapport,
    statistiques,
)

METHODE = [
    "Sources : le registre des dossiers du service, tel que les travailleurs sociaux l'ont "
    "renseigné ; les ménages n'y sont désignés que par leur numéro de dossier.",
    "Enquêtes sociales (ESU / DSF) : enquêtes ouvertes dans l'année (date d'ouverture du "
    "dossier, à défaut date du courrier de la préfecture). Répartition par bailleur : toutes "
    "les enquêtes ; commune, composition familiale, revenus, motifs des impayés et mesures "
    "mises en place : ménages rencontrés.",
    "Mesures ASLL : mesures en cours pendant l'année — commencées au plus tard le 31 décembre "
    "et terminées au plus tôt le 1er janvier (fin de mesure, à défaut début + 6 mois par "
    "période, renouvellements compris) ; une mesure qui n'a pu commencer (ménage non "
    "rencontré, déménagé, assigné avant la mesure) compte l'année d'ouverture de son dossier. "
    "Le tableau des situations porte sur toutes ces mesures ; les autres tableaux portent sur "
    "les mesures réalisées (situation « Suivie » ou « Renouvelée », ou mesure commencée quand "
    "la situation n'est pas renseignée). Durées, motifs de fin et résultats : mesures "
    "terminées dans l'année.",
    "Bailleurs : les bailleurs sociaux sont nommés, les bailleurs privés regroupés sous "
    "« Parc privé ». Revenus : catégorie saisie au registre, à défaut déduite des ressources "
    "(salaires, pension). Tranches de dette : dette au début de la mesure, à défaut à la "
    "demande.",
    "Diagnostics : comptés à part des mesures, l'année de la demande. Une demande que le "
    "GTS a refusée, ou pour laquelle il a demandé un diagnostic ou un complément, n'est pas "
    "une mesure. Décisions du GTS : l'année de la séance (colonne « Date du GTS »).",
    "Respect des délais (enquêtes dont les deux dates sont au registre) : rapport envoyé "
    "avant l'audience, et au moins 5 jours ouvrés avant (jours fériés exclus) ; entretien "
    "proposé (date d'entretien) dans les 15 jours ouvrés de la saisine ; saisine du préfet "
    "au moins 42 jours avant l'audience.",
    "Les pourcentages sont arrondis au dixième ; l'année précédente figure à côté quand le "
    "registre en contient les dossiers.",
]


@dataclass
class ReportFiles:
    docx: Path
    xlsx: Path
    pdf: Path | None
    statistiques: Statistiques


def dossiers_du_rapport(store, annee: int) -> list[Dossier]:
    """The dossiers `annee`'s report counts (that year and the one before), read whole
    from the register (`RegisterStore`); the others only on the few dates that decide it:
    twenty years of register cost little more than the two years counted."""
    dates = store.select(CHAMPS_DE_L_ANNEE)
    return store.select(numeros={d.numero for d in dates if compte_dans_le_rapport(d, annee)})


def annual_report(
    dossiers: list[Dossier],
    year: int,
    config: Config,
    outdir: Path,
    epci_by_commune: dict[str, str] | None = None,
    *,
    quartiers: dict[str, list[str]] | None = None,
    pdf: bool = True,
    aujourd_hui: date | None = None,
) -> ReportFiles:
    """Write `rapport-activite-<year>.docx`, its PDF and `…-tableaux.xlsx` into `outdir`.

    `quartiers` splits a commune by neighbourhood, matched in the address:
    {"Saint-Dizier": ["Vert-Bois"]} gives « Saint-Dizier – Vert-Bois » and « Saint-Dizier –
    hors Vert-Bois », as the 2004 seed's tables. Existing files are never overwritten
    (« -v2 », « -v3 »… are added).
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    stats = statistiques(dossiers, year, epci_by_commune, quartiers)
    base = free_stem(outdir, f"rapport-activite-{year}", (".docx", "-tableaux.xlsx", ".pdf"))
    chemin_docx = outdir / f"{base}.docx"
    chemin_xlsx = outdir / f"{base}-tableaux.xlsx"

    doc = _document(stats, config, aujourd_hui or date.today())
    doc.save(chemin_docx)
    rendu.classeur(stats.tous(), f"Rapport d'activité {year} — méthode", METHODE, chemin_xlsx)
    chemin_pdf = _pdf(chemin_docx, outdir) if pdf else None
    return ReportFiles(chemin_docx, chemin_xlsx, chemin_pdf, stats)


def _pdf(chemin: Path, outdir: Path) -> Path | None:
    try:
        from generators.pdf import convert_to_pdf
    except ImportError:
        return None
    try:
        resultat = convert_to_pdf([chemin], outdir)
    except Exception:  # noqa: BLE001 - the report stands without its PDF
        return None
    attendu = outdir / (chemin.stem + ".pdf")
    if attendu.exists():
        return attendu
    if isinstance(resultat, (list, tuple)) and resultat:
        premier = resultat[0]
        return Path(premier) if premier else None
    if isinstance(resultat, dict):
        valeur = resultat.get(chemin) or resultat.get(str(chemin))
        return Path(valeur) if valeur else None
    return None


def _document(stats: Statistiques, config: Config, aujourd_hui: date):
    service = config.service
    annee = stats.annee
    doc = rendu.nouveau_document(service, f"Rapport d'activité {annee} – {service.nom}")
    doc.core_properties.title = f"Rapport d'activité {annee}"
    doc.add_paragraph(f"Rapport d'activité {annee}", style="Title")
    sous_titre = "Accompagnement social lié au logement (ASLL) et enquêtes sociales (ESU / DSF)"
    if service.departement:
        sous_titre += f" – {service.departement}"
    doc.add_paragraph(sous_titre, style="Subtitle")
    rendu.paragraphe(
        doc,
        f"Chiffres établis le {date_fr(aujourd_hui)} à partir du registre du "
        "service (définitions en fin de document).",
        italique=True,
        taille=9,
        couleur=rendu.GRIS,
        apres=10,
    )

    _a_rediger(
        doc,
        "Missions du service",
        "cadre de l'intervention (FSL, cahier des charges), publics, territoire couvert.",
    )
    _a_rediger(
        doc,
        "Moyens et personnel",
        "équivalents temps plein, répartition des travailleurs sociaux par secteur, "
        "mutualisations, partenariats.",
    )

    doc.add_heading("Chiffres clés", level=1)
    precedents = stats.chiffres_precedents
    entetes = ["Indicateur", str(annee)] + ([str(annee - 1)] if precedents else [])
    lignes = [
        [k, v] + ([precedents.get(k, "–")] if precedents else []) for k, v in stats.chiffres.items()
    ]
    rendu.tableau_xml(doc, [10.5, 3.0, 3.0][: len(entetes)], entetes, lignes)

    sections = (
        (
            "1. L'accompagnement social lié au logement (ASLL)",
            stats.asll,
            f"Aucune mesure ASLL au registre pour {annee}.",
        ),
        (
            "2. Les diagnostics",
            stats.diagnostics,
            f"Aucun diagnostic au registre pour {annee}.",
        ),
        (
            "3. Le Groupe Technique Social (GTS)",
            stats.gts,
            f"Aucune décision du GTS portée au registre pour {annee}.",
        ),
        (
            "4. Les enquêtes sociales (ESU / DSF)",
            stats.esu,
            f"Aucune enquête au registre pour {annee}.",
        ),
    )
    for titre, tableaux, si_vide in sections:
        doc.add_heading(titre, level=1)
        for t in tableaux:
            rendu.ecrire_tableau(doc, t)
        if not tableaux:
            rendu.paragraphe(doc, si_vide, italique=True)

    _a_rediger(
        doc,
        "Observations",
        "ce que les chiffres de l'année montrent, situations marquantes, difficultés rencontrées.",
    )
    _a_rediger(doc, f"Perspectives {annee + 1}", "évolutions prévues du dispositif et du service.")

    doc.add_heading("Note méthodologique", level=1)
    for texte in METHODE:
        p = rendu.paragraphe(doc, texte, taille=8.5, couleur=rendu.GRIS, apres=3)
        p.paragraph_format.space_after = Pt(3)
    return doc


def _a_rediger(doc, titre: str, consigne: str) -> None:
    """A heading and a highlighted place for the director's own text."""
    doc.add_heading(titre, level=1)
    rendu.a_completer(doc, f"[à compléter : {consigne}]")
