/*
 * test_kantor_view.c - the view helpers of the officers' workspace: labels
 * from the catalogs with their fallbacks, times and sizes, link safety,
 * the timeline in words, deadlines judged against today, the evidence list
 * and the evaluator preview; malformed input gives partial output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/i18n.h"
#include "web/kantor.h"

static struct i18n *id_cat, *en_cat;

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	if (i18n_load_embedded("id", &id_cat, &eb) < 0 ||
	    i18n_load_embedded("en", &en_cat, &eb) < 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	i18n_free(id_cat);
	i18n_free(en_cat);
	return 0;
}

static json_t *
parse(const char *text)
{
	json_error_t je;
	json_t *v = json_loads(text, 0, &je);

	assert_non_null(v);
	return v;
}

static const char *
sget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void
test_labels(void **state)
{
	(void)state;
	assert_string_equal(kantor_state_label(id_cat, "diregistrasi"), "Diregistrasi");
	assert_string_equal(kantor_state_label(en_cat, "diregistrasi"), "Registered");
	/* a state the catalog lacks falls back to the workflow table, then to the id */
	assert_string_equal(kantor_state_label(NULL, "kajian_awal"), "Kajian awal");
	assert_string_equal(kantor_state_label(en_cat, "tidak_ada"), "tidak_ada");
	assert_string_equal(kantor_action_label(en_cat, "catat_sanksi"),
			    "Record the sanction imposed");
	assert_string_equal(kantor_action_label(NULL, "registrasi"), "Registrasi");
	assert_string_equal(kantor_level_label(id_cat, "berat"), "Hukuman disiplin berat");
	assert_string_equal(kantor_kind_label(en_cat, "temuan"), "Finding");
	assert_string_equal(kantor_text(id_cat, "kantor.tidak.ada", "cadangan"), "cadangan");
	assert_string_equal(kantor_state_label(id_cat, NULL), "");
}

static void
test_text_helpers(void **state)
{
	char out[40];

	(void)state;
	kantor_time_text("2024-02-09T10:05:00+08:00", out, sizeof(out));
	assert_string_equal(out, "2024-02-09 10:05");
	kantor_time_text("kemarin", out, sizeof(out));
	assert_string_equal(out, "kemarin");
	kantor_time_text(NULL, out, sizeof(out));
	assert_string_equal(out, "");
	kantor_time_text("2024-02-09T10:05:00+08:00", out, 8);
	assert_string_equal(out, "2024-02");
	kantor_size_text(812, out, sizeof(out));
	assert_string_equal(out, "812 B");
	kantor_size_text(12800, out, sizeof(out));
	assert_string_equal(out, "12,5 KB");
	kantor_size_text(3355443, out, sizeof(out));
	assert_string_equal(out, "3,2 MB");
	kantor_size_text(-5, out, sizeof(out));
	assert_string_equal(out, "0 B");
	assert_true(kantor_url_safe("https://facebook.com/x"));
	assert_true(kantor_url_safe("http://x.y"));
	assert_false(kantor_url_safe("javascript:alert(1)"));
	assert_false(kantor_url_safe("//evil.example"));
	assert_false(kantor_url_safe(NULL));
}

static json_t *
find_fact(json_t *facts, const char *label)
{
	json_t *f;
	size_t i;

	json_array_foreach(facts, i, f)
	{
		if (strcmp(sget(f, "label"), label) == 0)
			return f;
	}
	return NULL;
}

static void
test_timeline(void **state)
{
	json_t *tracks = parse("[{\"id\": 7, \"name\": \"Ahmad Yani\"}]");
	/* 1707444000 = 2024-02-09T02:00:00Z = 10:00 WITA */
	json_t *events = parse(
		"[{\"at\": 1707444000, \"actor\": \"publik\", \"kind\": \"laporan_diterima\","
		"  \"data\": {\"to\": \"diterima\", \"channel\": \"web\", \"terlapor\": 1,"
		"            \"evidence\": [\"ab\"]}},"
		" {\"at\": 1707447600, \"actor\": \"ppk_kutim\", \"kind\": \"transisi\", "
		"\"track_id\": 7,"
		"  \"data\": {\"action\": \"catat_sanksi\", \"from\": \"rekomendasi_ppk\","
		"   \"to\": \"sanksi_dijatuhkan\", \"sanction\": {\"sk_number\": \"800/1\","
		"   \"sk_date\": \"2024-02-09\", \"form\": \"teguran\", \"level\": \"sedang\","
		"   \"vs_recommendation\": \"lower\"}, \"items\": [\"D-7\", \"KE-5\", \"D-7\"],"
		"   \"deadlines_started\": [{\"rule\": \"ppk.penyampaian_keputusan\", \"due\": "
		"\"2024-03-01\"}],"
		"   \"deadlines_closed\": [\"ppk.tindak_lanjut\"]}},"
		" {\"at\": 1707447700, \"actor\": \"budi\", \"kind\": \"ditugaskan\", \"data\": "
		"{}},"
		" {\"at\": 1707447800, \"actor\": \"kustodian\", \"kind\": \"identitas_pelapor\","
		"  \"data\": {\"outcome\": \"dibuka\", \"reason\": \"majelis\"}},"
		" {\"kind\": 5}, 17, {\"at\": \"x\", \"kind\": \"tak_dikenal\", \"data\": []}]");
	json_t *tl, *e, *f;

	(void)state;
	tl = kantor_timeline(events, tracks, "WITA", id_cat);

	assert_int_equal(json_array_size(tl), 5);
	e = json_array_get(tl, 0);
	assert_string_equal(sget(e, "at"), "2024-02-09 10:00 WITA");
	assert_string_equal(sget(e, "title"), "Laporan diterima");
	assert_string_equal(sget(find_fact(json_object_get(e, "facts"), "Berkas bukti"), "value"),
			    "1");
	e = json_array_get(tl, 1);
	assert_string_equal(sget(e, "title"), "Catat sanksi yang dijatuhkan");
	assert_string_equal(sget(e, "terlapor"), "Ahmad Yani");
	assert_string_equal(sget(e, "from"), "Rekomendasi ke PPK");
	assert_string_equal(sget(e, "to"), "Sanksi dijatuhkan");
	f = json_object_get(e, "facts");
	assert_string_equal(sget(find_fact(f, "Dibanding rekomendasi"), "value"),
			    "lebih rendah dari rekomendasi");
	assert_string_equal(sget(find_fact(f, "Tingkat sanksi"), "value"),
			    "Hukuman disiplin sedang");
	/* items are listed once each */
	assert_string_equal(sget(find_fact(f, "Butir katalog"), "value"), "D-7, KE-5");
	assert_string_equal(sget(find_fact(f, "Tenggat dimulai"), "value"),
			    "ppk.penyampaian_keputusan (2024-03-01)");
	e = json_array_get(tl, 2);
	assert_string_equal(sget(find_fact(json_object_get(e, "facts"), "Kepada"), "value"),
			    "(penugasan dilepas)");
	e = json_array_get(tl, 3);
	assert_string_equal(sget(e, "title"), "Identitas pelapor dibuka");
	assert_string_equal(sget(e, "reason"), "majelis");
	e = json_array_get(tl, 4);
	assert_true(json_is_null(json_object_get(e, "at")));
	assert_string_equal(sget(e, "title"), "tak_dikenal");
	json_decref(tl);

	/* English, and an unknown zone falls back to WITA */
	tl = kantor_timeline(events, NULL, "XYZ", en_cat);
	assert_string_equal(sget(json_array_get(tl, 1), "title"), "Record the sanction imposed");
	assert_true(json_is_null(json_object_get(json_array_get(tl, 1), "terlapor")));
	assert_string_equal(sget(json_array_get(tl, 0), "at"), "2024-02-09 10:00 WITA");
	json_decref(tl);
	tl = kantor_timeline(NULL, NULL, NULL, NULL);
	assert_int_equal(json_array_size(tl), 0);
	json_decref(tl);
	json_decref(events);
	json_decref(tracks);
}

static void
test_deadlines(void **state)
{
	json_t *tracks = parse("[{\"id\": 7, \"name\": \"Ahmad Yani\"}]");
	json_t *dl = parse(
		"[{\"rule\": \"a.terlambat\", \"start_on\": \"2024-02-01\", \"due_on\": "
		"\"2024-02-08\","
		"  \"status\": \"open\", \"explanation\": {\"title\": \"Tenggat A\", "
		"\"explanation\":"
		"  \"7 hari\", \"basis\": \"UU 7/2017\", \"skipped\": [{\"date\": \"2024-02-03\","
		"  \"reason\": \"Sabtu\"}, {\"date\": 5}]}},"
		" {\"rule\": \"b.hari_ini\", \"due_on\": \"2024-02-09\", \"status\": \"open\","
		"  \"track_id\": 7},"
		" {\"rule\": \"c.lusa\", \"due_on\": \"2024-02-11\", \"status\": \"open\"},"
		" {\"rule\": \"d.nanti\", \"due_on\": \"2024-02-12\", \"status\": \"open\"},"
		" {\"rule\": \"e.lewat_tapi_selesai\", \"due_on\": \"2024-01-01\", \"status\": "
		"\"met\","
		"  \"reason\": \"diregistrasi\"},"
		" {\"due_on\": \"2024-01-01\"}, 3]");
	json_t *out, *r;

	(void)state;
	out = kantor_deadlines(dl, tracks, "2024-02-09", "2024-02-11", id_cat);

	assert_int_equal(json_array_size(out), 5);
	r = json_array_get(out, 0);
	assert_string_equal(sget(r, "title"), "Tenggat A");
	assert_true(json_is_true(json_object_get(r, "overdue")));
	assert_false(json_is_true(json_object_get(r, "due_soon")));
	assert_int_equal(json_array_size(json_object_get(r, "skipped")), 1);
	assert_true(json_is_true(json_object_get(r, "has_skipped")));
	assert_string_equal(sget(r, "status_label"), "berjalan");
	r = json_array_get(out, 1);
	assert_string_equal(sget(r, "title"), "b.hari_ini");
	assert_string_equal(sget(r, "terlapor"), "Ahmad Yani");
	assert_true(json_is_true(json_object_get(r, "due_soon")));
	assert_true(json_is_true(json_object_get(json_array_get(out, 2), "due_soon")));
	assert_false(json_is_true(json_object_get(json_array_get(out, 3), "due_soon")));
	r = json_array_get(out, 4);
	assert_false(json_is_true(json_object_get(r, "overdue")));
	assert_string_equal(sget(r, "status_label"), "terpenuhi");
	assert_string_equal(sget(r, "reason"), "diregistrasi");
	json_decref(out);
	json_decref(dl);
	json_decref(tracks);
}

static void
test_evidence(void **state)
{
	char sha[65];
	json_t *ev, *out, *r;
	char text[1024];

	(void)state;
	memset(sha, 'a', 64);
	sha[64] = '\0';
	snprintf(text, sizeof(text),
		 "[{\"kind\": \"berkas\", \"sha256\": \"%s\", \"mime\": \"image/png\", \"size\": "
		 "2048,"
		 "  \"filename\": \"foto.png\"},"
		 " {\"kind\": \"berkas\", \"sha256\": \"../../etc/passwd\", \"mime\": "
		 "\"text/plain\"},"
		 " {\"kind\": \"tautan\", \"url\": \"javascript:alert(1)\"},"
		 " {\"kind\": \"tautan\", \"url\": \"https://facebook.com/x\", \"note\": "
		 "\"unggahan\"},"
		 " {\"sha256\": \"x\"}]",
		 sha);
	ev = parse(text);
	out = kantor_evidence(ev, 12, id_cat);
	assert_int_equal(json_array_size(out), 4);
	r = json_array_get(out, 0);
	assert_string_equal(sget(r, "kind_label"), "Berkas");
	assert_string_equal(sget(r, "size"), "2,0 KB");
	assert_true(json_is_true(json_object_get(r, "image")));
	assert_non_null(strstr(sget(r, "url"), "/api/v1/cases/12/evidence/aaaa"));
	/* a malformed hash never becomes part of a URL */
	r = json_array_get(out, 1);
	assert_true(json_is_null(json_object_get(r, "url")));
	/* a script link is shown as text, not as a link */
	r = json_array_get(out, 2);
	assert_true(json_is_null(json_object_get(r, "link")));
	assert_string_equal(sget(r, "note"), "javascript:alert(1)");
	r = json_array_get(out, 3);
	assert_string_equal(sget(r, "link"), "https://facebook.com/x");
	assert_string_equal(sget(r, "kind_label"), "Tautan");
	json_decref(out);
	json_decref(ev);
}

static void
test_preview(void **state)
{
	json_t *ans = parse(
		"{\"verdict\": \"pelanggaran\", \"level\": \"berat\","
		" \"items\": [{\"id\": \"D-7\", \"title\": \"Foto\", \"level\": \"berat\", "
		"\"applies\": "
		"true,"
		"  \"matched\": [\"foto bersama\", \"dua jari\"], \"score\": 12.0, \"notes\": []},"
		"  {\"id\": \"PP94-5n6\", \"applies\": false, \"notes\": [\"Dicakup D-8.\"]},"
		"  {\"title\": \"tanpa id\"}],"
		" \"forms\": [{\"code\": \"a\", \"text\": \"penurunan jabatan\"}, {\"code\": "
		"\"b\"}],"
		" \"forms_regime\": \"PP 94/2021\","
		" \"legal_basis\": [{\"text\": \"SKB 2022\"}, \"PP 94/2021\", 4],"
		" \"route\": {\"summary\": \"Bawaslu -> KASN -> PPK\", \"recommending\": \"KASN\"},"
		" \"explanation\": \"Putusan: PELANGGARAN.\\n\\nDasar hukum: SKB 2022.\\n\"}");
	json_t *pv, *items;

	(void)state;
	pv = kantor_preview(ans, en_cat);
	assert_string_equal(sget(pv, "verdict_label"), "Neutrality violation");
	assert_string_equal(sget(pv, "level_label"), "Heavy disciplinary sanction");
	items = json_object_get(pv, "items");
	assert_int_equal(json_array_size(items), 2);
	assert_string_equal(sget(json_array_get(items, 0), "matched"), "foto bersama, dua jari");
	assert_string_equal(sget(json_array_get(items, 0), "score"), "12.0");
	assert_false(json_is_true(json_object_get(json_array_get(items, 1), "applies")));
	assert_int_equal(json_array_size(json_object_get(pv, "forms")), 1);
	assert_true(json_is_true(json_object_get(pv, "has_forms")));
	assert_int_equal(json_array_size(json_object_get(pv, "basis")), 2);
	assert_string_equal(sget(pv, "recommending"), "KASN");
	assert_int_equal(json_array_size(json_object_get(pv, "explanation")), 2);
	json_decref(pv);
	json_decref(ans);
	pv = kantor_preview(NULL, NULL);
	assert_true(json_is_null(json_object_get(pv, "verdict")));
	assert_false(json_is_true(json_object_get(pv, "has_forms")));
	json_decref(pv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),   cmocka_unit_test(test_text_helpers),
		cmocka_unit_test(test_timeline), cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_evidence), cmocka_unit_test(test_preview),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
