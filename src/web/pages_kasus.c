/*
 * pages_kasus.c - the case page of the officers' workspace,
 * GET /kantor/kasus/{id}: the case as cases_detail() gives it to the
 * viewer (header, event, terlapor tracks with their recommendation and
 * sanction, deadlines with explanations, timeline, evidence, witnesses,
 * notes, duplicates) and a form for every action the viewer may take.
 *
 * The recommendation builder: ?pratinjau=TRACK runs the rule evaluator on
 * the case text with the terlapor's status and the date of the act, as the
 * workflow will when the recommendation is made (cases_recommend()), and
 * shows its verdict, items (to tick), level (to override), forms, legal
 * basis and route.  It is a GET: looking is not an action.
 *
 * Invariants: nothing here reads or writes case data except through the
 * case service with the signed-in principal; a case outside the viewer's
 * scope gives the service's "not found", rendered as the 404 page.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "cases/cases.h"
#include "cases/workflow.h"
#include "check/check.h"
#include "core/str.h"
#include "ident/region.h"
#include "rules/rules.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

static const char *const danger_actions[] = {"tidak_registrasi",      "hentikan",
					     "bukan_pelanggaran",     "tidak_terbukti",
					     "tidak_ditindaklanjuti", NULL};
static const char *const levels[] = {"moral", "ringan", "sedang", "berat", "ptdh", NULL};
static const char *const escalations[] = {"pemblokiran_data", "teguran_ppk", NULL};
/* what a successful POST may report back (?ok=) */
static const char *const ok_keys[] = {"transisi", "tugaskan", "catatan", "gabung", NULL};

static const char *
jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static bool
one_of(const char *v, const char *const *set)
{
	size_t i;

	for (i = 0; v && set[i]; i++)
		if (strcmp(v, set[i]) == 0)
			return true;
	return false;
}

/* The date of the act as the evaluator takes it: the date it happened,
 * else the local date the report was received. */
static void
act_date(json_t *d, char out[DATE_STRLEN])
{
	const char *occ = jstr(d, "occurred_on");
	const char *rec = jstr(d, "received_at");

	if (occ && strlen(occ) == 10)
		cstr_copy(out, DATE_STRLEN, occ);
	else if (rec && strlen(rec) >= 10)
		cstr_copy(out, DATE_STRLEN, rec); /* ISO time in the case's zone: its date */
	else
		out[0] = '\0';
}

/* Run the evaluator for one terlapor as the workflow will (cases_recommend). */
static json_t *
evaluate_track(struct http_request *req, json_t *d, json_t *t, const char *today, struct errbuf *eb)
{
	struct app *app = req->app;
	char act[DATE_STRLEN];
	json_t *q, *answer = NULL;
	const char *status = jstr(t, "status");
	int rc;

	if (app->check == NULL) {
		errbuf_set(eb, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
		return NULL;
	}
	act_date(d, act);
	q = json_object();
	json_object_set_new(q, "text",
			    json_string(jstr(d, "description") ? jstr(d, "description") : ""));
	json_object_set_new(q, "status", json_string(status && status[0] ? status : "unknown"));
	if (act[0])
		json_object_set_new(q, "date", json_string(act));
	json_object_set_new(q, "handling_date", json_string(today));
	json_object_set_new(q, "election",
			    json_string(jstr(d, "election") ? jstr(d, "election") : ""));
	rc = check_run(app->check, q, &req->arena, &answer, NULL, eb);
	json_decref(q);
	return rc < 0 ? NULL : answer;
}

/* ASN, not ASN or unknown, from the catalog's statuses. */
static enum rules_status_kind
status_kind(struct app *app, const char *status)
{
	const struct rules_status *s;

	if (app->check == NULL || status == NULL || status[0] == '\0')
		return RULES_STATUS_UNKNOWN;
	s = rules_status_find(check_service_catalog(app->check), status);
	return s ? s->kind : RULES_STATUS_UNKNOWN;
}

static json_t *
level_options(const struct i18n *lang, const char *current, bool with_auto, const char *auto_lbl)
{
	json_t *arr = json_array();
	size_t i;

	if (with_auto)
		json_array_append_new(arr, kantor_option("", auto_lbl, current ? current : ""));
	for (i = 0; levels[i]; i++)
		json_array_append_new(
			arr,
			kantor_option(levels[i], kantor_level_label(lang, levels[i]), current));
	return arr;
}

/* The sanction forms the catalog gives for level at the act date. */
static json_t *
sanction_forms(struct app *app, const char *level, const char *act)
{
	json_t *arr = json_array();
	const struct rules_form_set *fs;
	enum rules_level lv;
	struct date d;
	size_t i;

	if (app->check == NULL || level == NULL || rules_level_parse(level, &lv) < 0 ||
	    date_parse(str_from(act), &d) < 0)
		return arr;
	fs = rules_form_set_at(check_service_catalog(app->check), lv, d);
	for (i = 0; fs && i < fs->nforms; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s}", "value", fs->forms[i].text,
						     "code", fs->forms[i].code, "regime",
						     fs->regime ? fs->regime : ""));
	return arr;
}

/* Does this action object match the notice of a failed form? */
static bool
notice_for(const struct kantor_notice *n, const char *action, int64_t track_id)
{
	return n && n->form && strcmp(n->form, "transisi") == 0 && n->action &&
	       strcmp(n->action, action) == 0 && n->track_id == track_id;
}

static json_t *
action_view(const struct i18n *lang, json_t *a, int64_t case_id, int64_t track_id,
	    const struct kantor_notice *n)
{
	const char *action = jstr(a, "action");
	json_t *o;

	if (action == NULL)
		return NULL;
	o = json_object();
	json_object_set_new(o, "action", json_string(action));
	json_object_set_new(o, "label", json_string(kantor_action_label(lang, action)));
	json_object_set_new(o, "case_id", json_integer(case_id));
	json_object_set_new(o, "track_id", json_integer(track_id));
	json_object_set_new(o, "anchor", json_sprintf("aksi-%lld-%s", (long long)track_id, action));
	json_object_set(o, "needs_reason", json_object_get(a, "reason"));
	json_object_set_new(o, "danger", json_boolean(one_of(action, danger_actions)));
	json_object_set_new(o, "is_rec", json_boolean(strcmp(action, "rekomendasikan") == 0));
	json_object_set_new(o, "is_sanction", json_boolean(strcmp(action, "catat_sanksi") == 0));
	json_object_set_new(o, "is_escalation", json_boolean(strcmp(action, "eskalasi") == 0));
	json_object_set_new(o, "is_referral", json_boolean(strcmp(action, "rujuk") == 0));
	if (notice_for(n, action, track_id)) {
		json_object_set_new(o, "error", json_string(n->error));
		json_object_set(o, "prev", n->prev ? n->prev : json_null());
	} else {
		json_object_set_new(o, "error", json_null());
		json_object_set_new(o, "prev", json_null());
	}
	return o;
}

static json_t *
recommendation_view(const struct i18n *lang, json_t *t)
{
	json_t *rec = json_object_get(t, "recommendation"), *o, *items, *v;
	const char *level = jstr(t, "rec_level");
	struct buf b = BUF_INIT;
	size_t i;

	if (!json_is_object(rec) && level == NULL && jstr(t, "rec_institution") == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "level_label",
			    level ? json_string(kantor_level_label(lang, level)) : json_null());
	json_object_set(o, "institution", json_object_get(t, "rec_institution"));
	json_object_set(o, "ppk_office", json_object_get(t, "ppk_office_name"));
	json_object_set_new(o, "by_officer",
			    json_boolean(jstr(rec, "level_set_by_officer") != NULL));
	json_object_set(o, "referral", json_object_get(rec, "referral"));
	json_object_set(o, "route", json_object_get(rec, "route"));
	items = json_object_get(rec, "items");
	buf_init(&b, 4096);
	json_array_foreach(items, i, v)
	{
		size_t k;
		bool dup = false;

		for (k = 0; k < i; k++)
			dup |= json_equal(json_array_get(items, k), v);
		if (!json_is_string(v) || dup)
			continue;
		if (b.len)
			buf_addstr(&b, ", ");
		buf_addstr(&b, json_string_value(v));
	}
	json_object_set_new(o, "items", b.len ? json_string(buf_cstr(&b)) : json_null());
	buf_release(&b);
	return o;
}

static json_t *
sanction_view(const struct i18n *lang, json_t *t)
{
	const char *form = jstr(t, "sanction_form"), *level = jstr(t, "sanction_level");
	const char *cmp = jstr(t, "sanction_vs_rec");
	char key[48];

	if (form == NULL)
		return json_null();
	snprintf(key, sizeof(key), "kantor.cmp.%s", cmp ? cmp : "none");
	return json_pack("{s:s, s:s, s:s?, s:s?, s:s, s:s}", "form", form, "level_label",
			 level ? kantor_level_label(lang, level) : "", "sk", jstr(t, "sanction_sk"),
			 "on", jstr(t, "sanction_on"), "cmp", cmp ? cmp : "none", "cmp_label",
			 kantor_text(lang, key, cmp ? cmp : ""));
}

static json_t *
track_view(struct http_request *req, json_t *d, json_t *t, const char *today, int64_t preview,
	   const struct kantor_notice *n)
{
	const struct i18n *lang = web_lang(req);
	struct app *app = req->app;
	int64_t case_id = json_integer_value(json_object_get(d, "id"));
	int64_t tid = json_integer_value(json_object_get(t, "id"));
	enum rules_status_kind kind = status_kind(app, jstr(t, "status"));
	json_t *o = json_object(), *actions = json_array(), *a, *v;
	const char *state = jstr(t, "state");
	bool wants_rec = false, wants_ref = false;
	char act[DATE_STRLEN];
	size_t i;

	act_date(d, act);
	json_object_set_new(o, "id", json_integer(tid));
	json_object_set(o, "name", json_object_get(t, "name"));
	json_object_set(o, "nip", json_object_get(t, "nip"));
	json_object_set(o, "nik", json_object_get(t, "nik"));
	json_object_set(o, "status", json_object_get(t, "status"));
	json_object_set(o, "agency", json_object_get(t, "agency"));
	json_object_set(o, "position", json_object_get(t, "position"));
	json_object_set(o, "ppk_office_name", json_object_get(t, "ppk_office_name"));
	json_object_set_new(o, "state_label", json_string(kantor_state_label(lang, state)));
	v = json_object_get(t, "person_cases");
	json_object_set_new(o, "repeat",
			    json_boolean(json_is_integer(v) && json_integer_value(v) > 1));
	json_object_set(o, "person_cases", v);
	json_object_set_new(o, "rec", recommendation_view(lang, t));
	json_object_set_new(o, "sanction_done", sanction_view(lang, t));
	json_array_foreach(json_object_get(t, "actions"), i, a)
	{
		const char *action = jstr(a, "action");
		json_t *av;

		/* the catalog knows the status: offer only the path that can succeed */
		if (action && strcmp(action, "rujuk") == 0 && kind == RULES_STATUS_ASN)
			continue;
		if (action && strcmp(action, "rekomendasikan") == 0 && kind == RULES_STATUS_NOT_ASN)
			continue;
		av = action_view(lang, a, case_id, tid, n);
		if (av == NULL)
			continue;
		if (action && strcmp(action, "rekomendasikan") == 0) {
			wants_rec = true;
			json_object_set_new(
				av, "levels",
				level_options(lang,
					      json_is_object(json_object_get(av, "prev"))
						      ? jstr(json_object_get(av, "prev"), "level")
						      : "",
					      true,
					      kantor_text(lang, "kantor.rec.level_auto",
							  "Menurut evaluator")));
			json_object_set_new(
				av, "preview_url",
				json_sprintf("/kantor/kasus/"
					     "%lld?pratinjau=%lld#aksi-%lld-rekomendasikan",
					     (long long)case_id, (long long)tid, (long long)tid));
		}
		if (action && strcmp(action, "rujuk") == 0)
			wants_ref = true;
		if (action && strcmp(action, "catat_sanksi") == 0) {
			json_object_set_new(av, "forms",
					    sanction_forms(app, jstr(t, "rec_level"), act));
			json_object_set_new(av, "levels",
					    level_options(lang, jstr(t, "rec_level"), false, NULL));
			json_object_set_new(av, "today", json_string(today));
		}
		if (action && strcmp(action, "eskalasi") == 0) {
			json_t *opts = json_array();
			size_t k;

			for (k = 0; escalations[k]; k++) {
				char key[64];

				snprintf(key, sizeof(key), "kantor.escalation.%s", escalations[k]);
				json_array_append_new(
					opts, kantor_option(escalations[k],
							    kantor_text(lang, key, escalations[k]),
							    NULL));
			}
			json_object_set_new(av, "escalations", opts);
		}
		json_array_append_new(actions, av);
	}
	json_object_set_new(o, "actions", actions);
	/* the evaluator: on request for a recommendation, always for a referral
	 * (the route is what the officer confirms) */
	json_object_set_new(o, "preview", json_null());
	if ((wants_rec && preview == tid) || wants_ref) {
		struct errbuf eb;
		json_t *answer;

		errbuf_clear(&eb);
		answer = evaluate_track(req, d, t, today, &eb);
		if (answer) {
			json_t *pv = kantor_preview(answer, lang);

			/* the items the evaluator counts start ticked */
			json_array_foreach(json_object_get(pv, "items"), i, v)
				json_object_set(v, "checked", json_object_get(v, "applies"));
			json_object_set_new(o, "preview", pv);
			json_decref(answer);
		} else {
			json_object_set_new(o, "preview", json_pack("{s:s}", "eval_error", eb.msg));
		}
		json_object_set_new(o, "preview_open", json_boolean(wants_rec && preview == tid));
	}
	return o;
}

static json_t *
case_actions(const struct i18n *lang, json_t *d, const struct kantor_notice *n)
{
	json_t *arr = json_array(), *a;
	int64_t case_id = json_integer_value(json_object_get(d, "id"));
	size_t i;

	json_array_foreach(json_object_get(d, "actions"), i, a)
	{
		json_t *av = action_view(lang, a, case_id, 0, n);

		if (av)
			json_array_append_new(arr, av);
	}
	return arr;
}

static json_t *
notes_view(json_t *notes, const char *tz)
{
	const struct tz *zone = tz_find(str_from(tz));
	json_t *arr = json_array(), *v;
	size_t i;

	json_array_foreach(notes, i, v)
	{
		char iso[TIME_STRLEN], when[40];

		time_format_iso(json_integer_value(json_object_get(v, "at")),
				(zone ? zone : &tz_wita)->offset_min, iso);
		kantor_time_text(iso, when, sizeof(when));
		json_array_append_new(arr, json_pack("{s:s, s:O, s:O}", "at", when, "author",
						     json_object_get(v, "author"), "body",
						     json_object_get(v, "body")));
	}
	return arr;
}

static json_t *
duplicates_view(const struct i18n *lang, json_t *dups)
{
	json_t *arr = json_array(), *v;
	size_t i;

	json_array_foreach(dups, i, v)
	{
		double score = json_number_value(json_object_get(v, "score"));

		json_array_append_new(arr, json_pack("{s:O, s:O, s:s, s:O, s:i, s:O}", "id",
						     json_object_get(v, "id"), "code",
						     json_object_get(v, "code"), "state_label",
						     kantor_state_label(lang, jstr(v, "state")),
						     "terlapor", json_object_get(v, "terlapor"),
						     "score", (int)(score * 100 + 0.5), "reasons",
						     json_object_get(v, "reasons")));
	}
	return arr;
}

/* "Kecamatan X, Kabupaten Y, Kalimantan Timur" for a region code. */
static json_t *
region_text(struct app *app, const char *code)
{
	struct region chain[4];
	struct buf b = BUF_INIT;
	size_t n, i;
	json_t *v;

	if (app->regions == NULL || code == NULL)
		return json_null();
	n = region_parent_chain(app->regions, code, chain);
	if (n == 0)
		return json_null();
	buf_init(&b, 1024);
	for (i = 0; i < n; i++) {
		if (i)
			buf_addstr(&b, ", ");
		buf_addstr(&b, chain[i].name);
	}
	v = json_string(buf_cstr(&b));
	buf_release(&b);
	return v ? v : json_null();
}

static void
add_notice(struct http_request *req, json_t *ctx, const struct kantor_notice *n)
{
	const struct i18n *lang = web_lang(req);
	const char *ok = http_query_get(req, "ok"), *action = http_query_get(req, "aksi");
	const struct wf_transition *t = action ? wf_find(action) : NULL;
	char key[48];

	if (n && n->error) {
		json_object_set_new(ctx, "error", json_string(n->error));
		json_object_set_new(
			ctx, "error_anchor",
			n->action ? json_sprintf("aksi-%lld-%s", (long long)n->track_id, n->action)
				  : json_string(n->form ? n->form : "isi"));
		if (n->form && strcmp(n->form, "transisi") != 0) {
			snprintf(key, sizeof(key), "%s_error", n->form);
			json_object_set_new(ctx, key, json_string(n->error));
			if (n->prev)
				json_object_set(ctx, "prev", n->prev);
		}
		return;
	}
	if (!one_of(ok, ok_keys))
		return;
	snprintf(key, sizeof(key), "kantor.ok.%s", ok);
	if (t)
		json_object_set_new(ctx, "ok",
				    json_sprintf("%s: %s", kantor_text(lang, key, ok),
						 kantor_action_label(lang, t->action)));
	else
		json_object_set_new(ctx, "ok", json_string(kantor_text(lang, key, ok)));
}

int
kantor_case_render(struct http_request *req, int64_t id, int status,
		   const struct kantor_notice *notice)
{
	struct app *app = req->app;
	const struct principal *p = auth_principal(req);
	const struct i18n *lang = web_lang(req);
	const struct election *el;
	const struct calendar *cal;
	char today[DATE_STRLEN], soon[DATE_STRLEN];
	struct errbuf eb;
	json_t *ctx, *d = NULL, *tracks, *t, *arr, *v;
	int64_t preview = 0;
	const char *pv;
	size_t i;

	ctx = web_officer_ctx(req, "kantor.case.title");
	if (ctx == NULL)
		return 0;
	errbuf_clear(&eb);
	if (cases_detail(&app->cases, p, id, &d, &eb) < 0) {
		json_decref(ctx);
		return kantor_error(req, &eb);
	}
	pv = http_query_get(req, "pratinjau");
	if (notice && notice->action && strcmp(notice->action, "rekomendasikan") == 0)
		preview = notice->track_id;
	else if (pv && str_to_i64(str_from(pv), &preview) < 0)
		preview = 0;
	kantor_today(jstr(d, "tz"), today, soon);
	json_object_set_new(ctx, "title",
			    json_sprintf("%s %s", kantor_text(lang, "kantor.case.title", "Kasus"),
					 jstr(d, "code") ? jstr(d, "code") : ""));

	/* the header */
	json_object_set(ctx, "id", json_object_get(d, "id"));
	json_object_set(ctx, "code", json_object_get(d, "code"));
	json_object_set_new(ctx, "kind_label",
			    json_string(kantor_kind_label(lang, jstr(d, "kind"))));
	json_object_set_new(ctx, "state_label",
			    json_string(kantor_state_label(lang, jstr(d, "state"))));
	cal = app_cal(app);
	el = cal && jstr(d, "election") ? calendar_election_find(cal, jstr(d, "election")) : NULL;
	json_object_set_new(ctx, "election_name",
			    json_string(el                    ? el->name
					: jstr(d, "election") ? jstr(d, "election")
							      : ""));
	json_object_set(ctx, "office_name", json_object_get(json_object_get(d, "office"), "name"));
	json_object_set(ctx, "region_code", json_object_get(d, "region_code"));
	json_object_set_new(ctx, "region_name", region_text(app, jstr(d, "region_code")));
	{
		char when[40];

		kantor_time_text(jstr(d, "received_at"), when, sizeof(when));
		json_object_set_new(
			ctx, "received",
			json_sprintf("%s %s", when, jstr(d, "tz") ? jstr(d, "tz") : ""));
	}
	json_object_set(ctx, "tz", json_object_get(d, "tz"));
	json_object_set(ctx, "occurred_on", json_object_get(d, "occurred_on"));
	json_object_set(ctx, "known_on", json_object_get(d, "known_on"));
	json_object_set(ctx, "place", json_object_get(d, "place"));
	json_object_set(ctx, "description", json_object_get(d, "description"));
	json_object_set(ctx, "channel", json_object_get(d, "channel"));
	json_object_set(ctx, "assigned_to", json_object_get(d, "assigned_to"));
	json_object_set(ctx, "status_url", json_object_get(d, "status_url"));
	json_object_set(ctx, "merged_into", json_object_get(d, "merged_into"));
	json_object_set(ctx, "merged_from", json_object_get(d, "merged_from"));
	arr = json_array();
	json_array_foreach(json_object_get(d, "missing"), i, v)
	{
		const char *label = jstr(v, "label") ? jstr(v, "label") : json_string_value(v);

		if (label)
			json_array_append_new(arr, json_string(label));
	}
	json_object_set_new(ctx, "missing", arr);
	json_object_set_new(ctx, "pelapor_present",
			    json_boolean(json_is_true(
				    json_object_get(json_object_get(d, "pelapor"), "present"))));
	json_object_set(ctx, "can_unseal", json_object_get(d, "can_unseal"));
	json_object_set(ctx, "can_triage", json_object_get(d, "can_triage"));

	/* what may be done */
	json_object_set_new(ctx, "actions", case_actions(lang, d, notice));
	json_object_set_new(ctx, "has_case_actions",
			    json_boolean(json_array_size(json_object_get(ctx, "actions")) > 0));
	tracks = json_array();
	json_array_foreach(json_object_get(d, "tracks"), i, t)
		json_array_append_new(tracks, track_view(req, d, t, today, preview, notice));
	json_object_set_new(ctx, "tracks", tracks);
	json_object_set_new(ctx, "has_tracks", json_boolean(json_array_size(tracks) > 0));

	/* the record */
	json_object_set_new(ctx, "deadlines",
			    kantor_deadlines(json_object_get(d, "deadlines"),
					     json_object_get(d, "tracks"), today, soon, lang));
	json_object_set_new(ctx, "today", json_string(today));
	json_object_set_new(ctx, "timeline",
			    kantor_timeline(json_object_get(d, "timeline"),
					    json_object_get(d, "tracks"), jstr(d, "tz"), lang));
	json_object_set_new(ctx, "evidence",
			    kantor_evidence(json_object_get(d, "evidence"), id, lang));
	json_object_set_new(ctx, "show_witnesses",
			    json_boolean(json_object_get(d, "witnesses") != NULL));
	json_object_set(ctx, "witnesses", json_object_get(d, "witnesses"));
	json_object_set_new(ctx, "show_notes", json_boolean(json_object_get(d, "notes") != NULL));
	json_object_set_new(ctx, "notes", notes_view(json_object_get(d, "notes"), jstr(d, "tz")));
	json_object_set_new(ctx, "duplicates",
			    duplicates_view(lang, json_object_get(d, "duplicates")));
	json_object_set_new(ctx, "officers", kantor_officers(app, p));
	add_notice(req, ctx, notice);
	json_decref(d);
	if (notice && notice->form && strcmp(notice->form, "pelapor") == 0)
		http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, status, "kantor_kasus", ctx);
}

int
kantor_case(struct http_request *req)
{
	int64_t id = kantor_param_id(req, 0);

	if (id < 0)
		return kantor_not_found(req, "Kasus tidak ditemukan.");
	return kantor_case_render(req, id, 200, NULL);
}
