/*
 * time.c - the time of a feed item ("ts" of a JSON line, pubDate or
 * published of a feed entry), read the same way by `netra scan`, `netra
 * monitor` and the screening ingest (see feed.h).  Pure: (ptr, len) in,
 * a unix time out; fuzzed through tests/fuzz/fuzz_screening.c.
 */
#include <string.h>

#include "core/datetime.h"
#include "core/str.h"
#include "feed/feed.h"

/* Read 1..maxd digits at *p; -1 when none. */
static int
read_num(const char **p, const char *end, int maxd)
{
	int v = 0, d = 0;

	while (*p < end && char_is_digit(**p) && d < maxd) {
		v = v * 10 + (**p - '0');
		(*p)++;
		d++;
	}
	return d ? v : -1;
}

static void
skip_spaces(const char **p, const char *end)
{
	while (*p < end && char_is_space(**p))
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
		m[i] = char_ascii_lower(p[i]);
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

		if (!char_is_digit(p[1]) || !char_is_digit(p[2]))
			return -10000;
		h = (p[1] - '0') * 10 + (p[2] - '0');
		if (n == 6 && p[3] != ':')
			return -10000;
		p += n - 2;
		if (!char_is_digit(p[0]) || !char_is_digit(p[1]))
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
	if (end - p >= 4 && !char_is_digit(*p)) {
		/* the weekday is informational: skip letters and the comma */
		while (p < end && !char_is_digit(*p) && *p != ',')
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
	while (p < end && !char_is_space(*p))
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
	while (p < end && !char_is_space(*p))
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
feed_time_parse(const char *s, size_t n, int64_t *out)
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
	if (t.len >= 10 && char_is_digit(t.ptr[0]) && t.ptr[4] == '-')
		return time_parse_iso(t, out, &off);
	return parse_rfc822(t.ptr, t.ptr + t.len, out);
}
