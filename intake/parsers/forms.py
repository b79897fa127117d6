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

import logging
import re
from dataclasses import dataclass

from asll.domain.landlords import occupation_for
from asll.domain.model import OBJECTIFS, Extraction, Personne, Ressource

from .. import french, pattern_store
from ..readers import Document
from .addresses import parse_address
from .landlords import clean_bailleur, is_placeholder, statut_from_bailleur
from .persons import parse_persons

log = logging.getLogger("asll.intake")

MARK_ON = "☒☑■✓✔✗✘"
# a resource applied for and not yet paid: listed, its amount unknown
_PENDING = (
    r"en\s+attente|(?:demande\s+)?en\s+cours(?:\s+d.(?:ouverture|instruction))?|[àa]\s+venir"
    r"|non\s+(?:encore\s+)?(?:vers[ée]e?|per[çc]ue?|ouverte?)"
)
_MARK_TOKEN = pattern_store.compile(
    rf"(?:(?<=\s)|(?<=^)|(?<=\|))\s*(?:[{MARK_ON}]|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|[xX](?=\s+[A-ZÀ-Ýa-zà-ÿ]{{2}}))\s*",
    re.MULTILINE,
)
_ANY_MARK = pattern_store.compile(rf"[{MARK_ON}☐□]|\[\s*[xX✓ ]?\s*\]|(?<![\w'])[xX](?![\w'])")
_CELL_MARK = pattern_store.compile(
    rf"^\s*(?:[{MARK_ON}]|[xX]|\[\s*[xX]\s*\]|oui)\s*$", re.IGNORECASE
)

SECTIONS = {
    "prescripteur": r"prescripteur|cadre\s+r[ée]serv[ée]\s+(?:au|[àa]\s+l.)\s*(?:travailleu|prescri|service|instructeur|r[ée]f[ée]rent)\w*|r[ée]f[ée]rent|travailleur\s+social|service\s+demandeur|organisme\s+demandeur|demandeur\s+de\s+la\s+mesure|"
    r"instruction\s+sociale|service\s+instructeur",
    "mesure": r"type\s+de\s+(?:la\s+)?(?:mesure|demande)|nature\s+de\s+la\s+(?:mesure|demande)|mesure\s+(?:sollicit|demand|pr[ée]conis)|orientation\s*:",
    "menage": r"m[ée]nage|la\s+personne|identit[ée]|demandeur|composition|[ée]tat\s+civil|situation\s+familiale|"
    r"(?:personnes?|membres?)\s+(?:composant|constituant|vivant|du\s+foyer|du\s+m[ée]nage)|foyer|famille",
    "conjoint": r"(?:votre\s+)?(?:conjoint|concubin|co-?demandeur|co-?titulaire)",
    "enfants": r"enfants?",
    "logement": r"logement|statut\s+d.occupation|habitat|volet\s+(?:maintien|acc[èe]s)|maintien\s+dans\s+les\s+lieux",
    "ressources": r"ressources|revenus|budget\s+du\s+m[ée]nage",
    "objectifs": r"objectifs?|points\s+[àa]\s+(?:[ée]valuer|travailler)|axes\s+de\s+travail",
    # fixed charges, other debts and the procedure close the resources: their amounts are not income
    "charges": r"charges\s+(?:fixes|mensuelles|du\s+m[ée]nage)|d[ée]penses|endettement|dettes|"
    r"[ée]tat\s+de\s+la\s+proc[ée]dure|proc[ée]dure",
    "autre": r"motif|observations?|signature|accord|commentaires?",
}
# "2. Le logement", "LE PRESCRIPTEUR", "III - Ressources"
_SECTION_RX = {
    k: pattern_store.compile(
        rf"^\s*(?:(?:\d+|[IVX]+)\s*[.)/-]\s*)?(?:(?:les?|la|l['’])\s*)?(?:{v})\b", re.IGNORECASE
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


def parse_form(doc: Document, data: dict) -> tuple[Extraction, set[str]]:
    """The household a form describes, and the keys the reader is unsure of. Each stage runs
    guarded: a bug on an unforeseen layout leaves that stage's fields empty and flagged for a
    person, never the whole document set aside."""
    ex = Extraction(type_document="fiche_prescription")
    uncertain: set[str] = set()
    conf = data.get("formulaire", {})
    libelles = {
        k: pattern_store.compile(rf"(?:{v})", re.IGNORECASE)
        for k, v in conf.get("libelles", {}).items()
    }
    cut_unsure: set[str] = set()
    lines = _values_above_labels(doc.text.split("\n"), libelles, cut_unsure)
    uncertain.update(_KEY_FIELDS[k] for k in cut_unsure if k in _KEY_FIELDS)
    sections = _sections(lines)
    pairs = _guarded("paires", lambda: _pairs(lines, sections, libelles), uncertain, (), [])
    ticks = _guarded("cases", lambda: _ticks(lines, sections, doc), uncertain, (), [])
    f = _Form(doc, conf, data, lines, sections, pairs, ticks, libelles)
    for stage, name, keys in _STAGES:
        _guarded(name, lambda stage=stage: stage(f, ex, uncertain), uncertain, keys, None)
    return ex, uncertain


def _guarded(name: str, fn, uncertain: set[str], keys, default):
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - any bug here must not cost the document
        # the message names the stage and the error kind only: no personal data in logs
        log.warning(
            "formulaire : étape « %s » en échec (%s) ; champs laissés vides et signalés",
            name,
            type(exc).__name__,
        )
        uncertain.update(keys)
        return default


@dataclass
class _Form:
    doc: Document
    conf: dict
    data: dict
    lines: list[str]
    sections: list[str | None]
    pairs: list["Pair"]
    ticks: list["Tick"]
    libelles: dict


def _stage_mesure(f: _Form, ex, uncertain: set[str]) -> None:
    conf, lines = f.conf, f.lines
    ex.type_mesure = _pick(f.ticks, conf.get("type_mesure", []), prefer=("mesure", None))
    if ex.type_mesure is None:
        # "Mesure : ASLL Maintien": the value of a field, not the options its label lists
        for p in f.pairs:
            if p.key == "type_mesure" and p.value and not _ANY_MARK.search(p.value):
                ex.type_mesure = _first_option(p.value, conf.get("type_mesure", []))
                if ex.type_mesure:
                    break
    if ex.type_mesure is None:
        head = "\n".join(lines[:12])
        for opt in conf.get("type_mesure", []):
            if re.search(
                rf"(?:demande|mesure|fiche)[^\n]{{0,40}}(?:{opt['motif']})", head, re.IGNORECASE
            ):
                ex.type_mesure = opt["valeur"]
                uncertain.add("type_mesure")
                break
    if ex.type_mesure and _every_box_ticked(lines, conf.get("type_mesure", [])):
        uncertain.add("type_mesure")
    objectifs = _pick_all(f.ticks, conf.get("objectifs", []), prefer=("objectifs",))
    ex.objectifs = [o for o in OBJECTIFS if o in objectifs]


def _stage_statut(f: _Form, ex, uncertain: set[str]) -> None:
    options = f.conf.get("statut_occupation", [])
    statut = _pick(f.ticks, options, prefer=("logement", None))
    if statut is None:
        for p in f.pairs:
            if p.key in ("statut", "situation_logement") and not _ANY_MARK.search(p.value):
                statut = _first_option(p.value, options)
                if statut:
                    break
    if statut is None:
        # a status stated in the dwelling's section ("Locataire du parc privé – bailleur : …"),
        # not the landlord's label ("Propriétaire : M. LEROY")
        landlord_lines = {p.line for p in f.pairs if p.key == "bailleur"}
        logement = "\n".join(
            l
            for i, l in enumerate(f.lines)
            if f.sections[i] == "logement" and i not in landlord_lines and not _ANY_MARK.search(l)
        )
        statut = _first_option(logement, options, strict=True)
    if statut is None:
        # a status word in the household's section only: a guess
        # (a line of boxes none of which is ticked says nothing)
        menage = "\n".join(
            l
            for i, l in enumerate(f.lines)
            if f.sections[i] == "menage" and not _ANY_MARK.search(l)
        )
        statut = _first_option(menage, options, strict=True)
        if statut:
            uncertain.add("statut_occupation")
    if statut and _every_box_ticked(f.lines, options):
        uncertain.add("statut_occupation")
    ex.statut_occupation = statut


def _stage_prescripteur(f: _Form, ex, uncertain: set[str]) -> None:
    _prescripteur(f.pairs, f.lines, f.sections, ex, uncertain)


def _stage_menage(f: _Form, ex, uncertain: set[str]) -> None:
    _household(f, ex, uncertain)


def _stage_logement(f: _Form, ex, uncertain: set[str]) -> None:
    _address(f.pairs, f.data, ex)
    if ex.adresse and _ADDRESS_DEBRIS.search(ex.adresse):
        # a dash or a table rule a scan leaves after the street: dropped, and checked
        ex.adresse = _ADDRESS_DEBRIS.sub("", ex.adresse).strip() or None
        uncertain.add("adresse")

    for p in f.pairs:
        if p.key == "bailleur" and p.section != "prescripteur":
            value = clean_bailleur(re.split(r"\s*\(", p.value)[0])
            if (
                value
                and not is_placeholder(value)
                and not re.fullmatch(r"n[ée]ant|sans|aucun|/|-", value, re.IGNORECASE)
            ):
                ex.bailleur = value
                break


_ADDRESS_DEBRIS = pattern_store.compile(r"\s*[—–|¦_]+\s*$")


def _stage_phrases(f: _Form, ex, uncertain: set[str]) -> None:
    """A form written in sentences ("Je soussignée …, assistante sociale (MDS de X), propose
    … pour Madame …, demeurant 12 rue …, 24000 X, locataire de Y. Le ménage perçoit : …"):
    the cue words of `[formulaire.phrases]` introduce the values the fields did not give."""
    cues = f.conf.get("phrases", {})
    text = "\n".join(f.lines)
    if not ex.prescripteur and cues.get("soussigne"):
        m = re.search(rf"{cues['soussigne']}\s*(?P<v>[^\n]+)", text, re.IGNORECASE)
        if m:
            # "Claire MARTIN, assistante sociale (MDS de Périgueux)" / "…, CESF au CCAS de X"
            v = re.split(
                r"\s*[,;]?\s+(?:propose|sollicite|demande|atteste|certifie)\b", m.group("v")
            )[0]
            name, org = _split_person_org(re.sub(r"[()]", ",", v))
            if org:
                org = re.sub(r"^(?:au|[àa]\s+la|[àa]\s+l['’]|du|de\s+la|de\s+l['’])\s*", "", org)
            # "…, éducateur spécialisé au CCAS de Lens": the service after the job's preposition
            at = re.search(
                r"\b(?:au|aux|[àa]\s+la|[àa]\s+l['’]|aupr[èe]s\s+d[ue](?:\s+la)?)\s*"
                r"(?P<o>[A-ZÀ-Ý][^,;()\n]{2,60})",
                v,
            )
            if (not org or _JOB.match(org)) and at:
                org = at.group("o")
            if name and _plausible_name(name) and len(name.split()) >= 2:
                ex.prescripteur = name
                uncertain.discard("prescripteur")
                if not ex.organisme_prescripteur and org and not _JOB.match(org):
                    ex.organisme_prescripteur = _org_name(org)
                    uncertain.discard("organisme_prescripteur")
    if not ex.adresse and cues.get("demeurant"):
        for line in f.lines:
            m = re.search(cues["demeurant"], line, re.IGNORECASE)
            if not m or not re.search(r"\b\d{5}\b", line[m.end() :]):
                continue
            rest = line[m.end() :]
            # the address ends after its town: "24000 Périgueux, locataire de …"
            town = re.search(r"\b\d{5}\s+[^,.;]+", rest)
            addr = parse_address(
                rest[: town.end()].replace(", " + town.group(0), "\n" + town.group(0)),
                f.data.get("adresse", {}).get("types_voie", "rue"),
                f.data.get("adresse", {}).get("complement", "b[âa]t"),
            )
            if addr:
                ex.adresse, ex.complement_adresse = addr.adresse, addr.complement
                ex.code_postal, ex.commune = addr.code_postal, addr.commune
                for k in ("adresse", "code_postal", "commune"):
                    uncertain.discard(k)
                if not ex.statut_occupation:
                    ex.statut_occupation = _first_option(
                        rest[town.end() :], f.conf.get("statut_occupation", []), strict=True
                    )
            break
    if not ex.bailleur and cues.get("locataire_de"):
        m = re.search(rf"{cues['locataire_de']}(?P<v>[^\n.;(]+)", text, re.IGNORECASE)
        if m:
            # "locataire de l'OPAC de la Savoie depuis 2019": the name ends where the sentence
            # goes on about time
            raw = re.split(r"\s+(?:depuis|jusqu|pour\s+un|au\s+titre|en\s+\d|\d)", m.group("v"))[0]
            value = clean_bailleur(raw)
            if value and not is_placeholder(value):
                ex.bailleur = value
    if not ex.ressources and cues.get("percoit"):
        options = f.conf.get("ressources", [])
        for i, line in enumerate(f.lines):
            m = re.match(rf"^\s*{cues['percoit']}\s*:?\s*(?P<v>.+)$", line, re.IGNORECASE)
            if not m:
                continue
            value = m.group("v")
            # the sentence goes on over the next lines until its full stop ("… pour 1" /
            # "628,08 euros par mois.")
            for nxt in f.lines[i + 1 : i + 4]:
                if value.rstrip().endswith(".") or not nxt.strip() or ":" in nxt:
                    break
                value = f"{value.rstrip()} {nxt.strip()}"
            for item in re.split(r"\s*[;,]\s+(?=[A-Za-zÀ-ÿ])|\s+et\s+(?=l[ea']|\w+\s+pour)", value):
                item = re.sub(r"\s*(?:par\s+mois|/\s*mois|mensuels?)?\s*\.?\s*$", "", item)
                kind = _resource_type(item, options)
                if kind is None:
                    continue
                if re.search(rf"{_PENDING}|en\s+cours|demand[ée]e?", item, re.IGNORECASE):
                    ex.ressources.append(Ressource(kind, None))
                    continue
                amount = french.parse_montant(item)
                if amount is not None:
                    ex.ressources.append(Ressource(kind, amount))


def _stage_argent(f: _Form, ex, uncertain: set[str]) -> None:
    lines, sections = f.lines, f.sections
    ex.ressources = _ressources(
        lines, sections, f.pairs, f.conf.get("ressources", []), f.doc.tables
    )
    pairs = f.pairs + _money_rows(f.doc.tables, f.pairs, f.libelles)
    debt_lines = {p.line for p in f.pairs if p.key == "dette"}
    loyer_label = None
    for p in pairs:
        if (
            p.key == "date_document"
            and p.line in debt_lines
            and re.fullmatch(r"\s*date\s*", p.label, re.IGNORECASE)
        ):
            # "Montant de la dette : 960,00 €   Date : 15/09/2025": the debt's date
            if ex.date_dette is None:
                ex.date_dette = french.parse_date(p.value)
            continue
        if p.key == "loyer" and ex.loyer_mensuel is None:
            ex.loyer_mensuel = _loyer(p.value)
            loyer_label = p.label
        elif p.key == "dette" and ex.montant_dette is None:
            ex.montant_dette = french.parse_montant(p.value)
            m = re.search(
                rf"(?:au|du|arr[êe]t[ée]e?\s+au)\s+({french.DATE_RE})",
                f"{p.label} {p.value}",
                re.IGNORECASE,
            )
            if m:
                ex.date_dette = french.parse_date(m.group(1))
        elif p.key == "date_dette" and ex.date_dette is None:
            ex.date_dette = french.parse_date(p.value)
        elif p.key == "date_document" and ex.date_document is None:
            ex.date_document = french.parse_date(p.value)
    # rent and charges given on separate rows / fields: the contract wants their sum
    if ex.loyer_mensuel is not None and not re.search(
        r"charges\s+comprises|\bCC\b|\bTCC\b|total|\+", loyer_label or "", re.IGNORECASE
    ):
        charges = next(
            (
                french.parse_montant(p.value)
                for p in pairs
                if p.key == "charges"
                and p.value
                and p.section != "ressources"
                and french.parse_montant(p.value)
            ),
            None,
        )
        if charges and charges < ex.loyer_mensuel:
            ex.loyer_mensuel = round(ex.loyer_mensuel + charges, 2)
    # free-text fallbacks (same patterns as acts)
    text = f.doc.text
    if ex.loyer_mensuel is None:
        m = re.search(
            rf"loyer(?!\s+r[ée]siduel)[^:\n|]{{0,40}}[:|]?\s*({french.MONTANT_RE}(?:\s*(?:\+|plus|outre)\s*{french.MONTANT_RE}\s*(?:de\s+)?(?:charges|provision)?)?)",
            text,
            re.IGNORECASE,
        )
        if m:
            ex.loyer_mensuel = _loyer(m.group(1))
            uncertain.add("loyer_mensuel")  # found in running text, not in its field
    if ex.montant_dette is None:
        m = re.search(
            rf"(?:dette|arri[ée]r[ée]|impay[ée]s)\s*(?:locati\w+)?\s*(?:de|:|\|)?\s*({french.MONTANT_RE})"
            rf"(?:[^.\n]{{0,30}}?(?:au|arr[êe]t[ée]e?\s+au)\s+({french.DATE_RE}))?",
            text,
            re.IGNORECASE,
        )
        if m:
            ex.montant_dette = french.parse_montant(m.group(1))
            if m.group(2) and ex.date_dette is None:
                ex.date_dette = french.parse_date(m.group(2))
    if ex.date_document is None:
        m = re.search(
            rf"(?:fait\s+[àa]\s+[^\n,:]{{2,40}}?\s*,?\s+le|^\s*date|^\s*le)\s*:?\s*({french.DATE_RE})",
            text,
            re.IGNORECASE | re.MULTILINE,
        )
        if m:
            ex.date_document = french.parse_date(m.group(1))


_MONEY_KEYS = ("loyer", "charges", "dette", "date_dette")


def _money_rows(tables, pairs: list[Pair], libelles) -> list[Pair]:
    """'Loyer (hors charges) | 559,27', 'Charges locatives | 50,41': rows of a charges table
    whose text lost its columns (a PDF), read as fields when the text gave none of them."""
    have = {p.key for p in pairs}
    out: list[Pair] = []
    for table in tables or []:
        for row in table:
            cells = [(c or "").strip() for c in row]
            cells = [c for c in cells if c]
            if len(cells) != 2:
                continue
            key = _label_key(cells[0], libelles)
            if key in _MONEY_KEYS and key not in have and not any(p.key == key for p in out):
                out.append(Pair(cells[0], key, cells[1], "charges", -1))
    return out


_COURT = pattern_store.compile(
    r"tribunal\s+(?:judiciaire|de\s+proximit[ée])\s+(?:de\s+|d['’]\s*|du\s+)"
    r"(?:(?:la|le|les)\s+)?[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*(?:\s+(?:sur|en|l[ae]s?)[-\s][A-ZÀ-Ý][\w'’-]*)?",
    re.IGNORECASE,
)


def _stage_procedure(f: _Form, ex, uncertain: set[str]) -> None:
    """A form quoting the procedure (CCAPEX saisine, DSF request): the hearing date given in a
    field, and the court it names (a name cut by a line end is joined)."""
    for p in f.pairs:
        if p.key == "date_audience" and p.value:
            ex.date_audience = french.parse_date(p.value)
            if ex.date_audience is None:
                uncertain.add("date_audience")
            break
    courts = {
        re.sub(r"\s+", " ", m.group(0)).strip()
        for m in _COURT.finditer(" ".join(l.strip() for l in f.lines))
    }
    if courts:
        court = sorted(courts)[0]
        # the official spelling is given by the checks (asll.domain.juridictions)
        ex.juridiction = court[0].upper() + court[1:]
        if len({french.fold(c) for c in courts}) > 1:
            uncertain.add("juridiction")  # two courts named: which one hears the case?


def _stage_statut_bailleur(f: _Form, ex, uncertain: set[str]) -> None:
    if ex.statut_occupation is None and ex.bailleur:
        ex.statut_occupation = statut_from_bailleur(ex.bailleur, f.data)
        conf = f.data.get("statut_occupation", {})
        listed = occupation_for(ex.bailleur) or any(
            re.search(p, ex.bailleur, re.IGNORECASE)
            for p in conf.get("bailleurs_prives", []) + conf.get("bailleurs_sociaux", [])
        )
        if ex.statut_occupation is None or not listed:
            # a landlord the lists don't know: its kind is not said, or guessed from the
            # shape of its name ("Résidences du Pays Pourpre" may read as a person's)
            uncertain.add("statut_occupation")


_NONE_SAID = pattern_store.compile(
    r"\s*(?:\((?:en\s+)?(?:€|euros?)\))?\s*[:|]?\s*(?:[-–—/]+|n[ée]ant|aucune?|sans(?:\s+objet)?|non|0(?:[,.]0+)?\s*(?:€|euros?)?)\s*(?:$|\s{2,}|\|)",
    re.IGNORECASE | re.MULTILINE,
)


def _stage_signal(f: _Form, ex, uncertain: set[str]) -> None:
    """A field the form talks about (its cue words are there) but for which nothing was read
    is flagged: the reader missed a layout, and a person must look."""
    for name, cue in f.conf.get("indices", {}).items():
        if getattr(ex, name, None) not in (None, [], ""):
            continue
        if any(
            _announces(line, cue) for i, line in enumerate(f.lines) if f.sections[i] != "objectifs"
        ):
            uncertain.add(name)
    # a birth date asked for an adult, none read
    if any(
        p.key == "date_naissance" and p.section not in ("enfants", "prescripteur") for p in f.pairs
    ) and any(a.date_naissance is None for a in ex.personnes):
        uncertain.add("personnes")
    _check_values(f, ex, uncertain)


_NOT_A_NAME = pattern_store.compile(
    r"\d|@|\b(?:rue|avenue|service|social|sociale|CCAS|MDS|CMS|mairie|association|t[ée]l)\b",
    re.IGNORECASE,
)


def _check_values(f: _Form, ex, uncertain: set[str]) -> None:
    """Values that do not look like what the field holds are flagged, not trusted."""
    if ex.prescripteur and (
        _NOT_A_NAME.search(ex.prescripteur) or len(ex.prescripteur.split()) > 4
    ):
        uncertain.add("prescripteur")
    org = ex.organisme_prescripteur
    if org and (
        len(org) > 80
        or re.search(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|@", org)
        or ex.prescripteur
        and french.fold(org) == french.fold(ex.prescripteur)
    ):
        uncertain.add("organisme_prescripteur")
    for a in ex.personnes:
        if (
            not a.prenom
            or _NOT_A_NAME.search(f"{a.nom} {a.prenom}")
            or len(f"{a.nom} {a.prenom}".split()) > 5
            # the form's own words read as a name ("NOM Prénom", "Identité du ménage")
            or _label_key(a.nom, f.libelles)
            or _label_key(a.prenom, f.libelles)
            or _heading(f"{a.prenom} {a.nom}")
        ):
            uncertain.add("personnes")
    if ex.prescripteur and _label_key(ex.prescripteur, f.libelles):
        uncertain.add("prescripteur")
    # more amounts in the resources' section than resources read: some were missed
    amounts = sum(
        1
        for i, line in enumerate(f.lines)
        if f.sections[i] == "ressources"
        and not re.match(r"^\s*(?:total|sous-total)", line, re.IGNORECASE)
        and _heading(line) != "ressources"
        for _ in re.finditer(
            r"(?<![\d/])\d[\d  .]*,\d{2}(?![\d/])|\b\d+\s?€|en\s+attente",
            _income_part(line),
            re.IGNORECASE,
        )
    )
    if amounts > len(ex.ressources):
        uncertain.add("ressources")


def _income_part(line: str) -> str:
    """A table row of the resources up to the next label: "Salaire | 1 200 € | Énergie | 74 €"
    holds one income, the expense beside it is another pair."""
    cells = line.split(" | ")
    for j, c in enumerate(cells[1:], 1):
        if (
            french.parse_montant(c) is None
            and re.search(r"[A-Za-zÀ-ÿ]{3,}", c)
            and not re.search(rf"{_PENDING}|demand[ée]e?", c, re.IGNORECASE)
        ):
            return " | ".join(cells[:j])
    return line


_LABEL_REST = pattern_store.compile(r"[^:\n|.;]{0,40}?(?=\s*(?:[:|]|$))", re.MULTILINE)


def _label_end(text: str, pos: int) -> int | None:
    """Where the value of the label ending near `pos` starts (its colon, its cell's edge or
    the end of its line); None when the words go on as a sentence."""
    m = _LABEL_REST.match(text, pos)
    return m.end() if m else None


def _announces(line: str, cue: str) -> bool:
    """The line holds the field's label (with its colon, its cell, or alone on its line),
    not an option to tick ("Apurement d'une dette | ") or a word of a sentence;
    "Dette : néant", "Bailleur : –" say there is none."""
    cells = [c.strip() for c in line.split(" | ")]
    if _ANY_MARK.search(line) or len(cells) >= 2 and not any(cells[1:]):
        return False
    for m in re.finditer(cue, line, re.IGNORECASE):
        end = _label_end(line, m.end())
        if end is not None and not _NONE_SAID.match(line, end):
            return True
    return False


# (stage, its name in the log, the fields it fills)
_STAGES = (
    (_stage_mesure, "type de mesure", ("type_mesure",)),
    (_stage_statut, "statut d'occupation", ("statut_occupation",)),
    (_stage_prescripteur, "prescripteur", ("prescripteur", "organisme_prescripteur")),
    (_stage_menage, "ménage", ("personnes", "composition", "nb_enfants")),
    (_stage_logement, "logement", ("adresse", "code_postal", "commune", "bailleur")),
    (
        _stage_argent,
        "montants",
        ("ressources", "loyer_mensuel", "montant_dette", "date_dette", "date_document"),
    ),
    (_stage_procedure, "procédure", ("date_audience", "juridiction")),
    (
        _stage_phrases,
        "valeurs dites dans des phrases",
        ("prescripteur", "organisme_prescripteur", "adresse", "bailleur", "ressources"),
    ),
    (_stage_statut_bailleur, "statut d'après le bailleur", ("statut_occupation",)),
    (_stage_signal, "champs annoncés", ()),
)


# ---------------------------------------------------------------------- structure


def _heading(line: str) -> str | None:
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


def _sections(lines: list[str]) -> list[str | None]:
    out: list[str | None] = []
    current = None
    for line in lines:
        h = _heading(line)
        if h:
            current = h
        out.append(current)
    return out


_UNIT = pattern_store.compile(
    r"\s*(?:\((?:en\s+)?(?:€|euros?|eur)\)|en\s+(?:€|euros))\s*$", re.IGNORECASE
)
# "Date de naissance (J J M M A A A A)", "Né(e) le (jj/mm/aaaa)": how to write the value, not the label
_FORMAT_HINT = pattern_store.compile(r"\s*\(\s*(?:j\s*j|jour)[^)]{0,30}\)\s*$", re.IGNORECASE)


def _label_key(label: str, libelles: dict[str, re.Pattern]) -> str | None:
    label = re.sub(r"\s+", " ", french.normalize_text(label)).strip(" .:|-*")
    label = _UNIT.sub("", label)  # "Loyer hors charges (€)", "Dette (en euros)"
    label = _FORMAT_HINT.sub("", label).strip(" .:")
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
    # after a role, "NOM Prénom" is one field ("Conjoint - NOM Prénom"), not two columns
    if re.fullmatch(
        r"nom\s*(?:,|et|/)?\s*pr[ée]noms?(?:\s*(?:,|et|/|-|–|—)\s*(?:date\s+(?:et\s+lieu\s+)?de\s+)?naissance)?",
        rest,
        re.IGNORECASE,
    ):
        return "nom_prenom"
    return None


_CIV_TICK = pattern_store.compile(
    rf"(?:[{MARK_ON}]|\[\s*[xX✓]\s*\])\s*(Monsieur|Madame|Mademoiselle|Mme|Mlle|M\.|Homme|Femme)(?![\w])",
    re.IGNORECASE,
)


def _pairs(
    lines: list[str], sections: list[str | None], libelles: dict[str, re.Pattern]
) -> list[Pair]:
    pairs: list[Pair] = []
    for i, line in enumerate(lines):
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
        if len(cells) == 2 and ":" not in cells[0] and cells[0] and len(cells[0]) <= 60:
            key = _label_key(cells[0], libelles)
            if key or not _ANY_MARK.fullmatch(cells[1] or "x"):
                pairs.append(Pair(cells[0], key, cells[1], section, i))
                continue
        if _label_value_row(cells, libelles):
            # "Adresse | 12 rue … | Code postal / Commune | 16100 Cognac": two columns of pairs
            pairs.extend(
                Pair(cells[j], _label_key(cells[j], libelles), cells[j + 1], section, i)
                for j in range(0, len(cells) - 1, 2)
            )
            continue
        # "☐ Monsieur ☒ Madame": the ticked civility of the person being described
        civ = _CIV_TICK.search(line)
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
            if ":" not in nxt and " | " not in nxt and re.search(r"\b\d{2}\s?\d{3}\b", nxt):
                p.value = f"{p.value.strip(' .,:;')}, {nxt.strip()}"
    return pairs


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
        key = _label_key(label, libelles)
        if key in _DATED_KEYS:
            return Pair(label, key, line[d_start:].strip(), section, line_no)
    return None


def _label_value_row(cells: list[str], libelles) -> bool:
    """Label, value, label, value… with most labels known (labels never hold a colon)."""
    if len(cells) < 4 or len(cells) % 2:
        return False
    labels = cells[0::2]
    if any(not l or ":" in l or len(l) > 60 for l in labels):
        return False
    # a table's header row holds labels only; "rue" typed in a cell (a street type asked
    # apart) is a value even though it could be a label
    if any(
        _label_key(v, libelles) and not re.fullmatch(r"[a-zà-ÿ]+", v.strip())
        for v in cells[1::2]
        if v
    ):
        return False
    known = sum(1 for l in labels if _label_key(l, libelles))
    return known * 2 >= len(labels)


# the blank a value was written on: underscores, dot leaders, ellipses
_BLANK = pattern_store.compile(r"\s*(?:_{3,}|\.{4,}|…+\.*|(?:\.\s){3,}\.?)\s*")
# "MARTIN Sophie (nom et prénom)", "CCAS de Cognac – organisme": a label closing its line
_TRAILING_LABEL = pattern_store.compile(
    r"^(?P<value>.+?)\s*(?:\((?P<p>[^()]{2,60})\)|\s[–—]\s+(?P<d>[^–—]{2,60}))\s*$"
)


def _values_above_labels(
    lines: list[str], libelles: dict[str, re.Pattern], unsure: set[str] | None = None
) -> list[str]:
    """Printed forms filled in: 'MOREAU ________  Kevin ________' over 'Nom   Prénom' become
    'Nom : MOREAU' and 'Prénom : Kevin'. Only when every label is known and the counts agree.
    Label keys read from a line cut more than one way are added to `unsure`."""
    out: list[str] = []
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
                unsure.update(_label_key(label, libelles) or "" for label, _ in pairs)
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
    if ":" in m.group(0) and _label_key(head, libelles):
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
    if not below or ":" in below or _heading(below) != "ressources":
        return None
    return f"{below} : {value}", j + 1


_LABEL_ALONE = pattern_store.compile(r"^\s*(?P<label>[^:|]{2,70}?)\s*:\s*$")

# a scan's stray marks between words ("Mohamed .", "charge |")
_NOISE_TOKENS = pattern_store.compile(r"(?:(?<=\s)|^)[.,;·|—–_'’\"`]+(?=\s|$)")

_ORG_WORDS = (
    r"CCAS|CIAS|MDSI?|MDPH|CMS|EDS|UDAF|UTAS|UTS|CAF|MSA|SIAO|ADIL|CHRS|Mairie|Maison|Service|"
    r"Centre|Association|Circonscription|P[ôo]le|Espace|Mission|Direction|Conseil|D[ée]partement|"
    r"Point|Secours|Croix|Antenne|Agence|Unit[ée]|Fondation|Soliha|Habitat"
)

# What a value written for a label looks like: a value line over a line of labels (no
# blanks, no colons) is cut so that each piece fits its label; free text fits any label.
_UP = r"[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+"
_CAP = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"
_SHAPES = {
    "nom": rf"{_UP}(?:\s+{_UP})*",
    "nom_usage": rf"{_UP}(?:\s+{_UP})*",
    "nom_naissance": rf"{_UP}(?:\s+{_UP})*",
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
    # a service's name: its kind, then capitalised words and connectors ("CCAS de Mérignac")
    "organisme": rf"(?:{_ORG_WORDS})\b(?:\s+(?:de\s+la|de|du|des|d['’]|l['’]|et|-|–)?\s*[A-ZÀ-Ý0-9][\w'’.-]*)*",
    # the worker: a name, or a surname alone
    "prescripteur": rf"(?:{french.CIVILITE_RE}\s+)?(?:(?:{_UP}\s+)+{_CAP}(?:\s+{_CAP})*|{_CAP}(?:[\s-]+{_CAP})*(?:\s+{_UP})+|{_UP})",
    "nom_prescripteur": rf"(?:{french.CIVILITE_RE}\s+)?(?:(?:{_UP}\s+)+{_CAP}(?:\s+{_CAP})*|{_CAP}(?:[\s-]+{_CAP})*(?:\s+{_UP})+|{_UP}(?:\s+{_UP})*)",
}
# fields a label key feeds, for the flag when a value line could be cut more than one way
_KEY_FIELDS = {
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
        or _ANY_MARK.search(value)
        or _BLANK.search(value)
        or _label_key(value, libelles)
        or _split_labels(value, libelles)
        or _label_closing(value, libelles)
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
    if not below or ":" in below or " | " in below or _ANY_MARK.search(below):
        return None
    labels = _split_labels(below, libelles)
    if _heading(below) and not (labels and (len(labels) >= 2 or "(" in below)):
        # "Le prescripteur" under a line is a heading, not that line's label; "Demandeur
        # (NOM Prénom)  Date de naissance" is two captions
        return None
    if not labels or len(labels) > 6:
        return None
    keys = [_label_key(l, libelles) for l in labels]
    if any(k in (None, "autre") for k in keys) and len(labels) == 1:
        return None
    if stray and (len(keys) != 1 or keys[0] not in _SHAPES or not _fits(keys[0], value)):
        return None
    if _heading(value) and len(labels) == 1 and not _named_like_a_heading(keys[0], value):
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
    rf"^\s*(?:\d[\d\s.,]*\s*(?:€|euros?|EUR)|{_PENDING})\s*$", re.IGNORECASE
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
        or _ANY_MARK.search(value)
    ):
        return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    m = _CAPTION.match(lines[j]) if j < len(lines) else None
    if not m:
        return None
    label = re.sub(r"\s*:\s*", " - ", m.group("caption").strip(), count=1)
    if _label_key(label, libelles) is None and not _AMOUNT_ONLY.match(value):
        return None
    return f"{label} : {value}", j + 1


def _value_under_label(lines: list[str], i: int, libelles) -> tuple[str, int] | None:
    """'Nom :' then 'ROBIN' on the next line: a known label whose line holds no value takes the
    next non-blank line, when that line is a plain value (no label, box, heading or colon)."""
    m = _LABEL_ALONE.match(lines[i])
    key = _label_key(m.group("label"), libelles) if m else None
    if not key:
        return None
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
        or _ANY_MARK.search(value)
        or _BLANK.fullmatch(value)
        or _heading(value)
        and not _named_like_a_heading(key, value)
        or _label_key(value, libelles)
    ):
        return None
    return f"{m.group('label')} : {value}", j + 1


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
            if _label_key(" ".join(words[:j]), libelles):
                labels.append(" ".join(words[:j]))
                values.append(" ".join(words[j:]))
                break
        else:
            return None
    labels.append(pieces[-1])
    if not all(_label_key(l, libelles) for l in labels):
        return None
    return [f"{l} : {v}" for l, v in zip(labels, values)]


def _label_closing(line: str, libelles) -> list[str] | None:
    m = _TRAILING_LABEL.match(line.strip())
    if not m or " | " in line or _ANY_MARK.search(line):
        return None
    value, label = m.group("value").strip(" ,;"), (m.group("p") or m.group("d")).strip()
    if not value or _label_key(value, libelles):
        return None  # "Loyer (charges comprises)", "Demandeur – civilité": a label alone
    key = _label_key(label, libelles)
    if key is None or key == "autre":
        return None
    return [f"{label} : {value}"]


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
            if _label_key(candidate, libelles):
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
    # "Êtes-vous hébergé(e) ? ☒ oui": the question is what was ticked, its option anywhere in it
    question: bool = False


# "Êtes-vous locataire ? ☒ oui ☐ non"
_QUESTION_TICK = pattern_store.compile(rf"^(?P<q>[^?{MARK_ON}☐□]{{3,120}}\?)\s*(?P<boxes>.*)$")


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
            q = _QUESTION_TICK.match(cell)
            if q and re.match(r"^\s*\S+\s*oui\b", q.group("boxes"), re.IGNORECASE):
                on = [cell[m.end() :].strip()[:3].lower() for m in _MARK_TOKEN.finditer(cell)]
                if "oui" in on and "non" not in on:
                    ticks.append(Tick(q.group("q"), section, question=True))
                continue
            for m in _MARK_TOKEN.finditer(cell):
                rest = cell[m.end() :]
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
            yield (
                m.start(),
                opt.get("valeur") or opt.get("type"),
            )  # ressources options name a "type"


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
    """Options ticked, those in the preferred sections first; a box ticked elsewhere ("Saisine
    par : ☒ un travailleur social") does not hide the option ticked under another heading."""
    preferred = _ticked_options([t for t in ticks if t.section in prefer], options)
    return preferred or _ticked_options(ticks, options)


def _ticked_options(ticks: list[Tick], options: list[dict]) -> list[str]:
    out: list[str] = []
    for t in ticks:
        found = sorted(_option_positions(t.text, options))
        paren = re.search(r"\(([^()]{2,60})\)", t.text[:60])
        if paren and not (found and found[0][0] <= 12):
            # "logement personnel (bailleur social)": the option told in the parentheses
            inside = sorted(_option_positions(paren.group(1), options))
            found = inside if inside and inside[0][0] <= 12 else found
        if found and (found[0][0] <= 12 or t.question) and found[0][1] not in out:
            out.append(found[0][1])
    return out


def _every_box_ticked(lines: list[str], options: list[dict]) -> bool:
    """A line of options whose boxes all read as ticked (a scan's noise, a form ticked by
    mistake): what was chosen cannot be told."""
    for line in lines:
        marks = _ANY_MARK.findall(line)
        if len(marks) < 2:
            continue
        on = [m for m in _MARK_TOKEN.finditer(line)]
        if len(on) < len(marks):
            continue
        pieces = _ANY_MARK.split(line)[1:]
        if sum(1 for x in pieces if _first_option(x.strip(), options)) >= 2:
            return True
    return False


# ---------------------------------------------------------------------- people


def _household(f: _Form, ex, uncertain: set[str]) -> None:
    """Adults and children, from every layout that names them; the sources are compared."""
    on = _form_date(f.pairs)
    t_adults, t_children, t_unsure = _household_tables(f.doc.tables, on)
    g_adults = _column_grids(f.doc.tables, f.libelles)
    p_adults, p_children = _household_pairs(f.pairs)
    sources = [a for a in (t_adults, g_adults, p_adults) if a]
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
    children = (
        t_children or p_children or _children_from_lines(f.lines, f.sections, f.pairs) or l_children
    )
    if t_unsure or len(adults) > 2:
        uncertain.add("personnes")
    ex.personnes = adults[:2]
    ex.enfants = children
    n_explicit = next(
        (
            int(m.group(1))
            for p in f.pairs
            if p.key in ("nb_enfants", "enfant")
            for m in [
                re.fullmatch(r"\s*(\d{1,2})\s*(?:enfants?)?\s*", p.value)
                if p.key == "nb_enfants"
                else None
            ]
            + [_COUNT_THEN_DETAILS.match(p.value)]
            if m
        ),
        None,
    )
    if children:
        ex.nb_enfants = len(children)
        if n_explicit is not None and n_explicit != len(children):
            uncertain.add("nb_enfants")
    else:
        ex.nb_enfants = n_explicit if n_explicit is not None else 0
    if len(adults) == 1 and adults[0].civilite is None:
        # "☒ Femme seule" ticked: the form says who the one adult is
        adults[0].civilite = _civility_ticked_alone(f.ticks)
    if len(adults) >= 2:
        ex.composition = "couple"
    elif adults:
        ex.composition = {"Mme": "femme_seule", "M.": "homme_seul"}.get(adults[0].civilite)
    said = _family_situation(f)
    if said == "couple" and len(adults) < 2:
        ex.composition = "couple"
        uncertain.add("personnes")  # a couple, but the second adult was not read
    elif said == "seul" and len(adults) >= 2:
        uncertain.update(("personnes", "composition"))
    if said and _every_box_ticked(f.lines, f.conf.get("composition", [])):
        uncertain.add("composition")
    if not adults or ex.composition is None or any(a.civilite is None for a in adults[:2]):
        uncertain.update(("personnes", "composition"))  # every form names its demandeur
    if (
        not children
        and n_explicit is None
        and re.search(r"\benfant", f.doc.text, re.IGNORECASE)
        and not re.search(
            r"enfants?[^\n]{0,30}?(?:n[ée]ant|aucun|sans\b|:\s*0\b|\|\s*0\b)|sans\s+enfant|vit\s+seule?",
            f.doc.text,
            re.IGNORECASE,
        )
    ):
        uncertain.add("nb_enfants")  # children mentioned, none read: 0 is a guess


# "Enfants : 2 (Lina 4 ans, Noé 1 an)", "3 – âgés de 2, 5 et 9 ans": the count, then details
_COUNT_THEN_DETAILS = pattern_store.compile(r"^\s*(\d{1,2})\s*(?:enfants?\s*)?(?:\(|[–—-]\s|:)")


def _civility_ticked_alone(ticks: list["Tick"]) -> str | None:
    said = {
        "Mme" if re.search(r"\b(?:femme|m[èe]re)\s+seule?\b", t.text, re.IGNORECASE) else "M."
        for t in ticks
        if re.search(r"\b(?:femme|homme|m[èe]re|p[èe]re)\s+seule?\b", t.text, re.IGNORECASE)
    }
    return said.pop() if len(said) == 1 else None


def _family_situation(f: _Form) -> str | None:
    """'couple' or 'seul' when the form ticks or writes the family situation."""
    options = f.conf.get("composition", [])
    household_ticks = [t for t in f.ticks if t.section in ("menage", "conjoint")]
    said = _pick(household_ticks, options) if household_ticks else None
    if said:
        return said
    for p in f.pairs:
        if (
            re.match(r"situation\s+(?:familiale|de\s+famille)", french.fold(p.label))
            and p.value
            and not _ANY_MARK.search(p.value)  # boxes none of which is ticked say nothing
        ):
            return _first_option(p.value, options)
    return None


def _same_person(a: Personne, b: Personne) -> bool:
    if french.fold(a.nom or "") != french.fold(b.nom or ""):
        return False
    return not a.prenom or not b.prenom or french.fold(a.prenom) == french.fold(b.prenom)


def _enrich(adults: list[Personne], other: list[Personne]) -> bool:
    """Fill what `adults` lack from another reading of the form; True when they disagree."""
    disagree = len(other) != len(adults)
    for a in adults:
        match = next((o for o in other if _same_person(a, o)), None)
        if match is None:
            disagree = True
            continue
        for attr in ("civilite", "prenom", "date_naissance"):
            mine, theirs = getattr(a, attr), getattr(match, attr)
            if mine is None:
                setattr(a, attr, theirs)
            elif theirs is not None and theirs != mine:
                disagree = True
    return disagree


_ROLE_CHILD = pattern_store.compile(r"^enfants?\b|^fils\b|^fille\b", re.IGNORECASE)
_ROLE_ADULT = pattern_store.compile(
    r"^(?:demandeur|demandeuse|conjoint|concubin|[ée]poux|[ée]pouse|co-?demandeur|co-?titulaire|"
    r"locataire(?:\s+en\s+titre)?\b|titulaire\s+du\s+bail|"
    r"allocataire|pacs[ée]|compagn|monsieur|madame|mademoiselle|m\.|mme|mr)",
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
        header = [french.fold(c or "") for c in table[0]]
        if any(":" in h or len(h) > 40 for h in header):
            continue
        col = {}
        for j, h in enumerate(header):
            if re.search(
                r"nom\s*(?:et|/|,|-)?\s*prenoms?|prenoms?\s*(?:et|/)?\s*nom|identite|membres?\b", h
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
            elif re.search(r"qualit|lien|role|statut|membre", h):
                col.setdefault("role", j)
        if "nom" not in col and "nom_naissance" in col:
            col["nom"] = col["nom_naissance"]
        col.pop("nom_naissance", None)
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
            civ = french.normalize_civilite(_civ_word(civ_raw)) or person.civilite
            if civ is None and re.search(
                r"conjointe|[ée]pouse|concubine|demandeuse|compagne", role, re.IGNORECASE
            ):
                civ = "Mme"
            elif civ is None and re.match(
                # words only a man is called by ("Conjoint", "Demandeur" may be generic)
                r"\s*(?:[ée]poux|mari|concubin|compagnon|p[èe]re)\b(?!e)",
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
            and (_label_key(c or "", libelles) in ("demandeur", "conjoint") or j in civ_head)
        ]
        slots: dict[int, dict] = {}
        if roles and not _label_key(header[0] or "", libelles):
            for row in table[1:]:
                key = _label_key(row[0] or "", libelles) if row else None
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
                if not _label_value_row([(c or "").strip() for c in row], libelles):
                    continue
                for j in range(0, len(row) - 1, 2):
                    key = _label_key(row[j] or "", libelles)
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
        if not line or _ANY_MARK.search(line):
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
            if _ANY_MARK.search(value) and not re.search(r"[A-ZÀ-Ý]{2,}", _ANY_MARK.sub("", value)):
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
                flush()
                current.update({"nom_prenom": value, "role": p.key, "section": p.section})
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


def _children_from_lines(lines, sections, pairs) -> list[Personne]:
    out = []
    for line in lines:
        m = re.match(r"^\s*enfant\s*(?:\d+)?\s+(?!:|\|)(.+)$", line, re.IGNORECASE)
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
        if not m or not _label_key(m.group("label"), libelles) == "membres_foyer":
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
            if ":" in nxt or " | " in nxt or _heading(nxt) or _ANY_MARK.search(nxt):
                break
            if not re.search(french.DATE_RE, nxt, re.IGNORECASE):
                break
            person = _person_from_line(nxt)
            if person is None or person.date_naissance is None:
                break
            if _age(person.date_naissance, on) < 18:
                person.civilite = None
                children.append(person)
            else:
                adults.append(person)
    return adults, children


def _is_prescripteur(p: Personne, prescripteur: str | None) -> bool:
    return bool(prescripteur) and french.fold(p.nom) in french.fold(prescripteur)


# ---------------------------------------------------------------------- prescripteur

_JOB = pattern_store.compile(
    r"assistant|conseill|travailleu|[ée]ducat|CESF|r[ée]f[ée]rent|charg[ée]|responsable|"
    r"coordinat|intervenant|agent|animat|directeu|infirmi|m[ée]diat|secr[ée]tai",
    re.IGNORECASE,
)


_SIGNATURE = pattern_store.compile(
    r"(?:^|[,;]\s*)(?:(?:l[ea]|l['’])\s*)?(?:travailleu|assistant|conseill|CESF|r[ée]f[ée]rent|[ée]ducat|intervenant|"
    r"charg[ée])[^:\n|]{0,70}:\s*(?P<v>[^\n|]+)$",
    re.IGNORECASE | re.MULTILINE,
)


def _prescripteur(pairs: list[Pair], lines, sections, ex, uncertain: set[str]) -> None:
    name = org = None
    nom = prenom = None
    sec_nom = sec_prenom = None
    for p in pairs:
        if p.key == "prescripteur" and p.value and not name:
            name, org = _split_person_org(p.value)
        elif p.key == "nom_prescripteur" and p.value and not nom:
            nom = p.value
        elif p.key == "prenom_prescripteur" and p.value and not prenom:
            prenom = p.value
        elif p.section == "prescripteur":
            if p.key == "nom" and not sec_nom:
                sec_nom = p.value
            elif p.key == "prenom" and not sec_prenom:
                sec_prenom = p.value
            elif p.key == "nom_prenom" and not name:
                # "RENAUD Aïcha, assistante sociale": the job after the name is not part of it
                n, pr = french.split_name(
                    _no_civ(re.split(r"\s*,\s*", p.value)[0]), order="nom_prenom"
                )
                name = f"{pr} {n}" if pr else n
    nom, prenom = nom or sec_nom, prenom or sec_prenom
    if not name and nom:
        if prenom:
            name = f"{_no_civ(prenom)} {_no_civ(nom)}"
        else:
            n, pr = french.split_name(_no_civ(nom), order="nom_prenom")
            name = f"{pr} {n}" if pr else n
    if name and not _plausible_name(name):
        name = None
    if not name:
        # "Le travailleur social (…)" heading, then "Marie DURAND, assistante sociale": a line of
        # the prescriber's block without a label, a name then a job
        for i, line in enumerate(lines):
            if sections[i] != "prescripteur" or ":" in line or " | " in line or _heading(line):
                continue
            parts = [x.strip() for x in re.split(r"\s*,\s*|\s+[-–]\s+", line) if x.strip()]
            if len(parts) >= 2 and any(_JOB.match(x) for x in parts[1:]):
                cand, _ = _split_person_org(line)
                if cand and _plausible_name(cand):
                    name = cand
                    break
    signed_org = None
    if not name:
        # "Le travailleur social : Claire BERNARD, CCAS de Cognac" in the signature block
        for m in reversed(list(_SIGNATURE.finditer("\n".join(lines)))):
            name, signed_org = _split_person_org(m.group("v"))
            if name and _plausible_name(name):
                break
            name = signed_org = None
    for p in pairs:
        if (
            p.key == "organisme"
            and p.value
            and (p.section == "prescripteur" or "prescri" in french.fold(p.label))
        ):
            org = org or _org_name(p.value)
    if not org:
        for p in pairs:
            if p.key == "organisme" and p.value:
                org = _org_name(p.value)
                break
    if org and signed_org and french.fold(org) != french.fold(signed_org):
        uncertain.add("organisme_prescripteur")
    org = org or signed_org
    if not name or len(name.split()) < 2:
        uncertain.add("prescripteur")  # none found, or a surname alone: every form has one
    if not org:
        uncertain.add("organisme_prescripteur")
    ex.prescripteur = name
    ex.organisme_prescripteur = org


def _plausible_name(name: str) -> bool:
    """A person's name, not a filler or a number read in its place ("néant", "23")."""
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+", name or "")
    return (
        bool(words)
        and not re.search(r"\d", name)
        and not re.fullmatch(r"(?:n[ée]ant|aucun[e]?|sans|non|inconnu[e]?)", name.strip(), re.I)
    )


def _org_name(value: str) -> str | None:
    """'MDSI de Blaye, 8 allée des Tilleuls, 33390 Blaye' → 'MDSI de Blaye': a service's
    address given with its name is not part of the name."""
    head = re.split(r"\s*,\s*(?=\d)|\s+[-–]\s+(?=\d)", value or "")[0]
    return _texte(head)


def _no_civ(value: str) -> str:
    return re.sub(rf"^\s*(?:{french.CIVILITE_RE})\s+", "", value or "").strip()


def _split_person_org(value: str) -> tuple[str | None, str | None]:
    """'Mme Nadia HAMIDI, assistante sociale - MDS de X - 03 25…' → ('Nadia HAMIDI', 'MDS de X')."""
    parts = [s.strip() for s in re.split(r"\s*,\s*|\s+[-–]\s+", value) if s.strip()]
    if not parts:
        return None, None
    raw = re.sub(rf"^(?:{french.CIVILITE_RE})\s+", "", parts[0])
    raw = re.sub(r"\s*\([^)]*\)", "", raw).strip()  # "Olivier FAVRE (éducateur)"
    nom, prenom = french.split_name(raw)
    name = f"{prenom} {nom}" if prenom else nom
    org = None
    for part in parts[1:]:
        if _JOB.match(part) or re.search(
            r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|@|^t[ée]l", part, re.IGNORECASE
        ):
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


def _loyer(value: str) -> float | None:
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
    return amounts[0]


def _ressources(lines, sections, pairs, options: list[dict], tables) -> list[Ressource]:
    out: list[Ressource] = []
    rows: list[list[str]] = []
    joined: set[int] = set()  # a line read as the end of the one above it
    for i, line in enumerate(lines):
        if i in joined:
            continue
        if sections[i] != "ressources":
            # "Ressource 2 : ARE France Travail (€) : 576,46", a field outside any section
            m = _RESOURCE_FIELD.match(line)
            if m:
                rows.append([m.group("label"), m.group("value")])
            continue
        if _heading(line) == "ressources":
            # "Ressources : salaire 1 105,00 € ; allocations familiales 148,52 €"
            value = line.split(":", 1)[1] if ":" in line else ""
            # the list wrapped over the next line ("… ; Prime d'activité" / "779,66 €")
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (
                value.strip()
                and not re.search(rf"(?:{french.MONTANT_RE}|{_PENDING})\W*$", value, re.I)
                and nxt.strip()
                and ":" not in nxt
                and " | " not in nxt
                and not _heading(nxt)
                and re.search(rf"(?:{french.MONTANT_RE}|{_PENDING})\W*$", nxt, re.I)
            ):
                value = f"{value.rstrip()} {nxt.strip()}"
                joined.add(i + 1)
            # items split by « ; », a comma, an amount's end, or table cells (one a person)
            for item in re.split(
                r"\s*;\s*|\s*\|\s*|,\s+(?=[A-Za-zÀ-ÿ])|(?<=€)\s+(?=[A-Za-zÀ-ÿ])", value
            ):
                # "Allocations familiales (demande en cours)": the pending said in brackets
                m = re.match(
                    rf"^(.*?)\s*\(?\s*((?:{french.MONTANT_RE})|{_PENDING})\s*\)?\s*$",
                    item.strip(),
                    re.IGNORECASE,
                )
                if m and m.group(1):
                    rows.append([m.group(1), m.group(2)])
            continue
        if " | " in line:
            rows.append([c.strip() for c in line.split(" | ")])
        else:
            # "Salaire - Mme (temps partiel) 650,00 €" or "Salaire : 980,00"
            m = re.match(
                rf"^(.*?)\s*[:]?\s*((?:{french.MONTANT_RE})|{_PENDING})\s*$",
                line.strip(),
                re.IGNORECASE,
            )
            if m and m.group(1):
                rows.append([m.group(1), m.group(2)])
    if not rows:  # fillable forms without headings: known resource labels with an amount
        for p in pairs:
            if (
                p.section in (None, "ressources")
                and p.key is None
                and p.value
                and _amount_or_wait(p.value)
            ):
                if _first_option(p.label, options):
                    rows.append([p.label, p.value])
    for row in rows:
        label = row[0]
        if not label or re.match(
            r"^(?:total|sous-total|type|nature|montant|ressources?)\b", label, re.IGNORECASE
        ):
            continue
        kind = _resource_type(label, options)
        if kind is None:
            continue
        values = [c for c in row[1:] if c]
        amounts = []
        for c in values:
            if re.search(rf"{_PENDING}|demand[ée]e?", c, re.IGNORECASE):
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


_RESOURCE_FIELD = pattern_store.compile(
    rf"^\s*(?:ressources?|revenus?)\s*(?:n°\s*)?\d*\s*[:–-]\s*(?P<label>[^:|]+?)\s*(?:\((?:en\s+)?(?:€|euros?)\))?\s*[:|]\s*"
    rf"(?P<value>(?:{french.MONTANT_RE})|{_PENDING})\s*$",
    re.IGNORECASE,
)


def _amount_or_wait(value: str) -> bool:
    return (
        bool(re.search(_PENDING, value, re.IGNORECASE)) or french.parse_montant(value) is not None
    )


def _resource_type(label: str, options: list[dict]) -> str | None:
    for opt in options:
        if re.search(opt["motif"], label, re.IGNORECASE):
            return opt["type"]
    return None
