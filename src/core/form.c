/*
 * form.c - urlencoded form and query decoding (see form.h).
 */
#include <string.h>

#include "form.h"
#include "str.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
url_decode(char *dst, const char *src, size_t n, int plus_space)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = src[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			hi = hexval(src[i + 1]);
			lo = hexval(src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			dst[o++] = ' ';
		} else {
			dst[o++] = c;
		}
	}
	return (long)o;
}

static char *
decode_part(struct arena *a, struct str part, size_t *outlen, struct errbuf *eb)
{
	char *dst = arena_alloc(a, part.len + 1);
	long n = url_decode(dst, part.ptr, part.len, 1);

	if (n < 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "escape %% tidak valid dalam data formulir");
		return NULL;
	}
	if (memchr(dst, '\0', (size_t)n) != NULL) {
		errbuf_set(eb, ERR_INVALID_INPUT, "data formulir memuat karakter NUL");
		return NULL;
	}
	if (!utf8_valid(dst, (size_t)n)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "data formulir bukan UTF-8 yang valid");
		return NULL;
	}
	dst[n] = '\0';
	*outlen = (size_t)n;
	return dst;
}

int
form_parse(struct arena *a, const char *s, size_t len, struct form *out, struct errbuf *eb)
{
	struct str rest = str_make(s, len), pair;
	size_t count = 1, i;

	out->fields = NULL;
	out->n = 0;
	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '&')
			count++;
	if (count > FORM_MAX_FIELDS)
		return errbuf_set(eb, ERR_INVALID_INPUT, "terlalu banyak isian (maksimal %d)",
				  FORM_MAX_FIELDS);
	out->fields = arena_array(a, count, sizeof(*out->fields));
	while (str_next(&rest, '&', &pair)) {
		struct str name = pair, value = STR_NULL;
		struct form_field *f;
		const char *eq;
		size_t nlen;

		if (pair.len == 0)
			continue;
		eq = memchr(pair.ptr, '=', pair.len);
		if (eq) {
			name.len = (size_t)(eq - pair.ptr);
			value = str_make(eq + 1, pair.len - name.len - 1);
		}
		f = &out->fields[out->n];
		f->name = decode_part(a, name, &nlen, eb);
		if (f->name == NULL)
			return -1;
		f->value = decode_part(a, value.ptr ? value : STR_LIT(""), &f->value_len, eb);
		if (f->value == NULL)
			return -1;
		out->n++;
	}
	return 0;
}

const char *
form_get(const struct form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].value;
	return NULL;
}

size_t
form_get_all(const struct form *f, const char *name, const char **out, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < f->n && k < max; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			out[k++] = f->fields[i].value;
	return k;
}
