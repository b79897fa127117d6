"""Referral forms, whatever the layout: the stages that turn a read form into an Extraction.

Each stage fills a few fields from the form read by `structure` (pairs, sections) and
`ticks`; it runs guarded so that a bug costs its fields (flagged), never the document.
"""

from __future__ import annotations

import logging
import re

from asll.domain.landlords import SOCIAL_LANDLORDS, occupation_for
from asll.domain.model import OBJECTIFS, Extraction, Ressource

from ... import french, pattern_store
from ...readers import Document
from ..addresses import parse_address
from ..landlords import clean_bailleur, is_placeholder, statut_from_bailleur
from .money import (
    grid_line_resources,
    label_amount_cells,
    parse_loyer,
    read_address,
    read_ressources,
    resource_type,
)
from .people import read_household
from .prescripteur import JOB, org_name, plausible_name, read_prescripteur, split_person_org
from .structure import (
    KEY_FIELDS,
    PENDING,
    Form,
    Pair,
    heading,
    label_key,
    read_pairs,
    read_sections,
    values_above_labels,
)
from .ticks import (
    ANY_MARK,
    every_box_ticked,
    first_option,
    options_named,
    pick,
    pick_all,
    read_ticks,
)

log = logging.getLogger("asll.intake")


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
    table_rows = {
        " ".join(" ".join(c.split()) for c in row if c and c.strip())
        for table in doc.tables
        for row in table
        if sum(1 for c in row if c and c.strip()) >= 2
    }
    lines = values_above_labels(doc.text.split("\n"), libelles, cut_unsure, table_rows)
    uncertain.update(KEY_FIELDS[k] for k in cut_unsure if k in KEY_FIELDS)
    sections = read_sections(lines)
    pairs = _guarded("paires", lambda: read_pairs(lines, sections, libelles), uncertain, (), [])
    ticks = _guarded("cases", lambda: read_ticks(lines, sections, doc), uncertain, (), [])
    f = Form(doc, conf, data, lines, sections, pairs, ticks, libelles)
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


def _stage_mesure(f: Form, ex, uncertain: set[str]) -> None:
    conf, lines = f.conf, f.lines
    ex.type_mesure = pick(f.ticks, conf.get("type_mesure", []), prefer=("mesure", None))
    if ex.type_mesure is None:
        # "Mesure : ASLL Maintien": the value of a field, not the options its label lists
        for p in f.pairs:
            if p.key == "type_mesure" and p.value and not ANY_MARK.search(p.value):
                if len(options_named(p.value, conf.get("type_mesure", []))) > 2:
                    # « [1 ASLL accès Ü ASLL maintien D Diagnostic »: boxes a fax blurred
                    # (two may be one choice: « Renouvellement de la mesure ASLL maintien »);
                    # the first is kept as a guess for a person to confirm
                    uncertain.add("type_mesure")
                ex.type_mesure = first_option(p.value, conf.get("type_mesure", []))
                if ex.type_mesure:
                    break
    if ex.type_mesure is None:
        # "Motif de la demande" / "Demande de mesure ASELL pour le maintien dans le logement.":
        # the request said in the first sentence of its box
        for i, line in enumerate(lines):
            if not re.match(r"^\s*motif\s+de\s+la\s+demande\s*:?\s*$", line, re.IGNORECASE):
                continue
            said = " ".join(l.strip() for l in lines[i + 1 : i + 3]).split(".")[0]
            if re.match(r"^\s*demande\s+d", said, re.IGNORECASE) and not ANY_MARK.search(said):
                ex.type_mesure = first_option(said, conf.get("type_mesure", []))
            break
    if ex.type_mesure is None:
        # the title: a line of boxes says nothing here (its unticked options are not the
        # request)
        head = "\n".join(l for l in lines[:12] if not ANY_MARK.search(l))
        for opt in conf.get("type_mesure", []):
            if re.search(
                rf"(?:demande|mesure|fiche)[^\n]{{0,40}}(?:{opt['motif']})", head, re.IGNORECASE
            ):
                ex.type_mesure = opt["valeur"]
                uncertain.add("type_mesure")
                break
    if ex.type_mesure and every_box_ticked(lines, conf.get("type_mesure", [])):
        uncertain.add("type_mesure")
    objectifs = pick_all(f.ticks, conf.get("objectifs", []), prefer=("objectifs",))
    ex.objectifs = [o for o in OBJECTIFS if o in objectifs]


def _stage_statut(f: Form, ex, uncertain: set[str]) -> None:
    options = f.conf.get("statut_occupation", [])
    # the dwelling's own boxes first: "☒ maintien dans le logement (locataire,
    # sous-locataire)" ticked for the aid, above, names a public, not this household's status
    statut = pick(f.ticks, options, prefer=("logement",))
    if statut is None:
        for p in f.pairs:
            if p.key in ("statut", "situation_logement") and not ANY_MARK.search(p.value):
                statut = first_option(p.value, options)
                if statut or _tenant_kind_unsaid(f, p.value):
                    break
    if statut is None and _tenant_kind_unsaid(f):
        # "☒ Locataire en titre": a tenant, whose landlord's name says public or private
        # (_stage_statut_bailleur); the household's other words (a hosted relative) do not
        if _without_title(f):
            uncertain.add("statut_occupation")
        return
    if statut is None:
        # a status stated in the dwelling's section ("Locataire du parc privé – bailleur : …"),
        # not the landlord's label ("Propriétaire : M. LEROY")
        landlord_lines = {p.line for p in f.pairs if p.key == "bailleur"}
        logement = "\n".join(
            l
            for i, l in enumerate(f.lines)
            if f.sections[i] == "logement" and i not in landlord_lines and not ANY_MARK.search(l)
        )
        statut = first_option(logement, options, strict=True)
    if statut is None:
        # a status word in the household's section only: a guess
        # (a line of boxes none of which is ticked says nothing)
        menage = "\n".join(
            l for i, l in enumerate(f.lines) if f.sections[i] == "menage" and not ANY_MARK.search(l)
        )
        statut = first_option(menage, options, strict=True)
        if statut:
            uncertain.add("statut_occupation")
    if statut and every_box_ticked(f.lines, options):
        uncertain.add("statut_occupation")
    ex.statut_occupation = statut
    if _without_title(f):
        uncertain.add("statut_occupation")


def _without_title(f: Form) -> bool:
    """« ☒ Occupant sans droit ni titre » ticked, or written as the status: no value of the
    contract says it."""
    motif = f.conf.get("sans_titre")
    if not motif:
        return False
    if pick(f.ticks, [{"valeur": "x", "motif": motif}]) is not None:
        return True
    return any(
        p.key == "statut" and not ANY_MARK.search(p.value) and re.search(motif, p.value, re.I)
        for p in f.pairs
    )


def _tenant_kind_unsaid(f: Form, value: str | None = None) -> bool:
    """'☒ Locataire en titre' ticked (or written as the status's value): a tenant, the kind of
    landlord not said."""
    motif = f.conf.get("locataire_sans_parc")
    if not motif:
        return False
    if value is not None:
        return bool(re.match(rf"\s*(?:{motif})\b", value, re.IGNORECASE))
    return (
        pick(f.ticks, [{"valeur": "locataire", "motif": motif}], prefer=("logement",)) is not None
    )


def _stage_prescripteur(f: Form, ex, uncertain: set[str]) -> None:
    read_prescripteur(
        f.pairs, f.lines, f.sections, ex, uncertain, tables=f.doc.tables, libelles=f.libelles
    )


def _stage_menage(f: Form, ex, uncertain: set[str]) -> None:
    read_household(f, ex, uncertain)


def _stage_logement(f: Form, ex, uncertain: set[str]) -> None:
    read_address(f.pairs, f.data, ex)
    if ex.adresse and _ADDRESS_DEBRIS.search(ex.adresse):
        # a dash or a table rule a scan leaves after the street: dropped, and checked
        ex.adresse = _ADDRESS_DEBRIS.sub("", ex.adresse).strip() or None
        uncertain.add("adresse")

    for p in f.pairs:
        if p.key == "bailleur" and p.section != "prescripteur":
            value = clean_bailleur(re.split(r"\s*\(", p.value)[0])
            if _landlord_like(value):
                ex.bailleur = value
                if f.doc.ocr and _OCR_I_L.search(value):
                    uncertain.add("bailleur")  # "Habitat de l'IIl": which letter is which?
                break
    if ex.bailleur is None:
        for p in f.pairs:
            # "PARTIE À REMPLIR PAR LE BAILLEUR" / "Organisme : France Loire": the landlord
            # names itself in its own part of the form
            if p.key == "organisme" and p.section == "bailleur":
                value = clean_bailleur(p.value)
                if _landlord_like(value):
                    ex.bailleur = value
                    break
            # "Statut d'occupation : Locataire du parc social (Hérault Logement)": the landlord
            # told in brackets after the status
            if p.key == "statut" and not ANY_MARK.search(p.value):
                m = re.search(r"\blocataire\b[^()]*\((?P<b>[^()]{3,60})\)", p.value, re.I)
                value = clean_bailleur(m.group("b")) if m else None
                if _landlord_like(value) and not first_option(
                    value, f.conf.get("statut_occupation", [])
                ):
                    ex.bailleur = value
                    break
    if ex.bailleur is None:
        # « SITUATION AU REGARD DU LOGEMENT » then « Locataire en titre d'un logement du parc
        # social (Côte d'Azur Habitat) »: the same sentence on a line of its own, no label
        for i, line in enumerate(f.lines):
            if f.sections[i] != "logement" or ANY_MARK.search(line) or ":" in line:
                continue
            m = re.match(r"^\s*locataire\b[^()]*\((?P<b>[^()]{3,60})\)\s*\.?\s*$", line, re.I)
            value = clean_bailleur(m.group("b")) if m else None
            if _landlord_like(value) and not first_option(
                value, f.conf.get("statut_occupation", [])
            ):
                ex.bailleur = value
                break


def _landlord_like(value: str | None) -> bool:
    """A landlord's name: words, not a filler, an amount or a number read in its place."""
    return bool(
        value
        and not is_placeholder(value)
        and not re.fullmatch(r"n[ée]ant|sans|aucun|/|-", value, re.IGNORECASE)
        and re.search(r"[A-Za-zÀ-ÿ]{2}", value)
        and not re.fullmatch(r"[\d\s  .,]+(?:€|euros?|eur)?\.?", value, re.IGNORECASE)
    )


# OCR reads a capital I and a small l one for the other: a name where they sit side by side
# or a capital I follows a small letter ("l'IIl", "VilIe") cannot be trusted letter for letter
_OCR_I_L = pattern_store.compile(r"I[Il]|lI|(?<=[a-zà-ÿ])I")

_ADDRESS_DEBRIS = pattern_store.compile(r"\s*[—–|¦_]+\s*$")


def _stage_phrases(f: Form, ex, uncertain: set[str]) -> None:
    """A form written in sentences ("Je soussignée …, assistante sociale (MDS de X), propose
    … pour Madame …, demeurant 12 rue …, 24000 X, locataire de Y. Le ménage perçoit : …"):
    the cue words of `[formulaire.phrases]` introduce the values the fields did not give."""
    cues = f.conf.get("phrases", {})
    text = "\n".join(f.lines)
    if not ex.prescripteur and cues.get("soussigne"):
        m = re.search(rf"(?:{cues['soussigne']})\s*(?P<v>[^\n]+)", text, re.IGNORECASE)
        if m:
            # "Claire MARTIN, assistante sociale (MDS de Périgueux)" / "…, CESF au CCAS de X"
            v = re.split(
                r"\s*[,;]?\s+(?:propose|sollicite|demande|atteste|certifie)\b", m.group("v")
            )[0]
            name, org = split_person_org(re.sub(r"[()]", ",", v))
            if org:
                org = re.sub(r"^(?:au|[àa]\s+la|[àa]\s+l['’]|du|de\s+la|de\s+l['’])\s*", "", org)
            # "…, éducateur spécialisé au CCAS de Lens": the service after the job's preposition
            at = re.search(
                r"\b(?:au|aux|[àa]\s+la|[àa]\s+l['’]|aupr[èe]s\s+d[ue](?:\s+la)?)\s*"
                r"(?P<o>[A-ZÀ-Ý][^,;()\n]{2,60})",
                v,
            )
            if (not org or JOB.match(org)) and at:
                org = at.group("o")
            if name and plausible_name(name) and len(name.split()) >= 2:
                ex.prescripteur = name
                uncertain.discard("prescripteur")
                if not ex.organisme_prescripteur and org and not JOB.match(org):
                    ex.organisme_prescripteur = org_name(org)
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
                    ex.statut_occupation = first_option(
                        rest[town.end() :], f.conf.get("statut_occupation", []), strict=True
                    )
            break
    if not ex.bailleur and cues.get("locataire_de"):
        m = re.search(rf"{cues['locataire_de']}(?P<v>[^\n.;(]+)", text, re.IGNORECASE)
        if m:
            # "locataire de l'OPAC de la Savoie depuis 2019": the name ends where the sentence
            # goes on about time
            # ("SCI MARBEUF 2" keeps its number; a year or a duration ends the name)
            raw = re.split(
                r"\s+(?:depuis|jusqu|pour\s+un|au\s+titre|en\s+\d|\d{4}\b|\d+\s*(?:ans?|mois)\b)",
                m.group("v"),
            )[0]
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
                kind = resource_type(item, options)
                if kind is None:
                    continue
                if re.search(rf"{PENDING}|en\s+cours|demand[ée]e?", item, re.IGNORECASE):
                    ex.ressources.append(Ressource(kind, None))
                    continue
                amount = french.parse_montant(item)
                if amount is not None:
                    ex.ressources.append(Ressource(kind, amount))


DAYS_A_MONTH = 30  # an allowance paid by the day, over a month (France Travail's reckoning)


def _stage_par_jour(f: Form, ex, uncertain: set[str]) -> None:
    """Resources whose amount the form gives by the day (« ARE : 38,50 €/jour ») turned into
    a month's (× 30), flagged: an estimate for a person to check."""
    daily = f.conf.get("budget", {}).get("journalier")
    if not daily or not ex.ressources:
        return
    per_day = pattern_store.compile(rf"(?P<v>\d[\d  .]*(?:,\d{{1,2}})?)\s*{daily}", re.IGNORECASE)
    amounts = {french.parse_montant(m.group("v")) for m in per_day.finditer(f.doc.text)}
    for k, r in enumerate(ex.ressources):
        if r.montant is not None and r.montant in amounts:
            ex.ressources[k] = Ressource(r.type, round(r.montant * DAYS_A_MONTH, 2))
            uncertain.add("ressources")


def _stage_argent(f: Form, ex, uncertain: set[str]) -> None:
    lines, sections = f.lines, f.sections
    ex.ressources = read_ressources(
        lines,
        sections,
        f.pairs,
        f.conf.get("ressources", []),
        f.doc.tables,
        f.conf.get("budget", {}),
    )
    if not ex.ressources and not f.doc.tables:
        # a household grid whose cells a scan lost: read, and checked by a person
        ex.ressources = grid_line_resources(lines, f.conf.get("ressources", []))
        if ex.ressources:
            uncertain.add("ressources")
    pairs = f.pairs + _money_rows(f.doc.tables, f.pairs, f.libelles)
    pairs += _colonless_money(lines, sections, pairs, f.libelles)
    debt_lines = {p.line for p in f.pairs if p.key == "dette"}
    # "Loyer hors charges : 400 €" then "Loyer charges comprises : 455 €": the contract's rent
    # is the one with its charges, wherever it comes; otherwise the first rent read
    rents = [p for p in pairs if p.key == "loyer" and p.value and parse_loyer(p.value)]
    rent = next((p for p in rents if _WITH_CHARGES.search(p.label)), rents[0] if rents else None)
    loyer_label = rent.label if rent else None
    budget = f.conf.get("budget", {})
    after_aid = pattern_store.compile(budget.get("loyer_apres_aide") or r"(?!)", re.IGNORECASE)
    if rent and after_aid.search(f"{rent.label} {rent.value}"):
        # "Loyer mensuel : 450,00 € (APL déduite)": what is left after the aid, not the rent
        rent = None
        uncertain.add("loyer_mensuel")
    elif rent:
        ex.loyer_mensuel = parse_loyer(rent.value)
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
        if p.key == "dette" and ex.montant_dette is None:
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
    if ex.loyer_mensuel is not None and not _WITH_CHARGES.search(
        f"{loyer_label or ''} {rent.value if rent else ''}"
    ):
        charges = next(
            (
                french.parse_montant(p.value)
                for p in pairs
                if p.key == "charges"
                and p.value
                # "dont charges : 40 €": the charges are part of the rent already given
                and not re.match(r"\s*dont\b", p.label, re.IGNORECASE)
                # amid the incomes, « Charges » alone is the household's expenses; the
                # rent's own charges say so ("Charges locatives", "Provision sur charges")
                and (
                    p.section != "ressources"
                    or re.search(r"locati|provision|r[ée]cup[ée]rable", p.label, re.IGNORECASE)
                )
                and french.parse_montant(p.value)
            ),
            None,
        )
        if charges and charges < ex.loyer_mensuel:
            ex.loyer_mensuel = round(ex.loyer_mensuel + charges, 2)
    if ex.loyer_mensuel is not None and _rents_disagree(pairs, ex.loyer_mensuel, loyer_label):
        uncertain.add("loyer_mensuel")
    if ex.montant_dette is None:
        total = _debt_total(f.lines, f.conf.get("tableau_dette", {}))
        if total:
            ex.montant_dette = total[0]
            ex.date_dette = ex.date_dette or total[1]
    # free-text fallbacks (same patterns as acts); "de 2" / "371,30 €": an amount whose
    # thousands a wrapped line split is joined again
    text = _WRAPPED_THOUSANDS.sub(r"\1 \2", f.doc.text)
    if ex.loyer_mensuel is None and "loyer_mensuel" not in uncertain:
        m = _first_rent_in_text(
            budget.get("dette_avant_loyer") or r"(?!)",
            # (« Quotient familial [(Ressources + AL – loyer principal) ÷ nombre de personnes] :
            # 530,56 € »: a word of a formula closed by its bracket is not the rent's label)
            rf"loyer(?!\s+r[ée]siduel)[^:\n|)\]÷×=]{{0,40}}(?:[:|]\s*|[ \t]*)({french.MONTANT_RE}(?:\s*(?:\+|plus|outre)\s*{french.MONTANT_RE}\s*(?:de\s+)?(?:charges|provision)?)?)",
            text,
            re.IGNORECASE,
        )
        if m:
            ex.loyer_mensuel = parse_loyer(m.group(1))
            uncertain.add("loyer_mensuel")  # found in running text, not in its field
    if ex.montant_dette is None:
        m = re.search(
            rf"(?:dette|arri[ée]r[ée]|impay[ée]s)\s*(?:locati\w+|de\s+loyers?)?\s*(?:de|:|\||\?)?\s*({french.MONTANT_RE})"
            rf"(?:[^.]{{0,30}}?(?:au|arr[êe]t[ée]e?\s+au)\s+({french.DATE_RE}))?",
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


def _first_rent_in_text(debt_before: str, pattern: str, text: str, flags: int):
    """The first match of the rent's free-text pattern that is not the end of a debt's label
    ("Arriérés de loyer au …"; the debt's words: the rules' `dette_avant_loyer`)."""
    before = pattern_store.compile(debt_before, re.IGNORECASE)
    for m in pattern_store.compile(pattern, flags).finditer(text):
        if not before.search(text[max(0, m.start() - 30) : m.start()]):
            return m
    return None


def _debt_total(lines: list[str], cues: dict):
    """'Décompte de la dette', its months, then 'Total au 15/08/2025 | 2 477,86 €': the debt is
    the table's total (the monthly rows are not), dated by it. Cue words: the rules'
    `[formulaire.tableau_dette]`."""
    if not cues.get("titre") or not cues.get("total"):
        return None
    title = pattern_store.compile(rf"^\s*(?:{cues['titre']})", re.IGNORECASE)
    total = pattern_store.compile(
        rf"^\s*(?:{cues['total']})(?:\s+(?:au|arr[êe]t[ée]e?\s+au)\s+(?P<date>{french.DATE_RE}))?"
        rf"\s*[:|]?\s*(?P<montant>{french.MONTANT_RE})\s*$",
        re.IGNORECASE,
    )
    for i, line in enumerate(lines):
        if not title.match(line):
            continue
        for nxt in lines[i + 1 : i + 16]:
            m = total.match(nxt.replace(" | ", " "))
            if m:
                when = french.parse_date(m.group("date")) if m.group("date") else None
                return french.parse_montant(m.group("montant")), when
    return None


_WRAPPED_THOUSANDS = pattern_store.compile(r"(?<![\d,.])(\d{1,3})\n(\d{3},\d{2}\s?(?:€|euros?)?)")

_MONEY_KEYS = ("loyer", "charges", "dette", "date_dette")


def _money_rows(tables, pairs: list[Pair], libelles) -> list[Pair]:
    """'Loyer (hors charges) | 559,27', 'Charges locatives | 50,41': rows of a charges table
    whose text lost its columns (a PDF), read as fields when the text gave none of them."""
    have = {p.key for p in pairs}
    out: list[Pair] = []
    for table in tables or []:
        rows = [[(c or "").replace("\n", " ").strip() for c in row] for row in table]
        # "Loyer | Charges | APL | Reste à charge" over "520,00 € | 45,00 € | …": captions in a
        # row, each value in the cell under its caption (captions the reader does not know,
        # such as the aid's, are passed over)
        for head, below in zip(rows, rows[1:]):
            if len(head) != len(below) or any(label_key(v, libelles) for v in below if v):
                continue
            for cap, value in zip(head, below):
                key = label_key(cap, libelles) if cap else None
                if (
                    key in _MONEY_KEYS + ("loyer_residuel",)
                    and _money_value(key, value)
                    and key not in have
                    and not any(p.key == key for p in out)
                ):
                    out.append(Pair(cap, key, value, "charges", -1))
        for cells in rows:
            # "Salaire | | Loyer (taux plein) | 545.45": a label, then its value in the next
            # cell; empty cells kept so that a label is never given its neighbour's amount
            for j, label in enumerate(cells[:-1]):
                value = cells[j + 1]
                if not label or not value:
                    continue
                key = label_key(label, libelles)
                if (
                    key in _MONEY_KEYS
                    and _money_value(key, value)
                    and key not in have
                    and not any(p.key == key for p in out)
                ):
                    out.append(Pair(label, key, value, "charges", -1))
    return out


def _money_value(key: str, value: str) -> bool:
    """A money field's cell holds an amount (a date for the debt's date), or says none."""
    if key == "date_dette":
        return bool(french.find_dates(value))
    return french.parse_montant(value) is not None or bool(
        re.fullmatch(r"\s*(?:n[ée]ant|aucune?|sans\s+objet|[-–—]|0)\s*", value, re.IGNORECASE)
    )


# a rent label that includes the charges: the contract's rent as printed
_WITH_CHARGES = pattern_store.compile(
    r"charges\s+comprises|\bCC\b|\bTCC\b|total|\+|avec\s+(?:les\s+)?charges", re.IGNORECASE
)


def _rents_disagree(pairs: list[Pair], chosen: float, label: str | None = None) -> bool:
    """'Loyer : 480,00 €' in the dwelling's part, 'Loyer 512,00 €' in the budget: a form giving
    two rents the reader cannot tell apart (a rent before charges, the same with its charges,
    and the rent left after the housing aid are told apart by their labels). The first is
    kept, and flagged."""
    charges = {french.parse_montant(p.value) for p in pairs if p.key == "charges" and p.value}
    seen = {
        v for p in pairs if p.key == "loyer" and p.value and (v := parse_loyer(p.value)) is not None
    }
    explained = {chosen} | {round(chosen - c, 2) for c in charges if c}
    with_charges = bool(label and _WITH_CHARGES.search(label))
    hors = {
        parse_loyer(p.value)
        for p in pairs
        if p.key == "loyer" and p.value and re.search(r"hors\s+charges|\bHC\b", p.label, re.I)
    }
    # the rent before charges beside the rent with them: told apart by their labels
    return any(
        all(abs(v - e) > 0.01 for e in explained)
        and not (with_charges and v in hors and v < chosen)
        for v in seen
    )


_MONEY_AT_END = pattern_store.compile(
    rf"^(?P<label>.*?[A-Za-zÀ-ÿ)].*?)[\s.…_]*(?P<amount>(?<![\d/.,])(?:{french.MONTANT_RE})"
    r"(?:\s*(?:€|EUR\b|euros?\b))?)\s*$",
    re.IGNORECASE,
)


def _colonless_money(lines, sections, pairs: list[Pair], libelles) -> list[Pair]:
    """'Loyer mensuel brut (hors charges) ........ 409,73 €', 'Impayé après rappel AL au
    15/08/2025 ........ 1 946,78 €', 'Pension de retraite en attente  Loyer 693,60 €': money
    fields typed after their label without a colon (dot leaders, a budget's two columns),
    read when the label is one of the form's money labels and the field was read nowhere
    else (kept after the fields read elsewhere: those come first, these are candidates that
    can also show two rents disagree). A bare « Charges » amid the incomes is the household's
    expenses, not the rent's."""
    lines_read = {(p.key, p.line) for p in pairs}
    out: list[Pair] = []
    for i, line in enumerate(lines):
        if ":" in line or " | " in line:
            continue
        cells = label_amount_cells(line)
        if cells is None:
            m = _MONEY_AT_END.match(line.strip())
            cells = [m.group("label"), m.group("amount")] if m else []
        for j in range(0, len(cells) - 1, 2):
            label, value = cells[j].strip(" .…_"), cells[j + 1]
            key = label_key(label, libelles)
            if key not in _MONEY_KEYS + ("loyer_residuel",) or (key, i) in lines_read:
                continue
            if (
                key == "charges"
                and sections[i] == "ressources"
                and re.fullmatch(r"charges", label, re.IGNORECASE)
            ):
                continue
            out.append(Pair(label, key, value, "charges", i))
    return out


_COURT = pattern_store.compile(
    r"tribunal\s+(?:judiciaire|de\s+proximit[ée])\s+(?:de\s+|d['’]\s*|du\s+)"
    r"(?:(?:la|le|les)\s+)?[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*(?:\s+(?:sur|en|l[ae]s?)[-\s][A-ZÀ-Ý][\w'’-]*)?",
    re.IGNORECASE,
)


def _stage_procedure(f: Form, ex, uncertain: set[str]) -> None:
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


def _stage_statut_bailleur(f: Form, ex, uncertain: set[str]) -> None:
    if f.doc.ocr and ex.bailleur and statut_from_bailleur(ex.bailleur, f.data) is None:
        # a landlord's name read by OCR that no list knows (« Segens »): its letters cannot be
        # trusted; one letter off a listed social landlord's name (« Seqens »), it is that
        # one, and a person checks it all the same
        uncertain.add("bailleur")
        near = _listed_landlord_near(ex.bailleur)
        if near:
            ex.bailleur = near
    if ex.statut_occupation is None:
        # "Mme X est locataire de Logirem (parc social)", "M. Y est hébergé(e) chez un tiers":
        # the status told in the sentence that says where the household lives
        text = " ".join(l.strip() for l in f.lines if not ANY_MARK.search(l))
        for m in _LIVES_AS.finditer(text):
            sentence = text[m.start() : text.find(".", m.end()) if "." in text[m.end() :] else None]
            statut = first_option(sentence, f.conf.get("statut_occupation", []), strict=True)
            if statut:
                ex.statut_occupation = statut
                uncertain.discard("statut_occupation")
                break
    if ex.statut_occupation is None and ex.bailleur:
        # "Aide simplifiée au maintien – bailleur social": the form's own title says which
        # kind of landlord fills it
        title = "\n".join(l for i, l in enumerate(f.lines[:4]) if f.sections[i] is None)
        said = first_option(title, f.conf.get("statut_occupation", []), strict=True)
        if said in ("locataire_public", "locataire_prive"):
            ex.statut_occupation = said
            return
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


def _listed_landlord_near(name: str) -> str | None:
    """'Segens' → 'Seqens': a one-word name one letter off exactly one social landlord the
    project's list spells out (names only, not its patterns of kinds)."""
    words = name.split()
    if len(words) != 1 or len(name) < 5:
        return None
    found = {
        listed
        for listed in _LISTED_NAMES
        if len(listed) == len(name)
        and sum(a != b for a, b in zip(french.fold(listed), french.fold(name), strict=True)) == 1
    }
    return found.pop() if len(found) == 1 else None


# the social landlords the project's list names by a plain word (« Seqens », « Vilogia »)
_LISTED_NAMES = tuple(p for p in SOCIAL_LANDLORDS if re.fullmatch(r"[A-Z][a-z]{4,}", p))


_LIVES_AS = pattern_store.compile(
    r"\b(?:est|sont|vit|vivent)\s+(?:actuellement\s+)?(?=locataires?|sous-locataires?|h[ée]berg[ée]|propri[ée]taires?|acc[ée]dants?)",
    re.IGNORECASE,
)

_NONE_SAID = pattern_store.compile(
    r"\s*(?:\((?:en\s+)?(?:€|euros?)\))?\s*[:|]?\s*(?:[-–—/]+|n[ée]ant|aucune?|sans(?:\s+objet)?|non|pas\s+de\s+[\w ]{2,20}|0(?:[,.]0+)?\s*(?:€|euros?)?)\s*(?:$|\s{2,}|\|)",
    re.IGNORECASE | re.MULTILINE,
)


def _stage_signal(f: Form, ex, uncertain: set[str]) -> None:
    """A field the form talks about (its cue words are there) but for which nothing was read
    is flagged: the reader missed a layout, and a person must look."""
    for name, cue in f.conf.get("indices", {}).items():
        if getattr(ex, name, None) not in (None, [], ""):
            continue
        if _blank_in_tables(f.doc.tables, cue):
            continue  # "Total dettes | (empty)": the table says there is none
        if any(
            _announces(line, cue) for i, line in enumerate(f.lines) if f.sections[i] != "objectifs"
        ) or _captions_over_amounts(f.lines, cue):
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


def _check_values(f: Form, ex, uncertain: set[str]) -> None:
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
            or label_key(a.nom, f.libelles)
            or label_key(a.prenom, f.libelles)
            or heading(f"{a.prenom} {a.nom}")
        ):
            uncertain.add("personnes")
    if ex.prescripteur and label_key(ex.prescripteur, f.libelles):
        uncertain.add("prescripteur")
    # more amounts in the resources' section than resources read: some were missed
    amounts = sum(
        1
        for i, line in enumerate(f.lines)
        if f.sections[i] == "ressources"
        and not re.match(r"^\s*(?:total|sous-total)", line, re.IGNORECASE)
        and heading(line) != "ressources"
        for _ in re.finditer(
            r"(?<![\d/])\d[\d  .]*,\d{2}(?![\d/])|\b\d+\s?€|en\s+attente",
            _income_part(line),
            re.IGNORECASE,
        )
    )
    if amounts > len(ex.ressources):
        uncertain.add("ressources")
    # "3- Accompagnement…" after "(loyer, EDF…)": a few euros are no month's rent
    if ex.loyer_mensuel is not None and ex.loyer_mensuel < _RENT_FLOOR:
        ex.loyer_mensuel = None
        uncertain.add("loyer_mensuel")
    elif ex.loyer_mensuel is not None and ex.loyer_mensuel > _RENT_CEILING:
        uncertain.add("loyer_mensuel")


# bounds of a household's monthly rent in these forms (social and private housing)
_RENT_FLOOR, _RENT_CEILING = 50.0, 3000.0


def _income_part(line: str) -> str:
    """A table row of the resources up to the next label: "Salaire | 1 200 € | Énergie | 74 €"
    holds one income, the expense beside it is another pair."""
    cells = line.split(" | ")
    for j, c in enumerate(cells[1:], 1):
        if (
            french.parse_montant(c) is None
            and re.search(r"[A-Za-zÀ-ÿ]{3,}", c)
            and not re.search(rf"{PENDING}|demand[ée]e?", c, re.IGNORECASE)
        ):
            return " | ".join(cells[:j])
    return line


_LABEL_REST = pattern_store.compile(r"[^:\n|.;]{0,40}?(?=\s*(?:[:|]|$))", re.MULTILINE)


def _label_end(text: str, pos: int) -> int | None:
    """Where the value of the label ending near `pos` starts (its colon, its cell's edge or
    the end of its line); None when the words go on as a sentence."""
    m = _LABEL_REST.match(text, pos)
    return m.end() if m else None


def _blank_in_tables(tables, cue: str) -> bool:
    """The field's label is a table cell whose value cell, beside it, is empty, and no such
    label cell has a value: a table that keeps its empty cells says the field is blank (the
    PDF's text line, which drops them, cannot)."""
    blank = filled = False
    for table in tables or []:
        for row in table:
            cells = [(c or "").replace("\n", " ").strip() for c in row]
            for j, cell in enumerate(cells[:-1]):
                if cell and len(cell) <= 60 and re.search(cue, cell, re.IGNORECASE):
                    if cells[j + 1]:
                        filled = True
                    else:
                        blank = True
    return blank and not filled


def _captions_over_amounts(lines: list[str], cue: str) -> bool:
    """« Loyer brut mensuel Charges locatives Aide au logement » over « 456,96 € 59,76 €
    néant » (a grid whose text lost its columns): the field's caption opens a line of captions
    only, amounts on the line under it."""
    for i, line in enumerate(lines):
        if not re.match(rf"\s*(?:{cue})", line, re.IGNORECASE) or re.search(r"[\d:|]", line):
            continue
        for nxt in lines[i + 1 : i + 3]:  # (a caption wrapped in its cell: « au logement »)
            if re.match(rf"\s*{french.MONTANT_RE}", nxt, re.IGNORECASE):
                return True
            if re.search(r"[\d:|]", nxt):
                break
    return False


def _announces(line: str, cue: str) -> bool:
    """The line holds the field's label (with its colon, its cell, or alone on its line),
    not an option to tick ("Apurement d'une dette | ") or a word of a sentence;
    "Dette : néant", "Bailleur : –" say there is none."""
    cells = [c.strip() for c in line.split(" | ")]
    if ANY_MARK.search(line) or len(cells) >= 2 and not any(cells[1:]):
        return False
    said_none_until = -1
    for m in re.finditer(cue, line, re.IGNORECASE):
        if m.start() < said_none_until:
            continue  # "Dette locative | pas de dette": the cue word inside the "none" said
        start = max(line.rfind(":", 0, m.start()), line.rfind("|", 0, m.start())) + 1
        if len(line[start : m.start()].split()) >= 6:
            continue  # "… mise en place par le bailleur ne suffit pas : …": a sentence
        end = _label_end(line, m.end())
        if end is None:
            continue
        none = _NONE_SAID.match(line, end)
        if none:
            said_none_until = none.end()
        else:
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
    (_stage_par_jour, "montants par jour", ("ressources",)),
    (_stage_statut_bailleur, "statut d'après le bailleur", ("statut_occupation",)),
    (_stage_signal, "champs annoncés", ()),
)
