"""Archived documents the journal does not know, read and registered again.

Used by `asll reconstruire`. A journal lost or cut short (a disk restored from an old copy,
say) must not lose dossiers: every document intake filed is still in `archive/AAAA-MM/`.
Each one whose SHA-256 the register does not know is read again and registered, oldest
first, where it lies: it is neither moved nor drafted again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asll.config import Config
from asll.domain.dossiers import nature_for
from asll.storage.store import RegisterStore
from intake.inbox import is_ignored
from intake.pipeline import DUPLICATES_FOLDER, record_document, sha256_of
from intake.sandbox import extract_isolated

log = logging.getLogger("asll.intake")

_MONTH_FOLDER = re.compile(r"(\d{4})-(\d{2})")


@dataclass
class Recovered:
    registered: list[tuple[Path, str]] = field(default_factory=list)  # (file, dossier)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason)


def archived_documents(config: Config) -> list[Path]:
    """The documents intake filed (not the duplicates), oldest first."""
    if not config.archive.is_dir():
        return []
    files = [
        p
        for p in config.archive.rglob("*")
        if p.is_file()
        and not is_ignored(p)
        and DUPLICATES_FOLDER not in p.relative_to(config.archive).parts
    ]
    return sorted(files, key=lambda p: (_received(p), p.name))


def recover_archived(
    files: list[Path],
    config: Config,
    store: RegisterStore,
    progress: Callable[[int], None] | None = None,
) -> Recovered:
    """Register those of `files` (from `archived_documents`) the register does not know;
    `progress(done)` after each."""
    out = Recovered()
    for done, path in enumerate(files, start=1):
        sha = sha256_of(path)
        if not store.knows(sha):
            _recover(path, sha, config, store, out)
        if progress:
            progress(done)
    store.flush()
    return out


def _recover(path: Path, sha: str, config: Config, store: RegisterStore, out: Recovered) -> None:
    outcome = extract_isolated(
        path, config.delai_max_secondes, config.memoire_max_mo, config.regles
    )
    if not outcome.ok:
        out.unreadable.append((path, outcome.reason))
        return
    extraction = outcome.extraction
    if nature_for(extraction) is None:
        out.unreadable.append(
            (path, "document non reconnu (ni assignation, ni saisine, ni fiche de prescription)")
        )
        return
    extraction.fichier = path.name
    numero, _ = record_document(
        sha,
        extraction,
        path.name,
        path,
        config,
        store,
        _received(path),
        " ".join(outcome.notes) or None,
    )
    log.info(
        "Fichier archivé %s… absent du journal : enregistré dans le dossier %s.", sha[:12], numero
    )
    out.registered.append((path, numero))


def _received(path: Path) -> datetime:
    """When the file was received: its modification time, kept by the move to the
    archive, within the month its folder is named after."""
    when = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    month = _MONTH_FOLDER.fullmatch(path.parent.name)
    if month and (when.year, when.month) != (int(month[1]), int(month[2])):
        return datetime(int(month[1]), int(month[2]), 1)
    return when
