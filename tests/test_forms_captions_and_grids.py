"""Form layouts drawn from public forms (corpus/sources/20 to 22): a caption printed under the
line a value was typed on, values typed over a line of captions (cut by the shape of each
field), a Madame | Monsieur identity grid with a maiden name, an address split in street
fields, yes / no questions, people listed without their role. Each test builds its own form
and reads it as `asll extraire` would."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from intake.engine import load_rules
from intake.extract import extract
from intake.parsers.forms import structure
from tests.form_documents import docx as _docx


def _text_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        c.setFont("Helvetica", 9)
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return path


def _pdf_with_table(path: Path, before: list[str], rows: list[list[str]], after: list[str]):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [Paragraph(l, style) for l in before] + [table] + [Paragraph(l, style) for l in after]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _libelles():
    return {
        k: re.compile(v, re.IGNORECASE)
        for k, v in load_rules()["fiche_prescription"].data["formulaire"]["libelles"].items()
    }


def test_captions_in_brackets_under_each_value(tmp_path):
    lines = [
        "FICHE DE LIAISON - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
        "CCAS du Havre",
        "(service prescripteur)",
        "BRUNET Jessica",
        "(NOM Prénom du travailleur social)",
        "06/09/2025",
        "(date de la fiche)",
        "Mesure : [X] ASLL Accès [ ] ASLL Maintien",
        "Le ménage",
        "Monsieur RENAUD Loïc",
        "(demandeur : civilité, NOM Prénom)",
        "26/03/1953 à Tours (37)",
        "'(date et lieu de naissance)",  # a scan's stray mark before the bracket
        "Madame RENAUD Chloé",
        "(conjoint : civilité, NOM Prénom)",
        "17/11/1990 à Tours (37)",
        "(date et lieu de naissance)",
        "Autres personnes au foyer :",
        "RENAUD Brigitte - 11/02/2012",
        "RENAUD Paul - 03/05/2007",
        "Le logement",
        "82 place du Marché",
        "(adresse)",
        "76600 Le Havre",
        "(code postal et commune)",
        "Habitat du Nord",
        "(bailleur)",
        "461,48 €",
        "(loyer charges comprises)",
        "1 245,39 € au 15/09/2025",
        "(montant de la dette et date du décompte)",
        "Ressources du ménage",
        "598,59 €",
        "(RSA)",
    ]
    ex = extract(_text_pdf(tmp_path / "liaison RENAUD.pdf", lines))
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "RENAUD", "Loïc", date(1953, 3, 26)),
        ("Mme", "RENAUD", "Chloé", date(1990, 11, 17)),
    ]
    # Paul, 18 on the form's date, lives there but is no child; Brigitte is
    assert ex.nb_enfants == 1 and ex.composition == "couple"
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Jessica BRUNET", "CCAS du Havre")
    assert (ex.adresse, ex.code_postal, ex.commune) == ("82 place du Marché", "76600", "Le Havre")
    assert (ex.bailleur, ex.loyer_mensuel) == ("Habitat du Nord", 461.48)
    assert (ex.montant_dette, ex.date_dette) == (1245.39, date(2025, 9, 15))
    assert ex.date_document == date(2025, 9, 6)
    assert [(r.type, r.montant) for r in ex.ressources] == [("rsa", 598.59)]
    assert not set(ex.champs_incertains) & {"personnes", "composition", "nb_enfants", "adresse"}


def test_a_child_is_told_by_its_age_on_the_form_date_not_today(tmp_path):
    lines = [
        "Fiche de liaison ASLL",
        "Date de la demande : 10/09/2025",
        "Nom et prénom du demandeur : Mme LOPEZ Inès",
        "Autres personnes au foyer :",
        "LOPEZ Hugo - 01/12/2007",  # 17 on the form's date
    ]
    ex = extract(_text_pdf(tmp_path / "LOPEZ.pdf", lines))
    assert ex.nb_enfants == 1 and [c.prenom for c in ex.enfants] == ["Hugo"]


def test_values_typed_over_a_line_of_captions_are_cut_by_their_shape(tmp_path):
    lines = [
        "FONDS DE SOLIDARITÉ LOGEMENT - FICHE DE REPÉRAGE",
        "CCAS de Caudry",
        "Nom de la structure",
        "Loïc ROBIN 04/10/2025",
        "Nom de l'intervenant Date de la demande",
        "Mesure : [X] ASLL Accès [ ] ASLL Maintien",
        "Identification du demandeur",
        "Monsieur DA COSTA Jean-Pierre .",  # an OCR speck after the first name
        "Civilité Nom Prénom",
        "03/12/1963 Dijon (21)",
        "Date de naissance Lieu de naissance",
        "Logement",
        "84 rue de l'Église",
        "Adresse",
        "59400 Cambrai",
        "Code postal Commune",
        "Habitat du Nord 456,51 €",
        "Bailleur Loyer charges comprises",
        "2 100,82 € 30/06/2025",
        "Dette locative Dette arrêtée au",
    ]
    ex = extract(_text_pdf(tmp_path / "reperage DA COSTA.pdf", lines))
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "DA COSTA", "Jean-Pierre", date(1963, 12, 3))
    ]
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Loïc ROBIN", "CCAS de Caudry")
    assert ex.date_document == date(2025, 10, 4)
    assert (ex.adresse, ex.code_postal, ex.commune) == ("84 rue de l'Église", "59400", "Cambrai")
    assert (ex.bailleur, ex.loyer_mensuel) == ("Habitat du Nord", 456.51)
    assert (ex.montant_dette, ex.date_dette) == (2100.82, date(2025, 6, 30))
    assert "personnes" not in ex.champs_incertains


def test_a_value_line_no_cut_fits_or_two_cuts_fit_is_flagged():
    libelles = _libelles()
    unsure: set[str] = set()
    # nothing fits a surname in capitals: the fields are there, unread
    lines = ["madame durand sophie", "Civilité Nom Prénom"]
    assert structure.values_above_labels(lines, libelles, unsure) == lines
    assert {"civilite", "nom", "prenom"} <= unsure
    # two free fields side by side: more than one cut, the first is kept and flagged
    unsure.clear()
    out = structure.values_above_labels(
        ["CCAS de Dax Service social", "Service Bailleur"], libelles, unsure
    )
    assert len(out) == 2 and unsure == {"organisme", "bailleur"}


def test_heading_then_a_lone_label_is_not_a_value_and_its_caption():
    libelles = _libelles()
    lines = ["Le logement", "Adresse", "Statut : [X] Locataire HLM"]
    assert structure.values_above_labels(lines, libelles) == lines


def test_madame_monsieur_grid_keeps_the_usage_name_not_the_maiden_name(tmp_path):
    path = _pdf_with_table(
        tmp_path / "SIAO NGUYEN.pdf",
        [
            "Dossier de demande d'accompagnement lié au logement",
            "Date : 30/10/2025",
            "Instructeur : Josiane HUET",
            "Service : CCAS de Saint-Denis",
            "Demande : [X] ASLL Accès [ ] ASLL Maintien",
            "IDENTITÉ DU MÉNAGE",
        ],
        [
            ["", "Madame", "Monsieur"],
            ["NOM", "NGUYEN", "NGUYEN"],
            ["Nom de jeune fille", "TRAORE", ""],
            ["Prénom", "Marie-Claire", "Stéphane"],
            ["Date de naissance", "12/09/1997   âge : 28", "18/02/1964   âge : 61"],
        ],
        [
            "Adresse de domiciliation : 40 rue de l'Église",
            "97420 LE PORT",
            "Lieu de vie du ménage : [X] logement personnel (bailleur social) "
            "[ ] chez famille / ami",
            "1. Situation familiale : [X] marié(e) [ ] célibataire",
        ],
    )
    ex = extract(path)
    assert sorted((p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes) == [
        ("M.", "NGUYEN", "Stéphane", date(1964, 2, 18)),
        ("Mme", "NGUYEN", "Marie-Claire", date(1997, 9, 12)),
    ]
    assert ex.composition == "couple" and ex.statut_occupation == "locataire_public"
    assert (ex.adresse, ex.code_postal, ex.commune) == ("40 rue de l'Église", "97420", "Le Port")
    assert ex.prescripteur == "Josiane HUET"


def test_split_street_fields_yes_no_questions_and_a_household_without_roles(tmp_path):
    path = _docx(
        tmp_path / "FSL MASSON.docx",
        [
            ("p", "FONDS DE SOLIDARITÉ POUR LE LOGEMENT – Demande d'aide au maintien"),
            ("p", "Aide demandée : ☒ ASLL Accès   ☐ ASLL Maintien"),
            (
                "tab",
                [
                    ["Madame / Monsieur", "Madame", "Date de naissance", "28/06/1987"],
                    [
                        "Nom de famille (nom de naissance)",
                        "KACI",
                        "Nom d'usage (s'il y a lieu)",
                        "MASSON",
                    ],
                    ["Prénom", "Josiane", "Lieu de naissance", "Paris (75)"],
                ],
            ),
            ("p", "Adresse du logement pour lequel vous demandez l'aide"),
            (
                "tab",
                [
                    ["N°", "37", "Type de voie (rue, boulevard…)", "rue"],
                    ["Nom de la voie", "Gambetta", "Complément", ""],
                    ["Code postal", "62300", "Commune", "Lens"],
                ],
            ),
            ("p", "Les personnes qui vivent avec vous"),
            (
                "tab",
                [
                    ["Nom, prénom", "Date de naissance", "Sexe"],
                    ["MASSON Josiane", "28/06/1987", "F"],
                    ["MASSON Jérôme", "20/11/2007", "M"],
                ],
            ),
            ("p", "Êtes-vous locataire ? ☐ oui ☒ non"),
            ("p", "Êtes-vous hébergé(e) gratuitement ? ☒ oui ☐ non"),
            ("p", "Cadre réservé au travailleur social"),
            ("tab", [["Nom", "GUERIN"], ["Prénom", "Émilie"], ["Organisme", "CCAS de Lens"]]),
            ("tab", [["Date", "24/10/2025"]]),
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "MASSON", "Josiane")]
    assert ex.nb_enfants == 1 and ex.composition == "femme_seule"  # Jérôme: 17 that day, 18 today
    assert (ex.adresse, ex.code_postal, ex.commune) == ("37 rue Gambetta", "62300", "Lens")
    assert ex.statut_occupation == "heberge"
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Émilie GUERIN", "CCAS de Lens")


def test_household_fields_of_a_fillable_pdf_are_read_under_their_column_headers(tmp_path):
    """Fields named « Texte9 » with nothing printed beside them: the printed column header
    above is their label, and the rows of fields are the household table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "Demande FSL GARNIER.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    form = c.acroForm
    n = [0]

    def field(x, y, value, width):
        n[0] += 1
        form.textfield(name=f"Texte{n[0]}", value=value, x=x, y=y, width=width, height=15)

    c.setFont("Helvetica", 9)
    c.drawString(50, 800, "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT – FSL")
    c.drawString(50, 780, "Service")
    field(150, 776, "CCAS de Vienne", 200)
    c.drawString(50, 760, "COMPOSITION DU MÉNAGE")
    for x, h in ((50, "Civilité"), (110, "NOM Prénom"), (280, "Date de naissance"), (380, "Lien")):
        c.drawString(x, 742, h)
    rows = [
        ("M.", "GARNIER Loïc", "03/04/1980", "Demandeur"),
        ("Mme", "GARNIER Inès", "12/12/1984", "Conjoint(e)"),
        ("", "GARNIER Lila", "05/06/2015", "Enfant"),
    ]
    for k, row in enumerate(rows):
        for (x, w), v in zip(((50, 50), (110, 160), (280, 90), (380, 100)), row):
            field(x, 722 - 20 * k, v, w)
    c.save()
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "GARNIER", "Loïc", date(1980, 4, 3)),
        ("Mme", "GARNIER", "Inès", date(1984, 12, 12)),
    ]
    assert ex.nb_enfants == 1 and ex.composition == "couple"
    assert ex.organisme_prescripteur == "CCAS de Vienne"


def test_two_printed_columns_side_by_side_are_read_one_after_the_other(tmp_path):
    """The housing on the left, the resources on the right, no table: read across, each line
    would mix an address with an allowance."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "Fiche RENARD.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)

    def col(x, y, lines):
        for t in lines:
            c.drawString(x, y, t)
            y -= 15

    col(
        50,
        800,
        [
            "FICHE DE PRESCRIPTION - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
            "Service prescripteur : CCAS de Cognac",
            "Référent : Claire BERNARD",
            "Mesure : [X] ASLL Maintien",
        ],
    )
    col(50, 730, ["DEMANDEUR", "Civilité : Madame", "Nom : RENARD", "Prénom : Lucie"])
    col(310, 730, ["CONJOINT", "Civilité : Monsieur", "Nom : RENARD", "Prénom : Marc"])
    col(
        50,
        650,
        ["LOGEMENT", "Adresse : 4 rue Pasteur", "Code postal : 16100", "Commune : Cognac"],
    )
    col(310, 650, ["RESSOURCES MENSUELLES", "RSA : 612,40 €", "APL : 301,00 €"])
    c.save()
    ex = extract(path)
    assert sorted((p.civilite, p.prenom) for p in ex.personnes) == [
        ("M.", "Marc"),
        ("Mme", "Lucie"),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("4 rue Pasteur", "16100", "Cognac")
    assert sorted((r.type, r.montant) for r in ex.ressources) == [("apl", 301.0), ("rsa", 612.4)]


def test_two_fields_of_one_person_on_a_line_are_not_taken_for_two_columns(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "Fiche de liaison ASLL COLIN.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)
    y = 800
    for left, right in (
        ("FICHE DE LIAISON ASLL", ""),
        ("Service prescripteur : CCAS de Blois", ""),
        ("Demandeur", ""),
        ("Nom : COLIN", "Prénom : Julie"),
        ("Date de naissance : 02/02/1980", "Civilité : Madame"),
        ("Conjoint", ""),
        ("Nom : PERRET", "Prénom : Marc"),
        ("Date de naissance : 03/03/1979", "Civilité : Monsieur"),
    ):
        c.drawString(50, y, left)
        c.drawString(320, y, right)
        y -= 15
    c.save()
    ex = extract(path)
    assert sorted((p.nom, p.prenom, p.civilite) for p in ex.personnes) == [
        ("COLIN", "Julie", "Mme"),
        ("PERRET", "Marc", "M."),
    ]


def test_the_forms_own_words_read_as_a_name_are_flagged(tmp_path):
    # a grid whose cells repeat their labels (a blank form's sample row filled by mistake)
    path = _docx(
        tmp_path / "Fiche de liaison ASLL vide.docx",
        [
            ("p", "Fiche de liaison ASLL - CCAS de Blois"),
            ("p", "[X] Maintien"),
            (
                "tab",
                [
                    ["", "Demandeur"],
                    ["Civilité", "Madame"],
                    ["Nom", "NOM"],
                    ["Prénom", "Prénom"],
                    ["Date de naissance", "02/02/1980"],
                ],
            ),
            ("p", "Adresse : 5 rue Pasteur 41000 Blois"),
            ("p", "Travailleur social : Anne PETIT"),
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert "personnes" in ex.champs_incertains
