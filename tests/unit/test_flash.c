/*
 * test_flash.c - the POST results kept for the next page: only their user
 * reads them, only for WEB_FLASH_TTL_S, the ring drops the oldest, and an
 * oversized value is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/flash.h"

static void
test_put_get(void **state)
{
	struct web_flash *f = web_flash_new(4);
	char id[WEB_FLASH_ID_LEN], id2[WEB_FLASH_ID_LEN];
	json_t *v = json_pack("{s:i}", "ok", 3), *got;

	(void)state;
	assert_int_equal(web_flash_put(f, 7, v, 1000, id), 0);
	assert_int_equal(strlen(id), WEB_FLASH_ID_LEN - 1);
	got = web_flash_get(f, 7, id, 1010);
	assert_non_null(got);
	assert_true(json_equal(got, v));
	json_decref(got);
	/* reading does not remove: a reload shows the same results */
	got = web_flash_get(f, 7, id, 1020);
	assert_non_null(got);
	json_decref(got);
	/* someone else, too late, from the future, or a made-up id */
	assert_null(web_flash_get(f, 8, id, 1010));
	assert_null(web_flash_get(f, 7, id, 1000 + WEB_FLASH_TTL_S + 1));
	assert_null(web_flash_get(f, 7, id, 999));
	assert_null(web_flash_get(f, 7, "00", 1010));
	assert_null(web_flash_get(f, 7, NULL, 1010));
	/* ids differ */
	assert_int_equal(web_flash_put(f, 7, v, 1000, id2), 0);
	assert_string_not_equal(id, id2);
	json_decref(v);
	web_flash_free(f);
}

static void
test_ring(void **state)
{
	struct web_flash *f = web_flash_new(2);
	char a[WEB_FLASH_ID_LEN], b[WEB_FLASH_ID_LEN], c[WEB_FLASH_ID_LEN];
	json_t *v = json_string("x"), *got;

	(void)state;
	assert_int_equal(web_flash_put(f, 1, v, 10, a), 0);
	assert_int_equal(web_flash_put(f, 1, v, 10, b), 0);
	assert_int_equal(web_flash_put(f, 1, v, 10, c), 0);
	assert_null(web_flash_get(f, 1, a, 10)); /* the oldest was dropped */
	got = web_flash_get(f, 1, c, 10);
	assert_non_null(got);
	json_decref(got);
	got = web_flash_get(f, 1, b, 10);
	assert_non_null(got);
	json_decref(got);
	json_decref(v);
	web_flash_free(f);
	web_flash_free(NULL);
}

static void
test_too_large(void **state)
{
	struct web_flash *f = web_flash_new(0);
	char id[WEB_FLASH_ID_LEN];
	static char big[WEB_FLASH_MAX_TEXT + 2];
	json_t *v;

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	v = json_string(big);
	assert_int_equal(web_flash_put(f, 1, v, 10, id), -1);
	assert_string_equal(id, "");
	json_decref(v);
	web_flash_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_ring),
		cmocka_unit_test(test_too_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
