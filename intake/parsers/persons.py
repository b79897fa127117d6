"""Adults named in an act or a letter, whatever the list style.

    find_persons(text, data) -> (persons, end_offset, doubtful)
    parse_persons(block, context=None) -> list[Personne]

Handled: civilities in any case ("M.", "Monsieur", "MONSIEUR", "Mme", "MADAME", "Mlle");
numbered or bulleted lists ("1/", "1°)", "a)", "-", "•"); couples ("Monsieur et Madame
Jean et Marie MARTIN", "les époux MARTIN", "M. et Mme MARTIN Jean et Marie"); "Consorts";
"né(e) le … à …"; "née" / "épouse" / "veuve" / "divorcée" parts; occupations and
nationality after the name. Where the list of défendeurs begins and ends comes from the
rule files ([personnes]). A candidate that does not look like a personal name (a phrase
of the act, a title, a landlord) is dropped; `doubtful` tells the caller that something
was dropped or looked odd, so the field is flagged for a person to check.
"""

from __future__ import annotations

import re

from asll.domain.model import Personne

from .. import french, pattern_store
from ..engine import compile_pattern

# Civilities in any case; "M" alone only before a capitalised word.
CIV = r"(?:(?i:monsieur|madame|mademoiselle)|MME\.?|Mme\.?|MLLE\.?|Mlle\.?|Melle|MR\.?|Mr\.?|M\.|M(?=\s+[A-Z]))"
_BIRTH = pattern_store.compile(rf"n[ée]e?(?:\(e\))?\s+le\s+(?P<d>{french.DATE_RE})", re.IGNORECASE)
# a couple's two birth dates in one phrase
_BORN_RESPECTIVELY = pattern_store.compile(
    rf"n[ée]e?s\s+respectivement\s+le\s+(?P<d1>{french.DATE_RE})[^;]{{0,80}}?\bet\s+le\s+"
    rf"(?P<d2>{french.DATE_RE})",
    re.IGNORECASE,
)
# list markers: "1/", "1°)", "1)", "1.", "a)", "-", "•"
_MARKER = r"(?:(?<![\w/])\d{1,2}\s*(?:°\s*\)?|/|\)|\.(?!\d))|(?<!\w)[a-h]\)|(?<!\S)[-–•*](?=\s))"
# words that are never part of a personal name
_NOT_NAME_WORDS = pattern_store.compile(
    r"\b(?:demandeu?r|demanderesse|d[ée]fendeu?r|d[ée]fenderesse|requ[ée]rant|ci-dessus|ci-apr[èe]s|d[ée]sign[ée]|"
    r"susnomm[ée]|soussign[ée]|locataire|bailleu?r|bailleresse|propri[ée]taire|assignation|assign[ée]|tribunal|"
    r"juge|audience|commissaire|huissier|greffe|soci[ée]t[ée]|office|habitat|agence|directeur|directrice|"
    r"pr[ée]fet|pr[ée]fecture|maire|pr[ée]sident|avocat|ma[iî]tre|domicili[ée]|demeurant|pris|agissant|"
    r"repr[ée]sent[ée]|qualit[ée]|mandataire|ensemble|tous|toutes|deux|lequel|laquelle|lesquels|celui|"
    r"sa|son|ses|leur|leurs|est|sont|a|ont|fait|avons|ai|nous|vous|il|elle|ils|elles|qui|que|dont|"
    r"copie|acte|pr[ée]sent|madame|monsieur|pr[ée]noms?)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = pattern_store.compile(
    r"^(?:le|la|les|l')?\s*(?:directeur|directrice|pr[ée]fet|pr[ée]f[eè]te|sous-pr[ée]fet|juge|pr[ée]sident|"
    r"pr[ée]sidente|maire|chef|responsable|greffier|greffi[èe]re|commissaire|huissier|ma[iî]tre|avocat|"
    r"procureur|secr[ée]taire|conseill|d[ée]l[ée]gu|charg[ée])\b",
    re.IGNORECASE,
)
# where a name stops: punctuation, birth, address, occupation…
_STOP_NAME = pattern_store.compile(
    rf"\s*(?:,|;|:|\(|\)|\bn[ée]e?(?:\(e\))?\s+(?:le|en|au|à|a)\b|\bdemeurant|\bdomicili|\bdemeurant|"
    rf"\br[ée]sidant|\bhabitant\b|\bo[ùu]\s+[ée]tant|\blocataires?\b|\bpris\b|\bagissant|\b[àa]\s+(?:l.adresse|\d)|"
    rf"\bsis\b|\boccupants?\b|\bqui\b|\bau\s+titre|\bdont\b|\bpour\b|\bcomparaissant|\bde\s+nationalit|"
    rf"\bsans\s+profession|\bretrait[ée]e?\b|\b(?:employ[ée]e?|ouvri[èe]re?|agent|aide|chauffeur|cadre|"
    rf"[ée]tudiante?|ch[ôo]meur|ch[ôo]meuse|demandeu(?:r|se)\s+d.emploi|salari[ée]e?|int[ée]rimaire|"
    rf"profession|c[ée]libataire|mari[ée]e?|pacs[ée]e?|en\s+instance)\b|\n|\s[-—]\s|\s(?={CIV}\s)|"
    # the next label of a table ("Locataire(s)  Jean MARTIN  Adresse du logement …")
    rf"\s(?-i:Adresse|ADRESSE|Logement|Domicile|Bailleur|Juridiction|Audience|Commissaire|T[ée]l[ée]phone|T[ée]l\b))"
)
_NAME_TOKEN = pattern_store.compile(
    r"^(?:[A-ZÀ-ÖØ-Ý][A-Za-zÀ-ÖØ-öø-ÿ'\-]*|d'[A-ZÀ-Ý][\w'\-]*|"
    r"(?:de|du|des|d'|le|la|les|van|von|der|den|da|di|del|dos|ben|el|al|ould|bin))\.?$"
)


def find_persons(text: str, data: dict) -> tuple[list[Personne], int | None, bool]:
    """The défendeurs / household adults, the offset where their block ends, and whether
    the reading is doubtful.

    Every anchor of the rule file ([personnes] debut) gives a candidate list (its first
    block that names somebody). The fullest list wins (civilities, first names, birth
    dates), the earlier anchor on a tie. The reading is doubtful when a candidate was
    dropped as not being a name, or when another list names somebody the chosen one does
    not (two places of the document disagree).
    """
    conf = data.get("personnes", {})
    starts = [compile_pattern(p) for p in conf.get("debut", [])]
    ends = [compile_pattern(p) for p in conf.get("fin", [])]
    candidates = []
    for rank, rx in enumerate(starts):
        for m in rx.finditer(text):
            segment = text[m.end() : m.end() + 900]
            cut = len(segment)
            for e in ends:
                em = e.search(segment, 3)
                if em and em.start() < cut:
                    cut = em.start()
            persons, dropped = _parse(segment[:cut], segment)
            if persons:
                more, cut, dropped2 = _next_entries(text, m.end() + cut, ends)
                persons, cut = _dedupe(persons + more), cut - m.end()
                dropped = dropped or dropped2
                candidates.append((_fullness(persons), -rank, persons, m.end() + cut, dropped))
                break
    labelled, labelled_end = _labelled(text, conf)
    if labelled:
        candidates.append((_fullness(labelled), 1, labelled, labelled_end, False))
    if not candidates:
        return [], None, True
    best = max(candidates, key=lambda c: (c[0], c[1]))
    names = {french.fold(p.nom) for p in best[2]}
    disagree = any({french.fold(p.nom) for p in c[2]} - names for c in candidates)
    return best[2], best[3], best[4] or disagree


_NAME_LABEL_LINE = re.compile(r"^[ \t]*(?:\d{1,2}\s*[.)/°-]\s*)?nom\b", re.IGNORECASE)


def _labelled(text: str, conf: dict) -> tuple[list[Personne], int | None]:
    """Persons written on labelled lines ("Nom du locataire : BOUCHER" then "Prénom :
    Mélissa", maybe "Date de naissance : …" and "Civilité : Mme" around); the offset where
    the last one ends. A name line without its first-name line just after is not taken."""
    if not conf.get("libelle_nom") or not conf.get("libelle_prenom"):
        return [], None
    nom_rx = compile_pattern(conf["libelle_nom"])
    prenom_rx = compile_pattern(conf["libelle_prenom"])
    birth_rx = compile_pattern(conf["libelle_naissance"]) if conf.get("libelle_naissance") else None
    civ_rx = compile_pattern(conf["libelle_civilite"]) if conf.get("libelle_civilite") else None
    people, end = [], None
    for m in nom_rx.finditer(text):
        nom = m.group("v").strip(" .;,")
        following = []
        for line in text[m.end() :].split("\n", 4)[1:4]:
            if _NAME_LABEL_LINE.match(line):
                break  # the next person's name: what follows is theirs
            following.append(line)
        prenom = next((p for p in (prenom_rx.match(line) for line in following[:2]) if p), None)
        if prenom is None or not _is_name(nom) or not _is_name(prenom.group("v").strip(" .;,")):
            continue
        around = text[max(0, m.start() - 80) : m.end()].split("\n")[-2:] + following
        births = [b for b in (birth_rx.match(line) for line in following) if b] if birth_rx else []
        civs = [c for c in (civ_rx.match(line) for line in around) if c] if civ_rx else []
        people.append(
            Personne(
                nom=nom.upper() if nom.isupper() or len(nom.split()) == 1 else nom,
                prenom=french.prenom_case(prenom.group("v").strip(" .;,")),
                civilite=french.normalize_civilite(civs[0].group("v")) if civs else None,
                date_naissance=french.parse_date(births[0].group("v")) if births else None,
            )
        )
        end = m.end() + sum(len(line) + 1 for line in following)
    return _dedupe(people), end


# the next entry of a list whose every person has their own "demeurant …" line: a new line
# (after at most two lines of the previous entry's address) that opens with a civility,
# alone on its line or before the name
_NEXT_ENTRY = re.compile(
    rf"[^\n]*\n(?:[^\n]*\n)??[ \t]*(?:{_MARKER}\s*)?(?=(?-i:{CIV}|MONSIEUR|MADAME|MADEMOISELLE)"
    rf"(?:\s|$))"
)


# the heading of another party's block ("DEMANDEUR :", "À LA REQUÊTE DE") ends the list
_PARTY_HEADING = re.compile(
    r"(?m)^[ \t]*(?:DEMANDEU?R(?:ESSE)?S?|DEMANDEUR\(S\)|REQU[ÉE]RANTE?S?|BAILLEU?R(?:ESSE)?S?|"
    r"[ÀA]\s+LA\s+(?:REQU[ÊE]TE|DEMANDE))\b"
)


def _next_entries(text: str, at: int, ends: list) -> tuple[list[Personne], int, bool]:
    """Persons listed after the end found at `at` when the list goes on with one entry per
    person (DÉFENDEURS / Madame / X, demeurant … / Monsieur / Y, demeurant …); the offset
    where the last entry ends, and whether something there was dropped."""
    people, dropped = [], False
    for _ in range(6):
        m = _NEXT_ENTRY.match(text, at)
        if (
            not m
            or "\n\n" in text[at : m.end()].replace(" ", "")
            or _PARTY_HEADING.search(text, at, m.end())
        ):
            break
        segment = text[m.end() : m.end() + 600]
        cut = len(segment)
        for e in ends:
            em = e.search(segment, 3)
            if em and em.start() < cut:
                cut = em.start()
        found, lost = _parse(segment[:cut], segment)
        if not found:
            break
        people += found
        dropped = dropped or lost
        at = m.end() + cut
    return people, at, dropped


def _fullness(persons: list[Personne]) -> float:
    return sum(
        1 + 0.5 * bool(p.civilite) + 0.5 * bool(p.prenom) + bool(p.date_naissance) for p in persons
    )


def parse_persons(block: str, context: str | None = None) -> list[Personne]:
    """Every adult named in `block`; birth dates looked for in `context` (defaults to block)."""
    return _parse(block, context)[0]


def _parse(block: str, context: str | None = None) -> tuple[list[Personne], bool]:
    context = context if context is not None else block
    flat = re.sub(r"\s+", " ", french.join_hyphen_breaks(french.normalize_text(block)))
    # "Consorts MARTIN :" introduces a list; the word itself is not a person
    flat = re.sub(r"\b(?:les\s+)?consorts\s+[A-ZÀ-Ý'\-]+\s*:?", " ", flat, flags=re.IGNORECASE)
    singles, dropped = _singles(flat)
    if len(singles) >= 2:
        return singles, dropped
    couple = _couple(flat, context)
    if couple:
        return couple, dropped
    if not singles:
        listed, dropped2 = _listed_without_civility(flat)
        return listed, dropped or dropped2
    return singles, dropped


def _couple(flat: str, context: str) -> list[Personne]:
    m = re.search(
        r"(?:(?:les\s+)?[ée]poux|(?:Monsieur|M\.?|Mr\.?)\s+et\s+(?:Madame|Mme\.?)"
        r"|(?P<elle>(?:Madame|Mme\.?)\s+et\s+(?:Monsieur|M\.|Mr\.?)))\s+(?P<n>[^,;()]+)",
        flat,
        re.IGNORECASE,
    )
    if not m or re.search(rf"{CIV}\s+\S+.*\bet\s+{CIV}", flat[: m.start()]):
        return []
    raw = _STOP_NAME.split(m.group("n"))[0]
    nom, prenom = _surname_before_first_names(raw) or french.split_name(raw)
    if not nom or _NOT_A_NAME.match(raw) or not _is_name(nom):
        return []
    prenoms = [p.strip() for p in re.split(r"\s+et\s+|\s*&\s*", prenom or "") if p.strip()]
    births = [french.parse_date(b.group("d")) for b in _BIRTH.finditer(context)]
    both = _BORN_RESPECTIVELY.search(context)
    if both and len(births) < 2:
        # « nés respectivement le 03/05/1980 à Melun et le 04/06/1982 à Meaux »
        births = [french.parse_date(both.group("d1")), french.parse_date(both.group("d2"))]
    p1 = prenoms[0] if prenoms else None
    p2 = prenoms[1] if len(prenoms) > 1 else None
    # "Mme et M. N'DIAYE Aïssatou et Amadou": she is named first, her first name too
    civs = ("Mme", "M.") if m.group("elle") else ("M.", "Mme")
    return [
        Personne(
            nom=nom,
            prenom=french.prenom_case(p1) if p1 else None,
            civilite=civs[0],
            date_naissance=births[0] if births else None,
        ),
        Personne(
            nom=nom,
            prenom=french.prenom_case(p2) if p2 else None,
            civilite=civs[1],
            date_naissance=births[1] if len(births) > 1 else None,
        ),
    ]


def _surname_before_first_names(raw: str) -> tuple[str, str] | None:
    """'Pereira Antonio et Lucia': the two words joined by « et » are the first names, so the
    surname is before them, even in small letters (split_name takes the last word)."""
    m = re.fullmatch(
        r"(?P<nom>\S+(?:\s+\S+)?)\s+(?P<p1>[A-ZÀ-Ý][\w\-]+)\s+(?:et|&)\s+(?P<p2>[A-ZÀ-Ý][\w\-]+)",
        raw.strip(),
    )
    if not m or any(w.isupper() and len(w) > 1 for w in raw.split()):
        return None  # a surname in capitals says itself which word it is
    return m.group("nom"), f"{m.group('p1')} et {m.group('p2')}"


def _singles(flat: str) -> tuple[list[Personne], bool]:
    people: list[Personne] = []
    dropped = False
    civs = list(re.finditer(rf"(?<![\w.])(?P<c>{CIV})\s+(?!(?i:et)\s)", flat))
    for i, m in enumerate(civs):
        end = civs[i + 1].start() if i + 1 < len(civs) else len(flat)
        if _OTHER_PARTY.match(flat, m.end()):
            continue  # the landlord, the officer or a lawyer named in the same sentence
        person = _person(flat[m.end() : end], french.normalize_civilite(m.group("c")))
        if person is None:
            dropped = dropped or _worth_flagging(flat[m.end() : end])
            continue
        people.append(person)
    return _dedupe(people), dropped


# a person named, then said to be the landlord, the agent, the officer or a lawyer
_OTHER_PARTY = pattern_store.compile(
    # "\bné(e) le\b": not the end of "ChristiNE LEfebvre"
    # (a role said of another person named between, "par la SELARL X (Me Y, commissaire",
    # is that person's)
    r"(?:(?!locataire|demeurant|domicili|occupant|\bn[ée]e?\s+le\b|\bMe\s|\bMa[iî]tre\b|"
    r"\bpar\s+(?:la|le|l.)\s*(?:SCP|SELARL|SELAS|SAS|soci[ée]t[ée]|[ée]tude)\b)[^.;]){0,60}?,?\s*"
    r"(?:(?:son|sa|leur|le|la|en\s+sa\s+qualit[ée]\s+de)\s+)?(?:propri[ée]taire|bailleu?r|bailleresse|"
    r"mandataire|g[ée]rante?|commissaire|huissier|avocate?|repr[ée]sentant)\b"
    r"|(?:(?!locataire|demeurant|domicili|occupant)[^.;]){0,80}?\ba\s+fait\s+(?:d[ée]livrer|assigner|signifier)",
    re.IGNORECASE,
)


def _listed_without_civility(flat: str) -> tuple[list[Personne], bool]:
    """ "1/ Jean MARTIN, né le …  2/ Marie MARTIN …" with no civility at all."""
    marks = list(re.finditer(rf"{_MARKER}|^|;", flat))
    people, dropped = [], False
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(flat)
        person = _person(flat[m.end() : end], None)
        # without a civility only "Prénom NOM" is taken as a person (a list of claims
        # "- CONSTATER …, - ORDONNER …" is not)
        if person is not None and not (
            person.prenom and person.prenom[:1].isupper() and person.nom and person.nom.isupper()
        ):
            person = None
        if person is None:
            dropped = dropped or _worth_flagging(flat[m.end() : end])
        else:
            people.append(person)
    return _dedupe(people), dropped


# "MARTIN, Laura (née GIRARD)", "LE GALL, Jean-Pierre, Yves": the surname in capitals, a
# comma, then the first name(s) in title case (how some acts write the civil-status name)
_NOM_VIRGULE_PRENOM = re.compile(
    r"^(?P<nom>(?:[A-ZÀ-Ý][A-ZÀ-Ý'\-]+|D'[A-ZÀ-Ý'\-]+)(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'\-]+)*)\s*,\s*"
    r"(?P<prenom>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w'])"
)
# a title-case word after "NOM," that is an occupation or a role, not a first name
_NOT_A_FIRST_NAME = pattern_store.compile(
    r"^(?:employ|ouvri|agent|aide|auxiliaire|assistant|chauffeur|cadre|[ée]tudiant|ch[ôo]meu|"
    r"demandeu|salari|int[ée]rim|retrait|sans|profession|c[ée]libataire|mari[ée]|pacs|veu[fv]|"
    r"divorc|technicien|infirmi|vendeu|gardien|ma[çc]on|cariste|artisan|commer[çc]ant|g[ée]rant)",
    re.IGNORECASE,
)


def _person(after: str, civilite: str | None) -> Personne | None:
    after = after.strip()
    comma = _NOM_VIRGULE_PRENOM.match(after)
    if (
        comma
        and not _NOT_A_FIRST_NAME.match(comma.group("prenom"))
        and not _NOT_NAME_WORDS.search(comma.group("prenom"))
    ):
        # "MARTIN, Laura" is "MARTIN Laura": the capitals still mark the surname
        after = f"{comma.group('nom')} {comma.group('prenom')}{after[comma.end() :]}"
    raw = _STOP_NAME.split(after, maxsplit=1)[0].strip()
    raw = re.sub(rf"\s+(?:et|&)$|\s+{_MARKER}\s*$", "", raw).strip(" -–•*,;:")
    raw = french.strip_marital(raw)
    # an occupation or a sentence after the name: cut at the first lower-case word that is
    # not a particle
    tokens = raw.split()
    for k, tok in enumerate(tokens):
        if (
            k
            and tok[:1].islower()
            and tok not in french.NAME_PARTICLES
            and not tok.startswith("d'")
        ):
            raw = " ".join(tokens[:k])
            break
    raw = re.sub(
        r"(?:\s+(?:de|du|des|d'|le|la|les|van|von|der|den|da|di|del|dos|ben|el|al))+$", "", raw
    )
    if not raw or _NOT_A_NAME.match(raw) or len(raw.split()) > 6:
        return None
    nom, prenom = french.split_name(raw)
    if not nom or not re.search(r"[A-Za-zÀ-ÿ]{2}", nom) or not _is_name(raw):
        return None
    birth = _BIRTH.search(after)
    return Personne(
        nom=nom,
        prenom=french.prenom_case(prenom) if prenom else None,
        civilite=civilite,
        date_naissance=french.parse_date(birth.group("d")) if birth else None,
    )


def _is_name(raw: str) -> bool:
    """A personal name: capitalised tokens (or particles), no word of the act's wording."""
    if _NOT_NAME_WORDS.search(raw):
        return False
    return all(_NAME_TOKEN.match(t) for t in raw.split())


def _worth_flagging(fragment: str) -> bool:
    """A dropped candidate matters when it had capitals that could have been a name."""
    return bool(re.search(r"[A-ZÀ-Ý]{2,}", fragment[:60]))


def _dedupe(people: list[Personne]) -> list[Personne]:
    out: list[Personne] = []
    for p in people:
        same = next((q for q in out if _same_person(q, p)), None)
        if same is None:
            out.append(p)
        elif same.date_naissance is None:
            same.date_naissance = p.date_naissance
    return out


def _same_person(q: Personne, p: Personne) -> bool:
    """Is `p`, read after `q`, the same person named again?"""
    if q.date_naissance and p.date_naissance and q.date_naissance != p.date_naissance:
        return False  # same name, two birth dates: a mother and her daughter
    if french.fold(q.nom) == french.fold(p.nom):
        if (q.prenom or "").lower() == (p.prenom or "").lower():
            return True
        # named again further on by civility and surname alone (« M. LAMBERT a sollicité
        # l'aide juridictionnelle »)
        return (
            bool(not p.prenom and not p.date_naissance and q.prenom and q.civilite == p.civilite)
            and q.civilite is not None
        )
    # (« M. BEN SALEM a sollicité … » split as « Ben » « SALEM »)
    return bool(
        p.prenom
        and not p.date_naissance
        and q.civilite is not None
        and q.civilite == p.civilite
        and french.fold(f"{p.prenom} {p.nom}") == french.fold(q.nom)
    )
