/*
 * text.c - Indonesian normalisation, tokenisation, stemming and phrase
 * matching (see text.h for the pipeline).
 *
 * Invariants: every string the lexicon stores is normalised (the output of
 * text_normalize) so lookups compare normalised words with normalised
 * words; the lexicon is never modified after the catalog finished loading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "core/xalloc.h"
#include "rules/text.h"

/* --- a small string -> string hash map ------------------------------------ */

struct smap_entry {
	char *key;
	char *val;
	uint32_t hash;
};

struct smap {
	struct smap_entry *v;
	size_t cap; /* power of two, 0 when empty */
	size_t n;
};

static struct smap_entry *
smap_slot(const struct smap *m, const char *key, size_t klen, uint32_t h)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct smap_entry *e = &m->v[i];

		if (e->key == NULL)
			return e;
		if (e->hash == h && strlen(e->key) == klen && memcmp(e->key, key, klen) == 0)
			return e;
	}
}

static void
smap_put(struct smap *m, const char *key, const char *val)
{
	struct smap_entry *e;
	uint32_t h = text_hash(key, strlen(key));

	if ((m->n + 1) * 2 > m->cap) {
		struct smap old = *m;
		size_t i;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->v = xcalloc(m->cap, sizeof(*m->v));
		m->n = 0;
		for (i = 0; i < old.cap; i++) {
			if (old.v[i].key == NULL)
				continue;
			e = smap_slot(m, old.v[i].key, strlen(old.v[i].key), old.v[i].hash);
			*e = old.v[i];
			m->n++;
		}
		free(old.v);
	}
	e = smap_slot(m, key, strlen(key), h);
	if (e->key) {
		free(e->val);
		e->val = xstrdup(val);
		return;
	}
	e->key = xstrdup(key);
	e->val = xstrdup(val);
	e->hash = h;
	m->n++;
}

static const char *
smap_get(const struct smap *m, const char *key, size_t klen)
{
	const struct smap_entry *e;

	if (m->n == 0)
		return NULL;
	e = smap_slot(m, key, klen, text_hash(key, klen));
	return e && e->key ? e->val : NULL;
}

static void
smap_release(struct smap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		free(m->v[i].key);
		free(m->v[i].val);
	}
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* --- lexicon ----------------------------------------------------------------- */

struct text_lexicon {
	struct smap abbrev;
	struct smap stop;
	struct smap stems;
	struct smap negators;
	struct smap breakers;
	unsigned max_gap;
};

uint32_t
text_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

struct text_lexicon *
text_lexicon_new(void)
{
	struct text_lexicon *lx = xcalloc(1, sizeof(*lx));

	lx->max_gap = 2;
	return lx;
}

void
text_lexicon_free(struct text_lexicon *lx)
{
	if (lx == NULL)
		return;
	smap_release(&lx->abbrev);
	smap_release(&lx->stop);
	smap_release(&lx->stems);
	smap_release(&lx->negators);
	smap_release(&lx->breakers);
	free(lx);
}

void
text_lexicon_set_max_gap(struct text_lexicon *lx, unsigned gap)
{
	lx->max_gap = gap;
}

unsigned
text_lexicon_max_gap(const struct text_lexicon *lx)
{
	return lx ? lx->max_gap : 2;
}

/* Normalise s into out; -1 unless it yields between min and max words. */
static int
norm_entry(const char *s, struct buf *out, size_t min_words, size_t max_words)
{
	size_t n;

	buf_reset(out);
	n = text_normalize(s, strlen(s), out);
	if (buf_failed(out) || n < min_words || n > max_words)
		return -1;
	return 0;
}

static int
lexicon_add(struct smap *m, const char *what, const char *key, const char *val, size_t maxval,
	    struct errbuf *eb)
{
	struct buf k, v;
	int rc = -1;

	buf_init(&k, 256);
	buf_init(&v, 1024);
	if (norm_entry(key, &k, 1, 1) < 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s '%s' harus tepat satu kata", what, key);
		goto out;
	}
	if (val && norm_entry(val, &v, 1, maxval) < 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s '%s': pengganti '%s' harus 1 sampai %zu kata",
			   what, key, val, maxval);
		goto out;
	}
	smap_put(m, buf_cstr(&k), val ? buf_cstr(&v) : "");
	rc = 0;
out:
	buf_release(&k);
	buf_release(&v);
	return rc;
}

int
text_lexicon_add_abbrev(struct text_lexicon *lx, const char *from, const char *to,
			struct errbuf *eb)
{
	return lexicon_add(&lx->abbrev, "singkatan", from, to, 8, eb);
}

int
text_lexicon_add_stopword(struct text_lexicon *lx, const char *word, struct errbuf *eb)
{
	return lexicon_add(&lx->stop, "kata henti", word, NULL, 0, eb);
}

int
text_lexicon_add_stem(struct text_lexicon *lx, const char *word, const char *stem,
		      struct errbuf *eb)
{
	return lexicon_add(&lx->stems, "pengecualian kata dasar", word, stem, 1, eb);
}

int
text_lexicon_add_negator(struct text_lexicon *lx, const char *word, struct errbuf *eb)
{
	return text_lexicon_add_negator_scope(lx, word, 1, eb);
}

int
text_lexicon_add_breaker(struct text_lexicon *lx, const char *word, struct errbuf *eb)
{
	return lexicon_add(&lx->breakers, "pemutus jangkauan", word, NULL, 0, eb);
}

int
text_lexicon_add_negator_scope(struct text_lexicon *lx, const char *word, unsigned scope,
			       struct errbuf *eb)
{
	char val[4];

	if (scope < 1 || scope > TEXT_MAX_SCOPE)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "jangkauan kata ingkar '%s' harus 1 sampai %d", word,
				  TEXT_MAX_SCOPE);
	snprintf(val, sizeof(val), "%u", scope);
	return lexicon_add(&lx->negators, "kata ingkar", word, val, 1, eb);
}

/* --- normalisation ------------------------------------------------------------ */

/* U+00C0..U+00FF and U+0100..U+017F folded to ASCII; ' ' = separator. */
static const char fold_latin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuy s"
				  "aaaaaaaceeeeiiiidnooooo ouuuuy y";
static const char fold_exta[] = "aaaaaaccccccccddddeeeeeeeeeegggg"
				"gggghhhhiiiiiiiiiiiijjkkklllllll"
				"lllnnnnnnnnnoooooooorrrrrrssssss"
				"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* Decode one UTF-8 sequence at p (n bytes left); returns its length, or 1
 * with *cp = -1 for an invalid byte. */
static size_t
utf8_next(const unsigned char *p, size_t n, long *cp)
{
	unsigned char c = p[0];
	size_t len, i;
	long v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = v;
	return len;
}

/* Classify a code point: a letter/digit (returned lowercase ASCII), '-' for
 * a hyphen, '\'' for an apostrophe (dropped inside words), 0 for a separator. */
static char
classify(long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return (char)(cp - 'A' + 'a');
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		return (char)cp;
	if (cp == '-' || cp == 0x2010 || cp == 0x2011)
		return '-';
	if (cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02bc)
		return '\'';
	if (cp >= 0xc0 && cp <= 0xff)
		return fold_latin1[cp - 0xc0] == ' ' ? 0 : fold_latin1[cp - 0xc0];
	if (cp >= 0x100 && cp <= 0x17f)
		return fold_exta[cp - 0x100];
	return 0;
}

/* Prefixes written with a hyphen that belong to the next word ("mem-posting",
 * "di-share", "e-mail"). */
static const char *const hyphen_prefixes[] = {
	"me",  "mem", "men",  "meng", "meny", "di", "ber", "ter", "pe",
	"pem", "pen", "peng", "peny", "per",  "ke", "se",  "e",   NULL,
};

static bool
is_hyphen_prefix(const char *s, size_t n)
{
	size_t i;

	for (i = 0; hyphen_prefixes[i]; i++)
		if (strlen(hyphen_prefixes[i]) == n && memcmp(hyphen_prefixes[i], s, n) == 0)
			return true;
	return false;
}

/* Emit one word: collapse runs of 3+ equal letters, bound the length. */
static size_t
emit_word(struct buf *out, const char *w, size_t n)
{
	char tmp[TEXT_MAX_WORD];
	size_t i, k = 0;

	if (n == 0 || n > 4 * TEXT_MAX_WORD)
		return 0;
	for (i = 0; i < n; i++) {
		size_t run = 1;

		while (i + run < n && w[i + run] == w[i])
			run++;
		if (run >= 3 && !(w[i] >= '0' && w[i] <= '9')) {
			if (k >= sizeof(tmp))
				return 0;
			tmp[k++] = w[i];
		} else {
			size_t j;

			for (j = 0; j < run; j++) {
				if (k >= sizeof(tmp))
					return 0;
				tmp[k++] = w[i];
			}
		}
		i += run - 1;
	}
	if (out->len > 0)
		buf_addch(out, ' ');
	buf_add(out, tmp, k);
	return 1;
}

/* A raw word may hold hyphens: reduplication collapses, a prefix joins,
 * anything else splits. */
static size_t
emit_raw(struct buf *out, const char *w, size_t n)
{
	const char *dash;
	size_t words = 0;

	while (n > 0 && w[0] == '-') {
		w++;
		n--;
	}
	while (n > 0 && w[n - 1] == '-')
		n--;
	if (n == 0)
		return 0;
	dash = memchr(w, '-', n);
	if (dash == NULL)
		return emit_word(out, w, n);
	{
		size_t l1 = (size_t)(dash - w);
		const char *rest = dash + 1;
		size_t l2 = n - l1 - 1;

		if (memchr(rest, '-', l2) == NULL) {
			char joined[4 * TEXT_MAX_WORD] = {0};

			if (l1 == l2 && memcmp(w, rest, l1) == 0)
				return emit_word(out, w, l1);
			/* "kader-kadernya": the second part extends the first */
			if (l2 > l1 && memcmp(w, rest, l1) == 0)
				return emit_word(out, rest, l2);
			if (is_hyphen_prefix(w, l1) && l1 + l2 <= sizeof(joined)) {
				memcpy(joined, w, l1);
				memcpy(joined + l1, rest, l2);
				return emit_word(out, joined, l1 + l2);
			}
		}
	}
	/* split at every hyphen */
	while (n > 0) {
		const char *d = memchr(w, '-', n);
		size_t l = d ? (size_t)(d - w) : n;

		words += emit_word(out, w, l);
		if (d == NULL)
			break;
		w = d + 1;
		n -= l + 1;
	}
	return words;
}

size_t
text_normalize(const char *in, size_t len, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)in;
	char word[4 * TEXT_MAX_WORD] = {0};
	size_t wl = 0, i = 0, words = 0;
	bool too_long = false;

	while (i <= len) {
		long cp = 0;
		char c = 0;

		if (i < len) {
			i += utf8_next(p + i, len - i, &cp);
			c = cp < 0 ? 0 : classify(cp);
		} else {
			i++; /* end: flush */
		}
		if (c == '\'')
			continue;
		if (c != 0) {
			if (wl < sizeof(word))
				word[wl++] = c;
			else
				too_long = true;
			continue;
		}
		if (wl > 0 && !too_long)
			words += emit_raw(out, word, wl);
		wl = 0;
		too_long = false;
	}
	return words;
}

/* --- stemming ------------------------------------------------------------------- */

struct text_stemmer {
	struct sb_stemmer *sb;
};

struct text_stemmer *
text_stemmer_new(void)
{
	struct text_stemmer *st = xcalloc(1, sizeof(*st));

	st->sb = sb_stemmer_new("indonesian", NULL);
	if (st->sb == NULL)
		die("libstemmer has no 'indonesian' stemmer");
	return st;
}

void
text_stemmer_free(struct text_stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st);
}

const char *
text_stem(struct text_stemmer *st, const struct text_lexicon *lx, const char *word, size_t len,
	  size_t *outlen)
{
	const sb_symbol *r;
	const char *exc;

	if (lx) {
		exc = smap_get(&lx->stems, word, len);
		if (exc) {
			*outlen = strlen(exc);
			return exc;
		}
	}
	r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
	if (r == NULL || sb_stemmer_length(st->sb) <= 0) {
		*outlen = len;
		return word;
	}
	*outlen = (size_t)sb_stemmer_length(st->sb);
	return (const char *)r;
}

static void
add_token(const struct text_lexicon *lx, struct text_stemmer *st, const char *w, size_t n,
	  struct arena *a, struct text_doc *d, size_t cap)
{
	struct text_token *t;
	const char *stem;
	size_t sl;

	if (lx && smap_get(&lx->stop, w, n))
		return;
	if (d->n >= cap) {
		d->truncated = true;
		return;
	}
	t = &d->tok[d->n++];
	t->word = arena_strndup(a, w, n);
	{
		const char *scope = lx ? smap_get(&lx->negators, w, n) : NULL;

		t->negator = scope != NULL;
		t->scope = scope ? (unsigned char)atoi(scope) : 0;
		t->breaker = lx && smap_get(&lx->breakers, w, n) != NULL;
	}
	stem = text_stem(st, lx, w, n, &sl);
	t->stem = arena_strndup(a, stem, sl);
	t->hash = text_hash(t->stem, sl);
}

void
text_analyze(const struct text_lexicon *lx, struct text_stemmer *st, const char *in, size_t len,
	     struct arena *a, struct text_doc *out)
{
	struct buf norm;
	const char *p, *end;
	size_t nwords, cap;

	memset(out, 0, sizeof(*out));
	buf_init(&norm, len * 2 + 16);
	nwords = text_normalize(in, len, &norm);
	cap = MIN(nwords * 4 + 1, (size_t)TEXT_MAX_TOKENS);
	out->tok = arena_array(a, cap, sizeof(*out->tok));
	p = buf_cstr(&norm);
	end = p + norm.len;
	while (p < end && !out->truncated) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t n = sp ? (size_t)(sp - p) : (size_t)(end - p);
		const char *exp = lx ? smap_get(&lx->abbrev, p, n) : NULL;

		if (exp) {
			const char *q = exp;

			while (*q) {
				const char *qs = strchr(q, ' ');
				size_t qn = qs ? (size_t)(qs - q) : strlen(q);

				add_token(lx, st, q, qn, a, out, cap);
				q += qn;
				if (*q == ' ')
					q++;
			}
		} else {
			add_token(lx, st, p, n, a, out, cap);
		}
		p += n + 1;
	}
	if (nwords * 4 + 1 > cap && out->n >= cap)
		out->truncated = true;
	buf_release(&norm);
}

int
text_phrase_compile(const struct text_lexicon *lx, struct text_stemmer *st, const char *s,
		    struct arena *a, struct text_phrase *out)
{
	struct text_doc d;
	size_t i;

	memset(out, 0, sizeof(*out));
	text_analyze(lx, st, s, strlen(s), a, &d);
	if (d.n == 0 || d.truncated)
		return -1;
	out->text = arena_strdup(a, s);
	out->n = d.n;
	out->stem = arena_array(a, d.n, sizeof(*out->stem));
	out->hash = arena_array(a, d.n, sizeof(*out->hash));
	for (i = 0; i < d.n; i++) {
		out->stem[i] = d.tok[i].stem;
		out->hash[i] = d.tok[i].hash;
	}
	out->negated_start = d.tok[0].negator;
	return 0;
}

static bool
tok_is(const struct text_token *t, const struct text_phrase *p, size_t k)
{
	return t->hash == p->hash[k] && strcmp(t->stem, p->stem[k]) == 0;
}

static bool
negated_at(const struct text_doc *d, size_t i)
{
	size_t k;

	for (k = 1; k <= TEXT_MAX_SCOPE && k <= i; k++) {
		if (d->tok[i - k].scope >= k)
			return true;
		if (d->tok[i - k].breaker)
			return false;
	}
	return false;
}

bool
text_phrase_find(const struct text_doc *d, const struct text_phrase *p, size_t from,
		 unsigned max_gap, size_t *first, size_t *last)
{
	size_t i;

	if (p->n == 0)
		return false;
	for (i = from; i < d->n; i++) {
		size_t k, pos;

		if (!tok_is(&d->tok[i], p, 0))
			continue;
		if (!p->negated_start && negated_at(d, i))
			continue;
		pos = i;
		for (k = 1; k < p->n; k++) {
			size_t j, lim = MIN(d->n, pos + 2 + (size_t)max_gap);

			for (j = pos + 1; j < lim; j++)
				if (tok_is(&d->tok[j], p, k))
					break;
			if (j >= lim)
				break;
			pos = j;
		}
		if (k == p->n) {
			*first = i;
			*last = pos;
			return true;
		}
	}
	return false;
}
