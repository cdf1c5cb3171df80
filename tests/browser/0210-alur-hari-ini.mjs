// 0210 the whole path at the machine's real date, in real Chromium, with no
// clock override: a citizen files a Pemilu 2029 laporan about an event of
// two days ago on /lapor (no JavaScript, the plainest phone), gets a receipt;
// pengawas_kutim claims it and takes it through kajian awal, registration,
// clarification, the kajian and the recommendation (to BKN since September
// 2024); analis_bkn verifies it and sends it to the PPK; ppk_kutim records
// the sanction dated today.  Every deadline shown on the case page says in
// words whether it is provisional when it runs past the holiday data.  A
// laporan about an event of 30 days ago is refused with a sentence for a
// citizen, never the deadline engine's explanation.
import { browser, check, done, fail, login, newPage, shot, startServer } from './lib.mjs';

// local dates in WITA (Kutai Timur), as the server counts them
const wita = (daysAgo) => new Date(Date.now() + 8 * 3600e3 - daysAgo * 86400e3).toISOString().slice(0, 10);
const TODAY = wita(0);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGUlEQVR42mPg9s85ISeHSTJgFQWSDINSBwBoMjlB65h3cAAAAABJRU5ErkJggg==', 'base64');
// what the deadline engine says when it cannot count: never for a citizen
const ENGINE_ERROR = /date_out_of_range|melewati data hari libur|tidak dapat dihitung/;

async function submit(page, selector) {
	const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	return res;
}

async function fillReport(page, known) {
	await page.goto(srv.base + '/lapor');
	await page.fill('#f-pelapor-nama', 'Siti Rahmawati');
	await page.fill('#f-pelapor-alamat', 'Jl. Yos Sudarso 12, Sangatta');
	await page.fill('#f-pelapor-nik', '6471054512900003');
	await page.fill('#f-terlapor-0-nama', 'Ahmad Yani');
	await page.selectOption('#f-terlapor-0-status', 'PNS');
	await page.fill('#f-peristiwa-uraian', 'Kepala bidang mengunggah foto bersama calon anggota DPR dengan pose dua jari dan mengajak guru memilih calon tersebut di grup WhatsApp.');
	await page.selectOption('#f-pemilihan', 'pemilu2029');
	await page.selectOption('#f-wilayah-kabkota', '64.08');
	await page.fill('#f-peristiwa-waktu_kejadian', known);
	await page.fill('#f-saksi-0-nama', 'Budi Santoso');
	await page.setInputFiles('#f-berkas', { name: 'tangkapan.png', mimeType: 'image/png', buffer: PNG });
}

// Submit the form with this id and wait for the page it leads to.
async function step(page, formId) {
	await Promise.all([page.waitForNavigation(), page.click(`#${formId} button[type=submit]`)]);
	const ok = await page.locator('p.success').count();
	const err = ok ? '' : await page.locator('.alert, .field-error').allTextContents();
	return { ok: ok > 0, err };
}

const srv = await startServer();
const b = await browser();
try {
	// --- a late report is refused in words a citizen reads ------------------------------
	const late = await newPage(b, { javascript: false, viewport: { width: 360, height: 740 } });
	await fillReport(late, wita(30));
	let res = await submit(late, 'button[value=kirim]');
	check(`an event of 30 days ago (${wita(30)}) is refused with 422`, res.status() === 422);
	const summary = await late.textContent('#ringkasan');
	check('the summary names the daluarsa', summary.includes('daluarsa'), summary);
	const lateText = await late.textContent('main');
	check('no engine error reaches the citizen', !ENGINE_ERROR.test(lateText), lateText.slice(0, 600));
	await shot(late, 'hari-ini-lapor-daluarsa');
	await late.context().close();

	// --- a report of two days ago: receipt -----------------------------------------------
	const pub = await newPage(b, { javascript: false, viewport: { width: 360, height: 740 } });
	await fillReport(pub, wita(2));
	res = await submit(pub, 'button[value=kirim]');
	check(`an event of two days ago is accepted on ${TODAY} (201)`, res.status() === 201, await pub.textContent('main'));
	const code = (await pub.$$eval('.kode span', (s) => s.map((x) => x.textContent))).join('-');
	check('the receipt carries a tracking code', /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/.test(code), code);
	const receipt = await pub.textContent('main');
	check('the receipt shows no engine error', !ENGINE_ERROR.test(receipt), receipt.slice(0, 600));
	await shot(pub, 'hari-ini-terima');

	// --- pengawas_kutim -------------------------------------------------------------------
	const page = await newPage(b, { viewport: { width: 1280, height: 900 } });
	page.on('dialog', (d) => d.accept());
	await login(page, srv.base, 'pengawas_kutim');
	check('the inbox lists the new case', (await page.locator(`a.code-link:has-text("${code}")`).count()) === 1);
	await Promise.all([page.waitForNavigation(), page.click(`a.code-link:has-text("${code}")`)]);
	const caseUrl = page.url();
	for (const [form, want] of [['aksi-0-mulai_kajian_awal', 'Kajian awal'], ['aksi-0-registrasi', 'Diregistrasi'],
		['aksi-0-mulai_klarifikasi', 'Klarifikasi']]) {
		const r = await step(page, form);
		const state = await page.locator('dl.facts.wide dd .badge').first().textContent();
		check(`step ${form} succeeds and the case is "${want}"`, r.ok && state === want, `${r.err} state=${state}`);
	}
	await page.fill('#aksi-0-perpanjang textarea', 'Keterangan saksi tambahan diperlukan.');
	let r = await step(page, 'aksi-0-perpanjang');
	check('the extension (14 hari kerja) is started today', r.ok, String(r.err));
	r = await step(page, 'aksi-0-mulai_kajian');
	check('the kajian starts', r.ok, String(r.err));
	const trackForm = await page.locator('form.rec-form').getAttribute('id');
	await page.click(`#${trackForm} a.js-preview`);
	await page.waitForSelector(`#${trackForm} .preview dl.facts`);
	const boxes = page.locator(`#${trackForm} input[name=items]`);
	check('the preview offers catalog items to tick', (await boxes.count()) >= 1);
	const rec = await step(page, trackForm);
	check('the recommendation is forwarded', rec.ok, String(rec.err));
	check('the recommendation goes to BKN', (await page.locator('.track .box').first().textContent()).includes('BKN'));
	// every deadline row on the page either is exact or says it is provisional in words
	const rows = await page.locator('table.deadlines tbody tr').allTextContents();
	check('the case page lists its deadlines', rows.length >= 2, rows.join(' | '));
	check('the case page shows no engine error', !ENGINE_ERROR.test(await page.textContent('main')));
	await shot(page, 'hari-ini-kasus-rekomendasi');

	// --- analis_bkn -----------------------------------------------------------------------
	const analis = await newPage(b, { viewport: { width: 1280, height: 900 } });
	await login(analis, srv.base, 'analis_bkn');
	await analis.goto(caseUrl);
	r = await step(analis, await analis.locator('form[id$="-mulai_verifikasi"]').getAttribute('id'));
	check('BKN starts the verification today', r.ok, String(r.err));
	r = await step(analis, await analis.locator('form[id$="-rekomendasi_ke_ppk"]').getAttribute('id'));
	check('BKN sends the recommendation to the PPK', r.ok, String(r.err));

	// --- ppk_kutim ------------------------------------------------------------------------
	const ppk = await newPage(b, { viewport: { width: 1280, height: 900 } });
	await login(ppk, srv.base, 'ppk_kutim');
	await ppk.goto(caseUrl);
	const sForm = await ppk.locator('form[id$="-catat_sanksi"]').getAttribute('id');
	await ppk.fill(`#${sForm} input[name=sk_number]`, `800/7/BKPSDM/${TODAY.slice(0, 4)}`);
	await ppk.fill(`#${sForm} input[name=sk_date]`, TODAY);
	await ppk.fill(`#${sForm} input[name=form_other]`, 'pemotongan tunjangan kinerja 25% selama 6 bulan');
	await ppk.selectOption(`#${sForm} select[name=sanction_level]`, 'sedang');
	r = await step(ppk, sForm);
	check(`the PPK records the sanction dated ${TODAY}`, r.ok, String(r.err));
	check('the sanction is compared with the recommendation', (await ppk.locator('.cmp').count()) >= 1);
	await shot(ppk, 'hari-ini-kasus-sanksi');

	await page.goto(caseUrl);
	const tl = await page.locator('.timeline').textContent();
	for (const w of ['Laporan diterima', 'Registrasi', 'Mulai verifikasi', 'Catat sanksi'])
		check(`the timeline shows "${w}"`, tl.includes(w));

	// the public status of the code
	const st = await pub.goto(`${srv.base}/status/${code}`);
	check('the public status page answers for the code', st.status() === 200 && (await pub.textContent('main')).includes('Pemilihan Umum 2029'), await pub.textContent('main'));
	check('the receipt\'s status link names the server\'s real port', receipt.includes(`${srv.base}/status/${code}`), receipt.slice(0, 800));
	for (const p of [pub, page, analis, ppk])
		check('no console or CSP errors', p.netraErrors.length === 0, p.netraErrors.join('\n'));
} catch (e) {
	fail('the path at today\'s date', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
