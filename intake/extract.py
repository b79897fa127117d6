"""Read → classify → extract: one document in, one `Extraction` (the contract) out.

    extract(path, extra_rules_dir=None) -> Extraction
    extract_document(doc, fichier, extra_rules_dir=None) -> Extraction

A préfecture letter followed in the same file by the copy of the assignation is one
`saisine_prefecture`: the letter gives `reference`, `date_document`, `date_limite`; the
copy gives the assignation's fields (the letter fills what the copy does not say). Two
late readings fill what the rules left empty or doubtful: a date written without its year
(`[sans_annee]`, parsers/yearless.py) and a court whose kind and seat a wrapped table cell
split (parsers/courts.py); the second is always flagged.

Every field is read guarded: a bug in one field's parser leaves that field empty and
flagged uncertain (logged without any personal data); it never sets the document aside.
Values are checked alone (`checks.plausible`, the next candidate is taken) and against
each other (`checks.cross_check`); whatever fails is flagged for a person to check.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from asll.domain import communes
from asll.domain.model import Extraction

from . import pattern_store
from .accents import accents_lost
from .checks import cross_check, dependents, plausible
from .classify import (
    Classification,
    classify,
    lists_households,
    marks_missing,
    near_type,
    type_without_its_word,
)
from .debris import (
    birth_unread,
    children_unread,
    lone_letters,
    persons_unread,
    sentence_glued,
    stamps_blanked,
)
from .engine import Found, RuleSet, compile_pattern, find_field, load_rules
from .french import compile_expressions, spelled_forms
from .misreads import figures_stumbled, label_unread, misreads, parts_stumbled
from .ocr import SEUIL_CONFIANCE
from .ocr_repair import CueWords, plain
from .parsers.addresses import find_address
from .parsers.courts import court_completed, court_cut_by_layout, court_of_judge_town
from .parsers.forms import parse_form
from .parsers.grids import realign, table_doubts
from .parsers.landlords import find_bailleur, statut_from_bailleur, statut_from_designation
from .parsers.persons import find_persons
from .parsers.yearless import yearless_date
from .pieces import annexes_set_apart
from .readers import Document, read_document
from .readers.document import PAGE_BREAK

log = logging.getLogger(__name__)


def extract(path: Path, extra_rules_dir: Path | None = None) -> Extraction:
    """Extract one file. Raises `intake.errors.UnreadableDocument` when it cannot be read."""
    path = Path(path)
    return extract_document(read_document(path), path.name, extra_rules_dir=extra_rules_dir)


@lru_cache(maxsize=8)
def rules_for(extra: str | None) -> dict[str, RuleSet]:
    """The bundled rules merged with a service's folder (`extra`), loaded once; their
    patterns are compiled when first used."""
    return load_rules(Path(extra) if extra else None)


# What compiling ahead assumes of a text it has not seen yet: acts open with "L'an deux
# mille…"; other numbers are mostly written in figures (see `french.spelled_forms`).
USUAL_SPELLED = frozenset({"an"})


def compile_ahead(extra: str | None, spelled: frozenset[str] | None = None) -> Iterator[None]:
    """Compile the patterns of the rules (`rules_for(extra)`) one at a time, yielding after
    each, so that a caller with time to spare (waiting for a reading child) compiles what
    the extraction will use and stops as soon as the text arrives.

    Compiling is most of the cost of a first extraction (the table of communes is loaded
    too). Rule sets that others inherit
    come first (the assignation's patterns also read the préfectures' letters); in each
    set, its fields in the order they are read, then the strings of its free sections
    (persons, addresses, cues; a string that is no pattern is skipped). The fields'
    patterns are compiled for a text with the numbers in words `spelled` (None: any)."""
    rules = rules_for(extra)
    compile_expressions()
    yield
    communes.source()  # loads the table of communes, which the checks read
    yield
    heirs = {name: sum(name in rs.inherits for rs in rules.values()) for name in rules}
    for name in sorted(rules, key=lambda n: -heirs[n]):
        for rule in rules[name].fields.values():
            for source in rule.sources + rule.weak_sources:
                compile_pattern(source, spelled)
                yield
        yield from _compile_strings(rules[name].data)
    pattern_store.save()  # the next run builds them from the cache


def _compile_strings(value) -> Iterator[None]:
    if isinstance(value, str):
        try:
            compile_pattern(value)
        except Exception:  # noqa: BLE001 - not every string is a pattern (option values)
            pass
        yield
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _compile_strings(item)


def extract_document(
    doc: Document,
    fichier: str,
    extra_rules_dir: Path | None = None,
    forced_type: str | None = None,
) -> Extraction:
    """The document's values; `forced_type` (a type a person chose for a file set aside)
    replaces the classification."""
    extra = str(extra_rules_dir) if extra_rules_dir else None
    rules = rules_for(extra)
    stamped: list[tuple[int, int]] = []
    if doc.ocr or doc.kind in ("pdf_scan", "image"):
        doc = _cues_restored(doc, extra)
        # an arrival stamp's words and date are the office's, not the document's
        doc, stamped = stamps_blanked(doc, _stamp_words(extra))
    doc, annexes = annexes_set_apart(doc, rules)
    text = doc.text
    cls = classify(text, rules)
    if cls.type != "inconnu" and lists_households(doc.tables, rules):
        # a list of dossiers is not one: set aside to sort, never a household picked from it
        cls = Classification("inconnu", cls.scores)
    if forced_type is not None and forced_type != cls.type:
        if forced_type not in rules:
            raise ValueError(f"unknown document type: {forced_type}")
        cls = Classification(forced_type, cls.scores)
    ex = Extraction(fichier=fichier, type_document=cls.type)
    if cls.type == "inconnu":
        ex.champs_incertains = _unknown_but_near(cls, rules, doc)
        return ex
    rs = rules[cls.type]
    uncertain: set[str] = set()
    if doc.ocr and type_without_its_word(cls, rules, text):
        uncertain.add("type_document")
    reader = _Reader(doc, spelled_forms(text))
    if cls.type == "saisine_prefecture" and marks_missing(text, rules.get("assignation"), cls.type):
        # none of a letter's marks (object, salutation, closing formula, signature by
        # delegation): perhaps an act that speaks of the préfet
        uncertain.add("type_document")

    if cls.type == "fiche_prescription":
        with _guard("formulaire", uncertain):
            form, doubtful = parse_form(doc, rs.data)
            form.fichier, ex = fichier, form
            uncertain |= doubtful
        with _guard("formulaire", uncertain):
            uncertain |= _read_on_weak_lines(ex, doc, rs.data.get("formulaire", {}))
        if not ex.statut_occupation and ex.bailleur:
            ex.statut_occupation = statut_from_bailleur(ex.bailleur, rs.data)
        _locate_form_values(ex, doc)
    else:
        if cls.split_at is not None:
            letter, act, act_offset = text[: cls.split_at], text[cls.split_at :], cls.split_at
        else:
            letter, act, act_offset = text, text, 0
        # the letter's own fields
        _fill(ex, reader.read(rs, letter, 0, _filled(ex)), uncertain, text, doc)
        # the act's fields (read in the copy, then in the letter for what is missing)
        parents = [rules[n] for n in rs.inherits if n in rules] or [rs]
        # a letter's date is its own: what the act's rules read for it (« délivré le … ») is
        # the day the act was served, kept as such, never the letter's date
        own = {"date_document"} if rs.inherits else set()
        for parent in parents:
            _fill(ex, reader.read(parent, act, act_offset, _filled(ex) | own), uncertain, text, doc)
            if act is not letter:
                _fill(ex, reader.read(parent, letter, 0, _filled(ex) | own), uncertain, text, doc)
        _parties(ex, rs.data, act, act_offset, letter, reader, uncertain)
        with _guard("grille", uncertain):
            _realigned_grid(ex, rs, parents, letter, uncertain, doc)
            uncertain |= table_doubts(doc.tables, rs.data.get("grille", {}), ex)
        for name, patterns in rs.data.get("sans_annee", {}).items():
            if getattr(ex, name) and name not in uncertain:
                continue
            with _guard(name, uncertain):
                found = yearless_date(text, patterns, ex.date_document or date.today())
                if found:
                    setattr(ex, name, found[0])
                    (uncertain.discard if found[1] else uncertain.add)(name)
        with _guard("pieces", uncertain):
            _commandement_annexed(ex, annexes, rules, reader)
        with _guard("juridiction", uncertain):
            # a seat in words without hyphens, read up to its first space: the whole name
            whole = court_completed(ex.juridiction, text)
            if whole:
                ex.juridiction = whole
        if not ex.juridiction:
            with _guard("juridiction", uncertain):
                # kind and seat split by a wrapped cell: put together, flagged
                ex.juridiction = court_cut_by_layout(text)
                if ex.juridiction:
                    uncertain.add("juridiction")
                else:
                    # the judge named by the town he sits in: the one court of that seat
                    ex.juridiction = court_of_judge_town(text)

    if ex.type_document == "assignation" and ex.date_document:
        ex.date_assignation = ex.date_document  # the act's date is the date it was served
    with _guard("controles", uncertain):
        uncertain |= _status_against_landlord(ex, rs.data)
        uncertain |= cross_check(ex, text)
        uncertain |= lone_letters(ex, doc.ocr) | sentence_glued(ex) | children_unread(ex, text)
    with _guard("lectures", uncertain):
        uncertain |= misreads(ex, text, doc.ocr) | persons_unread(ex, text)
        uncertain |= birth_unread(ex, text)
        uncertain |= accents_lost(ex, text) if doc.ocr else set()
    with _guard("tampon", uncertain):
        uncertain |= _read_on(_under_stamp(stamped, doc), ex, doc) if stamped else set()
    with _guard("mots incertains", uncertain):
        uncertain |= _read_on_weak_words(ex, doc) | figures_stumbled(ex, doc)
        uncertain |= label_unread(ex, doc) | parts_stumbled(ex, doc)
    filled = _filled(ex)
    uncertain |= {name for name in rs.data.get("champs_attendus", []) if name not in filled}
    uncertain |= _stated_but_empty(
        text, [rs] + [rules[n] for n in rs.inherits if n in rules], filled
    )
    uncertain |= dependents(ex, uncertain)
    ex.champs_incertains = [name for name in _field_order() if name in uncertain]
    filled = _filled(ex)  # a check may have emptied a value: no place for what is not there
    ex.provenance = {k: v for k, v in ex.provenance.items() if k in filled}
    return ex


def _commandement_annexed(ex: Extraction, annexes, rules, reader: "_Reader") -> None:
    """The date and sum of a commandement filed with the act, when the act does not say
    them (its own debt and date are not the act's)."""
    act = next((rs for rs in rules.values() if rs.data.get("pieces_jointes")), None)
    wanted = {"date_document": "date_commandement", "montant_dette": "montant_commandement"}
    for piece in annexes if act else ():
        found = reader.read(act, piece.text, piece.start, set(act.fields) - set(wanted))
        for name, key in wanted.items():
            if getattr(ex, key) is None and name in found and found[name].value is not None:
                setattr(ex, key, found[name].value)


def _locate_form_values(ex: Extraction, doc: Document) -> None:
    """Where a form's values were read (its reader keeps no offsets): the place its text
    spells each value given as written (names, addresses, the landlord…) and the first
    adult's name, a field's own line first; a date or an amount where it is printed in one
    of its usual writings (`_renderings`). A value spelled otherwise (a date in words) has
    none."""
    text = doc.text
    folded = text.casefold()  # same length as the text for the letters of French
    if len(folded) != len(text):
        return
    wanted = {
        name: value
        for name in _FIELDS
        if isinstance(value := getattr(ex, name, None), str) and len(value.strip()) >= 3
    }
    if ex.personnes and ex.personnes[0].nom:
        wanted["personnes"] = ex.personnes[0].nom
    for name, value in wanted.items():
        value = value.strip()
        spelled = re.escape(value.casefold())
        # a field's own value first, closing its line or cell ("Commune : 52200 Langres"),
        # then anywhere it is spelled
        match = re.search(rf"(?:^|\s)({spelled})\s*(?:$|\|)", folded, re.M) or re.search(
            f"({spelled})", folded
        )
        if match:
            at = match.start(1)
            ex.provenance[name] = where(text, at, doc, at + len(value))
    for name in _FIELDS - wanted.keys():
        value = getattr(ex, name, None)
        if isinstance(value, str) or name in ex.provenance:
            continue
        for shown in _renderings(value):
            # not inside a longer number ("1 250,00" is no reading of "250,00")
            match = re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d])", text)
            if match:
                ex.provenance[name] = where(text, match.start(), doc, match.end())
                break


@lru_cache(maxsize=8)
def cue_words(extra: str | None) -> CueWords:
    """The words of every rule file's patterns and data (labels, cue words)."""
    sources: list[str] = []

    def strings(value) -> None:
        if isinstance(value, str):
            sources.append(value)
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                strings(item)

    for rs in rules_for(extra).values():
        for rule in rs.fields.values():
            sources.extend(rule.sources + rule.weak_sources)
        sources.extend(rx.pattern for rx, _ in rs.keywords + rs.head_keywords)
        sources.extend(rx.pattern for rx in rs.required)
        strings(rs.data)
    return CueWords(sources)


def _cues_restored(doc: Document, extra: str | None) -> Document:
    """The document with the cue words of its OCR'd pages mended (« Baïlleur » →
    « Bailleur », « Ia » → « la »): letter for letter, so offsets and OCR lines stay true.
    A page read from its text layer is left as its author typed it."""
    cues = cue_words(extra)
    pages = [
        cues.restore(page)
        if (i >= len(doc.page_confidence) and doc.kind in ("pdf_scan", "image"))
        or (i < len(doc.page_confidence) and doc.page_confidence[i] is not None)
        else page
        for i, page in enumerate(doc.pages)
    ]
    return replace(doc, pages=pages) if pages != doc.pages else doc


def _renderings(value) -> list[str]:
    """How a value of the contract may be printed on the page it was read from."""
    if isinstance(value, date):
        # the day or month without its zero as well (« 8/08/2025 »), as forms are filled in
        shown = [value.strftime("%d/%m/%Y"), value.strftime("%d.%m.%Y")]
        shown += [
            f"{value.day}/{value.month:02d}/{value.year}",
            f"{value.day}/{value.month}/{value.year}",
        ]
        return list(dict.fromkeys(shown))
    if isinstance(value, float | int) and not isinstance(value, bool):
        whole, cents = f"{value:.2f}".split(".")
        grouped = f"{int(whole):,}".replace(",", " ")
        out = [f"{grouped},{cents}", f"{whole},{cents}", f"{grouped.replace(' ', '.')},{cents}"]
        if cents == "00":  # « 650 € », « 1 250 euros »
            out += [f"{n} {unit}" for n in (grouped, whole) for unit in ("€", "euros")]
            out += [f"{n}€" for n in (grouped, whole)]
        return out
    if isinstance(value, str) and len(value) >= 2:
        return [value]
    return []


def _read_on_weak_lines(ex: Extraction, doc: Document, formulaire: dict) -> set[str]:
    """Fields of a scanned form whose value stands only on lines OCR read with low
    confidence (or whose characters it repaired): the form's reader does not say where it
    read a value, so the value is looked for on the page. A weak line (or one holding a weak
    word) naming a kind of resource the reading did not give flags the resources too
    (« RSA |122082e »)."""
    weak = [(s, e) for s, e, conf in doc.ocr_lines if conf < SEUIL_CONFIANCE]
    # a line read surely on the whole but with a mark OCR could not make out (« Ü » for a
    # ticked box): an empty box's own brackets, read weakly on every scan, do not count
    marks = _lines_of([(s, e) for s, e, _ in doc.ocr_weak_words if _a_mark(doc.text[s:e])], doc)
    out = _boxes_on_weak_lines(weak + marks, doc, formulaire)
    out |= _read_on(weak, ex, doc) if weak else set()
    read = {r.type for r in ex.ressources if r.montant is not None}
    # (and a line with a word OCR could not make out: « RSA 384,58 € : Pension … », the
    # separator read weakly, one amount taken for two kinds)
    stumbled = _lines_of([(s, e) for s, e, _ in doc.ocr_weak_words], doc)
    for start, end in weak + stumbled:
        line = doc.text[start:end]
        if any(
            option.get("type") not in read and compile_pattern(option["motif"]).search(line)
            for option in formulaire.get("ressources", [])
        ):
            out.add("ressources")
            break
    return out


# a form's fields chosen by ticking one box of a printed list
_TICKED = ("type_mesure", "statut_occupation", "composition")
# what OCR reads of an empty box (brackets, bars, an underscore) or of a box plainly ticked
_EMPTY_BOX = re.compile(r"[\[\]()|_:;.,'\s-]+|[\[(]?[xX✓✗☒][\])]?")


def _a_mark(word: str) -> bool:
    """Whether a word OCR read weakly may be a box's mark misread (« Ü », « & », « CO »),
    not the brackets of an empty box, a plain « [X] », nor a word of more than two letters."""
    return not _EMPTY_BOX.fullmatch(word) and len(re.sub(r"\W", "", word)) <= 2


def _boxes_on_weak_lines(weak: list[tuple[int, int]], doc: Document, formulaire: dict) -> set[str]:
    """Fields chosen among tick boxes printed on a line OCR read with low confidence (two
    options or more named on it, or on it and the lines either side when the list has one
    option a line): a faint or smudged mark is no choice to trust (« [_] Locataire HLM [|
    Locataire privé Hébergé(e) [| Sous-locataire »)."""
    text = doc.text
    out = set()
    for name in _TICKED:
        options = [(o.get("valeur"), compile_pattern(o["motif"])) for o in formulaire.get(name, [])]
        for start, end in weak:
            if not any(rx.search(text[start:end]) for _, rx in options):
                continue
            # a list printed one option a line: the lines either side are the same list
            above = text[:start].rstrip("\n").rsplit("\n", 1)[-1]
            below = text[end:].lstrip("\n").split("\n", 1)[0]
            around = "\n".join((above, text[start:end], below))
            if len({value for value, rx in options if rx.search(around)}) >= 2:
                out.add(name)
                break
    return out


def _read_on(spans: list[tuple[int, int]], ex: Extraction, doc: Document) -> set[str]:
    """Fields with a value printed only where it overlaps one of `spans` of the text (weak
    OCR lines or words): every place the page spells it (`_renderings`) was read badly."""
    text = plain(doc.text)

    def read_badly(value) -> bool:
        seen = False
        for shown in _renderings(value):
            needle = plain(shown)
            at = text.find(needle)
            while at >= 0:
                if not any(s < at + len(needle) and at < e for s, e in spans):
                    return False
                seen = True
                at = text.find(needle, at + 1)
        return seen

    out = set()
    for name in _FIELDS:
        value = getattr(ex, name, None)
        if name == "personnes":
            parts = [v for p in value for v in (p.nom, p.prenom, p.date_naissance) if v]
        elif name == "ressources":
            parts = [r.montant for r in value if r.montant is not None]
        elif isinstance(value, list):
            continue
        else:
            parts = [value] if value is not None else []
        if any(read_badly(v) for v in parts):
            out.add(name)
    return out


def _stamp_words(extra: str | None) -> list[str]:
    """The patterns of what an arrival stamp says (`[tampon] mots` of the rule files)."""
    sets = rules_for(extra)
    return next((rs.data.get("tampon", {}).get("mots", []) for rs in sets.values()), [])


def _lines_of(spans: list[tuple[int, int]], doc: Document) -> list[tuple[int, int]]:
    """The lines of `doc.text` (start, end) that hold any of `spans`."""
    text = doc.text
    lines = []
    for s, e in spans:
        start = text.rfind("\n", 0, s) + 1
        end = text.find("\n", e)
        lines.append((start, len(text) if end < 0 else end))
    return lines


# the most lines of the page an arrival stamp's words spread over (its three lines of text
# interleaved with the document's)
STAMP_LINES = 8


def _under_stamp(stamped: list[tuple[int, int]], doc: Document) -> list[tuple[int, int]]:
    """The lines a stamp covers: those holding its words, and those between its first and
    last words on a page (« Prénom(s) : Sandrine RE » between « COURRIER ARRIVÉ » and
    « REÇU LE … », its « RE » left) when they are close enough to be one stamp."""
    lines = sorted(_lines_of(stamped, doc))
    text = doc.text
    blocks = list(lines)
    for (s1, _), (_, e2) in zip(lines, lines[1:]):
        between = text[s1:e2]
        if PAGE_BREAK not in between and between.count("\n") < STAMP_LINES:
            blocks.append((s1, e2))
    return blocks


def _read_on_weak_words(ex: Extraction, doc: Document) -> set[str]:
    """Fields of a scan with a word OCR read below `SEUIL_MOT` in every place they are
    printed, whatever their line's mean confidence."""
    if not doc.ocr_weak_words:
        return set()
    return _read_on([(s, e) for s, e, _ in doc.ocr_weak_words], ex, doc)


# the fields a letter's grid gives that may be read again from the rebuilt grid
_GRID_READ = {
    "adresse",
    "code_postal",
    "commune",
    "bailleur",
    "statut_occupation",
    "montant_dette",
    "date_dette",
    "date_audience",
    "heure_audience",
    "loyer_mensuel",
    "juridiction",
    "commissaire_justice",
}


def _realigned_grid(
    ex: Extraction,
    rs: RuleSet,
    parents: list[RuleSet],
    letter: str,
    uncertain: set[str],
    doc: Document | None = None,
) -> None:
    """Fields the letter's summary grid gives once its labels and values, parted by OCR, are
    put back together; read only where nothing else gave them, and always flagged."""
    grid = realign(letter, rs.data.get("grille", {}))
    uncertain |= grid.doubtful & _filled(ex)  # a label alone: what was read for it is a guess
    rebuilt = grid.text
    if rebuilt is None:
        return
    # what was read for a label that found its value line came from the wrong line
    for name in grid.paired & _GRID_READ:
        setattr(ex, name, [] if name == "personnes" else None)
    if "adresse" in grid.paired:
        ex.complement_adresse = None
    before = _filled(ex)
    blind = _Reader(None, spelled_forms(rebuilt))  # offsets of the rebuilt text are not the scan's
    for rules in [rs, *parents]:
        found = blind.read(rules, rebuilt, 0, _filled(ex))
        _fill(ex, found, uncertain)
        if doc is not None:  # shown where the value's line stands in the letter
            for name, f in found.items():
                if f.value is not None and getattr(ex, name, None) == f.value:
                    at = _grid_origin(letter, grid.origin, rebuilt, f.start)
                    if at is not None:
                        ex.provenance[name] = where(doc.text, at, doc)
    again = Extraction(fichier=ex.fichier, type_document=ex.type_document)
    _parties(again, rs.data, rebuilt, 0, rebuilt, blind, set())
    placed = []  # what is taken from the rebuilt grid, and what to find it by
    if len(again.personnes) > len(ex.personnes):
        ex.personnes = again.personnes
        uncertain.add("personnes")
        placed.append(("personnes", ex.personnes[0].nom))
    # a label two lines could fit was left unpaired on purpose: what now follows it in the
    # rebuilt text is no reading of it
    unpaired = grid.doubtful - grid.paired
    for group in (("adresse", "complement_adresse", "code_postal", "commune"), ("bailleur",)):
        if group[0] in unpaired:
            continue
        if not getattr(ex, group[0]) and getattr(again, group[0]):
            for name in group:
                setattr(ex, name, getattr(again, name))
                placed.append((name, getattr(ex, name)))
    for name, value in placed if doc is not None else ():
        at = rebuilt.find(value) if isinstance(value, str) and value else -1
        at = _grid_origin(letter, grid.origin, rebuilt, at) if at >= 0 else None
        if at is not None:
            ex.provenance[name] = where(doc.text, at, doc)
    if ex.bailleur and not ex.statut_occupation:
        ex.statut_occupation = again.statut_occupation
    uncertain |= _filled(ex) - before


def _grid_origin(letter: str, origin: list[int], rebuilt: str, offset: int) -> int | None:
    """The offset in `letter` of the line whose value stands at `offset` of the rebuilt
    grid's text."""
    k = rebuilt.count("\n", 0, offset)
    if k >= len(origin):
        return None
    at = 0
    for _ in range(origin[k]):
        at = letter.find("\n", at) + 1
        if at == 0:
            return None
    return at


def _unknown_but_near(cls: Classification, rules: dict[str, RuleSet], doc: Document) -> list[str]:
    """A scan read badly (a page under `SEUIL_CONFIANCE`) and left « inconnu » while its
    words came near a dossier type's (a fax whose cue words OCR spoiled): its type, and the
    fields that type always states, are flagged, so that a person looks at it as such."""
    low = [c for c in doc.page_confidence if c is not None and c < SEUIL_CONFIANCE]
    near = near_type(cls, rules) if low else None
    if near is None:
        return []
    rs = rules[near]
    flagged = {"type_document", *rs.data.get("champs_attendus", [])}
    return [name for name in _field_order() if name in flagged]


def _status_against_landlord(ex: Extraction, data: dict) -> set[str]:
    """A tenancy ticked public while the landlord's name says private (« SCI LES
    GLYCINES »), or the other way round: the box read was not the one ticked."""
    tenancy = ("locataire_public", "locataire_prive")
    if ex.statut_occupation not in tenancy or not ex.bailleur:
        return set()
    said = statut_from_designation(ex.bailleur, data)  # the lists, not a name's look
    return {"statut_occupation"} if said in tenancy and said != ex.statut_occupation else set()


def _stated_but_empty(text: str, rule_sets: list[RuleSet], filled: set[str]) -> set[str]:
    """Fields whose cue words ([presence] of the rule files) are in the text, read empty."""
    out = set()
    for rs in rule_sets:
        for name, cues in rs.data.get("presence", {}).items():
            if name not in filled and any(compile_pattern(c).search(text) for c in cues):
                out.add(name)
    return out


class _guard:
    """Run one field's parser (or one stage); an exception leaves the rest as it is, flags
    that field, and is logged without any value."""

    def __init__(self, name: str, uncertain: set[str]):
        self.name, self.uncertain = name, uncertain

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or not isinstance(exc, Exception):
            return False
        # the log names the field and the error type only: no value, no household
        log.warning(
            "Lecture du champ « %s » interrompue par une erreur interne (%s) ; "
            "champ laissé vide et signalé à vérifier.",
            self.name,
            type(exc).__name__,
        )
        if self.name in _FIELDS:  # a whole stage (the form, the checks) flags nothing itself
            self.uncertain.add(self.name)
        return True


def _filled(ex: Extraction) -> set[str]:
    return {name for name in _FIELDS if getattr(ex, name, None) not in (None, [], "")}


def _fill(
    ex: Extraction,
    found: dict[str, Found],
    uncertain: set[str],
    text: str | None = None,
    doc: Document | None = None,
) -> None:
    """Set the values found; with `text` (the document's, where the offsets point), record
    where each was read."""
    for name, f in found.items():
        if f.value is None:
            uncertain.add(name)
            continue
        setattr(ex, name, f.value)
        if text is not None:
            end = f.start + len(f.value) if isinstance(f.value, str) else None
            ex.provenance[name] = where(text, f.start, doc, end)
        if f.uncertain:
            uncertain.add(name)


def where(text: str, offset: int, doc: Document | None = None, end: int | None = None) -> dict:
    """The page and line (from 1) of character `offset` of a document's text, and with
    `doc` what shows where it was read: the region of the page ("boite": [x0, top, x1,
    bottom] from the page's top-left corner, PDF points for a PDF, pixels for an image),
    or for a document without pages (Word, ODT) the paragraph or table cell ("extrait").
    A value running on to `end` on the next OCR line gets the box of both lines."""
    offset = max(0, min(offset, len(text)))
    page = text.count(PAGE_BREAK, 0, offset) + 1
    page_start = text.rfind(PAGE_BREAK, 0, offset)
    page_start = 0 if page_start < 0 else page_start + len(PAGE_BREAK)
    out = {"page": page, "ligne": text.count("\n", page_start, offset) + 1}
    if doc is None:
        return out
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    box = _ocr_box(doc, line_start, max(line_end, end or 0)) if doc.ocr_boxes else None
    if box is None and page <= len(doc.line_boxes):
        box = doc.line_boxes[page - 1].get(line.strip())
    if box is None and page <= len(doc.page_words):
        box = _line_box(line.split(), doc.page_words[page - 1])
    if box is not None:
        out["boite"] = [round(float(v), 1) for v in box]
    elif doc.kind in ("docx", "odt", "xlsx"):
        out["extrait"] = _cell(line, offset - line_start)[:EXTRAIT_MAX]
    return out


EXTRAIT_MAX = 300  # characters of a paragraph kept to show where a value was read


def _cell(line: str, at: int) -> str:
    """The table cell ("a | b | c", as the Word and ODT readers write a row) holding
    character `at` of `line`, or the whole line (a paragraph)."""
    start = 0
    for cell in line.split(" | "):
        if at <= start + len(cell):
            return cell.strip()
        start += len(cell) + 3
    return line.strip()


def _ocr_box(doc: Document, start: int, end: int) -> list[float] | None:
    """The union of the boxes of the OCR lines met by `text[start:end]` (a line of the
    text may be two OCR lines: a word cut by a hyphen is joined)."""
    found = [
        box
        for (s, e, _), box in zip(doc.ocr_lines, doc.ocr_boxes)
        if box is not None and s < max(end, start + 1) and e > start
    ]
    if not found:
        return None
    return [
        min(b[0] for b in found),
        min(b[1] for b in found),
        max(b[2] for b in found),
        max(b[3] for b in found),
    ]


def _line_box(tokens: list[str], words: list[tuple]) -> list[float] | None:
    """The box of the first run of the page's words spelling `tokens` (a line of the
    text, whose words pdfplumber also gives, in the same order; the column reader may
    have cut a printed line in two, hence runs, not whole printed lines)."""
    if not tokens:
        return None
    head = tokens[: min(3, len(tokens))]
    for i in range(len(words) - len(head) + 1):
        if [w[0] for w in words[i : i + len(head)]] != head:
            continue
        run = words[i : i + len(tokens)]
        run = [w for k, w in enumerate(run) if w[0] == tokens[k]] or run[:1]
        return [
            round(min(w[1] for w in run), 1),
            round(min(w[2] for w in run), 1),
            round(max(w[3] for w in run), 1),
            round(max(w[4] for w in run), 1),
        ]
    return None


class _Reader:
    def __init__(self, doc: Document | None, spelled: frozenset[str]):
        self.doc = doc
        self.spelled = spelled  # the numbers in words that may stand in the text

    def confidence_at(self, offset: int):
        if self.doc is None or not self.doc.ocr_lines:
            return None
        return self.doc.confidence_at(offset)

    def read(self, rs: RuleSet, text: str, offset: int, skip: set[str]) -> dict[str, Found]:
        """The fields of `rs` not in `skip`, read from `text`; a field whose parser failed
        comes back with value None (to be flagged)."""
        out: dict[str, Found] = {}
        for name, rule in rs.fields.items():
            if name in skip:
                continue
            failed: set[str] = set()
            with _guard(name, failed):
                found = find_field(
                    rule,
                    text,
                    offset,
                    self.confidence_at,
                    SEUIL_CONFIANCE,
                    valid=lambda v, n=name: plausible(n, v),
                    spelled=self.spelled,
                )
                if found is not None:
                    out[name] = found
            if failed:
                out[name] = Found(None, offset, uncertain=True)
        return out

    def low_confidence(self, offset: int | None) -> bool:
        if offset is None:
            return False
        conf = self.confidence_at(offset)
        return conf is not None and conf < SEUIL_CONFIANCE


def _parties(
    ex: Extraction,
    data: dict,
    act: str,
    act_offset: int,
    letter: str,
    reader: _Reader,
    uncertain: set[str],
) -> None:
    """Tenants, dwelling's address, landlord, occupation status."""
    end, base = None, act_offset
    with _guard("personnes", uncertain):
        persons, end, doubtful = find_persons(act, data)
        if not persons and letter is not act:
            persons, end, doubtful = find_persons(letter, data)
            base = 0
        ex.personnes = persons
        if persons and reader.doc is not None:
            # the first person's name, where the list of parties names them
            at = (act if base == act_offset else letter).upper().find(persons[0].nom.upper())
            if at >= 0:
                ex.provenance["personnes"] = where(reader.doc.text, base + at, reader.doc)
        if (
            doubtful
            or not persons
            or (end is not None and reader.low_confidence(base + max(end - 1, 0)))
        ):
            uncertain.add("personnes")

    with _guard("adresse", uncertain):
        for text, off, after in (
            (act, act_offset, end if base == act_offset else None),
            (letter, 0, None),
        ):
            addr = find_address(text, data, after=after)
            if addr is not None:
                ex.adresse, ex.complement_adresse = addr.adresse, addr.complement
                ex.code_postal, ex.commune = addr.code_postal, addr.commune
                if reader.doc is not None:
                    _place_address(ex, text, off, addr.offset or 0, reader.doc)
                if reader.low_confidence(off + (addr.offset or 0)):
                    uncertain.add("adresse")
                if ex.adresse and _DEBRIS.search(ex.adresse):
                    # a table rule or a dash glued to the street: OCR debris, maybe misread digits
                    ex.adresse = _DEBRIS.sub("", ex.adresse).strip() or None
                    uncertain.add("adresse")
                if not plausible("code_postal", ex.code_postal):
                    uncertain.add("code_postal")
                if ex.adresse and reader.doc is not None and reader.doc.ocr_lines:
                    if _MIXED_CASE_STREET.search(ex.adresse):
                        uncertain.add("adresse")  # OCR put a word of another line or font
                break
            if letter is act:
                break

    designation = None
    with _guard("bailleur", uncertain):
        for text, off in ((act, act_offset), (letter, 0)):
            found = find_bailleur(text, data)
            if found:
                ex.bailleur, pos, weak = found
                if reader.doc is not None:
                    ex.provenance["bailleur"] = where(reader.doc.text, off + pos, reader.doc)
                if (
                    weak
                    or reader.low_confidence(off + pos)
                    or _cut_at_ocr_line(text, pos, ex.bailleur, reader)
                ):
                    uncertain.add("bailleur")
                designation = _designation(text, pos, ex.bailleur)
                break
            if letter is act:
                break
    if ex.bailleur:
        ex.statut_occupation = statut_from_bailleur(ex.bailleur, data)
        if ex.statut_occupation is None and designation:
            # a short name ("LMH") whose kind the act spells out around it
            ex.statut_occupation = statut_from_designation(designation, data)


# where a landlord's designation stops: the line, the sentence, its verb
# (« a », « ont » as words: not the « A » of « VENANT AUX DROITS »)
_DESIGNATION_END = re.compile(
    r"[\n;.]|\s(?:(?:a|ont|sollicite|demande|poursuit)\b|repr[ée]sent)", re.I
)


def _designation(text: str, pos: int, value: str) -> str | None:
    """The landlord as the act designates it: from where it was read to its short name,
    and what follows on its line up to the sentence's verb ("AQUITANIS, office public de
    l'habitat …", "LMH OPH pour elle-même")."""
    at = text.find(value, pos, pos + 200)
    if at < 0:
        return None
    tail = text[at + len(value) : at + len(value) + 80]
    cut = _DESIGNATION_END.search(tail)
    out = text[pos : at + len(value)] + (tail[: cut.start()] if cut else tail)
    if cut and cut.group(0) == "\n":
        # a party's block: its legal form spelt out on the next line (« S.A. 1001 VIES
        # HABITAT » / « société anonyme d'habitations à loyer modéré »)
        nxt = text[at + len(value) + cut.end() :].split("\n", 1)[0]
        if _KIND_LINE.match(nxt):
            out += " " + nxt.strip()
    return out


_KIND_LINE = re.compile(
    r"\s*(?:soci[ée]t[ée]|[ée]tablissement\s+public|office\s+public|entreprise\s+sociale)\b",
    re.IGNORECASE,
)


def _place_address(ex: Extraction, text: str, off: int, at: int, doc: Document) -> None:
    """Where the address was read: the street (and its complement) where the text spells
    it after the anchor at `at`, the postcode and commune where the postcode stands."""
    street = text.find(ex.adresse, at) if ex.adresse else -1
    street = at if street < 0 else street
    town = text.find(ex.code_postal, street) if ex.code_postal else -1
    town = street if town < 0 else town
    for name, pos in (
        ("adresse", street),
        ("complement_adresse", street),
        ("code_postal", town),
        ("commune", town),
    ):
        ex.provenance[name] = where(doc.text, off + pos, doc)


# a street typed in lower case with one word in capitals ("avenue de la FOIRE"): in a scan,
# a word OCR misread (typed addresses keep one case for the whole street name)
_MIXED_CASE_STREET = pattern_store.compile(
    r"\b[a-zà-ÿ]{2,}\s+(?:[a-zà-ÿ']+\s+)*[A-ZÀ-Ý]{3,}\b(?![a-zà-ÿ])"
)

# a name that stops where an OCR'd line ends and the next line opens in capitals
# ("NOVALIS .⏎LOGEMENT, à l'encontre …"): maybe only its first half
_NEXT_LINE_CAPS = pattern_store.compile(r"[ \t]*[.,:;'|]?[ \t]*\n(?:[ \t]*\n)?[ \t]*[A-ZÀ-Ý]{2,}\b")


def _cut_at_ocr_line(text: str, pos: int, value: str, reader: _Reader) -> bool:
    if reader.doc is None or not reader.doc.ocr_lines or not value.split():
        return False
    last = value.split()[-1]
    at = text.find(last, pos, pos + 300)
    return at >= 0 and bool(_NEXT_LINE_CAPS.match(text, at + len(last)))


# what OCR leaves of a grid's rules and dashes at the end of an address
_DEBRIS = re.compile(r"\s*[—–|¦_]+\s*$")


def _field_order() -> list[str]:
    return list(Extraction().to_json().keys())


_FIELDS = set(_field_order())
