/*
 * bench_rules.c - load time of the rule catalog and the election calendar
 * (the regions table belongs to the ident branch and is not measured
 * here), and the time of one free-text check after load, over a few
 * thousand varied texts: the evaluator alone (rules_check) and the whole
 * request path of `netra check --json` (JSON in, calendar, evaluator,
 * JSON out).  Prints figures; targets (issue 3 §5): load < 50 ms, check
 * < 1 ms per case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar/calendar.h"
#include "check/check.h"
#include "core/config.h"
#include "rules/rules.h"

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double
cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *what, double *v, size_t n, const char *unit, double scale)
{
	double sum = 0;
	size_t i;

	qsort(v, n, sizeof(*v), cmp_double);
	for (i = 0; i < n; i++)
		sum += v[i];
	printf("%-46s n=%-5zu mean %8.3f  p50 %8.3f  p99 %8.3f  max %8.3f %s\n", what, n,
	       sum / n / scale, v[n / 2] / scale, v[n * 99 / 100] / scale, v[n - 1] / scale, unit);
}

static const char *const subjects[] = {
	"PNS",
	"Seorang ASN",
	"Camat",
	"Kepala sekolah",
	"Guru PPPK",
	"Kepala dinas",
	"Lurah",
	"Sekretaris desa yang berstatus PNS",
	"Pejabat eselon",
	"ASN di kecamatan",
};
static const char *const actions[] = {
	"memasang spanduk",
	"memberi like dan komentar pada unggahan akun pemenangan",
	"menghadiri deklarasi dan berorasi untuk",
	"ikut kampanye",
	"hadir di kampanye sebagai pendengar untuk",
	"mengajak warga memilih",
	"menjadi tim sukses",
	"mengumpulkan fotokopi KTP untuk",
	"berfoto bersama sambil mengacungkan dua jari dengan",
	"membuat keputusan yang menguntungkan",
	"membagikan sembako bergambar",
	"mendaftar penjaringan bakal calon di partai pengusung",
	"datang dengan mobil dinas ke kampanye",
	"mengunggah video dukungan di TikTok untuk",
	"menggunakan hak pilih di TPS dan tidak mendukung",
	"mengimbau ASN menjaga netralitas terhadap",
};
static const char *const objects[] = {
	"paslon nomor urut 2",
	"calon bupati petahana",
	"caleg DPRD dari partai",
	"bakal calon gubernur",
	"capres",
	"istrinya yang menjadi caleg",
};
static const char *const extras[] = {
	"",
	" pada masa kampanye",
	" di depan kantor kelurahan.",
	" sambil memakai kaos partai",
	" tanpa atribut",
	" dan mengerahkan bawahannya",
	" lewat grup WhatsApp",
	" yg viral bangeeet!!!",
};

#define NTEXTS 4096

int
main(void)
{
	static char texts[NTEXTS][512];
	double *t = malloc(sizeof(double) * NTEXTS), *c = malloc(sizeof(double) * NTEXTS);
	struct rules_catalog *cat;
	struct calendar *cal;
	struct check_service *svc;
	struct rules_options o;
	struct config cfg;
	struct errbuf eb;
	struct arena a;
	size_t i, verdicts[4] = {0};
	double sink = 0;

	for (i = 0; i < NTEXTS; i++)
		snprintf(texts[i], sizeof(texts[i]), "%s %s %s%s", subjects[i % 10],
			 actions[(i / 10) % 16], objects[(i / 160) % 6], extras[(i * 7) % 8]);

	for (i = 0; i < 50; i++) {
		double t0 = now_us();

		if (rules_catalog_load(&cat, NULL, &eb) < 0) {
			fprintf(stderr, "%s\n", eb.msg);
			return 1;
		}
		t[i] = now_us() - t0;
		rules_catalog_free(cat);
	}
	report("rules catalog load (embedded)", t, 50, "ms", 1e3);
	for (i = 0; i < 50; i++) {
		double t0 = now_us();

		if (calendar_load(&cal, NULL, &eb) < 0) {
			fprintf(stderr, "%s\n", eb.msg);
			return 1;
		}
		t[i] = now_us() - t0;
		calendar_free(cal);
	}
	report("election calendar load (embedded)", t, 50, "ms", 1e3);
	for (i = 0; i < 50; i++) {
		double t0 = now_us();

		config_init(&cfg);
		if (calendar_load(&cal, NULL, &eb) < 0 ||
		    check_service_new(&svc, &cfg, cal, &eb) < 0) {
			fprintf(stderr, "%s\n", eb.msg);
			return 1;
		}
		t[i] = now_us() - t0;
		check_service_free(svc);
		calendar_free(cal);
	}
	report("rules + calendar (what netra check loads)", t, 50, "ms", 1e3);

	rules_catalog_load(&cat, NULL, &eb);
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	for (i = 0; i < NTEXTS; i++) {
		struct rules_facts f;
		struct rules_result r;
		double t0, c0;

		rules_facts_init(&f);
		f.text = texts[i];
		f.text_len = strlen(texts[i]);
		f.status = "PNS";
		f.date = (struct date){2024, 1, 10};
		f.has_date = true;
		f.election = RULES_ELECTION_PEMILU;
		f.penetapan = (struct date){2023, 11, 13};
		f.has_penetapan = true;
		t0 = now_us();
		c0 = cpu_us();
		if (rules_check(cat, &o, &f, &a, &r, &eb) < 0) {
			fprintf(stderr, "%s\n", eb.msg);
			return 1;
		}
		c[i] = cpu_us() - c0;
		t[i] = now_us() - t0;
		verdicts[r.verdict]++;
		arena_reset(&a);
	}
	report("rules_check on free text (wall)", t, NTEXTS, "ms", 1e3);
	report("rules_check on free text (thread CPU)", c, NTEXTS, "ms", 1e3);
	printf("  verdicts: pelanggaran %zu, boleh %zu, bukan_asn %zu, tidak_cukup_informasi %zu\n",
	       verdicts[0], verdicts[1], verdicts[2], verdicts[3]);
	rules_catalog_free(cat);

	config_init(&cfg);
	calendar_load(&cal, NULL, &eb);
	check_service_new(&svc, &cfg, cal, &eb);
	for (i = 0; i < NTEXTS; i++) {
		char req[800];
		json_t *ans;
		double t0, c0;

		snprintf(req, sizeof(req),
			 "{\"text\": \"%s\", \"status\": \"PNS\", \"date\": \"2024-01-10\", "
			 "\"election\": \"pemilu2024\"}",
			 texts[i]);
		t0 = now_us();
		c0 = cpu_us();
		if (check_run_text(svc, req, strlen(req), &a, &ans, NULL, &eb) < 0) {
			fprintf(stderr, "%s\n", eb.msg);
			return 1;
		}
		{
			char *out = json_dumps(ans, JSON_COMPACT);

			sink += (double)strlen(out);
			free(out);
		}
		c[i] = cpu_us() - c0;
		t[i] = now_us() - t0;
		json_decref(ans);
		arena_reset(&a);
	}
	report("check request JSON -> answer JSON (wall)", t, NTEXTS, "ms", 1e3);
	report("check request JSON -> answer JSON (CPU)", c, NTEXTS, "ms", 1e3);
	printf("  (mean answer %.0f bytes)\n", sink / NTEXTS);
	check_service_free(svc);
	calendar_free(cal);
	arena_release(&a);
	free(t);
	free(c);
	return 0;
}
