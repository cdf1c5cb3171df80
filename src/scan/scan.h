/*
 * scan.h - the screening engine: bytes in, matches out.
 *
 * A text (a post, a news paragraph, a feed item) is normalised (case,
 * diacritics, styled Unicode letters, stretched letters, slang, emoji
 * gestures, hashtags), tokenised, stemmed through a per-context cache and
 * matched against phrases from the lexicon files under data/scan/ (and
 * from the rule catalog, passed in as struct scan_phrase).  An additive
 * model whose weights live in data/scan/model.json turns the matches into
 * a score in [0, 1] and a label; every number can be explained in
 * Indonesian (scan_result_explain).
 *
 * Lifetimes and threads:
 *  - struct scan_lexicon is built once (scan_lexicon_load), immutable
 *    afterwards and may be shared by any number of threads;
 *  - struct scan_ctx holds the stemmer, the token cache and the result
 *    buffers of one thread: one context per thread, never shared;
 *  - a struct scan_result points into its context and stays valid until
 *    the next scan_text() on that context.
 * Limits: texts longer than SCAN_TEXT_MAX bytes are screened up to that
 * length (result->truncated); tokens longer than SCAN_TOKEN_MAX bytes
 * never match; at most SCAN_MATCH_MAX matches are kept per text.
 * Invalid UTF-8 is replaced, never fatal: scan_text() cannot fail.
 */
#ifndef NETRA_SCAN_SCAN_H
#define NETRA_SCAN_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

#define SCAN_TEXT_MAX  (1u << 20) /* bytes screened per text (1 MiB) */
#define SCAN_TOKEN_MAX 64         /* normalised bytes kept per token */
#define SCAN_MATCH_MAX 4096       /* matches kept per text */

enum scan_label {
	SCAN_LABEL_UNRELATED = 0,
	SCAN_LABEL_NEUTRAL = 1,   /* "neutral_mention": ASN/neutrality topic, no violation */
	SCAN_LABEL_VIOLATION = 2, /* "possible_violation" */
	SCAN_LABEL__COUNT
};

/* Stable names used in JSON ("possible_violation", ...). */
const char *scan_label_name(enum scan_label l);
/* Short Indonesian title ("dugaan pelanggaran", ...). */
const char *scan_label_title(enum scan_label l);
/* Parse a stable name; -1 when unknown. */
int scan_label_parse(const char *s, size_t n, enum scan_label *out);

enum scan_cat {
	SCAN_CAT_ACTOR,    /* ASN and positions (camat, guru, ...) */
	SCAN_CAT_FACILITY, /* state facilities (mobil dinas, jam kerja) */
	SCAN_CAT_ACT,      /* partisan acts (coblos, tim sukses, ...) */
	SCAN_CAT_TARGET,   /* candidates, parties */
	SCAN_CAT_ELECTION, /* election context, no weight */
	SCAN_CAT_APPEAL,   /* appeals, rules, sosialisasi: lower the score */
	SCAN_CAT_TOPIC,    /* neutrality as a topic */
	SCAN_CAT_SANCTION, /* sanctions mentioned */
	SCAN_CAT_INCIDENT, /* report-of-an-incident cues */
	SCAN_CAT_NEGATION, /* negators (scope only) */
	SCAN_CAT_IGNORE,   /* look-alike phrases that absorb tokens */
	SCAN_CAT__COUNT
};

/* Stable names used in the data files and in JSON ("actor", ...). */
const char *scan_cat_name(enum scan_cat c);
/* Indonesian name for explanations ("aktor ASN", ...). */
const char *scan_cat_title(enum scan_cat c);
int scan_cat_parse(const char *s, enum scan_cat *out);

/*
 * A phrase supplied by another module (the rule catalog's keywords).
 * text uses the term syntax of data/scan/lexicon.json ("~dukung paslon",
 * "foto bersama", "<angka> jari"); with stem set, every plain word of four
 * letters or more matches by its stem.  A phrase the lexicon already has
 * only adds its item to that phrase (when the categories agree); the
 * others form one concept per distinct text, listing every item that
 * names it, and are matched only where the lexicon matched nothing.  A
 * weight of 0 makes an act that names items (result->items) without
 * adding evidence: that is how the CLI feeds the rule catalog, so that
 * the lexicon and model.json decide the score.  All strings are copied.
 */
struct scan_phrase {
	const char *text;
	const char *item; /* catalog item id ("KE-4"), or NULL */
	enum scan_cat cat;
	float weight;
	bool generic;     /* acts: counts only with election context */
	bool stem;        /* match plain words by stem */
	const char *note; /* Indonesian gloss, or NULL */
};

struct scan_lexicon_opts {
	const char *dir;      /* knowledge dir; NULL or "" = embedded data */
	const char *election; /* one candidates file ("pemilu2024"); NULL = all */
	const struct scan_phrase *extra;
	size_t nextra;
};

struct scan_lexicon;

/*
 * Load data/scan/{model,lexicon,normalise}.json and
 * every data/scan/candidates/NAME.json (from opts->dir when set, else the embedded
 * copies), add opts->extra and compile the matcher.  Errors
 * (ERR_INVALID_INPUT, Indonesian message naming file and entry) leave
 * *out NULL.
 */
int scan_lexicon_load(struct scan_lexicon **out, const struct scan_lexicon_opts *opts,
		      struct errbuf *eb);
void scan_lexicon_free(struct scan_lexicon *lex);

/* Read-only facts about a compiled lexicon. */
struct scan_lexicon_info {
	size_t nconcepts, nphrases, nwords, nslang, nemoji;
	float threshold;
	const char *elections; /* comma-separated ids of loaded candidate files */
};
void scan_lexicon_get_info(const struct scan_lexicon *lex, struct scan_lexicon_info *info);

/* One phrase of the compiled lexicon, for explanations and outputs. */
struct scan_phrase_info {
	const char *text;    /* as written in the data file */
	const char *concept; /* concept id ("tim_sukses", "item:KE-4", "pemilu2024:2") */
	const char *note;    /* Indonesian gloss ("" when none) */
	enum scan_cat cat;
	float weight;
	bool generic, negates;
	const char *const *items;
	size_t nitems;
};
const struct scan_phrase_info *scan_lexicon_phrase(const struct scan_lexicon *lex, uint32_t idx);

#define SCAN_MATCH_NEGATED 0x01 /* inside a negation's scope */
#define SCAN_MATCH_NOCTX   0x02 /* generic term without the context it needs */
#define SCAN_MATCH_COUNTED 0x04 /* contributed to the score or the actor weight */
#define SCAN_MATCH_ITEMS   0x08 /* a rule-catalog phrase: names items, adds no weight */

struct scan_match {
	uint32_t start, end; /* byte span in the text */
	uint32_t pos;        /* token position of the first word */
	uint32_t phrase;     /* scan_lexicon_phrase() index */
	uint8_t cat;         /* enum scan_cat */
	uint8_t flags;       /* SCAN_MATCH_* */
	float weight;        /* contribution when counted, else 0 */
};

struct scan_result {
	enum scan_label label;
	float score;                /* A * D * S clamped to [0, 1] */
	float actor;                /* A: strongest actor weight */
	float distance;             /* D: 1, or far_factor when actor and act are far apart */
	float evidence;             /* S: capped sum of the category sums */
	float sum[SCAN_CAT__COUNT]; /* capped, signed contribution per category */
	float threshold;
	bool election_ctx; /* the text is about an election */
	bool rule_ctx;     /* the text talks about rules or neutrality */
	bool author_asn;   /* SCAN_AUTHOR_ASN was given */
	bool truncated;    /* text or match list was cut at a limit */
	int actor_match;   /* index of the actor match behind A, or -1 */
	size_t ntokens;
	const struct scan_match *matches;
	size_t nmatches;
	const char *const *items; /* catalog items of counted acts, sorted */
	size_t nitems;
};

struct scan_ctx;

/* Dies on out-of-memory; lex must outlive the context. */
struct scan_ctx *scan_ctx_new(const struct scan_lexicon *lex);
void scan_ctx_free(struct scan_ctx *sc);
/* Override the lexicon's threshold for possible_violation (0 < t <= 1). */
void scan_ctx_set_threshold(struct scan_ctx *sc, float t);
const struct scan_lexicon *scan_ctx_lexicon(const struct scan_ctx *sc);

/* Cache counters, for tests and benchmarks. */
struct scan_ctx_stats {
	uint64_t tokens, cache_hits, cache_misses, stems, cache_resets;
};
void scan_ctx_get_stats(const struct scan_ctx *sc, struct scan_ctx_stats *st);

#define SCAN_AUTHOR_ASN (1u << 0) /* the author is a known ASN account */

/* Screen one text.  res points into sc until the next call. */
void scan_text(struct scan_ctx *sc, const char *text, size_t len, unsigned flags,
	       struct scan_result *res);

/*
 * One JSON object, no newline:
 *   {"id":..,"label":..,"score":..,"items":[..],"spans":[{"start","end",
 *    "kind","concept","term","text","w"[,"negated"]}][,"hash"]}
 * The first five keys are the stable shape of `netra scan --json`.
 * hash (BLAKE2b-128 of the text, hex) is added when with_hash is true.
 */
void scan_result_json(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		      const char *id, size_t idlen, const char *text, size_t len, bool with_hash);
/* Multi-line Indonesian explanation of how the label and score came about. */
void scan_result_explain(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
			 const char *text, size_t len);
/* One short Indonesian paragraph for a flagged item (the CLI summary). */
void scan_result_summary(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
			 const char *id, size_t idlen, const char *text, size_t len);
/* Content hash for storage and de-duplication: BLAKE2b-128, 32 hex + NUL. */
void scan_content_hash(const char *text, size_t len, char out[33]);

/* Evaluation against labelled texts (`netra scan --eval`). */
struct scan_eval {
	uint64_t confusion[SCAN_LABEL__COUNT][SCAN_LABEL__COUNT]; /* [truth][predicted] */
	uint64_t n;
};

void scan_eval_add(struct scan_eval *ev, enum scan_label truth, enum scan_label predicted);
/* Precision, recall, F1 per label, macro averages, accuracy and the
 * confusion matrix: an Indonesian table, or one JSON object. */
void scan_eval_report(const struct scan_eval *ev, struct buf *out, bool json);

#endif
