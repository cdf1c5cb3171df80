/*
 * backup.h - the store as a whole: a checked backup file, restoring one,
 * and copying an office's embedded SQLite store into PostgreSQL
 * (`netra db backup|restore|copy`, src/cli/cmd_db.c; docs/backup.md).
 * Implemented in src/store/backup.c over store/db.h and the engines.
 */
#ifndef NETRA_STORE_BACKUP_H
#define NETRA_STORE_BACKUP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;
struct store_opts;

struct store_backup_info {
	char engine[16]; /* "sqlite" or "postgresql" */
	int64_t size_bytes;
};

/*
 * Write a backup of st to file: SQLite through the online backup API into
 * FILE.part-PID, integrity_check on the copy, then renamed to FILE;
 * PostgreSQL with pg_dump --format=custom.
 */
int store_backup_file(struct store *st, const char *file, struct store_backup_info *out,
		      struct errbuf *eb);

struct store_restore_info {
	char engine[16];
	int schema_version;     /* of the restored database */
	int64_t cases;          /* cases in the restored database */
	int64_t replaced_cases; /* cases in what was replaced; -1 unreadable */
};

/*
 * Replace the database o names with the backup file.  Refused
 * (ERR_CONFLICT, code "db_not_empty") when it holds cases, unless force.
 * SQLite: FILE must be a whole netra database (integrity_check, a
 * migration ledger this binary knows); no server may have the database
 * open (code "db_in_use").  PostgreSQL: pg_restore --clean --if-exists
 * --no-owner in one transaction, as a role that owns the tables.
 */
int store_restore(const struct store_opts *o, const char *file, bool force,
		  struct store_restore_info *out, struct errbuf *eb);

#define STORE_COPY_MAX_TABLES 32

struct store_copy_table {
	const char *name;
	int64_t source, target; /* count(*) on each side */
	bool same_rows;         /* every row's values equal, byte for byte */
};

struct store_copy_report {
	struct store_copy_table tables[STORE_COPY_MAX_TABLES];
	int ntables;
	int migrations_applied; /* on the target, before the copy */
	int64_t rows;           /* rows written */
	bool all_equal;         /* counts and contents equal in every table */
};

/*
 * Copy every row of src into dst, a PostgreSQL database that is migrated
 * here first and must hold no rows (code "target_not_empty"): every table
 * in dependency order, ids and blobs unchanged, then each identity
 * sequence set past the highest id.  One transaction on dst: when any
 * table's count or contents differ afterwards (code "copy_mismatch") or
 * anything fails, dst is left as it was.  rep is filled as far as the copy
 * got.
 */
int store_copy(struct store *src, struct store *dst, struct store_copy_report *rep,
	       struct errbuf *eb);

#endif
