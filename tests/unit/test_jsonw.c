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

/* the streaming pieces: keys, ints, booleans, null, and bytes that are not
 * UTF-8 (replaced by U+FFFD, so jansson still parses the result) */
static void
test_stream_pieces(void **state)
{
	static const char bad[] = "a\xff b\xc3 c\xed\xa0\x80 d\xc3\xa9 \xf0\x9f\x98";
	struct buf b = BUF_INIT;
	json_error_t err;
	json_t *back;

	(void)state;
	buf_addch(&b, '{');
	BUF_ADDLIT(&b, "\"n\":");
	jsonw_int(&b, -12);
	buf_addch(&b, ',');
	BUF_ADDLIT(&b, "\"t\":");
	jsonw_bool(&b, true);
	buf_addch(&b, ',');
	BUF_ADDLIT(&b, "\"z\":");
	jsonw_str_or_null(&b, NULL);
	buf_addch(&b, ',');
	BUF_ADDLIT(&b, "\"ok\":");
	jsonw_str(&b, "petik \" é", strlen("petik \" é"));
	buf_addch(&b, ',');
	BUF_ADDLIT(&b, "\"bad\":");
	jsonw_str(&b, bad, sizeof(bad) - 1);
	buf_addch(&b, '}');
	assert_false(buf_failed(&b));
	assert_non_null(
		strstr(buf_cstr(&b), "{\"n\":-12,\"t\":true,\"z\":null,\"ok\":\"petik \\\" é\""));
	back = json_loadb(b.data, b.len, 0, &err);
	assert_non_null(back);
	assert_string_equal(
		json_string_value(json_object_get(back, "bad")),
		"a\xef\xbf\xbd b\xef\xbf\xbd c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd d\xc3\xa9 "
		"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	json_decref(back);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_escapes_roundtrip),
		cmocka_unit_test(test_stream_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
