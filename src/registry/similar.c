/*
 * similar.c - how alike a searched name and a recorded name are (see
 * registry.h for the scoring).  Pure and allocation-free: trigrams are
 * packed into 32-bit integers in fixed arrays, sorted, and counted by a
 * merge, so one comparison costs a few hundred operations and a search
 * can score tens of thousands of names.
 *
 * Invariants: words are at most REGISTRY_WORD_BYTES bytes and names at
 * most REGISTRY_MAX_WORDS words (the rest is ignored, never read past);
 * every score is in [0, 1].
 */
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "registry/registry.h"

/* trigrams of one padded word ("  w" ... "d ") */
#define WORD_GRAMS (REGISTRY_WORD_BYTES + 1)
/* trigrams of a whole name: its words joined by single spaces */
#define NAME_BYTES (REGISTRY_MAX_WORDS * (REGISTRY_WORD_BYTES + 1))
#define NAME_GRAMS (NAME_BYTES + 1)

struct word {
	const char *p;
	size_t n;
};

static size_t
split_words(const char *s, struct word *out, size_t max)
{
	size_t n = 0;

	while (*s && n < max) {
		size_t len = 0;

		while (*s == ' ')
			s++;
		while (s[len] && s[len] != ' ')
			len++;
		if (len == 0)
			break;
		out[n].p = s;
		out[n].n = len < REGISTRY_WORD_BYTES ? len : REGISTRY_WORD_BYTES;
		n++;
		s += len;
	}
	return n;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void
sort_u32(uint32_t *v, size_t n)
{
	size_t i, k;

	if (n > 32) {
		qsort(v, n, sizeof(*v), cmp_u32);
		return;
	}
	/* short arrays (one word, most names): insertion sort beats qsort */
	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (k = i; k > 0 && v[k - 1] > x; k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

/* The trigrams of s (n bytes) padded with two blanks before and one after,
 * sorted; returns how many (n + 1 for n > 0). */
static size_t
grams(const char *s, size_t n, uint32_t *out, size_t max)
{
	unsigned char a = ' ', b = ' ';
	size_t i, k = 0;

	for (i = 0; i <= n && k < max; i++) {
		unsigned char c = i < n ? (unsigned char)s[i] : ' ';

		out[k++] = (uint32_t)a << 16 | (uint32_t)b << 8 | c;
		a = b;
		b = c;
	}
	sort_u32(out, k);
	return n ? k : 0;
}

static double
dice(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
	size_t i = 0, k = 0, common = 0;

	if (nx + ny == 0)
		return 0;
	while (i < nx && k < ny) {
		if (x[i] == y[k]) {
			common++;
			i++;
			k++;
		} else if (x[i] < y[k]) {
			i++;
		} else {
			k++;
		}
	}
	return 2.0 * (double)common / (double)(nx + ny);
}

static double
word_score(const struct word *q, const struct word *w)
{
	uint32_t gq[WORD_GRAMS], gw[WORD_GRAMS];
	size_t short_len = q->n < w->n ? q->n : w->n;
	size_t nq, nw;

	if (q->n == w->n && memcmp(q->p, w->p, q->n) == 0)
		return 1.0;
	if (short_len > 0 && memcmp(q->p, w->p, short_len) == 0)
		return short_len >= 3 ? 0.9 : 0.8; /* "muh" for "muhammad"; "m" an initial */
	nq = grams(q->p, q->n, gq, WORD_GRAMS);
	nw = grams(w->p, w->n, gw, WORD_GRAMS);
	return dice(gq, nq, gw, nw);
}

/* words joined by one blank into out (at most NAME_BYTES); the length */
static size_t
join_words(const struct word *w, size_t n, char *out)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		if (i)
			out[len++] = ' ';
		memcpy(out + len, w[i].p, w[i].n);
		len += w[i].n;
	}
	return len;
}

void
registry_matcher_init(struct registry_matcher *m, const char *query_norm)
{
	struct word w[REGISTRY_MAX_WORDS];
	char joined[NAME_BYTES];
	size_t i, len;

	memset(m, 0, sizeof(*m));
	cstr_copy(m->norm, sizeof(m->norm), query_norm ? query_norm : "");
	m->nwords = split_words(m->norm, w, REGISTRY_MAX_WORDS);
	for (i = 0; i < m->nwords; i++) {
		m->words[i].p = w[i].p;
		m->words[i].n = w[i].n;
	}
	len = join_words(w, m->nwords, joined);
	m->ngrams = grams(joined, len, m->grams, sizeof(m->grams) / sizeof(m->grams[0]));
}

double
registry_matcher_score(const struct registry_matcher *m, const char *name_norm)
{
	struct word w[REGISTRY_MAX_WORDS];
	uint32_t gw[NAME_GRAMS];
	char joined[NAME_BYTES];
	size_t nw, i, k, ngw, len;
	double cover = 0, whole, s;

	if (m->nwords == 0 || name_norm == NULL)
		return 0;
	nw = split_words(name_norm, w, REGISTRY_MAX_WORDS);
	if (nw == 0)
		return 0;
	for (i = 0; i < m->nwords; i++) {
		struct word q = {m->words[i].p, m->words[i].n};
		double best = 0;

		for (k = 0; k < nw && best < 1.0; k++) {
			s = word_score(&q, &w[k]);
			if (s > best)
				best = s;
		}
		cover += best;
	}
	cover /= (double)m->nwords;
	len = join_words(w, nw, joined);
	ngw = grams(joined, len, gw, NAME_GRAMS);
	whole = dice(m->grams, m->ngrams, gw, ngw);
	s = 0.75 * cover + 0.25 * whole;
	return s < 0 ? 0 : s > 1 ? 1 : s;
}

double
registry_name_score(const char *query_norm, const char *name_norm)
{
	struct registry_matcher m;

	registry_matcher_init(&m, query_norm);
	return registry_matcher_score(&m, name_norm);
}
