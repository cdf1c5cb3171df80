/*
 * cmd_check.c - `netra check`: evaluate conduct against the rule catalog.
 *
 * With TEXT arguments or --item: one evaluation from the flags.  Otherwise
 * one request per line of standard input: a JSON object (the shape of
 * POST /api/v1/check) or, for a line that does not start with '{', plain
 * text evaluated with the flags as its facts.  --json prints one JSON
 * answer per input line (an {"error": ...} object in place of a failed
 * line); without it a readable Indonesian answer.  Exit 1 when any line
 * failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "check/check.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"

static const struct cli_opt check_opts[] = {
	{"json", NULL, "one JSON answer per line"},
	{"status", "STATUS", "PNS, CPNS, PPPK, non_asn, kepala_desa, TNI, Polri or unknown"},
	{"date", "YYYY-MM-DD", "date of the act"},
	{"handling-date", "YYYY-MM-DD", "date the report is handled (picks KASN or BKN)"},
	{"election", "ID", "election from the calendar (pemilu2024, pilkada2024, ...)"},
	{"item", "ID", "evaluate this catalog item instead of free text"},
	{"modifiers", "LIST", "facts: attributes=yes,state_facilities=no,on_leave=yes,..."},
	{NULL, NULL, NULL},
};

/* Build a request object from the flags (and text, when not NULL). */
static int
request_from_flags(struct cli *cli, const char *text, json_t **out)
{
	static const struct {
		const char *opt, *field;
	} map[] = {{"status", "status"},
		   {"date", "date"},
		   {"handling-date", "handling_date"},
		   {"election", "election"},
		   {"item", "item"}};
	json_t *req = json_object();
	const char *mods = cli_opt(cli, "modifiers");
	size_t i;

	if (text)
		json_object_set_new(req, "text", json_string(text));
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		const char *v = cli_opt(cli, map[i].opt);

		if (v)
			json_object_set_new(req, map[i].field, json_string(v));
	}
	if (mods && mods[0]) {
		json_t *m = json_object();
		char *copy = strdup(mods), *save = NULL, *tok;

		if (copy == NULL)
			return -1;
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *eq = strchr(tok, '=');
			bool yes;

			if (eq == NULL ||
			    (strcmp(eq + 1, "yes") != 0 && strcmp(eq + 1, "no") != 0 &&
			     strcmp(eq + 1, "true") != 0 && strcmp(eq + 1, "false") != 0)) {
				free(copy);
				json_decref(m);
				json_decref(req);
				return -2;
			}
			*eq = '\0';
			yes = strcmp(eq + 1, "yes") == 0 || strcmp(eq + 1, "true") == 0;
			json_object_set_new(m, tok, json_boolean(yes));
		}
		free(copy);
		json_object_set_new(req, "modifiers", m);
	}
	if (text == NULL && json_object_get(req, "item") == NULL) {
		json_decref(req);
		return -1;
	}
	*out = req;
	return 0;
}

static void
print_answer(bool json, json_t *answer, const struct rules_result *res, struct buf *tmp)
{
	if (json) {
		char *t = json_dumps(answer, JSON_COMPACT | JSON_ENSURE_ASCII);

		if (t)
			puts(t);
		free(t);
		return;
	}
	buf_reset(tmp);
	rules_result_format_text(res, tmp);
	fputs(buf_cstr(tmp), stdout);
	putchar('\n');
}

static void
print_error(bool json, long line, const struct errbuf *eb)
{
	if (json) {
		json_t *e = check_error_json(eb);
		char *t = json_dumps(e, JSON_COMPACT | JSON_ENSURE_ASCII);

		if (t)
			puts(t);
		free(t);
		json_decref(e);
	}
	if (line > 0)
		fprintf(stderr, "netra check: baris %ld: %s [%s]\n", line, eb->msg,
			errbuf_code(eb));
	else
		fprintf(stderr, "netra check: %s [%s]\n", eb->msg, errbuf_code(eb));
}

static int
run_one(const struct check_service *s, json_t *req, bool json, long line, struct arena *a,
	struct buf *tmp)
{
	struct rules_result res;
	struct errbuf eb;
	json_t *answer;

	if (check_run(s, req, a, &answer, &res, &eb) < 0) {
		print_error(json, line, &eb);
		return -1;
	}
	print_answer(json, answer, &res, tmp);
	json_decref(answer);
	return 0;
}

/* One request per non-blank line; CLI_USAGE when there was none at all. */
static int
run_stdin(struct cli *cli, const struct check_service *s, bool json)
{
	struct arena a;
	struct buf tmp = BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0, requests = 0;
	int failed = 0;

	arena_init(&a, 64 * 1024);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		struct errbuf eb;
		json_t *req = NULL;
		struct str t;

		lineno++;
		t = str_trim(str_make(line, (size_t)n));
		if (t.len == 0)
			continue;
		requests++;
		if (t.len > CHECK_MAX_REQUEST) {
			errbuf_set_code(&eb, ERR_PAYLOAD_TOO_LARGE, "request_too_large",
					"baris terlalu panjang (%zu bait, paling banyak %d)", t.len,
					CHECK_MAX_REQUEST);
			print_error(json, lineno, &eb);
			failed = 1;
			continue;
		}
		if (t.ptr[0] == '{') {
			json_error_t jerr;

			req = json_loadb(t.ptr, t.len, JSON_REJECT_DUPLICATES, &jerr);
			if (req == NULL) {
				errbuf_set_code(&eb, ERR_INVALID_INPUT, "invalid_json",
						"JSON tidak sah (kolom %d): %s", jerr.column,
						jerr.text);
				print_error(json, lineno, &eb);
				failed = 1;
				continue;
			}
		} else {
			char *text = strndup(t.ptr, t.len);
			int rc = text ? request_from_flags(cli, text, &req) : -1;

			free(text);
			if (rc < 0) {
				errbuf_set_code(
					&eb, ERR_INVALID_INPUT, "invalid_input",
					"--modifiers harus berbentuk nama=yes|no,nama=yes|no");
				print_error(json, lineno, &eb);
				failed = 1;
				continue;
			}
		}
		if (run_one(s, req, json, lineno, &a, &tmp) < 0)
			failed = 1;
		json_decref(req);
		arena_reset(&a);
		fflush(stdout);
	}
	free(line);
	buf_release(&tmp);
	arena_release(&a);
	if (failed)
		return CLI_FAIL;
	return requests ? CLI_OK : CLI_USAGE;
}

static int
run_check(struct cli *cli)
{
	struct app app;
	struct errbuf eb;
	const struct check_service *s;
	bool json = cli_flag(cli, "json");
	int rc;

	if (app_open(&app, &cli->cfg, APP_KNOWLEDGE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	s = app.check;
	if (cli->nargs > 0 || cli_opt(cli, "item")) {
		struct buf text = BUF_INIT, tmp = BUF_INIT;
		struct arena a;
		json_t *req = NULL;
		int i;

		for (i = 0; i < cli->nargs; i++)
			buf_addf(&text, "%s%s", i ? " " : "", cli->args[i]);
		if (cli_opt(cli, "item") == NULL && str_trim(str_from(buf_cstr(&text))).len == 0) {
			buf_release(&text);
			app_close(&app);
			return cli_usage_error(cli, "tidak ada teks untuk diperiksa: TEKS kosong");
		}
		rc = request_from_flags(cli, cli->nargs ? buf_cstr(&text) : NULL, &req);
		buf_release(&text);
		if (rc < 0) {
			app_close(&app);
			return cli_usage_error(cli, "--modifiers must be name=yes|no,...");
		}
		arena_init(&a, 64 * 1024);
		rc = run_one(s, req, json, 0, &a, &tmp) < 0 ? CLI_FAIL : CLI_OK;
		json_decref(req);
		arena_release(&a);
		buf_release(&tmp);
	} else if (isatty(STDIN_FILENO)) {
		/* nothing to check and nobody piping requests in */
		app_close(&app);
		return cli_usage_error(cli, "tidak ada teks untuk diperiksa: beri TEKS, --item, "
					    "atau satu permintaan per baris di masukan standar");
	} else {
		rc = run_stdin(cli, s, json);
	}
	app_close(&app);
	if (rc == CLI_USAGE)
		return cli_usage_error(cli, "tidak ada teks untuk diperiksa: masukan standar "
					    "kosong; beri TEKS, --item, atau satu permintaan per "
					    "baris");
	return rc;
}

const struct cli_cmd cmd_check = {
	.name = "check",
	.usage = "[--json] [--status S] [--date D] [--election E] [--item ID] "
		 "[--modifiers a=yes,...] [TEXT...]",
	.summary = "Evaluate conduct of a civil servant against the neutrality rule catalog.",
	.description =
		"With TEXT or --item, evaluates that one case.  Otherwise reads one request per\n"
		"line from standard input: a JSON object such as\n"
		"  {\"text\": \"...\", \"status\": \"PNS\", \"date\": \"2024-01-10\", "
		"\"election\": \"pemilu2024\"}\n"
		"(or \"item\": \"D-6\" instead of \"text\"; optional \"handling_date\", "
		"\"stage\",\n"
		"\"modifiers\": {\"attributes\": true, ...}, \"nip\", \"id\"), or plain text that "
		"the\n"
		"flags describe.  Answers: verdict (pelanggaran, boleh, bukan_asn,\n"
		"tidak_cukup_informasi), items, level, forms, legal_basis, route, explanation.\n"
		"Exit status 1 when any line failed; its answer is {\"error\": {...}}.",
	.opts = check_opts,
	.run = run_check,
};
