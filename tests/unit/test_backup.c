/*
 * test_backup.c - the run-time statements of store/db.h (db_prep_dynamic,
 * db_col_name, db_finalize) and the SQLite side of store/backup.h: a
 * checked backup file, restoring it into an empty data directory, and the
 * refusals (a damaged file, a database still open, a target that is not
 * PostgreSQL), each with its stable code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/backup.h"
#include "store/db.h"
#include "store/store.h"

static char dir[256];
static char path[512];
static struct store *st;

static int
setup(void **state)
{
	struct store_opts o = {dir, NULL, 2, 256, false};
	struct errbuf eb;
	int applied;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-backup.XXXXXX");
	assert_non_null(mkdtemp(dir));
	o.data_dir = dir;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	if (st)
		store_close(st);
	st = NULL;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static int
put_setting(struct store_conn *c, void *arg, struct errbuf *eb)
{
	return store_setting_put(c, "uji.cadangan", arg, eb);
}

static void
test_dynamic_statements(void **state)
{
	struct store_conn *c = store_reader(st);
	struct db_stmt *s, *cached;
	struct errbuf eb;
	char sql[64];

	(void)state;
	/* built at run time, in a buffer that is reused: never cached */
	snprintf(sql, sizeof(sql), "SELECT ?1 + 1 AS satu, 'x' AS dua");
	s = db_prep_dynamic(c, sql, &eb);
	assert_non_null(s);
	db_bind_int(s, 1, 41);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_ncols(s), 2);
	assert_string_equal(db_col_name(s, 0), "satu");
	assert_string_equal(db_col_name(s, 1), "dua");
	assert_null(db_col_name(s, 2));
	assert_int_equal(db_col_int(s, 0), 42);
	assert_int_equal(db_step(s), DB_DONE);
	db_reset(s);
	db_bind_int(s, 1, 1);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), 2);
	db_finalize(s);

	snprintf(sql, sizeof(sql), "SELECT nothing FROM no_such_table");
	assert_null(db_prep_dynamic(c, sql, &eb));
	assert_int_not_equal(eb.kind, ERR_NONE);

	/* finalize leaves a cached statement alone */
	cached = db_prep(c, "SELECT 7", &eb);
	assert_non_null(cached);
	db_finalize(cached);
	assert_int_equal(db_step(cached), DB_ROW);
	assert_int_equal(db_col_int(cached, 0), 7);
	db_finalize(NULL);
	store_reader_done(st, c);
}

static void
test_backup_and_restore(void **state)
{
	struct store_backup_info bi;
	struct store_restore_info ri;
	struct store_opts o = {NULL, NULL, 1, 16, false};
	struct store *st2;
	struct store_conn *c;
	struct errbuf eb;
	char file[600], other[600], value[32];
	struct stat sb;
	char nilai[] = "tersimpan";

	(void)state;
	assert_int_equal(store_write(st, put_setting, nilai, &eb), 0);
	snprintf(file, sizeof(file), "%s/cadangan.db", dir);
	assert_int_equal(store_backup_file(st, file, &bi, &eb), 0);
	assert_string_equal(bi.engine, "sqlite");
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(bi.size_bytes, sb.st_size);

	/* backing up over the live database is refused */
	snprintf(path, sizeof(path), "%s/netra.db", dir);
	assert_int_equal(store_backup_file(st, path, &bi, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "backup_target");

	/* the database is open here: restoring over it is refused */
	o.data_dir = dir;
	assert_int_equal(store_restore(&o, file, true, &ri, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "db_in_use");

	/* into an empty data directory */
	snprintf(other, sizeof(other), "%s/lain", dir);
	o.data_dir = other;
	assert_int_equal(store_restore(&o, file, false, &ri, &eb), 0);
	assert_string_equal(ri.engine, "sqlite");
	assert_int_equal(ri.schema_version, store_schema_latest());
	assert_int_equal(ri.cases, 0);
	o.must_exist = true;
	assert_int_equal(store_open(&st2, &o, &eb), 0);
	c = store_reader(st2);
	assert_int_equal(store_setting_get(c, "uji.cadangan", value, sizeof(value), &eb), 0);
	assert_string_equal(value, "tersimpan");
	store_reader_done(st2, c);

	/* a copy's target must be PostgreSQL */
	{
		struct store_copy_report rep;

		assert_int_equal(store_copy(st, st2, &rep, &eb), -1);
		assert_string_equal(errbuf_code(&eb), "copy_target");
		assert_int_equal(rep.ntables, 0);
	}
	store_close(st2);
}

static void
test_restore_refuses_bad_files(void **state)
{
	struct store_restore_info ri;
	struct store_opts o = {NULL, NULL, 1, 16, false};
	struct errbuf eb;
	char file[600], other[600];
	FILE *f;

	(void)state;
	snprintf(other, sizeof(other), "%s/lain", dir);
	o.data_dir = other;
	snprintf(file, sizeof(file), "%s/sampah.db", dir);
	f = fopen(file, "w");
	assert_non_null(f);
	fputs("ini bukan basis data, hanya teks biasa yang cukup panjang untuk dibaca\n", f);
	fclose(f);
	assert_int_equal(store_restore(&o, file, true, &ri, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "backup_damaged");

	snprintf(file, sizeof(file), "%s/tidak-ada.db", dir);
	assert_int_equal(store_restore(&o, file, true, &ri, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "no_backup");

	assert_int_equal(store_restore(&o, "", true, &ri, &eb), -1);
	assert_string_equal(eb.field, "file");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dynamic_statements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_and_restore, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_refuses_bad_files, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
