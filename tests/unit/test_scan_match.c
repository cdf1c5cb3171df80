/*
 * test_scan_match.c - the engine with the embedded data files: phrase
 * matching through stems, slang, numerals, hashtags and emoji; negation
 * scope; labels and scores; spans; the token cache.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "scan/scan_internal.h"

static struct scan_lexicon *lex;
static struct scan_ctx *ctx;

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	if (scan_lexicon_load(&lex, NULL, &eb) < 0) {
		fprintf(stderr, "lexicon: %s\n", eb.msg);
		return -1;
	}
	ctx = scan_ctx_new(lex);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	scan_ctx_free(ctx);
	scan_lexicon_free(lex);
	return 0;
}

static struct scan_result
run(const char *text)
{
	struct scan_result r;

	scan_text(ctx, text, strlen(text), 0, &r);
	return r;
}

/* The match of concept id covering exactly text[start..end), or NULL. */
static const struct scan_match *
find(const struct scan_result *r, const char *concept)
{
	size_t i;

	for (i = 0; i < r->nmatches; i++)
		if (strcmp(scan_lexicon_phrase(lex, r->matches[i].phrase)->concept, concept) == 0)
			return &r->matches[i];
	return NULL;
}

static void
expect_span(const char *text, const char *concept, const char *covered)
{
	struct scan_result r = run(text);
	const struct scan_match *m = find(&r, concept);

	if (m == NULL)
		fail_msg("no match of %s in \"%s\"", concept, text);
	assert_int_equal(m->end - m->start, strlen(covered));
	assert_memory_equal(text + m->start, covered, strlen(covered));
}

static void
test_stems_and_exact(void **state)
{
	struct scan_result r;

	(void)state;
	expect_span("Guru itu mendukung paslon", "dukungan", "mendukung");
	expect_span("ada dukungannya", "dukungan", "dukungannya");
	expect_span("Camat datang", "kewilayahan", "Camat");
	/* kecamatan stems to camat, but actors match only as written */
	r = run("Kecamatan Palaran menjadi lokasi festival");
	assert_null(find(&r, "kewilayahan"));
	assert_int_equal(r.label, SCAN_LABEL_UNRELATED);
	/* multi-word phrase, longest first */
	expect_span("Kepala Dinas Pendidikan hadir", "pimpinan_opd", "Kepala Dinas");
	expect_span("pasang atribut partai di pagar", "atribut", "atribut partai");
}

static void
test_slang_numbers_emoji(void **state)
{
	struct scan_result r;

	(void)state;
	/* slang expansion: one token, two words, same span */
	expect_span("dia timses paslon", "tim_sukses", "timses");
	expect_span("kadis ikut", "pimpinan_opd", "kadis");
	/* number words, Javanese numerals, leading zeros */
	expect_span("pilih nomor dua", "ajakan_memilih", "pilih nomor dua");
	expect_span("ojo lali nyoblos nomer loro", "nomor_urut", "nomer loro");
	expect_span("ayo 02", "nomor_urut", "02");
	/* gesture emoji with a skin tone */
	expect_span("foto \xE2\x9C\x8C\xF0\x9F\x8F\xBD", "pose_jari",
		    "\xE2\x9C\x8C\xF0\x9F\x8F\xBD");
	/* stretched letters */
	expect_span("dukunggg terus", "dukungan", "dukunggg");
	expect_span("kampanyeeee", "kampanye", "kampanyeeee");
	/* styled letters */
	r = run("\xF0\x9D\x97\xA3\xF0\x9D\x97\xA1\xF0\x9D\x97\xA6 ikut kampanye");
	assert_non_null(find(&r, "asn"));
}

static void
test_hashtags(void **state)
{
	(void)state;
	/* camelCase-free hashtag split into known words */
	expect_span("#coblosprabowo sekarang", "ajakan_memilih", "#coblosprabowo");
	expect_span("#coblosprabowo sekarang", "pemilu2024:presiden:2", "#coblosprabowo");
	/* the whole tag as listed in the candidates file */
	expect_span("semangat #AMIN", "pemilu2024:presiden:1", "#AMIN");
	/* but the prayer word "amin" is not a candidate */
	{
		struct scan_result r = run("semoga sehat, amin");

		assert_null(find(&r, "pemilu2024:presiden:1"));
	}
}

static void
test_negation(void **state)
{
	struct scan_result r;
	const struct scan_match *m;

	(void)state;
	r = run("Camat menegaskan tidak mendukung paslon mana pun");
	m = find(&r, "dukungan");
	assert_non_null(m);
	assert_true(m->flags & SCAN_MATCH_NEGATED);
	assert_int_not_equal(r.label, SCAN_LABEL_VIOLATION);
	/* the scope runs along a list */
	r = run("ASN dilarang like, komentar, dan share postingan capres");
	assert_int_not_equal(r.label, SCAN_LABEL_VIOLATION);
	m = find(&r, "medsos_interaksi");
	assert_non_null(m);
	assert_true(m->flags & SCAN_MATCH_NEGATED);
	/* a contrast word ends it */
	r = run("Pak camat tidak hadir, tapi dukung paslon 02 di grup");
	m = find(&r, "dukungan");
	assert_non_null(m);
	assert_false(m->flags & SCAN_MATCH_NEGATED);
	/* "jangan lupa" reminds, it does not forbid */
	r = run("Pak kadis: jangan lupa coblos 02 ya");
	assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
	/* "bukan ASN" removes the actor */
	r = run("saya bukan ASN, dukung paslon 02");
	assert_int_not_equal(r.label, SCAN_LABEL_VIOLATION);
}

static void
test_labels(void **state)
{
	struct scan_result r;

	(void)state;
	r = run("Camat Tenggarong kedapatan memakai kaos paslon nomor urut 2 saat kampanye.");
	assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
	assert_true(r.score >= r.threshold);
	assert_true(r.nitems > 0);
	r = run("Bupati mengimbau seluruh ASN menjaga netralitas selama tahapan Pilkada 2024.");
	assert_int_equal(r.label, SCAN_LABEL_NEUTRAL);
	assert_true(r.score < r.threshold);
	r = run("Paslon nomor urut 2 menggelar kampanye akbar di stadion.");
	assert_int_equal(r.label, SCAN_LABEL_UNRELATED); /* no ASN */
	r = run("Guru kami mendukung program literasi sekolah.");
	assert_int_equal(r.label, SCAN_LABEL_UNRELATED); /* no election */
	r = run("");
	assert_int_equal(r.label, SCAN_LABEL_UNRELATED);
	assert_int_equal(r.nmatches, 0);
	/* a known ASN account needs no actor word */
	{
		const char *t = "ayo coblos 02 ya gaes";

		scan_text(ctx, t, strlen(t), 0, &r);
		assert_int_equal(r.label, SCAN_LABEL_UNRELATED);
		scan_text(ctx, t, strlen(t), SCAN_AUTHOR_ASN, &r);
		assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
		assert_true(r.author_asn);
	}
}

static void
test_items_sorted(void **state)
{
	struct scan_result r;
	size_t i;

	(void)state;
	r = run("Lurah jadi tim sukses, pasang baliho caleg dan foto bersama paslon");
	assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
	assert_true(r.nitems >= 3);
	for (i = 1; i < r.nitems; i++)
		assert_true(scan_item_cmp(r.items[i - 1], r.items[i]) < 0);
	assert_true(scan_item_cmp("D-2", "D-10") < 0);
	assert_true(scan_item_cmp("D-12", "KE-1") < 0);
	assert_int_equal(scan_item_cmp("KE-4", "KE-4"), 0);
}

static void
test_threshold(void **state)
{
	struct scan_ctx *strict = scan_ctx_new(lex);
	struct scan_result r;
	const char *t = "Camat ikut kampanye paslon";

	(void)state;
	scan_text(ctx, t, strlen(t), 0, &r);
	assert_int_equal(r.label, SCAN_LABEL_VIOLATION);
	scan_ctx_set_threshold(strict, 1.0f);
	scan_text(strict, t, strlen(t), 0, &r);
	assert_true(r.score < 1.0f);
	assert_int_equal(r.label, SCAN_LABEL_NEUTRAL);
	scan_ctx_free(strict);
}

static void
test_cache(void **state)
{
	struct scan_ctx_stats st0, st1;
	struct scan_result a, b;
	char stem[SCAN_TOKEN_MAX + 1];
	const char *t = "Camat mendukung paslon nomor dua #coblos02";
	char buf[64];

	(void)state;
	scan_text(ctx, t, strlen(t), 0, &a);
	scan_ctx_get_stats(ctx, &st0);
	scan_text(ctx, t, strlen(t), 0, &b);
	scan_ctx_get_stats(ctx, &st1);
	/* the second pass is all hits, and gives the same answer */
	assert_int_equal(st1.cache_misses, st0.cache_misses);
	assert_true(st1.cache_hits > st0.cache_hits);
	assert_int_equal(a.label, b.label);
	assert_true(a.score == b.score);
	assert_int_equal(a.nmatches, b.nmatches);
	/* stems through the cache */
	assert_int_equal(scan_cache_stem(&ctx->cache, lex, "mendukung", 9, stem, sizeof(stem)), 6);
	assert_string_equal(stem, "dukung");
	scan_cache_stem(&ctx->cache, lex, "pemilihan", 9, stem, sizeof(stem));
	assert_string_equal(stem, "pilih");
	/* many distinct tokens: the cache empties itself, answers do not change */
	{
		struct scan_cache small;
		const struct scan_info *in;
		int i;

		scan_cache_init(&small, 16);
		for (i = 0; i < 5000; i++) {
			memset(buf, 0, sizeof(buf));
			snprintf(buf, sizeof(buf), "kata%d", i);
			scan_cache_lookup(&small, lex, buf, strlen(buf), SCAN_TOK_WORD);
		}
		assert_true(small.resets > 0);
		memset(buf, 0, sizeof(buf));
		memcpy(buf, "camat", 5);
		in = scan_cache_lookup(&small, lex, buf, 5, SCAN_TOK_WORD);
		assert_int_equal(in->nwords, 1);
		assert_true(in->nids[0] >= 1);
		scan_cache_release(&small);
	}
}

static void
test_long_and_invalid(void **state)
{
	size_t n = SCAN_TEXT_MAX + 100, i;
	char *big = malloc(n);
	struct scan_result r;

	(void)state;
	for (i = 0; i < n; i++)
		big[i] = (char)(i % 7 == 0 ? ' ' : (i % 251) | 0x80); /* mostly invalid UTF-8 */
	scan_text(ctx, big, n, 0, &r);
	assert_true(r.truncated);
	assert_int_equal(r.label, SCAN_LABEL_UNRELATED);
	free(big);
	r = run("Camat\xFF ikut\xC3 kampanye\xE2\x9C");
	assert_non_null(find(&r, "kewilayahan"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stems_and_exact),  cmocka_unit_test(test_slang_numbers_emoji),
		cmocka_unit_test(test_hashtags),         cmocka_unit_test(test_negation),
		cmocka_unit_test(test_labels),           cmocka_unit_test(test_items_sorted),
		cmocka_unit_test(test_threshold),        cmocka_unit_test(test_cache),
		cmocka_unit_test(test_long_and_invalid),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
