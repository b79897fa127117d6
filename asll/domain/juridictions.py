"""French courts of first instance, from the Code de l'organisation judiciaire (tableau IV).

Contract (pure domain: reads only data/juridictions.tsv):

- ``lookup(text) -> Reconnaissance | None``: the court named somewhere in `text` (a header
  line, an OCR'd phrase), whatever its case, accents, hyphens, "ST"/"STE" or a small OCR
  typo in the place name. Former names are recognised and flagged
  (``ancienne_denomination``): "tribunal de grande instance de X" is now the tribunal
  judiciaire de X; "tribunal d'instance de X" is now the tribunal judiciaire (when X is
  its seat) or the tribunal de proximité de X. A court of the wrong kind for its seat
  ("tribunal judiciaire de Saint-Dizier", a tribunal de proximité) gives the court at that
  seat with ``autre_type``. None when no known court is named.
- ``lookup_all(text) -> list[Reconnaissance]``: every court named, in reading order (a
  header "Tribunal judiciaire de Chaumont – Tribunal de proximité de Saint-Dizier" names
  two; the caller picks with its context).
- ``canonical(text) -> str | None``: the official name of that court, e.g.
  "tribunal de proximite de st dizier" -> "Tribunal de proximité de Saint-Dizier".
- ``is_known(name) -> bool``: True when `name` names a current court by its current kind
  (a former name, or a place that is no seat of that kind of court, is not known).
- ``juridictions() -> tuple[Juridiction, ...]``: the whole table.

The table loads on first use and is cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from asll.domain.communes import fold

DATA_FILE = Path(__file__).with_name("data") / "juridictions.tsv"
TRIBUNAL_JUDICIAIRE = "tribunal_judiciaire"
TRIBUNAL_DE_PROXIMITE = "tribunal_de_proximite"
TRIBUNAL_DE_PREMIERE_INSTANCE = "tribunal_de_premiere_instance"
# An OCR'd place name this close to a seat's name is that seat.
SIMILARITY_MIN = 0.85


@dataclass(frozen=True)
class Juridiction:
    type: str
    nom: str  # official name: "Tribunal judiciaire de Chaumont"
    siege: str
    insee: str
    departement: str
    tribunal_judiciaire: str  # parent court of a tribunal de proximité, else ""
    cour_d_appel: str


@dataclass(frozen=True)
class Reconnaissance:
    juridiction: Juridiction
    ancienne_denomination: bool  # the text used a name abolished in 2020 (TGI, TI)
    approchee: bool  # the place name matched only by similarity (OCR typo)
    autre_type: bool  # the text named another kind of court at that seat
    texte: str  # the words of `text` that named the court


@cache
def juridictions() -> tuple[Juridiction, ...]:
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(Juridiction(*line.split("\t")) for line in lines[1:] if line.strip())


@cache
def _seats(kind: str) -> dict[str, tuple[Juridiction, ...]]:
    """Folded seat name -> courts of that kind (two tribunaux de proximité are in a
    commune called Montreuil)."""
    by_seat: dict[str, list[Juridiction]] = {}
    for j in juridictions():
        if j.type == kind:
            by_seat.setdefault(fold(j.siege), []).append(j)
    return {k: tuple(v) for k, v in by_seat.items()}


# Court kinds as printed, on folded text (lower case, no accents, no punctuation).
# OCR often reads i as 1 or l inside these words.
_I = "[il1]"
_KINDS = (
    (
        re.compile(rf"\btr{_I}bunal (?:de )?grande {_I}nstance\b|\bt ?g ?{_I}\b"),
        TRIBUNAL_JUDICIAIRE,
        True,
    ),
    (
        re.compile(rf"\btr{_I}bunal d {_I}nstance\b|\btr{_I}bunal d{_I}nstance\b"),
        None,
        True,
    ),  # TJ or tribunal de proximité, depending on the seat
    (
        re.compile(rf"\btr{_I}bunal jud{_I}c{_I}a{_I}re\b|\bt j\b|\btj\b"),
        TRIBUNAL_JUDICIAIRE,
        False,
    ),
    (
        re.compile(rf"\b(?:tr{_I}bunal|chambre|pole) de prox{_I}m{_I}te\b"),
        TRIBUNAL_DE_PROXIMITE,
        False,
    ),
    (
        re.compile(rf"\btr{_I}bunal de prem{_I}ere {_I}nstance\b"),
        TRIBUNAL_DE_PREMIERE_INSTANCE,
        False,
    ),
)
# What may stand between the court kind and its place: "de", "d'", "du", "des", "sis à".
_PREPOSITION = re.compile(r"^(?:(?:sis|siegeant|situe) a )?(de la |de l |des |du |de |d |a )?")


def _place_candidates(after: str) -> list[str]:
    """Folded place names that the words following the court kind may spell."""
    m = _PREPOSITION.match(after)
    prep = (m[1] or "").strip() if m else ""
    rest = after[m.end() :] if m else after
    words = rest.split()[:6]
    variants = [" ".join(words)]
    if prep == "du":
        variants.insert(0, " ".join(["le", *words]))
    elif prep == "des":
        variants.insert(0, " ".join(["les", *words]))
    elif prep in ("de la", "de l"):
        variants.insert(0, " ".join([prep.split()[1], *words]))
    return [v for v in variants if v]


def _find_seat(place: str, kinds: tuple[str, ...]) -> tuple[Juridiction, bool] | None:
    """The court whose seat name starts `place` (longest first); else a unique close one."""
    best: tuple[int, Juridiction] | None = None
    for kind in kinds:
        for seat, courts in _seats(kind).items():
            if place == seat or place.startswith(seat + " "):
                if best is None or len(seat) > best[0]:
                    best = (len(seat), courts[0])
    if best:
        return best[1], False
    words = place.split()
    scored = []
    for kind in kinds:
        for seat, courts in _seats(kind).items():
            head = " ".join(words[: len(seat.split())])
            scored.append((SequenceMatcher(None, head, seat).ratio(), seat, courts[0]))
    scored.sort(key=lambda s: s[0], reverse=True)
    if (
        scored
        and scored[0][0] >= SIMILARITY_MIN
        and (
            len(scored) == 1 or scored[1][1] == scored[0][1] or scored[0][0] - scored[1][0] >= 0.05
        )
    ):
        return scored[0][2], True
    return None


def lookup(text: str | None) -> Reconnaissance | None:
    found = lookup_all(text)
    if not found:
        return None
    # The first court named is the one the document is addressed to or issued by; a name
    # of the right kind wins over one naming the wrong kind.
    return min(found, key=lambda r: r.autre_type)


def lookup_all(text: str | None) -> list[Reconnaissance]:
    """Every court named in `text`, in reading order, each once."""
    folded = fold(text)
    if not folded:
        return []
    found: list[tuple[int, int, Reconnaissance]] = []  # (position, penalty, result)
    for pattern, kind, old in _KINDS:
        for m in pattern.finditer(folded):
            # A former tribunal d'instance now sits as the TJ or as a tribunal de proximité.
            kinds = (kind,) if kind else (TRIBUNAL_JUDICIAIRE, TRIBUNAL_DE_PROXIMITE)
            others = tuple(
                k for k in (TRIBUNAL_JUDICIAIRE, TRIBUNAL_DE_PROXIMITE) if k not in kinds
            )
            for place in _place_candidates(folded[m.end() :].strip()):
                hit, other = _find_seat(place, kinds), False
                if hit is None and others:
                    hit, other = _find_seat(place, others), True
                if hit:
                    court, approx = hit
                    found.append(
                        (
                            m.start(),
                            int(other),
                            Reconnaissance(court, old, approx, other, f"{m[0]} {place}".strip()),
                        )
                    )
                    break
    result: list[Reconnaissance] = []
    for _, _, hit in sorted(found, key=lambda f: (f[0], f[1])):
        if all(hit.juridiction != r.juridiction for r in result):
            result.append(hit)
    return result


def canonical(text: str | None) -> str | None:
    hit = lookup(text)
    return hit.juridiction.nom if hit else None


def is_known(name: str | None) -> bool:
    hit = lookup(name)
    return bool(hit) and not (hit.ancienne_denomination or hit.autre_type)
