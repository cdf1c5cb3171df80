/*
 * cmd_key.c - `netra key init`: give an office its sealing key pair, the
 * key reporter identities are sealed to.  The secret half is stored only
 * wrapped under the custodian passphrase; the passphrase is read from
 * standard input or generated and printed once, and is never stored.
 */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "auth/seal.h"
#include "cli/auth_cli.h"
#include "store/store.h"
#include "store/store_users.h"

#define GENERATED_CHARS 24 /* 120 bits */

static const struct cli_opt key_opts[] = {
	{"office", "CODE", "the office that receives reports"},
	{"passphrase-stdin", NULL, "read the custodian passphrase from standard input"},
	{"replace", NULL, "replace an existing key: identities sealed to it become unreadable"},
	{NULL, NULL, NULL},
};

static int
key_init(struct cli *cli)
{
	const char *code = cli_opt(cli, "office");
	struct seal_opts so = {0};
	struct store_office o;
	struct store_conn *c;
	struct store *st = NULL;
	struct errbuf eb;
	char pass[SEAL_PASSPHRASE_MAX + 2];
	bool generated = false;
	int rc;

	if (cli->nargs != 1)
		return cli_usage_error(cli, "key init takes no arguments");
	if (code == NULL)
		return cli_usage_error(cli, "--office is required");
	if (cli_flag(cli, "passphrase-stdin")) {
		rc = auth_cli_read_secret("passphrase", pass, sizeof(pass));
		if (rc)
			goto out;
	} else {
		auth_secret_generate(pass, sizeof(pass), GENERATED_CHARS);
		generated = true;
	}
	if (seal_passphrase_check(pass, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	rc = auth_cli_open(cli, &st);
	if (rc)
		goto out;
	c = store_reader(st);
	rc = store_office_get_by_code(c, code, &o, &eb);
	store_reader_done(st, c);
	if (rc < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	so.replace = cli_flag(cli, "replace");
	if (seal_key_init(st, o.id, pass, &so, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	printf("sealing key %s for office %s\n", so.replace ? "replaced" : "created", o.code);
	if (generated)
		printf("custodian passphrase (shown once; keep it offline, it cannot be "
		       "recovered):\n%s\n",
		       pass);
	rc = CLI_OK;
out:
	auth_cli_wipe(pass, sizeof(pass));
	store_close(st);
	return rc;
}

static int
run_key(struct cli *cli)
{
	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: init");
	if (strcmp(cli->args[0], "init") == 0)
		return key_init(cli);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_key = {
	.name = "key",
	.usage = "init --office CODE [--passphrase-stdin] [--replace]",
	.summary = "Create an office's key for sealing reporter identities.",
	.description =
		"  init  create the office's key pair; the secret key is stored only wrapped\n"
		"        under the custodian passphrase (argon2id, at least 12 characters).\n"
		"        Without --passphrase-stdin a passphrase is generated and printed once.\n"
		"Offices without a key seal to the nearest parent office that has one.\n"
		"A lost passphrase cannot be recovered: identities sealed to that key stay\n"
		"sealed forever.  Keep it offline.  --replace makes a new key; identities\n"
		"sealed to the old key can then no longer be opened.",
	.opts = key_opts,
	.run = run_key,
};
