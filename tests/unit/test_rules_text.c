/*
 * test_rules_text.c - Indonesian normalisation, tokenisation, stemming and
 * phrase matching (src/rules/text.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "rules/text.h"

static const char *
norm(struct buf *b, const char *s)
{
	buf_reset(b);
	text_normalize(s, strlen(s), b);
	return buf_cstr(b);
}

static void
test_normalize(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(norm(&b, "PNS memasang SPANDUK\xe2\x80\x94"
				     "caleg!!!"),
			    "pns memasang spanduk caleg");
	assert_string_equal(norm(&b, "Caf\xc3\xa9 na\xc3\xafve \xc5\x9e"
				     "ahin"),
			    "cafe naive sahin");
	assert_string_equal(norm(&b, "kader-kader partai"), "kader partai");
	assert_string_equal(norm(&b, "kader-kadernya"), "kadernya");
	assert_string_equal(norm(&b, "mem-posting di-share e-mail"), "memposting dishare email");
	assert_string_equal(norm(&b, "like-comment-share"), "like comment share");
	assert_string_equal(norm(&b, "bangeeet pasaaang 1000"), "banget pasang 1000");
	assert_string_equal(norm(&b, "Ma'ruf Amin \xe2\x80\x99"
				     "pilih\xe2\x80\x99"),
			    "maruf amin pilih");
	assert_string_equal(norm(&b, "  --  "), "");
	/* invalid UTF-8 separates words and never stops the scan */
	assert_string_equal(norm(&b, "pns\xff\xfe"
				     "caleg\xc3"),
			    "pns caleg");
	assert_string_equal(norm(&b, "a\xed\xa0\x80"
				     "b"),
			    "a b"); /* surrogate */
	buf_release(&b);
}

static void
test_long_word_skipped(void **state)
{
	struct buf b = BUF_INIT;
	char in[600];

	(void)state;
	memset(in, 'k', 300);
	memcpy(in + 300, "ab ", 3);
	for (size_t i = 0; i < 300; i++) /* break the run so it is not collapsed */
		in[i] = (char)('a' + (i % 2));
	memcpy(in + 303, "pns", 4);
	assert_string_equal(norm(&b, in), "pns");
	buf_release(&b);
}

static struct text_lexicon *
lexicon(void)
{
	struct text_lexicon *lx = text_lexicon_new();
	struct errbuf eb;

	assert_int_equal(text_lexicon_add_abbrev(lx, "yg", "yang", &eb), 0);
	assert_int_equal(text_lexicon_add_abbrev(lx, "paslon", "pasangan calon", &eb), 0);
	assert_int_equal(text_lexicon_add_stopword(lx, "yang", &eb), 0);
	assert_int_equal(text_lexicon_add_stopword(lx, "di", &eb), 0);
	assert_int_equal(text_lexicon_add_stem(lx, "pasangan", "pasangan", &eb), 0);
	assert_int_equal(text_lexicon_add_negator(lx, "tidak", &eb), 0);
	assert_int_equal(text_lexicon_add_negator(lx, "tanpa", &eb), 0);
	/* entries are normalised; a multi-word key is refused */
	assert_int_equal(text_lexicon_add_stopword(lx, "dua kata", &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(text_lexicon_add_abbrev(lx, "!!!", "x", &eb), -1);
	return lx;
}

static void
test_analyze(void **state)
{
	struct text_lexicon *lx = lexicon();
	struct text_stemmer *st = text_stemmer_new();
	struct text_doc d;
	struct arena a;
	const char *s = "ASN yg memasang spanduk paslon di rumah";

	(void)state;
	arena_init(&a, 4096);
	text_analyze(lx, st, s, strlen(s), &a, &d);
	assert_int_equal(d.n, 6); /* asn memasang spanduk pasangan calon rumah */
	assert_string_equal(d.tok[1].word, "memasang");
	assert_string_equal(d.tok[1].stem, "pasang");
	assert_string_equal(d.tok[3].word, "pasangan");
	assert_string_equal(d.tok[3].stem, "pasangan"); /* lexicon exception */
	assert_string_equal(d.tok[4].stem, "calon");
	assert_false(d.truncated);
	/* without a lexicon nothing is expanded or dropped */
	text_analyze(NULL, st, s, strlen(s), &a, &d);
	assert_int_equal(d.n, 7);
	assert_string_equal(d.tok[1].word, "yg");
	assert_string_equal(d.tok[4].word, "paslon");
	text_analyze(NULL, st, "pasangan", 8, &a, &d);
	assert_string_equal(d.tok[0].stem, "pasang"); /* why the lexicon has an exception */
	arena_release(&a);
	text_stemmer_free(st);
	text_lexicon_free(lx);
}

static void
test_phrase(void **state)
{
	struct text_lexicon *lx = lexicon();
	struct text_stemmer *st = text_stemmer_new();
	struct text_phrase p, neg;
	struct text_doc d;
	struct arena a;
	size_t f, l;
	const char *s1 = "PNS memasang sebuah spanduk besar";
	const char *s2 = "PNS tidak memasang spanduk";
	const char *s3 = "hadir tanpa atribut apa pun";

	(void)state;
	arena_init(&a, 4096);
	assert_int_equal(text_phrase_compile(lx, st, "pasang spanduk", &a, &p), 0);
	assert_int_equal(p.n, 2);
	text_analyze(lx, st, s1, strlen(s1), &a, &d);
	assert_true(text_phrase_find(&d, &p, 0, 2, &f, &l));
	assert_int_equal(f, 1);
	assert_int_equal(l, 3);
	assert_false(text_phrase_find(&d, &p, 0, 0, &f, &l)); /* "sebuah" in between */
	assert_false(text_phrase_find(&d, &p, 2, 2, &f, &l)); /* starts too late */
	text_analyze(lx, st, s2, strlen(s2), &a, &d);
	assert_false(text_phrase_find(&d, &p, 0, 2, &f, &l)); /* negated */
	assert_int_equal(text_phrase_compile(lx, st, "tanpa atribut", &a, &neg), 0);
	assert_true(neg.negated_start);
	text_analyze(lx, st, s3, strlen(s3), &a, &d);
	assert_true(text_phrase_find(&d, &neg, 0, 2, &f, &l));
	/* a rule stated with "dilarang" negates several words, until a breaker */
	{
		struct errbuf eb;
		const char *s4 = "ASN dilarang memasang spanduk";
		const char *s5 = "meski dilarang camat tetap memasang spanduk";

		assert_int_equal(text_lexicon_add_negator_scope(lx, "dilarang", 4, &eb), 0);
		assert_int_equal(text_lexicon_add_breaker(lx, "tetap", &eb), 0);
		assert_int_equal(text_lexicon_add_negator_scope(lx, "x", 99, &eb), -1);
		assert_int_equal(text_phrase_compile(lx, st, "spanduk", &a, &p), 0);
		text_analyze(lx, st, s4, strlen(s4), &a, &d);
		assert_false(text_phrase_find(&d, &p, 0, 2, &f, &l));
		text_analyze(lx, st, s5, strlen(s5), &a, &d);
		assert_true(text_phrase_find(&d, &p, 0, 2, &f, &l));
	}
	/* a phrase of stop words only does not compile */
	assert_int_equal(text_phrase_compile(lx, st, "yang di", &a, &p), -1);
	arena_release(&a);
	text_stemmer_free(st);
	text_lexicon_free(lx);
}

static void
test_truncated(void **state)
{
	struct text_stemmer *st = text_stemmer_new();
	struct text_doc d;
	struct arena a;
	size_t n = (TEXT_MAX_TOKENS + 10) * 4, i;
	char *s = malloc(n + 1);

	(void)state;
	for (i = 0; i < n; i += 4)
		memcpy(s + i, "ab1 ", 4);
	s[n] = '\0';
	arena_init(&a, 1 << 16);
	text_analyze(NULL, st, s, n, &a, &d);
	assert_int_equal(d.n, TEXT_MAX_TOKENS);
	assert_true(d.truncated);
	arena_release(&a);
	free(s);
	text_stemmer_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize), cmocka_unit_test(test_long_word_skipped),
		cmocka_unit_test(test_analyze),   cmocka_unit_test(test_phrase),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
