/*
 * jsonw.c - compact JSON writer over jansson values (see jsonw.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonw.h"

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
