// 0101 the laporan form without JavaScript: one long page, the region lists
// refreshed by a submit button, the filing limit checked by a submit button
// (values kept), a report with an evidence photo and its receipt; then a
// time-barred report (daluarsa) and a report with mistakes come back with
// the messages next to their fields and everything typed still there.
import { createHash } from 'node:crypto';
import { browser, check, done, fail, newPage, shot, startServer } from './lib.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGUlEQVR42mPg9s85ISeHSTJgFQWSDINSBwBoMjlB65h3cAAAAABJRU5ErkJggg==', 'base64');
const PNG_SHA = createHash('sha256').update(PNG).digest('hex');

async function submit(page, selector) {
	const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	return res;
}

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	for (const [label, viewport] of [['hp', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 900 }]]) {
		const page = await newPage(b, { javascript: false, viewport });
		await page.goto(srv.base + '/lapor');
		check(`${label}: without JavaScript every part of the form is shown`,
			(await page.locator('fieldset.step').count()) === 5 && (await page.locator('fieldset.step.step-hidden').count()) === 0);
		check(`${label}: the region and limit buttons are there`,
			(await page.locator('button[value=wilayah]').isVisible()) && (await page.locator('button[value=periksa]').isVisible()));
		await shot(page, `publik-lapor-nojs-${label}`);
		await page.fill('#f-pelapor-nama', 'Siti Rahmawati');
		await page.fill('#f-pelapor-alamat', 'Jl. Yos Sudarso 12, Balikpapan');
		await page.fill('#f-pelapor-nik', '6471054512900003');
		await page.fill('#f-terlapor-0-nama', 'Lurah Damai');
		await page.selectOption('#f-terlapor-0-status', 'PNS');
		await page.fill('#f-peristiwa-uraian', 'Lurah membagikan kaos bergambar calon wali kota kepada warga.');
		// change the province, refresh the lists, come back to Kalimantan Timur
		await page.selectOption('#f-wilayah-provinsi', '63');
		let res = await submit(page, 'button[value=wilayah]');
		check(`${label}: refreshing the region lists answers 200`, res.status() === 200);
		check(`${label}: the kab/kota list follows the province`, (await page.locator('#f-wilayah-kabkota option[value="63.01"]').count()) === 1);
		check(`${label}: typed values survive the refresh`, (await page.inputValue('#f-peristiwa-uraian')).startsWith('Lurah membagikan'));
		await page.selectOption('#f-wilayah-provinsi', '64');
		await submit(page, 'button[value=wilayah]');
		await page.selectOption('#f-wilayah-kabkota', '64.71');
		await page.fill('#f-peristiwa-waktu_kejadian', '2024-02-07');
		res = await submit(page, 'button[value=periksa]');
		const hint = await page.textContent('#batas-waktu');
		check(`${label}: "Periksa batas waktu" shows the filing limit`, hint.includes('Batas pelaporan: Rabu, 21 Februari 2024') && hint.includes('hari kerja'), hint);
		check(`${label}: the checked form keeps the name and the region`,
			(await page.inputValue('#f-pelapor-nama')) === 'Siti Rahmawati' && (await page.inputValue('#f-wilayah-kabkota')) === '64.71');
		await shot(page, `publik-lapor-nojs-batas-${label}`);
		await page.fill('#f-saksi-0-nama', 'Andi');
		await page.setInputFiles('#f-berkas', { name: 'kaos.png', mimeType: 'image/png', buffer: PNG });
		res = await submit(page, 'button[value=kirim]');
		check(`${label}: the report is stored (201) and the receipt shown`, res.status() === 201 && (await page.locator('.terima').count()) === 1);
		const body = await page.textContent('main');
		const code = (await page.$$eval('.kode span', (s) => s.map((x) => x.textContent))).join('-');
		check(`${label}: receipt with a tracking code`, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/.test(code), code);
		check(`${label}: receipt with a QR code`, (await page.locator('.qr svg').count()) === 1);
		check(`${label}: receipt with the photo's SHA-256`, body.includes(PNG_SHA));
		check(`${label}: routed to Balikpapan`, body.includes('Bawaslu Kota Balikpapan'));
		check(`${label}: no print button without JavaScript`, !(await page.locator('.js-print').isVisible()));
		await shot(page, `publik-terima-nojs-${label}`);
		check(`${label}: no console or CSP errors`, page.netraErrors.length === 0, page.netraErrors.join('\n'));
		await page.context().close();
	}

	// (c) time-barred, without JavaScript
	const page = await newPage(b, { javascript: false });
	await page.goto(srv.base + '/lapor');
	await page.fill('#f-pelapor-nama', 'Budi Santoso');
	await page.fill('#f-pelapor-alamat', 'Samarinda');
	await page.fill('#f-terlapor-0-nama', 'Kepala Dinas X');
	await page.fill('#f-peristiwa-uraian', 'Kepala dinas berpidato mendukung calon pada apel pagi, 2 Januari.');
	await page.selectOption('#f-wilayah-kabkota', '64.08');
	await page.fill('#f-peristiwa-waktu_kejadian', '2024-01-02');
	await page.setInputFiles('#f-berkas', { name: 'apel.png', mimeType: 'image/png', buffer: PNG });
	let res = await submit(page, 'button[value=kirim]');
	check('a time-barred report is refused with 422', res.status() === 422);
	check('the summary names the daluarsa', (await page.textContent('#ringkasan')).includes('daluarsa'));
	check('the summary links to the date field', (await page.getAttribute('#ringkasan a', 'href')) === '#f-peristiwa-waktu_kejadian');
	check('the limit next to the dates says since when', (await page.textContent('#batas-waktu')).includes('sudah lewat sejak Kamis, 11 Januari 2024'));
	check('the typed text is kept', (await page.inputValue('#f-peristiwa-uraian')).startsWith('Kepala dinas berpidato') &&
		(await page.inputValue('#f-terlapor-0-nama')) === 'Kepala Dinas X' && (await page.inputValue('#f-wilayah-kabkota')) === '64.08');
	check('the page says the files must be chosen again', (await page.textContent('#ringkasan')).includes('Pilih berkasnya lagi'));
	await shot(page, 'publik-lapor-nojs-daluarsa');

	// mistakes in several blocks, each next to its field
	await page.goto(srv.base + '/lapor');
	await page.fill('#f-pelapor-nama', 'Budi Santoso');
	await page.fill('#f-pelapor-nik', '12345');
	await page.fill('#f-terlapor-0-nama', 'Camat Y');
	await page.fill('#f-terlapor-0-nip', '199913312005011003');
	await page.fill('#f-saksi-1-alamat', 'Bontang');
	await page.fill('#f-bukti-0-url', 'facebook.com/x');
	await page.fill('#f-peristiwa-uraian', 'Camat mengumpulkan kepala desa untuk deklarasi dukungan.');
	res = await submit(page, 'button[value=kirim]');
	check('a report with mistakes answers 400', res.status() === 400);
	const errs = await page.$$eval('.field-error[id]', (e) => e.map((x) => x.id));
	check('each mistake sits next to its field', ['f-pelapor-nik-err', 'f-terlapor-0-nip-err', 'f-saksi-1-nama-err', 'f-bukti-0-url-err'].every((id) => errs.includes(id)), errs.join(' '));
	check('the fields are marked invalid', (await page.getAttribute('#f-pelapor-nik', 'aria-invalid')) === 'true');
	check('the summary lists every mistake', (await page.locator('#ringkasan li').count()) === 4);
	check('nothing typed is lost', (await page.inputValue('#f-bukti-0-url')) === 'facebook.com/x' && (await page.inputValue('#f-saksi-1-alamat')) === 'Bontang');
	await shot(page, 'publik-lapor-nojs-salah');
	check('no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));
} catch (e) {
	fail('public report without JavaScript', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
