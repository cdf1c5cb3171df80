/*
 * test_scan_tokenise.c - tokens, their normalised text and exact byte
 * spans: words, hashtags, mentions, URLs, emoji with modifiers, keycaps,
 * styled letters, mixed scripts, very long tokens, invalid UTF-8,
 * sentence boundaries.
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

static const struct scan_emoji emoji[] = {
	{0x261D, "<pose_jari_1>"},
	{0x270C, "<pose_jari_2>"},
	{0x1F91F, "<pose_jari_3>"},
};

#define MAXTOK 64

struct toks {
	struct scan_token t[MAXTOK];
	size_t n;
};

static void
tokenise(const char *s, struct toks *out)
{
	struct scan_tokenizer tz;

	out->n = 0;
	scan_tok_init(&tz, s, strlen(s), emoji, sizeof(emoji) / sizeof(emoji[0]));
	while (out->n < MAXTOK && scan_tok_next(&tz, &out->t[out->n]))
		out->n++;
}

/* "text@start-end" for every token, space separated */
static void
render(const char *s, char *buf, size_t size)
{
	struct toks tk;
	size_t i, used = 0;

	tokenise(s, &tk);
	buf[0] = '\0';
	for (i = 0; i < tk.n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s@%u-%u", i ? " " : "",
					 tk.t[i].kind == SCAN_TOK_URL ? "URL" : tk.t[i].text,
					 (unsigned)tk.t[i].start, (unsigned)tk.t[i].end);
}

static void
expect(const char *in, const char *want)
{
	char got[2048];

	render(in, got, sizeof(got));
	assert_string_equal(got, want);
}

static void
test_words(void **state)
{
	(void)state;
	expect("Camat ikut KAMPANYE.", "camat@0-5 ikut@6-10 kampanye@11-19");
	expect("guru-guru PNS", "guru@0-4 guru@5-9 pns@10-13");
	expect("Rudy Mas'ud", "rudy@0-4 masud@5-11");
	expect("Mas\xE2\x80\x99ud", "masud@0-8");               /* curly apostrophe */
	expect("'lanjutkan pak!'", "lanjutkan@1-10 pak@11-14"); /* quotes are not apostrophes */
	expect("yél-yél", "yel@0-4 yel@5-9");
	expect("e\xCC\x81xito", "exito@0-7"); /* combining acute inside the word */
	expect("", "");
	expect("  \t\n ", "");
}

static void
test_styled_and_scripts(void **state)
{
	(void)state;
	/* mathematical sans-serif bold "PNS 02" */
	expect("\xF0\x9D\x97\xA3\xF0\x9D\x97\xA1\xF0\x9D\x97\xA6 \xF0\x9D\x9F\xAC\xF0\x9D\x9F\xAE",
	       "pns@0-12 02@13-21");
	/* fullwidth */
	expect("\xEF\xBC\xA1\xEF\xBC\xB3\xEF\xBC\xAE", "asn@0-9");
	/* a CJK word stays one token, the Latin one next to it too */
	expect("\xE6\x9D\xB1\xE4\xBA\xAC dan Samarinda",
	       "\xE6\x9D\xB1\xE4\xBA\xAC@0-6 dan@7-10 samarinda@11-20");
}

static void
test_tags_urls(void **state)
{
	struct toks tk;

	(void)state;
	expect("#2024GantiPresiden ok", "#2024gantipresiden@0-18 ok@19-21");
	expect("#asn_netral", "#asnnetral@0-11");
	expect("@bawaslu_kaltim.", "@bawaslu_kaltim@0-15");
	expect("@prabowogibran.kaltim keren", "@prabowogibran.kaltim@0-21 keren@22-27");
	expect("baca https://kaltimtoday.co/a?b=1 lalu", "baca@0-4 URL@5-33 lalu@34-38");
	expect("www.contoh.id/x ok", "URL@0-15 ok@16-18");
	expect("kirim ke user@example.com ya", "kirim@0-5 ke@6-8 URL@9-25 ya@26-28");
	expect("# lone hash", "lone@2-6 hash@7-11");
	tokenise("#PrabowoGibran", &tk);
	assert_int_equal(tk.n, 1);
	assert_int_equal(tk.t[0].kind, SCAN_TOK_HASHTAG);
	tokenise("@bawaslu", &tk);
	assert_int_equal(tk.t[0].kind, SCAN_TOK_MENTION);
}

static void
test_emoji(void **state)
{
	(void)state;
	expect("salam \xE2\x9C\x8C\xEF\xB8\x8F", "salam@0-5 <pose_jari_2>@6-12"); /* ✌️ */
	expect("\xE2\x9C\x8C\xF0\x9F\x8F\xBD!", "<pose_jari_2>@0-7");             /* ✌🏽 */
	expect("\xE2\x98\x9D\xF0\x9F\x8F\xBB\xE2\x98\x9D", "<pose_jari_1>@0-7 <pose_jari_1>@7-10");
	expect("\xF0\x9F\xA4\x9F", "<pose_jari_3>@0-4");
	expect("lucu \xF0\x9F\x98\x82 banget", "lucu@0-4 banget@10-16"); /* unmapped: separator */
	/* keycap digits 0️⃣2️⃣ become the number 02 */
	expect("\x30\xEF\xB8\x8F\xE2\x83\xA3\x32\xEF\xB8\x8F\xE2\x83\xA3", "02@0-14");
}

static void
test_flags(void **state)
{
	struct toks tk;
	char longw[300];

	(void)state;
	tokenise("dukunggg paslon", &tk);
	assert_int_equal(tk.n, 2);
	assert_true(tk.t[0].flags & SCAN_TOKF_STRETCHED);
	assert_false(tk.t[1].flags & SCAN_TOKF_STRETCHED);
	tokenise("saat maaf", &tk);
	assert_false(tk.t[0].flags & SCAN_TOKF_STRETCHED);
	tokenise("dukung02 2024", &tk);
	assert_true(tk.t[0].flags & SCAN_TOKF_MIXED);
	assert_int_equal(tk.t[0].kind, SCAN_TOK_WORD);
	assert_int_equal(tk.t[1].kind, SCAN_TOK_NUMBER);

	/* a very long token is consumed whole, truncated and flagged */
	memset(longw, 'a', 200);
	memcpy(longw + 200, "b c", 4);
	tokenise(longw, &tk);
	assert_int_equal(tk.n, 2);
	assert_true(tk.t[0].flags & SCAN_TOKF_LONG);
	assert_int_equal(tk.t[0].len, SCAN_TOKEN_MAX);
	assert_int_equal(tk.t[0].end, 201);
	assert_string_equal(tk.t[1].text, "c");
	/* the text is zero-padded for word-wise hashing */
	tokenise("ab", &tk);
	assert_int_equal(tk.t[0].text[2], 0);
	assert_int_equal(tk.t[0].text[7], 0);
	assert_int_equal(tk.t[0].w[0], (uint64_t)'a' | (uint64_t)'b' << 8);
}

static void
test_sentences(void **state)
{
	struct toks tk;

	(void)state;
	tokenise("ASN netral. Camat ikut!\nLurah juga? ya", &tk);
	assert_int_equal(tk.n, 8);
	assert_false(tk.t[0].flags & SCAN_TOKF_SENT);
	assert_true(tk.t[2].flags & SCAN_TOKF_SENT);  /* Camat */
	assert_false(tk.t[3].flags & SCAN_TOKF_SENT); /* ikut */
	assert_true(tk.t[4].flags & SCAN_TOKF_SENT);  /* Lurah */
	assert_int_equal(tk.t[6].kind, SCAN_TOK_QUESTION);
	assert_string_equal(tk.t[6].text, "<tanya>");
	assert_true(tk.t[7].flags & SCAN_TOKF_SENT); /* ya */
	/* a decimal point is not a boundary; "???" is one question */
	tokenise("2.8 juta??? ok", &tk);
	assert_int_equal(tk.n, 5);
	assert_false(tk.t[1].flags & SCAN_TOKF_SENT);
	assert_int_equal(tk.t[3].kind, SCAN_TOK_QUESTION);
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	/* invalid bytes separate words and never crash or join */
	expect("ca\xFFmat \xC3 \xE2\x9C", "ca@0-2 mat@3-6");
	expect("\x80\x80\x80", "");
	expect("ok\xED\xA0\x80ok", "ok@0-2 ok@5-7");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),        cmocka_unit_test(test_styled_and_scripts),
		cmocka_unit_test(test_tags_urls),    cmocka_unit_test(test_emoji),
		cmocka_unit_test(test_flags),        cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_invalid_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
