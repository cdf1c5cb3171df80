/*
 * cases_views.c - what officers and the public see: the case detail with
 * labels and the actions open to the viewer, the scoped list, and the
 * public status by tracking code.
 */
#include <stdio.h>
#include <string.h>

#include "cases/cases_internal.h"
#include "core/datetime.h"
#include "core/jsonw.h"
#include "core/str.h"
#include "domain/case_states.h"
#include "cases/workflow.h"
#include "store/store_cases.h"

static void
add_state_labels(json_t *o, const char *key)
{
	const char *id = json_string_value(json_object_get(o, key));
	const struct wf_state *s = id ? wf_state_find(id) : NULL;
	char k[64];

	snprintf(k, sizeof(k), "%s_label", key);
	json_object_set_new(o, k, json_string(s ? s->label_id : (id ? id : "")));
}

/* The transitions the viewer may take now, for the case and each track. */
static json_t *
allowed_actions(const struct principal *who, const char *case_state, const char *track_state,
		enum wf_scope scope)
{
	json_t *arr = json_array();
	size_t i;

	if (scope == WF_TRACK && !case_state_in(CASE_STATES_TRACKS_OPEN, case_state))
		return arr;
	for (i = 0; i < wf_count(); i++) {
		const struct wf_transition *t = wf_at(i);

		if (t->scope != scope || !wf_role_allowed(t, who->role))
			continue;
		if (!wf_allows_from(t, scope == WF_CASE ? case_state : track_state))
			continue;
		json_array_append_new(
			arr,
			json_pack("{s:s, s:s, s:b, s:b, s:b, s:b}", "action", t->action, "label",
				  t->label, "reason", (t->requires & WF_REQ_REASON) != 0,
				  "recommendation", (t->requires & WF_REQ_RECOMMEND) != 0,
				  "sanction", (t->requires & WF_REQ_SANCTION) != 0, "escalation",
				  (t->requires & WF_REQ_ACTION) != 0));
	}
	return arr;
}

int
cases_detail(struct cases_ctx *cx, const struct principal *who, int64_t case_id, json_t **out,
	     struct errbuf *eb)
{
	struct store_scope sc;
	struct store_conn *c;
	json_t *o = NULL, *tracks, *t, *dups = NULL;
	const char *state;
	size_t i;
	int rc;

	*out = NULL;
	if (cases_require(who, PERM_CASE_READ, eb) < 0)
		return -1;
	cases_scope(who, &sc);
	c = store_reader(cx->store);
	rc = store_case_detail(c, &sc, case_id, &o, eb);
	store_reader_done(cx->store, c);
	if (rc < 0)
		return -1;
	state = json_string_value(json_object_get(o, "state"));
	add_state_labels(o, "state");
	tracks = json_object_get(o, "tracks");
	json_array_foreach(tracks, i, t)
	{
		add_state_labels(t, "state");
		if (auth_can(who, PERM_CASE_TRANSITION) &&
		    json_is_null(json_object_get(o, "merged_into")))
			json_object_set_new(
				t, "actions",
				allowed_actions(who, state,
						json_string_value(json_object_get(t, "state")),
						WF_TRACK));
		else
			json_object_set_new(t, "actions", json_array());
	}
	if (auth_can(who, PERM_CASE_TRANSITION) && json_is_null(json_object_get(o, "merged_into")))
		json_object_set_new(o, "actions", allowed_actions(who, state, NULL, WF_CASE));
	else
		json_object_set_new(o, "actions", json_array());
	json_object_set_new(o, "status_url",
			    json_sprintf("%s/status/%s", cx->base_url,
					 json_string_value(json_object_get(o, "code"))));
	json_object_set_new(o, "can_unseal", json_boolean(auth_can(who, PERM_PELAPOR_UNSEAL)));
	json_object_set_new(o, "can_triage", json_boolean(auth_can(who, PERM_CASE_TRIAGE)));
	if (auth_can(who, PERM_CASE_TRIAGE) && cases_duplicates(cx, who, case_id, &dups, eb) == 0)
		json_object_set_new(o, "duplicates", dups);
	else
		json_object_set_new(o, "duplicates", json_array());
	*out = o;
	return 0;
}

void
cases_filter_dates(struct store_case_filter *f)
{
	const struct tz *zones[3] = {&tz_wib, &tz_wita, &tz_wit};
	int64_t now = clock_now();
	int i;

	for (i = 0; i < 3; i++) {
		struct date d = time_local_date(now, zones[i]->offset_min);

		date_format(d, f->today[i]);
		date_format(date_add_days(d, 2), f->soon[i]);
	}
}

/* One list row as JSON, straight from the store's row: a page of 50 is
 * written without a jansson tree (the tree's allocations were about 40% of
 * the list's server time at 1 M cases). */
struct list_writer {
	struct buf *b;
	size_t n; /* items written */
};

static int
write_item(void *arg, const struct store_case_item *it)
{
	struct list_writer *w = arg;
	struct buf *b = w->b;
	const struct tz *z = tz_find(str_from(it->tz ? it->tz : ""));
	const struct wf_state *st = it->state ? wf_state_find(it->state) : NULL;
	char when[TIME_STRLEN];

	time_format_iso(it->received_at, z ? z->offset_min : 0, when);
	if (w->n++)
		buf_addch(b, ',');
	BUF_ADDLIT(b, "{\"id\":");
	jsonw_int(b, it->id);
	BUF_ADDLIT(b, ",\"code\":");
	jsonw_str_or_null(b, it->code);
	BUF_ADDLIT(b, ",\"kind\":");
	jsonw_str_or_null(b, it->kind);
	BUF_ADDLIT(b, ",\"election\":");
	jsonw_str_or_null(b, it->election);
	BUF_ADDLIT(b, ",\"state\":");
	jsonw_str_or_null(b, it->state);
	BUF_ADDLIT(b, ",\"region_code\":");
	jsonw_str_or_null(b, it->region_code);
	BUF_ADDLIT(b, ",\"received_at\":");
	jsonw_str_or_null(b, when);
	BUF_ADDLIT(b, ",\"assigned_to\":");
	jsonw_str_or_null(b, it->assigned_to);
	BUF_ADDLIT(b, ",\"summary\":");
	jsonw_str_or_null(b, it->summary);
	BUF_ADDLIT(b, ",\"merged_into\":");
	if (it->merged_into)
		jsonw_int(b, it->merged_into);
	else
		BUF_ADDLIT(b, "null");
	BUF_ADDLIT(b, ",\"terlapor\":");
	jsonw_str_or_null(b, it->terlapor);
	BUF_ADDLIT(b, ",\"next_due\":");
	jsonw_str_or_null(b, it->next_due);
	if (it->next_due) {
		BUF_ADDLIT(b, ",\"next_rule\":");
		jsonw_str_or_null(b, it->next_rule);
		BUF_ADDLIT(b, ",\"next_due_provisional\":");
		jsonw_bool(b, it->next_provisional);
	}
	BUF_ADDLIT(b, ",\"overdue\":");
	jsonw_bool(b, it->overdue);
	BUF_ADDLIT(b, ",\"due_soon\":");
	jsonw_bool(b, it->due_soon);
	BUF_ADDLIT(b, ",\"state_label\":");
	jsonw_str_or_null(b, st ? st->label_id : (it->state ? it->state : ""));
	buf_addch(b, '}');
	return 0;
}

int
cases_list_write(struct cases_ctx *cx, const struct principal *who, struct store_case_filter *f,
		 struct buf *out, int64_t *next_before, struct errbuf *eb)
{
	struct store_scope sc;
	struct store_conn *c;
	struct list_writer w = {out, 0};
	size_t start = out->len;
	int rc;

	*next_before = 0;
	if (cases_require(who, PERM_CASE_READ, eb) < 0)
		return -1;
	cases_scope(who, &sc);
	cases_filter_dates(f);
	buf_addch(out, '[');
	c = store_reader(cx->store);
	rc = store_case_list(c, &sc, f, write_item, &w, next_before, eb);
	store_reader_done(cx->store, c);
	if (rc < 0) {
		buf_truncate(out, start);
		return -1;
	}
	buf_addch(out, ']');
	return 0;
}

int
cases_list(struct cases_ctx *cx, const struct principal *who, struct store_case_filter *f,
	   json_t **items, int64_t *next_before, struct errbuf *eb)
{
	struct buf b = BUF_INIT;
	json_error_t je;

	*items = NULL;
	if (cases_list_write(cx, who, f, &b, next_before, eb) < 0) {
		buf_release(&b);
		return -1;
	}
	if (buf_failed(&b)) {
		buf_release(&b);
		return errbuf_set(eb, ERR_INTERNAL, "daftar kasus terlalu besar");
	}
	*items = json_loadb(b.data, b.len, 0, &je);
	buf_release(&b);
	if (*items == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "daftar kasus tidak terbaca: %s", je.text);
	return 0;
}

int
cases_public_status(struct cases_ctx *cx, const char *code, json_t **out, struct errbuf *eb)
{
	char canon[TRACKCODE_LEN];
	struct store_conn *c;
	json_t *steps, *s;
	const struct wf_state *st;
	size_t i;
	int rc;

	*out = NULL;
	if (trackcode_normalize(code, canon, eb) < 0)
		return -1;
	c = store_reader(cx->store);
	rc = store_case_public(c, canon, out, eb);
	store_reader_done(cx->store, c);
	if (rc < 0)
		return -1;
	st = wf_state_find(json_string_value(json_object_get(*out, "state")));
	json_object_set_new(*out, "status_label",
			    json_string(st && st->public_id ? st->public_id : "Dalam penanganan"));
	steps = json_object_get(*out, "steps");
	json_array_foreach(steps, i, s)
	{
		const char *to = json_string_value(json_object_get(s, "state"));
		const struct wf_state *ts = to ? wf_state_find(to) : NULL;
		const char *kind = json_string_value(json_object_get(s, "kind"));
		json_int_t at = json_integer_value(json_object_get(s, "at"));
		char when[TIME_STRLEN];

		time_format_iso(
			at, cases_zone(json_string_value(json_object_get(*out, "tz")))->offset_min,
			when);
		json_object_set_new(s, "at", json_string(when));
		json_object_set_new(s, "label",
				    json_string(ts && ts->public_id ? ts->public_id
						: (kind && strcmp(kind, "transisi") != 0)
							? "Diterima"
							: "Diperbarui"));
	}
	return 0;
}
