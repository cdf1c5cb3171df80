/*
 * main.c - the netra binary: hand argv to the command table.
 */
#include "cli/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
