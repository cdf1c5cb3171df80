/*
 * test_ident.c - NIP, NI PPPK and NIK: valid numbers decode to the right
 * fields; invalid ones fail with the right stable code and digit
 * positions; doubtful ones carry the right warnings.  "Today" is fixed at
 * 2025-06-01 so that nothing depends on the clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/buf.h"
#include "ident/ident.h"
#include "ident/ident_json.h"
#include "ident/region.h"

static struct region_table *regions;
static const struct ident_limits limits = {
	.nip_min_age_at_tmt = 18,
	.nip_max_age_at_tmt = 0,
	.min_birth_year = 1900,
	.pppk_first_year = 2018,
	.pppk_min_age = 20,
};

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	return region_table_load(&regions, NULL, &eb);
}

static int
teardown(void **state)
{
	(void)state;
	region_table_free(regions);
	return 0;
}

static struct ident_opts
opts(void)
{
	struct ident_opts o = {regions, &limits, {2025, 6, 1}};

	return o;
}

/* Parse s with ident_parse(); returns the return code. */
static int
parse(const char *s, struct ident_result *r, struct errbuf *eb)
{
	struct ident_opts o = opts();

	errbuf_clear(eb);
	return ident_parse(s, strlen(s), &o, r, eb);
}

static bool
has_warning(const struct ident_result *r, const char *code)
{
	size_t i;

	for (i = 0; i < r->nwarnings; i++)
		if (strcmp(r->warnings[i].code, code) == 0)
			return true;
	return false;
}

static void
assert_invalid(const char *s, const char *code, int from, int to)
{
	struct ident_result r;
	struct errbuf eb;

	if (parse(s, &r, &eb) != -1)
		fail_msg("%s: expected invalid (%s)", s, code);
	assert_false(r.valid);
	assert_string_equal(r.fault.code, code);
	assert_string_equal(errbuf_code(&eb), code);
	assert_int_equal(eb.kind, ERR_UNPROCESSABLE);
	assert_string_equal(eb.field, "number");
	if (r.fault.from != from || r.fault.to != to)
		fail_msg("%s: positions %d-%d, want %d-%d (%s)", s, r.fault.from, r.fault.to, from,
			 to, r.fault.msg);
	assert_string_equal(eb.msg, r.fault.msg);
}

/* --- normalization and detection ------------------------------------------- */

static void
test_normalize(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(ident_normalize("19.86-09 26\t1", 13, out, sizeof(out)), 9);
	assert_string_equal(out, "198609261");
	assert_int_equal(ident_normalize("64\xc2\xa0"
					 "08",
					 6, out, sizeof(out)),
			 4);
	assert_string_equal(out, "6408");
	/* letters stay, so their position can be reported */
	assert_int_equal(ident_normalize("1a 2", 4, out, sizeof(out)), 3);
	assert_string_equal(out, "1a2");
	/* truncation: the full length is returned, the output is terminated */
	assert_int_equal(ident_normalize("123456", 6, out, 4), 6);
	assert_string_equal(out, "123");
	assert_int_equal(ident_normalize("", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static void
test_detect(void **state)
{
	(void)state;
	assert_int_equal(ident_detect("6408014609860001", 16), IDENT_NIK);
	assert_int_equal(ident_detect("19860926 201505 1 001", 21), IDENT_AMBIGUOUS);
	assert_int_equal(ident_detect("1986092620150510", 16), IDENT_NIK);
	assert_int_equal(ident_detect("12345678901234567", 17), IDENT_UNKNOWN);
	assert_int_equal(ident_detect("19860926201505100X", 18), IDENT_UNKNOWN);
	assert_int_equal(ident_detect("", 0), IDENT_UNKNOWN);
	assert_int_equal(
		ident_detect("1111111111111111111111111111111111111111111111111111111111111111"
			     "1",
			     65),
		IDENT_UNKNOWN);
}

/* --- NIP and NI PPPK ------------------------------------------------------------ */

static void
test_nip_ambiguous_likely_nip(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* the example from Perka BKN 22/2007 explanations: 19860926 201505 1 001 */
	assert_int_equal(parse("19860926 201505 1 001", &r, &eb), 0);
	assert_true(r.valid);
	assert_string_equal(r.number, "198609262015051001");
	assert_int_equal(r.kind, IDENT_AMBIGUOUS);
	assert_true(r.nip.valid);
	assert_int_equal(r.nip.birth.year, 1986);
	assert_int_equal(r.nip.birth.month, 9);
	assert_int_equal(r.nip.birth.day, 26);
	assert_int_equal(r.nip.tmt_year, 2015);
	assert_int_equal(r.nip.tmt_month, 5);
	assert_int_equal(r.nip.sex, IDENT_SEX_MALE);
	assert_int_equal(r.nip.sequence, 1);
	assert_int_equal(r.nip.age_at_tmt, 28);
	assert_true(r.pppk.valid);
	assert_int_equal(r.pppk.appointment_year, 2015);
	assert_string_equal(r.pppk.field, "05");
	/* a PPPK appointed in 2015 predates PP 49/2018: only the NIP reading is clean */
	assert_true(has_warning(&r, "pppk_year_early"));
	assert_true(has_warning(&r, "ambiguous_kind"));
	assert_int_equal(r.likely, IDENT_NIP);
	/* dots and dashes as people type them */
	assert_int_equal(parse("19860926.201505.1.001", &r, &eb), 0);
	assert_int_equal(parse("19860926-201505-1-001", &r, &eb), 0);
	assert_string_equal(r.number, "198609262015051001");
}

static void
test_nip_ambiguous_undecided(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* TMT 2025-05 or PPPK 2025 with field 05: nothing tells them apart */
	assert_int_equal(parse("199009132025052014", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_AMBIGUOUS);
	assert_int_equal(r.likely, IDENT_UNKNOWN);
	assert_int_equal(r.nip.sex, IDENT_SEX_FEMALE);
	assert_int_equal(r.pppk.sex, IDENT_SEX_FEMALE);
	assert_int_equal(r.pppk.sequence, 14);
	assert_int_equal(r.nwarnings, 1);
	assert_string_equal(r.warnings[0].code, "ambiguous_kind");
}

static void
test_ni_pppk(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* the 2025 example with field 24 (regulations.md 7.4) */
	assert_int_equal(parse("199009132025242014", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NI_PPPK);
	assert_true(r.pppk.valid);
	assert_int_equal(r.pppk.birth.year, 1990);
	assert_int_equal(r.pppk.appointment_year, 2025);
	assert_string_equal(r.pppk.field, "24");
	assert_int_equal(r.pppk.sex, IDENT_SEX_FEMALE);
	assert_int_equal(r.pppk.sequence, 14);
	/* and why it is not a NIP */
	assert_false(r.nip.valid);
	assert_int_equal(r.nip.fault.from, 13);
	assert_int_equal(r.nip.fault.to, 14);
	assert_int_equal(r.nwarnings, 0);
	/* sequence 000 is no NIP, and only a warning for NI PPPK */
	assert_int_equal(parse("199009132025052000", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NI_PPPK);
	assert_int_equal(r.nip.fault.from, 16);
	assert_true(has_warning(&r, "pppk_sequence_zero"));
}

static void
test_nip_dates(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* 29 February in leap years, including 2000 */
	assert_int_equal(parse("199602292020011001", &r, &eb), 0);
	assert_int_equal(r.nip.birth.day, 29);
	assert_int_equal(parse("200002292025011001", &r, &eb), 0);
	assert_invalid("199702292020011001", "invalid_nip", 7, 8);
	assert_int_equal(parse("199702292020011001", &r, &eb), -1);
	assert_non_null(strstr(eb.msg, "1997 bukan tahun kabisat"));
	assert_invalid("190002292020011001", "invalid_nip", 7, 8);
	assert_invalid("198604312015051001", "invalid_nip", 7, 8); /* 31 April */
	assert_invalid("198600102015051001", "invalid_nip", 5, 6); /* month 00 */
	assert_invalid("198613102015051001", "invalid_nip", 5, 6); /* month 13 */
	assert_invalid("198609002015051001", "invalid_nip", 7, 8); /* day 00 */
	assert_invalid("000009262015051001", "invalid_nip", 1, 4); /* year 0000 */
	/* born after "today" (2025-06-01) */
	assert_invalid("203001012050011001", "invalid_nip", 1, 8);
}

static void
test_nip_tmt(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* TMT before birth: neither reading holds (PPPK year before birth year) */
	assert_invalid("199009131985051001", "invalid_nip", 9, 14);
	assert_int_equal(parse("199009131985051001", &r, &eb), -1);
	assert_true(strstr(eb.msg, "bukan NIP yang sah") != NULL);
	assert_true(strstr(eb.msg, "NI PPPK pun tidak sah") != NULL);
	assert_int_equal(r.pppk.fault.from, 9);
	assert_int_equal(r.pppk.fault.to, 12);
	/* TMT in the birth month but on the 1st, before the birthday: not after */
	assert_int_equal(parse("199009131990091001", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NI_PPPK); /* PPPK year 1990 = birth year is possible */
	assert_false(r.nip.valid);
	assert_int_equal(r.nip.fault.from, 9);
	/* born on the 1st, TMT that same day: not after either */
	assert_int_equal(parse("199009011990091001", &r, &eb), 0);
	assert_false(r.nip.valid);
	/* month 13 in the TMT: only the NI PPPK reading remains */
	assert_int_equal(parse("198609262015131001", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NI_PPPK);
	assert_int_equal(r.nip.fault.from, 13);
	/* TMT at 15: valid, with a plausibility warning */
	assert_int_equal(parse("200001012015011001", &r, &eb), 0);
	assert_true(r.nip.valid);
	assert_int_equal(r.nip.age_at_tmt, 15);
	assert_true(has_warning(&r, "nip_tmt_age_low"));
	/* TMT after today */
	assert_int_equal(parse("199001012026011001", &r, &eb), 0);
	assert_true(has_warning(&r, "nip_tmt_future"));
	assert_true(has_warning(&r, "pppk_year_future"));
	/* without limits no plausibility warnings are given */
	{
		struct ident_opts o = {regions, NULL, {2025, 6, 1}};

		assert_int_equal(ident_parse("200001012015011001", 18, &o, &r, &eb), 0);
		assert_false(has_warning(&r, "nip_tmt_age_low"));
	}
}

static void
test_nip_sex_and_sequence(void **state)
{
	(void)state;
	/* both readings fail on the sex digit: one position, one message */
	assert_invalid("198609262015050001", "invalid_nip", 15, 15);
	assert_invalid("198609262015053001", "invalid_nip", 15, 15);
	assert_invalid("198609262015059001", "invalid_nip", 15, 15);
	{
		struct ident_result r;
		struct errbuf eb;

		assert_int_equal(parse("198609262015053001", &r, &eb), -1);
		assert_true(strstr(eb.msg, "bukan NIP maupun NI PPPK") != NULL);
		assert_true(strstr(eb.msg, "digit 15") != NULL);
	}
}

static void
test_nip_characters_and_length(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	assert_invalid("19860926201505100X", "invalid_nip", 18, 18);
	assert_invalid("1986O926201505100l", "invalid_nip", 5, 5);
	assert_invalid("abc", "invalid_identifier", 1, 1);
	assert_invalid("12345678901234567", "invalid_identifier", 0, 0);
	assert_invalid("1234567890123456789", "invalid_identifier", 0, 0);
	assert_invalid("", "invalid_identifier", 0, 0);
	assert_invalid(" . - ", "invalid_identifier", 0, 0);
	assert_invalid("1986092620150510\xff\xfe", "invalid_nip", 17, 17);
	assert_int_equal(parse("1986092620150510\xff\xfe", &r, &eb), -1);
	assert_true(strstr(r.fault.msg, "0xFF") != NULL);
	/* 65 bytes is over the input limit even if most are spaces */
	{
		char longer[IDENT_INPUT_MAX + 2];

		memset(longer, ' ', sizeof(longer) - 1);
		memcpy(longer, "198609262015051001", 18);
		longer[IDENT_INPUT_MAX + 1] = '\0';
		assert_invalid(longer, "invalid_identifier", 0, 0);
		longer[IDENT_INPUT_MAX] = '\0'; /* 64 bytes is fine */
		assert_int_equal(parse(longer, &r, &eb), 0);
	}
	assert_int_equal(parse("12345678901234567", &r, &eb), -1);
	assert_true(strstr(eb.msg, "17 digit") != NULL);
	assert_int_equal(r.kind, IDENT_UNKNOWN);
}

static void
test_forced_readings(void **state)
{
	struct ident_opts o = opts();
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	assert_int_equal(ident_parse_nip("199009132025242014", 18, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_nip");
	assert_int_equal(r.fault.from, 13);
	assert_int_equal(ident_parse_ni_pppk("198609262015051001", 18, &o, &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NI_PPPK);
	assert_false(r.has_nip);
	assert_int_equal(ident_parse_ni_pppk("6408014609860001", 16, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_ni_pppk");
	assert_true(strstr(eb.msg, "18 digit") != NULL);
	assert_int_equal(ident_parse_nik("198609262015051001", 18, &o, &r, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_nik");
	assert_int_equal(ident_parse_nip("198609262015051001", 18, &o, &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NIP);
	assert_false(has_warning(&r, "ambiguous_kind"));
}

/* --- NIK ---------------------------------------------------------------------------- */

static void
test_nik_valid(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	assert_int_equal(parse("6408014609860001", &r, &eb), 0);
	assert_int_equal(r.kind, IDENT_NIK);
	assert_true(r.nik.valid);
	assert_string_equal(r.nik.province.code, "64");
	assert_string_equal(r.nik.province.name, "Kalimantan Timur");
	assert_string_equal(r.nik.kabkota.code, "64.08");
	assert_string_equal(r.nik.kabkota.name, "Kabupaten Kutai Timur");
	assert_string_equal(r.nik.kecamatan.code, "64.08.01");
	assert_non_null(r.nik.kecamatan.name);
	assert_int_equal(r.nik.dd, 46);
	assert_int_equal(r.nik.day, 6);
	assert_int_equal(r.nik.month, 9);
	assert_int_equal(r.nik.yy, 86);
	assert_int_equal(r.nik.sex, IDENT_SEX_FEMALE);
	/* 2086 is in the future: only 1986 remains */
	assert_int_equal(r.nik.nbirth, 1);
	assert_int_equal(r.nik.birth[0].year, 1986);
	assert_int_equal(r.nik.sequence, 1);
	assert_int_equal(r.nwarnings, 0);
	assert_int_equal(parse("6472 0106 0986 0123", &r, &eb), 0);
	assert_int_equal(r.nik.sex, IDENT_SEX_MALE);
	assert_string_equal(r.nik.kabkota.name, "Kota Samarinda");
	assert_int_equal(r.nik.sequence, 123);
	/* DD 41 and 71 are the first and last days for women */
	assert_int_equal(parse("6408014101900001", &r, &eb), 0);
	assert_int_equal(r.nik.day, 1);
	assert_int_equal(parse("6408017101900001", &r, &eb), 0);
	assert_int_equal(r.nik.day, 31);
	assert_int_equal(r.nik.sex, IDENT_SEX_FEMALE);
}

static void
test_nik_centuries(void **state)
{
	struct ident_result r;
	struct errbuf eb;
	struct ident_opts o = opts();

	(void)state;
	/* 29 Feb 00 exists only in 2000 (1900 was not a leap year) */
	assert_int_equal(parse("6408012902000001", &r, &eb), 0);
	assert_int_equal(r.nik.nbirth, 1);
	assert_int_equal(r.nik.birth[0].year, 2000);
	assert_false(has_warning(&r, "nik_birth_century"));
	/* 29 Feb 04: 1904 and 2004 are both possible */
	assert_int_equal(parse("6408012902040001", &r, &eb), 0);
	assert_int_equal(r.nik.nbirth, 2);
	assert_int_equal(r.nik.birth[0].year, 1904);
	assert_int_equal(r.nik.birth[1].year, 2004);
	assert_true(has_warning(&r, "nik_birth_century"));
	assert_invalid("6408012902010001", "invalid_nik", 7, 8);
	/* YY 30: 2030 is after today, so 1930 */
	assert_int_equal(parse("6408011505300001", &r, &eb), 0);
	assert_int_equal(r.nik.nbirth, 1);
	assert_int_equal(r.nik.birth[0].year, 1930);
	/* without a today both centuries stay */
	o.today.year = 0;
	assert_int_equal(ident_parse("6408011505300001", 16, &o, &r, &eb), 0);
	assert_int_equal(r.nik.nbirth, 2);
}

static void
test_nik_invalid(void **state)
{
	(void)state;
	assert_invalid("9908014609860001", "invalid_nik", 1, 2); /* no province 99 */
	assert_invalid("0008014609860001", "invalid_nik", 1, 2);
	assert_invalid("2208014609860001", "invalid_nik", 1, 2);   /* 22 is not a province */
	assert_invalid("6400014609860001", "invalid_nik", 3, 4);   /* kab/kota 00 */
	assert_invalid("6470014609860001", "invalid_nik", 3, 4);   /* 70: neither */
	assert_invalid("6408010009860001", "invalid_nik", 7, 8);   /* DD 00 */
	assert_invalid("6408013209860001", "invalid_nik", 7, 8);   /* DD 32 */
	assert_invalid("6408014009860001", "invalid_nik", 7, 8);   /* DD 40 */
	assert_invalid("6408017209860001", "invalid_nik", 7, 8);   /* DD 72 */
	assert_invalid("6408011500860001", "invalid_nik", 9, 10);  /* MM 00 */
	assert_invalid("6408011513860001", "invalid_nik", 9, 10);  /* MM 13 */
	assert_invalid("6408013104860001", "invalid_nik", 7, 8);   /* 31 April */
	assert_invalid("6408017104860001", "invalid_nik", 7, 8);   /* 31 April, female */
	assert_invalid("6408014609860000", "invalid_nik", 13, 16); /* sequence 0000 */
	assert_invalid("64080146098600O1", "invalid_nik", 15, 15);
	assert_invalid("640801460986", "invalid_identifier", 0, 0);
}

static void
test_nik_old_codes(void **state)
{
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	/* 64.05 is not in today's table: a warning, the NIK stays valid */
	assert_int_equal(parse("6405014609860001", &r, &eb), 0);
	assert_true(r.valid);
	assert_null(r.nik.kabkota.name);
	assert_string_equal(r.nik.kabkota.code, "64.05");
	assert_true(has_warning(&r, "nik_kabkota_unknown"));
	/* an unknown kecamatan in a known kab/kota */
	assert_int_equal(parse("6408994609860001", &r, &eb), 0);
	assert_true(has_warning(&r, "nik_kecamatan_unknown"));
	assert_false(has_warning(&r, "nik_kabkota_unknown"));
	/* kecamatan 00 is shown as written */
	assert_int_equal(parse("6408004609860001", &r, &eb), 0);
	assert_string_equal(r.nik.kecamatan.code, "64.08.00");
	assert_true(has_warning(&r, "nik_kecamatan_unknown"));
}

static void
test_nik_needs_regions(void **state)
{
	struct ident_opts o = {NULL, NULL, {2025, 6, 1}};
	struct ident_result r;
	struct errbuf eb;

	(void)state;
	assert_int_equal(ident_parse("6408014609860001", 16, &o, &r, &eb), -1);
	assert_int_equal(eb.kind, ERR_INTERNAL);
	/* NIP needs no region table */
	assert_int_equal(ident_parse("198609262015051001", 18, &o, &r, &eb), 0);
}

/* --- explanation and JSON -------------------------------------------------------- */

static void
test_explain_and_json(void **state)
{
	struct ident_result r;
	struct errbuf eb;
	struct buf b = BUF_INIT;
	json_t *j;

	(void)state;
	assert_int_equal(parse("6408014609860001", &r, &eb), 0);
	ident_explain(&r, &b);
	assert_non_null(strstr(buf_cstr(&b), "perempuan (46 = 6 + 40)"));
	assert_non_null(strstr(buf_cstr(&b), "Kabupaten Kutai Timur"));
	buf_release(&b);
	j = ident_result_json(&r);
	assert_string_equal(json_string_value(json_object_get(j, "kind")), "nik");
	assert_string_equal(
		json_string_value(json_object_get(
			json_object_get(json_object_get(j, "nik"), "province"), "name")),
		"Kalimantan Timur");
	assert_string_equal(json_string_value(json_array_get(
				    json_object_get(json_object_get(j, "nik"), "birth_dates"), 0)),
			    "1986-09-06");
	assert_true(json_array_size(json_object_get(j, "explanation")) >= 4);
	json_decref(j);

	assert_int_equal(parse("198609262015051001", &r, &eb), 0);
	j = ident_result_json(&r);
	assert_string_equal(json_string_value(json_object_get(j, "kind")), "ambiguous");
	assert_string_equal(json_string_value(json_object_get(j, "likely_kind")), "nip");
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(j, "nip"), "tmt_cpns")),
		"2015-05-01");
	json_decref(j);

	assert_int_equal(parse("199013132025242014", &r, &eb), -1);
	j = ident_problem_json(&r);
	assert_int_equal(json_integer_value(json_object_get(j, "status")), 422);
	assert_string_equal(json_string_value(json_object_get(j, "code")), "invalid_nip");
	assert_int_equal(
		json_integer_value(json_object_get(json_object_get(j, "position"), "from")), 5);
	json_decref(j);
	b = (struct buf)BUF_INIT;
	ident_explain(&r, &b);
	assert_non_null(strstr(buf_cstr(&b), "Tidak sah (invalid_nip)"));
	buf_release(&b);
}

/* --- limits file ------------------------------------------------------------------- */

static void
test_limits(void **state)
{
	struct ident_limits l;
	struct errbuf eb;
	const char *good = "[nip]\nmin_age_at_tmt = 17\n[ni_pppk]\nfirst_appointment_year=2019\n";
	const char *unknown = "[nip]\nmin_age_at_tmt = 17\nmax_umur = 3\n";
	const char *bad = "[nip]\nmin_age_at_tmt = delapan belas\n";

	(void)state;
	assert_int_equal(ident_limits_parse(&l, good, strlen(good), "t.ini", &eb), 0);
	assert_int_equal(l.nip_min_age_at_tmt, 17);
	assert_int_equal(l.pppk_first_year, 2019);
	assert_int_equal(l.pppk_min_age, 0);
	assert_int_equal(ident_limits_parse(&l, unknown, strlen(unknown), "t.ini", &eb), -1);
	assert_non_null(strstr(eb.msg, "t.ini:3"));
	assert_int_equal(ident_limits_parse(&l, bad, strlen(bad), "t.ini", &eb), -1);
	assert_non_null(strstr(eb.msg, "0-9999"));
	/* the embedded file loads and turns the documented checks on */
	assert_int_equal(ident_limits_load(&l, NULL, &eb), 0);
	assert_true(l.nip_min_age_at_tmt > 0);
	assert_true(l.pppk_first_year > 0);
	assert_int_equal(ident_limits_load(&l, "/nonexistent-netra-dir", &eb), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_nip_ambiguous_likely_nip),
		cmocka_unit_test(test_nip_ambiguous_undecided),
		cmocka_unit_test(test_ni_pppk),
		cmocka_unit_test(test_nip_dates),
		cmocka_unit_test(test_nip_tmt),
		cmocka_unit_test(test_nip_sex_and_sequence),
		cmocka_unit_test(test_nip_characters_and_length),
		cmocka_unit_test(test_forced_readings),
		cmocka_unit_test(test_nik_valid),
		cmocka_unit_test(test_nik_centuries),
		cmocka_unit_test(test_nik_invalid),
		cmocka_unit_test(test_nik_old_codes),
		cmocka_unit_test(test_nik_needs_regions),
		cmocka_unit_test(test_explain_and_json),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
