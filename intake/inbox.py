"""Which files in the inbox are documents, and when they are completely written."""

from __future__ import annotations

import fnmatch
import time
from pathlib import Path

# Lock and temporary files of Office, LibreOffice, browsers and copy tools; system clutter.
IGNORED_PATTERNS = (
    "~$*",
    ".~lock.*#",
    "*.tmp",
    "*.part",
    "*.crdownload",
    "*.partial",
    "*.download",
    ".*",
    "Thumbs.db",
    "desktop.ini",
    "*.lnk",
)


def is_ignored(path: Path) -> bool:
    name = path.name
    return any(
        fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(name.lower(), pattern)
        for pattern in IGNORED_PATTERNS
    )


# Of the ignored names, those that are no tool's lock or temporary file: a person may have
# dropped them on purpose (a file whose name starts with a dot, a Windows shortcut).
SILENTLY_IGNORED = (
    "~$*",
    ".~lock.*#",
    "*.tmp",
    "*.part",
    "*.crdownload",
    "*.partial",
    "*.download",
    "Thumbs.db",
    "desktop.ini",
    ".DS_Store",
)


def ignored_documents(inbox: Path) -> list[Path]:
    """Files the watcher will never read although a person may expect it to."""
    if not inbox.is_dir():
        return []
    return sorted(
        p
        for p in inbox.iterdir()
        if p.is_file()
        and is_ignored(p)
        and not any(fnmatch.fnmatchcase(p.name, pattern) for pattern in SILENTLY_IGNORED)
    )


def waiting_files(inbox: Path) -> list[Path]:
    """Documents waiting in the inbox, oldest first."""
    if not inbox.is_dir():
        return []
    files = [p for p in inbox.iterdir() if p.is_file() and not is_ignored(p)]
    return sorted(files, key=lambda p: (_mtime(p), p.name))


def _signature(path: Path) -> tuple[int, float] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime


def _mtime(path: Path) -> float:
    signature = _signature(path)
    return signature[1] if signature else 0.0


class StabilityTracker:
    """A file is ready once its size and date have not changed for `seconds`.

    A copy over a network share grows for a while; reading it half-way would quarantine a
    good document. Each call to `ready()` says which of the watched files may be read now.
    """

    def __init__(self, seconds: float, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self._seen: dict[Path, tuple[tuple[int, float], float]] = {}

    def watch(self, path: Path) -> None:
        if not is_ignored(path):
            self._seen.setdefault(path, (None, self.clock()))

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def pending(self) -> list[Path]:
        return list(self._seen)

    def ready(self) -> list[Path]:
        now = self.clock()
        ready = []
        for path, (last_signature, since) in list(self._seen.items()):
            signature = _signature(path)
            if signature is None:  # moved or deleted by someone else
                self._seen.pop(path)
                continue
            if signature != last_signature:
                self._seen[path] = (signature, now)
            elif now - since >= self.seconds and _can_open(path):
                ready.append(path)
        return sorted(ready, key=lambda p: (_mtime(p), p.name))


class RetryDelays:
    """How long a file that failed for a reason outside it (disk full, share gone, register
    unreadable) waits before the next try: 10 s, then twice as long each time, at most
    5 min. A fault that lasts would otherwise have the file read again, and the same error
    logged, every few seconds; one that ends is noticed within minutes.
    """

    FIRST, LONGEST = 10.0, 300.0

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._next: dict[Path, tuple[float, float]] = {}  # path -> (when, last delay)

    def failed(self, path: Path) -> float:
        """Note a failure; returns the delay before the next try, in seconds."""
        previous = self._next.get(path, (0.0, 0.0))[1]
        delay = min(previous * 2, self.LONGEST) if previous else self.FIRST
        self._next[path] = (self.clock() + delay, delay)
        return delay

    def succeeded(self, path: Path) -> None:
        self._next.pop(path, None)

    def due(self, path: Path) -> bool:
        entry = self._next.get(path)
        return entry is None or self.clock() >= entry[0]


def in_words(seconds: float) -> str:
    """« 10 s », « 1 min 20 s », « 5 min »."""
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def _can_open(path: Path) -> bool:
    """On Windows a file still being copied cannot be opened; elsewhere this is cheap."""
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def wait_until_stable(paths: list[Path], seconds: float, poll: float = 0.2) -> list[Path]:
    """Block until every path is stable (or gone); return those still present, in order."""
    tracker = StabilityTracker(seconds)
    for path in paths:
        tracker.watch(path)
    done: list[Path] = []
    while tracker.pending():
        for path in tracker.ready():
            tracker.forget(path)
            done.append(path)
        if tracker.pending():
            time.sleep(poll)
    order = {p: i for i, p in enumerate(paths)}
    return sorted(done, key=lambda p: order[p])


# A file and its note ("name.txt") must both fit the 255 bytes most file systems allow
# for one name, with room for "-v9999" when the name is already taken (asll/storage/naming.py).
NAME_MAX_BYTES = 255
_NOTE_SUFFIX = ".txt"
_COUNTER_ROOM = len("-v9999")
_CONTROL = dict.fromkeys([*range(0x00, 0x20), 0x7F], "_")


def archive_name(name: str) -> str:
    """The name a file gets where it is filed, and in the register: readable text (a name
    that is not UTF-8, from an old share, is read as Windows-1252), no control characters,
    short enough for its note and a counter. Usually the name unchanged."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            name = raw.decode("cp1252")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", "replace")
    name = name.translate(_CONTROL).strip() or "sans nom"
    return fit_name(name, NAME_MAX_BYTES - len(_NOTE_SUFFIX) - _COUNTER_ROOM)


def fit_name(name: str, max_bytes: int) -> str:
    """`name` shortened in its stem (the extension kept) to at most `max_bytes` in UTF-8."""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    path = Path(name)
    stem, suffix = path.stem, path.suffix
    if len(suffix.encode("utf-8")) > 16:  # not a real extension
        stem, suffix = name, ""
    budget = max_bytes - len(suffix.encode("utf-8")) - len("…".encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", "ignore").rstrip()
    return f"{cut}…{suffix}"


def os_error_fr(exc: OSError) -> str:
    """A disk or share error in plain French, for staff (the file name is not repeated)."""
    import errno

    where = f" : {exc.filename}" if getattr(exc, "filename", None) else ""
    messages = {
        errno.ENOSPC: "disque plein",
        errno.EDQUOT: "quota du disque atteint",
        errno.EFBIG: "fichier trop gros pour le disque",
        errno.EACCES: "accès refusé",
        errno.EPERM: "opération refusée par le système",
        errno.EROFS: "disque en lecture seule",
        errno.ENOENT: "dossier ou fichier introuvable",
        errno.ENOTDIR: "un fichier se trouve à la place d'un dossier",
        errno.EEXIST: "un fichier se trouve à la place d'un dossier",
        errno.ENAMETOOLONG: "nom de fichier trop long",
        errno.EIO: "erreur de lecture ou d'écriture du disque",
    }
    text = messages.get(exc.errno)
    if text is None:
        return f"erreur du système ({exc.strerror or type(exc).__name__}){where}"
    return text + where
