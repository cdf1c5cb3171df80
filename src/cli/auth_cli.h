/*
 * auth_cli.h - helpers shared by the access-control commands (office,
 * user, key, token): opening the store with migrations applied, reading a
 * secret from standard input, printing a generated secret once.
 */
#ifndef NETRA_CLI_AUTH_CLI_H
#define NETRA_CLI_AUTH_CLI_H

#include <stddef.h>

#include "cli/cli.h"

struct store;

/* Open the store of cli->cfg and apply pending migrations; CLI_OK or
 * CLI_FAIL (message printed). */
int auth_cli_open(struct cli *cli, struct store **st);
/*
 * Read one line from stdin into out (newline removed).  Refuses an empty
 * line and a line that does not fit; CLI_OK or CLI_FAIL.  what names the
 * secret in messages ("password").
 */
int auth_cli_read_secret(const char *what, char *out, size_t outsz);
/* Wipe a secret buffer (sodium_memzero). */
void auth_cli_wipe(void *p, size_t n);

#endif
