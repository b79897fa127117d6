"""Referral forms (fiche de prescription, demande d'ASLL / de diagnostic), whatever the layout.

A form is read as
- label/value pairs: "Nom : MARTIN", table rows "Bailleur | SA HLM …", fillable-PDF fields;
  labels known from the rule file ([formulaire.libelles]) split lines holding several pairs;
- sections, by their headings (prescripteur, ménage, enfants, logement, ressources, objectifs);
- ticks: ☒/☑/✓/✔ glyphs or a lone "X" before a label ("X Maintien"), a mark in the cell
  after a row's label ("Accès au logement | X"), or a mark in the "Oui" column of an
  Oui/Non table. Each tick is mapped to a value by the option patterns of the rule file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from asll.domain.model import OBJECTIFS, Personne, Ressource

from .. import french
from ..reading import Document
from .addresses import parse_address
from .persons import parse_persons

MARK_ON = "☒☑■✓✔✗✘"
_MARK_TOKEN = re.compile(rf"(?:(?<=\s)|(?<=^)|(?<=\|))\s*(?:[{MARK_ON}]|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|[xX](?=\s+[A-ZÀ-Ýa-zà-ÿ]{{2}}))\s*", re.MULTILINE)
_ANY_MARK = re.compile(rf"[{MARK_ON}☐□]|\[\s*[xX✓ ]?\s*\]|(?<![\w'])[xX](?![\w'])")
_CELL_MARK = re.compile(rf"^\s*(?:[{MARK_ON}]|[xX]|\[\s*[xX]\s*\]|oui)\s*$", re.IGNORECASE)

SECTIONS = {
    "prescripteur": r"prescripteur|r[ée]f[ée]rent|travailleur\s+social|service\s+demandeur|organisme\s+demandeur|demandeur\s+de\s+la\s+mesure",
    "mesure": r"type\s+de\s+(?:la\s+)?mesure|nature\s+de\s+la\s+(?:mesure|demande)|mesure\s+(?:sollicit|demand)",
    "menage": r"m[ée]nage|la\s+personne|identit[ée]|demandeur|composition|[ée]tat\s+civil|situation\s+familiale|"
              r"(?:personnes?|membres?)\s+(?:composant|constituant|vivant|du\s+foyer|du\s+m[ée]nage)|foyer|famille",
    "conjoint": r"conjoint|concubin|co-?demandeur",
    "enfants": r"enfants?",
    "logement": r"logement|statut\s+d.occupation|habitat",
    "ressources": r"ressources|revenus|budget\s+du\s+m[ée]nage",
    "objectifs": r"objectifs?|points\s+[àa]\s+(?:[ée]valuer|travailler)|axes\s+de\s+travail",
    "autre": r"motif|observations?|signature|accord|commentaires?",
}
_SECTION_RX = {k: re.compile(rf"^\s*(?:\d+\s*[.)/-]\s*)?(?:{v})\b", re.IGNORECASE) for k, v in SECTIONS.items()}


@dataclass
class Pair:
    label: str
    key: str | None
    value: str
    section: str | None
    line: int


def parse_form(doc: Document, data: dict, ex, uncertain: set[str]) -> None:
    conf = data.get("formulaire", {})
    libelles = {k: re.compile(rf"(?:{v})", re.IGNORECASE) for k, v in conf.get("libelles", {}).items()}
    lines = [l for l in doc.text.split("\n")]
    sections = _sections(lines)
    pairs = _pairs(lines, sections, libelles)
    ticks = _ticks(lines, sections, doc)

    # ------------------------------------------------------------------ measure, objectives, status
    ex.type_mesure = _pick(ticks, conf.get("type_mesure", []), prefer=("mesure", None))
    if ex.type_mesure is None:
        head = "\n".join(lines[:12])
        for opt in conf.get("type_mesure", []):
            if re.search(rf"(?:demande|mesure|fiche)[^\n]{{0,40}}(?:{opt['motif']})", head, re.IGNORECASE):
                ex.type_mesure = opt["valeur"]
                uncertain.add("type_mesure")
                break
    objectifs = _pick_all(ticks, conf.get("objectifs", []), prefer=("objectifs",))
    ex.objectifs = [o for o in OBJECTIFS if o in objectifs]
    statut = _pick(ticks, conf.get("statut_occupation", []), prefer=("logement", None))
    if statut is None:
        for p in pairs:
            if p.key in ("statut", "situation_logement"):
                statut = _first_option(p.value, conf.get("statut_occupation", []))
                if statut:
                    break
    if statut is None:
        logement = "\n".join(l for i, l in enumerate(lines) if sections[i] in ("logement", "menage"))
        statut = _first_option(logement, conf.get("statut_occupation", []), strict=True)
    ex.statut_occupation = statut

    # ------------------------------------------------------------------ prescripteur
    _prescripteur(pairs, lines, sections, ex)

    # ------------------------------------------------------------------ household
    adults, children = _household_tables(doc.tables)
    if not adults:
        adults, children2 = _household_pairs(pairs)
        children = children or children2
    if not adults:
        block = "\n".join(l for i, l in enumerate(lines) if sections[i] in ("menage", "conjoint"))
        adults = parse_persons(block) if block else []
        adults = [p for p in adults if not _is_prescripteur(p, ex.prescripteur)]
    if not children:
        children = _children_from_lines(lines, sections, pairs)
    ex.personnes = adults[:2]
    ex.enfants = children
    n_explicit = next((int(m.group(1)) for p in pairs if p.key == "nb_enfants"
                       for m in [re.search(r"\d+", p.value)] if m), None)
    ex.nb_enfants = len(children) if children else (n_explicit if n_explicit is not None else 0)
    if len(adults) >= 2:
        ex.composition = "couple"
    elif adults:
        civ = adults[0].civilite
        ex.composition = {"Mme": "femme_seule", "M.": "homme_seul"}.get(civ)

    # ------------------------------------------------------------------ address, landlord
    _address(pairs, data, ex)
    for p in pairs:
        if p.key == "bailleur" and p.section != "prescripteur":
            from ..extract import clean_bailleur

            from ..extract import _is_placeholder

            value = clean_bailleur(re.split(r"\s*\(", p.value)[0])
            if value and not _is_placeholder(value) and not re.fullmatch(r"n[ée]ant|sans|aucun|/|-", value, re.IGNORECASE):
                ex.bailleur = value
                break

    # ------------------------------------------------------------------ money
    ex.ressources = _ressources(lines, sections, pairs, conf.get("ressources", []), doc.tables)
    loyer_label = None
    for p in pairs:
        if p.key == "loyer" and ex.loyer_mensuel is None:
            ex.loyer_mensuel = _loyer(p.value)
            loyer_label = p.label
        elif p.key == "dette" and ex.montant_dette is None:
            ex.montant_dette = french.parse_montant(p.value)
            m = re.search(rf"(?:au|du|arr[êe]t[ée]e?\s+au)\s+({french.DATE_RE})", f"{p.label} {p.value}", re.IGNORECASE)
            if m:
                ex.date_dette = french.parse_date(m.group(1))
        elif p.key == "date_document" and ex.date_document is None:
            ex.date_document = french.parse_date(p.value)
    # rent and charges given on separate rows / fields: the contract wants their sum
    if ex.loyer_mensuel is not None and not re.search(r"charges\s+comprises|\bCC\b|\bTCC\b|total|\+", loyer_label or "", re.IGNORECASE):
        charges = next((french.parse_montant(p.value) for p in pairs if p.key == "charges" and p.value
                        and p.section != "ressources" and french.parse_montant(p.value)), None)
        if charges and charges < ex.loyer_mensuel:
            ex.loyer_mensuel = round(ex.loyer_mensuel + charges, 2)
    # free-text fallbacks (same patterns as acts)
    text = doc.text
    if ex.loyer_mensuel is None:
        m = re.search(rf"loyer[^:\n|]{{0,40}}[:|]?\s*({french.MONTANT_RE}(?:\s*(?:\+|plus|outre)\s*{french.MONTANT_RE}\s*(?:de\s+)?(?:charges|provision)?)?)",
                      text, re.IGNORECASE)
        if m:
            ex.loyer_mensuel = _loyer(m.group(1))
    if ex.montant_dette is None:
        m = re.search(rf"(?:dette|arri[ée]r[ée]|impay[ée]s)\s*(?:locati\w+)?\s*(?:de|:|\|)?\s*({french.MONTANT_RE})"
                      rf"(?:[^.\n]{{0,30}}?(?:au|arr[êe]t[ée]e?\s+au)\s+({french.DATE_RE}))?", text, re.IGNORECASE)
        if m:
            ex.montant_dette = french.parse_montant(m.group(1))
            if m.group(2) and ex.date_dette is None:
                ex.date_dette = french.parse_date(m.group(2))
    if ex.date_document is None:
        m = re.search(rf"(?:fait\s+[àa]\s+[^\n,]{{2,40}},?\s+le|^\s*date|^\s*le)\s*:?\s*({french.DATE_RE})", text,
                      re.IGNORECASE | re.MULTILINE)
        if m:
            ex.date_document = french.parse_date(m.group(1))
    if ex.statut_occupation is None and ex.bailleur:
        from ..extract import statut_from_bailleur

        ex.statut_occupation = statut_from_bailleur(ex.bailleur, data)


# ---------------------------------------------------------------------- structure

def _heading(line: str) -> str | None:
    """The section a heading line opens (a heading has no value after it)."""
    s = line.strip().strip("|").strip()
    if not s or len(s) > 70:
        return None
    if re.search(r":\s*\S", s) or " | " in s and not s.lower().startswith(("type", "nature", "qualit")):
        # "Statut d'occupation : ☒ …" opens a section too
        if not re.match(r"^(?:statut\s+d.occupation|objectifs?|ressources|type\s+de\s+mesure)", s, re.IGNORECASE):
            return None
    for key, rx in _SECTION_RX.items():
        if rx.search(s):
            return key
    return None


def _sections(lines: list[str]) -> list[str | None]:
    out: list[str | None] = []
    current = None
    for line in lines:
        h = _heading(line)
        if h:
            current = h
        out.append(current)
    return out


def _label_key(label: str, libelles: dict[str, re.Pattern]) -> str | None:
    label = re.sub(r"\s+", " ", french.normalize_text(label)).strip(" .:|-*")
    for key, rx in libelles.items():
        if rx.fullmatch(label):
            return key
    # "Demandeur - date de naissance", "Enfant 2 - nom, prénom, naissance", "Conjoint (nom et prénom)":
    # a role, then what the field holds
    m = re.match(r"^(?P<role>[^-:(]{2,40}?)\s*(?:-|\()\s*(?P<rest>.+?)\)?$", label)
    if not m:
        return None
    role, rest = m.group("role").strip(), m.group("rest").strip()
    rest = re.sub(r"^(?:civilit[ée]|sexe)\s*(?:,|et|/)\s*", "", rest, flags=re.IGNORECASE)
    role_key = _label_key(role, libelles) if role != label else None
    if role_key == "enfant" or re.match(r"^enfants?\b", role, re.IGNORECASE):
        return "enfant"
    for key, rx in libelles.items():
        if rx.fullmatch(rest):
            if key in ("nom", "nom_prenom") and role_key == "conjoint":
                return "nom_prenom"
            return key
    if re.fullmatch(r"nom\s*(?:,|et|/)\s*pr[ée]noms?(?:\s*(?:,|et|/)\s*(?:date\s+de\s+)?naissance)?", rest, re.IGNORECASE):
        return "nom_prenom"
    return None


def _pairs(lines: list[str], sections: list[str | None], libelles: dict[str, re.Pattern]) -> list[Pair]:
    pairs: list[Pair] = []
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split(" | ")]
        section = sections[i]
        if len(cells) == 2 and ":" not in cells[0] and cells[0] and len(cells[0]) <= 60:
            key = _label_key(cells[0], libelles)
            if key or not _ANY_MARK.fullmatch(cells[1] or "x"):
                pairs.append(Pair(cells[0], key, cells[1], section, i))
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
            if ":" not in nxt and " | " not in nxt and re.search(r"\b\d{2}\s?\d{3}\b", nxt):
                p.value = f"{p.value.strip(' .,:;')}, {nxt.strip()}"
    return pairs


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
            for m in re.finditer(rf"(?:{rx.pattern})\s*$", before, re.IGNORECASE):
                if best is None or m.start() < best[0]:
                    best = (m.start(), key)
        colon_end = c + len(re.match(r"\s*:\s*", text[c:]).group(0))
        if not starts:
            # the whole text before the first colon may be one label ("Prénom NOM du référent",
            # "Demandeur - civilité, nom, prénom")
            whole = _label_key(before, libelles)
            if whole and len(before.strip()) <= 70:
                starts.append((0, c, colon_end, whole))
                continue
        if best:
            starts.append((best[0], c, colon_end, best[1]))
        elif not starts:
            # unknown label at the start of the text
            starts.append((0, c, colon_end, None))
    out = []
    for j, (ls, c, ce, key) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(text)
        label = text[ls:c].strip()
        value = text[ce:end].strip(" ,;")
        if label and len(label) <= 70:
            out.append(Pair(label, key, value, section, line_no))
    return out


# ---------------------------------------------------------------------- ticks

@dataclass
class Tick:
    text: str
    section: str | None


def _ticks(lines: list[str], sections: list[str | None], doc: Document) -> list[Tick]:
    ticks: list[Tick] = []
    for i, line in enumerate(lines):
        section = sections[i]
        cells = [c.strip() for c in line.split(" | ")]
        # table row: "label | X" or "label | | ✓" with an Oui/Non header above
        if len(cells) >= 2 and cells[0] and not _ANY_MARK.match(cells[0]):
            marks = [j for j, c in enumerate(cells[1:], 1) if _CELL_MARK.match(c)]
            if marks:
                header = _oui_non_header(lines, i)
                if header is None or any(header.get(j) == "oui" for j in marks):
                    ticks.append(Tick(cells[0], section))
                continue
        for cell in cells:
            for m in _MARK_TOKEN.finditer(cell):
                rest = cell[m.end():]
                nxt = _ANY_MARK.search(rest)
                snippet = rest[: nxt.start()] if nxt else rest
                snippet = snippet.strip()
                if snippet:
                    ticks.append(Tick(snippet[:80], section))
    return ticks


def _oui_non_header(lines: list[str], i: int) -> dict[int, str] | None:
    for k in range(i - 1, max(i - 10, -1), -1):
        cells = [c.strip().lower() for c in lines[k].split(" | ")]
        if "oui" in cells and "non" in cells:
            return {j: c for j, c in enumerate(cells)}
        if len(cells) < 2:
            return None
    return None


def _option_positions(text: str, options: list[dict]):
    for opt in options:
        m = re.search(opt["motif"], text, re.IGNORECASE)
        if m:
            yield m.start(), opt["valeur"]


def _first_option(text: str, options: list[dict], strict: bool = False) -> str | None:
    found = sorted(_option_positions(text, options))
    if not found:
        return None
    if strict:
        return found[0][1]
    return found[0][1]


def _pick(ticks: list[Tick], options: list[dict], prefer=(None,)) -> str | None:
    values = _pick_all(ticks, options, prefer)
    return values[0] if values else None


def _pick_all(ticks: list[Tick], options: list[dict], prefer=(None,)) -> list[str]:
    preferred = [t for t in ticks if t.section in prefer]
    pool = preferred or ticks
    out: list[str] = []
    for t in pool:
        found = sorted(_option_positions(t.text, options))
        if found and found[0][0] <= 12 and found[0][1] not in out:
            out.append(found[0][1])
    return out


# ---------------------------------------------------------------------- people

_ROLE_CHILD = re.compile(r"^enfants?\b|^fils\b|^fille\b", re.IGNORECASE)
_ROLE_ADULT = re.compile(r"^(?:demandeur|demandeuse|conjoint|concubin|[ée]poux|[ée]pouse|co-?demandeur|"
                         r"monsieur|madame|mademoiselle|m\.|mme|mr)", re.IGNORECASE)


def _household_tables(tables: list[list[list[str]]]) -> tuple[list[Personne], list[Personne]]:
    adults: list[Personne] = []
    children: list[Personne] = []
    for table in tables:
        if not table:
            continue
        header = [french.fold(c) for c in table[0]]
        if any(":" in h or len(h) > 40 for h in header):
            continue
        col = {}
        for j, h in enumerate(header):
            if re.search(r"pr[ée]nom", h):
                col.setdefault("prenom", j)
            elif re.search(r"naissance|ne\(e\)|nee? le|^nee?$", h):
                col.setdefault("date", j)
            elif re.search(r"civilit|sexe", h):
                col.setdefault("civ", j)
            elif re.search(r"\bnom\b|enfant", h):
                col.setdefault("nom", j)
            elif re.search(r"qualit|lien|role|statut|membre", h):
                col.setdefault("role", j)
        if "nom" not in col or "prenom" not in col:
            continue
        all_children = bool(re.search(r"enfant", header[col["nom"]]))
        for row in table[1:]:
            if len(row) < len(header):
                row = row + [""] * (len(header) - len(row))
            role = row[col["role"]] if "role" in col else (row[0] if col["nom"] != 0 else "")
            civ_raw = row[col["civ"]] if "civ" in col else (role if _ROLE_ADULT.match(role or "") else "")
            if "civ" in col and not (civ_raw or "").strip() and _ROLE_ADULT.match(role or ""):
                civ_raw = role
            nom_raw, prenom = row[col["nom"]].strip(), row[col["prenom"]].strip()
            if not nom_raw and not prenom:
                continue
            nom = french.strip_marital(nom_raw)
            birth = french.parse_date(row[col["date"]]) if "date" in col else None
            is_child = all_children or bool(_ROLE_CHILD.match(role or ""))
            civ = french.normalize_civilite(_civ_word(civ_raw))
            if civ is None and re.search(r"conjointe|[ée]pouse|concubine|demandeuse", role or "", re.IGNORECASE):
                civ = "Mme"
            person = Personne(nom=nom, prenom=prenom or None, civilite=None if is_child else civ,
                              date_naissance=birth)
            (children if is_child else adults).append(person)
        if adults or children:
            break
    return adults, children


def _civ_word(raw: str) -> str:
    raw = (raw or "").strip()
    if re.fullmatch(r"F|femme", raw, re.IGNORECASE):
        return "Mme"
    if re.fullmatch(r"H|homme", raw, re.IGNORECASE):
        return "M."
    m = re.match(rf"^({french.CIVILITE_RE})", raw)
    if m:
        return m.group(1)
    # "Demandeur (Madame)", "Conjoint - M."
    m = re.search(rf"(?<![\w.])(Monsieur|Madame|Mademoiselle|Mme|Mlle|Mr|M\.)(?![\w])", raw, re.IGNORECASE)
    if m:
        return m.group(1)
    if re.search(r"\b(?:demandeuse|conjointe|[ée]pouse|concubine|compagne)\b", raw, re.IGNORECASE):
        return "Mme"
    if re.search(r"\b(?:[ée]poux|concubin|compagnon)\b", raw, re.IGNORECASE):
        return "M."
    return raw


def _household_pairs(pairs: list[Pair]) -> tuple[list[Personne], list[Personne]]:
    adults: list[Personne] = []
    children: list[Personne] = []
    current: dict = {}
    people: list[dict] = []

    def flush():
        if current.get("nom") or current.get("nom_prenom"):
            people.append(dict(current))
        current.clear()

    for p in pairs:
        if p.section == "prescripteur":
            continue
        value = p.value.strip()
        if p.key in ("conjoint", "demandeur"):
            if value and re.search(r"[A-Za-zÀ-ÿ]{2}", value) and not re.fullmatch(r"n[ée]ant|sans|/|-|aucun", value, re.IGNORECASE):
                flush()
                current.update({"nom_prenom": value, "role": p.key, "section": p.section})
            continue
        if p.key == "enfant":
            if not re.search(r"[A-Za-zÀ-ÿ]{2}", value) or re.fullmatch(r"n[ée]ant|sans|aucun", value, re.IGNORECASE):
                continue
            child = _person_from_line(value)
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
            current["date"] = french.parse_date(value)
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
        else:
            nom = french.strip_marital(d["nom"])
            person = Personne(nom=nom, prenom=d.get("prenom"))
        person.civilite = d.get("civ") or person.civilite or d.get("civ_guess")
        person.date_naissance = d.get("date") or person.date_naissance
        if d.get("section") == "enfants":
            person.civilite = None
            children.append(person)
        else:
            adults.append(person)
    return adults, children


def _person_from_line(value: str) -> Personne | None:
    """'EL AMRANI Sami - 03/04/2011', 'Mme Sophie DURAND, née le 12/03/1985'."""
    date_m = re.search(french.DATE_RE, value, re.IGNORECASE)
    birth = french.parse_date(date_m.group(0)) if date_m else None
    name = value[: date_m.start()] if date_m else value
    name = re.split(r",|\s+-\s+|\s+n[ée]e?(?:\(e\))?\s+le\b|\(", name)[0].strip(" -,")
    civ = re.match(rf"^({french.CIVILITE_RE})\s+", name)
    if civ:
        name = name[civ.end():]
    nom, prenom = french.split_name(name, order="nom_prenom")
    if not nom:
        return None
    return Personne(nom=nom, prenom=prenom, civilite=french.normalize_civilite(civ.group(1)) if civ else None,
                    date_naissance=birth)


def _children_from_lines(lines, sections, pairs) -> list[Personne]:
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"^\s*enfant\s*(?:\d+)?\s+(?!:|\|)(.+)$", line, re.IGNORECASE)
        if m and re.search(french.DATE_RE, line, re.IGNORECASE):
            child = _person_from_line(m.group(1))
            if child:
                child.civilite = None
                out.append(child)
    return out


def _is_prescripteur(p: Personne, prescripteur: str | None) -> bool:
    return bool(prescripteur) and french.fold(p.nom) in french.fold(prescripteur)


# ---------------------------------------------------------------------- prescripteur

_JOB = re.compile(r"assistant|conseill|travailleu|[ée]ducat|CESF|r[ée]f[ée]rent|charg[ée]|responsable|"
                  r"coordinat|intervenant|agent|animat|directeu|infirmi|m[ée]diat|secr[ée]tai", re.IGNORECASE)


def _prescripteur(pairs: list[Pair], lines, sections, ex) -> None:
    name = org = None
    nom = prenom = None
    for p in pairs:
        if p.key == "prescripteur" and p.value:
            name, org = _split_person_org(p.value)
            if name:
                break
        if p.section == "prescripteur":
            if p.key in ("nom",) and not nom:
                nom = p.value
            elif p.key == "prenom" and not prenom:
                prenom = p.value
            elif p.key == "nom_prenom" and not name:
                n, pr = french.split_name(p.value, order="nom_prenom")
                name = f"{pr} {n}" if pr else n
    if not name and nom:
        n, pr = french.split_name(f"{nom} {prenom or ''}".strip(), order="nom_prenom") if not prenom else (nom, prenom)
        name = f"{pr} {n}".strip() if pr else n
    for p in pairs:
        if p.key == "organisme" and p.value and (p.section == "prescripteur" or "prescri" in french.fold(p.label)):
            org = org or _texte(p.value)
    if not org:
        for p in pairs:
            if p.key == "organisme" and p.value:
                org = _texte(p.value)
                break
    ex.prescripteur = name
    ex.organisme_prescripteur = org


def _split_person_org(value: str) -> tuple[str | None, str | None]:
    """'Mme Nadia HAMIDI, assistante sociale - MDS de X - 03 25…' → ('Nadia HAMIDI', 'MDS de X')."""
    parts = [s.strip() for s in re.split(r"\s*,\s*|\s+[-–]\s+", value) if s.strip()]
    if not parts:
        return None, None
    raw = re.sub(rf"^(?:{french.CIVILITE_RE})\s+", "", parts[0])
    nom, prenom = french.split_name(raw)
    name = f"{prenom} {nom}" if prenom else nom
    org = None
    for part in parts[1:]:
        if _JOB.match(part) or re.search(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|@|^t[ée]l", part, re.IGNORECASE):
            continue
        org = part
        break
    return name, org


def _texte(s: str) -> str | None:
    s = re.sub(r"\s+", " ", s).strip(" ,;.-")
    return s or None


# ---------------------------------------------------------------------- address, money

def _address(pairs: list[Pair], data: dict, ex) -> None:
    conf = data.get("adresse", {})
    parts = []
    for p in pairs:
        if p.section == "prescripteur" or not p.value:
            continue
        if p.key in ("adresse", "voie", "code_postal_commune", "code_postal", "commune"):
            parts.append((p.key, p.value))
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


def _loyer(value: str) -> float | None:
    amounts = [french.parse_number(m.group(0)) for m in re.finditer(french.MONTANT_RE, value, re.IGNORECASE)]
    amounts = [a for a in amounts if a is not None]
    if not amounts:
        return None
    if len(amounts) >= 2 and re.search(rf"{french.MONTANT_RE}\s*(?:\+|plus|outre)\s*{french.MONTANT_RE}\s*(?:€|euros?)?\s*(?:de\s+)?(?:charges|provision)",
                                       value, re.IGNORECASE):
        return round(amounts[0] + amounts[1], 2)
    return amounts[0]


def _ressources(lines, sections, pairs, options: list[dict], tables) -> list[Ressource]:
    out: list[Ressource] = []
    rows: list[list[str]] = []
    for i, line in enumerate(lines):
        if sections[i] != "ressources" or _heading(line) == "ressources":
            continue
        if " | " in line:
            rows.append([c.strip() for c in line.split(" | ")])
        else:
            # "Salaire - Mme (temps partiel) 650,00 €" or "Salaire : 980,00"
            m = re.match(rf"^(.*?)\s*[:]?\s*((?:{french.MONTANT_RE})|en\s+attente)\s*$", line.strip(), re.IGNORECASE)
            if m and m.group(1):
                rows.append([m.group(1), m.group(2)])
    if not rows:  # fillable forms without headings: known resource labels with an amount
        for p in pairs:
            if p.section in (None, "ressources") and p.key is None and p.value and _amount_or_wait(p.value):
                if _first_option(p.label, options):
                    rows.append([p.label, p.value])
    for row in rows:
        label = row[0]
        if not label or re.match(r"^(?:total|sous-total|type|nature|montant|ressources?)\b", label, re.IGNORECASE):
            continue
        kind = _resource_type(label, options)
        if kind is None:
            continue
        values = [c for c in row[1:] if c]
        amounts = []
        for c in values:
            if re.search(r"en\s+attente|en\s+cours|[àa]\s+venir|demand[ée]e?", c, re.IGNORECASE):
                amounts.append(None)
            else:
                v = french.parse_montant(c)
                if v is not None:
                    amounts.append(v)
        if not amounts:
            continue
        for a in amounts:
            out.append(Ressource(kind, a))
    return out


def _amount_or_wait(value: str) -> bool:
    return bool(re.search(r"en\s+attente", value, re.IGNORECASE)) or french.parse_montant(value) is not None


def _resource_type(label: str, options: list[dict]) -> str | None:
    for opt in options:
        if re.search(opt["motif"], label, re.IGNORECASE):
            return opt["type"]
    return None
