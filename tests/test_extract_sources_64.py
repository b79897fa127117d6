"""Where acts and letters write their reference and their date (corpus/sources/64 to 66):
an étude's act laid out by the 2010 norms (the étude's refs and print date in a footer in
its wide left margin, one « modalités de remise » sheet per person served, each with its
own date), a préfecture letter in the administrative form (V/Réf. then N/Réf., a « Réf. : »
line that recalls texts, the date at the top without « le » or only at the end), a DDETS
letter printed from EXPLOC (a cartouche with the date and three file numbers, a print date
in the footer). Each document is a real text PDF built here, in départements the
generator's families do not use; households and numbers are invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from intake.extract import extract

W, H = A4


def _page(c, lines, x=22 * mm, top=H - 25 * mm, size=10, step=5 * mm) -> None:
    """Lines at the left; a line given as (x_mm, text) is drawn at that x on the same row as
    the previous one (a cartouche's second column), as (x_mm, text, "entre") half a row
    lower, between two rows (a margin's word beside the body, at its own height)."""
    c.setFont("Helvetica", size)
    y = top
    for line in lines:
        if isinstance(line, tuple):
            c.drawString(line[0] * mm, y + (step / 2 if len(line) > 2 else step), line[1])
            continue
        c.drawString(x, y, line)
        y -= step


def _pdf(path: Path, pages: list[list], x=22 * mm) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for i, lines in enumerate(pages):
        if i:
            c.showPage()
        _page(c, lines, x=x)
    c.save()
    return path


# ------------------------------------------------------------------ source 64: the étude's act

ACTE_P1 = [
    "ASSIGNATION EN CONSTAT DE RÉSILIATION DE BAIL ET EXPULSION",
    "(articles 54 et 56 du code de procédure civile ; article 24 de la loi n° 89-462",
    "du 6 juillet 1989)",
    "À LA REQUÊTE DE :",
    "L'Office Public de l'Habitat de la Haute-Vienne, dit « ODHAC 87 », dont le siège",
    "est à Limoges, agissant poursuites et diligences de son directeur général.",
    "J'ai, Maître Pascal DEBORD, commissaire de justice associé au sein de la SELARL",
    "DEBORD – FAUCHER, 9 rue Jean Jaurès, 87000 Limoges, soussigné,",
    "DONNÉ ASSIGNATION À :",
    "1°) Madame Sylvie VERGNE, née le 3 avril 1979 à Guéret (23), aide-soignante,",
    "2°) Monsieur Didier VERGNE, né le 12 juin 1977 à Limoges (87), chauffeur,",
    "demeurant ensemble Bâtiment B, 14 rue Émile Zola, 87100",
    (8, "COPIE", "entre"),
    "LIMOGES.",
    "D'AVOIR À COMPARAÎTRE devant le juge des contentieux de la protection du Tribunal",
    "judiciaire de Limoges, place d'Aine, 87000 Limoges, à l'audience du mardi",
    "16 décembre 2025 à 9 h 30.",
    "Par acte sous seing privé du 02/02/2021, le requérant a donné à bail aux défendeurs",
    "le logement ci-dessus désigné moyennant un loyer mensuel de 402,10 € outre 61,90 €",
    "de provision sur charges.",
    "Un commandement de payer visant la clause résolutoire leur a été délivré le 12/05/2025",
    "pour la somme de 1 391,00 € ; il est demeuré infructueux.",
    "Selon le décompte arrêté au 30/09/2025, les défendeurs restent devoir la somme de",
    "2 958,44 € au titre des loyers et charges impayés.",
    "N° 2541877 – ASSEXP",
    "PT – édité le 10/10/2025 – p. 1",
]


def _remise(qui: str, quand: str, comment: str) -> list[str]:
    return [
        "MODALITÉS DE REMISE DE L'ACTE",
        "Acte       Assignation en constat de résiliation de bail et expulsion",
        "Requérant  ODHAC 87",
        f"Destinataire  {qui}",
        f"Date de signification  {quand}",
        comment,
        "Maître Pascal DEBORD",
        "N° 2541877 – ASSEXP",
        "PT – édité le 10/10/2025",
    ]


def test_act_served_on_two_days_is_dated_by_its_first_service_and_flagged(tmp_path):
    # no date at the head of the act: its only dates of service are on the sheets, the
    # later one first; the commandement « délivré le … » and the print date are not it
    pages = [
        [line for line in ACTE_P1 if not isinstance(line, tuple)],
        _remise(
            "Monsieur Didier VERGNE",
            "16/10/2025",
            "Copie déposée en l'étude, avis de passage laissé au domicile.",
        ),
        _remise("Madame Sylvie VERGNE", "14/10/2025", "Signification à personne."),
    ]
    ex = extract(_pdf(tmp_path / "assignation VERGNE.pdf", pages))
    assert ex.type_document == "assignation"
    assert ex.date_document == date(2025, 10, 14)
    assert "date_document" in ex.champs_incertains
    # the étude's own file number is no reference (no RG number on the act)
    assert ex.reference is None
    assert ex.date_audience == date(2025, 12, 16)


def test_act_served_on_one_day_is_not_flagged_for_it(tmp_path):
    pages = [
        [line for line in ACTE_P1 if not isinstance(line, tuple)],
        _remise("Madame Sylvie VERGNE", "14/10/2025", "Signification à personne."),
        _remise("Monsieur Didier VERGNE", "14/10/2025", "Signification à personne."),
    ]
    ex = extract(_pdf(tmp_path / "assignation VERGNE.pdf", pages))
    assert ex.date_document == date(2025, 10, 14)
    assert "date_document" not in ex.champs_incertains


def test_margin_word_read_between_the_postcode_and_the_town(tmp_path):
    # the text layer reads the act's margin (« COPIE ») between « 87100 » and « LIMOGES. »
    pages = [ACTE_P1, _remise("Madame Sylvie VERGNE", "14/10/2025", "Signification à personne.")]
    ex = extract(_pdf(tmp_path / "assignation VERGNE.pdf", pages))
    assert (ex.code_postal, ex.commune) == ("87100", "Limoges")
    assert ex.adresse == "14 rue Émile Zola"
    assert "commune" in ex.champs_incertains  # put back from another line: checked by a person


# ------------------------------------------------------- source 65: the administrative letter


def _lettre_tarbes(refs: list[str], date_haut: str | None, fin: list[str], tampon=False):
    lines = [
        "PRÉFET DES HAUTES-PYRÉNÉES",
        "Direction départementale de l'emploi, du travail, des solidarités",
        "et de la protection des populations",
        "Affaire suivie par : M. Laurent ABADIE",
        *refs,
    ]
    if date_haut:
        lines.append((120, date_haut))
    if tampon:
        lines.append("COURRIER ARRIVÉ LE 22 octobre 2025")
    lines += [
        "CCAS de Lourdes – Service social",
        "2 place du Champ Commun – 65100 LOURDES",
        "Objet : demande de diagnostic social et financier",
        "Réf. : article 24 de la loi n° 89-462 du 6 juillet 1989",
        "Madame la Directrice,",
        "Par acte de Maître Hélène CAZAUX, commissaire de justice, délivré le 2 octobre 2025,",
        "la SCI DU PIC DU MIDI a fait assigner Madame Chantal LACOSTE devant le juge des",
        "contentieux de la protection du Tribunal judiciaire de Tarbes. Le logement est situé",
        "8 rue Massey, 65000 Tarbes. Le loyer mensuel, charges comprises, est de 545,00 €.",
        "La dette locative s'élevait à 2 180,00 € au 30 septembre 2025.",
        "L'affaire sera appelée à l'audience du mardi 9 décembre 2025 à 14 h.",
        "Je vous remercie de me faire parvenir le diagnostic au plus tard le 25 novembre 2025.",
        *fin,
        "Pour le préfet et par délégation,",
    ]
    return lines


def test_our_reference_after_the_addressees_and_a_line_recalling_texts(tmp_path):
    # « V/Réf. » is the addressee's; « Réf. : article 24 … » recalls a text: neither is the
    # préfecture's file number, and neither makes it doubtful
    lines = _lettre_tarbes(
        ["V/Réf. : CCAS-2025-77", "N/Réf. : DDETSPP65/PEL/2025-0412"],
        "Tarbes, le 14 octobre 2025",
        [],
    )
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [lines]))
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "DDETSPP65/PEL/2025-0412"
    assert "reference" not in ex.champs_incertains
    assert ex.date_document == date(2025, 10, 14)


def test_letter_dated_without_le_beside_an_arrival_stamp(tmp_path):
    # « Tarbes, 14 octobre 2025 » (no « le ») at the top right; the office's stamp
    # « COURRIER ARRIVÉ LE … » printed on the page is not the letter's date
    lines = _lettre_tarbes(
        ["N/Réf. : DDETSPP65/PEL/2025-0412"], "Tarbes, 14 octobre 2025", [], tampon=True
    )
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [lines]))
    assert ex.date_document == date(2025, 10, 14)


def test_plural_references_label_and_a_letter_dated_fait_le_at_its_end(tmp_path):
    lines = _lettre_tarbes(
        ["Références : SPA-BAGNERES/2025/118"], None, ["Fait le 14 octobre 2025"]
    )
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [lines]))
    assert ex.reference == "SPA-BAGNERES/2025/118"
    assert ex.date_document == date(2025, 10, 14)


def test_landlord_spelt_out_cut_after_office_and_a_name_in_capitals_cut_at_et(tmp_path):
    base = _lettre_tarbes(["N/Réf. : DDETSPP65/PEL/2025-0412"], "Tarbes, le 14 octobre 2025", [])
    i = base.index(
        "Par acte de Maître Hélène CAZAUX, commissaire de justice, délivré le 2 octobre 2025,"
    )
    office = (
        base[:i]
        + [
            "Par acte de Maître Hélène CAZAUX, commissaire de justice, délivré le 2 octobre 2025, l'Office",
            "Public de l'Habitat des Hautes-Pyrénées (Hautes-Pyrénées Habitat) a fait assigner Madame",
            "Chantal LACOSTE devant le juge des contentieux de la protection du Tribunal judiciaire",
            "de Tarbes. Le logement est situé 8 rue Massey, 65000 Tarbes.",
        ]
        + base[i + 4 :]
    )
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [office]))
    assert ex.bailleur == "Hautes-Pyrénées Habitat"
    caps = (
        base[:i]
        + [
            "Par acte de Maître Hélène CAZAUX, commissaire de justice, délivré le 2 octobre 2025, HABITAT ET",
            "HUMANISME a fait assigner Madame Chantal LACOSTE devant le juge des contentieux de la",
            "protection du Tribunal judiciaire de Tarbes. Le logement est situé 8 rue Massey,",
            "65000 Tarbes.",
        ]
        + base[i + 4 :]
    )
    ex = extract(_pdf(tmp_path / "courrier LACOSTE 2.pdf", [caps]))
    assert ex.bailleur == "HABITAT ET HUMANISME"


# ------------------------------------------------------------- source 66: printed from EXPLOC


def test_exploc_cartouche_file_number_date_and_deadline(tmp_path):
    # the cartouche's cells have no colon; the CCAPEX report's number and the court's RG
    # number are printed beside the State's EXPLOC file; the body's first date is the
    # commandement's, the footer's is the print date
    lines = [
        "PRÉFET DE L'AIN",
        "Direction départementale de l'emploi, du travail et des solidarités",
        "Service logement – secrétariat de la CCAPEX",
        "Date",
        (60, "06/10/2025"),
        "Dossier EXPLOC",
        (60, "01-2025-00318"),
        "N° CCAPEX",
        (60, "CCAPEX01-2025-4410"),
        "N° RG",
        (60, "25/01877"),
        "Affaire suivie par",
        (60, "Mme Justine BERNOLLIN"),
        "Objet : saisine pour la réalisation d'un diagnostic social et financier",
        "Madame, Monsieur,",
        "Le commandement de payer délivré le 26/05/2025 a fait l'objet d'un signalement à la",
        "CCAPEX le 30/05/2025. L'assignation délivrée le 29/09/2025 par Maître Bruno COLLET,",
        "commissaire de justice, m'a été notifiée par voie électronique (EXPLOC).",
        "Locataire(s) : M. PERRET Julien",
        "Logement : 5 rue Bourgmayer – 01000 BOURG-EN-BRESSE",
        "Bailleur : DYNACITÉ",
        "Dette locative : 3 012,40 € au 15/09/2025 – loyer charges comprises : 498,00 €",
        "Audience : 27/11/2025 à 9 h 30 – Tribunal judiciaire de Bourg-en-Bresse",
        "Date limite de retour du diagnostic : 08/11/2025",
        "Pour le préfet et par délégation,",
        "Édité le 03/10/2025 – EXPLOC",
    ]
    ex = extract(_pdf(tmp_path / "exploc PERRET.pdf", [lines]))
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "01-2025-00318"
    assert ex.date_document == date(2025, 10, 6)
    assert ex.date_limite == date(2025, 11, 8)
    assert not {"reference", "date_document", "date_limite"} & set(ex.champs_incertains)


def test_dash_doubled_or_glued_to_a_dot_between_the_street_and_the_building(tmp_path):
    # what OCR leaves of « 30 place du Marché – Bâtiment C … – 42000 … »
    for logement, street in [
        (
            "30 place du Marché -— Bâtiment C, escalier 2 — 42000 SAINT-ÉTIENNE",
            "30 place du Marché",
        ),
        (
            "72 rue du 8 Mai 1945.— Bâtiment C, escalier 2 — 42400 SAINT-CHAMOND",
            "72 rue du 8 Mai 1945",
        ),
    ]:
        lines = [
            "PRÉFET DE LA LOIRE",
            "Direction départementale de l'emploi, du travail et des solidarités",
            "Saint-Étienne, le 6 octobre 2025",
            "Objet : saisine pour la réalisation d'un diagnostic social et financier",
            "Locataire(s) : M. PERRET Julien",
            f"Logement : {logement}",
            "Bailleur : NOVALIS LOGEMENT",
            "Audience : 27/11/2025 à 9 h 30 – Tribunal judiciaire de Saint-Étienne",
        ]
        ex = extract(_pdf(tmp_path / "exploc PERRET.pdf", [lines]))
        assert ex.adresse == street
        assert ex.complement_adresse == "Bâtiment C, escalier 2"


# ------------------------------------- other ways services write their file number and date

LETTRE_CORREZE = [
    "PRÉFET DE LA CORRÈZE",
    "Direction départementale de l'emploi, du travail, des solidarités",
    "et de la protection des populations",
    "{REF}",
    "{DATE}",
    "CCAS de Brive-la-Gaillarde",
    "Objet : demande de diagnostic social et financier",
    "Madame la Directrice,",
    "Par acte de Maître Hélène CAZAUX, commissaire de justice, délivré le 2 octobre 2025,",
    "la SCI DU PIC a fait assigner Madame Chantal LACOSTE devant le juge des contentieux de",
    "la protection du Tribunal judiciaire de Brive-la-Gaillarde. Le logement est situé",
    "8 rue Massey, 19100 Brive-la-Gaillarde.",
    "L'affaire sera appelée à l'audience du mardi 9 décembre 2025 à 14 h.",
    "Je vous remercie de me faire parvenir le diagnostic au plus tard le 25 novembre 2025.",
    "Pour le préfet et par délégation,",
]


@pytest.mark.parametrize(
    "ref,dated,expected",
    [
        ("N/R : PEX19/2025/0412", "Brive-la-Gaillarde, le 14 octobre 2025", "PEX19/2025/0412"),
        ("N° chrono : 2025-1412", "Saint-Jean-d’Angély, le 14 octobre 2025", "2025-1412"),
        ("Chrono n° 2025/1412", "Tulle, 14/10/2025", "2025/1412"),
        ("N° CCAPEX : 19-2025-0412", "Date d'envoi : 14/10/2025", "19-2025-0412"),
        ("Numéro de saisine : S-2025-0412", "Le : 14/10/2025", "S-2025-0412"),
        ("Code dossier : EXP-19-0412", "Date du courrier : 14 octobre 2025", "EXP-19-0412"),
        ("N° de dossier préfecture : 2025-0412", "Tulle, le 14 octobre 2025", "2025-0412"),
    ],
)
def test_file_number_and_date_written_other_ways(tmp_path, ref, dated, expected):
    lines = [line.replace("{REF}", ref).replace("{DATE}", dated) for line in LETTRE_CORREZE]
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [lines]))
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == expected
    # never the act's « délivré le 2 octobre 2025 »
    assert ex.date_document == date(2025, 10, 14)


def test_letter_without_its_own_date_is_left_empty_and_flagged_not_given_the_acts(tmp_path):
    lines = [
        line.replace("{REF}", "N/Réf. : PEX/2025/0412").replace("{DATE}", "")
        for line in LETTRE_CORREZE
    ]
    ex = extract(_pdf(tmp_path / "courrier LACOSTE.pdf", [lines]))
    assert ex.date_document is None and "date_document" in ex.champs_incertains


# ------------------------------------------- an act's own date, not its commandement's

ACTE_VANNES = [
    "ASSIGNATION EN RÉSILIATION DE BAIL",
    "{HEAD}",
    "À LA REQUÊTE DE :",
    "La SCI LES MOUETTES, société civile immobilière, dont le siège est 3 rue Thiers,",
    "56000 Vannes, prise en la personne de son gérant.",
    "{OFFICER}",
    "DONNÉ ASSIGNATION À :",
    "Madame Nathalie LE ROUX, née le 4 mars 1980 à Lorient, demeurant 12 rue du Mené,",
    "56000 VANNES",
    "D'AVOIR À COMPARAÎTRE devant le juge des contentieux de la protection du Tribunal",
    "judiciaire de Vannes, 22 place de la République, à l'audience du jeudi 11 décembre 2025",
    "à 9 h 30.",
    "Un commandement de payer visant la clause résolutoire a été délivré le 12 mai 2025 pour",
    "la somme de 1 240,00 €. La dette locative, actualisée au 30 septembre 2025, s'élève à",
    "2 480,50 €.",
    "{TAIL}",
]
OFFICIER = "J'ai, Maître Yannick LE GUENNEC, commissaire de justice à Vannes, soussigné,"


@pytest.mark.parametrize(
    "head,officer,tail",
    [
        ("Date de l'acte : 22/09/2025", OFFICIER, ""),
        ("En date du 22 septembre 2025", OFFICIER, ""),
        ("", OFFICIER, "Fait et signifié à Vannes, le 22 septembre 2025"),
        (
            "",
            "Nous, SCP LE GUENNEC – JÉGO, commissaires de justice associés, l'un d'eux, le",
            "",
        ),
        (
            "Le 22 septembre 2025, nous, SCP LE GUENNEC – JÉGO, commissaires de justice,",
            OFFICIER,
            "",
        ),
        ("ACTE DU 22 SEPTEMBRE 2025", OFFICIER, ""),
        ("Ce jour, vingt-deux septembre deux mille vingt-cinq,", OFFICIER, ""),
        ("Signification en date du 22/09/2025", OFFICIER, ""),
        ("Date : 22/09/2025", OFFICIER, ""),
        ("Vannes, le 22 septembre 2025", OFFICIER, ""),
    ],
)
def test_act_dated_otherwise_than_l_an_is_not_given_its_commandements_date(
    tmp_path, head, officer, tail
):
    if "l'un d'eux" in officer:  # the date follows on the next line
        officer += " 22 septembre 2025,"
    lines = [
        line.replace("{HEAD}", head).replace("{OFFICER}", officer).replace("{TAIL}", tail)
        for line in ACTE_VANNES
    ]
    ex = extract(_pdf(tmp_path / "assignation LE ROUX.pdf", [lines]))
    assert ex.type_document == "assignation"
    assert ex.date_document == date(2025, 9, 22)


def test_act_without_a_date_of_its_own_is_left_empty_and_flagged(tmp_path):
    lines = [
        line.replace("{HEAD}", "").replace("{OFFICER}", OFFICIER).replace("{TAIL}", "")
        for line in ACTE_VANNES
    ]
    ex = extract(_pdf(tmp_path / "assignation LE ROUX.pdf", [lines]))
    # the only « délivré le » is the commandement's (12 May): not the act's date
    assert ex.date_document != date(2025, 5, 12)
    assert ex.date_document is None and "date_document" in ex.champs_incertains
