// 0301 administration in real Chromium, without JavaScript: the admin page
// lists users and offices, creates a user whose one-time password is shown
// once on its own page (the form posts, the browser is redirected), and that
// user can then sign in with it; a bad username is refused next to its
// field; a user can be disabled and can then no longer sign in; an office is
// created; a pengawas is refused the page.  Screenshots of every page.
import { browser, check, done, fail, login, newPage, shot, startServer } from './lib.mjs';

const srv = await startServer(['--now', '2024-02-09T10:00:00+08:00']);
const b = await browser();
try {
	const page = await newPage(b, { javascript: false, viewport: { width: 1280, height: 900 } });
	await login(page, srv.base, 'admin');
	let res = await page.goto(srv.base + '/kantor/admin');
	check('admin page answers 200', res.status() === 200);
	check('admin page has one h1', (await page.locator('h1').count()) === 1);
	check('it lists the users of the province', (await page.locator('#pengguna tbody th', { hasText: 'pengawas_kutim' }).count()) === 1);
	check('every input has a label', await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select')]
		.every((i) => i.id && document.querySelector(`label[for="${i.id}"]`))));
	await shot(page, 'admin');

	// a bad username is refused next to its field, the form keeps its values
	await page.fill('#u-username', 'Petugas Baru');
	await page.fill('#u-full_name', 'Petugas Baru Kutai Timur');
	await page.selectOption('#u-role', 'pengawas');
	await page.selectOption('#u-office', 'bawaslu-64.08');
	await Promise.all([page.waitForNavigation(), page.click('#pengguna-baru ~ form button[type=submit]')]);
	check('a bad username is shown as an error', (await page.locator('#pengguna .field-error').count()) === 1);
	check('the form keeps what was typed', (await page.inputValue('#u-full_name')) === 'Petugas Baru Kutai Timur');
	await shot(page, 'admin-error');

	await page.fill('#u-username', 'petugas_baru');
	await Promise.all([page.waitForNavigation(), page.click('#pengguna-baru ~ form button[type=submit]')]);
	check('after saving, the one-time password page', page.url().includes('/kantor/admin/sandi/'));
	const pw = (await page.textContent('#sandi')).trim();
	check('a password is shown', pw.length >= 20, pw);
	await shot(page, 'admin-sandi');
	const once = page.url();
	res = await page.goto(once);
	check('it is shown only once', res.status() === 410 && (await page.locator('#sandi').count()) === 0);
	await shot(page, 'admin-sandi-habis');

	// the new user signs in with it
	const fresh = await newPage(b, { javascript: false });
	await fresh.goto(srv.base + '/masuk');
	await fresh.fill('input[name=username]', 'petugas_baru');
	await fresh.fill('input[name=password]', pw);
	await Promise.all([fresh.waitForNavigation(), fresh.click('button[type=submit]')]);
	check('the new user can sign in', new URL(fresh.url()).pathname.startsWith('/kantor'),
		fresh.url());

	// disable them: they can no longer sign in
	await page.goto(srv.base + '/kantor/admin');
	const row = page.locator('#pengguna tbody tr', { has: page.locator('th', { hasText: 'petugas_baru' }) });
	await Promise.all([page.waitForNavigation(), row.locator('button.danger').click()]);
	check('disabling reports success', (await page.locator('.success').count()) === 1);
	check('the user shows as disabled', (await row.textContent()).includes('Nonaktif'));
	const again = await newPage(b, { javascript: false });
	await again.goto(srv.base + '/masuk');
	await again.fill('input[name=username]', 'petugas_baru');
	await again.fill('input[name=password]', pw);
	await Promise.all([again.waitForLoadState(), again.click('button[type=submit]')]);
	check('a disabled user cannot sign in', (await again.locator('.alert').count()) === 1);

	// a new office
	await page.fill('#o-code', 'panwascam-64.08.01');
	await page.fill('#o-name', 'Panwaslu Kecamatan Sangatta Utara');
	await page.selectOption('#o-kind', 'bawaslu');
	await page.selectOption('#o-level', 'kecamatan');
	await page.fill('#o-region', '64.08.01');
	await page.selectOption('#o-parent', 'bawaslu-64.08');
	await Promise.all([page.waitForNavigation(), page.click('#kantor-baru ~ form button[type=submit]')]);
	check('the office is created', (await page.locator('#kantor tbody th', { hasText: 'panwascam-64.08.01' }).count()) === 1);
	await shot(page, 'admin-kantor');
	check('no console or CSP errors', page.netraErrors.length === 0, page.netraErrors.join('\n'));

	// not for a pengawas
	const other = await newPage(b);
	await login(other, srv.base, 'pengawas_kutim');
	res = await other.goto(srv.base + '/kantor/admin');
	check('a pengawas is refused the admin page', res.status() === 403);
	await shot(other, 'admin-ditolak');
} catch (e) {
	fail('administration', e.stack);
} finally {
	await b.close();
	await srv.stop();
	done();
}
