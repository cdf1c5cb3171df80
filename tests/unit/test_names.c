/*
 * test_names.c - normalising personal names: case, punctuation, spacing
 * and the academic or religious titles people write or omit, including
 * titles written with dots inside ("M.Si.", "S.Pd.", "S.H.") next to
 * initials joined to names ("H.Ahmad").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cases/names.h"

static void
norm_is(const char *in, const char *want)
{
	char out[256];

	name_normalize(in, out, sizeof(out));
	assert_string_equal(out, want);
}

static void
test_titles(void **state)
{
	(void)state;
	norm_is("Drs. H. Ahmad  Yani, M.Si.", "ahmad yani");
	norm_is("Siti Aminah, S.Pd.", "siti aminah");
	norm_is("Budi Santoso, S.H., M.H.", "budi santoso");
	norm_is("Dr. Ir. Joko Widodo, M.M.", "joko widodo");
	norm_is("H.Ahmad Yani", "ahmad yani");
	norm_is("Hj. Rina Marlina, S.Sos.", "rina marlina");
	norm_is("Agus Salim, A.Md.", "agus salim");
	norm_is("Muh. Yani", "muh yani");
	norm_is("A. Yani", "a yani");
	norm_is("", "");
	norm_is(NULL, "");
}

static void
test_small_buffer(void **state)
{
	char out[6];

	(void)state;
	name_normalize("Ahmad Yani", out, sizeof(out));
	assert_string_equal(out, "ahmad");
	name_normalize("Ahmad Yani", out, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_small_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
