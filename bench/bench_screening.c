/*
 * bench_screening.c - the screening pipeline into the store: ingest of
 * synthetic posts (screen, batch, group commit) with the default batch and
 * with one item per write job for comparison; the scoped, best-first queue
 * over a large table; the marked HTML of one item.
 *
 * The store lives in a temporary directory under $TMPDIR (or /tmp) that is
 * removed at the end; the ingest figures include real fsyncs and depend on
 * the disk.  Wall-clock figures, one run each, nothing asserted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rules/rules.h"
#include "scan/scan.h"
#include "screening/screening.h"
#include "store/store.h"
#include "store/store_screening.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint32_t seed = 2463534242u;

static uint32_t
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static const char *const flagged[] = {
	"Camat mengajak warga coblos nomor 2, dukung paslon kami di TPS",
	"Guru SMPN foto bersama caleg DPRD dengan pose dua jari di posko pemenangan",
	"Lurah bagi-bagi kaos paslon 01 pakai mobil dinas saat jam kerja",
	"Pegawai kecamatan ikut like dan komentar di akun pemenangan paslon 01",
};
static const char *const plain[] = {
	"Harga cabai rawit di pasar naik pagi ini",
	"Jalan poros Sangatta km rusak berat setelah hujan semalam",
	"Bawaslu mengimbau ASN menjaga netralitas menjelang pemungutan suara",
	"Selamat pagi warga RT, jangan lupa kerja bakti hari Minggu",
};

/* n JSON lines; about one in ten would enter the queue */
static char *
make_posts(size_t n, size_t *len)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		char text[256];
		uint32_t r = rnd();

		if (r % 10 == 0)
			snprintf(text, sizeof(text), "%s %u", flagged[(r >> 8) % 4], (unsigned)i);
		else
			snprintf(text, sizeof(text), "%s %u", plain[(r >> 8) % 4], (unsigned)i);
		buf_addf(&b,
			 "{\"id\":\"p%zu\",\"source\":\"facebook\",\"author\":\"@akun%u\",\"url\":"
			 "\"https://facebook.com/p/%zu\",\"ts\":\"2024-02-08T10:00:00+08:00\","
			 "\"text\":\"%s\"}\n",
			 i, (unsigned)(r % 5000), i, text);
	}
	return buf_detach(&b, len);
}

static void
bench_ingest(struct store *st, const struct scan_lexicon *lex, const char *posts, size_t len,
	     size_t nposts, size_t batch, const char *what)
{
	struct screening_ingest_opts o;
	struct screening_ingest_stats s;
	struct store_stats a, b;
	struct screening_ingest *g;
	struct errbuf eb;
	double t0, t;

	memset(&o, 0, sizeof(o));
	o.store = st;
	o.lex = lex;
	o.election = "pemilu2024";
	o.region = "64.08";
	o.channel = "cli";
	o.batch_items = batch;
	store_stats_get(st, &a);
	t0 = now_s();
	g = screening_ingest_new(&o);
	screening_ingest_lines(g, posts, len, "bench");
	if (screening_ingest_finish(g, &s, &eb) < 0)
		fprintf(stderr, "ingest: %s\n", eb.msg);
	screening_ingest_free(g);
	t = now_s() - t0;
	store_stats_get(st, &b);
	printf("ingest %-31s %zu posts, %llu stored, %llu duplicates: %.3f s, %.0f posts/s, "
	       "%.0f stored/s, %llu commits\n",
	       what, nposts, (unsigned long long)s.stored, (unsigned long long)s.duplicates, t,
	       (double)nposts / t, (double)s.stored / t,
	       (unsigned long long)(b.commits - a.commits));
}

struct fill {
	size_t n;
};

static int
fill_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	static const char *const regions[] = {"64.08", "64.08.04", "64.71",    "64",
					      "",      "35.78",    "64.72.01", "64.08.09"};
	struct fill *f = arg;
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct store_screened_new n;
		char text[96], hash[33];
		bool ins;

		snprintf(text, sizeof(text), "butir antrean nomor %zu %u", i, rnd());
		scan_content_hash(text, strlen(text), hash);
		memset(&n, 0, sizeof(n));
		n.text = text;
		n.content_hash = hash;
		n.label = "possible_violation";
		n.score_pct = (int)(50 + rnd() % 51);
		n.seen_at = 1707440400;
		n.region_code = regions[rnd() % 8];
		n.spans_json = "[{\"start\":0,\"end\":5,\"kind\":\"act\",\"w\":1}]";
		if (store_screened_insert(c, &n, &ins, NULL, eb) < 0)
			return -1;
	}
	return 0;
}

static void
bench_queue(struct store *st, const char *prefix, int pages)
{
	struct store_scope sc;
	struct store_screened_filter f;
	struct errbuf eb;
	double t0, t;
	int i;

	memset(&sc, 0, sizeof(sc));
	snprintf(sc.region_prefix, sizeof(sc.region_prefix), "%s", prefix);
	memset(&f, 0, sizeof(f));
	f.excerpt_chars = SCREENING_EXCERPT;
	t0 = now_s();
	for (i = 0; i < pages; i++) {
		struct store_conn *c = store_reader(st);
		json_t *items;
		int64_t next_id;
		int next_score;

		if (store_screened_list(c, &sc, &f, &items, &next_score, &next_id, &eb) == 0)
			json_decref(items);
		store_reader_done(st, c);
		/* walk to the third page every other time */
		f.after_id = i % 3 == 2 ? 0 : next_id;
		f.after_score_pct = i % 3 == 2 ? 0 : next_score;
	}
	t = now_s() - t0;
	printf("queue page of 50, scope \"%s\":%*s %.0f us per page (%d pages)\n", prefix,
	       (int)(9 - strlen(prefix)), "", t / pages * 1e6, pages);
}

static void
bench_highlight(void)
{
	const char *text = "Sebagai camat saya mengajak seluruh warga Sangatta Utara datang ke TPS "
			   "tanggal 14 Februari dan coblos nomor 2. Mari dukung Prabowo-Gibran! "
			   "#prabowogibran";
	json_t *spans = json_loads(
		"[{\"start\":8,\"end\":13,\"kind\":\"actor\",\"term\":\"camat\",\"w\":1},"
		"{\"start\":19,\"end\":27,\"kind\":\"act\",\"term\":\"mengajak\",\"w\":0},"
		"{\"start\":95,\"end\":101,\"kind\":\"act\",\"term\":\"~coblos\",\"w\":0.6},"
		"{\"start\":102,\"end\":109,\"kind\":\"act\",\"term\":\"nomor <angka>\",\"w\":0.3},"
		"{\"start\":116,\"end\":122,\"kind\":\"act\",\"term\":\"~dukung\",\"w\":0.45},"
		"{\"start\":123,\"end\":137,\"kind\":\"target\",\"term\":\"prabowo "
		"gibran\",\"w\":0.35}]",
		0, NULL);
	struct buf b = BUF_INIT;
	int i, n = 200000;
	double t0 = now_s(), t;

	for (i = 0; i < n; i++) {
		buf_reset(&b);
		screening_highlight_html(&b, text, strlen(text), spans, NULL);
	}
	t = now_s() - t0;
	printf("marked HTML of a 153-byte post with 6 spans: %.2f us each\n", t / n * 1e6);
	buf_release(&b);
	json_decref(spans);
}

/* app_open() loads the lexicon after the check service, reusing its catalog */
static void
bench_lexicon_load(void)
{
	struct rules_catalog *cat = NULL;
	struct scan_lexicon *lex;
	struct errbuf eb;
	double t[11], t0;
	int i, j;

	if (rules_catalog_load(&cat, NULL, &eb) < 0) {
		fprintf(stderr, "catalog: %s\n", eb.msg);
		return;
	}
	for (i = 0; i < 11; i++) {
		t0 = now_s();
		if (screening_lexicon_load(&lex, NULL, cat, &eb) < 0) {
			fprintf(stderr, "lexicon: %s\n", eb.msg);
			break;
		}
		t[i] = now_s() - t0;
		scan_lexicon_free(lex);
	}
	for (i = 1; i < 11; i++) /* insertion sort for the median */
		for (j = i; j > 0 && t[j] < t[j - 1]; j--) {
			double x = t[j];

			t[j] = t[j - 1];
			t[j - 1] = x;
		}
	printf("screening lexicon load at start-up (catalog given), 11 runs: median %.1f ms, "
	       "max %.1f ms\n",
	       t[5] * 1e3, t[10] * 1e3);
	rules_catalog_free(cat);
}

/* GET /api/v1/screening/{id} makes a context per request for the explanation */
static void
bench_explain(const struct scan_lexicon *lex)
{
	const char *text = "Sebagai camat saya mengajak seluruh warga Sangatta Utara datang ke TPS "
			   "tanggal 14 Februari dan coblos nomor 2. Mari dukung Prabowo-Gibran!";
	struct buf b = BUF_INIT;
	int i, n = 2000;
	double t0 = now_s(), t;

	for (i = 0; i < n; i++) {
		struct scan_ctx *ctx = scan_ctx_new(lex);
		struct scan_result res;

		scan_text(ctx, text, strlen(text), 0, &res);
		buf_reset(&b);
		scan_result_explain(&b, ctx, &res, text, strlen(text));
		scan_ctx_free(ctx);
	}
	t = now_s() - t0;
	printf("explanation with a fresh scan_ctx (per request): %.1f us each\n", t / n * 1e6);
	buf_release(&b);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], cmd[600];
	struct store_opts o;
	struct store *st;
	struct scan_lexicon *lex;
	struct errbuf eb;
	struct fill f;
	size_t len, n = 100000;
	char *posts;
	int applied;

	snprintf(dir, sizeof(dir), "%s/netra-bench-screening.XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	o.data_dir = dir;
	o.db_url = NULL;
	o.readers = 2;
	o.batch_max = 256;
	if (store_open(&st, &o, &eb) < 0 || store_migrate(st, &applied, &eb) < 0 ||
	    screening_lexicon_load(&lex, NULL, NULL, &eb) < 0) {
		fprintf(stderr, "%s\n", eb.msg);
		return 1;
	}
	posts = make_posts(n, &len);
	bench_ingest(st, lex, posts, len, n, SCREENING_BATCH_DEFAULT, "(batch 512)");
	bench_ingest(st, lex, posts, len, n, SCREENING_BATCH_DEFAULT, "again (all duplicates)");
	free(posts);
	seed = 77u;
	n = 5000;
	posts = make_posts(n, &len);
	bench_ingest(st, lex, posts, len, n, 1, "(batch 1, for contrast)");
	free(posts);

	f.n = 200000;
	if (store_write(st, fill_job, &f, &eb) < 0)
		fprintf(stderr, "fill: %s\n", eb.msg);
	printf("queue table: %zu more items in 8 regions\n", f.n);
	bench_queue(st, "", 300);
	bench_queue(st, "64", 300);
	bench_queue(st, "64.08", 300);
	bench_queue(st, "64.08.04", 300);
	bench_highlight();
	bench_explain(lex);
	bench_lexicon_load();

	scan_lexicon_free(lex);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
