"""Fixtures shared by the tests."""

from __future__ import annotations

import os

import psycopg
import pytest
from pytest_postgresql import factories
from pytest_postgresql.janitor import DatabaseJanitor

from asll.app.logs import close_file_log
from asll.config import Config, Service

# The service whose letterhead the drafts and reports of the tests carry.
SERVICE = Service(
    nom="Service logement – Solidarités Charente",
    adresse="8 place du Champ-de-Mars",
    code_postal="16000",
    commune="Angoulême",
    telephone="05 45 00 00 00",
    courriel="asll@exemple.fr",
    signataire="Camille Roux",
    departement="Charente",
)


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory):
    """The compiled patterns kept between runs (intake/pattern_store.py) go to a folder of
    this test run, not to the user's ~/.cache; the commands the tests start inherit it."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def config(tmp_path) -> Config:
    """A workspace of its own (inbox, outbox, archive… under a temporary folder), with the
    test service; the log file it may open is closed afterwards."""
    config = Config.for_workspace(tmp_path / "espace", service=SERVICE)
    config.ensure_folders()
    yield config
    close_file_log()


# PostgreSQL for the tests of a register shared by several sites: Debian's cluster on
# localhost (started by `make test-servers`), a fresh database per test, dropped afterwards.
# The name carries the process id so that two test runs on one cluster (or a leftover of a
# killed run) never meet.
PG_USER = PG_PASSWORD = "asll_test"


def _terminate_our_connections(cur, dbname: str) -> None:
    """pytest-postgresql ends every connection to a test database before creating from or
    dropping it. Since PostgreSQL 15 a backend with no role (an autovacuum worker busy on
    the fresh template) may only be signalled by a superuser, which the test role is not:
    the run failed at random (« must be a superuser to terminate superuser process »). Only
    sessions of a role are ended here; PostgreSQL itself stops autovacuum workers in the way
    of CREATE DATABASE … TEMPLATE and DROP DATABASE."""
    cur.execute(
        "SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a "
        "JOIN pg_roles r ON r.oid = a.usesysid "
        "WHERE a.datname = %s AND NOT r.rolsuper AND a.pid <> pg_backend_pid()",
        (dbname,),
    )


DatabaseJanitor._terminate_connection = staticmethod(_terminate_our_connections)
postgresql_noproc = factories.postgresql_noproc(
    host="127.0.0.1",
    port=5432,
    user=PG_USER,
    password=PG_PASSWORD,
    dbname=f"asll_essai_{os.getpid()}",
)
postgresql = factories.postgresql("postgresql_noproc")


@pytest.fixture
def pg_url(request) -> str:
    """SQLAlchemy URL of a fresh, empty PostgreSQL database on 127.0.0.1."""
    try:
        psycopg.connect(
            host="127.0.0.1",
            user=PG_USER,
            password=PG_PASSWORD,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL injoignable sur 127.0.0.1 (lancez `make test-servers`) : {exc}"
        # In CI the server is started by .ci/run: its absence is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    database = request.getfixturevalue("postgresql").info.dbname
    return f"postgresql+psycopg://{PG_USER}:{PG_PASSWORD}@127.0.0.1:5432/{database}"


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request) -> str | None:
    """The register's database for tests that run on both engines: None for SQLite (the
    default file beside the workbook), or a fresh PostgreSQL database."""
    from asll.storage.database import dispose_all

    if request.param == "sqlite":
        yield None
    else:
        yield request.getfixturevalue("pg_url")
    dispose_all()
