/*
 * stats.h - the figures behind the officers' dashboard (/kantor/dasbor,
 * GET /api/v1/stats) and the public transparency page (/transparansi,
 * GET /api/v1/stats/public).
 *
 * Officers get exact counts inside their scope (the store applies it in
 * every query, as for the case lists).  The public gets the same kind of
 * figures over every case, with small counts suppressed before anything
 * leaves this module: a suppressed cell carries no number at all, only
 * {"suppressed": "small"} (fewer than the threshold) or "complementary"
 * (hidden so that a small cell cannot be recomputed from a total); a
 * table with hidden cells shows its total rounded.  The threshold, the
 * rounding base and the outcome categories are data
 * (data/stats/transparansi.json, or DIR/stats/ with a knowledge dir).
 *
 * Figures are cached per scope and filter: an entry is reused while the
 * store has taken no write since it was computed, or, when computing it
 * was slow (a big store), for up to STATS_SLOW_TTL_S seconds, after which
 * a background thread recomputes it while requests keep getting the
 * previous figures.  Every answer says when it was computed.
 *
 * Ownership: stats_service_new() borrows the store, the region table, the
 * rule catalog and the calendar (they must outlive it) and owns its cache.  Returned
 * JSON belongs to the caller and must be treated as read-only (it may be
 * shared with the cache).  Thread-safe.
 */
#ifndef NETRA_STATS_STATS_H
#define NETRA_STATS_STATS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/form.h"
#include "store/store.h"
#include "store/store_stats.h"

struct calendar;
struct region_table;
struct rules_catalog;
struct stats_service;

#define STATS_SLOW_MS       200 /* a computation this slow is cached by time */
#define STATS_SLOW_TTL_S    60
#define STATS_CACHE_ENTRIES 64
#define STATS_TOP_AGENCIES  15
#define STATS_MAX_RANGE_D   3660 /* longest date range of a filter, days */

/* --- the dashboard filter (pure; fuzzed) --------------------------------- */

struct stats_filter {
	char election[32]; /* "" any; [a-z0-9_] */
	char kind[16];     /* "" any; laporan, temuan, informasi_awal */
	char region[24];   /* "" any; dotted Kemendagri prefix NN[.NN[.NN]] */
	char from[11];     /* "" open; YYYY-MM-DD, local date of receipt, inclusive */
	char to[11];       /* "" open; inclusive */
	enum store_stat_period period;
};

/*
 * Read election, kind, region, from, to and period (bulan|minggu) from a
 * query or form; absent or empty fields are "any".  ERR_INVALID_INPUT with
 * the field name and an Indonesian message for a malformed value.
 */
int stats_filter_parse(const struct form *q, struct stats_filter *out, struct errbuf *eb);
/* The store filter: local dates to the store's local-time bounds (each
 * case is judged by the date in its own zone).  Strings point into f. */
void stats_filter_store(const struct stats_filter *f, struct store_stat_filter *out);
/* A short cache key for f ("" fields included), into out. */
void stats_filter_key(const struct stats_filter *f, char *out, size_t outsz);

/* --- suppression (pure) ---------------------------------------------------- */

enum stats_hidden { STATS_SHOWN = 0, STATS_SMALL, STATS_COMPLEMENTARY };

struct stats_cell {
	int64_t n;
	enum stats_hidden hidden;
};

/*
 * Primary suppression: every cell with n < threshold is STATS_SMALL.
 * Complementary: when any cell of the table is hidden, the smallest shown
 * cell is hidden too (STATS_COMPLEMENTARY), so that no hidden cell can be
 * recovered from the table's total and the other cells.  Returns the
 * number of hidden cells.
 */
size_t stats_suppress(struct stats_cell *cells, size_t n, int64_t threshold);
/* A total for display: exact when nothing is hidden, else rounded to the
 * nearest multiple of base (base <= 1: exact).  *rounded says which. */
int64_t stats_total_display(int64_t total, size_t hidden, int64_t base, bool *rounded);

/* --- the transparency configuration (data) -------------------------------- */

struct stats_outcome {
	char id[32];
	char label_id[96];
	char label_en[96];
	char **case_states; /* NULL-terminated; NULL: any */
	char **track_states;
};

struct stats_public_cfg {
	int64_t threshold;  /* counts below it are suppressed */
	int64_t total_base; /* totals of tables with hidden cells round to this */
	struct stats_outcome *outcomes;
	size_t noutcomes;
	char *note_id; /* shown on the page */
	char *note_en;
};

/* Parse data/stats/transparansi.json text (pure; fuzzed). */
int stats_public_cfg_parse(struct stats_public_cfg *out, const char *text, size_t len,
			   const char *source, struct errbuf *eb);
/* Load it from the embedded data (dir NULL or "") or DIR/stats/. */
int stats_public_cfg_load(struct stats_public_cfg *out, const char *dir, struct errbuf *eb);
void stats_public_cfg_release(struct stats_public_cfg *c);
/* The outcome of a terlapor (index into cfg->outcomes), or -1 for none. */
int stats_outcome_of(const struct stats_public_cfg *c, const char *case_state,
		     const char *track_state);

/* --- the service -------------------------------------------------------------- */

struct stats_deps {
	struct store *store;
	const struct region_table *regions;   /* NULL: regions by code only */
	const struct rules_catalog *catalog;  /* NULL: items by id only */
	const struct calendar *cal;           /* NULL: elections by id only */
	const char *knowledge_dir;            /* NULL or "": embedded data */
	const struct calendar_live *cal_live; /* when set, wins over cal (admins may replace it) */
};

int stats_service_new(struct stats_service **out, const struct stats_deps *d, struct errbuf *eb);
/* Waits for background computations to end. */
void stats_service_free(struct stats_service *s);
/* Start computing the public figures in the background (server start), so
 * that the first visitor of a big store does not wait for them. */
void stats_service_warm(struct stats_service *s);
const struct stats_public_cfg *stats_service_public_cfg(const struct stats_service *s);

/*
 * The officer's figures inside who's scope (PERM_DASHBOARD; ERR_FORBIDDEN
 * otherwise, ERR_UNAUTHORIZED for the public):
 * {"generated_at", "took_ms", "filter", "scope", "totals", "by_region",
 *  "by_state", "by_track_state", "by_election", "by_kind", "by_status",
 *  "by_level", "by_item", "by_agency", "trend", "ppk", "rec_vs_sanction",
 *  "deadlines"}; docs/internals/dasbor.md lists every field.
 */
int stats_dashboard(struct stats_service *s, const struct principal *who,
		    const struct stats_filter *f, json_t **out, struct errbuf *eb);

/*
 * The public figures over every case, suppressed (see above); election ""
 * or an election id of the calendar (ERR_NOT_FOUND "unknown_election"
 * otherwise, when the service has a calendar): {"generated_at", "election", "threshold",
 * "total_base", "cases", "terlapor", "by_region", "by_item",
 * "by_outcome"}, each table {"rows": [...cell...], "total": cell} and a
 * cell {"n"} when shown or {"suppressed": "small"|"complementary"}.
 */
int stats_public(struct stats_service *s, const char *election, json_t **out, struct errbuf *eb);

/*
 * Rendered answers of the public figures (the transparency page, its JSON
 * twin), kept while the figures they were made from are the current ones:
 * the key is the identity of the figures object from the statistics cache
 * (held by reference, so it cannot be freed and reused while kept) and a
 * variant ("id|pemilu2024", "json|").  A hit appends the bytes to *out
 * (caller owns them).  Thread-safe; a few slots, least recently used out.
 */
bool stats_rendered_get(json_t *fig, const char *variant, struct buf *out);
void stats_rendered_put(json_t *fig, const char *variant, const char *data, size_t len);

/* Median and 90th percentile (nearest rank) of sorted values; 0 for none. */
int64_t stats_percentile(const int64_t *sorted, size_t n, int pct);

#endif
