"""The tool's own log file, and the progress bar of long batches run by hand.

`setup_file_log(config)` adds a rotating log, `.asll/asll.log` beside the register
(1 Mo × 5 files, UTF-8), in French: `2025-10-14 09:30:12 INFO Fichier 3f2a9c01b7e4… traité`.
It is what the IT person reads when the watcher runs as a service (no console).

Personal data: the tool's log calls name files by the start of their SHA-256 and dossiers
by their number, never by file name (a file name often holds a household's name). Two
safeguards in this file cover what a message cannot control:
- tracebacks are written without the exception's message (`ValueError: could not
  convert 'MARTIN'…` becomes `ValueError (détail masqué)`), the frames stay;
- `describe_error(exc)` gives an OSError's reason without its file name, for log calls.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import math
import os
import sys
import time
import traceback
from pathlib import Path
from typing import TextIO

from asll.config import Config

LOG_NAME = "asll.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
FRENCH_LEVELS = {
    "DEBUG": "DÉTAIL",
    "INFO": "INFO",
    "WARNING": "ATTENTION",
    "ERROR": "ERREUR",
    "CRITICAL": "CRITIQUE",
}
LOGGER_NAME = "asll"


def log_path(config: Config) -> Path:
    return config.registre.parent / ".asll" / LOG_NAME


class FrenchFormatter(logging.Formatter):
    """`2025-10-14 09:30:12 NIVEAU message`, level in French, tracebacks without messages."""

    def __init__(self):
        super().__init__("%(asctime)s %(niveau)s %(message)s", DATE_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        record.niveau = FRENCH_LEVELS.get(record.levelname, record.levelname)
        # Another handler (the console) may have cached the full traceback on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:
        exc_type, _, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = exc_type.__name__ if exc_type else "Exception"
        return (
            "Traceback (most recent call last):\n"
            + frames
            + f"{name} (détail masqué : il peut contenir des données personnelles ; "
            "relancer avec -v pour le voir à l'écran)"
        )


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Files created owner-only (0600) where the OS allows; a rotation that fails because
    another process holds the file (Windows) keeps writing to the current file."""

    def _open(self):
        try:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:
            return super()._open()
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()
            self.maxBytes = self.maxBytes * 2  # do not retry at every line


def setup_file_log(config: Config, level: int = logging.INFO) -> Path | None:
    """Log the `asll` loggers to `.asll/asll.log` beside the register.

    Returns the file, or None when it cannot be written (read-only share, another
    account's file): the command then goes on with the console only, after saying so.
    Calling it twice for the same file adds no second handler.
    """
    path = log_path(config).absolute()
    root = logging.getLogger(LOGGER_NAME)
    for handler in root.handlers:
        if isinstance(handler, PrivateRotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        root.warning(
            "Journal %s impossible à écrire (%s) : seuls les messages à l'écran restent.",
            path,
            describe_error(exc),
        )
        return None
    handler.setLevel(level)
    handler.setFormatter(FrenchFormatter())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def close_file_log() -> None:
    """Remove and close the file handlers (tests, end of a command)."""
    root = logging.getLogger(LOGGER_NAME)
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def describe_error(exc: BaseException) -> str:
    """An error for the log, without the file names an OSError carries.

    `[Errno 28] No space left on device: '/…/assignation MARTIN.pdf'` becomes
    `OSError : No space left on device (errno 28)`.
    """
    if isinstance(exc, OSError) and (exc.filename is not None or exc.filename2 is not None):
        reason = exc.strerror or "erreur système"
        code = f" (errno {exc.errno})" if exc.errno is not None else ""
        return f"{type(exc).__name__} : {reason}{code}"
    return f"{type(exc).__name__} : {exc}" if str(exc) else type(exc).__name__


def file_ref(sha256: str) -> str:
    """How the log names a file: the start of its SHA-256, as the pipeline already does."""
    return f"{sha256[:12]}…"


# ---------------------------------------------------------------------- progress
class Progress:
    """`[#####.....] 12/40 — reste ~1 min` on stderr, redrawn in place.

    Only when the stream is a terminal (`enabled`); otherwise it writes nothing and
    `prefix(done)` gives the `[12/40] ` the one-line-per-file output uses today.
    Usage around lines printed on stdout: `clear()`, print the line, `update(done)`.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        width: int = 20,
        clock=time.monotonic,
        enabled: bool | None = None,
    ):
        self.total = max(total, 0)
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self.clock = clock
        self.started = clock()
        self.done = 0
        self._shown = 0  # characters currently drawn
        if enabled is None:
            enabled = _is_tty(self.stream)
        self.enabled = enabled

    # pure text ---------------------------------------------------------------
    def text(self, done: int, elapsed: float) -> str:
        total = self.total
        filled = self.width if total == 0 else min(self.width, self.width * done // total)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {done}/{total}"
        if done >= total:
            return f"{line} — terminé en {format_duration(elapsed)}"
        if done == 0 or elapsed <= 0:
            return f"{line} — reste : calcul…"
        left = elapsed / done * (total - done)
        return f"{line} — reste ~{format_duration(left)}"

    def prefix(self, done: int) -> str:
        """What goes before a result line: nothing when the bar shows the count."""
        return "" if self.enabled else f"[{done}/{self.total}] "

    # drawing -----------------------------------------------------------------
    def update(self, done: int | None = None) -> None:
        if done is not None:
            self.done = done
        if not self.enabled:
            return
        line = self.text(self.done, self.clock() - self.started)
        pad = " " * max(self._shown - len(line), 0)
        self.stream.write("\r" + line + pad)
        self.stream.flush()
        self._shown = len(line)

    def clear(self) -> None:
        """Erase the bar, so that a line printed now is not mixed with it."""
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    @contextlib.contextmanager
    def above_logs(self, logger_name: str = LOGGER_NAME):
        """While in this block, a console log line of `logger_name` first erases the bar
        (it is drawn again at the next `update`)."""
        guarded = [
            h
            for h in logging.getLogger(logger_name).handlers
            if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
        ]
        guard = _ClearFirst(self)
        for handler in guarded:
            handler.addFilter(guard)
        try:
            yield self
        finally:
            for handler in guarded:
                handler.removeFilter(guard)

    def finish(self) -> None:
        """Leave the final bar on its own line."""
        if self.enabled:
            self.update()
            self.stream.write("\n")
            self.stream.flush()
            self._shown = 0


class _ClearFirst(logging.Filter):
    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


def format_duration(seconds: float) -> str:
    """`40 s`, `1 min`, `12 min`, `1 h 05`: rounded up, never `0 s`."""
    seconds = max(seconds, 0)
    if seconds < 10:
        return f"{max(1, math.ceil(seconds))} s"
    if math.ceil(seconds / 5) * 5 < 60:
        return f"{math.ceil(seconds / 5) * 5} s"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def _is_tty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
