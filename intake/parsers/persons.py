"""Adults named in an act or a letter: "Monsieur Jean MARTIN et Madame Sophie MARTIN née
DURAND", "les époux MARTIN", "M. et Mme Jean MARTIN", "Mme DURAND Sophie, née le …".

Where the list of défendeurs begins and ends comes from the rule files ([personnes]).
"""
from __future__ import annotations

import re

from asll.domain.model import Personne

from .. import french
from ..engine import compile_pattern

CIV = french.CIVILITE_RE
_BIRTH = re.compile(rf"n[ée]e?(?:\(e\))?\s+le\s+(?P<d>{french.DATE_RE})", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"^(?:le|la|les|l')?\s*(?:directeur|directrice|pr[ée]fet|pr[ée]f[eè]te|sous-pr[ée]fet|juge|pr[ée]sident|"
    r"pr[ée]sidente|maire|chef|responsable|greffier|greffi[èe]re|commissaire|huissier|ma[iî]tre|avocat|"
    r"procureur|secr[ée]taire|conseill|d[ée]l[ée]gu|charg[ée])\b", re.IGNORECASE)
_STOP_NAME = re.compile(
    rf"\s*(?:,|;|\(|\)|\bn[ée]e?(?:\(e\))?\s+le\b|\bn[ée]e?(?:\(e\))?\s+en\b|\s+et\s+(?={CIV}|les\s)|\bdemeurant|\bdomicili|"
    rf"\br[ée]sidant|\bo[ùu]\s+[ée]tant|\blocataires?\b|\bpris\b|\bagissant|\b[àa]\s+(?:l.adresse|\d)|\bsis\b|\boccupants?\b|"
    rf"\bqui\b|\bau\s+titre|\bdont\b|\bpour\b|\bcomparaissant|\bde\s+nationalit|\n|\s-\s|\s(?={CIV}\s))", re.IGNORECASE)


def find_persons(text: str, data: dict) -> tuple[list[Personne], int | None]:
    """The défendeurs / household adults; also the offset where their block ends."""
    conf = data.get("personnes", {})
    starts = [compile_pattern(p) for p in conf.get("debut", [])]
    ends = [compile_pattern(p) for p in conf.get("fin", [])]
    for rx in starts:
        for m in rx.finditer(text):
            segment = text[m.end(): m.end() + 700]
            cut = len(segment)
            for e in ends:
                em = e.search(segment, 3)
                if em and em.start() < cut:
                    cut = em.start()
            block = segment[:cut]
            persons = parse_persons(block, segment)
            if persons:
                return persons, m.end() + cut
    return [], None


def parse_persons(block: str, context: str | None = None) -> list[Personne]:
    """Every adult named in `block`; birth dates looked for in `context` (defaults to block)."""
    context = context if context is not None else block
    flat = re.sub(r"\s+", " ", block)
    people: list[Personne] = []

    singles = _singles(flat)
    if len(singles) >= 2:
        return singles
    couple = re.search(
        rf"(?:(?:les\s+)?[ée]poux|(?:Monsieur|M\.?|Mr\.?)\s+et\s+(?:Madame|Mme\.?))\s+(?P<n>[^,;()]+)",
        flat, re.IGNORECASE)
    if couple and not re.search(rf"{CIV}\s+\S+.*\bet\s+{CIV}", flat[: couple.start()]):
        raw = _STOP_NAME.split(couple.group("n"))[0]
        nom, prenom = french.split_name(raw)
        if nom and not _NOT_A_NAME.match(raw):
            prenoms = [p.strip() for p in re.split(r"\s+et\s+|\s*&\s*", prenom or "") if p.strip()]
            p1 = prenoms[0] if prenoms else None
            p2 = prenoms[1] if len(prenoms) > 1 else None
            births = [french.parse_date(m.group("d")) for m in _BIRTH.finditer(context)]
            people.append(Personne(nom=nom, prenom=p1, civilite="M.",
                                   date_naissance=births[0] if births else None))
            people.append(Personne(nom=nom, prenom=p2, civilite="Mme",
                                   date_naissance=births[1] if len(births) > 1 else None))
            return people
    return singles


def _singles(flat: str) -> list[Personne]:
    people: list[Personne] = []
    civs = list(re.finditer(rf"(?<![\w.])(?P<c>{CIV})\s+(?!et\s)", flat))
    for i, m in enumerate(civs):
        end = civs[i + 1].start() if i + 1 < len(civs) else len(flat)
        after = flat[m.end(): end]
        raw = _STOP_NAME.split(after, maxsplit=1)[0].strip()
        raw = re.sub(r"\s+(?:et|&)$", "", raw).strip()
        if not raw or _NOT_A_NAME.match(raw) or len(raw.split()) > 7:
            continue
        nom, prenom = french.split_name(raw)
        if not nom or not re.search(r"[A-Za-zÀ-ÿ]{2}", nom):
            continue
        birth = _BIRTH.search(after)
        people.append(Personne(
            nom=nom, prenom=french.prenom_case(prenom) if prenom else None,
            civilite=french.normalize_civilite(m.group("c")),
            date_naissance=french.parse_date(birth.group("d")) if birth else None))
    return _dedupe(people)


def _dedupe(people: list[Personne]) -> list[Personne]:
    out: list[Personne] = []
    for p in people:
        same = next((q for q in out if french.fold(q.nom) == french.fold(p.nom)
                     and (q.prenom or "").lower() == (p.prenom or "").lower()), None)
        if same is None:
            out.append(p)
        elif same.date_naissance is None:
            same.date_naissance = p.date_naissance
    return out
