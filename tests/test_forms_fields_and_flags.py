"""Referral forms: the form's date, a debt, resources in fillable fields and birth dates followed
by the place of birth are read whatever the département's wording; a field the form talks about
but which was not read is flagged for a person (champs_incertains)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from intake.extract import extract


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


def _fillable_pdf(path: Path, title: str, fields: list[tuple[str, str]]) -> Path:
    """Printed labels on the left, the values only in the AcroForm fields."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 810, title)
    y = 780
    for i, (label, value) in enumerate(fields):
        c.setFont("Helvetica", 8.5)
        c.drawString(40, y + 3, label)
        c.acroForm.textfield(
            name=f"champ{i}",
            value=value,
            x=240,
            y=y,
            width=300,
            height=14,
            fontSize=8.5,
            borderWidth=0.5,
            forceBorder=True,
        )
        y -= 20
    c.save()
    return path


_ALLIER = [
    "CONSEIL DÉPARTEMENTAL DE L'ALLIER – FONDS DE SOLIDARITÉ LOGEMENT",
    "Demande d'accompagnement social lié au logement",
    "Mesure sollicitée : [X] Maintien [ ] Accès [ ] Diagnostic",
    "Référent social : Mme Agnès TISSERAND, assistante sociale – CMS de Montluçon",
    "Situation du ménage",
    "Nom et prénom : M. BRUNEL Cédric",
    "Date de naissance : 03/05/1982     Lieu de naissance : Moulins (03)",
    "Nom et prénom du conjoint : Mme BRUNEL Sabrina",
    "Date de naissance : 21/11/1984     Lieu de naissance : Vichy (03)",
    "Adresse : 14 rue de la Fraternité, 03100 Montluçon",
    "Statut d'occupation : [X] Locataire parc public [ ] Locataire parc privé",
    "Bailleur : Montluçon Habitat      Loyer mensuel : 512,30 €",
    "Impayé de loyer : 1 245,60 € arrêté au 30/09/2025",
    "Ressources",
    "Salaire : 1 420,00 €",
    "Fait à Montluçon, le 14/10/2025",
]


def test_date_in_a_fait_a_le_line_debt_line_and_birth_date_before_the_place_of_birth(tmp_path):
    ex = extract(_text_pdf(tmp_path / "Allier demande ASLL BRUNEL.pdf", _ALLIER))
    assert ex.type_document == "fiche_prescription"
    assert ex.date_document == date(2025, 10, 14)
    assert (ex.montant_dette, ex.date_dette) == (1245.60, date(2025, 9, 30))
    # the place of birth on the same line does not erase the date read before it
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "BRUNEL", "Cédric", date(1982, 5, 3)),
        ("Mme", "BRUNEL", "Sabrina", date(1984, 11, 21)),
    ]
    for name in ("date_document", "montant_dette", "date_dette", "personnes"):
        assert name not in ex.champs_incertains


def test_resources_debt_date_and_measure_read_from_fillable_fields(tmp_path):
    path = _fillable_pdf(
        tmp_path / "Cantal demande FSL remplissable.pdf",
        "FSL – DEMANDE D'ACCOMPAGNEMENT",
        [
            ("Mesure (accès, maintien, renouvellement)", "ASLL Accès"),
            ("Nom de l'intervenant", "DELMAS"),
            ("Prénom de l'intervenant", "Julien"),
            ("Organisme instructeur", "CCAS d'Aurillac"),
            ("Date d'instruction", "08/10/2025"),
            ("Demandeur – civilité", "Mme"),
            ("Demandeur – nom", "VIDAL"),
            ("Demandeur – prénom", "Léa"),
            ("Demandeur – né(e) le", "17/02/1990"),
            ("Adresse", "3 place du Square"),
            ("Code postal", "15000"),
            ("Commune", "Aurillac"),
            ("Bailleur", "Logisens"),
            ("Loyer (€)", "398,00"),
            ("Dette locative (€)", "860,40"),
            ("Dette arrêtée au", "15/09/2025"),
            ("Ressource : RSA (€)", "635,70"),
            ("Ressource : Allocations familiales (€)", "148,52"),
        ],
    )
    ex = extract(path)
    assert ex.type_mesure == "acces"  # the value, not the first option its label lists
    assert ex.prescripteur == "Julien DELMAS"
    assert ex.organisme_prescripteur == "CCAS d'Aurillac"
    assert ex.date_document == date(2025, 10, 8)
    assert (ex.montant_dette, ex.date_dette) == (860.40, date(2025, 9, 15))
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("rsa", 635.70),
        ("prestations_familiales", 148.52),
    ]
    # the form names a landlord the lists don't know and no status: the status is looked at
    assert ex.statut_occupation is None
    assert ex.champs_incertains == ["statut_occupation"]


def test_labels_present_with_nothing_read_are_flagged(tmp_path):
    lines = [
        "Fiche de prescription ASLL",
        "Type de mesure : [X] Maintien",
        "Prescripteur : Mme Agnès TISSERAND – CMS de Montluçon",
        "Demandeur : M. BRUNEL Cédric",
        "Date de naissance : à compléter",
        "Adresse : 14 rue de la Fraternité, 03100 Montluçon",
        "Bailleur : Montluçon Habitat",
        "Loyer mensuel : 512,30 €",
        "Montant de la dette locative : voir le décompte joint",
        "Ressources du ménage",
        "Salaire : variable selon les missions",
        "Date de la demande : mi-octobre",
    ]
    ex = extract(_text_pdf(tmp_path / "fiche incomplete.pdf", lines))
    assert ex.montant_dette is None and ex.ressources == [] and ex.date_document is None
    assert {"montant_dette", "ressources", "date_document", "personnes"} <= set(
        ex.champs_incertains
    )
    # what was read is not flagged
    assert "bailleur" not in ex.champs_incertains and "loyer_mensuel" not in ex.champs_incertains


def test_a_label_that_says_none_is_not_flagged(tmp_path):
    lines = [
        "Fiche de prescription ASLL",
        "Type de mesure : [X] Accès",
        "Prescripteur : Mme Agnès TISSERAND – CMS de Montluçon",
        "Demandeur : M. BRUNEL Cédric, né le 03/05/1982",
        "Adresse : 14 rue de la Fraternité, 03100 Montluçon",
        "Dette locative : néant",
        "Bailleur : –",
        "Ressources",
        "RSA : 635,70 €",
        "Date de la demande : 14/10/2025",
    ]
    ex = extract(_text_pdf(tmp_path / "fiche sans dette.pdf", lines))
    assert ex.montant_dette is None and ex.bailleur is None
    assert "montant_dette" not in ex.champs_incertains and "bailleur" not in ex.champs_incertains


def test_labels_after_their_values_with_dot_leaders_or_in_brackets(tmp_path):
    lines = [
        "Demande d'ASLL – Centre communal d'action sociale",
        "[X] Maintien dans les lieux   [ ] Accès",
        "Le ménage",
        "Madame ........ Civilité",
        "LEBLANC ........ Nom",
        "Nadia ........ Prénom",
        "12/06/1979 ........ Date de naissance",
        "Le logement",
        "27 rue Gambetta (adresse)",
        "79000 Niort (code postal / commune)",
        "Deux-Sèvres Habitat (bailleur)",
        "Le prescripteur",
        "Hugo FAVREAU (nom et prénom du référent)",
        "CCAS de Niort (organisme)",
        "Ressources",
        "AAH : 1 016,05 €",
        "Fait à Niort, le 06/10/2025",
    ]
    ex = extract(_text_pdf(tmp_path / "CCAS Niort LEBLANC.pdf", lines))
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("Mme", "LEBLANC", "Nadia", date(1979, 6, 12))
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("27 rue Gambetta", "79000", "Niort")
    assert ex.bailleur == "Deux-Sèvres Habitat"
    assert (ex.prescripteur, ex.organisme_prescripteur) == ("Hugo FAVREAU", "CCAS de Niort")
    assert ex.date_document == date(2025, 10, 6)


def test_resources_partly_read_and_a_prescriber_that_is_not_a_name_are_flagged(tmp_path):
    lines = [
        "Fiche de prescription ASLL",
        "Type de mesure : [X] Maintien",
        "Prescripteur : Service social départemental",
        "Organisme : MDS de Montluçon",
        "Demandeur : M. BRUNEL Cédric, né le 03/05/1982",
        "Adresse : 14 rue de la Fraternité, 03100 Montluçon",
        "Ressources",
        "Salaire : 1 200,00 €",
        "Bourse d'études : 300,00 €",
        "Date de la demande : 14/10/2025",
    ]
    ex = extract(_text_pdf(tmp_path / "fiche ressources.pdf", lines))
    assert [(r.type, r.montant) for r in ex.ressources] == [("salaire", 1200.00)]
    assert {"ressources", "prescripteur"} <= set(ex.champs_incertains)
    assert "organisme_prescripteur" not in ex.champs_incertains


def test_name_and_first_name_on_one_line_for_each_adult(tmp_path):
    # « Nom du demandeur : X   Prénom : Y   Né le : … » then the same for the conjoint
    path = _text_pdf(
        tmp_path / "fiche.pdf",
        [
            "FONDS DE SOLIDARITÉ POUR LE LOGEMENT – FICHE DE PRESCRIPTION ASLL",
            "Prescripteur : Claire BERNARD, CESF – CCAS de Cognac",
            "Mesure demandée : [X] Maintien [ ] Accès",
            "Composition du ménage",
            "Nom du demandeur : MOREAU     Prénom : Stéphane     Né le : 14/02/1985",
            "Nom du conjoint : MOREAU     Prénom : Laetitia     Née le : 30/07/1987",
            "Adresse : 7 allée des Vignes, 16100 Cognac",
            "Bailleur : Noalis      Loyer mensuel : 548,20 €",
            "Fait à Cognac, le 12/09/2025",
        ],
    )
    ex = extract(path)
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("MOREAU", "Stéphane", date(1985, 2, 14)),
        ("MOREAU", "Laetitia", date(1987, 7, 30)),
    ]
