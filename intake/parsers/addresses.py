"""The dwelling's address: street part, complement (building, flat), postcode and town.

The labels that introduce an address ([adresse] ancres) and the street-type words come
from the rule files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import french
from ..engine import compile_pattern

# a postcode's two parts on one line ("93 100"), or cut by a line end when a town follows
# ("59\n200 Tourcoing"); "Appt 23\n102 bis rue …" is no postcode
_CP = re.compile(
    r"(?<![\d/.,])(?P<cp>\d{2}[ \t\u00a0\u202f]?\d{3}|\d{2}[ \t]*\n[ \t]*\d{3}"
    r"(?=\s+(?!(?:bis|ter|rue|avenue|boulevard|bd|place|chemin|impasse|all[ée]e|route|quai|cours)\b)"
    r"(?-i:[A-ZÀ-Ý])))(?![\d/.,])\s+(?:(?:cedex\s*\d*)\s+)?(?P<town>[^\n,;()]{2,60})",
    re.IGNORECASE,
)
_TOWN_STOP = re.compile(
    r"\s+(?:o[ùu]\b|et\b|ci-apr[èe]s|pris\b|repr[ée]sent|n[ée]e?\b|cedex\b|t[ée]l|tel\b|France\b|agissant|"
    r"d[ée]fendeur|locataire|en\s+qualit|-\s|–|\d|au\s+titre|dans\b|qui\b|depuis|le\s+\d|pour\b|VOUS\b|devant\b)",
    re.IGNORECASE,
)


_TOWN_CP = re.compile(
    r",?\s+(?:[àa]\s+)?(?P<town>[A-ZÀ-Ý][\w'\-]+(?:[ \-](?:[A-ZÀ-Ý][\w'\-]+|sur|sous|en|de|du|la|le|les|lès))"
    r"{0,4})\s*\(\s*(?P<cp>\d{2}\s?\d{3})\s*\)"
)


@dataclass
class Adresse:
    adresse: str | None = None
    complement: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    offset: int | None = None


def find_address(text: str, data: dict, after: int | None = None) -> Adresse | None:
    conf = data.get("adresse", {})
    anchors = [compile_pattern(a) for a in conf.get("ancres", [])]
    street_words = conf.get("types_voie", "rue|avenue|boulevard|place|chemin|impasse|all[ée]e")
    complement = conf.get("complement", r"b[âa]t|appt|appartement|[ée]tage|r[ée]sidence")
    candidates = []
    for rank, rx in enumerate(anchors):
        for m in rx.finditer(text):
            found = parse_address(text[m.end() : m.end() + 260], street_words, complement)
            if found and found.code_postal:
                found.offset = m.end()
                candidates.append((rank, m.end(), found))
    if after is not None and conf.get("autre_partie"):
        # after the défendeurs, an address under another party's heading ("DEMANDEUR :")
        # is that party's, not the dwelling
        other = compile_pattern(conf["autre_partie"])
        candidates = [c for c in candidates if c[1] < after or not other.search(text, after, c[1])]
    if after is not None and not any(c[1] >= after for c in candidates):
        # the parties' addresses on their own lines, without "demeurant" (source 40): the
        # last such block inside the list of défendeurs, before an earlier party's address
        bare = _bare_address(text, after, street_words, complement)
        if bare is not None:
            return bare
    if not candidates:
        return None
    if after is not None:
        later = [c for c in candidates if c[1] >= after]
        if later:
            # the first address after the tenants' names, unless a "lieux loués" anchor exists
            best_rank = min(c[0] for c in candidates)
            pool = [c for c in candidates if c[0] == best_rank] if best_rank == 0 else later
            return sorted(pool, key=lambda c: (c[0], c[1]))[0][2]
    return sorted(candidates, key=lambda c: (c[0], c[1]))[0][2]


def _bare_address(text: str, after: int, street_words: str, complement: str) -> Adresse | None:
    """An address written as lines of its own (complement, street, postcode and town) in the
    500 characters before `after`, the end of the list of défendeurs."""
    start = max(0, after - 500)
    rx = re.compile(
        rf"(?m)^[ \t]*(?:(?:{complement})[^\n]{{0,60}}\n[ \t]*)?\d+\s*(?:bis|ter)?\s*,?\s+"
        rf"(?:{street_words})\b[^\n]{{2,60}}\n[ \t]*\d{{2}}\s?\d{{3}}\s+[A-ZÀ-Ý]",
        re.IGNORECASE,
    )
    last = None
    for m in rx.finditer(text, start, after):
        last = m
    if last is None:
        return None
    found = parse_address(text[last.start() : last.start() + 260], street_words, complement)
    if found is None or not found.code_postal or not found.adresse:
        return None
    found.offset = last.start()
    return found


def parse_address(segment: str, street_words: str, complement_words: str) -> Adresse | None:
    """Read 'Bât. B, appt 12, 3 rue Jean Jaurès\\n52100 SAINT-DIZIER …'."""
    seg = french.normalize_text(segment)
    m = _CP.search(seg)
    if not m or m.start() > 180:
        # "22, rue des Carmes à Poitiers (86000)": the town first, its postcode in brackets
        m = _TOWN_CP.search(seg)
        if not m or m.start() > 180:
            return None
    cp = re.sub(r"\s", "", m.group("cp"))
    town = _clean_town(m.group("town"))
    before = seg[: m.start()]
    # the label of the postcode's own line ("Code postal / Commune : 69200 …") is no
    # part of the street or its complement (with its colon: "rue Haute-Ville" stays)
    before = re.sub(
        r"[\s,]*\b(?:code\s+postal|C\.?P\.?|commune|ville|localit[ée])(?:\s*(?:/|et)\s*"
        r"(?:code\s+postal|commune|ville|localit[ée]))?\s*:\s*$",
        "",
        before,
        flags=re.IGNORECASE,
    )
    # a line ending on a street word or a connector goes on over the next line
    before = re.sub(
        rf"\b((?:{street_words})|de|du|des|la|le|les|d'|l')\s*\n\s*",
        r"\1 ",
        before,
        flags=re.IGNORECASE,
    )
    before = re.sub(
        rf"(\b\d+\s*(?:bis|ter)?)\s*\n\s*(?=(?:{street_words})\b)",
        r"\1 ",
        before,
        flags=re.IGNORECASE,
    )
    # "rue du 8 Mai\n1945": a street named after a date goes on with its year
    before = re.sub(
        rf"(\b\d{{1,2}}(?:er)?\s+{french.MONTH_RE})\s*\n\s*(?=\d{{4}}\b)",
        r"\1 ",
        before,
        flags=re.IGNORECASE,
    )
    # a new line is a new part of the address when it starts like one (number, building,
    # street word); otherwise it is a sentence wrapped in the middle of a street name
    before = re.sub(
        rf"\s*\n\s*(?!\d|(?:{complement_words})|(?:{street_words})\b|[,-])",
        " ",
        before,
        flags=re.IGNORECASE,
    )
    # (an em dash before the postcode, off a scan: "escalier 2 — 42000 SAINT-ÉTIENNE")
    before = re.sub(r"\s*\n\s*", ", ", before).strip(" ,:-.").removesuffix(" —").rstrip(" ,")
    before = re.sub(r"^(?:au|à|a|sis|sise|situ[ée]e?)\s+", "", before, flags=re.IGNORECASE)
    # "au 3ème étage du 14 rue de la Forêt à 67100 …": the floor or building before the
    # street is a complement of its own; the "à" before the postcode is no part of it
    before = re.sub(r"\s+(?:à|a)$", "", before)
    before = re.sub(
        rf"^(?P<c>(?:{complement_words})[^,\n]{{0,40}}?)\s+(?:du|au|de\s+l.immeuble(?:\s+du)?)\s+"
        rf"(?=\d+\s*(?:bis|ter)?\s*,?\s*(?:{street_words})\b)",
        r"\g<c>, ",
        before,
        flags=re.IGNORECASE,
    )
    # "le 3 rue …", "la résidence …": the article goes; "La Métairie" (a lieu-dit's name) stays
    article = re.match(r"(?i:le|la)\s+(?P<next>\S+)", before)
    if article and not (
        article.group("next")[:1].isupper()
        and not re.match(rf"(?:{street_words}|{complement_words})\b", article.group("next"), re.I)
    ):
        before = before[article.start("next") :]
    # "3, rue …": the comma must not split the number from its street (dropped below)
    before = re.sub(
        rf"(\b\d+\s*(?:bis|ter|[a-c])?)\s*,\s*(?=(?:{street_words})\b)",
        "\\1\x00 ",
        before,
        flags=re.IGNORECASE,
    )
    # (a dash between parts may come doubled or glued to a dot off a scan: "30 place du
    # Marché -— Bâtiment C", "8 Mai 1945.— Bâtiment C")
    parts = [
        p.strip(" ,-")
        for p in re.split(r"\s*[,;]\s*|\s+[-–—]{1,3}\s+|\.[-–—]{1,3}\s+", before)
        if p.strip(" ,-")
    ]
    street_rx = re.compile(
        rf"(?:^\d+\s*(?:bis|ter|[a-c]\b)?\s*,?\s*)?\b(?:{street_words})\b", re.IGNORECASE
    )
    compl_rx = re.compile(rf"^(?:{complement_words})", re.IGNORECASE)
    street = None
    compl: list[str] = []
    for part in reversed(parts):
        if compl_rx.search(part) and not street_rx.search(part):
            compl.insert(0, part)
        elif (
            street is None
            and street_rx.search(part)
            and not re.match(r"^r[ée]sidence\b", part, re.IGNORECASE)
        ):
            # cut a flat or building glued after the street
            cut = re.search(rf"\s+(?=(?:{complement_words})\b)", part, re.IGNORECASE)
            # (only after the street: "3ème étage du 14 rue …" is not a street "3ème")
            if cut and cut.start() > 3 and street_rx.search(part[: cut.start()]):
                compl.insert(0, part[cut.end() :])
                part = part[: cut.start()]
            street = part
        elif street is None and re.match(r"^\d+\s*(?:bis|ter)?\x00?\s+\S+", part):
            street = part
        elif compl_rx.search(part) or street is not None:
            compl.insert(0, part)
    if street is None:
        # no street word: a residence or a lieu-dit alone
        rest = [
            p
            for p in parts
            if not re.match(
                r"^(?:b[âa]t|appt|apt|appartement|[ée]tage|porte|esc)", p, re.IGNORECASE
            )
        ]
        street = rest[-1] if rest else None
        compl = [p for p in parts if p != street]
    if street:
        street = re.sub(r"\s+", " ", street).strip(" ,.")
        # (a stray quote or bullet read by OCR at the start of a line is no part of it)
        compl = [c.replace("\x00", ",").strip(" “”\"«»'•·*") for c in compl]
        compl = [c for c in compl if c]
        # keep only what follows a leading label ("demeurant au 3 rue"); a flat or a
        # building before the number ("appt 14 3 quai …", a table cell's lines run
        # together) is the complement's
        lead = re.match(
            r"^(.*?)\b(?=\d+\s*(?:bis|ter)?\s*,?\s*(?:" + street_words + r")\b)",
            street,
            flags=re.IGNORECASE,
        )
        if lead:
            before_number = lead.group(1).strip(" ,-")
            if before_number and compl_rx.search(before_number):
                compl.append(before_number)
            street = street[lead.end() :]
        street = street.replace("\x00", "")  # "3, rue …" → "3 rue …", as the contract shows
        if len(street) > 80 or len(street) < 3:
            street = None
    return Adresse(
        adresse=street, complement=", ".join(compl) or None, code_postal=cp, commune=town
    )


def _clean_town(raw: str) -> str | None:
    raw = raw.strip()
    raw = _TOWN_STOP.split(raw, maxsplit=1)[0]
    tokens = raw.split()
    keep = []
    for tok in tokens:
        if (
            keep
            and tok[:1].islower()
            and "-" not in tok
            and tok.lower() not in ("sur", "sous", "en", "de", "du", "la", "le", "les", "lès")
        ):
            break
        keep.append(tok)
    # trailing lowercase connectors are not part of the town
    while keep and keep[-1].lower() in ("sur", "sous", "en", "de", "du", "la", "le", "les", "lès"):
        keep.pop()
    town = " ".join(keep).strip(" .,;:-")
    if not town or not re.search(r"[A-Za-zÀ-ÿ]{2}", town):
        return None
    return french.town_case(town)
