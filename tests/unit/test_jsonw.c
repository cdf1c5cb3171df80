/*
 * test_jsonw.c - the compact JSON writer: every type, escaping, nesting,
 * and agreement with jansson's own parser on the result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/jsonw.h"

static void
dump(const json_t *j, char *out, size_t n)
{
	struct buf b = BUF_INIT;

	jsonw_dump(&b, j);
	assert_false(buf_failed(&b));
	strncpy(out, buf_cstr(&b), n - 1);
	out[n - 1] = '\0';
	buf_release(&b);
}

static void
test_types(void **state)
{
	char out[512];
	json_t *j = json_pack("{s:s, s:i, s:I, s:f, s:b, s:b, s:n, s:[i,s], s:{}}", "a", "x", "i",
			      -42, "big", (json_int_t)INT64_MIN, "r", 0.5, "t", 1, "f", 0, "z",
			      "arr", 1, "dua", "o");

	(void)state;
	dump(j, out, sizeof(out));
	assert_string_equal(out, "{\"a\":\"x\",\"i\":-42,\"big\":-9223372036854775808,\"r\":0.5,"
				 "\"t\":true,\"f\":false,\"z\":null,\"arr\":[1,\"dua\"],\"o\":{}}");
	json_decref(j);
}

static void
test_escapes_roundtrip(void **state)
{
	const char *s = "petik \" garis \\ baris\nbaru\ttab \x01 ☝️ Ü";
	json_t *j = json_pack("[s]", s), *back;
	char out[512];
	json_error_t err;

	(void)state;
	dump(j, out, sizeof(out));
	assert_non_null(strstr(out, "\\\""));
	assert_non_null(strstr(out, "\\\\"));
	assert_non_null(strstr(out, "\\n"));
	assert_non_null(strstr(out, "\\u0001"));
	assert_non_null(strstr(out, "☝️"));
	back = json_loads(out, 0, &err);
	assert_non_null(back);
	assert_string_equal(json_string_value(json_array_get(back, 0)), s);
	json_decref(back);
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_escapes_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
