/*
 * bench_intake.c - the intake building blocks: multipart parsing, type
 * detection, hashing, durable evidence storage, tracking codes, QR SVG.
 *
 * Prints one line per figure (median of several runs where a run is
 * short).  Evidence files go to a temporary directory under $TMPDIR (or
 * /tmp) that is removed at the end; the fsync figures depend on the disk
 * under it.  Nothing is asserted.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases/evidence.h"
#include "cases/qr.h"
#include "cases/trackcode.h"
#include "http/multipart.h"

#define MIB (1024u * 1024u)

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp);
	return v[n / 2];
}

static void
fill_random(unsigned char *p, size_t n, uint32_t seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 17;
		seed ^= seed << 5;
		p[i] = (unsigned char)seed;
	}
}

static void
bench_multipart(void)
{
	const char *head =
		"--XyZabc123\r\nContent-Disposition: form-data; name=\"judul\"\r\n\r\n"
		"ASN hadir kampanye\r\n--XyZabc123\r\nContent-Disposition: form-data; "
		"name=\"bukti\"; filename=\"foto.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
	const char *tail = "\r\n--XyZabc123--\r\n";
	size_t hl = strlen(head), tl = strlen(tail), dl = 8 * MIB, len = hl + dl + tl;
	char *body = malloc(len);
	struct multipart_limits lim = {32, 16 * MIB, 4096};
	struct arena a;
	double t[9], med;
	int r, i;

	memcpy(body, head, hl);
	fill_random((unsigned char *)body + hl, dl, 88172645u);
	memcpy(body + hl + dl, tail, tl);
	arena_init(&a, 4096);
	for (r = 0; r < 9; r++) {
		struct multipart_part *p;
		size_t n;
		double t0 = now_s();

		if (multipart_parse(&a, "multipart/form-data; boundary=XyZabc123", body, len, &lim,
				    &p, &n, NULL) < 0 ||
		    n != 2) {
			printf("multipart: parse failed\n");
			return;
		}
		t[r] = now_s() - t0;
		arena_reset(&a);
	}
	med = median(t, 9);
	printf("multipart_parse 8 MiB random file part: %.2f ms (%.0f MB/s)\n", med * 1e3,
	       (double)len / med / 1e6);
	/* a small form: 1000 parses */
	for (r = 0; r < 9; r++) {
		double t0 = now_s();

		for (i = 0; i < 1000; i++) {
			struct multipart_part *p;
			size_t n;
			const char *small =
				"--XyZabc123\r\nContent-Disposition: form-data; "
				"name=\"judul\"\r\n\r\nASN hadir kampanye\r\n--XyZabc123\r\n"
				"Content-Disposition: form-data; name=\"uraian\"\r\n\r\n"
				"Camat memakai atribut partai\r\n--XyZabc123--\r\n";

			multipart_parse(&a, "multipart/form-data; boundary=XyZabc123", small,
					strlen(small), &lim, &p, &n, NULL);
			arena_reset(&a);
		}
		t[r] = (now_s() - t0) / 1000;
	}
	printf("multipart_parse 2-field form: %.2f us\n", median(t, 9) * 1e6);
	arena_release(&a);
	free(body);
}

static void
bench_detect_hash(void)
{
	/* the 2x2 PNG of tests/unit/test_evidence.c */
	static const unsigned char png[] = {
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
		0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00,
		0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x16, 0x49, 0x44, 0x41, 0x54, 0x08,
		0xd7, 0x63, 0x38, 0xc1, 0xc0, 0xc0, 0x50, 0xc1, 0xc0, 0xc8, 0xc0, 0xf0, 0xff, 0xff,
		0x7f, 0x06, 0x00, 0x17, 0x6c, 0x04, 0x3f, 0x63, 0x28, 0x63, 0x38, 0x00, 0x00, 0x00,
		0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
	};
	size_t n = 8 * MIB;
	unsigned char *bin = malloc(n);
	char *text = malloc(n), mime[96], hex[65];
	double t[9];
	size_t i;
	int r;

	fill_random(bin, n, 2463534242u);
	for (i = 0; i < n; i++)
		text[i] = "abcdefghij klmnopqrstuvwxyz.\n"[bin[i] % 29];
	for (r = 0; r < 9; r++) {
		double t0 = now_s();

		evidence_detect_mime(png, sizeof(png), mime, sizeof(mime), NULL);
		t[r] = now_s() - t0;
	}
	printf("evidence_detect_mime 79-byte PNG (pooled handle): %.1f us -> %s\n",
	       median(t, 9) * 1e6, mime);
	for (r = 0; r < 9; r++) {
		double t0 = now_s();

		evidence_detect_mime(bin, n, mime, sizeof(mime), NULL);
		t[r] = now_s() - t0;
	}
	printf("evidence_detect_mime 8 MiB random bytes: %.2f ms -> %s\n", median(t, 9) * 1e3,
	       mime);
	for (r = 0; r < 9; r++) {
		double t0 = now_s();

		evidence_detect_mime(text, n, mime, sizeof(mime), NULL);
		t[r] = now_s() - t0;
	}
	printf("evidence_detect_mime 8 MiB ASCII text: %.2f ms -> %s\n", median(t, 9) * 1e3, mime);
	evidence_shutdown();
	{
		double t0 = now_s();

		evidence_detect_mime(png, sizeof(png), mime, sizeof(mime), NULL);
		printf("evidence_detect_mime after evidence_shutdown (magic_open + magic_load + "
		       "detect): %.2f ms\n",
		       (now_s() - t0) * 1e3);
	}
	for (r = 0; r < 9; r++) {
		double t0 = now_s();

		evidence_hash(bin, n, hex);
		t[r] = now_s() - t0;
	}
	printf("evidence_hash (SHA-256) 8 MiB: %.2f ms (%.0f MB/s)\n", median(t, 9) * 1e3,
	       (double)n / median(t, 9) / 1e6);
	free(bin);
	free(text);
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
bench_store(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256];
	size_t sizes[] = {64 * 1024, MIB, 8 * MIB}, k;
	unsigned char *data = malloc(8 * MIB);
	struct evidence_file f;
	struct errbuf eb;
	double t[7];
	int r;

	snprintf(dir, sizeof(dir), "%s/netra-bench-evidence-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		free(data);
		return;
	}
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		for (r = 0; r < 7; r++) {
			double t0;

			/* a JPEG header on random bytes: a new file every run */
			fill_random(data, sizes[k], (uint32_t)(1000 + 10 * k + (size_t)r));
			memcpy(data, "\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11);
			t0 = now_s();
			if (evidence_store(dir, data, sizes[k], 16 * MIB, &f, &eb) < 0) {
				printf("evidence_store failed: %s\n", eb.msg);
				goto out;
			}
			t[r] = now_s() - t0;
		}
		printf("evidence_store new %zu KiB file (detect, hash, write, 2+ fsync): %.2f ms\n",
		       sizes[k] / 1024, median(t, 7) * 1e3);
		for (r = 0; r < 7; r++) {
			double t0 = now_s();

			evidence_store(dir, data, sizes[k], 16 * MIB, &f, &eb);
			t[r] = now_s() - t0;
		}
		printf("evidence_store same %zu KiB again (detect, hash, stat, dir fsync): %.2f "
		       "ms\n",
		       sizes[k] / 1024, median(t, 7) * 1e3);
	}
out:
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(data);
}

static void
bench_trackcode_qr(void)
{
	char code[TRACKCODE_LEN], out[TRACKCODE_LEN];
	struct buf b = BUF_INIT;
	double t0, per;
	int i, n = 200000;

	t0 = now_s();
	for (i = 0; i < n; i++)
		trackcode_new(code);
	per = (now_s() - t0) / n;
	printf("trackcode_new: %.0f ns\n", per * 1e9);
	t0 = now_s();
	for (i = 0; i < n; i++)
		trackcode_normalize(" abcd efgh j ", out, NULL);
	printf("trackcode_normalize: %.0f ns\n", (now_s() - t0) / n * 1e9);
	n = 2000;
	t0 = now_s();
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		qr_svg("https://netra.example.id/s/ABCD-EFGH-J", "Kode QR status laporan", &b,
		       NULL);
	}
	printf("qr_svg status URL (version 3): %.1f us, %zu bytes\n", (now_s() - t0) / n * 1e6,
	       b.len);
	buf_release(&b);
}

int
main(void)
{
	bench_multipart();
	bench_detect_hash();
	bench_store();
	bench_trackcode_qr();
	evidence_shutdown();
	return 0;
}
