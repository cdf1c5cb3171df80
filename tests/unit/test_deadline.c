/*
 * test_deadline.c - the deadline engine: counting convention, skipped days
 * and their reasons, options, refusals outside the data, rule versions,
 * and the request/reply shapes of `netra deadline --json`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/deadline.h"
#include "core/asset.h"

static struct calendar *cal;

static struct date
D(int y, int m, int d) {
	return (struct date){y, m, d};
}

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	return calendar_load(&cal, NULL, &eb);
}

static int
teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return 0;
}

static const struct deadline_rule *
rule(const char *id, struct date on)
{
	struct errbuf eb;
	const struct deadline_rule *r = deadline_rule_find(cal, id, on, &eb);

	if (r == NULL)
		fail_msg("rule %s: %s", id, eb.msg);
	return r;
}

static void
assert_date(struct date got, int y, int m, int d)
{
	char a[DATE_STRLEN], b[DATE_STRLEN];

	date_format(got, a);
	date_format(D(y, m, d), b);
	assert_string_equal(a, b);
}

static void
test_workdays_and_reasons(void **state)
{
	struct deadline_result r;
	struct calendar_opts o;
	struct errbuf eb;
	const char *x;

	(void)state;
	calendar_opts_init(&o);
	deadline_result_init(&r);
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 2, 7)), D(2024, 2, 7),
					  &tz_wib, &o, &r, &eb),
			 0);
	assert_date(r.due, 2024, 2, 21);
	assert_int_equal(r.unit, DEADLINE_HARI_KERJA);
	assert_int_equal(r.count, 7);
	assert_int_equal(r.nskipped, 7);
	assert_string_equal(r.skipped[0].reason, "libur nasional: Isra Mikraj Nabi Muhammad SAW");
	assert_string_equal(r.skipped[1].reason, "cuti bersama: Tahun Baru Imlek 2575 Kongzili");
	assert_string_equal(r.skipped[2].reason,
			    "Sabtu; libur nasional: Tahun Baru Imlek 2575 Kongzili");
	assert_string_equal(r.skipped[3].reason, "Minggu");
	assert_string_equal(r.skipped[4].reason, "hari pemungutan suara (Keppres 10/2024)");
	x = buf_cstr(&r.explanation);
	/* every skipped day is in the explanation with its reason */
	assert_non_null(strstr(x, "2024-02-08 (libur nasional: Isra Mikraj"));
	assert_non_null(strstr(x, "2024-02-14 (hari pemungutan suara (Keppres 10/2024))"));
	assert_non_null(strstr(x, "2024-02-18 (Minggu)"));
	assert_non_null(strstr(x, "Dilewati 7 hari"));
	assert_non_null(strstr(x, "Hari mulai tidak dihitung"));
	assert_non_null(strstr(x, "Rabu, 21 Februari 2024"));
	assert_non_null(strstr(x, "WIB"));
	assert_non_null(strstr(x, "diperdebatkan"));
	assert_non_null(strstr(x, "UU 7/2017 Pasal 454 ayat (6)"));

	/* the same result reused: cuti bersama counted */
	o.cuti_bersama_is_workday = true;
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 2, 7)), D(2024, 2, 7),
					  NULL, &o, &r, &eb),
			 0);
	assert_date(r.due, 2024, 2, 20);
	assert_int_equal(r.nskipped, 6);
	assert_int_equal(r.cuti_counted, 1);
	x = buf_cstr(&r.explanation);
	assert_non_null(strstr(x, "cuti bersama dihitung sebagai hari kerja"));
	assert_non_null(strstr(x, "Cuti bersama yang dihitung sebagai hari kerja: 2024-02-09"));
	assert_non_null(strstr(x, "wilayah tidak disebut"));
	deadline_result_release(&r);
}

static void
test_calendar_days(void **state)
{
	struct deadline_result r;
	struct errbuf eb;
	const char *x;

	(void)state;
	deadline_result_init(&r);
	/* 3+2 hari ending on the Pilkada voting day: not moved */
	assert_int_equal(
		deadline_compute(cal, rule("pilkada.tindak_lanjut_diperpanjang", D(2024, 11, 22)),
				 D(2024, 11, 22), &tz_wita, NULL, &r, &eb),
		0);
	assert_date(r.due, 2024, 11, 27);
	assert_int_equal(r.count, 5);
	assert_int_equal(r.nskipped, 0);
	x = buf_cstr(&r.explanation);
	assert_non_null(strstr(x, "5 hari = 3 hari"));
	assert_non_null(strstr(x, " + 2 hari"));
	assert_non_null(strstr(x, "tetap dihitung: 2024-11-23 (Sabtu), 2024-11-24 (Minggu), "
				  "2024-11-27 (hari pemungutan suara (Keppres 33/2024))"));
	assert_non_null(strstr(x, "tidak menggeser tenggat"));

	/* calendar days may leave the holiday data */
	assert_int_equal(deadline_compute(cal, rule("pemilu.temuan", D(2026, 12, 30)),
					  D(2026, 12, 30), NULL, NULL, &r, &eb),
			 0);
	assert_date(r.due, 2027, 1, 6);
	assert_non_null(strstr(buf_cstr(&r.explanation), "belum tersedia"));
	deadline_result_release(&r);
}

static void
test_options(void **state)
{
	struct deadline_result r;
	struct calendar_opts o;
	struct errbuf eb;

	(void)state;
	calendar_opts_init(&o);
	deadline_result_init(&r);
	o.pemilu_laporan_unit = DEADLINE_HARI;
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 2, 9)), D(2024, 2, 9),
					  NULL, &o, &r, &eb),
			 0);
	assert_date(r.due, 2024, 2, 16);
	assert_true(r.unit_from_option);
	assert_non_null(strstr(buf_cstr(&r.explanation), "[rules] pemilu_laporan_unit = hari"));
	/* the option touches only the rule that names it */
	assert_int_equal(deadline_compute(cal,
					  rule("pemilu.tindak_lanjut_diperpanjang", D(2024, 2, 9)),
					  D(2024, 2, 9), NULL, &o, &r, &eb),
			 0);
	assert_int_equal(r.unit, DEADLINE_HARI_KERJA);
	assert_false(r.unit_from_option);

	o.ppk_tindak_lanjut_days = 10;
	assert_int_equal(deadline_compute(cal, rule("ppk.tindak_lanjut", D(2024, 11, 27)),
					  D(2024, 11, 27), NULL, &o, &r, &eb),
			 0);
	assert_date(r.due, 2024, 12, 7);
	assert_true(r.count_from_option);
	assert_non_null(strstr(buf_cstr(&r.explanation), "ppk_tindak_lanjut_days"));
	o.ppk_tindak_lanjut_days = 14; /* equal to the data: not reported as an override */
	assert_int_equal(deadline_compute(cal, rule("ppk.tindak_lanjut", D(2024, 11, 27)),
					  D(2024, 11, 27), NULL, &o, &r, &eb),
			 0);
	assert_false(r.count_from_option);
	o.ppk_tindak_lanjut_days = DEADLINE_MAX_COUNT + 1;
	assert_int_equal(deadline_compute(cal, rule("ppk.tindak_lanjut", D(2024, 11, 27)),
					  D(2024, 11, 27), NULL, &o, &r, &eb),
			 -1);
	deadline_result_release(&r);
}

static void
test_refusals(void **state)
{
	struct deadline_result r;
	struct errbuf eb;
	long n;

	(void)state;
	deadline_result_init(&r);
	/* before the data's first year: still refused */
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 1, 1)),
					  D(2022, 12, 28), NULL, NULL, &r, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "date_out_of_range");
	assert_non_null(strstr(eb.msg, "2022-12-29"));
	/* the start day itself needs no classification: 31 Dec 2022 starts fine */
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 1, 1)),
					  D(2022, 12, 31), NULL, NULL, &r, &eb),
			 0);
	assert_date(r.due, 2023, 1, 10);
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 1, 1)),
					  D(2022, 12, 30), NULL, NULL, &r, &eb),
			 -1);
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2024, 1, 1)),
					  D(2024, 2, 30), NULL, NULL, &r, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "invalid_date");
	assert_null(deadline_rule_find(cal, "pemilu.banding", D(2024, 1, 1), &eb));
	assert_string_equal(errbuf_code(&eb), "unknown_rule");
	assert_null(deadline_rule_find(cal, "bkn.verifikasi", D(2024, 9, 3), &eb));
	assert_string_equal(errbuf_code(&eb), "rule_not_in_effect");
	assert_non_null(deadline_rule_find(cal, "bkn.verifikasi", D(2024, 9, 4), &eb));

	assert_int_equal(
		deadline_workdays_between(cal, D(2024, 2, 9), D(2024, 2, 21), NULL, &n, NULL, &eb),
		0);
	assert_int_equal(n, 7);
	assert_int_equal(
		deadline_workdays_between(cal, D(2024, 2, 21), D(2024, 2, 9), NULL, &n, NULL, &eb),
		0);
	assert_int_equal(n, 0);
	{
		bool prov = false;

		/* 31 Dec 2026 (known), 1, 4, 5 Jan 2027 (weekdays, provisional) */
		assert_int_equal(deadline_workdays_between(cal, D(2026, 12, 30), D(2027, 1, 5),
							   NULL, &n, &prov, &eb),
				 0);
		assert_int_equal(n, 4);
		assert_true(prov);
		prov = false;
		assert_int_equal(deadline_workdays_between(cal, D(2026, 12, 1), D(2026, 12, 31),
							   NULL, &n, &prov, &eb),
				 0);
		assert_false(prov);
		assert_int_equal(deadline_workdays_between(cal, D(2022, 12, 27), D(2023, 1, 5),
							   NULL, &n, &prov, &eb),
				 -1);
		assert_string_equal(errbuf_code(&eb), "date_out_of_range");
	}
	deadline_result_release(&r);
}

/* Past the holiday data: weekends and known holidays, flagged provisional. */
static void
test_provisional(void **state)
{
	struct deadline_result r;
	struct errbuf eb;
	char ds[DATE_STRLEN];

	(void)state;
	deadline_result_init(&r);
	/* Thu 24 Dec 2026: 25 Dec (Natal) and the weekends skipped; 2027 counted
	 * by weekday: 28, 29, 30, 31 Dec, 1, 4, 5 Jan */
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2026, 12, 24)),
					  D(2026, 12, 24), NULL, NULL, &r, &eb),
			 0);
	assert_date(r.due, 2027, 1, 5);
	assert_true(r.provisional);
	assert_int_equal(r.nprovisional_years, 1);
	assert_int_equal(r.provisional_years[0], 2027);
	assert_string_equal(r.provisional_reason,
			    "data hari libur 2027 belum dimuat; dihitung tanpa libur nasional");
	assert_non_null(strstr(buf_cstr(&r.explanation), "Perkiraan: data hari libur 2027"));
	assert_int_equal(r.nskipped, 5);
	assert_string_equal(r.skipped[3].reason, "Sabtu");
	/* the latest possible due: start + 2 * 7 + 14 */
	date_format(deadline_latest_due(r.start, r.due, r.unit, r.count, r.provisional), ds);
	assert_string_equal(ds, "2027-01-21");
	/* an exact deadline is its own latest */
	date_format(deadline_latest_due(r.start, r.due, r.unit, r.count, false), ds);
	assert_string_equal(ds, "2027-01-05");

	/* inside the data: exact, and the flag is cleared on reuse */
	assert_int_equal(deadline_compute(cal, rule("pemilu.laporan", D(2026, 12, 20)),
					  D(2026, 12, 20), NULL, NULL, &r, &eb),
			 0);
	assert_date(r.due, 2026, 12, 31);
	assert_false(r.provisional);
	assert_string_equal(r.provisional_reason, "");
	assert_null(strstr(buf_cstr(&r.explanation), "Perkiraan"));

	/* a long count over two missing years names both */
	{
		struct deadline_rule long_rule = *rule("ppk.penyampaian_keputusan", D(2026, 12, 1));

		long_rule.count = 366;
		long_rule.option = DEADLINE_OPT_NONE;
		long_rule.nparts = 0;
		assert_int_equal(
			deadline_compute(cal, &long_rule, D(2026, 12, 1), NULL, NULL, &r, &eb), 0);
		assert_true(r.provisional);
		assert_int_equal(r.nprovisional_years, 2);
		assert_string_equal(r.provisional_reason, "data hari libur 2027 dan 2028 belum "
							  "dimuat; dihitung tanpa libur nasional");
	}

	/* calendar days never need the holiday data */
	assert_int_equal(deadline_compute(cal, rule("pilkada.laporan", D(2024, 11, 1)),
					  D(2027, 3, 1), NULL, NULL, &r, &eb),
			 0);
	assert_false(r.provisional);
	deadline_result_release(&r);
}

/* The bound behind deadline_latest_due(): no start in the data needs more
 * than 2N + 14 calendar days for N hari kerja. */
static void
test_latest_bound(void **state)
{
	static const int counts[] = {1, 2, 3, 5, 7, 10, 14, 30, 60, 366};
	struct deadline_rule r = *rule("ppk.penyampaian_keputusan", D(2026, 12, 1));
	struct deadline_result res;
	struct errbuf eb;
	size_t k;

	(void)state;
	r.option = DEADLINE_OPT_NONE;
	r.nparts = 0;
	deadline_result_init(&res);
	for (k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
		struct date s = D(2023, 1, 1);

		r.count = counts[k];
		for (; s.year < 2027; s = date_add_days(s, 1)) {
			int64_t span;

			assert_int_equal(deadline_compute(cal, &r, s, NULL, NULL, &res, &eb), 0);
			if (res.provisional)
				break; /* the rest of this count runs past the data */
			span = date_to_days(res.due) - date_to_days(s);
			if (span > DEADLINE_SLACK_FACTOR * counts[k] + DEADLINE_SLACK_DAYS)
				fail_msg("%d hari kerja from %04d-%02d-%02d take %lld days",
					 counts[k], s.year, s.month, s.day, (long long)span);
		}
	}
	deadline_result_release(&res);
}

static void
test_versions(void **state)
{
	static const char rules[] =
		"{\"rules\": [\n"
		" {\"id\": \"x.y\", \"title\": \"lama\", \"count\": 10, \"unit\": \"hari\", "
		"\"starts\": \"s\", \"basis\": \"lama\", \"sources\": [\"u\"], \"confidence\": "
		"\"confirmed\", \"effective_to\": \"2024-06-30\"},\n"
		" {\"id\": \"x.y\", \"title\": \"baru\", \"count\": 5, \"unit\": \"hari_kerja\", "
		"\"starts\": \"s\", \"basis\": \"baru\", \"sources\": [\"u\"], \"confidence\": "
		"\"confirmed\", \"effective_from\": \"2024-07-01\"}]}";
	struct calendar_file files[64];
	struct calendar *c2;
	struct errbuf eb;
	size_t i, n = 0;
	const struct deadline_rule *r;

	(void)state;
	for (i = asset_prefix_first("data/calendars/");
	     i < asset_count && strncmp(asset_table[i].name, "data/calendars/", 15) == 0; i++) {
		const char *nm = asset_table[i].name + 5;

		if (strcmp(nm, "calendars/deadlines.json") == 0)
			files[n++] = (struct calendar_file){nm, rules, sizeof(rules) - 1};
		else
			files[n++] = (struct calendar_file){nm, (const char *)asset_table[i].data,
							    asset_table[i].len};
	}
	assert_int_equal(calendar_load_files(&c2, files, n, "uji", &eb), 0);
	r = deadline_rule_find(c2, "x.y", D(2024, 6, 30), &eb);
	assert_non_null(r);
	assert_string_equal(r->basis, "lama");
	r = deadline_rule_find(c2, "x.y", D(2024, 7, 1), &eb);
	assert_non_null(r);
	assert_string_equal(r->basis, "baru");
	assert_int_equal(r->line, 3);
	calendar_free(c2);
}

static void
test_requests(void **state)
{
	struct deadline_request q;
	struct deadline_result r;
	struct calendar_opts o;
	struct errbuf eb;
	char big[DEADLINE_REQUEST_MAX + 10];
	json_t *j;

	(void)state;
	calendar_opts_init(&o);
	deadline_result_init(&r);
#define PARSE(s) deadline_request_parse((s), strlen(s), &q, &eb)
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09\", "
			       "\"region\": \"64.08\", \"id\": \"k-1\"}"),
			 0);
	assert_string_equal(q.rule, "pemilu.laporan");
	assert_string_equal(q.region, "64.08");
	assert_string_equal(q.id, "k-1");
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), 0);
	j = deadline_result_to_json(&q, &r);
	assert_string_equal(json_string_value(json_object_get(j, "due")), "2024-02-21");
	assert_string_equal(json_string_value(json_object_get(j, "unit")), "hari_kerja");
	assert_string_equal(json_string_value(json_object_get(j, "id")), "k-1");
	assert_int_equal(json_array_size(json_object_get(j, "skipped")), 5);
	assert_non_null(
		json_object_get(json_array_get(json_object_get(j, "skipped"), 0), "reason"));
	assert_true(json_is_string(json_object_get(j, "explanation")));
	json_decref(j);

	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09\", "
			       "\"region\": null}"),
			 0);
	assert_string_equal(q.region, "");
	assert_int_equal(PARSE("{\"rule\": \"a\", \"start\": \"b\", \"rule\": \"c\"}"), -1);
	assert_int_equal(PARSE("[]"), -1);
	assert_int_equal(PARSE("{\"rule\": 7, \"start\": \"2024-02-09\"}"), -1);
	assert_string_equal(eb.field, "rule");
	assert_int_equal(
		PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09\", \"x\": 1}"), -1);
	assert_string_equal(eb.field, "x");
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"\"}"), -1);
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": "
			       "\"2024-02-09T23:30:00+08:00.................\"}"),
			 -1);
	memset(big, ' ', sizeof(big));
	assert_int_equal(deadline_request_parse(big, sizeof(big), &q, &eb), -1);

	/* a timestamp: local date by the region's zone, and the preface says so */
	assert_int_equal(PARSE("{\"rule\": \"pemilu.temuan\", \"start\": "
			       "\"2024-02-13T23:30:00+08:00\", \"region\": \"81.71\"}"),
			 0);
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), 0);
	assert_date(r.start, 2024, 2, 14);
	assert_ptr_equal(r.zone, &tz_wit);
	assert_non_null(strstr(buf_cstr(&r.explanation), "pukul 00:30 WIT"));
	assert_non_null(strstr(buf_cstr(&r.explanation), "Maluku"));

	/* refusals and their codes; an unknown rule is reported before the date */
	assert_int_equal(PARSE("{\"rule\": \"nope\", \"start\": \"bukan tanggal\"}"), 0);
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "unknown_rule");
	j = deadline_error_to_json(&q, &eb);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "error"), "code")),
			    "unknown_rule");
	assert_string_equal(json_string_value(json_object_get(j, "rule")), "nope");
	json_decref(j);
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09T10:00Z\"}"),
			 0);
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "region_required");
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"09-02-2024\"}"), 0);
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_date");
	assert_int_equal(PARSE("{\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09\", "
			       "\"region\": \"64.08.99.99999\"}"),
			 0);
	assert_int_equal(deadline_request_run(cal, &q, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "unknown_region");
#undef PARSE
	deadline_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workdays_and_reasons),
		cmocka_unit_test(test_calendar_days),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_provisional),
		cmocka_unit_test(test_latest_bound),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_requests),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
