/*
 * store_stats.h - grouped counts for the figures and the export iterator
 * (src/store/stats.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_STATS_H
#define NETRA_STORE_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"
#include "store/store_cases.h"

/* --- statistics and exports (src/store/stats.c) --------------------------
 *
 * Grouped counts for the dashboard, the transparency page and the JSON
 * statistics, and the row iterator behind the CSV/XLSX exports.  Every
 * query takes the principal's scope exactly as the case lists do (an
 * ordered index on prov/kabkota where the scope allows; a PPK office sees
 * only the tracks addressed to it) and a filter whose values are bound.
 * Merged cases (merged_into set) are left out of every count: their
 * reports live on in the case they were merged into.  Callbacks get one
 * row at a time; a non-zero return stops the walk and is returned.
 * Counting walks give one row per counted thing (case, track, item,
 * deadline) with n = 1, in no particular order, and the same key many
 * times: the caller adds them up (a GROUP BY would make SQLite sort every
 * row before the first answer).  The PPK walk is grouped per office.
 */

struct store_stat_filter {
	const char *election; /* NULL or "": any */
	const char *kind;     /* laporan, temuan, informasi_awal; NULL or "": any */
	const char *region;   /* region prefix that narrows the scope; NULL or "": none */
	/* local time of receipt in [from, to), counted in seconds from
	 * 1970-01-01T00:00 in the case's own zone, so that local date d starts
	 * at days(d) * 86400; 0: open */
	int64_t from, to;
};

enum store_stat_period { STORE_STAT_MONTH, STORE_STAT_WEEK };

/* One cell of the case cube.  Strings point into the store's row and are
 * valid only during the callback. */
struct store_stat_case {
	const char *region; /* kab/kota ("64.08"), or the province of a province-wide case */
	const char *state;  /* case state */
	const char *election;
	const char *kind;
	const char *period; /* local month "2024-01" or week "2024-01-08" (its Monday) */
	int64_t n;
};

/* One cell of the track (terlapor) cube; strings as above. */
struct store_stat_track {
	const char *case_state;
	const char *state;     /* track state */
	const char *status;    /* PNS, PPPK, non_asn, ... */
	const char *rec_level; /* "" when not recommended */
	const char *sanction_level;
	const char *cmp; /* lower, equal, higher, "" */
	int64_t n;
};

/* Per PPK office: what reached it and what it did.  "sent" counts tracks
 * with a ppk.tindak_lanjut clock (the recommendation reached the PPK).
 * Strings as above. */
struct store_stat_ppk {
	int64_t office_id;
	const char *code;
	const char *name;
	int64_t sent;
	int64_t sanctioned;   /* sanction recorded */
	int64_t on_time;      /* sanctioned with the PPK clock met */
	int64_t not_followed; /* now tidak_ditindaklanjuti */
	int64_t escalated;    /* now eskalasi */
	int64_t lower, equal, higher;
};

typedef int (*store_stat_case_fn)(void *arg, const struct store_stat_case *r);
typedef int (*store_stat_track_fn)(void *arg, const struct store_stat_track *r);
typedef int (*store_stat_key_fn)(void *arg, const char *key, const char *key2, int64_t n);
typedef int (*store_stat_ppk_fn)(void *arg, const struct store_stat_ppk *r);
typedef int (*store_stat_days_fn)(void *arg, int64_t office_id, int64_t days);

/* Cases with (region, state, election, kind, period): one scan. */
int store_stat_cases(struct store_conn *c, const struct store_scope *sc,
		     const struct store_stat_filter *f, enum store_stat_period period,
		     store_stat_case_fn fn, void *arg, struct errbuf *eb);
/* Tracks with (case state, state, status, levels, comparison): one scan. */
int store_stat_tracks(struct store_conn *c, const struct store_scope *sc,
		      const struct store_stat_filter *f, store_stat_track_fn fn, void *arg,
		      struct errbuf *eb);
/* Tracks with their agency as written ("" when unknown). */
int store_stat_agencies(struct store_conn *c, const struct store_scope *sc,
			const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
			struct errbuf *eb);
/* Recommended tracks with each catalog item id of their recommendation
 * (key; key2 NULL): three items, three rows. */
int store_stat_items(struct store_conn *c, const struct store_scope *sc,
		     const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
		     struct errbuf *eb);
/* Deadlines with their rule (key) and status (key2). */
int store_stat_deadlines(struct store_conn *c, const struct store_scope *sc,
			 const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
			 struct errbuf *eb);
/* PPK compliance, one row per PPK office that received something. */
int store_stat_ppk(struct store_conn *c, const struct store_scope *sc,
		   const struct store_stat_filter *f, store_stat_ppk_fn fn, void *arg,
		   struct errbuf *eb);
/* Calendar days from the start of the PPK clock to the sanction's SK date,
 * per sanctioned track, ordered by office then days (for medians). */
int store_stat_ppk_days(struct store_conn *c, const struct store_scope *sc,
			const struct store_stat_filter *f, store_stat_days_fn fn, void *arg,
			struct errbuf *eb);

/* One export row: a case and one of its terlapor tracks (none: a case
 * without terlapor gives one row with track_id 0).  Never the reporter,
 * never witnesses, never the description.  Strings are never NULL ("" for
 * none) and valid only during the callback. */
struct store_export_row {
	int64_t case_id;
	const char *code;
	int64_t received_at;
	const char *tz;
	const char *election;
	const char *kind;
	const char *state;
	const char *region_code;
	const char *office;
	int64_t track_id;
	const char *name;
	const char *nip;
	const char *status;
	const char *agency;
	const char *track_state;
	const char *rec_level;
	const char *rec_institution;
	const char *ppk_office;
	const char *sanction_form;
	const char *sanction_level;
	const char *sanction_sk;
	const char *sanction_on;
	const char *cmp;
	const char *next_due; /* YYYY-MM-DD of the earliest open deadline, "" none */
	const char *next_rule;
};

typedef int (*store_export_fn)(void *arg, const struct store_export_row *r);

/*
 * One page of export rows, newest case first: the cases of the inbox
 * filter lf (state, election, kind, q, assigned, overdue, due_soon; its
 * before_id is the cursor and limit the number of cases, 1..1000) further
 * narrowed by f, each followed by its tracks.  *next_before gets the
 * cursor of the next page (0: this was the last).
 */
int store_export_page(struct store_conn *c, const struct store_scope *sc,
		      const struct store_case_filter *lf, const struct store_stat_filter *f,
		      store_export_fn fn, void *arg, int64_t *next_before, struct errbuf *eb);

#endif
