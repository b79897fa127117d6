"""Documents a service would send, built for the tests: a Word file of paragraphs and
tables, a text PDF of lines, a text PDF of paragraphs."""

from __future__ import annotations

from pathlib import Path

from corpus.make_corpus import build_pdf


def docx(path: Path, blocks) -> Path:
    """A Word file from ("tab", rows) tables and (anything, text) paragraphs, in order."""
    from docx import Document as Docx

    doc = Docx()
    for kind, val in blocks:
        if kind == "tab":
            t = doc.add_table(rows=len(val), cols=max(len(r) for r in val))
            for i, row in enumerate(val):
                for j, v in enumerate(row):
                    t.cell(i, j).text = v
        else:
            doc.add_paragraph(val)
    doc.save(path)
    return path


def lines_pdf(path: Path, lines: list[str]) -> Path:
    """A one-column text PDF, one line each."""
    build_pdf(path, [(None, [("l", x) for x in lines], "Helvetica", 10, 18)])
    return path


def people(ex) -> list[tuple]:
    return [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes]


def blocks_pdf(path: Path, blocks) -> Path:
    """A text PDF of paragraphs ("l", text) and drawn tables ("tab", rows): the tables come
    back from the reader as tables with their empty cells, their text as lines without them."""
    build_pdf(path, [(None, blocks, "Helvetica", 9.5, 18)])
    return path


def paragraphs_pdf(path: Path, text: str) -> Path:
    """A text PDF of one paragraph per blank-line block, its lines kept where the text
    breaks them (an act or a letter as a word processor prints it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for para in text.strip().split("\n\n"):
        story.append(Paragraph(para.replace("\n", "<br/>"), styles["BodyText"]))
        story.append(Spacer(1, 4))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def ocr_page(
    text: str,
    confidence: float = 93.0,
    weak_lines: dict[str, float] | None = None,
    weak_words: dict[str, float] | None = None,
    page_confidence: float = 90.0,
    name: str = "scan.png",
):
    """A page as the OCR hands it over: `text` with each line's confidence (`confidence`,
    or that of the first key of `weak_lines` the line holds) and the words read unsurely
    (`weak_words`: each on the first line holding it), its OCR line offsets indexed."""
    from intake.readers import Document, index_ocr_lines

    weak_lines = weak_lines or {}
    rows = text.splitlines()
    lines = [
        (row, next((c for key, c in weak_lines.items() if key in row), confidence)) for row in rows
    ]
    words = [
        (next(i for i, row in enumerate(rows) if word in row), word, c)
        for word, c in (weak_words or {}).items()
    ]
    kind = "pdf_scan" if name.endswith(".pdf") else "image"
    doc = Document(
        path=Path(name),
        kind=kind,
        pages=[text],
        page_confidence=[page_confidence],
        ocr_page_lines=[lines],
        ocr_page_weak_words=[words],
    )
    index_ocr_lines(doc)
    return doc
