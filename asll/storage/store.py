"""Safe writes to the register while people have it open: a journal, then the workbook.

Every change is first appended to a journal (`.asll/journal.jsonl` beside the register,
flushed to disk) and only then applied to the workbook. The workbook records the number of
the last journal entry it contains, so:
- a change made while the workbook is open in Excel or LibreOffice waits in the journal
  and is applied when the workbook is free again (`waiting()` says what and why);
- a process killed between the two steps loses nothing: the next run applies the rest;
- a person's edits are never overwritten: just before saving, a workbook changed on disk
  since it was read is read again and the unsaved changes are applied to it;
- `rebuild()` makes the workbook again from the journal and the newest readable copy.
Applying an entry is idempotent (the documents sheet remembers entry numbers).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from filelock import FileLock

from asll.domain.deadlines import deadlines_for
from asll.domain.dossiers import merge_into, new_dossier
from asll.domain.model import DOSSIER_DATE_FIELDS, SUIVI_FIELDS, Dossier, Extraction
from asll.domain.retention import ANONYMISED, anonymised
from asll.domain.sectors import Affectation
from asll.storage.register import (
    DocumentRecord,
    Register,
    RegisterUnreadable,
    read_dossiers,
    read_journal_seq,
)

log = logging.getLogger("asll.registre")

BACKUPS_KEPT = 10


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


@dataclass
class Waiting:
    count: int
    reason: str


class RegisterStore:
    """The register as intake sees it: the workbook plus the journal entries not yet in it."""

    def __init__(self, register_path: Path):
        self.path = Path(register_path)
        self.dir = state_dir(self.path)
        self.journal_path = self.dir / "journal.jsonl"
        self.backups = self.dir / "sauvegardes"
        self._lock = FileLock(str(self.dir / "registre.verrou"), timeout=120)
        self._register: Register | None = None
        self._signature = None
        self._last_seq = None
        self._view_lock = threading.RLock()
        self._dirty = False  # journal entries applied in memory but not saved
        self._saved_seq = 0  # last journal entry in the workbook on disk
        self.wait_reason: str | None = None
        self._deadline_cache: dict[str, tuple] = {}

    # ------------------------------------------------------------------ reading
    def view(self) -> Register:
        """The workbook as on disk (read again if a person saved it), with every journal
        entry applied, saved or not."""
        with self._view_lock:
            if self._register is None or self._signature != _signature(self.path):
                self._load()
            return self._register

    def _load(self) -> None:
        register = Register.open(self.path)
        self._saved_seq = register.journal_seq
        self._dirty = False
        for entry in self._entries_after(register.journal_seq):
            _apply(register, entry)
            self._dirty = True
        self._register, self._signature = register, _signature(self.path)

    def dossiers(self) -> list[Dossier]:
        """Every dossier, for commands that only read. Reads the workbook the fast way
        (read-only) unless journal entries are still waiting to be written into it."""
        with self._view_lock:
            if self._register is None and self.path.exists():
                dossiers, seq = read_dossiers(self.path)
                if self._next_seq() - 1 <= seq:
                    return dossiers
            return self.view().dossiers()

    def knows(self, sha256: str) -> bool:
        """Whether a file with this hash was already received (safe from any thread)."""
        with self._view_lock:
            return self.view().find_document(sha256) is not None

    def has_unsaved(self) -> bool:
        self.view()
        return self._dirty

    def unsaved(self) -> list[dict]:
        applied = read_journal_seq(self.path) if self.path.exists() else 0
        return list(self._entries_after(applied))

    def waiting(self) -> Waiting | None:
        """Changes waiting to be written to the workbook, and why."""
        entries = self.unsaved()
        if not entries:
            return None
        return Waiting(len(entries), lock_reason(self.path) or "enregistrement en attente")

    # ------------------------------------------------------------------ writing
    def record(self, entry: dict) -> dict:
        """Journal one change (durably), then apply it to the in-memory workbook."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with self._view_lock, self._lock:
            register = self.view()
            entry = dict(entry, seq=self._next_seq(), horodatage=_now_iso())
            line = json.dumps(entry, ensure_ascii=False, default=_json_default)
            with open(self.journal_path, "a", encoding="utf-8") as journal:
                journal.write(line + "\n")
                journal.flush()
                os.fsync(journal.fileno())
            self._last_seq = entry["seq"]
            _apply(register, json.loads(line))
            self._dirty = True
        return entry

    def flush(self) -> Waiting | None:
        """Write the journalled changes to the workbook, unless it is open elsewhere."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with self._view_lock, self._lock:
            register = self.view()  # read again first if a person saved it meanwhile
            if not self._dirty:
                return None
            reason = lock_reason(self.path)
            if reason:
                if reason != self.wait_reason:
                    log.warning(
                        "Registre non enregistré : %s ; les changements attendent dans le journal.",
                        reason,
                    )
                self.wait_reason = reason
                return Waiting(register.journal_seq - self._saved_seq, reason)
            self._backup()
            register.put_deadlines(self._deadlines(register))
            register.save()
            self._signature, self._dirty = _signature(self.path), False
            self._saved_seq = register.journal_seq
            if self.wait_reason:
                log.info("Registre de nouveau disponible : changements en attente enregistrés.")
            self.wait_reason = None
            return None

    def _deadlines(self, register: Register) -> list:
        """Every open deadline; computed again only for the dossiers changed since the
        previous call (`put` stores a new object for each change)."""
        cache, out = {}, []
        for dossier in register.dossiers():
            known = self._deadline_cache.get(dossier.numero)
            items = known[1] if known and known[0] is dossier else deadlines_for(dossier)
            cache[dossier.numero] = (dossier, items)
            out.extend(items)
        self._deadline_cache = cache
        return out

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

    # ------------------------------------------------------------------ journal
    def _entries_after(self, seq: int):
        if not self.journal_path.exists():
            return
        with open(self.journal_path, encoding="utf-8") as journal:
            for line in journal:
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    log.error("Ligne illisible dans le journal du registre : ignorée.")
                    continue  # a line cut by a crash mid-write
                if entry.get("seq", 0) > seq:
                    yield entry

    def _next_seq(self) -> int:
        if self._last_seq is None:
            self._last_seq = max((e["seq"] for e in self._entries_after(0)), default=0)
        return self._last_seq + 1

    def scrub_journal(self, numeros: set[str], scrub) -> None:
        """Rewrite the journal with `scrub(entry)` applied to the entries of these dossiers."""
        with self._view_lock, self._lock:
            tmp = self.journal_path.with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as out:
                for entry in self._entries_after(0):
                    if _dossier_of(entry) in numeros:
                        entry = scrub(entry)
                    out.write(json.dumps(entry, ensure_ascii=False) + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.journal_path)

    def drop_backups(self) -> int:
        """Delete the register's backups (after an erasure they still hold the names)."""
        count = 0
        for old in self.backups.glob("registre-*.xlsx"):
            old.unlink()
            count += 1
        return count

    # ------------------------------------------------------------------ rebuild
    def rebuild(self) -> "Rebuilt":
        """The register made again, losing neither a row nor an edit.

        The rows come from the journal (every change the tool made). What people typed
        comes from the newest workbook that can still be read: the register itself, or
        else its newest backup, brought up to date with the journal entries after it. A
        dossier or document missing from that workbook (a row deleted by mistake) is put
        back from the journal. The current file is kept as a backup first.
        """
        with self._view_lock, self._lock:
            from_journal = Register.create(self.path)
            for entry in self._entries_after(0):
                _apply(from_journal, entry)
            base, source = self._newest_readable()
            restored = (0, 0)
            if base is None:
                register = from_journal
            else:
                register = base
                register.path = self.path
                for entry in self._entries_after(register.journal_seq):
                    _apply(register, entry)
                restored = _put_back_missing(register, from_journal)
            previous = self._backup()
            register.put_deadlines(self._deadlines(register))
            register.save()
            self._register, self._signature = register, _signature(self.path)
            self._saved_seq, self._dirty = register.journal_seq, False
        return Rebuilt(self.path, source, previous, len(register.dossiers()), *restored)

    def _newest_readable(self) -> tuple[Register | None, Path | None]:
        """The register, or else its newest backup that opens, with where it came from."""
        candidates = [self.path] + sorted(self.backups.glob("registre-*.xlsx"), reverse=True)
        for path in candidates:
            if not path.exists():
                continue
            try:
                return Register.open(path), path
            except (RegisterUnreadable, OSError):
                log.warning("Registre ou sauvegarde illisible, ignoré pour la reconstruction.")
        return None, None


@dataclass
class Rebuilt:
    path: Path
    base: Path | None  # the workbook whose hand-typed values were kept (None: journal only)
    previous: Path | None  # the copy of the file it replaced
    dossiers: int
    dossiers_restored: int  # missing from that workbook, put back from the journal
    documents_restored: int


def _put_back_missing(register: Register, from_journal: Register) -> tuple[int, int]:
    dossiers = documents = 0
    for dossier in from_journal.dossiers():
        if register.get(dossier.numero) is None:
            register.put(dossier)
            dossiers += 1
    for doc in from_journal.documents():
        if doc["journal"] is not None and not register.has_journal_entry(doc["journal"]):
            register.add_document(DocumentRecord(**doc))
            documents += 1
    return dossiers, documents


# ---------------------------------------------------------------------- entries
def document_entry(
    record: DocumentRecord,
    extraction: Extraction | None = None,
    dossier: str | None = None,
    affectation: Affectation | None = None,
) -> dict:
    return {
        "type": "document",
        "document": record.__dict__ | {"dossier": dossier},
        "extraction": extraction.to_json() if extraction else None,
        "affectation": affectation.__dict__ if affectation else None,
    }


def drafts_entry(numero: str, drafts: list[str]) -> dict:
    return {"type": "brouillons", "dossier": numero, "brouillons": drafts}


# Fields a follow-up entry may set: what workers record as the case goes on, and its status.
FOLLOW_UP_FIELDS = frozenset(SUIVI_FIELDS) | {"statut"}


def follow_up_entry(numero: str, values: dict) -> dict:
    """A change of a dossier's follow-up fields (status, dates…), e.g. when a report is made
    final. Only the fields of `FOLLOW_UP_FIELDS`; dates may be given as `date`."""
    unknown = set(values) - FOLLOW_UP_FIELDS
    if unknown:
        raise ValueError(f"Champs de suivi inconnus : {', '.join(sorted(unknown))}")
    return {"type": "suivi", "dossier": numero, "valeurs": dict(values)}


def correction_entry(numero: str, values: dict, auteur: str) -> dict:
    """A person's correction or confirmation of a dossier's values, from the page in the
    browser: `values` in `Dossier.to_json()` form (dates as ISO text, `personnes` as a list),
    `champs_incertains` included when a value is confirmed; `auteur` is the account's name,
    kept in the journal (the audit trail)."""
    unknown = set(values) - {f.name for f in dataclasses.fields(Dossier)}
    if unknown:
        raise ValueError(f"Champs inconnus : {', '.join(sorted(unknown))}")
    return {"type": "correction", "dossier": numero, "valeurs": dict(values), "auteur": auteur}


def _apply(register: Register, entry: dict) -> None:
    seq = entry["seq"]
    if entry["type"] == "document":
        if register.has_journal_entry(seq):
            register.journal_seq = max(register.journal_seq, seq)
            return
        doc = dict(entry["document"])
        doc["recu_le"] = datetime.fromisoformat(doc["recu_le"])
        numero = doc.get("dossier")
        if entry.get("extraction") and numero:
            extraction = Extraction.from_json(entry["extraction"])
            dossier = register.get(numero)
            if dossier is None:
                dossier = new_dossier(extraction, numero, doc["recu_le"].date())
                _assign(dossier, entry.get("affectation"))
            else:
                merge_into(dossier, extraction)
            register.put(dossier)
        register.add_document(DocumentRecord(**(doc | {"journal": seq})))
    elif entry["type"] == "import":
        if register.has_journal_entry(seq):
            register.journal_seq = max(register.journal_seq, seq)
            return
        dossier = Dossier.from_json(entry["dossier"])
        if register.get(dossier.numero) is None:
            register.put(dossier)
        register.add_document(
            DocumentRecord(
                recu_le=datetime.fromisoformat(entry["horodatage"]),
                fichier=entry["source"],
                sha256="",
                type="Import",
                dossier=dossier.numero,
                resultat="importé",
                remarque=f"ligne {entry['ligne']}",
                journal=seq,
            )
        )
    elif entry["type"] == "anonymisation":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            register.put(anonymised(dossier))
        register.anonymise_documents(entry["dossier"], ANONYMISED)
    elif entry["type"] == "brouillons":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            dossier.brouillons += [d for d in entry["brouillons"] if d not in dossier.brouillons]
            register.put(dossier)
    elif entry["type"] == "suivi":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            for name, value in entry["valeurs"].items():
                if name in DOSSIER_DATE_FIELDS and isinstance(value, str):
                    value = date.fromisoformat(value)
                if name in FOLLOW_UP_FIELDS:
                    setattr(dossier, name, value)
            register.put(dossier)
    elif entry["type"] == "correction":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            corrected = Dossier.from_json(entry["valeurs"])
            for name in entry["valeurs"]:
                setattr(dossier, name, getattr(corrected, name))
            register.put(dossier)
    register.journal_seq = max(register.journal_seq, seq)


def _dossier_of(entry: dict) -> str | None:
    if entry.get("type") == "import":
        return entry["dossier"].get("numero")
    if entry.get("document"):
        return entry["document"].get("dossier")
    return entry.get("dossier")


def _assign(dossier: Dossier, affectation: dict | None) -> None:
    if not affectation:
        return
    dossier.secteur, dossier.referent = affectation["secteur"], affectation["referent"]
    if not affectation["connue"]:
        dossier.champs_incertains.append("secteur")


def _signature(path: Path):
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _now_iso() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(type(value).__name__)
