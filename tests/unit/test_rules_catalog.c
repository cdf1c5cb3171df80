/*
 * test_rules_catalog.c - loading the rule catalog: the built-in data, a
 * minimal catalog from memory, errors with file:line, lint, lookups,
 * sanction forms by date and the readings chosen by options.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"
#include "rules/rules.h"

/* One line per element, so a test knows the line of every member. */
static const char *const mini[] =
	{
		"{",                                                                        /* 1 */
		"  \"meta\": {\"title\": \"T\", \"version\": \"1\",",                       /* 2 */
		"    \"coverage_from\": \"2020-01-01\", \"coverage_to\": \"2029-12-31\"},", /* 3 */
		"  \"levels\": {\"moral\": \"m\", \"ringan\": \"r\", \"sedang\": \"s\",",   /* 4 */
		"    \"berat\": \"b\", \"ptdh\": \"p\"},",                                  /* 5 */
		"  \"form_flags\": {\"requires_jabatan\": \"perlu jabatan\"},",             /* 6 */
		"  \"form_sets\": [",                                                       /* 7 */
		"    {\"level\": \"berat\", \"regime\": \"A\", \"legal_basis\": {\"regulation\": "
		"\"A\"},", /* 8 */
		"     \"effective_to\": \"2021-08-30\", \"forms\": [{\"code\": \"a\", \"text\": "
		"\"a1\"}]},", /* 9 */
		"    {\"level\": \"berat\", \"regime\": \"B\", \"legal_basis\": {\"regulation\": "
		"\"B\"},",                                  /* 10 */
		"     \"effective_from\": \"2021-08-31\",", /* 11 */
		"     \"forms\": [{\"code\": \"a\", \"text\": \"b1\", \"flags\": "
		"[\"requires_jabatan\"]}]}",                                         /* 12 */
		"  ],",                                                              /* 13 */
		"  \"statuses\": [",                                                 /* 14 */
		"    {\"id\": \"PNS\", \"name\": \"P\", \"kind\": \"asn\"},",        /* 15 */
		"    {\"id\": \"unknown\", \"name\": \"U\", \"kind\": \"unknown\"}", /* 16 */
		"  ],",                                                              /* 17 */
		"  \"routes\": [{\"id\": \"r\", \"kind\": \"sanction\", \"statuses\": [\"PNS\", "
		"\"unknown\"],", /* 18 */
		"    \"recommending\": \"X\", \"steps\": [\"a\", \"b\"], \"text\": \"t\"}],", /* 19
											       */
		"  \"items\": [", /* 20 */
		"    {\"id\": \"D-1\", \"family\": \"D\", \"title\": \"t\", \"description\": "
		"\"d\",", /* 21 */
		"     \"anchors\": [\"spanduk\"], \"keywords\": [{\"text\": \"pasang\", "
		"\"weight\": 2}],",                                                       /* 22 */
		"     \"level\": \"berat\", \"legal_basis\": [{\"regulation\": \"R\"}]}", /* 23 */
		"  ]",                                                                    /* 24 */
		"}",                                                                      /* 25 */
		NULL,
};

/* The mini catalog with line `line` (1-based) replaced by `with`. */
static char *
mini_text(int line, const char *with)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; mini[i]; i++) {
		buf_addstr(&b, i + 1 == line ? with : mini[i]);
		buf_addch(&b, '\n');
	}
	return buf_detach(&b, NULL);
}

static int
load_mini(int line, const char *with, struct rules_catalog **cat, struct errbuf *eb)
{
	char *t = mini_text(line, with);
	struct rules_file f = {"mini.json", t, strlen(t)};
	int rc = rules_catalog_load_files(cat, &f, 1, eb);

	free(t);
	return rc;
}

static void
test_mini_loads(void **state)
{
	struct rules_catalog *cat;
	struct errbuf eb;
	const struct rules_item *it;

	(void)state;
	assert_int_equal(load_mini(0, NULL, &cat, &eb), 0);
	assert_int_equal(rules_item_count(cat), 1);
	it = rules_item_find(cat, "d-1");
	assert_non_null(it);
	assert_int_equal(it->nkw, 2);
	assert_true(it->kw[0].anchor);
	assert_false(it->kw[1].anchor);
	assert_int_equal(it->line, 21);
	assert_string_equal(it->file, "mini.json");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_BERAT, (struct date){2021, 8, 30})->regime, "A");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_BERAT, (struct date){2021, 8, 31})->regime, "B");
	assert_null(rules_form_set_at(cat, RULES_LEVEL_SEDANG, (struct date){2021, 8, 31}));
	rules_catalog_free(cat);
}

static void
expect_error(int line, const char *with, const char *prefix, const char *fragment)
{
	struct rules_catalog *cat = NULL;
	struct errbuf eb;

	assert_int_equal(load_mini(line, with, &cat, &eb), -1);
	assert_null(cat);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	if (strncmp(eb.msg, prefix, strlen(prefix)) != 0 || strstr(eb.msg, fragment) == NULL)
		fail_msg("got '%s', want '%s...%s'", eb.msg, prefix, fragment);
}

static void
test_errors_have_file_line(void **state)
{
	(void)state;
	expect_error(21,
		     "    {\"id\": \"D-1\", \"family\": \"D\", \"titel\": \"t\", \"description\": "
		     "\"d\",",
		     "mini.json:21: ", "kolom 'titel' tidak dikenal");
	expect_error(23, "     \"level\": \"pecat\", \"legal_basis\": [{\"regulation\": \"R\"}]}",
		     "mini.json:23: ", "butir D-1: 'level' harus tingkat");
	expect_error(11, "     \"effective_from\": \"2021-02-30\",",
		     "mini.json:11: ", "tanggal YYYY-MM-DD");
	expect_error(15, "    {\"id\": \"PNS\", \"name\": \"P\", \"kind\": \"asn\"}",
		     "mini.json:16: ", "JSON tidak sah");
	expect_error(11, "     \"effective_from\": \"2021-09-01\",", "mini.json:7: ",
		     "tidak ada bentuk hukuman tingkat berat untuk tanggal 2021-08-31");
	expect_error(12,
		     "     \"forms\": [{\"code\": \"a\", \"text\": \"b1\", \"flags\": [\"x\"]}]}",
		     "mini.json:12: ", "tanda 'x' tidak ada di form_flags");
	expect_error(
		18,
		"  \"routes\": [{\"id\": \"r\", \"kind\": \"sanction\", \"statuses\": [\"PNS\"],",
		"mini.json:18: ", "tidak ada rute untuk status unknown");
	expect_error(22, "     \"anchors\": [], \"keywords\": [],",
		     "mini.json:21: ", "'anchors' wajib daftar");
	expect_error(2, "  \"mata\": {\"title\": \"T\", \"version\": \"1\",",
		     "mini.json:2: ", "kolom 'mata' tidak dikenal");
}

struct reports {
	int errors, warnings;
	char first[512];
};

static void
collect(void *arg, bool warning, const char *msg)
{
	struct reports *r = arg;

	if (warning) {
		r->warnings++;
		return;
	}
	if (r->errors++ == 0)
		snprintf(r->first, sizeof(r->first), "%s", msg);
}

static void
test_lint_reports_every_problem(void **state)
{
	struct reports r = {0, 0, ""};
	char *t = mini_text(21, "    {\"id\": \"D-1\", \"family\": \"X\", \"titel\": \"t\", "
				"\"description\": \"d\",");
	struct rules_file f = {"mini.json", t, strlen(t)};

	(void)state;
	/* titel, family, and then no item left in the catalog */
	assert_int_equal(rules_lint_files(&f, 1, collect, &r), 3);
	assert_int_equal(r.errors, 3);
	assert_non_null(strstr(r.first, "mini.json:21:"));
	free(t);
	t = mini_text(0, NULL);
	f.text = t;
	f.len = strlen(t);
	memset(&r, 0, sizeof(r));
	assert_int_equal(rules_lint_files(&f, 1, collect, &r), 0);
	assert_int_equal(r.errors, 0);
	free(t);
}

static void
test_builtin(void **state)
{
	struct rules_catalog *cat;
	struct errbuf eb;
	size_t idx, i, ke = 0, d = 0, pp = 0;

	(void)state;
	assert_int_equal(rules_catalog_load(&cat, NULL, &eb), 0);
	for (i = 0; i < rules_item_count(cat); i++) {
		enum rules_family f = rules_item_at(cat, i)->family;

		ke += f == RULES_FAMILY_KE;
		d += f == RULES_FAMILY_D;
		pp += f == RULES_FAMILY_PP94;
	}
	assert_int_equal(ke, 7);
	assert_int_equal(d, 12);
	assert_int_equal(pp, 7);
	assert_string_equal(rules_item_find(cat, "d-8")->id, "D-8");
	assert_null(rules_item_find(cat, "D-13"));
	assert_string_equal(rules_status_find(cat, "honorer")->id, "non_asn");
	assert_string_equal(rules_status_find(cat, "  pns ")->id, "PNS");
	assert_string_equal(rules_status_find(cat, "Kades")->id, "kepala_desa");
	assert_null(rules_status_find(cat, "lurah"));
	assert_string_equal(rules_modifier_find(cat, "with_attributes", &idx)->id, "attributes");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_BERAT, (struct date){2021, 8, 30})->regime,
		"PP 53/2010");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_BERAT, (struct date){2021, 8, 31})->regime,
		"PP 94/2021");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_PTDH, (struct date){2023, 10, 30})->regime,
		"UU 5/2014");
	assert_string_equal(
		rules_form_set_at(cat, RULES_LEVEL_PTDH, (struct date){2023, 10, 31})->regime,
		"UU 20/2023");
	assert_int_equal(
		rules_form_set_at(cat, RULES_LEVEL_SEDANG, (struct date){2024, 1, 1})->nforms, 3);
	assert_string_equal(rules_level_title(cat, RULES_LEVEL_BERAT), "hukuman disiplin berat");
	assert_int_equal(rules_catalog_coverage(cat).from.year, 2010);
	rules_catalog_free(cat);
}

static void
test_options(void **state)
{
	struct rules_catalog *cat;
	struct rules_options o;
	struct config cfg;
	struct errbuf eb;
	const struct rules_item *d8;

	(void)state;
	assert_int_equal(rules_catalog_load(&cat, "", &eb), 0);
	d8 = rules_item_find(cat, "D-8");
	rules_options_init(&o);
	assert_int_equal(rules_item_level(d8, &o), RULES_LEVEL_BERAT);
	assert_int_equal(rules_options_set(&o, cat, "d8_level", "sedang", &eb), 0);
	assert_int_equal(rules_item_level(d8, &o), RULES_LEVEL_SEDANG);
	assert_int_equal(rules_options_set(&o, cat, "d8_level", "ringan", &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_reading");
	assert_int_equal(rules_options_set(&o, cat, "d99", "x", &eb), -1);
	assert_string_equal(errbuf_code(&eb), "invalid_reading");
	config_init(&cfg);
	assert_int_equal(config_set(&cfg, "rules", "pp94_angka1_level", "berat", &eb), 0);
	rules_options_init(&o);
	assert_int_equal(rules_options_from_config(&o, cat, &cfg, &eb), 0);
	assert_int_equal(rules_item_level(rules_item_find(cat, "PP94-5n1"), &o), RULES_LEVEL_BERAT);
	assert_int_equal(config_set(&cfg, "rules", "d9_reading", "kadang", &eb), 0);
	assert_int_equal(rules_options_from_config(&o, cat, &cfg, &eb), -1);
	assert_non_null(strstr(eb.msg, "d9_reading"));
	rules_catalog_free(cat);
}

static void
test_dir(void **state)
{
	char dir[] = "/tmp/netra-rules-test.XXXXXX", path[256];
	struct rules_catalog *cat;
	struct errbuf eb;
	char *t = mini_text(0, NULL);
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(rules_catalog_load(&cat, dir, &eb), -1);
	assert_non_null(strstr(eb.msg, "/rules"));
	snprintf(path, sizeof(path), "%s/rules", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(rules_catalog_load(&cat, dir, &eb), -1);
	assert_non_null(strstr(eb.msg, "tidak ada berkas"));
	snprintf(path, sizeof(path), "%s/rules/mini.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(t, f);
	fclose(f);
	assert_int_equal(rules_catalog_load(&cat, dir, &eb), 0);
	assert_int_equal(rules_item_count(cat), 1);
	assert_non_null(strstr(rules_item_at(cat, 0)->file, "/rules/mini.json"));
	rules_catalog_free(cat);
	unlink(path);
	snprintf(path, sizeof(path), "%s/rules", dir);
	rmdir(path);
	rmdir(dir);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_loads),
		cmocka_unit_test(test_errors_have_file_line),
		cmocka_unit_test(test_lint_reports_every_problem),
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
