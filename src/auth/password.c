/*
 * password.c - argon2id password hashes (libsodium crypto_pwhash_str with
 * the interactive limits), the password policy and generated secrets.
 *
 * Invariants: a password is never logged, stored or copied except into
 * libsodium; lengths are checked before hashing so an attacker cannot make
 * the server hash megabytes; the hash string carries its own parameters,
 * so raising the limits later keeps old hashes verifiable.
 */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "auth/auth_internal.h"
#include "core/str.h"

/* Characters, not bytes: UTF-8 lead bytes. */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static int
password_shape(const char *password, size_t *len, struct errbuf *eb)
{
	size_t n;

	if (password == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_password",
				       "kata sandi wajib diisi");
	n = strnlen(password, AUTH_PASSWORD_MAX + 1);
	if (n > AUTH_PASSWORD_MAX)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_password",
				       "kata sandi terlalu panjang (maksimal %d byte)",
				       AUTH_PASSWORD_MAX);
	if (!utf8_valid(password, n))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_password",
				       "kata sandi harus teks UTF-8 yang sah");
	if (utf8_chars(password, n) < AUTH_PASSWORD_MIN)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_password",
				       "kata sandi minimal %d karakter", AUTH_PASSWORD_MIN);
	*len = n;
	return 0;
}

int
auth_password_check(const char *username, const char *password, struct errbuf *eb)
{
	size_t n = 0;

	if (password_shape(password, &n, eb) < 0)
		return -1;
	if (username && strlen(username) == n && strncasecmp(username, password, n) == 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "weak_password",
				       "kata sandi tidak boleh sama dengan nama pengguna");
	return 0;
}

int
auth_password_hash(const char *password, char *out, size_t outsz, struct errbuf *eb)
{
	size_t n = 0;

	auth_sodium_ready();
	if (outsz < crypto_pwhash_STRBYTES)
		return errbuf_set(eb, ERR_INTERNAL, "buffer hash kata sandi terlalu kecil");
	if (password_shape(password, &n, eb) < 0)
		return -1;
	if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return errbuf_set(eb, ERR_UNAVAILABLE,
				  "memori tidak cukup untuk menghitung hash kata sandi");
	return 0;
}

bool
auth_password_verify(const char *hash, const char *password)
{
	size_t n;

	if (hash == NULL || password == NULL || hash[0] == '\0')
		return false;
	n = strnlen(password, AUTH_PASSWORD_MAX + 1);
	if (n > AUTH_PASSWORD_MAX)
		return false;
	auth_sodium_ready();
	return crypto_pwhash_str_verify(hash, password, n) == 0;
}

/* Crockford's base32 alphabet, lower case: no i, l, o, u. */
static const char secret_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

void
auth_secret_generate(char *out, size_t outsz, size_t nchars)
{
	size_t i, w = 0;

	auth_sodium_ready();
	if (outsz == 0)
		return;
	for (i = 0; i < nchars; i++) {
		if (i && i % 4 == 0 && w + 1 < outsz)
			out[w++] = '-';
		if (w + 1 >= outsz)
			break;
		out[w++] = secret_alphabet[randombytes_uniform(32)];
	}
	out[w] = '\0';
}
