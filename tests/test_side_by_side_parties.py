"""An act printed with its parties side by side, the landlord's block facing the tenants'
(each under its own heading, no table lines): the PDF's text layer reads both blocks
across, line by line. Each block must be read whole, and the act's text under them must
not be taken into either."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from intake.extract import extract
from intake.readers import read_document

LANDLORD = [
    "DEMANDEUR",
    "SA d'HLM Habitat du Littoral",
    "Société anonyme au capital de 1 200 000 €",
    "RCS Boulogne 123 456 789",
    "12 rue de la Paix",
    "62200 BOULOGNE-SUR-MER",
    "Représentée par son directeur général",
]
TENANTS = [
    "DÉFENDEURS",
    "Monsieur Karim BENALI",
    "né le 3 avril 1984 à Lille",
    "Madame Sonia BENALI née LEROY",
    "née le 12 juin 1987 à Calais",
    "demeurant ensemble 8 rue des Mouettes",
    "Appartement 14, 62100 CALAIS",
]
ACT = [
    "L'an deux mille vingt-six et le dix novembre,",
    "Nous, SELARL Hautot & Associés, commissaires de justice associés à Boulogne-sur-Mer,",
    "avons donné assignation à comparaître à l'audience du juge des contentieux de la",
    "protection du Tribunal judiciaire de Boulogne-sur-Mer, le 12 janvier 2027 à 9 heures 30.",
    "Le loyer mensuel est de 512,40 euros, charges comprises.",
    "Les défendeurs restent devoir la somme de 3 215,80 euros arrêtée au 31 octobre 2026.",
]


def _act(path, left, right, below):
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 60
    c.setFont("Helvetica-Bold", 13)
    c.drawString(150, y, "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION")
    y -= 36
    for a, b in zip(left, right):
        c.setFont("Helvetica-Bold" if a.isupper() else "Helvetica", 10)
        c.drawString(60, y, a)
        c.setFont("Helvetica-Bold" if b.isupper() else "Helvetica", 10)
        c.drawString(320, y, b)
        y -= 14
    y -= 20
    c.setFont("Helvetica", 10)
    for line in below:
        c.drawString(60, y, line)
        y -= 14
    c.save()
    return path


def test_parties_side_by_side_are_read_block_by_block(tmp_path):
    pdf = _act(tmp_path / "assignation.pdf", LANDLORD, TENANTS, ACT)
    text = read_document(pdf).text
    assert "Karim BENALI\nné le 3 avril 1984" in text
    assert "SA d'HLM Habitat du Littoral\nSociété anonyme" in text
    # the act's first line under the blocks stays after them, not in the landlord's column
    assert text.index("Appartement 14") < text.index("L'an deux mille")

    ex = extract(pdf)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("M.", "BENALI", "Karim"),
        ("Mme", "BENALI", "Sonia"),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("8 rue des Mouettes", "62100", "Calais")
    # the legal form's description on the next line is no part of the landlord's name
    assert ex.bailleur == "SA d'HLM Habitat du Littoral"
    # the office named where the officer should be: a person checks who served the act
    assert ex.commissaire_justice and "commissaire_justice" in ex.champs_incertains


def test_a_table_without_lines_is_still_read_row_by_row(tmp_path):
    """Two headings facing each other over amounts are a table, not two blocks of text."""
    left = ["RESSOURCES", "Salaire net", "Allocations familiales", "Aide au logement (APL)"]
    right = ["MONTANT MENSUEL", "1 250,00 €", "141,99 €", "286,00 €"]
    text = read_document(_act(tmp_path / "fiche.pdf", left, right, [])).text
    assert "Salaire net 1 250,00 €" in text and "Allocations familiales 141,99 €" in text
