/*
 * cmd_report.c - `netra report add FILE|-` and `netra report import FILE`:
 * the same intake as POST /api/v1/reports, from the command line (JSON, or
 * JSON lines for import).  Each accepted report prints its receipt as one
 * JSON line; refused ones print the error with the line number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "cases/cases.h"
#include "cli/cli.h"

static const struct cli_opt report_opts[] = {
	{"as", "USERNAME", "file as this officer (needed for a temuan)"},
	{NULL, NULL, NULL},
};

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 65536, n = 0, r;
	char *p;

	if (f == NULL)
		return NULL;
	p = malloc(cap);
	while (p && (r = fread(p + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (n + 1 == cap) {
			char *q = realloc(p, cap * 2);

			if (q == NULL) {
				free(p);
				p = NULL;
				break;
			}
			p = q;
			cap *= 2;
		}
	}
	if (f != stdin)
		fclose(f);
	if (p) {
		p[n] = '\0';
		*len = n;
	}
	return p;
}

/* One report: parse, prepare, write, print the receipt.  0 or -1. */
static int
one_report(struct app *app, const struct principal *who, const char *text, size_t len,
	   const char *channel, const char *where)
{
	struct arena a;
	struct intake in;
	struct errbuf eb;
	json_t *receipt;
	char *out;
	int rc = -1;

	arena_init(&a, 16384);
	cases_intake_init(&in);
	errbuf_clear(&eb);
	if (report_parse_json(&a, text, len, &in.report, &eb) < 0)
		goto fail;
	in.who = who;
	in.channel = channel;
	if (cases_intake_prepare(&app->cases, &a, &in, &eb) < 0 ||
	    cases_intake_write(&app->cases, &in, &eb) < 0)
		goto fail;
	receipt = cases_intake_receipt(&app->cases, &in);
	out = json_dumps(receipt, JSON_COMPACT);
	printf("%s\n", out ? out : "{}");
	free(out);
	json_decref(receipt);
	rc = 0;
	goto done;
fail:
	fprintf(stderr, "netra report: %s: %s (%s)\n", where, eb.msg, errbuf_code(&eb));
done:
	cases_intake_release(&in);
	arena_release(&a);
	return rc;
}

static int
run_report(struct cli *cli)
{
	struct app app;
	struct principal who;
	struct errbuf eb;
	const char *as = cli_opt(cli, "as");
	int rc = CLI_OK;

	if (cli->nargs != 2 || (strcmp(cli->args[0], "add") != 0 && strcmp(cli->args[0], "import")))
		return cli_usage_error(cli, "expected: add FILE or import FILE");
	if (app_open(&app, &cli->cfg, APP_STORE | APP_KNOWLEDGE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	memset(&who, 0, sizeof(who));
	if (as && auth_principal_for_user(app.store, as, &who, &eb) < 0) {
		app_close(&app);
		return cli_fail("--as %s: %s", as, eb.msg);
	}
	if (strcmp(cli->args[0], "add") == 0) {
		size_t len;
		char *text = read_all(cli->args[1], &len);

		if (text == NULL)
			rc = cli_fail("cannot read %s", cli->args[1]);
		else if (one_report(&app, &who, text, len, "cli", cli->args[1]) < 0)
			rc = CLI_FAIL;
		free(text);
	} else {
		FILE *f = strcmp(cli->args[1], "-") == 0 ? stdin : fopen(cli->args[1], "r");
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		long lineno = 0, ok = 0, bad = 0;

		if (f == NULL) {
			app_close(&app);
			return cli_fail("cannot open %s", cli->args[1]);
		}
		while ((n = getline(&line, &cap, f)) > 0) {
			char where[64];

			lineno++;
			if (n <= 1)
				continue;
			snprintf(where, sizeof(where), "line %ld", lineno);
			if (one_report(&app, &who, line, (size_t)n, "import", where) == 0)
				ok++;
			else
				bad++;
		}
		free(line);
		if (f != stdin)
			fclose(f);
		fprintf(stderr, "netra report import: %ld accepted, %ld refused\n", ok, bad);
		rc = bad ? CLI_FAIL : CLI_OK;
	}
	app_close(&app);
	return rc;
}

const struct cli_cmd cmd_report = {
	.name = "report",
	.usage = "add FILE|- | import FILE|- [--as USERNAME]",
	.summary = "File a laporan or temuan (JSON), or import many (JSON lines).",
	.description = "The JSON shape is the one of POST /api/v1/reports (docs/api.md).  Without\n"
		       "--as the report is filed as by the public; a temuan needs --as with a\n"
		       "pengawas account.  Receipts are printed as JSON lines on stdout.",
	.opts = report_opts,
	.run = run_report,
};
