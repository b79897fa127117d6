"""What every reader returns: the text of a file, page by page, with what the format adds
(form fields, tick boxes, tables, OCR confidences) and notes for staff."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..french import normalize_text

CHECKED = "☒"
UNCHECKED = "☐"
PAGE_BREAK = "\n\f\n"

# One OCR'd line as Tesseract gave it: its text and its mean word confidence (0–100).
OcrLine = tuple[str, float]
# A region of a page as (x0, top, x1, bottom) from its top-left corner: PDF points for a
# PDF's page, pixels for an image's.
Box = tuple[float, float, float, float]


@dataclass
class Document:
    path: Path
    kind: str  # pdf_text | pdf_scan | pdf_form | docx | odt | image
    pages: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(
        default_factory=dict
    )  # AcroForm / content controls / form fields
    checkboxes: dict[str, bool] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)  # table → rows → cell texts
    page_confidence: list[float | None] = field(default_factory=list)  # OCR only, else None
    # What the OCR read on each page (empty for a page read from its text layer); the
    # readers fill it, `read_document` turns it into `ocr_lines`.
    ocr_page_lines: list[list[OcrLine]] = field(default_factory=list)
    # The box of each of those lines on its page (same order; [] when unknown).
    ocr_page_boxes: list[list[Box]] = field(default_factory=list)
    # OCR lines as (start, end, confidence) offsets into `text`
    ocr_lines: list[tuple[int, int, float]] = field(default_factory=list)
    # the box of each line of `ocr_lines` (same order; None when unknown)
    ocr_boxes: list[Box | None] = field(default_factory=list)
    # Words the OCR read with low confidence, by page: (index of their line in that page's
    # `ocr_page_lines`, the word, its confidence); `read_document` turns them into
    # `ocr_weak_words`, (start, end, confidence) offsets into `text`.
    ocr_page_weak_words: list[list[tuple[int, str, float]]] = field(default_factory=list)
    ocr_weak_words: list[tuple[int, int, float]] = field(default_factory=list)
    # Lines a reader wrote itself (a fillable form's "label : value"), by page: the line's
    # text (normalised) and the box of what it shows (the field's widget).
    line_boxes: list[dict[str, Box]] = field(default_factory=list)
    # The words of each page read from its text layer as (text, x0, top, x1, bottom) in
    # PDF points (empty for any other page): where a value was read, to show it.
    page_words: list[list[tuple[str, float, float, float, float]]] = field(default_factory=list)
    # Notes for staff, in French, about a file that was read all the same (a misleading
    # extension, say): they go with the document's row in the register.
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(self.pages)

    def pad_pages(self) -> None:
        """Every page-by-page list as long as `pages` (a reader fills those it knows)."""
        n = len(self.pages)
        for name, empty in _PER_PAGE.items():
            values = getattr(self, name)
            del values[n:]
            values.extend(empty() for _ in range(n - len(values)))

    def append_pages(self, other: Document) -> None:
        """`other`'s pages after these, with what its reader kept page by page."""
        self.pad_pages()
        other.pad_pages()
        self.pages += other.pages
        for name in _PER_PAGE:
            getattr(self, name).extend(getattr(other, name))
        self.fields.update(other.fields)
        self.checkboxes.update(other.checkboxes)
        self.paragraphs += other.paragraphs
        self.tables += other.tables

    @property
    def ocr(self) -> bool:
        return any(c is not None for c in self.page_confidence)

    def confidence_at(self, offset: int) -> float | None:
        """OCR confidence of the line holding character `offset` of `text` (None if not OCR)."""
        for start, end, conf in self.ocr_lines:
            if start <= offset <= end:
                return conf
        return None


# Document's page-by-page lists, and what a page without such data holds
_PER_PAGE = {
    "page_confidence": lambda: None,
    "ocr_page_lines": list,
    "ocr_page_boxes": list,
    "ocr_page_weak_words": list,
    "line_boxes": dict,
    "page_words": list,
}


def index_ocr_lines(doc: Document) -> None:
    """Offsets in `doc.text` of the lines in `doc.ocr_page_lines` (pages already normalised)."""
    offset = 0
    for index, (page_text, lines) in enumerate(zip(doc.pages, doc.ocr_page_lines)):
        boxes = doc.ocr_page_boxes[index] if index < len(doc.ocr_page_boxes) else []
        weak = doc.ocr_page_weak_words[index] if index < len(doc.ocr_page_weak_words) else []
        cursor = 0
        for k, (line_text, conf) in enumerate(lines):
            line_text = normalize_text(line_text)
            pos = page_text.find(line_text, cursor)
            if pos < 0:
                continue
            doc.ocr_lines.append((offset + pos, offset + pos + len(line_text), conf))
            doc.ocr_boxes.append(boxes[k] if k < len(boxes) else None)
            at = 0
            for _, word, word_conf in (w for w in weak if w[0] == k):
                word = normalize_text(word)
                found = line_text.find(word, at) if word else -1
                if found >= 0:
                    start = offset + pos + found
                    doc.ocr_weak_words.append((start, start + len(word), word_conf))
                    at = found + len(word)
            cursor = pos + len(line_text)
        offset += len(page_text) + len(PAGE_BREAK)
