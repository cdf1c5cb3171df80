/*
 * triage.c - the officers' screening queue: list, item with explanation,
 * confirm (a temuan through the case service), dismiss, and the decision
 * statistics for tuning the threshold.
 *
 * Invariants: every function checks the permission here and passes the
 * principal's scope to the store, which applies it in the query.  A
 * confirmation is one write job: the intake of the temuan (with its audit
 * event), the decision guarded by state = 'baru', and the screening audit
 * event commit together or not at all; the daluarsa check and the other
 * intake checks run before the job, as for any temuan.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "cases/cases.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "screening/screening.h"
#include "store/store_screening.h"

static int
require(const struct principal *who, enum perm perm, struct errbuf *eb)
{
	if (who == NULL || who->user_id == 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, perm))
		return errbuf_set(eb, ERR_FORBIDDEN,
				  "peran Anda tidak berwenang untuk tindakan ini");
	return 0;
}

static const struct tz *
viewer_zone(const struct principal *who)
{
	const struct tz *z = tz_find(str_from(who->tz));

	return z ? z : &tz_wita;
}

static void
set_time(json_t *o, const char *key, json_t *ts, const struct tz *zone)
{
	char buf[TIME_STRLEN];

	if (!json_is_integer(ts)) {
		json_object_set_new(o, key, json_null());
		return;
	}
	time_format_iso(json_integer_value(ts), zone->offset_min, buf);
	json_object_set_new(o, key, json_string(buf));
}

/* ISO times in the viewer's zone, and the score as a number in [0, 1]. */
static void
decorate(json_t *item, const struct tz *zone)
{
	json_t *dec = json_object_get(item, "decision");
	json_int_t pct = json_integer_value(json_object_get(item, "score_pct"));

	set_time(item, "captured_at", json_object_get(item, "captured_ts"), zone);
	set_time(item, "seen_at", json_object_get(item, "seen_ts"), zone);
	json_object_set_new(item, "score", json_real((double)pct / 100.0));
	if (json_is_object(dec))
		set_time(dec, "decided_at", json_object_get(dec, "decided_ts"), zone);
}

static float
lexicon_threshold(const struct screening_ctx *sx)
{
	struct scan_lexicon_info info;

	if (sx->lex == NULL)
		return 0;
	scan_lexicon_get_info(sx->lex, &info);
	return info.threshold;
}

int
screening_cursor_parse(const char *s, int *score_pct, int64_t *id)
{
	const char *us;
	int64_t sc;

	if (s == NULL || (us = strchr(s, '_')) == NULL)
		return -1;
	if (str_to_i64(str_make(s, (size_t)(us - s)), &sc) < 0 ||
	    str_to_i64(str_from(us + 1), id) < 0 || sc < 0 || sc > 100 || *id <= 0)
		return -1;
	*score_pct = (int)sc;
	return 0;
}

/* --- reading ---------------------------------------------------------------- */

int
screening_queue(const struct screening_ctx *sx, const struct principal *who,
		const struct screening_query *q, json_t **out, struct errbuf *eb)
{
	struct store_screened_filter f;
	struct store_scope sc;
	struct store_conn *c;
	const struct tz *zone;
	enum scan_label label;
	int next_score = 0, rc;
	int64_t next_id = 0;
	json_t *items, *it;
	size_t i;

	*out = NULL;
	if (require(who, PERM_SCREENING, eb) < 0)
		return -1;
	memset(&f, 0, sizeof(f));
	f.state = q->state;
	if (q->label && q->label[0]) {
		if (scan_label_parse(q->label, strlen(q->label), &label) < 0)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "label",
						"label harus possible_violation, neutral_mention "
						"atau unrelated");
		f.label = scan_label_name(label);
	}
	if (q->min_score && q->min_score[0]) {
		char num[32], *end, *comma;
		double d;

		/* "0,5" as Indonesian keyboards write it */
		cstr_copy(num, sizeof(num), q->min_score);
		comma = strchr(num, ',');
		if (comma)
			*comma = '.';
		d = strtod(num, &end);
		if (end == num || *end || !(d >= 0 && d <= 1))
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "min_score",
						"min_score harus angka 0 sampai 1");
		f.min_score_pct = (int)lround(d * 100);
	}
	if (q->cursor && q->cursor[0] &&
	    screening_cursor_parse(q->cursor, &f.after_score_pct, &f.after_id) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "cursor", "cursor tidak valid");
	f.asn_only = q->asn_only;
	f.limit = q->limit;
	f.excerpt_chars = SCREENING_EXCERPT;
	auth_scope(who, &sc);
	c = store_reader(sx->cases->store);
	rc = store_screened_list(c, &sc, &f, &items, &next_score, &next_id, eb);
	store_reader_done(sx->cases->store, c);
	if (rc < 0)
		return -1;
	zone = viewer_zone(who);
	json_array_foreach(items, i, it) decorate(it, zone);
	*out = json_pack("{s:o, s:o, s:f}", "items", items, "next_cursor",
			 next_id ? json_sprintf("%d_%lld", next_score, (long long)next_id)
				 : json_null(),
			 "threshold", (double)lexicon_threshold(sx));
	return 0;
}

static int
read_item(const struct screening_ctx *sx, const struct principal *who, int64_t id, json_t **out,
	  struct errbuf *eb)
{
	struct store_scope sc;
	struct store_conn *c;
	int rc;

	auth_scope(who, &sc);
	c = store_reader(sx->cases->store);
	rc = store_screened_get(c, &sc, id, out, eb);
	store_reader_done(sx->cases->store, c);
	if (rc == 0)
		decorate(*out, viewer_zone(who));
	return rc;
}

int
screening_item(const struct screening_ctx *sx, const struct principal *who, int64_t id,
	       json_t **out, struct errbuf *eb)
{
	const char *text;
	json_t *o;

	*out = NULL;
	if (require(who, PERM_SCREENING, eb) < 0 || read_item(sx, who, id, &o, eb) < 0)
		return -1;
	text = json_string_value(json_object_get(o, "text"));
	if (sx->lex && text) {
		struct scan_ctx *ctx = scan_ctx_new(sx->lex);
		struct scan_result res;
		struct buf ex = BUF_INIT;
		size_t len = json_string_length(json_object_get(o, "text"));
		int pct;

		scan_text(ctx, text, len,
			  json_is_true(json_object_get(o, "author_asn")) ? SCAN_AUTHOR_ASN : 0,
			  &res);
		scan_result_explain(&ex, ctx, &res, text, len);
		json_object_set_new(o, "explanation", json_string(buf_cstr(&ex)));
		pct = (int)(res.score * 100.0f + 0.5f);
		if (pct != json_integer_value(json_object_get(o, "score_pct")) ||
		    strcmp(scan_label_name(res.label),
			   json_string_value(json_object_get(o, "label"))) != 0)
			json_object_set_new(o, "rescreened",
					    json_pack("{s:s, s:f}", "label",
						      scan_label_name(res.label), "score",
						      (double)pct / 100.0));
		buf_release(&ex);
		scan_ctx_free(ctx);
	}
	*out = o;
	return 0;
}

/* --- confirm ----------------------------------------------------------------- */

static const char *
jstr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && s[0] ? s : NULL;
}

/* Append s cut to fit in max bytes of out in total (on a character boundary). */
static void
add_cut(struct buf *out, const char *s, size_t max)
{
	size_t room = max > out->len ? max - out->len : 0, n = strlen(s);

	buf_add(out, s, screening_utf8_cut(s, n, room));
	if (screening_utf8_cut(s, n, room) < n)
		buf_addstr(out, "…");
}

static void
items_list(struct buf *b, json_t *items)
{
	json_t *v;
	size_t i;

	json_array_foreach(items, i, v)
	{
		if (!json_is_string(v))
			continue;
		buf_addstr(b, i ? ", " : "");
		buf_addstr(b, json_string_value(v));
	}
}

struct facts {
	int64_t id;
	const char *source, *author, *url, *hash, *label, *text, *ext;
	char captured[TIME_STRLEN], seen[TIME_STRLEN];
	double score;
	json_t *account, *items;
};

static json_t *
build_bukti(const struct facts *f)
{
	json_t *arr = json_array();
	struct buf b = BUF_INIT;

	if (f->url && strlen(f->url) <= SCREENING_URL_MAX &&
	    (strncmp(f->url, "https://", 8) == 0 || strncmp(f->url, "http://", 7) == 0)) {
		buf_addf(&b, "Unggahan oleh %s di %s, waktu unggahan %s; hash isi (BLAKE2b-128) %s",
			 f->author ? f->author : "(penulis tidak diketahui)",
			 f->source ? f->source : "(sumber tidak diketahui)",
			 f->captured[0] ? f->captured : "tidak diketahui", f->hash);
		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:s%}", "jenis", "tautan", "url",
						f->url, "keterangan", buf_cstr(&b),
						screening_utf8_cut(buf_cstr(&b), b.len, 2000)));
		buf_reset(&b);
	}
	buf_addf(&b, "Isi unggahan (hash BLAKE2b-128 %s, %zu byte): ", f->hash, strlen(f->text));
	add_cut(&b, f->text, 1990);
	json_array_append_new(arr,
			      json_pack("{s:s, s:s}", "jenis", "teks", "keterangan", buf_cstr(&b)));
	buf_reset(&b);
	buf_addf(&b,
		 "Metadata penyaringan netra (butir #%lld): sumber %s; penulis %s; id eksternal "
		 "%s; waktu unggahan %s; dimuat %s; skor %.2f (%s); hash isi (BLAKE2b-128) %s",
		 (long long)f->id, f->source ? f->source : "-", f->author ? f->author : "-",
		 f->ext ? f->ext : "-", f->captured[0] ? f->captured : "tidak diketahui", f->seen,
		 f->score, f->label, f->hash);
	json_array_append_new(arr,
			      json_pack("{s:s, s:s%}", "jenis", "teks", "keterangan", buf_cstr(&b),
					screening_utf8_cut(buf_cstr(&b), b.len, 2000)));
	buf_release(&b);
	return arr;
}

static char *
build_uraian(struct arena *a, const struct facts *f, const char *note)
{
	struct buf b = BUF_INIT;
	char *out;

	buf_addf(&b,
		 "Temuan hasil penyaringan konten daring oleh netra (butir penyaringan #%lld). "
		 "Sumber: %s. Penulis: %s",
		 (long long)f->id, f->source ? f->source : "tidak diketahui",
		 f->author ? f->author : "tidak diketahui");
	if (json_is_object(f->account)) {
		buf_addf(&b, " (akun terpantau milik %s", jstr(f->account, "name"));
		if (jstr(f->account, "nip"))
			buf_addf(&b, ", NIP %s", jstr(f->account, "nip"));
		if (jstr(f->account, "agency"))
			buf_addf(&b, ", %s", jstr(f->account, "agency"));
		buf_addch(&b, ')');
	}
	buf_addf(&b, ". Waktu unggahan: %s. ", f->captured[0] ? f->captured : "tidak diketahui");
	if (f->url)
		buf_addf(&b, "Tautan: %s. ", f->url);
	buf_addf(&b, "Skor penyaringan %.2f (%s)", f->score, f->label);
	if (json_array_size(f->items)) {
		buf_addstr(&b, "; butir katalog yang disebut: ");
		items_list(&b, f->items);
	}
	buf_addf(&b, ". Hash isi (BLAKE2b-128): %s.", f->hash);
	if (note && note[0]) {
		buf_addstr(&b, " Catatan petugas: ");
		add_cut(&b, note, 6000);
	}
	buf_addstr(&b, "\nIsi unggahan:\n");
	add_cut(&b, f->text, 19000);
	out = arena_strndup(a, buf_cstr(&b), b.len);
	buf_release(&b);
	return out;
}

/* The terlapor of the request, or the watched account's person. */
static json_t *
build_terlapor(json_t *given, json_t *account)
{
	json_t *t;

	if (json_is_array(given))
		return json_incref(given);
	if (!json_is_object(account))
		return json_array();
	t = json_pack("{s:s}", "nama", jstr(account, "name"));
	if (jstr(account, "nip"))
		json_object_set_new(t, "nip", json_string(jstr(account, "nip")));
	if (jstr(account, "agency"))
		json_object_set_new(t, "instansi", json_string(jstr(account, "agency")));
	if (jstr(account, "position"))
		json_object_set_new(t, "jabatan", json_string(jstr(account, "position")));
	if (jstr(account, "status"))
		json_object_set_new(t, "status", json_string(jstr(account, "status")));
	return json_pack("[o]", t);
}

/* The region of the temuan: the item's, or the request's (which must lie
 * inside the item's when both are known), inside the officer's scope. */
static int
confirm_region(const struct screening_ctx *sx, const struct principal *who, const char *item_region,
	       const char *given, char out[REGION_CODE_MAX], struct errbuf *eb)
{
	struct region reg;
	uint64_t key;
	int level;

	if (given && given[0]) {
		if (region_code_parse(given, strlen(given), &key, &level) < 0)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_region",
					       "kode wilayah '%s' tidak sah (mis. 64.08)", given);
		region_code_format(key, level, out);
		if (item_region[0] && !auth_region_within(item_region, out))
			return errbuf_set_code(
				eb, ERR_INVALID_INPUT, "invalid_region",
				"wilayah %s harus berada di dalam wilayah butir (%s)", out,
				item_region);
	} else if (item_region[0]) {
		cstr_copy(out, REGION_CODE_MAX, item_region);
	} else {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "region_required",
				"wilayah kejadian harus diisi karena wilayah butir ini tidak "
				"diketahui");
		cstr_copy(eb->field, sizeof(eb->field), "region");
		return -1;
	}
	if (sx->cases->regions && region_find(sx->cases->regions, out, &reg) < 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "unknown_region",
				       "kode wilayah %s tidak ada dalam daftar wilayah Kemendagri",
				       out);
	if (!auth_region_allows(who, out))
		return errbuf_set_code(eb, ERR_FORBIDDEN, "out_of_scope",
				       "wilayah %s di luar cakupan kantor Anda", out);
	return 0;
}

struct confirm_job {
	const struct screening_ctx *sx;
	const struct principal *who;
	struct intake *in;
	struct store_scope sc;
	const struct facts *f;
	const char *region_set;
	const char *note;
	int score_pct;
};

static int
screening_event(struct store_conn *c, const struct principal *who, int64_t case_id,
		const char *kind, json_t *data, struct errbuf *eb)
{
	struct audit_event ev;
	char *text = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	int rc;

	json_decref(data);
	if (text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "data audit tidak dapat dibentuk");
	memset(&ev, 0, sizeof(ev));
	ev.at = clock_now();
	ev.case_id = case_id;
	ev.user_id = who->user_id;
	ev.actor = who->username;
	ev.kind = kind;
	ev.data = text;
	rc = audit_append(c, &ev, eb);
	free(text);
	return rc;
}

static int
confirm_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct confirm_job *j = arg;
	struct store_screened_decision d;

	if (cases_intake_run(j->sx->cases, c, j->in, eb) < 0)
		return -1;
	memset(&d, 0, sizeof(d));
	d.id = j->f->id;
	d.state = "dikonfirmasi";
	d.user_id = j->who->user_id;
	d.at = j->in->received_at;
	d.reason = j->note;
	d.case_id = j->in->case_id;
	d.region_code = j->region_set;
	if (store_screened_decide(c, &j->sc, &d, eb) < 0)
		return -1;
	return screening_event(c, j->who, j->in->case_id, "penyaringan_dikonfirmasi",
			       json_pack("{s:I, s:s, s:s, s:i, s:s}", "item", (json_int_t)j->f->id,
					 "content_hash", j->f->hash, "label", j->f->label,
					 "score_pct", j->score_pct, "code", j->in->code),
			       eb);
}

static int
check_note(const char *s, const char *field, bool required, struct errbuf *eb)
{
	size_t n = s ? strlen(s) : 0;

	if (required && str_trim(str_make(s ? s : "", n)).len == 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, field, "alasan harus diisi");
	if (n > SCREENING_REASON_MAX)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, field, "paling panjang %d byte",
					SCREENING_REASON_MAX);
	if (s && !utf8_valid(s, n))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, field, "bukan teks UTF-8 yang sah");
	return 0;
}

int
screening_confirm(const struct screening_ctx *sx, const struct principal *who, int64_t id,
		  const struct screening_confirm_req *rq, struct arena *a, json_t **out,
		  struct errbuf *eb)
{
	struct cases_ctx *cx = sx->cases;
	struct confirm_job j;
	struct intake in;
	struct facts f;
	char region[REGION_CODE_MAX], day[DATE_STRLEN];
	const char *election, *item_region, *state;
	const struct tz *zone = &tz_wita;
	json_t *item = NULL, *rep = NULL, *peristiwa;
	struct errbuf zeb;
	char *text = NULL;
	int64_t when;
	int rc = -1;

	*out = NULL;
	cases_intake_init(&in);
	if (require(who, PERM_SCREENING, eb) < 0 || require(who, PERM_TEMUAN_CREATE, eb) < 0 ||
	    check_note(rq->note, "note", false, eb) < 0 || read_item(sx, who, id, &item, eb) < 0)
		goto out;
	state = json_string_value(json_object_get(item, "state"));
	if (state == NULL || strcmp(state, "baru") != 0) {
		errbuf_set_code(eb, ERR_CONFLICT, "already_decided",
				"butir ini sudah diputuskan (%s); keputusan tidak dapat diubah",
				state ? state : "?");
		goto out;
	}
	item_region = json_string_value(json_object_get(item, "region_code"));
	if (confirm_region(sx, who, item_region ? item_region : "", rq->region, region, eb) < 0)
		goto out;
	election = rq->pemilihan && rq->pemilihan[0] ? rq->pemilihan : jstr(item, "election");
	if (election == NULL) {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "election_required",
				"pemilihan harus diisi karena butir ini tidak menyebut pemilihan "
				"(mis. pemilu2024 atau pilkada2024)");
		cstr_copy(eb->field, sizeof(eb->field), "pemilihan");
		goto out;
	}
	if (calendar_region_zone(cases_cal(cx), region, &zone, NULL, &zeb) < 0)
		zone = &tz_wita;

	memset(&f, 0, sizeof(f));
	f.id = id;
	f.source = jstr(item, "source");
	f.author = jstr(item, "author");
	f.url = jstr(item, "url");
	f.ext = jstr(item, "external_id");
	f.hash = jstr(item, "content_hash");
	f.label = jstr(item, "label");
	f.text = jstr(item, "text");
	f.account = json_object_get(item, "account");
	f.items = json_object_get(item, "items");
	f.score = (double)json_integer_value(json_object_get(item, "score_pct")) / 100.0;
	if (f.hash == NULL || f.label == NULL || f.text == NULL) {
		errbuf_set(eb, ERR_INTERNAL, "butir penyaringan tidak lengkap");
		goto out;
	}
	if (json_is_integer(json_object_get(item, "captured_ts")))
		time_format_iso(json_integer_value(json_object_get(item, "captured_ts")),
				zone->offset_min, f.captured);
	time_format_iso(json_integer_value(json_object_get(item, "seen_ts")), zone->offset_min,
			f.seen);

	/* the temuan, in the shape of Formulir Model B.1, parsed like any other */
	when = json_is_integer(json_object_get(item, "captured_ts"))
		       ? json_integer_value(json_object_get(item, "captured_ts"))
		       : json_integer_value(json_object_get(item, "seen_ts"));
	date_format(time_local_date(when, zone->offset_min), day);
	peristiwa =
		json_pack("{s:s, s:s, s:s, s:s}", "uraian", build_uraian(a, &f, rq->note), "tempat",
			  f.source ? arena_printf(a, "Media daring: %s", f.source) : "Media daring",
			  "kode_wilayah", region, "waktu_diketahui", day);
	if (f.captured[0])
		json_object_set_new(peristiwa, "waktu_kejadian", json_string(day));
	rep = json_pack("{s:s, s:s, s:o, s:o, s:o}", "jenis", "temuan", "pemilihan", election,
			"terlapor", build_terlapor(rq->terlapor, f.account), "peristiwa", peristiwa,
			"bukti", build_bukti(&f));
	text = json_dumps(rep, JSON_COMPACT);
	if (text == NULL || report_parse_json(a, text, strlen(text), &in.report, eb) < 0)
		goto out;
	in.who = who;
	in.received_at = clock_now();
	in.channel = "penyaringan";
	if (cases_intake_prepare(cx, a, &in, eb) < 0)
		goto out;

	memset(&j, 0, sizeof(j));
	j.sx = sx;
	j.who = who;
	j.in = &in;
	auth_scope(who, &j.sc);
	j.f = &f;
	j.region_set = strcmp(region, item_region ? item_region : "") != 0 ? region : NULL;
	j.note = rq->note && rq->note[0] ? rq->note : NULL;
	j.score_pct = (int)json_integer_value(json_object_get(item, "score_pct"));
	if (store_write(cx->store, confirm_run, &j, eb) < 0)
		goto out;
	{
		json_t *now_item = NULL;

		if (read_item(sx, who, id, &now_item, eb) < 0)
			goto out;
		*out = json_pack("{s:o, s:{s:I, s:s}, s:o}", "item", now_item, "case", "id",
				 (json_int_t)in.case_id, "code", in.code, "receipt",
				 cases_intake_receipt(cx, &in));
	}
	rc = 0;
out:
	free(text);
	json_decref(rep);
	json_decref(item);
	cases_intake_release(&in);
	return rc;
}

/* --- dismiss ------------------------------------------------------------------- */

struct dismiss_job {
	const struct principal *who;
	struct store_scope sc;
	int64_t id;
	const char *reason;
	json_t *item;
};

static int
dismiss_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct dismiss_job *j = arg;
	struct store_screened_decision d;

	memset(&d, 0, sizeof(d));
	d.id = j->id;
	d.state = "diabaikan";
	d.user_id = j->who->user_id;
	d.at = clock_now();
	d.reason = j->reason;
	if (store_screened_decide(c, &j->sc, &d, eb) < 0)
		return -1;
	return screening_event(c, j->who, 0, "penyaringan_diabaikan",
			       json_pack("{s:I, s:s, s:O, s:O, s:O}", "item", (json_int_t)j->id,
					 "reason", j->reason, "content_hash",
					 json_object_get(j->item, "content_hash"), "label",
					 json_object_get(j->item, "label"), "score_pct",
					 json_object_get(j->item, "score_pct")),
			       eb);
}

int
screening_dismiss(const struct screening_ctx *sx, const struct principal *who, int64_t id,
		  const char *reason, json_t **out, struct errbuf *eb)
{
	struct dismiss_job j;
	char *clean = NULL;
	int rc = -1;

	*out = NULL;
	memset(&j, 0, sizeof(j));
	if (require(who, PERM_SCREENING, eb) < 0 || check_note(reason, "reason", true, eb) < 0 ||
	    read_item(sx, who, id, &j.item, eb) < 0)
		goto out;
	{
		struct str t = str_trim(str_from(reason));

		clean = xstrndup(t.ptr, t.len);
	}
	j.who = who;
	auth_scope(who, &j.sc);
	j.id = id;
	j.reason = clean;
	if (store_write(sx->cases->store, dismiss_run, &j, eb) < 0 ||
	    read_item(sx, who, id, out, eb) < 0)
		goto out;
	rc = 0;
out:
	free(clean);
	json_decref(j.item);
	return rc;
}

/* --- statistics --------------------------------------------------------------- */

static int
state_index(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "baru") == 0)
		return 0;
	if (strcmp(s, "dikonfirmasi") == 0)
		return 1;
	if (strcmp(s, "diabaikan") == 0)
		return 2;
	return -1;
}

static json_t *
ratio(int64_t a, int64_t b)
{
	return b > 0 ? json_real(round((double)a / (double)b * 1000.0) / 1000.0) : json_null();
}

int
screening_stats(const struct screening_ctx *sx, const struct principal *who, json_t **out,
		struct errbuf *eb)
{
	static const char *const states[] = {"baru", "dikonfirmasi", "diabaikan"};
	int64_t cnt[10][SCAN_LABEL__COUNT][3], band_conf[10] = {0}, band_dism[10] = {0};
	int64_t totals[3] = {0};
	struct store_scope sc;
	struct store_conn *c;
	json_t *rows, *row, *bands, *cutoffs;
	size_t i;
	int b, l, s, rc;

	*out = NULL;
	if (require(who, PERM_SCREENING, eb) < 0)
		return -1;
	auth_scope(who, &sc);
	c = store_reader(sx->cases->store);
	rc = store_screened_stats(c, &sc, &rows, eb);
	store_reader_done(sx->cases->store, c);
	if (rc < 0)
		return -1;
	memset(cnt, 0, sizeof(cnt));
	json_array_foreach(rows, i, row)
	{
		enum scan_label lab;
		const char *ls = json_string_value(json_object_get(row, "label"));
		json_int_t bi = json_integer_value(json_object_get(row, "band"));
		int si = state_index(json_string_value(json_object_get(row, "state")));

		if (si < 0 || bi < 0 || bi > 9 || ls == NULL ||
		    scan_label_parse(ls, strlen(ls), &lab) < 0)
			continue;
		cnt[bi][lab][si] += json_integer_value(json_object_get(row, "n"));
	}
	json_decref(rows);
	bands = json_array();
	for (b = 9; b >= 0; b--)
		for (l = SCAN_LABEL__COUNT - 1; l >= 0; l--) {
			json_t *o;

			if (cnt[b][l][0] + cnt[b][l][1] + cnt[b][l][2] == 0)
				continue;
			o = json_pack("{s:f, s:f, s:s}", "from", b / 10.0, "to", (b + 1) / 10.0,
				      "label", scan_label_name((enum scan_label)l));
			for (s = 0; s < 3; s++) {
				json_object_set_new(o, states[s], json_integer(cnt[b][l][s]));
				totals[s] += cnt[b][l][s];
			}
			json_object_set_new(o, "confirm_rate",
					    ratio(cnt[b][l][1], cnt[b][l][1] + cnt[b][l][2]));
			band_conf[b] += cnt[b][l][1];
			band_dism[b] += cnt[b][l][2];
			json_array_append_new(bands, o);
		}
	/* what each cut-off would have kept of the decided items */
	cutoffs = json_array();
	for (b = 9; b >= 0; b--) {
		int64_t conf = 0, dism = 0;
		int k;

		for (k = b; k <= 9; k++) {
			conf += band_conf[k];
			dism += band_dism[k];
		}
		json_array_append_new(
			cutoffs, json_pack("{s:f, s:I, s:I, s:o, s:o}", "at", b / 10.0, "confirmed",
					   (json_int_t)conf, "dismissed", (json_int_t)dism,
					   "precision", ratio(conf, conf + dism), "confirmed_share",
					   ratio(conf, totals[1])));
	}
	*out = json_pack(
		"{s:f, s:{s:I, s:I, s:I}, s:o, s:o, s:s}", "threshold",
		(double)lexicon_threshold(sx), "totals", "baru", (json_int_t)totals[0],
		"dikonfirmasi", (json_int_t)totals[1], "diabaikan", (json_int_t)totals[2], "bands",
		bands, "cutoffs", cutoffs, "note",
		"Hanya butir yang masuk antrean yang dapat dinilai: butir di bawah ambang tidak "
		"disimpan, kecuali unggahan akun terpantau. precision = dikonfirmasi / "
		"(dikonfirmasi + diabaikan) pada skor >= at; confirmed_share = bagian dari semua "
		"konfirmasi yang tetap masuk antrean bila ambang dinaikkan ke at.");
	return 0;
}
