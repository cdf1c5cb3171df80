// 0001 basics in real Chromium: the home page renders without script or
// CSP errors, in Indonesian and in English; the officers' login form refuses
// a wrong password with a message and accepts a right one (the session
// cookie is HttpOnly and SameSite=Strict).
import { browser, check, done, fail, newPage, password, shot, startServer } from './lib.mjs';

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	const page = await newPage(b);
	const res = await page.goto(srv.base + '/');
	check('home page answers 200', res.status() === 200);
	check('home page is Indonesian', (await page.getAttribute('html', 'lang')) === 'id');
	check('home page has a title', (await page.title()).length > 0);
	check('the clock override banner is shown', (await page.textContent('.banner')).includes('2024-02-09'));
	await shot(page, 'beranda');
	await page.goto(srv.base + '/?lang=en');
	check('English on request', (await page.getAttribute('html', 'lang')) === 'en');
	await shot(page, 'beranda-en');
	await page.goto(srv.base + '/?lang=id');

	await page.goto(srv.base + '/masuk');
	await shot(page, 'masuk');
	await page.fill('input[name=username]', 'pengawas_kutim');
	await page.fill('input[name=password]', 'salah sama sekali');
	await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
	check('a wrong password shows an error', (await page.locator('.alert').count()) === 1);
	await page.fill('input[name=password]', password('pengawas_kutim'));
	await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
	const cookies = await page.context().cookies();
	const sesi = cookies.find((c) => c.name === 'netra_sesi');
	check('login sets the session cookie', !!sesi);
	check('the cookie is HttpOnly and SameSite=Strict', sesi && sesi.httpOnly && sesi.sameSite === 'Strict');
	check('no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));
} catch (e) {
	fail('browser basics', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
