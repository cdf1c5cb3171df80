/*
 * bench_stats.c - the dashboard's figures, the public figures and the
 * exports on a big store.
 *
 * The store is generated once (and kept, keyed by its size and the seed)
 * through the store's own write API in batches of BATCH cases per
 * transaction: Kalimantan Timur's ten kab/kota with real kecamatan codes,
 * one terlapor per case, about 40% recommended with a recommendation of
 * realistic size (the evaluator's explanation makes rec_json ~6 KB), about
 * a quarter of those sanctioned, and the deadlines that go with each step.
 * It also makes two users (pengawas_prov, pengawas_08) for bench/03-web.sh.
 *
 *   STATS_BENCH_CASES  cases (default 1000000)
 *   STATS_BENCH_DIR    data directory (default $BUILD/bench/stats)
 *
 * Printed: generation rate (when it ran), each store query and the whole
 * dashboard per scope (national, province, one kab/kota, one PPK; computed
 * and then from the cache), the public figures, and the CSV/XLSX exports
 * (rows/s and the growth of the peak RSS).  Nothing is asserted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cases/workflow.h"
#include "core/datetime.h"
#include "core/log.h"
#include "export/export.h"
#include "ident/region.h"
#include "stats/stats.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_stats.h"
#include "store/store_users.h"

#define BATCH 20000

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int
pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

static const char *const kabs[] = {"64.01", "64.02", "64.03", "64.07", "64.08",
				   "64.09", "64.11", "64.71", "64.72", "64.74"};
static char kec[10][40][16];
static int nkec[10];
static int64_t ppk_id[10], office_id[10];

static const char *const agencies[] = {"Dinas Pendidikan dan Kebudayaan",
				       "Sekretariat Daerah",
				       "Dinas Kesehatan",
				       "Dinas Pekerjaan Umum",
				       "Badan Perencanaan Pembangunan Daerah",
				       "Kecamatan",
				       "Pemerintah Desa",
				       "Puskesmas",
				       "Satuan Polisi Pamong Praja",
				       "Dinas Sosial"};
static const char *const items[] = {"D-1", "D-2", "D-6", "D-8", "D-10", "KE-1", "KE-2", "KE-4"};
static const char *const levels[] = {"moral", "ringan", "sedang", "berat"};
static const char *const open_states[] = {"diterima", "kajian_awal", "diregistrasi", "klarifikasi",
					  "kajian"};

/* --- generation --------------------------------------------------------------- */

static const char *
cmp_of(const char *imposed, const char *recommended)
{
	int a = wf_level_rank(imposed), b = wf_level_rank(recommended);

	return a < b ? "lower" : a > b ? "higher" : "equal";
}

struct gen {
	int64_t from, n;
	char rec_pad[6001];
};

static int
office_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	size_t i;
	struct store_office o;

	(void)arg;
	for (i = 0; i < 21; i++) {
		memset(&o, 0, sizeof(o));
		if (i == 0) {
			snprintf(o.code, sizeof(o.code), "bawaslu-64");
			snprintf(o.level, sizeof(o.level), "provinsi");
			snprintf(o.region_code, sizeof(o.region_code), "64");
			snprintf(o.kind, sizeof(o.kind), "bawaslu");
		} else {
			const char *k = kabs[(i - 1) / 2];
			bool ppk = (i - 1) % 2 == 1;

			snprintf(o.code, sizeof(o.code), "%s-%s", ppk ? "ppk" : "bawaslu", k);
			snprintf(o.level, sizeof(o.level), "kabkota");
			snprintf(o.region_code, sizeof(o.region_code), "%s", k);
			snprintf(o.kind, sizeof(o.kind), "%s", ppk ? "ppk" : "bawaslu");
		}
		snprintf(o.name, sizeof(o.name), "Kantor %s", o.code);
		snprintf(o.tz, sizeof(o.tz), "WITA");
		o.created_at = 1700000000;
		if (store_office_insert(c, &o, eb) < 0)
			return -1;
		if (i > 0 && (i - 1) % 2 == 1)
			ppk_id[(i - 1) / 2] = o.id;
		else if (i > 0)
			office_id[(i - 1) / 2] = o.id;
	}
	return 0;
}

struct user_arg {
	const char *username, *office;
	char hash[AUTH_PASSWORD_BYTES];
};

static int
user_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct user_arg *a = arg;
	struct store_office o;
	struct store_user u;

	if (store_office_get_by_code(c, a->office, &o, eb) < 0)
		return -1;
	memset(&u, 0, sizeof(u));
	snprintf(u.username, sizeof(u.username), "%s", a->username);
	snprintf(u.full_name, sizeof(u.full_name), "Bench %s", a->username);
	snprintf(u.role, sizeof(u.role), "pengawas");
	snprintf(u.password_hash, sizeof(u.password_hash), "%s", a->hash);
	u.office_id = o.id;
	u.active = true;
	u.created_at = u.password_at = 1700000000;
	return store_user_insert(c, &u, eb);
}

static int
cases_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct gen *g = arg;
	char code[16], desc[256], rec[6400], day[11], due[11];
	int64_t i;

	for (i = g->from; i < g->from + g->n; i++) {
		int k = pick(10), stage = pick(100);
		int64_t t = 1701396000 + (int64_t)pick(400) * 86400 + pick(30000), id, track;
		struct store_case_new cn;
		struct store_track_new tn;
		struct store_deadline_new dl;
		struct date d = time_local_date(t, 480);
		bool pilkada = t > 1719792000;
		const char *state;

		snprintf(code, sizeof(code), "B%010lld", (long long)i);
		snprintf(desc, sizeof(desc),
			 "Seorang pegawai %s mengunggah foto bersama calon nomor %d dan menulis "
			 "ajakan memilih di media sosial (kasus uji %lld).",
			 agencies[pick(10)], 1 + pick(3), (long long)i);
		state = stage < 40 ? open_states[pick(5)] : stage < 55 ? "selesai" : "diputus";
		memset(&cn, 0, sizeof(cn));
		cn.code = code;
		cn.kind = pick(5) == 0 ? "temuan" : "laporan";
		cn.election = pilkada ? "pilkada2024" : "pemilu2024";
		cn.election_kind = pilkada ? "pilkada" : "pemilu";
		cn.state = state;
		cn.region_code = kec[k][pick(nkec[k])];
		cn.office_id = office_id[k];
		cn.received_at = t;
		cn.tz = "WITA";
		cn.description = desc;
		cn.channel = "bench";
		if (store_case_insert(c, &cn, &id, eb) < 0)
			return -1;
		memset(&tn, 0, sizeof(tn));
		tn.name = "Terlapor Uji";
		tn.agency = agencies[pick(10)];
		tn.status = pick(4) == 0 ? "PPPK" : "PNS";
		tn.state = stage < 40   ? "proses"
			   : stage < 55 ? "bukan_pelanggaran"
					: "rekomendasi_ppk";
		if (store_track_insert(c, id, &tn, t, &track, eb) < 0)
			return -1;
		date_format(d, day);
		date_format(date_add_days(d, 7), due);
		dl = (struct store_deadline_new){
			id,
			0,
			cn.election_kind[1] == 'e' ? "pemilu.laporan" : "pilkada.laporan",
			day,
			due,
			"WITA",
			"{}",
			"met"};
		if (store_deadline_insert(c, &dl, eb) < 0)
			return -1;
		dl.rule = "pemilu.tindak_lanjut";
		dl.status = stage < 40 ? "open" : pick(5) == 0 ? "missed" : "met";
		if (store_deadline_insert(c, &dl, eb) < 0)
			return -1;
		if (stage >= 55) {
			const char *lv = levels[1 + pick(3)];

			snprintf(rec, sizeof(rec),
				 "{\"level\":\"%s\",\"institution\":\"BKN\",\"items\":[\"%s\",\"%"
				 "s\"],"
				 "\"level_set_by_officer\":null,\"evaluation\":[{\"explanation\":"
				 "\"%s\"}]}",
				 lv, items[pick(8)], items[pick(8)], g->rec_pad);
			if (store_track_set_recommendation(c, track, rec, lv, "BKN", ppk_id[k],
							   t + 5 * 86400, eb) < 0 ||
			    store_case_set_recommended(c, id, eb) < 0)
				return -1;
			date_format(date_add_days(d, 12), day);
			date_format(date_add_days(d, 26), due);
			dl = (struct store_deadline_new){
				id, track, "ppk.tindak_lanjut", day, due, "WITA", "{}", "open"};
			if (stage >= 80) {
				const char *sl = levels[pick(4)];
				char on[11];

				date_format(date_add_days(d, 14 + pick(30)), on);
				dl.status = strcmp(on, due) <= 0 ? "met" : "missed";
				if (store_track_set_sanction(c, track, "teguran tertulis", sl,
							     "800/BENCH", on, cmp_of(sl, lv),
							     t + 40 * 86400, eb) < 0 ||
				    store_track_set_state(c, track, "sanksi_dijatuhkan", t, eb) < 0)
					return -1;
			}
			if (store_deadline_insert(c, &dl, eb) < 0)
				return -1;
		}
	}
	return 0;
}

static int
generate(const char *dir, int64_t ncases)
{
	struct store_opts so = {dir, NULL, 2, 4, false};
	struct region_table *regions;
	struct store *st;
	struct errbuf eb;
	struct gen *g = calloc(1, sizeof(*g));
	struct user_arg ua[2] = {{"pengawas_prov", "bawaslu-64", ""},
				 {"pengawas_08", "bawaslu-64.08", ""}};
	double t0;
	int applied, k;
	int64_t i;

	if (region_table_load(&regions, NULL, &eb) < 0) {
		fprintf(stderr, "regions: %s\n", eb.msg);
		return -1;
	}
	for (k = 0; k < 10; k++) {
		struct region kids[40];
		size_t total = 0, j;

		region_children(regions, kabs[k], kids, 40, &total);
		for (j = 0; j < total && j < 40; j++)
			snprintf(kec[k][j], sizeof(kec[k][j]), "%s", kids[j].code);
		nkec[k] = (int)(total < 40 ? total : 40);
	}
	region_table_free(regions);
	memset(g->rec_pad, 'x', sizeof(g->rec_pad) - 1);
	if (store_open(&st, &so, &eb) < 0 || store_migrate(st, &applied, &eb) < 0 ||
	    store_write(st, office_job, NULL, &eb) < 0) {
		fprintf(stderr, "store: %s\n", eb.msg);
		return -1;
	}
	for (k = 0; k < 2; k++)
		if (auth_password_hash("sandi-bench-netra-2024", ua[k].hash, sizeof(ua[k].hash),
				       &eb) < 0 ||
		    store_write(st, user_job, &ua[k], &eb) < 0) {
			fprintf(stderr, "users: %s\n", eb.msg);
			return -1;
		}
	t0 = now_s();
	for (i = 0; i < ncases; i += BATCH) {
		g->from = i;
		g->n = ncases - i < BATCH ? ncases - i : BATCH;
		if (store_write(st, cases_job, g, &eb) < 0) {
			fprintf(stderr, "cases: %s\n", eb.msg);
			return -1;
		}
	}
	printf("generated %lld cases in %.1f s (%.0f cases/s, %d per transaction)\n",
	       (long long)ncases, now_s() - t0, (double)ncases / (now_s() - t0), BATCH);
	store_close(st);
	free(g);
	return 0;
}

/* --- timings ----------------------------------------------------------------------- */

static int
count_case(void *arg, const struct store_stat_case *r)
{
	*(int64_t *)arg += r->n;
	return 0;
}

static int
count_track(void *arg, const struct store_stat_track *r)
{
	*(int64_t *)arg += r->n;
	return 0;
}

static int
count_key(void *arg, const char *a, const char *b, int64_t n)
{
	(void)a;
	(void)b;
	*(int64_t *)arg += n;
	return 0;
}

static int
count_ppk(void *arg, const struct store_stat_ppk *r)
{
	*(int64_t *)arg += r->sent;
	return 0;
}

static int
count_days(void *arg, int64_t office, int64_t days)
{
	(void)office;
	(void)days;
	*(int64_t *)arg += 1;
	return 0;
}

static void
queries(struct store *st, const char *name, const struct store_scope *sc)
{
	struct store_stat_filter f;
	struct store_conn *c = store_reader(st);
	struct errbuf eb;
	int64_t n;
	double t;

	memset(&f, 0, sizeof(f));
	printf("  %-22s", name);
#define Q(label, call)                                                                             \
	n = 0;                                                                                     \
	t = now_s();                                                                               \
	call;                                                                                      \
	printf(" %s %.0f ms (%lld) ", label, (now_s() - t) * 1000, (long long)n);
	Q("cases", store_stat_cases(c, sc, &f, STORE_STAT_MONTH, count_case, &n, &eb));
	Q("tracks", store_stat_tracks(c, sc, &f, count_track, &n, &eb));
	Q("items", store_stat_items(c, sc, &f, count_key, &n, &eb));
	Q("agencies", store_stat_agencies(c, sc, &f, count_key, &n, &eb));
	Q("ppk", store_stat_ppk(c, sc, &f, count_ppk, &n, &eb));
	Q("ppk-days", store_stat_ppk_days(c, sc, &f, count_days, &n, &eb));
	Q("deadlines", store_stat_deadlines(c, sc, &f, count_key, &n, &eb));
#undef Q
	printf("\n");
	store_reader_done(st, c);
}

static void
dashboard(struct stats_service *s, const char *name, const struct principal *p)
{
	struct stats_filter f;
	struct errbuf eb;
	json_t *out;
	double t, t2;

	memset(&f, 0, sizeof(f));
	t = now_s();
	if (stats_dashboard(s, p, &f, &out, &eb) < 0) {
		printf("  %-22s error: %s\n", name, eb.msg);
		return;
	}
	t = now_s() - t;
	json_decref(out);
	t2 = now_s();
	stats_dashboard(s, p, &f, &out, &eb);
	t2 = now_s() - t2;
	printf("  %-22s computed %7.0f ms, cached %.3f ms\n", name, t * 1000, t2 * 1000);
	json_decref(out);
}

static struct principal
who(enum role r, const char *region, int64_t office)
{
	struct principal p;

	memset(&p, 0, sizeof(p));
	p.user_id = 1;
	p.role = r;
	p.office_id = office;
	snprintf(p.username, sizeof(p.username), "bench");
	snprintf(p.region_prefix, sizeof(p.region_prefix), "%s", region);
	return p;
}

static void export(struct store *st, const char *name, const struct principal *p, bool xlsx,
		   const char *dir)
{
	struct export_query q;
	struct export_cursor *c;
	struct errbuf eb;
	struct buf b = BUF_INIT;
	long rss0 = rss_kb();
	size_t bytes = 0;
	double t = now_s();
	int k;

	memset(&q, 0, sizeof(q));
	if (export_cursor_new(&c, st, p, &q, &eb) < 0) {
		printf("  %s: %s\n", name, eb.msg);
		return;
	}
	if (xlsx) {
		char path[1024];
		struct stat sb;

		snprintf(path, sizeof(path), "%s/bench-export.xlsx", dir);
		if (export_xlsx_write(c, path, dir, &eb) < 0)
			printf("  %s: %s\n", name, eb.msg);
		if (stat(path, &sb) == 0)
			bytes = (size_t)sb.st_size;
		unlink(path);
	} else {
		while ((k = export_csv_next(c, &b, &eb)) > 0) {
			bytes += b.len;
			buf_reset(&b);
		}
	}
	t = now_s() - t;
	printf("  %-22s %8zu rows %6.1f MB in %6.2f s = %8.0f rows/s; peak RSS +%ld MB\n", name,
	       export_cursor_rows(c), (double)bytes / 1e6, t, (double)export_cursor_rows(c) / t,
	       (rss_kb() - rss0) / 1024);
	buf_release(&b);
	export_cursor_free(c);
}

int
main(void)
{
	const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
	const char *env_n = getenv("STATS_BENCH_CASES"), *env_dir = getenv("STATS_BENCH_DIR");
	int64_t ncases = env_n ? atoll(env_n) : 1000000;
	char dir[512], stamp_path[600], stamp[64], old[64] = "";
	struct store_opts so = {dir, NULL, 4, 64, false};
	struct stats_deps deps;
	struct stats_service *svc;
	struct principal nat, prov, kab, ppk;
	struct store_scope sc;
	struct store *st;
	struct errbuf eb;
	struct stat sb;
	FILE *f;
	double t;
	json_t *out;

	log_set_level(LOG_WARN);
	snprintf(dir, sizeof(dir), "%s", env_dir ? env_dir : "");
	if (!env_dir)
		snprintf(dir, sizeof(dir), "%s/bench/stats", build);
	snprintf(stamp_path, sizeof(stamp_path), "%s/stamp", dir);
	snprintf(stamp, sizeof(stamp), "%lld cases v1", (long long)ncases);
	f = fopen(stamp_path, "r");
	if (f) {
		if (fgets(old, sizeof(old), f) == NULL)
			old[0] = '\0';
		fclose(f);
	}
	if (strcmp(old, stamp) != 0) {
		char cmd[1100];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s'", dir, dir);
		if (system(cmd) != 0 || generate(dir, ncases) < 0)
			return 1;
		f = fopen(stamp_path, "w");
		if (f) {
			fputs(stamp, f);
			fclose(f);
		}
	}
	snprintf(stamp_path, sizeof(stamp_path), "%s/netra.db", dir);
	if (stat(stamp_path, &sb) == 0)
		printf("store: %lld cases, %.0f MB (%s); %ld CPUs\n", (long long)ncases,
		       (double)sb.st_size / 1e6, dir, sysconf(_SC_NPROCESSORS_ONLN));
	if (store_open(&st, &so, &eb) < 0) {
		fprintf(stderr, "%s\n", eb.msg);
		return 1;
	}
	nat = who(ROLE_PENGAWAS, "", 0);
	prov = who(ROLE_PENGAWAS, "64", 0);
	kab = who(ROLE_PENGAWAS, "64.08", 0);
	ppk = who(ROLE_PPK, "", 0);
	{
		struct store_conn *c = store_reader(st);
		struct store_office o;

		if (store_office_get_by_code(c, "ppk-64.08", &o, &eb) == 0)
			ppk.office_id = o.id;
		store_reader_done(st, c);
	}
	printf("store queries (one scan each; warm page cache):\n");
	auth_scope(&nat, &sc);
	queries(st, "national", &sc);
	auth_scope(&prov, &sc);
	queries(st, "province 64", &sc);
	auth_scope(&kab, &sc);
	queries(st, "kab/kota 64.08", &sc);
	auth_scope(&ppk, &sc);
	queries(st, "PPK ppk-64.08", &sc);
	memset(&deps, 0, sizeof(deps));
	deps.store = st;
	if (stats_service_new(&svc, &deps, &eb) < 0) {
		fprintf(stderr, "%s\n", eb.msg);
		return 1;
	}
	printf("dashboard (stats_dashboard, all figures):\n");
	dashboard(svc, "national", &nat);
	dashboard(svc, "province 64", &prov);
	dashboard(svc, "kab/kota 64.08", &kab);
	dashboard(svc, "PPK ppk-64.08", &ppk);
	t = now_s();
	stats_public(svc, "", &out, &eb);
	t = now_s() - t;
	json_decref(out);
	printf("public figures (stats_public): computed %.0f ms", t * 1000);
	t = now_s();
	stats_public(svc, "", &out, &eb);
	printf(", cached %.3f ms\n", (now_s() - t) * 1000);
	json_decref(out);
	stats_service_free(svc);
	printf("exports (one row per terlapor, %d cases a page):\n", EXPORT_PAGE_CASES);
	export(st, "CSV kab/kota 64.08", &kab, false, dir);
	export(st, "XLSX kab/kota 64.08", &kab, true, dir);
	export(st, "CSV national", &nat, false, dir);
	store_close(st);
	return 0;
}
