/*
 * fuzz_multipart.c - the multipart/form-data parser on arbitrary bytes.
 *
 * Input: the first line is the request's Content-Type, the rest the body
 * (the seed corpus holds bodies captured from curl -F and Chromium).  On
 * success every promise of multipart.h is checked: limits respected, data
 * inside the body, names and filenames clean UTF-8 labels.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_label(const char *s, int is_filename)
{
	size_t i, n = strlen(s);

	if (!utf8_valid(s, n))
		abort();
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			abort();
		if (is_filename && (c == '/' || c == '\\'))
			abort();
	}
	if (is_filename && (n > MULTIPART_FILENAME_MAX || strcmp(s, "..") == 0))
		abort();
	if (!is_filename && n == 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct multipart_limits lim = {8, 4096, 512};
	const char *nl = memchr(data, '\n', size);
	size_t ctlen = nl ? (size_t)(nl - (const char *)data) : size;
	char *ct = malloc(ctlen + 1);
	const char *body = nl ? nl + 1 : (const char *)data + size;
	size_t blen = size - (size_t)(body - (const char *)data), i;
	struct multipart_part *parts;
	struct arena a;
	struct errbuf eb;
	size_t n;

	memcpy(ct, data, ctlen);
	ct[ctlen] = '\0';
	arena_init(&a, 4096);
	if (multipart_parse(&a, ct, body, blen, &lim, &parts, &n, &eb) == 0) {
		if (n > lim.max_parts)
			abort();
		for (i = 0; i < n; i++) {
			const struct multipart_part *p = &parts[i];

			if (p->len > lim.max_part_bytes || p->data < body ||
			    p->data + p->len > body + blen)
				abort();
			check_label(p->name, 0);
			if (p->filename)
				check_label(p->filename, 1);
			if (p->content_type == NULL)
				abort();
		}
	} else if (eb.kind != ERR_INVALID_INPUT && eb.kind != ERR_PAYLOAD_TOO_LARGE &&
		   eb.kind != ERR_UNSUPPORTED_MEDIA) {
		abort();
	} else if (!utf8_valid(eb.msg, strlen(eb.msg))) {
		abort();
	}
	arena_release(&a);
	free(ct);
	return 0;
}
