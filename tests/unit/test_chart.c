/*
 * test_chart.c - the SVG charts: well-formed XML (parsed with libxml2), an
 * accessible name (role, <title>, <desc>, aria-labelledby), no inline
 * style (the CSP forbids it), escaped labels, shortened long labels, no
 * bar for a hidden (suppressed) count, and bars in proportion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/chart.h"

static void
assert_svg(const struct buf *b)
{
	xmlDocPtr doc = xmlReadMemory(buf_cstr(b), (int)b->len, "chart.svg", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_non_null(strstr(buf_cstr(b), "role=\"img\""));
	assert_null(strstr(buf_cstr(b), "style="));
	assert_null(strstr(buf_cstr(b), "<script"));
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static void
test_hbar(void **state)
{
	struct chart c = {"uji<1>", "Judul & <b>tebal</b>", "Ringkasan", false};
	struct chart_bar bars[] = {
		{"Kabupaten Kutai Timur", 1234, NULL, false, NULL},
		{"<script>alert(1)</script>", 617, NULL, false, NULL},
		{"Kota Bontang", 0, "< 5", true, NULL},
		{"Nama wilayah yang sangat panjang sekali melebihi batas tampilan", 10, NULL, false,
		 NULL},
	};
	struct buf b = BUF_INIT;

	(void)state;
	chart_hbar(&b, &c, bars, 4);
	assert_svg(&b);
	/* the id keeps only id characters; title and desc are referenced */
	assert_non_null(strstr(buf_cstr(&b), "aria-labelledby=\"uji1-t uji1-d\""));
	assert_non_null(strstr(buf_cstr(&b), "<title id=\"uji1-t\">Judul &amp; &lt;b&gt;tebal"));
	assert_non_null(strstr(buf_cstr(&b), "&lt;script&gt;"));
	/* thousands separator */
	assert_non_null(strstr(buf_cstr(&b), ">1.234<"));
	/* the hidden count has its text and no bar: three bars for four rows */
	assert_non_null(strstr(buf_cstr(&b), "&lt; 5"));
	assert_int_equal(count(buf_cstr(&b), "<rect"), 3);
	/* the long label is shortened on the axis, whole in its <title> */
	assert_non_null(strstr(buf_cstr(&b), "…</text>"));
	assert_non_null(strstr(buf_cstr(&b), "melebihi batas tampilan: 10"));
	/* the longest bar is twice the second */
	{
		int x1, y1, w1 = 0, h1, x2, y2, w2 = 0, h2;
		const char *r = strstr(buf_cstr(&b), "<rect");

		assert_non_null(r);
		assert_int_equal(sscanf(r, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"",
					&x1, &y1, &w1, &h1),
				 4);
		r = strstr(r + 1, "<rect");
		assert_non_null(r);
		assert_int_equal(sscanf(r, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"",
					&x2, &y2, &w2, &h2),
				 4);
		assert_true(w1 > 0 && w2 > 0);
		assert_true(abs(w1 - 2 * w2) <= 1);
	}
	buf_release(&b);

	/* English separators */
	c.english = true;
	chart_hbar(&b, &c, bars, 1);
	assert_non_null(strstr(buf_cstr(&b), ">1,234<"));
	buf_release(&b);
}

static void
test_columns(void **state)
{
	struct chart c = {"tren", "Tren", NULL, false};
	struct chart_bar bars[30];
	char labels[30][16];
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < 30; i++) {
		snprintf(labels[i], sizeof(labels[i]), "2024-%02zu", i % 12 + 1);
		bars[i] = (struct chart_bar){labels[i], (int64_t)(i * 7 % 13), NULL, false, NULL};
	}
	bars[5].tick = "Apr '24"; /* 30 columns, a label every 5th */
	chart_columns(&b, &c, bars, 30);
	assert_svg(&b);
	/* 30 periods, labels thinned to at most 7 on the axis (plus grid labels) */
	assert_int_equal(count(buf_cstr(&b), "<g><title>"), 30);
	assert_true(count(buf_cstr(&b), "text-anchor=\"middle\"") <= 7);
	assert_non_null(strstr(buf_cstr(&b), ">Apr &#39;24</text>"));
	buf_release(&b);
	/* empty: still a valid picture */
	chart_columns(&b, &c, bars, 0);
	assert_svg(&b);
	buf_release(&b);
}

static void
test_stacked(void **state)
{
	struct chart c = {"ppk", "Kepatuhan PPK", "Ringkasan", false};
	const struct chart_series series[] = {
		{"Disanksi", 1}, {"Tidak ditindaklanjuti", 2}, {"Dieskalasi", 3}, {"Menunggu", 99}};
	int64_t v1[] = {3, 1, 0, 2}, v2[] = {0, 0, 0, 0};
	struct chart_stack_row rows[] = {{"Bupati Kutai Timur", v1}, {"Wali Kota Bontang", v2}};
	struct buf b = BUF_INIT;

	(void)state;
	chart_stacked(&b, &c, series, 4, rows, 2);
	assert_svg(&b);
	/* legend squares (4) and the three non-zero segments of the first row */
	assert_int_equal(count(buf_cstr(&b), "<rect"), 4 + 3);
	assert_non_null(
		strstr(buf_cstr(&b), "Bupati Kutai Timur: Disanksi 3, Tidak ditindaklanjuti 1"));
	/* each series its own colour; an unknown colour index falls back */
	assert_non_null(strstr(buf_cstr(&b), "fill=\"#1f6f3a\""));
	assert_non_null(strstr(buf_cstr(&b), "fill=\"#9b1c1c\""));
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hbar),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_stacked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
