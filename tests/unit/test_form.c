/*
 * test_form.c - urlencoded form and query decoding.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"

static void
test_basic(void **state)
{
	struct arena a;
	struct form f;
	const char *in = "nama=Budi+Santoso&kode=64.08&kosong=&flag&tag=a&tag=b%26c";
	const char *tags[4];

	(void)state;
	arena_init(&a, 1024);
	assert_int_equal(form_parse(&a, in, strlen(in), &f, NULL), 0);
	assert_int_equal(f.n, 6);
	assert_string_equal(form_get(&f, "nama"), "Budi Santoso");
	assert_string_equal(form_get(&f, "kode"), "64.08");
	assert_string_equal(form_get(&f, "kosong"), "");
	assert_string_equal(form_get(&f, "flag"), "");
	assert_null(form_get(&f, "tidak"));
	assert_int_equal(form_get_all(&f, "tag", tags, 4), 2);
	assert_string_equal(tags[1], "b&c");
	arena_release(&a);
}

static void
test_rejects(void **state)
{
	struct arena a;
	struct form f;
	struct errbuf eb;

	(void)state;
	arena_init(&a, 1024);
	assert_int_equal(form_parse(&a, "a=%zz", 5, &f, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(form_parse(&a, "a=%4", 4, &f, &eb), -1);
	assert_int_equal(form_parse(&a, "a=%", 3, &f, &eb), -1);
	assert_int_equal(form_parse(&a, "a=%00", 5, &f, &eb), -1);
	assert_int_equal(form_parse(&a, "a=%ff", 5, &f, &eb), -1); /* not UTF-8 */
	assert_int_equal(form_parse(&a, "a=%C3%BC", 8, &f, &eb), 0);
	assert_string_equal(form_get(&f, "a"), "ü");
	assert_int_equal(form_parse(&a, "", 0, &f, &eb), 0);
	assert_int_equal(f.n, 0);
	arena_release(&a);
}

static void
test_field_cap(void **state)
{
	struct arena a;
	struct form f;
	struct errbuf eb;
	char *many = malloc(FORM_MAX_FIELDS * 4 + 8);
	size_t i, n = 0;

	(void)state;
	for (i = 0; i <= FORM_MAX_FIELDS; i++) {
		memcpy(many + n, "a=1&", 4);
		n += 4;
	}
	arena_init(&a, 4096);
	assert_int_equal(form_parse(&a, many, n, &f, &eb), -1);
	assert_int_equal(form_parse(&a, many, (FORM_MAX_FIELDS - 1) * 4, &f, &eb), 0);
	assert_int_equal(f.n, FORM_MAX_FIELDS - 1);
	arena_release(&a);
	free(many);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_field_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
