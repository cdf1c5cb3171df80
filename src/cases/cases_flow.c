/*
 * cases_flow.c - applying workflow transitions (workflow.h) to a case or
 * one of its tracks, with their deadlines, fields and audit record, in
 * one write job.
 *
 * Authorisation happens inside the job against the writer's view of the
 * case, so a transition never acts on a state it did not check.  After a
 * track transition the case state is derived again: every track decided ->
 * "diputus"; every track ended -> "selesai".
 */
#include <string.h>

#include "cases/cases_internal.h"
#include "cases/recommend.h"
#include "cases/workflow.h"
#include "core/datetime.h"
#include "domain/case_states.h"
#include "store/store_cases.h"

struct flow_job {
	struct cases_ctx *cx;
	const struct principal *who;
	int64_t case_id;
	const struct transition_req *rq;
	const struct wf_transition *t;
	struct store_scope scope;
	int64_t now;
	json_t *result;
};

/* Derive the case state from its tracks after a track transition. */
static int
derive_case_state(struct store_conn *c, const struct store_case_row *row, int64_t now,
		  const char **new_state, struct errbuf *eb)
{
	struct store_track_row tracks[STORE_MAX_TRACKS];
	size_t n, i;
	bool all_decided = true, all_ended = true;

	*new_state = NULL;
	if (store_tracks_of_case(c, row->id, tracks, STORE_MAX_TRACKS, &n, eb) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct wf_state *s = wf_state_find(tracks[i].state);

		if (strcmp(tracks[i].state, "proses") == 0)
			all_decided = false;
		if (s == NULL || !s->terminal)
			all_ended = false;
	}
	if (n && all_ended && case_state_in(CASE_STATES_TRACKS_OPEN, row->state))
		*new_state = "selesai";
	else if (n && all_decided && case_state_in(CASE_STATES_EXAMINING, row->state))
		*new_state = "diputus";
	if (*new_state)
		return store_case_set_state(c, row->id, *new_state, now, eb);
	return 0;
}

static int
close_rules(struct flow_job *j, struct store_conn *c, const struct store_case_row *row,
	    int64_t track_id, const char *const *rules, const char *status, const char *today,
	    json_t *closed, struct errbuf *eb)
{
	size_t i;

	for (i = 0; i < WF_MAX_RULES && rules[i]; i++) {
		char name[64];
		int n = 0;

		if (!wf_rule_name(rules[i], row->election_kind, name, sizeof(name)))
			continue;
		/* a track transition closes the track's clocks and the case's
		 * shared ones (the case-level tindak lanjut ends with the decision) */
		if (store_deadline_close(c, row->id, track_id ? -1 : 0, name, status, today, j->now,
					 j->rq->reason, &n, eb) < 0)
			return -1;
		if (n)
			json_array_append_new(closed, json_string(name));
	}
	return 0;
}

static int
sanction_fields(struct flow_job *j, const char *rec_level, const char **cmp, struct errbuf *eb)
{
	const struct transition_req *rq = j->rq;
	struct date d;
	int have, want;

	if (rq->sk_number == NULL || rq->sk_number[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "sk_number",
					"nomor SK hukuman disiplin harus diisi");
	if (rq->sk_date == NULL || date_parse(str_from(rq->sk_date), &d) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "sk_date",
					"tanggal SK harus diisi (YYYY-MM-DD)");
	if (rq->form == NULL || rq->form[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "form",
					"bentuk sanksi yang dijatuhkan harus diisi");
	have = wf_level_rank(rq->sanction_level);
	if (have < 0)
		return errbuf_set_field(
			eb, ERR_INVALID_INPUT, "sanction_level",
			"tingkat sanksi harus moral, ringan, sedang, berat atau ptdh");
	want = wf_level_rank(rec_level);
	*cmp = want < 0 ? NULL : have < want ? "lower" : have == want ? "equal" : "higher";
	return 0;
}

static int
flow_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct flow_job *j = arg;
	const struct wf_transition *t = j->t;
	const struct transition_req *rq = j->rq;
	struct store_case_row row;
	struct store_track_row tracks[STORE_MAX_TRACKS], *track = NULL;
	const struct tz *zone;
	struct date today, start;
	char today_s[DATE_STRLEN];
	const char *from, *to, *derived = NULL;
	json_t *started = json_array(), *closed = json_array(), *data;
	size_t ntracks = 0, i;

	if (store_case_row_get(c, &j->scope, j->case_id, &row, eb) < 0)
		goto fail;
	if (row.merged_into) {
		errbuf_set_code(eb, ERR_CONFLICT, "merged",
				"kasus ini sudah digabung ke kasus lain; tangani kasus induknya");
		goto fail;
	}
	zone = cases_zone(row.tz);
	today = time_local_date(j->now, zone->offset_min);
	date_format(today, today_s);
	data = json_object();
	json_object_set_new(data, "action", json_string(t->action));
	if (rq->reason && rq->reason[0])
		json_object_set_new(data, "reason", json_string(rq->reason));

	if (t->scope == WF_CASE) {
		from = row.state;
		if (!wf_allows_from(t, from)) {
			errbuf_set_code(eb, ERR_CONFLICT, "invalid_transition",
					"'%s' tidak dapat dilakukan pada kasus berstatus '%s'",
					t->label, from);
			json_decref(data);
			goto fail;
		}
		to = t->to ? t->to : from;
		if (t->to && store_case_set_state(c, row.id, to, j->now, eb) < 0)
			goto fail_data;
		if (t->to && case_state_in(CASE_STATES_ENDS_TRACKS, to)) {
			if (store_tracks_of_case(c, row.id, tracks, STORE_MAX_TRACKS, &ntracks,
						 eb) < 0)
				goto fail_data;
			for (i = 0; i < ntracks; i++)
				if (store_track_set_state(c, tracks[i].id, "dihentikan", j->now,
							  eb) < 0)
					goto fail_data;
		}
	} else {
		if (store_tracks_of_case(c, row.id, tracks, STORE_MAX_TRACKS, &ntracks, eb) < 0)
			goto fail_data;
		for (i = 0; i < ntracks; i++)
			if (tracks[i].id == rq->track_id)
				track = &tracks[i];
		if (track == NULL || (!j->scope.all && j->scope.ppk_office_id &&
				      track->ppk_office_id != j->scope.ppk_office_id)) {
			errbuf_set_field(eb, ERR_NOT_FOUND, "track_id",
					 "terlapor tidak ditemukan dalam kasus ini");
			goto fail_data;
		}
		if (!case_state_in(CASE_STATES_TRACKS_OPEN, row.state)) {
			errbuf_set_code(eb, ERR_CONFLICT, "invalid_transition",
					"keputusan per terlapor baru dapat diambil setelah kasus "
					"diregistrasi (status kasus sekarang '%s')",
					row.state);
			goto fail_data;
		}
		from = track->state;
		if (!wf_allows_from(t, from)) {
			errbuf_set_code(eb, ERR_CONFLICT, "invalid_transition",
					"'%s' tidak dapat dilakukan pada terlapor berstatus '%s'",
					t->label, from);
			goto fail_data;
		}
		to = t->to;
		json_object_set_new(data, "track", json_integer(track->id));
		json_object_set_new(data, "terlapor", json_string(track->name));
		if (t->requires & WF_REQ_RECOMMEND) {
			struct recommendation rec;

			if (cases_recommend(j->cx, c, &row, track, rq, j->now, &rec, eb) < 0)
				goto fail_data;
			if (store_track_set_recommendation(c, track->id, rec.json_text, rec.level,
							   rec.institution, rec.ppk_office_id,
							   j->now, eb) < 0 ||
			    store_case_set_recommended(c, row.id, eb) < 0) {
				recommendation_release(&rec);
				goto fail_data;
			}
			json_object_set_new(data, "level", json_string(rec.level));
			json_object_set_new(data, "institution", json_string(rec.institution));
			json_object_set_new(data, "items", json_deep_copy(rec.items));
			recommendation_release(&rec);
		}
		if (t->requires & WF_REQ_REFERRAL) {
			struct recommendation rec;

			if (cases_referral(j->cx, c, &row, track, j->now, &rec, eb) < 0)
				goto fail_data;
			if (store_track_set_recommendation(c, track->id, rec.json_text, NULL,
							   rec.institution, 0, j->now, eb) < 0) {
				recommendation_release(&rec);
				goto fail_data;
			}
			json_object_set_new(data, "referral", json_string(rec.institution));
			recommendation_release(&rec);
		}
		if (t->requires & WF_REQ_SANCTION) {
			const char *cmp = NULL;

			if (sanction_fields(j, track->rec_level, &cmp, eb) < 0 ||
			    store_track_set_sanction(c, track->id, rq->form, rq->sanction_level,
						     rq->sk_number, rq->sk_date, cmp, j->now,
						     eb) < 0)
				goto fail_data;
			json_object_set_new(data, "sanction",
					    json_pack("{s:s, s:s, s:s, s:s, s:s?}", "sk_number",
						      rq->sk_number, "sk_date", rq->sk_date, "form",
						      rq->form, "level", rq->sanction_level,
						      "vs_recommendation", cmp));
		}
		if (t->requires & WF_REQ_ACTION) {
			if (rq->escalation == NULL ||
			    (strcmp(rq->escalation, "pemblokiran_data") != 0 &&
			     strcmp(rq->escalation, "teguran_ppk") != 0)) {
				errbuf_set_field(eb, ERR_INVALID_INPUT, "escalation",
						 "tindakan eskalasi harus pemblokiran_data atau "
						 "teguran_ppk");
				goto fail_data;
			}
			json_object_set_new(data, "escalation", json_string(rq->escalation));
		}
		if (store_track_set_state(c, track->id, to, j->now, eb) < 0)
			goto fail_data;
	}
	if ((t->requires & WF_REQ_REASON) && (rq->reason == NULL || rq->reason[0] == '\0')) {
		errbuf_set_field(eb, ERR_INVALID_INPUT, "reason", "alasan harus diisi untuk '%s'",
				 t->label);
		goto fail_data;
	}

	/* clocks: close what this step ends, start what it begins */
	if (close_rules(j, c, &row, track ? track->id : 0, t->stops, "met", today_s, closed, eb) <
	    0)
		goto fail_data;
	start = today;
	if (t->extends) {
		const char *ext[] = {t->extends, NULL};
		char name[64], from_s[DATE_STRLEN];

		wf_rule_name(t->extends, row.election_kind, name, sizeof(name));
		if (store_deadline_open_start(c, row.id, name, from_s, eb) < 0 ||
		    date_parse(str_from(from_s), &start) < 0) {
			errbuf_set_code(
				eb, ERR_CONFLICT, "nothing_to_extend",
				"tidak ada tenggat %s yang sedang berjalan untuk diperpanjang",
				name);
			goto fail_data;
		}
		if (close_rules(j, c, &row, 0, ext, "extended", today_s, closed, eb) < 0)
			goto fail_data;
	}
	for (i = 0; i < WF_MAX_RULES && t->starts[i]; i++) {
		char name[64];

		if (!wf_rule_name(t->starts[i], row.election_kind, name, sizeof(name)))
			continue;
		if (cases_deadline_start(j->cx, c, row.id, track ? track->id : 0, name, start, zone,
					 started, eb) < 0)
			goto fail_data;
	}
	if (t->scope == WF_TRACK && derive_case_state(c, &row, j->now, &derived, eb) < 0)
		goto fail_data;

	json_object_set_new(data, "from", json_string(from));
	json_object_set_new(data, "to", json_string(to));
	if (derived)
		json_object_set_new(data, "case_to", json_string(derived));
	json_object_set_new(data, "deadlines_started", json_deep_copy(started));
	json_object_set_new(data, "deadlines_closed", json_deep_copy(closed));
	if (cases_record(c, j->who, row.id, track ? track->id : 0, "transisi", data, j->now, eb) <
	    0)
		goto fail;
	j->result = json_pack("{s:s, s:s, s:s?, s:o, s:o}", "action", t->action, "state", to,
			      "case_state", derived, "deadlines_started", started,
			      "deadlines_closed", closed);
	return 0;
fail_data:
	json_decref(data);
fail:
	json_decref(started);
	json_decref(closed);
	return -1;
}

int
cases_transition(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
		 const struct transition_req *rq, json_t **result, struct errbuf *eb)
{
	struct flow_job j;

	*result = NULL;
	if (cases_require(who, PERM_CASE_TRANSITION, eb) < 0)
		return -1;
	memset(&j, 0, sizeof(j));
	j.t = rq->action ? wf_find(rq->action) : NULL;
	if (j.t == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "unknown_action",
				       "tindakan '%s' tidak dikenal", rq->action ? rq->action : "");
	if (!wf_role_allowed(j.t, who->role))
		return errbuf_set(eb, ERR_FORBIDDEN, "peran %s tidak dapat melakukan '%s'",
				  role_name(who->role), j.t->label);
	if (j.t->scope == WF_TRACK && rq->track_id <= 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "track_id",
					"'%s' berlaku untuk satu terlapor: sebutkan track_id",
					j.t->label);
	j.cx = cx;
	j.who = who;
	j.case_id = case_id;
	j.rq = rq;
	j.now = clock_now();
	cases_scope(who, &j.scope);
	if (store_write(cx->store, flow_run, &j, eb) < 0)
		return -1;
	*result = j.result;
	return 0;
}
