/*
 * cli.c - command table, option parsing and configuration assembly.
 *
 * Order of sources for the configuration: defaults, --config FILE (or
 * NETRA_CONFIG), NETRA_* variables, then the common flags.  --now and
 * --log-level take effect here, before the command runs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/datetime.h"
#include "core/log.h"

extern const struct cli_cmd cmd_serve, cmd_db, cmd_version, cmd_help;
extern const struct cli_cmd cmd_deadline, cmd_calendar, cmd_check, cmd_rules, cmd_scan;
extern const struct cli_cmd cmd_office, cmd_user, cmd_key, cmd_token;
extern const struct cli_cmd cmd_report, cmd_audit, cmd_demo, cmd_ident, cmd_region, cmd_render;
extern const struct cli_cmd cmd_registry, cmd_monitor, cmd_accounts;

const struct cli_cmd *const cli_commands[] = {
	&cmd_serve,    &cmd_report,   &cmd_check,   &cmd_scan,  &cmd_monitor, &cmd_accounts,
	&cmd_deadline, &cmd_calendar, &cmd_rules,   &cmd_ident, &cmd_region,  &cmd_registry,
	&cmd_audit,    &cmd_office,   &cmd_user,    &cmd_key,   &cmd_token,   &cmd_db,
	&cmd_demo,     &cmd_render,   &cmd_version, &cmd_help,  NULL,
};

/* Common options: name, metavariable, config key ("section.name"), help. */
static const struct {
	const char *name;
	const char *arg;
	const char *key;
	const char *help;
} common_opts[] = {
	{"config", "FILE", NULL, "read settings from this INI file"},
	{"data", "DIR", "data", "data directory (default ./var)"},
	{"db", "URL", "db", "database URL (default: SQLite in the data directory)"},
	{"listen", "ADDR:PORT", "listen", "listen address; port 0 picks a free port"},
	{"port-file", "FILE", "port_file", "write the bound port to FILE"},
	{"assets-dir", "DIR", "assets_dir", "read templates and static files from DIR"},
	{"knowledge-dir", "DIR", "knowledge_dir", "read rules, calendars, regions from DIR"},
	{"now", "ISO8601", "now", "behave as if the clock read this moment"},
	{"log-level", "LEVEL", "log_level", "debug, info, warn, error or quiet"},
};

const char *
cli_opt(const struct cli *cli, const char *name)
{
	size_t i;

	for (i = 0; cli->cmd->opts && cli->cmd->opts[i].name && i < CLI_MAX_OPTS; i++)
		if (strcmp(cli->cmd->opts[i].name, name) == 0)
			return cli->values[i];
	return NULL;
}

bool
cli_flag(const struct cli *cli, const char *name)
{
	return cli_opt(cli, name) != NULL;
}

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("netra: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int
cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "netra %s: ", cli->cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: netra %s %s\n(netra %s --help for more)\n", cli->cmd->name,
		cli->cmd->usage, cli->cmd->name);
	return CLI_USAGE;
}

void
cli_print_help(const struct cli_cmd *cmd)
{
	size_t i;

	printf("usage: netra %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
	if (cmd->description)
		printf("\n%s\n", cmd->description);
	if (cmd->opts && cmd->opts[0].name) {
		printf("\noptions:\n");
		for (i = 0; cmd->opts[i].name; i++) {
			char left[64];

			snprintf(left, sizeof(left), "--%s%s%s", cmd->opts[i].name,
				 cmd->opts[i].arg ? " " : "",
				 cmd->opts[i].arg ? cmd->opts[i].arg : "");
			printf("  %-26s %s\n", left, cmd->opts[i].help);
		}
	}
	printf("\ncommon options:\n");
	for (i = 0; i < sizeof(common_opts) / sizeof(common_opts[0]); i++) {
		char left[64];

		snprintf(left, sizeof(left), "--%s %s", common_opts[i].name, common_opts[i].arg);
		printf("  %-26s %s\n", left, common_opts[i].help);
	}
	printf("  %-26s %s\n", "-h, --help", "show this help");
	printf("\nEnvironment variables NETRA_* override the config file; flags override both.\n"
	       "Exit status: 0 success, 1 failure, 2 usage error.\n");
}

static const struct cli_cmd *
find_command(const char *name)
{
	size_t i;

	for (i = 0; cli_commands[i]; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

/* Split "--name=value" or take the next argv element as the value. */
static int
take_value(int argc, char **argv, int *i, const char *eq, const char **out)
{
	if (eq) {
		*out = eq + 1;
		return 0;
	}
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 0;
}

int
cli_main(int argc, char **argv)
{
	struct cli cli;
	const char *common_vals[sizeof(common_opts) / sizeof(common_opts[0])] = {0};
	const char *config_file;
	struct errbuf eb;
	int i, nargs = 0;
	bool help = false;
	char **args;

	memset(&cli, 0, sizeof(cli));
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli.cmd = &cmd_help;
		return cmd_help.run(&cli);
	}
	cli.cmd = find_command(strcmp(argv[1], "--version") == 0 ? "version" : argv[1]);
	if (cli.cmd == NULL) {
		fprintf(stderr, "netra: unknown command '%s' (netra help lists the commands)\n",
			argv[1]);
		return CLI_USAGE;
	}
	args = calloc((size_t)argc, sizeof(*args));
	if (args == NULL)
		return cli_fail("out of memory");
	for (i = 2; i < argc; i++) {
		const char *a = argv[i], *eq, *val = NULL;
		size_t namelen, k;
		bool matched = false;

		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				args[nargs++] = argv[i];
			break;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			help = true;
			continue;
		}
		if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
			args[nargs++] = argv[i];
			continue;
		}
		eq = strchr(a, '=');
		namelen = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
		for (k = 0; k < sizeof(common_opts) / sizeof(common_opts[0]); k++) {
			if (strlen(common_opts[k].name) != namelen ||
			    strncmp(common_opts[k].name, a + 2, namelen) != 0)
				continue;
			if (take_value(argc, argv, &i, eq, &val) < 0) {
				free(args);
				return cli_usage_error(&cli, "--%s needs a value",
						       common_opts[k].name);
			}
			common_vals[k] = val;
			matched = true;
		}
		for (k = 0; !matched && cli.cmd->opts && cli.cmd->opts[k].name && k < CLI_MAX_OPTS;
		     k++) {
			const struct cli_opt *o = &cli.cmd->opts[k];

			if (strlen(o->name) != namelen || strncmp(o->name, a + 2, namelen) != 0)
				continue;
			if (o->arg == NULL) {
				if (eq) {
					free(args);
					return cli_usage_error(&cli, "--%s takes no value",
							       o->name);
				}
				cli.values[k] = "";
			} else if (take_value(argc, argv, &i, eq, &cli.values[k]) < 0) {
				free(args);
				return cli_usage_error(&cli, "--%s needs a value (%s)", o->name,
						       o->arg);
			}
			matched = true;
		}
		if (!matched) {
			int rc = cli_usage_error(&cli, "unknown option %s", a);

			free(args);
			return rc;
		}
	}
	if (help) {
		free(args);
		cli_print_help(cli.cmd);
		return CLI_OK;
	}
	cli.args = args;
	cli.nargs = nargs;

	/* configuration: defaults, file, environment, flags */
	config_init(&cli.cfg);
	config_file = common_vals[0] ? common_vals[0] : getenv("NETRA_CONFIG");
	if (config_file && config_load_file(&cli.cfg, config_file, &eb) < 0) {
		free(args);
		return cli_fail("%s", eb.msg);
	}
	if (config_load_env(&cli.cfg, &eb) < 0) {
		free(args);
		return cli_fail("environment: %s", eb.msg);
	}
	for (i = 1; i < (int)(sizeof(common_opts) / sizeof(common_opts[0])); i++) {
		if (common_vals[i] == NULL)
			continue;
		if (config_set(&cli.cfg, "server", common_opts[i].key, common_vals[i], &eb) < 0) {
			int rc = cli_usage_error(&cli, "%s", eb.msg);

			free(args);
			return rc;
		}
	}
	{
		enum log_level lvl;

		if (log_level_parse(cli.cfg.log_level, &lvl) < 0) {
			free(args);
			return cli_fail("unknown log level '%s'", cli.cfg.log_level);
		}
		log_set_level(lvl);
	}
	if (cli.cfg.now[0] && clock_set_override(cli.cfg.now, &eb) < 0) {
		free(args);
		return cli_fail("%s", eb.msg);
	}
	i = cli.cmd->run(&cli);
	free(args);
	return i;
}
