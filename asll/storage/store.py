"""The register as the tool sees it: a database (the record) and the workbook (the view).

Every change goes to the database first, in one transaction (asll/storage/database.py);
the workbook staff open and type in is then brought up to date by `flush()`:
- a person's edits flow back first: each cell changed since the workbook was last synced
  goes into the database, audited under the workbook's "last modified by"; when the tool
  changed the same cell meanwhile, the person's value is kept and the conflict recorded
  (`asll statut` lists it);
- then the rows changed since the last sync are written, with the Échéances sheet, saved
  atomically and only when no one has the workbook open: with it open nothing is lost (the
  database has it) and any later `flush()`, by any command, catches up;
- a row deleted by hand comes back, a broken workbook is never overwritten (`rebuild()`
  makes it again from the database).
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock

from asll.domain.deadlines import DEADLINE_FIELDS, deadlines_for
from asll.domain.dossiers import apply_final_report
from asll.domain.model import Dossier, Extraction
from asll.domain.retention import ANONYMISED
from asll.domain.sectors import Affectation
from asll.storage.database import TOOL, Database, DuplicateDocument, sqlite_url
from asll.storage.legacy import read_legacy
from asll.storage.register import (
    COLUMNS,
    DERIVED_KEYS,
    DocumentRecord,
    Register,
    RegisterUnreadable,
    cell_values,
    copy_cell,
)

log = logging.getLogger("asll.registre")

__all__ = ["DuplicateDocument", "RegisterStore", "Waiting", "document_entry", "drafts_entry"]

BACKUPS_KEPT = 10
DATABASE_BACKUP_SECONDS = 3600  # SQLite: an online copy at most this often
DATABASE_NAME = "registre.sqlite"
EDITABLE_KEYS = tuple(c.key for c in COLUMNS if c.key not in DERIVED_KEYS)


def state_dir(register_path: Path) -> Path:
    return register_path.parent / ".asll"


def lock_reason(register_path: Path) -> str | None:
    """Why the workbook can't be written now (in French), or None when it can."""
    folder, name = register_path.parent, register_path.name
    if (folder / f"~${name}").exists() or (folder / f"~${name[2:]}").exists():
        return "le registre est ouvert dans Excel"
    if (folder / f".~lock.{name}#").exists():
        return "le registre est ouvert dans LibreOffice"
    if register_path.exists():
        try:
            with open(register_path, "r+b"):
                pass
        except PermissionError:
            return "le registre est verrouillé par un autre programme"
    return None


def has_register(register_path: Path, url: str | None = None) -> bool:
    """Whether a register exists to open (a shared database, or a local one or its journal)."""
    folder = state_dir(Path(register_path))
    return bool(url) or (folder / DATABASE_NAME).exists() or (folder / "journal.jsonl").exists()


@dataclass
class Waiting:
    count: int
    reason: str


class RegisterView:
    """The register's contents as callers read them (from the database)."""

    def __init__(self, db: Database):
        self._db = db

    def dossiers(self) -> list[Dossier]:
        return list(self._db.dossiers().values())

    def get(self, numero: str) -> Dossier | None:
        return self._db.get(numero)

    def find_document(self, sha256: str) -> dict | None:
        return self._db.find_document(sha256)

    def documents(self) -> list[dict]:
        return self._db.documents()

    def next_numero(self, nature: str, year: int) -> str:
        return self._db.next_numero(nature, year)


class RegisterStore:
    """The register: its database, and the workbook kept in step with it."""

    def __init__(self, register_path: Path, url: str | None = None, site: str | None = None):
        self.path = Path(register_path)
        self.dir = state_dir(self.path)
        self.journal_path = self.dir / "journal.jsonl"  # before the database; `migrate()`
        self.backups = self.dir / "sauvegardes"
        self.url = url or None
        # Who files (documents say which site received them): this machine and workspace.
        self.site = site or f"{socket.gethostname()}:{self.path.parent.absolute()}"
        self.vue = str(self.path.absolute())
        self._db: Database | None = None
        self._lock = FileLock(str(self.dir / "registre.verrou"), timeout=120)
        self._view_lock = threading.RLock()
        self._register: Register | None = None  # the workbook as this object last wrote it
        self._written = None
        self.wait_reason: str | None = None
        self._last_db_backup = 0.0
        self._pending_missing: set[str] = set()  # rows deleted by hand, to write again

    # ------------------------------------------------------------------ database
    @property
    def db(self) -> Database:
        """The database, opened (and migrated) on first use; a register kept the old way
        (workbook and journal) is taken into it then, once."""
        with self._view_lock:
            if self._db is None:
                if self.url is None:
                    self.dir.mkdir(parents=True, exist_ok=True)
                self._db = Database(self.url or sqlite_url(self.dir / DATABASE_NAME), self.site)
                if self._db.state("migration") is None:
                    if not self._legacy_exists():
                        self._db.set_state("migration", "")  # a new register: nothing to take in
                    else:
                        try:
                            self.migrate()
                        except RegisterUnreadable:
                            log.error("Registre illisible : « asll migrer » après réparation.")
            return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _legacy_exists(self) -> bool:
        local = self.url is not None and (self.dir / DATABASE_NAME).exists()
        return local or self.journal_path.exists() or self.path.exists()

    # ------------------------------------------------------------------ reading
    def view(self) -> RegisterView:
        """The register's contents, with what a person saved in the workbook taken in."""
        self._take_edits()
        return RegisterView(self.db)

    def dossiers(self) -> list[Dossier]:
        """Every dossier, whole (kept in memory and refreshed by revision afterwards)."""
        self._take_edits()
        return list(self.db.dossiers().values())

    def select(
        self, fields: tuple[str, ...] | None = None, *, numeros=None, open_only: bool = False
    ) -> list[Dossier]:
        """Only the dossiers asked (these numbers, or the open ones) with only the `fields`
        asked (the others keep their defaults), in register order: `asll echeances` reads
        the open dossiers' dates, the annual report its year's dossiers."""
        self._take_edits()
        return self.db.select(fields, numeros=numeros, open_only=open_only)

    def _take_edits(self) -> None:
        """A person saved the workbook since it was last read: their edits go into the
        database before anything reads it (a draft, a report, the deadlines)."""
        db = self.db
        signature = _signature(self.path)
        if signature is None or _text(signature) == db.view_state(self.vue)[1]:
            return
        with self._view_lock, self._lock:
            try:
                self._pending_missing |= self._pull()
            except RegisterUnreadable:
                pass  # `flush()` says so; the database is complete up to its last read

    def knows(self, sha256: str) -> bool:
        """Whether a file with this hash was already received (safe from any thread)."""
        return self.db.knows(sha256)

    def has_unsaved(self) -> bool:
        revision, _ = self.db.view_state(self.vue)
        return self.db.revision() > revision

    def waiting(self) -> Waiting | None:
        """Changes not yet in the workbook, and why."""
        revision, _ = self.db.view_state(self.vue)
        count = self.db.revision() - revision
        if count <= 0:
            return None
        return Waiting(count, lock_reason(self.path) or "enregistrement en attente")

    def conflicts(self) -> list[dict]:
        """Cells a person and the tool both changed: the person's value was kept."""
        return self.db.conflicts(self.vue)

    def history(self, numeros: set[str]) -> list[dict]:
        return self.db.history(numeros)

    # ------------------------------------------------------------------ writing
    def record(self, entry: dict) -> dict:
        """Write one change to the database (one transaction). For a document, the entry
        returned says its dossier (`dossier`), whether new (`nouveau`) and its row (`seq`).
        Raises DuplicateDocument when a copy of the file was filed first."""
        kind = entry["type"]
        if kind == "document":
            filed = self.db.file_document(
                entry["record"],
                entry.get("extraction"),
                entry.get("dossier"),
                entry.get("affectation"),
                match=entry.get("match", False),
                refile=entry.get("reprise", False),
            )
            return dict(
                entry, seq=filed.document["journal"], dossier=filed.numero, nouveau=filed.nouveau
            )
        if kind == "brouillons":
            self.db.add_drafts(entry["dossier"], entry["brouillons"])
        elif kind == "import":
            when = datetime.now().replace(microsecond=0)
            self.db.import_dossier(
                Dossier.from_json(entry["dossier"]), entry["source"], entry["ligne"], when
            )
        elif kind == "anonymisation":
            self.db.anonymise(entry["dossier"], entry.get("motif", ""))
        elif kind == "rapport_final":
            values = entry["valeurs"]
            self.db.change(entry["dossier"], lambda d: apply_final_report(d, values), TOOL)
        elif kind == "reclassement":
            known = self.db.refile_document(entry["sha256"], entry["valeurs"], entry["auteur"])
            if known is None:
                raise KeyError(entry["sha256"])
            return dict(entry, document=known)
        elif kind == "correction":
            values = entry["valeurs"]
            self.db.change(
                entry["dossier"], lambda d: _apply_correction(d, values), entry["auteur"]
            )
        else:
            raise ValueError(f"unknown register change: {kind}")
        return entry

    def flush(self) -> Waiting | None:
        """Bring the workbook and the database in step: a person's edits in, the tool's
        changes out, unless the workbook is open elsewhere (then say why)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with self._view_lock, self._lock:
            db = self.db
            try:
                missing = self._pull() | self._pending_missing
            except RegisterUnreadable as exc:
                log.error("Registre illisible : il n'est pas réécrit (asll reconstruire).")
                return Waiting(max(db.revision() - db.view_state(self.vue)[0], 1), str(exc))
            revision = db.revision()
            synced, _ = db.view_state(self.vue)
            if revision <= synced and not missing and (self.path.exists() or revision == 0):
                self._backup_database()
                return None
            reason = lock_reason(self.path)
            if reason:
                if reason != self.wait_reason:
                    log.warning(
                        "Registre non enregistré : %s ; les changements sont gardés dans la base.",
                        reason,
                    )
                self.wait_reason = reason
                return Waiting(max(revision - synced, 1), reason)
            self._push(synced, revision, missing)
            self._pending_missing = set()
            self._backup_database()
            if self.wait_reason:
                log.info("Registre de nouveau disponible : changements en attente enregistrés.")
            self.wait_reason = None
            return None

    # ------------------------------------------------------------------ the view
    def _workbook(self) -> Register:
        """The workbook on disk, reusing the copy in memory while the file is the one this
        object wrote (its next save then writes only the rows changed)."""
        signature = _signature(self.path)
        if self._register is None or signature is None or signature != self._written:
            self._register = Register.open(self.path)
            self._written = signature
        return self._register

    def _pull(self) -> set[str]:
        """A person's edits since the last sync into the database. Returns the numbers of
        the dossiers whose row is missing from the workbook (to be written again)."""
        db = self.db
        signature = _signature(self.path)
        _, known = db.view_state(self.vue)
        if signature is None or _text(signature) == known:
            return set()
        register = self._workbook()
        synced = db.view_cells(self.vue)
        current = db.dossiers()
        edited, conflicts, cells, seen = [], [], {}, set()
        for typed in register.dossiers():
            seen.add(typed.numero)
            before = synced.get(typed.numero)
            stored = current.get(typed.numero)
            if stored is None:
                if before is None:  # a row a person added by hand
                    edited.append(typed)
                    cells[typed.numero] = cell_values(typed)
                continue
            if before is None:
                continue  # never synced: the tool's values will be written
            now = cell_values(typed)
            changed = [k for k in EDITABLE_KEYS if now.get(k) != before.get(k)]
            if not changed:
                continue
            ours = cell_values(stored)
            dossier = Dossier.from_json(stored.to_json())
            for key in changed:
                if ours.get(key) != before.get(key) and ours.get(key) != now.get(key):
                    conflicts.append((typed.numero, _header(key), ours.get(key), now.get(key)))
                copy_cell(typed, dossier, key)
            edited.append(dossier)
            cells[typed.numero] = now
        author = register.last_modified_by or "classeur"
        db.save_edits(edited, author, self.vue, conflicts)
        if edited:
            log.info("Registre : %d dossier(s) modifié(s) dans le classeur repris.", len(edited))
        revision, _ = db.view_state(self.vue)
        db.set_view(self.vue, revision, _text(signature), cells)
        return {n for n in synced if n not in seen and n in current}

    def _push(
        self,
        synced: int,
        revision: int,
        missing: set[str],
        full: bool = False,
        register: Register | None = None,
    ) -> None:
        db = self.db
        register = register or self._workbook()
        _, signature = db.view_state(self.vue)
        if signature is None or synced == 0:
            full = True  # a workbook this database never wrote: every row again
        in_sheet = {d.numero for d in register.dossiers()}
        if full:  # only the rows that differ: writing a row costs more than comparing it
            shown = {d.numero: d for d in register.dossiers()}
            dossiers = db.dossiers()
            rows = [d for n, d in dossiers.items() if n not in shown or not _same(shown[n], d)]
        else:  # only the dossiers changed since the last sync are read
            changed = db.changed_since(synced) | missing | (db.numeros() - in_sheet)
            rows = db.select(numeros=changed)
        for dossier in rows:
            register.put(dossier)
        documents = db.documents(since=None if full else synced)
        if full and not _numbered_by(register, documents):
            register.clear_documents()  # its rows carry the journal's numbers: write them again
        for doc in documents:
            if register.has_journal_entry(doc["journal"]):
                if doc["fichier"] == ANONYMISED and doc["dossier"]:
                    register.anonymise_documents(doc["dossier"], ANONYMISED)
                continue
            register.add_document(
                DocumentRecord(**{k: v for k, v in doc.items() if k in _RECORD_FIELDS})
            )
        register.put_deadlines(self._deadlines())
        self._backup()
        register.save()
        self._register, self._written = register, _signature(self.path)
        cells = {d.numero: cell_values(d) for d in rows}
        db.set_view(self.vue, revision, _text(self._written), cells)

    def _deadlines(self) -> list:
        """Every open deadline, from the open dossiers' dates alone (a closed dossier has
        none): a few hundred rows read, however many years the register holds."""
        out = []
        for dossier in self.db.select(DEADLINE_FIELDS, open_only=True):
            out.extend(deadlines_for(dossier))
        return out

    # ------------------------------------------------------------------ backups
    def _backup(self) -> Path | None:
        """A copy of the workbook as it is now, among the last BACKUPS_KEPT."""
        if not self.path.exists():
            return None
        self.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        copy = self.backups / f"registre-{stamp}.xlsx"
        shutil.copy2(self.path, copy)
        for old in sorted(self.backups.glob("registre-*.xlsx"))[:-BACKUPS_KEPT]:
            old.unlink()
        return copy

    def backup_database(self) -> Path | None:
        """An online copy of the SQLite database, among the last BACKUPS_KEPT (PostgreSQL:
        pg_dump, see the README)."""
        self.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        copy = self.backups / f"base-{stamp}.sqlite"
        if not self.db.backup_to(copy):
            return None
        for old in sorted(self.backups.glob("base-*.sqlite"))[:-BACKUPS_KEPT]:
            old.unlink()
        self._last_db_backup = time.monotonic()
        return copy

    def _backup_database(self) -> None:
        if not self.db.is_sqlite:
            return
        if (
            self._last_db_backup
            and time.monotonic() - self._last_db_backup < DATABASE_BACKUP_SECONDS
        ):
            return
        newest = max(self.backups.glob("base-*.sqlite"), default=None, key=lambda p: p.name)
        if newest and time.time() - newest.stat().st_mtime < DATABASE_BACKUP_SECONDS:
            self._last_db_backup = time.monotonic()
            return
        self.backup_database()

    def scrub(self, numeros: set[str]) -> None:
        """After an erasure: no trace of the erased values left in the database file."""
        self.db.compact()

    def drop_backups(self) -> int:
        """Delete the register's backups (after an erasure they still hold the names)."""
        count = 0
        for pattern in ("registre-*.xlsx", "base-*.sqlite", "journal-*.jsonl"):
            for old in self.backups.glob(pattern):
                old.unlink()
                count += 1
        self._last_db_backup = 0.0
        return count

    # ------------------------------------------------------------------ migration
    def migrate(self) -> "Migrated":
        """Take a register kept the old way (workbook and journal), or this site's SQLite
        base when the register moves to PostgreSQL, into the database, once (running it
        again adds nothing); check every dossier and document is there, then write the
        workbook again from the database."""
        with self._view_lock, self._lock:
            db = self._db if self._db is not None else self.db
            local = self.dir / DATABASE_NAME
            if self.url and local.exists():  # from this site's SQLite base to a shared one
                source = Database(sqlite_url(local), self.site)
                found, docs = list(source.dossiers().values()), source.documents()
                source.close()
                added = db.import_register(found, docs, f"{local.name} ({self.site or 'site'})")
            else:
                register = read_legacy(self.path, self.journal_path)
                found = register.dossiers()
                docs = [d for d in register.documents() if d.get("recu_le") and d.get("fichier")]
                added = db.import_register(found, docs, self.path.name)
            present = db.dossiers()
            known = {(d["sha256"], d["fichier"]) for d in db.documents()}
            lost_dossiers = [d.numero for d in found if d.numero not in present]
            lost_documents = [
                d for d in docs if ((d.get("sha256") or ""), d.get("fichier")) not in known
            ]
            if self.journal_path.exists() and not lost_dossiers and not lost_documents:
                self.backups.mkdir(parents=True, exist_ok=True)
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                shutil.move(self.journal_path, self.backups / f"journal-{stamp}.jsonl")
            db.forget_view(self.vue)  # its rows are numbered the journal's way: write it again
            if self.path.exists() and lock_reason(self.path) is None:
                try:
                    self._push(0, db.revision(), set(), full=True)
                except RegisterUnreadable:
                    pass
        return Migrated(len(found), len(docs), *added, lost_dossiers, len(lost_documents))

    # ------------------------------------------------------------------ rebuild
    def rebuild(self) -> "Rebuilt":
        """The workbook made again from the database, losing neither a row nor an edit:
        a person's edits in the current workbook, if it can be read, are taken in first;
        rows deleted by mistake come back. The current file is kept as a backup first."""
        with self._view_lock, self._lock:
            db = self.db
            base = None
            if self.path.exists():
                try:
                    self._pull()
                    base = self.path
                except RegisterUnreadable:
                    log.warning("Registre illisible : refait depuis la base de données.")
            dossiers = db.dossiers()
            previous = self._backup()
            register = Register.open(self.path) if base else Register.create(self.path)
            in_sheet = {d.numero for d in register.dossiers()}
            documents_restored = sum(
                1 for d in db.documents() if not register.has_journal_entry(d["journal"])
            )
            restored = len(set(dossiers) - in_sheet) if base else 0
            db.forget_view(self.vue)
            self._push(0, db.revision(), set(), full=True, register=register)
        return Rebuilt(
            self.path,
            base,
            previous,
            len(dossiers),
            restored,
            documents_restored if base else 0,
        )


@dataclass
class Rebuilt:
    path: Path
    base: Path | None  # the workbook whose edits were taken in (None: unreadable or absent)
    previous: Path | None  # the copy of the file it replaced
    dossiers: int
    dossiers_restored: int  # missing from that workbook, put back from the database
    documents_restored: int


@dataclass
class Migrated:
    dossiers: int  # found in the workbook and journal
    documents: int
    dossiers_added: int  # written to the database by this run
    documents_added: int
    lost_dossiers: list[str]  # not in the database afterwards (should be none)
    lost_documents: int


# ---------------------------------------------------------------------- entries
def document_entry(
    record: DocumentRecord,
    extraction: Extraction | None = None,
    dossier: str | None = None,
    affectation: Affectation | None = None,
    match: bool = False,
) -> dict:
    """A received document: to `dossier`, or with `match` to the open dossier it matches
    (else a new one, numbered by the database)."""
    return {
        "type": "document",
        "record": record,
        "extraction": extraction,
        "dossier": dossier,
        "affectation": affectation,
        "match": match,
    }


def drafts_entry(numero: str, drafts: list[str]) -> dict:
    return {"type": "brouillons", "dossier": numero, "brouillons": drafts}


def final_report_entry(numero: str, values: dict) -> dict:
    """What a final report writes back into its dossier (status, dates, boxes ticked)."""
    return {"type": "rapport_final", "dossier": numero, "valeurs": values}


def correction_entry(numero: str, values: dict, auteur: str) -> dict:
    """A person's correction or confirmation of a dossier's values, from the page in the
    browser: `values` in `Dossier.to_json()` form (dates as ISO text, `personnes` as a list),
    `champs_incertains` included when a value is confirmed; `auteur` is the account's name,
    written in the audit trail."""
    unknown = set(values) - {f.name for f in dataclasses.fields(Dossier)}
    if unknown:
        raise ValueError(f"Champs inconnus : {', '.join(sorted(unknown))}")
    return {"type": "correction", "dossier": numero, "valeurs": dict(values), "auteur": auteur}


def refile_entry(sha256: str, values: dict, auteur: str) -> dict:
    """A document set aside, filed again by a person (attached to a dossier, set aside
    for good, read again): the new values of its row, `auteur` in the audit trail."""
    return {"type": "reclassement", "sha256": sha256, "valeurs": dict(values), "auteur": auteur}


def _apply_correction(dossier: Dossier, values: dict) -> bool:
    corrected = Dossier.from_json(values)
    for name in values:
        setattr(dossier, name, getattr(corrected, name))
    return True


_RECORD_FIELDS = {f.name for f in dataclasses.fields(DocumentRecord)}


def _numbered_by(register: Register, documents: list[dict]) -> bool:
    """Whether the workbook's document rows carry the database's row numbers."""
    by_id = {d["journal"]: d for d in documents}
    for row in register.documents():
        known = by_id.get(row["journal"])
        if known is None or (row["sha256"] or "") != known["sha256"]:
            return False
    return True


def _same(shown: Dossier, stored: Dossier) -> bool:
    """Whether the workbook's row (and hidden list data) already shows the dossier."""
    return (
        cell_values(shown) == cell_values(stored)
        and all(
            getattr(shown, name) == getattr(stored, name)
            for name in ("personnes", "enfants", "ressources", "objectifs", "champs_incertains")
        )
        and shown.brouillons == stored.brouillons
    )


def _header(key: str) -> str:
    return next(c.header for c in COLUMNS if c.key == key)


def _signature(path: Path):
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _text(signature) -> str | None:
    return None if signature is None else f"{signature[0]}:{signature[1]}"
