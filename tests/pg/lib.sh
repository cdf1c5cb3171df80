# tests/pg/lib.sh - shared by the PostgreSQL test harness scripts (sourced).
#
# pg_bin: Debian's server binaries (/usr/lib/postgresql/*/bin, the newest).
# as_pg CMD...: run CMD as the unprivileged user that owns the test
# cluster: the "postgres" system user of Debian's package when we are root
# (the server refuses to run as root), else ourselves.
pg_bin() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	echo "tests/pg: no PostgreSQL server under /usr/lib/postgresql (run make deps-test)" >&2
	return 1
}

as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
