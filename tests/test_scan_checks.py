"""What a rough scan does to values, and the checks that flag it instead of filing it as a
fact: a year misread in one date, cents the OCR could not read, a form dated decades
ahead, a name cut on a linking word. Texts are as Tesseract gives faxes and photocopies
of letters and forms (corpus/rough_scans.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from intake.extract import extract_document
from intake.readers import Document

LETTER = """PRÉFECTURE DE LA VIENNE
Bureau de la prévention des expulsions locatives
Poitiers, le 14 octobre 2025
N/Réf : PEX/86/2025-0077
Objet : diagnostic social et financier
Madame, Monsieur,
Je vous prie de bien vouloir réaliser le diagnostic social et financier concernant
Madame Julie MERCIER, demeurant 8 rue des Lilas 86000 POITIERS.
La dette locative s'élève à {dette} au 30/09/2025.
L'audience est fixée au {audience} à 9h30 au Tribunal judiciaire de Poitiers.
Je vous remercie de me transmettre votre rapport avant le 4 décembre 2025.
"""


def _scan(text: str, name: str = "scan.pdf") -> Document:
    return Document(path=Path(name), kind="pdf_scan", pages=[text], page_confidence=[88.0])


def test_a_date_years_away_from_the_others_is_flagged():
    # the letter's date and its deadline lost in the folds of a fax; the hearing's year misread
    text = LETTER.format(dette="2 412,50 €", audience="15/12/2020")
    text = text.replace("Poitiers, le 14 octobre 2025\n", "").replace(
        " avant le 4 décembre 2025", ""
    )
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.date_audience == date(2020, 12, 15) and ex.date_dette == date(2025, 9, 30)
    # two dates five years apart: one is wrong, a person says which
    assert {"date_audience", "date_dette"} <= set(ex.champs_incertains)


def test_a_date_in_line_with_the_others_is_not():
    ex = extract_document(_scan(LETTER.format(dette="2 412,50 €", audience="15/12/2025")), "s.pdf")
    assert ex.date_audience == date(2025, 12, 15)
    assert not {"date_audience", "montant_dette"} & set(ex.champs_incertains)


def test_a_comma_read_as_a_stop_keeps_the_cents():
    ex = extract_document(_scan(LETTER.format(dette="2 412.50 €", audience="15/12/2025")), "s.pdf")
    assert ex.montant_dette == 2412.5


FORM = """FICHE DE PRESCRIPTION ASLL
1. Prescripteur
Nom et prénom : Mickaël LAMBERT.
Organisme : CCAS de Poitiers
Date de la demande : 21/10/2045
2. Nature de la mesure demandée
☒ Accès ☐ Maintien ☐ Renouvellement
3. Composition du ménage
Nom : MERCIER Prénom : Julie Né(e) le : 12/03/1988
Adresse : 8 rue des Lilas 86000 Poitiers
4. Logement
Bailleur : Visa du
Loyer charges comprises : 512,40 €
Dette locative : {dette}
"""


def test_a_form_dated_decades_ahead_and_a_landlord_cut_short_are_flagged():
    ex = extract_document(_scan(FORM.format(dette="2 412,50 €"), "fiche.pdf"), "fiche.pdf")
    assert ex.type_document == "fiche_prescription"
    assert ex.date_document == date(2045, 10, 21)
    assert "date_document" in ex.champs_incertains
    assert ex.bailleur == "Visa du" and "bailleur" in ex.champs_incertains
    # the sentence's full stop is no part of the name
    assert ex.prescripteur == "Mickaël LAMBERT"


def test_cents_the_ocr_could_not_read_flag_the_amount():
    ex = extract_document(_scan(FORM.format(dette="2 412,S0 €"), "fiche.pdf"), "fiche.pdf")
    assert ex.montant_dette == 2412.0
    assert "montant_dette" in ex.champs_incertains
    ex = extract_document(_scan(FORM.format(dette="2 412,50 €"), "fiche.pdf"), "fiche.pdf")
    assert ex.montant_dette == 2412.5 and "montant_dette" not in ex.champs_incertains
