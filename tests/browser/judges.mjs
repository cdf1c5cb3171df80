// judges.mjs - two outside judges for every page netra renders: the W3C Nu
// HTML checker (npm vnu-jar, run once with Debian's Java over a directory of
// the pages' HTML as the server sent it) and axe-core (npm axe-core, injected
// into Debian's Chromium; tags wcag2a, wcag2aa, wcag21aa) at 1280x800 and at
// 360x740.  Each page is also measured at 360 px: `fit` pages must not
// scroll sideways.  Results are TAP lines through lib.mjs, one per page and
// judge, naming the rule and the offending selectors so a failure says what
// to fix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
export const WIDE = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

// "rule: why (selector, selector)" for each axe violation
function describeViolations(violations) {
	return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 4)
		.map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 4 ? ', ...' : ''})`);
}

async function axeRun(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
	const r = await page.evaluate((tags) => window.axe.run(document,
		{ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
	return r.violations;
}

export class Judges {
	constructor() {
		this.dir = mkdtempSync(join(tmpdir(), 'netra-judges-'));
		this.saved = []; // [file, label]
		this.counts = { pages: 0, axe: 0, nu: 0, wide: 0 };
	}

	// Judge the page shown in `page` (JavaScript on), whose HTML as sent by the
	// server is `html`: axe at both sizes now, Nu later in one batch (nu()).
	// opts.fit: the page must not scroll sideways at 360 px.
	async judge(page, label, html, opts = {}) {
		this.counts.pages++;
		const file = `p${String(this.saved.length).padStart(3, '0')}.html`;
		writeFileSync(join(this.dir, file), html);
		this.saved.push([file, label]);
		const before = page.viewportSize();
		for (const [name, size] of [['1280', WIDE], ['360', PHONE]]) {
			await page.setViewportSize(size);
			const v = await axeRun(page);
			this.counts.axe += v.length;
			const lines = describeViolations(v);
			check(`axe ${name} ${label}${lines.length ? ': ' + lines.map((l) => l.split(':')[0]).join(', ') : ''}`,
				v.length === 0, lines.join('\n'));
			if (size === PHONE) {
				const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
				if (w[0] > w[1]) this.counts.wide++;
				if (opts.fit)
					check(`fit 360 ${label}`, w[0] <= w[1], `scrollWidth ${w[0]} > innerWidth ${w[1]}`);
			}
		}
		if (before) await page.setViewportSize(before);
	}

	report(nuJson) {
		const messages = JSON.parse(nuJson).messages || [];
		const byFile = new Map();
		for (const m of messages) {
			if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
			const f = (m.url || '').split('/').pop();
			if (!byFile.has(f)) byFile.set(f, []);
			byFile.get(f).push(m);
		}
		for (const [file, label] of this.saved) {
			const errs = byFile.get(file) || [];
			this.counts.nu += errs.length;
			check(`nu ${label}${errs.length ? `: ${errs.length} error(s)` : ''}`, errs.length === 0,
				errs.slice(0, 8).map((m) => `line ${m.lastLine}: ${m.message} [${(m.extract || '').replace(/\s+/g, ' ').slice(0, 80)}]`).join('\n'));
		}
		const orphan = messages.filter((m) => m.type === 'non-document-error');
		check('the Nu checker read every page', orphan.length === 0, orphan.map((m) => m.message).join('\n'));
	}

	// Nu over all saved pages, then TAP lines; removes the directory.
	finish() {
		try {
			const r = spawnNu(this.dir);
			this.report(r);
		} finally {
			rmSync(this.dir, { recursive: true, force: true });
		}
		console.log(`# judges: ${this.counts.pages} pages; ${this.counts.nu} Nu errors; ` +
			`${this.counts.axe} axe violations; ${this.counts.wide} pages scroll sideways at 360 px`);
	}
}

// vnu.jar prints its JSON report on stderr (exit 1 when it found errors).
function spawnNu(dir) {
	const r = spawnSync('java', ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', dir],
		{ encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
	const out = String(r.stderr || '').trim();
	if (r.error || !out.startsWith('{'))
		throw new Error(`vnu.jar did not report (${r.error || 'status ' + r.status}): ${out.slice(0, 2000)}`);
	return out;
}
