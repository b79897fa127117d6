"""Génère le corpus d'évaluation de l'extraction (fictif) et les extractions attendues.

    .venv/bin/python corpus/make_corpus.py

Écrit corpus/documents/ (tous les fichiers, scans compris) et corpus/attendu/<nom>.json au
format de shared/spec/extraction.md (+ complement_adresse, enfants, objectifs ;
champs_incertains toujours []). Utilisé par `asll evaluate corpus/documents` et
tests/test_evaluation.py.

Ce corpus est une mesure indépendante : ses rédactions (études, préfectures, formulaires)
sont volontairement différentes de celles de samples/, sur lesquelles l'extracteur a été mis
au point. Tout est inventé (personnes, études, rues, références) ; seules les communes et
codes postaux sont réels. Sortie déterministe (reportlab invariant, graines fixes, dates
fixes dans les archives Word et les images).
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # noqa: E402

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
ATTENDU = HERE / "attendu"
W, H = A4

KEYS = (
    "fichier",
    "type_document",
    "personnes",
    "adresse",
    "complement_adresse",
    "code_postal",
    "commune",
    "bailleur",
    "loyer_mensuel",
    "montant_dette",
    "date_dette",
    "juridiction",
    "date_audience",
    "heure_audience",
    "commissaire_justice",
    "reference",
    "date_document",
    "date_limite",
    "type_mesure",
    "prescripteur",
    "organisme_prescripteur",
    "composition",
    "nb_enfants",
    "enfants",
    "statut_occupation",
    "ressources",
    "objectifs",
    "champs_incertains",
)
LIST_KEYS = ("personnes", "enfants", "ressources", "objectifs", "champs_incertains")

# --------------------------------------------------------------------------- écritures

MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_U = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
_D = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _lt100(n: int) -> str:
    if n < 17:
        return _U[n]
    if n < 20:
        return "dix-" + _U[n - 10]
    d, u = divmod(n, 10)
    if d == 7:
        return "soixante et onze" if u == 1 else "soixante-" + _lt100(10 + u)
    if d == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + _U[u]
    if d == 9:
        return "quatre-vingt-" + _lt100(10 + u)
    if u == 0:
        return _D[d]
    return _D[d] + (" et un" if u == 1 else "-" + _U[u])


def _lt1000(n: int) -> str:
    c, r = divmod(n, 100)
    if c == 0:
        return _lt100(r)
    head = "cent" if c == 1 else _U[c] + " cent"
    if r == 0:
        return head + ("s" if c > 1 else "")
    return head + " " + _lt100(r)


def lettres(n: int) -> str:
    if n < 1000:
        return _lt1000(n)
    m, r = divmod(n, 1000)
    head = "mille" if m == 1 else _lt1000(m).removesuffix("s") + " mille"
    return head if r == 0 else head + " " + _lt1000(r)


def eur_lettres(x: float) -> str:
    """1234.56 -> 'MILLE DEUX CENT TRENTE-QUATRE EUROS ET CINQUANTE-SIX CENTIMES'"""
    e = int(round(x * 100)) // 100
    c = int(round(x * 100)) % 100
    s = lettres(e) + (" euro" if e < 2 else " euros")
    if c:
        s += " et " + lettres(c) + " centime" + ("s" if c > 1 else "")
    return s.upper()


def m_point(x: float) -> str:  # 1.234,56
    return f"{x:,.2f}".replace(",", "#").replace(".", ",").replace("#", ".")


def m_espace(x: float, nbsp=False) -> str:  # 1 234,56
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s.replace(" ", "\u00a0") if nbsp else s


def m_entier(x: float) -> str:  # 1 234 (montant rond)
    if abs(x - round(x)) > 1e-9:
        return m_espace(x)
    return f"{int(round(x)):,}".replace(",", " ")


def d_long(d: date, jour=False) -> str:
    j = "1er" if d.day == 1 else str(d.day)
    s = f"{j} {MOIS[d.month - 1]} {d.year}"
    return f"{JOURS[d.weekday()]} {s}" if jour else s


def d_num(d: date, sep="/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def d_lettres(d: date, jour=False) -> str:
    j = "premier" if d.day == 1 else lettres(d.day)
    s = f"{j} {MOIS[d.month - 1]} {lettres(d.year)}"
    return f"{JOURS[d.weekday()]} {s}" if jour else s


def h_lettres(h: str) -> str:
    hh, mi = (int(p) for p in h.split(":"))
    s = f"{lettres(hh)} heure" + ("s" if hh > 1 else "")
    if mi == 30:
        return s + " trente"
    return s + (f" {lettres(mi)}" if mi else "")


def iso(d):
    return d.isoformat() if isinstance(d, date) else d


def P(civ, nom, prenom, naissance=None) -> dict:
    return {"civilite": civ, "nom": nom, "prenom": prenom, "date_naissance": iso(naissance)}


def attendu(fichier: str, type_document: str, **kw) -> dict:
    out = {k: ([] if k in LIST_KEYS else None) for k in KEYS}
    out["fichier"] = fichier
    out["type_document"] = type_document
    for k, v in kw.items():
        assert k in KEYS, k
        out[k] = iso(v)
    return out


def ecrire_attendu(data: dict) -> None:
    ATTENDU.mkdir(parents=True, exist_ok=True)
    path = ATTENDU / (data["fichier"] + ".json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- rendu


def _styles(font="Helvetica", size=10.0):
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[
        font
    ]
    lead = size * 1.32
    return {
        "p": ParagraphStyle(
            "p",
            fontName=font,
            fontSize=size,
            leading=lead,
            alignment=TA_JUSTIFY,
            spaceAfter=size * 0.55,
        ),
        "l": ParagraphStyle("l", fontName=font, fontSize=size, leading=lead, alignment=TA_LEFT),
        "i": ParagraphStyle(
            "i", fontName=font, fontSize=size, leading=lead, leftIndent=12 * mm, spaceAfter=3
        ),
        "h": ParagraphStyle(
            "h",
            fontName=bold,
            fontSize=size + 1,
            leading=lead + 2,
            alignment=TA_CENTER,
            spaceBefore=5,
            spaceAfter=5,
        ),
        "t": ParagraphStyle(
            "t",
            fontName=bold,
            fontSize=size + 4,
            leading=size + 8,
            alignment=TA_CENTER,
            spaceAfter=6,
        ),
        "b": ParagraphStyle("b", fontName=bold, fontSize=size, leading=lead, spaceAfter=3),
        "r": ParagraphStyle("r", fontName=font, fontSize=size, leading=lead, alignment=TA_RIGHT),
        "s": ParagraphStyle("s", fontName=font, fontSize=size - 2, leading=(size - 2) * 1.3),
    }


def _esc(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def blocks_to_flow(blocks, S) -> list:
    """blocks: list of (kind, text) with kind in p l i h t b r s, 'br' (page break),
    'sp' (space), 'tab' (rows: list of lists), 'tabw' ((widths in mm, rows))."""
    out = []
    for kind, val in blocks:
        if kind == "br":
            out.append(PageBreak())
        elif kind == "sp":
            out.append(Spacer(1, val * mm))
        elif kind in ("tab", "tabw"):
            # "tabw": (column widths in mm, rows) for grids whose first column is narrow
            widths, rows = val if kind == "tabw" else (None, val)
            t = Table(
                [[Paragraph(_esc(str(c)), S["l"]) for c in r] for r in rows],
                hAlign="LEFT",
                colWidths=[w * mm for w in widths]
                if widths
                else [75 * mm] + [None] * (len(rows[0]) - 1),
            )
            t.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            out.append(t)
        else:
            out.append(Paragraph(_esc(val).replace("\n", "<br/>"), S[kind]))
    return out


def build_pdf(path: Path, parts, title="", author="", creator="", left_mm=20):
    """parts: list of (onpage(c, n) | None, blocks, font, size, top_margin_mm); `left_mm`:
    the body's left margin (an étude's act keeps a wide margin for its stamp and refs)."""
    templates, story = [], []
    from reportlab.platypus import NextPageTemplate

    for i, (onpage, blocks, font, size, top) in enumerate(parts):
        count = {"n": 0}

        def cb(c, doc, onpage=onpage, count=count):
            count["n"] += 1
            if onpage:
                c.saveState()
                onpage(c, count["n"])
                c.restoreState()

        fr = Frame(
            left_mm * mm,
            18 * mm,
            W - (left_mm + 20) * mm,
            H - (top + 18) * mm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates.append(PageTemplate(id=f"p{i}", frames=[fr], onPage=cb))
        if i:
            story += [NextPageTemplate(f"p{i}"), PageBreak()]
        story += blocks_to_flow(blocks, _styles(font, size))
    doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author=author, creator=creator)
    doc.addPageTemplates(templates)
    doc.build(story)


DOCX_WHEN = (2025, 1, 1, 0, 0, 0)


def normaliser_zip(path: Path, when=DOCX_WHEN) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def nouveau_docx(auteur="", font="Calibri", size=10.5) -> Document:
    doc = Document()
    cp = doc.core_properties
    quand = datetime(2025, 9, 1, 8, 0, 0)
    cp.author = cp.last_modified_by = auteur
    cp.created = cp.modified = quand
    cp.revision = 2
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2)
        s.top_margin = s.bottom_margin = Cm(1.6)
    return doc


def blocks_to_docx(doc, blocks) -> None:
    for kind, val in blocks:
        if kind == "br":
            doc.add_page_break()
        elif kind == "sp":
            doc.add_paragraph("")
        elif kind == "tab":
            t = doc.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for r, row in enumerate(val):
                for c, v in enumerate(row):
                    t.cell(r, c).text = str(v)
        else:
            p = doc.add_paragraph()
            run = p.add_run(val)
            if kind in ("h", "t", "b"):
                run.bold = True
            if kind in ("h", "t"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if kind == "r":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if kind == "i":
                p.paragraph_format.left_indent = Cm(1.2)
            if kind == "s":
                run.font.size = Pt(8)


def sauver_docx(doc, fichier: str) -> None:
    path = DOCS / fichier
    doc.save(path)
    normaliser_zip(path)


# --------------------------------------------------------------------------- assignations
#
# Un « ménage assigné » décrit les faits ; chaque style d'étude les rédige à sa façon.


def _pers(civ, nom, prenom, naissance, ecrit):
    return {"civ": civ, "nom": nom, "prenom": prenom, "naissance": naissance, "ecrit": ecrit}


def _loyer(h) -> float:
    base, charges = h["loyer"]
    return round(base + (charges or 0), 2)


def attendu_acte(fichier: str, h: dict, type_document="assignation", **kw) -> dict:
    base = dict(
        personnes=[P(p["civ"], p["nom"], p["prenom"], p["naissance"]) for p in h["personnes"]],
        adresse=h["adresse"],
        complement_adresse=h.get("complement"),
        code_postal=h["cp"],
        commune=h["commune"],
        bailleur=h["bailleur"],
        loyer_mensuel=_loyer(h),
        montant_dette=h["dette"],
        date_dette=h["date_dette"],
        juridiction=h["juridiction"],
        date_audience=h["audience"],
        heure_audience=h["heure"],
        commissaire_justice=h["commissaire"],
        reference=h.get("rg"),
        date_document=h["date_acte"],
        statut_occupation=h["statut"],
    )
    base.update(kw)
    return attendu(fichier, type_document, **base)


MENAGES = {
    "blanchard": dict(
        personnes=[
            _pers(
                "M.",
                "BLANCHARD-PETIT",
                "Rémi",
                date(1979, 3, 12),
                "Monsieur Rémi BLANCHARD-PETIT, né le 12 mars 1979 à Langres (Haute-Marne)",
            ),
            _pers(
                "Mme",
                "BLANCHARD-PETIT",
                "Aurélie",
                date(1982, 6, 5),
                "Madame Aurélie BLANCHARD-PETIT née COLLIN, née le 5 juin 1982 à Chaumont "
                "(Haute-Marne)",
            ),
        ],
        adresse="18 avenue des Étangs",
        complement="Résidence du Cavalier, Bât. D, Esc. 2",
        adresse_ecrite="Résidence du Cavalier, Bât. D, Esc. 2\n18 avenue des Étangs\n52000 CHAUMONT",
        cp="52000",
        commune="Chaumont",
        bailleur="CHAUMONT HABITAT",
        statut="locataire_public",
        requerant="CHAUMONT HABITAT, Office Public de l'Habitat, établissement public à caractère "
        "industriel et commercial dont le siège est 2 rue du Palais, BP 20517, 52012 "
        "CHAUMONT CEDEX, pris en la personne de son directeur général en exercice",
        bailleur_court="Chaumont Habitat",
        loyer=(438.20, 61.80),
        commandement=1102.45,
        date_cmdt=date(2025, 4, 14),
        dette=2345.67,
        date_dette=date(2025, 8, 31),
        art700=800.0,
        cout=74.62,
        juridiction="Tribunal judiciaire de Chaumont",
        tribunal_adresse="Palais de justice, place du Palais, 52000 Chaumont",
        audience=date(2025, 11, 6),
        heure="14:00",
        commissaire="Laurence VAUTRIN",
        date_acte=date(2025, 9, 4),
        rg=None,
    ),
    "thierry": dict(
        personnes=[
            _pers(
                "Mme",
                "THIERRY",
                "Josiane",
                date(1951, 2, 2),
                "Madame veuve Josiane THIERRY, née le 2 février 1951 à Wassy (52)",
            )
        ],
        adresse="3 bis rue du Général Leclerc",
        complement=None,
        adresse_ecrite="3 bis rue du Général Leclerc\n52100 SAINT-DIZIER",
        cp="52100",
        commune="Saint-Dizier",
        bailleur="SCI Horizon Marne",
        statut="locataire_prive",
        requerant="La SCI Horizon Marne, société civile immobilière au capital de 1 000 euros, "
        "immatriculée au RCS de Chaumont sous le numéro 812 345 678, dont le siège "
        "social est 40 quai de la Marne, 52100 Saint-Dizier, agissant poursuites et "
        "diligences de son gérant, ayant pour mandataire de gestion l'Agence "
        "Immobilière du Centre, 6 place de l'Hôtel de Ville, 52100 Saint-Dizier",
        bailleur_court="SCI Horizon Marne",
        loyer=(560.0, None),
        commandement=812.0,
        date_cmdt=date(2025, 5, 20),
        dette=1234.56,
        date_dette=date(2025, 9, 30),
        art700=600.0,
        cout=69.10,
        juridiction="Tribunal de proximité de Saint-Dizier",
        tribunal_adresse="11 rue de la Victoire, 52100 Saint-Dizier",
        audience=date(2025, 12, 2),
        heure="09:30",
        commissaire="Olivier de LA ROCHE",
        date_acte=date(2025, 10, 1),
        rg="25/01214",
    ),
    "lefebvre": dict(
        personnes=[
            _pers(
                "M.",
                "LEFEBVRE",
                "Yannick",
                date(1990, 10, 10),
                "Monsieur LEFEBVRE Yannick, né le 10/10/1990 à Ruffec (16)",
            )
        ],
        adresse="27 rue Paul Bert",
        complement="Rés. Les Mimosas, Appt 14",
        adresse_ecrite="Rés. Les Mimosas, Appt 14 – 27 rue Paul Bert – 16000 ANGOULÊME",
        cp="16000",
        commune="Angoulême",
        bailleur="SA HLM LE LOGIS CHARENTAIS",
        statut="locataire_public",
        requerant="SA HLM LE LOGIS CHARENTAIS, société anonyme d'habitations à loyer modéré, "
        "dont le siège est 15 boulevard de Bury, CS 62104, 16021 ANGOULÊME CEDEX, "
        "représentée par son directeur général",
        bailleur_court="SA HLM Le Logis Charentais",
        loyer=(402.10, 58.40),
        commandement=690.0,
        date_cmdt=date(2025, 3, 3),
        dette=1234.0,
        date_dette=date(2025, 9, 1),
        art700=400.0,
        cout=71.35,
        juridiction="Tribunal judiciaire d'Angoulême",
        tribunal_adresse="1 rue de Bellevue, 16000 Angoulême",
        audience=date(2025, 11, 18),
        heure="09:00",
        commissaire="Karim BOUSSAID",
        date_acte=date(2025, 9, 8),
        rg=None,
    ),
    "dasilva": dict(
        personnes=[
            _pers(
                "M.",
                "DA SILVA",
                "Paulo",
                date(1984, 7, 14),
                "Monsieur DA SILVA Paulo, né le 14/07/1984 à Porto (Portugal), de nationalité "
                "portugaise",
            ),
            _pers(
                "Mme",
                "FERREIRA",
                "Maria",
                date(1986, 1, 21),
                "Madame FERREIRA Maria épouse DA SILVA, née le 21/01/1986 à Cognac (16)",
            ),
        ],
        adresse="12 impasse des Tonneliers",
        complement=None,
        adresse_ecrite="12, impasse des Tonneliers\n16100 COGNAC",
        cp="16100",
        commune="Cognac",
        bailleur="Bernard CHAPUIS",
        statut="locataire_prive",
        requerant="Monsieur Bernard CHAPUIS, retraité, né le 3 mars 1948 à Jarnac (16), "
        "demeurant 5 rue des Gabariers, 16200 Jarnac",
        bailleur_court="M. CHAPUIS",
        loyer=(450.0, 60.0),
        commandement=980.0,
        date_cmdt=date(2025, 6, 15),
        dette=1687.30,
        date_dette=date(2025, 7, 31),
        art700=500.0,
        cout=66.80,
        juridiction="Tribunal de proximité de Cognac",
        tribunal_adresse="Place Jean Monnet, 16100 Cognac",
        audience=date(2025, 10, 14),
        heure="14:15",
        commissaire="Élodie MARCHETTI-VIAL",
        date_acte=date(2025, 8, 18),
        rg=None,
    ),
    "konate": dict(
        personnes=[
            _pers(
                "M.",
                "KONATÉ",
                "Moussa",
                date(1976, 12, 1),
                "Monsieur Moussa KONATÉ, né le 1er décembre 1976 à Bamako (Mali)",
            ),
            _pers(
                "Mme",
                "KONATÉ",
                "Awa",
                date(1981, 4, 9),
                "Madame Awa KONATÉ née DIALLO, née le 9 avril 1981 à Kayes (Mali)",
            ),
        ],
        adresse="5 place de la Crête",
        complement="Bât. C, Esc. 1, 2e étage",
        adresse_ecrite="Bât. C, Esc. 1, 2e étage, 5 place de la Crête, 52200 LANGRES",
        cp="52200",
        commune="Langres",
        bailleur="EST HABITAT CONSTRUCTION",
        statut="locataire_public",
        requerant="EST HABITAT CONSTRUCTION, Entreprise Sociale pour l'Habitat, société anonyme "
        "d'habitations à loyer modéré, dont le siège est 1 rue de la Gare, 52200 Langres",
        bailleur_court="Est Habitat Construction",
        loyer=(389.50, 72.0),
        commandement=1250.0,
        date_cmdt=date(2025, 2, 10),
        dette=5431.12,
        date_dette=date(2025, 8, 31),
        art700=750.0,
        cout=81.20,
        juridiction="Tribunal de proximité de Langres",
        tribunal_adresse="Rue Diderot, 52200 Langres",
        audience=date(2025, 11, 25),
        heure="10:00",
        commissaire="Sylvain PETITJEAN-ROUX",
        date_acte=date(2025, 9, 12),
        rg=None,
    ),
    "perrin": dict(
        personnes=[
            _pers(
                "Mme",
                "PERRIN",
                "Colette",
                date(1949, 9, 23),
                "Madame Colette PERRIN, veuve LAMBERT, née le 23 septembre 1949 à "
                "Saint-Dizier (Haute-Marne), retraitée",
            )
        ],
        adresse="9 rue Gambetta",
        complement="Appartement 31, 4e étage",
        adresse_ecrite="9 rue Gambetta, Appartement 31, 4e étage, 52100 SAINT-DIZIER",
        cp="52100",
        commune="Saint-Dizier",
        bailleur="OPH SAINT-DIZIER HABITAT",
        statut="locataire_public",
        requerant="L'OPH SAINT-DIZIER HABITAT, Office Public de l'Habitat, dont le siège est "
        "4 avenue de la République, BP 137, 52104 SAINT-DIZIER CEDEX",
        bailleur_court="OPH Saint-Dizier Habitat",
        loyer=(312.75, 48.25),
        commandement=1540.10,
        date_cmdt=date(2018, 1, 9),
        dette=3210.40,
        date_dette=date(2018, 4, 30),
        art700=350.0,
        cout=58.74,
        juridiction="Tribunal d'instance de Saint-Dizier",
        tribunal_adresse="11 rue de la Victoire, 52100 Saint-Dizier",
        audience=date(2018, 7, 12),
        heure="09:00",
        commissaire="Jean-Marc LEGRAND",
        date_acte=date(2018, 5, 16),
        rg=None,
        huissier=True,
    ),
    "rochemartel": dict(
        personnes=[
            _pers(
                "M.",
                "ROCHE-MARTEL",
                "Jean-Baptiste",
                date(1993, 2, 27),
                "Monsieur Jean-Baptiste ROCHE-MARTEL, né le 27 février 1993 à Limoges (87)",
            ),
            _pers(
                "Mme",
                "N'GUESSAN",
                "Léa",
                date(1995, 8, 3),
                "Madame Léa N'GUESSAN, née le 3 août 1995 à Angoulême (16)",
            ),
        ],
        adresse="41 chemin des Vignerons",
        complement="Lotissement Les Coteaux",
        adresse_ecrite="Lotissement Les Coteaux, 41 chemin des Vignerons, 16800 SOYAUX",
        cp="16800",
        commune="Soyaux",
        bailleur="SCI du Moulin de la Touvre",
        statut="locataire_prive",
        requerant="SCI du Moulin de la Touvre, société civile immobilière, RCS Angoulême "
        "D 490 111 222, dont le siège est 2 route de Touvre, 16600 Magnac-sur-Touvre",
        bailleur_court="SCI du Moulin de la Touvre",
        loyer=(640.0, 35.0),
        commandement=2025.0,
        date_cmdt=date(2025, 6, 2),
        dette=4050.0,
        date_dette=date(2025, 9, 30),
        art700=900.0,
        cout=77.19,
        juridiction="Tribunal judiciaire d'Angoulême",
        tribunal_adresse="1 rue de Bellevue, 16000 Angoulême",
        audience=date(2025, 12, 8),
        heure="14:00",
        commissaire="Anne-Sophie GRELLIER",
        date_acte=date(2025, 10, 6),
        rg=None,
    ),
    "guillot": dict(
        personnes=[_pers("M.", "GUILLOT", "Kevin", None, "Monsieur Kevin GUILLOT")],
        adresse="8 rue de la Fontaine",
        complement=None,
        adresse_ecrite="8 rue de la Fontaine\n52400 BOURBONNE-LES-BAINS",
        cp="52400",
        commune="Bourbonne-les-Bains",
        bailleur="Geneviève ROUSSEL",
        statut="locataire_prive",
        requerant="Madame Geneviève ROUSSEL, née le 14 mai 1956 à Dijon (21), demeurant 3 "
        "allée des Thermes, 52400 Bourbonne-les-Bains",
        bailleur_court="Mme ROUSSEL",
        loyer=(420.0, None),
        commandement=1680.0,
        date_cmdt=date(2025, 5, 5),
        dette=2940.0,
        date_dette=date(2025, 9, 30),
        art700=500.0,
        cout=86.34,
        juridiction="Tribunal de proximité de Langres",
        tribunal_adresse="Rue Diderot, 52200 Langres",
        audience=date(2025, 12, 2),
        heure="09:00",
        commissaire="Nadia EL AMRANI",
        date_acte=date(2025, 9, 23),
        rg="25/00912",
    ),
    "duplessis": dict(
        personnes=[
            _pers(
                "M.",
                "du PLESSIS",
                "Thibault",
                date(1988, 11, 30),
                "Monsieur Thibault du PLESSIS, né le 30 novembre 1988 à Reims (51)",
            ),
        ],
        adresse="22 rue Anatole France",
        complement="Résidence Le Vert Bois, Bâtiment F",
        adresse_ecrite="Résidence Le Vert Bois, Bâtiment F\n22 rue Anatole France\n52100 SAINT-DIZIER",
        cp="52100",
        commune="Saint-Dizier",
        bailleur="OPH SAINT-DIZIER HABITAT",
        statut="locataire_public",
        requerant="L'OPH SAINT-DIZIER HABITAT, Office Public de l'Habitat, dont le siège est "
        "4 avenue de la République, BP 137, 52104 SAINT-DIZIER CEDEX",
        bailleur_court="OPH Saint-Dizier Habitat",
        loyer=(355.60, 84.40),
        commandement=700.0,
        date_cmdt=date(2025, 5, 12),
        dette=1958.72,
        date_dette=date(2025, 8, 31),
        art700=300.0,
        cout=72.05,
        juridiction="Tribunal de proximité de Saint-Dizier",
        tribunal_adresse="11 rue de la Victoire, 52100 Saint-Dizier",
        audience=date(2025, 11, 20),
        heure="13:30",
        commissaire="Laurence VAUTRIN",
        date_acte=date(2025, 9, 15),
        rg=None,
    ),
    "mercier": dict(
        personnes=[
            _pers(
                "Mme",
                "MERCIER",
                "Sandrine",
                date(1983, 5, 17),
                "Madame MERCIER Sandrine, née le 17 mai 1983 à Barbezieux (16)",
            ),
        ],
        adresse="6 allée des Peupliers",
        complement="Bât. B",
        adresse_ecrite="Bât. B, 6 allée des Peupliers, 16300 BARBEZIEUX-SAINT-HILAIRE",
        cp="16300",
        commune="Barbezieux-Saint-Hilaire",
        bailleur="OPH de la Charente",
        statut="locataire_public",
        requerant="L'OPH de la Charente, Office Public de l'Habitat, dont le siège est 21 "
        "rue de Périgueux, CS 12201, 16022 ANGOULÊME CEDEX",
        bailleur_court="OPH de la Charente",
        loyer=(331.0, 45.0),
        commandement=890.0,
        date_cmdt=date(2025, 4, 22),
        dette=2102.55,
        date_dette=date(2025, 8, 31),
        art700=450.0,
        cout=73.90,
        juridiction="Tribunal de proximité de Cognac",
        tribunal_adresse="Place Jean Monnet, 16100 Cognac",
        audience=date(2025, 11, 13),
        heure="09:30",
        commissaire="Élodie MARCHETTI-VIAL",
        date_acte=date(2025, 9, 10),
        rg=None,
    ),
    "benyahia": dict(
        personnes=[
            _pers(
                "M.",
                "BEN YAHIA",
                "Nordine",
                date(1972, 3, 8),
                "Monsieur Nordine BEN YAHIA, né le 8 mars 1972 à Oran (Algérie)",
            ),
            _pers(
                "Mme",
                "BEN YAHIA",
                "Samia",
                date(1978, 10, 19),
                "Madame Samia BEN YAHIA née HADDAD, née le 19 octobre 1978 à Chaumont (52)",
            ),
        ],
        adresse="14 rue Victor Hugo",
        complement="Esc. A, Appt 7",
        adresse_ecrite="14 rue Victor Hugo, Esc. A, Appt 7, 52800 NOGENT",
        cp="52800",
        commune="Nogent",
        bailleur="OPAC de Chaumont",
        statut="locataire_public",
        requerant="L'OPAC de Chaumont, office public d'aménagement et de construction, dont le "
        "siège est 9 rue Toupot de Béveaux, 52000 Chaumont",
        bailleur_court="OPAC de Chaumont",
        loyer=(412.30, 67.70),
        commandement=1320.0,
        date_cmdt=date(2025, 4, 1),
        dette=3876.15,
        date_dette=date(2025, 9, 15),
        art700=600.0,
        cout=79.44,
        juridiction="Tribunal judiciaire de Chaumont",
        tribunal_adresse="Place du Palais, 52000 Chaumont",
        audience=date(2025, 11, 27),
        heure="09:00",
        commissaire="Karim BOUSSAID",
        date_acte=date(2025, 9, 19),
        rg="25/00641",
    ),
}


def _defs(h):
    return [p["ecrit"] for p in h["personnes"]]


def _noms(h):
    return " et ".join(p["nom"] for p in h["personnes"])


# --- letterheads (canvas callbacks) ---


def lh_deux_colonnes(office_l, office_r, pied):
    def f(c, n):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(20 * mm, H - 16 * mm, office_l[0])
        c.setFont("Helvetica", 8)
        for i, t in enumerate(office_l[1:]):
            c.drawString(20 * mm, H - 21 * mm - 3.8 * mm * i, t)
        for i, t in enumerate(office_r):
            c.drawRightString(W - 20 * mm, H - 16 * mm - 3.8 * mm * i, t)
        c.setLineWidth(0.6)
        c.line(20 * mm, H - 40 * mm, W - 20 * mm, H - 40 * mm)
        c.setFont("Helvetica", 7)
        c.drawString(20 * mm, 10 * mm, pied)
        c.drawRightString(W - 20 * mm, 10 * mm, f"{n}")

    return f


def lh_cartouche(lines):
    def f(c, n):
        if n == 1:
            c.setLineWidth(1)
            c.rect(20 * mm, H - 44 * mm, 85 * mm, 30 * mm)
            c.setFont("Times-Bold", 10.5)
            c.drawCentredString(62.5 * mm, H - 20 * mm, lines[0])
            c.setFont("Times-Roman", 8.5)
            for i, t in enumerate(lines[1:]):
                c.drawCentredString(62.5 * mm, H - 25 * mm - 3.8 * mm * i, t)
        c.setFont("Times-Italic", 8)
        c.drawCentredString(W / 2, 10 * mm, f"— {n} —")

    return f


def lh_logo(initiales, lines):
    def f(c, n):
        c.setFillColor(colors.HexColor("#23415f"))
        c.circle(W - 32 * mm, H - 26 * mm, 11 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 13)
        c.drawCentredString(W - 32 * mm, H - 28 * mm, initiales)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(20 * mm, H - 18 * mm, lines[0])
        c.setFont("Helvetica", 7.5)
        for i, t in enumerate(lines[1:]):
            c.drawString(20 * mm, H - 22 * mm - 3.4 * mm * i, t)
        c.setFont("Helvetica", 7)
        c.drawCentredString(W / 2, 9 * mm, f"Page {n}")

    return f


def lh_pied(lines):
    def f(c, n):
        c.setLineWidth(0.4)
        c.line(20 * mm, 17 * mm, W - 20 * mm, 17 * mm)
        c.setFont("Helvetica", 6.8)
        for i, t in enumerate(lines):
            c.drawCentredString(W / 2, 13.5 * mm - 3 * mm * i, t)

    return f


def lh_filet(lines):
    def f(c, n):
        c.setFillColor(colors.HexColor("#8a6d1f"))
        c.rect(12 * mm, 20 * mm, 2.2 * mm, H - 40 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        if n == 1:
            c.setFont("Times-Bold", 12)
            c.drawString(20 * mm, H - 17 * mm, lines[0])
            c.setFont("Times-Italic", 8.5)
            for i, t in enumerate(lines[1:]):
                c.drawString(20 * mm, H - 22 * mm - 3.8 * mm * i, t)
        c.setFont("Times-Roman", 7.5)
        c.drawRightString(W - 20 * mm, 10 * mm, f"Acte page {n}/3")

    return f


# --- bodies: one function per office style ---


def _commun_ccapex():
    return (
        "p",
        "Une copie du présent acte est notifiée au représentant de l'État dans le "
        "département, par voie électronique, au moins six semaines avant l'audience, "
        "en vue de l'instruction d'un diagnostic social et financier. Le locataire peut "
        "saisir le fonds de solidarité pour le logement.",
    )


def corps_vautrin(h):
    """SCP deux colonnes : « Vu l'article 24 », PAR CES MOTIFS, 1.234,56 €, heures en chiffres."""
    m = m_point
    d = h["date_acte"]
    out = [
        ("t", "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION"),
        ("h", "Bail d'habitation – Constat de la résiliation – Expulsion"),
        (
            "l",
            f"L'AN {lettres(d.year).upper()} ET LE {('premier' if d.day == 1 else lettres(d.day)).upper()} "
            f"{MOIS[d.month - 1].upper()}",
        ),
        ("sp", 2),
        ("b", "À la demande de"),
        ("i", h["requerant"] + "."),
        (
            "p",
            f"Nous, {h['commissaire']}, Commissaire de justice associée au sein de la SCP "
            "VAUTRIN & HUGUES, titulaire d'un office à la résidence de Chaumont, y demeurant "
            "4 rue Bouchardon, soussignée,",
        ),
        ("b", "Avons donné assignation à"),
        *[("i", t + ",") for t in _defs(h)],
        ("i", "demeurant ensemble :\n" + h["adresse_ecrite"]),
        ("b", "À comparaître"),
        (
            "p",
            f"devant le juge des contentieux de la protection du {h['juridiction']}, "
            f"{h['tribunal_adresse']}, à l'audience publique du {d_long(h['audience'], True)} "
            f"à {int(h['heure'][:2])} h {h['heure'][3:]}.",
        ),
        ("h", "FAITS ET PROCÉDURE"),
        (
            "p",
            f"Suivant bail sous seing privé, {h['requerant'].split(',')[0].title()} a donné à bail "
            f"aux défendeurs un logement moyennant un loyer mensuel révisé s'élevant à ce jour à "
            f"{m(h['loyer'][0])} €, outre {m(h['loyer'][1])} € de provision sur charges, payable "
            "le 5 de chaque mois.",
        ),
        (
            "p",
            f"Par acte du {d_num(h['date_cmdt'])}, un commandement de payer la somme de "
            f"{m(h['commandement'])} € visant la clause résolutoire a été délivré aux locataires. "
            "Ce commandement est resté sans effet pendant plus de six semaines.",
        ),
        (
            "p",
            f"Les défendeurs restent redevables, selon décompte arrêté au "
            f"{d_long(h['date_dette'])}, de la somme de {m(h['dette'])} €, échéance du mois "
            "d'août incluse.",
        ),
        (
            "p",
            "Vu l'article 24 de la loi n° 89-462 du 6 juillet 1989, Vu les articles 1224 et "
            "suivants du code civil, Vu l'article 700 du code de procédure civile,",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        ("p", "Plaise au juge des contentieux de la protection de :"),
        ("i", "– CONSTATER l'acquisition de la clause résolutoire ;"),
        ("i", "– ORDONNER l'expulsion des défendeurs et de tous occupants de leur chef ;"),
        (
            "i",
            f"– CONDAMNER solidairement les défendeurs au paiement de la somme de "
            f"{m(h['dette'])} € avec intérêts au taux légal ;",
        ),
        (
            "i",
            f"– LES CONDAMNER à payer la somme de {m(h['art700'])} € au titre de l'article 700 "
            "du code de procédure civile, ainsi qu'aux entiers dépens.",
        ),
        ("h", "SOUS TOUTES RÉSERVES"),
        ("br", None),
        ("h", "PROCÈS-VERBAL DE SIGNIFICATION"),
        (
            "p",
            "L'acte a été remis à la personne même du destinataire qui l'a accepté, ainsi déclaré.",
        ),
        ("p", f"Coût de l'acte : {m(h['cout'])} € TTC."),
        ("r", f"{h['commissaire']}\nCommissaire de justice associée"),
    ]
    return out


def corps_laroche(h):
    """Étude en cartouche, Times : dates et heure en lettres, montant en capitales."""
    d = h["date_acte"]
    j = "premier" if d.day == 1 else lettres(d.day)
    out = [
        ("r", f"N° RG : {h['rg']}" if h.get("rg") else "Dossier 2025/5581"),
        ("t", "ASSIGNATION EN RÉSILIATION DE BAIL"),
        ("p", f"L'an {lettres(d.year)}, le {j} {MOIS[d.month - 1]},"),
        ("p", "À LA REQUÊTE DE " + h["requerant"] + ","),
        (
            "p",
            f"J'ai, {h['commissaire']}, Commissaire de justice à la résidence de Saint-Dizier, "
            "22 rue de l'Arquebuse, soussigné,",
        ),
        ("p", "DONNÉ ASSIGNATION À :"),
        *[("i", t) for t in _defs(h)],
        ("i", "Demeurant " + h["adresse_ecrite"].replace("\n", ", ")),
        (
            "p",
            f"D'avoir à se trouver et comparaître le {d_lettres(h['audience'], True)} à "
            f"{h_lettres(h['heure'])}, par-devant le juge des contentieux de la protection du "
            f"{h['juridiction']}, siégeant {h['tribunal_adresse']}.",
        ),
        ("h", "MOTIFS"),
        (
            "p",
            f"La requérante a consenti à la défenderesse un bail portant sur un logement, "
            f"moyennant un loyer mensuel de {m_point(h['loyer'][0])} € (charges comprises).",
        ),
        (
            "p",
            f"Un commandement de payer la somme principale de {m_point(h['commandement'])} € a "
            f"été signifié le {d_long(h['date_cmdt'])}, en vain.",
        ),
        (
            "p",
            f"Au {d_long(h['date_dette'])}, la dette locative s'élève à la somme de "
            f"{eur_lettres(h['dette'])} ({m_point(h['dette'])} €), selon décompte arrêté à "
            "cette date et annexé au présent acte.",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        (
            "p",
            "Il est demandé au Tribunal de constater la résiliation du bail, ordonner "
            f"l'expulsion de {h['personnes'][0]['ecrit'].split(',')[0]}, la condamner au paiement "
            f"de {m_point(h['dette'])} € ainsi que de {m_point(h['art700'])} € sur le fondement "
            "de l'article 700 du code de procédure civile.",
        ),
        ("br", None),
        (
            "p",
            "Signification faite à étude, le destinataire étant absent lors de notre passage. "
            "Avis de passage déposé ce jour, lettre prévue à l'article 658 du code de "
            "procédure civile adressée le jour même.",
        ),
        ("p", f"Coût : {m_point(h['cout'])} €"),
        ("r", f"Maître {h['commissaire']}"),
    ]
    return out


def corps_hexa(h):
    """Société d'officiers, Word : « Nous, société …, agissant par Maître … », 1 234 €.
    Pas de n° RG : seulement l'acte et la référence de l'étude (pas une « reference »)."""
    d = h["date_acte"]
    return [
        (
            "l",
            f"Acte n° 2025-{d.month:02d}{d.day:02d}7   —   Réf. étude : HX/{h['personnes'][0]['nom'][:3]}/25",
        ),
        ("t", "ASSIGNATION AUX FINS DE RÉSILIATION DE BAIL ET D'EXPULSION"),
        ("p", f"Le {d_long(d)},"),
        ("p", "À la requête de : " + h["requerant"] + "."),
        (
            "p",
            "Nous, société HEXA JUSTICE, société d'exercice libéral par actions simplifiée "
            "de commissaires de justice, agissant par Maître "
            + h["commissaire"]
            + ", commissaire de justice associé, soussigné,",
        ),
        ("p", "Avons assigné :"),
        *[("i", t) for t in _defs(h)],
        ("i", "domicilié(s) : " + h["adresse_ecrite"].replace("\n", " ")),
        (
            "p",
            f"à comparaître à l'audience du juge des contentieux de la protection près le "
            f"{h['juridiction']} qui se tiendra le {d_long(h['audience'])} à "
            f"{h['heure']}, {h['tribunal_adresse']}.",
        ),
        ("h", "Exposé du litige"),
        (
            "p",
            f"Le loyer actuel est de {m_espace(h['loyer'][0])} € et {m_espace(h['loyer'][1])} € de "
            "charges par mois."
            if h["loyer"][1]
            else f"Le loyer actuel est de {m_espace(h['loyer'][0])} € par mois, charges comprises.",
        ),
        (
            "p",
            f"Des frais de relance de 45 € ont été facturés. Le commandement de payer du "
            f"{d_num(h['date_cmdt'])} portait sur {m_espace(h['commandement'])} €.",
        ),
        (
            "p",
            f"La dette locative arrêtée au {d_long(h['date_dette'])} s'établit à "
            f"{m_entier(h['dette'])} €.",
        ),
        _commun_ccapex(),
        ("h", "Demandes"),
        (
            "p",
            f"Constater la résiliation du bail ; ordonner l'expulsion ; condamner au paiement "
            f"de {m_entier(h['dette'])} € et de {m_espace(h['art700'])} € (article 700 CPC).",
        ),
        ("br", None),
        (
            "p",
            "Modalités de remise : acte remis à domicile, à une personne présente qui a "
            "accepté de le recevoir.",
        ),
        ("p", f"Émolument et frais : {m_espace(h['cout'])} €"),
    ]


def corps_marchetti(h):
    """Logo à droite : Vu les articles en tête, PAR CES MOTIFS, 450 € outre 60 € de provisions."""
    d = h["date_acte"]
    return [
        ("t", "ASSIGNATION"),
        ("h", "devant le juge des contentieux de la protection"),
        ("p", f"L'an {d.year}, le {d.day} {MOIS[d.month - 1]}"),
        (
            "p",
            "VU les articles 7 et 24 de la loi n° 89-462 du 6 juillet 1989 ; VU l'article "
            "1343-5 du code civil ; VU les articles 834 et 835 du code de procédure civile ;",
        ),
        ("b", "REQUÉRANT"),
        ("i", h["requerant"]),
        ("b", "COMMISSAIRE DE JUSTICE"),
        (
            "p",
            f"Nous, {h['commissaire']}, Commissaire de justice à la résidence de Cognac "
            "(Charente), 3 rue d'Angoulême, soussignée,",
        ),
        ("b", "DÉFENDEURS"),
        *[("i", t) for t in _defs(h)],
        ("i", "Domicile : " + h["adresse_ecrite"].replace("\n", " – ")),
        ("b", "JURIDICTION"),
        (
            "p",
            f"{h['juridiction']}, {h['tribunal_adresse']} — audience du "
            f"{d_num(h['audience'])} à {int(h['heure'][:2])} h {h['heure'][3:]}",
        ),
        ("h", "EXPOSÉ"),
        (
            "p",
            f"Le bail a été consenti moyennant un loyer de {m_entier(h['loyer'][0])} € outre "
            f"{m_entier(h['loyer'][1])} € de provisions sur charges.",
        ),
        (
            "p",
            f"Selon décompte du {d_long(h['date_cmdt'])}, les défendeurs restaient devoir "
            f"{m_espace(h['commandement'])} €, somme visée au commandement.",
        ),
        (
            "p",
            f"La dette s'est aggravée : arrêté au {d_num(h['date_dette'])}, le solde locatif "
            f"débiteur atteint {m_espace(h['dette'])} €.",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        (
            "p",
            f"Condamner les défendeurs au paiement de {m_espace(h['dette'])} € ; "
            f"{m_espace(h['art700'])} € au titre de l'article 700 ; ordonner l'expulsion.",
        ),
        ("br", None),
        ("p", "Remise de l'acte : à personne."),
        ("p", f"Coût de l'acte : {m_espace(h['cout'])} €"),
    ]


def corps_godard(h):
    """Tableau récapitulatif en tête, « J'ai, Maître … », montants détaillés."""
    d = h["date_acte"]
    out = [
        ("t", "ASSIGNATION – BAIL D'HABITATION"),
        (
            "tab",
            [
                ["Juridiction", h["juridiction"]],
                ["Date de l'audience", d_long(h["audience"], True)],
                ["Heure", h["heure"].replace(":", "h")],
                ["Adresse", h["tribunal_adresse"]],
            ],
        ),
        ("sp", 4),
        ("p", f"Le {d_num(d)}, à la requête de {h['requerant']},"),
        (
            "p",
            f"J'ai, Maître {h['commissaire']}, commissaire de justice associé de la SELARL "
            "GODARD – PETITJEAN-ROUX, à la résidence de Langres, soussigné,",
        ),
        ("p", "donné assignation à :"),
        *[("i", t) for t in _defs(h)],
        ("i", "demeurant " + h["adresse_ecrite"]),
        ("p", "d'avoir à comparaître aux lieu, jour et heure indiqués ci-dessus."),
        ("h", "EXPOSÉ DES MOTIFS"),
        (
            "p",
            f"Loyer principal : {m_espace(h['loyer'][0])} € ; provision sur charges : "
            f"{m_espace(h['loyer'][1])} €.",
        ),
        (
            "p",
            f"Dette locative arrêtée au {d_long(h['date_dette'])} : {m_espace(h['dette'])} €, "
            f"dont {m_espace(h['commandement'])} € au titre du commandement de payer délivré le "
            f"{d_long(h['date_cmdt'])}.",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        (
            "p",
            f"Condamner solidairement au paiement de {m_espace(h['dette'])} € et de "
            f"{m_espace(h['art700'])} € (art. 700).",
        ),
        ("br", None),
        ("p", f"Coût de l'acte : {m_espace(h['cout'])} €"),
    ]
    return out


def corps_legrand(h):
    """Huissier de justice (2018), Times, Tribunal d'instance, « Madame … veuve … »."""
    d = h["date_acte"]
    return [
        ("t", "ASSIGNATION EN RÉFÉRÉ"),
        ("h", "DEVANT LE TRIBUNAL D'INSTANCE"),
        (
            "p",
            f"L'AN {lettres(d.year).upper()} ET LE {lettres(d.day).upper()} "
            f"{MOIS[d.month - 1].upper()}",
        ),
        ("p", "A LA DEMANDE DE : " + h["requerant"] + ","),
        (
            "p",
            f"Nous, {h['commissaire']}, Huissier de justice associé, membre de la SCP LEGRAND "
            "& FOURNIER, Huissiers de justice associés à la résidence de Saint-Dizier, "
            "y demeurant 7 rue Thiers, soussigné,",
        ),
        ("p", "AVONS DONNÉ ASSIGNATION A :"),
        *[("i", t) for t in _defs(h)],
        ("i", "demeurant : " + h["adresse_ecrite"]),
        (
            "p",
            f"D'avoir à comparaître le {d_long(h['audience'], True)} à 9 heures devant "
            f"Monsieur le Président du {h['juridiction']} statuant en référé, "
            f"{h['tribunal_adresse']}.",
        ),
        ("h", "OBJET DE LA DEMANDE"),
        (
            "p",
            f"Le loyer mensuel actuel est de {m_point(h['loyer'][0])} euros et les charges de "
            f"{m_point(h['loyer'][1])} euros.",
        ),
        (
            "p",
            f"Un commandement de payer {m_point(h['commandement'])} euros a été délivré le "
            f"{d_num(h['date_cmdt'])}. Au {d_num(h['date_dette'])}, date à laquelle le "
            f"décompte est arrêté, l'arriéré est de {m_point(h['dette'])} euros, outre les "
            "intérêts.",
        ),
        ("p", "Une copie de l'assignation est notifiée au Préfet conformément à la loi."),
        ("h", "PAR CES MOTIFS"),
        (
            "p",
            f"Condamner au paiement de {m_point(h['dette'])} euros à titre provisionnel et "
            f"{m_point(h['art700'])} euros au titre de l'article 700.",
        ),
        ("br", None),
        ("p", f"Coût de l'acte : {m_point(h['cout'])} euros"),
        ("r", "L'Huissier de justice"),
    ]


def corps_grellier(h):
    """Word : en-tête en tableau, heure en lettres, « Je, soussignée »."""
    d = h["date_acte"]
    return [
        (
            "tab",
            [
                [
                    "GRELLIER & ASSOCIÉS\nCommissaires de justice",
                    "12 rempart Desaix\nCS 70213\n16007 ANGOULÊME CEDEX\nTél. 05 45 00 00 00",
                ]
            ],
        ),
        ("sp", 1),
        ("t", "ASSIGNATION"),
        ("p", f"Le {d_long(d)}"),
        ("p", "À LA DEMANDE DE : " + h["requerant"] + "."),
        (
            "p",
            f"Je, Maître {h['commissaire']}, Commissaire de justice associée au sein de la "
            "SELAS GRELLIER & ASSOCIÉS, soussignée, ai donné assignation à :",
        ),
        *[("i", t) for t in _defs(h)],
        ("i", "Tous deux demeurant : " + h["adresse_ecrite"]),
        (
            "p",
            f"d'avoir à comparaître le {d_long(h['audience'], True)} à "
            f"{h_lettres(h['heure'])}, devant le juge des contentieux de la protection du "
            f"{h['juridiction']}, {h['tribunal_adresse']}.",
        ),
        ("h", "MOTIFS"),
        (
            "p",
            f"Loyer : {m_espace(h['loyer'][0])} € ; provision sur charges : "
            f"{m_espace(h['loyer'][1])} €.",
        ),
        (
            "p",
            f"Le commandement de payer du {d_long(h['date_cmdt'])} visait "
            f"{m_espace(h['commandement'])} €. L'arriéré locatif, arrêté au "
            f"{d_long(h['date_dette'])}, est de {m_entier(h['dette'])} €.",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        ("p", f"Paiement de {m_entier(h['dette'])} € ; article 700 : {m_espace(h['art700'])} €."),
        ("br", None),
        ("p", f"Coût : {m_espace(h['cout'])} €"),
    ]


def corps_elamrani(h):
    """En-tête en pied de page, RG en tête, heure « 9h » / « 9h30 », dettes multiples."""
    d = h["date_acte"]
    return [
        ("r", f"RG : {h['rg']}" if h.get("rg") else ""),
        ("t", "ASSIGNATION À COMPARAÎTRE"),
        ("p", f"Le {d_long(d)}, à la demande de {h['requerant']},"),
        ("p", f"Nous, Maître {h['commissaire']}, Commissaire de justice, soussignée,"),
        ("p", "assignons :"),
        *[("i", t) for t in _defs(h)],
        ("i", "demeurant " + h["adresse_ecrite"].replace("\n", " ")),
        (
            "p",
            f"à comparaître devant le {h['juridiction']} ({h['tribunal_adresse']}) le "
            f"{d_num(h['audience'])} à {int(h['heure'][:2])}h{h['heure'][3:].replace('00', '')}.",
        ),
        ("h", "EXPOSÉ"),
        ("p", f"Le loyer mensuel est de {m_entier(h['loyer'][0])} €."),
        (
            "p",
            f"Commandement de payer du {d_num(h['date_cmdt'])} : {m_espace(h['commandement'])} €.",
        ),
        ("p", f"Arriéré arrêté au {d_num(h['date_dette'])} : {m_espace(h['dette'])} €."),
        (
            "p",
            f"Article 700 : {m_entier(h['art700'])} €. Coût du présent acte : "
            f"{m_espace(h['cout'])} €.",
        ),
        _commun_ccapex(),
        ("h", "PAR CES MOTIFS"),
        ("p", "Résiliation, expulsion, condamnation aux sommes ci-dessus."),
    ]


OFFICES = {
    "vautrin": (
        corps_vautrin,
        lambda h: lh_deux_colonnes(
            [
                "SCP VAUTRIN & HUGUES",
                "Commissaires de justice associés",
                "Laurence VAUTRIN – Frédéric HUGUES",
                "4 rue Bouchardon",
            ],
            [
                "BP 90211",
                "52004 CHAUMONT CEDEX",
                "Tél. 03 25 00 00 00",
                "etude@vautrin-hugues.test",
            ],
            "SCP titulaire d'un office de commissaire de justice – TVA FR00 000000000",
        ),
        "Helvetica",
        10,
        46,
    ),
    "laroche": (
        corps_laroche,
        lambda h: lh_cartouche(
            [
                "Olivier de LA ROCHE",
                "Commissaire de justice",
                "22 rue de l'Arquebuse",
                "BP 50033",
                "52101 SAINT-DIZIER CEDEX",
            ]
        ),
        "Times-Roman",
        11,
        50,
    ),
    "marchetti": (
        corps_marchetti,
        lambda h: lh_logo(
            "EMV",
            [
                "Élodie MARCHETTI-VIAL",
                "Commissaire de justice – Commissaire-priseur judiciaire",
                "3 rue d'Angoulême – 16100 COGNAC",
                "CS 40012 – 16101 COGNAC CEDEX",
            ],
        ),
        "Helvetica",
        9.5,
        40,
    ),
    "godard": (
        corps_godard,
        lambda h: lh_deux_colonnes(
            [
                "SELARL GODARD – PETITJEAN-ROUX",
                "Hélène GODARD – Sylvain PETITJEAN-ROUX",
                "Commissaires de justice associés",
            ],
            ["12 rue Diderot", "BP 18", "52201 LANGRES CEDEX"],
            "Membre d'une association agréée",
        ),
        "Helvetica",
        10,
        42,
    ),
    "legrand": (
        corps_legrand,
        lambda h: lh_filet(
            [
                "SCP LEGRAND & FOURNIER",
                "Huissiers de justice associés",
                "Jean-Marc LEGRAND – Pascal FOURNIER",
                "7 rue Thiers – 52100 SAINT-DIZIER",
            ]
        ),
        "Times-Roman",
        11,
        42,
    ),
    "elamrani": (
        corps_elamrani,
        lambda h: lh_pied(
            [
                "Nadia EL AMRANI – Commissaire de justice – 6 place Bel-Air – 52200 LANGRES",
                "Tél. 03 25 11 11 11 – SIRET 000 000 000 00000",
            ]
        ),
        "Helvetica",
        10.5,
        22,
    ),
    "hexa": (corps_hexa, None, "Calibri", 10.5, 0),
    "grellier": (corps_grellier, None, "Cambria", 11, 0),
}


SANS_RG = {"hexa"}  # styles that print no RG number


def ecrire_acte(fichier: str, office: str, menage: str, copie_prefecture=False) -> dict:
    corps, lh, font, size, top = OFFICES[office]
    h = MENAGES[menage]
    blocks = corps(h)
    if fichier.endswith(".docx"):
        doc = nouveau_docx("Etude", font, size)
        blocks_to_docx(doc, blocks)
        sauver_docx(doc, fichier)
    else:
        build_pdf(DOCS / fichier, [(lh(h), blocks, font, size, top)], title="Assignation")
    att = attendu_acte(fichier, h)
    if office in SANS_RG:  # the label says only what the document prints
        att["reference"] = None
    ecrire_attendu(att)
    return att


ASSIGNATIONS = [
    ("Assignation Chaumont Habitat c BLANCHARD-PETIT.pdf", "vautrin", "blanchard"),
    ("ASSIGNATION SCI Horizon Marne c. veuve THIERRY.pdf", "laroche", "thierry"),
    ("Acte 2025 HEXA - LEFEBVRE.docx", "hexa", "lefebvre"),
    ("assignation DA SILVA Cognac.pdf", "marchetti", "dasilva"),
    ("Assignation EHC c KONATE - Langres.pdf", "godard", "konate"),
    ("Assignation 2018 PERRIN (huissier).pdf", "legrand", "perrin"),
    ("Assignation ROCHE-MARTEL N'GUESSAN.docx", "grellier", "rochemartel"),
    ("assign_GUILLOT_Bourbonne.pdf", "elamrani", "guillot"),
    ("Assignation du PLESSIS - St-Dizier.pdf", "vautrin", "duplessis"),
    ("assignation MERCIER Barbezieux.pdf", "marchetti", "mercier"),
    ("Assignation BEN YAHIA - Nogent.docx", "hexa", "benyahia"),
    ("Assignation SCI Les Chais c FABRE.pdf", "marchetti", "fabre"),
    ("assignation HOARAU Saint-Dizier.pdf", "elamrani", "hoarau"),
    ("Assignation MORELLE Chalindrey.docx", "grellier", "morelle"),
    ("Assignation THIERRY (Word).docx", "hexa", "thierry"),
]


def assignations() -> None:
    for fichier, office, menage in ASSIGNATIONS:
        ecrire_acte(fichier, office, menage)


# --------------------------------------------------------------------------- courriers

MENAGES.update(
    {
        "fabre": dict(
            personnes=[
                _pers(
                    "M.",
                    "FABRE",
                    "Ludovic",
                    date(1987, 4, 2),
                    "Monsieur Ludovic FABRE, né le 2 avril 1987 à Saintes (17)",
                ),
                _pers(
                    "Mme",
                    "FABRE",
                    "Cindy",
                    date(1989, 12, 24),
                    "Madame Cindy FABRE née MOREL, née le 24 décembre 1989 à Cognac (16)",
                ),
            ],
            adresse="17 rue de Barbezieux",
            complement=None,
            adresse_ecrite="17 rue de Barbezieux, 16100 COGNAC",
            cp="16100",
            commune="Cognac",
            bailleur="SCI Les Chais",
            statut="locataire_prive",
            requerant="SCI Les Chais, société civile immobilière dont le siège est 8 quai Maurice "
            "Hennessy, 16100 Cognac, représentée par sa gérante",
            bailleur_court="SCI Les Chais",
            loyer=(585.0, 40.0),
            commandement=1170.0,
            date_cmdt=date(2025, 5, 28),
            dette=3015.0,
            date_dette=date(2025, 9, 5),
            art700=700.0,
            cout=75.12,
            juridiction="Tribunal de proximité de Cognac",
            tribunal_adresse="Place Jean Monnet, 16100 Cognac",
            audience=date(2025, 12, 11),
            heure="14:00",
            commissaire="Anne-Sophie GRELLIER",
            date_acte=date(2025, 9, 17),
            rg=None,
        ),
        "hoarau": dict(
            personnes=[
                _pers(
                    "Mme",
                    "HOARAU",
                    "Marie-Line",
                    date(1991, 7, 7),
                    "Madame Marie-Line HOARAU, née le 7 juillet 1991 à Saint-Denis (La Réunion)",
                )
            ],
            adresse="2 allée Jean Moulin",
            complement="Bâtiment 4, porte 12",
            adresse_ecrite="Bâtiment 4, porte 12, 2 allée Jean Moulin, 52100 SAINT-DIZIER",
            cp="52100",
            commune="Saint-Dizier",
            bailleur="SCI Vert Village",
            statut="locataire_prive",
            requerant="SCI Vert Village, société civile immobilière dont le siège est 1 rue du "
            "Port, 52100 Saint-Dizier, prise en la personne de son gérant",
            bailleur_court="SCI Vert Village",
            loyer=(495.0, None),
            commandement=990.0,
            date_cmdt=date(2025, 6, 30),
            dette=2475.0,
            date_dette=date(2025, 9, 30),
            art700=500.0,
            cout=70.0,
            juridiction="Tribunal de proximité de Saint-Dizier",
            tribunal_adresse="11 rue de la Victoire, 52100 Saint-Dizier",
            audience=date(2025, 12, 16),
            heure="09:30",
            commissaire="Olivier de LA ROCHE",
            date_acte=date(2025, 10, 7),
            rg=None,
        ),
        "morelle": dict(
            personnes=[
                _pers(
                    "M.",
                    "MORELLE",
                    "Didier",
                    date(1968, 1, 15),
                    "Monsieur Didier MORELLE, né le 15 janvier 1968 à Chaumont (52)",
                ),
            ],
            adresse="31 rue de Verdun",
            complement="Rés. Les Tilleuls, Esc. B",
            adresse_ecrite="Rés. Les Tilleuls, Esc. B, 31 rue de Verdun, 52600 CHALINDREY",
            cp="52600",
            commune="Chalindrey",
            bailleur="EST HABITAT CONSTRUCTION",
            statut="locataire_public",
            requerant="EST HABITAT CONSTRUCTION, Entreprise Sociale pour l'Habitat, société anonyme "
            "d'habitations à loyer modéré, dont le siège est 1 rue de la Gare, 52200 Langres",
            bailleur_court="Est Habitat Construction",
            loyer=(301.40, 55.60),
            commandement=860.0,
            date_cmdt=date(2025, 5, 6),
            dette=1892.33,
            date_dette=date(2025, 9, 30),
            art700=400.0,
            cout=74.0,
            juridiction="Tribunal de proximité de Langres",
            tribunal_adresse="Rue Diderot, 52200 Langres",
            audience=date(2025, 12, 9),
            heure="10:30",
            commissaire="Sylvain PETITJEAN-ROUX",
            date_acte=date(2025, 10, 2),
            rg=None,
        ),
    }
)


def lh_prefecture(lignes_prefet, services, ville_date):
    def f(c, n):
        if n != 1:
            return
        c.setFont("Helvetica-Bold", 9)
        for i, t in enumerate(lignes_prefet):
            c.drawString(20 * mm, H - 18 * mm - 4 * mm * i, t)
        y = H - 18 * mm - 4 * mm * len(lignes_prefet)
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawString(20 * mm, y - 1 * mm, "Liberté")
        c.drawString(20 * mm, y - 4 * mm, "Égalité")
        c.drawString(20 * mm, y - 7 * mm, "Fraternité")
        c.setFont("Helvetica", 8)
        for i, t in enumerate(services):
            c.drawString(20 * mm, y - 14 * mm - 3.6 * mm * i, t)
        c.setFont("Helvetica", 9.5)
        c.drawRightString(W - 20 * mm, H - 60 * mm, ville_date)

    return f


DEST = (
    "Association Habitat et Insertion\nService ASLL – Accompagnement social lié au logement\n"
    "10 rue des Écoles\n52000 CHAUMONT"
)


def ecrire_lettre(fichier, L, menage=None, copie_office=None, dest=None):
    blocks = [("r", dest or DEST), ("sp", 4)] + L["corps"]
    parts = [
        (lh_prefecture(L["prefet"], L["services"], L["ville_date"]), blocks, "Helvetica", 10, 80)
    ]
    h = MENAGES[menage] if menage else None
    if copie_office:
        corps, lh, font, size, top = OFFICES[copie_office]
        parts.append(
            (
                lh(h) if lh else None,
                corps(h),
                font if font in ("Helvetica", "Times-Roman", "Courier") else "Times-Roman",
                size,
                top or 20,
            )
        )
    build_pdf(dest_path := DOCS / fichier, parts, title="Courrier")
    if copie_office:
        att = attendu_acte(fichier, h, "saisine_prefecture", **L["attendu"])
    else:
        att = attendu(fichier, "saisine_prefecture", **L["attendu"])
    ecrire_attendu(att)
    return dest_path


LETTRES = {
    "Courrier DDETS 16 - CHARRIER.pdf": (
        dict(
            prefet=["PRÉFET", "DE LA CHARENTE"],
            services=[
                "Direction départementale de l'emploi, du travail et des solidarités",
                "Pôle prévention des expulsions locatives",
                "Affaire suivie par : Mme Karine DUBREUIL",
                "Tél. : 05 45 00 00 00",
                "Nos réf. : DDETS16/PPE/2025-0733",
            ],
            ville_date="Angoulême, le 3 octobre 2025",
            corps=[
                (
                    "b",
                    "Objet : assignation aux fins de résiliation de bail – demande de diagnostic "
                    "social et financier",
                ),
                ("p", "Madame la Directrice,"),
                (
                    "p",
                    "J'ai été rendu destinataire, en application de l'article 24 de la loi "
                    "n° 89-462 du 6 juillet 1989, de l'assignation délivrée à la demande de l'OPH "
                    "de la Charente à l'encontre de Madame Nadège CHARRIER, née le 11/03/1980, "
                    "locataire d'un logement situé 3 rue des Remparts, 16700 RUFFEC.",
                ),
                (
                    "p",
                    "L'affaire sera appelée à l'audience du Tribunal judiciaire d'Angoulême le "
                    "4 décembre 2025 à 9 heures 30. La dette locative s'élève à 2 318,90 € "
                    "arrêtée au 31 août 2025 ; le loyer mensuel charges comprises est de 447,35 €.",
                ),
                (
                    "p",
                    "Je vous saurais gré de bien vouloir réaliser le diagnostic social et "
                    "financier de ce ménage et de me transmettre votre rapport au plus tard le "
                    "14 novembre 2025, afin qu'il puisse être communiqué au juge avant l'audience.",
                ),
                (
                    "p",
                    "Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération "
                    "distinguée.",
                ),
                ("r", "Pour le Préfet et par délégation,\nLa responsable du pôle\nKarine DUBREUIL"),
            ],
            attendu=dict(
                personnes=[P("Mme", "CHARRIER", "Nadège", date(1980, 3, 11))],
                adresse="3 rue des Remparts",
                code_postal="16700",
                commune="Ruffec",
                bailleur="OPH de la Charente",
                statut_occupation="locataire_public",
                loyer_mensuel=447.35,
                montant_dette=2318.90,
                date_dette=date(2025, 8, 31),
                juridiction="Tribunal judiciaire d'Angoulême",
                date_audience=date(2025, 12, 4),
                heure_audience="09:30",
                reference="DDETS16/PPE/2025-0733",
                date_document=date(2025, 10, 3),
                date_limite=date(2025, 11, 14),
            ),
        ),
        None,
        None,
    ),
    "SP Cognac - assignation FABRE 25-0419.pdf": (
        dict(
            prefet=["SOUS-PRÉFECTURE", "DE COGNAC"],
            services=[
                "Bureau de la cohésion sociale et du logement",
                "Dossier suivi par : M. Hervé LAGARDE",
                "Référence : SPC/PEX/25-0419",
            ],
            ville_date="Cognac, le 29 septembre 2025",
            corps=[
                ("b", "Objet : prévention des expulsions – enquête sociale"),
                ("b", "P.J. : copie de l'assignation"),
                ("p", "Madame, Monsieur,"),
                (
                    "p",
                    "Vous trouverez ci-joint la copie de l'assignation délivrée à M. et Mme "
                    "FABRE, demeurant à Cognac, à la requête de leur bailleur.",
                ),
                (
                    "p",
                    "Conformément à la charte départementale de prévention des expulsions, je "
                    "vous demande de bien vouloir procéder à une enquête sociale et de m'adresser "
                    "vos conclusions avant le 21 novembre 2025.",
                ),
                ("r", "Le Sous-Préfet,\npour le Sous-Préfet, la secrétaire générale"),
            ],
            attendu=dict(
                reference="SPC/PEX/25-0419",
                date_document=date(2025, 9, 29),
                date_limite=date(2025, 11, 21),
            ),
        ),
        "fabre",
        "grellier",
    ),
    "Prefecture HM bureau logement BL-2025-215.pdf": (
        dict(
            prefet=["PRÉFET", "DE LA HAUTE-MARNE"],
            services=[
                "Direction de la citoyenneté et de la légalité",
                "Bureau du logement",
                "Réf. : BL/2025/215",
                "Votre interlocutrice : Sandrine PICARD",
            ],
            ville_date="Chaumont, le 14/10/2025",
            corps=[
                ("b", "Objet : Diagnostic social et financier – procédure d'expulsion locative"),
                ("p", "Madame, Monsieur,"),
                (
                    "p",
                    "En application de l'article 24 III de la loi du 6 juillet 1989, l'assignation "
                    "jointe au présent courrier m'a été notifiée. Je vous remercie de réaliser un "
                    "diagnostic social et financier concernant Madame HOARAU et de le retourner "
                    "à mes services avant le 28 novembre 2025.",
                ),
                ("p", "Veuillez agréer, Madame, Monsieur, mes salutations distinguées."),
                ("r", "Pour le préfet et par délégation,\nLe chef du bureau du logement"),
            ],
            attendu=dict(
                reference="BL/2025/215",
                date_document=date(2025, 10, 14),
                date_limite=date(2025, 11, 28),
            ),
        ),
        "hoarau",
        "laroche",
    ),
    "SP Langres pole expulsions WAGNER.pdf": (
        dict(
            prefet=["SOUS-PRÉFECTURE", "DE LANGRES"],
            services=[
                "Pôle prévention des expulsions",
                "Référence à rappeler : SPL-PEX-2025-0142",
                "Courriel : sp-langres-pex@haute-marne.test",
            ],
            ville_date="Langres, le 8 octobre 2025",
            corps=[
                ("b", "Objet : demande de diagnostic social et financier"),
                ("p", "Madame, Monsieur,"),
                (
                    "p",
                    "Une assignation aux fins de constat de résiliation de bail a été délivrée à "
                    "Monsieur Patrick WAGNER, demeurant 5 rue de la Gare, 52600 CHALINDREY, à la "
                    "demande de sa bailleresse, Madame Monique JACQUOT. L'audience est fixée au "
                    "18/12/2025 à 14h00 devant le Tribunal de proximité de Langres.",
                ),
                (
                    "p",
                    "Selon le décompte joint, la dette locative arrêtée au 30/09/2025 s'élève à "
                    "1.512,00 €, pour un loyer de 380,00 €.",
                ),
                (
                    "p",
                    "Je vous saurais gré de me faire parvenir le diagnostic pour le 5 décembre "
                    "2025.",
                ),
                ("r", "Le Sous-Préfet"),
            ],
            attendu=dict(
                personnes=[P("M.", "WAGNER", "Patrick", None)],
                adresse="5 rue de la Gare",
                code_postal="52600",
                commune="Chalindrey",
                bailleur="Monique JACQUOT",
                statut_occupation="locataire_prive",
                loyer_mensuel=380.0,
                montant_dette=1512.0,
                date_dette=date(2025, 9, 30),
                juridiction="Tribunal de proximité de Langres",
                date_audience=date(2025, 12, 18),
                heure_audience="14:00",
                reference="SPL-PEX-2025-0142",
                date_document=date(2025, 10, 8),
                date_limite=date(2025, 12, 5),
            ),
        ),
        None,
        None,
    ),
    "DDETSPP 52 - saisine MORELLE + assignation.pdf": (
        dict(
            prefet=["PRÉFET", "DE LA HAUTE-MARNE"],
            services=[
                "Direction départementale de l'emploi, du travail, des solidarités",
                "et de la protection des populations (DDETSPP)",
                "Service logement et hébergement",
                "N/Réf. : DDETSPP52/SLH/2025-1311",
            ],
            ville_date="Chaumont, le 10 octobre 2025",
            corps=[
                ("b", "Objet : saisine pour diagnostic social et financier (CCAPEX)"),
                ("p", "Madame la Directrice,"),
                (
                    "p",
                    "Je vous adresse ci-après la copie de l'assignation délivrée à Monsieur "
                    "Didier MORELLE. Je vous demande de bien vouloir me transmettre le diagnostic "
                    "au plus tard le 20 novembre 2025.",
                ),
                ("r", "Pour le préfet et par délégation"),
            ],
            attendu=dict(
                reference="DDETSPP52/SLH/2025-1311",
                date_document=date(2025, 10, 10),
                date_limite=date(2025, 11, 20),
            ),
        ),
        "morelle",
        "godard",
    ),
}


def courriers() -> None:
    for fichier, (L, menage, office) in LETTRES.items():
        ecrire_lettre(fichier, L, menage, office)


# --------------------------------------------------------------------------- formulaires


def R(t, m):
    return {"type": t, "montant": m}


FORMS = {
    "humbert": dict(
        mesure="maintien",
        date=date(2025, 10, 6),
        prescripteur=("Julie", "FERRAND"),
        organisme="UDAF de la Haute-Marne",
        adultes=[
            ("M.", "HUMBERT", "Franck", date(1980, 2, 11)),
            ("Mme", "HUMBERT", "Céline", date(1982, 9, 30)),
        ],
        enfants=[("HUMBERT", "Noah", date(2015, 6, 1))],
        composition="couple",
        adresse="45 avenue de la République",
        complement="Appt 22",
        cp="52100",
        commune="Saint-Dizier",
        statut="locataire_public",
        statut_txt="Locataire parc public",
        bailleur="OPH Saint-Dizier Habitat",
        loyer=(398.0, 62.0),
        dette=(1150.0, date(2025, 9, 30)),
        ressources=[
            ("Salaire (M.)", "salaire", 1650.0),
            ("ARE – France Travail (Mme)", "chomage", 820.40),
            ("Allocations familiales", "prestations_familiales", 105.20),
            ("APL", "apl", 88.0),
        ],
        objectifs=["budget", "dette_apurement"],
    ),
    "belkacem": dict(
        mesure="acces",
        date=date(2025, 9, 25),
        prescripteur=("Mélanie", "ROUX"),
        organisme="MDS de Ruffec",
        adultes=[("M.", "BELKACEM", "Ahmed", date(1995, 12, 3))],
        enfants=[],
        composition="homme_seul",
        adresse="12 rue du Four",
        complement=None,
        cp="16700",
        commune="Ruffec",
        statut="heberge",
        statut_txt="Hébergé chez un tiers",
        bailleur=None,
        loyer=None,
        dette=None,
        ressources=[("RSA", "rsa", 607.75), ("Prime d'activité", "autre", None)],
        objectifs=["projet_logement", "installation"],
    ),
    "pineau": dict(
        mesure="diagnostic",
        date=date(2025, 10, 2),
        prescripteur=("Hélène", "GIRAUD"),
        organisme="CCAS de Soyaux",
        adultes=[("Mme", "PINEAU", "Laura", date(1990, 5, 5))],
        enfants=[("PINEAU", "Jade", date(2012, 3, 14)), ("PINEAU", "Tom", date(2017, 9, 2))],
        composition="femme_seule",
        adresse="7 rue Aristide Briand",
        complement=None,
        cp="16800",
        commune="Soyaux",
        statut="locataire_prive",
        statut_txt="Locataire parc privé",
        bailleur="SCI Les Acacias",
        loyer=(520.0, 30.0),
        dette=(860.0, date(2025, 8, 31)),
        ressources=[
            ("Pension d'invalidité", "pension", 740.0),
            ("Allocations familiales + ASF", "prestations_familiales", 280.0),
            ("Allocation logement (AL)", "apl", 190.0),
        ],
        objectifs=["budget", "usage_logement"],
    ),
    "sylla": dict(
        mesure="renouvellement",
        date=date(2025, 10, 9),
        prescripteur=("Nicolas", "BRUN"),
        organisme="MDS Angoulême Est",
        adultes=[("Mme", "SYLLA", "Fatoumata", date(1985, 8, 19))],
        enfants=[
            ("SYLLA", "Aminata", date(2010, 1, 4)),
            ("SYLLA", "Ibrahim", date(2013, 6, 22)),
            ("SYLLA", "Mariam", date(2019, 11, 30)),
        ],
        composition="femme_seule",
        adresse="3 place Victor Hugo",
        complement="Bât. A, Appt 5",
        cp="16000",
        commune="Angoulême",
        statut="locataire_public",
        statut_txt="Locataire parc public",
        bailleur="OPH de la Charente",
        loyer=(476.90, None),
        dette=None,
        ressources=[
            ("RSA majoré", "rsa", 850.12),
            ("Allocations familiales", "prestations_familiales", 410.0),
            ("APL", "apl", 320.50),
        ],
        objectifs=["budget", "integration"],
    ),
    "lemoine": dict(
        mesure="maintien",
        date=date(2025, 9, 30),
        prescripteur=("Agnès", "COLLARD"),
        organisme="CIAS du Grand Langres",
        adultes=[
            ("M.", "LEMOINE", "Gérard", date(1955, 4, 12)),
            ("Mme", "LEMOINE", "Annie", date(1957, 10, 1)),
        ],
        enfants=[],
        composition="couple",
        adresse="16 rue Diderot",
        complement=None,
        cp="52200",
        commune="Langres",
        statut="locataire_prive",
        statut_txt="Locataire parc privé",
        bailleur="Robert GAUTHIER",
        loyer=(610.0, None),
        dette=(1830.0, date(2025, 9, 1)),
        ressources=[("Retraite (M.)", "pension", 1120.0), ("Retraite (Mme)", "pension", 690.50)],
        objectifs=["dette_apurement"],
    ),
}

MESURE_TXT = {
    "acces": "ASLL accès",
    "maintien": "ASLL maintien",
    "renouvellement": "Renouvellement ASLL",
    "diagnostic": "Diagnostic social et financier",
}
OBJ_TXT = {
    "projet_logement": "Élaborer un projet logement",
    "installation": "Installation dans le logement",
    "budget": "Gestion budgétaire",
    "dette_apurement": "Apurement de la dette",
    "usage_logement": "Bon usage du logement",
    "integration": "Intégration dans l'environnement",
}
STATUTS_TXT = [
    "Locataire parc public",
    "Locataire parc privé",
    "Sous-locataire",
    "Hébergé chez un tiers",
    "Sans logement",
]


def attendu_form(fichier, F) -> dict:
    loyer = None if F["loyer"] is None else round(F["loyer"][0] + (F["loyer"][1] or 0), 2)
    return attendu(
        fichier,
        "fiche_prescription",
        personnes=[P(*a) for a in F["adultes"]],
        adresse=F["adresse"],
        complement_adresse=F["complement"],
        code_postal=F["cp"],
        commune=F["commune"],
        bailleur=F["bailleur"],
        loyer_mensuel=loyer,
        montant_dette=F["dette"][0] if F["dette"] else None,
        date_dette=iso(F["dette"][1]) if F["dette"] else None,
        date_document=F["date"],
        type_mesure=F["mesure"],
        prescripteur=f"{F['prescripteur'][0]} {F['prescripteur'][1]}",
        organisme_prescripteur=F["organisme"],
        composition=F["composition"],
        nb_enfants=len(F["enfants"]),
        enfants=[P(None, *e) for e in F["enfants"]],
        statut_occupation=F["statut"],
        ressources=[R(t, m) for _, t, m in F["ressources"]],
        objectifs=F["objectifs"],
    )


def _box(on, style):
    if style == "x":
        return "X" if on else ""
    return "☒" if on else "☐"


def form_docx(fichier, F, style="box"):
    """Word : tableaux libellé/valeur. style 'box' = ☒/☐ devant l'option ; 'x' = colonne X."""
    doc = nouveau_docx(F["organisme"], "Arial", 10)
    p = doc.add_paragraph()
    r = p.add_run("DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT (ASLL)")
    r.bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Fonds de solidarité pour le logement – fiche à transmettre au service ASLL")

    def table(rows, cols=2):
        t = doc.add_table(rows=len(rows), cols=cols)
        t.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                t.cell(i, j).text = v
        doc.add_paragraph("")

    doc.add_paragraph("1. Type de mesure demandée").runs[0].bold = True
    if style == "x":
        table([[MESURE_TXT[k], _box(F["mesure"] == k, "x")] for k in MESURE_TXT])
    else:
        doc.add_paragraph(
            "   ".join(f"{_box(F['mesure'] == k, 'b')} {v}" for k, v in MESURE_TXT.items())
        )
    doc.add_paragraph("2. Service prescripteur").runs[0].bold = True
    pre_nom = (
        f"{F['prescripteur'][1]} {F['prescripteur'][0]}"
        if style == "x"
        else f"{F['prescripteur'][0]} {F['prescripteur'][1]}"
    )
    table(
        [
            ["Organisme", F["organisme"]],
            ["Nom et prénom du référent", pre_nom],
            ["Date de la demande", d_num(F["date"])],
        ]
    )
    doc.add_paragraph("3. Composition du ménage").runs[0].bold = True
    rows = [["Qualité", "Nom", "Prénom", "Date de naissance"]]
    for i, (civ, nom, pre, dn) in enumerate(F["adultes"]):
        q = "Demandeur" if i == 0 else "Conjoint(e)"
        rows.append([f"{q} ({'Monsieur' if civ == 'M.' else 'Madame'})", nom, pre, d_num(dn)])
    for nom, pre, dn in F["enfants"]:
        rows.append(["Enfant", nom, pre, d_num(dn)])
    table(rows, 4)
    doc.add_paragraph("4. Logement").runs[0].bold = True
    rows = [
        ["Adresse", F["adresse"] + (f", {F['complement']}" if F["complement"] else "")],
        ["Code postal / Commune", f"{F['cp']} {F['commune'].upper()}"],
    ]
    if style == "x":
        rows += [[s_, _box(F["statut_txt"] == s_, "x")] for s_ in STATUTS_TXT]
    else:
        rows.append(
            ["Statut", "  ".join(f"{_box(F['statut_txt'] == s_, 'b')} {s_}" for s_ in STATUTS_TXT)]
        )
    rows.append(["Bailleur", F["bailleur"] or ""])
    if F["loyer"]:
        rows.append(["Loyer mensuel", f"{m_espace(F['loyer'][0])} €"])
        rows.append(["Charges", f"{m_espace(F['loyer'][1])} €" if F["loyer"][1] else ""])
    if F["dette"]:
        rows.append(["Dette locative", f"{m_espace(F['dette'][0])} € au {d_num(F['dette'][1])}"])
    table(rows)
    doc.add_paragraph("5. Ressources mensuelles du ménage").runs[0].bold = True
    rows = [["Nature", "Montant"]]
    for lab, _, mt in F["ressources"]:
        rows.append([lab, "en attente" if mt is None else f"{m_espace(mt)} €"])
    total = sum(mt or 0 for _, _, mt in F["ressources"])
    rows.append(["Total", f"{m_espace(total)} €"])
    table(rows)
    doc.add_paragraph("6. Objectifs de l'accompagnement").runs[0].bold = True
    if style == "x":
        table([[v, _box(k in F["objectifs"], "x")] for k, v in OBJ_TXT.items()])
    else:
        for k, v in OBJ_TXT.items():
            doc.add_paragraph(f"{_box(k in F['objectifs'], 'b')} {v}")
    doc.add_paragraph(f"Fait à {F['commune']}, le {d_num(F['date'])}")
    sauver_docx(doc, fichier)
    ecrire_attendu(attendu_form(fichier, F))


def form_flat_blocks(F):
    """Fiche imprimée (PDF plat ou scan) : texte libre, cases [X] / [ ]."""

    def bx(on):
        return "[X]" if on else "[ ]"

    out = [
        ("t", "FICHE DE LIAISON – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
        (
            "l",
            "Mesure : " + "   ".join(f"{bx(F['mesure'] == k)} {v}" for k, v in MESURE_TXT.items()),
        ),
        ("sp", 2),
        ("b", "PRESCRIPTEUR"),
        ("l", f"Service : {F['organisme']}"),
        ("l", f"Travailleur social : {F['prescripteur'][1]} {F['prescripteur'][0]}"),
        ("l", f"Date : {d_num(F['date'])}"),
        ("b", "MÉNAGE"),
    ]
    for i, (civ, nom, pre, dn) in enumerate(F["adultes"]):
        q = "Demandeur" if i == 0 else "Conjoint"
        out.append(("l", f"{q} : {civ} {nom} {pre}, né(e) le {d_num(dn)}"))
    if F["enfants"]:
        for nom, pre, dn in F["enfants"]:
            out.append(("l", f"Enfant : {nom} {pre}, né(e) le {d_num(dn)}"))
    else:
        out.append(("l", "Enfants à charge : aucun"))
    out += [
        ("b", "LOGEMENT"),
        ("l", f"Adresse : {F['adresse']}" + (f" – {F['complement']}" if F["complement"] else "")),
        ("l", f"{F['cp']} {F['commune'].upper()}"),
        ("l", "Statut : " + "  ".join(f"{bx(F['statut_txt'] == s_)} {s_}" for s_ in STATUTS_TXT)),
        ("l", f"Bailleur : {F['bailleur'] or '—'}"),
    ]
    if F["loyer"]:
        out.append(
            (
                "l",
                f"Loyer : {m_espace(F['loyer'][0])} €"
                + (f"   Charges : {m_espace(F['loyer'][1])} €" if F["loyer"][1] else ""),
            )
        )
    if F["dette"]:
        out.append(("l", f"Dette locative au {d_num(F['dette'][1])} : {m_espace(F['dette'][0])} €"))
    out.append(("b", "RESSOURCES MENSUELLES"))
    for lab, _, mt in F["ressources"]:
        out.append(("l", f"{lab} : " + ("en attente" if mt is None else f"{m_espace(mt)} €")))
    total = sum(mt or 0 for _, _, mt in F["ressources"])
    out.append(("l", f"TOTAL : {m_espace(total)} €"))
    out.append(("b", "OBJECTIFS"))
    out.append(("l", "   ".join(f"{bx(k in F['objectifs'])} {v}" for k, v in OBJ_TXT.items())))
    return out


def form_flat(fichier, F):
    build_pdf(DOCS / fichier, [(None, form_flat_blocks(F), "Helvetica", 9.5, 18)], title="Fiche")
    ecrire_attendu(attendu_form(fichier, F))


def form_fillable(fichier, F):
    """PDF AcroForm : libellés sur la page, valeurs seulement dans les champs."""
    c = rl_canvas.Canvas(str(DOCS / fichier), pagesize=A4)
    c.setTitle("Formulaire ASLL")
    form = c.acroForm
    y = [H - 20 * mm]

    def titre(t):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(18 * mm, y[0], t)
        y[0] -= 7 * mm

    def champ(label, name, value, x=18 * mm, lw=55 * mm, width=110 * mm, same=False):
        c.setFont("Helvetica", 8.5)
        c.drawString(x, y[0] + 1.5 * mm, label)
        form.textfield(
            name=name,
            value=value,
            x=x + lw,
            y=y[0],
            width=width,
            height=5.5 * mm,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
        )
        if not same:
            y[0] -= 7.5 * mm

    def case(label, name, on, x):
        form.checkbox(
            name=name, x=x, y=y[0], size=4 * mm, checked=on, buttonStyle="cross", borderWidth=0.5
        )
        c.setFont("Helvetica", 8)
        c.drawString(x + 5 * mm, y[0] + 1 * mm, label)

    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(W / 2, y[0], "FORMULAIRE DE DEMANDE ASLL / DIAGNOSTIC")
    y[0] -= 10 * mm
    titre("Mesure sollicitée")
    for i, (k, v) in enumerate(MESURE_TXT.items()):
        case(v, f"mesure_{k}", F["mesure"] == k, 18 * mm + i * 45 * mm)
    y[0] -= 9 * mm
    titre("Prescripteur")
    champ("Structure", "structure", F["organisme"])
    champ("Prénom NOM du référent", "referent", f"{F['prescripteur'][0]} {F['prescripteur'][1]}")
    champ("Date", "date_demande", d_num(F["date"]))
    titre("Personnes composant le ménage")
    for i, (civ, nom, pre, dn) in enumerate(F["adultes"]):
        q = "Demandeur" if i == 0 else "Conjoint"
        champ(f"{q} – civilité, nom, prénom", f"adulte{i}", f"{civ} {nom} {pre}")
        champ(f"{q} – date de naissance", f"adulte{i}_dn", d_num(dn))
    for i, (nom, pre, dn) in enumerate(F["enfants"]):
        champ(f"Enfant {i + 1} – nom, prénom, naissance", f"enfant{i}", f"{nom} {pre} {d_num(dn)}")
    titre("Logement")
    champ("Adresse", "adresse", F["adresse"])
    champ("Complément", "complement", F["complement"] or "")
    champ("Code postal", "cp", F["cp"])
    champ("Commune", "commune", F["commune"])
    champ("Bailleur", "bailleur", F["bailleur"] or "")
    champ("Loyer (€)", "loyer", m_espace(F["loyer"][0]) if F["loyer"] else "")
    champ("Charges (€)", "charges", m_espace(F["loyer"][1]) if F["loyer"] and F["loyer"][1] else "")
    for i, s_ in enumerate(STATUTS_TXT):
        case(s_, f"statut{i}", F["statut_txt"] == s_, 18 * mm + (i % 3) * 60 * mm)
        if i % 3 == 2:
            y[0] -= 6 * mm
    y[0] -= 9 * mm
    titre("Ressources mensuelles")
    for i, (lab, _, mt) in enumerate(F["ressources"]):
        champ(lab, f"ress{i}", "en attente" if mt is None else m_espace(mt))
    titre("Objectifs")
    for i, (k, v) in enumerate(OBJ_TXT.items()):
        case(v, f"obj_{k}", k in F["objectifs"], 18 * mm + (i % 3) * 60 * mm)
        if i % 3 == 2:
            y[0] -= 6 * mm
    c.save()
    att = attendu_form(fichier, F)
    att["montant_dette"] = att["date_dette"] = None  # this form has no debt field
    ecrire_attendu(att)


def formulaires() -> None:
    form_docx("Demande ASLL maintien - UDAF 52 HUMBERT.docx", FORMS["humbert"], "box")
    form_docx("Fiche navette MDS Ruffec - BELKACEM.docx", FORMS["belkacem"], "x")
    form_docx("Prescription diagnostic CCAS Soyaux.docx", FORMS["pineau"], "box")
    form_fillable("Formulaire CD16 renouvellement SYLLA.pdf", FORMS["sylla"])
    form_fillable("Formulaire ASLL maintien - LEMOINE (champs).pdf", FORMS["lemoine"])
    form_flat("Fiche liaison ASLL - PINEAU imprimee.pdf", FORMS["pineau"])
    form_flat("Fiche liaison ASLL - HUMBERT.pdf", FORMS["humbert"])
    form_docx("Fiche navette CIAS Langres - LEMOINE.docx", FORMS["lemoine"], "x")
    form_fillable("Formulaire acces BELKACEM (remplissable).pdf", FORMS["belkacem"])
    form_flat("Fiche liaison ASLL SYLLA.pdf", FORMS["sylla"])
    form_docx("Demande renouvellement ASLL - SYLLA.docx", FORMS["sylla"], "box")


# --------------------------------------------------------------------------- scans


def degrader(page: Image.Image, rng: random.Random, angle: float) -> Image.Image:
    """Papier grisé, poussières, léger flou, rotation, bruit de fond (déterministe)."""
    page = page.point(lambda v: int(v * 0.92 + 8))
    draw = ImageDraw.Draw(page)
    w, h = page.size
    for _ in range(w * h // 4000):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 0, 1))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(80, 200))
    page = page.filter(ImageFilter.GaussianBlur(0.5))
    page = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=240)
    tile = Image.new("L", (97, 97))
    tile.putdata([rng.randrange(0, 16) for _ in range(97 * 97)])
    noise = Image.new("L", page.size)
    for x in range(0, w, 97):
        for y in range(0, h, 97):
            noise.paste(tile, (x, y))
    return ImageChops.subtract(page, noise)


def scanner(src_pdf: Path, fichier: str, dpi: int, angle: float, seed: int, mode: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                "1",
                "-l",
                "1",
                str(src_pdf),
                str(Path(tmp) / "p"),
            ],
            check=True,
        )
        page = Image.open(Path(tmp) / "p.png").convert("L")
        page.load()
    page = degrader(page, random.Random(seed), angle)
    out = DOCS / fichier
    if mode == "pdf":
        quand = datetime(2025, 10, 15, 10, 12, 0).timetuple()
        page.save(
            out,
            "PDF",
            resolution=float(dpi),
            quality=50,
            creationDate=quand,
            modDate=quand,
            producer="RICOH MP C3004",
            title=Path(fichier).stem,
        )
    elif mode == "jpg":
        page.save(out, "JPEG", quality=55, dpi=(dpi, dpi))
    elif mode == "png1":
        page.point(lambda v: 255 if v > 145 else 0).convert("1").save(
            out, optimize=True, dpi=(dpi, dpi)
        )
    elif mode == "png":
        page.quantize(16).save(out, optimize=True, dpi=(dpi, dpi))
    elif mode == "tif":
        page.point(lambda v: 255 if v > 145 else 0).convert("1").save(
            out, compression="group4", dpi=(dpi, dpi)
        )


def scans() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        jobs = [
            (
                "scan_DDETS16_20251015.pdf",
                "lettre",
                "Courrier DDETS 16 - CHARRIER.pdf",
                200,
                -0.7,
                "pdf",
            ),
            (
                "Numérisation SP Langres WAGNER.png",
                "lettre",
                "SP Langres pole expulsions WAGNER.pdf",
                300,
                1.3,
                "png1",
            ),
            ("IMG_20251016_fiche BELKACEM.jpg", "form", "belkacem", 200, 1.8, "jpg"),
            ("scan fiche SYLLA.tif", "form", "sylla", 300, -1.1, "tif"),
            ("Scan_LEMOINE_fiche.pdf", "form", "lemoine", 300, 0.6, "pdf"),
            (
                "WAGNER courrier numerise.jpg",
                "lettre",
                "SP Langres pole expulsions WAGNER.pdf",
                250,
                0.9,
                "jpg",
            ),
            (
                "scan courrier CHARRIER gris.png",
                "lettre",
                "Courrier DDETS 16 - CHARRIER.pdf",
                200,
                -1.6,
                "png",
            ),
        ]
        for i, (fichier, kind, key, dpi, angle, mode) in enumerate(jobs):
            src = tmpdir / f"src{i}.pdf"
            if kind == "lettre":
                L, _, _ = LETTRES[key]
                build_pdf(
                    src,
                    [
                        (
                            lh_prefecture(L["prefet"], L["services"], L["ville_date"]),
                            [("r", DEST), ("sp", 4)] + L["corps"],
                            "Helvetica",
                            10,
                            80,
                        )
                    ],
                )
                att = attendu(fichier, "saisine_prefecture", **L["attendu"])
            else:
                F = FORMS[key]
                build_pdf(src, [(None, form_flat_blocks(F), "Helvetica", 9.5, 18)])
                att = attendu_form(fichier, F)
            from pypdf import PdfReader

            assert len(PdfReader(src).pages) == 1, fichier
            scanner(src, fichier, dpi, angle, 1000 + i, mode)
            ecrire_attendu(att)


# --------------------------------------------------------------------------- sans rapport


def sans_rapport() -> None:
    fichier = "Bulletin de salaire septembre 2025.pdf"
    blocks = [
        ("t", "BULLETIN DE PAIE"),
        ("l", "Employeur : Transports Marnais SARL – 8 rue de l'Industrie, 52100 Saint-Dizier"),
        ("l", "SIRET 000 000 000 00000 – Code NAF 4941A – Convention collective des transports"),
        ("l", "Salarié : M. Franck HUMBERT – Chauffeur livreur – Entrée le 01/03/2019"),
        ("l", "Période du 01/09/2025 au 30/09/2025 – Paiement le 30/09/2025"),
        (
            "tab",
            [
                ["Rubrique", "Base", "Taux", "Montant"],
                ["Salaire de base", "151,67 h", "12,10", "1 835,21 €"],
                ["Heures supplémentaires 25 %", "6 h", "15,13", "90,78 €"],
                ["Sécurité sociale plafonnée", "1 925,99", "6,90 %", "-132,89 €"],
                ["CSG déductible", "1 892,31", "6,80 %", "-128,68 €"],
                ["Net à payer avant impôt", "", "", "1 512,44 €"],
                ["Impôt sur le revenu prélevé à la source", "", "0,00 %", "0,00 €"],
                ["Net payé", "", "", "1 512,44 €"],
            ],
        ),
        ("s", "Dans votre intérêt, conservez ce bulletin de paie sans limitation de durée."),
    ]
    build_pdf(DOCS / fichier, [(None, blocks, "Helvetica", 9, 18)], title="Bulletin")
    ecrire_attendu(attendu(fichier, "inconnu"))

    fichier = "Facture eau Veolia 2025-T3.pdf"
    blocks = [
        ("t", "Votre facture d'eau"),
        ("l", "Service de l'eau de l'Agglomération de Cognac – Délégataire : Eaux de Charente"),
        ("l", "Madame Laura PINEAU – 7 rue Aristide Briand – 16800 SOYAUX"),
        ("l", "Référence client : 0012345678 – Facture n° F25-778812 du 12 octobre 2025"),
        (
            "tab",
            [
                ["Libellé", "Quantité", "Montant TTC"],
                ["Abonnement eau potable (trimestre)", "1", "18,42 €"],
                ["Consommation eau potable", "24 m³", "52,37 €"],
                ["Assainissement collectif", "24 m³", "48,96 €"],
                ["Redevances Agence de l'eau", "24 m³", "9,12 €"],
                ["Total à payer", "", "128,87 €"],
            ],
        ),
        (
            "p",
            "Montant prélevé le 2 novembre 2025. En cas de difficulté de paiement, contactez "
            "notre service clients ; le fonds de solidarité pour le logement peut être sollicité.",
        ),
    ]
    build_pdf(DOCS / fichier, [(None, blocks, "Helvetica", 9.5, 18)], title="Facture")
    ecrire_attendu(attendu(fichier, "inconnu"))

    fichier = "Attestation de paiement CAF.docx"
    doc = nouveau_docx("CAF", "Arial", 10)
    blocks_to_docx(
        doc,
        [
            ("t", "ATTESTATION DE PAIEMENT"),
            (
                "p",
                "La Caisse d'allocations familiales de la Haute-Marne atteste que Monsieur Didier "
                "MORELLE, allocataire n° 1234567, demeurant 31 rue de Verdun, 52600 Chalindrey, a "
                "perçu les prestations suivantes :",
            ),
            (
                "tab",
                [
                    ["Mois", "Prestation", "Montant"],
                    ["Juillet 2025", "Aide personnalisée au logement", "212,00 €"],
                    ["Août 2025", "Aide personnalisée au logement", "212,00 €"],
                    ["Septembre 2025", "Prime d'activité", "164,27 €"],
                ],
            ),
            ("p", "Fait à Chaumont, le 3 octobre 2025, pour servir et valoir ce que de droit."),
        ],
    )
    sauver_docx(doc, fichier)
    ecrire_attendu(attendu(fichier, "inconnu"))


def main(parts=None) -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    ATTENDU.mkdir(parents=True, exist_ok=True)
    for name, fn in PARTS:
        if parts is None or name in parts:
            fn()


PARTS = [
    ("assignations", assignations),
    ("courriers", courriers),
    ("formulaires", formulaires),
    ("scans", scans),
    ("sans_rapport", sans_rapport),
]

if __name__ == "__main__":
    import sys

    main(sys.argv[1:] or None)
