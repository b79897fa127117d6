"""The PostgreSQL the multi-site tests run against: local only, a fresh database per test."""

import psycopg


def _connect(pg_url: str) -> psycopg.Connection:
    return psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"))


def test_the_test_server_listens_on_the_loopback_address_only(pg_url):
    with _connect(pg_url) as conn:
        addresses = conn.execute("show listen_addresses").fetchone()[0]
    assert set(addresses.replace(" ", "").split(",")) <= {"localhost", "127.0.0.1", "::1"}


def test_each_test_gets_an_empty_database_that_two_sessions_share(pg_url):
    with _connect(pg_url) as first, _connect(pg_url) as second:
        tables = first.execute(
            "select count(*) from information_schema.tables where table_schema = 'public'"
        ).fetchone()[0]
        assert tables == 0
        first.execute("create table essai (numero text primary key)")
        first.execute("insert into essai values ('ESU-2026-0001')")
        first.commit()
        assert second.execute("select numero from essai").fetchall() == [("ESU-2026-0001",)]
