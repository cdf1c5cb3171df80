/*
 * cmd_export.c - `netra export --format csv|xlsx --as USER [filters]`:
 * the case list as the web export makes it (/kantor/ekspor.csv and
 * .xlsx), written to standard output, under USER's role and scope, with
 * words for the codes in Indonesian or, with --lang en, English.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "calendar/calendar.h"
#include "check/check.h"
#include "cli/cli.h"
#include "cli/cmd_calendar_admin.h"
#include "export/export.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/labels.h"

static const struct cli_opt export_opts[] = {
	{"format", "FMT", "csv (default) or xlsx"},
	{"lang", "LANG", "words in id (default: [ui] lang) or en"},
	{"as", "USERNAME", "export as this officer (role and region scope apply)"},
	{"state", "STATE", "only cases in this state"},
	{"election", "ID", "only this election (pemilu2024, pilkada2024, ...)"},
	{"kind", "KIND", "laporan, temuan or informasi_awal"},
	{"q", "TEXT", "text in the description, a terlapor's name or NIP, or a code"},
	{"region", "CODE", "region prefix inside the scope (64.08)"},
	{"from", "DATE", "received on or after this local date (YYYY-MM-DD)"},
	{"to", "DATE", "received on or before this local date"},
	{"assigned", "WHO", "me or none"},
	{"overdue", NULL, "only cases with an overdue deadline"},
	{"due-soon", NULL, "only cases with a deadline within two days"},
	{NULL, NULL, NULL},
};

static int
run_export(struct cli *cli)
{
	static const char *const names[] = {"state",  "election", "kind", "q",
					    "region", "from",     "to",   "assigned"};
	struct form_field fields[12];
	struct form f = {fields, 0};
	const char *fmt = cli_opt(cli, "format") ? cli_opt(cli, "format") : "csv";
	const char *as = cli_opt(cli, "as");
	const char *lang = cli_opt(cli, "lang") ? cli_opt(cli, "lang") : cli->cfg.lang;
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 2, (int)cli->cfg.store_batch,
				true};
	struct export_query q;
	struct principal who;
	struct store *st = NULL;
	struct calendar *cal = NULL;
	struct check_service *check = NULL;
	struct i18n *cat = NULL;
	struct labels lb;
	struct export_words words;
	struct errbuf eb;
	size_t i;
	int rc = CLI_FAIL;

	if (cli->nargs)
		return cli_usage_error(cli, "no arguments expected");
	if (strcmp(fmt, "csv") != 0 && strcmp(fmt, "xlsx") != 0)
		return cli_usage_error(cli, "--format must be csv or xlsx");
	if (strcmp(lang, "id") != 0 && strcmp(lang, "en") != 0)
		return cli_usage_error(cli, "--lang must be id or en");
	if (as == NULL)
		return cli_usage_error(cli,
				       "--as USERNAME is required: exports follow a user's scope");
	if (strcmp(fmt, "xlsx") == 0 && isatty(STDOUT_FILENO))
		return cli_usage_error(cli,
				       "refusing to write XLSX to a terminal; redirect to a file");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (cli_opt(cli, names[i])) {
			fields[f.n].name = names[i];
			fields[f.n].value = cli_opt(cli, names[i]);
			fields[f.n].value_len = strlen(fields[f.n].value);
			f.n++;
		}
	if (cli_flag(cli, "overdue"))
		fields[f.n++] = (struct form_field){"overdue", "1", 1};
	if (cli_flag(cli, "due-soon"))
		fields[f.n++] = (struct form_field){"due_soon", "1", 1};
	if (export_query_parse(&f, &q, &eb) < 0)
		return cli_usage_error(cli, "%s", eb.msg);
	/* the words: the catalog, the calendar (with admin elections) and the rule catalog */
	if (i18n_load_embedded(lang, &cat, &eb) < 0 || cli_calendar_load(cli, &cal, &eb) < 0 ||
	    check_service_new(&check, &cli->cfg, cal, &eb) < 0) {
		cli_fail("%s", eb.msg);
		goto out;
	}
	lb = (struct labels){cat, cal, check_service_catalog(check)};
	labels_export_words(&lb, &words);
	if (store_open(&st, &so, &eb) < 0) {
		cli_fail("%s", eb.msg);
		goto out;
	}
	if (auth_principal_for_user(st, as, &who, &eb) < 0) {
		cli_fail("%s", eb.msg);
		goto out;
	}
	if (export_to_file(st, &who, &q, &words,
			   strcmp(fmt, "xlsx") == 0 ? EXPORT_XLSX : EXPORT_CSV, stdout,
			   cli->cfg.data_dir, &eb) < 0) {
		cli_fail("%s", eb.msg);
		goto out;
	}
	if (fflush(stdout) != 0) {
		cli_fail("cannot write the output");
		goto out;
	}
	rc = CLI_OK;
out:
	store_close(st);
	check_service_free(check);
	calendar_free(cal);
	i18n_free(cat);
	return rc;
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.usage = "--as USERNAME [--format csv|xlsx] [--lang id|en] [--state S] [--election ID] "
		 "[--kind K] "
		 "[--q TEXT] [--region CODE] [--from DATE] [--to DATE] [--assigned me|none] "
		 "[--overdue] [--due-soon] > FILE",
	.summary = "Export the case list (one row per terlapor) as CSV or XLSX.",
	.description =
		"The same file as the web export: CSV is UTF-8 with a BOM and ';' between fields\n"
		"(Excel with Indonesian settings opens it directly); XLSX has real dates.  "
		"Election\n"
		"names, stages, kinds, statuses, levels and deadline titles are words, in\n"
		"Indonesian or (--lang en) English.  The reporter's identity, witnesses,\n"
		"descriptions and notes are never exported.",
	.opts = export_opts,
	.run = run_export,
};
