"""A CCAS scans the filled referral form and sends it pasted into a Word file, or a
colleague pastes the photo of a letter into an ODT: the document has no typed text, only
the page's picture. It was set aside as « Le document ne contient aucun texte » — a legible
document quarantined. The picture is now read by OCR as a page of its own."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.shared import Cm
from PIL import Image, ImageDraw, ImageFont

from generators.pdf import soffice
from intake.extract import extract
from intake.readers import read_document

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FORM = """FICHE DE PRESCRIPTION - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT
Service prescripteur : CCAS de Rochefort
Nom du travailleur social : Mme Élodie FOURNIER
Mesure demandée : maintien dans le logement
DEMANDEUR
Nom : GIRAUD    Prénom : Sandrine    Née le : 14/06/1983
Adresse : 12 rue Pierre Loti, 17300 Rochefort
Situation familiale : femme seule avec 2 enfants
Statut d'occupation : locataire HLM
Bailleur : Immobilière Atlantic Aménagement
Loyer charges comprises : 512,40 €
Dette locative : 1 837,60 € au 31/10/2026
Ressources du ménage :
Salaire : 1 120,00 €
Allocations familiales : 141,99 €
Fait à Rochefort, le 6 novembre 2026"""


def _scan(text: str) -> Image.Image:
    """The filled form as a 150-dpi scan."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 26)
    y = 90
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, 70) or [""]:
            draw.text((70, y), line, font=font, fill=0)
            y += 44
    return img


def _word_with_picture(path: Path, picture: Image.Image, text: str | None = None) -> Path:
    png = path.with_suffix(".png")
    picture.save(png)
    doc = Docx()
    if text:
        doc.add_paragraph(text)
    doc.add_picture(str(png), width=Cm(17))
    doc.save(path)
    return path


def _read_form(path: Path) -> None:
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("GIRAUD", "Sandrine")]
    assert (ex.adresse, ex.commune) == ("12 rue Pierre Loti", "Rochefort")
    assert ex.loyer_mensuel == 512.40
    assert ex.organisme_prescripteur == "CCAS de Rochefort"


def test_a_form_scanned_and_pasted_into_word_is_read(tmp_path):
    path = _word_with_picture(tmp_path / "fiche GIRAUD.docx", _scan(FORM))
    doc = read_document(path)
    assert (doc.kind, doc.ocr) == ("docx", True)
    assert any("page en image" in w for w in doc.warnings)
    _read_form(path)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")
def test_a_form_scanned_and_pasted_into_an_odt_is_read(tmp_path):
    docx = _word_with_picture(tmp_path / "fiche GIRAUD.docx", _scan(FORM))
    subprocess.run(
        [soffice(), "--headless", "--convert-to", "odt", "--outdir", tmp_path, docx],
        check=True,
        capture_output=True,
        timeout=180,
    )
    path = docx.with_suffix(".odt")
    assert read_document(path).kind == "odt"
    _read_form(path)


def test_a_logo_beside_typed_text_is_not_read_as_a_page(tmp_path):
    logo = Image.new("RGB", (420, 160), (0, 70, 140))
    ImageDraw.Draw(logo).text((20, 60), "CCAS", fill=(255, 255, 255))
    path = _word_with_picture(tmp_path / "fiche.docx", logo, text=FORM)
    doc = read_document(path)
    assert (doc.kind, doc.ocr, doc.warnings) == ("docx", False, [])
    _read_form(path)
