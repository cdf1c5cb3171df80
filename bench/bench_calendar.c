/*
 * bench_calendar.c - how long loading the calendar takes (built-in data and
 * a knowledge directory on disk), and how many deadlines per second the
 * engine computes (engine alone, and the full request path with JSON).
 *
 * Target (issue 3): rules + calendars + regions load in < 50 ms; this
 * measures the calendars part.  Figures only: nothing is asserted.
 * Run from the repository root (the directory case reads ./data).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/deadline.h"
#include "core/datetime.h"

#define LOAD_RUNS 200

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static void
bench_load(const char *label, const char *dir)
{
	static int64_t us[LOAD_RUNS];
	struct calendar *cal;
	struct errbuf eb;
	int i;

	for (i = 0; i < LOAD_RUNS; i++) {
		int64_t t0 = clock_mono_us();

		if (calendar_load(&cal, dir, &eb) < 0) {
			printf("   load %-10s failed: %s\n", label, eb.msg);
			return;
		}
		us[i] = clock_mono_us() - t0;
		calendar_free(cal);
	}
	qsort(us, LOAD_RUNS, sizeof(us[0]), cmp_i64);
	printf("   calendar load (%s): min %.2f ms, median %.2f ms, max %.2f ms (%d runs)\n", label,
	       us[0] / 1000.0, us[LOAD_RUNS / 2] / 1000.0, us[LOAD_RUNS - 1] / 1000.0, LOAD_RUNS);
}

static const struct {
	const char *rule, *start, *region;
} mix[] = {
	{"pemilu.laporan", "2024-02-09", "64.08"},
	{"pemilu.tindak_lanjut_diperpanjang", "2024-04-05", "31"},
	{"ppk.penyampaian_keputusan", "2024-12-20", "63.71"},
	{"pilkada.tindak_lanjut_diperpanjang", "2024-11-22", "64.08"},
	{"bawaslu.validasi_sbt", "2024-11-26T16:30:00Z", "64.72"},
	{"pemilu.temuan", "2024-02-13T23:30:00+08:00", "81.71"},
	{"ppk.tindak_lanjut", "2024-11-27", "91"},
	{"pemilu.laporan", "2023-12-22", "35"},
};

static void
bench_compute(const struct calendar *cal)
{
	struct deadline_request req[sizeof(mix) / sizeof(mix[0])];
	struct deadline_result res;
	struct calendar_opts o;
	struct errbuf eb;
	size_t n = sizeof(mix) / sizeof(mix[0]), i;
	int64_t t0, elapsed;
	long ops = 0;
	size_t bytes = 0;

	calendar_opts_init(&o);
	deadline_result_init(&res);
	memset(req, 0, sizeof(req));
	for (i = 0; i < n; i++) {
		snprintf(req[i].rule, sizeof(req[i].rule), "%s", mix[i].rule);
		snprintf(req[i].start, sizeof(req[i].start), "%s", mix[i].start);
		snprintf(req[i].region, sizeof(req[i].region), "%s", mix[i].region);
	}

	/* the engine alone: rule, local date, zone already resolved */
	t0 = clock_mono_us();
	do {
		for (i = 0; i < n; i++) {
			const struct deadline_rule *r = deadline_rule_find(
				cal, mix[i].rule, (struct date){2024, 11, 1}, &eb);

			if (r == NULL || deadline_compute(cal, r, (struct date){2024, 2, 9},
							  &tz_wita, &o, &res, &eb) < 0) {
				printf("   compute failed: %s\n", eb.msg);
				return;
			}
			ops++;
		}
		elapsed = clock_mono_us() - t0;
	} while (elapsed < 1000000);
	printf("   deadline_compute: %.0f deadlines/s (with explanation text)\n",
	       ops * 1e6 / (double)elapsed);

	/* the CLI/API path: parse-free request, resolve, compute, to JSON, dump */
	ops = 0;
	t0 = clock_mono_us();
	do {
		for (i = 0; i < n; i++) {
			json_t *j;
			char *s;

			if (deadline_request_run(cal, &req[i], &o, &res, &eb) < 0) {
				printf("   request failed: %s\n", eb.msg);
				return;
			}
			j = deadline_result_to_json(&req[i], &res);
			s = json_dumps(j, JSON_COMPACT);
			bytes += strlen(s);
			free(s);
			json_decref(j);
			ops++;
		}
		elapsed = clock_mono_us() - t0;
	} while (elapsed < 1000000);
	printf("   request -> JSON: %.0f deadlines/s (%zu bytes of JSON each on average)\n",
	       ops * 1e6 / (double)elapsed, bytes / (size_t)ops);
	deadline_result_release(&res);
}

int
main(void)
{
	struct calendar *cal;
	struct errbuf eb;

	bench_load("built-in", NULL);
	bench_load("./data dir", "data");
	if (calendar_load(&cal, NULL, &eb) < 0) {
		printf("   load failed: %s\n", eb.msg);
		return 1;
	}
	printf("   %zu elections, %zu holidays, %zu provinces, %zu deadline rules\n",
	       calendar_election_count(cal), calendar_holiday_count(cal),
	       calendar_province_count(cal), deadline_rule_count(cal));
	bench_compute(cal);
	calendar_free(cal);
	return 0;
}
