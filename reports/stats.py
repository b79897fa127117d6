"""The yearly figures, counted from the register's dossiers in one pass.

Which dossiers count for a year (also printed in the report's methodological note):

- ESU / DSF: the enquiries **opened in the year** (`date_ouverture`, else the date of the
  préfecture's letter). Landlord and met / not met over all of them; town, composition,
  income, reasons for the arrears and measures set up over the households **met** — the
  2004 seed's town table (41 lines for 41 households met out of 75) is counted that way.
- ASLL / ASSLL: the measures **active during the year** — started on or before 31
  December and ended on or after 1 January (end = `date_fin_mesure`, else the start plus
  six months per period, renewals included); a measure that never started (household not
  met, moved out…) counts in the year its dossier was opened. The situation table covers
  all of them; the other tables cover the measures **carried out** (situation « Suivie »
  or « Renouvelée », or a start date when the situation is not filled in). Lengths,
  reasons for stopping and objectives reached cover the measures that **ended in the
  year**.

Households appear only by their dossier number, never by name or address.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from asll.domain import labels
from asll.domain.deadlines import (
    interview_in_time,
    measure_end,
    notification_in_time,
    report_before_hearing,
    report_in_time,
)
from asll.domain.landlords import is_social
from asll.domain.model import (
    CATEGORIES_REVENUS,
    DECISIONS_GTS,
    MOTIFS_FIN,
    MOTIFS_IMPAYE,
    OBJECTIFS,
    ORIGINES_DEMANDE,
    PROPOSITIONS,
    RELOGEMENTS,
    RESULTATS_OBJECTIF,
    SITUATIONS_MESURE,
    Dossier,
)
from asll.domain.text import fold
from generators.formatting import ESPACE_INSECABLE, montant_fr

NON_RENSEIGNE = "Non renseigné"
PARC_PRIVE = "Parc privé"
MESURES_REALISEES = ("Suivie", "Renouvelée")
TRANCHES_DETTE = (
    (1000, "0 € à 1 000 €"),
    (3000, "1 000 € à 3 000 €"),
    (5000, "3 000 € à 5 000 €"),
    (None, "Plus de 5 000 €"),
)
LIGNES_ENFANTS = ("Sans enfant", "1 enfant", "2 enfants", "3 enfants", "4 enfants et +")
# Resources of the households without a salary (the seeds' « ressources des familles non
# salariées »); APL and family benefits are left out, as in the seeds.
RESSOURCES_SANS_SALAIRE = ("chomage", "rsa", "aah", "ij", "pension", "autre")
SANS_RESSOURCES = "Sans ressources"
SURENDETTEMENT_OUI = ("Dossier déposé", "Plan en cours")
PLANS_MIS_EN_PLACE = ("Mis en place", "Respecté", "Non respecté")
TRANCHES_DUREE = ((6, "Moins de 6 mois"), (12, "De 6 à 12 mois"), (None, "Plus de 12 mois"))
# Timeliness indicators of the ESU / DSF (rules in asll/domain/deadlines.py).
DELAIS = (
    ("avant_audience", "Rapport envoyé avant l'audience", report_before_hearing),
    ("cinq_jours", "Rapport envoyé au moins 5 jours ouvrés avant l'audience", report_in_time),
    ("entretien", "Entretien proposé dans les 15 jours ouvrés de la saisine", interview_in_time),
    ("notification", "Préfet saisi au moins 42 jours avant l'audience", notification_in_time),
)
RESULTAT_GLOBAL = ("Atteints", "Partiellement atteints", "Non atteints", NON_RENSEIGNE)


# ---------------------------------------------------------------- French formatting
def pourcentage_fr(part: float, total: float, decimales: int = 1) -> str:
    """`pourcentage_fr(19, 40)` → « 47,5 % », `(16, 40)` → « 40 % » (as the seeds write them)."""
    if not total:
        return "–"
    valeur = (Decimal(part) * 100 / Decimal(total)).quantize(
        Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP
    )
    texte = f"{valeur:f}"
    if "." in texte:
        texte = texte.rstrip("0").rstrip(".")
    return texte.replace(".", ",") + ESPACE_INSECABLE + "%"


def nombre_fr(valeur: float, decimales: int = 1) -> str:
    """`6.9` → « 6,9 » ; `7.0` → « 7 »."""
    valeur = Decimal(str(valeur)).quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP)
    texte = f"{valeur:f}"
    if "." in texte:
        texte = texte.rstrip("0").rstrip(".")
    return texte.replace(".", ",")


def nombre_de(n: int, singulier: str, pluriel: str | None = None) -> str:
    """« 1 ménage », « 2 ménages », « 0 ménage » (French: 0 and 1 take the singular)."""
    return f"{n} {singulier if abs(n) < 2 else (pluriel or singulier + 's')}"


def accord(n: int, singulier: str, pluriel: str) -> str:
    """The verb or adjective agreeing with `n`: accord(1, "a", "ont") → « a »."""
    return singulier if abs(n) < 2 else pluriel


def euros_fr(valeur: float) -> str:
    """Whole euros, as the seed's debt table: « 6 586 € »."""
    return montant_fr(round(valeur)).replace(",00" + ESPACE_INSECABLE, ESPACE_INSECABLE)


# ---------------------------------------------------------------- dates and periods
def periode_mesure(d: Dossier) -> tuple[date, date] | None:
    """First and last day of the measure (asll/domain/deadlines.py decides the end)."""
    if not d.date_debut_mesure:
        return None
    return d.date_debut_mesure, measure_end(d)


def date_reference(d: Dossier) -> date | None:
    return d.date_ouverture or d.date_document or d.date_debut_mesure


def compte_pour(d: Dossier, annee: int) -> bool:
    """Whether the dossier counts in `annee`'s figures (rules in the module docstring)."""
    if d.nature == "ASLL" and d.type_mesure != "diagnostic":
        periode = periode_mesure(d)
        if periode:
            return periode[0] <= date(annee, 12, 31) and periode[1] >= date(annee, 1, 1)
    ref = date_reference(d)
    return ref is not None and ref.year == annee


# What `compte_pour` and `compte_decision_gts` read (with `numero`): the register is read
# on these alone first, then whole only for the dossiers a report counts
# (reports/annual.py, `dossiers_du_rapport`). tests/test_reports_2024.py checks it.
CHAMPS_DE_L_ANNEE = (
    "nature",
    "type_mesure",
    "date_ouverture",
    "date_document",
    "date_debut_mesure",
    "date_fin_mesure",
    "renouvellements",
    "decision_gts",
    "date_gts",
)


def compte_dans_le_rapport(d: Dossier, annee: int) -> bool:
    """Whether `annee`'s report counts the dossier: in its figures or in the previous
    year's printed beside them (`compter` reads no other)."""
    return any(compte_pour(d, an) or compte_decision_gts(d, an) for an in (annee, annee - 1))


def est_diagnostic(d: Dossier) -> bool:
    """A diagnostic is an ASLL-nature dossier but not a measure: counted apart."""
    return (d.nature or "").upper() == "ASLL" and d.type_mesure == "diagnostic"


# GTS decisions under which a request is not (or not yet) a measure.
PAS_DE_MESURE = ("Refus", "Diagnostic demandé", "Complément d'information")


def est_mesure(d: Dossier) -> bool:
    """An ASLL measure: not a diagnostic, and not a request the GTS refused or held back."""
    return (
        (d.nature or "").upper() == "ASLL"
        and d.type_mesure != "diagnostic"
        and d.decision_gts not in PAS_DE_MESURE
    )


def compte_decision_gts(d: Dossier, annee: int) -> bool:
    """A GTS decision counts in the year of its meeting, else the year the dossier counts."""
    if not d.decision_gts:
        return False
    if d.date_gts:
        return d.date_gts.year == annee
    return compte_pour(d, annee)


def tranche_duree(mois: float) -> str:
    for plafond, libelle in TRANCHES_DUREE:
        if plafond is None or mois < plafond:
            return libelle
    return TRANCHES_DUREE[-1][1]


def mesure_realisee(d: Dossier) -> bool:
    if d.situation_mesure:
        return d.situation_mesure in MESURES_REALISEES
    return d.date_debut_mesure is not None


# ---------------------------------------------------------------- categories
def normalise(texte: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(texte)).split())


def cle_tri(texte: str) -> str:
    return normalise(texte)


class _Noms:
    """Groups spellings of the same name (case, accents, hyphens); shows the first seen."""

    def __init__(self):
        self._vus: dict[str, str] = {}

    def __call__(self, nom: str) -> str:
        return self._vus.setdefault(normalise(nom), nom.strip())


def est_bailleur_social(d: Dossier) -> bool:
    if d.statut_occupation == "locataire_prive":
        return False
    if d.statut_occupation == "locataire_public":
        return True
    return is_social(d.bailleur)


def categorie_revenus(d: Dossier) -> str:
    """`categorie_revenus` when filled in, else derived from the resources."""
    if d.categorie_revenus:
        return d.categorie_revenus
    types = [r.type for r in d.ressources]
    if not types:
        return NON_RENSEIGNE
    salaires = types.count("salaire")
    if salaires >= 2:
        return "2 salaires"
    if salaires == 1:
        return "1 salaire"
    if "pension" in types and not set(types) & {"chomage", "rsa", "aah", "ij"}:
        return "Retraité"
    return "Sans salaire"


def ligne_enfants(d: Dossier) -> str:
    n = d.nb_enfants if d.nb_enfants is not None else len(d.enfants)
    return LIGNES_ENFANTS[min(max(n, 0), 4)]


def tranche_dette(montant: float | None) -> str:
    if montant is None:
        return NON_RENSEIGNE
    for plafond, libelle in TRANCHES_DETTE:
        if plafond is None or montant < plafond:
            return libelle
    return TRANCHES_DETTE[-1][1]


def dette_de_reference(d: Dossier) -> float | None:
    """Debt of the debt bands: at the start of the measure, else at the request; none for accès."""
    if d.dette_debut_mesure is not None:
        return d.dette_debut_mesure
    if d.montant_dette is not None:
        return d.montant_dette
    return 0.0 if d.type_mesure == "acces" else None


def resultat_global(d: Dossier) -> str:
    resultats = [r for r in d.resultats_objectifs.values() if r != "Sans objet"]
    if not resultats:
        return NON_RENSEIGNE
    if all(r == "Atteint" for r in resultats):
        return "Atteints"
    if any(r in ("Atteint", "Partiellement atteint") for r in resultats):
        return "Partiellement atteints"
    return "Non atteints"


# ---------------------------------------------------------------- tables
@dataclass
class Tableau:
    """One table of the report; the docx, the workbook and the tests all read it."""

    cle: str  # sheet name in the workbook (≤ 31 characters)
    titre: str
    entetes: list[str]  # first column's header, then one per value column
    lignes: list[list]  # [label, value, value…]
    total: list | None = None  # [« TOTAL », value…], or None
    annee: int = 0
    # One-column tables: percentage column, and the previous year's values when held.
    pourcentages: bool = False
    precedent: list | None = None  # values of the previous year, row by row, or None
    total_precedent: int | None = None
    tiret_zero: bool = False  # zeros printed « - » (the seed's composition tables)
    commentaire: list[str] = field(default_factory=list)
    graphique: str | None = None  # "barres" | "secteurs" | "barres_groupees"
    note: str = ""
    grand: bool = False  # may break across pages
    brut: list | None = None  # raw rows for the workbook (numbers, not formatted text)
    duree_moyenne: float | None = None

    def valeur(self, libelle: str, colonne: int = 1):
        """Value of row `libelle` (column 1 by default); 0 when the row is absent."""
        for ligne in self.lignes:
            if ligne[0] == libelle:
                return ligne[colonne]
        return 0

    def as_dict(self, colonne: int = 1) -> dict:
        return {ligne[0]: ligne[colonne] for ligne in self.lignes}

    def grille(self) -> tuple[list[str], list[list], list | None]:
        """Headers, rows and total row as displayed: with % and previous-year columns."""
        entetes = list(self.entetes)
        lignes = [list(l) for l in self.lignes]
        total = list(self.total) if self.total else None
        if self.pourcentages:
            base = self.total[1] if self.total else sum(l[1] for l in self.lignes)
            entetes = [entetes[0], str(self.annee), "%"]
            lignes = [[l[0], l[1], pourcentage_fr(l[1], base)] for l in lignes]
            if total:
                total = [total[0], total[1], "100" + ESPACE_INSECABLE + "%" if base else "–"]
            if self.precedent is not None:
                base_p = self.total_precedent or sum(self.precedent)
                entetes += [str(self.annee - 1), "%" + ESPACE_INSECABLE]
                for ligne, p in zip(lignes, self.precedent):
                    ligne += [p, pourcentage_fr(p, base_p)]
                if total:
                    total += [base_p, "100" + ESPACE_INSECABLE + "%" if base_p else "–"]
        return entetes, lignes, total


def _compter(c: Counter, ordre: Iterable[str], table: str, garder_vides=True) -> list[list]:
    """Rows in the closed list's order, then any other value seen, then « Non renseigné »."""
    ordre = list(ordre)
    vus = [
        k[1]
        for k in c
        if len(k) == 2 and k[0] == table and k[1] not in ordre and k[1] != NON_RENSEIGNE
    ]
    lignes = [[k, c[(table, k)]] for k in ordre if garder_vides or c[(table, k)]]
    lignes += [[k, c[(table, k)]] for k in sorted(vus, key=cle_tri)]
    if c[(table, NON_RENSEIGNE)]:
        lignes.append([NON_RENSEIGNE, c[(table, NON_RENSEIGNE)]])
    return lignes


class _Annee:
    """Counters of one year."""

    def __init__(self):
        self.c: Counter = Counter()
        self.dettes: list[list] = []  # per household, current year only
        self.durees: list[float] = []

    def n(self, *cle) -> int:
        return self.c[cle]


@dataclass
class Contexte:
    epci_by_commune: dict[str, str] | None = None
    quartiers: dict[str, list[str]] | None = None

    def __post_init__(self):
        self._epci = {normalise(k): v for k, v in (self.epci_by_commune or {}).items()}
        self._quartiers = {normalise(k): v for k, v in (self.quartiers or {}).items()}
        self.nom_bailleur = _Noms()
        self.nom_commune = _Noms()
        self.nom_organisme = _Noms()
        self.nom_secteur = _Noms()
        self.nom_referent = _Noms()

    def commune(self, d: Dossier) -> str:
        if not d.commune or not d.commune.strip():
            return NON_RENSEIGNE
        nom = self.nom_commune(d.commune)
        quartiers = self._quartiers.get(normalise(nom))
        if not quartiers:
            return nom
        adresse = normalise(" ".join(filter(None, (d.adresse, d.complement_adresse))))
        for q in quartiers:
            if normalise(q) and normalise(q) in adresse:
                return f"{nom} – {q}"
        return (
            f"{nom} – hors {quartiers[0]}" if len(quartiers) == 1 else f"{nom} – autres quartiers"
        )

    def epci(self, d: Dossier) -> str:
        if not d.commune:
            return NON_RENSEIGNE
        if normalise(d.commune) in self._epci:
            return self._epci[normalise(d.commune)]
        # asll.toml names no EPCI for this commune: the official one, from its postcode.
        from asll.domain.epci import epci_for  # loads the communes table only when needed

        return (
            epci_for(d.commune, d.code_postal, self.epci_by_commune or {})
            or "Commune hors liste des EPCI"
        )

    def bailleur(self, d: Dossier) -> str:
        if not est_bailleur_social(d):
            return (
                PARC_PRIVE
                if (d.bailleur or d.statut_occupation == "locataire_prive")
                else NON_RENSEIGNE
            )
        return self.nom_bailleur(d.bailleur) if d.bailleur else "Parc social (bailleur non précisé)"

    def organisme(self, d: Dossier) -> str:
        if d.organisme_prescripteur and d.organisme_prescripteur.strip():
            return self.nom_organisme(d.organisme_prescripteur)
        return d.origine_demande or NON_RENSEIGNE


def _compter_menage(c: Counter, d: Dossier, prefixe: str, ctx: Contexte) -> None:
    """Composition, income and resources of one household (both natures)."""
    compo = labels.COMPOSITIONS.get(d.composition or "", NON_RENSEIGNE)
    c[(prefixe + "composition", compo, ligne_enfants(d) if d.composition else "")] += 1
    c[(prefixe + "composition_col", compo)] += 1
    revenus = categorie_revenus(d)
    c[(prefixe + "revenus", revenus)] += 1
    if revenus == "Sans salaire":
        types = {r.type for r in d.ressources} & set(RESSOURCES_SANS_SALAIRE)
        for t in types:
            c[(prefixe + "ressources", labels.RESSOURCES[t])] += 1
        if not types:
            # only housing / family benefits listed: no income of its own; nothing listed:
            # not known
            c[(prefixe + "ressources", SANS_RESSOURCES if d.ressources else NON_RENSEIGNE)] += 1
    c[(prefixe + "commune", ctx.commune(d))] += 1
    if ctx._epci:
        c[(prefixe + "epci", ctx.epci(d))] += 1


def _compter_asll(a: _Annee, d: Dossier, annee: int, ctx: Contexte, detail: bool) -> None:
    c = a.c
    c[("situation", d.situation_mesure or NON_RENSEIGNE)] += 1
    if not mesure_realisee(d):
        return
    c[("realisees",)] += 1
    c[("origine", d.origine_demande or NON_RENSEIGNE)] += 1
    c[("organisme", ctx.organisme(d))] += 1
    c[("nature", labels.TYPES_MESURE.get(d.type_mesure or "", d.type_mesure or NON_RENSEIGNE))] += 1
    c[("bailleur", ctx.bailleur(d))] += 1
    c[("occupation", labels.STATUTS_OCCUPATION.get(d.statut_occupation or "", NON_RENSEIGNE))] += 1
    c[("secteur", ctx.nom_secteur(d.secteur) if d.secteur else NON_RENSEIGNE)] += 1
    c[("referent", ctx.nom_referent(d.referent) if d.referent else NON_RENSEIGNE)] += 1
    _compter_menage(c, d, "", ctx)
    c[("tranche", tranche_dette(dette_de_reference(d)))] += 1
    c[("plan", d.plan_apurement or NON_RENSEIGNE)] += 1
    c[("surendettement", d.surendettement or NON_RENSEIGNE)] += 1
    c[("relogement", d.relogement or NON_RENSEIGNE)] += 1
    for code in OBJECTIFS:
        resultat = d.resultats_objectifs.get(code)
        if code in d.objectifs or resultat:
            c[("objectif_fixe", code)] += 1
        if resultat:
            c[("objectif", code, resultat)] += 1
    fin = d.date_fin_mesure
    if fin and fin.year == annee:
        c[("terminees",)] += 1
        c[("fin", d.motif_fin or NON_RENSEIGNE, resultat_global(d))] += 1
        c[("proposition", d.proposition or NON_RENSEIGNE)] += 1
        origine = d.origine_demande or NON_RENSEIGNE
        c[("fin_origine", origine, d.motif_fin or NON_RENSEIGNE)] += 1
        if d.date_debut_mesure and fin >= d.date_debut_mesure:
            mois = (fin - d.date_debut_mesure).days / 30.4375
            a.durees.append(mois)
            c[("duree", tranche_duree(mois))] += 1
    if detail:
        a.dettes.append(_ligne_dette(d))


def _ligne_dette(d: Dossier) -> list:
    acces = d.type_mesure == "acces" and not any(
        v for v in (d.montant_dette, d.dette_debut_mesure, d.dette_fin_mesure)
    )
    marques = []
    if d.surendettement in SURENDETTEMENT_OUI:
        marques.append("*")
    if d.relogement == "Relogé":
        marques.append("+ relogement")
    if acces:
        return [d.numero, "Accès", "Accès", "Accès", " ".join(marques)]
    return [d.numero, d.montant_dette, d.dette_debut_mesure, d.dette_fin_mesure, " ".join(marques)]


def _compter_esu(a: _Annee, d: Dossier, ctx: Contexte) -> None:
    c = a.c
    rencontre = {"Oui": "Ménages rencontrés", "Non": "Ménages non rencontrés"}.get(
        d.menage_rencontre or "", NON_RENSEIGNE
    )
    bailleur = ctx.bailleur(d)
    c[("esu",)] += 1
    c[("esu_bailleur", bailleur, rencontre)] += 1
    c[("esu_bailleur_col", bailleur)] += 1
    c[("esu_rencontre", rencontre)] += 1
    c[("esu_commune_rencontre", ctx.commune(d), rencontre)] += 1
    for cle, _, regle in DELAIS:
        resultat = regle(d)
        if resultat is not None:
            c[("delai", cle, "base")] += 1
            c[("delai", cle, "ok")] += bool(resultat)
    if rencontre != "Ménages rencontrés":
        return
    c[("esu_rencontres",)] += 1
    _compter_menage(c, d, "esu_", ctx)
    c[("esu_motif", d.motif_impaye or NON_RENSEIGNE)] += 1
    if d.aide_fsl == "Oui":
        c[("esu_mesure", "Dossiers FSL (CLAAS)")] += 1
    if d.surendettement in SURENDETTEMENT_OUI:
        c[("esu_mesure", "Dossiers de surendettement")] += 1
    if d.mesure_protection == "Oui":
        c[("esu_mesure", "Mesures de protection (tutelle, MASP)")] += 1


def _compter_diagnostic(a: _Annee, d: Dossier) -> None:
    c = a.c
    c[("diag",)] += 1
    c[("diag_origine", d.origine_demande or NON_RENSEIGNE)] += 1
    c[("diag_rendu", "Rendus" if d.date_envoi_rapport else "En cours ou non rendus")] += 1


def _compter_gts(a: _Annee, d: Dossier) -> None:
    c = a.c
    c[("gts_decision", d.decision_gts)] += 1
    if d.decision_gts == "Refus":
        c[("gts_refus", d.motif_refus.strip() if d.motif_refus else NON_RENSEIGNE)] += 1


def compter(dossiers: Iterable[Dossier], annee: int, ctx: Contexte) -> tuple[_Annee, _Annee]:
    """One pass over the register: the counters of `annee` and of the year before."""
    courante, precedente = _Annee(), _Annee()
    for d in dossiers:
        nature = (d.nature or "").upper()
        if nature not in ("ASLL", "ESU"):
            continue
        for cible, an in ((courante, annee), (precedente, annee - 1)):
            if nature == "ASLL" and compte_decision_gts(d, an):
                _compter_gts(cible, d)
            if not compte_pour(d, an):
                continue
            if est_diagnostic(d):
                _compter_diagnostic(cible, d)
            elif nature == "ASLL" and not est_mesure(d):
                continue
            elif nature == "ASLL":
                _compter_asll(cible, d, an, ctx, detail=cible is courante)
            else:
                _compter_esu(cible, d, ctx)
    courante.dettes.sort(key=lambda l: l[0])
    return courante, precedente


# ---------------------------------------------------------------- building the tables
def _simple(
    cle,
    titre,
    entete,
    a: _Annee,
    p: _Annee,
    table,
    ordre=(),
    annee=0,
    base_prec: int | None = None,
    graphique=None,
    garder_vides=True,
    **kw,
) -> Tableau:
    lignes = _compter(a.c, ordre, table, garder_vides)
    # rows present only last year are shown too (with 0 this year)
    connus = {l[0] for l in lignes}
    for cle_p in list(p.c):
        if len(cle_p) == 2 and cle_p[0] == table and cle_p[1] not in connus:
            lignes.append([cle_p[1], 0])
            connus.add(cle_p[1])
    total = sum(l[1] for l in lignes)
    precedent = None
    total_p = sum(p.c[(table, l[0])] for l in lignes)
    if total_p:
        precedent = [p.c[(table, l[0])] for l in lignes]
    return Tableau(
        cle,
        titre,
        [entete, "Nombre"],
        lignes,
        ["TOTAL", total],
        annee,
        pourcentages=True,
        precedent=precedent,
        total_precedent=total_p or None,
        graphique=graphique,
        **kw,
    )


def _phrase(t: Tableau, libelle: str, quoi: str) -> str:
    """« Renouvellement : 47,5 % des mesures (contre 24,5 % en 2003). »"""
    total = t.total[1] if t.total else sum(l[1] for l in t.lignes)
    n = t.valeur(libelle)
    texte = f"{libelle} : {pourcentage_fr(n, total)} {quoi}"
    if t.precedent is not None:
        i = next((i for i, l in enumerate(t.lignes) if l[0] == libelle), None)
        if i is not None:
            texte += (
                f" (contre {pourcentage_fr(t.precedent[i], t.total_precedent)} en {t.annee - 1})"
            )
    return texte + "."


def _commenter_principal(t: Tableau, quoi: str, n: int = 2) -> None:
    lignes = sorted((l for l in t.lignes if l[0] != NON_RENSEIGNE and l[1]), key=lambda l: -l[1])[
        :n
    ]
    t.commentaire = [_phrase(t, l[0], quoi) for l in lignes]


def _composition(cle, titre, a: _Annee, p: _Annee, prefixe: str, annee: int, quoi: str) -> Tableau:
    colonnes = [labels.COMPOSITIONS[k] for k in ("femme_seule", "homme_seul", "couple")]
    lignes = []
    for rang in LIGNES_ENFANTS:
        valeurs = [a.n(prefixe + "composition", col, rang) for col in colonnes]
        lignes.append([rang, *valeurs, sum(valeurs)])
    totaux = [sum(l[i] for l in lignes) for i in range(1, 5)]
    entetes = ["Enfants à charge", *colonnes, "Total"]
    if any(p.n(prefixe + "composition_col", col) for col in colonnes):
        entetes.append(f"Total {annee - 1}")
        for ligne in lignes:
            ligne.append(sum(p.n(prefixe + "composition", col, ligne[0]) for col in colonnes))
        totaux.append(sum(l[-1] for l in lignes))
    t = Tableau(cle, titre, entetes, lignes, ["TOTAL", *totaux], annee, tiret_zero=True)
    inconnus = a.n(prefixe + "composition_col", NON_RENSEIGNE)
    if inconnus:
        t.note = f"Composition non renseignée : {inconnus} ménage{'s' if inconnus > 1 else ''}."
    base = totaux[3]  # this year's total (the previous year may follow)
    base_p = sum(p.n(prefixe + "composition_col", col) for col in colonnes)
    for col, libelle in zip(
        colonnes, ("Femmes seules ou avec enfants", "Hommes seuls ou avec enfants", "Couples")
    ):
        texte = f"{libelle} : {pourcentage_fr(a.n(prefixe + 'composition_col', col), base)} {quoi}"
        if base_p:
            texte += (
                f" (contre {pourcentage_fr(p.n(prefixe + 'composition_col', col), base_p)}"
                f" en {annee - 1})"
            )
        t.commentaire.append(texte + ".")
    return t


def _ressources(cle, titre, a: _Annee, p: _Annee, prefixe: str, annee: int) -> Tableau:
    ordre = [labels.RESSOURCES[k] for k in RESSOURCES_SANS_SALAIRE] + [SANS_RESSOURCES]
    t = _simple(cle, titre, "Ressource", a, p, prefixe + "ressources", ordre, annee)
    t.entetes = ["Ressource", f"Ménages {annee}"]
    if t.precedent is not None:
        t.entetes.append(f"Ménages {annee - 1}")
        for ligne, n in zip(t.lignes, t.precedent):
            ligne.append(n)
    t.pourcentages, t.total, t.precedent = False, None, None
    t.note = (
        "Ménages sans salaire ; un ménage qui perçoit plusieurs prestations est compté "
        "pour chacune."
    )
    return t


def tableaux_asll(a: _Annee, p: _Annee, annee: int, ctx: Contexte) -> list[Tableau]:
    quoi = "des mesures"
    out = []
    t = _simple(
        "ASLL situation",
        "Mesures par situation",
        "Situation",
        a,
        p,
        "situation",
        SITUATIONS_MESURE,
        annee,
    )
    t.note = "Toutes les mesures de l'année, y compris celles qui n'ont pu être mises en place."
    _commenter_principal(t, "des mesures accordées")
    out.append(t)
    t = _simple(
        "ASLL origine",
        "Origine de la demande",
        "Origine",
        a,
        p,
        "origine",
        ORIGINES_DEMANDE,
        annee,
        graphique="secteurs",
        garder_vides=False,
    )
    _commenter_principal(t, quoi)
    out.append(t)
    t = _simple(
        "ASLL demandeurs",
        "Demandeurs (organisme prescripteur)",
        "Demandeur",
        a,
        p,
        "organisme",
        (),
        annee,
    )
    _commenter_principal(t, quoi)
    out.append(t)
    t = _simple(
        "ASLL nature",
        "Nature de la mesure",
        "Nature de la demande",
        a,
        p,
        "nature",
        labels.TYPES_MESURE.values(),
        annee,
        graphique="barres",
        garder_vides=False,
    )
    t.commentaire = [_phrase(t, l[0], quoi) for l in t.lignes if l[1]]
    out.append(t)
    t = _simple(
        "ASLL bailleur", "Répartition par bailleur", "Bailleur", a, p, "bailleur", (), annee
    )
    _deplacer_en_fin(t, PARC_PRIVE)
    _deplacer_en_fin(t, NON_RENSEIGNE)
    _commenter_principal(t, quoi)
    out.append(t)
    t = _simple(
        "ASLL statut occupation",
        "Statut d'occupation des ménages",
        "Statut d'occupation",
        a,
        p,
        "occupation",
        labels.STATUTS_OCCUPATION.values(),
        annee,
        garder_vides=False,
    )
    t.commentaire = [_part_locataires(a, p, annee)]
    out.append(t)
    for table, titre, entete in (
        ("secteur", "Répartition par secteur", "Secteur"),
        ("referent", "Répartition par travailleur social", "Travailleur social"),
    ):
        t = _simple(f"ASLL {table}", titre, entete, a, p, table, (), annee)
        if all(l[0] == NON_RENSEIGNE for l in t.lignes):
            continue  # a register without sectors or workers: no table of blanks
        _commenter_principal(t, quoi, 1)
        out.append(t)
    out.append(
        _simple("ASLL commune", "Répartition par commune", "Commune", a, p, "commune", (), annee)
    )
    if ctx._epci:
        out.append(_simple("ASLL EPCI", "Répartition par EPCI", "EPCI", a, p, "epci", (), annee))
    out.append(
        _composition(
            "ASLL composition", "Composition familiale", a, p, "", annee, "des ménages accompagnés"
        )
    )
    t = _simple(
        "ASLL revenus", "Revenus des ménages", "Revenus", a, p, "revenus", CATEGORIES_REVENUS, annee
    )
    _commenter_principal(t, "des ménages accompagnés", 1)
    out.append(t)
    out.append(
        _ressources("ASLL ressources", "Ressources des ménages non salariés", a, p, "", annee)
    )
    t = _simple(
        "ASLL tranches dette",
        "Montant de la dette locative",
        "Montant de la dette",
        a,
        p,
        "tranche",
        [l for _, l in TRANCHES_DETTE],
        annee,
    )
    t.note = (
        "Dette au début de la mesure (à défaut, à la demande) ; mesures d'accès sans "
        "dette comptées dans la première tranche."
    )
    out.append(t)
    out.append(_table_dettes(a, annee))
    out.append(_plans(a, p, annee))
    out.append(
        _simple(
            "ASLL surendettement",
            "Dossiers de surendettement",
            "Surendettement",
            a,
            p,
            "surendettement",
            ("Non", *SURENDETTEMENT_OUI),
            annee,
        )
    )
    out[-1].commentaire = [
        _taux(
            a,
            p,
            "surendettement",
            SURENDETTEMENT_OUI,
            annee,
            "Ménages dont la dette est incluse dans un dossier de surendettement",
        )
    ]
    out.append(
        _simple(
            "ASLL relogement", "Relogement", "Relogement", a, p, "relogement", RELOGEMENTS, annee
        )
    )
    out[-1].commentaire = [_taux(a, p, "relogement", ("Relogé",), annee, "Ménages relogés")]
    out.append(_objectifs(a, p, annee))
    out.append(_fins(a, p, annee))
    t = _simple(
        "ASLL durées",
        "Durée des mesures terminées",
        "Durée",
        a,
        p,
        "duree",
        [l for _, l in TRANCHES_DUREE],
        annee,
    )
    t.note = f"Mesures terminées en {annee} dont le début est renseigné."
    _commenter_principal(t, "des mesures terminées", 3)
    out.append(t)
    out.append(_fins_par_origine(a, p, annee))
    return out


LOCATAIRES = (
    labels.STATUTS_OCCUPATION["locataire_public"],
    labels.STATUTS_OCCUPATION["locataire_prive"],
)


def _part_locataires(a: _Annee, p: _Annee, annee: int) -> str:
    """« Locataires : 84 % des ménages (contre 79 % en 2023), dont parc privé : 59 %. »"""

    def parts(x: _Annee) -> tuple[str, str]:
        loc = sum(x.n("occupation", v) for v in LOCATAIRES)
        return (
            pourcentage_fr(loc, x.n("realisees")),
            pourcentage_fr(x.n("occupation", LOCATAIRES[1]), loc),
        )

    loc, prive = parts(a)
    texte = f"Locataires : {loc} des ménages accompagnés"
    if p.n("realisees"):
        texte += f" (contre {parts(p)[0]} en {annee - 1})"
    texte += f", dont locataires du parc privé : {prive}"
    if p.n("realisees"):
        texte += f" (contre {parts(p)[1]} en {annee - 1})"
    return texte + "."


def _fins_par_origine(a: _Annee, p: _Annee, annee: int) -> Tableau:
    """Reasons for stopping by who asked for the measure (2024 seed, part V)."""
    origines = sorted(
        {k[1] for k in a.c if k[0] == "fin_origine"},
        key=lambda o: (
            o == NON_RENSEIGNE,
            ORIGINES_DEMANDE.index(o) if o in ORIGINES_DEMANDE else 99,
            o,
        ),
    )
    motifs = list(MOTIFS_FIN) + (
        [NON_RENSEIGNE] if any(k[0] == "fin_origine" and k[2] == NON_RENSEIGNE for k in a.c) else []
    )
    lignes = []
    for o in origines:
        valeurs = [a.n("fin_origine", o, m) for m in motifs]
        lignes.append([o, *valeurs, sum(valeurs)])
    totaux = [sum(l[i] for l in lignes) for i in range(1, len(motifs) + 2)]
    t = Tableau(
        "ASLL fins par origine",
        "Fins de mesure selon l'origine de la demande",
        ["Origine de la demande", *motifs, "Total"],
        lignes,
        ["TOTAL", *totaux] if lignes else None,
        annee,
    )
    for o in origines:
        n = sum(a.n("fin_origine", o, m) for m in MOTIFS_FIN) + a.n("fin_origine", o, NON_RENSEIGNE)
        possible = a.n("fin_origine", o, "Travail possible")
        texte = f"{o} : travail possible dans {pourcentage_fr(possible, n)} des cas"
        n_p = sum(p.n("fin_origine", o, m) for m in (*MOTIFS_FIN, NON_RENSEIGNE))
        if n_p:
            texte += (
                f" (contre {pourcentage_fr(p.n('fin_origine', o, 'Travail possible'), n_p)}"
                f" en {annee - 1})"
            )
        t.commentaire.append(texte + ".")
    t.note = f"Mesures terminées en {annee}, par origine de la demande et motif de fin."
    return t


def tableaux_gts(a: _Annee, p: _Annee, annee: int) -> list[Tableau]:
    """Decisions of the Groupe Technique Social and the reasons for its refusals."""
    if not any(k[0] == "gts_decision" for k in a.c):
        return []
    t = _simple(
        "GTS décisions",
        "Décisions du Groupe Technique Social",
        "Décision",
        a,
        p,
        "gts_decision",
        DECISIONS_GTS,
        annee,
        garder_vides=False,
    )
    t.note = "Décisions portées au registre (date du GTS, à défaut année du dossier)."
    out = [t]
    refus = a.n("gts_decision", "Refus")
    if refus:
        t = _simple(
            "GTS motifs de refus",
            "Motifs des refus du GTS",
            "Motif du refus",
            a,
            p,
            "gts_refus",
            (),
            annee,
        )
        t.lignes.sort(key=lambda l: (l[0] == NON_RENSEIGNE, -l[1], cle_tri(l[0])))
        if t.precedent is not None:
            t.precedent = [p.c[("gts_refus", l[0])] for l in t.lignes]
        t.commentaire = [
            f"{nombre_de(refus, 'refus', 'refus')} en {annee} : "
            + ", ".join(f"{l[0]} ({l[1]})" for l in t.lignes if l[1])
            + "."
        ]
        out.append(t)
    return out


def tableaux_diagnostics(a: _Annee, p: _Annee, annee: int) -> list[Tableau]:
    """Diagnostics, counted apart from the ASLL measures (2024 seed, part III.C)."""
    if not a.n("diag"):
        return []
    t = _simple(
        "Diagnostics origine",
        "Diagnostics demandés, par origine",
        "Origine de la demande",
        a,
        p,
        "diag_origine",
        ORIGINES_DEMANDE,
        annee,
        garder_vides=False,
    )
    n, n_p = a.n("diag"), p.n("diag")
    texte = f"{nombre_de(n, 'diagnostic demandé', 'diagnostics demandés')} en {annee}"
    if n_p:
        texte += f" (contre {n_p} en {annee - 1})"
    rendus = a.n("diag_rendu", "Rendus")
    _commenter_principal(t, "des diagnostics", 2)
    t.commentaire = [texte + ".", *t.commentaire]
    t.commentaire.append(
        f"{nombre_de(rendus, 'diagnostic rendu', 'diagnostics rendus')} "
        f"({pourcentage_fr(rendus, n)})."
    )
    return [t]


def tableau_delais(a: _Annee, p: _Annee, annee: int) -> Tableau:
    """Timeliness of the ESU / DSF (rules in asll/domain/deadlines.py)."""
    entetes = ["Indicateur", "Dans le délai", "Dossiers renseignés", "%"]
    precedent = any(p.n("delai", cle, "base") for cle, _, _ in DELAIS)
    if precedent:
        entetes.append(f"% {annee - 1}")
    lignes = []
    for cle, libelle, _ in DELAIS:
        ok, base = a.n("delai", cle, "ok"), a.n("delai", cle, "base")
        ligne = [libelle, ok, base, pourcentage_fr(ok, base)]
        if precedent:
            ligne.append(pourcentage_fr(p.n("delai", cle, "ok"), p.n("delai", cle, "base")))
        lignes.append(ligne)
    t = Tableau("ESU délais", "Respect des délais", entetes, lignes, None, annee)
    t.note = (
        "Sur les enquêtes dont les deux dates sont au registre : rapport envoyé le / date "
        "d'audience ; date d'entretien / date de la saisine ; date de la saisine / date "
        "d'audience. Jours fériés exclus des jours ouvrés."
    )
    tard = a.n("delai", "notification", "base") - a.n("delai", "notification", "ok")
    if tard:
        t.commentaire = [
            f"{nombre_de(tard, 'enquête')} dont la saisine est arrivée moins de 42 jours "
            "avant l'audience : notification tardive, signalée au juge dans le rapport."
        ]
    return t


def _deplacer_en_fin(t: Tableau, libelle: str) -> None:
    """Private landlords after the social ones, as the seeds order them."""
    for i, ligne in enumerate(t.lignes):
        if ligne[0] == libelle:
            t.lignes.append(t.lignes.pop(i))
            if t.precedent is not None:
                t.precedent.append(t.precedent.pop(i))
            return


def _taux(a: _Annee, p: _Annee, table: str, valeurs, annee: int, libelle: str) -> str:
    n = sum(a.n(table, v) for v in valeurs)
    texte = f"{libelle} : {n}, soit {pourcentage_fr(n, a.n('realisees'))} des mesures"
    if p.n("realisees"):
        texte += (
            f" (contre {pourcentage_fr(sum(p.n(table, v) for v in valeurs), p.n('realisees'))}"
            f" en {annee - 1})"
        )
    return texte + "."


def _plans(a: _Annee, p: _Annee, annee: int) -> Tableau:
    def valeurs(x: _Annee):
        mis = sum(x.n("plan", v) for v in PLANS_MIS_EN_PLACE)
        return [
            mis,
            x.n("plan", "Respecté"),
            x.n("plan", "Non respecté"),
            x.n("plan", "Mis en place"),
            x.n("plan", "Aucun"),
            x.n("plan", NON_RENSEIGNE),
        ]

    libelles = [
        "Plans d'apurement mis en place",
        "… dont respectés",
        "… dont non respectés",
        "… dont en cours",
        "Aucun plan",
        NON_RENSEIGNE,
    ]
    v, vp = valeurs(a), valeurs(p)
    respecte = "aucun ne l'a" if not v[1] else f"{v[1]} " + accord(v[1], "l'a", "l'ont")
    entetes = ["Plan d'apurement", str(annee)]
    lignes = [[l, n] for l, n in zip(libelles, v) if l != NON_RENSEIGNE or n]
    if p.n("realisees"):
        entetes.append(str(annee - 1))
        for ligne in lignes:
            ligne.append(vp[libelles.index(ligne[0])])
    t = Tableau("ASLL plans", "Plans d'apurement", entetes, lignes, None, annee)
    texte = (
        f"{nombre_de(v[0], 'ménage')} {accord(v[0], 'a', 'ont')} mis en place un plan "
        f"d'apurement ({pourcentage_fr(v[0], a.n('realisees'))} des mesures) ; "
        f"{respecte} respecté "
        f"({pourcentage_fr(v[1], v[0])} des plans)"
    )
    if vp[0]:
        texte += f" (contre {pourcentage_fr(vp[1], vp[0])} en {annee - 1})"
    t.commentaire = [texte + "."]
    return t


def _table_dettes(a: _Annee, annee: int) -> Tableau:
    def fmt(v):
        if isinstance(v, str):
            return v
        return "Inconnu" if v is None else euros_fr(v)

    lignes = [
        [str(i), l[0], fmt(l[1]), fmt(l[2]), fmt(l[3]), l[4]]
        for i, l in enumerate(a.dettes, start=1)
    ]
    t = Tableau(
        "ASLL évolution dettes",
        "Évolution des dettes locatives",
        [
            "Ménage",
            "N° dossier",
            "Dette à la demande",
            "Dette au début de la mesure",
            "Dette à la fin de la mesure",
            "Observations",
        ],
        lignes,
        None,
        annee,
        grand=True,
    )
    t.note = (
        "* dette incluse dans un dossier de surendettement ; « + relogement » : ménage "
        "relogé. « Inconnu » : montant non renseigné. Ménages désignés par leur seul "
        "numéro de dossier."
    )
    t.brut = a.dettes  # numbers for the workbook
    return t


def _objectifs(a: _Annee, p: _Annee, annee: int) -> Tableau:
    colonnes = list(RESULTATS_OBJECTIF)
    precedente = bool(p.n("terminees") or any(k[0] == "objectif_fixe" for k in p.c))
    lignes = []
    for code in OBJECTIFS:
        ligne = [
            labels.OBJECTIFS[code],
            a.n("objectif_fixe", code),
            *(a.n("objectif", code, r) for r in colonnes),
        ]
        if precedente:  # how often it was set the year before, as the other tables do
            ligne.append(p.n("objectif_fixe", code))
        lignes.append(ligne)
    entetes = ["Objectif", "Fixé", *colonnes] + ([f"Fixé {annee - 1}"] if precedente else [])
    t = Tableau(
        "ASLL objectifs",
        "Objectifs des mesures et résultats",
        entetes,
        lignes,
        None,
        annee,
    )
    t.note = "Nombre de mesures ; résultats tels qu'évalués au bilan."
    return t


def _fins(a: _Annee, p: _Annee, annee: int) -> Tableau:
    motifs = list(MOTIFS_FIN) + (
        [NON_RENSEIGNE] if any(k[0] == "fin" and k[1] == NON_RENSEIGNE for k in a.c) else []
    )
    lignes = []
    for motif in motifs:
        valeurs = [a.n("fin", motif, r) for r in RESULTAT_GLOBAL]
        lignes.append([motif, *valeurs, sum(valeurs)])
    entetes = [
        "Motif de fin",
        "Objectifs atteints",
        "En partie",
        "Non atteints",
        NON_RENSEIGNE,
        "Total",
    ]
    if p.n("terminees"):
        entetes.append(f"Total {annee - 1}")
        for ligne in lignes:
            ligne.append(sum(p.n("fin", ligne[0], r) for r in RESULTAT_GLOBAL))
    totaux = [sum(l[i] for l in lignes) for i in range(1, len(entetes))]
    t = Tableau(
        "ASLL fins de mesure",
        "Fins de mesure : motifs et objectifs",
        entetes,
        lignes,
        ["TOTAL", *totaux],
        annee,
    )
    fini = a.n("terminees")
    commentaire = []
    for motif in MOTIFS_FIN:
        n = sum(a.n("fin", motif, r) for r in RESULTAT_GLOBAL)
        texte = f"{motif} : {pourcentage_fr(n, fini)} des mesures terminées"
        fini_p = p.n("terminees")
        if fini_p:
            n_p = sum(p.n("fin", motif, r) for r in RESULTAT_GLOBAL)
            texte += f" (contre {pourcentage_fr(n_p, fini_p)} en {annee - 1})"
        commentaire.append(texte + ".")
    possible = sum(a.n("fin", "Travail possible", r) for r in RESULTAT_GLOBAL)
    reussis = a.n("fin", "Travail possible", "Atteints") + a.n(
        "fin", "Travail possible", "Partiellement atteints"
    )
    if possible:
        commentaire.append(
            f"Lorsqu'un travail a été possible, les objectifs sont atteints ou "
            f"partiellement atteints dans {pourcentage_fr(reussis, possible)} des cas."
        )
    props = ", ".join(f"{v} : {a.n('proposition', v)}" for v in PROPOSITIONS)
    commentaire.append(f"Propositions au bilan — {props}.")
    if a.durees:
        moyenne = sum(a.durees) / len(a.durees)
        texte = f"Durée moyenne des mesures terminées : {nombre_fr(moyenne)} mois"
        if p.durees:
            texte += f" (contre {nombre_fr(sum(p.durees) / len(p.durees))} mois en {annee - 1})"
        commentaire.append(texte + ".")
    t.commentaire = commentaire
    t.duree_moyenne = (sum(a.durees) / len(a.durees)) if a.durees else None
    t.note = f"Mesures terminées en {annee} ({fini})."
    return t


def tableaux_esu(a: _Annee, p: _Annee, annee: int, ctx: Contexte) -> list[Tableau]:
    out = []
    colonnes_r = ["Ménages rencontrés", "Ménages non rencontrés"]
    if a.n("esu_rencontre", NON_RENSEIGNE):
        colonnes_r.append(NON_RENSEIGNE)
    bailleurs = sorted(
        {k[1] for k in a.c if k[0] == "esu_bailleur_col"},
        key=lambda b: (
            b in (PARC_PRIVE, NON_RENSEIGNE),
            b == NON_RENSEIGNE,
            -a.n("esu_bailleur_col", b),
            cle_tri(b),
        ),
    )
    total, total_p = a.n("esu"), p.n("esu")
    lignes = [[r, *(a.n("esu_bailleur", b, r) for b in bailleurs)] for r in colonnes_r]
    lignes = [l + [sum(l[1:])] for l in lignes]
    total_ligne = ["TOTAL", *(a.n("esu_bailleur_col", b) for b in bailleurs), total]
    entetes = ["", *bailleurs, "Total"]
    if total_p:  # the previous year's total beside this year's
        entetes.append(f"Total {annee - 1}")
        for l in lignes:
            l.append(p.n("esu_rencontre", l[0]))
        total_ligne.append(total_p)
    t = Tableau(
        "ESU bailleur",
        "Enquêtes par bailleur",
        entetes,
        lignes,
        total_ligne,
        annee,
        graphique="barres_groupees",
    )
    com = [
        f"{nombre_de(total, 'enquête')} en {annee}"
        + (f" (contre {total_p} en {annee - 1})" if total_p else "")
        + "."
    ]
    for b in bailleurs:
        texte = f"{b} : {pourcentage_fr(a.n('esu_bailleur_col', b), total)} des enquêtes"
        if total_p:
            texte += (
                f" (contre {pourcentage_fr(p.n('esu_bailleur_col', b), total_p)} en {annee - 1})"
            )
        com.append(texte + ".")
    texte = (
        f"Ménages non rencontrés : "
        f"{pourcentage_fr(a.n('esu_rencontre', 'Ménages non rencontrés'), total)}"
    )
    if total_p:
        texte += (
            f" (contre {pourcentage_fr(p.n('esu_rencontre', 'Ménages non rencontrés'), total_p)}"
            f" en {annee - 1})"
        )
    com.append(texte + ".")
    t.commentaire = com
    out.append(t)

    communes = sorted(
        {k[1] for k in a.c if k[0] == "esu_commune_rencontre"},
        key=lambda x: (x == NON_RENSEIGNE, cle_tri(x)),
    )
    lignes = [[cm, *(a.n("esu_commune_rencontre", cm, r) for r in colonnes_r)] for cm in communes]
    lignes = [l + [sum(l[1:])] for l in lignes]
    entetes = ["Commune", *colonnes_r, "Total"]
    total_ligne = ["TOTAL", *(sum(l[i] for l in lignes) for i in range(1, len(colonnes_r) + 2))]
    if total_p:
        entetes.append(f"Total {annee - 1}")
        for l in lignes:
            l.append(sum(p.n("esu_commune_rencontre", l[0], r) for r in colonnes_r))
        total_ligne.append(sum(l[-1] for l in lignes))
    t = Tableau("ESU commune", "Enquêtes par commune", entetes, lignes, total_ligne, annee)
    out.append(t)
    if ctx._epci:
        out.append(
            _simple("ESU EPCI", "Ménages rencontrés par EPCI", "EPCI", a, p, "esu_epci", (), annee)
        )
    out.append(
        _composition(
            "ESU composition",
            "Composition familiale des ménages rencontrés",
            a,
            p,
            "esu_",
            annee,
            "des ménages rencontrés",
        )
    )
    t = _simple(
        "ESU revenus",
        "Revenus des ménages rencontrés",
        "Revenus",
        a,
        p,
        "esu_revenus",
        CATEGORIES_REVENUS,
        annee,
    )
    _commenter_principal(t, "des ménages rencontrés", 2)
    out.append(t)
    out.append(
        _ressources(
            "ESU ressources", "Ressources des ménages rencontrés non salariés", a, p, "esu_", annee
        )
    )
    t = _simple(
        "ESU motifs impayé",
        "Motifs des impayés d'après les ménages",
        "Motif de l'impayé",
        a,
        p,
        "esu_motif",
        MOTIFS_IMPAYE,
        annee,
    )
    _commenter_principal(t, "des ménages rencontrés", 1)
    out.append(t)
    mesures = [
        "Dossiers FSL (CLAAS)",
        "Dossiers de surendettement",
        "Mesures de protection (tutelle, MASP)",
    ]
    rencontres, rencontres_p = a.n("esu_rencontres"), p.n("esu_rencontres")
    entetes = ["Mesure mise en place", str(annee), "% des ménages rencontrés"]
    lignes = [
        [m, a.n("esu_mesure", m), pourcentage_fr(a.n("esu_mesure", m), rencontres)] for m in mesures
    ]
    if rencontres_p:
        entetes += [str(annee - 1), f"% {annee - 1}"]
        for l in lignes:
            l += [p.n("esu_mesure", l[0]), pourcentage_fr(p.n("esu_mesure", l[0]), rencontres_p)]
    t = Tableau(
        "ESU mesures", "Mesures mises en place (ménages rencontrés)", entetes, lignes, None, annee
    )
    com = []
    for m in mesures:
        texte = f"{m} : {pourcentage_fr(a.n('esu_mesure', m), rencontres)} des ménages rencontrés"
        if rencontres_p:
            texte += (
                f" (contre {pourcentage_fr(p.n('esu_mesure', m), rencontres_p)} en {annee - 1})"
            )
        com.append(texte + ".")
    t.commentaire = com
    out.append(t)
    if any(a.n("delai", cle, "base") for cle, _, _ in DELAIS):
        out.append(tableau_delais(a, p, annee))
    return out


def chiffres_cles(a: _Annee) -> dict[str, object]:
    accordees = sum(a.c[k] for k in a.c if k[0] == "situation")
    return {
        "Mesures ASLL de l'année (accordées)": accordees,
        "Mesures ASLL réalisées": a.n("realisees"),
        "Mesures terminées dans l'année": a.n("terminees"),
        "Durée moyenne des mesures terminées (mois)": nombre_fr(sum(a.durees) / len(a.durees))
        if a.durees
        else "–",
        "Diagnostics demandés": a.n("diag"),
        "Enquêtes sociales (ESU / DSF) ouvertes": a.n("esu"),
        "Ménages rencontrés (ESU / DSF)": a.n("esu_rencontres"),
        "Rapports envoyés au moins 5 jours ouvrés avant l'audience": pourcentage_fr(
            a.n("delai", "cinq_jours", "ok"), a.n("delai", "cinq_jours", "base")
        ),
    }


@dataclass
class Statistiques:
    annee: int
    asll: list[Tableau]
    esu: list[Tableau]
    chiffres: dict[str, object]
    diagnostics: list[Tableau] = field(default_factory=list)
    gts: list[Tableau] = field(default_factory=list)
    chiffres_precedents: dict[str, object] | None = None  # None when last year is not held

    def tous(self) -> list[Tableau]:
        """Every table, in the report's order."""
        return self.asll + self.diagnostics + self.gts + self.esu

    def tableau(self, cle: str) -> Tableau:
        for t in self.tous():
            if t.cle == cle:
                return t
        raise KeyError(cle)


def statistiques(
    dossiers: Iterable[Dossier],
    annee: int,
    epci_by_commune: dict[str, str] | None = None,
    quartiers: dict[str, list[str]] | None = None,
) -> Statistiques:
    """All the tables of `annee`, with the previous year's figures beside them when held."""
    ctx = Contexte(epci_by_commune, quartiers)
    a, p = compter(dossiers, annee, ctx)
    asll = (
        tableaux_asll(a, p, annee, ctx) if sum(a.c[k] for k in a.c if k[0] == "situation") else []
    )
    esu = tableaux_esu(a, p, annee, ctx) if a.n("esu") else []
    precedent = any(k[0] in ("situation", "esu", "diag") for k in p.c)
    return Statistiques(
        annee,
        asll,
        esu,
        chiffres_cles(a),
        diagnostics=tableaux_diagnostics(a, p, annee),
        gts=tableaux_gts(a, p, annee),
        chiffres_precedents=chiffres_cles(p) if precedent else None,
    )
