/*
 * test_seal.c - office sealing keys on a real store: key init (and its
 * refusal to overwrite), the passphrase rule, the nearest-office lookup up
 * the parent chain, seal/open round trips, a wrong passphrase, a blob
 * sealed to a replaced key, tampered and truncated blobs, epoch-key
 * sealing (shared ephemeral key, fresh nonces, rotation, both versions
 * opened), and that the
 * database file never holds a passphrase.
 * Most keys use the smallest argon2id limits so the test stays quick; one
 * uses the defaults.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/admin.h"
#include "auth/seal.h"
#include "store/store.h"
#include "store/store_users.h"

static char dir[256];
static struct store *st;
static struct store_office ri, kaltim, kutim, bpp, orphan;

static const struct seal_opts fast = {false, crypto_pwhash_OPSLIMIT_MIN,
				      crypto_pwhash_MEMLIMIT_MIN};
static const char identity[] = "{\"nama\":\"Siti Rahmawati\",\"nik\":\"6408014506900001\","
			       "\"telp\":\"081234567890\"}";

/* memmem without _GNU_SOURCE */
static bool
contains(const void *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp((const char *)hay + i, needle, k) == 0)
			return true;
	return false;
}

static void
open_store(void)
{
	struct store_opts o = {dir, NULL, 2, 256, false};
	struct errbuf eb;
	int applied;

	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
}

static void
add_office(struct store_office *out, const char *code, const char *level, const char *region,
	   const char *parent)
{
	struct auth_office_new o = {code, code, "bawaslu", level, region, parent, "WITA"};
	struct errbuf eb;

	assert_int_equal(auth_office_add(st, &o, out, &eb), 0);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-seal.XXXXXX");
	assert_non_null(mkdtemp(dir));
	open_store();
	add_office(&ri, "bawaslu-ri", "ri", "", NULL);
	add_office(&kaltim, "bawaslu-kaltim", "provinsi", "64", "bawaslu-ri");
	add_office(&kutim, "bawaslu-6408", "kabkota", "64.08", "bawaslu-kaltim");
	add_office(&bpp, "bawaslu-6471", "kabkota", "64.71", "bawaslu-kaltim");
	add_office(&orphan, "bawaslu-6401", "kabkota", "64.01", NULL);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void
test_key_init(void **state)
{
	struct seal_opts replace = fast;
	struct errbuf eb;

	(void)state;
	assert_int_equal(seal_key_init(st, kaltim.id, "pendek-11ch", &fast, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "weak_passphrase");
	assert_int_equal(seal_key_init(st, kaltim.id, NULL, &fast, &eb), -1);
	assert_int_equal(seal_key_init(st, kaltim.id, "frasa-sandi-kaltim", &fast, &eb), 0);
	/* an existing key is never overwritten by accident */
	assert_int_equal(seal_key_init(st, kaltim.id, "frasa-sandi-lain-x", &fast, &eb), -1);
	assert_int_equal(eb.kind, ERR_CONFLICT);
	assert_string_equal(errbuf_code(&eb), "seal_key_exists");
	assert_int_equal(seal_key_init(st, 9999, "frasa-sandi-kaltim", &fast, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	/* limits outside the sane range are refused */
	replace.memlimit = (size_t)1 << 31;
	assert_int_equal(seal_key_init(st, bpp.id, "frasa-sandi-kaltim", &replace, &eb), -1);
	/* Balikpapan gets a key of its own, with the default (moderate) limits */
	assert_int_equal(seal_key_init(st, bpp.id, "frasa-sandi-balikpapan", NULL, &eb), 0);
}

static void
test_find_office(void **state)
{
	unsigned char pk[SEAL_PUBLIC_BYTES], pk2[SEAL_PUBLIC_BYTES];
	struct errbuf eb;
	int64_t found = 0;

	(void)state;
	assert_int_equal(seal_find_office(st, kaltim.id, &found, pk, &eb), 0);
	assert_int_equal(found, kaltim.id);
	/* Kutai Timur has no key: the nearest parent's is used */
	assert_int_equal(seal_find_office(st, kutim.id, &found, pk2, &eb), 0);
	assert_int_equal(found, kaltim.id);
	assert_memory_equal(pk, pk2, SEAL_PUBLIC_BYTES);
	assert_int_equal(seal_find_office(st, bpp.id, &found, pk2, &eb), 0);
	assert_int_equal(found, bpp.id);
	assert_memory_not_equal(pk, pk2, SEAL_PUBLIC_BYTES);
	/* above Kalimantan Timur nobody has a key; the orphan has none either */
	assert_int_equal(seal_find_office(st, ri.id, &found, pk, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "seal_no_key");
	assert_int_equal(seal_find_office(st, orphan.id, &found, pk, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
}

static void
seal_for(int64_t office, unsigned char **blob, size_t *len, int64_t *sealed_office)
{
	unsigned char pk[SEAL_PUBLIC_BYTES];
	struct errbuf eb;

	assert_int_equal(seal_find_office(st, office, sealed_office, pk, &eb), 0);
	assert_int_equal(seal_box(pk, identity, strlen(identity), blob, len, &eb), 0);
}

static void
test_round_trip(void **state)
{
	unsigned char *blob, *blob2;
	size_t len, len2, n;
	int64_t sealed;
	struct errbuf eb;
	char *pt;

	(void)state;
	seal_for(kutim.id, &blob, &len, &sealed);
	assert_int_equal(sealed, kaltim.id);
	assert_int_equal(len, strlen(identity) + SEAL_OVERHEAD);
	assert_int_equal(blob[0], SEAL_VERSION);
	assert_false(contains(blob, len, "Siti"));
	/* sealing is randomised: same input, different blob */
	seal_for(kutim.id, &blob2, &len2, &sealed);
	assert_memory_not_equal(blob + 1 + SEAL_KEYID_BYTES, blob2 + 1 + SEAL_KEYID_BYTES, 32);

	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", blob, len, &pt, &n, &eb),
			 0);
	assert_int_equal(n, strlen(identity));
	assert_string_equal(pt, identity);
	seal_plaintext_free(pt, n);

	/* wrong passphrase */
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-KALTIM", blob, len, &pt, &n, &eb),
			 -1);
	assert_int_equal(eb.kind, ERR_FORBIDDEN);
	assert_string_equal(errbuf_code(&eb), "seal_passphrase");
	assert_null(pt);
	assert_int_equal(seal_open(st, kaltim.id, "", blob, len, &pt, &n, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "seal_passphrase");
	/* another office's key (even with its own right passphrase) */
	assert_int_equal(seal_open(st, bpp.id, "frasa-sandi-balikpapan", blob, len, &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_key_mismatch");
	/* an office without a key */
	assert_int_equal(seal_open(st, kutim.id, "frasa-sandi-kaltim", blob, len, &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_no_key");

	/* tampering: a flipped ciphertext byte, truncation, a bad version */
	blob2[len2 - 1] ^= 1;
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", blob2, len2, &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_corrupt");
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", blob, SEAL_OVERHEAD - 1,
				   &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_corrupt");
	blob2[0] = 3;
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", blob2, len2, &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_corrupt");
	free(blob2);

	/* the default-limits key of Balikpapan round-trips too */
	seal_for(bpp.id, &blob2, &len2, &sealed);
	assert_int_equal(sealed, bpp.id);
	assert_int_equal(seal_open(st, bpp.id, "frasa-sandi-balikpapan", blob2, len2, &pt, &n, &eb),
			 0);
	assert_string_equal(pt, identity);
	seal_plaintext_free(pt, n);
	free(blob2);
	free(blob);
}

static void
test_replace_and_limits(void **state)
{
	struct seal_opts replace = fast;
	unsigned char pk[SEAL_PUBLIC_BYTES], *blob, *blob2;
	size_t len, len2, n;
	int64_t sealed;
	struct errbuf eb;
	char *pt, *big;

	(void)state;
	seal_for(kutim.id, &blob, &len, &sealed);
	replace.replace = true;
	assert_int_equal(seal_key_init(st, kaltim.id, "frasa-sandi-baru-2", &replace, &eb), 0);
	/* the old blob belongs to the replaced key: even the old passphrase fails */
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", blob, len, &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_key_mismatch");
	seal_for(kutim.id, &blob2, &len2, &sealed);
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-baru-2", blob2, len2, &pt, &n, &eb),
			 0);
	seal_plaintext_free(pt, n);
	free(blob);
	free(blob2);

	/* an empty identity is fine, an oversized one is refused */
	assert_int_equal(seal_find_office(st, kaltim.id, &sealed, pk, &eb), 0);
	assert_int_equal(seal_box(pk, "", 0, &blob, &len, &eb), 0);
	assert_int_equal(len, SEAL_OVERHEAD);
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-baru-2", blob, len, &pt, &n, &eb),
			 0);
	assert_int_equal(n, 0);
	assert_string_equal(pt, "");
	seal_plaintext_free(pt, n);
	free(blob);
	big = calloc(1, SEAL_PLAINTEXT_MAX + 1);
	assert_int_equal(seal_box(pk, big, SEAL_PLAINTEXT_MAX + 1, &blob, &len, &eb), -1);
	assert_null(blob);
	free(big);
	seal_plaintext_free(NULL, 0);
}

/* A sender's blobs: version 2, one ephemeral key per epoch and office key,
 * a new nonce each time, a new epoch after SEAL_EPOCH_USES; all open. */
static void
test_epoch_sender(void **state)
{
	struct seal_sender *s = seal_sender_new();
	unsigned char pk[SEAL_PUBLIC_BYTES], pk_bpp[SEAL_PUBLIC_BYTES];
	unsigned char *a, *b, *c, *last = NULL;
	const size_t epk = 1 + SEAL_KEYID_BYTES, nonce = epk + 32;
	size_t la, lb, lc, llast = 0, n, i;
	int64_t sealed;
	struct errbuf eb;
	char *pt;

	(void)state;
	assert_int_equal(seal_find_office(st, kutim.id, &sealed, pk, &eb), 0);
	assert_int_equal(seal_find_office(st, bpp.id, &sealed, pk_bpp, &eb), 0);
	assert_int_equal(seal_sender_box(s, pk, identity, strlen(identity), &a, &la, &eb), 0);
	assert_int_equal(seal_sender_box(s, pk, identity, strlen(identity), &b, &lb, &eb), 0);
	assert_int_equal(la, strlen(identity) + SEAL_EPOCH_OVERHEAD);
	assert_int_equal(a[0], SEAL_VERSION_EPOCH);
	assert_false(contains(a, la, "Siti"));
	assert_memory_equal(a + epk, b + epk, 32);         /* same epoch */
	assert_memory_not_equal(a + nonce, b + nonce, 24); /* fresh nonce */
	/* another office key has its own epoch */
	assert_int_equal(seal_sender_box(s, pk_bpp, identity, strlen(identity), &c, &lc, &eb), 0);
	assert_memory_not_equal(a + epk, c + epk, 32);
	assert_int_equal(seal_open(st, bpp.id, "frasa-sandi-balikpapan", c, lc, &pt, &n, &eb), 0);
	assert_string_equal(pt, identity);
	seal_plaintext_free(pt, n);
	free(c);

	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", b, lb, &pt, &n, &eb), 0);
	assert_int_equal(n, strlen(identity));
	assert_string_equal(pt, identity);
	seal_plaintext_free(pt, n);
	/* a flipped byte, a short blob, a wrong key */
	b[lb - 1] ^= 1;
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", b, lb, &pt, &n, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "seal_corrupt");
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", a, SEAL_EPOCH_OVERHEAD - 1,
				   &pt, &n, &eb),
			 -1);
	assert_string_equal(errbuf_code(&eb), "seal_corrupt");
	assert_int_equal(seal_open(st, bpp.id, "frasa-sandi-balikpapan", a, la, &pt, &n, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "seal_key_mismatch");
	free(b);

	/* the epoch ends after exactly SEAL_EPOCH_USES blobs (two are spent) */
	for (i = 2; i < SEAL_EPOCH_USES; i++) {
		free(last);
		assert_int_equal(seal_sender_box(s, pk, "x", 1, &last, &llast, &eb), 0);
	}
	assert_memory_equal(a + epk, last + epk, 32); /* the last of the first epoch */
	free(last);
	assert_int_equal(seal_sender_box(s, pk, "x", 1, &last, &llast, &eb), 0);
	assert_memory_not_equal(a + epk, last + epk, 32);
	assert_int_equal(seal_open(st, kaltim.id, "frasa-sandi-kaltim", last, llast, &pt, &n, &eb),
			 0);
	assert_string_equal(pt, "x");
	seal_plaintext_free(pt, n);
	free(last);
	free(a);
	/* an all-zero (low-order) key is refused, never sealed to */
	memset(pk, 0, sizeof(pk));
	assert_int_equal(seal_sender_box(s, pk, "z", 1, &a, &la, &eb), -1);
	assert_null(a);
	assert_int_equal(seal_find_office(st, kutim.id, &sealed, pk, &eb), 0);
	/* no sender: the one-shot format */
	assert_int_equal(seal_sender_box(NULL, pk, "y", 1, &a, &la, &eb), 0);
	assert_int_equal(a[0], SEAL_VERSION);
	free(a);
	seal_sender_free(s);
	seal_sender_free(NULL);
}

/* No passphrase reaches the database file (after the WAL is folded in). */
static void
test_nothing_in_clear(void **state)
{
	char path[300], *data;
	FILE *f;
	long size;

	(void)state;
	store_close(st);
	snprintf(path, sizeof(path), "%s/netra.db", dir);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size > 0);
	rewind(f);
	data = malloc((size_t)size);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	assert_true(contains(data, (size_t)size, "bawaslu-kaltim")); /* the file is real */
	assert_false(contains(data, (size_t)size, "frasa-sandi"));
	free(data);
	open_store();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_init),           cmocka_unit_test(test_find_office),
		cmocka_unit_test(test_round_trip),         cmocka_unit_test(test_epoch_sender),
		cmocka_unit_test(test_replace_and_limits), cmocka_unit_test(test_nothing_in_clear),
	};

	/* the tests share one database and run in order */
	return cmocka_run_group_tests(tests, setup, teardown);
}
