/*
 * test_rules_eval.c - the evaluator on plain inputs (no calendar): verdicts,
 * levels by date and reading, penetapan timing, modifiers, statuses,
 * routes, error codes, the JSON faces, and many threads on one catalog.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

static struct rules_catalog *cat;

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	return rules_catalog_load(&cat, NULL, &eb);
}

static int
teardown(void **state)
{
	(void)state;
	rules_catalog_free(cat);
	return 0;
}

static struct rules_facts
facts(const char *text, const char *status, int y, int m, int d)
{
	struct rules_facts f;

	rules_facts_init(&f);
	f.text = text;
	f.text_len = text ? strlen(text) : 0;
	f.status = status;
	if (y) {
		f.date = (struct date){y, m, d};
		f.has_date = true;
	}
	return f;
}

static const struct rules_match *
first_in_play(const struct rules_result *r)
{
	size_t i;

	for (i = 0; i < r->nitems; i++)
		if ((r->items[i].applies || r->items[i].conditional) && !r->items[i].covered_by)
			return &r->items[i];
	return NULL;
}

static bool
has_missing(const struct rules_result *r, const char *m)
{
	size_t i;

	for (i = 0; i < r->nmissing; i++)
		if (strcmp(r->missing[i], m) == 0)
			return true;
	return false;
}

static void
test_violation_and_forms(void **state)
{
	struct rules_options o;
	struct rules_facts f =
		facts("PNS memasang spanduk caleg di depan rumah", "PNS", 2024, 1, 10);
	struct rules_result r;
	struct errbuf eb;
	struct arena a;

	(void)state;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_PELANGGARAN);
	assert_int_equal(r.level, RULES_LEVEL_BERAT);
	assert_string_equal(first_in_play(&r)->item->id, "D-1");
	assert_string_equal(r.forms->regime, "PP 94/2021");
	assert_string_equal(r.route->recommending, "KASN");
	assert_non_null(strstr(r.explanation, "PELANGGARAN"));
	/* the same act in 2020: PP 53/2010 forms */
	f.date = (struct date){2020, 11, 1};
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(r.forms->regime, "PP 53/2010");
	/* handled after the KASN -> BKN handover */
	f.handling_date = (struct date){2024, 9, 4};
	f.has_handling_date = true;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(r.route->recommending, "BKN");
	assert_true(r.route_date_given);
	/* without a date the level is not asserted */
	f = facts("PNS memasang spanduk caleg", "PNS", 0, 0, 0);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_TIDAK_CUKUP);
	assert_int_equal(r.level, RULES_LEVEL_NONE);
	assert_true(has_missing(&r, "date"));
	arena_release(&a);
}

static void
test_penetapan_and_readings(void **state)
{
	struct rules_options o;
	struct rules_facts f = facts("PNS menjadi tim pemenangan calon bupati", "PNS", 2024, 8, 1);
	struct rules_result r;
	struct errbuf eb;
	struct arena a;

	(void)state;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_TIDAK_CUKUP); /* penetapan unknown */
	assert_true(has_missing(&r, "election"));
	f.election = RULES_ELECTION_PILKADA;
	f.penetapan = (struct date){2024, 9, 22};
	f.has_penetapan = true;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(first_in_play(&r)->item->id, "D-9");
	assert_int_equal(r.level, RULES_LEVEL_SEDANG);
	assert_null(r.pidana); /* before penetapan: no election-crime route */
	f.date = (struct date){2024, 9, 22};
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(first_in_play(&r)->item->id, "D-10");
	assert_int_equal(r.level, RULES_LEVEL_BERAT);
	assert_non_null(r.pidana);
	assert_int_equal(rules_options_set(&o, cat, "d9_reading", "merged", &eb), 0);
	f.date = (struct date){2024, 8, 1};
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(first_in_play(&r)->item->id, "D-9");
	assert_int_equal(r.level, RULES_LEVEL_BERAT);
	arena_release(&a);
}

static void
test_modifiers(void **state)
{
	struct rules_options o;
	struct rules_facts f = facts("ASN hadir di acara kampanye", "PNS", 2024, 1, 10);
	struct rules_result r;
	struct errbuf eb;
	struct arena a;

	(void)state;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_TIDAK_CUKUP);
	assert_true(has_missing(&r, "modifiers.attributes"));
	f.modifiers[0].id = "attributes";
	f.modifiers[0].value = RULES_TRI_NO;
	f.modifiers[1].id = "dukungan_aktif"; /* an alias */
	f.modifiers[1].value = RULES_TRI_NO;
	f.nmodifiers = 2;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_BOLEH);
	f.modifiers[0].value = RULES_TRI_YES;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_PELANGGARAN);
	assert_int_equal(r.level, RULES_LEVEL_SEDANG);
	/* a given value wins over what the text says */
	f = facts("ASN hadir di kampanye memakai kaos paslon", "PNS", 2024, 1, 10);
	f.modifiers[0].id = "attributes";
	f.modifiers[0].value = RULES_TRI_NO;
	f.nmodifiers = 1;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.modifiers[0].value, RULES_TRI_NO);
	assert_false(r.modifiers[0].from_text);
	arena_release(&a);
}

static void
test_statuses(void **state)
{
	struct rules_options o;
	struct rules_facts f = facts("memasang baliho calon bupati", "kepala desa", 2024, 10, 1);
	struct rules_result r;
	struct errbuf eb;
	struct arena a;
	size_t i, flagged = 0;

	(void)state;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_BUKAN_ASN);
	assert_int_equal(r.level, RULES_LEVEL_NONE);
	assert_string_equal(r.route->id, "kepala_desa");
	f.status = "PPPK";
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_int_equal(r.verdict, RULES_VERDICT_PELANGGARAN);
	for (i = 0; i < r.forms->nforms; i++)
		flagged += rules_form_flagged(r.status, &r.forms->forms[i]);
	assert_int_equal(flagged, 3);
	f.status = NULL;
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	assert_string_equal(r.status->id, "unknown");
	arena_release(&a);
}

static void
expect_code(struct rules_facts *f, const char *code)
{
	struct rules_options o;
	struct rules_result r;
	struct errbuf eb;
	struct arena a;

	rules_options_init(&o);
	arena_init(&a, 4096);
	assert_int_equal(rules_check(cat, &o, f, &a, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), code);
	assert_true(eb.msg[0] != '\0');
	arena_release(&a);
}

static void
test_errors(void **state)
{
	struct rules_facts f = facts("PNS memasang spanduk", "Bupati", 2024, 1, 1);
	char *big;

	(void)state;
	expect_code(&f, "unknown_status");
	f = facts("PNS memasang spanduk", "PNS", 2009, 12, 31);
	expect_code(&f, "date_out_of_range");
	f = facts("PNS memasang spanduk", "PNS", 2030, 1, 1);
	expect_code(&f, "date_out_of_range");
	f = facts(NULL, "PNS", 2024, 1, 1);
	expect_code(&f, "missing_conduct");
	f = facts("   ", "PNS", 2024, 1, 1);
	expect_code(&f, "missing_conduct");
	f.item = "D-99";
	expect_code(&f, "unknown_item");
	f = facts("x", "PNS", 2024, 1, 1);
	f.modifiers[0].id = "helm";
	f.nmodifiers = 1;
	expect_code(&f, "unknown_modifier");
	big = malloc(RULES_MAX_TEXT + 2);
	memset(big, 'a', RULES_MAX_TEXT + 1);
	big[RULES_MAX_TEXT + 1] = '\0';
	f = facts(big, "PNS", 2024, 1, 1);
	expect_code(&f, "text_too_long");
	free(big);
}

static void
test_json(void **state)
{
	struct rules_options o;
	struct rules_facts f;
	struct rules_result r;
	struct errbuf eb;
	struct arena a;
	const char *election;
	json_t *req, *ans;

	(void)state;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	req = json_pack("{s:s, s:s, s:s, s:s, s:{s:b}}", "text", "ASN ikut kampanye paslon",
			"status", "PNS", "date", "2024-01-10", "election", "pemilu2024",
			"modifiers", "state_facilities", 1);
	assert_int_equal(rules_facts_from_json(cat, req, &a, &f, &election, &eb), 0);
	assert_string_equal(election, "pemilu2024");
	assert_true(f.has_date);
	assert_int_equal(f.nmodifiers, 1);
	assert_int_equal(rules_check(cat, &o, &f, &a, &r, &eb), 0);
	ans = rules_result_to_json(cat, &r);
	assert_string_equal(json_string_value(json_object_get(ans, "verdict")), "pelanggaran");
	assert_string_equal(json_string_value(json_object_get(ans, "level")), "berat");
	assert_true(json_is_array(json_object_get(ans, "items")));
	assert_non_null(
		json_object_get(json_array_get(json_object_get(ans, "items"), 0), "matched"));
	assert_true(json_is_array(json_object_get(ans, "forms")));
	assert_true(json_is_array(json_object_get(ans, "legal_basis")));
	assert_true(json_is_object(json_object_get(ans, "route")));
	assert_true(json_is_string(json_object_get(ans, "explanation")));
	json_decref(ans);
	json_decref(req);
	req = json_pack("{s:s, s:s}", "text", "x", "tanggal", "2024-01-10");
	assert_int_equal(rules_facts_from_json(cat, req, &a, &f, &election, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "unknown_field");
	json_decref(req);
	req = json_pack("{s:s, s:s}", "text", "x", "date", "10-01-2024");
	assert_int_equal(rules_facts_from_json(cat, req, &a, &f, &election, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_date");
	json_decref(req);
	req = json_pack("{s:s, s:{s:s}}", "text", "x", "modifiers", "attributes", "ya");
	assert_int_equal(rules_facts_from_json(cat, req, &a, &f, &election, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_input");
	json_decref(req);
	arena_release(&a);
}

/* Many threads on one catalog get the same answers as one thread. */
#define NTHREADS 4

static const char *const texts[] = {
	"PNS memberi like dan komentar pada unggahan akun pemenangan capres",
	"ASN hadir di kampanye terbuka sebagai pendengar tanpa atribut",
	"Camat mengajak warga memilih paslon nomor 2",
	"PNS menjadi anggota partai politik",
};

static void *
worker(void *arg)
{
	struct rules_options o;
	struct arena a;
	int i, *bad = arg;

	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	for (i = 0; i < 400; i++) {
		struct rules_facts f = facts(texts[i % 4], "PNS", 2024, 1, 10);
		struct rules_result r;
		struct errbuf eb;
		static const enum rules_verdict want[] = {
			RULES_VERDICT_PELANGGARAN, RULES_VERDICT_BOLEH, RULES_VERDICT_PELANGGARAN,
			RULES_VERDICT_PELANGGARAN};

		if (rules_check(cat, &o, &f, &a, &r, &eb) < 0 || r.verdict != want[i % 4])
			(*bad)++;
		arena_reset(&a);
	}
	arena_release(&a);
	return NULL;
}

static void
test_threads(void **state)
{
	pthread_t t[NTHREADS];
	int bad[NTHREADS] = {0}, i;

	(void)state;
	for (i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, &bad[i]), 0);
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(bad[i], 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_violation_and_forms),
		cmocka_unit_test(test_penetapan_and_readings),
		cmocka_unit_test(test_modifiers),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
