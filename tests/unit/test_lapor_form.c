/*
 * test_lapor_form.c - the public laporan form: fields to the report JSON,
 * the checks that put each problem next to its field, the field ids and
 * the error-to-field mapping, D/M/YYYY dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cases/report.h"
#include "ident/ident.h"
#include "ident/region.h"
#include "web/lapor_form.h"

static void
parse_form(struct arena *a, const char *body, struct form *f)
{
	struct errbuf eb;

	assert_int_equal(form_parse(a, body, strlen(body), f, &eb), 0);
}

static const char *
jstr(json_t *doc, const char *path)
{
	json_t *v = doc;
	char buf[128], *p, *save = NULL;

	strncpy(buf, path, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	for (p = strtok_r(buf, "/", &save); p && v; p = strtok_r(NULL, "/", &save))
		v = json_is_array(v) ? json_array_get(v, (size_t)atoi(p)) : json_object_get(v, p);
	return json_string_value(v);
}

static void
test_to_json(void **state)
{
	struct arena a;
	struct form f;
	json_t *doc;

	(void)state;
	arena_init(&a, 4096);
	parse_form(
		&a,
		"pemilihan=pemilu2024&pelapor.nama=+Siti+R+&pelapor.alamat=&pelapor.tanggal_lahir="
		"5%2F3%2F1990&terlapor%5B1%5D.nama=Ahmad&terlapor%5B1%5D.status=PNS"
		"&wilayah.provinsi=64&wilayah.kabkota=64.08&wilayah.kecamatan="
		"&peristiwa.waktu_kejadian=09-02-2024&peristiwa.uraian=Foto"
		"&saksi%5B0%5D.nama=Rudi&bukti%5B2%5D.url=https%3A%2F%2Fx.id%2Fp"
		"&bukti.keterangan=rekaman+ada&aksi=kirim",
		&f);
	doc = lapor_form_to_json(&f);
	assert_string_equal(jstr(doc, "jenis"), "laporan");
	assert_string_equal(jstr(doc, "pemilihan"), "pemilu2024");
	assert_string_equal(jstr(doc, "pelapor/nama"), "Siti R"); /* trimmed */
	assert_null(
		json_object_get(json_object_get(doc, "pelapor"), "alamat")); /* empty: left out */
	assert_string_equal(jstr(doc, "pelapor/tanggal_lahir"), "1990-03-05");
	/* every block is kept, so indices are the form's */
	assert_int_equal(json_array_size(json_object_get(doc, "terlapor")), LAPOR_TERLAPOR_BLOCKS);
	assert_int_equal(json_object_size(json_array_get(json_object_get(doc, "terlapor"), 0)), 0);
	assert_string_equal(jstr(doc, "terlapor/1/nama"), "Ahmad");
	assert_string_equal(jstr(doc, "terlapor/1/status"), "PNS");
	assert_int_equal(json_array_size(json_object_get(doc, "saksi")), LAPOR_SAKSI_BLOCKS);
	assert_string_equal(jstr(doc, "peristiwa/kode_wilayah"), "64.08"); /* most specific */
	assert_string_equal(jstr(doc, "peristiwa/waktu_kejadian"), "2024-02-09");
	assert_string_equal(jstr(doc, "bukti/2/url"), "https://x.id/p");
	assert_string_equal(jstr(doc, "bukti/3/jenis"), "teks");
	assert_string_equal(jstr(doc, "bukti/3/keterangan"), "rekaman ada");
	assert_null(json_object_get(doc, "aksi"));
	json_decref(doc);
	arena_release(&a);
}

/* A complete form passes the checks and the case service's parser. */
static void
test_valid_form(void **state)
{
	struct arena a;
	struct form f;
	struct lapor_errors errs = {.n = 0};
	struct report r;
	struct errbuf eb;
	json_t *doc;
	char *text;

	(void)state;
	arena_init(&a, 4096);
	parse_form(&a,
		   "pemilihan=pemilu2024&pelapor.nama=Siti&pelapor.alamat=Sangatta"
		   "&pelapor.nik=6408014512900003&pelapor.email=siti%40contoh.id"
		   "&terlapor%5B0%5D.nama=Ahmad&terlapor%5B0%5D.nip=197805122005011003"
		   "&terlapor%5B0%5D.status=PNS&peristiwa.uraian=Foto+bersama+calon"
		   "&wilayah.provinsi=64&wilayah.kabkota=64.08&wilayah.kecamatan=64.08.01"
		   "&peristiwa.waktu_kejadian=2024-02-05&peristiwa.waktu_diketahui=2024-02-06"
		   "&saksi%5B0%5D.nama=Rudi&bukti%5B0%5D.url=https%3A%2F%2Ffb.com%2F1",
		   &f);
	doc = lapor_form_to_json(&f);
	assert_int_equal(lapor_form_check(&a, &f, doc, NULL, &errs), 0);
	text = json_dumps(doc, JSON_COMPACT);
	assert_int_equal(report_parse_json(&a, text, strlen(text), &r, &eb), 0);
	assert_int_equal(r.nterlapor, 1);
	assert_int_equal(r.nsaksi, 1);
	assert_int_equal(r.nbukti, 1);
	assert_true(r.has_pelapor);
	assert_string_equal(r.kode_wilayah, "64.08.01");
	free(text);
	json_decref(doc);
	arena_release(&a);
}

/* Several blocks wrong at once: one message each, at the right field. */
static void
test_many_errors(void **state)
{
	struct arena a;
	struct form f;
	struct lapor_errors errs = {.n = 0};
	json_t *doc;

	(void)state;
	arena_init(&a, 4096);
	parse_form(&a,
		   "pelapor.nama=Budi&pelapor.nik=123&pelapor.email=bukan-email"
		   "&terlapor%5B0%5D.nama=A&terlapor%5B2%5D.nama=C&terlapor%5B2%5D.nip=12"
		   "&terlapor%5B1%5D.instansi=Dinas+X&terlapor%5B0%5D.status=presiden"
		   "&saksi%5B1%5D.telepon=0812&bukti%5B1%5D.url=ftp%3A%2F%2Fx"
		   "&peristiwa.waktu_kejadian=2024-13-40&wilayah.provinsi=63&wilayah.kabkota=64.08",
		   &f);
	doc = lapor_form_to_json(&f);
	assert_true(lapor_form_check(&a, &f, doc, NULL, &errs) >= 8);
	assert_non_null(lapor_errors_get(&errs, "pemilihan"));
	assert_non_null(lapor_errors_get(&errs, "pelapor.nik")); /* first of the pelapor block */
	assert_non_null(lapor_errors_get(&errs, "terlapor[0].status"));
	assert_non_null(lapor_errors_get(&errs, "terlapor[2].nip"));
	/* a block without a name would be dropped by the parser: said here */
	assert_string_equal(lapor_errors_get(&errs, "terlapor[1].nama")->key,
			    "lapor.err.terlapor_nama");
	assert_non_null(lapor_errors_get(&errs, "saksi[1].nama"));
	assert_non_null(lapor_errors_get(&errs, "bukti[1].url"));
	assert_non_null(lapor_errors_get(&errs, "peristiwa.waktu_kejadian"));
	assert_non_null(lapor_errors_get(&errs, "wilayah.kabkota"));
	assert_null(lapor_errors_get(&errs, "terlapor[0].nama"));
	json_decref(doc);
	arena_release(&a);
}

static void
test_regions_nested(void **state)
{
	struct arena a;
	struct form f;
	struct lapor_errors errs = {.n = 0};
	json_t *doc;

	(void)state;
	arena_init(&a, 4096);
	parse_form(
		&a,
		"pemilihan=x&wilayah.provinsi=64&wilayah.kabkota=64.08&wilayah.kecamatan=64.71.01",
		&f);
	doc = lapor_form_to_json(&f);
	assert_int_equal(lapor_form_check(&a, &f, doc, NULL, &errs), 1);
	assert_non_null(lapor_errors_get(&errs, "wilayah.kecamatan"));
	json_decref(doc);
	/* "640" is not inside "64" */
	errs.n = 0;
	parse_form(&a, "pemilihan=x&wilayah.provinsi=64&wilayah.kabkota=6408", &f);
	doc = lapor_form_to_json(&f);
	assert_true(lapor_form_check(&a, &f, doc, NULL, &errs) >= 1);
	assert_non_null(lapor_errors_get(&errs, "wilayah.kabkota"));
	json_decref(doc);
	arena_release(&a);
}

/* NIK and NIP go through ident when its options are given. */
static void
test_ident(void **state)
{
	struct arena a;
	struct form f;
	struct lapor_errors errs = {.n = 0};
	struct region_table *t;
	struct ident_opts o = {NULL, NULL, {2024, 2, 9}};
	struct errbuf eb;
	json_t *doc;

	(void)state;
	arena_init(&a, 4096);
	assert_int_equal(region_table_load(&t, NULL, &eb), 0);
	o.regions = t;
	parse_form(&a,
		   "pemilihan=x&pelapor.nik=9908014512900003&terlapor%5B0%5D.nama=A"
		   "&terlapor%5B0%5D.nip=199913312005011003&terlapor%5B1%5D.nama=B"
		   "&terlapor%5B1%5D.nip=1978+0512+200501+1+003",
		   &f);
	doc = lapor_form_to_json(&f);
	assert_int_equal(lapor_form_check(&a, &f, doc, NULL, &errs), 0); /* shape only */
	errs.n = 0;
	assert_int_equal(lapor_form_check(&a, &f, doc, &o, &errs), 2);
	assert_non_null(strstr(lapor_errors_get(&errs, "pelapor.nik")->msg, "provinsi"));
	assert_non_null(strstr(lapor_errors_get(&errs, "terlapor[0].nip")->msg, "ke-1"));
	assert_null(lapor_errors_get(&errs, "terlapor[1].nip"));
	json_decref(doc);
	region_table_free(t);
	arena_release(&a);
}

static void
test_error_field(void **state)
{
	struct errbuf eb;
	char out[LAPOR_FIELD_MAX];
	json_t *doc = json_pack("{s:{s:s}}", "peristiwa", "kode_wilayah", "64.08.01");

	(void)state;
	errbuf_set_code(&eb, ERR_INVALID_INPUT, "invalid_nip", "x");
	lapor_error_field(&eb, "terlapor[2].", doc, out, sizeof(out));
	assert_string_equal(out, "terlapor[2].nip");
	errbuf_set_code(&eb, ERR_INVALID_INPUT, "unknown_region", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "wilayah.kecamatan");
	errbuf_set_code(&eb, ERR_UNPROCESSABLE, "daluarsa", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "peristiwa.waktu_kejadian");
	json_object_set_new(json_object_get(doc, "peristiwa"), "waktu_diketahui",
			    json_string("2024-01-02"));
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "peristiwa.waktu_diketahui");
	errbuf_set_code(&eb, ERR_UNPROCESSABLE, "evidence_type", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "berkas");
	errbuf_set_field(&eb, ERR_INVALID_INPUT, "bukti", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "berkas");
	errbuf_set_field(&eb, ERR_INVALID_INPUT, "bukti[3].keterangan", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "bukti.keterangan");
	errbuf_set_field(&eb, ERR_INVALID_INPUT, "saksi[1].nama", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "saksi[1].nama");
	errbuf_set_code(&eb, ERR_INTERNAL, "internal", "x");
	lapor_error_field(&eb, "", doc, out, sizeof(out));
	assert_string_equal(out, "");
	json_decref(doc);
}

static void
test_field_id(void **state)
{
	char id[LAPOR_FIELD_MAX + 8];

	(void)state;
	lapor_field_id("terlapor[1].nip", id, sizeof(id));
	assert_string_equal(id, "f-terlapor-1-nip");
	lapor_field_id("peristiwa.waktu_diketahui", id, sizeof(id));
	assert_string_equal(id, "f-peristiwa-waktu_diketahui");
	lapor_field_id("pemilihan", id, sizeof(id));
	assert_string_equal(id, "f-pemilihan");
	lapor_field_id("a\"<b>", id, sizeof(id));
	assert_string_equal(id, "f-a__b_"); /* never markup */
	lapor_field_id("", id, sizeof(id));
	assert_string_equal(id, "");
	lapor_field_id("terlapor[1].nip", id, 6);
	assert_string_equal(id, "f-ter");
}

static void
test_date_dmy(void **state)
{
	char out[11];

	(void)state;
	assert_int_equal(lapor_date_dmy("9/2/2024", out), 0);
	assert_string_equal(out, "2024-02-09");
	assert_int_equal(lapor_date_dmy("29.02.2024", out), 0);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(lapor_date_dmy("29-02-2023", out), -1); /* not a leap year */
	assert_int_equal(lapor_date_dmy("9/2/24", out), -1);     /* two-digit year */
	assert_int_equal(lapor_date_dmy("2024-02-09", out), -1); /* ISO: left alone */
	assert_int_equal(lapor_date_dmy("9//2024", out), -1);
	assert_int_equal(lapor_date_dmy("9/2/2024/1", out), -1);
	assert_int_equal(lapor_date_dmy("", out), -1);
	assert_int_equal(lapor_date_dmy(NULL, out), -1);
}

static void
test_errors_cap(void **state)
{
	struct lapor_errors errs = {.n = 0};
	char field[32];
	int i;

	(void)state;
	lapor_errors_add(&errs, "a", NULL, "satu");
	lapor_errors_add(&errs, "a", NULL, "dua"); /* one per field */
	assert_int_equal(errs.n, 1);
	assert_string_equal(lapor_errors_get(&errs, "a")->msg, "satu");
	lapor_errors_add(&errs, "", NULL, "umum");
	lapor_errors_add(&errs, "", NULL, "umum lagi"); /* form-wide messages may repeat */
	assert_int_equal(errs.n, 3);
	for (i = 0; i < 100; i++) {
		snprintf(field, sizeof(field), "f%d", i);
		lapor_errors_add(&errs, field, NULL, "x");
	}
	assert_int_equal(errs.n, LAPOR_MAX_ERRORS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_to_json),     cmocka_unit_test(test_valid_form),
		cmocka_unit_test(test_many_errors), cmocka_unit_test(test_regions_nested),
		cmocka_unit_test(test_ident),       cmocka_unit_test(test_error_field),
		cmocka_unit_test(test_field_id),    cmocka_unit_test(test_date_dmy),
		cmocka_unit_test(test_errors_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
