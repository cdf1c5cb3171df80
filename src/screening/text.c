/*
 * text.c - the pure helpers of the screening module: UTF-8 cleaning and
 * cutting, the item time parser, account handle and platform names.
 *
 * All functions work over (ptr, len), allocate nothing but the caller's
 * buffer and never read outside the given bytes; they are fuzzed by
 * tests/fuzz/fuzz_screening.c.
 */
#include <string.h>

#include "core/str.h"
#include "feed/feed.h"
#include "screening/screening.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Length of the well-formed UTF-8 sequence at p (n bytes left), 0 if none. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && p[1] >= 0xa0)
			return 0; /* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xf4 && p[1] >= 0x90)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

bool
screening_utf8_clean(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	bool replaced = false;

	while (i < n) {
		size_t k = p[i] == 0 ? 0 : utf8_seq(p + i, n - i);

		if (k) {
			i += k;
			run += k;
			continue;
		}
		buf_add(out, s + i - run, run);
		buf_add(out, replacement, 3);
		replaced = true;
		run = 0;
		i++;
	}
	buf_add(out, s + n - run, run);
	return replaced;
}

size_t
screening_utf8_cut(const char *s, size_t n, size_t max)
{
	size_t k;

	if (n <= max)
		return n;
	k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return k;
}

/* --- times ------------------------------------------------------------------ */

int
screening_time_parse(const char *s, size_t n, int64_t *out)
{
	return feed_time_parse(s, n, out); /* one parser for scan, monitor and ingest */
}

/* --- names ---------------------------------------------------------------------- */

/* Trim, collapse whitespace runs, ASCII lower case; refuse controls and
 * invalid UTF-8.  Returns the length or -1. */
static int
norm_words(const char *s, size_t n, char *out, size_t outsz)
{
	struct str t = str_trim(str_make(s ? s : "", s ? n : 0));
	size_t i, k = 0;
	bool space = false;

	if (outsz == 0 || t.ptr == NULL || !utf8_valid(t.ptr, t.len))
		return -1;
	for (i = 0; i < t.len; i++) {
		char c = t.ptr[i];

		if (char_is_space(c)) {
			space = true;
			continue;
		}
		if ((unsigned char)c < 0x20 || c == 0x7f)
			return -1;
		if (space) {
			if (k + 1 >= outsz)
				return -1;
			out[k++] = ' ';
			space = false;
		}
		if (k + 1 >= outsz)
			return -1;
		out[k++] = char_ascii_lower(c);
	}
	out[k] = '\0';
	return (int)k;
}

int
screening_handle_norm(const char *s, size_t n, char *out, size_t outsz)
{
	struct str t = str_trim(str_make(s, n));

	if (t.len && t.ptr[0] == '@') {
		t.ptr++;
		t.len--;
	}
	return norm_words(t.ptr, t.len, out, outsz) > 0 ? 0 : -1;
}

int
screening_platform_norm(const char *s, size_t n, char *out, size_t outsz)
{
	return norm_words(s, n, out, outsz) >= 0 ? 0 : -1;
}
