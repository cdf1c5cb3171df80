// 0302 the printable case file in real Chromium on a 360 px phone: a report
// with a long evidence URL is filed, the officer opens the case page, follows
// its link to the printable file, and finds it in words (the election by
// name, dates with the day, the chronology as sentences), every item once
// (terlapor, evidence, deadlines), and no sideways scrolling at 360 px; the
// A4 print layout is rendered to a PDF.  Screenshots in id and en.
import { check, browser, done, fail, login, newPage, shot, startServer } from './lib.mjs';

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	const longUrl = 'https://contoh.id/' + 'sangat-panjang-'.repeat(12) + 'akhir';
	const rep = await fetch(srv.base + '/api/v1/reports', {
		method: 'POST', headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			pemilihan: 'pemilu2024', pelapor: { nama: 'Pelapor Cetak', alamat: 'Sangatta' },
			terlapor: [{ nama: 'Terlapor Cetak', status: 'PNS', instansi: 'Dinas Uji Cetak' }],
			peristiwa: { uraian: 'Terlapor Cetak berkampanye untuk calon di kantor dinas.',
				kode_wilayah: '64.08.01', waktu_kejadian: '2024-02-07' },
			bukti: [{ jenis: 'tautan', url: longUrl }],
		}),
	});
	check('the report is filed', rep.status === 201, String(rep.status));

	const page = await newPage(b, { javascript: false, viewport: { width: 360, height: 740 } });
	await login(page, srv.base, 'pengawas_kutim');
	const list = await page.request.get(srv.base + '/api/v1/cases?q=Terlapor%20Cetak');
	const id = (await list.json()).items[0].id;
	await page.goto(`${srv.base}/kantor/kasus/${id}`);
	const link = page.locator(`a[href="/kantor/kasus/${id}/cetak"]`);
	check('the case page links to the printable file', (await link.count()) === 1);
	await Promise.all([page.waitForNavigation(), link.click()]);
	check('the printable file opens', new URL(page.url()).pathname === `/kantor/kasus/${id}/cetak`);
	const text = await page.locator('body').innerText();
	check('the election by name', text.includes('Pemilihan Umum 2024'));
	check('the receipt time in words', /Jumat, 9 Februari 2024 10\.\d\d WITA/.test(text));
	check('the chronology in sentences', /Jumat, 9 Februari 2024 10\.\d\d WITA — Laporan diterima oleh Bawaslu Kabupaten Kutai Timur/.test(text));
	check('no codes where a person reads', !/pemilu2024|laporan_diterima|pemilu\.kajian_awal/.test(text));
	check('the terlapor once', (await page.locator('.track h3', { hasText: 'Terlapor Cetak' }).count()) === 1);
	check('the evidence once', (await page.locator('.bukti').count()) === 1);
	const titles = await page.locator('.tenggat h3').allInnerTexts();
	check('each deadline once', titles.length > 0 && new Set(titles).size === titles.length, titles.join(' | '));
	check('every chronology step has a machine time', await page.evaluate(() =>
		[...document.querySelectorAll('.kronologi time')].every((t) => t.getAttribute('datetime'))));
	const fits = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: innerWidth }));
	check('fits 360 px without sideways scrolling', fits.sw <= fits.w, JSON.stringify(fits));
	await shot(page, 'cetak-360');

	await page.goto(`${srv.base}/kantor/kasus/${id}/cetak?lang=en`);
	const en = await page.locator('body').innerText();
	check('in English: words', en.includes('2024 General Election') && /Friday, 9 February 2024 10:\d\d WITA/.test(en));
	const fitsEn = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: innerWidth }));
	check('in English it fits 360 px too', fitsEn.sw <= fitsEn.w, JSON.stringify(fitsEn));
	await shot(page, 'cetak-360-en');

	// the dashboard's time stamp
	await page.goto(`${srv.base}/kantor/dasbor?lang=id`);
	check('dashboard time stamp in words', /Angka per Jumat, 9 Februari 2024 10\.\d\d WITA/.test(await page.locator('body').innerText()));

	// A4: Chromium's print rendering
	const pdf = await page.context().newPage();
	await pdf.goto(`${srv.base}/kantor/kasus/${id}/cetak`);
	await pdf.emulateMedia({ media: 'print' });
	const bytes = await pdf.pdf({ format: 'A4', preferCSSPageSize: true });
	check('prints to A4 PDF', bytes.length > 1000 && bytes.subarray(0, 4).toString() === '%PDF');
	check('no navigation when printed', (await pdf.locator('.no-print').evaluate((e) => getComputedStyle(e).display)) === 'none');
	check('no page errors', page.netraErrors.length === 0, page.netraErrors.join('; '));
} catch (e) {
	fail('browser test ran', String(e && e.stack || e));
} finally {
	await b.close();
	await srv.stop();
}
done();
