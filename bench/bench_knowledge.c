/*
 * bench_knowledge.c - the whole legal knowledge base loaded the way the
 * server loads it at start-up: the calendar (elections, holidays, zones,
 * deadline rules), the rule catalog with its readings (check service) and
 * the region table.  Issue 3 target: < 50 ms together.  Also the mean and
 * p99 of one free-text check after load (target < 1 ms).
 */
#include <stdio.h>
#include <stdlib.h>

#include "calendar/calendar.h"
#include "check/check.h"
#include "core/config.h"
#include "core/datetime.h"
#include "ident/region.h"

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(void)
{
	static const char *const texts[] = {
		"Seorang camat mengumpulkan kepala desa dan mengajak mendukung pasangan calon "
		"nomor 2",
		"Guru PPPK mengunggah foto bersama calon bupati dengan pose dua jari di Facebook",
		"ASN hadir di kampanye hanya sebagai pendengar tanpa atribut",
		"Kepala dinas membuat keputusan yang menguntungkan salah satu calon gubernur",
		"Pegawai kelurahan memasang spanduk bakal calon anggota DPRD di kantor",
	};
	struct config cfg;
	double t[20], c[500];
	int i;

	config_init(&cfg);
	for (i = 0; i < 20; i++) {
		struct calendar *cal;
		struct check_service *chk;
		struct region_table *reg;
		struct errbuf eb;
		int64_t t0 = clock_mono_us();

		if (calendar_load(&cal, NULL, &eb) < 0 ||
		    check_service_new(&chk, &cfg, cal, &eb) < 0 ||
		    region_table_load(&reg, NULL, &eb) < 0) {
			fprintf(stderr, "load: %s\n", eb.msg);
			return 1;
		}
		t[i] = (double)(clock_mono_us() - t0) / 1000.0;
		if (i == 19) {
			int k;

			for (k = 0; k < 500; k++) {
				struct arena a;
				json_t *q = json_pack("{s:s, s:s, s:s, s:s}", "text", texts[k % 5],
						      "status", "PNS", "date", "2024-01-10",
						      "election", "pemilu2024"),
				       *ans;
				int64_t c0 = clock_mono_us();

				arena_init(&a, 16384);
				if (check_run(chk, q, &a, &ans, NULL, &eb) < 0)
					return 1;
				c[k] = (double)(clock_mono_us() - c0) / 1000.0;
				json_decref(ans);
				json_decref(q);
				arena_release(&a);
			}
		}
		region_table_free(reg);
		check_service_free(chk);
		calendar_free(cal);
	}
	qsort(t, 20, sizeof(double), cmp);
	qsort(c, 500, sizeof(double), cmp);
	printf("knowledge base load (calendar + rule catalog + 91,599 regions), 20 runs: median "
	       "%.1f ms, max %.1f ms (target < 50 ms)\n",
	       (t[9] + t[10]) / 2, t[19]);
	printf("free-text check incl. JSON in/out, 500 runs: median %.3f ms, p99 %.3f ms (target "
	       "< 1 ms)\n",
	       (c[249] + c[250]) / 2, c[494]);
	return 0;
}
