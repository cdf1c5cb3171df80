/*
 * pages_cetak.c - GET /kantor/kasus/{id}/cetak: one case on paper.
 *
 * Everything an officer needs at a desk or a hearing: the office and the
 * code, the summary, each terlapor with the recommendation and the
 * sanction, the deadlines with their explanations, the timeline and the
 * evidence with its hashes, each once, in words (web/labels.h): election
 * names, stages, levels and statuses, dates as "Kamis, 4 Januari 2024",
 * the chronology as sentences.  It comes from cases_detail(), so scope and
 * permissions are the case service's; the reporter's identity is never
 * part of that answer, and witnesses are only counted here.  The page has
 * no navigation: a header with the office and the code, then the file
 * (assets/static/cetak.css is its print stylesheet).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "cases/cases.h"
#include "core/datetime.h"
#include "core/str.h"
#include "ident/region.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/kantor.h"
#include "web/labels.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

static const char *
str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* unix seconds -> "Kamis, 4 Januari 2024 13.58 WITA" in the case's zone */
static json_t *
time_words_t(const struct i18n *l, int64_t t, const char *tzname)
{
	const struct tz *z = tz_find(str_from(tzname));
	char out[128];

	if (t <= 0)
		return json_string("");
	label_time(l, t, z ? z : &tz_wita, out, sizeof(out));
	return json_string(out);
}

static json_t *
time_words(const struct i18n *l, json_t *v, const char *tzname)
{
	return time_words_t(l, json_is_integer(v) ? (int64_t)json_integer_value(v) : 0, tzname);
}

/* "YYYY-MM-DD" or an ISO timestamp -> words; other text as it is */
static json_t *
date_words(const struct i18n *l, const char *iso, const char *tzname)
{
	struct date d;
	int64_t t;
	int off;
	char out[128];

	if (iso == NULL || iso[0] == '\0')
		return json_string("");
	if (strlen(iso) == 10 && date_parse(str_from(iso), &d) == 0) {
		label_date(l, d, out, sizeof(out));
		return json_string(out);
	}
	if (time_parse_iso(str_from(iso), &t, &off) == 0)
		return time_words_t(l, t, tzname);
	return json_string(iso);
}

/* The machine form beside the words, for <time datetime="...">. */
static json_t *
iso_of(json_t *v, const char *tzname)
{
	const struct tz *z = tz_find(str_from(tzname));
	char iso[TIME_STRLEN];

	if (!json_is_integer(v))
		return json_string("");
	time_format_iso(json_integer_value(v), (z ? z : &tz_wita)->offset_min, iso);
	return json_string(iso);
}

static json_t *
notes(json_t *detail, const char *tz, const struct i18n *l)
{
	json_t *out = json_array(), *n;
	size_t i;

	json_array_foreach(json_object_get(detail, "notes"), i, n) json_array_append_new(
		out,
		json_pack("{s:o, s:o, s:s, s:s}", "at", time_words(l, json_object_get(n, "at"), tz),
			  "iso", iso_of(json_object_get(n, "at"), tz), "author", str(n, "author"),
			  "body", str(n, "body")));
	return out;
}

static const char *
track_name_of(json_t *detail, json_t *track_id)
{
	json_t *t;
	size_t i;

	if (!json_is_integer(track_id))
		return "";
	json_array_foreach(json_object_get(detail, "tracks"), i, t)
	{
		if (json_integer_value(json_object_get(t, "id")) == json_integer_value(track_id))
			return str(t, "name");
	}
	return "";
}

/* The engine's explanation without its first words when they repeat the
 * title and the rule shown above it ("<title> (<rule>): ..."). */
static const char *
explanation_body(const char *text, const char *title, const char *rule)
{
	size_t tn = strlen(title), rn = strlen(rule);

	if (tn && strncmp(text, title, tn) == 0 && strncmp(text + tn, " (", 2) == 0 &&
	    strncmp(text + tn + 2, rule, rn) == 0 && strncmp(text + tn + 2 + rn, "): ", 3) == 0)
		return text + tn + 2 + rn + 3;
	return text;
}

static json_t *
deadlines(json_t *detail, const char *tz, const struct labels *lb)
{
	json_t *out = json_array(), *d;
	size_t i;

	json_array_foreach(json_object_get(detail, "deadlines"), i, d)
	{
		json_t *ex = json_object_get(d, "explanation");
		const char *rule = str(d, "rule");
		const char *title =
			json_is_object(ex) && str(ex, "title")[0] ? str(ex, "title") : rule;
		const char *words = label_word(lb, LABEL_RULE, rule);

		json_array_append_new(
			out,
			json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:o}", "title",
				  words != rule ? words : title, "terlapor",
				  track_name_of(detail, json_object_get(d, "track_id")), "start",
				  date_words(lb->lang, str(d, "start_on"), tz), "due",
				  date_words(lb->lang, str(d, "due_on"), tz), "status",
				  label_word(lb, LABEL_DEADLINE, str(d, "status")), "explanation",
				  json_is_object(ex)
					  ? explanation_body(str(ex, "explanation"), title, rule)
					  : "",
				  "reason", str(d, "reason"), "closed",
				  time_words(lb->lang, json_object_get(d, "closed_at"), tz)));
		if (json_is_true(json_object_get(d, "provisional")))
			json_object_set_new(
				json_array_get(out, json_array_size(out) - 1), "provisional",
				web_provisional_text(
					lb->lang, json_is_object(ex)
							  ? json_object_get(ex, "provisional_years")
							  : NULL));
	}
	return out;
}

/* The chronology in sentences: "Kamis, 4 Januari 2024 13.58 WITA — Laporan
 * diterima oleh Bawaslu Kabupaten Kutai Timur", the change of stage and the
 * facts of the step in words (kantor_timeline(), the case page's own). */
static json_t *
chronology(json_t *detail, const char *tz, const char *office, const struct i18n *l)
{
	json_t *out = json_array(), *ev;
	size_t i;

	json_array_foreach(json_object_get(detail, "timeline"), i, ev)
	{
		json_t *one = json_pack("[O]", ev);
		json_t *tl = kantor_timeline(one, json_object_get(detail, "tracks"), tz, l);
		json_t *e = json_array_get(tl, 0), *facts = json_array(), *f;
		const char *kind = str(ev, "kind"), *by = str(ev, "actor");
		size_t k;

		json_decref(one);
		if (e == NULL) {
			json_decref(tl);
			json_decref(facts);
			continue;
		}
		/* a report is received by the office, whoever typed it in */
		if (strcmp(kind, "laporan_diterima") == 0 || strcmp(kind, "temuan_dicatat") == 0)
			by = office;
		json_array_foreach(json_object_get(e, "facts"), k, f) json_array_append_new(
			facts, json_pack("{s:s, s:s}", "label", str(f, "label"), "value",
					 str(f, "value")));
		json_array_append_new(
			out,
			json_pack("{s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "at",
				  time_words(l, json_object_get(ev, "at"), tz), "iso",
				  iso_of(json_object_get(ev, "at"), tz), "title", str(e, "title"),
				  "by", by, "terlapor", str(e, "terlapor"), "from", str(e, "from"),
				  "to", str(e, "to"), "reason", str(e, "reason"), "facts", facts));
		json_decref(tl);
	}
	return out;
}

static json_t *
evidence(json_t *detail, const char *tz, const struct i18n *l, bool en)
{
	json_t *out = json_array(), *e;
	size_t i;

	json_array_foreach(json_object_get(detail, "evidence"), i, e)
	{
		json_t *size = json_object_get(e, "size");
		char key[64];

		snprintf(key, sizeof(key), "kantor.evidence.%s", str(e, "kind"));
		json_array_append_new(
			out, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o}", "kind",
				       kantor_text(l, key, str(e, "kind")), "name",
				       str(e, "filename")[0] ? str(e, "filename") : str(e, "url"),
				       "mime", str(e, "mime"), "sha256", str(e, "sha256"), "size",
				       json_is_integer(size)
					       ? dasbor_int_json(json_integer_value(size), en)
					       : json_string(""),
				       "note", str(e, "note"), "url", str(e, "url"), "added",
				       time_words(l, json_object_get(e, "added_at"), tz)));
	}
	return out;
}

/* Whether arr already holds a member equal to s ({"key": s} for objects). */
static bool
holds(json_t *arr, const char *key, const char *s)
{
	json_t *v;
	size_t i;

	json_array_foreach(arr, i, v)
	{
		const char *x = key ? str(v, key) : json_string_value(v);

		if (x && strcmp(x, s) == 0)
			return true;
	}
	return false;
}

/* The evaluator's explanation without the lines that repeat what the file
 * lists just above it: the forms ("Hukuman: ...") and the legal basis
 * ("Dasar hukum: ..."), the line openings of src/rules/explain.c. */
static json_t *
explanation_rest(const char *text)
{
	static const char *const listed[] = {"Hukuman: ", "Dasar hukum: ", NULL};
	struct buf b = BUF_INIT;
	const char *p = text;
	json_t *out;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p), k;
		bool skip = false;

		for (k = 0; listed[k]; k++)
			if (strncmp(p, listed[k], strlen(listed[k])) == 0)
				skip = true;
		if (!skip && n) {
			if (b.len)
				buf_addch(&b, '\n');
			buf_add(&b, p, n);
		}
		p += n + (nl ? 1 : 0);
	}
	out = json_string(buf_cstr(&b));
	buf_release(&b);
	return out ? out : json_string("");
}

/* The recommendation stored on a track: level, institution, items with
 * their titles, the forms the PPK may choose, the legal basis (each once),
 * and the evaluator's reasoning. */
static json_t *
recommendation(const struct labels *lb, json_t *rec, json_t *track, const char *tz)
{
	json_t *ev, *items, *forms, *basis, *v;
	size_t i;

	if (!json_is_object(rec))
		return json_null();
	items = json_array();
	forms = json_array();
	basis = json_array();
	ev = json_array_get(json_object_get(rec, "evaluation"), 0);
	json_array_foreach(json_object_get(rec, "items"), i, v)
	{
		const char *id = json_string_value(v);

		if (id && !holds(items, "id", id))
			json_array_append_new(items,
					      json_pack("{s:s, s:s}", "id", id, "title",
							label_word(lb, LABEL_ITEM, id) != id
								? label_word(lb, LABEL_ITEM, id)
								: ""));
	}
	json_array_foreach(json_object_get(ev, "forms"), i, v)
	{
		if (!holds(forms, "text", str(v, "text")))
			json_array_append_new(forms, json_pack("{s:s, s:s}", "code", str(v, "code"),
							       "text", str(v, "text")));
	}
	json_array_foreach(json_object_get(ev, "legal_basis"), i, v)
	{
		if (str(v, "text")[0] && !holds(basis, NULL, str(v, "text")))
			json_array_append_new(basis, json_string(str(v, "text")));
	}
	return json_pack(
		"{s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "level",
		label_word(lb, LABEL_LEVEL,
			   str(rec, "level")[0] ? str(rec, "level") : str(track, "rec_level")),
		"institution", str(rec, "institution"), "at",
		time_words(lb->lang, json_object_get(track, "rec_at"), tz), "items", items, "forms",
		forms, "basis", basis, "explanation", explanation_rest(str(ev, "explanation")));
}

static json_t *
tracks(const struct labels *lb, json_t *detail, const char *tz)
{
	json_t *out = json_array(), *t;
	size_t i;

	json_array_foreach(json_object_get(detail, "tracks"), i, t)
	{
		const char *cmp = str(t, "sanction_vs_rec");
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "name", str(t, "name"),
				      "nip", str(t, "nip"), "status",
				      label_word(lb, LABEL_STATUS, str(t, "status")), "agency",
				      str(t, "agency"), "position", str(t, "position"), "state",
				      label_word(lb, LABEL_STATE, str(t, "state")), "ppk",
				      str(t, "ppk_office_name"));

		json_object_set_new(
			o, "recommendation",
			recommendation(lb, json_object_get(t, "recommendation"), t, tz));
		if (str(t, "sanction_level")[0] || str(t, "sanction_form")[0])
			json_object_set_new(
				o, "sanction",
				json_pack("{s:s, s:s, s:s, s:o, s:s}", "form",
					  str(t, "sanction_form"), "level",
					  label_word(lb, LABEL_LEVEL, str(t, "sanction_level")),
					  "sk", str(t, "sanction_sk"), "on",
					  date_words(lb->lang, str(t, "sanction_on"), tz), "cmp",
					  label_word(lb, LABEL_CMP, cmp[0] ? cmp : "none")));
		json_array_append_new(out, o);
	}
	return out;
}

int
web_cetak(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	json_t *ctx, *detail, *c;
	struct labels lb;
	struct errbuf eb;
	struct region r;
	int64_t id;
	const char *tz, *region, *office;

	ctx = web_officer_ctx(req, "cetak.title");
	if (ctx == NULL)
		return 0;
	web_labels(req, &lb);
	errbuf_clear(&eb);
	if (str_to_i64(str_from(req->params[0]), &id) < 0 || id <= 0) {
		json_decref(ctx);
		errbuf_set(&eb, ERR_NOT_FOUND, "Kasus tidak ditemukan.");
		return web_error_page(req, &eb);
	}
	if (cases_detail(&app->cases, who, id, &detail, &eb) < 0) {
		json_decref(ctx);
		return web_error_page(req, &eb);
	}
	tz = str(detail, "tz");
	region = str(detail, "region_code");
	office = str(json_object_get(detail, "office"), "name");
	c = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
		      (json_int_t)id, "code", str(detail, "code"), "kind",
		      label_word(&lb, LABEL_KIND, str(detail, "kind")), "election",
		      label_word(&lb, LABEL_ELECTION, str(detail, "election")), "state",
		      label_word(&lb, LABEL_STATE, str(detail, "state")), "region", region,
		      "region_name",
		      app->regions && region_find(app->regions, region, &r) == 0 ? r.name : "",
		      "place", str(detail, "place"), "description", str(detail, "description"),
		      "channel", str(detail, "channel"), "assigned", str(detail, "assigned_to"),
		      "office", office, "status_url", str(detail, "status_url"));
	json_object_set_new(c, "received", date_words(l, str(detail, "received_at"), tz));
	json_object_set_new(c, "received_iso", json_string(str(detail, "received_at")));
	json_object_set_new(c, "occurred", date_words(l, str(detail, "occurred_on"), tz));
	json_object_set_new(c, "known", date_words(l, str(detail, "known_on"), tz));
	json_object_set_new(c, "sealed",
			    json_boolean(json_is_true(json_object_get(
				    json_object_get(detail, "pelapor"), "sealed"))));
	json_object_set_new(
		c, "witnesses",
		dasbor_int_json((int64_t)json_array_size(json_object_get(detail, "witnesses")),
				en));
	json_object_set_new(c, "tracks", tracks(&lb, detail, tz));
	json_object_set_new(c, "deadlines", deadlines(detail, tz, &lb));
	json_object_set_new(c, "timeline", chronology(detail, tz, office, l));
	json_object_set_new(c, "evidence", evidence(detail, tz, l, en));
	json_object_set_new(c, "notes", notes(detail, tz, l));
	json_decref(detail);
	json_object_set_new(ctx, "case", c);
	json_object_set_new(ctx, "printed_at", time_words_t(l, clock_now(), who->tz));
	json_object_set_new(ctx, "css", json_pack("[s]", "cetak.css"));
	http_header_add(req, "Cache-Control", "private, no-store");
	return web_render(req, 200, "cetak", ctx);
}
