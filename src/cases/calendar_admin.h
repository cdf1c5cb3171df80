/*
 * calendar_admin.h - administrators maintain the calendar without a
 * release: add, import and remove holidays, add an election, and keep
 * every running calendar and open deadline in step with the change.
 *
 * One change is one write job: the rows (src/store/calendar.c), the audit
 * event of the change, the new calendar built from the data files plus
 * every admin row (calendar_load_admin(); a row that does not fit fails
 * the job and nothing is written), and the recomputation of every open
 * deadline due on or after the earliest changed date, each moved deadline
 * with its own audit event (old due, new due, why).  After the commit the
 * new calendar is published to cx->cal_live and the deadline memo is
 * cleared.  Adapters (CLI, pages, API) only translate.
 *
 * Another process (the CLI beside a running server, later another node on
 * the same database) is noticed by cases_calendar_refresh(): it compares
 * the database's calendar version with the published one and reloads when
 * they differ; `netra serve` calls it every [server] calendar_refresh
 * seconds (default CALENDAR_REFRESH_S) and on SIGHUP.  After every publish
 * the deadlines started since the change (ids above its deadlines_upto),
 * counted on the calendar before it, are recounted on the new one.
 *
 * Errors in eb: invalid_holiday / invalid_data (Indonesian, with file:line
 * for an import), duplicate_holiday, unknown_holiday, year_not_loaded (a
 * single holiday in a year without data: import the whole year first).
 */
#ifndef NETRA_CASES_CALENDAR_ADMIN_H
#define NETRA_CASES_CALENDAR_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cases/cases.h"
#include "store/store.h"
#include "store/store_calendar.h"

#define CALENDAR_REFRESH_S    5
#define CALENDAR_IMPORT_BYTES (1u << 20)

struct calendar_actor {
	const char *name; /* the username, or "sistem" for the CLI */
	int64_t user_id;  /* 0 for the CLI */
	const char *via;  /* "cli", "web", "api" */
};

struct calendar_change {
	size_t rows;         /* holidays added or removed */
	int64_t id;          /* the row added (the first of an import) or removed */
	char first_date[11]; /* earliest changed date; "" for an election */
	size_t moved;        /* open deadlines whose due date moved */
	size_t rewritten;    /* open deadlines whose explanation changed (moved included) */
	char election_id[32];
	bool replaced; /* an election of that id was there before */
};

/* Who may change the calendar: an administrator (PERM_USER_ADMIN) of a
 * national office, since holidays and election schedules are national.
 * -1 with ERR_UNAUTHORIZED / ERR_FORBIDDEN (code "forbidden") otherwise. */
struct principal;
int cases_calendar_require(const struct principal *who, struct errbuf *eb);

/* The calendar of the data files (dir: knowledge dir or NULL) plus the
 * admin rows of st, and the database's calendar version. */
int cases_calendar_load(struct store *st, const char *dir, struct calendar **out, int64_t *version,
			struct errbuf *eb);

/* h's date, kind (libur_nasional, cuti_bersama, libur_pemilu or the short
 * forms libur, pemungutan), name, basis and source_url (may be "") are
 * read; added_by and added_at come from who and the clock. */
int cases_calendar_holiday_add(struct cases_ctx *cx, const struct store_cal_holiday *h,
			       const struct calendar_actor *who, struct calendar_change *out,
			       struct errbuf *eb);
/* A CSV with the columns of holidays.csv; every row is checked first
 * (file:line in eb), then all are written in one transaction. */
int cases_calendar_holiday_import(struct cases_ctx *cx, const char *file, const char *text,
				  size_t len, const struct calendar_actor *who,
				  struct calendar_change *out, struct errbuf *eb);
int cases_calendar_holiday_remove(struct cases_ctx *cx, int64_t id,
				  const struct calendar_actor *who, struct calendar_change *out,
				  struct errbuf *eb);
/* One election file (the format of data/calendars/elections/ID.json). */
int cases_calendar_election_add(struct cases_ctx *cx, const char *text, size_t len,
				const struct calendar_actor *who, struct calendar_change *out,
				struct errbuf *eb);
/* Reload when the database's calendar version differs from the published
 * one; *reloaded says whether it did. */
int cases_calendar_refresh(struct cases_ctx *cx, bool *reloaded, struct errbuf *eb);

#endif
