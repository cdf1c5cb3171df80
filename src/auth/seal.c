/*
 * seal.c - office key pairs wrapped under a custodian passphrase, sealed
 * boxes for reporter identities (see seal.h for the format and errors).
 *
 * Invariants: a secret key exists in clear only on this stack, between
 * unwrap and crypto_box_seal_open, and is wiped on every path; derived
 * keys likewise.  Limits read back from the database are bounded before
 * use, so a tampered row cannot make us allocate gigabytes.  The argon2id
 * derivation runs on the caller's thread, never inside a store job.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_internal.h"
#include "auth/seal.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store_users.h"

#define WRAP_KEY_BYTES crypto_secretbox_KEYBYTES
#define WRAPPED_BYTES                                                                              \
	(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + crypto_box_SECRETKEYBYTES)
#define OPS_MAX ((int64_t)64)
#define MEM_MAX ((int64_t)1 << 30) /* 1 GiB */

_Static_assert(SEAL_PUBLIC_BYTES == crypto_box_PUBLICKEYBYTES, "public key size");
_Static_assert(SEAL_OVERHEAD == 1 + SEAL_KEYID_BYTES + crypto_box_SEALBYTES, "seal overhead");
_Static_assert(SEAL_EPOCH_OVERHEAD == 1 + SEAL_KEYID_BYTES + crypto_box_PUBLICKEYBYTES +
					      crypto_box_NONCEBYTES + crypto_box_MACBYTES,
	       "epoch seal overhead");

#define SENDER_SLOTS 8

int
seal_passphrase_check(const char *passphrase, struct errbuf *eb)
{
	size_t n, i, chars = 0;

	if (passphrase == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_passphrase",
				       "frasa sandi wajib diisi");
	n = strnlen(passphrase, SEAL_PASSPHRASE_MAX + 1);
	if (n > SEAL_PASSPHRASE_MAX || !utf8_valid(passphrase, n))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_passphrase",
				       "frasa sandi harus teks UTF-8 paling panjang %d byte",
				       SEAL_PASSPHRASE_MAX);
	for (i = 0; i < n; i++)
		if (((unsigned char)passphrase[i] & 0xC0) != 0x80)
			chars++;
	if (chars < SEAL_PASSPHRASE_MIN)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_passphrase",
				       "frasa sandi minimal %d karakter", SEAL_PASSPHRASE_MIN);
	return 0;
}

static void
key_id(const unsigned char *public_key, unsigned char out[SEAL_KEYID_BYTES])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), public_key, SEAL_PUBLIC_BYTES, NULL, 0);
	memcpy(out, h, SEAL_KEYID_BYTES);
}

static int
derive(unsigned char k[WRAP_KEY_BYTES], const char *passphrase, const unsigned char *salt,
       unsigned long long ops, size_t mem, struct errbuf *eb)
{
	if (crypto_pwhash(k, WRAP_KEY_BYTES, passphrase, strlen(passphrase), salt, ops, mem,
			  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return errbuf_set(eb, ERR_UNAVAILABLE,
				  "memori tidak cukup untuk menurunkan kunci dari frasa sandi");
	return 0;
}

/* --- key init ------------------------------------------------------------ */

struct init_job {
	int64_t office_id;
	const struct store_seal_key *key;
	bool replace;
};

static int
init_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct init_job *j = arg;

	return store_office_seal_set(c, j->office_id, j->key, j->replace, eb);
}

int
seal_key_init(struct store *st, int64_t office_id, const char *passphrase,
	      const struct seal_opts *o, struct errbuf *eb)
{
	unsigned char sk[crypto_box_SECRETKEYBYTES], k[WRAP_KEY_BYTES];
	struct store_seal_key key;
	struct init_job j;
	unsigned long long ops = crypto_pwhash_OPSLIMIT_MODERATE;
	size_t mem = crypto_pwhash_MEMLIMIT_MODERATE;
	int rc = -1;

	auth_sodium_ready();
	if (seal_passphrase_check(passphrase, eb) < 0)
		return -1;
	if (o && o->opslimit)
		ops = o->opslimit;
	if (o && o->memlimit)
		mem = o->memlimit;
	if (ops < crypto_pwhash_OPSLIMIT_MIN || (int64_t)ops > OPS_MAX ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || (int64_t)mem > MEM_MAX)
		return errbuf_set(eb, ERR_INVALID_INPUT, "batas argon2id di luar rentang");
	memset(&key, 0, sizeof(key));
	crypto_box_keypair(key.public_key, sk);
	key.public_len = crypto_box_PUBLICKEYBYTES;
	key.salt_len = crypto_pwhash_SALTBYTES;
	randombytes_buf(key.salt, key.salt_len);
	key.ops = (int64_t)ops;
	key.mem = (int64_t)mem;
	if (derive(k, passphrase, key.salt, ops, mem, eb) < 0)
		goto out;
	randombytes_buf(key.wrapped, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(key.wrapped + crypto_secretbox_NONCEBYTES, sk, sizeof(sk),
			      key.wrapped, k);
	key.wrapped_len = WRAPPED_BYTES;
	j.office_id = office_id;
	j.key = &key;
	j.replace = o && o->replace;
	rc = store_write(st, init_write, &j, eb);
out:
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(k, sizeof(k));
	return rc;
}

/* --- sealing ----------------------------------------------------------------- */

static int
key_sane(const struct store_seal_key *k, struct errbuf *eb)
{
	if (k->public_len != crypto_box_PUBLICKEYBYTES || k->wrapped_len != WRAPPED_BYTES ||
	    k->salt_len != crypto_pwhash_SALTBYTES ||
	    k->ops < (int64_t)crypto_pwhash_OPSLIMIT_MIN || k->ops > OPS_MAX ||
	    k->mem < (int64_t)crypto_pwhash_MEMLIMIT_MIN || k->mem > MEM_MAX)
		return errbuf_set_code(eb, ERR_INTERNAL, "seal_key_corrupt",
				       "kunci segel kantor di basis data rusak");
	return 0;
}

int
seal_find_office(struct store *st, int64_t office_id, int64_t *key_office_id,
		 unsigned char public_key[SEAL_PUBLIC_BYTES], struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	struct store_seal_key k;
	int rc;

	rc = store_office_seal_find(c, office_id, key_office_id, &k, eb);
	store_reader_done(st, c);
	if (rc < 0 || key_sane(&k, eb) < 0)
		return -1;
	memcpy(public_key, k.public_key, SEAL_PUBLIC_BYTES);
	return 0;
}

int
seal_box(const unsigned char public_key[SEAL_PUBLIC_BYTES], const void *plaintext, size_t len,
	 unsigned char **blob, size_t *blob_len, struct errbuf *eb)
{
	unsigned char *b;

	*blob = NULL;
	*blob_len = 0;
	if (len > SEAL_PLAINTEXT_MAX)
		return errbuf_set(
			eb, ERR_PAYLOAD_TOO_LARGE,
			"identitas pelapor terlalu besar untuk disegel (maksimal %d byte)",
			SEAL_PLAINTEXT_MAX);
	auth_sodium_ready();
	b = xmalloc(len + SEAL_OVERHEAD);
	b[0] = SEAL_VERSION;
	key_id(public_key, b + 1);
	if (crypto_box_seal(b + 1 + SEAL_KEYID_BYTES, plaintext, len, public_key) != 0) {
		free(b);
		return errbuf_set(eb, ERR_INTERNAL, "penyegelan gagal");
	}
	*blob = b;
	*blob_len = len + SEAL_OVERHEAD;
	return 0;
}

/* --- sealing with epoch keys --------------------------------------------------- */

struct seal_epoch {
	unsigned char office_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char epk[crypto_box_PUBLICKEYBYTES];
	unsigned char k[crypto_box_BEFORENMBYTES];
	uint32_t uses;
	int64_t born_ms;
	bool live; /* false: empty (all wiped) */
};

struct seal_sender {
	pthread_mutex_t lock;
	unsigned next;            /* round-robin replacement */
	struct seal_epoch *slots; /* sodium_allocarray: guarded and locked */
};

struct seal_sender *
seal_sender_new(void)
{
	struct seal_sender *s;

	auth_sodium_ready();
	s = xcalloc(1, sizeof(*s));
	s->slots = sodium_allocarray(SENDER_SLOTS, sizeof(*s->slots));
	if (s->slots == NULL)
		die("out of memory for sealing keys");
	sodium_memzero(s->slots, SENDER_SLOTS * sizeof(*s->slots));
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void
seal_sender_free(struct seal_sender *s)
{
	if (s == NULL)
		return;
	sodium_free(s->slots); /* wipes */
	pthread_mutex_destroy(&s->lock);
	free(s);
}

/* A fresh epoch for office_pk in slot e; false when the key is unusable. */
static bool
epoch_start(struct seal_epoch *e, const unsigned char *office_pk)
{
	unsigned char esk[crypto_box_SECRETKEYBYTES];
	bool ok;

	crypto_box_keypair(e->epk, esk);
	ok = crypto_box_beforenm(e->k, office_pk, esk) == 0;
	sodium_memzero(esk, sizeof(esk));
	memcpy(e->office_pk, office_pk, crypto_box_PUBLICKEYBYTES);
	e->uses = 0;
	e->born_ms = clock_mono_ms();
	e->live = ok;
	if (!ok)
		sodium_memzero(e, sizeof(*e));
	return ok;
}

static bool
epoch_spent(const struct seal_epoch *e, int64_t now)
{
	return e->uses >= SEAL_EPOCH_USES || now - e->born_ms >= SEAL_EPOCH_MS;
}

/*
 * Copy the current epoch of office_pk (started when needed) to epk and k.
 * Every spent epoch is wiped on the way, so no shared key outlives its
 * window by more than the time to the next seal; a new office key takes
 * an empty slot first, then the next in turn.
 */
static bool
epoch_take(struct seal_sender *s, const unsigned char *office_pk, unsigned char *epk,
	   unsigned char *k)
{
	struct seal_epoch *e = NULL;
	int64_t now = clock_mono_ms();
	bool ok = true;
	unsigned i;

	pthread_mutex_lock(&s->lock);
	for (i = 0; i < SENDER_SLOTS; i++) {
		struct seal_epoch *x = &s->slots[i];

		if (x->live && epoch_spent(x, now))
			sodium_memzero(x, sizeof(*x));
		if (x->live && e == NULL &&
		    sodium_memcmp(x->office_pk, office_pk, crypto_box_PUBLICKEYBYTES) == 0)
			e = x;
	}
	for (i = 0; i < SENDER_SLOTS && e == NULL; i++)
		if (!s->slots[i].live) {
			e = &s->slots[i];
			ok = epoch_start(e, office_pk);
		}
	if (e == NULL) {
		e = &s->slots[s->next];
		s->next = (s->next + 1) % SENDER_SLOTS;
		ok = epoch_start(e, office_pk);
	}
	if (ok) {
		e->uses++;
		memcpy(epk, e->epk, crypto_box_PUBLICKEYBYTES);
		memcpy(k, e->k, crypto_box_BEFORENMBYTES);
	}
	pthread_mutex_unlock(&s->lock);
	return ok;
}

int
seal_sender_box(struct seal_sender *s, const unsigned char public_key[SEAL_PUBLIC_BYTES],
		const void *plaintext, size_t len, unsigned char **blob, size_t *blob_len,
		struct errbuf *eb)
{
	unsigned char k[crypto_box_BEFORENMBYTES], *b, *epk, *nonce;
	int rc;

	if (s == NULL)
		return seal_box(public_key, plaintext, len, blob, blob_len, eb);
	*blob = NULL;
	*blob_len = 0;
	if (len > SEAL_PLAINTEXT_MAX)
		return errbuf_set(
			eb, ERR_PAYLOAD_TOO_LARGE,
			"identitas pelapor terlalu besar untuk disegel (maksimal %d byte)",
			SEAL_PLAINTEXT_MAX);
	b = xmalloc(len + SEAL_EPOCH_OVERHEAD);
	b[0] = SEAL_VERSION_EPOCH;
	key_id(public_key, b + 1);
	epk = b + 1 + SEAL_KEYID_BYTES;
	nonce = epk + crypto_box_PUBLICKEYBYTES;
	if (!epoch_take(s, public_key, epk, k)) {
		free(b);
		return errbuf_set(eb, ERR_INTERNAL, "penyegelan gagal");
	}
	randombytes_buf(nonce, crypto_box_NONCEBYTES);
	rc = crypto_box_easy_afternm(nonce + crypto_box_NONCEBYTES, plaintext, len, nonce, k);
	sodium_memzero(k, sizeof(k));
	if (rc != 0) {
		free(b);
		return errbuf_set(eb, ERR_INTERNAL, "penyegelan gagal");
	}
	*blob = b;
	*blob_len = len + SEAL_EPOCH_OVERHEAD;
	return 0;
}

/* --- opening ------------------------------------------------------------------ */

/* Open the sealed part of a blob of either version with the secret key;
 * out has room for the plaintext (blob_len minus the version's overhead). */
static int
open_blob(const unsigned char *blob, size_t blob_len, const unsigned char *pk,
	  const unsigned char *sk, unsigned char *out)
{
	unsigned char k[crypto_box_BEFORENMBYTES];
	const unsigned char *epk, *nonce;
	int rc;

	if (blob[0] == SEAL_VERSION)
		return crypto_box_seal_open(out, blob + 1 + SEAL_KEYID_BYTES,
					    blob_len - 1 - SEAL_KEYID_BYTES, pk, sk);
	epk = blob + 1 + SEAL_KEYID_BYTES;
	nonce = epk + crypto_box_PUBLICKEYBYTES;
	if (crypto_box_beforenm(k, epk, sk) != 0)
		return -1;
	rc = crypto_box_open_easy_afternm(out, nonce + crypto_box_NONCEBYTES,
					  blob_len - (SEAL_EPOCH_OVERHEAD - crypto_box_MACBYTES),
					  nonce, k);
	sodium_memzero(k, sizeof(k));
	return rc;
}

int
seal_open(struct store *st, int64_t office_id, const char *passphrase, const unsigned char *blob,
	  size_t blob_len, char **plaintext, size_t *len, struct errbuf *eb)
{
	unsigned char sk[crypto_box_SECRETKEYBYTES], k[WRAP_KEY_BYTES];
	unsigned char pk[crypto_box_PUBLICKEYBYTES], kid[SEAL_KEYID_BYTES];
	struct store_seal_key key;
	struct store_conn *c;
	size_t n, overhead;
	char *out = NULL;
	int rc = -1;

	*plaintext = NULL;
	*len = 0;
	auth_sodium_ready();
	overhead = blob && blob_len > 0 && blob[0] == SEAL_VERSION_EPOCH ? SEAL_EPOCH_OVERHEAD
									 : SEAL_OVERHEAD;
	if (blob == NULL || blob_len < overhead || blob_len > SEAL_PLAINTEXT_MAX + overhead ||
	    (blob[0] != SEAL_VERSION && blob[0] != SEAL_VERSION_EPOCH))
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "seal_corrupt",
				       "data tersegel rusak atau berformat tidak dikenal");
	if (passphrase == NULL ||
	    strnlen(passphrase, SEAL_PASSPHRASE_MAX + 1) > SEAL_PASSPHRASE_MAX)
		return errbuf_set_code(eb, ERR_FORBIDDEN, "seal_passphrase",
				       "frasa sandi kunci segel salah");
	c = store_reader(st);
	rc = store_office_seal_get(c, office_id, &key, eb);
	store_reader_done(st, c);
	if (rc < 0 || key_sane(&key, eb) < 0)
		return -1;
	rc = -1;
	key_id(key.public_key, kid);
	if (sodium_memcmp(kid, blob + 1, SEAL_KEYID_BYTES) != 0)
		return errbuf_set_code(
			eb, ERR_CONFLICT, "seal_key_mismatch",
			"data ini disegel dengan kunci lain milik kantor ini "
			"(kunci sudah diganti); kunci lama diperlukan untuk membukanya");
	if (derive(k, passphrase, key.salt, (unsigned long long)key.ops, (size_t)key.mem, eb) < 0)
		goto out;
	if (crypto_secretbox_open_easy(sk, key.wrapped + crypto_secretbox_NONCEBYTES,
				       key.wrapped_len - crypto_secretbox_NONCEBYTES, key.wrapped,
				       k) != 0) {
		errbuf_set_code(eb, ERR_FORBIDDEN, "seal_passphrase",
				"frasa sandi kunci segel salah");
		goto out;
	}
	/* the unwrapped secret must belong to the stored public key */
	crypto_scalarmult_base(pk, sk);
	if (sodium_memcmp(pk, key.public_key, sizeof(pk)) != 0) {
		errbuf_set_code(eb, ERR_INTERNAL, "seal_key_corrupt",
				"kunci segel kantor di basis data tidak konsisten");
		goto out;
	}
	n = blob_len - overhead;
	out = xmalloc(n + 1);
	if (open_blob(blob, blob_len, key.public_key, sk, (unsigned char *)out) != 0) {
		free(out);
		out = NULL;
		errbuf_set_code(eb, ERR_UNPROCESSABLE, "seal_corrupt",
				"data tersegel rusak dan tidak dapat dibuka");
		goto out;
	}
	out[n] = '\0';
	*plaintext = out;
	*len = n;
	rc = 0;
out:
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(k, sizeof(k));
	return rc;
}

void
seal_plaintext_free(char *plaintext, size_t len)
{
	if (plaintext == NULL)
		return;
	sodium_memzero(plaintext, len);
	free(plaintext);
}
