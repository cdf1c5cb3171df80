/*
 * jsonw.c - compact JSON writer over jansson values (see jsonw.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonw.h"
#include "core/str.h"

static void
write_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	buf_grow(b, n + 2);
	buf_addch(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];
		size_t elen = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
			break;
		}
		buf_add(b, esc, elen);
	}
	buf_add(b, s + run, n - run);
	buf_addch(b, '"');
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	len = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (len > n)
		return 0;
	cp = s[0] & (0x7fu >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

void
jsonw_str(struct buf *b, const char *s, size_t n)
{
	struct buf clean = BUF_INIT;
	size_t i = 0;

	if (utf8_valid(s, n)) {
		write_string(b, s, n);
		return;
	}
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : utf8_seq((const unsigned char *)s + i, n - i);

		if (len == 0) {
			buf_add(&clean, "\xef\xbf\xbd", 3);
			i++;
		} else {
			buf_add(&clean, s + i, len);
			i += len;
		}
	}
	write_string(b, clean.data ? clean.data : "", clean.len);
	buf_release(&clean);
}

void
jsonw_str_or_null(struct buf *b, const char *s)
{
	if (s)
		jsonw_str(b, s, strlen(s));
	else
		buf_add(b, "null", 4);
}

void
jsonw_bool(struct buf *b, bool v)
{
	if (v)
		buf_add(b, "true", 4);
	else
		buf_add(b, "false", 5);
}

static void
write_int(struct buf *b, json_int_t v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
jsonw_int(struct buf *b, long long v)
{
	write_int(b, (json_int_t)v);
}

void
jsonw_dump(struct buf *b, const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		/* jansson's iteration API takes a non-const object */
		json_t *obj = (json_t *)(uintptr_t)j, *v;
		const char *key;
		int first = 1;

		buf_addch(b, '{');
		json_object_foreach(obj, key, v)
		{
			if (!first)
				buf_addch(b, ',');
			first = 0;
			write_string(b, key, strlen(key));
			buf_addch(b, ':');
			jsonw_dump(b, v);
		}
		buf_addch(b, '}');
		break;
	}
	case JSON_ARRAY: {
		size_t i, n = json_array_size(j);

		buf_addch(b, '[');
		for (i = 0; i < n; i++) {
			if (i)
				buf_addch(b, ',');
			jsonw_dump(b, json_array_get(j, i));
		}
		buf_addch(b, ']');
		break;
	}
	case JSON_STRING: write_string(b, json_string_value(j), json_string_length(j)); break;
	case JSON_INTEGER: write_int(b, json_integer_value(j)); break;
	case JSON_REAL: {
		double d = json_real_value(j);

		if (isfinite(d))
			buf_addf(b, "%.17g", d);
		else
			buf_addstr(b, "null");
		break;
	}
	case JSON_TRUE: buf_add(b, "true", 4); break;
	case JSON_FALSE: buf_add(b, "false", 5); break;
	case JSON_NULL: buf_add(b, "null", 4); break;
	}
}
