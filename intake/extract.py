"""Read → classify → extract: one document in, one `Extraction` (the contract) out.

    extract(path, extra_rules_dir=None) -> Extraction
    extract_document(doc, fichier, extra_rules_dir=None) -> Extraction

A préfecture letter followed in the same file by the copy of the assignation is one
`saisine_prefecture`: the letter gives `reference`, `date_document`, `date_limite`; the
copy gives the assignation's fields (the letter fills what the copy does not say).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from asll.domain.model import Extraction

from . import french
from .classify import classify
from .engine import FieldRule, RuleSet, compile_pattern, find_field, load_rules
from .ocr import SEUIL_CONFIANCE
from .parsers.addresses import find_address
from .parsers.forms import parse_form
from .parsers.persons import find_persons
from .reading import Document, read_document


def extract(path: Path, extra_rules_dir: Path | None = None) -> Extraction:
    """Extract one file. Raises `intake.errors.UnreadableDocument` when it cannot be read."""
    path = Path(path)
    return extract_document(read_document(path), path.name, extra_rules_dir=extra_rules_dir)


@lru_cache(maxsize=8)
def _rules(extra: str | None) -> dict[str, RuleSet]:
    return load_rules(Path(extra) if extra else None)


def extract_document(doc: Document, fichier: str, extra_rules_dir: Path | None = None) -> Extraction:
    rules = _rules(str(extra_rules_dir) if extra_rules_dir else None)
    text = doc.text
    cls = classify(text, rules)
    ex = Extraction(fichier=fichier, type_document=cls.type)
    if cls.type == "inconnu":
        return ex
    rs = rules[cls.type]
    uncertain: set[str] = set()
    ctx = _Context(doc, uncertain)

    if cls.type == "fiche_prescription":
        parse_form(doc, rs.data, ex, uncertain)
        if not ex.statut_occupation and ex.bailleur:
            ex.statut_occupation = statut_from_bailleur(ex.bailleur, rs.data)
    else:
        if cls.split_at is not None:
            letter, act, act_offset = text[: cls.split_at], text[cls.split_at:], cls.split_at
        else:
            letter, act, act_offset = text, text, 0
        # the letter's own fields
        ctx.apply(rs, letter, 0, ex)
        # the act's fields (read in the copy, then in the letter for what is missing)
        parents = [rules[n] for n in rs.inherits if n in rules] or [rs]
        for parent in parents:
            ctx.apply(parent, act, act_offset, ex)
            if act is not letter:
                ctx.apply(parent, letter, 0, ex)
        _parties(ex, rs.data, act, act_offset, letter, ctx)

    ex.champs_incertains = [name for name in _field_order() if name in uncertain]
    return ex


class _Context:
    def __init__(self, doc: Document, uncertain: set[str]):
        self.doc = doc
        self.uncertain = uncertain

    def confidence_at(self, offset: int):
        return self.doc.confidence_at(offset) if self.doc.ocr_lines else None

    def apply(self, rs: RuleSet, text: str, offset: int, ex: Extraction) -> None:
        """Fill the fields of `rs` that are still empty from `text`."""
        for name, rule in rs.fields.items():
            if getattr(ex, name, None) not in (None, [], ""):
                continue
            found = find_field(rule, text, offset, self.confidence_at, SEUIL_CONFIANCE)
            if found is None:
                continue
            setattr(ex, name, found.value)
            if found.uncertain:
                self.uncertain.add(name)

    def check_ocr(self, name: str, offset: int | None) -> None:
        if offset is None:
            return
        conf = self.confidence_at(offset)
        if conf is not None and conf < SEUIL_CONFIANCE:
            self.uncertain.add(name)


def _parties(ex: Extraction, data: dict, act: str, act_offset: int, letter: str, ctx: _Context) -> None:
    """Tenants, dwelling's address, landlord, occupation status."""
    persons, end = find_persons(act, data)
    base = act_offset
    if not persons and letter is not act:
        persons, end = find_persons(letter, data)
        base = 0
    ex.personnes = persons
    if end is not None:
        ctx.check_ocr("personnes", base + max(end - 1, 0))

    for text, off, after in ((act, act_offset, end if base == act_offset else None), (letter, 0, None)):
        addr = find_address(text, data, after=after)
        if addr is not None:
            ex.adresse, ex.complement_adresse = addr.adresse, addr.complement
            ex.code_postal, ex.commune = addr.code_postal, addr.commune
            ctx.check_ocr("adresse", off + (addr.offset or 0))
            break
        if letter is act:
            break

    for text, off in ((act, act_offset), (letter, 0)):
        found = find_bailleur(text, data)
        if found:
            ex.bailleur, pos, weak = found
            if weak:
                ctx.uncertain.add("bailleur")
            ctx.check_ocr("bailleur", off + pos)
            break
        if letter is act:
            break
    if ex.bailleur:
        ex.statut_occupation = statut_from_bailleur(ex.bailleur, data)


def find_bailleur(text: str, data: dict) -> tuple[str, int, bool] | None:
    conf = data.get("bailleur", {})
    mandataire = re.compile(conf.get("mandataire", r"\bagence\b"), re.IGNORECASE)
    rule = FieldRule("bailleur", "organisme", [compile_pattern(p) for p in conf.get("motifs", [])])
    for rx in rule.patterns:
        for m in rx.finditer(text):
            value = clean_bailleur(m.group("v"))
            if not value or mandataire.search(value) or _is_placeholder(value):
                continue
            return value, m.start("v"), False
    return None


def clean_bailleur(raw: str) -> str | None:
    from .engine import PARSERS

    raw = re.sub(r"\s+", " ", french.normalize_text(raw)).strip(" :;,.-|")
    # "L'OFFICE PUBLIC … (OPAC de la Haute-Marne)": the short name in brackets is the usual one
    short = re.match(r"^[^(,]{8,}\((?P<s>[A-Z]{2,6}\b[^)]{0,60})\)", raw)
    if short:
        raw = short.group("s")
    raw = re.sub(r"^(?i:l'|la\s+|le\s+)(?=[A-Z]{2,}\b|(?i:office|soci[ée]t[ée]|SCI|SA)\b)", "", raw)
    value = PARSERS["organisme"](raw)
    if not value:
        return None
    # an individual landlord: name without title
    m = re.match(rf"^(?:{french.CIVILITE_RE})\s+(.+)$", value)
    if m:
        value = m.group(1)
    value = french.strip_marital(value)
    value = re.sub(r"\s*\((?:ci-apr[èe]s|le\s+bailleur|bailleur)[^)]*\)?", "", value).strip(" ,.")
    return value or None


def _is_placeholder(value: str) -> bool:
    return bool(re.fullmatch(r"[\W_.…]*|(?:n[ée]ant|non\s+renseign[ée]|/|-|\.+)", value, re.IGNORECASE))


def statut_from_bailleur(bailleur: str, data: dict) -> str | None:
    conf = data.get("statut_occupation", {})
    for p in conf.get("bailleurs_prives", []):
        if re.search(p, bailleur, re.IGNORECASE):
            return "locataire_prive"
    for p in conf.get("bailleurs_sociaux", []):
        if re.search(p, bailleur, re.IGNORECASE):
            return "locataire_public"
    # an individual ("Jean-Pierre GARNIER") is a private landlord
    nom, prenom = french.split_name(bailleur)
    if prenom and nom and len(bailleur.split()) <= 5:
        return "locataire_prive"
    return None


def _field_order() -> list[str]:
    return list(Extraction().to_json().keys())
