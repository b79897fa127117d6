"""Intake of one file: read → classify → extract → register → draft → file away.

Every file ends in exactly one place with an explicit outcome:
- "traité": its household is in the register, the file in the archive;
- "doublon": byte-identical to a file already received (SHA-256), archived aside;
- "à trier": readable but not a document for the service, kept with a note for staff;
- "quarantaine": unreadable, kept with the reason beside it.
Nothing is deleted. Register changes go through `RegisterStore`: one database transaction
per file, before the file is moved, so they survive a crash; the workbook view catches up
at `flush()`, which the caller decides on, so a burst of files makes a few saves, not one
per file (and none while staff have the workbook open).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asll.config import Config
from asll.domain.dossiers import nature_for
from asll.domain.labels import TYPES_DOCUMENT
from asll.domain.model import Dossier, Extraction
from asll.domain.sectors import assign
from asll.storage.naming import versioned
from asll.storage.permissions import restrict
from asll.storage.provenance import save_provenance
from asll.storage.register import DocumentRecord
from asll.storage.store import (
    DuplicateDocument,
    RegisterStore,
    Waiting,
    document_entry,
    drafts_entry,
)
from intake.inbox import NAME_MAX_BYTES, archive_name, fit_name, os_error_fr
from intake.outcomes import A_TRIER, DOUBLON, QUARANTAINE, TRAITE, IntakeResult
from intake.sandbox import SandboxResult, ToolFailure, extract_isolated

log = logging.getLogger("asll.intake")

DUPLICATES_FOLDER = "doublons"  # under archive/

# Which draft a new or completed dossier gets.
DRAFT_FOR_TYPE = {"assignation": "esu", "saisine_prefecture": "esu"}
CONVENTION_MEASURES = {"acces", "maintien", "renouvellement"}


def file_ref(path: Path) -> str:
    """How the log names a file: its hash prefix, never its name (names carry households)."""
    try:
        return sha256_of(path)[:12] + "…"
    except OSError:
        return "d'empreinte illisible"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Intake:
    """Files through the pipeline, sharing one register store.

    The register is saved when `flush_seconds` have passed since the last save, and at
    `flush()`: a burst of forty letters makes a handful of saves, and no file waits for
    its register row more than a few seconds (the journal already holds it).
    """

    def __init__(self, config: Config, flush_seconds: float = 5.0, clock=time.monotonic):
        self.config = config
        self.store = RegisterStore(config.registre, config.base_registre or None)
        self.flush_seconds = flush_seconds
        self.clock = clock
        self._last_flush = clock()
        self._flush_interval = flush_seconds
        self.saves = 0

    def handle(self, path: Path) -> IntakeResult:
        return next(self.handle_many([path]))

    def handle_many(self, paths: list[Path]) -> Iterator[IntakeResult]:
        """Read the files in parallel (one child process per core), then register them one
        by one, in order. Stopping the iteration leaves the files not yet yielded in the
        inbox, untouched. Errors that must leave a file in place (OSError, ToolFailure)
        propagate when its turn comes."""
        workers = max(1, min(os.cpu_count() or 1, len(paths)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lecture") as pool:
            futures = [pool.submit(prepare, path, self.config, self.store) for path in paths]
            try:
                for future in futures:
                    result = ingest_safely(future.result(), self.config, self.store)
                    if self.clock() - self._last_flush >= self._flush_interval:
                        self.flush()
                    yield result
            finally:
                for future in futures:
                    future.cancel()

    def flush(self) -> Waiting | None:
        """Save the register now if it has changes; say why not when it is open elsewhere."""
        dirty = self.store.has_unsaved()
        started = self.clock()
        waiting = self.store.flush()
        if dirty and waiting is None:
            self.saves += 1
            # A big register takes seconds to save: space saves out so that they never
            # take more than a fifth of a burst's time.
            self._flush_interval = max(self.flush_seconds, 4 * (self.clock() - started))
        self._last_flush = self.clock()  # after the save: a slow save must not chain saves
        return waiting


@dataclass
class Prepared:
    """A file hashed and, unless already received, read: what may run in parallel."""

    path: Path
    sha: str
    outcome: SandboxResult | None  # None when the register already knows the file


def prepare(path: Path, config: Config, store: RegisterStore) -> Prepared:
    path = Path(path)
    sha = sha256_of(path)
    if store.knows(sha):
        return Prepared(path, sha, None)
    return Prepared(
        path,
        sha,
        extract_isolated(path, config.delai_max_secondes, config.memoire_max_mo, config.regles),
    )


def ingest_safely(prepared: Prepared, config: Config, store: RegisterStore) -> IntakeResult:
    """`ingest_prepared`, but an unexpected error on one file quarantines it instead of
    stopping the run. I/O errors (disk full, share gone) and a broken reading module
    propagate: the file then stays in the inbox, to be tried again."""
    path = prepared.path
    try:
        return ingest_prepared(prepared, config, store)
    except (OSError, ToolFailure):
        raise
    except Exception as exc:  # a bug of ours must not lose the file nor stop the others
        log.exception("Erreur interne sur le fichier %s…", prepared.sha[:12])
        reason = (
            f"Erreur interne de l'outil ({type(exc).__name__}) : le fichier est conservé ; "
            "signalez-la au référent informatique."
        )
        now = datetime.now().replace(microsecond=0)
        result = _set_aside(
            path,
            prepared.sha,
            config,
            store,
            now,
            QUARANTAINE,
            config.quarantaine,
            reason,
            "inconnu",
        )
        result.erreur_interne = True
        return result


def ingest_file(path: Path, config: Config, store: RegisterStore) -> IntakeResult:
    return ingest_prepared(prepare(path, config, store), config, store)


def ingest_prepared(
    prepared: Prepared, config: Config, store: RegisterStore, now: datetime | None = None
) -> IntakeResult:
    path, sha = prepared.path, prepared.sha
    now = (now or datetime.now()).replace(microsecond=0)
    config.ensure_folders()

    # Checked again here: an identical file earlier in the same batch is known by now.
    known = store.view().find_document(sha)
    if known:
        return _already_received(path, sha, known, config, store, now)

    outcome = prepared.outcome or extract_isolated(
        path, config.delai_max_secondes, config.memoire_max_mo, config.regles
    )
    if not outcome.ok:
        return _set_aside(
            path,
            sha,
            config,
            store,
            now,
            QUARANTAINE,
            config.quarantaine,
            outcome.reason,
            "inconnu",
        )
    extraction = outcome.extraction
    extraction.fichier = archive_name(path.name)
    # a file read all the same (a Word form named .pdf, say) keeps its household; the
    # note goes with its row in the register, for staff to see
    notes = " ".join(outcome.notes) or None
    if nature_for(extraction) is None:
        reason = (
            "Ce document n'a pas été reconnu comme une assignation, une saisine de la "
            "préfecture ou une fiche de prescription : aucun dossier n'a été créé."
        )
        return _set_aside(
            path,
            sha,
            config,
            store,
            now,
            A_TRIER,
            config.a_trier,
            f"{reason} {notes}" if notes else reason,
            "inconnu",
        )
    return _register(path, sha, extraction, config, store, now, notes)


def record_document(
    sha: str,
    extraction: Extraction,
    name: str,
    filed: Path,
    config: Config,
    store: RegisterStore,
    received: datetime,
    remarque: str | None = None,
) -> tuple[str, bool]:
    """Register a recognised document in its dossier, in one transaction: the open one it
    matches, or a new one (numbered by the database in the year received, given its
    sector), with `remarque` for staff. Returns (number, whether new); raises
    DuplicateDocument when a copy of the file was registered first (another watcher)."""
    entry = store.record(
        document_entry(
            DocumentRecord(
                recu_le=received,
                fichier=name,
                sha256=sha,
                type=TYPES_DOCUMENT[extraction.type_document],
                dossier=None,
                resultat=TRAITE,
                remarque=remarque or "",
                classe_sous=relative_to_base(filed, config),
            ),
            extraction,
            affectation=assign(extraction.commune, config),
            match=True,
        )
    )
    try:
        save_provenance(config, sha, extraction.provenance)
    except OSError:  # the dossier page then shows the values without their image
        log.warning("Fichier %s… : provenance non enregistrée", sha[:12])
    return entry["dossier"], entry["nouveau"]


def _register(
    path: Path,
    sha: str,
    extraction: Extraction,
    config: Config,
    store: RegisterStore,
    now: datetime,
    notes: str | None = None,
) -> IntakeResult:
    name = archive_name(path.name)
    destination = unique_destination(config.archive / now.strftime("%Y-%m"), name)
    try:
        numero, new = record_document(sha, extraction, name, destination, config, store, now, notes)
    except DuplicateDocument as duplicate:  # the same file, filed by another watcher first
        return _already_received(path, sha, duplicate.known, config, store, now)
    if notes:
        log.warning("Fichier %s… lu malgré tout : %s", sha[:12], notes)

    dossier = store.view().get(numero)
    drafts, problem = draft_for(dossier, extraction, config)
    if drafts:
        store.record(drafts_entry(numero, [p.name for p in drafts]))
    # Filed away last: a run stopped before this point is finished at the next start
    # (`_finish_filing`), the draft included.
    move_file(path, destination, config)
    log.info(
        "Fichier %s… traité : dossier %s %s, %d brouillon(s).",
        sha[:12],
        numero,
        "créé" if new else "complété",
        len(drafts),
    )
    motif = " ".join(m for m in (notes, problem) if m) or None
    return IntakeResult(name, TRAITE, numero, new, drafts, motif, destination)


def draft_for(dossier: Dossier, extraction: Extraction, config: Config) -> tuple[list[Path], str]:
    kind = DRAFT_FOR_TYPE.get(extraction.type_document)
    if extraction.type_document == "fiche_prescription":
        kind = "convention" if dossier.type_mesure in CONVENTION_MEASURES else None
    if kind is None:
        return [], ""
    # imported here on purpose: python-docx and docxtpl load only when a draft is due
    from generators.drafts import draft_document
    from generators.errors import TemplateError

    try:
        return [draft_document(kind, dossier, config)], ""
    except TemplateError as exc:
        log.error("Brouillon %s du dossier %s non rédigé : %s", kind, dossier.numero, exc)
        return [], f"Brouillon non rédigé : {exc}"
    except OSError as exc:
        # The file is already archived and registered: only the draft is missing.
        problem = (
            f"Brouillon non rédigé ({os_error_fr(exc)}) : le dossier est enregistré ; "
            f"rédigez-le avec « asll generate {kind} {dossier.numero} »."
        )
        log.error("%s", problem)
        return [], problem


def _already_received(
    path: Path, sha: str, known: dict, config: Config, store: RegisterStore, now: datetime
) -> IntakeResult:
    filed = known.get("classe_sous")
    filed_path = _absolute(filed, config) if filed else None
    ours = known.get("site") in (None, store.site)  # another site's archive is not ours
    if filed_path and ours and not filed_path.exists():
        # The previous run stopped (crash, disk full) after registering the file but before
        # filing it away: finish the job where the register says it is, once.
        return _finish_filing(path, sha, known, filed_path, config, store, now)
    when = known.get("recu_le")
    when_text = when.strftime("%d/%m/%Y à %H:%M") if isinstance(when, datetime) else str(when)
    where = f" (dossier {known['dossier']})" if known.get("dossier") else ""
    reason = (
        f"Fichier identique à « {known.get('fichier')} » reçu le {when_text}{where} : "
        "aucun nouveau dossier n'a été créé."
    )
    log_reason = f"identique à un fichier reçu le {when_text}{where}"
    return _set_aside(
        path,
        sha,
        config,
        store,
        now,
        DOUBLON,
        config.archive / DUPLICATES_FOLDER,
        reason,
        known.get("type") or "inconnu",
        dossier=known.get("dossier"),
        note=False,
        log_reason=log_reason,
    )


def _finish_filing(
    path: Path,
    sha: str,
    known: dict,
    filed_path: Path,
    config: Config,
    store: RegisterStore,
    now: datetime,
) -> IntakeResult:
    resultat, numero, reason = known.get("resultat"), known.get("dossier"), known.get("remarque")
    move_file(path, filed_path, config)
    name = known.get("fichier") or archive_name(path.name)
    drafts, problem = [], None
    if resultat == TRAITE and numero:
        type_code = next((k for k, v in TYPES_DOCUMENT.items() if v == known.get("type")), None)
        dossier = store.view().get(numero)
        if type_code and dossier is not None:
            drafts, problem = draft_for(
                dossier, Extraction(fichier=name, type_document=type_code), config
            )
            if drafts:
                store.record(drafts_entry(numero, [p.name for p in drafts]))
    elif resultat in (QUARANTAINE, A_TRIER) and reason:
        write_note(filed_path, name, sha, now, resultat, reason)
    log.info("Fichier %s… classé après une interruption : %s.", sha[:12], resultat)
    return IntakeResult(
        name,
        resultat,
        numero,
        False,
        drafts,
        problem or (reason if resultat != TRAITE else None),
        filed_path,
    )


def _set_aside(
    path: Path,
    sha: str,
    config: Config,
    store: RegisterStore,
    now: datetime,
    resultat: str,
    folder: Path,
    reason: str,
    type_document: str,
    dossier: str | None = None,
    note: bool = True,
    log_reason: str | None = None,
) -> IntakeResult:
    """File `path` away in `folder`; `log_reason` replaces a `reason` that names files."""
    name = archive_name(path.name)
    destination = unique_destination(folder, name)
    try:
        _record_aside(
            store, now, name, sha, type_document, dossier, resultat, reason, destination, config
        )
    except DuplicateDocument as duplicate:
        return _already_received(path, sha, duplicate.known, config, store, now)
    move_file(path, destination, config)
    if note:
        write_note(destination, name, sha, now, resultat, reason)
    log.warning("Fichier %s… %s : %s", sha[:12], resultat, log_reason or reason)
    return IntakeResult(name, resultat, dossier, motif=reason, classe_sous=destination)


def _record_aside(
    store, now, name, sha, type_document, dossier, resultat, reason, destination, config
):
    store.record(
        document_entry(
            DocumentRecord(
                recu_le=now,
                fichier=name,
                sha256=sha,
                type=TYPES_DOCUMENT.get(type_document, type_document),
                dossier=dossier,
                resultat=resultat,
                remarque=reason,
                classe_sous=relative_to_base(destination, config),
            )
        )
    )


def write_note(
    destination: Path, original: str, sha: str, now: datetime, resultat: str, reason: str
) -> None:
    what_to_do = {
        QUARANTAINE: (
            "Que faire : vérifier le fichier (l'ouvrir, demander un nouvel envoi ou "
            "un autre format), puis le déposer à nouveau dans le dossier d'arrivée."
        ),
        A_TRIER: (
            "Que faire : si ce document concerne un ménage suivi, le classer à la main "
            "dans son dossier ; sinon, le retourner à l'expéditeur ou le supprimer."
        ),
    }[resultat]
    text = (
        f"Fichier : {original}\n"
        f"Reçu le : {now.strftime('%d/%m/%Y à %H:%M')}\n"
        f"Empreinte SHA-256 : {sha}\n"
        f"Motif : {reason}\n"
        f"{what_to_do}\n"
    )
    destination.with_name(destination.name + ".txt").write_text(text, encoding="utf-8")


def unique_destination(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-v2`, `name-v3`… when taken (asll/storage/naming.py): nothing
    is overwritten. The name and its note (`name.txt`) always fit the file system's 255
    bytes: a long stem is shortened, never the counter, and the result stays directly
    inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    limit = NAME_MAX_BYTES - len(".txt")
    name = fit_name(Path(name).name or "sans nom", limit)
    candidate = folder / name
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".txt").exists():
        shorter = Path(fit_name(name, limit - len(versioned("", n))))
        candidate = folder / f"{versioned(shorter.stem, n)}{shorter.suffix}"
        n += 1
    return candidate


def move_file(source: Path, destination: Path, config: Config) -> None:
    """Move a file in one step: a rename on the same disk; from another disk (a network
    inbox), a copy under a temporary name renamed once complete, so that a full disk or a
    crash never leaves a truncated file where the register says the document is."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, destination)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        handle, temporary = tempfile.mkstemp(
            dir=destination.parent, prefix=".asll-", suffix=".partiel"
        )
        os.close(handle)
        try:
            shutil.copy2(source, temporary)
            os.replace(temporary, destination)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        os.unlink(source)
    restrict(destination, config)  # it kept the shared inbox's permissions


def relative_to_base(path: Path, config: Config) -> str:
    try:
        return str(path.resolve().relative_to(config.base))
    except ValueError:
        return str(path)


def _absolute(text: str, config: Config) -> Path:
    path = Path(text)
    return path if path.is_absolute() else config.base / path
