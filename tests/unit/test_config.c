/*
 * test_config.c - option table, INI parsing, environment precedence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"

static void
test_defaults(void **state)
{
	struct config c;

	(void)state;
	config_init(&c);
	assert_string_equal(c.listen, "127.0.0.1:8080");
	assert_int_equal(c.max_body, 10 * 1024 * 1024);
	assert_true(c.access_log);
	assert_false(c.log_client_ip);
	assert_string_equal(c.pemilu_laporan_unit, "hari_kerja");
}

static void
test_ini(void **state)
{
	struct config c;
	struct errbuf eb;
	const char *ini = "; comment\n[server]\nlisten = 127.0.0.1:0\nmax_body = 512K\n"
			  "access_log = off\n[rules]\nd8_level = sedang\n";

	(void)state;
	config_init(&c);
	assert_int_equal(config_parse_string(&c, ini, "t.conf", &eb), 0);
	assert_string_equal(c.listen, "127.0.0.1:0");
	assert_int_equal(c.max_body, 512 * 1024);
	assert_false(c.access_log);
	assert_string_equal(c.d8_level, "sedang");
}

static void
test_ini_errors(void **state)
{
	struct config c;
	struct errbuf eb;

	(void)state;
	config_init(&c);
	assert_int_equal(
		config_parse_string(&c, "[server]\nlisten = x\nbogus = 1\n", "a.conf", &eb), -1);
	assert_non_null(strstr(eb.msg, "a.conf:3"));
	assert_non_null(strstr(eb.msg, "bogus"));
	assert_int_equal(config_parse_string(&c, "[server]\nthreads = banyak\n", "b.conf", &eb),
			 -1);
	assert_non_null(strstr(eb.msg, "b.conf:2"));
	assert_int_equal(config_parse_string(&c, "[server]\nmax_body = 10Q\n", "c.conf", &eb), -1);
	assert_int_equal(config_parse_string(&c, "[rules]\nlisten = 1\n", "d.conf", &eb), -1);
	assert_int_equal(config_parse_string(&c, "garbage line\n", "e.conf", &eb), -1);
	assert_non_null(strstr(eb.msg, "e.conf:1"));
}

static void
test_env_overrides_file(void **state)
{
	struct config c;
	struct errbuf eb;

	(void)state;
	config_init(&c);
	assert_int_equal(config_parse_string(&c, "[server]\nthreads = 2\n", "f", &eb), 0);
	setenv("NETRA_THREADS", "7", 1);
	assert_int_equal(config_load_env(&c, &eb), 0);
	assert_int_equal(c.threads, 7);
	setenv("NETRA_THREADS", "x", 1);
	assert_int_equal(config_load_env(&c, &eb), -1);
	unsetenv("NETRA_THREADS");
	/* flags come last */
	assert_int_equal(config_set(&c, NULL, "threads", "3", &eb), 0);
	assert_int_equal(c.threads, 3);
	assert_int_equal(config_set(&c, NULL, "nope", "3", &eb), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_ini),
		cmocka_unit_test(test_ini_errors),
		cmocka_unit_test(test_env_overrides_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
