/*
 * cmd_registry.c - `netra registry search QUERY [--as USER] [--limit N]
 * [--json]`: the persons seen in cases, by name (fuzzy) or NIP/NIK, with
 * their cases; the same search as the officers' /kantor/registri page.
 * Without --as the operator at the console sees every case; with it, what
 * that user would see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "cli/cli.h"
#include "core/str.h"
#include "registry/registry.h"

static const struct cli_opt registry_opts[] = {
	{"as", "USER", "search with the scope of this user"},
	{"limit", "N", "at most N persons (default 20, at most 100)"},
	{"json", NULL, "print the result as JSON"},
	{NULL, NULL, NULL},
};

static const char *
s_or(json_t *o, const char *key, const char *dflt)
{
	const char *v = json_string_value(json_object_get(o, key));

	return v && v[0] ? v : dflt;
}

static void
print_text(json_t *res)
{
	json_t *results = json_object_get(res, "results"), *p, *t;
	size_t i, k;

	printf("%zu orang untuk \"%s\" (%s; %lld diperiksa%s)\n", json_array_size(results),
	       s_or(res, "query", ""), s_or(res, "mode", ""),
	       (long long)json_integer_value(json_object_get(res, "scanned")),
	       json_is_true(json_object_get(res, "truncated")) ? ", terpotong" : "");
	json_array_foreach(results, i, p)
	{
		printf("\n%s  NIP %s  %s  skor %lld%s\n  %s, %s\n", s_or(p, "name", "?"),
		       s_or(p, "nip", "-"), s_or(p, "status", "-"),
		       (long long)json_integer_value(json_object_get(p, "score")),
		       json_is_true(json_object_get(p, "repeat")) ? "  BERULANG" : "",
		       s_or(p, "position", "-"), s_or(p, "agency", "-"));
		json_array_foreach(json_object_get(p, "cases"), k, t)
			printf("  %s  %s  %-12s kasus %-20s terlapor %s\n", s_or(t, "code", "?"),
			       s_or(t, "received_on", "?"), s_or(t, "election", "?"),
			       s_or(t, "case_state", "?"), s_or(t, "track_state", "?"));
	}
}

static int
run_registry(struct cli *cli)
{
	const char *as = cli_opt(cli, "as"), *v;
	struct principal who;
	struct app app;
	struct errbuf eb;
	json_t *res;
	int64_t limit = 20;
	int rc;

	if (cli->nargs != 2 || strcmp(cli->args[0], "search") != 0)
		return cli_usage_error(cli, "expected: search QUERY");
	if ((v = cli_opt(cli, "limit")) &&
	    (str_to_i64(str_from(v), &limit) < 0 || limit < 1 || limit > REGISTRY_LIMIT_MAX))
		return cli_usage_error(cli, "--limit must be 1..%d", REGISTRY_LIMIT_MAX);
	if (app_open(&app, &cli->cfg, APP_STORE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (as && auth_principal_for_user(app.store, as, &who, &eb) < 0) {
		app_close(&app);
		return cli_fail("--as %s: %s", as, eb.msg);
	}
	rc = registry_search(app.store, as ? &who : NULL, cli->args[1], (size_t)limit, &res, &eb);
	app_close(&app);
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	if (cli_flag(cli, "json")) {
		char *text = json_dumps(res, JSON_COMPACT);

		printf("%s\n", text ? text : "{}");
		free(text);
	} else {
		print_text(res);
	}
	json_decref(res);
	return CLI_OK;
}

const struct cli_cmd cmd_registry = {
	.name = "registry",
	.usage = "search QUERY [--as USER] [--limit N] [--json]",
	.summary = "Search the persons seen in cases by name or NIP/NIK.",
	.description =
		"Names are matched after normalisation (case, punctuation, titles such as\n"
		"Drs., H., S.Pd.) and ranked by similarity, so spelling variants are found;\n"
		"an 18-digit NIP or a 16-digit NIK is matched exactly.  A person appearing\n"
		"in more than one case is marked BERULANG.",
	.opts = registry_opts,
	.run = run_registry,
};
