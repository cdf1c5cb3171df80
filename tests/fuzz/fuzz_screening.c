/*
 * fuzz_screening.c - the screening module's parsers on arbitrary bytes.
 *
 * The first byte picks the target: item times, handle and platform names,
 * UTF-8 cleaning and cutting, the marked HTML (text and spans split at the
 * first NUL: "TEXT\0SPANS-JSON"), or an account list (CSV or JSON lines).
 * Beyond not crashing, the properties checked are: cleaned text is valid
 * UTF-8; a cut ends on a character boundary; the marked HTML holds no '<'
 * or '"' that netra did not write (every '<' starts <mark or </mark>), so
 * no text or span field can inject markup.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "screening/screening.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_html(const char *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (h[i] != '<')
			continue;
		if (strncmp(h + i, "<mark class=\"k-", 15) != 0 &&
		    strncmp(h + i, "</mark>", 7) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1;
	size_t n = size ? size - 1 : 0;

	if (size == 0)
		return 0;
	switch (data[0] % 5) {
	case 0: {
		int64_t t;

		(void)screening_time_parse(p, n, &t);
		break;
	}
	case 1: {
		char out[128];

		if (screening_handle_norm(p, n, out, sizeof(out)) == 0 &&
		    (out[0] == '\0' || !utf8_valid(out, strlen(out))))
			abort();
		(void)screening_platform_norm(p, n, out, sizeof(out));
		break;
	}
	case 2: {
		struct buf b = BUF_INIT;
		size_t k;

		screening_utf8_clean(&b, p, n);
		if (!utf8_valid(buf_cstr(&b), b.len) || memchr(buf_cstr(&b), '\0', b.len))
			abort();
		k = screening_utf8_cut(buf_cstr(&b), b.len, n / 2);
		if (k > n / 2 || !utf8_valid(buf_cstr(&b), k))
			abort();
		buf_release(&b);
		break;
	}
	case 3: {
		const char *nul = memchr(p, '\0', n);
		size_t tlen = nul ? (size_t)(nul - p) : n;
		json_t *spans = nul ? json_loadb(nul + 1, n - tlen - 1, 0, NULL) : NULL;
		struct buf text = BUF_INIT, out = BUF_INIT;

		/* the store holds clean text; the marks must survive any spans */
		screening_utf8_clean(&text, p, tlen);
		screening_highlight_html(&out, buf_cstr(&text), text.len, spans, NULL);
		check_html(buf_cstr(&out), out.len);
		json_decref(spans);
		buf_release(&text);
		buf_release(&out);
		break;
	}
	default: {
		struct screening_account *rows;
		struct arena a;
		struct errbuf eb;
		size_t nrows, i;

		arena_init(&a, 4096);
		if (screening_accounts_parse(&a, p, n, (enum screening_list_format)(data[0] % 3),
					     NULL, &rows, &nrows, &eb) == 0)
			for (i = 0; i < nrows; i++)
				if (rows[i].handle == NULL || rows[i].name == NULL)
					abort();
		arena_release(&a);
		break;
	}
	}
	return 0;
}
