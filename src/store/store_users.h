/*
 * store_users.h - offices, users, sessions, API tokens and the offices'
 * sealing keys (src/store/users.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_USERS_H
#define NETRA_STORE_STORE_USERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"

/* --- users, offices, sessions, tokens ------------------------------------
 *
 * Written by the auth module (src/auth/); see docs/internals/auth.md.
 * Text fields are fixed buffers; callers validate lengths before insert so
 * nothing read back is ever truncated.  Token hashes are BLAKE2b-256 of
 * the token: the store never sees a token or a password, only hashes.
 * Lookups that find nothing fail with ERR_NOT_FOUND.  Listing functions
 * call fn once per row; fn returning non-zero stops the walk (that value
 * is returned).
 */

#define STORE_TOKEN_HASH_BYTES 32

struct store_office {
	int64_t id;
	char code[64];
	char name[160];
	char kind[16];        /* bawaslu, bkn, kasn, ppk, lain */
	char level[16];       /* ri, provinsi, kabkota, kecamatan, instansi */
	char region_code[24]; /* "" national */
	char tz[8];           /* WIB, WITA, WIT */
	int64_t parent_id;    /* 0: none */
	bool has_seal_key;
	int64_t created_at;
};

struct store_user {
	int64_t id;
	char username[64];
	char full_name[128];
	char role[16];
	int64_t office_id;
	char password_hash[128]; /* filled by the get functions only */
	bool active;
	int64_t created_at;
	int64_t password_at;
};

/* A session or an API token together with its user and office. */
struct store_session {
	struct store_user user; /* password_hash is "" here */
	struct store_office office;
	char csrf[48]; /* "" for API tokens */
	int64_t created_at;
	int64_t expires_at; /* 0: never (API token without expiry) */
};

struct store_api_token {
	char name[64];
	int64_t created_at;
	int64_t expires_at; /* 0: never */
	bool revoked;
};

/* An office's sealing key: crypto_box public key and the wrapped secret. */
struct store_seal_key {
	unsigned char public_key[64];
	size_t public_len;
	unsigned char wrapped[128];
	size_t wrapped_len;
	unsigned char salt[32];
	size_t salt_len;
	int64_t ops;
	int64_t mem;
};

typedef int (*store_office_fn)(void *arg, const struct store_office *o);
typedef int (*store_user_fn)(void *arg, const struct store_user *u);
typedef int (*store_token_fn)(void *arg, const struct store_api_token *t);

/* offices; insert fills o->id (code must be unique: ERR_CONFLICT) */
int store_office_insert(struct store_conn *c, struct store_office *o, struct errbuf *eb);
int store_office_get(struct store_conn *c, int64_t id, struct store_office *out, struct errbuf *eb);
int store_office_get_by_code(struct store_conn *c, const char *code, struct store_office *out,
			     struct errbuf *eb);
/* every office, by code */
int store_office_list(struct store_conn *c, store_office_fn fn, void *arg, struct errbuf *eb);
/* offices whose parent is parent_id, by code */
int store_office_children(struct store_conn *c, int64_t parent_id, store_office_fn fn, void *arg,
			  struct errbuf *eb);
/* Set the sealing key; with replace false an existing key is kept and the
 * call fails with ERR_CONFLICT code "seal_key_exists". */
int store_office_seal_set(struct store_conn *c, int64_t office_id, const struct store_seal_key *k,
			  bool replace, struct errbuf *eb);
/* ERR_NOT_FOUND code "seal_no_key" when the office has no key */
int store_office_seal_get(struct store_conn *c, int64_t office_id, struct store_seal_key *out,
			  struct errbuf *eb);
/* The nearest office with a key, walking offices.parent_id up from
 * office_id (at most 16 steps); ERR_NOT_FOUND code "seal_no_key". */
int store_office_seal_find(struct store_conn *c, int64_t office_id, int64_t *key_office_id,
			   struct store_seal_key *out, struct errbuf *eb);

/* users; insert fills u->id (username unique: ERR_CONFLICT) */
int store_user_insert(struct store_conn *c, struct store_user *u, struct errbuf *eb);
int store_user_get(struct store_conn *c, int64_t id, struct store_user *out, struct errbuf *eb);
int store_user_get_by_username(struct store_conn *c, const char *username, struct store_user *out,
			       struct errbuf *eb);
/* by username; office_id 0 lists every office's users */
int store_user_list(struct store_conn *c, int64_t office_id, store_user_fn fn, void *arg,
		    struct errbuf *eb);
int store_user_set_password(struct store_conn *c, int64_t user_id, const char *hash, int64_t now,
			    struct errbuf *eb);
int store_user_set_active(struct store_conn *c, int64_t user_id, bool active, struct errbuf *eb);

/* sessions, keyed by the token hash */
int store_session_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			 int64_t user_id, const char *csrf, int64_t created_at, int64_t expires_at,
			 struct errbuf *eb);
/* A live session (expires_at > now) of an active user, joined with the
 * user and the office in one query. */
int store_session_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		      int64_t now, struct store_session *out, struct errbuf *eb);
int store_session_touch(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			int64_t expires_at, struct errbuf *eb);
int store_session_delete(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			 struct errbuf *eb);
/* every session of one user (password change, disabling) */
int store_session_delete_user(struct store_conn *c, int64_t user_id, struct errbuf *eb);
int store_session_delete_expired(struct store_conn *c, int64_t now, int64_t *deleted,
				 struct errbuf *eb);

/* API tokens, keyed by the token hash; expires_at 0 means never */
int store_api_token_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			   int64_t user_id, const char *name, int64_t created_at,
			   int64_t expires_at, struct errbuf *eb);
/* A token that is not revoked, not expired, of an active user (joined). */
int store_api_token_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			int64_t now, struct store_session *out, struct errbuf *eb);
int store_api_token_revoke(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			   struct errbuf *eb);
/* Revoke every live token of user_id called name; *count gets how many. */
int store_api_token_revoke_named(struct store_conn *c, int64_t user_id, const char *name,
				 int64_t *count, struct errbuf *eb);
int store_api_token_list(struct store_conn *c, int64_t user_id, store_token_fn fn, void *arg,
			 struct errbuf *eb);

#endif
