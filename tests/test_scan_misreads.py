"""Values a rough scan misreads on lines Tesseract was sure of, and the checks that flag
them (intake/accents.py, intake/misreads.py, intake/debris.py): an accent a fax dropped, a
name printed twice and read one letter apart, a défendeur whose line a photocopy spoiled, a
hyphen cut at a line's end, a number read as a word, an hour composed of a stumbled word, a
child's row dated first. Texts are as Tesseract gives faxes, photocopies and stamped scans
(corpus/rough_scans.py); the same text typed is left alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from asll.domain.model import Extraction
from intake.accents import accents_lost
from intake.debris import children_unread
from intake.extract import extract_document
from intake.misreads import misreads
from intake.ocr_repair import repair_line
from intake.readers import Document
from tests.form_documents import ocr_page

LETTER = """PRÉFECTURE DE LA MARNE
Bureau de la prévention des expulsions locatives
Châlons-en-Champagne, le 14 octobre 2025
N/Réf : PEX/51/2025-0102
Objet : diagnostic social et financier
Madame, Monsieur,
Une assignation a été délivrée le 10 octobre 2025 par Agathe PONSARD, commissaire de
justice, à la requête de la SCI Les Tilleuls, à l'encontre de Mme Marie-Claire MORIN,
locataire du logement situé {adresse}, 51000 Châlons-en-Champagne.
La dette locative s'élève à 2 412,50 € au 30/09/2025.
L'audience est fixée au 15/12/2025 à 9h30 au Tribunal judiciaire de Châlons-en-Champagne.
Je vous remercie de me transmettre votre rapport avant le 4 décembre 2025.
"""

ACT = """ASSIGNATION EN RÉSILIATION DE BAIL
L'AN DEUX MILLE VINGT-CINQ ET LE DIX OCTOBRE
À LA REQUÊTE DE :
SCI LES TILLEULS, société civile immobilière, dont le siège est 4 place d'Armes 75004 Paris
DÉFENDEURS
{premier}
{second}
Nous, Maître Paul MARTIN, commissaire de justice à Paris, avons DONNÉ ASSIGNATION
à comparaître à l'audience publique du jeudi 18 décembre 2025 à 14 h 30 devant le juge des
contentieux de la protection du Tribunal judiciaire de Paris.
Le bail porte sur un logement sis 105 cours Lafayette 75010 Paris, moyennant un loyer
mensuel de 812,40 euros charges comprises.
Les défendeurs restent devoir la somme de 1 951,82 euros arrêtée au 30 septembre 2025.
"""
THIERRY = "M. MOREAU Thierry, né le 02/08/1984 à Metz, demeurant 105 cours Lafayette, 75010 Paris"
SANDRINE = "MOREAU née N'DIAYE Sandrine, née le 19/05/1952 à Reims, {verbe} 105 cours Lafayette"


def _scan(text: str, name: str = "scan.pdf") -> Document:
    return Document(path=Path(name), kind="pdf_scan", pages=[text], page_confidence=[90.0])


def _typed(text: str, name: str = "lettre.pdf") -> Document:
    return Document(path=Path(name), kind="pdf_text", pages=[text])


def test_an_accent_a_fax_dropped_is_flagged_and_put_back_when_printed_elsewhere():
    text = LETTER.format(adresse="102 rue Emile Zola")
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.adresse == "102 rue Emile Zola"  # nothing in the letter says which
    assert "adresse" in ex.champs_incertains
    # the same letter typed: its author wrote « Emile », nothing to check
    ex = extract_document(_typed(text), "lettre.pdf")
    assert ex.adresse == "102 rue Emile Zola" and "adresse" not in ex.champs_incertains
    # a word that is French bare too (« des », « Marie ») and capitals are left alone
    ok = Extraction(fichier="s.pdf", adresse="8 rue des Lilas", bailleur="Marie GUERIN")
    assert accents_lost(ok, "") == set()
    # the letter prints the accented spelling elsewhere: it is put back, still flagged
    ex = Extraction(fichier="s.pdf", adresse="67 bis rue de l'Eglise")
    assert accents_lost(ex, "… derrière l'Église Saint-Jean …") == {"adresse"}
    assert ex.adresse == "67 bis rue de l'Église"


def test_a_name_the_scan_prints_twice_one_letter_apart_is_flagged():
    act = ACT.format(premier=THIERRY, second=SANDRINE.format(verbe="demeurant"))
    act = act.replace("SCI LES TILLEULS, société", "SCI LES TILLEULS c/ MOREAU, société")
    misread = act.replace("MOREAU Thierry", "MOBEAU Thierry")
    ex = extract_document(_scan(misread), "scan.pdf")
    assert "MOBEAU" in {p.nom for p in ex.personnes}
    assert "personnes" in ex.champs_incertains
    ex = extract_document(_scan(act), "scan.pdf")
    assert {p.nom for p in ex.personnes} == {"MOREAU"}
    assert "personnes" not in ex.champs_incertains
    # « BOYER » beside the heading « LOYER »: two words, no letter OCR takes for the other
    act = ACT.format(premier=THIERRY.replace("MOREAU", "BOYER"), second="")
    act = act.replace("Le bail porte", "LOYER ET CHARGES\nLe bail porte")
    ex = extract_document(_scan(act), "scan.pdf")
    assert {p.nom for p in ex.personnes} == {"BOYER"}
    assert "personnes" not in ex.champs_incertains


def test_a_défendeur_whose_line_a_photocopy_spoiled_flags_the_persons():
    # « demeurant » read « Cemeueant »: the second défendeur is not read, her birth is there
    spoiled = ACT.format(premier=THIERRY, second=SANDRINE.format(verbe="Cemeueant"))
    ex = extract_document(_scan(spoiled), "scan.pdf")
    assert len(ex.personnes) == 1 and "personnes" in ex.champs_incertains
    # one défendeur, and the landlord a person born too: nothing missing
    alone = ACT.format(premier=THIERRY, second="").replace(
        "SCI LES TILLEULS, société civile immobilière, dont le siège est",
        "Madame Sandrine BRUNET, née le 08/08/1966 à Metz, demeurant",
    )
    ex = extract_document(_typed(alone, "acte.pdf"), "acte.pdf")
    assert len(ex.personnes) == 1 and "personnes" not in ex.champs_incertains


def test_a_surname_cut_at_its_hyphen_is_joined_and_flagged():
    act = ACT.format(
        premier="Mme SAINT- MARTIN Laura, née le 02/08/1984 à Metz, demeurant 105 cours Lafayette",
        second="M. SAINT-MARTIN Joël, né le 19/05/1982 à Reims, demeurant 105 cours Lafayette",
    )
    ex = extract_document(_scan(act), "scan.pdf")
    assert {p.nom for p in ex.personnes} == {"SAINT-MARTIN"}
    assert "personnes" in ex.champs_incertains


def test_a_street_number_read_as_a_word_or_a_stray_letter_flags_the_address():
    for address in ("En rue Pasteur", "66 bis rue des s Écoles"):
        ex = extract_document(_scan(LETTER.format(adresse=address)), "scan.pdf")
        assert ex.adresse == address and "adresse" in ex.champs_incertains
    ex = extract_document(_scan(LETTER.format(adresse="3 rue Pasteur")), "scan.pdf")
    assert ex.adresse == "3 rue Pasteur" and "adresse" not in ex.champs_incertains
    # an article may open a street's name
    ok = Extraction(fichier="s.pdf", adresse="La place du Marché")
    assert misreads(ok, "", scanned=True) == set()


def test_a_speck_read_as_a_cedilla_where_french_puts_none_is_flagged():
    act = ACT.format(premier=THIERRY.replace("Thierry", "Luçie"), second="")
    ex = extract_document(_scan(act), "scan.pdf")
    assert [p.prenom for p in ex.personnes] == ["Luçie"] and "personnes" in ex.champs_incertains
    act = ACT.format(premier=THIERRY.replace("Thierry", "François"), second="")
    ex = extract_document(_scan(act), "scan.pdf")
    assert [p.prenom for p in ex.personnes] == ["François"]
    assert "personnes" not in ex.champs_incertains


def test_a_landlord_of_one_letter_is_flagged():
    # « À LA REQUÊTE DEF : » (« DE : » misread): the « F » taken for the landlord
    text = LETTER.format(adresse="3 rue Pasteur").replace(
        "à la requête de la SCI Les Tilleuls", "à la requête de F"
    )
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.bailleur == "F" and "bailleur" in ex.champs_incertains


FORM = """FICHE DE PRESCRIPTION ASLL
1. Prescripteur
Nom et prénom : Brigitte PICARD
Organisme : CCAS de Poitiers
Date de la demande : 21/10/2025
2. Nature de la mesure demandée
☒ Accès ☐ Maintien ☐ Renouvellement
3. Composition du ménage
Nom : MERCIER Prénom : Julie Né(e) le : 12/03/1988
Adresse : 8 rue des Lilas 86000 Poitiers
4. Ressources du ménage
- Allocations familiales : {montant}
- Salaire : 1 660,25 €
"""


def test_an_amount_whose_thousands_a_speck_cut_off_is_flagged():
    # « 1:513,91 € » off a fax: the figure before the speck is lost
    ex = extract_document(_scan(FORM.format(montant="1:513,91 €"), "fiche.pdf"), "fiche.pdf")
    assert 513.91 in [r.montant for r in ex.ressources]
    assert "ressources" in ex.champs_incertains
    ex = extract_document(_scan(FORM.format(montant="1 513,91 €"), "fiche.pdf"), "fiche.pdf")
    assert 1513.91 in [r.montant for r in ex.ressources]
    assert "ressources" not in ex.champs_incertains


def test_an_hour_read_on_a_line_with_a_stumbled_figure_is_flagged():
    act = ACT.format(premier=THIERRY, second="").replace("à 14 h 30", "à 14:h 30")
    doc = ocr_page(act, 92.0, weak_words={"14:h": 67.0}, page_confidence=92.0)
    ex = extract_document(doc, "scan.png")
    assert ex.heure_audience is not None
    assert "heure_audience" in ex.champs_incertains
    assert ex.date_audience == date(2025, 12, 18) and "date_audience" not in ex.champs_incertains


CHILDREN = """ENFANTS (situer chacun dans la fratrie)
14/06/2012 nn BARBIER Nadia collège
21/08/2022 BARBIER Nathalie: école élémentaire
Le loyer a augmenté de 31 € en janvier.
"""


def test_children_rows_dated_first_count_against_the_children_read():
    ex = Extraction(fichier="f.pdf", type_document="fiche_prescription", nb_enfants=1)
    ex.date_document = date(2025, 9, 22)
    assert children_unread(ex, CHILDREN) == {"nb_enfants"}
    ex.nb_enfants = 2
    assert children_unread(ex, CHILDREN) == set()


def _form_scan(text: str, weak_line: str, conf: float) -> Document:
    return ocr_page(text, weak_lines={weak_line: conf}, page_confidence=88.0, name="fiche.png")


def test_tick_boxes_on_a_line_read_unsurely_are_no_choice_to_trust():
    # the ticked box lost its mark, the empty ones read « [| »: any option may be the one
    boxes = "[_] Locataire HLM [| Locataire privé Hébergé(e) [| Sous-locataire"
    text = FORM.format(montant="1 513,91 €") + "5. Logement\nStatut d'occupation\n" + boxes + "\n"
    ex = extract_document(_form_scan(text, boxes, 78.4), "fiche.png")
    assert "statut_occupation" in ex.champs_incertains
    # the same line read with confidence: the reader's choice stands
    ex = extract_document(_form_scan(text, boxes, 93.0), "fiche.png")
    assert "statut_occupation" not in ex.champs_incertains


def test_a_speck_glued_to_a_year_in_words_is_dropped_and_the_line_trusted_less():
    line = "L'an deux mille Vingt-cinqg, le dix octobre, à la requête de :"
    assert repair_line(line) == (
        "L'an deux mille Vingt-cinq, le dix octobre, à la requête de :",
        True,
    )
    # « quatre-vingts », « deux cents » are French: left alone
    assert repair_line("la somme de quatre-vingts euros et deux cents") == (
        "la somme de quatre-vingts euros et deux cents",
        False,
    )
    act = ACT.format(premier=THIERRY, second="").replace(
        "L'AN DEUX MILLE VINGT-CINQ ET LE DIX OCTOBRE\nÀ LA REQUÊTE DE :", line
    )
    mended = "\n".join(repair_line(x)[0] for x in act.splitlines())
    ex = extract_document(_scan(mended), "scan.pdf")
    assert ex.date_document == date(2025, 10, 10)


def test_an_amount_whose_label_ocr_garbled_flags_the_empty_rent():
    # « (loyer mensuel de 744,30 €) » read « éyer: mensuel de 744,30 € », « éyer: » at 0
    garbled = "Impayé : 2 412,50 € au 30/09/2025 éyer: mensuel de 744,30 €)"
    text = LETTER.format(adresse="3 rue Pasteur").replace(
        "La dette locative s'élève à 2 412,50 € au 30/09/2025.", garbled
    )
    doc = ocr_page(text, weak_lines={garbled: 82.5}, weak_words={"éyer:": 0.0})
    ex = extract_document(doc, "scan.png")
    assert ex.montant_dette == 2412.50
    assert ex.loyer_mensuel is None and "loyer_mensuel" in ex.champs_incertains
    # the label read: the rent is read, nothing missing to flag
    text = text.replace(garbled, garbled.replace("éyer:", "loyer"))
    ex = extract_document(_scan(text), "scan.pdf")
    assert ex.loyer_mensuel == 744.30


def test_a_form_read_without_its_date_is_flagged():
    # the arrival stamp's ink covered the form's date line: nothing of it was read
    text = FORM.format(montant="1 513,91 €").replace("Date de la demande : 21/10/2025\n", "")
    ex = extract_document(_scan(text, "fiche.pdf"), "fiche.pdf")
    assert ex.date_document is None and "date_document" in ex.champs_incertains


def test_the_accent_table_keeps_only_words_french_never_writes_bare():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_accents", Path(__file__).parent.parent / "scripts" / "build_accents.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    words = {"Émile", "Église", "Dès", "des", "Des", "Marié", "Marie", "marie", "été", "ÉTÉ"}
    assert build.table(words) == {"emile": "Émile", "eglise": "Église"}
    # the shipped table was built so: its words are found, bare words of French are not
    from intake.accents import _table

    shipped = _table()
    assert shipped["emile"] == ("Émile",) and "des" not in shipped and "marie" not in shipped


def test_a_landlord_whose_labels_colon_a_fax_spoiled_is_missed_but_flagged():
    spoiled = FORM.format(montant="1 513,91 €") + "5. Logement\nNom du bailleur ; Logirem\n"
    ex = extract_document(_scan(spoiled, "fiche.pdf"), "fiche.pdf")
    assert ex.bailleur is None and "bailleur" in ex.champs_incertains
    ex = extract_document(_scan(spoiled.replace(" ;", " :"), "fiche.pdf"), "fiche.pdf")
    assert ex.bailleur == "Logirem" and "bailleur" not in ex.champs_incertains
