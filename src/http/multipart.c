/*
 * multipart.c - multipart/form-data parser over a complete body (see
 * multipart.h for the decisions it implements).
 *
 * Invariants: every index into the body is checked against its length
 * before it is read; part data are slices of the body (never copied);
 * everything else the caller sees is a NUL-terminated arena copy that is
 * valid UTF-8 without control characters.  The scan is linear in the body
 * size apart from restarts after a false delimiter match, each of which
 * moves at least one byte forward.
 */
#define _GNU_SOURCE /* memmem: glibc, musl and the BSDs have it; POSIX.1-2024 too */
#include <stdbool.h>
#include <string.h>

#include "core/str.h"
#include "http/multipart.h"

#define E_INVALID "invalid_multipart"
#define E_LIMIT   "payload_too_large"

/* RFC 2046 bchars without the space, which is allowed but not last. */
static bool
is_bchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c != '\0' && strchr("'()+_,-./:=?", c) != NULL);
}

/* RFC 9110 tchar */
static bool
is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

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

/*
 * Decode one UTF-8 sequence at p (n bytes available).  Returns its length
 * and sets *cp, or 0 when the bytes are not well-formed UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, truncated).
 */
static size_t
utf8_decode(const unsigned char *p, size_t n, unsigned *cp)
{
	unsigned c = p[0], v, min;
	size_t need, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		v = c & 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		v = c & 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < need + 1)
		return 0;
	for (i = 1; i <= need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return need + 1;
}

/* Characters a label must not carry: C0, DEL, C1, and the bidirectional
 * controls that can make "gpj.exe" display as "exe.jpg". */
static bool
is_label_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the longest prefix of s (len bytes, valid UTF-8) that is at
 * most max bytes and ends on a character boundary. */
static size_t
utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

char *
multipart_filename_sanitize(struct arena *a, const char *in, size_t n)
{
	const unsigned char *p;
	char *out;
	size_t i, o = 0, start = 0, end, ext = 0, keep;

	for (i = 0; i < n; i++)
		if (in[i] == '/' || in[i] == '\\')
			start = i + 1;
	p = (const unsigned char *)in + start;
	n -= start;
	out = arena_alloc(a, n * 3 + 1); /* U+FFFD is 3 bytes for 1 bad byte */
	for (i = 0; i < n;) {
		unsigned cp;
		size_t k = utf8_decode(p + i, n - i, &cp);

		if (k == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
			continue;
		}
		if (!is_label_control(cp)) {
			memcpy(out + o, p + i, k);
			o += k;
		}
		i += k;
	}
	/* trim ASCII spaces */
	end = o;
	while (end > 0 && out[end - 1] == ' ')
		end--;
	for (i = 0; i < end && out[i] == ' ';)
		i++;
	memmove(out, out + i, end - i);
	o = end - i;
	out[o] = '\0';
	if (strcmp(out, ".") == 0 || strcmp(out, "..") == 0) {
		out[0] = '\0';
		return out;
	}
	if (o <= MULTIPART_FILENAME_MAX)
		return out;
	/* too long: keep an extension of up to 16 bytes, cut the stem */
	for (i = o; i > 0; i--) {
		if (out[i - 1] == '.') {
			ext = o - (i - 1);
			break;
		}
	}
	if (ext < 2 || ext > 16)
		ext = 0;
	keep = utf8_cut(out, o - ext, MULTIPART_FILENAME_MAX - ext);
	memmove(out + keep, out + o - ext, ext);
	out[keep + ext] = '\0';
	return out;
}

/* --- header values: "type; a=b; c="d"" ------------------------------------ */

struct mp_param {
	struct str name;
	struct str value; /* raw: between the quotes when quoted */
	bool quoted;
};

static void
skip_ows(struct str *s)
{
	while (s->len && is_ows(s->ptr[0])) {
		s->ptr++;
		s->len--;
	}
}

/* The leading token of a header value (media type, disposition type). */
static struct str
value_type(struct str *rest)
{
	struct str t;
	size_t i = 0;

	skip_ows(rest);
	while (i < rest->len && rest->ptr[i] != ';' && !is_ows(rest->ptr[i]))
		i++;
	t = str_make(rest->ptr, i);
	rest->ptr += i;
	rest->len -= i;
	return t;
}

/*
 * Next ";name=value" parameter of rest.  Returns 1 with *pm filled, 0 at
 * the end, -1 when malformed.  Empty parameters (";;", a trailing ';')
 * are skipped.
 */
static int
param_next(struct str *rest, struct mp_param *pm)
{
	const char *p = rest->ptr, *end = rest->ptr + rest->len, *start;

	for (;;) {
		while (p < end && is_ows(*p))
			p++;
		if (p == end) {
			*rest = str_make(end, 0);
			return 0;
		}
		if (*p != ';')
			return -1;
		p++;
		while (p < end && is_ows(*p))
			p++;
		if (p < end && *p != ';')
			break;
	}
	start = p;
	while (p < end && is_tchar((unsigned char)*p) && *p != '=')
		p++;
	if (p == start)
		return -1;
	pm->name = str_make(start, (size_t)(p - start));
	while (p < end && is_ows(*p))
		p++;
	if (p == end || *p != '=')
		return -1;
	p++;
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '"') {
		start = ++p;
		while (p < end && *p != '"') {
			if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
				p++;
			p++;
		}
		if (p == end)
			return -1; /* unterminated quoted string */
		pm->value = str_make(start, (size_t)(p - start));
		pm->quoted = true;
		p++;
	} else {
		start = p;
		while (p < end && *p != ';' && !is_ows(*p))
			p++;
		if (p == start)
			return -1;
		pm->value = str_make(start, (size_t)(p - start));
		pm->quoted = false;
	}
	*rest = str_make(p, (size_t)(end - p));
	return 1;
}

/* Unquote (\" and \\) and decode the WHATWG escapes %22 %0D %0A. */
static char *
quoted_decode(struct arena *a, struct str v, bool quoted, size_t *outlen)
{
	char *out = arena_alloc(a, v.len + 1);
	size_t i, o = 0;

	for (i = 0; i < v.len; i++) {
		char c = v.ptr[i];

		if (quoted && c == '\\' && i + 1 < v.len &&
		    (v.ptr[i + 1] == '"' || v.ptr[i + 1] == '\\')) {
			out[o++] = v.ptr[++i];
		} else if (c == '%' && i + 2 < v.len && v.ptr[i + 1] == '2' &&
			   v.ptr[i + 2] == '2') {
			out[o++] = '"';
			i += 2;
		} else if (c == '%' && i + 2 < v.len && v.ptr[i + 1] == '0' &&
			   (v.ptr[i + 2] == 'D' || v.ptr[i + 2] == 'd' || v.ptr[i + 2] == 'A' ||
			    v.ptr[i + 2] == 'a')) {
			out[o++] = (v.ptr[i + 2] == 'D' || v.ptr[i + 2] == 'd') ? '\r' : '\n';
			i += 2;
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* RFC 8187 attr-char */
static bool
is_attr_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c != '\0' && strchr("!#$&+-.^_`|~", c) != NULL);
}

/*
 * Decode an RFC 8187 ext-value (charset'lang'pct-encoded) to UTF-8.
 * Returns 1 and sets *out, 0 for a charset we do not know (the caller
 * falls back to filename=), -1 when malformed.
 */
static int
ext_value_decode(struct arena *a, struct str v, char **out, size_t *outlen)
{
	const char *q1, *q2;
	struct str charset;
	bool latin1;
	char *dst;
	size_t i, o = 0;

	q1 = memchr(v.ptr, '\'', v.len);
	if (q1 == NULL)
		return -1;
	q2 = memchr(q1 + 1, '\'', v.len - (size_t)(q1 + 1 - v.ptr));
	if (q2 == NULL)
		return -1;
	charset = str_make(v.ptr, (size_t)(q1 - v.ptr));
	if (str_caseeq_cstr(charset, "UTF-8"))
		latin1 = false;
	else if (str_caseeq_cstr(charset, "ISO-8859-1"))
		latin1 = true;
	else
		return 0;
	v = str_make(q2 + 1, v.len - (size_t)(q2 + 1 - v.ptr));
	dst = arena_alloc(a, v.len * 2 + 1);
	for (i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.ptr[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= v.len)
				return -1;
			hi = hexval(v.ptr[i + 1]);
			lo = hexval(v.ptr[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		} else if (!is_attr_char(c)) {
			return -1;
		}
		if (latin1 && c >= 0x80) {
			dst[o++] = (char)(0xc0 | (c >> 6));
			dst[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			dst[o++] = (char)c;
		}
	}
	dst[o] = '\0';
	*out = dst;
	*outlen = o;
	return 1;
}

/* A field name is kept exactly, so it must already be a clean label. */
static bool
name_ok(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !utf8_valid(s, n))
		return false;
	while (i < n) {
		unsigned cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);

		if (k == 0 || is_label_control(cp))
			return false;
		i += k;
	}
	return true;
}

/* --- Content-Type of the request ------------------------------------------ */

int
multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1],
		   struct errbuf *eb)
{
	struct str rest, type;
	struct mp_param pm;
	bool found = false;
	size_t i;
	int r;

	out[0] = '\0';
	if (content_type == NULL)
		return errbuf_set(eb, ERR_UNSUPPORTED_MEDIA,
				  "jenis isi (Content-Type) harus multipart/form-data");
	rest = str_from(content_type);
	type = value_type(&rest);
	if (!str_caseeq_cstr(type, "multipart/form-data"))
		return errbuf_set(eb, ERR_UNSUPPORTED_MEDIA,
				  "jenis isi (Content-Type) harus multipart/form-data");
	while ((r = param_next(&rest, &pm)) == 1) {
		if (!str_caseeq_cstr(pm.name, "boundary"))
			continue;
		if (found)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
					       "parameter boundary muncul lebih dari sekali");
		found = true;
		if (pm.value.len == 0 || pm.value.len > MULTIPART_BOUNDARY_MAX)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
					       "boundary harus 1 sampai %d karakter",
					       MULTIPART_BOUNDARY_MAX);
		for (i = 0; i < pm.value.len; i++) {
			unsigned char c = (unsigned char)pm.value.ptr[i];

			if (!is_bchar(c) && !(c == ' ' && pm.quoted))
				return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
						       "boundary memuat karakter yang tidak sah");
		}
		if (pm.value.ptr[pm.value.len - 1] == ' ')
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
					       "boundary tidak boleh diakhiri spasi");
		memcpy(out, pm.value.ptr, pm.value.len);
		out[pm.value.len] = '\0';
	}
	if (r < 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
				       "parameter Content-Type tidak dapat dibaca");
	if (!found)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
				       "Content-Type multipart/form-data tanpa boundary");
	return 0;
}

/* --- the body ------------------------------------------------------------- */

struct mp_parser {
	struct arena *a;
	const char *body;
	size_t len;
	char delim[4 + MULTIPART_BOUNDARY_MAX]; /* CRLF "--" boundary */
	size_t dlen;
	struct multipart_limits lim;
	struct errbuf *eb;
};

/*
 * Is there a delimiter whose boundary ends at index at?  Sets *next to the
 * first byte after it (after its CRLF, or after "--" for the last one).
 */
static bool
delim_tail(const struct mp_parser *mp, size_t at, size_t *next, bool *closing)
{
	if (at + 2 <= mp->len && mp->body[at] == '-' && mp->body[at + 1] == '-') {
		*closing = true;
		*next = at + 2;
		return true;
	}
	while (at < mp->len && is_ows(mp->body[at]))
		at++;
	if (at + 2 <= mp->len && mp->body[at] == '\r' && mp->body[at + 1] == '\n') {
		*closing = false;
		*next = at + 2;
		return true;
	}
	return false;
}

/* Find the first delimiter at or after from: *at is its CRLF. */
static bool
delim_find(const struct mp_parser *mp, size_t from, size_t *at, size_t *next, bool *closing)
{
	while (from < mp->len && mp->len - from >= mp->dlen) {
		const char *hit = memmem(mp->body + from, mp->len - from, mp->delim, mp->dlen);
		size_t h;

		if (hit == NULL)
			return false;
		h = (size_t)(hit - mp->body);
		if (delim_tail(mp, h + mp->dlen, next, closing)) {
			*at = h;
			return true;
		}
		from = h + 1;
	}
	return false;
}

static int
parse_disposition(struct mp_parser *mp, struct str v, size_t idx, struct multipart_part *part)
{
	struct str type = value_type(&v);
	struct mp_param pm, name = {{0}, {0}, false}, fname = {{0}, {0}, false},
			    fstar = {{0}, {0}, false};
	char *s;
	size_t n;
	int r;

	if (!str_caseeq_cstr(type, "form-data"))
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "bagian ke-%zu: Content-Disposition harus form-data", idx);
	while ((r = param_next(&v, &pm)) == 1) {
		struct mp_param *slot = NULL;

		if (str_caseeq_cstr(pm.name, "name"))
			slot = &name;
		else if (str_caseeq_cstr(pm.name, "filename"))
			slot = &fname;
		else if (str_caseeq_cstr(pm.name, "filename*"))
			slot = &fstar;
		if (slot == NULL)
			continue;
		if (slot->name.ptr != NULL)
			return errbuf_set_code(
				mp->eb, ERR_INVALID_INPUT, E_INVALID,
				"bagian ke-%zu: parameter %.*s muncul lebih dari sekali", idx,
				(int)pm.name.len, pm.name.ptr);
		*slot = pm;
	}
	if (r < 0)
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "bagian ke-%zu: Content-Disposition tidak dapat dibaca",
				       idx);
	if (name.name.ptr == NULL)
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "bagian ke-%zu tidak memiliki nama isian", idx);
	s = quoted_decode(mp->a, name.value, name.quoted, &n);
	if (!name_ok(s, n))
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "bagian ke-%zu: nama isian kosong atau memuat karakter "
				       "yang tidak sah",
				       idx);
	part->name = s;
	part->filename = NULL;
	if (fstar.name.ptr != NULL) {
		r = ext_value_decode(mp->a, fstar.value, &s, &n);
		if (r < 0)
			return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
					       "bagian ke-%zu: filename* tidak dapat dibaca", idx);
		if (r == 1)
			part->filename = multipart_filename_sanitize(mp->a, s, n);
	}
	if (part->filename == NULL && fname.name.ptr != NULL) {
		s = quoted_decode(mp->a, fname.value, fname.quoted, &n);
		part->filename = multipart_filename_sanitize(mp->a, s, n);
	}
	if (part->filename == NULL && fstar.name.ptr != NULL)
		part->filename = ""; /* a file whose name we cannot read */
	return 0;
}

/* Parse the header block [p, p + n), which is a sequence of CRLF-ended lines. */
static int
parse_headers(struct mp_parser *mp, const char *p, size_t n, size_t idx,
	      struct multipart_part *part)
{
	struct str rest = str_make(p, n);
	bool have_cd = false, have_ct = false, have_cte = false;

	part->content_type = "";
	while (rest.len > 0) {
		const char *eol = memmem(rest.ptr, rest.len, "\r\n", 2);
		struct str line, hname, hval;
		const char *colon;
		size_t i;

		if (eol == NULL) /* cannot happen: the block ends with CRLF */
			return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
					       "bagian ke-%zu: header tidak lengkap", idx);
		line = str_make(rest.ptr, (size_t)(eol - rest.ptr));
		rest = str_make(eol + 2, rest.len - line.len - 2);
		if (line.len == 0 || is_ows(line.ptr[0]))
			return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
					       "bagian ke-%zu: baris header terlipat atau kosong",
					       idx);
		for (i = 0; i < line.len; i++) {
			unsigned char c = (unsigned char)line.ptr[i];

			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: header memuat karakter "
						       "kendali (baris harus "
						       "diakhiri CRLF)",
						       idx);
		}
		colon = memchr(line.ptr, ':', line.len);
		if (colon == NULL || colon == line.ptr)
			return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
					       "bagian ke-%zu: baris header tanpa nama", idx);
		hname = str_make(line.ptr, (size_t)(colon - line.ptr));
		for (i = 0; i < hname.len; i++)
			if (!is_tchar((unsigned char)hname.ptr[i]))
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: nama header tidak sah", idx);
		hval = str_trim(str_make(colon + 1, line.len - hname.len - 1));
		if (str_caseeq_cstr(hname, "Content-Disposition")) {
			if (have_cd)
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: Content-Disposition ganda",
						       idx);
			have_cd = true;
			if (parse_disposition(mp, hval, idx, part) < 0)
				return -1;
		} else if (str_caseeq_cstr(hname, "Content-Type")) {
			if (have_ct)
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: Content-Type ganda", idx);
			have_ct = true;
			for (i = 0; i < hval.len; i++)
				if ((unsigned char)hval.ptr[i] >= 0x80)
					return errbuf_set_code(
						mp->eb, ERR_INVALID_INPUT, E_INVALID,
						"bagian ke-%zu: Content-Type bukan ASCII", idx);
			part->content_type = arena_strndup(mp->a, hval.ptr, hval.len);
		} else if (str_caseeq_cstr(hname, "Content-Transfer-Encoding")) {
			if (have_cte)
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: Content-Transfer-Encoding "
						       "ganda",
						       idx);
			have_cte = true;
			if (!str_caseeq_cstr(hval, "binary") && !str_caseeq_cstr(hval, "8bit") &&
			    !str_caseeq_cstr(hval, "7bit"))
				return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
						       "bagian ke-%zu: Content-Transfer-Encoding "
						       "tidak didukung",
						       idx);
		}
	}
	if (!have_cd)
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "bagian ke-%zu tanpa header Content-Disposition", idx);
	return 0;
}

/* The header block of the part starting at cur: [cur, *hend) holds the
 * CRLF-ended lines, the data start at *dstart. */
static int
header_block(struct mp_parser *mp, size_t cur, size_t idx, size_t *hend, size_t *dstart)
{
	size_t avail = mp->len - cur, scan;
	const char *hit;

	if (avail >= 2 && mp->body[cur] == '\r' && mp->body[cur + 1] == '\n') {
		*hend = cur;
		*dstart = cur + 2;
		return 0;
	}
	/* the block and its blank line: at most max_header_bytes + 2 */
	scan = avail;
	if (mp->lim.max_header_bytes <= (size_t)-1 - 2 && scan > mp->lim.max_header_bytes + 2)
		scan = mp->lim.max_header_bytes + 2;
	hit = memmem(mp->body + cur, scan, "\r\n\r\n", 4);
	if (hit == NULL) {
		if (scan < avail)
			return errbuf_set_code(mp->eb, ERR_PAYLOAD_TOO_LARGE, E_LIMIT,
					       "header bagian ke-%zu melebihi %zu byte", idx,
					       mp->lim.max_header_bytes);
		return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
				       "header bagian ke-%zu tidak diakhiri baris kosong "
				       "(CRLF CRLF)",
				       idx);
	}
	*hend = (size_t)(hit - mp->body) + 2;
	*dstart = *hend + 2;
	if (*hend - cur > mp->lim.max_header_bytes)
		return errbuf_set_code(mp->eb, ERR_PAYLOAD_TOO_LARGE, E_LIMIT,
				       "header bagian ke-%zu melebihi %zu byte", idx,
				       mp->lim.max_header_bytes);
	return 0;
}

/* No first delimiter: say why in the most useful way. */
static int
no_first_delimiter(const struct mp_parser *mp)
{
	const char *dash = mp->delim + 2;
	size_t dashlen = mp->dlen - 2;
	const char *hit = mp->len >= dashlen ? memmem(mp->body, mp->len, dash, dashlen) : NULL;

	if (hit != NULL) {
		size_t at = (size_t)(hit - mp->body) + dashlen;

		while (at < mp->len && is_ows(mp->body[at]))
			at++;
		if (at < mp->len && mp->body[at] == '\n')
			return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
					       "baris pembatas harus diakhiri CRLF, bukan LF saja");
	}
	return errbuf_set_code(mp->eb, ERR_INVALID_INPUT, E_INVALID,
			       "pembatas (boundary) awal tidak ditemukan dalam data");
}

int
multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
		const struct multipart_limits *lim, struct multipart_part **parts, size_t *nparts,
		struct errbuf *eb)
{
	static const struct multipart_limits defaults = {MULTIPART_DEFAULT_MAX_PARTS,
							 MULTIPART_DEFAULT_MAX_PART_BYTES,
							 MULTIPART_DEFAULT_MAX_HEADER_BYTES};
	char boundary[MULTIPART_BOUNDARY_MAX + 1];
	struct mp_parser mp;
	struct multipart_part *arr = NULL;
	size_t n = 0, cap = 0, cur, at, blen;
	bool closing;

	*parts = NULL;
	*nparts = 0;
	if (multipart_boundary(content_type, boundary, eb) < 0)
		return -1;
	if (body == NULL)
		len = 0;
	blen = strlen(boundary);
	mp.a = a;
	mp.body = body;
	mp.len = len;
	memcpy(mp.delim, "\r\n--", 4);
	memcpy(mp.delim + 4, boundary, blen);
	mp.dlen = 4 + blen;
	mp.lim = lim ? *lim : defaults;
	mp.eb = eb;

	/* the first delimiter may open the body without its CRLF */
	if (len >= mp.dlen - 2 && memcmp(body, mp.delim + 2, mp.dlen - 2) == 0 &&
	    delim_tail(&mp, mp.dlen - 2, &cur, &closing)) {
		/* found at 0 */
	} else if (!delim_find(&mp, 0, &at, &cur, &closing)) {
		return no_first_delimiter(&mp);
	}
	while (!closing) {
		struct multipart_part part;
		size_t hend = 0, dstart = 0, next = 0, idx = n + 1;

		if (n >= mp.lim.max_parts)
			return errbuf_set_code(eb, ERR_PAYLOAD_TOO_LARGE, E_LIMIT,
					       "terlalu banyak bagian (maksimal %zu)",
					       mp.lim.max_parts);
		if (header_block(&mp, cur, idx, &hend, &dstart) < 0)
			return -1;
		if (parse_headers(&mp, body + cur, hend - cur, idx, &part) < 0)
			return -1;
		/* from hend: a part may end right after its headers, without the
		 * optional CRLF and data (RFC 2046 body-part) */
		if (!delim_find(&mp, hend, &at, &next, &closing))
			return errbuf_set_code(eb, ERR_INVALID_INPUT, E_INVALID,
					       "pembatas penutup tidak ditemukan setelah bagian "
					       "ke-%zu (data terpotong?)",
					       idx);
		part.data = body + (at < dstart ? at : dstart);
		part.len = at < dstart ? 0 : at - dstart;
		if (part.len > mp.lim.max_part_bytes)
			return errbuf_set_code(eb, ERR_PAYLOAD_TOO_LARGE, E_LIMIT,
					       "bagian ke-%zu melebihi %zu byte", idx,
					       mp.lim.max_part_bytes);
		if (n == cap) {
			struct multipart_part *bigger;

			cap = cap ? cap * 2 : 4;
			bigger = arena_array(a, cap, sizeof(*bigger));
			if (n)
				memcpy(bigger, arr, n * sizeof(*arr));
			arr = bigger;
		}
		arr[n++] = part;
		cur = next;
	}
	*parts = arr;
	*nparts = n;
	return 0;
}

const struct multipart_part *
multipart_find(const struct multipart_part *parts, size_t nparts, const char *name)
{
	size_t i;

	for (i = 0; i < nparts; i++)
		if (strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}
