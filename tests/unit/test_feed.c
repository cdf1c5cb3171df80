/*
 * test_feed.c - the readers: JSON lines (fields, escapes, surrogates,
 * strictness), HTML to text, RSS 2.0 and Atom through libxml2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "feed/feed.h"

static struct buf scratch;

static int
setup(void **state)
{
	(void)state;
	buf_init(&scratch, FEED_LINE_MAX + 64);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	buf_release(&scratch);
	return 0;
}

static int
parse(const char *line, struct feed_item *it, struct errbuf *eb)
{
	return feed_jsonl_parse(line, strlen(line), it, &scratch, eb);
}

static void
assert_str(struct str s, const char *want)
{
	assert_non_null(s.ptr);
	assert_int_equal(s.len, strlen(want));
	assert_memory_equal(s.ptr, want, s.len);
}

static void
test_jsonl_fields(void **state)
{
	struct feed_item it;
	struct errbuf eb;

	(void)state;
	assert_int_equal(
		parse("{\"id\":\"p1\",\"source\":\"x\",\"author\":\"@a\",\"url\":\"u\","
		      "\"ts\":\"2024-01-01\",\"text\":\"Camat ikut\",\"label\":\"unrelated\"}",
		      &it, &eb),
		0);
	assert_str(it.id, "p1");
	assert_str(it.source, "x");
	assert_str(it.author, "@a");
	assert_str(it.url, "u");
	assert_str(it.ts, "2024-01-01");
	assert_str(it.text, "Camat ikut");
	assert_str(it.label, "unrelated");
	/* numeric id, null, unknown keys with nested values, whitespace, BOM */
	assert_int_equal(
		parse("\xEF\xBB\xBF { \"id\" : -12.5e3 , \"extra\": {\"a\":[1,{\"b\":null}],"
		      "\"c\":true}, \"author\": null, \"text\":\"t\" }  ",
		      &it, &eb),
		0);
	assert_str(it.id, "-12.5e3");
	assert_null(it.author.ptr);
	assert_str(it.text, "t");
	/* absent fields; the last duplicate wins */
	assert_int_equal(parse("{\"text\":\"a\",\"text\":\"b\"}", &it, &eb), 0);
	assert_null(it.id.ptr);
	assert_str(it.text, "b");
	assert_int_equal(parse("{}", &it, &eb), 0);
	assert_null(it.text.ptr);
}

/* "ts" as epoch seconds or milliseconds (a JSON integer or digits in a
 * string), read by the one time parser scan and monitor share. */
static void
test_jsonl_ts_epoch(void **state)
{
	struct feed_item it;
	struct errbuf eb;
	int64_t t;

	(void)state;
	assert_int_equal(parse("{\"ts\":1707480000,\"text\":\"a\"}", &it, &eb), 0);
	assert_str(it.ts, "1707480000");
	assert_int_equal(feed_time_parse(it.ts.ptr, it.ts.len, &t), 0);
	assert_int_equal(t, 1707480000);
	assert_int_equal(parse("{\"ts\": 1707480000999 ,\"text\":\"a\"}", &it, &eb), 0);
	assert_int_equal(feed_time_parse(it.ts.ptr, it.ts.len, &t), 0);
	assert_int_equal(t, 1707480000);
	assert_int_equal(feed_time_parse("1707480000", 10, &t), 0);
	assert_int_equal(feed_time_parse("2024-02-09T20:00:00+08:00", 25, &t), 0);
	assert_int_equal(t, 1707480000);
	/* nonsense is refused with a message naming the field */
	assert_int_equal(parse("{\"ts\":1.5,\"text\":\"a\"}", &it, &eb), -1);
	assert_non_null(strstr(eb.msg, "\"ts\""));
	assert_int_equal(parse("{\"ts\":-1707480000,\"text\":\"a\"}", &it, &eb), -1);
	assert_int_equal(parse("{\"ts\":1e9,\"text\":\"a\"}", &it, &eb), -1);
	assert_int_equal(parse("{\"ts\":true,\"text\":\"a\"}", &it, &eb), -1);
	assert_non_null(strstr(eb.msg, "epoch"));
	assert_int_equal(parse("{\"ts\":[1],\"text\":\"a\"}", &it, &eb), -1);
	/* parsed but not a time: the reader decides (scan warns, monitor counts) */
	assert_int_equal(parse("{\"ts\":12345,\"text\":\"a\"}", &it, &eb), 0);
	assert_int_equal(feed_time_parse(it.ts.ptr, it.ts.len, &t), -1);
	assert_int_equal(feed_time_parse("2024-02-09T20:00:00", 19, &t), -1);
	assert_int_equal(feed_time_parse("kemarin", 7, &t), -1);
}

static void
test_jsonl_escapes(void **state)
{
	struct feed_item it;
	struct errbuf eb;

	(void)state;
	assert_int_equal(parse("{\"text\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u2764\"}", &it, &eb), 0);
	assert_str(it.text, "a\"b\\c/d\n\t\xC3\xA9\xE2\x9D\xA4");
	/* a surrogate pair: U+1F600 */
	assert_int_equal(parse("{\"text\":\"x\\ud83d\\ude00y\"}", &it, &eb), 0);
	assert_str(it.text, "x\xF0\x9F\x98\x80y");
	/* lone surrogates become U+FFFD, the next escape is kept */
	assert_int_equal(parse("{\"text\":\"\\ud83d\\u0041 \\ude00\"}", &it, &eb), 0);
	assert_str(it.text, "\xEF\xBF\xBD"
			    "A \xEF\xBF\xBD");
	/* raw UTF-8 and even raw bad bytes pass through for the engine */
	assert_int_equal(parse("{\"text\":\"caf\xC3\xA9 \xFF\"}", &it, &eb), 0);
	assert_str(it.text, "caf\xC3\xA9 \xFF");
	/* escaped key */
	assert_int_equal(parse("{\"t\\u0065xt\":\"ok\"}", &it, &eb), 0);
	assert_str(it.text, "ok");
}

static void
test_jsonl_errors(void **state)
{
	static const char *const bad[] = {
		"",
		"[1]",
		"{\"text\":\"a\"} x",
		"{\"text\":\"a\",}",
		"{\"text\":\"a\"",
		"{\"text\":\"a\001\"}",
		"{\"text\":\"\\x\"}",
		"{\"text\":\"\\u12\"}",
		"{\"text\":12}",
		"{\"id\":[1]}",
		"{\"a\":01}",
		"{\"a\":1.}",
		"{\"a\":tru}",
		"{text:\"a\"}",
		"{\"a\" 1}",
	};
	struct feed_item it;
	struct errbuf eb;
	char deep[400];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse(bad[i], &it, &eb) == 0)
			fail_msg("accepted: %s", bad[i]);
		assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	}
	/* nesting beyond FEED_DEPTH_MAX */
	memset(deep, '[', sizeof(deep));
	memcpy(deep, "{\"a\":", 5);
	deep[sizeof(deep) - 1] = '\0';
	assert_int_equal(parse(deep, &it, &eb), -1);
	assert_non_null(strstr(eb.msg, "terlalu dalam"));
}

static void
test_html(void **state)
{
	struct buf out;
	const char *html = "<p>Camat <b>ikut</b> kampanye</p><p>Bawaslu&nbsp;tahu &amp; "
			   "&#233;&#x41;</p><script>var x='<p>';</script>a < b &bogus;";

	(void)state;
	buf_init(&out, 4096);
	feed_html_text(&out, html, strlen(html));
	assert_string_equal(buf_cstr(&out), "\nCamat ikut kampanye\n\nBawaslu tahu & \xC3\xA9"
					    "A\na < b &bogus;");
	buf_reset(&out);
	feed_html_text(&out, "<a href='x'", 11); /* unterminated tag: kept as text */
	assert_string_equal(buf_cstr(&out), "<a href='x'");
	buf_release(&out);
}

struct collected {
	int n;
	char text[4][256];
	char id[4][64];
	char ts[4][64];
	char author[4][64];
	char source[64];
};

static int
collect(void *arg, const struct feed_item *it)
{
	struct collected *c = arg;

	if (c->n < 4) {
		snprintf(c->text[c->n], sizeof(c->text[0]), "%.*s", (int)it->text.len,
			 it->text.ptr);
		snprintf(c->id[c->n], sizeof(c->id[0]), "%.*s", (int)it->id.len,
			 it->id.ptr ? it->id.ptr : "");
		snprintf(c->ts[c->n], sizeof(c->ts[0]), "%.*s", (int)it->ts.len,
			 it->ts.ptr ? it->ts.ptr : "");
		snprintf(c->author[c->n], sizeof(c->author[0]), "%.*s", (int)it->author.len,
			 it->author.ptr ? it->author.ptr : "");
		snprintf(c->source, sizeof(c->source), "%.*s", (int)it->source.len,
			 it->source.ptr ? it->source.ptr : "");
	}
	c->n++;
	return 0;
}

static void
test_rss(void **state)
{
	const char *rss =
		"<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
		"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		"xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
		"<channel><title>Berita Kaltim</title><image><title>logo</title></image>"
		"<item><title>Camat &amp; kampanye</title><link>https://k.id/1</link>"
		"<guid>g1</guid><pubDate>Mon, 05 Feb 2024 10:00:00 +0800</pubDate>"
		"<dc:creator>Redaksi</dc:creator>"
		"<description>&lt;p&gt;Ringkas&lt;/p&gt;</description>"
		"<content:encoded><![CDATA[<p>Isi <b>lengkap</b></p>]]></content:encoded></item>"
		"<item><title>Kedua</title><link>https://k.id/2</link></item>"
		"</channel></rss>";
	struct collected c;
	struct errbuf eb;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(feed_xml_parse_mem(rss, strlen(rss), collect, &c, &eb), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.text[0], "Camat & kampanye\n\nIsi lengkap\n");
	assert_string_equal(c.id[0], "g1");
	assert_string_equal(c.ts[0], "Mon, 05 Feb 2024 10:00:00 +0800");
	assert_string_equal(c.author[0], "Redaksi");
	assert_string_equal(c.source, "Berita Kaltim");
	assert_string_equal(c.id[1], "https://k.id/2"); /* no guid: the link */
	assert_string_equal(c.text[1], "Kedua\n");
}

static void
test_atom(void **state)
{
	const char *atom =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Umpan</title>"
		"<entry><id>tag:x,1</id><title type=\"html\">Lurah "
		"&lt;b&gt;netral&lt;/b&gt;</title>"
		"<link rel=\"alternate\" "
		"href=\"https://a.id/1\"/><updated>2024-11-01T00:00:00Z</updated>"
		"<author><name>Ani</name></author><summary>ringkas</summary></entry></feed>";
	struct collected c;
	struct errbuf eb;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(feed_xml_parse_mem(atom, strlen(atom), collect, &c, &eb), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.text[0], "Lurah netral\nringkas");
	assert_string_equal(c.id[0], "tag:x,1");
	assert_string_equal(c.author[0], "Ani");
	assert_string_equal(c.ts[0], "2024-11-01T00:00:00Z");
	assert_string_equal(c.source, "Umpan");
}

static void
test_xml_errors(void **state)
{
	struct collected c;
	struct errbuf eb;
	char broken[20000];

	(void)state;
	/* an error far into the document: the items before it are delivered
	 * (the reader parses in chunks, so "far" means a few KB) */
	snprintf(broken, sizeof(broken),
		 "<rss><channel><item><title>ok</title></item>%*s"
		 "<item><title>x</channel>",
		 16000, "");
	memset(&c, 0, sizeof(c));
	assert_int_equal(feed_xml_parse_mem(broken, strlen(broken), collect, &c, &eb), -1);
	assert_int_equal(c.n, 1);
	assert_non_null(strstr(eb.msg, "XML tidak valid"));
	/* an external entity is never fetched or expanded */
	{
		const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM "
				  "\"file:///etc/passwd\">]><rss><channel><item><title>&e;</title>"
				  "</item></channel></rss>";

		memset(&c, 0, sizeof(c));
		feed_xml_parse_mem(xxe, strlen(xxe), collect, &c, &eb);
		assert_null(strstr(c.text[0], "root:"));
	}
	assert_int_equal(feed_xml_parse_mem("", 0, collect, &c, &eb), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_fields),  cmocka_unit_test(test_jsonl_ts_epoch),
		cmocka_unit_test(test_jsonl_escapes), cmocka_unit_test(test_jsonl_errors),
		cmocka_unit_test(test_html),          cmocka_unit_test(test_rss),
		cmocka_unit_test(test_atom),          cmocka_unit_test(test_xml_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
