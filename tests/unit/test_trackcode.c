/*
 * test_trackcode.c - tracking codes: format, normalisation, and the error
 * detection of the Luhn mod 32 check symbol, measured over a sample of
 * random codes (the rates are printed as TAP comments).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cases/trackcode.h"

#define SAMPLE 2000

static const char alphabet[] = TRACKCODE_ALPHABET;

/* Positions of the 9 symbols in "ABCD-EFGH-J". */
static const int pos[TRACKCODE_SYMBOLS] = {0, 1, 2, 3, 5, 6, 7, 8, 10};

static int
value_of(char c)
{
	return (int)(strchr(alphabet, c) - alphabet);
}

static bool
accepted(const char *code)
{
	char out[TRACKCODE_LEN];

	return trackcode_normalize(code, out, NULL) == 0;
}

static void
test_format(void **state)
{
	char code[TRACKCODE_LEN], out[TRACKCODE_LEN];
	unsigned seen[TRACKCODE_SYMBOLS][TRACKCODE_RADIX] = {{0}};
	int i, k;

	(void)state;
	assert_int_equal(strlen(alphabet), TRACKCODE_RADIX);
	assert_null(strpbrk(alphabet, "01OI"));
	for (i = 0; i < 10000; i++) {
		trackcode_new(code);
		assert_int_equal(strlen(code), 11);
		assert_int_equal(code[4], '-');
		assert_int_equal(code[9], '-');
		for (k = 0; k < TRACKCODE_SYMBOLS; k++) {
			assert_non_null(strchr(alphabet, code[pos[k]]));
			seen[k][value_of(code[pos[k]])]++;
		}
		assert_int_equal(trackcode_normalize(code, out, NULL), 0);
		assert_string_equal(out, code);
	}
	/* every symbol shows up in every data position (uniform draw) */
	for (k = 0; k < TRACKCODE_DATA_SYMBOLS; k++)
		for (i = 0; i < TRACKCODE_RADIX; i++)
			assert_true(seen[k][i] > 0);
}

static void
test_check_value(void **state)
{
	/* by hand: values 0..7 -> from the right 7*2=14, 6, 5*2=10, 4, 3*2=6, 2,
	 * 1*2=2, 0 -> 44; 44 % 32 = 12; check = 20 ('N') */
	const int v[TRACKCODE_DATA_SYMBOLS] = {0, 1, 2, 3, 4, 5, 6, 7};
	const int w[TRACKCODE_DATA_SYMBOLS] = {31, 31, 31, 31, 31, 31, 31, 31};
	char out[TRACKCODE_LEN];

	(void)state;
	assert_int_equal(trackcode_check_value(v), 20);
	assert_int_equal(trackcode_normalize("2345-6789-N", out, NULL), 0);
	/* 31*2 = 62 -> 1 + 30 = 31; 4 * 31 + 4 * 31 = 248; 248 % 32 = 24; check 8 ('A') */
	assert_int_equal(trackcode_check_value(w), 8);
	assert_int_equal(trackcode_normalize("zzzz zzzz a", out, NULL), 0);
	assert_string_equal(out, "ZZZZ-ZZZZ-A");
}

static void
test_normalize(void **state)
{
	char code[TRACKCODE_LEN], out[TRACKCODE_LEN], typed[64];
	struct errbuf eb;

	(void)state;
	trackcode_new(code);
	/* lower case, spaces, dots, no dashes, tabs */
	snprintf(typed, sizeof(typed), " %c%c%c%c.%c%c%c%c\t%c ", code[0] | 0x20, code[1], code[2],
		 code[3] | 0x20, code[5], code[6], code[7], code[8], code[10]);
	assert_int_equal(trackcode_normalize(typed, out, &eb), 0);
	assert_string_equal(out, code);
	snprintf(typed, sizeof(typed), "%.4s%.4s%c", code, code + 5, code[10]);
	assert_int_equal(trackcode_normalize(typed, out, &eb), 0);
	assert_string_equal(out, code);

	assert_int_equal(trackcode_normalize(NULL, out, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_code");
	assert_string_equal(out, "");
	assert_int_equal(trackcode_normalize("", out, &eb), -1);
	assert_int_equal(trackcode_normalize(" - . ", out, &eb), -1);
	assert_int_equal(trackcode_normalize("2345-6789", out, &eb), -1);
	assert_non_null(strstr(eb.msg, "terlalu pendek"));
	assert_int_equal(trackcode_normalize("2345-6789-NN", out, &eb), -1);
	assert_non_null(strstr(eb.msg, "terlalu panjang"));
	/* O for 0 or Q: refused with the position, not guessed */
	assert_int_equal(trackcode_normalize("2345-O789-N", out, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_code");
	assert_non_null(strstr(eb.msg, "ke-5"));
	assert_non_null(strstr(eb.msg, "\"O\""));
	assert_int_equal(trackcode_normalize("2345-6789-1", out, &eb), -1);
	assert_non_null(strstr(eb.msg, "ke-9"));
	assert_int_equal(trackcode_normalize("23#5-6789-N", out, &eb), -1);
	assert_non_null(strstr(eb.msg, "ke-3"));
	assert_int_equal(trackcode_normalize("2345\xe2\x80\x93"
					     "6789-N",
					     out, &eb),
			 -1);
	assert_non_null(strstr(eb.msg, "ke-5"));
	assert_int_equal(trackcode_normalize("2345-6789-P", out, &eb), -1);
	assert_non_null(strstr(eb.msg, "tidak valid"));
	/* very long input stops early */
	memset(typed, ' ', sizeof(typed) - 1);
	typed[sizeof(typed) - 1] = '\0';
	assert_int_equal(trackcode_normalize(typed, out, &eb), -1);
}

/* Every single-symbol substitution of SAMPLE codes is rejected. */
static void
test_substitutions(void **state)
{
	char code[TRACKCODE_LEN], bad[TRACKCODE_LEN];
	unsigned long tried = 0;
	int s, k, c;

	(void)state;
	for (s = 0; s < SAMPLE; s++) {
		trackcode_new(code);
		for (k = 0; k < TRACKCODE_SYMBOLS; k++) {
			for (c = 0; c < TRACKCODE_RADIX; c++) {
				if (alphabet[c] == code[pos[k]])
					continue;
				memcpy(bad, code, sizeof(bad));
				bad[pos[k]] = alphabet[c];
				assert_false(accepted(bad));
				tried++;
			}
		}
	}
	printf("# substitutions: %lu of %lu detected (100%%)\n", tried, tried);
}

/*
 * Swaps of neighbours: detected unless the pair is {'2','Z'} (values 0 and
 * 31), which Luhn mod 32 cannot see.  Also measured: swaps two apart and
 * twin errors (aa -> bb), reported, not required.
 */
static void
test_transpositions(void **state)
{
	char code[TRACKCODE_LEN], bad[TRACKCODE_LEN];
	unsigned long adj = 0, adj_det = 0, jump = 0, jump_det = 0, twin = 0, twin_det = 0;
	unsigned long pairs = 0, pairs_det = 0, missed_data = 0;
	int s, k, a, b;

	(void)state;
	for (s = 0; s < SAMPLE; s++) {
		trackcode_new(code);
		for (k = 0; k + 1 < TRACKCODE_SYMBOLS; k++) {
			char x = code[pos[k]], y = code[pos[k + 1]];

			if (x == y)
				continue;
			memcpy(bad, code, sizeof(bad));
			bad[pos[k]] = y;
			bad[pos[k + 1]] = x;
			adj++;
			if (!accepted(bad))
				adj_det++;
			else
				assert_true((x == '2' && y == 'Z') || (x == 'Z' && y == '2'));
		}
		for (k = 0; k + 2 < TRACKCODE_SYMBOLS; k++) {
			char x = code[pos[k]], y = code[pos[k + 2]];

			if (x == y)
				continue;
			memcpy(bad, code, sizeof(bad));
			bad[pos[k]] = y;
			bad[pos[k + 2]] = x;
			jump++;
			jump_det += !accepted(bad);
		}
	}
	/* every ordered pair of different symbols, swapped at every adjacent
	 * position of one code whose other symbols are fixed */
	trackcode_new(code);
	for (k = 0; k + 1 < TRACKCODE_SYMBOLS; k++) {
		for (a = 0; a < TRACKCODE_RADIX; a++) {
			for (b = 0; b < TRACKCODE_RADIX; b++) {
				int v[TRACKCODE_SYMBOLS], i;
				char good[TRACKCODE_LEN];

				if (a == b)
					continue;
				for (i = 0; i < TRACKCODE_SYMBOLS; i++)
					v[i] = value_of(code[pos[i]]);
				v[k] = a;
				v[k + 1] = b;
				if (k + 1 == TRACKCODE_DATA_SYMBOLS) {
					/* the check symbol itself: b must be the right one */
					v[k + 1] = trackcode_check_value(v);
					if (v[k + 1] == a)
						continue;
				} else {
					v[TRACKCODE_DATA_SYMBOLS] = trackcode_check_value(v);
				}
				for (i = 0; i < TRACKCODE_SYMBOLS; i++)
					good[pos[i]] = alphabet[v[i]];
				good[4] = good[9] = '-';
				good[11] = '\0';
				assert_true(accepted(good));
				memcpy(bad, good, sizeof(bad));
				bad[pos[k]] = good[pos[k + 1]];
				bad[pos[k + 1]] = good[pos[k]];
				pairs++;
				if (!accepted(bad)) {
					pairs_det++;
				} else {
					int x = v[k], y = v[k + 1];

					assert_true((x == 0 && y == 31) || (x == 31 && y == 0));
					if (k + 1 < TRACKCODE_DATA_SYMBOLS)
						missed_data++;
				}
			}
		}
		/* twin errors aa -> bb at data positions */
		for (a = 0; a < TRACKCODE_RADIX && k + 1 < TRACKCODE_DATA_SYMBOLS; a++) {
			for (b = 0; b < TRACKCODE_RADIX; b++) {
				int v[TRACKCODE_SYMBOLS], i;

				if (a == b)
					continue;
				for (i = 0; i < TRACKCODE_SYMBOLS; i++)
					v[i] = value_of(code[pos[i]]);
				v[k] = v[k + 1] = a;
				v[TRACKCODE_DATA_SYMBOLS] = trackcode_check_value(v);
				for (i = 0; i < TRACKCODE_SYMBOLS; i++)
					bad[pos[i]] = alphabet[v[i]];
				bad[4] = bad[9] = '-';
				bad[11] = '\0';
				bad[pos[k]] = bad[pos[k + 1]] = alphabet[b];
				twin++;
				twin_det += !accepted(bad);
			}
		}
	}
	printf("# adjacent transpositions (sample of %d codes): %lu of %lu detected (%.3f%%)\n",
	       SAMPLE, adj_det, adj, 100.0 * (double)adj_det / (double)adj);
	printf("# adjacent transpositions (all ordered pairs, all positions): %lu of %lu detected "
	       "(%.3f%%)\n",
	       pairs_det, pairs, 100.0 * (double)pairs_det / (double)pairs);
	printf("# jump transpositions abc->cba (sample): %lu of %lu detected (%.3f%%)\n", jump_det,
	       jump, 100.0 * (double)jump_det / (double)jump);
	printf("# twin errors aa->bb (all pairs, data positions): %lu of %lu detected (%.3f%%)\n",
	       twin_det, twin, 100.0 * (double)twin_det / (double)twin);
	/* Luhn mod 32 misses exactly the pair {0, 31}, in either order, at
	 * each of the 7 adjacent pairs of data positions */
	assert_int_equal(missed_data, 2 * (TRACKCODE_DATA_SYMBOLS - 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),         cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_normalize),      cmocka_unit_test(test_substitutions),
		cmocka_unit_test(test_transpositions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
