/*
 * migrate.c - numbered, forward-only schema migrations embedded in the
 * binary (src/store/sql/NNNN_name.sql -> assets "sql/NNNN_name.sql").
 *
 * schema_migrations records each applied version with the ETag of the
 * file that was applied.  A database whose ledger names a version this
 * binary does not know, or whose applied file has since changed, is
 * refused: forward-only means an applied migration is never edited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "store/search.h"
#include "store/store_internal.h"

#define STORE_MAX_MIGRATION 9999 /* four digits in the file name */

/* "sql/0001_core.sql" or "pgsql/0001_core.sql" -> 1; -1 when the name
 * has no number */
static int
migration_version(const char *name)
{
	const char *slash = strrchr(name, '/');
	struct str n = str_from(slash ? slash + 1 : name);
	int64_t v;

	if (n.len < 6 || str_to_i64(str_make(n.ptr, 4), &v) < 0 || n.ptr[4] != '_' || v <= 0)
		return -1;
	return (int)v;
}

int
store_schema_latest(void)
{
	size_t i;
	int latest = 0;

	for (i = asset_prefix_first("sql/");
	     i < asset_count && strncmp(asset_table[i].name, "sql/", 4) == 0; i++) {
		int v = migration_version(asset_table[i].name);

		if (v > latest)
			latest = v;
	}
	return latest;
}

const char *
store_migrations_prefix(const struct store_conn *c)
{
	return db_engine_of(c) == DB_PG ? "pgsql/" : "sql/";
}

int
store_migrations_bootstrap(struct store_conn *c, struct errbuf *eb)
{
	if (db_engine_of(c) == DB_PG)
		/* the application role may not create tables: ask first */
		return db_exec(c,
			       "DO $$ BEGIN IF to_regclass('schema_migrations') IS NULL THEN"
			       " CREATE TABLE schema_migrations ("
			       " version bigint PRIMARY KEY,"
			       " name text NOT NULL,"
			       " checksum text NOT NULL,"
			       " applied_at text NOT NULL);"
			       " END IF; END $$",
			       eb);
	return db_exec(c,
		       "CREATE TABLE IF NOT EXISTS schema_migrations ("
		       " version INTEGER PRIMARY KEY,"
		       " name TEXT NOT NULL,"
		       " checksum TEXT NOT NULL,"
		       " applied_at TEXT NOT NULL) STRICT",
		       eb);
}

int
store_migration_known(int version, const char *name, const char *checksum, struct errbuf *eb)
{
	const struct asset *m = name ? asset_find(name) : NULL;

	if (m == NULL)
		return errbuf_set(eb, ERR_CONFLICT,
				  "basis data memuat migrasi %d (%s) yang tidak dikenal "
				  "versi netra ini; gunakan versi yang lebih baru",
				  version, name ? name : "?");
	if (checksum == NULL || strcmp(checksum, m->etag) != 0)
		return errbuf_set(eb, ERR_CONFLICT,
				  "migrasi %s sudah diterapkan tetapi isinya berubah; "
				  "migrasi tidak boleh diubah setelah diterapkan",
				  name);
	return 0;
}
/* Work done in C right after a migration, for data its SQL cannot compute
 * (the same on every engine). */
static const struct {
	int version;
	int (*after)(struct store_conn *c, struct errbuf *eb);
} after_migration[] = {
	{7, store_search_backfill}, /* 0007_search_norm: keys of the older rows */
};

struct migrate_arg {
	int applied;
};

static int
migrate_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct migrate_arg *a = arg;
	struct db_stmt *s;
	int last = 0;
	bool applied[STORE_MAX_MIGRATION + 1] = {false};
	const char *prefix = store_migrations_prefix(c);
	size_t plen = strlen(prefix), i, k, first = asset_prefix_first(prefix);

	/* 1. everything already applied must still be in this binary, unchanged */
	s = db_prep(c, "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
		    eb);
	if (s == NULL)
		return -1;
	while (db_step(s) == DB_ROW) {
		int v = db_col_int(s, 0);

		if (store_migration_known(v, db_col_text(s, 1), db_col_text(s, 2), eb) < 0)
			return -1;
		if (v > 0 && v <= STORE_MAX_MIGRATION)
			applied[v] = true;
	}
	/*
	 * 2. apply the rest in order; versions must rise (1, 2, 3 ...).  What
	 * was applied is a set, not a high-water mark: branches developed side
	 * by side may number 0005 before 0004 is merged, and a database that
	 * has 0005 then still gets 0004 when it arrives.
	 */
	for (i = first; i < asset_count && strncmp(asset_table[i].name, prefix, plen) == 0; i++) {
		const struct asset *m = &asset_table[i];
		int v = migration_version(m->name);
		char when[TIME_STRLEN];

		if (v < 0 || v <= last || v > STORE_MAX_MIGRATION)
			return errbuf_set(eb, ERR_INTERNAL, "berkas migrasi %s tidak berurutan",
					  m->name);
		last = v;
		if (applied[v])
			continue;
		if (db_exec(c, (const char *)m->data, eb) < 0)
			return -1;
		s = db_prep(c,
			    "INSERT INTO schema_migrations(version, name, checksum, applied_at)"
			    " VALUES (?1, ?2, ?3, ?4)",
			    eb);
		if (s == NULL)
			return -1;
		time_format_iso(clock_now(), 0, when);
		db_bind_int(s, 1, v);
		db_bind_text(s, 2, m->name);
		db_bind_text(s, 3, m->etag);
		db_bind_text(s, 4, when);
		if (db_step(s) != DB_DONE)
			return db_error(c, eb, "record migration");
		for (k = 0; k < sizeof(after_migration) / sizeof(after_migration[0]); k++)
			if (after_migration[k].version == v && after_migration[k].after(c, eb) < 0)
				return -1;
		log_info("store: applied migration %s", m->name);
		a->applied++;
	}
	return 0;
}

int
store_migrate(struct store *st, int *applied, struct errbuf *eb)
{
	struct migrate_arg a = {0};
	int rc = store_write(st, migrate_job, &a, eb);

	if (applied)
		*applied = rc == 0 ? a.applied : 0;
	return rc;
}
