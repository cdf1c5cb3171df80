/*
 * test_stats.c - the pure parts of the statistics module: the dashboard
 * filter, small-count suppression and rounded totals, percentiles, the
 * transparency data file (data/stats/transparansi.json) and its outcome
 * mapping, and the export's filter and CSV fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cases/workflow.h"
#include "core/asset.h"
#include "core/buf.h"
#include "export/export.h"
#include "stats/stats.h"
#include "stats/stats_internal.h"
#include "store/store_stats.h"

/* A form from "k=v&k=v" (values undecoded, for the tests). */
static struct form
mkform(struct arena *a, const char *s)
{
	struct form f;
	struct errbuf eb;

	assert_int_equal(form_parse(a, s, strlen(s), &f, &eb), 0);
	return f;
}

static void
test_filter_parse(void **state)
{
	struct arena a;
	struct form f;
	struct stats_filter sf;
	struct store_stat_filter st;
	struct errbuf eb;

	(void)state;
	arena_init(&a, 4096);
	f = mkform(&a, "");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), 0);
	assert_string_equal(sf.election, "");
	assert_int_equal(sf.period, STORE_STAT_MONTH);
	f = mkform(&a, "election=pemilu2024&kind=temuan&region=64.08&from=2024-01-01&to=2024-01-31"
		       "&period=minggu");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), 0);
	assert_string_equal(sf.election, "pemilu2024");
	assert_string_equal(sf.kind, "temuan");
	assert_string_equal(sf.region, "64.08");
	assert_int_equal(sf.period, STORE_STAT_WEEK);
	/* local dates become local-time bounds: [1 Jan 00:00, 1 Feb 00:00) */
	stats_filter_store(&sf, &st);
	assert_int_equal(st.from, 19723LL * 86400);
	assert_int_equal(st.to, (19723LL + 31) * 86400);

	f = mkform(&a, "election=Pemilu%202024");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "election");
	f = mkform(&a, "kind=semua");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "kind");
	f = mkform(&a, "region=64.8");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "region");
	f = mkform(&a, "region=64.08.01.2001");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	f = mkform(&a, "from=2024-02-30");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "from");
	f = mkform(&a, "from=2024-02-10&to=2024-02-09");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "to");
	f = mkform(&a, "from=2000-01-01&to=2024-01-01");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	f = mkform(&a, "period=tahun");
	assert_int_equal(stats_filter_parse(&f, &sf, &eb), -1);
	assert_string_equal(eb.field, "period");
	arena_release(&a);
}

static void
test_filter_key(void **state)
{
	struct stats_filter a, b;
	char ka[128], kb[128];

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	strcpy(a.region, "64.08");
	strcpy(b.election, "64.08"); /* same text in another field: another key */
	stats_filter_key(&a, ka, sizeof(ka));
	stats_filter_key(&b, kb, sizeof(kb));
	assert_string_not_equal(ka, kb);
}

static void
test_suppress(void **state)
{
	struct stats_cell c[5];
	bool rounded;

	(void)state;
	/* nothing small: nothing hidden, exact total */
	c[0].n = 5;
	c[1].n = 12;
	c[2].n = 40;
	assert_int_equal(stats_suppress(c, 3, 5), 0);
	assert_int_equal(c[0].hidden, STATS_SHOWN);
	assert_int_equal(stats_total_display(57, 0, 10, &rounded), 57);
	assert_false(rounded);

	/* one small cell: it and the smallest other cell are hidden */
	c[0].n = 3;
	c[1].n = 12;
	c[2].n = 40;
	c[3].n = 9;
	assert_int_equal(stats_suppress(c, 4, 5), 2);
	assert_int_equal(c[0].hidden, STATS_SMALL);
	assert_int_equal(c[3].hidden, STATS_COMPLEMENTARY);
	assert_int_equal(c[1].hidden, STATS_SHOWN);
	assert_int_equal(c[2].hidden, STATS_SHOWN);
	assert_int_equal(stats_total_display(64, 2, 10, &rounded), 60);
	assert_true(rounded);
	assert_int_equal(stats_total_display(65, 2, 10, &rounded), 70);

	/* zero is below the threshold too; two small cells still get a partner */
	c[0].n = 0;
	c[1].n = 4;
	c[2].n = 7;
	c[3].n = 6;
	assert_int_equal(stats_suppress(c, 4, 5), 3);
	assert_int_equal(c[3].hidden, STATS_COMPLEMENTARY);
	assert_int_equal(c[2].hidden, STATS_SHOWN);

	/* everything small: nothing left to pair with */
	c[0].n = 1;
	c[1].n = 2;
	assert_int_equal(stats_suppress(c, 2, 5), 2);
	assert_int_equal(c[0].hidden, STATS_SMALL);
	assert_int_equal(c[1].hidden, STATS_SMALL);
	assert_int_equal(stats_suppress(c, 0, 5), 0);
}

static void
test_percentile(void **state)
{
	int64_t v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

	(void)state;
	assert_int_equal(stats_percentile(v, 10, 50), 5);
	assert_int_equal(stats_percentile(v, 10, 90), 9);
	assert_int_equal(stats_percentile(v, 1, 90), 1);
	assert_int_equal(stats_percentile(v, 3, 50), 2);
	assert_int_equal(stats_percentile(v, 0, 50), 0);
}

static void
test_public_cfg_embedded(void **state)
{
	struct stats_public_cfg c;
	struct errbuf eb;
	size_t i;
	int k;

	(void)state;
	assert_int_equal(stats_public_cfg_load(&c, NULL, &eb), 0);
	assert_int_equal(c.threshold, 5);
	assert_int_equal(c.total_base, 10);
	assert_non_null(c.note_id);
	assert_non_null(c.note_en);
	/* a case not registered is "tidak_diregistrasi" whatever its track says */
	k = stats_outcome_of(&c, "tidak_diregistrasi", "dihentikan");
	assert_true(k >= 0);
	assert_string_equal(c.outcomes[k].id, "tidak_diregistrasi");
	k = stats_outcome_of(&c, "diputus", "sanksi_dijatuhkan");
	assert_string_equal(c.outcomes[k].id, "sanksi_dijatuhkan");
	k = stats_outcome_of(&c, "kajian", "proses");
	assert_string_equal(c.outcomes[k].id, "dalam_penanganan");
	/* every track state of the workflow has an outcome (no "Lainnya" row
	 * in normal operation), given an open case */
	for (i = 0; i < wf_state_count(); i++) {
		const struct wf_state *s = wf_state_at(i);

		if (s->scope != WF_TRACK || strcmp(s->id, "dihentikan") == 0)
			continue;
		assert_true(stats_outcome_of(&c, "diputus", s->id) >= 0);
	}
	stats_public_cfg_release(&c);
}

static void
test_public_cfg_errors(void **state)
{
	static const char *const bad[] = {
		"",
		"[]",
		"{\"threshold\": 0, \"total_rounding\": 10, \"outcomes\": []}",
		"{\"threshold\": 5, \"total_rounding\": 10}",
		"{\"threshold\": 5, \"total_rounding\": 10, \"outcomes\": [], \"extra\": 1}",
		"{\"threshold\": 5, \"total_rounding\": 10, \"outcomes\": [{\"id\": \"a\", "
		"\"label\": "
		"{\"id\": \"A\", \"en\": \"A\"}}]}",
		"{\"threshold\": 5, \"total_rounding\": 10, \"outcomes\": [{\"id\": \"a\", "
		"\"label\": "
		"{\"id\": \"A\", \"en\": \"A\"}, \"track_states\": [\"x\"]}, {\"id\": \"a\", "
		"\"label\": {\"id\": \"B\", \"en\": \"B\"}, \"track_states\": [\"y\"]}]}",
		"{\"threshold\": 5, \"total_rounding\": 10, \"outcomes\": [{\"id\": \"A B\", "
		"\"label\": {\"id\": \"A\", \"en\": \"A\"}, \"track_states\": [\"x\"]}]}",
		"{\"threshold\": 5, \"total_rounding\": 10, \"outcomes\": [{\"id\": \"a\", "
		"\"label\": "
		"{\"id\": \"A\"}, \"track_states\": [\"x\"]}]}",
	};
	const char *good = "{\"_c\": \"comment\", \"threshold\": 3, \"total_rounding\": 5, "
			   "\"outcomes\": [{\"id\": \"a\", \"label\": {\"id\": \"A\", \"en\": "
			   "\"A\"}, \"case_states\": [\"selesai\"], \"track_states\": []}]}";
	struct stats_public_cfg c;
	struct errbuf eb;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(stats_public_cfg_parse(&c, bad[i], strlen(bad[i]), "uji", &eb),
				 -1);
		assert_non_null(strstr(eb.msg, "uji"));
	}
	assert_int_equal(stats_public_cfg_parse(&c, good, strlen(good), "uji", &eb), 0);
	assert_int_equal(c.threshold, 3);
	/* an empty state list means any state */
	assert_int_equal(stats_outcome_of(&c, "selesai", "apa_saja"), 0);
	assert_int_equal(stats_outcome_of(&c, "kajian", "apa_saja"), -1);
	stats_public_cfg_release(&c);
}

static void
test_csv_field(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	export_csv_field(&b, "biasa", 5);
	assert_string_equal(buf_cstr(&b), "biasa");
	buf_reset(&b);
	export_csv_field(&b, "a;b", 3);
	assert_string_equal(buf_cstr(&b), "\"a;b\"");
	buf_reset(&b);
	export_csv_field(&b, "kata \"kutip\"", 12);
	assert_string_equal(buf_cstr(&b), "\"kata \"\"kutip\"\"\"");
	buf_reset(&b);
	export_csv_field(&b, "=1+1", 4);
	assert_string_equal(buf_cstr(&b), "'=1+1");
	buf_reset(&b);
	export_csv_field(&b, "@SUM(A1)", 8);
	assert_string_equal(buf_cstr(&b), "'@SUM(A1)");
	buf_reset(&b);
	export_csv_field(&b, "-2+3;x", 6);
	assert_string_equal(buf_cstr(&b), "\"'-2+3;x\"");
	buf_reset(&b);
	export_csv_field(&b, "baris\nbaru", 10);
	assert_string_equal(buf_cstr(&b), "\"baris\nbaru\"");
	buf_reset(&b);
	export_csv_field(&b, "", 0);
	assert_string_equal(buf_cstr(&b), "");
	buf_release(&b);
}

static void
test_export_query(void **state)
{
	struct arena a;
	struct form f;
	struct export_query q;
	struct errbuf eb;

	(void)state;
	arena_init(&a, 4096);
	f = mkform(&a, "state=kajian&q=Budi&assigned=me&overdue=1&region=64.08");
	assert_int_equal(export_query_parse(&f, &q, &eb), 0);
	assert_string_equal(q.state, "kajian");
	assert_string_equal(q.q, "Budi");
	assert_true(q.assigned_me);
	assert_false(q.unassigned);
	assert_true(q.overdue);
	assert_false(q.due_soon);
	assert_string_equal(q.sf.region, "64.08");
	f = mkform(&a, "state=Kajian");
	assert_int_equal(export_query_parse(&f, &q, &eb), -1);
	assert_string_equal(eb.field, "state");
	f = mkform(&a, "assigned=siapa");
	assert_int_equal(export_query_parse(&f, &q, &eb), -1);
	f = mkform(&a, "to=kemarin");
	assert_int_equal(export_query_parse(&f, &q, &eb), -1);
	arena_release(&a);
	/* the columns never include the reporter or witnesses */
	for (size_t i = 0; export_columns[i]; i++) {
		assert_null(strstr(export_columns[i], "Pelapor"));
		assert_null(strstr(export_columns[i], "Saksi"));
	}
}

static int computed;

static int
compute_count(void *arg, json_t **out, struct errbuf *eb)
{
	(void)eb;
	computed++;
	*out = json_pack("{s:i, s:s}", "run", computed, "key", (const char *)arg);
	return 0;
}

static int
compute_fail(void *arg, json_t **out, struct errbuf *eb)
{
	(void)arg;
	*out = NULL;
	return errbuf_set(eb, ERR_INTERNAL, "gagal");
}

static void
test_cache(void **state)
{
	struct stats_cache *c = stats_cache_new(2);
	struct errbuf eb;
	json_t *a, *b;
	char arg[] = "x";

	(void)state;
	computed = 0;
	assert_int_equal(stats_cache_get(c, "k1", 7, compute_count, arg, sizeof(arg), &a, &eb), 0);
	assert_int_equal(stats_cache_get(c, "k1", 7, compute_count, arg, sizeof(arg), &b, &eb), 0);
	/* same store version: the same (shared, read-only) figures */
	assert_int_equal(computed, 1);
	assert_ptr_equal(a, b);
	json_decref(b);
	/* a write happened and computing was fast: computed again */
	assert_int_equal(stats_cache_get(c, "k1", 8, compute_count, arg, sizeof(arg), &b, &eb), 0);
	assert_int_equal(computed, 2);
	assert_ptr_not_equal(a, b);
	/* the old figures stay valid for whoever holds them */
	assert_int_equal(json_integer_value(json_object_get(a, "run")), 1);
	json_decref(a);
	json_decref(b);
	/* two slots: a third key evicts the least recently used */
	assert_int_equal(stats_cache_get(c, "k2", 8, compute_count, arg, sizeof(arg), &a, &eb), 0);
	json_decref(a);
	assert_int_equal(stats_cache_get(c, "k3", 8, compute_count, arg, sizeof(arg), &a, &eb), 0);
	json_decref(a);
	assert_int_equal(computed, 4);
	assert_int_equal(stats_cache_get(c, "k1", 8, compute_count, arg, sizeof(arg), &a, &eb), 0);
	json_decref(a);
	assert_int_equal(computed, 5);
	/* a failure is reported and not cached */
	assert_int_equal(stats_cache_get(c, "k9", 8, compute_fail, arg, sizeof(arg), &a, &eb), -1);
	assert_null(a);
	assert_int_equal(stats_cache_get(c, "k9", 8, compute_count, arg, sizeof(arg), &a, &eb), 0);
	json_decref(a);
	stats_cache_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_parse),
		cmocka_unit_test(test_filter_key),
		cmocka_unit_test(test_suppress),
		cmocka_unit_test(test_percentile),
		cmocka_unit_test(test_public_cfg_embedded),
		cmocka_unit_test(test_public_cfg_errors),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_export_query),
		cmocka_unit_test(test_cache),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
