"""One model of a household's case, shared by intake, the register and the generators.

`Extraction` is what one document says (the contract of ../shared/spec/extraction.md);
`Dossier` is what the service knows about one household, merged from its documents.
Both carry the same household fields (`DonneesMenage`), so merging is field by field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

TYPES_DOCUMENT = ("assignation", "saisine_prefecture", "fiche_prescription", "inconnu")
TYPES_MESURE = ("acces", "maintien", "renouvellement", "diagnostic")
COMPOSITIONS = ("femme_seule", "homme_seul", "couple")
STATUTS_OCCUPATION = (
    "locataire_public",
    "locataire_prive",
    "sous_locataire",
    "heberge",
    "proprietaire",
    "sans_logement",
)
TYPES_RESSOURCE = (
    "salaire",
    "chomage",
    "rsa",
    "aah",
    "pension",
    "prestations_familiales",
    "apl",
    "ij",
    "autre",
)
# Objectives an ASLL referral can tick (2004 seed, circulaire du 7 juin 2001).
OBJECTIFS = (
    "projet_logement",
    "installation",
    "budget",
    "dette_apurement",
    "usage_logement",
    "integration",
)


@dataclass
class Personne:
    nom: str
    prenom: str | None = None
    civilite: str | None = None  # "M." | "Mme" | None
    date_naissance: date | None = None

    def to_json(self) -> dict:
        return {
            "civilite": self.civilite,
            "nom": self.nom,
            "prenom": self.prenom,
            "date_naissance": _iso(self.date_naissance),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Personne":
        return cls(
            nom=data["nom"],
            prenom=data.get("prenom"),
            civilite=data.get("civilite"),
            date_naissance=_from_iso(data.get("date_naissance")),
        )


@dataclass
class Ressource:
    type: str
    montant: float | None = None

    def to_json(self) -> dict:
        return {"type": self.type, "montant": self.montant}


@dataclass
class DonneesMenage:
    """Household fields, named as in the extraction contract."""

    personnes: list[Personne] = field(default_factory=list)
    adresse: str | None = None
    complement_adresse: str | None = None  # résidence, bâtiment, appartement (extra key)
    code_postal: str | None = None
    commune: str | None = None
    bailleur: str | None = None
    loyer_mensuel: float | None = None
    montant_dette: float | None = None
    date_dette: date | None = None
    juridiction: str | None = None
    date_audience: date | None = None
    heure_audience: str | None = None  # "HH:MM"
    commissaire_justice: str | None = None
    reference: str | None = None
    date_document: date | None = None
    date_limite: date | None = None
    type_mesure: str | None = None
    prescripteur: str | None = None
    organisme_prescripteur: str | None = None
    composition: str | None = None
    nb_enfants: int | None = None
    enfants: list[Personne] = field(default_factory=list)  # extra key, forms only
    statut_occupation: str | None = None
    ressources: list[Ressource] = field(default_factory=list)
    objectifs: list[str] = field(default_factory=list)  # extra key, forms only
    champs_incertains: list[str] = field(default_factory=list)
    # Optional keys for the judge's report (contract: "Optional keys for the judge's report")
    numero_rg: str | None = None
    date_bail: date | None = None
    type_logement: str | None = None
    loyer_hors_charges: float | None = None
    charges: float | None = None
    date_commandement: date | None = None
    montant_commandement: float | None = None
    date_effet_clause: date | None = None
    date_assignation: date | None = None
    mandataire: str | None = None
    adresse_bailleur: str | None = None


# Keys whose values are dates, converted to and from ISO text in JSON.
DATE_FIELDS = (
    "date_dette",
    "date_audience",
    "date_document",
    "date_limite",
    "date_bail",
    "date_commandement",
    "date_effet_clause",
    "date_assignation",
)
HOUSEHOLD_FIELDS = tuple(f.name for f in dataclasses.fields(DonneesMenage))


@dataclass
class Extraction(DonneesMenage):
    """What one document says."""

    fichier: str = ""
    type_document: str = "inconnu"
    # extra key: where each value was read, {"cle": {"page": 1, "ligne": 12}} (pages and
    # lines counted from 1), as the contract allows; empty for values read from a form
    provenance: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """The object `asll extract --json` prints: contract keys first, then extras."""
        out: dict = {"fichier": self.fichier, "type_document": self.type_document}
        for name in HOUSEHOLD_FIELDS:
            value = getattr(self, name)
            if name in ("personnes", "enfants"):
                value = [p.to_json() for p in value]
            elif name == "ressources":
                value = [r.to_json() for r in value]
            elif name in DATE_FIELDS:
                value = _iso(value)
            out[name] = value
        if self.provenance:
            out["provenance"] = {k: dict(v) for k, v in self.provenance.items()}
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Extraction":
        kwargs = {}
        for name in HOUSEHOLD_FIELDS + ("fichier", "type_document"):
            if name not in data:
                continue
            value = data[name]
            if name in ("personnes", "enfants"):
                value = [Personne.from_json(p) for p in value or []]
            elif name == "ressources":
                value = [Ressource(r["type"], r.get("montant")) for r in value or []]
            elif name in DATE_FIELDS:
                value = _from_iso(value)
            kwargs[name] = value
        if data.get("provenance"):
            kwargs["provenance"] = {k: dict(v) for k, v in data["provenance"].items()}
        return cls(**kwargs)


# Closed lists of the columns workers fill in the register (drop-downs in Excel), so the
# yearly figures can be counted from them. Values are the labels staff see.
STATUTS_DOSSIER = ("Nouveau", "En cours", "Rapport envoyé", "Mesure en cours", "Clos")
OUI_NON = ("Oui", "Non")
RESULTATS_OBJECTIF = ("Atteint", "Partiellement atteint", "Non atteint", "Sans objet")
PLANS_APUREMENT = ("Aucun", "Mis en place", "Respecté", "Non respecté")
SURENDETTEMENT = ("Non", "Dossier déposé", "Plan en cours")
RELOGEMENTS = ("Non concerné", "En cours", "Relogé")
MOTIFS_FIN = ("Travail possible", "Travail non possible", "Limites de l'intervention atteintes")
PROPOSITIONS = ("Arrêt", "Renouvellement")
# What the monthly Groupe Technique Social decides on a request or a bilan (2024 seed).
DECISIONS_GTS = (
    "Accord",
    "Refus",
    "Renouvellement",
    "Arrêt",
    "Diagnostic demandé",
    "Complément d'information",
)
SITUATIONS_MESURE = (
    "Suivie",
    "Renouvelée",
    "Rencontrée une fois",
    "Non rencontrée",
    "Assignée avant la mesure",
    "A déménagé",
)
ORIGINES_DEMANDE = (
    "Commission FSL accès",
    "Commission FSL maintien",
    "Commission FSL énergie",
    "GTS",
    "CCAPEX",
    "Travailleur social",
    "Bailleur",
    "Service (renouvellement)",
    "Autre",
)
CATEGORIES_REVENUS = ("Sans salaire", "1 salaire", "2 salaires", "Retraité")
MOTIFS_IMPAYE = (
    "Absence de ressources",
    "Difficultés financières",
    "Conflit avec le bailleur",
    "Logement inadapté aux ressources",
    "Autre",
)
# Item 10 of the DSF: has the household resumed paying its rent?
REPRISES_PAIEMENT = ("Aucune", "Partielle", "Loyer courant intégral")
REPRISE_INTEGRALE = REPRISES_PAIEMENT[2]
NON_SOLLICITE = "Non sollicité"
# Item 9 of the DSF: the schemes a DSF reports on, each with its own closed list of
# statuses (the first is "not asked"). Code -> (label, statuses); the dossier holds
# `<code>_statut`, `<code>_date` and `<code>_montant` for each.
DISPOSITIFS = {
    "fsl": ("FSL", (NON_SOLLICITE, "À solliciter", "Demande déposée", "Accordé", "Refusé")),
    "surendettement": (
        "Surendettement",
        (
            NON_SOLLICITE,
            "À envisager",
            "Dossier déposé",
            "Recevable",
            "Plan ou mesure",
            "Irrecevable",
        ),
    ),
    "protocole": (
        "Protocole de cohésion sociale",
        (NON_SOLLICITE, "À solliciter", "Demandé", "Signé", "Refusé"),
    ),
    "caf": (
        "CAF / MSA",
        (NON_SOLLICITE, "Signalement fait", "Aide maintenue", "Aide suspendue", "Rappel versé"),
    ),
}


@dataclass
class SuiviMenage:
    """What workers record in the register as the case goes on (never from documents)."""

    origine_demande: str | None = None  # ORIGINES_DEMANDE
    situation_mesure: str | None = None  # SITUATIONS_MESURE
    menage_rencontre: str | None = None  # OUI_NON
    tentatives_contact: str | None = None  # e.g. "courriers 02/09, 09/09 ; visite 16/09"
    date_entretien: date | None = None
    date_envoi_rapport: date | None = None
    motif_impaye: str | None = None  # MOTIFS_IMPAYE
    categorie_revenus: str | None = None  # CATEGORIES_REVENUS
    aide_fsl: str | None = None  # OUI_NON: FSL (formerly CLAAS) file set up
    mesure_protection: str | None = None  # OUI_NON: guardianship / MASP asked
    date_debut_mesure: date | None = None
    date_fin_mesure: date | None = None
    renouvellements: int | None = None
    resultats_objectifs: dict[str, str] = field(default_factory=dict)  # OBJECTIFS -> RESULTATS
    dette_debut_mesure: float | None = None
    dette_fin_mesure: float | None = None
    plan_apurement: str | None = None  # PLANS_APUREMENT
    surendettement: str | None = None  # SURENDETTEMENT
    relogement: str | None = None  # RELOGEMENTS
    motif_fin: str | None = None  # MOTIFS_FIN
    proposition: str | None = None  # PROPOSITIONS
    date_gts: date | None = None  # meeting that decided
    decision_gts: str | None = None  # DECISIONS_GTS
    motif_refus: str | None = None  # free text: DALO, AVDL, MASP, autonomous…
    observations: str | None = None
    # The structured items of the DSF (décret 2021-8 art. 2), filled by workers.
    nb_tentatives_contact: int | None = None  # a household not met: attempts made
    reprise_paiement: str | None = None  # item 10: REPRISES_PAIEMENT
    reprise_depuis: date | None = None
    reprise_montant: float | None = None  # monthly amount paid since then
    fsl_statut: str | None = None  # item 9: DISPOSITIFS, one triple each
    fsl_date: date | None = None
    fsl_montant: float | None = None
    surendettement_statut: str | None = None
    surendettement_date: date | None = None
    surendettement_montant: float | None = None
    protocole_statut: str | None = None
    protocole_date: date | None = None
    protocole_montant: float | None = None
    caf_statut: str | None = None
    caf_date: date | None = None
    caf_montant: float | None = None
    ressources_mensuelles: float | None = None  # item 11: without housing benefit
    aide_logement: float | None = None  # APL / AL, monthly
    charges_mensuelles: float | None = None  # fixed charges other than the rent
    plan_mensualite: float | None = None  # item 12: the proposed plan
    plan_duree_mois: int | None = None


SUIVI_FIELDS = tuple(f.name for f in dataclasses.fields(SuiviMenage))
assert all(
    f"{code}_{part}" in SUIVI_FIELDS
    for code in DISPOSITIFS
    for part in ("statut", "date", "montant")
)


@dataclass
class Dossier(SuiviMenage, DonneesMenage):
    """A household's case as the register keeps it."""

    numero: str = ""  # "ESU-2025-0001" | "ASLL-2025-0001"
    nature: str = ""  # "ESU" | "ASLL"
    statut: str = "Nouveau"  # STATUTS_DOSSIER
    date_ouverture: date | None = None
    secteur: str | None = None  # from the commune (asll.toml), staff may change it
    referent: str | None = None
    brouillons: list[str] = field(default_factory=list)  # draft file names written so far

    def to_json(self) -> dict:
        """Every field, dates as ISO text: the form an import is journalled in."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("personnes", "enfants"):
                value = [p.to_json() for p in value]
            elif f.name == "ressources":
                value = [r.to_json() for r in value]
            elif isinstance(value, date):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Dossier":
        dossier = cls()
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in ("personnes", "enfants"):
                value = [Personne.from_json(p) for p in value or []]
            elif f.name == "ressources":
                value = [Ressource(r["type"], r.get("montant")) for r in value or []]
            elif f.name in DOSSIER_DATE_FIELDS and value:
                value = date.fromisoformat(value)
            setattr(dossier, f.name, value)
        return dossier

    @property
    def nom_menage(self) -> str:
        """Surname used in file names: the first adult's, or "MENAGE"."""
        return self.personnes[0].nom if self.personnes else "MENAGE"


DOSSIER_DATE_FIELDS = DATE_FIELDS + (
    "date_entretien",
    "date_envoi_rapport",
    "date_debut_mesure",
    "date_fin_mesure",
    "date_ouverture",
    "date_gts",
    "reprise_depuis",
    *(f"{code}_date" for code in DISPOSITIFS),
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
