/*
 * backup.c - the store as a whole (store/backup.h): a checked backup,
 * restoring one, and `netra db copy`, which moves an office's embedded
 * SQLite store into PostgreSQL through the statement layer (store/db.h):
 * generated SELECTs on the source, generated INSERTs on the target, both
 * from db_prep_dynamic(), and an order-independent digest of every row on
 * each side to prove the copy byte for byte.
 */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/backup.h"
#include "store/engine.h"
#include "store/store_internal.h"

/* --- backup ------------------------------------------------------------- */

int
store_backup_file(struct store *st, const char *file, struct store_backup_info *out,
		  struct errbuf *eb)
{
	struct stat sb;

	memset(out, 0, sizeof(*out));
	cstr_copy(out->engine, sizeof(out->engine), store_is_pg(st) ? "postgresql" : "sqlite");
	if (file == NULL || file[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "file",
					"sebutkan berkas cadangan yang akan ditulis");
	if (store_backup(st, file, eb) < 0)
		return -1;
	if (stat(file, &sb) < 0 || sb.st_size == 0)
		return errbuf_set_code(eb, ERR_INTERNAL, "backup_failed",
				       "berkas cadangan %s tidak tertulis", file);
	out->size_bytes = (int64_t)sb.st_size;
	return 0;
}

/* --- the tables, in dependency order ---------------------------------------- */

struct copy_table {
	const char *name;
	const char *key;      /* integer key for ordered pages (NULL: one pass) */
	const char *self_ref; /* a column referring to this table, set afterwards */
	bool seeded;          /* a migration inserts its rows: replaced, not refused */
};

/*
 * Every table of the schema (src/store/sql/), each after the tables its
 * foreign keys name.  A table the copier does not know refuses the copy
 * (check_tables()): a migration that adds a table adds it here.
 */
static const struct copy_table copy_tables[] = {
	{"settings", NULL, NULL, false},
	{"offices", "id", "parent_id", false},
	{"users", "id", NULL, false},
	{"sessions", NULL, NULL, false},
	{"api_tokens", NULL, NULL, false},
	{"agencies", "id", NULL, false},
	{"persons", "id", NULL, false},
	{"cases", "id", "merged_into", false},
	{"tracks", "id", NULL, false},
	{"witnesses", "id", NULL, false},
	{"evidence", "id", NULL, false},
	{"deadlines", "id", NULL, false},
	{"notes", "id", NULL, false},
	{"events", "id", NULL, false},
	{"watch_accounts", "id", NULL, false},
	{"screened_items", "id", NULL, false},
	{"calendar_holidays", "id", NULL, false},
	{"calendar_elections", "id", NULL, false},
	{"calendar_version", "id", NULL, true},
};

#define NTABLES (sizeof(copy_tables) / sizeof(copy_tables[0]))

/* tables that are the engine's own, never copied */
static bool
table_ignored(const char *name)
{
	return strcmp(name, "schema_migrations") == 0;
}

static const char sqlite_q_table_names[] =
	"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
	"ESCAPE '\\' ORDER BY name";
static const char pg_q_table_names[] =
	"SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() "
	"ORDER BY tablename";

/* Every table on c is one the copier knows, and every known table exists. */
static int
check_tables(struct store_conn *c, const char *side, struct errbuf *eb)
{
	bool seen[NTABLES] = {false};
	struct db_stmt *s = DB_PREP_NAMED(c, table_names, eb);
	size_t i;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *name = db_col_text(s, 0);
		bool known = false;

		if (name == NULL || table_ignored(name))
			continue;
		for (i = 0; i < NTABLES; i++)
			if (strcmp(name, copy_tables[i].name) == 0)
				known = seen[i] = true;
		if (!known)
			return errbuf_set_code(eb, ERR_CONFLICT, "copy_unknown_table",
					       "tabel %s di %s tidak dikenal penyalin versi netra "
					       "ini; perbarui netra sebelum menyalin",
					       name, side);
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "table list");
	for (i = 0; i < NTABLES; i++)
		if (!seen[i])
			return errbuf_set_code(eb, ERR_CONFLICT, "copy_schema",
					       "tabel %s tidak ada di %s; jalankan `netra db "
					       "migrate` di sana lebih dulu",
					       copy_tables[i].name, side);
	return 0;
}

/* --- generated SQL ----------------------------------------------------------- */

/* count(*) of table t on c; -1 with eb filled */
static int64_t
count_rows(struct store_conn *c, const char *table, struct errbuf *eb)
{
	char sql[128];
	struct db_stmt *s;
	int64_t n = -1;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	s = db_prep_dynamic(c, sql, eb);
	if (s == NULL)
		return -1;
	if (db_step(s) == DB_ROW)
		n = db_col_int(s, 0);
	else
		db_error(c, eb, table);
	db_finalize(s);
	return n;
}

/* A page of t in key order after ?1, or the whole table when it has no
 * integer key. */
static struct db_stmt *
prep_page(struct store_conn *c, const struct copy_table *t, struct errbuf *eb)
{
	char sql[160];

	if (t->key)
		snprintf(sql, sizeof(sql), "SELECT * FROM %s WHERE %s > ?1 ORDER BY %s LIMIT 2000",
			 t->name, t->key, t->key);
	else
		snprintf(sql, sizeof(sql), "SELECT * FROM %s", t->name);
	return db_prep_dynamic(c, sql, eb);
}

/* INSERT INTO t ("a", "b", ...) VALUES (?1, ?2, ...) for the columns of
 * the row s stands on */
static struct db_stmt *
prep_insert(struct store_conn *c, const char *table, struct db_stmt *row, struct errbuf *eb)
{
	struct buf b;
	struct db_stmt *s;
	int i, n = db_ncols(row);

	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "INSERT INTO %s (", table);
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s\"%s\"", i ? ", " : "", db_col_name(row, i));
	buf_addstr(&b, ") VALUES (");
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s?%d", i ? ", " : "", i + 1);
	buf_addstr(&b, ")");
	s = db_prep_dynamic(c, buf_cstr(&b), eb);
	buf_release(&b);
	return s;
}

/* --- the digest of a row ------------------------------------------------------ */

/*
 * Each column hashes its name and typed value (BLAKE2b, 8 bytes); a row is
 * the hash of the sum of its columns (so the engines' column order does
 * not matter) and a table the sum of its rows (so neither does the order
 * rows come back in: text keys sort differently per engine).  Integers
 * hash as decimal text, as both engines print them.
 */
static uint64_t
hash8(const void *a, size_t alen, const void *b, size_t blen)
{
	crypto_generichash_state h;
	unsigned char out[crypto_generichash_BYTES_MIN];
	uint64_t v;

	crypto_generichash_init(&h, NULL, 0, sizeof(out));
	crypto_generichash_update(&h, a, alen);
	if (blen)
		crypto_generichash_update(&h, b, blen);
	crypto_generichash_final(&h, out, sizeof(out));
	memcpy(&v, out, sizeof(v));
	return v;
}

static uint64_t
row_digest(struct db_stmt *s)
{
	uint64_t row = 0;
	int i, n = db_ncols(s);

	for (i = 0; i < n; i++) {
		enum db_type t = db_col_type(s, i);
		const void *p = NULL;
		size_t len = 0;
		char head[96], num[24];
		int hl;

		if (t == DB_T_INT) {
			snprintf(num, sizeof(num), "%lld", (long long)db_col_int(s, i));
			p = num;
			len = strlen(num);
		} else if (t == DB_T_TEXT) {
			p = db_col_text(s, i);
			len = db_col_bytes(s, i);
		} else if (t == DB_T_BLOB) {
			p = db_col_blob(s, i, &len);
		}
		hl = snprintf(head, sizeof(head), "%s%c%d%c%zu%c", db_col_name(s, i), 0, (int)t, 0,
			      len, 0);
		row += hash8(head, (size_t)hl, p, len);
	}
	return hash8(&row, sizeof(row), NULL, 0);
}

/* --- copying one table --------------------------------------------------------- */

struct self_ref {
	int64_t id, value;
};

struct table_pass {
	int64_t rows;
	uint64_t digest;
	struct self_ref *refs;
	size_t nrefs, refcap;
};

static int
bind_column(struct db_stmt *ins, int i, struct db_stmt *row, int col)
{
	size_t n = 0;
	const void *p;

	switch (db_col_type(row, col)) {
	case DB_T_INT: return db_bind_int(ins, i, db_col_int(row, col));
	case DB_T_TEXT: return db_bind_textn(ins, i, db_col_text(row, col), db_col_bytes(row, col));
	case DB_T_BLOB: p = db_col_blob(row, col, &n); return db_bind_blob(ins, i, n ? p : "", n);
	default: return db_bind_null(ins, i);
	}
}

static int
find_col(struct db_stmt *row, const char *name)
{
	int i, n = db_ncols(row);

	for (i = 0; name && i < n; i++)
		if (strcmp(db_col_name(row, i), name) == 0)
			return i;
	return -1;
}

/*
 * Walk table t on from, page by page, adding each row to the digest; with
 * to, also insert it there (self-references held back in pass->refs).
 */
static int
walk_table(struct store_conn *from, struct store_conn *to, const struct copy_table *t,
	   struct table_pass *pass, struct errbuf *eb)
{
	struct db_stmt *page = prep_page(from, t, eb), *ins = NULL;
	int64_t last = INT64_MIN;
	int key = -1, ref = -1, rc = 0;
	bool more = true;

	if (page == NULL)
		return -1;
	while (more && rc == 0) {
		int step;
		int64_t got = 0;

		db_reset(page);
		if (t->key)
			db_bind_int(page, 1, last);
		while ((step = db_step(page)) == DB_ROW) {
			int i, n = db_ncols(page);

			if (key < 0 && t->key) {
				key = find_col(page, t->key);
				ref = find_col(page, t->self_ref);
			}
			got++;
			pass->rows++;
			pass->digest += row_digest(page);
			if (key >= 0)
				last = db_col_int(page, key);
			if (to == NULL)
				continue;
			if (ins == NULL && (ins = prep_insert(to, t->name, page, eb)) == NULL) {
				rc = -1;
				break;
			}
			db_reset(ins);
			for (i = 0; i < n; i++) {
				if (i == ref && !db_col_null(page, i)) {
					if (pass->nrefs == pass->refcap) {
						pass->refcap = pass->refcap ? pass->refcap * 2 : 64;
						pass->refs = xrealloc(pass->refs,
								      pass->refcap *
									      sizeof(*pass->refs));
					}
					pass->refs[pass->nrefs].id = last;
					pass->refs[pass->nrefs++].value = db_col_int(page, i);
					db_bind_null(ins, i + 1);
				} else {
					bind_column(ins, i + 1, page, i);
				}
			}
			if (db_step(ins) != DB_DONE) {
				rc = db_error(to, eb, t->name);
				break;
			}
		}
		if (rc == 0 && step == DB_ERROR)
			rc = db_error(from, eb, t->name);
		more = t->key != NULL && got > 0;
	}
	db_finalize(ins);
	db_finalize(page);
	return rc;
}

/* The self-references held back by walk_table(), now that every row exists. */
static int
apply_refs(struct store_conn *to, const struct copy_table *t, const struct table_pass *pass,
	   struct errbuf *eb)
{
	char sql[160];
	struct db_stmt *s;
	size_t i;
	int rc = 0;

	if (pass->nrefs == 0)
		return 0;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE %s = ?1", t->name, t->self_ref,
		 t->key);
	s = db_prep_dynamic(to, sql, eb);
	if (s == NULL)
		return -1;
	for (i = 0; i < pass->nrefs && rc == 0; i++) {
		db_reset(s);
		db_bind_int(s, 1, pass->refs[i].id);
		db_bind_int(s, 2, pass->refs[i].value);
		if (db_step(s) != DB_DONE)
			rc = db_error(to, eb, t->name);
	}
	db_finalize(s);
	return rc;
}

/* The identity sequence of t past its highest id (PostgreSQL). */
static int
advance_sequence(struct store_conn *to, const struct copy_table *t, struct errbuf *eb)
{
	char sql[200];
	struct db_stmt *s;
	int rc = 0;

	if (db_engine_of(to) != DB_PG || t->key == NULL)
		return 0;
	snprintf(sql, sizeof(sql),
		 "SELECT setval(pg_get_serial_sequence('%s', '%s'), max(%s)) FROM %s", t->name,
		 t->key, t->key, t->name);
	s = db_prep_dynamic(to, sql, eb);
	if (s == NULL)
		return -1;
	if (db_step(s) != DB_ROW)
		rc = errbuf_set_code(eb, ERR_FORBIDDEN, "copy_sequence",
				     "urutan id tabel %s tidak dapat disetel; jalankan `netra db "
				     "copy` dengan URL peran pemilik basis data (docs/backup.md)",
				     t->name);
	db_finalize(s);
	return rc;
}

/* --- the copy job ----------------------------------------------------------------- */

struct copy_arg {
	struct store *src;
	struct store_copy_report *rep;
};

static int
copy_all(struct store_conn *from, struct store_conn *to, struct store_copy_report *rep,
	 struct errbuf *eb)
{
	size_t i;

	/* the target holds nothing but what its migrations seeded */
	for (i = 0; i < NTABLES; i++) {
		const struct copy_table *t = &copy_tables[i];
		int64_t n = count_rows(to, t->name, eb);

		if (n < 0)
			return -1;
		if (n > 0 && !t->seeded)
			return errbuf_set_code(eb, ERR_CONFLICT, "target_not_empty",
					       "basis data tujuan sudah berisi data (%lld baris di "
					       "tabel %s); salin hanya ke basis data yang kosong",
					       (long long)n, t->name);
	}
	for (i = 0; i < NTABLES; i++) {
		const struct copy_table *t = &copy_tables[i];
		struct store_copy_table *out = &rep->tables[rep->ntables++];
		struct table_pass src = {0}, dst = {0};
		char del[96];
		int rc;

		out->name = t->name;
		if (t->seeded) {
			snprintf(del, sizeof(del), "DELETE FROM %s", t->name);
			if (db_exec(to, del, eb) < 0)
				return -1;
		}
		rc = walk_table(from, to, t, &src, eb);
		if (rc == 0)
			rc = apply_refs(to, t, &src, eb);
		free(src.refs);
		if (rc == 0)
			rc = advance_sequence(to, t, eb);
		if (rc == 0)
			rc = walk_table(to, NULL, t, &dst, eb); /* read back what arrived */
		if (rc < 0)
			return -1;
		out->source = count_rows(from, t->name, eb);
		out->target = count_rows(to, t->name, eb);
		if (out->source < 0 || out->target < 0)
			return -1;
		out->same_rows = src.rows == dst.rows && src.digest == dst.digest;
		rep->rows += src.rows;
		if (out->source != out->target || !out->same_rows)
			rep->all_equal = false;
	}
	if (!rep->all_equal)
		return errbuf_set_code(eb, ERR_CONFLICT, "copy_mismatch",
				       "isi tujuan berbeda dari sumber; penyalinan dibatalkan "
				       "dan basis data tujuan dibiarkan kosong");
	return 0;
}

/* On dst's writer: one transaction, which a failure leaves empty. */
static int
copy_job(struct store_conn *to, void *arg, struct errbuf *eb)
{
	static const struct store_scope all = {.all = true};
	struct copy_arg *a = arg;
	struct store_conn *from;
	int rc;

	a->rep->ntables = 0;
	a->rep->rows = 0;
	a->rep->all_equal = true;
	if (store_scope_apply(to, &all, eb) < 0)
		return -1;
	from = store_reader(a->src);
	/* one snapshot of the source for every table */
	if (db_exec(from, "BEGIN", eb) < 0) {
		store_reader_done(a->src, from);
		return -1;
	}
	rc = copy_all(from, to, a->rep, eb);
	db_exec(from, "COMMIT", NULL);
	store_reader_done(a->src, from);
	return rc;
}

int
store_copy(struct store *src, struct store *dst, struct store_copy_report *rep, struct errbuf *eb)
{
	struct store_status ss;
	struct store_conn *c;
	struct copy_arg a = {src, rep};
	int rc;

	memset(rep, 0, sizeof(*rep));
	if (!store_is_pg(dst))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "copy_target",
				       "tujuan penyalinan harus PostgreSQL "
				       "(--to postgres://PENGGUNA@HOST:PORT/NAMA)");
	if (store_status_get(src, false, &ss, eb) < 0)
		return -1;
	if (ss.schema_version != ss.latest_version)
		return errbuf_set_code(eb, ERR_CONFLICT, "copy_schema",
				       "basis data sumber %s berskema %d, versi ini %d; jalankan "
				       "`netra db migrate` pada sumber lebih dulu",
				       ss.path, ss.schema_version, ss.latest_version);
	if (store_migrate(dst, &rep->migrations_applied, eb) < 0)
		return -1;
	c = store_reader(src);
	rc = check_tables(c, "sumber", eb);
	store_reader_done(src, c);
	if (rc < 0)
		return -1;
	c = store_reader(dst);
	rc = check_tables(c, "tujuan", eb);
	store_reader_done(dst, c);
	if (rc < 0)
		return -1;
	return store_write(dst, copy_job, &a, eb);
}

/* --- restore ------------------------------------------------------------------------ */

/* Cases in the database st, as the system sees them (no scope); 0 when it
 * has no cases table yet. */
static int64_t
cases_in(struct store *st)
{
	static const struct store_scope all = {.all = true};
	struct store_conn *c = store_reader(st);
	int64_t n = -1;

	if (store_scope_apply(c, &all, NULL) == 0)
		n = count_rows(c, "cases", NULL);
	store_reader_done(st, c);
	return n < 0 ? 0 : n;
}

int
store_restore(const struct store_opts *o, const char *file, bool force,
	      struct store_restore_info *out, struct errbuf *eb)
{
	struct store_opts so = *o;
	struct store_status ss;
	struct store *st;
	char path[512];
	struct stat sb;

	memset(out, 0, sizeof(*out));
	if (file == NULL || file[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "file",
					"sebutkan berkas cadangan yang akan dipulihkan");
	so.must_exist = false;
	if (store_sqlite_path(&so, path, sizeof(path), eb) < 0)
		return -1;
	if (path[0]) {
		cstr_copy(out->engine, sizeof(out->engine), "sqlite");
		if (sqlite_restore(path, file, force, out, eb) < 0)
			return -1;
	} else {
		cstr_copy(out->engine, sizeof(out->engine), "postgresql");
		if (stat(file, &sb) < 0 || !S_ISREG(sb.st_mode))
			return errbuf_set_code(eb, ERR_NOT_FOUND, "no_backup",
					       "berkas cadangan %s tidak ada", file);
		/* not must_exist: that refuses a database without netra's tables
		 * (pg.c), and restoring into a new, empty one is the usual case;
		 * a database the server lacks is still refused (no_database) */
		so.must_exist = false;
		if (store_open(&st, &so, eb) < 0)
			return -1;
		/* a database never migrated has no cases table to ask */
		if (store_status_get(st, false, &ss, eb) == 0 && ss.schema_version > 0)
			out->replaced_cases = cases_in(st);
		store_close(st);
		if (out->replaced_cases > 0 && !force)
			return errbuf_set_code(eb, ERR_CONFLICT, "db_not_empty",
					       "basis data tujuan sudah berisi %lld kasus; "
					       "pemulihan akan menimpanya. Ulangi dengan --force "
					       "bila memang itu maksudnya",
					       (long long)out->replaced_cases);
		if (pg_restore_file(o->db_url, file, eb) < 0)
			return -1;
	}
	/* what is there now, through the store */
	so.must_exist = true;
	if (store_open(&st, &so, eb) < 0)
		return -1;
	out->cases = cases_in(st);
	if (store_status_get(st, false, &ss, eb) == 0)
		out->schema_version = ss.schema_version;
	store_close(st);
	return 0;
}
