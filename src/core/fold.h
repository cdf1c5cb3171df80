/*
 * fold.h - folding text to lowercase ASCII, one code point at a time: the
 * one normaliser behind the screening engine's tokens (src/scan/) and the
 * store's search keys (src/store/search.c).
 *
 * Pure functions over their arguments, thread-safe, no allocation.
 */
#ifndef NETRA_CORE_FOLD_H
#define NETRA_CORE_FOLD_H

#include <stddef.h>
#include <stdint.h>

#define FOLD_REPLACEMENT 0xFFFDu

/* Decode one code point from p[0..n) (n > 0).  Invalid or truncated
 * sequences, overlongs, surrogates and values above U+10FFFF decode as
 * U+FFFD consuming one byte.  *adv receives the bytes consumed (>= 1). */
uint32_t utf8_next(const unsigned char *p, size_t n, size_t *adv);

enum fold_kind {
	FOLD_SEP,   /* separator: space, punctuation, unmapped symbols */
	FOLD_ALNUM, /* letter or digit: out[] holds 1..3 ASCII bytes */
	FOLD_SKIP,  /* invisible inside a word: combining marks, ZWJ,
		       variation selectors, skin tones, keycap, apostrophe */
	FOLD_SYMBOL /* pictograph or other symbol: may be an emoji token */
};

/* Fold a code point to lowercase ASCII: accented Latin letters lose
 * their marks, fullwidth and mathematical styled letters and digits map
 * to plain ones, a few ligatures expand (ß -> ss). */
enum fold_kind fold_cp(uint32_t cp, char out[3], size_t *nout);

/*
 * The search key of in (NUL-terminated) into out: ASCII letters in lower
 * case and every other ASCII byte as it is; other letters and digits
 * folded by fold_cp() ("É" -> "e", "ß" -> "ss", fullwidth -> ASCII);
 * invisible marks dropped; anything else (symbols, other separators, bad
 * bytes) kept as written.  The map works code point by code point, so a
 * text containing a query case- and accent-insensitively has a key
 * containing the query's key.  Truncated at a code point boundary to fit
 * outsz (NUL included); returns the length written.
 */
size_t fold_search_key(const char *in, char *out, size_t outsz);

#endif
