"""Watch the inbox: handle the files already waiting, then each new one once it is complete.

watchdog's events only say "look here"; the truth is the folder itself, rescanned at start
and every few seconds, because network shares deliver no events and a polling observer
can stop silently after an outage (see pitfalls.md). Each file goes through the pipeline
one at a time; a stop request (Ctrl-C) is honoured after the file in hand.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from asll.config import Config
from asll.storage.heartbeat import clear_heartbeat, write_heartbeat
from asll.storage.register import RegisterUnreadable
from intake.batch import LEFT_IN_INBOX, handle_all
from intake.inbox import (
    RetryDelays,
    StabilityTracker,
    in_words,
    is_ignored,
    os_error_fr,
    waiting_files,
)
from intake.pipeline import Intake, IntakeResult, file_ref

log = logging.getLogger("asll.watch")

RESCAN_SECONDS = 10.0
TICK_SECONDS = 0.25


class _Nudge(FileSystemEventHandler):
    def __init__(self, on_path: Callable[[Path], None]):
        self.on_path = on_path

    def on_any_event(self, event):
        if event.is_directory:
            return
        for attr in ("src_path", "dest_path"):
            value = getattr(event, attr, "")
            if value:
                self.on_path(Path(value))


class InboxWatcher:
    def __init__(
        self,
        config: Config,
        polling: bool | None = None,
        on_result: Callable[[IntakeResult], None] | None = None,
    ):
        self.config = config
        self.polling = config.polling if polling is None else polling
        self.on_result = on_result or (lambda result: None)
        self.stop_event = threading.Event()
        self.tracker = StabilityTracker(config.stabilite_secondes)
        self._lock = threading.Lock()
        self._observer = None
        self._inbox_missing = False
        self.intake = Intake(config)
        self.rescan_seconds = RESCAN_SECONDS
        self.retries = RetryDelays()

    # Called from watchdog's thread.
    def _nudge(self, path: Path) -> None:
        if path.parent == self.config.inbox and not is_ignored(path):
            with self._lock:
                self.tracker.watch(path)

    def stop(self) -> None:
        self.stop_event.set()

    def _start_observer(self) -> None:
        observer_class = PollingObserver if self.polling else Observer
        observer = observer_class(timeout=1) if self.polling else observer_class()
        observer.schedule(_Nudge(self._nudge), str(self.config.inbox), recursive=False)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def _stop_observer(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(5)
            self._observer = None

    def _supervise(self) -> None:
        """Restart the observer when the inbox comes back or the observer died."""
        if not self.config.inbox.is_dir():
            if not self._inbox_missing:
                log.error(
                    "Le dossier d'arrivée %s est inaccessible ; nouvel essai en continu.",
                    self.config.inbox,
                )
                self._inbox_missing = True
                self._stop_observer()
            return
        if self._inbox_missing:
            log.info(
                "Le dossier d'arrivée %s est de nouveau accessible : reprise.", self.config.inbox
            )
            self._inbox_missing = False
        if self._observer is None or not self._observer.is_alive():
            self._stop_observer()
            try:
                self._start_observer()
            except OSError as exc:
                log.error("Surveillance du dossier d'arrivée impossible (%s) ; nouvel essai.", exc)

    def _rescan(self) -> None:
        try:
            found = waiting_files(self.config.inbox)
        except OSError:
            return  # the share went away between two checks: `_supervise` reports it
        with self._lock:
            for path in found:
                self.tracker.watch(path)

    def run(self) -> None:
        started = datetime.now()
        self.config.ensure_folders()
        log.info(
            "Surveillance de %s%s.",
            self.config.inbox,
            " (scrutation périodique)" if self.polling else "",
        )
        last_scan = 0.0
        try:
            while not self.stop_event.is_set():
                now = time.monotonic()
                if now - last_scan >= self.rescan_seconds:
                    write_heartbeat(self.config, started)
                    self._supervise()
                    self._rescan()
                    last_scan = now
                with self._lock:
                    ready, later = [], []
                    for path in self.tracker.ready():
                        (ready if self.retries.due(path) else later).append(path)
                    for path in later:  # seen again at a later scan
                        self.tracker.forget(path)
                self._handle(ready)
                # Nothing more ready: save now (also retries while the workbook is open).
                self.intake.flush()
                self.stop_event.wait(TICK_SECONDS)
        finally:
            self.intake.flush()
            self._stop_observer()
            clear_heartbeat(self.config)
            log.info("Surveillance arrêtée.")

    def _handle(self, ready: list[Path]) -> None:
        """Read the ready files in parallel, register them in order; stop between files."""
        with self._lock:
            for path in ready:
                self.tracker.forget(path)
        remaining = [p for p in ready if p.exists()]
        # a stop leaves the files not yet handled in the inbox for the next start
        handle_all(
            self.intake,
            remaining,
            self._succeeded,
            self._failed,
            should_stop=self.stop_event.is_set,
            catch_bugs=True,
        )

    def _succeeded(self, path: Path, result: IntakeResult) -> None:
        self.retries.succeeded(path)
        self.on_result(result)

    def _failed(self, path: Path, exc: Exception) -> None:
        delay = self.retries.failed(path)
        if not isinstance(exc, LEFT_IN_INBOX):  # a bug of ours: go on with the other files
            log.error(
                "Erreur interne sur le fichier %s : il reste dans le dossier d'arrivée "
                "(nouvel essai dans %s) ; signalez-la au référent informatique.",
                file_ref(path),
                in_words(delay),
                exc_info=exc,
            )
            return
        # Disk full, share gone, register unreadable: the file stays in the inbox and is
        # tried again at the next scan.
        why = (
            os_error_fr(exc)
            if type(exc) is not RegisterUnreadable and isinstance(exc, OSError) and exc.errno
            else str(exc)
        )
        log.error(
            "Fichier %s laissé dans le dossier d'arrivée (%s) ; nouvel essai dans %s.",
            file_ref(path),
            why,
            in_words(delay),
        )
