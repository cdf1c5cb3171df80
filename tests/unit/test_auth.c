/*
 * test_auth.c - the pure parts of auth: roles, the permission table,
 * region prefixes and scopes, the password policy and argon2id hashes,
 * token shape and hashing (with an independent BLAKE2b vector), the rate
 * limiter (time is a parameter, never the clock), header and body
 * parsing, and the CSRF decision.
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
#include "store/store.h"

static struct principal
user(enum role r, const char *region, int64_t office_id)
{
	struct principal p;

	auth_principal_anonymous(&p);
	p.user_id = 7;
	p.role = r;
	p.office_id = office_id;
	snprintf(p.region_prefix, sizeof(p.region_prefix), "%s", region);
	return p;
}

static void
test_roles(void **state)
{
	enum role r;
	int i;

	(void)state;
	for (i = ROLE_ADMIN; i < ROLE__COUNT; i++) {
		assert_int_equal(role_parse(role_name((enum role)i), &r), 0);
		assert_int_equal(r, i);
	}
	assert_int_equal(role_parse("anonim", &r), -1); /* the public is not a role */
	assert_int_equal(role_parse("Admin", &r), -1);
	assert_int_equal(role_parse("", &r), -1);
	assert_int_equal(role_parse(NULL, &r), -1);
	assert_string_equal(role_name(ROLE__COUNT), "?");
	assert_string_equal(perm_name(PERM_PELAPOR_UNSEAL), "pelapor_unseal");
}

static void
test_permission_table(void **state)
{
	struct principal anon, p;
	int r, perm;

	(void)state;
	auth_principal_anonymous(&anon);
	for (perm = 0; perm < PERM__COUNT; perm++)
		assert_false(auth_can(&anon, (enum perm)perm));
	assert_false(auth_can(NULL, PERM_CASE_READ));

	/* only the custodian unseals; only the admin administers users */
	for (r = ROLE_ADMIN; r < ROLE__COUNT; r++) {
		p = user((enum role)r, "64", 1);
		assert_int_equal(auth_can(&p, PERM_PELAPOR_UNSEAL), r == ROLE_CUSTODIAN);
		assert_int_equal(auth_can(&p, PERM_USER_ADMIN), r == ROLE_ADMIN);
		assert_int_equal(auth_can(&p, PERM_CASE_TRIAGE), r == ROLE_PENGAWAS);
		assert_int_equal(auth_can(&p, PERM_TEMUAN_CREATE), r == ROLE_PENGAWAS);
		assert_true(auth_can(&p, PERM_CASE_READ));
		assert_true(auth_can(&p, PERM_DASHBOARD));
	}
	p = user(ROLE_ADMIN, "", 1);
	assert_true(auth_can(&p, PERM_AUDIT_READ));
	assert_false(auth_can(&p, PERM_CASE_TRANSITION));
	p = user(ROLE_AUDITOR, "64", 1);
	assert_true(auth_can(&p, PERM_AUDIT_READ));
	assert_true(auth_can(&p, PERM_EXPORT));
	assert_false(auth_can(&p, PERM_CASE_TRANSITION));
	p = user(ROLE_ANALIS, "", 1);
	assert_true(auth_can(&p, PERM_CASE_TRANSITION));
	assert_true(auth_can(&p, PERM_SCREENING));
	assert_false(auth_can(&p, PERM_AUDIT_READ));
	p = user(ROLE_PPK, "", 1);
	assert_true(auth_can(&p, PERM_CASE_TRANSITION));
	assert_false(auth_can(&p, PERM_EXPORT));
	assert_false(auth_can(&p, PERM_SCREENING));
	p = user(ROLE_CUSTODIAN, "64.08", 1);
	assert_false(auth_can(&p, PERM_CASE_TRANSITION));
	assert_false(auth_can(&p, PERM_EXPORT));
	/* a role with a user id of 0 is not signed in */
	p = user(ROLE_ADMIN, "", 1);
	p.user_id = 0;
	assert_false(auth_can(&p, PERM_CASE_READ));
	p = user(ROLE_ADMIN, "", 1);
	assert_false(auth_can(&p, PERM__COUNT));
}

static void
test_region_prefix(void **state)
{
	struct principal p = user(ROLE_PENGAWAS, "64.08", 3), anon;

	(void)state;
	assert_true(auth_region_allows(&p, "64.08"));
	assert_true(auth_region_allows(&p, "64.08.01"));
	assert_true(auth_region_allows(&p, "64.08.01.2001"));
	assert_false(auth_region_allows(&p, "64.081"));
	assert_false(auth_region_allows(&p, "64.71"));
	assert_false(auth_region_allows(&p, "64.0"));
	assert_false(auth_region_allows(&p, "64"));
	assert_false(auth_region_allows(&p, ""));
	assert_false(auth_region_allows(&p, NULL));
	assert_false(auth_region_allows(NULL, "64.08"));

	p = user(ROLE_AUDITOR, "64", 3);
	assert_true(auth_region_allows(&p, "64.71.01"));
	assert_false(auth_region_allows(&p, "640"));
	assert_false(auth_region_allows(&p, "65.01"));

	p = user(ROLE_ANALIS, "", 3); /* national */
	assert_true(auth_region_allows(&p, "91.01"));
	assert_true(auth_region_allows(&p, ""));

	auth_principal_anonymous(&anon); /* "" must not mean national for the public */
	assert_false(auth_region_allows(&anon, "64.08"));
	assert_false(auth_region_allows(&anon, ""));

	p = user(ROLE_PPK, "", 3); /* a PPK reads by track address, not region */
	assert_false(auth_region_allows(&p, "64.08"));

	p = user(ROLE_PENGAWAS, "64", 3); /* an unterminated prefix grants nothing */
	memset(p.region_prefix, '6', sizeof(p.region_prefix));
	assert_false(auth_region_allows(&p, "66666666666666666666666666666666"));

	assert_true(auth_region_within("", "64"));
	assert_true(auth_region_within("64.08", "64.08.01"));
	assert_false(auth_region_within("64.08", "64.081"));
	assert_false(auth_region_within(NULL, "64"));
}

static void
test_scope(void **state)
{
	struct store_scope sc;
	struct principal p;

	(void)state;
	auth_principal_anonymous(&p);
	auth_scope(&p, &sc);
	assert_true(sc.none);
	assert_false(sc.all);
	auth_scope(NULL, &sc);
	assert_true(sc.none);

	p = user(ROLE_PENGAWAS, "64.08", 3);
	auth_scope(&p, &sc);
	assert_false(sc.none);
	assert_false(sc.all);
	assert_string_equal(sc.region_prefix, "64.08");
	assert_int_equal(sc.ppk_office_id, 0);
	assert_false(sc.recommended_only);

	p = user(ROLE_ANALIS, "", 4);
	auth_scope(&p, &sc);
	assert_string_equal(sc.region_prefix, "");
	assert_true(sc.recommended_only);

	p = user(ROLE_ANALIS, "64", 4); /* a regional BKN office */
	auth_scope(&p, &sc);
	assert_string_equal(sc.region_prefix, "64");
	assert_true(sc.recommended_only);

	p = user(ROLE_PPK, "64.08", 9);
	auth_scope(&p, &sc);
	assert_false(sc.none);
	assert_int_equal(sc.ppk_office_id, 9);
	assert_string_equal(sc.region_prefix, "");
	assert_true(sc.recommended_only);

	p = user(ROLE_PPK, "64.08", 0);
	auth_scope(&p, &sc);
	assert_true(sc.none);

	p = user(ROLE_ADMIN, "64.71", 2);
	auth_scope(&p, &sc);
	assert_string_equal(sc.region_prefix, "64.71");
	assert_false(sc.all);

	p = user(ROLE_CUSTODIAN, "64.08", 3);
	auth_scope(&p, &sc);
	assert_string_equal(sc.region_prefix, "64.08");
}

static void
test_password_policy(void **state)
{
	struct errbuf eb;
	char big[AUTH_PASSWORD_MAX + 2];

	(void)state;
	assert_int_equal(auth_password_check("budi", "rahasia-sekali", &eb), 0);
	assert_int_equal(auth_password_check("budi", "pendek123", &eb), -1); /* 9 */
	assert_string_equal(errbuf_code(&eb), "weak_password");
	assert_int_equal(auth_password_check("budi", "1234567890", &eb), 0);
	assert_int_equal(auth_password_check("budisantoso", "BudiSantoso", &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(auth_password_check("budi", NULL, &eb), -1);
	/* characters, not bytes: ten two-byte letters pass, nine do not */
	assert_int_equal(auth_password_check("x",
					     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
					     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
					     &eb),
			 0);
	assert_int_equal(auth_password_check("x",
					     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
					     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
					     &eb),
			 -1);
	assert_int_equal(auth_password_check("x", "abcdefghij\xff", &eb), -1);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(auth_password_check("x", big, &eb), -1);
	big[AUTH_PASSWORD_MAX] = '\0';
	assert_int_equal(auth_password_check("x", big, &eb), 0);
}

static void
test_password_hash(void **state)
{
	char hash[AUTH_PASSWORD_BYTES], hash2[AUTH_PASSWORD_BYTES];
	struct errbuf eb;

	(void)state;
	assert_int_equal(auth_password_hash("kuda-laut-biru-7", hash, sizeof(hash), &eb), 0);
	assert_memory_equal(hash, "$argon2id$", 10);
	assert_null(strstr(hash, "kuda-laut-biru-7"));
	assert_true(auth_password_verify(hash, "kuda-laut-biru-7"));
	assert_false(auth_password_verify(hash, "kuda-laut-biru-8"));
	assert_false(auth_password_verify(hash, "Kuda-laut-biru-7"));
	assert_false(auth_password_verify(hash, ""));
	assert_false(auth_password_verify(hash, NULL));
	assert_false(auth_password_verify("", "kuda-laut-biru-7"));
	assert_false(auth_password_verify("$argon2id$v=19$rusak", "kuda-laut-biru-7"));
	/* salted: the same password hashes differently */
	assert_int_equal(auth_password_hash("kuda-laut-biru-7", hash2, sizeof(hash2), &eb), 0);
	assert_string_not_equal(hash, hash2);
	assert_true(auth_password_verify(hash2, "kuda-laut-biru-7"));
	/* the length rule applies to hashing too; small buffers are refused */
	assert_int_equal(auth_password_hash("pendek", hash, sizeof(hash), &eb), -1);
	assert_int_equal(auth_password_hash("kuda-laut-biru-7", hash, 16, &eb), -1);
}

static void
test_secret_generate(void **state)
{
	char a[64], b[64];
	size_t i;

	(void)state;
	auth_secret_generate(a, sizeof(a), 20);
	auth_secret_generate(b, sizeof(b), 20);
	assert_int_equal(strlen(a), 24); /* 5 groups of 4, 4 dashes */
	assert_string_not_equal(a, b);
	for (i = 0; a[i]; i++) {
		if (i % 5 == 4)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr("0123456789abcdefghjkmnpqrstvwxyz", a[i]));
	}
	auth_secret_generate(a, 8, 20); /* truncated, still terminated */
	assert_int_equal(strlen(a), 7);
}

static void
test_tokens(void **state)
{
	static const unsigned char want_a[32] = {
		0x63, 0x42, 0xb3, 0x84, 0xe5, 0xd6, 0x29, 0x4c, 0x5d, 0xf1, 0x11,
		0x01, 0x32, 0xb9, 0x3b, 0x97, 0xb3, 0x95, 0xa2, 0xff, 0x4c, 0xca,
		0x49, 0x8a, 0xf6, 0x37, 0xb3, 0xe0, 0x6b, 0x30, 0x95, 0xdd,
	};
	static const char mixed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_Q";
	static const unsigned char want_mixed[32] = {
		0xec, 0xc0, 0x72, 0x01, 0x57, 0xda, 0x05, 0x5d, 0x7e, 0xb9, 0x09,
		0x70, 0x79, 0xda, 0x98, 0x0a, 0x7e, 0x0f, 0x23, 0x01, 0x9d, 0x2b,
		0x2b, 0x59, 0xbf, 0x5d, 0x72, 0xd8, 0x55, 0x46, 0xd4, 0x42,
	};
	char t1[AUTH_TOKEN_LEN], t2[AUTH_TOKEN_LEN], as[44];
	unsigned char h1[AUTH_HASH_BYTES], h2[AUTH_HASH_BYTES], h[AUTH_HASH_BYTES];

	(void)state;
	/* BLAKE2b-256 vectors computed with Python's hashlib */
	memset(as, 'A', 43);
	as[43] = '\0';
	assert_int_equal(auth_token_hash(as, 43, h), 0);
	assert_memory_equal(h, want_a, 32);
	assert_int_equal(auth_token_hash(mixed, 43, h), 0);
	assert_memory_equal(h, want_mixed, 32);

	auth_token_new(t1, h1);
	auth_token_new(t2, h2);
	assert_int_equal(strlen(t1), 43);
	assert_true(auth_token_wellformed(t1, strlen(t1)));
	assert_string_not_equal(t1, t2);
	assert_memory_not_equal(h1, h2, AUTH_HASH_BYTES);
	assert_int_equal(auth_token_hash(t1, strlen(t1), h), 0);
	assert_memory_equal(h, h1, AUTH_HASH_BYTES);

	assert_false(auth_token_wellformed(t1, 42));
	assert_false(auth_token_wellformed(NULL, 43));
	assert_false(auth_token_wellformed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123+/Q", 43));
	/* non-canonical last character: would be a second spelling of a token */
	assert_false(auth_token_wellformed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_B", 43));
	assert_int_equal(auth_token_hash("short", 5, h), -1);
}

static void
test_ratelimit(void **state)
{
	struct ratelimit *rl = ratelimit_new(60, 3); /* one per second, burst 3 */
	struct ratelimit *slow = ratelimit_new(1, 2);
	struct ratelimit *off = ratelimit_new(0, 0);
	int i;

	(void)state;
	assert_true(ratelimit_peek(rl, "10.0.0.1", 100)); /* unseen: full */
	for (i = 0; i < 3; i++)
		assert_true(ratelimit_take(rl, "10.0.0.1", 100));
	assert_false(ratelimit_take(rl, "10.0.0.1", 100));
	assert_false(ratelimit_peek(rl, "10.0.0.1", 100));
	assert_true(ratelimit_take(rl, "10.0.0.2", 100)); /* keys are independent */
	assert_false(ratelimit_take(rl, "10.0.0.1", 99)); /* clock went back: no refill */
	assert_true(ratelimit_peek(rl, "10.0.0.1", 101)); /* one token per second */
	assert_true(ratelimit_peek(rl, "10.0.0.1", 101)); /* peek takes nothing */
	assert_true(ratelimit_take(rl, "10.0.0.1", 101));
	assert_false(ratelimit_take(rl, "10.0.0.1", 101));
	assert_true(ratelimit_take(rl, "10.0.0.1", 1000)); /* refilled, capped at burst */
	assert_true(ratelimit_take(rl, "10.0.0.1", 1000));
	assert_true(ratelimit_take(rl, "10.0.0.1", 1000));
	assert_false(ratelimit_take(rl, "10.0.0.1", 1000));

	/* one per minute: exact refill over many short steps (no rounding loss) */
	assert_true(ratelimit_take(slow, "u", 0));
	assert_true(ratelimit_take(slow, "u", 0));
	assert_false(ratelimit_take(slow, "u", 0));
	for (i = 1; i < 60; i++)
		assert_false(ratelimit_take(slow, "u", i));
	assert_true(ratelimit_take(slow, "u", 60));
	assert_false(ratelimit_take(slow, "u", 60));

	for (i = 0; i < 1000; i++)
		assert_true(ratelimit_take(off, "x", 0)); /* 0 per minute: unlimited */
	assert_true(ratelimit_take(NULL, "x", 0));

	/* a flood of distinct clients fills the fixed table; limits still hold */
	for (i = 0; i < 3 * RATELIMIT_SLOTS; i++) {
		char key[32];

		snprintf(key, sizeof(key), "192.0.2.%d", i);
		assert_true(ratelimit_take(rl, key, 2000));
	}
	assert_true(ratelimit_take(rl, "203.0.113.9", 2000));
	assert_true(ratelimit_take(rl, "203.0.113.9", 2000));
	assert_true(ratelimit_take(rl, "203.0.113.9", 2000));
	assert_false(ratelimit_take(rl, "203.0.113.9", 2000));
	ratelimit_free(rl);
	ratelimit_free(slow);
	ratelimit_free(off);
	ratelimit_free(NULL);
}

static void
test_parse_bearer(void **state)
{
	struct str t;

	(void)state;
	assert_int_equal(auth_parse_bearer("Bearer abc", 10, &t), 0);
	assert_true(str_eq_cstr(t, "abc"));
	assert_int_equal(auth_parse_bearer(" bearer \t x-y_z.~+/== ", 22, &t), 0);
	assert_true(str_eq_cstr(t, "x-y_z.~+/=="));
	assert_int_equal(auth_parse_bearer("BEARER q", 8, &t), 0);
	assert_int_equal(auth_parse_bearer("Bearer", 6, &t), -1);
	assert_int_equal(auth_parse_bearer("Bearer ", 7, &t), -1);
	assert_int_equal(auth_parse_bearer("Bearerabc", 9, &t), -1);
	assert_int_equal(auth_parse_bearer("Basic YWxhZGRpbg==", 18, &t), -1);
	assert_int_equal(auth_parse_bearer("Bearer a b", 10, &t), -1);
	assert_int_equal(auth_parse_bearer("Bearer a=b", 10, &t), -1);
	assert_int_equal(auth_parse_bearer("Bearer a\"", 9, &t), -1);
	assert_int_equal(auth_parse_bearer(NULL, 0, &t), -1);
	/* the length is respected: no NUL needed */
	assert_int_equal(auth_parse_bearer("Bearer abcXXXX", 10, &t), 0);
	assert_true(str_eq_cstr(t, "abc"));
}

static void
test_parse_cookie(void **state)
{
	const char *h = "a=1; netra_sesi_x=2; xnetra_sesi=3;netra_sesi=TOKEN ; b=\"q\"";
	struct str v;

	(void)state;
	assert_int_equal(auth_cookie_find(h, strlen(h), "netra_sesi", &v), 0);
	assert_true(str_eq_cstr(v, "TOKEN"));
	assert_int_equal(auth_cookie_find(h, strlen(h), "b", &v), 0);
	assert_true(str_eq_cstr(v, "q"));
	assert_int_equal(auth_cookie_find(h, strlen(h), "c", &v), -1);
	assert_int_equal(auth_cookie_find("netra_sesi=", 11, "netra_sesi", &v), 0);
	assert_int_equal(v.len, 0);
	assert_int_equal(auth_cookie_find("netra_sesi", 10, "netra_sesi", &v), -1);
	assert_int_equal(auth_cookie_find("x=1;;; netra_sesi=a=b", 21, "netra_sesi", &v), 0);
	assert_true(str_eq_cstr(v, "a=b"));
	assert_int_equal(auth_cookie_find("netra_sesi=one; netra_sesi=two", 30, "netra_sesi", &v),
			 0);
	assert_true(str_eq_cstr(v, "one")); /* the first wins */
	assert_int_equal(auth_cookie_find(NULL, 0, "netra_sesi", &v), -1);
	assert_int_equal(auth_cookie_find("", 0, "netra_sesi", &v), -1);
}

static void
test_body_field(void **state)
{
	const char *mp = "preamble\r\n"
			 "--XyZ\r\n"
			 "Content-Disposition: form-data; name=\"nama\"\r\n\r\n"
			 "Budi\r\n"
			 "--XyZ\r\n"
			 "Content-Type: text/plain\r\n"
			 "content-disposition: form-data; name=\"csrf\"\r\n\r\n"
			 "tok-123\r\n"
			 "--XyZ--\r\n";
	const char *mp_file =
		"--b\r\n"
		"Content-Disposition: form-data; name=\"bukti\"; filename=\"csrf\"\r\n"
		"\r\nBINARY\r\n--b--\r\n";
	char out[48];

	(void)state;
	assert_int_equal(auth_body_field("application/x-www-form-urlencoded", "a=1&csrf=t%2Bx+y",
					 16, "csrf", out, sizeof(out)),
			 0);
	assert_string_equal(out, "t+x y");
	assert_int_equal(auth_body_field("Application/X-WWW-Form-Urlencoded; charset=UTF-8",
					 "c%73rf=v", 8, "csrf", out, sizeof(out)),
			 0);
	assert_string_equal(out, "v");
	assert_int_equal(auth_body_field("application/x-www-form-urlencoded", "csrfx=1&xcsrf=2", 15,
					 "csrf", out, sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field("application/x-www-form-urlencoded", "csrf=%zz", 8, "csrf",
					 out, sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field("application/x-www-form-urlencoded", "csrf=a%00b", 10,
					 "csrf", out, sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field("application/x-www-form-urlencoded", "csrf=0123456789", 15,
					 "csrf", out, 8),
			 -1); /* does not fit */

	assert_int_equal(auth_body_field("multipart/form-data; boundary=XyZ", mp, strlen(mp),
					 "csrf", out, sizeof(out)),
			 0);
	assert_string_equal(out, "tok-123");
	assert_int_equal(auth_body_field("multipart/form-data; boundary=\"XyZ\"", mp, strlen(mp),
					 "nama", out, sizeof(out)),
			 0);
	assert_string_equal(out, "Budi");
	assert_int_equal(auth_body_field("multipart/form-data; boundary=XyZ", mp, strlen(mp),
					 "lain", out, sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field("multipart/form-data; boundary=Other", mp, strlen(mp),
					 "csrf", out, sizeof(out)),
			 -1);
	assert_int_equal(
		auth_body_field("multipart/form-data", mp, strlen(mp), "csrf", out, sizeof(out)),
		-1);
	/* a filename="csrf" is not a field called csrf */
	assert_int_equal(auth_body_field("multipart/form-data; boundary=b", mp_file,
					 strlen(mp_file), "csrf", out, sizeof(out)),
			 -1);
	/* truncated bodies */
	assert_int_equal(auth_body_field("multipart/form-data; boundary=XyZ", mp, 60, "csrf", out,
					 sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field("application/json", "{\"csrf\":\"x\"}", 12, "csrf", out,
					 sizeof(out)),
			 -1);
	assert_int_equal(auth_body_field(NULL, "csrf=x", 6, "csrf", out, sizeof(out)), -1);
}

static void
test_csrf_decision(void **state)
{
	struct principal anon, bearer, cookie, nocsrf;
	const char *form = "application/x-www-form-urlencoded";
	const char *good = "csrf=SeSsIoN-CsRf-ToKeN", *bad = "csrf=SeSsIoN-CsRf-ToKeX";
	const char *mp = "--q\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
			 "SeSsIoN-CsRf-ToKeN\r\n--q--\r\n";

	(void)state;
	auth_principal_anonymous(&anon);
	bearer = user(ROLE_PENGAWAS, "64.08", 1);
	cookie = bearer;
	cookie.via_cookie = true;
	snprintf(cookie.csrf, sizeof(cookie.csrf), "SeSsIoN-CsRf-ToKeN");
	nocsrf = cookie;
	nocsrf.csrf[0] = '\0';

	/* the public and bearer clients need no token */
	assert_true(auth_csrf_ok(&anon, "POST", NULL, NULL, "", 0));
	assert_true(auth_csrf_ok(&bearer, "DELETE", NULL, NULL, "", 0));
	assert_true(auth_csrf_ok(NULL, "POST", NULL, NULL, "", 0));
	/* safe methods pass */
	assert_true(auth_csrf_ok(&cookie, "GET", NULL, NULL, "", 0));
	assert_true(auth_csrf_ok(&cookie, "HEAD", NULL, NULL, "", 0));
	/* unsafe methods on a cookie session need it */
	assert_false(auth_csrf_ok(&cookie, "POST", NULL, NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "PUT", NULL, NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "PATCH", NULL, NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "DELETE", NULL, NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "PROPFIND", NULL, NULL, "", 0));
	assert_true(auth_csrf_ok(&cookie, "POST", "SeSsIoN-CsRf-ToKeN", NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "POST", "SeSsIoN-CsRf-ToKe", NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "POST", "SeSsIoN-CsRf-ToKeNN", NULL, "", 0));
	assert_false(auth_csrf_ok(&cookie, "POST", "", NULL, "", 0));
	/* a wrong header is not rescued by a right body */
	assert_false(auth_csrf_ok(&cookie, "POST", "x", form, good, strlen(good)));
	assert_true(auth_csrf_ok(&cookie, "POST", NULL, form, good, strlen(good)));
	assert_false(auth_csrf_ok(&cookie, "POST", NULL, form, bad, strlen(bad)));
	assert_true(auth_csrf_ok(&cookie, "POST", NULL, "multipart/form-data; boundary=q", mp,
				 strlen(mp)));
	assert_false(auth_csrf_ok(&cookie, "POST", NULL, "text/plain", good, strlen(good)));
	/* a session without a token can never pass an unsafe method */
	assert_false(auth_csrf_ok(&nocsrf, "POST", "", NULL, "", 0));
	assert_false(auth_csrf_ok(&nocsrf, "POST", NULL, form, "csrf=", 5));
}

static void
test_admin_checks(void **state)
{
	struct auth_office_new o = {
		"bawaslu-6408", "Bawaslu Kutai Timur", "bawaslu", "kabkota", "64.08", NULL, "WITA"};
	struct errbuf eb;

	(void)state;
	assert_true(auth_name_valid("budi"));
	assert_true(auth_name_valid("b.santoso_2-x"));
	assert_false(auth_name_valid("Budi"));
	assert_false(auth_name_valid("-budi"));
	assert_false(auth_name_valid("b"));
	assert_false(auth_name_valid("budi santoso"));
	assert_false(auth_name_valid(NULL));

	assert_int_equal(auth_region_depth(""), 0);
	assert_int_equal(auth_region_depth("64"), 1);
	assert_int_equal(auth_region_depth("64.08"), 2);
	assert_int_equal(auth_region_depth("64.08.01"), 3);
	assert_int_equal(auth_region_depth("64.08.01.2001"), 4);
	assert_int_equal(auth_region_depth("64.08.01.2001.1"), -1);
	assert_int_equal(auth_region_depth("6408"), -1);
	assert_int_equal(auth_region_depth("64."), -1);
	assert_int_equal(auth_region_depth("64.8"), -1);
	assert_int_equal(auth_region_depth("64.08.01.201"), -1);
	assert_int_equal(auth_region_depth("6a"), -1);

	assert_int_equal(auth_office_check(&o, &eb), 0);
	o.region = "64";
	assert_int_equal(auth_office_check(&o, &eb), -1); /* level kabkota needs NN.NN */
	assert_string_equal(eb.field, "region");
	o.region = "64.08";
	o.tz = "CET";
	assert_int_equal(auth_office_check(&o, &eb), -1);
	o.tz = NULL; /* no zone and no parent to inherit from */
	assert_int_equal(auth_office_check(&o, &eb), -1);
	o.parent_code = "bawaslu-kaltim";
	assert_int_equal(auth_office_check(&o, &eb), 0);
	o.kind = "dinas";
	assert_int_equal(auth_office_check(&o, &eb), -1);
	o.kind = "bawaslu";
	o.name = "";
	assert_int_equal(auth_office_check(&o, &eb), -1);

	assert_int_equal(auth_role_office_check(ROLE_PENGAWAS, "bawaslu", &eb), 0);
	assert_int_equal(auth_role_office_check(ROLE_PENGAWAS, "ppk", &eb), -1);
	assert_int_equal(auth_role_office_check(ROLE_ANALIS, "kasn", &eb), 0);
	assert_int_equal(auth_role_office_check(ROLE_ANALIS, "bawaslu", &eb), -1);
	assert_int_equal(auth_role_office_check(ROLE_PPK, "ppk", &eb), 0);
	assert_int_equal(auth_role_office_check(ROLE_CUSTODIAN, "bkn", &eb), -1);
	assert_int_equal(auth_role_office_check(ROLE_AUDITOR, "lain", &eb), 0);
	assert_int_equal(auth_role_office_check(ROLE_NONE, "bawaslu", &eb), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),           cmocka_unit_test(test_permission_table),
		cmocka_unit_test(test_region_prefix),   cmocka_unit_test(test_scope),
		cmocka_unit_test(test_password_policy), cmocka_unit_test(test_password_hash),
		cmocka_unit_test(test_secret_generate), cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_ratelimit),       cmocka_unit_test(test_parse_bearer),
		cmocka_unit_test(test_parse_cookie),    cmocka_unit_test(test_body_field),
		cmocka_unit_test(test_csrf_decision),   cmocka_unit_test(test_admin_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
