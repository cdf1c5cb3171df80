/*
 * region_search.c - find regions by name or by code prefix (see region.h).
 *
 * Names are folded once at load time (region_fold), queries at search
 * time, so matching is plain byte comparison.  The folded names of the
 * candidate range (the whole table, or the subtree of the parent filter)
 * lie back to back in memory in record order, so one memmem() pass for
 * the longest query word finds every candidate; only those are ranked,
 * and the best `limit` are kept in a small sorted array.  Ties keep code
 * order because the scan runs in it.
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "core/str.h"
#include "ident/region_internal.h"

#define REGION_QUERY_WORDS 16

/* --- folding ----------------------------------------------------------------- */

/* U+00C0..U+00FF; NULL is a separator (multiplication and division signs). */
static const char *const latin1_fold[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
	"d", "n", "o", "o", "o", "o", "o",  NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
	"d", "n", "o", "o", "o", "o", "o",  NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/* U+0100..U+017F, one base letter each; '1' is "ij", '2' is "oe". */
static const char latin_ext_a_fold[] = "aaaaaa"
				       "cccccccc"
				       "dddd"
				       "eeeeeeeeee"
				       "gggggggg"
				       "hhhh"
				       "iiiiiiiiii"
				       "11"
				       "jj"
				       "kkk"
				       "llllllllll"
				       "nnnnnnnnn"
				       "oooooo"
				       "22"
				       "rrrrrr"
				       "ssssssss"
				       "tttttt"
				       "uuuuuuuuuuuu"
				       "ww"
				       "yyy"
				       "zzzzzz"
				       "s";

_Static_assert(sizeof(latin_ext_a_fold) == 129, "one entry per code point U+0100..U+017F");

/* Decode one UTF-8 sequence; returns its length, or 0 when it is malformed. */
static size_t
utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	size_t n, i;
	unsigned c;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1fu;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0fu;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3fu);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*cp = c;
	return n;
}

enum fold_class { FOLD_KEEP, FOLD_DROP, FOLD_SEPARATE };

/* What to do with code point cp; for FOLD_KEEP, *rep is the replacement
 * (NULL to copy the original bytes). */
static enum fold_class
fold_codepoint(unsigned cp, const char **rep, char tmp[2])
{
	*rep = NULL;
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x02bc || cp == 0x02bb ||
	    (cp >= 0x0300 && cp <= 0x036f))
		return FOLD_DROP; /* apostrophes and combining accents */
	if (cp >= 0xc0 && cp <= 0xff) {
		*rep = latin1_fold[cp - 0xc0];
		return *rep ? FOLD_KEEP : FOLD_SEPARATE;
	}
	if (cp >= 0x100 && cp <= 0x17f) {
		char c = latin_ext_a_fold[cp - 0x100];

		*rep = c == '1' ? "ij" : c == '2' ? "oe" : tmp;
		tmp[0] = c;
		tmp[1] = '\0';
		return FOLD_KEEP;
	}
	if (cp < 0xc0 || (cp >= 0x2000 && cp <= 0x206f) || cp == 0x3000)
		return FOLD_SEPARATE; /* Latin-1 punctuation, general punctuation, spaces */
	return FOLD_KEEP;
}

size_t
region_fold(const char *s, size_t len, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	bool sep = false;

	while (i < len) {
		const char *rep = NULL;
		char tmp[2];
		size_t adv = 1, k;
		enum fold_class cls;
		unsigned cp;

		if (u[i] < 0x80) {
			unsigned char c = u[i];

			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				tmp[0] = (char)c;
				tmp[1] = '\0';
				rep = tmp;
				cls = FOLD_KEEP;
			} else if (c >= 'A' && c <= 'Z') {
				tmp[0] = (char)(c - 'A' + 'a');
				tmp[1] = '\0';
				rep = tmp;
				cls = FOLD_KEEP;
			} else {
				cls = c == '\'' || c == '`' ? FOLD_DROP : FOLD_SEPARATE;
			}
		} else {
			adv = utf8_decode(u + i, len - i, &cp);
			if (adv == 0) {
				adv = 1;
				cls = FOLD_SEPARATE;
			} else {
				cls = fold_codepoint(cp, &rep, tmp);
			}
		}
		if (cls == FOLD_SEPARATE) {
			sep = true;
		} else if (cls == FOLD_KEEP) {
			if (sep && o > 0)
				out[o++] = ' ';
			sep = false;
			if (rep) {
				for (k = 0; rep[k]; k++)
					out[o++] = rep[k];
			} else {
				memcpy(out + o, s + i, adv);
				o += adv;
			}
		}
		i += adv;
	}
	out[o] = '\0';
	return o;
}

/* --- matching ---------------------------------------------------------------- */

struct query {
	char text[REGION_QUERY_MAX + 1]; /* folded */
	size_t len;
	struct str word[REGION_QUERY_WORDS];
	size_t nwords;
	size_t longest; /* index of the longest word */
};

static bool
word_prefix_all(const char *name, size_t n, const struct query *q)
{
	size_t w, i;

	for (w = 0; w < q->nwords; w++) {
		const struct str *t = &q->word[w];
		bool found = false;

		for (i = 0; i + t->len <= n; i++) {
			if ((i == 0 || name[i - 1] == ' ') &&
			    memcmp(name + i, t->ptr, t->len) == 0) {
				found = true;
				break;
			}
			/* jump to the next word */
			while (i < n && name[i] != ' ')
				i++;
		}
		if (!found)
			return false;
	}
	return true;
}

/* Rank of rec against q, or -1 when it does not match.  The caller has
 * found the longest query word inside the name already. */
static int
match_name(const struct region_table *t, const struct region_rec *r, const struct query *q)
{
	const char *name = t->text + r->fold;
	size_t n = r->fold_len;
	const char *core = name + r->core;
	size_t cn = n - r->core;

	if ((n == q->len && memcmp(name, q->text, n) == 0) ||
	    (cn == q->len && memcmp(core, q->text, cn) == 0))
		return REGION_MATCH_EXACT;
	if ((n > q->len && memcmp(name, q->text, q->len) == 0) ||
	    (cn > q->len && memcmp(core, q->text, q->len) == 0))
		return REGION_MATCH_PREFIX;
	if (word_prefix_all(name, n, q))
		return REGION_MATCH_WORD_PREFIX;
	if (memmem(name, n, q->text, q->len) != NULL)
		return REGION_MATCH_SUBSTRING;
	return -1;
}

/* --- the best `limit` hits ---------------------------------------------------- */

struct best {
	uint32_t idx[REGION_LIMIT_MAX];
	uint8_t match[REGION_LIMIT_MAX];
	uint8_t level[REGION_LIMIT_MAX];
	size_t n, limit;
};

/* Candidates arrive in code order, so among equals the earlier one stays
 * ahead: insert after every element that is not worse. */
static void
best_offer(struct best *b, uint32_t idx, int match, int level)
{
	size_t pos = b->n;

	while (pos > 0 && (b->match[pos - 1] > match ||
			   (b->match[pos - 1] == match && b->level[pos - 1] > level)))
		pos--;
	if (pos >= b->limit)
		return;
	if (b->n == b->limit)
		b->n--;
	memmove(b->idx + pos + 1, b->idx + pos, (b->n - pos) * sizeof(b->idx[0]));
	memmove(b->match + pos + 1, b->match + pos, b->n - pos);
	memmove(b->level + pos + 1, b->level + pos, b->n - pos);
	b->idx[pos] = idx;
	b->match[pos] = (uint8_t)match;
	b->level[pos] = (uint8_t)level;
	b->n++;
}

/* --- search --------------------------------------------------------------------- */

static bool
is_code_query(const char *q, size_t n)
{
	size_t i;

	if (n == 0 || q[0] < '0' || q[0] > '9')
		return false;
	for (i = 0; i < n; i++)
		if (!(q[i] == '.' || (q[i] >= '0' && q[i] <= '9')))
			return false;
	return true;
}

static void
code_text(const struct region_rec *r, bool dotted, char out[REGION_CODE_MAX])
{
	char *src, *dst;

	region_code_format(r->key, r->level, out);
	if (dotted)
		return;
	for (src = dst = out; *src; src++)
		if (*src != '.')
			*dst++ = *src;
	*dst = '\0';
}

/* First index in [lo, hi) whose code text is >= prefix. */
static size_t
code_lower_bound(const struct region_table *t, size_t lo, size_t hi, const char *prefix,
		 bool dotted)
{
	char code[REGION_CODE_MAX];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		code_text(&t->recs[mid], dotted, code);
		if (strcmp(code, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
search_code(const struct region_table *t, const struct str q, size_t lo, size_t hi, int level,
	    struct best *b, size_t *total)
{
	char prefix[REGION_CODE_MAX], code[REGION_CODE_MAX];
	bool dotted = memchr(q.ptr, '.', q.len) != NULL;
	size_t i;

	if (q.len >= sizeof(prefix))
		return;
	memcpy(prefix, q.ptr, q.len);
	prefix[q.len] = '\0';
	for (i = code_lower_bound(t, lo, hi, prefix, dotted); i < hi; i++) {
		const struct region_rec *r = &t->recs[i];

		code_text(r, dotted, code);
		if (strncmp(code, prefix, q.len) != 0)
			break;
		if (level && r->level != level)
			continue;
		(*total)++;
		best_offer(b, (uint32_t)i, REGION_MATCH_CODE, r->level);
	}
}

/* Rank every region in [lo, hi) whose folded name holds the longest query
 * word; returns how many matched. */
static size_t
scan_names(const struct region_table *t, const struct query *q, size_t lo, size_t hi, int level,
	   struct best *b)
{
	const struct str *w = &q->word[q->longest];
	const char *p, *end, *hit;
	size_t i = lo, count = 0;

	if (lo >= hi || w->ptr == NULL || w->len == 0)
		return 0;
	p = t->text + t->recs[lo].fold;
	end = t->text + t->recs[hi - 1].fold + t->recs[hi - 1].fold_len;
	while (p < end) {
		const struct region_rec *r;
		size_t off;
		int m;

		hit = memmem(p, (size_t)(end - p), w->ptr, w->len);
		if (hit == NULL)
			break;
		/* the record holding the hit: offsets grow with the index */
		off = (size_t)(hit - t->text);
		while (i + 1 < hi && t->recs[i + 1].fold <= off)
			i++;
		r = &t->recs[i];
		p = t->text + r->fold + r->fold_len + 1;
		if (level && r->level != level)
			continue;
		m = match_name(t, r, q);
		if (m < 0)
			continue;
		count++;
		best_offer(b, (uint32_t)i, m, r->level);
	}
	return count;
}

static int
parse_query(const char *query, size_t qlen, struct query *q, struct errbuf *eb)
{
	size_t i, start;

	q->len = region_fold(query, qlen, q->text);
	if (q->len == 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "q",
					"kata kunci harus memuat huruf atau angka");
	q->nwords = 0;
	q->longest = 0;
	for (start = 0, i = 0; i <= q->len; i++) {
		if (i < q->len && q->text[i] != ' ')
			continue;
		if (q->nwords == REGION_QUERY_WORDS)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "q",
						"kata kunci terlalu banyak (paling banyak %d kata)",
						REGION_QUERY_WORDS);
		q->word[q->nwords] = str_make(q->text + start, i - start);
		if (q->word[q->nwords].len > q->word[q->longest].len)
			q->longest = q->nwords;
		q->nwords++;
		start = i + 1;
	}
	return 0;
}

int
region_search(const struct region_table *t, const char *query, int level, const char *parent,
	      size_t limit, struct region_hit *hits, size_t *nhits, size_t *total,
	      struct errbuf *eb)
{
	struct best b;
	struct query q;
	struct str raw = str_trim(str_from(query ? query : ""));
	size_t lo = 0, hi = t->n, count = 0, i;

	memset(&q, 0, sizeof(q));
	*nhits = 0;
	if (total)
		*total = 0;
	if (level < 0 || level > 4)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "level",
					"level harus 1 (provinsi), 2 (kabupaten/kota), 3 "
					"(kecamatan) atau 4 (desa/kelurahan)");
	if (limit < 1 || limit > REGION_LIMIT_MAX)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "limit",
					"limit harus antara 1 dan %d", REGION_LIMIT_MAX);
	if (raw.len > REGION_QUERY_MAX)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "q",
					"kata kunci terlalu panjang (paling banyak %d byte)",
					REGION_QUERY_MAX);
	if (!utf8_valid(raw.ptr, raw.len) || memchr(raw.ptr, '\0', raw.len))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "q", "kata kunci bukan teks UTF-8");
	if (parent && parent[0]) {
		uint64_t key;
		int plevel;
		uint32_t p;

		if (region_code_parse(parent, strlen(parent), &key, &plevel) < 0)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "parent",
						"kode wilayah induk tidak sah (contoh: 64.08)");
		p = region_index_of(t, key);
		if (p == REGION_NONE)
			return errbuf_set_field(eb, ERR_NOT_FOUND, "parent",
						"wilayah induk %s tidak ada dalam tabel", parent);
		lo = p + 1;
		hi = region_subtree_end(t, p);
	}
	memset(&b, 0, sizeof(b));
	b.limit = limit;
	if (raw.len == 0) {
		for (i = lo; i < hi; i++) {
			if (level && t->recs[i].level != level)
				continue;
			count++;
			best_offer(&b, (uint32_t)i, REGION_MATCH_ALL, t->recs[i].level);
		}
	} else if (is_code_query(raw.ptr, raw.len)) {
		search_code(t, raw, lo, hi, level, &b, &count);
	} else {
		if (parse_query(raw.ptr, raw.len, &q, eb) < 0)
			return -1;
		count = scan_names(t, &q, lo, hi, level, &b);
	}
	for (i = 0; i < b.n; i++) {
		region_fill(t, b.idx[i], &hits[i].region);
		hits[i].match = (enum region_match)b.match[i];
	}
	*nhits = b.n;
	if (total)
		*total = count;
	return 0;
}
