// 0201 the officers' pages without JavaScript and on a phone: bulk actions
// with per-case results, filters and pages, the recommendation preview as a
// plain link, duplicates and merging, a non-ASN terlapor referred with the
// catalog's route, the registry search (fuzzy names, NIP, scope), the rules
// browser, the election calendar, English, a 360 px screen.
import { browser, check, done, fail, login, newPage, shot, startServer } from './lib.mjs';

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();

function laporan(nama, nip, status, wilayah, uraian, kejadian) {
	return {
		jenis: 'laporan', pemilihan: 'pemilu2024',
		pelapor: { nama: 'Warga Pelapor', alamat: 'Kalimantan Timur' },
		terlapor: [{ nama, ...(nip ? { nip } : {}), instansi: 'Pemerintah Daerah', jabatan: 'Staf', status }],
		peristiwa: { uraian, tempat: 'Kantor', kode_wilayah: wilayah, waktu_kejadian: kejadian, waktu_diketahui: kejadian },
		bukti: [{ jenis: 'tautan', url: 'https://instagram.com/p/contoh' }],
	};
}

async function file(body) {
	const r = await fetch(srv.base + '/api/v1/reports', {
		method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
	});
	return (await r.json()).code;
}

async function submit(page, selector) {
	await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const state = async (page) => page.locator('dl.facts.wide dd .badge').first().textContent();

try {
	const a = await file(laporan('Drs. H. Ahmad Yani, M.Si.', '197805122005011003', 'PNS', '64.08',
		'Kepala bidang mengunggah foto bersama calon anggota DPRD dengan pose dua jari di grup WhatsApp guru.', '2024-02-05'));
	const d = await file(laporan('Achmad Yani', '197805122005011003', 'PNS', '64.08',
		'Kepala bidang mengunggah foto bersama calon DPRD dengan pose dua jari di grup WhatsApp.', '2024-02-06'));
	const c = await file(laporan('Rina Marlina', null, 'honorer', '64.71',
		'Guru honorer membagikan stiker calon kepada murid di sekolah.', '2024-02-07'));
	check('three reports are filed', a && d && c);

	// --- no JavaScript: the inbox and bulk actions ----------------------------------
	const page = await newPage(b, { javascript: false, viewport: { width: 1280, height: 900 } });
	const redirected = await page.goto(srv.base + '/kantor');
	check('the inbox sends a visitor to the login form', new URL(redirected.url()).pathname === '/masuk');
	await login(page, srv.base, 'pengawas_kutim');
	check('the inbox lists the two Kutai Timur cases only', (await page.locator('a.code-link').count()) === 2
		&& (await page.locator(`a.code-link:has-text("${c}")`).count()) === 0);
	check('without JavaScript the select-all box stays hidden', !(await page.isVisible('#pilih-semua')));
	for (const box of await page.locator('input.pilih').all()) await box.check();
	await page.selectOption('#m-tindakan', 'mulai_kajian_awal');
	await submit(page, '#massal fieldset button[type=submit]');
	check('bulk results are shown after the redirect', (await page.locator('.results .res-ok').count()) === 2);
	check('the URL carries only a results id', new URL(page.url()).searchParams.get('hasil')?.length === 32);
	await shot(page, 'kantor-massal-hasil');
	for (const box of await page.locator('input.pilih').all()) await box.check();
	await page.selectOption('#m-tindakan', 'mulai_kajian_awal');
	await submit(page, '#massal fieldset button[type=submit]');
	check('a step that no longer applies is refused per case, with the reason',
		(await page.locator('.results .res-fail').count()) === 2 &&
		(await page.locator('.results .res-fail').first().textContent()).includes('tidak dapat'));
	await shot(page, 'kantor-massal-ditolak');
	for (const box of await page.locator('input.pilih').all()) await box.check();
	await page.selectOption('#m-tindakan', 'tugaskan');
	await page.fill('#m-username', 'pengawas_kutim');
	await submit(page, '#massal fieldset button[type=submit]');
	check('bulk assignment', (await page.locator('td:has-text("pengawas_kutim")').count()) === 2);

	await page.goto(srv.base + '/kantor?q=Achmad');
	check('the search filter finds the terlapor by name', (await page.locator('a.code-link').count()) === 1);
	await page.goto(srv.base + '/kantor?status=diterima');
	check('the state filter shows nothing in "diterima" now', (await page.locator('a.code-link').count()) === 0);
	await shot(page, 'kantor-kotak-masuk-saring');

	// the per-row assignment form of the inbox (form= attribute, no script)
	await page.goto(srv.base + '/kantor');
	const rowId = await page.locator('input.pilih').first().getAttribute('value');
	await page.fill(`#tugas-${rowId}`, 'pengawas_prov');
	await submit(page, `button[form="tugas-f-${rowId}"]`);
	check('a case is assigned from its inbox row', (await page.locator('td:has-text("pengawas_prov")').count()) === 1);

	// --- duplicates and merging -------------------------------------------------------------
	await page.click(`a.code-link:has-text("${d}")`);
	await page.waitForLoadState();
	check('the duplicate is hinted with its score and reasons', (await page.locator('.dups li').first().textContent()).includes(a));
	check('the terlapor is marked as a repeat', (await page.locator('.track .badge.warn').count()) === 1);
	await shot(page, 'kantor-kasus-duplikat');
	await page.selectOption('#gabung-into', { index: 1 });
	await page.fill('#gabung-alasan', 'Laporan yang sama tentang unggahan yang sama.');
	await submit(page, 'form[action$="/gabung"] button[type=submit]');
	check('the case is merged', (await state(page)) === 'Digabung');
	check('the merged case points to the one it joined', (await page.locator('p.note a').textContent()) === a);

	// --- the recommendation preview as a link ----------------------------------------------------------
	await page.goto(srv.base + '/kantor');
	await page.click(`a.code-link:has-text("${a}")`);
	await page.waitForLoadState();
	await submit(page, '#aksi-0-registrasi button[type=submit]');
	await submit(page, '#aksi-0-mulai_kajian button[type=submit]');
	await submit(page, 'form.rec-form a.js-preview');
	check('without JavaScript the preview link reloads the page with the evaluation',
		(await page.locator('form.rec-form .preview dl.facts').count()) === 1);
	await shot(page, 'kantor-kasus-pratinjau-tanpa-js');
	await page.selectOption('form.rec-form select[name=level]', 'sedang');
	for (const box of await page.locator('form.rec-form input[name=items]').all()) await box.uncheck();
	await submit(page, 'form.rec-form button[type=submit]');
	check('an officer may set the level', (await page.locator('.track .box').first().textContent()).includes('ditetapkan petugas'));

	// --- a non-ASN terlapor in Balikpapan: the referral with its route ----------------------------------------
	const bpp = await newPage(b, { javascript: false, viewport: { width: 1280, height: 900 } });
	await login(bpp, srv.base, 'pengawas_bpp');
	await bpp.click(`a.code-link:has-text("${c}")`);
	await bpp.waitForLoadState();
	await submit(bpp, '#aksi-0-registrasi button[type=submit]');
	check('a non-ASN terlapor is not offered a recommendation', (await bpp.locator('form.rec-form').count()) === 0);
	const route = await bpp.locator('form[id$="-rujuk"]').textContent();
	check('the referral form shows the route from the catalog', route.includes('Jalur'), route);
	await shot(bpp, 'kantor-kasus-rujuk');
	await submit(bpp, 'form[id$="-rujuk"] button[type=submit]');
	check('the terlapor is referred', (await bpp.locator('.track .badge').first().textContent()).includes('instansi berwenang'));

	// --- the registry -------------------------------------------------------------------------------------------
	await page.goto(srv.base + '/kantor/registri');
	await shot(page, 'kantor-registri-kosong');
	await page.fill('#r-q', 'ahmad yani');
	await submit(page, 'form[role=search] button[type=submit]');
	check('the registry finds the terlapor by a spelling variant', (await page.locator('article.person').count()) === 1);
	check('a person in two cases is a repeat', (await page.locator('article.person.repeat').count()) === 1);
	check("the person's cases are listed", (await page.locator('article.person tbody tr').count()) === 2);
	await shot(page, 'kantor-registri');
	await page.goto(srv.base + '/kantor/registri?q=' + encodeURIComponent('1978 0512 2005 01 1 003'));
	check('the registry finds a NIP written with spaces', (await page.locator('article.person').count()) === 1);
	await page.goto(srv.base + '/kantor/registri?q=12345');
	check('a number that is no NIP or NIK is explained', (await page.locator('.alert').textContent()).includes('18 digit'));
	await bpp.goto(srv.base + '/kantor/registri?q=yani');
	check("another region's officer does not find them", (await bpp.locator('article.person').count()) === 0);
	await bpp.goto(srv.base + '/kantor/registri?q=rina');
	check('... but finds their own terlapor', (await bpp.locator('article.person').count()) === 1);

	// --- rules and calendar -------------------------------------------------------------------------------------
	await page.goto(srv.base + '/kantor/aturan');
	check('the rules browser groups the catalog in four families', (await page.locator('section[id^=keluarga-]').count()) === 4);
	check('the readings in use are shown', (await page.locator('#bacaan + p + .table-wrap tbody tr').count()) >= 1);
	await shot(page, 'kantor-aturan');
	await submit(page, 'a[href="/kantor/aturan/D-8"]');
	check('an item page shows its level under the readings', (await page.textContent('dl.facts.wide')).includes('berat'));
	check('an item page lists the sanction forms', (await page.locator('ol.forms li').count()) >= 1);
	await shot(page, 'kantor-aturan-butir');
	const nf = await page.goto(srv.base + '/kantor/aturan/X-99');
	check('an unknown item is 404', nf.status() === 404);

	await page.goto(srv.base + '/kantor/kalender');
	check("today's stage is highlighted", (await page.locator('#pemilihan-pemilu2024 tr.row-today').count()) >= 1 &&
		(await page.locator('#pemilihan-pemilu2024 tr.row-today').first().textContent()).includes('hari ini'));
	check('the holidays of 2024 include the voting day', (await page.locator('table.holidays').textContent()).includes('2024-02-14'));
	await shot(page, 'kantor-kalender');
	await page.goto(srv.base + '/kantor/kalender?tahun=2025');
	check('another year can be chosen', (await page.textContent('#libur-judul')).includes('2025'));

	// --- English and a phone --------------------------------------------------------------------------------------
	await page.goto(srv.base + '/kantor?lang=en');
	check('the inbox in English', (await page.getAttribute('html', 'lang')) === 'en' && (await page.textContent('h1')) === 'Case inbox');
	await shot(page, 'kantor-kotak-masuk-en');
	await page.goto(srv.base + `/kantor/kasus/${rowId}`);
	await shot(page, 'kantor-kasus-en');
	await page.goto(srv.base + '/kantor?lang=id');

	const phone = await newPage(b, { viewport: { width: 360, height: 740 } });
	await login(phone, srv.base, 'pengawas_kutim');
	const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
	check('the inbox fits a 360 px screen (tables scroll inside)', wide <= 360, `scrollWidth ${wide}`);
	await shot(phone, 'kantor-kotak-masuk-360');
	await phone.click(`a.code-link:has-text("${a}")`);
	await phone.waitForLoadState();
	const wide2 = await phone.evaluate(() => document.documentElement.scrollWidth);
	check('the case page fits a 360 px screen', wide2 <= 360, `scrollWidth ${wide2}`);
	await shot(phone, 'kantor-kasus-360');

	for (const p of [page, bpp, phone])
		check('no console or CSP errors', p.netraErrors.length === 0, p.netraErrors.join('\n'));
} catch (e) {
	fail('kantor pages', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
