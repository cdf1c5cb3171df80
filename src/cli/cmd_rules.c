/*
 * cmd_rules.c - `netra rules list|show ID|lint`: the legal rule catalog as
 * the binary (or --knowledge-dir) has it.  lint reports every problem in
 * the data files with FILE:LINE and exits 1 when there is any.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/cli.h"
#include "rules/text.h"

static const struct cli_opt rules_opts[] = {
	{"json", NULL, "print JSON"},
	{NULL, NULL, NULL},
};

static int
load(struct cli *cli, struct check_service **s)
{
	struct errbuf eb;

	if (check_service_new(s, &cli->cfg, NULL, &eb) < 0)
		return cli_fail("%s", eb.msg);
	return CLI_OK;
}

static void
print_json(json_t *j)
{
	char *t = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII);

	if (t)
		puts(t);
	free(t);
	json_decref(j);
}

static int
rules_list(struct cli *cli)
{
	struct check_service *s;
	const struct rules_catalog *cat;
	size_t i;
	int rc = load(cli, &s);

	if (rc)
		return rc;
	cat = check_service_catalog(s);
	if (cli_flag(cli, "json")) {
		print_json(check_catalog_json(s));
		check_service_free(s);
		return CLI_OK;
	}
	printf("%s (versi %s)\n\n", rules_catalog_title(cat), rules_catalog_version(cat));
	for (i = 0; i < rules_item_count(cat); i++) {
		const struct rules_item *it = rules_item_at(cat, i);
		const char *ln = rules_level_name(rules_item_level(it, check_service_options(s)));

		printf("%-9s %-5s %-7s %s\n", it->id, rules_family_name(it->family), ln ? ln : "-",
		       it->title);
	}
	printf("\nstatus:");
	for (i = 0; i < rules_status_count(cat); i++)
		printf(" %s", rules_status_at(cat, i)->id);
	printf("\npengubah:");
	for (i = 0; i < rules_modifier_count(cat); i++)
		printf(" %s", rules_modifier_at(cat, i)->id);
	printf("\nbacaan:");
	for (i = 0; i < rules_reading_count(cat); i++) {
		const struct rules_reading *r = rules_reading_at(cat, i);

		printf(" %s=%s", r->id, rules_options_value(check_service_options(s), r));
	}
	printf("\n");
	check_service_free(s);
	return CLI_OK;
}

static int
rules_show(struct cli *cli, const char *id)
{
	struct check_service *s;
	const struct rules_item *it;
	json_t *j;
	size_t i;
	int rc = load(cli, &s);

	if (rc)
		return rc;
	it = rules_item_find(check_service_catalog(s), id);
	if (it == NULL) {
		check_service_free(s);
		return cli_fail("butir '%s' tidak ada di katalog (netra rules list)", id);
	}
	j = rules_item_to_json(check_service_catalog(s), it, check_service_options(s), true);
	if (cli_flag(cli, "json")) {
		print_json(j);
		check_service_free(s);
		return CLI_OK;
	}
	printf("%s  %s\n%s\n\n%s\n", it->id, rules_family_name(it->family), it->title,
	       it->description);
	{
		json_t *lv = json_object_get(j, "level_title");

		if (json_is_string(lv))
			printf("\nTingkat: %s\n", json_string_value(lv));
	}
	printf("\nDasar hukum:\n");
	for (i = 0; i < it->nbasis; i++) {
		const struct rules_basis *b = &it->basis[i];
		char f[DATE_STRLEN] = "", t[DATE_STRLEN] = "";

		if (b->period.has_from)
			date_format(b->period.from, f);
		if (b->period.has_to)
			date_format(b->period.to, t);
		printf("  - %s%s%s%s%s%s%s%s\n", b->label, b->note ? ": " : "",
		       b->note ? b->note : "", b->period.has_from ? " [sejak " : "", f,
		       b->period.has_from ? "]" : "", b->period.has_to ? " [sampai " : "",
		       b->period.has_to ? t : "");
		if (b->unconfirmed)
			printf("    (belum dikonfirmasi)\n");
	}
	if (it->nexamples) {
		printf("\nContoh:\n");
		for (i = 0; i < it->nexamples; i++)
			printf("  - %s\n", it->examples[i]);
	}
	printf("\nKata kunci:");
	for (i = 0; i < it->nkw; i++)
		printf("%s %s%s", i ? "," : "", it->kw[i].phrase->text,
		       it->kw[i].anchor ? "*" : "");
	printf("\n(* = kata kunci utama; paling sedikit satu harus cocok)\n");
	if (it->nsources) {
		printf("\nSumber:\n");
		for (i = 0; i < it->nsources; i++)
			printf("  - %s\n", it->sources[i]);
	}
	printf("\nBerkas: %s:%d\n", it->file, it->line);
	json_decref(j);
	check_service_free(s);
	return CLI_OK;
}

struct lint_state {
	int warnings;
};

static void
lint_report(void *arg, bool warning, const char *msg)
{
	struct lint_state *ls = arg;

	if (warning)
		ls->warnings++;
	fprintf(warning ? stdout : stderr, "%s\n", msg);
}

static int
rules_lint_cmd(struct cli *cli)
{
	struct lint_state ls = {0};
	const char *dir = cli->cfg.knowledge_dir;
	int n = rules_lint(dir, lint_report, &ls);

	if (n > 0) {
		fprintf(stderr, "netra rules lint: %d masalah di %s\n", n,
			dir[0] ? dir : "katalog bawaan");
		return CLI_FAIL;
	}
	printf("katalog %s sah (%d peringatan)\n", dir[0] ? dir : "bawaan", ls.warnings);
	return CLI_OK;
}

static int
run_rules(struct cli *cli)
{
	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: list, show ID or lint");
	if (strcmp(cli->args[0], "list") == 0 && cli->nargs == 1)
		return rules_list(cli);
	if (strcmp(cli->args[0], "show") == 0 && cli->nargs == 2)
		return rules_show(cli, cli->args[1]);
	if (strcmp(cli->args[0], "lint") == 0 && cli->nargs == 1)
		return rules_lint_cmd(cli);
	return cli_usage_error(cli, "unknown subcommand or wrong arguments");
}

const struct cli_cmd cmd_rules = {
	.name = "rules",
	.usage = "list|show ID|lint [--json] [--knowledge-dir DIR]",
	.summary =
		"Show or check the legal rule catalog (SKB 2022, PP 94/2021, permitted conduct).",
	.description =
		"  list      every item with its family and level under the configured readings\n"
		"  show ID   one item: description, legal basis by date, examples, keywords\n"
		"  lint      validate data/rules (or DIR/rules); prints FILE:LINE for each\n"
		"            problem and exits 1 when there is one; examples that are not\n"
		"            recognised as their own item are printed as warnings",
	.opts = rules_opts,
	.run = run_rules,
};
