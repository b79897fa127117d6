"""Referral forms laid out like the public sources 61 to 63 (corpus/sources/README.md: a
Vendée FSL request closed by the service's stamp, an Alpes-Maritimes request with a header
cartouche and a « Conjoint / Concubin / Partenaire PACS » block, a Hauts-de-Seine referral
whose household table has a « Qualité » column), written here for other départements
(Calvados, Essonne, Loiret, Sarthe, Isère, Gironde) with their own services and words.
Built as a service would send them and read through the whole extractor; each test failed
with the reader of before (commit b689a90)."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from tests.form_documents import blocks_pdf, docx, lines_pdf
from tests.form_documents import people as _people


def test_service_printed_with_acronym_and_long_name_is_filed_under_its_short_name(tmp_path):
    # Calvados: the cartouche gives the acronym, then the long name, then the town
    path = docx(
        tmp_path / "demande-asll-lisieux.docx",
        [
            ("p", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
            (
                "tab",
                [
                    [
                        "Service instructeur",
                        "UTAS – Unité territoriale d'action sociale de Lisieux",
                    ],
                    ["Travailleur social référent", "LEMOINE Aurélie"],
                    ["Date de la demande", "14/10/2025"],
                ],
            ),
            ("p", "Mesure sollicitée : ☒ ASLL maintien ☐ ASLL accès"),
            ("tab", [["Civilité", "Madame"], ["Nom", "HAMEL"], ["Prénom", "Justine"]]),
            ("tab", [["Né(e) le", "03/05/1988"]]),
            ("p", "Adresse : 12 rue Guizot, 14100 Lisieux"),
        ],
    )
    ex = extract(path)
    assert ex.organisme_prescripteur == "UTAS de Lisieux"
    assert ex.prescripteur == "Aurélie LEMOINE"

    # Loiret: the long name first, the acronym in brackets, the town after « du »
    path = lines_pdf(
        tmp_path / "fiche-ccas.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Structure : Centre communal d'action sociale (CCAS) du Malesherbois",
            "Référent : Mme Sophie PERRAULT",
            "Date de la demande : 02/10/2025",
            "Nom du demandeur : BOYER   Prénom : Nadia",
            "Adresse : 4 rue du Lion d'Or, 45330 Le Malesherbois",
        ],
    )
    assert extract(path).organisme_prescripteur == "CCAS du Malesherbois"

    # a name whose letters do not match the words beside it is kept as printed
    path = lines_pdf(
        tmp_path / "fiche-association.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Structure : ALIS - Association logement insertion de Rennes",
            "Référent : M. Paul DANIEL",
            "Date de la demande : 02/10/2025",
            "Nom du demandeur : ROGER   Prénom : Marc",
        ],
    )
    assert extract(path).organisme_prescripteur == (
        "ALIS - Association logement insertion de Rennes"
    )


def test_prescriber_and_service_read_from_the_stamp_grid_closing_the_form(tmp_path):
    # Essonne: nothing names the prescriber before the grid at the foot of the form
    path = blocks_pdf(
        tmp_path / "demande-fsl-evry.pdf",
        [
            ("t", "DEMANDE D'AIDE AU TITRE DU FSL"),
            ("l", "Nature de la demande : [X] ASLL accès [ ] ASLL maintien"),
            ("l", "Demandeur : [X] Monsieur [ ] Madame"),
            ("l", "Nom : TRAORÉ   Prénom : Moussa   Né le : 11/01/1979"),
            ("l", "Adresse : 8 allée des Champs-Élysées, 91000 Évry-Courcouronnes"),
            ("l", "Nom du bailleur : Essonne Habitat"),
            ("l", "Loyer : 512,30 €   Charges : 48,00 €"),
            ("b", "RESSOURCES MENSUELLES DU FOYER"),
            ("l", "RSA : 635,70 €"),
            ("sp", 4),
            (
                "tab",
                [
                    ["Cachet de la structure", "Nom, prénom et qualité du signataire"],
                    [
                        "Maison départementale des solidarités (MDS) d'Évry",
                        "M. Karim BENALI, éducateur spécialisé",
                    ],
                    ["2 place Mendès-France – Évry", "Fait à Évry, le 06/10/2025"],
                ],
            ),
        ],
    )
    ex = extract(path)
    assert ex.prescripteur == "Karim BENALI"
    assert ex.organisme_prescripteur == "MDS d'Évry"
    assert "prescripteur" not in ex.champs_incertains


def test_a_tenant_in_title_is_told_by_the_landlord_and_a_hosted_adult_is_no_spouse(tmp_path):
    # Isère: « ☒ Locataire en titre » says a tenant, not which kind of landlord; the household
    # table lists a grandmother the family hosts
    path = blocks_pdf(
        tmp_path / "saisine-ccapex-grenoble.pdf",
        [
            ("t", "SAISINE DE LA CCAPEX"),
            ("l", "Organisme : CCAS de Saint-Martin-d'Hères"),
            ("l", "Travailleur social : Mme Élodie FAURE"),
            ("l", "Date de saisine : 09/10/2025"),
            ("l", "Demande : [ ] ASLL accès [X] ASLL maintien [ ] diagnostic social et financier"),
            ("b", "COMPOSITION DU MÉNAGE"),
            ("l", "Composition familiale : couple avec 1 enfant + 1 personne hébergée"),
            (
                "tab",
                [
                    ["Qualité", "Civilité", "NOM", "Prénom", "Né(e) le"],
                    ["Demandeur", "M.", "CHABERT", "Julien", "04/04/1984"],
                    ["Conjoint", "Mme", "CHABERT", "Laura", "19/08/1986"],
                    ["Enfant", "", "CHABERT", "Tom", "12/12/2016"],
                    ["Hébergé(e)", "Mme", "ROUX", "Odette", "01/02/1948"],
                ],
            ),
            ("b", "LOGEMENT"),
            ("l", "Adresse : 5 rue Pierre Sémard"),
            ("l", "38400 SAINT-MARTIN-D'HÈRES"),
            (
                "l",
                "Statut d'occupation : [X] Locataire en titre [ ] Sous-locataire "
                "[ ] Hébergé chez un tiers [ ] Occupant sans droit ni titre",
            ),
            ("l", "Bailleur : Alpes Isère Habitat"),
            ("l", "Loyer mensuel : 498,20 €   Charges : 61,00 €"),
            ("b", "RESSOURCES DU MÉNAGE"),
            ("l", "Salaire : 1 402,00 €"),
        ],
    )
    ex = extract(path)
    assert ex.statut_occupation == "locataire_public"
    assert _people(ex) == [
        ("M.", "CHABERT", "Julien", date(1984, 4, 4)),
        ("Mme", "CHABERT", "Laura", date(1986, 8, 19)),
    ]
    assert ex.nb_enfants == 1
    assert ex.composition == "couple"


def test_housing_situation_heading_then_sentence_with_the_landlord_in_brackets(tmp_path):
    # Gironde: the status is a sentence under its heading, the landlord in brackets; the
    # children one a line under « Enfants à charge », an expected child after them
    path = docx(
        tmp_path / "demande-asll-cenon.docx",
        [
            ("p", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
            ("tab", [["Service instructeur", "MDS de Cenon"], ["Référent", "Mme Inès ROCHE"]]),
            ("p", "Date de la demande : 01/10/2025"),
            ("p", "LE DEMANDEUR"),
            ("tab", [["Civilité", "Madame"], ["Nom", "DUPRAT"], ["Prénom", "Léa"]]),
            ("tab", [["Né(e) le", "22/06/1990"]]),
            ("p", "CONJOINT / CONCUBIN / PARTENAIRE PACS"),
            ("p", "néant"),
            ("p", "ENFANTS À CHARGE"),
            ("p", "Hugo DUPRAT, né le 14/02/2014"),
            ("p", "Manon DUPRAT, née le 30/09/2019"),
            ("p", "Enfant à naître : terme prévu le 15/01/2026"),
            ("p", "SITUATION AU REGARD DU LOGEMENT"),
            ("p", "Locataire en titre d'un logement du parc privé (SCI LES PINS)"),
            ("p", "Adresse : 17 avenue Jean Jaurès, 33150 Cenon"),
        ],
    )
    ex = extract(path)
    assert ex.statut_occupation == "locataire_prive"
    assert ex.bailleur == "SCI LES PINS"
    assert ex.nb_enfants == 2
    assert [(c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("Hugo", date(2014, 2, 14)),
        ("Manon", date(2019, 9, 30)),
    ]
    assert ex.composition == "femme_seule"


def test_an_expected_child_in_the_household_table_is_not_counted(tmp_path):
    # Sarthe: the table lists the child to be born with the others
    path = blocks_pdf(
        tmp_path / "demande-fsl-le-mans.pdf",
        [
            ("t", "DEMANDE D'INTERVENTION DU FSL"),
            ("l", "Mesure sollicitée : [X] ASLL accès [ ] ASLL maintien"),
            ("l", "Demandeur : [X] Madame [ ] Monsieur"),
            (
                "tab",
                [
                    ["Nom", "Prénom", "Sexe", "Date de naissance", "Lien avec le demandeur"],
                    ["GUERIN", "Sarah", "F", "07/07/1995", "demandeur"],
                    ["GUERIN", "Noah", "M", "02/03/2021", "fils"],
                    ["GUERIN", "", "", "à naître (mars 2026)", "enfant à naître"],
                ],
            ),
            ("l", "Adresse : 3 rue de la Reine Bérengère – 72000 Le Mans"),
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "GUERIN", "Sarah", date(1995, 7, 7))]
    assert ex.nb_enfants == 1


def test_household_grid_typed_as_lines_with_a_role_or_a_sex_column(tmp_path):
    # a form typed without a table (as a scan reads one): the role starts each row, or the
    # sex column gives the civility
    path = lines_pdf(
        tmp_path / "saisine-lignes.pdf",
        [
            "FICHE DE SAISINE - PRÉVENTION DES EXPULSIONS",
            "Structure / Organisme : CCAS de Pessac",
            "Travailleur social référent : Mme Claire VIDAL",
            "Date de saisine : 23/09/2025",
            "COMPOSITION DU MÉNAGE",
            "Qualité Civilité NOM Prénom Né(e) le",
            "Demandeur Mme BRUNET Jessica 02/07/1982",
            "Enfant BRUNET Théo 05/05/2015",
            "Hébergé(e) M. BRUNET Marcel 14/03/1950",
            "LOGEMENT",
            "Adresse : 67 allée des Tilleuls, 33600 Pessac",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "BRUNET", "Jessica", date(1982, 7, 2))]
    assert ex.nb_enfants == 1
    assert ex.composition == "femme_seule"

    path = lines_pdf(
        tmp_path / "fiche-sexe.pdf",
        [
            "DEMANDE D'INTERVENTION DU FSL",
            "Structure : CCAS de Mérignac",
            "Référent : M. Yann LE BRIS",
            "LES PERSONNES VIVANT AU FOYER",
            "Nom Prénom Sexe Date de naissance Lien avec le demandeur",
            "LEFEVRE Mickaël M 08/10/1991 demandeur",
            "LEFEVRE Hélène F 13/10/1984 concubin(e)",
            "LOGEMENT",
            "Adresse : 15 rue Jean Jaurès, 33700 Mérignac",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [
        ("M.", "LEFEVRE", "Mickaël", date(1991, 10, 8)),
        ("Mme", "LEFEVRE", "Hélène", date(1984, 10, 13)),
    ]


def test_household_said_in_words_children_by_age_and_a_pacs_partner(tmp_path):
    # Loir-et-Cher: children given by first name and age, the household in words
    path = lines_pdf(
        tmp_path / "fiche-blois.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Structure : CCAS de Blois",
            "Référent : Mme Anne PETIT",
            "Date de la demande : 02/10/2025",
            "Mesure : ASLL maintien",
            "Demandeur : Mme LEROUX Sandrine, née le 12/04/1985",
            "Composition familiale : femme seule avec 2 enfants",
            "Enfants : Léa (8 ans), Tom (5 ans)",
            "Adresse : 4 rue du Lion, 41000 Blois",
            "Statut d'occupation : locataire HLM",
            "Bailleur : Terres de Loire Habitat",
            "Loyer : 420,00 €",
            "Ressources : RSA 612,00 €",
        ],
    )
    ex = extract(path)
    assert ex.nb_enfants == 2
    assert ex.composition == "femme_seule"

    # Eure-et-Loir: only the applicant named, « couple avec 3 enfants » says the rest
    path = lines_pdf(
        tmp_path / "fiche-dreux.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Structure : Maison départementale des solidarités de Dreux",
            "Référent : Mme Anne PETIT",
            "Date de la demande : 02/10/2025",
            "Mesure : ASLL maintien",
            "Nom du demandeur : LEROUX   Prénom : Sandrine   Né(e) le : 12/04/1985",
            "Composition familiale : couple avec 3 enfants",
            "Adresse : 4 rue du Lion, 28100 Dreux",
            "Statut d'occupation : occupant sans droit ni titre",
            "Bailleur : Habitat Drouais",
            "Loyer : 420,00 €",
            "Ressources : RSA 612,00 €",
        ],
    )
    ex = extract(path)
    assert (ex.composition, ex.nb_enfants) == ("couple", 3)
    assert "personnes" in ex.champs_incertains  # a couple, the second adult not named
    # no status of the contract says « occupant sans droit ni titre »: flagged
    assert "statut_occupation" in ex.champs_incertains

    # Bas-Rhin: the partner on one line after « Conjoint / concubin / partenaire PACS »
    path = lines_pdf(
        tmp_path / "fiche-selestat.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Service : Espace solidarité de Sélestat",
            "Travailleur social : M. Paul MEYER",
            "Date de la demande : 02/10/2025",
            "Mesure : ASLL accès",
            "Demandeur : M. KLEIN Thomas, né le 03/03/1980",
            "Conjoint / concubin / partenaire PACS : Mme KLEIN Julie, née le 08/08/1983",
            "Enfants à charge : 3 (14, 9 et 2 ans)",
            "Adresse : 2 rue Verte, 67600 Sélestat",
            "Situation : sous-locataire (bail glissant)",
            "Loyer : 420,00 €",
            "Ressources : Salaire 1 612,00 €",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [
        ("M.", "KLEIN", "Thomas", date(1980, 3, 3)),
        ("Mme", "KLEIN", "Julie", date(1983, 8, 8)),
    ]
    assert ex.composition == "couple"
    assert ex.statut_occupation == "sous_locataire"


def test_applicant_in_fields_and_the_others_in_a_kinship_table(tmp_path):
    # Nord: « Autres personnes vivant au foyer » lists the partner and the child; the
    # applicant is given in the fields above the table
    path = blocks_pdf(
        tmp_path / "demande-asll-roubaix.pdf",
        [
            ("t", "DEMANDE D'ASLL"),
            ("l", "Service instructeur : UTPAS de Roubaix"),
            ("l", "Travailleur social : M. Karim SAÏDI"),
            ("l", "Date de la demande : 02/10/2025"),
            ("l", "Demandeur : Mme BERTIN Chloé, née le 05/05/1990"),
            ("b", "Autres personnes vivant au foyer"),
            (
                "tab",
                [
                    ["Nom Prénom", "Date de naissance", "Lien de parenté"],
                    ["BERTIN Lucas", "03/03/2015", "fils"],
                    ["DUBOIS Kevin", "09/09/1988", "concubin"],
                ],
            ),
            ("l", "Mesure : ASLL maintien"),
            ("l", "Adresse : 4 rue de Lille, 59100 Roubaix"),
            ("l", "Statut d'occupation : locataire HLM"),
            ("l", "Bailleur : Vilogia"),
            ("l", "Loyer : 420,00 €"),
            ("l", "Ressources : RSA 612,00 €"),
        ],
    )
    ex = extract(path)
    assert sorted(_people(ex)) == sorted(
        [("Mme", "BERTIN", "Chloé", date(1990, 5, 5)), ("M.", "DUBOIS", "Kevin", date(1988, 9, 9))]
    )
    assert (ex.composition, ex.nb_enfants) == ("couple", 1)


def test_household_written_as_one_sentence_in_its_field(tmp_path):
    # Loiret: both adults in the household's field, the sentence wrapped by the printer
    path = lines_pdf(
        tmp_path / "fiche-montargis.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Structure : CCAS de Montargis",
            "Référent : Mme Claire DUPONT",
            "Date de la demande : 02/10/2025",
            "Composition du ménage : Monsieur LEROUX Marc, né le 12/04/1985, et Madame LEROUX "
            "Sandrine, née le 01/02/1987, et leurs deux enfants",
            "Mesure : ASLL maintien",
            "Adresse : 4 rue du Loing, 45200 Montargis",
            "Statut d'occupation : locataire HLM",
            "Bailleur : Vallogis",
            "Loyer : 420,00 €",
            "Ressources : RSA 612,00 €",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [
        ("M.", "LEROUX", "Marc", date(1985, 4, 12)),
        ("Mme", "LEROUX", "Sandrine", date(1987, 2, 1)),
    ]
    assert (ex.composition, ex.nb_enfants) == ("couple", 2)


def test_stamp_written_as_headings_with_the_values_under_them(tmp_path):
    # Loiret: « CACHET DU SERVICE » and « Nom et qualité du signataire » alone on their
    # lines at the foot of the form, each value on the line under it
    path = lines_pdf(
        tmp_path / "fiche-gien.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Date de la demande : 02/10/2025",
            "Nom du demandeur : LEROUX   Prénom : Sandrine   Né(e) le : 12/04/1985",
            "Statut d'occupation : locataire HLM",
            "Bailleur : Vallogis",
            "Mesure : ASLL maintien",
            "Adresse : 4 rue du Lion, 45500 Gien",
            "Loyer : 420,00 €",
            "Ressources : RSA 612,00 €",
            "CACHET DU SERVICE",
            "Maison départementale des solidarités de Gien",
            "Nom et qualité du signataire",
            "Claire DUPONT, conseillère ESF",
        ],
    )
    ex = extract(path)
    assert ex.organisme_prescripteur == "Maison départementale des solidarités de Gien"
    assert ex.prescripteur == "Claire DUPONT"

    # the same block as « label : value » lines
    path = lines_pdf(
        tmp_path / "fiche-montargis-signataire.pdf",
        [
            "FICHE DE PRESCRIPTION ASLL",
            "Date de la demande : 02/10/2025",
            "Nom du demandeur : LEROUX   Prénom : Sandrine   Né(e) le : 12/04/1985",
            "Statut d'occupation : locataire HLM",
            "Bailleur : Vallogis",
            "Mesure : ASLL maintien",
            "Adresse : 4 rue du Loing, 45200 Montargis",
            "Loyer : 420,00 €",
            "Ressources : RSA 612,00 €",
            "Nom et qualité du signataire : Mme Claire DUPONT, CESF",
            "Cachet du service : CCAS de Montargis",
        ],
    )
    ex = extract(path)
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Claire DUPONT", "CCAS de Montargis")


def test_word_cartouche_cells_holding_the_address_and_the_job_on_lines_of_their_own(tmp_path):
    # Indre-et-Loire: the service's cell has its address under its name, the worker's cell
    # the job under the name (Word gives each cell back as one line)
    path = docx(
        tmp_path / "demande-asll-tours.docx",
        [
            ("p", "DEMANDE D'ASLL"),
            (
                "tab",
                [
                    ["Service instructeur", "CCAS de Tours\n3 rue Jules Simon\n37000 Tours"],
                    ["Travailleur social", "Mme Claire DUPONT\nConseillère ESF"],
                ],
            ),
            ("p", "Date de la demande : 02/10/2025"),
            (
                "tab",
                [
                    ["", "Demandeur", "Conjoint"],
                    ["Civilité", "Madame", "Monsieur"],
                    ["Nom", "LEROUX", "MARTIN"],
                    ["Prénom", "Sandrine", "Paul"],
                    ["Né(e) le", "12/04/1985", "03/03/1980"],
                ],
            ),
            ("p", "Mesure : ASLL maintien"),
            ("p", "Adresse : 4 rue du Lion, 37000 Tours"),
            ("p", "Statut d'occupation : locataire HLM"),
            ("p", "Bailleur : Tours Habitat"),
            ("p", "Loyer : 420,00 €"),
            ("p", "Ressources : RSA 612,00 €"),
        ],
    )
    ex = extract(path)
    assert ex.organisme_prescripteur == "CCAS de Tours"
    assert ex.prescripteur == "Claire DUPONT"


def test_rent_with_its_charges_written_after_a_plus_and_a_principal_rent(tmp_path):
    path = lines_pdf(
        tmp_path / "saisine-loyer.pdf",
        [
            "FICHE DE SAISINE - PRÉVENTION DES EXPULSIONS",
            "Structure / Organisme : CCAS de Colombes",
            "Travailleur social référent : Mme Claire VIDAL",
            "Date de saisine : 23/09/2025",
            "Demandeur : Mme BRUNET Jessica, née le 02/07/1982",
            "Adresse : 67 allée des Tilleuls, 92700 Colombes",
            "Bailleur : Hauts-de-Seine Habitat",
            "Loyer mensuel : 618,38 € + charges 74,66 €",
            "Ressources : RSA 612,00 €",
        ],
    )
    assert extract(path).loyer_mensuel == 693.04
    path = docx(
        tmp_path / "demande-loyer-principal.docx",
        [
            ("p", "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"),
            ("tab", [["Service instructeur", "CCAS de Grasse"], ["Référent", "Mme Inès ROCHE"]]),
            ("p", "Date de la demande : 01/10/2025"),
            ("tab", [["Civilité", "Madame"], ["Nom", "DUPRAT"], ["Prénom", "Léa"]]),
            ("p", "Adresse : 17 avenue Jean Jaurès, 06130 Grasse"),
            ("p", "Bailleur : Côte d'Azur Habitat"),
            ("p", "Loyer principal : 303,60 €   Charges : 61,09 €"),
            ("p", "Ressources : RSA 612,00 €"),
        ],
    )
    assert extract(path).loyer_mensuel == 364.69


def test_a_drawn_household_table_and_no_child_said_on_the_next_line_raise_no_flag(tmp_path):
    # the household table's header and rows are read as a table, not as values typed over
    # labels (which flagged the people although they were read right); « aucun » under
    # « ENFANTS À CHARGE » says there is no child
    path = blocks_pdf(
        tmp_path / "demande-fsl-lucon.pdf",
        [
            ("t", "DEMANDE D'INTERVENTION DU FSL"),
            ("l", "Mesure sollicitée : [X] ASLL accès [ ] ASLL maintien"),
            ("l", "Structure : CCAS de Luçon"),
            ("l", "Référent : Mme Anne PETIT"),
            ("l", "Date de la demande : 02/10/2025"),
            (
                "tab",
                [
                    ["Nom", "Prénom", "Sexe", "Date de naissance", "Lien avec le demandeur"],
                    ["RENAUD", "Mélissa", "F", "11/06/1984", "demandeur"],
                ],
            ),
            ("b", "ENFANTS À CHARGE"),
            ("l", "aucun"),
            ("l", "Adresse : 42 rue Émile Zola - 85400 Luçon"),
            ("l", "Statut d'occupation : locataire HLM"),
            ("l", "Bailleur : Vendée Habitat"),
            ("l", "Loyer : 443,80 €"),
            ("l", "Ressources : AAH 856,18 €"),
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "RENAUD", "Mélissa", date(1984, 6, 11))]
    assert ex.nb_enfants == 0
    assert not {"personnes", "composition", "nb_enfants"} & set(ex.champs_incertains)


def test_a_scanned_landlord_one_letter_off_a_listed_one(tmp_path):
    import shutil
    import subprocess

    import pytest

    if not shutil.which("tesseract"):
        pytest.skip("Tesseract absent : OCR des scans impossible")
    pdf = lines_pdf(
        tmp_path / "saisine.pdf",
        [
            "FICHE DE SAISINE - PRÉVENTION DES EXPULSIONS",
            "Structure / Organisme : CCAS de Colombes",
            "Travailleur social référent : Mme Claire VIDAL",
            "Date de saisine : 23/09/2025",
            "Demandeur : Mme BRUNET Jessica, née le 02/07/1982",
            "Adresse : 67 allée des Tilleuls, 92700 Colombes",
            "Statut d'occupation : [X] Locataire en titre [ ] Sous-locataire",
            "Bailleur : Segens",
            "Loyer : 512,50 €",
            "Ressources : RSA 612,00 €",
        ],
    )
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / "scan")],
        check=True,
    )
    ex = extract(tmp_path / "scan.png")
    # « Segens » (a q read as a g) is one letter off « Seqens », a listed social landlord
    assert ex.bailleur == "Seqens"
    assert ex.statut_occupation == "locataire_public"
    assert "bailleur" in ex.champs_incertains


def test_other_words_for_the_prescribers_service_and_person(tmp_path):
    # Mayenne: each département words the two labels its own way
    pairs = [
        ("Structure orienteuse", "Nom du professionnel"),
        ("Service d'appartenance", "Référent social"),
        ("Nom du service", "Personne en charge du dossier"),
        ("Coordonnées du service", "Suivi par"),
        ("Service référent", "Nom du professionnel"),
    ]
    for k, (org_label, name_label) in enumerate(pairs):
        path = lines_pdf(
            tmp_path / f"fiche-laval-{k}.pdf",
            [
                "FICHE DE PRESCRIPTION ASLL",
                f"{org_label} : CCAS de Laval",
                f"{name_label} : Mme Claire DUPONT",
                "Titulaire du bail : M. LEROUX Marc, né le 12/04/1985",
                "Cotitulaire : Mme LEROUX Sandrine, née le 01/02/1987",
                "Mesure : ASLL maintien",
                "Adresse : 4 rue du Lion, 53000 Laval",
                "Statut d'occupation : locataire HLM",
                "Bailleur : Méduane Habitat",
                "Loyer : 420,00 €",
                "Ressources : RSA 612,00 €",
                "Date de la demande : 02/10/2025",
            ],
        )
        ex = extract(path)
        assert (ex.organisme_prescripteur, ex.prescripteur) == ("CCAS de Laval", "Claire DUPONT"), (
            org_label,
            name_label,
        )


def test_a_couple_on_one_line_and_a_table_of_the_children_alone(tmp_path):
    # Mayenne: « M. et Mme X Marc et Sandrine, nés le … et le … »; the children in a table of
    # their own whose first column is headed « Enfants à charge »
    path = blocks_pdf(
        tmp_path / "fiche-laval-couple.pdf",
        [
            ("l", "FICHE DE PRESCRIPTION ASLL"),
            ("l", "Structure : CCAS de Laval"),
            ("l", "Référent : Mme Claire DUPONT"),
            ("l", "Date de la demande : 02/10/2025"),
            ("l", "Mesure : ASLL maintien"),
            (
                "l",
                "Demandeurs : M. et Mme LEROUX Marc et Sandrine, nés le 12/04/1985 et le 01/02/1987",
            ),
            (
                "tab",
                [
                    ["Enfants à charge", "Date de naissance", "Scolarité"],
                    ["LEROUX Tom", "03/03/2015", "CM2"],
                    ["LEROUX Léa", "05/05/2019", "CP"],
                ],
            ),
            ("l", "Adresse : 4 rue du Lion, 53000 Laval"),
            ("l", "Statut d'occupation : locataire HLM"),
            ("l", "Bailleur : Méduane Habitat"),
            ("l", "Loyer : 420,00 €"),
            ("l", "Ressources : RSA 612,00 €"),
        ],
    )
    ex = extract(path)
    assert _people(ex) == [
        ("M.", "LEROUX", "Marc", date(1985, 4, 12)),
        ("Mme", "LEROUX", "Sandrine", date(1987, 2, 1)),
    ]
    assert (ex.composition, ex.nb_enfants) == ("couple", 2)


def test_a_service_given_with_its_phone_or_mail_is_filed_under_its_name(tmp_path):
    """« Service : MDS de Surgères - Tél. 05 46 … » (Charente-Maritime): the way to reach
    the service is no part of its name (it was kept, flagged)."""
    ex = extract(
        docx(
            tmp_path / "navette.docx",
            [
                ("p", "FICHE NAVETTE - DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT (ASLL)"),
                ("p", "Type d'accompagnement sollicité :   ☐ Accès   ☒ Maintien"),
                (
                    "tab",
                    [
                        ["Nom - Prénom", "Date de naissance", "Lien de parenté"],
                        ["BOUCHER Nathalie", "02.09.1979", "Demandeur"],
                        ["BOUCHER Inès", "21.11.2012", "Fille"],
                    ],
                ),
                ("p", "Adresse actuelle : 4, impasse des Mouettes - 17700 SURGÈRES"),
                ("p", "Montant du loyer : 468,30 € (charges comprises)"),
                ("p", "LE RÉFÉRENT SOCIAL"),
                ("p", "Nom, prénom et qualité : LAMBERT Sophie, assistante de service social"),
                ("p", "Service : MDS de Surgères - Tél. 05 46 00 00 00 - mds.surgeres@cd17.fr"),
                ("p", "Date : 05.11.2026"),
            ],
        )
    )
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Sophie LAMBERT", "MDS de Surgères")
    assert "organisme_prescripteur" not in ex.champs_incertains
