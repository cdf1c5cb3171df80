#!/bin/bash
# tools/fresh-root.sh - prove the README on a bare Debian 12 machine.
#
# Builds a minimal Debian 12 root (debootstrap --variant=minbase bookworm),
# installs only git, make, gcc, pkg-config, curl and ca-certificates in it,
# clones one commit of this repository into it (committed files only), then,
# inside the root and as the README says:
#   make run    until /healthz answers and the home page renders, then stops it
#   make test   whose exit status this script passes out
# Anything the build or the tests need that only the host has (a package
# installed by hand, a newer Node.js) makes it fail: `make deps` and
# `make deps-test` must install it.  .ci/run runs this before the host tests.
#
# Usage: tools/fresh-root.sh [--keep] [--commit REV] [--port N] [--mirror URL] [DIR]
#   DIR        work directory (default: a new /tmp/netra-fresh-root.XXXXXX);
#              must be empty or absent and outside the repository
#   --keep     keep DIR (the root and the logs) instead of removing it
#   --commit   the commit to test (default HEAD of the repository the script is in)
#   --port     where `make run` listens inside the root (default 8080, loopback)
#   --mirror   Debian mirror (default: the bookworm URI of the host's apt sources)
# TEST_TIMEOUT (default 45m) bounds `make test` inside the root; whatever it
# leaves running inside the root is killed before the mounts are undone.
# Needs root (debootstrap, chroot, mount).  The host's apt sources, its apt
# Acquire:: settings and its CA certificates (/usr/local/share/ca-certificates)
# are copied in, and NODE_EXTRA_CA_CERTS is set, so apt and npm reach the
# registries as on the host.  Prints the time of each phase; exits non-zero
# when any phase fails.  Mounts are undone on every exit.
set -u
set -o pipefail

die() {
	echo "fresh-root: $*" >&2
	exit 1
}

KEEP=0
COMMIT=
PORT=8080
MIRROR=
DIR=
while [ $# -gt 0 ]; do
	case $1 in
	--keep) KEEP=1 ;;
	--commit)
		[ $# -ge 2 ] || die "--commit needs a revision"
		COMMIT=$2
		shift
		;;
	--port)
		[ $# -ge 2 ] || die "--port needs a number"
		PORT=$2
		shift
		;;
	--mirror)
		[ $# -ge 2 ] || die "--mirror needs a URL"
		MIRROR=$2
		shift
		;;
	-h | --help)
		sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	-*) die "unknown option $1 (see --help)" ;;
	*)
		[ -z "$DIR" ] || die "only one work directory"
		DIR=$1
		;;
	esac
	shift
done

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mount)"
case $PORT in '' | *[!0-9]*) die "--port: not a number: $PORT" ;; esac

REPO=$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel) || die "not in a git repository"
COMMIT=$(git -C "$REPO" rev-parse --verify --quiet "${COMMIT:-HEAD}^{commit}") ||
	die "no such commit: ${COMMIT:-HEAD}"

if [ -z "$DIR" ]; then
	DIR=$(mktemp -d /tmp/netra-fresh-root.XXXXXX) || die "cannot create a work directory"
else
	mkdir -p "$DIR" || die "cannot create $DIR"
	[ -z "$(ls -A "$DIR")" ] || die "$DIR is not empty"
fi
DIR=$(cd "$DIR" && pwd -P)
case $DIR in
"$REPO" | "$REPO"/*) die "the work directory must be outside the repository" ;;
*[[:space:]]*) die "the work directory must not contain spaces" ;;
esac
ROOT=$DIR/root
SRC=/root/netra # the clone, as seen inside the root
mkdir -p "$ROOT"

# --- phase clock ----------------------------------------------------------------
T0=$(date +%s)
PHASES=""
phase_t=$T0
phase() { # phase NAME: start timing NAME
	phase_name=$1
	phase_t=$(date +%s)
	echo "fresh-root: == $1"
}
phase_done() { # phase_done [NAME SECONDS]: record the running phase, or a measured one
	if [ $# -eq 2 ]; then
		PHASES="$PHASES$(printf '  %-28s %5s s' "$1" "$2")
"
	else
		PHASES="$PHASES$(printf '  %-28s %5s s' "$phase_name" "$(($(date +%s) - phase_t))")
"
	fi
}
report() {
	echo "fresh-root: phase times"
	printf '%s' "$PHASES"
	printf '  %-28s %5s s\n' "total" "$(($(date +%s) - T0))"
}

# --- cleanup: stop what we started, undo every mount, remove the work dir ----------
RUN_PGID=
cleanup() {
	status=$?
	trap - EXIT INT TERM
	if [ -n "$RUN_PGID" ] && kill -0 -- "-$RUN_PGID" 2>/dev/null; then
		kill -TERM -- "-$RUN_PGID" 2>/dev/null
		sleep 2
		kill -KILL -- "-$RUN_PGID" 2>/dev/null
	fi
	# anything else still running inside the root (a server or a browser
	# that make test left behind) would keep its mounts busy
	if [ -n "${ROOT:-}" ] && [ -d "$ROOT" ]; then
		for p in /proc/[0-9]*; do
			[ "$(readlink "$p/root" 2>/dev/null)" = "$ROOT" ] && kill -KILL "${p#/proc/}" 2>/dev/null
		done
		sleep 1
	fi
	# deepest first; /proc/mounts escapes no character in a path without spaces
	for m in $(awk -v r="$ROOT/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "fresh-root: cannot unmount $m" >&2
	done
	if awk -v r="$ROOT/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
		echo "fresh-root: mounts remain under $ROOT; not removing $DIR" >&2
		[ "$status" -ne 0 ] || status=1
	elif [ "$KEEP" = 1 ]; then
		echo "fresh-root: kept $DIR (root: $ROOT, logs: $DIR/*.log)"
	else
		rm -rf --one-file-system "$DIR"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() { # fail MESSAGE [LOG]: the tail of LOG, the times so far, exit 1
	echo "fresh-root: FAILED: $1" >&2
	if [ $# -ge 2 ] && [ -f "$2" ]; then
		echo "fresh-root: last lines of $2:" >&2
		tail -n 30 "$2" | sed 's/^[0-9]* //' | cut -c1-300 | sed 's/^/    /' >&2
	fi
	report
	exit 1
}

# stamp LOG [tee]: prefix each line with the seconds since the epoch into LOG;
# with "tee", also show it
stamp() {
	while IFS= read -r line; do
		printf '%(%s)T %s\n' -1 "$line" >>"$1"
		[ "${2:-}" != tee ] || printf '%s\n' "$line"
	done
}
# first_at LOG ERE: the time stamp of the first line of LOG matching ERE (empty if none)
first_at() { grep -E -m1 "^[0-9]+ ($2)" "$1" | cut -d' ' -f1; }

# --- the host's own settings --------------------------------------------------------
# the mirror: the bookworm suite (not -updates or -security) of the host's apt sources
host_mirror() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && suites ~ /(^| )bookworm( |$)/ &&
				    enabled !~ /^no$/ && uri != "") { print uri; exit 0 }
				types = suites = uri = enabled = ""
			}
			/^[ \t]*$/ { flush(); next }
			/^#/ { next }
			tolower($1) == "types:" { $1 = ""; types = $0 " " }
			tolower($1) == "suites:" { $1 = ""; suites = $0 " " }
			tolower($1) == "uris:" { uri = $2 }
			tolower($1) == "enabled:" { enabled = tolower($2) }
			END { flush() }
		' "$f"
	done
	if [ -f /etc/apt/sources.list ]; then
		awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			if ($(i + 1) == "bookworm") { print $i; exit } }' /etc/apt/sources.list
	fi
}
[ -n "$MIRROR" ] || MIRROR=$(host_mirror | head -n 1)
[ -n "$MIRROR" ] || die "no bookworm mirror in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list (use --mirror)"

# host tools this script itself uses
for tool in debootstrap curl; do
	command -v $tool >/dev/null 2>&1 && continue
	echo "fresh-root: installing $tool on the host"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $tool >/dev/null || die "cannot install $tool"
done

# the environment inside the root: nothing of the host's but the proxy settings
CENV=(env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
	LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive
	NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY CI; do
	[ -n "${!v:-}" ] && CENV+=("$v=${!v}")
done
inroot() { chroot "$ROOT" "${CENV[@]}" "$@"; }

echo "fresh-root: commit $COMMIT of $REPO"
echo "fresh-root: root $ROOT, mirror $MIRROR"

# --- 1. debootstrap ----------------------------------------------------------------
phase debootstrap
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$DIR/debootstrap.log" 2>&1 ||
	fail "debootstrap" "$DIR/debootstrap.log"
phase_done

# --- 2. configure the root as the host's apt and CA store --------------------------
phase "base packages"
printf '#!/bin/sh\n# no service starts inside a build root\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod 755 "$ROOT/usr/sbin/policy-rc.d"
rm -f "$ROOT"/etc/apt/sources.list "$ROOT"/etc/apt/sources.list.d/*
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
	[ -f "$f" ] && cp "$f" "$ROOT/etc/apt/sources.list.d/"
done
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$ROOT/etc/apt/"
# the host's Acquire:: settings (a snapshot mirror's Valid-Until, a proxy)
for f in /etc/apt/apt.conf.d/*; do
	[ -f "$f" ] && grep -q '^[[:space:]]*Acquire::' "$f" && cp "$f" "$ROOT/etc/apt/apt.conf.d/"
done
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null
cp /etc/hosts "$ROOT/etc/hosts"
mkdir -p "$ROOT/usr/local/share/ca-certificates"
if [ -d /usr/local/share/ca-certificates ]; then
	cp -R /usr/local/share/ca-certificates/. "$ROOT/usr/local/share/ca-certificates/"
fi

# what Chromium and apt's maintainer scripts need; undone by cleanup()
mount -t proc proc "$ROOT/proc" || fail "mount /proc"
mount -t sysfs sysfs "$ROOT/sys" || fail "mount /sys"
mount --bind /dev "$ROOT/dev" || fail "mount /dev"
mount --make-private "$ROOT/dev" || fail "mount --make-private /dev"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$ROOT/dev/pts" || fail "mount /dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$ROOT/dev/shm" || fail "mount /dev/shm"

{
	inroot apt-get update -qq &&
		inroot apt-get install -y -qq --no-install-recommends \
			git make gcc pkg-config curl ca-certificates &&
		inroot update-ca-certificates
} >"$DIR/base.log" 2>&1 || fail "installing git make gcc pkg-config curl ca-certificates" "$DIR/base.log"
phase_done

# --- 3. the commit under test, committed files only ------------------------------------
phase clone
git clone --quiet --no-checkout "$REPO" "$ROOT$SRC" >"$DIR/clone.log" 2>&1 || fail "git clone" "$DIR/clone.log"
if ! git -C "$ROOT$SRC" checkout --quiet --detach "$COMMIT" 2>>"$DIR/clone.log"; then
	git -C "$ROOT$SRC" fetch --quiet origin "$COMMIT" >>"$DIR/clone.log" 2>&1 &&
		git -C "$ROOT$SRC" checkout --quiet --detach "$COMMIT" >>"$DIR/clone.log" 2>&1 ||
		fail "checkout $COMMIT" "$DIR/clone.log"
fi
phase_done

# --- 4. make run until /healthz answers and / renders ---------------------------------
URL=http://127.0.0.1:$PORT
if curl -s -o /dev/null --max-time 2 "$URL/"; then
	fail "something already answers on $URL; stop it or pass --port"
fi
phase "make run"
run_t0=$(date +%s)
rm -f "$ROOT/tmp/make-run.pid"
inroot setsid sh -c 'echo $$ >/tmp/make-run.pid; cd '"$SRC"' && exec make run LISTEN=127.0.0.1:'"$PORT" \
	</dev/null 2>&1 | stamp "$DIR/run.log" &
run_job=$!
for _ in $(seq 50); do
	[ -s "$ROOT/tmp/make-run.pid" ] && break
	sleep 0.1
done
RUN_PGID=$(cat "$ROOT/tmp/make-run.pid" 2>/dev/null)
[ -n "$RUN_PGID" ] || fail "make run did not start" "$DIR/run.log"
healthy=0
for _ in $(seq 1200); do # apt, build and start: 20 minutes at most
	if curl -fs -o /dev/null --max-time 2 "$URL/healthz"; then
		healthy=1
		break
	fi
	kill -0 "$RUN_PGID" 2>/dev/null || break
	sleep 1
done
up_t=$(date +%s)
if [ "$healthy" != 1 ]; then
	if kill -0 "$RUN_PGID" 2>/dev/null; then
		fail "make run: /healthz did not answer on $URL within 20 minutes" "$DIR/run.log"
	fi
	wait "$run_job"
	run_rc=$?
	RUN_PGID=
	fail "make run ended with status $run_rc before /healthz answered" "$DIR/run.log"
fi
echo "fresh-root: /healthz answers"
code=$(curl -s -o "$DIR/home.html" -w '%{http_code}' --max-time 10 "$URL/")
[ "$code" = 200 ] || fail "GET / answered $code, not 200"
grep -q 'lang="id"' "$DIR/home.html" && grep -q 'Laporkan ASN yang tidak netral' "$DIR/home.html" ||
	fail "GET / does not render the Indonesian home page" "$DIR/home.html"
echo "fresh-root: / renders (200, Bahasa Indonesia)"

# stop it as a person would: SIGTERM to netra serve; make run then ends with 0
serve_pid=
for p in /proc/[0-9]*; do
	read -r stat 2>/dev/null <"$p/stat" || continue
	rest=${stat#*) } # fields after "(comm) "
	set -- $rest
	if [ "$3" = "$RUN_PGID" ] && [ "$(cat "$p/comm" 2>/dev/null)" = netra ]; then
		serve_pid=${p#/proc/}
	fi
done
[ -n "$serve_pid" ] || fail "cannot find the netra serve process of make run"
kill -TERM "$serve_pid"
stopped=0
for _ in $(seq 150); do
	if ! kill -0 "$run_job" 2>/dev/null; then
		stopped=1
		break
	fi
	sleep 0.1
done
[ "$stopped" = 1 ] || fail "make run did not stop within 15 s of SIGTERM" "$DIR/run.log"
wait "$run_job"
run_rc=$?
RUN_PGID=
[ "$run_rc" = 0 ] || fail "make run ended with status $run_rc after SIGTERM" "$DIR/run.log"
# apt inside make run: until the first compiler line; build: until the first netra command
build_t=$(first_at "$DIR/run.log" 'gcc |cc |build/tools/')
serve_t=$(first_at "$DIR/run.log" 'build/bin/netra ')
phase_done "make run: apt (deps)" "$((${build_t:-$run_t0} - run_t0))"
phase_done "make run: build" "$((${serve_t:-$up_t} - ${build_t:-$run_t0}))"
phase_done "make run: start until /healthz" "$((up_t - ${serve_t:-$up_t}))"

# --- 5. make test -----------------------------------------------------------------
phase "make test"
test_t0=$(date +%s)
inroot timeout --kill-after=30 "${TEST_TIMEOUT:-45m}" sh -c "cd $SRC && make test" </dev/null 2>&1 | stamp "$DIR/test.log" tee
test_rc=$?
test_end=$(date +%s)
build_t=$(first_at "$DIR/test.log" 'gcc |cc |ar ')
run_t=$(first_at "$DIR/test.log" 'tests: ')
phase_done "make test: apt + npm (deps)" "$((${build_t:-$test_t0} - test_t0))"
phase_done "make test: build" "$((${run_t:-$test_end} - ${build_t:-$test_t0}))"
phase_done "make test: tests" "$((test_end - ${run_t:-$test_end}))"
echo "fresh-root: inside the root: node $(inroot node --version 2>&1)," \
	"$(inroot java -version 2>&1 | head -n 1)"
[ "$test_rc" = 0 ] || fail "make test ended with status $test_rc" "$DIR/test.log"
inroot java -version >/dev/null 2>&1 || fail "java -version does not run in the root"

report
echo "fresh-root: ok: make run served / and /healthz, make test passed, on a bare Debian 12"
exit 0
