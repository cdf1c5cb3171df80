/*
 * test_buf.c - struct buf: growth, cap, formatting, escaping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

static void
test_add_and_grow(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	assert_string_equal(buf_cstr(&b), "");
	for (i = 0; i < 1000; i++)
		buf_addstr(&b, "ab");
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.data), 2000);
	assert_false(buf_failed(&b));
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_release(&b);
	assert_null(b.data);
}

static void
test_cap_is_sticky(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 5);
	buf_addstr(&b, "abc");
	buf_addstr(&b, "def"); /* would exceed 5: dropped */
	assert_true(buf_failed(&b));
	assert_string_equal(b.data, "abc");
	buf_addstr(&b, "x"); /* sticky: still dropped */
	assert_string_equal(b.data, "abc");
	buf_reset(&b);
	assert_false(buf_failed(&b));
	buf_addf(&b, "%d", 12345);
	assert_string_equal(b.data, "12345");
	buf_addf(&b, "%d", 6);
	assert_true(buf_failed(&b));
	buf_release(&b);
}

static void
test_addf_long(void **state)
{
	struct buf b = BUF_INIT;
	char big[3000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_addf(&b, "[%s]", big);
	assert_int_equal(b.len, sizeof(big) + 1);
	assert_int_equal(b.data[0], '[');
	assert_int_equal(b.data[b.len - 1], ']');
	buf_release(&b);
}

static void
test_html_escape(void **state)
{
	struct buf b = BUF_INIT;
	const char *in = "<a href=\"x\">Tom & 'Jerry'</a>";

	(void)state;
	buf_add_html(&b, in, strlen(in));
	assert_string_equal(b.data,
			    "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
	buf_release(&b);
}

static void
test_url_and_csv(void **state)
{
	struct buf b = BUF_INIT;
	char *p;
	size_t n;

	(void)state;
	buf_add_urlenc(&b, "a b/ü", strlen("a b/ü"));
	assert_string_equal(b.data, "a%20b%2F%C3%BC");
	buf_reset(&b);
	buf_add_csv(&b, "plain", 5);
	buf_addch(&b, ',');
	buf_add_csv(&b, "a,\"b\"", 5);
	buf_addch(&b, ',');
	buf_add_csv(&b, "=cmd()", 6);
	assert_string_equal(b.data, "plain,\"a,\"\"b\"\"\",\"'=cmd()\"");
	p = buf_detach(&b, &n);
	assert_int_equal(n, strlen(p));
	assert_null(b.data);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_grow), cmocka_unit_test(test_cap_is_sticky),
		cmocka_unit_test(test_addf_long),    cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_url_and_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
