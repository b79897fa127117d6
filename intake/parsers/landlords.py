"""The landlord of an act, a letter or a form: found, cleaned, and what it says of the
household's occupation status.

    find_bailleur(text, data) -> (value, offset, doubtful) | None
    clean_bailleur(raw) -> str | None
    statut_from_bailleur(bailleur, data) -> str | None

The landlord is the party "à la requête de" (patterns in the rule files' `[bailleur]`),
never the managing agency, the commissaire's office or a phrase of the act; the short name
the act gives ("dit « X Habitat »") is the one in use.
"""

from __future__ import annotations

import re

from asll.domain.landlords import LAW_OFFICE, occupation_for

from .. import french
from ..engine import PARSERS, FieldRule
from .persons import CIV

# Role words of an act: a value made of them is a fragment of wording, not a landlord.
_ROLE_WORDS = re.compile(
    r"\b(?:demandeu?r(?:esse)?s?|requ[ée]rante?s?|ci-dessus|ci-apr[èe]s|susnomm[ée]e?s?|sus-?d[ée]sign[ée]e?s?|"
    r"d[ée]sign[ée]e?s?|d[ée]fendeu?r(?:esse)?s?|locataires?|preneu?r|soussign[ée]e?|requise?|"
    r"(?:le|la|son|sa|leur)\s+(?:bailleu?r|bailleresse|propri[ée]taire))\b",
    re.IGNORECASE,
)
# a role word opening the candidate: it points to the party, it does not name another one
_BACK_REFERENCE = re.compile(
    r"\s*(?:(?:du|de\s+la|de\s+l.|des|le|la|les|l.)\s*)?(?:demandeu?r(?:esse)?|requ[ée]rante?|"
    r"bailleu?r(?:esse)?)(?:s|\(s\))?\b",
    re.IGNORECASE,
)
# the commissaire's office ("délivrée par la SCP X, commissaires de justice") is not the landlord
_OFFICER = re.compile(rf"\b(?:{LAW_OFFICE}|huissiers?|commissaires?)\b", re.IGNORECASE)
_OFFICER_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:commissaires?|huissiers?)\s+de\s+justice", re.IGNORECASE
)
# "Office Public de l'Habitat de X, dit « X HABITAT »": the short name is the one in use
_SHORT_NAME = re.compile(
    r"(?:\bdite?|\bd[ée]nomm[ée]e?|\bsous\s+(?:le\s+nom|la\s+d[ée]nomination)\s+(?:de\s+)?|"
    r"\bsous\s+l.enseigne|\bconnue?\s+sous\s+le\s+nom\s+(?:de\s+)?|"
    r"\(?\s*ci-apr[èe]s(?:\s+(?:d[ée]nomm[ée]e?|d[ée]sign[ée]e?|appel[ée]e?))?\s*:?|\()\s*[«\"“]\s*(?P<s>[^»\"”]{2,60}?)\s*[»\"”]",
    re.IGNORECASE,
)


def find_bailleur(text: str, data: dict) -> tuple[str, int, bool] | None:
    """The landlord: the first candidate of the rule file's patterns that reads as an
    organisation or a person; (value, offset, doubtful)."""
    conf = data.get("bailleur", {})
    mandataire = re.compile(conf.get("mandataire", r"\bagence\b"), re.IGNORECASE)
    rule = FieldRule("bailleur", "organisme", list(conf.get("motifs", [])))
    skipped = False
    for rx in rule.patterns:
        for m in rx.finditer(text):
            # a paragraph ends the party's designation ("SA HLM X" / "J'ai, Maître …")
            parts = re.split(r"\n[ \t]*\n", m.group("v"), maxsplit=2)
            raw = parts[0]
            if len(parts) > 1 and (not raw.strip() or _only_kind_words(raw)):
                # "la⏎⏎société X": a blank line (OCR) after an article or a legal kind
                # does not end the designation
                raw = f"{raw} {parts[1]}"
            start = m.start("v")
            head = _wrapped_head(text, start) if m.start() == start else ""
            if head:
                # "…, la SCI LES\nGLYCINES a fait assigner": the name began on the line above
                raw, start = f"{head} {raw}", text.rfind(head, 0, start)
            short = _SHORT_NAME.search(text[m.start("v") : m.end("v") + 60])
            if short and not _ROLE_WORDS.search(short.group("s")):
                raw = short.group("s")
            value = clean_bailleur(raw)
            if not value or mandataire.search(value) or is_placeholder(value):
                continue
            if _only_kind_words(value):
                skipped = True  # "la", "la société": no name read
                continue
            at = text.find(value, m.start("v"), m.end("v") + 60)
            if at >= 0 and _AGENT_AFTER.match(text, at + len(value)):
                continue
            if (
                _ROLE_WORDS.search(value)
                or not _reads_as_name(value)
                or _OFFICER.search(value)
                or (at >= 0 and _OFFICER_AFTER.match(text, at + len(value)))
            ):
                # "à la requête du demandeur ci-dessus désigné", "DEMANDEUR(S)": a pointer
                # to the party named elsewhere, not a rival name
                skipped = skipped or not _BACK_REFERENCE.match(raw)
                continue
            # a couple of landlords: the first one named is kept, for a person to check
            couple = bool(_COUPLE.match(french.normalize_text(raw).strip()))
            # "la SCI⏎LES GLYCINES a fait assigner": the form kept in the name was left at
            # the end of the line before
            form = _FORM_LINE_BEFORE.search(text, max(0, m.start("v") - 20), m.start("v"))
            if form and at >= 0 and not value.upper().startswith(form.group(1).upper()):
                value = f"{form.group(1).upper()} {value}"
            return value, start, skipped or couple or len(value) > 70
    return None


# a legal form that stays in the landlord's name, alone at the end of a line
_FORM_LINE_BEFORE = re.compile(r"\b(SCI|SARL|SAS|EURL|SNC)[ \t]*\n[ \t]*$", re.IGNORECASE)


# the last word of a name's beginning cut by a line end: an article or a legal kind
_HEAD_END = re.compile(
    r"(?i:la|le|les|l'|l’|de|du|des|d'|d’|sci|sa|sarl|sas|oph|opac|esh|sem|hlm|d'hlm|d’hlm|"
    r"soci[ée]t[ée]|office|public|civile|immobili[èe]re|anonyme)$"
)


# a person's title and first names, the surname on the next line
_PERSON_HEAD = re.compile(
    rf"(?:(?:{CIV})|(?i:monsieur|madame))(?:\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)){{0,2}}"
)


# a legal form and the start of a name in capitals, the rest on the next line
_FORM_HEAD = re.compile(
    r"(?:(?i:la|le|l')\s*)?(?:SCI|SARL|SAS|SA|OPH|OPAC|ESH|SEM)(?:\s+[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9'\-]*){1,4}"
)


# the first word of an organisation's name written in full, cut by a line end
_LONG_NAME_HEAD = re.compile(
    r"(?:(?i:la|le|l'|l’)\s*)?(?:Office|Soci[ée]t[ée]|Entreprise|Association|Fondation|Caisse)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w'’\-]*|de|du|des|d'|d’|l'|l’|la|le)){0,4}"
)


def _wrapped_head(text: str, start: int) -> str:
    """The beginning of a name that a line end cut before `start` (a value read from the
    start of its line): the end of the line above after its last comma, when it reads as
    the start of a name ("la SCI LES", "la SA d'HLM"), else ""."""
    line = text.rfind("\n", 0, start)
    if line < 0 or text[line + 1 : start].strip():
        return ""
    prev = text[text.rfind("\n", 0, line) + 1 : line].rstrip()
    tail = re.split(r"[,;:(]\s*|(?<!\b[A-Z])\.\s+", prev)[-1].strip()
    if not tail or len(tail.split()) > 6 or re.search(r"\d", tail) or not _reads_as_name(tail):
        return ""
    if _PERSON_HEAD.fullmatch(tail):
        return tail  # "Monsieur Joël\nROBIN a fait assigner"
    if _FORM_HEAD.fullmatch(tail):
        return tail  # "la SCI LE CLOS\nFLEURI a fait assigner": a form, then capitals
    if (
        tail.isupper()
        and len(tail.split()) <= 3
        and re.match(r"[A-ZÀ-Ý][A-ZÀ-Ý'\-]+\b", text[start:])
    ):
        return tail  # "…, NOVALIS\nLOGEMENT a fait assigner": a name in capitals, cut
    if re.fullmatch(r"[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+(?: [A-ZÀ-Ý'’\-]+)* ET", tail):
        return tail  # "…, DOMAINE ET\nFOYER a fait assigner": a name in capitals, cut at « ET »
    if _LONG_NAME_HEAD.fullmatch(tail):
        return tail  # "…, l'Office\nPublic de l'Habitat de X (X Habitat) a fait assigner"
    if not _HEAD_END.search(tail) or not re.search(r"[A-ZÀ-Ý]{2}", tail):
        return ""
    return tail


def _reads_as_name(value: str) -> bool:
    """An organisation or a person's name: mostly capitalised words, a few connectors."""
    words = re.findall(r"[A-Za-zÀ-ÿ][\w'\-]*", value)
    if not words:
        return False
    lower = [w for w in words if w[0].islower() and french.fold(w) not in _CONNECTORS]
    return len(lower) <= max(1, len(words) // 3)


_CONNECTORS = {
    "de",
    "du",
    "des",
    "d",
    "l",
    "la",
    "le",
    "les",
    "et",
    "en",
    "sur",
    "sous",
    "a",
    "au",
    "aux",
    "pour",
    "habitat",
    "logement",
    "immobiliere",
    "societe",
    "anonyme",
    "civile",
    "office",
    "public",
    "publique",
    "d'habitations",
    "d'hlm",
    "loyer",
    "modere",
    "habitations",
    "lès",
    "lez",
    "saint",
    "sainte",
    "dit",
    "dite",
    "dans",
    "par",
    "l'habitat",
    "d'economie",
    "mixte",
}


_FORM_AFTER = re.compile(
    r"\s*(?:[-–—,]\s*|\(|\s(?=OPH\b|OPAC\b))(?:OPH|OPAC|ESH|SEM|SA\s+d.?HLM|SA\s+HLM|SAEM|SCIC|SCI)\)?\s*$"
)
# "S.A. d'HLM X pour elle-même et venant aux droits de Y": the party is X
_PARTY_TAIL = re.compile(
    r"\s+(?:pour\s+(?:elle|lui|eux)-m[êe]mes?|venant\s+aux\s+droits\b|(?:agissant\s+)?en\s+qualit[ée]\s+de\b).*$",
    re.IGNORECASE,
)
# a legal form spelt out after the name: « …, société civile immobilière »,
# « … établissement public à caractère industriel et commercial »
_KIND_TAIL = re.compile(
    r"[\s,]+(?:soci[ée]t[ée]\s+(?:civile(?:\s+immobili[eè]re)?|anonyme|par\s+actions|[àa]\s+responsabilit[ée]|"
    r"coop[ée]rative|d.[ée]conomie\s+mixte)|[ée]tablissement\s+public|entreprise\s+sociale\s+pour\s+l.habitat)\b.*$",
    re.IGNORECASE,
)
# a party named just before "(agissant) en qualité de mandataire / gestionnaire" is the agent
_AGENT_AFTER = re.compile(
    r"\s*,?\s*(?:agissant\s+)?(?:en\s+(?:sa\s+)?qualit[ée]\s+de\s+)(?:mandataire|gestionnaire|g[ée]rante?)\b",
    re.IGNORECASE,
)


_KIND_WORDS = {
    "l",
    "la",
    "le",
    "les",
    "office",
    "public",
    "publique",
    "de",
    "d",
    "du",
    "des",
    "l'habitat",
    "habitat",
    "societe",
    "anonyme",
    "d'habitations",
    "d'habitation",
    "habitations",
    "a",
    "loyer",
    "modere",
    "hlm",
    "d'hlm",
    "sa",
    "sci",
    "civile",
    "immobiliere",
    "oph",
    "opac",
    "esh",
    "entreprise",
    "sociale",
    "pour",
    "cooperative",
    "sem",
    "economie",
    "mixte",
}


def _only_kind_words(kind: str) -> bool:
    """Is `kind` only a legal kind ("l'Office Public de l'Habitat", "la SA d'HLM")?"""
    words = re.findall(r"[\w']+", french.fold(kind).replace("’", "'"))
    return bool(words) and all(w in _KIND_WORDS or w.lstrip("ld'") in _KIND_WORDS for w in words)


# "Monsieur et Madame ROUX Gérard et Line", "M. et Mme Gérard ROUX": two landlords
_COUPLE = re.compile(
    r"^(?:monsieur|m\.?|mr\.?)\s+et\s+(?:madame|mme\.?)\s+(?P<rest>.+)$", re.IGNORECASE
)


def clean_bailleur(raw: str) -> str | None:
    raw = re.sub(r"\s+", " ", french.normalize_text(raw)).strip(" :;,.-|")
    # "Roussillon Habitat – service prévention des impayés": the unit is not the landlord
    raw = re.sub(
        r"\s+[-–—]\s+(?i:service|direction|agence|p[ôo]le|d[ée]partement|cellule)\b.*$", "", raw
    )
    # a legal form with dots is the same form: "S.C.I." is "SCI", "S.A.R.L." is "SARL"
    raw = re.sub(
        r"\b(?:S\.\s?C\.\s?I|S\.\s?A\.\s?R\.\s?L|S\.\s?A\.\s?S|S\.\s?E\.\s?M|O\.\s?P\.\s?H)\.?(?=\s|$)",
        lambda m: re.sub(r"[.\s]", "", m.group(0)),
        raw,
    )
    # "Office Public de l'Habitat « Rouen Habitat »": a kind, then the name in quotes
    quoted = re.match(r"^(?P<kind>[^«»\"“”]{3,90}?)\s*[«\"“]\s*(?P<s>[^»\"”]{2,60}?)\s*[»\"”]", raw)
    if quoted and _only_kind_words(quoted.group("kind")):
        raw = quoted.group("s")
    couple = _COUPLE.match(raw)
    if couple:
        # "ROUX Gérard et Line, propriétaires" → "Monsieur ROUX Gérard" (the first named)
        rest = re.split(r"\s*,", couple.group("rest"), maxsplit=1)[0]
        # ("… Jean-Marc et" when the line ended after "et": the second first name is gone)
        raw = "Monsieur " + re.sub(r"\s+(?:et|&)(?:\s+\S+)?$", "", rest)
        # « Paul et Anne ROUX »: his first name, their surname
        raw = re.sub(
            r"^Monsieur\s+(?P<p>[A-ZÀ-Ý][\w\-]+)\s+(?:et|&)\s+[A-ZÀ-Ý][\w\-]+\s+"
            r"(?P<n>[A-ZÀ-Ý][A-ZÀ-Ý'\- ]+)$",
            r"Monsieur \g<p> \g<n>",
            raw,
        )
    person = re.match(rf"^(?:{CIV}|(?i:monsieur|madame|mademoiselle))\s", raw)
    # "L'OFFICE PUBLIC … (OPAC de la Haute-Marne)": the short name in brackets is the usual one
    short = re.match(
        r"^[^(,]{8,}\((?P<s>(?!RCS\b|SIRE[NT]\b|APE\b|TVA\b)[A-Z]{2,6}\b[^)]{0,60})\)", raw
    )
    # (a registration number or a bare legal form in brackets is not a name)
    if short and not _only_kind_words(short.group("s")):
        raw = short.group("s")
    else:
        raw = _usual_name_in_brackets(raw)
    # an article before the name goes ("la SCI X", "l'OPH Y"); "LE CLOS DES VIGNES", "LA
    # FONTAINE" in capitals keep theirs: it is part of the name
    raw = re.sub(
        r"^(?:l'|la\s+|le\s+|L'|La\s+|Le\s+)(?=[A-Z]{2,}\b|(?i:office|soci[ée]t[ée]|SCI|SA)\b)",
        "",
        raw,
    )
    raw = re.sub(r"^(?:L'|LA\s+|LE\s+)(?=(?i:office|soci[ée]t[ée]|SCI|SA|OPH|OPAC)\b)", "", raw)
    # "la société SCI Les Tilleuls", "Société X", "la SA Immobilière …": the kind is not the name
    raw = re.sub(
        r"^(?i:soci[ée]t[ée])\s+(?=(?:SCI|SARL|SAS|SA|EURL|SNC)\b|[A-Z])(?!(?i:anonyme|civile|d))",
        "",
        raw,
    )
    raw = _PARTY_TAIL.sub("", raw)
    raw = re.sub(r"^(?:SA|S\.A\.)\s+(?!(?i:d.?HLM|HLM|d.habitations)\b)(?=[A-Z0-9])", "", raw)
    # « E.P.I.C. VALOPHIS HABITAT-OPH »: a public body's legal form before its name
    raw = re.sub(r"^E\.?\s?P\.?\s?[I1l]\.?\s?C\.?\s+(?=[A-Z0-9])", "", raw)
    # « SCI LE CLOS FLEURI société civile immobilière »: the legal form spelt out after the
    # name (the next line of a party's block) is not part of it
    tail = _KIND_TAIL.search(raw)
    if tail and tail.start() > 0 and not _only_kind_words(raw[: tail.start()]):
        raw = raw[: tail.start()]
    # "d'HLM NOTRE LOGIS": the legal form cut where a line ended ("la SA\nd'HLM …")
    raw = re.sub(
        r"^(?i:d.(?:HLM|habitations?\s+[àa]\s+loyers?\s+mod[ée]r[ée]s?))\s+(?=[A-Z0-9]{2})", "", raw
    )
    # a legal form spelt out before the name in capitals: "société anonyme d'habitations à
    # loyer modéré HABITAT DU CENTRE-EST" is "HABITAT DU CENTRE-EST"
    raw = re.sub(r"^(?i:soci[ée]t[ée]\s+civile\s+immobili[èe]re)\s+(?=[A-Z])(?!SCI\b)", "SCI ", raw)
    # "société civile immobilière SCI DU PARC": the form spelt out, then its initials
    raw = re.sub(r"^(?i:soci[ée]t[ée]\s+civile\s+immobili[èe]re)\s+(?=SCI\b)", "", raw)
    raw = re.sub(
        r"^(?i:(?:soci[ée]t[ée]\s+anonyme|S\.?A\.?)\s+d.(?:habitations?\s+[àa]\s+loyers?\s+mod[ée]r[ée]s?|HLM)"
        r"|soci[ée]t[ée]\s+anonyme|entreprise\s+sociale\s+pour\s+l.habitat|(?:la\s+)?soci[ée]t[ée]\s+coop[ée]rative"
        r"(?:\s+d.HLM)?)\s+(?=[A-Z0-9][A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ'\- ]{2,}\b)",
        "",
        raw,
    )
    value = PARSERS["organisme"](raw)
    if not value:
        return None
    # a legal form after the name: "PARIS HABITAT – OPH", "LOGIVAL, SA d'HLM"
    value = _FORM_AFTER.sub("", value).strip() or value
    # an individual landlord: name without title, first name first ("Jean DUPONT")
    m = re.match(rf"^(?:{CIV}|(?i:monsieur|madame))\s+(.+)$", value)
    if m:
        value = m.group(1)
    if m or person:
        value = french.strip_marital(value)
        nom, prenom = french.split_name(value)
        if nom and prenom and value.startswith(nom) and len(value.split()) <= 5:
            value = f"{prenom} {nom}"
    value = french.strip_marital(value)
    value = re.sub(r"\s*\((?:ci-apr[èe]s|le\s+bailleur|bailleur)[^)]*\)?", "", value).strip(" ,.")
    return value or None


# a legal body spelt out ("Office Public de l'Habitat Toulouse Métropole", "la société
# anonyme d'HLM …") before its usual name in brackets
_BODY_SPELT_OUT = re.compile(
    r"^(?:l.|la\s+|le\s+)?(?:office\b|soci[ée]t[ée]\b|S\.?A\.?\s|entreprise\s+sociale|OPH\b|OPAC\b)",
    re.IGNORECASE,
)
_NOT_USUAL_NAME = re.compile(
    r"ci-apr[èe]s|bailleu?r|RCS|si[èe]ge|n°|\d{5}|repr[ée]sent|agissant|mandataire", re.IGNORECASE
)


def _usual_name_in_brackets(raw: str) -> str:
    """ "Office Public de l'Habitat Toulouse Métropole (Toulouse Métropole Habitat)": the
    name in brackets is the one in use when it reads as a name and shares a word with the
    spelt-out body (or is written in capitals); otherwise `raw` unchanged."""
    m = re.match(r"^(?P<long>[^(,]{8,}?)\s*\((?P<s>[^()]{3,60})\)", raw)
    if not m or not _BODY_SPELT_OUT.match(m.group("long")):
        return raw
    s = m.group("s").strip()
    if (
        not s[:1].isupper()
        or len(s.split()) > 6
        or _NOT_USUAL_NAME.search(s)
        or _ROLE_WORDS.search(s)
        or not _reads_as_name(s)
        or _only_kind_words(s)
    ):
        return raw
    words = {w for w in re.findall(r"[\w']{4,}", french.fold(m.group("long")))} - _KIND_WORDS
    shared = words & set(re.findall(r"[\w']{4,}", french.fold(s)))
    return s if shared or s.isupper() else raw


def is_placeholder(value: str) -> bool:
    return bool(
        re.fullmatch(
            r"[\W_.…]*|(?:n[ée]ant|non\s+renseign[ée]|sans\s+objet|non\s+concern[ée]e?|aucun|/|-|\.+)",
            value,
            re.IGNORECASE,
        )
    )


def statut_from_bailleur(bailleur: str, data: dict) -> str | None:
    """Occupation status from the landlord's name: a service's own landlord lists first
    (`[statut_occupation]` of its rule files), then the project's list
    (asll/domain/landlords.py); an individual ("Jean-Pierre GARNIER") is a private one."""
    conf = data.get("statut_occupation", {})
    for p in conf.get("bailleurs_prives", []):
        if re.search(p, bailleur, re.IGNORECASE):
            return "locataire_prive"
    for p in conf.get("bailleurs_sociaux", []):
        if re.search(p, bailleur, re.IGNORECASE):
            return "locataire_public"
    found = occupation_for(bailleur)
    if found:
        return found
    # a name all in capitals ("LES FOYERS DE L'EST") may be an organisation: not decided
    # here (the status is then flagged)
    nom, prenom = french.split_name(bailleur)
    if prenom and nom and len(bailleur.split()) <= 5 and prenom != prenom.upper():
        return "locataire_prive"
    return None


def statut_from_designation(designation: str, data: dict) -> str | None:
    """Occupation status from the words around a short name ("LMH, office public de
    l'habitat"): the landlord lists only, never the reading of a person's name."""
    conf = data.get("statut_occupation", {})
    for p in conf.get("bailleurs_prives", []):
        if re.search(p, designation, re.IGNORECASE):
            return "locataire_prive"
    for p in conf.get("bailleurs_sociaux", []):
        if re.search(p, designation, re.IGNORECASE):
            return "locataire_public"
    return occupation_for(designation)
