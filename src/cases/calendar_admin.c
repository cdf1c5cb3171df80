/*
 * calendar_admin.c - holidays and elections added by administrators, the
 * calendar rebuilt on every change and the open deadlines it moves (see
 * calendar_admin.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "cases/cases_internal.h"
#include "cases/deadline_memo.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "store/store_calendar.h"

/* --- loading: data files + admin rows ---------------------------------------- */

struct admin_rows {
	struct calendar_admin_holiday *h;
	size_t nh;
	struct calendar_file *e;
	size_t ne;
	struct arena arena;
};

static int
collect_holiday(void *arg, const struct store_cal_holiday *r)
{
	struct admin_rows *a = arg;
	struct calendar_admin_holiday *h;

	a->h = xreallocarray(a->h, a->nh + 1, sizeof(*a->h));
	h = &a->h[a->nh++];
	memset(h, 0, sizeof(*h));
	h->id = r->id;
	if (date_parse(str_from(r->date), &h->date) < 0)
		h->date = (struct date){0, 0, 0};
	h->kind = arena_strdup(&a->arena, r->kind);
	h->name = arena_strdup(&a->arena, r->name);
	h->basis = arena_strdup(&a->arena, r->basis);
	h->source_url = arena_strdup(&a->arena, r->source_url);
	return 0;
}

static int
collect_election(void *arg, const struct store_cal_election *r)
{
	struct admin_rows *a = arg;
	struct calendar_file *f;

	a->e = xreallocarray(a->e, a->ne + 1, sizeof(*a->e));
	f = &a->e[a->ne++];
	f->name = arena_printf(&a->arena, "calendars/elections/%s.json", r->election_id);
	f->data = arena_strndup(&a->arena, r->body ? r->body : "", r->body_len);
	f->len = r->body_len;
	return 0;
}

/* Build the calendar from the data files and the admin rows seen by c. */
static int
load_on(struct store_conn *c, const char *dir, struct calendar **out, int64_t *version,
	struct errbuf *eb)
{
	struct admin_rows a;
	struct calendar_admin ca;
	int rc;

	memset(&a, 0, sizeof(a));
	arena_init(&a.arena, 16 * 1024);
	rc = store_cal_version(c, version, eb);
	if (rc == 0)
		rc = store_cal_holiday_each(c, collect_holiday, &a, eb);
	if (rc == 0)
		rc = store_cal_election_each(c, collect_election, &a, eb);
	if (rc == 0) {
		ca = (struct calendar_admin){a.h, a.nh, a.e, a.ne};
		rc = calendar_load_admin(out, dir && dir[0] ? dir : NULL, &ca, eb);
	}
	free(a.h);
	free(a.e);
	arena_release(&a.arena);
	return rc;
}

int
cases_calendar_load(struct store *st, const char *dir, struct calendar **out, int64_t *version,
		    struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	int rc = load_on(c, dir, out, version, eb);

	store_reader_done(st, c);
	return rc;
}

/* --- one change, one job -------------------------------------------------------- */

/* OP_SWEEP changes nothing: it recounts, on the published calendar, the
 * deadlines started while a change was being published (ids above the
 * change's deadlines_upto), which were counted on the calendar before it. */
enum cal_op { OP_ADD, OP_IMPORT, OP_REMOVE, OP_ELECTION, OP_SWEEP };

struct cal_job {
	struct cases_ctx *cx;
	enum cal_op op;
	const struct calendar_actor *who;
	int64_t now;
	/* input */
	struct store_cal_holiday *rows; /* OP_ADD, OP_IMPORT */
	size_t nrows;
	int64_t remove_id; /* OP_REMOVE */
	const char *body;  /* OP_ELECTION */
	char election_id[32];
	const char *file; /* OP_IMPORT: the name given */
	char why[320];    /* why deadlines move, for their audit events */
	int64_t after_id; /* OP_SWEEP: recount deadlines above this id */
	/* output */
	struct calendar *cal; /* the new calendar; NULL for OP_SWEEP (the published one) */
	int64_t version;
	int64_t upto; /* the highest deadline id the change recounted */
	struct calendar_change *out;
};

static const char *
actor_name(const struct calendar_actor *who)
{
	return who && who->name && who->name[0] ? who->name : "sistem";
}

static int
record(struct store_conn *c, const struct cal_job *j, int64_t case_id, int64_t track_id,
       const char *kind, json_t *data, struct errbuf *eb)
{
	struct audit_event ev;
	char *text;
	int rc;

	if (j->who && j->who->via)
		json_object_set_new(data, "via", json_string(j->who->via));
	text = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(data);
	if (text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "data audit tidak dapat dibentuk");
	memset(&ev, 0, sizeof(ev));
	ev.at = j->now;
	ev.case_id = case_id;
	ev.track_id = track_id;
	ev.user_id = j->who ? j->who->user_id : 0;
	ev.actor = actor_name(j->who);
	ev.kind = kind;
	ev.data = text;
	rc = audit_append(c, &ev, eb);
	free(text);
	return rc;
}

static json_t *
holiday_json(const struct store_cal_holiday *h)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)h->id, "date", h->date,
			 "kind", h->kind, "name", h->name, "basis", h->basis, "source_url",
			 h->source_url);
}

struct open_list {
	struct store_open_deadline *v;
	size_t n;
};

static int
collect_open(void *arg, const struct store_open_deadline *d)
{
	struct open_list *l = arg;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = *d;
	return 0;
}

/* Recompute, on the new calendar, every open deadline due on or after
 * j->out->first_date and every open provisional one; write them all (the
 * explanation may name a new holiday even when the day stays) and audit the
 * ones whose due date or provisional flag changed. */
static int
recompute(struct store_conn *c, struct cal_job *j, struct errbuf *eb)
{
	struct open_list l = {NULL, 0};
	size_t i;
	int rc;

	rc = store_deadlines_open_from(c, j->out->first_date, j->after_id, collect_open, &l, eb);
	for (i = 0; rc == 0 && i < l.n; i++) {
		const struct store_open_deadline *d = &l.v[i];
		struct cases_recomputed r;
		struct errbuf local;
		int got;

		errbuf_clear(&local);
		got = cases_deadline_recompute(j->cx, j->cal, d->rule, d->start_on, d->tz,
					       d->due_on, d->provisional, &r, &local);
		if (got != 0) {
			/* no longer computable (a year of data removed): keep the row */
			log_warn("calendar: deadline %lld (%s from %s) kept: %s", (long long)d->id,
				 d->rule, d->start_on, got < 0 ? local.msg : "rule not in effect");
			cases_recomputed_release(&r);
			continue;
		}
		rc = store_deadline_redate(c, d->id, r.due, r.text, r.provisional, r.reason, eb);
		if (rc == 0 && r.changed) {
			rc = record(c, j, d->case_id, d->track_id, "tenggat_dihitung_ulang",
				    json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:b, s:s}",
					      "deadline_id", (json_int_t)d->id, "rule", d->rule,
					      "start", d->start_on, "old_due", d->due_on, "new_due",
					      r.due, "old_provisional", d->provisional,
					      "new_provisional", r.provisional, "why", j->why),
				    eb);
			j->out->moved++;
		}
		j->out->rewritten++;
		cases_recomputed_release(&r);
	}
	free(l.v);
	return rc;
}

static void
first_date_min(struct calendar_change *out, const char *date)
{
	if (out->first_date[0] == '\0' || strcmp(date, out->first_date) < 0)
		cstr_copy(out->first_date, sizeof(out->first_date), date);
}

static int
cal_job_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct cal_job *j = arg;
	const char *dir = j->cx->cfg ? j->cx->cfg->knowledge_dir : NULL;
	struct calendar_change *out = j->out;
	size_t i;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	cstr_copy(out->election_id, sizeof(out->election_id), j->election_id);
	j->cal = NULL;
	if (j->op == OP_SWEEP) {
		cstr_copy(out->first_date, sizeof(out->first_date), "0000-01-01");
		return recompute(c, j, eb);
	}
	switch (j->op) {
	case OP_ADD:
	case OP_IMPORT: {
		json_t *rows = json_array();

		for (i = 0; rc == 0 && i < j->nrows; i++) {
			struct store_cal_holiday *h = &j->rows[i];

			cstr_copy(h->added_by, sizeof(h->added_by), actor_name(j->who));
			h->added_at = j->now;
			rc = store_cal_holiday_insert(c, h, &h->id, eb);
			if (rc < 0 && j->op == OP_IMPORT) {
				char msg[sizeof(eb->msg)];

				cstr_copy(msg, sizeof(msg), eb->msg);
				errbuf_set_code(eb, eb->kind, errbuf_code(eb), "baris %zu: %s",
						i + 2, msg);
			}
			if (rc == 0) {
				first_date_min(out, h->date);
				if (i == 0)
					out->id = h->id;
				out->rows++;
				if (j->op == OP_ADD || i < 50)
					json_array_append_new(rows, holiday_json(h));
			}
		}
		if (rc < 0) {
			json_decref(rows);
			return -1;
		}
		if (j->op == OP_ADD) {
			json_t *one = json_incref(json_array_get(rows, 0));

			json_decref(rows);
			rc = record(c, j, 0, 0, "hari_libur_ditambah", one, eb);
			snprintf(j->why, sizeof(j->why),
				 "hari libur %s ditambahkan: %.120s (%.120s)", j->rows[0].date,
				 j->rows[0].name, j->rows[0].basis);
		} else {
			rc = record(c, j, 0, 0, "hari_libur_diimpor",
				    json_pack("{s:s, s:I, s:s, s:o}", "file", j->file, "rows",
					      (json_int_t)out->rows, "first_date", out->first_date,
					      "holidays", rows),
				    eb);
			snprintf(j->why, sizeof(j->why),
				 "%zu hari libur diimpor dari %.100s (mulai %s)", out->rows,
				 j->file, out->first_date);
		}
		break;
	}
	case OP_REMOVE: {
		struct store_cal_holiday h;

		if (store_cal_holiday_remove(c, j->remove_id, actor_name(j->who), j->now, &h, eb) <
		    0)
			return -1;
		out->id = h.id;
		out->rows = 1;
		first_date_min(out, h.date);
		rc = record(c, j, 0, 0, "hari_libur_dihapus", holiday_json(&h), eb);
		snprintf(j->why, sizeof(j->why), "hari libur %s dihapus: %.200s", h.date, h.name);
		break;
	}
	case OP_SWEEP: break;
	case OP_ELECTION:
		rc = store_cal_election_put(c, out->election_id, j->body, actor_name(j->who),
					    j->now, &out->id, &out->replaced, eb);
		if (rc == 0)
			rc = record(c, j, 0, 0, "pemilihan_ditambah",
				    json_pack("{s:s, s:I, s:b}", "election", out->election_id,
					      "row", (json_int_t)out->id, "replaced",
					      out->replaced),
				    eb);
		break;
	}
	if (rc < 0)
		return -1;
	/* the new calendar must load, or nothing of this change is kept */
	if (load_on(c, dir, &j->cal, &j->version, eb) < 0 ||
	    store_cal_version_upto(c, &j->version, &j->upto, eb) < 0) {
		calendar_free(j->cal);
		j->cal = NULL;
		return -1;
	}
	if (out->first_date[0] && recompute(c, j, eb) < 0) {
		calendar_free(j->cal);
		j->cal = NULL;
		return -1;
	}
	return 0;
}

/* After a new calendar is published: recount, on it, the deadlines started
 * since the change (ids above upto), which were counted on the calendar
 * before.  Jobs queued before this one have run by then (one writer, in
 * order); jobs after it read the published calendar. */
static void
sweep_after(struct cases_ctx *cx, int64_t upto, int64_t version)
{
	struct calendar_change out;
	struct cal_job j;
	struct errbuf eb;

	memset(&j, 0, sizeof(j));
	j.cx = cx;
	j.op = OP_SWEEP;
	j.after_id = upto;
	j.out = &out;
	j.now = clock_now();
	snprintf(j.why, sizeof(j.why),
		 "tenggat yang dimulai ketika kalender versi %lld diterbitkan dihitung ulang "
		 "pada kalender itu",
		 (long long)version);
	errbuf_clear(&eb);
	if (store_write(cx->store, cal_job_run, &j, &eb) < 0)
		log_warn("calendar: recounting deadlines started during the change failed: %s",
			 eb.msg);
	else if (out.rewritten)
		log_info("calendar: %zu deadline(s) started during the change recounted, %zu moved",
			 out.rewritten, out.moved);
}

static int
cal_job_submit(struct cal_job *j, struct errbuf *eb)
{
	struct cases_ctx *cx = j->cx;

	if (cx->store == NULL)
		return errbuf_set(eb, ERR_UNAVAILABLE, "basis data tidak dibuka");
	j->now = clock_now();
	if (store_write(cx->store, cal_job_run, j, eb) < 0) {
		calendar_free(j->cal);
		j->cal = NULL;
		return -1;
	}
	if (cx->cal_live)
		calendar_live_publish(cx->cal_live, j->cal, j->version);
	else
		calendar_free(j->cal);
	j->cal = NULL;
	deadline_memo_clear(cx->deadlines);
	log_info("calendar: changed by %s (version %lld; %zu deadline(s) moved)",
		 actor_name(j->who), (long long)j->version, j->out->moved);
	if (cx->cal_live)
		sweep_after(cx, j->upto, j->version);
	return 0;
}

/* --- the operations ---------------------------------------------------------- */

int
cases_calendar_require(const struct principal *who, struct errbuf *eb)
{
	if (who == NULL || who->user_id == 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, PERM_USER_ADMIN))
		return errbuf_set(eb, ERR_FORBIDDEN,
				  "hanya administrator yang dapat mengubah kalender");
	if (who->region_prefix[0])
		return errbuf_set(eb, ERR_FORBIDDEN,
				  "hari libur dan jadwal pemilihan berlaku nasional: hanya "
				  "administrator kantor pusat yang dapat mengubahnya");
	return 0;
}

int
cases_calendar_holiday_add(struct cases_ctx *cx, const struct store_cal_holiday *h,
			   const struct calendar_actor *who, struct calendar_change *out,
			   struct errbuf *eb)
{
	const char *kind = calendar_holiday_kind_norm(h->kind);
	struct store_cal_holiday row;
	struct date d;
	struct cal_job j;

	if (kind == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_holiday",
				       "jenis \"%s\" tidak dikenal; pilih libur, cuti_bersama atau "
				       "pemungutan",
				       h->kind);
	if (calendar_holiday_check_one(h->date, kind, h->name, h->basis, h->source_url, eb) < 0)
		return -1;
	row = *h;
	cstr_copy(row.kind, sizeof(row.kind), kind);
	/* one spelling of the date and the trimmed texts */
	date_parse(str_trim(str_from(h->date)), &d);
	/* a year with one row counts as complete: a single holiday must not
	 * make an unloaded year look loaded (deadlines would skip only it) */
	if (cases_cal(cx) && !calendar_covers(cases_cal(cx), d))
		return errbuf_set_code(
			eb, ERR_INVALID_INPUT, "year_not_loaded",
			"data hari libur tahun %d belum dimuat; muat dahulu seluruh SKB "
			"tahun itu dengan impor CSV (tahun yang memiliki satu baris "
			"dianggap lengkap)",
			d.year);
	date_format(d, row.date);
	{
		struct str t = str_trim(str_from(h->name));

		snprintf(row.name, sizeof(row.name), "%.*s", (int)t.len, t.ptr);
		t = str_trim(str_from(h->basis));
		snprintf(row.basis, sizeof(row.basis), "%.*s", (int)t.len, t.ptr);
		t = str_trim(str_from(h->source_url));
		snprintf(row.source_url, sizeof(row.source_url), "%.*s", (int)t.len, t.ptr);
	}
	memset(&j, 0, sizeof(j));
	j.cx = cx;
	j.op = OP_ADD;
	j.who = who;
	j.rows = &row;
	j.nrows = 1;
	j.out = out;
	return cal_job_submit(&j, eb);
}

struct import_rows {
	struct store_cal_holiday *v;
	size_t n;
};

static int
import_row(void *arg, const struct holiday *h, struct errbuf *eb)
{
	struct import_rows *r = arg;
	struct store_cal_holiday *o;

	(void)eb;
	r->v = xreallocarray(r->v, r->n + 1, sizeof(*r->v));
	o = &r->v[r->n++];
	memset(o, 0, sizeof(*o));
	date_format(h->date, o->date);
	cstr_copy(o->kind, sizeof(o->kind), calendar_holiday_kind_name(h->kind));
	cstr_copy(o->name, sizeof(o->name), h->name);
	cstr_copy(o->basis, sizeof(o->basis), h->basis);
	cstr_copy(o->source_url, sizeof(o->source_url), h->source_url);
	return 0;
}

int
cases_calendar_holiday_import(struct cases_ctx *cx, const char *file, const char *text, size_t len,
			      const struct calendar_actor *who, struct calendar_change *out,
			      struct errbuf *eb)
{
	struct import_rows r = {NULL, 0};
	struct cal_job j;
	int rc;

	if (len > CALENDAR_IMPORT_BYTES)
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "%s: lebih dari %u byte", file,
				  CALENDAR_IMPORT_BYTES);
	/* every row is checked before anything is written */
	rc = calendar_holidays_check(file, text, len, import_row, &r, eb);
	if (rc == 0) {
		memset(&j, 0, sizeof(j));
		j.cx = cx;
		j.op = OP_IMPORT;
		j.who = who;
		j.rows = r.v;
		j.nrows = r.n;
		j.file = file;
		j.out = out;
		rc = cal_job_submit(&j, eb);
	}
	free(r.v);
	return rc;
}

int
cases_calendar_holiday_remove(struct cases_ctx *cx, int64_t id, const struct calendar_actor *who,
			      struct calendar_change *out, struct errbuf *eb)
{
	struct cal_job j;

	if (id <= 0)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "unknown_holiday",
				       "nomor hari libur tidak sah");
	memset(&j, 0, sizeof(j));
	j.cx = cx;
	j.op = OP_REMOVE;
	j.who = who;
	j.remove_id = id;
	j.out = out;
	return cal_job_submit(&j, eb);
}

int
cases_calendar_election_add(struct cases_ctx *cx, const char *text, size_t len,
			    const struct calendar_actor *who, struct calendar_change *out,
			    struct errbuf *eb)
{
	json_error_t jerr;
	json_t *root;
	const char *id;
	struct cal_job j;
	char *body;
	int rc;

	if (len > CALENDAR_MAX_FILE)
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "berkas pemilihan lebih dari %u byte",
				  CALENDAR_MAX_FILE);
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "berkas pemilihan:%d: JSON tidak sah: %s", jerr.line,
				       jerr.text);
	id = json_string_value(json_object_get(root, "id"));
	if (id == NULL || strlen(id) >= sizeof(out->election_id) || strchr(id, '/') ||
	    id[0] == '.' || id[0] == '\0') {
		json_decref(root);
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "berkas pemilihan: \"id\" harus ada (huruf kecil, angka dan "
				       "_, paling panjang 31)");
	}
	memset(&j, 0, sizeof(j));
	j.out = out;
	j.cx = cx;
	j.op = OP_ELECTION;
	j.who = who;
	cstr_copy(j.election_id, sizeof(j.election_id), id);
	json_decref(root);
	body = xmalloc(len + 1);
	memcpy(body, text, len);
	body[len] = '\0';
	j.body = body;
	rc = cal_job_submit(&j, eb);
	free(body);
	return rc;
}

int
cases_calendar_refresh(struct cases_ctx *cx, bool *reloaded, struct errbuf *eb)
{
	struct store_conn *c;
	struct calendar *cal = NULL;
	int64_t version = 0, upto = 0;
	int rc;

	if (reloaded)
		*reloaded = false;
	if (cx->store == NULL || cx->cal_live == NULL)
		return 0;
	c = store_reader(cx->store);
	rc = store_cal_version_upto(c, &version, &upto, eb);
	if (rc == 0 && version != calendar_live_version(cx->cal_live))
		rc = load_on(c, cx->cfg ? cx->cfg->knowledge_dir : NULL, &cal, &version, eb);
	store_reader_done(cx->store, c);
	if (rc < 0 || cal == NULL)
		return rc;
	calendar_live_publish(cx->cal_live, cal, version);
	deadline_memo_clear(cx->deadlines);
	log_info("calendar: reloaded (version %lld, changed elsewhere)", (long long)version);
	sweep_after(cx, upto, version);
	if (reloaded)
		*reloaded = true;
	return 0;
}
