/*
 * test_session.c - login, token resolution, logout and API tokens against
 * a real store, plus the account administration that ends sessions
 * (password change, disabling).  Instants for resolution are passed in;
 * the login itself stamps clock_now(), which the tests read back rather
 * than assume.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/admin.h"
#include "auth/auth.h"
#include "core/datetime.h"
#include "store/store.h"
#include "store/store_users.h"

static char dir[256];
static struct store *st;
static struct store_user budi, ppk;
static struct store_office kutim, pemkab;

static int
setup(void **state)
{
	struct store_opts o = {dir, NULL, 2, 256, false};
	struct auth_office_new bawaslu = {
		"bawaslu-6408", "Bawaslu Kutai Timur", "bawaslu", "kabkota", "64.08", NULL, "WITA"};
	struct auth_office_new pk = {"pemkab-kutim", "Pemerintah Kabupaten Kutai Timur",
				     "ppk",          "instansi",
				     "64.08",        NULL,
				     "WITA"};
	struct auth_user_new u = {"budi", "Budi Santoso", ROLE_PENGAWAS, "bawaslu-6408",
				  "kuda-laut-biru-7"};
	struct auth_user_new u2 = {"ppk-kutim", NULL, ROLE_PPK, "pemkab-kutim", "sepeda-merah-99"};
	struct errbuf eb;
	int applied;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-session.XXXXXX");
	assert_non_null(mkdtemp(dir));
	o.data_dir = dir;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	assert_int_equal(auth_office_add(st, &bawaslu, &kutim, &eb), 0);
	assert_int_equal(auth_office_add(st, &pk, &pemkab, &eb), 0);
	assert_int_equal(auth_user_add(st, &u, &budi, &eb), 0);
	assert_int_equal(auth_user_add(st, &u2, &ppk, &eb), 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void
test_admin_rules(void **state)
{
	struct auth_user_new u = {"budi", NULL, ROLE_PENGAWAS, "bawaslu-6408", "kuda-laut-biru-7"};
	struct auth_office_new o = {"bawaslu-6408", "Lagi", "bawaslu", "kabkota",
				    "64.08",        NULL,   "WITA"};
	struct errbuf eb;

	(void)state;
	assert_int_equal(auth_user_add(st, &u, NULL, &eb), -1); /* taken */
	assert_int_equal(eb.kind, ERR_CONFLICT);
	u.username = "rina";
	u.office_code = "tidak-ada";
	assert_int_equal(auth_user_add(st, &u, NULL, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "office_not_found");
	u.office_code = "pemkab-kutim"; /* a pengawas does not work at a PPK office */
	assert_int_equal(auth_user_add(st, &u, NULL, &eb), -1);
	assert_string_equal(eb.field, "role");
	u.office_code = "bawaslu-6408";
	u.password = "rina-RINA-rina"; /* fine */
	u.username = "rina-rina-rina";
	assert_int_equal(auth_user_add(st, &u, NULL, &eb), -1); /* username as password */
	assert_string_equal(errbuf_code(&eb), "weak_password");
	assert_int_equal(auth_office_add(st, &o, NULL, &eb), -1);
	assert_int_equal(eb.kind, ERR_CONFLICT);
	o.code = "bawaslu-6408-01";
	o.level = "kecamatan";
	o.region = "64.71.01";
	o.parent_code = "bawaslu-6408"; /* Balikpapan is not inside Kutai Timur */
	assert_int_equal(auth_office_add(st, &o, NULL, &eb), -1);
	assert_string_equal(eb.field, "region");
	o.region = "64.08.01";
	o.tz = NULL; /* inherited */
	assert_int_equal(auth_office_add(st, &o, NULL, &eb), 0);
	assert_int_equal(auth_user_passwd(st, "tidak-ada", "kuda-laut-biru-8", &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
}

static void
test_login_and_resolve(void **state)
{
	char token[AUTH_TOKEN_LEN], token2[AUTH_TOKEN_LEN];
	unsigned char hash[AUTH_HASH_BYTES];
	struct principal p, q;
	struct errbuf eb;
	bool touched;
	int64_t now;

	(void)state;
	assert_int_equal(auth_login(st, "budi", "kuda-laut-biru-7", token, &p, &eb), 0);
	now = clock_now();
	assert_true(auth_token_wellformed(token, strlen(token)));
	assert_int_equal(p.user_id, budi.id);
	assert_int_equal(p.role, ROLE_PENGAWAS);
	assert_string_equal(p.office_code, "bawaslu-6408");
	assert_string_equal(p.region_prefix, "64.08");
	assert_string_equal(p.tz, "WITA");
	assert_true(p.via_cookie);
	assert_int_equal(strlen(p.csrf), 43);

	/* the cookie resolves to the same principal, with the same CSRF token */
	assert_int_equal(
		auth_resolve(st, AUTH_VIA_COOKIE, token, strlen(token), now, &q, &touched, &eb), 0);
	assert_int_equal(q.user_id, budi.id);
	assert_string_equal(q.full_name, "Budi Santoso");
	assert_string_equal(q.csrf, p.csrf);
	assert_true(q.via_cookie);
	assert_false(touched); /* fresh: nothing to extend */
	/* a session token is not an API token */
	assert_int_equal(
		auth_resolve(st, AUTH_VIA_BEARER, token, strlen(token), now, &q, NULL, &eb), -1);
	assert_int_equal(eb.kind, ERR_UNAUTHORIZED);
	assert_int_equal(q.role, ROLE_NONE);
	assert_int_equal(q.user_id, 0);
	/* garbage and near-misses are anonymous */
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, "garbage", 7, now, &q, NULL, &eb), -1);
	memcpy(token2, token, sizeof(token2));
	token2[0] = token2[0] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token2, 43, now, &q, NULL, &eb), -1);

	/* sliding expiry: an hour later one refresh is queued */
	assert_int_equal(
		auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now + 3600, &q, &touched, &eb), 0);
	assert_true(touched);
	/* the refresh is asynchronous; a later write sees it done (one writer, FIFO) */
	auth_token_new(token2, hash);
	assert_int_equal(auth_logout(st, token2, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43,
				      now + 3600 + AUTH_SESSION_IDLE_S - 1, &q, NULL, &eb),
			 0);
	/* ... but never past the absolute limit */
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now + AUTH_SESSION_MAX_S, &q,
				      NULL, &eb),
			 -1);
	/* idle too long without the refresh: expired */
	assert_int_equal(auth_login(st, "budi", "kuda-laut-biru-7", token2, &p, &eb), 0);
	now = clock_now();
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token2, 43, now + AUTH_SESSION_IDLE_S,
				      &q, NULL, &eb),
			 -1);

	/* logout ends it; a second logout is harmless */
	assert_int_equal(auth_logout(st, token, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now, &q, NULL, &eb), -1);
	assert_int_equal(auth_logout(st, token, &eb), 0);
}

static void
test_login_failures(void **state)
{
	char token[AUTH_TOKEN_LEN];
	struct principal p;
	struct errbuf eb;

	(void)state;
	/* unknown user, wrong password, disabled account: one answer */
	assert_int_equal(auth_login(st, "budi", "kuda-laut-biru-8", token, &p, &eb), -1);
	assert_int_equal(eb.kind, ERR_UNAUTHORIZED);
	assert_string_equal(errbuf_code(&eb), "login_failed");
	assert_string_equal(token, "");
	assert_int_equal(p.user_id, 0);
	assert_int_equal(auth_login(st, "siapa", "kuda-laut-biru-7", token, &p, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "login_failed");
	assert_int_equal(auth_login(st, "", "kuda-laut-biru-7", token, &p, &eb), -1);
	assert_int_equal(auth_login(st, "budi", "", token, &p, &eb), -1);
	/* usernames are case-insensitive at login */
	assert_int_equal(auth_login(st, "BUDI", "kuda-laut-biru-7", token, &p, &eb), 0);
	assert_int_equal(p.user_id, budi.id);
	assert_int_equal(auth_logout(st, token, &eb), 0);
}

static void
test_admin_ends_sessions(void **state)
{
	char token[AUTH_TOKEN_LEN], api[AUTH_TOKEN_LEN];
	struct principal p;
	struct errbuf eb;
	int64_t now, count;

	(void)state;
	assert_int_equal(auth_login(st, "budi", "kuda-laut-biru-7", token, &p, &eb), 0);
	now = clock_now();
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now, &p, NULL, &eb), 0);
	/* a new password ends the session; the old password stops working */
	assert_int_equal(auth_user_passwd(st, "budi", "budi", &eb), -1);
	assert_int_equal(auth_user_passwd(st, "budi", "ikan-paus-hijau-3", &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now, &p, NULL, &eb), -1);
	assert_int_equal(auth_login(st, "budi", "kuda-laut-biru-7", token, &p, &eb), -1);
	assert_int_equal(auth_login(st, "budi", "ikan-paus-hijau-3", token, &p, &eb), 0);

	/* API tokens act as their user, need a name, and die with the account */
	assert_int_equal(auth_token_create(st, budi.id, "", api, &eb), -1);
	assert_string_equal(eb.field, "name");
	assert_int_equal(auth_token_create(st, budi.id, "a\nb", api, &eb), -1);
	assert_int_equal(auth_token_create(st, 9999, "skrip", api, &eb), -1);
	assert_string_equal(api, "");
	assert_int_equal(auth_token_create_until(st, budi.id, "lama", now - 1, api, &eb), -1);
	assert_int_equal(auth_token_create(st, budi.id, "skrip", api, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now, &p, NULL, &eb), 0);
	assert_int_equal(p.user_id, budi.id);
	assert_false(p.via_cookie);
	assert_string_equal(p.csrf, "");
	assert_int_equal(auth_user_set_active(st, "budi", false, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now, &p, NULL, &eb), -1);
	assert_int_equal(auth_resolve(st, AUTH_VIA_COOKIE, token, 43, now, &p, NULL, &eb), -1);
	assert_int_equal(auth_login(st, "budi", "ikan-paus-hijau-3", token, &p, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "login_failed"); /* no hint it exists */
	assert_int_equal(auth_token_create(st, budi.id, "baru", token, &eb), -1);
	assert_int_equal(auth_user_set_active(st, "budi", true, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now, &p, NULL, &eb), 0);
	/* revocation by name */
	assert_int_equal(auth_token_revoke_named(st, "budi", "skrip", &count, &eb), 0);
	assert_int_equal(count, 1);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now, &p, NULL, &eb), -1);
	/* an expiring token */
	assert_int_equal(auth_token_create_until(st, budi.id, "harian", now + 100, api, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now + 99, &p, NULL, &eb), 0);
	assert_int_equal(auth_resolve(st, AUTH_VIA_BEARER, api, 43, now + 100, &p, NULL, &eb), -1);
}

static void
test_ppk_principal(void **state)
{
	char token[AUTH_TOKEN_LEN];
	struct store_scope sc;
	struct principal p;
	struct errbuf eb;

	(void)state;
	assert_int_equal(auth_login(st, "ppk-kutim", "sepeda-merah-99", token, &p, &eb), 0);
	assert_int_equal(p.role, ROLE_PPK);
	assert_int_equal(p.office_id, pemkab.id);
	assert_string_equal(p.office_kind, "ppk");
	auth_scope(&p, &sc);
	assert_int_equal(sc.ppk_office_id, pemkab.id);
	assert_true(sc.recommended_only);
	assert_false(auth_region_allows(&p, "64.08"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_rules),    cmocka_unit_test(test_login_and_resolve),
		cmocka_unit_test(test_login_failures), cmocka_unit_test(test_admin_ends_sessions),
		cmocka_unit_test(test_ppk_principal),
	};

	/* one database, tests in order */
	return cmocka_run_group_tests(tests, setup, teardown);
}
