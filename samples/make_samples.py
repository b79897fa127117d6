"""Génère le jeu de documents d'exemple d'asll (fictifs) et leurs extractions attendues.

    .venv/bin/python samples/make_samples.py

Écrit dans samples/documents/ (documents « déposés »), samples/scans/ (courrier scanné,
image seule) et samples/attendu/<nom du fichier>.json (ce que `asll extract --json` doit
trouver, au format de shared/spec/extraction.md + complement_adresse, enfants, objectifs).

Tout est inventé : personnes, adresses (rues fictives dans de vraies communes), études de
commissaires de justice, références. La sortie est déterministe (reportlab invariant,
graines fixes, dates fixes dans les archives Word).
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # noqa: E402  (doit précéder la création des documents)

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
SCANS = HERE / "scans"
ATTENDU = HERE / "attendu"
W, H = A4

# Ordre des clés : celui de asll.domain.model.Extraction.to_json().
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

# --------------------------------------------------------------------------- formats

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

_UNITES = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
_DIZAINES = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _moins_de_100(n: int) -> str:
    if n < 17:
        return _UNITES[n]
    if n < 20:
        return "dix-" + _UNITES[n - 10]
    d, u = divmod(n, 10)
    if d == 7:
        return "soixante et onze" if u == 1 else "soixante-" + _moins_de_100(10 + u)
    if d == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + _UNITES[u]
    if d == 9:
        return "quatre-vingt-" + _moins_de_100(10 + u)
    if u == 0:
        return _DIZAINES[d]
    if u == 1:
        return _DIZAINES[d] + " et un"
    return _DIZAINES[d] + "-" + _UNITES[u]


def _moins_de_1000(n: int) -> str:
    c, r = divmod(n, 100)
    if c == 0:
        return _moins_de_100(r)
    tete = "cent" if c == 1 else _UNITES[c] + " cent"
    if r == 0:
        return tete + ("s" if c > 1 else "")
    return tete + " " + _moins_de_100(r)


def en_lettres(n: int) -> str:
    if n < 1000:
        return _moins_de_1000(n)
    m, r = divmod(n, 1000)
    tete = "mille" if m == 1 else _moins_de_1000(m).removesuffix("s") + " mille"
    return tete if r == 0 else tete + " " + _moins_de_1000(r)


def montant_en_lettres(x: float) -> str:
    euros = int(x)
    cents = round((x - euros) * 100)
    s = en_lettres(euros) + (" euro" if euros < 2 else " euros")
    if cents:
        s += " et " + en_lettres(cents) + " centime" + ("s" if cents > 1 else "")
    return s.upper()


def fr_espace(x: float) -> str:
    """3412.87 -> '3 412,87'"""
    s = f"{x:,.2f}"
    return s.replace(",", " ").replace(".", ",")


def fr_point(x: float) -> str:
    """3412.87 -> '3.412,87'"""
    s = f"{x:,.2f}"
    return s.replace(",", "#").replace(".", ",").replace("#", ".")


def en_point(x: float) -> str:
    return f"{x:.2f}"


def d_long(d: date, jour=False) -> str:
    j = "1er" if d.day == 1 else str(d.day)
    s = f"{j} {MOIS[d.month - 1]} {d.year}"
    return f"{JOURS[d.weekday()]} {s}" if jour else s


def d_num(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def d_lettres(d: date, jour=False) -> str:
    j = "premier" if d.day == 1 else en_lettres(d.day)
    s = f"{j} {MOIS[d.month - 1]} {en_lettres(d.year)}"
    return f"{JOURS[d.weekday()]} {s}" if jour else s


def h_lettres(h: str) -> str:
    hh, mm_ = (int(p) for p in h.split(":"))
    s = f"{en_lettres(hh)} heure" + ("s" if hh > 1 else "")
    return s + (f" {en_lettres(mm_)}" if mm_ else "")


def h_heures(h: str) -> str:  # "9 heures 30", "14 heures"
    hh, mm_ = (int(p) for p in h.split(":"))
    return f"{hh} heures" + (f" {mm_:02d}" if mm_ else "")


def h_compact(h: str) -> str:  # "9h30", "14h00"
    hh, mm_ = (int(p) for p in h.split(":"))
    return f"{hh}h{mm_:02d}"


def h_espace(h: str) -> str:  # "09 h 30"
    hh, mm_ = (int(p) for p in h.split(":"))
    return f"{hh:02d} h {mm_:02d}"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def personne(civ, nom, prenom, naissance=None) -> dict:
    return {"civilite": civ, "nom": nom, "prenom": prenom, "date_naissance": iso(naissance)}


def statut_bailleur(bailleur: str) -> str:
    b = bailleur.upper()
    if any(k in b for k in ("OPH", "OPAC", "HLM", "HAMARIS", "ESH")):
        return "locataire_public"
    return "locataire_prive"


def attendu(fichier: str, type_document: str, **kw) -> dict:
    out = {}
    for k in KEYS:
        out[k] = [] if k in LIST_KEYS else None
    out["fichier"] = fichier
    out["type_document"] = type_document
    for k, v in kw.items():
        assert k in KEYS, k
        out[k] = iso(v) if isinstance(v, date) else v
    return out


def ecrire_attendu(data: dict) -> None:
    ATTENDU.mkdir(parents=True, exist_ok=True)
    path = ATTENDU / (data["fichier"] + ".json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- styles PDF


def styles(font="Helvetica", size=10.5, lead=None):
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[
        font
    ]
    lead = lead or size * 1.3
    return {
        "n": ParagraphStyle(
            "n",
            fontName=font,
            fontSize=size,
            leading=lead,
            alignment=TA_JUSTIFY,
            spaceAfter=size * 0.6,
        ),
        "l": ParagraphStyle("l", fontName=font, fontSize=size, leading=lead),
        "b": ParagraphStyle("b", fontName=bold, fontSize=size, leading=lead, spaceAfter=4),
        "t": ParagraphStyle(
            "t",
            fontName=bold,
            fontSize=size + 3,
            leading=(size + 3) * 1.3,
            alignment=TA_CENTER,
            spaceAfter=8,
            spaceBefore=6,
        ),
        "c": ParagraphStyle(
            "c",
            fontName=bold,
            fontSize=size,
            leading=lead,
            alignment=TA_CENTER,
            spaceAfter=6,
            spaceBefore=6,
        ),
        "r": ParagraphStyle("r", fontName=font, fontSize=size, leading=lead, alignment=TA_RIGHT),
        "s": ParagraphStyle("s", fontName=font, fontSize=size - 2, leading=(size - 2) * 1.25),
        "ind": ParagraphStyle(
            "ind",
            fontName=font,
            fontSize=size,
            leading=lead,
            alignment=TA_JUSTIFY,
            leftIndent=14 * mm,
            spaceAfter=4,
        ),
        "bold": bold,
        "font": font,
    }


def build_pdf(path: Path, parts, title: str, author: str = "") -> None:
    """parts: list of (id, onpage(canvas, doc, n), flowables, (l, r, t, b) margins)."""
    templates, story = [], []
    counters = {}
    for i, (pid, onpage, flow, (ml, mr, mt, mb)) in enumerate(parts):
        counters[pid] = 0

        def _cb(c, doc, pid=pid, onpage=onpage):
            counters[pid] += 1
            c.saveState()
            onpage(c, doc, counters[pid])
            c.restoreState()

        frame = Frame(
            ml,
            mb,
            W - ml - mr,
            H - mt - mb,
            id=pid + "f",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates.append(PageTemplate(id=pid, frames=[frame], onPage=_cb))
        if i > 0:
            story += [NextPageTemplate(pid), PageBreak()]
        story += flow
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        title=title,
        author=author,
        creator="Microsoft® Word 2016" if author else "",
        subject="",
    )
    doc.addPageTemplates(templates)
    doc.build(story)


# --------------------------------------------------------------------------- assignations


def acte_flowables(a: dict, S: dict) -> list:
    """Le corps d'une assignation (plusieurs pages)."""
    m = a["money"]
    E = a.get("eur", " €")
    f = []
    old = a.get("huissier", False)
    officier_mot = "huissier de justice" if old else "commissaire de justice"
    f.append(Paragraph(a.get("numero_acte", ""), S["s"]))
    f.append(Paragraph(a["titre"], S["t"]))
    f.append(Paragraph(a.get("sous_titre", "(Résiliation de bail – Expulsion – Paiement)"), S["c"]))
    f.append(Spacer(1, 4 * mm))
    f.append(Paragraph(a["an_formule"], S["b"]))
    f.append(Paragraph("<b>A LA REQUÊTE DE :</b>", S["l"]))
    f.append(Paragraph(a["requerant"], S["ind"]))
    f.append(
        Paragraph(
            a.get("domicile_elu", "Élisant domicile en l'Étude du " + officier_mot + " soussigné."),
            S["ind"],
        )
    )
    f.append(Spacer(1, 2 * mm))
    f.append(Paragraph(a["officier_formule"], S["n"]))
    f.append(Paragraph("<b>DONNÉ ASSIGNATION À :</b>", S["l"]))
    for p in a["defendeurs_txt"]:
        f.append(Paragraph(p, S["ind"]))
    f.append(Paragraph(a["demeurant"], S["ind"]))
    f.append(Paragraph("Où étant et parlant comme il est dit en fin d'acte.", S["ind"]))
    f.append(Spacer(1, 2 * mm))
    f.append(Paragraph("<b>D'AVOIR À COMPARAÎTRE</b>", S["l"]))
    f.append(Paragraph(a["comparaitre"], S["n"]))
    f.append(Paragraph("<b>TRÈS IMPORTANT</b>", S["c"]))
    f.append(
        Paragraph(
            "Vous êtes tenu(e) de comparaître en personne ou de vous faire représenter. Vous pouvez "
            "vous faire assister ou représenter par un avocat, votre conjoint, votre concubin ou la "
            "personne avec laquelle vous avez conclu un pacte civil de solidarité, vos parents ou "
            "alliés en ligne directe ou collatérale jusqu'au troisième degré inclus, ou les personnes "
            "exclusivement attachées à votre service personnel ou à votre entreprise. Le représentant, "
            "s'il n'est pas avocat, doit justifier d'un pouvoir spécial.",
            S["n"],
        )
    )
    f.append(
        Paragraph(
            "À défaut de comparaître, vous vous exposez à ce qu'un jugement soit rendu contre vous "
            "sur les seuls éléments fournis par votre adversaire (articles 472 et 473 du code de "
            "procédure civile). La procédure est orale : vous pouvez présenter vos moyens de défense "
            "par écrit dans les conditions de l'article 446-1 du code de procédure civile.",
            S["n"],
        )
    )
    f.append(
        Paragraph(
            "Si vous estimez que vos ressources sont insuffisantes, vous pouvez solliciter "
            "l'aide juridictionnelle auprès du bureau d'aide juridictionnelle du tribunal. Vous "
            "pouvez également saisir le fonds de solidarité pour le logement de votre département "
            "et vous rapprocher de la commission de coordination des actions de prévention des "
            "expulsions locatives (CCAPEX).",
            S["n"],
        )
    )
    f.append(Paragraph("<b>EXPOSÉ DES FAITS ET DES MOTIFS</b>", S["c"]))
    f.append(Paragraph(a["bail"], S["n"]))
    f.append(Paragraph(a["commandement"], S["n"]))
    f.append(
        Paragraph(
            f"Ce commandement est demeuré infructueux dans le délai de "
            f"{'deux mois' if old else 'six semaines'} qui était imparti, de sorte que la clause "
            f"résolutoire insérée au bail est acquise et que le bail se trouve résilié de plein droit.",
            S["n"],
        )
    )
    f.append(Paragraph(a["dette"], S["n"]))
    f.append(
        Paragraph(
            "Le requérant est donc bien fondé à solliciter le constat de la résiliation du bail, "
            "l'expulsion des occupants et de tous occupants de leur chef, au besoin avec le "
            "concours de la force publique, ainsi que la condamnation au paiement d'une indemnité "
            "mensuelle d'occupation égale au montant du loyer et des charges jusqu'à la libération "
            "effective des lieux.",
            S["n"],
        )
    )
    f.append(
        Paragraph(
            a.get(
                "prefet",
                "Conformément aux dispositions de l'article 24 III de la loi n° 89-462 du 6 juillet 1989, "
                "une copie de la présente assignation est notifiée au représentant de l'État dans le "
                "département au moins six semaines avant l'audience, afin qu'il saisisse l'organisme "
                "compétent désigné par le plan départemental d'action pour le logement et "
                "l'hébergement des personnes défavorisées, en vue de la réalisation d'un diagnostic "
                "social et financier.",
            ),
            S["n"],
        )
    )
    f.append(
        Paragraph(
            "Il serait inéquitable de laisser à la charge du requérant les frais irrépétibles qu'il a "
            "dû exposer pour faire valoir ses droits.",
            S["n"],
        )
    )
    f.append(Paragraph("<b>PAR CES MOTIFS</b>", S["c"]))
    f.append(Paragraph("Il est demandé au juge des contentieux de la protection de :", S["n"]))
    for x in a["dispositif"]:
        f.append(Paragraph("– " + x, S["ind"]))
    f.append(Paragraph("<b>SOUS TOUTES RÉSERVES</b>", S["c"]))
    f.append(
        Paragraph(
            "<b>Pièces communiquées :</b> 1. Contrat de bail – 2. Commandement de "
            "payer – 3. Décompte locatif – 4. Notification au représentant de "
            "l'État – 5. Signalement à la CCAPEX.",
            S["n"],
        )
    )
    f.append(PageBreak())
    f.append(Paragraph("<b>MODALITÉS DE REMISE DE L'ACTE</b>", S["c"]))
    f.append(Paragraph(a["remise"], S["n"]))
    f.append(Spacer(1, 6 * mm))
    cout = a["cout"]
    rows = (
        [["COÛT DE L'ACTE", ""]]
        + [[k, m(v) + E] for k, v in cout]
        + [["Total TTC", m(round(sum(v for _, v in cout), 2)) + E]]
    )
    t = Table(rows, colWidths=[70 * mm, 35 * mm], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), S["font"], 8.5),
                ("FONT", (0, 0), (-1, 0), S["bold"], 8.5),
                ("FONT", (0, -1), (-1, -1), S["bold"], 8.5),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    sig = Paragraph(a["signature"], S["l"])
    f.append(
        Table(
            [[t, sig]], colWidths=[110 * mm, 60 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    f.append(Spacer(1, 6 * mm))
    f.append(
        Paragraph(
            "Acte soumis à la taxe forfaitaire de l'article 302 bis Y du code général "
            "des impôts. Le présent acte comporte des feuilles visées par le " + officier_mot + ".",
            S["s"],
        )
    )
    return f


def entete_etude(office: dict, copie=False):
    def onpage(c, doc, n):
        st = office.get("style", "gauche")
        c.setFillColor(colors.black)
        if st == "gauche":
            y = H - 18 * mm
            c.setFont("Helvetica-Bold", 12)
            c.drawString(18 * mm, y, office["nom"])
            c.setFont("Helvetica", 8)
            for i, line in enumerate(office["lignes"]):
                c.drawString(18 * mm, y - 4.5 * mm * (i + 1), line)
            c.setStrokeColor(colors.HexColor("#1f3b73"))
            c.setLineWidth(1.2)
            c.line(18 * mm, H - 48 * mm, W - 18 * mm, H - 48 * mm)
        elif st == "centre":
            y = H - 16 * mm
            c.setFont("Times-Bold", 13)
            c.drawCentredString(W / 2, y, office["nom"])
            c.setFont("Times-Roman", 8.5)
            for i, line in enumerate(office["lignes"]):
                c.drawCentredString(W / 2, y - 4.2 * mm * (i + 1), line)
            c.line(30 * mm, H - 46 * mm, W - 30 * mm, H - 46 * mm)
        elif st == "bandeau":
            c.setFillColor(colors.HexColor("#6b1d2a"))
            c.rect(0, H - 30 * mm, W, 30 * mm, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 13)
            c.drawString(18 * mm, H - 13 * mm, office["nom"])
            c.setFont("Helvetica", 7.5)
            for i, line in enumerate(office["lignes"]):
                c.drawString(18 * mm, H - 18 * mm - 3.6 * mm * i, line)
            c.setFillColor(colors.black)
        elif st == "machine":  # vieil acte tapé, en-tête à gauche en Courier
            c.setFont("Courier-Bold", 11)
            c.drawString(20 * mm, H - 18 * mm, office["nom"])
            c.setFont("Courier", 8.5)
            for i, line in enumerate(office["lignes"]):
                c.drawString(20 * mm, H - 18 * mm - 4 * mm * (i + 1), line)
        elif st == "droite":
            c.setFont("Helvetica-Bold", 11)
            c.drawRightString(W - 18 * mm, H - 16 * mm, office["nom"])
            c.setFont("Helvetica-Oblique", 8)
            for i, line in enumerate(office["lignes"]):
                c.drawRightString(W - 18 * mm, H - 16 * mm - 4 * mm * (i + 1), line)
            c.setFillColor(colors.HexColor("#2e6b3f"))
            c.rect(18 * mm, H - 44 * mm, 4 * mm, 30 * mm, stroke=0, fill=1)
            c.setFillColor(colors.black)
        # pied de page
        c.setFont("Helvetica", 7)
        c.drawCentredString(W / 2, 10 * mm, office.get("pied", "") + f"   –  page {n}")
        if copie:
            c.setFillColor(colors.Color(0.55, 0.55, 0.55))
            c.setFont("Helvetica-Bold", 9)
            c.drawRightString(W - 12 * mm, H - 8 * mm, "COPIE – reçu en Préfecture")

    return onpage


def acte_parts(a: dict, copie=False) -> list:
    S = styles(a.get("font", "Helvetica"), a.get("size", 10))
    top = a["office"].get("marge_haut", 55 * mm)
    return [
        (
            "acte",
            entete_etude(a["office"], copie),
            acte_flowables(a, S),
            (20 * mm, 20 * mm, top, 18 * mm),
        )
    ]


def assignation(key: str) -> dict:
    """Les données de chaque assignation, avec leur rédaction propre à l'étude."""
    A = {}
    # ---- 1. MARTIN : OPH de Saint-Dizier, SELARL, « Nous, », €, 9 heures 30, couple épouse
    d_acte, d_aud = date(2025, 9, 1), date(2025, 10, 14)
    A["MARTIN"] = dict(
        office=dict(
            nom="SELARL ACTES & DROIT HAUTE-MARNE",
            style="gauche",
            lignes=[
                "Maître Sophie LAURENT-DUVAL – Maître Olivier PERRET – Maître Camille THIBAULT",
                "Commissaires de justice associés",
                "12 rue Gambetta – BP 40117 – 52102 SAINT-DIZIER CEDEX",
                "Tél. 03 25 05 41 12 – contact@actesdroit52.example – SIRET 812 345 678 00024",
            ],
            pied="SELARL Actes & Droit Haute-Marne – Société d'exercice libéral à responsabilité limitée",
        ),
        numero_acte="Acte n° 25/04127 – Réf. dossier : OPH/2025/1186 – Réf. étude : LD/MP",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        an_formule="L'AN DEUX MILLE VINGT-CINQ ET LE PREMIER SEPTEMBRE",
        requerant="L'<b>OPH de Saint-Dizier</b>, Office Public de l'Habitat, établissement public "
        "à caractère industriel et commercial, dont le siège est 4 place de l'Hôtel de "
        "Ville, 52100 Saint-Dizier, agissant poursuites et diligences de son Directeur "
        "général domicilié en cette qualité audit siège.",
        officier_formule="Nous, SELARL ACTES &amp; DROIT HAUTE-MARNE, titulaire d'un office de "
        "commissaire de justice à la résidence de Saint-Dizier, y demeurant 12 rue "
        "Gambetta, représentée par <b>Maître Sophie LAURENT-DUVAL</b>, commissaire "
        "de justice associée, soussignée,",
        defendeurs_txt=[
            "<b>Monsieur Kévin MARTIN</b>, né le 3 mai 1988 à Saint-Dizier (52),",
            "<b>Madame Jessica LEROY épouse MARTIN</b>, née le 17 janvier 1990 à "
            "Vitry-le-François (51),",
        ],
        demeurant="demeurant ensemble Résidence Les Fleurs, Bâtiment B, Appartement 12, "
        "14 rue des Anémones, 52100 SAINT-DIZIER",
        comparaitre=f"à l'audience du juge des contentieux de la protection du <b>Tribunal de "
        f"proximité de Saint-Dizier</b>, siégeant 2 rue du Docteur Mougeot, 52100 "
        f"Saint-Dizier, le <b>{d_long(d_aud, True)} à 9 heures 30</b>, salle "
        f"d'audience n° 2.",
        bail="Suivant contrat de bail sous seing privé en date du 12 mars 2018, le requérant a donné "
        "en location aux défendeurs un logement de type F3 situé à l'adresse susvisée, "
        "moyennant un loyer mensuel de 412,35 € outre une provision sur charges de 98,50 €, "
        "soit un total mensuel de 510,85 €, payable à terme échu.",
        commandement="Les locataires ayant cessé de régler régulièrement leurs loyers, un "
        "commandement de payer visant la clause résolutoire leur a été délivré par "
        "acte du 2 avril 2025 pour la somme en principal de 2 140,12 €.",
        dette="À ce jour, les défendeurs restent redevables de la somme de <b>3 412,87 €</b> au "
        "titre des loyers et charges impayés, selon décompte arrêté au 31 août 2025, "
        "échéance du mois d'août 2025 incluse.",
        dispositif=[
            "Constater l'acquisition de la clause résolutoire et la résiliation du bail ;",
            "Ordonner l'expulsion de Monsieur Kévin MARTIN et de Madame Jessica LEROY "
            "épouse MARTIN ainsi que de tous occupants de leur chef ;",
            "Les condamner solidairement au paiement de la somme de 3 412,87 € arrêtée au "
            "31 août 2025, avec intérêts au taux légal ;",
            "Fixer l'indemnité d'occupation au montant du loyer et des charges, soit 510,85 € "
            "par mois ;",
            "Les condamner solidairement à payer la somme de 600,00 € au titre de l'article "
            "700 du code de procédure civile ainsi qu'aux entiers dépens, comprenant le coût "
            "du commandement de payer.",
        ],
        remise="Signification faite à domicile : l'acte a été remis à Madame Jessica LEROY épouse "
        "MARTIN, présente, qui a déclaré être habilitée à recevoir la copie pour son conjoint "
        "et pour elle-même. Lettre prévue par l'article 658 du code de procédure civile "
        "adressée le jour même.",
        cout=[
            ("Émolument (art. R444-3 C. com.)", 37.64),
            ("Droit d'engagement des poursuites", 0.0),
            ("Frais de déplacement", 7.67),
            ("Total H.T.", 45.31),
            ("T.V.A. 20 %", 9.06),
            ("Taxe forfaitaire", 14.89),
            ("Frais postaux", 1.80),
        ],
        signature="Maître Sophie LAURENT-DUVAL<br/>Commissaire de justice associée<br/><i>(signé)</i>",
        money=fr_espace,
    )
    A["MARTIN"]["cout"] = [x for x in A["MARTIN"]["cout"] if x[0] != "Total H.T."]
    A["MARTIN"]["_att"] = dict(
        personnes=[
            personne("M.", "MARTIN", "Kévin", date(1988, 5, 3)),
            personne("Mme", "LEROY", "Jessica", date(1990, 1, 17)),
        ],
        adresse="14 rue des Anémones",
        complement_adresse="Résidence Les Fleurs, Bâtiment B, Appartement 12",
        code_postal="52100",
        commune="Saint-Dizier",
        bailleur="OPH de Saint-Dizier",
        loyer_mensuel=510.85,
        montant_dette=3412.87,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal de proximité de Saint-Dizier",
        date_audience=d_aud,
        heure_audience="09:30",
        commissaire_justice="Sophie LAURENT-DUVAL",
        reference=None,
        date_document=d_acte,
        statut_occupation="locataire_public",
    )

    # ---- 2. DUBOIS : 2019, huissier, « J'ai, », machine à écrire, dates numériques, 3.412,87 euros
    d_acte, d_aud = date(2019, 12, 9), date(2020, 2, 4)
    A["DUBOIS"] = dict(
        office=dict(
            nom="SCP BERTRAND & ROUSSEL",
            style="machine",
            marge_haut=45 * mm,
            lignes=[
                "Huissiers de Justice Associés",
                "Me Alain BERTRAND - Me Patrick ROUSSEL",
                "5, rue Toupot de Béveaux - 52000 CHAUMONT",
                "Tél : 03.25.03.18.77 - Fax : 03.25.03.18.78",
                "CDC : 40031 00001 0000123456X 12",
            ],
            pied="SCP BERTRAND & ROUSSEL - Huissiers de Justice Associés - CHAUMONT",
        ),
        huissier=True,
        font="Courier",
        size=9.5,
        eur=" euros",
        numero_acte="N/Réf : 19-2284 / PR / OPAC",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        sous_titre="(Article 24 de la loi n° 89-462 du 6 juillet 1989 - Résiliation de bail)",
        an_formule="L'AN DEUX MILLE DIX-NEUF ET LE NEUF DÉCEMBRE",
        requerant="L'OFFICE PUBLIC D'AMÉNAGEMENT ET DE CONSTRUCTION DE LA HAUTE-MARNE (<b>OPAC de la "
        "Haute-Marne</b>), dont le siège social est 9, avenue du Maréchal Foch à 52000 "
        "CHAUMONT, pris en la personne de son Directeur Général en exercice.",
        domicile_elu="Ayant pour avocat Maître Françoise VIGNERON, Avocat au Barreau de la "
        "Haute-Marne, et élisant domicile en l'Étude de l'huissier soussigné.",
        officier_formule="J'ai, <b>Maître Patrick ROUSSEL</b>, Huissier de Justice associé au sein de "
        "la SCP BERTRAND &amp; ROUSSEL, titulaire d'un office d'Huissier de Justice à "
        "la résidence de CHAUMONT (Haute-Marne), y demeurant 5, rue Toupot de "
        "Béveaux, soussigné,",
        defendeurs_txt=[
            "<b>Monsieur Gérard DUBOIS</b>, né le 21/06/1961 à LANGRES (52),",
            "<b>Madame Monique DUBOIS née FAIVRE</b>, née le 08/11/1963 à CHAUMONT (52),",
            "ci-après dénommés « les époux DUBOIS »,",
        ],
        demeurant="demeurant ensemble 27, rue Victoire de la Marne - 52000 CHAUMONT",
        comparaitre=f"à l'audience du Juge des contentieux de la protection du <b>Tribunal "
        f"judiciaire de Chaumont</b>, Palais de Justice, 1 place de la République, "
        f"52000 CHAUMONT, le <b>{d_num(d_aud)} à 14 heures</b>. (Les tribunaux "
        f"d'instance étant supprimés au 1er janvier 2020, l'affaire sera appelée "
        f"devant le juge des contentieux de la protection.)",
        bail="Suivant acte sous seing privé en date du 01/09/2009, l'OPAC de la Haute-Marne a donné à "
        "bail aux époux DUBOIS un appartement de type F4, moyennant un loyer mensuel initial de "
        "348,20 euros. Le loyer courant s'élève à ce jour à 386,14 euros, outre une provision sur "
        "charges de 112,00 euros.",
        commandement="Les loyers n'étant plus payés, un commandement de payer visant la clause "
        "résolutoire a été signifié aux époux DUBOIS le 12/07/2019 pour une somme de "
        "1.978,40 euros en principal.",
        dette="La dette locative s'élève désormais à la somme de <b>3.412,87 euros</b> suivant "
        "décompte arrêté au 30/11/2019.",
        dispositif=[
            "Constater la résiliation du bail par l'effet de la clause résolutoire ;",
            "Ordonner l'expulsion des époux DUBOIS et de tous occupants de leur chef ;",
            "Condamner solidairement les époux DUBOIS au paiement de la somme de 3.412,87 "
            "euros, montant de l'arriéré arrêté au 30/11/2019 ;",
            "Les condamner à payer 500 euros sur le fondement de l'article 700 du Code de "
            "Procédure Civile ainsi qu'aux dépens.",
        ],
        remise="Signification à personne : l'acte a été remis à Monsieur Gérard DUBOIS qui l'a "
        "accepté, tant pour lui-même que pour son épouse.",
        cout=[
            ("Emolument art. R444-3", 37.64),
            ("Transport", 7.67),
            ("TVA 20%", 9.06),
            ("Taxe forfaitaire", 14.89),
            ("Affranchissement", 0.95),
        ],
        signature="Me Patrick ROUSSEL<br/>Huissier de Justice",
        money=fr_point,
    )
    A["DUBOIS"]["_att"] = dict(
        personnes=[
            personne("M.", "DUBOIS", "Gérard", date(1961, 6, 21)),
            personne("Mme", "DUBOIS", "Monique", date(1963, 11, 8)),
        ],
        adresse="27 rue Victoire de la Marne",
        code_postal="52000",
        commune="Chaumont",
        bailleur="OPAC de la Haute-Marne",
        loyer_mensuel=498.14,
        montant_dette=3412.87,
        date_dette=date(2019, 11, 30),
        juridiction="Tribunal judiciaire de Chaumont",
        date_audience=d_aud,
        heure_audience="14:00",
        commissaire_justice="Patrick ROUSSEL",
        date_document=d_acte,
        statut_occupation="locataire_public",
    )

    # ---- 3. N'DIAYE : SCI Les Tilleuls, dates en lettres, EUR
    d_acte, d_aud = date(2025, 9, 8), date(2025, 10, 28)
    A["NDIAYE"] = dict(
        office=dict(
            nom="ÉTUDE FOURNIER – GAUTHIER",
            style="centre",
            lignes=[
                "Hélène FOURNIER · Mathieu GAUTHIER · Laure BENOIT-RICHARD",
                "Commissaires de justice associés – Membres d'une SELAS",
                "3 rue de l'Arsenal – 52300 JOINVILLE  ·  Bureau secondaire : 18 rue Diderot, 52130 Wassy",
                "03 25 94 10 10  ·  etude.fournier-gauthier@cj.example",
            ],
            pied="Étude Fournier – Gauthier, commissaires de justice",
        ),
        font="Times-Roman",
        size=10.5,
        eur=" EUR",
        numero_acte="Dossier 2025/0772 – HF",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        an_formule="L'an deux mille vingt-cinq, le huit septembre",
        requerant="La <b>SCI Les Tilleuls</b>, société civile immobilière au capital de 1 000 euros, "
        "immatriculée au RCS de Chaumont sous le n° 501 223 344, dont le siège est 9 rue "
        "des Tilleuls, 52300 Joinville, représentée par sa gérante en exercice.",
        officier_formule="J'ai, <b>Maître Hélène FOURNIER</b>, commissaire de justice associée à la "
        "résidence de Joinville (Haute-Marne), soussignée,",
        defendeurs_txt=["<b>Madame Aminata N'DIAYE</b>, née le 30 octobre 1979 à Dakar (Sénégal),"],
        demeurant="demeurant 6 ruelle du Grand Pont, 2ème étage gauche, 52300 JOINVILLE",
        comparaitre=f"à l'audience qui se tiendra devant le juge des contentieux de la protection "
        f"du <b>Tribunal de proximité de Saint-Dizier</b>, 2 rue du Docteur Mougeot, "
        f"52100 Saint-Dizier, <b>le {d_lettres(d_aud, True)} à "
        f"{h_lettres('09:30')}</b>.",
        bail="Par acte sous seing privé du quinze juin deux mille vingt-deux, la SCI Les Tilleuls a "
        "consenti à Madame Aminata N'DIAYE un bail d'habitation portant sur un appartement de "
        "deux pièces, moyennant un loyer mensuel de 455.00 EUR et une provision sur charges de "
        "40.00 EUR.",
        commandement="Un commandement de payer visant la clause résolutoire a été délivré le vingt "
        "et un mai deux mille vingt-cinq pour la somme de 1320.00 EUR.",
        dette="La locataire reste devoir à ce jour la somme de <b>2187.40 EUR</b>, décompte arrêté "
        "au trente et un août deux mille vingt-cinq.",
        dispositif=[
            "Constater la résiliation du bail ;",
            "Ordonner l'expulsion de Madame Aminata N'DIAYE ;",
            "La condamner au paiement de la somme de 2187.40 EUR arrêtée au 31 août 2025 ;",
            "La condamner à la somme de 450.00 EUR au titre de l'article 700 du code de "
            "procédure civile et aux dépens.",
        ],
        remise="Signification à étude : personne n'ayant pu recevoir l'acte au domicile, dont la "
        "certitude est établie par le nom sur la boîte aux lettres, la copie a été déposée en "
        "notre étude sous enveloppe fermée. Avis de passage laissé le jour même.",
        cout=[
            ("Émolument", 37.64),
            ("Déplacement", 7.67),
            ("TVA", 9.06),
            ("Taxe forfaitaire", 14.89),
            ("Lettre art. 658", 1.80),
        ],
        signature="Hélène FOURNIER<br/>commissaire de justice",
        money=en_point,
    )
    A["NDIAYE"]["_att"] = dict(
        personnes=[personne("Mme", "N'DIAYE", "Aminata", date(1979, 10, 30))],
        adresse="6 ruelle du Grand Pont",
        complement_adresse="2ème étage gauche",
        code_postal="52300",
        commune="Joinville",
        bailleur="SCI Les Tilleuls",
        loyer_mensuel=495.00,
        montant_dette=2187.40,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal de proximité de Saint-Dizier",
        date_audience=d_aud,
        heure_audience="09:30",
        commissaire_justice="Hélène FOURNIER",
        date_document=d_acte,
        statut_occupation="locataire_prive",
    )

    # ---- 4. D'ALMEIDA : bailleur personne physique via agence, montant en lettres, RG, 09 h 30
    d_acte, d_aud = date(2025, 9, 15), date(2025, 11, 6)
    A["DALMEIDA"] = dict(
        office=dict(
            nom="SELARL VALLÉE DE LA MARNE COMMISSAIRES",
            style="bandeau",
            marge_haut=40 * mm,
            lignes=[
                "Maître Julien PICARD – Maître Anne-Sophie COLLIN – Maître Bruno DELACROIX",
                "Commissaires de justice associés – 7 boulevard de Lattre de Tassigny, "
                "52200 LANGRES",
                "03 25 87 00 00 – constats, significations, recouvrement",
            ],
            pied="SELARL Vallée de la Marne Commissaires – RCS Chaumont 899 000 111",
        ),
        numero_acte="Acte 2025-LG-01930 – Votre réf. : GAR/DAL",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        sous_titre="RG n° 25/00387 – Procédure aux fins de résiliation de bail et d'expulsion",
        an_formule="L'AN DEUX MILLE VINGT-CINQ, LE QUINZE SEPTEMBRE",
        requerant="<b>Monsieur Jean-Pierre GARNIER</b>, retraité, né le 2 février 1950 à Dijon (21), "
        "demeurant 41 avenue Victor Hugo, 21000 Dijon, représenté par son mandataire "
        "l'<b>Agence Immobilière du Plateau de Langres</b>, SARL, 12 rue Diderot, 52200 "
        "Langres, titulaire de la carte professionnelle « Gestion immobilière » n° CPI "
        "5201 2018 000 012 345.",
        officier_formule="Nous, SELARL VALLÉE DE LA MARNE COMMISSAIRES, société titulaire d'un office "
        "de commissaire de justice à Langres, agissant par <b>Maître Anne-Sophie "
        "COLLIN</b>, commissaire de justice associée, l'une d'elles, soussignée,",
        defendeurs_txt=[
            "<b>Monsieur Paulo D'ALMEIDA</b>, né le 11 septembre 1984 à Porto (Portugal),",
            "<b>Madame Sandrine D'ALMEIDA née ROCHE</b>, née le 5 avril 1986 à Langres (52),",
        ],
        demeurant="demeurant ensemble 8 rue du Petit Cloître, 52200 LANGRES",
        comparaitre=f"à l'audience du juge des contentieux de la protection du <b>Tribunal "
        f"judiciaire de Chaumont</b>, Palais de justice, 1 place de la République, 52000 "
        f"Chaumont, le <b>{d_long(d_aud, True)} à 09 h 30</b>.",
        bail="Suivant bail en date du 1er octobre 2020, Monsieur Jean-Pierre GARNIER a donné à bail "
        "aux défendeurs une maison d'habitation, moyennant un loyer mensuel hors charges de "
        "620,00 € et une provision mensuelle sur charges de 35,00 €.",
        commandement="Par acte de notre ministère du 4 juin 2025, un commandement de payer visant la "
        "clause résolutoire a été délivré aux locataires pour la somme de 2 730,00 € "
        "(DEUX MILLE SEPT CENT TRENTE EUROS).",
        dette=f"La dette locative s'élève à la somme de <b>4 905,60 € ({montant_en_lettres(4905.60)})"
        f"</b> selon décompte arrêté au 31 août 2025.",
        dispositif=[
            "Constater l'acquisition de la clause résolutoire au 16 juillet 2025 ;",
            "Ordonner l'expulsion des défendeurs et de tous occupants de leur chef ;",
            "Les condamner solidairement à payer 4 905,60 € arrêtée au 31 août 2025 ;",
            "Les condamner à payer 900,00 € au titre de l'article 700 du code de procédure "
            "civile, ainsi qu'aux dépens.",
        ],
        remise="Signification à personne pour chacun des destinataires, remise en mains propres.",
        cout=[
            ("Émolument", 75.28),
            ("Déplacement", 7.67),
            ("TVA", 16.59),
            ("Taxe forfaitaire", 14.89),
        ],
        signature="Anne-Sophie COLLIN<br/>Commissaire de justice associée",
        money=fr_espace,
    )
    A["DALMEIDA"]["_att"] = dict(
        personnes=[
            personne("M.", "D'ALMEIDA", "Paulo", date(1984, 9, 11)),
            personne("Mme", "D'ALMEIDA", "Sandrine", date(1986, 4, 5)),
        ],
        adresse="8 rue du Petit Cloître",
        code_postal="52200",
        commune="Langres",
        bailleur="Jean-Pierre GARNIER",
        loyer_mensuel=655.00,
        montant_dette=4905.60,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal judiciaire de Chaumont",
        date_audience=d_aud,
        heure_audience="09:30",
        commissaire_justice="Anne-Sophie COLLIN",
        reference="25/00387",
        date_document=d_acte,
        statut_occupation="locataire_prive",
    )

    # ---- 5. LE GOFF : Hamaris, Wassy, 9h30, particule
    d_acte, d_aud = date(2025, 9, 3), date(2025, 10, 21)
    A["LEGOFF"] = dict(
        office=dict(
            nom="SELAS JURIS'ACTES 52",
            style="droite",
            lignes=[
                "Antoine MOREL · Émilie FAURE · Grégoire de MONTAIGU",
                "Commissaires de justice associés",
                "1 place Carnot · 52130 WASSY",
                "www.jurisactes52.example",
            ],
            pied="SELAS Juris'Actes 52",
        ),
        numero_acte="Acte : 2025/WS/0641",
        titre="ASSIGNATION EN RÉSILIATION DE BAIL ET EXPULSION<br/>DEVANT LE JUGE DES CONTENTIEUX "
        "DE LA PROTECTION",
        an_formule="L'an 2025 et le 3 septembre",
        requerant="<b>HAMARIS</b>, Office Public de l'Habitat de la Haute-Marne, dont le siège est "
        "14 rue du Vieux Moulin, 52000 Chaumont, représenté par sa Directrice générale.",
        officier_formule="Nous, SELAS JURIS'ACTES 52, commissaires de justice associés à la "
        "résidence de Wassy, représentée par <b>Maître Antoine MOREL</b>, "
        "commissaire de justice associé,",
        defendeurs_txt=["<b>Monsieur Thierry LE GOFF</b>, né le 14 août 1972 à Brest (29),"],
        demeurant="demeurant Résidence du Blaiseron, Bâtiment A, Appartement 3, 2 allée des "
        "Peupliers, 52130 WASSY",
        comparaitre=f"devant le juge des contentieux de la protection du <b>Tribunal de proximité "
        f"de Saint-Dizier</b>, 2 rue du Docteur Mougeot, 52100 Saint-Dizier, à "
        f"l'audience du <b>{d_num(d_aud)} à 9h30</b>.",
        bail="Par contrat du 20 mai 2016, HAMARIS a donné en location à Monsieur Thierry LE GOFF un "
        "logement de type F2 pour un loyer mensuel de 301,76 € et 61,20 € de provisions pour "
        "charges.",
        commandement="Un commandement de payer visant la clause résolutoire lui a été délivré le "
        "10 mars 2025 pour un montant de 1 204,48 €.",
        dette="Malgré ce commandement, la dette n'a cessé de croître et s'élève à <b>1 958,00 "
        "euros</b>, arrêtée au 31 juillet 2025.",
        dispositif=[
            "Constater la résiliation du bail et ordonner l'expulsion ;",
            "Condamner Monsieur Thierry LE GOFF à payer 1 958,00 € arrêtée au 31 juillet 2025 ;",
            "Le condamner à payer 300,00 € sur le fondement de l'article 700 du code de "
            "procédure civile et aux dépens.",
        ],
        remise="Signification à domicile : la copie a été remise à Monsieur Kévin LE GOFF, fils du "
        "destinataire, présent au domicile, qui a accepté de la recevoir.",
        cout=[("Émolument", 37.64), ("Déplacement", 7.67), ("TVA", 9.06), ("Taxe", 14.89)],
        signature="Antoine MOREL<br/>Commissaire de justice",
        money=fr_espace,
        eur=" €",
    )
    A["LEGOFF"]["_att"] = dict(
        personnes=[personne("M.", "LE GOFF", "Thierry", date(1972, 8, 14))],
        adresse="2 allée des Peupliers",
        complement_adresse="Résidence du Blaiseron, Bâtiment A, Appartement 3",
        code_postal="52130",
        commune="Wassy",
        bailleur="HAMARIS",
        loyer_mensuel=362.96,
        montant_dette=1958.00,
        date_dette=date(2025, 7, 31),
        juridiction="Tribunal de proximité de Saint-Dizier",
        date_audience=d_aud,
        heure_audience="09:30",
        commissaire_justice="Antoine MOREL",
        date_document=d_acte,
        statut_occupation="locataire_public",
    )

    # ---- 6. ROUSSEAU (Angoulême) : bare assignation dont la lettre de la Préfecture est à part
    d_acte, d_aud = date(2025, 9, 2), date(2025, 11, 4)
    A["ROUSSEAU"] = dict(
        office=dict(
            nom="SCP DELAGE, MOREAU & ASSOCIÉS",
            style="gauche",
            lignes=[
                "Maître Pierre DELAGE – Maître Nathalie MOREAU – Maître Yann LE BIHAN",
                "Commissaires de justice associés",
                "22 rempart Desaix – 16000 ANGOULÊME",
                "05 45 95 00 00 – scp.delage@cj16.example",
            ],
            pied="SCP Delage, Moreau & Associés – Angoulême",
        ),
        numero_acte="N° 2025-16-03314",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        an_formule="L'AN DEUX MILLE VINGT-CINQ ET LE DEUX SEPTEMBRE",
        requerant="L'<b>OPH de l'Angoumois</b>, office public de l'habitat, dont le siège est 25 "
        "boulevard de Bury, 16000 Angoulême, poursuites et diligences de son directeur "
        "général.",
        officier_formule="J'ai, <b>Maître Yann LE BIHAN</b>, commissaire de justice associé de la SCP "
        "DELAGE, MOREAU &amp; ASSOCIÉS, à la résidence d'Angoulême, soussigné,",
        defendeurs_txt=[
            "<b>Madame Céline ROUSSEAU</b>, née le 9 décembre 1983 à Cognac (16),",
            "<b>Monsieur Mickaël ROUSSEAU</b>, né le 27 mars 1981 à Angoulême (16),",
        ],
        demeurant="demeurant ensemble Résidence Basseau, Bâtiment G, Appartement 45, 11 rue "
        "Hector Berlioz, 16000 ANGOULÊME",
        comparaitre=f"à l'audience du juge des contentieux de la protection du <b>Tribunal "
        f"judiciaire d'Angoulême</b>, 1 rue de Beaulieu, 16000 Angoulême, le "
        f"<b>{d_long(d_aud, True)} à 14h00</b>.",
        bail="Suivant contrat du 3 janvier 2019, le requérant a donné à bail aux défendeurs un "
        "logement de type T4, moyennant un loyer de 438,90 € et une provision sur charges de "
        "126,40 €, soit 565,30 € par mois.",
        commandement="Un commandement de payer visant la clause résolutoire a été délivré le 15 mai "
        "2025 pour la somme de 1 985,75 €.",
        dette="Les défendeurs restent devoir la somme de <b>3 076,55 €</b> selon décompte arrêté au "
        "31 juillet 2025.",
        dispositif=[
            "Constater la résiliation du bail ; ordonner l'expulsion ;",
            "Condamner solidairement les défendeurs au paiement de 3 076,55 € arrêtée au "
            "31 juillet 2025 ;",
            "Les condamner au paiement de 500,00 € au titre de l'article 700 du code de "
            "procédure civile et aux dépens.",
        ],
        remise="Signification à personne, remise à Madame Céline ROUSSEAU, et à domicile pour "
        "Monsieur Mickaël ROUSSEAU.",
        cout=[
            ("Émolument", 75.28),
            ("Déplacement", 7.67),
            ("TVA", 16.59),
            ("Taxe forfaitaire", 14.89),
        ],
        signature="Yann LE BIHAN<br/>Commissaire de justice",
        money=fr_espace,
    )
    A["ROUSSEAU"]["_att"] = dict(
        personnes=[
            personne("Mme", "ROUSSEAU", "Céline", date(1983, 12, 9)),
            personne("M.", "ROUSSEAU", "Mickaël", date(1981, 3, 27)),
        ],
        adresse="11 rue Hector Berlioz",
        complement_adresse="Résidence Basseau, Bâtiment G, Appartement 45",
        code_postal="16000",
        commune="Angoulême",
        bailleur="OPH de l'Angoumois",
        loyer_mensuel=565.30,
        montant_dette=3076.55,
        date_dette=date(2025, 7, 31),
        juridiction="Tribunal judiciaire d'Angoulême",
        date_audience=d_aud,
        heure_audience="14:00",
        commissaire_justice="Yann LE BIHAN",
        date_document=d_acte,
        statut_occupation="locataire_public",
    )

    # ---- 7. BENALI : copie jointe au courrier de la Sous-préfecture de Saint-Dizier
    d_acte, d_aud = date(2025, 8, 26), date(2025, 10, 16)
    A["BENALI"] = dict(
        office=dict(
            nom="ÉTUDE LEMAIRE & ASSOCIÉS",
            style="centre",
            lignes=[
                "Maître Vincent LEMAIRE – Maître Sarah KLEIN – Maître Hugo DUPRÉ-LATOUR",
                "Commissaires de justice associés",
                "45 avenue de la République – 52100 SAINT-DIZIER – 03 25 56 00 00",
            ],
            pied="Étude Lemaire & Associés – Commissaires de justice",
        ),
        font="Times-Roman",
        size=10.5,
        numero_acte="Acte n° 0825/1147",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        an_formule="L'AN DEUX MILLE VINGT-CINQ ET LE VINGT-SIX AOÛT",
        requerant="La <b>SA HLM Le Foyer Marnais</b>, société anonyme d'habitations à loyer modéré, "
        "dont le siège est 3 rue de la Commune de Paris, 52100 Saint-Dizier.",
        officier_formule="Nous, Étude LEMAIRE &amp; ASSOCIÉS, <b>Maître Sarah KLEIN</b>, commissaire "
        "de justice associée à la résidence de Saint-Dizier, soussignée,",
        defendeurs_txt=["<b>Madame Fatima BENALI</b>, née le 2 février 1975 à Oran (Algérie),"],
        demeurant="demeurant 37 rue Jean Jaurès, Résidence Le Vert-Bois, Bât. D, Appt 208, 52100 "
        "SAINT-DIZIER",
        comparaitre=f"à l'audience du juge des contentieux de la protection du <b>Tribunal de "
        f"proximité de Saint-Dizier</b>, 2 rue du Docteur Mougeot, le <b>"
        f"{d_long(d_aud, True)} à 10 heures</b>.",
        bail="Suivant bail du 1er juillet 2012, la requérante a donné en location à Madame Fatima "
        "BENALI un logement T3 moyennant un loyer mensuel actuel de 389,12 € et une provision "
        "sur charges de 142,00 €.",
        commandement="Un commandement de payer visant la clause résolutoire a été signifié le "
        "27 mars 2025 pour 1 640,00 €.",
        dette="La locataire reste devoir <b>2 845,36 €</b>, décompte arrêté au 31 juillet 2025.",
        dispositif=[
            "Constater la résiliation du bail et ordonner l'expulsion ;",
            "Condamner Madame Fatima BENALI à payer 2 845,36 € ;",
            "La condamner à 400,00 € au titre de l'article 700 du code de procédure civile.",
        ],
        remise="Signification à personne.",
        cout=[
            ("Émolument", 37.64),
            ("Déplacement", 7.67),
            ("TVA", 9.06),
            ("Taxe forfaitaire", 14.89),
        ],
        signature="Sarah KLEIN<br/>commissaire de justice",
        money=fr_espace,
    )
    A["BENALI"]["_att"] = dict(
        personnes=[personne("Mme", "BENALI", "Fatima", date(1975, 2, 2))],
        adresse="37 rue Jean Jaurès",
        complement_adresse="Résidence Le Vert-Bois, Bât. D, Appt 208",
        code_postal="52100",
        commune="Saint-Dizier",
        bailleur="SA HLM Le Foyer Marnais",
        loyer_mensuel=531.12,
        montant_dette=2845.36,
        date_dette=date(2025, 7, 31),
        juridiction="Tribunal de proximité de Saint-Dizier",
        date_audience=d_aud,
        heure_audience="10:00",
        commissaire_justice="Sarah KLEIN",
        date_document=d_acte,
        statut_occupation="locataire_public",
    )

    # ---- 8. DE SOUSA : copie jointe au courrier de la Préfecture de la Haute-Marne
    d_acte, d_aud = date(2025, 9, 10), date(2025, 11, 18)
    A["DESOUSA"] = dict(
        office=dict(
            nom="SELARL ACTES & DROIT HAUTE-MARNE",
            style="gauche",
            lignes=[
                "Maître Sophie LAURENT-DUVAL – Maître Olivier PERRET – Maître Camille THIBAULT",
                "Commissaires de justice associés – Bureau de Chaumont",
                "8 rue Victoire de la Marne – 52000 CHAUMONT",
                "Tél. 03 25 32 41 12 – contact@actesdroit52.example",
            ],
            pied="SELARL Actes & Droit Haute-Marne",
        ),
        numero_acte="Acte n° 25/04388 – Réf. dossier : SCI/2025/077",
        titre="ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        an_formule="L'AN DEUX MILLE VINGT-CINQ ET LE DIX SEPTEMBRE",
        requerant="La <b>SCI du Val de Suize</b>, société civile immobilière, dont le siège est "
        "4 rue Bouchardon, 52000 Chaumont, représentée par son gérant.",
        officier_formule="Nous, SELARL ACTES &amp; DROIT HAUTE-MARNE, représentée par <b>Maître Olivier "
        "PERRET</b>, commissaire de justice associé, soussigné,",
        defendeurs_txt=[
            "<b>Monsieur Rui DE SOUSA</b>, né le 19 juillet 1978 à Braga (Portugal),",
            "<b>Madame Nathalie GUÉRIN épouse DE SOUSA</b>, née le 1er mars 1980 à Chaumont (52),",
        ],
        demeurant="demeurant ensemble 15 rue de Verdun, Appartement 4, 52000 CHAUMONT",
        comparaitre=f"à l'audience du juge des contentieux de la protection du <b>Tribunal "
        f"judiciaire de Chaumont</b>, 1 place de la République, 52000 Chaumont, le "
        f"<b>{d_long(d_aud, True)} à 13 h 45</b>.",
        bail="Suivant bail du 1er février 2021, la SCI du Val de Suize a donné à bail aux défendeurs "
        "un appartement moyennant un loyer de 540,00 € et une provision sur charges de 60,00 €.",
        commandement="Un commandement de payer visant la clause résolutoire a été délivré le 5 juin "
        "2025 pour la somme de 3.120,00 €.",
        dette="La dette locative s'élève à <b>4.210,00 €</b> selon décompte arrêté au 31 août 2025.",
        dispositif=[
            "Constater la résiliation du bail et ordonner l'expulsion ;",
            "Condamner solidairement les défendeurs au paiement de la somme de 4.210,00 € ;",
            "Les condamner à 700,00 € au titre de l'article 700 du code de procédure civile.",
        ],
        remise="Signification à domicile, remise à Madame Nathalie GUÉRIN épouse DE SOUSA.",
        cout=[
            ("Émolument", 75.28),
            ("Déplacement", 7.67),
            ("TVA", 16.59),
            ("Taxe forfaitaire", 14.89),
        ],
        signature="Olivier PERRET<br/>Commissaire de justice associé",
        money=fr_point,
    )
    A["DESOUSA"]["_att"] = dict(
        personnes=[
            personne("M.", "DE SOUSA", "Rui", date(1978, 7, 19)),
            personne("Mme", "GUÉRIN", "Nathalie", date(1980, 3, 1)),
        ],
        adresse="15 rue de Verdun",
        complement_adresse="Appartement 4",
        code_postal="52000",
        commune="Chaumont",
        bailleur="SCI du Val de Suize",
        loyer_mensuel=600.00,
        montant_dette=4210.00,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal judiciaire de Chaumont",
        date_audience=d_aud,
        heure_audience="13:45",
        commissaire_justice="Olivier PERRET",
        date_document=d_acte,
        statut_occupation="locataire_prive",
    )
    return A[key]


def ecrire_assignation(fichier: str, key: str) -> None:
    a = assignation(key)
    build_pdf(DOCS / fichier, acte_parts(a), title="Assignation", author="")
    ecrire_attendu(attendu(fichier, "assignation", **a["_att"]))


# --------------------------------------------------------------------------- courriers préfecture


def marianne(c, x, y, prefet_lignes, font="Helvetica-Bold"):
    """Bloc-marque simplifié : drapeau, « Liberté Égalité Fraternité », « PRÉFET DE … »."""
    c.setFillColor(colors.HexColor("#000091"))
    c.rect(x, y, 4 * mm, 7 * mm, stroke=0, fill=1)
    c.setFillColor(colors.HexColor("#e1000f"))
    c.rect(x + 8 * mm, y, 4 * mm, 7 * mm, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(font, 10)
    for i, l in enumerate(prefet_lignes):
        c.drawString(x, y - 5 * mm - 4.2 * mm * i, l)
    yy = y - 5 * mm - 4.2 * mm * len(prefet_lignes) - 1 * mm
    c.setFont("Helvetica-Oblique", 7.5)
    for i, l in enumerate(["Liberté", "Égalité", "Fraternité"]):
        c.drawString(x, yy - 3.3 * mm * i, l)


def lettre_flow(L: dict) -> list:
    S = styles(L.get("font", "Helvetica"), L.get("size", 10.5))
    f = []
    left = Paragraph("<br/>".join(L["service"]), S["s"])
    right = Paragraph("<br/>".join(L["destinataire"]), S["l"])
    f.append(
        Table(
            [[left, right]],
            colWidths=[88 * mm, 80 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
    )
    f.append(Spacer(1, 6 * mm))
    f.append(Paragraph(L["lieu_date"], S["r"]))
    f.append(Spacer(1, 4 * mm))
    for r in L["refs"]:
        f.append(Paragraph(r, S["l"]))
    f.append(Spacer(1, 3 * mm))
    f.append(Paragraph("<b>Objet :</b> " + L["objet"], S["l"]))
    if L.get("pj"):
        f.append(Paragraph("<b>P.J. :</b> " + L["pj"], S["l"]))
    f.append(Spacer(1, 5 * mm))
    f.append(Paragraph(L["appel"], S["n"]))
    for p in L["corps"]:
        f.append(Paragraph(p, S["n"]))
    f.append(Spacer(1, 4 * mm))
    sig = Paragraph("<br/>".join(L["signature"]), S["l"])
    f.append(KeepTogether([Table([["", sig]], colWidths=[90 * mm, 80 * mm])]))
    return f


def lettre_onpage(L: dict):
    def onpage(c, doc, n):
        if n == 1:
            marianne(c, 18 * mm, H - 22 * mm, L["prefet"])
        c.setFont("Helvetica", 7)
        c.setFillColor(colors.Color(0.3, 0.3, 0.3))
        for i, l in enumerate(L["pied"]):
            c.drawCentredString(W / 2, 14 * mm - 3.2 * mm * i, l)

    return onpage


def lettre_part(L):
    return ("lettre", lettre_onpage(L), lettre_flow(L), (18 * mm, 18 * mm, 50 * mm, 24 * mm))


def ecrire_lettre(fichier: str, L: dict, acte_key: str | None, att: dict, dest=DOCS) -> None:
    parts = [lettre_part(L)]
    if acte_key:
        parts += acte_parts(assignation(acte_key), copie=True)
    build_pdf(
        dest / fichier, parts, title=L.get("titre_pdf", "Courrier"), author=L.get("auteur", "")
    )
    ecrire_attendu(attendu(fichier, "saisine_prefecture", **att))


SERVICE_52 = [
    "Monsieur le Directeur",
    "Association Logis-Familles 52",
    "Service ASLL – Enquêtes sociales",
    "18 rue du Général Leclerc",
    "52100 SAINT-DIZIER",
]
SERVICE_16 = [
    "GIP Charente Solidarités",
    "Pôle Logement – Diagnostics sociaux et financiers",
    "Madame la Directrice",
    "8 rue Léonard Jarraud",
    "16000 ANGOULÊME",
]


def courriers() -> None:
    # ---- L1 : Sous-préfecture de Saint-Dizier + copie d'assignation (BENALI), date limite
    a = assignation("BENALI")
    L = dict(
        prefet=["PRÉFET", "DE LA HAUTE-MARNE"],
        service=[
            "<b>Sous-préfecture de Saint-Dizier</b>",
            "Bureau de la cohésion sociale",
            "et de la prévention des expulsions",
            "",
            "Affaire suivie par : Mme Corinne VOISIN",
            "Tél. : 03 25 07 00 00",
            "Courriel : sp-saint-dizier@haute-marne.gouv.example",
        ],
        destinataire=SERVICE_52,
        lieu_date="Saint-Dizier, le 8 septembre 2025",
        refs=["<b>N/Réf :</b> SPSD/EXP/2025-0412"],
        objet="Procédure d'expulsion locative – enquête sociale / diagnostic social et financier",
        pj="copie de l'assignation",
        appel="Monsieur le Directeur,",
        corps=[
            "En application de l'article 24 de la loi n° 89-462 du 6 juillet 1989, j'ai été "
            "destinataire de l'assignation aux fins de constat de la résiliation du bail délivrée à "
            "la requête de la SA HLM Le Foyer Marnais à l'encontre de <b>Madame Fatima BENALI</b>, "
            "demeurant 37 rue Jean Jaurès, Résidence Le Vert-Bois, Bât. D, Appt 208, 52100 "
            "Saint-Dizier.",
            f"L'affaire sera examinée par le juge des contentieux de la protection du Tribunal de "
            f"proximité de Saint-Dizier à l'audience du {d_long(date(2025, 10, 16))} à 10 heures.",
            "Je vous saurais gré de bien vouloir procéder au diagnostic social et financier de ce "
            "ménage et de me faire parvenir votre rapport <b>avant le 30 septembre 2025</b>, afin "
            "qu'il puisse être transmis au juge et à la CCAPEX dans les délais.",
            "Je vous prie d'agréer, Monsieur le Directeur, l'expression de ma considération "
            "distinguée.",
        ],
        signature=[
            "Pour le Sous-Préfet et par délégation,",
            "La Secrétaire générale,",
            "",
            "",
            "Marie-Hélène PRÉVOST",
        ],
        pied=[
            "Sous-préfecture de Saint-Dizier – 1 rue de la Sous-préfecture – 52100 Saint-Dizier",
            "Horaires d'accueil : du lundi au vendredi de 9h00 à 12h00",
        ],
    )
    att = dict(
        a["_att"],
        reference="SPSD/EXP/2025-0412",
        date_document=date(2025, 9, 8),
        date_limite=date(2025, 9, 30),
    )
    ecrire_lettre("Courrier SP Saint-Dizier 2025-0412.pdf", L, "BENALI", att)

    # ---- L2 : Préfecture de la Haute-Marne + copie (DE SOUSA), sans date limite précise
    a = assignation("DESOUSA")
    L = dict(
        prefet=["PRÉFET", "DE LA HAUTE-MARNE"],
        font="Times-Roman",
        size=11,
        service=[
            "<b>Direction départementale de l'emploi, du travail,</b>",
            "<b>des solidarités et de la protection des populations</b>",
            "Pôle Logement – Prévention des expulsions",
            "",
            "Dossier suivi par : M. Thomas GIRAUD",
            "ddetspp-expulsions@haute-marne.gouv.example",
        ],
        destinataire=SERVICE_52,
        lieu_date="Chaumont, le 19/09/2025",
        refs=["Nos réf. : DDETSPP/PEL/25-1093", "Vos réf. : –"],
        objet="Procédure d'expulsion locative – demande de diagnostic social et financier (DSF)",
        pj="1 (assignation)",
        appel="Madame, Monsieur,",
        corps=[
            "J'ai l'honneur de vous transmettre, en application des articles 24 de la loi du "
            "6 juillet 1989 et du décret n° 2021-8 du 5 janvier 2021, la copie de l'assignation "
            "délivrée par la SCI du Val de Suize à Monsieur Rui DE SOUSA et Madame Nathalie GUÉRIN "
            "épouse DE SOUSA, 15 rue de Verdun, Appartement 4, 52000 Chaumont.",
            f"L'audience est fixée au {d_num(date(2025, 11, 18))} à 13 h 45 devant le juge des "
            f"contentieux de la protection du Tribunal judiciaire de Chaumont.",
            "Je vous remercie de bien vouloir réaliser le diagnostic social et financier de ce "
            "ménage et d'en adresser le rapport au juge et à la CCAPEX dans les meilleurs délais, "
            "et au plus tard avant l'audience.",
            "Je vous prie d'agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
        ],
        signature=[
            "Pour le Préfet et par délégation,",
            "Le chef du pôle Logement,",
            "",
            "",
            "Thomas GIRAUD",
        ],
        pied=[
            "Préfecture de la Haute-Marne – 89 rue Victoire de la Marne – 52011 Chaumont Cedex",
            "www.haute-marne.gouv.fr",
        ],
    )
    att = dict(
        a["_att"],
        reference="DDETSPP/PEL/25-1093",
        date_document=date(2025, 9, 19),
        date_limite=None,
    )
    ecrire_lettre("Préfecture 52 - saisine DSF DE SOUSA.pdf", L, "DESOUSA", att)

    # ---- L3 : Préfecture de la Charente, seule (ROUSSEAU ; assignation séparée dans le jeu)
    L = dict(
        prefet=["PRÉFET", "DE LA CHARENTE"],
        service=[
            "<b>Préfecture de la Charente</b>",
            "Direction de la citoyenneté et de la",
            "légalité – Bureau des expulsions locatives",
            "",
            "Affaire suivie par : Mme Laurence BRUN",
            "Tél. : 05 45 97 61 00",
        ],
        destinataire=SERVICE_16,
        lieu_date="Angoulême, le 12 septembre 2025",
        refs=["<b>Référence :</b> EXP/2025-1187"],
        objet="Procédure d'expulsion locative – diagnostic social et financier",
        appel="Madame la Directrice,",
        corps=[
            "Par acte de commissaire de justice, l'OPH de l'Angoumois a fait assigner "
            "<b>Madame Céline ROUSSEAU et Monsieur Mickaël ROUSSEAU</b>, domiciliés Résidence "
            "Basseau, Bâtiment G, Appartement 45, 11 rue Hector Berlioz, 16000 Angoulême, devant le "
            "juge des contentieux de la protection du Tribunal judiciaire d'Angoulême, aux fins de "
            "résiliation du bail et d'expulsion.",
            f"L'audience est fixée au {d_long(date(2025, 11, 4), True)} à 14h00.",
            "Conformément au plan départemental d'action pour le logement et l'hébergement des "
            "personnes défavorisées, je vous demande de bien vouloir réaliser un diagnostic social "
            "et financier et de me faire parvenir votre rapport pour le 17 octobre 2025 au plus "
            "tard. La copie de l'assignation vous est adressée par courriel séparé.",
            "Je vous prie de croire, Madame la Directrice, à l'assurance de ma considération "
            "distinguée.",
        ],
        signature=["Pour le Préfet,", "La cheffe du bureau,", "", "", "Laurence BRUN"],
        pied=[
            "Préfecture de la Charente – 7-9 rue de la Préfecture – CS 92301 – 16023 Angoulême Cedex"
        ],
    )
    att = dict(
        personnes=[personne("Mme", "ROUSSEAU", "Céline"), personne("M.", "ROUSSEAU", "Mickaël")],
        adresse="11 rue Hector Berlioz",
        complement_adresse="Résidence Basseau, Bâtiment G, Appartement 45",
        code_postal="16000",
        commune="Angoulême",
        bailleur="OPH de l'Angoumois",
        juridiction="Tribunal judiciaire d'Angoulême",
        date_audience=date(2025, 11, 4),
        heure_audience="14:00",
        reference="EXP/2025-1187",
        date_document=date(2025, 9, 12),
        date_limite=date(2025, 10, 17),
        statut_occupation="locataire_public",
    )
    ecrire_lettre("Courrier Préfecture Charente EXP 2025-1187.pdf", L, None, att)

    # ---- L4 : Sous-préfecture de Langres, seule (D'ALMEIDA ; assignation séparée), date en chiffres
    L = dict(
        prefet=["PRÉFET", "DE LA HAUTE-MARNE"],
        size=10,
        service=[
            "<b>SOUS-PRÉFECTURE DE LANGRES</b>",
            "Pôle cohésion sociale",
            "",
            "Dossier suivi par : M. Frédéric HUMBERT",
            "sp-langres@haute-marne.gouv.example",
        ],
        destinataire=SERVICE_52,
        lieu_date="Langres, le 22/09/2025",
        refs=["N/Réf. : SPL/PEL/2025-088"],
        objet="Procédure d'expulsion locative – enquête sociale / diagnostic social et financier",
        appel="Monsieur le Directeur,",
        corps=[
            "Je vous informe que Monsieur Jean-Pierre GARNIER, représenté par l'Agence Immobilière "
            "du Plateau de Langres, a fait délivrer une assignation en résiliation de bail à "
            "<b>Monsieur Paulo D'ALMEIDA et Madame Sandrine D'ALMEIDA</b>, locataires du logement "
            "situé 8 rue du Petit Cloître, 52200 Langres.",
            "La dette locative s'élève à 4 905,60 € arrêtée au 31 août 2025. L'audience du juge des "
            "contentieux de la protection du Tribunal judiciaire de Chaumont est fixée au "
            "06/11/2025 à 9h30.",
            "Je vous demande de bien vouloir réaliser l'enquête sociale et de me faire parvenir votre "
            "rapport avant le 24/10/2025.",
            "Je vous prie d'agréer, Monsieur le Directeur, l'expression de mes salutations "
            "distinguées.",
        ],
        signature=["Le Sous-Préfet,", "", "", "Arnaud VERDIER"],
        pied=["Sous-préfecture de Langres – 3 place de l'Hôtel de Ville – 52200 Langres"],
    )
    att = dict(
        personnes=[personne("M.", "D'ALMEIDA", "Paulo"), personne("Mme", "D'ALMEIDA", "Sandrine")],
        adresse="8 rue du Petit Cloître",
        code_postal="52200",
        commune="Langres",
        bailleur="Jean-Pierre GARNIER",
        montant_dette=4905.60,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal judiciaire de Chaumont",
        date_audience=date(2025, 11, 6),
        heure_audience="09:30",
        reference="SPL/PEL/2025-088",
        date_document=date(2025, 9, 22),
        date_limite=date(2025, 10, 24),
        statut_occupation="locataire_prive",
    )
    ecrire_lettre("SP Langres - D'ALMEIDA.pdf", L, None, att)


LETTRE_SCAN = dict(
    prefet=["PRÉFET", "DE LA CHARENTE"],
    size=11,
    service=[
        "<b>Sous-préfecture de Cognac</b>",
        "Bureau de la réglementation",
        "et de la prévention des expulsions",
        "",
        "Affaire suivie par : Mme Agnès BOYER",
        "Tél. : 05 45 36 00 00",
    ],
    destinataire=SERVICE_16,
    lieu_date="Cognac, le 15 septembre 2025",
    refs=["N/Réf : SPC/EXP/2025-0233"],
    objet="Procédure d'expulsion locative – enquête sociale / diagnostic social et financier",
    appel="Madame la Directrice,",
    corps=[
        "Le Tribunal de proximité de Cognac m'a fait connaître qu'une assignation aux fins de "
        "résiliation de bail a été délivrée par la SA HLM Noalis Charente à l'encontre de "
        "<b>Monsieur Damien FONTAINE</b>, demeurant 4 impasse des Chais, 16100 Cognac.",
        "La dette locative s'élève à 1 845,30 € arrêtée au 31 juillet 2025. L'audience du juge des "
        "contentieux de la protection du Tribunal de proximité de Cognac aura lieu le jeudi "
        "23 octobre 2025 à 9 h 00.",
        "Je vous saurais gré de me faire parvenir votre rapport avant le 10 octobre 2025.",
        "Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération distinguée.",
    ],
    signature=["Pour le Sous-Préfet,", "La Secrétaire générale,", "", "", "Agnès BOYER"],
    pied=["Sous-préfecture de Cognac – 55 rue d'Angoulême – 16100 Cognac"],
)
ATT_SCAN = dict(
    personnes=[personne("M.", "FONTAINE", "Damien")],
    adresse="4 impasse des Chais",
    code_postal="16100",
    commune="Cognac",
    bailleur="SA HLM Noalis Charente",
    montant_dette=1845.30,
    date_dette=date(2025, 7, 31),
    juridiction="Tribunal de proximité de Cognac",
    date_audience=date(2025, 10, 23),
    heure_audience="09:00",
    reference="SPC/EXP/2025-0233",
    date_document=date(2025, 9, 15),
    date_limite=date(2025, 10, 10),
    statut_occupation="locataire_public",
)


def scans() -> None:
    SCANS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "lettre.pdf"
        build_pdf(src, [lettre_part(LETTRE_SCAN)], title="Courrier")
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                "-singlefile",
                str(src),
                str(Path(tmp) / "page"),
            ],
            check=True,
        )
        page = Image.open(Path(tmp) / "page.png").convert("L")
    rng = random.Random(20250915)
    # Papier légèrement gris, taches et poussières, léger flou, rotation de 0,8°.
    page = page.point(lambda v: int(v * 0.93 + 6))
    draw = ImageDraw.Draw(page)
    w, h = page.size
    for _ in range(1800):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 0, 0, 1))
        g = rng.randrange(90, 200)
        draw.ellipse((x, y, x + r, y + r), fill=g)
    for _ in range(3):  # traits de scanner
        x = rng.randrange(w)
        draw.line((x, 0, x + rng.randrange(-4, 4), h), fill=rng.randrange(200, 225), width=1)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    page = page.rotate(-0.8, resample=Image.BICUBIC, expand=False, fillcolor=244)
    # bruit de fond faible (tuile pseudo-aléatoire déterministe)
    tile = Image.new("L", (128, 128))
    tile.putdata([rng.randrange(0, 14) for _ in range(128 * 128)])
    noise = Image.new("L", page.size)
    for x in range(0, w, 128):
        for y in range(0, h, 128):
            noise.paste(tile, (x, y))
    page = ImageChops.subtract(page, noise)
    base = "scan_20250915_0932"
    from datetime import datetime

    quand = datetime(2025, 9, 15, 9, 32, 0).timetuple()
    page.save(
        SCANS / f"{base}.pdf",
        "PDF",
        resolution=200.0,
        quality=55,
        creationDate=quand,
        modDate=quand,
        producer="Canon iR-ADV C3530 PDF",
        title=base,
    )
    bw = page.point(lambda v: 255 if v > 150 else 0).convert("1")
    bw.save(SCANS / f"{base}.png", optimize=True, dpi=(200, 200))
    for ext in ("pdf", "png"):
        ecrire_attendu(attendu(f"{base}.{ext}", "saisine_prefecture", **ATT_SCAN))


# --------------------------------------------------------------------------- formulaires Word

DOCX_DATE = (2025, 1, 1, 0, 0, 0)


def normaliser_zip(path: Path, when: tuple) -> None:
    """Réécrit l'archive avec des dates fixes (python-docx met l'heure courante)."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def nouveau_docx(auteur: str, quand) -> Document:
    doc = Document()
    cp = doc.core_properties
    cp.author = auteur
    cp.last_modified_by = auteur
    cp.created = quand
    cp.modified = quand
    cp.revision = 3
    cp.title = ""
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(1.8)
        s.top_margin = s.bottom_margin = Cm(1.5)
    return doc


def cell(t, r, c, text, bold=False):
    p = t.cell(r, c).paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    return run


def sauver_docx(doc, fichier, when):
    path = DOCS / fichier
    doc.save(path)
    normaliser_zip(path, when)


def fiche_cognac() -> None:
    """Fiche de prescription ASLL – CCAS de Cognac : tableaux libellé/valeur, cases ☒/☐."""
    from datetime import datetime

    fichier = "Fiche prescription ASLL - CCAS Cognac.docx"
    doc = nouveau_docx("cbernard", datetime(2025, 9, 12, 10, 4))
    h = doc.add_paragraph()
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = h.add_run("FONDS DE SOLIDARITÉ POUR LE LOGEMENT DE LA CHARENTE")
    r.bold = True
    r.font.size = Pt(9)
    h = doc.add_paragraph()
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = h.add_run("FICHE DE PRESCRIPTION ASLL\nAccompagnement Social Lié au Logement")
    r.bold = True
    r.font.size = Pt(15)
    r.font.color.rgb = RGBColor(0x1F, 0x3B, 0x73)

    doc.add_heading("1. Prescripteur", level=2)
    t = doc.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    vals = [
        ("Nom : BERNARD", "Prénom : Claire"),
        ("Fonction : Conseillère en économie sociale et familiale", "Tél. : 05 45 36 55 12"),
        ("Organisme : CCAS de Cognac", "Adresse : 68 boulevard Denfert-Rochereau, 16100 Cognac"),
        ("Date de la demande : 12/09/2025", "Courriel : c.bernard@ccas-cognac.example"),
    ]
    for i, (a, b) in enumerate(vals):
        cell(t, i, 0, a)
        cell(t, i, 1, b)

    doc.add_heading("2. Nature de la mesure demandée", level=2)
    doc.add_paragraph("☐ Accès      ☒ Maintien      ☐ Renouvellement      ☐ Diagnostic")

    doc.add_heading("3. Composition du ménage", level=2)
    rows = [
        ("Qualité", "Civilité", "Nom", "Prénom", "Date de naissance", "Situation"),
        ("Demandeur", "M.", "MOREAU", "Stéphane", "14/02/1985", "Salarié (CDI temps partiel)"),
        ("Conjoint(e)", "Mme", "MOREAU née TESSIER", "Laetitia", "30/07/1987", "Sans emploi"),
        ("Enfant", "", "MOREAU", "Lucas", "02/11/2012", "Collégien"),
        ("Enfant", "", "MOREAU", "Inès", "19/05/2016", "Écolière"),
    ]
    t = doc.add_table(rows=len(rows), cols=6)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            cell(t, i, j, v, bold=(i == 0))
    doc.add_paragraph(
        "Adresse : 7 allée des Vignes, Résidence Le Plantier, Bât. C, Appt 21 – 16100 Cognac"
    )

    doc.add_heading("4. Logement", level=2)
    t = doc.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    vals = [
        (
            "Statut d'occupation",
            "☒ Locataire parc public   ☐ Locataire parc privé   ☐ Sous-locataire   ☐ Hébergé(e)",
        ),
        ("Bailleur", "SA HLM Noalis Charente"),
        ("Loyer charges comprises", "548,20 €"),
        ("Dette locative", "1 236,40 € au 31/08/2025 (plan d'apurement non respecté)"),
    ]
    for i, (a, b) in enumerate(vals):
        cell(t, i, 0, a, bold=True)
        cell(t, i, 1, b)

    doc.add_heading("5. Ressources mensuelles du ménage", level=2)
    rows = [
        ("Type de ressource", "Montant"),
        ("Salaire (M. MOREAU)", "1 412,00 €"),
        ("Allocations familiales", "148,52 €"),
        ("APL (versée au bailleur)", "212,00 €"),
        ("Prime d'activité", "en attente"),
        ("Total", "1 772,52 €"),
    ]
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate(rows):
        cell(t, i, 0, a, bold=(i in (0, len(rows) - 1)))
        cell(t, i, 1, b, bold=(i in (0, len(rows) - 1)))

    doc.add_heading("6. Objectifs de l'accompagnement", level=2)
    for line in [
        "☐ Aide à la définition d'un projet logement",
        "☐ Installation dans le logement",
        "☒ Gestion budgétaire",
        "☒ Apurement de la dette locative",
        "☐ Bon usage du logement",
        "☐ Intégration dans l'environnement",
    ]:
        doc.add_paragraph(line)
    doc.add_heading("7. Motif de la demande", level=2)
    doc.add_paragraph(
        "Perte d'heures de travail de M. MOREAU depuis mars 2025, impayés de loyer "
        "depuis avril. Le ménage est demandeur d'un accompagnement pour reprendre le "
        "paiement du loyer courant et négocier un plan d'apurement avec le bailleur."
    )
    doc.add_paragraph("☒ Le ménage a donné son accord à la mesure.")
    doc.add_paragraph("Signature du prescripteur :                    Signature du ménage :")
    sauver_docx(doc, fichier, (2025, 9, 12, 10, 4, 0))
    ecrire_attendu(
        attendu(
            fichier,
            "fiche_prescription",
            personnes=[
                personne("M.", "MOREAU", "Stéphane", date(1985, 2, 14)),
                personne("Mme", "MOREAU", "Laetitia", date(1987, 7, 30)),
            ],
            adresse="7 allée des Vignes",
            complement_adresse="Résidence Le Plantier, Bât. C, Appt 21",
            code_postal="16100",
            commune="Cognac",
            bailleur="SA HLM Noalis Charente",
            loyer_mensuel=548.20,
            montant_dette=1236.40,
            date_dette=date(2025, 8, 31),
            date_document=date(2025, 9, 12),
            type_mesure="maintien",
            prescripteur="Claire BERNARD",
            organisme_prescripteur="CCAS de Cognac",
            composition="couple",
            nb_enfants=2,
            enfants=[
                personne(None, "MOREAU", "Lucas", date(2012, 11, 2)),
                personne(None, "MOREAU", "Inès", date(2016, 5, 19)),
            ],
            statut_occupation="locataire_public",
            ressources=[
                {"type": "salaire", "montant": 1412.00},
                {"type": "prestations_familiales", "montant": 148.52},
                {"type": "apl", "montant": 212.00},
                {"type": "autre", "montant": None},
            ],
            objectifs=["budget", "dette_apurement"],
        )
    )


def demande_mds() -> None:
    """Demande d'ASLL accès – MDS de Saint-Dizier : « X » dans une cellule, hébergée."""
    from datetime import datetime

    fichier = "Demande ASLL accès - MDS Saint-Dizier.docx"
    doc = nouveau_docx("HAMIDI Nadia", datetime(2025, 9, 2, 15, 30))
    p = doc.add_paragraph()
    r = p.add_run(
        "Conseil départemental de la Haute-Marne\nMaison départementale des solidarités "
        "de Saint-Dizier\n10 rue Godard-Jeanson – 52100 Saint-Dizier"
    )
    r.font.size = Pt(9)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT")
    r.bold = True
    r.font.size = Pt(14)
    doc.add_paragraph(
        "Référent social : Mme Nadia HAMIDI, assistante de service social – "
        "Maison départementale des solidarités de Saint-Dizier – 03 25 05 12 12"
    )

    doc.add_paragraph().add_run("TYPE DE MESURE").bold = True
    rows = [
        ("Accès au logement", "X"),
        ("Maintien dans le logement", ""),
        ("Renouvellement", ""),
        ("Diagnostic", ""),
    ]
    t = doc.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate(rows):
        cell(t, i, 0, a)
        cell(t, i, 1, b, bold=True)

    doc.add_paragraph().add_run("LA PERSONNE").bold = True
    t = doc.add_table(rows=6, cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate(
        [
            ("Nom d'usage", "LEFÈVRE"),
            ("Prénom", "Océane"),
            ("Civilité", "Madame"),
            ("Née le", "21/03/1996 à Saint-Dizier"),
            (
                "Adresse actuelle",
                "Chez Mme Josiane LEFÈVRE (mère), 22 avenue de la République, 52100 Saint-Dizier",
            ),
            ("Situation au regard du logement", "Hébergée chez un tiers depuis janvier 2025"),
        ]
    ):
        cell(t, i, 0, a, bold=True)
        cell(t, i, 1, b)
    doc.add_paragraph("Situation familiale : célibataire, un enfant à charge.")
    t = doc.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    for i, row in enumerate(
        [("Enfant(s) à charge", "Prénom", "Date de naissance"), ("LEFÈVRE", "Noah", "08/06/2019")]
    ):
        for j, v in enumerate(row):
            cell(t, i, j, v, bold=(i == 0))

    doc.add_paragraph().add_run("RESSOURCES").bold = True
    rows = [
        ("Nature", "Montant mensuel"),
        ("RSA majoré", "1 028,45"),
        ("ASF (allocation de soutien familial)", "195,85"),
        ("Total", "1 224,30"),
    ]
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate(rows):
        cell(t, i, 0, a, bold=(i == 0))
        cell(t, i, 1, b, bold=(i == 0))

    doc.add_paragraph().add_run("OBJECTIFS DE LA MESURE").bold = True
    rows = [
        ("Recherche d'un logement adapté / projet logement", "X"),
        ("Installation et appropriation du logement", "X"),
        ("Gestion du budget", "X"),
        ("Apurement d'une dette", ""),
        ("Usage du logement", ""),
        ("Insertion dans le quartier", ""),
    ]
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate(rows):
        cell(t, i, 0, a)
        cell(t, i, 1, b, bold=True)
    doc.add_paragraph(
        "Demande de logement social déposée le 14/02/2025 (n° unique 052 0225 00123). "
        "Mme LEFÈVRE souhaite un T3 à Saint-Dizier."
    )
    doc.add_paragraph("Fait à Saint-Dizier, le 2 septembre 2025")
    doc.add_paragraph("Nadia HAMIDI")
    sauver_docx(doc, fichier, (2025, 9, 2, 15, 30, 0))
    ecrire_attendu(
        attendu(
            fichier,
            "fiche_prescription",
            personnes=[personne("Mme", "LEFÈVRE", "Océane", date(1996, 3, 21))],
            adresse="22 avenue de la République",
            complement_adresse="Chez Mme Josiane LEFÈVRE (mère)",
            code_postal="52100",
            commune="Saint-Dizier",
            date_document=date(2025, 9, 2),
            type_mesure="acces",
            prescripteur="Nadia HAMIDI",
            organisme_prescripteur="Maison départementale des solidarités de Saint-Dizier",
            composition="femme_seule",
            nb_enfants=1,
            enfants=[personne(None, "LEFÈVRE", "Noah", date(2019, 6, 8))],
            statut_occupation="heberge",
            ressources=[
                {"type": "rsa", "montant": 1028.45},
                {"type": "prestations_familiales", "montant": 195.85},
            ],
            objectifs=["projet_logement", "installation", "budget"],
        )
    )


def demande_diagnostic_caf() -> None:
    """Demande de diagnostic – CAF : nom avant prénom, Oui/Non, homme seul, parc privé."""
    from datetime import datetime

    fichier = "demande diagnostic CAF - M. FONTAINE-ROY.docx"
    doc = nouveau_docx("CAF52", datetime(2025, 8, 28, 9, 0))
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(
        "Caisse d'allocations familiales de la Haute-Marne\nService d'action sociale"
    ).italic = True
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("Demande de diagnostic social lié au logement")
    r.bold = True
    r.font.size = Pt(14)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("(à adresser au service ASLL – délai de réalisation : 2 mois)").italic = True
    doc.add_paragraph(
        "Demandeur de la mesure : DUMONT Isabelle, travailleuse sociale, CAF de la Haute-Marne"
    )
    doc.add_paragraph("Date : 28 août 2025")
    doc.add_paragraph("Nature de la demande : ☐ accès ☐ maintien ☐ renouvellement ☒ diagnostic")
    doc.add_heading("Identité", level=3)
    doc.add_paragraph("M. FONTAINE-ROY Jean-Luc, né le 04/10/1966, vit seul.")
    doc.add_paragraph("Adresse : 3 rue des Tanneurs, 52300 Joinville")
    doc.add_paragraph("Enfants : néant")
    doc.add_heading("Logement", level=3)
    doc.add_paragraph(
        "Locataire du parc privé – bailleur : SCI du Moulin Rouge de Joinville "
        "(gestion par l'agence Immo Der & Blaise). Loyer : 450,00 € + 30,00 € de "
        "charges. Arriéré de 2 310,00 € au 30/06/2025."
    )
    doc.add_heading("Ressources", level=3)
    t = doc.add_table(rows=4, cols=2)
    t.style = "Light Grid Accent 1"
    for i, (a, b) in enumerate(
        [
            ("Type", "Montant"),
            ("AAH", "1 016,05 €"),
            ("Allocation logement (AL)", "195,00 €"),
            ("Total", "1 211,05 €"),
        ]
    ):
        cell(t, i, 0, a)
        cell(t, i, 1, b)
    doc.add_heading("Points à évaluer", level=3)
    t = doc.add_table(rows=7, cols=3)
    t.style = "Table Grid"
    rows = [
        ("Objectif", "Oui", "Non"),
        ("Projet logement", "", "✓"),
        ("Installation", "", "✓"),
        ("Budget", "", "✓"),
        ("Apurement de la dette", "✓", ""),
        ("Usage du logement (encombrement signalé)", "✓", ""),
        ("Intégration", "", "✓"),
    ]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            cell(t, i, j, v, bold=(i == 0))
    doc.add_paragraph(
        "Observations : signalement du bailleur pour encombrement important du "
        "logement ; M. FONTAINE-ROY accepte la visite."
    )
    sauver_docx(doc, fichier, (2025, 8, 28, 9, 0, 0))
    ecrire_attendu(
        attendu(
            fichier,
            "fiche_prescription",
            personnes=[personne("M.", "FONTAINE-ROY", "Jean-Luc", date(1966, 10, 4))],
            adresse="3 rue des Tanneurs",
            code_postal="52300",
            commune="Joinville",
            bailleur="SCI du Moulin Rouge de Joinville",
            loyer_mensuel=480.00,
            montant_dette=2310.00,
            date_dette=date(2025, 6, 30),
            date_document=date(2025, 8, 28),
            type_mesure="diagnostic",
            prescripteur="Isabelle DUMONT",
            organisme_prescripteur="CAF de la Haute-Marne",
            composition="homme_seul",
            nb_enfants=0,
            statut_occupation="locataire_prive",
            ressources=[{"type": "aah", "montant": 1016.05}, {"type": "apl", "montant": 195.00}],
            objectifs=["dette_apurement", "usage_logement"],
        )
    )


# --------------------------------------------------------------------------- formulaires PDF


def formulaire_remplissable() -> None:
    """Formulaire PDF à champs (AcroForm) : renouvellement, femme seule, Langres."""
    fichier = "Formulaire ASLL renouvellement - CD52 Langres.pdf"
    c = rl_canvas.Canvas(str(DOCS / fichier), pagesize=A4)
    c.setTitle("Formulaire de demande ASLL")
    form = c.acroForm
    c.setFont("Helvetica-Bold", 14)
    c.drawCentredString(W / 2, H - 20 * mm, "DEMANDE DE MESURE ASLL")
    c.setFont("Helvetica", 9)
    c.drawCentredString(
        W / 2,
        H - 26 * mm,
        "Fonds de solidarité pour le logement de la Haute-Marne "
        "– formulaire à compléter informatiquement",
    )
    y = H - 38 * mm

    def champ(label, name, value, x=20 * mm, width=120 * mm, lx=None):
        nonlocal y
        c.setFont("Helvetica", 9)
        c.drawString(x, y + 2, label)
        form.textfield(
            name=name,
            tooltip=label,
            value=value,
            x=x + (lx or 48 * mm),
            y=y - 2,
            width=width,
            height=12,
            fontSize=9,
            borderWidth=0.5,
            borderColor=colors.grey,
            fillColor=colors.Color(0.92, 0.95, 1),
        )
        y -= 16

    def case(label, name, checked, x):
        form.checkbox(
            name=name,
            tooltip=label,
            x=x,
            y=y - 2,
            size=10,
            checked=checked,
            buttonStyle="cross",
            borderWidth=0.5,
        )
        c.setFont("Helvetica", 9)
        c.drawString(x + 14, y, label)

    def titre(t):
        nonlocal y
        y -= 4
        c.setFont("Helvetica-Bold", 10)
        c.setFillColor(colors.HexColor("#1f3b73"))
        c.drawString(20 * mm, y, t)
        c.setFillColor(colors.black)
        y -= 14

    titre("Type de mesure")
    for i, (lab, nm, ck) in enumerate(
        [
            ("Accès", "mesure_acces", False),
            ("Maintien", "mesure_maintien", False),
            ("Renouvellement", "mesure_renouvellement", True),
            ("Diagnostic", "mesure_diagnostic", False),
        ]
    ):
        case(lab, nm, ck, 20 * mm + i * 40 * mm)
    y -= 18
    titre("Prescripteur")
    champ("Nom et prénom", "prescripteur_nom", "GUÉRIN Sophie")
    champ("Service", "prescripteur_service", "Circonscription d'action sociale de Langres - CD 52")
    champ("Date de la demande", "date_demande", "29/09/2025", width=30 * mm)
    titre("Ménage")
    champ("Civilité", "civilite", "Madame", width=30 * mm)
    champ("Nom", "nom", "EL AMRANI")
    champ("Prénom", "prenom", "Yasmine")
    champ("Date de naissance", "naissance", "12/12/1989", width=30 * mm)
    champ("Conjoint (nom, prénom, naissance)", "conjoint", "")
    champ("Enfant 1", "enfant1", "EL AMRANI Sami - 03/04/2011")
    champ("Enfant 2", "enfant2", "EL AMRANI Lina - 27/08/2014")
    champ("Enfant 3", "enfant3", "EL AMRANI Adam - 15/01/2020")
    champ("Adresse", "adresse", "Résidence Les Auges, Bâtiment 2, Appartement 7")
    champ("Voie", "voie", "5 rue du Faubourg des Auges")
    champ("Code postal / Commune", "cp_commune", "52200 Langres")
    titre("Logement")
    for i, (lab, nm, ck) in enumerate(
        [
            ("Locataire public", "statut_public", True),
            ("Locataire privé", "statut_prive", False),
            ("Hébergé(e)", "statut_heberge", False),
            ("Sans logement", "statut_sans", False),
        ]
    ):
        case(lab, nm, ck, 20 * mm + i * 40 * mm)
    y -= 18
    champ("Bailleur", "bailleur", "Hamaris")
    champ("Loyer charges comprises (€)", "loyer", "486,90")
    titre("Ressources mensuelles")
    champ("Salaire", "res_salaire", "980,00", width=30 * mm)
    champ("Prestations familiales", "res_pf", "412,30", width=30 * mm)
    champ("APL / AL", "res_apl", "245,00", width=30 * mm)
    champ("Autres (préciser)", "res_autres", "", width=60 * mm)
    titre("Objectifs")
    objs = [
        ("Projet logement", "obj_projet", False),
        ("Installation", "obj_installation", False),
        ("Budget", "obj_budget", True),
        ("Apurement dette", "obj_dette", True),
        ("Usage du logement", "obj_usage", False),
        ("Intégration", "obj_integration", False),
    ]
    for i, (lab, nm, ck) in enumerate(objs):
        if i == 3:
            y -= 16
        case(lab, nm, ck, 20 * mm + (i % 3) * 55 * mm)
    y -= 22
    champ(
        "Motif du renouvellement",
        "motif",
        "Plan d'apurement en cours (6 mois sur 12), budget encore fragile",
        width=120 * mm,
    )
    c.setFont("Helvetica", 7)
    c.drawString(
        20 * mm,
        12 * mm,
        "FSL 52 – Formulaire ASLL v3 – les données sont traitées conformément au RGPD.",
    )
    c.showPage()
    c.save()
    ecrire_attendu(
        attendu(
            fichier,
            "fiche_prescription",
            personnes=[personne("Mme", "EL AMRANI", "Yasmine", date(1989, 12, 12))],
            adresse="5 rue du Faubourg des Auges",
            complement_adresse="Résidence Les Auges, Bâtiment 2, Appartement 7",
            code_postal="52200",
            commune="Langres",
            bailleur="Hamaris",
            loyer_mensuel=486.90,
            date_document=date(2025, 9, 29),
            type_mesure="renouvellement",
            prescripteur="Sophie GUÉRIN",
            organisme_prescripteur="Circonscription d'action sociale de Langres - CD 52",
            composition="femme_seule",
            nb_enfants=3,
            enfants=[
                personne(None, "EL AMRANI", "Sami", date(2011, 4, 3)),
                personne(None, "EL AMRANI", "Lina", date(2014, 8, 27)),
                personne(None, "EL AMRANI", "Adam", date(2020, 1, 15)),
            ],
            statut_occupation="locataire_public",
            ressources=[
                {"type": "salaire", "montant": 980.00},
                {"type": "prestations_familiales", "montant": 412.30},
                {"type": "apl", "montant": 245.00},
            ],
            objectifs=["budget", "dette_apurement"],
        )
    )


def formulaire_plat() -> None:
    """Fiche papier imprimée (PDF plat) : cases dessinées avec X, couple, 3 enfants."""
    fichier = "fiche ASLL papier - BOUZID.pdf"
    c = rl_canvas.Canvas(str(DOCS / fichier), pagesize=A4)
    c.setTitle("Fiche de prescription")
    c.setFont("Times-Bold", 13)
    c.drawString(20 * mm, H - 20 * mm, "CCAS d'Angoulême")
    c.setFont("Times-Roman", 9)
    c.drawString(
        20 * mm, H - 25 * mm, "Pôle action sociale – 1 place de l'Hôtel de Ville, 16000 Angoulême"
    )
    c.setFont("Times-Bold", 14)
    c.drawCentredString(
        W / 2, H - 38 * mm, "FICHE DE PRESCRIPTION – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"
    )
    y = H - 52 * mm

    def ligne(txt, bold=False, dy=6 * mm):
        nonlocal y
        c.setFont("Times-Bold" if bold else "Times-Roman", 10.5)
        c.drawString(20 * mm, y, txt)
        y -= dy

    def cases(items, x0=20 * mm, step=45 * mm):
        nonlocal y
        c.setFont("Times-Roman", 10.5)
        for i, (lab, ck) in enumerate(items):
            x = x0 + (i % 4) * step
            yy = y - (i // 4) * 6 * mm
            c.rect(x, yy - 1, 3.2 * mm, 3.2 * mm)
            if ck:
                c.setFont("Helvetica-Bold", 10)
                c.drawString(x + 0.5 * mm, yy, "X")
                c.setFont("Times-Roman", 10.5)
            c.drawString(x + 5 * mm, yy, lab)
        y -= 6 * mm * ((len(items) + 3) // 4) + 2 * mm

    ligne("Prescripteur : Marc LEBLANC, conseiller en insertion sociale – CCAS d'Angoulême", True)
    ligne("Date : 17 septembre 2025")
    ligne("Mesure sollicitée :", True)
    cases([("Accès", False), ("Maintien", True), ("Renouvellement", False), ("Diagnostic", False)])
    ligne("Ménage", True)
    rows = [
        ["", "Nom", "Prénom", "Né(e) le"],
        ["Monsieur", "BOUZID", "Ahmed", "06/01/1982"],
        ["Madame", "BOUZID", "Karima", "23/09/1985"],
        ["Enfant", "BOUZID", "Yanis", "11/02/2009"],
        ["Enfant", "BOUZID", "Sofia", "30/06/2013"],
        ["Enfant", "BOUZID", "Nour", "14/11/2018"],
    ]
    t = Table(rows, colWidths=[30 * mm, 45 * mm, 40 * mm, 35 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Times-Roman", 10),
                ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ]
        )
    )
    tw, th = t.wrapOn(c, W, H)
    t.drawOn(c, 20 * mm, y - th + 4 * mm)
    y -= th + 4 * mm
    ligne("Adresse : Résidence de la Grand-Font, Bât. 3, Appt 112")
    ligne("                 40 rue Saint-Vincent de Paul, 16000 Angoulême")
    ligne("Statut d'occupation :", True)
    cases(
        [
            ("Locataire HLM", True),
            ("Locataire privé", False),
            ("Hébergé", False),
            ("Sous-locataire", False),
        ]
    )
    ligne("Bailleur : OPH de l'Angoumois          Loyer mensuel charges comprises : 702,15 €")
    ligne("Dette locative : 2 954,00 € arrêtée au 31/08/2025")
    ligne("Ressources mensuelles :", True)
    rows = [
        ["Nature", "Montant"],
        ["ARE (France Travail) – M.", "1 120,40 €"],
        ["Salaire – Mme (temps partiel)", "650,00 €"],
        ["Allocations familiales + complément familial", "302,15 €"],
        ["APL", "288,00 €"],
        ["TOTAL", "2 360,55 €"],
    ]
    t = Table(rows, colWidths=[90 * mm, 35 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Times-Roman", 10),
                ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
                ("FONT", (0, -1), (-1, -1), "Times-Bold", 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ]
        )
    )
    tw, th = t.wrapOn(c, W, H)
    t.drawOn(c, 20 * mm, y - th + 4 * mm)
    y -= th + 4 * mm
    ligne("Objectifs :", True)
    cases(
        [
            ("Projet logement", False),
            ("Installation", False),
            ("Budget", True),
            ("Apurement dette", True),
            ("Usage du logement", True),
            ("Intégration", False),
        ]
    )
    ligne("Accord du ménage : oui.   Signature du prescripteur : M. LEBLANC")
    c.showPage()
    c.save()
    ecrire_attendu(
        attendu(
            fichier,
            "fiche_prescription",
            personnes=[
                personne("M.", "BOUZID", "Ahmed", date(1982, 1, 6)),
                personne("Mme", "BOUZID", "Karima", date(1985, 9, 23)),
            ],
            adresse="40 rue Saint-Vincent de Paul",
            complement_adresse="Résidence de la Grand-Font, Bât. 3, Appt 112",
            code_postal="16000",
            commune="Angoulême",
            bailleur="OPH de l'Angoumois",
            loyer_mensuel=702.15,
            montant_dette=2954.00,
            date_dette=date(2025, 8, 31),
            date_document=date(2025, 9, 17),
            type_mesure="maintien",
            prescripteur="Marc LEBLANC",
            organisme_prescripteur="CCAS d'Angoulême",
            composition="couple",
            nb_enfants=3,
            enfants=[
                personne(None, "BOUZID", "Yanis", date(2009, 2, 11)),
                personne(None, "BOUZID", "Sofia", date(2013, 6, 30)),
                personne(None, "BOUZID", "Nour", date(2018, 11, 14)),
            ],
            statut_occupation="locataire_public",
            ressources=[
                {"type": "chomage", "montant": 1120.40},
                {"type": "salaire", "montant": 650.00},
                {"type": "prestations_familiales", "montant": 302.15},
                {"type": "apl", "montant": 288.00},
            ],
            objectifs=["budget", "dette_apurement", "usage_logement"],
        )
    )


# --------------------------------------------------------------------------- hors registre


def facture() -> None:
    fichier = "Facture electricite 09-2025.pdf"
    c = rl_canvas.Canvas(str(DOCS / fichier), pagesize=A4)
    c.setTitle("Facture")
    c.setFillColor(colors.HexColor("#0a7d5a"))
    c.rect(0, H - 28 * mm, W, 28 * mm, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(18 * mm, H - 17 * mm, "Énergies Vallée de Marne")
    c.setFont("Helvetica", 8)
    c.drawString(
        18 * mm,
        H - 23 * mm,
        "Fournisseur d'électricité – service clients 09 70 00 00 00 (appel non surtaxé)",
    )
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 10)
    for i, l in enumerate(["Mme Martine COLIN", "9 rue des Lilas", "52100 Saint-Dizier"]):
        c.drawString(120 * mm, H - 45 * mm - 5 * mm * i, l)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(18 * mm, H - 70 * mm, "Facture")
    c.setFont("Helvetica", 9.5)
    lines = [
        "Facture n° 2025-09-0044812 du 16/09/2025",
        "Référence client : 7 004 512 889",
        "Période de consommation : du 15/07/2025 au 14/09/2025",
        "Point de livraison : 21 4455 6677 8899 – Puissance souscrite 6 kVA – Option Base",
    ]
    for i, l in enumerate(lines):
        c.drawString(18 * mm, H - 80 * mm - 5 * mm * i, l)
    rows = [
        ["Désignation", "Quantité", "Prix unitaire", "Montant HT"],
        ["Abonnement (2 mois)", "2", "12,44 €", "24,88 €"],
        ["Consommation Base", "612 kWh", "0,2016 €", "123,38 €"],
        ["Accise sur l'électricité", "612 kWh", "0,0337 €", "20,62 €"],
        ["CTA", "", "", "3,57 €"],
        ["TVA 20 %", "", "", "34,37 €"],
        ["Total TTC", "", "", "206,82 €"],
        ["Déjà réglé (mensualités)", "", "", "-140,00 €"],
        ["Reste à payer avant le 01/10/2025", "", "", "66,82 €"],
    ]
    t = Table(rows, colWidths=[80 * mm, 28 * mm, 30 * mm, 30 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 10),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEABOVE", (0, -3), (-1, -3), 0.5, colors.black),
            ]
        )
    )
    tw, th = t.wrapOn(c, W, H)
    t.drawOn(c, 18 * mm, H - 110 * mm - th)
    c.setFont("Helvetica", 7.5)
    c.drawString(
        18 * mm,
        20 * mm,
        "En cas de difficulté de paiement, contactez-nous : des solutions "
        "existent (chèque énergie, Fonds de solidarité pour le logement).",
    )
    c.showPage()
    c.save()
    ecrire_attendu(attendu(fichier, "inconnu"))


def illisibles() -> None:
    # PDF tronqué : début d'un vrai PDF puis des octets pseudo-aléatoires
    rng = random.Random(404)
    buf = io.BytesIO()
    cc = rl_canvas.Canvas(buf, pagesize=A4)
    cc.drawString(100, 700, "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION")
    cc.showPage()
    cc.save()
    head = buf.getvalue()[:700]
    (DOCS / "assignation PETIT (copie).pdf").write_bytes(
        head + bytes(rng.randrange(256) for _ in range(1500))
    )
    (DOCS / "Nouveau document.pdf").write_bytes(b"")
    (DOCS / "Fiche prescription DURAND.docx").write_text(
        "Fiche de prescription ASLL\r\nNom : DURAND Prénom : Paul\r\n"
        "(fichier texte renommé en .docx par erreur)\r\n",
        encoding="cp1252",
    )


# --------------------------------------------------------------------------- main


def main() -> None:
    for d in (DOCS, SCANS, ATTENDU):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    ecrire_assignation("assignation MARTIN.pdf", "MARTIN")
    ecrire_assignation("Assignation époux DUBOIS 2019.pdf", "DUBOIS")
    ecrire_assignation("Assignation SCI Les Tilleuls c N'DIAYE.pdf", "NDIAYE")
    ecrire_assignation("ASSIGNATION GARNIER c D'ALMEIDA.pdf", "DALMEIDA")
    ecrire_assignation("assignation LE GOFF Wassy.pdf", "LEGOFF")
    ecrire_assignation("Assignation ROUSSEAU - Angoulême.pdf", "ROUSSEAU")
    courriers()
    fiche_cognac()
    demande_mds()
    demande_diagnostic_caf()
    formulaire_remplissable()
    formulaire_plat()
    facture()
    illisibles()
    scans()
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    n = sum(1 for p in DOCS.iterdir()) + sum(1 for p in SCANS.iterdir())
    print(f"{n} documents, {len(list(ATTENDU.iterdir()))} fichiers attendus, {total / 1e6:.2f} Mo")


if __name__ == "__main__":
    main()
