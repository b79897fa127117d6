"""Acts and letters laid out as the fourth round of public sources shows (corpus/sources/52
to 55): an étude's act with the information sheet of the decree of 9 May 2017 and persons
written « NOM, Prénom », a lawyer's assignation dated only in the officer's « soussigné, le
… » sentence, a DDETS-PP « bordereau d'envoi » whose table cell wraps the court's name, a
letter whose « SCI » was left at the end of a line. Each document is a real text PDF built
here; the wording follows the published pages, the households and places are invented
(other départements than the generator's families)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from intake.extract import extract


def _story(text: str, styles) -> list:
    story = []
    for para in text.strip().split("\n\n"):
        if para.strip() == "<saut>":
            story.append(PageBreak())
            continue
        story.append(Paragraph(para.replace("\n", "<br/>"), styles["BodyText"]))
        story.append(Spacer(1, 4))
    return story


def _pdf(path: Path, text: str, table: list[list[str]] | None = None, after: str = "") -> Path:
    styles = getSampleStyleSheet()
    story = _story(text, styles)
    if table:
        cells = [
            [Paragraph(c.replace("\n", "<br/>"), styles["BodyText"]) for c in r] for r in table
        ]
        t = Table(cells, colWidths=[75 * mm, 20 * mm, 60 * mm])
        t.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.4, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
        )
        story.append(t)
    if after:
        story += _story(after, styles)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _people(ex) -> list[tuple]:
    return [(p.civilite, p.nom, p.prenom) for p in ex.personnes]


# Source 55: « Signifié à : M. NOM, Prénom », the OPH spelt out with its usual name in
# brackets, and a second page listing the prevention actors' addresses.
ACTE_INFORMATION = """ACTE DE COMMISSAIRE DE JUSTICE

ASSIGNATION AUX FINS DE CONSTAT DE LA RÉSILIATION DU BAIL

Le 6 octobre 2025

À la demande de :
Office Public de l'Habitat des Landes (Habitat Landes Océanes)

Signifié à :
M. LE GALL, Jean-Pierre, Yves
Mme LE GALL, Sandrine (née ROUSSEL)
domicile : 7 rue des Arènes – 40000 MONT-DE-MARSAN

Par l'intermédiaire de Maître Claire DUCOURNAU, commissaire de justice associée au sein de
la SCP DUCOURNAU – LAFITTE, 3 place Saint-Roch – 40000 MONT-DE-MARSAN.

Le requérant a consenti un bail d'habitation portant sur le logement ci-dessus désigné, au
loyer de 491 € et 62 € de provision pour charges. Un commandement de payer une dette de
loyer de 1000 € a été délivré le 12/06/2025 ; la dette locative s'élève à 2 874,16 €
(décompte au 30/09/2025).

Le juge des contentieux de la protection du Tribunal judiciaire de Mont-de-Marsan statuera
à l'audience du 09/12/2025 à 14 h, 12 rue du Palais – 40000 Mont-de-Marsan.

<saut>

DOCUMENT D'INFORMATION

Vous êtes convoqués à l'audience du mardi neuf décembre deux mille vingt-cinq à quatorze
heures. Vous pouvez saisir les acteurs de la prévention des expulsions :

ADIL des Landes – 2 rue Victor Hugo – 40000 MONT-DE-MARSAN

Fonds de solidarité pour le logement – 23 rue Victor Hugo – 40025 MONT-DE-MARSAN CEDEX"""


def test_persons_written_name_comma_first_name_and_usual_name_in_brackets(tmp_path):
    ex = extract(_pdf(tmp_path / "acte landes.pdf", ACTE_INFORMATION))
    assert ex.type_document == "assignation"
    assert _people(ex) == [("M.", "LE GALL", "Jean-Pierre"), ("Mme", "LE GALL", "Sandrine")]
    # the name in use, not the legal body spelt out
    assert ex.bailleur == "Habitat Landes Océanes"
    # the dwelling, not the ADIL's nor the FSL's address on the information sheet
    assert (ex.adresse, ex.code_postal) == ("7 rue des Arènes", "40000")
    assert ex.date_audience == date(2025, 12, 9) and ex.heure_audience == "14:00"
    assert ex.montant_dette == 2874.16 and ex.loyer_mensuel == 553.0
    assert not {"personnes", "bailleur"} & set(ex.champs_incertains)


def test_registration_number_in_brackets_is_not_the_landlord(tmp_path):
    text = ACTE_INFORMATION.replace(
        "Office Public de l'Habitat des Landes (Habitat Landes Océanes)",
        "SA d'HLM MAISONS DE L'ADOUR (RCS Mont-de-Marsan 312 456 789)",
    )
    ex = extract(_pdf(tmp_path / "acte landes rcs.pdf", text))
    assert ex.bailleur == "MAISONS DE L'ADOUR"


# Source 54: the act's date is only in the officer's sentence; the list of exhibits after
# the claims carries other dates (lease, commandement, decompte, notice to the préfet).
ACTE_AVOCAT = """Maître Paul ETCHEVERRY
Avocat au Barreau de Bayonne
9 rue Thiers – 64100 BAYONNE

ASSIGNATION EN RÉFÉRÉ

DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION DU TRIBUNAL JUDICIAIRE DE BAYONNE

À LA REQUÊTE DE :
La SCI ARRAMENDY, société civile immobilière dont le siège est 4 allée Marines – 64100
BAYONNE, représentée par son gérant.

Ayant pour avocat Maître Paul ETCHEVERRY, avocat au barreau de Bayonne.

J'ai, Maître Iñaki BERGARA, commissaire de justice associé, SELARL BERGARA, soussigné, le
14 octobre 2025,

DONNÉ ASSIGNATION À :
Madame ARANA Maite, née le 02/05/1986 à Bayonne, aide-soignante
demeurant 22 avenue de la Légion Tchèque – 64100 BAYONNE

D'AVOIR À COMPARAÎTRE à l'audience des référés du juge des contentieux de la protection du
Tribunal judiciaire de Bayonne, le mardi 16 décembre 2025 à 09H30.

Suivant acte sous seing privé du 01/03/2021, le requérant a donné à bail le logement moyennant
un loyer mensuel révisable de 612,40 € outre 48,00 € de provisions sur charges. Selon
décompte arrêté au 30/09/2025, la locataire reste devoir la somme de 3 306,20 €.

BORDEREAU DES PIÈCES COMMUNIQUÉES
1. Contrat de location du 01/03/2021
2. Commandement de payer du 18/06/2025
3. Décompte locatif arrêté au 30/09/2025
4. Notification au représentant de l'État du 15/10/2025"""


def test_act_dated_in_the_officers_soussigne_sentence(tmp_path):
    ex = extract(_pdf(tmp_path / "assignation bayonne.pdf", ACTE_AVOCAT))
    assert ex.type_document == "assignation"
    assert ex.date_document == date(2025, 10, 14)
    assert "date_document" not in ex.champs_incertains
    assert ex.bailleur == "SCI ARRAMENDY"
    assert _people(ex) == [("Mme", "ARANA", "Maite")]
    assert ex.date_audience == date(2025, 12, 16)


# Source 52: a bordereau d'envoi whose observations cell wraps the court's name; the
# reader gives the kind and the seat on two lines with another cell's words between.
BORDEREAU = """PRÉFET DES LANDES
Direction départementale de l'emploi, du travail, des solidarités et de la protection des
populations – Service logement
N° d'enregistrement : DDETSPP40/EXP/0418

Mont-de-Marsan, le 10 octobre 2025

BORDEREAU D'ENVOI

Objet : expulsion locative – transmission d'une assignation

Locataire(s) assigné(s) : Mme DARRIGADE Josiane
Adresse des lieux loués : 5 rue Lesbazeilles – 40000 MONT-DE-MARSAN
Propriétaire : Habitat Landes Océanes"""
TABLE = [
    ["Désignation des pièces", "Nombre", "Observations"],
    [
        "Copie de l'assignation délivrée le 06/10/2025 par Maître Claire DUCOURNAU, commissaire "
        "de justice",
        "1",
        "Audience du 09/12/2025 à 14 h –\nTribunal judiciaire\nde Mont-de-Marsan",
    ],
    ["Décompte locatif arrêté au 30/09/2025", "1", "Dette : 2 874,16 €"],
]
APRES = """Pour réalisation du diagnostic social et financier, à retourner avant le 25/11/2025.

Pour le Préfet et par délégation"""


def test_court_in_a_wrapped_table_cell_is_read_whole(tmp_path):
    ex = extract(_pdf(tmp_path / "bordereau landes.pdf", BORDEREAU, TABLE, APRES))
    assert ex.type_document == "saisine_prefecture"
    # the cell wraps over three lines; its row is read across, the cell whole
    assert ex.juridiction == "Tribunal judiciaire de Mont-de-Marsan"
    assert "juridiction" not in ex.champs_incertains
    assert _people(ex) == [("Mme", "DARRIGADE", "Josiane")]
    assert ex.date_audience == date(2025, 12, 9)


LETTRE_SCI = """PRÉFET DES LANDES
Direction départementale de l'emploi, du travail et des solidarités
Mission accès au logement

Mont-de-Marsan, le 14 octobre 2025

Objet : prévention des expulsions – assignation en résiliation de bail

Madame, Monsieur,

Par acte de Maître Claire DUCOURNAU, commissaire de justice, en date du 6 octobre 2025, la SCI
LE CLOS DES VIGNES a fait assigner Monsieur BARRÈRE Julien devant le juge des contentieux de la
protection du Tribunal judiciaire de Mont-de-Marsan en vue de la résiliation du bail du
logement qu'il occupe au 3 rue Gambetta, 40000 Mont-de-Marsan.

L'audience est fixée au mardi 9 décembre 2025 à 9 h 30. Je vous saurais gré de me faire
parvenir votre diagnostic avant le 25/11/2025."""


def test_sci_left_at_the_end_of_a_line_stays_in_the_landlords_name(tmp_path):
    ex = extract(
        _pdf(tmp_path / "lettre sci.pdf", LETTRE_SCI.replace("la SCI\nLE", "la SCI<br/>LE"))
    )
    assert ex.type_document == "saisine_prefecture"
    assert ex.bailleur == "SCI LE CLOS DES VIGNES"
    assert ex.statut_occupation == "locataire_prive"


# A préfecture letter (Haute-Garonne style) that tells the case in sentences: the couple
# after « informer que », the landlord after « leur bailleur, », the hearing without its year.
LETTRE_SANS_ANNEE = """PRÉFET DE LA HAUTE-GARONNE
Direction départementale de l'emploi, du travail et des solidarités
Bureau de la prévention des expulsions locatives

Toulouse, le 3 novembre 2025

Nos réf. : PEL/31/2025/1187

Objet : Assignation aux fins de résiliation de bail – Enquête sociale

Madame, Monsieur,

J'ai l'honneur de vous informer que Monsieur et Madame FABRE Thierry et Nadia, demeurant
Résidence Les Pins, bâtiment C, 12 allée des Sorbiers à Colomiers (31770), font l'objet d'une
assignation devant le Tribunal judiciaire de Toulouse, à la requête de leur bailleur, la
société PATRIMOINE SA LANGUEDOCIENNE.

L'audience aura lieu le 9 décembre prochain à 14 heures 30.

Le montant de la dette locative s'élève à 2.874,16 euros au 31 octobre 2025 pour un loyer
mensuel de 512,30 euros charges comprises.

Je vous serais obligé de bien vouloir procéder à l'enquête sociale de ce ménage et de me
faire parvenir votre rapport pour le 24 novembre 2025, délai de rigueur."""


def test_letter_couple_after_informer_que_landlord_after_leur_bailleur(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre toulouse.pdf", LETTRE_SANS_ANNEE))
    assert ex.type_document == "saisine_prefecture"
    assert _people(ex) == [("M.", "FABRE", "Thierry"), ("Mme", "FABRE", "Nadia")]
    assert ex.bailleur == "PATRIMOINE SA LANGUEDOCIENNE"
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "12 allée des Sorbiers",
        "31770",
        "Colomiers",
    )
    assert not {"personnes", "bailleur"} & set(ex.champs_incertains)


def test_hearing_without_its_year_takes_the_year_after_the_letter(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre toulouse.pdf", LETTRE_SANS_ANNEE))
    # « le 9 décembre prochain », written on 3 November 2025: 9 December 2025, not the
    # debt's date read across the sentence
    assert ex.date_audience == date(2025, 12, 9) and ex.heure_audience == "14:30"
    assert "date_audience" not in ex.champs_incertains
    # without « prochain » the year is still inferred, but a person checks it
    text = LETTRE_SANS_ANNEE.replace("le 9 décembre prochain", "le mardi 9 décembre").replace(
        "le 3 novembre 2025", "le 3 décembre 2025"
    )
    ex = extract(_pdf(tmp_path / "lettre toulouse 2.pdf", text))
    assert ex.date_audience == date(2025, 12, 9)
    assert "date_audience" in ex.champs_incertains


# A Bas-Rhin letter: the floor written before the street (« au 3ème étage du 14 rue … »), the
# landlord after « que lui loue », the debt in figures then in words in brackets.
LETTRE_ETAGE = """PRÉFET DU BAS-RHIN
Direction départementale de l'emploi, du travail et des solidarités
Mission prévention des expulsions

Strasbourg, le 7 novembre 2025

Réf. : MPE/67/25-2291

Objet : demande de diagnostic social et financier

Madame la Présidente,

L'étude de Maître Hugo SCHNEIDER, commissaire de justice à Strasbourg, m'a transmis
l'assignation délivrée le 30 octobre 2025 à Monsieur KLEIN Patrick, né le 14/02/1971, pour
le logement situé au 3ème étage du 14 rue de la Forêt à 67100 STRASBOURG, que lui loue
HABITAT DE L'ILL.

La dette s'élevant à la somme de 3.120 € (trois mille cent vingt euros) au 15 octobre 2025,
pour un loyer de 540 € par mois charges comprises, le bailleur demande la résiliation du
bail.

L'audience est fixée au lundi 15 décembre 2025 à 8 heures 45 devant le juge des contentieux
de la protection du tribunal judiciaire de Strasbourg."""


def test_floor_before_the_street_landlord_que_lui_loue_debt_repeated_in_words(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre strasbourg.pdf", LETTRE_ETAGE))
    assert ex.type_document == "saisine_prefecture"
    # before: street "3ème", complement "étage du 14 rue de la Forêt à", not flagged
    assert (ex.adresse, ex.complement_adresse) == ("14 rue de la Forêt", "3ème étage")
    assert (ex.code_postal, ex.commune) == ("67100", "Strasbourg")
    assert ex.bailleur == "HABITAT DE L'ILL"
    assert (ex.montant_dette, ex.date_dette) == (3120.0, date(2025, 10, 15))
    assert not {"adresse", "bailleur", "montant_dette", "date_dette"} & set(ex.champs_incertains)


# A sous-préfecture letter: the officer named in apposition, a house « au lieu-dit » with no
# street number, two landlords « ses bailleurs, M. et Mme X » cut after « et » by the line.
LETTRE_LIEU_DIT = """SOUS-PRÉFECTURE DE DAX
Bureau de la cohésion sociale

Dax, le 18 novembre 2025

Nos références : SPD/EXP/2025/311

Objet : Prévention des expulsions locatives – demande d'enquête sociale

Madame, Monsieur,

Le commissaire de justice, Maître Julien DUPRAT, m'a dénoncé l'assignation délivrée le
12 novembre 2025 à Mme Josiane DARRIGADE veuve LABORDE, occupant une maison au lieu-dit
Le Bourg, 40090 BOUGUE, à la demande de ses bailleurs, M. et Mme LAFITTE Jean-Marc et
Hélène.

L'audience aura lieu le 12 janvier 2026 à 9 h 30 devant le juge des contentieux de la
protection du tribunal judiciaire de Mont-de-Marsan.

Je vous remercie de me faire parvenir votre enquête pour le 22 décembre 2025."""


def test_officer_in_apposition_house_at_a_lieu_dit_two_landlords(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre dax.pdf", LETTRE_LIEU_DIT))
    assert ex.type_document == "saisine_prefecture"
    assert ex.commissaire_justice == "Julien DUPRAT"
    assert (ex.code_postal, ex.commune) == ("40090", "Bougue")
    assert "Le Bourg" in ex.adresse
    # the first landlord named, for a person to check (two landlords)
    assert ex.bailleur == "Jean-Marc LAFITTE" and "bailleur" in ex.champs_incertains
    assert ex.statut_occupation == "locataire_prive"
    assert _people(ex) == [("Mme", "DARRIGADE", "Josiane")]


# A DDETS-PP letter naming the household and the dwelling only in its object line; the body
# speaks of « le ménage susvisé ».
LETTRE_OBJET = """PRÉFET DU GARD
Direction départementale de l'emploi, du travail, des solidarités et de la protection des
populations

Nîmes, le 6 novembre 2025

Objet : Expulsion locative – Mme SOLER Marie-Claire – 4 rue de la Madeleine, 30000 Nîmes
Réf. : DDETSPP30/PEL/2025-0456

Madame, Monsieur,

L'assignation du ménage susvisé, délivrée le 27 octobre 2025 par Maître Arnaud ROUX,
commissaire de justice, à la requête de la SCI LES OLIVIERS, m'a été notifiée.

L'affaire sera appelée à l'audience du 8 janvier 2026 à 9h devant le juge des contentieux
de la protection du tribunal judiciaire de Nîmes.

Je vous saurais gré de réaliser le diagnostic social et financier et de me l'adresser au
plus tard le 15 décembre 2025."""


def test_dwelling_named_only_in_the_object_line(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre nimes.pdf", LETTRE_OBJET))
    assert ex.type_document == "saisine_prefecture"
    assert _people(ex) == [("Mme", "SOLER", "Marie-Claire")]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("4 rue de la Madeleine", "30000", "Nîmes")
    assert not {"adresse", "code_postal", "commune"} & set(ex.champs_incertains)


def test_blank_line_after_an_article_does_not_end_the_landlord(tmp_path):
    # OCR of a scanned letter leaves a blank line in the middle of the sentence
    # (« à la requête de leur bailleur, la⏎⏎société X »): before, the landlord was « la »
    text = LETTRE_SANS_ANNEE.replace("bailleur, la\nsociété", "bailleur, la\n\nsociété")
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)  # the empty line stays an empty paragraph
    d.save(tmp_path / "lettre coupee.docx")
    ex = extract(tmp_path / "lettre coupee.docx")
    assert ex.type_document == "saisine_prefecture"
    assert ex.bailleur == "PATRIMOINE SA LANGUEDOCIENNE"


def test_em_dash_in_the_object_line_ends_the_tenants_name(tmp_path):
    text = LETTRE_OBJET.replace(
        "locative – Mme SOLER Marie-Claire – 4", "locative — Mme SOLER Marie-Claire — 4"
    )
    ex = extract(_pdf(tmp_path / "lettre tirets.pdf", text))
    assert _people(ex) == [("Mme", "SOLER", "Marie-Claire")]
    assert ex.adresse == "4 rue de la Madeleine"


# A préfecture « fiche de transmission »: each person field by field on labelled lines, the
# postcode's line with its own label.
FICHE_TRANSMISSION = """PRÉFET DU RHÔNE
Direction départementale de l'emploi, du travail et des solidarités
Service prévention des expulsions

Lyon, le 20 octobre 2025

FICHE DE TRANSMISSION – DIAGNOSTIC SOCIAL ET FINANCIER

N° de dossier : EXP-69-2025-07781

Nom du locataire : BOUCHER
Prénom : Mélissa
Date de naissance : 11/07/1992
Nom du co-locataire : BOUCHER
Prénom : Kévin
Adresse : 17 rue Paul Bert, appartement 42
Code postal / Commune : 69200 VÉNISSIEUX
Bailleur : LYON MÉTROPOLE HABITAT
Commissaire de justice : Maître Claire VIAL
Juridiction : Tribunal judiciaire de Lyon
Audience le : 09/12/2025 à 09 H 30

Diagnostic à retourner avant le 25/11/2025."""


def test_persons_on_labelled_lines_and_the_postcodes_own_label(tmp_path):
    ex = extract(_pdf(tmp_path / "fiche lyon.pdf", FICHE_TRANSMISSION))
    assert ex.type_document == "saisine_prefecture"
    # before: one person « BOUCHER Prénom »
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("BOUCHER", "Mélissa", date(1992, 7, 11)),
        ("BOUCHER", "Kévin", None),
    ]
    assert "personnes" not in ex.champs_incertains
    # before: complement « appartement 42 Code postal / Commune »
    assert (ex.adresse, ex.complement_adresse) == ("17 rue Paul Bert", "appartement 42")
    assert (ex.code_postal, ex.commune) == ("69200", "Vénissieux")
    # « Audience le : … »: a summary line like « Audience : … », read without doubt
    assert (ex.date_audience, ex.heure_audience) == (date(2025, 12, 9), "09:30")
    assert "date_audience" not in ex.champs_incertains


# A DDETS request sent as an e-mail and printed: the date only in « Envoyé : », the landlord
# and the dwelling in « locataire de X au … »; « À : » names the recipient, not the tenant.
COURRIEL = """De : DDETS 44 - Prévention des expulsions <ddets-pex@loire-atlantique.gouv.fr>
Envoyé : mardi 4 novembre 2025 10:12
À : Service ASLL <asll@habitat-insertion.fr>
Objet : DSF – assignation M. GUÉGUEN Yannick – audience du 13/01/2026

Bonjour,

Préfecture de la Loire-Atlantique – DDETS. Vous trouverez en pièce jointe l'assignation
délivrée le 28/10/2025 par Maître Yann LE BIHAN, commissaire de justice, à M. GUÉGUEN
Yannick, locataire de NANTES MÉTROPOLE HABITAT au 6 rue de la Ville-en-Bois, 44100 Nantes.

Audience : 13/01/2026 à 9h30, Tribunal judiciaire de Nantes.
Dette : 1 876,45 € au 30/09/2025 ; loyer : 402,10 € charges comprises.

Merci de nous transmettre le diagnostic social et financier avant le 22/12/2025."""


def test_printed_email_sent_date_landlord_and_dwelling_after_locataire_de(tmp_path):
    ex = extract(_pdf(tmp_path / "courriel ddets.pdf", COURRIEL))
    assert ex.type_document == "saisine_prefecture"
    assert ex.date_document == date(2025, 11, 4)
    assert ex.bailleur == "NANTES MÉTROPOLE HABITAT"
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "6 rue de la Ville-en-Bois",
        "44100",
        "Nantes",
    )
    assert _people(ex) == [("M.", "GUÉGUEN", "Yannick")]
    assert ex.champs_incertains == []


def test_word_table_cell_address_lines_run_together_keep_the_flat(tmp_path):
    # a sous-préfecture letter in Word whose summary table holds the address on three
    # lines of one cell; read together, « appt 14 » came before the street number and was
    # lost from the complement without a flag
    d = docx.Document()
    for line in [
        "PRÉFET DE LA GIRONDE",
        "Sous-préfecture de Libourne",
        "Libourne, le 12 novembre 2025",
        "Objet : Procédure d'expulsion – demande d'enquête sociale",
        "Madame, Monsieur,",
        "Je vous prie de trouver ci-dessous les éléments de l'assignation reçue :",
    ]:
        d.add_paragraph(line)
    rows = [
        ("Locataire(s)", "Monsieur DUPOUY Franck\nMadame LARRIEU Céline"),
        ("Adresse", "Résidence du Port, appt 14\n3 quai du Priourat\n33500 LIBOURNE"),
        ("Bailleur", "SCI DU PRIOURAT représentée par son gérant M. Alain DESCAZEAUX"),
        ("Dette", "3 245,10 € (au 31/10/2025)"),
        ("Audience", "Mardi 13 janvier 2026 – 14h00 – TJ de Libourne"),
    ]
    t = d.add_table(rows=len(rows), cols=2)
    for i, (label, value) in enumerate(rows):
        t.cell(i, 0).text, t.cell(i, 1).text = label, value
    d.add_paragraph("Je vous remercie de me communiquer votre rapport avant le 19 décembre 2025.")
    d.save(tmp_path / "lettre libourne.docx")
    ex = extract(tmp_path / "lettre libourne.docx")
    assert ex.type_document == "saisine_prefecture"
    assert (ex.adresse, ex.complement_adresse) == (
        "3 quai du Priourat",
        "Résidence du Port, appt 14",
    )
    assert ex.bailleur == "SCI DU PRIOURAT"
    assert _people(ex) == [("M.", "DUPOUY", "Franck"), ("Mme", "LARRIEU", "Céline")]


def test_debt_line_with_decompte_du_is_read_without_doubt(tmp_path):
    text = FICHE_TRANSMISSION.replace(
        "Audience le :", "Montant de la dette : 3 412,08 € (décompte du 30/09/2025)\nAudience le :"
    )
    ex = extract(_pdf(tmp_path / "fiche dette.pdf", text))
    assert (ex.montant_dette, ex.date_dette) == (3412.08, date(2025, 9, 30))
    # before: both right but flagged (the date came from a weak pattern only)
    assert not {"montant_dette", "date_dette"} & set(ex.champs_incertains)


# An Isère letter: a paragraph opening on « Mme et M. NOM Prénom et Prénom » (she first),
# « ont été assignés le … par la Société X (SDH) », dates with dots.
LETTRE_MME_ET_M = """PRÉFÈTE DE L'ISÈRE
Direction départementale de l'emploi, du travail et des solidarités
Service logement – Prévention des expulsions

Grenoble, le 05.11.2025

N/Réf. : 38-PEX-2025-1442

Objet : saisine pour diagnostic social et financier

Madame, Monsieur,

Mme et M. N'DIAYE Aïssatou et Amadou, locataires d'un logement sis Cité des Fleurs, bât. 4,
38100 GRENOBLE, ont été assignés le 28.10.2025 par la Société Dauphinoise pour l'Habitat
(SDH), représentée par Maître Hélène BRUN, avocat.

L'audience se tiendra le 13.01.2026 à 9h00, salle 3, au tribunal judiciaire de Grenoble.
La dette s'élève à 2 615,40 € (arrêtée au 30.09.2025) pour un loyer de 498,70 €.

Je vous saurais gré de me transmettre votre diagnostic au plus tard le 19.12.2025."""


def test_couple_she_named_first_and_landlord_after_ont_ete_assignes_par(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre grenoble.pdf", LETTRE_MME_ET_M))
    assert ex.type_document == "saisine_prefecture"
    assert _people(ex) == [("Mme", "N'DIAYE", "Aïssatou"), ("M.", "N'DIAYE", "Amadou")]
    # the short name the letter gives in brackets, not the lawyer named after it
    assert ex.bailleur == "SDH"
    assert (ex.adresse, ex.code_postal) == ("Cité des Fleurs", "38100")
    assert not {"personnes", "bailleur"} & set(ex.champs_incertains)


# An Ain letter: « a saisi le tribunal », the tenant after « résiliation du bail de », the
# arrears without a date, the hearing « à 9 heures et demie » (figures, then words).
LETTRE_AIN = """PRÉFET DE L'AIN
Direction départementale de l'emploi, du travail, des solidarités et de la protection des
populations – Cellule prévention des expulsions

Bourg-en-Bresse, le 17 novembre 2025

Réf : CPE01/2025/0877

Objet : Demande d'enquête sociale – procédure d'expulsion locative

Madame la Directrice,

Par assignation du 10 novembre 2025, DYNACITÉ, bailleur social, a saisi le tribunal
judiciaire de Bourg-en-Bresse aux fins de résiliation du bail de Monsieur Loïc GAUTHIER,
locataire d'un appartement situé 5 allée des Tilleuls à Oyonnax (01100).

Le loyer mensuel hors charges est de 412,50 € et les charges de 78,20 €. L'arriéré de loyers
s'élève à 2 345,00 €, terme d'octobre inclus.

L'audience est prévue le vendredi 16 janvier 2026 à 9 heures et demie.

Je vous remercie de bien vouloir me faire parvenir votre enquête avant le 22 décembre 2025."""


def test_hearing_at_9_heures_et_demie_tenant_after_bail_de_landlord_a_saisi(tmp_path):
    ex = extract(_pdf(tmp_path / "lettre ain.pdf", LETTRE_AIN))
    assert ex.type_document == "saisine_prefecture"
    # before: 09:00, not flagged
    assert (ex.date_audience, ex.heure_audience) == (date(2026, 1, 16), "09:30")
    assert _people(ex) == [("M.", "GAUTHIER", "Loïc")]
    assert ex.bailleur == "DYNACITÉ"
    assert (ex.montant_dette, ex.date_dette) == (2345.0, None)
    assert not {"personnes", "bailleur", "montant_dette", "heure_audience"} & set(
        ex.champs_incertains
    )


# An act of a Clermont-Ferrand étude: « Apt 31 » (one p) after the residence, the debt in
# a sentence that opens on its date and says « reste redevable ».
ACTE_APT = """SCP ARNAUD – BESSON, Commissaires de Justice associés
4 place de la République – 63000 CLERMONT-FERRAND

ACTE D'ASSIGNATION

L'an deux mil vingt-cinq et le vingt-neuf du mois d'octobre

À LA DEMANDE DE :
La Société Anonyme d'Habitations à Loyer Modéré OPHIS, ci-après dénommée « le Bailleur », dont
le siège social est 1 rue Louis Rosier à CLERMONT-FERRAND (63000),

Nous, SCP ARNAUD – BESSON, titulaire d'un office de Commissaire de justice, représentée par
Maître Cécile BESSON, l'un d'eux, soussignée,

AVONS DONNÉ ASSIGNATION À :
Mademoiselle Océane MEUNIER, née le 17 février 2001 à Riom (63), étudiante, demeurant et
domiciliée 23 rue du Port, Résidence Les Volcans, Apt 31, 63000 CLERMONT-FERRAND

À COMPARAÎTRE devant le Juge des contentieux de la protection près le Tribunal judiciaire de
Clermont-Ferrand, à l'audience du mercredi 7 janvier 2026 à 13 h 30.

Le loyer mensuel est de 389,60 € provisions sur charges comprises. Au 15 octobre 2025, la
défenderesse reste redevable de la somme de 1 558,40 €, soit quatre mois de loyers."""


def test_apt_with_one_p_stays_in_the_complement_and_debt_dated_before_redevable(tmp_path):
    ex = extract(_pdf(tmp_path / "acte clermont.pdf", ACTE_APT))
    assert ex.type_document == "assignation"
    # before: « Apt 31 » dropped from the complement without a flag
    assert (ex.adresse, ex.complement_adresse) == (
        "23 rue du Port",
        "Résidence Les Volcans, Apt 31",
    )
    assert (ex.montant_dette, ex.date_dette) == (1558.4, date(2025, 10, 15))
    assert not {"montant_dette", "date_dette", "adresse"} & set(ex.champs_incertains)
