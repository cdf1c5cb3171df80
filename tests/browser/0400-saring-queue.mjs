// 0400 the screening queue in real Chromium: `netra monitor` loads the test
// posts; a Kutai Timur officer sees its items best first with the matched
// words marked, opens one, dismisses one with a reason (an empty reason is
// refused next to the field), makes a temuan from another (the page links
// the new case), and a too-old item is refused with the daluarsa message.
// The province officer gives the region of an item whose region is
// unknown.  Without JavaScript the filters and forms work the same; the
// page is in English on request; a PPK office is refused.  Screenshots of
// every page go to build/screenshots/.
import { execFileSync } from 'node:child_process';
import { BIN, browser, check, done, fail, login, newPage, shot, startServer } from './lib.mjs';

const NOW = '2024-02-09T10:00:00+08:00';
const srv = await startServer(['--now', NOW]);
execFileSync(BIN, ['monitor', 'tests/data/screening/posts.jsonl', '--accounts',
	'tests/data/screening/accounts.csv', '--election', 'pemilu2024', '--data', srv.data,
	'--log-level', 'error', '--now', '2024-02-09T09:00:00+08:00'], { encoding: 'utf8', stdio: 'pipe' });
const b = await browser();

// every visible form control has a label pointing at it
async function unlabelled(page) {
	return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
		.filter((e) => e.type !== 'hidden')
		.filter((e) => !e.id || !document.querySelector(`label[for="${e.id}"]`))
		.map((e) => e.name));
}

try {
	const page = await newPage(b);
	await login(page, srv.base, 'pengawas_kutim');
	let res = await page.goto(srv.base + '/kantor/penyaringan');
	check('the queue answers 200', res.status() === 200);
	check('one h1 and a title', (await page.locator('h1').count()) === 1 &&
		(await page.title()).startsWith('Penyaringan'));
	const cards = page.locator('article.saring-item');
	check('Kutai Timur sees its 3 items', (await cards.count()) === 3, await cards.count());
	const scores = await page.locator('article.saring-item .score').allTextContents();
	check('best first', scores.join() === [...scores].sort().reverse().join(), scores.join());
	check('matched words are marked', (await page.locator('article mark.k-actor').count()) >= 2);
	check('no item of Balikpapan or of unknown region',
		!(await page.textContent('main')).includes('siti.guru') &&
		!(await page.textContent('main')).includes('warga_kutim'));
	check('every control has a label', (await unlabelled(page)).length === 0,
		(await unlabelled(page)).join());
	await shot(page, 'penyaringan');

	// an item, with its explanation
	await page.click('article.saring-item:first-of-type h2 a');
	check('the item page opens', (await page.locator('h1').textContent()).includes('#'));
	check('the explanation is there', (await page.locator('details.explain pre').textContent())
		.includes('Kesimpulan'));
	check('the confirm form is prefilled from the watched account',
		(await page.inputValue('#c-nama')) === 'Budi Santoso' &&
		(await page.inputValue('#c-nip')) === '198203152006041002');
	check('every control has a label', (await unlabelled(page)).length === 0,
		(await unlabelled(page)).join());
	await page.click('details.explain summary');
	await shot(page, 'penyaringan-butir');

	// make a temuan
	await page.fill('#c-note', 'Unggahan masih tayang saat diperiksa.');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/konfirmasi"] button')]);
	check('after confirming: the success message', (await page.locator('.success').count()) === 1);
	const caseLink = await page.getAttribute('.success a', 'href');
	check('it links the new case', /^\/kantor\/kasus\/\d+$/.test(caseLink || ''), caseLink);
	check('the forms are gone once decided', (await page.locator('form[action$="/konfirmasi"]').count()) === 0);
	await shot(page, 'penyaringan-temuan');

	// the too-old item: daluarsa, shown next to the form
	await page.goto(srv.base + '/kantor/penyaringan');
	await page.click('article.saring-item:has-text("Teluk Lingga") h2 a');
	res = await Promise.all([page.waitForNavigation(),
		page.click('form[action$="/konfirmasi"] button')]).then((r) => r[0]);
	check('a too-old item answers 422', res.status() === 422, res.status());
	check('with the daluarsa message and the dates', (await page.textContent('.alert'))
		.includes('melewati batas waktu') && (await page.textContent('.alert')).includes('2024-01-10'));
	await shot(page, 'penyaringan-daluarsa');

	// dismiss: a blank reason is refused inline, a real one recorded
	await page.goto(srv.base + '/kantor/penyaringan?label=unrelated');
	check('the label filter', (await cards.count()) === 1);
	await page.click('article.saring-item h2 a');
	await page.fill('#d-reason', '   ');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/abaikan"] button')]);
	check('a blank reason is refused next to the field', (await page.locator('#d-reason-err').count()) === 1);
	await shot(page, 'penyaringan-abaikan-galat');
	await page.fill('#d-reason', 'Ucapan selamat pagi, bukan kampanye.');
	await Promise.all([page.waitForNavigation(), page.click('form[action$="/abaikan"] button')]);
	check('dismissed: the success message', (await page.locator('.success').count()) === 1);
	check('the reason is shown with the decision', (await page.textContent('main')).includes('bukan kampanye'));
	await shot(page, 'penyaringan-diabaikan');

	await page.goto(srv.base + '/kantor/penyaringan?state=dikonfirmasi');
	check('the confirmed list links the case', (await page.locator('article a[href^="/kantor/kasus/"]').count()) === 1);
	await page.click('details.stats summary');
	check('the tuning table shows the decisions', (await page.locator('details.stats tbody tr').count()) >= 1);
	await shot(page, 'penyaringan-dikonfirmasi');
	check('no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));

	// the province gives the region of an item of unknown region, without JavaScript
	const nojs = await newPage(b, { javascript: false });
	await login(nojs, srv.base, 'pengawas_prov');
	await nojs.goto(srv.base + '/kantor/penyaringan?min_score=0,9');
	check('without JavaScript the filters work (0,9 with a comma)',
		(await nojs.locator('article.saring-item').count()) >= 2);
	await nojs.click('article.saring-item:has-text("warga_kutim") h2 a');
	check('the region must be chosen', (await nojs.getAttribute('#c-region', 'required')) !== null);
	await nojs.selectOption('#c-region', '64.08');
	await nojs.fill('#c-nama', 'Camat Bengalon');
	await nojs.selectOption('#c-status', 'PNS');
	await Promise.all([nojs.waitForNavigation(), nojs.click('form[action$="/konfirmasi"] button')]);
	check('confirmed without JavaScript', (await nojs.locator('.success a').count()) === 1);
	await shot(nojs, 'penyaringan-provinsi-nojs');

	await nojs.goto(srv.base + '/kantor/penyaringan?lang=en');
	check('English on request', (await nojs.locator('h1').textContent()) === 'Screening queue');
	await shot(nojs, 'penyaringan-en');
	await nojs.goto(srv.base + '/kantor/penyaringan?lang=id');

	const ppk = await newPage(b);
	await login(ppk, srv.base, 'ppk_kutim');
	res = await ppk.goto(srv.base + '/kantor/penyaringan');
	check('a PPK office is refused with 403', res.status() === 403);
	await shot(ppk, 'penyaringan-ppk-403');

	const anon = await newPage(b);
	await anon.goto(srv.base + '/kantor/penyaringan');
	check('the public is sent to the login page', anon.url().includes('/masuk?next='));
} catch (e) {
	fail('screening queue in the browser', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
