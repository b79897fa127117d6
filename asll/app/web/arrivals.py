"""Files dropped on the Arrivées page: copied into the inbox, then left to the watcher.

A dropped file takes the same path as any other: it is written into the inbox under a
safe name (no folder part, no character Windows refuses, no leading dot that would hide
it from the watcher), never over an existing file (`-v2`…), in one write so that the
watcher never sees half of it. What happened to it is read afterwards from the register's
received documents and the notes beside quarantined and unsorted files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from asll.config import Config
from asll.storage.naming import write_new

MAX_BYTES = 200 * 1024 * 1024  # beyond, the page refuses (the inbox would quarantine it)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def safe_name(name: str) -> tuple[str, str]:
    """(stem, suffix) of a name a browser sent, made safe for the inbox."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = _UNSAFE.sub("-", base).strip(" .")
    path = PurePosixPath(base or "document")
    stem, suffix = path.stem.strip(" .") or "document", path.suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        stem, suffix = f"{stem}{suffix}".strip(" .") or "document", ""
    return stem[:150], suffix


@dataclass
class Dropped:
    original: str
    fichier: str | None  # the name in the inbox, None when refused
    refus: str | None = None


def drop(config: Config, uploads) -> list[Dropped]:
    """Copy each uploaded file (Django's UploadedFile) into the inbox."""
    config.inbox.mkdir(parents=True, exist_ok=True)
    out = []
    for upload in uploads:
        if upload.size > MAX_BYTES:
            out.append(Dropped(upload.name, None, "fichier trop lourd (200 Mo au plus)"))
            continue
        if upload.size == 0:
            out.append(Dropped(upload.name, None, "fichier vide"))
            continue
        stem, suffix = safe_name(upload.name)
        content = b"".join(upload.chunks())
        target = write_new(config.inbox, stem, suffix, content)
        out.append(Dropped(upload.name, target.name))
    return out


def waiting(config: Config) -> set[str]:
    """Names of the files still in the inbox."""
    inbox = Path(config.inbox)
    return {p.name for p in inbox.iterdir() if p.is_file()} if inbox.is_dir() else set()
