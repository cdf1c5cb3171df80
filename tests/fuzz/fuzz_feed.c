/*
 * fuzz_feed.c - the input readers on arbitrary bytes.
 *
 * The first byte picks the reader: JSON lines (every line of the rest),
 * RSS/Atom through libxml2, or HTML to text.  Decoded JSON slices must
 * lie inside the line or the scratch buffer; nothing may crash, leak or
 * read out of bounds.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
inside(struct str s, const char *a, size_t an, const struct buf *b)
{
	if (s.ptr == NULL)
		return true;
	if (s.ptr >= a && s.ptr + s.len <= a + an)
		return true;
	return b->data && s.ptr >= b->data && s.ptr + s.len <= b->data + b->len;
}

static int
on_item(void *arg, const struct feed_item *it)
{
	size_t *n = arg;

	if (it->text.len && it->text.ptr == NULL)
		abort();
	(*n)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	struct errbuf eb;
	struct buf scratch;

	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		buf_init(&scratch, FEED_LINE_MAX + 64);
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t len = (size_t)((nl ? nl : end) - p);
			struct feed_item it;

			if (feed_jsonl_parse(p, len, &it, &scratch, &eb) == 0) {
				if (!inside(it.id, p, len, &scratch) ||
				    !inside(it.text, p, len, &scratch) ||
				    !inside(it.label, p, len, &scratch) ||
				    !inside(it.url, p, len, &scratch))
					abort();
			}
			p = nl ? nl + 1 : end;
		}
		buf_release(&scratch);
		break;
	case 1: {
		size_t n = 0;

		feed_xml_parse_mem(p, (size_t)(end - p), on_item, &n, &eb);
		break;
	}
	default: {
		struct buf out;

		buf_init(&out, 4 * size + 16);
		feed_html_text(&out, p, (size_t)(end - p));
		buf_release(&out);
		break;
	}
	}
	return 0;
}
