/*
 * test_publik.c - helpers of the public pages: catalog messages with
 * places, dates in Indonesian and English from the catalogs, timestamps in
 * a zone, and the calendar's elections for a select (ongoing first).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "calendar/calendar.h"
#include "web/i18n.h"
#include "web/publik.h"

static void
test_fill(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1024);
	assert_string_equal(publik_fill(&a, "Batas: {due}; masih {n} {unit}.", "due", "Selasa", "n",
					"3", "unit", "hari kerja", (const char *)NULL),
			    "Batas: Selasa; masih 3 hari kerja.");
	/* unknown places stay as written; braces without a name too */
	assert_string_equal(publik_fill(&a, "{x} {due} {} {", "due", "D", (const char *)NULL),
			    "{x} D {} {");
	assert_string_equal(publik_fill(&a, "{n}{n}", "n", "1", (const char *)NULL), "11");
	assert_string_equal(publik_fill(&a, "", (const char *)NULL), "");
	arena_release(&a);
}

static void
test_dates(void **state)
{
	struct i18n *id, *en;
	struct errbuf eb;
	struct arena a;
	char out[128];
	struct date d = {2024, 2, 20};

	(void)state;
	arena_init(&a, 1024);
	assert_int_equal(i18n_load_embedded("id", &id, &eb), 0);
	assert_int_equal(i18n_load_embedded("en", &en, &eb), 0);
	publik_date(id, d, out, sizeof(out));
	assert_string_equal(out, "Selasa, 20 Februari 2024");
	publik_date(en, d, out, sizeof(out));
	assert_string_equal(out, "Tuesday, 20 February 2024");
	/* 2024-02-09T02:00:00Z is 10.00 in WITA */
	publik_time(id, 1707444000, &tz_wita, out, sizeof(out));
	assert_string_equal(out, "Jumat, 9 Februari 2024 pukul 10.00 WITA");
	publik_time(en, 1707444000, &tz_wib, out, sizeof(out));
	assert_string_equal(out, "Friday, 9 February 2024 at 09.00 WIB");
	assert_string_equal(publik_date_text(&a, id, "2024-02-20", NULL),
			    "Selasa, 20 Februari 2024");
	assert_string_equal(publik_date_text(&a, id, "2024-02-09T10:00:00+08:00", NULL),
			    "Jumat, 9 Februari 2024 pukul 10.00 WITA");
	assert_string_equal(publik_date_text(&a, id, "2024-02-09T10:00:00+08:00", &tz_wit),
			    "Jumat, 9 Februari 2024 pukul 11.00 WIT");
	assert_string_equal(publik_date_text(&a, id, "bukan tanggal", NULL), "bukan tanggal");
	assert_string_equal(publik_date_text(&a, id, NULL, NULL), "");
	i18n_free(id);
	i18n_free(en);
	arena_release(&a);
}

static void
test_elections(void **state)
{
	struct calendar *cal;
	struct i18n *id;
	struct errbuf eb;
	json_t *arr, *first;
	size_t i, selected = 0;

	(void)state;
	assert_int_equal(calendar_load(&cal, NULL, &eb), 0);
	assert_int_equal(i18n_load_embedded("id", &id, &eb), 0);
	arr = publik_elections(cal, id, NULL, (struct date){2024, 2, 9});
	assert_int_equal(json_array_size(arr), calendar_election_count(cal));
	first = json_array_get(arr, 0);
	assert_string_equal(json_string_value(json_object_get(first, "id")), "pemilu2024");
	assert_true(json_is_true(json_object_get(first, "selected")));
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(first, "stage"), "name")),
		"Masa kampanye");
	assert_string_equal(json_string_value(json_object_get(first, "voting")),
			    "Rabu, 14 Februari 2024");
	json_decref(arr);
	/* "" chooses nothing; an id chooses that one only */
	arr = publik_elections(cal, id, "", (struct date){2024, 2, 9});
	for (i = 0; i < json_array_size(arr); i++)
		selected += json_is_true(json_object_get(json_array_get(arr, i), "selected"));
	assert_int_equal(selected, 0);
	json_decref(arr);
	arr = publik_elections(cal, id, "pilkada2024", (struct date){2024, 10, 1});
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "id")),
			    "pilkada2024");
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "kind")),
			    "pilkada");
	assert_true(json_is_true(json_object_get(json_array_get(arr, 0), "selected")));
	json_decref(arr);
	arr = publik_elections(NULL, id, NULL, (struct date){2024, 2, 9});
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	i18n_free(id);
	calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_elections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
