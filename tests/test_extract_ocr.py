"""Scans: pages without a text layer are OCR'd (Tesseract, French); weak lines are uncertain."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from intake.extract import extract, extract_document
from intake.readers import Document, read_document
from tests.form_documents import ocr_page

LETTER = [
    "PREFECTURE DE LA VIENNE",
    "Bureau de la prevention des expulsions locatives",
    "Poitiers, le 14 mars 2025",
    "N/Ref : PEX/86/2025-0077",
    "Objet : enquete sociale - diagnostic social et financier",
    "Monsieur le Directeur,",
    "Je vous prie de bien vouloir realiser le diagnostic social et financier",
    "concernant Madame Julie MERCIER, demeurant 8 rue des Lilas 86000 POITIERS.",
    "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Poitiers.",
    "Je vous remercie de me transmettre votre rapport avant le 4 avril 2025.",
]


def _scanned_pdf(tmp_path: Path, angle: float = 1.5, dpi: int = 200, keep_dpi: bool = True) -> Path:
    """A letter printed, 'scanned' at `dpi` with a slight tilt, saved as an image-only PDF
    (`keep_dpi` False: saved as a simple converter does, at PIL's default 72 dpi)."""
    src = tmp_path / "src.pdf"
    c = canvas.Canvas(str(src), pagesize=A4)
    c.setFont("Helvetica", 12)
    y = 780
    for line in LETTER:
        c.drawString(60, y, line)
        y -= 24
    c.save()
    page = pdfium.PdfDocument(str(src))[0]
    img = page.render(scale=dpi / 72).to_pil().convert("L")
    img = img.rotate(angle, expand=True, fillcolor=255)
    out = tmp_path / "scan.pdf"
    img.save(out, "PDF", **({"resolution": dpi} if keep_dpi else {}))
    return out


def test_image_only_pdf_is_ocrd_and_extracted(tmp_path):
    path = _scanned_pdf(tmp_path)
    doc = read_document(path)
    assert doc.kind == "pdf_scan"
    assert doc.page_confidence[0] is not None and doc.page_confidence[0] > 60
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "PEX/86/2025-0077"
    assert ex.date_document == date(2025, 3, 14)
    assert ex.date_limite == date(2025, 4, 4)
    assert ex.date_audience == date(2025, 4, 22) and ex.heure_audience == "09:30"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "MERCIER", "Julie")]
    assert (ex.code_postal, ex.commune) == ("86000", "Poitiers")


def test_scan_saved_without_its_resolution_is_read_not_refused_as_too_big(tmp_path):
    # a 300-dpi image saved at 72 dpi: a page of 88 × 124 cm, 150 million pixels at 300 dpi
    path = _scanned_pdf(tmp_path, angle=0.8, dpi=300, keep_dpi=False)
    assert pdfium.PdfDocument(str(path))[0].get_size()[0] > 2400  # points: 85 cm wide
    doc = read_document(path)
    assert doc.kind == "pdf_scan"
    ex = extract(path)
    assert ex.reference == "PEX/86/2025-0077"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("Mme", "MERCIER", "Julie")]
    # the OCR lines' boxes are in the page's own points, wherever it was drawn
    width, height = pdfium.PdfDocument(str(path))[0].get_size()
    boxes = [b for b in doc.ocr_page_boxes[0] if b]
    assert boxes and all(0 <= b[0] < b[2] <= width and 0 <= b[1] < b[3] <= height for b in boxes)
    assert max(b[2] for b in boxes) > width / 2  # not drawn at 300 dpi and shrunk to a corner


def test_value_read_on_a_weak_ocr_line_is_uncertain():
    text = "\n".join(LETTER)
    weak = "L'audience est fixee au 22 avril 2025 a 9h30 au Tribunal judiciaire de Poitiers."
    start = text.index(weak)
    doc = Document(
        path=Path("scan.png"),
        kind="image",
        pages=[text],
        page_confidence=[80.0],
        ocr_lines=[
            (0, start - 1, 92.0),
            (start, start + len(weak), 41.0),
            (start + len(weak) + 1, len(text), 90.0),
        ],
    )
    ex = extract_document(doc, "scan.png")
    assert ex.date_audience == date(2025, 4, 22)
    assert {"date_audience", "heure_audience", "juridiction"} <= set(ex.champs_incertains)
    assert "reference" not in ex.champs_incertains
    assert "date_limite" not in ex.champs_incertains


def test_value_holding_one_badly_read_word_on_a_good_line_is_uncertain():
    # « N/Ref : PEX/86/2025-0077 » read at 91 on average, but its reference at 34: the
    # line's mean hides the one word that matters
    doc = ocr_page(
        "\n".join(LETTER), 91.0, weak_words={"PEX/86/2025-0077": 34.0}, page_confidence=91.0
    )
    start = doc.text.index("PEX/86/2025-0077")
    assert doc.ocr_weak_words == [(start, start + len("PEX/86/2025-0077"), 34.0)]
    ex = extract_document(doc, "scan.png")
    assert ex.reference == "PEX/86/2025-0077"
    assert "reference" in ex.champs_incertains
    assert not {"date_document", "date_audience", "personnes"} & set(ex.champs_incertains)


# A sous-préfecture's summary grid as Tesseract gives it once the column rules are gone:
# labels alone on their lines, values elsewhere, one value after the next paragraph.
GRID_OCR = """SOUS-PRÉFECTURE
DE BEAUNE
Bureau de la cohésion sociale
Dossier suivi par : M. Rémi JOLY
Nos réf. : SPB/ES/902-25

Dijon, le 17 novembre 2025

Objet : demande d'enquête sociale - procédure d'expulsion locative
Madame, Monsieur,

Je vous prie de bien vouloir trouver ci-dessous les éléments de la procédure dont j'ai été saisi par le
commissaire de justice : |

Locataire(s) | Madame Claire VIDAL et Monsieur Paul VIDAL
12 rue des Tanneurs — 21200 BEAUNE

Adresse du logement
M. Hervé SAINT-MARTIN

Bailleur

Commissaire de justice Pierre-Yves BERNARD
Juridiction Tribunal de proximité de Beaune

08/01/2026 — 14h30
2 412,50 € au 07/10/2025

Loyer mensuel (charges comprises) 519,08 €

- Je vous saurais gré de me faire parvenir les résultats de
l'enquête sociale pour le 24/12/2025, afin que le juge en dispose avant l'audience.

Date et heure d'audience

Dette locative

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
Pour le Sous-Préfet,
Rémi JOLY
"""


def _ocr_doc(text: str) -> Document:
    return Document(path=Path("grille.pdf"), kind="pdf_scan", pages=[text])


def test_grid_that_lost_its_columns_is_read_back_and_flagged():
    ex = extract_document(_ocr_doc(GRID_OCR), "grille.pdf")
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.prenom, p.nom) for p in ex.personnes] == [
        ("Mme", "Claire", "VIDAL"),
        ("M.", "Paul", "VIDAL"),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("12 rue des Tanneurs", "21200", "Beaune")
    assert ex.bailleur == "Hervé SAINT-MARTIN"
    assert ex.date_audience == date(2026, 1, 8) and ex.heure_audience == "14:30"
    assert ex.montant_dette == 2412.50 and ex.date_dette == date(2025, 10, 7)
    # read from a layout the reader rebuilt: every such field is for a person to check
    for name in ("adresse", "bailleur", "date_audience", "montant_dette", "date_dette"):
        assert name in ex.champs_incertains, name
    # what the grid's own lines gave is not doubted for that
    assert ex.loyer_mensuel == 519.08 and "loyer_mensuel" not in ex.champs_incertains


def test_grid_label_two_lines_could_fit_is_left_empty_and_flagged():
    text = GRID_OCR.replace(
        "M. Hervé SAINT-MARTIN\n", "M. Hervé SAINT-MARTIN\n4 place Carnot — 21200 BEAUNE\n"
    )
    ex = extract_document(_ocr_doc(text), "grille.pdf")
    assert ex.adresse is None and "adresse" in ex.champs_incertains
    assert ex.bailleur == "Hervé SAINT-MARTIN" and "bailleur" in ex.champs_incertains


def test_label_column_printed_before_value_column_is_paired_by_shape():
    """A text PDF whose grid comes out column by column: all labels, then all values."""
    text = """PRÉFECTURE DE LA VIENNE
Pôle prévention des expulsions locatives
Poitiers, le 3 novembre 2025
N/Réf : PEL/86/2025-311
Objet : diagnostic social et financier - assignation aux fins de résiliation du bail
Madame la Directrice,
En application de l'article L. 412-5 du code des procédures civiles d'exécution, je vous
transmets les éléments de l'assignation qui m'a été signalée.
Locataire :
Adresse du logement :
Bailleur :
Montant de la dette :
Date de l'audience :
Monsieur Karim BENALI
14 avenue de la Libération 86000 POITIERS
SCI LES TILLEULS
3 250,00 € au 31/08/2025
12/01/2026 à 9h00
Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération distinguée.
"""
    ex = extract_document(Document(path=Path("v.pdf"), kind="pdf_text", pages=[text]), "v.pdf")
    assert (ex.adresse, ex.code_postal) == ("14 avenue de la Libération", "86000")
    assert ex.bailleur == "SCI LES TILLEULS"
    assert ex.montant_dette == 3250.0 and ex.date_audience == date(2026, 1, 12)
    for name in ("personnes", "adresse", "bailleur", "montant_dette", "date_audience"):
        assert name in ex.champs_incertains, name


GRID_TEXT = """SOUS-PRÉFECTURE DE BEAUNE
Nos réf. : SPB/ES/903-25
Dijon, le 17 novembre 2025
Objet : demande d'enquête sociale - procédure d'expulsion locative
Madame, Monsieur,
Je vous prie de bien vouloir trouver ci-dessous les éléments de la procédure dont j'ai été saisi par le
commissaire de justice :
Locataire(s) Madame Claire VIDAL
Adresse du logement 12 rue des Tanneurs - 21200 BEAUNE
Bailleur M. Hervé SAINT-MARTIN
Juridiction Tribunal de proximité de Beaune
Date et heure d'audience 08/01/2026 - 14h30
Dette locative 2 412,50 € au 07/10/2025
Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
"""


def _grid_table(**cells) -> list[list[str]]:
    rows = {
        "Locataire(s)": "Madame Claire VIDAL",
        "Adresse du logement": "12 rue des Tanneurs – 21200 BEAUNE",
        "Bailleur": "M. Hervé SAINT-MARTIN",
        "Juridiction": "Tribunal de proximité de Beaune",
        "Date et heure d'audience": "08/01/2026 – 14h30",
        "Dette locative": "2 412,50 € au 07/10/2025",
    }
    rows.update(cells)
    return [[k, v] for k, v in rows.items()]


def test_letter_grid_cells_that_disagree_with_the_reading_flag_their_fields():
    def read(table):
        doc = Document(path=Path("g.pdf"), kind="pdf_text", pages=[GRID_TEXT], tables=[table])
        return extract_document(doc, "g.pdf")

    ex = read(_grid_table())
    assert ex.montant_dette == 2412.50 and ex.date_audience == date(2026, 1, 8)
    assert not {"adresse", "bailleur", "montant_dette", "date_audience"} & set(ex.champs_incertains)
    # the grid's own cell says another amount: the text's line was not the cell's
    ex = read(_grid_table(**{"Dette locative": "2 142,50 € au 07/10/2025"}))
    assert "montant_dette" in ex.champs_incertains and "date_dette" not in ex.champs_incertains
    # a label whose value cell came out empty: the columns did not line up
    ex = read(_grid_table(Bailleur=""))
    assert "bailleur" in ex.champs_incertains


def test_address_with_a_dash_glued_by_ocr_is_cleaned_and_flagged():
    text = GRID_TEXT.replace(
        "Adresse du logement 12 rue des Tanneurs - 21200 BEAUNE",
        "Adresse du logement 18 rue des Tanneurs— 21200 BEAUNE",
    )
    ex = extract_document(_ocr_doc(text), "g.pdf")
    assert ex.adresse == "18 rue des Tanneurs" and ex.code_postal == "21200"
    assert "adresse" in ex.champs_incertains
