"""What a scan adds to a page and the values it spoils (intake/debris.py): an arrival
stamp's date and words, a pen stroke read as a lone letter, the next sentence glued to a
service's name, a postcode and a town each one character off. Texts are as Tesseract gives
stamped, faxed and photocopied letters and forms (corpus/rough_scans.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from asll.domain.model import Extraction
from intake.debris import children_unread, stamps_blanked
from intake.engine import load_rules
from intake.extract import extract_document
from intake.ocr import weak_word
from intake.readers import Document
from tests.form_documents import ocr_page

# the stamp over the letterhead: its first word lost in the letterhead's ink
LETTER = """PRÉFECTURE DE LA VIENNE
Fa COURRIER ARRIVÉ
Bureau de la prévention des expulsions locatives R E
Mission accès au logement ÇU LE 25 OCT. 2025
N/Réf : PEX/86/2025-0077
SERVICE LOGEMENT
Poitiers, le 14 octobre 2025
Objet : diagnostic social et financier
Madame, Monsieur,
Je vous prie de bien vouloir réaliser le diagnostic social et financier concernant
Madame Julie {nom}, demeurant 8 rue des Lilas {ville}.
La dette locative s'élève à 2 412,50 € au 30/09/2025.
L'audience est fixée au 15/12/2025 à 9h30 au Tribunal judiciaire de Poitiers.
Je vous remercie de me transmettre votre rapport avant le 4 décembre 2025.
"""

FORM = """FICHE DE PRESCRIPTION ASLL
1. Prescripteur
Nom et prénom : {prescripteur}
Organisme : {organisme}
Date de la demande : 21/10/2025
2. Nature de la mesure demandée
☒ Accès ☐ Maintien ☐ Renouvellement
3. Composition du ménage
Nom : MERCIER Prénom : Julie Né(e) le : 12/03/1988
Adresse : 8 rue des Lilas 86000 Poitiers
4. Logement
Loyer charges comprises : 512,40 €
Dette locative : 2 412,50 €
"""


def _scan(text: str, name: str = "scan.pdf") -> Document:
    return Document(path=Path(name), kind="pdf_scan", pages=[text], page_confidence=[88.0])


def _letter(nom: str = "MERCIER", ville: str = "86000 POITIERS"):
    return extract_document(_scan(LETTER.format(nom=nom, ville=ville)), "scan.pdf")


def test_the_stamps_date_is_not_the_letters():
    ex = _letter()
    assert ex.date_document == date(2025, 10, 14)
    assert ex.reference == "PEX/86/2025-0077"
    assert "date_document" not in ex.champs_incertains


def test_a_stamps_words_are_no_part_of_a_name_and_flag_it():
    ex = _letter(nom="MERCIER COURRIER ARRI")
    assert [(p.prenom, p.nom) for p in ex.personnes] == [("Julie", "MERCIER")]
    assert "personnes" in ex.champs_incertains  # read under the stamp's ink


def test_a_sentences_reçu_in_lower_case_is_kept():
    words = load_rules()["saisine_prefecture"].data["tampon"]["mots"]
    text = "Nous avons reçu le 3 oct. 2025 votre courrier.\nREÇU LE 25 OCT. 2025\n"
    doc, spans = stamps_blanked(_scan(text), words)
    assert doc.text.splitlines() == ["Nous avons reçu le 3 oct. 2025 votre courrier.", " " * 20]
    assert len(doc.text) == len(text) and len(spans) == 1
    # a page read from its text layer is left as its author typed it
    typed = Document(path=Path("a.pdf"), kind="pdf_text", pages=[text])
    assert stamps_blanked(typed, words)[0].text == text


def test_a_postcode_and_a_town_each_one_character_off_are_mended_and_flagged():
    ex = _letter(ville="86009 POITlRS")
    assert (ex.code_postal, ex.commune) == ("86000", "Poitiers")
    assert {"code_postal", "commune"} <= set(ex.champs_incertains)


def test_a_town_of_no_commune_is_flagged_with_its_unknown_postcode():
    ex = _letter(ville="86909 XQWZRT")
    assert {"code_postal", "commune"} <= set(ex.champs_incertains)


def test_a_pen_stroke_read_as_a_letter_inside_a_name_is_dropped_and_flagged():
    text = FORM.format(prescripteur="Brigitte D PICARD", organisme="CCAS de Poitiers")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.prescripteur == "Brigitte PICARD"
    assert "prescripteur" in ex.champs_incertains
    # an initial keeps its full stop and raises no doubt
    text = FORM.format(prescripteur="Brigitte D. PICARD", organisme="CCAS de Poitiers")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert "prescripteur" not in ex.champs_incertains


def test_the_next_sentence_glued_to_a_service_is_cut_and_flagged():
    text = FORM.format(prescripteur="Brigitte PICARD", organisme="CCAS de Poitiers. à Poitiers")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.organisme_prescripteur == "CCAS de Poitiers"
    assert "organisme_prescripteur" in ex.champs_incertains


def test_a_figure_read_unsurely_is_weak_where_a_word_is_not():
    # « 6 rue Pasteur » read at 74 off a photocopy where the act says 8: a word at 74 is
    # read right, a figure at 74 is one stroke from another figure
    assert weak_word("6", 74.0) and weak_word("8/08/2025", 74.0)
    assert not weak_word("Pasteur", 74.0) and not weak_word("6", 92.0)
    assert weak_word("Pasteur", 40.0)


def test_a_date_printed_without_its_days_zero_on_a_weak_word_is_flagged():
    # « Dette locative : 2 412,50 € au 8/08/2025 », the day's figure read at 32 (« 15 »)
    text = LETTER.format(nom="MERCIER", ville="86000 POITIERS").replace(
        "au 30/09/2025", "au 8/08/2025"
    )
    doc = ocr_page(text, 91.0, weak_words={"8/08/2025": 32.0}, page_confidence=91.0)
    ex = extract_document(doc, "scan.png")
    assert ex.date_dette == date(2025, 8, 8)
    assert "date_dette" in ex.champs_incertains


def test_a_measures_boxes_blurred_by_a_fax_are_no_choice():
    # the fax turned every box into a letter: the field's value lists the options
    text = FORM.format(prescripteur="Brigitte PICARD", organisme="CCAS de Poitiers").replace(
        "2. Nature de la mesure demandée\n☒ Accès ☐ Maintien ☐ Renouvellement\n",
        "Mesure sollicitée : [1 ASLL accès au logemeñt Ü ASLL maintien dans les lieux "
        "1 Renouvellement D Diagnostic social préalable\n",
    )
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert "type_mesure" in ex.champs_incertains
    # one option named is the choice, as the form's author typed it
    text = FORM.format(prescripteur="Brigitte PICARD", organisme="CCAS de Poitiers").replace(
        "2. Nature de la mesure demandée\n☒ Accès ☐ Maintien ☐ Renouvellement\n",
        "Mesure sollicitée : ASLL maintien dans les lieux\n",
    )
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.type_mesure == "maintien" and "type_mesure" not in ex.champs_incertains
    text = text.replace("ASLL maintien dans les lieux", "Renouvellement de la mesure ASLL maintien")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.type_mesure == "renouvellement" and "type_mesure" not in ex.champs_incertains


HOUSEHOLD = """Les personnes qui vivent avec vous
Nom, prénom Date de naissance Sexe
BLANC Marie-Claire 21/07/1972 F
BLANC Nathalie 07/08/2018 F
BLANC Thierry 01/08/2008 M
Montant de la dette : 2 240,79 € au 15/06/2025
Bailleur : SCI du Moulin, arriéré de 2 310,00 € au 30/06/2025 ; visite le 02/09/2025
"""


def test_children_listed_but_not_read_flag_the_count():
    # the stamp over the form's top made its household table unreadable as a table: the
    # rows are there, no child was read
    ex = Extraction(fichier="f.pdf", type_document="fiche_prescription", nb_enfants=0)
    ex.date_document = date(2025, 9, 22)
    assert children_unread(ex, HOUSEHOLD) == {"nb_enfants"}
    ex.nb_enfants = 2  # both read: the adult's row and the debt's date are no child
    assert children_unread(ex, HOUSEHOLD) == set()


def test_a_reference_whose_cue_a_fax_mangled_is_missed_but_flagged():
    text = LETTER.format(nom="MERCIER", ville="86000 POITIERS").replace(
        "N/Réf : PEX/86/2025-0077", "N'Rôf PEXS6/2029-0077"
    )
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.reference in (None, "PEXS6/2029-0077")
    assert "reference" in ex.champs_incertains


def test_a_companys_legal_form_joined_by_a_speck_is_parted_and_flagged():
    text = LETTER.format(nom="MERCIER", ville="86000 POITIERS").replace(
        "Madame, Monsieur,", "Madame, Monsieur,\nBailleur : SCI-LES GLYCINES"
    )
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.bailleur == "SCI LES GLYCINES" and "bailleur" in ex.champs_incertains


def test_a_forms_label_kept_before_the_service_is_dropped_and_flagged():
    # the cell's rule between « Service » and its value read as a letter
    for printed in ("Service ICCAS de Poitiers", "Service Agence départementale de Poitiers"):
        text = FORM.format(prescripteur="Brigitte PICARD", organisme=printed)
        ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
        assert ex.organisme_prescripteur == printed.split(maxsplit=1)[1].removeprefix("I")
        assert "organisme_prescripteur" in ex.champs_incertains
    # « Service social CAF » is the service's own name
    text = FORM.format(prescripteur="Brigitte PICARD", organisme="Service social CAF de la Vienne")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.organisme_prescripteur == "Service social CAF de la Vienne"
