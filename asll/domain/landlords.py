"""Social or private landlord, from the landlord's name: the one list of the project.

Social landlords (offices publics, ESH, SEM, the big HLM groups, resident hostels) mean a
`locataire_public` household; companies and co-owners of private property a
`locataire_prive` one. The private patterns are tried first: "SCI Habitat 16" is a private
company. The yearly figures (reports/stats.py) use `is_social`; extraction reads the same
patterns through `occupation_for` (intake/parsers/landlords.py), after the landlords a
service adds in its own rule files. Regular expressions, matched anywhere, case ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The forms a commissaire de justice's office takes (« SCP X », « SELARL Y », « Étude Z »):
# such an office is neither the landlord it acts for nor the officer who serves the act.
LAW_OFFICE = r"SCP|SELARL|SELAS|SELAFA|[ée]tude"

SOCIAL_LANDLORDS = (
    r"\bOPH\b",
    r"\bOPAC\b",
    r"\bOPHLM\b",
    r"\bOPDHLM\b",
    r"\bHLM\b",
    r"\bSA\s+d.HLM\b",
    r"\bESH\b",
    r"office\s+public",
    r"office\s+(?:d[ée]partemental|municipal)",
    r"entreprise\s+sociale\s+pour\s+l.habitat",
    r"habitat",
    r"logement",
    r"logis\b",
    r"foyers?\b",
    r"Adoma",
    r"r[ée]sidence\s+sociale",
    r"Hamaris",
    r"Logiv",
    r"Log[ée]lia",
    r"Noalis",
    r"Domofrance",
    r"Vilogia",
    r"CDC\s+Habitat",
    r"\b3F\b",
    r"Immobili[èe]re\s+3F",
    r"ICF\b",
    r"Logirep",
    r"N[ée]olia",
    r"Sollar",
    r"Batigere",
    r"Plurial",
    r"Est\s+M[ée]tropoles",
    r"Alliade",
    r"Grand\s+Lyon\s+Habitat",
    r"Pas-de-Calais\s+Habitat",
    r"Partenord",
    r"Podeliha",
    r"Immobili[èe]re\s+Atlantic",
    r"Espacil",
    r"Aiguillon",
    r"SEMIS\b",
    r"Polygone",
    r"\bSEM\b",
    r"soci[ée]t[ée]\s+d.[ée]conomie\s+mixte",
    r"Val\s+de\s+Loire\s+Habitat",
    r"Mon\s+Logis",
    # ESH and offices known by their name alone (no legal form, no "habitat" in it)
    r"M[ée]solia",
    r"Logirem",
    r"Erilia",
    r"Seqens",
    r"Valophis",
    r"Osica",
    r"Efidis",
    r"Cl[ée]sence",
    r"Sodineuf",
    r"Dynacit[ée]",
    r"Unicil",
    r"Aquitanis",
    r"Clairsienne",
    r"N[ée]otoa",
    r"Domanys",
    r"Semcoda",
    r"Oph[ée]a",
    r"Promologis",
    r"Alt[ée]al",
    r"Moselis",
    r"Maisons\s+(?:et|&)\s+Cit[ée]s",
    r"Coallia",
    r"In.li\b",
)
PRIVATE_LANDLORDS = (
    r"\bSCI\b",
    r"\bSARL\b",
    r"\bSAS\b",
    r"\bSASU\b",
    r"\bEURL\b",
    r"soci[ée]t[ée]\s+civile",
    r"\bindivision\b",
    r"\bconsorts\b",
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, re.Pattern]:
    def one(patterns):
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return one(PRIVATE_LANDLORDS), one(SOCIAL_LANDLORDS)


def occupation_for(bailleur: str | None) -> str | None:
    """ "locataire_prive", "locataire_public", or None when the name says neither."""
    if not bailleur:
        return None
    private, social = _compiled()
    if private.search(bailleur):
        return "locataire_prive"
    if social.search(bailleur):
        return "locataire_public"
    return None


def is_social(bailleur: str | None) -> bool:
    return occupation_for(bailleur) == "locataire_public"
