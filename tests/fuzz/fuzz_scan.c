/*
 * fuzz_scan.c - the screening engine on arbitrary bytes.
 *
 * The embedded lexicon is loaded once; every input is screened twice on
 * the same context (the second pass runs from the token cache and must
 * agree with the first), rendered as JSON, explanation and summary, and
 * the outputs must be valid UTF-8 with spans inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "scan/scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct scan_lexicon *lex;
static struct scan_ctx *ctx;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct scan_result r;
	struct buf out;
	float score;
	size_t i, n;
	int label;

	if (lex == NULL) {
		struct errbuf eb;

		if (scan_lexicon_load(&lex, NULL, &eb) < 0)
			abort();
		ctx = scan_ctx_new(lex);
	}
	scan_text(ctx, text, size, size % 2 ? SCAN_AUTHOR_ASN : 0, &r);
	for (i = 0; i < r.nmatches; i++)
		if (r.matches[i].start > r.matches[i].end || r.matches[i].end > size)
			abort();
	if (!(r.score >= 0 && r.score <= 1))
		abort();
	buf_init(&out, (size_t)-1);
	scan_result_json(&out, ctx, &r, text, size < 64 ? size : 64, text, size, size % 3 == 0);
	if (!utf8_valid(buf_cstr(&out), out.len))
		abort();
	buf_reset(&out);
	scan_result_explain(&out, ctx, &r, text, size);
	scan_result_summary(&out, ctx, &r, "id", 2, text, size);
	if (!utf8_valid(buf_cstr(&out), out.len))
		abort();
	buf_release(&out);
	score = r.score;
	label = r.label;
	n = r.nmatches;
	scan_text(ctx, text, size, size % 2 ? SCAN_AUTHOR_ASN : 0, &r);
	if (r.score != score || (int)r.label != label || r.nmatches != n)
		abort();
	return 0;
}
