"""Everything the Word templates print, formatted in French, from a `Dossier` and a `Config`.

A value the documents and the register don't give is never left blank: it becomes
« [à compléter] », shown with a yellow highlight in Word (see `Surligne` and
`drafts._surligner`); a closed list nobody has chosen yet (plan d'apurement, motif de fin…)
shows its boxes ☐ highlighted. The table of tag labels, `LIBELLES`, names every tag the
templates may use; `check_template`, templates/CHAMPS.md and the list of fields still to
complete are built from it. Labels of the model's codes come from `asll.domain.labels`.
"""

from __future__ import annotations

import re
from datetime import date

from markupsafe import escape

from asll.config import Config, Intervenant, Secteur
from asll.domain import labels
from asll.domain.budget import budget, plan
from asll.domain.dates import add_months
from asll.domain.deadlines import (
    NOTIFICATION_DAYS_BEFORE_HEARING,
    late_notification,
    planned_measure_end,
)
from asll.domain.dossiers import RG_SHAPE, rg_number
from asll.domain.mesures import RENEWAL_MONTHS, is_acces, objectives_offered, renewals
from asll.domain.model import (
    DISPOSITIFS,
    MOTIFS_FIN,
    NON_SOLLICITE,
    OUI_NON,
    PLANS_APUREMENT,
    PROPOSITIONS,
    RELOGEMENTS,
    REPRISES_PAIEMENT,
    RESULTATS_OBJECTIF,
    SURENDETTEMENT,
    Dossier,
    Personne,
)
from asll.domain.text import fold
from generators.cases import MARQUE_CASE
from generators.formatting import (
    age_fr,
    date_fr,
    heure_fr,
    montant_fr,
    nom_complet,
    nom_fr,
    typo_fr,
)

A_COMPLETER = "[à compléter]"
A_VERIFIER = "(à vérifier)"
CASE, COCHEE = "☐", "☒"
# Invisible separators around a highlighted value in the rendered XML (U+2063), and around
# the tag it stands for (U+2064); the draft is post-processed to turn the marked text into a
# highlighted run inside a hidden bookmark named after the tag (see drafts._surligner).
MARQUE = "\u2063"
MARQUE_CLE = "\u2064"

# One table of French labels for every tag the templates may use (fields list, lint).
LIBELLES: dict[str, str] = {
    # service (letterhead, signatures)
    "service_nom": "Nom du service",
    "service_adresse": "Adresse du service",
    "service_ville": "Code postal et commune du service",
    "service_commune": "Commune du service",
    "service_telephone": "Téléphone du service",
    "service_courriel": "Courriel du service",
    "service_signataire": "Travailleur social (rédacteur)",
    "service_fonction": "Fonction du rédacteur",
    "redacteur_telephone": "Téléphone du rédacteur",
    "redacteur_courriel": "Courriel du rédacteur",
    "departement": "Département (FSL)",
    "fsl": "Fonds de solidarité pour le logement (FSL) du Département",
    "directeur": "Représentant légal du service",
    "fonction_directeur": "Fonction du représentant légal",
    "lieu_signature": "Lieu de signature (« Fait à »)",
    "date_signature": "Date de signature",
    # dossier
    "numero": "Numéro de dossier",
    "date_jour": "Date de signature",
    "date_ouverture": "Date d'ouverture du dossier",
    "menage": "Ménage",
    "nom_menage": "Nom du ménage",
    "personnes": "Adultes du ménage",
    "adresse": "Adresse du logement",
    "commune": "Code postal et commune du logement",
    "adresse_complete": "Adresse complète du logement",
    "composition": "Composition familiale",
    "nb_enfants": "Nombre d'enfants",
    "enfants": "Enfants",
    "statut_occupation": "Statut d'occupation",
    # procédure (ESU / DSF)
    "bailleur": "Bailleur",
    "loyer": "Loyer mensuel (charges comprises)",
    "apl": "Aide au logement (APL / AL)",
    "montant_dette": "Montant de la dette locative (à la demande)",
    "date_dette": "Date d'arrêté de la dette",
    "juridiction": "Juridiction",
    "date_audience": "Date de l'audience",
    "heure_audience": "Heure de l'audience",
    "commissaire_justice": "Commissaire de justice",
    "reference": "Référence de la préfecture",
    "numero_rg": "Numéro RG",
    "date_document": "Date de la saisine",
    "date_limite": "Date limite de transmission",
    "notification_tardive": "Notification tardive au préfet",
    "adresse_bailleur": "Adresse du bailleur",
    "mandataire": "Mandataire du bailleur",
    "loyer_hors_charges": "Loyer hors charges",
    "charges_locatives": "Charges locatives",
    "date_commandement": "Date du commandement de payer",
    "montant_commandement": "Montant du commandement de payer",
    "date_effet_clause": "Date d'acquisition de la clause résolutoire",
    "date_assignation": "Date de l'assignation",
    # budget (item 11) and plan (item 12)
    "ressources": "Ressources mensuelles",
    "total_ressources": "Total des ressources (hors aide au logement)",
    "charges": "Charges fixes hors loyer",
    "loyer_residuel": "Loyer résiduel (après aide au logement)",
    "reste_a_vivre": "Reste à vivre mensuel",
    "plan_propose": "Plan d'apurement proposé",
    # schemes (item 9) and resumption of payment (item 10)
    "dispositifs_dette": "Dispositifs de traitement de la dette",
    "case_aucun_dispositif": "Case « Aucun dispositif »",
    "reprise_depuis": "Reprise du paiement depuis le",
    "reprise_montant": "Montant versé par mois depuis la reprise",
    "reprise_versements": "Versements repris (partiels ou intégraux)",
    "nb_tentatives": "Nombre de tentatives de contact",
    # suivi de l'enquête (registre)
    "menage_rencontre": "Ménage rencontré",
    "date_entretien": "Date de l'entretien",
    "tentatives_contact": "Tentatives de contact (courriers, visites)",
    "tentatives_a_decrire": "Tentatives de contact à décrire (ménage non noté rencontré)",
    "date_envoi_rapport": "Date d'envoi du diagnostic au locataire et au bailleur",
    "motif_impaye": "Motif de l'impayé",
    "observations": "Observations écrites",
    # rédaction du travailleur social (DSF)
    "accompagnement_existant": "Accompagnement social, juridique et juridictionnel en cours",
    "date_bail": "Date du bail",
    "logement": "Description du logement",
    "adequation_logement": "Adéquation du logement à la situation du ménage",
    "origine_dette": "Origine de la dette",
    "dispositifs": "Précisions sur les dispositifs de traitement de la dette",
    "reprise_paiement": "Reprise du paiement du loyer",
    "capacite_remboursement": "Capacité de remboursement",
    "preconisations": "Préconisations du rédacteur",
    "demarches_relogement": "Besoin de relogement et démarches",
    "ccapex": "Saisine de la CCAPEX",
    # ASLL (convention, bilan)
    "type_mesure": "Nature de la mesure",
    "acces": "Mesure d'accès au logement (sans dette ni procédure)",
    "prescripteur": "Prescripteur",
    "organisme_prescripteur": "Organisme prescripteur",
    "date_decision": "Date de la décision de la commission FSL",
    "date_debut": "Date de début de la mesure",
    "date_fin_prevue": "Date de fin prévue de la mesure",
    "date_evaluation": "Date de l'évaluation intermédiaire (3 mois)",
    "objectifs": "Objectifs de l'accompagnement",
    "objectifs_retenus": "Objectifs retenus et résultats",
    "precisions_objectifs": "Précisions sur les objectifs",
    "date_fin": "Date de fin de la mesure",
    "duree_mesure": "Durée de la mesure",
    "renouvellements": "Nombre de renouvellements",
    "dette_debut": "Dette au début de la mesure",
    "dette_fin": "Dette à la fin de la mesure",
    "evolution_dette": "Évolution de la dette",
    "plan_apurement": "Plan d'apurement",
    "precisions_plan": "Précisions sur le plan d'apurement",
    "surendettement": "Dossier de surendettement",
    "precisions_surendettement": "Précisions sur le surendettement",
    "relogement": "Relogement",
    "precisions_relogement": "Précisions sur le relogement",
    "motif_fin": "Motif de fin de l'accompagnement",
    "proposition": "Proposition à la commission",
    "duree_renouvellement": "Durée du renouvellement proposé",
    # bilan: what the measure obtained
    "reprise_loyer": "Paiement du loyer courant",
    "date_reprise_loyer": "Loyer courant payé depuis le",
    "aide_fsl": "Aide du FSL obtenue",
    "aide_logement": "Aide au logement (APL / AL) perçue",
    "precisions_aides": "Précisions sur les aides obtenues (montants, dates)",
    "nb_entretiens": "Nombre d'entretiens",
    "nb_visites": "Nombre de visites à domicile",
    "avis_bailleur": "Avis du bailleur",
}

# Keys of the rows of the table loops (`{{ p.nom_complet }}` in `{%tr for p in personnes %}`).
LIBELLES_LIGNES: dict[str, str] = {
    "nom_complet": "Nom complet (civilité, prénom, NOM)",
    "nom": "Nom",
    "prenom": "Prénom",
    "date_naissance": "Date de naissance",
    "age": "Âge",
    "libelle": "Libellé de la ligne (ressource, charge, objectif, dispositif)",
    "montant": "Montant",
    "statut": "Statut du dispositif",
    "date": "Date (dispositif)",
    "case": "Case cochée si l'objectif est retenu",
    "resultat": "Résultat de l'objectif",
    "case_atteint": "Case « Atteint »",
    "case_partiel": "Case « Partiellement atteint »",
    "case_non_atteint": "Case « Non atteint »",
    "case_sans_objet": "Case « Sans objet »",
    "commentaire": "Commentaire",
}

# The current rent at the bilan: paid in full, in part, or not at all.
# Closed lists of the register shown as boxes: field -> {value: tag suffix}.
# Tag of a box: f"case_{field}_{suffix}", ☒ when the register holds that value.
CASES: dict[str, dict[str, str]] = {
    "menage_rencontre": dict(zip(OUI_NON, ("oui", "non"))),
    "plan_apurement": dict(zip(PLANS_APUREMENT, ("aucun", "en_place", "respecte", "non_respecte"))),
    "surendettement": dict(zip(SURENDETTEMENT, ("non", "depose", "plan"))),
    "relogement": dict(zip(RELOGEMENTS, ("non_concerne", "en_cours", "reloge"))),
    "motif_fin": dict(zip(MOTIFS_FIN, ("possible", "non_possible", "limites"))),
    "proposition": dict(zip(PROPOSITIONS, ("arret", "renouvellement"))),
    "reprise_paiement": dict(zip(REPRISES_PAIEMENT, ("aucune", "partielle", "integrale"))),
    # the bilan's boxes for the same register column, and aids obtained
    "reprise_loyer": dict(zip(REPRISES_PAIEMENT, ("aucune", "partielle", "totale"))),
    "aide_fsl": dict(zip(OUI_NON, ("oui", "non"))),
    "aide_logement": dict(zip(OUI_NON, ("oui", "non"))),
}
RESULTATS = dict(
    zip(RESULTATS_OBJECTIF, ("case_atteint", "case_partiel", "case_non_atteint", "case_sans_objet"))
)
for _champ, _valeurs in CASES.items():
    for _valeur, _suffixe in _valeurs.items():
        LIBELLES[f"case_{_champ}_{_suffixe}"] = f"Case « {_valeur} » ({LIBELLES[_champ]})"

# Model fields whose tag has another name (for `champs_incertains`).
CHAMP_VERS_BALISE = {
    "loyer_mensuel": "loyer",
    "code_postal": "commune",
    "personnes": "menage",
    "complement_adresse": "adresse",
    "nb_enfants": "nb_enfants",
    "charges": "charges_locatives",
    "type_logement": "logement",
}
# What only the worker writes, in Word: present in the templates, highlighted until written.
REDACTION = (
    "accompagnement_existant",
    "adequation_logement",
    "origine_dette",
    "dispositifs",
    "preconisations",
    "demarches_relogement",
    "ccapex",
    "date_decision",
    "precisions_objectifs",
    "precisions_plan",
    "precisions_surendettement",
    "precisions_relogement",
    "date_signature",
    "precisions_aides",
    "nb_entretiens",
    "nb_visites",
    "avis_bailleur",
)


class Surligne(str):
    """Text shown highlighted in Word; compares and prints as its plain text elsewhere.

    `cle` names the tag (or the row field) it stands for, so that a draft still holding it
    can say which field is missing (`drafts.champs_restants`).
    """

    cle: str = ""

    def __new__(cls, texte: str, cle: str = ""):
        obj = super().__new__(cls, texte)
        obj.cle = cle
        return obj

    def __html__(self) -> str:  # used by Jinja2 when autoescape=True
        cle = f"{MARQUE_CLE}{self.cle}{MARQUE_CLE}" if self.cle else ""
        return f"{MARQUE}{cle}{escape(str(self))}{MARQUE}"


class Case(str):
    """A check box, ☒ or ☐, that knows the register's field and value it stands for.

    Rendered, it carries `champ=valeur` between MARQUE_CASE characters, which the draft turns
    into the tag of a Word check-box content control (generators/cases.py); a box of a choice
    nobody made yet is highlighted (`cle`: the tag of the field to complete).
    """

    champ: str = ""
    valeur: str = ""
    cle: str = ""

    def __new__(cls, cochee: bool, champ: str = "", valeur: str = "", cle: str = ""):
        obj = super().__new__(cls, COCHEE if cochee else CASE)
        obj.champ, obj.valeur, obj.cle = champ, valeur, cle
        return obj

    def __html__(self) -> str:
        tag = f"{MARQUE_CASE}{escape(self.champ)}={escape(self.valeur)}{MARQUE_CASE}"
        tag = tag if self.champ else ""
        if self.cle:
            return f"{MARQUE}{MARQUE_CLE}{self.cle}{MARQUE_CLE}{tag}{self}{MARQUE}"
        return f"{tag}{self}"


def a_completer(cle: str = "") -> Surligne:
    return Surligne(A_COMPLETER, cle)


def libelle_champ(cle: str) -> str:
    """French label of a tag, or of a row field such as `resultat_budget`."""
    if cle in LIBELLES:
        return LIBELLES[cle]
    for prefixe, texte in (
        ("resultat_", "Résultat de l'objectif"),
        ("commentaire_", "Commentaire sur l'objectif"),
    ):
        if cle.startswith(prefixe):
            code = cle[len(prefixe) :]
            return f"{texte} « {labels.OBJECTIFS.get(code, code)} »"
    m = re.fullmatch(r"dispositif_(\w+?)_(statut|date|montant)", cle)
    if m and m.group(1) in DISPOSITIFS:
        return f"{DISPOSITIFS[m.group(1)][0]} : {m.group(2)}"
    return LIBELLES_LIGNES.get(cle, cle)


def _val(value, fmt=str):
    return a_completer() if value is None or value == "" else fmt(value)


def _duree_mois(debut: date, fin: date) -> int:
    """Length of a measure in whole months, rounded (1/9/2025 → 28/2/2026: 6 months)."""
    return round(((fin - debut).days + 1) / (365.25 / 12))


def _personne(p: Personne, aujourd_hui: date) -> dict:
    return {
        "nom_complet": nom_complet(p.nom, p.prenom, p.civilite) if p.nom else a_completer(),
        "nom": nom_fr(p.nom) if p.nom else a_completer(),
        "prenom": _val(p.prenom),
        "date_naissance": _val(p.date_naissance, date_fr),
        "age": age_fr(p.date_naissance, aujourd_hui) if p.date_naissance else a_completer(),
    }


def _liste_fr(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def _cases(ctx: dict, champ: str, valeur: str | None, exige: bool = True) -> None:
    """The boxes of a closed list: ☒ on the register's value; all highlighted when unset,
    unless the answer may stay unknown (`exige=False`)."""
    options = CASES[champ]
    connue = valeur in options
    for option, suffixe in options.items():
        cle = "" if connue or not exige else champ
        ctx[f"case_{champ}_{suffixe}"] = Case(option == valeur, champ, option, cle)
    ctx[champ] = valeur if connue else (a_completer() if exige else "Non connu")


def build_context(
    dossier: Dossier,
    config: Config,
    aujourd_hui: date | None = None,
    date_signature: date | None = None,
) -> dict:
    """Every value the templates use, formatted in French; missing ones are « [à compléter] ».

    `aujourd_hui` is the day ages are counted at; the date the document is signed is only
    printed when given (`date_signature`, the day a final version is made): a draft never
    prints today's date as if someone had signed it.
    """
    today = aujourd_hui or date.today()
    s = config.service
    redacteur = dossier.referent or s.signataire
    fiche = _intervenant(config, redacteur)
    secteur = _secteur(dossier, config)
    ctx: dict = {
        "service_nom": _val(s.nom),
        "service_adresse": _val(s.adresse),
        "service_ville": _val(" ".join(x for x in (s.code_postal, s.commune) if x)),
        "service_commune": _val(s.commune),
        "service_telephone": _val(s.telephone),
        "service_courriel": _val(s.courriel),
        # The sector's référent writes and signs for the dossier; else the service's signatory.
        "service_signataire": _val(redacteur),
        "service_fonction": _val(_fonction(redacteur, fiche, s)),
        "redacteur_telephone": _val((fiche and fiche.telephone) or s.telephone),
        "redacteur_courriel": _val((fiche and fiche.courriel) or s.courriel),
        "departement": _val(secteur.departement or s.departement),
        "directeur": _val(s.directeur),
        "fonction_directeur": _val(s.fonction_directeur),
        "lieu_signature": _val(secteur.ville or s.commune),
        "numero": _val(dossier.numero),
        "date_jour": _val(date_signature, date_fr),
        "date_ouverture": _val(dossier.date_ouverture, date_fr),
    }

    ctx["fsl"] = _val(
        secteur.fsl
        or (
            f"Fonds de solidarité pour le logement – {secteur.departement or s.departement}"
            if secteur.departement or s.departement
            else ""
        )
    )

    # household
    adultes = [p for p in dossier.personnes if p.nom]
    ctx["personnes"] = [_personne(p, today) for p in adultes] or [_personne(Personne(""), today)]
    ctx["menage"] = (
        _liste_fr([p["nom_complet"] for p in ctx["personnes"]]) if adultes else a_completer()
    )
    ctx["nom_menage"] = nom_fr(adultes[0].nom) if adultes else a_completer()
    rue = ", ".join(x for x in (dossier.adresse, dossier.complement_adresse) if x)
    ville = " ".join(x for x in (dossier.code_postal, dossier.commune) if x)
    ctx["adresse"] = _val(rue)
    ctx["commune"] = _val(ville)
    ctx["adresse_complete"] = _val(", ".join(x for x in (rue, ville) if x))

    enfants = [_personne(p, today) for p in dossier.enfants]
    nb = dossier.nb_enfants if dossier.nb_enfants is not None else (len(enfants) or None)
    ctx["nb_enfants"] = _val(nb)
    if enfants:
        ctx["enfants"] = enfants
    elif nb == 0:
        ctx["enfants"] = [
            {
                "nom_complet": "Aucun enfant à charge",
                "date_naissance": "—",
                "age": "—",
                "nom": "—",
                "prenom": "—",
            }
        ]
    else:
        ctx["enfants"] = [_personne(Personne(""), today)]
    compo = labels.COMPOSITIONS.get(dossier.composition or "")
    if compo and nb is not None:
        compo += " sans enfant" if nb == 0 else f" avec {nb}\u00a0enfant" + ("s" if nb > 1 else "")
    ctx["composition"] = _val(compo)
    ctx["statut_occupation"] = _val(
        labels.STATUTS_OCCUPATION.get(dossier.statut_occupation or "", dossier.statut_occupation)
    )

    # procedure (header, items 7 and 8): what the act and the letter state
    ctx["bailleur"] = _val(dossier.bailleur)
    ctx["adresse_bailleur"] = _val(dossier.adresse_bailleur)
    # Most landlords act without one: an act that names none is not a gap to fill.
    ctx["mandataire"] = dossier.mandataire or "Aucun mentionné dans les actes"
    ctx["logement"] = _val(dossier.type_logement)
    ctx["date_bail"] = _val(dossier.date_bail, date_fr)
    ctx["loyer_hors_charges"] = _val(dossier.loyer_hors_charges, montant_fr)
    ctx["charges_locatives"] = _val(dossier.charges, montant_fr)
    ctx["montant_dette"] = _val(dossier.montant_dette, montant_fr)
    ctx["date_dette"] = _val(dossier.date_dette, date_fr)
    ctx["date_commandement"] = _val(dossier.date_commandement, date_fr)
    ctx["montant_commandement"] = _val(dossier.montant_commandement, montant_fr)
    ctx["date_effet_clause"] = _val(dossier.date_effet_clause, date_fr)
    ctx["date_assignation"] = _val(dossier.date_assignation, date_fr)
    ctx["juridiction"] = _val(dossier.juridiction)
    ctx["date_audience"] = _val(dossier.date_audience, date_fr)
    ctx["heure_audience"] = _val(dossier.heure_audience, heure_fr)
    ctx["commissaire_justice"] = _val(dossier.commissaire_justice)
    # Two references, never one for the other: the court's RG and the préfecture's own.
    rg = rg_number(dossier.numero_rg) if dossier.numero_rg else None
    ref = dossier.reference
    if ref and not rg and RG_SHAPE.fullmatch(ref.strip()):
        rg, ref = rg_number(ref), None  # an act's RG, from a register before `numero_rg`
    if ref and rg and rg_number(ref) == rg:
        ref = None
    ctx["numero_rg"] = _val(rg)
    ctx["reference"] = _val(ref)
    ctx["date_document"] = _val(dossier.date_document, date_fr)
    ctx["date_limite"] = _val(dossier.date_limite, date_fr)
    jours = late_notification(dossier)
    ctx["notification_tardive"] = (
        False
        if jours is None
        else (
            f"Notification tardive : le préfet a été saisi le {date_fr(dossier.date_document)}, "
            f"soit {jours}\u00a0jours avant l'audience du {date_fr(dossier.date_audience)}, "
            f"moins que les six semaines ({NOTIFICATION_DAYS_BEFORE_HEARING}\u00a0jours) "
            "prévues par l'article 24 de la loi n° 89-462 du 6 juillet 1989."
        )
    )

    # the enquiry, as the register follows it
    _cases(ctx, "menage_rencontre", dossier.menage_rencontre)
    ctx["date_entretien"] = _val(dossier.date_entretien, date_fr)
    ctx["tentatives_contact"] = _val(dossier.tentatives_contact)
    ctx["tentatives_a_decrire"] = bool(
        dossier.tentatives_contact or fold(dossier.menage_rencontre or "") != "oui"
    )
    ctx["nb_tentatives"] = _val(dossier.nb_tentatives_contact, _tentatives)
    ctx["date_envoi_rapport"] = _val(dossier.date_envoi_rapport, date_fr)
    ctx["motif_impaye"] = _val(dossier.motif_impaye)
    ctx["observations"] = _val(dossier.observations)

    # item 9: each scheme with its status, date and amount
    non_rencontre = fold(dossier.menage_rencontre or "") == "non"
    ctx["dispositifs_dette"] = [
        _dispositif(dossier, code, libelle, non_rencontre)
        for code, (libelle, _) in DISPOSITIFS.items()
    ]
    statuts = [getattr(dossier, f"{code}_statut") for code in DISPOSITIFS]
    ctx["case_aucun_dispositif"] = Case(
        all(x == NON_SOLLICITE for x in statuts), "dispositifs", "aucun"
    )

    # item 10: resumption of payment
    _cases(ctx, "reprise_paiement", dossier.reprise_paiement, exige=not non_rencontre)
    ctx["reprise_versements"] = dossier.reprise_paiement in REPRISES_PAIEMENT[1:]
    ctx["reprise_depuis"] = _val(dossier.reprise_depuis, date_fr)
    ctx["reprise_montant"] = _val(dossier.reprise_montant, montant_fr)

    # item 11: the budget, computed from the register (asll/domain/budget.py)
    b = budget(dossier)
    autres = [r for r in dossier.ressources if r.type and r.type != "apl"]
    if dossier.ressources_mensuelles is not None or not autres:
        ctx["ressources"] = [
            {
                "libelle": "Ressources mensuelles du ménage",
                "montant": _val(b.ressources, montant_fr),
            }
        ]
    else:
        ctx["ressources"] = [
            {
                "libelle": labels.RESSOURCES_LONGUES.get(r.type, r.type),
                "montant": _val(r.montant, montant_fr),
            }
            for r in autres
        ]
    ctx["total_ressources"] = _val(b.ressources, montant_fr)
    ctx["loyer"] = _val(b.loyer, montant_fr)
    ctx["apl"] = _val(b.aide_logement, montant_fr)
    ctx["loyer_residuel"] = _val(b.loyer_residuel, montant_fr)
    ctx["charges"] = _val(b.charges, montant_fr)
    ctx["reste_a_vivre"] = _val(b.reste_a_vivre, montant_fr)

    # item 12: the proposed plan against the debt
    p = plan(dossier)
    ctx["capacite_remboursement"] = (
        "non évaluée sans le ménage"  # not demanded of a household not met
        if non_rencontre and dossier.plan_mensualite is None
        else _val(dossier.plan_mensualite, lambda m: f"{montant_fr(m)} par mois")
    )
    ctx["plan_propose"] = _val(p, _plan_fr)

    # ASLL measure
    ctx["acces"] = is_acces(dossier)
    ctx["type_mesure"] = _val(
        labels.TYPES_MESURE_LONGS.get(dossier.type_mesure or "", dossier.type_mesure)
    )
    ctx["prescripteur"] = _val(dossier.prescripteur)
    ctx["organisme_prescripteur"] = _val(dossier.organisme_prescripteur)
    debut = dossier.date_debut_mesure  # never the opening date: nobody said it started then
    fin = dossier.date_fin_mesure
    ctx["date_debut"] = _val(debut, date_fr)
    ctx["date_fin_prevue"] = _val(
        debut and planned_measure_end(debut, dossier.renouvellements or 0), date_fr
    )
    ctx["date_evaluation"] = _val(debut and add_months(debut, 3), date_fr)
    ctx["date_fin"] = _val(fin, date_fr)
    mois = _duree_mois(debut, fin) if debut and fin and fin >= debut else None
    ctx["duree_mesure"] = _val(mois, lambda n: f"{n}\u00a0mois")
    ctx["renouvellements"] = _val(renewals(dossier))

    coches = list(dossier.objectifs)
    codes = objectives_offered(dossier)
    ctx["objectifs"] = [
        {"case": Case(o in coches, "objectifs", o), "libelle": labels.OBJECTIFS_LONGS.get(o, o)}
        for o in codes
    ]
    resultats = dossier.resultats_objectifs or {}
    retenus = coches + [o for o in resultats if o not in coches]
    ctx["objectifs_retenus"] = [_objectif(o, resultats.get(o)) for o in retenus] or [
        {
            "case": Case(False),
            "libelle": a_completer(),
            "resultat": a_completer("objectifs_retenus"),
            "commentaire": a_completer(),
            **{c: Case(False, cle="objectifs_retenus") for c in RESULTATS.values()},
        }
    ]

    # debt at the request, at the start and at the end of the measure
    ctx["dette_debut"] = _val(dossier.dette_debut_mesure, montant_fr)
    ctx["dette_fin"] = _val(dossier.dette_fin_mesure, montant_fr)
    depart = (
        dossier.montant_dette if dossier.montant_dette is not None else dossier.dette_debut_mesure
    )
    ecart = (
        None
        if depart is None or dossier.dette_fin_mesure is None
        else dossier.dette_fin_mesure - depart
    )
    ctx["evolution_dette"] = _val(ecart, lambda e: ("+" if e > 0 else "") + montant_fr(e))
    for champ in ("plan_apurement", "surendettement", "relogement", "motif_fin", "proposition"):
        _cases(ctx, champ, getattr(dossier, champ))
    if ctx["acces"]:  # no debt to follow: the bilan says « Accès », as the 2004 seed does
        for cle in ("montant_dette", "date_dette", "dette_debut", "dette_fin", "evolution_dette"):
            ctx[cle] = labels.TYPES_MESURE["acces"]
    ctx["duree_renouvellement"] = f"{RENEWAL_MONTHS}\u00a0mois"

    # the bilan's results: the current rent, aids obtained (FSL from the register)
    _cases(ctx, "reprise_loyer", dossier.reprise_paiement)
    ctx["date_reprise_loyer"] = _val(dossier.reprise_depuis, date_fr)
    _cases(ctx, "aide_fsl", dossier.aide_fsl)
    _cases(ctx, "aide_logement", "Oui" if b.aide_logement else None)

    # what only the worker can write: present in the templates, highlighted until written
    for cle in REDACTION:
        ctx[cle] = a_completer()

    # values an extraction was unsure of: shown highlighted, followed by « (à vérifier) »
    for champ in dossier.champs_incertains:
        cle = CHAMP_VERS_BALISE.get(champ, champ)
        valeur = ctx.get(cle)
        if isinstance(valeur, str) and not isinstance(valeur, Surligne):
            ctx[cle] = Surligne(f"{valeur} {A_VERIFIER}")

    _finir(ctx)
    ctx["champs_a_completer"] = champs_a_completer(ctx)
    return ctx


def _intervenant(config: Config, nom: str | None) -> Intervenant | None:
    """The worker of this name in asll.toml ([[intervenants]]), case and accents aside."""
    cle = fold(nom or "")
    return next((i for i in config.intervenants if fold(i.nom) == cle), None) if cle else None


def _fonction(nom: str | None, fiche: Intervenant | None, service) -> str | None:
    """The writer's own job title: hers in asll.toml, the signatory's for the signatory;
    never another person's."""
    if fiche and fiche.fonction:
        return fiche.fonction
    if nom and fold(nom) == fold(service.signataire or ""):
        return service.fonction_signataire
    return None


NOMBRES = ("une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")


def _tentatives(n: int) -> str:
    """3 → « trois tentatives de contact » (the number in words up to ten)."""
    mot = NOMBRES[n - 1] if 1 <= n <= len(NOMBRES) else str(n)
    return f"{mot} tentative{'s' if n > 1 else ''} de contact"


def _dispositif(d: Dossier, code: str, libelle: str, non_rencontre: bool) -> dict:
    statut = getattr(d, f"{code}_statut")
    date_ = getattr(d, f"{code}_date")
    montant = getattr(d, f"{code}_montant")
    sollicite = bool(statut) and statut != NON_SOLLICITE
    # Without the household a status may stay unknown: said so, not demanded.
    inconnu = "Non connu" if non_rencontre else None
    return {
        "case": Case(sollicite, f"{code}_statut", statut or ""),
        "libelle": libelle,
        "statut": statut or inconnu or a_completer(f"dispositif_{code}_statut"),
        "date": date_fr(date_) if date_ else "—",
        "montant": montant_fr(montant) if montant is not None else "—",
    }


def _plan_fr(p) -> str:
    return _plan_montants_fr(p) + (
        " Sa durée dépasse les trois ans de délais de paiement que le juge peut accorder "
        "(article 24 de la loi n° 89-462 du 6 juillet 1989)."
        if p.beyond_judge_delays
        else ""
    )


def _plan_montants_fr(p) -> str:
    texte = f"{montant_fr(p.mensualite)} par mois pendant {p.mois} mois, soit {montant_fr(p.total)}"
    if p.dette is None:
        return texte + "."
    texte += f" pour une dette de {montant_fr(p.dette)}"
    if abs(p.reste) < 0.005:
        return texte + " : le plan solde la dette."
    if p.reste > 0:
        return texte + f" : il resterait {montant_fr(p.reste)} à régler au terme du plan."
    return texte + f" : le plan dépasse la dette de {montant_fr(-p.reste)}."


def _secteur(dossier: Dossier, config: Config) -> Secteur:
    """The dossier's sector as asll.toml describes it (an empty one when unknown)."""
    for secteur in config.secteurs:
        if dossier.secteur and secteur.nom == dossier.secteur:
            return secteur
    return Secteur(dossier.secteur or "")


def _objectif(code: str, resultat: str | None) -> dict:
    ligne = {
        "case": Case(True, "objectifs", code),
        "libelle": labels.OBJECTIFS_LONGS.get(code, code),
        "commentaire": a_completer(f"commentaire_{code}"),
    }
    if resultat in RESULTATS:
        ligne["resultat"] = resultat
        ligne.update({c: Case(r == resultat, f"resultat.{code}", r) for r, c in RESULTATS.items()})
    else:
        ligne["resultat"] = a_completer(f"resultat_{code}")
        ligne.update(
            {
                c: Case(False, f"resultat.{code}", r, f"resultat_{code}")
                for r, c in RESULTATS.items()
            }
        )
    return ligne


def _typo(valeur, cle: str):
    """French spacing on a value; highlighted values keep (or get) the tag they stand for."""
    if isinstance(valeur, Case):
        return valeur
    if isinstance(valeur, Surligne):
        return Surligne(typo_fr(str(valeur)), valeur.cle or cle)
    if isinstance(valeur, str):
        return typo_fr(valeur)
    return valeur


def _finir(ctx: dict) -> None:
    for cle, valeur in ctx.items():
        if isinstance(valeur, list):
            ctx[cle] = [{k: _typo(v, cle) for k, v in ligne.items()} for ligne in valeur]
        else:
            ctx[cle] = _typo(valeur, cle)


def champs_a_completer(ctx: dict, balises: set[str] | None = None) -> list[str]:
    """French labels of the fields still « [à compléter] » (or « à vérifier ») in a context,
    among `balises` (the tags of one template) when given."""
    out: list[str] = []
    for cle in LIBELLES:
        if balises is not None and cle not in balises:
            continue
        valeur = ctx.get(cle)
        lignes = valeur if isinstance(valeur, list) else [valeur]
        for v in lignes:
            for x in v.values() if isinstance(v, dict) else [v]:
                if isinstance(x, Surligne) or (isinstance(x, Case) and x.cle):
                    libelle = libelle_champ(x.cle or cle)
                    if libelle not in out:
                        out.append(libelle)
    return out
