/*
 * text.h - Indonesian text analysis shared by the rule catalog and text
 * screening: normalisation, tokenisation, abbreviation expansion, stop
 * words, Snowball "indonesian" stemming and phrase matching.
 *
 * Pipeline (text_analyze): UTF-8 bytes -> lowercase ASCII words (Latin
 * diacritics folded, punctuation dropped, "kader-kader" -> "kader",
 * "mem-posting" -> "memposting", stretched letters "bangeeet" -> "banget"
 * collapsed: a run of three or more equal letters becomes one) -> lexicon
 * abbreviations ("yg" -> "yang", "paslon" -> "pasangan calon") -> stop words
 * dropped -> stem (lexicon exceptions first, then Snowball).  Keywords are
 * compiled with the same pipeline, so a keyword always matches the words it
 * was written as.
 *
 * Ownership: a text_lexicon is built once (process lifetime, read-only
 * afterwards, safe to share between threads).  A text_stemmer is NOT
 * thread-safe: one per thread or per call (creating one costs well under a
 * microsecond).  Documents and phrases live in the caller's arena.
 * Limits: words longer than TEXT_MAX_WORD bytes are skipped; analysis stops
 * after TEXT_MAX_TOKENS tokens (doc->truncated says so).
 */
#ifndef NETRA_RULES_TEXT_H
#define NETRA_RULES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

#define TEXT_MAX_WORD   64
#define TEXT_MAX_TOKENS 4096
#define TEXT_MAX_SCOPE  8

struct text_lexicon;
struct text_stemmer;

struct text_token {
	const char *word; /* normalised surface word (after abbreviation expansion) */
	const char *stem;
	uint32_t hash;       /* text_hash() of stem */
	bool negator;        /* the word is a lexicon negator ("tidak", "tanpa", ...) */
	unsigned char scope; /* how many following tokens it negates (0: none) */
	bool breaker;        /* ends a negation scope ("tetap", "namun") */
};

struct text_doc {
	struct text_token *tok;
	size_t n;
	bool truncated; /* more than TEXT_MAX_TOKENS tokens: the rest was ignored */
};

/* A keyword or phrase compiled to stems. */
struct text_phrase {
	const char *text; /* as written by the catalog author */
	const char **stem;
	uint32_t *hash;
	size_t n;
	bool negated_start; /* the phrase itself starts with a negator ("tanpa atribut") */
};

/* --- lexicon --------------------------------------------------------------- */

struct text_lexicon *text_lexicon_new(void);
void text_lexicon_free(struct text_lexicon *lx);
/* Each entry is normalised with text_normalize() first; "to" may hold several
 * words.  Errors: empty or over-long entries (ERR_INVALID_INPUT). */
int text_lexicon_add_abbrev(struct text_lexicon *lx, const char *from, const char *to,
			    struct errbuf *eb);
int text_lexicon_add_stopword(struct text_lexicon *lx, const char *word, struct errbuf *eb);
int text_lexicon_add_stem(struct text_lexicon *lx, const char *word, const char *stem,
			  struct errbuf *eb);
int text_lexicon_add_negator(struct text_lexicon *lx, const char *word, struct errbuf *eb);
/* A negator whose scope is the next `scope` tokens (1..TEXT_MAX_SCOPE), for
 * words that state a rule rather than an act ("dilarang", "jangan"). */
int text_lexicon_add_negator_scope(struct text_lexicon *lx, const char *word, unsigned scope,
				   struct errbuf *eb);
/* A word that ends the scope of a negator before it ("dilarang, tetapi
 * tetap memasang"). */
int text_lexicon_add_breaker(struct text_lexicon *lx, const char *word, struct errbuf *eb);
/* Words between two consecutive phrase words that may be skipped (default 2). */
void text_lexicon_set_max_gap(struct text_lexicon *lx, unsigned gap);
unsigned text_lexicon_max_gap(const struct text_lexicon *lx);

/* --- analysis -------------------------------------------------------------- */

/*
 * Append the normalised form of in[0..len) to out: lowercase ASCII words
 * separated by single spaces.  Invalid UTF-8 bytes act as separators.
 * Pure; returns the number of words written.
 */
size_t text_normalize(const char *in, size_t len, struct buf *out);

struct text_stemmer *text_stemmer_new(void);
void text_stemmer_free(struct text_stemmer *st);
/* Stem one normalised word (lexicon exceptions first).  The result lives
 * until the next call on st. */
const char *text_stem(struct text_stemmer *st, const struct text_lexicon *lx, const char *word,
		      size_t len, size_t *outlen);

/* Full pipeline; lx may be NULL (no abbreviations, stop words, exceptions). */
void text_analyze(const struct text_lexicon *lx, struct text_stemmer *st, const char *in,
		  size_t len, struct arena *a, struct text_doc *out);

/* Compile a keyword or phrase; -1 when nothing of it survives analysis
 * (e.g. it consists of stop words only). */
int text_phrase_compile(const struct text_lexicon *lx, struct text_stemmer *st, const char *s,
			struct arena *a, struct text_phrase *out);

/*
 * Find p in d at or after token `from`: its words in order, at most
 * max_gap other tokens between two consecutive ones, and not within the
 * scope of a negator ("tidak memasang": one token; "dilarang ... memasang":
 * the scope the lexicon gives) unless p itself starts with one.
 * On success sets *first and *last to token indexes and returns true.
 */
bool text_phrase_find(const struct text_doc *d, const struct text_phrase *p, size_t from,
		      unsigned max_gap, size_t *first, size_t *last);

/* FNV-1a, 32 bits. */
uint32_t text_hash(const char *s, size_t n);

#endif
