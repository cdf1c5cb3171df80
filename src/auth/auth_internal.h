/*
 * auth_internal.h - what the auth module's own files share; never included
 * outside src/auth/.
 *
 * auth_sodium_ready() must be called before any libsodium use: it runs
 * sodium_init() once (CPU feature detection picks the fast argon2 and
 * BLAKE2b code) and dies if libsodium cannot start, since nothing in this
 * module is safe without it.
 */
#ifndef NETRA_AUTH_INTERNAL_H
#define NETRA_AUTH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "store/store.h"
#include "store/store_users.h"

void auth_sodium_ready(void);

/* Unpadded base64url of n bytes; out needs 4 * n / 3 + 2 bytes. */
void auth_b64url(char *out, size_t outsz, const unsigned char *in, size_t n);

/* Fill p from a joined session/token row. */
void auth_principal_from_session(struct principal *p, const struct store_session *s,
				 enum auth_via via);

#endif
