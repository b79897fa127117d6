#!/usr/bin/env bash
# Starts the servers the tests need, only when they are not running: Debian's PostgreSQL
# cluster (listening on localhost only, Debian's default), with a role `asll_test` that may
# create databases (each test gets a fresh one, see tests/conftest.py).
# `initdb`/`pg_ctl` refuse to run as root, so the Debian wrappers are used: pg_ctlcluster
# runs the server as the `postgres` user (../shared/pitfalls.md).
#   scripts/test-servers.sh start   start (idempotent); prints "started" when it did
#   scripts/test-servers.sh stop    stop the cluster
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL n'est pas installé : lancez scripts/install-system-deps.sh" >&2
  exit 1
fi
read -r version cluster status < <(pg_lsclusters --no-header | awk '{print $1, $2, $4; exit}')
if [ -z "${version:-}" ]; then
  $SUDO pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
  read -r version cluster status < <(pg_lsclusters --no-header | awk '{print $1, $2, $4; exit}')
fi

case "${1:-start}" in
  start)
    if [ "$status" != "online" ]; then
      $SUDO pg_ctlcluster "$version" "$cluster" start
      echo started
    fi
    as_postgres() { $SUDO runuser -u postgres -- "$@"; }
    [ "$(id -u)" -eq 0 ] || as_postgres() { sudo -u postgres "$@"; }
    exists=$(as_postgres psql -tAc "select 1 from pg_roles where rolname = 'asll_test'")
    if [ "$exists" != "1" ]; then
      as_postgres psql -q -c "create role asll_test login createdb password 'asll_test'"
    fi
    ;;
  stop)
    if [ "$status" = "online" ]; then
      $SUDO pg_ctlcluster "$version" "$cluster" stop
    fi
    ;;
esac
