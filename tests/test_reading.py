"""Reading files: kinds, Word structures, and unreadable input with a French reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from intake.errors import UnreadableDocument
from intake.readers import CHECKED, UNCHECKED, read_document


def _text_pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    y = 800
    for line in lines:
        c.drawString(50, y, line)
        y -= 18
    c.save()
    return path


def _reason(path: Path) -> str:
    with pytest.raises(UnreadableDocument) as exc:
        read_document(path)
    reason = str(exc.value)
    assert reason and "\n" not in reason
    return reason


def test_empty_file(tmp_path):
    p = tmp_path / "vide.pdf"
    p.write_bytes(b"")
    assert "vide" in _reason(p)


def test_truncated_pdf(tmp_path):
    full = _text_pdf(tmp_path / "full.pdf", ["ASSIGNATION", "Monsieur Jean MARTIN"]).read_bytes()
    p = tmp_path / "tronque.pdf"
    p.write_bytes(full[: len(full) // 2])
    assert "incomplet" in _reason(p) or "endommagé" in _reason(p)


def test_encrypted_pdf(tmp_path):
    p = _text_pdf(tmp_path / "protege.pdf", ["Assignation"], encrypt="secret")
    assert "mot de passe" in _reason(p)


def test_encrypted_pdf_made_with_pypdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = _text_pdf(tmp_path / "src.pdf", ["Fiche de prescription"])
    writer = PdfWriter()
    for page in PdfReader(src).pages:
        writer.add_page(page)
    writer.encrypt(user_password="1234", owner_password="owner", algorithm="AES-128")
    p = tmp_path / "aes.pdf"
    with open(p, "wb") as fh:
        writer.write(fh)
    assert "mot de passe" in _reason(p)


def test_text_file_renamed_docx(tmp_path):
    p = tmp_path / "Fiche.docx"
    p.write_text("Nom : DURAND\nPrénom : Marie\n", encoding="utf-8")
    reason = _reason(p)
    assert ".docx" in reason and "texte" in reason


def test_zip_renamed_docx_is_refused_as_a_zip_archive(tmp_path):
    import zipfile

    z = tmp_path / "archive.docx"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("hello.txt", "bonjour")
    assert "ZIP" in _reason(z)


def test_an_office_97_file_that_is_no_word_document_is_refused_whatever_its_name(tmp_path):
    # a PowerPoint 97-2003 file (an Excel one is read: tests/test_sheets.py)
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + "PowerPoint Document\0".encode("utf-16-le")
        + b"\x00" * 2048
    )
    for name in ("ancien.doc", "ancien.docx", "ancien.pdf"):
        p = tmp_path / name
        p.write_bytes(ole)
        assert "ancien fichier Microsoft Office (97-2003) autre qu'un document Word" in _reason(p)


def test_text_file_named_pdf_is_still_refused(tmp_path):
    p = tmp_path / "assignation.pdf"
    p.write_text("ASSIGNATION\nMonsieur Jean MARTIN\n", encoding="utf-8")
    reason = _reason(p)
    assert "n'est pas un PDF" in reason and "texte" in reason


def test_unsupported_extensions(tmp_path):
    for name in ("note.txt", "plan.dwg"):
        p = tmp_path / name
        p.write_bytes(b"bonjour")
        assert "pris en charge" in _reason(p)
    # spreadsheets are read (tests/test_sheets.py): a text file under their name is not one
    for name, what in (("ancien.xls", "Excel 97-2003"), ("tableau.xlsx", "Excel")):
        p = tmp_path / name
        p.write_bytes(b"bonjour")
        assert f"n'est pas un classeur {what}" in _reason(p)


def test_blank_pdf_has_no_text_even_after_ocr(tmp_path):
    p = tmp_path / "blanc.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    c.showPage()
    c.save()
    assert "Aucun texte" in _reason(p)


def test_text_pdf_pages(tmp_path):
    doc = read_document(_text_pdf(tmp_path / "a.pdf", ["ASSIGNATION", "Monsieur Jean MARTIN"]))
    assert doc.kind == "pdf_text"
    assert "Jean MARTIN" in doc.pages[0]
    assert doc.page_confidence == [None]


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_structures(tmp_path):
    doc = DocxDocument()
    doc.add_paragraph("Fiche de liaison")
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Nom", "DURAND"
    t.cell(1, 0).text, t.cell(1, 1).text = "Prénom", "Marie"
    # a content control with a tag, a checked legacy checkbox and a legacy text field
    doc.element.body.append(
        parse_xml(
            f'<w:sdt {_W}><w:sdtPr><w:tag w:val="organisme"/></w:sdtPr><w:sdtContent>'
            f"<w:p><w:r><w:t>CCAS de Niort</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    doc.element.body.append(
        parse_xml(
            f'<w:p {_W}><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="maintien"/>'
            f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r><w:t xml:space="preserve"> Maintien</w:t></w:r></w:p>'
        )
    )
    doc.element.body.append(
        parse_xml(
            f'<w:p {_W}><w:r><w:t xml:space="preserve">Loyer : </w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="loyer"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>450 €</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
    )
    path = tmp_path / "f.docx"
    doc.save(path)

    d = read_document(path)
    assert d.kind == "docx"
    assert d.tables[0] == [["Nom", "DURAND"], ["Prénom", "Marie"]]
    assert "Nom | DURAND" in d.text
    assert d.fields["organisme"] == "CCAS de Niort"
    assert d.fields["loyer"] == "450 €"
    assert d.checkboxes["maintien"] is True
    assert f"{CHECKED} Maintien" in d.text
    assert "Loyer : 450 €" in d.paragraphs


def test_fillable_pdf_fields(tmp_path):
    p = tmp_path / "form.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    c.drawString(40, 800, "Demande d'ASLL")
    c.acroForm.textfield(
        name="nom", tooltip="Nom", value="FAURE", x=100, y=760, width=200, height=18
    )
    c.acroForm.checkbox(name="acces", tooltip="Accès", checked=False, x=100, y=720, size=12)
    c.save()
    d = read_document(p)
    assert d.kind == "pdf_form"
    assert d.fields["Nom"] == "FAURE"
    assert d.checkboxes["Accès"] is False
    assert "Nom : FAURE" in d.text and f"{UNCHECKED} Accès" in d.text


def test_odt_paragraphs_and_tables(tmp_path):
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>'
        "<text:h>Fiche de liaison ASLL</text:h><text:p>Bailleur :<text:s/>OPH de Niort</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Nom</text:p></table:table-cell>"
        "<table:table-cell><text:p>FAURE</text:p></table:table-cell></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    p = tmp_path / "fiche.odt"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
    d = read_document(p)
    assert d.kind == "odt"
    assert "Bailleur : OPH de Niort" in d.text
    assert d.tables == [[["Nom", "FAURE"]]]
    assert "Nom | FAURE" in d.text


def test_blank_image_named_pdf_is_read_as_an_image_and_found_blank(tmp_path):
    from PIL import Image

    p = tmp_path / "scan.pdf"
    Image.new("L", (50, 50), 255).save(p, "PNG")
    assert "Aucun texte lisible" in _reason(p)  # read by its content: OCR'd, not "renamed"
