"""Documents written by other hands than the sample corpus: other études, other préfectures,
other form layouts. Each is built here, in a temporary folder, and extracted end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from intake.extract import extract


def _pdf(
    path: Path, paragraphs: list[str | None], tables: dict[int, list[list[str]]] | None = None
) -> Path:
    """A text PDF; `None` in paragraphs is a page break; tables inserted after paragraph i."""
    styles = getSampleStyleSheet()
    story = []
    for i, text in enumerate(paragraphs):
        if text is None:
            story.append(PageBreak())
            continue
        story.append(Paragraph(text, styles["BodyText"]))
        story.append(Spacer(1, 4))
        if tables and i in tables:
            story.append(Table(tables[i]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# ---------------------------------------------------------------------------- an old-style act


def test_huissier_act_in_word_with_dates_and_amounts_in_words(tmp_path):
    doc = DocxDocument()
    for text in [
        "SCP MOREAU-LEROUX & ASSOCIÉS — Huissiers de Justice — 85000 LA ROCHE-SUR-YON",
        "Maître Bernard MOREAU - Maître Julie LEROUX",
        "ASSIGNATION EN RÉSILIATION DE BAIL ET EXPULSION",
        "L'an deux mille vingt-quatre et le vingt-trois avril,",
        "À la requête de : VENDÉE HABITAT, office public de l'habitat, dont le siège est 28 rue "
        "Benjamin Franklin 85000 La Roche-sur-Yon, représenté par son directeur général,",
        "J'ai, Maître Julie LEROUX, Huissier de Justice associé, soussignée,",
        "Donné assignation à :",
        "M. et Mme Karim et Nadia BENSAÏD, demeurant au 12, avenue des Sables, bâtiment C, "
        "85000 LA ROCHE-SUR-YON,",
        "D'avoir à comparaître le mardi onze juin deux mille vingt-quatre à neuf heures trente "
        "devant le Juge des contentieux de la protection du Tribunal judiciaire de La Roche-sur-Yon.",
        "Le bail du 1er février 2016 prévoit un loyer de 402,10 € outre 38,50 € de provision pour charges.",
        "Un commandement de payer du 5 janvier 2024 portait sur 1 200,00 €.",
        "Les requis restent redevables de la somme de DEUX MILLE SIX CENT QUARANTE EUROS ET "
        "QUINZE CENTIMES (2.640,15 €), arrêtée au 31 mars 2024.",
        "Il est demandé 800 € au titre de l'article 700 du code de procédure civile.",
    ]:
        doc.add_paragraph(text)
    path = tmp_path / "acte.docx"
    doc.save(path)

    ex = extract(path)
    assert ex.type_document == "assignation"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("M.", "BENSAÏD", "Karim"),
        ("Mme", "BENSAÏD", "Nadia"),
    ]
    assert ex.date_document == date(2024, 4, 23)
    assert ex.date_audience == date(2024, 6, 11)
    assert ex.heure_audience == "09:30"
    assert ex.juridiction == "Tribunal judiciaire de La Roche-sur-Yon"
    assert ex.commissaire_justice == "Julie LEROUX"
    assert ex.bailleur == "VENDÉE HABITAT"
    assert ex.statut_occupation == "locataire_public"
    assert ex.montant_dette == 2640.15
    assert ex.date_dette == date(2024, 3, 31)
    assert ex.loyer_mensuel == 440.60
    assert ex.adresse == "12 avenue des Sables"  # the comma after the number is dropped
    assert ex.complement_adresse == "bâtiment C"
    assert (ex.code_postal, ex.commune) == ("85000", "La Roche-sur-Yon")
    assert ex.reference is None


# ---------------------------------------------------------------------------- letter + act copy


def test_prefecture_letter_followed_by_act_copy_is_one_saisine(tmp_path):
    path = _pdf(
        tmp_path / "courrier.pdf",
        [
            "PRÉFET DE LA VENDÉE",
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Pôle prévention des expulsions",
            "Nos réf. : DDETS85/PEX/2024-0456",
            "La Roche-sur-Yon, le 2 mai 2024",
            "Objet : demande de diagnostic social et financier",
            "Madame la Cheffe de service,",
            "Je vous adresse ci-joint l'assignation délivrée à M. Karim BENSAÏD. Vous voudrez bien "
            "me transmettre le diagnostic au plus tard le 24 mai 2024.",
            "Le Préfet, pour le Préfet et par délégation, Jean DUVAL",
            None,
            "SCP MOREAU-LEROUX - Huissiers de justice",
            "ASSIGNATION",
            "Le 23 avril 2024, à la requête de SCI LES GLYCINES, société civile immobilière, ayant pour "
            "mandataire l'agence Immo Ouest,",
            "Nous, Bernard MOREAU, huissier de justice à La Roche-sur-Yon,",
            "avons donné assignation à Monsieur Karim BENSAÏD, né le 4 juillet 1979 à Alger, demeurant "
            "3 impasse des Mouettes 85100 LES SABLES-D'OLONNE,",
            "à comparaître à l'audience du 11 juin 2024 à 14h devant le Tribunal de proximité des "
            "Sables-d'Olonne.",
            "Dette locative : 1 980,00 € selon décompte arrêté au 30 avril 2024.",
            "N° RG 24/00123",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "DDETS85/PEX/2024-0456"
    assert ex.date_document == date(2024, 5, 2)
    assert ex.date_limite == date(2024, 5, 24)
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "BENSAÏD", "Karim", date(1979, 7, 4))
    ]
    assert ex.bailleur == "SCI LES GLYCINES"
    assert ex.statut_occupation == "locataire_prive"
    assert ex.commissaire_justice == "Bernard MOREAU"
    assert ex.date_audience == date(2024, 6, 11)
    assert ex.heure_audience == "14:00"
    assert ex.montant_dette == 1980.0
    assert ex.date_dette == date(2024, 4, 30)
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "3 impasse des Mouettes",
        "85100",
        "Les Sables-d'Olonne",
    )


def test_two_different_debts_arretees_make_the_amount_uncertain(tmp_path):
    path = _pdf(
        tmp_path / "acte.pdf",
        [
            "ASSIGNATION devant le juge des contentieux de la protection",
            "À la requête de l'OPH de Chaumont. Nous, Paul MARTIN, commissaire de justice,",
            "donnons assignation à : Madame Léa ROY, demeurant 5 rue Haute 52000 CHAUMONT",
            "à comparaître à l'audience du 3 mars 2025 à 9h00 au Tribunal judiciaire de Chaumont.",
            "La dette s'élève à 1 250,00 € arrêtée au 31 décembre 2024.",
            "Selon le dernier décompte, la somme due est de 1 410,00 € arrêtée au 31 janvier 2025.",
        ],
    )
    ex = extract(path)
    assert ex.montant_dette == 1250.0
    assert "montant_dette" in ex.champs_incertains
    assert "date_audience" not in ex.champs_incertains


# ---------------------------------------------------------------------------- referral forms

_SDT_BOX = (
    '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
    '<w:sdtPr><w14:checkbox><w14:checked w14:val="{v}"/></w14:checkbox></w:sdtPr>'
    "<w:sdtContent><w:r><w:t>{g}</w:t></w:r></w:sdtContent></w:sdt>"
)


def _box_paragraph(doc, options: list[tuple[str, bool]]):
    p = doc.add_paragraph()
    for label, on in options:
        p._p.append(parse_xml(_SDT_BOX.format(v=1 if on else 0, g="☒" if on else "☐")))
        p.add_run(f" {label}    ")
    return p


def test_word_form_with_checkbox_controls_and_two_column_resources(tmp_path):
    doc = DocxDocument()
    doc.add_paragraph("UDAF DE LA VENDÉE")
    doc.add_paragraph("FICHE DE LIAISON - DEMANDE D'ASSLL")
    doc.add_paragraph("Travailleur social : ROBIN Élodie, CESF, UDAF de la Vendée")
    doc.add_paragraph("Date de la demande : 3 octobre 2024")
    doc.add_paragraph("Nature de la mesure")
    _box_paragraph(doc, [("Accès", False), ("Maintien", True), ("Renouvellement", False)])
    doc.add_paragraph("Composition du ménage")
    t = doc.add_table(rows=4, cols=4)
    for r, row in enumerate(
        [
            ["Lien", "Nom", "Prénom", "Né(e) le"],
            ["Demandeuse", "PETIT épouse GIRARD", "Manon", "12/12/1990"],
            ["Conjoint", "GIRARD", "Hugo", "01/02/1988"],
            ["Enfant", "GIRARD", "Jade", "15/06/2015"],
        ]
    ):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    doc.add_paragraph("Adresse : Appt 4, 9 chemin du Lac, 85300 CHALLANS")
    doc.add_paragraph("Logement")
    _box_paragraph(doc, [("Locataire parc privé", True), ("Locataire parc public", False)])
    doc.add_paragraph("Bailleur : M. Alain ROUX (géré par Cabinet Atlantique)")
    doc.add_paragraph("Loyer : 610 € + 40 € de charges")
    doc.add_paragraph("Impayés de loyer : 1 300 € au 30/09/2024")
    doc.add_paragraph("Ressources mensuelles")
    t = doc.add_table(rows=5, cols=3)
    for r, row in enumerate(
        [
            ["Nature", "Demandeuse", "Conjoint"],
            ["Salaire", "", "1 650,00"],
            ["Indemnités journalières", "742,10", ""],
            ["Allocations familiales", "148,52", ""],
            ["TOTAL", "890,62", "1 650,00"],
        ]
    ):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    doc.add_paragraph("Objectifs")
    _box_paragraph(
        doc, [("Gestion du budget", True), ("Apurement de la dette", True), ("Intégration", False)]
    )
    path = tmp_path / "fiche.docx"
    doc.save(path)

    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.type_mesure == "maintien"
    assert ex.prescripteur == "Élodie ROBIN"
    assert ex.organisme_prescripteur == "UDAF de la Vendée"
    assert ex.date_document == date(2024, 10, 3)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("Mme", "PETIT", "Manon"),
        (None, "GIRARD", "Hugo"),
    ]
    assert ex.composition == "couple"
    assert ex.nb_enfants == 1 and ex.enfants[0].prenom == "Jade"
    assert ex.statut_occupation == "locataire_prive"
    assert ex.bailleur == "Alain ROUX"
    assert ex.loyer_mensuel == 650.0
    assert ex.montant_dette == 1300.0 and ex.date_dette == date(2024, 9, 30)
    assert [(r.type, r.montant) for r in ex.ressources] == [
        ("salaire", 1650.0),
        ("ij", 742.10),
        ("prestations_familiales", 148.52),
    ]
    assert ex.objectifs == ["budget", "dette_apurement"]
    assert (ex.adresse, ex.complement_adresse, ex.code_postal, ex.commune) == (
        "9 chemin du Lac",
        "Appt 4",
        "85300",
        "Challans",
    )


def test_fillable_pdf_form_fields_are_read_under_their_headings(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "formulaire.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    form = c.acroForm
    y = 800
    c.drawString(40, y, "DEMANDE DE DIAGNOSTIC - ACCOMPAGNEMENT SOCIAL LIE AU LOGEMENT")
    rows = [
        ("h", "Prescripteur"),
        ("t", "Nom et prénom", "LAMBERT Chloé"),
        ("t", "Organisme", "CCAS de Niort"),
        ("h", "Nature de la demande"),
        ("c", "Accès", False),
        ("c", "Diagnostic", True),
        ("h", "Ménage"),
        ("t", "Nom", "FAURE"),
        ("t", "Prénom", "Denis"),
        ("t", "Civilité", "M."),
        ("t", "Date de naissance", "07/08/1970"),
        ("t", "Adresse", "14 rue de la Gare 79000 NIORT"),
        ("h", "Ressources"),
        ("t", "RSA", "607,75"),
        ("t", "APL / AL", "en attente"),
    ]
    for i, row in enumerate(rows):
        y -= 30
        if row[0] == "h":
            c.drawString(40, y, row[1])
        elif row[0] == "t":
            c.drawString(40, y, row[1])
            form.textfield(
                name=f"f{i}", tooltip=row[1], value=row[2], x=220, y=y - 4, width=250, height=18
            )
        else:
            form.checkbox(name=f"c{i}", tooltip=row[1], checked=row[2], x=40, y=y - 4, size=12)
            c.drawString(60, y, row[1])
    c.save()

    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert ex.type_mesure == "diagnostic"
    assert ex.prescripteur == "Chloé LAMBERT"
    assert ex.organisme_prescripteur == "CCAS de Niort"
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "FAURE", "Denis", date(1970, 8, 7))
    ]
    assert ex.composition == "homme_seul" and ex.nb_enfants == 0
    assert [(r.type, r.montant) for r in ex.ressources] == [("rsa", 607.75), ("apl", None)]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("14 rue de la Gare", "79000", "Niort")


# ---------------------------------------------------------------------------- never a dossier


def test_payslip_is_unknown_even_with_a_rent_in_it(tmp_path):
    path = _pdf(
        tmp_path / "bulletin.pdf",
        [
            "BULLETIN DE PAIE - Septembre 2025",
            "Employeur : SAS Transports Durand - Salarié : M. Kevin MARTIN",
            "Salaire de base 1 801,80 € - Cotisations salariales 398,00 €",
            "Net à payer avant impôt : 1 403,80 € - Net imposable 1 450,20 €",
            "Avance sur loyer logement de fonction : 0,00 €",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "inconnu"
    assert ex.personnes == [] and ex.montant_dette is None


def test_extra_rules_directory_adds_a_sub_prefecture_letter_style(tmp_path):
    rules = tmp_path / "regles"
    rules.mkdir()
    (rules / "sp-les-sables.toml").write_text(
        'type = "saisine_prefecture"\n'
        "[champs.reference]\n"
        'analyse = "reference"\n'
        "motifs = ['Dossier\\s+PEX\\s+(?P<v>\\d{4}-\\d{3})']\n"
        "[champs.date_limite]\n"
        'analyse = "date"\n'
        "motifs = ['rapport\\s+attendu\\s+semaine\\s+du\\s+(?P<v>{DATE})']\n",
        encoding="utf-8",
    )
    path = _pdf(
        tmp_path / "sp.pdf",
        [
            "SOUS-PRÉFECTURE DES SABLES-D'OLONNE",
            "Dossier PEX 2024-117",
            "Les Sables-d'Olonne, le 6 mai 2024",
            "Objet : enquête sociale avant audience",
            "Je vous prie de bien vouloir réaliser l'enquête sociale concernant Madame Inès CARON, "
            "demeurant 2 rue du Port 85100 Les Sables-d'Olonne (rapport attendu semaine du 27 mai 2024).",
        ],
    )
    assert extract(path).reference is None
    ex = extract(path, extra_rules_dir=rules)
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "2024-117"
    assert ex.date_limite == date(2024, 5, 27)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "CARON", "Inès")]


def test_letter_naming_the_household_in_its_object_line(tmp_path):
    path = _pdf(
        tmp_path / "ddets.pdf",
        [
            "PRÉFECTURE DE L'AUBE",
            "Pôle Logement / Prévention des expulsions",
            "Troyes, le 2 juin 2025",
            "Affaire n° 2025/EXP/0311",
            "Objet : Procédure d'expulsion – M. et Mme Jean LEROUX – diagnostic social et financier",
            "Madame, Monsieur,",
            "Suite à l'assignation délivrée par la SA HLM Aube Immobilier le 20 mai 2025, je vous saurais gré "
            "de réaliser un diagnostic social et financier du ménage LEROUX, domicilié 14 avenue Pierre "
            "Brossolette, 10000 TROYES.",
            "L'affaire sera appelée à l'audience du 8 septembre 2025 à 9 h 30 devant le tribunal judiciaire de Troyes.",
            "Date limite de réponse : 18/08/2025.",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("M.", "LEROUX", "Jean"),
        ("Mme", "LEROUX", None),
    ]
    assert ex.reference == "2025/EXP/0311"
    assert (ex.date_document, ex.date_limite, ex.date_audience, ex.heure_audience) == (
        date(2025, 6, 2),
        date(2025, 8, 18),
        date(2025, 9, 8),
        "09:30",
    )
    assert ex.juridiction == "Tribunal judiciaire de Troyes"
    assert ex.bailleur == "SA HLM Aube Immobilier" and ex.statut_occupation == "locataire_public"
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "14 avenue Pierre Brossolette",
        "10000",
        "Troyes",
    )


def test_agency_acting_for_an_individual_landlord(tmp_path):
    doc = DocxDocument()
    for text in [
        "ASSIGNATION",
        "Le 3 avril 2025,",
        "À LA REQUÊTE DE : l'Agence FONCIA Reims, agissant en qualité de mandataire de Madame Colette "
        "BERNARD épouse ROY, demeurant 3 rue Vesle 51100 Reims,",
        "Nous, Maître Claire VASSEUR, commissaire de justice à Reims, avons donné assignation à :",
        "Monsieur DUPONT Pierre, né le 02/03/1970 à Reims, et Mademoiselle LEBLANC Chloé, née le 4 juin 1992,",
        "demeurant : 12 bis, Boulevard Gambetta – Appt 3 – 51100 REIMS",
        "à comparaître à l'audience publique du Tribunal de proximité d'Épernay le 5 mai 2025 à 09h00.",
        "Pour avoir paiement de la somme de 2 450,32 € (décompte arrêté au 1er mars 2025).",
        "Le loyer mensuel actuel est de 520 euros charges comprises.",
    ]:
        doc.add_paragraph(text)
    path = tmp_path / "acte.docx"
    doc.save(path)
    ex = extract(path)
    assert ex.bailleur == "Colette BERNARD" and ex.statut_occupation == "locataire_prive"
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "DUPONT", "Pierre", date(1970, 3, 2)),
        ("Mme", "LEBLANC", "Chloé", date(1992, 6, 4)),
    ]
    assert (ex.adresse, ex.complement_adresse, ex.commune) == (
        "12 bis Boulevard Gambetta",
        "Appt 3",
        "Reims",
    )
    assert ex.juridiction == "Tribunal de proximité d'Épernay"
    assert (ex.montant_dette, ex.date_dette, ex.loyer_mensuel) == (2450.32, date(2025, 3, 1), 520.0)
    assert ex.commissaire_justice == "Claire VASSEUR"
    assert ex.champs_incertains == []


# ---------------------------------------------------------------------------- wordings seen in other études


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    doc = DocxDocument()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    doc.save(path)
    return path


def test_act_with_individual_landlord_widow_and_separate_charges(tmp_path):
    path = _docx(
        tmp_path / "acte.docx",
        [
            "ASSIGNATION À COMPARAÎTRE",
            "Le 4 mars 2025, à la requête de Monsieur Alain BRUNET, retraité, demeurant 9 chemin des Prés, "
            "17100 SAINTES,",
            "Nous, Maître Sophie CARON, Commissaire de justice, soussignée,",
            "assignons :",
            "Madame veuve Odile PERRAUD, née le 12/06/1949 à Rochefort (17)",
            "domiciliée : Résidence Les Acacias, Bât. C – 4 allée des Lilas – 17000 LA ROCHELLE",
            "à comparaître devant le Tribunal judiciaire de La Rochelle (10 rue du Palais, 17000 La Rochelle) "
            "le 15/05/2025 à 14h.",
            "Loyer hors charges : 480,00 € ; charges locatives : 35,00 €.",
            "Un commandement de payer du 3 octobre 2024 visait 900,00 €.",
            "Au 28 février 2025, date à laquelle le compte a été arrêté, l'arriéré locatif atteint 2 310,00 €.",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "assignation"
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("Mme", "PERRAUD", "Odile", date(1949, 6, 12))
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("4 allée des Lilas", "17000", "La Rochelle")
    assert ex.bailleur == "Alain BRUNET" and ex.statut_occupation == "locataire_prive"
    assert ex.loyer_mensuel == 515.0
    assert (ex.montant_dette, ex.date_dette) == (2310.0, date(2025, 2, 28))
    assert ex.date_document == date(2025, 3, 4)
    assert (ex.date_audience, ex.heure_audience) == (date(2025, 5, 15), "14:00")


def test_act_surname_first_defendant_and_hearing_in_a_table(tmp_path):
    path = _docx(
        tmp_path / "acte2.docx",
        [
            "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
            "Le 2 avril 2025",
            "À LA DEMANDE DE : Charente-Maritime Habitat, office public de l'habitat, dont le siège est "
            "1 rue du Port, 17000 La Rochelle.",
            "Nous, Maître Paul VIGNAUD, commissaire de justice, avons assigné :",
            "Monsieur TRAORE Moussa, né le 01/01/1985 à Bamako (Mali)",
            "domicilié(e) : 22 rue des Marais, 17300 ROCHEFORT",
            "Le loyer courant est de 390,00 € et 41,00 € de charges par mois.",
        ],
        table=[
            ["Juridiction", "Tribunal de proximité de Rochefort"],
            ["Date de l'audience", "jeudi 19 juin 2025"],
            ["Heure", "10:45"],
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("M.", "TRAORE", "Moussa")]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("22 rue des Marais", "17300", "Rochefort")
    assert ex.loyer_mensuel == 431.0
    assert (ex.date_audience, ex.heure_audience) == (date(2025, 6, 19), "10:45")
    assert ex.date_document == date(2025, 4, 2)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "À LA REQUÊTE DE : la SCI Les Glycines, représentée par son gérant, ayant pour mandataire de gestion\n"
            "le cabinet Immo Conseil, 4 rue Neuve, 17000 La Rochelle,",
            "SCI Les Glycines",
        ),
        (
            "REQUÉRANTE\nL'OPH du Pays Rochelais, dont le siège est 2 place Verdun,",
            "OPH du Pays Rochelais",
        ),
        (
            "délivrée à M. X, à la demande de sa propriétaire, Madame Lucienne\nFAVRE. L'audience est fixée",
            "Lucienne FAVRE",
        ),
        ("DEMANDEUR\nMonsieur Alain BRUNET, retraité, demeurant 9 chemin des Prés", "Alain BRUNET"),
        ("A LA DEMANDE DE : L'OPAC de Saintonge, Office public", "OPAC de Saintonge"),
    ],
)
def test_landlord_wordings(text, expected):
    from intake.extract import rules_for
    from intake.parsers.landlords import find_bailleur

    assert find_bailleur(text, rules_for(None)["assignation"].data)[0] == expected


def test_letter_reference_to_recall_and_ocr_spaces_in_it(tmp_path):
    from intake.engine import PARSERS

    assert PARSERS["reference"]("DDETS17/PEX/2025- 118") == "DDETS17/PEX/2025-118"
    path = _docx(
        tmp_path / "lettre.docx",
        [
            "PRÉFET DE LA CHARENTE-MARITIME",
            "Référence à reporter sur toute correspondance : SP-ROC-2025-077",
            "La Rochelle, le 3 avril 2025",
            "Objet : demande de diagnostic social et financier",
            "Une assignation a été délivrée à Madame Inès GIRAUD, demeurant 3 rue Fleuriau, 17000 LA ROCHELLE, "
            "à la demande de son bailleur, Monsieur Henri\nLAMY. Je vous saurais gré de me transmettre "
            "votre diagnostic avant le 2 mai 2025.",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "SP-ROC-2025-077"
    assert ex.bailleur == "Henri LAMY"


def test_flat_form_with_role_labels_children_and_charges(tmp_path):
    path = _docx(
        tmp_path / "fiche.docx",
        [
            "FICHE DE LIAISON - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
            "Prescripteur : Mme Laure DUVAL, assistante sociale - CCAS de Royan",
            "MÉNAGE",
            "Demandeur : Mme KOUASSI Awa, née le 02/02/1988",
            "Conjoint : M. KOUASSI Yao, né le 15/09/1984",
            "Enfant : KOUASSI Eli, né le 03/03/2016",
            "LOGEMENT",
            "Adresse : 5 rue du Bac",
            "17200 ROYAN",
            "Bailleur : SA HLM Atlantique Logis",
            "Loyer : 410,00 € Charges : 45,00 €",
            "Dette locative au 31/01/2025 : 980,00 €",
        ],
    )
    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("Mme", "KOUASSI", "Awa"),
        ("M.", "KOUASSI", "Yao"),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 1
    assert ex.loyer_mensuel == 455.0
    assert (ex.montant_dette, ex.date_dette) == (980.0, date(2025, 1, 31))
    assert (ex.adresse, ex.code_postal, ex.commune) == ("5 rue du Bac", "17200", "Royan")


def test_form_table_with_civility_in_the_role_cell(tmp_path):
    path = _docx(
        tmp_path / "fiche2.docx",
        [
            "DEMANDE D'ASLL - MAINTIEN",
            "Nom et prénom du référent : Marc OLIVIER",
            "Composition du ménage",
        ],
        table=[
            ["Qualité", "Nom", "Prénom", "Date de naissance"],
            ["Demandeuse (Madame)", "ROUX", "Léa", "04/04/1994"],
            ["Enfant", "ROUX", "Tim", "05/05/2020"],
        ],
    )
    ex = extract(path)
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "ROUX", "Léa")]
    assert ex.composition == "femme_seule" and ex.nb_enfants == 1
    assert ex.prescripteur == "Marc OLIVIER"


def test_fillable_pdf_with_generic_field_names_read_by_their_printed_labels(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "formulaire_generique.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    form = c.acroForm
    c.drawString(40, 800, "DEMANDE D'ACCOMPAGNEMENT SOCIAL LIE AU LOGEMENT (ASLL)")
    y = 770
    rows = [
        ("h", "Prescripteur"),
        ("t", "Service", "f0", "CCAS de Royan"),
        ("t", "Nom du référent", "f1", "Marc OLIVIER"),
        ("h", "Ménage"),
        ("t", "Demandeur - civilité, nom, prénom", "adulte0", "M. GOMES Rui"),
        ("t", "Demandeur - date de naissance", "adulte0_dn", "09/09/1979"),
        ("t", "Conjoint - civilité, nom, prénom", "adulte1", "Mme GOMES Ana"),
        ("h", "Logement"),
        ("t", "Adresse", "a1", "8 rue Gambetta"),
        ("t", "Code postal", "cp", "17200"),
        ("t", "Commune", "v1", "Royan"),
        ("t", "Loyer (€)", "l1", "500,00"),
        ("t", "Charges (€)", "l2", "40,00"),
        ("h", "Ressources"),
        ("t", "Salaire", "ress0", "1 350,00"),
        ("t", "Allocations familiales", "ress1", "140,00"),
    ]
    for row in rows:
        y -= 26
        c.drawString(40, y, row[1])
        if row[0] == "t":  # no tooltip: only the field's name and the printed label say what it is
            form.textfield(name=row[2], value=row[3], x=230, y=y - 4, width=250, height=18)
    y -= 26
    for x, (name, label, on) in zip(
        (40, 220), (("s0", "Locataire parc privé", True), ("s1", "Hébergé", False))
    ):
        form.checkbox(name=name, checked=on, x=x, y=y - 3, size=12)
        c.drawString(x + 16, y, label)
    c.save()

    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("M.", "GOMES", "Rui"),
        ("Mme", "GOMES", "Ana"),
    ]
    assert ex.personnes[0].date_naissance == date(1979, 9, 9)
    assert ex.composition == "couple"
    assert (ex.adresse, ex.code_postal, ex.commune) == ("8 rue Gambetta", "17200", "Royan")
    assert ex.loyer_mensuel == 540.0
    assert ex.statut_occupation == "locataire_prive"
    assert sorted((r.type, r.montant) for r in ex.ressources) == [
        ("prestations_familiales", 140.0),
        ("salaire", 1350.0),
    ]
    assert ex.prescripteur == "Marc OLIVIER" and ex.organisme_prescripteur == "CCAS de Royan"
