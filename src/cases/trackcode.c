/*
 * trackcode.c - public tracking codes (see trackcode.h).
 *
 * A code is 8 data symbols drawn uniformly with randombytes_uniform()
 * (40 bits) and one check symbol, all from TRACKCODE_ALPHABET.  The check
 * is Luhn mod 32: walking from the rightmost data symbol leftwards, every
 * other value (starting with the rightmost) is doubled and folded back
 * into 0..31 (v / 32 + v % 32), the values are summed and the check
 * symbol makes the sum a multiple of 32.  Doubling is a permutation of
 * 0..31, so any single wrong symbol changes the sum; an adjacent swap a,b
 * goes unnoticed only for the values 0 and 31 (symbols '2' and 'Z').
 *
 * Invariants: a canonical code is "XXXX-XXXX-X" (11 characters), every X
 * in the alphabet, check symbol valid.  Normalisation never guesses: a
 * character outside the alphabet is an error naming its position.
 */
#include <sodium.h>
#include <stdbool.h>
#include <string.h>

#include "cases/trackcode.h"
#include "core/xalloc.h"

#define E_CODE "invalid_code"

static const char alphabet[] = TRACKCODE_ALPHABET;

static int
symbol_value(unsigned char c)
{
	const char *p;

	if (c >= 'a' && c <= 'z')
		c = (unsigned char)(c - 'a' + 'A');
	if (c == '\0')
		return -1;
	p = strchr(alphabet, c);
	return p ? (int)(p - alphabet) : -1;
}

int
trackcode_check_value(const int v[TRACKCODE_DATA_SYMBOLS])
{
	int sum = 0, factor = 2, i;

	for (i = TRACKCODE_DATA_SYMBOLS - 1; i >= 0; i--) {
		int addend = factor * v[i];

		sum += addend / TRACKCODE_RADIX + addend % TRACKCODE_RADIX;
		factor = factor == 2 ? 1 : 2;
	}
	return (TRACKCODE_RADIX - sum % TRACKCODE_RADIX) % TRACKCODE_RADIX;
}

/* "ABCD-EFGH-J" from 9 values. */
static void
format_code(const int v[TRACKCODE_SYMBOLS], char out[TRACKCODE_LEN])
{
	size_t i, o = 0;

	for (i = 0; i < TRACKCODE_SYMBOLS; i++) {
		if (i == 4 || i == 8)
			out[o++] = '-';
		out[o++] = alphabet[v[i]];
	}
	out[o] = '\0';
}

void
trackcode_new(char out[TRACKCODE_LEN])
{
	int v[TRACKCODE_SYMBOLS], i;

	if (sodium_init() < 0)
		die("libsodium could not be initialised");
	for (i = 0; i < TRACKCODE_DATA_SYMBOLS; i++)
		v[i] = (int)randombytes_uniform(TRACKCODE_RADIX);
	v[TRACKCODE_DATA_SYMBOLS] = trackcode_check_value(v);
	format_code(v, out);
}

static bool
is_separator(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '.';
}

int
trackcode_normalize(const char *in, char out[TRACKCODE_LEN], struct errbuf *eb)
{
	int v[TRACKCODE_SYMBOLS];
	size_t i, n = 0;

	out[0] = '\0';
	if (in == NULL || in[0] == '\0')
		return errbuf_set_code(eb, ERR_INVALID_INPUT, E_CODE, "kode pelacakan kosong");
	for (i = 0; in[i] != '\0'; i++) {
		unsigned char c = (unsigned char)in[i];
		int k;

		if (i >= TRACKCODE_MAX_INPUT)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_CODE,
					       "kode pelacakan terlalu panjang");
		if (is_separator(c))
			continue;
		if (n == TRACKCODE_SYMBOLS)
			return errbuf_set_code(
				eb, ERR_INVALID_INPUT, E_CODE,
				"kode pelacakan terlalu panjang: seharusnya %d huruf "
				"atau angka, misalnya ABCD-EFGH-J",
				TRACKCODE_SYMBOLS);
		k = symbol_value(c);
		if (k < 0) {
			if (c == '0' || c == '1' || c == 'O' || c == 'o' || c == 'I' || c == 'i')
				return errbuf_set_code(
					eb, ERR_INVALID_INPUT, E_CODE,
					"karakter ke-%zu kode pelacakan (\"%c\") tidak mungkin "
					"benar: kode tidak pernah memuat angka 0 dan 1 atau huruf "
					"O dan I; periksa kembali tanda terima",
					n + 1, c);
			if (c > 0x20 && c < 0x7f)
				return errbuf_set_code(
					eb, ERR_INVALID_INPUT, E_CODE,
					"karakter ke-%zu kode pelacakan (\"%c\") bukan "
					"huruf atau angka yang dipakai dalam kode",
					n + 1, c);
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_CODE,
					       "karakter ke-%zu kode pelacakan bukan huruf atau "
					       "angka yang dipakai dalam kode",
					       n + 1);
		}
		v[n++] = k;
	}
	if (n == 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, E_CODE, "kode pelacakan kosong");
	if (n < TRACKCODE_SYMBOLS)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, E_CODE,
				       "kode pelacakan terlalu pendek: ada %zu dari %d huruf atau "
				       "angka, misalnya ABCD-EFGH-J",
				       n, TRACKCODE_SYMBOLS);
	if (trackcode_check_value(v) != v[TRACKCODE_DATA_SYMBOLS])
		return errbuf_set_code(
			eb, ERR_INVALID_INPUT, E_CODE,
			"kode pelacakan tidak valid: ada huruf atau angka yang salah "
			"ketik atau tertukar; periksa kembali tanda terima");
	format_code(v, out);
	return 0;
}
