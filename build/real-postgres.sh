#!/usr/bin/env bash
# A real PostgreSQL server for ExternalPostgresTest, set up as an operator would (README "Run it in production"):
# Debian's postgresql package, its default cluster, and a role that is NOT a superuser owning a fresh database.
# Prints the variables the test reads; use it as:  eval "$(bash build/real-postgres.sh)"
# Needs root or sudo (apt-get, and the postgres OS user: PostgreSQL refuses to run as root).
set -euo pipefail
ROLE=omzien_ops_test
DB=omzien_ops_test
PASSWORD=omzien-ops-test-password
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >&2
  $SUDO apt-get install -y -q postgresql >&2
fi
# The package creates the cluster "main"; start it if it is not running (no systemd in containers).
read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters --no-header | head -1)
if [ "$STATUS" != "online" ]; then
  $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
# What an operator creates by hand: the role (LOGIN only) and its database. Nothing else: Flyway makes the
# schemas, and pg_trgm is a trusted extension (PostgreSQL 13+), which a database owner may create.
as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 >&2 <<SQL
drop database if exists $DB;
drop role if exists $ROLE;
create role $ROLE login nosuperuser nocreatedb nocreaterole password '$PASSWORD';
create database $DB owner $ROLE encoding 'UTF8' template template0;
revoke all on database $DB from public;
SQL
echo "export OMZIEN_TEST_POSTGRES_URL=jdbc:postgresql://localhost:$PORT/$DB"
echo "export OMZIEN_TEST_POSTGRES_USER=$ROLE"
echo "export OMZIEN_TEST_POSTGRES_PASSWORD=$PASSWORD"
