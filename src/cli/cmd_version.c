/*
 * cmd_version.c - `netra version`: release and schema numbers.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "core/version.h"
#include "store/store.h"

static int
run_version(struct cli *cli)
{
	if (cli->nargs)
		return cli_usage_error(cli, "no arguments expected");
	printf("netra %s (schema %d)\n", NETRA_VERSION, store_schema_latest());
	return CLI_OK;
}

const struct cli_cmd cmd_version = {
	.name = "version",
	.usage = "",
	.summary = "Print the netra release and the database schema it expects.",
	.run = run_version,
};
