"""Referral forms laid out like the public sources 49 to 51 (corpus/sources/README.md), from
départements the rules were not written on: a saisine typed in capitals with the prescriber's
visa at the end, a maintien request whose first part the social landlord fills, and a Word
file of « RUBRIQUE | RENSEIGNEMENTS » rows holding short sentences. Each test builds the
document a service would send (other towns, names and wording than the generated families)
and reads it through the whole extractor, field by field."""

from __future__ import annotations

from datetime import date

from intake import french
from intake.extract import extract
from tests.form_documents import docx as _docx
from tests.form_documents import lines_pdf as _pdf
from tests.form_documents import people as _people


def test_form_typed_in_capitals_with_the_prescriber_visa_at_the_end(tmp_path):
    """Civility alone after the role (« DEMANDEUR : MADAME »), names and first names in
    capitals, a ticked measure whose words wrap onto the next line, a written assessment with
    other amounts and a colon, the prescriber only in the closing visa."""
    ex = extract(
        _pdf(
            tmp_path / "saisine.pdf",
            [
                "DÉPARTEMENT DE LA CREUSE – FONDS DE SOLIDARITÉ POUR LE LOGEMENT",
                "FICHE DE SAISINE – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
                "MESURE SOLLICITÉE : [ ] DIAGNOSTIC PRÉALABLE [ ] A.S.L.L. ACCÈS [X] A.S.L.L.",
                "MAINTIEN DANS LE LOGEMENT [ ] RENOUVELLEMENT",
                "I – IDENTIFICATION DU MÉNAGE",
                "DEMANDEUR : MADAME",
                "NOM : N'DIAYE        PRÉNOM : AMINATA",
                "NÉ(E) LE : 14/02/1986        À : LIMOGES (87)",
                "CONJOINT : MONSIEUR",
                "NOM : DA SILVA        PRÉNOM : JOÃO",
                "NÉ(E) LE : 30/11/1982        À : PORTO (PORTUGAL)",
                "ENFANTS À CHARGE : NÉANT",
                "II – LOGEMENT",
                "ADRESSE : 9 rue des Tanneurs – 23000 Guéret",
                "STATUT D'OCCUPATION : [X] LOCATAIRE PARC PUBLIC [ ] LOCATAIRE PARC PRIVÉ",
                "BAILLEUR : Creusalis",
                "LOYER : 388,20 €        CHARGES : 41,80 €",
                "DETTE LOCATIVE : 1 264,00 € ARRÊTÉE AU 31/08/2025",
                "III – RESSOURCES MENSUELLES DU MÉNAGE",
                "SALAIRE : 1 120,00 €",
                "ALLOCATIONS FAMILIALES : 142,57 €",
                "IV – SYNTHÈSE",
                "Ménage rencontré le 02/09/2025. Un plan de 40,00 € par mois est tenu depuis juin ;",
                "la gestion locative proposée par le bailleur ne suffit plus : une mesure est demandée.",
                "V – VISA DU SERVICE SOCIAL DE SECTEUR (PRESCRIPTEUR)",
                "NOM, PRÉNOM : DE LA ROCHE ÉLODIE        QUALITÉ : ASSISTANTE SOCIALE",
                "SERVICE : Maison départementale de la solidarité de Guéret",
                "FAIT LE : 16/09/2025        SIGNATURE ET CACHET :",
            ],
        )
    )
    assert ex.type_document == "fiche_prescription"
    assert _people(ex) == [
        ("Mme", "N'DIAYE", "Aminata", date(1986, 2, 14)),
        ("M.", "DA SILVA", "João", date(1982, 11, 30)),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 0
    assert ex.type_mesure == "maintien"
    assert ex.prescripteur == "Élodie DE LA ROCHE"
    assert ex.organisme_prescripteur == "Maison départementale de la solidarité de Guéret"
    assert ex.bailleur == "Creusalis" and ex.statut_occupation == "locataire_public"
    assert ex.loyer_mensuel == 430.0
    assert (ex.montant_dette, ex.date_dette) == (1264.0, date(2025, 8, 31))
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("salaire", 1120.0),
        ("prestations_familiales", 142.57),
    ]
    assert ex.date_document == date(2025, 9, 16)
    # the assessment's "bailleur … :" is a sentence, not an empty landlord field
    assert not {"personnes", "type_mesure", "prescripteur", "bailleur"} & set(ex.champs_incertains)


def test_surname_in_capitals_without_particle_is_flagged_when_the_cut_is_a_guess(tmp_path):
    """« NOM, PRÉNOM : MARTIN JEAN PIERRE »: « Jean Pierre » or « Pierre » a second surname?
    The reading is kept and flagged. « ENFANTS : 2 » is a count."""
    ex = extract(
        _pdf(
            tmp_path / "visa.pdf",
            [
                "FICHE DE SAISINE – ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
                "MESURE SOLLICITÉE : [X] A.S.L.L. ACCÈS AU LOGEMENT [ ] RENOUVELLEMENT",
                "I – IDENTIFICATION DU MÉNAGE",
                "DEMANDEUR : MONSIEUR",
                "NOM : ROUX        PRÉNOM : KARIM",
                "ENFANTS : 2",
                "ADRESSE : 4 place du Marché – 19000 Tulle",
                "V – VISA DU SERVICE SOCIAL (PRESCRIPTEUR)",
                "NOM, PRÉNOM : MARTIN JEAN PIERRE        QUALITÉ : CESF",
                "SERVICE : CCAS de Tulle",
            ],
        )
    )
    assert _people(ex) == [("M.", "ROUX", "Karim", None)]
    assert ex.nb_enfants == 2 and "nb_enfants" not in ex.champs_incertains  # a bare count
    assert ex.prescripteur == "Jean Pierre MARTIN"
    assert "prescripteur" in ex.champs_incertains


def test_landlord_fills_the_first_part_social_worker_signs_the_last(tmp_path):
    """The social landlord's part names the landlord « Organisme » and its own adviser (not the
    prescriber); rent, charges and the housing aid on one line; the debt is the total row of
    its month-by-month table; the household in dashed lines; the social worker and the
    service on unlabelled lines under the closing heading."""
    ex = extract(
        _pdf(
            tmp_path / "maintien.pdf",
            [
                "FONDS DE SOLIDARITÉ POUR LE LOGEMENT D'INDRE-ET-LOIRE",
                "Demande d'aide au maintien – bailleur social",
                "CADRE RÉSERVÉ AU BAILLEUR",
                "Organisme : Touraine Logement",
                "Chargée de recouvrement : Sophie LAMBERT",
                "Titulaire du bail : MME OUEDRAOGO MARIE-AWA",
                "Logement : 15 allée des Peupliers, 37100 Tours",
                "Loyer : 402,10 € Charges : 48,00 € APL versée au bailleur : 210,00 €",
                "Détail de la dette",
                "Juin 2025 | 436,80 €",
                "Juillet 2025 | 436,80 €",
                "Août 2025 | 436,80 €",
                "Total arrêté au 31/08/2025 | 1 310,40 €",
                "PARTIE À COMPLÉTER PAR LE TRAVAILLEUR SOCIAL",
                "Composition du foyer :",
                "Demandeur – OUEDRAOGO – Marie-Awa – 12/05/1990",
                "Enfant – OUEDRAOGO – Ali – 03/03/2016",
                "Ressources du foyer",
                "Salaire 987,45 €",
                "Mesure : [X] ASLL maintien [ ] diagnostic seul",
                "AVIS ET SIGNATURE DU TRAVAILLEUR SOCIAL",
                "Julien PERROT, assistant social",
                "Maison de la solidarité de Tours Nord",
                "Le 02/10/2025",
            ],
        )
    )
    assert ex.bailleur == "Touraine Logement"
    assert ex.statut_occupation == "locataire_public"  # the form's title: « bailleur social »
    assert ex.prescripteur == "Julien PERROT"
    assert ex.organisme_prescripteur == "Maison de la solidarité de Tours Nord"
    assert _people(ex) == [("Mme", "OUEDRAOGO", "Marie-Awa", date(1990, 5, 12))]
    assert ex.composition == "femme_seule" and ex.nb_enfants == 1
    assert ex.loyer_mensuel == 450.10
    assert (ex.montant_dette, ex.date_dette) == (1310.40, date(2025, 8, 31))
    assert [(r.type, r.montant) for r in ex.ressources] == [("salaire", 987.45)]
    assert ex.type_mesure == "maintien"
    assert not {"personnes", "bailleur", "prescripteur", "montant_dette"} & set(
        ex.champs_incertains
    )


def test_rubrique_cells_holding_short_sentences(tmp_path):
    """A Word file of « RUBRIQUE | RENSEIGNEMENTS » rows: the heading in capitals over it is not
    a line of captions, the landlord is told in brackets after the status, one cell lists
    every resource, « pas de dette » says there is none."""
    ex = extract(
        _docx(
            tmp_path / "action-logement.docx",
            [
                ("p", "DOSSIER « ACTION LOGEMENT » – DEMANDE D'ACCOMPAGNEMENT"),
                ("p", "LE TRAVAILLEUR SOCIAL DEMANDEUR"),
                (
                    "tab",
                    [
                        ["RUBRIQUE", "RENSEIGNEMENTS"],
                        ["Travailleur social", "Nadia BENALI, conseillère ESF"],
                        ["Service", "CCAS de Carcassonne"],
                        ["Date de la demande", "07/10/2025"],
                        ["Association pressentie", "Habitat et Humanisme Aude"],
                    ],
                ),
                ("p", "LE MÉNAGE"),
                (
                    "tab",
                    [
                        ["RUBRIQUE", "RENSEIGNEMENTS"],
                        ["Demandeur", "Monsieur FABRE Olivier, né le 21/06/1979 à Narbonne"],
                        ["Enfants", "aucun"],
                        ["Adresse", "3 impasse des Vignes\n11000 Carcassonne"],
                        ["Statut d'occupation", "Locataire du parc privé (SCI Les Oliviers)"],
                        ["Loyer", "520,00 € dont 35,00 € de charges"],
                        ["Dette locative", "pas de dette"],
                        ["Ressources", "RSA : 635,70 € ; Prime d'activité : 180,00 €"],
                    ],
                ),
                ("p", "☒ ASLL accès au logement"),
                ("p", "Rencontre tripartite prévue le 21/10/2025."),
            ],
        )
    )
    assert ex.prescripteur == "Nadia BENALI"
    assert ex.organisme_prescripteur == "CCAS de Carcassonne"
    assert ex.date_document == date(2025, 10, 7)
    assert _people(ex) == [("M.", "FABRE", "Olivier", date(1979, 6, 21))]
    assert ex.bailleur == "SCI Les Oliviers" and ex.statut_occupation == "locataire_prive"
    assert [(r.type, r.montant) for r in ex.ressources] == [("rsa", 635.70), ("autre", 180.0)]
    assert ex.montant_dette is None
    assert ex.type_mesure == "acces"
    assert not {"prescripteur", "personnes", "montant_dette", "ressources", "bailleur"} & set(
        ex.champs_incertains
    )


def test_names_in_capitals_split_with_their_particles():
    assert french.split_name("BEN SALEM OCÉANE", order="nom_prenom") == ("BEN SALEM", "OCÉANE")
    assert french.split_name("DE LA TOUR MARIE", order="nom_prenom") == ("DE LA TOUR", "MARIE")
    assert french.split_name("LE BRIS", order="nom_prenom") == ("LE", "BRIS")
    assert french.split_name("MME AUBERT FATIMA", order="nom_prenom") == ("AUBERT", "FATIMA")
    assert french.prenom_case("MARIE CLAIRE") == "Marie Claire"


def test_civility_given_where_the_landlord_names_the_tenant(tmp_path):
    """The household lines give no civility (« Demandeur – GIRARD – Thomas – … »); the
    landlord's part names the same man « M. GIRARD THOMAS »: that civility is his. The
    landlord's part ends at the social worker's « VOLET 2 »."""
    ex = extract(
        _pdf(
            tmp_path / "volets.pdf",
            [
                "Demande d'aide au maintien – bailleur social",
                "VOLET 1 – À COMPLÉTER PAR LE BAILLEUR",
                "Organisme : Vosgelis",
                "Chargé de contentieux : Paul MARCHAND",
                "Locataire : M. GIRARD THOMAS",
                "Adresse du logement : 5 rue Gambetta, 88000 Épinal",
                "Loyer : 380,00 € Charges : 55,00 € Aide au logement : 190,00 €",
                "État de la dette",
                "Juillet 2025 | 245,00 €",
                "Août 2025 | 245,00 €",
                "Total dû au 31/08/2025 | 490,00 €",
                "VOLET 2 – À COMPLÉTER PAR LE TRAVAILLEUR SOCIAL",
                "Demandeur – GIRARD – Thomas – 02/02/1975",
                "Conjointe – GIRARD – Léa – 09/09/1978",
                "Mesure : [X] ASLL maintien",
                "Travailleuse sociale : Emma ROLLAND, Centre médico-social d'Épinal",
                "Le 14/10/2025",
            ],
        )
    )
    assert _people(ex) == [
        ("M.", "GIRARD", "Thomas", date(1975, 2, 2)),
        ("Mme", "GIRARD", "Léa", date(1978, 9, 9)),
    ]
    assert ex.composition == "couple"
    assert ex.bailleur == "Vosgelis" and ex.loyer_mensuel == 435.0
    assert (ex.montant_dette, ex.date_dette) == (490.0, date(2025, 8, 31))
    assert ex.prescripteur == "Emma ROLLAND"
    assert ex.organisme_prescripteur == "Centre médico-social d'Épinal"
    assert not {"personnes", "composition", "prescripteur"} & set(ex.champs_incertains)


def test_labels_in_capitals_alone_on_their_line_value_under_them(tmp_path):
    """« NOM DU DEMANDEUR » then « PETIT » on the next line: labels printed in capitals
    without a colon, each value under its label; the postcode line under the street is the
    address going on, not a landlord written over « BAILLEUR »; an amount over « MESURE
    SOLLICITÉE » is a resource, not the measure."""
    ex = extract(
        _pdf(
            tmp_path / "loiret.pdf",
            [
                "DEMANDE D'ACCOMPAGNEMENT SOCIAL – FSL DU LOIRET",
                "NOM DU DEMANDEUR",
                "PETIT",
                "PRÉNOM",
                "Sylvie",
                "DATE DE NAISSANCE",
                "04/07/1979",
                "ADRESSE DU LOGEMENT",
                "22 rue Bannier",
                "45000 Orléans",
                "BAILLEUR",
                "Les Résidences de l'Orléanais",
                "LOYER MENSUEL (CHARGES COMPRISES)",
                "498,00 €",
                "MONTANT DE LA DETTE",
                "1 120,50 € au 30/09/2025",
                "RESSOURCES",
                "RSA 607,75 €",
                "Allocations familiales 141,99 €",
                "MESURE SOLLICITÉE",
                "[X] ASLL maintien [ ] ASLL accès",
                "LE TRAVAILLEUR SOCIAL",
                "Nom et prénom : GARNIER Lucie",
                "Service : MDS d'Orléans Sud",
                "Date : 08/10/2025",
            ],
        )
    )
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("PETIT", "Sylvie", date(1979, 7, 4))
    ]
    assert "personnes" in ex.champs_incertains  # no civility said: checked, not guessed
    assert (ex.adresse, ex.code_postal, ex.commune) == ("22 rue Bannier", "45000", "Orléans")
    assert ex.bailleur == "Les Résidences de l'Orléanais"
    assert ex.loyer_mensuel == 498.0
    assert (ex.montant_dette, ex.date_dette) == (1120.50, date(2025, 9, 30))
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("rsa", 607.75),
        ("prestations_familiales", 141.99),
    ]
    assert ex.type_mesure == "maintien"
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Lucie GARNIER", "MDS d'Orléans Sud")


def test_prescriber_in_capitals_under_a_plain_label_is_flagged(tmp_path):
    """« PRESCRIPTEUR : MME HOFFMANN CLAIRE, ASSISTANTE SOCIALE, MDS DE METZ »: read surname
    first, the administrative order, but flagged: nothing says which word is the surname."""
    ex = extract(
        _docx(
            tmp_path / "metz.docx",
            [
                ("p", "FICHE D'ORIENTATION ASLL – MAISON DÉPARTEMENTALE DES SOLIDARITÉS"),
                ("p", "NOM : DIALLO    PRÉNOM : FATOUMATA    NÉE LE : 03/03/1990"),
                ("p", "ADRESSE : 7 rue des Allemands 57000 Metz"),
                ("p", "BAILLEUR : Metz Habitat Territoire"),
                ("p", "ORIENTATION : ☒ ACCÈS ☐ MAINTIEN"),
                ("p", "PRESCRIPTEUR : MME HOFFMANN CLAIRE, ASSISTANTE SOCIALE, MDS DE METZ"),
            ],
        )
    )
    assert _people(ex) == [("Mme", "DIALLO", "Fatoumata", date(1990, 3, 3))]
    assert ex.prescripteur == "Claire HOFFMANN"
    assert ex.organisme_prescripteur == "MDS DE METZ"
    assert "prescripteur" in ex.champs_incertains


def test_saisine_answering_questions_in_sentences(tmp_path):
    """A CCAPEX saisine whose fields are questions answered in sentences: the household « est
    composé de Madame … », « Où vit-il ? Au … », the landlord « logement loué à … », the debt
    after « Quelle est la dette ? », the prescriber after « Saisine faite par »."""
    ex = extract(
        _pdf(
            tmp_path / "ccapex-rhone.pdf",
            [
                "CCAPEX DU RHÔNE – FICHE DE SAISINE PAR UN TRAVAILLEUR SOCIAL",
                "Qui est le ménage ? Le ménage est composé de Madame Nadia BOUZID, née le "
                "17/04/1984.",
                "Où vit-il ? Au 31 rue Paul Bert, 69003 Lyon, logement loué à Lyon Métropole "
                "Habitat.",
                "Quel est le loyer ? 545,60 € charges comprises.",
                "Quelle est la dette ? 2 310,00 € arrêtée au 30/09/2025.",
                "Ressources : salaire 980,00 € ; allocations familiales 148,52 €",
                "Mesure sollicitée : [X] diagnostic social et financier [ ] ASLL",
                "Saisine faite par : Marion CHAPUIS, assistante sociale, Maison de la Métropole",
                "Le 07/10/2025",
            ],
        )
    )
    assert _people(ex) == [("Mme", "BOUZID", "Nadia", date(1984, 4, 17))]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("31 rue Paul Bert", "69003", "Lyon")
    assert ex.bailleur == "Lyon Métropole Habitat"
    assert (ex.montant_dette, ex.date_dette) == (2310.0, date(2025, 9, 30))
    assert ex.loyer_mensuel == 545.60
    assert ex.prescripteur == "Marion CHAPUIS"
    assert ex.organisme_prescripteur == "Maison de la Métropole"
    assert ex.type_mesure == "diagnostic"
    assert not {"personnes", "bailleur", "montant_dette", "prescripteur"} & set(
        ex.champs_incertains
    )


def test_what_a_scan_leaves_of_those_layouts(tmp_path):
    """The text layer of a scanned form: « III » read « Ill », a role misread (« Conijointe »),
    a dash doubled (« -— »), a ticked box half read (« X] »), a title in capitals over the
    first label. The second adult is kept (told by her age, flagged), the box is ticked, the
    title is not a surname."""
    ex = extract(
        _pdf(
            tmp_path / "scan-texte.pdf",
            [
                "DEMANDE D'ACCOMPAGNEMENT SOCIAL FSL DU LOIRET",
                "NOM DU DEMANDEUR",
                "GIRARD",
                "PRÉNOM",
                "Thomas",
                "Ill - COMPOSITION DU FOYER",
                "Demandeur — GIRARD — Thomas — 02/02/1975",
                "Conijointe — GIRARD -— Léa -— 09/09/1978",
                "MESURE SOLLICITÉE",
                "X] ASLL maintien [ ] ASLL accès",
                "Ressources : Salaire 1 450,00 € ; Allocations familiales 140,00 €",
            ],
        )
    )
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("GIRARD", "Thomas", date(1975, 2, 2)),
        ("GIRARD", "Léa", date(1978, 9, 9)),
    ]
    assert ex.composition == "couple"
    assert "personnes" in ex.champs_incertains  # a role not read: checked
    assert ex.type_mesure == "maintien"
