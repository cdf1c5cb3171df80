/*
 * store_calendar.h - the calendar's admin additions: holidays, elections,
 * the version (src/store/calendar.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_CALENDAR_H
#define NETRA_STORE_STORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"

/* --- calendar: admin additions (src/store/calendar.c, migration 0005) ------ */

/* One admin holiday row; date YYYY-MM-DD, kind libur_nasional,
 * cuti_bersama or libur_pemilu (checked by the calendar module). */
struct store_cal_holiday {
	int64_t id;
	char date[11];
	char kind[16];
	char name[256];
	char basis[1024];
	char source_url[1024];
	char added_by[64];
	int64_t added_at;
};

/* The number every calendar change bumps (in the change's transaction). */
int store_cal_version(struct store_conn *c, int64_t *version, struct errbuf *eb);
/* The same with the highest deadline id when that version was made (the
 * deadlines its change recomputed). */
int store_cal_version_upto(struct store_conn *c, int64_t *version, int64_t *deadlines_upto,
			   struct errbuf *eb);
/* ERR_CONFLICT "duplicate_holiday" when an active row has the same date,
 * kind and name.  Bumps the version. */
int store_cal_holiday_insert(struct store_conn *c, const struct store_cal_holiday *h, int64_t *id,
			     struct errbuf *eb);
/* Marks row id removed (out gets it as it was); ERR_NOT_FOUND
 * "unknown_holiday" when there is no active admin row id. */
int store_cal_holiday_remove(struct store_conn *c, int64_t id, const char *who, int64_t at,
			     struct store_cal_holiday *out, struct errbuf *eb);
typedef int (*store_cal_holiday_fn)(void *arg, const struct store_cal_holiday *h);
/* Active rows by date; fn returns nonzero to stop. */
int store_cal_holiday_each(struct store_conn *c, store_cal_holiday_fn fn, void *arg,
			   struct errbuf *eb);

struct store_cal_election {
	int64_t id;
	char election_id[32];
	const char *body; /* the JSON file; valid during the callback */
	size_t body_len;
	char added_by[64];
	int64_t added_at;
};

/* Store a version of election_id (an earlier active one is marked removed:
 * *replaced).  Bumps the version. */
int store_cal_election_put(struct store_conn *c, const char *election_id, const char *body,
			   const char *who, int64_t at, int64_t *id, bool *replaced,
			   struct errbuf *eb);
typedef int (*store_cal_election_fn)(void *arg, const struct store_cal_election *e);
int store_cal_election_each(struct store_conn *c, store_cal_election_fn fn, void *arg,
			    struct errbuf *eb);

struct store_open_deadline {
	int64_t id, case_id, track_id;
	char rule[64];
	char start_on[11];
	char due_on[11];
	char tz[8];
	bool provisional;
};
typedef int (*store_open_deadline_fn)(void *arg, const struct store_open_deadline *d);
/* Deadlines with an id above after_id that are open and due on or after
 * from (YYYY-MM-DD), or provisional, open or closed (its due date and flag
 * may still change; its status does not), by id. */
int store_deadlines_open_from(struct store_conn *c, const char *from, int64_t after_id,
			      store_open_deadline_fn fn, void *arg, struct errbuf *eb);
/* New due date, explanation and provisional flag (with its reason, NULL
 * when not provisional) of an open or a provisional deadline (a calendar
 * change); its status stays. */
int store_deadline_redate(struct store_conn *c, int64_t id, const char *due_on,
			  const char *explanation_json, bool provisional, const char *reason,
			  struct errbuf *eb);

#endif
