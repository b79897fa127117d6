"""1. Extraction overhead: the toolkit's extraction against the libraries' own floor.

For each bundled document, three timings (median of `reps` runs, after a warm-up):
- floor: the libraries alone reading the same content — pdfplumber `extract_text` (same
  tolerances) of every page for PDFs; pypdfium2 rendering at 300 dpi + Tesseract
  `image_to_data` (fra, --psm 3) for scans; python-docx opening the form and reading its
  paragraphs and table cells for Word;
- in-process: `intake.extract.extract(path)` (reading + classification + rules), with
  `read_document` alone timed too so the split is visible;
- sandbox: `intake.sandbox.extract_isolated` (a child process per file, as the watcher).

Two more measures:
- whole process: `asll extract FILE --json` as a user runs it (interpreter start, imports,
  the reading child included; modules' bytecode cached, as in an installation) against a
  whole-process pdfplumber script reading the same text PDF, run alternately so that the
  machine's load falls on both alike;
- parallel OCR: a 4-page scan against the same page scanned alone (target well under
  4× on 2 cores).
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import bench_spacy
from benchmarks.common import ROOT, SAMPLES, SCANS, median, repeat

WHOLE_PROCESS_FILE = SAMPLES / "assignation MARTIN.pdf"
PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print("\\n".join(p.extract_text(x_tolerance=1.5, y_tolerance=3) or "" for p in pdf.pages))
"""


def floor(path: Path):
    """A callable: the bare libraries reading `path` (None when there is nothing to read)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        def read():
            d = docx.Document(str(path))
            parts = [p.text for p in d.paragraphs]
            for table in d.tables:
                for row in table.rows:
                    parts.extend(cell.text for cell in row.cells)
            return parts

        return read
    if suffix == ".pdf":
        import pdfplumber
        import pypdfium2 as pdfium
        import pytesseract

        with pdfplumber.open(str(path)) as pdf:
            scanned = [
                i
                for i, page in enumerate(pdf.pages)
                if len(re.sub(r"\s", "", page.extract_text() or "")) < 25
            ]

        def read():
            out = []
            with pdfplumber.open(str(path)) as pdf:
                for i, page in enumerate(pdf.pages):
                    if i not in scanned:
                        out.append(page.extract_text(x_tolerance=1.5, y_tolerance=3))
            if scanned:
                doc = pdfium.PdfDocument(str(path))
                try:
                    for i in scanned:
                        image = doc[i].render(scale=300 / 72).to_pil()
                        out.append(pytesseract.image_to_data(image, lang="fra", config="--psm 3"))
                finally:
                    doc.close()
            return out

        return read
    if suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        import pytesseract
        from PIL import Image

        def read():
            with Image.open(path) as image:
                image.load()
                return pytesseract.image_to_data(image, lang="fra", config="--psm 3")

        return read
    return None


def run(rapide: bool = False) -> dict:
    from intake.errors import UnreadableDocument
    from intake.extract import extract
    from intake.readers import read_document
    from intake.sandbox import extract_isolated

    reps = 1 if rapide else 5
    scan_reps = 3
    files = [p for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    scans = [] if rapide else sorted(SCANS.iterdir())
    rows, skipped = [], []
    for path in files + scans:
        try:
            doc = read_document(path)  # warm-up (imports, rules) and readability check
            extract(path)
        except UnreadableDocument as exc:
            skipped.append({"fichier": path.name, "motif": str(exc)})
            continue
        read = floor(path)
        read()  # warm-up
        n = scan_reps if path in scans or doc.kind in ("pdf_scan", "image") else reps
        t_floor = median(repeat(read, n))
        t_read = median(repeat(lambda path=path: read_document(path), n))
        t_extract = median(repeat(lambda path=path: extract(path), n))
        t_sandbox = median(repeat(lambda path=path: extract_isolated(path, 180, 1500), n))
        rows.append(
            {
                "fichier": path.name,
                "genre": doc.kind,
                "runs": n,
                "plancher": t_floor,
                "lecture": t_read,
                "extraction": t_extract,
                "bac_a_sable": t_sandbox,
            }
        )

    def group(name, kinds):
        sel = [r for r in rows if r["genre"] in kinds]
        if not sel:
            return None
        s = {
            k: sum(r[k] for r in sel) for k in ("plancher", "lecture", "extraction", "bac_a_sable")
        }
        return {
            "groupe": name,
            "fichiers": len(sel),
            **s,
            "ratio_lecture": s["lecture"] / s["plancher"],
            "ratio_extraction": s["extraction"] / s["plancher"],
            "ratio_bac_a_sable": s["bac_a_sable"] / s["plancher"],
            "surcout_bac_a_sable_par_fichier": (s["bac_a_sable"] - s["extraction"]) / len(sel),
        }

    groups = [
        g
        for g in (
            group("PDF texte", {"pdf_text"}),
            group("Formulaires (Word + PDF à champs)", {"docx", "pdf_form"}),
            group("Tout sauf scans", {"pdf_text", "pdf_form", "docx", "odt"}),
            group("Scans (OCR)", {"pdf_scan", "image"}),
        )
        if g
    ]
    return {
        "rows": rows,
        "groups": groups,
        "skipped": skipped,
        "reps": reps,
        "scan_reps": scan_reps,
        "processus_entier": whole_process(5 if rapide else 15),
        "ocr_parallele": None if rapide else parallel_ocr(),
        "spacy": None if rapide else bench_spacy.run(),
    }


def whole_process(runs: int, path: Path = WHOLE_PROCESS_FILE) -> dict:
    """`asll extract FILE --json` against pdfplumber alone, each a fresh process, run in
    turn; medians of `runs` each after one warm-up of both, with their quartiles, the
    processor time (user + system, the process and its reading child) and the load.

    Both start as an installed program does, with the bytecode of their modules cached
    (pip compiles it at installation; a checkout writes `__pycache__` at its first run):
    a machine that sets PYTHONDONTWRITEBYTECODE would otherwise have asll recompile its
    own sources at every start, which no user's machine does. The cache is a temporary
    folder, filled by the warm-up runs. So is asll's cache of compiled rule patterns
    (intake/pattern_store.py): the first run after an installation or a change of rules
    compiles them, timed once apart (`premier_lancement`)."""
    asll = [sys.executable, "-m", "asll", "extract", str(path), "--json"]
    plumber = [sys.executable, "-c", PDFPLUMBER_SCRIPT, str(path)]

    with (
        tempfile.TemporaryDirectory(prefix="asll-bench-pyc-") as cache,
        tempfile.TemporaryDirectory(prefix="asll-bench-motifs-") as patterns,
    ):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        env["XDG_CACHE_HOME"] = patterns

        def once(cmd, **extra) -> tuple[float, float]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**env, **extra}
            )
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            return wall, cpu

        once(asll, ASLL_CACHE_MOTIFS="0"), once(plumber)  # the bytecode only
        first = once(asll)[0]  # patterns compiled, then kept
        once(asll)
        t_asll, t_plumber, loads = [], [], []
        for _ in range(runs):
            t_asll.append(once(asll))
            t_plumber.append(once(plumber))
            loads.append(os.getloadavg()[0])
    a, p = median(w for w, _ in t_asll), median(w for w, _ in t_plumber)
    cpu_a, cpu_p = median(c for _, c in t_asll), median(c for _, c in t_plumber)
    return {
        "fichier": path.name,
        "runs": runs,
        "asll_extract": a,
        "pdfplumber": p,
        "ratio": a / p,
        "quartiles_asll": _quartiles([w for w, _ in t_asll]),
        "quartiles_pdfplumber": _quartiles([w for w, _ in t_plumber]),
        "ratio_par_paire": median(x / y for (x, _), (y, _) in zip(t_asll, t_plumber)),
        "cpu_asll": cpu_a,
        "cpu_pdfplumber": cpu_p,
        "ratio_cpu": cpu_a / cpu_p,
        "premier_lancement": first,
        "charge": [min(loads), max(loads)],
    }


def _quartiles(values: list[float]) -> list[float]:
    return statistics.quantiles(values, n=4) if len(values) > 1 else values * 3


def parallel_ocr(runs: int = 3) -> dict:
    """Reading a 4-page scan against reading its first page alone."""
    from pypdf import PdfReader, PdfWriter

    from intake.readers import read_document

    source = SCANS / "scan_20250915_0932.pdf"
    with tempfile.TemporaryDirectory(prefix="asll-bench-ocr-") as tmp:
        one, four = Path(tmp) / "une page.pdf", Path(tmp) / "quatre pages.pdf"
        page = PdfReader(source).pages[0]
        for path, n in ((one, 1), (four, 4)):
            writer = PdfWriter()
            for _ in range(n):
                writer.add_page(page)
            with open(path, "wb") as handle:
                writer.write(handle)
        read_document(one)  # warm-up
        t_one = median(repeat(lambda: read_document(one), runs))
        t_four = median(repeat(lambda: read_document(four), runs))
    return {"runs": runs, "une_page": t_one, "quatre_pages": t_four, "ratio": t_four / t_one}
