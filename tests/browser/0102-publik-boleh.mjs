// 0102 "Boleh atau tidak?": the decision aid answers a permitted conduct
// (B-2, attending a campaign as a listener; B-1, voting) with BOLEH and a
// forbidden one (D-6, posting support on social media) with DILARANG and a
// level, the PPK's forms and the legal basis; free text is read; a village
// head is not ASN; an empty question is refused with a message.  The form
// is a GET form, so answers are links; it works without JavaScript.
import { browser, check, done, fail, newPage, shot, startServer } from './lib.mjs';

async function ask(page, fill) {
	await fill();
	await Promise.all([page.waitForNavigation(), page.click('form.boleh button[type=submit]')]);
}

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	for (const js of [false, true]) {
		const tag = js ? 'js' : 'nojs';
		const page = await newPage(b, { javascript: js });
		await page.goto(srv.base + '/boleh');
		check(`${tag}: the aid opens with the form and no answer`, (await page.locator('#jawaban').count()) === 0);
		check(`${tag}: today is the default date`, (await page.inputValue('#f-tanggal')) === '2024-02-09');
		await shot(page, `publik-boleh-form-${tag}`);

		await ask(page, async () => {
			await page.selectOption('#f-butir', 'B-2');
			await page.selectOption('#f-status', 'PNS');
			await page.fill('#f-tanggal', '2024-02-05');
		});
		check(`${tag}: B-2 (listener at a campaign) is BOLEH`, (await page.textContent('.vonis')).trim() === 'BOLEH');
		check(`${tag}: the answer is a link`, page.url().includes('butir=B-2') && page.url().includes('status=PNS'));
		check(`${tag}: the answer says when it would be forbidden`, (await page.locator('#jawaban h3', { hasText: 'Bisa menjadi pelanggaran' }).count()) === 1);
		await shot(page, `publik-boleh-b2-${tag}`);

		await ask(page, async () => {
			await page.selectOption('#f-butir', 'D-6');
		});
		const d6 = await page.textContent('#jawaban');
		check(`${tag}: D-6 (posting support on social media) is DILARANG`, (await page.textContent('.vonis')).trim() === 'DILARANG');
		check(`${tag}: with its level`, d6.includes('hukuman disiplin berat'));
		check(`${tag}: with the forms the PPK may choose`, (await page.locator('#jawaban ol.bentuk li').count()) >= 2);
		check(`${tag}: with the legal basis`, d6.includes('PP 94/2021 Pasal 14'));
		check(`${tag}: with where the matter goes`, d6.includes('KASN') && d6.includes('PPK'));
		await shot(page, `publik-boleh-d6-${tag}`);
		check(`${tag}: no console or CSP errors`, page.netraErrors.length === 0, page.netraErrors.join('\n'));
		await page.context().close();
	}

	const page = await newPage(b, { javascript: false });
	await page.goto(srv.base + '/boleh?butir=B-1&teks=&status=PNS&tanggal=2024-02-14&pemilihan=pemilu2024');
	check('B-1 (voting) is BOLEH', (await page.textContent('.vonis')).trim() === 'BOLEH');
	await page.goto(srv.base + '/boleh');
	await ask(page, async () => {
		await page.fill('#f-teks', 'Kepala dinas membagikan unggahan calon presiden di Facebook dan mengajak bawahannya memilih.');
		await page.selectOption('#f-status', 'PNS');
		await page.fill('#f-tanggal', '2024-02-05');
	});
	check('free text is read: DILARANG', (await page.textContent('.vonis')).trim() === 'DILARANG');
	check('the matched items are named', (await page.textContent('#jawaban')).includes('D-6'));
	await shot(page, 'publik-boleh-teks');
	await page.goto(srv.base + '/boleh?butir=D-8&teks=&status=kepala_desa&tanggal=2024-02-05&pemilihan=pemilu2024');
	check('a village head is BUKAN ASN', (await page.textContent('.vonis')).trim() === 'BUKAN ASN');
	check('and the page says where the matter goes', (await page.textContent('#jawaban')).includes('Bupati/Wali Kota'));
	await shot(page, 'publik-boleh-kades');
	let res = await page.goto(srv.base + '/boleh?butir=&teks=&status=PNS&tanggal=2024-02-05&pemilihan=');
	check('an empty question answers 400 with a message', res.status() === 400 && (await page.locator('.error-summary').count()) === 1);
	res = await page.goto(srv.base + '/boleh?butir=Z-99&teks=');
	check('an unknown item is refused next to the list', res.status() >= 400 && (await page.locator('#f-butir-err').count()) === 1);
	await page.goto(srv.base + '/boleh?butir=D-6&teks=&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024&lang=en');
	check('English on request', (await page.textContent('.vonis')).trim() === 'FORBIDDEN');
	await shot(page, 'publik-boleh-d6-en');
	await page.goto(srv.base + '/boleh?lang=id');
	check('no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));
} catch (e) {
	fail('decision aid', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
