"""Repairs of what OCR leaves in a line of a scan, made before any parser reads it.

Two kinds, told apart because only one of them changes a value:

- **debris** (`clean_line`): a table's rule read as « | », a speck of dust read as « . »,
  « ' » or « : » standing alone at a line's edge, a hyphen seen twice where a compound
  name was cut (« Châlons-en- -Champagne »). Nothing of a value is changed: a parser
  anchored at the start of a line (« Bailleur … ») or reading a value up to its end finds
  them again.
- **shape repairs** (`repair_values`): characters of a value read as their look-alikes,
  corrected only where the value's expected shape says which character it must be: a
  decimal part parted by a space (« 783, 00 € »), a letter among the figures of an
  amount, a date or a postcode (O → 0, l / I → 1, S → 5), « € » read as « E ». The line
  is then reported as changed: its caller caps its confidence below the threshold, so that
  every value read from it is flagged for a person to check.

Both are plain rules on shapes, not on any document's wording; they run on OCR'd lines
only (a text PDF's characters are what their author typed).

    repair_line(text) -> (text, changed_value: bool)
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- debris

# a table rule or a speck: tokens made only of these, alone at a line's edge
_EDGE = "|¦'‘’\"_.,:;~…—–=+*°•`^<>/\\-"
_EDGE_TOKEN = r"[" + re.escape(_EDGE) + r"]+"
_LEAD = re.compile(r"^(?:\s*" + _EDGE_TOKEN + r"(?=\s))+\s*")
_TRAIL = re.compile(r"(?:\s+" + _EDGE_TOKEN + r")+\s*$")
# a rule glued to the first word: "|Locataire", "'Date et heure", "'97410 SAINT-PIERRE"
_LEAD_GLUED = re.compile(r"^[|¦'‘’_\"]+(?=[A-ZÀ-ÖØ-Þ0-9])")
# a rule or specks alone between two words: "Dette locative | 4 718,33 €",
# "Commissaire de justice . Pierre-Yves BERNARD" (a colon or a dash there is the author's)
_INNER_RULE = re.compile(r"(?<=\S)(?:\s+[|¦.'‘’_…~]+)+\s+(?=\S)")
# a compound name cut at a line's end, its hyphen seen on both sides: "Châlons-en- -Champagne"
_DOUBLE_HYPHEN = re.compile(r"(?<=[^\W\d_])- -(?=[^\W\d_])")
# French puts a space before these: "Conjoint :" ends on a label, not on a speck
_KEPT_END = re.compile(r"^\s*[:;!?]$")
# an opening bracket of a tick box ("[ ] ASLL Accès") is no debris
_TICK_START = re.compile(r"^\s*\[")


# one dash or bullet alone opens an item of a list ("- Monsieur Paul VIDAL"): kept
_BULLET = re.compile(r"^\s*[-—–•*]\s*$")


def clean_line(text: str) -> str:
    """The line without table rules and specks at its edges and between its words."""
    lead = _LEAD.match(text)
    if lead and not _TICK_START.match(text) and not _BULLET.match(lead.group()):
        text = text[lead.end() :]
    trail = _TRAIL.search(text)
    if trail and not _KEPT_END.match(trail.group()):
        text = text[: trail.start()]
    text = _LEAD_GLUED.sub("", text)
    text = _INNER_RULE.sub(" ", text)
    return _DOUBLE_HYPHEN.sub("-", text)


# --------------------------------------------------------------------------- value shapes

# a figure's look-alikes in a line of print
_DIGIT_LIKE = {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"}
_D = r"[0-9OoDlIiSB]"
# an amount: groups of three after a space or a dot, two decimals, then the euro
_AMOUNT = re.compile(
    r"(?<![\w,.])(?P<v>" + _D + r"{1,3}(?:[  .]" + _D + r"{3})*,\s?" + _D + r"{2})"
    r"(?P<cur>\s?(?:€|E\b|euros?\b))"
)
# a date in figures: dd/mm/yyyy (or with dots or dashes)
_DATE = re.compile(
    r"(?<![\w/])(?P<v>" + _D + r"{2}[/.\-]" + _D + r"{2}[/.\-]" + _D + r"{4})(?![\w/])"
)
# a postcode before a commune written in capitals or with a capital: "51OOO REIMS"
_POSTCODE = re.compile(r"(?<![\w,.])(?P<v>" + _D + r"{5})(?=\s+[A-ZÀ-ÖØ-Þ])")


def _figures(value: str) -> str | None:
    """`value` with its look-alike letters read as figures; None when it has too few real
    figures to be taken for a number (a word such as « SOS » or « DOB »)."""
    letters = sum(1 for c in value if c in _DIGIT_LIKE)
    digits = sum(1 for c in value if c.isdigit())
    if letters == 0:
        return value
    if digits < 2 * letters or digits < 3:
        return None
    return "".join(_DIGIT_LIKE.get(c, c) for c in value)


# a speck read as a dot between two words: "place.du Marché", "rue du.8 Mai" (an address
# or a web or mail address keeps its dots)
_GLUED_DOT = re.compile(r"(?<=[a-zà-ÿ]{2})\.(?=[a-zà-ÿ]{2}|\d)")
# a speck read as a dot after an article or a preposition, which ends no sentence:
# "50 rue du. 8 Mai 1945" (a sentence would go on with a capital)
_DOT_AFTER_ARTICLE = re.compile(r"\b((?i:du|de|des|la|le|les|au|aux|en|sur|sous))\.(?= [\da-zà-ÿ])")
_WEB = re.compile(r"@|www|://|\.(?:fr|com|org|net|eu|gouv)\b", re.IGNORECASE)
# a space read after an elided article: "rue de l' Église" (French never writes one)
_ELISION_SPACE = re.compile(r"(?<![\w'])((?i:[ldjnmst]|qu|jusqu|lorsqu|puisqu))' (?=[^\W\d_])")


# a dash between a label and its amount, glued to the figures: "Salaire -154,97€" (an
# amount of these documents is never negative)
_GLUED_DASH = re.compile(r"(?<=[^\W\d_]\s)[-—–](?=\d[\d  .]*,\d{2}\s?(?:€|E\b|euros?\b))")


# a speck read as a dot before a group of thousands: "2. 337,19 €" (a thousands separator is
# a space; the dot here, followed by a space, is neither a separator nor a decimal point)
_SPECK_THOUSANDS = re.compile(
    r"(?<![\w,.])(\d{1,3})[.'‘’]\s(?=\d{3},\s?\d{2}\s?(?:€|E\b|euros?\b))"
)
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
)
# a speck or a figure read as a dash between a preposition and a date's day: "le-9 octobre
# 2025" (it may have been the « 1 » of « 19 »: the line is reported as changed)
_GLUED_DAY = re.compile(
    r"(?<![\w'])((?i:le|du|au))[-—–.,](?=\d{1,2}(?:er)?\s+(?i:" + _MONTHS + r")\b)"
)


# a speck read as a letter glued to a number word that ends a compound written in words:
# "l'an deux mille Vingt-cinqg" (« vingts », « cents » keep their s)
_UNITS = "un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
_NUMBER_SPECK = re.compile(
    r"\b((?i:vingt|trente|quarante|cinquante|soixante|cent|mille)[- ](?i:et[- ])?(?i:"
    + _UNITS
    + r"))[a-rt-zA-RT-Z](?![\w'-])"
)


def repair_values(text: str) -> tuple[str, bool]:
    """The line with its amounts, dates and postcodes written in figures again; True when a
    character of a value was changed."""
    changed = False

    def amount(m: re.Match) -> str:
        nonlocal changed
        raw, cur = m.group("v"), m.group("cur")
        fixed = _figures(raw)
        if fixed is None:
            return m.group()
        fixed = re.sub(r",\s", ",", fixed)
        if cur.strip() == "E":
            cur = cur.replace("E", "€")
        out = fixed + cur
        changed |= out != m.group()
        return out

    def figures(m: re.Match) -> str:
        nonlocal changed
        fixed = _figures(m.group("v"))
        if fixed is None:
            return m.group()
        changed |= fixed != m.group()
        return fixed

    def dash(m: re.Match) -> str:
        nonlocal changed
        changed = True
        return "— "

    def words(m: re.Match) -> str:
        nonlocal changed
        changed = True
        if m.re is _ELISION_SPACE:
            return m.group(1) + "'"
        return m.group(1) if m.re is _DOT_AFTER_ARTICLE else " "

    if not _WEB.search(text):
        text = _GLUED_DOT.sub(words, text)
    text = _DOT_AFTER_ARTICLE.sub(words, text)
    text = _ELISION_SPACE.sub(words, text)
    text = _GLUED_DASH.sub(dash, text)
    text, n_speck = _SPECK_THOUSANDS.subn(r"\1 ", text)
    text, n_day = _GLUED_DAY.subn(r"\1 ", text)
    text, n_number = _NUMBER_SPECK.subn(r"\1", text)
    changed |= bool(n_speck or n_day or n_number)
    text = _AMOUNT.sub(amount, text)
    text = _DATE.sub(figures, text)
    text = _POSTCODE.sub(figures, text)
    return text, changed


def repair_line(text: str) -> tuple[str, bool]:
    """An OCR'd line cleaned of debris and with its values' shapes repaired; True when a
    value's characters were changed (the line is then to be trusted less)."""
    return repair_values(clean_line(text))


# --------------------------------------------------------------------------- cue words

# letters OCR takes for one another in print; a cue word read with one of them swapped is
# still that cue word
_CONFUSABLE = [
    "il1|íìïîI",
    "eéèêëc",
    "oòóôö0",
    "uùûün",
    "aàâá",
    "s5",
    "cç",
]
_CLASS_OF = {c: k for k, group in enumerate(_CONFUSABLE) for c in group}
# a capital I read for a lowercase l in the shortest words: "Ia", "Ie", "Ies", "I'audience"
_I_FOR_L = re.compile(r"(?<![\w'])I(?=(?:a|e|es)\b|'[a-zà-ÿ])")
# an accent added to the article before a name in capitals: "à la requête de là SA …"
_LA_ACCENT = re.compile(r"(?<![\w'])([lL])à(?=\s+[A-ZÀ-Þ]{2,}\b)")
# a rule word: letters and classes of letters ("d[ée]fendeur"), an escape removed first
_FRAGMENT = re.compile(r"(?<![\w\]])(?:[a-zà-ÿ]|\[[a-zà-ÿ]+\])+(?![\w\[])", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{5,}")


def _plain(c: str) -> str:
    return unicodedata.normalize("NFD", c)[0]


def _cased(word: str, target: str) -> str:
    return "".join(t.upper() if c.isupper() else t for c, t in zip(word, target))


def plain(text: str) -> str:
    """Lower case without accents, letter for letter (offsets into `text` stay true)."""
    return "".join(_plain(c).lower()[:1] or c for c in text)


class CueWords:
    """The words of the rules' patterns (labels, cue words), to recognise them in OCR'd text
    when one letter came out wrong: an accent added or lost (« Baïlleur »), a look-alike
    (« Locatalre »), « Ia » for « la ». A word is only mended into a word the rules know,
    letter for letter: the text keeps its length, so offsets into it stay true."""

    def __init__(self, sources: list[str]):
        self.fragments: dict[str, list[re.Pattern]] = {}
        for source in sources:
            for frag in _FRAGMENT.findall(re.sub(r"\\[A-Za-z]", " ", source)):
                plain = re.sub(r"\[([^\]]+)\]", lambda m: m.group(1)[0], frag).lower()
                if len(plain) >= 5:
                    key = "".join(_plain(c) for c in plain)
                    self.fragments.setdefault(key, []).append(re.compile(frag, re.IGNORECASE))
        self.by_length: dict[int, list[str]] = {}
        for key in self.fragments:
            self.by_length.setdefault(len(key), []).append(key)

    def _known(self, word: str, key: str) -> bool:
        return any(rx.fullmatch(word) for rx in self.fragments.get(key, ()))

    def _mended(self, word: str) -> str | None:
        folded = "".join(_plain(c) for c in word.lower())
        if folded in self.fragments:
            if self._known(word, folded):
                return None
            target = folded
        else:
            target = None
            if len(word) >= 7:
                for key in self.by_length.get(len(folded), ()):
                    diff = [i for i, (a, b) in enumerate(zip(folded, key)) if a != b]
                    if len(diff) == 1:
                        i = diff[0]
                        a, b = word.lower()[i], key[i]
                        if a in _CLASS_OF and _CLASS_OF[a] == _CLASS_OF.get(b):
                            target = key
                            break
            if target is None:
                # a letter seen twice, once with an accent: "Baiïlleur" (a space keeps the
                # length: offsets into the text stay true)
                for i in range(1, len(folded)):
                    shorter = folded[:i] + folded[i + 1 :]
                    if folded[i] == folded[i - 1] and shorter in self.fragments:
                        return _cased(word[:i] + word[i + 1 :], shorter) + " "
                return None
        return _cased(word, target)

    def restore(self, text: str) -> str:
        """`text` with its cue words mended (same length)."""
        text = _I_FOR_L.sub("l", text)
        text = _LA_ACCENT.sub(r"\1a", text)

        def mend(m: re.Match) -> str:
            return self._mended(m.group()) or m.group()

        return _WORD.sub(mend, text)
