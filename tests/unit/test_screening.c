/*
 * test_screening.c - the pure helpers of src/screening: UTF-8 cleaning and
 * cutting, item times, handles, the marked HTML (escaping, malformed
 * spans), the account-list parser and the queue cursor.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "screening/screening.h"

static void
test_utf8_clean(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_false(screening_utf8_clean(&b, "Sangatta Utara ✌", 18));
	assert_string_equal(buf_cstr(&b), "Sangatta Utara ✌");
	buf_reset(&b);
	/* a Latin-1 byte, a NUL, a lone continuation byte, an overlong '/' */
	assert_true(screening_utf8_clean(&b, "caf\xe9 a\0b \x80 \xc0\xaf.", 14));
	assert_true(utf8_valid(b.data, b.len));
	assert_string_equal(buf_cstr(&b), "caf\xef\xbf\xbd a\xef\xbf\xbd"
					  "b \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd.");
	buf_reset(&b);
	/* a surrogate and a truncated sequence at the end */
	assert_true(screening_utf8_clean(&b, "\xed\xa0\x80x\xe2\x9c", 6));
	assert_true(utf8_valid(b.data, b.len));
	buf_release(&b);
}

static void
test_utf8_cut(void **state)
{
	const char *s = "ab✌cd"; /* ✌ is 3 bytes at 2..4 */

	(void)state;
	assert_int_equal(screening_utf8_cut(s, strlen(s), 100), strlen(s));
	assert_int_equal(screening_utf8_cut(s, strlen(s), 2), 2);
	assert_int_equal(screening_utf8_cut(s, strlen(s), 3), 2);
	assert_int_equal(screening_utf8_cut(s, strlen(s), 4), 2);
	assert_int_equal(screening_utf8_cut(s, strlen(s), 5), 5);
	assert_int_equal(screening_utf8_cut(s, strlen(s), 0), 0);
}

static int64_t
parse_time(const char *s)
{
	int64_t t = -1;

	if (screening_time_parse(s, strlen(s), &t) < 0)
		return -1;
	return t;
}

static void
test_time_parse(void **state)
{
	(void)state;
	/* 2024-02-08T07:15:00+08:00 = 1707347700 */
	assert_int_equal(parse_time("2024-02-08T07:15:00+08:00"), 1707347700);
	assert_int_equal(parse_time("2024-02-07T23:15:00Z"), 1707347700);
	assert_int_equal(parse_time("Thu, 08 Feb 2024 07:15:00 +0800"), 1707347700);
	assert_int_equal(parse_time("08 Feb 2024 06:15:00 +0700"), 1707347700);
	assert_int_equal(parse_time("Thu, 8 Feb 2024 07:15 WITA"), 1707347700);
	assert_int_equal(parse_time("Wed, 07 Feb 2024 23:15:00 GMT"), 1707347700);
	assert_int_equal(parse_time("Kam, 08 Feb 24 07:15:00 +08:00"), 1707347700);
	assert_int_equal(parse_time("08 Agu 2024 07:15:00 WIB"), 1723076100);
	assert_int_equal(parse_time("1707347700"), 1707347700);
	assert_int_equal(parse_time("1707347700123"), 1707347700);
	assert_int_equal(parse_time("  1707347700 "), 1707347700);
	/* no zone, wrong shapes, impossible dates */
	assert_int_equal(parse_time("2024-02-08T07:15:00"), -1);
	assert_int_equal(parse_time("Thu, 08 Feb 2024 07:15:00"), -1);
	assert_int_equal(parse_time("Thu, 08 Feb 2024 07:15:00 EST"), -1);
	assert_int_equal(parse_time("31 Feb 2024 07:15:00 +0800"), -1);
	assert_int_equal(parse_time("08 Feb 2024 25:15:00 +0800"), -1);
	assert_int_equal(parse_time("17073477"), -1);
	assert_int_equal(parse_time("kemarin sore"), -1);
	assert_int_equal(parse_time(""), -1);
}

static void
test_handles(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(screening_handle_norm(" @Budi.Camat ", 13, out, sizeof(out)), 0);
	assert_string_equal(out, "budi.camat");
	assert_int_equal(screening_handle_norm("Redaksi  Kaltim\tPost", 20, out, sizeof(out)), 0);
	assert_string_equal(out, "redaksi kaltim post");
	assert_int_equal(screening_handle_norm("@", 1, out, sizeof(out)), -1);
	assert_int_equal(screening_handle_norm("   ", 3, out, sizeof(out)), -1);
	assert_int_equal(screening_handle_norm("a\x01"
					       "b",
					       3, out, sizeof(out)),
			 -1);
	assert_int_equal(screening_handle_norm("\xff", 1, out, sizeof(out)), -1);
	assert_int_equal(
		screening_handle_norm("abcdefghijklmnopqrstuvwxyz0123456789", 36, out, sizeof(out)),
		-1);
	assert_int_equal(screening_platform_norm(" FaceBook ", 10, out, sizeof(out)), 0);
	assert_string_equal(out, "facebook");
	assert_int_equal(screening_platform_norm("", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static char *
highlight(const char *text, const char *spans)
{
	struct buf b = BUF_INIT;
	json_t *j = spans ? json_loads(spans, 0, NULL) : NULL;
	char *out;

	screening_highlight_html(&b, text, strlen(text), j, NULL);
	json_decref(j);
	out = buf_detach(&b, NULL);
	return out;
}

static void
test_highlight(void **state)
{
	char *h;

	(void)state;
	h = highlight("Camat <b>coblos</b> & \"dukung\"",
		      "[{\"start\":0,\"end\":5,\"kind\":\"actor\",\"term\":\"camat\",\"w\":1},"
		      "{\"start\":9,\"end\":15,\"kind\":\"act\",\"term\":\"~coblos\",\"w\":0.6}]");
	assert_string_equal(h, "<mark class=\"k-actor\" title=\"aktor ASN: camat\">Camat</mark> "
			       "&lt;b&gt;<mark class=\"k-act\" title=\"tindakan partisan: "
			       "coblos\">coblos</mark>&lt;/b&gt; &amp; &quot;dukung&quot;");
	free(h);
	/* the term and the kind never reach the HTML unescaped or as a class */
	h = highlight("ab cd", "[{\"start\":0,\"end\":2,\"kind\":\"\\\"><script>\","
			       "\"term\":\"<img src=x>\",\"w\":0,\"negated\":true}]");
	assert_string_equal(h, "<mark class=\"k-lain neg off\" title=\"?: &lt;img "
			       "src=x&gt;\">ab</mark> cd");
	free(h);
	/* malformed spans are skipped: out of range, reversed, overlapping,
	 * inside a UTF-8 character, not objects, not integers */
	h = highlight("a✌b", "[{\"start\":0,\"end\":99,\"kind\":\"act\"},"
			     "{\"start\":2,\"end\":1,\"kind\":\"act\"},"
			     "{\"start\":1,\"end\":2,\"kind\":\"act\"},"
			     "{\"start\":\"0\",\"end\":1,\"kind\":\"act\"}, 7, null,"
			     "{\"start\":1,\"end\":4,\"kind\":\"target\",\"w\":0.3},"
			     "{\"start\":1,\"end\":5,\"kind\":\"act\",\"w\":1}]");
	assert_string_equal(h, "a<mark class=\"k-act\" title=\"tindakan partisan\">✌b</mark>");
	free(h);
	h = highlight("tanpa tanda", "{\"not\":\"an array\"}");
	assert_string_equal(h, "tanpa tanda");
	free(h);
	h = highlight("<x>", NULL);
	assert_string_equal(h, "&lt;x&gt;");
	free(h);
}

static void
test_accounts_csv(void **state)
{
	const char *csv = "\xef\xbb\xbfPlatform,Akun,Nama,NIP,Instansi,Jabatan,Status,"
			  "Kode_Wilayah,Catatan\r\n"
			  "Facebook,@Budi.Camat,Budi Santoso,19820315 200604 1 002,Pemkab "
			  "Kutim,Camat,pns,6408,\"kata \"\"camat\"\" di bio\"\r\n"
			  "\r\n"
			  ",siti,Siti Aminah,,,,p3k,,\r\n";
	struct screening_account *rows;
	struct arena a;
	struct errbuf eb;
	size_t n;

	(void)state;
	arena_init(&a, 4096);
	assert_int_equal(screening_accounts_parse(&a, csv, strlen(csv), SCREENING_LIST_AUTO, NULL,
						  &rows, &n, &eb),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].platform, "facebook");
	assert_string_equal(rows[0].handle, "budi.camat");
	assert_string_equal(rows[0].nip, "198203152006041002");
	assert_string_equal(rows[0].status, "PNS");
	assert_string_equal(rows[0].region_code, "64.08");
	assert_string_equal(rows[0].note, "kata \"camat\" di bio");
	assert_string_equal(rows[1].platform, "");
	assert_string_equal(rows[1].status, "PPPK");
	assert_null(rows[1].nip);
	assert_null(rows[1].region_code);
	arena_release(&a);
}

static void
expect_list_error(enum screening_list_format fmt, const char *text, const char *msg)
{
	struct screening_account *rows;
	struct arena a;
	struct errbuf eb;
	size_t n;

	arena_init(&a, 4096);
	errbuf_clear(&eb);
	assert_int_equal(
		screening_accounts_parse(&a, text, strlen(text), fmt, NULL, &rows, &n, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	if (strstr(eb.msg, msg) == NULL)
		fail_msg("'%s' does not contain '%s'", eb.msg, msg);
	arena_release(&a);
}

static void
test_accounts_errors(void **state)
{
	(void)state;
	expect_list_error(SCREENING_LIST_CSV, "akun,nama,alamat\nx,y,z\n",
			  "kolom 'alamat' tidak dikenal");
	expect_list_error(SCREENING_LIST_CSV, "akun,platform\nx,y\n",
			  "harus memuat kolom akun dan nama");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama,akun\nx,y,z\n", "kolom ganda");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama,nip\nx,Nama,123\n",
			  "baris 2: NIP harus 18 digit");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama\n,Nama\n", "baris 2: akun harus diisi");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama\nx,\n", "baris 2: nama pemilik akun");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama,status\nx,y,menteri\n",
			  "status 'menteri' tidak dikenal");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama,kode_wilayah\nx,y,64.8\n",
			  "kode wilayah tidak sah");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama\nx,y,z\n", "lebih banyak kolom");
	expect_list_error(SCREENING_LIST_CSV, "akun,nama\n\"x,y\n", "CSV tidak sah");
	expect_list_error(SCREENING_LIST_CSV, "", "daftar akun kosong");
	expect_list_error(SCREENING_LIST_JSONL, "{\"akun\":\"x\",\"nama\":\"y\",\"umur\":\"3\"}\n",
			  "kunci 'umur' tidak dikenal");
	expect_list_error(SCREENING_LIST_JSONL, "{\"akun\":\"x\",\"nama\":7}\n",
			  "'nama' harus berupa teks");
	expect_list_error(SCREENING_LIST_JSONL, "{\"akun\":\"x\",\"nama\":\"y\"}\n[1]\n",
			  "baris 2: harus satu objek JSON");
}

static void
test_accounts_jsonl_semicolon(void **state)
{
	const char *jl = "{\"platform\":\"x\",\"akun\":\"@A\",\"nama\":\"A\",\"catatan\":null}\n\n"
			 "  {\"akun\":\"b\",\"name\":\"B\",\"region_code\":\"64.71\"}  \n";
	const char *semi = "akun;nama;instansi\n@c;Cici;Dinas, Pendidikan\n";
	struct screening_account *rows;
	struct arena a;
	struct errbuf eb;
	size_t n;

	(void)state;
	arena_init(&a, 4096);
	assert_int_equal(screening_accounts_parse(&a, jl, strlen(jl), SCREENING_LIST_AUTO, NULL,
						  &rows, &n, &eb),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].handle, "a");
	assert_null(rows[0].note);
	assert_string_equal(rows[1].region_code, "64.71");
	assert_int_equal(rows[1].line, 3);
	assert_int_equal(screening_accounts_parse(&a, semi, strlen(semi), SCREENING_LIST_AUTO, NULL,
						  &rows, &n, &eb),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].agency, "Dinas, Pendidikan");
	arena_release(&a);
}

static void
test_cursor(void **state)
{
	int score;
	int64_t id;

	(void)state;
	assert_int_equal(screening_cursor_parse("85_1234", &score, &id), 0);
	assert_int_equal(score, 85);
	assert_int_equal(id, 1234);
	assert_int_equal(screening_cursor_parse("0_1", &score, &id), 0);
	assert_int_equal(screening_cursor_parse("101_1", &score, &id), -1);
	assert_int_equal(screening_cursor_parse("85_0", &score, &id), -1);
	assert_int_equal(screening_cursor_parse("85", &score, &id), -1);
	assert_int_equal(screening_cursor_parse("a_b", &score, &id), -1);
	assert_int_equal(screening_cursor_parse(NULL, &score, &id), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_clean),
		cmocka_unit_test(test_utf8_cut),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_handles),
		cmocka_unit_test(test_highlight),
		cmocka_unit_test(test_accounts_csv),
		cmocka_unit_test(test_accounts_errors),
		cmocka_unit_test(test_accounts_jsonl_semicolon),
		cmocka_unit_test(test_cursor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
