/*
 * store_screening.h - screened items and watched accounts
 * (src/store/screening.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_SCREENING_H
#define NETRA_STORE_STORE_SCREENING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"

/* --- screening: screened items and watched accounts (src/store/screening.c) ---
 *
 * Written by the screening module (src/screening/); see
 * docs/internals/screening.md.  The queue, get, decide and stats take a
 * struct store_scope and apply it in the query: an item of region R is
 * visible when R lies inside the scope's prefix; an item of unknown region
 * ("") only to national (prefix "") and provincial (two-character prefix)
 * scopes.  recommended_only and ppk_office_id do not apply to screened
 * items (screening is a pengawas and analis permission); none refuses with
 * ERR_FORBIDDEN.  Read models are JSON objects with times as unix seconds
 * ("captured_ts", "seen_ts", "decided_ts"); the caller formats them.
 */

struct store_screened_new {
	const char *source;       /* "" when unknown */
	const char *external_id;  /* NULL when none */
	const char *author;       /* as written in the feed, or NULL */
	const char *url;          /* NULL when none */
	int64_t captured_at;      /* the item's time; 0: unknown */
	int64_t seen_at;          /* when netra loaded it */
	const char *text;         /* valid UTF-8 without NUL bytes */
	const char *content_hash; /* 32 hex digits (scan_content_hash of text) */
	const char *label;        /* possible_violation, neutral_mention, unrelated */
	int score_pct;            /* 0..100 */
	const char *items_json;   /* JSON array text */
	const char *spans_json;   /* JSON array text */
	const char *election;     /* NULL when unknown */
	const char *region_code;  /* "" when unknown */
	bool author_asn;
	int64_t account_id;  /* 0: none */
	int64_t person_id;   /* 0: none */
	const char *channel; /* cli, api */
};

/* Inside a job: insert unless an item with the same content hash exists.
 * *inserted says which; *id (may be NULL) gets the new id, 0 for a duplicate. */
int store_screened_insert(struct store_conn *c, const struct store_screened_new *n, bool *inserted,
			  int64_t *id, struct errbuf *eb);

#define STORE_SCREENED_LIMIT_MAX 500

struct store_screened_filter {
	const char *state;    /* baru (also for NULL), dikonfirmasi, diabaikan */
	const char *label;    /* NULL: any */
	int min_score_pct;    /* 0: any */
	bool asn_only;        /* only items of watched accounts */
	int after_score_pct;  /* keyset cursor: the last item of the previous page ... */
	int64_t after_id;     /* ... (0: first page) */
	int limit;            /* 1..STORE_SCREENED_LIMIT_MAX; else 50 */
	size_t excerpt_chars; /* cut "text" to this many characters; 0: whole text */
};

/* Best first: score, then newest.  *items gets a JSON array; *next_id (and
 * *next_score) the cursor of the next page, 0 when this is the last. */
int store_screened_list(struct store_conn *c, const struct store_scope *sc,
			const struct store_screened_filter *f, json_t **items, int *next_score,
			int64_t *next_id, struct errbuf *eb);
/* One item with its whole text; ERR_NOT_FOUND when absent or out of scope. */
int store_screened_get(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		       struct errbuf *eb);

struct store_screened_decision {
	int64_t id;
	const char *state; /* dikonfirmasi or diabaikan */
	int64_t user_id;
	int64_t at;
	const char *reason;      /* required for diabaikan; the officer's note otherwise */
	int64_t case_id;         /* the temuan; required for dikonfirmasi */
	const char *region_code; /* NULL: keep; else the region given on confirming */
};

/* Inside a job: record a decision.  ERR_NOT_FOUND when absent or out of
 * scope; ERR_CONFLICT code "already_decided" when the item is not baru. */
int store_screened_decide(struct store_conn *c, const struct store_scope *sc,
			  const struct store_screened_decision *d, struct errbuf *eb);
/* Counts in scope per score band (score_pct / 10, 0..9; 100 counts as 9),
 * label and state: [{"band", "label", "state", "n"}]. */
int store_screened_stats(struct store_conn *c, const struct store_scope *sc, json_t **rows,
			 struct errbuf *eb);

struct store_watch_account {
	int64_t id;
	char platform[32]; /* lower case; "" = any source */
	char handle[128];  /* lower case, no leading '@' */
	int64_t person_id; /* 0: not linked */
	char name[256];
	char nip[24]; /* "" when unknown */
	char agency[256];
	char position[256];
	char status[24]; /* report_status_canonical() names */
	char region_code[24];
	char note[512];
	char added_by[64];
	int64_t added_at;
	int64_t updated_at;
};

typedef int (*store_watch_account_fn)(void *arg, const struct store_watch_account *a);

/*
 * Inside a job: insert or update by (platform, handle).  An account with a
 * NIP is linked to that person of the registry (persons), who is created
 * when absent (name_norm: the normalised name); an existing person is not
 * changed.  Fills a->id and a->person_id; *created (may be NULL) tells an
 * insert from an update.  Callers validate lengths first.
 */
int store_watch_account_put(struct store_conn *c, struct store_watch_account *a,
			    const char *name_norm, bool *created, struct errbuf *eb);
/* Inside a job; ERR_NOT_FOUND when there is no such account. */
int store_watch_account_delete(struct store_conn *c, const char *platform, const char *handle,
			       struct errbuf *eb);
/* Every account, by platform then handle; fn returning non-zero stops. */
int store_watch_account_list(struct store_conn *c, store_watch_account_fn fn, void *arg,
			     struct errbuf *eb);

#endif
