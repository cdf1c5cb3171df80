/*
 * jsonl.c - one line of a JSON-lines file -> struct feed_item.
 *
 * A small validating recursive-descent parser (RFC 8259 grammar) that
 * decodes only the fields netra screens and skips the rest; much faster
 * than building a DOM per line.  A string without escapes is returned as
 * a slice of the line itself; one with escapes is decoded into the
 * caller's scratch buffer, grown once to the line length (a decoded
 * string is never longer than its JSON form), so slices stay valid.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "feed/feed.h"

struct jp {
	const unsigned char *p, *end, *base;
	struct buf *out;
	struct errbuf *eb;
};

enum field { F_NONE = -1, F_ID, F_SOURCE, F_AUTHOR, F_URL, F_TS, F_TEXT, F_LABEL, F__COUNT };

static const char *const field_names[F__COUNT] = {"id", "source", "author", "url",
						  "ts", "text",   "label"};

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* Some byte of w is zero / below n (n <= 128); exact for ASCII bytes and
 * never missing a match (bytes >= 0x80 may give false positives, which
 * only send the loop to the byte-wise path). */
static inline uint64_t
has_zero(uint64_t w)
{
	return (w - ONES) & ~w & HIGH;
}

static inline uint64_t
has_less(uint64_t w, unsigned n)
{
	return (w - ONES * n) & ~w & HIGH;
}

static int
fail(struct jp *j, const char *what)
{
	return errbuf_set(j->eb, ERR_INVALID_INPUT, "JSON tidak valid pada kolom %ld: %s",
			  (long)(j->p - j->base) + 1, what);
}

static void
ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

static int
hex4(struct jp *j, unsigned *v)
{
	int i;

	*v = 0;
	if (j->end - j->p < 4)
		return fail(j, "escape \\u terpotong");
	for (i = 0; i < 4; i++) {
		unsigned char c = j->p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return fail(j, "escape \\u bukan heksadesimal");
	}
	j->p += 4;
	return 0;
}

static void
put_utf8(struct buf *b, unsigned cp)
{
	char u[4];

	if (cp < 0x80) {
		u[0] = (char)cp;
		buf_add(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 4);
	}
}

/* At the opening quote.  When out is non-NULL the decoded bytes are
 * appended to it. */
static int
string(struct jp *j, struct buf *out)
{
	j->p++;
	for (;;) {
		const unsigned char *run = j->p;

		/* 8 bytes at a time while none is '"', '\\' or a control byte */
		while (j->end - j->p >= 8) {
			uint64_t w;

			memcpy(&w, j->p, 8);
			if (has_zero(w ^ (ONES * '"')) || has_zero(w ^ (ONES * '\\')) ||
			    has_less(w, 0x20))
				break;
			j->p += 8;
		}
		while (j->p < j->end && *j->p != '"' && *j->p != '\\' && *j->p >= 0x20)
			j->p++;
		if (out && j->p > run)
			buf_add(out, run, (size_t)(j->p - run));
		if (j->p >= j->end)
			return fail(j, "string tidak ditutup");
		if (*j->p == '"') {
			j->p++;
			return 0;
		}
		if (*j->p < 0x20)
			return fail(j, "karakter kendali di dalam string");
		j->p++; /* backslash */
		if (j->p >= j->end)
			return fail(j, "escape terpotong");
		switch (*j->p++) {
		case '"':
			if (out)
				buf_addch(out, '"');
			break;
		case '\\':
			if (out)
				buf_addch(out, '\\');
			break;
		case '/':
			if (out)
				buf_addch(out, '/');
			break;
		case 'b':
			if (out)
				buf_addch(out, '\b');
			break;
		case 'f':
			if (out)
				buf_addch(out, '\f');
			break;
		case 'n':
			if (out)
				buf_addch(out, '\n');
			break;
		case 'r':
			if (out)
				buf_addch(out, '\r');
			break;
		case 't':
			if (out)
				buf_addch(out, '\t');
			break;
		case 'u': {
			unsigned cp, lo;

			if (hex4(j, &cp) < 0)
				return -1;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (j->end - j->p >= 6 && j->p[0] == '\\' && j->p[1] == 'u') {
					const unsigned char *save = j->p;

					j->p += 2;
					if (hex4(j, &lo) < 0)
						return -1;
					if (lo >= 0xDC00 && lo <= 0xDFFF) {
						cp = 0x10000 + ((cp - 0xD800) << 10) +
						     (lo - 0xDC00);
					} else {
						cp = 0xFFFD; /* lone high surrogate */
						j->p = save;
					}
				} else {
					cp = 0xFFFD;
				}
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				cp = 0xFFFD; /* lone low surrogate */
			}
			if (out)
				put_utf8(out, cp);
			break;
		}
		default: return fail(j, "escape tidak dikenal");
		}
	}
}

static bool
digit(struct jp *j)
{
	return j->p < j->end && *j->p >= '0' && *j->p <= '9';
}

static int
number(struct jp *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (!digit(j))
		return fail(j, "angka tidak valid");
	if (*j->p == '0')
		j->p++;
	else
		while (digit(j))
			j->p++;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!digit(j))
			return fail(j, "pecahan tidak valid");
		while (digit(j))
			j->p++;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!digit(j))
			return fail(j, "eksponen tidak valid");
		while (digit(j))
			j->p++;
	}
	return 0;
}

static int
literal(struct jp *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
		return fail(j, "nilai tidak dikenal");
	j->p += n;
	return 0;
}

static int value(struct jp *j, int depth);

static int
container(struct jp *j, int depth)
{
	unsigned char close = *j->p == '{' ? '}' : ']';
	bool object = close == '}';

	if (depth >= FEED_DEPTH_MAX)
		return fail(j, "struktur terlalu dalam");
	j->p++;
	ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return 0;
	}
	for (;;) {
		ws(j);
		if (object) {
			if (j->p >= j->end || *j->p != '"')
				return fail(j, "kunci objek harus string");
			if (string(j, NULL) < 0)
				return -1;
			ws(j);
			if (j->p >= j->end || *j->p != ':')
				return fail(j, "':' tidak ada");
			j->p++;
		}
		if (value(j, depth + 1) < 0)
			return -1;
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		return fail(j, object ? "',' atau '}' tidak ada" : "',' atau ']' tidak ada");
	}
}

static int
value(struct jp *j, int depth)
{
	ws(j);
	if (j->p >= j->end)
		return fail(j, "nilai tidak ada");
	switch (*j->p) {
	case '"': return string(j, NULL);
	case '{':
	case '[': return container(j, depth);
	case 't': return literal(j, "true");
	case 'f': return literal(j, "false");
	case 'n': return literal(j, "null");
	default: return number(j);
	}
}

/* Length of the plain run at p (no '"', '\\' or control byte): 16 bytes
 * a step with SSE2 (x86-64 baseline), 8 with plain 64-bit words else. */
static size_t
plain_run(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;

#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i ctl = _mm_set1_epi8(0x1F);

	while (end - q >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
		__m128i hit = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
			_mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);

		if (m)
			return (size_t)(q - p) + (size_t)__builtin_ctz(m);
		q += 16;
	}
#endif
	while (end - q >= 8) {
		uint64_t w;

		memcpy(&w, q, 8);
		if (has_zero(w ^ (ONES * '"')) || has_zero(w ^ (ONES * '\\')) || has_less(w, 0x20))
			break;
		q += 8;
	}
	while (q < end && *q != '"' && *q != '\\' && *q >= 0x20)
		q++;
	return (size_t)(q - p);
}

/* A string value at the opening quote: a slice of the line itself when
 * it has no escapes (the common case, no copy), else decoded into out. */
static int
string_slice(struct jp *j, struct buf *out, const char **ptr, size_t *len)
{
	const unsigned char *start = j->p + 1;
	size_t n = plain_run(start, j->end);

	if (start + n < j->end && start[n] == '"') {
		*ptr = (const char *)start;
		*len = n;
		j->p = start + n + 1;
		return 0;
	}
	*ptr = out->data + out->len;
	if (string(j, out) < 0)
		return -1;
	*len = (size_t)(out->data + out->len - *ptr);
	return 0;
}

/* Which field does the key at j->p name?  Consumes the key. */
static int
key(struct jp *j, enum field *f)
{
	const unsigned char *start = j->p + 1;
	size_t n = plain_run(start, j->end), i;

	*f = F_NONE;
	if (start + n < j->end && start[n] == '"') {
		j->p = start + n + 1;
		switch (n) {
		case 2:
			if (memcmp(start, "id", 2) == 0)
				*f = F_ID;
			else if (memcmp(start, "ts", 2) == 0)
				*f = F_TS;
			break;
		case 3:
			if (memcmp(start, "url", 3) == 0)
				*f = F_URL;
			break;
		case 4:
			if (memcmp(start, "text", 4) == 0)
				*f = F_TEXT;
			break;
		case 5:
			if (memcmp(start, "label", 5) == 0)
				*f = F_LABEL;
			break;
		case 6:
			if (memcmp(start, "source", 6) == 0)
				*f = F_SOURCE;
			else if (memcmp(start, "author", 6) == 0)
				*f = F_AUTHOR;
			break;
		default: break;
		}
		return 0;
	}
	{
		/* escapes in the key: decode into a small bounded buffer */
		struct buf k;
		char mem[32];
		int rc;

		buf_init(&k, sizeof(mem) - 1);
		k.data = mem;
		k.cap = sizeof(mem);
		mem[0] = '\0';
		rc = string(j, &k);
		if (rc == 0 && !k.overflow) {
			for (i = 0; i < F__COUNT; i++)
				if (k.len == strlen(field_names[i]) &&
				    memcmp(mem, field_names[i], k.len) == 0)
					*f = (enum field)i;
		}
		return rc;
	}
}

int
feed_jsonl_parse(const char *line, size_t len, struct feed_item *it, struct buf *scratch,
		 struct errbuf *eb)
{
	struct jp j;
	const char *fptr[F__COUNT];
	size_t flen[F__COUNT];
	bool have[F__COUNT];
	int i;

	memset(it, 0, sizeof(*it));
	memset(have, 0, sizeof(have));
	j.base = j.p = (const unsigned char *)line;
	j.end = j.p + len;
	j.out = scratch;
	j.eb = eb;
	if (len > FEED_LINE_MAX)
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "baris lebih dari %u byte",
				  FEED_LINE_MAX);
	buf_reset(scratch);
	buf_grow(scratch, len + 1);
	if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
		j.p += 3; /* byte order mark */
	ws(&j);
	if (j.p >= j.end || *j.p != '{')
		return fail(&j, "baris harus berisi satu objek JSON");
	j.p++;
	ws(&j);
	if (j.p < j.end && *j.p == '}') {
		j.p++;
	} else {
		for (;;) {
			enum field f;

			ws(&j);
			if (j.p >= j.end || *j.p != '"')
				return fail(&j, "kunci objek harus string");
			if (key(&j, &f) < 0)
				return -1;
			ws(&j);
			if (j.p >= j.end || *j.p != ':')
				return fail(&j, "':' tidak ada");
			j.p++;
			ws(&j);
			if (j.p >= j.end)
				return fail(&j, "nilai tidak ada");
			if (f != F_NONE && *j.p == '"') {
				if (string_slice(&j, scratch, &fptr[f], &flen[f]) < 0)
					return -1;
				have[f] = true;
			} else if (f == F_TS && (*j.p == '-' || (*j.p >= '0' && *j.p <= '9'))) {
				/* epoch seconds or milliseconds: a whole number, no sign */
				const unsigned char *s = j.p, *k;

				if (number(&j) < 0)
					return -1;
				for (k = s; k < j.p; k++)
					if (*k < '0' || *k > '9')
						return errbuf_set(eb, ERR_INVALID_INPUT,
								  "kolom \"ts\" berupa angka harus "
								  "bilangan bulat "
								  "positif: detik atau milidetik "
								  "sejak 1970 (epoch), "
								  "bukan %.*s",
								  (int)MIN((size_t)(j.p - s), 32),
								  (const char *)s);
				fptr[f] = (const char *)s;
				flen[f] = (size_t)(j.p - s);
				have[f] = true;
			} else if (f == F_ID && (*j.p == '-' || (*j.p >= '0' && *j.p <= '9'))) {
				const unsigned char *s = j.p;

				if (number(&j) < 0)
					return -1;
				fptr[f] = (const char *)s;
				flen[f] = (size_t)(j.p - s);
				have[f] = true;
			} else if (f != F_NONE && *j.p == 'n') {
				if (literal(&j, "null") < 0)
					return -1;
				have[f] = false;
			} else if (f != F_NONE) {
				return errbuf_set(eb, ERR_INVALID_INPUT,
						  "kolom \"%s\" harus string%s", field_names[f],
						  f == F_ID ? " atau angka"
						  : f == F_TS
							  ? " (waktu ISO 8601) atau angka (detik "
							    "atau milidetik epoch)"
							  : "");
			} else if (value(&j, 1) < 0) {
				return -1;
			}
			ws(&j);
			if (j.p < j.end && *j.p == ',') {
				j.p++;
				continue;
			}
			if (j.p < j.end && *j.p == '}') {
				j.p++;
				break;
			}
			return fail(&j, "',' atau '}' tidak ada");
		}
	}
	ws(&j);
	if (j.p != j.end)
		return fail(&j, "ada teks setelah objek");
	if (buf_failed(scratch))
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "baris terlalu panjang");
	for (i = 0; i < F__COUNT; i++) {
		struct str s = have[i] ? str_make(fptr[i], flen[i]) : STR_NULL;

		switch (i) {
		case F_ID: it->id = s; break;
		case F_SOURCE: it->source = s; break;
		case F_AUTHOR: it->author = s; break;
		case F_URL: it->url = s; break;
		case F_TS: it->ts = s; break;
		case F_TEXT: it->text = s; break;
		default: it->label = s; break;
		}
	}
	return 0;
}
