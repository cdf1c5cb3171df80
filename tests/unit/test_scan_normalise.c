/*
 * test_scan_normalise.c - code points: UTF-8 decoding, folding to ASCII,
 * invisible characters, symbols, stretched-letter runs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include "scan/scan_internal.h"

static uint32_t
dec(const char *s, size_t n, size_t *adv)
{
	return scan_utf8_next((const unsigned char *)s, n, adv);
}

static void
test_utf8_valid(void **state)
{
	size_t adv;

	(void)state;
	assert_int_equal(dec("A", 1, &adv), 'A');
	assert_int_equal(adv, 1);
	assert_int_equal(dec("\xC3\xA9", 2, &adv), 0xE9); /* é */
	assert_int_equal(adv, 2);
	assert_int_equal(dec("\xE2\x9C\x8C", 3, &adv), 0x270C); /* ✌ */
	assert_int_equal(adv, 3);
	assert_int_equal(dec("\xF0\x9F\xA4\x9F", 4, &adv), 0x1F91F); /* 🤟 */
	assert_int_equal(adv, 4);
	assert_int_equal(dec("\xF4\x8F\xBF\xBF", 4, &adv), 0x10FFFF);
}

static void
test_utf8_invalid(void **state)
{
	size_t adv;

	(void)state;
	/* lone continuation, bad lead bytes */
	assert_int_equal(dec("\x80", 1, &adv), SCAN_REPLACEMENT);
	assert_int_equal(adv, 1);
	assert_int_equal(dec("\xFF\x41", 2, &adv), SCAN_REPLACEMENT);
	assert_int_equal(adv, 1);
	assert_int_equal(dec("\xC0\xAF", 2, &adv), SCAN_REPLACEMENT); /* overlong '/' */
	assert_int_equal(adv, 1);
	assert_int_equal(dec("\xE0\x80\xAF", 3, &adv), SCAN_REPLACEMENT);     /* overlong */
	assert_int_equal(dec("\xED\xA0\x80", 3, &adv), SCAN_REPLACEMENT);     /* surrogate */
	assert_int_equal(dec("\xF4\x90\x80\x80", 4, &adv), SCAN_REPLACEMENT); /* > U+10FFFF */
	/* truncated sequences consume one byte, never read past n */
	assert_int_equal(dec("\xE2\x9C", 2, &adv), SCAN_REPLACEMENT);
	assert_int_equal(adv, 1);
	assert_int_equal(dec("\xF0\x9F\xA4", 3, &adv), SCAN_REPLACEMENT);
	assert_int_equal(adv, 1);
	/* a valid continuation after a bad lead is not swallowed */
	assert_int_equal(dec("\xC3\x28", 2, &adv), SCAN_REPLACEMENT);
	assert_int_equal(adv, 1);
}

static void
expect_fold(uint32_t cp, enum scan_fold kind, const char *out)
{
	char buf[4];
	size_t n;

	assert_int_equal(scan_fold_cp(cp, buf, &n), kind);
	if (kind == SCAN_FOLD_ALNUM) {
		buf[n] = '\0';
		assert_string_equal(buf, out);
	}
}

static void
test_fold_letters(void **state)
{
	(void)state;
	expect_fold('K', SCAN_FOLD_ALNUM, "k");
	expect_fold('7', SCAN_FOLD_ALNUM, "7");
	expect_fold(0xE9, SCAN_FOLD_ALNUM, "e");              /* é */
	expect_fold(0xC4, SCAN_FOLD_ALNUM, "a");              /* Ä */
	expect_fold(0xDF, SCAN_FOLD_ALNUM, "ss");             /* ß */
	expect_fold(0xC6, SCAN_FOLD_ALNUM, "ae");             /* Æ */
	expect_fold(0x0153, SCAN_FOLD_ALNUM, "oe");           /* œ */
	expect_fold(0x0142, SCAN_FOLD_ALNUM, "l");            /* ł */
	expect_fold(0x1EBF, SCAN_FOLD_ALNUM, "e");            /* ế */
	expect_fold(0xFF21, SCAN_FOLD_ALNUM, "a");            /* fullwidth A */
	expect_fold(0xFF19, SCAN_FOLD_ALNUM, "9");            /* fullwidth 9 */
	expect_fold(0x1D5E3, SCAN_FOLD_ALNUM, "p");           /* 𝗣 sans-serif bold P */
	expect_fold(0x1D5F1, SCAN_FOLD_ALNUM, "d");           /* 𝗱 */
	expect_fold(0x1D7EC, SCAN_FOLD_ALNUM, "0");           /* 𝟬 */
	expect_fold(0x210E, SCAN_FOLD_ALNUM, "h");            /* ℎ, the hole of math italic */
	expect_fold(0x24B8, SCAN_FOLD_ALNUM, "c");            /* Ⓒ */
	expect_fold(0xB2, SCAN_FOLD_ALNUM, "2");              /* ² as in "guru²" */
	expect_fold(0x6771, SCAN_FOLD_ALNUM, "\xE6\x9D\xB1"); /* 東: kept whole */
}

static void
test_fold_other(void **state)
{
	(void)state;
	expect_fold(' ', SCAN_FOLD_SEP, NULL);
	expect_fold('-', SCAN_FOLD_SEP, NULL);
	expect_fold(0xD7, SCAN_FOLD_SEP, NULL);      /* × */
	expect_fold(0x0301, SCAN_FOLD_SKIP, NULL);   /* combining acute */
	expect_fold(0x200D, SCAN_FOLD_SKIP, NULL);   /* ZWJ */
	expect_fold(0x200B, SCAN_FOLD_SKIP, NULL);   /* zero width space */
	expect_fold(0xFE0F, SCAN_FOLD_SKIP, NULL);   /* VS16 */
	expect_fold(0x1F3FD, SCAN_FOLD_SKIP, NULL);  /* skin tone */
	expect_fold(0x20E3, SCAN_FOLD_SKIP, NULL);   /* keycap */
	expect_fold(0x2019, SCAN_FOLD_SKIP, NULL);   /* ’ */
	expect_fold(0x270C, SCAN_FOLD_SYMBOL, NULL); /* ✌ */
	expect_fold(0x1F602, SCAN_FOLD_SYMBOL, NULL);
	expect_fold(SCAN_REPLACEMENT, SCAN_FOLD_SEP, NULL);
	expect_fold(0x3000, SCAN_FOLD_SEP, NULL); /* ideographic space */
}

static void
test_collapse_runs(void **state)
{
	char out[64];
	size_t n;

	(void)state;
	n = scan_collapse_runs("dukunggg", 8, 1, out);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "dukung", 6);
	n = scan_collapse_runs("dukunggg", 8, 2, out);
	assert_memory_equal(out, "dukungg", n);
	n = scan_collapse_runs("maaaaf", 6, 2, out);
	assert_memory_equal(out, "maaf", n);
	n = scan_collapse_runs("saat", 4, 1, out); /* two letters: untouched */
	assert_memory_equal(out, "saat", n);
	n = scan_collapse_runs("2000", 4, 1, out); /* digits: untouched */
	assert_memory_equal(out, "2000", n);
	n = scan_collapse_runs("kampanyeeeee", 12, 1, out);
	assert_memory_equal(out, "kampanye", n);
	assert_int_equal(scan_collapse_runs("", 0, 1, out), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),    cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_fold_letters),  cmocka_unit_test(test_fold_other),
		cmocka_unit_test(test_collapse_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
