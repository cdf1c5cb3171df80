/*
 * auth_cli.c - helpers for the access-control commands (see auth_cli.h).
 * Secrets read here live on the caller's stack and are wiped by it.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/auth_cli.h"
#include "store/store.h"

int
auth_cli_open(struct cli *cli, struct store **st)
{
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 1, (int)cli->cfg.store_batch,
				true};
	struct errbuf eb;
	int applied;

	if (store_open(st, &so, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if (store_migrate(*st, &applied, &eb) < 0) {
		store_close(*st);
		*st = NULL;
		return cli_fail("migrate: %s", eb.msg);
	}
	return CLI_OK;
}

int
auth_cli_read_secret(const char *what, char *out, size_t outsz)
{
	size_t n;

	if (fgets(out, (int)outsz, stdin) == NULL)
		return cli_fail("no %s on standard input", what);
	n = strlen(out);
	if (n == outsz - 1 && out[n - 1] != '\n' && !feof(stdin)) {
		auth_cli_wipe(out, outsz);
		return cli_fail("%s on standard input is too long", what);
	}
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	if (n == 0)
		return cli_fail("empty %s on standard input", what);
	return CLI_OK;
}

void
auth_cli_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
