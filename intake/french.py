"""French as it is written in acts, letters and forms: dates, hours, amounts, names, towns.

Every parser takes a fragment of text and returns a Python value or None; none of them
guesses from context — the caller anchors the fragment to its label first. The regular
expressions `DATE_RE`, `HEURE_RE` and `MONTANT_RE` (as source strings) are what the rule
files call `{DATE}`, `{HEURE}` and `{MONTANT}`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import cache

from asll.domain.text import fold  # noqa: F401  (re-exported: the project's one folding helper)

from . import pattern_store

# --------------------------------------------------------------------------- text helpers

SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\u200a"
_SPACE_TABLE = {ord(c): " " for c in SPACES}
_QUOTES = {
    ord("\u2019"): "'",
    ord("\u2018"): "'",
    ord("\u02bc"): "'",
    ord("\u00b4"): "'",
    ord("\u2010"): "-",
    ord("\u2011"): "-",
    ord("\u2013"): "-",
    ord("\u2212"): "-",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\u0153"): "oe",
    ord("\u0152"): "OE",
}


def normalize_text(text: str) -> str:
    """Unicode NFC, every kind of space → ' ', typographic quotes/dashes → ASCII ones.

    Keeps line breaks; removes soft hyphens and control characters other than \\n and \\t.
    ("œ" is spelt "oe" so that patterns need not care.)
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_SPACE_TABLE).translate(_QUOTES)
    text = text.replace("\u00ad", "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


def join_hyphen_breaks(text: str) -> str:
    """A compound word cut after its hyphen by a line end ("Jean-\\nPierre",
    "NGUYEN-\\nBARAT") is one word again: the hyphen stays, the break goes."""
    return re.sub(r"(?<=[A-Za-zÀ-ÿ])-[ \t]*\n[ \t]*(?=[A-Za-zÀ-ÿ])", "-", text)


@cache
def _pattern(source: str) -> re.Pattern:
    """One of this module's expressions, compiled (case-insensitive) on first use: a
    process that only normalises a document's text (a reading child) does not pay for
    the expressions of dates, hours and amounts."""
    return pattern_store.compile(source, re.IGNORECASE)


def compile_expressions() -> None:
    """Compile this module's expressions now (for a process with time to spare)."""
    for source in (DATE_RE, HEURE_RE, _MONTANT_WORDS_RE, *_SPELLED_TESTS.values()):
        _pattern(source)


# --------------------------------------------------------------------------- numbers in words

_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "premier": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
# longest first (so that "vingts" is tried before "vingt"), then alphabetical: the same
# pattern source in every process, whatever the hash seed
NUMBER_WORDS = sorted(
    set(_UNITS) | {"cent", "cents", "mille", "mil", "million", "millions", "zéro", "et"},
    key=lambda w: (-len(w), w),
)
_NUMWORD = "(?:" + "|".join(NUMBER_WORDS) + ")"


def words_to_int(text: str) -> int | None:
    """'deux mille vingt-cinq' → 2025; 'quatre-vingt-dix-sept' → 97; None if not a number."""
    tokens = [t for t in re.split(r"[\s\-]+", fold(text).strip()) if t]
    if not tokens:
        return None
    total = current = 0
    previous = None
    seen = False
    for tok in tokens:
        if tok == "et":
            continue
        if tok in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4
        elif tok in _UNITS:
            current += _UNITS[tok]
        elif tok in ("cent", "cents"):
            current = (current or 1) * 100
        elif tok in ("mille", "mil"):
            total += (current or 1) * 1000
            current = 0
        elif tok in ("million", "millions"):
            total += (current or 1) * 1_000_000
            current = 0
        else:
            return None
        previous = tok
        seen = True
    return total + current if seen else None


# --------------------------------------------------------------------------- dates

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
_E = "[eéèê]"
_MONTH_RE = (
    rf"(?:janv(?:i{_E}r|\.)?|f{_E}vr?(?:i{_E}r|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:l{_E}t|\.)?"
    rf"|ao[uûù]t|sept(?:{_E}mbr{_E}|\.)?|oct(?:obr{_E}|\.)?|nov(?:{_E}mbr{_E}|\.)?|d{_E}c(?:{_E}mbr{_E}|\.)?)"
)
MONTH_RE = _MONTH_RE  # a month's name or abbreviation, as a regular expression source
_WEEKDAY_RE = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_NUM_DATE = r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})(?!\d)"
_DAY = r"(?:\d{1,2}\s?(?:er|ER|°|e)?|1\s?er|l\s?er|premier)"
_WORDS_SEQ = rf"{_NUMWORD}(?:[\s\-]+{_NUMWORD})*"
WORDS_SEQ = _WORDS_SEQ  # a number in words, as a regular expression source
_TEXT_DATE = (
    rf"(?:{_WEEKDAY_RE},?\s+)?(?:{_DAY}|{_WORDS_SEQ})\s+{_MONTH_RE}\s+"
    rf"(?:\d{{4}}|{_WORDS_SEQ})"
)
_TEXT_DATE_FIGURES = rf"(?:{_WEEKDAY_RE},?\s+)?(?:{_DAY})\s+{_MONTH_RE}\s+(?:\d{{4}})"
# "L'an deux mille vingt-cinq et le quatorze mars" (old style of acts)
_AN_DATE = rf"l'an\s+(?:\d{{4}}|{_WORDS_SEQ}),?\s+(?:et\s+)?le\s+(?:{_DAY}|{_WORDS_SEQ})\s+(?:du\s+mois\s+d[e']\s*)?{_MONTH_RE}"
DATE_RE = rf"(?:{_AN_DATE}|{_TEXT_DATE}|{_NUM_DATE})"


def _month(token: str) -> int | None:
    t = fold(token).rstrip(".")
    return MONTHS.get(t)


def _day(token: str) -> int | None:
    t = fold(token).strip()
    if re.fullmatch(r"\d+\s+er", t):
        t = t.replace(" ", "")
    if t in ("1er", "ler", "premier", "1°"):
        return 1
    m = re.fullmatch(r"(\d{1,2})(?:er|°|e)?", t)
    if m:
        return int(m.group(1))
    return words_to_int(t)


def _year(token: str) -> int | None:
    t = token.strip()
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    if re.fullmatch(r"\d{2}", t):
        y = int(t)
        return 2000 + y if y < 70 else 1900 + y
    return words_to_int(t)


def _make_date(y, m, d) -> date | None:
    try:
        if y is None or m is None or d is None or not 1900 <= y <= 2100:
            return None
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first date written in `text`, whatever its spelling; None if there is none.
    A month's end without its day (« fin septembre 2026 », a debt « arrêtée à fin … ») is
    that month's last day."""
    text = normalize_text(text)
    m = _pattern(DATE_RE).search(text)
    if not m:
        end = re.search(
            rf"\bfin\s+(?:du\s+mois\s+d[e']\s*)?({_MONTH_RE})\s+(\d{{4}})\b", text, re.IGNORECASE
        )
        month = _month(end.group(1)) if end else None
        if not month:
            return None
        first_of_next = _make_date(int(end.group(2)) + month // 12, month % 12 + 1, 1)
        return first_of_next - timedelta(days=1) if first_of_next else None
    return _date_from_match(m.group(0))


def parse_boxed_date(text: str) -> date | None:
    """A date typed into a form's « J J M M A A A A » boxes: '28 04 1982', '2 8 0 4 1 9 8 2',
    '28|04|1982'. Only a value made of digits and separators alone, so that no other number
    of a sentence is taken for a date."""
    if not text or not re.fullmatch(r"[\d\s|/.-]+", text.strip()):
        return None
    groups = re.findall(r"\d+", text)
    digits = "".join(groups)
    if len(digits) != 8 or len(groups) not in (1, 3, 8):
        return None
    return _make_date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))


def _date_from_match(s: str) -> date | None:
    s = re.sub(r"\s+", " ", s.strip())  # a date in words wrapped over two lines
    m = re.fullmatch(r"(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})", s)
    if m:
        return _make_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    an = re.fullmatch(
        rf"l'an\s+(.+?),?\s+(?:et\s+)?le\s+(.+?)\s+(?:du\s+mois\s+d[e']\s*)?({_MONTH_RE})",
        s,
        re.IGNORECASE,
    )
    if an:
        return _make_date(_year(an.group(1)), _month(an.group(3)), _day(an.group(2)))
    s = re.sub(rf"^{_WEEKDAY_RE},?\s+", "", s, flags=re.IGNORECASE)
    m = re.fullmatch(rf"(.+?)\s+({_MONTH_RE})\s+(.+)", s, re.IGNORECASE)
    if m:
        return _make_date(_year(m.group(3)), _month(m.group(2)), _day(m.group(1)))
    return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date in `text` with its position (start, end, value)."""
    out = []
    for m in _pattern(DATE_RE).finditer(text):
        d = _date_from_match(m.group(0))
        if d:
            out.append((m.start(), m.end(), d))
    return out


# --------------------------------------------------------------------------- hours

_HOUR_WORDS = rf"{_NUMWORD}(?:[\s\-]+{_NUMWORD})*"
_HOUR_FIGURES = (
    # "9 heures et demie", "14 h et quart", "10 heures moins le quart": figures, then words
    r"\d{1,2}\s?(?:heures?|HEURES?|h|H)\s+(?:et\s+(?:demie|quart)|moins\s+le\s+quart)\b|"
    r"\d{1,2}\s?(?:heures?|HEURES?|h|H|:)\s?(?:\d{2})?(?:\s?(?:min(?:utes?)?|mn))?(?![\d/])"
)
_HOUR_SPELLED = rf"(?:{_HOUR_WORDS})\s+heures?(?:\s+(?:et\s+(?:demie|quart)|moins\s+le\s+quart|{_HOUR_WORDS})(?:\s+minutes?)?)?"
HEURE_RE = rf"(?:{_HOUR_FIGURES}|{_HOUR_SPELLED}|midi(?:\s+et\s+demi)?|minuit)"


# --------------------------------------------------------------------------- spelled-out numbers

# Numbers in words make the expressions of dates and hours ten times longer, and as slow
# to compile (the rule engine compiles hundreds of patterns built on them), while a text
# holds few of them, often none. `spelled_forms(text)` names the kinds of spelled-out
# numbers that may stand in a text; `date_re` and `heure_re` give the expressions
# without the kinds that cannot: in that text they match exactly what the whole
# expressions match. The tests are generous (a false alarm only costs time), never
# short: each one is found in any text that a left-out alternative could match.
SPELLED_FORMS = frozenset({"an", "date", "heure", "montant"})
_SPELLED_TESTS = {
    # "L'an deux mille vingt-cinq et le …": the only alternative that begins with "l'an"
    "an": r"l'an\s",
    # a day in words before the month, or a year in words after it
    "date": (
        rf"{_NUMWORD}\s+{_MONTH_RE}\s+(?:\d|{_NUMWORD})"
        rf"|(?:\d\s?(?:er|°|e)?|l\s?er|{_NUMWORD})\s+{_MONTH_RE}\s+{_NUMWORD}"
    ),
    "heure": rf"{_NUMWORD}\s+heure",
    "montant": rf"{_NUMWORD}\s+euro",
}


def spelled_forms(text: str) -> frozenset[str]:
    """The kinds of spelled-out numbers (`SPELLED_FORMS`) that may stand in `text`."""
    return frozenset(kind for kind, test in _SPELLED_TESTS.items() if _pattern(test).search(text))


def date_re(spelled: frozenset[str] = SPELLED_FORMS) -> str:
    """`DATE_RE` with only the spelled-out forms in `spelled` ("an", "date")."""
    return (
        "(?:"
        + (f"{_AN_DATE}|" if "an" in spelled else "")
        + (_TEXT_DATE if "date" in spelled else _TEXT_DATE_FIGURES)
        + f"|{_NUM_DATE})"
    )


def heure_re(spelled: frozenset[str] = SPELLED_FORMS) -> str:
    """`HEURE_RE` with the hours in words only when "heure" is in `spelled`."""
    words = f"|{_HOUR_SPELLED}" if "heure" in spelled else ""
    return rf"(?:{_HOUR_FIGURES}{words}|midi(?:\s+et\s+demi)?|minuit)"


def parse_heure(text: str) -> str | None:
    """'9h30', '09 h 30', '14 heures', 'neuf heures trente', '14:30' → 'HH:MM'."""
    text = normalize_text(text)
    m = _pattern(HEURE_RE).search(text)
    if not m:
        return None
    s = fold(m.group(0))
    h = mi = None
    num = re.fullmatch(r"(\d{1,2})\s?(?:h|heures?|:)\s?(\d{2})?(?:\s?(?:min(?:utes?)?|mn))?", s)
    fraction = re.fullmatch(r"(\d{1,2})\s?(?:h|heures?)\s+(et demie|et quart|moins le quart)", s)
    if num:
        h, mi = int(num.group(1)), int(num.group(2) or 0)
    elif fraction:
        h = int(fraction.group(1))
        h, mi = {"et demie": (h, 30), "et quart": (h, 15), "moins le quart": (h - 1, 45)}[
            fraction.group(2)
        ]
    elif s.startswith("midi"):
        h, mi = 12, 30 if "demi" in s else 0
    elif s == "minuit":
        h, mi = 0, 0
    else:
        w = re.fullmatch(r"(.+?)\s+heures?(?:\s+(.+?))?(?:\s+minutes?)?", s)
        if w:
            h = words_to_int(w.group(1))
            rest = (w.group(2) or "").strip()
            if not rest:
                mi = 0
            elif rest == "et demie":
                mi = 30
            elif rest == "et quart":
                mi = 15
            elif rest == "moins le quart":
                h, mi = (h - 1 if h else None), 45
            else:
                mi = words_to_int(rest)
    if h is None or mi is None or not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}"


# --------------------------------------------------------------------------- amounts

_GROUP_SEP = r"[ .\u00a0\u202f\u2009']"
# Thousands grouped by spaces may have their cents after a stop (« 1 651.96 », often how
# OCR reads a comma); grouped by stops, only after a comma (« 1.651,96 »).
MONTANT_RE = (
    # a line end between the thousands and the rest ("3\n972 euros") when the currency follows
    r"(?<![\d,.])(?:\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})*[ \t]*\n[ \t]*\d{3}(?:,\d{1,2})?"
    r"(?=\s?(?:€|euros?\b|eur\b))"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})+(?:[,.]\d{1,2})?(?![\d])"
    r"|\d{1,3}(?:" + _GROUP_SEP + r"\d{3})+(?:,\d{1,2})?(?![\d])"
    r"|\d+(?:[,.]\d{1,2})?(?![\d]))"
    r"(?:\s?(?:€|euros?|eur\b))?"
)
_MONTANT_COMPILED = re.compile(MONTANT_RE, re.IGNORECASE)
_CURRENCY = re.compile(r"\s?(?:€|euros?|eur)\s*$", re.IGNORECASE)


def parse_number(raw: str) -> float | None:
    """'3 412,87' → 3412.87; '3.412,87' → 3412.87; '3412.87' → 3412.87; '27,80' → 27.8."""
    s = normalize_text(raw).replace("\n", " ").strip()
    s = _CURRENCY.sub("", s).strip()
    s = s.replace("'", " ")
    if not re.fullmatch(r"[\d ., ]+", s) or not re.search(r"\d", s):
        return None
    s = s.strip(" .,")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(" ", "").replace(".", "").replace(",", ".")
        else:
            s = s.replace(" ", "").replace(",", "")
    elif "," in s:
        if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s.replace(" ", "")):
            s = s.replace(",", "")
        s = s.replace(" ", "").replace(",", ".")
    elif "." in s:
        compact = s.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
            s = compact.replace(".", "")  # 3.412 = three thousand …
        else:
            s = compact
    else:
        s = s.replace(" ", "")
    try:
        return round(float(s), 2)
    except ValueError:
        return None


def parse_montant(text: str) -> float | None:
    """The first amount written in `text`, in figures or in words; None if none."""
    # a line break between the thousands and the rest ("4\n587,03 €") is a wrapped line
    text = re.sub(r"(?<=\d)\n(?=\d{3},\d{2}\b)", " ", normalize_text(text))
    words = parse_montant_lettres(text)
    # "1 234 euros 50": the cents written after the currency word
    cents = _EUROS_THEN_CENTS.search(text)
    if cents:
        whole = parse_number(cents.group(1))
        if whole is not None:
            return round(whole + int(cents.group(2)) / 100, 2)
    m = _MONTANT_COMPILED.search(text)
    if m:
        value = parse_number(m.group(0))
        if value is not None:
            return value
    return words


_EUROS_THEN_CENTS = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})*|\d+)\s*(?:euros?|€)\s+(\d{2})"
    # then the end, a stop, or a word that goes on about the amount (not "15 septembre")
    r"(?=\s*(?:$|[,;.)]|(?:centimes?|cts?|au|du|le|arr[êe]t[ée]e?s?|de\s+dette)\b))",
    re.IGNORECASE,
)
_MONTANT_WORDS_RE = rf"({_WORDS_SEQ})\s+euros?(?:\s+(?:et\s+)?({_WORDS_SEQ})\s+centimes?)?"


def parse_montant_lettres(text: str) -> float | None:
    """'TROIS MILLE QUATRE CENT DOUZE EUROS ET QUATRE-VINGT-SEPT CENTIMES' → 3412.87."""
    m = _pattern(_MONTANT_WORDS_RE).search(normalize_text(text))
    if not m:
        return None
    euros = words_to_int(m.group(1))
    if euros is None:
        return None
    cents = words_to_int(m.group(2)) if m.group(2) else 0
    return round(euros + (cents or 0) / 100, 2)


# --------------------------------------------------------------------------- names

CIVILITES = {
    "m": "M.",
    "m.": "M.",
    "mr": "M.",
    "mr.": "M.",
    "monsieur": "M.",
    "mm.": None,
    "mme": "Mme",
    "mme.": "Mme",
    "madame": "Mme",
    "mademoiselle": "Mme",
    "mlle": "Mme",
    "mlle.": "Mme",
    "melle": "Mme",
    "mle": "Mme",
}
# a civility in capitals too ("MONSIEUR", "MME"): forms typed in capitals write them so
CIVILITE_RE = (
    r"(?:Monsieur|Madame|Mademoiselle|(?:MONSIEUR|MADAME|MADEMOISELLE)\b|Mme\.?|MME\b\.?"
    r"|Mlle\.?|MLLE\b\.?|Melle|Mr\.?|MR\b\.?|M\.|M(?=\s+[A-Z]))"
)
# lower-case words a personal name may hold ("Marie DE LA TOUR", "Karim BEN SAÏD")
NAME_PARTICLES = {
    "de",
    "du",
    "des",
    "d'",
    "le",
    "la",
    "les",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "del",
    "dos",
    "ben",
    "el",
    "al",
    "ould",
    "bin",
}
_MARITAL = re.compile(
    r"\s*,?\s*\(?\b(?:[ée]pouse|ep\.|[ée]p\.?|n[ée]e?|veuve|vve\.?|divorc[ée]e?)\s+.*$",
    re.IGNORECASE,
)


def normalize_civilite(text: str | None) -> str | None:
    if not text:
        return None
    return CIVILITES.get(fold(text).strip())


def _is_upper_word(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters)
        and (len(letters) > 1 or tok.endswith("'"))
    )


# "MOREAU née N'DIAYE Sandrine": surname first, the other name, then the first name
_MARITAL_BEFORE_FIRST = re.compile(
    r"\s*,?\s*\b(?i:[ée]pouse|ep\.|[ée]p\.?|n[ée]e?|veuve|vve\.?|divorc[ée]e?)\s+"
    r"(?:[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’\-]+\s+)+(?=[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+)?\s*$)"
)


def strip_marital(name: str) -> str:
    """'MARTIN née DURAND' → 'MARTIN'; 'DURAND épouse MARTIN' → 'DURAND';
    'MOREAU née N'DIAYE Sandrine' → 'MOREAU Sandrine' (the first name after is kept).

    A leading "veuve" / "épouse" is only a status ('veuve Josiane THIERRY' → 'Josiane THIERRY').
    """
    name = re.sub(r"^\s*(?:veuve|vve\.?|[ée]pouse|[ée]p\.)\s+(?=\S)", "", name, flags=re.IGNORECASE)
    name = _MARITAL_BEFORE_FIRST.sub(" ", name)
    return _MARITAL.sub("", name).strip(" ,")


def split_name(text: str, order: str = "auto") -> tuple[str | None, str | None]:
    """Split a personal name into (nom, prenom).

    Capitals mark the surname ('Jean MARTIN', 'MARTIN Jean', 'Jean de LA FONTAINE',
    'Marie D'ALMEIDA'); a name all in capitals or all in lower case is read in the
    `order` given ('prenom_nom' or 'nom_prenom'; 'auto' = first name first).
    """
    text = strip_marital(normalize_text(text))
    text = re.sub(rf"^\s*{CIVILITE_RE}\s*", "", text).strip(" ,;:-")
    text = re.sub(r"\s+", " ", text)
    if not text:
        return None, None
    tokens = text.split(" ")
    # split "D'ALMEIDA" kept whole; particles lower case attach to following upper word
    upper = [_is_upper_word(t) for t in tokens]
    if any(upper) and not all(upper):
        nom_idx = set(i for i, u in enumerate(upper) if u)
        # particles just before an upper-case surname belong to it
        for i, tok in enumerate(tokens):
            if i not in nom_idx and fold(tok) in NAME_PARTICLES and i + 1 in nom_idx:
                nom_idx.add(i)
        # particles like "d'Almeida" glued
        nom = " ".join(tokens[i] for i in sorted(nom_idx))
        prenom = " ".join(tokens[i] for i in range(len(tokens)) if i not in nom_idx)
        return nom or None, prenom or None
    if len(tokens) == 1:
        return tokens[0], None
    if order == "nom_prenom":
        # "BEN SALEM OCÉANE", "DE LA TOUR MARIE": leading particles belong to the surname
        i = 0
        while i < len(tokens) - 2 and fold(tokens[i]) in NAME_PARTICLES:
            i += 1
        return " ".join(tokens[: i + 1]), " ".join(tokens[i + 1 :])
    # first name first: particles belong to the surname
    for i in range(1, len(tokens)):
        if fold(tokens[i]) in NAME_PARTICLES or fold(tokens[i]).startswith("d'"):
            return " ".join(tokens[i:]), " ".join(tokens[:i])
    return tokens[-1], " ".join(tokens[:-1])


def prenom_case(text: str) -> str:
    """'JEAN-PIERRE' → 'Jean-Pierre', 'MARIE CLAIRE' → 'Marie Claire' (leaves mixed case
    alone)."""
    if text != text.upper():
        return text
    return " ".join(
        "-".join(p.capitalize() for p in word.split("-")) for word in text.lower().split(" ")
    )


# --------------------------------------------------------------------------- towns

_LOWER_IN_TOWN = {
    "sur",
    "sous",
    "en",
    "les",
    "lès",
    "lez",
    "le",
    "la",
    "de",
    "du",
    "des",
    "aux",
    "au",
    "et",
    "d",
    "l",
    "a",
    "à",
}


def town_case(name: str) -> str:
    """'SAINT-DIZIER' → 'Saint-Dizier'; 'LA CHAPELLE-SUR-ERDRE' → 'La Chapelle-sur-Erdre'.

    Names already in mixed case are kept as written.
    """
    name = re.sub(r"\s+", " ", normalize_text(name)).strip(" ,.;")
    if not name or name != name.upper():
        return name
    words = name.lower().split(" ")
    out_words = []
    for wi, word in enumerate(words):
        parts = word.split("-")
        out_parts = []
        for pi, part in enumerate(parts):
            first = wi == 0 and pi == 0
            if "'" in part:  # d'olonne, l'isle
                head, _, tail = part.partition("'")
                if head in ("d", "l") and not first:
                    out_parts.append(f"{head}'{tail.capitalize()}")
                else:
                    out_parts.append(f"{head.capitalize()}'{tail.capitalize()}")
            elif not first and part in _LOWER_IN_TOWN and (pi > 0):
                out_parts.append(part)
            else:
                out_parts.append(part.capitalize())
        out_words.append("-".join(out_parts))
    return " ".join(out_words)
