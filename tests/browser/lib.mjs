// lib.mjs - helpers for the browser tests: start netra on a loopback port
// with a fresh data directory (offices, users, sealing key), drive Debian's
// Chromium with playwright-core, print TAP, and save a screenshot of every
// page visited under build/screenshots/ for review.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.NETRA_BIN || 'build/bin/netra';
export const SHOTS = process.env.SCREENSHOTS || 'build/screenshots';
export const SEAL_PASSPHRASE = 'frasa sandi kustodian uji 2024';

let n = 0;
let failed = 0;
export function ok(name) { n++; console.log(`ok ${n} - ${name}`); }
export function fail(name, detail) {
	n++; failed++;
	console.log(`not ok ${n} - ${name}`);
	if (detail) for (const l of String(detail).split('\n').slice(0, 15)) console.log(`# ${l}`);
}
export function check(name, cond, detail) { cond ? ok(name) : fail(name, detail); }
export function done() { console.log(`1..${n}`); process.exitCode = failed ? 1 : 0; }

function netra(data, args, input) {
	return execFileSync(BIN, [...args, '--data', data, '--log-level', 'error'],
		{ input, encoding: 'utf8' });
}

// The same offices and users as tests/e2e/lib.sh setup_kaltim.
export const USERS = [
	['pengawas_prov', 'pengawas', 'bawaslu-64'], ['pengawas_kutim', 'pengawas', 'bawaslu-64.08'],
	['pengawas_bpp', 'pengawas', 'bawaslu-64.71'], ['analis_bkn', 'analis', 'bkn'],
	['ppk_kutim', 'ppk', 'ppk-64.08'], ['ppk_bpp', 'ppk', 'ppk-64.71'],
	['custodian_prov', 'custodian', 'bawaslu-64'], ['auditor_prov', 'auditor', 'bawaslu-64'],
	['admin', 'admin', 'bawaslu-64'],
];
export const password = (u) => `sandi-uji-${u}-2024`;

export function setupKaltim(data) {
	netra(data, ['db', 'migrate']);
	const office = (code, name, kind, level, region, extra = []) =>
		netra(data, ['office', 'add', code, '--name', name, '--kind', kind, '--level', level,
			...(region ? ['--region', region] : []), ...extra]);
	office('bawaslu-64', 'Bawaslu Provinsi Kalimantan Timur', 'bawaslu', 'provinsi', '64', ['--tz', 'WITA']);
	office('bawaslu-64.08', 'Bawaslu Kabupaten Kutai Timur', 'bawaslu', 'kabkota', '64.08', ['--parent', 'bawaslu-64']);
	office('bawaslu-64.71', 'Bawaslu Kota Balikpapan', 'bawaslu', 'kabkota', '64.71', ['--parent', 'bawaslu-64']);
	office('bkn', 'Badan Kepegawaian Negara', 'bkn', 'ri', null, ['--tz', 'WIB']);
	office('ppk-64.08', 'Bupati Kutai Timur', 'ppk', 'kabkota', '64.08', ['--tz', 'WITA']);
	office('ppk-64.71', 'Wali Kota Balikpapan', 'ppk', 'kabkota', '64.71', ['--tz', 'WITA']);
	netra(data, ['key', 'init', '--office', 'bawaslu-64', '--passphrase-stdin'], SEAL_PASSPHRASE + '\n');
	for (const [u, role, off] of USERS)
		netra(data, ['user', 'add', u, '--role', role, '--office', off, '--name', `Petugas ${u}`,
			'--password-stdin'], password(u) + '\n');
}

// Start netra serve; resolves to { base, data, stop() }.
export async function startServer(extra = [], opts = {}) {
	const data = mkdtempSync(join(tmpdir(), 'netra-browser-'));
	if (opts.setup !== false) setupKaltim(data);
	if (opts.demo) netra(data, ['demo', '--cases', String(opts.demo)]);
	const portFile = join(data, 'port');
	const log = [];
	const proc = spawn(BIN, ['serve', '--data', data, '--listen', '127.0.0.1:0',
		'--port-file', portFile, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
	proc.stderr.on('data', (d) => log.push(String(d)));
	for (let i = 0; i < 200 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
	if (!existsSync(portFile)) throw new Error('server did not start: ' + log.join(''));
	const base = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
	return {
		base, data, log,
		async stop() {
			proc.kill('SIGTERM');
			await new Promise((r) => proc.on('exit', r));
			rmSync(data, { recursive: true, force: true });
		},
	};
}

export async function browser() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

// A page that records console errors and CSP violations.
export async function newPage(b, opts = {}) {
	const ctx = await b.newContext({ viewport: opts.viewport || { width: 390, height: 844 },
		javaScriptEnabled: opts.javascript !== false, locale: 'id-ID' });
	const page = await ctx.newPage();
	page.netraErrors = [];
	// script errors and CSP violations; an HTTP error status is not a page error
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
			page.netraErrors.push(m.text());
	});
	page.on('pageerror', (e) => page.netraErrors.push(String(e)));
	return page;
}

export async function shot(page, name) {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// Log in through the /masuk form.
export async function login(page, base, user) {
	await page.goto(`${base}/masuk`);
	await page.fill('input[name=username]', user);
	await page.fill('input[name=password]', password(user));
	await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}
