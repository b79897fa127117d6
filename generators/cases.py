"""Check boxes of the drafts as Word content controls (w14:checkbox), clickable in Word and
LibreOffice, instead of typed ☐ / ☒ characters.

A rendered draft holds each box as a run of its own whose text is ☐ or ☒ (the templates
write boxes that way, see templates/build_templates.py). `en_cases_a_cocher` wraps each such
run in a content control, ticked when the glyph is ☒. The control's tag says what the box
stands for, so that a final version can be read back:
- `champ=valeur` for a box of a register's closed list (`context.Case` marks it with the
  invisible MARQUE_CASE characters around `champ=valeur`, just before the glyph);
- `rubrique-<n>` for any other box under the numbered heading « n. … » of a DSF.
`cases_du_document` lists every box (tag, heading, ticked or not) in the document's order.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
COCHEE, VIDE = "☒", "☐"
GLYPHES = {COCHEE: True, VIDE: False, "☑": True, "✓": True, "✔": True}
POLICE_CASES = "Segoe UI Symbol"
MARQUE_CASE = "\u2065"  # invisible, around `champ=valeur` before a box's glyph
_MARQUEE = re.compile(f"^{MARQUE_CASE}([^{MARQUE_CASE}]*){MARQUE_CASE}")
_TITRE_NUMEROTE = re.compile(r"^\s*(\d{1,2})\.\s")


def w14(nom: str) -> str:
    return f"{{{W14}}}{nom}"


@dataclass(frozen=True)
class CaseLue:
    tag: str  # "champ=valeur", "rubrique-9" or "" (a box a person added)
    rubrique: int | None  # number of the DSF heading the box sits under
    cochee: bool
    libelle: str  # the text of the box's paragraph or table row, for messages
    sdt: object = field(default=None, compare=False, repr=False)  # the content control


def en_cases_a_cocher(element) -> int:
    """Wrap every ☐ / ☒ run of a part in a check-box content control; return how many."""
    n = 0
    rubrique = None
    for p in list(element.iter(qn("w:p"))):
        numero = _numero_de_titre(p)
        if numero is not None:
            rubrique = numero
        for r in list(p.iter(qn("w:r"))):
            if _dans_sdt(r):
                continue
            textes = r.findall(qn("w:t"))
            if len(textes) != 1:
                continue
            t = textes[0]
            texte = t.text or ""
            tag = ""
            m = _MARQUEE.match(texte)
            if m:
                tag, texte = m.group(1), texte[m.end() :]
            if texte not in (COCHEE, VIDE):
                if m:
                    t.text = texte  # never leave the invisible mark in the text
                continue
            t.text = texte
            if not tag and rubrique is not None:
                tag = f"rubrique-{rubrique}"
            _envelopper(r, texte == COCHEE, tag)
            n += 1
    return n


def _numero_de_titre(p) -> int | None:
    """n for a « n. … » heading paragraph (a Heading style), else None."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is None or not (style.get(qn("w:val")) or "").lower().startswith("heading"):
        return None
    m = _TITRE_NUMEROTE.match("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return int(m.group(1)) if m else None


def _dans_sdt(r) -> bool:
    return any(a.tag == qn("w:sdt") for a in r.iterancestors())


def _envelopper(r, cochee: bool, tag: str) -> None:
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    rpr = r.find(qn("w:rPr"))
    if rpr is not None:
        pr.append(copy.deepcopy(rpr))
    if tag:
        e = OxmlElement("w:tag")
        e.set(qn("w:val"), tag)
        pr.append(e)
    boite = _w14("checkbox")
    etat = _w14("checked")
    etat.set(w14("val"), "1" if cochee else "0")
    boite.append(etat)
    for nom, code in (("checkedState", "2612"), ("uncheckedState", "2610")):
        e = _w14(nom)
        e.set(w14("val"), code)
        e.set(w14("font"), POLICE_CASES)
        boite.append(e)
    pr.append(boite)
    sdt.append(pr)
    contenu = OxmlElement("w:sdtContent")
    sdt.append(contenu)
    r.addprevious(sdt)
    contenu.append(r)


def _w14(nom: str):
    return etree.Element(w14(nom), nsmap={"w14": W14})


def est_cochee(sdt) -> bool:
    """A box's state: the control's own when it has one, else its glyph."""
    etat = sdt.find(f"{qn('w:sdtPr')}/{w14('checkbox')}/{w14('checked')}")
    if etat is not None:
        return (etat.get(w14("val")) or "0").lower() in ("1", "true", "on")
    texte = "".join(t.text or "" for t in sdt.iter(qn("w:t"))).strip()
    return GLYPHES.get(texte, False)


def cocher(sdt, cochee: bool = True) -> None:
    """Tick (or untick) a box as Word does: its state and its glyph."""
    etat = sdt.find(f"{qn('w:sdtPr')}/{w14('checkbox')}/{w14('checked')}")
    if etat is not None:
        etat.set(w14("val"), "1" if cochee else "0")
    for t in sdt.iter(qn("w:t")):
        if t.text and t.text.strip() in GLYPHES:
            t.text = COCHEE if cochee else VIDE


def aligner_sur_glyphes(element) -> None:
    """Each control's ticked state follows the glyph inside it: a final version keeps what
    the worker left, even when a tool other than Word changed only the glyph."""
    for sdt in element.iter(qn("w:sdt")):
        etat = sdt.find(f"{qn('w:sdtPr')}/{w14('checkbox')}/{w14('checked')}")
        if etat is None:
            continue
        texte = "".join(t.text or "" for t in sdt.iter(qn("w:t"))).strip()
        if texte in GLYPHES:
            etat.set(w14("val"), "1" if GLYPHES[texte] else "0")


def cases_du_document(element) -> list[CaseLue]:
    """Every check-box content control of a part, in order, with the heading it sits under."""
    out = []
    rubrique = None
    for e in element.iter(qn("w:p"), qn("w:sdt")):
        if e.tag == qn("w:p"):
            numero = _numero_de_titre(e)
            if numero is not None:
                rubrique = numero
            continue
        if e.find(f"{qn('w:sdtPr')}/{w14('checkbox')}") is None:
            continue
        tag_e = e.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        tag = tag_e.get(qn("w:val")) if tag_e is not None else ""
        m = re.fullmatch(r"rubrique-(\d+)", tag or "")
        numero = int(m.group(1)) if m else rubrique
        out.append(CaseLue(tag or "", numero, est_cochee(e), _libelle(e), e))
    return out


def _libelle(sdt) -> str:
    conteneur = next((a for a in sdt.iterancestors(qn("w:tr"), qn("w:p"))), None)
    if conteneur is None:
        return ""
    texte = "".join(t.text or "" for t in conteneur.iter(qn("w:t")))
    return re.sub(r"\s+", " ", texte.replace(COCHEE, "").replace(VIDE, "")).strip()


def choix_coches(element, champs) -> dict[str, str]:
    """The value ticked for each of `champs` (closed lists of the register), from the
    boxes' tags `champ=valeur`; a list with no box ticked gives nothing."""
    out: dict[str, str] = {}
    for case in cases_du_document(element):
        champ, _, valeur = case.tag.partition("=")
        if case.cochee and champ in champs and valeur:
            out.setdefault(champ, valeur)
    return out
