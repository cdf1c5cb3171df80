/*
 * tool_casegen.c - fill a netra data directory with N synthetic cases for
 * benchmarks (the case list with a million cases): each case with one
 * track, two clocks and its audit event, spread over Kalimantan Timur's ten
 * kab/kota and several states, written through the store's write API in
 * batches of 5,000 cases per transaction, with a valid audit chain.
 *
 * usage: tool_casegen DATA_DIR N   (the offices must exist: bawaslu-64...)
 * NETRA_DB=URL fills that database instead (postgres://... or sqlite:PATH),
 * as `netra --db` would open it; DATA_DIR is then only the data directory.
 *
 * On PostgreSQL one statement costs a round trip to the server, and the
 * row-by-row path (seven statements a case) fills about 200 cases/s: a
 * million would take an hour and a half; SQLite, with its cache filled by
 * a 500 MB store, slowed to about 130 cases/s on a busy machine.  So
 * (unless CASEGEN_BULK=0) the same rows are written by bulk INSERTs of
 * ROWS cases each (the rows as one JSON array: jsonb_to_recordset on
 * PostgreSQL, json_each on SQLite), through the same statement layer
 * and in the same write jobs: the cases (ids back through RETURNING), then
 * their tracks, clocks and audit events, the chain computed here with
 * audit_event_hash() from the head read under the chain's lock, so `netra
 * audit verify` still holds.  The bulk path leaves NULL the search keys
 * that later migrations may add; use the row-by-row path when search is
 * measured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "audit/audit.h"
#include "cases/trackcode.h"
#include "core/datetime.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_users.h"

static const char *const kab[] = {"64.01", "64.02", "64.03", "64.07", "64.08",
				  "64.09", "64.11", "64.71", "64.72", "64.74"};
static const char *const states[] = {
	"diterima", "kajian_awal", "diregistrasi", "klarifikasi",
	"kajian",   "diputus",     "selesai",      "tidak_diregistrasi"};

struct gen {
	int64_t office;
	long from, n;
};

enum { ROWS = 1000 }; /* cases per bulk INSERT */

static uint64_t rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static int
gen_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct gen *g = arg;
	long i;

	for (i = g->from; i < g->from + g->n; i++) {
		char code[TRACKCODE_LEN], region[16], due[DATE_STRLEN], start[DATE_STRLEN];
		struct store_case_new cn;
		struct store_track_new tn;
		struct store_deadline_new dn;
		struct audit_event ev;
		int64_t id, t = 1701396000 + (int64_t)(i % 40000000) * 7;
		struct date d = time_local_date(t, 480);
		int tries;

		snprintf(region, sizeof(region), "%s.%02u", kab[rnd(10)], 1 + rnd(9));
		memset(&cn, 0, sizeof(cn));
		cn.kind = "laporan";
		cn.election = i % 2 ? "pilkada2024" : "pemilu2024";
		cn.election_kind = i % 2 ? "pilkada" : "pemilu";
		cn.state = states[rnd(8)];
		cn.region_code = region;
		cn.office_id = g->office;
		cn.received_at = t;
		cn.tz = "WITA";
		cn.description =
			"Seorang ASN mengunggah foto bersama calon dengan pose dua jari di "
			"media sosial dan mengajak memilih.";
		cn.missing_json = "[]";
		cn.channel = "bench";
		for (tries = 0;; tries++) {
			trackcode_new(code);
			cn.code = code;
			if (store_case_insert(c, &cn, &id, eb) == 0)
				break;
			if (tries > 5)
				return -1;
		}
		memset(&tn, 0, sizeof(tn));
		tn.name = "Pegawai Contoh";
		tn.status = "PNS";
		tn.state = "proses";
		if (store_track_insert(c, id, &tn, t, NULL, eb) < 0)
			return -1;
		date_format(d, start);
		date_format(date_add_days(d, 7), due);
		memset(&dn, 0, sizeof(dn));
		dn.case_id = id;
		dn.rule = "pemilu.tindak_lanjut";
		dn.start_on = start;
		dn.due_on = due;
		dn.tz = "WITA";
		dn.explanation_json = "{}";
		dn.status = rnd(3) ? "met" : "open";
		if (store_deadline_insert(c, &dn, eb) < 0)
			return -1;
		memset(&ev, 0, sizeof(ev));
		ev.at = t;
		ev.case_id = id;
		ev.actor = "publik";
		ev.kind = "laporan_diterima";
		ev.data = "{\"channel\":\"bench\"}";
		if (audit_append(c, &ev, eb) < 0)
			return -1;
	}
	return 0;
}

/* The bulk statements (PostgreSQL): each takes its rows as one JSON array. */
#define FROM_JSON(cols) " FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS x(" cols ")"
static const char bulk_cases[] =
	"INSERT INTO cases(code, kind, election, election_kind, state, region_code, prov, kabkota,"
	" office_id, received_at, tz, description, missing, channel, updated_at)"
	" SELECT x.code, 'laporan', x.el, x.ek, x.state, x.region, x.prov, x.kab, x.office, x.t,"
	" 'WITA', ?2, '[]', 'bench', x.t" FROM_JSON(
		"code text, el text, ek text, state text, region text, prov text, kab text,"
		" office bigint, t bigint") " RETURNING id, code";
static const char bulk_tracks[] =
	"INSERT INTO tracks(case_id, name, status, state, updated_at)"
	" SELECT x.id, 'Pegawai Contoh', 'PNS', 'proses', x.t" FROM_JSON("id bigint, t bigint");
static const char bulk_deadlines[] =
	"INSERT INTO deadlines(case_id, rule, start_on, due_on, tz, explanation, status,"
	" provisional) SELECT x.id, 'pemilu.tindak_lanjut', x.s, x.d, 'WITA', '{}', x.st, "
	"0" FROM_JSON("id bigint, s text, d text, st text");
/* SQLite: the same from json_each() (events row by row: no unhex() before 3.41) */
#define J(f) "json_extract(value, '$." f "')"
static const char sqlite_bulk_cases[] =
	"INSERT INTO cases(code, kind, election, election_kind, state, region_code, prov, kabkota,"
	" office_id, received_at, tz, description, missing, channel, updated_at)"
	" SELECT " J("code") ", 'laporan', " J("el") ", " J("ek") ", " J("state") ", " J(
		"region") ", " J("prov") ", " J("kab") ", " J("office") ", " J("t") ","
										    " 'WITA', ?2, "
										    "'[]', "
										    "'bench', " J(
											    "t") " "
												 "F"
												 "R"
												 "O"
												 "M"
												 " "
												 "j"
												 "s"
												 "o"
												 "n"
												 "_"
												 "e"
												 "a"
												 "c"
												 "h"
												 "("
												 "?"
												 "1"
												 ")"
												 " "
												 "R"
												 "E"
												 "T"
												 "U"
												 "R"
												 "N"
												 "I"
												 "N"
												 "G"
												 " "
												 "i"
												 "d"
												 ","
												 " "
												 "c"
												 "o"
												 "d"
												 "e";
static const char sqlite_bulk_tracks[] =
	"INSERT INTO tracks(case_id, name, status, state, updated_at) SELECT " J(
		"id") ", 'Pegawai Contoh', 'PNS', 'proses', " J("t") " FROM json_each(?1)";
static const char sqlite_bulk_deadlines[] =
	"INSERT INTO deadlines(case_id, rule, start_on, due_on, tz, explanation, status,"
	" provisional) SELECT " J("id") ", 'pemilu.tindak_lanjut', " J("s") ", " J(
		"d") ", 'WITA', '{}', " J("st") ", 0 FROM json_each(?1)";
static const char bulk_events[] =
	"INSERT INTO events(id, at, case_id, actor, kind, data, prev_hash, hash)"
	" SELECT x.id, x.at, x.c, 'publik', 'laporan_diterima', ?2, decode(x.p, 'hex'),"
	" decode(x.h, 'hex')" FROM_JSON("id bigint, at bigint, c bigint, p text, h text");

static const char description[] = "Seorang ASN mengunggah foto bersama calon dengan pose dua jari "
				  "di media sosial dan mengajak memilih.";
static const char event_data[] = "{\"channel\":\"bench\"}";

struct row {
	char code[TRACKCODE_LEN], region[16], prov[3], kab[6], start[DATE_STRLEN], due[DATE_STRLEN];
	const char *state, *dl_status;
	int64_t t, id;
};

/* Run sql with the JSON array a as ?1 (and text p2 as ?2); frees a. */
static int
bulk_run(struct store_conn *c, const char *sql, json_t *a, const char *p2, struct errbuf *eb)
{
	char *text = json_dumps(a, JSON_COMPACT);
	struct db_stmt *s = text ? db_prep(c, sql, eb) : NULL;
	int rc = -1;

	json_decref(a);
	if (s) {
		db_bind_text(s, 1, text);
		if (p2)
			db_bind_text(s, 2, p2);
		rc = db_step(s) == DB_DONE ? 0 : db_error(c, eb, "bulk insert");
	} else if (text == NULL) {
		errbuf_set(eb, ERR_INTERNAL, "out of memory");
	}
	free(text);
	return rc;
}

static int
bulk_chunk(struct store_conn *c, const struct gen *g, struct errbuf *eb)
{
	static struct row rows[ROWS];
	unsigned char prev[32];
	struct db_stmt *s;
	json_t *a = json_array(), *tr, *dl, *ev;
	char *text;
	int64_t last;
	long i, k, n = g->n;
	int rc;
	bool pg = db_engine_of(c) == DB_PG;

	/* the same draws, in the same order, as gen_job() */
	for (i = 0; i < n; i++) {
		struct row *r = &rows[i];
		long no = g->from + i;
		struct date d;

		r->t = 1701396000 + (int64_t)(no % 40000000) * 7;
		d = time_local_date(r->t, 480);
		snprintf(r->region, sizeof(r->region), "%s.%02u", kab[rnd(10)], 1 + rnd(9));
		snprintf(r->prov, sizeof(r->prov), "%.2s", r->region);
		snprintf(r->kab, sizeof(r->kab), "%.5s", r->region);
		r->state = states[rnd(8)];
		trackcode_new(r->code);
		date_format(d, r->start);
		date_format(date_add_days(d, 7), r->due);
		r->dl_status = rnd(3) ? "met" : "open";
		r->id = 0;
		json_array_append_new(
			a, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "code",
				     r->code, "el", no % 2 ? "pilkada2024" : "pemilu2024", "ek",
				     no % 2 ? "pilkada" : "pemilu", "state", r->state, "region",
				     r->region, "prov", r->prov, "kab", r->kab, "office",
				     (json_int_t)g->office, "t", (json_int_t)r->t));
	}
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	s = text ? db_prep_either(c, sqlite_bulk_cases, bulk_cases, eb) : NULL;
	if (s == NULL) {
		free(text);
		return -1;
	}
	db_bind_text(s, 1, text);
	db_bind_text(s, 2, description);
	/* RETURNING promises no order: match the rows by their code */
	for (k = 0; (rc = db_step(s)) == DB_ROW; k++) {
		const char *code = db_col_text(s, 1);
		long j;

		for (j = 0; j < n && strcmp(rows[j].code, code) != 0; j++)
			;
		if (j < n)
			rows[j].id = db_col_int(s, 0);
	}
	free(text);
	if (rc != DB_DONE)
		return db_error(c, eb, "bulk case insert");
	if (k != n)
		return errbuf_set(eb, ERR_INTERNAL, "%ld of %ld cases inserted", k, n);
	/* the chain: its head under the lock, then each event hashed here */
	if (store_event_last(c, &last, prev, eb) < 0)
		return -1;
	tr = json_array();
	dl = json_array();
	ev = json_array();
	for (i = 0; i < n; i++) {
		struct audit_event e;
		char ph[65], h[65];

		json_array_append_new(tr, json_pack("{s:I, s:I}", "id", (json_int_t)rows[i].id, "t",
						    (json_int_t)rows[i].t));
		json_array_append_new(dl, json_pack("{s:I, s:s, s:s, s:s}", "id",
						    (json_int_t)rows[i].id, "s", rows[i].start, "d",
						    rows[i].due, "st", rows[i].dl_status));
		memset(&e, 0, sizeof(e));
		e.id = ++last;
		e.at = rows[i].t;
		e.case_id = rows[i].id;
		e.actor = "publik";
		e.kind = "laporan_diterima";
		e.data = event_data;
		memcpy(e.prev_hash, prev, 32);
		audit_event_hash(&e, e.hash);
		memcpy(prev, e.hash, 32);
		if (!pg) {
			if (store_event_insert(c, &e, eb) < 0) {
				json_decref(tr);
				json_decref(dl);
				json_decref(ev);
				return -1;
			}
			continue;
		}
		for (k = 0; k < 32; k++) {
			snprintf(ph + 2 * k, 3, "%02x", e.prev_hash[k]);
			snprintf(h + 2 * k, 3, "%02x", e.hash[k]);
		}
		json_array_append_new(ev, json_pack("{s:I, s:I, s:I, s:s, s:s}", "id",
						    (json_int_t)e.id, "at", (json_int_t)e.at, "c",
						    (json_int_t)e.case_id, "p", ph, "h", h));
	}
	if (bulk_run(c, pg ? bulk_tracks : sqlite_bulk_tracks, tr, NULL, eb) < 0) {
		json_decref(dl);
		json_decref(ev);
		return -1;
	}
	if (bulk_run(c, pg ? bulk_deadlines : sqlite_bulk_deadlines, dl, NULL, eb) < 0) {
		json_decref(ev);
		return -1;
	}
	if (pg)
		return bulk_run(c, bulk_events, ev, event_data, eb);
	json_decref(ev);
	return 0;
}

/* g->n cases (a multiple of ROWS) in one write job */
static int
bulk_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	const struct gen *g = arg;
	long from;

	for (from = g->from; from < g->from + g->n; from += ROWS) {
		struct gen chunk = {g->office, from, ROWS};

		if (bulk_chunk(c, &chunk, eb) < 0)
			return -1;
	}
	return 0;
}

static int
office_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	return store_office_get_by_code(c, "bawaslu-64", arg, eb);
}

int
main(int argc, char **argv)
{
	struct store_opts o = {NULL, NULL, 2, 4, false};
	struct store_office off;
	struct store *st;
	struct errbuf eb;
	long n, done = 0, bulk_jobs = 0; /* cases written by bulk_job() */
	int64_t t0;
	bool bulk;

	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: tool_casegen DATA_DIR N\n");
		return 2;
	}
	o.data_dir = argv[1];
	o.db_url = getenv("NETRA_DB");
	if (store_open(&st, &o, &eb) < 0 || store_migrate(st, NULL, &eb) < 0 ||
	    store_write(st, office_job, &off, &eb) < 0) {
		fprintf(stderr, "tool_casegen: %s\n", eb.msg);
		return 1;
	}
	bulk = !(getenv("CASEGEN_BULK") && strcmp(getenv("CASEGEN_BULK"), "0") == 0);
	t0 = clock_mono_ms();
	while (done < n) {
		struct gen g = {off.id, done, n - done < 5000 ? n - done : 5000};
		store_job_fn fn = gen_job;

		if (bulk && n - done >= ROWS) {
			g.n -= g.n % ROWS; /* the rest, under ROWS cases, row by row */
			fn = bulk_job;
			bulk_jobs += g.n;
		}
		uint64_t seed = rng;
		int rc, tries = 0;

		/* 8 random symbols: at a million cases a bulk statement meets a
		 * taken code now and then; the job is rolled back whole and
		 * drawn again (the same draws, new codes) */
		while ((rc = store_write(st, fn, &g, &eb)) < 0 && fn == bulk_job &&
		       eb.kind == ERR_CONFLICT && ++tries < 5)
			rng = seed;
		if (rc < 0) {
			fprintf(stderr, "tool_casegen: %s\n", eb.msg);
			store_close(st);
			return 1;
		}
		done += g.n;
	}
	printf("%ld cases written in %.1f s (%ld by bulk INSERTs of %d)\n", n,
	       (double)(clock_mono_ms() - t0) / 1000.0, bulk_jobs, ROWS);
	store_close(st);
	return 0;
}
