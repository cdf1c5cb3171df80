/*
 * kantor_view.c - the pure view helpers of the officers' workspace (see
 * kantor.h): labels from the catalog, times and sizes for people, the
 * timeline of a case in words, its deadlines judged against today, and its
 * evidence list.
 *
 * Invariants: nothing here reads the clock, the store or the network;
 * every input is treated as untrusted JSON (a missing or mistyped member
 * is skipped), and every string placed in the output is a copy.
 */
#include <stdio.h>
#include <string.h>

#include "cases/workflow.h"
#include "core/datetime.h"
#include "core/str.h"
#include "web/i18n.h"
#include "web/kantor.h"
#include "web/labels.h"
#include "web/web.h"

const char *
kantor_text(const struct i18n *lang, const char *key, const char *fallback)
{
	const char *v = i18n_get(lang, key);

	/* a missing key comes back as the key itself */
	return v == key || strcmp(v, key) == 0 ? fallback : v;
}

static const char *
label_of(const struct i18n *lang, const char *prefix, const char *id, const char *fallback)
{
	char key[96];

	if (id == NULL || id[0] == '\0')
		return fallback ? fallback : "";
	if (snprintf(key, sizeof(key), "%s%s", prefix, id) >= (int)sizeof(key))
		return fallback ? fallback : id;
	return kantor_text(lang, key, fallback ? fallback : id);
}

/* words of the catalog's one home (labels.h), else fallback */
static const char *
word_of(const struct i18n *lang, enum label_set set, const char *code, const char *fallback)
{
	struct labels lb = {lang, NULL, NULL};
	const char *w;

	if (code == NULL || code[0] == '\0')
		return fallback ? fallback : "";
	w = label_word(&lb, set, code);
	return w == code && fallback ? fallback : w;
}

const char *
kantor_state_label(const struct i18n *lang, const char *state)
{
	const struct wf_state *s = state ? wf_state_find(state) : NULL;

	return word_of(lang, LABEL_STATE, state, s ? s->label_id : state);
}

const char *
kantor_action_label(const struct i18n *lang, const char *action)
{
	const struct wf_transition *t = action ? wf_find(action) : NULL;

	return label_of(lang, "kantor.action.", action, t ? t->label : action);
}

const char *
kantor_level_label(const struct i18n *lang, const char *level)
{
	return word_of(lang, LABEL_LEVEL, level, level);
}

const char *
kantor_kind_label(const struct i18n *lang, const char *kind)
{
	return word_of(lang, LABEL_KIND, kind, kind);
}

void
kantor_time_text(const char *iso, char *out, size_t outsz)
{
	size_t n = iso ? strlen(iso) : 0;

	if (outsz == 0)
		return;
	/* "YYYY-MM-DDTHH:MM..." */
	if (n >= 16 && iso[4] == '-' && iso[7] == '-' && iso[10] == 'T' && iso[13] == ':' &&
	    outsz > 16) {
		memcpy(out, iso, 16);
		out[10] = ' ';
		out[16] = '\0';
		return;
	}
	cstr_copy(out, outsz, iso ? iso : "");
}

void
kantor_size_text(int64_t bytes, char *out, size_t outsz)
{
	static const char *const units[] = {"B", "KB", "MB", "GB"};
	double v = (double)(bytes < 0 ? 0 : bytes);
	size_t u = 0;
	char *comma;

	if (outsz == 0)
		return;
	while (v >= 1024 && u + 1 < ARRAY_SIZE(units)) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(out, outsz, "%lld %s", (long long)(bytes < 0 ? 0 : bytes), units[0]);
	else
		snprintf(out, outsz, "%.1f %s", v, units[u]);
	/* Indonesian decimal comma */
	comma = strchr(out, '.');
	if (comma)
		*comma = ',';
}

bool
kantor_url_safe(const char *url)
{
	return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0);
}

/* --- timeline --------------------------------------------------------------- */

static const char *
jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* o[key] = a copy of s, or null when s is NULL (or not UTF-8) */
static void
put(json_t *o, const char *key, const char *s)
{
	json_t *v = s ? json_string(s) : NULL;

	json_object_set_new(o, key, v ? v : json_null());
}

static void
fact(json_t *facts, const struct i18n *lang, const char *key, const char *fallback,
     const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	json_array_append_new(facts, json_pack("{s:s, s:s}", "label",
					       kantor_text(lang, key, fallback), "value", value));
}

static void
fact_int(json_t *facts, const struct i18n *lang, const char *key, const char *fallback, json_t *v)
{
	char num[32];

	if (!json_is_integer(v))
		return;
	snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
	fact(facts, lang, key, fallback, num);
}

static const char *
track_name(json_t *tracks, json_int_t id)
{
	json_t *t;
	size_t i;

	json_array_foreach(tracks, i, t)
	{
		if (json_integer_value(json_object_get(t, "id")) == id)
			return jstr(t, "name");
	}
	return NULL;
}

/* Whether arr[i] repeats a string member before it. */
static bool
seen_before(json_t *arr, size_t i)
{
	const char *s = json_string_value(json_array_get(arr, i));
	size_t k;

	for (k = 0; s && k < i; k++)
		if (json_equal(json_array_get(arr, k), json_array_get(arr, i)))
			return true;
	return false;
}

/* "a, b, c" of the strings of arr, each once (objects give their "rule"
 * and "due"; other members are skipped), into b */
static void
join_strings(json_t *arr, struct buf *b)
{
	json_t *v;
	size_t i;

	buf_reset(b);
	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);

		if (s == NULL)
			s = jstr(v, "rule");
		if (s == NULL || seen_before(arr, i))
			continue;
		if (b->len)
			buf_addstr(b, ", ");
		buf_addstr(b, s);
		if (json_is_object(v) && jstr(v, "due")) {
			buf_addstr(b, " (");
			buf_addstr(b, jstr(v, "due"));
			buf_addch(b, ')');
		}
	}
}

static const char *
cmp_label(const struct i18n *lang, const char *cmp)
{
	if (cmp == NULL)
		return NULL;
	return word_of(lang, LABEL_CMP, cmp, cmp);
}

static void
transition_facts(json_t *e, json_t *d, const struct i18n *lang, struct buf *tmp)
{
	json_t *facts = json_object_get(e, "facts"), *s;
	const char *v;

	v = jstr(d, "level");
	fact(facts, lang, "kantor.fact.level", "Tingkat", v ? kantor_level_label(lang, v) : NULL);
	fact(facts, lang, "kantor.fact.institution", "Diteruskan kepada", jstr(d, "institution"));
	join_strings(json_object_get(d, "items"), tmp);
	fact(facts, lang, "kantor.fact.items", "Butir katalog", buf_cstr(tmp));
	fact(facts, lang, "kantor.fact.referral", "Dirujuk kepada", jstr(d, "referral"));
	s = json_object_get(d, "sanction");
	if (json_is_object(s)) {
		fact(facts, lang, "kantor.fact.sk", "Nomor SK", jstr(s, "sk_number"));
		fact(facts, lang, "kantor.fact.sk_date", "Tanggal SK", jstr(s, "sk_date"));
		fact(facts, lang, "kantor.fact.form", "Bentuk sanksi", jstr(s, "form"));
		v = jstr(s, "level");
		fact(facts, lang, "kantor.fact.sanction_level", "Tingkat sanksi",
		     v ? kantor_level_label(lang, v) : NULL);
		fact(facts, lang, "kantor.fact.vs_rec", "Dibanding rekomendasi",
		     cmp_label(lang, jstr(s, "vs_recommendation")));
	}
	v = jstr(d, "escalation");
	fact(facts, lang, "kantor.fact.escalation", "Tindakan eskalasi",
	     v ? label_of(lang, "kantor.escalation.", v, v) : NULL);
	v = jstr(d, "case_to");
	fact(facts, lang, "kantor.fact.case_to", "Status kasus menjadi",
	     v ? kantor_state_label(lang, v) : NULL);
	join_strings(json_object_get(d, "deadlines_started"), tmp);
	fact(facts, lang, "kantor.fact.started", "Tenggat dimulai", buf_cstr(tmp));
	join_strings(json_object_get(d, "deadlines_closed"), tmp);
	fact(facts, lang, "kantor.fact.closed", "Tenggat ditutup", buf_cstr(tmp));
}

static json_t *
timeline_entry(json_t *ev, json_t *tracks, const struct tz *zone, const struct i18n *lang,
	       struct buf *tmp)
{
	const char *kind = jstr(ev, "kind"), *v;
	json_t *d = json_object_get(ev, "data"), *e, *facts;
	json_t *at = json_object_get(ev, "at");
	char iso[TIME_STRLEN], when[40];

	if (kind == NULL)
		return NULL;
	if (!json_is_object(d))
		d = NULL;
	e = json_object();
	if (json_is_integer(at)) {
		time_format_iso(json_integer_value(at), zone->offset_min, iso);
		kantor_time_text(iso, when, sizeof(when));
		json_object_set_new(e, "at", json_sprintf("%s %s", when, zone->name));
		put(e, "at_iso", iso); /* the machine-readable <time datetime> */
	} else {
		json_object_set_new(e, "at", json_null());
		json_object_set_new(e, "at_iso", json_null());
	}
	put(e, "actor", jstr(ev, "actor") ? jstr(ev, "actor") : "");
	json_object_set_new(e, "from", json_null());
	json_object_set_new(e, "to", json_null());
	json_object_set_new(e, "terlapor", json_null());
	json_object_set_new(e, "reason", json_null());
	facts = json_array();
	json_object_set_new(e, "facts", facts);
	if (d && jstr(d, "reason"))
		put(e, "reason", jstr(d, "reason"));
	if (json_is_integer(json_object_get(ev, "track_id"))) {
		v = track_name(tracks, json_integer_value(json_object_get(ev, "track_id")));
		if (v)
			put(e, "terlapor", v);
	}

	if (strcmp(kind, "transisi") == 0) {
		put(e, "title", kantor_action_label(lang, d ? jstr(d, "action") : ""));
		if (d && jstr(d, "from") && jstr(d, "to") &&
		    strcmp(jstr(d, "from"), jstr(d, "to"))) {
			put(e, "from", kantor_state_label(lang, jstr(d, "from")));
			put(e, "to", kantor_state_label(lang, jstr(d, "to")));
		}
		if (d)
			transition_facts(e, d, lang, tmp);
		return e;
	}
	put(e, "title", label_of(lang, "kantor.event.", kind, kind));
	if (d == NULL)
		return e;
	if (strcmp(kind, "laporan_diterima") == 0 || strcmp(kind, "temuan_dicatat") == 0) {
		v = jstr(d, "to");
		fact(facts, lang, "kantor.fact.first_state", "Status awal",
		     v ? kantor_state_label(lang, v) : NULL);
		fact(facts, lang, "kantor.fact.channel", "Kanal", jstr(d, "channel"));
		fact_int(facts, lang, "kantor.fact.terlapor_count", "Jumlah terlapor",
			 json_object_get(d, "terlapor"));
		if (json_array_size(json_object_get(d, "evidence"))) {
			json_t *n = json_integer(
				(json_int_t)json_array_size(json_object_get(d, "evidence")));

			fact_int(facts, lang, "kantor.fact.files", "Berkas bukti", n);
			json_decref(n);
		}
	} else if (strcmp(kind, "ditugaskan") == 0) {
		fact(facts, lang, "kantor.fact.assigned_to", "Kepada",
		     jstr(d, "to")
			     ? jstr(d, "to")
			     : kantor_text(lang, "kantor.fact.unassigned", "(tanpa petugas)"));
	} else if (strcmp(kind, "diklaim") == 0) {
		fact(facts, lang, "kantor.fact.by", "Oleh", jstr(d, "by"));
	} else if (strcmp(kind, "catatan") == 0) {
		fact_int(facts, lang, "kantor.fact.length", "Panjang (karakter)",
			 json_object_get(d, "length"));
	} else if (strcmp(kind, "digabung") == 0) {
		fact(facts, lang, "kantor.fact.into", "Ke kasus", jstr(d, "into"));
	} else if (strcmp(kind, "menerima_gabungan") == 0) {
		fact(facts, lang, "kantor.fact.from", "Dari kasus", jstr(d, "from"));
	} else if (strcmp(kind, "identitas_pelapor") == 0) {
		v = jstr(d, "outcome");
		put(e, "title",
		    label_of(lang, "kantor.event.identitas_", v,
			     label_of(lang, "kantor.event.", kind, kind)));
	}
	return e;
}

json_t *
kantor_timeline(json_t *events, json_t *tracks, const char *tz, const struct i18n *lang)
{
	const struct tz *zone = tz_find(str_from(tz));
	struct buf tmp = BUF_INIT;
	json_t *out = json_array(), *ev;
	size_t i;

	if (zone == NULL)
		zone = &tz_wita;
	buf_init(&tmp, 4096);
	json_array_foreach(events, i, ev)
	{
		json_t *e =
			json_is_object(ev) ? timeline_entry(ev, tracks, zone, lang, &tmp) : NULL;

		if (e)
			json_array_append_new(out, e);
	}
	buf_release(&tmp);
	return out;
}

/* --- deadlines -------------------------------------------------------------- */

json_t *
kantor_deadlines(json_t *deadlines, json_t *tracks, const char *today, const char *soon,
		 const struct i18n *lang)
{
	json_t *out = json_array(), *d;
	size_t i, k;

	json_array_foreach(deadlines, i, d)
	{
		json_t *x, *row, *skipped, *sk;
		const char *status = jstr(d, "status"), *due = jstr(d, "due_on");
		bool open = status && strcmp(status, "open") == 0;
		bool overdue = open && due && today && strcmp(due, today) < 0;
		bool due_soon = open && due && today && soon && !overdue && strcmp(due, soon) <= 0;

		if (!json_is_object(d) || jstr(d, "rule") == NULL)
			continue;
		x = json_object_get(d, "explanation");
		if (!json_is_object(x))
			x = NULL;
		row = json_object();
		put(row, "rule", jstr(d, "rule"));
		put(row, "title", x && jstr(x, "title") ? jstr(x, "title") : jstr(d, "rule"));
		json_object_set_new(row, "terlapor", json_null());
		if (json_is_integer(json_object_get(d, "track_id"))) {
			const char *n = track_name(
				tracks, json_integer_value(json_object_get(d, "track_id")));

			if (n)
				put(row, "terlapor", n);
		}
		put(row, "start", jstr(d, "start_on") ? jstr(d, "start_on") : "");
		put(row, "due", due ? due : "");
		put(row, "status", status ? status : "");
		put(row, "status_label", word_of(lang, LABEL_DEADLINE, status, status));
		json_object_set_new(row, "open", json_boolean(open));
		json_object_set_new(row, "overdue", json_boolean(overdue));
		json_object_set_new(row, "due_soon", json_boolean(due_soon));
		put(row, "basis", x ? jstr(x, "basis") : NULL);
		put(row, "explanation", x ? jstr(x, "explanation") : NULL);
		json_object_set_new(
			row, "provisional",
			json_is_true(json_object_get(d, "provisional"))
				? web_provisional_text(
					  lang, x ? json_object_get(x, "provisional_years") : NULL)
				: json_null());
		skipped = json_array();
		json_object_set_new(row, "skipped", skipped);
		json_array_foreach(x ? json_object_get(x, "skipped") : NULL, k, sk)
		{
			if (jstr(sk, "date") && jstr(sk, "reason"))
				json_array_append_new(skipped, json_pack("{s:s, s:s}", "date",
									 jstr(sk, "date"), "reason",
									 jstr(sk, "reason")));
		}
		json_object_set_new(row, "has_skipped", json_boolean(json_array_size(skipped) > 0));
		put(row, "reason", open ? NULL : jstr(d, "reason"));
		json_array_append_new(out, row);
	}
	return out;
}

/* --- evidence ----------------------------------------------------------------- */

json_t *
kantor_evidence(json_t *evidence, int64_t case_id, const struct i18n *lang)
{
	json_t *out = json_array(), *e;
	size_t i;

	json_array_foreach(evidence, i, e)
	{
		const char *kind = jstr(e, "kind"), *sha = jstr(e, "sha256"),
			   *mime = jstr(e, "mime");
		const char *url = jstr(e, "url");
		json_t *row;
		char size[32];

		if (!json_is_object(e) || kind == NULL)
			continue;
		row = json_object();
		put(row, "kind_label", label_of(lang, "kantor.evidence.", kind, kind));
		put(row, "filename", jstr(e, "filename") ? jstr(e, "filename") : "");
		put(row, "mime", mime ? mime : "");
		put(row, "note", jstr(e, "note") ? jstr(e, "note") : "");
		json_object_set_new(row, "size", json_null());
		json_object_set_new(row, "sha256", json_null());
		json_object_set_new(row, "url", json_null());
		json_object_set_new(row, "image", json_false());
		json_object_set_new(row, "link", json_null());
		if (json_is_integer(json_object_get(e, "size")) && sha) {
			kantor_size_text(json_integer_value(json_object_get(e, "size")), size,
					 sizeof(size));
			put(row, "size", size);
		}
		/* a stored file: only a well-formed hash becomes part of a URL */
		if (sha && strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64) {
			put(row, "sha256", sha);
			json_object_set_new(row, "url",
					    json_sprintf("/api/v1/cases/%lld/evidence/%s",
							 (long long)case_id, sha));
			json_object_set_new(row, "image",
					    json_boolean(mime && strncmp(mime, "image/", 6) == 0));
		}
		if (kantor_url_safe(url))
			put(row, "link", url);
		else if (url)
			json_object_set_new(row, "note",
					    json_sprintf("%s%s%s", url,
							 jstr(e, "note") ? " · " : "",
							 jstr(e, "note") ? jstr(e, "note") : ""));
		json_array_append_new(out, row);
	}
	return out;
}

/* --- the evaluator's answer for the recommendation builder ------------------- */

static json_t *
string_list(json_t *arr)
{
	json_t *out = json_array(), *v;
	size_t i;

	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);

		if (s == NULL)
			s = jstr(v, "text");
		if (s)
			json_array_append_new(out, json_string(s));
	}
	return out;
}

json_t *
kantor_preview(json_t *answer, const struct i18n *lang)
{
	json_t *out = json_object(), *items = json_array(), *forms = json_array(), *it, *route;
	struct buf tmp = BUF_INIT;
	const char *v;
	size_t i;

	buf_init(&tmp, 4096);
	v = jstr(answer, "verdict");
	put(out, "verdict", v);
	put(out, "verdict_label", v ? label_of(lang, "kantor.verdict.", v, v) : NULL);
	v = jstr(answer, "level");
	put(out, "level", v);
	put(out, "level_label", v ? kantor_level_label(lang, v) : NULL);
	json_array_foreach(json_object_get(answer, "items"), i, it)
	{
		const char *id = jstr(it, "id"), *lv = jstr(it, "level");
		json_t *row, *score = json_object_get(it, "score");

		if (id == NULL)
			continue;
		row = json_object();
		put(row, "id", id);
		put(row, "title", jstr(it, "title"));
		put(row, "level_label", lv ? kantor_level_label(lang, lv) : NULL);
		json_object_set_new(row, "applies",
				    json_boolean(json_is_true(json_object_get(it, "applies"))));
		join_strings(json_object_get(it, "matched"), &tmp);
		put(row, "matched", buf_cstr(&tmp));
		json_object_set_new(row, "score",
				    json_is_number(score)
					    ? json_sprintf("%.1f", json_number_value(score))
					    : json_null());
		json_object_set_new(row, "notes", string_list(json_object_get(it, "notes")));
		json_array_append_new(items, row);
	}
	json_object_set_new(out, "items", items);
	json_array_foreach(json_object_get(answer, "forms"), i, it)
	{
		if (jstr(it, "text"))
			json_array_append_new(forms,
					      json_pack("{s:s, s:s}", "code",
							jstr(it, "code") ? jstr(it, "code") : "",
							"text", jstr(it, "text")));
	}
	json_object_set_new(out, "has_forms", json_boolean(json_array_size(forms) > 0));
	json_object_set_new(out, "forms", forms);
	put(out, "forms_regime", jstr(answer, "forms_regime"));
	json_object_set_new(out, "basis", string_list(json_object_get(answer, "legal_basis")));
	route = json_object_get(answer, "route");
	put(out, "route_summary", jstr(route, "summary"));
	put(out, "route_text", jstr(route, "text"));
	put(out, "recommending", jstr(route, "recommending"));
	json_object_set_new(out, "missing", string_list(json_object_get(answer, "missing")));
	json_object_set_new(out, "notes", string_list(json_object_get(answer, "notes")));
	/* the explanation has one statement per line */
	{
		json_t *lines = json_array();
		const char *x = jstr(answer, "explanation");

		while (x && *x) {
			const char *nl = strchr(x, '\n');
			size_t n = nl ? (size_t)(nl - x) : strlen(x);

			if (n)
				json_array_append_new(lines, json_stringn(x, n));
			x += n + (nl != NULL);
		}
		json_object_set_new(out, "explanation", lines);
	}
	buf_release(&tmp);
	return out;
}
