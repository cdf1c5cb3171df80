/*
 * cases_intake.c - receiving a laporan or temuan: completeness (syarat
 * formal and materiel, Perbawaslu 7/2022 Pasal 15), the daluarsa check,
 * the handling office, the sealed identity, evidence files, the first
 * clocks, and the write job that stores it all with its audit record.
 *
 * Order matters for durability: evidence files are fsync'd before the job
 * is queued, and the receipt exists only after the job's commit.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "auth/seal.h"
#include "calendar/deadline.h"
#include "cases/cases_internal.h"
#include "cases/evidence.h"
#include "cases/names.h"
#include "cases/office_cache.h"
#include "cases/workflow.h"
#include "core/jsonw.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "store/store_cases.h"
#include "store/store_users.h"

static int ready_for_store(struct cases_ctx *cx, struct intake *in, struct errbuf *eb);

void
cases_intake_init(struct intake *in)
{
	memset(in, 0, sizeof(*in));
}

void
cases_intake_release(struct intake *in)
{
	size_t i;

	for (i = 0; i < in->ndeadlines; i++) {
		free(in->deadlines[i].text);
		free(in->deadlines[i].provisional_reason);
	}
	in->ndeadlines = 0;
	json_decref(in->missing);
	json_decref(in->notes);
	free(in->sealed);
	free(in->missing_text);
	free(in->event_text);
	in->missing = in->notes = NULL;
	in->sealed = NULL;
	in->missing_text = in->event_text = NULL;
}

static void
add_missing(json_t *arr, const char *code, const char *label)
{
	json_array_append_new(arr, json_pack("{s:s, s:s}", "code", code, "label", label));
}

static void
check_completeness(struct intake *in)
{
	const struct report *r = &in->report;

	if (in->report.kind == REPORT_LAPORAN) {
		if (r->pelapor.nama == NULL)
			add_missing(in->missing, "pelapor.nama", "Nama pelapor (syarat formal)");
		if (r->pelapor.alamat == NULL)
			add_missing(in->missing, "pelapor.alamat",
				    "Alamat pelapor (syarat formal)");
	}
	if (r->nterlapor == 0)
		add_missing(in->missing, "terlapor", "Identitas terlapor (syarat formal)");
	if (!r->has_kejadian)
		add_missing(in->missing, "peristiwa.waktu_kejadian",
			    "Waktu kejadian (syarat materiel)");
	if (r->tempat == NULL && r->kode_wilayah == NULL)
		add_missing(in->missing, "peristiwa.tempat", "Tempat kejadian (syarat materiel)");
	if (r->uraian == NULL)
		add_missing(in->missing, "peristiwa.uraian", "Uraian kejadian (syarat materiel)");
	if (r->nbukti == 0)
		add_missing(in->missing, "bukti",
			    "Bukti: dokumen, foto, video atau tautan (syarat materiel)");
}

/* Keep a computed deadline (text is taken) for the store and the receipt. */
static void
keep_deadline(struct intake *in, const char *rule, struct date start, const char *due,
	      const char *status, char *text)
{
	struct intake_deadline *d;

	if (in->ndeadlines == INTAKE_MAX_DEADLINES) {
		/* cannot happen: intake starts at most this many clocks */
		log_error("intake: more than %d deadlines", INTAKE_MAX_DEADLINES);
		free(text);
		return;
	}
	d = &in->deadlines[in->ndeadlines++];
	cstr_copy(d->rule, sizeof(d->rule), rule);
	date_format(start, d->start);
	cstr_copy(d->due, sizeof(d->due), due);
	d->status = status;
	d->text = text;
	d->provisional = false;
	d->provisional_reason = NULL;
	if (text && strstr(text, "\"provisional\":true")) {
		json_t *j = json_loads(text, 0, NULL);
		const char *why = json_string_value(json_object_get(j, "provisional_reason"));

		d->provisional = true;
		d->provisional_reason = xstrdup(why ? why : "");
		json_decref(j);
	}
}

/* The latest date the filing limit in dl (a deadline's JSON text) can
 * really fall on (deadline_latest_due()); due itself when it is exact. */
static struct date
latest_filing_due(const char *dl, struct date known, const char *due, bool *workdays, int *ndays)
{
	json_t *j = json_loads(dl, 0, NULL);
	const char *unit = json_string_value(json_object_get(j, "unit"));
	json_int_t count = json_integer_value(json_object_get(j, "count"));
	bool provisional = json_is_true(json_object_get(j, "provisional"));
	struct date d = {0, 0, 0};

	*workdays = unit && strcmp(unit, "hari_kerja") == 0;
	*ndays = (int)count;
	date_parse(str_from(due), &d);
	d = deadline_latest_due(known, d, *workdays ? DEADLINE_HARI_KERJA : DEADLINE_HARI,
				(int)count, provisional);
	json_decref(j);
	return d;
}

/*
 * The filing limit: fails with "daluarsa" when the report came too late.
 * The message is a sentence for the reporter; the engine's explanation is
 * kept with the deadline for the officer's case page.  When the limit is
 * provisional (it runs past the holiday data) its due date is the earliest
 * the real one can be: received by then is in time; received after the
 * bound of deadline_latest_due() is certainly late; in between the report
 * is accepted and the officer is told to check.
 */
static int
check_timeliness(struct cases_ctx *cx, struct intake *in, struct errbuf *eb)
{
	const struct report *r = &in->report;
	struct date known;
	const char *rule_pat;
	char rule[64], due[DATE_STRLEN], known_s[DATE_STRLEN], recv_s[DATE_STRLEN];
	char known_long[64], due_long[64];
	char *dl = NULL;
	bool provisional = false;
	int rc;

	if (!r->has_diketahui && !r->has_kejadian) {
		json_array_append_new(
			in->notes, json_string("Batas waktu pelaporan belum dapat diperiksa karena "
					       "waktu kejadian dan waktu diketahui belum diisi."));
		return 0;
	}
	known = r->has_diketahui ? r->waktu_diketahui : r->waktu_kejadian;
	date_format(known, known_s);
	date_format(in->received_on, recv_s);
	if (date_cmp(known, in->received_on) > 0)
		return errbuf_set_field(
			eb, ERR_INVALID_INPUT,
			r->has_diketahui ? "peristiwa.waktu_diketahui" : "peristiwa.waktu_kejadian",
			"tanggal %s ada di masa depan (laporan diterima %s)", known_s, recv_s);
	rule_pat = in->report.kind == REPORT_TEMUAN ? "{e}.temuan" : "{e}.laporan";
	wf_rule_name(rule_pat, in->election_kind, rule, sizeof(rule));
	rc = cases_deadline(cx, rule, known, in->zone, &dl, due, &provisional, eb);
	if (rc == 1 && in->report.kind == REPORT_TEMUAN) {
		/* Pilkada has one limit for what is reported and what is found */
		wf_rule_name("{e}.laporan", in->election_kind, rule, sizeof(rule));
		rc = cases_deadline(cx, rule, known, in->zone, &dl, due, &provisional, eb);
	}
	if (rc < 0) {
		if (strcmp(errbuf_code(eb), "date_out_of_range") != 0)
			return -1;
		/* a date before the holiday data: say so in words, never guess */
		errbuf_clear(eb);
		json_array_append_new(
			in->notes, json_sprintf("Batas waktu pelaporan untuk peristiwa tanggal %s "
						"belum dapat dihitung; petugas akan memeriksanya.",
						known_s));
		return 0;
	}
	if (rc == 1)
		return 0;
	date_format_long_id(known, known_long, sizeof(known_long));
	if (strcmp(recv_s, due) > 0) {
		bool workdays = false;
		int ndays = 0;
		struct date latest = latest_filing_due(dl, known, due, &workdays, &ndays);
		char latest_s[DATE_STRLEN];

		date_format(latest, latest_s);
		if (!provisional || strcmp(recv_s, latest_s) > 0) {
			/* certainly late: a sentence for the reporter, with the dates */
			if (provisional)
				errbuf_set_code(
					eb, ERR_UNPROCESSABLE, "daluarsa",
					"Laporan melewati batas waktu pelaporan: peristiwa "
					"diketahui %s (%s), sedangkan laporan baru diterima "
					"%s, lebih dari %d %s sesudahnya.",
					known_long, known_s, recv_s, ndays,
					workdays ? "hari kerja" : "hari");
			else {
				struct date dd;

				date_parse(str_from(due), &dd);
				date_format_long_id(dd, due_long, sizeof(due_long));
				errbuf_set_code(
					eb, ERR_UNPROCESSABLE, "daluarsa",
					"Laporan melewati batas waktu pelaporan: peristiwa "
					"diketahui %s (%s), batas pelaporan %s (%s), laporan "
					"diterima %s.",
					known_long, known_s, due_long, due, recv_s);
			}
			free(dl);
			return -1;
		}
		/* between the earliest and the latest possible due: accept, flag */
		json_array_append_new(
			in->notes,
			json_sprintf(
				"Batas waktu pelaporan belum dapat dipastikan karena data hari "
				"libur tahun berikutnya belum dimuat; petugas akan memeriksa "
				"apakah laporan ini masih tepat waktu."));
		keep_deadline(in, rule, known, due, "met", dl);
		return 0;
	}
	keep_deadline(in, rule, known, due, "met", dl);
	return 0;
}

static int
seal_identity(struct cases_ctx *cx, struct arena *a, struct intake *in, struct errbuf *eb)
{
	unsigned char pk[SEAL_PUBLIC_BYTES];
	char *text;
	int rc;

	if (!in->report.has_pelapor)
		return 0;
	if (office_cache_seal_key(cx->offices, cx->store, in->office_id, &in->sealed_office, pk,
				  eb) < 0)
		return errbuf_set_code(
			eb, ERR_UNAVAILABLE, "no_seal_key",
			"kunci penyegel identitas pelapor belum dibuat untuk kantor ini; "
			"laporan tidak dapat diterima sampai administrator menjalankan "
			"`netra key init`");
	text = report_pelapor_json(a, &in->report);
	rc = seal_sender_box(cx->sealer, pk, text, strlen(text), &in->sealed, &in->sealed_len, eb);
	sodium_memzero(text, strlen(text));
	return rc;
}

static int
store_files(struct cases_ctx *cx, struct intake *in, struct errbuf *eb)
{
	size_t i;

	for (i = 0; i < in->report.nbukti; i++) {
		struct report_bukti *b = &in->report.bukti[i];
		struct evidence_file f;

		if (b->kind != BUKTI_BERKAS)
			continue;
		if (b->data == NULL)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "bukti",
						"berkas bukti '%s' tidak ikut terkirim", b->berkas);
		if (evidence_store(config_files_dir(cx->cfg), b->data, b->len,
				   (size_t)cx->cfg->evidence_max_bytes, &f, eb) < 0)
			return -1;
		memcpy(b->sha256, f.sha256, sizeof(b->sha256));
		cstr_copy(b->mime, sizeof(b->mime), f.mime);
	}
	return 0;
}

int
cases_intake_prepare(struct cases_ctx *cx, struct arena *a, struct intake *in, struct errbuf *eb)
{
	const struct calendar *cal = cases_cal(cx);
	const struct election *e;
	struct store_office office;
	char why[256];
	int rc;

	in->cx = cx;
	in->missing = json_array();
	in->notes = json_array();
	if (in->received_at == 0)
		in->received_at = clock_now();
	if (in->report.kind == REPORT_TEMUAN && cases_require(in->who, PERM_TEMUAN_CREATE, eb) < 0)
		return -1;
	if (in->report.pemilihan == NULL)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pemilihan",
					"pemilihan harus diisi, mis. pemilu2024 atau pilkada2024");
	e = calendar_election_find(cal, in->report.pemilihan);
	if (e == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "unknown_election",
				       "pemilihan '%s' tidak dikenal", in->report.pemilihan);
	/* a pemilihan ulang or PSU runs on the clocks of what it repeats */
	cstr_copy(in->election_kind, sizeof(in->election_kind), calendar_election_clock_name(e));

	if (cx->regions && in->report.kode_wilayah) {
		struct region reg;

		if (region_find(cx->regions, in->report.kode_wilayah, &reg) < 0)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "unknown_region",
					       "kode wilayah %s tidak ada dalam daftar wilayah "
					       "Kemendagri",
					       in->report.kode_wilayah);
	}
	/* the handling office and the local clock */
	rc = office_cache_for_region(cx->offices, cx->store,
				     in->report.kode_wilayah ? in->report.kode_wilayah : "",
				     &office, eb);
	if (rc < 0)
		return errbuf_set_code(
			eb, ERR_UNAVAILABLE, "no_office",
			"belum ada kantor Bawaslu yang menangani wilayah ini; hubungi "
			"administrator");
	in->office_id = office.id;
	cstr_copy(in->office_name, sizeof(in->office_name), office.name);
	in->zone = cases_zone(office.tz);
	if (in->report.kode_wilayah &&
	    calendar_region_zone(cal, in->report.kode_wilayah, &in->zone, NULL, eb) < 0)
		return -1;
	in->received_on = time_local_date(in->received_at, in->zone->offset_min);

	if (check_timeliness(cx, in, eb) < 0)
		return -1;
	check_completeness(in);
	if (in->report.kind == REPORT_TEMUAN)
		in->kind = "temuan";
	else if (!in->report.has_pelapor)
		in->kind = "informasi_awal";
	else
		in->kind = "laporan";
	in->state = strcmp(in->kind, "laporan") == 0 && json_array_size(in->missing) > 0
			    ? "perlu_perbaikan"
			    : "diterima";
	if (strcmp(in->kind, "informasi_awal") == 0)
		json_array_append_new(
			in->notes,
			json_string("Tanpa identitas pelapor, laporan dicatat sebagai "
				    "informasi awal, bukan laporan formal; Bawaslu dapat "
				    "menindaklanjutinya sebagai bahan pengawasan."));
	if (in->report.nsaksi == 0 && strcmp(in->kind, "laporan") == 0)
		json_array_append_new(
			in->notes, json_string("Disarankan menyebut saksi (nama dan alamat) untuk "
					       "memperkuat laporan."));
	if (e->clock == ELECTION_PILKADA && in->report.kind == REPORT_LAPORAN) {
		bool guess = false;
		int open = calendar_pilkada_intake_open(cal, e, in->received_at, in->zone,
							&cx->copts, why, &guess, NULL);

		if (open == 0)
			json_array_append_new(
				in->notes,
				json_sprintf("Diterima di luar layanan penerimaan laporan "
					     "Pilkada (%s). Laporan tetap dicatat dan diproses "
					     "pada waktu layanan berikutnya.",
					     why));
		else if (open == 1 && guess)
			json_array_append_new(
				in->notes,
				json_string("Jam layanan penerimaan laporan Pilkada dinilai "
					    "menurut hari dan jam saja: data hari libur tahun ini "
					    "belum dimuat, sehingga hari libur nasional tidak "
					    "menutup penerimaan."));
	}
	if (seal_identity(cx, a, in, eb) < 0 || store_files(cx, in, eb) < 0 ||
	    ready_for_store(cx, in, eb) < 0)
		return -1;
	return 0;
}

/* --- what the write job will store, made ready on the caller's thread ------ */

/* Add an open clock of rule from the receipt date to in->deadlines. */
static int
add_clock(struct cases_ctx *cx, struct intake *in, const char *pattern, struct errbuf *eb)
{
	char rule[64], due[DATE_STRLEN];
	char *text;
	int rc;

	if (!wf_rule_name(pattern, in->election_kind, rule, sizeof(rule)))
		return 0;
	rc = cases_deadline(cx, rule, in->received_on, in->zone, &text, due, NULL, eb);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	keep_deadline(in, rule, in->received_on, due, "open", text);
	return 0;
}

/* The audit record's data: {"code","kind","to","election","missing",
 * "evidence","terlapor","channel"}. */
static void
build_event_text(struct intake *in)
{
	const struct report *r = &in->report;
	struct buf b = BUF_INIT;
	size_t i, n = 0;

	BUF_ADDLIT(&b, "{\"code\":");
	jsonw_str_or_null(&b, in->code);
	BUF_ADDLIT(&b, ",\"kind\":");
	jsonw_str_or_null(&b, in->kind);
	BUF_ADDLIT(&b, ",\"to\":");
	jsonw_str_or_null(&b, in->state);
	BUF_ADDLIT(&b, ",\"election\":");
	jsonw_str_or_null(&b, r->pemilihan);
	BUF_ADDLIT(&b, ",\"missing\":");
	jsonw_dump(&b, in->missing);
	BUF_ADDLIT(&b, ",\"evidence\":[");
	for (i = 0; i < r->nbukti; i++)
		if (r->bukti[i].kind == BUKTI_BERKAS) {
			if (n++)
				buf_addch(&b, ',');
			jsonw_str_or_null(&b, r->bukti[i].sha256);
		}
	BUF_ADDLIT(&b, "],\"terlapor\":");
	jsonw_int(&b, (long long)r->nterlapor);
	BUF_ADDLIT(&b, ",\"channel\":");
	jsonw_str_or_null(&b, in->channel ? in->channel : "web");
	buf_addch(&b, '}');
	free(in->event_text);
	in->event_text = buf_detach(&b, NULL);
}

/* The clocks that start at receipt, the texts, the code: everything but SQL. */
static int
ready_for_store(struct cases_ctx *cx, struct intake *in, struct errbuf *eb)
{
	struct buf b = BUF_INIT;
	size_t i;

	/* Pilkada: Bawaslu follows up within 3 hari of receipt (UU 10/2016 Pasal
	 * 134(5)); laporan and temuan alike */
	if (strcmp(in->kind, "informasi_awal") != 0 &&
	    add_clock(cx, in, "pilkada.tindak_lanjut", eb) < 0)
		return -1;
	if (strcmp(in->kind, "laporan") == 0) {
		if (add_clock(cx, in, "{e}.kajian_awal", eb) < 0)
			return -1;
		if (strcmp(in->state, "perlu_perbaikan") == 0 &&
		    add_clock(cx, in, "{e}.perbaikan", eb) < 0)
			return -1;
	}
	jsonw_dump(&b, in->missing);
	in->missing_text = buf_detach(&b, NULL);
	for (i = 0; i < in->report.nterlapor; i++) {
		const struct report_terlapor *t = &in->report.terlapor[i];

		name_normalize(t->nama ? t->nama : (t->jabatan ? t->jabatan : ""), in->norm[i],
			       sizeof(in->norm[i]));
	}
	trackcode_new(in->code);
	build_event_text(in);
	return 0;
}

/* --- the write job: inserts only --------------------------------------------- */

static int
intake_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct intake *in = arg;
	const struct report *r = &in->report;
	struct store_case_new n;
	struct audit_event ev;
	char occ[DATE_STRLEN], kn[DATE_STRLEN];
	size_t i;
	int tries;

	memset(&n, 0, sizeof(n));
	n.kind = in->kind;
	n.election = r->pemilihan;
	n.election_kind = in->election_kind;
	n.state = in->state;
	n.region_code = r->kode_wilayah ? r->kode_wilayah : "";
	n.office_id = in->office_id;
	n.received_at = in->received_at;
	n.tz = in->zone->name;
	n.place = r->tempat;
	n.description = r->uraian ? r->uraian : "";
	n.sealed = in->sealed;
	n.sealed_len = in->sealed_len;
	n.sealed_office = in->sealed_office;
	n.missing_json = in->missing_text;
	n.channel = in->channel;
	if (r->has_kejadian)
		date_format(r->waktu_kejadian, occ);
	if (r->has_diketahui)
		date_format(r->waktu_diketahui, kn);
	n.occurred_on = r->has_kejadian ? occ : NULL;
	n.known_on = r->has_diketahui ? kn : NULL;
	for (tries = 0;; tries++) {
		n.code = in->code;
		errbuf_clear(eb);
		if (store_case_insert(c, &n, &in->case_id, eb) == 0)
			break;
		if (eb->code == NULL || strcmp(eb->code, "duplicate_code") != 0 || tries == 8)
			return -1;
		/* 40 random bits collide very rarely: draw again */
		trackcode_new(in->code);
		build_event_text(in);
	}
	for (i = 0; i < r->nterlapor; i++) {
		const struct report_terlapor *t = &r->terlapor[i];
		struct store_track_new tn;

		memset(&tn, 0, sizeof(tn));
		tn.name = t->nama ? t->nama : (t->jabatan ? t->jabatan : "(tanpa nama)");
		tn.nip = t->nip;
		tn.nik = t->nik;
		tn.agency = t->instansi;
		tn.position = t->jabatan;
		tn.status = t->status;
		tn.state = "proses";
		if (store_person_upsert(c, &tn, in->norm[i], n.region_code, in->received_at,
					&tn.person_id, eb) < 0 ||
		    store_track_insert(c, in->case_id, &tn, in->received_at, NULL, eb) < 0)
			return -1;
	}
	for (i = 0; i < r->nsaksi; i++)
		if (store_witness_insert(c, in->case_id, r->saksi[i].nama, r->saksi[i].alamat,
					 r->saksi[i].telepon, eb) < 0)
			return -1;
	for (i = 0; i < r->nbukti; i++) {
		const struct report_bukti *b = &r->bukti[i];
		struct store_evidence_new e;

		memset(&e, 0, sizeof(e));
		e.kind = b->kind == BUKTI_BERKAS   ? "berkas"
			 : b->kind == BUKTI_TAUTAN ? "tautan"
						   : "teks";
		e.sha256 = b->kind == BUKTI_BERKAS ? b->sha256 : NULL;
		e.mime = b->kind == BUKTI_BERKAS ? b->mime : NULL;
		e.size = (int64_t)b->len;
		e.filename = b->filename;
		e.url = b->url;
		e.note = b->keterangan;
		if (store_evidence_insert(c, in->case_id, &e, in->received_at, eb) < 0)
			return -1;
	}
	/* the filing check is kept with the case as "met"; the others run from now */
	for (i = 0; i < in->ndeadlines; i++) {
		const struct intake_deadline *d = &in->deadlines[i];
		struct store_deadline_new dn;

		memset(&dn, 0, sizeof(dn));
		dn.case_id = in->case_id;
		dn.rule = d->rule;
		dn.start_on = d->start;
		dn.due_on = d->due;
		dn.tz = in->zone->name;
		dn.explanation_json = d->text;
		dn.status = d->status;
		dn.provisional = d->provisional;
		dn.provisional_reason = d->provisional_reason;
		if (store_deadline_insert(c, &dn, eb) < 0)
			return -1;
	}
	memset(&ev, 0, sizeof(ev));
	ev.at = in->received_at;
	ev.case_id = in->case_id;
	ev.user_id = in->who ? in->who->user_id : 0;
	ev.actor = cases_actor(in->who);
	ev.kind = r->kind == REPORT_TEMUAN ? "temuan_dicatat" : "laporan_diterima";
	ev.data = in->event_text;
	return audit_append(c, &ev, eb);
}

static void
intake_done(void *arg, int rc, const struct errbuf *eb)
{
	struct intake *in = arg;

	if (in->done)
		in->done(in, rc, eb);
}

void
cases_intake_submit(struct cases_ctx *cx, struct intake *in)
{
	memset(&in->job, 0, sizeof(in->job));
	in->cx = cx;
	in->job.fn = intake_run;
	in->job.arg = in;
	in->job.done = intake_done;
	in->job.done_arg = in;
	store_submit(cx->store, &in->job);
}

int
cases_intake_write(struct cases_ctx *cx, struct intake *in, struct errbuf *eb)
{
	in->cx = cx;
	return store_write(cx->store, intake_run, in, eb);
}

int
cases_intake_run(struct cases_ctx *cx, struct store_conn *c, struct intake *in, struct errbuf *eb)
{
	in->cx = cx;
	return intake_run(c, in, eb);
}

void
cases_intake_receipt_write(const struct cases_ctx *cx, const struct intake *in, struct buf *out)
{
	const struct wf_state *st = wf_state_find(in->state);
	char when[TIME_STRLEN], url[sizeof(cx->base_url) + TRACKCODE_LEN + 8];
	size_t i, n = 0;

	time_format_iso(in->received_at, in->zone->offset_min, when);
	BUF_ADDLIT(out, "{\"code\":");
	jsonw_str_or_null(out, in->code);
	BUF_ADDLIT(out, ",\"status\":");
	jsonw_str_or_null(out, in->state);
	BUF_ADDLIT(out, ",\"status_label\":");
	jsonw_str_or_null(out, st && st->public_id ? st->public_id : in->state);
	BUF_ADDLIT(out, ",\"kind\":");
	jsonw_str_or_null(out, in->kind);
	BUF_ADDLIT(out, ",\"received_at\":");
	jsonw_str_or_null(out, when);
	BUF_ADDLIT(out, ",\"tz\":");
	jsonw_str_or_null(out, in->zone->name);
	BUF_ADDLIT(out, ",\"office\":");
	jsonw_str_or_null(out, in->office_name);
	BUF_ADDLIT(out, ",\"status_url\":");
	snprintf(url, sizeof(url), "%s/status/%s", cx->base_url, in->code);
	jsonw_str_or_null(out, url);
	BUF_ADDLIT(out, ",\"deadlines\":[");
	for (i = 0; i < in->ndeadlines; i++) {
		const struct intake_deadline *d = &in->deadlines[i];
		size_t len = strlen(d->text);

		/* the stored text with its status as the last key */
		if (i)
			buf_addch(out, ',');
		buf_add(out, d->text, len - 1);
		BUF_ADDLIT(out, ",\"status\":");
		jsonw_str_or_null(out, d->status);
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "],\"missing\":");
	jsonw_dump(out, in->missing);
	BUF_ADDLIT(out, ",\"evidence\":[");
	for (i = 0; i < in->report.nbukti; i++) {
		const struct report_bukti *b = &in->report.bukti[i];

		if (b->kind != BUKTI_BERKAS && b->kind != BUKTI_TAUTAN)
			continue;
		if (n++)
			buf_addch(out, ',');
		if (b->kind == BUKTI_BERKAS) {
			BUF_ADDLIT(out, "{\"sha256\":");
			jsonw_str_or_null(out, b->sha256);
			BUF_ADDLIT(out, ",\"mime\":");
			jsonw_str_or_null(out, b->mime);
			BUF_ADDLIT(out, ",\"size\":");
			jsonw_int(out, (long long)b->len);
			if (b->filename) {
				BUF_ADDLIT(out, ",\"filename\":");
				jsonw_str_or_null(out, b->filename);
			}
		} else {
			BUF_ADDLIT(out, "{\"jenis\":\"tautan\",\"url\":");
			jsonw_str_or_null(out, b->url);
		}
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "],\"notes\":");
	jsonw_dump(out, in->notes);
	buf_addch(out, '}');
}

json_t *
cases_intake_receipt(const struct cases_ctx *cx, const struct intake *in)
{
	struct buf b = BUF_INIT;
	json_t *j;

	cases_intake_receipt_write(cx, in, &b);
	j = buf_failed(&b) ? NULL : json_loadb(b.data, b.len, 0, NULL);
	buf_release(&b);
	return j;
}
