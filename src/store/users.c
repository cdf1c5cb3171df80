/*
 * users.c - offices, users, sessions and API tokens (see the block "users,
 * offices, sessions, tokens" in store.h).
 *
 * Invariants: every statement is a string literal, bound, never formatted;
 * session and token lookups are one joined query that only returns rows of
 * active users whose session or token is still valid at the given instant;
 * the store sees hashes of tokens and passwords, never the secrets.
 */
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "store/store_internal.h"

/* Column lists shared by the queries below, read by read_user/read_office. */
#define USER_COLS                                                                                  \
	"u.id, u.username, u.full_name, u.role, u.office_id, u.active, u.created_at, "             \
	"u.password_at"
#define USER_NCOLS 8
#define OFFICE_COLS                                                                                \
	"o.id, o.code, o.name, o.kind, o.level, o.region_code, o.tz, coalesce(o.parent_id, 0), "   \
	"CASE WHEN o.seal_public IS NOT NULL THEN 1 ELSE 0 END, o.created_at"
#define OFFICE_NCOLS 10

static void
read_user(struct db_stmt *s, int i, struct store_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = db_col_int(s, i);
	db_col_text_copy(s, i + 1, u->username, sizeof(u->username));
	db_col_text_copy(s, i + 2, u->full_name, sizeof(u->full_name));
	db_col_text_copy(s, i + 3, u->role, sizeof(u->role));
	u->office_id = db_col_int(s, i + 4);
	u->active = db_col_int(s, i + 5) != 0;
	u->created_at = db_col_int(s, i + 6);
	u->password_at = db_col_int(s, i + 7);
}

static void
read_office(struct db_stmt *s, int i, struct store_office *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_int(s, i);
	db_col_text_copy(s, i + 1, o->code, sizeof(o->code));
	db_col_text_copy(s, i + 2, o->name, sizeof(o->name));
	db_col_text_copy(s, i + 3, o->kind, sizeof(o->kind));
	db_col_text_copy(s, i + 4, o->level, sizeof(o->level));
	db_col_text_copy(s, i + 5, o->region_code, sizeof(o->region_code));
	db_col_text_copy(s, i + 6, o->tz, sizeof(o->tz));
	o->parent_id = db_col_int(s, i + 7);
	o->has_seal_key = db_col_int(s, i + 8) != 0;
	o->created_at = db_col_int(s, i + 9);
}

/* Step a statement that must change exactly one row. */
static int
step_one(struct store_conn *c, struct db_stmt *s, const char *what, const char *missing,
	 struct errbuf *eb)
{
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, what);
	if (db_changes(c) != 1)
		return errbuf_set(eb, ERR_NOT_FOUND, "%s", missing);
	return 0;
}

/* --- offices ------------------------------------------------------------- */

int
store_office_insert(struct store_conn *c, struct store_office *o, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"INSERT INTO offices(code, name, kind, level, region_code, tz, "
		"parent_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
		eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, o->code);
	db_bind_text(s, 2, o->name);
	db_bind_text(s, 3, o->kind);
	db_bind_text(s, 4, o->level);
	db_bind_text(s, 5, o->region_code);
	db_bind_text(s, 6, o->tz);
	if (o->parent_id > 0)
		db_bind_int(s, 7, o->parent_id);
	db_bind_int(s, 8, o->created_at);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "office insert");
	o->id = db_col_int(s, 0);
	/* a new office may route a region that an older one routed */
	return store_notify(c, STORE_TOPIC_OFFICES, eb);
}

static int
office_get_one(struct store_conn *c, struct db_stmt *s, struct store_office *out, const char *key,
	       struct errbuf *eb)
{
	int rc = db_step(s);

	if (rc == DB_ROW) {
		read_office(s, 0, out);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "office_not_found",
				       "kantor %s tidak ditemukan", key);
	return db_error(c, eb, "office get");
}

int
store_office_get(struct store_conn *c, int64_t id, struct store_office *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "SELECT " OFFICE_COLS " FROM offices o WHERE o.id = ?1", eb);
	char key[32];

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	snprintf(key, sizeof(key), "#%lld", (long long)id);
	return office_get_one(c, s, out, key, eb);
}

int
store_office_get_by_code(struct store_conn *c, const char *code, struct store_office *out,
			 struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c, "SELECT " OFFICE_COLS " FROM offices o WHERE o.code = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, code);
	return office_get_one(c, s, out, code, eb);
}

static int
office_walk(struct store_conn *c, struct db_stmt *s, store_office_fn fn, void *arg,
	    struct errbuf *eb)
{
	struct store_office o;
	int rc;

	for (;;) {
		int stop;

		rc = db_step(s);
		if (rc != DB_ROW)
			break;
		read_office(s, 0, &o);
		stop = fn(arg, &o);
		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "office list");
	return 0;
}

int
store_office_list(struct store_conn *c, store_office_fn fn, void *arg, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "SELECT " OFFICE_COLS " FROM offices o ORDER BY o.code", eb);

	if (s == NULL)
		return -1;
	return office_walk(c, s, fn, arg, eb);
}

int
store_office_children(struct store_conn *c, int64_t parent_id, store_office_fn fn, void *arg,
		      struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "SELECT " OFFICE_COLS " FROM offices o WHERE o.parent_id = ?1 ORDER BY o.code",
		eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, parent_id);
	return office_walk(c, s, fn, arg, eb);
}

int
store_office_seal_set(struct store_conn *c, int64_t office_id, const struct store_seal_key *k,
		      bool replace, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "UPDATE offices SET seal_public = ?2, seal_wrapped = ?3, "
				    "seal_salt = ?4, seal_ops = ?5, seal_mem = ?6 "
				    "WHERE id = ?1 AND (seal_public IS NULL OR ?7 = 1)",
				    eb);
	struct store_office o;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, office_id);
	db_bind_blob(s, 2, k->public_key, k->public_len);
	db_bind_blob(s, 3, k->wrapped, k->wrapped_len);
	db_bind_blob(s, 4, k->salt, k->salt_len);
	db_bind_int(s, 5, k->ops);
	db_bind_int(s, 6, k->mem);
	db_bind_int(s, 7, replace ? 1 : 0);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "seal key set");
	if (db_changes(c) == 1)
		return store_notify(c, STORE_TOPIC_SEAL_KEYS, eb);
	if (store_office_get(c, office_id, &o, eb) < 0)
		return -1;
	return errbuf_set_code(eb, ERR_CONFLICT, "seal_key_exists",
			       "kantor %s sudah memiliki kunci segel; kunci lama hanya diganti "
			       "bila diminta secara tegas (--replace)",
			       o.code);
}

/* Copy a blob column into a fixed buffer; -1 when NULL or too long. */
static int
col_blob_copy(struct db_stmt *s, int i, unsigned char *out, size_t outsz, size_t *len)
{
	size_t n = 0;
	const void *p = db_col_blob(s, i, &n);

	if (p == NULL || n == 0 || n > outsz)
		return -1;
	memcpy(out, p, (size_t)n);
	*len = (size_t)n;
	return 0;
}

static int
read_seal_key(struct db_stmt *s, int i, struct store_seal_key *k, struct errbuf *eb)
{
	memset(k, 0, sizeof(*k));
	if (col_blob_copy(s, i, k->public_key, sizeof(k->public_key), &k->public_len) < 0 ||
	    col_blob_copy(s, i + 1, k->wrapped, sizeof(k->wrapped), &k->wrapped_len) < 0 ||
	    col_blob_copy(s, i + 2, k->salt, sizeof(k->salt), &k->salt_len) < 0)
		return errbuf_set_code(eb, ERR_INTERNAL, "seal_key_corrupt",
				       "kunci segel kantor rusak atau tidak lengkap");
	k->ops = db_col_int(s, i + 3);
	k->mem = db_col_int(s, i + 4);
	return 0;
}

int
store_office_seal_get(struct store_conn *c, int64_t office_id, struct store_seal_key *out,
		      struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"SELECT seal_public, seal_wrapped, seal_salt, seal_ops, seal_mem "
			"FROM offices WHERE id = ?1 AND seal_public IS NOT NULL",
			eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, office_id);
	rc = db_step(s);
	if (rc == DB_ROW)
		return read_seal_key(s, 0, out, eb);
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "seal_no_key",
				       "kantor ini belum memiliki kunci segel");
	return db_error(c, eb, "seal key get");
}

int
store_office_seal_find(struct store_conn *c, int64_t office_id, int64_t *key_office_id,
		       struct store_seal_key *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"WITH RECURSIVE up(id, parent_id, depth) AS ("
		" SELECT id, parent_id, 0 FROM offices WHERE id = ?1"
		" UNION ALL"
		" SELECT o.id, o.parent_id, up.depth + 1 FROM offices o JOIN up ON o.id = "
		"up.parent_id"
		" WHERE up.depth < 16)"
		" SELECT o.id, o.seal_public, o.seal_wrapped, o.seal_salt, o.seal_ops, o.seal_mem"
		" FROM up JOIN offices o ON o.id = up.id"
		" WHERE o.seal_public IS NOT NULL ORDER BY up.depth LIMIT 1",
		eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, office_id);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*key_office_id = db_col_int(s, 0);
		return read_seal_key(s, 1, out, eb);
	}
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "seal_no_key",
				       "tidak ada kunci segel untuk kantor ini maupun kantor "
				       "induknya; jalankan `netra key init`");
	return db_error(c, eb, "seal key find");
}

/* --- users --------------------------------------------------------------- */

int
store_user_insert(struct store_conn *c, struct store_user *u, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "INSERT INTO users(username, full_name, role, office_id, "
				    "password_hash, active, created_at, password_at) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, u->username);
	db_bind_text(s, 2, u->full_name);
	db_bind_text(s, 3, u->role);
	db_bind_int(s, 4, u->office_id);
	db_bind_text(s, 5, u->password_hash);
	db_bind_int(s, 6, u->active ? 1 : 0);
	db_bind_int(s, 7, u->created_at);
	db_bind_int(s, 8, u->password_at);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "user insert");
	u->id = db_col_int(s, 0);
	return 0;
}

static int
user_get_one(struct store_conn *c, struct db_stmt *s, struct store_user *out, const char *key,
	     struct errbuf *eb)
{
	int rc = db_step(s);

	if (rc == DB_ROW) {
		read_user(s, 0, out);
		db_col_text_copy(s, USER_NCOLS, out->password_hash, sizeof(out->password_hash));
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "user_not_found",
				       "pengguna %s tidak ditemukan", key);
	return db_error(c, eb, "user get");
}

int
store_user_get(struct store_conn *c, int64_t id, struct store_user *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "SELECT " USER_COLS ", u.password_hash FROM users u WHERE u.id = ?1", eb);
	char key[32];

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	snprintf(key, sizeof(key), "#%lld", (long long)id);
	return user_get_one(c, s, out, key, eb);
}

int
store_user_get_by_username(struct store_conn *c, const char *username, struct store_user *out,
			   struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "SELECT " USER_COLS ", u.password_hash FROM users u WHERE u.username = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, username);
	return user_get_one(c, s, out, username, eb);
}

int
store_user_list(struct store_conn *c, int64_t office_id, store_user_fn fn, void *arg,
		struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT " USER_COLS " FROM users u "
				    "WHERE ?1 = 0 OR u.office_id = ?1 ORDER BY u.username",
				    eb);
	struct store_user u;
	int rc;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, office_id);
	for (;;) {
		int stop;

		rc = db_step(s);
		if (rc != DB_ROW)
			break;
		read_user(s, 0, &u);
		stop = fn(arg, &u);
		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "user list");
	return 0;
}

int
store_user_set_password(struct store_conn *c, int64_t user_id, const char *hash, int64_t now,
			struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "UPDATE users SET password_hash = ?2, password_at = ?3 WHERE id = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, user_id);
	db_bind_text(s, 2, hash);
	db_bind_int(s, 3, now);
	return step_one(c, s, "user password", "pengguna tidak ditemukan", eb);
}

int
store_user_set_active(struct store_conn *c, int64_t user_id, bool active, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "UPDATE users SET active = ?2 WHERE id = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, active ? 1 : 0);
	return step_one(c, s, "user active", "pengguna tidak ditemukan", eb);
}

/* --- sessions ------------------------------------------------------------ */

int
store_session_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		     int64_t user_id, const char *csrf, int64_t created_at, int64_t expires_at,
		     struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "INSERT INTO sessions(token_hash, user_id, csrf, created_at, "
				    "expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, csrf);
	db_bind_int(s, 4, created_at);
	db_bind_int(s, 5, expires_at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "session insert");
	return 0;
}

static int
session_get_one(struct store_conn *c, struct db_stmt *s, struct store_session *out,
		struct errbuf *eb)
{
	int rc = db_step(s);

	if (rc == DB_ROW) {
		memset(out, 0, sizeof(*out));
		read_user(s, 0, &out->user);
		read_office(s, USER_NCOLS, &out->office);
		db_col_text_copy(s, USER_NCOLS + OFFICE_NCOLS, out->csrf, sizeof(out->csrf));
		out->created_at = db_col_int(s, USER_NCOLS + OFFICE_NCOLS + 1);
		out->expires_at = db_col_int(s, USER_NCOLS + OFFICE_NCOLS + 2);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "session_not_found",
				       "sesi tidak ada atau sudah berakhir");
	return db_error(c, eb, "session get");
}

int
store_session_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		  int64_t now, struct store_session *out, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"SELECT " USER_COLS ", " OFFICE_COLS ", x.csrf, x.created_at, x.expires_at"
			" FROM sessions x JOIN users u ON u.id = x.user_id"
			" JOIN offices o ON o.id = u.office_id"
			" WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND u.active = 1",
			eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	db_bind_int(s, 2, now);
	return session_get_one(c, s, out, eb);
}

int
store_session_touch(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		    int64_t expires_at, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"UPDATE sessions SET expires_at = CASE WHEN expires_at > ?2 THEN expires_at"
			" ELSE ?2 END WHERE token_hash = ?1",
			eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	db_bind_int(s, 2, expires_at);
	return step_one(c, s, "session touch", "sesi tidak ada", eb);
}

int
store_session_delete(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		     struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "DELETE FROM sessions WHERE token_hash = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	return step_one(c, s, "session delete", "sesi tidak ada", eb);
}

int
store_session_delete_user(struct store_conn *c, int64_t user_id, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "DELETE FROM sessions WHERE user_id = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, user_id);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "session delete user");
	return 0;
}

int
store_session_delete_expired(struct store_conn *c, int64_t now, int64_t *deleted, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "DELETE FROM sessions WHERE expires_at <= ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, now);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "session delete expired");
	if (deleted)
		*deleted = db_changes(c);
	return 0;
}

/* --- API tokens ---------------------------------------------------------- */

int
store_api_token_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		       int64_t user_id, const char *name, int64_t created_at, int64_t expires_at,
		       struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "INSERT INTO api_tokens(token_hash, user_id, name, created_at, "
				    "expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	db_bind_int(s, 2, user_id);
	db_bind_text(s, 3, name);
	db_bind_int(s, 4, created_at);
	if (expires_at > 0)
		db_bind_int(s, 5, expires_at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "token insert");
	return 0;
}

int
store_api_token_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		    int64_t now, struct store_session *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"SELECT " USER_COLS ", " OFFICE_COLS ", '', t.created_at, coalesce(t.expires_at, 0)"
		" FROM api_tokens t JOIN users u ON u.id = t.user_id"
		" JOIN offices o ON o.id = u.office_id"
		" WHERE t.token_hash = ?1 AND t.revoked = 0"
		" AND (t.expires_at IS NULL OR t.expires_at > ?2) AND u.active = 1",
		eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	db_bind_int(s, 2, now);
	return session_get_one(c, s, out, eb);
}

int
store_api_token_revoke(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		       struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c, "UPDATE api_tokens SET revoked = 1 WHERE token_hash = ?1", eb);

	if (s == NULL)
		return -1;
	db_bind_blob(s, 1, hash, STORE_TOKEN_HASH_BYTES);
	return step_one(c, s, "token revoke", "token tidak ditemukan", eb);
}

int
store_api_token_revoke_named(struct store_conn *c, int64_t user_id, const char *name,
			     int64_t *count, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "UPDATE api_tokens SET revoked = 1 "
				    "WHERE user_id = ?1 AND name = ?2 AND revoked = 0",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, user_id);
	db_bind_text(s, 2, name);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "token revoke");
	if (count)
		*count = db_changes(c);
	return 0;
}

int
store_api_token_list(struct store_conn *c, int64_t user_id, store_token_fn fn, void *arg,
		     struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"SELECT name, created_at, coalesce(expires_at, 0), revoked "
			"FROM api_tokens WHERE user_id = ?1 ORDER BY created_at, name, token_hash",
			eb);
	struct store_api_token t;
	int rc;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, user_id);
	for (;;) {
		int stop;

		rc = db_step(s);
		if (rc != DB_ROW)
			break;
		memset(&t, 0, sizeof(t));
		db_col_text_copy(s, 0, t.name, sizeof(t.name));
		t.created_at = db_col_int(s, 1);
		t.expires_at = db_col_int(s, 2);
		t.revoked = db_col_int(s, 3) != 0;
		stop = fn(arg, &t);
		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "token list");
	return 0;
}
