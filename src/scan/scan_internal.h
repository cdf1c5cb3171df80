/*
 * scan_internal.h - the pieces of the screening engine, shared by the
 * files of src/scan and by the unit tests; not for other modules.
 *
 * Pipeline per text: tokenise.c (UTF-8 -> normalised tokens, using the
 * folding in core/fold.c) -> stemcache.c (token -> vocabulary ids through
 * slang, stems and numerals, cached per context) -> match.c (longest
 * phrase matches, negation scope) -> score.c (the additive model).
 * lexicon.c builds the vocabulary, the phrases and the model from the
 * data files.
 */
#ifndef NETRA_SCAN_SCAN_INTERNAL_H
#define NETRA_SCAN_SCAN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/fold.h"
#include "scan/scan.h"

/* ---- code points (core/fold.c) and runs (normalise.c) ----------------- */

/* Decoding and folding live in core/fold.c, shared with the store's
 * search keys; the engine uses them under its own names. */
#define SCAN_REPLACEMENT FOLD_REPLACEMENT

enum scan_fold {
	SCAN_FOLD_SEP = FOLD_SEP,
	SCAN_FOLD_ALNUM = FOLD_ALNUM,
	SCAN_FOLD_SKIP = FOLD_SKIP,
	SCAN_FOLD_SYMBOL = FOLD_SYMBOL
};

static inline uint32_t
scan_utf8_next(const unsigned char *p, size_t n, size_t *adv)
{
	return utf8_next(p, n, adv);
}

static inline enum scan_fold
scan_fold_cp(uint32_t cp, char out[3], size_t *nout)
{
	return (enum scan_fold)fold_cp(cp, out, nout);
}

/* Collapse runs of >= 3 identical letters to 'keep' (1 or 2) copies.
 * out must hold n bytes; returns the new length. */
size_t scan_collapse_runs(const char *s, size_t n, int keep, char *out);

/* ---- tokenise.c -------------------------------------------------------- */

struct scan_emoji {
	uint32_t cp;       /* base code point (no variation selector) */
	const char *token; /* "<pose_jari_2>" */
};

enum scan_tok_kind {
	SCAN_TOK_WORD,    /* letters and digits */
	SCAN_TOK_NUMBER,  /* digits only */
	SCAN_TOK_HASHTAG, /* "#..." (text includes '#') */
	SCAN_TOK_MENTION, /* "@..." (text includes '@') */
	SCAN_TOK_URL,     /* http(s)://, www., e-mail: text empty */
	SCAN_TOK_EMOJI,   /* mapped emoji: text is the token, e.g. "<pose_jari_1>" */
	SCAN_TOK_QUESTION /* '?': text "<tanya>" */
};

#define SCAN_TOKF_SENT      0x01 /* a sentence boundary precedes the token */
#define SCAN_TOKF_STRETCHED 0x02 /* a letter repeats >= 3 times */
#define SCAN_TOKF_LONG      0x04 /* longer than SCAN_TOKEN_MAX: text truncated */
#define SCAN_TOKF_MIXED     0x08 /* letters and digits */

struct scan_token {
	uint32_t start, end; /* byte span in the input */
	uint16_t len;        /* bytes in text (<= SCAN_TOKEN_MAX) */
	uint8_t kind;        /* enum scan_tok_kind */
	uint8_t flags;       /* SCAN_TOKF_* */
	/* the first 16 bytes of text as two words (zero-padded), built in
	 * registers while tokenising: reading freshly stored bytes back as
	 * words would stall on store forwarding */
	uint64_t w[2];
	bool wvalid; /* internal to the tokenizer */
	/* NUL-terminated and zero-padded to a multiple of 8 for hashing */
	char text[SCAN_TOKEN_MAX + 16];
};

struct scan_tokenizer {
	const unsigned char *base, *p, *end;
	const struct scan_emoji *emoji; /* sorted by cp */
	size_t nemoji;
	bool boundary; /* sentence boundary seen since the last token */
};

void scan_tok_init(struct scan_tokenizer *t, const char *text, size_t len,
		   const struct scan_emoji *emoji, size_t nemoji);
/* Next token, or false at the end. */
bool scan_tok_next(struct scan_tokenizer *t, struct scan_token *tok);

/* ---- hashing ----------------------------------------------------------- */

/* Hash of s[0..n), 8 bytes at a time; never 0 (0 marks empty slots). */
static inline uint64_t
scan_hash(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = seed ^ (n * 0xC2B2AE3D27D4EB4Full);
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	if (i < n) {
		uint64_t w = 0;

		memcpy(&w, s + i, n - i);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	h = (h ^ (h >> 32)) * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 31;
	return h ? h : 1;
}

/* The same hash for a string zero-padded to a multiple of 8 bytes (token
 * texts and cache keys): whole words only, no tail copy. */
static inline uint64_t
scan_hash_padded(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = seed ^ (n * 0xC2B2AE3D27D4EB4Full);
	size_t i;

	for (i = 0; i < n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	h = (h ^ (h >> 32)) * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 31;
	return h ? h : 1;
}

/* ---- lexicon.c: vocabulary, phrases, model ----------------------------- */

#define SCAN_KEY_EXACT 'x' /* a surface word, "<class>", "#tag" or "@name" */
#define SCAN_KEY_STEM  's' /* a stem ("~word" in the data) */
#define SCAN_KEY_SLANG 'l' /* a slang key (its value: expansion index) */
#define SCAN_KEY_NUM   'n' /* a numeral word */

#define SCAN_PHRASE_WORDS 8 /* words per phrase */

struct scan_lex_phrase {
	uint32_t words[SCAN_PHRASE_WORDS]; /* vocabulary ids */
	uint8_t nwords;
	uint8_t cat;
	bool generic, negates, ctx;
	bool breaks;  /* ends a negation's scope (tapi, namun) */
	bool catalog; /* from the rule catalog, not the lexicon files */
	bool topic;   /* names neutrality as a topic (any category) */
	float weight;
	uint32_t concept; /* index into concepts */
	struct scan_phrase_info info;
};

struct scan_lex_concept {
	const char *id;
	const char *note;
	uint8_t cat;
};

struct scan_model {
	float threshold;
	float far_factor;
	float author_asn_weight;
	uint32_t proximity_window;
	uint32_t negation_window;
	float cap[SCAN_CAT__COUNT]; /* magnitude caps; 0 = no cap */
};

struct sb_stemmer;

/* Open-addressing string -> uint32 map (keys include the tag byte). */
struct scan_vocab_ent {
	uint64_t hash; /* 0 = empty */
	uint32_t key_off, key_len;
	uint32_t value;
};

struct scan_vocab {
	struct scan_vocab_ent *ents;
	size_t cap, count;
	char *keys;
	size_t keys_len, keys_cap;
};

bool scan_vocab_get(const struct scan_vocab *v, char tag, const char *s, size_t n, uint32_t *out);
/* Insert unless present; *out gets the stored value.  True when new. */
bool scan_vocab_put(struct scan_vocab *v, char tag, const char *s, size_t n, uint32_t value,
		    uint32_t *out);
void scan_vocab_release(struct scan_vocab *v);
/* Natural order of catalog ids: "D-2" < "D-10" < "KE-1". */
int scan_item_cmp(const char *a, const char *b);
/* Snowball Indonesian stem of w into out (NUL-terminated); its length. */
size_t scan_stem_word(struct sb_stemmer *st, const char *w, size_t n, char *out, size_t outsz);

struct scan_slang {
	uint8_t nwords; /* 0 = drop the token */
	char words[3][SCAN_TOKEN_MAX + 1];
};

struct scan_lexicon {
	struct scan_model model;
	struct scan_vocab vocab; /* tag+string -> id or slang index */
	uint32_t nids;           /* vocabulary ids handed out */
	uint32_t angka_id;       /* id of "<angka>", or UINT32_MAX */
	struct scan_lex_phrase *phrases;
	size_t nphrases;
	struct scan_lex_concept *concepts;
	size_t nconcepts;
	/* first-word indexes: phrases starting with id i are
	 * index[k].list[index[k].start[i] .. index[k].start[i + 1]), longest
	 * first; index[0] holds the lexicon's phrases, index[1] the rule
	 * catalog's (matched only where the lexicon found nothing) */
	struct scan_index {
		uint32_t *start;
		uint32_t *list;
		size_t n;
	} index[2];
	struct scan_slang *slang;
	size_t nslang;
	struct scan_emoji *emoji;
	size_t nemoji;
	const char **items; /* interned catalog ids, sorted by scan_item_cmp */
	size_t nitems;
	char *elections;
	struct arena *arena; /* strings of the lexicon */
};

/* ---- stemcache.c: token -> ids ----------------------------------------- */

#define SCAN_INFO_WORDS 8 /* output words per cached token */
#define SCAN_WORD_IDS   4 /* ids per output word */

/* What one token turns into: up to SCAN_INFO_WORDS positions, each with
 * up to SCAN_WORD_IDS vocabulary ids (exact form, stem, numeral class,
 * hashtag form). */
struct scan_info {
	uint8_t nwords;
	uint8_t nids[SCAN_INFO_WORDS];
	uint32_t ids[SCAN_INFO_WORDS][SCAN_WORD_IDS];
};

struct scan_cache_ent {
	uint64_t hash; /* 0 = empty */
	uint32_t key_off;
	uint16_t key_len;
	uint16_t stem_len;
	uint32_t stem_off;
	uint32_t info; /* index into the info pool */
};

#define SCAN_FRONT_BITS 12 /* front cache: 4096 direct-mapped slots */

/* Direct-mapped front cache for tokens of at most 16 bytes: two words
 * compared in registers, no pool indirection (96 KB, in L2). */
struct scan_front {
	uint64_t w0, w1;
	uint32_t info;
	uint32_t len; /* 0 = empty */
};

struct scan_cache {
	struct scan_front front[1u << SCAN_FRONT_BITS];
	struct scan_cache_ent *ents;
	size_t cap, count, max_cap;
	char *pool; /* keys and stems */
	size_t pool_len, pool_cap;
	struct scan_info *infos;
	size_t ninfo, info_cap;
	struct sb_stemmer *stemmer;
	uint64_t hits, misses, stems, resets;
};

void scan_cache_init(struct scan_cache *c, size_t max_entries);
void scan_cache_release(struct scan_cache *c);
/* The ids of a normalised token (kind: enum scan_tok_kind); text must be
 * zero-padded to a multiple of 8 bytes.  The pointer stays valid until
 * the next lookup. */
const struct scan_info *scan_cache_lookup(struct scan_cache *c, const struct scan_lexicon *lex,
					  const char *text, size_t len, int kind);
/* The same for a token straight from the tokenizer (uses tok->w). */
const struct scan_info *scan_cache_lookup_tok(struct scan_cache *c, const struct scan_lexicon *lex,
					      const struct scan_token *tok);
/* Stem of a word through the cache (for tests and explanations). */
size_t scan_cache_stem(struct scan_cache *c, const struct scan_lexicon *lex, const char *w,
		       size_t n, char *out, size_t outsz);

/* ---- match.c ----------------------------------------------------------- */

/* A token position that carries vocabulary ids. */
struct scan_itok {
	uint32_t pos;
	uint32_t sent; /* sentence number */
	uint32_t start, end;
	uint8_t nids;
	uint32_t ids[SCAN_WORD_IDS];
};

/* Longest-match phrases over itoks (sorted by pos); appends to *m (grown
 * with xrealloc up to SCAN_MATCH_MAX).  Returns false when the match
 * limit cut the list. */
bool scan_match_phrases(const struct scan_lexicon *lex, const struct scan_itok *it, size_t n,
			struct scan_match **m, size_t *nm, size_t *mcap);
/* Mark acts and actors inside a negation's scope. */
void scan_match_negate(const struct scan_lexicon *lex, const struct scan_itok *it, size_t n,
		       struct scan_match *m, size_t nm);

/* ---- score.c ----------------------------------------------------------- */

struct scan_scorer {
	float *best;          /* per concept: strongest weight, reset after use */
	uint32_t *best_match; /* per concept: match index + 1, 0 = none */
	uint32_t *touched;
	size_t ntouched;
	uint8_t *item_seen;
	const char **items;
	size_t nitems;
};

void scan_scorer_init(struct scan_scorer *s, const struct scan_lexicon *lex);
void scan_scorer_release(struct scan_scorer *s);
void scan_score(struct scan_scorer *s, const struct scan_lexicon *lex, float threshold,
		unsigned flags, struct scan_match *m, size_t nm, const struct scan_itok *it,
		size_t nit, struct scan_result *res);

/* ---- scan.c ------------------------------------------------------------ */

struct scan_ctx {
	const struct scan_lexicon *lex;
	float threshold;
	struct scan_cache cache;
	struct scan_itok *itoks;
	size_t nitoks, itok_cap;
	struct scan_match *matches;
	size_t nmatches, match_cap;
	struct scan_scorer scorer;
	uint64_t tokens;
};

#endif
