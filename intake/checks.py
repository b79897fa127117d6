"""Checks that catch absurd values before they reach the register as facts.

Two kinds:
- `plausible(field, value)`: a check on one value alone (a rent of 2 480 000 €, an hour
  of 3 a.m., a date in 1875). The rule engine skips a candidate that fails it and takes
  the next one, and the field is then flagged uncertain.
- `cross_check(ex, text)`: checks between fields of one extraction (a hearing before the
  act, arrears stated after the act, a hearing date that is a birth date, a person named
  like the landlord or the court). A field that fails is flagged uncertain or, when it
  cannot be true at all, emptied and flagged.

Every failure only ever adds to `champs_incertains`: a person checks the value; a silent
wrong value is worse than an empty one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from asll.domain import communes, juridictions
from asll.domain.landlords import LAW_OFFICE
from asll.domain.text import strip_accents

from . import french

# A monthly rent (charges included) or a debt outside these bounds is not a rent or a debt.
RENT_RANGE = (20.0, 5000.0)
DEBT_RANGE = (1.0, 500_000.0)
# Hearings are held in working hours.
HOUR_RANGE = ("07:30", "19:00")
# The oldest date a current file can state (a lease may be old; a hearing or act is not).
OLDEST_LEASE = date(1950, 1, 1)
OLDEST_ACT = date(2000, 1, 1)

_DEPARTEMENT = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|98[6-8])")


def plausible(name: str, value) -> bool:
    """False when `value` cannot be what the field `name` means."""
    if value is None:
        return True
    if name in ("loyer_mensuel", "loyer_hors_charges"):
        return RENT_RANGE[0] <= value <= RENT_RANGE[1]
    if name == "charges":
        return 0 < value <= 1500
    if name in ("montant_dette", "montant_commandement"):
        return DEBT_RANGE[0] <= value <= DEBT_RANGE[1]
    if name == "heure_audience":
        return HOUR_RANGE[0] <= value <= HOUR_RANGE[1]
    if name in (
        "date_audience",
        "date_document",
        "date_limite",
        "date_dette",
        "date_assignation",
        "date_commandement",
        "date_effet_clause",
    ):
        return OLDEST_ACT <= value <= date.today() + timedelta(days=3 * 365)
    if name == "date_bail":
        return OLDEST_LEASE <= value <= date.today() + timedelta(days=365)
    if name == "code_postal":
        return bool(_DEPARTEMENT.match(value)) and value != "00000"
    if name in ("reference", "numero_rg"):
        # a file reference is numbered: a word read after "Dossier" or "Réf." is not one
        return isinstance(value, str) and bool(re.search(r"\d", value))
    return True


def cross_check(ex, text: str) -> set[str]:
    """Fields of `ex` (an Extraction) that contradict each other; may empty impossible ones."""
    # first, so that every check below sees a postcode mended against the official list
    doubtful: set[str] = _postcode_one_figure_off(ex)
    births = {p.date_naissance for p in ex.personnes if p.date_naissance}
    act = ex.date_document if ex.type_document == "assignation" else None

    if ex.date_audience:
        if ex.date_audience in births:
            ex.date_audience = None  # a birth date taken for the hearing
            doubtful.add("date_audience")
        elif act and ex.date_audience <= act:
            doubtful.update({"date_audience", "date_document"})
        elif act and ex.date_audience > act + timedelta(days=400):
            doubtful.add("date_audience")
        elif act and ex.date_audience < act + timedelta(days=HEARING_NOTICE_MIN):
            doubtful.update({"date_audience", "date_document"})
    if ex.date_dette:
        if ex.date_dette in births:
            ex.date_dette = None
            doubtful.add("date_dette")
        elif act and ex.date_dette > act:
            doubtful.update({"date_dette", "date_document"})
        elif ex.date_audience and ex.date_dette >= ex.date_audience:
            doubtful.add("date_dette")
        elif ex.date_dette > min(date.today(), ex.date_document or date.today()):
            doubtful.add("date_dette")  # a debt is stated as it stands, never ahead
    if ex.date_limite and ex.date_document and ex.date_limite < ex.date_document:
        doubtful.add("date_limite")
    if ex.type_document == "saisine_prefecture":
        doubtful |= _letter_order(ex)
    # a letter's reference is the préfecture's own; the court's RG in its place is a fallback
    if ex.type_document == "saisine_prefecture" and ex.reference and ex.reference == ex.numero_rg:
        doubtful.add("reference")
    if (
        ex.type_document == "saisine_prefecture"
        and ex.date_assignation
        and ex.date_document
        and ex.date_document < ex.date_assignation
    ):
        doubtful.update({"date_document", "date_assignation"})  # the letter follows the act

    today = date.today()
    for p in ex.personnes:
        if p.date_naissance and not (
            today.replace(year=today.year - 110)
            <= p.date_naissance
            <= today.replace(year=today.year - 15)
        ):
            p.date_naissance = None
            doubtful.add("personnes")
        if p.date_naissance and p.date_naissance in (ex.date_audience, ex.date_document):
            doubtful.add("personnes")

    # a person named like the landlord, the court or the commissaire is a misreading
    others = [french.fold(v) for v in (ex.bailleur, ex.juridiction, ex.commissaire_justice) if v]
    for p in ex.personnes:
        full = french.fold(f"{p.prenom or ''} {p.nom}".strip())
        if any(full and (full in o or french.fold(p.nom) == o) for o in others):
            doubtful.add("personnes")

    if (
        ex.montant_dette is not None
        and ex.loyer_mensuel
        and ex.montant_dette < ex.loyer_mensuel / 4
    ):
        doubtful.add("montant_dette")
    doubtful |= _check_amounts(ex)
    doubtful |= _rent_after_debt(ex, text)
    doubtful |= _address_of_another(ex, text)
    doubtful |= _charges_left_out(ex, text)
    doubtful |= _implausible(ex)
    doubtful |= _stray_date(ex)
    doubtful |= _cents_lost(ex, text)
    doubtful |= _check_edges(ex)
    doubtful |= _same_date_twice(ex)
    doubtful |= _check_phrases(ex)
    doubtful |= _check_court_place(ex)
    doubtful |= _town_on_next_line(ex, text) | _check_town(ex)
    doubtful |= _check_court(ex)
    doubtful |= _check_text(ex)
    doubtful |= _landlord_run_on(ex) | _lawyers_number(ex, text)
    doubtful |= _charges_left_out(ex, text)
    doubtful |= _births_unread(ex, text)
    if ex.type_document == "fiche_prescription":
        doubtful |= _check_form(ex, text)
    return doubtful


# words of an organisation's name, never of a person's
_ORGANISATION = re.compile(
    r"\b(?:CCAS|CIAS|MDS|MDPH|CAF|MSA|UDAF|SIAO|CHRS|CMS|CLIC|ADIL|CCAPEX|FSL|UTAS|TAS|"
    r"service|p[ôo]le|maison|centre|association|d[ée]partement|conseil|mairie|ville|"
    r"direction|mission|agence|office|habitat|logement|soci[ée]t[ée]|territoire|unit[ée])\b",
    re.IGNORECASE,
)
_PERSON_NAME = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ'\-]+[ -]?)+\s+[A-ZÀ-Ý'\- ]{2,}$")


# "CCAS d'ivry-sur-Seine", "Mairie de st-Dizier": the town a service is named after
_OF_TOWN = re.compile(r"(?P<head>.*\b(?:de|du|d['’])\s*)(?P<town>[A-Za-zÀ-ÿ][\w'’ -]*)$")


def _town_spelled(name: str) -> str:
    """A service's name with its town spelled as the official list does (case and
    accents), when its last words are one commune's name written otherwise. A name printed
    in capitals keeps them."""
    m = _OF_TOWN.match(name)
    if not m or m.group("town").isupper():
        return name
    found = {spelling for _, spelling in communes.communes_named(m.group("town"))}
    if len(found) != 1:
        return name
    return m.group("head") + found.pop()


def _check_form(ex, text: str = "") -> set[str]:
    """A referral form's fields that contradict each other or their kind."""
    doubtful: set[str] = set()
    if ex.prescripteur and _ORGANISATION.search(ex.prescripteur):
        doubtful.add("prescripteur")  # a service where a person is expected
    if ex.organisme_prescripteur and (
        _PERSON_NAME.match(ex.organisme_prescripteur)
        and not _ORGANISATION.search(ex.organisme_prescripteur)
    ):
        doubtful.add("organisme_prescripteur")  # a person where a service is expected
    if ex.organisme_prescripteur:
        ex.organisme_prescripteur = _town_spelled(ex.organisme_prescripteur)
    adults = len(ex.personnes)
    expected = {"couple": 2, "femme_seule": 1, "homme_seul": 1}.get(ex.composition or "")
    if expected and adults and adults != expected:
        doubtful.update({"composition", "personnes"})
    if ex.composition in ("femme_seule", "homme_seul") and adults == 1:
        civ = ex.personnes[0].civilite
        if civ and civ != ("Mme" if ex.composition == "femme_seule" else "M."):
            doubtful.update({"composition", "personnes"})
    if ex.nb_enfants is not None and ex.enfants and ex.nb_enfants != len(ex.enfants):
        doubtful.add("nb_enfants")
    if ex.nb_enfants is not None and any(
        int(n) != ex.nb_enfants for n in _CHILDREN_COUNT.findall(text)
    ):
        doubtful.add("nb_enfants")  # « Enfants 3 : … » and two children read
    if any(not _a_name(c.nom) or (c.prenom and not _a_name(c.prenom)) for c in ex.enfants):
        doubtful.add("nb_enfants")  # a child's row read from a count or a scan's debris
    if any(r.montant is not None and not 0 < r.montant <= 6000 for r in ex.ressources):
        doubtful.add("ressources")
    for name in ("bailleur", "prescripteur", "organisme_prescripteur"):
        value = getattr(ex, name, None)
        words = {french.fold(w) for w in re.findall(r"[^\W\d_]+", value or "")}
        if words & _CAPTIONS:
            doubtful.add(name)  # the next caption taken with, or for, the value
    return doubtful


# words of a form's captions that no landlord's, service's or person's name holds
_CAPTIONS = {"statut", "occupation", "adresse", "loyer", "montant", "telephone", "tel", "date"}


# a count of children the form states (« Enfants 3 : », « Nombre d'enfants à charge : 2 »;
# « Enfant 1 : » numbers a row)
_CHILDREN_COUNT = re.compile(
    r"\b(?:nombre\s+d.)?enfants(?:\s+[àa]\s+charge)?[ \t]*[:(]?[ \t]*(\d{1,2})\b(?![/.,]\d)",
    re.IGNORECASE,
)


def _a_name(value: str | None) -> bool:
    """A person's name holds two letters and no figure (« O0 », a count read off « Nombre
    d'enfants : O0 », is none)."""
    return bool(value) and not re.search(r"\d", value) and len(re.sub(r"[\W\d_]", "", value)) >= 2


def dependents(ex, doubtful: set[str]) -> set[str]:
    """Fields that fall with another: values read together (a debt and its date, a hearing
    and its hour), and the occupation status that an act only gives through its landlord."""
    out = set()
    for first, second in (("montant_dette", "date_dette"), ("date_audience", "heure_audience")):
        if first in doubtful and getattr(ex, second) is None:
            out.add(second)
    # a form's household kind is read with its persons' civilities
    if ex.type_document == "fiche_prescription" and "personnes" in doubtful and ex.composition:
        out.add("composition")
    # no child read where no one of the household was: the rows were not read at all
    if ex.type_document == "fiche_prescription" and not ex.personnes and ex.nb_enfants == 0:
        out.add("nb_enfants")
    if ex.type_document != "fiche_prescription" and (
        "bailleur" in doubtful or (ex.bailleur and not ex.statut_occupation)
    ):
        out.add("statut_occupation")
    return out


# OCR garbage: a capital inside a lower-case word ("IApeeeS"), stray symbols, a word with
# no letter at all, an apostrophe after no letter (« 115 rue 'Anatole France »: French
# elides a letter before it, « l' », « d' »).
_GARBLED = re.compile(
    r"[a-zà-ÿ][A-ZÀ-Ý]|[|{}\[\]<>_~^#@*=\\]|(?:^|\s)[^\w\s'’\-«»]+(?:\s|$)|(?<![^\W\d_])['’]"
)
_TEXT_FIELDS = (
    "adresse",
    "commune",
    "bailleur",
    "commissaire_justice",
    "prescripteur",
    "organisme_prescripteur",
    "juridiction",
)


# a diaeresis where French puts none (« Tilleüls », « Josianë »): a speck over a letter. French
# writes ë, ï after a vowel (Noël, Anaïs), ü after a or g (Saül, aigüe); ä, ö, ÿ hardly
# ever (a German name so written is flagged too: a person checks it in a second)
_ODD_DIAERESIS = re.compile(r"(?<![aAgG])[üÜ]|(?<![aiouyAIOUY])[ëË]|(?<![aeouyAEOUY])[ïÏ]|[äöÿÄÖŸ]")
_NAME_EDGE = ".,;:'\"‘’`_"
_INITIAL = re.compile(r"[^\W\d_]\.")
# labels of a form's identity block: never part of a person's name
_FORM_LABELS = {
    "nom",
    "noms",
    "prenom",
    "prenoms",
    "identite",
    "menage",
    "naissance",
    "civilite",
    "madame",
    "monsieur",
}


def _check_text(ex) -> set[str]:
    """Text values that read as OCR garbage; names cleaned of tokens without a letter."""
    doubtful = {
        name
        for name in _TEXT_FIELDS
        if isinstance(getattr(ex, name, None), str)
        and (_GARBLED.search(getattr(ex, name)) or _ODD_DIAERESIS.search(getattr(ex, name)))
    }
    for p in ex.personnes:
        for part in ("nom", "prenom"):
            value = getattr(p, part)
            if not value:
                continue
            kept = " ".join(t for t in value.split() if re.search(r"[^\W\d_]", t))
            # a speck read as a dot or a quote at a name's edge ("Sébastien."); an initial
            # keeps its dot ("J.")
            kept = " ".join(
                t if _INITIAL.fullmatch(t) else t.strip(_NAME_EDGE) or t for t in kept.split()
            )
            if kept != value or _GARBLED.search(kept):
                setattr(p, part, kept or (None if part == "prenom" else value))
                doubtful.add("personnes")
            if _ODD_DIAERESIS.search(kept):
                doubtful.add("personnes")
            words = {french.fold(t) for t in re.split(r"[\s\-]+", kept)}
            if words & _FORM_LABELS or (part == "prenom" and len(re.sub(r"\W", "", kept)) < 2):
                doubtful.add("personnes")  # a form's label or a lone letter taken for a name
    return doubtful


def _postcode_one_figure_off(ex) -> set[str]:
    """A postcode and a town that are both unknown: one figure of the postcode misread
    (and a letter of the town) when one postcode only, one figure away, has a commune the
    town matches."""
    if not ex.code_postal or not ex.commune or not re.fullmatch(r"\d{5}", ex.code_postal):
        return set()
    if communes.communes_for_postcode(ex.code_postal) or communes.communes_named(ex.commune):
        return set()
    near = {}
    for k in range(1, 5):  # the département's figures are kept: a town is not moved there
        for figure in "0123456789":
            cp = ex.code_postal[:k] + figure + ex.code_postal[k + 1 :]
            if cp == ex.code_postal:
                continue
            found = communes.match(cp, ex.commune)
            if found is not None:
                near[cp] = found
    if len(near) == 1:
        ex.code_postal, found = near.popitem()
        ex.commune = found.nom
    return {"code_postal", "commune"}


def _town_on_next_line(ex, text: str) -> set[str]:
    """« 63000⏎COPIE⏎CLERMONT-FERRAND. »: a text layer that interleaves two columns (an
    act's margin, a stamp) puts a word of the other column between the postcode and the
    town. When the commune read is none of that postcode's, a line just after the postcode
    that is one (by the official list, not by likeness) is taken instead, flagged."""
    if not ex.code_postal or not ex.commune or not re.fullmatch(r"\d{5}", ex.code_postal):
        return set()
    if communes.check(ex.code_postal, ex.commune).coherent:
        return set()
    for m in re.finditer(rf"(?<!\d){ex.code_postal}(?!\d)", text):
        for line in text[m.end() :].split("\n")[1:4]:
            town = line.strip(" .,;")
            if not town or len(town) > 45:
                continue
            verdict = communes.check(ex.code_postal, town)
            if verdict.coherent and verdict.commune is not None and not verdict.approchee:
                ex.commune = verdict.commune.nom
                return {"commune"}
    return set()


def _check_town(ex) -> set[str]:
    """Postcode against commune (official list): accents restored when they agree."""
    if not ex.code_postal and not ex.commune:
        return set()
    if not ex.code_postal or not ex.commune:
        found = communes.communes_for_postcode(ex.code_postal) if ex.code_postal else []
        if ex.code_postal and len(found) == 1:
            ex.commune = found[0].nom  # the only commune of that postcode, to be checked
        return {"code_postal", "commune"}
    verdict = communes.check(ex.code_postal, ex.commune)
    if verdict.coherent and verdict.commune is not None:
        ex.commune = verdict.commune.nom
        return {"commune"} if verdict.approchee else set()
    if verdict.statut == communes.CODE_POSTAL_INCONNU:
        return {"code_postal"} if verdict.commune is None else set()
    # "Blaye Re OPEN NN" (a scan's noise after the town): the longest run of first words that
    # is the commune of that postcode; kept flagged, since part of what was read is dropped
    words = ex.commune.split()
    for k in range(len(words) - 1, 0, -1):
        head = communes.check(ex.code_postal, " ".join(words[:k]))
        if head.coherent and head.commune is not None and not head.approchee:
            ex.commune = head.commune.nom
            return {"commune"}
    # "86000 Amiens" off a scan: one figure of the postcode misread. When the commune is
    # known and one only of its postcodes is one figure away, that one is taken, flagged
    near = {
        cp
        for commune, _ in communes.communes_named(ex.commune)
        for cp in commune.codes_postaux
        if len(cp) == len(ex.code_postal) and sum(a != b for a, b in zip(cp, ex.code_postal)) == 1
    }
    if len(near) == 1:
        ex.code_postal = near.pop()
        found = communes.check(ex.code_postal, ex.commune).commune
        ex.commune = found.nom if found else ex.commune
    return {"code_postal", "commune"}


def _check_court(ex) -> set[str]:
    """The court against the official list: official spelling, or flagged."""
    if not ex.juridiction:
        return set()
    found = juridictions.lookup(ex.juridiction)
    if found is None:
        # not in the shipped list: kept without a flag only when it names a real town
        place = re.search(
            r"(?:judiciaire|proximit[ée]|instance)\s+(?:de\s+|d'|du\s+)(.+)$",
            ex.juridiction,
            re.IGNORECASE,
        )
        return set() if place and communes.communes_named(place.group(1)) else {"juridiction"}
    if found.ancienne_denomination:
        return set()  # an old act names the court of its time: kept as printed
    if found.autre_type or found.approchee:
        return {"juridiction"}
    ex.juridiction = found.juridiction.nom
    return set()


# A debt of more than this many months of rent is no debt of a tenancy still running (a
# misread amount, or a rent read as a debt's tenth).
DEBT_MONTHS_MAX = 60


# An eviction act is served weeks before its hearing (it must reach the préfet six weeks to
# two months before): a hearing a few days after the act is a misread date.
HEARING_NOTICE_MIN = 28


def _letter_order(ex) -> set[str]:
    """A préfecture's letter asks for a report before the hearing: the letter, then its
    deadline, then the hearing; the debt is stated at a date before the letter."""
    doubtful: set[str] = set()
    letter, limit, hearing = ex.date_document, ex.date_limite, ex.date_audience
    if letter and hearing and hearing <= letter:
        doubtful.update({"date_audience", "date_document"})
    if limit and hearing and limit > hearing:
        doubtful.update({"date_limite", "date_audience"})
    if letter and ex.date_dette and ex.date_dette > letter:
        doubtful.add("date_dette")
    if limit and letter and limit > letter + timedelta(days=366):
        doubtful.add("date_limite")
    act = ex.date_assignation
    if (
        act
        and hearing
        and not (act + timedelta(days=HEARING_NOTICE_MIN) <= hearing <= act + timedelta(days=400))
    ):
        doubtful.update({"date_audience", "date_assignation"})
    if act and ex.date_dette and ex.date_dette > act:
        doubtful.add("date_dette")
    return doubtful


# A monthly rent, charges included, below this is rare enough to be checked (a garage, or
# an amount OCR cut: "quatre cent. / quatre-vingt-huit euros" read as 88 €).
RENT_LOW = 150.0
# A debt is stated at a recent date: years before the act or the letter, it is misread
# ("deux mille [vingt-cinq]" cut by OCR reads as 2000).
DEBT_DATE_MAX_AGE = timedelta(days=3 * 365)


# every value a parser may set without the rule engine's `plausible` filter (forms, grids)
_PLAUSIBLE_FIELDS = (
    "loyer_mensuel",
    "montant_dette",
    "date_audience",
    "date_document",
    "date_limite",
    "date_dette",
    "date_assignation",
    "heure_audience",
    "code_postal",
)


def _implausible(ex) -> set[str]:
    """Values no document can mean (a form dated 2045, a rent of 3 €), whoever read them."""
    return {name for name in _PLAUSIBLE_FIELDS if not plausible(name, getattr(ex, name, None))}


# the dates of one procedure lie within months of each other
STRAY_DATE = timedelta(days=2 * 365)


def _stray_date(ex) -> set[str]:
    """A date years away from all the document's other dates: one figure misread
    (« 2020 » for « 2025 »), or a date of another matter."""
    dates = {
        name: value
        for name in (
            "date_document",
            "date_audience",
            "date_limite",
            "date_assignation",
            "date_dette",
        )
        if isinstance(value := getattr(ex, name, None), date)
    }
    if len(dates) < 2:
        return set()
    return {
        name
        for name, value in dates.items()
        if all(abs(value - other) > STRAY_DATE for n, other in dates.items() if n != name)
    }


# « 3 215,S5 », « 1651,.96 », « 740,O »: an amount whose cents the OCR garbled (look-alike
# letters, a doubled stop), read as a whole number
_GARBLED_CENTS = r"[,.](?:[,.'’]\d{1,2}|[\dSOoIlBZgq|]{2}(?<!\d\d)|[SOoIlBZgq|])(?!\w)"


def _cents_lost(ex, text: str) -> set[str]:
    """Amounts read as whole numbers where the text shows cents it could not read."""
    amounts = {"loyer_mensuel": ex.loyer_mensuel, "montant_dette": ex.montant_dette}
    doubtful = set()
    for name, value in [*amounts.items(), *(("ressources", r.montant) for r in ex.ressources)]:
        if value is None or value != int(value) or value < 10:
            continue
        whole = int(value)
        grouped = f"{whole:,}".replace(",", "[\\s.\u202f]?")
        if re.search(rf"(?<![\d,.]){grouped}{_GARBLED_CENTS}", text):
            doubtful.add(name)
    return doubtful


# an organisation's name cut short: it cannot end on « du », « de la », « et »
_CUT_NAME = re.compile(r"\s(?:du|de|des|de\s+la|la|le|les|d['’]|l['’]|et|à|au|aux|pour)\s*$", re.I)
_EDGE = ".,;:"


def _check_edges(ex) -> set[str]:
    """A person's name ending on the sentence's full stop (« Mickaël LAMBERT. ») loses it;
    an organisation's name that ends on a linking word was cut (« Visa du »)."""
    for name in ("prescripteur", "commissaire_justice"):
        value = getattr(ex, name, None)
        if isinstance(value, str) and value.rstrip(_EDGE) != value and len(value.split()) >= 2:
            if not _INITIAL.fullmatch(value.split()[-1]):
                setattr(ex, name, value.rstrip(_EDGE).rstrip())
    return {
        name
        for name in ("bailleur", "organisme_prescripteur")
        if isinstance(value := getattr(ex, name, None), str) and _CUT_NAME.search(value)
    }


# what names a debt right before its amount (« une dette de loyer de 2 196 € », « commandement
# de payer la somme de … »): an amount so introduced is no monthly rent
_DEBT_BEFORE = re.compile(
    r"(?:\bdette|arri[ée]r[ée]s?|impay[ée]s?|\bsolde|reste\s+d[ûu]|restant\s+d[ûu]|"
    r"\bdevoir|commandement\s+de\s+payer|redevables?)\b[^\d.;]{0,30}$",
    re.IGNORECASE,
)


def _printed_amount(value: float) -> re.Pattern:
    """How an amount may be printed: figures grouped by thousands or not, cents or none
    when round (« 2 196 € », « 2.196,00 »)."""
    whole, cents = f"{value:.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", "[\\s.\u202f]?")
    tail = f",{cents}" if cents != "00" else "(?:,00)?"
    return re.compile(rf"(?<![\d,.]){grouped}{tail}(?![\d,])")


def _rent_after_debt(ex, text: str) -> set[str]:
    """A rent the text prints only right after words that name a debt: the debt's amount
    (or a commandement's) was taken for the rent, the rent's own sentence read badly."""
    if not ex.loyer_mensuel or ex.type_document == "fiche_prescription":
        return set()
    places = list(_printed_amount(ex.loyer_mensuel).finditer(text))
    if places and all(
        _DEBT_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) for m in places
    ):
        return {"loyer_mensuel"}
    return set()


# what adds the charges to a rent printed before them (« 513,15 euros hors charges, outre
# 37,34 euros de provision… »)
_CHARGES_ADDED = re.compile(
    r"^\s*(?:€|euros?)?\s*(?:mensuels?|par\s+mois)?\s*(?:hors\s+charges|HC)?\s*,?\s*"
    r"(?:outre|plus|\+|augment[ée]e?\s+d)\D{0,20}\d",
    re.IGNORECASE,
)


def _charges_left_out(ex, text: str) -> set[str]:
    """A rent that is the amount before « outre … » or « plus … » (charges, a provision),
    nothing added: the amount added was lost (a column cut the sentence, « provisi / ion sur
    charges »), the rent charges included is not known."""
    if not ex.loyer_mensuel or ex.type_document == "fiche_prescription" or ex.charges:
        return set()
    for m in _printed_amount(ex.loyer_mensuel).finditer(text):
        if _CHARGES_ADDED.search(text[m.end() : m.end() + 60]):
            return {"loyer_mensuel"}
    return set()


# what a sentence names before an address that is not the dwelling's: the court's seat, the
# officer's office, a landlord's head office
_OTHER_PLACE = re.compile(
    r"\b(?:tribunal|juge|greffe|palais\s+de\s+justice|audience|commissaires?\s+de\s+justice|"
    r"SELARL|SCP|si[èe]ge|bureaux?|cabinet|[ée]tude)\b",
    re.IGNORECASE,
)
_DWELLING = re.compile(
    r"\b(?:demeurant|domicili[ée]e?s?|domicile|logement|lieux|locaux|sis|situ[ée]e?s?|"
    r"locataires?|occupants?|"
    r"habit(?:ant|e)|r[ée]sidant|adresse)\b",
    re.IGNORECASE,
)


def _address_of_another(ex, text: str) -> set[str]:
    """A dwelling's address the text prints only in a sentence about another place (« devant
    le Tribunal judiciaire de Clermont-Ferrand, 16 place de l'Étoile ») or after the
    landlord's name (« DEMANDEUR : Monsieur X demeurant … »), never after a word of the
    dwelling: the défendeurs' own lines were read badly, another address taken."""
    if not ex.adresse or ex.type_document == "fiche_prescription":
        return set()
    needle = r"\s+".join(map(re.escape, strip_accents(ex.adresse).lower().split()))
    folded = strip_accents(text).lower()
    places = list(re.finditer(needle, folded)) if len(folded) == len(text) else []
    if not places:
        return set()
    landlord = french.fold(ex.bailleur or "")
    names = [french.fold(p.nom) for p in ex.personnes if p.nom]
    for m in places:
        before = text[max(0, m.start() - 120) : m.start()]
        before = re.split(r"[.;:](?:\s|$)", before)[-1]
        near = french.fold(before)
        if landlord and landlord in near and not any(n in near for n in names):
            continue  # the landlord's own address (« Monsieur X demeurant … », X the landlord)
        if _DWELLING.search(before) or not _OTHER_PLACE.search(before):
            return set()
    return {"adresse", "code_postal", "commune"}


def _check_amounts(ex) -> set[str]:
    """Amounts that contradict each other: one value read for two amounts, a debt of
    decades of rent; a rent too low to be a home's, a debt stated years before the act."""
    doubtful: set[str] = set()
    rent, debt = ex.loyer_mensuel, ex.montant_dette
    if rent is not None and rent < RENT_LOW:
        doubtful.add("loyer_mensuel")
    ref = ex.date_assignation or ex.date_document
    if ex.date_dette and ref and ex.date_dette < ref - DEBT_DATE_MAX_AGE:
        doubtful.add("date_dette")
    if rent and debt is not None:
        if abs(rent - debt) < 0.005:
            doubtful.update({"loyer_mensuel", "montant_dette"})  # one amount read twice
        elif debt > DEBT_MONTHS_MAX * rent:
            doubtful.update({"loyer_mensuel", "montant_dette"})
    return doubtful


# words of a sentence, never of a name: verbs and legal wording an extraction may take in
_PHRASE_WORDS = re.compile(
    r"\b(?:est|sont|sera|seront|a|ont|avons|ai|fait|faite|sollicite|sollicitent|demande|demandent|"
    r"d[ée]livr[ée]e?s?|signifi[ée]e?s?|notifi[ée]e?s?|assign[ée]e?s?|d[ée]sign[ée]e?s?|ci-dessus|"
    r"ci-apr[èe]s|susnomm[ée]e?s?|soussign[ée]e?s?|demeurant|domicili[ée]e?s?|locataires?|"
    r"requ[ée]rante?|d[ée]fendeu?r(?:esse)?s?|demandeu?r(?:esse)?s?|audience|tribunal|juge|"
    r"commandement|assignation|pr[ée]sente?|lequel|laquelle|afin|aux\s+fins)\b",
    re.IGNORECASE,
)
# lower-case words a name may hold (particles), and those of an organisation's name
_NAME_LOWER_OK = french.NAME_PARTICLES | {
    "d",
    "l",
    "et",
    "sur",
    "en",
    "sous",
    "lès",
    "lez",
    "aux",
    "au",
    "à",
    "a",
    "pour",
}


def _reads_as_phrase(value: str, organisation: bool) -> bool:
    """A value made of sentence words: a verb or a word of the act's wording, or (for a
    person) several lower-case words that are no particle."""
    if _PHRASE_WORDS.search(value):
        return True
    if organisation:
        return False
    words = re.findall(r"[^\W\d_][\w'’\-]*", value)
    lower = [w for w in words if w[0].islower() and w.lower() not in _NAME_LOWER_OK]
    return len(lower) >= 1


# the office that serves an act ("Nous, SELARL HAUTOT & ASSOCIÉS, commissaires de justice
# associés"), read where the officer's name should be: the act may name the officer further
# on, or not at all; a person checks which
_OFFICE = re.compile(rf"(?i:{LAW_OFFICE}|SAS|SARL|soci[ée]t[ée]|office)\b")


def _check_phrases(ex) -> set[str]:
    """Names that read as a phrase of the document (a person, the landlord, the officer);
    a person without a first name where the others have one (a first name read as a
    surname); a reference with a dash left alone by OCR."""
    doubtful: set[str] = set()
    with_first = [bool(p.prenom) for p in ex.personnes]
    if any(with_first) and not all(with_first):
        doubtful.add("personnes")
    # a person without a birth date whose surname is part of another's compound surname
    # (« SALEM » beside « BEN SALEM »): a name of two words split, the same person again
    for p in ex.personnes:
        if p.date_naissance or not p.nom:
            continue
        nom = french.fold(p.nom)
        for q in ex.personnes:
            other = french.fold(q.nom or "")
            if other != nom and (other.endswith(" " + nom) or other.startswith(nom + " ")):
                doubtful.add("personnes")
    # (or a letter left after its last separator: the « N » of the next label's « N° »)
    if ex.reference and re.search(r"[-/]\s+[-/]|\s[-/]\s|[-/]$|\d[-/][A-Za-z]$", ex.reference):
        doubtful.add("reference")
    for p in ex.personnes:
        full = f"{p.prenom or ''} {p.nom or ''}".strip()
        if full and _reads_as_phrase(full, organisation=False):
            doubtful.add("personnes")
    if ex.bailleur and _reads_as_phrase(ex.bailleur, organisation=True):
        doubtful.add("bailleur")
    # a landlord, a service or a person is named with a capital: a value all in lower case
    # is a phrase of the form (« sans droit ni titre », the end of a tick box's label)
    for name in ("bailleur", "organisme_prescripteur", "prescripteur", "commissaire_justice"):
        value = getattr(ex, name, None)
        if isinstance(value, str) and value and not re.search(r"[A-ZÀ-Ý]", value):
            doubtful.add(name)
    if ex.commissaire_justice and (
        _reads_as_phrase(ex.commissaire_justice, organisation=False)
        or _OFFICE.match(ex.commissaire_justice)
    ):
        doubtful.add("commissaire_justice")
    names = {french.fold(p.nom) for p in ex.personnes if p.nom}
    if ex.commissaire_justice and any(
        n and n in french.fold(ex.commissaire_justice).split() for n in names
    ):
        doubtful.update({"commissaire_justice", "personnes"})
    return doubtful


def _departement(code_postal: str) -> set[str]:
    """The départements a postcode may belong to (Corsica shares 20; overseas: 3 digits)."""
    if code_postal.startswith("20"):
        return {"2A", "2B", "20"}
    if code_postal.startswith("97") or code_postal.startswith("98"):
        return {code_postal[:3]}
    return {code_postal[:2]}


def _check_court_place(ex) -> set[str]:
    """The JCP who hears an eviction sits in the dwelling's département (the court of the
    place of the building): a court elsewhere, or a dwelling elsewhere, is a misreading."""
    if not ex.juridiction or not ex.code_postal or not plausible("code_postal", ex.code_postal):
        return set()
    found = juridictions.lookup(ex.juridiction)
    if found is None or not found.juridiction.departement:
        return set()
    deps = _departement(ex.code_postal)
    if found.juridiction.departement in deps:
        return set()
    # two courts of one name (Montreuil in the Pas-de-Calais and in Seine-Saint-Denis)
    if any(
        j.nom == found.juridiction.nom and j.departement in deps
        for j in juridictions.juridictions()
    ):
        return set()
    return {"juridiction", "code_postal"}


_EVENT_DATES = ("date_audience", "date_document", "date_limite", "date_dette")


def _same_date_twice(ex) -> set[str]:
    """Two events of the procedure on the same day (the hearing and the letter, the
    deadline and the debt's date): one date was read for both."""
    seen: dict = {}
    doubtful: set[str] = set()
    for name in _EVENT_DATES:
        value = getattr(ex, name, None)
        if value is None:
            continue
        if value in seen:
            doubtful.update({name, seen[value]})
        seen.setdefault(value, name)
    return doubtful


# a landlord's name in capitals, then words in lower case that are no particle (« SCI LE
# CLOS FLEURI société civile immobilière »): the reading ran on past the name; or a legal
# form in dotted initials kept before it (« E.P.I.C. VALOPHIS HABITAT »)
_CAPS_THEN_LOWER = re.compile(
    r"\b[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9'’\-]{2,}\b(?:\s+(?!(?:de|du|des|la|le|les|l|d|et|sur|sous|en|aux?|lès)\b)[a-zà-ÿ][a-zà-ÿ'’\-]{2,}){2,}"
)
_DOTTED_FORM = re.compile(r"^(?:[A-Z]\.\s?){2,}")


# two first names before one surname (« Paul et Anne ROUX »): two landlords in one value
_TWO_FIRST_NAMES = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ\-]+\s+(?:et|&)\s+[A-ZÀ-Ý][a-zà-ÿ\-]+\s+[A-ZÀ-Ý]{2,}"
)


def _landlord_run_on(ex) -> set[str]:
    b = ex.bailleur
    if b and (_CAPS_THEN_LOWER.search(b) or _DOTTED_FORM.match(b) or _TWO_FIRST_NAMES.match(b)):
        return {"bailleur"}
    return set()


# a birth date printed for the défendeurs (« né le … », « nés respectivement le … »)
_BORN = re.compile(r"\bn[ée]e?s?(?:\s*\(e\))?\s+(?:respectivement\s+)?le\s+\d", re.IGNORECASE)


def _births_unread(ex, text: str) -> set[str]:
    """Persons read without any birth date where the text prints some: flagged."""
    if ex.type_document == "fiche_prescription" or not ex.personnes:
        return set()
    if any(p.date_naissance for p in ex.personnes) or not _BORN.search(text):
        return set()
    return {"personnes"}


# a lawyer's own file number (« avocat au barreau de VERSAILLES, vestiaire : C212 - N° du
# dossier 14633 »): read as the reference, it is flagged
_LAWYER_LINE = re.compile(r"\b(?:avocats?|barreau|vestiaire|toque|cabinet)\b", re.IGNORECASE)


def _lawyers_number(ex, text: str) -> set[str]:
    if not ex.reference or not re.search(r"\d{3}", ex.reference):
        return set()
    for line in text.split("\n"):
        if ex.reference in line and _LAWYER_LINE.search(line):
            return {"reference"}
    return set()


# The rent sentence and what follows it, up to the next procedural amount
_RENT_CUE = re.compile(r"\bloyers?\b(?!\s+r[ée]siduel)", re.IGNORECASE)
_RENT_WINDOW = 320
_RENT_WINDOW_END = re.compile(
    r"commandement|\bdette\b|arri[ée]r[ée]|impay[ée]|article\s+700|indemnit[ée]", re.IGNORECASE
)
_AMOUNT = re.compile(french.MONTANT_RE)
_CHARGES_BEFORE = re.compile(r"charges\b[^.;\d]{0,30}$", re.IGNORECASE)
_CHARGES_AFTER = re.compile(
    r"^\s*(?:€|euros?\b|EUR\b)?\s*(?:mensuels?\s+)?(?:de|d.|pour|au\s+titre\s+des?)\s+"
    r"(?:(?:la|les)\s+)?(?:provisions?\s+(?:mensuelles?\s+)?(?:sur|pour)\s+(?:les\s+)?)?charges",
    re.IGNORECASE,
)
_TOTAL_CUE_BEFORE = re.compile(r"(?:soit|total|charges\s+comprises|TCC|CC)\W{0,12}$", re.IGNORECASE)
_TOTAL_CUE_AFTER = re.compile(
    r"^\s*(?:€|euros?\b|EUR\b)?\s*(?:mensuels?\s+|par\s+mois\s+)?,?\s*"
    r"(?:charges\s+comprises|\(?\s*CC\b|TCC\b|toutes\s+charges)",
    re.IGNORECASE,
)


def _charges_left_out(ex, text: str) -> set[str]:
    """A rent read without the charges its sentence states beside it (« Loyer principal :
    450,00 € – provision pour charges : 50,00 € », « … s'élève à 450,00 €, auxquels
    s'ajoutent 50,00 € de provisions sur charges »): the contract wants rent and charges
    together. Flagged when the rent read is printed there as a bare amount, the rent without
    those charges is not printed, and no word makes it a total."""
    rent = ex.loyer_mensuel
    if rent is None or ex.type_document == "fiche_prescription":
        return set()
    for cue in _RENT_CUE.finditer(text):
        window = text[cue.start() : cue.start() + _RENT_WINDOW]
        stop = _RENT_WINDOW_END.search(window, 6)
        window = window[: stop.start()] if stop else window
        amounts = []
        for m in _AMOUNT.finditer(window):
            value = french.parse_montant(m.group(0))
            if value is not None:
                amounts.append((value, m.start(), m.end()))
        charges = [
            v
            for v, a, b in amounts
            if _CHARGES_BEFORE.search(window[:a]) or _CHARGES_AFTER.match(window[b:])
        ]
        read_bare = [
            (a, b)
            for v, a, b in amounts
            if abs(v - rent) < 0.005
            and not _TOTAL_CUE_BEFORE.search(window[:a])
            and not _TOTAL_CUE_AFTER.match(window[b:])
        ]
        charges = [c for c in charges if c < rent]  # (« loyer et charges : 500 € » is the rent)
        if not charges or not read_bare:
            continue
        printed = {round(v, 2) for v, _, _ in amounts}
        if all(round(rent - c, 2) not in printed for c in charges):
            return {"loyer_mensuel"}
    return set()
