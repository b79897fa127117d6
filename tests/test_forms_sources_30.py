"""Referral forms laid out like the public sources 30 to 32 (corpus/sources/README.md): an AVDL
request whose household and budget are tables, a landlord's unpaid-rent report with a liaison
part for the social worker, and an ASLL prescription written in sentences. Each test builds the
document a service would send and reads it through the whole extractor, field by field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from intake.extract import extract
from tests.form_documents import docx as _docx
from tests.form_documents import lines_pdf as _pdf
from tests.form_documents import people as _people


def _avdl(tmp_path, mesure_line: str) -> Path:
    return _docx(
        tmp_path / "avdl.docx",
        [
            ("p", "DEMANDE DE MESURE AVDL HORS DALO"),
            ("p", "Date de la demande : 03-11-2025"),
            ("p", "1. LE PRESCRIPTEUR"),
            (
                "tab",
                [
                    ["Structure prescriptrice", "CCAS de Pontoise"],
                    ["Nom du référent", "VASSEUR"],
                    ["Prénom du référent", "Amandine"],
                ],
            ),
            ("p", "2. TYPE DE DEMANDE"),
            ("p", mesure_line),
            ("p", "3. COMPOSITION DU MÉNAGE"),
            (
                "tab",
                [
                    ["Lien", "Nom de naissance", "Nom d'usage", "Prénom", "Né(e) le", "Sexe"],
                    ["Demandeur", "KONATÉ", "TRAORÉ", "Awa", "14-06-1987", "F"],
                    ["Fils", "TRAORÉ", "TRAORÉ", "Moussa", "02-09-2015", "M"],
                ],
            ),
            ("p", "4. LOGEMENT ACTUEL"),
            ("p", "Adresse : 7 rue de la Coutellerie"),
            ("p", "Code postal : 95300        Commune : Pontoise"),
            ("p", "Nom du bailleur : Val d'Oise Habitat"),
            ("p", "5. SITUATION BUDGÉTAIRE"),
            (
                "tab",
                [
                    ["Revenus", "Montant mensuel", "Dépenses", "Montant mensuel"],
                    ["Salaire", "1 240,00 €", "Loyer charges comprises", "612,00 €"],
                    ["Allocations familiales", "148,52 €", "Énergie (électricité, gaz)", "86,40 €"],
                    ["", "", "Assurance habitation", "14,90 €"],
                ],
            ),
        ],
    )


def test_avdl_household_table_with_birth_and_usage_names(tmp_path):
    """« Nom de naissance » is a name column, not the birth-date one; the usage name is kept."""
    ex = extract(
        _avdl(
            tmp_path,
            "☐ Diagnostic   ☐ Accompagnement vers le logement   ☒ Accompagnement dans le logement",
        )
    )
    assert ex.type_document == "fiche_prescription"
    assert _people(ex) == [("Mme", "TRAORÉ", "Awa", date(1987, 6, 14))]
    assert [(c.nom, c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("TRAORÉ", "Moussa", date(2015, 9, 2))
    ]
    assert ex.composition == "femme_seule" and ex.nb_enfants == 1
    assert ex.prescripteur == "Amandine VASSEUR"
    assert ex.organisme_prescripteur == "CCAS de Pontoise"


def test_avdl_measure_named_the_avdl_way_and_expenses_beside_income(tmp_path):
    """« Accompagnement dans le logement » ticked is a maintien; an expense's amount on the
    income's row is not a second income."""
    ex = extract(
        _avdl(
            tmp_path,
            "☐ Diagnostic   ☐ Accompagnement vers le logement   ☒ Accompagnement dans le logement",
        )
    )
    assert ex.type_mesure == "maintien"
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("salaire", 1240.0),
        ("prestations_familiales", 148.52),
    ]
    assert "ressources" not in ex.champs_incertains
    ex = extract(
        _avdl(tmp_path, "☐ Diagnostic   ☒ Accompagnement vers le logement   ☐ Renouvellement")
    )
    assert ex.type_mesure == "acces"


def _report(tmp_path, bailleur: str, parc: str) -> Path:
    return _pdf(
        tmp_path / "signalement.pdf",
        [
            "FICHE DE SIGNALEMENT D'IMPAYÉ DE LOYER",
            "VOLET 1 – À COMPLÉTER PAR LE BAILLEUR",
            f"Bailleur : {bailleur} – service prévention des impayés",
            "Date du signalement : 21 octobre 2025",
            "Locataire(s) : M. et Mme ESTEVE Jordi et Núria",
            "Adresse du logement : 14, rue Foch – 66000 PERPIGNAN",
            "Loyer mensuel : 402,10 euros     Charges mensuelles : 38,00 euros",
            "Aide au logement (tiers payant) : 160,84 euros",
            "Part restant due chaque mois : 279,26 euros",
            "Période de la dette : de mai à septembre 2025",
            "Montant de la dette arrêté au 30/09/2025 : 1 396,30 euros",
            "Seuil d'impayé : 2 x (402,10 € + 38,00 €) = 880,20 €",
            "VOLET 2 – À COMPLÉTER PAR LE TRAVAILLEUR SOCIAL",
            "Travailleur social : Sandrine PUJOL, CESF",
            "Service : CCAS de Perpignan",
            "Monsieur ESTEVE Jordi – né(e) le 04/02/1979",
            "Madame ESTEVE Núria – né(e) le 19/12/1982",
            "Enfants à charge : 0",
            "Ressources du ménage : Salaire 1 520,00 € ; AAH 971,37 €",
            f"Parc : {parc}",
            "Mesure sollicitée : [ ] ASLL Accès [x] ASLL Maintien [ ] Renouvellement",
        ],
    )


def test_landlord_report_reads_the_debt_not_its_period_or_threshold(tmp_path):
    ex = extract(_report(tmp_path, "Office 66", "[x] social [ ] privé"))
    assert ex.type_document == "fiche_prescription"
    assert ex.montant_dette == 1396.30 and ex.date_dette == date(2025, 9, 30)
    assert ex.loyer_mensuel == 440.10
    assert ex.date_document == date(2025, 10, 21)
    # the landlord, not its department
    assert ex.bailleur == "Office 66"
    assert ex.statut_occupation == "locataire_public"
    assert ex.type_mesure == "maintien"


def test_landlord_report_people_on_their_civility_lines(tmp_path):
    ex = extract(_report(tmp_path, "Office 66", "[ ] social [x] privé"))
    assert _people(ex) == [
        ("M.", "ESTEVE", "Jordi", date(1979, 2, 4)),
        ("Mme", "ESTEVE", "Núria", date(1982, 12, 19)),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 0
    assert ex.statut_occupation == "locataire_prive"
    assert ex.prescripteur == "Sandrine PUJOL"
    assert "personnes" not in ex.champs_incertains


def _prose(tmp_path, logement: str) -> Path:
    return _pdf(
        tmp_path / "prescription.pdf",
        [
            "UDAF – SERVICE ASLL",
            "Fiche de prescription d'une mesure d'accompagnement social lié au logement",
            "Je soussignée Hélène MAZEAU, assistante sociale (MDS de Bergerac), propose la mise",
            "en œuvre d'une mesure d'ASLL au bénéfice de :",
            "Madame LACOSTE Sylvie, née le 8 avril 1976 à Sarlat,",
            f"demeurant 3 impasse des Vignes, 24100 Bergerac, {logement}.",
            "Enfants vivant au foyer : Théo LACOSTE, né(e) le 21/03/2012 ; Emma LACOSTE, né(e)",
            "le 05/07/2016.",
            "Orientation : (X) accès ( ) maintien ( ) renouvellement",
            "Le ménage perçoit : RSA pour 635,71 euros par mois, Allocations familiales pour 148,52",
            "euros par mois, Prime d'activité (droit en cours d'ouverture).",
            "Fait à Bergerac, le 6 novembre 2025",
        ],
    )


def test_prescription_in_sentences(tmp_path):
    ex = extract(_prose(tmp_path, "locataire de Domofrance"))
    assert ex.type_document == "fiche_prescription"
    assert ex.prescripteur == "Hélène MAZEAU"
    assert ex.organisme_prescripteur == "MDS de Bergerac"
    assert _people(ex) == [("Mme", "LACOSTE", "Sylvie", date(1976, 4, 8))]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("3 impasse des Vignes", "24100", "Bergerac")
    assert ex.bailleur == "Domofrance"
    assert [(c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("Théo", date(2012, 3, 21)),
        ("Emma", date(2016, 7, 5)),
    ]
    # an amount cut where the line ends is joined to its sentence
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("rsa", 635.71),
        ("prestations_familiales", 148.52),
        ("autre", None),
    ]
    assert ex.type_mesure == "acces"
    assert ex.date_document == date(2025, 11, 6)


def test_prescription_in_sentences_status_said_or_flagged(tmp_path):
    ex = extract(_prose(tmp_path, "hébergée chez un tiers"))
    assert ex.statut_occupation == "heberge" and ex.bailleur is None
    # a landlord no list knows: its kind is not guessed silently (empty or flagged)
    ex = extract(_prose(tmp_path, "locataire de Résidences du Pays Pourpre"))
    assert ex.bailleur == "Résidences du Pays Pourpre"
    assert "statut_occupation" in ex.champs_incertains


def test_resources_list_wrapped_over_the_next_line(tmp_path):
    """« Ressources du ménage : … ; Prime d'activité » then « 779,66 € » on the next line: the
    last income keeps its amount."""
    path = _pdf(
        tmp_path / "liaison.pdf",
        [
            "FICHE DE LIAISON – SERVICE SOCIAL",
            "Travailleur social : Sandrine PUJOL, CESF",
            "Service : CCAS de Perpignan",
            "Madame ROIG Carla – née le 11/03/1990",
            "Ressources du ménage : Allocations familiales 320,00 € ; ARE France Travail "
            "1 160,01 € ; Prime d'activité",
            "779,66 €",
            "Mesure sollicitée : [x] ASLL Maintien [ ] Diagnostic",
        ],
    )
    ex = extract(path)
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("prestations_familiales", 320.0),
        ("chomage", 1160.01),
        ("autre", 779.66),
    ]
    assert "ressources" not in ex.champs_incertains


def test_resources_list_cut_inside_a_label_with_a_pending_one(tmp_path):
    path = _pdf(
        tmp_path / "liaison.pdf",
        [
            "FICHE DE LIAISON – SERVICE SOCIAL",
            "Travailleur social : Sandrine PUJOL, CESF",
            "Madame ROIG Carla – née le 11/03/1990",
            "Ressources du ménage : Prime d'activité 187,03 € ; Allocations familiales "
            "(demande en cours) ; ARE",
            "France Travail 1 008,16 €",
            "Mesure sollicitée : [x] ASLL Maintien [ ] Diagnostic",
        ],
    )
    ex = extract(path)
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("autre", 187.03),
        ("prestations_familiales", None),
        ("chomage", 1008.16),
    ]


def test_prescriber_introduced_with_a_job_and_its_service(tmp_path):
    path = _pdf(
        tmp_path / "prescription.pdf",
        [
            "Fiche de prescription d'une mesure d'accompagnement social lié au logement",
            "Je soussigné Marc DELBOS, éducateur spécialisé au CCAS de Lens, sollicite une mesure",
            "d'ASLL maintien pour Monsieur FAURE Kevin, né le 2 mai 1991 à Lens,",
            "demeurant 8 rue Émile Zola, 62300 Lens, hébergé chez un tiers.",
        ],
    )
    ex = extract(path)
    assert ex.prescripteur == "Marc DELBOS"
    assert ex.organisme_prescripteur == "CCAS de Lens"
    assert _people(ex) == [("M.", "FAURE", "Kevin", date(1991, 5, 2))]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("8 rue Émile Zola", "62300", "Lens")
    assert ex.statut_occupation == "heberge"


def test_service_town_capital_lost_to_ocr_is_restored(tmp_path):
    """OCR reads « CCAS d'ivry-sur-Seine »: the town is spelled as the official list does
    (intake/checks.py; more cases in tests/test_extract_checks.py)."""
    path = _pdf(
        tmp_path / "fiche.pdf",
        [
            "FICHE DE SAISIE POUR LA RÉALISATION D'UN DIAGNOSTIC",
            "Structure prescriptrice : CCAS d'ivry-sur-Seine",
            "Nom et prénom du référent : HAMON Lucie",
            "Nom et prénom du demandeur : LEROUX Marc",
            "Date de naissance : 04/05/1980",
            "Composition familiale : personne seule",
            "Ressources : RSA 607,75 €",
            "Demande d'accompagnement social lié au logement (ASLL) – FSL",
        ],
    )
    assert extract(path).organisme_prescripteur == "CCAS d'Ivry-sur-Seine"


def test_liaison_sheet_count_with_details_landlord_in_a_sentence_job_in_brackets(tmp_path):
    """Classes seen on a Savoie-like liaison sheet: « Enfants : 2 (Lina 4 ans, Noé 1 an) » is
    a count, not a child named « 2 »; « Locataire de l'OPAC de la Savoie depuis 2019 » names
    the landlord without the date; « Mr Olivier FAVRE (éducateur) » is the prescriber without
    his job; a « pension alimentaire » is not a retirement pension."""
    path = _pdf(
        tmp_path / "liaison.pdf",
        [
            "FICHE DE LIAISON FSL – ACCOMPAGNEMENT",
            "Organisme demandeur : Maison des Solidarités de Chambéry",
            "Intervenant social : Mr Olivier FAVRE (éducateur)",
            "Demande établie le 1er octobre 2025",
            "Demandeur : Mlle COLLOMB Élodie, née le 1er mars 1995 à Annecy",
            "Enfants : 2 (Lina 4 ans, Noé 1 an)",
            "Domicile : 27 bis chemin des Écureuils 73000 CHAMBÉRY",
            "Locataire de l'OPAC de la Savoie depuis 2019",
            "Loyer résiduel : 210,00 € – Loyer charges comprises : 498,70 €",
            "Impayé de loyer : 1.234,56 € (arrêté au 30 septembre 2025)",
            "Revenus : RSA majoré 978,12 € ; Allocations familiales 145,00 € ; "
            "Pension alimentaire 120,00 €",
            "Accompagnement sollicité : [x] ASLL maintien   [ ] ASLL accès",
        ],
    )
    ex = extract(path)
    assert _people(ex) == [("Mme", "COLLOMB", "Élodie", date(1995, 3, 1))]
    assert ex.nb_enfants == 2 and ex.enfants == []
    assert ex.composition == "femme_seule"
    assert ex.bailleur == "OPAC de la Savoie"
    assert ex.statut_occupation == "locataire_public"
    assert ex.prescripteur == "Olivier FAVRE"
    assert ex.organisme_prescripteur == "Maison des Solidarités de Chambéry"
    assert (ex.loyer_mensuel, ex.montant_dette, ex.date_dette) == (
        498.70,
        1234.56,
        date(2025, 9, 30),
    )
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("rsa", 978.12),
        ("prestations_familiales", 145.0),
        ("autre", 120.0),
    ]
    assert ex.type_mesure == "maintien" and ex.date_document == date(2025, 10, 1)


def test_household_table_role_that_only_a_man_is_called_by(tmp_path):
    path = _docx(
        tmp_path / "menage.docx",
        [
            ("p", "FICHE DE DEMANDE D'ASLL"),
            ("p", "Service prescripteur : CCAS de Laval"),
            ("p", "COMPOSITION DU MÉNAGE"),
            (
                "tab",
                [
                    ["NOM Prénom", "Date de naissance", "Lien de parenté"],
                    ["GOUPIL Laetitia", "17/08/1988", "Épouse"],
                    ["GOUPIL Anthony", "03/02/1985", "Époux"],
                    ["GOUPIL Enzo", "11/12/2014", "Fils"],
                ],
            ),
            ("p", "Adresse : 4 rue du Pont de Mayenne, 53000 Laval"),
            ("p", "Mesure demandée : ☐ accès ☒ maintien"),
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.prenom) for p in ex.personnes] == [
        ("Mme", "Laetitia"),
        ("M.", "Anthony"),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 1


def test_capitals_grid_madame_monsieur_with_resources_per_person(tmp_path):
    """Columns headed « MADAME | MONSIEUR » in capitals, labels with their colons, and a row
    « RESSOURCES : | AAH … | Salaire … »: one income a cell, each with its own amount."""
    path = _docx(
        tmp_path / "demande.docx",
        [
            ("p", "CONSEIL DÉPARTEMENTAL – DEMANDE DE MESURE ASLL"),
            (
                "tab",
                [
                    ["", "MADAME", "MONSIEUR"],
                    ["NOM :", "BERTIN", "BERTIN"],
                    ["PRÉNOM :", "Sophie", "Karim"],
                    ["DATE DE NAISSANCE :", "12.03.1985", "30.11.1983"],
                    ["RESSOURCES :", "AAH 1 016,05 €", "Salaire 1 480,00 €"],
                ],
            ),
            ("p", "NOMBRE D'ENFANTS À CHARGE : 3"),
            ("p", "ADRESSE : 5 allée des Glycines – 21000 DIJON"),
            ("p", "BAILLEUR : Grand Dijon Habitat"),
            ("p", "MESURE : ☒ Accès au logement ☐ Maintien dans le logement"),
            ("p", "NOM ET FONCTION DU PRESCRIPTEUR : Claire MONNOT, assistante sociale"),
        ],
    )
    ex = extract(path)
    assert _people(ex) == [
        ("Mme", "BERTIN", "Sophie", date(1985, 3, 12)),
        ("M.", "BERTIN", "Karim", date(1983, 11, 30)),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 3
    assert [(r.type, r.montant) for r in ex.ressources] == [("aah", 1016.05), ("salaire", 1480.0)]
    assert ex.type_mesure == "acces"


def test_ccapex_navette_with_a_numbered_household_and_a_case_officer(tmp_path):
    """A CCAPEX liaison sheet is a referral form (« Ménage concerné », « Mesure proposée »);
    people numbered « 1. NOM Prénom, née le … (mère) » are told apart by age, the grammar gives
    the adult's civility; « Dossier suivi par » names the prescriber; « Logement : » the
    address."""
    path = _pdf(
        tmp_path / "navette.pdf",
        [
            "FICHE NAVETTE – PRÉVENTION DES EXPULSIONS (CCAPEX)",
            "Dossier suivi par : Mme Agnès ROLLAND – CCAS de Bourges",
            "Date d'envoi : 3/9/2025",
            "Ménage concerné :",
            "1. MARCHAND Laurence, née le 14/06/1979 (mère)",
            "2. MARCHAND Léo, né le 02/02/2010 (fils)",
            "3. MARCHAND Inès, née le 19/07/2013 (fille)",
            "Logement : 9 rue Mirebeau, 18000 Bourges – locataire de France Loire",
            "Loyer : 455€ + 40€ de charges",
            "Dette : 2.310€ au 31/08/2025",
            "Ressources : ARE 890€, allocations familiales 141€",
            "Mesure proposée : diagnostic social et financier",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert _people(ex) == [("Mme", "MARCHAND", "Laurence", date(1979, 6, 14))]
    assert [(c.prenom, c.date_naissance) for c in ex.enfants] == [
        ("Léo", date(2010, 2, 2)),
        ("Inès", date(2013, 7, 19)),
    ]
    assert ex.composition == "femme_seule" and ex.nb_enfants == 2
    assert (ex.adresse, ex.code_postal, ex.commune) == ("9 rue Mirebeau", "18000", "Bourges")
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Agnès ROLLAND", "CCAS de Bourges")
    assert (ex.loyer_mensuel, ex.montant_dette, ex.date_dette) == (495.0, 2310.0, date(2025, 8, 31))
    assert ex.type_mesure == "diagnostic" and ex.date_document == date(2025, 9, 3)
    assert ex.bailleur == "France Loire"
    assert "statut_occupation" in ex.champs_incertains  # a landlord the lists don't know


def test_bare_date_beside_the_debt_and_measure_asked_as_accompaniment(tmp_path):
    """« Montant de la dette : 960,00 €   Date : 15/09/2025 »: that date is the debt's, not the
    form's (« Fait à Bourges le … » is); « Accompagnement demandé : ASLL accès » is the
    measure."""
    path = _pdf(
        tmp_path / "fsl.pdf",
        [
            "DEMANDE D'AIDE FSL – VOLET ACCOMPAGNEMENT",
            "Référent social : Thomas GIRAUD, CESF – UDAF du Cher",
            "Nom : GUILLOT          Prénom : Jessica          Née le : 08/10/1992",
            "Adresse : Résidence Les Tilleuls, bât. B, 3 place Gordaine",
            "18000 Bourges",
            "Montant du loyer : 480,00 € (charges comprises)",
            "Montant de la dette : 960,00 €   Date : 15/09/2025",
            "Accompagnement demandé : ASLL accès",
            "Fait à Bourges le 20 septembre 2025",
        ],
    )
    ex = extract(path)
    assert (ex.montant_dette, ex.date_dette) == (960.0, date(2025, 9, 15))
    assert ex.date_document == date(2025, 9, 20)
    assert ex.type_mesure == "acces"
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Thomas GIRAUD", "UDAF du Cher")
