/*
 * cmd_user.c - `netra user add|passwd|list|disable|enable`: accounts of
 * office staff.  The public needs no account.  Passwords come from
 * standard input (--password-stdin) or are generated and printed once;
 * they never appear on the command line, where `ps` would show them.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "auth/admin.h"
#include "cli/auth_cli.h"
#include "store/store.h"
#include "store/store_users.h"

#define GENERATED_CHARS 20 /* 100 bits */

static const struct cli_opt user_opts[] = {
	{"role", "ROLE", "admin, pengawas, analis, ppk, custodian or auditor"},
	{"office", "CODE", "the user's office (netra office list)"},
	{"name", "TEXT", "full name"},
	{"password-stdin", NULL, "read the password from standard input (else generate one)"},
	{"json", NULL, "list as JSON"},
	{NULL, NULL, NULL},
};

/* The password: from stdin, or generated (then *generated is set). */
static int
get_password(struct cli *cli, char *pw, size_t pwsz, bool *generated)
{
	*generated = false;
	if (cli_flag(cli, "password-stdin"))
		return auth_cli_read_secret("password", pw, pwsz);
	auth_secret_generate(pw, pwsz, GENERATED_CHARS);
	*generated = true;
	return CLI_OK;
}

static int
user_add(struct cli *cli)
{
	struct auth_user_new u;
	struct store_user out;
	struct store *st = NULL;
	struct errbuf eb;
	char pw[AUTH_PASSWORD_MAX + 2];
	const char *role = cli_opt(cli, "role");
	bool generated;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "user add needs exactly one USERNAME");
	if (role == NULL || cli_opt(cli, "office") == NULL)
		return cli_usage_error(cli, "--role and --office are required");
	memset(&u, 0, sizeof(u));
	if (role_parse(role, &u.role) < 0)
		return cli_usage_error(cli, "unknown role '%s'", role);
	u.username = cli->args[1];
	u.full_name = cli_opt(cli, "name");
	u.office_code = cli_opt(cli, "office");
	rc = get_password(cli, pw, sizeof(pw), &generated);
	if (rc)
		goto out;
	u.password = pw;
	rc = auth_cli_open(cli, &st);
	if (rc)
		goto out;
	if (auth_user_add(st, &u, &out, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	printf("user %s added (%s, office %s)\n", out.username, out.role, u.office_code);
	if (generated)
		printf("password (shown once, give it to the user): %s\n", pw);
	rc = CLI_OK;
out:
	auth_cli_wipe(pw, sizeof(pw));
	store_close(st);
	return rc;
}

static int
user_passwd(struct cli *cli)
{
	struct store *st = NULL;
	struct errbuf eb;
	char pw[AUTH_PASSWORD_MAX + 2];
	bool generated;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "user passwd needs exactly one USERNAME");
	rc = get_password(cli, pw, sizeof(pw), &generated);
	if (rc)
		goto out;
	rc = auth_cli_open(cli, &st);
	if (rc)
		goto out;
	if (auth_user_passwd(st, cli->args[1], pw, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	printf("password of %s changed; its sessions have ended\n", cli->args[1]);
	if (generated)
		printf("password (shown once, give it to the user): %s\n", pw);
	rc = CLI_OK;
out:
	auth_cli_wipe(pw, sizeof(pw));
	store_close(st);
	return rc;
}

static int
user_active(struct cli *cli, bool active)
{
	struct store *st;
	struct errbuf eb;
	int rc;

	if (cli->nargs != 2)
		return cli_usage_error(cli, "user %s needs exactly one USERNAME", cli->args[0]);
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	rc = auth_user_set_active(st, cli->args[1], active, &eb);
	store_close(st);
	if (rc < 0)
		return cli_fail("%s", eb.msg);
	printf("user %s %s\n", cli->args[1],
	       active ? "enabled" : "disabled; its sessions and API tokens no longer work");
	return CLI_OK;
}

struct list_ctx {
	struct store_conn *c;
	json_t *arr;
};

static int
user_row(void *arg, const struct store_user *u)
{
	struct list_ctx *x = arg;
	struct store_office o;

	if (store_office_get(x->c, u->office_id, &o, NULL) < 0)
		cstr_copy(o.code, sizeof(o.code), "?");
	if (x->arr) {
		json_array_append_new(
			x->arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:I, s:I}", "id",
					  (json_int_t)u->id, "username", u->username, "full_name",
					  u->full_name, "role", u->role, "office", o.code, "active",
					  u->active, "created_at", (json_int_t)u->created_at,
					  "password_at", (json_int_t)u->password_at));
		return 0;
	}
	printf("%-24s %-10s %-24s %-8s %s\n", u->username, u->role, o.code,
	       u->active ? "active" : "disabled", u->full_name);
	return 0;
}

static int
user_list(struct cli *cli)
{
	struct list_ctx x = {NULL, NULL};
	const char *office = cli_opt(cli, "office");
	struct store_office o;
	struct store *st;
	struct errbuf eb;
	int rc;

	if (cli->nargs != 1)
		return cli_usage_error(cli, "user list takes no arguments");
	rc = auth_cli_open(cli, &st);
	if (rc)
		return rc;
	x.c = store_reader(st);
	o.id = 0;
	if (office && store_office_get_by_code(x.c, office, &o, &eb) < 0) {
		store_reader_done(st, x.c);
		store_close(st);
		return cli_fail("%s", eb.msg);
	}
	if (cli_flag(cli, "json"))
		x.arr = json_array();
	else
		printf("%-24s %-10s %-24s %-8s %s\n", "USERNAME", "ROLE", "OFFICE", "STATUS",
		       "NAME");
	rc = store_user_list(x.c, o.id, user_row, &x, &eb);
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
run_user(struct cli *cli)
{
	if (cli->nargs < 1)
		return cli_usage_error(cli, "expected a subcommand: add, passwd, list, disable "
					    "or enable");
	if (strcmp(cli->args[0], "add") == 0)
		return user_add(cli);
	if (strcmp(cli->args[0], "passwd") == 0)
		return user_passwd(cli);
	if (strcmp(cli->args[0], "list") == 0)
		return user_list(cli);
	if (strcmp(cli->args[0], "disable") == 0)
		return user_active(cli, false);
	if (strcmp(cli->args[0], "enable") == 0)
		return user_active(cli, true);
	return cli_usage_error(cli, "unknown subcommand '%s'", cli->args[0]);
}

const struct cli_cmd cmd_user = {
	.name = "user",
	.usage = "add USERNAME --role ROLE --office CODE [--name TEXT] [--password-stdin] | "
		 "passwd USERNAME [--password-stdin] | list [--office CODE] [--json] | "
		 "disable USERNAME | enable USERNAME",
	.summary = "Manage staff accounts: roles, offices, passwords.",
	.description =
		"  add      create an account; without --password-stdin a strong password\n"
		"           is generated and printed once\n"
		"  passwd   set a new password (same rule); ends the user's sessions\n"
		"  list     accounts, optionally of one office\n"
		"  disable  lock an account: sessions end, API tokens stop working\n"
		"  enable   unlock it again\n"
		"Passwords: at least 10 characters, not the username; stored as argon2id.\n"
		"Roles: pengawas and custodian belong to a bawaslu office, analis to bkn or\n"
		"kasn, ppk to a ppk office; admin and auditor to any office.",
	.opts = user_opts,
	.run = run_user,
};
