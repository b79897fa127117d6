"""Accents a scan dropped: « Emile » read for « Émile », « Eglise » for « Église ».

A fax's coarse lines or a worn photocopy lose an accent now and then, and Tesseract reads
the bare word with full confidence, so no weak-word flag catches it. `intake/data/
accents.tsv` (built by `scripts/build_accents.py` from Tesseract's French word list) holds
the words French spells with an accent and not without one. On a document read by OCR:

    accents_lost(ex, text) -> set[str]

flags each name or address value holding one of them bare; the accent is put back when the
same document prints the accented spelling elsewhere (the name read twice, once whole).
Capitals keep their bare spelling: French often prints them without accents.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from asll.domain.text import fold

TABLE = Path(__file__).parent / "data" / "accents.tsv"
_FIELDS = ("adresse", "bailleur", "commissaire_justice", "prescripteur", "organisme_prescripteur")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _table() -> dict[str, tuple[str, ...]]:
    rows = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            bare, spellings = line.split("\t")
            rows[bare] = tuple(spellings.split("|"))
    return rows


def _bare(word: str) -> tuple[str, ...]:
    """The accented spellings of `word` when it is a capitalised word read without the
    accent French gives it; () otherwise."""
    if len(word) < 3 or not word[0].isupper() or word.isupper() or fold(word) != word.lower():
        return ()
    return _table().get(word.lower(), ())


def _mended(value: str, text: str) -> tuple[str, bool]:
    """`value` with its bare words restored from the document's own accented spelling, and
    whether any word was read bare."""
    lost = False

    def restore(m: re.Match) -> str:
        nonlocal lost
        spellings = _bare(m.group())
        if not spellings:
            return m.group()
        lost = True
        printed = [s for s in spellings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        return printed[0] if len(printed) == 1 else m.group()

    return _WORD.sub(restore, value), lost


def accents_lost(ex, text: str) -> set[str]:
    """Fields of `ex` (read by OCR from `text`) holding a word whose accent was dropped."""
    doubtful: set[str] = set()
    for name in _FIELDS:
        value = getattr(ex, name, None)
        if isinstance(value, str):
            mended, lost = _mended(value, text)
            if lost:
                setattr(ex, name, mended)
                doubtful.add(name)
    for p in ex.personnes:
        for part in ("nom", "prenom"):
            value = getattr(p, part)
            if value:
                mended, lost = _mended(value, text)
                if lost:
                    setattr(p, part, mended)
                    doubtful.add("personnes")
    return doubtful
