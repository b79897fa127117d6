"""Drawn tables whose cells wrap their text (a statement of account in an act, a form's
grid): each row is read across, each cell whole, as a person reads it."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from intake.readers import read_document
from tests.form_documents import blocks_pdf

ACT = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
L'an deux mille vingt-six, le quinze octobre,
À la requête de la SA d'HLM LOGIREP, dont le siège social est 127 rue Gambetta, 92150 Suresnes, agissant poursuites et diligences de ses représentants légaux,
J'ai, Maître Hélène COSTE, commissaire de justice à Nanterre, soussignée,
Donné assignation à Madame Samira BOUAZIZ, demeurant 14 avenue Jean Jaurès, escalier B, 92000 NANTERRE,
À comparaître le mardi 8 décembre 2026 à 13 h 30 à l'audience du juge des contentieux de la protection du tribunal de proximité de Puteaux.
Le loyer mensuel actuel s'élève à 689,12 €, charges comprises.
Selon le décompte ci-dessous, la locataire reste devoir la somme de 3 104,66 € :"""

STATEMENT = [
    ["Date", "Libellé", "Débit", "Crédit", "Solde"],
    ["01/06/2026", "Loyer juin 2026", "689,12", "", "1 037,18"],
    ["05/06/2026", "Versement APL", "", "312,00", "725,18"],
    ["01/09/2026", "Loyer septembre 2026", "689,12", "", "2 692,54"],
    ["01/10/2026", "Loyer octobre 2026", "689,12", "", "3 381,66"],
    ["05/10/2026", "Versement APL", "", "277,00", "3 104,66"],
    ["", "Solde dû au 05/10/2026", "", "", "3 104,66"],
]


def test_a_statement_of_account_is_read_row_by_row(tmp_path):
    pdf = blocks_pdf(
        tmp_path / "acte.pdf",
        [("l", line) for line in ACT.split("\n")]
        + [("tab", STATEMENT)]
        + [
            ("l", "Le commandement de payer du 3 avril 2026 portant sur 1 204,90 € est resté vain.")
        ],
    )
    text = read_document(pdf).text
    # the narrow « Libellé » column wraps its cells: each row is still one line
    assert "01/09/2026 Loyer septembre 2026 689,12 2 692,54" in text
    assert "Solde dû au 05/10/2026 3 104,66\nLe commandement" in text
    ex = extract(pdf)
    # the debt and its date from the statement's last row, sure of both
    assert (ex.montant_dette, ex.date_dette) == (3104.66, date(2026, 10, 5))
    assert not {"montant_dette", "date_dette"} & set(ex.champs_incertains)


def test_cells_holding_fields_of_their_own_are_left_as_printed(tmp_path):
    """Narrow cells each holding « Nom : … » over « Prénom : … » (a form's grid): read as
    printed, each label on its line, not glued into one row."""
    grid = [
        ["Demandeur", "Conjoint"],
        ["Nom : MARTIN Prénom : Julie", "Nom : MARTIN Prénom : Paul"],
    ]
    pdf = blocks_pdf(tmp_path / "fiche.pdf", [("tabw", ((32, 32), grid))])
    assert read_document(pdf).tables[0][1][0] == "Nom : MARTIN\nPrénom : Julie"  # it wraps
    assert "Nom : MARTIN Nom : MARTIN\nPrénom : Julie Prénom : Paul" in read_document(pdf).text
