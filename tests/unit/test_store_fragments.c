/*
 * test_store_fragments.c - the store's shared SQL fragments
 * (src/store/fragments.c, a white-box test of store_internal.h): renumbering
 * a fragment to a base, the inbox filter placed at the bases of the case
 * list (?10) and of the exports (?14) with exactly the parameters its
 * binding fills, the binding's values and defaults through a recording
 * statement, and the scope split by region depth (store.c).  On a real
 * store, test_store_stats checks that the list and the export select the
 * same cases for the same filter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_cases.h"
#include "store/store_internal.h"

#define MAXP 64

struct rec_stmt {
	struct db_stmt base;
	int bound[MAXP];
	bool null[MAXP];
	int64_t num[MAXP];
	char text[MAXP][32];
};

static struct rec_stmt *
rec(struct db_stmt *s, int i)
{
	struct rec_stmt *r = (struct rec_stmt *)s;

	assert_true(i > 0 && i < MAXP);
	r->bound[i]++;
	return r;
}

static int
rec_text(struct db_stmt *s, int i, const char *v, size_t n)
{
	struct rec_stmt *r = rec(s, i);

	(void)n;
	snprintf(r->text[i], sizeof(r->text[i]), "%s", v);
	return 0;
}

static int
rec_int(struct db_stmt *s, int i, int64_t v)
{
	rec(s, i)->num[i] = v;
	return 0;
}

static int
rec_null(struct db_stmt *s, int i)
{
	rec(s, i)->null[i] = true;
	return 0;
}

static const struct db_stmt_ops rec_ops = {
	.bind_text = rec_text, .bind_int = rec_int, .bind_null = rec_null};

static void
rec_init(struct rec_stmt *r)
{
	memset(r, 0, sizeof(*r));
	r->base.ops = &rec_ops;
}

/* Which parameter numbers sql uses (outside quoted literals). */
static void
params_used(const char *sql, bool used[MAXP])
{
	const char *p;
	bool quoted = false;

	memset(used, 0, MAXP * sizeof(bool));
	for (p = sql; *p; p++) {
		if (*p == '\'')
			quoted = !quoted;
		if (!quoted && *p == '?') {
			long n = strtol(p + 1, NULL, 10);

			assert_true(n > 0 && n < MAXP);
			used[n] = true;
		}
	}
}

static void
test_rebase(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 1024);
	store_sql_rebase(&b, "a = ?1 AND b LIKE '?2%' || ?2 OR c < ?15", 10);
	assert_string_equal(buf_cstr(&b), "a = ?10 AND b LIKE '?2%' || ?11 OR c < ?24");
	buf_reset(&b);
	store_sql_rebase(&b, "?1", 1);
	assert_string_equal(buf_cstr(&b), "?1");
	buf_release(&b);
}

/* The fragment at a base uses exactly base..base+14, each of which the
 * binding fills once, and nothing else. */
static void
check_filter_at(int base, enum db_engine e)
{
	struct store_case_filter f;
	struct rec_stmt r;
	bool used[MAXP];
	struct buf b;
	int i;

	buf_init(&b, 16384);
	store_inbox_filter_sql(&b, base, e);
	assert_false(buf_failed(&b));
	assert_memory_equal(buf_cstr(&b), " AND ", 5);
	/* the engine's deadlines hint: SQLite's INDEXED BY, none on PostgreSQL */
	if (e == DB_SQLITE)
		assert_non_null(
			strstr(buf_cstr(&b), "FROM deadlines d INDEXED BY deadlines_case "));
	else
		assert_null(strstr(buf_cstr(&b), "INDEXED BY"));
	/* the search compares folded columns with an escaped operand */
	assert_non_null(strstr(buf_cstr(&b), "c.description_fold LIKE"));
	assert_non_null(strstr(buf_cstr(&b), "ESCAPE '\\'"));
	params_used(buf_cstr(&b), used);
	memset(&f, 0, sizeof(f));
	rec_init(&r);
	store_inbox_filter_bind(&r.base, base, &f);
	for (i = 1; i < MAXP; i++) {
		bool inside = i >= base && i < base + STORE_INBOX_FILTER_PARAMS;

		if (used[i] != inside)
			fail_msg("base %d: ?%d %s", base, i, inside ? "unused" : "outside");
		assert_int_equal(r.bound[i], inside ? 1 : 0);
	}
	buf_release(&b);
}

static void
test_filter_places(void **state)
{
	(void)state;
	check_filter_at(10, DB_SQLITE); /* the case list */
	check_filter_at(14, DB_SQLITE); /* the exports */
	check_filter_at(1, DB_SQLITE);
	check_filter_at(10, DB_PG);
	check_filter_at(14, DB_PG);
}

static void
test_filter_values(void **state)
{
	struct store_case_filter f;
	struct rec_stmt r;
	const int b = 14;

	(void)state;
	/* nothing set: NULL texts, zero flags, open dates, no cursor */
	memset(&f, 0, sizeof(f));
	f.state = "";
	rec_init(&r);
	store_inbox_filter_bind(&r.base, b, &f);
	assert_true(r.null[b + 0]);
	assert_true(r.null[b + 1]);
	assert_true(r.null[b + 2]);
	assert_int_equal(r.num[b + 3], 0);
	assert_int_equal(r.num[b + 4], 0);
	assert_true(r.null[b + 5]);
	assert_int_equal(r.num[b + 6], 0);
	assert_string_equal(r.text[b + 7], "9999-12-31");
	assert_string_equal(r.text[b + 13], "9999-12-31");
	assert_int_equal(r.num[b + 10], 0);
	assert_true(r.num[b + 14] == INT64_MAX);

	/* everything set, each in its place */
	memset(&f, 0, sizeof(f));
	f.state = "kajian";
	f.election = "pilkada2024";
	f.kind = "laporan";
	f.assigned_to = 7;
	f.unassigned = true;
	f.q = "Budi_1";
	f.overdue = true;
	f.due_soon = true;
	snprintf(f.today[0], sizeof(f.today[0]), "2024-11-01");
	snprintf(f.today[1], sizeof(f.today[1]), "2024-11-02");
	snprintf(f.today[2], sizeof(f.today[2]), "2024-11-03");
	snprintf(f.soon[0], sizeof(f.soon[0]), "2024-11-04");
	snprintf(f.soon[1], sizeof(f.soon[1]), "2024-11-05");
	snprintf(f.soon[2], sizeof(f.soon[2]), "2024-11-06");
	f.before_id = 99;
	rec_init(&r);
	store_inbox_filter_bind(&r.base, b, &f);
	assert_string_equal(r.text[b + 0], "kajian");
	assert_string_equal(r.text[b + 1], "pilkada2024");
	assert_string_equal(r.text[b + 2], "laporan");
	assert_int_equal(r.num[b + 3], 7);
	assert_int_equal(r.num[b + 4], 1);
	/* the search's LIKE operand: folded, '_' escaped (search_like_dup()) */
	assert_string_equal(r.text[b + 5], "budi\\_1");
	assert_int_equal(r.num[b + 6], 1);
	assert_string_equal(r.text[b + 7], "2024-11-01");
	assert_string_equal(r.text[b + 8], "2024-11-02");
	assert_string_equal(r.text[b + 9], "2024-11-03");
	assert_int_equal(r.num[b + 10], 1);
	assert_string_equal(r.text[b + 11], "2024-11-04");
	assert_string_equal(r.text[b + 12], "2024-11-05");
	assert_string_equal(r.text[b + 13], "2024-11-06");
	assert_int_equal(r.num[b + 14], 99);
}

static void
test_scope_split(void **state)
{
	struct store_scope sc;
	struct store_scope_split sp;

	(void)state;
	memset(&sc, 0, sizeof(sc));
	sc.all = true;
	snprintf(sc.region_prefix, sizeof(sc.region_prefix), "64");
	store_scope_split(&sc, NULL, &sp);
	assert_int_equal(sp.level, STORE_LEVEL_ALL);
	assert_string_equal(sp.prefix, "");
	assert_false(sp.rec);

	memset(&sc, 0, sizeof(sc));
	snprintf(sc.region_prefix, sizeof(sc.region_prefix), "64");
	store_scope_split(&sc, NULL, &sp);
	assert_int_equal(sp.level, STORE_LEVEL_PROV);
	assert_string_equal(sp.prov, "64");
	assert_string_equal(sp.kab, "");

	snprintf(sc.region_prefix, sizeof(sc.region_prefix), "64.08");
	sc.recommended_only = true;
	store_scope_split(&sc, NULL, &sp);
	assert_int_equal(sp.level, STORE_LEVEL_KAB);
	assert_string_equal(sp.kab, "64.08");
	assert_true(sp.rec);
	assert_false(sp.ppk);

	/* a filter narrower than the scope decides the level */
	sc.recommended_only = false;
	sc.ppk_office_id = 12;
	store_scope_split(&sc, "64.08.01", &sp);
	assert_int_equal(sp.level, STORE_LEVEL_DEEP);
	assert_string_equal(sp.prefix, "64.08.01");
	assert_string_equal(sp.prov, "64");
	assert_string_equal(sp.kab, "64.08");
	assert_true(sp.ppk);
	assert_int_equal(sp.ppk_office_id, 12);

	/* the deepest level spells the region rule once, from REGION_WITHIN */
	assert_non_null(strstr(store_scope_level_where[STORE_LEVEL_DEEP],
			       REGION_WITHIN("c.region_code", "?3")));
	assert_non_null(strstr(SCOPE_WHERE, REGION_WITHIN("c.region_code", "?4")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rebase),
		cmocka_unit_test(test_filter_places),
		cmocka_unit_test(test_filter_values),
		cmocka_unit_test(test_scope_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
