// 0900 every page of netra before two outside judges (judges.mjs): the W3C
// Nu HTML checker on the HTML the server sent and axe-core (WCAG 2.1 A and
// AA) in Chromium at 1280x800 and 360x740, in Indonesian and in English.
// Public pages (beranda, /lapor with its messages and the receipt of a
// report with a very long evidence link, /status, /boleh, /transparansi,
// /masuk), the officers' pages (inbox, a case with a full timeline, the
// PPK's sanction form, the printable case file, registry, rules, calendar,
// screening, dashboard, admin, the one-time password, the reporter's
// identity) and the error pages (404, 403, 400, 410, the HTML error page).
// The receipt, the case page and the printable file must fit 360 px.
import { execFileSync } from 'node:child_process';
import { BIN, SEAL_PASSPHRASE, browser, done, fail, startServer, password } from './lib.mjs';
import { Judges, WIDE } from './judges.mjs';

const NOW = '2024-02-09T10:00:00+08:00';
const srv = await startServer(['--now', NOW]);
const cli = (args, input) => execFileSync(BIN, [...args, '--data', srv.data, '--log-level', 'error'],
	{ input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
execFileSync(BIN, ['monitor', 'tests/data/screening/posts.jsonl', '--accounts',
	'tests/data/screening/accounts.csv', '--election', 'pemilu2024', '--data', srv.data,
	'--log-level', 'error', '--now', '2024-02-09T09:00:00+08:00'], { encoding: 'utf8', stdio: 'pipe' });
cli(['office', 'add', 'bawaslu-ri', '--name', 'Bawaslu Republik Indonesia', '--kind', 'bawaslu',
	'--level', 'ri', '--tz', 'WIB']);
cli(['user', 'add', 'admin_ri', '--role', 'admin', '--office', 'bawaslu-ri', '--name', 'Admin Pusat',
	'--password-stdin'], password('admin_ri') + '\n');
const token = {};
for (const u of ['pengawas_kutim', 'analis_bkn', 'ppk_kutim'])
	token[u] = cli(['token', 'create', u, '--name', 'judges']).trim().split('\n').pop().split(/\s+/).pop();

const b = await browser();
const judges = new Judges();
const LONG_URL = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0' + 'Xk9aQ7rT2mW4'.repeat(24) +
	'&id=100064123456789&mibextid=Nif5oz';

async function api(user, method, path, body) {
	const r = await fetch(srv.base + path, {
		method, body: body && JSON.stringify(body),
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token[user]}` },
	});
	const json = await r.json();
	if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
	return json;
}

function report(nama, nip) {
	return {
		jenis: 'laporan', pemilihan: 'pemilu2024',
		pelapor: { nama: 'Siti Rahmawati', alamat: 'Jl. Yos Sudarso, Sangatta', telepon: '081234567890' },
		terlapor: [{ nama, nip, instansi: 'Dinas Pendidikan Kutai Timur', jabatan: 'Kepala Bidang', status: 'PNS' }],
		peristiwa: { uraian: 'Kepala bidang mengunggah foto bersama calon anggota DPRD dengan pose dua jari dan mengajak guru memilih calon tersebut di grup WhatsApp.',
			tempat: 'Sangatta', kode_wilayah: '64.08', waktu_kejadian: '2024-02-05', waktu_diketahui: '2024-02-06' },
		saksi: [{ nama: 'Budi Santoso', alamat: 'Sangatta' }],
		bukti: [{ jenis: 'tautan', url: LONG_URL }],
	};
}

// A case through every step up to the delivered decision (stopAt: earlier).
async function caseThrough(nama, nip, stopAt) {
	const r = await fetch(srv.base + '/api/v1/reports', { method: 'POST',
		headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report(nama, nip)) });
	const code = (await r.json()).code;
	const list = await api('pengawas_kutim', 'GET', `/api/v1/cases?q=${code}`);
	const id = list.items[0].id;
	const step = (u, action, extra = {}) => api(u, 'POST', `/api/v1/cases/${id}/transitions`, { action, ...extra });
	await api('pengawas_kutim', 'POST', '/api/v1/cases/claim', { n: 1 }).catch(() => null);
	for (const a of ['mulai_kajian_awal', 'registrasi', 'mulai_klarifikasi']) await step('pengawas_kutim', a);
	await step('pengawas_kutim', 'perpanjang', { reason: 'keterangan saksi tambahan diperlukan' });
	await step('pengawas_kutim', 'mulai_kajian');
	await api('pengawas_kutim', 'POST', `/api/v1/cases/${id}/notes`, { body: 'Saksi Budi sudah dihubungi lewat telepon.' });
	const track = (await api('pengawas_kutim', 'GET', `/api/v1/cases/${id}`)).tracks[0].id;
	await step('pengawas_kutim', 'rekomendasikan', { track_id: track });
	await step('analis_bkn', 'mulai_verifikasi', { track_id: track });
	await step('analis_bkn', 'rekomendasi_ke_ppk', { track_id: track });
	if (stopAt === 'ppk') return { id, code };
	await step('ppk_kutim', 'catat_sanksi', { track_id: track, sk_number: '800/123/BKPSDM/2024',
		sk_date: '2024-02-09', form: 'pemotongan tunjangan kinerja 25% selama 6 bulan', sanction_level: 'sedang' });
	await step('ppk_kutim', 'keputusan_disampaikan', { track_id: track });
	return { id, code };
}

// A well-formed tracking code nobody was given (Luhn mod 32, as
// src/cases/trackcode.c).
function unknownCode(given) {
	const ALPHA = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
	const data = given.replace(/-/g, '').slice(0, 8) === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
	let sum = 0, factor = 2;
	for (let i = data.length - 1; i >= 0; i--) {
		const add = factor * ALPHA.indexOf(data[i]);
		sum += Math.floor(add / 32) + (add % 32);
		factor = factor === 2 ? 1 : 2;
	}
	return `${data.slice(0, 4)}-${data.slice(4)}-${ALPHA[(32 - (sum % 32)) % 32]}`;
}

// A context (JavaScript on) in a language, signed in as `user` when given.
async function context(lang, user) {
	const ctx = await b.newContext({ viewport: WIDE, locale: 'id-ID' });
	await ctx.addCookies([{ name: 'lang', value: lang, url: srv.base }]);
	const page = await ctx.newPage();
	if (user) {
		await page.goto(srv.base + '/masuk');
		await page.fill('input[name=username]', user);
		await page.fill('input[name=password]', password(user));
		await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
	}
	return page;
}

// GET a page and judge it; `want` is the status expected.
async function visit(page, label, path, want = 200, opts = {}) {
	const res = await page.goto(srv.base + path);
	if (res.status() !== want) throw new Error(`${label}: ${path} answered ${res.status()}, not ${want}`);
	await judges.judge(page, label, await res.text(), opts);
}

// Show HTML the server sent to another client (a POST) at its URL and judge it.
async function replay(page, label, path, status, html, want) {
	if (status !== want) throw new Error(`${label}: answered ${status}, not ${want}`);
	const url = srv.base + path;
	await page.route(url, (route) => route.fulfill({ status, body: html,
		contentType: 'text/html; charset=utf-8' }));
	await page.goto(url);
	await page.unroute(url);
	await judges.judge(page, label, html);
}

// Click a submit button of a plain form and judge the page it leads to.
async function submitted(page, label, selector, want, opts = {}) {
	const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	if (want && res.status() !== want) throw new Error(`${label}: answered ${res.status()}, not ${want}`);
	await judges.judge(page, label, await res.text(), opts);
}

// /lapor with JavaScript: the form sent back with messages, then the receipt.
async function lapor(page, lang) {
	await visit(page, `/lapor ${lang}`, '/lapor');
	await page.evaluate(() => {
		for (const fs of document.querySelectorAll('fieldset.step')) fs.classList.remove('step-hidden');
	});
	// a report of an event long past: the daluarsa message, the form kept
	await page.fill('#f-pelapor-nama', 'Siti Rahmawati');
	await page.fill('#f-pelapor-alamat', 'Jl. Yos Sudarso 12, Sangatta');
	await page.fill('#f-peristiwa-uraian', 'Kepala sekolah mengajak guru memilih calon tertentu dalam rapat dinas.');
	await page.fill('#f-peristiwa-waktu_kejadian', '2024-01-02');
	const sent = () => page.waitForResponse((r) => r.request().method() === 'POST' &&
		new URL(r.url()).pathname === '/lapor');
	let [res] = await Promise.all([sent(), page.click('button[value=kirim]')]);
	await page.waitForSelector('#ringkasan');
	await judges.judge(page, `/lapor ${lang} (pesan galat)`, await res.text());

	await page.fill('#f-pelapor-nama', 'Siti Rahmawati');
	await page.fill('#f-pelapor-alamat', 'Jl. Yos Sudarso 12, Sangatta');
	await page.fill('#f-terlapor-0-nama', 'Drs. Ahmad Yani');
	await page.fill('#f-terlapor-0-nip', '197805122005011003');
	await page.selectOption('#f-terlapor-0-status', 'PNS');
	await page.fill('#f-terlapor-0-instansi', 'Dinas Pendidikan Kutai Timur');
	await page.selectOption('#f-wilayah-provinsi', '64');
	await page.waitForSelector('#f-wilayah-kabkota option[value="64.08"]', { state: 'attached' });
	await page.selectOption('#f-wilayah-kabkota', '64.08');
	await page.fill('#f-peristiwa-uraian', 'Terlapor mengunggah foto bersama calon anggota DPRD dengan pose dua jari di Facebook.');
	await page.fill('#f-peristiwa-tempat', 'Sangatta Utara');
	await page.fill('#f-peristiwa-waktu_kejadian', '2024-02-05');
	await page.fill('#f-peristiwa-waktu_diketahui', '2024-02-06');
	await page.fill('#f-bukti-0-url', LONG_URL);
	[res] = await Promise.all([sent(), page.click('button[value=kirim]')]);
	if (res.status() !== 201) throw new Error(`/lapor ${lang}: the report answered ${res.status()}`);
	await page.waitForSelector('.terima');
	await judges.judge(page, `/lapor ${lang} (tanda terima)`, await res.text(), { fit: true });
	return (await page.$$eval('.kode span', (s) => s.map((x) => x.textContent))).join('-');
}

async function publicPages(lang) {
	const page = await context(lang);
	const code = await lapor(page, lang);
	await visit(page, `/ ${lang}`, '/');
	await visit(page, `/status ${lang}`, '/status');
	await visit(page, `/status/{kode} ${lang}`, `/status/${code}`);
	await visit(page, `/status/{kode} ${lang} (salah ketik, 400)`, `/status/${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`, 400);
	await visit(page, `/status/{kode} ${lang} (tidak ada, 404)`, `/status/${unknownCode(code)}`, 404);
	await visit(page, `/boleh ${lang}`, '/boleh');
	await visit(page, `/boleh ${lang} (jawaban)`, '/boleh?butir=D-7&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024');
	await visit(page, `/boleh ${lang} (teks)`, '/boleh?teks=' + encodeURIComponent('ASN ikut kampanye dan memakai atribut partai'));
	await visit(page, `/transparansi ${lang}`, '/transparansi');
	await visit(page, `/masuk ${lang}`, '/masuk');
	await page.fill('input[name=username]', 'pengawas_kutim');
	await page.fill('input[name=password]', 'bukan sandinya');
	await submitted(page, `/masuk ${lang} (sandi salah)`, 'main button[type=submit]');
	await visit(page, `404 ${lang}`, '/tidak/ada', 404);
	// the HTML error page of a form sent in a shape no form has (415)
	const r = await fetch(srv.base + '/masuk', { method: 'POST', body: 'x',
		headers: { 'Content-Type': 'text/plain', Cookie: `lang=${lang}` } });
	await replay(page, `415 ${lang} (halaman galat HTML)`, '/masuk', r.status, await r.text(), 415);
	await page.context().close();
}

async function officerPages(lang, full, ppkCase) {
	const page = await context(lang, 'pengawas_kutim');
	await judges.judge(page, `/kantor ${lang}`, await (await page.goto(srv.base + '/kantor')).text());
	await visit(page, `/kantor ${lang} (saringan kosong)`, '/kantor?q=tidak+ada+yang+cocok');
	await visit(page, `/kantor/kasus/{id} ${lang} (linimasa lengkap)`, `/kantor/kasus/${full.id}`, 200, { fit: true });
	await visit(page, `/kantor/kasus/{id}/cetak ${lang}`, `/kantor/kasus/${full.id}/cetak`, 200, { fit: true });
	await visit(page, `/kantor/registri ${lang}`, '/kantor/registri');
	await visit(page, `/kantor/registri ${lang} (hasil)`, '/kantor/registri?q=ahmad+yani');
	await visit(page, `/kantor/registri ${lang} (galat)`, '/kantor/registri?q=12345', 400);
	await visit(page, `/kantor/aturan ${lang}`, '/kantor/aturan');
	await visit(page, `/kantor/aturan/D-8 ${lang}`, '/kantor/aturan/D-8');
	await visit(page, `/kantor/kalender ${lang}`, '/kantor/kalender');
	await visit(page, `/kantor/kalender ${lang} (2025)`, '/kantor/kalender?tahun=2025');
	await visit(page, `/kantor/penyaringan ${lang}`, '/kantor/penyaringan');
	const item = await page.getAttribute('article.saring-item h2 a', 'href');
	await visit(page, `/kantor/penyaringan/{id} ${lang}`, item);
	await visit(page, `/kantor/dasbor ${lang}`, '/kantor/dasbor');
	await visit(page, `/kantor/aturan/X-99 ${lang} (404)`, '/kantor/aturan/X-99', 404);
	await visit(page, `/kantor/admin ${lang} (403)`, '/kantor/admin', 403);
	await page.context().close();

	const ppk = await context(lang, 'ppk_kutim');
	await visit(ppk, `/kantor/kasus/{id} ${lang} (formulir sanksi PPK)`, `/kantor/kasus/${ppkCase.id}`, 200, { fit: true });
	await ppk.context().close();

	const cust = await context(lang, 'custodian_prov');
	await cust.goto(`${srv.base}/kantor/kasus/${full.id}`);
	await cust.fill('#pelapor-alasan', 'Majelis pemeriksa memerlukan keterangan pelapor sebagai saksi.');
	await cust.fill('#pelapor-sandi', 'frasa yang salah sama sekali');
	await submitted(cust, `/kantor/kasus/{id} ${lang} (frasa sandi salah)`, 'form[action$="/pelapor"] button[type=submit]');
	await cust.fill('#pelapor-alasan', 'Majelis pemeriksa memerlukan keterangan pelapor sebagai saksi.');
	await cust.fill('#pelapor-sandi', SEAL_PASSPHRASE);
	await submitted(cust, `/kantor/kasus/{id}/pelapor ${lang}`, 'form[action$="/pelapor"] button[type=submit]', 200);
	await cust.context().close();

	const admin = await context(lang, 'admin');
	await visit(admin, `/kantor/admin ${lang}`, '/kantor/admin');
	await admin.fill('#u-username', 'Nama Tidak Sah');
	await admin.fill('#u-full_name', 'Petugas Baru Kutai Timur');
	await admin.selectOption('#u-role', 'pengawas');
	await admin.selectOption('#u-office', 'bawaslu-64.08');
	await submitted(admin, `/kantor/admin ${lang} (galat formulir)`, '#pengguna-baru ~ form button[type=submit]');
	await admin.fill('#u-username', `baru_${lang}`);
	await submitted(admin, `/kantor/admin/sandi/{id} ${lang}`, '#pengguna-baru ~ form button[type=submit]', 200);
	await visit(admin, `/kantor/admin/sandi/{id} ${lang} (410)`, new URL(admin.url()).pathname, 410);
	await visit(admin, `/kantor/admin/kalender ${lang} (403: provincial admin)`, '/kantor/admin/kalender', 403);
	await admin.context().close();
	// the calendar is national: a national office's admin maintains it
	const ri = await context(lang, 'admin_ri');
	await visit(ri, `/kantor/admin/kalender ${lang}`, '/kantor/admin/kalender');
	await visit(ri, `/kantor/admin/kalender?tahun=2027 ${lang}`, '/kantor/admin/kalender?tahun=2027');
	await ri.context().close();
}

try {
	const full = await caseThrough('Drs. H. Ahmad Yani, M.Si.', '197805122005011003');
	const ppkCase = await caseThrough('Rina Marlina, S.Pd.', '198203152006042001', 'ppk');
	for (const lang of ['id', 'en']) {
		await publicPages(lang);
		await officerPages(lang, full, ppkCase);
	}
	judges.finish();
} catch (e) {
	fail('every page before the judges', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
