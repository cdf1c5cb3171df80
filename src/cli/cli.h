/*
 * cli.h - the command table of the `netra` binary.
 *
 * One file per command (cmd_<name>.c) exports one struct cli_cmd; cli.c
 * lists them.  Commands parse no flags themselves: they declare their
 * options and read the parsed values.  The common options (--data,
 * --config, --listen, --port-file, --now, ...) are shared by every command
 * and land in cli->cfg after the config file and NETRA_* variables.
 * Exit codes: 0 success, 1 failure, 2 usage.
 */
#ifndef NETRA_CLI_CLI_H
#define NETRA_CLI_CLI_H

#include <stdbool.h>

#include "core/compat.h"
#include "core/config.h"

#define CLI_OK    0
#define CLI_FAIL  1
#define CLI_USAGE 2

#define CLI_MAX_OPTS 24

struct cli_opt {
	const char *name; /* long name, without "--" */
	const char *arg;  /* metavariable ("FILE") or NULL for a flag */
	const char *help;
};

struct cli;

struct cli_cmd {
	const char *name;
	const char *usage; /* after "netra NAME ": "[--json] FILE ..." */
	const char *summary;
	const char *description;    /* paragraphs for --help; may be NULL */
	const struct cli_opt *opts; /* terminated by {NULL} ; may be NULL */
	int (*run)(struct cli *cli);
};

struct cli {
	struct config cfg;
	const struct cli_cmd *cmd;
	const char *values[CLI_MAX_OPTS]; /* parallel to cmd->opts */
	int nargs;
	char **args; /* positional arguments */
};

int cli_main(int argc, char **argv);
/* Value of a command option: its argument, "" for a given flag, else NULL. */
const char *cli_opt(const struct cli *cli, const char *name);
bool cli_flag(const struct cli *cli, const char *name);
/* Print "netra NAME: msg" and the usage line; returns CLI_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...) ATTR_PRINTF(2, 3);
/* Print "netra: msg" to stderr; returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) ATTR_PRINTF(1, 2);
void cli_print_help(const struct cli_cmd *cmd);

/* the table (cli.c) */
extern const struct cli_cmd *const cli_commands[];

#endif
