/*
 * bench_registry.c - what the officers' workspace costs outside the HTTP
 * layer: the fuzzy name score alone, a registry search over a store of
 * generated cases (the console's whole registry, one kab/kota office's
 * scope, an exact NIP), and building the timeline and deadline views of a
 * long case.
 *
 * Prints medians and rates; asserts nothing.  Runs on a fresh store in a
 * temporary directory; BENCH_REGISTRY_CASES sets its size (default 20000).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cases/names.h"
#include "core/log.h"
#include "registry/registry.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_users.h"
#include "web/kantor.h"

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

static uint64_t rng_state = 2024;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static const char *const first[] = {"Ahmad",  "Achmad", "Muhammad", "Siti",  "Budi",
				    "Rina",   "Agus",   "Dewi",     "Joko",  "Sri",
				    "Andi",   "Nur",    "Hendra",   "Yusuf", "Fitri",
				    "Rahmat", "Wahyu",  "Dian",     "Eko",   "Lestari"};
static const char *const last[] = {"Yani",    "Santoso", "Marlina",  "Hidayat",   "Saputra",
				   "Wijaya",  "Rahman",  "Aminah",   "Kurniawan", "Susanti",
				   "Pratama", "Nugroho", "Setiawan", "Handayani", "Syahputra"};
static const char *const titles[] = {"", "", "", "Drs. ", "H. ", "Hj. ", "Ir. "};
static const char *const suffix[] = {"", "", "", ", S.Pd.", ", M.Si.", ", S.H.", ", S.Sos."};

static void
fake_name(char *out, size_t n)
{
	snprintf(out, n, "%s%s %s%s%s", titles[rng() % 7], first[rng() % 20],
		 rng() % 3 ? last[rng() % 15] : "", rng() % 4 ? "" : " Putra", suffix[rng() % 7]);
}

#define FILL_BATCH 500

static char known_nip[24]; /* one NIP that is in the store */

struct fill {
	int from, to;
	int64_t office;
};

static int
fill_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct fill *f = arg;
	int i;

	for (i = f->from; i < f->to; i++) {
		struct store_case_new n;
		struct store_track_new t;
		char code[16], region[16], name[160], norm[256], nip[24];
		int64_t id;

		memset(&n, 0, sizeof(n));
		snprintf(code, sizeof(code), "B%07d", i);
		snprintf(region, sizeof(region), "64.%02d", 1 + i % 10);
		n.code = code;
		n.kind = "laporan";
		n.election = "pemilu2024";
		n.election_kind = "pemilu";
		n.state = "diregistrasi";
		n.region_code = region;
		n.office_id = f->office;
		n.received_at = 1707444000 + i;
		n.tz = "WITA";
		n.description = "uraian";
		if (store_case_insert(c, &n, &id, eb) < 0)
			return -1;
		memset(&t, 0, sizeof(t));
		fake_name(name, sizeof(name));
		snprintf(nip, sizeof(nip), "19%02d0512200501%04d", (int)(rng() % 30 + 60),
			 (int)(rng() % 3000));
		t.name = name;
		t.nip = rng() % 10 < 6 ? nip : NULL; /* most terlapor have a NIP */
		if (t.nip && known_nip[0] == '\0')
			memcpy(known_nip, nip, sizeof(known_nip));
		t.status = "PNS";
		t.state = "proses";
		name_normalize(name, norm, sizeof(norm));
		if (store_person_upsert(c, &t, norm, region, n.received_at, &t.person_id, eb) < 0 ||
		    store_track_insert(c, id, &t, n.received_at, NULL, eb) < 0)
			return -1;
	}
	return 0;
}

static int
office_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct store_office o;

	memset(&o, 0, sizeof(o));
	snprintf(o.code, sizeof(o.code), "bawaslu-64");
	snprintf(o.name, sizeof(o.name), "Bawaslu Kalimantan Timur");
	snprintf(o.kind, sizeof(o.kind), "bawaslu");
	snprintf(o.level, sizeof(o.level), "provinsi");
	snprintf(o.region_code, sizeof(o.region_code), "64");
	snprintf(o.tz, sizeof(o.tz), "WITA");
	o.created_at = 1700000000;
	if (store_office_insert(c, &o, eb) < 0)
		return -1;
	*(int64_t *)arg = o.id;
	return 0;
}

static void
bench_score(void)
{
	enum { NAMES = 20000, ROUNDS = 10 };
	static char names[NAMES][160];
	struct registry_matcher m;
	double t0, dt, sink = 0;
	int i, r, hits = 0;

	for (i = 0; i < NAMES; i++) {
		char raw[160];

		fake_name(raw, sizeof(raw));
		name_normalize(raw, names[i], sizeof(names[i]));
	}
	registry_matcher_init(&m, "achmad yani");
	t0 = now_s();
	for (r = 0; r < ROUNDS; r++)
		for (i = 0; i < NAMES; i++) {
			double s = registry_matcher_score(&m, names[i]);

			sink += s;
			hits += s >= REGISTRY_MIN_SCORE;
		}
	dt = now_s() - t0;
	printf("   name score: %.0f ns per comparison (%d comparisons; %d of %d names match "
	       "\"achmad yani\")\n",
	       dt * 1e9 / (NAMES * ROUNDS), NAMES * ROUNDS, hits / ROUNDS, NAMES);
	if (sink < 0)
		printf("%f\n", sink);
}

static double
time_search(struct store *st, const struct principal *p, const char *q, int runs, size_t *found,
	    int64_t *scanned)
{
	double t[64];
	int i;

	for (i = 0; i < runs && i < 64; i++) {
		struct errbuf eb;
		json_t *res = NULL;
		double t0 = now_s();

		if (registry_search(st, p, q, 30, &res, &eb) < 0) {
			printf("   search failed: %s\n", eb.msg);
			return -1;
		}
		t[i] = now_s() - t0;
		*found = json_array_size(json_object_get(res, "results"));
		*scanned = json_integer_value(json_object_get(res, "scanned"));
		json_decref(res);
	}
	return median(t, i);
}

static void
bench_search(int ncases)
{
	char dir[] = "/tmp/netra-bench-registry.XXXXXX", cmd[300];
	struct store_opts o = {dir, NULL, 2, 256, false};
	struct principal kab;
	struct store *st;
	struct errbuf eb;
	int64_t office = 0, scanned = 0;
	size_t found = 0;
	double t0, dt;
	int applied, i;

	if (mkdtemp(dir) == NULL || store_open(&st, &o, &eb) < 0 ||
	    store_migrate(st, &applied, &eb) < 0 || store_write(st, office_job, &office, &eb) < 0) {
		printf("   store: %s\n", eb.msg);
		return;
	}
	t0 = now_s();
	for (i = 0; i < ncases; i += FILL_BATCH) {
		struct fill f = {i, i + FILL_BATCH < ncases ? i + FILL_BATCH : ncases, office};

		if (store_write(st, fill_job, &f, &eb) < 0) {
			printf("   fill: %s\n", eb.msg);
			goto out;
		}
	}
	printf("   store: %d cases with one terlapor each, filled in %.1f s\n", ncases,
	       now_s() - t0);
	dt = time_search(st, NULL, "achmad yani", 21, &found, &scanned);
	printf("   search by name, whole registry: %.1f ms median (%lld persons compared, %zu "
	       "shown)\n",
	       dt * 1e3, (long long)scanned, found);
	memset(&kab, 0, sizeof(kab));
	kab.user_id = 1;
	kab.role = ROLE_PENGAWAS;
	kab.office_id = office;
	snprintf(kab.region_prefix, sizeof(kab.region_prefix), "64.08");
	dt = time_search(st, &kab, "achmad yani", 21, &found, &scanned);
	printf("   search by name, one kab/kota's scope: %.1f ms median (%lld persons compared, "
	       "%zu shown)\n",
	       dt * 1e3, (long long)scanned, found);
	dt = time_search(st, NULL, known_nip, 21, &found, &scanned);
	printf("   search by NIP: %.2f ms median (%zu shown)\n", dt * 1e3, found);
out:
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("   could not remove %s\n", dir);
}

static void
bench_views(void)
{
	enum { EVENTS = 120, ROUNDS = 2000 };
	json_t *events = json_array(), *dl = json_array(), *tracks, *out;
	double t0, dt;
	int i;

	tracks = json_pack("[{s:i, s:s}]", "id", 1, "name", "Ahmad Yani");
	for (i = 0; i < EVENTS; i++)
		json_array_append_new(events,
				      json_pack("{s:I, s:s, s:s, s:i, s:{s:s, s:s, s:s, s:s, "
						"s:[s], s:[{s:s, s:s}]}}",
						"at", (json_int_t)(1707444000 + i * 600), "actor",
						"pengawas_kutim", "kind", "transisi", "track_id", 1,
						"data", "action", "registrasi", "from",
						"kajian_awal", "to", "diregistrasi", "reason",
						"lengkap", "deadlines_closed", "pemilu.kajian_awal",
						"deadlines_started", "rule", "pemilu.tindak_lanjut",
						"due", "2024-02-16"));
	for (i = 0; i < 12; i++)
		json_array_append_new(dl, json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:s, s:[{s:s, "
						    "s:s}]}}",
						    "rule", "pemilu.tindak_lanjut", "start_on",
						    "2024-02-09", "due_on", "2024-02-16", "status",
						    "open", "explanation", "title", "Tindak lanjut",
						    "explanation", "7 hari", "skipped", "date",
						    "2024-02-10", "reason", "Sabtu"));
	t0 = now_s();
	for (i = 0; i < ROUNDS; i++) {
		out = kantor_timeline(events, tracks, "WITA", NULL);
		json_decref(out);
		out = kantor_deadlines(dl, tracks, "2024-02-09", "2024-02-11", NULL);
		json_decref(out);
	}
	dt = now_s() - t0;
	printf("   case views: %.1f us for a timeline of %d events and 12 deadlines\n",
	       dt * 1e6 / ROUNDS, EVENTS);
	json_decref(events);
	json_decref(dl);
	json_decref(tracks);
}

int
main(void)
{
	const char *n = getenv("BENCH_REGISTRY_CASES");
	int ncases = n ? atoi(n) : 20000;

	log_set_level(LOG_WARN);
	bench_score();
	bench_search(ncases > 0 ? ncases : 20000);
	bench_views();
	return 0;
}
