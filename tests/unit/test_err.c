/*
 * test_err.c - error table and errbuf.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/err.h"

static void
test_table(void **state)
{
	(void)state;
	assert_int_equal(err_info(ERR_NOT_FOUND)->http_status, 404);
	assert_string_equal(err_info(ERR_NOT_FOUND)->code, "not_found");
	assert_string_equal(err_info(ERR_INVALID_INPUT)->code, "invalid_input");
	assert_string_equal(err_info(ERR_METHOD_NOT_ALLOWED)->code, "method_not_allowed");
	assert_int_equal(err_info(ERR_PAYLOAD_TOO_LARGE)->http_status, 413);
	assert_string_equal(err_info(ERR_PAYLOAD_TOO_LARGE)->code, "payload_too_large");
	assert_string_equal(err_info(ERR_RATE_LIMITED)->code, "rate_limited");
	assert_int_equal(err_info(ERR_RATE_LIMITED)->http_status, 429);
	assert_string_equal(err_info(ERR_INTERNAL)->code, "internal");
	/* out-of-range values map to internal, never past the table */
	assert_string_equal(err_info((enum err)999)->code, "internal");
}

static void
test_errbuf(void **state)
{
	struct errbuf eb;

	(void)state;
	errbuf_clear(&eb);
	assert_int_equal(eb.kind, ERR_NONE);
	assert_int_equal(errbuf_set(&eb, ERR_NOT_FOUND, "kasus %d tidak ada", 7), -1);
	assert_string_equal(eb.msg, "kasus 7 tidak ada");
	assert_string_equal(errbuf_code(&eb), "not_found");
	errbuf_set_code(&eb, ERR_UNPROCESSABLE, "daluarsa", "lewat %s", "batas");
	assert_string_equal(errbuf_code(&eb), "daluarsa");
	assert_int_equal(err_info(eb.kind)->http_status, 422);
	errbuf_set_field(&eb, ERR_INVALID_INPUT, "nik", "NIK salah");
	assert_string_equal(eb.field, "nik");
	assert_null(eb.code);
	/* NULL errbuf is allowed and still returns -1 */
	assert_int_equal(errbuf_set(NULL, ERR_INTERNAL, "x"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_errbuf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
