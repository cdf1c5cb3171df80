/*
 * bench_regions.c - how fast the region table loads from the embedded CSV,
 * how much memory it holds, how many searches and identifier parses per
 * second one core does.  Prints figures; asserts nothing.
 *
 * Budget (issue 3): rules + calendars + regions load in < 50 ms together;
 * the aim for regions alone is < 20 ms with a modest RSS, since the server
 * loads it at start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datetime.h"
#include "ident/ident.h"
#include "ident/region.h"

#define LOADS 15

static long
rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static void
bench_search(const struct region_table *t, const char *q, int level, const char *parent)
{
	struct region_hit hits[REGION_LIMIT_DEFAULT];
	struct errbuf eb;
	size_t n = 0, total = 0;
	int64_t t0, us;
	long i, iters = 0;

	t0 = clock_mono_us();
	do {
		for (i = 0; i < 50; i++)
			if (region_search(t, q, level, parent, REGION_LIMIT_DEFAULT, hits, &n,
					  &total, &eb) < 0) {
				printf("   search '%s' failed: %s\n", q, eb.msg);
				return;
			}
		iters += 50;
		us = clock_mono_us() - t0;
	} while (us < 300000);
	printf("   search %-22s level %d parent %-5s %6zu matches  %8.0f searches/s  (%.3f ms "
	       "each)\n",
	       q, level, parent ? parent : "-", total, (double)iters * 1e6 / (double)us,
	       (double)us / 1000.0 / (double)iters);
}

int
main(void)
{
	struct region_table *t = NULL;
	struct ident_limits lim;
	struct errbuf eb;
	int64_t times[LOADS], t0, first = 0;
	long rss0, rss1 = 0, rss2;
	int i;

	rss0 = rss_kib();
	for (i = 0; i < LOADS; i++) {
		t0 = clock_mono_us();
		if (region_table_load(&t, NULL, &eb) < 0) {
			printf("load failed: %s\n", eb.msg);
			return 1;
		}
		times[i] = clock_mono_us() - t0;
		if (i == 0) {
			first = times[0];
			rss1 = rss_kib();
		}
		if (i + 1 < LOADS)
			region_table_free(t);
	}
	rss2 = rss_kib();
	qsort(times, LOADS, sizeof(times[0]), cmp_i64);
	printf("   region table (embedded data/regions/wilayah.csv, %zu regions)\n",
	       region_table_count(t, 0));
	printf("   load: first %.2f ms, median %.2f ms, min %.2f ms over %d loads\n",
	       (double)first / 1000.0, (double)times[LOADS / 2] / 1000.0, (double)times[0] / 1000.0,
	       LOADS);
	printf("   RSS: %ld KiB before, %ld KiB after the first load (+%ld KiB, including the "
	       "touched embedded CSV), %ld KiB after %d loads/frees\n",
	       rss0, rss1, rss1 - rss0, rss2, LOADS);
	t0 = clock_mono_us();
	if (ident_limits_load(&lim, NULL, &eb) < 0) {
		printf("limits failed: %s\n", eb.msg);
		return 1;
	}
	printf("   identifier limits load: %.3f ms\n", (double)(clock_mono_us() - t0) / 1000.0);

	bench_search(t, "kutai tim", 0, NULL);
	bench_search(t, "samarinda", 0, NULL);
	bench_search(t, "sungai", 0, NULL);
	bench_search(t, "a", 0, NULL);
	bench_search(t, "tidakadanamaseperti", 0, NULL);
	bench_search(t, "64.08", 0, NULL);
	bench_search(t, "sangatta", 4, "64.08");
	bench_search(t, "", 2, "64");

	{
		static const char *const nums[] = {"198609262015051001", "199009132025242014",
						   "6408014609860001",   "6405012902040001",
						   "198613102015051001", "6408013209860001"};
		struct ident_opts o = {t, &lim, {2025, 6, 1}};
		struct ident_result r;
		long iters = 0;
		int64_t us;
		size_t k;

		t0 = clock_mono_us();
		do {
			for (k = 0; k < 6 * 100; k++)
				(void)ident_parse(nums[k % 6], strlen(nums[k % 6]), &o, &r, &eb);
			iters += 600;
			us = clock_mono_us() - t0;
		} while (us < 300000);
		printf("   ident_parse (mix of NIP, NI PPPK, NIK, valid and invalid): %.0f "
		       "parses/s\n",
		       (double)iters * 1e6 / (double)us);
	}
	region_table_free(t);
	return 0;
}
