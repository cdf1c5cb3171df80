/*
 * cmd_help.c - `netra help [COMMAND]`: the command list, or one command.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int
run_help(struct cli *cli)
{
	size_t i;

	if (cli->nargs == 1) {
		for (i = 0; cli_commands[i]; i++)
			if (strcmp(cli_commands[i]->name, cli->args[0]) == 0) {
				cli_print_help(cli_commands[i]);
				return CLI_OK;
			}
		fprintf(stderr, "netra help: unknown command '%s'\n", cli->args[0]);
		return CLI_USAGE;
	}
	if (cli->nargs > 1) {
		fprintf(stderr, "usage: netra help [COMMAND]\n");
		return CLI_USAGE;
	}
	printf("netra - supervision of civil-servant political neutrality (netralitas ASN)\n\n"
	       "usage: netra COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
	for (i = 0; cli_commands[i]; i++)
		printf("  %-12s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	printf("\n`netra COMMAND --help` describes a command and its options.\n");
	return CLI_OK;
}

const struct cli_cmd cmd_help = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = "List the commands, or describe one.",
	.run = run_help,
};
