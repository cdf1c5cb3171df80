/*
 * stemcache.c - per-context cache from a normalised token to the
 * vocabulary ids it stands for.
 *
 * A miss runs the slow path once per distinct token: slang expansion
 * ("timses" -> "tim sukses"), exact lookup, Snowball Indonesian stemming
 * (libstemmer, one stemmer per context), the <angka> class for numerals,
 * splitting of letter/digit mixtures ("dukung02") and, for hashtags and
 * mentions, segmentation into known words ("#coblosprabowo").  Hits cost
 * one hash probe.  Callers pass token texts zero-padded to a multiple of
 * 8 bytes (struct scan_token guarantees it).  Open addressing with linear probing; when the table
 * reaches max_cap it is emptied rather than grown, so memory stays
 * bounded whatever the input (at most a few MB).
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define INFO_NONE  0 /* one word, no ids */
#define INFO_EMPTY 1 /* no words (dropped token) */
#define SEG_MAX    6 /* segments of a hashtag */
#define SEED       0x5bd1e995u

void
scan_cache_init(struct scan_cache *c, size_t max_entries)
{
	size_t cap = 1024;

	memset(c, 0, sizeof(*c));
	while (cap < max_entries * 2 && cap < ((size_t)1 << 24))
		cap *= 2;
	c->max_cap = cap;
	c->cap = cap < 4096 ? cap : 4096;
	c->ents = xcalloc(c->cap, sizeof(*c->ents));
	c->info_cap = 64;
	c->infos = xcalloc(c->info_cap, sizeof(*c->infos));
	c->infos[INFO_NONE].nwords = 1;
	c->infos[INFO_EMPTY].nwords = 0;
	c->ninfo = 2;
	c->stemmer = sb_stemmer_new("indonesian", NULL);
	if (c->stemmer == NULL)
		die("libstemmer has no indonesian stemmer");
}

void
scan_cache_release(struct scan_cache *c)
{
	free(c->ents);
	free(c->pool);
	free(c->infos);
	sb_stemmer_delete(c->stemmer);
	memset(c, 0, sizeof(*c));
}

/* Keys are stored 8-byte aligned and zero-padded, like token texts, so
 * that they compare a word at a time. */
static uint32_t
pool_add(struct scan_cache *c, const char *s, size_t n)
{
	size_t padded = (n + 8) & ~(size_t)7;
	uint32_t off;

	if (c->pool_len + padded > c->pool_cap) {
		c->pool_cap = (c->pool_len + padded) * 2 + 65536;
		c->pool = xrealloc(c->pool, c->pool_cap);
	}
	off = (uint32_t)c->pool_len;
	memcpy(c->pool + off, s, n);
	memset(c->pool + off + n, 0, padded - n);
	c->pool_len += padded;
	return off;
}

/* Equal keys of length n, both zero-padded to a multiple of 8. */
static inline bool
key_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 8) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return false;
	}
	return true;
}

static void
reset(struct scan_cache *c)
{
	memset(c->front, 0, sizeof(c->front));
	memset(c->ents, 0, c->cap * sizeof(*c->ents));
	c->count = 0;
	c->pool_len = 0;
	c->ninfo = 2;
	c->resets++;
}

static void
grow(struct scan_cache *c)
{
	size_t cap = c->cap * 2, i, mask = cap - 1;
	struct scan_cache_ent *ents = xcalloc(cap, sizeof(*ents));

	for (i = 0; i < c->cap; i++) {
		size_t j;

		if (c->ents[i].hash == 0)
			continue;
		for (j = (size_t)c->ents[i].hash & mask; ents[j].hash; j = (j + 1) & mask)
			;
		ents[j] = c->ents[i];
	}
	free(c->ents);
	c->ents = ents;
	c->cap = cap;
}

/* ---- computing what a token stands for ---------------------------------- */

struct words {
	struct scan_info info;
	char stem[SCAN_TOKEN_MAX + 1];
	size_t stem_len;
	bool stemmed;
};

static void
add_id(struct scan_info *in, size_t w, uint32_t id)
{
	size_t k;

	for (k = 0; k < in->nids[w]; k++)
		if (in->ids[w][k] == id)
			return;
	if (in->nids[w] < SCAN_WORD_IDS)
		in->ids[w][in->nids[w]++] = id;
}

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

static bool
has_alpha(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return true;
	return false;
}

/* Append one output word for w with its ids. */
static void
word_ids(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *w,
	 size_t n)
{
	struct scan_info *in = &out->info;
	size_t slot;
	uint32_t id;

	if (in->nwords >= SCAN_INFO_WORDS)
		return;
	slot = in->nwords++;
	in->nids[slot] = 0;
	if (scan_vocab_get(&lex->vocab, SCAN_KEY_EXACT, w, n, &id))
		add_id(in, slot, id);
	if (lex->angka_id != UINT32_MAX &&
	    ((all_digits(w, n) && n <= 2) || scan_vocab_get(&lex->vocab, SCAN_KEY_NUM, w, n, &id)))
		add_id(in, slot, lex->angka_id);
	if (n >= 3 && has_alpha(w, n)) {
		char stem[SCAN_TOKEN_MAX + 1];
		size_t sl = scan_stem_word(c->stemmer, w, n, stem, sizeof(stem));

		c->stems++;
		if (!out->stemmed) {
			memcpy(out->stem, stem, sl + 1);
			out->stem_len = sl;
			out->stemmed = true;
		}
		if (scan_vocab_get(&lex->vocab, SCAN_KEY_STEM, stem, sl, &id))
			add_id(in, slot, id);
	}
}

/* A word through the slang map; true when it was a slang key. */
static bool
slang_words(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *w,
	    size_t n)
{
	uint32_t si;
	size_t k;

	if (!scan_vocab_get(&lex->vocab, SCAN_KEY_SLANG, w, n, &si))
		return false;
	for (k = 0; k < lex->slang[si].nwords; k++)
		word_ids(c, lex, out, lex->slang[si].words[k], strlen(lex->slang[si].words[k]));
	return true;
}

static size_t
info_ids(const struct scan_info *in, size_t from)
{
	size_t k, n = 0;

	for (k = from; k < in->nwords; k++)
		n += in->nids[k];
	return n;
}

/* letters and digits as separate words: "dukung02" -> "dukung" "02" */
static bool
split_runs(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *w,
	   size_t n)
{
	size_t i = 0, mark = out->info.nwords;

	while (i < n) {
		size_t j = i + 1;
		bool dig = w[i] >= '0' && w[i] <= '9';

		while (j < n && ((w[j] >= '0' && w[j] <= '9') == dig))
			j++;
		if (!slang_words(c, lex, out, w + i, j - i))
			word_ids(c, lex, out, w + i, j - i);
		i = j;
	}
	if (info_ids(&out->info, mark) == 0) {
		out->info.nwords = (uint8_t)mark;
		return false;
	}
	return true;
}

static void
one_word(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *w,
	 size_t n)
{
	size_t mark = out->info.nwords;

	if (slang_words(c, lex, out, w, n))
		return;
	word_ids(c, lex, out, w, n);
	if (info_ids(&out->info, mark) == 0 && has_alpha(w, n) && !all_digits(w, n)) {
		size_t i;
		bool digit = false;

		for (i = 0; i < n; i++)
			if (w[i] >= '0' && w[i] <= '9')
				digit = true;
		if (digit) {
			out->info.nwords = (uint8_t)mark;
			if (!split_runs(c, lex, out, w, n))
				word_ids(c, lex, out, w, n);
		}
	}
}

static bool
known_piece(const struct scan_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;

	return all_digits(s, n) || scan_vocab_get(&lex->vocab, SCAN_KEY_EXACT, s, n, &id) ||
	       scan_vocab_get(&lex->vocab, SCAN_KEY_STEM, s, n, &id) ||
	       scan_vocab_get(&lex->vocab, SCAN_KEY_SLANG, s, n, &id) ||
	       scan_vocab_get(&lex->vocab, SCAN_KEY_NUM, s, n, &id);
}

/* Split s into the fewest known pieces (2..SEG_MAX); false when none. */
static bool
segment(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *s,
	size_t n)
{
	uint8_t best[SCAN_TOKEN_MAX + 1], from[SCAN_TOKEN_MAX + 1];
	size_t cut[SEG_MAX], ncut = 0, i, j;

	if (n < 4 || n > SCAN_TOKEN_MAX)
		return false;
	memset(best, 0xff, sizeof(best));
	best[0] = 0;
	for (i = 1; i <= n; i++) {
		for (j = 0; j < i; j++) {
			if (best[j] == 0xff || best[j] + 1 >= best[i] || best[j] + 1 > SEG_MAX)
				continue;
			if (!known_piece(lex, s + j, i - j))
				continue;
			best[i] = (uint8_t)(best[j] + 1);
			from[i] = (uint8_t)j;
		}
	}
	if (best[n] == 0xff || best[n] < 2)
		return false;
	for (i = n; i > 0; i = from[i])
		cut[ncut++] = i;
	for (j = 0, i = ncut; i > 0; i--) {
		one_word(c, lex, out, s + j, cut[i - 1] - j);
		j = cut[i - 1];
	}
	return true;
}

/* "#tag" or "@name": the whole form, then its parts. */
static void
tag_words(struct scan_cache *c, const struct scan_lexicon *lex, struct words *out, const char *text,
	  size_t n)
{
	const char *body = text + 1;
	size_t bn = n - 1, i = 0;
	uint32_t tag_id;
	bool have_tag = scan_vocab_get(&lex->vocab, SCAN_KEY_EXACT, text, n, &tag_id);

	while (i < bn) {
		size_t j = i, mark = out->info.nwords;

		while (j < bn && body[j] != '_' && body[j] != '.')
			j++;
		if (j > i) {
			one_word(c, lex, out, body + i, j - i);
			if (info_ids(&out->info, mark) == 0) {
				out->info.nwords = (uint8_t)mark;
				if (!segment(c, lex, out, body + i, j - i))
					word_ids(c, lex, out, body + i, j - i);
			}
		}
		i = j + 1;
	}
	if (out->info.nwords == 0)
		out->info.nwords = 1;
	if (have_tag)
		add_id(&out->info, 0, tag_id);
}

static void
compute(struct scan_cache *c, const struct scan_lexicon *lex, const char *text, size_t len,
	int kind, struct words *out)
{
	memset(&out->info, 0, sizeof(out->info));
	out->stemmed = false;
	out->stem_len = 0;
	switch (kind) {
	case SCAN_TOK_HASHTAG:
	case SCAN_TOK_MENTION: tag_words(c, lex, out, text, len); break;
	case SCAN_TOK_EMOJI:
	case SCAN_TOK_QUESTION: {
		uint32_t id;

		out->info.nwords = 1;
		if (scan_vocab_get(&lex->vocab, SCAN_KEY_EXACT, text, len, &id))
			add_id(&out->info, 0, id);
		break;
	}
	default: one_word(c, lex, out, text, len); break;
	}
}

static struct scan_cache_ent *
find_or_add(struct scan_cache *c, const struct scan_lexicon *lex, const char *text, size_t len,
	    int kind)
{
	uint64_t h = scan_hash_padded(text, len, SEED);
	size_t mask = c->cap - 1, i;
	struct scan_cache_ent *e;
	struct words w;

	for (i = (size_t)h & mask; c->ents[i].hash; i = (i + 1) & mask) {
		e = &c->ents[i];
		if (e->hash == h && e->key_len == len && key_eq(c->pool + e->key_off, text, len)) {
			c->hits++;
			return e;
		}
	}
	c->misses++;
	compute(c, lex, text, len, kind, &w);
	if ((c->count + 1) * 4 > c->cap * 3) {
		if (c->cap < c->max_cap)
			grow(c);
		else
			reset(c);
		mask = c->cap - 1;
		for (i = (size_t)h & mask; c->ents[i].hash; i = (i + 1) & mask)
			;
	}
	e = &c->ents[i];
	e->hash = h;
	e->key_off = pool_add(c, text, len);
	e->key_len = (uint16_t)len;
	e->stem_off = w.stemmed ? pool_add(c, w.stem, w.stem_len) : e->key_off;
	e->stem_len = (uint16_t)(w.stemmed ? w.stem_len : len);
	if (w.info.nwords == 0) {
		e->info = INFO_EMPTY;
	} else if (w.info.nwords == 1 && w.info.nids[0] == 0) {
		e->info = INFO_NONE;
	} else {
		if (c->ninfo == c->info_cap) {
			c->info_cap *= 2;
			c->infos = xreallocarray(c->infos, c->info_cap, sizeof(*c->infos));
		}
		c->infos[c->ninfo] = w.info;
		e->info = (uint32_t)c->ninfo++;
	}
	c->count++;
	return e;
}

static const struct scan_info *
lookup_words(struct scan_cache *c, const struct scan_lexicon *lex, const char *text, size_t len,
	     int kind, uint64_t w0, uint64_t w1)
{
	struct scan_front *f;
	uint32_t idx;

	f = &c->front[((w0 * 0x9E3779B97F4A7C15ull) ^ (w1 * 0xC2B2AE3D27D4EB4Full) ^ len) >>
		      (64 - SCAN_FRONT_BITS)];
	if (f->len == len && f->w0 == w0 && f->w1 == w1) {
		c->hits++;
		return &c->infos[f->info];
	}
	/* find_or_add may move the info pool: index it afterwards */
	idx = find_or_add(c, lex, text, len, kind)->info;
	f->w0 = w0;
	f->w1 = w1;
	f->len = (uint32_t)len;
	f->info = idx;
	return &c->infos[idx];
}

const struct scan_info *
scan_cache_lookup(struct scan_cache *c, const struct scan_lexicon *lex, const char *text,
		  size_t len, int kind)
{
	uint32_t idx;

	if (len > 0 && len <= 16) {
		uint64_t w0, w1 = 0;

		memcpy(&w0, text, 8);
		if (len > 8)
			memcpy(&w1, text + 8, 8);
		return lookup_words(c, lex, text, len, kind, w0, w1);
	}
	idx = find_or_add(c, lex, text, len, kind)->info;
	return &c->infos[idx];
}

const struct scan_info *
scan_cache_lookup_tok(struct scan_cache *c, const struct scan_lexicon *lex,
		      const struct scan_token *tok)
{
	if (tok->len > 0 && tok->len <= 16)
		return lookup_words(c, lex, tok->text, tok->len, tok->kind, tok->w[0],
				    tok->len > 8 ? tok->w[1] : 0);
	return scan_cache_lookup(c, lex, tok->text, tok->len, tok->kind);
}

size_t
scan_cache_stem(struct scan_cache *c, const struct scan_lexicon *lex, const char *w, size_t n,
		char *out, size_t outsz)
{
	const struct scan_cache_ent *e;
	char key[SCAN_TOKEN_MAX + 8];
	size_t len;

	if (n > SCAN_TOKEN_MAX || outsz == 0)
		return 0;
	memset(key, 0, sizeof(key));
	memcpy(key, w, n);
	e = find_or_add(c, lex, key, n, SCAN_TOK_WORD);
	len = e->stem_len < outsz ? e->stem_len : outsz - 1;
	memcpy(out, c->pool + e->stem_off, len);
	out[len] = '\0';
	return len;
}
