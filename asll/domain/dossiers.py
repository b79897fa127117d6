"""From a document's extraction to a household's dossier: which one, and what to add.

A préfecture letter and the assignation of the same household may arrive in either order
and must end in one dossier: they match when they name a common adult and the same
dwelling. Merging only fills what the dossier lacks; a differing value is never written
over (a person may have corrected it) but the field is flagged for checking.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from asll.domain.model import (
    DOSSIER_DATE_FIELDS,
    HOUSEHOLD_FIELDS,
    STATUTS_DOSSIER,
    SUIVI_FIELDS,
    Dossier,
    Extraction,
)
from asll.domain.text import fold

NATURE_BY_TYPE = {"assignation": "ESU", "saisine_prefecture": "ESU", "fiche_prescription": "ASLL"}
# How workers type a closed dossier's status, folded (accents and case do not matter).
CLOSED_STATUSES = {"clos", "cloture", "termine", "archive"}
# A new hearing more than this far from the known one is a new procedure, not the same case.
SAME_PROCEDURE_DAYS = 180
LIST_FIELDS = ("personnes", "enfants", "ressources", "objectifs")
LETTER_FIELDS = ("reference", "date_document", "date_limite")
# An RG number as courts print it: "25/00387", "RG 25/00387", "11-25-000387".
RG_PREFIX = re.compile(r"^(?:N°\s*)?R\.?\s?G\.?\s*(?:n°|no)?\s*[:.]?\s*", re.IGNORECASE)
RG_SHAPE = re.compile(r"(?:R\.?\s?G\.?\s*(?:n°)?\s*)?(?:\d{2,4}\s?/\s?\d{3,6}|\d{2}-\d{2}-\d{4,6})")


def nature_for(extraction: Extraction) -> str | None:
    return NATURE_BY_TYPE.get(extraction.type_document)


def find_matching(dossiers: list[Dossier], extraction: Extraction) -> Dossier | None:
    """The open dossier of the same nature that this document belongs to, if any."""
    nature = nature_for(extraction)
    surnames = _surnames(extraction.personnes)
    if not nature or not surnames:
        return None
    for dossier in reversed(dossiers):  # newest first
        if dossier.nature != nature or is_closed(dossier):
            continue
        if not surnames & _surnames(dossier.personnes):
            continue
        if not _same_dwelling(dossier, extraction):
            continue
        if _different_procedure(dossier.date_audience, extraction.date_audience):
            continue
        return dossier
    return None


def is_closed(dossier: Dossier) -> bool:
    """A closed dossier receives no new documents, has no deadlines and may be purged."""
    return fold(dossier.statut) in CLOSED_STATUSES


def new_dossier(extraction: Extraction, numero: str, today: date) -> Dossier:
    dossier = Dossier(numero=numero, nature=nature_for(extraction) or "", date_ouverture=today)
    merge_into(dossier, extraction)
    return dossier


def merge_into(dossier: Dossier, extraction: Extraction) -> list[str]:
    """Fill the dossier's empty fields from the extraction; return fields in conflict.

    The court's RG number and the préfecture's reference are two fields: an act's
    `reference` is its RG (the contract's fallback), kept in `numero_rg` too, so that the
    letter's reference, which wins `reference`, never takes the RG's place.
    """
    conflicts = []
    letter = extraction.type_document == "saisine_prefecture"
    if not letter and extraction.reference and not extraction.numero_rg:
        extraction = dataclasses.replace(extraction, numero_rg=rg_number(extraction.reference))
    if letter and extraction.reference and dossier.reference and not dossier.numero_rg:
        # a register written before `numero_rg` holds the act's RG in `reference`
        if RG_SHAPE.fullmatch(dossier.reference.strip()):
            dossier.numero_rg = rg_number(dossier.reference)
    for name in HOUSEHOLD_FIELDS:
        if name == "champs_incertains":
            continue
        if name == "reference" and (
            (not letter and dossier.reference)  # the act's RG: no conflict with the letter's
            or (letter and extraction.reference == extraction.numero_rg)  # it quotes the RG
        ):
            continue
        new = getattr(extraction, name)
        if new in (None, [], ""):
            continue
        current = getattr(dossier, name)
        if current in (None, [], ""):
            setattr(dossier, name, new)
        elif name in LIST_FIELDS:
            if name == "personnes":
                _add_missing_persons(dossier, new)
        elif not _same_value(current, new):
            conflicts.append(name)
    # A letter's own fields describe the request, the act's describe the procedure: the
    # letter's reference, date and deadline win over what a bare assignation gave first.
    if letter:
        for name in LETTER_FIELDS:
            value = getattr(extraction, name)
            if name == "reference" and value == extraction.numero_rg:
                continue
            if value is not None:
                setattr(dossier, name, value)
                conflicts = [c for c in conflicts if c != name]
    uncertain = list(
        dict.fromkeys(dossier.champs_incertains + extraction.champs_incertains + conflicts)
    )
    dossier.champs_incertains = uncertain
    return conflicts


def rg_number(text: str) -> str:
    """'RG 25/00387', 'R.G. n° 25/00387' -> '25/00387': the number as the contract keeps it."""
    return RG_PREFIX.sub("", text.strip()) or text.strip()


# Statuses a final report moves on from; a dossier further on (closed…) keeps its own.
STATUTS_AVANT_RAPPORT = {None, "", STATUTS_DOSSIER[0], STATUTS_DOSSIER[1]}
RAPPORT_ENVOYE = STATUTS_DOSSIER[2]


def apply_final_report(dossier: Dossier, values: dict) -> list[str]:
    """Write back into the dossier what a final report states (`values`: follow-up fields,
    dates as dates or ISO text, and "statut"); return the fields changed.

    A field a person already filled in the register keeps its value (the register is
    theirs); the status moves to `values["statut"]` only from "Nouveau" or "En cours".
    """
    changed = []
    for name, value in values.items():
        if value in (None, ""):
            continue
        if name in DOSSIER_DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        if name == "statut":
            if dossier.statut in STATUTS_AVANT_RAPPORT and value != dossier.statut:
                dossier.statut = value
                changed.append(name)
        elif name in SUIVI_FIELDS and (
            getattr(dossier, name) in (None, "") or _newer_sending(name, value, dossier)
        ):
            setattr(dossier, name, value)
            changed.append(name)
    return changed


def _newer_sending(name: str, value, dossier: Dossier) -> bool:
    """A later report was sent (the bilan of a renewal): its date replaces the earlier one."""
    return name == "date_envoi_rapport" and value > dossier.date_envoi_rapport


def _add_missing_persons(dossier: Dossier, persons) -> None:
    known = {fold(p.nom) + "|" + fold(p.prenom or "") for p in dossier.personnes}
    for person in persons:
        key = fold(person.nom) + "|" + fold(person.prenom or "")
        if key not in known:
            dossier.personnes.append(person)
            known.add(key)


def _same_value(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 0.005
        except (TypeError, ValueError):
            return False
    if isinstance(a, str) and isinstance(b, str):
        return fold(a) == fold(b)
    return a == b


def _same_dwelling(dossier: Dossier, extraction: Extraction) -> bool:
    a, b = _address_key(dossier.adresse), _address_key(extraction.adresse)
    if a and b:
        return a == b
    # One side has no street: fall back on the town.
    towns = {fold(x) for x in (dossier.code_postal, extraction.code_postal) if x}
    if len(towns) == 1:
        return True
    towns = {fold(x) for x in (dossier.commune, extraction.commune) if x}
    return len(towns) <= 1


def _different_procedure(known: date | None, new: date | None) -> bool:
    return bool(known and new and abs((known - new).days) > SAME_PROCEDURE_DAYS)


_STREET_WORDS = {
    "avenue": "av",
    "boulevard": "bd",
    "route": "rte",
    "chemin": "ch",
    "place": "pl",
    "impasse": "imp",
    "allee": "all",
    "allees": "all",
    "residence": "res",
    "faubourg": "fg",
    "square": "sq",
    "quai": "qu",
    "cours": "crs",
    "rue": "r",
}


def _address_key(address: str | None) -> str:
    """'3, Avenue de la République' and '3 av. de la Republique' give the same key."""
    if not address:
        return ""
    words = re.findall(r"[a-z0-9]+", fold(address))
    words = [_STREET_WORDS.get(w, w) for w in words]
    words = [w for w in words if w not in {"de", "du", "des", "la", "le", "les", "l", "d"}]
    return " ".join(words)


def _surnames(persons) -> set[str]:
    names = set()
    for p in persons:
        for part in re.split(r"[\s\-']+", fold(p.nom)):
            if len(part) > 2:
                names.add(part)
    return names
