/*
 * test_region.c - the Kemendagri region table: loading (the embedded data
 * and small hand-made CSVs, good and broken), lookups, parent chains,
 * children, code helpers, folding and ranked search.  Expected counts come
 * from data/regions/README.md and regulations.md 7.1-7.2, not from the
 * code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ident/region.h"

static struct region_table *t;

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	return region_table_load(&t, NULL, &eb);
}

static int
teardown(void **state)
{
	(void)state;
	region_table_free(t);
	return 0;
}

static size_t
search(const char *q, int level, const char *parent, size_t limit, struct region_hit *hits,
       size_t *total)
{
	struct errbuf eb;
	size_t n = 0;

	if (region_search(t, q, level, parent, limit, hits, &n, total, &eb) < 0)
		fail_msg("search '%s': %s", q, eb.msg);
	return n;
}

/* --- the embedded table ---------------------------------------------------------- */

static void
test_counts(void **state)
{
	(void)state;
	assert_int_equal(region_table_count(t, 1), 38);
	assert_int_equal(region_table_count(t, 2), 514);
	assert_int_equal(region_table_count(t, 3), 7285);
	assert_int_equal(region_table_count(t, 4), 83762);
	assert_int_equal(region_table_count(t, 0), 38 + 514 + 7285 + 83762);
	assert_int_equal(region_table_count(t, 5), 0);
	assert_non_null(strstr(region_table_attribution(t), "Cahya DSN"));
	assert_non_null(strstr(region_table_attribution(t), "MIT"));
}

static void
test_find(void **state)
{
	struct region r;

	(void)state;
	assert_int_equal(region_find(t, "64.08", &r), 0);
	assert_string_equal(r.code, "64.08");
	assert_string_equal(r.name, "Kabupaten Kutai Timur");
	assert_int_equal(r.level, 2);
	assert_string_equal(r.parent, "64");
	assert_string_equal(region_kind_name(&r), "kabupaten");
	assert_int_equal(region_find(t, "6408", &r), 0); /* plain digits */
	assert_string_equal(r.code, "64.08");
	assert_int_equal(region_find(t, "64", &r), 0);
	assert_string_equal(r.name, "Kalimantan Timur");
	assert_string_equal(r.parent, "");
	assert_string_equal(region_kind_name(&r), "provinsi");
	assert_int_equal(region_find(t, "12.07.28.1007", &r), 0);
	assert_string_equal(r.name, "Lubuk Pakam I,II"); /* a quoted field */
	assert_string_equal(region_kind_name(&r), "kelurahan");
	assert_int_equal(region_find(t, "53.07.01.2021", &r), 0);
	assert_string_equal(r.name, "Regapu\xe2\x80\x99u"); /* UTF-8 kept */
	assert_string_equal(region_kind_name(&r), "desa");
	/* codes that do not exist or are malformed */
	assert_int_equal(region_find(t, "64.05", &r), -1);
	assert_int_equal(region_find(t, "64.8", &r), -1);
	assert_int_equal(region_find(t, "64.00", &r), -1);
	assert_int_equal(region_find(t, "64..08", &r), -1);
	assert_int_equal(region_find(t, "", &r), -1);
	assert_int_equal(region_find(t, NULL, &r), -1);
	assert_int_equal(region_find(t, "64.08.01.2001.1", &r), -1);
}

static void
test_kaltim(void **state)
{
	static const char *const kab[] = {"64.01", "64.02", "64.03", "64.07", "64.08",
					  "64.09", "64.11", "64.71", "64.72", "64.74"};
	/* kecamatan and desa+kelurahan per kab/kota, regulations.md 7.1 */
	static const size_t kec[] = {10, 20, 13, 16, 18, 4, 5, 6, 10, 3};
	static const size_t desa[] = {144, 237, 110, 194, 141, 54, 50, 34, 59, 15};
	struct region kids[64];
	struct region_hit hits[1];
	size_t n, i, total, all_kec = 0;

	(void)state;
	assert_int_equal(region_children(t, "64", kids, 64, &n), 0);
	assert_int_equal(n, 10);
	for (i = 0; i < n; i++) {
		size_t nk;

		assert_string_equal(kids[i].code, kab[i]);
		assert_int_equal(region_children(t, kab[i], NULL, 0, &nk), 0);
		assert_int_equal(nk, kec[i]);
		all_kec += nk;
		search("", 4, kab[i], 1, hits, &total);
		assert_int_equal(total, desa[i]);
	}
	assert_int_equal(all_kec, 105);
	assert_true(region_is_kota("64.72"));
	assert_false(region_is_kabupaten("64.72"));
	assert_true(region_is_kabupaten("64.08"));
}

static void
test_children_and_chain(void **state)
{
	struct region kids[40], chain[4];
	size_t n;

	(void)state;
	assert_int_equal(region_children(t, NULL, kids, 40, &n), 0);
	assert_int_equal(n, 38);
	assert_string_equal(kids[0].code, "11");
	assert_string_equal(kids[0].name, "Aceh");
	assert_string_equal(kids[37].code, "96");
	assert_string_equal(kids[37].name, "Papua Barat Daya");
	/* max smaller than the count: total is still reported */
	assert_int_equal(region_children(t, "", kids, 2, &n), 0);
	assert_int_equal(n, 38);
	assert_int_equal(region_children(t, "99", kids, 40, &n), -1);
	/* a desa has no children */
	assert_int_equal(region_children(t, "64.08.01.2001", kids, 40, &n), 0);
	assert_int_equal(n, 0);

	assert_int_equal(region_parent_chain(t, "64.08.01.2001", chain), 4);
	assert_string_equal(chain[0].code, "64.08.01.2001");
	assert_int_equal(chain[0].level, 4);
	assert_string_equal(chain[1].code, "64.08.01");
	assert_string_equal(chain[2].name, "Kabupaten Kutai Timur");
	assert_string_equal(chain[3].name, "Kalimantan Timur");
	assert_int_equal(region_parent_chain(t, "64", chain), 1);
	assert_int_equal(region_parent_chain(t, "64.05", chain), 0);
}

static void
test_code_helpers(void **state)
{
	uint64_t key;
	int level;
	char code[REGION_CODE_MAX];

	(void)state;
	assert_int_equal(region_code_parse("64.08.01.2001", 13, &key, &level), 0);
	assert_int_equal(level, 4);
	region_code_format(key, level, code);
	assert_string_equal(code, "64.08.01.2001");
	assert_int_equal(region_code_parse("6408012001", 10, &key, &level), 0);
	region_code_format(key, 3, code);
	assert_string_equal(code, "64.08.01");
	assert_int_equal(region_code_parse("640", 3, &key, &level), -1);
	assert_int_equal(region_code_parse("64.08.01.0000", 13, &key, &level), -1);
	assert_int_equal(region_code_parse("64-08", 5, &key, &level), -1);
	assert_int_equal(region_code_parse("6a", 2, &key, &level), -1);
	assert_true(region_is_kabupaten("64.01"));
	assert_true(region_is_kabupaten("64.69"));
	assert_false(region_is_kabupaten("64.70"));
	assert_false(region_is_kota("64.70"));
	assert_true(region_is_kota("64.71"));
	assert_true(region_is_kota("64.99"));
	assert_true(region_is_kelurahan("12.07.28.1007"));
	assert_false(region_is_desa("12.07.28.1007"));
	assert_true(region_is_desa("64.08.01.2001"));
	assert_false(region_is_desa("64.08.01"));
	assert_false(region_is_kabupaten("64"));
	assert_false(region_is_kabupaten(NULL));
}

/* --- folding and search ---------------------------------------------------------------- */

static void
test_fold(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(region_fold("Kab. Kutai  Timur", 17, out), 15);
	assert_string_equal(out, "kab kutai timur");
	region_fold("Ba'u", 4, out);
	assert_string_equal(out, "bau");
	region_fold("Regapu\xe2\x80\x99u", 10, out);
	assert_string_equal(out, "regapuu");
	region_fold("\xc3\x91usa T\xc3\xa9nggara", 16, out);
	assert_string_equal(out, "nusa tenggara");
	region_fold("\xc5\x92"
		    "uvre \xc3\x9f",
		    9, out);
	assert_string_equal(out, "oeuvre ss");
	region_fold("  (Lubuk Pakam I,II)  ", 22, out);
	assert_string_equal(out, "lubuk pakam i ii");
	region_fold("a\xff"
		    "b",
		    3, out); /* a broken byte separates words */
	assert_string_equal(out, "a b");
	assert_int_equal(region_fold("", 0, out), 0);
	assert_int_equal(region_fold("--", 2, out), 0);
}

static void
test_search_ranking(void **state)
{
	struct region_hit hits[20];
	size_t n, total, i;

	(void)state;
	n = search("kutai tim", 0, NULL, 20, hits, &total);
	assert_true(n >= 1);
	assert_string_equal(hits[0].region.code, "64.08");
	assert_int_equal(hits[0].match, REGION_MATCH_PREFIX);
	n = search("Kutai Timur", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.08");
	assert_int_equal(hits[0].match, REGION_MATCH_EXACT);
	n = search("KABUPATEN KUTAI TIMUR", 0, NULL, 20, hits, &total);
	assert_int_equal(hits[0].match, REGION_MATCH_EXACT);
	n = search("Kut\xc3\xa1i T\xc3\xafmur", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.08");
	assert_int_equal(hits[0].match, REGION_MATCH_EXACT);
	n = search("timur kutai", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.08");
	assert_int_equal(hits[0].match, REGION_MATCH_WORD_PREFIX);
	n = search("kab. kutai tim", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.08");
	/* exact kota first, then kecamatan whose names start with it */
	n = search("samarinda", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.72");
	assert_int_equal(hits[0].match, REGION_MATCH_EXACT);
	for (i = 1; i < n; i++)
		assert_true(hits[i].match >= hits[i - 1].match);
	/* higher levels first among equal matches */
	n = search("kutai", 0, NULL, 20, hits, &total);
	assert_true(n >= 3);
	assert_int_equal(hits[0].region.level, 2);
	assert_int_equal(hits[1].region.level, 2);
	assert_int_equal(hits[2].region.level, 2);
	for (i = 1; i < n; i++)
		assert_true(hits[i].match > hits[i - 1].match ||
			    (hits[i].match == hits[i - 1].match &&
			     hits[i].region.level >= hits[i - 1].region.level));
	/* substring last */
	n = search("regapu'u", 0, NULL, 20, hits, &total);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].region.code, "53.07.01.2021");
	n = search("apu'u", 4, "53.07", 20, hits, &total);
	assert_true(n >= 1);
	assert_int_equal(hits[n - 1].match, REGION_MATCH_SUBSTRING);
	n = search("lubuk pakam i,ii", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "12.07.28.1007");
	assert_int_equal(hits[0].match, REGION_MATCH_EXACT);
	n = search("tidakadanamaseperti ini", 0, NULL, 20, hits, &total);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
}

static void
test_search_filters(void **state)
{
	struct region_hit hits[20];
	size_t n, total, i;

	(void)state;
	n = search("samarinda", 3, NULL, 20, hits, &total);
	assert_true(n >= 1);
	for (i = 0; i < n; i++)
		assert_int_equal(hits[i].region.level, 3);
	n = search("", 2, "64", 20, hits, &total);
	assert_int_equal(n, 10);
	assert_int_equal(total, 10);
	assert_string_equal(hits[0].region.code, "64.01");
	assert_int_equal(hits[0].match, REGION_MATCH_ALL);
	n = search("", 1, NULL, 20, hits, &total);
	assert_int_equal(total, 38);
	n = search("kota", 2, "64", 20, hits, &total);
	assert_int_equal(n, 3); /* Balikpapan, Samarinda, Bontang */
	/* limit keeps the best, total counts them all */
	n = search("kutai", 0, NULL, 1, hits, &total);
	assert_int_equal(n, 1);
	assert_true(total > 3);
}

static void
test_search_codes(void **state)
{
	struct region_hit hits[20];
	size_t n, total;

	(void)state;
	n = search("64.08", 0, NULL, 20, hits, &total);
	assert_string_equal(hits[0].region.code, "64.08");
	assert_int_equal(hits[0].match, REGION_MATCH_CODE);
	assert_int_equal(total, 1 + 18 + 141);
	n = search("6408", 3, NULL, 20, hits, &total);
	assert_int_equal(total, 18);
	assert_int_equal(hits[0].region.level, 3);
	n = search("64.0", 2, NULL, 20, hits, &total);
	assert_int_equal(total, 6); /* 64.01 .. 64.09 */
	n = search("64.8", 0, NULL, 20, hits, &total);
	assert_int_equal(total, 0);
	n = search("96", 1, NULL, 20, hits, &total);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].region.name, "Papua Barat Daya");
	(void)n;
}

static void
test_search_errors(void **state)
{
	struct region_hit hits[4];
	struct errbuf eb;
	size_t n;
	char longq[REGION_QUERY_MAX + 2];

	(void)state;
	assert_int_equal(region_search(t, "a", 5, NULL, 4, hits, &n, NULL, &eb), -1);
	assert_string_equal(eb.field, "level");
	assert_int_equal(region_search(t, "a", 0, NULL, 0, hits, &n, NULL, &eb), -1);
	assert_string_equal(eb.field, "limit");
	assert_int_equal(region_search(t, "a", 0, NULL, REGION_LIMIT_MAX + 1, hits, &n, NULL, &eb),
			 -1);
	assert_int_equal(region_search(t, "a", 0, "99", 4, hits, &n, NULL, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	assert_int_equal(region_search(t, "a", 0, "6x", 4, hits, &n, NULL, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(region_search(t, "!!!", 0, NULL, 4, hits, &n, NULL, &eb), -1);
	assert_int_equal(region_search(t, "a\xff", 0, NULL, 4, hits, &n, NULL, &eb), -1);
	memset(longq, 'a', sizeof(longq) - 1);
	longq[sizeof(longq) - 1] = '\0';
	assert_int_equal(region_search(t, longq, 0, NULL, 4, hits, &n, NULL, &eb), -1);
	assert_int_equal(region_search(t, "a b c d e f g h i j k l m n o p q", 0, NULL, 4, hits, &n,
				       NULL, &eb),
			 -1);
}

/* --- loading hand-made CSVs ------------------------------------------------------------- */

static int
parse_csv(const char *csv, struct region_table **out, struct errbuf *eb)
{
	return region_table_parse(out, csv, strlen(csv), "Sumber uji", "uji.csv", eb);
}

static void
test_parse_good(void **state)
{
	/* unsorted, CRLF, BOM, quoted name with a comma, no final newline */
	const char *csv = "\xef\xbb\xbfkode,nama,level\r\n"
			  "64.08.01,Muara Ancalong,3\r\n"
			  "64,Kalimantan Timur,1\r\n"
			  "64.08,\"Kabupaten Kutai Timur\",2\r\n"
			  "64.08.01.2001,\"Senyiur, Hulu\",4\r\n"
			  "64.01,Kabupaten Paser,2";
	struct region_table *u;
	struct region kids[4], r;
	struct errbuf eb;
	size_t n;

	(void)state;
	if (parse_csv(csv, &u, &eb) < 0)
		fail_msg("%s", eb.msg);
	assert_int_equal(region_table_count(u, 0), 5);
	assert_string_equal(region_table_attribution(u), "Sumber uji");
	assert_int_equal(region_children(u, "64", kids, 4, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(kids[0].code, "64.01");
	assert_string_equal(kids[1].code, "64.08");
	assert_int_equal(region_find(u, "64.08.01.2001", &r), 0);
	assert_string_equal(r.name, "Senyiur, Hulu");
	assert_string_equal(r.parent, "64.08.01");
	region_table_free(u);
}

static void
assert_parse_fails(const char *csv, const char *needle)
{
	static char sentinel;
	struct region_table *u = (struct region_table *)(void *)&sentinel; /* must become NULL */
	struct errbuf eb;

	errbuf_clear(&eb);
	if (parse_csv(csv, &u, &eb) == 0)
		fail_msg("parsed, but expected an error with '%s'", needle);
	assert_null(u);
	if (strstr(eb.msg, needle) == NULL)
		fail_msg("error '%s' does not mention '%s'", eb.msg, needle);
}

static void
test_parse_bad(void **state)
{
	(void)state;
	assert_parse_fails("", "kosong");
	assert_parse_fails("kode,nama,level\n", "tidak berisi");
	assert_parse_fails("code,name,level\n64,Kaltim,1\n", "baris 1");
	assert_parse_fails("kode,nama,level\n64,Kaltim\n", "baris 2");
	assert_parse_fails("kode,nama,level\n64,Kaltim,1,x\n", "3 kolom");
	assert_parse_fails("kode,nama,level\n64,Kaltim,1\n64,Lagi,1\n", "lebih dari sekali");
	assert_parse_fails("kode,nama,level\n64,Kaltim,1\n64.08.01,Muara,3\n", "induk 64.08");
	assert_parse_fails("kode,nama,level\n64,Kaltim,2\n", "level");
	assert_parse_fails("kode,nama,level\n64.00,Nol,2\n", "tidak sah");
	assert_parse_fails("kode,nama,level\n6408,Kutim,2\n", "titik");
	assert_parse_fails("kode,nama,level\n64,,1\n", "kosong");
	assert_parse_fails("kode,nama,level\n64,Ka\xfftim,1\n", "UTF-8");
	assert_parse_fails("kode,nama,level\n64,\"Kaltim,1\n", "kutip");
	assert_parse_fails("kode,nama,level\n64,Kal\"tim,1\n", "CSV rusak");
	assert_parse_fails("kode,nama,level\n\x01\x02,Kaltim,1\n", "'?"
								   "?'");
}

static void
test_load_from_dir(void **state)
{
	struct region_table *u;
	struct errbuf eb;

	(void)state;
	assert_int_equal(region_table_load(&u, "/nonexistent-netra-dir", &eb), -1);
	assert_null(u);
	assert_non_null(strstr(eb.msg, "/nonexistent-netra-dir/regions/wilayah.csv"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),         cmocka_unit_test(test_find),
		cmocka_unit_test(test_kaltim),         cmocka_unit_test(test_children_and_chain),
		cmocka_unit_test(test_code_helpers),   cmocka_unit_test(test_fold),
		cmocka_unit_test(test_search_ranking), cmocka_unit_test(test_search_filters),
		cmocka_unit_test(test_search_codes),   cmocka_unit_test(test_search_errors),
		cmocka_unit_test(test_parse_good),     cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_load_from_dir),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
