/*
 * cmd_ident.c - `netra ident NUMBER [--json] [--as KIND]`: check a NIP,
 * NI PPPK or NIK and explain what its digits say.
 *
 * The number may be given as several arguments ("19860926 201505 1 001");
 * they are joined with spaces, which the parser ignores.  Exit status 0
 * when the number is valid, 1 when it is not (or the data cannot load),
 * 2 on a usage error.  With --json the output is the API document: the
 * decoded identifier, or the problem+json body for an invalid one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/datetime.h"
#include "ident/ident.h"
#include "ident/ident_json.h"
#include "ident/region.h"

static const struct cli_opt ident_opts[] = {
	{"json", NULL, "print the result as JSON (the same document as the API)"},
	{"as", "KIND", "read the number only as nip, ni_pppk or nik"},
	{NULL, NULL, NULL},
};

static int
print_json(json_t *j)
{
	char *text = json_dumps(j, JSON_INDENT(2));

	json_decref(j);
	if (text == NULL)
		return cli_fail("cannot format JSON");
	puts(text);
	free(text);
	return CLI_OK;
}

static int
run_ident(struct cli *cli)
{
	const char *as = cli_opt(cli, "as");
	struct region_table *regions = NULL;
	struct ident_limits limits;
	struct ident_opts o;
	struct ident_result *r = NULL;
	struct errbuf eb;
	char number[IDENT_INPUT_MAX + 2];
	size_t n = 0;
	int i, rc = CLI_FAIL, valid;

	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected the number to check");
	for (i = 0; i < cli->nargs; i++) {
		size_t len = strlen(cli->args[i]);

		if (n + len + 1 >= sizeof(number))
			len = sizeof(number) - n - 1; /* too long anyway: the parser says so */
		memcpy(number + n, cli->args[i], len);
		n += len;
		if (i + 1 < cli->nargs && n + 1 < sizeof(number))
			number[n++] = ' ';
	}
	number[n] = '\0';
	if (as && strcmp(as, "nip") != 0 && strcmp(as, "ni_pppk") != 0 && strcmp(as, "nik") != 0)
		return cli_usage_error(cli, "--as takes nip, ni_pppk or nik");

	if (region_table_load(&regions, cli->cfg.knowledge_dir, &eb) < 0 ||
	    ident_limits_load(&limits, cli->cfg.knowledge_dir, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.regions = regions;
	o.limits = &limits;
	o.today = time_local_date(clock_now(), tz_wib.offset_min);
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		rc = cli_fail("out of memory");
		goto out;
	}
	errbuf_clear(&eb);
	if (as && strcmp(as, "nip") == 0)
		valid = ident_parse_nip(number, n, &o, r, &eb);
	else if (as && strcmp(as, "ni_pppk") == 0)
		valid = ident_parse_ni_pppk(number, n, &o, r, &eb);
	else if (as && strcmp(as, "nik") == 0)
		valid = ident_parse_nik(number, n, &o, r, &eb);
	else
		valid = ident_parse(number, n, &o, r, &eb);
	if (valid < 0 && eb.kind == ERR_INTERNAL) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	if (cli_flag(cli, "json")) {
		if (print_json(r->valid ? ident_result_json(r) : ident_problem_json(r)) != CLI_OK)
			goto out;
	} else {
		struct buf b = BUF_INIT;

		ident_explain(r, &b);
		fputs(buf_cstr(&b), stdout);
		buf_release(&b);
	}
	rc = r->valid ? CLI_OK : CLI_FAIL;
out:
	free(r);
	region_table_free(regions);
	return rc;
}

const struct cli_cmd cmd_ident = {
	.name = "ident",
	.usage = "NUMBER [--json] [--as nip|ni_pppk|nik]",
	.summary = "Check a NIP, NI PPPK or NIK and explain what its digits say.",
	.description =
		"  The kind is chosen by length: 16 digits NIK, 18 digits NIP or NI PPPK.\n"
		"  Spaces, dots and dashes inside the number are ignored.  An 18-digit\n"
		"  number that is valid both as NIP and as NI PPPK is reported as\n"
		"  ambiguous, with both readings.  Exit status 1 when the number is invalid.",
	.opts = ident_opts,
	.run = run_ident,
};
