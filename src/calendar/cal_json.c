/*
 * cal_json.c - JSON data files with line numbers in their errors.
 *
 * jansson parses and validates; when a value is wrong, cal_json_line()
 * walks the source text along the value's path (object keys, array
 * indexes) to find the line it starts on.  The walker is iterative, never
 * reads past len and stops at the first thing it does not understand, so
 * it is safe on any bytes, not only on text jansson accepted.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar/cal_internal.h"
#include "core/str.h"

void
cal_jpath_push_key(struct cal_jpath *p, const char *key)
{
	if (p->n < CAL_JPATH_MAX) {
		p->step[p->n].key = key;
		p->step[p->n].index = 0;
	}
	p->n++;
}

void
cal_jpath_push_index(struct cal_jpath *p, size_t index)
{
	if (p->n < CAL_JPATH_MAX) {
		p->step[p->n].key = NULL;
		p->step[p->n].index = index;
	}
	p->n++;
}

void
cal_jpath_pop(struct cal_jpath *p)
{
	if (p->n > 0)
		p->n--;
}

static size_t
skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* i at the opening quote; returns the index after the closing quote. */
static size_t
skip_string(const char *s, size_t len, size_t i)
{
	for (i++; i < len; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return len;
}

/* i at the start of a value; returns the index just after it. */
static size_t
skip_value(const char *s, size_t len, size_t i)
{
	size_t depth = 0;

	if (i >= len)
		return len;
	if (s[i] == '"')
		return skip_string(s, len, i);
	if (s[i] != '{' && s[i] != '[') {
		while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
		       s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			i++;
		return i;
	}
	while (i < len) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, len, i);
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (--depth == 0)
				return i + 1;
		}
		i++;
	}
	return len;
}

/* Compare the raw key at s[i] (opening quote) with key; *end after it. */
static bool
key_equals(const char *s, size_t len, size_t i, const char *key, size_t *end)
{
	size_t e = skip_string(s, len, i);
	size_t klen = strlen(key);

	*end = e;
	return e >= i + 2 && e - i - 2 == klen && memcmp(s + i + 1, key, klen) == 0;
}

static unsigned
line_of(const char *s, size_t pos)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < pos; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

unsigned
cal_json_line(const char *text, size_t len, const struct cal_jpath *path)
{
	size_t i = skip_ws(text, len, 0), best = i;
	int k, n = path->n < CAL_JPATH_MAX ? path->n : CAL_JPATH_MAX;

	for (k = 0; k < n; k++) {
		bool found = false;

		if (i >= len)
			break;
		if (path->step[k].key) {
			if (text[i] != '{')
				break;
			i = skip_ws(text, len, i + 1);
			while (i < len && text[i] == '"') {
				size_t end;
				bool eq = key_equals(text, len, i, path->step[k].key, &end);

				i = skip_ws(text, len, end);
				if (i >= len || text[i] != ':')
					break;
				i = skip_ws(text, len, i + 1);
				if (eq) {
					found = true;
					break;
				}
				i = skip_ws(text, len, skip_value(text, len, i));
				if (i >= len || text[i] != ',')
					break;
				i = skip_ws(text, len, i + 1);
			}
		} else {
			size_t idx = 0;

			if (text[i] != '[')
				break;
			i = skip_ws(text, len, i + 1);
			while (i < len && text[i] != ']') {
				if (idx == path->step[k].index) {
					found = true;
					break;
				}
				i = skip_ws(text, len, skip_value(text, len, i));
				if (i >= len || text[i] != ',')
					break;
				i = skip_ws(text, len, i + 1);
				idx++;
			}
		}
		if (!found)
			break;
		best = i;
	}
	return line_of(text, best < len ? best : len);
}

static void
path_format(const struct cal_jpath *p, const char *key, char *out, size_t outsz)
{
	size_t used = 0;
	int k, n = p->n < CAL_JPATH_MAX ? p->n : CAL_JPATH_MAX;

	out[0] = '\0';
	for (k = 0; k < n && used < outsz; k++) {
		int w;

		if (p->step[k].key)
			w = snprintf(out + used, outsz - used, "%s%s", used ? "." : "",
				     p->step[k].key);
		else
			w = snprintf(out + used, outsz - used, "[%zu]", p->step[k].index);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (key && used < outsz)
		snprintf(out + used, outsz - used, "%s%s", used ? "." : "", key);
}

int
cal_jerr(struct cal_jdoc *d, const char *key, const char *fmt, ...)
{
	struct cal_jpath p = d->path;
	char where[128], msg[256];
	va_list ap;
	unsigned line;

	if (key)
		cal_jpath_push_key(&p, key);
	line = cal_json_line(d->text, d->len, &p);
	path_format(&d->path, key, where, sizeof(where));
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (where[0])
		return errbuf_set_code(d->eb, ERR_INVALID_INPUT, "invalid_data", "%s:%u: %s: %s",
				       d->file, line, where, msg);
	return errbuf_set_code(d->eb, ERR_INVALID_INPUT, "invalid_data", "%s:%u: %s", d->file, line,
			       msg);
}

json_t *
cal_json_load(struct cal_jdoc *d)
{
	json_error_t je;
	json_t *root;

	if (!utf8_valid(d->text, d->len)) {
		errbuf_set_code(d->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s: berkas bukan teks UTF-8 yang sah", d->file);
		return NULL;
	}
	root = json_loadb(d->text, d->len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		errbuf_set_code(d->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%d: JSON tidak sah: %s", d->file, je.line > 0 ? je.line : 1,
				je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		errbuf_set_code(d->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:1: isi berkas harus satu objek JSON {...}", d->file);
		return NULL;
	}
	return root;
}

int
cal_json_check_keys(struct cal_jdoc *d, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		size_t i;
		bool ok = false;

		(void)v;
		for (i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], key) == 0)
				ok = true;
		if (!ok)
			return cal_jerr(d, key, "kunci \"%s\" tidak dikenal (salah ketik?)", key);
	}
	return 0;
}

int
cal_json_str(struct cal_jdoc *d, json_t *obj, const char *key, bool required, size_t maxlen,
	     const char **out)
{
	json_t *v = json_object_get(obj, key);
	size_t n;

	if (v == NULL || json_is_null(v)) {
		if (required)
			return cal_jerr(d, NULL, "kunci \"%s\" wajib ada", key);
		return 0;
	}
	if (!json_is_string(v))
		return cal_jerr(d, key, "harus berupa teks");
	n = json_string_length(v);
	if (n > maxlen)
		return cal_jerr(d, key, "terlalu panjang (%zu byte; paling banyak %zu)", n, maxlen);
	if (memchr(json_string_value(v), '\0', n))
		return cal_jerr(d, key, "mengandung karakter NUL");
	if (required && n == 0)
		return cal_jerr(d, key, "tidak boleh kosong");
	*out = arena_strndup(d->arena, json_string_value(v), n);
	return 0;
}

int
cal_json_strcpy(struct cal_jdoc *d, json_t *obj, const char *key, bool required, char *dst,
		size_t dstsz)
{
	const char *s = NULL;

	if (cal_json_str(d, obj, key, required, dstsz - 1, &s) < 0)
		return -1;
	if (s)
		cstr_copy(dst, dstsz, s);
	return 0;
}

int
cal_json_date(struct cal_jdoc *d, json_t *obj, const char *key, bool required, struct date *out,
	      bool *present)
{
	json_t *v = json_object_get(obj, key);

	if (present)
		*present = false;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return cal_jerr(d, NULL, "kunci \"%s\" wajib ada", key);
		return 0;
	}
	if (!json_is_string(v) ||
	    date_parse(str_make(json_string_value(v), json_string_length(v)), out) < 0)
		return cal_jerr(d, key, "tanggal tidak sah (format YYYY-MM-DD, mis. 2024-02-14)");
	if (present)
		*present = true;
	return 0;
}

int
cal_json_int(struct cal_jdoc *d, json_t *obj, const char *key, bool required, long min, long max,
	     long *out)
{
	json_t *v = json_object_get(obj, key);
	json_int_t x;

	if (v == NULL || json_is_null(v)) {
		if (required)
			return cal_jerr(d, NULL, "kunci \"%s\" wajib ada", key);
		return 0;
	}
	if (!json_is_integer(v))
		return cal_jerr(d, key, "harus bilangan bulat");
	x = json_integer_value(v);
	if (x < min || x > max)
		return cal_jerr(d, key, "nilai %lld di luar batas %ld..%ld", (long long)x, min,
				max);
	*out = (long)x;
	return 0;
}

int
cal_json_bool(struct cal_jdoc *d, json_t *obj, const char *key, bool *out)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_boolean(v))
		return cal_jerr(d, key, "harus true atau false");
	*out = json_is_true(v);
	return 0;
}

int
cal_json_strv(struct cal_jdoc *d, json_t *obj, const char *key, size_t max, size_t maxlen,
	      const char *const **out, size_t *n)
{
	json_t *v = json_object_get(obj, key), *item;
	const char **arr;
	size_t i;

	*out = NULL;
	*n = 0;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return cal_jerr(d, key, "harus berupa daftar [...]");
	if (json_array_size(v) > max)
		return cal_jerr(d, key, "terlalu banyak isi (paling banyak %zu)", max);
	arr = arena_array(d->arena, json_array_size(v) + 1, sizeof(*arr));
	cal_jpath_push_key(&d->path, key);
	json_array_foreach(v, i, item)
	{
		size_t len;

		if (!json_is_string(item)) {
			cal_jpath_push_index(&d->path, i);
			cal_jerr(d, NULL, "harus berupa teks");
			return -1;
		}
		len = json_string_length(item);
		if (len == 0 || len > maxlen || memchr(json_string_value(item), '\0', len)) {
			cal_jpath_push_index(&d->path, i);
			cal_jerr(d, NULL,
				 "teks kosong atau terlalu panjang (paling banyak %zu byte)",
				 maxlen);
			return -1;
		}
		arr[i] = arena_strndup(d->arena, json_string_value(item), len);
	}
	cal_jpath_pop(&d->path);
	*out = arr;
	*n = json_array_size(v);
	return 0;
}
