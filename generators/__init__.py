"""Word drafts (DSF/ESU report, ASLL convention, ASLL bilan) from a household's `Dossier`."""

from generators.drafts import (
    check_template,
    check_templates,
    draft_document,
    final_document,
)
from generators.errors import IncompleteDocument, TemplateError
from generators.pdf import convert_to_pdf, pdf_available

__all__ = [
    "IncompleteDocument",
    "TemplateError",
    "check_template",
    "check_templates",
    "convert_to_pdf",
    "draft_document",
    "final_document",
    "pdf_available",
]
