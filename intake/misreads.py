"""Values a scan misread while Tesseract was sure of the line: no weak word marks them, so
each is caught by a check on the value itself or on the rest of the document.

    misreads(ex, text, scanned) -> set[str]

- a cedilla where French puts none (« Jessiça »: ç only stands before a, o, u);
- a name of fewer than three letters (« F » read for a landlord off « DEF : »);
- a surname cut at a hyphen with a space after it (« SAINT- MARTIN »): joined, flagged;
- a street address whose number was read as a short word (« En rue Pasteur ») or that
  holds a stray letter (« rue des s Écoles »);
- an amount with a figure and a speck right before it (« 1:513,91 € » read as 513,91):
  its thousands were cut off;
- on a scan, a name the document prints elsewhere one letter apart (« LEFEVRE-OUBOIS »
  beside « LEFEVRE-DUBOIS », « DUCHÈNE » beside « DUCHÊNE »): one of the two is misread.

    figures_stumbled(ex, doc) -> set[str]
    label_unread(ex, doc) -> set[str]

A date, an hour or an amount read on a line where OCR was unsure of a word holding figures;
an act's amount left empty while an amount no field took follows a word OCR could not read.

Each only ever adds to `champs_incertains` (and mends only what cannot be meant).
"""

from __future__ import annotations

import re
from datetime import date

from asll.domain.text import fold

from .french import parse_montant
from .readers.document import PAGE_BREAK

_ODD_CEDILLA = re.compile(r"[çÇ](?=[eiyéèêëEIYÉÈÊË])")
_NAME_FIELDS = ("bailleur", "commissaire_justice", "prescripteur", "organisme_prescripteur")
_CUT_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])")
# what begins a street address: its number, or the kind of way when it has none
_STREET_KIND = (
    r"rue|avenue|av|boulevard|bd|place|pl|chemin|allée|allee|impasse|route|quai|cours|square|"
    r"passage|résidence|residence|lotissement|cité|cite|voie|sentier|esplanade|mail|parvis|"
    r"rond-point|promenade|faubourg|hameau|lieu-dit|villa|domaine|clos|montée|ruelle"
)
# (an article may open it: « La place du Marché », « Le Clos des Vignes »)
_NUMBER_MISREAD = re.compile(
    rf"^(?![\d])(?!(?:{_STREET_KIND}|la|le|les|au|aux)\b)\S{{1,3}}\s+(?:{_STREET_KIND})\b", re.I
)
# a lone letter between two words of an address (« à » and « y » are words; « bis » is not
# one letter; « B » after a number is a building's part: « 12 B rue … »)
_STRAY_LETTER = re.compile(r"(?<=[^\W\d_]) (?![àyAY] )[^\W\d_](?= [^\W\d_])")
_AMOUNT_CUT = re.compile(r"\d[:;'’`]$")


def _amount_text(value: float) -> str:
    whole, cents = f"{value:.2f}".split(".")
    return rf"(?<![\d]){int(whole):,}".replace(",", r"[\s.\u202f ]?") + rf",\s?{cents}"


def _cut_amounts(ex, text: str) -> set[str]:
    """Amounts printed right after a figure and a speck: the figures before were lost."""
    doubtful = set()
    values = [("loyer_mensuel", ex.loyer_mensuel), ("montant_dette", ex.montant_dette)]
    values += [("ressources", r.montant) for r in ex.ressources]
    for name, value in values:
        if value is None:
            continue
        for m in re.finditer(_amount_text(value), text):
            if _AMOUNT_CUT.search(text[max(0, m.start() - 2) : m.start()]):
                doubtful.add(name)
    return doubtful


# letters print OCR takes for one another (a stroke lost or added): « D » and « O »,
# « B » and « R »; two names one of these apart are one name misread, « BOYER » and
# « LOYER » are two words
_LOOK_ALIKE = {
    frozenset(pair)
    for pair in "do oq oc cg ce eo br be bp pr ef fp ft il it ij lt hn hb mn nu nr uv vy ao kx ae".split()
}


# two letters OCR reads as one (« GARNIER » read « GARMER »: « NI » made « M »)
_TWO_FOR_ONE = {"m": ("rn", "ni", "in", "nn", "iu", "ui"), "w": ("vv",), "d": ("cl",)}


def _one_letter_apart(a: str, b: str) -> bool:
    """Two spellings of the same length that differ by an accent only (capitals aside:
    French often prints them bare) or by one letter OCR takes for the other; or one
    spelling with one letter where the other has the two OCR reads as it."""
    if abs(len(a) - len(b)) == 1 and a.isupper() == b.isupper():
        short, long_ = sorted((fold(a), fold(b)), key=len)
        for k, letter in enumerate(short):
            if any(
                short[:k] + pair + short[k + 1 :] == long_ for pair in _TWO_FOR_ONE.get(letter, ())
            ):
                return True
        return False
    if len(a) != len(b) or a == b:
        return False
    if (a[0].isupper(), a.isupper()) != (b[0].isupper(), b.isupper()):
        return False  # « Océane » and an e-mail's « oceane » are written apart, not misread
    x, y = fold(a), fold(b)
    if x == y:
        return True
    differ = [frozenset((p, q)) for p, q in zip(x, y) if p != q]
    return len(differ) == 1 and differ[0] in _LOOK_ALIKE


_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _read_twice_apart(ex, text: str) -> set[str]:
    """Names (a person's, the officer's, the prescriber's) the document also prints one
    letter apart."""
    tokens = set(_TOKEN.findall(text))
    doubtful = set()

    def apart(value: str | None) -> bool:
        return any(
            len(w) >= 4 and w in tokens and any(_one_letter_apart(w, t) for t in tokens)
            for w in _TOKEN.findall(value or "")
        )

    if any(apart(p.nom) or apart(p.prenom) for p in ex.personnes):
        doubtful.add("personnes")
    for name in ("commissaire_justice", "prescripteur"):
        if apart(getattr(ex, name, None)):
            doubtful.add(name)
    return doubtful


def misreads(ex, text: str, scanned: bool) -> set[str]:
    """Fields of `ex` whose value reads as a misreading (see the module's list)."""
    doubtful: set[str] = set()
    for p in ex.personnes:
        for part in ("nom", "prenom"):
            value = getattr(p, part)
            if not value:
                continue
            if _CUT_HYPHEN.search(value):
                setattr(p, part, _CUT_HYPHEN.sub("-", value))
                doubtful.add("personnes")
            if _ODD_CEDILLA.search(value):
                doubtful.add("personnes")
    for name in _NAME_FIELDS:
        value = getattr(ex, name, None)
        if isinstance(value, str) and (
            _ODD_CEDILLA.search(value) or len(re.sub(r"[\W\d_]", "", value)) < 3
        ):
            doubtful.add(name)
    if isinstance(ex.adresse, str) and (
        _NUMBER_MISREAD.search(ex.adresse) or _STRAY_LETTER.search(ex.adresse)
    ):
        doubtful.add("adresse")
    doubtful |= _cut_amounts(ex, text)
    if scanned:
        doubtful |= _read_twice_apart(ex, text)
    return doubtful


# values of figures whose line may hold the figures OCR stumbled on
_FIGURE_FIELDS = (
    "heure_audience",
    "date_audience",
    "date_document",
    "date_dette",
    "date_limite",
    "loyer_mensuel",
    "montant_dette",
)


def figures_stumbled(ex, doc) -> set[str]:
    """Values of figures (a date, an hour, an amount) read on a line where OCR was unsure of
    a word holding figures (« à 14:h 30 » read as 14:00): the value may be composed of what
    was read wrong, though the line as a whole was read with confidence."""
    if not doc.ocr_weak_words:
        return set()
    pages = doc.text.split(PAGE_BREAK)
    starts, at = [], 0
    for page in pages:
        starts.append(at)
        at += len(page) + len(PAGE_BREAK)
    doubtful = set()
    for name in _FIGURE_FIELDS:
        place = ex.provenance.get(name) or {}
        page, line = place.get("page"), place.get("ligne")
        if getattr(ex, name, None) is None or not page or not line or page > len(pages):
            continue
        offset = starts[page - 1]
        for _ in range(line - 1):
            offset = doc.text.find("\n", offset) + 1
            if offset == 0:
                break
        end = doc.text.find("\n", offset)
        end = len(doc.text) if end < 0 else end
        value = getattr(ex, name)
        if _printed_surely(value, doc):
            continue  # the page prints it whole where OCR was sure: the value stands
        figures = _figures_of(value)
        for s, e, _ in doc.ocr_weak_words:
            runs = re.findall(r"\d+", doc.text[s:e])
            # a year alone is in every date of the line: it tells which one it spoils; a
            # lone figure (« 1°) ») is in nearly every value
            if (
                offset <= s < end
                and len("".join(runs)) >= 2
                and not (len(runs) == 1 and re.fullmatch(r"(?:19|20)\d\d", runs[0]))
                and all(r in figures for r in runs)
            ):
                doubtful.add(name)  # the stumbled word's figures are the value's
    return doubtful


def _printed_surely(value, doc) -> bool:
    """Whether the page prints `value` in figures somewhere no weak word touches."""
    if isinstance(value, date):
        shown = {f"{value:%d/%m/%Y}", f"{value.day}/{value.month:02d}/{value.year}"}
    elif isinstance(value, float | int):
        whole, cents = f"{value:.2f}".split(".")
        shown = {f"{int(whole):,}".replace(",", " ") + f",{cents}", f"{whole},{cents}"}
    else:
        hour, minute = str(value).split(":") if ":" in str(value) else (str(value), "00")
        shown = {f"{hour}:{minute}", f"{hour}h{minute}", f"{hour} h {minute}"}
    for needle in shown:
        for m in re.finditer(rf"(?<![\d,]){re.escape(needle)}(?![\d,])", doc.text):
            if not any(s < m.end() and m.start() < e for s, e, _ in doc.ocr_weak_words):
                return True
    return False


def _figures_of(value) -> str:
    """The figures a value is printed with, in its usual writings (« 8/08/2025 » and
    « 08/08/2025 », « 14:00 » and « 14 h »)."""
    if isinstance(value, date):
        return f"{value:%d%m%Y} {value.day}{value.month}{value.year}"
    if isinstance(value, float | int):
        return f"{value:.2f}".replace(".", "")
    return re.sub(r"\D", "", str(value))


# an amount as a form prints it, with or without its currency
_FIGURES = re.compile(r"(?<![\d,.])\d{1,3}(?:[  .]?\d{3})*,\d{2}(?![\d])")


def parts_stumbled(ex, doc) -> set[str]:
    """A rent the page does not print, made by adding two amounts it does (« Loyer hors
    charges 681,18 » and « Charges 136,65 »), one of which OCR read unsurely: the sum
    carries the misread figure, though no weak word spells it."""
    if not doc.ocr_weak_words or not ex.loyer_mensuel:
        return set()
    text = doc.text
    cents = round(ex.loyer_mensuel * 100)
    found = [
        (m.start(), m.end(), round(parse_montant(m.group()) * 100)) for m in _FIGURES.finditer(text)
    ]
    if any(value == cents for _, _, value in found):
        return set()  # printed as such: the weak-word checks see it
    for i, (s1, e1, a) in enumerate(found):
        for s2, e2, b in found[i + 1 :]:
            if a + b != cents:
                continue
            if any((s < e1 and s1 < e) or (s < e2 and s2 < e) for s, e, _ in doc.ocr_weak_words):
                return {"loyer_mensuel"}
    return set()


_AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:[  .]?\d{3})*,\d{2}\s?(?:€|euros?\b)")
# the amounts of an act or a letter a person looks for
_AMOUNT_FIELDS = ("loyer_mensuel", "montant_dette")


def label_unread(ex, doc) -> set[str]:
    """An act's or a letter's amount fields left empty while the page prints an amount no
    field took right after a word OCR could not read (« éyer: mensuel de 744,30 € », the
    label « loyer » garbled): the amount may be the one missing."""
    if ex.type_document not in ("assignation", "saisine_prefecture") or not doc.ocr_weak_words:
        return set()
    empty = {name for name in _AMOUNT_FIELDS if getattr(ex, name, None) is None}
    if not empty:
        return set()
    taken = {getattr(ex, name, None) for name in _AMOUNT_FIELDS}
    text = doc.text
    for m in _AMOUNT.finditer(text):
        if parse_montant(m.group()) in taken:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = max(line_start, m.start() - 30)
        if any(
            before <= s < m.start() and not any(c.isdigit() for c in text[s:e])
            for s, e, _ in doc.ocr_weak_words
        ):
            return empty
    return set()
