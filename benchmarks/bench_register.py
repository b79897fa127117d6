"""4. The register at scale: 20,000 dossiers (and one received document per dossier).

Fixture: the colleague's `bench_reports.synthetic` dossiers (with hearing, saisine and
deadline dates added to the ESU ones so that `due()` has work, all but the newest
OPEN_DOSSIERS closed), written with
`Register.put` + `add_document`, then `put_deadlines` + `save`. `Register.put` costs
O(rows) (openpyxl's `max_row` walks every cell, `_put_data` scans the hidden data sheet),
so a build one `put` at a time is quadratic (~hours for 20,000); for the *fixture only*
those two look-ups are answered from a counter (`_CountingSheet`). Everything measured
afterwards runs the unmodified code on the saved workbook.

Measured, on an empty register and on the big one, in a workspace as the watcher has it
(a long-lived `Intake`, forkserver warm, one untimed document first):
- loading the register (`RegisterStore.view()`: openpyxl reads the workbook);
- ingesting one more document: `Intake.handle()` (read in the sandbox, match, journal,
  apply, draft) and `Intake.flush()` (deadlines sheet + workbook save), which the watcher
  runs right after; and, apart, the first flush after loading, which writes the whole
  workbook (the later ones write only the changed rows);
- `asll echeances`: load + `due(dossiers, today, 15)`;
- the annual report (`annual_report(..., pdf=False)`, docx + xlsx): alone and with load.
The worst against its target is profiled with cProfile.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import shutil
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.common import SAMPLES, median, repeat, timed, variant

WARMUP = SAMPLES / "Courrier SP Saint-Dizier 2025-0412.pdf"
MEASURED = SAMPLES / "assignation MARTIN.pdf"


class _CountingSheet:
    """A worksheet whose `max_row` is a counter (and, for the data sheet, whose scan for an
    existing row finds none: every dossier of the fixture is new). Fixture build only."""

    def __init__(self, ws, no_scan: bool = False):
        self._ws, self._max, self._no_scan = ws, ws.max_row, no_scan

    @property
    def max_row(self):
        return self._max

    def cell(self, row, column, value=None):
        self._max = max(self._max, row)
        return self._ws.cell(row=row, column=column, value=value)

    def append(self, values):
        self._ws.append(values)
        self._max += 1

    def iter_rows(self, *args, **kwargs):
        return iter(()) if self._no_scan else self._ws.iter_rows(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._ws, name)


OPEN_DOSSIERS = 300  # a large service's caseload; the years before are closed


def synthetic_dossiers(n: int):
    from benchmarks.bench_reports import synthetic

    rnd = random.Random(7)
    dossiers = synthetic(n)
    for d in dossiers:
        if d.nature == "ESU":
            d.date_document = d.date_ouverture
            d.date_limite = d.date_ouverture + timedelta(days=30)
            d.date_audience = d.date_ouverture + timedelta(days=rnd.randrange(50, 120))
    # Ten or twenty years of dossiers are nearly all closed: only the newest are open, so
    # that the "Échéances" sheet holds what a service really has on hand.
    for d in sorted(dossiers, key=lambda d: d.date_ouverture)[:-OPEN_DOSSIERS]:
        d.statut = "Clos"
    return dossiers


def build(path: Path, n: int) -> dict:
    from asll.domain.deadlines import deadlines_for
    from asll.storage.register import DocumentRecord, Register

    dossiers = synthetic_dossiers(n)
    t0 = time.perf_counter()
    register = Register.create(path)
    real = register.dossiers_ws, register.data_ws, register.documents_ws
    register.dossiers_ws = _CountingSheet(real[0])
    register.data_ws = _CountingSheet(real[1], no_scan=True)
    register.documents_ws = _CountingSheet(real[2])
    for i, d in enumerate(dossiers):
        register.put(d)
        register.add_document(
            DocumentRecord(
                recu_le=datetime.combine(d.date_ouverture, datetime.min.time()),
                fichier=f"document {i}.pdf",
                sha256=f"{i:064x}",
                type="Assignation",
                dossier=d.numero,
                resultat="traité",
                classe_sous=f"archive/{i}.pdf",
            )
        )
    register.dossiers_ws, register.data_ws, register.documents_ws = real
    register.put_deadlines([x for d in register.dossiers() for x in deadlines_for(d)])
    t_put = time.perf_counter() - t0
    t_save, _ = timed(register.save)
    return {
        "dossiers": n,
        "construction": t_put,
        "enregistrement": t_save,
        "taille_mo": path.stat().st_size / 1e6,
    }


def _profile(fn, top: int = 14) -> list[str]:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    lines = []
    for line in out.getvalue().splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6 and parts[0][0].isdigit() and parts[1][0].isdigit():
            where = parts[5].replace(str(Path.cwd()) + "/", "")
            where = where.split("site-packages/")[-1]
            lines.append(
                f"{float(parts[1]):7.2f} s propres, {float(parts[3]):7.2f} s cumulées, "
                f"{parts[0]} appels — {where}"
            )
    return lines


def measure_ingest(register_src: Path | None, reps: int, profile: bool = False) -> dict:
    from asll.config import Config
    from intake.pipeline import Intake

    with tempfile.TemporaryDirectory(prefix="asll-bench-registre-") as tmp:
        config = Config.for_workspace(Path(tmp))
        config.ensure_folders()
        if register_src:
            shutil.copy2(register_src, config.registre)
        # handle() saves by itself once flush_seconds have passed since the last save (always
        # true after loading a big register): keep the two apart, the sum is what a file costs
        intake = Intake(config, flush_seconds=float("inf"))
        t_load, register = timed(intake.store.view)
        n = len(register.dossiers())

        def drop(i: int, src: Path) -> Path:
            p = config.inbox / f"{i:03d} {src.name}"
            p.write_bytes(variant(src, 1000 + i))
            return p

        intake.handle(drop(0, WARMUP))
        # the first save of a loaded workbook writes it whole; later ones only what changed
        t_first_flush, _ = timed(intake.flush)
        handles, flushes = [], []
        for i in range(1, reps + 1):
            path = drop(i, MEASURED)
            t_handle, result = timed(intake.handle, path)
            t_flush, _ = timed(intake.flush)
            assert result.resultat == "traité", result
            handles.append(t_handle)
            flushes.append(t_flush)
        prof = None
        if profile:
            path = drop(reps + 1, MEASURED)
            prof = _profile(lambda: (intake.handle(path), intake.flush()))
        return {
            "dossiers": n,
            "chargement": t_load,
            "premier_flush": t_first_flush,
            "handle": median(handles),
            "flush": median(flushes),
            "total": median(h + f for h, f in zip(handles, flushes)),
            "runs": reps,
            "profil": prof,
        }


def run(rapide: bool = False) -> dict:
    from asll.config import Config
    from asll.domain.deadlines import due
    from asll.storage.store import RegisterStore
    from reports import annual_report

    n = 1000 if rapide else 20000
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="asll-bench-gros-registre-") as tmp:
        big = Path(tmp) / "registre.xlsx"
        out["construction"] = build(big, n)
        out["ouverts"] = OPEN_DOSSIERS

        out["ingestion_vide"] = measure_ingest(None, reps=3)
        out["ingestion_gros"] = measure_ingest(big, reps=5, profile=True)

        # échéances and annual report, as the CLI does them: a fresh store read the fast
        # (read-only) way, then the work
        t_load, dossiers = timed(lambda: RegisterStore(big).dossiers())
        today = date.today()
        t_due = median(repeat(lambda: due(dossiers, today, 15), 3))
        late, coming = due(dossiers, today, 15)
        outdir = Path(tmp) / "rapports"
        year = 2024
        report_runs = 3
        t_report = median(
            repeat(lambda: annual_report(dossiers, year, Config(), outdir, pdf=False), report_runs)
        )
        out["echeances"] = {
            "chargement": t_load,
            "due": t_due,
            "total": t_load + t_due,
            "en_retard": len(late),
            "a_venir": len(coming),
        }
        out["rapport_annuel"] = {
            "rapport": t_report,
            "avec_chargement": t_load + t_report,
            "annee": year,
            "runs": report_runs,
        }

        # which is worst against its target?
        delta = out["ingestion_gros"]["total"] - out["ingestion_vide"]["total"]
        out["ingestion_delta"] = delta
        scores = {
            "ingestion": delta / 1.0,
            "rapport_annuel": out["rapport_annuel"]["avec_chargement"] / 10.0,
        }
        worst = max(scores, key=scores.get)
        out["pire"] = worst
        if worst == "ingestion":
            out["profil"] = out["ingestion_gros"].pop("profil")
            out["profil_de"] = (
                f"une ingestion de plus (handle + flush) sur le registre de {n} dossiers"
            )
        else:
            out["profil"] = _profile(
                lambda: annual_report(
                    RegisterStore(big).dossiers(), year, Config(), outdir, pdf=False
                )
            )
            out["profil_de"] = f"chargement + rapport annuel, {n} dossiers"
    return out
