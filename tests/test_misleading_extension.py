"""A supported document under the wrong extension is read by its content, as a person
opening it would; the mismatch is noted for staff and the household is not set aside
(docs: the last paragraph of the extraction contract)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from asll.config import Config
from asll.storage.register import Register
from intake.extract import extract_document
from intake.pipeline import TRAITE, Intake
from intake.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "samples" / "documents"
WORD_FORM = DOCS / "Demande ASLL accès - MDS Saint-Dizier.docx"
ASSIGNATION = DOCS / "assignation MARTIN.pdf"


def _renamed(src: Path, folder: Path, name: str) -> Path:
    dest = folder / name
    shutil.copyfile(src, dest)
    return dest


def test_word_form_named_pdf_is_read_as_word_with_a_note(tmp_path):
    good = read_document(WORD_FORM)
    doc = read_document(_renamed(WORD_FORM, tmp_path, "demande.pdf"))
    assert doc.kind == "docx" and doc.text == good.text
    assert doc.warnings == [
        "Extension trompeuse : fichier Word nommé .pdf ; il a été lu d'après son contenu."
    ]
    assert good.warnings == []
    # the same extraction as under its right name
    right = extract_document(good, "demande.docx").to_json()
    wrong = extract_document(doc, "demande.docx").to_json()
    assert wrong == right and wrong["type_document"] == "fiche_prescription"
    assert wrong["personnes"]


def test_pdf_named_doc_and_docx_is_read_as_pdf(tmp_path):
    for name in ("assignation.doc", "assignation.docx"):
        doc = read_document(_renamed(ASSIGNATION, tmp_path, name))
        assert doc.kind == "pdf_text" and "MARTIN" in doc.text
        assert doc.warnings == [
            f"Extension trompeuse : fichier PDF nommé {Path(name).suffix} ; "
            "il a été lu d'après son contenu."
        ]


def _odt(path: Path, paragraphs: list[str]) -> Path:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_odt_named_docx_is_read_as_odt(tmp_path):
    doc = read_document(
        _odt(tmp_path / "fiche.docx", ["Fiche de prescription", "Nom : DURAND Marie"])
    )
    assert doc.kind == "odt" and "DURAND Marie" in doc.text
    assert "fichier ODT nommé .docx" in doc.warnings[0]


def test_image_named_pdf_is_read_by_ocr(tmp_path):
    from PIL import Image, ImageDraw

    img = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(img)
    try:
        from PIL import ImageFont

        font = ImageFont.truetype("DejaVuSans.ttf", 48)
    except OSError:
        font = None
    draw.text((40, 60), "Tribunal judiciaire de Chaumont", fill=0, font=font)
    draw.text((40, 200), "Monsieur Jean MARTIN", fill=0, font=font)
    path = tmp_path / "scan.pdf"
    img.save(path, format="PNG")
    doc = read_document(path)
    assert doc.kind == "image" and "MARTIN" in doc.text
    assert "fichier image nommé .pdf" in doc.warnings[0]


def test_asll_extract_reads_a_word_form_named_pdf(tmp_path):
    path = _renamed(WORD_FORM, tmp_path, "demande.pdf")
    run = subprocess.run(
        [sys.executable, "-m", "asll", "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["fichier"] == "demande.pdf" and out["type_document"] == "fiche_prescription"
    assert "Extension trompeuse : fichier Word nommé .pdf" in run.stderr


def test_intake_registers_the_household_and_notes_the_extension(tmp_path):
    config = Config.for_workspace(tmp_path / "espace")
    config.ensure_folders()
    path = _renamed(WORD_FORM, config.inbox, "demande ASLL.pdf")
    intake = Intake(config)
    result = intake.handle(path)
    intake.flush()
    assert result.resultat == TRAITE and result.dossier
    assert "Extension trompeuse : fichier Word nommé .pdf" in result.motif
    assert not list(config.quarantaine.glob("*"))
    rows = Register.open(config.registre).documents()
    assert [r["resultat"] for r in rows] == [TRAITE]
    assert "Extension trompeuse : fichier Word nommé .pdf" in rows[0]["remarque"]
