"""Word and Excel output of the reports: letterhead, headings, tables, charts, page numbers.

Tables are written as WordprocessingML directly (one `parse_xml` per table): python-docx's
`add_row()` / `cells` are quadratic, and a year's debt table can hold thousands of rows.
"""

from __future__ import annotations

import io
import math
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from asll.config import Service
from generators import house_style as style
from generators.formatting import typo_fr
from generators.house_style import (
    BLEU,
    BORDURE,
    COULEURS_GRAPHIQUE,
    FOND_CLAIR,
    FOND_ENTETE,
    GRIS,
)
from reports.stats import Tableau, pourcentage_fr


# ---------------------------------------------------------------- document skeleton
def nouveau_document(service: Service, pied: str, paysage: bool = False) -> Document:
    """A4 document in the house style (generators/house_style.py), with the service's
    letterhead and « Page X sur Y » in the footer."""
    doc = Document()
    sec = doc.sections[0]
    largeur = style.page_a4(sec, 2.0, 2.0, paysage)
    style.polices(
        doc,
        10,
        {
            "Title": (20, 0, 4),
            "Subtitle": (11, 0, 14),
            "Heading 1": (14, 18, 6),
            "Heading 2": (11, 12, 4),
        },
    )

    # letterhead
    entete = sec.header
    p = entete.paragraphs[0]
    _run(p, service.nom, gras=True, taille=12, couleur=BLEU)
    p.paragraph_format.space_after = Pt(0)
    ville = " ".join(x for x in (service.code_postal, service.commune) if x)
    ligne1 = " – ".join(x for x in (service.adresse, ville) if x)
    contacts = " – ".join(
        x
        for x in (
            f"Tél. : {service.telephone}" if service.telephone else "",
            f"Courriel : {service.courriel}" if service.courriel else "",
        )
        if x
    )
    for texte in (ligne1, contacts):
        if texte:
            q = entete.add_paragraph()
            _run(q, texte, taille=style.PIED_TAILLE, couleur=GRIS)
            q.paragraph_format.space_after = Pt(0)
            p = q
    style.filet_entete(p)

    # footer: title on the left, « Page X sur Y » on the right
    p = style.pied(doc, sec, largeur)
    _run(p, pied, taille=style.PIED_TAILLE, couleur=GRIS)
    style.numeros_de_page(p)

    doc.core_properties.author = service.nom
    doc.core_properties.language = "fr-FR"
    doc._largeur_cm = largeur / 360000
    return doc


def _run(p, texte, gras=False, italique=False, taille=None, couleur=None):
    r = p.add_run(typo_fr(texte) if texte.strip() else texte)
    r.bold = gras or None
    r.italic = italique or None
    if taille:
        r.font.size = Pt(taille)
    if couleur:
        r.font.color.rgb = RGBColor.from_string(couleur)
    return r


def paragraphe(
    doc,
    texte: str = "",
    gras=False,
    italique=False,
    taille=None,
    couleur=None,
    apres=None,
    align=None,
    style=None,
):
    p = doc.add_paragraph(style=style)
    if texte:
        _run(p, texte, gras, italique, taille, couleur)
    if apres is not None:
        p.paragraph_format.space_after = Pt(apres)
    if align == "centre":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def a_completer(doc, texte: str):
    """A place left for the author's own text, highlighted in yellow as in the drafts."""
    p = doc.add_paragraph()
    r = _run(p, texte, italique=True)
    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def surligner(p, texte: str):
    """Append `texte` to paragraph `p`, highlighted in yellow: a place left to complete."""
    r = _run(p, texte)
    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return r


def puce(doc, texte: str):
    p = doc.add_paragraph(style="List Bullet")
    _run(p, texte)
    p.paragraph_format.space_after = Pt(2)
    return p


# ---------------------------------------------------------------- tables
def tableau_xml(
    doc,
    largeurs_cm: list[float],
    entetes: list[str],
    lignes: list[list],
    total: list | None = None,
    tiret_zero: bool = False,
    insecable: bool = True,
    taille: float = 9,
    aligner_gauche: int = 1,
    avec_suite: bool = False,
    hauteur_cm: float | None = None,
) -> None:
    """Append a table: header row repeated on each page, total row shaded.

    `insecable`: keep the whole table on one page (small tables).
    `aligner_gauche`: how many leading columns are text (left-aligned); the others centred.
    """
    tw = [int(c * 567) for c in largeurs_cm]
    sz = int(taille * 2)

    def cellule(texte, i, fond=None, gras=False, garder=False):
        if isinstance(texte, (int, float)) and not isinstance(texte, bool):
            texte = "-" if (texte == 0 and tiret_zero) else str(texte)
        texte = typo_fr(str(texte or "")) if texte not in (None, "") else ""
        jc = "left" if i < aligner_gauche else "center"
        shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fond}"/>' if fond else ""
        keep = "<w:keepNext/>" if garder else ""
        b = "<w:b/>" if gras else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{tw[i]}" w:type="dxa"/>{shd}<w:vAlign w:val="center"/>'
            f'</w:tcPr><w:p><w:pPr>{keep}<w:spacing w:before="30" w:after="30" w:line="240" '
            f'w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:rPr>{b}'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr><w:t xml:space="preserve">'
            + '</w:t><w:br/><w:t xml:space="preserve">'.join(escape(x) for x in texte.split("\n"))
            + "</w:t></w:r></w:p></w:tc>"
        )

    def rangee(valeurs, entete=False, fond=None, gras=False, garder=False):
        hauteur = (
            f'<w:trHeight w:val="{int(hauteur_cm * 567)}" w:hRule="atLeast"/>'
            if hauteur_cm and not entete
            else ""
        )
        trpr = (
            "<w:trPr><w:cantSplit/>" + hauteur + ("<w:tblHeader/>" if entete else "") + "</w:trPr>"
        )
        return (
            "<w:tr>"
            + trpr
            + "".join(cellule(v, i, fond, gras, garder) for i, v in enumerate(valeurs))
            + "</w:tr>"
        )

    n = len(lignes) + (1 if total else 0)
    suite = insecable and avec_suite  # keep the last row with the note / comments below
    parts = [rangee(entetes, entete=True, fond=FOND_ENTETE, gras=True, garder=insecable)]
    for k, ligne in enumerate(lignes):
        parts.append(rangee(ligne, garder=insecable and (k < n - 1 or suite)))
    if total:
        parts.append(rangee(total, fond=FOND_CLAIR, gras=True, garder=suite))
    bordures = "".join(
        f'<w:{c} w:val="single" w:sz="4" w:space="0" w:color="{BORDURE}"/>'
        for c in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(tw)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{bordures}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="20" w:type="dxa"/>'
        f'<w:left w:w="80" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/>'
        f'<w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in tw)
        + "</w:tblGrid>"
        + "".join(parts)
        + "</w:tbl>"
    )
    doc.element.body.sectPr.addprevious(parse_xml(xml))


# Average width of one character of the table font (Liberation Sans), in cm per point of
# size: bold headers are the widest text of a table.
CM_PAR_CARACTERE_ET_POINT = 0.0215
MARGES_CELLULE_CM = 0.4
TAILLE_MIN = 7.0


def largeur_mot(texte: str, taille: float) -> float:
    """Width in cm of the longest word of `texte`: a column narrower than that splits it."""
    mots = str(texte).replace("\u00a0", " ").split() or [""]
    longueur = max(len(m) for m in mots)
    return longueur * CM_PAR_CARACTERE_ET_POINT * taille + MARGES_CELLULE_CM


def largeurs_tableau(
    doc, entetes: list[str], lignes: list[list], taille: float = 9
) -> tuple[list[float], float]:
    """Column widths (cm) and font size so the table fits the page width and no header or
    value word is split: the first column wide enough for its labels (they wrap between
    words), the others at least as wide as their longest word. A table too wide at
    9 pt is set smaller, down to 7 pt."""
    page = doc._largeur_cm
    n = len(entetes)
    while True:
        mini = [
            max(largeur_mot(x, taille) for x in [entetes[i], *(l[i] for l in lignes if i < len(l))])
            for i in range(n)
        ]
        if n == 2:
            largeurs = [max(9.0, mini[0]), max(3.0, mini[1])]
        elif n == 3:
            largeurs = [max(9.0, mini[0]), max(2.8, mini[1]), max(2.8, mini[2])]
        else:
            longueur = max([len(str(l[0])) for l in lignes] + [len(entetes[0]), 8])
            premiere = max(min(max(3.5, longueur * 0.2), 7.5), mini[0])
            autres = min(2.8, (page - premiere) / (n - 1))
            largeurs = [premiere] + [max(autres, m) for m in mini[1:]]
        if sum(largeurs) > page:  # the first column gives way: its labels wrap between words
            largeurs[0] = max(mini[0], 3.5, page - sum(largeurs[1:]))
        if sum(largeurs) <= page or taille <= TAILLE_MIN:
            break
        taille -= 0.5
    return largeurs, taille


def ecrire_tableau(doc, t: Tableau) -> None:
    """Heading, comment, table, note and chart of one `Tableau`."""
    doc.add_heading(typo_fr(t.titre), level=2)
    entetes, lignes, total = t.grille()
    if t.cle == "ASLL évolution dettes":
        largeurs, taille = [1.6, 3.2, 3.0, 3.0, 3.0, 3.2], 9
    else:
        largeurs, taille = largeurs_tableau(doc, entetes, [*lignes, *([total] if total else [])])
    if not lignes:
        paragraphe(doc, "Aucune donnée pour cette année.", italique=True, couleur=GRIS)
        return
    image = graphique_png(t) if t.graphique else None
    petit = not t.grand and len(lignes) < 30
    tableau_xml(
        doc,
        largeurs,
        entetes,
        lignes,
        total,
        tiret_zero=t.tiret_zero,
        insecable=petit,
        taille=taille,
        aligner_gauche=2 if t.cle == "ASLL évolution dettes" else 1,
        avec_suite=len(t.commentaire) <= 6,
    )
    # note, comments and chart stay with the table (small tables only)
    suite = []
    p = paragraphe(doc, t.note, italique=True, taille=8, couleur=GRIS, apres=4)
    p.paragraph_format.space_before = Pt(2)
    suite.append(p)
    for phrase in t.commentaire:
        suite.append(puce(doc, phrase))
    if image:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(4)
        p.add_run().add_picture(image, width=Cm(11 if t.graphique != "secteurs" else 11.5))
        suite.append(p)
    if petit and len(t.commentaire) <= 6:
        for p in suite[:-1]:
            p.paragraph_format.keep_with_next = True


# ---------------------------------------------------------------- charts
def graphique_png(t: Tableau) -> io.BytesIO | None:
    """A bar or pie chart of the table, as PNG (None when matplotlib is missing)."""
    fig = figure(t)
    if fig is None:
        return None
    import matplotlib.pyplot as plt  # already loaded by figure()

    try:
        sortie = io.BytesIO()
        fig.savefig(sortie, format="png")
        sortie.seek(0)
        return sortie
    finally:
        plt.close(fig)


def figure(t: Tableau):
    """The matplotlib figure of the table's chart (the caller closes it), or None."""
    try:  # imported here on purpose: matplotlib takes a second to load, charts are rare
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    plt.rcParams.update({"font.family": ["Liberation Sans", "DejaVu Sans"], "font.size": 9})
    lignes = [l for l in t.lignes if isinstance(l[1], (int, float))]
    fig = None
    try:
        if t.graphique == "barres_groupees":
            # columns = landlords, rows = met / not met
            categories = t.entetes[1 : t.entetes.index("Total")]
            fig, ax = plt.subplots(figsize=(6.4, 3.0), dpi=150)
            largeur = 0.8 / max(len(lignes), 1)
            for k, ligne in enumerate(lignes):
                xs = [i + (k - (len(lignes) - 1) / 2) * largeur for i in range(len(categories))]
                barres = ax.bar(
                    xs,
                    ligne[1 : len(categories) + 1],
                    largeur * 0.95,
                    label=ligne[0],
                    color=COULEURS_GRAPHIQUE[k % len(COULEURS_GRAPHIQUE)],
                )
                ax.bar_label(barres, padding=2, fontsize=8)
            # above the bars, never over them
            ax.legend(
                frameon=False,
                fontsize=8,
                loc="lower center",
                bbox_to_anchor=(0.5, 1.0),
                ncol=len(lignes),
            )
            _etiquettes(ax, fig, categories)
        elif t.graphique == "secteurs":
            valeurs = [l for l in lignes if l[1] > 0]
            if not valeurs:
                return None
            fig, ax = plt.subplots(figsize=(6.0, 2.3), dpi=150)
            total = sum(l[1] for l in valeurs)
            coins, _ = ax.pie(
                [l[1] for l in valeurs],
                startangle=90,
                counterclock=False,
                colors=COULEURS_GRAPHIQUE[: len(valeurs)],
                wedgeprops={"linewidth": 1, "edgecolor": "white"},
            )
            ax.legend(
                coins,
                [f"{l[0]} ({pourcentage_fr(l[1], total)})" for l in valeurs],
                loc="center left",
                bbox_to_anchor=(1.02, 0.5),
                frameon=False,
                fontsize=9,
            )
            ax.set_aspect("equal")
        else:
            valeurs = [l for l in lignes]
            if not valeurs:
                return None
            fig, ax = plt.subplots(figsize=(6.4, 2.6), dpi=150)
            barres = ax.bar(
                range(len(valeurs)),
                [l[1] for l in valeurs],
                width=0.55,
                color=COULEURS_GRAPHIQUE[0],
            )
            ax.bar_label(barres, padding=2, fontsize=8)
            _etiquettes(ax, fig, [str(l[0]) for l in valeurs])
        ax.spines[["top", "right"]].set_visible(False) if t.graphique != "secteurs" else None
        if t.graphique != "secteurs":
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.margins(y=0.15)
        fig.tight_layout()
        return fig
    except Exception:
        if fig is not None:
            plt.close(fig)
        raise


def _etiquettes(ax, fig, categories: list[str]) -> None:
    """Category labels that never overlap: wrapped between words to the room each bar has,
    turned 30° when a word is still too long, and checked on the drawn figure (the last
    resort is a steeper angle)."""
    largeur_pouces = fig.get_figwidth() * 0.85 / max(len(categories), 1)
    caracteres = max(6, int(largeur_pouces * 72 / (8 * 0.55)))  # 8 pt text, ~0.55 em a letter
    textes = [textwrap.fill(c, caracteres, break_long_words=False) for c in categories]
    ax.set_xticks(range(len(categories)), textes, fontsize=8)
    for angle in (0, 30, 60, 90):
        ax.tick_params(axis="x", labelrotation=angle)
        for etiquette in ax.get_xticklabels():
            etiquette.set_horizontalalignment("right" if angle else "center")
        fig.tight_layout()
        if not etiquettes_se_chevauchent(fig, ax):
            return


def etiquettes_se_chevauchent(fig, ax) -> bool:
    """Whether two neighbouring category labels of the x axis overlap once drawn. Level
    labels: their boxes meet. Turned labels: the gap across the text is less than the
    height of its lines."""
    rendu = fig.canvas.get_renderer()
    etiquettes = [e for e in ax.get_xticklabels() if e.get_text()]
    for a, b in zip(etiquettes, etiquettes[1:]):
        angle = math.radians(a.get_rotation() % 180)
        if not angle:
            if a.get_window_extent(rendu).overlaps(b.get_window_extent(rendu)):
                return True
            continue
        ecart = abs(b.get_window_extent(rendu).x1 - a.get_window_extent(rendu).x1)
        lignes = max(a.get_text().count("\n"), b.get_text().count("\n")) + 1
        hauteur = lignes * a.get_fontsize() * 1.2 * fig.dpi / 72
        if ecart * math.sin(angle) < hauteur:
            return True
    return False


# ---------------------------------------------------------------- workbook
_INTERDITS = str.maketrans({c: " " for c in "[]:*?/\\"})
_ENTETE = PatternFill("solid", fgColor=BLEU)
_TOTAL = PatternFill("solid", fgColor=FOND_CLAIR)
_FIN = Side(style="thin", color=BORDURE)


def classeur(tableaux: list[Tableau], titre: str, methode: list[str], chemin: Path) -> None:
    """One sheet per table (numbers as numbers, % as Excel percentages), no charts."""
    wb = Workbook()
    wb.remove(wb.active)
    noms: set[str] = set()
    for t in tableaux:
        nom = t.cle.translate(_INTERDITS)[:31]
        base, k = nom, 2
        while nom in noms:
            nom = f"{base[:28]} {k}"
            k += 1
        noms.add(nom)
        ws = wb.create_sheet(nom)
        ws["A1"] = f"{t.titre} — {t.annee}"
        ws["A1"].font = Font(bold=True, size=12, color=BLEU)
        entetes, lignes, total = _grille_classeur(t)
        ws.append([])
        ws.append(entetes)
        for cell in ws[3]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = _ENTETE
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for ligne in lignes:
            ws.append(ligne)
        if total:
            ws.append(total)
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
                cell.fill = _TOTAL
        for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
            for cell in row:
                cell.border = Border(top=_FIN, bottom=_FIN, left=_FIN, right=_FIN)
                if (
                    isinstance(cell.value, float)
                    and cell.column > 1
                    and "%" in str(ws.cell(row=3, column=cell.column).value)
                ):
                    cell.number_format = "0.0%"
                elif isinstance(cell.value, float):
                    cell.number_format = '#,##0\\ "€"'
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        if t.note:
            ws.cell(row=ws.max_row + 2, column=1, value=t.note).font = Font(italic=True)
        ws.column_dimensions["A"].width = (
            max([len(str(r[0] or "")) for r in [entetes, *lignes]] + [14]) + 2
        )
        for i in range(2, len(entetes) + 1):
            mot = max((len(m) for m in str(entetes[i - 1] or "").split()), default=0)
            ws.column_dimensions[get_column_letter(i)].width = max(16, mot + 3)
        ws.freeze_panes = "B4"
        # Printed: landscape, the table across the page width, its header on every page.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "3:3"
    ws = wb.create_sheet("Méthode")
    ws["A1"] = titre
    ws["A1"].font = Font(bold=True, size=12, color=BLEU)
    for i, texte in enumerate(methode, start=3):
        ws.cell(row=i, column=1, value=texte).alignment = Alignment(wrap_text=True)
    ws.column_dimensions["A"].width = 120
    wb.save(chemin)


def _grille_classeur(t: Tableau) -> tuple[list, list[list], list | None]:
    """The table with numbers: counts as int, shares as fractions, debts as euros."""
    if t.brut is not None and t.cle == "ASLL évolution dettes":
        lignes = [
            [i, l[0], *(v if v is not None else "Inconnu" for v in l[1:4]), l[4]]
            for i, l in enumerate(t.brut, start=1)
        ]
        return t.entetes, lignes, None
    if not t.pourcentages:
        lignes = [[_nombre(v) for v in l] for l in t.lignes]
        return t.entetes, lignes, t.total
    base = t.total[1] if t.total else sum(l[1] for l in t.lignes)
    entetes = [t.entetes[0], str(t.annee), f"% {t.annee}"]
    lignes = [[l[0], l[1], (l[1] / base) if base else None] for l in t.lignes]
    total = ["TOTAL", base, 1.0 if base else None]
    if t.precedent is not None:
        base_p = t.total_precedent or sum(t.precedent)
        entetes += [str(t.annee - 1), f"% {t.annee - 1}"]
        for ligne, p in zip(lignes, t.precedent):
            ligne += [p, (p / base_p) if base_p else None]
        total += [base_p, 1.0 if base_p else None]
    return entetes, lignes, total if t.total else None


def _nombre(v):
    """« 47,5 % » strings stay text; everything else as it is."""
    return v
