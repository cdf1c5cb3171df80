/*
 * cases_common.c - audit records, deadlines and permission checks shared
 * by intake, the workflow, triage and the views.
 */
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "calendar/deadline.h"
#include "cases/cases_internal.h"
#include "cases/deadline_memo.h"

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

int
cases_deadline(const struct cases_ctx *cx, const char *rule, struct date start,
	       const struct tz *zone, char **text, char due[DATE_STRLEN], struct errbuf *eb)
{
	return cases_deadline_on(cx, cases_cal(cx), rule, start, zone, text, due, eb);
}

int
cases_deadline_on(const struct cases_ctx *cx, const struct calendar *cal, const char *rule,
		  struct date start, const struct tz *zone, char **text, char due[DATE_STRLEN],
		  struct errbuf *eb)
{
	const struct deadline_rule *r;
	struct deadline_result res;
	struct deadline_request rq;
	struct errbuf local;
	json_t *j;

	*text = NULL;
	if (cx->deadlines &&
	    (*text = deadline_memo_get(cx->deadlines, cal, rule, start, zone, due)))
		return 0;
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
	deadline_result_release(&res);
	if (*text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "batas waktu %s tidak dapat ditulis", rule);
	if (cx->deadlines)
		deadline_memo_put(cx->deadlines, cal, rule, start, zone, *text, due);
	return 0;
}

int
cases_deadline_start(const struct cases_ctx *cx, struct store_conn *c, int64_t case_id,
		     int64_t track_id, const char *rule, struct date start, const struct tz *zone,
		     json_t *started, struct errbuf *eb)
{
	struct store_deadline_new d;
	char due[DATE_STRLEN], from[DATE_STRLEN];
	char *text;
	int rc;

	rc = cases_deadline(cx, rule, start, zone, &text, due, eb);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
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
	rc = store_deadline_insert(c, &d, eb);
	if (rc == 0 && started)
		json_array_append_new(started, json_loads(text, 0, NULL));
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
