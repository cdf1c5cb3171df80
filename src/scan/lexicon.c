/*
 * lexicon.c - load the screening data files and compile the matcher.
 *
 * Reads scan/model.json, scan/normalise.json, scan/lexicon.json and
 * every scan/candidates/NAME.json from the knowledge directory or from the copies
 * embedded in the binary (asset "data/scan/..."), plus phrases handed in
 * by the caller (rule catalog keywords).  Every term is normalised with
 * the same tokenizer, slang map and stemmer as the texts, so a term and a
 * text that look alike to a reader match.  The result is immutable.
 * Errors name the file and the entry, in Indonesian.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/asset.h"
#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define LEX_FILE_MAX     (8u << 20) /* largest data file read */
#define LEX_CONCEPTS_MAX 20000
#define LEX_PHRASES_MAX  200000

struct builder {
	struct scan_lexicon *lex;
	struct sb_stemmer *stemmer;
	size_t phrase_cap, concept_cap, slang_cap, emoji_cap, item_cap;
	struct buf elections;
	const char *file; /* for messages */
};

/* ---- reading ------------------------------------------------------------ */

static int
read_path(const char *path, char **data, size_t *len, struct errbuf *eb)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n;

	if (f == NULL)
		return errbuf_set(eb, ERR_NOT_FOUND, "tidak dapat membuka %s: %s", path,
				  strerror(errno));
	if (fstat(fileno(f), &st) < 0 || st.st_size < 0 || (size_t)st.st_size > LEX_FILE_MAX) {
		fclose(f);
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s: berkas terlalu besar (batas %u byte)",
				  path, LEX_FILE_MAX);
	}
	*data = xmalloc((size_t)st.st_size + 1);
	n = fread(*data, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		free(*data);
		*data = NULL;
		return errbuf_set(eb, ERR_INTERNAL, "%s: gagal membaca berkas", path);
	}
	(*data)[n] = '\0';
	*len = n;
	return 0;
}

/* rel is relative to the knowledge root ("scan/lexicon.json"). */
static json_t *
load_json(const char *dir, const char *rel, struct errbuf *eb)
{
	json_error_t jerr;
	json_t *root;
	char *data = NULL;
	size_t len = 0;

	if (dir && dir[0]) {
		char path[1024];

		if (snprintf(path, sizeof(path), "%s/%s", dir, rel) >= (int)sizeof(path)) {
			errbuf_set(eb, ERR_INVALID_INPUT, "jalur terlalu panjang: %s/%s", dir, rel);
			return NULL;
		}
		if (read_path(path, &data, &len, eb) < 0)
			return NULL;
		root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
		free(data);
	} else {
		char name[256];
		const struct asset *a;

		snprintf(name, sizeof(name), "data/%s", rel);
		a = asset_find(name);
		if (a == NULL) {
			errbuf_set(eb, ERR_NOT_FOUND, "data bawaan %s tidak ada", name);
			return NULL;
		}
		root = json_loadb((const char *)a->data, a->len, JSON_REJECT_DUPLICATES, &jerr);
	}
	if (root == NULL) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: JSON tidak valid: %s", rel, jerr.line,
			   jerr.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		errbuf_set(eb, ERR_INVALID_INPUT, "%s: isi harus objek JSON", rel);
		return NULL;
	}
	return root;
}

/* ---- interning and normalising ----------------------------------------- */

static uint32_t
intern(struct builder *b, char tag, const char *s, size_t n)
{
	uint32_t id;

	scan_vocab_put(&b->lex->vocab, tag, s, n, b->lex->nids, &id);
	if (id == b->lex->nids)
		b->lex->nids++;
	return id;
}

static const char *
intern_item(struct builder *b, const char *item)
{
	size_t i;

	for (i = 0; i < b->lex->nitems; i++)
		if (strcmp(b->lex->items[i], item) == 0)
			return b->lex->items[i];
	if (b->lex->nitems == b->item_cap) {
		b->item_cap = b->item_cap ? b->item_cap * 2 : 32;
		b->lex->items = xreallocarray(b->lex->items, b->item_cap, sizeof(*b->lex->items));
	}
	b->lex->items[b->lex->nitems] = arena_strdup(b->lex->arena, item);
	return b->lex->items[b->lex->nitems++];
}

/* Tokenise a data string into at most max tokens. */
static int
norm_tokens(struct builder *b, const char *s, struct scan_token *toks, size_t max, size_t *n)
{
	struct scan_tokenizer t;

	*n = 0;
	scan_tok_init(&t, s, strlen(s), b->lex->emoji, b->lex->nemoji);
	while (*n < max && scan_tok_next(&t, &toks[*n])) {
		if (toks[*n].flags & SCAN_TOKF_LONG)
			return -1;
		if (toks[*n].kind == SCAN_TOK_URL || toks[*n].kind == SCAN_TOK_QUESTION)
			return -1;
		(*n)++;
	}
	return scan_tok_next(&t, &toks[max - 1]) ? -1 : 0;
}

size_t
scan_stem_word(struct sb_stemmer *st, const char *w, size_t n, char *out, size_t outsz)
{
	const sb_symbol *r;
	int rl;

	r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n);
	if (r == NULL)
		die("stemmer out of memory");
	rl = sb_stemmer_length(st);
	if (rl < 0 || (size_t)rl >= outsz)
		rl = (int)(outsz - 1);
	memcpy(out, r, (size_t)rl);
	out[rl] = '\0';
	return (size_t)rl;
}

static bool
alpha_word(const struct scan_token *tk)
{
	uint16_t i;

	for (i = 0; i < tk->len; i++)
		if (tk->text[i] < 'a' || tk->text[i] > 'z')
			return false;
	return true;
}

/* Append the ids of one raw word of a term to words[].  stem_all: plain
 * alphabetic words of 4 letters or more match by stem (catalog phrases,
 * written as the catalog author wrote them). */
static int
term_word(struct builder *b, const char *raw, bool stem_all, uint32_t *words, size_t *nw,
	  bool *tagged, struct errbuf *eb)
{
	struct scan_token toks[4];
	size_t n, i;

	if (raw[0] == '<') {
		size_t len = strlen(raw);
		char low[SCAN_TOKEN_MAX + 1];

		if (len < 3 || len > SCAN_TOKEN_MAX || raw[len - 1] != '>')
			return errbuf_set(eb, ERR_INVALID_INPUT, "token kelas '%s' tidak valid",
					  raw);
		for (i = 0; i < len; i++)
			low[i] = (char)(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] - 'A' + 'a'
								       : raw[i]);
		if (*nw >= SCAN_PHRASE_WORDS)
			goto toolong;
		words[(*nw)++] = intern(b, SCAN_KEY_EXACT, low, len);
		if (strncmp(low, "<angka>", len) == 0 && len == 7)
			b->lex->angka_id = words[*nw - 1];
		return 0;
	}
	if (raw[0] == '~') {
		char stem[SCAN_TOKEN_MAX + 1];
		size_t sl;

		if (norm_tokens(b, raw + 1, toks, 4, &n) < 0 || n != 1 ||
		    toks[0].kind != SCAN_TOK_WORD)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "istilah akar '%s' harus satu kata", raw);
		sl = scan_stem_word(b->stemmer, toks[0].text, toks[0].len, stem, sizeof(stem));
		if (*nw >= SCAN_PHRASE_WORDS)
			goto toolong;
		words[(*nw)++] = intern(b, SCAN_KEY_STEM, stem, sl);
		return 0;
	}
	if (norm_tokens(b, raw, toks, 4, &n) < 0 || n == 0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "kata '%s' tidak dapat dinormalisasi",
				  raw);
	for (i = 0; i < n; i++) {
		const struct scan_token *tk = &toks[i];
		uint32_t si;

		if (tk->kind == SCAN_TOK_HASHTAG || tk->kind == SCAN_TOK_MENTION ||
		    tk->kind == SCAN_TOK_EMOJI) {
			if (*nw >= SCAN_PHRASE_WORDS)
				goto toolong;
			*tagged = true;
			words[(*nw)++] = intern(b, SCAN_KEY_EXACT, tk->text, tk->len);
			continue;
		}
		if (scan_vocab_get(&b->lex->vocab, SCAN_KEY_SLANG, tk->text, tk->len, &si)) {
			const struct scan_slang *sl = &b->lex->slang[si];
			size_t k;

			for (k = 0; k < sl->nwords; k++) {
				if (*nw >= SCAN_PHRASE_WORDS)
					goto toolong;
				words[(*nw)++] = intern(b, SCAN_KEY_EXACT, sl->words[k],
							strlen(sl->words[k]));
			}
			continue;
		}
		if (*nw >= SCAN_PHRASE_WORDS)
			goto toolong;
		if (stem_all && tk->len >= 4 && alpha_word(tk)) {
			char stem[SCAN_TOKEN_MAX + 1];
			size_t sl =
				scan_stem_word(b->stemmer, tk->text, tk->len, stem, sizeof(stem));

			words[(*nw)++] = intern(b, SCAN_KEY_STEM, stem, sl);
			continue;
		}
		words[(*nw)++] = intern(b, SCAN_KEY_EXACT, tk->text, tk->len);
	}
	return 0;
toolong:
	return errbuf_set(eb, ERR_INVALID_INPUT, "frasa lebih dari %d kata", SCAN_PHRASE_WORDS);
}

/* Prepend "head: " to the message already in eb. */
static int
prefix_error(struct errbuf *eb, const char *head)
{
	char msg[sizeof(eb->msg)];
	size_t hl, ml;

	if (eb == NULL)
		return -1;
	hl = strlen(head);
	if (hl > sizeof(msg) / 2)
		hl = sizeof(msg) / 2;
	memcpy(msg, head, hl);
	msg[hl] = ':';
	msg[hl + 1] = ' ';
	ml = strnlen(eb->msg, sizeof(eb->msg));
	if (ml > sizeof(msg) - hl - 3)
		ml = sizeof(msg) - hl - 3;
	memcpy(msg + hl + 2, eb->msg, ml);
	msg[hl + 2 + ml] = '\0';
	memcpy(eb->msg, msg, hl + 3 + ml);
	if (eb->kind == ERR_NONE)
		eb->kind = ERR_INVALID_INPUT;
	return -1;
}

static int
prefix_errorf(struct errbuf *eb, const char *what, const char *name)
{
	char head[160];

	snprintf(head, sizeof(head), "%s '%s'", what, name);
	return prefix_error(eb, head);
}

/* ---- phrases and concepts ----------------------------------------------- */

static uint32_t
add_concept(struct builder *b, const char *id, const char *note, enum scan_cat cat)
{
	struct scan_lex_concept *c;

	if (b->lex->nconcepts == b->concept_cap) {
		b->concept_cap = b->concept_cap ? b->concept_cap * 2 : 64;
		b->lex->concepts =
			xreallocarray(b->lex->concepts, b->concept_cap, sizeof(*b->lex->concepts));
	}
	c = &b->lex->concepts[b->lex->nconcepts];
	c->id = arena_strdup(b->lex->arena, id);
	c->note = arena_strdup(b->lex->arena, note ? note : "");
	c->cat = (uint8_t)cat;
	return (uint32_t)b->lex->nconcepts++;
}

struct term_opts {
	enum scan_cat cat;
	float weight;
	bool generic, negates, ctx, breaks, topic;
	bool stem_all; /* catalog phrases: every long word by its stem */
	const char *const *items;
	size_t nitems;
};

/* The vocabulary ids of a term, word by word. */
static int
phrase_words(struct builder *b, const char *text, bool stem_all, uint32_t *words, size_t *nw,
	     struct errbuf *eb)
{
	char *copy, *save = NULL, *w;
	bool tagged = false;

	*nw = 0;
	if (strlen(text) == 0 || strlen(text) > 256)
		return errbuf_set(eb, ERR_INVALID_INPUT, "istilah kosong atau terlalu panjang");
	copy = xstrdup(text);
	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (term_word(b, w, stem_all, words, nw, &tagged, eb) < 0) {
			free(copy);
			return -1;
		}
	}
	free(copy);
	if (*nw == 0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "tidak berisi kata");
	if (tagged && *nw != 1)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "#tagar/@akun/emoji harus berdiri sendiri");
	return 0;
}

static int
add_phrase(struct builder *b, uint32_t concept, const char *text, const struct term_opts *o,
	   struct errbuf *eb)
{
	struct scan_lex_phrase ph;
	size_t nw = 0, i;

	memset(&ph, 0, sizeof(ph));
	if (phrase_words(b, text, o->stem_all, ph.words, &nw, eb) < 0)
		return -1;
	ph.nwords = (uint8_t)nw;
	/* the same words in the same concept: keep the first */
	for (i = 0; i < b->lex->nphrases; i++) {
		const struct scan_lex_phrase *q = &b->lex->phrases[i];

		if (q->concept == concept && q->nwords == ph.nwords &&
		    memcmp(q->words, ph.words, nw * sizeof(ph.words[0])) == 0)
			return 0;
	}
	if (b->lex->nphrases >= LEX_PHRASES_MAX)
		return errbuf_set(eb, ERR_INVALID_INPUT, "terlalu banyak frasa (batas %d)",
				  LEX_PHRASES_MAX);
	ph.cat = (uint8_t)o->cat;
	ph.weight = o->weight;
	ph.generic = o->generic;
	ph.negates = o->negates;
	ph.ctx = o->ctx;
	ph.breaks = o->breaks;
	ph.topic = o->topic || o->cat == SCAN_CAT_TOPIC;
	ph.concept = concept;
	ph.info.text = arena_strdup(b->lex->arena, text);
	ph.info.concept = b->lex->concepts[concept].id;
	ph.info.note = b->lex->concepts[concept].note;
	ph.info.cat = o->cat;
	ph.info.weight = o->weight;
	ph.info.generic = o->generic;
	ph.info.negates = o->negates;
	ph.info.items = o->items;
	ph.info.nitems = o->nitems;
	if (b->lex->nphrases == b->phrase_cap) {
		b->phrase_cap = b->phrase_cap ? b->phrase_cap * 2 : 1024;
		b->lex->phrases =
			xreallocarray(b->lex->phrases, b->phrase_cap, sizeof(*b->lex->phrases));
	}
	b->lex->phrases[b->lex->nphrases++] = ph;
	return 0;
}

static int
get_weight(json_t *o, const char *key, float def, float *out, struct errbuf *eb)
{
	json_t *v = json_object_get(o, key);
	double d;

	if (v == NULL) {
		*out = def;
		return 0;
	}
	if (!json_is_number(v))
		return errbuf_set(eb, ERR_INVALID_INPUT, "'%s' harus angka", key);
	d = json_number_value(v);
	if (d < -1.0 || d > 1.0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "'%s' harus antara -1 dan 1", key);
	*out = (float)d;
	return 0;
}

static int
get_bool(json_t *o, const char *key, bool def, bool *out, struct errbuf *eb)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL) {
		*out = def;
		return 0;
	}
	if (!json_is_boolean(v))
		return errbuf_set(eb, ERR_INVALID_INPUT, "'%s' harus true/false", key);
	*out = json_is_true(v);
	return 0;
}

static const char *
get_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Terms of one concept: strings or {"t": ..., "w", "generic", "ctx", "negates"}. */
static int
add_terms(struct builder *b, uint32_t concept, json_t *terms, const struct term_opts *base,
	  struct errbuf *eb)
{
	size_t i;
	json_t *t;

	if (!json_is_array(terms) || json_array_size(terms) == 0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "'terms' harus daftar yang tidak kosong");
	json_array_foreach(terms, i, t)
	{
		struct term_opts o = *base;
		const char *text;

		if (json_is_string(t)) {
			text = json_string_value(t);
		} else if (json_is_object(t)) {
			text = get_str(t, "t");
			if (text == NULL)
				return errbuf_set(eb, ERR_INVALID_INPUT, "istilah #%zu tanpa 't'",
						  i + 1);
			if (get_weight(t, "w", base->weight, &o.weight, eb) < 0 ||
			    get_bool(t, "generic", base->generic, &o.generic, eb) < 0 ||
			    get_bool(t, "ctx", base->ctx, &o.ctx, eb) < 0 ||
			    get_bool(t, "negates", base->negates, &o.negates, eb) < 0 ||
			    get_bool(t, "topic", base->topic, &o.topic, eb) < 0)
				return -1;
		} else {
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "istilah #%zu harus teks atau objek", i + 1);
		}
		if (add_phrase(b, concept, text, &o, eb) < 0)
			return prefix_errorf(eb, "istilah", text);
	}
	return 0;
}

/* ---- the files ---------------------------------------------------------- */

static int
load_model(struct builder *b, const char *dir, struct errbuf *eb)
{
	struct scan_model *m = &b->lex->model;
	json_t *root = load_json(dir, "scan/model.json", eb), *caps, *v;
	const char *key;
	int rc = -1;
	double d;

	if (root == NULL)
		return -1;
	m->threshold = 0.5f;
	m->far_factor = 0.6f;
	m->author_asn_weight = 1.0f;
	m->proximity_window = 15;
	m->negation_window = 4;
	v = json_object_get(root, "threshold");
	if (v) {
		d = json_number_value(v);
		if (!json_is_number(v) || d <= 0 || d > 1) {
			errbuf_set(eb, ERR_INVALID_INPUT, "model.json: threshold harus 0 < t <= 1");
			goto out;
		}
		m->threshold = (float)d;
	}
	if (get_weight(root, "far_factor", m->far_factor, &m->far_factor, eb) < 0 ||
	    get_weight(root, "author_asn_weight", m->author_asn_weight, &m->author_asn_weight, eb) <
		    0)
		goto prefix;
	v = json_object_get(root, "proximity_window");
	if (v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 1000) {
			errbuf_set(eb, ERR_INVALID_INPUT, "model.json: proximity_window 1..1000");
			goto out;
		}
		m->proximity_window = (uint32_t)json_integer_value(v);
	}
	v = json_object_get(root, "negation_window");
	if (v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 20) {
			errbuf_set(eb, ERR_INVALID_INPUT, "model.json: negation_window 1..20");
			goto out;
		}
		m->negation_window = (uint32_t)json_integer_value(v);
	}
	caps = json_object_get(root, "caps");
	if (caps && !json_is_object(caps)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "model.json: caps harus objek");
		goto out;
	}
	json_object_foreach(caps, key, v)
	{
		enum scan_cat c;

		if (scan_cat_parse(key, &c) < 0 || !json_is_number(v) || json_number_value(v) < 0 ||
		    json_number_value(v) > 10) {
			errbuf_set(eb, ERR_INVALID_INPUT, "model.json: caps.%s tidak valid", key);
			goto out;
		}
		m->cap[c] = (float)json_number_value(v);
	}
	rc = 0;
	goto out;
prefix:
	prefix_error(eb, "model.json");
out:
	json_decref(root);
	return rc;
}

static int
cmp_emoji(const void *a, const void *b)
{
	const struct scan_emoji *x = a, *y = b;

	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

static int
load_normalise(struct builder *b, const char *dir, struct errbuf *eb)
{
	json_t *root = load_json(dir, "scan/normalise.json", eb), *slang, *nums, *emoji, *v;
	const char *key;
	size_t i;
	int rc = -1;

	if (root == NULL)
		return -1;
	emoji = json_object_get(root, "emoji");
	if (emoji && !json_is_array(emoji)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "normalise.json: emoji harus daftar");
		goto out;
	}
	json_array_foreach(emoji, i, v)
	{
		const char *ch = get_str(v, "char"), *tok = get_str(v, "token");
		struct scan_emoji *e;
		size_t adv;
		uint32_t cp;

		if (ch == NULL || tok == NULL || ch[0] == '\0' || strlen(tok) == 0 ||
		    strlen(tok) + 2 > SCAN_TOKEN_MAX) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "normalise.json: emoji #%zu tidak lengkap", i + 1);
			goto out;
		}
		cp = scan_utf8_next((const unsigned char *)ch, strlen(ch), &adv);
		if (b->lex->nemoji == b->emoji_cap) {
			b->emoji_cap = b->emoji_cap ? b->emoji_cap * 2 : 16;
			b->lex->emoji =
				xreallocarray(b->lex->emoji, b->emoji_cap, sizeof(*b->lex->emoji));
		}
		e = &b->lex->emoji[b->lex->nemoji++];
		e->cp = cp;
		e->token = arena_printf(b->lex->arena, "<%s>", tok);
	}
	if (b->lex->nemoji)
		qsort(b->lex->emoji, b->lex->nemoji, sizeof(*b->lex->emoji), cmp_emoji);
	for (i = 1; i < b->lex->nemoji; i++) {
		if (b->lex->emoji[i].cp == b->lex->emoji[i - 1].cp) {
			errbuf_set(eb, ERR_INVALID_INPUT, "normalise.json: emoji U+%04X ganda",
				   (unsigned)b->lex->emoji[i].cp);
			goto out;
		}
	}
	nums = json_object_get(root, "numerals");
	json_array_foreach(nums, i, v)
	{
		struct scan_token tk[2];
		size_t n;
		uint32_t dummy;

		if (!json_is_string(v) || norm_tokens(b, json_string_value(v), tk, 2, &n) < 0 ||
		    n != 1) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "normalise.json: bilangan #%zu tidak valid", i + 1);
			goto out;
		}
		scan_vocab_put(&b->lex->vocab, SCAN_KEY_NUM, tk[0].text, tk[0].len, 1, &dummy);
	}
	slang = json_object_get(root, "slang");
	if (slang && !json_is_object(slang)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "normalise.json: slang harus objek");
		goto out;
	}
	json_object_foreach(slang, key, v)
	{
		struct scan_token tk[4];
		struct scan_slang sl;
		size_t n, k;
		uint32_t idx;

		if (!json_is_string(v) || norm_tokens(b, key, tk, 2, &n) < 0 || n != 1 ||
		    tk[0].kind == SCAN_TOK_EMOJI) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "normalise.json: slang '%s' harus satu kata dengan nilai teks",
				   key);
			goto out;
		}
		memset(&sl, 0, sizeof(sl));
		{
			char kbuf[SCAN_TOKEN_MAX + 1];
			size_t kl = tk[0].len;

			memcpy(kbuf, tk[0].text, kl);
			kbuf[kl] = '\0';
			if (norm_tokens(b, json_string_value(v), tk, 4, &n) < 0 || n > 3) {
				errbuf_set(eb, ERR_INVALID_INPUT,
					   "normalise.json: nilai slang '%s' paling banyak 3 kata",
					   key);
				goto out;
			}
			for (k = 0; k < n; k++)
				memcpy(sl.words[k], tk[k].text, (size_t)tk[k].len + 1);
			sl.nwords = (uint8_t)n;
			if (b->lex->nslang == b->slang_cap) {
				b->slang_cap = b->slang_cap ? b->slang_cap * 2 : 128;
				b->lex->slang = xreallocarray(b->lex->slang, b->slang_cap,
							      sizeof(*b->lex->slang));
			}
			if (!scan_vocab_put(&b->lex->vocab, SCAN_KEY_SLANG, kbuf, kl,
					    (uint32_t)b->lex->nslang, &idx)) {
				errbuf_set(eb, ERR_INVALID_INPUT,
					   "normalise.json: slang '%s' ganda", key);
				goto out;
			}
			b->lex->slang[b->lex->nslang++] = sl;
		}
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}

static const char *const *
parse_items(struct builder *b, json_t *items, size_t *n, struct errbuf *eb, int *err)
{
	const char **out;
	size_t i;
	json_t *v;

	*n = 0;
	*err = 0;
	if (items == NULL || json_array_size(items) == 0)
		return NULL;
	if (!json_is_array(items)) {
		*err = errbuf_set(eb, ERR_INVALID_INPUT, "'items' harus daftar");
		return NULL;
	}
	out = arena_array(b->lex->arena, json_array_size(items), sizeof(*out));
	json_array_foreach(items, i, v)
	{
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) > 32) {
			*err = errbuf_set(eb, ERR_INVALID_INPUT, "butir katalog #%zu tidak valid",
					  i + 1);
			return NULL;
		}
		out[(*n)++] = intern_item(b, json_string_value(v));
	}
	return out;
}

static int
load_lexicon(struct builder *b, const char *dir, struct errbuf *eb)
{
	json_t *root = load_json(dir, "scan/lexicon.json", eb), *concepts, *c;
	size_t i;
	int rc = -1;

	if (root == NULL)
		return -1;
	concepts = json_object_get(root, "concepts");
	if (!json_is_array(concepts) || json_array_size(concepts) > LEX_CONCEPTS_MAX) {
		errbuf_set(eb, ERR_INVALID_INPUT, "lexicon.json: 'concepts' harus daftar");
		goto out;
	}
	json_array_foreach(concepts, i, c)
	{
		const char *id = get_str(c, "id"), *cat = get_str(c, "cat");
		struct term_opts o;
		enum scan_cat sc;
		uint32_t ci;
		size_t k;
		int err;

		if (id == NULL || cat == NULL || scan_cat_parse(cat, &sc) < 0) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "lexicon.json: konsep #%zu perlu 'id' dan 'cat' yang dikenal",
				   i + 1);
			goto out;
		}
		for (k = 0; k < b->lex->nconcepts; k++) {
			if (strcmp(b->lex->concepts[k].id, id) == 0) {
				errbuf_set(eb, ERR_INVALID_INPUT, "lexicon.json: konsep '%s' ganda",
					   id);
				goto out;
			}
		}
		memset(&o, 0, sizeof(o));
		o.cat = sc;
		if (get_weight(c, "w", 0, &o.weight, eb) < 0 ||
		    get_bool(c, "generic", false, &o.generic, eb) < 0 ||
		    get_bool(c, "negates", sc == SCAN_CAT_NEGATION, &o.negates, eb) < 0 ||
		    get_bool(c, "ctx", true, &o.ctx, eb) < 0 ||
		    get_bool(c, "breaks", false, &o.breaks, eb) < 0 ||
		    get_bool(c, "topic", false, &o.topic, eb) < 0) {
			prefix_errorf(eb, "lexicon.json: konsep", id);
			goto out;
		}
		o.items = parse_items(b, json_object_get(c, "items"), &o.nitems, eb, &err);
		ci = add_concept(b, id, get_str(c, "note"), sc);
		if (err < 0 || add_terms(b, ci, json_object_get(c, "terms"), &o, eb) < 0) {
			prefix_errorf(eb, "lexicon.json: konsep", id);
			goto out;
		}
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}

static int
load_candidates(struct builder *b, const char *dir, const char *rel, struct errbuf *eb)
{
	json_t *root = load_json(dir, rel, eb), *pairs, *parties, *v;
	const char *election;
	struct term_opts o;
	size_t i;
	int rc = -1;

	if (root == NULL)
		return -1;
	election = get_str(root, "election");
	if (election == NULL || strlen(election) == 0 || strlen(election) > 64) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s: 'election' wajib diisi", rel);
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.cat = SCAN_CAT_TARGET;
	o.ctx = true;
	if (get_weight(root, "weight", 0.35f, &o.weight, eb) < 0) {
		prefix_error(eb, rel);
		goto out;
	}
	pairs = json_object_get(root, "pairs");
	json_array_foreach(pairs, i, v)
	{
		json_t *num = json_object_get(v, "number");
		const char *label = get_str(v, "label"), *office = get_str(v, "office");
		char id[128], note[384];
		uint32_t ci;

		if (!json_is_integer(num) || label == NULL) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "%s: pasangan #%zu perlu number dan label", rel, i + 1);
			goto out;
		}
		snprintf(id, sizeof(id), "%s:%s:%lld", election, office ? office : "paslon",
			 (long long)json_integer_value(num));
		snprintf(note, sizeof(note), "paslon nomor urut %lld%s%s: %s (%s)",
			 (long long)json_integer_value(num), office ? " " : "",
			 office ? office : "", label, election);
		ci = add_concept(b, id, note, SCAN_CAT_TARGET);
		if (add_terms(b, ci, json_object_get(v, "names"), &o, eb) < 0) {
			prefix_error(eb, rel);
			goto out;
		}
	}
	parties = json_object_get(root, "parties");
	json_array_foreach(parties, i, v)
	{
		json_t *num = json_object_get(v, "number");
		const char *name = get_str(v, "name");
		char id[128], note[384];
		uint32_t ci;

		if (!json_is_integer(num) || name == NULL) {
			errbuf_set(eb, ERR_INVALID_INPUT, "%s: partai #%zu perlu number dan name",
				   rel, i + 1);
			goto out;
		}
		snprintf(id, sizeof(id), "%s:partai:%lld", election,
			 (long long)json_integer_value(num));
		snprintf(note, sizeof(note), "partai nomor urut %lld: %s (%s)",
			 (long long)json_integer_value(num), name, election);
		ci = add_concept(b, id, note, SCAN_CAT_TARGET);
		if (add_terms(b, ci, json_object_get(v, "terms"), &o, eb) < 0) {
			prefix_error(eb, rel);
			goto out;
		}
	}
	if (b->elections.len)
		buf_addch(&b->elections, ',');
	buf_addstr(&b->elections, election);
	rc = 0;
out:
	json_decref(root);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
scan_item_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			unsigned long x = 0, y = 0;

			for (; *a >= '0' && *a <= '9'; a++)
				x = x * 10 + (unsigned long)(*a - '0');
			for (; *b >= '0' && *b <= '9'; b++)
				y = y * 10 + (unsigned long)(*b - '0');
			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int
cmp_item(const void *a, const void *b)
{
	return scan_item_cmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
valid_election_id(const char *s)
{
	size_t i;

	if (s[0] == '\0' || strlen(s) > 64)
		return false;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '-'))
			return false;
	return true;
}

static int
load_all_candidates(struct builder *b, const char *dir, const char *election, struct errbuf *eb)
{
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (election && election[0]) {
		char rel[128];

		if (!valid_election_id(election))
			return errbuf_set(eb, ERR_INVALID_INPUT, "kode pemilihan '%s' tidak valid",
					  election);
		snprintf(rel, sizeof(rel), "scan/candidates/%s.json", election);
		if (load_candidates(b, dir, rel, eb) < 0) {
			if (eb && eb->kind == ERR_NOT_FOUND)
				errbuf_set(eb, ERR_NOT_FOUND,
					   "data calon untuk pemilihan '%s' tidak ada (%s)",
					   election, rel);
			return -1;
		}
		return 0;
	}
	if (dir && dir[0]) {
		char path[1024];
		DIR *d;
		struct dirent *de;

		snprintf(path, sizeof(path), "%s/scan/candidates", dir);
		d = opendir(path);
		if (d == NULL)
			return 0; /* no candidates in this knowledge dir */
		while ((de = readdir(d)) != NULL) {
			size_t l = strlen(de->d_name);

			if (de->d_name[0] == '.' || l < 6 ||
			    strcmp(de->d_name + l - 5, ".json") != 0)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				names = xreallocarray(names, cap, sizeof(*names));
			}
			names[n++] = xstrdup(de->d_name);
		}
		closedir(d);
	} else {
		const char *prefix = "data/scan/candidates/";
		size_t k, pl = strlen(prefix);

		for (k = asset_prefix_first(prefix);
		     k < asset_count && strncmp(asset_table[k].name, prefix, pl) == 0; k++) {
			const char *nm = asset_table[k].name + pl;
			size_t l = strlen(nm);

			if (l < 6 || strcmp(nm + l - 5, ".json") != 0 || strchr(nm, '/'))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				names = xreallocarray(names, cap, sizeof(*names));
			}
			names[n++] = xstrdup(nm);
		}
	}
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n && rc == 0; i++) {
		char rel[512];

		snprintf(rel, sizeof(rel), "scan/candidates/%s", names[i]);
		rc = load_candidates(b, dir, rel, eb);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* The phrase with exactly these words, or -1. */
static long
find_phrase(const struct scan_lexicon *lex, const uint32_t *words, size_t nw)
{
	size_t i;

	for (i = 0; i < lex->nphrases; i++)
		if (lex->phrases[i].nwords == nw &&
		    memcmp(lex->phrases[i].words, words, nw * sizeof(words[0])) == 0)
			return (long)i;
	return -1;
}

/* Add item to a phrase's catalog items (a new array: the old one may be
 * shared with the other phrases of its concept). */
static void
phrase_add_item(struct builder *b, struct scan_lex_phrase *ph, const char *item)
{
	const char *it = intern_item(b, item), **items;
	size_t k;

	for (k = 0; k < ph->info.nitems; k++)
		if (ph->info.items[k] == it)
			return;
	items = arena_array(b->lex->arena, ph->info.nitems + 1, sizeof(*items));
	if (ph->info.nitems)
		memcpy(items, ph->info.items, ph->info.nitems * sizeof(*items));
	items[ph->info.nitems] = it;
	ph->info.items = items;
	ph->info.nitems++;
}

/*
 * Phrases from the rule catalog.  A phrase the lexicon already has (as
 * written, or by stems) only adds its catalog item to that phrase, and
 * only when the categories agree (an act, or a facility for an act): the
 * lexicon's reading of a word wins, and nothing is counted twice.  Other
 * phrases become one concept per distinct text ("katalog:TEXT") whose
 * items are every catalog item that lists the text; they are matched
 * only where no lexicon phrase matched (struct scan_index).
 */
static int
load_extra(struct builder *b, const struct scan_phrase *ph, size_t n, struct errbuf *eb)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t words[SCAN_PHRASE_WORDS], ci;
		struct term_opts o;
		size_t nw;
		long found = -1;
		int pass;
		char id[300];

		if (ph[i].text == NULL || ph[i].cat >= SCAN_CAT__COUNT || ph[i].weight < -1 ||
		    ph[i].weight > 1)
			return errbuf_set(eb, ERR_INVALID_INPUT, "frasa tambahan #%zu tidak valid",
					  i + 1);
		for (pass = 0; pass < 2 && found < 0; pass++) {
			if (pass == 1 && !ph[i].stem)
				break;
			if (phrase_words(b, ph[i].text, pass == 1, words, &nw, eb) < 0)
				return prefix_errorf(eb, "frasa tambahan", ph[i].text);
			found = find_phrase(b->lex, words, nw);
		}
		if (found >= 0) {
			struct scan_lex_phrase *q = &b->lex->phrases[found];
			bool same = q->cat == ph[i].cat ||
				    (ph[i].cat == SCAN_CAT_ACT && q->cat == SCAN_CAT_FACILITY);

			if (same && ph[i].item)
				phrase_add_item(b, q, ph[i].item);
			continue;
		}
		snprintf(id, sizeof(id), "katalog:%s", ph[i].text);
		ci = add_concept(b, id, ph[i].note, ph[i].cat);
		memset(&o, 0, sizeof(o));
		o.cat = ph[i].cat;
		o.weight = ph[i].weight;
		o.generic = ph[i].generic;
		o.ctx = true;
		o.stem_all = ph[i].stem;
		o.negates = ph[i].cat == SCAN_CAT_NEGATION;
		if (add_phrase(b, ci, ph[i].text, &o, eb) < 0)
			return prefix_errorf(eb, "frasa tambahan", ph[i].text);
		b->lex->phrases[b->lex->nphrases - 1].catalog = true;
		if (ph[i].item)
			phrase_add_item(b, &b->lex->phrases[b->lex->nphrases - 1], ph[i].item);
	}
	return 0;
}

/* First-word index of the phrases with catalog == which. */
static void
build_index(struct scan_lexicon *lex, bool which, struct scan_index *ix)
{
	size_t i;
	uint32_t *fill;

	ix->start = xcalloc((size_t)lex->nids + 1, sizeof(*ix->start));
	ix->list = xcalloc(lex->nphrases ? lex->nphrases : 1, sizeof(*ix->list));
	ix->n = 0;
	for (i = 0; i < lex->nphrases; i++) {
		if (lex->phrases[i].catalog == which) {
			ix->start[lex->phrases[i].words[0] + 1]++;
			ix->n++;
		}
	}
	for (i = 1; i <= lex->nids; i++)
		ix->start[i] += ix->start[i - 1];
	fill = xcalloc((size_t)lex->nids + 1, sizeof(*fill));
	for (i = 0; i < lex->nphrases; i++) {
		uint32_t w = lex->phrases[i].words[0];

		if (lex->phrases[i].catalog == which)
			ix->list[ix->start[w] + fill[w]++] = (uint32_t)i;
	}
	free(fill);
	/* longest first, then data order: insertion sort, the lists are short */
	for (i = 0; i < lex->nids; i++) {
		uint32_t a = ix->start[i], z = ix->start[i + 1], j, k;

		for (j = a + 1; j < z; j++) {
			uint32_t v = ix->list[j];

			for (k = j;
			     k > a && lex->phrases[ix->list[k - 1]].nwords < lex->phrases[v].nwords;
			     k--)
				ix->list[k] = ix->list[k - 1];
			ix->list[k] = v;
		}
	}
}

int
scan_lexicon_load(struct scan_lexicon **out, const struct scan_lexicon_opts *opts,
		  struct errbuf *eb)
{
	struct scan_lexicon *lex = xcalloc(1, sizeof(*lex));
	struct builder b;
	const char *dir = opts ? opts->dir : NULL;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	buf_init(&b.elections, 4096);
	b.lex = lex;
	lex->arena = xmalloc(sizeof(*lex->arena));
	arena_init(lex->arena, 64 * 1024);
	lex->angka_id = UINT32_MAX;
	b.stemmer = sb_stemmer_new("indonesian", NULL);
	if (b.stemmer == NULL)
		die("libstemmer has no indonesian stemmer");
	if (load_model(&b, dir, eb) < 0 || load_normalise(&b, dir, eb) < 0 ||
	    load_lexicon(&b, dir, eb) < 0 ||
	    load_all_candidates(&b, dir, opts ? opts->election : NULL, eb) < 0 ||
	    (opts && load_extra(&b, opts->extra, opts->nextra, eb) < 0)) {
		sb_stemmer_delete(b.stemmer);
		buf_release(&b.elections);
		scan_lexicon_free(lex);
		return -1;
	}
	sb_stemmer_delete(b.stemmer);
	lex->elections = xstrdup(buf_cstr(&b.elections));
	buf_release(&b.elections);
	if (lex->nitems)
		qsort(lex->items, lex->nitems, sizeof(*lex->items), cmp_item);
	build_index(lex, false, &lex->index[0]);
	build_index(lex, true, &lex->index[1]);
	*out = lex;
	return 0;
}

void
scan_lexicon_free(struct scan_lexicon *lex)
{
	if (lex == NULL)
		return;
	scan_vocab_release(&lex->vocab);
	free(lex->phrases);
	free(lex->concepts);
	free(lex->index[0].start);
	free(lex->index[0].list);
	free(lex->index[1].start);
	free(lex->index[1].list);
	free(lex->slang);
	free(lex->emoji);
	free(lex->items);
	free(lex->elections);
	if (lex->arena) {
		arena_release(lex->arena);
		free(lex->arena);
	}
	free(lex);
}

void
scan_lexicon_get_info(const struct scan_lexicon *lex, struct scan_lexicon_info *info)
{
	info->nconcepts = lex->nconcepts;
	info->nphrases = lex->nphrases;
	info->nwords = lex->nids;
	info->nslang = lex->nslang;
	info->nemoji = lex->nemoji;
	info->threshold = lex->model.threshold;
	info->elections = lex->elections ? lex->elections : "";
}

const struct scan_phrase_info *
scan_lexicon_phrase(const struct scan_lexicon *lex, uint32_t idx)
{
	return idx < lex->nphrases ? &lex->phrases[idx].info : NULL;
}
