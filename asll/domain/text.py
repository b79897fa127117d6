"""Folding text for comparison: the one place that decides when two spellings are the same
word ("Clôturé" and "cloture", "HÉRAULT" and "Hérault")."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """'Clôturé' → 'Cloture'. Compatibility forms (ligature ﬁ, superscripts, no-break
    spaces) are decomposed too, so that a pasted value compares like a typed one."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str | None) -> str:
    """Lower case, no accents, no outer spaces: for comparing words typed by different hands."""
    return strip_accents(text or "").lower().strip()
