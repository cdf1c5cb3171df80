/*
 * test_store_stats.c - the statistics queries and the export iterator
 * (src/store/stats.c) on a small store made through the store's write API,
 * and the statistics service over it (src/stats/): counts per region,
 * state, period, item, agency; PPK compliance and days to execute;
 * deadlines; every scope (national, kab/kota, PPK) and the filters; merged
 * cases left out; export pages with their cursor; the export selecting
 * the same cases as the case list for each inbox filter; and the public figures
 * carrying no number for a small count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_stats.h"
#include "store/store_users.h"
#include "store_fixture.h"

static char dir[256];
static struct store *st;
static char url[512];
static int64_t ppk0808, ppk0871, cases[6], tracks[6];

/* 2024-01-10T10:00+08:00 */
#define T_JAN10 1704852000LL
#define DAY     86400LL

struct office_arg {
	const char *code, *kind, *level, *region;
	int64_t *id;
};

static int
office_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct office_arg *a = arg;
	struct store_office o;

	memset(&o, 0, sizeof(o));
	snprintf(o.code, sizeof(o.code), "%s", a->code);
	snprintf(o.name, sizeof(o.name), "Kantor %s", a->code);
	snprintf(o.kind, sizeof(o.kind), "%s", a->kind);
	snprintf(o.level, sizeof(o.level), "%s", a->level);
	snprintf(o.region_code, sizeof(o.region_code), "%s", a->region);
	snprintf(o.tz, sizeof(o.tz), "WITA");
	o.created_at = T_JAN10;
	if (store_office_insert(c, &o, eb) < 0)
		return -1;
	if (a->id)
		*a->id = o.id;
	return 0;
}

struct case_arg {
	int i;
	const char *code, *kind, *election, *state, *region, *agency, *track_state;
	int64_t received, ppk;
	const char *rec_json, *rec_level, *sanction_level, *cmp, *sanction_on, *ppk_start,
		*ppk_status;
};

static int
case_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct case_arg *a = arg;
	struct store_case_new n;
	struct store_track_new t;

	memset(&n, 0, sizeof(n));
	n.code = a->code;
	n.kind = a->kind;
	n.election = a->election;
	n.election_kind = strncmp(a->election, "pilkada", 7) == 0 ? "pilkada" : "pemilu";
	n.state = a->state;
	n.region_code = a->region;
	n.office_id = 1;
	n.received_at = a->received;
	n.tz = "WITA";
	n.description = "uraian";
	if (store_case_insert(c, &n, &cases[a->i], eb) < 0)
		return -1;
	memset(&t, 0, sizeof(t));
	t.name = "Terlapor";
	t.agency = a->agency;
	t.status = "PNS";
	t.state = a->track_state;
	if (store_track_insert(c, cases[a->i], &t, a->received, &tracks[a->i], eb) < 0)
		return -1;
	if (a->rec_json) {
		if (store_track_set_recommendation(c, tracks[a->i], a->rec_json, a->rec_level,
						   "BKN", a->ppk, a->received + DAY, eb) < 0 ||
		    store_case_set_recommended(c, cases[a->i], eb) < 0)
			return -1;
	}
	if (a->sanction_level &&
	    store_track_set_sanction(c, tracks[a->i], "teguran", a->sanction_level, "800/1",
				     a->sanction_on, a->cmp, a->received + 20 * DAY, eb) < 0)
		return -1;
	if (a->ppk_start) {
		struct store_deadline_new d = {.case_id = cases[a->i],
					       .track_id = tracks[a->i],
					       .rule = "ppk.tindak_lanjut",
					       .start_on = a->ppk_start,
					       .due_on = "2024-01-29",
					       .tz = "WITA",
					       .explanation_json = "{}",
					       .status = a->ppk_status};

		if (store_deadline_insert(c, &d, eb) < 0)
			return -1;
	}
	return 0;
}

static int
merge_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	(void)arg;
	return store_case_set_merged(c, cases[3], cases[2], T_JAN10, eb);
}

static int
setup(void **state)
{
	/* readers to spare: a failed assertion leaves its reader taken */
	struct store_opts o = {dir, NULL, 16, 256, false};
	struct office_arg offices[] = {
		{"bawaslu-64", "bawaslu", "provinsi", "64", NULL},
		{"ppk-64.08", "ppk", "kabkota", "64.08", &ppk0808},
		{"ppk-64.71", "ppk", "kabkota", "64.71", &ppk0871},
	};
	struct case_arg cs[] = {
		{0, "AAAA-AAAA-1", "laporan", "pemilu2024", "diputus", "64.08.01", "Dinas A",
		 "sanksi_dijatuhkan", T_JAN10, 0,
		 "{\"level\":\"berat\",\"items\":[\"D-6\",\"KE-4\"]}", "berat", "sedang", "lower",
		 "2024-01-30", "2024-01-15", "met"},
		{1, "AAAA-AAAA-2", "temuan", "pemilu2024", "kajian", "64.08.05", "Dinas A",
		 "proses", T_JAN10 + 26 * DAY, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
		{2, "AAAA-AAAA-3", "laporan", "pilkada2024", "diterima", "64.71.01", "Dinas B",
		 "proses", T_JAN10 + 265 * DAY, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
		{3, "AAAA-AAAA-4", "laporan", "pilkada2024", "digabung", "64.71.02", "Dinas B",
		 "proses", T_JAN10 + 266 * DAY, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
		{4, "AAAA-AAAA-5", "laporan", "pemilu2024", "diterima", "64", "", "proses",
		 T_JAN10 + 1 * DAY, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
	};
	struct errbuf eb;
	int applied;
	size_t i;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-stats.XXXXXX");
	assert_non_null(mkdtemp(dir));
	o.data_dir = dir;
	fixture_db_url("stats", url, sizeof(url));
	o.db_url = url;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	for (i = 0; i < sizeof(offices) / sizeof(offices[0]); i++)
		assert_int_equal(store_write(st, office_job, &offices[i], &eb), 0);
	cs[0].ppk = ppk0808;
	for (i = 0; i < sizeof(cs) / sizeof(cs[0]); i++)
		assert_int_equal(store_write(st, case_job, &cs[i], &eb), 0);
	assert_int_equal(store_write(st, merge_job, NULL, &eb), 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

/* --- collecting rows ------------------------------------------------------- */

/* Rows come one per counted thing, in any order: they are added up by key
 * here and printed sorted ("key=n;..."), so the tests do not depend on the
 * order of a scan. */
struct seen {
	char keys[64][128];
	int64_t n[64];
	int nkeys;
	char text[2048];
	int64_t total;
	int rows;
};

static void
note(struct seen *s, const char *a, const char *b, int64_t n)
{
	char key[128];
	int i;

	snprintf(key, sizeof(key), "%s%s%s", a, b ? "/" : "", b ? b : "");
	for (i = 0; i < s->nkeys && strcmp(s->keys[i], key) != 0; i++)
		;
	if (i == s->nkeys && s->nkeys < 64)
		snprintf(s->keys[s->nkeys++], sizeof(s->keys[0]), "%s", key);
	if (i < 64)
		s->n[i] += n;
	s->total += n;
	s->rows++;
}

static int
by_key(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* s->text: every key with its sum, sorted by key */
static const char *
text(struct seen *s)
{
	char sorted[64][160];
	size_t len = 0;
	int i;

	for (i = 0; i < s->nkeys; i++)
		snprintf(sorted[i], sizeof(sorted[i]), "%s=%lld;", s->keys[i], (long long)s->n[i]);
	qsort(sorted, (size_t)s->nkeys, sizeof(sorted[0]), by_key);
	s->text[0] = '\0';
	for (i = 0; i < s->nkeys; i++) {
		snprintf(s->text + len, sizeof(s->text) - len, "%s", sorted[i]);
		len = strlen(s->text);
	}
	return s->text;
}

static int
on_case_region(void *arg, const struct store_stat_case *r)
{
	note(arg, r->region, NULL, r->n);
	return 0;
}

static int
on_case_period(void *arg, const struct store_stat_case *r)
{
	note(arg, r->period, r->state, r->n);
	return 0;
}

static int
on_key(void *arg, const char *key, const char *key2, int64_t n)
{
	note(arg, key, key2, n);
	return 0;
}

static int
on_track(void *arg, const struct store_stat_track *r)
{
	note(arg, r->state, r->cmp, r->n);
	return 0;
}

static int
on_ppk(void *arg, const struct store_stat_ppk *r)
{
	struct seen *s = arg;
	size_t len = strlen(s->text);

	/* grouped per office by the store: one row each */

	snprintf(s->text + len, sizeof(s->text) - len,
		 "%s sent=%lld sanctioned=%lld on_time=%lld "
		 "lower=%lld;",
		 r->code, (long long)r->sent, (long long)r->sanctioned, (long long)r->on_time,
		 (long long)r->lower);
	s->rows++;
	return 0;
}

static int
on_days(void *arg, int64_t office, int64_t days)
{
	struct seen *s = arg;

	s->total += days;
	s->rows++;
	assert_int_equal(office, ppk0808);
	return 0;
}

static struct store_scope
scope(const char *prefix)
{
	struct store_scope sc;

	memset(&sc, 0, sizeof(sc));
	snprintf(sc.region_prefix, sizeof(sc.region_prefix), "%s", prefix);
	return sc;
}

/* --- tests ------------------------------------------------------------------- */

static void
test_cases_by_region(void **state)
{
	struct store_scope all = {.all = true}, kutim = scope("64.08"), none = {.none = true};
	struct store_stat_filter f, f71;
	struct store_conn *c = store_reader(st);
	struct seen s;
	struct errbuf eb;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 0);
	/* the merged case (64.71.02) is not counted; the province-wide one is
	 * under its province */
	assert_int_equal(s.total, 4);
	assert_non_null(strstr(text(&s), "64.08=2;"));
	assert_non_null(strstr(text(&s), "64.71=1;"));
	assert_non_null(strstr(text(&s), "64=1;"));

	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &kutim, &f, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 0);
	assert_int_equal(s.total, 2);
	assert_null(strstr(text(&s), "64.71"));

	/* a filter region outside the scope: nothing, and no error */
	memset(&f71, 0, sizeof(f71));
	f71.region = "64.71";
	memset(&s, 0, sizeof(s));
	assert_int_equal(
		store_stat_cases(c, &kutim, &f71, STORE_STAT_MONTH, on_case_region, &s, &eb), 0);
	assert_int_equal(s.rows, 0);
	/* the same filter nationally */
	assert_int_equal(store_stat_cases(c, &all, &f71, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 0);
	assert_int_equal(s.total, 1);
	/* a wider filter than the scope keeps the scope */
	f71.region = "64";
	memset(&s, 0, sizeof(s));
	assert_int_equal(
		store_stat_cases(c, &kutim, &f71, STORE_STAT_MONTH, on_case_region, &s, &eb), 0);
	assert_int_equal(s.total, 2);
	/* the public scope reads nothing */
	assert_int_equal(store_stat_cases(c, &none, &f, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 -1);
	assert_int_equal(eb.kind, ERR_FORBIDDEN);
	store_reader_done(st, c);
}

static void
test_periods_and_filters(void **state)
{
	struct store_scope all = {.all = true};
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct seen s;
	struct errbuf eb;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_WEEK, on_case_period, &s, &eb),
			 0);
	/* Wednesday 10 Jan 2024 is in the week of Monday 8 Jan */
	assert_non_null(strstr(text(&s), "2024-01-08/diputus=1;"));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_period, &s, &eb),
			 0);
	assert_non_null(strstr(text(&s), "2024-01/diputus=1;"));
	assert_non_null(strstr(text(&s), "2024-02/kajian=1;"));
	/* local dates: from 5 Feb (local day of case 2) */
	f.from = 19758LL * 86400; /* 2024-02-05 */
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_period, &s, &eb),
			 0);
	assert_int_equal(s.total, 2);
	f.to = 19759LL * 86400; /* before 6 Feb */
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_period, &s, &eb),
			 0);
	assert_int_equal(s.total, 1);
	/* election and kind */
	memset(&f, 0, sizeof(f));
	f.election = "pilkada2024";
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_period, &s, &eb),
			 0);
	assert_int_equal(s.total, 1);
	f.election = NULL;
	f.kind = "temuan";
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &all, &f, STORE_STAT_MONTH, on_case_period, &s, &eb),
			 0);
	assert_int_equal(s.total, 1);
	store_reader_done(st, c);
}

static void
test_tracks_items_agencies(void **state)
{
	struct store_scope all = {.all = true};
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct seen s;
	struct errbuf eb;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_tracks(c, &all, &f, on_track, &s, &eb), 0);
	assert_int_equal(s.total, 4);
	assert_non_null(strstr(text(&s), "sanksi_dijatuhkan/lower=1;"));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_items(c, &all, &f, on_key, &s, &eb), 0);
	assert_string_equal(text(&s), "D-6=1;KE-4=1;");
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_agencies(c, &all, &f, on_key, &s, &eb), 0);
	/* the merged case's Dinas B is not counted */
	assert_string_equal(text(&s), "=1;Dinas A=2;Dinas B=1;");
	store_reader_done(st, c);
}

static void
test_ppk(void **state)
{
	struct store_scope all = {.all = true},
			   ppk = {.ppk_office_id = 0, .recommended_only = true};
	struct store_scope other = {.recommended_only = true};
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct seen s;
	struct errbuf eb;

	(void)state;
	ppk.ppk_office_id = ppk0808;
	other.ppk_office_id = ppk0871;
	memset(&f, 0, sizeof(f));
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_ppk(c, &all, &f, on_ppk, &s, &eb), 0);
	assert_string_equal(s.text, "ppk-64.08 sent=1 sanctioned=1 on_time=1 lower=1;");
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_ppk_days(c, &all, &f, on_days, &s, &eb), 0);
	assert_int_equal(s.rows, 1);
	assert_int_equal(s.total, 15); /* 15 Jan to the SK of 30 Jan */
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_deadlines(c, &all, &f, on_key, &s, &eb), 0);
	assert_string_equal(text(&s), "ppk.tindak_lanjut/met=1;");
	/* a PPK sees its own case only; another PPK sees nothing */
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &ppk, &f, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 0);
	assert_int_equal(s.total, 1);
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_cases(c, &other, &f, STORE_STAT_MONTH, on_case_region, &s, &eb),
			 0);
	assert_int_equal(s.rows, 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(store_stat_ppk(c, &other, &f, on_ppk, &s, &eb), 0);
	assert_int_equal(s.rows, 0);
	store_reader_done(st, c);
}

struct rows {
	char codes[512];
	int n;
};

static int
on_export(void *arg, const struct store_export_row *r)
{
	struct rows *x = arg;
	size_t len = strlen(x->codes);

	snprintf(x->codes + len, sizeof(x->codes) - len, "%s:%s:%s;", r->code, r->agency,
		 r->ppk_office);
	x->n++;
	return 0;
}

static void
test_export_pages(void **state)
{
	struct store_scope all = {.all = true}, kutim = scope("64.08");
	struct store_scope ppk = {.recommended_only = true};
	struct store_case_filter lf;
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct rows x;
	struct errbuf eb;
	int64_t next = 0;

	(void)state;
	memset(&lf, 0, sizeof(lf));
	memset(&f, 0, sizeof(f));
	lf.limit = 1;
	memset(&x, 0, sizeof(x));
	assert_int_equal(store_export_page(c, &kutim, &lf, &f, on_export, &x, &next, &eb), 0);
	assert_string_equal(x.codes, "AAAA-AAAA-2:Dinas A:;");
	assert_int_equal(next, cases[1]);
	lf.before_id = next;
	assert_int_equal(store_export_page(c, &kutim, &lf, &f, on_export, &x, &next, &eb), 0);
	assert_string_equal(x.codes, "AAAA-AAAA-2:Dinas A:;AAAA-AAAA-1:Dinas A:Kantor ppk-64.08;");
	assert_int_equal(next, 0);
	/* national, with the merged case (exports follow the inbox) */
	memset(&lf, 0, sizeof(lf));
	memset(&x, 0, sizeof(x));
	assert_int_equal(store_export_page(c, &all, &lf, &f, on_export, &x, &next, &eb), 0);
	assert_int_equal(x.n, 5);
	/* the inbox filter: state */
	lf.state = "kajian";
	memset(&x, 0, sizeof(x));
	assert_int_equal(store_export_page(c, &all, &lf, &f, on_export, &x, &next, &eb), 0);
	assert_string_equal(x.codes, "AAAA-AAAA-2:Dinas A:;");
	/* a PPK: only the case addressed to it */
	ppk.ppk_office_id = ppk0808;
	memset(&lf, 0, sizeof(lf));
	memset(&x, 0, sizeof(x));
	assert_int_equal(store_export_page(c, &ppk, &lf, &f, on_export, &x, &next, &eb), 0);
	assert_string_equal(x.codes, "AAAA-AAAA-1:Dinas A:Kantor ppk-64.08;");
	store_reader_done(st, c);
}

struct codes {
	char text[512];
};

static int
on_list(void *arg, const struct store_case_item *it)
{
	struct codes *x = arg;
	size_t len = strlen(x->text);

	snprintf(x->text + len, sizeof(x->text) - len, "%s;", it->code);
	return 0;
}

static int
on_export_case(void *arg, const struct store_export_row *r)
{
	struct codes *x = arg;
	size_t len = strlen(x->text), n = strlen(r->code);

	/* one row per track: each case once */
	if (len >= n + 1 && strncmp(x->text + len - n - 1, r->code, n) == 0)
		return 0;
	snprintf(x->text + len, sizeof(x->text) - len, "%s;", r->code);
	return 0;
}

/* The case list and the export bind the one inbox filter at different
 * places (fragments.c): for every filter and scope they pick the same
 * cases, in the same order. */
static void
test_list_matches_export(void **state)
{
	struct store_scope scopes[4] = {
		{.all = true}, scope("64.08"), scope("64"), {.recommended_only = true}};
	struct store_case_filter filters[8];
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct errbuf eb;
	size_t i, k;
	int nonempty = 0;

	(void)state;
	scopes[3].ppk_office_id = ppk0808;
	memset(filters, 0, sizeof(filters));
	filters[1].state = "kajian";
	filters[2].election = "pilkada2024";
	filters[3].kind = "temuan";
	filters[4].q = "aaaa-aaaa-3"; /* the tracking code, any case */
	filters[5].q = "uraian";
	filters[6].unassigned = true;
	filters[7].before_id = cases[2];
	for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
		snprintf(filters[i].today[0], 11, "2024-02-01");
		snprintf(filters[i].today[1], 11, "2024-02-01");
		snprintf(filters[i].today[2], 11, "2024-02-01");
	}
	memset(&f, 0, sizeof(f));
	for (k = 0; k < 4; k++)
		for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
			struct codes a, b;
			int64_t next = 0;

			memset(&a, 0, sizeof(a));
			memset(&b, 0, sizeof(b));
			assert_int_equal(store_case_list(c, &scopes[k], &filters[i], on_list, &a,
							 &next, &eb),
					 0);
			assert_int_equal(store_export_page(c, &scopes[k], &filters[i], &f,
							   on_export_case, &b, &next, &eb),
					 0);
			if (strcmp(a.text, b.text) != 0)
				fail_msg("scope %zu filter %zu: list %s, export %s", k, i, a.text,
					 b.text);
			nonempty += a.text[0] != '\0';
		}
	/* the comparison is not between empty answers */
	assert_true(nonempty >= 16);
	store_reader_done(st, c);
}

static void
test_service(void **state)
{
	struct stats_deps d = {st, NULL, NULL, NULL, NULL, NULL};
	struct stats_service *s;
	struct stats_filter f;
	struct principal p;
	struct errbuf eb;
	json_t *fig, *row;
	char *text;
	size_t i;

	(void)state;
	assert_int_equal(stats_service_new(&s, &d, &eb), 0);
	memset(&f, 0, sizeof(f));
	memset(&p, 0, sizeof(p));
	p.user_id = 7;
	p.role = ROLE_PENGAWAS;
	snprintf(p.region_prefix, sizeof(p.region_prefix), "64.08");
	assert_int_equal(stats_dashboard(s, &p, &f, &fig, &eb), 0);
	assert_int_equal(
		json_integer_value(json_object_get(json_object_get(fig, "totals"), "cases")), 2);
	assert_int_equal(json_integer_value(json_object_get(
				 json_array_get(json_object_get(fig, "ppk"), 0), "median_days")),
			 15);
	json_decref(fig);
	/* a filter region outside the scope is refused */
	snprintf(f.region, sizeof(f.region), "64.71");
	assert_int_equal(stats_dashboard(s, &p, &f, &fig, &eb), -1);
	assert_string_equal(eb.field, "region");
	/* the public: no login needed, no dashboard */
	memset(&p, 0, sizeof(p));
	assert_int_equal(stats_dashboard(s, &p, &f, &fig, &eb), -1);
	assert_int_equal(eb.kind, ERR_UNAUTHORIZED);
	/* every count is small here: no cell of the public figures has a number */
	assert_int_equal(stats_public(s, "", &fig, &eb), 0);
	json_array_foreach(json_object_get(json_object_get(fig, "by_region"), "rows"), i, row)
	{
		assert_null(json_object_get(json_object_get(row, "cell"), "n"));
		assert_string_equal(json_string_value(json_object_get(json_object_get(row, "cell"),
								      "suppressed")),
				    "small");
	}
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(fig, "cases"), "suppressed")),
		"small");
	text = json_dumps(fig, JSON_COMPACT);
	assert_null(strstr(text, "\"n\":"));
	free(text);
	json_decref(fig);
	assert_int_equal(stats_public(s, "Bukan Kode", &fig, &eb), -1);
	stats_service_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases_by_region),
		cmocka_unit_test(test_periods_and_filters),
		cmocka_unit_test(test_tracks_items_agencies),
		cmocka_unit_test(test_ppk),
		cmocka_unit_test(test_export_pages),
		cmocka_unit_test(test_list_matches_export),
		cmocka_unit_test(test_service),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
