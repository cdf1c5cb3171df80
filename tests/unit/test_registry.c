/*
 * test_registry.c - the registry search: the name score (spelling
 * variants, titles, partial names, unrelated names), reading a query, and
 * the search over a real store with every kind of scope (a kab/kota
 * office, another kab/kota, a PPK office that sees only tracks addressed
 * to it, a BKN analyst who sees recommended cases only, the console).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases/names.h"
#include "registry/registry.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_registry.h"
#include "store/store_users.h"

static double
score(const char *query, const char *name)
{
	char q[256], n[256];

	name_normalize(query, q, sizeof(q));
	name_normalize(name, n, sizeof(n));
	return registry_name_score(q, n);
}

static void
test_score(void **state)
{
	(void)state;
	assert_true(score("Ahmad Yani", "Drs. H. Ahmad Yani, M.Si.") > 0.99);
	assert_true(score("achmad yani", "Ahmad Yani") >= REGISTRY_MIN_SCORE);
	assert_true(score("ahmat yani", "Ahmad Yani") >= REGISTRY_MIN_SCORE);
	assert_true(score("yani", "Ahmad Yani") >= REGISTRY_MIN_SCORE);
	assert_true(score("muh yani", "Muhammad Yani") >= REGISTRY_MIN_SCORE);
	assert_true(score("m yani", "Muhammad Yani") >= REGISTRY_MIN_SCORE);
	assert_true(score("Budi Santoso", "Ahmad Yani") < REGISTRY_MIN_SCORE);
	assert_true(score("Rina", "Ahmad Yani") < REGISTRY_MIN_SCORE);
	/* the closer spelling ranks higher */
	assert_true(score("ahmad yani", "Ahmad Yani") > score("ahmad yani", "Achmad Yani"));
	assert_true(score("ahmad yani", "Achmad Yani") > score("ahmad yani", "Ahmad Yanto"));
	assert_true(registry_name_score("", "ahmad") == 0);
	assert_true(registry_name_score("ahmad", "") == 0);
	assert_true(registry_name_score("ahmad", NULL) == 0);
	assert_true(registry_name_score(NULL, "ahmad") == 0);
}

static void
test_query(void **state)
{
	char ident[24], norm[REGISTRY_QUERY_MAX + 1], big[REGISTRY_QUERY_MAX + 2];
	struct errbuf eb;

	(void)state;
	assert_int_equal(registry_query_parse("1978 0512 2005 01 1 003", ident, sizeof(ident), norm,
					      sizeof(norm), &eb),
			 1);
	assert_string_equal(ident, "197805122005011003");
	assert_int_equal(registry_query_parse("6408.0101.8000.0001", ident, sizeof(ident), norm,
					      sizeof(norm), &eb),
			 1);
	assert_string_equal(ident, "6408010180000001");
	assert_int_equal(
		registry_query_parse("12345", ident, sizeof(ident), norm, sizeof(norm), &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_query");
	assert_int_equal(registry_query_parse("Drs. H. Ahmad Yani, M.Si.", ident, sizeof(ident),
					      norm, sizeof(norm), &eb),
			 0);
	assert_string_equal(norm, "ahmad yani");
	assert_int_equal(
		registry_query_parse("Drs. H.", ident, sizeof(ident), norm, sizeof(norm), &eb), -1);
	assert_int_equal(registry_query_parse("", ident, sizeof(ident), norm, sizeof(norm), &eb),
			 -1);
	assert_int_equal(registry_query_parse(NULL, ident, sizeof(ident), norm, sizeof(norm), &eb),
			 -1);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(registry_query_parse(big, ident, sizeof(ident), norm, sizeof(norm), &eb),
			 -1);
	/* "Ahmad 2" is a name with a digit, not a number */
	assert_int_equal(
		registry_query_parse("Ahmad 2", ident, sizeof(ident), norm, sizeof(norm), &eb), 0);
}

/* --- the store ------------------------------------------------------------------- */

static char dir[256];
static struct store *st;

struct world {
	int64_t kutim, bpp, ppk_kutim, ppk_bpp;
	int64_t case_a, case_b, case_c;
};

static struct world w;

static int
add_office(struct store_conn *c, const char *code, const char *kind, const char *region,
	   int64_t *id, struct errbuf *eb)
{
	struct store_office o;

	memset(&o, 0, sizeof(o));
	snprintf(o.code, sizeof(o.code), "%s", code);
	snprintf(o.name, sizeof(o.name), "Kantor %s", code);
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.level, sizeof(o.level), "kabkota");
	snprintf(o.region_code, sizeof(o.region_code), "%s", region);
	snprintf(o.tz, sizeof(o.tz), "WITA");
	o.created_at = 1700000000;
	if (store_office_insert(c, &o, eb) < 0)
		return -1;
	*id = o.id;
	return 0;
}

static int
add_case(struct store_conn *c, const char *code, const char *region, int64_t office,
	 const char *name, const char *nip, int64_t ppk, bool recommended, int64_t *id,
	 struct errbuf *eb)
{
	struct store_case_new n;
	struct store_track_new t;
	char norm[256];

	memset(&n, 0, sizeof(n));
	n.code = code;
	n.kind = "laporan";
	n.election = "pemilu2024";
	n.election_kind = "pemilu";
	n.state = "diregistrasi";
	n.region_code = region;
	n.office_id = office;
	n.received_at = 1707444000;
	n.tz = "WITA";
	n.description = "uraian";
	if (store_case_insert(c, &n, id, eb) < 0)
		return -1;
	memset(&t, 0, sizeof(t));
	t.name = name;
	t.nip = nip;
	t.status = "PNS";
	t.state = "proses";
	t.agency = "Dinas Pendidikan";
	t.ppk_office_id = ppk;
	name_normalize(name, norm, sizeof(norm));
	if (store_person_upsert(c, &t, norm, region, 1707444000, &t.person_id, eb) < 0 ||
	    store_track_insert(c, *id, &t, 1707444000, NULL, eb) < 0)
		return -1;
	return recommended ? store_case_set_recommended(c, *id, eb) : 0;
}

static int
world_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct world *x = arg;

	if (add_office(c, "bawaslu-6408", "bawaslu", "64.08", &x->kutim, eb) < 0 ||
	    add_office(c, "bawaslu-6471", "bawaslu", "64.71", &x->bpp, eb) < 0 ||
	    add_office(c, "ppk-6408", "ppk", "64.08", &x->ppk_kutim, eb) < 0 ||
	    add_office(c, "ppk-6471", "ppk", "64.71", &x->ppk_bpp, eb) < 0)
		return -1;
	/* one person (same NIP) in two Kutai Timur cases, one recommended to
	 * the Kutai Timur PPK; a namesake without NIP in Balikpapan */
	if (add_case(c, "AAAA-AAAA-A", "64.08", x->kutim, "Drs. H. Ahmad Yani, M.Si.",
		     "197805122005011003", x->ppk_kutim, true, &x->case_a, eb) < 0 ||
	    add_case(c, "BBBB-BBBB-B", "64.08.01", x->kutim, "Achmad Yani", "197805122005011003", 0,
		     false, &x->case_b, eb) < 0 ||
	    add_case(c, "CCCC-CCCC-C", "64.71", x->bpp, "Ahmad Yani", NULL, x->ppk_bpp, false,
		     &x->case_c, eb) < 0)
		return -1;
	return 0;
}

static int
setup_store(void **state)
{
	struct store_opts o = {dir, NULL, 2, 64, false};
	struct errbuf eb;
	int applied;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-registry.XXXXXX");
	if (mkdtemp(dir) == NULL || store_open(&st, &o, &eb) < 0 ||
	    store_migrate(st, &applied, &eb) < 0 || store_write(st, world_job, &w, &eb) < 0)
		return -1;
	return 0;
}

static int
teardown_store(void **state)
{
	char cmd[300];

	(void)state;
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct principal
who(enum role role, const char *region, int64_t office)
{
	struct principal p;

	memset(&p, 0, sizeof(p));
	p.user_id = 42;
	p.role = role;
	p.office_id = office;
	snprintf(p.username, sizeof(p.username), "uji");
	snprintf(p.region_prefix, sizeof(p.region_prefix), "%s", region);
	return p;
}

static json_t *
search(const struct principal *p, const char *q)
{
	struct errbuf eb;
	json_t *res = NULL;

	assert_int_equal(registry_search(st, p, q, 20, &res, &eb), 0);
	return res;
}

static json_t *
results(json_t *res)
{
	return json_object_get(res, "results");
}

static void
test_search_scope(void **state)
{
	struct principal kutim = who(ROLE_PENGAWAS, "64.08", w.kutim);
	struct principal bpp = who(ROLE_PENGAWAS, "64.71", w.bpp);
	struct principal ppk = who(ROLE_PPK, "64.08", w.ppk_kutim);
	struct principal ppk_bpp = who(ROLE_PPK, "64.71", w.ppk_bpp);
	struct principal analis = who(ROLE_ANALIS, "", 0);
	struct principal anon = who(ROLE_NONE, "", 0);
	struct errbuf eb;
	json_t *res, *p;

	(void)state;
	/* Kutai Timur: one person (by NIP) in two cases, a repeat */
	res = search(&kutim, "ahmad yani");
	assert_int_equal(json_array_size(results(res)), 1);
	p = json_array_get(results(res), 0);
	assert_string_equal(json_string_value(json_object_get(p, "nip")), "197805122005011003");
	assert_int_equal(json_integer_value(json_object_get(p, "ncases")), 2);
	assert_true(json_is_true(json_object_get(p, "repeat")));
	assert_int_equal(json_array_size(json_object_get(p, "cases")), 2);
	/* the newest track names the person */
	assert_string_equal(json_string_value(json_object_get(p, "name")), "Achmad Yani");
	assert_string_equal(json_string_value(json_object_get(res, "mode")), "nama");
	json_decref(res);

	/* Balikpapan sees only its namesake, who has no NIP */
	res = search(&bpp, "Achmad Yani");
	assert_int_equal(json_array_size(results(res)), 1);
	p = json_array_get(results(res), 0);
	assert_true(json_is_null(json_object_get(p, "nip")));
	assert_int_equal(json_integer_value(json_object_get(p, "ncases")), 1);
	assert_false(json_is_true(json_object_get(p, "repeat")));
	json_decref(res);
	res = search(&bpp, "197805122005011003");
	assert_int_equal(json_array_size(results(res)), 0);
	json_decref(res);

	/* the Kutai Timur PPK: only the recommended case addressed to it */
	res = search(&ppk, "yani");
	assert_int_equal(json_array_size(results(res)), 1);
	p = json_array_get(results(res), 0);
	assert_int_equal(json_integer_value(json_object_get(p, "ncases")), 1);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(json_object_get(p, "cases"), 0), "code")),
			    "AAAA-AAAA-A");
	json_decref(res);
	/* the Balikpapan PPK: its track is not recommended yet */
	res = search(&ppk_bpp, "yani");
	assert_int_equal(json_array_size(results(res)), 0);
	json_decref(res);
	/* BKN: recommended cases anywhere */
	res = search(&analis, "yani");
	assert_int_equal(json_array_size(results(res)), 1);
	json_decref(res);
	/* the console: everyone; the exact spelling first (the NIP holder's
	 * newest record spells it "Achmad"), then the repeat */
	res = search(NULL, "ahmad yani");
	assert_int_equal(json_array_size(results(res)), 2);
	p = json_array_get(results(res), 0);
	assert_int_equal(json_integer_value(json_object_get(p, "ncases")), 1);
	assert_int_equal(json_integer_value(json_object_get(p, "score")), 100);
	p = json_array_get(results(res), 1);
	assert_int_equal(json_integer_value(json_object_get(p, "ncases")), 2);
	json_decref(res);
	res = search(NULL, "1978 0512 2005 01 1 003");
	assert_int_equal(json_array_size(results(res)), 1);
	assert_string_equal(json_string_value(json_object_get(res, "mode")), "nomor");
	json_decref(res);

	/* refusals: a role without case access, nobody signed in */
	assert_int_equal(registry_search(st, &anon, "yani", 20, &res, &eb), -1);
	assert_int_equal(eb.kind, ERR_FORBIDDEN);
	anon.user_id = 0;
	assert_int_equal(registry_search(st, &anon, "yani", 20, &res, &eb), -1);
	assert_int_equal(eb.kind, ERR_UNAUTHORIZED);
	assert_int_equal(registry_search(st, &kutim, "yani", 0, &res, &eb), -1);
	assert_int_equal(registry_search(st, &kutim, "yani", REGISTRY_LIMIT_MAX + 1, &res, &eb),
			 -1);
	assert_int_equal(registry_search(st, &kutim, "123", 20, &res, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_query");
	assert_null(res);
}

static int
count(void *arg, const struct store_registry_person *p)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

static void
test_store_limit(void **state)
{
	struct store_scope all = {.all = true};
	struct store_scope none = {.none = true};
	struct store_conn *c = store_reader(st);
	struct errbuf eb;
	json_t *tracks;
	int n = 0;

	(void)state;
	assert_int_equal(store_registry_persons(c, &all, NULL, 1, count, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_registry_persons(c, &none, NULL, 10, count, &n, &eb), -1);
	assert_int_equal(eb.kind, ERR_FORBIDDEN);
	assert_int_equal(store_registry_tracks(c, &all, "", "ahmad yani", &tracks, &eb), 0);
	assert_int_equal(json_array_size(tracks), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(tracks, 0), "code")),
			    "CCCC-CCCC-C");
	json_decref(tracks);
	store_reader_done(st, c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_query),
		cmocka_unit_test_setup_teardown(test_search_scope, setup_store, teardown_store),
		cmocka_unit_test_setup_teardown(test_store_limit, setup_store, teardown_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
