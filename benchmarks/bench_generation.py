"""5. Generation: drafts per second, and PDF conversion batched vs one process per document.

Dossiers come from the bundled documents (extracted, then `new_dossier`), each drafted
with the kind the pipeline would choose (ESU report for assignations and saisines,
convention for ASLL access / maintenance / renewal prescriptions), cycled to N drafts.
- drafts/s: N `draft_document` calls into a fresh outbox, median of 3 batches;
- PDF: the same M drafts converted by `generators.pdf.convert_to_pdf(paths, outdir)` in one
  LibreOffice process, then by one `convert_to_pdf([path], outdir)` call (one LibreOffice
  process) per document. One run each (slow): see the note in RESULTS.md.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from benchmarks.common import SAMPLES, median, timed


def _dossiers():
    from asll.domain.dossiers import nature_for, new_dossier
    from intake.errors import UnreadableDocument
    from intake.extract import extract

    out = []
    for i, path in enumerate(sorted(SAMPLES.iterdir())):
        try:
            ex = extract(path)
        except UnreadableDocument:
            continue
        nature = nature_for(ex)
        if nature is None:
            continue
        d = new_dossier(ex, f"{nature}-2025-{i + 1:04d}", date(2025, 10, 1))
        if ex.type_document in ("assignation", "saisine_prefecture"):
            out.append(("esu", d))
        elif d.type_mesure in ("acces", "maintien", "renouvellement"):
            out.append(("convention", d))
    return out


def run(rapide: bool = False) -> dict:
    from asll.config import Config
    from generators.drafts import draft_document
    from generators.pdf import convert_to_pdf, pdf_available

    n_drafts = 10 if rapide else 30
    n_pdf = 6 if rapide else 50
    pairs = _dossiers()
    with tempfile.TemporaryDirectory(prefix="asll-bench-generation-") as tmp:
        tmp = Path(tmp)
        draft_document(*pairs[0], Config.for_workspace(tmp / "chauffe"))  # warm-up
        rates, paths = [], []
        for batch in range(3):
            config = Config.for_workspace(tmp / f"lot{batch}")
            config.ensure_folders()

            def make(config=config):
                return [
                    draft_document(kind, d, config)
                    for kind, d in (pairs[i % len(pairs)] for i in range(n_drafts))
                ]

            t, made = timed(make)
            rates.append(n_drafts / t)
            paths = made
        out = {
            "brouillons": n_drafts,
            "types": sorted({k for k, _ in pairs}),
            "par_seconde": median(rates),
            "runs": 3,
        }

        if not pdf_available():
            out["pdf"] = None
            return out
        sources = [paths[i % len(paths)] for i in range(n_pdf)]
        # distinct names, so that each conversion writes its own PDF
        staged = tmp / "a-convertir"
        staged.mkdir()
        docs = []
        for i, p in enumerate(sources):
            target = staged / f"{i:03d}-{p.name}"
            target.write_bytes(p.read_bytes())
            docs.append(target)
        t_batch, made_batch = timed(convert_to_pdf, docs, tmp / "pdf-lot")
        single_dir = tmp / "pdf-un-par-un"
        t_single, made_single = 0.0, 0
        for p in docs:
            t, made = timed(convert_to_pdf, [p], single_dir)
            t_single += t
            made_single += len(made)
        out["pdf"] = {
            "documents": n_pdf,
            "un_processus": t_batch,
            "un_processus_par_document": t_single,
            "pdf_lot": len(made_batch),
            "pdf_un_par_un": made_single,
            "acceleration": t_single / t_batch,
            "runs": 1,
        }
    return out
