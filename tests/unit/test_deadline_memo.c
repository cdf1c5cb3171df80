/*
 * test_deadline_memo.c - the memo of computed deadlines: a hit returns a
 * private copy of what was put, every part of the key counts, a newer
 * answer replaces an older one, over-long rules are not remembered, and
 * filling far more keys than slots keeps every hit correct.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases/deadline_memo.h"

static const struct date feb9 = {2024, 2, 9}, feb10 = {2024, 2, 10};

static void
test_hit_and_key(void **state)
{
	struct deadline_memo *m = deadline_memo_new();
	char due[DATE_STRLEN] = "", *t;
	bool prov = true;

	(void)state;
	assert_null(deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, due, &prov));
	deadline_memo_put(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, "{\"due\":\"2024-02-11\"}",
			  "2024-02-11", false);
	t = deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, due, &prov);
	assert_non_null(t);
	assert_string_equal(t, "{\"due\":\"2024-02-11\"}");
	assert_string_equal(due, "2024-02-11");
	t[0] = 'X'; /* a private copy: the memo is unchanged */
	free(t);
	t = deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, due, &prov);
	assert_string_equal(t, "{\"due\":\"2024-02-11\"}");
	free(t);
	/* every part of the key counts */
	assert_null(deadline_memo_get(m, NULL, "pemilu.kajian_awa", feb9, &tz_wita, due, &prov));
	assert_null(deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb10, &tz_wita, due, &prov));
	assert_null(deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wib, due, &prov));
	/* the calendar too: an answer of a replaced calendar is never found */
	assert_null(deadline_memo_get(m, (const struct calendar *)(uintptr_t)16,
				      "pemilu.kajian_awal", feb9, &tz_wita, due, &prov));
	deadline_memo_clear(m);
	assert_null(deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, due, &prov));
	deadline_memo_put(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, "{\"due\":\"2024-02-11\"}",
			  "2024-02-11", false);
	/* a newer answer replaces the older */
	deadline_memo_put(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, "{}", "2024-02-12", false);
	t = deadline_memo_get(m, NULL, "pemilu.kajian_awal", feb9, &tz_wita, due, &prov);
	assert_string_equal(t, "{}");
	assert_string_equal(due, "2024-02-12");
	assert_false(prov);
	free(t);
	/* the provisional flag is kept with the answer */
	deadline_memo_put(m, NULL, "pemilu.laporan", feb9, &tz_wita, "{\"provisional\":true}",
			  "2027-01-11", true);
	t = deadline_memo_get(m, NULL, "pemilu.laporan", feb9, &tz_wita, due, &prov);
	assert_non_null(t);
	assert_true(prov);
	assert_string_equal(due, "2027-01-11");
	free(t);
	deadline_memo_free(m);
}

static void
test_long_rule_and_many_keys(void **state)
{
	struct deadline_memo *m = deadline_memo_new();
	char rule[100], text[64], due[DATE_STRLEN], *t;
	bool prov = false;
	int i, hits = 0;

	(void)state;
	memset(rule, 'r', sizeof(rule) - 1);
	rule[sizeof(rule) - 1] = '\0';
	deadline_memo_put(m, NULL, rule, feb9, &tz_wit, "{}", "2024-02-12", false);
	assert_null(deadline_memo_get(m, NULL, rule, feb9, &tz_wit, due, &prov));
	/* 2000 keys into a small table: whatever is still there is right */
	for (i = 0; i < 2000; i++) {
		struct date d = {2024, 1 + i % 12, 1 + i % 28};

		snprintf(rule, sizeof(rule), "rule.%d", i);
		snprintf(text, sizeof(text), "{\"n\":%d}", i);
		deadline_memo_put(m, NULL, rule, d, &tz_wib, text, "2024-12-31", i % 2 == 0);
	}
	for (i = 0; i < 2000; i++) {
		struct date d = {2024, 1 + i % 12, 1 + i % 28};

		snprintf(rule, sizeof(rule), "rule.%d", i);
		snprintf(text, sizeof(text), "{\"n\":%d}", i);
		t = deadline_memo_get(m, NULL, rule, d, &tz_wib, due, &prov);
		if (t) {
			assert_string_equal(t, text);
			assert_int_equal(prov, i % 2 == 0);
			hits++;
		}
		free(t);
	}
	assert_true(hits > 0);
	assert_true(hits < 2000);
	deadline_memo_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hit_and_key),
		cmocka_unit_test(test_long_rule_and_many_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
