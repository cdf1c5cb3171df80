/*
 * cmd_token.c - `netra token create|revoke|list`: API bearer tokens for
 * scripts and integrations.  A token acts as its user (same role, office
 * and region); it is printed once and stored only as a BLAKE2b hash.
 */
#include <stdio.h>
#include <string.h>

#include "auth/admin.h"
#include "cli/auth_cli.h"
#include "core/datetime.h"
#include "store/store.h"
#include "store/store_users.h"

static const struct cli_opt token_opts[] = {
	{"name", "NAME", "what the token is for (shown in lists; revoke by name)"},
	{"days", "N", "expire after N days (default: never)"},
	{NULL, NULL, NULL},
};

static int
find_user(struct store *st, const char *username, struct store_user *u)
{
	struct store_conn *c = store_reader(st);
	struct errbuf eb;
	int rc = store_user_get_by_username(c, username, u, &eb);

	store_reader_done(st, c);
	auth_cli_wipe(u->password_hash, sizeof(u->password_hash));
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	return CLI_OK;
}

static int
token_create(struct cli *cli)
{
	const char *name = cli_opt(cli, "name"), *days = cli_opt(cli, "days");
	char token[AUTH_TOKEN_LEN];
	struct store_user u;
	struct store *st;
	struct errbuf eb;
	int64_t n = 0, until = 0;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "token create needs exactly one USERNAME");
	if (name == NULL)
		return cli_usage_error(cli, "--name is required");
	if (days && (str_to_i64(str_from(days), &n) < 0 || n < 1 || n > 3650))
		return cli_usage_error(cli, "--days must be a whole number from 1 to 3650");
	if (n)
		until = clock_now() + n * 86400;
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	rc = find_user(st, cli->args[1], &u);
	if (rc == CLI_OK && auth_token_create_until(st, u.id, name, until, token, &eb) < 0)
		rc = cli_fail("%s", eb.msg);
	store_close(st);
	if (rc)
		return rc;
	printf("token '%s' for %s (%s)%s\n", name, u.username, u.role, n ? "" : ", no expiry");
	printf("token (shown once; send it as \"Authorization: Bearer TOKEN\"):\n%s\n", token);
	auth_cli_wipe(token, sizeof(token));
	return CLI_OK;
}

static int
token_revoke(struct cli *cli)
{
	const char *name = cli_opt(cli, "name");
	struct store *st;
	struct errbuf eb;
	int64_t count = 0;
	int rc;

	if (cli->nargs != 2 || name == NULL)
		return cli_usage_error(cli, "token revoke needs USERNAME and --name NAME");
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	rc = auth_token_revoke_named(st, cli->args[1], name, &count, &eb);
	store_close(st);
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	if (count == 0)
		return cli_fail("no live token '%s' of %s", name, cli->args[1]);
	printf("%lld token(s) '%s' of %s revoked\n", (long long)count, name, cli->args[1]);
	return CLI_OK;
}

static int
token_row(void *arg, const struct store_api_token *t)
{
	char created[TIME_STRLEN], expires[TIME_STRLEN];

	(void)arg;
	time_format_iso(t->created_at, 0, created);
	if (t->expires_at)
		time_format_iso(t->expires_at, 0, expires);
	printf("%-24s %-22s %-22s %s\n", t->name, created, t->expires_at ? expires : "never",
	       t->revoked ? "revoked" : "live");
	return 0;
}

static int
token_list(struct cli *cli)
{
	struct store_user u;
	struct store_conn *c;
	struct store *st;
	struct errbuf eb;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "token list needs exactly one USERNAME");
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	rc = find_user(st, cli->args[1], &u);
	if (rc == CLI_OK) {
		printf("%-24s %-22s %-22s %s\n", "NAME", "CREATED", "EXPIRES", "STATUS");
		c = store_reader(st);
		if (store_api_token_list(c, u.id, token_row, NULL, &eb) < 0)
			rc = cli_fail("%s", eb.msg);
		store_reader_done(st, c);
	}
	store_close(st);
	return rc;
}

static int
run_token(struct cli *cli)
{
	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: create, revoke or list");
	if (strcmp(cli->args[0], "create") == 0)
		return token_create(cli);
	if (strcmp(cli->args[0], "revoke") == 0)
		return token_revoke(cli);
	if (strcmp(cli->args[0], "list") == 0)
		return token_list(cli);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_token = {
	.name = "token",
	.usage = "create USERNAME --name NAME [--days N] | revoke USERNAME --name NAME | "
		 "list USERNAME",
	.summary = "Create, revoke and list API bearer tokens.",
	.description = "  create  a token acting as USERNAME, printed once (stored only hashed)\n"
		       "  revoke  revoke USERNAME's live tokens called NAME\n"
		       "  list    USERNAME's tokens (names and dates, never the tokens)\n"
		       "Bearer requests need no CSRF token; disabling the user stops its tokens.",
	.opts = token_opts,
	.run = run_token,
};
