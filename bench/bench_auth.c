/*
 * bench_auth.c - what access control costs: argon2id hashing and
 * verification (interactive limits), a full login with its durable write,
 * resolving a session cookie and an API token per request (one joined
 * SELECT on a reader), token hashing, the rate limiter under many
 * clients, the CSRF check of a large multipart body, and sealing/opening a
 * reporter identity with the default (moderate) key limits.
 *
 * Prints medians or rates; asserts nothing.  Runs on a fresh store in a
 * temporary directory.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/admin.h"
#include "auth/auth.h"
#include "auth/seal.h"
#include "core/datetime.h"
#include "core/log.h"
#include "store/store.h"
#include "store/store_users.h"

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

struct resolve_arg {
	struct store *st;
	const char *token;
	enum auth_via via;
	int n;
	int failures;
};

static void *
resolve_loop(void *arg)
{
	struct resolve_arg *a = arg;
	struct principal p;
	struct errbuf eb;
	int64_t now = clock_now();
	int i;

	for (i = 0; i < a->n; i++)
		if (auth_resolve(a->st, a->via, a->token, 43, now, &p, NULL, &eb) < 0)
			a->failures++;
	return NULL;
}

static void
bench_resolve(struct store *st, const char *token, enum auth_via via, const char *what)
{
	enum { N = 20000, THREADS = 4 };
	struct resolve_arg a[THREADS];
	pthread_t t[THREADS];
	double t0, dt;
	int i, fails = 0;

	memset(a, 0, sizeof(a));
	a[0] = (struct resolve_arg){st, token, via, N, 0};
	t0 = now_s();
	resolve_loop(&a[0]);
	dt = now_s() - t0;
	printf("  resolve %-7s 1 thread:  %8.0f /s  (%.1f us each)%s\n", what, N / dt, dt / N * 1e6,
	       a[0].failures ? "  FAILURES" : "");
	for (i = 0; i < THREADS; i++) {
		a[i] = (struct resolve_arg){st, token, via, N, 0};
		pthread_create(&t[i], NULL, resolve_loop, &a[i]);
	}
	t0 = now_s();
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		fails += a[i].failures;
	}
	dt = now_s() - t0;
	printf("  resolve %-7s %d threads: %8.0f /s%s\n", what, THREADS, THREADS * N / dt,
	       fails ? "  FAILURES" : "");
}

int
main(void)
{
	enum { HASHES = 9, LOGINS = 9, SEALS = 5 };
	char dir[] = "/tmp/netra-bench-auth.XXXXXX", cmd[64];
	char hash[AUTH_PASSWORD_BYTES], token[AUTH_TOKEN_LEN], api[AUTH_TOKEN_LEN];
	unsigned char h[AUTH_HASH_BYTES], pk[SEAL_PUBLIC_BYTES], *blob;
	struct seal_sender *sender;
	struct auth_office_new o = {
		"bawaslu-6408", "Bawaslu Kutai Timur", "bawaslu", "kabkota", "64.08", NULL, "WITA"};
	struct auth_user_new u = {"budi", "Budi", ROLE_PENGAWAS, "bawaslu-6408",
				  "kuda-laut-biru-7"};
	struct store_opts so = {dir, NULL, 4, 256, false};
	struct store_office office;
	struct store_user user;
	struct ratelimit *rl;
	struct principal p, session_p;
	struct store *st;
	struct errbuf eb;
	double v[HASHES > LOGINS ? HASHES : LOGINS], t0, dt;
	size_t blen, n, mplen;
	int64_t key_office;
	char *pt, *mp;
	int i, k, applied, allowed;

	log_set_level(LOG_WARN);
	if (mkdtemp(dir) == NULL || store_open(&st, &so, &eb) < 0 ||
	    store_migrate(st, &applied, &eb) < 0 || auth_office_add(st, &o, &office, &eb) < 0 ||
	    auth_user_add(st, &u, &user, &eb) < 0) {
		fprintf(stderr, "bench_auth: set-up failed: %s\n", eb.msg);
		return 1;
	}

	printf("passwords (argon2id, OPSLIMIT/MEMLIMIT_INTERACTIVE: 2 passes, 64 MiB)\n");
	for (i = 0; i < HASHES; i++) {
		t0 = now_s();
		auth_password_hash("kuda-laut-biru-7", hash, sizeof(hash), &eb);
		v[i] = now_s() - t0;
	}
	printf("  hash:   median %6.1f ms of %d\n", median(v, HASHES) * 1e3, HASHES);
	for (i = 0; i < HASHES; i++) {
		t0 = now_s();
		auth_password_verify(hash, "kuda-laut-biru-7");
		v[i] = now_s() - t0;
	}
	printf("  verify: median %6.1f ms of %d\n", median(v, HASHES) * 1e3, HASHES);

	printf("login (verify + session insert, group-committed with fsync)\n");
	for (i = 0; i < LOGINS; i++) {
		t0 = now_s();
		if (auth_login(st, "budi", "kuda-laut-biru-7", token, &p, &eb) < 0)
			fprintf(stderr, "login failed: %s\n", eb.msg);
		v[i] = now_s() - t0;
	}
	printf("  login:  median %6.1f ms of %d\n", median(v, LOGINS) * 1e3, LOGINS);
	session_p = p; /* the last successful login, with its CSRF token */
	for (i = 0; i < LOGINS; i++) {
		t0 = now_s();
		auth_login(st, "nobody", "kuda-laut-biru-7", api, &p, &eb);
		v[i] = now_s() - t0;
	}
	printf("  unknown user (dummy verify): median %6.1f ms\n", median(v, LOGINS) * 1e3);

	printf("per-request resolution (one joined SELECT on a pooled reader)\n");
	auth_token_create(st, user.id, "bench", api, &eb);
	bench_resolve(st, token, AUTH_VIA_COOKIE, "cookie");
	bench_resolve(st, api, AUTH_VIA_BEARER, "bearer");

	t0 = now_s();
	for (i = 0; i < 1000000; i++)
		auth_token_hash(token, 43, h);
	dt = now_s() - t0;
	printf("token hash (BLAKE2b-256 of 43 bytes): %.0f /s\n", 1000000 / dt);

	for (k = 0; k < 2; k++) {
		int keys = k == 0 ? 4096 : 1 << 19;

		rl = ratelimit_new(20, 20);
		allowed = 0;
		t0 = now_s();
		for (i = 0; i < 2000000; i++) {
			char key[24];

			snprintf(key, sizeof(key), "10.%d.%d.%d", (i % keys) >> 16,
				 ((i % keys) >> 8) & 255, (i % keys) & 255);
			allowed += ratelimit_take(rl, key, 1000 + i / 100000);
		}
		dt = now_s() - t0;
		printf("rate limiter (20/min, burst 20): %.0f takes/s, %d client keys in %d "
		       "slots, %d of 2000000 allowed\n",
		       2000000 / dt, keys, RATELIMIT_SLOTS, allowed);
		ratelimit_free(rl);
	}

	mplen = 8u << 20;
	mp = malloc(mplen + 256);
	n = (size_t)snprintf(mp, 256,
			     "--B\r\nContent-Disposition: form-data; name=\"bukti\"; "
			     "filename=\"v.mp4\"\r\n\r\n");
	for (i = (int)n; i < (int)mplen; i++) /* video-like bytes: every value occurs */
		mp[i] = (char)((uint32_t)i * 2654435761u >> 24);
	n = mplen;
	n += (size_t)snprintf(mp + n, 256,
			      "\r\n--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
			      "%s\r\n--B--\r\n",
			      session_p.csrf);
	t0 = now_s();
	for (i = 0; i < 20; i++)
		if (!auth_csrf_ok(&session_p, "POST", NULL, "multipart/form-data; boundary=B", mp,
				  n))
			fprintf(stderr, "csrf check failed\n");
	dt = (now_s() - t0) / 20;
	printf("CSRF field at the end of an 8 MiB multipart body: %.2f ms (%.1f GB/s)\n", dt * 1e3,
	       (double)n / dt / 1e9);
	free(mp);

	printf("sealing (crypto_box_seal; key wrapped with OPSLIMIT/MEMLIMIT_MODERATE: "
	       "3 passes, 256 MiB)\n");
	t0 = now_s();
	if (seal_key_init(st, office.id, "frasa-sandi-kutim", NULL, &eb) < 0)
		fprintf(stderr, "key init failed: %s\n", eb.msg);
	printf("  key init: %.0f ms\n", (now_s() - t0) * 1e3);
	seal_find_office(st, office.id, &key_office, pk, &eb);
	t0 = now_s();
	for (i = 0; i < 10000; i++) {
		seal_box(pk, "{\"nama\":\"Siti\",\"nik\":\"6408014506900001\"}", 42, &blob, &blen,
			 &eb);
		free(blob);
	}
	dt = now_s() - t0;
	printf("  seal:     %.0f /s (42-byte identity, one-shot sealed box)\n", 10000 / dt);
	sender = seal_sender_new();
	t0 = now_s();
	for (i = 0; i < 100000; i++) {
		seal_sender_box(sender, pk, "{\"nama\":\"Siti\",\"nik\":\"6408014506900001\"}", 42,
				&blob, &blen, &eb);
		free(blob);
	}
	dt = now_s() - t0;
	printf("  seal:     %.0f /s (the same with a sender's epoch key, as intake does)\n",
	       100000 / dt);
	seal_sender_free(sender);
	seal_box(pk, "{\"nama\":\"Siti\",\"nik\":\"6408014506900001\"}", 42, &blob, &blen, &eb);
	for (i = 0; i < SEALS; i++) {
		t0 = now_s();
		if (seal_open(st, key_office, "frasa-sandi-kutim", blob, blen, &pt, &n, &eb) == 0)
			seal_plaintext_free(pt, n);
		v[i] = now_s() - t0;
	}
	printf("  open:     median %.0f ms of %d (one argon2id derivation)\n",
	       median(v, SEALS) * 1e3, SEALS);
	free(blob);

	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : 1;
}
