"""Which kind of document a text is, by keyword scores kept in the rule files.

Each type's rule file gives weighted keywords (`mots_cles`, counted anywhere;
`mots_cles_en_tete`, counted in the first characters only — a letterhead), a threshold
(`seuil`) and a priority: among the types that reach their threshold, the highest priority
wins. `inconnu` has a rule file too (bills, payslips) so that such a document is never
taken for a dossier even if it mentions a rent or a landlord.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import french
from .engine import RuleSet, compile_pattern


@dataclass
class Classification:
    type: str
    scores: dict[str, float]
    # where an assignation copy begins in a préfecture letter's file (offset in the text)
    split_at: int | None = None


def classify(text: str, rules: dict[str, RuleSet]) -> Classification:
    scores = {name: rs.score(text) for name, rs in rules.items()}
    reached = [rs for name, rs in rules.items() if scores[name] >= rs.threshold]
    if not reached:
        return Classification("inconnu", scores)
    # a bill or payslip that also mentions a landlord stays unknown unless a dossier type
    # clearly outscores it
    best = max(reached, key=lambda rs: (rs.priority, scores[rs.type]))
    if best.type == "inconnu":
        others = [rs for rs in reached if rs.type != "inconnu"]
        if others:
            strongest = max(others, key=lambda rs: scores[rs.type] - rs.threshold)
            if (
                scores[strongest.type] - strongest.threshold
                > scores["inconnu"] - best.threshold + 4
            ):
                best = strongest
    best = _form_over_quoted_procedure(text, best, reached, rules)
    result = Classification(best.type, scores)
    if best.type != "inconnu" and best.inherits:
        result.split_at = find_start(text, [rules[n] for n in best.inherits if n in rules])
    return result


# Share of its threshold a dossier type must reach for a badly read page left « inconnu »
# to be shown as possibly of that type (a fax whose cue words OCR spoiled).
NEAR_THRESHOLD = 0.5


def near_type(cls: Classification, rules: dict[str, RuleSet]) -> str | None:
    """For a text left « inconnu » that no bill or payslip rule recognised, the dossier
    type it came nearest to, when it reached `NEAR_THRESHOLD` of that type's threshold."""
    if cls.type != "inconnu":
        return None
    own = rules.get("inconnu")
    if own is not None and cls.scores.get("inconnu", 0) >= own.threshold:
        return None  # recognised as no dossier at all
    near = [
        (score / rules[name].threshold, name)
        for name, score in cls.scores.items()
        if name != "inconnu" and name in rules and rules[name].threshold > 0
    ]
    share, name = max(near, default=(0.0, None))
    return name if share >= NEAR_THRESHOLD else None


def type_without_its_word(cls: Classification, rules: dict[str, RuleSet], text: str) -> str | None:
    """Another dossier type the text reaches but for a word that type requires (a
    préfecture's letter whose « Préfet » a photocopy made « Prétet », classed as the act
    behind it): on a scan, the type chosen is in doubt."""
    for name, rs in rules.items():
        if name in (cls.type, "inconnu") or not rs.required or cls.scores.get(name, 0) > 0:
            continue
        if rs.score(text, required=False) >= rs.threshold:
            return name
    return None


def _form_over_quoted_procedure(text: str, best: RuleSet, reached: list[RuleSet], rules) -> RuleSet:
    """A form that quotes the assignation it follows ("assignation délivrée par le commissaire
    de justice le …") reaches the act's threshold too. A type's rule file may say which types it
    wins over (`[classement.prime_sur]`), each with the marks only a real document of that type
    carries: when none of them is in the text, the form wins."""
    for rs in reached:
        if rs is not best and marks_missing(text, rs, best.type):
            return rs
    return best


def marks_missing(text: str, other: RuleSet | None, kind: str) -> bool:
    """True when `other`'s rule file lists the marks that only a real document of type
    `kind` carries (`[classement.prime_sur]`) and none of them is in `text`."""
    if other is None:
        return False
    marks = other.data.get("classement", {}).get("prime_sur", {}).get(kind)
    return marks is not None and not any(rx.search(text) for rx in _compiled(tuple(marks)))


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern]:
    return [compile_pattern(p) for p in patterns]


def find_start(
    text: str, parts: list[RuleSet], min_offset: int = 400, min_length: int = 800
) -> int | None:
    """Offset where an inherited document (the assignation copy) begins, if it does.

    A copy is a whole act: a start cue with less than `min_length` characters after it is
    a sentence of the letter, not the copy."""
    best = None
    for rs in parts:
        for rx in rs.start:
            for m in rx.finditer(text):
                if m.start() >= min_offset and len(text) - m.start() >= min_length:
                    if best is None or m.start() < best:
                        best = m.start()
                    break
    if best is None:
        return None
    # the copy begins with its page: the law office's or étude's heading lines above its
    # title (« SELARL … / Avocats au barreau de … / N/Réf. : 44870 ») are the act's, not the
    # letter's — unless the letter ends on that page (its closing formula or signature)
    page = text.rfind("\f", 0, best)
    if (
        page >= min_offset
        and best - page <= HEADING_MAX
        and not _LETTER_END.search(text, page, best)
    ):
        return page + 1
    return best


# the words that make a row one party of a dossier, not one entry of a list
_PARTY = re.compile(
    r"\b(?:demandeu?r(?:esse)?|d[ée]fendeu?r(?:esse)?|requ[ée]rante?|bailleu?r|bailleresse|"
    r"propri[ée]taire|locataire|preneur|conjoint|co-?titulaire|demeurant|domicili[ée])s?\b",
    re.IGNORECASE,
)


def lists_households(tables: list[list[list[str]]], rules: dict[str, RuleSet]) -> bool:
    """A table naming several households, each with its own dwelling: a list of dossiers,
    a commission's agenda, an export — never one dossier, whatever its words (« saisine »,
    « dette locative ») score. A household table names its people without an address
    each; a row here holds a person (a civility) and a street address, and two such rows
    at least give different addresses."""
    street_words = next(
        (w for rs in rules.values() if (w := rs.data.get("adresse", {}).get("types_voie"))),
        r"rue|avenue|boulevard|place|chemin|impasse|all[ée]e",
    )
    civility = re.compile(rf"^\s*{french.CIVILITE_RE}(?:\s|$)")
    street = compile_pattern(rf"\b\d{{1,4}}\s*(?:bis|ter)?\s*,?\s+(?:{street_words})\b[^|]*")
    for table in tables:
        addresses = set()
        for row in table:
            if any(_PARTY.search(c or "") for c in row):
                continue  # an act's or a form's parties (the landlord and the tenant)
            where = next((m.group(0) for c in row if (m := street.search(c or ""))), None)
            if where and any(civility.match(c or "") for c in row):
                addresses.add(" ".join(where.lower().split()))
        if len(addresses) >= 2:
            return True
    return False


# how much of a page may stand above the copy's title
HEADING_MAX = 600
_LETTER_END = re.compile(
    r"salutations|agr[ée]er|pour\s+(?:le|la)\s+(?:sous-)?pr[ée]f[eè]te?|fait\s+[àa]\s",
    re.IGNORECASE,
)
