/*
 * parse.c - the untrusted text the auth layer reads: the Authorization
 * header, the Cookie header, and the "csrf" field of a form body
 * (urlencoded or multipart), plus the CSRF decision built on them.
 *
 * Invariants: pure functions over (ptr, len) with no allocation, so they
 * are unit-tested and fuzzed (tests/fuzz/fuzz_auth_header.c); every index
 * is checked against len before use; results are slices into the input
 * or bounded copies into the caller's buffer.  The multipart scanner only
 * looks for one small field: the full parser is http/multipart.h.
 */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "auth/auth_internal.h"
#include "core/form.h"
#include "core/str.h"

#define MULTIPART_BOUNDARY_MAX 70   /* RFC 2046 */
#define PART_HEADERS_MAX       8192 /* header block of one part */
#define FIELD_NAME_MAX         64

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static struct str
trim_ws(struct str s)
{
	while (s.len && is_ws(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && is_ws(s.ptr[s.len - 1]))
		s.len--;
	return s;
}

/* --- Authorization: Bearer ------------------------------------------------- */

static bool
token68_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

int
auth_parse_bearer(const char *h, size_t n, struct str *token)
{
	struct str s = trim_ws(str_make(h, h ? n : 0));
	size_t i = 6, start;

	*token = STR_NULL;
	if (s.len < 8 || strncasecmp(s.ptr, "bearer", 6) != 0 || !is_ws(s.ptr[6]))
		return -1;
	while (i < s.len && is_ws(s.ptr[i]))
		i++;
	start = i;
	while (i < s.len && token68_char(s.ptr[i]))
		i++;
	if (i == start)
		return -1;
	while (i < s.len && s.ptr[i] == '=')
		i++;
	if (i != s.len)
		return -1; /* anything after the token: not ours */
	*token = str_make(s.ptr + start, i - start);
	return 0;
}

/* --- Cookie ------------------------------------------------------------------ */

int
auth_cookie_find(const char *h, size_t n, const char *name, struct str *value)
{
	struct str rest = str_make(h, h ? n : 0), pair;
	size_t nlen = strlen(name);

	*value = STR_NULL;
	if (h == NULL || nlen == 0)
		return -1;
	while (str_next(&rest, ';', &pair)) {
		const char *eq;
		struct str k, v;

		pair = trim_ws(pair);
		eq = pair.len ? memchr(pair.ptr, '=', pair.len) : NULL;
		if (eq == NULL)
			continue;
		k = trim_ws(str_make(pair.ptr, (size_t)(eq - pair.ptr)));
		v = trim_ws(str_make(eq + 1, pair.len - (size_t)(eq - pair.ptr) - 1));
		if (k.len != nlen || memcmp(k.ptr, name, nlen) != 0)
			continue;
		if (v.len >= 2 && v.ptr[0] == '"' && v.ptr[v.len - 1] == '"') {
			v.ptr++;
			v.len -= 2;
		}
		*value = v;
		return 0;
	}
	return -1;
}

/* --- form bodies ------------------------------------------------------------- */

/* Media type of a Content-Type value, and its parameters after ';'. */
static struct str
media_type(struct str s, struct str *params)
{
	const char *semi = s.len ? memchr(s.ptr, ';', s.len) : NULL;

	*params = STR_NULL;
	if (semi) {
		*params = str_make(semi + 1, s.len - (size_t)(semi - s.ptr) - 1);
		s.len = (size_t)(semi - s.ptr);
	}
	return trim_ws(s);
}

/* Value of parameter key in "a=b; key=\"v\"" (quotes removed; a quoted
 * value with a backslash escape is refused: we never need one). */
static int
param_get(struct str params, const char *key, struct str *out)
{
	struct str rest = params, p;
	size_t klen = strlen(key);

	while (str_next(&rest, ';', &p)) {
		const char *eq;
		struct str k, v;

		p = trim_ws(p);
		eq = p.len ? memchr(p.ptr, '=', p.len) : NULL;
		if (eq == NULL)
			continue;
		k = trim_ws(str_make(p.ptr, (size_t)(eq - p.ptr)));
		v = trim_ws(str_make(eq + 1, p.len - (size_t)(eq - p.ptr) - 1));
		if (k.len != klen || strncasecmp(k.ptr, key, klen) != 0)
			continue;
		if (v.len && v.ptr[0] == '"') {
			if (v.len < 2 || v.ptr[v.len - 1] != '"')
				return -1;
			v.ptr++;
			v.len -= 2;
			if (memchr(v.ptr, '\\', v.len) || memchr(v.ptr, '"', v.len))
				return -1;
		}
		*out = v;
		return 0;
	}
	return -1;
}

static int
urlencoded_field(const char *body, size_t len, const char *name, char *out, size_t outsz)
{
	struct str rest = str_make(body, len), pair;
	size_t nlen = strlen(name);

	while (str_next(&rest, '&', &pair)) {
		const char *eq = pair.len ? memchr(pair.ptr, '=', pair.len) : NULL;
		size_t klen = eq ? (size_t)(eq - pair.ptr) : pair.len;
		char key[FIELD_NAME_MAX * 3];
		long kn, vn;

		if (klen == 0 || klen > sizeof(key))
			continue;
		kn = url_decode(key, pair.ptr, klen, 1);
		if (kn < 0 || (size_t)kn != nlen || memcmp(key, name, nlen) != 0)
			continue;
		if (eq == NULL) {
			if (outsz == 0)
				return -1;
			out[0] = '\0';
			return 0;
		}
		if (pair.len - klen - 1 >= outsz)
			return -1; /* decoded is never longer than encoded */
		vn = url_decode(out, eq + 1, pair.len - klen - 1, 1);
		if (vn < 0 || memchr(out, '\0', (size_t)vn))
			return -1;
		out[vn] = '\0';
		return 0;
	}
	return -1;
}

static const char *
find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	const char *p = hay, *end = hay + hlen;

	if (nlen == 0 || hlen < nlen)
		return NULL;
	while ((size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Does this part's header block say Content-Disposition: form-data;
 * name="<name>"? */
static bool
part_named(struct str headers, const char *name)
{
	struct str rest = headers, line;

	while (str_next(&rest, '\n', &line)) {
		const char *colon;
		struct str hname, hval, params, v;

		if (line.len && line.ptr[line.len - 1] == '\r')
			line.len--;
		colon = line.len ? memchr(line.ptr, ':', line.len) : NULL;
		if (colon == NULL)
			continue;
		hname = trim_ws(str_make(line.ptr, (size_t)(colon - line.ptr)));
		if (!str_caseeq_cstr(hname, "content-disposition"))
			continue;
		hval = str_make(colon + 1, line.len - (size_t)(colon - line.ptr) - 1);
		if (!str_caseeq_cstr(media_type(hval, &params), "form-data"))
			return false;
		return param_get(params, "name", &v) == 0 && str_eq_cstr(v, name);
	}
	return false;
}

static int
multipart_field(struct str params, const char *body, size_t len, const char *name, char *out,
		size_t outsz)
{
	char delim[MULTIPART_BOUNDARY_MAX + 4];
	struct str b;
	size_t dlen, pos;
	const char *p;

	if (param_get(params, "boundary", &b) < 0 || b.len == 0 || b.len > MULTIPART_BOUNDARY_MAX)
		return -1;
	/* "\r\n--boundary"; the first delimiter may open the body without CRLF */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b.ptr, b.len);
	dlen = b.len + 4;
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		pos = dlen - 2;
	} else {
		p = find_bytes(body, len, delim, dlen);
		if (p == NULL)
			return -1;
		pos = (size_t)(p - body) + dlen;
	}
	for (;;) {
		size_t hstart, hend, dstart;
		const char *next;

		/* after a delimiter: "--" closes, else optional blanks and CRLF */
		if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			return -1;
		while (pos < len && is_ws(body[pos]))
			pos++;
		if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			return -1;
		hstart = pos + 2;
		if (len - hstart >= 2 && body[hstart] == '\r' && body[hstart + 1] == '\n') {
			hend = hstart;
			dstart = hstart + 2;
		} else {
			const char *e = find_bytes(body + hstart, len - hstart, "\r\n\r\n", 4);

			if (e == NULL || (size_t)(e - (body + hstart)) > PART_HEADERS_MAX)
				return -1;
			hend = (size_t)(e - body);
			dstart = hend + 4;
		}
		next = find_bytes(body + dstart, len - dstart, delim, dlen);
		if (next == NULL)
			return -1;
		if (part_named(str_make(body + hstart, hend - hstart), name)) {
			size_t vlen = (size_t)(next - (body + dstart));

			if (vlen >= outsz || memchr(body + dstart, '\0', vlen))
				return -1;
			memcpy(out, body + dstart, vlen);
			out[vlen] = '\0';
			return 0;
		}
		pos = (size_t)(next - body) + dlen;
	}
}

int
auth_body_field(const char *content_type, const char *body, size_t len, const char *name, char *out,
		size_t outsz)
{
	struct str params, mt = media_type(str_from(content_type ? content_type : ""), &params);

	if (body == NULL || name == NULL || out == NULL || outsz == 0 ||
	    strlen(name) > FIELD_NAME_MAX)
		return -1;
	out[0] = '\0';
	if (str_caseeq_cstr(mt, "application/x-www-form-urlencoded"))
		return urlencoded_field(body, len, name, out, outsz);
	if (str_caseeq_cstr(mt, "multipart/form-data"))
		return multipart_field(params, body, len, name, out, outsz);
	return -1;
}

/* --- the CSRF decision ------------------------------------------------------- */

bool
auth_method_safe(const char *method)
{
	return method && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ||
			  strcmp(method, "OPTIONS") == 0);
}

static bool
token_equal(const char *expected, const char *given)
{
	size_t n = strlen(expected);

	return n > 0 && strnlen(given, n + 1) == n && sodium_memcmp(expected, given, n) == 0;
}

bool
auth_csrf_ok(const struct principal *p, const char *method, const char *header,
	     const char *content_type, const char *body, size_t len)
{
	char field[sizeof(p->csrf)];

	if (p == NULL || !p->via_cookie || auth_method_safe(method))
		return true;
	if (p->csrf[0] == '\0')
		return false;
	if (header)
		return token_equal(p->csrf, header);
	if (auth_body_field(content_type, body, len, "csrf", field, sizeof(field)) < 0)
		return false;
	return token_equal(p->csrf, field);
}
