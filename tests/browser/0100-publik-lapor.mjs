// 0100 the laporan form with JavaScript on a phone (390 px): one step at a
// time, cascading region selects, the filing limit computed live, a report
// with an evidence photo sent with upload progress, the receipt (tracking
// code, QR code, the photo's SHA-256), then /status with that code, typed
// loosely, mistyped and unknown; a time-barred report keeps what was typed.
import { createHash } from 'node:crypto';
import { browser, check, done, fail, newPage, shot, startServer } from './lib.mjs';

// A real 8x8 PNG (checked by libmagic on the server).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGUlEQVR42mPg9s85ISeHSTJgFQWSDINSBwBoMjlB65h3cAAAAABJRU5ErkJggg==', 'base64');
const PNG_SHA = createHash('sha256').update(PNG).digest('hex');
const ALPHA = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

// Luhn mod 32, as src/cases/trackcode.c: a well-formed code nobody was given.
function checkSymbol(data) {
	let sum = 0, factor = 2;
	for (let i = data.length - 1; i >= 0; i--) {
		const add = factor * ALPHA.indexOf(data[i]);
		sum += Math.floor(add / 32) + (add % 32);
		factor = factor === 2 ? 1 : 2;
	}
	return ALPHA[(32 - (sum % 32)) % 32];
}

const visibleStep = (page) => page.locator('fieldset.step:not(.step-hidden)');
async function next(page) {
	await visibleStep(page).locator('.step-nav button:not(.secondary)').click();
}

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
let code = null;
try {
	const page = await newPage(b);
	await page.goto(srv.base + '/lapor');
	check('the form shows one step at a time', (await page.locator('fieldset.step.step-hidden').count()) === 4);
	check('the step says where we are', (await visibleStep(page).locator('.step-count').textContent()).includes('1 dari 5'));
	check('the no-JS buttons are hidden', !(await page.locator('button[value=wilayah]').isVisible()));
	await page.fill('#f-pelapor-nama', 'Siti Rahmawati');
	await page.fill('#f-pelapor-alamat', 'Jl. Yos Sudarso 12, Sangatta');
	await page.fill('#f-pelapor-telepon', '081234567890');
	await shot(page, 'publik-lapor-js-langkah-1');
	await next(page);
	check('Next shows the terlapor step', (await visibleStep(page).getAttribute('id')) === 'langkah-terlapor');
	await page.fill('#f-terlapor-0-nama', 'Drs. Ahmad Yani');
	await page.fill('#f-terlapor-0-nip', '197805122005011003');
	await page.selectOption('#f-terlapor-0-status', 'PNS');
	await page.fill('#f-terlapor-0-instansi', 'Dinas Pendidikan Kutai Timur');
	await shot(page, 'publik-lapor-js-langkah-2');
	await next(page);

	// regions cascade from the API; the deployment's province is preselected
	check('the home province is preselected', (await page.inputValue('#f-wilayah-provinsi')) === '64');
	await page.selectOption('#f-wilayah-provinsi', '63');
	await page.waitForSelector('#f-wilayah-kabkota option[value="63.01"]', { state: 'attached' });
	check('changing the province loads its kab/kota', (await page.locator('#f-wilayah-kabkota option[value="64.08"]').count()) === 0);
	await page.selectOption('#f-wilayah-provinsi', '64');
	await page.waitForSelector('#f-wilayah-kabkota option[value="64.08"]', { state: 'attached' });
	await page.selectOption('#f-wilayah-kabkota', '64.08');
	await page.waitForSelector('#f-wilayah-kecamatan option[value="64.08.01"]', { state: 'attached' });
	await page.selectOption('#f-wilayah-kecamatan', '64.08.01');
	check('pemilu 2024 is the election under way', (await page.inputValue('#f-pemilihan')) === 'pemilu2024');
	await page.fill('#f-peristiwa-uraian', 'Terlapor mengunggah foto bersama calon anggota DPRD dengan pose dua jari di Facebook.');
	await page.fill('#f-peristiwa-tempat', 'Sangatta Utara');
	await page.fill('#f-peristiwa-waktu_kejadian', '2024-02-05');
	await page.fill('#f-peristiwa-waktu_diketahui', '2024-02-06');
	await page.waitForFunction(() => document.querySelector('#batas-waktu').textContent.includes('20 Februari 2024'));
	const hint = await page.textContent('#batas-waktu');
	check('the filing limit is computed live: 20 Feb 2024, 7 working days left', hint.includes('Selasa, 20 Februari 2024') && hint.includes('7 hari kerja'), hint);
	await shot(page, 'publik-lapor-js-langkah-3');
	await next(page);
	await page.fill('#f-saksi-0-nama', 'Rudi Hartono');
	await page.fill('#f-saksi-0-alamat', 'Sangatta');
	await shot(page, 'publik-lapor-js-langkah-4');
	await next(page);
	await page.fill('#f-bukti-0-url', 'https://facebook.com/contoh/posts/1');
	await page.setInputFiles('#f-berkas', { name: 'foto-kampanye.png', mimeType: 'image/png', buffer: PNG });
	await shot(page, 'publik-lapor-js-langkah-5');

	// record the progress bar while the report uploads
	await page.evaluate(() => {
		window.netraProgress = [];
		const bar = document.getElementById('unggah-progress');
		new MutationObserver(() => window.netraProgress.push(bar.value)).observe(bar, { attributes: true });
		new MutationObserver(() => window.netraProgress.push(document.getElementById('unggah').hidden ? 'hidden' : 'shown'))
			.observe(document.getElementById('unggah'), { attributes: true });
	});
	await page.click('button[value=kirim]');
	await page.waitForSelector('.terima');
	const progress = await page.evaluate(() => window.netraProgress);
	check('the upload showed its progress', progress.includes('shown') && progress.includes(100), JSON.stringify(progress));
	check('the receipt replaced the form in place', new URL(page.url()).pathname === '/lapor');
	code = (await page.$$eval('.kode span', (s) => s.map((x) => x.textContent))).join('-');
	check('tracking code XXXX-XXXX-X from the unambiguous alphabet', /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/.test(code), code);
	check('the receipt has a QR code (inline SVG)', (await page.locator('.qr svg[role=img]').count()) === 1);
	const body = await page.textContent('main');
	check("the photo's SHA-256 is on the receipt", body.includes(PNG_SHA), PNG_SHA);
	check('the receipt names the office', body.includes('Bawaslu Kabupaten Kutai Timur'));
	check('the receipt gives the received time in WITA', body.includes('Jumat, 9 Februari 2024 pukul 10.00 WITA'));
	check('the receipt lists the filing limit as met', body.includes('Selasa, 20 Februari 2024') && body.includes('terpenuhi'));
	check('the print button is offered with JavaScript', await page.locator('.js-print').isVisible());
	check('focus moved to the heading', await page.evaluate(() => document.activeElement.tagName === 'H1'));
	await shot(page, 'publik-terima-js');
	await page.setViewportSize({ width: 1280, height: 900 });
	await shot(page, 'publik-terima-desktop');
	await page.emulateMedia({ media: 'print' });
	await shot(page, 'publik-terima-cetak');
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 390, height: 844 });
	const reload = await page.reload();
	check('reloading after the receipt shows an empty form, not a second report',
		reload.request().method() === 'GET' && (await page.inputValue('#f-pelapor-nama')) === '');
	check('no console or CSP errors while reporting', page.netraErrors.length === 0, page.netraErrors.join('\n'));

	// (d) the status page with the code from the receipt
	await page.goto(srv.base + '/status');
	await shot(page, 'publik-status-form');
	await page.fill('#f-kode', ' ' + code.toLowerCase().replace(/-/g, ' ') + ' ');
	await Promise.all([page.waitForNavigation(), page.click('form[action="/status"] button[type=submit]')]);
	check('the status form redirects to /status/{code}', new URL(page.url()).pathname === '/status/' + code, page.url());
	check('the state is said in plain words', (await page.textContent('.keadaan-label')).trim() === 'Diterima');
	const st = await page.textContent('main');
	check('the steps are dated', st.includes('Jumat, 9 Februari 2024 pukul 10.00 WITA'));
	check('the deadlines are listed', (await page.locator('.status tbody tr').count()) >= 2);
	check('no personal data on the status page', !st.includes('Siti') && !st.includes('Ahmad') && !st.includes('Yos Sudarso'));
	await shot(page, 'publik-status');

	const typo = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
	let res = await page.goto(srv.base + '/status/' + typo);
	check('a mistyped check symbol answers 400', res.status() === 400);
	check('and says the code has a typo', (await page.textContent('.field-error')).includes('salah ketik'));
	await shot(page, 'publik-status-salah-ketik');
	const data = code.replace(/-/g, '').slice(0, 8) === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
	const unknown = `${data.slice(0, 4)}-${data.slice(4)}-${checkSymbol(data)}`;
	res = await page.goto(srv.base + '/status/' + unknown);
	check('an unknown code answers a friendly 404', res.status() === 404 && (await page.locator('.alert h2').count()) === 1);
	await shot(page, 'publik-status-tidak-ada');
	check('no console or CSP errors on the status pages', page.netraErrors.length === 0, page.netraErrors.join('\n'));

	// (c) with JavaScript: a time-barred report comes back with the message
	const p2 = await newPage(b);
	await p2.goto(srv.base + '/lapor');
	await p2.fill('#f-pelapor-nama', 'Budi Santoso');
	await p2.fill('#f-pelapor-alamat', 'Samarinda');
	await p2.evaluate(() => {
		for (const fs of document.querySelectorAll('fieldset.step')) fs.classList.remove('step-hidden');
	});
	await p2.fill('#f-peristiwa-uraian', 'Kepala sekolah mengajak guru memilih calon tertentu dalam rapat dinas.');
	await p2.fill('#f-peristiwa-waktu_kejadian', '2024-01-02');
	await p2.waitForFunction(() => document.querySelector('#batas-waktu').classList.contains('batas-late'));
	check('the limit warns before sending that it has passed', (await p2.textContent('#batas-waktu')).includes('sudah lewat sejak Kamis, 11 Januari 2024'));
	await p2.click('button[value=kirim]');
	await p2.waitForSelector('#ringkasan');
	check('the time-barred report is refused with the daluarsa message', (await p2.textContent('#ringkasan')).includes('daluarsa'));
	check('the typed text is kept', (await p2.inputValue('#f-peristiwa-uraian')).startsWith('Kepala sekolah mengajak guru'));
	check('with errors every step stays visible', (await p2.locator('fieldset.step.step-hidden').count()) === 0);
	check('focus moved to the error summary', await p2.evaluate(() => document.activeElement.id === 'ringkasan'));
	await shot(p2, 'publik-lapor-js-daluarsa');
	check('no console or CSP errors on the refused report', p2.netraErrors.length === 0, p2.netraErrors.join('\n'));
} catch (e) {
	fail('public report with JavaScript', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
