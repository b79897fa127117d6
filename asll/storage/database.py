"""The register's system of record: a database, through SQLAlchemy Core.

SQLite by default (one file beside the workbook, `.asll/registre.sqlite`, WAL mode and a
busy timeout so that the watcher and a command can work at the same time); PostgreSQL when
`[registre] base = "postgresql://…"` in asll.toml, for several sites sharing one register.
The schema comes from the Alembic migrations shipped in the package
(asll/storage/migrations/), applied when the database is opened.

Every change is one transaction, and each begins by taking the next register revision
(one counter row): writers queue there, so a transaction sees every change committed
before it, on either engine. That is how two watchers filing at the same moment agree on
the dossier a letter joins and on the next dossier number, and the UNIQUE `empreinte`
makes the second copy of a file a duplicate even then.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import json
import logging
import socket
import sqlite3
import threading
import weakref
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from asll.domain.dossiers import (
    find_matching,
    is_closed,
    merge_into,
    nature_for,
    new_dossier,
)
from asll.domain.model import Dossier, Extraction, Personne, Ressource
from asll.domain.retention import ANONYMISED, anonymised
from asll.domain.sectors import Affectation
from asll.storage.schema import (
    DOSSIER_FIELDS,
    REVISION,
    audit,
    brouillons,
    compteurs,
    conflits,
    documents,
    dossiers,
    etat,
    vue_dossiers,
    vues,
)

log = logging.getLogger("asll.registre")

TOOL = "asll"  # the audit's author for changes the tool makes
_upgrade_lock = threading.Lock()
_engines: weakref.WeakSet = weakref.WeakSet()  # to close them all (tests drop databases)


class DuplicateDocument(Exception):
    """A copy of a file already received: `known` is the first copy's row."""

    def __init__(self, known: dict):
        super().__init__(known.get("sha256"))
        self.known = known


@dataclass
class Filed:
    document: dict  # the row as `documents()` gives it
    numero: str | None
    nouveau: bool


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).absolute()}"


def engine_url(url: str) -> str:
    """The address as SQLAlchemy wants it: psycopg 3 for PostgreSQL."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> sa.Engine:
    url = engine_url(url)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # BEGIN is ours, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # IMMEDIATE: a transaction that will write waits for the other writer at its start
        # (busy_timeout), instead of failing when it first writes. A read (WAL) waits for
        # no one.
        read = connection.get_execution_options().get("asll_read")
        connection.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


def migrations_dir() -> str:
    """The Alembic scripts, found inside the installed package (the wheel included)."""
    return str(resources.files("asll.storage") / "migrations")


@functools.cache
def _head() -> str:
    return ScriptDirectory(migrations_dir()).get_current_head()


def upgrade(engine: sa.Engine) -> None:
    """Apply the migrations not yet applied: the schema is never dropped and recreated."""
    with engine.connect() as connection:
        if sa.inspect(connection).has_table("alembic_version"):
            current = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            if current.scalar() == _head():
                return
    with _upgrade_lock:
        config = AlembicConfig()
        config.set_main_option("script_location", migrations_dir())
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":  # two sites starting at once
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(160016)"))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def dispose_all() -> None:
    """Close every connection this process opened (before a test drops its database)."""
    for engine in list(_engines):
        engine.dispose()


class Database:
    """The register's tables, with every dossier kept in memory and brought up to date by
    revision (a read costs one query for the dossiers changed since the previous one)."""

    def __init__(self, url: str, site: str | None = None):
        self.url = url
        self.engine = make_engine(url)
        _engines.add(self.engine)
        self.site = site or socket.gethostname()
        upgrade(self.engine)
        self._cache: dict[str, Dossier] = {}
        self._cache_revision = -1
        self._cache_lock = threading.RLock()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def _read(self):
        """A connection for reading only (on SQLite, a transaction that takes no lock)."""
        return self.engine.connect().execution_options(asll_read=True)

    # ------------------------------------------------------------------ reading
    def revision(self) -> int:
        with self._read() as conn:
            return _revision(conn)

    def dossiers(self) -> dict[str, Dossier]:
        """Every dossier by number, up to date (shared objects: read, don't modify)."""
        with self._read() as conn:
            return self._refresh(conn)

    def _refresh(self, conn) -> dict[str, Dossier]:
        with self._cache_lock, _bulk():
            columns, convert = _reader(None)
            rows = conn.execute(
                sa.select(*columns)
                .where(dossiers.c.revision > self._cache_revision)
                .order_by(dossiers.c.numero)
            ).all()
            if rows:
                numeros = [r[0] for r in rows]
                drafts = _drafts_of(conn, None if self._cache_revision < 0 else numeros)
                new = self._cache and any(n not in self._cache for n in numeros)
                for row in rows:
                    self._cache[row[0]] = convert(row, drafts.get(row[0], ()))
                self._cache_revision = max(r[-1] for r in rows)
                if new:  # register order: by number
                    self._cache = dict(sorted(self._cache.items()))
            return self._cache

    def select(
        self,
        fields: tuple[str, ...] | None = None,
        *,
        numeros=None,
        open_only: bool = False,
        nature: str | None = None,
    ) -> list[Dossier]:
        """Only the dossiers asked (these numbers, the open ones, of one nature), with only
        the `fields` asked (the others keep their defaults), read straight from the tables,
        in register order: a command that needs a few hundred dossiers or a few columns
        does not pay for the twenty thousand of `dossiers()`."""
        with self._read() as conn:
            return _select(conn, fields, numeros, open_only, nature)

    def get(self, numero: str) -> Dossier | None:
        """One dossier, read by its key (a new object the caller may change)."""
        with self._read() as conn:
            return _load(conn, numero)

    def knows(self, sha256: str) -> bool:
        with self._read() as conn:
            return (
                conn.execute(
                    sa.select(documents.c.id).where(documents.c.sha256 == sha256).limit(1)
                ).first()
                is not None
            )

    def find_document(self, sha256: str) -> dict | None:
        """The first document received with this SHA-256."""
        with self._read() as conn:
            return _find_document(conn, sha256)

    def documents(self, numeros: set[str] | None = None, since: int | None = None) -> list[dict]:
        query = sa.select(documents).order_by(documents.c.id)
        if numeros is not None:
            query = query.where(documents.c.dossier.in_(sorted(numeros)))
        if since is not None:
            query = query.where(documents.c.revision > since)
        with self._read() as conn:
            return [document_of(r._mapping) for r in conn.execute(query)]

    def next_numero(self, nature: str, year: int) -> str:
        """The number the next dossier of this nature and year would get (a preview: the
        number itself is taken when the dossier is written)."""
        prefix = f"{nature}-{year}"
        with self._read() as conn:
            last = conn.execute(
                sa.select(compteurs.c.valeur).where(compteurs.c.nom == prefix)
            ).scalar()
            floor = _highest_number(conn, prefix)
        return f"{prefix}-{max(last or 0, floor) + 1:04d}"

    def is_empty(self) -> bool:
        with self._read() as conn:
            return (
                conn.execute(sa.select(dossiers.c.numero).limit(1)).first() is None
                and conn.execute(sa.select(documents.c.id).limit(1)).first() is None
            )

    def history(self, numeros: set[str]) -> list[dict]:
        """The audit rows of these dossiers (right of access)."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(audit).where(audit.c.dossier.in_(sorted(numeros))).order_by(audit.c.id)
            )
            return [dict(r._mapping) for r in rows]

    def conflicts(self, vue: str | None = None) -> list[dict]:
        query = sa.select(conflits).order_by(conflits.c.id)
        if vue is not None:
            query = query.where(conflits.c.vue == vue)
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def state(self, key: str) -> str | None:
        with self._read() as conn:
            return conn.execute(sa.select(etat.c.valeur).where(etat.c.cle == key)).scalar()

    # ------------------------------------------------------------------ writing
    def file_document(
        self,
        record,
        extraction: Extraction | None = None,
        numero: str | None = None,
        affectation: Affectation | None = None,
        match: bool = False,
        refile: bool = False,
    ) -> Filed:
        """One transaction: the document's row, its dossier created or completed.

        With an extraction, the document goes to `numero` (created when absent), or with
        `match` to the open dossier it matches, else to a new dossier numbered here. Raises
        DuplicateDocument when a copy of the file was filed first (by any site). With
        `refile`, the row of a file already received (set aside, then read again with the
        type a person chose) is updated instead: it keeps its id and reception date.
        """
        first_copy = record.resultat != "doublon" and bool(record.sha256)
        try:
            with self.engine.begin() as conn:
                rev = _next_revision(conn)
                nouveau = False
                if extraction is not None:
                    received = record.recu_le
                    if numero is None and match:
                        # the open dossiers of its nature only: a document costs the same
                        # with 20 dossiers or 20 000 (read in this transaction: up to date)
                        nature = nature_for(extraction)
                        candidates = _select(conn, None, None, True, nature) if nature else []
                        existing = find_matching(candidates, extraction)
                        numero = existing.numero if existing else None
                    current = _load(conn, numero) if numero else None
                    if current is None:
                        numero = numero or _allocate(conn, nature_for(extraction), received.year)
                        dossier = new_dossier(extraction, numero, received.date())
                        _assign(dossier, affectation)
                        _insert_dossier(conn, dossier, rev)
                        _audit(conn, numero, None, None, f"créé ({record.type})", TOOL)
                        nouveau = True
                    else:
                        before = row_of(current)
                        merge_into(current, extraction)
                        _update_dossier(conn, current, before, rev, f"{TOOL} ({record.type})")
                document = {
                    "recu_le": record.recu_le,
                    "fichier": record.fichier,
                    "sha256": record.sha256 or None,
                    "empreinte": record.sha256 if first_copy else None,
                    "type": record.type,
                    "dossier": numero if extraction is not None else record.dossier,
                    "resultat": record.resultat,
                    "remarque": record.remarque or None,
                    "classe_sous": record.classe_sous or None,
                    "site": self.site,
                    "revision": rev,
                }
                known = _find_document(conn, record.sha256) if refile and first_copy else None
                if known is not None:
                    doc_id = known["journal"]
                    document["recu_le"] = known["recu_le"]
                    conn.execute(
                        sa.update(documents).where(documents.c.id == doc_id).values(**document)
                    )
                    if document["dossier"]:
                        _audit(conn, document["dossier"], "documents", None, record.fichier, TOOL)
                else:
                    doc_id = conn.execute(
                        sa.insert(documents).values(**document)
                    ).inserted_primary_key[0]
        except IntegrityError:
            known = self.find_document(record.sha256) if first_copy else None
            if known is None:
                raise
            raise DuplicateDocument(known) from None
        return Filed(document_of(document | {"id": doc_id}), document["dossier"], nouveau)

    def refile_document(self, sha256: str, changes: dict, author: str) -> dict | None:
        """A person files again a document set aside (à trier, quarantaine): its row (the
        first copy's) takes `changes` (dossier, resultat, type, remarque, classe_sous), in
        one transaction, written in the audit trail of the dossier it joins. None when the
        register does not know the file."""
        allowed = {"dossier", "resultat", "type", "remarque", "classe_sous"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown document columns: {sorted(unknown)}")
        with self.engine.begin() as conn:
            known = _find_document(conn, sha256)
            if known is None:
                return None
            rev = _next_revision(conn)
            conn.execute(
                sa.update(documents)
                .where(documents.c.id == known["journal"])
                .values(**changes, revision=rev)
            )
            numero = changes.get("dossier")
            if numero:
                _audit(conn, numero, "documents", None, known["fichier"], author)
            return _find_document(conn, sha256)

    def import_dossier(self, dossier: Dossier, source: str, ligne: int, when: datetime) -> bool:
        """A dossier from another table (asll importer), with its "Import" document row.
        False when the number is already taken."""
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            if _load(conn, dossier.numero) is not None:
                return False
            _insert_dossier(conn, dossier, rev)
            _bump_counter(conn, dossier.numero)
            _audit(conn, dossier.numero, None, None, f"importé ({source}, ligne {ligne})", TOOL)
            conn.execute(
                sa.insert(documents).values(
                    recu_le=when,
                    fichier=source,
                    type="Import",
                    dossier=dossier.numero,
                    resultat="importé",
                    remarque=f"ligne {ligne}",
                    site=self.site,
                    revision=rev,
                )
            )
        return True

    def add_drafts(self, numero: str, names: list[str]) -> None:
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            current = _load(conn, numero)
            if current is None:
                return
            new = [n for n in names if n not in current.brouillons]
            for name in new:
                conn.execute(
                    sa.insert(brouillons).values(
                        dossier=numero, fichier=name, cree_le=datetime.now().replace(microsecond=0)
                    )
                )
                _audit(conn, numero, "brouillons", None, name, TOOL)
            if new:
                conn.execute(
                    sa.update(dossiers).where(dossiers.c.numero == numero).values(revision=rev)
                )

    def change(self, numero: str, change, author: str) -> bool:
        """Apply `change(dossier)` to one dossier in a transaction; what it changed is
        written and audited when it returns a true value (the fields it changed)."""
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            current = _load(conn, numero)
            if current is None:
                return False
            before = row_of(current)
            if not change(current):
                return False
            _update_dossier(conn, current, before, rev, author)
            return True

    def save_edits(self, edited: list[Dossier], author: str, vue: str, conflicts=()) -> None:
        """Dossiers changed by a person in the workbook, in one transaction: each changed
        field audited under `author`; `conflicts` are (numero, field, tool's, person's)."""
        if not edited and not conflicts:
            return
        now = datetime.now().replace(microsecond=0)
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            for dossier in edited:
                current = _load(conn, dossier.numero)
                if current is None:
                    _insert_dossier(conn, dossier, rev)
                    _bump_counter(conn, dossier.numero)
                    _audit(conn, dossier.numero, None, None, "créé dans le classeur", author)
                else:
                    dossier.brouillons = current.brouillons
                    _update_dossier(conn, dossier, row_of(current), rev, author)
            for numero, champ, tool_value, person_value in conflicts:
                conn.execute(
                    sa.insert(conflits).values(
                        quand=now,
                        vue=vue,
                        dossier=numero,
                        champ=champ,
                        valeur_outil=_text(tool_value),
                        valeur_personne=_text(person_value),
                        auteur=author,
                    )
                )

    def anonymise(self, numero: str, motif: str) -> None:
        """Remove what identifies a household everywhere the database keeps it: the
        dossier, its documents' file names, its drafts, the audit's and conflicts' values."""
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            current = _load(conn, numero)
            if current is not None:
                current = anonymised(current)
                current.brouillons = []
                conn.execute(
                    sa.update(dossiers)
                    .where(dossiers.c.numero == numero)
                    .values(**row_of(current), revision=rev)
                )
            conn.execute(sa.delete(brouillons).where(brouillons.c.dossier == numero))
            conn.execute(
                sa.update(documents)
                .where(documents.c.dossier == numero)
                .values(fichier=ANONYMISED, classe_sous=None, revision=rev)
            )
            conn.execute(
                sa.update(audit)
                .where(audit.c.dossier == numero)
                .values(ancienne_valeur=None, nouvelle_valeur=None)
            )
            conn.execute(
                sa.update(conflits)
                .where(conflits.c.dossier == numero)
                .values(valeur_outil=None, valeur_personne=None)
            )
            conn.execute(
                sa.update(vue_dossiers).where(vue_dossiers.c.numero == numero).values(cellules={})
            )
            _audit(conn, numero, None, None, f"anonymisé : {motif}", TOOL)

    def import_register(self, found: list[Dossier], docs: list[dict], source: str) -> tuple:
        """The dossiers and documents of a register kept before the database (workbook and
        journal), in one transaction; those already present are left alone, so running it
        again adds nothing. Returns (dossiers added, documents added)."""
        added = [0, 0]
        with self.engine.begin() as conn:
            rev = _next_revision(conn)
            present = set(conn.execute(sa.select(dossiers.c.numero)).scalars())
            for dossier in found:
                if dossier.numero in present:
                    continue
                _insert_dossier(conn, dossier, rev)
                _bump_counter(conn, dossier.numero)
                _audit(conn, dossier.numero, None, None, f"repris de {source}", TOOL)
                added[0] += 1
            seen = {
                (r.sha256 or "", r.fichier, r.recu_le)
                for r in conn.execute(
                    sa.select(documents.c.sha256, documents.c.fichier, documents.c.recu_le)
                )
            }
            first = set(
                conn.execute(
                    sa.select(documents.c.empreinte).where(documents.c.empreinte.is_not(None))
                ).scalars()
            )
            for doc in docs:
                received = doc["recu_le"]
                if not isinstance(received, datetime):
                    received = datetime.fromisoformat(str(received))
                sha = doc.get("sha256") or ""
                if (sha, doc.get("fichier") or "", received) in seen:
                    continue
                claims = bool(sha) and doc.get("resultat") != "doublon" and sha not in first
                conn.execute(
                    sa.insert(documents).values(
                        recu_le=received,
                        fichier=doc.get("fichier") or "",
                        sha256=sha or None,
                        empreinte=sha if claims else None,
                        type=doc.get("type"),
                        dossier=doc.get("dossier"),
                        resultat=doc.get("resultat") or "",
                        remarque=doc.get("remarque") or None,
                        classe_sous=doc.get("classe_sous") or None,
                        site=self.site,
                        revision=rev,
                    )
                )
                if claims:
                    first.add(sha)
                seen.add((sha, doc.get("fichier") or "", received))
                added[1] += 1
            _put(conn, etat, {"cle": "migration"}, {"valeur": source})
        return tuple(added)

    def numeros(self) -> set[str]:
        """Every dossier number (without reading the dossiers)."""
        with self._read() as conn:
            return set(conn.execute(sa.select(dossiers.c.numero)).scalars())

    def changed_since(self, revision: int) -> set[str]:
        """Numbers of the dossiers changed after this revision."""
        with self._read() as conn:
            return set(
                conn.execute(
                    sa.select(dossiers.c.numero).where(dossiers.c.revision > revision)
                ).scalars()
            )

    def compact(self) -> None:
        """After an erasure: the database rewrites what held the erased values."""
        if self.is_sqlite:
            with self._read() as conn:
                conn.exec_driver_sql("COMMIT")  # VACUUM runs outside a transaction
                conn.exec_driver_sql("VACUUM")
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:  # PostgreSQL: rewrite the tables, so no dead row keeps an erased value
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in ("dossiers", "documents", "brouillons", "audit", "conflits"):
                    conn.exec_driver_sql(f"VACUUM FULL {table}")
                conn.exec_driver_sql("VACUUM FULL vue_dossiers")

    def set_state(self, key: str, value: str | None) -> None:
        try:
            with self.engine.begin() as conn:
                _put(conn, etat, {"cle": key}, {"valeur": value})
        except IntegrityError:  # another site wrote it between our update and insert
            with self.engine.begin() as conn:
                _put(conn, etat, {"cle": key}, {"valeur": value})

    # ------------------------------------------------------------------ workbook views
    def view_state(self, vue: str) -> tuple[int, str | None]:
        with self._read() as conn:
            row = conn.execute(sa.select(vues).where(vues.c.vue == vue)).first()
        return (row.revision, row.signature) if row else (0, None)

    def view_cells(self, vue: str) -> dict[str, dict]:
        with self._read() as conn:
            rows = conn.execute(sa.select(vue_dossiers).where(vue_dossiers.c.vue == vue))
            return {r.numero: r.cellules for r in rows}

    def set_view(
        self, vue: str, revision: int, signature: str | None, cells: dict[str, dict]
    ) -> None:
        """What the workbook holds now: its revision, its file, the synced row values."""
        with self.engine.begin() as conn:
            _put(conn, vues, {"vue": vue}, {"revision": revision, "signature": signature})
            for numero, values in cells.items():
                _put(conn, vue_dossiers, {"vue": vue, "numero": numero}, {"cellules": values})

    def forget_view(self, vue: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(vue_dossiers).where(vue_dossiers.c.vue == vue))
            conn.execute(sa.delete(vues).where(vues.c.vue == vue))

    # ------------------------------------------------------------------ backups
    def backup_to(self, destination: Path) -> bool:
        """An online copy (SQLite's backup API: consistent while others write). PostgreSQL
        is saved with pg_dump (README)."""
        if not self.is_sqlite:
            return False
        source = sqlite3.connect(self.engine.url.database, timeout=60)
        try:
            target = sqlite3.connect(destination)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        return True


# ---------------------------------------------------------------------- rows
_JSON_FIELDS = {name for name, kind in DOSSIER_FIELDS if kind is sa.JSON}


def row_of(dossier: Dossier) -> dict:
    """The dossier's columns (lists and the results table as JSON)."""
    out = {}
    for name, _kind in DOSSIER_FIELDS:
        value = getattr(dossier, name)
        if name in ("personnes", "enfants", "ressources"):
            value = [item.to_json() for item in value]
        elif name in _JSON_FIELDS:
            value = json.loads(json.dumps(value))
        out[name] = value
    return out


_KINDS = dict(DOSSIER_FIELDS)
_FIELD_NAMES = tuple(name for name, _kind in DOSSIER_FIELDS)
# Every field's default (a field without its column yet, or not asked, keeps it).
_DEFAULTS = {
    f.name: f.default for f in dataclasses.fields(Dossier) if f.default is not dataclasses.MISSING
}
_FACTORIES = tuple(
    (f.name, f.default_factory)
    for f in dataclasses.fields(Dossier)
    if f.default is dataclasses.MISSING and f.default_factory is not dataclasses.MISSING
)
_EMPTY_JSON = {"", "null", "[]", "{}"}


def _json(value):
    """A JSON column's value: read as text (SQLite) it is decoded here, and the empty lists
    most dossiers hold cost nothing; PostgreSQL's driver gives it decoded already."""
    if not isinstance(value, str):
        return value
    return None if value in _EMPTY_JSON else json.loads(value)


def _date(value):
    """A date column's value: SQLite gives the ISO text, PostgreSQL a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _convert_json(name: str, value):
    value = _json(value)
    if name in ("personnes", "enfants"):
        return [Personne.from_json(p) for p in value or ()]
    if name == "ressources":
        return [Ressource(r["type"], r.get("montant")) for r in value or ()]
    if name == "resultats_objectifs":
        return dict(value or {})
    return list(value or ())


@contextlib.contextmanager
def _bulk():
    """Many dossiers made at once: the cyclic garbage collector, which would scan the
    growing heap again and again while they are made (a third of the load), waits until
    the end. Dossiers hold no reference cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=32)
def _reader(fields: tuple[str, ...] | None):
    """(columns to select, row → Dossier) for these fields (None: all). Dates and JSON are
    selected raw and converted here: SQLAlchemy's per-value processing (a regular
    expression per date, json.loads per list) was most of the cost of loading twenty
    thousand dossiers. The row's last column is its revision."""
    names = _FIELD_NAMES if fields is None else tuple(n for n in _FIELD_NAMES if n in fields)
    columns = [dossiers.c.numero]
    for name in names:
        kind = _KINDS[name]
        column = dossiers.c[name]
        raw = kind is sa.JSON or kind is sa.Date
        columns.append(sa.type_coerce(column, sa.Text).label(name) if raw else column)
    columns.append(dossiers.c.revision)
    plain = tuple(
        (i, n)
        for i, n in enumerate(names, 1)
        if _KINDS[n] is not sa.JSON and _KINDS[n] is not sa.Date
    )
    dates = tuple((i, n) for i, n in enumerate(names, 1) if _KINDS[n] is sa.Date)
    lists = tuple((i, n) for i, n in enumerate(names, 1) if _KINDS[n] is sa.JSON)
    status = "statut" in names

    def convert(row, drafts=()) -> Dossier:
        # Built into a bare instance: the dataclass's __init__ (defaults made, then
        # overwritten) would double the cost of the watcher's start-up.
        values = dict(_DEFAULTS)
        for name, factory in _FACTORIES:
            values[name] = factory()
        values["numero"] = row[0]
        for i, name in plain:
            values[name] = row[i]
        for i, name in dates:
            values[name] = _date(row[i])
        for i, name in lists:
            values[name] = _convert_json(name, row[i])
        if status:
            values["statut"] = values["statut"] or "Nouveau"
        values["brouillons"] = list(drafts)
        dossier = Dossier.__new__(Dossier)
        dossier.__dict__.update(values)
        return dossier

    return columns, convert


def _open_condition(conn):
    """The open dossiers, as SQL: the statuses the register holds are few, and which of
    them means closed is asked of `is_closed` (asll/domain/dossiers.py), its one home."""
    statuses = conn.execute(sa.select(dossiers.c.statut).distinct()).scalars().all()
    opened = [s for s in statuses if s and not is_closed(Dossier(statut=s))]
    return sa.or_(
        dossiers.c.statut.is_(None), dossiers.c.statut == "", dossiers.c.statut.in_(opened)
    )


_IN_CHUNK = 500  # numbers per IN (…): well under every engine's limit of parameters


def _select(conn, fields, numeros=None, open_only=False, nature=None) -> list[Dossier]:
    columns, convert = _reader(None if fields is None else tuple(sorted(set(fields))))
    query = sa.select(*columns).order_by(dossiers.c.numero)
    if nature is not None:
        query = query.where(dossiers.c.nature == nature)
    if open_only:
        query = query.where(_open_condition(conn))
    with _bulk():
        return _select_rows(conn, query, convert, fields, numeros, open_only, nature)


def _select_rows(conn, query, convert, fields, numeros, open_only, nature) -> list[Dossier]:
    if numeros is None:
        rows = conn.execute(query).all()
    else:
        wanted = sorted(numeros)
        rows = []
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            rows += conn.execute(query.where(dossiers.c.numero.in_(chunk))).all()
    with_drafts = fields is None or "brouillons" in fields
    everything = numeros is None and not open_only and nature is None
    drafts = {}
    if with_drafts and rows:
        drafts = _drafts_of(conn, None if everything else [r[0] for r in rows])
    return [convert(row, drafts.get(row[0], ())) for row in rows]


def document_of(row) -> dict:
    return {
        "recu_le": row["recu_le"],
        "fichier": row["fichier"],
        "sha256": row["sha256"] or "",
        "type": row["type"],
        "dossier": row["dossier"],
        "resultat": row["resultat"],
        "remarque": row["remarque"] or "",
        "classe_sous": row["classe_sous"] or "",
        "journal": row["id"],
        "site": row.get("site"),
    }


def _revision(conn) -> int:
    return conn.execute(sa.select(compteurs.c.valeur).where(compteurs.c.nom == REVISION)).scalar()


def _next_revision(conn) -> int:
    """Take the next revision: the row lock queues the writers (see the module's text)."""
    return conn.execute(
        sa.update(compteurs)
        .where(compteurs.c.nom == REVISION)
        .values(valeur=compteurs.c.valeur + 1)
        .returning(compteurs.c.valeur)
    ).scalar_one()


def _highest_number(conn, prefix: str) -> int:
    numbers = conn.execute(
        sa.select(dossiers.c.numero).where(dossiers.c.numero.like(f"{prefix}-%"))
    ).scalars()
    tails = [n[len(prefix) + 1 :] for n in numbers]
    return max((int(t) for t in tails if t.isdigit()), default=0)


def _allocate(conn, nature: str, year: int) -> str:
    """The next dossier number for this nature and year, from the database's counter."""
    prefix = f"{nature}-{year}"
    value = conn.execute(
        sa.update(compteurs)
        .where(compteurs.c.nom == prefix)
        .values(valeur=compteurs.c.valeur + 1)
        .returning(compteurs.c.valeur)
    ).scalar()
    if value is None:  # the first of its year: after the numbers imported or typed
        value = _highest_number(conn, prefix) + 1
        conn.execute(sa.insert(compteurs).values(nom=prefix, valeur=value))
    return f"{prefix}-{value:04d}"


def _bump_counter(conn, numero: str) -> None:
    """A number given from outside (import, workbook): the counter goes past it."""
    prefix, _, tail = numero.rpartition("-")
    if not prefix or not tail.isdigit():
        return
    value = conn.execute(sa.select(compteurs.c.valeur).where(compteurs.c.nom == prefix)).scalar()
    if value is not None and value < int(tail):
        conn.execute(sa.update(compteurs).where(compteurs.c.nom == prefix).values(valeur=int(tail)))


def _load(conn, numero: str) -> Dossier | None:
    found = _select(conn, None, [numero])
    return found[0] if found else None


def _drafts_of(conn, numeros: list[str] | None) -> dict[str, list[str]]:
    query = sa.select(brouillons.c.dossier, brouillons.c.fichier).order_by(brouillons.c.id)
    if numeros is None:
        queries = [query]
    else:
        queries = [
            query.where(brouillons.c.dossier.in_(numeros[start : start + _IN_CHUNK]))
            for start in range(0, len(numeros), _IN_CHUNK)
        ]
    out: dict[str, list[str]] = {}
    for each in queries:
        for numero, name in conn.execute(each):
            out.setdefault(numero, []).append(name)
    return out


def _insert_dossier(conn, dossier: Dossier, rev: int) -> None:
    conn.execute(sa.insert(dossiers).values(numero=dossier.numero, **row_of(dossier), revision=rev))
    for name in dossier.brouillons:
        conn.execute(
            sa.insert(brouillons).values(
                dossier=dossier.numero, fichier=name, cree_le=datetime.now().replace(microsecond=0)
            )
        )


def _update_dossier(conn, dossier: Dossier, before: dict, rev: int, author: str) -> None:
    after = row_of(dossier)
    changed = {k: v for k, v in after.items() if v != before.get(k)}
    conn.execute(
        sa.update(dossiers)
        .where(dossiers.c.numero == dossier.numero)
        .values(**changed, revision=rev)
    )
    for name, value in changed.items():
        _audit(conn, dossier.numero, name, before.get(name), value, author)


def _audit(conn, numero, champ, old, new, author: str) -> None:
    conn.execute(
        sa.insert(audit).values(
            quand=datetime.now().replace(microsecond=0),
            auteur=author,
            dossier=numero,
            champ=champ,
            ancienne_valeur=_text(old),
            nouvelle_valeur=_text(new),
        )
    )


def _text(value) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _find_document(conn, sha256: str) -> dict | None:
    row = conn.execute(
        sa.select(documents).where(documents.c.sha256 == sha256).order_by(documents.c.id).limit(1)
    ).first()
    return document_of(row._mapping) if row else None


def _put(conn, table, key: dict, values: dict) -> None:
    """Insert or update one row by its key."""
    where = sa.and_(*(table.c[k] == v for k, v in key.items()))
    if conn.execute(sa.update(table).where(where).values(**values)).rowcount == 0:
        conn.execute(sa.insert(table).values(**key, **values))


def _assign(dossier: Dossier, affectation) -> None:
    if not affectation:
        return
    if isinstance(affectation, dict):
        secteur, referent, connue = (
            affectation["secteur"],
            affectation["referent"],
            affectation["connue"],
        )
    else:
        secteur, referent, connue = affectation.secteur, affectation.referent, affectation.connue
    dossier.secteur, dossier.referent = secteur, referent
    if not connue:
        dossier.champs_incertains.append("secteur")
