/*
 * cmd_accounts.c - `netra accounts import|list|remove`: the watched-account
 * list that links feed authors to known persons (ASN accounts).  Flags
 * only; parsing, validation and storage are in src/screening/accounts.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "cli/cli.h"
#include "screening/screening.h"
#include "store/store.h"
#include "store/store_screening.h"

static const struct cli_opt accounts_opts[] = {
	{"format", "F", "import: csv, jsonl or auto (default: by the first byte)"},
	{"json", NULL, "list: one JSON object per account"},
	{NULL, NULL, NULL},
};

static int
do_import(struct cli *cli, struct app *app, const char *path)
{
	enum screening_list_format fmt = SCREENING_LIST_AUTO;
	struct screening_import_stats st;
	const char *f = cli_opt(cli, "format");
	struct errbuf eb;
	struct buf b;
	char chunk[65536];
	FILE *in;
	size_t n;
	int rc;

	if (f && strcmp(f, "csv") == 0)
		fmt = SCREENING_LIST_CSV;
	else if (f && strcmp(f, "jsonl") == 0)
		fmt = SCREENING_LIST_JSONL;
	else if (f && strcmp(f, "auto") != 0)
		return cli_usage_error(cli, "--format harus csv, jsonl atau auto");
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (in == NULL)
		return cli_fail("tidak dapat membuka %s", path);
	buf_init(&b, SCREENING_LIST_BYTES);
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		buf_add(&b, chunk, n);
	if (in != stdin)
		fclose(in);
	if (buf_failed(&b)) {
		buf_release(&b);
		return cli_fail("%s lebih dari %u byte", path, SCREENING_LIST_BYTES);
	}
	rc = screening_accounts_import(app->store, buf_cstr(&b), b.len, fmt, app->regions, "sistem",
				       0, &st, &eb);
	buf_release(&b);
	if (rc < 0)
		return cli_fail("%s: %s", path, eb.msg);
	printf("%zu akun dimuat: %zu baru, %zu diperbarui, %zu tertaut ke registri (NIP)\n",
	       st.rows, st.created, st.updated, st.linked);
	return CLI_OK;
}

static int
print_account(void *arg, const struct store_watch_account *a)
{
	const bool *json = arg;

	if (*json) {
		json_t *o = json_pack(
			"{s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s?, s:s?, s:o, s:s}", "id",
			(json_int_t)a->id, "platform", a->platform, "handle", a->handle, "name",
			a->name, "nip", a->nip[0] ? a->nip : NULL, "agency",
			a->agency[0] ? a->agency : NULL, "position",
			a->position[0] ? a->position : NULL, "status", a->status, "region_code",
			a->region_code[0] ? a->region_code : NULL, "note",
			a->note[0] ? a->note : NULL, "person_id",
			a->person_id ? json_integer(a->person_id) : json_null(), "added_by",
			a->added_by);
		char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;

		printf("%s\n", s ? s : "{}");
		free(s);
		json_decref(o);
		return 0;
	}
	printf("%-10s %-24s %-28s %-18s %-8s %s\n", a->platform[0] ? a->platform : "*", a->handle,
	       a->name, a->nip[0] ? a->nip : "-", a->region_code[0] ? a->region_code : "-",
	       a->agency);
	return 0;
}

static int
run_accounts(struct cli *cli)
{
	const char *sub = cli->nargs ? cli->args[0] : "";
	bool json = cli_flag(cli, "json");
	struct app app;
	struct errbuf eb;
	int rc = CLI_OK;

	if (!((strcmp(sub, "import") == 0 && cli->nargs == 2) ||
	      (strcmp(sub, "list") == 0 && cli->nargs == 1) ||
	      (strcmp(sub, "remove") == 0 && cli->nargs == 3)))
		return cli_usage_error(cli, "expected: import FILE, list, or remove PLATFORM AKUN");
	/* the region table checks imported codes */
	if (app_open(&app, &cli->cfg,
		     strcmp(sub, "import") == 0 ? APP_STORE | APP_KNOWLEDGE : APP_STORE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (strcmp(sub, "import") == 0) {
		rc = do_import(cli, &app, cli->args[1]);
	} else if (strcmp(sub, "list") == 0) {
		struct store_conn *c = store_reader(app.store);

		if (!json)
			printf("%-10s %-24s %-28s %-18s %-8s %s\n", "PLATFORM", "AKUN", "NAMA",
			       "NIP", "WILAYAH", "INSTANSI");
		if (store_watch_account_list(c, print_account, &json, &eb) < 0)
			rc = cli_fail("%s", eb.msg);
		store_reader_done(app.store, c);
	} else {
		const char *platform = strcmp(cli->args[1], "*") == 0 ? "" : cli->args[1];

		if (screening_accounts_remove(app.store, platform, cli->args[2], "sistem", 0, &eb) <
		    0)
			rc = cli_fail("%s", eb.msg);
		else
			printf("akun %s dihapus dari daftar pantauan\n", cli->args[2]);
	}
	app_close(&app);
	return rc;
}

const struct cli_cmd cmd_accounts = {
	.name = "accounts",
	.usage = "import FILE [--format csv|jsonl] | list [--json] | remove PLATFORM AKUN",
	.summary = "The watched-account list: feed authors linked to known persons (ASN).",
	.description =
		"  import FILE  CSV with a header row (platform, akun, nama, nip, instansi,\n"
		"               jabatan, status, kode_wilayah, catatan; akun and nama required;\n"
		"               ',' or ';' between fields) or JSON lines with the same keys.\n"
		"               The whole list is checked first and stored in one transaction;\n"
		"               an account (platform, akun) already listed is updated.  A NIP\n"
		"               links the account to that person of the registry (created when\n"
		"               absent).  An empty platform matches every source.\n"
		"  list         the list, by platform and account.\n"
		"  remove P A   remove account A of platform P (\"*\" for the empty platform).\n"
		"  An item whose (source, author) is on the list is screened as by a known\n"
		"  ASN account and always enters the queue (`netra monitor`).",
	.opts = accounts_opts,
	.run = run_accounts,
};
