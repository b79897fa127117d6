"""What a scan adds to a page besides the document, and the values it spoils.

- `stamps_blanked(doc, patterns)`: an office's arrival stamp (« COURRIER ARRIVÉ »,
  « REÇU LE 25 OCT. 2025 ») is the office's, not the sender's: its words and the date it
  stamps are blanked on OCR'd pages, letter for letter (offsets and OCR lines stay true),
  so that the stamp's date is never taken for the letter's and its words never end a name
  (« BOYER COURRIER ARRI »). The spans blanked are returned: a value read on the same line
  was read under the stamp's ink, and is flagged.
- `lone_letters(ex, scanned)`: a pen stroke or a speck read as a lone letter inside a name
  (« Brigitte D PICARD »): dropped on a scan (an initial keeps its full stop), flagged.
- `sentence_glued(ex)`: an organisation's name followed by the next sentence
  (« CCAS de Gardanne. à Gardanne »): cut at the full stop, flagged.
- `children_unread(ex, text)`: a form listing more people born in the last 18 years than
  the children read (a row lost under the blur): the count is flagged.
- `persons_unread(ex, text)`: a document stating more adults' births than the persons
  read (a défendeur's line spoiled): the persons are flagged.
- `birth_unread(ex, text)`: a birth written after « né(e) le » that reads as no date
  (« le er avril 1997 ») while a person has none: the persons are flagged.

Each only ever adds to `champs_incertains`: a person checks what a scan may have spoiled.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .french import parse_date
from .readers import Document
from .readers.document import PAGE_BREAK

# what an arrival stamp dates: « REÇU LE 25 OCT. 2025 », « ARRIVÉ LE 3/11/25 »
_STAMP_DATE = re.compile(
    r"\s*\d{1,2}\s*[./-]?\s*(?:[A-ZÉÛa-zéû]{3,9}\.?|\d{1,2})\s*[./-]?\s*(?:\d{4}|\d{2})\b"
)
_DATED = re.compile(r"\bLE$")

# names a lone letter may be debris in; organisations keep theirs (« SCI A »)
_NAME_FIELDS = ("prescripteur", "commissaire_justice")
_ORGANISATION_FIELDS = ("organisme_prescripteur", "bailleur", "juridiction")


def stamps_blanked(doc: Document, patterns: list[str]) -> tuple[Document, list[tuple[int, int]]]:
    """`doc` with its OCR'd pages' stamp words (and the date after « … LE ») turned to
    spaces, and the spans of `doc.text` blanked."""
    if not patterns or not doc.ocr:
        return doc, []
    stamp = re.compile("|".join(f"(?:{p})" for p in patterns))
    pages, spans, offset = [], [], 0
    for i, page in enumerate(doc.pages):
        scanned = i < len(doc.page_confidence) and doc.page_confidence[i] is not None
        chars = list(page)
        for m in stamp.finditer(page) if scanned else ():
            end = m.end()
            if _DATED.search(m.group(0)):
                date = _STAMP_DATE.match(page, end)
                end = date.end() if date else end
            chars[m.start() : end] = [c if c == "\n" else " " for c in page[m.start() : end]]
            spans.append((offset + m.start(), offset + end))
        pages.append("".join(chars))
        offset += len(page) + len(PAGE_BREAK)
    if not spans:
        return doc, []
    return replace(doc, pages=pages), spans


def lone_letters(ex, scanned: bool) -> set[str]:
    """Names holding a lone letter without a full stop: dropped on a scan, flagged."""
    doubtful: set[str] = set()

    def mended(value: str | None) -> str | None:
        if not value:
            return value
        words = value.split()
        kept = [w for w in words if not re.fullmatch(r"[^\W\d_]", w)]
        if len(kept) == len(words) or not kept:
            return value
        return " ".join(kept) if scanned else value

    for name in _NAME_FIELDS:
        value = getattr(ex, name, None)
        if _has_lone(value):
            setattr(ex, name, mended(value))
            doubtful.add(name)
    for p in ex.personnes:
        if _has_lone(p.nom) or _has_lone(p.prenom):
            p.nom, p.prenom = mended(p.nom), mended(p.prenom)
            doubtful.add("personnes")
    return doubtful


def _has_lone(value) -> bool:
    return isinstance(value, str) and any(
        re.fullmatch(r"[^\W\d_]", w) for w in value.split()[1:] + value.split()[:-1]
    )


_FORM_GLUED = re.compile(r"^(SCI|SARL|SAS|SASU|SA|SNC|EURL|SCP|ESH|OPH)\s*[-–—]\s*(?=[A-ZÀ-Ý]{2})")


# a form's label kept before the service it names when the cell's rule or the colon was
# lost (« Service |CCAS d'Échirolles » read « Service ICCAS … », « Service Agence … »)
_LABEL_GLUED = re.compile(
    r"^(?:Service|Structure|Organisme)\s*[|Il]?\s*(?=(?:CCAS|CIAS|UDAF|CAF|MDS|SIAO|Agence|"
    r"Maison|Centre|Mairie|Direction|P[ôo]le|Association|Conseil)\b)"
)


def sentence_glued(ex) -> set[str]:
    """Organisations' names that go on past a full stop into lower-case words; a company's
    legal form joined to its name by a stroke (« SCI-LES GLYCINES »), a speck between them;
    a form's label kept before the service's name."""
    doubtful: set[str] = set()
    label = isinstance(ex.organisme_prescripteur, str) and _LABEL_GLUED.match(
        ex.organisme_prescripteur
    )
    if label:
        ex.organisme_prescripteur = ex.organisme_prescripteur[label.end() :]
        doubtful.add("organisme_prescripteur")
    glued = isinstance(ex.bailleur, str) and _FORM_GLUED.match(ex.bailleur)
    if glued:
        ex.bailleur = f"{glued.group(1)} {ex.bailleur[glued.end() :]}"
        doubtful.add("bailleur")
    for name in _ORGANISATION_FIELDS:
        value = getattr(ex, name, None)
        m = isinstance(value, str) and re.search(r"(?<=[^\W\d_]{4})\.\s+(?=[a-zà-ÿ])", value)
        if m:
            setattr(ex, name, value[: m.start()].rstrip())
            doubtful.add(name)
    return doubtful


# a household row: a surname in capitals, then its birth date (« BLANC Nathalie 07/08/2018 »)
_PERSON_ROW = re.compile(
    r"\b[A-ZÀ-Ý][A-ZÀ-Ý'\-]+\b[^\n\d€]{0,40}?\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"
)
# or its birth date first, then the surname in capitals and a first name
# (« 14/06/2012 BARBIER Nadia collège »)
_DATED_ROW = re.compile(
    r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b[^\n\d€]{0,12}?\b[A-ZÀ-Ý][A-ZÀ-Ý'\-]+\s+[A-ZÀ-Ý][a-zà-ÿ]"
)
_DATE_FIELDS = ("date_document", "date_dette", "date_audience", "date_limite", "date_bail")


def children_unread(ex, text: str) -> set[str]:
    """A form listing more people born less than 18 years before it than the children read:
    a row the scan blurred was lost, the count is flagged."""
    if ex.type_document != "fiche_prescription" or ex.nb_enfants is None:
        return set()
    when = ex.date_document or date.today()
    born = set()
    for m in [*_PERSON_ROW.finditer(text), *_DATED_ROW.finditer(text)]:
        try:
            day = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if day in {getattr(ex, name, None) for name in _DATE_FIELDS}:
            continue  # the form's own dates (« Arriéré au 30/06/2025 ») are no one's birth
        if when.replace(year=when.year - 18) < day < when - timedelta(days=1):
            born.add(day)
    return {"nb_enfants"} if len(born) > ex.nb_enfants else set()


# a person's birth as an act states it: « né le 4 décembre 1988 », « née le 19/05/1952 »
_BORN = re.compile(r"\bn[ée]e?\s*(?:\(e\)\s*)?le\s+", re.IGNORECASE)
# an adult's birth: at least this many years before the document
ADULT_AGE = 16


def persons_unread(ex, text: str) -> set[str]:
    """A document stating more adults' births than the persons read (a défendeur whose line
    a scan spoiled, « Cemeueant » for « demeurant »; a form's « Conjoint(e) » whose colon a
    fax lost): the persons are flagged. An adult child listed as such is no one missed."""
    if ex.type_document == "inconnu" or not ex.personnes:
        return set()
    when = ex.date_document or date.today()
    # the landlord, when a person, is born too: a birth stated after their name is theirs
    others = [w for v in (ex.bailleur, ex.mandataire) if v for w in re.findall(r"\w{3,}", v)]
    births = set()
    for m in _BORN.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if any(re.search(rf"\b{re.escape(w)}\b", before) for w in others):
            continue
        day = parse_date(text[m.end() : m.end() + 40])
        if day and day < when.replace(year=when.year - ADULT_AGE):
            births.add(day)
    births -= {p.date_naissance for p in [*ex.personnes, *ex.enfants]}
    unread = len(births) - sum(1 for p in ex.personnes if not p.date_naissance)
    # a form's children counted but not listed may be the births over the age (« Marie-Claire
    # N'DIAYE, né(e) le 22/03/2008 », 17, among the « enfants à charge »)
    unread -= max(0, (ex.nb_enfants or 0) - len(ex.enfants))
    # a birth stated that no one read has, beside a person read without one: it was theirs
    # (« BONNET Marie-Claire, née le 10/04/1962 » on a line a photocopy spoiled)
    untied = births and any(not p.date_naissance for p in ex.personnes)
    return {"personnes"} if unread > 0 or untied else set()


# what a birth cue is followed by when a date was written there: figures
_FIGURE = re.compile(r"\d")


def birth_unread(ex, text: str) -> set[str]:
    """A birth written after « né(e) le » that no date reading makes out (« Né(e) le er
    avril 1997 », the « 1 » of « 1er » lost; « 15/05/197 »; « 25:06@ERVICE » under a
    stamp), while a person has no birth date: the persons are flagged, on any document."""
    if not any(not p.date_naissance for p in ex.personnes):
        return set()
    for m in _BORN.finditer(text):
        line = text[m.end() :].split("\n", 1)[0][:40]
        if _FIGURE.search(line) and parse_date(line) is None:
            return {"personnes"}
    return set()
