/*
 * test_datetime.c - civil dates, weekdays, ISO timestamps, zones, clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/datetime.h"

static struct date
D(int y, int m, int d) {
	struct date r = {y, m, d};

	return r;
}

static void
test_days_roundtrip(void **state)
{
	int64_t z;

	(void)state;
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(D(2024, 2, 14)), 19767);
	for (z = -719162; z < 2932896; z += 97) { /* 0001-01-01 .. 9999-12-31 */
		struct date d = date_from_days(z);

		assert_true(date_is_valid(d.year, d.month, d.day));
		assert_int_equal(date_to_days(d), z);
	}
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(1970, 1, 1)), 4);   /* Kamis */
	assert_int_equal(date_weekday(D(2024, 2, 14)), 3);  /* Rabu, Pemilu */
	assert_int_equal(date_weekday(D(2024, 11, 27)), 3); /* Rabu, Pilkada */
	assert_int_equal(date_weekday(D(2024, 9, 16)), 1);  /* Senin */
	assert_int_equal(date_weekday(D(1969, 12, 31)), 3);
	assert_int_equal(date_weekday(D(1900, 1, 1)), 1);
	assert_string_equal(date_weekday_name_id(5), "Jumat");
}

static void
test_parse_format(void **state)
{
	struct date d;
	char out[DATE_STRLEN], longf[64];

	(void)state;
	assert_int_equal(date_parse(str_from("2024-02-29"), &d), 0);
	date_format(d, out);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_parse(str_from("2023-02-29"), &d), -1);
	assert_int_equal(date_parse(str_from("2024-13-01"), &d), -1);
	assert_int_equal(date_parse(str_from("2024-1-01"), &d), -1);
	assert_int_equal(date_parse(str_from("2024-01-01x"), &d), -1);
	assert_int_equal(date_parse(str_from("abcd-01-01"), &d), -1);
	date_format_long_id(D(2024, 2, 9), longf, sizeof(longf));
	assert_string_equal(longf, "Jumat, 9 Februari 2024");
	assert_int_equal(date_cmp(D(2024, 1, 1), D(2023, 12, 31)), 1);
	assert_int_equal(date_cmp(D(2024, 1, 1), D(2024, 1, 1)), 0);
	d = date_add_days(D(2024, 2, 28), 2);
	assert_int_equal(d.month, 3);
	assert_int_equal(d.day, 1);
}

static void
test_iso_and_zones(void **state)
{
	int64_t t;
	int off;
	char out[TIME_STRLEN];
	struct date d;

	(void)state;
	assert_int_equal(time_parse_iso(str_from("2024-10-12T10:00:00+08:00"), &t, &off), 0);
	assert_int_equal(off, 480);
	time_format_iso(t, 0, out);
	assert_string_equal(out, "2024-10-12T02:00:00Z");
	time_format_iso(t, tz_wit.offset_min, out);
	assert_string_equal(out, "2024-10-12T11:00:00+09:00");
	time_format_iso(t, -(5 * 60 + 30), out);
	assert_string_equal(out, "2024-10-11T20:30:00-05:30");
	time_format_iso(0, 0, out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	/* 23:30 WITA on the 9th is still the 9th locally, the 10th in WIT */
	assert_int_equal(time_parse_iso(str_from("2024-02-09T23:30+08:00"), &t, NULL), 0);
	d = time_local_date(t, tz_wita.offset_min);
	assert_int_equal(d.day, 9);
	d = time_local_date(t, tz_wit.offset_min);
	assert_int_equal(d.day, 10);
	assert_int_equal(time_local_seconds(t, 480), 23 * 3600 + 30 * 60);
	assert_int_equal(time_parse_iso(str_from("2024-02-09 23:30:15.123Z"), &t, &off), 0);
	assert_int_equal(off, 0);
	assert_int_equal(time_parse_iso(str_from("2024-02-09T23:30:15"), &t, NULL), -1);
	assert_int_equal(time_parse_iso(str_from("2024-02-09T24:00Z"), &t, NULL), -1);
	assert_int_equal(time_parse_iso(str_from("2024-02-09T10:00+0700"), &t, &off), 0);
	assert_int_equal(off, 420);
	assert_non_null(tz_find(str_from("wita")));
	assert_null(tz_find(str_from("CET")));
	assert_int_equal(time_from_local_date(D(1970, 1, 2), 480), 86400 - 8 * 3600);
}

static void
test_clock_override(void **state)
{
	struct errbuf eb;
	int64_t t;

	(void)state;
	assert_false(clock_is_overridden());
	assert_int_equal(clock_set_override("2024-10-12T10:00:00+08:00", &eb), 0);
	assert_true(clock_is_overridden());
	time_parse_iso(str_from("2024-10-12T10:00:00+08:00"), &t, NULL);
	assert_true(clock_now() >= t && clock_now() < t + 5);
	assert_int_equal(clock_set_override("besok", &eb), -1);
	assert_string_equal(eb.field, "now");
	assert_int_equal(clock_set_override(NULL, &eb), 0);
	assert_false(clock_is_overridden());
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_roundtrip), cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_format),   cmocka_unit_test(test_iso_and_zones),
		cmocka_unit_test(test_clock_override),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
