/*
 * store.h - netra's persistent storage, as a domain API.
 *
 * Callers never see SQL or a database handle.  Two kinds of access:
 *
 *  - Writes run as jobs on the single writer thread.  The writer takes every
 *    job queued at that moment (up to [store] batch), runs each inside its
 *    own SAVEPOINT within one transaction, and commits with one fsync
 *    (WAL, synchronous=FULL): group commit.  A job's done callback runs
 *    only after its commit is durable, so a receipt shown after done() is
 *    never lost.  A failing job rolls back alone; a failing COMMIT fails
 *    the whole batch.
 *  - Reads take a connection from the reader pool; readers run in
 *    parallel with each other and with the writer (WAL snapshots).
 *
 * Domain operations (store_<noun>_<verb>) take the struct store_conn given
 * to a job or taken from the pool.  The backend is chosen by URL at
 * store_open(); only SQLite is built today, and the API holds nothing
 * SQLite-specific so that a PostgreSQL backend can slot in behind it.
 */
#ifndef NETRA_STORE_STORE_H
#define NETRA_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store;
struct store_conn;

struct store_opts {
	const char *data_dir; /* SQLite file is DATA/netra.db */
	const char *db_url;   /* "" or NULL: SQLite in data_dir; "sqlite:PATH" */
	int readers;          /* reader pool size */
	int batch_max;        /* most jobs per group commit */
};

int store_open(struct store **out, const struct store_opts *o, struct errbuf *eb);
/* Finish queued writes, stop the writer, close every connection. */
void store_close(struct store *st);

/* --- writes ------------------------------------------------------------- */

typedef int (*store_job_fn)(struct store_conn *c, void *arg, struct errbuf *eb);
typedef void (*store_done_fn)(void *arg, int rc, const struct errbuf *eb);

struct store_job {
	store_job_fn fn;
	void *arg;
	store_done_fn done; /* called on the writer thread after commit; may be NULL */
	void *done_arg;
	int rc;
	struct errbuf eb;
	struct store_job *next; /* private to the store */
};

/* Queue a job; job must stay valid until done() is called. */
void store_submit(struct store *st, struct store_job *job);
/* Run fn as a job and wait until it is durable; returns its result. */
int store_write(struct store *st, store_job_fn fn, void *arg, struct errbuf *eb);

/* --- reads -------------------------------------------------------------- */

struct store_conn *store_reader(struct store *st);
void store_reader_done(struct store *st, struct store_conn *c);

/* --- scope ---------------------------------------------------------------- */

/*
 * What a principal may see; every case query takes one.  Built by
 * auth_scope() from the signed-in user; the store turns it into WHERE
 * clauses, so no endpoint can forget it.
 */
struct store_scope {
	bool all;                 /* system work (CLI, demo, migrations) */
	bool none;                /* the public: no case access at all */
	char region_prefix[24];   /* "" = national */
	int64_t ppk_office_id;    /* > 0: only cases with a track addressed to this PPK */
	bool recommended_only;    /* BKN/KASN analysts: cases past the Bawaslu recommendation */
};

/* --- administration ----------------------------------------------------- */

struct store_status {
	int schema_version;  /* highest migration applied */
	int latest_version;  /* highest migration built into this binary */
	bool integrity_ok;   /* PRAGMA integrity_check said "ok" */
	char integrity[256]; /* its first line(s) */
	char journal_mode[16];
	char path[512];
	int64_t size_bytes;
};

/* Highest migration built into this binary. */
int store_schema_latest(void);
/* Apply pending migrations; *applied gets how many ran. */
int store_migrate(struct store *st, int *applied, struct errbuf *eb);
int store_status_get(struct store *st, bool full_check, struct store_status *out,
		     struct errbuf *eb);
/* Cheap liveness check on a reader (healthz). */
int store_ping(struct store *st, struct errbuf *eb);

struct store_stats {
	uint64_t jobs;      /* jobs committed or rolled back */
	uint64_t commits;   /* transactions committed (one fsync each) */
	uint64_t max_batch; /* largest batch seen */
};
void store_stats_get(struct store *st, struct store_stats *out);

/* Settings: small key/value facts about this installation. */
int store_setting_get(struct store_conn *c, const char *key, char *out, size_t outsz,
		      struct errbuf *eb);
int store_setting_put(struct store_conn *c, const char *key, const char *value, struct errbuf *eb);

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
