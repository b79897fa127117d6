"""Referral forms laid out like the public source 56 (corpus/sources/README.md: an Alsatian
FSL request from an Espace Solidarité), from places the rules were not written on: the
instructing service's box at the top right, the dwelling before the household, values typed
after their labels without a colon, the household as a grid whose resources come last, the
documents joined ticked. Each test builds the document a service would send and reads it
through the whole extractor, field by field."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from tests.form_documents import blocks_pdf as _pdf
from tests.form_documents import lines_pdf as _lines_pdf
from tests.form_documents import people as _people

NBSP = "\u00a0" * 5  # a typed value sits apart from its label


def test_dwelling_first_values_typed_without_colons_and_income_per_person(tmp_path):
    ex = extract(
        _pdf(
            tmp_path / "demande-fsl.pdf",
            [
                ("r", "Centre médico-social de Mulhouse Nord"),
                ("r", "Dossier suivi par M. Julien WEISS"),
                ("r", "Assistant de service social"),
                ("r", "Mulhouse, le 03/11/2025"),
                ("t", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT DU HAUT-RHIN"),
                ("b", "NATURE DE LA DEMANDE"),
                ("l", "[ ] Accès     [X] Maintien dans les lieux (dette de loyer)"),
                ("b", "LE LOGEMENT"),
                ("l", f"Adresse du logement{NBSP}14 rue du Sauvage"),
                ("l", f"Code postal{NBSP}68100{NBSP}Commune{NBSP}Mulhouse"),
                (
                    "l",
                    f"Occupation{NBSP}[ ] locataire d'un bailleur social "
                    "[X] locataire d'un bailleur privé [ ] hébergé(e)",
                ),
                ("l", f"Nom du propriétaire{NBSP}SCI Les Tanneurs"),
                ("l", f"Loyer hors charges{NBSP}540,00 €{NBSP}Charges{NBSP}45,00 €"),
                ("l", f"Dette locative{NBSP}1 830,40 €{NBSP}arrêtée au{NBSP}31/10/2025"),
                ("b", "LE MÉNAGE"),
                (
                    "tabw",
                    (
                        [16, 30, 26, 22, 24, 32, 20],
                        [
                            [
                                "Civilité",
                                "Nom",
                                "Prénom",
                                "Né(e) le",
                                "Lien",
                                "Ressources",
                                "Montant",
                            ],
                            [
                                "Mme",
                                "MEYER",
                                "Sophie",
                                "12/04/1984",
                                "demandeur",
                                "Salaire",
                                "1 210,00 €",
                            ],
                            ["", "", "", "", "", "Allocations familiales", "148,52 €"],
                            ["M.", "KOCH", "Thomas", "02/09/1981", "concubin", "ARE", "890,30 €"],
                            ["", "MEYER", "Léa", "15/06/2014", "enfant", "", ""],
                        ],
                    ),
                ),
                ("b", "PIÈCES JOINTES"),
                ("l", "[X] Pièce d'identité de chaque personne majeure"),
                ("l", "[X] Décompte de la dette établi par le bailleur"),
            ],
        )
    )
    assert ex.type_document == "fiche_prescription"
    assert (ex.adresse, ex.code_postal, ex.commune) == ("14 rue du Sauvage", "68100", "Mulhouse")
    assert ex.bailleur == "SCI Les Tanneurs" and ex.statut_occupation == "locataire_prive"
    assert ex.loyer_mensuel == 585.0
    assert (ex.montant_dette, ex.date_dette) == (1830.40, date(2025, 10, 31))
    assert ex.prescripteur == "Julien WEISS"
    assert ex.organisme_prescripteur == "Centre médico-social de Mulhouse Nord"
    assert ex.type_mesure == "maintien"
    assert _people(ex) == [
        ("Mme", "MEYER", "Sophie", date(1984, 4, 12)),
        ("M.", "KOCH", "Thomas", date(1981, 9, 2)),
    ]
    # each person's resources, the second one on a line without a name
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("salaire", 1210.0),
        ("prestations_familiales", 148.52),
        ("chomage", 890.30),
    ]
    assert not {"adresse", "commune", "bailleur", "prescripteur", "ressources"} & set(
        ex.champs_incertains
    )


def test_a_kind_of_landlord_is_not_the_landlord(tmp_path):
    """« locataire d'un bailleur social » says what kind of landlord, not which: the status is
    read from it; no landlord is named, so none is returned (never « un bailleur social »)."""
    ex = extract(
        _lines_pdf(
            tmp_path / "fiche.pdf",
            [
                "FICHE DE LIAISON – DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
                "Travailleur social : Claire MULLER, CCAS de Colmar",
                "Demandeur : Madame SCHMITT Nadia, née le 08/01/1990",
                "Adresse : 3 rue des Clefs, 68000 Colmar",
                "Mme SCHMITT est locataire d'un bailleur social depuis 2019.",
                "Mesure sollicitée : ASLL maintien",
            ],
        )
    )
    assert ex.statut_occupation == "locataire_public"
    assert ex.bailleur is None


def test_household_grid_read_as_lines_without_cells(tmp_path):
    """The grid of a scanned form comes back as lines, its cells lost: each line with a birth
    date is a person (the role and resource after the date are no part of the name); the
    resources read from the lines are returned but flagged (a wrapped label may be lost)."""
    ex = extract(
        _lines_pdf(
            tmp_path / "scan-texte.pdf",
            [
                "Circonscription d'action sociale de Thionville",
                "Dossier suivi par Mme Laura KIEFFER",
                "DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ POUR LE LOGEMENT",
                "[X] Maintien dans le logement",
                "LE LOGEMENT",
                "Adresse du logement 7 rue de la Paix",
                "Code postal 57100 Commune Thionville",
                "LE MÉNAGE",
                "Civilité Nom Prénom Né(e) le Lien Ressources Montant",
                "mensuel",
                "M. HOFFMANN Marc 19/07/1979 demandeur Salaire 1 350,00 €",
                "Mme HOFFMANN Julie 02/02/1983 épouse RSA en attente",
                "Allocations 148,52 €",
                "familiales",
                "HOFFMANN Emma 11/11/2015 enfant",
                "PIÈCES JOINTES",
                "[X] Justificatifs de ressources des trois derniers mois",
            ],
        )
    )
    assert _people(ex) == [
        ("M.", "HOFFMANN", "Marc", date(1979, 7, 19)),
        ("Mme", "HOFFMANN", "Julie", date(1983, 2, 2)),
    ]
    assert [(c.nom, c.prenom) for c in ex.enfants] == [("HOFFMANN", "Emma")]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("7 rue de la Paix", "57100", "Thionville")
    assert ex.organisme_prescripteur == "Circonscription d'action sociale de Thionville"
    # « Allocations » over « familiales »: a label wrapped in its cell
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("salaire", 1350.0),
        ("rsa", None),
        ("prestations_familiales", 148.52),
    ]
    assert "ressources" in ex.champs_incertains


def test_scanned_landlord_name_mixing_capital_i_and_small_l_is_flagged(tmp_path):
    """« Habitat de l'Ill » on a scan: OCR reads a capital I and a small l one for the other
    (« l'IIl »), so the landlord read from an image is flagged; the same name in a text PDF
    is trusted."""
    import subprocess

    lines = [
        "DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ POUR LE LOGEMENT",
        "Dossier suivi par Mme Claire MULLER",
        "Adresse du logement 5 rue du Vieux Marché",
        "Code postal 67600 Commune Sélestat",
        "Nom du bailleur Habitat de l'Ill",
        "Loyer hors charges 410,00 € Charges 35,00 €",
        "Demandeur : Madame KLEIN Sarah, née le 14/05/1988",
        "Mesure sollicitée : ASLL maintien",
    ]
    pdf = _lines_pdf(tmp_path / "fiche.pdf", lines)
    text = extract(pdf)
    assert text.bailleur == "Habitat de l'Ill" and "bailleur" not in text.champs_incertains
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "scan")],
        check=True,
    )
    scan = extract(tmp_path / "scan.png")
    assert scan.bailleur and "bailleur" in scan.champs_incertains
