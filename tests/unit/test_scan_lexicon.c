/*
 * test_scan_lexicon.c - loading the screening data: a knowledge directory
 * instead of the embedded files, weights that change answers without a
 * rebuild, rule-catalog phrases, election filters, and the errors a
 * mistyped data file produces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules/rules.h"
#include "scan/catalog.h"
#include "scan/scan.h"

static char dir[256];

static const char *model = "{\"threshold\": 0.5, \"caps\": {\"act\": 1}}";
static const char *norm = "{\"slang\": {\"kpl\": \"kepala\"}, \"numerals\": [\"dua\"],"
			  " \"emoji\": [{\"char\": \"\\u270c\", \"token\": \"pose_jari_2\"}]}";
static const char *lexicon_ok =
	"{\"concepts\": ["
	"{\"id\": \"asn\", \"cat\": \"actor\", \"w\": 1, \"terms\": [\"asn\", \"kpl desa\"]},"
	"{\"id\": \"dukung\", \"cat\": \"act\", \"w\": 0.6, \"items\": [\"KE-4\"],"
	" \"terms\": [\"~dukung\", \"<pose_jari_2>\", {\"t\": \"nomor <angka>\", \"w\": 0.3}]},"
	"{\"id\": \"pemilu\", \"cat\": \"election\", \"w\": 0, \"terms\": [\"pemilu\"]},"
	"{\"id\": \"neg\", \"cat\": \"negation\", \"w\": 0, \"terms\": [\"tidak\"]}"
	"]}";
static const char *cand =
	"{\"election\": \"uji\", \"weight\": 0.3,"
	" \"pairs\": [{\"number\": 1, \"label\": \"A - B\", \"names\": [\"si a\"]}],"
	" \"parties\": [{\"number\": 9, \"name\": \"Partai Uji\", \"terms\": [\"pu\"]}]}";

static void
write_file(const char *rel, const char *content)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static int
setup(void **state)
{
	char path[512];

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-lex-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/scan", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/scan/candidates", dir);
	mkdir(path, 0700);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
write_all(const char *lexicon)
{
	write_file("scan/model.json", model);
	write_file("scan/normalise.json", norm);
	write_file("scan/lexicon.json", lexicon);
	write_file("scan/candidates/uji.json", cand);
}

static float
score_of(struct scan_lexicon *lex, const char *text, enum scan_label *label)
{
	struct scan_ctx *ctx = scan_ctx_new(lex);
	struct scan_result r;
	float s;

	scan_text(ctx, text, strlen(text), 0, &r);
	s = r.score;
	*label = r.label;
	scan_ctx_free(ctx);
	return s;
}

static void
test_knowledge_dir(void **state)
{
	struct scan_lexicon_opts o = {dir, NULL, NULL, 0};
	struct scan_lexicon_info info;
	struct scan_lexicon *lex;
	struct errbuf eb;
	enum scan_label l;

	(void)state;
	write_all(lexicon_ok);
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), 0);
	scan_lexicon_get_info(lex, &info);
	assert_int_equal(info.nconcepts, 6); /* 4 + pair + party */
	assert_int_equal(info.nslang, 1);
	assert_int_equal(info.nemoji, 1);
	assert_string_equal(info.elections, "uji");
	/* slang in terms: "kpl desa" is stored as "kepala desa" */
	assert_true(score_of(lex, "kepala desa mendukung si a", &l) > 0.5f);
	assert_int_equal(l, SCAN_LABEL_VIOLATION);
	assert_true(score_of(lex, "ASN \xE2\x9C\x8C nomor dua pemilu", &l) > 0);
	assert_true(score_of(lex, "ASN tidak mendukung", &l) == 0);
	scan_lexicon_free(lex);

	/* the same text, a smaller weight in the data: another answer */
	write_file(
		"scan/lexicon.json",
		"{\"concepts\": ["
		"{\"id\": \"asn\", \"cat\": \"actor\", \"w\": 1, \"terms\": [\"asn\"]},"
		"{\"id\": \"dukung\", \"cat\": \"act\", \"w\": 0.2, \"terms\": [\"~dukung\"]}]}");
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), 0);
	assert_true(score_of(lex, "ASN mendukung, pemilu", &l) < 0.5f);
	assert_int_equal(l, SCAN_LABEL_NEUTRAL);
	scan_lexicon_free(lex);
}

static void
test_extra_phrases(void **state)
{
	static const struct scan_phrase extra[] = {
		{.text = "foto profil bergambar",
		 .item = "KE-5",
		 .cat = SCAN_CAT_ACT,
		 .weight = 0.55f,
		 .note = "dari katalog"},
		{.text = "~pasang",
		 .item = "KE-1",
		 .cat = SCAN_CAT_ACT,
		 .weight = 0.4f,
		 .generic = true},
		/* already in the lexicon: only the item is added */
		{.text = "~dukung", .item = "D-8", .cat = SCAN_CAT_ACT, .weight = 0.1f},
		/* a stemmed catalog phrase */
		{.text = "memasangkan baliho",
		 .item = "KE-1",
		 .cat = SCAN_CAT_ACT,
		 .weight = 0.3f,
		 .stem = true},
	};
	struct scan_lexicon_opts o = {dir, "uji", extra, sizeof(extra) / sizeof(extra[0])};
	struct scan_lexicon *lex;
	struct scan_ctx *ctx;
	struct scan_result r;
	struct errbuf eb;
	const char *t = "ASN ganti foto profil bergambar si a";
	size_t i;
	bool seen = false;

	(void)state;
	write_all(lexicon_ok);
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), 0);
	ctx = scan_ctx_new(lex);
	scan_text(ctx, t, strlen(t), 0, &r);
	assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
	for (i = 0; i < r.nitems; i++)
		if (strcmp(r.items[i], "KE-5") == 0)
			seen = true;
	assert_true(seen);
	/* "~dukung" was merged: same concept, weight unchanged, one more item */
	t = "ASN mendukung si a";
	scan_text(ctx, t, strlen(t), 0, &r);
	assert_true(r.score > 0.5f);
	for (seen = false, i = 0; i < r.nitems; i++)
		if (strcmp(r.items[i], "D-8") == 0)
			seen = true;
	assert_true(seen);
	/* matched by stems: "dipasang" ~ "memasangkan" */
	t = "baliho dipasang ASN pemilu";
	scan_text(ctx, t, strlen(t), 0, &r);
	for (seen = false, i = 0; i < r.nmatches; i++)
		if (strcmp(scan_lexicon_phrase(lex, r.matches[i].phrase)->concept,
			   "katalog:memasangkan baliho") == 0)
			seen = true;
	assert_false(seen); /* order matters: the phrase is "pasang baliho" */
	t = "ASN memasang baliho saat pemilu";
	scan_text(ctx, t, strlen(t), 0, &r);
	for (seen = false, i = 0; i < r.nmatches; i++)
		if (strcmp(scan_lexicon_phrase(lex, r.matches[i].phrase)->concept,
			   "katalog:memasangkan baliho") == 0)
			seen = true;
	assert_true(seen);
	scan_ctx_free(ctx);
	scan_lexicon_free(lex);
}

static void
expect_error(const char *lexicon, const char *needle)
{
	struct scan_lexicon_opts o = {dir, NULL, NULL, 0};
	struct scan_lexicon *lex = (struct scan_lexicon *)1;
	struct errbuf eb;

	write_all(lexicon);
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), -1);
	assert_null(lex);
	if (strstr(eb.msg, needle) == NULL)
		fail_msg("error \"%s\" lacks \"%s\"", eb.msg, needle);
}

static void
test_errors(void **state)
{
	struct scan_lexicon_opts o = {dir, NULL, NULL, 0};
	struct scan_lexicon *lex;
	struct errbuf eb;

	(void)state;
	expect_error("{\"concepts\": [", "lexicon.json:1");
	expect_error("{\"concepts\": [{\"id\": \"x\", \"cat\": \"bogus\", \"terms\": [\"a\"]}]}",
		     "konsep #1");
	expect_error(
		"{\"concepts\": [{\"id\": \"x\", \"cat\": \"act\", \"terms\": [\"~guru-guru\"]}]}",
		"istilah '~guru-guru'");
	expect_error(
		"{\"concepts\": [{\"id\": \"x\", \"cat\": \"act\", \"terms\": [\"#tag dan\"]}]}",
		"berdiri sendiri");
	expect_error("{\"concepts\": [{\"id\": \"x\", \"cat\": \"act\", \"terms\": []}]}",
		     "tidak kosong");
	expect_error(
		"{\"concepts\": [{\"id\": \"x\", \"cat\": \"act\", \"w\": 7, \"terms\": [\"a\"]}]}",
		"antara -1 dan 1");
	expect_error("{\"concepts\": [{\"id\": \"x\", \"cat\": \"act\", \"terms\": [\"a\"]},"
		     "{\"id\": \"x\", \"cat\": \"act\", \"terms\": [\"b\"]}]}",
		     "ganda");
	/* a model out of range */
	write_all(lexicon_ok);
	write_file("scan/model.json", "{\"threshold\": 2}");
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), -1);
	assert_non_null(strstr(eb.msg, "threshold"));
	/* a missing file */
	write_file("scan/model.json", model);
	unlink(strcat(strcpy((char[512]){0}, dir), "/scan/normalise.json"));
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	/* elections: unknown, and a path in disguise */
	write_all(lexicon_ok);
	o.election = "pemilu1999";
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), -1);
	assert_non_null(strstr(eb.msg, "pemilu1999"));
	o.election = "../scan/lexicon";
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), -1);
	assert_non_null(strstr(eb.msg, "tidak valid"));
}

static void
test_embedded(void **state)
{
	struct scan_lexicon_opts o = {NULL, "pilkada2024", NULL, 0};
	struct scan_lexicon_info info;
	struct scan_lexicon *lex;
	struct errbuf eb;
	enum scan_label l;

	(void)state;
	assert_int_equal(scan_lexicon_load(&lex, NULL, &eb), 0);
	scan_lexicon_get_info(lex, &info);
	assert_string_equal(info.elections, "pemilu2024,pilkada2024");
	assert_true(info.nphrases > 500);
	scan_lexicon_free(lex);
	/* one election only: the other's names are unknown */
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), 0);
	score_of(lex, "Camat ikut kampanye Rudy Seno", &l);
	assert_int_equal(l, SCAN_LABEL_VIOLATION);
	scan_lexicon_get_info(lex, &info);
	assert_string_equal(info.elections, "pilkada2024");
	scan_lexicon_free(lex);
}

/* The rule catalog's anchors: items for the lexicon's phrases, no weight. */
static void
test_rule_catalog(void **state)
{
	struct scan_lexicon_opts o = {NULL, NULL, NULL, 0};
	struct rules_catalog *cat;
	struct scan_lexicon *lex, *plain;
	struct scan_phrase *ph;
	struct scan_ctx *a, *b;
	struct scan_result ra, rb;
	struct errbuf eb;
	const char *t = "Camat memakai mobil dinas ke lokasi kampanye paslon 2";
	size_t n, i;
	bool pp94 = false, boleh = false;

	(void)state;
	assert_int_equal(rules_catalog_load(&cat, NULL, &eb), 0);
	n = scan_catalog_phrases(cat, &ph);
	assert_true(n > 100);
	for (i = 0; i < n; i++) {
		assert_true(ph[i].weight == 0);
		if (ph[i].item && strncmp(ph[i].item, "B-", 2) == 0)
			boleh = true;
	}
	assert_false(boleh); /* permitted conduct is not fed in */
	o.extra = ph;
	o.nextra = n;
	assert_int_equal(scan_lexicon_load(&lex, &o, &eb), 0);
	free(ph);
	rules_catalog_free(cat); /* the lexicon keeps copies */
	assert_int_equal(scan_lexicon_load(&plain, NULL, &eb), 0);
	a = scan_ctx_new(lex);
	b = scan_ctx_new(plain);
	scan_text(a, t, strlen(t), 0, &ra);
	scan_text(b, t, strlen(t), 0, &rb);
	/* the same score and label, more items */
	assert_true(ra.score == rb.score);
	assert_int_equal(ra.label, rb.label);
	assert_true(ra.nitems > rb.nitems);
	for (i = 0; i < ra.nitems; i++)
		if (strcmp(ra.items[i], "PP94-5n4") == 0)
			pp94 = true;
	assert_true(pp94);
	scan_ctx_free(a);
	scan_ctx_free(b);
	scan_lexicon_free(lex);
	scan_lexicon_free(plain);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_knowledge_dir), cmocka_unit_test(test_extra_phrases),
		cmocka_unit_test(test_errors),        cmocka_unit_test(test_embedded),
		cmocka_unit_test(test_rule_catalog),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
