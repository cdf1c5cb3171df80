/*
 * bench_scan.c - the screening engine alone, in memory: texts per second
 * on real-looking texts (tests/data/scan_labelled.jsonl, long news
 * sentences with many matches), CPU time of this process only, so that
 * other load on the machine does not count.  Prints figures; asserts
 * nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed/feed.h"
#include "scan/scan.h"

#define TARGET_TEXTS 500000

static double
cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "tests/data/scan_labelled.jsonl";
	struct scan_lexicon *lex;
	struct scan_ctx_stats st;
	struct scan_ctx *ctx;
	struct errbuf eb;
	struct buf scratch, out;
	char **texts = NULL, line[65536];
	size_t *lens = NULL, n = 0, cap = 0, i, rounds, bytes = 0, flagged = 0;
	double t0, t1, t2;
	FILE *f;

	t0 = cpu_s();
	if (scan_lexicon_load(&lex, NULL, &eb) < 0) {
		fprintf(stderr, "bench_scan: %s\n", eb.msg);
		return 1;
	}
	t1 = cpu_s();
	f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "bench_scan: cannot open %s (run from the repository root)\n",
			path);
		return 1;
	}
	buf_init(&scratch, FEED_LINE_MAX + 64);
	while (fgets(line, sizeof(line), f)) {
		struct feed_item it;

		if (feed_jsonl_parse(line, strcspn(line, "\n"), &it, &scratch, &eb) < 0 ||
		    it.text.ptr == NULL)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			texts = realloc(texts, cap * sizeof(*texts));
			lens = realloc(lens, cap * sizeof(*lens));
			if (texts == NULL || lens == NULL)
				return 1;
		}
		texts[n] = malloc(it.text.len + 1);
		if (texts[n] == NULL)
			return 1;
		memcpy(texts[n], it.text.ptr, it.text.len);
		lens[n] = it.text.len;
		bytes += it.text.len;
		n++;
	}
	fclose(f);
	buf_release(&scratch);
	if (n == 0)
		return 1;
	rounds = (TARGET_TEXTS + n - 1) / n;
	ctx = scan_ctx_new(lex);
	buf_init(&out, (size_t)-1);
	t2 = cpu_s();
	for (size_t r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++) {
			struct scan_result res;

			scan_text(ctx, texts[i], lens[i], 0, &res);
			if (res.label == SCAN_LABEL_VIOLATION)
				flagged++;
			buf_reset(&out);
			scan_result_json(&out, ctx, &res, "x", 1, texts[i], lens[i], false);
		}
	}
	{
		double secs = cpu_s() - t2, total = (double)rounds * (double)n;

		scan_ctx_get_stats(ctx, &st);
		printf("lexicon load:      %.1f ms CPU\n", (t1 - t0) * 1e3);
		printf("texts:             %zu distinct x %zu rounds = %.0f (avg %.0f bytes, %s)\n",
		       n, rounds, total, (double)bytes / (double)n, path);
		printf("engine + JSON:     %.0f texts/s, %.1f MB/s, %.0f ns/text (CPU time, 1 "
		       "thread)\n",
		       total / secs, (double)bytes * (double)rounds / secs / 1e6,
		       secs / total * 1e9);
		printf("token cache:       %.2f%% hits, %llu stems computed, %llu resets\n",
		       100.0 * (double)st.cache_hits / (double)(st.cache_hits + st.cache_misses),
		       (unsigned long long)st.stems, (unsigned long long)st.cache_resets);
		printf("flagged:           %zu of %.0f\n", flagged, total);
	}
	buf_release(&out);
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	scan_ctx_free(ctx);
	scan_lexicon_free(lex);
	return 0;
}
