/*
 * cmd_calendar_admin.h - the admin subcommands of `netra calendar`
 * (holiday add|import|list|remove, election add); cmd_calendar.c hands
 * them over when the first argument is "holiday" or "election".
 */
#ifndef NETRA_CLI_CMD_CALENDAR_ADMIN_H
#define NETRA_CLI_CMD_CALENDAR_ADMIN_H

#include "cli/cli.h"

int cmd_calendar_admin(struct cli *cli);

#endif
