/*
 * cases.h - handling a suspected violation from intake to the PPK's
 * sanction: intake of laporan and temuan, the workflow with its statutory
 * clocks, triage, duplicates and merges, recommendations and sanctions,
 * and the custodian's opening of a sealed reporter identity.
 *
 * Every function takes the principal making the request and enforces its
 * permissions here and its region scope in the store query; the HTTP API,
 * the web pages and the CLI all come through these functions.  Every
 * change is one write job (one transaction, group-committed) that also
 * appends its audit event, so a change and its record are never apart.
 */
#ifndef NETRA_CASES_CASES_H
#define NETRA_CASES_CASES_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "calendar/calendar.h"
#include "cases/report.h"
#include "cases/trackcode.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_cases.h"

struct region_table;
struct check_service;
struct office_cache;
struct seal_sender;
struct deadline_memo;

/* What the case service needs; process lifetime, read-only after init. */
struct cases_ctx {
	struct store *store;
	struct calendar_live *cal_live;     /* the current calendar: read it with cases_cal() */
	const struct region_table *regions; /* NULL: region codes are checked by shape only */
	const struct check_service *check;  /* the rule catalog and its readings */
	const struct config *cfg;
	struct calendar_opts copts;
	char base_url[256];
	struct office_cache *offices; /* routing and sealing keys, briefly remembered */
	struct seal_sender *sealer;   /* epoch keys for sealing identities; NULL: one-shot seals */
	struct deadline_memo *deadlines; /* computed deadlines remembered; NULL: none */
};

/* --- deadlines ------------------------------------------------------------ */

/* One stored deadline computed again (cases_deadline_recompute()). */
struct cases_recomputed {
	char due[DATE_STRLEN]; /* YYYY-MM-DD */
	bool provisional;
	char *text;   /* malloc'd compact JSON as stored in deadlines.explanation */
	char *reason; /* malloc'd provisional_reason when provisional, else NULL */
	bool changed; /* due or provisional differ from what was stored */
};

/*
 * Compute a stored deadline again from what the deadlines table keeps
 * (rule, start_on, tz) on calendar cal (NULL: the one in force), e.g.
 * after a year of holidays was loaded and an open provisional deadline can
 * now be counted exactly.  It bypasses the memo and writes nothing:
 * out->changed tells whether due_on or provisional must be updated (and
 * audited) by the caller; out->text is the new explanation JSON either way
 * (release with cases_recomputed_release()).  Returns 0, 1 when the rule
 * is no longer in effect for that start (nothing to recompute), -1 with eb
 * on error.
 */
int cases_deadline_recompute(const struct cases_ctx *cx, const struct calendar *cal,
			     const char *rule, const char *start_on, const char *tz,
			     const char *stored_due, bool stored_provisional,
			     struct cases_recomputed *out, struct errbuf *eb);
void cases_recomputed_release(struct cases_recomputed *r);
/* The calendar in force now (data files + admin additions).  A caller
 * takes it once per operation and keeps using that pointer: a newer one may
 * be published meanwhile, the old one stays valid until exit. */
const struct calendar *cases_cal(const struct cases_ctx *cx);

/* --- intake ---------------------------------------------------------------- */

/* the filing check, the follow-up, the first review and the repair clocks */
#define INTAKE_MAX_DEADLINES 4

struct intake_deadline {
	char rule[64];
	char start[DATE_STRLEN];
	char due[DATE_STRLEN];
	const char *status;       /* "met" (the filing check) or "open" */
	char *text;               /* the computed deadline as compact JSON, without status */
	bool provisional;         /* counted past the holiday data */
	char *provisional_reason; /* malloc'd; NULL unless provisional */
};

struct intake {
	/* input */
	struct report report;
	const struct principal *who; /* NULL or anonymous for the public */
	int64_t received_at;
	const char *channel; /* web, api, cli, import */

	/* computed by cases_intake_prepare() */
	struct cases_ctx *cx;
	char code[TRACKCODE_LEN];
	const char *kind;  /* laporan, temuan, informasi_awal */
	const char *state; /* diterima or perlu_perbaikan */
	char election_kind[16];
	const struct tz *zone;
	struct date received_on; /* local date */
	int64_t office_id;
	char office_name[160];
	json_t *missing; /* [{"code", "label"}] */
	struct intake_deadline deadlines[INTAKE_MAX_DEADLINES];
	size_t ndeadlines;
	json_t *notes; /* receipt notes */
	unsigned char *sealed;
	size_t sealed_len;
	int64_t sealed_office;
	/* prepared off the writer thread, so the write job only inserts */
	char *missing_text;
	char *event_text;                    /* audit data; rebuilt if the code must change */
	char norm[REPORT_MAX_TERLAPOR][128]; /* normalised terlapor names */

	/* result */
	int64_t case_id;
	struct store_job job;
	void (*done)(struct intake *in, int rc, const struct errbuf *eb);
	void *done_arg;
};

void cases_intake_init(struct intake *in);
void cases_intake_release(struct intake *in);
/*
 * Judge completeness and timeliness, pick the office, seal the identity,
 * store evidence files durably, compute the deadlines.  A time-barred
 * report fails with ERR_UNPROCESSABLE and code "daluarsa" (the message gives
 * the dates and the rule); an incomplete one succeeds with state
 * "perlu_perbaikan" and in->missing listing what is missing.
 */
int cases_intake_prepare(struct cases_ctx *cx, struct arena *a, struct intake *in,
			 struct errbuf *eb);
/* Store asynchronously; in->done runs after the commit is durable. */
void cases_intake_submit(struct cases_ctx *cx, struct intake *in);
/* Store and wait. */
int cases_intake_write(struct cases_ctx *cx, struct intake *in, struct errbuf *eb);
/* Store inside the caller's write job (c is the job's connection), for a
 * caller that must commit the intake together with a change of its own
 * (the screening queue records its decision in the same transaction). */
int cases_intake_run(struct cases_ctx *cx, struct store_conn *c, struct intake *in,
		     struct errbuf *eb);
/* The receipt: {"code","status","status_label","kind","received_at","tz","office",
 * "status_url","deadlines","missing","evidence","notes"}, written to out as
 * JSON (the API's reply), or as a jansson object (pages and the CLI). */
void cases_intake_receipt_write(const struct cases_ctx *cx, const struct intake *in,
				struct buf *out);
json_t *cases_intake_receipt(const struct cases_ctx *cx, const struct intake *in);

/* --- the workflow ------------------------------------------------------------ */

struct transition_req {
	const char *action;
	int64_t track_id; /* 0 for a case-scope transition */
	const char *reason;
	/* rekomendasikan */
	const char *level;      /* moral ringan sedang berat ptdh; NULL: the evaluator's */
	json_t *items;          /* catalog item ids (array of strings) or NULL */
	const char *ppk_office; /* office code of the PPK, NULL: found by region */
	/* catat_sanksi */
	const char *sk_number;
	const char *sk_date;
	const char *form;
	const char *sanction_level;
	/* eskalasi */
	const char *escalation; /* pemblokiran_data, teguran_ppk */
};

/* Apply one transition; *result gets {"case": state, "track": state,
 * "deadlines": [...started]}. */
int cases_transition(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
		     const struct transition_req *rq, json_t **result, struct errbuf *eb);

/* --- triage -------------------------------------------------------------------- */

int cases_assign(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
		 const char *username, struct errbuf *eb);
int cases_claim(struct cases_ctx *cx, const struct principal *who, int n, json_t **ids,
		struct errbuf *eb);
int cases_note(struct cases_ctx *cx, const struct principal *who, int64_t case_id, const char *body,
	       struct errbuf *eb);
int cases_merge(struct cases_ctx *cx, const struct principal *who, int64_t case_id, int64_t into_id,
		const char *reason, struct errbuf *eb);
/* Likely duplicates: [{"id","code","score","reasons":[...]}], best first. */
int cases_duplicates(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
		     json_t **out, struct errbuf *eb);
/* A custodian opens the sealed identity; the opening (with its reason, never
 * the identity) is written to the audit log first. */
int cases_unseal(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
		 const char *reason, const char *passphrase, json_t **identity, struct errbuf *eb);

/* --- views ------------------------------------------------------------------------ */

/* Full case with labels, the actions the viewer may take and duplicates. */
int cases_detail(struct cases_ctx *cx, const struct principal *who, int64_t case_id, json_t **out,
		 struct errbuf *eb);
/* The scoped list page as a JSON array appended to out (the API's items;
 * nothing is appended on error); *next_before is the next page's cursor. */
int cases_list_write(struct cases_ctx *cx, const struct principal *who, struct store_case_filter *f,
		     struct buf *out, int64_t *next_before, struct errbuf *eb);
/* The same page as a jansson array, for the officers' pages. */
int cases_list(struct cases_ctx *cx, const struct principal *who, struct store_case_filter *f,
	       json_t **items, int64_t *next_before, struct errbuf *eb);
/* Public status by tracking code (typed in any case, with or without dashes). */
int cases_public_status(struct cases_ctx *cx, const char *code, json_t **out, struct errbuf *eb);
/* Today's and today+2's local dates per zone, for list filters. */
void cases_filter_dates(struct store_case_filter *f);

#endif
