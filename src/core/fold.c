/*
 * fold.c - code-point folding shared by the screening engine (src/scan/)
 * and the store's search keys (see fold.h).
 *
 * UTF-8 decoding that never fails (bad bytes become U+FFFD one byte at a
 * time), folding of letters to lowercase ASCII (Latin-1, Latin
 * Extended-A, Latin Extended Additional, fullwidth, mathematical styled
 * and circled letters - the "fancy fonts" of social media), and the
 * classification of everything else as separator, invisible (combining
 * marks, joiners, variation selectors, skin tones) or symbol (emoji).
 * Pure functions over their arguments; no tables outside this file.
 */
#include <stdbool.h>
#include <string.h>

#include "core/fold.h"

uint32_t
utf8_next(const unsigned char *p, size_t n, size_t *adv)
{
	uint32_t cp;
	size_t need, i;
	unsigned char c = p[0];

	*adv = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0Fu;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07u;
	} else {
		return FOLD_REPLACEMENT;
	}
	if (n < need + 1)
		return FOLD_REPLACEMENT;
	for (i = 1; i <= need; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return FOLD_REPLACEMENT;
		cp = (cp << 6) | (p[i] & 0x3Fu);
	}
	/* overlongs, surrogates, beyond Unicode */
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return FOLD_REPLACEMENT;
	*adv = need + 1;
	return cp;
}

/* U+00C0..U+00FF; "" = separator (× ÷) */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
	"d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
	"d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* U+0100..U+017F as ranges of one base letter */
static const struct {
	uint16_t lo, hi;
	const char *s;
} latin_ext_a[] = {
	{0x0100, 0x0105, "a"},
	{0x0106, 0x010D, "c"},
	{0x010E, 0x0111, "d"},
	{0x0112, 0x011B, "e"},
	{0x011C, 0x0123, "g"},
	{0x0124, 0x0127, "h"},
	{0x0128, 0x0131, "i"},
	{0x0132, 0x0133, "ij"},
	{0x0134, 0x0135, "j"},
	{0x0136, 0x0138, "k"},
	{0x0139, 0x0142, "l"},
	{0x0143, 0x014B, "n"},
	{0x014C, 0x0151, "o"},
	{0x0152, 0x0153, "oe"},
	{0x0154, 0x0159, "r"},
	{0x015A, 0x0161, "s"},
	{0x0162, 0x0167, "t"},
	{0x0168, 0x0173, "u"},
	{0x0174, 0x0175, "w"},
	{0x0176, 0x0178, "y"},
	{0x0179, 0x017E, "z"},
	{0x017F, 0x017F, "s"},
	/* Latin Extended Additional: U+1E00..U+1EFF */
	{0x1E00, 0x1E01, "a"},
	{0x1E02, 0x1E07, "b"},
	{0x1E08, 0x1E09, "c"},
	{0x1E0A, 0x1E13, "d"},
	{0x1E14, 0x1E1D, "e"},
	{0x1E1E, 0x1E1F, "f"},
	{0x1E20, 0x1E21, "g"},
	{0x1E22, 0x1E2B, "h"},
	{0x1E2C, 0x1E2F, "i"},
	{0x1E30, 0x1E35, "k"},
	{0x1E36, 0x1E3D, "l"},
	{0x1E3E, 0x1E43, "m"},
	{0x1E44, 0x1E4B, "n"},
	{0x1E4C, 0x1E53, "o"},
	{0x1E54, 0x1E57, "p"},
	{0x1E58, 0x1E5F, "r"},
	{0x1E60, 0x1E69, "s"},
	{0x1E6A, 0x1E71, "t"},
	{0x1E72, 0x1E7B, "u"},
	{0x1E7C, 0x1E7F, "v"},
	{0x1E80, 0x1E89, "w"},
	{0x1E8A, 0x1E8D, "x"},
	{0x1E8E, 0x1E8F, "y"},
	{0x1E90, 0x1E95, "z"},
	{0x1E96, 0x1E96, "h"},
	{0x1E97, 0x1E97, "t"},
	{0x1E98, 0x1E98, "w"},
	{0x1E99, 0x1E99, "y"},
	{0x1E9A, 0x1E9A, "a"},
	{0x1E9B, 0x1E9B, "s"},
	{0x1E9E, 0x1E9E, "ss"},
	{0x1EA0, 0x1EB7, "a"},
	{0x1EB8, 0x1EC7, "e"},
	{0x1EC8, 0x1ECB, "i"},
	{0x1ECC, 0x1EE3, "o"},
	{0x1EE4, 0x1EF1, "u"},
	{0x1EF2, 0x1EF9, "y"},
};

/* Letterlike symbols that stand in for the holes of the styled alphabets. */
static const struct {
	uint16_t cp;
	char c;
} letterlike[] = {
	{0x2102, 'c'}, {0x210A, 'g'}, {0x210B, 'h'}, {0x210C, 'h'}, {0x210D, 'h'},
	{0x210E, 'h'}, {0x2110, 'i'}, {0x2111, 'i'}, {0x2112, 'l'}, {0x2113, 'l'},
	{0x2115, 'n'}, {0x2119, 'p'}, {0x211A, 'q'}, {0x211B, 'r'}, {0x211C, 'r'},
	{0x211D, 'r'}, {0x2124, 'z'}, {0x2128, 'z'}, {0x212C, 'b'}, {0x212D, 'c'},
	{0x212F, 'e'}, {0x2130, 'e'}, {0x2131, 'f'}, {0x2133, 'm'}, {0x2134, 'o'},
};

static enum fold_kind
one(char out[3], size_t *nout, char c)
{
	out[0] = c;
	*nout = 1;
	return FOLD_ALNUM;
}

static enum fold_kind
str_out(char out[3], size_t *nout, const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return FOLD_SEP;
	/* out is a 3-byte fold, counted by *nout, not a string */
	memcpy(out, s, n); /* NOLINT(bugprone-not-null-terminated-result) */
	*nout = n;
	return FOLD_ALNUM;
}

static bool
is_invisible(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) ||   /* combining diacritics */
	       (cp >= 0x1AB0 && cp <= 0x1AFF) ||   /* combining extended */
	       (cp >= 0x1DC0 && cp <= 0x1DFF) ||   /* combining supplement */
	       (cp >= 0x20D0 && cp <= 0x20FF) ||   /* combining for symbols, keycap */
	       (cp >= 0xFE20 && cp <= 0xFE2F) ||   /* combining half marks */
	       (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors */
	       (cp >= 0xE0100 && cp <= 0xE01EF) || /* variation selectors supplement */
	       (cp >= 0xE0000 && cp <= 0xE007F) || /* tags (flag sequences) */
	       (cp >= 0x1F3FB && cp <= 0x1F3FF) || /* skin tones */
	       (cp >= 0x200B && cp <= 0x200D) ||   /* zero width space, ZWNJ, ZWJ */
	       cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || cp == 0x034F;
}

enum fold_kind
fold_cp(uint32_t cp, char out[3], size_t *nout)
{
	size_t i;

	*nout = 0;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return one(out, nout, (char)(cp - 'A' + 'a'));
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			return one(out, nout, (char)cp);
		if (cp == '\'')
			return FOLD_SKIP;
		return FOLD_SEP;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return str_out(out, nout, latin1[cp - 0xC0]);
	if (cp == 0xB2 || cp == 0xB3)
		return one(out, nout, (char)('2' + (cp - 0xB2)));
	if (cp == 0xB9)
		return one(out, nout, '1');
	if (is_invisible(cp))
		return FOLD_SKIP;
	if (cp == 0x2019 || cp == 0x02BC || cp == 0x2018)
		return FOLD_SKIP; /* apostrophes join inside a word */
	if ((cp >= 0x0100 && cp <= 0x017F) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
		for (i = 0; i < sizeof(latin_ext_a) / sizeof(latin_ext_a[0]); i++)
			if (cp >= latin_ext_a[i].lo && cp <= latin_ext_a[i].hi)
				return str_out(out, nout, latin_ext_a[i].s);
		return FOLD_SEP;
	}
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return one(out, nout, (char)('0' + (cp - 0xFF10)));
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return one(out, nout, (char)('a' + (cp - 0xFF21)));
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return one(out, nout, (char)('a' + (cp - 0xFF41)));
	if (cp >= 0x1D400 && cp <= 0x1D6A3)
		return one(out, nout, (char)('a' + (cp - 0x1D400) % 52 % 26));
	if (cp == 0x1D6A4 || cp == 0x1D6A5)
		return one(out, nout, cp == 0x1D6A4 ? 'i' : 'j');
	if (cp >= 0x1D7CE && cp <= 0x1D7FF)
		return one(out, nout, (char)('0' + (cp - 0x1D7CE) % 10));
	if (cp >= 0x24B6 && cp <= 0x24CF)
		return one(out, nout, (char)('a' + (cp - 0x24B6)));
	if (cp >= 0x24D0 && cp <= 0x24E9)
		return one(out, nout, (char)('a' + (cp - 0x24D0)));
	if (cp >= 0x2460 && cp <= 0x2468)
		return one(out, nout, (char)('1' + (cp - 0x2460)));
	if (cp == 0x24EA)
		return one(out, nout, '0');
	if (cp >= 0x2102 && cp <= 0x2134) {
		for (i = 0; i < sizeof(letterlike) / sizeof(letterlike[0]); i++)
			if (letterlike[i].cp == cp)
				return one(out, nout, letterlike[i].c);
		return FOLD_SEP;
	}
	/* letters of other scripts: kept as UTF-8 so that words stay whole;
	 * they never match the (Latin) lexicon unless it lists them */
	if ((cp >= 0x0180 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x03FF) ||
	    (cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x0590 && cp <= 0x06FF) ||
	    (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x0E00 && cp <= 0x0EFF) ||
	    (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x1B00 && cp <= 0x1BFF) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	    (cp >= 0xA980 && cp <= 0xA9DF)) {
		if (cp < 0x800) {
			out[0] = (char)(0xC0 | (cp >> 6));
			out[1] = (char)(0x80 | (cp & 0x3F));
			*nout = 2;
		} else {
			out[0] = (char)(0xE0 | (cp >> 12));
			out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[2] = (char)(0x80 | (cp & 0x3F));
			*nout = 3;
		}
		return FOLD_ALNUM;
	}
	if ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
	    (cp >= 0x3030 && cp <= 0x303D) || cp == 0x00A9 || cp == 0x00AE)
		return FOLD_SYMBOL;
	return FOLD_SEP;
}

size_t
fold_search_key(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t n = strlen((const char *)p), i = 0, o = 0;

	if (outsz == 0)
		return 0;
	while (i < n) {
		size_t adv, k, nf = 0;
		char f[3];
		uint32_t cp = utf8_next(p + i, n - i, &adv);
		enum fold_kind kind = FOLD_SEP;

		if (cp >= 0x80 && cp != FOLD_REPLACEMENT)
			kind = fold_cp(cp, f, &nf);
		if (cp < 0x80) {
			f[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
			nf = 1;
		} else if (kind == FOLD_SKIP) {
			nf = 0;
		} else if (kind != FOLD_ALNUM) {
			/* kept as written: separators, symbols, bad bytes */
			if (o + adv >= outsz)
				break;
			memcpy(out + o, p + i, adv);
			o += adv;
			i += adv;
			continue;
		}
		if (o + nf >= outsz)
			break;
		for (k = 0; k < nf; k++)
			out[o++] = f[k];
		i += adv;
	}
	out[o] = '\0';
	return o;
}
