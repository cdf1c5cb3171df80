/*
 * bench_publik.c - what the public pages cost on the server, without the
 * network: the laporan form's fields to the report JSON with every check
 * (per-block parse, NIK/NIP through ident), rendering the pages from the
 * golden fixtures' contexts (form, form with errors, receipt with its QR
 * code, status, decision aid answer), and the decision aid's check run.
 *
 * Prints medians of repeated batches and the page sizes; asserts nothing.
 * Run from the repository root (it reads tests/golden/templates/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar/calendar.h"
#include "check/check.h"
#include "core/config.h"
#include "ident/ident.h"
#include "ident/region.h"
#include "web/boleh_query.h"
#include "web/i18n.h"
#include "web/lapor_form.h"
#include "web/tmpl.h"

#define BATCHES 9

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static const char FORM[] =
	"pemilihan=pemilu2024&pelapor.nama=Siti+Rahmawati&pelapor.alamat=Jl.+Yos+Sudarso+12"
	"&pelapor.nik=6408014512900003&pelapor.telepon=081234567890&pelapor.email=siti%40contoh.id"
	"&pelapor.kewarganegaraan=Indonesia&terlapor%5B0%5D.nama=Drs.+Ahmad+Yani"
	"&terlapor%5B0%5D.nip=197805122005011003&terlapor%5B0%5D.status=PNS"
	"&terlapor%5B0%5D.instansi=Dinas+Pendidikan&terlapor%5B0%5D.jabatan=Kepala+Bidang"
	"&peristiwa.uraian=Terlapor+mengunggah+foto+bersama+calon+anggota+DPRD+dengan+pose+dua+jari"
	"&peristiwa.tempat=Sangatta+Utara&wilayah.provinsi=64&wilayah.kabkota=64.08"
	"&wilayah.kecamatan=64.08.01&peristiwa.waktu_kejadian=2024-02-05"
	"&peristiwa.waktu_diketahui=2024-02-06&saksi%5B0%5D.nama=Rudi&saksi%5B0%5D.alamat=Sangatta"
	"&bukti%5B0%5D.url=https%3A%2F%2Ffacebook.com%2Fcontoh%2Fposts%2F1&aksi=kirim";

static void
bench_form(const struct ident_opts *o)
{
	double per[BATCHES];
	int b, i, n = 2000;
	size_t errors = 0;

	for (b = 0; b < BATCHES; b++) {
		double t0 = now_s();

		for (i = 0; i < n; i++) {
			struct arena a;
			struct form f;
			struct lapor_errors errs = {.n = 0};
			json_t *doc;

			arena_init(&a, 16 * 1024);
			form_parse(&a, FORM, sizeof(FORM) - 1, &f, NULL);
			doc = lapor_form_to_json(&f);
			errors += lapor_form_check(&a, &f, doc, o, &errs);
			json_decref(doc);
			arena_release(&a);
		}
		per[b] = (now_s() - t0) / n;
	}
	printf("  laporan form -> report JSON + all checks (ident on): %.1f us per form%s\n",
	       median(per, BATCHES) * 1e6, errors ? " (UNEXPECTED ERRORS)" : "");
}

static json_t *
fixture(const char *name)
{
	char path[256];
	json_error_t je;
	json_t *ctx;

	snprintf(path, sizeof(path), "tests/golden/templates/%s.json", name);
	ctx = json_load_file(path, 0, &je);
	if (ctx == NULL)
		fprintf(stderr, "bench_publik: %s: %s (run from the repository root)\n", path,
			je.text);
	return ctx;
}

static void
bench_render(struct tmpl_set *set, const struct i18n *lang, const char *tmpl, const char *name)
{
	json_t *ctx = fixture(name);
	double per[BATCHES];
	size_t bytes = 0;
	int b, i, n = 500;

	if (ctx == NULL)
		return;
	for (b = 0; b < BATCHES; b++) {
		double t0 = now_s();

		for (i = 0; i < n; i++) {
			struct buf out;
			struct errbuf eb;

			buf_init(&out, 8 * 1024 * 1024);
			tmpl_render(set, tmpl, ctx, lang, &out, &eb);
			bytes = out.len;
			buf_release(&out);
		}
		per[b] = (now_s() - t0) / n;
	}
	printf("  render %-28s %6zu bytes  %7.1f us\n", name, bytes, median(per, BATCHES) * 1e6);
	json_decref(ctx);
}

static void
bench_check(const struct check_service *s, const char *label, const char *query)
{
	double per[BATCHES];
	int b, i, n = 500;

	for (b = 0; b < BATCHES; b++) {
		double t0 = now_s();

		for (i = 0; i < n; i++) {
			struct arena a;
			struct form q;
			struct errbuf eb;
			json_t *req, *answer = NULL;
			bool asked;

			arena_init(&a, 16 * 1024);
			form_parse(&a, query, strlen(query), &q, NULL);
			req = boleh_request_json(&q, &asked);
			check_run(s, req, &a, &answer, NULL, &eb);
			json_decref(answer);
			json_decref(req);
			arena_release(&a);
		}
		per[b] = (now_s() - t0) / n;
	}
	printf("  /boleh question -> check_run (%s): %.1f us\n", label, median(per, BATCHES) * 1e6);
}

int
main(void)
{
	struct region_table *regions = NULL;
	struct ident_limits limits;
	struct ident_opts o;
	struct tmpl_set *set = NULL;
	struct i18n *id = NULL;
	struct calendar *cal = NULL;
	struct check_service *check = NULL;
	struct config cfg;
	struct errbuf eb;

	config_init(&cfg);
	if (region_table_load(&regions, NULL, &eb) < 0 ||
	    ident_limits_load(&limits, NULL, &eb) < 0 || tmpl_set_load(&set, NULL, &eb) < 0 ||
	    i18n_load_embedded("id", &id, &eb) < 0 || calendar_load(&cal, NULL, &eb) < 0 ||
	    check_service_new(&check, &cfg, cal, &eb) < 0) {
		fprintf(stderr, "bench_publik: %s\n", eb.msg);
		return 1;
	}
	o.regions = regions;
	o.limits = &limits;
	o.today = (struct date){2024, 2, 9};
	printf("public pages (median of %d batches)\n", BATCHES);
	bench_form(&o);
	bench_render(set, id, "lapor", "lapor");
	bench_render(set, id, "lapor", "lapor--salah");
	bench_render(set, id, "lapor_terima", "lapor_terima");
	bench_render(set, id, "status_kode", "status_kode");
	bench_render(set, id, "boleh", "boleh--dilarang");
	bench_render(set, id, "home", "home--pemilihan");
	bench_check(check, "butir D-6",
		    "butir=D-6&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024");
	bench_check(check, "free text",
		    "teks=Kepala+dinas+membagikan+unggahan+calon+presiden+di+Facebook+dan+mengajak+"
		    "bawahannya+memilih&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024");
	check_service_free(check);
	calendar_free(cal);
	i18n_free(id);
	tmpl_set_free(set);
	region_table_free(regions);
	return 0;
}
