/*
 * test_calendar.c - the calendar data: elections and stages, holidays and
 * working days, zones, intake hours, and the loader's file:line errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "core/asset.h"
#include "core/config.h"

static struct date
D(int y, int m, int d) {
	return (struct date){y, m, d};
}

static struct calendar *
load_embedded(void)
{
	struct calendar *cal = NULL;
	struct errbuf eb;

	errbuf_clear(&eb);
	if (calendar_load(&cal, NULL, &eb) < 0)
		fail_msg("calendar_load: %s", eb.msg);
	return cal;
}

static void
test_elections(void **state)
{
	struct calendar *cal = load_embedded();
	const struct election *e;
	const struct election_stage *s;

	(void)state;
	assert_true(calendar_election_count(cal) >= 4);
	e = calendar_election_find(cal, "pemilu2024");
	assert_non_null(e);
	assert_int_equal(e->kind, ELECTION_PEMILU);
	assert_true(e->has_voting_day);
	assert_int_equal(date_cmp(e->voting_day, D(2024, 2, 14)), 0);
	assert_true(e->has_penetapan);
	assert_int_equal(date_cmp(e->penetapan, D(2023, 11, 13)), 0);
	assert_non_null(strstr(e->penetapan_note, "13 Nov 2023"));

	s = calendar_stage_at(e, D(2024, 2, 12));
	assert_non_null(s);
	assert_string_equal(s->id, "masa_tenang");
	assert_true(s->flags & STAGE_QUIET);
	/* voting day overlaps penghitungan: the shorter, later-starting stage wins */
	s = calendar_stage_at(e, D(2024, 2, 14));
	assert_string_equal(s->id, "pemungutan_suara");
	assert_true(calendar_stage_flags_at(e, D(2024, 2, 14)) & STAGE_RECAP);
	s = calendar_stage_at(e, D(2023, 12, 1));
	assert_string_equal(s->id, "kampanye");
	assert_null(calendar_stage_at(e, D(2021, 1, 1)));
	/* Pemilu stages do not close intake */
	assert_false(calendar_stage_flags_at(e, D(2024, 2, 12)) & STAGE_NO_INTAKE);

	e = calendar_election_find(cal, "pilkada2024");
	assert_non_null(e);
	assert_int_equal(e->kind, ELECTION_PILKADA);
	assert_int_equal(date_cmp(e->penetapan, D(2024, 9, 22)), 0);
	assert_true(calendar_stage_flags_at(e, D(2024, 11, 25)) & STAGE_NO_INTAKE);
	assert_true(calendar_stage_flags_at(e, D(2024, 12, 16)) & STAGE_NO_INTAKE);
	assert_false(calendar_stage_flags_at(e, D(2024, 12, 17)) & STAGE_NO_INTAKE);
	assert_true(calendar_election_in_region(e, "64.08"));

	e = calendar_election_find(cal, "pemilu2029");
	assert_non_null(e);
	assert_false(e->has_voting_day);
	assert_false(e->has_penetapan);
	assert_int_equal(e->nstages, 0);
	assert_true(strlen(e->note) > 0);

	e = calendar_election_find(cal, "pilkada_ulang2025");
	assert_non_null(e);
	assert_true(calendar_election_in_region(e, "19.71"));
	assert_true(calendar_election_in_region(e, "19.71.01"));
	assert_true(calendar_election_in_region(e, "19"));
	assert_false(calendar_election_in_region(e, "19.02"));
	assert_false(calendar_election_in_region(e, "64.08"));
	assert_false(calendar_election_in_region(e, "19.7"));

	assert_null(calendar_election_find(cal, "pemilu2019"));
	assert_null(calendar_election_at(cal, 1000));
	calendar_free(cal);
}

static void
test_workdays(void **state)
{
	struct calendar *cal = load_embedded();
	struct calendar_opts o;
	struct errbuf eb;
	char why[CALENDAR_REASON_LEN];
	const struct holiday *h[4];

	(void)state;
	calendar_opts_init(&o);
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 12), &o, why, &eb), 1);
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 14), &o, why, &eb), 0);
	assert_string_equal(why, "hari pemungutan suara (Keppres 10/2024)");
	assert_int_equal(calendar_is_workday(cal, D(2024, 11, 27), &o, why, &eb), 0);
	assert_string_equal(why, "hari pemungutan suara (Keppres 33/2024)");
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 10), &o, why, &eb), 0);
	assert_string_equal(why, "Sabtu; libur nasional: Tahun Baru Imlek 2575 Kongzili");
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 11), &o, why, &eb), 0);
	assert_string_equal(why, "Minggu");
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 8), &o, why, &eb), 0);
	assert_string_equal(why, "libur nasional: Isra Mikraj Nabi Muhammad SAW");
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 9), &o, why, &eb), 0);
	assert_string_equal(why, "cuti bersama: Tahun Baru Imlek 2575 Kongzili");
	o.cuti_bersama_is_workday = true;
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 9), &o, why, &eb), 1);
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 8), &o, why, &eb), 0);
	assert_int_equal(calendar_is_workday(cal, D(2024, 2, 9), NULL, why, &eb), 0);

	assert_int_equal(calendar_is_workday(cal, D(2027, 1, 4), &o, why, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "date_out_of_range");
	assert_non_null(strstr(eb.msg, "2023-2026"));
	assert_int_equal(calendar_is_workday(cal, D(2022, 12, 30), &o, why, &eb), -1);
	/* provisionally past the data: the weekday alone; before it: refused */
	{
		bool prov = false;

		assert_true(calendar_year_provisional(cal, 2027));
		assert_true(calendar_year_provisional(cal, 2031));
		assert_false(calendar_year_provisional(cal, 2026));
		assert_false(calendar_year_provisional(cal, 2022));
		assert_int_equal(
			calendar_is_workday_provisional(cal, D(2024, 2, 14), &o, why, &prov, &eb),
			0);
		assert_false(prov);
		assert_string_equal(why, "hari pemungutan suara (Keppres 10/2024)");
		/* 1 January 2027 is surely a holiday, but no data says so yet */
		assert_int_equal(
			calendar_is_workday_provisional(cal, D(2027, 1, 1), &o, why, &prov, &eb),
			1);
		assert_true(prov);
		assert_int_equal(
			calendar_is_workday_provisional(cal, D(2027, 1, 3), &o, why, &prov, &eb),
			0);
		assert_string_equal(why, "Minggu");
		prov = false;
		assert_int_equal(
			calendar_is_workday_provisional(cal, D(2022, 12, 30), &o, why, &prov, &eb),
			-1);
		assert_string_equal(errbuf_code(&eb), "date_out_of_range");
		assert_false(prov);
	}
	{
		struct date first, last;

		calendar_coverage(cal, &first, &last);
		assert_int_equal(date_cmp(first, D(2023, 1, 1)), 0);
		assert_int_equal(date_cmp(last, D(2026, 12, 31)), 0);
	}
	assert_string_equal(calendar_stage_flag_name(STAGE_NO_INTAKE), "no_intake");
	assert_string_equal(calendar_stage_flag_name(3), "?");
	assert_true(calendar_covers(cal, D(2023, 1, 1)));
	assert_true(calendar_covers(cal, D(2026, 12, 31)));
	assert_false(calendar_covers(cal, D(2027, 1, 1)));

	assert_int_equal(calendar_holidays_on(cal, D(2024, 4, 10), h, 4), 1);
	assert_int_equal(h[0]->kind, HOLIDAY_LIBUR_NASIONAL);
	assert_int_equal(calendar_holidays_on(cal, D(2024, 4, 16), h, 4), 0);
	assert_int_equal(calendar_holiday_count(cal), 109);
	calendar_free(cal);
}

static void
test_zones(void **state)
{
	struct calendar *cal = load_embedded();
	const struct tz *z;
	const struct province_zone *p;
	struct errbuf eb;
	size_t i, nwib = 0, nwita = 0, nwit = 0;

	(void)state;
	assert_int_equal(calendar_province_count(cal), 38);
	for (i = 0; i < calendar_province_count(cal); i++) {
		z = calendar_province_at(cal, i)->zone;
		nwib += z == &tz_wib;
		nwita += z == &tz_wita;
		nwit += z == &tz_wit;
	}
	assert_int_equal(nwib, 18);
	assert_int_equal(nwita, 12);
	assert_int_equal(nwit, 8);
	assert_int_equal(calendar_region_zone(cal, "64.08", &z, &p, &eb), 0);
	assert_ptr_equal(z, &tz_wita);
	assert_string_equal(p->name, "Kalimantan Timur");
	assert_int_equal(calendar_region_zone(cal, "31", &z, NULL, &eb), 0);
	assert_ptr_equal(z, &tz_wib);
	assert_int_equal(calendar_region_zone(cal, "94.01.01.2001", &z, NULL, &eb), 0);
	assert_ptr_equal(z, &tz_wit);
	assert_int_equal(calendar_region_zone(cal, "61.71", &z, NULL, &eb), 0);
	assert_ptr_equal(z, &tz_wib); /* Kalimantan Barat is WIB */
	assert_int_equal(calendar_region_zone(cal, "65", &z, NULL, &eb), 0);
	assert_ptr_equal(z, &tz_wita); /* Kalimantan Utara */
	assert_int_equal(calendar_region_zone(cal, "99.01", &z, NULL, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "unknown_region");
	assert_int_equal(calendar_region_zone(cal, "64.8", &z, NULL, &eb), -1);
	assert_int_equal(calendar_region_zone(cal, "6408", &z, NULL, &eb), -1);
	assert_int_equal(calendar_region_zone(cal, "64.08.", &z, NULL, &eb), -1);
	assert_int_equal(calendar_region_zone(cal, "", &z, NULL, &eb), -1);
	assert_int_equal(calendar_region_zone(cal, "64.08.01.2001.1", &z, NULL, &eb), -1);
	calendar_free(cal);
}

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (time_parse_iso(str_from(iso), &t, NULL) < 0)
		fail_msg("bad timestamp %s", iso);
	return t;
}

static void
test_intake(void **state)
{
	struct calendar *cal = load_embedded();
	const struct election *pk = calendar_election_find(cal, "pilkada2024");
	const struct election *pm = calendar_election_find(cal, "pemilu2024");
	struct calendar_opts o;
	struct errbuf eb;
	char why[CALENDAR_REASON_LEN];

	(void)state;
	calendar_opts_init(&o);
	/* Tuesday 2024-10-15 during the campaign */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T09:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 1);
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T16:00:59+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 1);
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T16:01:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	assert_non_null(strstr(why, "16:01 WITA"));
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T07:59:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	/* 07:30 WIB is 08:30 WITA: open in Kaltim, closed in Jakarta */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T07:30:00+07:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 1);
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T07:30:00+07:00"),
						      &tz_wib, &o, why, NULL, &eb),
			 0);
	/* Saturday */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-19T10:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	assert_non_null(strstr(why, "Sabtu"));
	/* masa tenang, Monday 25 Nov 2024 */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-11-25T10:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	assert_non_null(strstr(why, "Masa tenang"));
	/* rekapitulasi, 10 Dec 2024 */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-12-10T10:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	/* Christmas: holiday */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-12-25T10:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 0);
	assert_non_null(strstr(why, "libur nasional"));
	/* before Perbawaslu 9/2024 there was no hours rule */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-09-28T22:00:00+08:00"),
						      &tz_wita, &o, why, NULL, &eb),
			 1);
	/* Pemilu has no intake rule */
	assert_int_equal(calendar_pilkada_intake_open(cal, pm, T("2024-02-12T22:00:00+07:00"),
						      &tz_wib, &o, why, NULL, &eb),
			 1);
	/* a zone is required */
	assert_int_equal(calendar_pilkada_intake_open(cal, pk, T("2024-10-15T09:00:00+08:00"), NULL,
						      &o, why, NULL, &eb),
			 -1);
	/* 2027, past the holiday data: days and hours still decide, unknown
	 * holidays do not close intake, and the answer says it is provisional */
	{
		bool prov = false;

		assert_int_equal(calendar_pilkada_intake_open(cal, pk,
							      T("2024-12-25T10:00:00+08:00"),
							      &tz_wita, &o, why, &prov, &eb),
				 0);
		assert_false(prov);
		assert_int_equal(calendar_pilkada_intake_open(cal, pk,
							      T("2027-01-05T09:00:00+07:00"),
							      &tz_wib, &o, why, &prov, &eb),
				 1);
		assert_true(prov);
		prov = false;
		assert_int_equal(calendar_pilkada_intake_open(cal, pk,
							      T("2027-01-02T09:00:00+07:00"),
							      &tz_wib, &o, why, &prov, &eb),
				 0);
		assert_non_null(strstr(why, "Sabtu"));
		assert_int_equal(calendar_pilkada_intake_open(cal, pk,
							      T("2027-01-05T17:00:00+07:00"),
							      &tz_wib, &o, why, &prov, &eb),
				 0);
		assert_non_null(strstr(why, "17:00 WIB"));
	}
	calendar_free(cal);
}

/* --- the loader's errors ------------------------------------------------- */

/* The embedded files, with one replaced (or added) by name. */
static int
load_with(const char *name, const char *text, struct errbuf *eb)
{
	struct calendar_file files[64];
	struct calendar *cal = NULL;
	size_t n = 0, i;
	int rc;
	bool replaced = false;

	for (i = asset_prefix_first("data/calendars/");
	     i < asset_count && strncmp(asset_table[i].name, "data/calendars/", 15) == 0 && n < 63;
	     i++) {
		const char *nm = asset_table[i].name + 5;

		if (strcmp(nm, name) == 0) {
			replaced = true;
			if (text == NULL)
				continue;
			files[n++] = (struct calendar_file){nm, text, strlen(text)};
			continue;
		}
		files[n++] = (struct calendar_file){nm, (const char *)asset_table[i].data,
						    asset_table[i].len};
	}
	if (!replaced && text)
		files[n++] = (struct calendar_file){name, text, strlen(text)};
	errbuf_clear(eb);
	rc = calendar_load_files(&cal, files, n, "data", eb);
	calendar_free(cal);
	return rc;
}

static void
expect_error(const char *name, const char *text, const char *where, const char *what)
{
	struct errbuf eb;

	if (load_with(name, text, &eb) == 0)
		fail_msg("%s loaded, expected an error at %s", name, where);
	if (strstr(eb.msg, where) == NULL || strstr(eb.msg, what) == NULL)
		fail_msg("error \"%s\" lacks \"%s\" or \"%s\"", eb.msg, where, what);
}

static void
test_loader_errors(void **state)
{
	struct errbuf eb;

	(void)state;
	assert_int_equal(load_with("calendars/none", NULL, &eb), 0);
	expect_error("calendars/holidays.csv",
		     "date,kind,name,basis,source_url\n"
		     "2024-01-01,libur_nasional,Tahun Baru,SKB,https://x.id/a\n"
		     "2024-02-30,libur_nasional,Salah,SKB,https://x.id/a\n",
		     "data/calendars/holidays.csv:3:", "2024-02-30");
	expect_error("calendars/holidays.csv",
		     "date,kind,name,basis,source_url\n"
		     "2024-01-01,libur,Tahun Baru,SKB,https://x.id/a\n",
		     "holidays.csv:2:", "libur_nasional");
	expect_error("calendars/holidays.csv",
		     "date,kind,name\n2024-01-01,libur_nasional,Tahun Baru\n",
		     "holidays.csv:1:", "date,kind,name,basis,source_url");
	expect_error("calendars/holidays.csv",
		     "date,kind,name,basis,source_url\n"
		     "2024-01-01,libur_nasional,\"Tahun Baru,SKB,https://x.id/a\n",
		     "holidays.csv:", "kutip");
	expect_error("calendars/holidays.csv",
		     "date,kind,name,basis,source_url\n"
		     "2024-01-01,libur_nasional,Tahun Baru,SKB,https://x.id/a\n"
		     "2024-01-01,libur_nasional,Tahun Baru,SKB,https://x.id/a\n",
		     "holidays.csv:3:", "baris 2");
	expect_error("calendars/zones.csv",
		     "code,province,zone,basis,source_url\n64,Kaltim,WITA,K,https://x.id\n"
		     "65,Kaltara,CET,K,https://x.id\n",
		     "zones.csv:3:", "WIB, WITA atau WIT");
	expect_error("calendars/elections/pemilu2024.json",
		     "{\n  \"id\": \"pemilu2024\",\n  \"kind\": \"pemilu\",\n  \"name\": \"P\",\n"
		     "  \"basis\": \"B\",\n  \"voting_day\": \"2024-02-14\",\n  \"stages\": [\n"
		     "    {\"id\": \"a\", \"name\": \"A\", \"start\": \"2024-01-01\", \"end\": "
		     "\"2024-01-02\"},\n"
		     "    {\"id\": \"b\", \"name\": \"B\",\n     \"start\": \"2024-02-10\",\n"
		     "     \"end\": \"2024-02-31\"}\n  ]\n}\n",
		     "pemilu2024.json:11: stages[1].end", "tanggal tidak sah");
	expect_error("calendars/elections/pemilu2024.json",
		     "{\"id\": \"pemilu2024\", \"kind\": \"pemilu\", \"name\": \"P\", \"basis\": "
		     "\"B\",\n \"voting_day\": \"2024-02-14\", \"stagse\": []}",
		     "pemilu2024.json:2: stagse", "tidak dikenal");
	expect_error("calendars/elections/pemilu2024.json",
		     "{\"id\": \"pemilu2025\", \"kind\": \"pemilu\", \"name\": \"P\", \"basis\": "
		     "\"B\", \"voting_day\": \"2024-02-14\"}",
		     "pemilu2024.json:1: id", "nama berkas");
	expect_error("calendars/elections/pemilu2024.json",
		     "{\"id\": \"pemilu2024\", \"kind\": \"pemilu\",\n \"name\": \"P\", \"basis\": "
		     "\"B\"}",
		     "pemilu2024.json:", "voting_day");
	expect_error("calendars/elections/pemilu2024.json",
		     "{\"id\": \"pemilu2024\",\n\n  \"kind\"",
		     "pemilu2024.json:3:", "JSON tidak sah");
	expect_error(
		"calendars/elections/x.json",
		"{\"id\": \"x\", \"kind\": \"pemilu\", \"name\": \"P\", \"basis\": \"B\", "
		"\"voting_day\": \"2024-02-14\", \"stages\": [{\"id\": \"v\", \"name\": \"V\", "
		"\"start\": \"2024-02-15\", \"end\": \"2024-02-15\", \"flags\": [\"voting\"]}]}",
		"x.json:1: stages[0]", "voting_day");
	expect_error(
		"calendars/elections/x.json",
		"{\"id\": \"x\", \"kind\": \"pemilu\", \"name\": \"P\", \"basis\": \"B\", "
		"\"voting_day\": \"2024-02-14\", \"stages\": [{\"id\": \"v\", \"name\": \"V\", "
		"\"start\": \"2024-02-14\", \"end\": \"2024-02-14\", \"flags\": [\"vote\"]}]}",
		"x.json:1: stages[0].flags[0]", "vote");
	expect_error("calendars/deadlines.json",
		     "{\"rules\": [\n {\"id\": \"a.b\", \"title\": \"T\", \"count\": 7, \"unit\": "
		     "\"minggu\",\n  \"starts\": \"s\", \"basis\": \"b\", \"sources\": [\"u\"], "
		     "\"confidence\": \"confirmed\"}]}",
		     "deadlines.json:2: rules[0].unit", "hari atau hari_kerja");
	expect_error("calendars/deadlines.json",
		     "{\"rules\": [\n {\"id\": \"a.b\", \"title\": \"T\", \"count\": 7, \"unit\": "
		     "\"hari\", \"starts\": \"s\", \"basis\": \"b\", \"sources\": [\"u\"], "
		     "\"confidence\": \"confirmed\"},\n"
		     " {\"id\": \"a.b\", \"title\": \"T\", \"count\": 7, \"unit\": "
		     "\"hari\", \"starts\": \"s\", \"basis\": \"b\", \"sources\": [\"u\"], "
		     "\"confidence\": \"confirmed\", \"effective_from\": \"2024-01-01\"}]}",
		     "deadlines.json:3: rules[1].id", "baris 2");
	expect_error(
		"calendars/deadlines.json",
		"{\"rules\": [{\"id\": \"a.b\", \"title\": \"T\", \"count\": 6, \"parts\": "
		"[{\"count\": 3, \"what\": \"x\"}, {\"count\": 2, \"what\": \"y\"}], \"unit\": "
		"\"hari\", \"starts\": \"s\", \"basis\": \"b\", \"sources\": [\"u\"], "
		"\"confidence\": \"confirmed\"}]}",
		"deadlines.json:1: rules[0].count", "jumlah parts");
	expect_error("calendars/intake.json",
		     "{\"intake\": [{\"id\": \"p\", \"election_kind\": \"pilkada\", \"days\": "
		     "[\"senin\"], \"open\": \"8:00\", \"close\": \"16:00\", \"basis\": \"b\", "
		     "\"sources\": [\"u\"], \"confidence\": \"confirmed\"}]}",
		     "intake.json:1: intake[0].open", "HH:MM");
	expect_error("calendars/zones.csv", NULL, "data/calendars/zones.csv", "tidak ada");
}

static void
test_opts(void **state)
{
	struct config cfg;
	struct calendar_opts o;
	struct errbuf eb;

	(void)state;
	config_init(&cfg);
	assert_int_equal(calendar_opts_from_config(&o, &cfg, &eb), 0);
	assert_false(o.cuti_bersama_is_workday);
	assert_int_equal(o.pemilu_laporan_unit, DEADLINE_HARI_KERJA);
	assert_int_equal(o.ppk_tindak_lanjut_days, 14);
	assert_int_equal(config_set(&cfg, "rules", "pemilu_laporan_unit", "minggu", &eb), 0);
	assert_int_equal(calendar_opts_from_config(&o, &cfg, &eb), -1);
	assert_int_equal(config_set(&cfg, "rules", "pemilu_laporan_unit", "hari", &eb), 0);
	assert_int_equal(config_set(&cfg, "rules", "ppk_tindak_lanjut_days", "0", &eb), 0);
	assert_int_equal(calendar_opts_from_config(&o, &cfg, &eb), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elections),     cmocka_unit_test(test_workdays),
		cmocka_unit_test(test_zones),         cmocka_unit_test(test_intake),
		cmocka_unit_test(test_loader_errors), cmocka_unit_test(test_opts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
