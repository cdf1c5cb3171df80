#!/bin/sh
# tests/pg/newdb.sh NAME - a fresh, migrated database for one test.
#
# Copies the template netra_tpl (createdb -T) into NAME, owned by
# netra_owner, and prints its URL for the application role (netra_web);
# ${NETRA_PG_OWNER_URL}NAME reaches it as the owner.  Needs PGPORT and
# NETRA_PG_APP_URL from tests/pg/up.sh.  NAME: lower-case letters, digits,
# '_', at most 63 bytes.
set -eu
[ $# -eq 1 ] || { echo "usage: tests/pg/newdb.sh NAME" >&2; exit 2; }
NAME=$1
: "${PGPORT:?run tests/pg/up.sh first}" "${NETRA_PG_APP_URL:?run tests/pg/up.sh first}"
case $NAME in
'' | *[!a-z0-9_]*)
	echo "tests/pg/newdb.sh: bad database name '$NAME'" >&2
	exit 2
	;;
esac
if [ ${#NAME} -gt 63 ]; then
	echo "tests/pg/newdb.sh: database name longer than 63 bytes" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
BIN=$(pg_bin)
"$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U netra_owner -O netra_owner -T netra_tpl "$NAME"
echo "${NETRA_PG_APP_URL}$NAME"
