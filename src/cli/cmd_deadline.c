/*
 * cmd_deadline.c - `netra deadline`: compute statutory deadlines with their
 * explanation.
 *
 *   netra deadline RULE START [REGION]     one deadline, readable
 *   netra deadline [--json] < requests     one JSON request per line:
 *       {"rule": "pemilu.laporan", "start": "2024-02-09", "region": "64.08"}
 *   netra deadline --list                  the rules and their basis
 *
 * With --json every input line gives exactly one output line (a result or
 * an {"error": ...} object), so outputs can be matched to inputs by
 * position.  Exit status 1 when any request failed.  The counting itself
 * lives in src/calendar/; this file only reads, prints and reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/deadline.h"
#include "cli/cli.h"
#include "cli/cmd_calendar_admin.h"
#include "core/str.h"

static const struct cli_opt deadline_opts[] = {
	{"json", NULL, "read and write JSON (one request per line on stdin)"},
	{"list", NULL, "list the deadline rules"},
	{NULL, NULL, NULL},
};

static void
print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s) {
		puts(s);
		free(s);
	}
	json_decref(j);
}

static void
print_readable(const struct deadline_request *req, const struct deadline_result *res)
{
	char a[64], b[64], ds[DATE_STRLEN];
	size_t i;

	date_format_long_id(res->start, a, sizeof(a));
	date_format_long_id(res->due, b, sizeof(b));
	printf("%s - %s\n", res->rule->id, res->rule->title);
	date_format(res->start, ds);
	printf("  mulai        : %s (%s)", a, ds);
	if (req->region[0])
		printf(", wilayah %s (%s)", req->region, res->zone->name);
	date_format(res->due, ds);
	printf("\n  jatuh tempo  : %s (%s)\n", b, ds);
	printf("  hitungan     : %d %s\n", res->count, deadline_unit_label(res->unit));
	if (res->provisional)
		printf("  perkiraan    : %s\n", res->provisional_reason);
	for (i = 0; i < res->nskipped; i++) {
		date_format(res->skipped[i].date, ds);
		printf("  %s %s  %s\n", i == 0 ? "dilewati     :" : "              ", ds,
		       res->skipped[i].reason);
	}
	printf("  penjelasan   : %s\n\n", buf_cstr(&res->explanation));
}

/* Run one request and print it; returns 0 or -1. */
static int
run_one(const struct calendar *cal, const struct calendar_opts *opts,
	const struct deadline_request *req, bool json, unsigned line)
{
	struct deadline_result res;
	struct errbuf eb;
	int rc = 0;

	errbuf_clear(&eb);
	deadline_result_init(&res);
	if (deadline_request_run(cal, req, opts, &res, &eb) < 0) {
		if (json) {
			json_t *j = deadline_error_to_json(req, &eb);

			if (line)
				json_object_set_new(j, "line", json_integer(line));
			print_json(j);
		} else if (line)
			printf("baris %u: tidak dapat dihitung (%s): %s\n\n", line,
			       errbuf_code(&eb), eb.msg);
		else
			fprintf(stderr, "netra deadline: %s (%s)\n", eb.msg, errbuf_code(&eb));
		rc = -1;
	} else if (json) {
		print_json(deadline_result_to_json(req, &res));
	} else {
		print_readable(req, &res);
	}
	deadline_result_release(&res);
	return rc;
}

static void
report_bad_line(const struct deadline_request *req, const struct errbuf *eb, bool json,
		unsigned line)
{
	if (json) {
		json_t *j = deadline_error_to_json(req, eb);

		json_object_set_new(j, "line", json_integer(line));
		print_json(j);
	} else
		printf("baris %u: tidak dapat dihitung (%s): %s\n\n", line, errbuf_code(eb),
		       eb->msg);
}

static int
run_stream(const struct calendar *cal, const struct calendar_opts *opts, bool json)
{
	static char line[DEADLINE_REQUEST_MAX + 2];
	unsigned lineno = 0;
	int failed = 0;

	while (fgets(line, sizeof(line), stdin)) {
		struct deadline_request req;
		struct errbuf eb;
		size_t n = strlen(line);
		bool too_long = n == sizeof(line) - 1 && line[n - 1] != '\n';
		struct str s;

		lineno++;
		if (too_long) {
			int c;

			while ((c = getchar()) != EOF && c != '\n')
				;
			memset(&req, 0, sizeof(req));
			errbuf_clear(&eb);
			errbuf_set(&eb, ERR_INVALID_INPUT,
				   "baris permintaan terlalu panjang (paling banyak %d byte)",
				   DEADLINE_REQUEST_MAX);
			report_bad_line(&req, &eb, json, lineno);
			failed = 1;
			continue;
		}
		s = str_trim(str_make(line, n));
		if (s.len == 0)
			continue;
		errbuf_clear(&eb);
		if (deadline_request_parse(s.ptr, s.len, &req, &eb) < 0) {
			report_bad_line(&req, &eb, json, lineno);
			failed = 1;
			continue;
		}
		if (run_one(cal, opts, &req, json, lineno) < 0)
			failed = 1;
		fflush(stdout);
	}
	return failed ? CLI_FAIL : CLI_OK;
}

static int
list_rules(const struct calendar *cal, bool json)
{
	size_t i;

	for (i = 0; i < deadline_rule_count(cal); i++) {
		const struct deadline_rule *r = deadline_rule_at(cal, i);

		if (json) {
			json_t *j = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s}", "id", r->id,
					      "title", r->title, "count", r->count, "unit",
					      deadline_unit_name(r->unit), "starts", r->starts,
					      "basis", r->basis, "confidence", r->confidence);

			print_json(j);
		} else {
			printf("%-36s %3d %-10s %s\n%36s     dasar: %s (%s)\n", r->id, r->count,
			       deadline_unit_name(r->unit), r->title, "", r->basis, r->confidence);
		}
	}
	return CLI_OK;
}

static int
run_deadline(struct cli *cli)
{
	struct calendar *cal = NULL;
	struct calendar_opts opts;
	struct errbuf eb;
	bool json = cli_flag(cli, "json");
	int rc;

	if (cli->nargs != 0 && cli->nargs != 2 && cli->nargs != 3)
		return cli_usage_error(cli, "expected RULE START [REGION], or requests on stdin");
	if (calendar_opts_from_config(&opts, &cli->cfg, &eb) < 0)
		return cli_fail("%s", eb.msg);
	/* built-in data plus what admins added to the database in --data */
	if (cli_calendar_load(cli, &cal, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (cli_flag(cli, "list")) {
		rc = list_rules(cal, json);
	} else if (cli->nargs) {
		struct deadline_request req;
		int i;

		memset(&req, 0, sizeof(req));
		for (i = 0; i < cli->nargs; i++) {
			if (!utf8_valid(cli->args[i], strlen(cli->args[i]))) {
				calendar_free(cal);
				return cli_usage_error(cli, "argument %d is not UTF-8", i + 1);
			}
		}
		if (cstr_copy(req.rule, sizeof(req.rule), cli->args[0]) < 0 ||
		    cstr_copy(req.start, sizeof(req.start), cli->args[1]) < 0 ||
		    (cli->nargs == 3 &&
		     cstr_copy(req.region, sizeof(req.region), cli->args[2]) < 0)) {
			calendar_free(cal);
			return cli_usage_error(cli, "argument too long");
		}
		rc = run_one(cal, &opts, &req, json, 0) < 0 ? CLI_FAIL : CLI_OK;
	} else {
		rc = run_stream(cal, &opts, json);
	}
	calendar_free(cal);
	return rc;
}

const struct cli_cmd cmd_deadline = {
	.name = "deadline",
	.usage = "[--json] [RULE START [REGION]] | --list",
	.summary = "Compute statutory deadlines (tenggat) with their explanation.",
	.description =
		"  RULE    a deadline rule id, e.g. pemilu.laporan (--list shows them all)\n"
		"  START   the day the clock starts (not counted): 2024-02-09, or a moment\n"
		"          with its offset, 2024-02-09T23:30:00+08:00, which needs REGION\n"
		"  REGION  Kemendagri region code, e.g. 64.08: picks the time zone\n"
		"\n"
		"Without RULE, reads one JSON request per line from stdin:\n"
		"  {\"rule\": \"pemilu.laporan\", \"start\": \"2024-02-09\", \"region\": "
		"\"64.08\"}\n"
		"and prints one block (or, with --json, one JSON line) per request:\n"
		"  {\"rule\", \"start\", \"due\", \"unit\", \"explanation\", \"skipped\": [...]}\n"
		"Failed requests print {\"error\": {\"code\", \"message\"}}; the exit status is "
		"then 1.\n"
		"\n"
		"N hari = start + N calendar days; N hari kerja = the Nth working day after the\n"
		"start (Monday-Friday, not libur nasional, not cuti bersama, not an election-day\n"
		"holiday).  [rules] cuti_bersama_is_workday, pemilu_laporan_unit and\n"
		"ppk_tindak_lanjut_days (or NETRA_* variables) change the counting.",
	.opts = deadline_opts,
	.run = run_deadline,
};
