"""Génère des familles de documents étiquetés pour mesurer la généralisation de l'extraction.

    python -m corpus.families DOSSIER [--n 12] [--graine 2025] [--scans 1]
    generate(out_dir, n_per_family=12, seed=2025, scans_per_family=1) -> list[dict]

Écrit DOSSIER/documents/<fichier> et DOSSIER/attendu/<fichier>.json (format de
corpus/attendu, plus "famille" et "reglage"), et DOSSIER/familles.json (le manifeste).

Une *famille* est une étude de commissaire de justice, une préfecture / DDETS ou le
formulaire d'un département : sa rédaction est fixe (formules, listes, civilités, dates,
montants, mise en page, format), les ménages changent d'un document à l'autre. Les
tournures s'inspirent des sources publiques de corpus/sources/ et des styles de
corpus/make_corpus.py ; personnes, études, rues et montants sont inventés, les communes,
codes postaux et tribunaux sont réels.

`reglage` dit si la famille est *réglée* (les auteurs des règles peuvent regarder ses
écarts) ou *tenue à l'écart* (on n'en publie que les scores). Ne changez pas ce partage
pour faire monter un chiffre : c'est la mesure de généralisation.

Sortie déterministe pour une graine donnée (reportlab invariant, dates fixes des archives).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from corpus import make_corpus as mc
from corpus.make_corpus import (
    MOIS,
    P,
    build_pdf,
    d_lettres,
    d_long,
    d_num,
    eur_lettres,
    h_lettres,
    lettres,
    lh_cartouche,
    lh_deux_colonnes,
    lh_filet,
    lh_logo,
    lh_pied,
    lh_prefecture,
    m_espace,
    m_point,
)

# --------------------------------------------------------------------------- données

NOMS = [
    "MARTIN",
    "LEROY",
    "MOREAU",
    "GIRARD",
    "BONNET",
    "FAURE",
    "ROUSSEL",
    "MERCIER",
    "BLANC",
    "GUERIN",
    "BOYER",
    "GARNIER",
    "CHEVALIER",
    "FRANCOIS",
    "LEGRAND",
    "GAUTHIER",
    "PERRIN",
    "ROBIN",
    "CLEMENT",
    "MORIN",
    "N'DIAYE",
    "DA COSTA",
    "LE GALL",
    "BEN SALEM",
    "DIALLO",
    "FERREIRA",
    "COULIBALY",
    "HAMIDI",
    "TRAORE",
    "NGUYEN",
    "LEFEVRE-DUBOIS",
    "SAINT-MARTIN",
    "BOUCHER",
    "MASSON",
    "HUET",
    "RENAUD",
    "BARBIER",
    "COLIN",
    "VIDAL",
    "AUBERT",
    "MEUNIER",
    "BRUNET",
    "CARPENTIER",
    "PICARD",
    "LAMBERT",
    "KACI",
    "BOUZID",
]
PRENOMS_H = [
    "Kévin",
    "Jérôme",
    "Mohamed",
    "Thierry",
    "Julien",
    "Sébastien",
    "Jean-Pierre",
    "Mickaël",
    "Yannick",
    "Karim",
    "Anthony",
    "Grégory",
    "Dylan",
    "Loïc",
    "Franck",
    "Amadou",
    "Cédric",
    "Hervé",
    "Joël",
    "Stéphane",
]
PRENOMS_F = [
    "Laura",
    "Sandrine",
    "Aïcha",
    "Nathalie",
    "Émilie",
    "Marie-Claire",
    "Jessica",
    "Fatima",
    "Océane",
    "Valérie",
    "Chloé",
    "Hélène",
    "Mélissa",
    "Nadia",
    "Brigitte",
    "Aurélie",
    "Josiane",
    "Inès",
    "Coralie",
    "Séverine",
]
LIEUX = [
    "Reims (51)",
    "Troyes (10)",
    "Dijon (21)",
    "Nancy (54)",
    "Metz (57)",
    "Lyon (69)",
    "Paris (75)",
    "Alger (Algérie)",
    "Dakar (Sénégal)",
    "Bamako (Mali)",
    "Porto (Portugal)",
    "Besançon (25)",
    "Limoges (87)",
    "Poitiers (86)",
    "Tours (37)",
    "Épinal (88)",
]
METIERS_H = [
    "chauffeur-livreur",
    "cariste",
    "agent d'entretien",
    "sans profession",
    "demandeur d'emploi",
    "retraité",
    "maçon",
    "employé de commerce",
]
METIERS_F = [
    "aide-soignante",
    "auxiliaire de vie",
    "sans profession",
    "employée de commerce",
    "agent de service",
    "retraitée",
    "demandeuse d'emploi",
    "assistante maternelle",
]
RUES = [
    "rue Victor Hugo",
    "avenue de la République",
    "allée des Tilleuls",
    "boulevard Gambetta",
    "impasse des Lilas",
    "place du Marché",
    "rue du 8 Mai 1945",
    "rue Pasteur",
    "rue Jean Jaurès",
    "cours Lafayette",
    "rue de l'Église",
    "chemin de la Croix Blanche",
    "rue des Écoles",
    "avenue du Général de Gaulle",
    "rue Anatole France",
    "rue Émile Zola",
]
COMPLEMENTS = [
    None,
    None,
    None,
    "Bâtiment B",
    "Appt 12",
    "Résidence Les Érables, Esc. 3",
    "3e étage gauche",
]

# (commune, code postal, juridiction, adresse du tribunal) — communes et tribunaux réels
VILLES = {
    "reims": [
        ("Reims", "51100", "Tribunal judiciaire de Reims", "Place Myron Herrick, 51100 Reims"),
        ("Tinqueux", "51430", "Tribunal judiciaire de Reims", "Place Myron Herrick, 51100 Reims"),
    ],
    "chalons": [
        (
            "Châlons-en-Champagne",
            "51000",
            "Tribunal judiciaire de Châlons-en-Champagne",
            "1 place du Palais, 51000 Châlons-en-Champagne",
        ),
        (
            "Vitry-le-François",
            "51300",
            "Tribunal de proximité de Vitry-le-François",
            "Place d'Armes, 51300 Vitry-le-François",
        ),
    ],
    "troyes": [
        (
            "Troyes",
            "10000",
            "Tribunal judiciaire de Troyes",
            "82 rue Général de Gaulle, 10000 Troyes",
        ),
        (
            "Sainte-Savine",
            "10300",
            "Tribunal judiciaire de Troyes",
            "82 rue Général de Gaulle, 10000 Troyes",
        ),
    ],
    "dijon": [
        ("Dijon", "21000", "Tribunal judiciaire de Dijon", "13 boulevard Clemenceau, 21000 Dijon"),
        (
            "Chenôve",
            "21300",
            "Tribunal judiciaire de Dijon",
            "13 boulevard Clemenceau, 21000 Dijon",
        ),
        (
            "Beaune",
            "21200",
            "Tribunal de proximité de Beaune",
            "2 avenue de la Sablière, 21200 Beaune",
        ),
    ],
    "nancy": [
        (
            "Nancy",
            "54000",
            "Tribunal judiciaire de Nancy",
            "Cité judiciaire, rue du Général Fabvier, 54000 Nancy",
        ),
        (
            "Lunéville",
            "54300",
            "Tribunal de proximité de Lunéville",
            "Place de la Fédération, 54300 Lunéville",
        ),
        (
            "Vandœuvre-lès-Nancy",
            "54500",
            "Tribunal judiciaire de Nancy",
            "Cité judiciaire, rue du Général Fabvier, 54000 Nancy",
        ),
    ],
    "poitiers": [
        (
            "Poitiers",
            "86000",
            "Tribunal judiciaire de Poitiers",
            "10 place Alphonse Lepetit, 86000 Poitiers",
        ),
        (
            "Châtellerault",
            "86100",
            "Tribunal de proximité de Châtellerault",
            "Place Émile Zola, 86100 Châtellerault",
        ),
    ],
    "macon": [
        ("Mâcon", "71000", "Tribunal judiciaire de Mâcon", "Place Saint-Pierre, 71000 Mâcon"),
        (
            "Chalon-sur-Saône",
            "71100",
            "Tribunal judiciaire de Chalon-sur-Saône",
            "Place du Palais de Justice, 71100 Chalon-sur-Saône",
        ),
    ],
    "perigueux": [
        (
            "Périgueux",
            "24000",
            "Tribunal judiciaire de Périgueux",
            "Place Francheville, 24000 Périgueux",
        ),
        (
            "Bergerac",
            "24100",
            "Tribunal judiciaire de Bergerac",
            "Place de la République, 24100 Bergerac",
        ),
    ],
    "besancon": [
        ("Besançon", "25000", "Tribunal judiciaire de Besançon", "1 rue Mégevand, 25000 Besançon"),
        (
            "Montbéliard",
            "25200",
            "Tribunal judiciaire de Montbéliard",
            "Place Saint-Martin, 25200 Montbéliard",
        ),
    ],
    "larochelle": [
        (
            "La Rochelle",
            "17000",
            "Tribunal judiciaire de La Rochelle",
            "10 rue du Palais, 17000 La Rochelle",
        ),
        (
            "Rochefort",
            "17300",
            "Tribunal de proximité de Rochefort",
            "Rue Pierre Loti, 17300 Rochefort",
        ),
    ],
    "tours": [
        ("Tours", "37000", "Tribunal judiciaire de Tours", "2 place Jean Jaurès, 37000 Tours"),
        (
            "Joué-lès-Tours",
            "37300",
            "Tribunal judiciaire de Tours",
            "2 place Jean Jaurès, 37000 Tours",
        ),
    ],
    "epinal": [
        ("Épinal", "88000", "Tribunal judiciaire d'Épinal", "Place Edmond Henry, 88000 Épinal"),
        (
            "Saint-Dié-des-Vosges",
            "88100",
            "Tribunal de proximité de Saint-Dié-des-Vosges",
            "Rue du Nouvel Hôpital, 88100 Saint-Dié-des-Vosges",
        ),
    ],
}

# bailleurs sociaux : (désignation longue, nom court attendu)
OPH = {
    "reims": ("Office Public de l'Habitat de Reims Métropole", "Reims Métropole Habitat"),
    "chalons": ("Office Public de l'Habitat de la Marne", "Marne Habitat"),
    "troyes": ("Office Public de l'Habitat de l'Aube", "Aube Habitat"),
    "dijon": ("Office Public de l'Habitat de la Côte-d'Or", "Côte-d'Or Habitat"),
    "nancy": ("Office Public de l'Habitat de Meurthe-et-Moselle", "Meurthe-et-Moselle Habitat"),
    "poitiers": ("Office Public de l'Habitat de la Vienne", "Vienne Habitat"),
    "macon": ("Office Public de l'Habitat de Saône-et-Loire", "Saône-et-Loire Habitat"),
    "perigueux": ("Office Public de l'Habitat de la Dordogne", "Dordogne Habitat"),
    "besancon": ("Office Public de l'Habitat du Doubs", "Doubs Habitat"),
    "larochelle": ("Office Public de l'Habitat de Charente-Maritime", "Atlantique Habitat"),
    "tours": ("Office Public de l'Habitat de Touraine", "Touraine Logement"),
    "epinal": ("Office Public de l'Habitat des Vosges", "Vosges Habitat"),
}
ESH = [
    "LOGIVAL",
    "HABITAT DU CENTRE-EST",
    "LES FOYERS DE L'EST",
    "DOMAINE ET FOYER",
    "VILLÉO HABITAT",
    "NOVALIS LOGEMENT",
]
SCI = [
    "SCI LES TILLEULS",
    "SCI DU PARC",
    "SCI LES GLYCINES",
    "SCI HORIZON",
    "SCI MARBEUF 2",
    "SCI FAMILLE ROCHE",
    "SCI LE CLOS FLEURI",
]
AGENCES = [
    "l'agence FONCIA Centre-Est",
    "la SARL Cabinet Moreau Gestion",
    "l'agence ORPI Immobilier du Centre",
    "la société CITYA Gestion",
]
COMMISSAIRES = {
    "reims": ["Arnaud MARCHAL", "Sophie MARCHAL-RENARD"],
    "poitiers": ["Claire VIGNAUD", "Bruno TESSIER"],
    "dijon": ["Pierre-Yves BERNARD"],
    "nancy": ["Jean-Luc WEBER", "Martine SCHMITT"],
    "tours": ["Laurent PELLETIER"],
    "larochelle": ["Delphine ROUX-MARTINEAU", "Éric GUILLON"],
    "macon": ["Gilles DUMONT", "Patricia LAGRANGE"],
    "perigueux": ["Bertrand DELPECH"],
    "besancon": ["Nicolas FAIVRE", "Isabelle VUILLEMIN"],
    "troyes": ["Hugues LACROIX"],
    "chalons": ["Agathe PONSARD"],
    "epinal": ["Denis CUNY"],
}
HEURES = ["09:00", "09:30", "10:00", "10:30", "13:30", "14:00", "14:30"]

# --------------------------------------------------------------------------- ménages


def _weekday_after(d: date, days: int, rng: random.Random) -> date:
    out = d + timedelta(days=days + rng.randrange(0, 20))
    while out.weekday() >= 5:
        out += timedelta(days=1)
    return out


def _montant(rng, lo, hi, rond=False) -> float:
    x = rng.uniform(lo, hi)
    return float(round(x)) if rond else round(x, 2)


def _personne(rng, femme: bool, nom: str | None = None, young=False) -> dict:
    y = rng.randrange(1988, 2003) if young else rng.randrange(1952, 1999)
    return {
        "femme": femme,
        "nom": nom or rng.choice(NOMS),
        "prenom": rng.choice(PRENOMS_F if femme else PRENOMS_H),
        "naissance": date(y, rng.randrange(1, 13), rng.randrange(1, 29)),
        "lieu": rng.choice(LIEUX),
        "metier": rng.choice(METIERS_F if femme else METIERS_H),
        "nee": None,
        "epouse": None,
        "veuve": None,
    }


def menage(
    rng: random.Random,
    region: str,
    bailleurs=("oph", "esh", "sci", "particulier"),
    modes=("seul", "seul", "marie", "couple", "consorts"),
) -> dict:
    """The facts of one household served an assignation (written differently by each family)."""
    mode = rng.choice(modes)
    if mode == "seul":
        pers = [_personne(rng, rng.random() < 0.55)]
        if pers[0]["femme"] and rng.random() < 0.25:
            pers[0]["veuve"] = rng.choice(NOMS)
    elif mode == "marie":
        h = _personne(rng, False)
        f = _personne(rng, True, nom=h["nom"])
        f["nee"] = rng.choice([n for n in NOMS if n != h["nom"]])
        pers = [h, f]
    elif mode == "couple":
        pers = [_personne(rng, False), _personne(rng, True)]
    else:  # consorts: a mother and her adult son, same name
        mere = _personne(rng, True)
        fils = _personne(rng, False, nom=mere["nom"], young=True)
        pers = [mere, fils]
    commune, cp, jur, jur_adr = rng.choice(VILLES[region])
    kind = rng.choice(bailleurs)
    if kind == "oph":
        long_, court = OPH[region]
        bailleur = {"kind": kind, "long": long_, "court": court, "attendu": court}
    elif kind == "esh":
        n = rng.choice(ESH)
        bailleur = {"kind": kind, "long": n, "court": n, "attendu": n}
    elif kind == "sci":
        n = rng.choice(SCI)
        bailleur = {"kind": kind, "long": n, "court": n, "attendu": n}
    else:
        b = _personne(rng, rng.random() < 0.4)
        bailleur = {
            "kind": kind,
            "pers": b,
            "long": f"{b['prenom']} {b['nom']}",
            "court": f"{b['prenom']} {b['nom']}",
            "attendu": f"{b['prenom']} {b['nom']}",
        }
    bailleur["mandataire"] = (
        rng.choice(AGENCES) if kind in ("sci", "particulier") and rng.random() < 0.6 else None
    )
    date_acte = date(2025, 9, 1) + timedelta(days=rng.randrange(0, 75))
    while date_acte.weekday() >= 5:
        date_acte += timedelta(days=1)
    date_cmdt = date_acte - timedelta(days=rng.randrange(75, 150))
    date_dette = date_acte - timedelta(days=rng.randrange(5, 40))
    base = _montant(rng, 290, 780, rond=rng.random() < 0.3)
    charges = None if rng.random() < 0.3 else _montant(rng, 20, 140, rond=rng.random() < 0.4)
    mensuel = base + (charges or 0)
    return {
        "mode": mode,
        "personnes": pers,
        "numero": str(rng.randrange(1, 120)) + rng.choice(["", "", "", " bis"]),
        "rue": rng.choice(RUES),
        "complement": rng.choice(COMPLEMENTS),
        "commune": commune,
        "cp": cp,
        "juridiction": jur,
        "tribunal_adresse": jur_adr,
        "bailleur": bailleur,
        "loyer": (base, charges),
        "commandement": round(mensuel * rng.randrange(2, 5), 2),
        "date_cmdt": date_cmdt,
        "dette": round(mensuel * rng.uniform(3, 9), 2),
        "date_dette": date_dette,
        "audience": _weekday_after(date_acte, 55, rng),
        "heure": rng.choice(HEURES),
        "commissaire": rng.choice(COMMISSAIRES[region]),
        "date_acte": date_acte,
        "rg": f"25/{rng.randrange(100, 9999):04d}",
        "art700": float(rng.choice([300, 400, 500, 800])),
        "cout": round(rng.uniform(60, 95), 2),
        "region": region,
    }


def adresse(h) -> str:
    return f"{h['numero']} {h['rue']}"


def statut(h) -> str:
    return "locataire_public" if h["bailleur"]["kind"] in ("oph", "esh") else "locataire_prive"


def loyer_total(h) -> float:
    base, charges = h["loyer"]
    return round(base + (charges or 0), 2)


def civilite_attendue(p) -> str:
    return "Mme" if p["femme"] else "M."


def attendu_acte(
    fichier,
    h,
    type_document="assignation",
    *,
    naissance=True,
    rg=True,
    loyer=True,
    dette=True,
    commissaire=True,
    **kw,
) -> dict:
    """The expected JSON: only what the document prints."""
    base = dict(
        personnes=[
            P(civilite_attendue(p), p["nom"], p["prenom"], p["naissance"] if naissance else None)
            for p in h["personnes"]
        ],
        adresse=adresse(h),
        complement_adresse=h["complement"],
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=h["bailleur"]["attendu"],
        loyer_mensuel=loyer_total(h) if loyer else None,
        montant_dette=h["dette"] if dette else None,
        date_dette=h["date_dette"] if dette else None,
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"] if commissaire else None,
        reference=h["rg"] if rg else None,
        date_document=h["date_acte"],
        statut_occupation=statut(h),
    )
    base.update(kw)
    return mc.attendu(fichier, type_document, **base)


# --------------------------------------------------------------------------- écritures


def sans_accents(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def ville_maj(h, accents=True) -> str:
    v = h["commune"].upper()
    return v if accents else sans_accents(v)


def montant(x: float, style: str) -> str:
    if style == "point":
        return f"{m_point(x)} €"
    if style == "euros":
        return f"{m_espace(x)} euros"
    if style == "lettres":
        return f"{eur_lettres(x)} ({m_espace(x)} €)"
    if style == "eur":
        return f"{m_espace(x)} EUR"
    return f"{m_espace(x)} €"


def jour(d: date, style: str) -> str:
    if style == "num":
        return d_num(d)
    if style == "points":
        return d_num(d, ".")
    if style == "lettres":
        return d_lettres(d)
    if style == "jour":
        return d_long(d, True)
    return d_long(d)


def heure(hh: str, style: str) -> str:
    h_, m_ = int(hh[:2]), hh[3:]
    if style == "h":
        return f"{h_} h {m_}" if m_ != "00" else f"{h_} h"
    if style == "H":
        return f"{hh[:2]}H{m_}"
    if style == "lettres":
        return h_lettres(hh)
    if style == "heures":
        return f"{h_} heures" + (f" {m_}" if m_ != "00" else "")
    return f"{hh[:2]}h{m_}"


CIV = {"abr": ("M.", "Mme"), "long": ("Monsieur", "Madame"), "caps": ("MONSIEUR", "MADAME")}


def personne_txt(p, st: dict) -> str:
    """One défendeur as a family writes it."""
    civ = CIV[st["civ"]][1 if p["femme"] else 0]
    if (
        st.get("mlle")
        and p["femme"]
        and not p["nee"]
        and not p["veuve"]
        and p["naissance"].year > 1990
    ):
        civ = "Mademoiselle" if st["civ"] != "abr" else "Mlle"
    nom = f"{p['nom']} {p['prenom']}" if st.get("nom_avant") else f"{p['prenom']} {p['nom']}"
    s = f"{civ} {nom}"
    if p["nee"]:
        s += f" née {p['nee']}"
    if p["veuve"]:
        s += f", veuve {p['veuve']}"
    n = p["naissance"]
    e = "e" if p["femme"] else ""
    b = st.get("naissance", "long")
    if b == "long":
        s += f", né{e} le {d_long(n)} à {p['lieu']}"
    elif b == "num":
        s += f", né(e) le {d_num(n)} à {p['lieu'].split(' (')[0].upper()}"
    elif b == "lettres":
        s += f", né{e} le {d_lettres(n)} à {p['lieu']}"
    if st.get("metier"):
        s += (
            f", de nationalité française, {p['metier']}"
            if st["metier"] == "nat"
            else f", profession : {p['metier']}"
        )
    return s


LISTES = {
    "slash": "{i}/ ",
    "degre": "{i}°) ",
    "lettre": "{a}) ",
    "tiret": "- ",
    "puce": "• ",
    "aucun": "",
}


def defendeurs(h, st: dict) -> list[str]:
    """Lines of the défendeurs block (several list and grouping styles)."""
    pers = h["personnes"]
    grp = st.get("groupe")
    if grp == "joint" and h["mode"] == "marie":
        a, b = pers
        civ = CIV[st["civ"]]
        nais = ""
        if st.get("naissance") != "aucune":
            nais = (
                f", nés respectivement le {d_num(a['naissance'])} à {a['lieu']} et le "
                f"{d_num(b['naissance'])} à {b['lieu']}"
            )
        return [f"{civ[0]} et {civ[1]} {a['prenom']} et {b['prenom']} {a['nom']}{nais}"]
    lines = [personne_txt(p, st) for p in pers]
    style = LISTES[st.get("liste", "aucun")]
    out = [style.format(i=i + 1, a="abcdefg"[i]) + t for i, t in enumerate(lines)]
    if grp == "epoux" and h["mode"] == "marie":
        out.insert(0, f"Les époux {pers[0]['nom']}, savoir :")
    elif grp == "consorts" and h["mode"] == "consorts":
        out.insert(0, f"Les consorts {pers[0]['nom']}, savoir :")
    return out


def adresse_txt(h, accents=True) -> str:
    c = f"{h['complement']}, " if h["complement"] else ""
    return f"{c}{adresse(h)}, {h['cp']} {ville_maj(h, accents)}"


def requerant(h, st: dict) -> str:
    b = h["bailleur"]
    if b["kind"] == "oph":
        s = (
            f"l'{b['long']}, dit « {b['court']} », établissement public à caractère industriel "
            f"et commercial, dont le siège est à {h['commune']}, agissant poursuites et "
            "diligences de son directeur général"
        )
    elif b["kind"] == "esh":
        s = (
            f"la société anonyme d'habitations à loyer modéré {b['court']}, Entreprise Sociale "
            "pour l'Habitat, au capital de 1 250 000 €, immatriculée au RCS sous le numéro "
            "000 000 000, agissant poursuites et diligences de ses représentants légaux"
        )
    elif b["kind"] == "sci":
        s = (
            f"la {b['court']}, société civile immobilière au capital de 1 000 €, dont le siège "
            f"est {h['cp']} {h['commune']}, prise en la personne de son gérant"
        )
    else:
        p = b["pers"]
        civ = CIV[st["civ"]][1 if p["femme"] else 0]
        s = f"{civ} {p['prenom']} {p['nom']}, {p['metier']}, demeurant {h['cp']} {h['commune']}"
    if b["mandataire"]:
        s += f", représenté(e) par son mandataire {b['mandataire']}"
    return s


# --------------------------------------------------------------------------- assignations


def acte(h, F) -> list:
    """Blocks of an assignation in the style of family F (its 'st' dict)."""
    st = F["st"]
    d = h["date_acte"]
    dj, mt, hr = st["dates"], st["montants"], st["heure"]
    out = []
    if st.get("rg"):
        out.append(("r", f"N° RG : {h['rg']}"))
    if st.get("ref_etude"):
        out.append(("r", f"Réf. étude : {d.year % 100}-{h['rg'][3:]}/{st['ref_etude']}"))
    out.append(("t", st["titre"]))
    if st.get("tableau"):
        out.append(
            (
                "tab",
                [
                    [
                        "Requérant",
                        h["bailleur"]["long"]
                        if h["bailleur"]["kind"] != "oph"
                        else f"{h['bailleur']['court']}",
                    ],
                    [
                        "Défendeur(s)",
                        " ; ".join(f"{p['nom']} {p['prenom']}" for p in h["personnes"]),
                    ],
                    ["Juridiction", h["juridiction"]],
                    ["Audience", f"{d_num(h['audience'])} à {heure(h['heure'], 'h')}"],
                ],
            )
        )
        out.append(("sp", 3))
    if st["an"] == "lettres":
        j = "premier" if d.day == 1 else lettres(d.day)
        out.append(
            ("l", f"L'AN {lettres(d.year).upper()} ET LE {j.upper()} {MOIS[d.month - 1].upper()}")
        )
    elif st["an"] == "lettres_min":
        out.append(
            (
                "p",
                f"L'an {lettres(d.year)}, le {'premier' if d.day == 1 else lettres(d.day)} "
                f"{MOIS[d.month - 1]},",
            )
        )
    else:
        out.append(("p", f"Le {jour(d, dj)},"))
    intro = {
        "requete": "À LA REQUÊTE DE :",
        "demande": "À la demande de :",
        "requerant": "REQUÉRANT :",
    }[st["req_intro"]]
    out.append(("b", intro))
    out.append(("i", requerant(h, st)[0].upper() + requerant(h, st)[1:] + "."))
    if st.get("avocat"):
        out.append(
            (
                "p",
                f"Ayant pour avocat Maître {st['avocat']}, avocat au barreau de "
                f"{st['barreau']}, au cabinet duquel il est fait élection de domicile.",
            )
        )
    titre_off = "huissier de justice" if st.get("huissier") else "commissaire de justice"
    if st["cj"] == "nous":
        out.append(
            (
                "p",
                f"Nous, {h['commissaire']}, {titre_off} associé(e) de la {st['office']}, "
                "titulaire d'un office à la résidence de "
                f"{VILLES[h['region']][0][0]}, soussigné(e),",
            )
        )
        out.append(("b", "AVONS DONNÉ ASSIGNATION À :"))
    elif st["cj"] == "jai":
        out.append(
            (
                "p",
                f"J'ai, {h['commissaire']}, {titre_off} au sein de la {st['office']}, "
                "soussigné(e),",
            )
        )
        out.append(("b", "DONNÉ ASSIGNATION À :"))
    else:  # maitre
        out.append(("p", f"J'AI, Maître {h['commissaire']}, {titre_off.upper()} SOUSSIGNÉ(E),"))
        out.append(("b", "DONNÉ ASSIGNATION À"))
    for t in defendeurs(h, st):
        out.append(("i", t + ("," if not t.endswith(":") else "")))
    acc = st.get("accents", True)
    out.append(
        (
            "i",
            ("demeurant ensemble " if len(h["personnes"]) > 1 else "demeurant ")
            + adresse_txt(h, acc),
        )
    )
    out.append(("b", st.get("comparaitre", "D'AVOIR À COMPARAÎTRE :")))
    jur = h["juridiction"]
    jur_txt = jur.upper() if st.get("jur_caps") else jur
    if st.get("pres") and "proximité" in jur:
        tj = {
            "Beaune": "Dijon",
            "Lunéville": "Nancy",
            "Châtellerault": "Poitiers",
            "Rochefort": "La Rochelle",
            "Vitry-le-François": "Châlons-en-Champagne",
            "Saint-Dié-des-Vosges": "Épinal",
        }[jur.removeprefix("Tribunal de proximité de ")]
        jur_txt = f"près le Tribunal judiciaire de {tj}, siégeant au {jur}"
    hv = st["audience"]
    when_d, when_h = jour(h["audience"], "jour" if dj == "long" else dj), heure(h["heure"], hr)
    if hv == "publique":
        out.append(
            (
                "p",
                f"devant le juge des contentieux de la protection {('du ' + jur_txt) if not jur_txt.startswith('près') else jur_txt}, "
                f"{h['tribunal_adresse']}, à l'audience publique du {when_d} à {when_h}.",
            )
        )
    elif hv == "appelee":
        out.append(
            (
                "p",
                f"Par-devant Madame ou Monsieur le Juge des contentieux de la protection "
                f"{('du ' + jur_txt) if not jur_txt.startswith('près') else jur_txt}, siégeant "
                f"{h['tribunal_adresse']}. L'affaire sera appelée à l'audience du "
                f"{when_d} à {when_h}.",
            )
        )
    else:  # tenue
        out.append(
            (
                "p",
                f"Le {when_d}, à {when_h}, à l'audience du juge des contentieux de la "
                f"protection {('du ' + jur_txt) if not jur_txt.startswith('près') else jur_txt}, "
                f"qui se tiendra {h['tribunal_adresse']}.",
            )
        )
    out.append(("h", "TRÈS IMPORTANT"))
    out.append(
        (
            "p",
            "Vous êtes tenu(e) de comparaître en personne ou de vous faire représenter. "
            "À défaut, vous vous exposez à ce qu'un jugement soit rendu contre vous sur "
            "les seuls éléments fournis par votre adversaire.",
        )
    )
    out.append(("h", "OBJET DE LA DEMANDE"))
    base, charges = h["loyer"]
    if charges and st.get("loyer") != "total":
        out.append(
            (
                "p",
                f"Suivant bail sous seing privé, le requérant a donné en location aux "
                f"défendeurs un logement à usage d'habitation moyennant un loyer mensuel de "
                f"{montant(base, mt)}, outre une provision sur charges de {montant(charges, mt)}.",
            )
        )
    else:
        tot = loyer_total(h)
        q = " charges comprises" if charges else ""
        out.append(("p", f"Le loyer mensuel courant s'élève à {montant(tot, mt)}{q}."))
    out.append(
        (
            "p",
            f"Un commandement de payer visant la clause résolutoire a été délivré le "
            f"{jour(h['date_cmdt'], dj)} pour la somme de {montant(h['commandement'], mt)}, "
            "lequel est demeuré infructueux pendant plus de six semaines.",
        )
    )
    dette_v = st.get("dette", "arretee")
    if dette_v == "arretee":
        out.append(
            (
                "p",
                f"Les défendeurs restent devoir la somme de {montant(h['dette'], mt)} "
                f"selon décompte arrêté au {jour(h['date_dette'], dj)}, terme courant inclus.",
            )
        )
    elif dette_v == "decompte":
        out.append(
            (
                "p",
                f"Selon décompte arrêté à la date du {jour(h['date_dette'], dj)}, l'arriéré "
                f"locatif s'élève à la somme de {montant(h['dette'], mt)}.",
            )
        )
    else:
        out.append(
            (
                "p",
                f"À la date du {jour(h['date_dette'], dj)}, la dette locative s'élevait à "
                f"{montant(h['dette'], mt)} (décompte arrêté au {jour(h['date_dette'], dj)}).",
            )
        )
    out.append(
        (
            "p",
            "Une copie de la présente assignation sera notifiée au représentant de l'État "
            "dans le département au moins six semaines avant l'audience, afin qu'il saisisse "
            "l'organisme compétent en vue de la réalisation d'un diagnostic social et "
            "financier. La commission de coordination des actions de prévention des "
            "expulsions locatives (CCAPEX) a été informée.",
        )
    )
    out.append(("h", "PAR CES MOTIFS"))
    out.append(
        ("i", "– CONSTATER l'acquisition de la clause résolutoire et la résiliation du bail ;")
    )
    out.append(("i", "– ORDONNER l'expulsion des défendeurs et de tous occupants de leur chef ;"))
    out.append(
        (
            "i",
            f"– CONDAMNER les défendeurs au paiement de la somme de {montant(h['dette'], mt)}, "
            "sauf à parfaire ;",
        )
    )
    out.append(
        (
            "i",
            f"– Les CONDAMNER à payer {montant(h['art700'], mt)} au titre de l'article 700 "
            "du code de procédure civile et aux entiers dépens.",
        )
    )
    out.append(("h", "SOUS TOUTES RÉSERVES"))
    out.append(("p", f"Coût de l'acte : {montant(h['cout'], 'espace')}"))
    out.append(("r", f"{h['commissaire']}\n{titre_off.capitalize()}"))
    return out


def lh_family(F):
    """The letterhead callback of an assignation family (reused make_corpus letterheads)."""
    kind, lines = F["entete"]
    if kind == "deux":
        return lh_deux_colonnes(lines[0], lines[1], lines[2])
    if kind == "logo":
        return lh_logo(lines[0], lines[1])
    return {"cartouche": lh_cartouche, "pied": lh_pied, "filet": lh_filet}[kind](lines)


# --------------------------------------------------------------------------- sources 26 à 29
# Families built from corpus/sources/26 to 29 (issue 14, second round): a préfecture letter
# in the wording of the force-publique stage (« Affaire : X c/ Y », the procedure told in
# the letter's own sentences), a DDETS letter in numbered rubrics (guide of 2005), and an
# assignation laid out like the Paris pôle civil de proximité (DEMANDERESSE / DÉFENDEURS
# blocks, the civility alone on its line, RG and Portalis numbers).

VILLES.update(
    {
        "grenoble": [
            (
                "Grenoble",
                "38000",
                "Tribunal judiciaire de Grenoble",
                "Place Firmin Gautier, 38000 Grenoble",
            ),
            (
                "Échirolles",
                "38130",
                "Tribunal judiciaire de Grenoble",
                "Place Firmin Gautier, 38000 Grenoble",
            ),
            (
                "Vienne",
                "38200",
                "Tribunal judiciaire de Vienne",
                "Place Charles de Gaulle, 38200 Vienne",
            ),
        ],
        "amiens": [
            (
                "Amiens",
                "80000",
                "Tribunal judiciaire d'Amiens",
                "14 rue Robert de Luzarches, 80000 Amiens",
            ),
            (
                "Abbeville",
                "80100",
                "Tribunal de proximité d'Abbeville",
                "Place de l'Amiral Courbet, 80100 Abbeville",
            ),
            (
                "Péronne",
                "80200",
                "Tribunal de proximité de Péronne",
                "Rue Louis XI, 80200 Péronne",
            ),
        ],
        "paris": [
            (
                "Paris",
                "75011",
                "Tribunal judiciaire de Paris",
                "Parvis du Tribunal de Paris, 75017 Paris",
            ),
            (
                "Paris",
                "75019",
                "Tribunal judiciaire de Paris",
                "Parvis du Tribunal de Paris, 75017 Paris",
            ),
            (
                "Saint-Ouen-sur-Seine",
                "93400",
                "Tribunal de proximité de Saint-Ouen-sur-Seine",
                "8 rue Godillot, 93400 Saint-Ouen-sur-Seine",
            ),
        ],
    }
)
OPH.update(
    {
        "grenoble": ("Office Public de l'Habitat de l'Isère", "Alpes Isère Habitat"),
        "amiens": ("Office Public de l'Habitat d'Amiens Métropole", "Amiens Habitat"),
        "paris": ("Office Public de l'Habitat de la Ville de Paris", "Paris Habitat"),
    }
)
COMMISSAIRES.update(
    {
        "grenoble": ["Mathieu ROCHAS", "Anne-Laure BERTHET"],
        "amiens": ["Jérôme DUFLOT"],
        "paris": ["Karine LE GUEN", "Olivier NGUYEN-BARAT"],
    }
)


def _bailleur_designation(h) -> str:
    """The landlord as a letter of the préfecture names it: long name, short name after."""
    b = h["bailleur"]
    if b["kind"] == "oph":
        return f"l'{b['long']}, dit « {b['court']} »"
    if b["kind"] == "esh":
        return f"la SA d'HLM {b['court']}"
    if b["kind"] == "sci":
        return f"la société civile immobilière {b['court']}"
    return f"{'Madame' if b['pers']['femme'] else 'Monsieur'} {b['court']}"


def lettre_affaire(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """Préfecture letter (source 26): « Affaire : bailleur c/ locataires », the procedure
    in the letter's own sentences, NOM Prénom with the civility abbreviated."""
    st = L["st"]
    pers = h["personnes"]
    noms = " et ".join(dict.fromkeys(p["nom"] for p in pers))
    b = h["bailleur"]
    qui = " et ".join(f"{'Mme' if p['femme'] else 'M.'} {p['nom']} {p['prenom']}" for p in pers)
    notif = h["date_acte"] + timedelta(days=2)
    corps = [
        ("b", f"Objet : {st['objet']}"),
        ("b", f"Affaire : {b['court']} c/ {noms}"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"Mes services ont été destinataires le {d_long(notif)} de l'assignation "
            f"délivrée le {d_long(h['date_acte'])} par Maître {h['commissaire']}, commissaire "
            f"de justice, à l'encontre de {qui}, occupant{'s' if len(pers) > 1 else ''} du "
            f"logement sis {adresse(h)}, {h['cp']} {h['commune'].upper()}, faisant suite à un "
            f"commandement de payer du {d_num(h['date_cmdt'])} resté infructueux.",
        ),
        (
            "p",
            f"Le bailleur, {_bailleur_designation(h)}, sollicite la résiliation du bail et "
            f"l'expulsion des occupants pour une dette locative de {m_espace(h['dette'])} euros "
            f"arrêtée au {d_long(h['date_dette'])}, le loyer courant charges comprises étant de "
            f"{m_espace(loyer_total(h))} euros par mois.",
        ),
        (
            "p",
            f"L'affaire sera appelée le {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'heures')} devant le juge des contentieux de la protection "
            f"du {h['juridiction']}.",
        ),
        (
            "p",
            "Afin d'éclairer la décision du juge puis, le cas échéant, l'examen d'une demande "
            "de concours de la force publique, je vous saurais gré de bien vouloir procéder "
            "à l'évaluation sociale de ce ménage (composition familiale, ressources, démarches "
            "engagées en vue de la résorption de la dette auprès du bailleur) et de me la "
            f"retourner avant le {d_long(limite)}.",
        ),
        ("p", "Je vous prie d'agréer, Madame, Monsieur, l'assurance de ma considération."),
        ("r", st["signature"]),
    ]
    att = dict(
        personnes=[P(civilite_attendue(p), p["nom"], p["prenom"]) for p in pers],
        adresse=adresse(h),
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=b["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )
    return corps, att


def lettre_rubriques(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """DDETS letter in numbered rubrics (source 27): MADAME / MONSIEUR in capitals under
    a) b), amounts 1.234,56 €, the dwelling with its complement after the street."""
    st = L["st"]
    pers = h["personnes"]
    b = h["bailleur"]
    lignes = []
    for i, p in enumerate(pers):
        e = "e" if p["femme"] else ""
        lignes.append(
            (
                "i",
                f"{'ab'[i]}) {'MADAME' if p['femme'] else 'MONSIEUR'} {p['prenom']} {p['nom']}"
                f", né{e} le {d_num(p['naissance'])}",
            )
        )
    if b["kind"] == "oph":
        bail = f"{b['court']} ({b['long']})"
    elif b["kind"] == "particulier":
        bail = f"{'Mme' if b['pers']['femme'] else 'M.'} {b['court']}, propriétaire"
    else:
        bail = b["court"]
    if b["mandataire"]:
        bail += f", représenté(e) par {b['mandataire']}"
    comp = f", {h['complement']}" if h["complement"] else ""
    corps = [
        ("b", f"Objet : {st['objet']}"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            "En application du III de l'article 24 de la loi n° 89-462 du 6 juillet 1989, "
            "je vous saisis de la situation du ménage désigné ci-dessous, assigné aux fins de "
            "résiliation de son bail, afin que soit réalisé le diagnostic social et financier "
            "prévu par le décret n° 2021-8 du 5 janvier 2021.",
        ),
        ("b", "1. Ménage assigné"),
        *lignes,
        ("b", "2. Logement"),
        ("i", f"{adresse(h)}{comp} – {h['cp']} {h['commune']}"),
        ("b", "3. Bailleur"),
        ("i", bail),
        ("b", "4. Procédure"),
        (
            "i",
            f"Assignation du {d_num(h['date_acte'])} – Me {h['commissaire']}, commissaire de "
            f"justice – audience du {d_num(h['audience'])} à {heure(h['heure'], 'h')} – "
            f"{h['juridiction']}",
        ),
        ("b", "5. Situation locative"),
        (
            "i",
            f"Loyer mensuel charges comprises : {m_point(loyer_total(h))} € – dette locative : "
            f"{m_point(h['dette'])} € (décompte au {d_num(h['date_dette'])})",
        ),
        (
            "p",
            f"{st['demande']} {d_num(limite)}, afin qu'il soit transmis au juge et à la "
            "CCAPEX avant l'audience.",
        ),
        ("r", st["signature"]),
    ]
    att = dict(
        personnes=[P(civilite_attendue(p), p["nom"], p["prenom"], p["naissance"]) for p in pers],
        adresse=adresse(h),
        complement_adresse=h["complement"],
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=b["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )
    return corps, att


def acte_parties(h, F) -> list:
    """Assignation laid out in party blocks (source 28): RG and Portalis numbers, then
    DEMANDERESSE / DÉFENDEUR(S) with the civility alone on its line (source 29: both
    spouses named), the indemnité d'occupation asked besides the rent."""
    st = F["st"]
    d = h["date_acte"]
    b = h["bailleur"]
    pers = h["personnes"]
    out = [
        ("r", "Pôle civil de proximité"),
        ("r", f"N° RG {h['rg']}"),
        ("r", f"N° Portalis 352J-W-B7H-C{h['rg'][3:]}X"),
        ("t", "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION"),
        ("p", "(aux fins de constat de la résiliation du bail, d'expulsion et de paiement)"),
        ("p", f"L'an {lettres(d.year)} et le {d_long(d)},"),
        ("b", "DEMANDERESSE" if b["kind"] != "particulier" or b["pers"]["femme"] else "DEMANDEUR"),
    ]
    if b["kind"] == "oph":
        out.append(
            (
                "i",
                f"{b['court']} – OPH, {b['long']}, établissement public dont le siège "
                f"est à {h['commune']}, pris en la personne de son directeur général,",
            )
        )
    elif b["kind"] == "particulier":
        p = b["pers"]
        out.append(("i", "Madame" if p["femme"] else "Monsieur"))
        out.append(("i", f"{p['nom']} {p['prenom']}, demeurant {h['cp']} {h['commune']},"))
    else:
        out.append(
            ("i", f"{requerant(h, {'civ': 'long'})[0].upper()}{requerant(h, {'civ': 'long'})[1:]},")
        )
    out.append(
        (
            "i",
            f"représentée par Maître {st['avocat']}, avocat au barreau de {st['barreau']}, "
            f"vestiaire : {st['vestiaire']},",
        )
    )
    plural = len(pers) > 1
    fem = all(p["femme"] for p in pers)
    out.append(
        (
            "b",
            "DÉFENDERESSES"
            if plural and fem
            else "DÉFENDEURS"
            if plural
            else "DÉFENDERESSE"
            if fem
            else "DÉFENDEUR",
        )
    )
    for p in pers:
        e = "e" if p["femme"] else ""
        out.append(("i", "Madame" if p["femme"] else "Monsieur"))
        nee = f" née {p['nee']}" if p["nee"] else ""
        out.append(
            (
                "i",
                f"{p['nom']}{nee} {p['prenom']}, né{e} le {d_num(p['naissance'])} à "
                f"{p['lieu']}, demeurant {adresse_txt(h)},",
            )
        )
    out.append(
        (
            "p",
            f"Par acte de Maître {h['commissaire']}, commissaire de justice associé(e) à "
            f"{h['commune']}, soussigné(e),",
        )
    )
    out.append(("b", "À COMPARAÎTRE"))
    out.append(
        (
            "p",
            f"à l'audience publique du {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h')} devant le juge des contentieux de la protection du "
            f"{h['juridiction']}, {h['tribunal_adresse']}.",
        )
    )
    out.append(("h", "EXPOSÉ DU LITIGE"))
    base, charges = h["loyer"]
    if charges:
        loyer = (
            f"moyennant un loyer mensuel de {m_espace(base)} euros hors charges, outre "
            f"{m_espace(charges)} euros de provision sur charges"
        )
    else:
        loyer = f"moyennant un loyer mensuel de {m_espace(base)} euros"
    out.append(
        (
            "p",
            f"Par acte sous seing privé, la demanderesse a donné à bail aux défendeurs le "
            f"logement désigné ci-dessus, {loyer}.",
        )
    )
    out.append(
        (
            "p",
            f"Un commandement de payer visant la clause résolutoire leur a été signifié le "
            f"{d_num(h['date_cmdt'])} pour {m_espace(h['commandement'])} euros en principal. "
            f"Au {d_num(h['date_dette'])}, la dette locative s'élève à "
            f"{m_espace(h['dette'])} euros, échéance du mois inclus.",
        )
    )
    out.append(("h", "PAR CES MOTIFS"))
    out.append(("i", "– CONSTATER la résiliation du bail et ORDONNER l'expulsion ;"))
    out.append(
        (
            "i",
            f"– FIXER l'indemnité d'occupation à {m_espace(loyer_total(h) * 1.1)} euros par "
            "mois jusqu'à la libération des lieux ;",
        )
    )
    out.append(
        (
            "i",
            f"– CONDAMNER les défendeurs à payer {m_espace(h['dette'])} euros, outre "
            f"{m_espace(h['art700'])} euros au titre de l'article 700 du code de procédure "
            "civile.",
        )
    )
    out.append(
        (
            "p",
            "La présente assignation sera notifiée au représentant de l'État dans le "
            "département en vue du diagnostic social et financier.",
        )
    )
    out.append(("r", f"{h['commissaire']}\nCommissaire de justice"))
    return out


# each family: region, style, formats (cycled), tuned flag
ASSIGN_FAMILIES = {
    "etude-marchal-reims": dict(
        region="reims",
        reglage=True,
        formats=["pdf"],
        font="Helvetica",
        entete=(
            "deux",
            (
                [
                    "SCP MARCHAL & ASSOCIÉS",
                    "Commissaires de justice associés",
                    "Arnaud MARCHAL – Sophie MARCHAL-RENARD",
                    "12 rue de Talleyrand",
                ],
                ["51100 REIMS", "Tél. 03 26 00 00 00"],
                "SCP – office de commissaire de justice",
            ),
        ),
        st=dict(
            titre="ASSIGNATION EN RÉSILIATION DE BAIL ET EXPULSION",
            an="lettres",
            req_intro="requete",
            cj="jai",
            office="SCP MARCHAL & ASSOCIÉS",
            civ="caps",
            liste="slash",
            metier="nat",
            naissance="long",
            dates="long",
            montants="point",
            heure="h",
            audience="publique",
            rg=True,
            jur_caps=True,
        ),
    ),
    "selarl-vignaud-poitiers": dict(
        region="poitiers",
        reglage=False,
        formats=["docx"],
        font="Calibri",
        st=dict(
            titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
            an="num",
            req_intro="demande",
            cj="nous",
            office="SELARL VIGNAUD-TESSIER",
            civ="long",
            liste="degre",
            groupe="epoux",
            naissance="num",
            dates="num",
            montants="espace",
            heure="hh",
            audience="appelee",
            rg=False,
            pres=True,
            ref_etude="CV",
        ),
    ),
    "etude-bernard-dijon": dict(
        region="dijon",
        reglage=True,
        formats=["pdf", "docx"],
        font="Times-Roman",
        entete=(
            "cartouche",
            ["Pierre-Yves BERNARD", "Commissaire de justice", "8 rue de la Liberté", "21000 DIJON"],
        ),
        st=dict(
            titre="ASSIGNATION AUX FINS DE CONSTAT DE LA RÉSILIATION DU BAIL",
            an="lettres_min",
            req_intro="requete",
            cj="jai",
            office="SELARL BERNARD",
            civ="abr",
            mlle=True,
            liste="tiret",
            nom_avant=True,
            naissance="long",
            dates="long",
            montants="lettres",
            heure="heures",
            audience="tenue",
            rg=True,
            pres=True,
        ),
    ),
    "huissiers-weber-nancy": dict(
        region="nancy",
        reglage=False,
        formats=["pdf"],
        font="Times-Roman",
        entete=(
            "filet",
            [
                "SCP WEBER & SCHMITT",
                "Huissiers de justice associés",
                "Jean-Luc WEBER – Martine SCHMITT",
                "4 place Stanislas – 54000 NANCY",
            ],
        ),
        st=dict(
            titre="ASSIGNATION EN RÉFÉRÉ – EXPULSION",
            an="lettres",
            req_intro="requete",
            cj="nous",
            office="SCP WEBER & SCHMITT",
            civ="long",
            huissier=True,
            groupe="joint",
            liste="aucun",
            naissance="num",
            dates="long",
            montants="euros",
            heure="lettres",
            audience="publique",
            rg=True,
            accents=False,
        ),
    ),
    "avocat-duval-tours": dict(
        region="tours",
        reglage=True,
        formats=["docx", "odt"],
        font="Cambria",
        st=dict(
            titre="ASSIGNATION EN RÉSILIATION DE BAIL D'HABITATION",
            an="num",
            req_intro="demande",
            avocat="Claire DUVAL",
            barreau="Tours",
            cj="maitre",
            office="",
            civ="long",
            liste="lettre",
            metier="prof",
            naissance="long",
            dates="num",
            montants="espace",
            heure="hh",
            audience="appelee",
            rg=False,
            dette="decompte",
        ),
    ),
    "etude-rochelaise": dict(
        region="larochelle",
        reglage=False,
        formats=["pdf"],
        font="Helvetica",
        entete=(
            "logo",
            (
                "DRG",
                [
                    "Delphine ROUX-MARTINEAU – Éric GUILLON",
                    "Commissaires de justice associés",
                    "2 quai Duperré – 17000 LA ROCHELLE",
                ],
            ),
        ),
        st=dict(
            titre="ASSIGNATION – CONSTAT DE RÉSILIATION DE BAIL – EXPULSION",
            an="num",
            req_intro="requerant",
            cj="jai",
            office="SAS ROUX-MARTINEAU GUILLON",
            civ="caps",
            groupe="consorts",
            liste="puce",
            naissance="lettres",
            dates="lettres",
            montants="espace",
            heure="H",
            audience="tenue",
            rg=True,
            pres=True,
            dette="actualisee",
        ),
    ),
    "scp-dumont-macon": dict(
        region="macon",
        reglage=True,
        formats=["pdf"],
        font="Helvetica",
        entete=(
            "pied",
            [
                "SCP DUMONT LAGRANGE – Commissaires de justice – 5 rue Carnot – 71000 MÂCON",
                "Tél. 03 85 00 00 00",
            ],
        ),
        st=dict(
            titre="ASSIGNATION EN RÉSILIATION DE BAIL",
            tableau=True,
            an="num",
            req_intro="requete",
            cj="nous",
            office="SCP DUMONT LAGRANGE",
            civ="abr",
            liste="degre",
            naissance="num",
            dates="num",
            montants="espace",
            heure="h",
            audience="publique",
            rg=True,
            loyer="total",
        ),
    ),
    "etude-delpech-perigueux": dict(
        region="perigueux",
        reglage=False,
        formats=["docx"],
        font="Arial",
        st=dict(
            titre="ACTE D'ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
            an="lettres",
            req_intro="requete",
            cj="maitre",
            office="",
            civ="caps",
            liste="slash",
            metier="prof",
            naissance="lettres",
            dates="lettres",
            montants="lettres",
            heure="lettres",
            audience="appelee",
            rg=False,
            jur_caps=True,
        ),
    ),
    "etude-faivre-besancon": dict(
        region="besancon",
        reglage=True,
        formats=["pdf", "docx"],
        font="Helvetica",
        entete=(
            "deux",
            (
                [
                    "Nicolas FAIVRE – Isabelle VUILLEMIN",
                    "Commissaires de justice associés",
                    "18 Grande Rue",
                ],
                ["25000 BESANÇON", "Tél. 03 81 00 00 00"],
                "SELARL FAIVRE VUILLEMIN",
            ),
        ),
        st=dict(
            titre="ASSIGNATION",
            an="lettres_min",
            req_intro="demande",
            cj="nous",
            office="SELARL FAIVRE VUILLEMIN",
            civ="abr",
            groupe="epoux",
            liste="tiret",
            naissance="long",
            metier="nat",
            dates="long",
            montants="eur",
            heure="hh",
            audience="tenue",
            rg=True,
        ),
    ),
    # sources 28, 29 (issue 14, second round; « en chantier » in corpus/niveau.json)
    "cabinet-parties-paris": dict(
        region="paris",
        reglage=True,
        formats=["pdf", "docx"],
        font="Times-Roman",
        entete=(
            "cartouche",
            [
                "SELARL VASSEUR & ASSOCIÉS",
                "Avocats au barreau de Paris",
                "48 boulevard de Magenta – 75010 PARIS",
                "Tél. 01 40 00 00 00",
            ],
        ),
        acte=acte_parties,
        st=dict(avocat="Hélène VASSEUR", barreau="PARIS", vestiaire="#C0412", rg=True),
    ),
}


def _famille_tag(att, name, reglage):
    att["famille"] = name
    att["reglage"] = reglage
    return att


def write_docx(path: Path, blocks, font, author="Etude") -> None:
    doc = mc.nouveau_docx(author, font, 10.5)
    mc.blocks_to_docx(doc, blocks)
    doc.save(path)
    mc.normaliser_zip(path)


def _pdf_font(font):
    return font if font in ("Helvetica", "Times-Roman", "Courier") else "Times-Roman"


def ecrire_assignation(docs: Path, fichier: str, h, F, fmt: str) -> None:
    if F.get("ecrire"):  # a family with its own page layout (margins, footers)
        F["ecrire"](docs, fichier, h, F, fmt)
        return
    blocks = F.get("acte", acte)(h, F)
    if fmt in ("docx", "odt"):
        write_docx(docs / (fichier if fmt == "docx" else fichier[:-4] + ".docx"), blocks, F["font"])
    else:
        lh = lh_family(F) if F.get("entete") else None
        build_pdf(
            docs / fichier,
            [(lh, blocks, _pdf_font(F["font"]), 10, 44 if lh else 18)],
            title="Assignation",
        )


def attendu_assignation(fichier, h, F, type_document="assignation", **kw):
    st = F["st"]
    return attendu_acte(
        fichier,
        h,
        type_document,
        rg=st.get("rg", False),
        naissance=st.get("naissance") != "aucune",
        **kw,
    )


# --------------------------------------------------------------------------- courriers


def dest_asll(rng):
    return rng.choice(
        [
            "Association Habitat et Insertion\nService ASLL\n10 rue des Écoles\n51100 REIMS",
            "Monsieur le Directeur\nUDAF – Service logement\n4 rue Chanzy\n51100 REIMS",
            "CCAS – Pôle insertion logement\nHôtel de ville\n21000 DIJON",
        ]
    )


def lettre_resume(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """A letter that summarises the act in its own sentences (no copy appended)."""
    st = L["st"]
    pers = " et ".join(
        f"{CIV[st['civ']][1 if p['femme'] else 0]} {p['prenom']} {p['nom']}"
        + (
            f" (née le {d_num(p['naissance'])})"
            if p["femme"] and st.get("naissances")
            else f" (né le {d_num(p['naissance'])})"
            if st.get("naissances")
            else ""
        )
        for p in h["personnes"]
    )
    b = h["bailleur"]
    bail = (
        f"l'{b['long']} (« {b['court']} »)"
        if b["kind"] == "oph"
        else f"la SA d'HLM {b['court']}"
        if b["kind"] == "esh"
        else b["court"]
        if b["kind"] == "sci"
        else f"{'Mme' if b['pers']['femme'] else 'M.'} {b['court']}"
    )
    dj = st["dates"]
    corps = [("b", f"Objet : {st['objet']}"), ("p", "Madame, Monsieur,")]
    if st["forme"] == "phrases":
        corps.append(
            (
                "p",
                f"En application de l'article 24 de la loi n° 89-462 du 6 juillet 1989, "
                f"m'a été notifiée l'assignation délivrée le {jour(h['date_acte'], dj)} par "
                f"{h['commissaire']}, commissaire de justice, à la requête de {bail}, à "
                f"l'encontre de {pers}, locataire(s) du logement situé {adresse(h)}, "
                f"{h['cp']} {h['commune']}.",
            )
        )
        corps.append(
            (
                "p",
                f"L'affaire sera examinée par le juge des contentieux de la protection du "
                f"{h['juridiction']} à l'audience du {jour(h['audience'], dj)} à "
                f"{heure(h['heure'], 'h')}. Selon l'acte, la dette locative s'élève à "
                f"{montant(h['dette'], 'espace')} arrêtée au {jour(h['date_dette'], dj)}, pour un "
                f"loyer mensuel charges comprises de {montant(loyer_total(h), 'espace')}.",
            )
        )
    else:  # tableau
        corps.append(
            (
                "p",
                "Je vous prie de bien vouloir trouver ci-dessous les éléments de la "
                "procédure dont j'ai été saisi par le commissaire de justice :",
            )
        )
        corps.append(
            (
                "tab",
                [
                    ["Locataire(s)", pers],
                    ["Adresse du logement", f"{adresse(h)} – {h['cp']} {h['commune'].upper()}"],
                    ["Bailleur", bail],
                    ["Commissaire de justice", h["commissaire"]],
                    ["Juridiction", h["juridiction"]],
                    [
                        "Date et heure d'audience",
                        f"{d_num(h['audience'])} – {heure(h['heure'], 'hh')}",
                    ],
                    [
                        "Dette locative",
                        f"{montant(h['dette'], 'espace')} au {d_num(h['date_dette'])}",
                    ],
                    ["Loyer mensuel (charges comprises)", montant(loyer_total(h), "espace")],
                ],
            )
        )
    corps.append(
        ("p", f"{st['demande']} {jour(limite, dj)}, afin que le juge en dispose avant l'audience.")
    )
    corps.append(
        (
            "p",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        )
    )
    corps.append(("r", st["signature"]))
    att = dict(
        personnes=[
            P(
                civilite_attendue(p),
                p["nom"],
                p["prenom"],
                p["naissance"] if st.get("naissances") else None,
            )
            for p in h["personnes"]
        ],
        adresse=adresse(h),
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=b["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )
    return corps, att


def lettre_courte(h, L, ref, date_lettre, limite) -> list:
    """A covering letter: the assignation copy follows in the same file."""
    st = L["st"]
    noms = " et ".join(p["nom"] for p in h["personnes"][:1])
    return [
        ("b", f"Objet : {st['objet']}"),
        ("b", "P.J. : copie de l'assignation"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"Vous trouverez ci-joint la copie de l'assignation aux fins de résiliation de bail "
            f"délivrée à {'M. et Mme ' if h['mode'] == 'marie' else ''}{noms}, qui m'a été "
            "notifiée en application de l'article 24 de la loi du 6 juillet 1989.",
        ),
        ("p", f"{st['demande']} {jour(limite, st['dates'])}."),
        ("r", st["signature"]),
    ]


LETTER_FAMILIES = {
    "ddets-marne": dict(
        region="chalons",
        reglage=True,
        copie=None,
        scan=True,
        prefet=["PRÉFET", "DE LA MARNE"],
        services=[
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Pôle prévention des expulsions locatives",
            "Affaire suivie par : Mme Odile PAQUIN",
        ],
        ref_fmt="DDETS51/PEL/2025-{n:04d}",
        ref_label="N/Réf. : ",
        st=dict(
            forme="phrases",
            civ="abr",
            naissances=True,
            dates="long",
            objet="assignation aux fins de résiliation de bail – diagnostic social et financier",
            demande="Je vous serais obligé de bien vouloir réaliser le diagnostic social et "
            "financier de ce ménage et de me le transmettre au plus tard le",
            signature="Pour le Préfet et par délégation,\nLa cheffe du pôle\nOdile PAQUIN",
        ),
    ),
    "prefecture-meurthe-et-moselle-copie": dict(
        region="nancy",
        reglage=False,
        copie="huissiers-weber-nancy",
        scan=False,
        prefet=["PRÉFET", "DE MEURTHE-ET-MOSELLE"],
        services=[
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Service logement – prévention des expulsions",
        ],
        ref_fmt="PEX-54-{n:05d}",
        ref_label="Référence : ",
        st=dict(
            dates="num",
            objet="prévention des expulsions locatives – enquête sociale",
            demande="Je vous demande de bien vouloir procéder à l'enquête sociale et de me "
            "transmettre vos conclusions avant le",
            signature="La directrice départementale",
        ),
    ),
    "sous-prefecture-beaune": dict(
        region="dijon",
        reglage=True,
        copie=None,
        scan=True,
        prefet=["SOUS-PRÉFECTURE", "DE BEAUNE"],
        services=["Bureau de la cohésion sociale", "Dossier suivi par : M. Rémi JOLY"],
        ref_fmt="SPB/ES/{n:03d}-25",
        ref_label="Nos réf. : ",
        st=dict(
            forme="tableau",
            civ="long",
            naissances=False,
            dates="num",
            objet="demande d'enquête sociale – procédure d'expulsion locative",
            demande="Conformément à la circulaire du 9 février 1999, je vous saurais gré de me "
            "faire parvenir les résultats de l'enquête sociale pour le",
            signature="Pour le Sous-Préfet,\nLe secrétaire général\nRémi JOLY",
        ),
    ),
    "ddets-saone-et-loire-copie": dict(
        region="macon",
        reglage=True,
        copie="scp-dumont-macon",
        scan=False,
        prefet=["PRÉFET", "DE SAÔNE-ET-LOIRE"],
        services=[
            "DDETS de Saône-et-Loire",
            "Cellule CCAPEX",
            "Courriel : ddets-ccapex@saone-et-loire.gouv.test",
        ],
        ref_fmt="CCAPEX 71 n° {n:04d}/2025",
        ref_label="Réf. : ",
        st=dict(
            dates="long",
            objet="saisine pour diagnostic social et financier (CCAPEX)",
            demande="Le diagnostic devra être adressé au juge et à la CCAPEX au plus tard le",
            signature="Pour le Préfet,\nLe chef de la cellule CCAPEX",
        ),
    ),
    "prefecture-vienne": dict(
        region="poitiers",
        reglage=False,
        copie=None,
        scan=True,
        prefet=["PRÉFÈTE", "DE LA VIENNE"],
        services=[
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Mission prévention des expulsions",
            "Dossier n° à rappeler dans toute correspondance",
        ],
        ref_fmt="DDETS86-PEX-{n:04d}",
        ref_label="Dossier : ",
        st=dict(
            forme="phrases",
            civ="long",
            naissances=False,
            dates="lettres",
            objet="notification d'une assignation – réalisation du diagnostic social et financier",
            demande="Vous voudrez bien me faire parvenir le diagnostic social et financier "
            "avant le",
            signature="Pour la Préfète et par délégation,\nLe directeur adjoint",
        ),
    ),
    "ddets-charente-maritime-copie": dict(
        region="larochelle",
        reglage=False,
        copie="etude-rochelaise",
        scan=False,
        prefet=["PRÉFET", "DE LA CHARENTE-MARITIME"],
        services=["DDETS de la Charente-Maritime", "Pôle logement – hébergement"],
        ref_fmt="17-PEL-{n:04d}",
        ref_label="N° dossier préfecture : ",
        st=dict(
            dates="num",
            objet="assignation en résiliation de bail – demande de DSF",
            demande="Je vous remercie de me retourner le diagnostic social et financier au "
            "plus tard le",
            signature="Le Préfet,\npour le Préfet, la cheffe de pôle",
        ),
    ),
    # sources 26, 27 (issue 14, second round; « en chantier » in corpus/niveau.json)
    "prefecture-isere-affaire": dict(
        region="grenoble",
        reglage=True,
        copie=None,
        scan=True,
        prefet=["PRÉFET", "DE L'ISÈRE"],
        services=[
            "Direction de la citoyenneté",
            "Bureau des expulsions locatives",
            "Affaire suivie par : M. Karim BELLAHCENE",
        ],
        ref_fmt="BEL/38/{n:05d}",
        ref_label="Nos réf. : ",
        corps=lettre_affaire,
        st=dict(
            objet="prévention des expulsions locatives – demande d'évaluation sociale",
            signature="Pour le Préfet et par délégation,\nLa cheffe du bureau\nNadia FERRAND",
        ),
    ),
    "ddets-somme-rubriques": dict(
        region="amiens",
        reglage=True,
        copie=None,
        scan=True,
        prefet=["PRÉFET", "DE LA SOMME"],
        services=[
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Service habitat – prévention des expulsions",
        ],
        ref_fmt="DDETS80-DSF-{n:04d}",
        ref_label="Référence à rappeler : ",
        corps=lettre_rubriques,
        st=dict(
            objet="saisine pour la réalisation d'un diagnostic social et financier",
            demande="Je vous remercie de me transmettre ce diagnostic au plus tard le",
            signature="Pour le Préfet et par délégation,\nLe directeur départemental adjoint",
        ),
    ),
}


# --------------------------------------------------------------------------- sources 40 à 45
# Families built from corpus/sources/40 to 45 (issue 14, third round, « en chantier »): what
# real acts and letters vary that the families above do not — a landlord in full capitals
# with its short name apart or not at all, parties in « DEMANDEUR(S) / DÉFENDEUR(S) »
# blocks with their address on two or three lines, « épouse » after a wife's own name,
# bâtiment / escalier / appartement, postcodes written « 93 100 », amounts with and without
# cents, a hearing in words, a letter that summarises the act it received.

VILLES.update(
    {
        "bobigny": [
            (
                "Montreuil",
                "93100",
                "Tribunal de proximité de Montreuil",
                "7 avenue Jean Moulin, 93100 Montreuil",
            ),
            (
                "Aubervilliers",
                "93300",
                "Tribunal de proximité d'Aubervilliers",
                "30 rue Ferragus, 93300 Aubervilliers",
            ),
            (
                "Bobigny",
                "93000",
                "Tribunal judiciaire de Bobigny",
                "173 avenue Paul Vaillant-Couturier, 93000 Bobigny",
            ),
        ],
        "lille": [
            (
                "Lille",
                "59000",
                "Tribunal judiciaire de Lille",
                "13 avenue du Peuple Belge, 59000 Lille",
            ),
            (
                "Roubaix",
                "59100",
                "Tribunal de proximité de Roubaix",
                "64 avenue Jean Lebas, 59100 Roubaix",
            ),
            (
                "Tourcoing",
                "59200",
                "Tribunal de proximité de Tourcoing",
                "6 rue de la Bienfaisance, 59200 Tourcoing",
            ),
        ],
        "indre": [
            (
                "Châteauroux",
                "36000",
                "Tribunal judiciaire de Châteauroux",
                "Place Lucien Germereau, 36000 Châteauroux",
            ),
            (
                "Issoudun",
                "36100",
                "Tribunal judiciaire de Châteauroux",
                "Place Lucien Germereau, 36000 Châteauroux",
            ),
            (
                "Déols",
                "36130",
                "Tribunal judiciaire de Châteauroux",
                "Place Lucien Germereau, 36000 Châteauroux",
            ),
        ],
    }
)
OPH.update(
    {
        "bobigny": ("Office Public de l'Habitat de Montreuil - Est Ensemble", "OPH Montreuillois"),
        "lille": ("Office Public de l'Habitat Lille Métropole Habitat", "LMH"),
        "indre": ("Office Public de l'Habitat de l'Indre", "OPAC 36"),
    }
)
COMMISSAIRES.update(
    {
        "bobigny": ["Samia HADDAD", "François LEROY-DUCHÊNE"],
        "lille": ["Bertrand DELEPLANQUE", "Aurore VANDAMME"],
        "indre": ["Jean-Michel AUCLAIR", "Sylvie PERROT"],
    }
)
# A landlord société that real acts name with its legal form in front (sources 40, 41).
ESH_NORD = ["VILOGIA", "PARTENORD HABITAT", "SIA HABITAT", "NOTRE LOGIS"]
# complements as acts print them (bâtiment, escalier, appartement; sources 40, 45)
COMPLEMENTS_REELS = [
    None,
    "Bâtiment C, escalier 2, appartement 41",
    "Bât. B – Esc. 1 – Appt 23",
    "Résidence Les Acacias, bâtiment A",
    "appartement n° 12, 3e étage",
    "Escalier 4, porte 108",
]


def _menage_reel(rng, region, bailleurs=("oph", "esh", "sci", "particulier")) -> dict:
    """A household as in `menage`, with real-looking complements and round amounts now
    and then (source 42: « 330 euros », « 1 269 euros »)."""
    h = menage(rng, region, bailleurs=bailleurs)
    h["complement"] = rng.choice(COMPLEMENTS_REELS)
    if rng.random() < 0.4:
        base, charges = h["loyer"]
        h["loyer"] = (float(round(base)), None if charges is None else float(round(charges)))
        h["dette"] = float(round(h["dette"]))
    if h["mode"] == "consorts" and rng.random() < 0.5:
        # a third adult on the lease (a second grown-up child): three défendeurs
        h["personnes"].append(
            _personne(rng, rng.random() < 0.5, nom=h["personnes"][0]["nom"], young=True)
        )
    b = h["bailleur"]
    if b["kind"] == "esh" and region == "lille":
        n = rng.choice(ESH_NORD)
        b.update(long=n, court=n, attendu=n)
    return h


def _heure_parlee(hh: str) -> str:
    """« neuf heures et demie », « quatorze heures » (how a letter says the time)."""
    s = h_lettres(hh)
    return s[: -len(" trente")] + " et demie" if s.endswith(" trente") else s


def rng_gerant(h) -> str:
    """The SCI's manager: a person named in the act who is not the landlord."""
    r = random.Random(f"gérant/{h['rg']}")
    return f"{r.choice(PRENOMS_H)} {r.choice(NOMS)}"


def _cp_espace(cp: str) -> str:
    """« 93 100 »: how many letters and acts write a postcode."""
    return f"{cp[:2]} {cp[2:]}"


def _euros_variable(x: float, style: str = "€") -> str:
    """1 269 euros when round, 4000,55 € without a thousands space (sources 42, 45)."""
    if abs(x - round(x)) < 1e-9:
        s = f"{int(round(x)):,}".replace(",", " ")
    else:
        s = f"{x:.2f}".replace(".", ",")
    return f"{s} {style}"


def _personnes_epouse(h) -> list:
    """Expected persons when a wife is written « Prénom NÉE épouse MARI » (source 45):
    her printed name is her own (spec: without the « épouse … » part)."""
    out = []
    for p in h["personnes"]:
        nom = p["nee"] if p["nee"] else p["nom"]
        out.append(P(civilite_attendue(p), nom, p["prenom"], p["naissance"]))
    return out


def _nom_epouse(p) -> str:
    if p["nee"]:
        return f"{p['prenom']} {p['nee']} épouse {p['nom']}"
    return f"{p['prenom']} {p['nom']}"


def acte_blocs_adresses(h, F) -> list:
    """Assignation laid out like the Bobigny pôle de proximité (source 40): landlord in
    full capitals, « DEMANDEUR : » / « DÉFENDEUR(S) : » with each party's address on its
    own lines, « épouse » (source 45), the hearing in words, amounts with or without cents."""
    st = F["st"]
    rng = random.Random(f"{h['rg']}/{h['commissaire']}")
    b = h["bailleur"]
    pers = h["personnes"]
    d = h["date_acte"]
    h["bailleur_imprime"] = b["attendu"]
    if b["kind"] == "oph":
        nom_b = b["long"].upper()
        if rng.random() < 0.5:
            nom_b += f" (ci-après « {b['court']} »)"
        else:  # no short name printed: the landlord is read as printed
            h["bailleur_imprime"] = nom_b
    elif b["kind"] == "esh":
        nom_b = f"S.A. D'HLM {b['court']}"
    elif b["kind"] == "sci":
        nom_b = b["court"]
    else:
        q = b["pers"]
        nom_b = f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}"
    adr_lignes = []
    if h["complement"]:
        adr_lignes.append(("i", h["complement"]))
    adr_lignes.append(("i", adresse(h)))
    adr_lignes.append(("i", f"{_cp_espace(h['cp'])} {h['commune'].upper()}"))
    out = [
        ("r", h["juridiction"].upper()),
        ("r", f"N° RG {h['rg']}"),
        ("t", "ASSIGNATION EN CONSTAT DE RÉSILIATION DE BAIL ET EXPULSION"),
        ("p", f"{nom_b.split(' (ci-après')[0]}"),
        ("p", "C/"),
        (
            "p",
            " – ".join(f"{'Madame' if p['femme'] else 'Monsieur'} {_nom_epouse(p)}" for p in pers),
        ),
    ]
    demandeur = [
        ("b", "DEMANDEUR :"),
        ("i", nom_b),
        (
            "i",
            f"demeurant {rng.randrange(2, 90)} rue de Paris"
            if b["kind"] == "particulier"
            else f"dont le siège est {rng.randrange(2, 90)} rue de Paris",
        ),
        (
            "i",
            f"{_cp_espace(h['cp'])} {h['commune'].upper()}"
            + ("" if b["kind"] == "particulier" else " CEDEX"),
        ),
        (
            "i",
            f"Représentant : Maître {st['avocat']}, avocat au barreau de {st['barreau']}, "
            f"vestiaire : {st['vestiaire']}",
        ),
    ]
    defense = [("b", "DÉFENDEURS :" if len(pers) > 1 else "DÉFENDEUR :")]
    for p in pers:
        e = "e" if p["femme"] else ""
        defense.append(
            (
                "i",
                f"{'Madame' if p['femme'] else 'Monsieur'} {_nom_epouse(p)}, né{e} le "
                f"{d_num(p['naissance'])} à {p['lieu'].split(' (')[0]}, {p['metier']}",
            )
        )
        defense.extend(adr_lignes)
    # decisions and some acts name the défendeurs first (the order of the parties varies)
    out += defense + demandeur if rng.random() < 0.4 else demandeur + defense
    out += [
        (
            "p",
            f"L'an {lettres(d.year)}, le {d_lettres(d).rsplit(' deux mille', 1)[0]}, à la requête du demandeur ci-dessus "
            f"désigné, nous, Maître {h['commissaire']}, commissaire de justice à "
            f"{VILLES[h['region']][0][0]}, soussigné, avons donné assignation aux défendeurs "
            "d'avoir à comparaître :",
        ),
        (
            "p",
            f"devant le juge des contentieux de la protection du {h['juridiction']}, "
            f"{h['tribunal_adresse']}, à l'audience du {d_lettres(h['audience'], True)} à "
            f"{h_lettres(h['heure'])}.",
        ),
        ("h", "OBJET DE LA DEMANDE"),
    ]
    base, charges = h["loyer"]
    ch = f" et {_euros_variable(charges)} de provision sur charges" if charges else ""
    out.append(
        (
            "p",
            f"Le demandeur a donné à bail aux défendeurs le logement désigné ci-dessus moyennant "
            f"un loyer mensuel de {_euros_variable(base)}{ch}. Un commandement de payer visant "
            f"la clause résolutoire a été délivré le {d_num(h['date_cmdt'])} pour "
            f"{_euros_variable(h['commandement'])} ; il est resté sans effet.",
        )
    )
    out.append(
        (
            "p",
            f"Les défendeurs restent devoir un arriéré locatif de {_euros_variable(h['dette'])}, "
            f"décompte arrêté au {d_num(h['date_dette'])}.",
        )
    )
    out += [
        ("h", "PAR CES MOTIFS"),
        ("i", "– CONSTATER l'acquisition de la clause résolutoire ;"),
        ("i", "– ORDONNER l'expulsion des défendeurs et de tous occupants de leur chef ;"),
        (
            "i",
            f"– CONDAMNER solidairement les défendeurs au paiement de "
            f"{_euros_variable(h['dette'])} et de {_euros_variable(h['art700'])} au titre de "
            "l'article 700 du code de procédure civile.",
        ),
        (
            "p",
            "Dénonciation de la présente assignation est faite au représentant de l'État dans "
            "le département, au moins six semaines avant l'audience, par voie électronique.",
        ),
        ("r", f"Maître {h['commissaire']}"),
    ]
    return out


def attendu_blocs_adresses(fichier, h, F):
    att = attendu_assignation(fichier, h, F)
    att["personnes"] = _personnes_epouse(h)
    att["bailleur"] = h["bailleur_imprime"]
    return att


def acte_demandeurs_multiples(h, F) -> list:
    """Assignation of a Lille étude (source 41): two demandeurs (the managing association
    and the S.A. landlord « pour elle-même »), « ET : DÉFENDEUR(S) » with one person a line
    without marker, « Consorts », round amounts « arrêtés au » (source 42)."""
    st = F["st"]
    b = h["bailleur"]
    pers = h["personnes"]
    d = h["date_acte"]
    out = [
        ("r", f"{st['etude']}\nCommissaires de justice associés\n{st['etude_adresse']}"),
        ("t", "ASSIGNATION EN RÉFÉRÉ AUX FINS D'EXPULSION"),
        ("p", f"L'AN {lettres(d.year).upper()} ET LE {d_num(d)}"),
        ("b", "À LA REQUÊTE DE :"),
        ("b", "DEMANDEUR(S)"),
    ]
    if b["kind"] in ("oph", "esh"):
        out.append(
            (
                "i",
                "Association SOLIDARITÉS HABITAT NORD, agissant en qualité de mandataire de "
                "gestion, dont le siège social est sis 3 rue Nationale, 59000 LILLE",
            )
        )
        nom_b = f"S.A. d'HLM {b['court']}" if b["kind"] == "esh" else f"{b['court']} OPH"
        out.append(
            (
                "i",
                f"{nom_b} pour elle-même, dont le siège social est sis "
                f"BP 80 123, {_cp_espace('59000')} LILLE CEDEX",
            )
        )
    elif b["kind"] == "sci":
        out.append(
            (
                "i",
                f"{b['court']}, société civile immobilière, représentée par son gérant, "
                f"Monsieur {rng_gerant(h)}",
            )
        )
    else:
        q = b["pers"]
        out.append(
            (
                "i",
                f"{'Mme' if q['femme'] else 'M.'} {q['nom']} {q['prenom']}, "
                f"{'retraitée' if q['femme'] else 'retraité'}, demeurant {_cp_espace(h['cp'])} "
                f"{h['commune']}",
            )
        )
    if b["mandataire"]:
        out.append(("i", f"ayant pour mandataire {b['mandataire']}"))
    out.append(("i", f"représentée(s) par Me {st['avocat']}, avocat au barreau de LILLE"))
    out.append(("b", "ET :"))
    out.append(("b", "DÉFENDEUR(S)"))
    if h["mode"] == "consorts":
        out.append(("i", f"Consorts {pers[0]['nom']} :"))
    for p in pers:
        e = "e" if p["femme"] else ""
        out.append(
            (
                "i",
                f"{'Mme' if p['femme'] else 'M.'} {p['nom']} {p['prenom']}, {p['metier']}, "
                f"né{e} le {d_long(p['naissance'])} à {p['lieu']}, demeurant "
                f"{adresse(h)}{', ' + h['complement'] if h['complement'] else ''}, "
                f"{_cp_espace(h['cp'])} {h['commune'].upper()}",
            )
        )
    out += [
        (
            "p",
            f"Nous, {st['etude']}, Maître {h['commissaire']}, l'un d'eux, commissaire de justice "
            "soussigné, avons donné assignation d'avoir à comparaître en personne ou par "
            f"représentant devant le juge des contentieux de la protection du {h['juridiction']} "
            f"statuant en référé, à l'audience publique du {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'H')}.",
        ),
        ("h", "EXPOSÉ DES FAITS"),
    ]
    base, charges = h["loyer"]
    if charges:
        loyer = (
            f"{_euros_variable(base, 'euros')} outre {_euros_variable(charges, 'euros')} de charges"
        )
    else:
        loyer = f"{_euros_variable(base, 'euros')} charges comprises"
    out += [
        (
            "p",
            f"Suivant bail du {d_num(h['date_cmdt'] - timedelta(days=900))}, le logement désigné "
            f"a été donné en location moyennant un loyer mensuel de {loyer}. Un commandement de "
            f"payer a été délivré le {d_long(h['date_cmdt'])} visant une somme de "
            f"{_euros_variable(h['commandement'], 'euros')} ; une copie en a été transmise à la "
            "CCAPEX le lendemain.",
        ),
        (
            "p",
            f"Le requérant sollicite la condamnation au paiement de la somme de "
            f"{_euros_variable(h['dette'], 'euros')} au titre des loyers impayés arrêtés au "
            f"{d_long(h['date_dette'])}, outre une indemnité d'occupation mensuelle égale au "
            "loyer.",
        ),
        ("h", "PAR CES MOTIFS"),
        (
            "p",
            "Plaise au juge des contentieux de la protection de constater la résiliation du bail.",
        ),
        (
            "p",
            "Copie de la présente est notifiée au représentant de l'État dans le département "
            "par la plateforme EXPLOC.",
        ),
    ]
    return out


def lettre_actes_recus(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """DDETS-PP letter that summarises the act it received (source 43): a summary table of
    labels and values, the household as « les époux » or « Consorts », the landlord as
    « propriétaire-bailleur », the hearing in words, the dwelling with its complement."""
    st = L["st"]
    pers = h["personnes"]
    b = h["bailleur"]
    if h["mode"] == "marie":
        a, f = pers
        menage_txt = (
            f"les époux {a['nom']} : Monsieur {a['prenom']} {a['nom']}, né le "
            f"{d_num(a['naissance'])}, et Madame {f['prenom']} {a['nom']} née {f['nee']}, née le "
            f"{d_num(f['naissance'])}"
        )
    elif h["mode"] == "consorts":
        menage_txt = f"Consorts {pers[0]['nom']} : " + " et ".join(
            f"{'Madame' if p['femme'] else 'Monsieur'} {p['prenom']} {p['nom']} "
            f"(né{'e' if p['femme'] else ''} le {d_num(p['naissance'])})"
            for p in pers
        )
    else:
        menage_txt = " et ".join(
            f"{'MADAME' if p['femme'] else 'MONSIEUR'} {p['nom']} {p['prenom']}, "
            f"né{'e' if p['femme'] else ''} le {d_num(p['naissance'])}"
            for p in pers
        )
    if b["kind"] == "oph":
        bail = f"{b['long']} ({b['court']})"
    elif b["kind"] == "esh":
        bail = f"SA d'HLM {b['court']}"
    elif b["kind"] == "sci":
        bail = b["court"]
    else:
        q = b["pers"]
        bail = f"{'Mme' if q['femme'] else 'M.'} {q['prenom']} {q['nom']}"
    if b["mandataire"]:
        bail += f", par l'intermédiaire de {b['mandataire']}"
    comp = f"{h['complement']}, " if h["complement"] else ""
    corps = [
        ("b", f"Objet : {st['objet']}"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            "Dans le cadre de la gestion des actes d'expulsion communiqués au représentant de "
            "l'État par les études de commissaires de justice, j'ai reçu l'assignation "
            "résumée ci-dessous.",
        ),
        ("i", f"Ménage concerné : {menage_txt}"),
        ("i", f"Logement : {comp}{adresse(h)} – {_cp_espace(h['cp'])} {h['commune'].upper()}"),
        ("i", f"Propriétaire-bailleur : {bail}"),
        (
            "i",
            f"Acte : assignation délivrée le {d_num(h['date_acte'])} par Maître "
            f"{h['commissaire']}, commissaire de justice",
        ),
        (
            "i",
            f"Audience : {d_lettres(h['audience'], True)}, à {_heure_parlee(h['heure'])}, "
            f"{h['juridiction']}",
        ),
        (
            "i",
            f"Impayé : {m_point(h['dette'])} € au {d_num(h['date_dette'])} "
            f"(loyer mensuel de {m_point(loyer_total(h))} €)",
        ),
        (
            "p",
            "Je vous remercie de recueillir toute information relative à la situation sociale "
            "et financière de ce ménage, auprès de la famille et des services compétents, et "
            f"de me la communiquer au plus tard le {d_long(limite)}, afin que je la transmette "
            "au juge.",
        ),
        (
            "p",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        ),
        ("r", st["signature"]),
    ]
    att = dict(
        personnes=[P(civilite_attendue(p), p["nom"], p["prenom"], p["naissance"]) for p in pers],
        adresse=adresse(h),
        complement_adresse=h["complement"],
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=b["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )
    return corps, att


def lettre_mission_logement(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """Préfecture letter of a « mission accès au logement » (source 44): the act told in one
    long sentence (« Par acte de Maître …, la SA d'HLM … a fait assigner … »), the dwelling
    « qu'ils occupent au … », « commandement à payer », rent and debt in figures without
    cents when round (source 42), the deadline in the closing sentence."""
    st = L["st"]
    pers = h["personnes"]
    b = h["bailleur"]
    qui = " et ".join(
        f"{'Madame' if p['femme'] else 'Monsieur'} {p['nom']} {p['prenom']}" for p in pers
    )
    if h["mode"] == "marie":
        a, f = pers
        qui = (
            f"les époux {a['nom']} (Monsieur {a['prenom']} {a['nom']} et Madame {f['prenom']} "
            f"{a['nom']} née {f['nee']})"
        )
    elif h["mode"] == "consorts":
        qui = (
            f"les consorts {pers[0]['nom']} ("
            + ", ".join(f"{'Mme' if p['femme'] else 'M.'} {p['prenom']} {p['nom']}" for p in pers)
            + ")"
        )
    if b["kind"] == "oph":
        bail = f"l'{b['long']} (« {b['court']} »)"
    elif b["kind"] == "esh":
        bail = f"la SA d'HLM {b['court']}"
    elif b["kind"] == "sci":
        bail = f"la {b['court']}"
    else:
        q = b["pers"]
        bail = f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}, propriétaire,"
    comp = f", {h['complement']}" if h["complement"] else ""
    plur = len(pers) > 1
    base, charges = h["loyer"]
    loyer = (
        f"{_euros_variable(loyer_total(h), 'euros')} charges comprises"
        if not charges or h["numero"].endswith("bis")
        else f"{_euros_variable(base, 'euros')}, outre {_euros_variable(charges, 'euros')} de "
        "provision sur charges"
    )
    corps = [
        ("b", f"Objet : {st['objet']}"),
        ("b", f"Dossier suivi par : {st['agent']}"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"Par acte de Maître {h['commissaire']}, commissaire de justice, en date du "
            f"{d_long(h['date_acte'])}, {bail} a fait assigner {qui} devant le juge des "
            f"contentieux de la protection du {h['juridiction']} en vue de la résiliation du "
            f"bail du logement qu'{'ils occupent' if plur else 'il occupe' if not pers[0]['femme'] else 'elle occupe'} "
            f"au {adresse(h)}{comp}, {_cp_espace(h['cp'])} {h['commune']}.",
        ),
        (
            "p",
            f"Le commandement à payer délivré le {d_num(h['date_cmdt'])} est resté infructueux. "
            f"Le loyer s'élève à {loyer} par mois ; la dette locative est de "
            f"{_euros_variable(h['dette'], 'euros')}, arrêtée au {d_num(h['date_dette'])}.",
        ),
        (
            "p",
            f"L'audience est fixée au {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h') if h['rg'][-1] in '02468' else _heure_parlee(h['heure'])}.",
        ),
        (
            "p",
            "Afin de réunir les informations sur la situation familiale et sociale du ménage "
            "concerné, que je dois communiquer au juge avant l'audience, je vous saurais gré de "
            f"me faire parvenir votre diagnostic avant le {d_num(limite)}.",
        ),
        ("r", st["signature"]),
    ]
    att = dict(
        personnes=[P(civilite_attendue(p), p["nom"], p["prenom"]) for p in pers],
        adresse=adresse(h),
        complement_adresse=h["complement"],
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=b["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )
    return corps, att


ASSIGN_FAMILIES.update(
    {
        # sources 40, 45 (issue 14, third round; « en chantier » in corpus/niveau.json)
        "etude-bobigny-blocs-adresses": dict(
            region="bobigny",
            reglage=True,
            formats=["pdf", "docx"],
            font="Helvetica",
            acte=acte_blocs_adresses,
            attendu=attendu_blocs_adresses,
            menage=_menage_reel,
            st=dict(
                avocat="Maxime TAVERNIER", barreau="SEINE-SAINT-DENIS", vestiaire="PB 145", rg=True
            ),
        ),
        # sources 41, 42
        "etude-lille-demandeurs-multiples": dict(
            region="lille",
            reglage=True,
            formats=["pdf", "odt"],
            font="Times-Roman",
            acte=acte_demandeurs_multiples,
            menage=_menage_reel,
            st=dict(
                etude="SELAS DELEPLANQUE VANDAMME",
                etude_adresse="12 rue Esquermoise – 59800 LILLE",
                avocat="Anne-Laure DELOBEL",
                rg=False,
            ),
        ),
    }
)
LETTER_FAMILIES.update(
    {
        # source 43
        "ddetspp-indre-actes-recus": dict(
            region="indre",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_reel,
            prefet=["PRÉFET", "DE L'INDRE"],
            services=[
                "Direction départementale de l'emploi, du travail,",
                "des solidarités et de la protection des populations",
                "Pôle prévention des expulsions",
                "CS 60 583 – 36019 CHÂTEAUROUX CEDEX",
            ],
            ref_fmt="EXPLOC-36-2025-{n:05d}",
            ref_label="Nos références : ",
            corps=lettre_actes_recus,
            st=dict(
                objet="assignation aux fins de résiliation de bail – demande d'informations "
                "sociales et financières",
                signature="Pour le Préfet et par délégation,\nLa cheffe du pôle",
            ),
        ),
        # sources 44, 42
        "prefecture-nord-mission-logement": dict(
            region="lille",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_reel,
            prefet=["PRÉFET", "DU NORD"],
            services=[
                "Direction départementale de l'emploi, du travail et des solidarités",
                "Mission accès au logement",
                "175 rue Gustave Delory – 59 021 LILLE CEDEX",
            ],
            ref_fmt="MAL/{n:04d}/2025",
            ref_label="Réf. : ",
            corps=lettre_mission_logement,
            st=dict(
                objet="prévention des expulsions – assignation en résiliation de bail",
                agent="Mme Céline DEPREZ – 03 20 00 00 00",
                signature="Pour le Préfet et par délégation,\nLe chef de la mission accès au logement",
            ),
        ),
    }
)


def ecrire_lettre(docs, fichier, h, L, rng, n, fmt="pdf") -> dict:
    date_lettre = h["date_acte"] + timedelta(days=rng.randrange(3, 12))
    limite = h["audience"] - timedelta(days=rng.randrange(10, 20))
    ref = L["ref_fmt"].format(n=n + rng.randrange(100, 900))
    services = L["services"] + [L["ref_label"] + ref]
    ville = VILLES[L["region"]][0][0]
    ville_date = f"{ville}, le {d_long(date_lettre)}"
    dest = L.get("dest") or dest_asll(rng)
    if L["copie"]:
        F = ASSIGN_FAMILIES[L["copie"]]
        corps = lettre_courte(h, L, ref, date_lettre, limite)
        parts = [
            (
                lh_prefecture(L["prefet"], services, ville_date),
                [("r", dest), ("sp", 4)] + corps,
                "Helvetica",
                10,
                80,
            ),
            (
                lh_family(F) if F.get("entete") else None,
                F.get("acte", acte)(h, F),
                _pdf_font(F["font"]),
                10,
                44 if F.get("entete") else 18,
            ),
        ]
        att = attendu_assignation(
            fichier, h, F, "saisine_prefecture", date_document=date_lettre, date_limite=limite
        )
        att["reference"] = ref
    else:
        corps, kw = L.get("corps", lettre_resume)(h, L, ref, date_lettre, limite)
        parts = [
            (
                lh_prefecture(L["prefet"], services, ville_date),
                [("r", dest), ("sp", 4)] + corps,
                "Helvetica",
                10,
                80,
            )
        ]
        att = mc.attendu(fichier, "saisine_prefecture", **kw)
    build_pdf(docs / fichier, parts, title="Courrier")
    return att


# --------------------------------------------------------------------------- sources 52 à 55
# Families built from corpus/sources/52 to 55 (issue 14, fourth round): a DDETS-PP
# « bordereau d'envoi » (Gers), a préfecture letter to an ADIL mobile team (Gironde), an
# assignation drafted by a lawyer with its list of exhibits (Nantes) and an étude's act with
# the information sheet of the 9 May 2017 decree (Haute-Garonne).

VILLES.update(
    {
        "gers": [
            ("Auch", "32000", "Tribunal judiciaire d'Auch", "Palais de justice, 32000 Auch"),
            ("Condom", "32100", "Tribunal judiciaire d'Auch", "Palais de justice, 32000 Auch"),
            ("Fleurance", "32500", "Tribunal judiciaire d'Auch", "Palais de justice, 32000 Auch"),
            (
                "L'Isle-Jourdain",
                "32600",
                "Tribunal judiciaire d'Auch",
                "Palais de justice, 32000 Auch",
            ),
            ("Mirande", "32300", "Tribunal judiciaire d'Auch", "Palais de justice, 32000 Auch"),
        ],
        "gironde": [
            (
                "Bordeaux",
                "33000",
                "Tribunal judiciaire de Bordeaux",
                "30 rue des Frères Bonie, 33000 Bordeaux",
            ),
            (
                "Mérignac",
                "33700",
                "Tribunal judiciaire de Bordeaux",
                "30 rue des Frères Bonie, 33000 Bordeaux",
            ),
            (
                "Pessac",
                "33600",
                "Tribunal judiciaire de Bordeaux",
                "30 rue des Frères Bonie, 33000 Bordeaux",
            ),
            (
                "Libourne",
                "33500",
                "Tribunal judiciaire de Libourne",
                "22 rue Thiers, 33500 Libourne",
            ),
            (
                "Arcachon",
                "33120",
                "Tribunal de proximité d'Arcachon",
                "Place de Verdun, 33120 Arcachon",
            ),
        ],
        "nantes": [
            (
                "Nantes",
                "44000",
                "Tribunal judiciaire de Nantes",
                "19 quai François Mitterrand, 44200 Nantes",
            ),
            (
                "Rezé",
                "44400",
                "Tribunal judiciaire de Nantes",
                "19 quai François Mitterrand, 44200 Nantes",
            ),
            (
                "Saint-Herblain",
                "44800",
                "Tribunal judiciaire de Nantes",
                "19 quai François Mitterrand, 44200 Nantes",
            ),
            (
                "Saint-Nazaire",
                "44600",
                "Tribunal judiciaire de Saint-Nazaire",
                "77 rue Albert de Mun, 44600 Saint-Nazaire",
            ),
            (
                "Châteaubriant",
                "44110",
                "Tribunal de proximité de Châteaubriant",
                "Place Charles de Gaulle, 44110 Châteaubriant",
            ),
        ],
        "toulouse": [
            (
                "Toulouse",
                "31000",
                "Tribunal judiciaire de Toulouse",
                "2 allées Jules Guesde, 31000 Toulouse",
            ),
            (
                "Colomiers",
                "31770",
                "Tribunal judiciaire de Toulouse",
                "2 allées Jules Guesde, 31000 Toulouse",
            ),
            (
                "Blagnac",
                "31700",
                "Tribunal judiciaire de Toulouse",
                "2 allées Jules Guesde, 31000 Toulouse",
            ),
            ("Muret", "31600", "Tribunal de proximité de Muret", "Place du Souvenir, 31600 Muret"),
            (
                "Saint-Gaudens",
                "31800",
                "Tribunal judiciaire de Saint-Gaudens",
                "Place du Palais, 31800 Saint-Gaudens",
            ),
        ],
    }
)
OPH.update(
    {
        "gers": ("Office Public de l'Habitat du Gers", "OPH 32"),
        "gironde": ("Office Public de l'Habitat de la Gironde", "GIRONDE HABITAT"),
        "nantes": (
            "Office Public de l'Habitat Nantes Métropole Habitat",
            "Nantes Métropole Habitat",
        ),
        "toulouse": ("Office Public de l'Habitat Toulouse Métropole", "Toulouse Métropole Habitat"),
    }
)
COMMISSAIRES.update(
    {
        "gers": ["Laurent DARRIEUX", "Marie-Hélène CAPDEVIELLE"],
        "gironde": ["Jean-Baptiste LAFARGUE", "Sandrine DUPOUY"],
        "nantes": ["Yann LE BIHAN", "Gwenaëlle MORVAN"],
        "toulouse": ["Pierre ROUQUETTE", "Anne SABATIER-MAURY"],
    }
)
# landlord sociétés named by their brand in capitals (source 53)
ESH_REGION = {
    "gironde": ["DOMOFRANCE", "MESOLIA", "CLAIRSIENNE", "AQUITANIS"],
    "nantes": ["ATLANTIQUE HABITATIONS", "LA NANTAISE D'HABITATIONS", "HARMONIE HABITAT"],
    "toulouse": ["LES CHALETS", "PROMOLOGIS", "PATRIMOINE SA LANGUEDOCIENNE"],
}


def _menage_sud_ouest(rng, region) -> dict:
    h = _menage_reel(rng, region)
    b = h["bailleur"]
    if b["kind"] == "esh" and region in ESH_REGION:
        n = rng.choice(ESH_REGION[region])
        b.update(long=n, court=n, attendu=n)
    return h


def _attendu_lettre(h, ref, date_lettre, limite, personnes) -> dict:
    return dict(
        personnes=personnes,
        adresse=adresse(h),
        complement_adresse=h["complement"],
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=h["bailleur"]["attendu"],
        loyer_mensuel=loyer_total(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=ref,
        date_document=date_lettre,
        date_limite=limite,
        statut_occupation=statut(h),
    )


def lettre_bordereau(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """DDETS-PP « bordereau d'envoi » (source 52): who, where and which landlord on labelled
    lines, the act, hearing, debt and return date inside the cells of a « Désignation des
    pièces / Nombre / Observations » table; persons « Mme NOM Prénom »; the landlord's
    manager (UDAF, ATG, agency) named next to it."""
    pers = h["personnes"]
    noms = " ; ".join(f"{'Mme' if p['femme'] else 'M.'} {p['nom']} {p['prenom']}" for p in pers)
    b = h["bailleur"]
    if b["kind"] == "particulier":
        q = b["pers"]
        bail = f"{'Mme' if q['femme'] else 'M.'} {q['prenom']} {q['nom']}"
    else:
        bail = b["court"]
    if b["mandataire"]:
        bail += f" (gestion : {b['mandataire']})"
    comp = f" – {h['complement']}" if h["complement"] else ""
    hh = heure(h["heure"], "h")
    corps = [
        ("t", "BORDEREAU D'ENVOI"),
        ("b", f"Objet : {L['st']['objet']}"),
        ("i", f"Locataire(s) assigné(s) : {noms}"),
        ("i", f"Adresse des lieux loués : {adresse(h)}{comp} – {h['cp']} {h['commune'].upper()}"),
        ("i", f"Propriétaire : {bail}"),
        ("sp", 2),
        (
            "tab",
            [
                ["Désignation des pièces", "Nombre", "Observations"],
                [
                    f"Copie de l'assignation délivrée le {d_num(h['date_acte'])} par Maître "
                    f"{h['commissaire']}, commissaire de justice",
                    "1",
                    f"Audience du {d_num(h['audience'])} à {hh} – {h['juridiction']}",
                ],
                [
                    f"Décompte locatif arrêté au {d_num(h['date_dette'])}",
                    "1",
                    f"Dette : {m_espace(h['dette'])} € – loyer charges comprises : "
                    f"{m_espace(loyer_total(h))} €",
                ],
                [
                    "Trame du diagnostic social et financier",
                    "1",
                    f"Retour souhaité pour le {d_num(limite)} au plus tard",
                ],
            ],
        ),
        ("sp", 2),
        (
            "p",
            "Pour réalisation du diagnostic social et financier prévu au III de l'article 24 de "
            "la loi n° 89-462 du 6 juillet 1989 et transmission au juge avant l'audience.",
        ),
        ("r", L["st"]["signature"]),
    ]
    att = _attendu_lettre(
        h,
        ref,
        date_lettre,
        limite,
        [P(civilite_attendue(p), p["nom"], p["prenom"]) for p in pers],
    )
    return corps, att


def _qui_phrase(pers) -> str:
    """« M. Kévin MARTIN et Mme Laura MARTIN née GIRARD », « Mme X et son fils M. Y »."""

    def un(p):
        s = f"{'Mme' if p['femme'] else 'M.'} {p['prenom']} {p['nom']}"
        return s + (f" née {p['nee']}" if p["nee"] else "")

    if (
        len(pers) == 2
        and pers[0]["femme"]
        and not pers[1]["femme"]
        and pers[0]["nom"] == pers[1]["nom"]
    ):
        return f"{un(pers[0])} et son fils {un(pers[1])}"
    return ", ".join(un(p) for p in pers[:-1]) + (" et " if len(pers) > 1 else "") + un(pers[-1])


def lettre_equipe_mobile(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """Préfecture letter to an ADIL mobile team (source 53): the act told in sentences
    (« à l'encontre de »), the landlord as a brand in capitals, the dwelling « à Mérignac
    (33700) », the day of notification before the act's own date, a copy line with the
    ADIL's Bordeaux address."""
    pers = h["personnes"]
    b = h["bailleur"]
    if b["kind"] == "particulier":
        q = b["pers"]
        bail = f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}"
    elif b["kind"] == "oph":
        bail = f"l'{b['long']} ({b['court']})"
    else:
        bail = b["court"].upper()
    notif = h["date_acte"] + timedelta(days=1)
    comp = f", {h['complement']}" if h["complement"] else ""
    loyer = _euros_variable(loyer_total(h), "€")
    corps = [
        ("b", f"Objet : {L['st']['objet']}"),
        ("b", "P.J. : copie de l'assignation"),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"L'étude de Maître {h['commissaire']}, commissaire de justice, m'a notifié le "
            f"{d_long(notif)} l'assignation délivrée le {d_long(h['date_acte'])}, à la requête de "
            f"{bail}, à l'encontre de {_qui_phrase(pers)}, aux fins de voir constater la "
            "résiliation du bail et ordonner l'expulsion.",
        ),
        (
            "p",
            f"Le litige porte sur un arriéré de {_euros_variable(h['dette'])} arrêté au "
            f"{d_num(h['date_dette'])}, pour un logement situé {adresse(h)}{comp} à "
            f"{h['commune']} ({h['cp']}), dont le loyer mensuel, charges comprises, s'élève à "
            f"{loyer}.",
        ),
        (
            "p",
            f"L'affaire est appelée à l'audience du {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h').replace(' h', ' h 00') if h['heure'].endswith('00') else heure(h['heure'], 'h')}, "
            f"devant le juge des contentieux de la protection du {h['juridiction']}.",
        ),
        (
            "p",
            "Je vous demande de bien vouloir prendre contact avec ce ménage et avec son "
            "bailleur afin de proposer un accompagnement socio-juridique, et de m'adresser le "
            f"diagnostic social et financier au plus tard le {d_long(limite)}, pour transmission "
            "au juge.",
        ),
        (
            "p",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.",
        ),
        ("r", L["st"]["signature"]),
        ("s", "Copie : ADIL 33 – 105 avenue Émile Counord – 33300 BORDEAUX"),
    ]
    att = _attendu_lettre(
        h,
        ref,
        date_lettre,
        limite,
        [P(civilite_attendue(p), p["nom"], p["prenom"]) for p in pers],
    )
    return corps, att


def acte_avocat_requete(h, F) -> list:
    """Assignation drafted by a lawyer (source 54): lawyer's letterhead with its Nantes
    address, « À LA REQUÊTE DE » / « DONNÉ ASSIGNATION À », the landlord's birth date when a
    person, « demeurant ensemble », rent « révisable … outre … de provisions sur charges »,
    a closing list of exhibits with other dates and the decompte's date."""
    st = F["st"]
    b = h["bailleur"]
    pers = h["personnes"]
    rng = random.Random(f"{h['rg']}/avocat")
    d = h["date_acte"]
    if b["kind"] == "oph":
        req = (
            f"L'{b['long']}, dénommé « {b['court']} », établissement public industriel et "
            f"commercial dont le siège est 26 place Rosa Parks – 44000 NANTES, pris en la "
            "personne de son directeur général"
        )
    elif b["kind"] == "esh":
        req = (
            f"La société anonyme d'habitations à loyer modéré {b['court']}, immatriculée au RCS "
            f"de Nantes sous le n° 857 {rng.randrange(100, 999)} {rng.randrange(100, 999)}, dont "
            "le siège est 8 boulevard de Berlin – 44000 NANTES"
        )
    elif b["kind"] == "sci":
        req = (
            f"La {b['court']}, société civile immobilière dont le siège est 3 rue Crébillon – "
            f"44000 NANTES, représentée par son gérant, Monsieur {rng_gerant(h)}"
        )
    else:
        q = b["pers"]
        e = "e" if q["femme"] else ""
        req = (
            f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}, né{e} le "
            f"{d_num(q['naissance'])} à {q['lieu']}, demeurant 12 rue de Strasbourg – 44000 NANTES"
        )
    if b["mandataire"]:
        req += f", agissant par l'intermédiaire de son mandataire, {b['mandataire']}"
    out = [
        ("r", f"Maître {st['avocat']}\nAvocat au Barreau de Nantes\n4 rue Voltaire – 44000 NANTES"),
        ("t", "ASSIGNATION EN RÉFÉRÉ"),
        ("h", f"DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION\nDU {h['juridiction'].upper()}"),
        ("b", "À LA REQUÊTE DE :"),
        ("p", req + "."),
        (
            "p",
            f"Ayant pour avocat Maître {st['avocat']}, avocat au barreau de Nantes, chez qui "
            "domicile est élu.",
        ),
        (
            "p",
            f"J'ai, Maître {h['commissaire']}, commissaire de justice associé, {st['office']}, "
            f"soussigné, le {d_long(d)},",
        ),
        ("b", "DONNÉ ASSIGNATION À :"),
    ]
    for p in pers:
        e = "e" if p["femme"] else ""
        nee = f" née {p['nee']}" if p["nee"] else ""
        out.append(
            (
                "i",
                f"{'Madame' if p['femme'] else 'Monsieur'} {p['nom']} {p['prenom']}{nee}, né{e} "
                f"le {d_num(p['naissance'])} à {p['lieu']}, {p['metier']}",
            )
        )
    comp = f", {h['complement']}" if h["complement"] else ""
    out.append(
        (
            "p",
            f"{'demeurant ensemble' if len(pers) > 1 else 'demeurant'} {adresse(h)}{comp} – "
            f"{h['cp']} {h['commune'].upper()}",
        )
    )
    out += [
        ("b", "D'AVOIR À COMPARAÎTRE"),
        (
            "p",
            f"à l'audience des référés du juge des contentieux de la protection du "
            f"{h['juridiction']}, {h['tribunal_adresse']}, le {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'H')}.",
        ),
        ("h", "OBJET DE LA DEMANDE"),
    ]
    base, charges = h["loyer"]
    date_bail = h["date_cmdt"] - timedelta(days=rng.randrange(400, 2500))
    ch = (
        f" outre {m_espace(charges)} € de provisions sur charges"
        if charges
        else ", charges comprises"
    )
    out += [
        (
            "p",
            f"Suivant acte sous seing privé du {d_num(date_bail)}, le requérant a donné à bail "
            f"{'aux défendeurs' if len(pers) > 1 else 'au défendeur' if not pers[0]['femme'] else 'à la défenderesse'} "
            f"le logement situé {adresse(h)} à {h['commune']}, moyennant un loyer mensuel révisable "
            f"de {m_espace(base)} €{ch}.",
        ),
        (
            "p",
            f"Par acte du {d_num(h['date_cmdt'])}, un commandement de payer visant la clause "
            f"résolutoire a été délivré pour la somme de {m_espace(h['commandement'])} € en "
            "principal. Il est demeuré infructueux dans le délai de six semaines.",
        ),
        (
            "p",
            f"Selon décompte arrêté au {d_num(h['date_dette'])}, "
            f"{'les locataires restent' if len(pers) > 1 else 'le locataire reste'} devoir la "
            f"somme de {m_espace(h['dette'])} €, échéance du mois de "
            f"{MOIS[h['date_dette'].month - 1]} incluse.",
        ),
        ("h", "PAR CES MOTIFS"),
        ("i", "– CONSTATER l'acquisition de la clause résolutoire du bail ;"),
        ("i", "– ORDONNER l'expulsion des lieux loués et de tous occupants de leur chef ;"),
        (
            "i",
            f"– CONDAMNER à titre provisionnel au paiement de {m_espace(h['dette'])} € et de "
            f"{m_espace(h['art700'])} € au titre de l'article 700 du code de procédure civile.",
        ),
        ("h", "BORDEREAU DES PIÈCES COMMUNIQUÉES"),
        ("i", f"1. Contrat de location du {d_num(date_bail)}"),
        ("i", f"2. Commandement de payer du {d_num(h['date_cmdt'])}"),
        ("i", f"3. Décompte locatif arrêté au {d_num(h['date_dette'])}"),
        ("i", f"4. Signalement à la CCAPEX du {d_num(h['date_cmdt'] + timedelta(days=3))}"),
        ("i", f"5. Notification au représentant de l'État du {d_num(d + timedelta(days=1))}"),
        ("r", "SOUS TOUTES RÉSERVES"),
    ]
    return out


def _nom_virgule(p) -> str:
    """« MARTIN, Laura (née GIRARD) »: name, comma, first name, as some acts write it."""
    return f"{p['nom']}, {p['prenom']}" + (f" (née {p['nee']})" if p["nee"] else "")


def acte_document_information(h, F) -> list:
    """Étude act followed by the information sheet of the decree of 9 May 2017 (source 55):
    « Signifié à : M. NOM, Prénom », round rent « au loyer de 491 € », a second page that
    repeats the hearing in words and lists the ADIL, FSL, CCAPEX and legal-aid addresses."""
    st = F["st"]
    b = h["bailleur"]
    pers = h["personnes"]
    d = h["date_acte"]
    if b["kind"] == "particulier":
        q = b["pers"]
        req = f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}, propriétaire"
    elif b["kind"] == "oph":
        req = f"{b['long']} ({b['court']})"
    elif b["kind"] == "esh":
        req = f"SA d'HLM {b['court']}"
    else:
        req = b["court"]
    if b["mandataire"]:
        req += f", représenté(e) par {b['mandataire']}"
    base, charges = h["loyer"]
    comp = f" – {h['complement']}" if h["complement"] else ""
    out = [
        ("t", "ACTE DE COMMISSAIRE DE JUSTICE"),
        ("h", "ASSIGNATION AUX FINS DE CONSTAT DE LA RÉSILIATION DU BAIL"),
        ("p", f"Le {d_long(d)}"),
        ("b", "À la demande de :"),
        ("p", req),
        ("b", "Signifié à :"),
    ]
    for p in pers:
        out.append(("i", f"{'Mme' if p['femme'] else 'M.'} {_nom_virgule(p)}"))
    out += [
        ("i", f"domicile : {adresse(h)}{comp} – {h['cp']} {h['commune'].upper()}"),
        (
            "p",
            f"Par l'intermédiaire de Maître {h['commissaire']}, commissaire de justice associé "
            f"au sein de la {st['etude']}, {st['etude_adresse']}.",
        ),
        ("h", "EXPOSÉ"),
        (
            "p",
            f"Le requérant a consenti un bail d'habitation portant sur le logement ci-dessus "
            f"désigné, au loyer de {_euros_variable(base)}"
            + (
                f" et {_euros_variable(charges)} de provision pour charges"
                if charges
                else " charges comprises"
            )
            + f". Un commandement de payer une dette de loyer de {_euros_variable(h['commandement'])} "
            f"a été délivré le {d_num(h['date_cmdt'])} ; la dette locative s'élève à "
            f"{_euros_variable(h['dette'])} (décompte au {d_num(h['date_dette'])}).",
        ),
        (
            "p",
            f"Le juge des contentieux de la protection du {h['juridiction']} statuera à "
            f"l'audience du {d_num(h['audience'])} à {heure(h['heure'], 'h')}, "
            f"{h['tribunal_adresse']}.",
        ),
        ("r", f"Coût de l'acte : {m_espace(h['cout'])} €"),
        ("br", None),
        ("h", "DOCUMENT D'INFORMATION"),
        ("s", "(article 1er du décret n° 2017-923 du 9 mai 2017)"),
        (
            "p",
            f"Vous êtes convoqué(e) à l'audience du {d_lettres(h['audience'], True)} à "
            f"{h_lettres(h['heure'])}. Vous pouvez demander l'aide juridictionnelle et être "
            "assisté(e) d'un avocat. Vous pouvez aussi saisir les acteurs de la prévention des "
            "expulsions :",
        ),
        ("i", "ADIL de la Haute-Garonne – 4 rue Furgole – 31000 TOULOUSE"),
        (
            "i",
            "Fonds de solidarité pour le logement – Conseil départemental de la Haute-Garonne – "
            "1 boulevard de la Marquette – 31090 TOULOUSE CEDEX 9",
        ),
        (
            "i",
            "CCAPEX – DDETS de la Haute-Garonne – 5 esplanade Compans-Caffarelli – 31000 TOULOUSE",
        ),
        ("i", "Bureau d'aide juridictionnelle – 2 allées Jules Guesde – 31000 TOULOUSE"),
    ]
    return out


def attendu_document_information(fichier, h, F):
    att = attendu_assignation(fichier, h, F)
    att["personnes"] = [P(civilite_attendue(p), p["nom"], p["prenom"]) for p in h["personnes"]]
    att["reference"] = None
    return att


def attendu_avocat_requete(fichier, h, F):
    att = attendu_assignation(fichier, h, F)
    att["reference"] = None
    return att


ASSIGN_FAMILIES.update(
    {
        # source 54 (issue 14, fourth round)
        "avocat-nantes-requete-pieces": dict(
            region="nantes",
            reglage=True,
            formats=["pdf", "docx"],
            font="Times-Roman",
            acte=acte_avocat_requete,
            attendu=attendu_avocat_requete,
            menage=_menage_sud_ouest,
            st=dict(avocat="Élise GUÉRAUD", office="SELARL LE BIHAN MORVAN", rg=False),
        ),
        # source 55
        "etude-toulouse-document-information": dict(
            region="toulouse",
            reglage=True,
            formats=["pdf", "docx"],
            font="Helvetica",
            acte=acte_document_information,
            attendu=attendu_document_information,
            menage=_menage_sud_ouest,
            st=dict(
                etude="SCP ROUQUETTE – SABATIER-MAURY",
                etude_adresse="21 allées Jean Jaurès – 31000 TOULOUSE",
                rg=False,
            ),
        ),
    }
)
LETTER_FAMILIES.update(
    {
        # source 52
        "ddetspp-gers-bordereau": dict(
            region="gers",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_sud_ouest,
            prefet=["PRÉFET", "DU GERS"],
            services=[
                "Direction départementale de l'emploi, du travail, des solidarités",
                "et de la protection des populations",
                "Service logement – prévention des expulsions",
            ],
            ref_fmt="DDETSPP32/EXP/{n:04d}",
            ref_label="N° d'enregistrement : ",
            corps=lettre_bordereau,
            dest="Conseil départemental du Gers\nMaison départementale des solidarités\n"
            "81 route de Pessan\n32000 AUCH",
            st=dict(
                objet="expulsion locative – transmission d'une assignation",
                signature="Pour le Préfet et par délégation,\nL'adjointe au chef de service",
            ),
        ),
        # source 53
        "prefecture-gironde-equipe-mobile": dict(
            region="gironde",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_sud_ouest,
            prefet=["PRÉFET", "DE LA GIRONDE"],
            services=[
                "Direction départementale de l'emploi, du travail et des solidarités",
                "Service habitat – pôle prévention des expulsions locatives",
                "Cité administrative – 2 rue Jules Ferry – 33090 BORDEAUX CEDEX",
            ],
            ref_fmt="PEX33-{n:05d}",
            ref_label="Dossier n° ",
            corps=lettre_equipe_mobile,
            dest="ADIL de la Gironde\nÉquipe mobile prévention des expulsions\n"
            "105 avenue Émile Counord\n33300 BORDEAUX",
            st=dict(
                objet="procédure d'expulsion locative – demande d'accompagnement et de diagnostic",
                signature="Pour le Préfet et par délégation,\nLa cheffe du pôle prévention des "
                "expulsions",
            ),
        ),
    }
)


# --------------------------------------------------------------------------- sources 64 à 66
# Families built from corpus/sources/64 to 66 (issue 14, session 8): where an act and a
# letter write their reference and their date. An étude's act laid out by the 2010 norms
# (no letterhead; the étude's file number, act code and print date in a footer in the left
# margin; one « modalités de remise » sheet per person served, with its own date); a
# préfecture letter in the administrative form (timbre, « Affaire suivie par », V/Réf. then
# N/Réf., a « Réf. : » line recalling texts, the place and date at the top or at the end);
# a DDETS letter printed from EXPLOC (a cartouche with the date and three file numbers:
# EXPLOC, CCAPEX, RG; a print date in the footer).

VILLES.update(
    {
        "clermont": [
            (
                "Clermont-Ferrand",
                "63000",
                "Tribunal judiciaire de Clermont-Ferrand",
                "16 place de l'Étoile, 63000 Clermont-Ferrand",
            ),
            (
                "Cournon-d'Auvergne",
                "63800",
                "Tribunal judiciaire de Clermont-Ferrand",
                "16 place de l'Étoile, 63000 Clermont-Ferrand",
            ),
            (
                "Chamalières",
                "63400",
                "Tribunal judiciaire de Clermont-Ferrand",
                "16 place de l'Étoile, 63000 Clermont-Ferrand",
            ),
            (
                "Riom",
                "63200",
                "Tribunal de proximité de Riom",
                "Place Jean-Baptiste Laurent, 63200 Riom",
            ),
            ("Thiers", "63300", "Tribunal de proximité de Thiers", "Rue Conchette, 63300 Thiers"),
        ],
        "deux-sevres": [
            ("Niort", "79000", "Tribunal judiciaire de Niort", "Place du Donjon, 79000 Niort"),
            ("Parthenay", "79200", "Tribunal judiciaire de Niort", "Place du Donjon, 79000 Niort"),
            ("Melle", "79500", "Tribunal judiciaire de Niort", "Place du Donjon, 79000 Niort"),
            (
                "Bressuire",
                "79300",
                "Tribunal de proximité de Bressuire",
                "Rue Jean Jaurès, 79300 Bressuire",
            ),
            (
                "Thouars",
                "79100",
                "Tribunal de proximité de Bressuire",
                "Rue Jean Jaurès, 79300 Bressuire",
            ),
        ],
        "loire": [
            (
                "Saint-Étienne",
                "42000",
                "Tribunal judiciaire de Saint-Étienne",
                "Place Chavanelle, 42000 Saint-Étienne",
            ),
            (
                "Saint-Chamond",
                "42400",
                "Tribunal judiciaire de Saint-Étienne",
                "Place Chavanelle, 42000 Saint-Étienne",
            ),
            (
                "Firminy",
                "42700",
                "Tribunal judiciaire de Saint-Étienne",
                "Place Chavanelle, 42000 Saint-Étienne",
            ),
            (
                "Roanne",
                "42300",
                "Tribunal judiciaire de Roanne",
                "Place Georges Clemenceau, 42300 Roanne",
            ),
            (
                "Montbrison",
                "42600",
                "Tribunal de proximité de Montbrison",
                "Rue Martin Bernard, 42600 Montbrison",
            ),
        ],
    }
)
OPH.update(
    {
        "clermont": ("Office Public de l'Habitat du Puy-de-Dôme", "OPHIS"),
        "deux-sevres": ("Office Public de l'Habitat des Deux-Sèvres", "Deux-Sèvres Habitat"),
        "loire": ("Office Public de l'Habitat de la Loire", "Loire Habitat"),
    }
)
COMMISSAIRES.update(
    {
        "clermont": ["Jean-Marc BOUDOL", "Anne-Laure CHABROL"],
        "deux-sevres": ["Thierry BONNEAU", "Nathalie GUÉRIN-PAPOT"],
        "loire": ["Frédéric MONTAGNON", "Céline DUPRÉ-VIAL"],
    }
)


def _jour_caps(d: date) -> str:
    """« QUATORZE OCTOBRE » / « PREMIER OCTOBRE »: the day of an act's heading in words."""
    j = "premier" if d.day == 1 else lettres(d.day)
    return f"{j} {MOIS[d.month - 1]}".upper()


def _dates_remise(h, rng) -> list[date]:
    """The day each person was served: the first on the act's date; a second person is
    sometimes reached only a few days later (copy left at the étude)."""
    out = [h["date_acte"]]
    for _ in h["personnes"][1:]:
        later = rng.random() < 0.5
        out.append(_weekday_after(h["date_acte"], 2, rng) if later else h["date_acte"])
    return out


def acte_normes_2010(h, F, remises: list[date], heading: bool) -> list:
    """Body of an étude's act laid out by the 2010 norms (source 64): the title with the
    texts it rests on under it, « L'AN … LE … » in words or no heading date at all, the
    parties, the hearing, the facts, then one « MODALITÉS DE REMISE DE L'ACTE » sheet per
    person served, each with its own date of service."""
    st = F["st"]
    pers = h["personnes"]
    base, charges = h["loyer"]
    d = h["date_acte"]
    loyer = f"{m_espace(base)} €" + (
        f" outre {m_espace(charges)} € de provision sur charges"
        if charges
        else " charges comprises"
    )
    out = [
        ("t", "ASSIGNATION EN CONSTAT DE RÉSILIATION DE BAIL ET EXPULSION"),
        (
            "s",
            "(articles 54, 56 et 750 et suivants du code de procédure civile ; article 24 de la loi "
            "n° 89-462 du 6 juillet 1989 ; décret n° 2017-923 du 9 mai 2017)",
        ),
        ("sp", 2),
    ]
    if heading:
        out.append(("b", f"L'AN {lettres(d.year).upper()} ET LE {_jour_caps(d)}"))
    out += [
        ("b", "À LA REQUÊTE DE :"),
        ("p", requerant(h, st) + "."),
        (
            "p",
            f"J'ai, Maître {h['commissaire']}, commissaire de justice associé au sein de la "
            f"{st['etude']}, {st['etude_adresse']}, soussigné,",
        ),
        ("b", "DONNÉ ASSIGNATION À :"),
    ]
    for i, p in enumerate(pers):
        out.append(("i", f"{i + 1}°) " + personne_txt(p, st)))
    comp = f"{h['complement']}, " if h["complement"] else ""
    out += [
        ("p", f"demeurant ensemble {comp}{adresse(h)}, {h['cp']} {h['commune'].upper()}."),
        ("b", "D'AVOIR À COMPARAÎTRE :"),
        (
            "p",
            f"devant le juge des contentieux de la protection du {h['juridiction']}, "
            f"{h['tribunal_adresse']}, à l'audience du {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h')}.",
        ),
        ("b", "TRÈS IMPORTANT"),
        (
            "s",
            "Vous êtes tenu de comparaître en personne ou de vous faire représenter. À défaut, "
            "vous vous exposez à ce qu'un jugement soit rendu contre vous sur les seuls éléments "
            "fournis par votre adversaire.",
        ),
        ("b", "OBJET DE LA DEMANDE"),
        (
            "p",
            f"Par acte sous seing privé du {d_num(h['date_cmdt'] - timedelta(days=900))}, le "
            f"requérant a donné à bail aux défendeurs le logement désigné ci-dessus moyennant un "
            f"loyer mensuel de {loyer}.",
        ),
        (
            "p",
            f"Un commandement de payer visant la clause résolutoire leur a été délivré le "
            f"{d_num(h['date_cmdt'])} pour la somme de {m_espace(h['commandement'])} € ; il a été "
            "signalé à la CCAPEX. Il est demeuré infructueux.",
        ),
        (
            "p",
            f"Selon le décompte arrêté au {d_num(h['date_dette'])}, les défendeurs restent "
            f"devoir la somme de {m_espace(h['dette'])} € au titre des loyers et charges impayés.",
        ),
        (
            "p",
            "La présente assignation sera notifiée au représentant de l'État dans le département "
            "par voie électronique, six semaines au moins avant l'audience.",
        ),
        ("b", "PAR CES MOTIFS"),
        (
            "p",
            "Constater la résiliation du bail ; ordonner l'expulsion des défendeurs et de tous "
            f"occupants de leur chef ; les condamner à payer {m_espace(h['dette'])} € ainsi que "
            f"{m_espace(h['art700'])} € au titre de l'article 700 du code de procédure civile.",
        ),
    ]
    for p, quand in zip(pers, remises):
        civ = "Madame" if p["femme"] else "Monsieur"
        a_personne = quand == d and p is pers[0]
        out += [
            ("br", None),
            ("t", "MODALITÉS DE REMISE DE L'ACTE"),
            (
                "tabw",
                (
                    (42, 88),
                    [
                        ["Acte", "Assignation en constat de résiliation de bail et expulsion"],
                        ["Requérant", h["bailleur"]["court"]],
                        ["Destinataire", f"{civ} {p['prenom']} {p['nom']}"],
                        ["Date de signification", d_num(quand)],
                    ],
                ),
            ),
            ("sp", 3),
            (
                "p",
                "Signification faite à la personne même du destinataire, qui a accepté la copie."
                if a_personne
                else "Personne ne pouvant ou ne voulant recevoir la copie, celle-ci a été déposée "
                "en notre étude sous enveloppe fermée ; un avis de passage a été laissé au "
                "domicile et la lettre prévue par l'article 658 du code de procédure civile a "
                "été adressée le jour même ou au plus tard le premier jour ouvrable suivant.",
            ),
            ("p", "Le présent acte comporte 5 feuilles."),
            ("r", f"Maître {h['commissaire']}"),
        ]
    return out


def ecrire_acte_normes_2010(docs: Path, fichier: str, h, F, fmt: str) -> None:
    """The act in a wide left margin (source 64): the étude's stamp, « ACTE DE COMMISSAIRE
    DE JUSTICE » on four lines, « COPIE », the cost framed at the foot of the first page, and
    on every page the étude's references on two lines (file number, act code, clerk's
    initials, print date)."""
    from reportlab.lib.units import mm  # deferred like the other canvas-drawn families

    st = F["st"]
    rng = random.Random(f"normes/{fichier}")
    remises = _dates_remise(h, rng)
    heading = rng.random() < 0.5
    edition = h["date_acte"] - timedelta(days=rng.randrange(1, 4))
    dossier = f"{h['date_acte'].year % 100}{rng.randrange(10000, 99999)}"
    initiales = rng.choice(["JMB", "ALC", "SV", "MPT"])

    def onpage(c, n):
        c.setLineWidth(0.5)
        c.line(55 * mm, 12 * mm, 55 * mm, mc.H - 12 * mm)
        x = 8 * mm
        c.setFont("Helvetica-Bold", 7.5)
        if n == 1:
            for i, t in enumerate(st["cachet"]):
                c.drawString(x, mc.H - 16 * mm - 3.4 * mm * i, t)
            c.setFont("Helvetica-Bold", 12)
            for i, t in enumerate(["ACTE", "DE COMMISSAIRE", "DE", "JUSTICE"]):
                c.drawString(x, mc.H - 60 * mm - 5.5 * mm * i, t)
            c.setFont("Helvetica-Oblique", 10)
            c.drawString(x, mc.H - 86 * mm, "COPIE")
            c.rect(x - 1 * mm, 24 * mm, 44 * mm, 34 * mm)
            c.setFont("Helvetica", 6.5)
            cout = h["cout"]
            lignes = [
                "COÛT DE L'ACTE",
                f"Émolument : {m_espace(round(cout * 0.42, 2))}",
                f"Frais de déplacement : {m_espace(9.40)}",
                f"Total HT : {m_espace(round(cout * 0.42 + 9.40 + 14.89, 2))}",
                f"Taxe forfaitaire : {m_espace(14.89)}",
                f"Total TTC : {m_espace(cout)} €",
            ]
            for i, t in enumerate(lignes):
                c.drawString(x, 54 * mm - 4.6 * mm * i, t)
        c.setFont("Helvetica", 7)
        c.drawString(x, 16 * mm, f"N° {dossier} – {st['code_acte']}")
        c.drawString(x, 12.5 * mm, f"{initiales} – édité le {d_num(edition)} – p. {n}")

    blocks = acte_normes_2010(h, F, remises, heading)
    build_pdf(
        docs / fichier,
        [(onpage, blocks, _pdf_font(F["font"]), 9.5, 14)],
        title="Assignation",
        left_mm=60,
    )


def attendu_normes_2010(fichier, h, F):
    # no RG number on the act; the étude's own file number is not a reference
    return attendu_assignation(fichier, h, F)


def _timbre(L, date_haut: str | None, refs: list[str]):
    """A State letter's first page in the administrative form (source 65): the timbre at
    the top left, the « Affaire suivie par » block and the references under it, the place
    and date at the top right (or nowhere, when the letter dates itself at the end)."""
    from reportlab.lib.units import mm  # deferred like the other canvas-drawn families

    def f(c, n):
        if n != 1:
            return
        c.setFont("Helvetica-Bold", 9)
        for i, t in enumerate(L["prefet"]):
            c.drawString(20 * mm, mc.H - 18 * mm - 4 * mm * i, t)
        y = mc.H - 18 * mm - 4 * mm * len(L["prefet"])
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(20 * mm, y - 1 * mm, "Liberté")
        c.drawString(20 * mm, y - 4 * mm, "Égalité")
        c.drawString(20 * mm, y - 7 * mm, "Fraternité")
        c.setFont("Helvetica", 8)
        lignes = L["services"] + [""] + refs
        for i, t in enumerate(lignes):
            c.drawString(20 * mm, y - 14 * mm - 3.6 * mm * i, t)
        if date_haut:
            c.setFont("Helvetica", 9.5)
            c.drawRightString(mc.W - 20 * mm, mc.H - 30 * mm, date_haut)
        c.setFont("Helvetica", 7)
        c.drawCentredString(mc.W / 2, 10 * mm, L["pied"])

    return f


def lettre_administrative(h, L, ref, date_lettre, limite, rng) -> tuple[list, list, str | None]:
    """Préfecture letter in the administrative form (source 65). Returns the body blocks,
    the reference lines of the timbre and the date printed at the top (None when the letter
    is dated only by « Fait à …, le … » before its signature)."""
    pers = h["personnes"]
    b = h["bailleur"]
    if b["kind"] == "particulier":
        q = b["pers"]
        bail = f"{'Madame' if q['femme'] else 'Monsieur'} {q['prenom']} {q['nom']}"
    elif b["kind"] == "oph":
        bail = f"l'{b['long']} ({b['court']})"
    else:
        bail = b["court"]
    qui = " et ".join(
        f"{'Madame' if p['femme'] else 'Monsieur'} {p['prenom']} {p['nom']}" for p in pers
    )
    suivi = ["Affaire suivie par : Mme Sophie RAGOT", "Tél. : 05 49 06 70 12"]
    style_ref = rng.choice(["v_n", "coupee", "enregistrement"])
    v_ref = f"ASLL-{date_lettre.year}-{rng.randrange(100, 999)}"
    if style_ref == "v_n":
        refs = suivi + [f"V/Réf. : {v_ref}", f"N/Réf. : {ref}"]
    elif style_ref == "coupee":
        cut = ref.rindex("/") + 1
        refs = suivi + [f"N/Réf. : {ref[:cut]}", f"          {ref[cut:]}"]
    else:
        refs = suivi + [f"N° d'enregistrement : {ref}"]
    where = rng.choice(["haut", "fin", "fin_lettres"])
    ville = L["ville"]
    top = f"{ville}, le {d_long(date_lettre)}" if where == "haut" else None
    rappel = rng.choice(
        [
            "Réf. : article 24 de la loi n° 89-462 du 6 juillet 1989 ; décret n° 2021-8 du "
            "5 janvier 2021",
            f"Réf. : votre courriel du {d_num(date_lettre - timedelta(days=rng.randrange(20, 60)))}",
        ]
    )
    comp = f", {h['complement']}" if h["complement"] else ""
    corps = [
        ("b", "Objet : procédure d'expulsion locative – demande de diagnostic social et financier"),
        ("b", rappel),
        ("b", "P.J. : copie de l'assignation"),
        ("sp", 2),
        ("p", "Madame la Directrice,"),
        (
            "p",
            f"Par acte de Maître {h['commissaire']}, commissaire de justice, délivré le "
            f"{d_long(h['date_acte'])}, {bail} a fait assigner {qui} devant le juge des "
            f"contentieux de la protection du {h['juridiction']}, aux fins de voir constater la "
            "résiliation du bail et ordonner leur expulsion.",
        ),
        (
            "p",
            f"Le logement est situé {adresse(h)}{comp}, {h['cp']} {h['commune']}. Le loyer "
            f"mensuel, charges comprises, est de {m_espace(loyer_total(h))} €. Un commandement de "
            f"payer avait été délivré le {d_long(h['date_cmdt'])} ; la dette locative s'élevait à "
            f"{m_espace(h['dette'])} € au {d_long(h['date_dette'])}.",
        ),
        (
            "p",
            f"L'affaire sera appelée à l'audience du {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h')}.",
        ),
        (
            "p",
            "Je vous remercie de bien vouloir réaliser le diagnostic social et financier prévu "
            "par la loi et de me le faire parvenir au plus tard le "
            f"{d_long(limite)}, afin que je le transmette au juge avant l'audience.",
        ),
        (
            "p",
            "Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération "
            "distinguée.",
        ),
    ]
    if where == "fin":
        corps.append(("r", f"Fait à {ville}, le {d_long(date_lettre)}"))
    elif where == "fin_lettres":
        corps.append(("r", f"Fait à {ville}, le {d_lettres(date_lettre)}"))
    corps.append(("r", L["st"]["signature"]))
    return corps, refs, top


def lettre_exploc(h, L, ref, date_lettre, limite, rng) -> tuple[list, list, str | None]:
    """DDETS letter printed from EXPLOC (source 66): a cartouche at the top with the date in
    figures and three file numbers (EXPLOC: the State's file; CCAPEX: the earlier report of
    the commandement; RG: the court's, only once enrolled), the procedure's own dates in the
    body (signalement, notification « reçue le … »), a print date in the footer."""
    pers = h["personnes"]
    b = h["bailleur"]
    if b["kind"] == "particulier":
        q = b["pers"]
        bail = f"{'Mme' if q['femme'] else 'M.'} {q['prenom']} {q['nom']}"
    else:
        bail = b["court"]
    signal = h["date_cmdt"] + timedelta(days=rng.randrange(2, 6))
    notif = h["date_acte"] + timedelta(days=1)
    ccapex = f"CCAPEX42-{signal.year}-{rng.randrange(1000, 9999)}"
    coupe = rng.random() < 0.4
    cart = [["Date", d_num(date_lettre)]]
    if coupe:  # the number wraps in its narrow cell
        cart.append(["Dossier EXPLOC", ref.replace("-", "-\n", 1)])
    else:
        cart.append(["Dossier EXPLOC", ref])
    cart.append(["N° CCAPEX", ccapex])
    if rng.random() < 0.5:
        cart.append(["N° RG", h["rg"]])
    cart.append(["Affaire suivie par", "M. Olivier PEYRON"])
    lignes_pers = [f"{'Mme' if p['femme'] else 'M.'} {p['nom']} {p['prenom']}" for p in pers]
    comp = f" – {h['complement']}" if h["complement"] else ""
    corps = [
        ("tabw", ((40, 60), cart)),
        ("sp", 4),
        ("b", "Objet : saisine pour la réalisation d'un diagnostic social et financier"),
        ("sp", 2),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"Le commandement de payer délivré le {d_num(h['date_cmdt'])} a fait l'objet d'un "
            f"signalement à la CCAPEX le {d_num(signal)}. L'assignation délivrée le "
            f"{d_num(h['date_acte'])} par Maître {h['commissaire']}, commissaire de justice, m'a "
            f"été notifiée par voie électronique (EXPLOC) ; notification reçue le {d_num(notif)}.",
        ),
        ("i", "Locataire(s) : " + " ; ".join(lignes_pers)),
        ("i", f"Logement : {adresse(h)}{comp} – {h['cp']} {h['commune'].upper()}"),
        ("i", f"Bailleur : {bail}"),
        (
            "i",
            f"Dette locative : {m_espace(h['dette'])} € au {d_num(h['date_dette'])} – loyer "
            f"charges comprises : {m_espace(loyer_total(h))} €",
        ),
        (
            "i",
            f"Audience : {d_num(h['audience'])} à {heure(h['heure'], 'h')} – juge des contentieux "
            f"de la protection du {h['juridiction']}",
        ),
        (
            "p",
            "Je vous demande de bien vouloir prendre contact avec le ménage et son bailleur et de "
            "réaliser le diagnostic social et financier.",
        ),
        ("i", f"Date limite de retour du diagnostic : {d_num(limite)}"),
        ("p", "Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées."),
        ("r", L["st"]["signature"]),
    ]
    return corps, [], None


def ecrire_lettre_timbre(docs, fichier, h, L, rng, n, fmt="pdf") -> dict:
    """Letters of sources 65 and 66: their own first page (timbre, references, cartouche)
    and, for the EXPLOC letter, a print date in the footer."""
    from reportlab.lib.units import mm  # deferred like the other canvas-drawn families

    date_lettre = h["date_acte"] + timedelta(days=rng.randrange(3, 12))
    limite = h["audience"] - timedelta(days=rng.randrange(10, 20))
    ref = L["ref_fmt"].format(n=n + rng.randrange(100, 900), an=date_lettre.year)
    corps, refs, top = L["corps"](h, L, ref, date_lettre, limite, rng)
    dest = L["dest"]
    lh = _timbre(L, top, refs)
    if L.get("edition"):
        edition = date_lettre - timedelta(days=rng.randrange(1, 4))
        base_lh = lh

        def lh(c, n_, base_lh=base_lh):
            base_lh(c, n_)
            c.setFont("Helvetica", 7)
            c.drawRightString(mc.W - 20 * mm, 14 * mm, f"Édité le {d_num(edition)} – EXPLOC")

    parts = [(lh, [("r", dest), ("sp", 4)] + corps, "Helvetica", 10, 88 if refs else 70)]
    build_pdf(docs / fichier, parts, title="Courrier")
    pers = [P(civilite_attendue(p), p["nom"], p["prenom"]) for p in h["personnes"]]
    return mc.attendu(
        fichier, "saisine_prefecture", **_attendu_lettre(h, ref, date_lettre, limite, pers)
    )


ASSIGN_FAMILIES.update(
    {
        # source 64
        "etude-clermont-normes-marge": dict(
            region="clermont",
            reglage=True,
            formats=["pdf"],
            font="Helvetica",
            ecrire=ecrire_acte_normes_2010,
            attendu=attendu_normes_2010,
            menage=_menage_reel,
            st=dict(
                civ="long",
                naissance="long",
                metier="nat",
                etude="SELARL BOUDOL – CHABROL",
                etude_adresse="14 boulevard Desaix, 63000 Clermont-Ferrand",
                cachet=[
                    "SELARL BOUDOL – CHABROL",
                    "Commissaires de justice associés",
                    "14 boulevard Desaix",
                    "63000 CLERMONT-FERRAND",
                    "Tél. 04 73 00 00 00",
                ],
                code_acte="ASSEXP",
                rg=False,
            ),
        ),
    }
)
LETTER_FAMILIES.update(
    {
        # source 65
        "prefecture-deux-sevres-lettre-administrative": dict(
            region="deux-sevres",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_reel,
            ecrire=ecrire_lettre_timbre,
            prefet=["PRÉFET", "DES DEUX-SÈVRES"],
            services=[
                "Direction départementale de l'emploi, du travail, des solidarités",
                "et de la protection des populations",
                "Pôle cohésion sociale – prévention des expulsions",
            ],
            ville="Niort",
            ref_fmt="DDETSPP79/PEX/{an}-{n:04d}",
            corps=lettre_administrative,
            dest="Association Solidarité Logement 79\nService ASLL\n12 rue de la Gare\n79000 NIORT",
            pied="DDETSPP des Deux-Sèvres – 30 rue de l'Hôtel de Ville – 79000 Niort",
            st=dict(
                signature="Pour le préfet et par délégation,\nLa directrice départementale "
                "adjointe,\nClaire MOUNIER",
            ),
        ),
        # source 66
        "ddets-loire-exploc-cartouche": dict(
            region="loire",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_reel,
            ecrire=ecrire_lettre_timbre,
            edition=True,
            prefet=["PRÉFET", "DE LA LOIRE"],
            services=[
                "Direction départementale de l'emploi, du travail et des solidarités",
                "Service logement – secrétariat de la CCAPEX",
                "11 rue Balay – 42000 SAINT-ÉTIENNE",
            ],
            ville="Saint-Étienne",
            ref_fmt="42-{an}-{n:05d}",
            corps=lettre_exploc,
            dest="UDAF de la Loire\nService prévention des expulsions\n8 rue de la Résistance\n"
            "42000 SAINT-ÉTIENNE",
            pied="Direction départementale de l'emploi, du travail et des solidarités de la Loire",
            st=dict(
                signature="Pour le préfet et par délégation,\nLe chef du service logement,\n"
                "Bruno FAYOLLE",
            ),
        ),
    }
)


# --------------------------------------------------------------------------- formulaires

RESS = [
    ("Salaire", "salaire"),
    ("ARE France Travail", "chomage"),
    ("RSA", "rsa"),
    ("AAH", "aah"),
    ("Pension de retraite", "pension"),
    ("Allocations familiales", "prestations_familiales"),
    ("APL", "apl"),
    ("Prime d'activité", "autre"),
    ("Indemnités journalières", "ij"),
]
MESURES = ["acces", "maintien", "renouvellement", "diagnostic"]
ORGANISMES = {
    "nord": ["MDS de Cambrai", "CCAS de Caudry", "CCAS du Cateau-Cambrésis"],
    "vaucluse": ["CCAS d'Avignon", "Secours Catholique de Carpentras", "MDS d'Orange"],
    "gironde": ["MDS de Libourne", "CCAS de Mérignac", "CCAS de Pessac"],
    "isere": ["Service social CAF de l'Isère", "CCAS de Vienne", "CCAS d'Échirolles"],
    "sarthe": [
        "Circonscription de la solidarité départementale du Mans Nord",
        "CCAS de Sablé-sur-Sarthe",
    ],
    "seine-saint-denis": [
        "Service social départemental de Montreuil",
        "CCAS de Saint-Denis",
        "CCAS d'Aubervilliers",
    ],
    "charente": ["CCAS de Cognac", "MDS d'Angoulême Ouest", "CCAS de Soyaux"],
    "val-de-marne": ["EDS de Créteil", "CCAS de Vitry-sur-Seine", "CCAS d'Ivry-sur-Seine"],
    "reunion": [
        "CCAS de Saint-Denis",
        "Association Kaz Solidarité",
        "Service social départemental du Port",
    ],
    "pas-de-calais": [
        "Maison du Département Solidarité de l'Artois",
        "CCAS d'Arras",
        "CCAS de Lens",
    ],
    "seine-maritime": ["CCAS du Havre", "CMS de Rouen rive gauche", "CCAS de Dieppe"],
}
FORM_VILLES = {
    "nord": [("Cambrai", "59400"), ("Caudry", "59540"), ("Le Cateau-Cambrésis", "59360")],
    "vaucluse": [("Avignon", "84000"), ("Carpentras", "84200"), ("Orange", "84100")],
    "gironde": [("Libourne", "33500"), ("Mérignac", "33700"), ("Pessac", "33600")],
    "isere": [("Vienne", "38200"), ("Échirolles", "38130"), ("Grenoble", "38000")],
    "sarthe": [("Le Mans", "72000"), ("Sablé-sur-Sarthe", "72300"), ("Allonnes", "72700")],
    "seine-saint-denis": [
        ("Saint-Denis", "93200"),
        ("Montreuil", "93100"),
        ("Aubervilliers", "93300"),
    ],
    "charente": [("Cognac", "16100"), ("Angoulême", "16000"), ("Soyaux", "16800")],
    "val-de-marne": [
        ("Créteil", "94000"),
        ("Vitry-sur-Seine", "94400"),
        ("Ivry-sur-Seine", "94200"),
    ],
    "reunion": [("Saint-Denis", "97400"), ("Saint-Pierre", "97410"), ("Le Port", "97420")],
    "pas-de-calais": [("Arras", "62000"), ("Lens", "62300"), ("Béthune", "62400")],
    "seine-maritime": [("Le Havre", "76600"), ("Rouen", "76000"), ("Dieppe", "76200")],
}


def foyer(rng: random.Random, dep: str) -> dict:
    """One household asking for a measure (as a referral form states it)."""
    comp = rng.choice(["couple", "femme_seule", "femme_seule", "homme_seul"])
    if comp == "couple":
        a = _personne(rng, False)
        b = _personne(rng, True, nom=a["nom"] if rng.random() < 0.6 else None)
        adultes = [a, b]
    else:
        adultes = [_personne(rng, comp == "femme_seule")]
    nb = rng.choice([0, 0, 1, 2, 3]) if comp != "homme_seul" else rng.choice([0, 0, 1])
    enfants = [
        (
            adultes[0]["nom"],
            rng.choice(PRENOMS_F + PRENOMS_H),
            date(rng.randrange(2008, 2024), rng.randrange(1, 13), rng.randrange(1, 29)),
        )
        for _ in range(nb)
    ]
    commune, cp = rng.choice(FORM_VILLES[dep])
    st = rng.choice(["locataire_public", "locataire_prive", "locataire_public", "heberge"])
    bailleur = (
        rng.choice(
            ["Habitat du Nord", "Logirem", "Mésolia", "Sarthe Habitat", "Alpes Isère Habitat"]
        )
        if st == "locataire_public"
        else rng.choice(SCI)
        if st == "locataire_prive"
        else None
    )
    loyer = (
        None
        if st == "heberge"
        else (_montant(rng, 280, 700), rng.choice([None, _montant(rng, 20, 90)]))
    )
    dette = (
        None
        if st == "heberge" or rng.random() < 0.3
        else (_montant(rng, 300, 3500), date(2025, rng.randrange(6, 10), rng.choice([15, 30])))
    )
    types = rng.sample(RESS, rng.randrange(1, 4))
    ressources = [
        (lab, t, None if rng.random() < 0.1 else _montant(rng, 80, 1700)) for lab, t in types
    ]
    pre = _personne(rng, rng.random() < 0.8)
    return dict(
        mesure=rng.choice(MESURES),
        date=date(2025, 9, 1) + timedelta(days=rng.randrange(0, 60)),
        prescripteur=(pre["prenom"], pre["nom"]),
        organisme=rng.choice(ORGANISMES[dep]),
        adultes=adultes,
        enfants=enfants,
        composition=comp,
        numero=str(rng.randrange(1, 90)),
        rue=rng.choice(RUES),
        cp=cp,
        commune=commune,
        statut=st,
        bailleur=bailleur,
        loyer=loyer,
        dette=dette,
        ressources=ressources,
    )


def attendu_foyer(fichier, f, dette=True) -> dict:
    loyer = None if f["loyer"] is None else round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
    return mc.attendu(
        fichier,
        "fiche_prescription",
        personnes=[
            P(civilite_attendue(a), a["nom"], a["prenom"], a["naissance"]) for a in f["adultes"]
        ],
        adresse=f"{f['numero']} {f['rue']}",
        code_postal=f["cp"],
        commune=f["commune"],
        bailleur=f["bailleur"],
        loyer_mensuel=loyer,
        montant_dette=f["dette"][0] if f["dette"] and dette else None,
        date_dette=f["dette"][1] if f["dette"] and dette else None,
        date_document=f["date"],
        type_mesure=f["mesure"],
        prescripteur=f"{f['prescripteur'][0]} {f['prescripteur'][1]}",
        organisme_prescripteur=f["organisme"],
        composition=f["composition"],
        nb_enfants=len(f["enfants"]),
        enfants=[P(None, n, p, d) for n, p, d in f["enfants"]],
        statut_occupation=f["statut"],
        ressources=[{"type": t, "montant": m} for _, t, m in f["ressources"]],
    )


MESURE_LAB = {
    "acces": "ASLL Accès",
    "maintien": "ASLL Maintien",
    "renouvellement": "Renouvellement",
    "diagnostic": "Diagnostic social",
}
STATUT_LAB = {
    "locataire_public": "Locataire HLM",
    "locataire_prive": "Locataire privé",
    "heberge": "Hébergé(e)",
    "sous_locataire": "Sous-locataire",
}


def _cases(options: dict, chosen, on="☒", off="☐") -> str:
    return "   ".join(f"{on if k == chosen else off} {v}" for k, v in options.items())


def _euros(x):
    return "en attente" if x is None else f"{m_espace(x)} €"


def form_nord(f) -> list:
    """Département du Nord style (source 10): « Nom et Prénom du demandeur », free lines."""
    a = f["adultes"]
    out = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT – ACCOMPAGNEMENT LOGEMENT"),
        ("h", "Fiche de repérage d'une problématique logement"),
        ("l", "Mesure demandée : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "Identification de la structure d'accueil"),
        ("l", f"Nom de la structure : {f['organisme']}"),
        ("l", f"Nom de l'intervenant : {f['prescripteur'][1]} {f['prescripteur'][0]}"),
        ("l", f"Date de la demande : {d_num(f['date'])}"),
        ("b", "Identification du ménage"),
        (
            "l",
            f"Nom et Prénom du demandeur : {'M.' if not a[0]['femme'] else 'Mme'} {a[0]['nom']} {a[0]['prenom']}",
        ),
        (
            "l",
            f"Date de naissance : {d_num(a[0]['naissance'])}   Lieu de naissance : {a[0]['lieu']}",
        ),
    ]
    if len(a) > 1:
        out += [
            (
                "l",
                f"Nom et Prénom du conjoint : {'Mme' if a[1]['femme'] else 'M.'} {a[1]['nom']} {a[1]['prenom']}",
            ),
            (
                "l",
                f"Date de naissance : {d_num(a[1]['naissance'])}   Lieu de naissance : {a[1]['lieu']}",
            ),
        ]
    else:
        out.append(("l", "Nom et Prénom du conjoint : –"))
    out.append(("l", f"Composition familiale : {len(a)} adulte(s) + {len(f['enfants'])} enfant(s)"))
    for n, p, dn in f["enfants"]:
        out.append(("l", f"   Enfant : {p} {n}, né(e) le {d_num(dn)}"))
    out += [
        ("l", f"Adresse : {f['numero']} {f['rue']}, {f['cp']} {f['commune'].upper()}"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f"Bailleur : {f['bailleur'] or '–'}"),
    ]
    if f["loyer"]:
        out.append(
            (
                "l",
                f"Loyer : {m_espace(f['loyer'][0])} €   Charges : "
                f"{m_espace(f['loyer'][1]) + ' €' if f['loyer'][1] else '–'}",
            )
        )
    if f["dette"]:
        out.append(
            ("l", f"Montant de la dette : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}")
        )
    out.append(("b", "Ressources mensuelles du ménage"))
    for lab, _, m in f["ressources"]:
        out.append(("l", f"{lab} : {_euros(m)}"))
    return out


def form_siao_docx(path, f) -> None:
    """SIAO style (source 11): two-column DEMANDEUR / CO-DEMANDEUR table, ☒ boxes."""
    a = f["adultes"]
    co = a[1] if len(a) > 1 else None
    comp = {"homme_seul": "Homme seul", "femme_seule": "Femme seule", "couple": "Couple"}
    blocks = [
        ("t", "FICHE DE PRESCRIPTION – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
        ("l", f"Date de la demande : {d_num(f['date'])}"),
        ("b", "ORIGINE DE LA DEMANDE"),
        (
            "tab",
            [
                ["Identité du service", f["organisme"]],
                [
                    "Nom et fonction du prescripteur",
                    f"{f['prescripteur'][0]} {f['prescripteur'][1]}, conseiller(ère) en ESF",
                ],
            ],
        ),
        ("b", "MESURE SOLLICITÉE"),
        ("l", _cases(MESURE_LAB, f["mesure"])),
        ("b", "IDENTIFICATION DU / DES DEMANDEUR(S)"),
        ("l", _cases(comp, f["composition"]) + f"   Si enfants, nombre : {len(f['enfants'])}"),
        (
            "tab",
            [
                ["", "LE DEMANDEUR", "LE CO-DEMANDEUR"],
                ["Nom", a[0]["nom"], co["nom"] if co else ""],
                ["Prénom", a[0]["prenom"], co["prenom"] if co else ""],
                [
                    "Sexe",
                    "F" if a[0]["femme"] else "M",
                    ("F" if co["femme"] else "M") if co else "",
                ],
                [
                    "Date et lieu de naissance",
                    f"{d_num(a[0]['naissance'])} – {a[0]['lieu']}",
                    f"{d_num(co['naissance'])} – {co['lieu']}" if co else "",
                ],
            ],
        ),
    ]
    if f["enfants"]:
        blocks.append(
            (
                "tab",
                [["Enfants", "Prénom", "Né(e) le"]]
                + [[n, p, d_num(dn)] for n, p, dn in f["enfants"]],
            )
        )
    rows = [
        ["Adresse", f"{f['numero']} {f['rue']}"],
        ["Code postal / Ville", f"{f['cp']} {f['commune']}"],
        ["Situation", STATUT_LAB[f["statut"]]],
        ["Bailleur", f["bailleur"] or ""],
    ]
    if f["loyer"]:
        rows.append(
            ["Loyer + charges", f"{m_espace(f['loyer'][0])} € + {m_espace(f['loyer'][1] or 0)} €"]
        )
    if f["dette"]:
        rows.append(["Impayé de loyer", f"{m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"])
    blocks += [
        ("b", "LOGEMENT ACTUEL"),
        ("tab", rows),
        ("b", "RESSOURCES"),
        (
            "tab",
            [["Nature", "Montant mensuel"]] + [[lab, _euros(m)] for lab, _, m in f["ressources"]],
        ),
    ]
    write_docx(path, blocks, "Arial", "SIAO")


def form_labels_after(f) -> list:
    """A printed form where each value sits above its label (labels after values)."""
    a = f["adultes"]
    out = [
        ("t", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
        ("l", "Type de mesure : " + _cases(MESURE_LAB, f["mesure"], "(X)", "( )")),
        ("sp", 2),
    ]

    def pair(value, label):
        out.append(("l", value or "—"))
        out.append(("s", label))

    pair(f["organisme"], "Service prescripteur")
    pair(f"{f['prescripteur'][0]} {f['prescripteur'][1]}", "Prénom et nom du travailleur social")
    pair(d_num(f["date"]), "Date de la demande")
    for i, p in enumerate(a):
        q = "demandeur" if i == 0 else "conjoint(e)"
        pair(
            f"{'Madame' if p['femme'] else 'Monsieur'} {p['prenom']} {p['nom']}",
            f"Civilité, prénom, nom du {q}",
        )
        pair(d_num(p["naissance"]), f"Date de naissance du {q}")
    pair(str(len(f["enfants"])), "Nombre d'enfants à charge")
    pair(f"{f['numero']} {f['rue']}", "Adresse du logement")
    pair(f"{f['cp']} {f['commune']}", "Code postal et commune")
    pair(STATUT_LAB[f["statut"]], "Statut d'occupation")
    pair(f["bailleur"] or "", "Bailleur")
    if f["loyer"]:
        pair(
            m_espace(f["loyer"][0] + (f["loyer"][1] or 0)) + " €", "Loyer mensuel charges comprises"
        )
    if f["dette"]:
        pair(f"{m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}", "Dette locative")
    for lab, _, m in f["ressources"]:
        pair(_euros(m), lab)
    return out


def form_menage_table_docx(path, f) -> None:
    """Département style with one household table (adults and children in rows)."""
    rows = [["Civilité", "Nom", "Prénom", "Date de naissance", "Lien"]]
    for i, p in enumerate(f["adultes"]):
        rows.append(
            [
                "Mme" if p["femme"] else "M.",
                p["nom"],
                p["prenom"],
                d_num(p["naissance"], "."),
                "Demandeur" if i == 0 else "Conjoint",
            ]
        )
    for n, p, dn in f["enfants"]:
        rows.append(["", n, p, d_num(dn, "."), "Enfant"])
    blocks = [
        ("t", "DÉPARTEMENT – FONDS DE SOLIDARITÉ POUR LE LOGEMENT"),
        ("h", "Formulaire de demande de mesure ASLL"),
        (
            "p",
            f"Référent social : {f['prescripteur'][1].upper()} {f['prescripteur'][0]} – {f['organisme']}",
        ),
        ("p", f"Date : le {d_long(f['date'])}"),
        ("p", "Nature de la demande : " + _cases(MESURE_LAB, f["mesure"], "■", "□")),
        ("b", "Composition du ménage"),
        ("tab", rows),
        ("p", f"Logement : {f['numero']} {f['rue']} – {f['cp']} {f['commune']}"),
        (
            "p",
            f"Statut : {STATUT_LAB[f['statut']]}"
            + (f" – bailleur : {f['bailleur']}" if f["bailleur"] else ""),
        ),
    ]
    if f["loyer"]:
        blocks.append(
            (
                "p",
                f"Loyer résiduel : {m_espace(f['loyer'][0])} € ; charges : "
                f"{m_espace(f['loyer'][1] or 0)} €",
            )
        )
    if f["dette"]:
        blocks.append(
            ("p", f"Dette de loyer au {d_num(f['dette'][1])} : {m_espace(f['dette'][0])} €")
        )
    blocks += [
        ("b", "Ressources mensuelles"),
        (
            "tab",
            [["Ressource", "Montant"]]
            + [[lab, _euros(m)] for lab, _, m in f["ressources"]]
            + [["Total", f"{m_espace(sum(m or 0 for _, _, m in f['ressources']))} €"]],
        ),
    ]
    write_docx(path, blocks, "Calibri", "Département")


def form_fillable_isere(path, f) -> None:
    """An AcroForm PDF with its own field names and labels (values only in the fields)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = A4
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Demande ASLL")
    form = c.acroForm
    y = [H - 22 * mm]

    def champ(label, name, value):
        c.setFont("Helvetica", 8.5)
        c.drawString(18 * mm, y[0] + 1.5 * mm, label)
        form.textfield(
            name=name,
            value=value,
            x=80 * mm,
            y=y[0],
            width=110 * mm,
            height=5.5 * mm,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
        )
        y[0] -= 7.5 * mm

    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(W / 2, y[0], "FSL – DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT")
    y[0] -= 12 * mm
    champ("Mesure (accès, maintien, renouvellement, diagnostic)", "mesure", MESURE_LAB[f["mesure"]])
    champ("Organisme instructeur", "organisme", f["organisme"])
    champ("Nom du travailleur social", "ts_nom", f["prescripteur"][1])
    champ("Prénom du travailleur social", "ts_prenom", f["prescripteur"][0])
    champ("Date d'instruction", "date", d_num(f["date"]))
    for i, p in enumerate(f["adultes"]):
        q = "Demandeur" if i == 0 else "Conjoint"
        champ(f"{q} – civilité", f"civ{i}", "Mme" if p["femme"] else "M.")
        champ(f"{q} – nom d'usage", f"nom{i}", p["nom"])
        champ(f"{q} – prénom", f"prenom{i}", p["prenom"])
        champ(f"{q} – né(e) le", f"dn{i}", d_num(p["naissance"]))
    champ("Nombre d'enfants à charge", "nb_enfants", str(len(f["enfants"])))
    champ("Adresse", "adresse", f"{f['numero']} {f['rue']}")
    champ("Code postal", "cp", f["cp"])
    champ("Commune", "commune", f["commune"])
    champ("Statut d'occupation", "statut", STATUT_LAB[f["statut"]])
    champ("Bailleur", "bailleur", f["bailleur"] or "")
    champ("Loyer hors charges (€)", "loyer", m_espace(f["loyer"][0]) if f["loyer"] else "")
    champ("Charges (€)", "charges", m_espace(f["loyer"][1]) if f["loyer"] and f["loyer"][1] else "")
    champ(
        "Montant de la dette locative (€)", "dette", m_espace(f["dette"][0]) if f["dette"] else ""
    )
    champ("Dette arrêtée au", "date_dette", d_num(f["dette"][1]) if f["dette"] else "")
    for i, (lab, _, m) in enumerate(f["ressources"]):
        champ(f"Ressource : {lab} (€)", f"ress{i}", "en attente" if m is None else m_espace(m))
    c.save()


# --- families built from sources 15 to 19 (appended: the families above draw as before) ---


def _sub_rng(f) -> random.Random:
    """Layout choices of one document, drawn apart so the family's own draws stay unchanged."""
    return random.Random(f"{f['numero']}|{f['rue']}|{f['adultes'][0]['nom']}|{f['date']}")


def _nom_prenom(p, civ=True) -> str:
    c = ("Mme " if p["femme"] else "M. ") if civ else ""
    return f"{c}{p['nom']} {p['prenom']}"


def form_cd93_docx(path, f) -> None:
    """Seine-Saint-Denis style (source 15): Word maintien form, household table in its own
    column order with « NOM Prénom » in one cell, landlord's fiche navette, signature block."""
    a = f["adultes"]
    rows = [["Lien avec le demandeur", "NOM Prénom", "Né(e) le", "Situation professionnelle"]]
    for i, p in enumerate(a):
        lien = (
            ("Demandeuse" if p["femme"] else "Demandeur")
            if i == 0
            else ("Conjointe" if p["femme"] else "Conjoint")
        )
        rows.append([lien, _nom_prenom(p), d_num(p["naissance"]), p["metier"]])
    for n, pr, dn in f["enfants"]:
        rows.append(["Enfant", f"{n} {pr}", d_num(dn), "scolarisé(e)"])
    ress = [["Nature des ressources", "Montant mensuel"]] + [
        [lab, _euros(m)] for lab, _, m in f["ressources"]
    ]
    blocks = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT"),
        ("h", "Formulaire maintien (avec ou sans ASLL)"),
        ("l", "Nature de la demande : " + _cases(MESURE_LAB, f["mesure"])),
        ("b", "1. Composition du foyer"),
        ("tab", rows),
        ("l", f"Situation familiale : {'Couple' if len(a) > 1 else 'Personne seule'}"),
        ("b", "2. Le logement"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"Code postal / Commune : {f['cp']} {f['commune']}"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"])),
    ]
    if f["loyer"]:
        blocks.append(
            (
                "l",
                f"Loyer hors charges : {m_espace(f['loyer'][0])} €   Charges : "
                f"{m_espace(f['loyer'][1]) + ' €' if f['loyer'][1] else 'néant'}",
            )
        )
    blocks += [("b", "3. Ressources mensuelles du ménage"), ("tab", ress)]
    if f["bailleur"]:
        nav = [
            ["FICHE NAVETTE BAILLEUR", ""],
            ["Nom du bailleur", f["bailleur"]],
            ["Locataire", _nom_prenom(a[0], civ=False)],
            [
                "Montant de la dette locative",
                f"{m_espace(f['dette'][0])} €" if f["dette"] else "néant",
            ],
            ["Dette arrêtée au", d_num(f["dette"][1]) if f["dette"] else "–"],
        ]
        blocks += [("sp", 4), ("tab", nav)]
    ville = f["organisme"].split(" de ")[-1].split(" d'")[-1]
    blocks += [
        ("sp", 4),
        ("b", "Le travailleur social"),
        (
            "l",
            f"Nom, prénom et qualité : {f['prescripteur'][1]} {f['prescripteur'][0]}, assistante sociale",
        ),
        ("l", f"Service : {f['organisme']}"),
        ("l", f"Fait à {ville}, le {d_num(f['date'])}"),
        ("l", "Signature :"),
    ]
    write_docx(Path(path), blocks, "Calibri", author="Departement")


def form_gip_charente(f) -> list:
    """Charente GIP style (source 17): état civil in Demandeur | Conjoint columns, monthly
    income per person in columns with a Total, a table of fixed charges, other debts."""
    a = f["adultes"]
    r = _sub_rng(f)
    conj = a[1] if len(a) > 1 else None
    etat = [
        ["", "Demandeur", "Conjoint"],
        [
            "Civilité",
            "Mme" if a[0]["femme"] else "M.",
            ("Mme" if conj["femme"] else "M.") if conj else "",
        ],
        ["Nom", a[0]["nom"], conj["nom"] if conj else ""],
        ["Prénom", a[0]["prenom"], conj["prenom"] if conj else ""],
        ["Date de naissance", d_num(a[0]["naissance"]), d_num(conj["naissance"]) if conj else ""],
        ["Lieu de naissance", a[0]["lieu"], conj["lieu"] if conj else ""],
    ]
    rev = [["Nature", "Demandeur", "Conjoint", "Total"]]
    total = 0.0
    for lab, _, m in f["ressources"]:
        cell = "en attente" if m is None else m_espace(m)
        who = 1 if conj and r.random() < 0.4 else 0
        rev.append([lab, cell if who == 0 else "", cell if who == 1 else "", cell])
        total += m or 0
    rev.append(["Total", "", "", m_espace(total)])
    out = [
        ("t", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT DE LA CHARENTE"),
        ("h", "Demande d'aide et d'accompagnement – intercalaire du GIP"),
        ("l", f"Service instructeur : {f['organisme']}"),
        ("l", f"Travailleur social : {f['prescripteur'][1].upper()} {f['prescripteur'][0]}"),
        ("l", f"Date de la demande : {d_num(f['date'])}"),
        ("l", "Mesure sollicitée : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "1. État civil du(es) demandeur(s)"),
        ("tab", etat),
        ("b", "2. Composition familiale"),
        ("l", f"Nombre d'enfants à charge : {len(f['enfants'])}"),
    ]
    for n, p, dn in f["enfants"]:
        out.append(("l", f"   {p} {n}, né(e) le {d_num(dn)}"))
    out += [
        ("b", "3. Logement"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"Code postal : {f['cp']}   Commune : {f['commune']}"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f"Bailleur : {f['bailleur'] or '–'}"),
        ("b", "4. Revenus mensuels"),
        ("tab", rev),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        energie = round(r.uniform(40, 140), 2)
        assur = round(r.uniform(9, 25), 2)
        charges = [
            ["Charges fixes", "Montant"],
            ["Loyer (hors charges)", m_espace(base)],
            ["Charges locatives", m_espace(ch) if ch else "–"],
            ["Électricité / gaz", m_espace(energie)],
            ["Assurance habitation", m_espace(assur)],
            ["Total des charges", m_espace(base + (ch or 0) + energie + assur)],
        ]
        out += [("b", "5. Charges fixes"), ("tab", charges)]
    out.append(("b", "6. Endettement"))
    if f["dette"]:
        out.append(
            (
                "l",
                f"Dette de loyer : {m_espace(f['dette'][0])} € (décompte du {d_num(f['dette'][1])})",
            )
        )
    else:
        out.append(("l", "Dette de loyer : néant"))
    if r.random() < 0.5:
        out.append(
            (
                "l",
                f"Autres dettes : crédit à la consommation {m_espace(round(r.uniform(300, 2500), 2))} €",
            )
        )
    out += [
        ("l", "Raisons de l'impayé : baisse de ressources"),
        ("l", "Signature du demandeur :                Signature du travailleur social :"),
    ]
    return out


def form_drihl_sous_libelle(f) -> list:
    """Val-de-Marne style (source 18): a printed diagnostic request filled in by hand, each
    value on the line under its label, surname and first name in separate fields."""
    a = f["adultes"]
    out = [
        ("t", "FICHE DE SAISIE POUR LA RÉALISATION D'UN DIAGNOSTIC"),
        ("h", "Accompagnement vers et dans le logement – demande de diagnostic social"),
        ("l", "Service demandeur :"),
        ("l", f["organisme"]),
        ("l", "Prénom et nom du référent :"),
        ("l", f"{f['prescripteur'][0]} {f['prescripteur'][1]}"),
        ("l", "Date de la saisine :"),
        ("l", d_num(f["date"])),
    ]
    for i, p in enumerate(a):
        out += [
            ("b", "DEMANDEUR" if i == 0 else "CONJOINT"),
            ("l", "Civilité :"),
            ("l", "Madame" if p["femme"] else "Monsieur"),
            ("l", "Nom :"),
            ("l", p["nom"]),
            ("l", "Prénom(s) :"),
            ("l", p["prenom"]),
            ("l", "Date de naissance :"),
            ("l", d_num(p["naissance"])),
        ]
    if len(a) == 1:
        out += [("b", "CONJOINT"), ("l", "Sans objet")]
    out += [("b", "MÉNAGE"), ("l", "Nombre d'enfants à charge :"), ("l", str(len(f["enfants"])))]
    for n, p, dn in f["enfants"]:
        out.append(("l", f"Enfant : {p} {n}, né(e) le {d_num(dn)}"))
    out += [
        ("b", "LOGEMENT"),
        ("l", "Adresse du logement :"),
        ("l", f"{f['numero']} {f['rue']}"),
        ("l", "Code postal et commune :"),
        ("l", f"{f['cp']} {f['commune']}"),
        ("l", "Statut d'occupation :"),
        ("l", STATUT_LAB[f["statut"]]),
        ("l", "Bailleur :"),
        ("l", f["bailleur"] or "–"),
    ]
    if f["loyer"]:
        tot = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
        out += [("l", "Loyer charges comprises :"), ("l", f"{m_espace(tot)} €")]
    if f["dette"]:
        out += [
            ("l", "Montant de la dette locative :"),
            ("l", f"{m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"),
        ]
    out += [("b", "RESSOURCES DU MÉNAGE")]
    for lab, _, m in f["ressources"]:
        out.append(("l", f"{lab} – {_euros(m)}"))
    return out


def prep_diagnostic(f) -> None:
    f["mesure"] = "diagnostic"


def prep_ccapex(f) -> None:
    """A CCAPEX saisine concerns a tenant in debt: an hébergé household becomes a social tenant."""
    if f["statut"] == "heberge":
        f["statut"], f["bailleur"], f["loyer"] = (
            "locataire_public",
            "Seine-Saint-Denis Habitat",
            (452.3, 61.5),
        )
    if not f["dette"]:
        f["dette"] = (1874.2, date(2025, 8, 31))
    if f["mesure"] == "acces":
        f["mesure"] = "maintien"


def _ccapex_dates(f):
    r = _sub_rng(f)
    cmdt = f["date"] - timedelta(days=r.randrange(90, 160))
    assign = f["date"] - timedelta(days=r.randrange(10, 40))
    aud = f["date"] + timedelta(days=r.randrange(30, 70))
    while aud.weekday() >= 5:
        aud += timedelta(days=1)
    return cmdt, assign, aud, r


def form_ccapex(f) -> list:
    """CCAPEX saisine by a social worker (source 16): quotes the procedure (commandement,
    assignation, audience, commissaire de justice) but is a referral form, not an act."""
    a = f["adultes"]
    cmdt, assign, aud, r = _ccapex_dates(f)
    tj = r.choice(
        [
            "Tribunal judiciaire de Bobigny",
            "Tribunal de proximité de Saint-Denis",
            "Tribunal de proximité de Montreuil",
        ]
    )
    cj = r.choice(["Maître Arnaud DUPRÉ", "Maître Sonia BELKACEM"])
    out = [
        ("t", "CCAPEX – FICHE DE SAISINE"),
        ("h", "Commission de coordination des actions de prévention des expulsions locatives"),
        ("l", "Saisine par : [ ] le bailleur   [ ] le locataire   [X] un travailleur social"),
        (
            "l",
            f"Travailleur social : {'Mme' if r.random() < 0.8 else 'M.'} {f['prescripteur'][0]} "
            f"{f['prescripteur'][1]}, conseillère en économie sociale et familiale",
        ),
        ("l", f"Organisme : {f['organisme']}"),
        ("l", f"Date de la saisine : {d_num(f['date'])}"),
        ("b", "Ménage concerné"),
        (
            "l",
            f"Locataire en titre : {'Mme' if a[0]['femme'] else 'M.'} {a[0]['prenom']} {a[0]['nom']}, "
            f"né(e) le {d_num(a[0]['naissance'])}",
        ),
    ]
    if len(a) > 1:
        out.append(
            (
                "l",
                f"Co-titulaire du bail : {'Mme' if a[1]['femme'] else 'M.'} {a[1]['prenom']} "
                f"{a[1]['nom']}, né(e) le {d_num(a[1]['naissance'])}",
            )
        )
    out += [
        (
            "l",
            "Situation familiale : "
            + (
                "[X] Couple   [ ] Personne seule"
                if len(a) > 1
                else "[ ] Couple   [X] Personne seule"
            ),
        ),
        ("l", f"Nombre d'enfants à charge : {len(f['enfants'])}"),
        ("l", f"Adresse du logement : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f"Bailleur : {f['bailleur']}"),
        (
            "l",
            f"Loyer mensuel charges comprises : {m_espace(round(f['loyer'][0] + (f['loyer'][1] or 0), 2))} €",
        ),
        ("l", f"Dette locative : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"),
        ("b", "État de la procédure"),
        (
            "l",
            f"[X] Commandement de payer délivré le {d_num(cmdt)} par {cj}, commissaire de justice, "
            f"pour un montant de {m_espace(round(f['dette'][0] * 0.6, 2))} €",
        ),
        (
            "l",
            f"[X] Assignation délivrée le {d_num(assign)} devant le juge des contentieux de la protection "
            f"({tj})",
        ),
        ("l", f"Date d'audience : {d_num(aud)}"),
        ("l", "[ ] Jugement d'expulsion   [ ] Commandement de quitter les lieux"),
        ("b", "Ressources mensuelles"),
    ]
    for lab, _, m in f["ressources"]:
        out.append(("l", f"{lab} : {_euros(m)}"))
    out += [
        ("l", "Mesure préconisée : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("l", "Accord du ménage : [X] oui"),
    ]
    f["_ccapex"] = {"juridiction": tj, "date_audience": aud}
    return out


# --- families built from sources 20 to 22 (appended: the families above draw as before) ---

SITUATION_LAB = {
    "marie": "marié(e)",
    "concubinage": "concubinage",
    "pacse": "pacsé(e)",
    "celibataire": "célibataire",
    "divorce": "divorcé(e)",
    "separe": "séparé(e)",
    "veuf": "veuf (ve)",
}
LIEU_DE_VIE = {
    "locataire_public": "logement personnel (bailleur social)",
    "locataire_prive": "logement personnel (bailleur privé)",
    "heberge": "chez famille / ami",
}


def _situation(f, r) -> str:
    if len(f["adultes"]) > 1:
        return r.choice(["marie", "concubinage", "pacse"])
    return r.choice(["celibataire", "divorce", "separe", "veuf"])


def _nom_naissance(p, r) -> str:
    """The birth surname a form asks beside the usage one: another name for some women."""
    return r.choice(NOMS) if p["femme"] and r.random() < 0.5 else p["nom"]


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def form_siao_reunion(f) -> list:
    """SIAO de la Réunion style (source 20): instructeur block, an identity grid with the
    labels in the first column and one column per person headed Madame / Monsieur (the
    woman first, whoever is the demandeur), « Nom de jeune fille » beside the usage name,
    ages beside birth dates, the family situation as a grid of boxes, children « à charge »
    in a table of name, first name, sex and age."""
    a = f["adultes"]
    r = _sub_rng(f)
    mme = next((p for p in a if p["femme"]), None)
    mr = next((p for p in a if not p["femme"]), None)

    def cell(p, what):
        if p is None:
            return ""
        if what == "nom":
            return p["nom"]
        if what == "jf":
            return _nom_naissance(p, r) if p["femme"] else ""
        if what == "prenom":
            return p["prenom"]
        return f"{d_num(p['naissance'])}   âge : {_age(p['naissance'], f['date'])}"

    grid = [["", "Madame", "Monsieur"]] + [
        [lab, cell(mme, k), cell(mr, k)]
        for lab, k in (
            ("NOM", "nom"),
            ("Nom de jeune fille", "jf"),
            ("Prénom", "prenom"),
            ("Date de naissance", "dn"),
        )
    ]
    sit = _situation(f, r)
    ts_fem = r.random() < 0.8
    out = [
        ("t", "Dossier de demande d'accompagnement lié au logement"),
        ("h", "Service intégré de l'accueil et de l'orientation de la Réunion"),
        ("l", f"Date : {d_num(f['date'])}"),
        ("l", f"Instructeur : {f['prescripteur'][0]} {f['prescripteur'][1]}"),
        ("l", f"Service : {f['organisme']}"),
        (
            "l",
            "Fonction : "
            + ("conseillère en économie sociale et familiale" if ts_fem else "assistant social"),
        ),
        ("l", f"Tél. : 0262 {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}"),
        ("l", "Demande : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "IDENTITÉ DU MÉNAGE"),
        ("tab", grid),
        ("l", f"Adresse de domiciliation : {f['numero']} {f['rue']}"),
        ("l", f"{f['cp']} {f['commune'].upper()}"),
        (
            "l",
            "Lieu de vie du ménage au moment de la demande : "
            + _cases(LIEU_DE_VIE, f["statut"], "[X]", "[ ]"),
        ),
        ("l", "1. Situation familiale : " + _cases(SITUATION_LAB, sit, "[X]", "[ ]")),
        ("l", "2. Enfant(s) à charge (indiquer nom, prénom, sexe, âge, scolarité)"),
    ]
    if f["enfants"]:
        rows = [["Nom", "Prénom", "Sexe", "Âge", "Scolarité"]]
        for n, p, dn in f["enfants"]:
            age = _age(dn, f["date"])
            rows.append(
                [
                    n,
                    p,
                    "F" if p in PRENOMS_F else "M",
                    f"{age} ans",
                    "collège" if age > 10 else "école",
                ]
            )
        out.append(("tab", rows))
    else:
        out.append(("l", "Aucun enfant à charge"))
    out.append(("b", "LOGEMENT"))
    out.append(("l", f"Bailleur / propriétaire : {f['bailleur'] or 'sans objet'}"))
    if f["loyer"]:
        base, ch = f["loyer"]
        out.append(
            ("l", f"Loyer : {m_espace(base)} €   Charges : {m_espace(ch) + ' €' if ch else '0 €'}")
        )
    if f["dette"]:
        out.append(
            ("l", f"Impayé de loyer : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}")
        )
    rev = [["Ressources mensuelles", "Madame", "Monsieur"]]
    for lab, _, m in f["ressources"]:
        who = mme if mme is not None and (mr is None or r.random() < 0.5) else mr
        val = "en attente" if m is None else f"{m_espace(m)} €"
        rev.append([lab, val if who is mme else "", val if who is mr else ""])
    out += [("b", "RESSOURCES"), ("tab", rev)]
    return out


def form_fsl_cerfa_docx(path, f) -> None:
    """FSL request laid out like the CAF housing-aid form (source 21): Word tables with two
    label | value pairs a row, « Nom de famille (nom de naissance) » and « Nom d'usage », the
    address split into number, type and name of the street, complement, postcode, commune,
    yes / no questions, « Nom et adresse du propriétaire », the household in a table
    without a role column (adults and children told apart by their birth dates)."""
    a = f["adultes"]
    r = _sub_rng(f)
    rows = []
    for i, p in enumerate(a):
        nn = _nom_naissance(p, r)
        rows += [
            ["Vous" if i == 0 else "Votre conjoint(e), concubin(e) ou pacsé(e)", "", "", ""],
            [
                "Madame / Monsieur",
                "Madame" if p["femme"] else "Monsieur",
                "Date de naissance",
                d_num(p["naissance"]),
            ],
            [
                "Nom de famille (nom de naissance)",
                nn,
                "Nom d'usage (s'il y a lieu)",
                p["nom"] if nn != p["nom"] else "",
            ],
            ["Prénom", p["prenom"], "Lieu de naissance", p["lieu"]],
        ]
    kind, name = f["rue"].split(" ", 1) if " " in f["rue"] else ("", f["rue"])
    adr = [
        ["N°", f["numero"], "Type de voie (rue, boulevard…)", kind],
        ["Nom de la voie", name, "Complément", ""],
        ["Code postal", f["cp"], "Commune", f["commune"]],
    ]
    foyer_rows = [["Nom, prénom", "Date de naissance", "Sexe"]]
    for p in a:
        foyer_rows.append(
            [f"{p['nom']} {p['prenom']}", d_num(p["naissance"]), "F" if p["femme"] else "M"]
        )
    for n, p, dn in f["enfants"]:
        foyer_rows.append([f"{n} {p}", d_num(dn), "F" if p in PRENOMS_F else "M"])
    oui = "☒ oui ☐ non"
    non = "☐ oui ☒ non"
    loc = f["statut"] in ("locataire_public", "locataire_prive")
    blocks = [
        ("t", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT"),
        ("h", "Demande d'aide au maintien et d'accompagnement social lié au logement"),
        ("l", "Aide demandée : " + _cases(MESURE_LAB, f["mesure"])),
        ("b", "Merci de rappeler votre identité"),
        ("tab", rows),
        ("b", "Adresse du logement pour lequel vous demandez l'aide"),
        ("tab", adr),
        ("b", "Les personnes qui vivent avec vous"),
        ("tab", foyer_rows),
        ("b", "Votre logement"),
        ("l", f"Êtes-vous locataire ? {oui if loc else non}"),
        (
            "l",
            f"Le logement appartient-il à un organisme HLM ? {oui if f['statut'] == 'locataire_public' else non}",
        ),
    ]
    if f["statut"] == "heberge":
        blocks.append(("l", "Êtes-vous hébergé(e) gratuitement ? ☒ oui ☐ non"))
    if f["bailleur"]:
        blocks.append(
            ("l", f"Nom et adresse du propriétaire : {f['bailleur']}, service contentieux")
        )
    if f["loyer"]:
        base, ch = f["loyer"]
        blocks.append(
            (
                "tab",
                [
                    ["Montant du loyer hors charges", f"{m_espace(base)} €"],
                    ["Montant des charges", f"{m_espace(ch)} €" if ch else "0,00 €"],
                ],
            )
        )
    if f["dette"]:
        blocks.append(
            (
                "l",
                f"Avez-vous des loyers impayés ? ☒ oui ☐ non   Montant : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}",
            )
        )
    else:
        blocks.append(("l", "Avez-vous des loyers impayés ? ☐ oui ☒ non"))
    ress = [["Ressources mensuelles du foyer", "Montant"]] + [
        [lab, _euros(m)] for lab, _, m in f["ressources"]
    ]
    blocks += [
        ("tab", ress),
        ("b", "Cadre réservé au travailleur social"),
        (
            "tab",
            [
                ["Nom", f["prescripteur"][1]],
                ["Prénom", f["prescripteur"][0]],
                ["Organisme", f["organisme"]],
                ["Date", d_num(f["date"])],
            ],
        ),
    ]
    write_docx(Path(path), blocks, "Arial", author="FSL")


def form_legendes_dessous(f) -> list:
    """A CCAS liaison sheet filled in on dotted lines (sources 20, 21): each value written on
    its line with the caption printed under it in parentheses, « NOM Prénom » together, the
    household as lines « NOM Prénom – date » without roles, amounts in figures."""
    a = f["adultes"]
    r = _sub_rng(f)
    out = [
        ("t", "FICHE DE LIAISON – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
        ("h", "Centre communal d'action sociale"),
        ("l", f"{f['organisme']}"),
        ("s", "(service prescripteur)"),
        ("l", f"{f['prescripteur'][1].upper()} {f['prescripteur'][0]}"),
        ("s", "(NOM Prénom du travailleur social)"),
        ("l", d_num(f["date"])),
        ("s", "(date de la fiche)"),
        ("l", "Mesure : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "Le ménage"),
    ]
    for i, p in enumerate(a):
        out += [
            ("l", f"{'Madame' if p['femme'] else 'Monsieur'} {p['nom']} {p['prenom']}"),
            (
                "s",
                "(demandeur : civilité, NOM Prénom)"
                if i == 0
                else "(conjoint : civilité, NOM Prénom)",
            ),
            ("l", f"{d_num(p['naissance'])} à {p['lieu']}"),
            ("s", "(date et lieu de naissance)"),
        ]
    out.append(("l", "Autres personnes au foyer :"))
    if f["enfants"]:
        for n, p, dn in f["enfants"]:
            out.append(("l", f"{n} {p} – {d_num(dn)}"))
    else:
        out.append(("l", "néant"))
    out += [
        ("b", "Le logement"),
        ("l", f"{f['numero']} {f['rue']}"),
        ("s", "(adresse)"),
        ("l", f"{f['cp']} {f['commune']}"),
        ("s", "(code postal et commune)"),
        ("l", "Statut : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f["bailleur"] or "sans objet"),
        ("s", "(bailleur)"),
    ]
    if f["loyer"]:
        tot = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
        out += [("l", f"{m_espace(tot)} €"), ("s", "(loyer charges comprises)")]
    if f["dette"]:
        out += [
            ("l", f"{m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"),
            ("s", "(montant de la dette et date du décompte)"),
        ]
    out.append(("b", "Ressources du ménage"))
    for lab, _, m in f["ressources"]:
        out += [("l", _euros(m)), ("s", f"({lab})")]
    if r.random() < 0.5:
        out.append(("l", "Accord du ménage : [X] oui   [ ] non"))
    return out


def form_zones_alignees(f) -> list:
    """A departmental FSL sheet typed on its zones (source 22: several zones a line, « Date de
    naissance : Lieu de naissance : … »): the values typed on one line and the zones' captions
    printed under them, no colon, no blank left, several fields a line."""
    a = f["adultes"]
    r = _sub_rng(f)

    def zone(values, labels):
        return [("l", "   ".join(values)), ("s", "     ".join(labels))]

    out = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT – FICHE DE REPÉRAGE"),
        ("h", "Demande d'accompagnement logement"),
        *zone([f["organisme"]], ["Nom de la structure"]),
        *zone(
            [f"{f['prescripteur'][0]} {f['prescripteur'][1]}", d_num(f["date"])],
            ["Nom de l'intervenant", "Date de la demande"],
        ),
        ("l", "Mesure : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
    ]
    for i, p in enumerate(a):
        out += [
            ("b", "Identification du demandeur" if i == 0 else "Conjoint"),
            *zone(
                ["Madame" if p["femme"] else "Monsieur", p["nom"], p["prenom"]],
                ["Civilité", "Nom", "Prénom"],
            ),
            *zone([d_num(p["naissance"]), p["lieu"]], ["Date de naissance", "Lieu de naissance"]),
        ]
    if len(a) == 1:
        out += [("b", "Conjoint"), ("l", "néant")]
    out += [
        ("b", "Composition familiale"),
        *zone([str(len(f["enfants"]))], ["Nombre d'enfants à charge"]),
    ]
    for n, p, dn in f["enfants"]:
        out.append(("l", f"Enfant : {p} {n}, né(e) le {d_num(dn)}"))
    out += [
        ("b", "Logement"),
        *zone([f"{f['numero']} {f['rue']}"], ["Adresse"]),
        *zone([f["cp"], f["commune"]], ["Code postal", "Commune"]),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
    ]
    if f["bailleur"] and f["loyer"]:
        tot = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
        out += zone([f["bailleur"], f"{m_espace(tot)} €"], ["Bailleur", "Loyer charges comprises"])
    if f["dette"]:
        out += zone(
            [f"{m_espace(f['dette'][0])} €", d_num(f["dette"][1])],
            ["Dette locative", "Dette arrêtée au"],
        )
    out.append(("b", "Ressources mensuelles"))
    for lab, _, m in f["ressources"]:
        out.append(("l", f"{lab} : {_euros(m)}"))
    if r.random() < 0.5:
        out.append(("l", "Accord du ménage : [X] oui"))
    return out


def form_remplissable_grille(path, f) -> None:
    """A fillable PDF made with an office suite (sources 20, 21): fields named « Texte1 »,
    « Case3 »… (the names say nothing), tick boxes for the measure, the status and the family
    situation in a grid, and the household as a table of fields under printed column headers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = A4
    r = _sub_rng(f)
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Demande FSL")
    form = c.acroForm
    n = {"t": 0, "c": 0}
    y = [H - 20 * mm]

    def texte(x, value, width):
        n["t"] += 1
        form.textfield(
            name=f"Texte{n['t']}",
            value=value,
            x=x,
            y=y[0] - 1.2 * mm,
            width=width,
            height=5.5 * mm,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
        )

    def label(x, text, size=8.5, bold=False):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(x, y[0], text)

    def champ(lab, value, x=18 * mm, xf=70 * mm, width=110 * mm):
        label(x, lab)
        texte(xf, value, width)

    def cases(options: dict, chosen, x0=18 * mm):
        x = x0
        for k, v in options.items():
            n["c"] += 1
            form.checkbox(
                name=f"Case{n['c']}",
                x=x,
                y=y[0] - 1 * mm,
                size=3.8 * mm,
                checked=(k == chosen),
                buttonStyle="cross",
                borderWidth=0.5,
            )
            label(x + 5 * mm, v, 8)
            x += 5 * mm + c.stringWidth(v, "Helvetica", 8) + 6 * mm

    def down(k=7.5):
        y[0] -= k * mm

    label(18 * mm, "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT – FSL", 12, True)
    down(10)
    label(18 * mm, "Mesure demandée", 9, True)
    down(6)
    cases(MESURE_LAB, f["mesure"])
    down(9)
    label(18 * mm, "LE TRAVAILLEUR SOCIAL", 9, True)
    down(7)
    champ("Nom et prénom", f"{f['prescripteur'][1]} {f['prescripteur'][0]}")
    down()
    champ("Service", f["organisme"])
    down()
    champ("Date de la demande", d_num(f["date"]), width=35 * mm)
    down(10)
    label(18 * mm, "COMPOSITION DU MÉNAGE", 9, True)
    down(7)
    xs = (18 * mm, 40 * mm, 100 * mm, 135 * mm)
    for x, h in zip(xs, ("Civilité", "NOM Prénom", "Date de naissance", "Lien")):
        label(x, h, 8, True)
    down(6.5)
    rows = []
    for i, p in enumerate(f["adultes"]):
        lien = "Demandeur" if i == 0 else "Conjoint(e)"
        rows.append(
            ("Mme" if p["femme"] else "M.", f"{p['nom']} {p['prenom']}", p["naissance"], lien)
        )
    for nom, pr, dn in f["enfants"]:
        rows.append(("", f"{nom} {pr}", dn, "Enfant"))
    for civ, nom, dn, lien in rows:
        texte(xs[0], civ, 18 * mm)
        texte(xs[1], nom, 56 * mm)
        texte(xs[2], d_num(dn), 31 * mm)
        texte(xs[3], lien, 40 * mm)
        down(6.5)
    down(3)
    label(18 * mm, "Situation familiale", 8.5)
    down(6)
    cases(SITUATION_LAB, _situation(f, r))
    down(10)
    label(18 * mm, "LE LOGEMENT", 9, True)
    down(7)
    champ("Adresse", f"{f['numero']} {f['rue']}")
    down()
    champ("Code postal", f["cp"], width=20 * mm)
    label(95 * mm, "Commune")
    texte(112 * mm, f["commune"], 68 * mm)
    down()
    label(18 * mm, "Statut d'occupation", 8.5)
    down(6)
    cases(STATUT_LAB, f["statut"])
    down(8)
    champ("Bailleur", f["bailleur"] or "")
    down()
    if f["loyer"]:
        tot = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
        champ("Loyer charges comprises (€)", m_espace(tot), width=30 * mm)
        down()
    if f["dette"]:
        champ("Montant de la dette (€)", m_espace(f["dette"][0]), width=30 * mm)
        label(105 * mm, "arrêtée au")
        texte(122 * mm, d_num(f["dette"][1]), 30 * mm)
        down()
    down(3)
    label(18 * mm, "RESSOURCES MENSUELLES", 9, True)
    down(7)
    for lab, _, m in f["ressources"]:
        champ(f"{lab} (€)", "en attente" if m is None else m_espace(m), width=30 * mm)
        down()
    c.save()


def form_deux_colonnes_canvas(path, f) -> None:
    """A form in two printed columns side by side (source 11's DEMANDEUR / CO-DEMANDEUR, source
    17's Demandeur / Conjoint): the two people face to face, then the housing on the left and
    the resources on the right; a text extraction reads both columns line by line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = A4
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Fiche")
    L, R = 18 * mm, 110 * mm

    def col(x, y, lines, size=9):
        for t, bold in lines:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            c.drawString(x, y, t)
            y -= 5.6 * mm
        return y

    y = H - 20 * mm
    c.setFont("Helvetica-Bold", 12)
    c.drawString(L, y, "FICHE DE PRESCRIPTION – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT")
    y -= 9 * mm
    y = col(
        L,
        y,
        [
            (f"Service prescripteur : {f['organisme']}", False),
            (f"Référent : {f['prescripteur'][0]} {f['prescripteur'][1]}", False),
            (f"Date de la demande : {d_num(f['date'])}", False),
            ("Mesure : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]"), False),
        ],
    )
    y -= 3 * mm
    a = f["adultes"]

    def bloc(p, titre):
        if p is None:
            return [(titre, True), ("Sans objet", False)]
        return [
            (titre, True),
            (f"Civilité : {'Madame' if p['femme'] else 'Monsieur'}", False),
            (f"Nom : {p['nom']}", False),
            (f"Prénom : {p['prenom']}", False),
            (f"Né(e) le : {d_num(p['naissance'])}", False),
        ]

    y1 = col(L, y, bloc(a[0], "DEMANDEUR"))
    y2 = col(R, y, bloc(a[1] if len(a) > 1 else None, "CONJOINT"))
    y = min(y1, y2) - 3 * mm
    y = col(L, y, [(f"Nombre d'enfants à charge : {len(f['enfants'])}", False)])
    for n, p, dn in f["enfants"]:
        y = col(L, y, [(f"Enfant : {p} {n}, né(e) le {d_num(dn)}", False)])
    y -= 3 * mm
    left = [
        ("LOGEMENT", True),
        (f"Adresse : {f['numero']} {f['rue']}", False),
        (f"Code postal : {f['cp']}", False),
        (f"Commune : {f['commune']}", False),
        (f"Statut : {STATUT_LAB[f['statut']]}", False),
        (f"Bailleur : {f['bailleur'] or 'néant'}", False),
    ]
    if f["loyer"]:
        tot = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
        left.append((f"Loyer charges comprises : {m_espace(tot)} €", False))
    if f["dette"]:
        left.append((f"Dette locative : {m_espace(f['dette'][0])} €", False))
        left.append((f"Dette arrêtée au : {d_num(f['dette'][1])}", False))
    right = [("RESSOURCES MENSUELLES", True)] + [
        (f"{lab} : {_euros(m)}", False) for lab, _, m in f["ressources"]
    ]
    col(L, y, left)
    col(R, y, right)
    c.save()


# --- built from sources 23-25 (« en chantier »: first-sight scores in corpus/sources/README.md)

ORGANISMES.update(
    {
        "loire-atlantique": ["CCAS de Saint-Nazaire", "CCAS de Rezé", "CCAS de Saint-Herblain"],
        "cotes-d-armor": ["CAF des Côtes-d'Armor", "CCAS de Lannion", "CCAS de Dinan"],
        "gironde-mdsi": ["MDSI de Lormont", "MDSI de Blaye", "MDSI de Langon"],
    }
)
FORM_VILLES.update(
    {
        "loire-atlantique": [
            ("Saint-Nazaire", "44600"),
            ("Rezé", "44400"),
            ("Saint-Herblain", "44800"),
        ],
        "cotes-d-armor": [("Saint-Brieuc", "22000"), ("Lannion", "22300"), ("Dinan", "22100")],
        "gironde-mdsi": [("Lormont", "33310"), ("Blaye", "33390"), ("Langon", "33210")],
    }
)
# How other hands name the same resources (sources 21, 23, 24): the label differs, the type not.
RESS_AUTRES_LIBELLES = {
    "salaire": "Salaire ou revenu d'activité",
    "chomage": "Indemnités de chômage",
    "rsa": "Revenu de solidarité active (RSA)",
    "aah": "Allocation aux adultes handicapés",
    "pension": "Retraite / pension",
    "prestations_familiales": "Prestations familiales (CAF)",
    "apl": "Aide au logement (AL / APL)",
    "autre": "Prime d'activité",
    "ij": "Indemnités journalières (CPAM)",
}


def _date_cases(d: date, r) -> str:
    """A birth date typed into « J J M M A A A A » boxes (source 23)."""
    s = f"{d.day:02d}{d.month:02d}{d.year}"
    if r.random() < 0.5:
        return f"{s[:2]} {s[2:4]} {s[4:]}"
    return " ".join(s)


def _tel(r, prefix="02") -> str:
    return f"{prefix} " + " ".join(f"{r.randrange(10, 100)}" for _ in range(4))


def _courriel(prenom: str, nom: str, domaine: str) -> str:
    return f"{sans_accents(prenom).lower()}.{sans_accents(nom).lower().replace(' ', '')}@{domaine}"


def form_ccas_cerfa_docx(path, f) -> None:
    """CCAS form built on the Cerfa 14069 layout (source 23): civility only by a ticked
    box, maiden name on its own line, birth dates in boxes, split address (Numéro then Voie),
    a second block « Votre conjoint ou le futur co-titulaire du bail » left blank for a person
    alone, a dependants table whose « Lien de parenté » column is made of boxes (with blank
    rows), incomes in columns Demandeur / Conjoint, the instructing service's frame first."""
    a = f["adultes"]
    r = _sub_rng(f)
    pre_f = r.random() < 0.8
    ville = f["commune"]
    dom = "ccas-" + sans_accents(ville).lower().replace(" ", "-").replace("'", "") + ".fr"
    civ_opts = {"m": "Monsieur", "mme": "Madame", "mlle": "Mademoiselle"}

    def civ_of(p):
        return "mme" if p["femme"] else "m"

    def bloc(p):
        if p is None:
            return [
                ("l", _cases(civ_opts, None)),
                (
                    "tab",
                    [
                        ["Nom :", ""],
                        ["Nom de jeune fille :", ""],
                        ["Prénom :", ""],
                        ["Date de naissance (J J M M A A A A) :", ""],
                    ],
                ),
            ]
        jf = _nom_naissance(p, r) if p["femme"] else ""
        return [
            ("l", _cases(civ_opts, civ_of(p))),
            (
                "tab",
                [
                    ["Nom :", p["nom"]],
                    ["Nom de jeune fille :", jf if jf != p["nom"] else ""],
                    ["Prénom :", p["prenom"]],
                    ["Date de naissance (J J M M A A A A) :", _date_cases(p["naissance"], r)],
                ],
            ),
        ]

    mesures = {
        "acces": "ASLL accès au logement",
        "maintien": "ASLL maintien dans les lieux",
        "renouvellement": "Renouvellement de la mesure",
        "diagnostic": "Diagnostic social préalable",
    }
    statuts = {
        "locataire_public": "Locataire HLM",
        "locataire_prive": "Locataire parc privé",
        "heberge": "Hébergé(e) chez des parents ou des tiers",
        "sous_locataire": "Sous-locataire",
    }
    sit = _situation(f, r)
    blocks = [
        ("t", "DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ LOGEMENT"),
        ("h", "Accès – maintien – accompagnement social lié au logement"),
        ("b", "Cadre réservé au service instructeur"),
        (
            "tab",
            [
                ["Service instructeur", f["organisme"]],
                [
                    "Agent instructeur",
                    f"{'Mme' if pre_f else 'M.'} {f['prescripteur'][1]} {f['prescripteur'][0]}",
                ],
                ["Téléphone", _tel(r)],
                ["Courriel", _courriel(f["prescripteur"][0], f["prescripteur"][1], dom)],
                ["Date de la demande", d_num(f["date"])],
            ],
        ),
        ("l", "Mesure sollicitée : " + _cases(mesures, f["mesure"])),
        ("b", "LE DEMANDEUR"),
        *bloc(a[0]),
        ("l", "Situation familiale : " + _cases(SITUATION_LAB, sit)),
        ("b", "Adresse du logement actuel"),
        (
            "tab",
            [
                ["Numéro :", f["numero"], "Voie :", f["rue"]],
                ["Bâtiment :", r.choice(["", "B", "C"]), "Escalier :", ""],
                ["Étage :", str(r.randrange(0, 6)), "Appartement :", str(r.randrange(1, 40))],
                ["Code postal :", f["cp"], "Localité :", ville.upper()],
            ],
        ),
        ("b", "VOTRE CONJOINT OU LE FUTUR CO-TITULAIRE DU BAIL"),
        *bloc(a[1] if len(a) > 1 else None),
        (
            "l",
            "Lien avec le demandeur : "
            + _cases({"c": "Conjoint", "co": "Co-locataire"}, "c" if len(a) > 1 else None),
        ),
        ("b", "Personnes à charge qui vivront dans le logement"),
    ]
    rows = [["Nom", "Prénom", "Sexe M/F", "Date de naissance", "Lien de parenté"]]
    lien = {"p": "parent", "e": "enfant", "a": "autre"}
    for n, pr, dn in f["enfants"]:
        rows.append([n, pr, "F" if pr in PRENOMS_F else "M", d_num(dn), _cases(lien, "e")])
    while len(rows) < 4:
        rows.append(["", "", "", "", _cases(lien, None)])
    blocks += [("tab", rows), ("b", "Situation au regard du logement")]
    blocks.append(("l", "Vous êtes : " + _cases(statuts, f["statut"])))
    loge = [["Nom du bailleur / propriétaire", f["bailleur"] or ""]]
    if f["loyer"]:
        base, ch = f["loyer"]
        loge += [
            ["Montant du loyer (hors charges)", f"{m_espace(base)} €"],
            ["Charges", f"{m_espace(ch)} €" if ch else "comprises"],
        ]
    else:
        loge += [["Montant du loyer (hors charges)", ""], ["Charges", ""]]
    if f["dette"]:
        loge.append(
            [
                "Impayé de loyer",
                f"{m_espace(f['dette'][0])} € (décompte au {d_num(f['dette'][1])})",
            ]
        )
    else:
        loge.append(["Impayé de loyer", "☐ oui   ☒ non"])
    blocks.append(("tab", loge))
    rev = [["Revenus mensuels", "Demandeur", "Conjoint / co-titulaire", "Personnes à charge"]]
    for _, t, m in f["ressources"]:
        col = 1 if len(a) == 1 or r.random() < 0.6 else 2
        val = "en cours" if m is None else f"{m_espace(m)} €"
        row = [RESS_AUTRES_LIBELLES[t], "", "", ""]
        row[col] = val
        rev.append(row)
    blocks += [("b", "Revenus du foyer"), ("tab", rev)]
    blocks += [
        ("sp", 4),
        ("l", f"Fait à {ville}, le {d_num(f['date'])}"),
        ("l", "Signature du demandeur :                    Signature de l'agent instructeur :"),
    ]
    write_docx(Path(path), blocks, "Arial", author="CCAS")


def form_caf_fsl_volets(f) -> list:
    """CAF-run FSL file (source 24): a common part then the volet for the aid asked,
    allocataire number and phone beside the names, dates in words, amounts « 1.234,50 € »,
    rent without charges, housing benefit and residual rent on neighbouring lines, household
    members numbered « 1) » with their link after the date, ASLL asked by « oui / non »
    boxes, the social worker's block (phone, e-mail) at the end."""
    a = f["adultes"]
    r = _sub_rng(f)

    def pers(p, role):
        nn = _nom_naissance(p, r) if p["femme"] else p["nom"]
        out = [
            ("l", f"{role} : {'Madame' if p['femme'] else 'Monsieur'}"),
            ("l", f"Nom d'usage : {p['nom']}      Nom de naissance : {nn}"),
            ("l", f"Prénom(s) : {p['prenom']}"),
            ("l", f"Né(e) le {d_long(p['naissance'])} à {p['lieu']}"),
        ]
        return out

    out = [
        ("t", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT"),
        ("h", "Dossier de demande d'aide – Caisse d'allocations familiales, pôle logement AFI-FSL"),
        ("b", "PARTIE COMMUNE – À REMPLIR OBLIGATOIREMENT"),
        ("l", f"Demande déposée le {d_long(f['date'])}"),
        (
            "l",
            f"N° allocataire : {r.randrange(1000000, 9999999)}      Téléphone : {_tel(r, '06')}",
        ),
        *pers(a[0], "Le demandeur"),
    ]
    if len(a) > 1:
        out += pers(a[1], "Le conjoint, concubin(e) ou pacsé(e)")
    else:
        out.append(("l", "Le conjoint, concubin(e) ou pacsé(e) : néant"))
    out.append(("l", "Les autres personnes vivant au foyer :"))
    if f["enfants"]:
        for i, (n, pr, dn) in enumerate(f["enfants"], 1):
            lien = "fille" if pr in PRENOMS_F else "fils"
            out.append(("l", f"   {i}) {pr} {n}, né(e) le {d_num(dn, '.')} – {lien}"))
    else:
        out.append(("l", "   aucune"))
    out += [
        ("l", f"Adresse : {f['numero']}, {f['rue']} – {f['cp']} {f['commune'].upper()}"),
        (
            "l",
            "Vous êtes : "
            + _cases(
                {
                    "locataire_public": "locataire parc public",
                    "locataire_prive": "locataire parc privé",
                    "heberge": "hébergé(e)",
                },
                f["statut"],
                "[x]",
                "[ ]",
            ),
        ),
        ("b", "Ressources mensuelles du foyer"),
    ]
    for _, t, m in f["ressources"]:
        out.append(
            (
                "l",
                f"   {RESS_AUTRES_LIBELLES[t]} : "
                + ("demande en cours" if m is None else f"{m_point(m)} €"),
            )
        )
    if f["statut"] == "heberge":
        out += [
            ("b", "VOLET ACCÈS AU LOGEMENT"),
            ("l", "Logement recherché : T2 / T3 – pas de logement identifié à ce jour"),
        ]
    else:
        base, ch = f["loyer"]
        apl = round(min(base * 0.45, 250), 2)
        out += [
            ("b", "VOLET MAINTIEN DANS LES LIEUX"),
            ("l", f"Nom et adresse du bailleur : {f['bailleur']}, service recouvrement"),
            ("l", f"Loyer sans les charges locatives : {m_point(base)} €"),
            ("l", f"Charges locatives : {m_point(ch) + ' €' if ch else 'néant'}"),
            ("l", f"Aide au logement (AL ou APL) : {m_point(apl)} €"),
            (
                "l",
                f"Résiduel de loyer (loyer net – aides au logement) : {m_point(base - apl)} €",
            ),
        ]
        if f["dette"]:
            out.append(
                (
                    "l",
                    f"Montant de la dette de loyer : {m_point(f['dette'][0])} € "
                    f"arrêtée au {d_long(f['dette'][1])}",
                )
            )
        else:
            out.append(("l", "Montant de la dette de loyer : pas de dette à ce jour"))
    out += [
        ("l", "Accompagnement social lié au logement (ASLL) demandé : [x] oui   [ ] non"),
        (
            "l",
            "Nature : "
            + _cases(
                {
                    "acces": "accès",
                    "maintien": "maintien",
                    "renouvellement": "renouvellement",
                    "diagnostic": "diagnostic",
                },
                f["mesure"],
                "[x]",
                "[ ]",
            ),
        ),
        ("b", "Le travailleur social (obligatoire pour un impayé de loyer)"),
        (
            "l",
            f"{f['prescripteur'][0]} {f['prescripteur'][1]}, "
            + r.choice(["conseillère en économie sociale et familiale", "assistante sociale"]),
        ),
        ("l", f"Organisme : {f['organisme']}"),
        (
            "l",
            f"Tél. : {_tel(r)}   Courriel : "
            + _courriel(f["prescripteur"][0], f["prescripteur"][1], "cotesdarmor.fr"),
        ),
    ]
    return out


def _ville_service(f) -> str:
    """Postcode and town of the referring service, read from its name (« MDSI de Blaye »)."""
    for dep in FORM_VILLES.values():
        for ville, cp in dep:
            if f["organisme"].endswith(ville):
                return f"{cp} {ville}"
    return f"{f['cp']} {f['commune']}"


def form_mdsi_evaluation(f) -> list:
    """Département evaluation sheet (source 25): the service's nature in boxes, adults in
    columns headed Madame / Monsieur (in either order) with labels in rows, a children table
    whose first column is the birth date and « Nom et prénom » one cell, a narrative
    synthesis, and the social worker, administrative address, date and phone only at the
    end."""
    a = f["adultes"]
    r = _sub_rng(f)
    mme = next((p for p in a if p["femme"]), None)
    mr = next((p for p in a if not p["femme"]), None)
    cols = [("Madame", mme), ("Monsieur", mr)]
    if r.random() < 0.5:
        cols.reverse()

    def cell(p, k):
        if p is None:
            return ""
        return {
            "nom": p["nom"],
            "prenom": p["prenom"],
            "dn": d_num(p["naissance"]),
            "lieu": p["lieu"],
            "tel": _tel(r, "06"),
            "prof": p["metier"],
        }[k]

    grid = [["", cols[0][0], cols[1][0]]] + [
        [lab, cell(cols[0][1], k), cell(cols[1][1], k)]
        for lab, k in (
            ("Nom", "nom"),
            ("Prénoms", "prenom"),
            ("Né(e) le", "dn"),
            ("à", "lieu"),
            ("Téléphone", "tel"),
            ("Profession", "prof"),
        )
    ]
    mesures = {
        "acces": "ASLL accès",
        "maintien": "ASLL maintien",
        "renouvellement": "renouvellement ASLL",
        "diagnostic": "diagnostic logement",
    }
    kind = f["organisme"].split(" ")[0]
    sit = _situation(f, r)
    out = [
        ("t", "ÉVALUATION SOCIALE – LOGEMENT"),
        ("h", "Fonds de solidarité pour le logement – accompagnement social lié au logement"),
        ("b", "MOTIF DE LA SAISINE"),
        ("l", "Mesure proposée : " + _cases(mesures, f["mesure"], "(X)", "( )")),
        ("b", "RENSEIGNEMENTS ADMINISTRATIFS ET SOCIAUX"),
        (
            "l",
            "Nature du service chargé de la présente évaluation : "
            + _cases(
                {"MDSI": "Service social MDSI", "CCAS": "CCAS", "x": "Autres (à préciser)"},
                kind,
                "(X)",
                "( )",
            ),
        ),
        ("tab", grid),
        ("l", f"Adresse : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}"),
        ("l", "Situation familiale : " + _cases(SITUATION_LAB, sit, "(X)", "( )")),
        ("b", "ENFANTS (situer chacun dans la fratrie)"),
    ]
    if f["enfants"]:
        rows = [["Date de naissance", "Nom et prénom", "École fréquentée ou profession"]]
        for n, p, dn in sorted(f["enfants"], key=lambda e: e[2]):
            age = _age(dn, f["date"])
            rows.append([d_num(dn), f"{n} {p}", "collège" if age > 10 else "école élémentaire"])
        out.append(("tab", rows))
    else:
        out.append(("l", "Pas d'enfant"))
    out += [
        ("b", "LOGEMENT"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"], "(X)", "( )")),
        ("l", f"Propriétaire / bailleur : {f['bailleur'] or '—'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        tot = round(base + (ch or 0), 2)
        out.append(
            (
                "l",
                f"Loyer charges comprises : {m_espace(tot)} €"
                + (f"   dont charges : {m_espace(ch)} €" if ch else ""),
            )
        )
    if f["dette"]:
        out.append(
            (
                "l",
                f"Dette locative : {m_espace(f['dette'][0])} € "
                f"(décompte du bailleur au {d_num(f['dette'][1])})",
            )
        )
    rev = [["Ressources mensuelles", cols[0][0], cols[1][0]]]
    for lab, _, m in f["ressources"]:
        who = 1 if cols[0][1] is not None and (cols[1][1] is None or r.random() < 0.5) else 2
        val = "en attente" if m is None else f"{m_espace(m)} €"
        row = [lab, "", ""]
        row[who] = val
        rev.append(row)
    p0 = a[0]
    out += [
        ("b", "RESSOURCES"),
        ("tab", rev),
        ("b", "SYNTHÈSE"),
        (
            "p",
            f"{'Madame' if p0['femme'] else 'Monsieur'} {p0['nom']} nous sollicite depuis "
            f"{MOIS[(f['date'].month - 3) % 12]} dernier. Le loyer a augmenté de "
            f"{r.randrange(12, 40)} € en janvier et le ménage a connu une baisse de "
            "ressources ; un accompagnement est proposé pour stabiliser la situation.",
        ),
        ("sp", 4),
        (
            "l",
            f"Nom de l'Assistant du Service Social : {f['prescripteur'][0]} {f['prescripteur'][1]}",
        ),
        (
            "l",
            f"Adresse administrative : {f['organisme']}, {r.randrange(1, 60)} "
            f"{r.choice(RUES)}, {_ville_service(f)}",
        ),
        ("l", f"Date : {d_num(f['date'])}          Signature :"),
        ("l", f"Téléphone : {_tel(r, '05')}"),
    ]
    return out


FORM_FAMILIES = {
    "cd-nord-reperage": dict(dep="nord", reglage=True, kind="flat", fn=form_nord, scan=True),
    "siao-fiche-deux-colonnes": dict(
        dep="vaucluse", reglage=False, kind="docx", fn=form_siao_docx, scan=False
    ),
    "ccas-libelles-apres": dict(
        dep="gironde", reglage=False, kind="flat", fn=form_labels_after, scan=True
    ),
    "cd-isere-remplissable": dict(
        dep="isere", reglage=True, kind="fillable", fn=form_fillable_isere, scan=False
    ),
    "cd-sarthe-tableau-menage": dict(
        dep="sarthe", reglage=False, kind="docx", fn=form_menage_table_docx, scan=False, odt=True
    ),
    # built from sources 15-19 (tuned)
    "cd93-maintien-navette": dict(
        dep="seine-saint-denis", reglage=True, kind="docx", fn=form_cd93_docx, scan=False
    ),
    "gip-charente-colonnes": dict(
        dep="charente", reglage=True, kind="flat", fn=form_gip_charente, scan=False
    ),
    "drihl-fiche-saisie-sous-libelle": dict(
        dep="val-de-marne",
        reglage=True,
        kind="flat",
        fn=form_drihl_sous_libelle,
        scan=True,
        prep=prep_diagnostic,
    ),
    "ccapex-saisine-travailleur-social": dict(
        dep="seine-saint-denis",
        reglage=True,
        kind="flat",
        fn=form_ccapex,
        scan=False,
        prep=prep_ccapex,
    ),
    # built from sources 20-22 (tuned)
    "siao-reunion-grille-madame-monsieur": dict(
        dep="reunion", reglage=True, kind="flat", fn=form_siao_reunion, scan=True
    ),
    "fsl-imprime-voie-eclatee": dict(
        dep="pas-de-calais",
        reglage=True,
        kind="docx",
        fn=form_fsl_cerfa_docx,
        scan=False,
        odt=True,
    ),
    "ccas-legendes-dessous": dict(
        dep="seine-maritime", reglage=True, kind="flat", fn=form_legendes_dessous, scan=True
    ),
    "fsl-remplissable-grille": dict(
        dep="isere", reglage=True, kind="fillable", fn=form_remplissable_grille, scan=False
    ),
    "fiche-deux-colonnes-cote-a-cote": dict(
        dep="charente", reglage=True, kind="fillable", fn=form_deux_colonnes_canvas, scan=False
    ),
    "fsl-zones-alignees": dict(
        dep="nord", reglage=True, kind="flat", fn=form_zones_alignees, scan=True
    ),
    # built from sources 23-25 (tuned, « en chantier »)
    "ccas-cerfa-cases-cochees": dict(
        dep="loire-atlantique",
        reglage=True,
        kind="docx",
        fn=form_ccas_cerfa_docx,
        scan=False,
        odt=True,
    ),
    "caf-fsl-partie-commune-volets": dict(
        dep="cotes-d-armor", reglage=True, kind="flat", fn=form_caf_fsl_volets, scan=True
    ),
    "mdsi-evaluation-logement-colonnes": dict(
        dep="gironde-mdsi", reglage=True, kind="flat", fn=form_mdsi_evaluation, scan=True
    ),
}


# --- built from sources 30-32 (branch forms2, « en chantier »: first-sight scores in
# corpus/sources/README.md). Kept in one block to ease merging.

ORGANISMES.update(
    {
        "val-d-oise": [
            "CCAS d'Argenteuil",
            "Service social départemental de Cergy",
            "CCAS de Sarcelles",
        ],
        "pyrenees-orientales": [
            "CCAS de Perpignan",
            "Maison sociale de proximité de Céret",
            "CCAS de Canet-en-Roussillon",
        ],
        "dordogne": ["MDS de Périgueux", "CCAS de Bergerac", "MDS de Sarlat-la-Canéda"],
    }
)
FORM_VILLES.update(
    {
        "val-d-oise": [("Argenteuil", "95100"), ("Cergy", "95000"), ("Sarcelles", "95200")],
        "pyrenees-orientales": [
            ("Perpignan", "66000"),
            ("Céret", "66400"),
            ("Canet-en-Roussillon", "66140"),
        ],
        "dordogne": [
            ("Périgueux", "24000"),
            ("Bergerac", "24100"),
            ("Sarlat-la-Canéda", "24200"),
        ],
    }
)
AVDL_MESURES = {
    "diagnostic": "Diagnostic (bilan de la situation du ménage)",
    "acces": "Accompagnement vers le logement",
    "maintien": "Accompagnement dans le logement",
    "renouvellement": "Renouvellement de la mesure",
}


def form_avdl_blocks(f) -> list:
    """AVDL request (source 30): prescriber block first, the whole household in one table
    (the applicant is a row, sex as « F » / « M »), measure named the AVDL way, budget as a
    table of incomes beside expenses (rent among the expenses), dates « JJ-MM-AAAA »."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    rows = [["Lien", "Nom de naissance", "Nom d'usage", "Prénom", "Né(e) le", "Sexe"]]
    for i, p in enumerate(a):
        rows.append(
            [
                "Demandeur" if i == 0 else "Conjoint(e)",
                _nom_naissance(p, r),
                p["nom"],
                p["prenom"],
                d_num(p["naissance"], "-"),
                "F" if p["femme"] else "M",
            ]
        )
    for n, pr, dn in f["enfants"]:
        fille = pr in PRENOMS_F
        rows.append(["Fille" if fille else "Fils", n, n, pr, d_num(dn, "-"), "F" if fille else "M"])
    sit = {
        "couple": "Couple",
        "femme_seule": "Personne seule",
        "homme_seul": "Personne seule",
    }[f["composition"]]
    if f["enfants"] and len(a) == 1:
        sit = "Famille monoparentale"
    statuts = {
        "locataire_public": "Locataire du parc social",
        "locataire_prive": "Locataire du parc privé",
        "heberge": "Hébergé chez un tiers",
    }
    budget = [["Revenus", "Montant mensuel", "Dépenses", "Montant mensuel"]]
    depenses = []
    if f["loyer"]:
        depenses.append(("Loyer charges comprises", f["loyer"][0] + (f["loyer"][1] or 0)))
    depenses += [
        ("Énergie (électricité, gaz)", _montant(r, 40, 120)),
        ("Assurance habitation", _montant(r, 10, 25)),
        ("Téléphone / internet", _montant(r, 20, 60)),
    ]
    for i in range(max(len(f["ressources"]), len(depenses))):
        lab, _, m = f["ressources"][i] if i < len(f["ressources"]) else ("", None, None)
        dl, dm = depenses[i] if i < len(depenses) else ("", None)
        budget.append(
            [
                lab,
                ("en cours d'ouverture" if m is None else f"{m_espace(m)} €") if lab else "",
                dl,
                f"{m_espace(dm)} €" if dm is not None else "",
            ]
        )
    out = [
        ("t", "DEMANDE DE MESURE AVDL HORS DALO"),
        ("h", "Accompagnement vers et dans le logement – à adresser au SIAO"),
        ("l", f"Date de la demande : {d_num(f['date'], '-')}"),
        ("b", "1. LE PRESCRIPTEUR"),
        (
            "tab",
            [
                ["Structure prescriptrice", f["organisme"]],
                ["Nom du référent", pre_n],
                ["Prénom du référent", pre_p],
                ["Fonction", r.choice(["Assistante sociale", "CESF", "Éducatrice spécialisée"])],
                ["Téléphone", _tel(r, "01")],
            ],
        ),
        ("b", "2. TYPE DE DEMANDE"),
        ("l", _cases(AVDL_MESURES, f["mesure"])),
        ("b", "3. COMPOSITION DU MÉNAGE"),
        ("tab", rows),
        (
            "l",
            "Situation familiale : "
            + _cases({s: s for s in ("Personne seule", "Couple", "Famille monoparentale")}, sit),
        ),
        ("b", "4. LOGEMENT ACTUEL"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"Code postal : {f['cp']}        Commune : {f['commune']}"),
        ("l", "Statut d'occupation : " + _cases(statuts, f["statut"])),
        ("l", f"Nom du bailleur : {f['bailleur'] or 'sans objet'}"),
        ("b", "5. SITUATION BUDGÉTAIRE"),
        ("tab", budget),
    ]
    if f["dette"]:
        out.append(
            (
                "l",
                f"Dette locative : ☒ oui ☐ non   Montant : {m_espace(f['dette'][0])} € "
                f"au {d_num(f['dette'][1], '-')}",
            )
        )
    else:
        out.append(("l", "Dette locative : ☐ oui ☒ non"))
    out += [
        ("b", "6. PARCOURS RÉSIDENTIEL ET MOTIF DE LA DEMANDE"),
        (
            "l",
            "Le ménage a besoin d'un soutien pour accéder à un logement adapté ou s'y "
            "maintenir ; les aides mobilisables ont été étudiées avec lui.",
        ),
        ("sp", 3),
        ("l", "Signature du ménage :                    Signature et cachet du prescripteur :"),
    ]
    return out


def form_avdl_docx(path, f) -> None:
    write_docx(Path(path), form_avdl_blocks(f), "Calibri", author="SIAO")


def prep_signalement(f) -> None:
    """A landlord's report is about a tenant in debt: a tenancy, a landlord and a debt."""
    r = _sub_rng(f)
    if f["statut"] == "heberge":
        f["statut"] = "locataire_public"
        f["bailleur"] = r.choice(
            ["Office 66", "Roussillon Habitat", "Perpignan Méditerranée Habitat"]
        )
        f["loyer"] = (_montant(r, 280, 650), _montant(r, 20, 80))
    if not f["dette"]:
        f["dette"] = (_montant(r, 600, 3200), date(2025, r.randrange(6, 10), r.choice([15, 30])))


def form_signalement_bailleur(f) -> list:
    """Landlord's unpaid-rent report with a liaison part for the social worker (source 31):
    tenants « M. et Mme NOM Prénom » on one line, rent and charges apart in euros, housing
    benefit and the share left to pay, the debt's period and threshold formula, then the
    household and the measure filled by the social worker."""
    r = _sub_rng(f)
    a = f["adultes"]
    base, ch = f["loyer"]
    ch = ch or 0.0
    if len(a) == 2 and a[0]["nom"] == a[1]["nom"]:
        loc = f"M. et Mme {a[0]['nom']} {a[0]['prenom']} et {a[1]['prenom']}"
    else:
        loc = " et ".join(_nom_prenom(p) for p in a)
    apl = round(min(base * 0.4, 230), 2)
    debut = MOIS[max(f["dette"][1].month - r.randrange(3, 6), 0)]
    pre_p, pre_n = f["prescripteur"]
    out = [
        ("t", "FICHE DE SIGNALEMENT D'IMPAYÉ DE LOYER"),
        ("h", "et de liaison avec le service social"),
        ("b", "VOLET 1 – À COMPLÉTER PAR LE BAILLEUR"),
        ("l", f"Bailleur : {f['bailleur']} – service prévention des impayés"),
        ("l", f"Date du signalement : {d_long(f['date'])}"),
        ("l", f"Locataire(s) : {loc}"),
        (
            "l",
            f"Adresse du logement : {f['numero']}, {f['rue']} – {f['cp']} {f['commune'].upper()}",
        ),
        (
            "l",
            f"Loyer mensuel : {m_espace(base)} euros     Charges mensuelles : {m_espace(ch)} euros",
        ),
        ("l", f"Aide au logement (tiers payant) : {m_espace(apl)} euros"),
        ("l", f"Part restant due chaque mois : {m_espace(base + ch - apl)} euros"),
        ("l", f"Période de la dette : de {debut} à {MOIS[f['dette'][1].month - 1]} 2025"),
        (
            "l",
            f"Montant de la dette arrêté au {d_num(f['dette'][1])} : "
            f"{m_espace(f['dette'][0])} euros",
        ),
        (
            "l",
            f"Seuil d'impayé : 2 x ({m_espace(base)} € + {m_espace(ch)} €) = "
            f"{m_espace(2 * (base + ch))} €",
        ),
        ("b", "VOLET 2 – À COMPLÉTER PAR LE TRAVAILLEUR SOCIAL"),
        (
            "l",
            f"Travailleur social : {pre_p} {pre_n.upper()}, {r.choice(['CESF', 'assistante sociale'])}",
        ),
        ("l", f"Service : {f['organisme']}"),
    ]
    for p in a:
        civ = "Madame" if p["femme"] else "Monsieur"
        out.append(("l", f"{civ} {p['nom']} {p['prenom']} – né(e) le {d_num(p['naissance'])}"))
    if f["enfants"]:
        kids = " ; ".join(f"{n} {pr} ({d_num(dn)})" for n, pr, dn in f["enfants"])
        out.append(("l", f"Enfants à charge : {len(f['enfants'])} – {kids}"))
    else:
        out.append(("l", "Enfants à charge : 0"))
    out.append(
        (
            "l",
            "Ressources du ménage : "
            + " ; ".join(
                f"{lab} {'(demande en cours)' if m is None else m_espace(m) + ' €'}"
                for lab, _, m in f["ressources"]
            ),
        )
    )
    out += [
        (
            "l",
            "Parc : "
            + _cases(
                {"locataire_public": "social", "locataire_prive": "privé"},
                f["statut"],
                "[x]",
                "[ ]",
            ),
        ),
        ("l", "Mesure sollicitée : " + _cases(MESURE_LAB, f["mesure"], "[x]", "[ ]")),
        ("sp", 3),
        ("l", "Visa du bailleur :                       Visa du travailleur social :"),
    ]
    return out


ASLL_AXES = [
    "Gestion du budget",
    "Accès aux droits",
    "Projet logement",
    "Appropriation et bon usage du logement",
    "Médiation avec le voisinage",
    "Médiation dans le cadre du contrat de location",
]


def form_udaf_phrases(f) -> list:
    """ASLL prescription written in sentences (source 32): « Je soussignée … propose … au
    bénéfice de Madame NOM Prénom, née le … à … », orientation and work axes ticked,
    resources, rent and debt in prose, the three signatories of the individual agreement."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    fonction = r.choice(["assistante sociale", "conseillère en économie sociale et familiale"])
    out = [
        ("t", "UDAF DE LA DORDOGNE – SERVICE ASLL"),
        ("h", "Fiche de prescription d'une mesure d'accompagnement social lié au logement"),
        (
            "l",
            f"Je soussignée {pre_p} {pre_n}, {fonction} ({f['organisme']}), propose la mise "
            "en œuvre d'une mesure d'ASLL au bénéfice de :",
        ),
    ]
    for i, p in enumerate(a):
        civ = "Madame" if p["femme"] else "Monsieur"
        ne = "née" if p["femme"] else "né"
        out.append(
            (
                "i",
                f"{'et ' if i else ''}{civ} {p['nom'].upper()} {p['prenom']}, {ne} le "
                f"{d_long(p['naissance'])} à {p['lieu']},",
            )
        )
    lieu = f"locataire de {f['bailleur']}" if f["bailleur"] else "hébergé(e) chez un tiers"
    out.append(("l", f"demeurant {f['numero']} {f['rue']}, {f['cp']} {f['commune']}, {lieu}."))
    if f["enfants"]:
        kids = " ; ".join(f"{pr} {n}, né(e) le {d_num(dn)}" for n, pr, dn in f["enfants"])
        out.append(("l", f"Enfants vivant au foyer : {kids}."))
    else:
        out.append(("l", "Aucun enfant ne vit au foyer."))
    out += [
        (
            "l",
            "Orientation : "
            + _cases(
                {
                    "acces": "accès",
                    "maintien": "maintien",
                    "renouvellement": "renouvellement",
                    "diagnostic": "diagnostic préalable",
                },
                f["mesure"],
                "(X)",
                "( )",
            ),
        ),
        ("l", "Axes de travail :"),
    ]
    axes = set(r.sample(ASLL_AXES, 2))
    for ax in ASLL_AXES:
        out.append(("i", f"{'(X)' if ax in axes else '( )'} {ax}"))
    res = []
    for lab, _, m in f["ressources"]:
        res.append(
            f"{lab} (droit en cours d'ouverture)"
            if m is None
            else f"{lab} pour {m_espace(m)} euros par mois"
        )
    out.append(("l", "Le ménage perçoit : " + ", ".join(res) + "."))
    if f["loyer"]:
        base, ch = f["loyer"]
        if ch:
            out.append(
                (
                    "l",
                    f"Le loyer s'élève à {m_espace(base + ch)} euros charges comprises "
                    f"(dont {m_espace(ch)} euros de charges).",
                )
            )
        else:
            out.append(("l", f"Le loyer s'élève à {m_espace(base)} euros par mois."))
    if f["dette"]:
        out.append(
            (
                "l",
                f"Une dette locative de {m_espace(f['dette'][0])} euros est constatée au "
                f"{d_long(f['dette'][1])}.",
            )
        )
    out += [
        ("l", f"Fait à {f['organisme'].split(' de ')[-1]}, le {d_long(f['date'])}"),
        ("sp", 3),
        ("b", "Convention individuelle d'accompagnement"),
        ("l", "Le bénéficiaire        Le prescripteur        L'opérateur (UDAF de la Dordogne)"),
    ]
    return out


FORM_FAMILIES.update(
    {
        "avdl-hors-dalo-prescripteur-en-tete": dict(
            dep="val-d-oise", reglage=True, kind="docx", fn=form_avdl_docx, scan=False, odt=True
        ),
        "bailleur-signalement-fiche-liaison": dict(
            dep="pyrenees-orientales",
            reglage=True,
            kind="flat",
            fn=form_signalement_bailleur,
            scan=True,
            prep=prep_signalement,
        ),
        "udaf-asll-convention-phrases": dict(
            dep="dordogne", reglage=True, kind="flat", fn=form_udaf_phrases, scan=True
        ),
    }
)


# --- built from sources 46-48 (branch forms-a, « en chantier »: first-sight scores in
# corpus/sources/README.md). Kept in one block to ease merging.

ORGANISMES.update(
    {
        "bouches-du-rhone": ["CCAS de Martigues", "CCAS d'Aubagne", "CCAS de Gardanne"],
        "finistere": [
            "CDAS de Quimper",
            "CDAS de Brest Bellevue",
            "Centre départemental d'action sociale de Morlaix",
        ],
        "herault": [
            "Agence départementale de la solidarité de Sète",
            "CCAS de Béziers",
            "Maison départementale des solidarités de Montpellier Nord",
        ],
    }
)
FORM_VILLES.update(
    {
        "bouches-du-rhone": [("Martigues", "13500"), ("Aubagne", "13400"), ("Gardanne", "13120")],
        "finistere": [("Quimper", "29000"), ("Brest", "29200"), ("Morlaix", "29600")],
        "herault": [("Montpellier", "34000"), ("Sète", "34200"), ("Béziers", "34500")],
    }
)
BAILLEURS_LOCAUX = {
    "bouches-du-rhone": ["13 Habitat", "Logirem", "Unicil"],
    "finistere": ["Finistère Habitat", "Brest Métropole Habitat", "Douarnenez Habitat"],
    "herault": ["Hérault Logement", "ACM Habitat", "FDI Habitat"],
}


def _prep_local(dep: str):
    """Public landlords of the form's own département (the generic list names northern ones)."""

    def prep(f) -> None:
        if f["statut"] == "locataire_public":
            f["bailleur"] = _sub_rng(f).choice(BAILLEURS_LOCAUX[dep])

    return prep


def _pt(x: float) -> str:
    """An amount as the CCAS software prints it: a dot, no thousands space, no €."""
    return f"{x:.2f}"


CCAS_LIGNES_RESSOURCES = [
    ("salaire", "Salaire du demandeur"),
    ("salaire_conjoint", "Salaire du conjoint"),
    ("salaire_enfants", "Salaire des enfants"),
    ("ij", "IJSS"),
    ("rsa", "RSA socle"),
    ("rsa_activite", "RSA activité"),
    ("aah", "AAH"),
    ("chomage", "Chomage"),
    ("pension", "Retraite"),
    ("pension_comp", "Complémentaires"),
    ("invalidite", "Invalidité"),
    ("pension_alim", "Pension alimentaire"),
    ("autre", "Autres ressources"),
]
CCAS_CHARGES = [
    "Loyer (taux plein)",
    "Gaz",
    "Electricité",
    "EAU",
    "Téléphone",
    "Assurance voiture",
    "Assurance habitation",
    "Mutuelle",
    "Impôts sur le revenu",
    "Impôts locaux",
    "Autres",
]
CCAS_MOTIF = {
    "acces": "Demande de mesure ASELL pour l'accès à un logement autonome.",
    "maintien": "Demande de mesure ASELL pour le maintien dans le logement.",
    "renouvellement": "Demande de renouvellement de la mesure ASELL en cours.",
    "diagnostic": "Demande de diagnostic social préalable à une mesure d'accompagnement.",
}


def form_ccas_rapport(f) -> list:
    """CCAS evaluation report printed by its software (source 46): cells « Libellé : valeur »,
    « Né le » beside « A <ville> », family table with the applicant as a row, a fixed-row
    resources / charges table with blank rows, dot decimals and totals, the request, the
    landlord and the debt told in the « Motif de la demande » box, signed at the end."""
    r = _sub_rng(f)
    a = f["adultes"]
    dem = a[0]
    pre_p, pre_n = f["prescripteur"]
    sit = (
        r.choice(["Marié(e)", "Concubinage", "Pacsé(e)"])
        if len(a) == 2
        else r.choice(["Célibataire", "Divorcé(e)", "Séparé(e)"])
    )
    ville = f["organisme"].split(" de ", 1)[-1].split(" d'", 1)[-1]
    out = [
        ("b", f"{f['organisme'].upper()} – Service action sociale"),
        ("t", "RAPPORT D'EVALUATION SOCIALE"),
        ("r", f"Date : {d_num(f['date'])}"),
        (
            "tab",
            [
                ["Renseignements Administratifs", ""],
                [f"Nom & Prénom du demandeur : {dem['nom'].upper()} {dem['prenom']}", ""],
                [f"Né le : {d_num(dem['naissance'])}", f"A {dem['lieu'].split(' (')[0]}"],
                [
                    f"Adresse : {f['numero']} {f['rue']} {f['cp']} {f['commune']}",
                    f"Téléphone : {_tel(r, '04')}",
                ],
                [f"Situation Matrimoniale : {sit}", f"Nb d'enfants : {len(f['enfants'])}"],
                [
                    f"Situation professionnelle : {dem['metier'] if r.random() < 0.5 else 'sans emploi'}",
                    f"N° CAF : {r.randrange(1000000, 9999999)}",
                ],
            ],
        ),
        ("sp", 3),
    ]
    motif = [CCAS_MOTIF[f["mesure"]]]
    civ = "Mme" if dem["femme"] else "M."
    if f["statut"] == "locataire_public":
        motif.append(f"{civ} {dem['nom']} est locataire de {f['bailleur']} (parc social).")
    elif f["statut"] == "locataire_prive":
        motif.append(f"{civ} {dem['nom']} est locataire de la {f['bailleur']} (parc privé).")
    else:
        motif.append(f"{civ} {dem['nom']} est hébergé(e) chez un tiers, sans bail.")
    if f["dette"]:
        motif.append(
            f"Une dette de loyer de {m_espace(f['dette'][0])} € est constatée au "
            f"{d_num(f['dette'][1])}."
        )
    out += [("tab", [["Motif de la demande"], [" ".join(motif)]]), ("sp", 3)]
    fam = [
        ["Composition de la famille", "", "", ""],
        [
            "Nom & Prenom",
            "Parenté avec le demandeur",
            "Date de naissance",
            "Profession - Employeur - Ecoles",
        ],
    ]
    for i, p in enumerate(a):
        fam.append(
            [
                f"{'Mme' if p['femme'] else 'M.'} {p['nom'].upper()} {p['prenom']}",
                "Demandeur" if i == 0 else r.choice(["Conjoint", "Concubin(e)"]),
                d_num(p["naissance"]),
                p["metier"] if r.random() < 0.5 else "",
            ]
        )
    for n, pr, dn in f["enfants"]:
        fam.append(
            [
                f"{n.upper()} {pr}",
                "Fille" if pr in PRENOMS_F else "Fils",
                d_num(dn),
                r.choice(["École Jean Jaurès", "Collège Marcel Pagnol", "Crèche", ""]),
            ]
        )
    out += [("tab", fam), ("sp", 3)]
    # resources into the software's fixed rows
    montants: dict[str, float | None] = {}
    extra = []
    for _lab, t, m in f["ressources"]:
        key = {
            "salaire": "salaire",
            "chomage": "chomage",
            "rsa": "rsa",
            "aah": "aah",
            "pension": "pension",
            "ij": "ij",
            "autre": "autre",
        }.get(t)
        if key:
            montants[key] = m
        else:
            extra.append((t, m))
    charges = {c: None for c in CCAS_CHARGES}
    if f["loyer"]:
        charges["Loyer (taux plein)"] = round(f["loyer"][0] + (f["loyer"][1] or 0), 2)
    charges["Electricité"] = _montant(r, 40, 110)
    charges["Assurance habitation"] = _montant(r, 10, 25)
    charges["Mutuelle"] = _montant(r, 20, 60)

    def cell(x):
        return "" if x is None else _pt(x)

    def val(key):
        if key not in montants:
            return ""
        return "en attente" if montants[key] is None else _pt(montants[key])

    rows = [["Nature des ressources", "MONTANTS", "Nature des charges", "MONTANTS"]]
    for i, (key, lab) in enumerate(CCAS_LIGNES_RESSOURCES):
        ch = CCAS_CHARGES[i] if i < len(CCAS_CHARGES) else ""
        rows.append([lab, val(key), ch, cell(charges.get(ch))])
    tot_res = sum(m or 0 for m in montants.values())
    tot_ch = sum(v or 0 for v in charges.values())
    prest = {t: m for t, m in extra}
    tot_prest = sum(m or 0 for m in prest.values())
    rows += [
        ["TOTAL RESSOURCES (A)", _pt(tot_res), "TOTAL CHARGES MENSUELLES (A)", _pt(tot_ch)],
        [
            "Prestations familiales",
            (
                "en attente"
                if prest["prestations_familiales"] is None
                else _pt(prest["prestations_familiales"])
            )
            if "prestations_familiales" in prest
            else "",
            "Total dettes",
            _pt(f["dette"][0]) if f["dette"] else "",
        ],
        [
            "AL ou APL",
            ("en attente" if prest["apl"] is None else _pt(prest["apl"])) if "apl" in prest else "",
            "TOTAL CHARGES (A) + (B)",
            _pt(tot_ch),
        ],
        ["TOTAL PRESTATIONS (B)", _pt(tot_prest), "", ""],
        ["TOTAL GENERAL (A) + (B)", _pt(tot_res + tot_prest), "", ""],
        ["RESTE A VIVRE", _pt(tot_res + tot_prest - tot_ch), "", ""],
    ]
    out += [
        ("b", "RESSOURCES ET CHARGES MENSUELLES"),
        ("l", f"Mois de : {MOIS[f['date'].month - 1]} {f['date'].year}"),
        ("tab", rows),
        ("sp", 3),
        ("b", "Evalutation sociale :"),
        (
            "l",
            "Le ménage a été reçu à plusieurs reprises ; il adhère à la demande et s'engage "
            "à rencontrer l'opérateur de la mesure.",
        ),
        ("sp", 2),
        (
            "l",
            f"Rapport établi par {pre_p} {pre_n.upper()}, "
            f"{r.choice(['assistante sociale', 'CESF', 'travailleur social'])}, "
            f"{f['organisme']}, à {ville}.",
        ),
    ]
    return out


FINISTERE_AGENTS = [("Mme", "KERBRAT"), ("Mme", "LE GALL"), ("M.", "TANGUY"), ("Mme", "CABON")]
SITUATIONS_FAM = ["Célibataire", "Divorcé(e)", "Marié(e)", "Veuf(ve)", "Séparé(e)", "Union libre"]


def form_finistere_cases(f) -> list:
    """Finistère social-service request (source 47): the service's letterhead names two
    agents with their phones, « Dossier transmis par » the instructing service, identity on
    separate « NOM : » / « Prénom : » / « Date et lieu de naissance : » lines, family status
    and motives as ticked boxes, children only counted (« Mineur : / Majeur : »)."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    agents = r.sample(FINISTERE_AGENTS, 2)
    ville_service = FORM_VILLES["finistere"][r.randrange(3)][0]
    out = [
        ("b", "Département du Finistère – Direction de l'action sociale"),
        ("l", f"Service social : {agents[0][0]} {agents[0][1]} – {agents[1][0]} {agents[1][1]}"),
        ("l", f"{_tel(r)} – {_tel(r)}"),
        ("t", "Demande d'aide financière et d'accompagnement"),
        (
            "l",
            f"Dossier transmis par : {f['organisme']} – {r.randrange(2, 40)} rue de Brest – {ville_service}",
        ),
        ("l", f"Date de la demande : {d_num(f['date'])}"),
        ("b", "DEMANDEUR"),
    ]

    def ident(p):
        civ = {True: "Madame", False: "Monsieur"}
        return [
            (
                "l",
                "   ".join(
                    f"{civ[x]} {'[X]' if p['femme'] == x else '[ ]'}" for x in (True, False)
                ),
            ),
            ("l", f"NOM : {p['nom'].upper()}"),
            ("l", f"Prénom : {p['prenom']}"),
            (
                "l",
                f"Date et lieu de naissance : {d_num(p['naissance'])} à {p['lieu'].split(' (')[0]}",
            ),
        ]

    out += ident(a[0])
    out += [
        ("l", f"Adresse : {f['numero']} {f['rue']} – {f['cp']} {f['commune'].upper()}"),
        ("l", f"Téléphone : {_tel(r, '06')}"),
    ]
    if len(a) == 2:
        out.append(("b", "CONJOINT"))
        out += ident(a[1])
        sit = r.choice(["Marié(e)", "Union libre"])
    else:
        out.append(("l", "CONJOINT : néant"))
        sit = r.choice(["Célibataire", "Divorcé(e)", "Séparé(e)", "Veuf(ve)"])
    nb = len(f["enfants"])
    out += [
        (
            "l",
            "Situation familiale : "
            + "  ".join(f"{s} {'[X]' if s == sit else '[ ]'}" for s in SITUATIONS_FAM),
        ),
        ("l", f"Nombre de personnes vivant au foyer : {len(a) + nb}"),
        ("l", f"Nombre d'enfants à charge : {nb} – Mineur : {nb} - Majeur : 0"),
        ("b", "1- Logement"),
        (
            "l",
            _cases(
                {
                    "locataire_public": "Locataire du parc public",
                    "locataire_prive": "Locataire du parc privé",
                    "heberge": "Hébergé(e) chez un tiers",
                },
                f["statut"],
                "[X]",
                "[ ]",
            ),
        ),
    ]
    if f["bailleur"]:
        out.append(("l", f"Nom du bailleur : {f['bailleur']}"))
    if f["loyer"]:
        base, ch = f["loyer"]
        out.append(("l", f"Loyer mensuel : {m_espace(base)} €     Charges : {m_espace(ch or 0)} €"))
    out += [
        ("b", "2- Pour quel(s) motif(s) sollicitez-vous une aide ?"),
        ("i", f"{'[ ]' if f['dette'] else '[X]'} Situation d'urgence"),
        ("i", f"{'[X]' if f['dette'] else '[ ]'} Difficultés financières"),
        ("i", "- Factures impayées (loyer, EDF, Impôts locaux, fonciers, etc.)"),
    ]
    if f["dette"]:
        out.append(
            (
                "i",
                f"Dette de loyer : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}",
            )
        )
    out += [
        ("b", "3- Accompagnement social lié au logement demandé"),
        (
            "l",
            _cases(
                {
                    "acces": "ASLL accès",
                    "maintien": "ASLL maintien",
                    "renouvellement": "Renouvellement",
                    "diagnostic": "Diagnostic",
                },
                f["mesure"],
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "4- Ressources mensuelles du foyer"),
    ]
    for lab, _, m in f["ressources"]:
        out.append(("i", f"- {lab} : {'en attente' if m is None else m_espace(m) + ' €'}"))
    out += [
        ("sp", 3),
        ("l", f"Fait à {ville_service}, le {d_num(f['date'])}"),
        (
            "l",
            f"L'instructeur : {pre_p} {pre_n.upper()}, {r.choice(['assistante sociale', 'CESF'])}",
        ),
        ("l", "Signature du demandeur :"),
    ]
    return out


HERAULT_MESURES = [
    ("acces", "Accéder à un logement autonome et adapté dans le parc privé"),
    ("installation", "Faciliter l'installation du locataire (appropriation du logement)"),
    ("maintien", "Maintien dans le logement (résorption des impayés de loyer ou de charges)"),
    ("accedant", "Viabilité du projet immobilier (accédant à la propriété, propriétaire occupant)"),
    ("expulsion", "Prévenir les expulsions locatives"),
]
PRETEURS = ["Crédit Agricole du Languedoc", "Banque Populaire du Sud", "Caisse d'Épargne LR"]


def prep_herault(f) -> None:
    """Local landlords; one household in four is a home buyer behind on its loan (a lender,
    no landlord, no rent, no rent arrears)."""
    r = _sub_rng(f)
    _prep_local("herault")(f)
    if r.random() < 0.25 and f["mesure"] in ("maintien", "renouvellement"):
        f["statut"] = "proprietaire"
        f["bailleur"] = None
        f["loyer"] = None
        f["dette"] = None
        f["_pret"] = (r.choice(PRETEURS), _montant(r, 450, 900), _montant(r, 900, 4000))


def form_herault_docx(path, f) -> None:
    """Hérault ASLL request (source 48): the five measures of the département as boxes,
    first request / renewal / prior diagnosis, the social worker in a table, one table of
    the household's members, resources per person with a household total, occupancy with
    « Accédant à la propriété » (a lender, not a landlord), the household's consent."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    nature = {"renouvellement": "Renouvellement", "diagnostic": "Diagnostic préalable"}.get(
        f["mesure"], "Première demande"
    )
    if f["mesure"] == "acces":
        box = r.choice(["acces", "installation"])
    elif f["mesure"] == "diagnostic":
        box = None
    elif f["statut"] == "proprietaire":
        box = "accedant"
    else:
        box = "expulsion" if f["dette"] and r.random() < 0.5 else "maintien"
    blocks = [
        ("t", "DÉPARTEMENT DE L'HÉRAULT – FONDS DE SOLIDARITÉ LOGEMENT"),
        ("h", "Demande de mesure d'accompagnement social lié au logement (ASLL)"),
        (
            "l",
            "Nature de la demande : "
            + "   ".join(
                f"{'☒' if n == nature else '☐'} {n}"
                for n in ("Première demande", "Renouvellement", "Diagnostic préalable")
            ),
        ),
        ("b", "Mesure sollicitée"),
    ]
    for k, lab in HERAULT_MESURES:
        blocks.append(("i", f"{'☒' if k == box else '☐'} {lab}"))
    blocks += [
        ("b", "Travailleur social demandeur"),
        (
            "tab",
            [
                ["Travailleur social", f"{pre_n.upper()} {pre_p}"],
                ["Service", f["organisme"]],
                ["Téléphone", _tel(r, "04")],
                ["Date de l'évaluation", d_num(f["date"])],
            ],
        ),
        ("b", "Personnes composant le foyer"),
    ]
    rows = [["Qualité", "Civilité", "NOM", "Prénom", "Né(e) le"]]
    for i, p in enumerate(a):
        rows.append(
            [
                "Demandeur" if i == 0 else "Conjoint",
                "Mme" if p["femme"] else "M.",
                p["nom"].upper(),
                p["prenom"],
                d_num(p["naissance"]),
            ]
        )
    for n, pr, dn in f["enfants"]:
        rows.append(["Enfant", "", n.upper(), pr, d_num(dn)])
    blocks.append(("tab", rows))
    # resources per person: the second adult gets some of them
    res = [["Nature des ressources", "Demandeur", "Conjoint", "Autres membres"]]
    total = 0.0
    for j, (lab, _, m) in enumerate(f["ressources"]):
        col = 2 if len(a) == 2 and j % 2 == 1 else 1
        cells = [lab, "", "", ""]
        cells[col] = "en attente" if m is None else f"{m_espace(m)} €"
        total += m or 0
        res.append(cells)
    res.append(["Total du foyer", "", "", f"{m_espace(total)} €"])
    blocks += [("b", "Ressources mensuelles"), ("tab", res), ("b", "Logement")]
    blocks.append(
        (
            "l",
            f"Adresse du logement : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}",
        )
    )
    blocks.append(
        (
            "l",
            "Statut d'occupation : "
            + _cases(
                {
                    "locataire_public": "Locataire HLM",
                    "locataire_prive": "Locataire parc privé",
                    "proprietaire": "Accédant à la propriété",
                    "heberge": "Hébergé",
                },
                f["statut"],
            ),
        )
    )
    if f.get("_pret"):
        preteur, mens, impaye = f["_pret"]
        blocks += [
            ("l", f"Organisme prêteur : {preteur}"),
            (
                "l",
                f"Mensualité du prêt : {m_espace(mens)} €   Impayés de prêt : {m_espace(impaye)} €",
            ),
        ]
    else:
        blocks.append(("l", f"Bailleur : {f['bailleur'] or '–'}"))
        if f["loyer"]:
            base, ch = f["loyer"]
            blocks.append(
                (
                    "l",
                    f"Loyer : {m_espace(base)} €   Charges : {m_espace(ch or 0)} €   Total : {m_espace(base + (ch or 0))} €",
                )
            )
        if f["dette"]:
            blocks.append(
                (
                    "l",
                    f"Dette locative : {m_espace(f['dette'][0])} € arrêtée au {d_num(f['dette'][1])}",
                )
            )
    blocks += [
        ("sp", 3),
        (
            "l",
            "Accord du ménage : ☒ Le ménage a donné son accord pour la mesure et la rencontre tripartite.",
        ),
        ("l", f"Fait le {d_num(f['date'])}          Signature du travailleur social :"),
    ]
    write_docx(Path(path), blocks, "Arial", author="Departement34")


FORM_FAMILIES.update(
    {
        "ccas-rapport-evaluation-tableaux": dict(
            dep="bouches-du-rhone",
            reglage=True,
            kind="flat",
            fn=form_ccas_rapport,
            scan=True,
            prep=_prep_local("bouches-du-rhone"),
        ),
        "finistere-demande-cases-entete": dict(
            dep="finistere",
            reglage=True,
            kind="flat",
            fn=form_finistere_cases,
            scan=True,
            prep=_prep_local("finistere"),
        ),
        "herault-asll-cinq-mesures": dict(
            dep="herault",
            reglage=True,
            kind="docx",
            fn=form_herault_docx,
            scan=False,
            odt=True,
            prep=prep_herault,
        ),
    }
)


# --- built from sources 49-51 (branch forms-b): département forms the corpus had not seen
# (Allier, Hérault, Cher). Kept in one block to ease merging.

ORGANISMES.update(
    {
        "allier": [
            "Service social polyvalent de secteur de Moulins",
            "CCAS de Montluçon",
            "Maison des solidarités de Vichy",
        ],
        "herault-cg34": [
            "Agence départementale de la solidarité de Béziers",
            "CCAS de Sète",
            "CCAS de Lunel",
        ],
        "cher": [
            "Maison départementale d'action sociale de Bourges",
            "CCAS de Vierzon",
            "CCAS de Saint-Amand-Montrond",
        ],
    }
)
FORM_VILLES.update(
    {
        "allier": [("Moulins", "03000"), ("Montluçon", "03100"), ("Vichy", "03200")],
        "herault-cg34": [("Béziers", "34500"), ("Sète", "34200"), ("Lunel", "34400")],
        "cher": [("Bourges", "18000"), ("Vierzon", "18100"), ("Saint-Amand-Montrond", "18200")],
    }
)
BAILLEURS_LOCAUX.update(
    {
        "allier": ["Allier Habitat", "Évoléa", "Moulins Habitat"],
        "herault-cg34": ["Hérault Logement", "ACM Habitat", "FDI Habitat"],
        "cher": ["France Loire", "Val de Berry", "Cher Habitat"],
    }
)
prep_allier = _prep_local("allier")
prep_cg34 = _prep_local("herault-cg34")


def prep_cher(f) -> None:
    """The Cher request starts from the social landlord: a public tenancy in debt."""
    r = _sub_rng(f)
    if f["statut"] != "locataire_public":
        f["statut"] = "locataire_public"
        f["loyer"] = (_montant(r, 280, 620), _montant(r, 25, 90))
    f["bailleur"] = r.choice(BAILLEURS_LOCAUX["cher"])
    if not f["dette"]:
        f["dette"] = (_montant(r, 450, 2900), date(2025, r.randrange(6, 10), r.choice([15, 30])))
    if f["mesure"] == "acces":
        f["mesure"] = "maintien"


def form_cg03_majuscules(f) -> list:
    """Allier ASLL referral (source 49): an old administrative form typed in capitals, the
    names too; measure ticked among the charter's measures; a written « diagnostic
    préalable » with other amounts and dates; the prescriber's block only at the end."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    out = [
        ("t", "DÉPARTEMENT DE L'ALLIER – FONDS DE SOLIDARITÉ POUR LE LOGEMENT"),
        ("h", "FICHE DE SAISINE – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT (A.S.L.L.)"),
        (
            "l",
            "MESURE SOLLICITÉE : "
            + _cases(
                {
                    "diagnostic": "DIAGNOSTIC PRÉALABLE",
                    "acces": "A.S.L.L. ACCÈS AU LOGEMENT",
                    "maintien": "A.S.L.L. MAINTIEN DANS LE LOGEMENT",
                    "renouvellement": "RENOUVELLEMENT",
                },
                f["mesure"],
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "I – IDENTIFICATION DU MÉNAGE"),
    ]
    for i, p in enumerate(a):
        qual = "DEMANDEUR" if i == 0 else "CONJOINT"
        out += [
            ("l", f"{qual} : {'MADAME' if p['femme'] else 'MONSIEUR'}"),
            (
                "i",
                f"NOM : {p['nom'].upper()}        PRÉNOM : {p['prenom'].upper()}",
            ),
            (
                "i",
                f"NÉ(E) LE : {d_num(p['naissance'])}        À : {p['lieu'].upper()}",
            ),
        ]
    if f["enfants"]:
        out.append(("l", f"ENFANTS À CHARGE : {len(f['enfants'])}"))
        for n, pr, dn in f["enfants"]:
            out.append(("i", f"- {n.upper()} {pr.upper()}, NÉ(E) LE {d_num(dn)}"))
    else:
        out.append(("l", "ENFANTS À CHARGE : NÉANT"))
    statuts = {
        "locataire_public": "LOCATAIRE PARC PUBLIC",
        "locataire_prive": "LOCATAIRE PARC PRIVÉ",
        "heberge": "HÉBERGÉ(E) CHEZ UN TIERS",
    }
    out += [
        ("b", "II – LOGEMENT"),
        (
            "l",
            f"ADRESSE : {f['numero']} {f['rue']} – {f['cp']} {f['commune']}",
        ),
        ("l", "STATUT D'OCCUPATION : " + _cases(statuts, f["statut"], "[X]", "[ ]")),
    ]
    if f["bailleur"]:
        out.append(("l", f"BAILLEUR : {f['bailleur']}"))
    if f["loyer"]:
        base, ch = f["loyer"]
        charges = f"{m_espace(ch)} €" if ch else "COMPRISES"
        out.append(("l", f"LOYER : {m_espace(base)} €        CHARGES : {charges}"))
    if f["dette"]:
        out.append(
            (
                "l",
                f"DETTE LOCATIVE : {m_espace(f['dette'][0])} € ARRÊTÉE AU {d_num(f['dette'][1])}",
            )
        )
    else:
        out.append(("l", "DETTE LOCATIVE : NÉANT"))
    out += [
        ("b", "III – RESSOURCES MENSUELLES DU MÉNAGE"),
    ]
    for lab, _, m in f["ressources"]:
        val = "EN COURS D'OUVERTURE" if m is None else f"{m_espace(m)} €"
        out.append(("i", f"{lab.upper()} : {val}"))
    rencontre = f["date"] - timedelta(days=r.randrange(8, 30))
    plan = _montant(r, 30, 90, rond=True)
    out += [
        ("b", "IV – DIAGNOSTIC PRÉALABLE"),
        (
            "p",
            f"Ménage rencontré le {d_num(rencontre)} à domicile. Un plan d'apurement de "
            f"{m_espace(plan)} € par mois a été proposé ; le reste à vivre est de "
            f"{m_espace(_montant(r, 180, 420))} € par mois. La gestion locative mise en place "
            "par le bailleur ne suffit pas : une mesure est sollicitée.",
        ),
        ("b", "V – VISA DU SERVICE SOCIAL DE SECTEUR (PRESCRIPTEUR)"),
        (
            "l",
            f"NOM, PRÉNOM : {pre_n.upper()} {pre_p.upper()}        "
            f"QUALITÉ : {r.choice(['ASSISTANTE SOCIALE', 'CESF', 'ASSISTANT SOCIAL'])}",
        ),
        ("l", f"SERVICE : {f['organisme']}"),
        ("l", f"TÉL. : {_tel(r, '04')}"),
        ("l", f"FAIT LE : {d_num(f['date'])}        SIGNATURE ET CACHET :"),
    ]
    return out


def form_cg34_rubriques_docx(path, f) -> None:
    """Hérault « action logement » file (source 50): a two-column RUBRIQUE | RENSEIGNEMENTS
    table whose cells hold short sentences (« Madame NOM Prénom, née le … à … », address on
    two lines, rent « dont … de charges »), the requesting social worker first, the
    association meant to carry the measure apart, and a tripartite meeting date."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    fonction = r.choice(["assistante sociale", "CESF", "assistant de service social"])
    demandeur = [["RUBRIQUE", "RENSEIGNEMENTS"]]
    demandeur += [
        ["Travailleur social", f"{pre_p} {pre_n}, {fonction}"],
        ["Service", f["organisme"]],
        ["Téléphone", _tel(r, "04")],
        ["Date de la demande", d_num(f["date"])],
        [
            "Association pressentie",
            r.choice(["Habiter Hérault Solidarité", "Association Gammes", "Adages Logement"]),
        ],
    ]
    menage = [["RUBRIQUE", "RENSEIGNEMENTS"]]
    for i, p in enumerate(a):
        civ = "Madame" if p["femme"] else "Monsieur"
        ne = "née" if p["femme"] else "né"
        menage.append(
            [
                "Demandeur" if i == 0 else "Conjoint(e)",
                f"{civ} {p['nom']} {p['prenom']}, {ne} le {d_num(p['naissance'])} à {p['lieu']}",
            ]
        )
    if f["enfants"]:
        kids = ", ".join(f"{pr} ({d_num(dn)})" for _, pr, dn in f["enfants"])
        menage.append(["Enfants", f"{len(f['enfants'])} : {kids}"])
    else:
        menage.append(["Enfants", "aucun"])
    sit = {"couple": "Couple", "femme_seule": "Personne seule", "homme_seul": "Personne seule"}[
        f["composition"]
    ]
    menage.append(["Situation familiale", sit])
    menage.append(["Adresse", f"{f['numero']} {f['rue']}\n{f['cp']} {f['commune']}"])
    if f["statut"] == "heberge":
        menage.append(["Statut d'occupation", "Hébergé(e) chez un tiers"])
    else:
        parc = "social" if f["statut"] == "locataire_public" else "privé"
        menage.append(["Statut d'occupation", f"Locataire du parc {parc} ({f['bailleur']})"])
    if f["loyer"]:
        base, ch = f["loyer"]
        if ch:
            menage.append(["Loyer", f"{m_espace(base + ch)} € dont {m_espace(ch)} € de charges"])
        else:
            menage.append(["Loyer", f"{m_espace(base)} € par mois"])
    if f["dette"]:
        menage.append(["Dette locative", f"{m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"])
    else:
        menage.append(["Dette locative", "pas de dette"])
    menage.append(
        [
            "Ressources",
            " ; ".join(
                f"{lab} : {'en attente' if m is None else m_espace(m) + ' €'}"
                for lab, _, m in f["ressources"]
            ),
        ]
    )
    mesures = {
        "diagnostic": "Diagnostic social préalable",
        "acces": "ASLL accès au logement",
        "maintien": "ASLL maintien dans le logement",
        "renouvellement": "Renouvellement de l'ASLL",
    }
    rencontre = f["date"] + timedelta(days=r.randrange(7, 21))
    blocks = [
        ("t", "ESPACE LOGEMENT HÉRAULT"),
        ("h", "Dossier « action logement » – demande d'accompagnement"),
        ("b", "LE TRAVAILLEUR SOCIAL DEMANDEUR"),
        ("tab", demandeur),
        ("b", "LE MÉNAGE"),
        ("tab", menage),
        ("b", "L'ACTION DEMANDÉE"),
        ("l", "☐ Atelier de recherche de logement"),
    ]
    for k, v in mesures.items():
        blocks.append(("l", f"{'☒' if k == f['mesure'] else '☐'} {v}"))
    blocks += [
        ("l", "☐ Accès à un logement temporaire"),
        ("l", f"Rencontre tripartite prévue le {d_num(rencontre)}."),
        ("sp", 2),
        ("l", "Signature du ménage                    Signature du travailleur social"),
    ]
    write_docx(Path(path), blocks, "Arial", author="Espace Logement Hérault")


def form_cd18_bailleur(f) -> list:
    """Cher simplified maintien request (source 51), two pages: page 1 by the social
    landlord (its social adviser, tenants in capitals, debt month by month then its total,
    repayment plan, residual rent after housing benefit), page 2 by the social service
    (household lines, resources, ASLL yes / no), the prescriber only in the closing box."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    base, ch = f["loyer"]
    ch = ch or 0.0
    apl = round(min(base * 0.45, 260), 2)
    total, arrete = f["dette"]
    conseillere = r.choice(PRENOMS_F), r.choice(NOMS)
    mois = max(2, min(5, int(total // max(base + ch - apl, 50)) or 2))
    part = round(total / mois, 2)
    lignes = [part] * (mois - 1) + [round(total - part * (mois - 1), 2)]
    fin = arrete.month
    locs = [f"{'MME' if p['femme'] else 'M.'} {p['nom'].upper()} {p['prenom'].upper()}" for p in a]
    out = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT DU CHER"),
        ("h", "Aide simplifiée au maintien – bailleur social"),
        ("b", "PARTIE À REMPLIR PAR LE BAILLEUR"),
        ("l", f"Organisme : {f['bailleur']}"),
        ("l", f"Conseillère sociale : {conseillere[0]} {conseillere[1]}"),
        ("l", f"Référence du contrat : {r.randrange(100000, 999999)}"),
        ("l", f"Locataire en titre : {locs[0]}"),
        ("l", f"Cotitulaire du bail : {locs[1] if len(locs) > 1 else 'néant'}"),
        ("l", f"Logement : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}"),
        (
            "l",
            f"Loyer : {m_espace(base)} €   Charges : {m_espace(ch)} €   "
            f"APL versée au bailleur : {m_espace(apl)} €",
        ),
        ("l", f"Loyer résiduel : {m_espace(base + ch - apl)} €"),
        ("b", "Décompte de la dette"),
    ]
    rows = [["Mois", "Montant impayé"]]
    for i, x in enumerate(lignes):
        rows.append([f"{MOIS[(fin - mois + i) % 12]} 2025", f"{m_espace(x)} €"])
    rows.append([f"Total au {d_num(arrete)}", f"{m_espace(total)} €"])
    out += [
        ("tab", rows),
        (
            "l",
            f"Plan d'apurement proposé : {m_espace(_montant(r, 30, 80, rond=True))} € par mois",
        ),
        ("l", "Visa du bailleur :"),
        ("br", None),
        ("b", "PARTIE À REMPLIR PAR LE SERVICE SOCIAL"),
        ("l", "Composition du foyer :"),
    ]
    for i, p in enumerate(a):
        q = "Demandeur" if i == 0 else "Conjoint(e)"
        out.append(("i", f"{q} – {p['nom']} – {p['prenom']} – {d_num(p['naissance'])}"))
    for n, pr, dn in f["enfants"]:
        out.append(("i", f"Enfant – {n} – {pr} – {d_num(dn)}"))
    res = [["Ressources du foyer", "Montant mensuel"]]
    for lab, _, m in f["ressources"]:
        res.append([lab, "demande en cours" if m is None else f"{m_espace(m)} €"])
    out += [
        ("tab", res),
        (
            "l",
            "Accompagnement social lié au logement (fiche 11) : "
            + ("[X] oui [ ] non" if f["mesure"] != "diagnostic" else "[ ] oui [X] non"),
        ),
        (
            "l",
            "Mesure : "
            + _cases(
                {
                    "maintien": "ASLL maintien",
                    "renouvellement": "renouvellement",
                    "diagnostic": "diagnostic seul",
                },
                f["mesure"],
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "AVIS ET SIGNATURE DU TRAVAILLEUR SOCIAL"),
        ("l", f"{pre_p} {pre_n}, {r.choice(['assistante sociale', 'CESF'])}"),
        ("l", f"{f['organisme']}"),
        ("l", f"Le {d_num(f['date'])}          Signature :"),
    ]
    return out


FORM_FAMILIES.update(
    {
        "cg03-saisine-asll-majuscules": dict(
            dep="allier",
            reglage=True,
            kind="flat",
            fn=form_cg03_majuscules,
            scan=True,
            prep=prep_allier,
        ),
        "cg34-dossier-action-logement-rubriques": dict(
            dep="herault-cg34",
            reglage=True,
            kind="docx",
            fn=form_cg34_rubriques_docx,
            scan=False,
            odt=True,
            prep=prep_cg34,
        ),
        "cd18-maintien-bailleur-social-deux-pages": dict(
            dep="cher",
            reglage=True,
            kind="flat",
            fn=form_cd18_bailleur,
            scan=False,
            prep=prep_cher,
        ),
    }
)


# --- family built from source 56 (Bas-Rhin, Espace Solidarité; appended, others unchanged) ---

ORGANISMES.update(
    {
        "bas-rhin": [
            "Espace Solidarité de Haguenau",
            "Espace Solidarité de Saverne",
            "Espace Solidarité de Sélestat",
        ],
    }
)
FORM_VILLES.update(
    {"bas-rhin": [("Haguenau", "67500"), ("Saverne", "67700"), ("Sélestat", "67600")]}
)
BAILLEURS_LOCAUX.update({"bas-rhin": ["Habitat de l'Ill", "Alsace Habitat", "OPUS 67"]})
prep_bas_rhin = _prep_local("bas-rhin")

PIECES_BAS_RHIN = [
    "Pièce d'identité de chaque personne majeure",
    "Livret de famille ou acte de naissance des enfants",
    "Titre de séjour en cours de validité",
    "Jugement de tutelle ou de curatelle",
    "Justificatifs de ressources des trois derniers mois",
    "Dernière quittance de loyer",
    "Décompte de la dette établi par le bailleur",
]


def form_cea_logement_avant_menage(f) -> list:
    """Bas-Rhin FSL request from an Espace Solidarité (source 56): the instructing service's
    box at the top right, the dwelling and the debt before the household, labels followed by
    their value without a colon, the household as a grid with one line per resource (a
    person's further resources on lines without a name), then the documents joined ticked."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    sp = "\u00a0" * 5  # typed values sit apart from their label, no colon
    out = [
        ("r", f["organisme"]),
        ("r", f"Dossier suivi par {r.choice(['Mme', 'M.'])} {pre_p} {pre_n}"),
        (
            "r",
            r.choice(["Assistante sociale", "Conseillère en ESF", "Assistant de service social"]),
        ),
        ("r", f"{f['organisme'].rsplit(' de ', 1)[-1]}, le {d_num(f['date'])}"),
        ("t", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT"),
        ("h", "FSL départemental du Bas-Rhin – demande d'aide et d'accompagnement"),
        ("b", "NATURE DE LA DEMANDE"),
        (
            "l",
            _cases(
                {
                    "acces": "Accès (dépôt de garantie, entrée dans les lieux)",
                    "maintien": "Maintien (dette locative)",
                },
                f["mesure"] if f["mesure"] in ("acces", "maintien") else None,
                "[X]",
                "[ ]",
            ),
        ),
        (
            "l",
            "Accompagnement social lié au logement"
            + sp
            + _cases(
                {"oui": "oui", "renouvellement": "renouvellement", "diagnostic": "diagnostic seul"},
                {"acces": "oui", "maintien": "oui"}.get(f["mesure"], f["mesure"]),
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "LE LOGEMENT"),
        ("l", f"Adresse du logement{sp}{f['numero']} {f['rue']}"),
        ("l", f"Code postal{sp}{f['cp']}{sp}Commune{sp}{f['commune']}"),
        (
            "l",
            "Occupation"
            + sp
            + _cases(
                {
                    "locataire_public": "locataire d'un bailleur social",
                    "locataire_prive": "locataire du parc privé",
                    "heberge": "hébergé(e)",
                },
                f["statut"],
                "[X]",
                "[ ]",
            ),
        ),
        ("l", f"Nom du bailleur{sp}{f['bailleur'] or 'sans objet'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        out.append(
            ("l", f"Loyer hors charges{sp}{m_espace(base)} €{sp}Charges{sp}{m_espace(ch or 0)} €")
        )
    if f["dette"]:
        out.append(
            (
                "l",
                f"Dette locative{sp}{m_espace(f['dette'][0])} €{sp}"
                f"arrêtée au{sp}{d_num(f['dette'][1])}",
            )
        )
    else:
        out.append(("l", f"Dette locative{sp}néant"))
    rows = [["Civilité", "Nom", "Prénom", "Né(e) le", "Lien", "Ressources", "Montant mensuel"]]
    per = {i: [] for i in range(len(a))}
    for k, (lab, _, m) in enumerate(f["ressources"]):
        per[k % len(a)].append((lab, m))
    for i, p in enumerate(a):
        lien = "demandeur" if i == 0 else r.choice(["conjoint(e)", "concubin(e)"])
        res = per[i] or [("", None)]
        for j, (lab, m) in enumerate(res):
            montant_txt = "" if not lab else ("en attente" if m is None else f"{m_espace(m)} €")
            if j == 0:
                rows.append(
                    [
                        "Mme" if p["femme"] else "M.",
                        p["nom"],
                        p["prenom"],
                        d_num(p["naissance"]),
                        lien,
                        lab,
                        montant_txt,
                    ]
                )
            else:
                rows.append(["", "", "", "", "", lab, montant_txt])
    for n, pr, dn in f["enfants"]:
        rows.append(["", n, pr, d_num(dn), "enfant", "", ""])
    out += [
        ("b", "LE MÉNAGE"),
        ("tabw", ([16, 30, 26, 22, 24, 32, 20], rows)),
        ("b", "PIÈCES JOINTES"),
    ]
    for piece in PIECES_BAS_RHIN:
        out.append(("l", f"{'[X]' if r.random() < 0.7 else '[ ]'} {piece}"))
    out += [
        (
            "l",
            "Signature du demandeur                              Signature du travailleur social",
        ),
    ]
    return out


FORM_FAMILIES.update(
    {
        "cea-fsl-logement-avant-menage": dict(
            dep="bas-rhin",
            reglage=True,
            kind="flat",
            fn=form_cea_logement_avant_menage,
            scan=True,
            prep=prep_bas_rhin,
        ),
    }
)


# --- family built from source 57 (Haut-Rhin, fillable PDF; appended, others unchanged) ---

ORGANISMES.update(
    {
        "haut-rhin": [
            "Espace Solidarité de Colmar",
            "CCAS de Mulhouse",
            "Service social départemental de Guebwiller",
        ],
    }
)
FORM_VILLES.update(
    {"haut-rhin": [("Colmar", "68000"), ("Mulhouse", "68100"), ("Guebwiller", "68500")]}
)
BAILLEURS_LOCAUX.update(
    {"haut-rhin": ["Colmar Habitat", "m2A Habitat", "Habitats de Haute-Alsace"]}
)
prep_haut_rhin = _prep_local("haut-rhin")


def form_cd68_remplissable(path, f) -> None:
    """Haut-Rhin FSL request filled on screen (source 57): every value in a field named
    « Champ12 », its caption printed small ABOVE the field without a colon, two fields a row;
    the instructing service and worker in a box at the top right; the aid ticked in the
    règlement's words; the dwelling before the household; the household as a grid of fields
    with the resources of each person; the documents joined as tick boxes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = A4
    r = _sub_rng(f)
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Demande FSL Haut-Rhin")
    form = c.acroForm
    n = {"t": 0, "c": 0}
    y = [H - 18 * mm]

    def texte(x, yy, value, width, h=5.5 * mm):
        n["t"] += 1
        form.textfield(
            name=f"Champ{n['t']}",
            value=value,
            x=x,
            y=yy,
            width=width,
            height=h,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
        )

    def text(x, yy, s, size=7, bold=False):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(x, yy, s)

    def champ_dessus(x, caption, value, width):
        # caption above the field
        text(x, y[0], caption)
        texte(x, y[0] - 6.5 * mm, value, width)

    def cases(items, x0=18 * mm, size=8):
        x = x0
        for lab, on in items:
            n["c"] += 1
            form.checkbox(
                name=f"Case{n['c']}",
                x=x,
                y=y[0] - 1 * mm,
                size=3.8 * mm,
                checked=on,
                buttonStyle="cross",
                borderWidth=0.5,
            )
            text(x + 5 * mm, y[0], lab, size)
            x += 5 * mm + c.stringWidth(lab, "Helvetica", size) + 6 * mm

    def down(k=12.0):
        y[0] -= k * mm

    pre_p, pre_n = f["prescripteur"]
    # the service's box at the top right
    xr = 120 * mm
    text(xr, y[0], "Service instructeur")
    texte(xr, y[0] - 6.5 * mm, f["organisme"], 72 * mm)
    down(11)
    text(xr, y[0], "Travailleur social (prénom, nom)")
    texte(xr, y[0] - 6.5 * mm, f"{pre_p} {pre_n}", 72 * mm)
    down(11)
    text(xr, y[0], "Date de la demande")
    texte(xr, y[0] - 6.5 * mm, d_num(f["date"]), 30 * mm)
    down(13)
    text(18 * mm, y[0], "FONDS DE SOLIDARITÉ POUR LE LOGEMENT DU HAUT-RHIN", 12, True)
    down(6)
    text(18 * mm, y[0], "Demande d'aide – imprimé à compléter par le travailleur social", 8.5)
    down(9)
    text(18 * mm, y[0], "AIDE DEMANDÉE", 9, True)
    down(6)
    m = f["mesure"]
    cases(
        [
            ("entrée dans un logement locatif (accès)", m == "acces"),
            ("maintien dans le logement (locataire, sous-locataire)", m == "maintien"),
        ]
    )
    down(6)
    cases(
        [
            ("renouvellement de l'accompagnement", m == "renouvellement"),
            ("diagnostic social seul", m == "diagnostic"),
        ]
    )
    down(10)
    text(18 * mm, y[0], "LOGEMENT OCCUPÉ", 9, True)
    down(6)
    champ_dessus(18 * mm, "N° et rue", f"{f['numero']} {f['rue']}", 100 * mm)
    champ_dessus(122 * mm, "Code postal", f["cp"], 20 * mm)
    champ_dessus(146 * mm, "Commune", f["commune"], 46 * mm)
    down(13)
    text(18 * mm, y[0], "Statut d'occupation", 7)
    down(5)
    cases(
        [
            ("locataire parc public", f["statut"] == "locataire_public"),
            ("locataire parc privé", f["statut"] == "locataire_prive"),
            ("hébergé(e) chez un tiers", f["statut"] == "heberge"),
        ]
    )
    down(8)
    champ_dessus(18 * mm, "Nom du bailleur", f["bailleur"] or "", 80 * mm)
    if f["loyer"]:
        base, ch = f["loyer"]
        champ_dessus(102 * mm, "Loyer hors charges (€)", m_espace(base), 30 * mm)
        champ_dessus(136 * mm, "Charges (€)", m_espace(ch or 0), 25 * mm)
    down(13)
    if f["dette"]:
        champ_dessus(18 * mm, "Montant de la dette de loyer (€)", m_espace(f["dette"][0]), 40 * mm)
        champ_dessus(64 * mm, "Dette arrêtée au", d_num(f["dette"][1]), 30 * mm)
        down(13)
    text(18 * mm, y[0], "MÉNAGE", 9, True)
    down(6)
    cols = [
        (18, 14, "Civilité"),
        (33, 30, "Nom"),
        (64, 26, "Prénom"),
        (91, 22, "Né(e) le"),
        (114, 20, "Lien"),
        (135, 34, "Nature des ressources"),
        (170, 22, "Montant (€)"),
    ]
    for x, _, h in cols:
        text(x * mm, y[0], h, 7, True)
    down(7)
    per = {i: [] for i in range(len(f["adultes"]))}
    for k, (lab, _, mt) in enumerate(f["ressources"]):
        per[k % len(f["adultes"])].append((lab, mt))
    rows = []
    for i, p in enumerate(f["adultes"]):
        lien = "demandeur" if i == 0 else "conjoint(e)"
        res = per[i] or [("", None)]
        for j, (lab, mt) in enumerate(res):
            amount = "" if not lab else ("en attente" if mt is None else m_espace(mt))
            if j == 0:
                civ = "Mme" if p["femme"] else "M."
                rows.append([civ, p["nom"], p["prenom"], d_num(p["naissance"]), lien, lab, amount])
            else:
                rows.append(["", "", "", "", "", lab, amount])
    for nom, pr, dn in f["enfants"]:
        rows.append(["", nom, pr, d_num(dn), "enfant", "", ""])
    for row in rows:
        for (x, w, _), v in zip(cols, row):
            texte(x * mm, y[0], v, w * mm)
        down(6.5)
    down(4)
    text(18 * mm, y[0], "PIÈCES JUSTIFICATIVES JOINTES", 9, True)
    down(6)
    pieces = [
        "pièce d'identité",
        "justificatifs de ressources",
        "dernière quittance",
        "décompte de la dette",
        "RIB",
    ]
    cases([(p, r.random() < 0.7) for p in pieces], size=7.5)
    c.save()


FORM_FAMILIES.update(
    {
        "cd68-fsl-remplissable-legendes-dessus": dict(
            dep="haut-rhin",
            reglage=True,
            kind="fillable",
            fn=form_cd68_remplissable,
            scan=False,
            prep=prep_haut_rhin,
        ),
    }
)


# --- families built from sources 61-63 (branch forms-people): how forms of other
# départements name the prescriber's service, the persons and the household. Appended.

ORGANISMES_LONGS = {
    # the service as the form prints it (acronym and long name), beside the short name
    # staff file it under (the one the contract's example gives: "CCAS de Cognac")
    "vendee": [
        (
            "MDSF de Challans",
            [
                "Maison départementale des solidarités et de la famille (MDSF) de Challans",
                "MDSF de Challans – Maison départementale des solidarités et de la famille",
            ],
        ),
        ("CCAS de Luçon", ["Centre communal d'action sociale (CCAS) de Luçon", "CCAS de Luçon"]),
        (
            "MDSF de Fontenay-le-Comte",
            [
                "MDSF – Maison départementale des solidarités et de la famille de "
                "Fontenay-le-Comte",
                "MDSF de Fontenay-le-Comte",
            ],
        ),
    ],
    "alpes-maritimes": [
        (
            "MSD de Cannes",
            [
                "MSD – Maison des solidarités départementales de Cannes",
                "Maison des solidarités départementales de Cannes (MSD)",
            ],
        ),
        (
            "CCAS de Grasse",
            [
                "CCAS de Grasse – Centre communal d'action sociale",
                "Centre communal d'action sociale (CCAS) de Grasse",
            ],
        ),
        (
            "MSD de Nice Ouest",
            [
                "Maison des solidarités départementales (MSD) de Nice Ouest",
                "MSD de Nice Ouest",
            ],
        ),
    ],
    "hauts-de-seine": [
        (
            "EDAS de Nanterre",
            [
                "EDAS de Nanterre – Espace départemental d'actions sociales",
                "Espace départemental d'actions sociales (EDAS) de Nanterre",
            ],
        ),
        (
            "CCAS de Colombes",
            ["Centre communal d'action sociale (CCAS) de Colombes", "CCAS de Colombes"],
        ),
        (
            "EDAS de Gennevilliers",
            [
                "EDAS – Espace départemental d'actions sociales de Gennevilliers",
                "EDAS de Gennevilliers",
            ],
        ),
    ],
}
ORGANISMES.update({dep: [short for short, _ in v] for dep, v in ORGANISMES_LONGS.items()})
FORM_VILLES.update(
    {
        "vendee": [("Challans", "85300"), ("Luçon", "85400"), ("Fontenay-le-Comte", "85200")],
        "alpes-maritimes": [("Cannes", "06400"), ("Grasse", "06130"), ("Nice", "06200")],
        "hauts-de-seine": [
            ("Nanterre", "92000"),
            ("Colombes", "92700"),
            ("Gennevilliers", "92230"),
        ],
    }
)
BAILLEURS_LOCAUX.update(
    {
        "vendee": ["Vendée Habitat", "Vendée Logement esh", "Podeliha"],
        "alpes-maritimes": ["Côte d'Azur Habitat", "Habitat 06", "Erilia"],
        "hauts-de-seine": ["Hauts-de-Seine Habitat", "Paris Habitat", "Seqens"],
    }
)


def _org_imprime(f, dep: str) -> str:
    """The service as this form prints it: acronym and long name, in one order or the other."""
    for short, printed in ORGANISMES_LONGS[dep]:
        if short == f["organisme"]:
            return _sub_rng(f).choice(printed)
    return f["organisme"]


def _prep_people(dep: str):
    local = _prep_local(dep)

    def prep(f) -> None:
        local(f)
        r = _sub_rng(f)
        # an expected child (not a member of the household yet), an adult the household hosts
        f["_a_naitre"] = r.random() < 0.3
        f["_heberge"] = (
            _personne(r, r.random() < 0.6, young=r.random() < 0.5) if r.random() < 0.35 else None
        )

    return prep


def _fille(prenom: str) -> bool:
    return prenom in PRENOMS_F


def _composition_mots(f) -> str:
    """« couple avec 2 enfants », « femme seule avec 1 enfant », « homme seul »."""
    base = {"couple": "couple", "femme_seule": "femme seule", "homme_seul": "homme seul"}[
        f["composition"]
    ]
    n = len(f["enfants"])
    if not n:
        return base + (" sans enfant" if _sub_rng(f).random() < 0.5 else "")
    return f"{base} avec {n} enfant{'s' if n > 1 else ''}"


def _qualite_occupation(f, options: dict, on="[X]", off="[ ]") -> str:
    key = {"locataire_public": "titre", "locataire_prive": "titre"}.get(f["statut"], f["statut"])
    return _cases(options, key, on, off)


def _civ_pre(f) -> str:
    return "Mme" if f["prescripteur"][0] in PRENOMS_F else "M."


def form_cd85_cachet(f) -> list:
    """Vendée FSL request (source 61): the instructing service named only in the stamp block
    at the end (« Cachet du service », « Nom et qualité du signataire »), its name as acronym
    and long name; the applicant's « qualité » as règlement words ticked (« locataire en
    titre » says nothing of the landlord's kind: the landlord's name does); the household
    composition in words and the persons in one table with « Lien avec le demandeur »."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    out = [
        ("t", "DEMANDE D'INTERVENTION DU FSL"),
        ("h", "Fonds de solidarité pour le logement de la Vendée"),
        (
            "l",
            "Mesure sollicitée : "
            + _cases(
                {
                    "acces": "ASLL accès",
                    "maintien": "ASLL maintien",
                    "renouvellement": "renouvellement de la mesure",
                    "diagnostic": "diagnostic social",
                },
                f["mesure"],
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "1. LE DEMANDEUR"),
        (
            "l",
            "Demandeur : "
            + _cases({"f": "Madame", "h": "Monsieur"}, "f" if a[0]["femme"] else "h", "[X]", "[ ]"),
        ),
        ("l", f"Composition familiale : {_composition_mots(f)}"),
    ]
    rows = [["Nom", "Prénom", "Sexe", "Date de naissance", "Lien avec le demandeur"]]
    for i, p in enumerate(a):
        lien = (
            "demandeur" if i == 0 else r.choice(["conjoint(e)", "concubin(e)", "partenaire PACS"])
        )
        rows.append(
            [p["nom"], p["prenom"], "F" if p["femme"] else "M", d_num(p["naissance"]), lien]
        )
    for n, pr, dn in f["enfants"]:
        rows.append(
            [n, pr, "F" if _fille(pr) else "M", d_num(dn), "fille" if _fille(pr) else "fils"]
        )
    if f["_a_naitre"]:
        rows.append(
            [
                a[0]["nom"],
                "",
                "",
                f"à naître ({r.choice(['février', 'mars', 'avril'])} 2026)",
                "enfant à naître",
            ]
        )
    out += [
        ("b", "2. LES PERSONNES VIVANT AU FOYER"),
        ("tabw", ([34, 30, 12, 36, 40], rows)),
        ("b", "3. LE LOGEMENT"),
        ("l", f"Adresse : {f['numero']} {f['rue']} – {f['cp']} {f['commune']}"),
        (
            "l",
            "Qualité du demandeur : "
            + _qualite_occupation(
                f,
                {
                    "titre": "locataire en titre",
                    "sous_locataire": "sous-locataire",
                    "heberge": "hébergé(e) chez un tiers",
                    "sans_logement": "occupant sans titre",
                },
            ),
        ),
        ("l", f"Nom du bailleur : {f['bailleur'] or '–'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        out.append(
            (
                "l",
                f"Loyer : {m_espace(base)} €   Charges : {m_espace(ch) + ' €' if ch else 'comprises'}",
            )
        )
    if f["dette"]:
        out.append(
            ("l", f"Impayé de loyer : {m_espace(f['dette'][0])} € arrêté au {d_num(f['dette'][1])}")
        )
    out.append(("b", "4. RESSOURCES MENSUELLES DU FOYER"))
    out.append(
        (
            "tabw",
            (
                [80, 40],
                [["Nature", "Montant"]] + [[lab, _euros(m)] for lab, _, m in f["ressources"]],
            ),
        )
    )
    ville = f["organisme"].rsplit(" de ", 1)[-1]
    out += [
        ("sp", 4),
        (
            "tabw",
            (
                [75, 95],
                [
                    ["Cachet du service", "Nom et qualité du signataire"],
                    [
                        _org_imprime(f, "vendee"),
                        f"{_civ_pre(f)} {pre_p} {pre_n.upper()}, "
                        + r.choice(["assistante sociale", "conseillère ESF", "travailleur social"]),
                    ],
                    [
                        f"{r.randrange(1, 40)} rue de la Poste – {ville}",
                        f"Fait à {ville}, le {d_num(f['date'])}",
                    ],
                ],
            ),
        ),
    ]
    return out


def form_cd06_cartouche_docx(path, f) -> None:
    """Alpes-Maritimes request (source 62): a header cartouche in a table (« Service
    instructeur » with acronym and long name, « Travailleur social référent » NOM Prénom),
    the applicant in cells, a « Conjoint / Concubin / Partenaire PACS » block (« néant » for
    one adult), children one a line under « Enfants à charge », maybe an expected child, the
    housing situation in a sentence, the pressentie association beside the service."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    blocks = [
        ("t", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
        ("h", "Département des Alpes-Maritimes – FSL"),
        (
            "tab",
            [
                ["Service instructeur", _org_imprime(f, "alpes-maritimes")],
                ["Travailleur social référent", f"{pre_n.upper()} {pre_p}"],
                ["Téléphone", _tel(r, "04")],
                ["Date de la demande", d_num(f["date"])],
            ],
        ),
        (
            "l",
            "Nature de la demande : "
            + _cases(
                {
                    "acces": "ASLL accès",
                    "maintien": "ASLL maintien",
                    "renouvellement": "renouvellement",
                    "diagnostic": "diagnostic préalable",
                },
                f["mesure"],
            ),
        ),
        ("b", "LE DEMANDEUR"),
        (
            "tab",
            [
                ["Civilité", "Madame" if a[0]["femme"] else "Monsieur"],
                ["Nom", a[0]["nom"]],
                ["Prénom", a[0]["prenom"]],
                ["Né(e) le", d_num(a[0]["naissance"])],
            ],
        ),
        ("b", "CONJOINT / CONCUBIN / PARTENAIRE PACS"),
    ]
    if len(a) > 1:
        b = a[1]
        blocks.append(
            (
                "tab",
                [
                    ["Civilité", "Madame" if b["femme"] else "Monsieur"],
                    ["Nom", b["nom"]],
                    ["Prénom", b["prenom"]],
                    ["Né(e) le", d_num(b["naissance"])],
                ],
            )
        )
    else:
        blocks.append(("l", r.choice(["néant", "Sans objet", "–"])))
    blocks.append(("b", "ENFANTS À CHARGE"))
    if f["enfants"]:
        for n, pr, dn in f["enfants"]:
            blocks.append(("l", f"{pr} {n}, né{'e' if _fille(pr) else ''} le {d_num(dn)}"))
    else:
        blocks.append(("l", "aucun"))
    if f["_a_naitre"]:
        blocks.append(
            (
                "l",
                f"Enfant à naître : terme prévu le {d_num(f['date'] + timedelta(days=r.randrange(40, 200)))}",
            )
        )
    statut = {
        "locataire_public": f"Locataire en titre d'un logement du parc social ({f['bailleur']})",
        "locataire_prive": f"Locataire en titre d'un logement du parc privé ({f['bailleur']})",
        "heberge": "Hébergé(e) chez un tiers (famille)",
    }[f["statut"]]
    blocks += [
        ("b", "SITUATION AU REGARD DU LOGEMENT"),
        ("l", statut),
        ("l", f"Adresse : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        blocks.append(
            (
                "l",
                f"Loyer principal : {m_espace(base)} €   Charges : {m_espace(ch) + ' €' if ch else '0,00 €'}",
            )
        )
    if f["dette"]:
        blocks.append(
            ("l", f"Dette de loyer : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}")
        )
    blocks += [
        ("b", "RESSOURCES MENSUELLES"),
        ("tab", [["Nature", "Montant"]] + [[lab, _euros(m)] for lab, _, m in f["ressources"]]),
        ("l", f"Association prestataire pressentie : {r.choice(['UDAF 06', 'ATIAM', 'ADS'])}"),
        ("l", "Signature du travailleur social :"),
    ]
    write_docx(Path(path), blocks, "Calibri", author="Departement 06")


def form_cd92_qualite(f) -> list:
    """Hauts-de-Seine referral to the CCAPEX (source 63): « Structure / Organisme » and
    « Travailleur social référent » at the top, the household in ONE table whose « Qualité »
    column says Demandeur / Conjoint / Enfant / Hébergé(e) (a hosted adult is neither the
    applicant nor the spouse), the composition in words, the occupation status ticked."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    out = [
        ("t", "FICHE DE SAISINE – PRÉVENTION DES EXPULSIONS"),
        ("h", "Hauts-de-Seine – demande d'accompagnement"),
        ("l", f"Structure / Organisme : {_org_imprime(f, 'hauts-de-seine')}"),
        ("l", f"Travailleur social référent : {_civ_pre(f)} {pre_p} {pre_n.upper()}"),
        ("l", f"Date de saisine : {d_num(f['date'])}"),
        (
            "l",
            "Demande : "
            + _cases(
                {
                    "acces": "ASLL accès",
                    "maintien": "ASLL maintien",
                    "renouvellement": "renouvellement",
                    "diagnostic": "diagnostic social et financier",
                },
                f["mesure"],
                "[X]",
                "[ ]",
            ),
        ),
        ("b", "COMPOSITION DU MÉNAGE"),
    ]
    extra = " + 1 personne hébergée" if f["_heberge"] else ""
    out.append(("l", f"Composition familiale : {_composition_mots(f)}{extra}"))
    rows = [["Qualité", "Civilité", "NOM", "Prénom", "Né(e) le"]]
    for i, p in enumerate(a):
        q = "Demandeur" if i == 0 else r.choice(["Conjoint", "Concubin(e)", "Partenaire PACS"])
        rows.append(
            [q, "Mme" if p["femme"] else "M.", p["nom"].upper(), p["prenom"], d_num(p["naissance"])]
        )
    for n, pr, dn in f["enfants"]:
        rows.append(["Enfant", "", n.upper(), pr, d_num(dn)])
    h = f["_heberge"]
    if h:
        rows.append(
            [
                "Hébergé(e)",
                "Mme" if h["femme"] else "M.",
                h["nom"].upper(),
                h["prenom"],
                d_num(h["naissance"]),
            ]
        )
    out += [
        ("tabw", ([32, 18, 40, 36, 28], rows)),
        ("b", "LOGEMENT"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"{f['cp']} {f['commune'].upper()}"),
        (
            "l",
            "Statut d'occupation : "
            + _qualite_occupation(
                f,
                {
                    "titre": "Locataire en titre",
                    "sous_locataire": "Sous-locataire (bail glissant)",
                    "heberge": "Hébergé chez un tiers",
                    "sans_logement": "Occupant sans droit ni titre",
                },
            ),
        ),
        ("l", f"Bailleur : {f['bailleur'] or '–'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        out.append(("l", f"Loyer mensuel : {m_espace(base)} € + charges {m_espace(ch or 0)} €"))
    if f["dette"]:
        out.append(("l", f"Dette locative : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"))
    out += [
        ("b", "RESSOURCES DU MÉNAGE"),
        (
            "tabw",
            (
                [80, 40],
                [["Nature", "Montant mensuel"]]
                + [[lab, _euros(m)] for lab, _, m in f["ressources"]],
            ),
        ),
        ("l", "Signature du travailleur social :"),
    ]
    return out


FORM_FAMILIES.update(
    {
        "cd85-fsl-cachet-signataire": dict(
            dep="vendee",
            reglage=True,
            kind="flat",
            fn=form_cd85_cachet,
            scan=True,
            prep=_prep_people("vendee"),
        ),
        "cd06-asll-cartouche-conjoint": dict(
            dep="alpes-maritimes",
            reglage=True,
            kind="docx",
            fn=form_cd06_cartouche_docx,
            scan=False,
            odt=True,
            prep=_prep_people("alpes-maritimes"),
        ),
        "cd92-saisine-qualite-heberges": dict(
            dep="hauts-de-seine",
            reglage=True,
            kind="flat",
            fn=form_cd92_qualite,
            scan=True,
            prep=_prep_people("hauts-de-seine"),
        ),
    }
)


# --- families built from sources 58-60 (branch forms-money: how forms write the rent, the
# debt and the resources; appended, others unchanged) ---

ORGANISMES.update(
    {
        "haute-garonne": [
            "Maison des solidarités de Colomiers",
            "CCAS de Toulouse",
            "CLLAJ 31",
        ],
        "morbihan": [
            "Espace autonomie solidarité de Vannes",
            "CCAS de Lorient",
            "Centre médico-social de Pontivy",
        ],
        "maine-et-loire": [
            "Maison départementale des solidarités d'Angers",
            "CCAS de Cholet",
            "CCAS de Saumur",
        ],
    }
)
FORM_VILLES.update(
    {
        "haute-garonne": [("Toulouse", "31000"), ("Colomiers", "31770"), ("Muret", "31600")],
        "morbihan": [("Vannes", "56000"), ("Lorient", "56100"), ("Pontivy", "56300")],
        "maine-et-loire": [("Angers", "49000"), ("Cholet", "49300"), ("Saumur", "49400")],
    }
)
BAILLEURS_LOCAUX.update(
    {
        "haute-garonne": [
            "Toulouse Métropole Habitat",
            "Promologis",
            "Patrimoine SA Languedocienne",
        ],
        "morbihan": ["Bretagne Sud Habitat", "Lorient Habitat", "Espacil Habitat"],
        "maine-et-loire": ["Angers Loire Habitat", "Podeliha", "Soclova"],
    }
)
prep_haute_garonne = _prep_local("haute-garonne")
prep_morbihan = _prep_local("morbihan")
prep_maine_et_loire = _prep_local("maine-et-loire")


def _aide_logement(f):
    """The housing aid the form's rent block deducts: the APL among the household's resources
    (the same amount), else none."""
    al = next((m for lab, t, m in f["ressources"] if t == "apl" and m is not None), None)
    # an aid above the rent is not deducted from it (the draw's amounts are not tied)
    return al if al and f["loyer"] and al < f["loyer"][0] * 0.8 else None


def _dette_parts(f, r):
    """A debt split as the landlord's statement does: unpaid residual rent, unpaid charges and
    management or reminder fees (the fees are not rent arrears but the total includes them)."""
    total = f["dette"][0]
    frais = round(r.choice([0, 12.5, 25.0, 38.4]), 2)
    charges = round((total - frais) * r.uniform(0.05, 0.2), 2)
    return round(total - frais - charges, 2), charges, frais


def _id_bloc(f) -> list:
    """Persons and children as plain captioned lines (what these families test is money)."""
    out = []
    for i, p in enumerate(f["adultes"]):
        role = "Demandeur" if i == 0 else "Conjoint(e)"
        out.append(
            (
                "l",
                f"{role} : {'Mme' if p['femme'] else 'M.'} {p['nom']} {p['prenom']}, "
                f"né(e) le {d_num(p['naissance'])}",
            )
        )
    for n, pr, dn in f["enfants"]:
        out.append(("l", f"Enfant : {n} {pr}, né(e) le {d_num(dn)}"))
    out.append(("l", f"Nombre d'enfants à charge : {len(f['enfants'])}"))
    return out


def form_cd31_quittance_docx(path, f) -> None:
    """Haute-Garonne FSL maintien request in Word (source 58): the « situation locative » as a
    table of label | amount rows (rent before charges, charges, housing aid paid to the landlord,
    « quittance résiduelle (loyer – allocations logement) »), the debt as a total « au » a date
    then its « dont » parts, the « plan d'apurement » ticked with its monthly payment, and the
    resources as a table by person (« Demandeur | Conjoint | Autres personnes au foyer ») with
    a « Total » row."""
    r = _sub_rng(f)
    a = f["adultes"]
    blocks = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT – HAUTE-GARONNE"),
        ("h", "Demande d'aide au maintien dans le logement"),
        ("l", "Mesure demandée : " + _cases(MESURE_LAB, f["mesure"])),
        ("b", "I. LE MÉNAGE"),
        *_id_bloc(f),
        ("b", "II. SITUATION LOCATIVE"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"Code postal / Commune : {f['cp']} {f['commune']}"),
        ("l", "Statut d'occupation : " + _cases(STATUT_LAB, f["statut"])),
        ("l", f"Bailleur : {f['bailleur'] or 'sans objet'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        al = _aide_logement(f)
        quittance = round(base + (ch or 0) - (al or 0), 2)
        rows = [
            ["Situation locative (montants mensuels)", "Montant"],
            ["Loyer hors charges", f"{m_espace(base)} €"],
            ["Charges locatives", f"{m_espace(ch)} €" if ch else "néant"],
            [
                "Allocation logement versée au bailleur",
                f"{m_espace(al)} €" if al else "néant",
            ],
            ["Quittance résiduelle (loyer – allocations logement)", f"{m_espace(quittance)} €"],
        ]
        blocks.append(("tab", rows))
    if f["dette"]:
        loyers, charges, frais = _dette_parts(f, r)
        rows = [
            [f"Dette locative au {d_num(f['dette'][1])}", f"{m_espace(f['dette'][0])} €"],
            ["dont loyer résiduel impayé", f"{m_espace(loyers)} €"],
            ["dont charges locatives", f"{m_espace(charges)} €"],
            ["dont frais de gestion ou de relance", f"{m_espace(frais)} €" if frais else "0,00 €"],
        ]
        blocks.append(("tab", rows))
        plan = r.random() < 0.6
        blocks.append(
            (
                "l",
                "Plan d'apurement négocié avec le bailleur : "
                + _cases({"oui": "oui", "non": "non"}, "oui" if plan else "non")
                + (f"   mensualité : {m_espace(r.choice([30, 50, 75, 100]))} €" if plan else ""),
            )
        )
    else:
        blocks.append(("l", "Dette locative : néant"))
    cols = ["Demandeur", "Conjoint", "Autres personnes au foyer"]
    head = ["Ressources mensuelles"] + cols
    body, totals = [], [0.0, 0.0, 0.0]
    for k, (lab, t, m) in enumerate(f["ressources"]):
        # income of the household: the applicant's, the partner's, or a child's / other's
        j = 2 if t == "prestations_familiales" else (k % len(a))
        cells = ["", "", ""]
        cells[j] = "en attente" if m is None else f"{m_espace(m)} €"
        totals[j] += m or 0
        body.append([lab] + cells)
    total = ["Total"] + [f"{m_espace(x)} €" if x else "" for x in totals]
    blocks += [("b", "III. RESSOURCES DU FOYER"), ("tab", [head] + body + [total])]
    blocks += [
        ("b", "IV. LE TRAVAILLEUR SOCIAL"),
        ("l", f"Nom : {f['prescripteur'][1]}"),
        ("l", f"Prénom : {f['prescripteur'][0]}"),
        ("l", f"Service : {f['organisme']}"),
        ("l", f"Date de la demande : {d_num(f['date'])}"),
    ]
    write_docx(Path(path), blocks, "Arial", author="Departement")


def _eur_variable(x: float, r) -> str:
    """An amount as typed on this form: dots as thousands separators, « EUR », « euros » or
    no unit at all."""
    s = m_point(x) if x >= 1000 else m_espace(x)
    return s + r.choice([" EUR", " euros", "", " €"])


def form_cd56_budget_mensuel(f) -> list:
    """Morbihan FSL maintien request (source 59): a « BUDGET MENSUEL DU MÉNAGE » in two columns
    side by side, each line an income on the left and an expense on the right (« Salaire
    1.234,56 EUR      Loyer 452,10 EUR »); the rent, the charges, the housing aid and the
    « loyer résiduel »; the « pension alimentaire versée » among the expenses; an « impayé de
    loyer au … » with its number of months; totals."""
    r = _sub_rng(f)
    sp = "\u00a0" * 8
    out = [
        ("t", "DÉPARTEMENT DU MORBIHAN"),
        ("h", "FSL – Demande d'aide au maintien dans le logement"),
        ("l", "Accompagnement demandé : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "LE FOYER"),
        *_id_bloc(f),
        ("b", "LE LOGEMENT"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"Code postal : {f['cp']}{sp}Commune : {f['commune']}"),
        ("l", "Occupation : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f"Nom du bailleur : {f['bailleur'] or 'sans objet'}"),
    ]
    charges_col = []
    if f["loyer"]:
        base, ch = f["loyer"]
        al = _aide_logement(f)
        charges_col += [("Loyer", base), ("Charges locatives", ch or 0)]
        if al:
            charges_col.append(("Loyer résiduel (après aide au logement)", base + (ch or 0) - al))
    charges_col += [
        ("Électricité / gaz", _montant(r, 40, 140)),
        ("Assurance habitation", _montant(r, 12, 30)),
    ]
    if r.random() < 0.5:
        charges_col.append(("Pension alimentaire versée", _montant(r, 80, 250)))
    if f["dette"] and r.random() < 0.5:
        charges_col.append(("Remboursement plan d'apurement", float(r.choice([30, 50, 80]))))
    left = [
        (lab, "en attente" if m is None else _eur_variable(m, r)) for lab, _, m in f["ressources"]
    ]
    right = [(lab, _eur_variable(round(m, 2), r)) for lab, m in charges_col]
    out += [
        ("b", "BUDGET MENSUEL DU MÉNAGE"),
        ("l", f"RESSOURCES (mois civil précédant la demande){sp}CHARGES MENSUELLES"),
    ]
    for k in range(max(len(left), len(right))):
        lt = " ".join(left[k]) if k < len(left) else ""
        rt = " ".join(right[k]) if k < len(right) else ""
        out.append(("l", f"{lt}{sp}{rt}" if lt else f"{sp}{sp}{sp}{rt}"))
    tot_r = sum(m or 0 for _, _, m in f["ressources"])
    tot_c = sum(m for _, m in charges_col)
    out.append(
        (
            "l",
            f"Total ressources {_eur_variable(tot_r, r)}{sp}Total charges {_eur_variable(tot_c, r)}",
        )
    )
    if f["dette"]:
        mois = max(2, round(f["dette"][0] / max(f["loyer"][0], 1)))
        out.append(
            (
                "l",
                f"Impayé de loyer au {d_num(f['dette'][1])} : {_eur_variable(f['dette'][0], r)}"
                f" (soit {mois} mois de loyer)",
            )
        )
    else:
        out.append(("l", "Impayé de loyer : néant"))
    out += [
        ("b", "LE TRAVAILLEUR SOCIAL"),
        ("l", f"Nom et prénom du référent : {f['prescripteur'][0]} {f['prescripteur'][1]}"),
        ("l", f"Organisme : {f['organisme']}"),
        ("l", f"Date : {d_num(f['date'])}"),
    ]
    return out


def form_impaye_brut_net(f) -> list:
    """Unpaid-rent file (source 60): labels and amounts on one line joined by dots, no colon;
    the gross rent (before charges), the charges, the housing aid paid to the landlord and the
    net rent (« loyer hors charges – APL/AL »); the unpaid rent « après rappel AL » at a date,
    how many net rents it makes, and a repayment schedule; the resources as a table with the
    monthly and the yearly amount of each."""
    r = _sub_rng(f)
    dots = " " + "." * 12 + " "
    out = [
        ("t", "FICHE DE SIGNALEMENT – IMPAYÉ DE LOYER"),
        ("h", "Demande d'aide FSL maintien et d'accompagnement"),
        ("l", "Mesure sollicitée : " + _cases(MESURE_LAB, f["mesure"], "[X]", "[ ]")),
        ("b", "1. Le ménage"),
        *_id_bloc(f),
        ("b", "2. Le logement et le loyer"),
        ("l", f"Adresse : {f['numero']} {f['rue']}, {f['cp']} {f['commune']}"),
        ("l", "Statut : " + _cases(STATUT_LAB, f["statut"], "[X]", "[ ]")),
        ("l", f"Bailleur : {f['bailleur'] or 'sans objet'}"),
    ]
    if f["loyer"]:
        base, ch = f["loyer"]
        al = _aide_logement(f)
        out += [
            ("l", f"Loyer mensuel brut (hors charges){dots}{m_espace(base)} €"),
            ("l", f"Charges{dots}{m_espace(ch) + ' €' if ch else 'néant'}"),
            ("l", f"APL / AL versée en tiers payant{dots}{m_espace(al) + ' €' if al else 'néant'}"),
            (
                "l",
                f"Loyer mensuel net (loyer hors charges – APL/AL){dots}"
                f"{m_espace(round(base - (al or 0), 2))} €",
            ),
        ]
    out.append(("b", "3. L'impayé"))
    if f["dette"]:
        net = f["loyer"][0] - (_aide_logement(f) or 0)
        fois = f["dette"][0] / max(net, 1)
        n = r.choice([12, 24, 36])
        out += [
            (
                "l",
                f"Impayé après rappel AL au {d_num(f['dette'][1])}{dots}"
                f"{m_espace(f['dette'][0])} €",
            ),
            ("l", f"soit {fois:.1f}".replace(".", ",") + " fois le loyer mensuel net"),
            (
                "l",
                f"Échéancier proposé : {n} mensualités de {m_espace(round(f['dette'][0] / n, 2))} €",
            ),
        ]
    else:
        out.append(("l", f"Impayé après rappel AL{dots}néant"))
    rows = [["Nature des ressources", "Montant mensuel", "Montant annuel"]]
    for lab, _, m in f["ressources"]:
        if m is None:
            rows.append([lab, "en attente", ""])
        else:
            rows.append([lab, f"{m_espace(m)} €", f"{m_espace(round(m * 12, 2))} €"])
    out += [
        ("b", "4. Les ressources du foyer"),
        ("tabw", ([70, 45, 45], rows)),
        ("b", "5. Le prescripteur"),
        ("l", f"Nom : {f['prescripteur'][1]}"),
        ("l", f"Prénom : {f['prescripteur'][0]}"),
        ("l", f"Structure : {f['organisme']}"),
        ("l", f"Fait le {d_num(f['date'])}"),
    ]
    return out


FORM_FAMILIES.update(
    {
        "cd31-fsl-quittance-residuelle": dict(
            dep="haute-garonne",
            reglage=True,
            kind="docx",
            fn=form_cd31_quittance_docx,
            scan=False,
            odt=True,
            prep=prep_haute_garonne,
        ),
        "cd56-fsl-budget-mensuel": dict(
            dep="morbihan",
            reglage=True,
            kind="flat",
            fn=form_cd56_budget_mensuel,
            scan=True,
            prep=prep_morbihan,
        ),
        "fsl-impaye-loyer-brut-net": dict(
            dep="maine-et-loire",
            reglage=True,
            kind="flat",
            fn=form_impaye_brut_net,
            scan=True,
            prep=prep_maine_et_loire,
        ),
    }
)


# --- families built from sources 67-69 (branch forms-fresh: referral forms of services no
# family had shown yet, written before any rule was made for them). Appended.

ORGANISMES.update(
    {
        "metropole-lyon": [
            "Maison de la Métropole de Villeurbanne",
            "Maison de la Métropole de Vénissieux",
            "CCAS de Vaulx-en-Velin",
        ],
        "gironde-fsl": ["MDS de Lormont", "CCAS de Bègles", "MDS de Libourne"],
        "ardeche": [
            "Centre médico-social d'Aubenas",
            "CCAS de Privas",
            "Centre médico-social d'Annonay",
        ],
    }
)
FORM_VILLES.update(
    {
        "metropole-lyon": [
            ("Villeurbanne", "69100"),
            ("Vénissieux", "69200"),
            ("Vaulx-en-Velin", "69120"),
        ],
        "gironde-fsl": [("Lormont", "33310"), ("Bègles", "33130"), ("Libourne", "33500")],
        "ardeche": [("Aubenas", "07200"), ("Privas", "07000"), ("Annonay", "07100")],
    }
)
BAILLEURS_LOCAUX.update(
    {
        "metropole-lyon": ["Grand Lyon Habitat", "Lyon Métropole Habitat", "Alliade Habitat"],
        "gironde-fsl": ["Aquitanis", "Domofrance", "Gironde Habitat"],
        "ardeche": ["Ardèche Habitat", "Vivarais Habitat", "Alliade Habitat"],
    }
)
prep_metropole_lyon = _prep_local("metropole-lyon")
prep_gironde_fsl = _prep_local("gironde-fsl")
prep_ardeche = _prep_local("ardeche")


def _date_mots(d: date, r) -> str:
    """A date as a social worker types it in a sentence: « 3 octobre 2025 », sometimes all
    in letters."""
    return d_lettres(d) if r.random() < 0.3 else d_long(d)


def form_lyon_parts_docx(path, f) -> None:
    """Métropole de Lyon ASLL request in Word (source 67): the service and the worker (NOM
    Prénom) in a header grid, labels on the first row and values under them; the household
    composition ticked in the words of the FSL scale (« Isolé », « Couple », « Famille
    monoparentale ») with the number of children and of « parts »; the persons in columns
    (« Demandeur | Conjoint ou cohabitant ») with a « Nom-Prénom » row and a « Sexe » row;
    the budget as a grid with labels above values (gross rent, charges, housing aid, « taux
    d'effort »); resources « moyenne des trois derniers mois » by beneficiary; the debt and
    the form's date in words."""
    r = _sub_rng(f)
    a = f["adultes"]
    pre_p, pre_n = f["prescripteur"]
    n = len(f["enfants"])
    comp = "couple" if f["composition"] == "couple" else ("famille" if n else "isole")
    parts = (1.5 if len(a) > 1 else 1.2) + 0.5 * n
    mesures = {
        "acces": "Accès à un logement",
        "maintien": "Maintien dans le logement",
        "renouvellement": "Prolongation de la mesure",
        "diagnostic": "Évaluation – diagnostic",
    }
    statuts = {
        "locataire_public": "Locataire du parc social",
        "locataire_prive": "Locataire du parc privé",
        "heberge": "Hébergé(e) chez un tiers",
    }
    blocks = [
        ("t", "MÉTROPOLE DE LYON – FONDS DE SOLIDARITÉ LOGEMENT"),
        ("h", "Demande d'accompagnement social lié au logement"),
        (
            "tab",
            [
                [
                    "Maison de la Métropole / service",
                    "Travailleur social (NOM Prénom)",
                    "Téléphone",
                ],
                [f["organisme"], f"{pre_n} {pre_p}", _tel(r, "04")],
            ],
        ),
        ("l", "Accompagnement sollicité : " + _cases(mesures, f["mesure"])),
        ("b", "1. COMPOSITION DU MÉNAGE"),
        (
            "l",
            _cases({"isole": "Isolé", "couple": "Couple", "famille": "Famille monoparentale"}, comp)
            + f"      Nombre d'enfants : {n}      Nombre de parts : "
            + f"{parts:.1f}".replace(".", ","),
        ),
    ]
    head = ["", "Demandeur", "Conjoint ou cohabitant"]
    col = lambda fn: [fn(a[0]), fn(a[1]) if len(a) > 1 else ""]  # noqa: E731
    blocks.append(
        (
            "tab",
            [
                head,
                ["Nom-Prénom"] + col(lambda p: f"{p['nom']} {p['prenom']}"),
                ["Sexe"] + col(lambda p: "F" if p["femme"] else "M"),
                ["Date de naissance"] + col(lambda p: d_num(p["naissance"])),
                ["Situation professionnelle"] + col(lambda p: p["metier"]),
            ],
        )
    )
    if f["enfants"]:
        rows = [["Enfants à charge (NOM Prénom)", "Date de naissance", "Sexe"]]
        for nom, pr, dn in f["enfants"]:
            rows.append([f"{nom} {pr}", d_num(dn), "F" if _fille(pr) else "M"])
        blocks.append(("tab", rows))
    blocks += [
        ("b", "2. LOGEMENT"),
        ("l", f"Adresse du logement : {f['numero']} {f['rue']} – {f['cp']} {f['commune']}"),
        ("l", "Situation : " + _cases(statuts, f["statut"])),
        ("l", f"Bailleur : {f['bailleur'] or '—'}"),
    ]
    tot = sum(m or 0 for _, _, m in f["ressources"])
    if f["loyer"]:
        base, ch = f["loyer"]
        al = _aide_logement(f)
        effort = (base + (ch or 0) - (al or 0)) / tot * 100 if tot else None
        blocks.append(
            (
                "tab",
                [
                    [
                        "Loyer brut mensuel",
                        "Charges locatives",
                        "Aide mensuelle au logement",
                        "Taux d'effort",
                    ],
                    [
                        f"{m_espace(base)} €",
                        f"{m_espace(ch)} €" if ch else "0,00 €",
                        f"{m_espace(al)} €" if al else "néant",
                        (f"{effort:.1f} %".replace(".", ",")) if effort else "—",
                    ],
                ],
            )
        )
    if f["dette"]:
        blocks.append(
            (
                "l",
                f"Dette locative : {m_espace(f['dette'][0])} € arrêtée au "
                f"{_date_mots(f['dette'][1], r)}",
            )
        )
    else:
        blocks.append(("l", "Dette locative : aucune"))
    benef = ["Demandeur", "Conjoint"] if len(a) > 1 else ["Demandeur"]
    rows = [["Ressources (moyenne des trois derniers mois)", "Bénéficiaire", "Montant mensuel"]]
    for k, (lab, t, m) in enumerate(f["ressources"]):
        who = "Foyer" if t in ("prestations_familiales", "apl") else benef[k % len(benef)]
        rows.append([lab, who, _euros(m)])
    rows.append(["Total des ressources", "", f"{m_espace(tot)} €"])
    qf = tot / parts
    blocks += [
        ("b", "3. ÉVALUATION BUDGÉTAIRE ET SOCIALE"),
        ("tab", rows),
        ("l", f"Quotient familial : {m_espace(round(qf, 2))} €"),
        ("b", "4. SIGNATURES"),
        ("l", f"Fait à {_ville_service(f).split(' ', 1)[1]}, le {_date_mots(f['date'], r)}"),
        ("l", "Le travailleur social                              Le ménage"),
    ]
    write_docx(Path(path), blocks, "Arial", author="Metropole")


GIRONDE_RESS = {
    "salaire": "Salaire (CDD / temps partiel)",
    "chomage": "Allocations ASSEDIC",
    "rsa": "RMI / RSA",
    "aah": "AAH",
    "pension": "Pension d'invalidité",
    "prestations_familiales": "Prestations familiales CAF",
    "apl": "AL / APL",
    "autre": "Prime d'activité",
    "ij": "Indemnités journalières",
}


def form_gironde_navette(f) -> list:
    """Gironde FSL « fiche navette » (source 68): the form's title names the aid (access to or
    keeping a dwelling), a « ( ) / (X) » line ticks it; « Nom – Prénom : DUPONT Marie »; the
    composition ticked in the words of the quotient scale (« Personne seule », « Couple sans
    enfant », « Ménage avec enfant(s) ») with the children by first name and age; the town in
    capitals; « Loyer principal », charges and housing aid on one line; the « quotient
    familial » line with its formula; resources named the old way (RMI, ASSEDIC); the social
    worker at the foot, in a « réservé au travailleur social » frame."""
    r = _sub_rng(f)
    a = f["adultes"]
    m = f["mesure"]
    titre = {
        "acces": "Demande d'aide pour l'accès à un logement",
        "maintien": "Demande d'aide pour le maintien dans un logement",
    }.get(m, "Demande d'accompagnement social lié au logement")
    tick = lambda on: "(X)" if on else "( )"  # noqa: E731
    n = len(f["enfants"])
    out = [
        ("t", "FONDS DE SOLIDARITÉ LOGEMENT DE LA GIRONDE"),
        ("h", f"FICHE NAVETTE – {titre}"),
        (
            "l",
            f"Objet : {tick(m == 'acces')} accès   {tick(m == 'maintien')} maintien   "
            f"{tick(m == 'renouvellement')} renouvellement ASLL   "
            f"{tick(m == 'diagnostic')} diagnostic social",
        ),
        ("b", "1 – LE MÉNAGE"),
    ]
    for i, p in enumerate(a):
        qui = "Nom – Prénom" if i == 0 else "Nom – Prénom du conjoint"
        out += [
            ("l", f"{qui} : {p['nom']} {p['prenom']}"),
            (
                "l",
                f"Né(e) le : {d_num(p['naissance'])}    à : {p['lieu']}    "
                f"Sexe : {'F' if p['femme'] else 'M'}",
            ),
        ]
    seule = len(a) == 1 and not n
    out.append(
        (
            "l",
            f"Composition : {tick(seule)} Personne seule   "
            f"{tick(len(a) > 1 and not n)} Couple sans enfant   "
            f"{tick(bool(n))} Ménage avec enfant(s), nombre : {n or '…'}",
        )
    )
    if f["enfants"]:
        ages = ", ".join(f"{pr} {_age(dn, f['date'])} ans" for _, pr, dn in f["enfants"])
        out.append(("l", f"Enfants au foyer (prénom et âge) : {ages}"))
    out += [
        ("b", "2 – LE LOGEMENT"),
        ("l", f"Adresse : {f['numero']} {f['rue']}"),
        ("l", f"CP – Ville : {f['cp']} {f['commune'].upper()}"),
        (
            "l",
            f"Statut : {tick(f['statut'] == 'locataire_public')} locataire HLM   "
            f"{tick(f['statut'] == 'locataire_prive')} locataire parc privé   "
            f"{tick(f['statut'] == 'heberge')} hébergé   "
            f"{tick(f['statut'] == 'sous_locataire')} sous-locataire",
        ),
        ("l", f"Propriétaire / bailleur : {f['bailleur'] or 'néant'}"),
    ]
    tot = sum(mt or 0 for _, _, mt in f["ressources"])
    al = None
    if f["loyer"]:
        base, ch = f["loyer"]
        al = _aide_logement(f)
        out.append(
            (
                "l",
                f"Loyer principal : {m_espace(base)} €    Charges : "
                f"{m_espace(ch) + ' €' if ch else '0 €'}    AL / APL : "
                f"{m_espace(al) + ' €' if al else 'néant'}",
            )
        )
    if f["dette"]:
        out.append(("l", f"Dette de loyer : {m_espace(f['dette'][0])} € au {d_num(f['dette'][1])}"))
    else:
        out.append(("l", "Dette de loyer : néant"))
    pers = len(a) + n
    loyer_p = f["loyer"][0] if f["loyer"] else 0
    qf = (tot + (al or 0) - loyer_p) / pers
    out += [
        (
            "l",
            "Quotient familial [(Ressources + AL ou APL évaluée – loyer principal) ÷ nombre "
            f"de personnes] : {m_espace(round(qf, 2))} €",
        ),
        ("b", "3 – RESSOURCES MENSUELLES DU FOYER"),
    ]
    for _, t, mt in f["ressources"]:
        out.append(("l", f"{GIRONDE_RESS[t]} : {_euros(mt)}"))
    out += [
        ("l", f"Total : {m_espace(tot)} €"),
        ("b", "RÉSERVÉ AU TRAVAILLEUR SOCIAL"),
        ("l", f"Nom – Prénom : {f['prescripteur'][1]} {f['prescripteur'][0]}"),
        ("l", f"Service : {f['organisme']}"),
        ("l", f"Le {d_num(f['date'])}        Signature :"),
    ]
    if r.random() < 0.3:
        out.insert(2, ("s", "Imprimé à retourner complété au secrétariat du FSL"))
    return out


ARDECHE_MESURES = [
    ("ASLL à l'issue d'un séjour en CHRS", "acces"),
    ("ASLL liée à une recherche de logement adapté", "acces"),
    ("ASLL – prévention de l'expulsion", "maintien"),
    ("Poursuite de la mesure en cours", "renouvellement"),
    ("Enquête sociale – diagnostic (charte de prévention des expulsions)", "diagnostic"),
]
ARDECHE_FONCTIONS = ["assistante sociale", "CESF", "assistant de service social", "référente RSA"]


def form_ardeche_remplissable(path, f) -> None:
    """Ardèche FUL request filled on screen (source 69): fields named « Texte1 », « Case1 »…,
    captions on the left; the measure ticked in the operator's words (leaving a CHRS or
    looking for a suited dwelling: access; preventing an eviction: keeping; social enquiry:
    diagnostic); civility ticked; the applicant in one « Nom, prénom » field; the address in
    one field with postcode and town; the rent charges included in one field, the debt and
    its date in another; the resources in a multi-line field; the social worker (« Prénom
    NOM, fonction ») and the service at the foot; « Fait le » in words."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = A4
    r = _sub_rng(f)
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Demande ASLL FUL")
    form = c.acroForm
    n = {"t": 0, "c": 0}
    y = [H - 20 * mm]

    def text(x, yy, s, size=8.5, bold=False):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(x, yy, s)

    def champ(label, value, width=110 * mm, lines=1):
        n["t"] += 1
        h = 5.5 * mm * lines
        y[0] -= h - 5.5 * mm  # a taller field grows downwards, under its caption
        text(18 * mm, y[0] + h - 4 * mm, label)
        form.textfield(
            name=f"Texte{n['t']}",
            value=value,
            x=78 * mm,
            y=y[0],
            width=width,
            height=h,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
            fieldFlags="multiline" if lines > 1 else "",
        )
        y[0] -= h + 2.5 * mm

    def cases(items, x0=18 * mm, per_line=3):
        for k, (lab, on) in enumerate(items):
            if k and k % per_line == 0:
                y[0] -= 6 * mm
            x = x0 + (k % per_line) * 60 * mm
            n["c"] += 1
            form.checkbox(
                name=f"Case{n['c']}",
                x=x,
                y=y[0] - 1 * mm,
                size=3.8 * mm,
                checked=on,
                buttonStyle="check",
                borderWidth=0.5,
            )
            text(x + 5 * mm, y[0], lab, 8)
        y[0] -= 8 * mm

    text(18 * mm, y[0], "DÉPARTEMENT DE L'ARDÈCHE – FONDS UNIQUE LOGEMENT (FUL)", 12, True)
    y[0] -= 6 * mm
    text(18 * mm, y[0], "Demande de mesure d'accompagnement social lié au logement", 9.5)
    y[0] -= 10 * mm
    text(18 * mm, y[0], "TYPE DE MESURE SOLLICITÉE", 9, True)
    y[0] -= 6 * mm
    options = [(lab, k) for lab, k in ARDECHE_MESURES]
    chosen = [lab for lab, k in options if k == f["mesure"]]
    pick = r.choice(chosen)
    for lab, _ in options:
        cases([(lab, lab == pick)], per_line=1)
        y[0] += 2 * mm
    y[0] -= 4 * mm
    text(18 * mm, y[0], "LE MÉNAGE", 9, True)
    y[0] -= 7 * mm
    for i, p in enumerate(f["adultes"]):
        qui = "demandeur" if i == 0 else "conjoint"
        cases([("Madame", p["femme"]), ("Monsieur", not p["femme"])])
        champ(f"Nom, prénom du {qui}", f"{p['nom']} {p['prenom']}")
        champ("Date de naissance", d_num(p["naissance"]), 30 * mm)
    champ(
        "Personnes au foyer",
        f"{len(f['adultes'])} adulte{'s' if len(f['adultes']) > 1 else ''}, "
        f"{len(f['enfants'])} enfant{'s' if len(f['enfants']) > 1 else ''} à charge",
        60 * mm,
    )
    if f["enfants"]:
        champ(
            "Enfants (prénom, date de naissance)",
            "\n".join(f"{pr}, {d_num(dn)}" for _, pr, dn in f["enfants"]),
            lines=min(3, len(f["enfants"])),
        )
    y[0] -= 2 * mm
    text(18 * mm, y[0], "LE LOGEMENT", 9, True)
    y[0] -= 7 * mm
    champ("Adresse du logement", f"{f['numero']} {f['rue']}, {f['cp']} {f['commune']}")
    text(18 * mm, y[0], "Statut d'occupation", 8.5)
    y[0] -= 6 * mm
    cases(
        [
            ("locataire parc public", f["statut"] == "locataire_public"),
            ("locataire parc privé", f["statut"] == "locataire_prive"),
            ("hébergé(e)", f["statut"] == "heberge"),
        ]
    )
    champ("Bailleur (nom)", f["bailleur"] or "")
    if f["loyer"]:
        champ(
            "Loyer charges comprises (€)",
            m_espace(round(f["loyer"][0] + (f["loyer"][1] or 0), 2)),
            30 * mm,
        )
    champ(
        "Dette locative et date du décompte",
        f"{m_espace(f['dette'][0])} euros au {d_num(f['dette'][1])}" if f["dette"] else "aucune",
        70 * mm,
    )
    champ(
        "Ressources mensuelles (nature, montant)",
        "\n".join(
            f"{lab} : {'en attente' if mt is None else m_espace(mt) + ' euros'}"
            for lab, _, mt in f["ressources"]
        ),
        lines=max(2, len(f["ressources"])),
    )
    y[0] -= 2 * mm
    text(18 * mm, y[0], "LE RÉFÉRENT SOCIAL", 9, True)
    y[0] -= 7 * mm
    pre_p, pre_n = f["prescripteur"]
    champ(
        "Référent social (prénom, nom, fonction)", f"{pre_p} {pre_n}, {r.choice(ARDECHE_FONCTIONS)}"
    )
    champ("Structure", f["organisme"])
    champ("Fait le", _date_mots(f["date"], r), 50 * mm)
    c.save()


FORM_FAMILIES.update(
    {
        "metropole-lyon-asll-parts": dict(
            dep="metropole-lyon",
            reglage=True,
            kind="docx",
            fn=form_lyon_parts_docx,
            scan=False,
            odt=True,
            prep=prep_metropole_lyon,
        ),
        "gironde-fsl-fiche-navette": dict(
            dep="gironde-fsl",
            reglage=True,
            kind="flat",
            fn=form_gironde_navette,
            scan=True,
            prep=prep_gironde_fsl,
        ),
        "ardeche-ful-remplissable-cases": dict(
            dep="ardeche",
            reglage=True,
            kind="fillable",
            fn=form_ardeche_remplissable,
            scan=False,
            prep=prep_ardeche,
        ),
    }
)


# --- families of spreadsheet forms (branch sheets: a CCAPEX's « fiche de saisine » and a
# département's « fiche navette » sent as a workbook, written before any rule was made for
# them). Appended, the other families draw as before.

ORGANISMES.update(
    {
        "haute-vienne": [
            "Maison départementale des solidarités de Limoges Nord",
            "CCAS de Saint-Junien",
            "MDD de Bellac",
        ],
        "saone-et-loire": [
            "CCAS de Chalon-sur-Saône",
            "Maison départementale des solidarités de Mâcon",
            "CCAS du Creusot",
        ],
    }
)
FORM_VILLES.update(
    {
        "haute-vienne": [("Limoges", "87000"), ("Saint-Junien", "87200"), ("Bellac", "87300")],
        "saone-et-loire": [
            ("Chalon-sur-Saône", "71100"),
            ("Mâcon", "71000"),
            ("Le Creusot", "71200"),
        ],
    }
)
BAILLEURS_LOCAUX.update(
    {
        "haute-vienne": ["Limoges Habitat", "ODHAC 87", "Noalis"],
        "saone-et-loire": ["OPAC Saône-et-Loire", "Habellis", "Mâcon Habitat"],
    }
)
SHEET_MESURES = {
    "acces": "Accès au logement",
    "maintien": "Maintien dans le logement",
    "renouvellement": "Renouvellement de la mesure",
    "diagnostic": "Diagnostic social et financier",
}
SHEET_STATUTS = {
    "locataire_public": "Locataire du parc social",
    "locataire_prive": "Locataire du parc privé",
    "heberge": "Hébergé(e) chez un tiers",
    "sous_locataire": "Sous-locataire",
}
_EURO = '#,##0.00 "€"'


def _xl_date(d: date):
    from datetime import datetime as _dt

    return _dt(d.year, d.month, d.day)


def form_ccapex_saisine_xlsx(path, f) -> None:
    """A CCAPEX's « fiche de saisine » as a workbook (Haute-Vienne): one sheet, labels in
    column A and values in B, the measure and the occupation ticked with « X » in column C
    beside their options, the household as a table (civility, name, first name, birth
    date, link), the resources as a table of amounts, the worker and the service below."""
    from openpyxl import Workbook

    r = _sub_rng(f)
    wb = Workbook()
    ws = wb.active
    ws.title = "Saisine"

    def put(*cells, fmt=None):
        ws.append(list(cells))
        if fmt:
            for col, value in zip("ABCDEF", cells, strict=False):
                if isinstance(value, (int, float, date)) and not isinstance(value, bool):
                    ws[f"{col}{ws.max_row}"].number_format = fmt
        return ws.max_row

    put("CCAPEX DE LA HAUTE-VIENNE")
    put("FICHE DE SAISINE - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT")
    ws.merge_cells("A1:E1")
    ws.merge_cells("A2:E2")
    put()
    put("Date de la saisine", _xl_date(f["date"]), fmt="dd/mm/yyyy")
    put("Mesure demandée")
    for key, lab in SHEET_MESURES.items():
        put(None, lab, "X" if key == f["mesure"] else None)
    put()
    put("COMPOSITION DU MÉNAGE")
    put("Civilité", "Nom", "Prénom", "Date de naissance", "Lien")
    for k, a in enumerate(f["adultes"]):
        put(
            "Mme" if a["femme"] else "M.",
            a["nom"],
            a["prenom"],
            _xl_date(a["naissance"]),
            "Demandeur" if k == 0 else "Conjoint(e)",
            fmt="dd/mm/yyyy",
        )
    for nom, prenom, naissance in f["enfants"]:
        put(None, nom, prenom, _xl_date(naissance), "Enfant", fmt="dd/mm/yyyy")
    put()
    put("LOGEMENT")
    put("Adresse", f"{f['numero']} {f['rue']}")
    put("Code postal", int(f["cp"]), fmt="00000")
    put("Commune", f["commune"].upper() if r.random() < 0.5 else f["commune"])
    put("Statut d'occupation")
    for key, lab in SHEET_STATUTS.items():
        put(None, lab, "X" if key == f["statut"] else None)
    if f["bailleur"]:
        put("Bailleur", f["bailleur"])
    if f["loyer"]:
        put("Loyer hors charges", f["loyer"][0], fmt=_EURO)
        if f["loyer"][1]:
            put("Charges", f["loyer"][1], fmt=_EURO)
    if f["dette"]:
        put("Montant de la dette locative", f["dette"][0], fmt=_EURO)
        put("Dette arrêtée au", _xl_date(f["dette"][1]), fmt="dd/mm/yyyy")
    put()
    put("RESSOURCES MENSUELLES", "Montant")
    for lab, _, montant in f["ressources"]:
        put(lab, "en attente" if montant is None else montant, fmt=_EURO)  # a claim pending
    put()
    put("PRESCRIPTEUR")
    put("Nom du travailleur social", f"{f['prescripteur'][1].upper()} {f['prescripteur'][0]}")
    put("Service", f["organisme"])
    put("Téléphone", r.randrange(500000000, 599999999), fmt='00" "00" "00" "00" "00')
    wb.save(path)


def form_navette_deux_feuilles_xlsx(path, f) -> None:
    """A département's « fiche navette » over two sheets (Saône-et-Loire): the applicant
    and the spouse one field a row, the children as a table, the housing with its status
    ticked by an « x » left of the option; on the second sheet the budget, the debt, the
    measure as boxes linked to their cells (TRUE / FALSE), the worker and the date; a
    hidden sheet holds the drop-downs' lists."""
    from openpyxl import Workbook

    r = _sub_rng(f)
    wb = Workbook()
    ws = wb.active
    ws.title = "1. Ménage et logement"
    rows = [
        ["DÉPARTEMENT DE SAÔNE-ET-LOIRE - FONDS DE SOLIDARITÉ POUR LE LOGEMENT"],
        ["Fiche navette - demande d'accompagnement social lié au logement"],
        [],
    ]
    for k, a in enumerate(f["adultes"]):
        rows += [
            ["Demandeur" if k == 0 else "Conjoint(e) ou concubin(e)"],
            ["Civilité", "Madame" if a["femme"] else "Monsieur"],
            ["Nom", a["nom"]],
            ["Prénom", a["prenom"]],
            ["Née le" if a["femme"] else "Né le", _xl_date(a["naissance"])],
            [],
        ]
    rows.append(["Nombre d'enfants à charge", len(f["enfants"])])
    if f["enfants"]:
        rows.append(["Enfants à charge", "Nom", "Prénom", "Date de naissance"])
        rows += [[None, n, p, _xl_date(d)] for n, p, d in f["enfants"]]
    rows += [
        [],
        ["Logement"],
        ["Adresse du logement", f"{f['numero']} {f['rue']}"],
        ["Code postal - Commune", f"{f['cp']} {f['commune'].upper()}"],
        ["Statut d'occupation"],
    ]
    rows += [["x" if k == f["statut"] else None, lab] for k, lab in SHEET_STATUTS.items()]
    if f["bailleur"]:
        rows.append(["Bailleur", f["bailleur"]])
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    fin = wb.create_sheet("2. Budget et demande")
    rows = [["Ressources mensuelles du ménage", "Montant"]]
    rows += [[lab, "demande en cours" if m is None else m] for lab, _, m in f["ressources"]]
    rows.append([])
    if f["loyer"]:
        rows.append(
            ["Loyer mensuel charges comprises", round(f["loyer"][0] + (f["loyer"][1] or 0), 2)]
        )
    if f["dette"]:
        rows.append(["Dette de loyer", f["dette"][0]])
        rows.append(["Date du décompte", _xl_date(f["dette"][1])])
    rows += [[], ["Objet de la demande"]]
    rows += [[lab, k == f["mesure"]] for k, lab in SHEET_MESURES.items()]
    rows += [
        [],
        ["Travailleur social", f"{f['prescripteur'][0]} {f['prescripteur'][1].upper()}"],
        ["Organisme", f["organisme"]],
        ["Fait le", _xl_date(f["date"])],
    ]
    for row in rows:
        fin.append(row)
    for line in fin.iter_rows():
        for cell in line:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, float) or (
                isinstance(cell.value, int) and not isinstance(cell.value, bool)
            ):
                cell.number_format = _EURO if r.random() < 0.7 else "0.00"
    lists = wb.create_sheet("Listes")
    for lab in [*SHEET_MESURES.values(), *SHEET_STATUTS.values()]:
        lists.append([lab])
    lists.sheet_state = "hidden"
    wb.save(path)


FORM_FAMILIES.update(
    {
        "ccapex-haute-vienne-saisine-tableur": dict(
            dep="haute-vienne",
            reglage=True,
            kind="xlsx",
            fn=form_ccapex_saisine_xlsx,
            scan=False,
            prep=_prep_local("haute-vienne"),
        ),
        "saone-et-loire-navette-deux-feuilles": dict(
            dep="saone-et-loire",
            reglage=True,
            kind="xlsx",
            fn=form_navette_deux_feuilles_xlsx,
            scan=False,
            prep=_prep_local("saone-et-loire"),
        ),
    }
)


# --------------------------------------------------------------------------- sources 70 à 72
# Families built from corpus/sources/70 to 72 (issue 14, session 9): acts and letters of
# the Île-de-France courts of appeal's ressorts. An avocat's assignation written like the
# parties of a Versailles judgment (each party a block of lines without « demeurant »: name,
# « née le 11 Février 1970 à … », « de nationalité Française », the address on two lines,
# the role alone on its line; the landlord « S.A. X VENANT AUX DROITS DE Y »; the avocat's
# own file number and vestiaire; the date in capitals and words without accents); the
# Yvelines DDETS's covering letter with that act's copy (the court named by its town, the
# local commission's number and date); a DRIHL letter of the Val-de-Marne alone (landlord
# « E.P.I.C. X HABITAT-OPH », défendeurs of one family with their married names, legal aid
# numbers and dates between them).

VILLES.update(
    {
        "yvelines": [
            (
                "Versailles",
                "78000",
                "Tribunal judiciaire de Versailles",
                "5 place André Mignot, 78000 Versailles",
            ),
            (
                "Saint-Germain-en-Laye",
                "78100",
                "Tribunal de proximité de Saint-Germain-en-Laye",
                "13 rue Saint-Léger, 78100 Saint-Germain-en-Laye",
            ),
            (
                "Le Pecq",
                "78230",
                "Tribunal de proximité de Saint-Germain-en-Laye",
                "13 rue Saint-Léger, 78100 Saint-Germain-en-Laye",
            ),
            (
                "Rambouillet",
                "78120",
                "Tribunal de proximité de Rambouillet",
                "Place Félix Faure, 78120 Rambouillet",
            ),
            (
                "Mantes-la-Jolie",
                "78200",
                "Tribunal de proximité de Mantes-la-Jolie",
                "20 avenue de la République, 78200 Mantes-la-Jolie",
            ),
            (
                "Poissy",
                "78300",
                "Tribunal de proximité de Poissy",
                "Rue du 8 Mai 1945, 78300 Poissy",
            ),
        ],
        "val-de-marne": [
            (
                "Créteil",
                "94000",
                "Tribunal judiciaire de Créteil",
                "Rue Pasteur Vallery-Radot, 94000 Créteil",
            ),
            (
                "Villejuif",
                "94800",
                "Tribunal de proximité de Villejuif",
                "10 rue Eugène Varlin, 94800 Villejuif",
            ),
            (
                "Cachan",
                "94230",
                "Tribunal de proximité de Villejuif",
                "10 rue Eugène Varlin, 94800 Villejuif",
            ),
            (
                "Ivry-sur-Seine",
                "94200",
                "Tribunal de proximité d'Ivry-sur-Seine",
                "Place de l'Insurrection du 18 août 1944, 94200 Ivry-sur-Seine",
            ),
            (
                "Nogent-sur-Marne",
                "94130",
                "Tribunal de proximité de Nogent-sur-Marne",
                "Rue Charles VII, 94130 Nogent-sur-Marne",
            ),
        ],
    }
)
OPH.update(
    {
        "yvelines": ("Office Public de l'Habitat de Versailles", "VERSAILLES HABITAT"),
        "val-de-marne": ("Office Public de l'Habitat du Val-de-Marne", "VALOPHIS HABITAT"),
    }
)
COMMISSAIRES.update(
    {
        "yvelines": ["Stéphane LE GOFF", "Hélène DARRAS-MEUNIER"],
        "val-de-marne": ["Rachid BENSAÏD", "Laurence PIQUET"],
    }
)
# sociétés d'HLM of the Yvelines, each with the former company it took over (source 70)
ESH_SUCCESSION = [
    ("1001 VIES HABITAT", "COOPERATION ET FAMILLE"),
    ("LES RÉSIDENCES YVELINES ESSONNE", "LOGEMENT FRANCILIEN"),
    ("SEQENS", "FRANCE HABITATION"),
]


def _ville_juridiction(jur: str) -> str:
    """« Rambouillet » for « Tribunal de proximité de Rambouillet »."""
    return re.sub(r"^Tribunal (?:judiciaire|de proximité) (?:de |d')", "", jur)


def _menage_ile_de_france(rng, region) -> dict:
    """A household of the Yvelines or the Val-de-Marne: real complements, a third adult of
    the family now and then, and a société d'HLM that took over another one."""
    h = _menage_reel(rng, region)
    b = h["bailleur"]
    if b["kind"] == "esh":
        n, ancien = rng.choice(ESH_SUCCESSION)
        b.update(long=n, court=n, attendu=n, ancien=ancien)
    return h


def _date_majuscules(d: date, trait: bool) -> str:
    """« LE SIX DECEMBRE DEUX MILLE VINGT DEUX » (source 70): capitals, no accents, the
    year's compound number with or without its hyphen."""
    s = sans_accents(f"le {_jour_caps(d).lower()} {lettres(d.year)}").upper()
    return s if trait else s.replace("-", " ")


def _jour_maj(d: date) -> str:
    """« 11 Février 1970 »: the month with a capital, as the Versailles judgments write it."""
    j = "1er" if d.day == 1 else str(d.day)
    return f"{j} {MOIS[d.month - 1].capitalize()} {d.year}"


def _bloc_partie_bailleur(h) -> list[str]:
    b = h["bailleur"]
    siege = f"{h['cp']} {h['commune'].upper()}"
    if b["kind"] == "esh":
        return [
            f"S.A. {b['court']} VENANT AUX DROITS DE {b['ancien']}",
            "société anonyme d'habitations à loyer modéré",
            "Ayant son siège",
            f"{rng_num(h)} avenue de Paris",
            siege,
            "prise en la personne de ses représentants légaux domiciliés en cette qualité audit "
            "siège",
        ]
    if b["kind"] == "oph":
        return [
            f"{b['court']}, {b['long']}",
            "établissement public à caractère industriel et commercial",
            "Ayant son siège",
            f"{rng_num(h)} rue de la Paroisse",
            siege,
            "pris en la personne de son directeur général domicilié en cette qualité audit siège",
        ]
    if b["kind"] == "sci":
        return [
            f"{b['court']}",
            "société civile immobilière",
            "Ayant son siège",
            f"{rng_num(h)} boulevard de la Reine",
            siege,
            "prise en la personne de son gérant",
        ]
    p = b["pers"]
    return [
        f"{'Madame' if p['femme'] else 'Monsieur'} {p['prenom']} {p['nom']}",
        f"né{'e' if p['femme'] else ''} le {_jour_maj(p['naissance'])} à {p['lieu']}",
        "de nationalité Française",
        f"{rng_num(h)} rue du Maréchal Foch",
        siege,
    ]


def rng_num(h) -> int:
    return random.Random(f"siège/{h['rg']}").randrange(2, 90)


def acte_blocs_lignes(h, F) -> list:
    """An avocat's assignation laid out like the parties of a Versailles judgment (source
    70): every party a block of short lines ending with its role, the date in capitals."""
    st = F["st"]
    c = _choix_versailles(h, st)
    pers = h["personnes"]
    d = h["date_acte"]
    dossier, vest, r = c["dossier"], c["vestiaire"], c["rng"]
    avocat = st["avocat"]
    b = h["bailleur"]
    out = [
        ("r", f"{st['cabinet']}\nAvocats au barreau de Versailles\nN/Réf. : {dossier}"),
        ("t", "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION"),
        ("s", "(constat de la résiliation du bail – expulsion – paiement des loyers)"),
        ("sp", 2),
        ("b", _date_majuscules(d, c["trait"]) + ","),
        ("b", "À LA REQUÊTE DE :"),
    ]
    for t in _bloc_partie_bailleur(h):
        out.append(("l", t))
    if b["mandataire"]:
        out.append(
            (
                "l",
                f"représenté{'e' if b['kind'] != 'particulier' else ''} par son "
                f"mandataire {b['mandataire']}",
            )
        )
    out += [
        (
            "l",
            f"Représentant : Maître {avocat}, Postulant, avocat au barreau de VERSAILLES, "
            f"vestiaire : {vest} - N° du dossier {dossier}",
        ),
        ("b", "DEMANDERESSE" if b["kind"] != "particulier" or b["pers"]["femme"] else "DEMANDEUR"),
        (
            "p",
            f"J'ai, Maître {h['commissaire']}, commissaire de justice associé au sein de la "
            f"{st['office']}, à la résidence de Versailles, soussigné,",
        ),
        ("b", "DONNÉ ASSIGNATION À :"),
    ]
    epouse = c["epouse"]
    # a second draw's variants: civilities, birth dates, the building's line, the amounts
    v = random.Random(f"versailles-variantes/{h['rg']}")
    civ = CIV["abr"] if v.random() < 0.4 else CIV["long"]
    naissance_num = v.random() < 0.5
    complement_seul = h["complement"] and v.random() < 0.4
    euros = v.random() < 0.5
    for p in pers:
        e = "e" if p["femme"] else ""
        nom = _nom_epouse(p) if epouse else f"{p['prenom']} {p['nom']}"
        out.append(("l", f"{civ[1] if p['femme'] else civ[0]} {nom}"))
        if naissance_num:
            lieu = p["lieu"].split(" (")[0].upper() + (
                f" ({p['lieu'].split(' (')[1]}" if " (" in p["lieu"] else ""
            )
            out.append(("l", f"né{e} le {d_num(p['naissance'])} à {lieu}"))
        else:
            out.append(("l", f"né{e} le {_jour_maj(p['naissance'])} à {p['lieu']}"))
        out.append(("l", "de nationalité Française"))
        if complement_seul:
            out.append(("l", h["complement"]))
            out.append(("l", adresse(h)))
        else:
            out.append(("l", adresse(h) + (f", {h['complement']}" if h["complement"] else "")))
        out.append(("l", f"{h['cp']} {h['commune'].upper()}"))
        out.append(("b", "DÉFENDERESSE" if p["femme"] else "DÉFENDEUR"))

    def mt(x: float) -> str:  # « 3.877,15 € » or « 3 877,15 euros »
        return f"{m_espace(x)} euros" if euros else f"{m_point(x)} €"

    jur = h["juridiction"]
    ville = _ville_juridiction(jur)
    if jur.startswith("Tribunal de proximité") and r.random() < 0.5:
        jur_txt = f"du Tribunal de proximité de {sans_accents(ville).upper().replace('-', ' ')}"
    elif r.random() < 0.5:
        jur_txt = f"de {sans_accents(ville).upper()}"
    else:
        jur_txt = f"du {jur}"
    base, charges = h["loyer"]
    loyer = f"{mt(base)}" + (
        f" et {mt(charges)} de provision sur charges" if charges else " charges comprises"
    )
    qui = (
        "aux défendeurs"
        if len(pers) > 1
        else ("à la défenderesse" if pers[0]["femme"] else "au défendeur")
    )
    out += [
        ("b", "D'AVOIR À COMPARAÎTRE"),
        (
            "p",
            f"devant le Juge des contentieux de la protection {jur_txt}, {h['tribunal_adresse']}, "
            f"à l'audience du {_jour_maj(h['audience'])} à {heure(h['heure'], 'heures')}.",
        ),
        ("h", "TRÈS IMPORTANT"),
        (
            "s",
            "Faute de comparaître, vous vous exposez à ce qu'un jugement soit rendu contre vous "
            "sur les seuls éléments fournis par votre adversaire.",
        ),
        ("h", "EXPOSÉ DU LITIGE"),
        (
            "p",
            f"Par contrat du {_jour_maj(h['date_cmdt'] - timedelta(days=1100))}, la partie "
            f"requérante a donné à bail {qui} un appartement situé {adresse(h)}, {h['cp']} "
            f"{h['commune']}, moyennant un loyer mensuel de {loyer}.",
        ),
        (
            "p",
            f"Par acte du {_jour_maj(h['date_cmdt'])}, un commandement de payer visant la clause "
            f"résolutoire a été délivré pour la somme en principal de {mt(h['commandement'])} ; "
            "il est resté sans effet.",
        ),
        (
            "p",
            f"Selon le décompte arrêté au {_jour_maj(h['date_dette'])}, la dette locative s'élève "
            f"à {mt(h['dette'])}, échéance du mois en cours incluse.",
        ),
        (
            "p",
            "La présente assignation sera notifiée au Préfet des Yvelines par voie électronique "
            "au moins six semaines avant l'audience, en vue de la réalisation d'un diagnostic "
            "social et financier.",
        ),
        ("h", "PAR CES MOTIFS"),
        (
            "i",
            "– CONSTATER l'acquisition de la clause résolutoire ; ORDONNER l'expulsion des "
            "défendeurs et de tous occupants de leur chef ;",
        ),
        (
            "i",
            f"– CONDAMNER solidairement les défendeurs à payer la somme de {mt(h['dette'])} "
            f"ainsi que {mt(h['art700'])} au titre de l'article 700 du code de procédure "
            "civile.",
        ),
        ("sp", 2),
        ("p", f"Coût de l'acte : {mt(h['cout'])}"),
        ("r", f"Maître {h['commissaire']}"),
    ]
    return out


def _choix_versailles(h, st) -> dict:
    """The act's draws that its expected JSON needs too (same seed, same order)."""
    r = random.Random(f"versailles/{h['rg']}")
    return dict(
        dossier=f"{r.randrange(10000, 99999)}",
        vestiaire=f"C{r.randrange(100, 999)}",
        trait=r.random() < 0.5,
        epouse=bool(st.get("epouse")) and r.random() < 0.6,
        rng=r,
    )


def attendu_blocs_lignes(fichier, h, F):
    att = attendu_assignation(fichier, h, F)
    if _choix_versailles(h, F["st"])["epouse"]:
        att["personnes"] = _personnes_epouse(h)
    return att


def ecrire_lettre_copie_clil(docs, fichier, h, L, rng, n, fmt="pdf") -> dict:
    """The Yvelines DDETS's covering letter (source 71), the act's copy after it: the court
    named by its town, the local commission's number and sitting date."""
    F = ASSIGN_FAMILIES[L["copie"]]
    date_lettre = h["date_acte"] + timedelta(days=rng.randrange(3, 12))
    limite = h["audience"] - timedelta(days=rng.randrange(10, 20))
    notif = h["date_acte"] + timedelta(days=rng.randrange(1, 3))
    clil = limite + timedelta(days=rng.randrange(2, 8))
    ref = L["ref_fmt"].format(n=n + rng.randrange(100, 900), an=date_lettre.year)
    haut = rng.random() < 0.5
    services = L["services"] + [f"Nos réf. : {ref}", f"CLIL n° {rng.randrange(10, 99)}/{clil.year}"]
    ville_date = f"Versailles, le {d_long(date_lettre)}" if haut else ""
    jur = h["juridiction"]
    ville = _ville_juridiction(jur)
    pers = h["personnes"]
    qui = " et ".join(f"{'Mme' if p['femme'] else 'M.'} {p['prenom']} {p['nom']}" for p in pers)
    b = h["bailleur"]
    corps = [
        (
            "b",
            "Objet : assignation aux fins de constat de résiliation du bail – demande de "
            "diagnostic social et financier",
        ),
        ("b", "P.J. : copie de l'acte"),
        ("sp", 2),
        ("p", "Madame, Monsieur,"),
        (
            "p",
            f"J'ai reçu notification, le {d_num(notif)}, de l'assignation délivrée à la requête de "
            f"{b['court']} à l'encontre de {qui}, domicilié{'s' if len(pers) > 1 else ''} "
            f"{adresse(h)}, {h['cp']} {h['commune']}. L'affaire sera examinée par le juge des "
            f"contentieux de la protection de {ville} le {d_long(h['audience'])}.",
        ),
        (
            "p",
            "En application de l'article 24 de la loi n° 89-462 du 6 juillet 1989, je vous "
            "saisis pour la réalisation du diagnostic social et financier de ce ménage, qui "
            f"devra me parvenir avant le {d_num(limite)}. La situation sera également évoquée "
            f"lors de la commission locale des impayés de loyer (CLIL) du {d_num(clil)}.",
        ),
        (
            "p",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        ),
    ]
    if not haut:
        corps.append(("r", f"Fait à Versailles, le {d_long(date_lettre)}"))
    corps.append(("r", L["st"]["signature"]))
    parts = [
        (
            lh_prefecture(L["prefet"], services, ville_date),
            [("r", L["dest"]), ("sp", 4)] + corps,
            "Helvetica",
            10,
            80,
        ),
        (None, F["acte"](h, F), _pdf_font(F["font"]), 10, 18),
    ]
    build_pdf(docs / fichier, parts, title="Courrier")
    att = F["attendu"](fichier, h, F)
    att.update(
        type_document="saisine_prefecture",
        reference=ref,
        date_document=mc.iso(date_lettre),
        date_limite=mc.iso(limite),
    )
    return att


def lettre_drihl_epouses(h, L, ref, date_lettre, limite) -> tuple[list, dict]:
    """A DRIHL letter of the Val-de-Marne alone (source 72): « Affaire : E.P.I.C. X
    HABITAT-OPH c/ Mme Y épouse Z et autres », the défendeurs listed one under the other
    with their married names, a legal-aid decision's number and date among them."""
    pers = h["personnes"]
    b = h["bailleur"]
    r = random.Random(f"drihl/{h['rg']}")
    if b["kind"] == "oph":
        affaire = f"E.P.I.C. {b['court']}-OPH"
        desig = f"l'{affaire}"
    elif b["kind"] == "esh":
        affaire = f"S.A. d'HLM {b['court']}"
        desig = f"la {affaire}"
    elif b["kind"] == "sci":
        affaire = b["court"]
        desig = f"la {affaire}"
    else:
        q = b["pers"]
        affaire = desig = f"{'Mme' if q['femme'] else 'M.'} {q['prenom']} {q['nom']}"
    premier = pers[0]
    civ0 = "Mme" if premier["femme"] else "M."
    notif = h["date_acte"] + timedelta(days=r.randrange(1, 4))
    aj = h["date_acte"] + timedelta(days=r.randrange(3, 9))
    # a second draw's variants: « Mme … ép. … », the deadline in words
    v = random.Random(f"drihl-variantes/{h['rg']}")
    civ = CIV["abr"] if v.random() < 0.5 else CIV["long"]
    ep = v.random() < 0.4
    limite_lettres = v.random() < 0.3
    lignes = []
    for p in pers:
        e = "e" if p["femme"] else ""
        nom = _nom_epouse(p).replace(" épouse ", " ép. ") if ep else _nom_epouse(p)
        lignes.append(
            (
                "i",
                f"– {civ[1] if p['femme'] else civ[0]} {nom}, né{e} le {d_num(p['naissance'])}",
            )
        )
    base, charges = h["loyer"]
    if charges:
        loyer = (
            f"Le loyer mensuel s'élève à {m_espace(base)} € hors charges et "
            f"{m_espace(charges)} € de charges."
        )
    else:
        loyer = f"Le loyer mensuel, charges comprises, s'élève à {m_espace(base)} €."
    jur = h["juridiction"]
    corps = [
        (
            "b",
            "Objet : procédure d'expulsion locative – saisine pour diagnostic social et financier",
        ),
        (
            "b",
            f"Affaire : {affaire} c/ {civ0} {_nom_epouse(premier)}"
            + (" et autres" if len(pers) > 1 else ""),
        ),
        ("sp", 2),
        ("p", "Madame la Responsable,"),
        (
            "p",
            f"Par acte de commissaire de justice du {d_num(h['date_acte'])}, notifié à mes "
            f"services le {d_num(notif)}, {desig} a assigné devant le juge des contentieux de la "
            f"protection du {jur} :",
        ),
        *lignes,
        (
            "p",
            f"Le logement en cause est situé {adresse(h)}"
            + (f" – {h['complement']}" if h["complement"] else "")
            + f" – {h['cp']} {h['commune'].upper()}. {loyer} La dette locative s'élevait à "
            f"{m_espace(h['dette'])} € au {d_num(h['date_dette'])} selon le décompte annexé à "
            "l'acte.",
        ),
        (
            "p",
            f"{civ0} {premier['nom']} a sollicité le bénéfice de l'aide juridictionnelle "
            f"(demande n° {aj.year}/0{r.randrange(10000, 99999)} du {d_num(aj)}).",
        ),
        (
            "p",
            f"L'audience est fixée au {d_long(h['audience'], True)} à "
            f"{heure(h['heure'], 'h')}. Je vous remercie de bien vouloir me transmettre le "
            f"diagnostic au plus tard le {d_lettres(limite) if limite_lettres else d_num(limite)}.",
        ),
        ("p", "Je vous prie d'agréer, Madame la Responsable, mes salutations distinguées."),
        ("r", L["st"]["signature"]),
    ]
    personnes = _personnes_epouse(h)
    kw = _attendu_lettre(h, ref, date_lettre, limite, personnes)
    kw["commissaire_justice"] = None  # the letter does not name the officer
    return corps, kw


ASSIGN_FAMILIES.update(
    {
        # source 70
        "avocat-versailles-blocs-lignes": dict(
            region="yvelines",
            reglage=True,
            formats=["docx", "pdf"],
            font="Times-Roman",
            acte=acte_blocs_lignes,
            attendu=attendu_blocs_lignes,
            menage=_menage_ile_de_france,
            st=dict(
                cabinet="SELARL MINAULT – CARRO",
                avocat="Ondine CARRO",
                office="SCP LE GOFF – DARRAS-MEUNIER",
                epouse=True,
                rg=False,
            ),
        ),
    }
)
LETTER_FAMILIES.update(
    {
        # source 71
        "ddets-yvelines-copie-clil": dict(
            region="yvelines",
            reglage=True,
            copie="avocat-versailles-blocs-lignes",
            scan=False,
            menage=_menage_ile_de_france,
            ecrire=ecrire_lettre_copie_clil,
            prefet=["PRÉFET", "DES YVELINES"],
            services=[
                "Direction départementale de l'emploi, du travail et des solidarités",
                "Service habitat – prévention des expulsions",
            ],
            ref_fmt="DDETS78/PEX/{an}/{n:05d}",
            dest="Conseil départemental des Yvelines\nTerritoire d'action départementale\n"
            "Service social\n2 place André Mignot\n78000 VERSAILLES",
            st=dict(
                signature="Pour le préfet et par délégation,\nLa cheffe du service habitat,\n"
                "Isabelle FOURCADE",
            ),
        ),
        # source 72
        "drihl-val-de-marne-epouses": dict(
            region="val-de-marne",
            reglage=True,
            copie=None,
            scan=True,
            menage=_menage_ile_de_france,
            prefet=["PRÉFET", "DU VAL-DE-MARNE"],
            services=[
                "Direction régionale et interdépartementale de l'hébergement et du logement",
                "Unité départementale du Val-de-Marne",
                "Service prévention des expulsions locatives",
            ],
            ref_fmt="UD94/SPEL/2025-{n:04d}",
            ref_label="Réf. : ",
            corps=lettre_drihl_epouses,
            dest="Espace départemental des solidarités\n26 rue Jean Jaurès\n94800 VILLEJUIF",
            st=dict(
                signature="Pour le préfet et par délégation,\nLe chef du service prévention des "
                "expulsions\nMarc ROUSSELOT",
            ),
        ),
    }
)


# --------------------------------------------------------------------------- scans


def scanner(src_pdf: Path, out: Path, rng: random.Random, mode: str) -> bool:
    """First page of `src_pdf` as a degraded scan (reuses make_corpus.degrader). False if >1 page."""
    from PIL import Image
    from pypdf import PdfReader

    if len(PdfReader(src_pdf).pages) != 1:
        return False
    dpi = rng.choice([200, 250, 300])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-png",
                "-singlefile",
                str(src_pdf),
                str(Path(tmp) / "p"),
            ],
            check=True,
        )
        page = Image.open(Path(tmp) / "p.png").convert("L")
        page.load()
    page = mc.degrader(page, rng, rng.choice([-1.5, -0.8, 0.6, 1.2]))
    if mode == "pdf":
        page.save(out, "PDF", resolution=float(dpi), quality=55)
    elif mode == "jpg":
        page.save(out, "JPEG", quality=60, dpi=(dpi, dpi))
    else:
        page.quantize(16).save(out, optimize=True, dpi=(dpi, dpi))
    return True


# --------------------------------------------------------------------------- driver


def manifest() -> dict:
    out = {}
    for name, F in ASSIGN_FAMILIES.items():
        out[name] = {"type": "assignation", "reglage": F["reglage"]}
    for name, L in LETTER_FAMILIES.items():
        out[name] = {"type": "saisine_prefecture", "reglage": L["reglage"]}
    for name, F in FORM_FAMILIES.items():
        out[name] = {"type": "fiche_prescription", "reglage": F["reglage"]}
    return out


def _save(att_dir: Path, att: dict, name: str, reglage: bool) -> dict:
    _famille_tag(att, name, reglage)
    (att_dir / f"{att['fichier']}.json").write_text(
        json.dumps(att, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return att


def _odt(docs: Path, stems: list[str]) -> None:
    """Convert the listed .docx to .odt in one LibreOffice run, then drop the .docx."""
    if not stems:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice (soffice) est nécessaire pour écrire les documents ODT")
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{prof}",
                "--headless",
                "--convert-to",
                "odt",
                "--outdir",
                str(docs),
                *[str(docs / f"{s}.docx") for s in stems],
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    for s in stems:
        (docs / f"{s}.docx").unlink()


def generate(
    out_dir,
    n_per_family: int = 12,
    seed: int = 2025,
    scans_per_family: int = 1,
    families: list[str] | None = None,
) -> list[dict]:
    """Write every family's documents and expected JSON under `out_dir`; return the labels.

    `scans_per_family` documents of each scan-capable family (letters without copy, flat
    forms) are rendered to a degraded image instead of a text file.
    """
    out_dir = Path(out_dir)
    docs, att_dir = out_dir / "documents", out_dir / "attendu"
    docs.mkdir(parents=True, exist_ok=True)
    att_dir.mkdir(parents=True, exist_ok=True)
    labels, odt_stems = [], []
    want = (lambda n: True) if families is None else (lambda n: n in families)

    for name, F in ASSIGN_FAMILIES.items():
        if not want(name):
            continue
        rng = random.Random(f"{seed}/{name}")
        for i in range(n_per_family):
            h = F.get("menage", menage)(rng, F["region"])
            fmt = F["formats"][i % len(F["formats"])]
            nom = h["personnes"][0]["nom"].replace("'", "")
            fichier = f"{name} {i + 1:03d} {nom}.{fmt}"
            ecrire_assignation(docs, fichier, h, F, fmt)
            if fmt == "odt":
                odt_stems.append(fichier[:-4])
            att = F.get("attendu", attendu_assignation)(fichier, h, F)
            labels.append(_save(att_dir, att, name, F["reglage"]))

    for name, L in LETTER_FAMILIES.items():
        if not want(name):
            continue
        rng = random.Random(f"{seed}/{name}")
        for i in range(n_per_family):
            region = ASSIGN_FAMILIES[L["copie"]]["region"] if L["copie"] else L["region"]
            h = L.get("menage", menage)(rng, region)
            nom = h["personnes"][0]["nom"].replace("'", "")
            scan = L["scan"] and i < scans_per_family
            fichier = f"{name} {i + 1:03d} {nom}.pdf"
            if scan:
                with tempfile.TemporaryDirectory() as tmp:
                    att = L.get("ecrire", ecrire_lettre)(Path(tmp), fichier, h, L, rng, i)
                    mode = ["pdf", "png", "jpg"][i % 3]
                    fichier = f"scan {name} {i + 1:03d} {nom}.{mode}"
                    if scanner(Path(tmp) / att["fichier"], docs / fichier, rng, mode):
                        att["fichier"] = fichier
                    else:  # too long for a one-page scan: keep the text PDF
                        fichier = att["fichier"]
                        shutil.copy(Path(tmp) / fichier, docs / fichier)
            else:
                att = L.get("ecrire", ecrire_lettre)(docs, fichier, h, L, rng, i)
            labels.append(_save(att_dir, att, name, L["reglage"]))

    for name, F in FORM_FAMILIES.items():
        if not want(name):
            continue
        rng = random.Random(f"{seed}/{name}")
        for i in range(n_per_family):
            f = foyer(rng, F["dep"])
            if F.get("prep"):
                F["prep"](f)
            nom = f["adultes"][0]["nom"].replace("'", "")
            scan = F["scan"] and i < scans_per_family
            if F["kind"] == "docx":
                odt = F.get("odt") and i % 2 == 1
                fichier = f"{name} {i + 1:03d} {nom}.{'odt' if odt else 'docx'}"
                stem = fichier.rsplit(".", 1)[0]
                F["fn"](docs / f"{stem}.docx", f)
                if odt:
                    odt_stems.append(stem)
            elif F["kind"] == "xlsx":
                fichier = f"{name} {i + 1:03d} {nom}.xlsx"
                F["fn"](docs / fichier, f)
            elif F["kind"] == "fillable":
                fichier = f"{name} {i + 1:03d} {nom}.pdf"
                F["fn"](docs / fichier, f)
            else:
                fichier = f"{name} {i + 1:03d} {nom}.pdf"
                target = docs
                tmp = None
                if scan:
                    tmp = tempfile.TemporaryDirectory()
                    target = Path(tmp.name)
                build_pdf(
                    target / fichier, [(None, F["fn"](f), "Helvetica", 9.5, 18)], title="Fiche"
                )
                if scan:
                    mode = ["jpg", "pdf", "png"][i % 3]
                    sfichier = f"scan {name} {i + 1:03d} {nom}.{mode}"
                    if scanner(target / fichier, docs / sfichier, rng, mode):
                        fichier = sfichier
                    else:
                        shutil.copy(target / fichier, docs / fichier)
                    tmp.cleanup()
            att = attendu_foyer(fichier, f)
            att.update({k: mc.iso(v) for k, v in f.get("_ccapex", {}).items()})
            labels.append(_save(att_dir, att, name, F["reglage"]))

    _odt(docs, odt_stems)
    (out_dir / "familles.json").write_text(
        json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return labels


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m corpus.families", description="Génère les familles de documents étiquetés."
    )
    p.add_argument("dossier", type=Path)
    p.add_argument("--n", type=int, default=12, help="documents par famille (défaut 12)")
    p.add_argument("--graine", type=int, default=2025)
    p.add_argument("--scans", type=int, default=1, help="scans par famille qui en a (défaut 1)")
    a = p.parse_args(argv)
    labels = generate(a.dossier, a.n, a.graine, a.scans)
    print(f"{len(labels)} documents écrits dans {a.dossier} ({len(manifest())} familles).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
