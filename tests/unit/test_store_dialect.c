/*
 * test_store_dialect.c - the queries written per dialect (sqlite_q_* and
 * pg_q_*, src/store/q_*.h) and the search keys give the same rows on both
 * engines.  One fixture is written through the store's write API into a
 * fresh SQLite store and into the PostgreSQL database named by
 * NETRA_TEST_PG_URL (migrated; the test empties the tables it fills, so
 * give it a database of its own, as the owner role); every read that uses
 * a named query or a fragment (case list and search, related cases, the
 * public status, the case cube by month and by week, recommendation
 * items, PPK days, PPK compliance, the export, the registry) is rendered
 * to text on each engine and the texts must be equal.  Without
 * NETRA_TEST_PG_URL the comparisons are skipped; the search keys are
 * still checked on SQLite.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/fold.h"
#include "store/store.h"
#include "store/store_internal.h"

#define T0  1704852000LL /* 2024-01-10T10:00+08:00, a Wednesday */
#define DAY 86400LL

static char dir[256];
static struct store *lite, *pg;

struct fx_case {
	const char *code, *kind, *state, *region, *desc, *names[2];
	int64_t received;
	const char *rec_json, *sanction_on, *ppk_start, *explanation;
};

static const struct fx_case fixture[] = {
	{"AAAA-AAAA-1",
	 "laporan",
	 "diputus",
	 "64.08.01",
	 "Kepala Désa memasang SPANDUK calon",
	 {"Drs. Ahmad Yani", "Siti Ægidia"},
	 T0,
	 "{\"level\":\"berat\",\"items\":[\"D-6\",\"KE-4\",7]}",
	 "2024-01-30",
	 "2024-01-15",
	 "{\"provisional_years\":[2027]}"},
	{"AAAA-AAAA-2",
	 "temuan",
	 "kajian",
	 "64.08.05",
	 "Camat hadir di kampanye, diskon 50%",
	 {"AHMAD yani", NULL},
	 T0 + 5 * DAY,
	 "{\"items\":\"D-1\"}",
	 "2024-02-20",
	 "2024-02-01",
	 "{}"},
	{"AAAA-AAAA-3",
	 "laporan",
	 "diterima",
	 "64.71.02",
	 "Lurah_x ikut deklarasi",
	 {"Bambang", "Çelik Ñ"},
	 T0 + 40 * DAY,
	 NULL,
	 NULL,
	 NULL,
	 "{\"provisional_years\":null}"},
	{"AAAA-AAAA-4",
	 "informasi_awal",
	 "diterima",
	 "64.08.01",
	 "Guru mengunggah dukungan",
	 {"siti ægidia", NULL},
	 T0 - 3 * DAY,
	 NULL,
	 NULL,
	 NULL,
	 "{}"},
};

#define NFIX (sizeof(fixture) / sizeof(fixture[0]))

static int
reset_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	(void)arg;
	return db_exec(c,
		       "TRUNCATE deadlines, witnesses, notes, evidence, tracks, persons, cases,"
		       " users, offices RESTART IDENTITY CASCADE",
		       eb);
}

static int
fixture_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct store_office o;
	size_t i, k;

	(void)arg;
	memset(&o, 0, sizeof(o));
	snprintf(o.code, sizeof(o.code), "bawaslu-64");
	snprintf(o.name, sizeof(o.name), "Bawaslu Kalimantan Timur");
	snprintf(o.kind, sizeof(o.kind), "bawaslu");
	snprintf(o.level, sizeof(o.level), "provinsi");
	snprintf(o.region_code, sizeof(o.region_code), "64");
	snprintf(o.tz, sizeof(o.tz), "WITA");
	o.created_at = T0;
	if (store_office_insert(c, &o, eb) < 0)
		return -1;
	snprintf(o.code, sizeof(o.code), "ppk-64.08");
	snprintf(o.name, sizeof(o.name), "PPK Kutai Timur");
	snprintf(o.kind, sizeof(o.kind), "ppk");
	snprintf(o.level, sizeof(o.level), "kabkota");
	snprintf(o.region_code, sizeof(o.region_code), "64.08");
	if (store_office_insert(c, &o, eb) < 0)
		return -1;
	for (i = 0; i < NFIX; i++) {
		const struct fx_case *f = &fixture[i];
		struct store_case_new n = {0};
		int64_t id, tid = 0;

		n.code = f->code;
		n.kind = f->kind;
		n.election = "pemilu2024";
		n.election_kind = "pemilu";
		n.state = f->state;
		n.region_code = f->region;
		n.office_id = 1;
		n.received_at = f->received;
		n.tz = "WITA";
		n.description = f->desc;
		if (store_case_insert(c, &n, &id, eb) < 0)
			return -1;
		for (k = 0; k < 2 && f->names[k]; k++) {
			struct store_track_new t = {0};
			char norm[64];
			size_t j, m = 0;

			/* a name key as the intake makes it, enough to link cases */
			fold_search_key(f->names[k], norm, sizeof(norm));
			for (j = 0; norm[j]; j++)
				if (norm[j] != '.')
					norm[m++] = norm[j];
			norm[m] = '\0';
			t.name = f->names[k];
			t.status = "PNS";
			t.state = "proses";
			t.agency = "Dinas A";
			if (store_person_upsert(c, &t, strstr(norm, "ahmad") ? "ahmad yani" : norm,
						f->region, f->received, &t.person_id, eb) < 0 ||
			    store_track_insert(c, id, &t, f->received, &tid, eb) < 0)
				return -1;
		}
		{
			struct store_deadline_new d = {
				.case_id = id,
				.rule = "kajian_awal",
				.start_on = "2024-01-10",
				.due_on = i % 2 ? "2024-01-12" : "2024-01-14",
				.tz = "WITA",
				.explanation_json = f->explanation,
				.provisional = i == 0,
				.provisional_reason = "data hari libur belum dimuat"};

			if (store_deadline_insert(c, &d, eb) < 0)
				return -1;
			d.rule = "klarifikasi";
			d.provisional = false;
			if (store_deadline_insert(c, &d, eb) < 0)
				return -1;
		}
		if (f->rec_json &&
		    (store_track_set_recommendation(c, tid, f->rec_json, "berat", "BKN", 2,
						    f->received + DAY, eb) < 0 ||
		     store_track_set_sanction(c, tid, "teguran", "sedang", "800/1", f->sanction_on,
					      "lower", f->received + 20 * DAY, eb) < 0))
			return -1;
		if (f->ppk_start) {
			struct store_deadline_new d = {.case_id = id,
						       .track_id = tid,
						       .rule = "ppk.tindak_lanjut",
						       .start_on = f->ppk_start,
						       .due_on = "2024-03-01",
						       .tz = "WITA",
						       .explanation_json = "{}",
						       .status = "met"};

			if (store_deadline_insert(c, &d, eb) < 0)
				return -1;
		}
	}
	return 0;
}

static int
setup(void **state)
{
	struct store_opts o = {dir, NULL, 4, 256, false};
	const char *url = getenv("NETRA_TEST_PG_URL");
	struct errbuf eb;
	int applied;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-dialect-XXXXXX");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(store_open(&lite, &o, &eb), 0);
	assert_int_equal(store_migrate(lite, &applied, &eb), 0);
	assert_int_equal(store_write(lite, fixture_job, NULL, &eb), 0);
	if (url && url[0]) {
		o.db_url = url;
		if (store_open(&pg, &o, &eb) < 0 || store_migrate(pg, &applied, &eb) < 0 ||
		    store_write(pg, reset_job, NULL, &eb) < 0 ||
		    store_write(pg, fixture_job, NULL, &eb) < 0)
			fail_msg("PostgreSQL %s: %s", url, eb.msg);
	}
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	store_close(lite);
	store_close(pg);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* --- rendering reads to text ------------------------------------------- */

static const struct store_scope everything = {.all = true};

static int
item_line(void *arg, const struct store_case_item *it)
{
	buf_addf(arg, "%lld %s %s %s [%s] next=%s/%d/%s\n", (long long)it->id, it->code, it->state,
		 it->summary ? it->summary : "-", it->terlapor ? it->terlapor : "-",
		 it->next_due ? it->next_due : "-", it->next_provisional,
		 it->next_rule ? it->next_rule : "-");
	return 0;
}

static void
json_line(struct buf *b, json_t *j)
{
	char *s = json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT);

	buf_addf(b, "%s\n", s ? s : "(null)");
	free(s);
	json_decref(j);
}

static int
cube_line(void *arg, const struct store_stat_case *r)
{
	buf_addf(arg, "%s %s %s %s %s %lld\n", r->region, r->state, r->election, r->kind, r->period,
		 (long long)r->n);
	return 0;
}

static int
key_line(void *arg, const char *a, const char *b, int64_t n)
{
	buf_addf(arg, "%s %s %lld\n", a, b ? b : "-", (long long)n);
	return 0;
}

static int
days_line(void *arg, int64_t office, int64_t days)
{
	buf_addf(arg, "%lld %lld\n", (long long)office, (long long)days);
	return 0;
}

static int
ppk_line(void *arg, const struct store_stat_ppk *r)
{
	buf_addf(arg, "%lld %s %s %lld %lld %lld %lld %lld %lld %lld %lld\n",
		 (long long)r->office_id, r->code, r->name, (long long)r->sent,
		 (long long)r->sanctioned, (long long)r->on_time, (long long)r->not_followed,
		 (long long)r->escalated, (long long)r->lower, (long long)r->equal,
		 (long long)r->higher);
	return 0;
}

static int
export_line(void *arg, const struct store_export_row *r)
{
	buf_addf(arg, "%lld %s %lld %s %s next=%s/%s\n", (long long)r->case_id, r->code,
		 (long long)r->track_id, r->name, r->sanction_on, r->next_due, r->next_rule);
	return 0;
}

static int
person_line(void *arg, const struct store_registry_person *p)
{
	buf_addf(arg, "%s|%s|%lld|%lld\n", p->nip, p->name_norm, (long long)p->last_track,
		 (long long)p->ncases);
	return 0;
}

static const char *const queries[] = {"désa",   "DESA",    "spanduk",     "ahmad",
				      "AGIDIA", "aegidia", "50%",         "lurah_x",
				      "lurahx", "celik n", "aaaa-aaaa-3", NULL};

/* Every read of the fixture on one engine, as text into b. */
static void
render(struct store *st, struct buf *b)
{
	struct store_conn *c = store_reader(st);
	struct store_case_filter f = {0};
	struct store_stat_filter sf = {0};
	struct errbuf eb;
	int64_t next;
	json_t *j;
	size_t i;

	f.limit = 50;
	for (i = 0; i < 3; i++) {
		snprintf(f.today[i], sizeof(f.today[i]), "2024-01-13");
		snprintf(f.soon[i], sizeof(f.soon[i]), "2024-01-20");
	}
	for (i = 0; queries[i]; i++) {
		f.q = queries[i];
		buf_addf(b, "list q=%s\n", queries[i]);
		assert_int_equal(store_case_list(c, &everything, &f, item_line, b, &next, &eb), 0);
	}
	f.q = NULL;
	f.overdue = 1;
	buf_addf(b, "list overdue\n");
	assert_int_equal(store_case_list(c, &everything, &f, item_line, b, &next, &eb), 0);
	f.overdue = 0;
	for (i = 1; i <= NFIX; i++) {
		assert_int_equal(store_case_related(c, &everything, (int64_t)i, &j, &eb), 0);
		json_line(b, j);
		assert_int_equal(store_case_public(c, fixture[i - 1].code, &j, &eb), 0);
		json_line(b, j);
	}
	buf_addf(b, "month\n");
	assert_int_equal(store_stat_cases(c, &everything, &sf, STORE_STAT_MONTH, cube_line, b, &eb),
			 0);
	buf_addf(b, "week\n");
	assert_int_equal(store_stat_cases(c, &everything, &sf, STORE_STAT_WEEK, cube_line, b, &eb),
			 0);
	buf_addf(b, "items\n");
	assert_int_equal(store_stat_items(c, &everything, &sf, key_line, b, &eb), 0);
	buf_addf(b, "ppk days\n");
	assert_int_equal(store_stat_ppk_days(c, &everything, &sf, days_line, b, &eb), 0);
	buf_addf(b, "ppk\n");
	assert_int_equal(store_stat_ppk(c, &everything, &sf, ppk_line, b, &eb), 0);
	buf_addf(b, "export q=desa\n");
	f.q = "DÉSA";
	assert_int_equal(store_export_page(c, &everything, &f, &sf, export_line, b, &next, &eb), 0);
	buf_addf(b, "registry\n");
	assert_int_equal(store_registry_persons(c, &everything, NULL, 100, person_line, b, &eb), 0);
	store_reader_done(st, c);
	buf_addch(b, '\0');
}

/* The rows the search keys must find on any engine. */
static void
test_search_sqlite(void **state)
{
	struct buf b;
	const char *mem;

	(void)state;
	buf_init(&b, 1 << 20);
	render(lite, &b);
	assert_false(buf_failed(&b));
	mem = b.data;
	/* case and accents folded both ways; LIKE wildcards literal */
	assert_non_null(strstr(mem, "list q=désa\n1 AAAA-AAAA-1"));
	assert_non_null(strstr(mem, "list q=DESA\n1 AAAA-AAAA-1"));
	assert_non_null(strstr(mem, "list q=spanduk\n1 AAAA-AAAA-1"));
	assert_non_null(strstr(mem, "list q=ahmad\n2 AAAA-AAAA-2"));
	assert_non_null(strstr(mem, "list q=AGIDIA\nlist q=aegidia\n4 AAAA-AAAA-4"));
	assert_non_null(strstr(mem, "list q=50%\n2 AAAA-AAAA-2"));
	assert_non_null(strstr(mem, "list q=lurah_x\n3 AAAA-AAAA-3"));
	assert_non_null(strstr(mem, "list q=lurahx\nlist q=celik n\n3 AAAA-AAAA-3"));
	assert_non_null(strstr(mem, "list q=aaaa-aaaa-3\n3 AAAA-AAAA-3"));
	/* the terlapor names in track order */
	assert_non_null(strstr(mem, "[Drs. Ahmad Yani; Siti Ægidia]"));
	/* the per-dialect statistics: periods, text items only, days */
	assert_non_null(strstr(mem, "64.08 diputus pemilu2024 laporan 2024-01 1\n"));
	assert_non_null(strstr(mem, "64.08 diputus pemilu2024 laporan 2024-01-08 1\n"));
	assert_non_null(strstr(mem, "64.08 kajian pemilu2024 temuan 2024-01-15 1\n"));
	assert_non_null(strstr(mem, "D-6 - 1\n"));
	assert_non_null(strstr(mem, "KE-4 - 1\n"));
	assert_non_null(strstr(mem, "D-1 - 1\n"));
	assert_null(strstr(mem, "\n7 - 1\n"));
	assert_non_null(strstr(mem, "ppk days\n2 15\n2 19\n"));
	assert_non_null(strstr(mem, "\"provisional_years\":[2027]"));
	buf_release(&b);
}

static void
test_engines_agree(void **state)
{
	struct buf a, b;

	(void)state;
	if (pg == NULL)
		skip();
	buf_init(&a, 1 << 20);
	buf_init(&b, 1 << 20);
	render(lite, &a);
	render(pg, &b);
	assert_false(buf_failed(&a));
	assert_false(buf_failed(&b));
	assert_string_equal(b.data, a.data);
	buf_release(&a);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_sqlite),
		cmocka_unit_test(test_engines_agree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
