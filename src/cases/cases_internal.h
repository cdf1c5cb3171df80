/*
 * cases_internal.h - helpers shared by the files of src/cases/.
 */
#ifndef NETRA_CASES_INTERNAL_H
#define NETRA_CASES_INTERNAL_H

#include "cases/cases.h"

/* "budi" / "publik" for the audit log */
const char *cases_actor(const struct principal *who);
/* Append an audit event in the current job; data is taken (decref'd). */
int cases_record(struct store_conn *c, const struct principal *who, int64_t case_id,
		 int64_t track_id, const char *kind, json_t *data, int64_t now, struct errbuf *eb);
/* Zone of a case's tz name (WITA when unknown). */
const struct tz *cases_zone(const char *tzname);
/*
 * Compute deadline rule from the local date start (remembered in
 * cx->deadlines when there is one).  Returns 0 and sets *text (malloc'd
 * compact JSON {"rule","start","due","unit","explanation","skipped",
 * "provisional",...}), due (YYYY-MM-DD) and *provisional (may be NULL:
 * counted past the holiday data, see deadline.h); 1 when the calendar has
 * no such rule in effect (the step simply has no clock); -1 on error.
 */
int cases_deadline(const struct cases_ctx *cx, const char *rule, struct date start,
		   const struct tz *zone, char **text, char due[DATE_STRLEN], bool *provisional,
		   struct errbuf *eb);
/* Start a deadline inside a job: compute and insert; *started (may be NULL)
 * gets the JSON appended. */
int cases_deadline_start(const struct cases_ctx *cx, struct store_conn *c, int64_t case_id,
			 int64_t track_id, const char *rule, struct date start,
			 const struct tz *zone, json_t *started, struct errbuf *eb);
/* The scope of who (the public: none). */
void cases_scope(const struct principal *who, struct store_scope *sc);
/* Refuse with ERR_FORBIDDEN unless who may do perm. */
int cases_require(const struct principal *who, enum perm perm, struct errbuf *eb);

#endif
