/*
 * auth.h - who is asking, and what they may see and do.
 *
 * Users belong to an office (Bawaslu RI / provinsi / kab-kota / kecamatan,
 * BKN, a PPK office) and have one role.  A request is made by a principal:
 * anonymous (the public) or a user resolved from a session cookie or a
 * bearer token.  The principal's scope is what the store filters every
 * case query by: a region prefix, plus role-specific limits (BKN analysts
 * see cases once recommended; a PPK office sees only tracks addressed to
 * it).  Passwords are argon2id (libsodium crypto_pwhash_str); session and
 * API tokens are 32 random bytes, stored only as BLAKE2b-256 hashes.
 */
#ifndef NETRA_AUTH_AUTH_H
#define NETRA_AUTH_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/str.h"

struct store;
struct store_scope;
struct http_request;

enum role {
	ROLE_NONE = 0, /* anonymous */
	ROLE_ADMIN,
	ROLE_PENGAWAS,  /* Bawaslu supervisor (RI/provinsi/kab-kota/kecamatan) */
	ROLE_ANALIS,    /* BKN (KASN before Sept 2024) analyst */
	ROLE_PPK,       /* the office of a Pejabat Pembina Kepegawaian */
	ROLE_CUSTODIAN, /* may open a sealed reporter identity, with a reason */
	ROLE_AUDITOR,   /* read-only, including the audit log */
	ROLE__COUNT
};

enum perm {
	PERM_CASE_READ,
	PERM_CASE_TRIAGE,     /* assign, claim, notes, merge */
	PERM_CASE_TRANSITION, /* the transition table names the roles per step */
	PERM_TEMUAN_CREATE,
	PERM_PELAPOR_UNSEAL,
	PERM_AUDIT_READ,
	PERM_USER_ADMIN,
	PERM_EXPORT,
	PERM_DASHBOARD,
	PERM_SCREENING,
	PERM__COUNT
};

struct principal {
	int64_t user_id; /* 0: anonymous */
	char username[64];
	char full_name[128];
	enum role role;
	int64_t office_id;
	char office_code[64];
	char office_name[160];
	char office_kind[16];   /* bawaslu, bkn, kasn, ppk, lain */
	char office_level[16];  /* ri, provinsi, kabkota, kecamatan, instansi */
	char region_prefix[24]; /* "" national, "64", "64.08", "64.08.01" */
	char tz[8];
	char csrf[48];   /* the session's CSRF token (cookie sessions only) */
	bool via_cookie; /* cookie session: CSRF applies to unsafe methods */
};

const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);
/* stable English name of a permission ("case_read"), for JSON and docs */
const char *perm_name(enum perm p);

bool auth_can(const struct principal *p, enum perm perm);
/*
 * true when region_code lies inside p's region prefix: the prefix itself or
 * anything below it on a dot boundary ("64.08" allows "64.08" and
 * "64.08.01.2001", not "64.081" or "64.71").  Always false for the
 * anonymous principal and for ROLE_PPK, whose access is by track address
 * (store_scope.ppk_office_id), never by region.
 */
bool auth_region_allows(const struct principal *p, const char *region_code);
/* The prefix rule alone: code equals prefix or continues it after a '.';
 * prefix "" contains every code. */
bool auth_region_within(const char *prefix, const char *code);
/* The store filter for p (see store_scope in store/store.h).  The table of
 * what each role sees is in docs/internals/auth.md. */
void auth_scope(const struct principal *p, struct store_scope *out);
/* Fill p as the anonymous principal (the public). */
void auth_principal_anonymous(struct principal *p);
/* The principal of an active user, as their own session would give it. */
int auth_principal_for_user(struct store *st, const char *username, struct principal *p,
			    struct errbuf *eb);

/* Passwords: argon2id, interactive limits.  Minimum length 10. */
int auth_password_hash(const char *password, char *out, size_t outsz, struct errbuf *eb);
bool auth_password_verify(const char *hash, const char *password);

/* Password policy (characters, not bytes): at least AUTH_PASSWORD_MIN,
 * at most AUTH_PASSWORD_MAX bytes, valid UTF-8, not the username (any
 * case).  auth_password_hash() checks the length itself; this adds the
 * username rule.  Stable code "weak_password". */
#define AUTH_PASSWORD_MIN   10
#define AUTH_PASSWORD_MAX   1024
#define AUTH_PASSWORD_BYTES 128 /* crypto_pwhash_STRBYTES: room for a hash */
int auth_password_check(const char *username, const char *password, struct errbuf *eb);
/* A random secret of nchars characters from a 32-symbol alphabet without
 * look-alikes (5 bits each), grouped by 4 with '-'; out needs
 * nchars + nchars / 4 + 1 bytes.  Used for generated passwords and seal
 * passphrases. */
void auth_secret_generate(char *out, size_t outsz, size_t nchars);

/* Sessions and tokens.  *token_out (base64url, 43 chars + NUL) is shown
 * once; only its hash is stored. */
#define AUTH_TOKEN_LEN 44
int auth_login(struct store *st, const char *username, const char *password,
	       char token_out[AUTH_TOKEN_LEN], struct principal *p, struct errbuf *eb);
int auth_logout(struct store *st, const char *token, struct errbuf *eb);
int auth_token_create(struct store *st, int64_t user_id, const char *name,
		      char token_out[AUTH_TOKEN_LEN], struct errbuf *eb);

/* --- sessions and tokens: the parts below the contract -------------------
 *
 * A token is 32 random bytes written as unpadded base64url (43 chars).
 * Sessions last AUTH_SESSION_IDLE_S after the last use (sliding, refreshed
 * at most every AUTH_SESSION_REFRESH_S) and never longer than
 * AUTH_SESSION_MAX_S after login.
 */
#define AUTH_HASH_BYTES        32
#define AUTH_COOKIE            "netra_sesi"
#define AUTH_SESSION_IDLE_S    (12 * 3600)
#define AUTH_SESSION_MAX_S     (7 * 24 * 3600)
#define AUTH_SESSION_REFRESH_S 600
#define AUTH_TOKEN_NAME_MAX    63

enum auth_via { AUTH_VIA_COOKIE, AUTH_VIA_BEARER };

/* A fresh random token and its hash. */
void auth_token_new(char token_out[AUTH_TOKEN_LEN], unsigned char hash[AUTH_HASH_BYTES]);
/* true when (p, n) is 43 base64url characters */
bool auth_token_wellformed(const char *p, size_t n);
/* BLAKE2b-256 of a well-formed token; -1 for anything else. */
int auth_token_hash(const char *p, size_t n, unsigned char hash[AUTH_HASH_BYTES]);
/* API token with an expiry (expires_at 0: never); auth_token_create() is
 * this with 0.  Name: 1..AUTH_TOKEN_NAME_MAX bytes, printable. */
int auth_token_create_until(struct store *st, int64_t user_id, const char *name, int64_t expires_at,
			    char token_out[AUTH_TOKEN_LEN], struct errbuf *eb);
/*
 * Resolve a session token (via cookie) or an API token (via bearer) at
 * instant now into p.  On any failure p is anonymous and -1 is returned
 * with ERR_UNAUTHORIZED (or ERR_UNAVAILABLE/ERR_INTERNAL when the store
 * failed).  A session close to its idle limit is extended by a queued,
 * asynchronous write (touch_queued tells whether one was queued; may be
 * NULL).
 */
int auth_resolve(struct store *st, enum auth_via via, const char *token, size_t len, int64_t now,
		 struct principal *p, bool *touch_queued, struct errbuf *eb);

/* --- header and body parsing (pure over (ptr, len); fuzzed) -------------- */

/* "Bearer <token68>" (scheme case-insensitive): 0 with *token set, else -1 */
int auth_parse_bearer(const char *h, size_t n, struct str *token);
/* The first cookie called name in a Cookie header (quotes removed). */
int auth_cookie_find(const char *h, size_t n, const char *name, struct str *value);
/*
 * The first form field called name in a request body that is
 * application/x-www-form-urlencoded (value decoded) or multipart/form-data
 * (value as sent).  Copies it NUL-terminated into out; -1 when the body has
 * another type, the field is absent, malformed or does not fit.
 */
int auth_body_field(const char *content_type, const char *body, size_t len, const char *name,
		    char *out, size_t outsz);
/* true when method is GET, HEAD or OPTIONS */
bool auth_method_safe(const char *method);
/*
 * The CSRF decision: true when the request may go on.  Only a cookie
 * session on an unsafe method needs the token, given in header (may be
 * NULL) or else in the body field "csrf"; comparison is constant-time.
 */
bool auth_csrf_ok(const struct principal *p, const char *method, const char *header,
		  const char *content_type, const char *body, size_t len);

/*
 * The HTTP before-hook: resolve the principal (cookie "netra_sesi" or
 * "Authorization: Bearer"), put it in req->session (arena memory, never
 * NULL: anonymous when nobody), and refuse an unsafe method on a cookie
 * session without the CSRF token (form field "csrf" or header
 * "X-CSRF-Token") with 403 code "csrf".  Returns 0 to continue, 1 when it
 * replied.
 */
int auth_http_before(struct http_request *req);
/* req->session, or the anonymous principal when the hook did not run */
const struct principal *auth_principal(const struct http_request *req);

/*
 * Process-lifetime state of the HTTP side, owned by whoever creates it
 * (netra serve: struct app, app->auth) and handed to the server as
 * http_server_opts.auth, which every request carries as req->auth: the
 * store, cookie attributes, failed-login throttles (per username and per
 * client) and the public-intake rate limiter.  Without one (req->auth
 * NULL) every request is anonymous.  Thread-safe.
 */
struct auth_guard;
struct auth_guard_opts {
	struct store *store;
	bool secure_cookie;         /* base_url is https: add "; Secure" */
	unsigned intake_per_minute; /* 0: no limit */
	unsigned intake_burst;      /* 0: same as intake_per_minute */
};
/* Failed logins allowed before throttling, and the refill per minute. */
#define AUTH_LOGIN_USER_BURST     5
#define AUTH_LOGIN_USER_PER_MIN   1
#define AUTH_LOGIN_CLIENT_BURST   20
#define AUTH_LOGIN_CLIENT_PER_MIN 10

struct auth_guard *auth_guard_new(const struct auth_guard_opts *o);
void auth_guard_free(struct auth_guard *g);

/*
 * POST /api/v1/session without the JSON: throttle check (ERR_RATE_LIMITED
 * with a Retry-After header), auth_login(), failure counting, Set-Cookie.
 * On success p is the new principal (with its CSRF token).
 */
int auth_http_login(struct http_request *req, const char *username, const char *password,
		    struct principal *p, struct errbuf *eb);
/* End the cookie session of req (and clear the cookie); ERR_UNAUTHORIZED
 * when req has none. */
int auth_http_logout(struct http_request *req, struct errbuf *eb);
/* Public intake: 0 when the client may submit, 1 when a 429 was sent. */
int auth_http_intake_limit(struct http_request *req);
/* The same without replying (for pages that answer 429 in HTML): true when
 * the client may submit (a token is taken), else false with the seconds to
 * wait in *retry_after. */
bool auth_http_intake_take(struct http_request *req, unsigned *retry_after);

/* In-memory token-bucket rate limiter keyed by a salted hash of the
 * client address; addresses are never stored or logged. */
struct ratelimit;
struct ratelimit *ratelimit_new(unsigned per_minute, unsigned burst);
void ratelimit_free(struct ratelimit *rl);
/* true when the request may go ahead (one token taken) */
bool ratelimit_take(struct ratelimit *rl, const char *client_key, int64_t now);
/* true when a token is available, without taking it */
bool ratelimit_peek(struct ratelimit *rl, const char *client_key, int64_t now);
/*
 * Limits and behaviour: now is in seconds; per_minute 0 means unlimited;
 * burst 0 means per_minute.  The table has RATELIMIT_SLOTS entries in
 * sets of RATELIMIT_WAYS; a new key evicts the stalest entry of its set,
 * so memory is fixed whatever the number of clients (an evicted client
 * starts again with a full bucket).
 */
#define RATELIMIT_SLOTS 8192
#define RATELIMIT_WAYS  8

#endif
