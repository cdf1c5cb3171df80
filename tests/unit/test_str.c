/*
 * test_str.c - struct str slices, integer parsing, UTF-8 validation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/str.h"

static void
test_eq_trim_prefix(void **state)
{
	struct str s = str_from("  halo dunia \n");

	(void)state;
	s = str_trim(s);
	assert_true(str_eq_cstr(s, "halo dunia"));
	assert_true(str_has_prefix(s, "halo"));
	assert_false(str_has_prefix(s, "dunia"));
	assert_true(str_caseeq_cstr(str_from("WITA"), "wita"));
	assert_false(str_eq_cstr(str_from("a"), "ab"));
	assert_true(str_eq(STR_LIT(""), str_from("")));
}

static void
test_next(void **state)
{
	struct str rest = str_from("a,,b,"), tok;
	const char *want[] = {"a", "", "b", ""};
	int i = 0;

	(void)state;
	while (str_next(&rest, ',', &tok)) {
		assert_true(i < 4);
		assert_true(str_eq_cstr(tok, want[i]));
		i++;
	}
	assert_int_equal(i, 4);
}

static void
test_to_i64(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(str_to_i64(str_from("0"), &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(str_to_i64(str_from("-42"), &v), 0);
	assert_int_equal(v, -42);
	assert_int_equal(str_to_i64(str_from("9223372036854775807"), &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(str_to_i64(str_from("-9223372036854775808"), &v), 0);
	assert_true(v == INT64_MIN);
	assert_int_equal(str_to_i64(str_from("9223372036854775808"), &v), -1);
	assert_int_equal(str_to_i64(str_from(""), &v), -1);
	assert_int_equal(str_to_i64(str_from("-"), &v), -1);
	assert_int_equal(str_to_i64(str_from("12a"), &v), -1);
	assert_int_equal(str_to_i64(str_from(" 1"), &v), -1);
}

static void
test_copy(void **state)
{
	char small[4];

	(void)state;
	assert_int_equal(str_copy(str_from("abc"), small, sizeof(small)), 0);
	assert_string_equal(small, "abc");
	assert_int_equal(str_copy(str_from("abcd"), small, sizeof(small)), -1);
	assert_string_equal(small, "abc");
	assert_true(str_all_digits(str_from("0123")));
	assert_false(str_all_digits(str_from("")));
	assert_false(str_all_digits(str_from("12 3")));
}

static void
test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("abc", 3));
	assert_true(utf8_valid("ü", strlen("ü")));
	assert_true(utf8_valid("\xe2\x98\x9d\xef\xb8\x8f", 6)); /* ☝️ */
	assert_true(utf8_valid("\xf0\x9f\xa4\x9f", 4));         /* 🤟 */
	assert_false(utf8_valid("\xc0\xaf", 2));                /* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3));            /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));        /* > U+10FFFF */
	assert_false(utf8_valid("\xe2\x98", 2));                /* truncated */
	assert_false(utf8_valid("\xff", 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eq_trim_prefix), cmocka_unit_test(test_next),
		cmocka_unit_test(test_to_i64),         cmocka_unit_test(test_copy),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
