/*
 * test_calendar_admin.c - admin additions to the calendar: the merge of
 * database rows over the data files (calendar_load_admin), election kinds
 * with "follows", the holiday-data warning, the live holder, the store's
 * calendar tables, and the case service's change job (rows, audit events,
 * recomputed deadlines, the published calendar).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/audit.h"
#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "cases/deadline_memo.h"
#include "store/store.h"
#include "store/store_calendar.h"
#include "store/store_events.h"

static struct date
d(int y, int m, int dd)
{
	return (struct date){y, m, dd};
}

static void
test_merge_holidays(void **state)
{
	/* 2026-12-24 is a data-file cuti bersama; the admin row of the same
	 * date and kind replaces it, the 2027 row adds a year */
	struct calendar_admin_holiday rows[] = {
		{7,
		 {2026, 12, 24},
		 "cuti_bersama",
		 "Cuti Bersama Natal (diubah)",
		 "SKB ubah 2026",
		 ""},
		{8,
		 {2027, 1, 1},
		 "libur_nasional",
		 "Tahun Baru 2027 Masehi",
		 "SKB 2027",
		 "https://example.go.id/2027"},
	};
	struct calendar_admin a = {rows, 2, NULL, 0};
	const struct holiday *on[4];
	struct calendar *cal;
	struct errbuf eb;
	char reason[CALENDAR_REASON_LEN];
	struct date first, last;

	(void)state;
	assert_int_equal(calendar_load_admin(&cal, NULL, &a, &eb), 0);
	assert_int_equal(calendar_holidays_on(cal, d(2026, 12, 24), on, 4), 1);
	assert_string_equal(on[0]->name, "Cuti Bersama Natal (diubah)");
	assert_int_equal(on[0]->admin_id, 7);
	assert_int_equal(calendar_holidays_on(cal, d(2026, 12, 25), on, 4), 1);
	assert_int_equal(on[0]->admin_id, 0); /* data row untouched */
	calendar_coverage(cal, &first, &last);
	assert_int_equal(last.year, 2027);
	assert_int_equal(calendar_is_workday(cal, d(2027, 1, 1), NULL, reason, &eb), 0);
	assert_non_null(strstr(reason, "Tahun Baru 2027"));
	assert_int_equal(calendar_is_workday(cal, d(2027, 1, 4), NULL, reason, &eb), 1);
	calendar_free(cal);

	/* a bad admin row fails the whole load */
	rows[1].kind = "libur_daerah";
	assert_int_equal(calendar_load_admin(&cal, NULL, &a, &eb), -1);
	assert_null(cal);
	assert_non_null(strstr(eb.msg, "#8"));
}

static void
test_merge_elections(void **state)
{
	static const char psu[] = "{\"id\": \"psu_uji\", \"kind\": \"psu\", \"follows\": "
				  "\"pilkada\", \"name\": \"PSU Uji\", \"basis\": \"uji\", "
				  "\"note\": \"Tanggal belum ditetapkan.\"}";
	static const char repl[] = "{\"id\": \"pemilu2029\", \"kind\": \"pemilu\", \"name\": "
				   "\"Pemilu 2029 (diperbarui)\", \"basis\": \"uji\", "
				   "\"voting_day\": \"2029-02-14\"}";
	static const char nofollow[] = "{\"id\": \"psu_x\", \"kind\": \"psu\", \"name\": \"X\", "
				       "\"basis\": \"x\", \"note\": \"n\"}";
	struct calendar_file f[] = {
		{"calendars/elections/psu_uji.json", psu, sizeof(psu) - 1},
		{"calendars/elections/pemilu2029.json", repl, sizeof(repl) - 1},
	};
	struct calendar_admin a = {NULL, 0, f, 2};
	const struct election *e;
	struct calendar *cal, *plain;
	struct errbuf eb;

	(void)state;
	assert_int_equal(calendar_load(&plain, NULL, &eb), 0);
	assert_int_equal(calendar_load_admin(&cal, NULL, &a, &eb), 0);
	assert_int_equal(calendar_election_count(cal), calendar_election_count(plain) + 1);
	e = calendar_election_find(cal, "psu_uji");
	assert_non_null(e);
	assert_int_equal(e->kind, ELECTION_PSU);
	assert_int_equal(e->clock, ELECTION_PILKADA);
	assert_string_equal(calendar_election_clock_name(e), "pilkada");
	assert_true(e->admin);
	assert_false(e->has_voting_day);
	e = calendar_election_find(cal, "pemilu2029");
	assert_string_equal(e->name, "Pemilu 2029 (diperbarui)");
	assert_true(e->has_voting_day);
	assert_int_equal(calendar_election_find(plain, "pemilu2029")->clock, ELECTION_PEMILU);
	calendar_free(cal);
	calendar_free(plain);

	f[0] = (struct calendar_file){"calendars/elections/psu_x.json", nofollow,
				      sizeof(nofollow) - 1};
	a.nelections = 1;
	assert_int_equal(calendar_load_admin(&cal, NULL, &a, &eb), -1);
	assert_non_null(strstr(eb.msg, "follows"));
}

static void
test_data_ending(void **state)
{
	struct calendar *cal;
	struct errbuf eb;
	struct date end;
	long left;

	(void)state;
	assert_int_equal(calendar_load(&cal, NULL, &eb), 0);
	assert_true(calendar_data_ending(cal, d(2026, 12, 7), &end, &left));
	assert_int_equal(date_cmp(end, d(2026, 12, 31)), 0);
	assert_int_equal(left, 24);
	assert_true(calendar_data_ending(cal, d(2026, 10, 2), &end, &left)); /* 90 days */
	assert_false(calendar_data_ending(cal, d(2026, 10, 1), &end, &left));
	assert_false(calendar_data_ending(cal, d(2026, 6, 1), &end, &left));
	assert_true(calendar_data_ending(cal, d(2027, 2, 1), &end, &left)); /* already past */
	assert_true(left <= 0);
	/* a clock set before the data begins is not "running out" */
	assert_false(calendar_data_ending(cal, d(2020, 6, 1), &end, &left));
	calendar_free(cal);
}

static void
test_live(void **state)
{
	struct calendar *a, *b;
	struct calendar_live *l;
	struct errbuf eb;

	(void)state;
	assert_int_equal(calendar_load(&a, NULL, &eb), 0);
	assert_int_equal(calendar_load(&b, NULL, &eb), 0);
	l = calendar_live_new(a, 3);
	assert_ptr_equal(calendar_live_get(l), a);
	assert_int_equal(calendar_live_version(l), 3);
	calendar_live_publish(l, b, 4);
	assert_ptr_equal(calendar_live_get(l), b);
	assert_int_equal(calendar_live_version(l), 4);
	/* the old one is retired, still readable */
	assert_true(calendar_holiday_count(a) > 0);
	calendar_live_free(l);
}

/* --- the store and the change job ------------------------------------------ */

static char dir[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-caladmin.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static int
count_holiday(void *arg, const struct store_cal_holiday *h)
{
	(void)h;
	(*(int *)arg)++;
	return 0;
}

struct kinds {
	char list[512];
};

static int
event_kind(void *arg, const struct store_event *ev)
{
	struct kinds *k = arg;

	strncat(k->list, ev->kind, sizeof(k->list) - strlen(k->list) - 2);
	strcat(k->list, " ");
	return 0;
}

static void
test_change_job(void **state)
{
	struct store_opts o = {dir, NULL, 2, 16, false};
	struct cases_ctx cx;
	struct store *st;
	struct store_conn *c;
	struct calendar *cal;
	struct calendar_change ch;
	struct calendar_actor who = {"admin_uji", 0, "test"};
	struct store_cal_holiday h;
	struct audit_report rep;
	struct kinds k;
	struct errbuf eb;
	int64_t version;
	int applied, n = 0;
	const struct calendar *before;

	(void)state;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	assert_int_equal(cases_calendar_load(st, NULL, &cal, &version, &eb), 0);
	assert_int_equal(version, 0);
	memset(&cx, 0, sizeof(cx));
	cx.store = st;
	cx.cal_live = calendar_live_new(cal, version);
	cx.deadlines = deadline_memo_new();
	calendar_opts_init(&cx.copts);
	before = cases_cal(&cx);

	memset(&h, 0, sizeof(h));
	snprintf(h.date, sizeof(h.date), "2026-12-28");
	snprintf(h.kind, sizeof(h.kind), "cuti_bersama");
	snprintf(h.name, sizeof(h.name), "Cuti Bersama Uji");
	snprintf(h.basis, sizeof(h.basis), "SKB uji");
	assert_int_equal(cases_calendar_holiday_add(&cx, &h, &who, &ch, &eb), 0);
	assert_int_equal(ch.rows, 1);
	assert_string_equal(ch.first_date, "2026-12-28");
	/* published: a new calendar, the old one still valid */
	assert_ptr_not_equal(cases_cal(&cx), before);
	assert_int_equal(calendar_is_workday(cases_cal(&cx), d(2026, 12, 28), NULL, NULL, &eb), 0);
	assert_int_equal(calendar_is_workday(before, d(2026, 12, 28), NULL, NULL, &eb), 1);
	assert_int_equal(calendar_live_version(cx.cal_live), 1);
	/* the same row again is refused; nothing changes */
	assert_int_equal(cases_calendar_holiday_add(&cx, &h, &who, &ch, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "duplicate_holiday");
	/* one day of a year without data would make the year look loaded */
	snprintf(h.date, sizeof(h.date), "2029-02-14");
	assert_int_equal(cases_calendar_holiday_add(&cx, &h, &who, &ch, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "year_not_loaded");
	snprintf(h.date, sizeof(h.date), "2026-12-28");
	/* a bad kind never reaches the store */
	snprintf(h.kind, sizeof(h.kind), "libur_daerah");
	assert_int_equal(cases_calendar_holiday_add(&cx, &h, &who, &ch, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_holiday");

	c = store_reader(st);
	assert_int_equal(store_cal_holiday_each(c, count_holiday, &n, &eb), 0);
	assert_int_equal(n, 1);
	store_reader_done(st, c);

	assert_int_equal(cases_calendar_holiday_remove(&cx, ch.id ? ch.id : 1, &who, &ch, &eb), 0);
	assert_int_equal(calendar_is_workday(cases_cal(&cx), d(2026, 12, 28), NULL, NULL, &eb), 1);
	assert_int_equal(cases_calendar_holiday_remove(&cx, 1, &who, &ch, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "unknown_holiday");
	n = 0;
	c = store_reader(st);
	assert_int_equal(store_cal_holiday_each(c, count_holiday, &n, &eb), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_cal_version(c, &version, &eb), 0);
	assert_int_equal(version, 2);
	store_reader_done(st, c);

	memset(&k, 0, sizeof(k));
	assert_int_equal(store_event_each(st, event_kind, &k, &eb), 0);
	assert_string_equal(k.list, "hari_libur_ditambah hari_libur_dihapus ");
	assert_int_equal(audit_verify(st, &rep, &eb), 0);

	calendar_live_free(cx.cal_live);
	deadline_memo_free(cx.deadlines);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_holidays),
		cmocka_unit_test(test_merge_elections),
		cmocka_unit_test(test_data_ending),
		cmocka_unit_test(test_live),
		cmocka_unit_test_setup_teardown(test_change_job, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
