"""ODT files as services get them: a Word form saved by LibreOffice (its letterhead in the
page header, Word's tick boxes kept as form fields) and a form made in LibreOffice with
its own controls. What a person sees on the page must be in the text read."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from generators.pdf import soffice
from intake.extract import extract
from intake.readers import read_document

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _legacy_box(paragraph, name: str, on: bool) -> None:
    """A Word 97-2003 tick box (FORMCHECKBOX), as old departmental forms have them."""
    checked = "<w:checked/>" if on else ""
    runs = [
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/>'
        f'<w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{checked}</w:checkBox>'
        "</w:ffData></w:fldChar></w:r>",
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for run in runs:
        paragraph._p.append(parse_xml(run))


def _control_box(paragraph, on: bool) -> None:
    """A Word 2010+ tick box (content control)."""
    glyph = "☒" if on else "☐"
    paragraph._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")} xmlns:w14="{W14}"><w:sdtPr><w14:checkbox>'
            f'<w14:checked w14:val="{int(on)}"/><w14:checkedState w14:val="2612"/>'
            '<w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )


def _to_odt(docx: Path) -> Path:
    subprocess.run(
        [soffice(), "--headless", "--convert-to", "odt", "--outdir", docx.parent, docx],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx.with_suffix(".odt")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")
def test_a_word_form_saved_by_libreoffice_reads_as_the_word_file(tmp_path):
    d = Docx()
    d.sections[0].header.paragraphs[
        0
    ].text = "PRÉFET DE L'YONNE – DDETS – N/Réf. : DDETS89/PEX/2026-0412"
    d.sections[0].footer.paragraphs[0].text = "Affaire suivie par Mme Caron"
    d.add_paragraph("FICHE DE PRESCRIPTION – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT")
    d.add_paragraph("Auxerre, le 2 novembre 2026")
    p = d.add_paragraph("Mesure demandée : ")
    _legacy_box(p, "Case1", False)
    p.add_run(" Accès  ")
    _legacy_box(p, "Case2", True)
    p.add_run(" Maintien  ")
    _legacy_box(p, "Case3", False)
    p.add_run(" Renouvellement")
    q = d.add_paragraph("Statut d'occupation : ")
    _control_box(q, True)
    q.add_run(" Locataire du parc social  ")
    _control_box(q, False)
    q.add_run(" Locataire du parc privé")
    word = tmp_path / "fiche.docx"
    d.save(word)

    odt = read_document(_to_odt(word))
    assert odt.kind == "odt"
    # the header's letterhead first, the footer last, Word's boxes with their state
    assert odt.text.startswith("PRÉFET DE L'YONNE")
    assert odt.text.rstrip().endswith("Affaire suivie par Mme Caron")
    assert "☐ Accès" in odt.text and "☒ Maintien" in odt.text
    assert "☒ Locataire du parc social" in odt.text
    assert odt.text == read_document(word).text
    assert extract(tmp_path / "fiche.odt").type_mesure == "maintien"


CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"
 xmlns:xml="http://www.w3.org/XML/1998/namespace" office:version="1.3">
<office:body><office:text>
<office:forms><form:form form:name="Formulaire">
 <form:text form:name="nom" xml:id="control1" form:id="control1" form:current-value="GIRAUD"/>
 <form:checkbox form:name="acces" xml:id="control2" form:id="control2" form:label="Accès"/>
 <form:checkbox form:name="maintien" xml:id="control3" form:id="control3" form:label="Maintien"
  form:current-state="checked"/>
 <form:listbox form:name="statut" xml:id="control4" form:id="control4">
  <form:option form:label="Locataire"/><form:option form:label="Hébergé" form:current-selected="true"/>
 </form:listbox>
</form:form></office:forms>
<text:p>Nom du demandeur : <draw:control draw:control="control1"/></text:p>
<text:p>Mesure : <draw:control draw:control="control2"/> <draw:control draw:control="control3"/></text:p>
<text:p>Situation : <draw:control draw:control="control4"/></text:p>
</office:text></office:body></office:document-content>"""


def test_libreoffice_form_controls_show_their_values(tmp_path):
    path = tmp_path / "fiche.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", CONTENT, compress_type=zipfile.ZIP_DEFLATED)
    text = read_document(path).text
    assert "Nom du demandeur : GIRAUD" in text
    assert "Mesure : ☐ Accès ☒ Maintien" in text
    assert "Situation : Hébergé" in text


LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:body><office:text>
<text:p>PRÉFET DE LA NIÈVRE<draw:frame draw:name="Cadre1" text:anchor-type="paragraph"
 svg:x="10cm" svg:y="0cm" svg:width="7cm" svg:height="3cm"><draw:text-box>
<text:p>Nevers, le 9 novembre 2026</text:p><text:p>N/Réf. : DDETS58-EXP-2026-311</text:p>
</draw:text-box></draw:frame></text:p>
<text:p>Direction départementale de l'emploi, du travail et des solidarités</text:p>
<text:p>Objet : demande de diagnostic social et financier</text:p>
<text:p>Madame la Directrice, j'ai été destinataire de l'assignation délivrée le 20 octobre 2026
 à Madame Christelle ROY, locataire de NIÈVRE HABITAT au 8 rue des Ardilliers, 58000 NEVERS.
 L'audience est fixée au 12 janvier 2027 à 9 heures au tribunal judiciaire de Nevers.</text:p>
</office:text></office:body></office:document-content>"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


@pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")
def test_a_date_and_reference_in_a_text_box_are_lines_of_their_own(tmp_path):
    """The date and the reference printed in a frame beside the letterhead: read once, on
    their own lines, in the ODT and in the Word file LibreOffice makes of it (which holds
    the box twice: a drawing and its older copy)."""
    odt = tmp_path / "courrier.odt"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", LETTER, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    subprocess.run(
        [soffice(), "--headless", "--convert-to", "docx", "--outdir", tmp_path, odt],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for path in (odt, tmp_path / "courrier.docx"):
        text = read_document(path).text
        assert text.startswith("PRÉFET DE LA NIÈVRE\nNevers, le 9 novembre 2026\nN/Réf. : DDETS58")
        assert text.count("DDETS58-EXP-2026-311") == 1
        ex = extract(path)
        assert (ex.reference, str(ex.date_document)) == ("DDETS58-EXP-2026-311", "2026-11-09")
