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
 * (seal_find_office) and crypto_box_seal (seal_box).  Opening needs the
 * passphrase (seal_open).  The passphrase is never stored: when it is lost,
 * every identity sealed to that key is lost too, by design.
 *
 * Blob format (what cases.pelapor_sealed holds):
 *   byte 0       SEAL_VERSION (1)
 *   bytes 1..8   key id: the first 8 bytes of BLAKE2b-256(public key)
 *   bytes 9..    crypto_box_seal(plaintext, public key)
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

#define SEAL_VERSION        1
#define SEAL_PUBLIC_BYTES   32
#define SEAL_KEYID_BYTES    8
#define SEAL_OVERHEAD       (1 + SEAL_KEYID_BYTES + 48) /* 48: crypto_box_SEALBYTES */
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
