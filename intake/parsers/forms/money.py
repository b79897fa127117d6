"""The dwelling's address, the rent and the household's resources on a form."""

from __future__ import annotations

import re

from asll.domain.model import Ressource

from ... import french, pattern_store
from ..addresses import parse_address
from .structure import PENDING, Pair, heading
from .ticks import ANY_MARK, first_option

# ---------------------------------------------------------------------- address, money


def read_address(pairs: list[Pair], data: dict, ex) -> None:
    conf = data.get("adresse", {})
    parts = []
    street: dict[str, str] = {}
    for p in pairs:
        if p.section == "prescripteur" or not p.value:
            continue
        if p.key in ("adresse", "voie", "code_postal_commune", "code_postal", "commune"):
            value = p.value
            label = p.label.strip(" :").lower()
            if p.key == "voie" and re.fullmatch(conf.get("types_voie", "rue"), label, re.I):
                # "Rue : des Lilas": the label is the street's type, part of its name
                if not re.match(
                    rf"\s*(?:\d+\s*)?(?:{conf.get('types_voie', 'rue')})\b", value, re.I
                ):
                    value = f"{label} {value.strip()}"
            parts.append((p.key, value))
        elif p.key in ("numero_voie", "type_voie", "nom_voie"):
            street.setdefault(p.key, p.value.strip())
    if street.get("nom_voie"):
        # "N° | 12 | Type de voie | rue", "Nom de la voie | des Lilas": one street line
        pieces = (street.get(k, "") for k in ("numero_voie", "type_voie", "nom_voie"))
        parts.append(("voie", " ".join(x for x in pieces if x)))
    elif street.get("numero_voie"):
        # "Numéro : 35 | Voie : rue Anatole France": the number in a field of its own
        for j, (k, v) in enumerate(parts):
            if k in ("voie", "adresse") and not re.match(r"\s*\d", v):
                parts[j] = (k, f"{street['numero_voie']} {v.strip()}")
                break
    if not parts:
        return
    order = {"adresse": 0, "voie": 1, "code_postal_commune": 2, "code_postal": 2, "commune": 3}
    parts.sort(key=lambda kv: order[kv[0]])
    # street lines joined by commas; postcode and town on one line ("16000 Angoulême")
    parts = [(k, v.strip(" .,:;'\"")) for k, v in parts]
    text = ", ".join(v for k, v in parts if order[k] < 2)
    town = " ".join(v.strip(" ,") for k, v in parts if order[k] >= 2)
    text = f"{text}\n{town}" if text and town else (text or town)
    addr = parse_address(text, conf.get("types_voie", "rue"), conf.get("complement", "b[âa]t"))
    if addr:
        ex.adresse, ex.complement_adresse = addr.adresse, addr.complement
        ex.code_postal, ex.commune = addr.code_postal, addr.commune


def parse_loyer(value: str) -> float | None:
    amounts = [
        french.parse_number(m.group(0))
        for m in re.finditer(french.MONTANT_RE, value, re.IGNORECASE)
    ]
    amounts = [a for a in amounts if a is not None]
    if not amounts:
        return None
    if len(amounts) >= 2 and re.search(
        rf"{french.MONTANT_RE}\s*(?:\+|plus|outre)\s*{french.MONTANT_RE}\s*(?:€|euros?)?\s*(?:de\s+)?(?:charges|provision)",
        value,
        re.IGNORECASE,
    ):
        return round(amounts[0] + amounts[1], 2)
    if len(amounts) >= 2 and re.search(
        # "618,38 € + charges 74,66 €": the charges named before their amount
        rf"{french.MONTANT_RE}\s*(?:€|euros?)?\s*(?:\+|plus)\s*(?:les\s+)?(?:charges|provisions?)"
        rf"(?:\s+(?:locatives|mensuelles))?\s*:?\s*{french.MONTANT_RE}",
        value,
        re.IGNORECASE,
    ):
        return round(amounts[0] + amounts[1], 2)
    return amounts[0]


def read_ressources(
    lines, sections, pairs, options: list[dict], tables, cues: dict | None = None
) -> list[Ressource]:
    """The household's incomes. `cues`: the rules' `[formulaire.budget]` (`pas_une_ressource`:
    labels that name an expense, never an income, though a resource's word is in them;
    `annuel`: the words of yearly amounts)."""
    cues = cues or {}
    out: list[Ressource] = []
    # a resources table found as a table keeps its empty cells, which a PDF's text line loses
    # ("Salaire du demandeur Loyer (taux plein) 545.45": the amount is the rent's)
    # "Montant annuel", "par an", "(N-1)": yearly amounts (the rules' `annuel`)
    yearly_rx = pattern_store.compile(cues.get("annuel") or r"(?!)", re.IGNORECASE)
    rows: list[list[str]] = resource_table_rows(tables, options, yearly_rx)
    if not rows:
        by_column = resources_by_column(tables, options)
        if by_column:
            return by_column
    joined: set[int] = set()  # a line read as the end of the one above it
    periods: list[bool] = []  # "Montant mensuel Montant annuel": which amount column is yearly
    total_last = False  # "Nature Demandeur Conjoint Total": each row's last amount is its sum
    for i, line in enumerate([] if rows else lines):
        if i in joined:
            continue
        if sections[i] == "ressources" and " | " not in line:
            caps = _PERIOD_CAPTION.findall(line)
            if len(caps) >= 2 and not re.search(r"\d", line):
                # a table's header read as one line (a scan): the amounts under it come in
                # the order of its captions
                periods = [bool(yearly_rx.search(c)) for c in caps]
                continue
            if periods and any(periods) and (row := _amounts_by_period(line, periods)):
                rows.append(row)
                continue
            if not re.search(r"\d", line) and _TOTAL_LAST.search(line):
                total_last = True
                continue
            if row := _amounts_after_label(line):
                # "Salaire 1 100,00 € 850,00 €": one income, one amount a person (the row's
                # total dropped when the header's last column is the total)
                if total_last and len(row) > 2:
                    row = row[:-1]
                rows.append(row)
                continue
        if sections[i] != "ressources":
            # "Ressource 2 : ARE France Travail (€) : 576,46", a field outside any section
            m = _RESOURCE_FIELD.match(line)
            if m:
                rows.append([m.group("label"), m.group("value")])
            continue
        if heading(line) == "ressources" and " | " in line and not re.search(r"\d", line):
            # « Ressources (moyenne des trois derniers mois) | Bénéficiaire | Montant »: a
            # table's header row (its captions say which columns hold amounts), no list
            rows.append([c.strip() for c in line.split(" | ")])
            continue
        if heading(line) == "ressources":
            # "Ressources : salaire 1 105,00 € ; allocations familiales 148,52 €"
            # (its label closed by a colon or by its cell: "Ressources | Salaire : 980 € ; …")
            m = re.match(r"^[^:|]*?(?::|\s\|\s)(?P<v>.*)$", line)
            value = m.group("v") if m else ""
            # the list wrapped over the next line ("… ; Prime d'activité" / "779,66 €")
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (
                value.strip()
                and not re.search(rf"(?:{french.MONTANT_RE}|{PENDING})\W*$", value, re.I)
                and nxt.strip()
                and ":" not in nxt
                and " | " not in nxt
                and not heading(nxt)
                and re.search(rf"(?:{french.MONTANT_RE}|{PENDING})\W*$", nxt, re.I)
            ):
                value = f"{value.rstrip()} {nxt.strip()}"
                joined.add(i + 1)
            # items split by « ; », a comma, an amount's end, or table cells (one a person)
            for item in re.split(
                r"\s*;\s*|\s*\|\s*|,\s+(?=[A-Za-zÀ-ÿ])|(?<=€)\s+(?=[A-Za-zÀ-ÿ])", value
            ):
                # "Allocations familiales (demande en cours)": the pending said in brackets
                m = re.match(
                    rf"^(.*?)\s*\(?\s*((?:{french.MONTANT_RE})|{PENDING})\s*\)?\s*$",
                    item.strip(),
                    re.IGNORECASE,
                )
                if m and m.group(1):
                    rows.append([m.group(1), m.group(2)])
            continue
        if " | " in line:
            rows.append([c.strip() for c in line.split(" | ")])
        elif cells := label_amount_cells(line):
            # "Salaire 1.034,13 EUR   Électricité / gaz 137,24": an income and an expense
            # side by side (a budget in two columns), each amount after its own label; each
            # pair a row of its own (an expense's label is no resource, two incomes stay two)
            rows.extend([cells[j], cells[j + 1]] for j in range(0, len(cells), 2))
        else:
            # "Salaire - Mme (temps partiel) 650,00 €" or "Salaire : 980,00", its period
            # after it ("814,20 € par mois"; one by the day is made a month's later)
            m = re.match(
                rf"^(.*?)\s*[:]?\s*((?:{french.MONTANT_RE})|{PENDING})\s*{_PERIOD_AFTER}$",
                line.strip(),
                re.IGNORECASE,
            )
            if m and m.group(1):
                rows.append([m.group(1), m.group(2)])
    if not rows:
        # "Nature des ressources : Pension de retraite" then "Montant (€) : 195,66": a grid's
        # single row given back as captioned fields, the resource and its amount apart
        for p, q in zip(pairs, pairs[1:]):
            if (
                _RESOURCES_HEADER.match(p.label)
                and resource_type(p.value, options)
                and re.match(r"^montant", q.label, re.IGNORECASE)
                and q.line - p.line <= 1
                and _amount_or_wait(q.value)
            ):
                rows.append([p.value, q.value])
    if not rows:  # fillable forms without headings: known resource labels with an amount
        for p in pairs:
            if (
                p.section in (None, "ressources")
                and p.key is None
                and p.value
                and _amount_or_wait(p.value)
            ):
                if first_option(p.label, options):
                    rows.append([p.label, p.value])
    not_income = pattern_store.compile(cues.get("pas_une_ressource") or r"(?!)", re.IGNORECASE)
    who: set[int] = set()  # columns of a header naming who receives each income
    yearly: set[int] = set()  # columns of a header saying the amounts are yearly
    totals: set[int] = set()  # columns of a header's « Total »
    for row in rows:
        label = row[0]
        if not label or re.match(
            r"^(?:total|sous-total|type|nature|montant|ressources?)\b", label, re.IGNORECASE
        ):
            # "Nature des ressources | Montant mensuel | Montant annuel": the yearly column
            # repeats the monthly income over twelve months, it is no income of its own
            heads = [j for j, c in enumerate(row) if yearly_rx.search(c or "")]
            if heads and len(heads) < len(row) - 1:
                yearly = set(heads)
            # "Nature | Demandeur | Conjoint | Total": the total column is no income of its own
            # (a header, not a row of totals: "TOTAL RESSOURCES | 1914.95 | TOTAL CHARGES | …")
            if not _TOTAL_COLUMN.match(label or ""):
                totals = {j for j, c in enumerate(row) if j and _TOTAL_COLUMN.match(c or "")}
            # « Nature | Bénéficiaire | Montant »: the column saying who receives the income
            # holds names or roles, not amounts
            who = {j for j, c in enumerate(row) if j and _WHO_COLUMN.fullmatch((c or "").strip())}
            continue
        if not_income.search(label):
            continue  # "Pension alimentaire versée", "Loyer résiduel (après aide au logement)"
        if yearly_rx.search(label) or any(yearly_rx.search(c or "") for c in row[1:2]):
            # "Salaire annuel : 14 400 €", "RSA : 7 293 € par an": not a monthly amount; left
            # out (the amount counted in the section then flags the resources for a person)
            continue
        kind = resource_type(label, options)
        if kind is None:
            continue
        values = [c for j, c in enumerate(row) if j and c and j not in yearly | totals | who]
        if not values:  # an income only in the « Total » column: that is its amount
            values = [c for j, c in enumerate(row) if j and c and j in totals]
        amounts = []
        for c in values:
            if re.search(rf"{PENDING}|\bdemand[ée]e?\b", c, re.IGNORECASE):
                amounts.append(None)
            else:
                v = french.parse_montant(c)
                if v is not None:
                    amounts.append(v)
                elif re.search(r"[A-Za-zÀ-ÿ]{3,}", c):
                    # "Salaire | 1 200 € | Énergie | 74 €": another label starts another
                    # pair (an expense beside the income), its amount is not this income's
                    break
        if not amounts:
            continue
        for a in amounts:
            out.append(Ressource(kind, a))
    return out


# « Bénéficiaire », « Perçu par », « Personne », « Qui ? »: a resources table's column of who
_WHO_COLUMN = pattern_store.compile(
    r"b[ée]n[ée]ficiaires?|per[çc]ue?s?\s+par|personnes?(?:\s+concern[ée]e)?|qui\s*\??"
    r"|membres?(?:\s+du\s+(?:foyer|m[ée]nage))?|titulaires?|allocataires?",
    re.IGNORECASE,
)


# a household grid's captions on one line, a resources column among them
_GRID_WITH_RESOURCES = pattern_store.compile(
    r"^(?!.*[:\d]).*\bnoms?\b.*\b(?:ressources?|revenus?)\b", re.IGNORECASE
)


def grid_line_resources(lines, options: list[dict]) -> list[Ressource]:
    """'Civilité Nom Prénom Né(e) le Lien Ressources Montant' then 'Mme X Nadia 23/03/1986
    demandeur RSA en attente' / 'Salaire 444,90 €': a household grid with its income per
    person, read by OCR as lines (no cells). From each line, the text from its first resource
    word to an amount (or « en attente ») at its end. A resource whose name wraps over two
    lines is lost: the caller flags what this returns."""
    out: list[Ressource] = []
    for i, line in enumerate(lines):
        if not _GRID_WITH_RESOURCES.match(line.strip()):
            continue
        rows = [x for x in lines[i + 1 : i + 20] if x.strip()]
        for j, nxt in enumerate(rows):
            if ":" in nxt or " | " in nxt or heading(nxt) or ANY_MARK.search(nxt):
                break
            # "Allocations en attente" over "familiales": a label wrapped in its cell, the
            # amount's cell beside its first line
            after = rows[j + 1].strip() if j + 1 < len(rows) else ""
            tail = after if re.fullmatch(r"[a-zà-ÿ'’ -]{3,30}", after) else ""
            m = re.search(rf"((?:{french.MONTANT_RE})|{PENDING})\s*$", nxt, re.IGNORECASE)
            if not m:
                continue
            label = nxt[: m.start()].strip()
            starts = [
                r.start()
                for opt in options
                if (r := re.search(opt["motif"], f"{label} {tail}", re.IGNORECASE))
                and r.start() < len(label)
            ]
            if not starts:
                continue
            label = label[min(starts) :]
            kind = resource_type(label, options) or resource_type(f"{label} {tail}", options)
            if kind is None:
                continue
            pending = re.fullmatch(PENDING, m.group(1).strip(), re.IGNORECASE)
            out.append(Ressource(kind, None if pending else french.parse_montant(m.group(1))))
        if out:
            break
    return out


_RESOURCES_HEADER = pattern_store.compile(
    r"^\s*(?:nature\s+(?:des\s+|de\s+la\s+)?|type\s+(?:de\s+)?|origine\s+des\s+)?"
    r"(?:ressources?|revenus?)\b(?:\s+(?:mensuel(?:le)?s?|du\s+(?:foyer|m[ée]nage)))?\s*$",
    re.IGNORECASE,
)


def resource_table_rows(tables, options: list[dict], yearly_rx=None) -> list[list[str]]:
    """Rows of the tables whose header names a resources column ("Nature des ressources |
    MONTANTS | Nature des charges | MONTANTS"), empty cells kept, the header dropped; a table
    that goes on after a page break (same width, a resource label first) is read with it.
    The row logic of `read_ressources` then pairs each resource label with the amounts
    after it and stops at the next label (an expense beside the income)."""
    out: list[list[str]] = []
    width = None
    for table in tables or []:
        if not table or not table[0]:
            width = None
            continue
        head = [(c or "").strip() for c in table[0]] or [""]
        cols = [j for j, c in enumerate(head) if _RESOURCES_HEADER.match(c.replace("\n", " "))]
        if cols:
            width = len(head)
            # "Montant mensuel | Montant annuel": the yearly column is the same income
            yearly = [j for j, c in enumerate(head) if yearly_rx and yearly_rx.search(c)]
            if not yearly or len(yearly) >= len(head) - 1:
                yearly = []
            # « Perçu par », « Bénéficiaire »: who receives the income, not an amount
            who = [j for j, c in enumerate(head) if j and _WHO_COLUMN.fullmatch(c.strip())]
            if yearly or who:
                table = [
                    [("" if j in yearly or j in who else c) for j, c in enumerate(row or [])]
                    for row in table
                ]
            # "Nature des ressources | Demandeur | Conjoint | Total": a row's total is not a
            # further income, unless the row has its amount only there
            totals = {j for j, c in enumerate(head) if j and _TOTAL_COLUMN.match(c)}
            if totals:
                table = [table[0]] + [
                    _without_total(row or [], totals, cols[0]) for row in table[1:]
                ]
            # "Civilité | Nom | Prénom | … | Ressources | Montant mensuel": a household grid
            # with its income per person; the resources column onwards is the resource row
            start = cols[0]
            body = [row[start:] for row in table[1:] if row] if start else table[1:]
        elif width == len(head) and (
            resource_type(head[0], options) or re.match(r"\s*total", head[0], re.IGNORECASE)
        ):
            body = table
        else:
            width = None
            continue
        for row in body:
            if row:
                out.append([(c or "").replace("\n", " ").strip() for c in row])
    return out


_RESOURCE_FIELD = pattern_store.compile(
    rf"^\s*(?:ressources?|revenus?)\s*(?:n°\s*)?\d*\s*[:–-]\s*(?P<label>[^:|]+?)\s*(?:\((?:en\s+)?(?:€|euros?)\))?\s*[:|]\s*"
    rf"(?P<value>(?:{french.MONTANT_RE})|{PENDING})\s*$",
    re.IGNORECASE,
)


def _amount_or_wait(value: str) -> bool:
    return bool(re.search(PENDING, value, re.IGNORECASE)) or french.parse_montant(value) is not None


def resource_type(label: str, options: list[dict]) -> str | None:
    for opt in options:
        if re.search(opt["motif"], label, re.IGNORECASE):
            return opt["type"]
    return None


# what may follow an amount on its line: its period ("par mois", "/jour", "mensuels")
_PERIOD_AFTER = r"(?:(?:€|euros?)?\s*(?:par\s+(?:mois|jour)|/\s*(?:mois|jour|j)|(?:net\s+)?mensuel(?:le)?s?|journali[eè]re?s?)\b)?\s*\.?\s*"

_AMOUNT_OR_WAIT = pattern_store.compile(
    rf"(?:{french.MONTANT_RE})(?:\s*(?:€|EUR\b|euros?\b))?|{PENDING}", re.IGNORECASE
)


def label_amount_cells(line: str) -> list[str] | None:
    """'Salaire 1.034,13 EUR Électricité / gaz 137,24' → ['Salaire', '1.034,13 EUR',
    'Électricité / gaz', '137,24']: a line holding two or more label-amount pairs, each amount
    after its own label. None for a line with fewer than two such pairs."""
    cells: list[str] = []
    start = 0
    for m in _AMOUNT_OR_WAIT.finditer(line):
        label = line[start : m.start()].strip(" :;–-")
        if not re.search(r"[A-Za-zÀ-ÿ]{2,}", label):
            return None  # an amount without its own label ("1 200 + 80 €")
        cells += [label, m.group(0)]
        start = m.end()
    if len(cells) < 4 or re.search(r"[A-Za-zÀ-ÿ]{2,}", line[start:]):
        return None
    return cells


# "Autres personnes au foyer": a column of persons, not of « autres » resources
_PERSONS_COLUMN = pattern_store.compile(
    r"^\s*autres?\s+(?:personnes?|membres?|occupants?|adultes?|enfants?)", re.IGNORECASE
)


def resources_by_column(tables, options: list[dict]) -> list[Ressource] | None:
    """'Personne | Salaire | RSA | Allocations familiales | Total' over 'Demandeur | 1 100,00 €
    | | | 1 100,00 €': a resources table turned the other way, one row a person and one
    column a kind of income. Each amount is read under its column's kind; a « Total » row or
    column is no resource. None when no table has two or more kinds of income as columns."""
    for table in tables or []:
        if not table or len(table) < 2 or not table[0]:
            continue
        head = [(c or "").replace("\n", " ").strip() for c in table[0]]
        if resource_type(head[0], options):
            continue  # kinds in the first column: rows of resources, read elsewhere
        kinds = {
            j: kind
            for j, c in enumerate(head)
            if j
            and c
            and not re.match(r"\s*total", c, re.IGNORECASE)
            and not _PERSONS_COLUMN.match(c)
            and (kind := resource_type(c, options))
        }
        if len(kinds) < 2:
            continue
        out: list[Ressource] = []
        for row in table[1:]:
            cells = [(c or "").replace("\n", " ").strip() for c in row]
            if not cells or re.match(r"\s*(?:sous-)?total", cells[0], re.IGNORECASE):
                continue
            for j, kind in kinds.items():
                cell = cells[j] if j < len(cells) else ""
                if re.search(PENDING, cell, re.IGNORECASE):
                    out.append(Ressource(kind, None))
                elif (v := french.parse_montant(cell)) is not None and v > 0:
                    out.append(Ressource(kind, v))
        return out
    return None


_PERIOD_CAPTION = pattern_store.compile(
    r"mensuel(?:le)?s?|annuel(?:le)?s?|par\s+mois|par\s+an\b|/\s*mois|/\s*an\b", re.IGNORECASE
)


def _amounts_by_period(line: str, periods: list[bool]) -> list[str] | None:
    """'Allocations familiales 193,13 € 2 317,56 €' under 'Montant mensuel Montant annuel':
    the label and its monthly amounts (the yearly ones dropped), when the line holds as many
    amounts as the header has captions, one after the other after the label."""
    found = list(_AMOUNT_OR_WAIT.finditer(line))
    if len(found) != len(periods):
        return None
    label = line[: found[0].start()].strip(" :;–-")
    between = [line[a.end() : b.start()] for a, b in zip(found, found[1:])]
    if not re.search(r"[A-Za-zÀ-ÿ]{2,}", label) or any(x.strip(" |;") for x in between):
        return None
    return [label] + [m.group(0) for m, yearly in zip(found, periods) if not yearly]


_TOTAL_COLUMN = pattern_store.compile(r"\s*(?:sous-)?total\b", re.IGNORECASE)
# a header line whose last caption is the total ("Nature Demandeur Conjoint Total")
_TOTAL_LAST = pattern_store.compile(
    r"^(?=.*\b(?:demandeu(?:r|se)|conjointe?|madame|monsieur|enfants?|autres?|montant)\b)"
    r".*\btotal(?:\s+(?:du\s+)?(?:foyer|m[ée]nage|mensuel))?\s*$",
    re.IGNORECASE,
)


def _without_total(row: list, totals: set[int], start: int) -> list:
    """A table row with its « Total » cells blanked, when another cell holds an amount."""
    cells = [c or "" for c in row]
    others = [
        c
        for j, c in enumerate(cells)
        if j > start and j not in totals and _AMOUNT_OR_WAIT.search(c)
    ]
    return [("" if j in totals and others else c) for j, c in enumerate(cells)]


def _amounts_after_label(line: str) -> list[str] | None:
    """'Salaire 1 100,00 € 850,00 €' → ['Salaire', '1 100,00 €', '850,00 €']: a label then two
    or more amounts one after the other (one a person's column). None otherwise."""
    found = list(_AMOUNT_OR_WAIT.finditer(line))
    if len(found) < 2:
        return None
    label = line[: found[0].start()].strip(" :;–-")
    between = [line[a.end() : b.start()] for a, b in zip(found, found[1:])]
    if (
        not re.search(r"[A-Za-zÀ-ÿ]{2,}", label)
        or any(x.strip(" |;") for x in between)
        or line[found[-1].end() :].strip(" .;")
    ):
        return None
    return [label] + [m.group(0) for m in found]
