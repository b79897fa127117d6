"""The household a form describes: adults and children from pairs, household tables,
column grids, civility lines and lists."""

from __future__ import annotations

import re

from asll.domain.model import Personne

from ... import french, pattern_store
from ..persons import parse_persons
from .structure import Form, Pair, heading, label_key, label_value_row
from .ticks import ANY_MARK, Tick, every_box_ticked, first_option, pick, ticked_labels

# ---------------------------------------------------------------------- people


def read_household(f: Form, ex, uncertain: set[str]) -> None:
    """Adults and children, from every layout that names them; the sources are compared."""
    on = _form_date(f.pairs)
    t_adults, t_children, t_unsure = _household_tables(f.doc.tables, on)
    g_adults = _column_grids(f.doc.tables, f.libelles)
    p_adults, p_children = _household_pairs(f.pairs)
    r_adults, r_children, r_unsure = _role_lines(f.lines, f.sections, on)
    if r_unsure:
        uncertain.add("personnes")
    if t_adults or g_adults:
        # compared with a table, the fields' people keep only what they print: a civility
        # guessed from a template's « Né le » is no disagreement
        p_adults = _household_pairs(f.pairs, guess=False)[0]
    h_adults, h_children = (
        ([], []) if (t_adults or g_adults) else _grid_header_lines(f.lines, f.sections, on)
    )
    if t_adults and len(t_adults) < 2 and not _table_names_applicant(f.doc.tables):
        # « Autres personnes vivant au foyer » in a table, the applicant in the fields above
        # it: the applicant is not one more person the table forgot, but its first
        extra = [o for o in p_adults if not any(_same_person(a, o) for a in t_adults)]
        if len(extra) == 1:
            t_adults.insert(0, extra[0])
    sources = [a for a in (t_adults, g_adults, r_adults, p_adults, h_adults) if a]
    if sources:
        adults = sources[0]
        for other in sources[1:]:
            if _enrich(adults, other):
                uncertain.add("personnes")
    else:
        block = "\n".join(
            l for i, l in enumerate(f.lines) if f.sections[i] in ("menage", "conjoint")
        )
        adults = parse_persons(block) if block else []
        adults = [p for p in adults if not _is_prescripteur(p, ex.prescripteur)]
    l_adults, l_children = _listed_people(f.lines, f.libelles, on)
    if l_adults and (not adults or not sources):
        # people listed one a line with their birth date beat names picked from loose text
        adults = l_adults
    if not adults:
        # no table, no field: people named in the form's own lines with their civility and
        # birth date ("Madame NOM Prénom – née le …", "et Monsieur …, né le … à …")
        adults = _civility_lines(
            f.lines, f.sections, ex.prescripteur, on, f.conf.get("phrases", {}).get("beneficiaire")
        )
    if not adults:
        adults, unsure_value = _persons_in_household_value(f, on)
        if unsure_value:
            uncertain.add("personnes")
    p_children += _children_continued(f)
    children = (
        t_children
        or p_children
        or r_children
        or h_children
        or _children_from_lines(f.lines, f.sections, f.pairs)
        or l_children
    )
    if t_unsure or len(adults) > 2:
        uncertain.add("personnes")
    for a in adults:
        if a.prenom and a.prenom == a.prenom.upper():
            if len(a.prenom.split()) > 1:
                # "BEN SALEM OCÉANE": all in capitals, where the surname ends is a guess
                uncertain.add("personnes")
            a.prenom = french.prenom_case(a.prenom)
    ex.personnes = adults[:2]
    ex.enfants = children
    n_explicit = next(
        (
            int(m.group(1))
            for p in f.pairs
            if p.key in ("nb_enfants", "enfant")
            for m in [
                re.fullmatch(r"\s*(\d{1,2})\s*(?:enfants?)?\s*", p.value)
                # "Enfants : 2": a bare count under the children's label ("Enfant 2 : …"
                # numbers a child, its value is a name)
                if p.key == "nb_enfants" or not re.search(r"\d", p.label)
                else None
            ]
            + [_COUNT_THEN_DETAILS.match(p.value)]
            if m
        ),
        None,
    )
    if n_explicit is None:
        # « Personnes au foyer : 1 adulte, 3 enfants à charge »: the count the form gives
        n_explicit = next(
            (
                int(m.group(1))
                for p in f.pairs
                if p.key == "membres_foyer"
                for m in [_CHILDREN_COUNTED.search(p.value or "")]
                if m
            ),
            None,
        )
    words_who, words_n = _composition_words(f)
    if words_n is None:
        words_n = _children_ticked(f.ticks)
    if children:
        ex.nb_enfants = len(children)
        if n_explicit is not None and n_explicit != len(children):
            uncertain.add("nb_enfants")
        if words_n is not None and words_n != len(children):
            uncertain.add("nb_enfants")  # the words and the list disagree
    else:
        ex.nb_enfants = n_explicit if n_explicit is not None else (words_n or 0)
        if n_explicit is None and words_n is not None:
            n_explicit = words_n  # « couple avec 2 enfants »: the count the form gives
    boxed = _civility_boxes(f.lines)
    if boxed and len(boxed) >= len(adults):
        # "Madame ☐  Monsieur ☒" above each person's fields: one ticked civility a person
        for person, civ in zip(adults, boxed, strict=False):
            if person.civilite is None:
                person.civilite = civ
            elif civ and person.civilite != civ:
                uncertain.add("personnes")
    for a in adults:
        if a.civilite is None:
            a.civilite = _civility_named_elsewhere(a, f.lines)
    if len(adults) == 1 and adults[0].civilite is None:
        # "☒ Femme seule" ticked: the form says who the one adult is
        adults[0].civilite = _civility_ticked_alone(f.ticks)
    if (
        len(adults) == 1
        and adults[0].civilite is None
        and words_who in ("femme_seule", "homme_seul")
    ):
        # « Composition familiale : femme seule avec 1 enfant »: the words say who
        adults[0].civilite = "Mme" if words_who == "femme_seule" else "M."
    if len(adults) >= 2:
        ex.composition = "couple"
    elif adults:
        ex.composition = {"Mme": "femme_seule", "M.": "homme_seul"}.get(adults[0].civilite)
    said = _family_situation(f)
    if said is None and words_who:
        said = "couple" if words_who == "couple" else "seul"
    if said == "couple" and len(adults) < 2:
        ex.composition = "couple"
        uncertain.add("personnes")  # a couple, but the second adult was not read
    elif said == "seul" and len(adults) >= 2:
        uncertain.update(("personnes", "composition"))
    if said and every_box_ticked(f.lines, f.conf.get("composition", [])):
        uncertain.add("composition")
    if not adults or ex.composition is None or any(a.civilite is None for a in adults[:2]):
        uncertain.update(("personnes", "composition"))  # every form names its demandeur
    # (an expected child's line says nothing of the children already born)
    text = "\n".join(l for l in f.doc.text.split("\n") if not _UNBORN.search(l))
    if (
        not children
        and n_explicit is None
        and re.search(r"\benfant", text, re.IGNORECASE)
        and not re.search(
            # « Enfants : néant », or « ENFANTS À CHARGE » then « aucun » on the next line
            r"enfants?[^\n]{0,30}?(?:\n\s*)?(?:n[ée]ant|aucun|sans\b|:\s*0\b|\|\s*0\b)"
            r"|sans\s+enfant|vit\s+seule?",
            text,
            re.IGNORECASE,
        )
    ):
        uncertain.add("nb_enfants")  # children mentioned, none read: 0 is a guess


# « (X) Ménage 2 enfants », « ☒ Couple avec 1 enfant »: the household's box names its children
_HOUSEHOLD_BOX = pattern_store.compile(
    r"^\s*(?:m[ée]nage|couple|famille|foyer|personne|femme|homme|parent|p[èe]re|m[èe]re)\b"
    r"[^\n]{0,40}?\b(?P<n>\d{1,2}|une?|deux|trois|quatre|cinq|six)\s+enfants?\b",
    re.IGNORECASE,
)


def _children_ticked(ticks: list[Tick]) -> int | None:
    """The number of children the ticked box of the household's kind gives, if any."""
    for t in ticks:
        m = _HOUSEHOLD_BOX.match(t.text)
        if m:
            n = m.group("n").lower()
            return int(_WORD_NUMBERS.get(n, n))
    return None


# « 1 adulte, 3 enfants à charge »: the children counted in the household's field
_CHILDREN_COUNTED = pattern_store.compile(r"\b(\d{1,2})\s+enfants?\b", re.IGNORECASE)
# « Franck, 05/11/2018 », « Léa MARTIN née le 03/02/2016 »: one child a line
_CHILD_LINE = pattern_store.compile(
    rf"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){{0,3}}\s*,?\s*(?:n[ée]e?(?:\(e\))?\s+le\s+)?"
    rf"(?:{french.DATE_RE})",
    re.IGNORECASE,
)


def _children_continued(f: Form) -> list[Personne]:
    """« Enfants (prénom, date de naissance) : Aïcha, 14/01/2015 », then « Franck, 05/11/2018 »
    and « Julien, 05/01/2021 » on the lines under it: a field of several lines, one child a
    line (the pair holds the first line only)."""
    out: list[Personne] = []
    for p in f.pairs:
        if p.key != "enfant" or p.line < 0 or not re.search(french.DATE_RE, p.value or "", re.I):
            continue
        for nxt in f.lines[p.line + 1 : p.line + 10]:
            nxt = nxt.strip()
            if ":" in nxt or " | " in nxt or heading(nxt) or not _CHILD_LINE.fullmatch(nxt):
                break
            child = _person_from_line(nxt)
            if child:
                child.civilite = None
                out.append(child)
    return out


# "Léa (8 ans)", "Tom 5 ans": a child by first name and age
_AGED = pattern_store.compile(r"([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s*\(?\s*(\d{1,2})\s*ans?\b")

_WORD_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
# "couple avec 2 enfants", "femme seule + 1 enfant", "mère isolée avec trois enfants"
_CHILDREN_SAID = pattern_store.compile(
    r"(?:avec|\+|et)\s*(?:(?:leurs?|ses|son|sa)\s+)?(?P<n>\d{1,2}|une?|deux|trois|quatre|cinq|six)"
    r"\s+enfants?\b"
    r"|(?P<none>sans\s+enfants?)",
    re.IGNORECASE,
)


def _composition_words(f: Form) -> tuple[str | None, int | None]:
    """« Composition familiale : couple avec 2 enfants »: what the form says in words of the
    household (its sex for one adult: 'femme_seule' / 'homme_seul' / 'seul' / 'couple') and
    of its children (their number, None when unsaid)."""
    for p in f.pairs:
        label = french.fold(p.label)
        if not re.match(
            r"composition(?:\s+(?:familiale|du\s+(?:foyer|menage)|de\s+la\s+famille))?$"
            r"|situation\s+(?:familiale|de\s+famille)$",
            label,
        ):
            continue
        value = _value_with_continuation(f, p) if p.value else ""
        if not value or ANY_MARK.search(value):
            continue
        m = _CHILDREN_SAID.search(value)
        n = None
        if m:
            n = 0 if m.group("none") else int(_WORD_NUMBERS.get(m.group("n").lower(), m.group("n")))
        folded = french.fold(value)
        who = None
        if re.search(r"\bfemme\s+seule|\bmere\s+(?:seule|isolee)", folded):
            who = "femme_seule"
        elif re.search(r"\bhomme\s+seul|\bpere\s+(?:seul|isole)", folded):
            who = "homme_seul"
        else:
            who = first_option(value, f.conf.get("composition", []))
        if who or n is not None:
            return who, n
    return None, None


# "Enfants : 2 (Lina 4 ans, Noé 1 an)", "3 – âgés de 2, 5 et 9 ans": the count, then details
_COUNT_THEN_DETAILS = pattern_store.compile(r"^\s*(\d{1,2})\s*(?:enfants?\s*)?(?:\(|[–—-]\s|:)")


def _civility_named_elsewhere(person: Personne, lines: list[str]) -> str | None:
    """'Demandeur – GIRARD – Thomas – 02/02/1975' has no civility, but 'Locataire : M. GIRARD
    THOMAS' on the landlord's part gives it: the same person named with a civility (one
    civility only, else none is taken)."""
    if not person.nom or not person.prenom:
        return None
    name = rf"(?i:{re.escape(person.nom)}\s+{re.escape(person.prenom)}|{re.escape(person.prenom)}\s+{re.escape(person.nom)})"
    found = {
        french.normalize_civilite(m.group(1))
        for line in lines
        for m in re.finditer(rf"(?<![\w.])({french.CIVILITE_RE})\s+{name}(?![\w-])", line)
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_CIVILITY_OPTION = pattern_store.compile(
    r"(?:Madame|Monsieur|Mademoiselle|Mme|Mlle|M\.|Mr)", re.IGNORECASE
)


def _civility_boxes(lines: list[str]) -> list[str | None]:
    """The civility ticked on each line made of civility boxes only ("☐ Madame ☒ Monsieur",
    "Madame [ ]  Monsieur [X]"), in the document's order; None for a line none of whose
    boxes is ticked, or more than one."""
    out: list[str | None] = []
    for line in lines:
        pieces = [x.strip(" :") for x in ANY_MARK.split(line)]
        words = [x for x in pieces if x]
        if len(ANY_MARK.findall(line)) < 2 or not words:
            continue
        if not all(_CIVILITY_OPTION.fullmatch(w) for w in words):
            continue
        ticked = {french.normalize_civilite(_civ_word(t)) for t in ticked_labels(line)} - {None}
        out.append(ticked.pop() if len(ticked) == 1 else None)
    return out


def _civility_ticked_alone(ticks: list["Tick"]) -> str | None:
    said = {
        "Mme" if re.search(r"\b(?:femme|m[èe]re)\s+seule?\b", t.text, re.IGNORECASE) else "M."
        for t in ticks
        if re.search(r"\b(?:femme|homme|m[èe]re|p[èe]re)\s+seule?\b", t.text, re.IGNORECASE)
    }
    return said.pop() if len(said) == 1 else None


def _family_situation(f: Form) -> str | None:
    """'couple' or 'seul' when the form ticks or writes the family situation."""
    options = f.conf.get("composition", [])
    household_ticks = [t for t in f.ticks if t.section in ("menage", "conjoint")]
    said = pick(household_ticks, options) if household_ticks else None
    if said:
        return said
    for p in f.pairs:
        if (
            re.match(r"situation\s+(?:familiale|de\s+famille)", french.fold(p.label))
            and p.value
            and not ANY_MARK.search(p.value)  # boxes none of which is ticked say nothing
        ):
            return first_option(p.value, options)
    return None


_APPLICANT_ROLE = pattern_store.compile(
    r"\s*(?:demandeu|titulaire|locataire|allocataire|b[ée]n[ée]ficiaire|chef\s+de\s+famille)",
    re.IGNORECASE,
)


def _table_names_applicant(tables) -> bool:
    """Whether a table row gives the applicant's role (else the table lists the others)."""
    return any(_APPLICANT_ROLE.match(c or "") for t in tables or [] for row in t[1:] for c in row)


def _same_person(a: Personne, b: Personne) -> bool:
    if french.fold(a.nom or "") != french.fold(b.nom or ""):
        return False
    return not a.prenom or not b.prenom or french.fold(a.prenom) == french.fold(b.prenom)


def _enrich(adults: list[Personne], other: list[Personne]) -> bool:
    """Fill what `adults` lack from another reading of the form; True when they disagree."""
    # fields that name the demandeur only, beside a table of the whole household, do not
    # disagree with it: only a person one reading has and the other lacks does
    disagree = any(not any(_same_person(a, o) for a in adults) for o in other)
    for a in adults:
        match = next((o for o in other if _same_person(a, o)), None)
        if match is None:
            disagree = disagree or len(other) >= len(adults)
            continue
        for attr in ("civilite", "prenom", "date_naissance"):
            mine, theirs = getattr(a, attr), getattr(match, attr)
            if mine is None:
                setattr(a, attr, theirs)
            elif attr == "prenom" and theirs and french.fold(theirs) == french.fold(mine):
                if mine == mine.upper() and theirs != theirs.upper():
                    a.prenom = theirs  # "JOËL" typed in capitals, "Joël" written elsewhere
            elif theirs is not None and theirs != mine:
                disagree = True
    return disagree


_ROLE_CHILD = pattern_store.compile(
    r"^enfants?\b(?!\s+[àa]\s+na[iî]tre)|^fils\b|^fille\b", re.IGNORECASE
)
# an expected child (« enfant à naître », « naissance prévue ») is not yet one of the household
_UNBORN = pattern_store.compile(
    r"[àa]\s+na[iî]tre|naissance\s+pr[ée]vue|terme\s+pr[ée]vu|grossesse", re.IGNORECASE
)
_ROLE_ADULT = pattern_store.compile(
    r"^(?:demandeur|demandeuse|conjoint|concubin|[ée]poux|[ée]pouse|co-?demandeur|co-?titulaire|"
    r"locataire(?:\s+en\s+titre)?\b|titulaire\s+du\s+bail|"
    r"allocataire|pacs[ée]|partenaire(?:\s+(?:de\s+)?pacs)?|compagn|cohabitant|monsieur|madame|"
    r"mademoiselle|m\.|mme|mr)",
    re.IGNORECASE,
)
_HOUSEHOLD_HINT = pattern_store.compile(
    r"\bnom\b|pr[ée]nom|naissance|lien|parent[ée]|qualit", re.IGNORECASE
)


# what a household table says of a child when it gives neither role nor age
_SCHOOLING = pattern_store.compile(
    r"\b(?:[ée]cole|maternelle|primaire|coll[èe]ge|scolaris[ée]e?|cr[èe]che|"
    r"(?-i:CP|CE1|CE2|CM1|CM2)|[3-6](?:e|[èe]me)\b)",
    re.IGNORECASE,
)

# a row heading a group of people in a household table
_GROUP_ROW = pattern_store.compile(
    r"\s*(?:(?P<adulte>adultes?|parents?|demandeurs?(?:\s+et\s+conjoints?)?|titulaires?"
    r"(?:\s+du\s+bail)?)|(?P<enfant>enfants?(?:\s+(?:a\s+charge|au\s+foyer|du\s+foyer))?)|"
    r"autres?\s+(?:personnes?|occupants?|membres?)[^\n]{0,40})\s*:?\s*"
)


def _filled_cells(row: list[str]) -> list[str]:
    """The row's distinct non-empty cells (a merged cell repeats its text)."""
    return list(dict.fromkeys(c.strip() for c in row if c and c.strip()))


def _household_tables(
    tables: list[list[list[str]]], on=None
) -> tuple[list[Personne], list[Personne], bool]:
    """People of a household table (one row a person), and whether a table that looks like one
    could not be mapped."""
    adults: list[Personne] = []
    children: list[Personne] = []
    unsure = False
    for table in tables:
        if not table or not table[0]:
            continue
        if (
            len(table) > 2
            and len(_filled_cells(table[0])) <= 1
            and sum(1 for c in table[1] if _HOUSEHOLD_HINT.search(c or "")) >= 2
        ):
            table = table[1:]  # a title row ("Composition du foyer", merged or not)
        else:
            # tables printed one under the other come back as one: the household's header
            # row may be far down ("Nom & Prenom | Parenté avec le demandeur | …")
            k = next((k for k, row in enumerate(table) if _names_header(row)), 0)
            table = table[k:]
        header = [french.fold(c or "") for c in table[0]]
        if any(":" in h or len(h) > 40 for h in header):
            continue
        col = {}
        for j, h in enumerate(header):
            if re.search(
                r"nom\s*(?:et|&|/|,|-)?\s*prenoms?|prenoms?\s*(?:et|&|/)?\s*nom|identite|membres?\b",
                h,
            ):
                col.setdefault("nom_prenom", j)
            elif re.search(r"prenom", h):
                col.setdefault("prenom", j)
            elif re.search(r"\bnom\s+(?:d.usage|marital|d.epouse)", h):
                col["nom"] = j  # the usage name is the one the dossier keeps
            elif re.search(r"\bnom\s+de\s+(?:naissance|jeune\s+fille)", h):
                col.setdefault("nom_naissance", j)  # a name, not a date column
            elif re.search(r"naissance|ne\(e\)|nee? le|^nee?$", h):
                col.setdefault("date", j)
            elif re.search(r"civilit|sexe", h):
                col.setdefault("civ", j)
            elif re.fullmatch(r"age(?:\s*\(.*\))?", h):
                col.setdefault("age", j)
            elif re.search(r"\bnom\b|enfant", h):
                col.setdefault("nom", j)
            elif re.search(r"qualit|lien|role|statut|membre|parente", h):
                col.setdefault("role", j)
        if "nom" not in col and "nom_naissance" in col:
            col["nom"] = col["nom_naissance"]
        col.pop("nom_naissance", None)
        if "nom" in col and "prenom" not in col and re.search(r"enfant", header[col["nom"]]):
            # « Enfants à charge | Date de naissance | Scolarité »: the children's column holds
            # « NOM Prénom »
            col["nom_prenom"] = col.pop("nom")
        if not ("nom" in col and "prenom" in col or "nom_prenom" in col and len(col) >= 2):
            if len(table) > 1 and sum(1 for h in header if _HOUSEHOLD_HINT.search(h)) >= 2:
                unsure = True
            continue
        name_col = col.get("nom", col.get("nom_prenom"))
        all_children = bool(re.search(r"enfant", header[name_col]))
        found_adult = False
        ageless_adults = 0
        group = None  # a row "Adultes" / "Enfants" that heads the rows under it
        for row in table[1:]:
            row = list(row) + [""] * max(0, len(header) - len(row))
            cells = _filled_cells(row)
            if len(cells) == 1 and (m := _GROUP_ROW.fullmatch(french.fold(cells[0]))):
                group = (
                    "enfant" if m.group("enfant") else "adulte" if m.group("adulte") else "autre"
                )
                continue
            if group == "autre":
                continue  # a parent, a lodger: neither demandeur nor conjoint

            def cell(k, row=row, col=col):
                return (row[col[k]] or "").strip() if k in col and col[k] < len(row) else ""

            role = cell("role") if "role" in col else (row[0] if name_col != 0 else "")
            role = role or ""
            if any(_UNBORN.search(c or "") for c in row):
                continue  # a child expected, not yet one of the household
            if "nom_prenom" in col and "nom" not in col:
                person = _person_from_line(cell("nom_prenom")) if cell("nom_prenom") else None
                if person is None:
                    continue
            else:
                nom_raw, prenom = cell("nom"), cell("prenom")
                if not nom_raw and not prenom:
                    continue
                person = Personne(nom=french.strip_marital(nom_raw), prenom=prenom or None)
            if "date" in col:
                person.date_naissance = french.parse_date(cell("date")) or person.date_naissance
            is_child = all_children or bool(_ROLE_CHILD.match(role)) or group == "enfant"
            years = re.match(r"^\s*(\d{1,3})\s*(?:ans?\b|$)", cell("age"))
            if group == "adulte" and not is_child:
                pass  # listed among the adults: the age tells nothing more
            elif not is_child and not _ROLE_ADULT.match(role.strip()) and years:
                # "Âge | 16 ans" and no birth date: the age itself tells a child
                is_child = int(years.group(1)) < 18
                if not is_child:
                    ageless_adults += 1
            elif not is_child and not _ROLE_ADULT.match(role.strip()) and person.date_naissance:
                # no role column: the age tells a child (under 18 today) from an adult
                is_child = _age(person.date_naissance, on) < 18
                if not is_child:
                    ageless_adults += 1
            elif not is_child and not _ROLE_ADULT.match(role.strip()):
                # neither role nor age: a row that says school or nursery is a child's
                is_child = any(_SCHOOLING.search(c or "") for c in row)
            if (
                "role" in col
                and role.strip()
                and not is_child
                and not _ROLE_ADULT.match(role.strip())
            ):
                continue  # a parent, a lodger: neither demandeur nor conjoint
            civ_raw = cell("civ") or (role if _ROLE_ADULT.match(role) else "")
            if "civ" in col and not cell("civ") and _ROLE_ADULT.match(role):
                civ_raw = role
            civ = french.normalize_civilite(_civ_word(civ_raw))
            if person.civilite and not cell("civ"):
                # "Mme BONNET Sandrine | Conjoint": the civility printed with the name beats
                # one guessed from the role's word
                civ = person.civilite
            civ = civ or person.civilite
            if civ is None and re.search(
                r"conjointe|[ée]pouse|concubine|demandeuse|compagne", role, re.IGNORECASE
            ):
                civ = "Mme"
            elif civ is None and re.match(
                # words only a man is called by ("Conjoint", "Demandeur" may be generic)
                r"\s*(?:[ée]poux|mari|concubin|compagnon|p[èe]re)\b(?!e|\s*\(e\))",
                role,
                re.IGNORECASE,
            ):
                civ = "M."
            person.civilite = None if is_child else civ
            if is_child:
                children.append(person)
            else:
                adults.append(person)
                found_adult = True
        if found_adult:
            # two adults told apart by age only: a couple, or a parent and a grown-up child
            unsure = unsure or ageless_adults >= 2
            break
    return adults, children, unsure


# « MORIN Julien », « LE GOFF Yann »: a surname in capitals, then a first name
_SURNAME_FIRST = pattern_store.compile(r"\b[A-ZÀ-Ý]{2,}(?:[\s'-]+[A-ZÀ-Ý]{2,})*\s+[A-ZÀ-Ý][a-zà-ÿ]")


def _names_header(row: list[str]) -> bool:
    """A household table's header row: column titles, one of which names the people."""
    filled = [c.replace("\n", " ") for c in _filled_cells(row)]
    cells = [french.fold(c) for c in filled]
    return (
        len(filled) >= 2
        and not any(":" in c or len(c) > 40 for c in cells)
        # titles only: no value (a date, a figure, a surname in capitals, « MORIN Julien »)
        # among them; « Enfants à charge (NOM Prénom) » says how to write, it is a title
        and not any(re.search(r"\d|\b[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{2,})*$", c) for c in filled)
        and not any(_SURNAME_FIRST.search(re.sub(r"\([^)]*\)", "", c)) for c in filled)
        and sum(1 for c in filled if _HOUSEHOLD_HINT.search(c)) >= 2
        and any(re.search(r"\bnom\b", c) for c in cells)
    )


def _age(born, on=None) -> int:
    """Age on the form's date (a child of 17 when the form was filled in stays a child)."""
    from datetime import date

    today = on or date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _form_date(pairs: list[Pair]):
    for p in pairs:
        if p.key == "date_document" and p.value:
            d = french.parse_date(p.value)
            if d:
                return d
    return None


_PERSON_KEYS = (
    "civilite",
    "nom",
    "nom_usage",
    "prenom",
    "date_naissance",
    "nom_prenom",
    "demandeur",
    "conjoint",
)


def _column_grids(tables: list[list[list[str]]], libelles) -> list[Personne]:
    """One person a column: a header row naming the roles ('| Allocataire | Conjoint'), then
    'Nom | BENALI | BENALI née FAURE' rows; or label/value pairs side by side, one person a pair."""
    for table in tables:
        if len(table) < 2:
            continue
        header = table[0]
        # a column a person: headed by a role ("Allocataire | Conjoint") or by a civility
        # ("Madame | Monsieur", which then gives that person's civility)
        civ_head = {
            j: french.normalize_civilite(m.group(0))
            for j, c in enumerate(header)
            if j >= 1
            # "MADAME | MONSIEUR" in capitals heads the columns as well
            for m in [
                re.fullmatch(french.CIVILITE_RE, (c or "").strip().strip(":").strip().title())
            ]
            if m
        }
        roles = [
            j
            for j, c in enumerate(header)
            if j >= 1
            and (label_key(c or "", libelles) in ("demandeur", "conjoint") or j in civ_head)
        ]
        slots: dict[int, dict] = {}
        if roles and not label_key(header[0] or "", libelles):
            for row in table[1:]:
                key = label_key(row[0] or "", libelles) if row else None
                if key not in _PERSON_KEYS and key != "nom_naissance":
                    continue
                for j in roles:
                    if j < len(row) and (row[j] or "").strip():
                        slots.setdefault(j, {}).setdefault(key, row[j].strip())
            for j, civ in civ_head.items():
                if j in slots and civ:
                    slots[j].setdefault("civilite", civ)
        else:
            for row in table:
                if not label_value_row([(c or "").strip() for c in row], libelles):
                    continue
                for j in range(0, len(row) - 1, 2):
                    key = label_key(row[j] or "", libelles)
                    if key in _PERSON_KEYS and (row[j + 1] or "").strip():
                        slots.setdefault(j // 2, {}).setdefault(key, row[j + 1].strip())
        people = [p for p in (_person_from_fields(d) for _, d in sorted(slots.items())) if p]
        if people:
            return people
    return []


def _person_from_fields(d: dict) -> Personne | None:
    # the usage name first; the birth (maiden) name only when no other is given
    surname = d.get("nom_usage") or d.get("nom") or d.get("nom_naissance")
    if surname:
        person = Personne(nom=french.strip_marital(surname), prenom=d.get("prenom"))
    else:
        line = d.get("nom_prenom") or d.get("demandeur") or d.get("conjoint")
        if not line or ANY_MARK.search(line):
            return None
        person = _person_from_line(line)
        if person is None:
            return None
    if d.get("civilite"):
        person.civilite = french.normalize_civilite(_civ_word(d["civilite"])) or person.civilite
    if d.get("date_naissance"):
        person.date_naissance = (
            french.parse_date(d["date_naissance"])
            or french.parse_boxed_date(d["date_naissance"])
            or person.date_naissance
        )
    return person


def _civ_word(raw: str) -> str:
    raw = (raw or "").strip()
    if re.fullmatch(r"F|femme|f[ée]minin", raw, re.IGNORECASE):
        return "Mme"
    if re.fullmatch(r"H|M|homme|masculin", raw, re.IGNORECASE):
        return "M."
    m = re.match(rf"^({french.CIVILITE_RE})", raw)
    if m:
        return m.group(1)
    # "Demandeur (Madame)", "Conjoint - M."
    m = re.search(
        r"(?<![\w.])(Monsieur|Madame|Mademoiselle|Mme|Mlle|Mr|M\.)(?![\w])", raw, re.IGNORECASE
    )
    if m:
        return m.group(1)
    if re.search(r"\b(?:demandeuse|conjointe|[ée]pouse|concubine|compagne)\b", raw, re.IGNORECASE):
        return "Mme"
    if re.search(r"\b(?:[ée]poux|concubin|compagnon)\b(?!\s*\(e\))", raw, re.IGNORECASE):
        return "M."
    return raw


def _household_pairs(
    pairs: list[Pair], guess: bool = True
) -> tuple[list[Personne], list[Personne]]:
    adults: list[Personne] = []
    children: list[Personne] = []
    current: dict = {}
    people: list[dict] = []

    def flush():
        if current.get("nom") or current.get("nom_prenom"):
            people.append(dict(current))
        current.clear()

    last_section = None
    for p in _deinterleave([p for p in pairs if p.section != "prescripteur"]):
        value = p.value.strip()
        # a new heading (the demandeur's block, then the conjoint's) starts a new person
        if (
            p.key in _PERSON_KEYS
            and p.section != last_section
            and p.section in ("menage", "conjoint")
        ):
            if last_section in ("menage", "conjoint"):
                flush()
            last_section = p.section
        if (
            p.key == "civilite"
            and current.get("civ")
            and (current.get("nom") or current.get("nom_prenom"))
        ):
            flush()
        if p.key in ("conjoint", "demandeur"):
            if ANY_MARK.search(value) and not re.search(r"[A-ZÀ-Ý]{2,}", ANY_MARK.sub("", value)):
                continue  # "Lien avec le demandeur : ☐ Conjoint ☒ Concubin(e)": ticks, not a name
            if re.fullmatch(rf"(?:{french.CIVILITE_RE})\.?", value):
                # "Le demandeur : Madame", the name in the fields below: a new person's civility
                flush()
                current["civ"] = french.normalize_civilite(_civ_word(value))
                continue
            if (
                value
                and re.search(r"[A-Za-zÀ-ÿ]{2}", value)
                and not re.fullmatch(r"n[ée]ant|sans|/|-|aucun", value, re.IGNORECASE)
            ):
                # « ☒ Monsieur » ticked just above « Nom, prénom du demandeur : … »: the
                # civility read for nobody yet is this person's
                civ = (
                    None if current.get("nom") or current.get("nom_prenom") else current.get("civ")
                )
                flush()
                current.update({"nom_prenom": value, "role": p.key, "section": p.section})
                if civ:
                    current["civ"] = civ
            continue
        if p.key == "enfant" or p.key == "nb_enfants" and re.search(r"[A-Za-zÀ-ÿ]{3}", value):
            if (
                not re.search(r"[A-Za-zÀ-ÿ]{2}", value)
                or re.fullmatch(r"n[ée]ant|sans|aucun", value, re.IGNORECASE)
                or _COUNT_THEN_DETAILS.match(value)
            ):
                continue  # "2 (Lina 4 ans, Noé 1 an)": a count, read as such in _household
            # "ROUX Jules (05/05/2010), ROUX Lila (06/07/2013)": several children on one line
            parts = [value]
            ages = _AGED.findall(value)
            if len(ages) > 1 and not re.search(french.DATE_RE, value, re.IGNORECASE):
                # "Léa (8 ans), Tom (5 ans)": children by first name and age, no birth date
                for first, _ in ages:
                    children.append(Personne(nom=None, prenom=first))
                continue
            if len(re.findall(french.DATE_RE, value, re.IGNORECASE)) > 1:
                parts = [
                    x
                    for x in re.split(
                        r"\s*(?:;|,|\bet\b)\s*(?=[A-ZÀ-Ý])|(?<=\d{4})\s+(?=[A-ZÀ-Ý])", value
                    )
                    if x.strip()
                ]
            for part in parts:
                child = _person_from_line(part)
                if child:
                    child.civilite = None
                    children.append(child)
            continue
        if p.key in ("nom", "nom_usage", "nom_prenom"):
            if current.get("nom") or current.get("nom_prenom"):
                flush()
            if value:
                current["nom_prenom" if p.key == "nom_prenom" else "nom"] = value
            current["section"] = p.section
        elif p.key == "prenom" and value:
            current["prenom"] = value
        elif p.key == "date_naissance" and value:
            born = french.parse_date(value) or french.parse_boxed_date(value)
            if born:  # "Date de naissance : 28/09/1961 Lieu de naissance : …" read twice
                current["date"] = born
            # "Née le" says who it is when the form has no civility
            gender = re.fullmatch(r"n[ée](e?)\s+le", p.label.strip(" :"), re.IGNORECASE)
            if gender and "civ" not in current:
                current["civ_guess"] = "Mme" if gender.group(1) else "M."
        elif p.key == "civilite" and value:
            current["civ"] = french.normalize_civilite(_civ_word(value))
    flush()
    for d in people:
        if "nom_prenom" in d:
            person = _person_from_line(d["nom_prenom"])
            if not person:
                continue
            if not person.prenom and d.get("prenom"):
                person.prenom = d["prenom"]  # « Nom du conjoint : X   Prénom : Y » on one line
        else:
            nom = french.strip_marital(d["nom"])
            person = Personne(nom=nom, prenom=d.get("prenom"))
        person.civilite = d.get("civ") or person.civilite or (d.get("civ_guess") if guess else None)
        person.date_naissance = d.get("date") or person.date_naissance
        if d.get("section") == "enfants":
            person.civilite = None
            children.append(person)
        else:
            adults.append(person)
    return adults, children


def _deinterleave(pairs: list[Pair]) -> list[Pair]:
    """Two people side by side read row by row ('Nom : ROUSSEL', 'Nom : PEREZ', 'Prénom : …',
    'Prénom : …'): put each person's fields together again."""
    out: list[Pair] = []
    i = 0
    while i < len(pairs):
        runs = []
        k = i
        while k < len(pairs) and pairs[k].key in _PERSON_KEYS:
            n = 1
            while k + n < len(pairs) and pairs[k + n].key == pairs[k].key:
                n += 1
            if runs and n != len(runs[0]):
                break
            runs.append(pairs[k : k + n])
            k += n
        if len(runs) >= 2 and len(runs[0]) >= 2:
            for slot in range(len(runs[0])):
                out.extend(run[slot] for run in runs)
            i = k
        else:
            out.append(pairs[i])
            i += 1
    return out


# "1) ", "2°) ", "a) ", "- ", "• " before a listed person
_LIST_MARK = pattern_store.compile(r"^\s*(?:\d{1,2}\s*°?\s*[).:-]|[a-h]\)|[-–•*·])\s+")


def _person_from_line(value: str) -> Personne | None:
    """'EL AMRANI Sami - 03/04/2011', 'Mme Sophie DURAND, née le 12/03/1985'."""
    value = _LIST_MARK.sub("", value)
    date_m = re.search(french.DATE_RE, value, re.IGNORECASE)
    birth = french.parse_date(date_m.group(0)) if date_m else None
    name = value[: date_m.start()] if date_m else value
    name = re.split(r",|\s+[-–—]\s+|\s+n[ée]e?(?:\(e\))?\s+le\b|\(", name)[0].strip(" -–—,")
    civ = re.match(rf"^({french.CIVILITE_RE})\s+", name)
    if civ:
        name = name[civ.end() :]
    nom, prenom = french.split_name(name, order="nom_prenom")
    if not nom:
        return None
    civilite = french.normalize_civilite(civ.group(1)) if civ else None
    if civilite is None:
        # "…, née le …" / "(mère)": the grammar or the role says who (never "né(e)")
        if re.search(r"\bn[ée]e\s+le\b|\((?:m[èe]re|[ée]pouse|conjointe|concubine)\)", value):
            civilite = "Mme"
        elif re.search(r"\bn[ée]\s+le\b|\((?:p[èe]re|[ée]poux|conjoint|concubin)\)", value):
            civilite = "M."
    return Personne(nom=nom, prenom=prenom, civilite=civilite, date_naissance=birth)


_CIV_LINE = pattern_store.compile(
    r"^\s*(?:(?:et|ainsi\s+que)\s+)?(?=(?:madame|monsieur|mademoiselle|mme|m\.|mr)\s)",
    re.IGNORECASE,
)


def _civility_lines(lines, sections, prescripteur, on=None, intro=None) -> list[Personne]:
    """Adults written as a line that starts with their civility, or names them after the
    words that introduce the beneficiary ("… maintien pour Monsieur X, né le …"), with a
    birth date (outside the prescriber's block): each line one person, a grown-up only."""
    out: list[Personne] = []
    for i, line in enumerate(lines):
        m = _CIV_LINE.match(line) or (
            intro
            and re.search(
                rf"\b(?:{intro})\s+(?=(?:madame|monsieur|mademoiselle|mme|m\.|mr)\s)",
                line,
                re.IGNORECASE,
            )
        )
        if not m or sections[i] == "prescripteur" or ":" in line or " | " in line:
            continue
        if not re.search(french.DATE_RE, line, re.IGNORECASE):
            continue
        person = _person_from_line(line[m.end() :])
        if (
            person is None
            or person.civilite is None
            or person.date_naissance is None
            or not person.prenom
            or _age(person.date_naissance, on) < 18
            or _is_prescripteur(person, prescripteur)
        ):
            continue
        out.append(person)
    return out


_HOUSEHOLD_LABEL = pattern_store.compile(
    r"composition(?:\s+(?:familiale|du\s+(?:foyer|menage)|de\s+la\s+famille))?|(?:le\s+)?menage"
    r"|(?:le\s+)?foyer|(?:la\s+)?famille|personnes?\s+(?:concernees?|au\s+foyer)"
    r"|(?:les\s+)?(?:demandeurs|locataires|co-?titulaires(?:\s+du\s+bail)?)"
)
_NEXT_PERSON = pattern_store.compile(
    r"(?:,\s*|\s+)(?:et|ainsi\s+que)\s+(?=(?:madame|monsieur|mademoiselle|mme|m\.|mr)\s)|;\s*",
    re.IGNORECASE,
)


def _value_with_continuation(f: Form, p: Pair) -> str:
    """A field's value and the lines its sentence runs on to (no label, no heading: the
    printer wrapped it), two at most."""
    value = p.value or ""
    for nxt in f.lines[p.line + 1 : p.line + 3] if p.line >= 0 else []:
        if not nxt.strip() or ":" in nxt or " | " in nxt or heading(nxt) or ANY_MARK.search(nxt):
            break
        value += " " + nxt.strip()
    return value


def _persons_in_household_value(f: Form, on=None) -> tuple[list[Personne], bool]:
    """« Composition du ménage : Monsieur X Marc, né le …, et Madame X Julie, née le …, et
    leurs deux enfants »: the adults named in the household's field, each with a civility
    and a birth date; True too when it names more people than could be read."""
    for p in f.pairs:
        if not p.value or not _HOUSEHOLD_LABEL.fullmatch(french.fold(p.label).strip()):
            continue
        out: list[Personne] = []
        value = _value_with_continuation(f, p)
        named = 0
        # « M. et Mme X Marc et Sandrine »: one couple, not two lines of people
        together = re.match(
            rf"\s*(?:{french.CIVILITE_RE})\s+(?:et|&)\s+(?:{french.CIVILITE_RE})\s", value
        )
        for part in [] if together else _NEXT_PERSON.split(value):
            if not _CIV_LINE.match(part):
                continue
            named += 1
            if not re.search(french.DATE_RE, part, re.I):
                continue
            person = _person_from_line(part)
            if (
                person
                and person.civilite
                and person.prenom
                and person.date_naissance
                and _age(person.date_naissance, on) >= 18
            ):
                out.append(person)
        if out:
            return out, len(out) < named
        if named or together:
            # « M. et Mme LEROUX Marc et Sandrine, nés le 12/04/1985 et le 01/02/1987 »: one
            # surname for the couple, the birth dates in the same order as the first names
            couple = parse_persons(value)
            dates = [
                french.parse_date(m.group(0))
                for m in re.finditer(french.DATE_RE, value, re.IGNORECASE)
            ]
            if len(couple) == 2 and all(c.civilite and c.prenom for c in couple):
                if len(dates) == 2 and re.search(r"\bn[ée]e?s\b", value, re.IGNORECASE):
                    for c, d in zip(couple, dates, strict=True):
                        c.date_naissance = d
                return couple, len(dates) not in (0, 2)
    return [], False


# "Demandeur – AUBERT – Marie-Claire – 26/10/1981": dashes set apart by spaces split the line
# (a hyphen inside a name does not)
_ROLE_SEP = pattern_store.compile(r"\s+[-–—]{1,2}\s+")  # (a scan reads "-—" too)


def _role_lines(lines, sections, on=None) -> tuple[list[Personne], list[Personne], bool]:
    """'Demandeur – AUBERT – Joël – 26/10/1981', 'Enfant – AUBERT – Léa – 03/02/2015': one
    person a line, role, surname, first name and birth date set apart by dashes. A role the
    reader does not know (a scan's « Conijointe ») is told by the age, and flagged (third
    value)."""
    adults: list[Personne] = []
    children: list[Personne] = []
    unsure = False
    for i, line in enumerate(lines):
        if sections[i] == "prescripteur":
            continue
        parts = _ROLE_SEP.split(line.strip())
        if len(parts) != 4 or not re.fullmatch(french.DATE_RE, parts[3], re.IGNORECASE):
            continue
        role, nom, prenom = parts[:3]
        if not re.fullmatch(r"[A-Za-zÀ-ÿ()'’. ]{3,30}", role) or any(
            re.search(r"[\d:|]", x) for x in (nom, prenom)
        ):
            continue
        person = Personne(nom=nom, prenom=prenom, date_naissance=french.parse_date(parts[3]))
        if _ROLE_CHILD.match(role):
            children.append(person)
        elif _ROLE_ADULT.match(role):
            person.civilite = french.normalize_civilite(_civ_word(role))
            if person.civilite not in ("M.", "Mme"):
                person.civilite = None
            adults.append(person)
        elif person.date_naissance:
            unsure = True
            (children if _age(person.date_naissance, on) < 18 else adults).append(person)
    return adults, children, unsure


def _file_by_age(person: Personne, on, adults: list, children: list) -> None:
    """A person listed with a birth date: a child (no civility) under 18 on the form's
    date, else an adult."""
    if _age(person.date_naissance, on) < 18:
        person.civilite = None
        children.append(person)
    else:
        adults.append(person)


def _children_from_lines(lines, sections, pairs) -> list[Personne]:
    out = []
    for i, line in enumerate(lines):
        if _UNBORN.search(line):
            continue  # "Enfant à naître : terme prévu le …"
        m = re.match(r"^\s*enfant\s*(?:\d+)?\s+(?!:|\|)(.+)$", line, re.IGNORECASE)
        if not m and sections[i] == "enfants" and not heading(line) and ":" not in line:
            # under « Enfants à charge »: « Léa MARTIN, née le 12/03/2015 », one a line
            m = re.match(r"^\s*(.+?,?\s+n[ée]e?(?:\(e\))?\s+le\s+.+)$", line, re.IGNORECASE)
        if m and re.search(french.DATE_RE, line, re.IGNORECASE):
            child = _person_from_line(m.group(1))
            if child:
                child.civilite = None
                out.append(child)
    return out


def _listed_people(lines: list[str], libelles, on=None) -> tuple[list[Personne], list[Personne]]:
    """'Autres personnes au foyer :' then 'RENAUD Brigitte - 11/02/2012' lines: people listed
    without a role; the age tells a child (under 18) from an adult."""
    rx = libelles.get("membres_foyer")
    adults: list[Personne] = []
    children: list[Personne] = []
    if rx is None:
        return adults, children
    for i, line in enumerate(lines):
        # the first person may have been joined to the label ("… au foyer : RENAUD Brigitte …")
        m = re.match(r"^\s*(?P<label>[^:|]{2,70}?)\s*:\s*(?P<rest>.*)$", line)
        if not m or not label_key(m.group("label"), libelles) == "membres_foyer":
            continue
        rest = m.group("rest").strip()
        following = lines[i + 1 : i + 12]
        if (
            rest
            and not re.search(french.DATE_RE, rest.split(";")[-1], re.IGNORECASE)
            and following
            and ":" not in following[0]
        ):
            # one sentence listing them, wrapped over the next line (its last person cut)
            rest, following = f"{rest} {following[0].strip()}", following[1:]
        # "Léa BLANC, née le 11/02/2011 ; Hugo BLANC, né le …": one person an item
        first = [x for x in re.split(r"\s*;\s*", rest.rstrip(".")) if x.strip()] if rest else []
        for nxt in first + following:
            if not nxt.strip():
                continue
            if ":" in nxt or " | " in nxt or heading(nxt) or ANY_MARK.search(nxt):
                break
            if not re.search(french.DATE_RE, nxt, re.IGNORECASE):
                break
            person = _person_from_line(nxt)
            if person is None or person.date_naissance is None:
                break
            _file_by_age(person, on, adults, children)
    return adults, children


# a grid's column captions on one line: a name, a first name and a birth date among them
_GRID_HEADER = pattern_store.compile(
    r"^(?!.*[:\d]).*\bnoms?\b.*\bpr[ée]noms?\b.*(?:\bn[ée]\(?e?\)?\s+le\b|naissance)",
    re.IGNORECASE,
)


def _grid_header_lines(lines, sections, on=None) -> tuple[list[Personne], list[Personne]]:
    """'Civilité Nom Prénom Né(e) le Lien Ressources Montant' then 'Mme FERREIRA Nadia
    23/03/1986 demandeur RSA …': a household grid a scan reads as lines. Each line with a
    birth date is a person (what follows the date is the row's other columns); lines without
    one (a resource on a line of its own, a caption wrapped) are passed over; a heading, a
    colon or a box ends the grid. A role column first (« Qualité | Civilité | NOM … »: its
    word starts each row) or after the date (« … | Lien avec le demandeur ») tells a child,
    an adult, or someone the household hosts (neither); a « Sexe » column's M / F, the
    civility."""
    adults: list[Personne] = []
    children: list[Personne] = []
    for i, line in enumerate(lines):
        if not _GRID_HEADER.match(line.strip()):
            continue
        role_first = bool(_ROLE_HEADER.match(line.strip()))
        sex_col = bool(re.search(r"\bsexe\b", line, re.IGNORECASE))
        for nxt in lines[i + 1 : i + 15]:
            if not nxt.strip():
                continue
            date_m = re.search(french.DATE_RE, nxt, re.IGNORECASE)
            # « Demandeur Mme X … 02/07/1982 » starts like a heading: its date says a row
            if ":" in nxt or " | " in nxt or heading(nxt) and not date_m or ANY_MARK.search(nxt):
                break
            if not date_m or _UNBORN.search(nxt):
                continue
            row, role = nxt[: date_m.end()], ""
            if role_first:
                m = re.match(r"^\s*([A-Za-zÀ-ÿ()'’.-]{3,30})\s+", row)
                if m and not re.match(rf"(?:{french.CIVILITE_RE})$", m.group(1)):
                    role, row = m.group(1), row[m.end() :]
            else:
                role = (nxt[date_m.end() :].split() or [""])[0]
            sex = None
            if sex_col:
                m = re.search(rf"\s([MF])\s+(?={french.DATE_RE})", row, re.IGNORECASE)
                if m:
                    sex, row = m.group(1).upper(), row[: m.start()] + " " + row[m.end() :]
            person = _person_from_line(row)
            if person is None or person.date_naissance is None:
                continue
            if sex and person.civilite is None:
                person.civilite = "Mme" if sex == "F" else "M."
            if role and _ROLE_CHILD.match(role):
                person.civilite = None
                children.append(person)
            elif role and _ROLE_ADULT.match(role):
                adults.append(person)
            elif role_first and role:
                continue  # « Hébergé(e) »: a relative the household hosts
            else:
                _file_by_age(person, on, adults, children)
        if adults:
            break
    return adults, children


_ROLE_HEADER = pattern_store.compile(r"^(?:qualit[ée]|lien|r[ôo]le|statut)\b", re.IGNORECASE)


def _is_prescripteur(p: Personne, prescripteur: str | None) -> bool:
    return bool(prescripteur) and french.fold(p.nom) in french.fold(prescripteur)
