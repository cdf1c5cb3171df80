/*
 * store_fixture.h - where a store unit test keeps its database: SQLite in
 * the test's directory, or, when the test runs in the PostgreSQL pass of
 * tests/run.sh (NETRA_TEST_PG=1), a fresh database copied from the migrated
 * template by tests/pg/newdb.sh and reached as the application role.
 */
#ifndef NETRA_TESTS_STORE_FIXTURE_H
#define NETRA_TESTS_STORE_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline bool
fixture_pg(void)
{
	const char *v = getenv("NETRA_TEST_PG");

	return v && strcmp(v, "1") == 0;
}

/* A new database named after the test and a counter; its URL in url
 * (unchanged, "" , on SQLite).  Aborts the test program on failure. */
static inline void
fixture_db_url(const char *test, char *url, size_t urlsz)
{
	static int seq;
	char cmd[512];
	FILE *p;

	url[0] = '\0';
	if (!fixture_pg())
		return;
	snprintf(cmd, sizeof(cmd), "sh tests/pg/newdb.sh %s_%ld_%d", test, (long)getpid(), ++seq);
	p = popen(cmd, "r");
	if (p == NULL || fgets(url, (int)urlsz, p) == NULL) {
		fprintf(stderr, "store_fixture: %s failed\n", cmd);
		exit(2);
	}
	pclose(p);
	url[strcspn(url, "\n")] = '\0';
}

#endif
