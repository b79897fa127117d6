"""Referral forms laid out like the public sources 23 to 25 (corpus/sources/README.md): a CCAS
form on the Cerfa 14069 layout, a CAF-run FSL file in parts, a département's evaluation sheet,
and a printed form with captions. Each test builds the document a service would send and reads
it through the whole extractor, field by field."""

from __future__ import annotations

from datetime import date

from corpus.make_corpus import build_pdf
from intake import french
from intake.extract import extract
from tests.form_documents import docx as _docx
from tests.form_documents import lines_pdf as _pdf
from tests.form_documents import people as _people


def test_cerfa_like_form_with_colon_cells_boxes_and_split_address(tmp_path):
    path = _docx(
        tmp_path / "demande.docx",
        [
            ("p", "DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ LOGEMENT"),
            ("p", "Cadre réservé au service instructeur"),
            (
                "tab",
                [
                    ["Service instructeur", "CCAS de Rezé"],
                    ["Agent instructeur", "Mme LE GALL Soizic"],
                    ["Téléphone", "02 40 11 22 33"],
                    ["Date de la demande", "14/10/2025"],
                ],
            ),
            ("p", "Mesure sollicitée : ☐ ASLL accès au logement   ☒ ASLL maintien dans les lieux"),
            ("p", "LE DEMANDEUR"),
            ("p", "☐ Monsieur   ☒ Madame   ☐ Mademoiselle"),
            (
                "tab",
                [
                    ["Nom :", "HUET"],
                    ["Nom de jeune fille :", "ROY"],
                    ["Prénom :", "Chloé"],
                    ["Date de naissance (J J M M A A A A) :", "2 8 0 4 1 9 8 2"],
                ],
            ),
            ("p", "Situation familiale : ☐ marié(e)   ☒ divorcé(e)"),
            ("p", "Adresse du logement actuel"),
            (
                "tab",
                [
                    ["Numéro :", "3", "Voie :", "rue Pasteur"],
                    ["Code postal :", "44400", "Localité :", "REZÉ"],
                ],
            ),
            ("p", "VOTRE CONJOINT OU LE FUTUR CO-TITULAIRE DU BAIL"),
            ("p", "☐ Monsieur   ☐ Madame   ☐ Mademoiselle"),
            ("tab", [["Nom :", ""], ["Prénom :", ""], ["Date de naissance :", ""]]),
            ("p", "Situation au regard du logement"),
            ("p", "Vous êtes : ☐ Locataire HLM   ☒ Locataire parc privé"),
            (
                "tab",
                [
                    ["Nom du bailleur / propriétaire", "SCI DU PARC"],
                    ["Montant du loyer (hors charges)", "451,85 €"],
                    ["Charges", "81,03 €"],
                ],
            ),
            ("p", "Fait à Rezé, le 14/10/2025"),
            ("p", "Signature du demandeur :          Signature de l'agent instructeur :"),
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    # the usage name, not the maiden name; civility from the ticked box; birth date in boxes
    assert _people(ex) == [("Mme", "HUET", "Chloé", date(1982, 4, 28))]
    assert ex.composition == "femme_seule"
    assert (ex.adresse, ex.code_postal, ex.commune) == ("3 rue Pasteur", "44400", "Rezé")
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Soizic LE GALL", "CCAS de Rezé")
    assert ex.bailleur == "SCI DU PARC" and ex.loyer_mensuel == 532.88
    assert ex.statut_occupation == "locataire_prive" and ex.type_mesure == "maintien"
    assert ex.date_document == date(2025, 10, 14)


def test_caf_file_in_parts_without_colons_and_numbered_household(tmp_path):
    path = _pdf(
        tmp_path / "dossier.pdf",
        [
            "FONDS DE SOLIDARITÉ POUR LE LOGEMENT",
            "Dossier de demande d'aide - Caisse d'allocations familiales",
            "PARTIE COMMUNE - À REMPLIR OBLIGATOIREMENT",
            "Demande déposée le 23 septembre 2025",
            "N° allocataire : 6165854      Téléphone : 06 52 39 42 65",
            "Le demandeur : Madame",
            "Nom d'usage : FAURE      Nom de naissance : MARTIN",
            "Prénom(s) : Aïcha",
            "Né(e) le 10 août 1959 à Épinal (88)",
            "Le conjoint, concubin(e) ou pacsé(e) : néant",
            "Les autres personnes vivant au foyer :",
            "   1) Nadia FAURE, né(e) le 25.02.2015 – fille",
            "Adresse : 36, rue de l'Église – 22300 LANNION",
            "Vous êtes : [ ] locataire parc public [x] locataire parc privé [ ] hébergé(e)",
            "Ressources mensuelles du foyer",
            "   Salaire ou revenu d'activité : 1.077,65 €",
            "   Prestations familiales (CAF) : demande en cours",
            "VOLET MAINTIEN DANS LES LIEUX",
            "Nom et adresse du bailleur : SCI DU PARC, service recouvrement",
            "Loyer sans les charges locatives : 574,68 €",
            "Charges locatives : 23,39 €",
            "Aide au logement (AL ou APL) : 250,00 €",
            "Résiduel de loyer (loyer net – aides au logement) : 324,68 €",
            "Montant de la dette de loyer : 3.304,31 € arrêtée au 15 juin 2025",
            "Nature : [x] accès [ ] maintien [ ] renouvellement",
            "Le travailleur social (obligatoire pour un impayé de loyer)",
            "Marie-Claire LEBRUN, assistante sociale",
            "Organisme : CCAS de Lannion",
            "Tél. : 02 36 72 46 61   Courriel : mc.lebrun@ccas-lannion.fr",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.date_document == date(2025, 9, 23)
    assert _people(ex) == [("Mme", "FAURE", "Aïcha", date(1959, 8, 10))]
    assert [(c.nom, c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("FAURE", "Nadia", date(2015, 2, 25))
    ]
    assert ex.nb_enfants == 1 and ex.composition == "femme_seule"
    # rent + charges; the housing benefit and the residual rent are neither rent nor income
    assert ex.loyer_mensuel == 598.07
    assert sorted((r.type, r.montant) for r in ex.ressources) == [
        ("prestations_familiales", None),
        ("salaire", 1077.65),
    ]
    assert (ex.montant_dette, ex.date_dette) == (3304.31, date(2025, 6, 15))
    assert (ex.prescripteur, ex.organisme_prescripteur) == (
        "Marie-Claire LEBRUN",
        "CCAS de Lannion",
    )
    assert "prescripteur" not in ex.champs_incertains


def test_evaluation_sheet_names_its_worker_and_service_at_the_end(tmp_path):
    path = _pdf(
        tmp_path / "evaluation.pdf",
        [
            "ÉVALUATION SOCIALE – LOGEMENT",
            "Mesure proposée : (X) ASLL accès ( ) ASLL maintien",
            "Nature du service chargé de la présente évaluation : (X) Service social MDSI ( ) CCAS",
            "Nom : GIRARD      Prénoms : Hervé",
            "Né(e) le : 27/04/1988",
            "Adresse : 71 boulevard Gambetta, 33310 Lormont",
            "Propriétaire / bailleur : Mésolia",
            "Loyer charges comprises : 646,02 €",
            "Nom de l'Assistant du Service Social : Aurélie BOUZID",
            "Adresse administrative : MDSI de Lormont, 34 place du Marché, 33310 Lormont",
            "Date : 22/09/2025          Signature :",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.prescripteur == "Aurélie BOUZID"
    # the service's address given with its name is not part of the name
    assert ex.organisme_prescripteur == "MDSI de Lormont"
    assert ex.date_document == date(2025, 9, 22)


def test_filler_in_the_prescriber_field_is_not_a_name(tmp_path):
    path = _pdf(
        tmp_path / "fiche.pdf",
        [
            "Fiche de prescription ASLL",
            "Type de mesure : ☒ Maintien",
            "Prescripteur : néant",
            "Organisme : CCAS de Niort",
            "Nom et prénom du demandeur : Mme Anne FAURE",
            "Adresse : 4 rue des Lilas, 79000 Niort",
        ],
    )
    ex = extract(path)
    assert ex.prescripteur is None and "prescripteur" in ex.champs_incertains


def test_caption_naming_a_role_and_its_fields_with_a_dash(tmp_path):
    build_pdf(
        tmp_path / "liaison.pdf",
        [
            (
                None,
                [
                    ("t", "FICHE DE LIAISON – ACCOMPAGNEMENT LOGEMENT"),
                    ("l", "CCAS de Pessac"),
                    ("s", "(organisme prescripteur)"),
                    ("l", "ROUSSEAU Nathalie — 04/05/1979"),
                    ("s", "(demandeur : NOM Prénom — date de naissance)"),
                    ("l", "14 avenue Jean Jaurès, 33600 Pessac"),
                    ("s", "(adresse du ménage)"),
                    ("l", "Pessac, le 02/10/2025"),
                ],
                "Helvetica",
                10,
                18,
            )
        ],
    )
    ex = extract(tmp_path / "liaison.pdf")
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("ROUSSEAU", "Nathalie", date(1979, 5, 4))
    ]
    # no civility written: the person is kept and flagged, never guessed
    assert "personnes" in ex.champs_incertains
    assert ex.date_document == date(2025, 10, 2)


def test_town_followed_by_scan_noise_is_cut_to_the_commune_of_its_postcode(tmp_path):
    path = _pdf(
        tmp_path / "fiche.pdf",
        [
            "Fiche de prescription ASLL",
            "Type de mesure : ☒ Accès",
            "Nom et prénom du demandeur : Mme Océane BARBIER",
            "Adresse : 72 rue Anatole France, 33390 Blaye Re OPEN NN",
            "Nom du travailleur social : Paul BERNIER",
            "Structure : MDSI de Blaye",
        ],
    )
    ex = extract(path)
    assert (ex.code_postal, ex.commune) == ("33390", "Blaye")
    assert "commune" in ex.champs_incertains  # part of what was read was dropped


def test_boxed_birth_dates():
    assert french.parse_boxed_date("28 04 1982") == date(1982, 4, 28)
    assert french.parse_boxed_date("2 8 0 4 1 9 8 2") == date(1982, 4, 28)
    assert french.parse_boxed_date("28041982") == date(1982, 4, 28)
    # not a date: other digit groupings, words, impossible days
    assert french.parse_boxed_date("1234 5678") is None
    assert french.parse_boxed_date("06 12 34 56 78") is None
    assert french.parse_boxed_date("né le 28 04 1982") is None
    assert french.parse_boxed_date("31 02 1982") is None


def test_typed_values_over_captions_that_look_like_headings(tmp_path):
    """A printed form filled in on its lines, the captions under them: « Demandeur (NOM
    Prénom) » or « Ressources mensuelles » under a value is that value's caption, not a new
    section; a scan's stray colon after a value or a caption changes nothing."""
    lines = [
        "FICHE DE PRESCRIPTION ASLL",
        "CCAS de Mérignac Lucie FABRE",
        "Organisme prescripteur Nom du référent",
        "Mme GARNIER Élodie 17/08/1987",
        "Demandeur (civilité, NOM Prénom) Date de naissance",
        "M. GARNIER Thomas 02/12/1985 :",
        "Conjoint Date de naissance",
        "GARNIER Hugo 04/04/2014 GARNIER Zoé 19/09/2019",
        "Enfants (NOM Prénom date de naissance)",
        "22 rue Jean Moulin 33700 Mérignac",
        "Adresse Code postal et commune",
        "[X] Maintien [ ] Accès",
        "Mesure sollicitée",
        "RSA 650,00 € Allocations familiales 142,00 €",
        "Ressources mensuelles - :",
        "08/10/2025",
        "Date de la demande :",
    ]
    ex = extract(_pdf(tmp_path / "fiche.pdf", lines))
    assert _people(ex) == [
        ("Mme", "GARNIER", "Élodie", date(1987, 8, 17)),
        ("M.", "GARNIER", "Thomas", date(1985, 12, 2)),
    ]
    assert [(c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("Hugo", date(2014, 4, 4)),
        ("Zoé", date(2019, 9, 19)),
    ]
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Lucie FABRE", "CCAS de Mérignac")
    assert (ex.adresse, ex.code_postal, ex.commune) == ("22 rue Jean Moulin", "33700", "Mérignac")
    assert sorted((r.type, r.montant) for r in ex.ressources) == [
        ("prestations_familiales", 142.0),
        ("rsa", 650.0),
    ]
    assert ex.date_document == date(2025, 10, 8) and ex.type_mesure == "maintien"


def test_other_writings_of_street_amount_partner_measure_and_status(tmp_path):
    lines = [
        "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
        "Référent : Mme Julie PETIT – CESF – CCAS de Sablé-sur-Sarthe – tél. 02 43 00 00 00",
        "Date : le trois octobre deux mille vingt-cinq",
        "Mesure : ☒ Recherche de logement   ☐ Maintien",
        "Demandeur : Monsieur LEROY Patrick, né le 5 janvier 1970 à Laval",
        "Conjointe : Madame LEROY Sylvie née MARTIN, née le 12 mars 1972 à Angers",
        "Enfants à charge : néant",
        "N° : 12    Rue : des Lilas    CP : 72300    Ville : Sablé-sur-Sarthe",
        "Statut d'occupation : ☐ Locataire   ☒ Accédant à la propriété",
        "Dette : 1 234 euros 50 au 30 septembre 2025",
        "Revenus du ménage : Pension de retraite 1 150 € ; Pension d'invalidité 640 €",
    ]
    ex = extract(_pdf(tmp_path / "demande.pdf", lines))
    assert _people(ex) == [
        ("M.", "LEROY", "Patrick", date(1970, 1, 5)),
        ("Mme", "LEROY", "Sylvie", date(1972, 3, 12)),
    ]
    assert ex.adresse == "12 rue des Lilas"  # « Rue » is the label and the street's type
    assert (ex.montant_dette, ex.date_dette) == (1234.5, date(2025, 9, 30))
    assert ex.type_mesure == "acces" and ex.statut_occupation == "proprietaire"
    assert [(r.type, r.montant) for r in ex.ressources] == [("pension", 1150.0), ("pension", 640.0)]
    assert ex.date_document == date(2025, 10, 3)
    assert (ex.prescripteur, ex.organisme_prescripteur) == (
        "Julie PETIT",
        "CCAS de Sablé-sur-Sarthe",
    )


def test_cents_after_the_currency_word():
    assert french.parse_montant("1 234 euros 50 au 30 septembre 2025") == 1234.5
    assert french.parse_montant("300 euros 25 centimes") == 300.25
    # a number after the amount that is not its cents
    assert french.parse_montant("450 € 15 septembre") == 450.0
    assert french.parse_montant("500 € 12 mois") == 500.0


def test_ticked_woman_alone_gives_the_civility_and_children_count_after_si_enfants(tmp_path):
    """A two-column grid (DEMANDEUR / CO-DEMANDEUR) with no civility row: the ticked
    « Femme seule » says who the one adult is; « Si enfants, nombre : 2 » is the count."""
    path = _docx(
        tmp_path / "evaluation.docx",
        [
            ("p", "FICHE D'ÉVALUATION SOCIALE"),
            (
                "tab",
                [
                    ["", "DEMANDEUR", "CO-DEMANDEUR"],
                    ["Nom", "MOREL", ""],
                    ["Prénom", "Julie", ""],
                    ["Date de naissance", "14/02/1990", ""],
                ],
            ),
            ("p", "Composition familiale : ☐ Homme seul   ☒ Femme seule   ☐ Couple"),
            ("p", "Si enfants, nombre : 2"),
            ("p", "Adresse : 5 allée des Pins 84000 AVIGNON"),
            ("p", "Nom et Fonction du Prescripteur : Sarah COHEN, CESF"),
            ("p", "Structure : CCAS d'Avignon"),
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "MOREL", "Julie", date(1990, 2, 14))]
    assert ex.composition == "femme_seule" and ex.nb_enfants == 2
    assert not {"personnes", "composition", "nb_enfants"} & set(ex.champs_incertains)
