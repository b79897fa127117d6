"""The generic rule engine: loads `rules/*.toml` and applies them to a text.

Knowledge lives in the rule files (see rules/README.md for their format); this module
never names a landlord, a préfecture or a court. A rule file describes one document type:
the keywords that recognise it and, for each field, anchored regular expressions whose
named group `v` holds the value, turned into a Python value by a named parser.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import french, pattern_store

RULES_DIR = Path(__file__).resolve().parent / "rules"

# Macros usable in patterns as {NAME}.
_UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
_LOW = "a-zàâäçéèêëîïôöùûüÿ"
MACROS = {
    "DATE": french.DATE_RE,
    "HEURE": french.HEURE_RE,
    "MONTANT": french.MONTANT_RE,
    "SEP": r"\s*(?:[:|.]\s*)*",
    # a file reference: "DDETS17/PEL/2025-1142", "EXP 2025-1187", "CCAPEX 71 n° 0493/2025"
    "REF": (
        # (not into the next label: « 77-2025-00412 – N° CCAPEX : … »)
        r"[A-Z0-9][A-Z0-9/._\-]*(?:\s?[/\-]\s?(?![A-Za-z]{1,3}\s?°)[A-Z0-9._\-]+)*"
        # (a part on the next line only when that line starts with it: « CLIL n° 68/2025 »
        # under the reference is another file's number)
        r"(?:(?:[ \t]+|[ \t]*\n[ \t]*(?=(?:n°\s?)?\d))(?:n°\s?)?(?-i:[A-Z]{2,8}\s+)?(?:n°\s?)?\d[A-Z0-9/._\-]*){0,3}"
    ),
    "CIV": french.CIVILITE_RE,
    # a personal name as printed: "Paul MARTIN", "Marie-Claire DE LA TOUR", "MARTIN Paul"
    "NOM_PERSONNE": (
        rf"(?-i:(?!(?:[ÉE]tude|ETUDE|SELARL|SELAS|SCP|SAS|SARL|Soci[ée]t[ée]|Office|Cabinet|Huissier|Commissaire)\b)(?:[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+){{1,3}}"
        rf"(?:(?:de|du|des|d'|le|la|van|von)\s*)?[{_UP}][{_UP}'\-]+(?:\s+[{_UP}][{_UP}'\-]+){{0,2}}(?![{_LOW}])"
        rf"|[{_UP}][{_UP}'\-]+(?:\s+[{_UP}][{_UP}'\-]+){{0,2}}\s+[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    ),
    # text that does not run past another amount, a commandement or an article 700
    # (nor past the rent: "arrêtée au …, pour un loyer mensuel de 662,18 €")
    "GAP": r"(?:(?!€|\beuros?\b|\bEUR\b|commandement|article\s+700|frais\s+irr|@|\bloyer\s+(?:mensuel|de|courant|actuel)|\.\s|;|\n\s*[-–•])[\s\S])",
    # an amount that is surely money: with cents or with a currency sign
    # (a line break may fall between the thousands of an amount with cents: "4\n587,03 €";
    # the amount may be spelt out first: "CINQ CENT TROIS EUROS (503,00 €)", figures win)
    "MONTANT_EUR": None,  # set by _macros, with or without the amount in words
    # "… outre une provision sur charges de 98,50 €" / "et 61,20 € de provisions pour charges"
    "LOYER_PLUS": None,  # set by _macros, on MONTANT_EUR
    "UP": _UP,
    "LOW": _LOW,
}
_EUR_SPELLED = (
    r"(?:(?:"
    + french.WORDS_SEQ
    + r")\s+euros?(?:\s+(?:et\s+)?(?:"
    + french.WORDS_SEQ
    + r")\s+centimes?)?\s*\(\s*)?"
)
_EUR_WORDS_ONLY = (
    r"\b(?:"
    + french.WORDS_SEQ
    + r")\s+euros?\b(?:\s+(?:et\s+)?(?:"
    + french.WORDS_SEQ
    + r")\s+centimes?\b)?"
    # whole: not cut before its cents, nor before the figures that follow it in brackets
    + r"(?!\s*\()(?!\s+(?:et\s+)?(?:"
    + french.WORDS_SEQ
    + r")\s+centimes?\b)"
)
_EUR_FIGURES = (
    r"(?:(?:\d{1,3}(?:[ .\u00a0\u202f'\n]\d{3})+|\d+),\d{2}(?:\s?(?:€|euros?\b|EUR\b))?"
    # with the currency after it, a line break may fall between the thousands too ("5\n267 €")
    r"|(?:\d{1,3}(?:[ .\u00a0\u202f'\n]\d{3})+|\d+)(?:[.,]\d{1,2})?\s?(?:€|euros?\b|EUR\b))"
)
_LOYER_PLUS = (
    r"\)?(?:\s*(?:mensuels?|par\s+mois|hors\s+charges|HC))?\s*,?\s*(?:"
    # ("…, provision sur charges en sus (61,20 €)": no connector before « provision »)
    r"(?:(?:outre|plus|augment[ée]e?\s+d.une|et|\+)\s+|(?=provisions?\s+(?:mensuelles?\s+)?(?:sur|pour)\s))"
    r"(?:une\s+|la\s+|les\s+|d.une\s+)?(?:provisions?\s+(?:mensuelles?\s+)?(?:sur|pour)\s+(?:les\s+)?|avance\s+sur\s+(?:les\s+)?)?"
    r"charges\s*(?:mensuelles?\s+)?(?:en\s+sus\s*)?(?:de|:|d.un\s+montant\s+de|s.[ée]levant\s+[àa]|\()?\s*(?P<plus>(?:{MONTANT_EUR_}))"
    # "… € et 58,40 € de charges", "… € outre 40 € de provisions sur charges"
    r"|(?:(?:outre|plus|et|\+)\s+(?:(?:une|la)\s+somme\s+de\s+)?)?(?P<plus2>(?:{MONTANT_EUR_}))\s*(?:mensuels?\s+)?"
    r"(?:de\s+|d.|au\s+titre\s+des?\s+|pour\s+(?:les\s+)?)(?:provisions?|charges|avances?\s+sur\s+charges))"
)
_MACRO_RE = re.compile(r"\{(" + "|".join(MACROS) + r")\}")
# the kinds of spelled-out numbers (french.SPELLED_FORMS) each macro may hold
_SPELLED_IN = {"DATE": {"an", "date"}, "HEURE": {"heure"}, "MONTANT_EUR": {"montant"}}
_SPELLED_IN["LOYER_PLUS"] = _SPELLED_IN["MONTANT_EUR"]


@lru_cache(maxsize=None)
def _macros(spelled: frozenset[str]) -> dict[str, str]:
    """The macros, with the numbers in words of the kinds in `spelled` only."""
    eur = r"(?<![\d,.])" + (_EUR_SPELLED if "montant" in spelled else "") + _EUR_FIGURES
    if "montant" in spelled:  # an amount in words alone: "trois cents euros et dix centimes"
        eur = rf"(?:(?<![\d,.]){_EUR_WORDS_ONLY}|{eur})"
    return {
        **MACROS,
        "DATE": french.date_re(spelled),
        "HEURE": french.heure_re(spelled),
        "MONTANT_EUR": eur,
        "LOYER_PLUS": _LOYER_PLUS.replace("{MONTANT_EUR_}", eur),
    }


MACROS.update(_macros(french.SPELLED_FORMS))  # as written: every number in words


def compile_pattern(source: str, spelled: frozenset[str] | None = None) -> re.Pattern:
    """A rule pattern with its macros expanded, compiled once per process.

    `spelled` (from `french.spelled_forms(text)`) leaves out of the macros the numbers in
    words that cannot stand in the text about to be searched (None: all of them); the
    pattern then matches the same in that text and compiles several times faster."""
    kinds = _spelled_in(source)
    return _compiled(source, kinds if spelled is None else kinds & spelled)


@lru_cache(maxsize=None)
def _spelled_in(source: str) -> frozenset[str]:
    """The kinds of numbers in words that the macros of `source` may hold."""
    return frozenset(k for name in _MACRO_RE.findall(source) for k in _SPELLED_IN.get(name, ()))


@lru_cache(maxsize=None)
def _compiled(source: str, spelled: frozenset[str]) -> re.Pattern:
    macros = _macros(spelled)
    return pattern_store.compile(
        _MACRO_RE.sub(lambda m: macros[m.group(1)], source), re.IGNORECASE | re.MULTILINE
    )


# --------------------------------------------------------------------------- value parsers


def _texte(s: str):
    s = re.sub(r"\s+", " ", french.join_hyphen_breaks(s)).strip(" ,;:-–.")
    return s or None


def _nom(s: str):
    """A person's name as printed, without title: 'Maître Paul MARTIN' → 'Paul MARTIN'."""
    s = re.sub(r"\s+", " ", french.join_hyphen_breaks(s))
    s = re.sub(rf"^(?:{french.CIVILITE_RE}|Ma[iî]tre|Me)\s+", "", s.strip())
    s = french.strip_marital(s)
    return _texte(s)


def _organisme(s: str):
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(rf"^(?:la\s+|le\s+|l')?(?:{french.CIVILITE_RE})\s+", "", s)
    s = re.split(
        r",|(?<!\b[A-Z])\.\s+|\s*\(|\s+[àa]\s+l.encontre|\s+(?:le|du|en\s+date\s+du)\s+(?:\d|1er|premier)|\s+(?:dont le si[èe]ge|ayant son si[èe]ge|sise?\b|immatricul|repr[ée]sent|"
        r"agissant|prise? en la personne|ayant pour|inscrite?|au capital|"
        r"soci[ée]t[ée] (?:anonyme|civile|par actions|[àa] responsabilit[ée])[^,]{0,60}?\bau capital|soci[ée]t[ée] (?:anonyme|civile)\s*,|"
        r"demeurant|domicili|n[ée]e? le|RCS\b|SIRE[NT]|"
        # the sentence goes on: "à la requête de X devant le tribunal …, aux fins de …"
        r"devant\b|aux\s+fins\b|afin\b|contre\b|[àa]\s+(?:comparaître|l.audience|(?:Madame|Monsieur|M\.|Mme)\s))",
        s,
        flags=re.IGNORECASE,
    )[0]
    return _texte(s)


def _juridiction(s: str):
    s = re.sub(r"\s+", " ", french.join_hyphen_breaks(s)).strip(" ,.;")
    m = re.match(
        r"(tribunal\s+(?:judiciaire|de\s+proximit[ée]|d'instance))\s+(d'|de|du|des)\s*(.+)$",
        s,
        re.IGNORECASE,
    )
    if not m:
        return _texte(s)
    kind = m.group(1)[0].upper() + m.group(1)[1:].lower()
    return f"{kind} {m.group(2).lower()}{'' if m.group(2).endswith(chr(39)) else ' '}{french.town_case(m.group(3))}"


def _code_postal(s: str):
    digits = re.sub(r"\D", "", s)
    return digits if len(digits) == 5 else None


def _reference(s: str):
    s = re.sub(r"\s+", " ", s).strip(" ,;:.")
    # a space around a separator is a line wrap or an OCR artefact: "2025- 0733" → "2025-0733"
    s = re.sub(r"(?<=[\w])\s*([/\-])\s*(?=\w)", r"\1", s)
    if not re.search(r"\d", s) or len(s) < 3:
        return None
    return s


def _montant(s: str):
    return french.parse_montant(s)


PARSERS: dict[str, Callable[[str], object]] = {
    "date": french.parse_date,
    "heure": french.parse_heure,
    "montant": _montant,
    "texte": _texte,
    "nom": _nom,
    "organisme": _organisme,
    "juridiction": _juridiction,
    "code_postal": _code_postal,
    "commune": lambda s: _texte(french.town_case(s)),
    "reference": _reference,
    "entier": lambda s: int(s) if s.strip().isdigit() else french.words_to_int(s),
}


# --------------------------------------------------------------------------- rule sets


@dataclass
class FieldRule:
    """One field's patterns, kept as sources and compiled on first use: a process that
    reads one letter does not pay for the patterns of forms (compiling is most of the
    start-up cost of `asll extract`)."""

    name: str
    parser: str
    sources: list[str] = field(default_factory=list)
    weak_sources: list[str] = field(default_factory=list)
    conflict: bool = True  # distinct values from strong patterns → uncertain
    cues: "Cues | None" = None  # when no pattern matched: every candidate, chosen by context

    @property
    def patterns(self) -> list[re.Pattern]:
        return self.compiled()

    @property
    def weak(self) -> list[re.Pattern]:
        return self.compiled(weak=True)

    def compiled(self, spelled: frozenset[str] | None = None, weak: bool = False):
        """The strong (or `weak`) patterns, for a text with the numbers in words
        `spelled` (see `compile_pattern`)."""
        return [compile_pattern(s, spelled) for s in (self.weak_sources if weak else self.sources)]


@dataclass
class Cues:
    """Cue words around a candidate value, from a field's `[champs.X.indices]` table.

    Every value of the field's kind in the text (every date, hour or amount) is a
    candidate. Its score is the number of `avant` cues in the `fenetre` characters before
    it, minus the `contre` cues in the `proche` characters just before it (a birth date's
    "née le", a lease's "bail du"). The best candidate with a positive score is taken and
    always flagged uncertain: it was chosen by context, not read by a pattern.
    """

    candidate: re.Pattern
    before: list[re.Pattern]
    against: list[re.Pattern]
    window: int = 150
    near: int = 60


@dataclass
class RuleSet:
    type: str
    priority: int = 0
    threshold: float = 5
    keywords: list[tuple[re.Pattern, float]] = field(default_factory=list)
    head_keywords: list[tuple[re.Pattern, float]] = field(default_factory=list)
    head_chars: int = 2500
    required: list[re.Pattern] = field(default_factory=list)  # all must be found, or score 0
    start: list[re.Pattern] = field(default_factory=list)  # where this kind of document begins
    inherits: list[str] = field(default_factory=list)
    fields: dict[str, FieldRule] = field(default_factory=dict)
    data: dict = field(default_factory=dict)  # free sections for dedicated parsers
    sources: list[str] = field(default_factory=list)

    def score(self, text: str, required: bool = True) -> float:
        """The weights of the cue words found; 0 when a required word is missing (unless
        `required` is false: what the text would score had OCR read that word)."""
        if required and not all(rx.search(text) for rx in self.required):
            return 0.0
        total = sum(w for rx, w in self.keywords if rx.search(text))
        head = text[: self.head_chars]
        total += sum(w for rx, w in self.head_keywords if rx.search(head))
        return total


class RuleError(Exception):
    """A rule file is wrong (French message for whoever wrote it)."""


def load_rules(extra_dir: Path | None = None) -> dict[str, RuleSet]:
    """Bundled rule files, then those of `extra_dir` merged in (their patterns tried first)."""
    sets: dict[str, RuleSet] = {}
    common: dict = {}
    dirs = [RULES_DIR] + ([Path(extra_dir)] if extra_dir else [])
    for d in dirs:
        if not d.is_dir():
            raise RuleError(f"Dossier de règles introuvable : {d}")
        for path in sorted(d.glob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise RuleError(f"Fichier de règles illisible ({path.name}) : {exc}") from exc
            try:
                if "type" not in data:  # shared data (e.g. _commun.toml)
                    _merge_data(common, data, front=d is not RULES_DIR)
                    continue
                _merge(sets, data, path, front=d is not RULES_DIR)
            except re.error as exc:
                raise RuleError(f"Expression régulière invalide dans {path.name} : {exc}") from exc
    for rs in sets.values():
        merged = dict(common)
        _merge_data(merged, rs.data, front=True)
        rs.data = merged
    return sets


def _merge_data(target: dict, data: dict, front: bool) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _merge_data(target.setdefault(key, {}), value, front)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key] = (value + target[key]) if front else (target[key] + value)
        else:
            target[key] = value


def _merge(sets: dict[str, RuleSet], data: dict, path: Path, front: bool) -> None:
    name = data["type"]
    rs = sets.get(name) or RuleSet(type=name)
    sets[name] = rs
    rs.sources.append(path.name)
    rec = data.get("reconnaissance", {})
    rs.priority = rec.get("priorite", rs.priority)
    rs.threshold = rec.get("seuil", rs.threshold)
    rs.head_chars = rec.get("debut_caracteres", rs.head_chars)
    rs.keywords += [
        (compile_pattern(k["motif"]), float(k.get("poids", 1))) for k in rec.get("mots_cles", [])
    ]
    rs.head_keywords += [
        (compile_pattern(k["motif"]), float(k.get("poids", 1)))
        for k in rec.get("mots_cles_en_tete", [])
    ]
    rs.required += [compile_pattern(p) for p in rec.get("mots_obligatoires", [])]
    starts = [compile_pattern(p) for p in rec.get("debut_document", [])]
    rs.start = starts + rs.start if front else rs.start + starts
    rs.inherits = data.get("herite", rs.inherits)
    for fname, spec in data.get("champs", {}).items():
        parser = spec.get("analyse", "texte")
        if parser not in PARSERS:
            raise RuleError(
                f"{path.name} : analyse « {parser} » inconnue pour {fname} "
                f"(connues : {', '.join(PARSERS)})"
            )
        fr = rs.fields.get(fname) or FieldRule(fname, parser)
        fr.parser = parser
        fr.conflict = spec.get("conflit_incertain", fr.conflict)
        strong, weak = list(spec.get("motifs", [])), list(spec.get("motifs_faibles", []))
        if front:  # a service's own rules: checked now, so a mistake is reported at once
            for source in strong + weak:
                compile_pattern(source)
        fr.sources = strong + fr.sources if front else fr.sources + strong
        fr.weak_sources = weak + fr.weak_sources if front else fr.weak_sources + weak
        if "indices" in spec:
            fr.cues = _cues(spec["indices"], parser, path)
        rs.fields[fname] = fr
    extra = {
        k: v for k, v in data.items() if k not in ("type", "reconnaissance", "champs", "herite")
    }
    _merge_data(rs.data, extra, front)


_CANDIDATES = {"date": "{DATE}", "heure": "{HEURE}", "montant": "{MONTANT_EUR}"}

# An empty group of that name in a pattern: when that pattern wins and reads several
# different dates (an act's « Date de signification » on one sheet per person served), the
# earliest is taken, flagged.
EARLIEST = "plus_ancienne"


def _cues(spec: dict, parser: str, path: Path) -> Cues:
    if parser not in _CANDIDATES:
        raise RuleError(
            f"{path.name} : « indices » ne s'emploie qu'avec les analyses "
            f"{', '.join(_CANDIDATES)} (pas « {parser} »)"
        )
    return Cues(
        candidate=compile_pattern(_CANDIDATES[parser]),
        before=[compile_pattern(p) for p in spec.get("avant", [])],
        against=[compile_pattern(p) for p in spec.get("contre", [])],
        window=int(spec.get("fenetre", 150)),
        near=int(spec.get("proche", 60)),
    )


# --------------------------------------------------------------------------- applying


@dataclass
class Found:
    value: object
    start: int  # offset of the value in the text
    uncertain: bool = False


def find_field(
    rule: FieldRule,
    text: str,
    offset: int = 0,
    confidence_at: Callable[[int], float | None] | None = None,
    seuil_ocr: float = 70.0,
    valid: Callable[[object], bool] | None = None,
    spelled: frozenset[str] | None = None,
) -> Found | None:
    """Apply one field's patterns: every match is a candidate, in the rule file's order.
    `spelled`: the numbers in words that may stand in `text` (`french.spelled_forms`).

    The first strong candidate that passes `valid` (a check on the value alone) wins. The
    result is uncertain when a candidate was rejected by `valid`, when strong candidates
    disagree (unless the rule says `conflit_incertain = false`), when only a weak pattern
    found it, or when OCR read its line with low confidence.
    """
    parse = PARSERS[rule.parser]
    chosen: Found | None = None
    values = []
    earliest: list[tuple[object, int]] = []  # a `plus_ancienne` pattern's values, if it won
    rejected = False
    for rx in rule.compiled(spelled):
        mine: list[tuple[object, int]] = []
        for m in rx.finditer(text):
            value, start = _value(m, parse)
            if value is None:
                continue
            if valid is not None and not valid(value):
                rejected = True
                continue
            values.append(value)
            mine.append((value, offset + start))
            if chosen is None:
                chosen = Found(value, offset + start)
                if EARLIEST in rx.groupindex:
                    earliest = mine
        if chosen is not None and not rule.conflict:
            break
    if chosen is not None:
        if rejected or (rule.conflict and len(set(map(repr, values))) > 1):
            chosen.uncertain = True
        if len({repr(v) for v, _ in earliest}) > 1:
            # an act served to two persons on two days: its date is the first service
            first = min(earliest, key=lambda vs: vs[0])
            chosen = Found(first[0], first[1], uncertain=True)
    else:
        for rx in rule.compiled(spelled, weak=True):
            for m in rx.finditer(text):
                value, start = _value(m, parse)
                if value is not None and (valid is None or valid(value)):
                    chosen = Found(value, offset + start, uncertain=True)
                    break
            if chosen:
                break
    if chosen is None and rule.cues is not None:
        chosen = _by_cues(rule.cues, parse, text, offset, valid)
    if chosen is None and rejected:
        # the document states something for this field, but nothing sensible: say so
        return Found(None, offset, uncertain=True)
    if chosen is not None and confidence_at is not None:
        conf = confidence_at(chosen.start)
        if conf is not None and conf < seuil_ocr:
            chosen.uncertain = True
    return chosen


def _by_cues(cues: Cues, parse, text: str, offset: int, valid) -> Found | None:
    best: tuple[int, int, object] | None = None
    for m in cues.candidate.finditer(text):
        value = parse(m.group(0))
        if value is None or (valid is not None and not valid(value)):
            continue
        before = text[max(0, m.start() - cues.window) : m.start()]
        near = before[-cues.near :]
        score = sum(1 for rx in cues.before if rx.search(before))
        score -= 2 * sum(1 for rx in cues.against if rx.search(near))
        if score > 0 and (best is None or score > best[0]):
            best = (score, m.start(), value)
    if best is None:
        return None
    return Found(best[2], offset + best[1], uncertain=True)


def _value(m: re.Match, parse) -> tuple[object, int]:
    groups = m.groupdict()
    if "v" in groups and groups["v"] is not None:
        raw, start = groups["v"], m.start("v")
    elif m.groups():
        raw, start = m.group(1), m.start(1)
    else:
        raw, start = m.group(0), m.start()
    if raw is None:
        return None, start
    value = parse(raw)
    plus = groups.get("plus") or groups.get("plus2")
    if value is not None and plus:  # rent + provision for charges
        extra = parse(plus)
        if isinstance(value, (int, float)) and isinstance(extra, (int, float)):
            value = round(value + extra, 2)
    return value, start
