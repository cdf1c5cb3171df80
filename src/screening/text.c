/*
 * text.c - the pure helpers of the screening module: UTF-8 cleaning and
 * cutting, the item time parser, account handle and platform names.
 *
 * All functions work over (ptr, len), allocate nothing but the caller's
 * buffer and never read outside the given bytes; they are fuzzed by
 * tests/fuzz/fuzz_screening.c.
 */
#include <string.h>

#include "core/datetime.h"
#include "core/str.h"
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

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Read 1..maxd digits at *p; -1 when none. */
static int
read_num(const char **p, const char *end, int maxd)
{
	int v = 0, d = 0;

	while (*p < end && is_digit(**p) && d < maxd) {
		v = v * 10 + (**p - '0');
		(*p)++;
		d++;
	}
	return d ? v : -1;
}

static void
skip_spaces(const char **p, const char *end)
{
	while (*p < end && is_space(**p))
		(*p)++;
}

/* English and Indonesian month abbreviations (Mei, Agu/Agt, Okt, Des). */
static int
month_abbrev(const char *p, size_t n)
{
	static const char *const names[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	};
	static const struct {
		const char *name;
		int month;
	} id[] = {{"mei", 5}, {"agu", 8}, {"agt", 8}, {"okt", 10}, {"des", 12}, {"peb", 2}};
	char m[3];
	size_t i;

	if (n < 3)
		return -1;
	for (i = 0; i < 3; i++)
		m[i] = ascii_lower(p[i]);
	for (i = 0; i < 12; i++)
		if (memcmp(m, names[i], 3) == 0)
			return (int)i + 1;
	for (i = 0; i < sizeof(id) / sizeof(id[0]); i++)
		if (memcmp(m, id[i].name, 3) == 0)
			return id[i].month;
	return -1;
}

/* Zone of an RFC 822 date: minutes east of UTC, or -10000. */
static int
rfc822_zone(const char *p, size_t n)
{
	const struct tz *z;

	if (n == 1 && (p[0] == 'Z' || p[0] == 'z'))
		return 0;
	if ((n == 2 && str_caseeq_cstr(str_make(p, 2), "ut")) ||
	    (n == 3 &&
	     (str_caseeq_cstr(str_make(p, 3), "gmt") || str_caseeq_cstr(str_make(p, 3), "utc"))))
		return 0;
	z = tz_find(str_make(p, n));
	if (z)
		return z->offset_min;
	if ((n == 5 || n == 6) && (p[0] == '+' || p[0] == '-')) {
		int sign = p[0] == '-' ? -1 : 1, h, m;

		if (!is_digit(p[1]) || !is_digit(p[2]))
			return -10000;
		h = (p[1] - '0') * 10 + (p[2] - '0');
		if (n == 6 && p[3] != ':')
			return -10000;
		p += n - 2;
		if (!is_digit(p[0]) || !is_digit(p[1]))
			return -10000;
		m = (p[0] - '0') * 10 + (p[1] - '0');
		if (h > 14 || m > 59)
			return -10000;
		return sign * (h * 60 + m);
	}
	return -10000;
}

/* "Thu, 08 Feb 2024 09:12:00 +0800" (weekday optional, seconds optional). */
static int
parse_rfc822(const char *p, const char *end, int64_t *out)
{
	struct date d;
	int h, mi, sec = 0, off;
	const char *z;

	skip_spaces(&p, end);
	if (end - p >= 4 && !is_digit(*p)) {
		/* the weekday is informational: skip letters and the comma */
		while (p < end && !is_digit(*p) && *p != ',')
			p++;
		if (p == end || *p != ',')
			return -1;
		p++;
		skip_spaces(&p, end);
	}
	d.day = read_num(&p, end, 2);
	skip_spaces(&p, end);
	if (d.day < 0 || end - p < 3)
		return -1;
	d.month = month_abbrev(p, (size_t)(end - p));
	if (d.month < 0)
		return -1;
	while (p < end && !is_space(*p))
		p++;
	skip_spaces(&p, end);
	z = p;
	d.year = read_num(&p, end, 4);
	if (d.year < 0)
		return -1;
	if (p - z == 2)
		d.year += 2000;
	else if (p - z != 4)
		return -1;
	skip_spaces(&p, end);
	h = read_num(&p, end, 2);
	if (h < 0 || p == end || *p++ != ':')
		return -1;
	mi = read_num(&p, end, 2);
	if (mi < 0)
		return -1;
	if (p < end && *p == ':') {
		p++;
		sec = read_num(&p, end, 2);
		if (sec < 0)
			return -1;
	}
	skip_spaces(&p, end);
	z = p;
	while (p < end && !is_space(*p))
		p++;
	off = rfc822_zone(z, (size_t)(p - z));
	skip_spaces(&p, end);
	if (p != end || off == -10000 || !date_is_valid(d.year, d.month, d.day) || h > 23 ||
	    mi > 59 || sec > 60)
		return -1;
	*out = date_to_days(d) * 86400 + h * 3600 + mi * 60 + sec - (int64_t)off * 60;
	return 0;
}

int
screening_time_parse(const char *s, size_t n, int64_t *out)
{
	struct str t = str_trim(str_make(s, n));
	int64_t v;
	int off;

	if (t.len == 0)
		return -1;
	if (str_all_digits(t)) {
		if ((t.len != 10 && t.len != 13) || str_to_i64(t, &v) < 0)
			return -1;
		*out = t.len == 13 ? v / 1000 : v;
		return 0;
	}
	if (t.len >= 10 && is_digit(t.ptr[0]) && t.ptr[4] == '-')
		return time_parse_iso(t, out, &off);
	return parse_rfc822(t.ptr, t.ptr + t.len, out);
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

		if (is_space(c)) {
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
		out[k++] = ascii_lower(c);
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
