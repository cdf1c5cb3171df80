// 0103 the public pages as a whole: each weighs less than 100 KB with its
// CSS and JavaScript (bytes of every response in the network log), has no
// console or CSP error, one <h1> and a <title>, a label for every input and
// scoped table headers; English is complete; a screenshot of each page at
// phone and desktop width, in Indonesian and English.
import { browser, check, done, fail, newPage, shot, startServer } from './lib.mjs';

const LIMIT = 100 * 1024;

async function audit(page) {
	return page.evaluate(() => {
		const problems = [];
		if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
		if (!document.title.trim()) problems.push('no title');
		for (const el of document.querySelectorAll('input, select, textarea')) {
			if (el.type === 'hidden') continue;
			if (!el.id || !document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) problems.push('unlabelled ' + (el.name || el.id));
		}
		for (const th of document.querySelectorAll('table th'))
			if (!th.getAttribute('scope')) problems.push('th without scope');
		const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
		const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
		if (dup.length) problems.push('duplicate ids ' + dup.join(','));
		return problems;
	});
}

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	// a report for the status page
	const r = await fetch(srv.base + '/api/v1/reports', {
		method: 'POST', headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ pemilihan: 'pemilu2024', pelapor: { nama: 'Rina', alamat: 'Bontang' },
			terlapor: [{ nama: 'Camat Z', status: 'PNS' }],
			peristiwa: { uraian: 'Camat hadir di deklarasi calon.', kode_wilayah: '64.74', waktu_kejadian: '2024-02-07' } }),
	});
	const code = (await r.json()).code;
	const pages = [
		['beranda', '/'], ['lapor', '/lapor'], ['status', '/status'], ['status-kode', '/status/' + code],
		['boleh', '/boleh'], ['boleh-jawaban', '/boleh?butir=D-6&teks=&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024'],
		['transparansi', '/transparansi'], ['masuk', '/masuk'],
	];
	for (const [name, path] of pages) {
		for (const lang of ['id', 'en']) {
			const page = await newPage(b);
			await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
				(e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI)));
			let bytes = 0;
			const sizes = [];
			page.on('response', async (res) => {
				try {
					const n = (await res.body()).length;
					bytes += n;
					sizes.push(`${new URL(res.url()).pathname} ${n}`);
				} catch (e) { /* redirects have no body */ }
			});
			const res = await page.goto(`${srv.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
			await page.waitForLoadState('networkidle');
			check(`${name} (${lang}) answers 200`, res.status() === 200, String(res.status()));
			if (lang === 'id') {
				check(`${name} weighs ${bytes} bytes with its CSS and JS, under 100 KB`, bytes > 0 && bytes < LIMIT, sizes.join('\n'));
				console.log(`# weight ${path}: ${bytes} bytes (${sizes.join(', ')})`);
			}
			check(`${name} (${lang}): no console or CSP errors`, page.netraErrors.length === 0, page.netraErrors.join('\n'));
			const problems = await audit(page);
			check(`${name} (${lang}): one h1, a title, labelled inputs, scoped headers`, problems.length === 0, problems.join('\n'));
			const text = await page.textContent('body');
			const raw = text.match(/\b(lapor|terima|status|boleh|home|date)\.[a-z_]+(\.[A-Za-z_]+)*\b/g) || [];
			check(`${name} (${lang}): no catalog key shown raw`, raw.length === 0, raw.join(' '));
			await shot(page, `publik-${name}-${lang}`);
			await page.setViewportSize({ width: 1280, height: 900 });
			await shot(page, `publik-${name}-${lang}-desktop`);
			await page.context().close();
		}
	}
	// the receipt, sent without JavaScript, in English
	const page = await newPage(b, { javascript: false });
	await page.goto(srv.base + '/lapor?lang=en');
	await page.fill('#f-pelapor-nama', 'Rina');
	await page.fill('#f-peristiwa-uraian', 'The sub-district head attended a candidate declaration.');
	await page.fill('#f-peristiwa-waktu_kejadian', '2024-02-07');
	const [res] = await Promise.all([page.waitForNavigation(), page.click('button[value=kirim]')]);
	check('the English receipt is stored (201)', res.status() === 201);
	check('the English receipt says what is missing', (await page.textContent('main')).includes('What is missing'));
	const problems = await audit(page);
	check('receipt: one h1, a title, labelled inputs', problems.length === 0, problems.join('\n'));
	await shot(page, 'publik-terima-en');
	check('receipt: no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));
} catch (e) {
	fail('public pages audit', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
