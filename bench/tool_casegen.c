/*
 * tool_casegen.c - fill a netra data directory with N synthetic cases for
 * benchmarks (the case list with a million cases): each case with one
 * track, two clocks and its audit event, spread over Kalimantan Timur's ten
 * kab/kota and several states, written through the store's write API in
 * batches of 5,000 cases per transaction, with a valid audit chain.
 *
 * usage: tool_casegen DATA_DIR N   (the offices must exist: bawaslu-64...)
 * NETRA_DB=URL fills that database instead (postgres://... or sqlite:PATH),
 * as `netra --db` would open it; DATA_DIR is then only the data directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "cases/trackcode.h"
#include "core/datetime.h"
#include "store/store.h"

static const char *const kab[] = {"64.01", "64.02", "64.03", "64.07", "64.08",
				  "64.09", "64.11", "64.71", "64.72", "64.74"};
static const char *const states[] = {
	"diterima", "kajian_awal", "diregistrasi", "klarifikasi",
	"kajian",   "diputus",     "selesai",      "tidak_diregistrasi"};

struct gen {
	int64_t office;
	long from, n;
};

static uint64_t rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static int
gen_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct gen *g = arg;
	long i;

	for (i = g->from; i < g->from + g->n; i++) {
		char code[TRACKCODE_LEN], region[16], due[DATE_STRLEN], start[DATE_STRLEN];
		struct store_case_new cn;
		struct store_track_new tn;
		struct store_deadline_new dn;
		struct audit_event ev;
		int64_t id, t = 1701396000 + (int64_t)(i % 40000000) * 7;
		struct date d = time_local_date(t, 480);
		int tries;

		snprintf(region, sizeof(region), "%s.%02u", kab[rnd(10)], 1 + rnd(9));
		memset(&cn, 0, sizeof(cn));
		cn.kind = "laporan";
		cn.election = i % 2 ? "pilkada2024" : "pemilu2024";
		cn.election_kind = i % 2 ? "pilkada" : "pemilu";
		cn.state = states[rnd(8)];
		cn.region_code = region;
		cn.office_id = g->office;
		cn.received_at = t;
		cn.tz = "WITA";
		cn.description =
			"Seorang ASN mengunggah foto bersama calon dengan pose dua jari di "
			"media sosial dan mengajak memilih.";
		cn.missing_json = "[]";
		cn.channel = "bench";
		for (tries = 0;; tries++) {
			trackcode_new(code);
			cn.code = code;
			if (store_case_insert(c, &cn, &id, eb) == 0)
				break;
			if (tries > 5)
				return -1;
		}
		memset(&tn, 0, sizeof(tn));
		tn.name = "Pegawai Contoh";
		tn.status = "PNS";
		tn.state = "proses";
		if (store_track_insert(c, id, &tn, t, NULL, eb) < 0)
			return -1;
		date_format(d, start);
		date_format(date_add_days(d, 7), due);
		memset(&dn, 0, sizeof(dn));
		dn.case_id = id;
		dn.rule = "pemilu.tindak_lanjut";
		dn.start_on = start;
		dn.due_on = due;
		dn.tz = "WITA";
		dn.explanation_json = "{}";
		dn.status = rnd(3) ? "met" : "open";
		if (store_deadline_insert(c, &dn, eb) < 0)
			return -1;
		memset(&ev, 0, sizeof(ev));
		ev.at = t;
		ev.case_id = id;
		ev.actor = "publik";
		ev.kind = "laporan_diterima";
		ev.data = "{\"channel\":\"bench\"}";
		if (audit_append(c, &ev, eb) < 0)
			return -1;
	}
	return 0;
}

static int
office_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	return store_office_get_by_code(c, "bawaslu-64", arg, eb);
}

int
main(int argc, char **argv)
{
	struct store_opts o = {NULL, NULL, 2, 4, false};
	struct store_office off;
	struct store *st;
	struct errbuf eb;
	long n, done = 0;
	int64_t t0;

	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: tool_casegen DATA_DIR N\n");
		return 2;
	}
	o.data_dir = argv[1];
	o.db_url = getenv("NETRA_DB");
	if (store_open(&st, &o, &eb) < 0 || store_migrate(st, NULL, &eb) < 0 ||
	    store_write(st, office_job, &off, &eb) < 0) {
		fprintf(stderr, "tool_casegen: %s\n", eb.msg);
		return 1;
	}
	t0 = clock_mono_ms();
	while (done < n) {
		struct gen g = {off.id, done, n - done < 5000 ? n - done : 5000};

		if (store_write(st, gen_job, &g, &eb) < 0) {
			fprintf(stderr, "tool_casegen: %s\n", eb.msg);
			store_close(st);
			return 1;
		}
		done += g.n;
	}
	printf("%ld cases written in %.1f s\n", n, (double)(clock_mono_ms() - t0) / 1000.0);
	store_close(st);
	return 0;
}
