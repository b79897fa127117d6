#!/usr/bin/env python3
"""Build intake/data/accents.tsv from Tesseract's French word list.

A fax or a worn photocopy drops accents now and then (« Emile » for « Émile », « Eglise »
for « Église »), and the line is read with full confidence. The table lists the words
that French spells with an accent and (as far as the word list tells) never without one:
a capitalised word whose accented spelling is in the list while its bare spelling is not
a word of its own (« des » / « Dès », « Marie » / « Marié » are left out). A value read
by OCR that holds one of them unaccented is flagged (`intake.accents`).

Source: the word list (`lstm-word-dawg`) of `fra.traineddata` as installed with
Tesseract (tesseract-ocr/tessdata_fast, Apache License 2.0), unpacked with
`combine_tessdata -u` and `dawg2wordlist`. Same input, same file, byte for byte.

Usage: python scripts/build_accents.py [--traineddata FILE] [--sortie FILE]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asll.domain.text import fold  # noqa: E402

DEFAULT_OUT = ROOT / "intake" / "data" / "accents.tsv"
TRAINEDDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words_of(traineddata: Path) -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "fra.")
        subprocess.run(
            ["combine_tessdata", "-u", str(traineddata), prefix], check=True, capture_output=True
        )
        out = Path(tmp) / "words.txt"
        subprocess.run(
            ["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(out)],
            check=True,
            capture_output=True,
        )
        return {w.strip() for w in out.read_text(encoding="utf-8").splitlines() if w.strip()}


def table(words: set[str]) -> dict[str, str]:
    """Folded bare spelling → its accented spelling(s), joined by « | »."""
    accented: dict[str, set[str]] = {}
    for w in words:
        if (
            _WORD.fullmatch(w)
            and w[0].isupper()
            and not w.isupper()
            and fold(w) != w.lower()
            and len(w) > 2
        ):
            accented.setdefault(fold(w), set()).add(w)
    out = {}
    for bare, spellings in accented.items():
        title = bare[0].upper() + bare[1:]
        if bare in words and title in words:
            continue  # the bare spelling is a word of its own, capitalised or not
        out[bare] = "|".join(sorted(spellings))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traineddata", type=Path)
    parser.add_argument("--sortie", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    source = args.traineddata or next(
        (
            Path(d) / "fra.traineddata"
            for d in TRAINEDDATA
            if (Path(d) / "fra.traineddata").exists()
        ),
        None,
    )
    if source is None:
        print("fra.traineddata introuvable : donner --traineddata", file=sys.stderr)
        return 1
    rows = table(words_of(source))
    args.sortie.parent.mkdir(parents=True, exist_ok=True)
    with args.sortie.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# sans accent\tgraphies accentuées (scripts/build_accents.py)\n")
        for bare in sorted(rows):
            f.write(f"{bare}\t{rows[bare]}\n")
    print(f"{len(rows)} mots écrits dans {args.sortie}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
