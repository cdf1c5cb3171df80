#!/bin/sh
# tests/browser/run.sh - run every browser test (tests/browser/[0-9]*.mjs)
# in Debian's Chromium; each prints TAP.  Screenshots go to
# build/screenshots/.  Needs node and tests/browser/node_modules
# (make deps-test installs it), and java for the Nu checker (0900).
set -u
cd "$(dirname "$0")/../.." || exit 1
for m in playwright-core axe-core vnu-jar; do
	if [ ! -d "tests/browser/node_modules/$m" ]; then
		echo "not ok 1 - $m is not installed (make deps-test)"
		exit 1
	fi
done
export NETRA_BIN=${NETRA_BIN:-build/bin/netra}
# which driver drives which browser: Debian 12's Node.js 18 needs playwright-core 1.61.x
echo "# node $(node --version), playwright-core $(node -p "require('./tests/browser/node_modules/playwright-core/package.json').version"), $(${CHROMIUM:-/usr/bin/chromium} --version 2>/dev/null)"
status=0
for t in tests/browser/[0-9]*.mjs; do
	[ -f "$t" ] || continue
	echo "# $t"
	node "$t" || status=1
done
exit $status
