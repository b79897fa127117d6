"""Referral forms laid out like the public sources 67 to 69 (corpus/sources/README.md: the
Métropole de Lyon's FSL scale and header grid, the Gironde FSL « fiche navette », the
Ardèche FUL measures), written here for other départements (Somme, Puy-de-Dôme, Moselle,
Ille-et-Vilaine, Loire-Atlantique, Bouches-du-Rhône, Seine-Maritime, Calvados) with their
own services and words. Built as a service would send them and read through the whole
extractor; each test failed with the reader of before (commit 283634a)."""

from __future__ import annotations

from datetime import date

from intake.extract import extract, extract_document
from tests.form_documents import docx, lines_pdf, ocr_page
from tests.form_documents import people as _people


def test_prescriber_block_titled_reserved_to_the_social_worker_is_not_the_household(tmp_path):
    # Somme: the worker's « Nom – Prénom » at the foot, under the frame's title only
    path = lines_pdf(
        tmp_path / "fiche-navette-amiens.pdf",
        [
            "FONDS DE SOLIDARITÉ LOGEMENT DE LA SOMME",
            "Demande d'accompagnement social lié au logement",
            "1 – LE MÉNAGE",
            "Nom – Prénom : DELATTRE Monique",
            "Née le : 12/06/1971",
            "Composition : (X) Personne seule   ( ) Couple sans enfant",
            "2 – LE LOGEMENT",
            "Adresse : 8 rue Jules Barni",
            "CP – Ville : 80000 AMIENS",
            "Bailleur : Amiens Habitat",
            "RÉSERVÉ AU TRAVAILLEUR SOCIAL",
            "Nom – Prénom : CARON Julie",
            "Service : CCAS d'Abbeville",
            "Le 06/10/2025",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "DELATTRE", "Monique", date(1971, 6, 12))]
    assert ex.prescripteur == "Julie CARON"
    assert ex.organisme_prescripteur == "CCAS d'Abbeville"
    assert ex.composition == "femme_seule"


def test_name_label_joined_by_a_long_dash_as_a_scan_reads_it():
    # Calvados: the OCR reads the printed dash of « Nom – Prénom » as an em dash
    doc = ocr_page(
        "FSL DU CALVADOS - DEMANDE D'ASLL\n"
        "1 - LE MÉNAGE\n"
        "Nom — Prénom : LEBRETON Kévin\n"
        "Né(e) le : 14/02/1986 à : Caen Sexe : M\n"
        "2 - LE LOGEMENT\n"
        "Adresse : 3 rue de Falaise\n"
        "CP - Ville : 14000 CAEN\n"
        "RÉSERVÉ AU TRAVAILLEUR SOCIAL\n"
        "Nom — Prénom : MARIE Océane\n"
        "Service : CCAS de Lisieux\n"
        "Le 02/10/2025\n"
    )
    ex = extract_document(doc, "scan.png")
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("LEBRETON", "Kévin")]
    assert ex.prescripteur == "Océane MARIE"


def test_civility_ticked_on_its_own_lines_above_the_name_field(tmp_path):
    # Puy-de-Dôme: each box typed on a line of its own above the person's fields
    lines = [
        "DEMANDE DE MESURE ASLL",
        "LE MÉNAGE",
        "☐ Madame",
        "☒ Monsieur",
        "Nom, prénom du demandeur : CHASSAGNE Lucas",
        "Date de naissance : 04/02/1984",
        "☒ Madame",
        "☐ Monsieur",
        "Nom, prénom du conjoint : CHASSAGNE Amandine",
        "Date de naissance : 22/09/1987",
        "Adresse du logement : 15 rue Blatin, 63000 Clermont-Ferrand",
    ]
    path = docx(tmp_path / "demande-asll-clermont.docx", [("p", x) for x in lines])
    assert _people(extract(path)) == [
        ("M.", "CHASSAGNE", "Lucas", date(1984, 2, 4)),
        ("Mme", "CHASSAGNE", "Amandine", date(1987, 9, 22)),
    ]


def test_measure_boxes_under_their_heading_read_whatever_words_come_first(tmp_path):
    # Moselle: the measures named by the household's situation, not « accès / maintien »
    def ticked(choice: str) -> str | None:
        options = [
            "Accompagnement lié à une recherche de logement adapté",
            "Accompagnement en sortie de structure d'hébergement",
            "Prolongation de la mesure en cours",
            "Enquête sociale – diagnostic (prévention des expulsions)",
        ]
        lines = ["DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT", "TYPE DE MESURE DEMANDÉE"]
        lines += [("☒ " if o == choice else "☐ ") + o for o in options]
        lines += ["IDENTITÉ", "Nom : SCHMITT", "Prénom : Laura", "Née le : 03/03/1990"]
        path = docx(tmp_path / "mesure.docx", [("p", x) for x in lines])
        return extract(path).type_mesure

    assert ticked("Accompagnement lié à une recherche de logement adapté") == "acces"
    assert ticked("Accompagnement en sortie de structure d'hébergement") == "acces"
    assert ticked("Prolongation de la mesure en cours") == "renouvellement"
    assert ticked("Enquête sociale – diagnostic (prévention des expulsions)") == "diagnostic"


def test_persons_in_columns_headed_conjoint_ou_cohabitant(tmp_path):
    # Ille-et-Vilaine: a grid with one column a person, « Nom-Prénom » and « Sexe » rows
    path = docx(
        tmp_path / "asll-rennes.docx",
        [
            ("p", "DEMANDE D'ASLL – CDAS DE RENNES"),
            (
                "tab",
                [
                    ["", "Demandeur", "Conjoint ou cohabitant"],
                    ["Nom-Prénom", "LE GOFF Yann", "RIOU Maëlle"],
                    ["Sexe", "M", "F"],
                    ["Date de naissance", "11/07/1979", "30/01/1982"],
                ],
            ),
            ("p", "Adresse : 6 rue de Brest, 35000 Rennes"),
        ],
    )
    assert _people(extract(path)) == [
        ("M.", "LE GOFF", "Yann", date(1979, 7, 11)),
        ("Mme", "RIOU", "Maëlle", date(1982, 1, 30)),
    ]


def test_fields_typed_apart_on_one_line_keep_their_own_values(tmp_path):
    # Loire-Atlantique: the count of children, then the household's « parts » on its line
    path = docx(
        tmp_path / "asll-nantes.docx",
        [
            ("p", "DEMANDE D'ACCOMPAGNEMENT – FSL DE LOIRE-ATLANTIQUE"),
            ("p", "Nom : GUIHENEUF   Prénom : Pascal   Né le : 09/10/1966"),
            ("p", "☒ Isolé   ☐ Couple      Nombre d'enfants : 0      Nombre de parts : 1,2"),
            ("p", "Adresse : 21 rue de Rieux, 44000 Nantes"),
        ],
    )
    ex = extract(path)
    assert ex.nb_enfants == 0
    assert ex.enfants == []


def test_service_and_worker_in_a_header_grid_with_captions_over_values(tmp_path):
    # Bouches-du-Rhône: « structure / service » and the worker's name order in brackets
    path = docx(
        tmp_path / "asll-la-ciotat.docx",
        [
            ("p", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
            (
                "tab",
                [
                    ["Structure / service", "Travailleur social (NOM Prénom)", "Téléphone"],
                    ["CCAS de La Ciotat", "ROUX Sandrine", "04 42 08 88 00"],
                ],
            ),
            ("p", "Nom : BONNET   Prénom : Gisèle   Née le : 17/05/1958"),
            ("p", "Adresse : 2 boulevard Anatole France, 13600 La Ciotat"),
        ],
    )
    ex = extract(path)
    assert ex.prescripteur == "Sandrine ROUX"
    assert ex.organisme_prescripteur == "CCAS de La Ciotat"
    assert len(ex.personnes) == 1


def test_resources_table_with_a_column_saying_who_receives_each_income(tmp_path):
    # Seine-Maritime: the header opens the section (« Ressources (…) | Bénéficiaire | … »)
    path = docx(
        tmp_path / "asll-le-havre.docx",
        [
            ("p", "DEMANDE D'ASLL – CCAS DU HAVRE"),
            ("p", "Nom : LECOQ   Prénom : Aurélie   Née le : 02/12/1985"),
            (
                "tab",
                [
                    ["Ressources (trois derniers mois)", "Bénéficiaire", "Montant mensuel"],
                    ["RSA", "Demandeur", "607,75 €"],
                    ["Allocations familiales", "Foyer", "141,99 €"],
                    ["Total", "", "749,74 €"],
                ],
            ),
        ],
    )
    got = [(r.type, r.montant) for r in extract(path).ressources]
    assert got == [("rsa", 607.75), ("prestations_familiales", 141.99)]

    # Moselle: the table's header names the resources, the « Perçu par » column its person
    path = docx(
        tmp_path / "fsl-metz.docx",
        [
            ("p", "FSL DE LA MOSELLE – DEMANDE D'ACCOMPAGNEMENT"),
            ("p", "Nom : KIEFFER   Prénom : Marc   Né le : 19/04/1975"),
            (
                "tab",
                [
                    ["Nature des ressources", "Perçu par", "Montant"],
                    ["Salaire", "Monsieur", "1 120,00 €"],
                    ["Allocation aux adultes handicapés", "Madame", "971,37 €"],
                ],
            ),
        ],
    )
    got = [(r.type, r.montant) for r in extract(path).ressources]
    assert got == [("salaire", 1120.0), ("aah", 971.37)]


def test_children_one_a_line_in_a_field_of_several_lines_and_their_count(tmp_path):
    # Puy-de-Dôme: a multi-line field, one child a line, and the count in « Personnes au foyer »
    lines = [
        "DEMANDE DE MESURE ASLL",
        "LE MÉNAGE",
        "Nom, prénom du demandeur : VIALLE Sophie",
        "Date de naissance : 08/08/1988",
        "Personnes au foyer : 1 adulte, 3 enfants à charge",
        "Enfants (prénom, date de naissance) : Inès, 02/03/2014",
        "Noah, 17/09/2017",
        "Jade, 05/01/2021",
        "LE LOGEMENT",
        "Adresse du logement : 9 rue Neuve, 63100 Clermont-Ferrand",
    ]
    ex = extract(lines_pdf(tmp_path / "asll-enfants.pdf", lines))
    assert ex.nb_enfants == 3
    assert "nb_enfants" not in ex.champs_incertains

    # the field counts three children, the list names two: the count is flagged
    del lines[7]
    ex = extract(lines_pdf(tmp_path / "asll-enfants-2.pdf", lines))
    assert "nb_enfants" in ex.champs_incertains


def test_a_rent_word_inside_a_formula_is_not_the_rent(tmp_path):
    # Seine-Maritime: a hosted household (no rent), the quotient's formula names the rent
    path = lines_pdf(
        tmp_path / "fsl-dieppe.pdf",
        [
            "FONDS DE SOLIDARITÉ LOGEMENT – FICHE DE LIAISON",
            "1 - LE MÉNAGE",
            "Nom - Prénom : DUVAL Cindy",
            "Née le : 21/04/1995 à : Dieppe",
            "2 - LE LOGEMENT",
            "Adresse : 5 rue Gambetta",
            "CP - Ville : 76200 DIEPPE",
            "Statut : ( ) locataire HLM ( ) locataire parc privé (X) hébergée",
            "Propriétaire / bailleur : néant",
            "Dette de loyer : néant",
            "Quotient familial [(Ressources + AL ou APL évaluée - loyer principal) ÷ nombre de "
            "personnes] : 412,30 €",
            "3 - RESSOURCES MENSUELLES DU FOYER",
            "RSA : 607,75 €",
            "RÉSERVÉ AU TRAVAILLEUR SOCIAL",
            "Nom - Prénom : LEROUX Anne",
            "Service : CCAS de Dieppe",
        ],
    )
    assert extract(path).loyer_mensuel is None


def test_debt_and_the_date_of_its_statement_in_one_field(tmp_path):
    # Calvados: one field for the debt and the date the landlord's statement stops at
    path = lines_pdf(
        tmp_path / "asll-caen.pdf",
        [
            "DEMANDE D'ASLL MAINTIEN",
            "Nom : PAYEN   Prénom : Romain   Né le : 30/11/1980",
            "Bailleur : Caen la mer Habitat",
            "Loyer charges comprises : 498,20 €",
            "Dette locative et date du décompte : 1 250,00 € au 31/08/2025",
        ],
    )
    ex = extract(path)
    assert ex.montant_dette == 1250.0
    assert ex.date_dette == date(2025, 8, 31)


def test_children_rows_under_the_persons_grid_in_the_same_table(tmp_path):
    # Loire-Atlantique: the children's caption row goes on under the adults' columns (two
    # tables typed one under the other come back as one); a value row (« PICHON Aurélien »,
    # whose first name holds the letters of « lien ») is no caption row
    path = docx(
        tmp_path / "asll-saint-nazaire.docx",
        [
            ("p", "DEMANDE D'ASLL – CCAS DE SAINT-NAZAIRE"),
            (
                "tab",
                [
                    ["", "Demandeur", "Conjoint"],
                    ["Nom-Prénom", "PICHON Aurélien", "PICHON Gwenaëlle"],
                    ["Sexe", "M", "F"],
                    ["Date de naissance", "12/12/1983", "06/06/1985"],
                    ["Profession", "soudeur", "vendeuse"],
                    ["Enfants à charge (NOM Prénom)", "Date de naissance", "Sexe"],
                    ["PICHON Malo", "04/04/2012", "M"],
                    ["PICHON Lou", "19/08/2016", "F"],
                ],
            ),
            ("p", "Adresse : 40 rue Jean Jaurès, 44600 Saint-Nazaire"),
        ],
    )
    ex = extract(path)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [
        ("PICHON", "Aurélien"),
        ("PICHON", "Gwenaëlle"),
    ]
    assert ex.nb_enfants == 2
    assert [c.prenom for c in ex.enfants] == ["Malo", "Lou"]


def test_household_box_of_the_scale_gives_the_number_of_children(tmp_path):
    # Gironde-like scale words on a Charente-Maritime form: « Ménage 2 enfants » ticked, the
    # children not listed; the count was 0, unflagged
    lines = [
        "FSL DE LA CHARENTE-MARITIME – FICHE DE LIAISON",
        "Nom – Prénom : MARTEL Sonia",
        "Née le : 01/02/1980",
        "Composition : ( ) Personne seule  ( ) Couple sans enfant  (X) Ménage 2 enfants",
        "Adresse : 3 rue Thiers, 17000 La Rochelle",
        "Travailleur social : Anne LEROUX, CCAS de La Rochelle",
    ]
    ex = extract(docx(tmp_path / "liaison.docx", [("p", x) for x in lines]))
    assert ex.nb_enfants == 2
    assert ex.composition == "femme_seule"


def test_resources_named_the_old_way(tmp_path):
    # Somme: an older form's words for the minimum income paid to a single parent
    lines = [
        "DEMANDE D'AIDE FSL – ACCOMPAGNEMENT",
        "Nom : ROCHE   Prénom : Paula   Née le : 01/02/1970",
        "RESSOURCES MENSUELLES",
        "Allocation de parent isolé : 612,00 €",
        "ASSEDIC : 830,50 €",
    ]
    ex = extract(lines_pdf(tmp_path / "fsl-peronne.pdf", lines))
    assert [(r.type, r.montant) for r in ex.ressources] == [("rsa", 612.0), ("chomage", 830.5)]


def test_worker_named_after_the_role_and_a_comma_in_the_signature(tmp_path):
    # Moselle: « Le travailleur social, Prénom NOM, fonction » closing the form
    lines = [
        "DEMANDE D'ASLL",
        "Nom : ROCHE   Prénom : Paula   Née le : 01/02/1970",
        "Fait à Thionville, le 03/10/2025",
        "Le travailleur social, Claire BERNARD, CESF",
    ]
    assert extract(docx(tmp_path / "asll.docx", [("p", x) for x in lines])).prescripteur == (
        "Claire BERNARD"
    )
    # a job then a comma closing a sentence is no role opening a signature
    lines[-1] = "Rapport établi par Julie MASSE, assistante sociale, CCAS de Hayange, à Hayange."
    ex = extract(docx(tmp_path / "rapport.docx", [("p", x) for x in lines]))
    assert ex.prescripteur == "Julie MASSE"
    assert ex.organisme_prescripteur == "CCAS de Hayange"


def test_cohabitant_in_a_household_table_is_an_adult_of_the_household(tmp_path):
    # Ille-et-Vilaine: the household table's « Qualité » column says « Cohabitant »
    path = docx(
        tmp_path / "asll-vitre.docx",
        [
            ("p", "DEMANDE D'ASLL – CDAS DE VITRÉ"),
            (
                "tab",
                [
                    ["Qualité", "NOM Prénom", "Date de naissance"],
                    ["Demandeuse", "ROCHE Paula", "01/02/1970"],
                    ["Cohabitant", "MARTIN Éric", "05/05/1968"],
                    ["Enfant", "ROCHE Léo", "01/01/2015"],
                ],
            ),
        ],
    )
    ex = extract(path)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("ROCHE", "Paula"), ("MARTIN", "Éric")]
    assert ex.composition == "couple"
    assert ex.nb_enfants == 1


def test_household_scale_as_a_table_of_captions_over_values(tmp_path):
    # Loire-Atlantique, the scale of source 67 as the form's own grid: the composition, the
    # number of children and of « parts » captioned above their values (0 children, unflagged
    # was read before)
    path = docx(
        tmp_path / "fsl-nantes.docx",
        [
            ("p", "DEMANDE D'ASLL – NANTES MÉTROPOLE"),
            ("p", "Nom : ROCHE   Prénom : Paula   Née le : 01/02/1980"),
            (
                "tab",
                [
                    ["Composition du ménage", "Nombre d'enfants", "Nombre de parts"],
                    ["Famille monoparentale", "2", "2"],
                ],
            ),
            ("p", "Travailleur social : Anne LEROUX, CCAS de Rezé"),
        ],
    )
    ex = extract(path)
    assert ex.nb_enfants == 2
    assert ex.composition == "femme_seule"
    assert "nb_enfants" not in ex.champs_incertains


def test_rent_captioned_over_its_amount_in_a_grid_that_lost_its_columns_is_flagged(tmp_path):
    # Puy-de-Dôme: the budget grid's captions on one line, the amounts under them (a text PDF
    # without the grid's cells): the rent cannot be told surely, it is left empty and flagged
    path = lines_pdf(
        tmp_path / "asll-riom.pdf",
        [
            "DEMANDE D'ASLL",
            "Nom : ROCHE   Prénom : Paula   Née le : 01/02/1980",
            "Bailleur : Ophis du Puy-de-Dôme",
            "Loyer brut mensuel   Charges locatives   Aide mensuelle au logement",
            "456,96 €   59,76 €   néant",
        ],
    )
    ex = extract(path)
    assert ex.loyer_mensuel is None
    assert "loyer_mensuel" in ex.champs_incertains


def test_count_of_children_then_another_field_on_a_scanned_line():
    # Loire-Atlantique: the scan keeps one space between the fields, and reads the 0 as « O »
    text = (
        "DEMANDE D'ASLL - CCAS DE REZÉ\n"
        "Nom : GUIHENEUF Prénom : Pascal Né le : 09/10/1966\n"
        "Isolé Couple Nombre d'enfants : {n} Nombre de parts : 1,2\n"
        "Adresse : 21 rue de Rieux, 44400 Rezé\n"
        "Travailleur social : Anne LEROUX, CCAS de Rezé\n"
    )
    ex = extract_document(ocr_page(text.format(n="0")), "scan.png")
    assert ex.nb_enfants == 0 and ex.enfants == []
    ex = extract_document(ocr_page(text.format(n="O")), "scan.png")
    assert ex.enfants == []
    assert ex.nb_enfants == 0 and "nb_enfants" in ex.champs_incertains


def test_rent_caption_wrapped_in_its_cell_over_the_amounts_is_flagged():
    # Calvados: a scanned budget grid, one caption wrapped on the next line before the amounts
    doc = ocr_page(
        "DEMANDE D'ASLL\n"
        "Nom : ROCHE Prénom : Paula Née le : 01/02/1980\n"
        "Bailleur : Inolya\n"
        "Loyer brut mensuel Charges locatives Aide mensuelle ; Taux d'effort\n"
        "au logement\n"
        "303,48 € 23,10 € néant 35,8%\n"
    )
    ex = extract_document(doc, "scan.png")
    assert ex.loyer_mensuel is None
    assert "loyer_mensuel" in ex.champs_incertains
