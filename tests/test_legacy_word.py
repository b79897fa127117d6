"""Word 97-2003 (.doc) and RTF forms, as many départements still send them: read through
LibreOffice, whatever their name, with a note for staff; a damaged one is set aside with
a French reason, never deleted."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generators.pdf import soffice
from intake.extract import extract
from intake.readers import read_document
from intake.sandbox import extract_isolated
from tests.form_documents import docx

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")

FORM = [
    ("p", "FONDS DE SOLIDARITÉ LOGEMENT – FICHE DE PRESCRIPTION ASLL"),
    ("p", "Date de la demande : 14/10/2026"),
    ("p", "Service prescripteur : CCAS de Vierzon"),
    ("p", "Nom du travailleur social : Julie MERCIER"),
    ("p", "Mesure sollicitée : ☐ Accès ☒ Maintien ☐ Renouvellement"),
    (
        "tab",
        [
            ["", "Demandeur", "Conjoint"],
            ["Nom", "LEBRUN", "LEBRUN"],
            ["Prénom", "Cédric", "Laetitia"],
            ["Né(e) le", "05/08/1988", "21/01/1990"],
        ],
    ),
    ("p", "Adresse du logement : 9 allée des Acacias, 18100 VIERZON"),
    ("p", "Bailleur : France Loire"),
    ("p", "Nombre d'enfants à charge : 2"),
]


def _saved_as(tmp_path: Path, target: str) -> Path:
    """The form saved by a word processor in an older format (LibreOffice writes it)."""
    source = docx(tmp_path / "fiche.docx", FORM)
    subprocess.run(
        [soffice(), "--headless", "--convert-to", target, "--outdir", tmp_path / "out", source],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / "out" / f"fiche.{target.split(':')[0]}"


@pytest.mark.parametrize("target", ["doc:MS Word 97", "rtf"])
def test_an_older_word_format_is_read_like_the_docx(tmp_path, target):
    old = _saved_as(tmp_path, target)
    doc = read_document(old)
    assert doc.warnings == [
        f"Document au format {'Word 97-2003 (.doc)' if old.suffix == '.doc' else 'RTF (.rtf)'}, "
        "lu après conversion par LibreOffice."
    ]
    assert "☒ Maintien" in doc.text and "LEBRUN" in doc.text
    ex = extract(old)
    assert ex.type_document == "fiche_prescription" and ex.type_mesure == "maintien"
    assert [(p.nom, p.prenom) for p in ex.personnes] == [
        ("LEBRUN", "Cédric"),
        ("LEBRUN", "Laetitia"),
    ]
    assert (ex.organisme_prescripteur, ex.nb_enfants) == ("CCAS de Vierzon", 2)


def test_a_doc_named_pdf_is_read_in_the_sandbox_with_both_notes(tmp_path):
    named_pdf = tmp_path / "fiche.pdf"
    named_pdf.write_bytes(_saved_as(tmp_path, "doc:MS Word 97").read_bytes())
    result = extract_isolated(named_pdf, timeout=120, memory_mb=1500)
    assert result.ok and result.extraction.type_mesure == "maintien"
    assert any("Extension trompeuse : fichier Word 97-2003 nommé .pdf" in n for n in result.notes)


def test_a_damaged_doc_is_refused_with_a_reason(tmp_path):
    broken = tmp_path / "fiche.doc"
    good = _saved_as(tmp_path, "doc:MS Word 97").read_bytes()
    broken.write_bytes(good[:4096])  # a copy cut short: the directory is there, not the text
    result = extract_isolated(broken, timeout=120, memory_mb=1500)
    assert not result.ok and "endommagé" in result.reason
    assert broken.read_bytes() == good[:4096]  # left as it was, for the quarantine
