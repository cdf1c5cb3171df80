// deps-ok.mjs - exit 0 when tests/browser/node_modules holds exactly the
// versions of package-lock.json, 1 otherwise; `make deps-test` runs
// `npm ci` only then, so it stays quiet when all is there and replaces a
// node_modules left by an older lock file (say playwright-core 1.64, which
// refuses Node.js 18).  Not a test: tests/browser/run.sh runs [0-9]*.mjs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8'));
let ok = true;
for (const [path, entry] of Object.entries(lock.packages || {})) {
	if (!path.startsWith('node_modules/')) continue;
	let installed = null;
	try {
		installed = JSON.parse(readFileSync(join(here, path, 'package.json'), 'utf8')).version;
	} catch {
		/* missing */
	}
	if (installed !== entry.version) ok = false;
}
process.exit(ok ? 0 : 1);
