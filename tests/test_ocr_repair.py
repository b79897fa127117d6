"""What OCR leaves in a scan's lines — table rules and specks, look-alike figures, garbled
cue words, noise in names — is repaired by shape before the parsers read the text, and
whatever value a repair touched, or a weak line gave, is flagged for a person to check.

The lines below are Tesseract's own output (confidence, text) on scanned letters and forms
of the corpus (corpus/families.py, tuned families), so that the tests hold on what the OCR
really produces."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from intake import ocr
from intake.extract import extract, extract_document
from intake.french import normalize_text
from intake.ocr_repair import repair_line
from intake.readers import Document
from intake.readers.document import index_ocr_lines


def _scanned(lines: list[tuple[float, str]], kind: str = "pdf_scan") -> Document:
    """A one-page scan as the reader builds it from Tesseract's lines."""
    raw = ocr.OcrPage(
        text="\n".join(t for _, t in lines),
        confidence=sum(c for c, _ in lines) / len(lines),
        lines=[(t, c) for c, t in lines],
    )
    page = ocr.repaired(raw)
    doc = Document(
        path=Path("scan.pdf"),
        kind=kind,
        pages=[normalize_text(page.text)],
        page_confidence=[page.confidence],
        ocr_page_lines=[page.lines],
    )
    index_ocr_lines(doc)
    return doc


LETTER_HEAD = [
    (91.0, "SOUS-PRÉFECTURE"),
    (92.0, "DE BEAUNE"),
    (96.0, "Bureau de la cohésion sociale"),
    (94.0, "Dossier suivi par : M. Rémi JOLY"),
    (92.5, "Nos réf. : SPB/ES/333-25"),
    (95.8, "Dijon, le 20 novembre 2025"),
    (92.0, "Service ASLL"),
    (65.6, "Objet : demande d' enquête sociale - proCAAURe d'expulsion béativé"),
    (96.0, "Madame, Monsieur,"),
    (82.5, "Je vous prie de bien vouloir trouver ci- de e les éléments _ la procédure dont j'ai"),
    (79.0, "| commissaire de justice :"),
]
LETTER_END = [
    (95.8, "Conformément à la circulaire du 9 février 1999, je vous saurais gré de me faire"),
    (93.8, ": l'enquête sociale pour le 26/12/2025, afin que le juge en dispose avant l'audience."),
    (94.6, "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
    (93.3, "Pour le Sous-Préfet,"),
    (91.0, "Rémi JOLY"),
]
# a bordered grid « libellé | valeur », tilted: its rules and specks read as characters
GRID = [
    (76.9, "- | Locataire(s) Madame Valérie LE GALL"),
    (91.8, "| Adresse du logement 79 allée des Tilleuls — 21000 DIJON"),
    (63.2, "| Baïlleur . '| la SA d'HLM VILLÉO HABITAT"),
    (77.8, "Commissaire de justice . Pierre-Yves BERNARD"),
    (77.6, "| Juridiction . . Tribunal judiciaire de Dijon"),
    (82.7, "Date et heure d'audience 08/01/2026 — 13h30 - |"),
    (84.6, "Dette locative | 4 718,33 € au 05/11/2025 |"),
    (72.2, "Loyer mensuel (charges comprises) : 783, 00 € . : |"),
]


def test_grid_read_through_table_rules_specks_and_a_garbled_label():
    ex = extract_document(_scanned(LETTER_HEAD + GRID + LETTER_END), "scan.pdf")
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.prenom, p.nom) for p in ex.personnes] == [("Mme", "Valérie", "LE GALL")]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("79 allée des Tilleuls", "21000", "Dijon")
    assert ex.bailleur == "VILLÉO HABITAT"  # « Baïlleur »: the label, one accent off
    assert ex.commissaire_justice == "Pierre-Yves BERNARD"
    assert ex.juridiction == "Tribunal judiciaire de Dijon"
    assert ex.date_audience == date(2026, 1, 8) and ex.heure_audience == "13:30"
    assert ex.montant_dette == 4718.33 and ex.date_dette == date(2025, 11, 5)
    # « 783, 00 € »: a decimal part parted by OCR, joined again; the value is to be checked
    assert ex.loyer_mensuel == 783.0 and "loyer_mensuel" in ex.champs_incertains
    # a cleaned line's values are as sure as the line; a weak line's are checked
    assert "montant_dette" not in ex.champs_incertains
    assert "bailleur" in ex.champs_incertains


def test_debt_whose_label_ocr_garbled_is_flagged_when_it_cannot_be_read():
    grid = [
        line if "Dette" not in line[1] else (64.6, "Dete locative | 4 718,33 € au O5/11/2025 |")
        for line in GRID
    ]
    ex = extract_document(_scanned(LETTER_HEAD + grid + LETTER_END), "scan.pdf")
    # read or not, a debt the page shows (an amount « au » a date) is for a person to check
    assert "montant_dette" in ex.champs_incertains
    assert "date_dette" in ex.champs_incertains
    assert ex.montant_dette in (None, 4718.33)


ACT_LINES = [
    (93.0, "PRÉFET DE LA MARNE"),
    (92.0, "Direction départementale de l'emploi, du travail et des solidarités"),
    (95.0, "Châlons-en-Champagne, le 12 novembre 2025"),
    (93.3, "Objet : demande d'enquête sociale - procédure d'expulsion locative"),
    (96.0, "Madame, Monsieur,"),
    (84.9, "Madame Marie LAMBERT, demeurant 50 impasse des Lilas 51000 CHÂLONS-EN-CHAMPAGNE,"),
    (88.0, "a été assignée le 20 octobre 2025 par Agathe PONSARD, commissaire de justice, à la"),
    (84.9, "requête de là SA d'HLM REIMS -"),
    (
        94.5,
        "HABITAT, à l'encontre de Mme Marie LAMBERT (née le 01/07/1965), locataire du logement.",
    ),
    (90.0, ". L'affaire sera examinée par le juge des contentieux de la protection du Tribunal"),
    (92.4, "judiciaire de ."),
    (90.3, ". Châlons-en- -Champagne à l'audience du 29 décembre 2025 à 14 h. Selon l'acte, la"),
    (91.0, "dette locative s'élève à 6 341, 42 € arrêtée au 7 octobre 2025."),
    (94.6, "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
]


def test_letter_sentences_cut_by_specks_and_a_parted_amount():
    ex = extract_document(_scanned(ACT_LINES), "scan.pdf")
    assert ex.juridiction == "Tribunal judiciaire de Châlons-en-Champagne"
    assert ex.date_audience == date(2025, 12, 29)
    # « 6 341, 42 € »: the figures joined again (not « 42 € »), and flagged
    assert ex.montant_dette == 6341.42 and "montant_dette" in ex.champs_incertains
    assert ex.date_dette == date(2025, 10, 7)
    # « là SA d'HLM »: the article OCR accented is not part of the landlord's name
    assert ex.bailleur.startswith("REIMS")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Montant 1 2O3,45 E au 3l/O8/2025", "Montant 1 203,45 € au 31/08/2025"),
        ("Adresse : 4 rue Carnot 51l00 REIMS", "Adresse : 4 rue Carnot 51100 REIMS"),
        ("49 place.du Marché", "49 place du Marché"),
        ("50 rue du. 8 Mai 1945", "50 rue du 8 Mai 1945"),
        ("33 rue de l' Église", "33 rue de l'Église"),
        # a speck before the thousands, a dash glued to a day (the « 1 » of « 19 »?)
        ("dette locative : 2. 337,19 € (décompte)", "dette locative : 2 337,19 € (décompte)"),
        ("Amiens, le-9 octobre 2025", "Amiens, le 9 octobre 2025"),
    ],
)
def test_look_alike_characters_in_a_value_are_repaired_and_reported(line, expected):
    assert repair_line(line) == (expected, True)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- | Locataire(s) Madame Valérie LE GALL", "Locataire(s) Madame Valérie LE GALL"),
        ("'97410 SAINT-PIERRE :", "97410 SAINT-PIERRE :"),
        ("''CCAS du Cateau-Cambrésis", "CCAS du Cateau-Cambrésis"),
        # what is the author's stays: a list's dash, a label's colon, tick boxes, a site
        ("- Monsieur Paul VIDAL", "- Monsieur Paul VIDAL"),
        ("Conjoint :", "Conjoint :"),
        ("Oui [X] Non [ ]", "Oui [X] Non [ ]"),
        ("12 rue des Tanneurs - 21200 BEAUNE", "12 rue des Tanneurs - 21200 BEAUNE"),
        ("Courriel : ccas.dieppe@ville-dieppe.fr", "Courriel : ccas.dieppe@ville-dieppe.fr"),
        ("Bureau SOS Logement 12345 Paris", "Bureau SOS Logement 12345 Paris"),
        ("Article 2. 337 salariés", "Article 2. 337 salariés"),
        ("Amiens, le 19 octobre 2025", "Amiens, le 19 octobre 2025"),
    ],
)
def test_debris_goes_and_no_value_is_touched(line, expected):
    assert repair_line(line) == (expected, False)


FORM = [
    (95.5, "FICHE DE SAISIE POUR LA RÉALISATION D'UN DIAGNOSTIC"),
    (92.9, "Accompagnement vers et dans le logement - demände de diagnostic social"),
    (84.3, "Service 'demandeur :"),
    (58.5, "CCAS d'Ivry-sur-Seine"),
    (94.8, "Prénom et nom du référent :"),
    (96.0, "Coralie ROUSSEL"),
    (92.2, "Date de la saisine :"),
    (96.0, "30/09/2025"),
    (3.0, "DEMANDEUR"),
    (74.5, "Civilité :"),
    (95.0, "Monsieur"),
    (90.5, "Nom :"),
    (96.0, "GIRARD"),
    (92.5, "Prénom(s) :"),
    (93.0, "Sébastien."),
    (94.5, "Date de naissance :"),
    (96.0, "19/04/1993"),
    (95.0, "CONJOINT"),
    (50.0, "Sans objet"),
    (91.0, "MÉNAGE"),
    (56.6, "Nombre d'enfants à CRUE :"),
    (96.0, "1"),
    (91.4, "Enfant : Anthony GIRARD, né(e). le 03/07/2010"),
    (73.5, "LOGEMENT :"),
    (93.6, ". Adresse du logement :"),
    (95.5, "57 rue Victor Hugo"),
    (93.7, "- Code postal et commune :"),
    (96.0, "94000 Créteil"),
    (93.7, "Statut d'occupation :"),
    (92.5, "Locataire HLM"),
    (64.0, ". Bailleur :"),
    (92.0, "Logirem"),
    (94.0, "Loyer charges comprises :"),
    (95.0, "657,37 €"),
    (92.7, "RESSOURCES DU MÉNAGE"),
    (82.7, "Salaire -154,97€ ."),
    (94.6, "Prime d'activité — en attente"),
    (93.9, "Pension de retraite — 1 513,09 €"),
]


def test_form_values_on_weak_or_repaired_lines_and_a_name_with_a_speck_are_flagged():
    ex = extract_document(_scanned(FORM), "scan.pdf")
    assert ex.type_document == "fiche_prescription"
    # « Sébastien. »: a speck after a name is no part of it; the name is to be checked
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("GIRARD", "Sébastien")]
    assert "personnes" in ex.champs_incertains
    # « Salaire -154,97€ »: a dash glued to the figures is no minus sign; repaired, flagged
    assert {(r.type, r.montant) for r in ex.ressources} >= {
        ("salaire", 154.97),
        ("pension", 1513.09),
    }
    assert "ressources" in ex.champs_incertains
    # the service's name stands on a line OCR was unsure of (58 %)
    assert ex.organisme_prescripteur in (None, "CCAS d'Ivry-sur-Seine")
    assert "organisme_prescripteur" in ex.champs_incertains
    # what stands on sure lines is not flagged for that
    assert ex.loyer_mensuel == 657.37 and "loyer_mensuel" not in ex.champs_incertains
    assert (ex.adresse, ex.code_postal, ex.commune) == ("57 rue Victor Hugo", "94000", "Créteil")
    assert "adresse" not in ex.champs_incertains


def test_a_form_label_taken_for_a_name_is_flagged():
    lines = [line if line[1] != "GIRARD" else (75.8, "NOM GIRARD") for line in FORM]
    ex = extract_document(_scanned(lines), "scan.pdf")
    assert "personnes" in ex.champs_incertains


def _draw_grid_letter(path: Path) -> None:
    """A sous-préfecture's letter with a bordered grid, printed, scanned at 200 dpi with a
    slight tilt and specks of dust (as corpus/families.py's `scanner` does)."""
    import random

    w, h = 1654, 2339  # A4 at 200 dpi
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSans.ttf", 30)
    y = 150
    for line in [
        "SOUS-PRÉFECTURE DE BEAUNE",
        "Nos réf. : SPB/ES/333-25",
        "Dijon, le 20 novembre 2025",
        "Objet : demande d'enquête sociale - procédure d'expulsion locative",
        "Madame, Monsieur,",
        "Je vous prie de trouver ci-dessous les éléments de la procédure :",
    ]:
        draw.text((120, y), line, font=font, fill=30)
        y += 60
    rows = [
        ("Locataire(s)", "Madame Valérie LE GALL"),
        ("Adresse du logement", "79 allée des Tilleuls – 21000 DIJON"),
        ("Bailleur", "la SA d'HLM VILLÉO HABITAT"),
        ("Juridiction", "Tribunal judiciaire de Dijon"),
        ("Date et heure d'audience", "08/01/2026 – 13h30"),
        ("Dette locative", "4 718,33 € au 05/11/2025"),
    ]
    top = y + 20
    for i, (label, value) in enumerate(rows):
        ry = top + i * 70
        draw.rectangle((110, ry, 1540, ry + 70), outline=90, width=3)
        draw.line((620, ry, 620, ry + 70), fill=90, width=3)
        draw.text((130, ry + 18), label, font=font, fill=30)
        draw.text((640, ry + 18), value, font=font, fill=30)
    y = top + len(rows) * 70 + 60
    draw.text(
        (120, y), "Je vous prie d'agréer l'expression de mes salutations.", font=font, fill=30
    )
    rng = random.Random(14)
    for _ in range(w * h // 4000):
        x, yy = rng.randrange(w), rng.randrange(h)
        draw.ellipse((x, yy, x + 1, yy + 1), fill=rng.randrange(80, 200))
    page = page.rotate(0.8, resample=Image.BICUBIC, fillcolor=240)
    page.save(path, "PNG", dpi=(200, 200))


def test_scanned_grid_letter_end_to_end(tmp_path):
    """Without its rules erased, Tesseract read none of the grid's rows on this page."""
    path = tmp_path / "courrier.png"
    _draw_grid_letter(path)
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert [(p.prenom, p.nom) for p in ex.personnes] == [("Valérie", "LE GALL")]
    assert (ex.code_postal, ex.commune) == ("21000", "Dijon")
    assert ex.montant_dette == 4718.33
    assert ex.date_audience == date(2026, 1, 8)
    # every other value of the grid is right or flagged, never silently wrong
    for name, value in (
        ("bailleur", "VILLÉO HABITAT"),
        ("adresse", "79 allée des Tilleuls"),
        ("date_dette", date(2025, 11, 5)),
    ):
        assert getattr(ex, name) == value or name in ex.champs_incertains, name


@pytest.mark.parametrize(
    ("ocr_text", "mended"),
    [
        ("Baïlleur : la SA d'HLM", "Bailleur : la SA d'HLM"),
        ("Locatalre(s) : Madame", "Locataire(s) : Madame"),
        ("Baiïlleur : Alpes Isère Habitat", "Bailleur  : Alpes Isère Habitat"),
        ("à Ia requête de là SA HLM", "à la requête de la SA HLM"),
        ("copie de I'assignation", "copie de l'assignation"),
        # a word the rules do not know, a name, a pronoun stay as OCR read them
        ("Il demeure chez Inès DUPONT, Baïlleul", "Il demeure chez Inès DUPONT, Baïlleul"),
    ],
)
def test_cue_words_ocr_garbled_by_one_letter_are_mended_letter_for_letter(ocr_text, mended):
    from intake.extract import cue_words

    out = cue_words(None).restore(ocr_text)
    assert out == mended and len(out) == len(ocr_text)


def test_an_accent_ocr_put_where_french_has_none_flags_the_value():
    form = [
        line if line[1] != "57 rue Victor Hugo" else (95.5, "57 rue Victor Hügo") for line in FORM
    ]
    ex = extract_document(_scanned(form), "scan.pdf")
    assert ex.code_postal == "94000" and "adresse" in ex.champs_incertains


def test_a_postcode_one_figure_off_its_commune_is_mended_and_flagged():
    # « 86000 Amiens » off a scan: Amiens's postcodes are 80000, 80080, 80090; one only is
    # one figure away
    lines = [
        (91.0, "PRÉFET"),
        (95.3, "DE LA SOMME"),
        (92.4, "Direction départementale de l'emploi, du travail et des solidarités"),
        (93.2, "Référence à rappeler : DDETS80-DSF-0280"),
        (93.2, "Amiens, le-9 octobre 2025"),
        (95.4, "Objet : saisine pour la réalisation d'un diagnostic social et financier"),
        (94.7, "1. Ménage assigné"),
        (95.3, "a) MADAME Brigitte COLIN, née le 28/11/1957"),
        (95.0, "2. Logement"),
        (93.8, "25 bis boulevard Gambetta, Appt 12 — 86000 Amiens"),
        (92.5, "3. Bailleur"),
        (90.0, "HABITAT DU CENTRE-EST"),
        (
            88.5,
            "Loyer mensuel charges comprises : 350,15 € — dette locative : 2. 337,19 € "
            "(décompte au 24/08/2025)",
        ),
    ]
    ex = extract_document(_scanned(lines), "scan.pdf")
    assert (ex.code_postal, ex.commune) == ("80000", "Amiens")
    assert {"code_postal", "commune"} <= set(ex.champs_incertains)
    # the speck before the thousands and the dash glued to the day: read, and flagged
    assert ex.montant_dette == 2337.19 and "montant_dette" in ex.champs_incertains
    assert ex.date_document == date(2025, 10, 9) and "date_document" in ex.champs_incertains
