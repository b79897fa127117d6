"""Two printed columns side by side (the demandeur facing the conjoint, the housing beside
the resources): a PDF's text layer reads them across, line by line, mixing both. A person
reads one column, then the other; so does this module, for the runs of lines split by the
same empty gutter whose two sides hold fields ("Nom : …") or headings. Tables, and values
typed over captions, are left alone (their rows are read as rows)."""

from __future__ import annotations

# a run of at least this many lines split by one gutter is read column by column
MIN_RUN = 3
GUTTER = 8  # points left empty on each side of the gutter


def lines_of(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _free(line: list[dict], xs: range) -> set[int]:
    """Gutter positions no word of the line comes within GUTTER points of."""
    return {x for x in xs if not any(w["x0"] < x + GUTTER and w["x1"] > x - GUTTER for w in line)}


def _both_sides(line: list[dict], x: int) -> bool:
    return any(w["x1"] <= x for w in line) and any(w["x0"] >= x for w in line)


def _field_or_heading(words: list[dict]) -> bool:
    """'Nom : RENARD' or 'RESSOURCES MENSUELLES': a side that stands on its own. Values typed
    over captions ('MOREAU ____ Kevin ____' over 'Nom Prénom') are not: their columns are
    read across, a caption under its value."""
    text = " ".join(w["text"] for w in words)
    return ":" in text or (text.upper() == text and any(c.isalpha() for c in text))


def _heading(words: list[dict]) -> bool:
    text = " ".join(w["text"] for w in words)
    return text.upper() == text and sum(c.isalpha() for c in text) >= 3


def _words_of_prose(words: list[dict]) -> int:
    return sum(1 for w in words if sum(c.isalpha() for c in w["text"]) >= 2)


def _prose(run: list[list[dict]], x: int) -> bool:
    """Each side reads as sentences or a postal block (a party's name, its address, 'né le …
    à …'): three words or more a line on average. A table without rules is not: its cells
    are an amount, a date, one word."""
    for side in (lambda w: w["x1"] <= x, lambda w: w["x0"] >= x):
        counts = [
            _words_of_prose(ws) for ws in ([w for w in ln if side(w)] for ln in run[1:]) if ws
        ]
        if len(counts) < MIN_RUN - 1 or sum(counts) < 3 * len(counts):
            return False
    return True


def _self_contained(run: list[list[dict]], x: int) -> bool:
    """Two blocks side by side, each under its own title ('DEMANDEUR' facing 'CONJOINT',
    'LOGEMENT' facing 'RESSOURCES', 'DEMANDEUR' facing 'DÉFENDEURS'), most of their lines
    fields or titles, or both blocks prose. Without the titles, 'Nom : … Prénom : …' pairs of
    one person on a line are not two columns."""
    both = [line for line in run if _both_sides(line, x)]
    if not both or not (
        _heading([w for w in both[0] if w["x1"] <= x])
        and _heading([w for w in both[0] if w["x0"] >= x])
    ):
        return False
    ok = sum(
        1
        for line in both
        if _field_or_heading([w for w in line if w["x1"] <= x])
        and _field_or_heading([w for w in line if w["x0"] >= x])
    )
    return ok * 2 > len(both) or _prose(run[run.index(both[0]) :], x)


def _paragraph_gap(lines: list[list[dict]], first: int, k: int) -> bool:
    """A blank line's gap before line k, wider than the run's line spacing so far: the text
    under two blocks side by side ("L'an deux mille…" under the parties) is not their column."""
    if k - first < 2:
        return False
    step = lines[first + 1][0]["top"] - lines[first][0]["top"]
    return lines[k][0]["top"] - lines[k - 1][0]["top"] > 1.7 * max(step, 1)


def column_text(page, boxes: list[tuple], words: list[dict]) -> str | None:
    """The page's text with its two-column blocks read column by column, or None when the
    page has none (then its ordinary text stands). A block is a run of lines no word of
    which crosses one gutter, MIN_RUN of them with words on both sides; a line with words
    on one side only belongs to that side's column. `boxes`: the page's tables (bboxes);
    `words`: its words (pdfplumber's `extract_words`, x_tolerance 1.5, y_tolerance 3)."""
    if not words:
        return None
    lines = lines_of(words)
    xs = range(int(page.width * 0.3), int(page.width * 0.7), 4)
    free = [
        set() if any(b[1] - 2 <= line[0]["top"] <= b[3] + 2 for b in boxes) else _free(line, xs)
        for line in lines
    ]
    # gutters each line has words on both sides of
    sides = [{x for x in f if _both_sides(line, x)} for f, line in zip(free, lines)]
    if sum(1 for s in sides if s) < MIN_RUN:
        return None  # no two columns anywhere on the page
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        # the longest run from line i that one gutter splits, then its best gutter
        common, j = set(free[i]), i
        while j + 1 < len(lines) and common & free[j + 1] and not _paragraph_gap(lines, i, j + 1):
            common &= free[j + 1]
            j += 1
        best = None  # (lines with both sides, gutter)
        for x in sorted(common):
            n = sum(1 for k in range(i, j + 1) if x in sides[k])
            if n >= MIN_RUN and (best is None or n > best[0]):
                if _self_contained(lines[i : j + 1], x):
                    best = (n, x)
        if best is None:
            out.append(" ".join(w["text"] for w in lines[i]))
            i += 1
            continue
        x = best[1]
        run = lines[i : j + 1]
        left = [" ".join(w["text"] for w in line if w["x1"] <= x) for line in run]
        right = [" ".join(w["text"] for w in line if w["x0"] >= x) for line in run]
        out += [t for t in left if t] + [t for t in right if t]
        found = True
        i = j + 1
    return "\n".join(out) if found else None
