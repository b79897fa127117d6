"""Word drafts (DSF/ESU report, ASLL convention, ASLL bilan) from a household's `Dossier`."""
from generators.drafts import check_template, draft_document
from generators.errors import TemplateError

__all__ = ["TemplateError", "check_template", "draft_document"]
