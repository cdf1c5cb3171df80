/*
 * cmd_db.c - `netra db migrate|status`: schema migrations and the health
 * of the database: on SQLite the file (PRAGMA integrity_check), on
 * PostgreSQL the server (version, size, connections, replication).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "cli/cli.h"
#include "core/datetime.h"
#include "store/store.h"

static const struct cli_opt db_opts[] = {
	{"json", NULL, "print the status as JSON"},
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

static int
run_db(struct cli *cli)
{
	if (cli->nargs != 1)
		return cli_usage_error(cli, "expected one subcommand: migrate or status");
	if (strcmp(cli->args[0], "migrate") == 0)
		return db_migrate(cli);
	if (strcmp(cli->args[0], "status") == 0)
		return db_status(cli);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_db = {
	.name = "db",
	.usage = "migrate|status [--json]",
	.summary = "Apply schema migrations, or check the database (integrity_check).",
	.description =
		"  migrate  apply every migration this binary has that the database lacks\n"
		"  status   engine, schema version and size; on SQLite the journal mode and\n"
		"           PRAGMA integrity_check (exits 1 when it finds a problem); on\n"
		"           PostgreSQL the server version, connections to the database and\n"
		"           the replication state (primary with its standbys, or standby).\n"
		"           --json prints one object (server_version, connections and\n"
		"           replication on PostgreSQL only); without a database it prints\n"
		"           {\"error\": {\"code\": \"no_database\", \"message\"}} and exits 1",
	.opts = db_opts,
	.run = run_db,
};
