"""The house style of every Word document the project writes — the drafts' templates
(templates/build_templates.py), the yearly report and the GTS pack (reports/rendu.py):
one font, one palette, an A4 page, the service's letterhead with a rule under it, and a
footer with « Page X sur Y ». Each document chooses its sizes; the look is decided here.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

POLICE = "Arial"  # rendered by Liberation Sans (same metrics) where Arial is missing
BLEU = "1F3A5F"  # titles, letterhead, table headers
GRIS = "595959"  # subtitles, letterhead address, footer
FOND_ENTETE = "DCE4EE"  # header row of a table
FOND_CLAIR = "EEF2F7"  # label column, total row
BORDURE = "A6B4C4"  # table borders, heading and footer rules
COULEURS_GRAPHIQUE = (
    "#1F3A5F",
    "#4F81BD",
    "#9BBB59",
    "#F79646",
    "#8064A2",
    "#4BACC6",
    "#C0504D",
    "#7F7F7F",
    "#D4A017",
    "#2E8B57",
)
PIED_TAILLE = 8.5  # footer and letterhead address, in points


def rgb(couleur: str) -> RGBColor:
    return RGBColor.from_string(couleur)


def page_a4(section, marge_cm: float, marge_bas_cm: float, paysage: bool = False) -> int:
    """A4 page, 3 cm at the top for the letterhead; returns the text width (EMU)."""
    if paysage:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(marge_cm)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(marge_bas_cm)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    return section.page_width - section.left_margin - section.right_margin


def polices(doc, corps_pt: float, titres: dict[str, tuple[float, float, float]]) -> None:
    """The font everywhere (no theme fonts, which Word would swap), the body size, and
    `titres` = {style: (size, space before, space after)} in blue bold (the subtitle grey
    italic); a thin rule under « Heading 1 »."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = POLICE
    normal.font.size = Pt(corps_pt)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), POLICE)
    normal.paragraph_format.space_after = Pt(4)
    for nom, (taille, avant, apres) in titres.items():
        st = styles[nom]
        st.font.name = POLICE
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), POLICE)
        for e in rpr.findall(qn("w:spacing")):  # the default template's letter-spacing
            rpr.remove(e)
        st.font.size = Pt(taille)
        st.font.bold = nom != "Subtitle"
        st.font.italic = nom == "Subtitle"
        st.font.color.rgb = rgb(GRIS if nom == "Subtitle" else BLEU)
        st.paragraph_format.space_before = Pt(avant)
        st.paragraph_format.space_after = Pt(apres)
        st.paragraph_format.keep_with_next = True
        ppr = st.element.pPr
        if ppr is not None:  # python-docx's Title has a border of its own
            for bdr in ppr.findall(qn("w:pBdr")):
                ppr.remove(bdr)
    if "Heading 1" in titres:
        bordure(styles["Heading 1"].element.get_or_add_pPr(), "bottom", BORDURE, 6)


def bordure(ppr, cote: str, couleur: str, taille: int) -> None:
    """A rule on one side of a paragraph (`ppr` is its w:pPr), in schema order."""
    bdr = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{cote} w:val="single" w:sz="{taille}" '
        f'w:space="4" w:color="{couleur}"/></w:pBdr>'
    )
    # pBdr goes before shd / tabs / spacing / ind / jc / rPr in pPr: Word rejects otherwise
    suivant = next(
        (
            e
            for e in ppr
            if e.tag
            in (qn("w:shd"), qn("w:tabs"), qn("w:spacing"), qn("w:ind"), qn("w:jc"), qn("w:rPr"))
        ),
        None,
    )
    if suivant is not None:
        suivant.addprevious(bdr)
    else:
        ppr.append(bdr)


def filet_entete(paragraphe) -> None:
    """The rule under the letterhead's last line."""
    bordure(paragraphe._p.get_or_add_pPr(), "bottom", BLEU, 8)


def pied(doc, section, largeur) -> object:
    """The footer paragraph: a rule above, a right tab stop at the text width. The caller
    writes its left part (title, reference), then calls `numeros_de_page`."""
    p = section.footer.paragraphs[0]
    p.style = doc.styles["Normal"]  # the Footer style's own tab stops would catch « Page »
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.tab_stops.add_tab_stop(largeur, WD_TAB_ALIGNMENT.RIGHT)
    bordure(p._p.get_or_add_pPr(), "top", BORDURE, 4)
    return p


def numeros_de_page(p, taille: float = PIED_TAILLE) -> None:
    """« Page X sur Y » at the right tab stop, as fields Word and LibreOffice update."""
    _texte(p, "\tPage ", taille)
    _champ(p, "PAGE", taille)
    _texte(p, " sur ", taille)
    _champ(p, "NUMPAGES", taille)


def _texte(p, texte: str, taille: float) -> None:
    r = p.add_run(texte)
    r.font.size, r.font.color.rgb = Pt(taille), rgb(GRIS)


def _champ(p, instruction: str, taille: float) -> None:
    def run():
        r = p.add_run()
        r.font.size, r.font.color.rgb = Pt(taille), rgb(GRIS)
        return r

    def char(kind: str):
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), kind)
        return e

    run()._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    run()._r.append(instr)
    run()._r.append(char("separate"))
    run().text = "1"
    run()._r.append(char("end"))
