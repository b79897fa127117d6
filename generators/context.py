"""Everything the Word templates print, formatted in French, from a `Dossier` and a `Config`.

A value the documents don't give is never left blank: it becomes « [à compléter] », shown
with a yellow highlight in Word (see `Surligne` and `drafts._surligner`). The single table of
French labels, `LIBELLES`, names every tag the templates may use; `check_template` and the
list of fields to complete are built from it.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from markupsafe import escape

from asll.config import Config
from asll.model import OBJECTIFS, Dossier, Personne
from generators.formatting import (
    age_fr, date_fr, heure_fr, montant_fr, nom_complet, nom_fr,
)

A_COMPLETER = "[à compléter]"
A_VERIFIER = "(à vérifier)"
# Invisible separator (U+2063) around a highlighted value in the rendered XML; the draft is
# post-processed to turn the marked text into a run with a real Word highlight.
MARQUE = "\u2063"

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
    "departement": "Département (FSL)",
    # dossier
    "numero": "Numéro de dossier",
    "date_jour": "Date du document",
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
    "montant_dette": "Montant de la dette locative",
    "date_dette": "Date d'arrêté de la dette",
    "juridiction": "Juridiction",
    "date_audience": "Date de l'audience",
    "heure_audience": "Heure de l'audience",
    "commissaire_justice": "Commissaire de justice",
    "reference": "Référence de la procédure",
    "date_document": "Date de la saisine",
    "date_limite": "Date limite de transmission",
    # budget
    "ressources": "Ressources mensuelles",
    "total_ressources": "Total des ressources",
    "charges": "Charges mensuelles",
    "total_charges": "Total des charges",
    "reste_a_vivre": "Reste à vivre mensuel",
    # rédaction du travailleur social (DSF)
    "dates_entretien": "Date(s) de l'entretien ou des tentatives de contact",
    "date_transmission": "Date d'envoi du diagnostic au locataire et au bailleur",
    "accompagnement_existant": "Accompagnement social, juridique ou judiciaire en cours",
    "date_bail": "Date du bail",
    "logement": "Description du logement",
    "adequation_logement": "Adéquation du logement à la situation du ménage",
    "origine_dette": "Origine de la dette",
    "dispositifs": "Dispositifs de traitement de la dette",
    "reprise_paiement": "Reprise du paiement du loyer",
    "capacite_remboursement": "Capacité de remboursement",
    "preconisations": "Préconisations du rédacteur",
    "observations": "Observations écrites",
    "relogement": "Besoin de relogement et démarches",
    "ccapex": "Saisine de la CCAPEX",
    # ASLL (convention, bilan)
    "type_mesure": "Nature de la mesure",
    "prescripteur": "Prescripteur",
    "organisme_prescripteur": "Organisme prescripteur",
    "date_decision": "Date de la décision de la commission FSL",
    "date_debut": "Date de début de la mesure",
    "date_fin_prevue": "Date de fin prévue de la mesure",
    "date_evaluation": "Date de l'évaluation intermédiaire (3 mois)",
    "objectifs": "Objectifs de l'accompagnement",
    "objectifs_retenus": "Objectifs retenus",
    "precisions_objectifs": "Précisions sur les objectifs",
    "date_fin": "Date de fin de la mesure",
    "dette_debut": "Dette au début de la mesure",
    "dette_fin": "Dette à la fin de la mesure",
    "plan_apurement": "Plan d'apurement",
    "surendettement": "Dossier de surendettement",
    "duree_renouvellement": "Durée du renouvellement proposé",
}

LIBELLES_OBJECTIFS = {
    "projet_logement": "Élaborer et concrétiser un projet de logement adapté",
    "installation": "Réussir l'installation dans le logement (ouverture des droits, compteurs, assurance)",
    "budget": "Gérer le budget et assurer le paiement régulier du loyer et des charges",
    "dette_apurement": "Résorber la dette locative (plan d'apurement, aides du FSL)",
    "usage_logement": "Bien utiliser le logement et respecter les obligations du locataire",
    "integration": "S'insérer dans l'environnement (voisinage, quartier, services)",
}
LIBELLES_MESURE = {
    "acces": "accès au logement",
    "maintien": "maintien dans le logement",
    "renouvellement": "renouvellement",
    "diagnostic": "diagnostic",
}
LIBELLES_COMPOSITION = {"femme_seule": "Femme seule", "homme_seul": "Homme seul", "couple": "Couple"}
LIBELLES_STATUT = {
    "locataire_public": "Locataire du parc social",
    "locataire_prive": "Locataire du parc privé",
    "sous_locataire": "Sous-locataire",
    "heberge": "Hébergé",
    "proprietaire": "Propriétaire",
    "sans_logement": "Sans logement",
}
LIBELLES_RESSOURCE = {
    "salaire": "Salaires",
    "chomage": "Allocation chômage (France Travail)",
    "rsa": "Revenu de solidarité active (RSA)",
    "aah": "Allocation aux adultes handicapés (AAH)",
    "pension": "Pension, retraite",
    "prestations_familiales": "Prestations familiales",
    "apl": "Aide au logement (APL / AL)",
    "ij": "Indemnités journalières",
    "autre": "Autres ressources",
}
# Budget lines the service always asks for; only the rent is known from the documents.
CHARGES = ("Énergie (électricité, gaz)", "Eau", "Assurance habitation", "Téléphone, Internet",
           "Transports", "Crédits et remboursements", "Autres charges")
# Model fields whose tag has another name (for `champs_incertains`).
CHAMP_VERS_BALISE = {"loyer_mensuel": "loyer", "code_postal": "commune", "personnes": "menage",
                     "complement_adresse": "adresse", "nb_enfants": "nb_enfants"}


class Surligne(str):
    """Text shown highlighted in Word; compares and prints as its plain text elsewhere."""

    def __html__(self) -> str:  # used by Jinja2 when autoescape=True
        return f"{MARQUE}{escape(str(self))}{MARQUE}"


def a_completer() -> Surligne:
    return Surligne(A_COMPLETER)


def _val(value, fmt=str):
    return a_completer() if value is None or value == "" else fmt(value)


def _plus_mois(jour: date, mois: int) -> date:
    m = jour.month - 1 + mois
    annee, m = jour.year + m // 12, m % 12 + 1
    return date(annee, m, min(jour.day, calendar.monthrange(annee, m)[1]))


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


def build_context(dossier: Dossier, config: Config, aujourd_hui: date | None = None) -> dict:
    """Every value the templates use, formatted in French; missing ones are « [à compléter] »."""
    today = aujourd_hui or date.today()
    s = config.service
    ctx: dict = {
        "service_nom": _val(s.nom),
        "service_adresse": _val(s.adresse),
        "service_ville": _val(" ".join(x for x in (s.code_postal, s.commune) if x)),
        "service_commune": _val(s.commune),
        "service_telephone": _val(s.telephone),
        "service_courriel": _val(s.courriel),
        "service_signataire": _val(s.signataire),
        "service_fonction": _val(s.fonction_signataire),
        "departement": _val(s.departement),
        "numero": _val(dossier.numero),
        "date_jour": date_fr(today),
        "date_ouverture": _val(dossier.date_ouverture, date_fr),
    }

    # household
    adultes = [p for p in dossier.personnes if p.nom]
    ctx["personnes"] = [_personne(p, today) for p in adultes] or [_personne(Personne(""), today)]
    ctx["menage"] = _liste_fr([p["nom_complet"] for p in ctx["personnes"]]) if adultes else a_completer()
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
        ctx["enfants"] = [{"nom_complet": "Aucun enfant à charge", "date_naissance": "—", "age": "—",
                           "nom": "—", "prenom": "—"}]
    else:
        ctx["enfants"] = [_personne(Personne(""), today)]
    compo = LIBELLES_COMPOSITION.get(dossier.composition or "")
    if compo and nb is not None:
        compo += " sans enfant" if nb == 0 else f" avec {nb}\u00a0enfant" + ("s" if nb > 1 else "")
    ctx["composition"] = _val(compo)
    ctx["statut_occupation"] = _val(LIBELLES_STATUT.get(dossier.statut_occupation or "",
                                                        dossier.statut_occupation))

    # procedure
    ctx["bailleur"] = _val(dossier.bailleur)
    ctx["loyer"] = _val(dossier.loyer_mensuel, montant_fr)
    ctx["montant_dette"] = _val(dossier.montant_dette, montant_fr)
    ctx["date_dette"] = _val(dossier.date_dette, date_fr)
    ctx["juridiction"] = _val(dossier.juridiction)
    ctx["date_audience"] = _val(dossier.date_audience, date_fr)
    ctx["heure_audience"] = _val(dossier.heure_audience, heure_fr)
    ctx["commissaire_justice"] = _val(dossier.commissaire_justice)
    ctx["reference"] = _val(dossier.reference)
    ctx["date_document"] = _val(dossier.date_document, date_fr)
    ctx["date_limite"] = _val(dossier.date_limite, date_fr)

    # budget: resources, charges, amount left to live on
    ressources = [r for r in dossier.ressources if r.type]
    ctx["ressources"] = [{"libelle": LIBELLES_RESSOURCE.get(r.type, r.type),
                          "montant": _val(r.montant, montant_fr)} for r in ressources] \
        or [{"libelle": a_completer(), "montant": a_completer()}]
    connus = bool(ressources) and all(r.montant is not None for r in ressources)
    total_r = sum(r.montant for r in ressources) if connus else None
    ctx["total_ressources"] = _val(total_r, montant_fr)
    apl = [r.montant for r in ressources if r.type == "apl" and r.montant is not None]
    ctx["apl"] = montant_fr(sum(apl)) if apl else a_completer()
    charges = [("Loyer et charges locatives", dossier.loyer_mensuel)] + [(c, None) for c in CHARGES]
    ctx["charges"] = [{"libelle": lib, "montant": _val(m, montant_fr)} for lib, m in charges]
    total_c = sum(m for _, m in charges) if all(m is not None for _, m in charges) else None
    ctx["total_charges"] = _val(total_c, montant_fr)
    ctx["reste_a_vivre"] = _val(None if total_r is None or total_c is None else total_r - total_c,
                                montant_fr)

    # ASLL measure
    ctx["type_mesure"] = _val(LIBELLES_MESURE.get(dossier.type_mesure or "", dossier.type_mesure))
    ctx["prescripteur"] = _val(dossier.prescripteur)
    ctx["organisme_prescripteur"] = _val(dossier.organisme_prescripteur)
    debut = dossier.date_ouverture
    ctx["date_debut"] = _val(debut, date_fr)
    ctx["date_fin_prevue"] = _val(debut and _plus_mois(debut, 6) - timedelta(days=1), date_fr)
    ctx["date_evaluation"] = _val(debut and _plus_mois(debut, 3), date_fr)
    coches = list(dossier.objectifs)
    codes = list(OBJECTIFS) + [o for o in coches if o not in OBJECTIFS]
    ctx["objectifs"] = [{"case": "☒" if o in coches else "☐", "libelle": LIBELLES_OBJECTIFS.get(o, o)}
                        for o in codes]
    ctx["objectifs_retenus"] = [dict(o, commentaire=a_completer()) for o in ctx["objectifs"]
                                if o["case"] == "☒"] \
        or [{"case": "☐", "libelle": a_completer(), "commentaire": a_completer()}]

    # what only the worker can write: present in every template, highlighted until written
    for cle in ("dates_entretien", "date_transmission", "accompagnement_existant", "date_bail",
                "logement", "adequation_logement", "origine_dette", "dispositifs",
                "reprise_paiement", "capacite_remboursement", "preconisations", "observations",
                "relogement", "ccapex", "date_decision", "precisions_objectifs", "date_fin",
                "dette_debut", "dette_fin", "plan_apurement", "surendettement",
                "duree_renouvellement"):
        ctx[cle] = a_completer()

    # values an extraction was unsure of: shown highlighted, followed by « (à vérifier) »
    for champ in dossier.champs_incertains:
        cle = CHAMP_VERS_BALISE.get(champ, champ)
        valeur = ctx.get(cle)
        if isinstance(valeur, str) and not isinstance(valeur, Surligne):
            ctx[cle] = Surligne(f"{valeur} {A_VERIFIER}")

    ctx["champs_a_completer"] = champs_a_completer(ctx)
    return ctx


def champs_a_completer(ctx: dict) -> list[str]:
    """French labels of the fields still « [à compléter] » (or « à vérifier ») in a context."""
    out = []
    for cle, libelle in LIBELLES.items():
        valeur = ctx.get(cle)
        lignes = valeur if isinstance(valeur, list) else [valeur]
        if any(isinstance(v, Surligne) or (isinstance(v, dict) and any(
                isinstance(x, Surligne) for x in v.values())) for v in lignes):
            out.append(libelle)
    return out
