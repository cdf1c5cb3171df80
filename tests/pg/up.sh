#!/bin/sh
# tests/pg/up.sh DIR - start a throwaway PostgreSQL server for the tests.
#
# Installs nothing (`make deps-test` does).  initdb into DIR/data as an
# unprivileged user (lib.sh, as_pg), a free loopback port, listening on
# 127.0.0.1 only with its unix socket in DIR, trust authentication (a test
# server: loopback and the socket only).  Roles, as in a deployment
# (docs/operations.md, "PostgreSQL"):
#   netra_owner  LOGIN CREATEDB: owns the databases and runs the migrations
#   netra_app    NOLOGIN: the grants of the migrations go to it
#   netra_web    LOGIN NOBYPASSRLS, member of netra_app: what netra uses
# and the template database netra_tpl, migrated: by `$NETRA_BIN db migrate`
# when the binary has the PostgreSQL engine, else by applying
# src/store/pgsql/*.sql with psql (then NETRA_PG_TEMPLATE=psql says that the
# binary cannot run on PostgreSQL yet).  tests/pg/newdb.sh copies it.
#
# Prints shell assignments for the caller to eval (and export):
#   NETRA_PG_DIR PGHOST PGPORT NETRA_PG_OWNER_URL NETRA_PG_APP_URL
#   NETRA_PG_TEMPLATE (netra or psql)
# Durability is off (fsync, full_page_writes): the tests kill netra, never
# the machine.  NETRA_PG_DURABLE=1 keeps PostgreSQL's durable defaults
# (fsync, full_page_writes, synchronous_commit on) for the benchmarks, whose
# intake figure must count commits that reached the disk.  Stop and remove
# it with tests/pg/down.sh DIR.
set -eu
[ $# -eq 1 ] || { echo "usage: tests/pg/up.sh DIR" >&2; exit 2; }
DIR=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$HERE/lib.sh"
BIN=$(pg_bin)
NETRA_BIN=${NETRA_BIN:-$ROOT/build/bin/netra}

if [ -e "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ]; then
	echo "tests/pg/up.sh: $DIR exists and is not empty" >&2
	exit 1
fi
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
# the unix socket path must fit in sun_path (107 bytes with ".s.PGSQL.NNNNN")
if [ ${#DIR} -gt 80 ]; then
	echo "tests/pg/up.sh: $DIR is too long for a unix socket path" >&2
	exit 1
fi
touch "$DIR/.netra-pg" # down.sh removes only a directory that has it
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
if ! as_pg test -w "$DIR"; then
	echo "tests/pg/up.sh: the postgres user cannot write $DIR (a parent not searchable?)" >&2
	exit 1
fi

as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
	--auth-local=trust --auth-host=trust >"$DIR/initdb.log" 2>&1 || {
	cat "$DIR/initdb.log" >&2
	exit 1
}
cat >>"$DIR/data/postgresql.conf" <<CONF
# tests/pg/up.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
max_connections = 200
CONF
if [ "${NETRA_PG_DURABLE:-0}" = 1 ]; then
	# durable (the defaults, said out loud) and sized for a million cases
	cat >>"$DIR/data/postgresql.conf" <<CONF
fsync = on
full_page_writes = on
synchronous_commit = on
shared_buffers = 512MB
max_wal_size = 4GB
CONF
else
	cat >>"$DIR/data/postgresql.conf" <<CONF
fsync = off
full_page_writes = off
CONF
fi

# a free port: ask the kernel for one, retry if someone takes it first
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
started=
for try in 1 2 3 4 5; do
	PORT=$(free_port)
	if as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
		-o "-p $PORT" start >/dev/null 2>&1; then
		started=1
		break
	fi
done
if [ -z "$started" ]; then
	echo "tests/pg/up.sh: the server did not start" >&2
	tail -n 20 "$DIR/server.log" >&2
	exit 1
fi
echo "$PORT" >"$DIR/port"

psql_super() {
	"$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"
}
psql_super <<'SQL'
CREATE ROLE netra_owner LOGIN CREATEDB NOBYPASSRLS;
CREATE ROLE netra_app NOLOGIN NOBYPASSRLS;
CREATE ROLE netra_web LOGIN NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE netra_app;
CREATE DATABASE netra_tpl OWNER netra_owner;
SQL

OWNER_URL="postgres://netra_owner@127.0.0.1:$PORT/"
APP_URL="postgres://netra_web@127.0.0.1:$PORT/"

# the template: migrated by netra itself when it can, else by psql
TEMPLATE=psql
if [ -x "$NETRA_BIN" ]; then
	mdir=$(mktemp -d "${TMPDIR:-/tmp}/netra-pg-migrate.XXXXXX")
	if "$NETRA_BIN" db migrate --db "${OWNER_URL}netra_tpl" --data "$mdir" \
		>"$DIR/migrate.log" 2>&1; then
		TEMPLATE=netra
	elif ! grep -q 'PostgreSQL belum dibangun' "$DIR/migrate.log"; then
		echo "tests/pg/up.sh: netra db migrate failed on PostgreSQL" >&2
		cat "$DIR/migrate.log" >&2
		rm -rf "$mdir"
		exit 1
	fi
	rm -rf "$mdir"
fi
if [ "$TEMPLATE" = psql ]; then
	for f in "$ROOT"/src/store/pgsql/[0-9]*.sql; do
		"$BIN/psql" -X -q -v ON_ERROR_STOP=1 -1 -h 127.0.0.1 -p "$PORT" -U netra_owner \
			-d netra_tpl -f "$f" >>"$DIR/migrate.log" 2>&1 || {
			echo "tests/pg/up.sh: $f failed" >&2
			cat "$DIR/migrate.log" >&2
			exit 1
		}
	done
fi
psql_super -c "ALTER DATABASE netra_tpl IS_TEMPLATE true"

cat <<OUT
NETRA_PG_DIR='$DIR'
PGHOST='127.0.0.1'
PGPORT='$PORT'
NETRA_PG_OWNER_URL='$OWNER_URL'
NETRA_PG_APP_URL='$APP_URL'
NETRA_PG_TEMPLATE='$TEMPLATE'
OUT
