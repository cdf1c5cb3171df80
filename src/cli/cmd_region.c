/*
 * cmd_region.c - `netra region search QUERY` and `netra region show CODE`:
 * the Kemendagri region table from the command line.
 *
 * search ranks names (exact, prefix, word prefix, substring; higher levels
 * first) or, for a query of digits and dots, lists codes with that prefix.
 * show prints one region with its parents and children.  Both end with the
 * data attribution.  Exit status 1 when nothing is found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/str.h"
#include "ident/ident_json.h"
#include "ident/region.h"

static const struct cli_opt region_opts[] = {
	{"level", "N", "search: only level N (1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa)"},
	{"parent", "CODE", "search: only inside this region (e.g. 64.08)"},
	{"limit", "N", "search: at most N results (default 20, at most 200)"},
	{"json", NULL, "print JSON (the same documents as the API)"},
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

/* ", Kutai Timur, Kalimantan Timur": the names above r, nearest first */
static void
print_context(const struct region_table *t, const struct region *r)
{
	struct region chain[4];
	size_t n = region_parent_chain(t, r->code, chain), i;

	for (i = 1; i < n; i++)
		printf(", %s", chain[i].name);
}

static json_t *
hit_json(const struct region_table *t, const struct region_hit *h)
{
	struct region chain[4];
	size_t n = region_parent_chain(t, h->region.code, chain), i;
	json_t *j = region_json(&h->region), *anc = json_array();

	for (i = 1; i < n; i++)
		json_array_append_new(anc, region_json(&chain[i]));
	json_object_set_new(j, "match", json_string(region_match_name(h->match)));
	json_object_set_new(j, "ancestors", anc);
	return j;
}

static int
parse_number(struct cli *cli, const char *opt, long lo, long hi, long def, long *out)
{
	const char *v = cli_opt(cli, opt);
	int64_t n;

	*out = def;
	if (v == NULL)
		return 0;
	if (str_to_i64(str_from(v), &n) < 0 || n < lo || n > hi)
		return -1;
	*out = (long)n;
	return 0;
}

static int
region_search_cmd(struct cli *cli, const struct region_table *t)
{
	struct region_hit *hits = NULL;
	struct errbuf eb;
	char query[REGION_QUERY_MAX + 2];
	size_t n = 0, nhits, total, i;
	long level, limit;
	int a, rc = CLI_FAIL;

	if (cli->nargs < 2)
		return cli_usage_error(cli, "search needs a query");
	if (parse_number(cli, "level", 1, 4, 0, &level) < 0)
		return cli_usage_error(cli, "--level takes 1, 2, 3 or 4");
	if (parse_number(cli, "limit", 1, REGION_LIMIT_MAX, REGION_LIMIT_DEFAULT, &limit) < 0)
		return cli_usage_error(cli, "--limit takes 1 to %d", REGION_LIMIT_MAX);
	for (a = 1; a < cli->nargs; a++) {
		size_t len = strlen(cli->args[a]);

		if (n + len + 1 >= sizeof(query))
			return cli_fail("query too long (at most %d bytes)", REGION_QUERY_MAX);
		if (n)
			query[n++] = ' ';
		memcpy(query + n, cli->args[a], len);
		n += len;
	}
	query[n] = '\0';
	hits = calloc((size_t)limit, sizeof(*hits));
	if (hits == NULL)
		return cli_fail("out of memory");
	if (region_search(t, query, (int)level, cli_opt(cli, "parent"), (size_t)limit, hits, &nhits,
			  &total, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	if (cli_flag(cli, "json")) {
		json_t *j = json_object(), *arr = json_array();

		for (i = 0; i < nhits; i++)
			json_array_append_new(arr, hit_json(t, &hits[i]));
		json_object_set_new(j, "query", json_string(query));
		json_object_set_new(j, "total", json_integer((json_int_t)total));
		json_object_set_new(j, "count", json_integer((json_int_t)nhits));
		json_object_set_new(j, "results", arr);
		json_object_set_new(j, "attribution", json_string(region_table_attribution(t)));
		print_json(j);
	} else {
		for (i = 0; i < nhits; i++) {
			printf("%-13s  %s", hits[i].region.code, hits[i].region.name);
			print_context(t, &hits[i].region);
			printf("  (%s; %s)\n", region_kind_name(&hits[i].region),
			       region_match_name(hits[i].match));
		}
		if (total > nhits)
			printf("... %zu hasil lain; persempit dengan --level/--parent atau naikkan "
			       "--limit\n",
			       total - nhits);
		if (total == 0)
			printf("Tidak ada wilayah yang cocok dengan \"%s\".\n", query);
		printf("Sumber: %s\n", region_table_attribution(t));
	}
	rc = total > 0 ? CLI_OK : CLI_FAIL;
out:
	free(hits);
	return rc;
}

static int
region_show_cmd(struct cli *cli, const struct region_table *t)
{
	struct region chain[4], *kids = NULL;
	size_t n, nk = 0, i;
	int rc = CLI_FAIL;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "show needs one code, e.g. 64.08");
	n = region_parent_chain(t, cli->args[1], chain);
	if (n == 0)
		return cli_fail(
			"wilayah dengan kode '%s' tidak ada dalam tabel (contoh kode: 64.08)",
			cli->args[1]);
	if (region_children(t, chain[0].code, NULL, 0, &nk) < 0)
		return cli_fail("internal error: children of %s", chain[0].code);
	kids = calloc(nk ? nk : 1, sizeof(*kids));
	if (kids == NULL)
		return cli_fail("out of memory");
	if (region_children(t, chain[0].code, kids, nk, &nk) < 0)
		goto out;
	if (cli_flag(cli, "json")) {
		json_t *j = region_json(&chain[0]), *anc = json_array(), *ch = json_array();

		for (i = 1; i < n; i++)
			json_array_append_new(anc, region_json(&chain[i]));
		for (i = 0; i < nk; i++)
			json_array_append_new(ch, region_json(&kids[i]));
		json_object_set_new(j, "ancestors", anc);
		json_object_set_new(j, "children", ch);
		json_object_set_new(j, "attribution", json_string(region_table_attribution(t)));
		rc = print_json(j);
		goto out;
	}
	printf("%s  %s  (%s, level %d)\n", chain[0].code, chain[0].name,
	       region_kind_name(&chain[0]), chain[0].level);
	for (i = 1; i < n; i++)
		printf("  di dalam %s  %s (%s)\n", chain[i].code, chain[i].name,
		       region_kind_name(&chain[i]));
	if (nk)
		printf("%zu wilayah di bawahnya:\n", nk);
	for (i = 0; i < nk; i++)
		printf("  %-13s  %s (%s)\n", kids[i].code, kids[i].name,
		       region_kind_name(&kids[i]));
	printf("Sumber: %s\nBerkas: %s\n", region_table_attribution(t), region_table_source(t));
	rc = CLI_OK;
out:
	free(kids);
	return rc;
}

static int
run_region(struct cli *cli)
{
	struct region_table *t = NULL;
	struct errbuf eb;
	int rc;

	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: search or show");
	if (strcmp(cli->args[0], "search") != 0 && strcmp(cli->args[0], "show") != 0)
		return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
	if (region_table_load(&t, cli->cfg.knowledge_dir, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (strcmp(cli->args[0], "search") == 0)
		rc = region_search_cmd(cli, t);
	else
		rc = region_show_cmd(cli, t);
	region_table_free(t);
	return rc;
}

const struct cli_cmd cmd_region = {
	.name = "region",
	.usage = "search QUERY [--level N] [--parent CODE] [--limit N] [--json] | show CODE "
		 "[--json]",
	.summary = "Search the Kemendagri region table, or show one region with its children.",
	.description =
		"  search QUERY  by name, ignoring case and accents; words may be prefixes\n"
		"                (\"kutai tim\"); digits and dots search by code prefix "
		"(\"64.08\")\n"
		"  show CODE     the region, its parents and its children (\"64\", \"64.08.01\")\n"
		"  Exit status 1 when nothing is found.",
	.opts = region_opts,
	.run = run_region,
};
