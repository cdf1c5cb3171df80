/*
 * fuzz_chart.c - the SVG charts on arbitrary labels and values.  Input:
 * NUL-separated labels, each followed by 8 bytes of value.  Every chart
 * must be well-formed XML (libxml2 reads it back) and carry no style
 * attribute, whatever the labels hold (markup, broken UTF-8, quotes).
 */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/chart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXB 64

static void
well_formed(const struct buf *b)
{
	xmlDocPtr doc;

	if (buf_failed(b) || strstr(buf_cstr(b), "style=") != NULL)
		abort();
	doc = xmlReadMemory(buf_cstr(b), (int)b->len, "f.svg", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		abort();
	xmlFreeDoc(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chart_bar bars[MAXB];
	struct chart_stack_row rows[MAXB];
	int64_t values[MAXB][3];
	char *copy = malloc(size + 1);
	const struct chart_series series[3] = {{"a", 0}, {"b<c>", 7}, {"d&e", -1}};
	struct chart c = {"f", "Judul", "Ringkasan", (size & 1) != 0};
	struct buf b;
	size_t n = 0, pos = 0;

	memcpy(copy, data, size);
	copy[size] = '\0';
	while (pos < size && n < MAXB) {
		size_t len = strnlen(copy + pos, size - pos);
		int64_t v = 0;

		bars[n].label = copy + pos;
		pos += len + 1;
		if (pos + 8 <= size) {
			memcpy(&v, data + pos, 8);
			pos += 8;
		}
		bars[n].value = v;
		bars[n].text = (v & 3) == 0 ? bars[n].label : NULL;
		bars[n].hidden = (v & 4) != 0;
		bars[n].tick = (v & 8) != 0 ? bars[n].label : NULL;
		values[n][0] = v;
		values[n][1] = v >> 3;
		values[n][2] = -v;
		rows[n].label = bars[n].label;
		rows[n].values = values[n];
		n++;
	}
	/* UTF-8 in labels is the caller's duty; keep only valid text so the
	 * check is about the chart, not the input */
	for (pos = 0; pos < size; pos++)
		if ((unsigned char)copy[pos] >= 0x80 || (copy[pos] > 0 && copy[pos] < 0x20))
			copy[pos] = '?';
	buf_init(&b, 16 << 20);
	chart_hbar(&b, &c, bars, n);
	well_formed(&b);
	buf_release(&b);
	buf_init(&b, 16 << 20);
	chart_columns(&b, &c, bars, n);
	well_formed(&b);
	buf_release(&b);
	buf_init(&b, 16 << 20);
	chart_stacked(&b, &c, series, 3, rows, n);
	well_formed(&b);
	buf_release(&b);
	free(copy);
	return 0;
}
