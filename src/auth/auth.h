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
	char office_kind[16];  /* bawaslu, bkn, kasn, ppk, lain */
	char office_level[16]; /* ri, provinsi, kabkota, kecamatan, instansi */
	char region_prefix[24]; /* "" national, "64", "64.08", "64.08.01" */
	char tz[8];
	char csrf[48];   /* the session's CSRF token (cookie sessions only) */
	bool via_cookie; /* cookie session: CSRF applies to unsafe methods */
};

const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);

bool auth_can(const struct principal *p, enum perm perm);
/* true when region_code lies inside p's region prefix */
bool auth_region_allows(const struct principal *p, const char *region_code);
/* The store filter for p (see store_scope in store/store.h). */
void auth_scope(const struct principal *p, struct store_scope *out);

/* Passwords: argon2id, interactive limits.  Minimum length 10. */
int auth_password_hash(const char *password, char *out, size_t outsz, struct errbuf *eb);
bool auth_password_verify(const char *hash, const char *password);

/* Sessions and tokens.  *token_out (base64url, 43 chars + NUL) is shown
 * once; only its hash is stored. */
#define AUTH_TOKEN_LEN 44
int auth_login(struct store *st, const char *username, const char *password,
	       char token_out[AUTH_TOKEN_LEN], struct principal *p, struct errbuf *eb);
int auth_logout(struct store *st, const char *token, struct errbuf *eb);
int auth_token_create(struct store *st, int64_t user_id, const char *name,
		      char token_out[AUTH_TOKEN_LEN], struct errbuf *eb);

/*
 * The HTTP before-hook: resolve the principal (cookie "netra_sesi" or
 * "Authorization: Bearer"), put it in req->session (arena memory, never
 * NULL: anonymous when nobody), and refuse an unsafe method on a cookie
 * session without the CSRF token (form field "csrf" or header
 * "X-CSRF-Token") with 403 code "csrf".  Returns 0 to continue, 1 when it
 * replied.
 */
int auth_http_before(struct http_request *req);
const struct principal *auth_principal(const struct http_request *req);

/* In-memory token-bucket rate limiter keyed by a salted hash of the
 * client address; addresses are never stored or logged. */
struct ratelimit;
struct ratelimit *ratelimit_new(unsigned per_minute, unsigned burst);
void ratelimit_free(struct ratelimit *rl);
/* true when the request may go ahead */
bool ratelimit_take(struct ratelimit *rl, const char *client_key, int64_t now);

#endif
