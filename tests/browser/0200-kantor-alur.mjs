// 0200 the officers' workflow in real Chromium: a report filed through the
// public API is found in the inbox by pengawas_kutim, claimed, taken through
// kajian awal, registration, clarification and the kajian, recommended with
// the evaluator's preview; analis_bkn verifies it and sends it to the PPK;
// ppk_kutim records the sanction and sees it compared with the
// recommendation; every step is on the timeline.  An officer of another
// region gets the not-found page for the same URL; the custodian opens the
// reporter's identity with the passphrase (no-store response) and the
// opening appears on the timeline.
import { SEAL_PASSPHRASE, browser, check, done, fail, login, newPage, shot, startServer } from './lib.mjs';

const NOW = '2024-02-09T10:00:00+08:00';
const srv = await startServer(['--now', NOW]);
const b = await browser();

const report = {
	jenis: 'laporan', pemilihan: 'pemilu2024',
	pelapor: { nama: 'Siti Rahmawati', alamat: 'Jl. Yos Sudarso, Sangatta', telepon: '081234567890' },
	terlapor: [{ nama: 'Drs. H. Ahmad Yani, M.Si.', nip: '197805122005011003',
		instansi: 'Dinas Pendidikan Kutai Timur', jabatan: 'Kepala Bidang', status: 'PNS' }],
	peristiwa: { uraian: 'Kepala bidang mengunggah foto bersama calon anggota DPRD dengan pose dua jari dan mengajak guru memilih calon tersebut di grup WhatsApp.',
		tempat: 'Sangatta', kode_wilayah: '64.08', waktu_kejadian: '2024-02-05', waktu_diketahui: '2024-02-06' },
	saksi: [{ nama: 'Budi Santoso', alamat: 'Sangatta' }],
	bukti: [{ jenis: 'tautan', url: 'https://facebook.com/contoh/1' },
		{ jenis: 'berkas', berkas: 'foto1', keterangan: 'tangkapan layar' }],
};
// a 1x1 PNG, sent as evidence with the report (multipart)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function fileReport(body) {
	const fd = new FormData();
	fd.append('laporan', JSON.stringify(body)); // a field, not a file
	fd.append('foto1', new Blob([PNG], { type: 'image/png' }), 'tangkapan.png');
	const r = await fetch(srv.base + '/api/v1/reports', { method: 'POST', body: fd });
	return { status: r.status, json: await r.json() };
}

// Submit the form with this id and wait for the page it leads to.
async function step(page, formId) {
	await Promise.all([page.waitForNavigation(), page.click(`#${formId} button[type=submit]`)]);
	const ok = await page.locator('p.success').count();
	const err = ok ? '' : await page.locator('.alert, .field-error').allTextContents();
	return { ok: ok > 0, err };
}

try {
	const r1 = await fileReport(report);
	check('the public files a report (201)', r1.status === 201, JSON.stringify(r1.json));
	const code = r1.json.code;

	// --- pengawas_kutim: inbox, claim, workflow, recommendation -----------------
	const page = await newPage(b, { viewport: { width: 1280, height: 900 } });
	page.on('dialog', (d) => d.accept());
	await login(page, srv.base, 'pengawas_kutim');
	check('login leads to the inbox', new URL(page.url()).pathname === '/kantor');
	check('the inbox lists the new case', (await page.locator(`a.code-link:has-text("${code}")`).count()) === 1);
	check('the next deadline is highlighted as due soon, with words', (await page.locator('tr.row-soon .due-soon').first().textContent()).includes('Segera'));
	await shot(page, 'kantor-kotak-masuk');

	await page.fill('#klaim-n', '5');
	await Promise.all([page.waitForNavigation(), page.click('form.claim button[type=submit]')]);
	check('claiming reports how many cases were claimed', (await page.locator('p.success').textContent()).includes('1'));
	check('the claimed case is listed as mine', (await page.locator(`tr:has-text("${code}") td:has-text("pengawas_kutim")`).count()) === 1);
	await shot(page, 'kantor-kotak-masuk-klaim');

	await Promise.all([page.waitForNavigation(), page.click(`a.code-link:has-text("${code}")`)]);
	const caseUrl = page.url();
	check('the case page shows the code in its heading', (await page.textContent('h1')).includes(code));
	check('the case page has one h1', (await page.locator('h1').count()) === 1);
	check('the deadlines explain themselves', (await page.locator('table.deadlines details').count()) >= 1);
	const sha = r1.json.evidence.find((e) => e.sha256)?.sha256;
	check('the evidence shows the SHA-256 printed on the receipt', !!sha && (await page.locator('code.hash').first().textContent()) === sha);
	check('an image is shown inline through the case API', await page.$eval('img.thumb', (i) => i.complete && i.naturalWidth === 1));
	await shot(page, 'kantor-kasus-diterima');

	for (const [form, want] of [['aksi-0-mulai_kajian_awal', 'Kajian awal'], ['aksi-0-registrasi', 'Diregistrasi'],
		['aksi-0-mulai_klarifikasi', 'Klarifikasi'], ['aksi-0-mulai_kajian', 'Kajian']]) {
		const r = await step(page, form);
		const state = await page.locator('dl.facts.wide dd .badge').first().textContent();
		check(`step ${form} succeeds and the case is "${want}"`, r.ok && state === want, `${r.err} state=${state}`);
	}
	// a step that needs a reason, sent without one (no client-side check)
	await page.$eval('#aksi-0-perpanjang textarea', (t) => t.removeAttribute('required'));
	const bad = await step(page, 'aksi-0-perpanjang');
	check('an extension without a reason is refused next to its form', !bad.ok &&
		(await page.locator('#aksi-0-perpanjang .field-error').textContent()).includes('alasan'));
	await page.fill('#catatan-isi', 'Saksi Budi sudah dihubungi lewat telepon.');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/catatan"] button[type=submit]')]);
	check('an internal note is saved and listed', (await page.locator('.notes li').count()) === 1);
	await shot(page, 'kantor-kasus-kajian');

	const trackForm = await page.locator('form.rec-form').getAttribute('id');
	await page.click(`#${trackForm} a.js-preview`);
	await page.waitForSelector(`#${trackForm} .preview dl.facts`);
	const verdict = await page.locator(`#${trackForm} .preview dl.facts dd strong`).first().textContent();
	check('the evaluator preview loads in place and finds a violation', verdict.includes('Pelanggaran'), verdict);
	check('the preview offers catalog items to tick', (await page.locator(`#${trackForm} input[name=items]`).count()) >= 1);
	await shot(page, 'kantor-kasus-pratinjau');
	// base the recommendation on D-7 only
	const boxes = page.locator(`#${trackForm} input[name=items]`);
	for (let i = 0; i < await boxes.count(); i++) {
		const v = await boxes.nth(i).getAttribute('value');
		if (v === 'D-7') await boxes.nth(i).check(); else await boxes.nth(i).uncheck();
	}
	const rec = await step(page, trackForm);
	check('the recommendation is forwarded', rec.ok, String(rec.err));
	check('the terlapor track shows the recommendation', (await page.locator('.track .box').first().textContent()).includes('KASN'));
	check('the case is decided (diputus)', (await page.locator('dl.facts.wide dd .badge').first().textContent()) === 'Diputus');
	await shot(page, 'kantor-kasus-rekomendasi');

	// --- analis_bkn: verification ------------------------------------------------
	const analis = await newPage(b, { viewport: { width: 1280, height: 900 } });
	await login(analis, srv.base, 'analis_bkn');
	await analis.goto(caseUrl);
	const v1 = await step(analis, (await analis.locator('form[id$="-mulai_verifikasi"]').getAttribute('id')));
	check('BKN starts the verification', v1.ok, String(v1.err));
	const v2 = await step(analis, (await analis.locator('form[id$="-rekomendasi_ke_ppk"]').getAttribute('id')));
	check('BKN sends the recommendation to the PPK', v2.ok, String(v2.err));
	await shot(analis, 'kantor-kasus-bkn');

	// --- ppk_kutim: the sanction -------------------------------------------------------
	const ppk = await newPage(b, { viewport: { width: 1280, height: 900 } });
	await login(ppk, srv.base, 'ppk_kutim');
	await ppk.goto(caseUrl);
	const sForm = await ppk.locator('form[id$="-catat_sanksi"]').getAttribute('id');
	check('the PPK is offered the catalog forms of the recommended level', (await ppk.locator(`#${sForm} select[name=form] option`).count()) > 1);
	await ppk.fill(`#${sForm} input[name=sk_number]`, '800/123/BKPSDM/2024');
	await ppk.fill(`#${sForm} input[name=sk_date]`, '2024-02-09');
	await ppk.fill(`#${sForm} input[name=form_other]`, 'pemotongan tunjangan kinerja 25% selama 6 bulan');
	await ppk.selectOption(`#${sForm} select[name=sanction_level]`, 'sedang');
	await shot(ppk, 'kantor-kasus-ppk-formulir');
	const s = await step(ppk, sForm);
	check('the PPK records the sanction', s.ok, String(s.err));
	const cmp = await ppk.locator('.cmp').textContent();
	check('the sanction is compared with the recommendation (lebih rendah)', cmp.includes('lebih rendah'), cmp);
	check('the PPK does not see the witnesses', (await ppk.locator('#saksi').count()) === 0);
	await shot(ppk, 'kantor-kasus-sanksi');

	// the timeline, as the assigned officer sees it
	await page.goto(caseUrl);
	const tl = (await page.locator('.timeline').textContent());
	for (const w of ['Laporan diterima', 'Diklaim petugas', 'Mulai kajian awal', 'Registrasi', 'Mulai klarifikasi',
		'Mulai kajian', 'Nyatakan pelanggaran', 'Mulai verifikasi', 'rekomendasi ke PPK', 'Catat sanksi'])
		check(`the timeline shows "${w}"`, tl.includes(w));
	check('the timeline shows the SK number', tl.includes('800/123/BKPSDM/2024'));

	// --- another region: not found -------------------------------------------------------
	const bpp = await newPage(b);
	await login(bpp, srv.base, 'pengawas_bpp');
	const res = await bpp.goto(caseUrl);
	check('an officer of another region gets 404 for the case', res.status() === 404);
	check('... with the not-found page, not the case', !(await bpp.content()).includes(code));
	await shot(bpp, 'kantor-kasus-wilayah-lain');

	// --- the custodian opens the reporter's identity ---------------------------------------
	const cust = await newPage(b, { viewport: { width: 1280, height: 900 } });
	await login(cust, srv.base, 'custodian_prov');
	await cust.goto(caseUrl);
	await cust.fill('#pelapor-alasan', 'Majelis pemeriksa memerlukan keterangan pelapor sebagai saksi.');
	await cust.fill('#pelapor-sandi', 'frasa yang salah sama sekali');
	await Promise.all([cust.waitForNavigation(), cust.click('form[action$="/pelapor"] button[type=submit]')]);
	check('a wrong passphrase is refused on the form', (await cust.locator('form[action$="/pelapor"] .field-error').count()) === 1);
	check('the passphrase is not sent back', (await cust.inputValue('#pelapor-sandi')) === '');
	await cust.fill('#pelapor-sandi', SEAL_PASSPHRASE);
	const [resp] = await Promise.all([cust.waitForNavigation(), cust.click('form[action$="/pelapor"] button[type=submit]')]);
	check('the identity page is no-store', (resp.headers()['cache-control'] || '').includes('no-store'));
	check('the identity is shown', (await cust.locator('dl.identity').textContent()).includes('Siti Rahmawati'));
	await shot(cust, 'kantor-pelapor');
	await cust.goto(caseUrl);
	const tl2 = await cust.locator('.timeline').textContent();
	check('the opening is on the timeline', tl2.includes('Identitas pelapor dibuka') && tl2.includes('Majelis pemeriksa'));
	check('the failed attempt is on the timeline too', tl2.includes('Pembukaan identitas pelapor gagal'));
	await shot(cust, 'kantor-kasus-kustodian');

	for (const p of [page, analis, ppk, bpp, cust])
		check('no console or CSP errors', p.netraErrors.length === 0, p.netraErrors.join('\n'));
} catch (e) {
	fail('kantor workflow', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
