"""The prescriber (the social worker) and their organisation."""

from __future__ import annotations

import re

from ... import french, pattern_store
from .structure import ORG_WORDS, Pair, heading, label_key

# ---------------------------------------------------------------------- prescripteur

JOB = pattern_store.compile(
    r"assistant|conseill|travailleu|[ée]ducat|CESF|r[ée]f[ée]rent|charg[ée]|responsable|"
    r"coordinat|intervenant|agent|animat|directeu|infirmi|m[ée]diat|secr[ée]tai",
    re.IGNORECASE,
)


_SIGNATURE = pattern_store.compile(
    r"(?:(?:^|[,;]\s*)(?:(?:l[ea]|l['’])\s*)?(?:travailleu|assistant|conseill|CESF|r[ée]f[ée]rent|"
    r"[ée]ducat|intervenant|charg[ée])[^:\n|]{0,70}:"
    # « Le travailleur social, Claire BERNARD, CESF »: the role opening its line, then a comma
    # (not « …, assistante sociale, CCAS de X » closing a sentence)
    r"|^\s*(?:l[ea]\s+)?(?:travailleu(?:r|se)|r[ée]f[ée]rente?)(?:\s+social[e]?)?\s*,)"
    r"\s*(?P<v>[^\n|]+)$",
    re.IGNORECASE | re.MULTILINE,
)


def read_prescripteur(
    pairs: list[Pair], lines, sections, ex, uncertain: set[str], tables=None, libelles=None
) -> None:
    name = org = None
    nom = prenom = None
    sec_nom = sec_prenom = None
    name_line = None
    for p in pairs:
        if p.key == "prescripteur" and p.value and not name:
            name, org = split_person_org(p.value)
            name_line = p.line
            if name and _caps_order_unknown(p.value):
                uncertain.add("prescripteur")
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
                raw = _no_civ(re.split(r"\s*,\s*", p.value)[0])
                n, pr = french.split_name(raw, order="nom_prenom")
                if raw == raw.upper() and len((pr or "").split()) > 1:
                    # "BEN SALEM OCÉANE": all in capitals, where the surname ends is a guess
                    uncertain.add("prescripteur")
                name = f"{french.prenom_case(pr)} {n}" if pr else n
    nom, prenom = nom or sec_nom, prenom or sec_prenom
    if not name and nom:
        if prenom:
            name = f"{french.prenom_case(_no_civ(prenom))} {_no_civ(nom)}"
        else:
            n, pr = french.split_name(_no_civ(nom), order="nom_prenom")
            name = f"{french.prenom_case(pr)} {n}" if pr else n
    if name and not plausible_name(name):
        name = None
    signed_org = None
    stamp = stamp_columns(tables, libelles) if libelles else {}
    if not name and stamp.get("prescripteur"):
        # « Cachet du service | Nom et qualité du signataire » over the values: the grid
        # closing the form names the signer under its own header
        cand, stamp_org = split_person_org(stamp["prescripteur"])
        if cand and plausible_name(cand):
            name, signed_org = cand, stamp_org
    stamp_left = None
    if not name:
        name, stamp_left = _signer_under_header(lines)
    if not name:
        # "Le travailleur social (…)" heading, then "Marie DURAND, assistante sociale": a line of
        # the prescriber's block without a label, a name then a job
        for i, line in enumerate(lines):
            if sections[i] != "prescripteur" or ":" in line or " | " in line or heading(line):
                continue
            parts = [x.strip() for x in re.split(r"\s*,\s*|\s+[-–]\s+", line) if x.strip()]
            if parts and _CIV_INSIDE.search(parts[0]):
                continue  # "Maison départementale M. Karim BENALI": two cells read across
            if len(parts) >= 2 and any(JOB.match(x) for x in parts[1:]):
                cand, _ = split_person_org(line)
                if cand and plausible_name(cand):
                    name = cand
                    break
    if not name:
        # "Le travailleur social : Claire BERNARD, CCAS de Cognac" in the signature block
        # (not the landlord's own adviser in the part the landlord fills)
        text = "\n".join(l if sections[i] != "bailleur" else "" for i, l in enumerate(lines))
        for m in reversed(list(_SIGNATURE.finditer(text))):
            name, signed_org = split_person_org(m.group("v"))
            if name and plausible_name(name):
                break
            name = signed_org = None
    for p in pairs:
        if (
            p.key == "organisme"
            and p.value
            and not people_only(p.value)
            and (p.section == "prescripteur" or "prescri" in french.fold(p.label))
        ):
            org = org or org_name(p.value)
    if not org:
        for p in pairs:
            if (
                p.key == "organisme"
                and p.value
                and p.section != "bailleur"
                and not people_only(p.value)
            ):
                org = org_name(p.value)
                break
    if not org and stamp.get("organisme"):
        org = org_name(stamp["organisme"])
    if not org and stamp_left:
        # the service's cell read on the same scanned line as the signer's: its first part,
        # a guess for a person to confirm (the rest of the cell wraps to the next lines)
        org = org_name(re.split(r"\s+[-–—]\s+", stamp_left)[0])
        uncertain.add("organisme_prescripteur")
    if not org:
        org = _service_line(lines, sections, name)
    if not org and name and name_line is not None:
        org = _service_beside(lines, name_line)
    if org and signed_org and french.fold(org) != french.fold(signed_org):
        uncertain.add("organisme_prescripteur")
    org = org or signed_org
    if not name or len(name.split()) < 2:
        uncertain.add("prescripteur")  # none found, or a surname alone: every form has one
    if not org:
        uncertain.add("organisme_prescripteur")
    ex.prescripteur = name
    ex.organisme_prescripteur = org


_STAMP_KEYS = ("prescripteur", "organisme", "nom_prenom")


def stamp_columns(tables, libelles) -> dict[str, str]:
    """A grid whose first row is only labels, the prescriber's among them (« Cachet du
    service | Nom et qualité du signataire »), the values under them: each label's value is
    the first filled cell of its column (a cell's wrapped lines joined)."""
    out: dict[str, str] = {}
    for table in tables or []:
        if len(table) < 2 or not table[0]:
            continue
        head = [(c or "").strip() for c in table[0]]
        keys = [label_key(c, libelles) if c else None for c in head]
        filled = [k for c, k in zip(head, keys, strict=False) if c]
        if len(filled) < 2 or None in filled:
            continue
        if not {"prescripteur", "organisme"} & set(filled):
            continue
        for j, key in enumerate(keys):
            if key not in _STAMP_KEYS:
                continue
            key = "prescripteur" if key == "nom_prenom" else key
            for row in table[1:]:
                cell = re.sub(r"\s+", " ", (row[j] if j < len(row) else "") or "").strip()
                if cell:
                    out.setdefault(key, cell)
                    break
    return out


_CIV_INSIDE = pattern_store.compile(rf"\S\s+(?:{french.CIVILITE_RE})\s+[A-ZÀ-Ý]")
_SIGNER_HEADER = pattern_store.compile(r"\bsignataire\b|\bcachet\b", re.IGNORECASE)
_CIV_PERSON_JOB = pattern_store.compile(
    rf"(?:^|\s)(?:{french.CIVILITE_RE})\s+(?P<v>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){{1,3}})"
    r"\s*,\s*(?P<job>[^,\n]{3,40})"
)


def _signer_under_header(lines) -> tuple[str | None, str | None]:
    """A scan of « Cachet du service   Nom et qualité du signataire » reads both cells on one
    line: the signer is the 'Mme Prénom NOM, assistante sociale' of the lines just under that
    header, a civility, a name, then a job; what stands before it on that line is the start
    of the other cell (the service, when the header names a stamp)."""
    for i, line in enumerate(lines):
        if not _SIGNER_HEADER.search(line) or ":" in line:
            continue
        for nxt in lines[i + 1 : i + 4]:
            m = _CIV_PERSON_JOB.search(nxt)
            if m and JOB.match(m.group("job").strip()):
                cand, _ = split_person_org(m.group("v"))
                if cand and plausible_name(cand):
                    left = nxt[: m.start()].strip(" |")
                    stamp = re.search(r"\bcachet\b", line, re.IGNORECASE)
                    return cand, (left if stamp and _SERVICE_LINE.match(left) else None)
    return None, None


_SERVICE_LINE = pattern_store.compile(rf"^\s*(?:{ORG_WORDS})\b[^:|\d@]{{2,80}}$", re.IGNORECASE)


def _service_line(lines, sections, name: str | None) -> str | None:
    """'Chloé HAMIDI, CESF' then 'Maison départementale d'action sociale de Bourges' under
    the prescriber's heading: the service written on a line of its own, without a label."""
    for i, line in enumerate(lines):
        if sections[i] != "prescripteur" or heading(line):
            continue
        if name and french.fold(name.split()[-1]) in french.fold(line):
            continue
        if _SERVICE_LINE.match(line):
            return org_name(line.strip())
    return None


def _service_beside(lines, i: int) -> str | None:
    """'Espace Solidarité de Saverne' over 'Dossier suivi par Mme Sandrine LE GALL' (the
    instructing service's box at the top of a form, no heading): the service on the line
    just above or below the prescriber's own."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k].strip():
            k += step  # a scan puts blank lines between printed ones
        if 0 <= k < len(lines) and not heading(lines[k]) and _SERVICE_LINE.match(lines[k]):
            return org_name(lines[k].strip())
    return None


def plausible_name(name: str) -> bool:
    """A person's name, not a filler or a number read in its place ("néant", "23")."""
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+", name or "")
    return (
        bool(words)
        and not re.search(r"\d", name)
        and not re.fullmatch(r"(?:n[ée]ant|aucun[e]?|sans|non|inconnu[e]?)", name.strip(), re.I)
    )


_CIV_NAME = pattern_store.compile(
    rf"(?:{french.CIVILITE_RE})\.?\s+[A-ZÀ-Ý][A-ZÀ-Ý'’ -]*[A-ZÀ-Ý](?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+)?"
)


def people_only(value: str) -> bool:
    """'Mme KERBRAT – M. TANGUY': the agents a letterhead names under "Service social", people
    and not the service."""
    parts = [x.strip() for x in re.split(r"\s*(?:[,;/]|\s[-–—]+\s|\bet\b)\s*", value) if x.strip()]
    return bool(parts) and all(_CIV_NAME.fullmatch(x) for x in parts)


def org_name(value: str) -> str | None:
    """'MDSI de Blaye, 8 allée des Tilleuls, 33390 Blaye' → 'MDSI de Blaye': a service's
    address given with its name is not part of the name; its long name printed beside its
    acronym is not either ('CCAS de Grasse – Centre communal d'action sociale')."""
    head = re.split(r"\s*,\s*(?=\d)|\s+[-–—]\s+(?=\d)", value or "")[0]
    # a Word cell « CCAS de Tours⏎3 rue Jules Simon⏎37000 Tours » comes back on one line
    head = _ADDRESS_AFTER.split(head)[0]
    name = _texte(head)
    return short_service_name(name) if name else None


_ADDRESS_AFTER = pattern_store.compile(
    r"\s+(?=\d{1,4}\s*(?:bis|ter)?\s*,?\s+(?:rue|av(?:enue|\.)?|bd|boulevard|place|pl\.|all[ée]e|"
    r"chemin|impasse|quai|route|cours|square|r[ée]sidence|cit[ée]|esplanade|parvis|passage|"
    r"mail|promenade|rond-point|voie)\b)|\s+(?=(?:BP|CS)\s*\d)|\s+(?=\d{5}\s+[A-ZÀ-Ý])"
    # its ways to be reached: « MDS de Surgères - Tél. 05 46 … », « (tél : …) », a mail
    r"|\s*[-–—(,;/]?\s*(?=(?:t[ée]l[ée]?(?:phone)?|fax|t[ée]l[ée]copie|courriel|m[ée]l|e-?mail|"
    r"portable|☎)\b\.?\s*:?\s*[\d+(]|[\w.+-]+@[\w-]+\.\w|0\d(?:[ .]?\d{2}){4}\b)",
    re.IGNORECASE,
)

_SMALL_WORDS = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "pour", "au", "aux"}
_ACRONYM = r"[A-ZÉ][A-ZÉ0-9]{1,6}"
_TOWN = r"(?P<prep>de|d['’]|du)\s*(?P<town>[A-ZÀ-Ý][^()–—,;]{1,60}?)"
# "SIGLE de Ville – long name", "SIGLE – long name de Ville", "long name (SIGLE) de Ville",
# "long name de Ville (SIGLE)"
_SERVICE_FORMS = [
    pattern_store.compile(rf"^(?P<acr>{_ACRONYM})\s+{_TOWN}\s+[-–—]\s+(?P<long>[^()]+)$"),
    pattern_store.compile(rf"^(?P<acr>{_ACRONYM})\s*[-–—:]\s*(?P<long>.+?)\s+{_TOWN}$"),
    pattern_store.compile(rf"^(?P<long>[^()]+?)\s*\((?P<acr>{_ACRONYM})\)\s*{_TOWN}$"),
    pattern_store.compile(rf"^(?P<long>[^()]+?)\s+{_TOWN}\s*\((?P<acr>{_ACRONYM})\)$"),
]


def short_service_name(name: str) -> str:
    """A service printed with its acronym AND its long name ('Maison des solidarités
    départementales (MSD) de Cannes', 'EDAS – Espace départemental d'actions sociales de
    Nanterre') is filed under its short name, as staff write it ('MSD de Cannes'); only when
    the acronym's letters are the long name's initials (else the text is left as printed)."""
    for rx in _SERVICE_FORMS:
        m = rx.match(name.strip())
        if m and _initials_fit(m.group("acr"), m.group("long")):
            prep = m.group("prep").replace("’", "'")
            sep = "" if prep == "d'" else " "
            return f"{m.group('acr')} {prep}{sep}{m.group('town').strip()}"
    return name


def _initials_fit(acronym: str, long_name: str) -> bool:
    """'MDSF' and 'Maison départementale des solidarités et de la famille': the acronym's
    letters, in order, are initials of the long name's words (small words may be skipped)."""
    words = [
        w for w in re.split(r"[\s'’-]+", french.fold(long_name)) if w and w not in _SMALL_WORDS
    ]
    if len(words) < 2:
        return False
    letters = french.fold(acronym)
    k = 0
    for w in words:
        if k < len(letters) and w[0] == letters[k]:
            k += 1
    return k == len(letters) and len(letters) >= max(2, len(words) - 1)


def _no_civ(value: str) -> str:
    return re.sub(rf"^\s*(?:{french.CIVILITE_RE})\s+", "", value or "").strip()


def split_person_org(value: str) -> tuple[str | None, str | None]:
    """'Mme Nadia HAMIDI, assistante sociale - MDS de X - 03 25…' → ('Nadia HAMIDI', 'MDS de X')."""
    parts = [s.strip() for s in re.split(r"\s*,\s*|\s+[-–]\s+", value) if s.strip()]
    if not parts:
        return None, None
    raw = re.sub(rf"^(?:{french.CIVILITE_RE})\s+", "", parts[0])
    raw = re.sub(r"\s*\([^)]*\)", "", raw).strip()  # "Olivier FAVRE (éducateur)"
    # « Mme Claire DUPONT⏎Conseillère ESF » (a Word cell on one line): the job glued after
    # the name, written in small letters, is not part of it
    glued = _JOB_GLUED.search(raw)
    if glued and glued.start() > 0:
        raw = raw[: glued.start()].strip()
    # a name all in capitals: the administrative order, surname first ("HOFFMANN CLAIRE")
    order = "nom_prenom" if raw == raw.upper() else "auto"
    nom, prenom = french.split_name(raw, order=order)
    name = f"{french.prenom_case(prenom)} {nom}" if prenom else nom
    org = None
    for part in parts[1:]:
        if JOB.match(part) or re.search(
            r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|@|^t[ée]l", part, re.IGNORECASE
        ):
            continue
        org = part
        break
    return name, org


_JOB_GLUED = pattern_store.compile(
    r"\s+(?=(?:assistant|conseill|travailleu|[ée]ducat|r[ée]f[ée]rent|charg[ée]|responsable|"
    r"coordinat|intervenant|m[ée]diat|secr[ée]tai|animat)[a-zà-ÿ]*\b)",
    re.IGNORECASE,
)


def _caps_order_unknown(value: str) -> bool:
    """'MME HOFFMANN CLAIRE, ASSISTANTE SOCIALE': a name in capitals under a label that does
    not say which word is the surname."""
    raw = re.sub(r"\s*\([^)]*\)", "", _no_civ(re.split(r"\s*[,;]\s*|\s+[-–]\s+", value)[0]))
    words = re.findall(r"[A-Za-zÀ-ÿ'’-]+", raw)
    return len(words) >= 2 and raw == raw.upper()


def _texte(s: str) -> str | None:
    s = re.sub(r"\s+", " ", s).strip(" ,;.:-")
    return s or None
