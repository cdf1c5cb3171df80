/*
 * session.c - login, logout, API tokens and resolving a token into a
 * principal.
 *
 * Invariants: a token exists in clear only in the reply that hands it out
 * and in the client; the store keeps BLAKE2b-256(token).  A failed login
 * costs the same argon2id work whether or not the user exists, and says
 * the same thing for an unknown user, a wrong password and a disabled
 * account.  Session expiry slides by at most one queued write per session
 * every AUTH_SESSION_REFRESH_S and never past AUTH_SESSION_MAX_S after
 * login.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_internal.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store_users.h"

#define TOKEN_RAW   32
#define TOKEN_CHARS 43 /* unpadded base64url of 32 bytes */

/* --- tokens -------------------------------------------------------------- */

static bool
b64url_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

bool
auth_token_wellformed(const char *p, size_t n)
{
	size_t i;

	if (p == NULL || n != TOKEN_CHARS)
		return false;
	for (i = 0; i < n; i++)
		if (!b64url_char(p[i]))
			return false;
	/* 43 characters carry 258 bits for 256: the last character's two
	 * spare bits must be zero, so that a token has one spelling only */
	return strchr("AEIMQUYcgkosw048", p[n - 1]) != NULL;
}

int
auth_token_hash(const char *p, size_t n, unsigned char hash[AUTH_HASH_BYTES])
{
	if (!auth_token_wellformed(p, n))
		return -1;
	auth_sodium_ready();
	crypto_generichash(hash, AUTH_HASH_BYTES, (const unsigned char *)p, n, NULL, 0);
	return 0;
}

void
auth_token_new(char token_out[AUTH_TOKEN_LEN], unsigned char hash[AUTH_HASH_BYTES])
{
	unsigned char raw[TOKEN_RAW];

	auth_sodium_ready();
	randombytes_buf(raw, sizeof(raw));
	auth_b64url(token_out, AUTH_TOKEN_LEN, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	crypto_generichash(hash, AUTH_HASH_BYTES, (const unsigned char *)token_out, TOKEN_CHARS,
			   NULL, 0);
}

/* --- login --------------------------------------------------------------- */

/* A hash of a random password, verified against when the user does not
 * exist so that the answer takes as long as for a real user. */
static char dummy_hash[AUTH_PASSWORD_BYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_make(void)
{
	char pw[40];

	auth_secret_generate(pw, sizeof(pw), 24);
	if (auth_password_hash(pw, dummy_hash, sizeof(dummy_hash), NULL) < 0)
		dummy_hash[0] = '\0';
	sodium_memzero(pw, sizeof(pw));
}

struct login_job {
	unsigned char hash[AUTH_HASH_BYTES];
	int64_t user_id;
	const char *csrf;
	int64_t now;
	int64_t expires_at;
	const char *rehash; /* new password hash (stronger limits), or NULL */
};

static int
login_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct login_job *j = arg;

	if (store_session_delete_expired(c, j->now, NULL, eb) < 0 ||
	    store_session_insert(c, j->hash, j->user_id, j->csrf, j->now, j->expires_at, eb) < 0)
		return -1;
	if (j->rehash && store_user_set_password(c, j->user_id, j->rehash, j->now, eb) < 0)
		return -1;
	return 0;
}

static int
login_failed(struct errbuf *eb)
{
	return errbuf_set_code(eb, ERR_UNAUTHORIZED, "login_failed",
			       "nama pengguna atau kata sandi salah");
}

int
auth_login(struct store *st, const char *username, const char *password,
	   char token_out[AUTH_TOKEN_LEN], struct principal *p, struct errbuf *eb)
{
	struct store_session sess;
	struct store_conn *c;
	struct login_job j;
	struct errbuf leb;
	char csrf[AUTH_TOKEN_LEN];
	char rehash[AUTH_PASSWORD_BYTES], uname[64];
	unsigned char raw[TOKEN_RAW];
	bool found = false, ok;
	size_t i;
	int rc = -1;

	auth_principal_anonymous(p);
	token_out[0] = '\0';
	auth_sodium_ready();
	if (username == NULL || password == NULL || username[0] == '\0' ||
	    strnlen(username, sizeof(uname)) >= sizeof(uname))
		return login_failed(eb);
	for (i = 0; username[i]; i++) /* usernames are stored in lower case */
		uname[i] = (username[i] >= 'A' && username[i] <= 'Z')
				   ? (char)(username[i] - 'A' + 'a')
				   : username[i];
	uname[i] = '\0';
	memset(&sess, 0, sizeof(sess));
	c = store_reader(st);
	errbuf_clear(&leb);
	if (store_user_get_by_username(c, uname, &sess.user, &leb) == 0 &&
	    store_office_get(c, sess.user.office_id, &sess.office, &leb) == 0)
		found = true;
	store_reader_done(st, c);
	if (!found && leb.kind != ERR_NOT_FOUND) {
		if (eb)
			*eb = leb;
		return -1;
	}
	if (found) {
		ok = auth_password_verify(sess.user.password_hash, password) && sess.user.active;
	} else {
		pthread_once(&dummy_once, dummy_make);
		auth_password_verify(dummy_hash, password);
		ok = false;
	}
	if (!ok)
		return login_failed(eb);

	memset(&j, 0, sizeof(j));
	if (crypto_pwhash_str_needs_rehash(sess.user.password_hash,
					   crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) == 1 &&
	    auth_password_hash(password, rehash, sizeof(rehash), NULL) == 0)
		j.rehash = rehash;
	auth_token_new(token_out, j.hash);
	randombytes_buf(raw, sizeof(raw));
	auth_b64url(csrf, sizeof(csrf), raw, sizeof(raw));
	j.user_id = sess.user.id;
	j.csrf = csrf;
	j.now = clock_now();
	j.expires_at = j.now + AUTH_SESSION_IDLE_S;
	if (store_write(st, login_write, &j, eb) < 0) {
		sodium_memzero(token_out, AUTH_TOKEN_LEN);
		token_out[0] = '\0';
		goto out;
	}
	cstr_copy(sess.csrf, sizeof(sess.csrf), csrf);
	sess.created_at = j.now;
	sess.expires_at = j.expires_at;
	auth_principal_from_session(p, &sess, AUTH_VIA_COOKIE);
	log_info("auth: user %s signed in", sess.user.username);
	rc = 0;
out:
	sodium_memzero(sess.user.password_hash, sizeof(sess.user.password_hash));
	sodium_memzero(rehash, sizeof(rehash));
	return rc;
}

/* --- logout -------------------------------------------------------------- */

static int
logout_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct errbuf leb;

	errbuf_clear(&leb);
	if (store_session_delete(c, arg, &leb) == 0 || leb.kind == ERR_NOT_FOUND)
		return 0; /* ending an ended session is not an error */
	if (eb)
		*eb = leb;
	return -1;
}

int
auth_logout(struct store *st, const char *token, struct errbuf *eb)
{
	unsigned char hash[AUTH_HASH_BYTES];

	if (token == NULL || auth_token_hash(token, strlen(token), hash) < 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "token sesi tidak sah");
	return store_write(st, logout_write, hash, eb);
}

/* --- API tokens ---------------------------------------------------------- */

struct token_job {
	unsigned char hash[AUTH_HASH_BYTES];
	int64_t user_id;
	const char *name;
	int64_t now;
	int64_t expires_at;
};

static int
token_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct token_job *j = arg;
	struct store_user u;

	if (store_user_get(c, j->user_id, &u, eb) < 0)
		return -1;
	sodium_memzero(u.password_hash, sizeof(u.password_hash));
	if (!u.active)
		return errbuf_set_code(eb, ERR_CONFLICT, "user_disabled",
				       "pengguna %s nonaktif; token tidak dibuat", u.username);
	return store_api_token_insert(c, j->hash, j->user_id, j->name, j->now, j->expires_at, eb);
}

static bool
token_name_ok(const char *name)
{
	size_t i, n;

	if (name == NULL)
		return false;
	n = strnlen(name, AUTH_TOKEN_NAME_MAX + 1);
	if (n == 0 || n > AUTH_TOKEN_NAME_MAX || !utf8_valid(name, n))
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return false;
	return true;
}

int
auth_token_create_until(struct store *st, int64_t user_id, const char *name, int64_t expires_at,
			char token_out[AUTH_TOKEN_LEN], struct errbuf *eb)
{
	struct token_job j;

	token_out[0] = '\0';
	if (!token_name_ok(name))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "name",
					"nama token wajib diisi, 1..%d byte tanpa karakter kendali",
					AUTH_TOKEN_NAME_MAX);
	memset(&j, 0, sizeof(j));
	j.user_id = user_id;
	j.name = name;
	j.now = clock_now();
	j.expires_at = expires_at;
	if (expires_at != 0 && expires_at <= j.now)
		return errbuf_set(eb, ERR_INVALID_INPUT, "masa berlaku token sudah lewat");
	auth_token_new(token_out, j.hash);
	if (store_write(st, token_write, &j, eb) < 0) {
		sodium_memzero(token_out, AUTH_TOKEN_LEN);
		token_out[0] = '\0';
		return -1;
	}
	return 0;
}

int
auth_token_create(struct store *st, int64_t user_id, const char *name,
		  char token_out[AUTH_TOKEN_LEN], struct errbuf *eb)
{
	return auth_token_create_until(st, user_id, name, 0, token_out, eb);
}

/* --- resolving ------------------------------------------------------------ */

struct touch {
	struct store_job job;
	unsigned char hash[AUTH_HASH_BYTES];
	int64_t expires_at;
};

static int
touch_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct touch *t = arg;
	struct errbuf leb;

	errbuf_clear(&leb);
	if (store_session_touch(c, t->hash, t->expires_at, &leb) == 0 || leb.kind == ERR_NOT_FOUND)
		return 0; /* logged out meanwhile */
	if (eb)
		*eb = leb;
	return -1;
}

static void
touch_done(void *arg, int rc, const struct errbuf *eb)
{
	if (rc != 0)
		log_warn("auth: session refresh failed: %s", eb->msg);
	free(arg);
}

int
auth_resolve(struct store *st, enum auth_via via, const char *token, size_t len, int64_t now,
	     struct principal *p, bool *touch_queued, struct errbuf *eb)
{
	unsigned char hash[AUTH_HASH_BYTES];
	struct store_session sess;
	struct store_conn *c;
	struct errbuf leb;
	int rc;

	auth_principal_anonymous(p);
	if (touch_queued)
		*touch_queued = false;
	if (auth_token_hash(token, len, hash) < 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "token tidak sah");
	errbuf_clear(&leb);
	c = store_reader(st);
	if (via == AUTH_VIA_COOKIE)
		rc = store_session_get(c, hash, now, &sess, &leb);
	else
		rc = store_api_token_get(c, hash, now, &sess, &leb);
	store_reader_done(st, c);
	if (rc < 0) {
		if (leb.kind == ERR_NOT_FOUND)
			return errbuf_set(eb, ERR_UNAUTHORIZED,
					  "sesi atau token tidak berlaku; silakan masuk lagi");
		if (eb)
			*eb = leb;
		return -1;
	}
	auth_principal_from_session(p, &sess, via);
	if (p->role == ROLE_NONE)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "peran pengguna tidak dikenal");
	if (via == AUTH_VIA_COOKIE) {
		int64_t want = now + AUTH_SESSION_IDLE_S;

		if (want > sess.created_at + AUTH_SESSION_MAX_S)
			want = sess.created_at + AUTH_SESSION_MAX_S;
		if (want - sess.expires_at >= AUTH_SESSION_REFRESH_S) {
			struct touch *t = xcalloc(1, sizeof(*t));

			memcpy(t->hash, hash, sizeof(hash));
			t->expires_at = want;
			t->job.fn = touch_write;
			t->job.arg = t;
			t->job.done = touch_done;
			t->job.done_arg = t;
			store_submit(st, &t->job);
			if (touch_queued)
				*touch_queued = true;
		}
	}
	return 0;
}
