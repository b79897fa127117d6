"""French as written in acts, letters and forms."""

from datetime import date

import pytest

from intake import french


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14/03/2025", date(2025, 3, 14)),
        ("14.03.2025", date(2025, 3, 14)),
        ("14-03-2025", date(2025, 3, 14)),
        ("14/03/25", date(2025, 3, 14)),
        ("14 mars 2025", date(2025, 3, 14)),
        ("14 MARS 2025", date(2025, 3, 14)),
        ("1er avril 2025", date(2025, 4, 1)),
        ("1 er avril 2025", date(2025, 4, 1)),
        ("lundi 14 mars 2025", date(2025, 3, 14)),
        ("le mardi 4 novembre 2025 à 14h00", date(2025, 11, 4)),
        ("3 février 2025", date(2025, 2, 3)),
        ("3 fevrier 2025", date(2025, 2, 3)),
        ("31 juillét 2025", date(2025, 7, 31)),  # OCR accent noise
        ("31 déc. 2024", date(2024, 12, 31)),
        ("17 août 2025", date(2025, 8, 17)),
        ("quatorze mars deux mille vingt-cinq", date(2025, 3, 14)),
        ("premier avril deux mille vingt-cinq", date(2025, 4, 1)),
        ("L'AN DEUX MILLE VINGT-CINQ ET LE PREMIER SEPTEMBRE", date(2025, 9, 1)),
        ("L'an deux mille dix-neuf et le neuf décembre", date(2019, 12, 9)),
        ("L'an deux mille vingt-quatre, le vingt-trois du mois d'avril", date(2024, 4, 23)),
        ("trente et un janvier deux mille vingt-six", date(2026, 1, 31)),
    ],
)
def test_dates(text, expected):
    assert french.parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2025", "pas de date ici", "12 rue de Mars", "le 45/13/2025"]
)
def test_not_dates(text):
    assert french.parse_date(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("9h30", "09:30"),
        ("09 h 30", "09:30"),
        ("9 H 30", "09:30"),
        ("14h", "14:00"),
        ("14 heures", "14:00"),
        ("à 8 heures 45", "08:45"),
        ("14:30", "14:30"),
        ("13h45", "13:45"),
        ("neuf heures trente", "09:30"),
        ("quatorze heures", "14:00"),
        ("dix heures et demie", "10:30"),
        ("midi", "12:00"),
        ("9 h 00 min", "09:00"),
    ],
)
def test_hours(text, expected):
    assert french.parse_heure(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3 412,87 €", 3412.87),
        ("3\u202f412,87\u00a0€", 3412.87),
        ("3\u00a0412,87 euros", 3412.87),
        ("3.412,87 euros", 3412.87),
        ("3412.87", 3412.87),
        ("3 412 EUR", 3412.0),
        ("27,80", 27.8),
        ("27,80 €", 27.8),
        ("0,50 €", 0.5),
        ("1.500 €", 1500.0),
        ("1 234 567,89 €", 1234567.89),
        ("455.00 EUR", 455.0),
        # a scan's comma read as a stop: the cents stay (« 1 651.96 », not 1 651)
        ("la somme de 1 651.96 € selon décompte", 1651.96),
        ("1.234.567 €", 1234567.0),
        ("la somme de 1 234,56 euros", 1234.56),
        ("TROIS MILLE QUATRE CENT DOUZE EUROS ET QUATRE-VINGT-SEPT CENTIMES", 3412.87),
        ("deux mille six cent quarante euros et quinze centimes", 2640.15),
        ("soixante-dix euros", 70.0),
        ("quatre-vingt-dix-neuf euros", 99.0),
    ],
)
def test_amounts(text, expected):
    assert french.parse_montant(text) == expected


def test_decimal_comma_never_multiplies():
    assert french.parse_number("27,80") == 27.8
    assert french.parse_number("27,8") == 27.8


@pytest.mark.parametrize(
    "text, nom, prenom",
    [
        ("Jean MARTIN", "MARTIN", "Jean"),
        ("MARTIN Jean", "MARTIN", "Jean"),
        ("Jean-Pierre N'DIAYE", "N'DIAYE", "Jean-Pierre"),
        ("Marie D'ALMEIDA", "D'ALMEIDA", "Marie"),
        ("Jean de LA FONTAINE", "de LA FONTAINE", "Jean"),
        ("Paul LE GALL", "LE GALL", "Paul"),
        ("Sophie MARTIN née DURAND", "MARTIN", "Sophie"),
        ("Jessica LEROY épouse MARTIN", "LEROY", "Jessica"),
        ("Monique DUBOIS veuve FAIVRE", "DUBOIS", "Monique"),
        ("Madame Rose EL AMRANI", "EL AMRANI", "Rose"),
        ("Jean-Luc FONTAINE-ROY", "FONTAINE-ROY", "Jean-Luc"),
    ],
)
def test_names(text, nom, prenom):
    assert french.split_name(text) == (nom, prenom)


def test_names_in_one_case_follow_the_given_order():
    assert french.split_name("DUMONT ISABELLE", order="nom_prenom") == ("DUMONT", "ISABELLE")
    assert french.split_name("Isabelle Dumont") == ("Dumont", "Isabelle")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("M.", "M."),
        ("M", "M."),
        ("Monsieur", "M."),
        ("Mr", "M."),
        ("Madame", "Mme"),
        ("Mme", "Mme"),
        ("Mademoiselle", "Mme"),
        ("Mlle", "Mme"),
        ("Melle", "Mme"),
        ("Docteur", None),
    ],
)
def test_civilites(text, expected):
    assert french.normalize_civilite(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SAINT-DIZIER", "Saint-Dizier"),
        ("LA CHAPELLE-SUR-ERDRE", "La Chapelle-sur-Erdre"),
        ("BAR-LE-DUC", "Bar-le-Duc"),
        ("LES SABLES-D'OLONNE", "Les Sables-d'Olonne"),
        ("CHÂLONS-EN-CHAMPAGNE", "Châlons-en-Champagne"),
        ("LE PUY-EN-VELAY", "Le Puy-en-Velay"),
        ("VITRY-LE-FRANÇOIS", "Vitry-le-François"),
        ("ANGOULÊME", "Angoulême"),
        ("Cognac", "Cognac"),
    ],
)
def test_towns(text, expected):
    assert french.town_case(text) == expected


def test_words_to_int():
    assert french.words_to_int("quatre-vingt-dix-sept") == 97
    assert french.words_to_int("soixante et onze") == 71
    assert french.words_to_int("deux mille vingt-cinq") == 2025
    assert french.words_to_int("mille neuf cent quatre-vingt") == 1980
    assert french.words_to_int("deux cents") == 200
    assert french.words_to_int("bonjour") is None


@pytest.mark.parametrize(
    "text, nom, prenom",
    [
        ("veuve Odile PERRAUD", "PERRAUD", "Odile"),
        ("épouse Awa KOUASSI", "KOUASSI", "Awa"),
        ("PERRAUD Odile veuve BLANC", "PERRAUD", "Odile"),
    ],
)
def test_names_with_a_leading_marital_status(text, nom, prenom):
    assert french.split_name(text) == (nom, prenom)
