/*
 * cases_common.c - audit records, deadlines and permission checks shared
 * by intake, the workflow, triage and the views.
 *
 * Deadlines: one computation (cases_deadline, through the memo) for every
 * clock the workflow starts; a count past the holiday data comes back
 * provisional and the clock still starts, with the flag and its reason
 * stored beside it (deadlines.provisional, migration 0004).
 * cases_deadline_recompute() is the pure step that a reload of the holiday
 * data uses to bring a stored deadline up to date.
 */
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "calendar/deadline.h"
#include "cases/cases_internal.h"
#include "cases/deadline_memo.h"
#include "core/xalloc.h"
#include "store/store_cases.h"

const char *
cases_actor(const struct principal *who)
{
	if (who == NULL || who->user_id == 0)
		return "publik";
	return who->username;
}

int
cases_record(struct store_conn *c, const struct principal *who, int64_t case_id, int64_t track_id,
	     const char *kind, json_t *data, int64_t now, struct errbuf *eb)
{
	struct audit_event ev;
	char *text = json_dumps(data, JSON_COMPACT);
	int rc;

	json_decref(data);
	if (text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "data audit tidak dapat dibentuk");
	memset(&ev, 0, sizeof(ev));
	ev.at = now;
	ev.case_id = case_id;
	ev.track_id = track_id;
	ev.user_id = who ? who->user_id : 0;
	ev.actor = cases_actor(who);
	ev.kind = kind;
	ev.data = text;
	rc = audit_append(c, &ev, eb);
	free(text);
	return rc;
}

const struct calendar *
cases_cal(const struct cases_ctx *cx)
{
	return calendar_live_get(cx->cal_live);
}

const struct tz *
cases_zone(const char *tzname)
{
	const struct tz *z = tz_find(str_from(tzname));

	return z ? z : &tz_wita;
}

/* The engine itself on calendar cal, without the memo. */
static int
compute_deadline(const struct cases_ctx *cx, const struct calendar *cal, const char *rule,
		 struct date start, const struct tz *zone, char **text, char due[DATE_STRLEN],
		 bool *provisional, struct errbuf *eb)
{
	const struct deadline_rule *r;
	struct deadline_result res;
	struct deadline_request rq;
	struct errbuf local;
	json_t *j;

	*text = NULL;
	errbuf_clear(&local);
	r = deadline_rule_find(cal, rule, start, &local);
	if (r == NULL) {
		const char *code = errbuf_code(&local);

		if (strcmp(code, "unknown_rule") == 0 || strcmp(code, "rule_not_in_effect") == 0)
			return 1;
		if (eb)
			*eb = local;
		return -1;
	}
	deadline_result_init(&res);
	if (deadline_compute(cal, r, start, zone, &cx->copts, &res, eb) < 0) {
		deadline_result_release(&res);
		return -1;
	}
	memset(&rq, 0, sizeof(rq));
	cstr_copy(rq.rule, sizeof(rq.rule), rule);
	date_format(start, rq.start);
	j = deadline_result_to_json(&rq, &res);
	*text = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	date_format(res.due, due);
	*provisional = res.provisional;
	deadline_result_release(&res);
	if (*text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "batas waktu %s tidak dapat ditulis", rule);
	return 0;
}

/* Through the memo, on a published calendar (the memo is keyed by its
 * address, which must not be reused while the memo may hold it). */
static int
cases_deadline_on(const struct cases_ctx *cx, const struct calendar *cal, const char *rule,
		  struct date start, const struct tz *zone, char **text, char due[DATE_STRLEN],
		  bool *provisional, struct errbuf *eb)
{
	bool prov = false;
	int rc;

	*text = NULL;
	if (cx->deadlines &&
	    (*text = deadline_memo_get(cx->deadlines, cal, rule, start, zone, due, &prov))) {
		if (provisional)
			*provisional = prov;
		return 0;
	}
	rc = compute_deadline(cx, cal, rule, start, zone, text, due, &prov, eb);
	if (rc != 0)
		return rc;
	if (provisional)
		*provisional = prov;
	if (cx->deadlines)
		deadline_memo_put(cx->deadlines, cal, rule, start, zone, *text, due, prov);
	return 0;
}

int
cases_deadline(const struct cases_ctx *cx, const char *rule, struct date start,
	       const struct tz *zone, char **text, char due[DATE_STRLEN], bool *provisional,
	       struct errbuf *eb)
{
	return cases_deadline_on(cx, cases_cal(cx), rule, start, zone, text, due, provisional, eb);
}

/* "provisional_reason" of a deadline's JSON text, or NULL */
static char *
provisional_reason(const char *text)
{
	json_t *j = json_loads(text, 0, NULL);
	const char *s = json_string_value(json_object_get(j, "provisional_reason"));
	char *copy = s ? xstrdup(s) : NULL;

	json_decref(j);
	return copy;
}

int
cases_deadline_recompute(const struct cases_ctx *cx, const struct calendar *cal, const char *rule,
			 const char *start_on, const char *tz, const char *stored_due,
			 bool stored_provisional, struct cases_recomputed *out, struct errbuf *eb)
{
	struct date start;
	int rc;

	memset(out, 0, sizeof(*out));
	if (date_parse(str_from(start_on), &start) < 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_date",
				       "tanggal mulai tenggat %s tidak sah", start_on);
	rc = compute_deadline(cx, cal ? cal : cases_cal(cx), rule, start, cases_zone(tz),
			      &out->text, out->due, &out->provisional, eb);
	if (rc != 0)
		return rc;
	out->reason = out->provisional ? provisional_reason(out->text) : NULL;
	out->changed = strcmp(out->due, stored_due) != 0 || out->provisional != stored_provisional;
	return 0;
}

void
cases_recomputed_release(struct cases_recomputed *r)
{
	free(r->text);
	free(r->reason);
	memset(r, 0, sizeof(*r));
}

int
cases_deadline_start(const struct cases_ctx *cx, struct store_conn *c, int64_t case_id,
		     int64_t track_id, const char *rule, struct date start, const struct tz *zone,
		     json_t *started, struct errbuf *eb)
{
	struct store_deadline_new d;
	char due[DATE_STRLEN], from[DATE_STRLEN];
	char *text, *reason = NULL;
	bool provisional = false;
	int rc;

	rc = cases_deadline(cx, rule, start, zone, &text, due, &provisional, eb);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (provisional)
		reason = provisional_reason(text);
	date_format(start, from);
	memset(&d, 0, sizeof(d));
	d.case_id = case_id;
	d.track_id = track_id;
	d.rule = rule;
	d.start_on = from;
	d.due_on = due;
	d.tz = zone->name;
	d.explanation_json = text;
	d.status = "open";
	d.provisional = provisional;
	d.provisional_reason = reason;
	rc = store_deadline_insert(c, &d, eb);
	if (rc == 0 && started)
		json_array_append_new(started, json_loads(text, 0, NULL));
	free(reason);
	free(text);
	return rc;
}

void
cases_scope(const struct principal *who, struct store_scope *sc)
{
	if (who == NULL || who->user_id == 0) {
		memset(sc, 0, sizeof(*sc));
		sc->none = true;
		return;
	}
	auth_scope(who, sc);
}

int
cases_require(const struct principal *who, enum perm perm, struct errbuf *eb)
{
	if (who == NULL || who->user_id == 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, perm))
		return errbuf_set(eb, ERR_FORBIDDEN, "peran Anda tidak diizinkan melakukan ini");
	return 0;
}
