#!/bin/sh
# tests/pg/down.sh DIR - stop the server tests/pg/up.sh started in DIR (fast
# mode: open sessions are cut) and remove DIR.  A directory up.sh did not
# make (no DIR/.netra-pg) is left alone.
set -eu
[ $# -eq 1 ] || { echo "usage: tests/pg/down.sh DIR" >&2; exit 2; }
DIR=$1
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
if [ ! -f "$DIR/.netra-pg" ]; then
	echo "tests/pg/down.sh: $DIR was not made by tests/pg/up.sh; not touching it" >&2
	exit 1
fi
rc=0
if [ -f "$DIR/data/postmaster.pid" ]; then
	BIN=$(pg_bin)
	as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null || rc=$?
fi
rm -rf "$DIR"
exit "$rc"
