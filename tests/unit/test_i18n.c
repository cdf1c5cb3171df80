/*
 * test_i18n.c - the message catalogs: parsing, lookups, and that the
 * Indonesian and English catalogs define exactly the same keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/i18n.h"

static void
test_parse(void **state)
{
	const char *t = "# c\nb.x = dua\n\na.y=satu \n";
	struct i18n *c;
	struct errbuf eb;

	(void)state;
	assert_int_equal(i18n_parse("id", t, strlen(t), &c, &eb), 0);
	assert_string_equal(i18n_get(c, "a.y"), "satu");
	assert_string_equal(i18n_get(c, "b.x"), "dua");
	assert_string_equal(i18n_get(c, "tidak.ada"), "tidak.ada");
	i18n_free(c);
	assert_int_equal(i18n_parse("id", "a = 1\na = 2\n", 12, &c, &eb), -1);
	assert_non_null(strstr(eb.msg, "ganda"));
	assert_int_equal(i18n_parse("id", "tanpa sama dengan\n", 18, &c, &eb), -1);
}

static void
test_catalogs_match(void **state)
{
	struct i18n *id, *en;
	struct errbuf eb;
	size_t i, missing = 0;

	(void)state;
	assert_int_equal(i18n_load_embedded("id", &id, &eb), 0);
	assert_int_equal(i18n_load_embedded("en", &en, &eb), 0);
	for (i = 0; i < i18n_count(id); i++) {
		const char *k = i18n_key_at(id, i);

		if (strcmp(i18n_get(en, k), k) == 0) {
			print_message("missing in en: %s\n", k);
			missing++;
		}
	}
	for (i = 0; i < i18n_count(en); i++) {
		const char *k = i18n_key_at(en, i);

		if (strcmp(i18n_get(id, k), k) == 0) {
			print_message("missing in id: %s\n", k);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
	assert_int_equal(i18n_count(id), i18n_count(en));
	i18n_free(id);
	i18n_free(en);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_catalogs_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
