/*
 * screening.h - screened texts into the store and through the officers'
 * triage (issue 6 §2-3).
 *
 *   feed (JSON lines, RSS/Atom, text) -> scan engine -> threshold ->
 *   screened_items (deduplicated by content hash) -> queue (best first,
 *   scoped by region) -> confirm (a temuan through the case service) or
 *   dismiss (with a reason) -> decision statistics for tuning.
 *
 * The watched-account list links feed authors to known persons (ASN
 * accounts): an item by a watched author is screened with SCAN_AUTHOR_ASN,
 * stored whatever its score, flagged, and carries the account's region and
 * person.  Pipeline and tuning: docs/internals/screening.md.
 *
 * Errors: functions return 0 or -1 and fill eb with an Indonesian message
 * and, where a client must tell cases apart, a stable code
 * (already_decided, region_required, election_required, daluarsa, ...).
 * Every decision is one write job that also appends its audit event; a
 * confirmation creates the temuan in that same job, so an item is never
 * confirmed without its case nor a case made twice from one item.
 *
 * Threads: the pure helpers and a loaded struct screening_accounts may be
 * used from any thread; a struct screening_ingest belongs to one thread.
 */
#ifndef NETRA_SCREENING_SCREENING_H
#define NETRA_SCREENING_SCREENING_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "feed/feed.h"
#include "scan/run.h"
#include "scan/scan.h"
#include "store/store.h"

struct cases_ctx;
struct principal;
struct region_table;
struct rules_catalog;

/* --- limits ------------------------------------------------------------------ */

#define SCREENING_SOURCE_MAX   64   /* bytes kept of an item's "source" */
#define SCREENING_AUTHOR_MAX   256  /* ... of "author" */
#define SCREENING_ID_MAX       256  /* ... of "id" */
#define SCREENING_URL_MAX      2000 /* ... of "url" (the temuan's evidence limit) */
#define SCREENING_REASON_MAX   1000 /* bytes of a dismissal reason or a note */
#define SCREENING_EXCERPT      600  /* characters of text in a queue row */
#define SCREENING_ACCOUNTS_MAX 100000
#define SCREENING_LIST_BYTES   (32u << 20) /* an account-list file */

/* --- pure helpers (fuzzed: tests/fuzz/fuzz_screening.c) ---------------------- */

/* Append s to out with every invalid UTF-8 sequence and every NUL byte
 * replaced by U+FFFD; true when something was replaced. */
bool screening_utf8_clean(struct buf *out, const char *s, size_t n);
/* The longest prefix of s of at most max bytes that ends on a UTF-8
 * character boundary. */
size_t screening_utf8_cut(const char *s, size_t n, size_t max);
/*
 * An item's time: feed_time_parse() (feed/feed.h), the one parser netra
 * scan and netra monitor share.  0 and *out, or -1.
 */
int screening_time_parse(const char *s, size_t n, int64_t *out);
/* Account handle as matched: trimmed, without a leading '@', ASCII lower
 * case.  -1 when empty, too long for out, or holding spaces or controls. */
int screening_handle_norm(const char *s, size_t n, char *out, size_t outsz);
/* Platform or source name as matched: trimmed, ASCII lower case; "" allowed. */
int screening_platform_norm(const char *s, size_t n, char *out, size_t outsz);

/*
 * The text as HTML with the matched spans wrapped in
 * <mark class="k-KIND[ neg][ off]" title="TITLE: TERM">.  Every piece of
 * text and every attribute is escaped; spans that are malformed (not
 * objects, out of range, not on UTF-8 boundaries, overlapping an earlier
 * one) are skipped, never trusted.  titles[SCAN_CAT__COUNT] names the
 * categories (the page's language); NULL uses the engine's Indonesian names.
 */
void screening_highlight_html(struct buf *out, const char *text, size_t len, const json_t *spans,
			      const char *const *titles);

/* --- the watched-account list --------------------------------------------------- */

enum screening_list_format { SCREENING_LIST_AUTO, SCREENING_LIST_CSV, SCREENING_LIST_JSONL };

/* One row of an account list; strings point into the parser's arena. */
struct screening_account {
	const char *platform, *handle, *name, *nip, *agency, *position, *status;
	const char *region_code, *note;
	size_t line;
};

/*
 * Parse an account list (pure over (p, n); strings in a).  CSV: a header
 * row naming the columns platform, akun (or handle), nama, nip, instansi,
 * jabatan, status, kode_wilayah, catatan in any order (akun and nama
 * required); JSON lines: objects with the same keys.  Unknown columns or
 * keys are refused (a misspelt one would drop data silently).  Values are
 * checked: handle shape, NIP of 18 digits, status (PNS, PPPK, ...), region
 * code shape and, when regions is not NULL, its existence.  The first bad
 * row fails the whole list with "LINE: message" (ERR_INVALID_INPUT).
 * AUTO picks JSON lines when the first non-blank byte is '{'.
 */
int screening_accounts_parse(struct arena *a, const char *p, size_t n,
			     enum screening_list_format fmt, const struct region_table *regions,
			     struct screening_account **rows, size_t *nrows, struct errbuf *eb);

struct screening_import_stats {
	size_t rows, created, updated, linked; /* linked: with a person of the registry */
};

/* Parse and store a whole list in one write job (all or nothing), with one
 * audit event naming who imported it. */
int screening_accounts_import(struct store *st, const char *p, size_t n,
			      enum screening_list_format fmt, const struct region_table *regions,
			      const char *added_by, int64_t user_id,
			      struct screening_import_stats *out, struct errbuf *eb);
/* Remove one account (one write job with its audit event). */
int screening_accounts_remove(struct store *st, const char *platform, const char *handle,
			      const char *actor, int64_t user_id, struct errbuf *eb);

/* The list in memory for matching authors; immutable once loaded. */
struct screening_accounts;

struct screening_watch {
	int64_t account_id;
	int64_t person_id;       /* 0: not linked */
	const char *region_code; /* "" when unknown */
};

int screening_accounts_load(struct screening_accounts **out, struct store *st, struct errbuf *eb);
void screening_accounts_free(struct screening_accounts *acc);
size_t screening_accounts_count(const struct screening_accounts *acc);
/* The account of author on source (an account with platform "" matches any
 * source); NULL when the author is not watched. */
const struct screening_watch *screening_accounts_find(const struct screening_accounts *acc,
						      const char *source, size_t slen,
						      const char *author, size_t alen);

/* --- ingest: `netra monitor` and POST /api/v1/screening/ingest ------------------ */

/* The screening lexicon with the rule catalog's anchors (as `netra scan`
 * loads it); cat NULL loads the catalog from dir (a catalog that fails to
 * load is skipped with a warning in the log). */
int screening_lexicon_load(struct scan_lexicon **out, const char *dir,
			   const struct rules_catalog *cat, struct errbuf *eb);

struct screening_ingest_opts {
	struct store *store;
	const struct scan_lexicon *lex;
	const struct screening_accounts *accounts; /* NULL: nobody is watched */
	float threshold;                           /* 0: the model's (data/scan/model.json) */
	const char *election;                      /* NULL: unknown */
	const char *region;  /* NULL or "": unknown unless the account has one */
	const char *channel; /* "cli" or "api" */
	const char *actor;   /* audit: username or "sistem" */
	int64_t user_id;     /* audit: 0 for the system */
	size_t batch_items;  /* items per write job; 0: SCREENING_BATCH_DEFAULT */
	/* a malformed item ("where" is FILE:LINE or FILE#N); may be NULL */
	void (*on_error)(void *arg, const char *where, const char *msg);
	void *error_arg;
};

#define SCREENING_BATCH_DEFAULT 512
#define SCREENING_BATCH_BYTES   (4u << 20)

struct screening_ingest_stats {
	uint64_t read;       /* items screened */
	uint64_t errors;     /* malformed items, overlong lines */
	uint64_t stored;     /* new items in the queue */
	uint64_t duplicates; /* candidates whose content hash was already stored */
	uint64_t below;      /* under the threshold and not by a watched author */
	uint64_t watched;    /* items by watched authors (stored or duplicate) */
	uint64_t untimed;    /* "ts" present but unreadable */
	uint64_t bytes;
	uint64_t by_label[SCAN_LABEL__COUNT];        /* every item read */
	uint64_t stored_by_label[SCAN_LABEL__COUNT]; /* new items */
	float threshold;
};

struct screening_ingest;

/* Dies on out-of-memory; o and what it points to must outlive the object. */
struct screening_ingest *screening_ingest_new(const struct screening_ingest_opts *o);
/* Screen one item; malformed items are counted and reported, never fatal. */
void screening_ingest_item(struct screening_ingest *g, const struct feed_item *it,
			   const char *where);
/* Stream a file ("-": stdin) in constant memory; fmt SCAN_FORMAT_AUTO picks
 * by extension, then by the first byte.  -1 only when it cannot be read. */
int screening_ingest_file(struct screening_ingest *g, const char *path, enum scan_format fmt,
			  struct errbuf *eb);
/* JSON lines held in memory (an HTTP body); name labels error locations. */
void screening_ingest_lines(struct screening_ingest *g, const char *p, size_t n, const char *name);
/* Flush the last batch and wait until every write is durable; -1 when a
 * write failed (the items of that batch are not stored). */
int screening_ingest_finish(struct screening_ingest *g, struct screening_ingest_stats *out,
			    struct errbuf *eb);
void screening_ingest_free(struct screening_ingest *g);

/* --- triage: the officers' queue -------------------------------------------------- */

struct screening_ctx {
	struct cases_ctx *cases;        /* store, calendar, regions, config */
	const struct scan_lexicon *lex; /* explanations; NULL: none */
};

struct screening_query {
	const char *state;     /* baru (NULL), dikonfirmasi, diabaikan */
	const char *label;     /* NULL or a scan label name */
	const char *min_score; /* "0.5" or NULL */
	bool asn_only;
	const char *cursor; /* from a previous page, or NULL */
	int limit;          /* 0: 50 */
};

/*
 * {"items": [...], "next_cursor": "..."|null, "threshold": x}.  Items:
 * {"id","source","external_id","author","url","captured_at","seen_at",
 *  "text" (SCREENING_EXCERPT characters),"text_truncated","content_hash",
 *  "label","score","score_pct","items","spans","election","region_code",
 *  "author_asn","account","person_id","state","decision","channel"}; times
 * in the viewer's time zone.  Needs PERM_SCREENING; scope in the query.
 */
int screening_queue(const struct screening_ctx *sx, const struct principal *who,
		    const struct screening_query *q, json_t **out, struct errbuf *eb);
/* One item, whole text, plus "explanation" (the engine's Indonesian account
 * of the score, recomputed with the current lexicon). */
int screening_item(const struct screening_ctx *sx, const struct principal *who, int64_t id,
		   json_t **out, struct errbuf *eb);

struct screening_confirm_req {
	const char *region;    /* required when the item's region is unknown */
	const char *pemilihan; /* required when the item names no election */
	json_t *terlapor;      /* array (report shape) or NULL: the watched account's person */
	const char *note;      /* the officer's note, cited in the uraian */
};

/*
 * Make a temuan from the item as who (PERM_SCREENING and
 * PERM_TEMUAN_CREATE): the text (bukti teks), the URL (bukti tautan), the
 * author, capture time and content hash as evidence; waktu_kejadian and
 * waktu_diketahui are the capture date (the temuan limit applies: a
 * too-old item fails with "daluarsa").  The temuan and the decision are
 * one write job.  *out: {"item", "case": {"id","code"}, "receipt"}.
 */
int screening_confirm(const struct screening_ctx *sx, const struct principal *who, int64_t id,
		      const struct screening_confirm_req *rq, struct arena *a, json_t **out,
		      struct errbuf *eb);
/* Dismiss with a reason (1..SCREENING_REASON_MAX bytes); *out: the item. */
int screening_dismiss(const struct screening_ctx *sx, const struct principal *who, int64_t id,
		      const char *reason, json_t **out, struct errbuf *eb);
/*
 * Decisions for tuning: {"threshold", "totals", "bands": [{"from","to",
 * "label","baru","dikonfirmasi","diabaikan"}], "cutoffs": [{"at",
 * "confirmed","dismissed","precision","confirmed_share"}], "note"}.
 */
int screening_stats(const struct screening_ctx *sx, const struct principal *who, json_t **out,
		    struct errbuf *eb);

/* "85_1234" <-> (85, 1234); -1 for anything else. */
int screening_cursor_parse(const char *s, int *score_pct, int64_t *id);

#endif
