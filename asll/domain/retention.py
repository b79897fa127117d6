"""Retention rules for personal data (RGPD): when a dossier is due for purge, and what
anonymising it keeps.

Social-support files follow the CNIL référentiel (délibération n° 2021-028): active use
until two years after the last contact, then destruction or anonymisation. Anonymising a
dossier keeps what the yearly figures count (commune, landlord, amounts, dates, the
workers' closed-list columns) and removes what identifies the household. The commands that
apply these rules to the register and the files are in asll/app/privacy.py.
"""

from __future__ import annotations

import copy
from datetime import date

from asll.domain.dates import years_before
from asll.domain.dossiers import is_closed
from asll.domain.model import Dossier
from asll.domain.text import fold

ANONYMISED = "(anonymisé)"
# Fields that identify a household, emptied by anonymisation.
IDENTIFYING_FIELDS = (
    "adresse",
    "complement_adresse",
    "prescripteur",
    "tentatives_contact",
    "observations",
    "reference",
    "numero_rg",
)
EXTRACTION_IDENTIFYING = IDENTIFYING_FIELDS + ("personnes", "enfants", "fichier")


# The dates that tell the last contact with a household.
ACTIVITY_FIELDS = (
    "date_ouverture",
    "date_document",
    "date_audience",
    "date_entretien",
    "date_envoi_rapport",
    "date_debut_mesure",
    "date_fin_mesure",
)
# The fields the rules below read (with `numero`): `asll purger` and the person search read
# the register on these alone (`RegisterStore.select`). tests/test_privacy.py checks it.
PURGE_FIELDS = ("statut", "personnes") + ACTIVITY_FIELDS
PERSON_FIELDS = ("personnes", "enfants")


def last_activity(dossier: Dossier) -> date | None:
    dates = [d for d in (getattr(dossier, name) for name in ACTIVITY_FIELDS) if d]
    return max(dates, default=None)


def due_for_purge(dossiers: list[Dossier], today: date, years: int) -> list[Dossier]:
    """Closed dossiers whose last contact is more than `years` years old."""
    limit = years_before(today, years)
    out = []
    for dossier in dossiers:
        last = last_activity(dossier)
        if is_closed(dossier) and last and last < limit and dossier.personnes:
            out.append(dossier)
    return out


def find_person(dossiers: list[Dossier], nom: str, prenom: str | None = None) -> list[Dossier]:
    """Dossiers naming this adult or child (accents and case ignored)."""
    nom_key, prenom_key = fold(nom), fold(prenom or "")
    found = []
    for dossier in dossiers:
        for person in dossier.personnes + dossier.enfants:
            if fold(person.nom) == nom_key and (
                not prenom_key or fold(person.prenom or "") == prenom_key
            ):
                found.append(dossier)
                break
    return found


def anonymised(dossier: Dossier) -> Dossier:
    out = copy.deepcopy(dossier)
    out.personnes, out.enfants, out.brouillons, out.ressources = [], [], [], out.ressources
    for name in IDENTIFYING_FIELDS:
        setattr(out, name, None)
    out.champs_incertains = []
    return out
