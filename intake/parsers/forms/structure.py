"""How a form is laid out: its sections, and its label/value pairs whatever their layout
(colons, table rows, values above or under their labels, captions, labels after values)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from asll.domain import communes

from ... import french, pattern_store
from ...readers import Document
from .ticks import ANY_MARK, MARK_ON, Tick, labels_before_boxes

# a resource applied for and not yet paid: listed, its amount unknown
PENDING = (
    r"en\s+attente|(?:demande\s+)?en\s+cours(?:\s+d.(?:ouverture|instruction))?|[àa]\s+venir"
    r"|non\s+(?:encore\s+)?(?:vers[ée]e?|per[çc]ue?|ouverte?)"
)

SECTIONS = {
    "prescripteur": r"prescripteur|(?:cadre\s+)?r[ée]serv[ée]\s+(?:au|[àa]\s+l.)\s*(?:travailleu|prescri|service|instructeur|r[ée]f[ée]rent)\w*|r[ée]f[ée]rent|travailleur\s+social|service\s+demandeur|organisme\s+demandeur|demandeur\s+de\s+la\s+mesure|"
    r"instruction\s+sociale|service\s+instructeur|"
    # « CACHET DU SERVICE », « Nom et qualité du signataire »: the stamp closing the form
    r"cachet\s+(?:et\s+signature\s+)?(?:du|de\s+la|de\s+l.)\s*(?:service|structure|organisme)|"
    r"(?:(?:nom|pr[ée]nom|qualit[ée]|fonction)\s*(?:,|et|/)?\s*)+(?:du|de\s+la)\s+signataire|"
    # "VISA DU SERVICE SOCIAL DE SECTEUR", "Avis et signature du travailleur social": the
    # prescriber's block closing the form
    r"(?:avis|visa|cachet)(?:\s+et\s+(?:signature|cachet|visa))?\s+(?:du|de\s+la|de\s+l.)\s*"
    r"(?:service\s+social|travailleu\w*|prescri\w*|r[ée]f[ée]rent\w*|intervenant\w*|service\s+(?:demandeur|instructeur))",
    # the part of a form the landlord fills: its "Organisme" and its adviser are not the
    # prescriber's
    "bailleur": r"(?:partie|volet|cadre)\s+(?:\d+\s*)?(?:[–—-]\s*)?(?:[àa]\s+(?:remplir|compl[ée]ter)|r[ée]serv[ée]e?)\s+"
    r"(?:par|au|[àa])\s+(?:l[ea]\s+)?(?:bailleur|propri[ée]taire)",
    # "PARTIE À REMPLIR PAR LE SERVICE SOCIAL" after the landlord's part: it only ends it
    "aucune": r"(?:partie|volet|cadre)\s+(?:\d+\s*)?(?:[–—-]\s*)?(?:[àa]\s+(?:remplir|compl[ée]ter)|r[ée]serv[ée]e?)\s+"
    r"(?:par|au|[àa])\s+(?:l[ea]\s+)?(?:service\s+social|travailleu(?:r|se)\s+social|intervenant)",
    "mesure": r"type\s+de\s+(?:la\s+)?(?:mesure|demande)|nature\s+de\s+la\s+(?:mesure|demande)|mesure\s+(?:sollicit|demand|pr[ée]conis)|orientation\s*:",
    "menage": r"m[ée]nage|la\s+personne|identit[ée]|demandeur|composition|[ée]tat\s+civil|situation\s+familiale|"
    r"identification\s+(?:du|des|de\s+la)\s+(?:m[ée]nage|demandeu\w*|famille|foyer|personnes?)|"
    r"(?:personnes?|membres?)\s+(?:composant|constituant|vivant|du\s+foyer|du\s+m[ée]nage)|foyer|famille",
    "conjoint": r"(?:votre\s+)?(?:conjoint|concubin|co-?demandeur|co-?titulaire)",
    "enfants": r"enfants?",
    "logement": r"logement|statut\s+d.occupation|habitat|situation\s+(?:au\s+regard\s+du|vis-[àa]-vis\s+du|par\s+rapport\s+au)\s+logement|volet\s+(?:maintien|acc[èe]s)|maintien\s+dans\s+les\s+lieux",
    "ressources": r"ressources|revenus|budget\s+du\s+m[ée]nage",
    "objectifs": r"objectifs?|points\s+[àa]\s+(?:[ée]valuer|travailler)|axes\s+de\s+travail",
    # fixed charges, other debts and the procedure close the resources: their amounts are not income
    "charges": r"charges\s+(?:fixes|mensuelles|du\s+m[ée]nage)|d[ée]penses|endettement|dettes|"
    r"[ée]tat\s+de\s+la\s+proc[ée]dure|proc[ée]dure",
    # a written assessment: its amounts and dates are not the form's fields
    "autre": r"motif|observations?|signature|accord|commentaires?|diagnostic\s+pr[ée]alable|synth[èe]se",
}
# "2. Le logement", "LE PRESCRIPTEUR", "III - Ressources" (a scan reads "Ill -", "11 -")
_SECTION_RX = {
    k: pattern_store.compile(
        rf"^\s*(?:(?:\d+|[IVX]+|[IVXl1|]{{1,4}}(?=\s*[-–—.]))\s*[.)/–—-]\s*)?(?:(?:les?|la|l['’])\s*)?(?:{v})\b",
        re.IGNORECASE,
    )
    for k, v in SECTIONS.items()
}


@dataclass
class Pair:
    label: str
    key: str | None
    value: str
    section: str | None
    line: int


@dataclass
class Form:
    doc: Document
    conf: dict
    data: dict
    lines: list[str]
    sections: list[str | None]
    pairs: list["Pair"]
    ticks: list["Tick"]
    libelles: dict


# ---------------------------------------------------------------------- structure


def heading(line: str) -> str | None:
    """The section a heading line opens (a heading has no value after it)."""
    s = line.strip().strip("|").strip()
    # "Statut d'occupation : ☒ …", "Ressources : RSA 723,50 € ; …" open a section too
    field = re.match(
        r"^(?:statut\s+d.occupation|objectifs?|ressources|revenus|type\s+de\s+mesure)",
        s,
        re.IGNORECASE,
    )
    if not s or len(s) > 70 and not field:
        return None
    if (
        re.search(r":\s*\S", s)
        or " | " in s
        and not s.lower().startswith(("type", "nature", "qualit"))
    ):
        if not field:
            return None
    for key, rx in _SECTION_RX.items():
        if rx.search(s):
            return key
    return None


def read_sections(lines: list[str]) -> list[str | None]:
    out: list[str | None] = []
    current = None
    for line in lines:
        h = heading(line)
        if h:
            current = None if h == "aucune" else h
        out.append(current)
    return out


_UNIT = pattern_store.compile(
    r"\s*(?:\((?:en\s+)?(?:€|euros?|eur)\)|en\s+(?:€|euros))\s*$", re.IGNORECASE
)
# "Date de naissance (J J M M A A A A)", "Né(e) le (jj/mm/aaaa)": how to write the value, not the label
_FORMAT_HINT = pattern_store.compile(r"\s*\(\s*(?:j\s*j|jour)[^)]{0,30}\)\s*$", re.IGNORECASE)


def label_key(label: str, libelles: dict[str, re.Pattern]) -> str | None:
    label = re.sub(r"\s+", " ", french.normalize_text(label)).strip(" .:|-*")
    label = _UNIT.sub("", label)  # "Loyer hors charges (€)", "Dette (en euros)"
    label = _FORMAT_HINT.sub("", label).strip(" .:")
    for key, rx in libelles.items():
        if rx.fullmatch(label):
            return key
    if " / " in label:
        # « Maison de la Métropole / service »: a caption naming the same field two ways; the
        # key its known part says (two parts saying two keys are two fields, no key)
        keys = {k for part in label.split(" / ") if (k := label_key(part, libelles))}
        if len(keys) == 1:
            return keys.pop()
    # "Demandeur - date de naissance", "Enfant 2 - nom, prénom, naissance", "Conjoint (nom et prénom)":
    # a role, then what the field holds
    m = re.match(r"^(?P<role>[^-:(]{2,40}?)\s*(?:-|\()\s*(?P<rest>.+?)\)?$", label)
    if not m:
        return None
    role, rest = m.group("role").strip(), m.group("rest").strip()
    rest = re.sub(r"^(?:civilit[ée]|sexe)\s*(?:,|et|/)\s*", "", rest, flags=re.IGNORECASE)
    role_key = label_key(role, libelles) if role != label else None
    if role_key == "enfant" or re.match(r"^enfants?\b", role, re.IGNORECASE):
        return "enfant"
    if role_key == "prescripteur" and _NAME_HINT.fullmatch(rest):
        # « Travailleur social (NOM Prénom) »: how to write the worker's name, not a person
        # of the household
        return role_key
    for key, rx in libelles.items():
        if rx.fullmatch(rest):
            if key in ("nom", "nom_prenom") and role_key == "conjoint":
                return "nom_prenom"
            return key
    # after a role, "NOM Prénom" is one field ("Conjoint - NOM Prénom"), not two columns
    if re.fullmatch(
        r"nom\s*(?:,|et|/)?\s*pr[ée]noms?(?:\s*(?:,|et|/|-|–|—)\s*(?:date\s+(?:et\s+lieu\s+)?de\s+)?naissance)?",
        rest,
        re.IGNORECASE,
    ):
        return "nom_prenom"
    return None


# « NOM Prénom », « nom, prénom, fonction »: how a name is to be written
_NAME_HINT = pattern_store.compile(
    r"(?:(?:nom|pr[ée]noms?|fonction|qualit[ée])\s*(?:,|et|/|-)?\s*){1,4}", re.IGNORECASE
)


_CIV_TICK = pattern_store.compile(
    rf"(?:[{MARK_ON}]|\[\s*[xX✓]\s*\])\s*(Monsieur|Madame|Mademoiselle|Mme|Mlle|M\.|Homme|Femme)(?![\w])",
    re.IGNORECASE,
)


_CIV_WORD = pattern_store.compile(
    r"(?:Monsieur|Madame|Mademoiselle|Mme|Mlle|M\.|Homme|Femme)", re.IGNORECASE
)


def read_pairs(
    lines: list[str], sections: list[str | None], libelles: dict[str, re.Pattern]
) -> list[Pair]:
    pairs: list[Pair] = []
    taken: set[int] = set()  # value rows read with the captions over them
    for i, line in enumerate(lines):
        if i in taken:
            continue
        cells = [c.strip() for c in line.split(" | ")]
        if len(cells) > 1:
            # "Nom : | DURAND": a table cell holding a label and its colon, the value beside it
            cells = [
                _LABEL_COLON.sub(r"\g<l>", c) if j % 2 == 0 else c for j, c in enumerate(cells)
            ]
        section = sections[i]
        bare = _colonless_pair(line, section, i, libelles) if len(cells) == 1 else None
        if bare:
            pairs.append(bare)
            continue
        typed = _typed_after_labels(line, section, i, libelles) if len(cells) == 1 else []
        if typed:
            pairs.extend(typed)
            continue
        if len(cells) == 2 and ":" not in cells[0] and cells[0] and len(cells[0]) <= 60:
            key = label_key(cells[0], libelles)
            if key or not ANY_MARK.fullmatch(cells[1] or "x"):
                pairs.append(Pair(cells[0], key, cells[1], section, i))
                continue
        under = _values_under_caption_row(lines, i, cells, libelles)
        if under:
            # "N° et rue | Code postal | Commune" over "83 rue … | 68000 | Colmar"
            pairs.extend(Pair(lab, key, v, section, i + 1) for lab, key, v in under)
            taken.add(i + 1)
            continue
        counts = _counts_under_captions(lines, i, cells, libelles)
        if counts:
            # "Composition du ménage | Nombre d'enfants | Nombre de parts" over
            # "Famille monoparentale | 2 | 2"
            pairs.extend(Pair(lab, key, v, section, i + 1) for lab, key, v in counts)
            taken.add(i + 1)
            continue
        if label_value_row(cells, libelles):
            # "Adresse | 12 rue … | Code postal / Commune | 16100 Cognac": two columns of pairs
            pairs.extend(
                Pair(cells[j], label_key(cells[j], libelles), cells[j + 1], section, i)
                for j in range(0, len(cells) - 1, 2)
            )
            continue
        # "Madame ☒  Monsieur ☐": boxes after their labels; the civility ticked, if any
        after = labels_before_boxes(line) if len(cells) == 1 else None
        civs = [a for a in after or [] if _CIV_WORD.fullmatch(a)]
        if civs:
            pairs.append(Pair("Civilité", "civilite", civs[0], section, i))
            continue
        # "☐ Monsieur ☒ Madame": the ticked civility of the person being described
        civ = _CIV_TICK.search(line) if after is None else None
        if civ and not re.search(r":\s*\S", line.split(civ.group(0))[0]):
            pairs.append(Pair("Civilité", "civilite", civ.group(1), section, i))
            continue
        for cell in cells:
            pairs.extend(_pairs_in_text(cell, section, i, libelles))
    # a value going on over the next unlabelled line (addresses)
    for p in pairs:
        if p.key == "adresse" and not re.search(r"\b\d{5}\b", p.value):
            # the next non-blank line (scans put blank lines between printed lines)
            k = p.line + 1
            while k < len(lines) and k <= p.line + 3 and not lines[k].strip():
                k += 1
            nxt = lines[k] if k < len(lines) else ""
            if (
                ":" not in nxt
                and " | " not in nxt
                and re.search(r"\b\d{2}\s?\d{3}\b", nxt)
                # "Code postal 67500 Commune Haguenau": labelled fields of their own
                and not _typed_after_labels(nxt, None, k, libelles)
            ):
                p.value = f"{p.value.strip(' .,:;')}, {nxt.strip()}"
        elif p.key == "adresse" and (m := _CUT_TOWN.search(p.value)):
            # "Adresse : 82 impasse des Lilas 13500" / "Martigues", "… 13600 La" / "Ciotat": a
            # cell wrapped in the town; a town's start is joined to its end only when the
            # official list says the whole is that postcode's commune
            nxt = lines[p.line + 1].strip() if p.line + 1 < len(lines) else ""
            if re.fullmatch(r"[A-ZÀ-Ý][\w'’ -]{1,40}", nxt) and not label_key(nxt, libelles):
                start = m.group("debut")
                whole = communes.check(m.group("cp"), f"{start} {nxt}".strip())
                if not start or (
                    whole.coherent and not communes.check(m.group("cp"), start).coherent
                ):
                    p.value = f"{p.value.strip()} {nxt}"
    return pairs


_CUT_TOWN = pattern_store.compile(r"\b(?P<cp>\d{5})\s*(?P<debut>[A-ZÀ-Ý][\w'’-]*)?\s*$")
_LABEL_COLON = pattern_store.compile(r"^(?P<l>[^:|]{2,60}?)\s*:\s*$")
# A dated field written without a colon: "Né(e) le 10 août 1959 à Épinal", "Demande déposée
# le 3 octobre 2025". Only keys whose value is a date: the date itself marks where the
# label ends.
_DATED_KEYS = ("date_naissance", "date_document", "date_dette")


def _colonless_pair(line: str, section, line_no: int, libelles) -> Pair | None:
    if ":" in line:
        return None
    for d_start, _, _ in french.find_dates(line)[:1]:
        label = line[:d_start].strip(" ,;-")
        if not label or len(label) > 60:
            return None
        key = label_key(label, libelles)
        if key in _DATED_KEYS:
            return Pair(label, key, line[d_start:].strip(), section, line_no)
    return None


# Keys whose value has a shape of its own, so that a value typed after its label without a
# colon can be told from the label's words ("Nom du bailleur OPUS 67", "Code postal 67500
# Commune Haguenau", "Loyer hors charges 611,39 € Charges 23,45 €").
_TYPED_KEYS = {
    "adresse": r"\d{1,4}(?:\s?(?:bis|ter|[A-D]))?,?\s+\S.*",
    "code_postal": None,
    "commune": None,
    "code_postal_commune": None,
    "bailleur": r"[A-ZÀ-Ý0-9].*",
    "loyer": None,
    "charges": None,
    "dette": None,
    "date_dette": None,
    "date_document": None,
    "nb_enfants": None,
    # a first name and a surname at least: a word alone after the label is no name
    "prescripteur": r".*\S\s+\S.*",
}


def _label_at(words: list[str], k: int, libelles) -> tuple[int, str] | None:
    """The longest known label starting at word k: (its length in words, its key)."""
    for m in range(min(7, len(words) - k), 0, -1):
        key = label_key(" ".join(words[k : k + m]), libelles)
        if key:
            return m, key
    return None


def _typed_fits(key: str, value: str) -> bool:
    extra = _TYPED_KEYS.get(key)
    return bool(value) and _fits(key, value) and (not extra or re.fullmatch(extra, value))


def _typed_after_labels(line: str, section, line_no: int, libelles) -> list[Pair]:
    """'Adresse du logement 56 allée des Tilleuls', 'Code postal 67500 Commune Haguenau': a
    form typed without colons, each value after its label. Read only when the line starts
    with a known label, every label's key is one whose value has a shape, and every value
    fits it; otherwise the line is left to the other readings."""
    if ":" in line or ANY_MARK.search(line) or heading(line):
        return []  # "LE TRAVAILLEUR SOCIAL DEMANDEUR" is a heading, not a pair
    # a scan's stray "(" or "|" before a word ("67600 (Commune Sélestat") is no part of it
    strays = "(|" if ")" not in line else "|"
    words = [w.lstrip(strays) for w in line.split() if w.strip(strays)]
    first = _label_at(words, 0, libelles) if len(words) > 1 else None
    if not first or first[1] not in _TYPED_KEYS:
        return []
    out: list[tuple[str, str, int]] = []  # (label, key, first value word)
    m, key = first
    out.append((" ".join(words[:m]), key, m))
    k = m + 1
    while k < len(words):
        nxt = _label_at(words, k, libelles)
        value = " ".join(words[out[-1][2] : k])
        if nxt and nxt[1] in _TYPED_KEYS and _typed_fits(out[-1][1], value):
            out.append((" ".join(words[k : k + nxt[0]]), nxt[1], k + nxt[0]))
            k += nxt[0] + 1
        else:
            k += 1
    pairs = []
    for j, (label, key, start) in enumerate(out):
        end = out[j + 1][2] - len(out[j + 1][0].split()) if j + 1 < len(out) else len(words)
        value = " ".join(words[start:end])
        if not _typed_fits(key, value):
            return []
        pairs.append(Pair(label, key, value, section, line_no))
    return pairs


def _values_under_caption_row(lines, i: int, cells: list[str], libelles) -> list[tuple]:
    """A row of captions, every one a known label of a shaped field, over a row of as many
    values each fitting its caption (a fillable form's captions printed above its fields):
    [(caption, key, value)…]. The value row is then read as values only."""
    if len(cells) < 2 or i + 1 >= len(lines):
        return []
    keys = [label_key(c, libelles) for c in cells]
    if not all(k in _TYPED_KEYS or k == "voie" for k in keys):
        return []
    values = [c.strip() for c in lines[i + 1].split(" | ")]
    if len(values) != len(cells) or any(label_key(v, libelles) for v in values if v):
        return []
    out = []
    for cap, key, v in zip(cells, keys, values):
        shaped = "adresse" if key == "voie" else key
        if v and not _typed_fits(shaped, v):
            return []
        out.append((cap, "adresse" if key == "voie" else key, v))
    return out


def _counts_under_captions(lines, i: int, cells: list[str], libelles) -> list[tuple]:
    """A row of captions, the number of children among them (« Composition du ménage |
    Nombre d'enfants | Nombre de parts »), over a row of as many values whose count of
    children is a number: [(caption, key, value)…] (captions the reader does not know keep
    no key)."""
    if len(cells) < 2 or i + 1 >= len(lines):
        return []
    keys = [label_key(c, libelles) for c in cells]
    if "nb_enfants" not in keys or any(not c or ":" in c or re.search(r"\d", c) for c in cells):
        return []
    values = [c.strip() for c in lines[i + 1].split(" | ")]
    if len(values) != len(cells) or any(label_key(v, libelles) for v in values if v):
        return []
    if not re.fullmatch(r"\d{1,2}", values[keys.index("nb_enfants")]):
        return []
    return list(zip(cells, keys, values, strict=True))


def label_value_row(cells: list[str], libelles) -> bool:
    """Label, value, label, value… with most labels known (labels never hold a colon)."""
    if len(cells) < 4 or len(cells) % 2:
        return False
    labels = cells[0::2]
    if any(not l or ":" in l or len(l) > 60 for l in labels):
        return False
    # a table's header row holds labels only; "rue" typed in a cell (a street type asked
    # apart) is a value even though it could be a label
    if any(
        label_key(v, libelles) and not re.fullmatch(r"[a-zà-ÿ]+", v.strip())
        for v in cells[1::2]
        if v
    ):
        return False
    known = sum(1 for l in labels if label_key(l, libelles))
    return known * 2 >= len(labels)


# the blank a value was written on: underscores, dot leaders, ellipses
_BLANK = pattern_store.compile(r"\s*(?:_{3,}|\.{4,}|…+\.*|(?:\.\s){3,}\.?)\s*")
# "MARTIN Sophie (nom et prénom)", "CCAS de Cognac – organisme": a label closing its line
_TRAILING_LABEL = pattern_store.compile(
    r"^(?P<value>.+?)\s*(?:\((?P<p>[^()]{2,60})\)|\s[–—]\s+(?P<d>[^–—]{2,60}))\s*$"
)


def values_above_labels(
    lines: list[str],
    libelles: dict[str, re.Pattern],
    unsure: set[str] | None = None,
    table_rows: set[str] | None = None,
) -> list[str]:
    """Printed forms filled in: 'MOREAU ________  Kevin ________' over 'Nom   Prénom' become
    'Nom : MOREAU' and 'Prénom : Kevin'. Only when every label is known and the counts agree.
    Label keys read from a line cut more than one way are added to `unsure`. Lines that are
    the rows of a drawn table (`table_rows`, their cells joined) are left as they are: the
    table itself is read cell by cell."""
    if table_rows:
        # a table's rows are neither the labels nor the values of the lines beside them: the
        # runs of lines between them are read apart
        out, run = [], []
        for line in lines:
            if " ".join(line.split()) in table_rows:
                out += values_above_labels(run, libelles, unsure) + [line]
                run = []
            else:
                run.append(line)
        return out + values_above_labels(run, libelles, unsure)
    out = []
    lines = [_stray_colon(x, libelles) for x in lines]
    i = 0
    while i < len(lines):
        line = lines[i]
        amounts = _amounts_over_heading(lines, i)
        if amounts:
            out.append(amounts[0])
            i = amounts[1]
            continue
        caption = _caption_under_value(lines, i, libelles)
        if caption:
            out.append(caption[0])
            i = caption[1]
            continue
        typed = _typed_values_over_labels(lines, i, libelles)
        if typed:
            pairs, nxt, ambiguous = typed
            if pairs and pairs[0][1] is None:
                out.append(line)  # no cut fits: flagged, left to the other readings
            else:
                out.extend(f"{label} : {value}" for label, value in pairs)
            if ambiguous and unsure is not None:
                unsure.update(label_key(label, libelles) or "" for label, _ in pairs)
            i = nxt
            continue
        under = _value_under_label(lines, i, libelles)
        if under:
            out.append(under[0])
            i = under[1]
            continue
        after = _label_after_value(line, libelles)
        if after:
            out.extend(after)
            i += 1
            continue
        if _BLANK.search(line) and ":" not in line:
            values = [v.strip() for v in _BLANK.split(line)]
            if values and not values[-1]:
                values.pop()
            j = i + 1
            while j < len(lines) and j <= i + 2 and not lines[j].strip():
                j += 1
            if (
                values
                and all(values)
                # "Provision sur charges ........ 60,00 €": dot leaders joining a label to its
                # value on one line, not values typed on blanks over their labels
                and not (len(values) == 2 and label_key(values[0], libelles))
                and j < len(lines)
                and "_" not in lines[j]
                and ":" not in lines[j]
            ):
                labels = _split_labels(lines[j], libelles)
                if labels and len(labels) == len(values):
                    out.extend(f"{label} : {value}" for label, value in zip(labels, values))
                    i = j + 1
                    continue
        out.append(line)
        i += 1
    return out


_TRAILING_MARKS = pattern_store.compile(r"(?:\s+[-–—:;.,]+)+\s*$")


def _stray_colon(line: str, libelles) -> str:
    """'M. GARNIER Thomas 02/12/1985 :', 'Ressources mensuelles - :': marks a scan leaves after
    a value or a caption. Dropped when the line holds no other colon and is not a label
    waiting for its value ('Nom :', value on the next line)."""
    m = _TRAILING_MARKS.search(line)
    if not m or ":" in line[: m.start()] or " | " in line:
        return line
    head = line[: m.start()]
    if ":" in m.group(0) and label_key(head, libelles):
        return line
    return head


def _amounts_over_heading(lines: list[str], i: int) -> tuple[str, int] | None:
    """'RSA 650,00 € Allocations familiales 142,00 €' over 'Ressources mensuelles': a form
    whose captions are printed under the values names the resources' line by its heading."""
    value = lines[i].strip()
    if not value or ":" in value or " | " in value or len(re.findall(r"€|euros?\b", value)) < 1:
        return None
    if not re.match(r"^[A-Za-zÀ-ÿ]", value):
        return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    below = lines[j].strip() if j < len(lines) else ""
    if not below or ":" in below or heading(below) != "ressources":
        return None
    return f"{below} : {value}", j + 1


_LABEL_ALONE = pattern_store.compile(r"^\s*(?P<label>[^:|]{2,70}?)\s*:\s*$")

# a scan's stray marks between words ("Mohamed .", "charge |")
_NOISE_TOKENS = pattern_store.compile(r"(?:(?<=\s)|^)[.,;·|—–_'’\"`]+(?=\s|$)")

# the words a service's name starts with ("CCAS de Cognac", "Maison départementale …")
ORG_WORDS = (
    r"CCAS|CIAS|MDS[FDI]?|MSD|MDD|MDPH|CMS|EDS|EDAS|CDAS|UDAF|UTAS|UTPAS|UTAMS|UTS|CAF|MSA|SIAO|ADIL|CHRS|Mairie|Maison|Service|"
    r"Centre|Association|Circonscription|P[ôo]le|Espace|Mission|Direction|Conseil|D[ée]partement|"
    r"Point|Secours|Croix|Antenne|Agence|Unit[ée]|Fondation|Soliha|Habitat"
)

# What a value written for a label looks like: a value line over a line of labels (no
# blanks, no colons) is cut so that each piece fits its label; free text fits any label.
_UP = r"[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+"
_CAP = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"
_SHAPES = {
    # a surname has three words at most ("DE LA TOUR"): a title in capitals is not one
    "nom": rf"{_UP}(?:\s+{_UP}){{0,2}}",
    "nom_usage": rf"{_UP}(?:\s+{_UP}){{0,2}}",
    "nom_naissance": rf"{_UP}(?:\s+{_UP}){{0,2}}",
    "prenom": rf"{_CAP}(?:\s+{_CAP})*",
    "nom_prenom": rf"(?:{french.CIVILITE_RE}\s+)?(?:{_UP}\s+)+{_CAP}(?:\s+{_CAP})*|"
    rf"(?:{french.CIVILITE_RE}\s+)?{_CAP}(?:\s+{_CAP})*(?:\s+{_UP})+",
    "civilite": rf"{french.CIVILITE_RE}|Homme|Femme|[HFM]",
    "date_naissance": rf"{french.DATE_RE}",
    "date_document": rf"{french.DATE_RE}",
    "date_dette": rf"{french.DATE_RE}",
    "code_postal": r"\d{5}",
    "code_postal_commune": r"\d{5}\s+\S.*",
    "commune": rf"{_CAP}(?:[\s-]+(?:{_CAP}|sur|sous|en|le|la|les|de|du|d'))*|{_UP}(?:[\s-]+{_UP})*",
    "loyer": r"\d[\d\s.,]*\s*(?:€|euros?|EUR)?",
    "charges": r"\d[\d\s.,]*\s*(?:€|euros?|EUR)?",
    "dette": rf"\d[\d\s.,]*\s*(?:€|euros?|EUR)?(?:\s+(?:au|du)\s+{french.DATE_RE})?",
    "nb_enfants": r"\d{1,2}",
    # a landlord is not a postcode and town, nor an amount; a measure has no amount
    "bailleur": r"(?!\d{5}\s)(?!.*\d\s?(?:€|euros?\b)).+",
    "type_mesure": r"[^\d€]+",
    # a service's name: its kind, then capitalised words and connectors ("CCAS de Mérignac")
    "organisme": rf"(?:{ORG_WORDS})\b(?:\s+(?:de\s+la|de|du|des|d['’]|l['’]|et|-|–)?\s*[A-ZÀ-Ý0-9][\w'’.-]*)*",
    # the worker: a name, or a surname alone
    "prescripteur": rf"(?:{french.CIVILITE_RE}\s+)?(?:(?:{_UP}\s+)+{_CAP}(?:\s+{_CAP})*|{_CAP}(?:[\s-]+{_CAP})*(?:\s+{_UP})+|{_UP})",
    "nom_prescripteur": rf"(?:{french.CIVILITE_RE}\s+)?(?:(?:{_UP}\s+)+{_CAP}(?:\s+{_CAP})*|{_CAP}(?:[\s-]+{_CAP})*(?:\s+{_UP})+|{_UP}(?:\s+{_UP})*)",
}
# fields a label key feeds, for the flag when a value line could be cut more than one way
KEY_FIELDS = {
    "nom": "personnes",
    "nom_usage": "personnes",
    "nom_naissance": "personnes",
    "prenom": "personnes",
    "nom_prenom": "personnes",
    "civilite": "personnes",
    "date_naissance": "personnes",
    "demandeur": "personnes",
    "conjoint": "personnes",
    "adresse": "adresse",
    "code_postal": "code_postal",
    "commune": "commune",
    "code_postal_commune": "commune",
    "bailleur": "bailleur",
    "loyer": "loyer_mensuel",
    "dette": "montant_dette",
    "date_document": "date_document",
    "organisme": "organisme_prescripteur",
    "prescripteur": "prescripteur",
    "nb_enfants": "nb_enfants",
}


def _fits(key: str | None, value: str) -> bool:
    shape = _SHAPES.get(key or "")
    return shape is None or re.fullmatch(shape, value, re.IGNORECASE if key == "civilite" else 0)


_HEADER_WORDS = pattern_store.compile(
    r"\b(?:nom|pr[ée]noms?|naissance|parent[ée]|lien|date|qualit[ée]|montants?)\b", re.IGNORECASE
)


def _typed_values_over_labels(lines: list[str], i: int, libelles):
    """'MOREAU Kevin 12/03/1985' over 'Nom Prénom Date de naissance' (a form typed on its
    lines, captions printed under them): the value line is cut so that each piece fits its
    label (a surname in capitals, a first name, a date, an amount, a postcode…). Returns
    ([(label, value)…], next line, ambiguous) or None when no cut fits."""
    if " | " in lines[i]:
        return None  # table cells are read as pairs
    value = _NOISE_TOKENS.sub(" ", lines[i]).strip()
    if (
        not value
        or ":" in value
        or " | " in value
        or ANY_MARK.search(value)
        or _BLANK.search(value)
        or label_key(value, libelles)
        or _split_labels(value, libelles)
        or _label_closing(value, libelles)
        # "Nom & Prenom Parenté avec le Date de …": a table's header wrapped over two lines
        # (a PDF's text layer), column titles and not values typed over captions
        or len(_HEADER_WORDS.findall(value)) >= 2
    ):
        return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    below = lines[j] if j < len(lines) and " | " not in lines[j] else ""
    below = _NOISE_TOKENS.sub(" ", below).strip()
    stray = bool(re.fullmatch(r"[^:]+:", below))
    if stray:
        # "08/10/2025" over "Date de la demande :" (a scan's colon after a caption): taken
        # only for one label whose value has a shape of its own (checked below)
        below = below[:-1].strip()
    if not below or ":" in below or " | " in below or ANY_MARK.search(below):
        return None
    labels = _split_labels(below, libelles)
    titled = re.match(r"(?:(?:\d+|[IVX]+)\s*[.)/–-]\s*)?(?:LES?|LA|L['’])\s", below)
    if heading(below) and (
        not (labels and (len(labels) >= 2 or "(" in below))
        # "LE TRAVAILLEUR SOCIAL DEMANDEUR": a heading in capitals with its article
        or below == below.upper()
        and titled
    ):
        # "Le prescripteur" under a line is a heading, not that line's label; "Demandeur
        # (NOM Prénom)  Date de naissance" is two captions
        return None
    if not labels or len(labels) > 6:
        return None
    keys = [label_key(l, libelles) for l in labels]
    if any(k in (None, "autre") for k in keys) and len(labels) == 1:
        return None
    if stray and (len(keys) != 1 or keys[0] not in _SHAPES or not _fits(keys[0], value)):
        return None
    if heading(value) and len(labels) == 1 and not _named_like_a_heading(keys[0], value):
        return None  # a heading over a lone label ("Habitat du Nord" over two labels is a value)
    tokens = value.split()
    k = len(labels)
    if len(tokens) < k or len(tokens) > 24:
        return None
    fits = []
    from itertools import combinations

    for cuts in combinations(range(1, len(tokens)), k - 1):
        bounds = (0, *cuts, len(tokens))
        pieces = [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:])]
        if all(_fits(key, piece) for key, piece in zip(keys, pieces)):
            fits.append(pieces)
            if len(fits) > 1 and k > 1:
                break
    if not fits:
        if k >= 2:
            # a line of captions under a line no cut fits: the fields are there, unread
            # (the lines stay as they are, for the other readings)
            return [(label, None) for label in labels], i + 1, True
        return None
    if k == 1 and keys[0] not in _SHAPES and len(tokens) > 12:
        return None  # a sentence over a label: not a value
    return list(zip(labels, fits[0])), j + 1, len(fits) > 1


# "(date et lieu de naissance)", "(conjoint : civilité, NOM Prénom)": a caption printed alone
# (a scan may leave a stray mark on either side: "'(demandeur : …)", "(date de la fiche) |")
_CAPTION = pattern_store.compile(
    r"^[\s'’\".…,|:;·-]{0,4}\((?P<caption>[^()]{2,80})\)[\s'’\".…,|:;·-]{0,4}$"
)
_AMOUNT_ONLY = pattern_store.compile(
    rf"^\s*(?:\d[\d\s.,]*\s*(?:€|euros?|EUR)|{PENDING})\s*$", re.IGNORECASE
)


def _caption_under_value(lines: list[str], i: int, libelles) -> tuple[str, int] | None:
    """'BRUNET Jessica' over '(NOM Prénom du travailleur social)': the caption printed under
    the line a value was written on names that value. A caption naming a role and a field
    ('demandeur : civilité, NOM Prénom') becomes 'Demandeur - civilité, NOM Prénom'. Taken
    when the caption is a known label, or names an amount ('598,59 €' over '(RSA)')."""
    value = lines[i].strip()
    if (
        not value
        or _CAPTION.match(value)
        or ":" in value
        or " | " in value
        or len(value) > 120
        or ANY_MARK.search(value)
    ):
        return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    m = _CAPTION.match(lines[j]) if j < len(lines) else None
    if not m:
        return None
    label = re.sub(r"\s*:\s*", " - ", m.group("caption").strip(), count=1)
    if label_key(label, libelles) is None and not _AMOUNT_ONLY.match(value):
        return None
    return f"{label} : {value}", j + 1


def _value_under_label(lines: list[str], i: int, libelles) -> tuple[str, int] | None:
    """'Nom :' then 'ROBIN' on the next line: a known label whose line holds no value takes the
    next non-blank line, when that line is a plain value (no label, box, heading or colon)."""
    m = _LABEL_ALONE.match(lines[i]) or _CAPS_LABEL_ALONE.match(lines[i])
    key = label_key(m.group("label"), libelles) if m else None
    if not key:
        return None
    bare = not lines[i].rstrip().endswith(":")
    if bare and (key == "autre" or heading(lines[i])):
        return None  # a line in capitals that is a heading, not a label waiting for its value
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return None
    value = lines[j].strip()
    if (
        not value
        or ":" in value
        or " | " in value
        or len(value) > 120
        or ANY_MARK.search(value)
        or _BLANK.fullmatch(value)
        or heading(value)
        and not _named_like_a_heading(key, value)
        or label_key(value, libelles)
        or bare
        and not _fits(key, value)
    ):
        return None
    return f"{m.group('label')} : {value}", j + 1


# "NOM DU DEMANDEUR" alone on its line, the value on the next: a label printed in capitals
# without its colon (the value's shape must fit the label)
_CAPS_LABEL_ALONE = pattern_store.compile(r"^\s*(?P<label>[A-ZÀ-Ý][A-ZÀ-Ý'’ ()/.-]{2,60}?)\s*$")


def _named_like_a_heading(key: str, value: str) -> bool:
    """'Bailleur :' over 'Habitat du Nord': a landlord or a service may be named with a
    section's word; a heading is printed alone, most often in capitals."""
    return key in ("bailleur", "organisme") and value != value.upper() and len(value.split()) > 1


def _label_after_value(line: str, libelles) -> list[str] | None:
    """'MARTIN ______ Nom' (and 'MARTIN ____ Nom   Sophie ____ Prénom'): the label follows its
    value's blank on the same line. Only when every label is known."""
    if ":" in line:
        return None
    if not _BLANK.search(line):
        return _label_closing(line, libelles)
    pieces = [x.strip() for x in _BLANK.split(line)]
    if len(pieces) < 2 or not pieces[0] or not pieces[-1]:
        return None
    values, labels = [pieces[0]], []
    for middle in pieces[1:-1]:
        # "Nom   Sophie": a known label, then the next value
        words = middle.split()
        for j in range(len(words) - 1, 0, -1):
            if label_key(" ".join(words[:j]), libelles):
                labels.append(" ".join(words[:j]))
                values.append(" ".join(words[j:]))
                break
        else:
            return None
    labels.append(pieces[-1])
    if not all(label_key(l, libelles) for l in labels):
        return None
    return [f"{l} : {v}" for l, v in zip(labels, values)]


def _label_closing(line: str, libelles) -> list[str] | None:
    m = _TRAILING_LABEL.match(line.strip())
    if not m or " | " in line or ANY_MARK.search(line) or heading(line):
        return None  # "V – VISA DU SERVICE SOCIAL (PRESCRIPTEUR)": a heading, not a value
    value, label = m.group("value").strip(" ,;"), (m.group("p") or m.group("d")).strip()
    if not value or label_key(value, libelles):
        return None  # "Loyer (charges comprises)", "Demandeur – civilité": a label alone
    key = label_key(label, libelles)
    if key is None or key == "autre":
        return None
    return [f"{label} : {value}"]


# a count (« O » as an OCR reads a 0), then a capitalised label's words up to its colon
_COUNT_THEN_LABEL = pattern_store.compile(r"\s*(?:\d{1,2}|O)\s+(?=[A-ZÀ-Ý][^:\d]{1,40}$)")
# three spaces or more (fields typed apart on one line), then a label's words up to its colon
_GAP_BEFORE_LABEL = pattern_store.compile(r"\s{3,}(?=[A-Za-zÀ-ÿ][^:\d]{1,40}$)")


def _split_labels(text: str, libelles) -> list[str] | None:
    """'Date de naissance Situation familiale' → the two labels (longest known label first)."""
    words = text.split()
    if not words or len(words) > 20:
        return None
    labels = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            candidate = " ".join(words[i:j])
            if label_key(candidate, libelles):
                labels.append(candidate)
                i = j
                break
        else:
            return None
    return labels


def _pairs_in_text(text: str, section, line_no: int, libelles) -> list[Pair]:
    """'Bailleur : OPH X Loyer mensuel : 702,15 €' → two pairs (labels split by the vocabulary)."""
    colons = [m.start() for m in re.finditer(r"(?<!\d)\s*:(?!\d{2})", text)]
    if not colons:
        return []
    starts = []  # (label_start, colon, colon_end)
    for c in colons:
        before = text[:c]
        best = None
        for key, rx in libelles.items():
            for m in re.finditer(
                rf"(?:{rx.pattern})(?:{_UNIT.pattern})?\s*$", before, re.IGNORECASE
            ):
                if best is None or m.start() < best[0]:
                    best = (m.start(), key)
        colon_end = c + len(re.match(r"\s*:\s*", text[c:]).group(0))
        if not starts:
            # the whole text before the first colon may be one label ("Prénom NOM du référent",
            # "Demandeur - civilité, nom, prénom")
            whole = label_key(before, libelles)
            if whole and len(before.strip()) <= 70:
                starts.append((0, c, colon_end, whole))
                continue
        if best:
            starts.append((best[0], c, colon_end, best[1]))
        elif not starts:
            # unknown label at the start of the text
            starts.append((0, c, colon_end, None))
        elif gap := _GAP_BEFORE_LABEL.search(before):
            # "Nombre d'enfants : 0      Nombre de parts : 1,5": a wide gap, then words up to
            # the colon: a field of its own (its label unknown), not the end of the value
            # (« Dette locative : ☒ oui ☐ non   Montant : 2 889,43 € »: a question's boxes,
            # then its details, stay one value)
            answer = text[starts[-1][2] : gap.start()]
            if gap.end() > starts[-1][2] and not ANY_MARK.search(answer):
                starts.append((gap.end(), c, colon_end, None))
        elif starts[-1][3] == "nb_enfants" and (
            count := _COUNT_THEN_LABEL.match(text, starts[-1][2], c)
        ):
            # "Nombre d'enfants : 0 Nombre de parts : 1,2" (a scan keeps one space): the count
            # ends the value, the words up to the colon are the next field's label
            starts.append((count.end(), c, colon_end, None))
    for j in range(1, len(starts)):
        # "Charges : 56,12 € APL versée au bailleur : 253,98 €": after an amount and its
        # currency, every word up to the colon is the next label, not the end of the value
        ls, c, ce, key = starts[j]
        prev_end = starts[j - 1][2]
        m = re.match(
            r"\s*\d[\d  .,]*\s?(?:€|euros?)\s+(?=[A-Za-zÀ-ÿ])", text[prev_end:ls], re.IGNORECASE
        )
        if m and prev_end + m.end() < ls:
            start = prev_end + m.end()
            starts[j] = (start, c, ce, label_key(text[start:c], libelles))
    out = []
    for j, (ls, c, ce, key) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(text)
        label = text[ls:c].strip()
        value = text[ce:end].strip(" ,;")
        if label and len(label) <= 70:
            out.append(Pair(label, key, value, section, line_no))
    return out
