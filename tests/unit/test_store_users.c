/*
 * test_store_users.c - the store's offices, users, sessions and API tokens
 * (src/store/users.c) on a fresh SQLite file: inserts and lookups, the
 * joined session/token query and its filters (expiry, active users,
 * revocation), deletes, and the seal-key columns with the parent walk.
 * Instants are passed in, never read from the clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_users.h"
#include "store_fixture.h"

static char dir[256];
static struct store *st;
static char url[512];

static int
setup(void **state)
{
	struct store_opts o = {dir, NULL, 2, 256, false};
	struct errbuf eb;
	int applied;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-users.XXXXXX");
	assert_non_null(mkdtemp(dir));
	o.data_dir = dir;
	fixture_db_url("users", url, sizeof(url));
	o.db_url = url;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
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

/* Run fn(c, arg) as a write job. */
static int
run_write(int (*fn)(struct store_conn *, void *, struct errbuf *), void *arg, struct errbuf *eb)
{
	return store_write(st, fn, arg, eb);
}

static struct store_office
office(const char *code, const char *region, const char *kind, int64_t parent)
{
	struct store_office o;

	memset(&o, 0, sizeof(o));
	snprintf(o.code, sizeof(o.code), "%s", code);
	snprintf(o.name, sizeof(o.name), "Kantor %s", code);
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.level, sizeof(o.level), "%s",
		 region[0] == '\0' ? "ri" : (strlen(region) == 2 ? "provinsi" : "kabkota"));
	snprintf(o.region_code, sizeof(o.region_code), "%s", region);
	snprintf(o.tz, sizeof(o.tz), "WITA");
	o.parent_id = parent;
	o.created_at = 1700000000;
	return o;
}

struct fixture {
	struct store_office ri, kaltim, kutim, bpp;
	struct store_user budi, sari;
};

static struct fixture fx;

static int
fixture_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct fixture *f = arg;

	f->ri = office("bawaslu-ri", "", "bawaslu", 0);
	if (store_office_insert(c, &f->ri, eb) < 0)
		return -1;
	f->kaltim = office("bawaslu-kaltim", "64", "bawaslu", f->ri.id);
	if (store_office_insert(c, &f->kaltim, eb) < 0)
		return -1;
	f->kutim = office("bawaslu-6408", "64.08", "bawaslu", f->kaltim.id);
	if (store_office_insert(c, &f->kutim, eb) < 0)
		return -1;
	f->bpp = office("bawaslu-6471", "64.71", "bawaslu", f->kaltim.id);
	if (store_office_insert(c, &f->bpp, eb) < 0)
		return -1;
	memset(&f->budi, 0, sizeof(f->budi));
	snprintf(f->budi.username, sizeof(f->budi.username), "budi");
	snprintf(f->budi.full_name, sizeof(f->budi.full_name), "Budi Santoso");
	snprintf(f->budi.role, sizeof(f->budi.role), "pengawas");
	snprintf(f->budi.password_hash, sizeof(f->budi.password_hash), "$argon2id$fake-budi");
	f->budi.office_id = f->kutim.id;
	f->budi.active = true;
	f->budi.created_at = f->budi.password_at = 1700000000;
	if (store_user_insert(c, &f->budi, eb) < 0)
		return -1;
	f->sari = f->budi;
	snprintf(f->sari.username, sizeof(f->sari.username), "sari");
	snprintf(f->sari.role, sizeof(f->sari.role), "custodian");
	f->sari.office_id = f->bpp.id;
	return store_user_insert(c, &f->sari, eb);
}

static int
collect_codes(void *arg, const struct store_office *o)
{
	char *out = arg;

	strcat(out, o->code);
	strcat(out, ",");
	return 0;
}

static int
collect_users(void *arg, const struct store_user *u)
{
	char *out = arg;

	strcat(out, u->username);
	strcat(out, u->active ? "+," : "-,");
	return 0;
}

static int
stop_at_first(void *arg, const struct store_office *o)
{
	(void)arg;
	(void)o;
	return 42;
}

static void
test_offices_users(void **state)
{
	struct store_office o;
	struct store_user u;
	struct store_conn *c;
	struct errbuf eb;
	char list[512] = "";

	(void)state;
	assert_int_equal(run_write(fixture_job, &fx, &eb), 0);
	assert_true(fx.kutim.id > 0);
	/* duplicate office code and username are conflicts, and roll back alone */
	assert_int_equal(run_write(fixture_job, &(struct fixture){0}, &eb), -1);
	assert_int_equal(eb.kind, ERR_CONFLICT);

	c = store_reader(st);
	assert_int_equal(store_office_get(c, fx.kutim.id, &o, &eb), 0);
	assert_string_equal(o.code, "bawaslu-6408");
	assert_string_equal(o.region_code, "64.08");
	assert_int_equal(o.parent_id, fx.kaltim.id);
	assert_false(o.has_seal_key);
	assert_int_equal(store_office_get_by_code(c, "bawaslu-ri", &o, &eb), 0);
	assert_string_equal(o.region_code, "");
	assert_int_equal(o.parent_id, 0);
	assert_int_equal(store_office_get_by_code(c, "tidak-ada", &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	assert_string_equal(errbuf_code(&eb), "office_not_found");
	assert_int_equal(store_office_get(c, 999, &o, &eb), -1);

	assert_int_equal(store_office_list(c, collect_codes, list, &eb), 0);
	assert_string_equal(list, "bawaslu-6408,bawaslu-6471,bawaslu-kaltim,bawaslu-ri,");
	list[0] = '\0';
	assert_int_equal(store_office_children(c, fx.kaltim.id, collect_codes, list, &eb), 0);
	assert_string_equal(list, "bawaslu-6408,bawaslu-6471,");
	list[0] = '\0';
	assert_int_equal(store_office_children(c, fx.kutim.id, collect_codes, list, &eb), 0);
	assert_string_equal(list, "");
	assert_int_equal(store_office_list(c, stop_at_first, NULL, &eb), 42);

	assert_int_equal(store_user_get_by_username(c, "budi", &u, &eb), 0);
	assert_int_equal(u.id, fx.budi.id);
	assert_string_equal(u.full_name, "Budi Santoso");
	assert_string_equal(u.role, "pengawas");
	assert_string_equal(u.password_hash, "$argon2id$fake-budi");
	assert_true(u.active);
	assert_int_equal(store_user_get(c, fx.sari.id, &u, &eb), 0);
	assert_string_equal(u.username, "sari");
	assert_int_equal(store_user_get_by_username(c, "BUDI", &u, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "user_not_found");
	list[0] = '\0';
	assert_int_equal(store_user_list(c, 0, collect_users, list, &eb), 0);
	assert_string_equal(list, "budi+,sari+,");
	list[0] = '\0';
	assert_int_equal(store_user_list(c, fx.bpp.id, collect_users, list, &eb), 0);
	assert_string_equal(list, "sari+,");
	store_reader_done(st, c);
}

struct user_change {
	int64_t id;
	const char *hash;
	int active;
};

static int
user_change_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct user_change *u = arg;

	if (u->hash && store_user_set_password(c, u->id, u->hash, 1700000500, eb) < 0)
		return -1;
	if (u->active >= 0 && store_user_set_active(c, u->id, u->active, eb) < 0)
		return -1;
	return 0;
}

struct sess_op {
	unsigned char hash[STORE_TOKEN_HASH_BYTES];
	int64_t user_id;
	int64_t created, expires;
	const char *name;
	int op; /* 0 insert session, 1 insert token, 2 touch, 3 delete session, 4 delete
		   expired, 5 revoke token, 6 revoke named, 7 delete user sessions */
	int64_t count;
};

static int
sess_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct sess_op *s = arg;

	switch (s->op) {
	case 0:
		return store_session_insert(c, s->hash, s->user_id, "csrf-x", s->created,
					    s->expires, eb);
	case 1:
		return store_api_token_insert(c, s->hash, s->user_id, s->name, s->created,
					      s->expires, eb);
	case 2: return store_session_touch(c, s->hash, s->expires, eb);
	case 3: return store_session_delete(c, s->hash, eb);
	case 4: return store_session_delete_expired(c, s->created, &s->count, eb);
	case 5: return store_api_token_revoke(c, s->hash, eb);
	case 6: return store_api_token_revoke_named(c, s->user_id, s->name, &s->count, eb);
	case 7: return store_session_delete_user(c, s->user_id, eb);
	default: return -1;
	}
}

static struct sess_op
op(int kind, unsigned char fill, int64_t user_id, int64_t created, int64_t expires)
{
	struct sess_op s;

	memset(&s, 0, sizeof(s));
	memset(s.hash, fill, sizeof(s.hash));
	s.op = kind;
	s.user_id = user_id;
	s.created = created;
	s.expires = expires;
	s.name = "skrip";
	return s;
}

static int
get_session(unsigned char fill, int64_t now, bool token, struct store_session *out,
	    struct errbuf *eb)
{
	unsigned char h[STORE_TOKEN_HASH_BYTES];
	struct store_conn *c = store_reader(st);
	int rc;

	memset(h, fill, sizeof(h));
	rc = token ? store_api_token_get(c, h, now, out, eb)
		   : store_session_get(c, h, now, out, eb);
	store_reader_done(st, c);
	return rc;
}

static void
test_sessions(void **state)
{
	struct store_session s;
	struct sess_op o;
	struct user_change uc;
	struct errbuf eb;

	(void)state;
	o = op(0, 0x11, fx.budi.id, 1000, 2000);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(0, 0x22, fx.budi.id, 1000, 1500);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(0, 0x33, fx.sari.id, 1000, 3000);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(0, 0x11, fx.sari.id, 1000, 3000); /* same hash twice */
	assert_int_equal(run_write(sess_job, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_CONFLICT);

	/* the joined row carries the user and the office */
	assert_int_equal(get_session(0x11, 1999, false, &s, &eb), 0);
	assert_int_equal(s.user.id, fx.budi.id);
	assert_string_equal(s.user.username, "budi");
	assert_string_equal(s.user.password_hash, "");
	assert_string_equal(s.office.code, "bawaslu-6408");
	assert_string_equal(s.office.region_code, "64.08");
	assert_string_equal(s.csrf, "csrf-x");
	assert_int_equal(s.expires_at, 2000);
	/* expiry is exclusive */
	assert_int_equal(get_session(0x11, 2000, false, &s, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	assert_int_equal(get_session(0x44, 1000, false, &s, &eb), -1);
	/* a session hash is not an API token */
	assert_int_equal(get_session(0x11, 1000, true, &s, &eb), -1);

	/* touch only ever extends */
	o = op(2, 0x11, 0, 0, 2500);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(2, 0x11, 0, 0, 1200);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(get_session(0x11, 2400, false, &s, &eb), 0);
	assert_int_equal(s.expires_at, 2500);
	o = op(2, 0x55, 0, 0, 2500);
	assert_int_equal(run_write(sess_job, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);

	/* expired sessions are swept */
	o = op(4, 0, 0, 1600, 0);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(o.count, 1);
	assert_int_equal(get_session(0x22, 1000, false, &s, &eb), -1);

	/* a disabled user's session is not returned */
	uc = (struct user_change){fx.budi.id, NULL, 0};
	assert_int_equal(run_write(user_change_job, &uc, &eb), 0);
	assert_int_equal(get_session(0x11, 1000, false, &s, &eb), -1);
	uc = (struct user_change){fx.budi.id, "$argon2id$new", 1};
	assert_int_equal(run_write(user_change_job, &uc, &eb), 0);
	assert_int_equal(get_session(0x11, 1000, false, &s, &eb), 0);
	uc = (struct user_change){999, NULL, 1};
	assert_int_equal(run_write(user_change_job, &uc, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);

	/* delete one, delete a user's */
	o = op(3, 0x11, 0, 0, 0);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(get_session(0x11, 1000, false, &s, &eb), -1);
	assert_int_equal(run_write(sess_job, &o, &eb), -1); /* already gone */
	o = op(7, 0, fx.sari.id, 0, 0);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(get_session(0x33, 1000, false, &s, &eb), -1);
}

static int
collect_tokens(void *arg, const struct store_api_token *t)
{
	char *out = arg;

	strcat(out, t->name);
	strcat(out, t->revoked ? "-," : (t->expires_at ? "@," : "+,"));
	return 0;
}

static void
test_api_tokens(void **state)
{
	struct store_session s;
	struct store_conn *c;
	struct sess_op o;
	struct user_change uc;
	struct errbuf eb;
	char list[256] = "";

	(void)state;
	o = op(1, 0xa1, fx.budi.id, 1000, 0); /* no expiry */
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(1, 0xa2, fx.budi.id, 1001, 5000);
	o.name = "harian";
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(1, 0xa3, fx.budi.id, 1002, 0);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	o = op(1, 0xa4, 999, 1002, 0); /* no such user: foreign key */
	assert_int_equal(run_write(sess_job, &o, &eb), -1);

	assert_int_equal(get_session(0xa1, 999999999, true, &s, &eb), 0);
	assert_string_equal(s.user.username, "budi");
	assert_string_equal(s.csrf, "");
	assert_int_equal(s.expires_at, 0);
	assert_int_equal(get_session(0xa2, 4999, true, &s, &eb), 0);
	assert_int_equal(get_session(0xa2, 5000, true, &s, &eb), -1);
	assert_int_equal(get_session(0xa1, 1000, false, &s, &eb), -1); /* not a session */

	o = op(5, 0xa1, 0, 0, 0);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(get_session(0xa1, 1000, true, &s, &eb), -1);
	o = op(6, 0, fx.budi.id, 0, 0); /* the remaining "skrip" */
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(o.count, 1);
	assert_int_equal(get_session(0xa3, 1000, true, &s, &eb), -1);
	assert_int_equal(run_write(sess_job, &o, &eb), 0);
	assert_int_equal(o.count, 0);

	c = store_reader(st);
	assert_int_equal(store_api_token_list(c, fx.budi.id, collect_tokens, list, &eb), 0);
	store_reader_done(st, c);
	assert_string_equal(list, "skrip-,harian@,skrip-,");

	/* a disabled user's tokens stop working */
	uc = (struct user_change){fx.budi.id, NULL, 0};
	assert_int_equal(run_write(user_change_job, &uc, &eb), 0);
	assert_int_equal(get_session(0xa2, 1000, true, &s, &eb), -1);
	uc.active = 1;
	assert_int_equal(run_write(user_change_job, &uc, &eb), 0);
	assert_int_equal(get_session(0xa2, 1000, true, &s, &eb), 0);
}

struct seal_op {
	int64_t office;
	struct store_seal_key k;
	bool replace;
};

static int
seal_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct seal_op *s = arg;

	return store_office_seal_set(c, s->office, &s->k, s->replace, eb);
}

static void
test_seal_columns(void **state)
{
	struct seal_op so;
	struct store_seal_key k;
	struct store_conn *c;
	struct store_office o;
	struct errbuf eb;
	int64_t found = 0;

	(void)state;
	c = store_reader(st);
	assert_int_equal(store_office_seal_find(c, fx.kutim.id, &found, &k, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "seal_no_key");
	assert_int_equal(store_office_seal_get(c, fx.kaltim.id, &k, &eb), -1);
	store_reader_done(st, c);

	memset(&so, 0, sizeof(so));
	so.office = fx.kaltim.id;
	memset(so.k.public_key, 0x01, 32);
	so.k.public_len = 32;
	memset(so.k.wrapped, 0x02, 72);
	so.k.wrapped_len = 72;
	memset(so.k.salt, 0x03, 16);
	so.k.salt_len = 16;
	so.k.ops = 3;
	so.k.mem = 1 << 20;
	assert_int_equal(run_write(seal_job, &so, &eb), 0);
	so.k.public_key[0] = 0x09;
	assert_int_equal(run_write(seal_job, &so, &eb), -1); /* no silent overwrite */
	assert_string_equal(errbuf_code(&eb), "seal_key_exists");
	so.office = 999;
	assert_int_equal(run_write(seal_job, &so, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);

	c = store_reader(st);
	/* Kutai Timur has no key: its parent Kalimantan Timur's is used */
	assert_int_equal(store_office_seal_find(c, fx.kutim.id, &found, &k, &eb), 0);
	assert_int_equal(found, fx.kaltim.id);
	assert_int_equal(k.public_key[0], 0x01);
	assert_int_equal(k.wrapped_len, 72);
	assert_int_equal(k.salt_len, 16);
	assert_int_equal(k.ops, 3);
	assert_int_equal(k.mem, 1 << 20);
	assert_int_equal(store_office_seal_find(c, fx.ri.id, &found, &k, &eb), -1);
	assert_int_equal(store_office_get(c, fx.kaltim.id, &o, &eb), 0);
	assert_true(o.has_seal_key);
	store_reader_done(st, c);

	so.office = fx.kutim.id; /* its own key now wins over the parent's */
	so.replace = false;
	assert_int_equal(run_write(seal_job, &so, &eb), 0);
	c = store_reader(st);
	assert_int_equal(store_office_seal_find(c, fx.kutim.id, &found, &k, &eb), 0);
	assert_int_equal(found, fx.kutim.id);
	assert_int_equal(k.public_key[0], 0x09);
	store_reader_done(st, c);
	so.k.public_key[0] = 0x0a;
	so.replace = true;
	assert_int_equal(run_write(seal_job, &so, &eb), 0);
	c = store_reader(st);
	assert_int_equal(store_office_seal_get(c, fx.kutim.id, &k, &eb), 0);
	assert_int_equal(k.public_key[0], 0x0a);
	store_reader_done(st, c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offices_users),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_api_tokens),
		cmocka_unit_test(test_seal_columns),
	};

	/* the tests build on each other's rows, in order, on one database */
	return cmocka_run_group_tests(tests, setup, teardown);
}
