/*
 * cmd_calendar_admin.h - the admin subcommands of `netra calendar`
 * (holiday add|import|list|remove, election add); cmd_calendar.c hands
 * them over when the first argument is "holiday" or "election".
 */
#ifndef NETRA_CLI_CMD_CALENDAR_ADMIN_H
#define NETRA_CLI_CMD_CALENDAR_ADMIN_H

#include "cli/cli.h"

int cmd_calendar_admin(struct cli *cli);

/* The calendar a read-only command should use: the data files plus the
 * admin additions when --data (or --db) holds a database, else the data
 * files alone (a read never creates a database). */
struct calendar;
int cli_calendar_load(struct cli *cli, struct calendar **out, struct errbuf *eb);

#endif
