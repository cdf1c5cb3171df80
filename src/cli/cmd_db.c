/*
 * cmd_db.c - `netra db migrate|status|backup|restore|copy`: schema
 * migrations, the health of the database (SQLite: the file and PRAGMA
 * integrity_check; PostgreSQL: server version, size, connections,
 * replication), checked backups and their restore, and moving an office's
 * embedded store to PostgreSQL (store/backup.h; docs/backup.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/datetime.h"
#include "core/jsonw.h"
#include "store/backup.h"
#include "store/store.h"

static const struct cli_opt db_opts[] = {
	{"json", NULL, "print the result as JSON"},
	{"force", NULL, "restore: replace a database that already has cases"},
	{"to", "URL", "copy: the PostgreSQL database to copy into (postgres://...)"},
	{NULL, NULL, NULL},
};

static void
print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s)
		puts(s);
	free(s);
	json_decref(j);
}

/* Only `db migrate` creates the database; `db status` reports its absence
 * (with --json also as {"error": {"code", "message"}} on stdout). */
static int
open_store(struct cli *cli, struct store **st, bool create)
{
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 1, (int)cli->cfg.store_batch,
				!create};
	struct errbuf eb;

	if (store_open(st, &so, &eb) < 0) {
		if (cli_flag(cli, "json"))
			print_json(json_pack("{s:{s:s, s:s}}", "error", "code", errbuf_code(&eb),
					     "message", eb.msg));
		return cli_fail("%s", eb.msg);
	}
	return CLI_OK;
}

static int
db_migrate(struct cli *cli)
{
	struct store *st;
	struct errbuf eb;
	int applied, rc;

	rc = open_store(cli, &st, true);
	if (rc)
		return rc;
	if (store_migrate(st, &applied, &eb) < 0) {
		store_close(st);
		return cli_fail("migrate: %s", eb.msg);
	}
	printf("migrations applied: %d; schema version %d\n", applied, store_schema_latest());
	store_close(st);
	return CLI_OK;
}

static int
db_status(struct cli *cli)
{
	struct store_status s;
	struct store *st;
	struct errbuf eb;
	struct calendar *cal = NULL;
	struct date end = {0, 0, 0};
	char end_s[DATE_STRLEN] = "", end_long[64] = "";
	int64_t version = 0;
	long days_left = 0;
	bool warn = false, cal_error = false, pg;
	int rc;

	rc = open_store(cli, &st, false);
	if (rc)
		return rc;
	if (store_status_get(st, true, &s, &eb) < 0) {
		store_close(st);
		return cli_fail("status: %s", eb.msg);
	}
	/* the holiday data as this database sees it (built-in + admin rows),
	 * on today's date in WIB */
	if (cases_calendar_load(st, cli->cfg.knowledge_dir, &cal, &version, &eb) == 0) {
		warn = calendar_data_ending(cal, time_local_date(clock_now(), tz_wib.offset_min),
					    &end, &days_left);
		date_format(end, end_s);
		date_format_long_id(end, end_long, sizeof(end_long));
		calendar_free(cal);
	} else {
		snprintf(end_s, sizeof(end_s), "?");
		cal_error = true;
	}
	store_close(st);
	pg = strcmp(s.engine, "postgresql") == 0;
	if (cli_flag(cli, "json")) {
		json_t *j = json_pack("{s:s, s:s, s:i, s:i, s:s, s:I, s:b, s:s, s:I, s:b}", "path",
				      s.path, "engine", s.engine, "schema_version",
				      s.schema_version, "latest_version", s.latest_version,
				      "journal_mode", s.journal_mode, "size_bytes",
				      (json_int_t)s.size_bytes, "integrity_ok", s.integrity_ok,
				      "holiday_data_end", end_s, "holiday_data_days_left",
				      (json_int_t)days_left, "holiday_data_warning", warn);

		if (j && pg) {
			json_object_set_new(j, "server_version", json_string(s.server_version));
			json_object_set_new(j, "connections", json_integer(s.connections));
			json_object_set_new(j, "replication", json_string(s.replication));
		}
		print_json(j);
	} else {
		printf("database:   %s\nengine:     %s%s%s\nschema:     %d of %d%s\n", s.path,
		       pg ? "PostgreSQL" : "SQLite", pg ? " " : "", pg ? s.server_version : "",
		       s.schema_version, s.latest_version,
		       s.schema_version < s.latest_version ? " (run `netra db migrate`)" : "");
		if (!pg)
			printf("journal:    %s\n", s.journal_mode);
		printf("size:       %lld bytes\n", (long long)s.size_bytes);
		if (pg)
			printf("connections: %d to this database\nreplication: %s\n", s.connections,
			       s.replication);
		printf("integrity:  %s\n", s.integrity);
		if (cal_error)
			printf("kalender:   tidak dapat dimuat: %s\n", eb.msg);
		else
			printf("libur:      data hari libur sampai %s (%ld hari lagi)\n", end_s,
			       days_left);
		if (warn)
			printf("PERINGATAN: Data hari libur berakhir %s; muat data %d (SKB hari "
			       "libur "
			       "nasional dan cuti bersama) sebelum tanggal itu (netra calendar "
			       "holiday import FILE.csv)\n",
			       strchr(end_long, ',') ? strchr(end_long, ',') + 2 : end_long,
			       end.year + 1);
	}
	return s.integrity_ok ? CLI_OK : CLI_FAIL;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A JSON string (escaped) on stdout. */
static void
print_json_str(const char *s)
{
	struct buf b = BUF_INIT;

	jsonw_str(&b, s, strlen(s));
	fputs(buf_cstr(&b), stdout);
	buf_release(&b);
}

static int
db_backup(struct cli *cli)
{
	struct store_backup_info bi;
	struct store *st;
	struct errbuf eb;
	struct timespec t0;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "db backup takes one FILE");
	rc = open_store(cli, &st, false);
	if (rc)
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = store_backup_file(st, cli->args[1], &bi, &eb);
	store_close(st);
	if (rc < 0)
		return cli_fail("cadangan gagal: %s", eb.msg);
	if (cli_flag(cli, "json")) {
		printf("{\"file\":");
		print_json_str(cli->args[1]);
		printf(",\"engine\":\"%s\",\"size_bytes\":%lld,\"seconds\":%.3f}\n", bi.engine,
		       (long long)bi.size_bytes, seconds_since(&t0));
	} else {
		printf("cadangan ditulis: %s\nmesin:      %s%s\nukuran:     %lld byte\n"
		       "waktu:      %.2f s\n",
		       cli->args[1], bi.engine,
		       strcmp(bi.engine, "sqlite") == 0 ? " (backup API, integrity_check ok)"
							: " (pg_dump --format=custom)",
		       (long long)bi.size_bytes, seconds_since(&t0));
	}
	return CLI_OK;
}

static int
db_restore(struct cli *cli)
{
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 1, (int)cli->cfg.store_batch,
				false};
	struct store_restore_info ri;
	struct errbuf eb;
	struct timespec t0;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "db restore takes one FILE");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (store_restore(&so, cli->args[1], cli_flag(cli, "force"), &ri, &eb) < 0) {
		if (cli_flag(cli, "json")) {
			printf("{\"restored\":false,\"code\":\"%s\",\"message\":",
			       errbuf_code(&eb));
			print_json_str(eb.msg);
			printf("}\n");
		}
		return cli_fail("pemulihan gagal: %s", eb.msg);
	}
	if (cli_flag(cli, "json")) {
		printf("{\"restored\":true,\"file\":");
		print_json_str(cli->args[1]);
		printf(",\"engine\":\"%s\",\"schema_version\":%d,\"cases\":%lld,"
		       "\"replaced_cases\":%lld,\"seconds\":%.3f}\n",
		       ri.engine, ri.schema_version, (long long)ri.cases,
		       (long long)ri.replaced_cases, seconds_since(&t0));
	} else {
		printf("dipulihkan dari %s\nmesin:      %s\nskema:      %d\nkasus:      %lld\n"
		       "waktu:      %.2f s\n",
		       cli->args[1], ri.engine, ri.schema_version, (long long)ri.cases,
		       seconds_since(&t0));
		if (ri.schema_version < store_schema_latest())
			printf("skema cadangan lebih lama: jalankan `netra db migrate`\n");
		printf("periksa: netra audit verify\n");
	}
	return CLI_OK;
}

static void
print_copy(const struct store_copy_report *r, bool json, double secs)
{
	int i;

	if (json) {
		printf("{\"equal\":%s,\"migrations_applied\":%d,\"rows\":%lld,\"seconds\":%.3f,"
		       "\"tables\":[",
		       r->all_equal && r->ntables > 0 ? "true" : "false", r->migrations_applied,
		       (long long)r->rows, secs);
		for (i = 0; i < r->ntables; i++)
			printf("%s{\"table\":\"%s\",\"source\":%lld,\"target\":%lld,"
			       "\"same_rows\":%s}",
			       i ? "," : "", r->tables[i].name, (long long)r->tables[i].source,
			       (long long)r->tables[i].target,
			       r->tables[i].same_rows ? "true" : "false");
		printf("]}\n");
		return;
	}
	if (r->migrations_applied)
		printf("migrasi diterapkan di tujuan: %d\n", r->migrations_applied);
	if (r->ntables == 0)
		return;
	printf("%-20s %10s %10s  %s\n", "tabel", "sumber", "tujuan", "isi");
	for (i = 0; i < r->ntables; i++) {
		const struct store_copy_table *t = &r->tables[i];

		printf("%-20s %10lld %10lld  %s\n", t->name, (long long)t->source,
		       (long long)t->target,
		       t->source == t->target && t->same_rows ? "sama" : "BERBEDA");
	}
	printf("%lld baris disalin dalam %.2f s\n", (long long)r->rows, secs);
}

static int
db_copy(struct cli *cli)
{
	const char *to = cli_opt(cli, "to");
	struct store_opts dso = {cli->cfg.data_dir, to, 1, (int)cli->cfg.store_batch, false};
	struct store_copy_report rep;
	struct store *src, *dst;
	struct errbuf eb;
	struct timespec t0;
	bool json = cli_flag(cli, "json");
	int rc;

	if (cli->nargs != 1)
		return cli_usage_error(cli, "db copy takes no FILE; name the target with --to");
	if (to == NULL ||
	    (strncmp(to, "postgres://", 11) != 0 && strncmp(to, "postgresql://", 13) != 0))
		return cli_usage_error(cli, "--to postgres://PENGGUNA@HOST:PORT/NAMA is required");
	if (strcmp(to, cli->cfg.db_url) == 0)
		return cli_usage_error(cli, "--to names the source database itself");
	rc = open_store(cli, &src, false);
	if (rc)
		return rc;
	if (store_open(&dst, &dso, &eb) < 0) {
		store_close(src);
		return cli_fail("tujuan: %s", eb.msg);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = store_copy(src, dst, &rep, &eb);
	store_close(dst);
	store_close(src);
	print_copy(&rep, json, seconds_since(&t0));
	if (rc < 0)
		return cli_fail("penyalinan gagal: %s", eb.msg);
	if (!json)
		printf("semua jumlah dan isi sama; periksa: netra audit verify --db URL\n");
	return CLI_OK;
}

static int
run_db(struct cli *cli)
{
	const char *sub = cli->nargs >= 1 ? cli->args[0] : "";

	if (strcmp(sub, "backup") == 0)
		return db_backup(cli);
	if (strcmp(sub, "restore") == 0)
		return db_restore(cli);
	if (strcmp(sub, "copy") == 0)
		return db_copy(cli);
	if (cli->nargs != 1)
		return cli_usage_error(cli,
				       "expected one subcommand: migrate, status, backup FILE, "
				       "restore FILE or copy --to URL");
	if (strcmp(cli->args[0], "migrate") == 0)
		return db_migrate(cli);
	if (strcmp(cli->args[0], "status") == 0)
		return db_status(cli);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_db = {
	.name = "db",
	.usage = "migrate|status [--json] | backup FILE [--json] | restore FILE [--force] [--json] "
		 "| "
		 "copy --to postgres://... [--json]",
	.summary = "Schema migrations, database checks, backup and restore, copy to PostgreSQL.",
	.description =
		"  migrate  apply every migration this binary has that the database lacks\n"
		"  status   engine, schema version and size; on SQLite the journal mode and\n"
		"           PRAGMA integrity_check (exits 1 when it finds a problem); on\n"
		"           PostgreSQL the server version, connections to the database and\n"
		"           the replication state (primary with its standbys, or standby).\n"
		"           --json prints one object (server_version, connections and\n"
		"           replication on PostgreSQL only); without a database it prints\n"
		"           {\"error\": {\"code\": \"no_database\", \"message\"}} and exits 1\n"
		"  backup FILE\n"
		"           SQLite: an online copy through the backup API (the server may keep\n"
		"           running), integrity_check on the copy, then renamed to FILE.\n"
		"           PostgreSQL (--db postgres://...): pg_dump --format=custom.\n"
		"           Prints the file, engine and size; exits 1 on failure.\n"
		"  restore FILE\n"
		"           replace the database with a backup.  Refused when the database\n"
		"           has cases, unless --force.  SQLite: stop `netra serve` first (an\n"
		"           open database is detected and refused); FILE must pass\n"
		"           integrity_check and carry a migration ledger this netra knows.\n"
		"           PostgreSQL: pg_restore --clean --if-exists --no-owner in one\n"
		"           transaction, with the URL of the role that owns the tables.\n"
		"           Afterwards run `netra audit verify`.\n"
		"  copy --to postgres://OWNER@HOST:PORT/DB\n"
		"           move this office's SQLite store (--data/--db) into an empty\n"
		"           PostgreSQL database: migrates it, copies every table in\n"
		"           dependency order with ids and blobs unchanged, sets the id\n"
		"           sequences past the highest id, compares count and contents of\n"
		"           every table, and exits 1 (leaving the target empty) when any\n"
		"           differ.  Run it as the owner role; see docs/backup.md",
	.opts = db_opts,
	.run = run_db,
};
