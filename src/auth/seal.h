/*
 * seal.h - sealing a reporter's identity so that only a custodian of the
 * receiving office, knowing the office passphrase, can read it again.
 *
 * Each office may hold a crypto_box key pair.  The public key is stored in
 * clear (offices.seal_public); the secret key only wrapped with
 * crypto_secretbox under a key derived by argon2id (crypto_pwhash) from the
 * custodian's passphrase, with its salt and limits (seal_wrapped,
 * seal_salt, seal_ops, seal_mem).  Sealing needs no secret at all: intake
 * uses the nearest office up the parent chain that has a key
 * (seal_find_office) and crypto_box_seal (seal_box), or, at intake rates,
 * a sender's epoch key (seal_sender_box).  Opening needs the
 * passphrase (seal_open).  The passphrase is never stored: when it is lost,
 * every identity sealed to that key is lost too, by design.
 *
 * Blob formats (what cases.pelapor_sealed holds):
 *   byte 0       SEAL_VERSION (1)
 *   bytes 1..8   key id: the first 8 bytes of BLAKE2b-256(public key)
 *   bytes 9..    crypto_box_seal(plaintext, public key)
 * or
 *   byte 0       SEAL_VERSION_EPOCH (2)
 *   bytes 1..8   key id, as above
 *   bytes 9..40  the epoch's ephemeral public key
 *   bytes 41..64 a random nonce
 *   bytes 65..   crypto_box_easy_afternm(plaintext, nonce, k), where
 *                k = crypto_box_beforenm(office public key, ephemeral secret)
 *
 * Version 1 spends two X25519 operations on every blob (about 50 us here,
 * a quarter of the CPU of one intake request).  A seal_sender makes an
 * ephemeral key pair per epoch instead (at most SEAL_EPOCH_USES blobs or
 * SEAL_EPOCH_MS), keeps only the shared key k (in guarded, locked memory;
 * the ephemeral secret is wiped at once; a spent epoch's k is wiped at the
 * next seal, or when the sender is freed) and seals each blob with a
 * random nonce.  The price: while an epoch lasts, whoever reads the
 * process memory could open that epoch's blobs; the same reader sees the
 * identities themselves pass through memory in clear, so the window adds
 * little.  Either way nothing stored can be opened without the office's
 * secret key, and seal_open reads both versions.
 *
 * Errors (stable codes): "seal_no_key" (ERR_NOT_FOUND), "seal_key_exists"
 * (ERR_CONFLICT, init without replace), "seal_passphrase" (ERR_FORBIDDEN,
 * wrong passphrase), "seal_key_mismatch" (ERR_CONFLICT, the blob was
 * sealed to another key of the office, i.e. before a replace),
 * "seal_corrupt" (ERR_UNPROCESSABLE), "weak_passphrase" (ERR_INVALID_INPUT).
 * Secrets (derived keys, secret keys, plaintext on free) are wiped with
 * sodium_memzero.  The cases module writes the audit event of an opening;
 * this module knows nothing of cases.
 */
#ifndef NETRA_AUTH_SEAL_H
#define NETRA_AUTH_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store;

#define SEAL_VERSION       1
#define SEAL_VERSION_EPOCH 2
#define SEAL_PUBLIC_BYTES  32
#define SEAL_KEYID_BYTES   8
#define SEAL_OVERHEAD      (1 + SEAL_KEYID_BYTES + 48) /* 48: crypto_box_SEALBYTES */
/* 32 + 24 + 16: ephemeral public key, nonce, MAC */
#define SEAL_EPOCH_OVERHEAD (1 + SEAL_KEYID_BYTES + 32 + 24 + 16)
#define SEAL_EPOCH_USES     4096
#define SEAL_EPOCH_MS       60000
#define SEAL_PLAINTEXT_MAX  (64 * 1024)
#define SEAL_PASSPHRASE_MIN 12   /* characters */
#define SEAL_PASSPHRASE_MAX 1024 /* bytes */

struct seal_opts {
	bool replace;                /* overwrite an existing key (old blobs become unreadable) */
	unsigned long long opslimit; /* 0: crypto_pwhash_OPSLIMIT_MODERATE */
	size_t memlimit;             /* 0: crypto_pwhash_MEMLIMIT_MODERATE (256 MiB) */
};

/* Passphrase policy: SEAL_PASSPHRASE_MIN..MAX, valid UTF-8. */
int seal_passphrase_check(const char *passphrase, struct errbuf *eb);

/* Create the office's key pair and store it wrapped under passphrase.
 * o may be NULL (defaults, no replace). */
int seal_key_init(struct store *st, int64_t office_id, const char *passphrase,
		  const struct seal_opts *o, struct errbuf *eb);

/* The nearest office, office_id itself or up its parent chain, with a
 * key: its id and public key. */
int seal_find_office(struct store *st, int64_t office_id, int64_t *key_office_id,
		     unsigned char public_key[SEAL_PUBLIC_BYTES], struct errbuf *eb);

/* Seal len bytes (at most SEAL_PLAINTEXT_MAX) to public_key.  *blob is
 * malloc'd (len + SEAL_OVERHEAD bytes); the caller frees it. */
int seal_box(const unsigned char public_key[SEAL_PUBLIC_BYTES], const void *plaintext, size_t len,
	     unsigned char **blob, size_t *blob_len, struct errbuf *eb);

/* A sender: epoch keys for up to a few public keys, shared by threads. */
struct seal_sender;
struct seal_sender *seal_sender_new(void);
void seal_sender_free(struct seal_sender *s);
/* As seal_box, in the version 2 format with the sender's epoch key for
 * public_key (len + SEAL_EPOCH_OVERHEAD bytes).  s NULL: seal_box. */
int seal_sender_box(struct seal_sender *s, const unsigned char public_key[SEAL_PUBLIC_BYTES],
		    const void *plaintext, size_t len, unsigned char **blob, size_t *blob_len,
		    struct errbuf *eb);

/*
 * Open a blob sealed to office_id's key with the custodian passphrase.
 * *plaintext is malloc'd, NUL-terminated, *len bytes; release it with
 * seal_plaintext_free(), which wipes it.  Takes as long as one argon2id
 * derivation with the office's limits.
 */
int seal_open(struct store *st, int64_t office_id, const char *passphrase,
	      const unsigned char *blob, size_t blob_len, char **plaintext, size_t *len,
	      struct errbuf *eb);
void seal_plaintext_free(char *plaintext, size_t len);

#endif
