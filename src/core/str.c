/*
 * str.c - non-owning string slices (see str.h).
 */
#include <string.h>
#include <strings.h>

#include "str.h"

struct str
str_from(const char *s)
{
	struct str r = {s, s ? strlen(s) : 0};

	return r;
}

struct str
str_make(const char *p, size_t n)
{
	struct str r = {p, n};

	return r;
}

bool
str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool
str_eq_cstr(struct str a, const char *b)
{
	return str_eq(a, str_from(b));
}

bool
str_caseeq_cstr(struct str a, const char *b)
{
	size_t n = strlen(b);

	return a.len == n && (n == 0 || strncasecmp(a.ptr, b, n) == 0);
}

bool
str_has_prefix(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && memcmp(s.ptr, prefix, n) == 0;
}

struct str
str_trim(struct str s)
{
	while (s.len && char_is_space(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && char_is_space(s.ptr[s.len - 1]))
		s.len--;
	return s;
}

bool
str_next(struct str *rest, char sep, struct str *tok)
{
	const char *p;

	if (rest->ptr == NULL) {
		*tok = STR_NULL;
		return false;
	}
	p = rest->len ? memchr(rest->ptr, sep, rest->len) : NULL;
	if (p == NULL) {
		*tok = *rest;
		*rest = STR_NULL;
		return true;
	}
	tok->ptr = rest->ptr;
	tok->len = (size_t)(p - rest->ptr);
	rest->len -= tok->len + 1;
	rest->ptr = p + 1;
	return true;
}

int
str_to_i64(struct str s, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0, lim;
	size_t i = 0;

	if (s.len && s.ptr[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i >= s.len || s.len - i > 19)
		return -1;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < s.len; i++) {
		unsigned d;

		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return -1;
		d = (unsigned)(s.ptr[i] - '0');
		if (v > (lim - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

int
str_copy(struct str s, char *dst, size_t dstsz)
{
	size_t n;

	if (dstsz == 0)
		return -1;
	n = s.len < dstsz - 1 ? s.len : dstsz - 1;
	if (n)
		memcpy(dst, s.ptr, n);
	dst[n] = '\0';
	return n == s.len ? 0 : -1;
}

bool
str_all_digits(struct str s)
{
	size_t i;

	if (s.len == 0)
		return false;
	for (i = 0; i < s.len; i++)
		if (s.ptr[i] < '0' || s.ptr[i] > '9')
			return false;
	return true;
}

int
cstr_copy(char *dst, size_t dstsz, const char *src)
{
	return str_copy(str_from(src ? src : ""), dst, dstsz);
}

bool
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t need;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0) {
			need = 1;
			cp = c & 0x1F;
			min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			need = 2;
			cp = c & 0x0F;
			min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			need = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return false;
		}
		if (need > n - i - 1)
			return false;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += need + 1;
	}
	return true;
}
