/*
 * store_cases.h - cases, tracks, deadlines, evidence, witnesses, notes and
 * the case read models (src/store/cases.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_CASES_H
#define NETRA_STORE_STORE_CASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"
#include "store/store_users.h"

/* --- cases (src/store/cases.c) --------------------------------------------- */

struct store_case_new {
	const char *code;
	const char *kind;          /* laporan, temuan, informasi_awal */
	const char *election;      /* pemilu2024 */
	const char *election_kind; /* pemilu, pilkada */
	const char *state;
	const char *region_code;
	int64_t office_id;
	int64_t received_at;
	const char *tz;
	const char *occurred_on; /* YYYY-MM-DD or NULL */
	const char *known_on;
	const char *place;
	const char *description;
	const unsigned char *sealed; /* sealed reporter identity or NULL */
	size_t sealed_len;
	int64_t sealed_office;
	const char *missing_json; /* JSON array of missing requirements */
	const char *channel;
};

/* ERR_CONFLICT with code "duplicate_code" when the tracking code exists. */
int store_case_insert(struct store_conn *c, const struct store_case_new *n, int64_t *id,
		      struct errbuf *eb);

struct store_track_new {
	const char *name;
	const char *nip;
	const char *nik;
	const char *agency;
	const char *position;
	const char *status;
	const char *state;
	int64_t person_id;
	int64_t ppk_office_id;
};

int store_track_insert(struct store_conn *c, int64_t case_id, const struct store_track_new *t,
		       int64_t now, int64_t *id, struct errbuf *eb);
/* The registry: find a person by NIP (or create one); without a NIP a new
 * person row is made. */
int store_person_upsert(struct store_conn *c, const struct store_track_new *t,
			const char *name_norm, const char *region, int64_t now, int64_t *id,
			struct errbuf *eb);
int store_witness_insert(struct store_conn *c, int64_t case_id, const char *name,
			 const char *address, const char *phone, struct errbuf *eb);

struct store_evidence_new {
	const char *kind; /* berkas, tautan, teks */
	const char *sha256;
	const char *mime;
	int64_t size;
	const char *filename;
	const char *url;
	const char *note;
};

int store_evidence_insert(struct store_conn *c, int64_t case_id, const struct store_evidence_new *e,
			  int64_t now, struct errbuf *eb);

struct store_deadline_new {
	int64_t case_id;
	int64_t track_id; /* 0: the case */
	const char *rule;
	const char *start_on;
	const char *due_on;
	const char *tz;
	const char *explanation_json;
	const char *status;             /* open, met, missed */
	bool provisional;               /* counted past the holiday data (deadline.h) */
	const char *provisional_reason; /* NULL unless provisional */
};

int store_deadline_insert(struct store_conn *c, const struct store_deadline_new *d,
			  struct errbuf *eb);
/* Close open deadlines of a case (track_id 0: case-level, -1: all) whose rule is
 * rule (NULL: any); status met/missed/stopped/extended is decided per row:
 * when status is "met" and the row is already past due on `today`, it is
 * closed as "missed".  *closed gets the count. */
int store_deadline_close(struct store_conn *c, int64_t case_id, int64_t track_id, const char *rule,
			 const char *status, const char *today, int64_t at, const char *reason,
			 int *closed, struct errbuf *eb);
/* Start date of the open case-level deadline of rule (ERR_NOT_FOUND when none). */
int store_deadline_open_start(struct store_conn *c, int64_t case_id, const char *rule,
			      char start[11], struct errbuf *eb);
int store_note_insert(struct store_conn *c, int64_t case_id, int64_t user_id, int64_t now,
		      const char *body, struct errbuf *eb);

struct store_case_row {
	int64_t id;
	char code[16];
	char kind[16];
	char election[32];
	char election_kind[16];
	char state[32];
	char region_code[24];
	int64_t office_id;
	int64_t received_at;
	char tz[8];
	char occurred_on[11];
	char known_on[11];
	int64_t assigned_to;
	int64_t merged_into;
	bool has_sealed;
	int64_t sealed_office;
};

/* Scope-checked: ERR_NOT_FOUND when the case does not exist or is outside
 * the scope (never reveal which). */
int store_case_row_get(struct store_conn *c, const struct store_scope *sc, int64_t id,
		       struct store_case_row *out, struct errbuf *eb);
/* By public tracking code; not scoped (the public status page). */
int store_case_row_by_code(struct store_conn *c, const char *code, struct store_case_row *out,
			   struct errbuf *eb);
int store_case_set_state(struct store_conn *c, int64_t id, const char *state, int64_t now,
			 struct errbuf *eb);
int store_case_set_assignee(struct store_conn *c, int64_t id, int64_t user_id, int64_t now,
			    struct errbuf *eb);
int store_case_set_merged(struct store_conn *c, int64_t id, int64_t into, int64_t now,
			  struct errbuf *eb);
int store_case_set_recommended(struct store_conn *c, int64_t id, struct errbuf *eb);
/* Atomically give up to n unassigned open cases in scope, oldest first, to
 * user_id (the single writer makes it race-free). */
int store_cases_claim(struct store_conn *c, const struct store_scope *sc, int64_t user_id, int n,
		      int64_t now, int64_t *ids, int *nids, struct errbuf *eb);
/* The office of kind (bawaslu, ppk, ...) whose region is the longest prefix
 * of region ("" matches a national office); ERR_NOT_FOUND when none. */
int store_office_for_region(struct store_conn *c, const char *kind, const char *region,
			    struct store_office *out, struct errbuf *eb);
/* Sealed identity blob (malloc'd, caller frees) and the office it is sealed to. */
int store_case_sealed(struct store_conn *c, int64_t id, unsigned char **blob, size_t *len,
		      int64_t *office_id, struct errbuf *eb);

struct store_track_row {
	int64_t id;
	int64_t case_id;
	int64_t person_id;
	int64_t ppk_office_id;
	char name[160];
	char nip[24];
	char status[24];
	char state[32];
	char rec_level[16];
	char rec_institution[8];
	int64_t rec_at;
};

#define STORE_MAX_TRACKS 32

int store_tracks_of_case(struct store_conn *c, int64_t case_id, struct store_track_row *out,
			 size_t max, size_t *n, struct errbuf *eb);
int store_track_set_state(struct store_conn *c, int64_t track_id, const char *state, int64_t now,
			  struct errbuf *eb);
int store_track_set_recommendation(struct store_conn *c, int64_t track_id, const char *rec_json,
				   const char *level, const char *institution,
				   int64_t ppk_office_id, int64_t at, struct errbuf *eb);
int store_track_set_sanction(struct store_conn *c, int64_t track_id, const char *form,
			     const char *level, const char *sk, const char *on, const char *cmp,
			     int64_t at, struct errbuf *eb);

/* --- case read models (JSON, for the API and the pages) -------------------- */

/* Full detail: case, tracks (a PPK sees only its own), deadlines, evidence,
 * witnesses, notes, timeline, merges.  Never the reporter's identity. */
int store_case_detail(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		      struct errbuf *eb);

struct store_case_filter {
	const char *state;
	const char *election;
	const char *kind;
	const char *q;       /* substring of the description or a terlapor name */
	int64_t assigned_to; /* > 0: this user */
	bool unassigned;
	bool overdue;      /* an open deadline before today */
	bool due_soon;     /* an open deadline from today to soon */
	char today[3][11]; /* local dates in WIB, WITA, WIT */
	char soon[3][11];
	int64_t before_id; /* cursor: only ids below this */
	int limit;
};

/* One row of the case list.  The strings live until the callback returns. */
struct store_case_item {
	int64_t id;
	const char *code, *kind, *election, *state, *region_code, *tz;
	int64_t received_at;
	const char *assigned_to; /* username, or NULL */
	const char *summary;     /* the description's first 240 characters */
	int64_t merged_into;     /* 0: not merged */
	const char *terlapor;    /* names joined by "; ", or NULL */
	const char *next_due;    /* earliest open deadline (YYYY-MM-DD), or NULL */
	const char *next_rule;   /* its rule, when next_due is set */
	bool next_provisional;   /* next_due counted past the holiday data */
	bool overdue;            /* next_due before today in the case's zone */
	bool due_soon;           /* next_due from today to soon */
};
typedef int (*store_case_item_fn)(void *arg, const struct store_case_item *it);

/* Newest first, each row handed to fn (a negative return stops the list and
 * is returned); *next_before is the cursor for the next page (0: none). */
int store_case_list(struct store_conn *c, const struct store_scope *sc,
		    const struct store_case_filter *f, store_case_item_fn fn, void *arg,
		    int64_t *next_before, struct errbuf *eb);
/* Public status by code: state, dates and deadlines; no personal data. */
int store_case_public(struct store_conn *c, const char *code, json_t **out, struct errbuf *eb);
/* Cases in scope that share a terlapor (NIP or normalised name) with case
 * id, with their descriptions and dates, for duplicate detection. */
int store_case_related(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		       struct errbuf *eb);

#endif
