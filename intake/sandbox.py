"""Read one file in a child process, with a time limit and a memory limit.

The watcher never parses a document itself: whatever a file does (loops, eats memory,
crashes a C library), only the child dies, and the file is quarantined with a reason.

The watcher's children start from a forkserver that has imported the readers and compiled
the rules once (~1 s, paid once per run). A one-shot command (`asll extract`) would pay
that for one file: it forks itself instead (`one_shot=True`, Linux), and the child
imports only what its file needs.
"""

from __future__ import annotations

import errno
import gc
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from asll.domain.model import Extraction

TOO_MUCH_MEMORY = "Le fichier demande trop de mémoire pour être lu."

# Each read gets a private scratch folder, made and removed by this process: a child killed
# at its time limit cannot remove what it wrote there (page images of a scan, a converted
# copy), and those are personal data. The folder's name carries this process's id, so that
# the folders of a process that was itself killed can be swept away later.
SCRATCH_PREFIX = "asll-lecture-"
_SCRATCH_NAME = re.compile(re.escape(SCRATCH_PREFIX) + r"(\d+)-")
_swept = False


class ToolFailure(Exception):
    """The reading tool itself is broken (not the file): the file must stay where it is."""


@dataclass
class SandboxResult:
    extraction: Extraction | None = None
    reason: str | None = None  # French, for staff, when the file could not be read
    notes: list[str] = field(default_factory=list)  # French, for staff, on a file read all the same

    @property
    def ok(self) -> bool:
        return self.extraction is not None


def _context(one_shot: bool = False):
    if sys.platform == "win32":
        return multiprocessing.get_context("spawn")
    if one_shot and sys.platform.startswith("linux"):
        # the calling command has no threads yet and reads one file: a plain fork costs
        # milliseconds where a forkserver's start and preloads cost about a second
        return multiprocessing.get_context("fork")
    # forkserver: children start from a clean, pre-imported process (no inherited threads).
    ctx = multiprocessing.get_context("forkserver")
    # The readers' libraries are imported lazily by intake, and the rules compiled on first
    # use; doing both here once saves each child about 0.4 s (benchmarks/RESULTS.md, 1).
    ctx.set_forkserver_preload(
        [
            "intake.extract",
            "intake.readers",
            "intake.ocr",
            "pdfplumber",
            "pypdf",
            "pypdfium2",
            "docx",
            "PIL.Image",
            "pytesseract",
            "intake.warm_up",
        ]
    )
    return ctx


def _child(
    path: str, memory_mb: int, rules: str | None, conn, read_only: bool, scratch: str
) -> None:
    """Read (and, unless `read_only`, extract) one file; send the outcome down `conn`.
    Temporary files, this process's and its tools' (Tesseract, LibreOffice), go in
    `scratch`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the watcher, not this read
    # This process reads one file and exits. The cycle collector would walk the parent's
    # objects (inherited, never garbage here) and the reader's tens of thousands of
    # character boxes, alive until the end: 15 % of a small PDF's reading, 30 % of a
    # 90-page one's, for no memory back (same peak either way, benchmarks/RESULTS.md 1).
    # Reference counting still frees everything else; the memory limit below still holds.
    gc.freeze()
    gc.disable()
    tempfile.tempdir = scratch
    os.environ["TMPDIR"] = scratch
    if memory_mb and sys.platform != "win32":
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        try:
            from intake.errors import UnreadableDocument
            from intake.readers import read_document

            if not read_only:
                from intake.extract import extract_document
        except Exception as exc:  # the tool is broken, not the file
            conn.send(("tool_error", f"{type(exc).__name__}: {exc}"))
            return
        try:
            doc = read_document(Path(path))
            if read_only:
                conn.send(("read", doc))
                return
            extraction = extract_document(
                doc, Path(path).name, extra_rules_dir=Path(rules) if rules else None
            )
            conn.send(("ok", (extraction.to_json(), doc.warnings)))
        except MemoryError:
            conn.send(("unreadable", TOO_MUCH_MEMORY))
        except UnreadableDocument as exc:
            # readers turn any library failure into "damaged": the memory limit is not that
            memory = _out_of_memory(exc, memory_mb)
            conn.send(("unreadable", TOO_MUCH_MEMORY if memory else str(exc)))
        except Exception as exc:  # a library failing on a malformed file
            conn.send(("unreadable", _failed(exc)))
    finally:
        conn.close()


def _out_of_memory(exc: BaseException, memory_mb: int | None) -> bool:
    """Whether a reader's failure comes from the memory limit: a MemoryError or ENOMEM
    anywhere in the chain of causes (a library may wrap it twice), or a process that had
    used most of its allowance when it failed (a C library's failed allocation is often
    reported as a damaged file)."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    if memory_mb and sys.platform != "win32":
        import resource

        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
        return used > 0.6 * memory_mb * 1024 * 1024
    return False


def _failed(exc: Exception) -> str:
    return f"Le fichier n'a pas pu être lu ({type(exc).__name__})."


def extract_isolated(
    path: Path,
    timeout: float,
    memory_mb: int,
    rules_dir: Path | None = None,
    one_shot: bool = False,
    forced_type: str | None = None,
) -> SandboxResult:
    """Read and extract `path` in a child process, within `timeout` seconds and
    `memory_mb` of memory.

    `one_shot` is for a command that reads one file and stops (`asll extract`): on Linux
    the child is a plain fork that only reads the file, while this process loads the
    rules and compiles their patterns until the text arrives; the text is then extracted
    here (compiling what is still missing of the patterns this document needs). The
    reading (the libraries, the file's bytes) stays in the child, with its limits; a time
    limit covers the reading only.
    """
    from intake.readers.guards import refused_unopened

    if reason := refused_unopened(path):  # no process to start for an empty or missing file
        return SandboxResult(reason=reason)
    rules = str(rules_dir) if rules_dir else None
    ahead = one_shot and sys.platform.startswith("linux")
    # a type a person chose: the child only reads, the extraction runs here with that type
    split = ahead or forced_type is not None
    ctx = _context(one_shot)
    scratch = _scratch_folder()
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child, args=(str(path), memory_mb, rules, child_conn, split, scratch), daemon=True
    )
    started = time.monotonic()
    process.start()
    child_conn.close()
    try:
        if ahead:
            # while the child reads, the rules are loaded and their patterns compiled,
            # until the text arrives; the rest compile as the text needs them
            from intake.extract import USUAL_SPELLED, compile_ahead

            for _ in compile_ahead(rules, USUAL_SPELLED):
                if parent_conn.poll(0):
                    break
        if not parent_conn.poll(max(timeout - (time.monotonic() - started), 0)):
            # French: « 0,5 seconde », « 1 seconde », « 120 secondes »
            unit = "seconde" if timeout < 2 else "secondes"
            shown = f"{round(timeout, 1):g}".replace(".", ",")
            return SandboxResult(
                reason=f"La lecture du fichier a dépassé le délai de {shown} {unit}."
            )
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
        shutil.rmtree(scratch, ignore_errors=True)
    if status == "read":
        result = _extract_here(payload, Path(path).name, rules_dir, forced_type)
        if ahead:  # the patterns this text needed that compiling ahead had not
            from intake import pattern_store

            pattern_store.save()
        return result
    if status == "ok":
        extraction, notes = payload
        return SandboxResult(extraction=Extraction.from_json(extraction), notes=notes)
    if status == "tool_error":
        raise ToolFailure(f"Le module de lecture ne fonctionne pas : {payload}")
    return SandboxResult(reason=payload)


def _scratch_folder() -> str:
    """A new private folder for one read (mode 0700), after sweeping, once per process, the
    folders left by reading processes that no longer run."""
    global _swept
    if not _swept:
        _swept = True
        sweep_scratch_folders(Path(tempfile.gettempdir()))
    return tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")


def sweep_scratch_folders(folder: Path) -> list[Path]:
    """Remove the scratch folders in `folder` whose process is gone (killed before it could
    clean up); return them."""
    removed = []
    for entry in folder.glob(f"{SCRATCH_PREFIX}*"):
        found = _SCRATCH_NAME.match(entry.name)
        if found and entry.is_dir() and not _running(int(found.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but another user's
        return True
    return True


def _extract_here(
    doc, fichier: str, rules_dir: Path | None, forced_type: str | None = None
) -> SandboxResult:
    try:
        from intake.extract import extract_document
    except Exception as exc:  # the tool is broken, not the file
        raise ToolFailure(
            f"Le module de lecture ne fonctionne pas : {type(exc).__name__}: {exc}"
        ) from exc
    try:
        extraction = extract_document(
            doc, fichier, extra_rules_dir=rules_dir, forced_type=forced_type
        )
    except Exception as exc:  # noqa: BLE001 - as in the child: the file is at fault
        return SandboxResult(reason=_failed(exc))
    return SandboxResult(extraction=extraction, notes=doc.warnings)


def _crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0 and -exitcode == getattr(signal, "SIGKILL", 9):
        return "La lecture du fichier a été interrompue (mémoire insuffisante)."
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return (
            f"La lecture du fichier s'est arrêtée brutalement (signal {name}) : fichier "
            "probablement malformé ou piégé."
        )
    return f"La lecture du fichier s'est arrêtée brutalement (code {exitcode})."
