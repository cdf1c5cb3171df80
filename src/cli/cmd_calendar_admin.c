/*
 * cmd_calendar_admin.c - `netra calendar holiday add|import|list|remove`
 * and `netra calendar election add`: the admin additions to the calendar
 * kept in the database (--data).  Flags only; the rules, the audit events
 * and the recomputation of open deadlines are in src/cases/calendar_admin.c.
 * The CLI acts as the system ("sistem" in the audit chain, via "cli"), as
 * `netra office` and `netra accounts` do.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "cli/cli.h"
#include "cli/cmd_calendar_admin.h"
#include "core/buf.h"
#include "core/str.h"
#include "store/store.h"
#include "store/store_calendar.h"

static const struct calendar_actor cli_actor = {"sistem", 0, "cli"};

static int
read_all(const char *path, size_t max, struct buf *b)
{
	FILE *in;
	char chunk[65536];
	size_t n;

	buf_init(b, max);
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (in == NULL)
		return cli_fail("tidak dapat membuka %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		buf_add(b, chunk, n);
	if (in != stdin)
		fclose(in);
	if (buf_failed(b)) {
		buf_release(b);
		return cli_fail("%s lebih dari %zu byte", path, max);
	}
	return CLI_OK;
}

static void
print_change(const struct calendar_change *ch)
{
	if (ch->first_date[0])
		printf("%zu tenggat terbuka dihitung ulang sejak %s: %zu bergeser\n", ch->rewritten,
		       ch->first_date, ch->moved);
}

static int
holiday_add(struct cli *cli, struct app *app)
{
	struct store_cal_holiday h;
	struct calendar_change ch;
	const char *kind = cli_opt(cli, "kind"), *name = cli_opt(cli, "name");
	const char *basis = cli_opt(cli, "basis"), *src = cli_opt(cli, "source");
	struct errbuf eb;

	if (cli->nargs != 3)
		return cli_usage_error(cli, "holiday add needs exactly one DATE");
	if (kind == NULL || name == NULL || basis == NULL)
		return cli_usage_error(cli, "--kind, --name and --basis are required");
	memset(&h, 0, sizeof(h));
	cstr_copy(h.date, sizeof(h.date), cli->args[2]);
	if (strlen(cli->args[2]) >= sizeof(h.date))
		cstr_copy(h.date, sizeof(h.date), "x");
	cstr_copy(h.kind, sizeof(h.kind), kind);
	cstr_copy(h.name, sizeof(h.name), name);
	cstr_copy(h.basis, sizeof(h.basis), basis);
	cstr_copy(h.source_url, sizeof(h.source_url), src ? src : "");
	if (cases_calendar_holiday_add(&app->cases, &h, &cli_actor, &ch, &eb) < 0)
		return cli_fail("%s", eb.msg);
	printf("hari libur #%lld ditambahkan: %s %s\n", (long long)ch.id, cli->args[2], name);
	print_change(&ch);
	return CLI_OK;
}

static int
holiday_import(struct cli *cli, struct app *app)
{
	struct calendar_change ch;
	struct errbuf eb;
	struct buf b;
	int rc;

	if (cli->nargs != 3)
		return cli_usage_error(cli, "holiday import needs exactly one FILE.csv");
	if (read_all(cli->args[2], CALENDAR_IMPORT_BYTES, &b) != CLI_OK)
		return CLI_FAIL;
	rc = cases_calendar_holiday_import(&app->cases, cli->args[2], buf_cstr(&b), b.len,
					   &cli_actor, &ch, &eb);
	buf_release(&b);
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	printf("%zu hari libur diimpor dari %s (nomor #%lld dst.)\n", ch.rows, cli->args[2],
	       (long long)ch.id);
	print_change(&ch);
	return CLI_OK;
}

static int
holiday_remove(struct cli *cli, struct app *app)
{
	struct calendar_change ch;
	struct errbuf eb;
	int64_t id;

	if (cli->nargs != 3)
		return cli_usage_error(cli,
				       "holiday remove needs exactly one ID (see holiday list)");
	if (str_to_i64(str_from(cli->args[2][0] == '#' ? cli->args[2] + 1 : cli->args[2]), &id) < 0)
		return cli_usage_error(cli, "ID must be a number (see holiday list)");
	if (cases_calendar_holiday_remove(&app->cases, id, &cli_actor, &ch, &eb) < 0)
		return cli_fail("%s", eb.msg);
	printf("hari libur #%lld dihapus (%s)\n", (long long)id, ch.first_date);
	print_change(&ch);
	return CLI_OK;
}

static int
holiday_list(struct cli *cli, struct app *app)
{
	const struct calendar *cal = app_cal(app);
	const char *ys = cli_opt(cli, "year");
	bool json = cli_flag(cli, "json");
	json_t *arr = json ? json_array() : NULL;
	int64_t year = 0;
	size_t i;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "holiday list takes no arguments");
	if (ys && (str_to_i64(str_from(ys), &year) < 0 || year < 1900 || year > 2200))
		return cli_usage_error(cli, "--year must be a year, e.g. 2027");
	if (!json)
		printf("%-10s %-14s %-7s %-6s %s — %s\n", "TANGGAL", "JENIS", "ASAL", "NOMOR",
		       "NAMA", "DASAR");
	for (i = 0; i < calendar_holiday_count(cal); i++) {
		const struct holiday *h = calendar_holiday_at(cal, i);
		char ds[DATE_STRLEN], id[24] = "-";

		if (year && h->date.year != year)
			continue;
		date_format(h->date, ds);
		if (h->admin_id)
			snprintf(id, sizeof(id), "#%lld", (long long)h->admin_id);
		if (json) {
			json_array_append_new(
				arr,
				json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "date", ds, "kind",
					  calendar_holiday_kind_name(h->kind), "name", h->name,
					  "basis", h->basis, "source_url", h->source_url, "origin",
					  h->admin_id ? "admin" : "data", "id",
					  h->admin_id ? json_integer(h->admin_id) : json_null()));
			continue;
		}
		printf("%-10s %-14s %-7s %-6s %s — %s\n", ds, calendar_holiday_kind_name(h->kind),
		       h->admin_id ? "admin" : "data", id, h->name, h->basis);
	}
	if (json) {
		char *s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		puts(s ? s : "[]");
		free(s);
		json_decref(arr);
	}
	return CLI_OK;
}

static int
election_add(struct cli *cli, struct app *app)
{
	struct calendar_change ch;
	struct errbuf eb;
	struct buf b;
	int rc;

	if (cli->nargs != 3)
		return cli_usage_error(cli, "election add needs exactly one FILE (JSON)");
	if (read_all(cli->args[2], CALENDAR_MAX_FILE, &b) != CLI_OK)
		return CLI_FAIL;
	rc = cases_calendar_election_add(&app->cases, buf_cstr(&b), b.len, &cli_actor, &ch, &eb);
	buf_release(&b);
	if (rc < 0)
		return cli_fail("%s: %s", cli->args[2], eb.msg);
	printf("pemilihan %s %s\n", ch.election_id,
	       ch.replaced ? "diperbarui (versi sebelumnya diganti)" : "ditambahkan");
	return CLI_OK;
}

static bool
cli_has_db(const struct cli *cli)
{
	char path[1024];
	struct stat sb;

	if (cli->cfg.db_url[0])
		return true;
	if ((size_t)snprintf(path, sizeof(path), "%s/netra.db", cli->cfg.data_dir) >= sizeof(path))
		return false;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

int
cli_calendar_load(struct cli *cli, struct calendar **out, struct errbuf *eb)
{
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 1, (int)cli->cfg.store_batch,
				true};
	struct store *st;
	int64_t version;
	int rc;

	if (!cli_has_db(cli))
		return calendar_load(out, cli->cfg.knowledge_dir, eb);
	if (store_open(&st, &so, eb) < 0)
		return -1;
	rc = store_migrate(st, NULL, eb);
	if (rc == 0)
		rc = cases_calendar_load(st, cli->cfg.knowledge_dir, out, &version, eb);
	store_close(st);
	return rc;
}

int
cmd_calendar_admin(struct cli *cli)
{
	const char *what = cli->args[0], *verb = cli->nargs > 1 ? cli->args[1] : "";
	struct app app;
	struct errbuf eb;
	int rc;

	if (strcmp(what, "holiday") == 0 &&
	    !(strcmp(verb, "add") == 0 || strcmp(verb, "import") == 0 ||
	      strcmp(verb, "list") == 0 || strcmp(verb, "remove") == 0))
		return cli_usage_error(cli, "expected: holiday add|import|list|remove");
	if (strcmp(what, "election") == 0 && strcmp(verb, "add") != 0)
		return cli_usage_error(cli, "expected: election add FILE");
	if (app_open(&app, &cli->cfg, APP_STORE | APP_KNOWLEDGE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (strcmp(what, "election") == 0)
		rc = election_add(cli, &app);
	else if (strcmp(verb, "add") == 0)
		rc = holiday_add(cli, &app);
	else if (strcmp(verb, "import") == 0)
		rc = holiday_import(cli, &app);
	else if (strcmp(verb, "remove") == 0)
		rc = holiday_remove(cli, &app);
	else
		rc = holiday_list(cli, &app);
	app_close(&app);
	return rc;
}
