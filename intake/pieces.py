"""Earlier acts filed in the same file as the assignation (a préfecture sends the act with
its pièces): a commandement de payer carries its own debt, date, officer and rent, which
are not the assignation's. Its pages are set apart before the act is read, and what they
say is kept only for the judge's report (`date_commandement`, `montant_commandement`).

A piece starts on a page whose first lines hold its title (`[pieces_jointes] titres` of the
rule files) and that opens as an act does (`debut_document`: « L'AN DEUX MILLE … », a
commissaire's office): a section of the assignation under such a heading is no piece. It
runs until a page that opens an assignation or the end.
A file that holds nothing else is left whole: the title alone does not make it an annex.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .engine import RuleSet, compile_pattern
from .readers.document import PAGE_BREAK, Document

HEAD_LINES = 6  # a title stands among a page's first lines (a letterhead may come first)


@dataclass
class Piece:
    start: int  # offsets in the document's text
    end: int
    text: str  # the piece as printed (the document's text has it blanked)


def annexes_set_apart(doc: Document, rules: dict[str, RuleSet]) -> tuple[Document, list[Piece]]:
    """`doc` with the pages of its annexed pieces blanked (offsets kept), and the pieces."""
    acts = [rs for rs in rules.values() if _titles(rs)]
    titles = [compile_pattern(p) for rs in acts for p in _titles(rs)]
    starts = [rx for rs in acts for rx in rs.start]
    if len(doc.pages) < 2 or not titles:
        return doc, []
    annexed: list[bool] = []
    inside = False
    for page in doc.pages:
        head = "\n".join([line for line in page.splitlines() if line.strip()][:HEAD_LINES])
        if any(rx.search(head) for rx in titles) and any(rx.search(page) for rx in starts):
            inside = True  # an act's title and its opening (not a section of the act)
        elif any(rx.search(head) for rx in starts):
            inside = False
        annexed.append(inside)
    kept = [page for page, out in zip(doc.pages, annexed) if not out]
    if not any(annexed) or not any(rx.search(p) for p in kept for rx in starts):
        return doc, []
    pages, pieces, offset = [], [], 0
    for page, out in zip(doc.pages, annexed):
        if out:
            if pieces and pieces[-1].end + len(PAGE_BREAK) == offset:
                last = pieces[-1]  # the piece's next page
                pieces[-1] = Piece(last.start, offset + len(page), last.text + PAGE_BREAK + page)
            else:
                pieces.append(Piece(offset, offset + len(page), page))
            page = "".join(c if c == "\n" else " " for c in page)
        pages.append(page)
        offset += len(page) + len(PAGE_BREAK)
    return replace(doc, pages=pages), pieces


def _titles(rs: RuleSet) -> list[str]:
    return rs.data.get("pieces_jointes", {}).get("titres", [])
