/*
 * cmd_office.c - `netra office add|list`: the offices users belong to
 * (Bawaslu at each level, BKN/KASN, PPK offices).  Rules live in
 * auth/admin.c; this file parses flags and prints.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "auth/admin.h"
#include "cli/auth_cli.h"
#include "store/store.h"
#include "store/store_users.h"

static const struct cli_opt office_opts[] = {
	{"name", "TEXT", "office name, e.g. \"Bawaslu Kabupaten Kutai Timur\""},
	{"kind", "KIND", "bawaslu, bkn, kasn, ppk or lain"},
	{"level", "LEVEL", "ri, provinsi, kabkota, kecamatan or instansi"},
	{"region", "CODE", "Kemendagri region code (64, 64.08, 64.08.01); empty for ri"},
	{"parent", "CODE", "code of the parent office (its key seals when this one has none)"},
	{"tz", "ZONE", "WIB, WITA or WIT (default: the parent's)"},
	{"json", NULL, "list as JSON"},
	{NULL, NULL, NULL},
};

static int
office_add(struct cli *cli)
{
	struct auth_office_new o;
	struct store_office out;
	struct store *st;
	struct errbuf eb;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "office add needs exactly one CODE");
	memset(&o, 0, sizeof(o));
	o.code = cli->args[1];
	o.name = cli_opt(cli, "name");
	o.kind = cli_opt(cli, "kind");
	o.level = cli_opt(cli, "level");
	o.region = cli_opt(cli, "region");
	o.parent_code = cli_opt(cli, "parent");
	o.tz = cli_opt(cli, "tz");
	if (o.name == NULL || o.kind == NULL || o.level == NULL)
		return cli_usage_error(cli, "--name, --kind and --level are required");
	if (o.region == NULL && strcmp(o.level, "ri") != 0)
		return cli_usage_error(cli, "--region is required below level ri");
	if (auth_office_check(&o, &eb) < 0)
		return cli_fail("%s", eb.msg);
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	rc = auth_office_add(st, &o, &out, &eb);
	store_close(st);
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	printf("office %s added (%s, %s, region %s, %s)\n", out.code, out.kind, out.level,
	       out.region_code[0] ? out.region_code : "national", out.tz);
	return CLI_OK;
}

struct list_ctx {
	struct store_conn *c;
	json_t *arr;
};

static int
office_row(void *arg, const struct store_office *o)
{
	struct list_ctx *x = arg;
	struct store_office parent;
	const char *pcode = "";

	if (o->parent_id > 0 && store_office_get(x->c, o->parent_id, &parent, NULL) == 0)
		pcode = parent.code;
	if (x->arr) {
		json_array_append_new(
			x->arr,
			json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:b}", "id",
				  (json_int_t)o->id, "code", o->code, "name", o->name, "kind",
				  o->kind, "level", o->level, "region", o->region_code, "tz", o->tz,
				  "parent", pcode[0] ? pcode : NULL, "seal_key", o->has_seal_key));
		return 0;
	}
	printf("%-24s %-8s %-10s %-14s %-5s %-3s %-24s %s\n", o->code, o->kind, o->level,
	       o->region_code[0] ? o->region_code : "-", o->tz, o->has_seal_key ? "yes" : "no",
	       pcode[0] ? pcode : "-", o->name);
	return 0;
}

static int
office_list(struct cli *cli)
{
	struct list_ctx x = {NULL, NULL};
	struct store *st;
	struct errbuf eb;
	int rc;

	if (cli->nargs != 1)
		return cli_usage_error(cli, "office list takes no arguments");
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	if (cli_flag(cli, "json"))
		x.arr = json_array();
	else
		printf("%-24s %-8s %-10s %-14s %-5s %-3s %-24s %s\n", "CODE", "KIND", "LEVEL",
		       "REGION", "TZ", "KEY", "PARENT", "NAME");
	x.c = store_reader(st);
	rc = store_office_list(x.c, office_row, &x, &eb);
	store_reader_done(st, x.c);
	store_close(st);
	if (rc < 0) {
		json_decref(x.arr);
		return cli_fail("%s", eb.msg);
	}
	if (x.arr) {
		json_dumpf(x.arr, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(x.arr);
	}
	return CLI_OK;
}

static int
run_office(struct cli *cli)
{
	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: add or list");
	if (strcmp(cli->args[0], "add") == 0)
		return office_add(cli);
	if (strcmp(cli->args[0], "list") == 0)
		return office_list(cli);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_office = {
	.name = "office",
	.usage = "add CODE --name TEXT --kind KIND --level LEVEL --region CODE [--parent CODE] "
		 "[--tz ZONE] | list [--json]",
	.summary = "Register offices (Bawaslu, BKN/KASN, PPK) and list them.",
	.description =
		"  add   register an office; its region must match its level and lie inside\n"
		"        its parent's region (a Kutai Timur office, 64.08, under Kalimantan\n"
		"        Timur, 64).  Users of an office see cases of its region only.\n"
		"  list  every office with its region, time zone and whether it has a\n"
		"        sealing key (netra key init)",
	.opts = office_opts,
	.run = run_office,
};
