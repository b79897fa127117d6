"""Read one file in a child process, with a time limit and a memory limit.

The watcher never parses a document itself: whatever a file does (loops, eats memory,
crashes a C library), only the child dies, and the file is quarantined with a reason.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from asll.domain.model import Extraction

TOO_MUCH_MEMORY = "Le fichier demande trop de mémoire pour être lu."


class ToolFailure(Exception):
    """The reading tool itself is broken (not the file): the file must stay where it is."""


@dataclass
class SandboxResult:
    extraction: Extraction | None = None
    reason: str | None = None  # French, for staff, when the file could not be read

    @property
    def ok(self) -> bool:
        return self.extraction is not None


def _context():
    if sys.platform == "win32":
        return multiprocessing.get_context("spawn")
    # forkserver: children start from a clean, pre-imported process (no inherited threads).
    ctx = multiprocessing.get_context("forkserver")
    # The readers' libraries are imported lazily by intake, and the rules compiled on first
    # use; doing both here once saves each child about 0.4 s (benchmarks/RESULTS.md, 1).
    ctx.set_forkserver_preload(["intake.extract", "intake.reading", "intake.ocr", "pdfplumber",
                                "pypdf", "pypdfium2", "docx", "PIL.Image", "pytesseract",
                                "intake.warm_up"])
    return ctx


def _child(path: str, memory_mb: int, rules: str | None, conn) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the watcher, not this read
    if memory_mb and sys.platform != "win32":
        import resource
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        try:
            from intake.errors import UnreadableDocument
            from intake.extract import extract
        except Exception as exc:  # the tool is broken, not the file
            conn.send(("tool_error", f"{type(exc).__name__}: {exc}"))
            return
        try:
            extraction = extract(Path(path), extra_rules_dir=Path(rules) if rules else None)
            conn.send(("ok", extraction.to_json()))
        except MemoryError:
            conn.send(("unreadable", TOO_MUCH_MEMORY))
        except UnreadableDocument as exc:
            # readers turn any library failure into "damaged": the memory limit is not that
            memory = isinstance(exc.__cause__, MemoryError) or isinstance(
                exc.__context__, MemoryError)
            conn.send(("unreadable", TOO_MUCH_MEMORY if memory else str(exc)))
        except Exception as exc:  # a library failing on a malformed file
            conn.send(("unreadable", f"Le fichier n'a pas pu être lu ({type(exc).__name__})."))
    finally:
        conn.close()


def extract_isolated(path: Path, timeout: float, memory_mb: int,
                     rules_dir: Path | None = None) -> SandboxResult:
    ctx = _context()
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(str(path), memory_mb, str(rules_dir) if rules_dir else None, child_conn), daemon=True)
    process.start()
    child_conn.close()
    try:
        if not parent_conn.poll(timeout):
            return SandboxResult(reason=(
                f"La lecture du fichier a dépassé le délai de {timeout:.0f} secondes."))
        try:
            status, payload = parent_conn.recv()
        except EOFError:
            process.join(5)
            return SandboxResult(reason=_crash_reason(process.exitcode))
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent_conn.close()
    if status == "ok":
        return SandboxResult(extraction=Extraction.from_json(payload))
    if status == "tool_error":
        raise ToolFailure(f"Le module de lecture ne fonctionne pas : {payload}")
    return SandboxResult(reason=payload)


def _crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0 and -exitcode == getattr(signal, "SIGKILL", 9):
        return "La lecture du fichier a été interrompue (mémoire insuffisante)."
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return (f"La lecture du fichier s'est arrêtée brutalement (signal {name}) : fichier "
                "probablement malformé ou piégé.")
    return f"La lecture du fichier s'est arrêtée brutalement (code {exitcode})."
