/*
 * test_boleh_query.c - the /boleh question: query parameters to a check
 * request, and that the check service answers the bookmarked questions of
 * the decision aid as the page shows them (B-2 and B-1 boleh, D-6
 * pelanggaran berat, a village head bukan ASN).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "check/check.h"
#include "core/config.h"
#include "web/boleh_query.h"

static json_t *
request(struct arena *a, const char *query, bool *asked)
{
	struct form q;
	struct errbuf eb;

	assert_int_equal(form_parse(a, query, strlen(query), &q, &eb), 0);
	return boleh_request_json(&q, asked);
}

static void
test_request(void **state)
{
	struct arena a;
	bool asked;
	json_t *r;

	(void)state;
	arena_init(&a, 4096);
	r = request(&a,
		    "butir=D-6&teks=+&status=PNS&tanggal=5%2F2%2F2024&pemilihan=pemilu2024"
		    "&m=attributes&m=&m=+on_leave+&lang=en",
		    &asked);
	assert_true(asked);
	assert_string_equal(json_string_value(json_object_get(r, "item")), "D-6");
	assert_null(json_object_get(r, "text")); /* blank */
	assert_string_equal(json_string_value(json_object_get(r, "status")), "PNS");
	assert_string_equal(json_string_value(json_object_get(r, "date")), "2024-02-05");
	assert_string_equal(json_string_value(json_object_get(r, "election")), "pemilu2024");
	assert_int_equal(json_object_size(json_object_get(r, "modifiers")), 2);
	assert_true(json_is_true(json_object_get(json_object_get(r, "modifiers"), "on_leave")));
	assert_null(json_object_get(r, "lang"));
	json_decref(r);

	r = request(&a, "butir=&teks=&status=PNS&tanggal=kemarin", &asked);
	assert_false(asked);
	/* a date that is not one is passed on, for the check service to refuse */
	assert_string_equal(json_string_value(json_object_get(r, "date")), "kemarin");
	assert_null(json_object_get(r, "modifiers"));
	json_decref(r);

	r = request(&a, "teks=camat+memasang+baliho", &asked);
	assert_true(asked);
	json_decref(r);
	/* q means teks; teks wins when both are given, a blank teks does not */
	r = request(&a, "q=+lurah+ikut+kampanye+", &asked);
	assert_true(asked);
	assert_string_equal(json_string_value(json_object_get(r, "text")), "lurah ikut kampanye");
	json_decref(r);
	r = request(&a, "q=lurah&teks=camat", &asked);
	assert_string_equal(json_string_value(json_object_get(r, "text")), "camat");
	json_decref(r);
	r = request(&a, "teks=+&q=lurah", &asked);
	assert_true(asked);
	assert_string_equal(json_string_value(json_object_get(r, "text")), "lurah");
	json_decref(r);
	r = request(&a, "q=+", &asked);
	assert_false(asked);
	json_decref(r);
	r = request(&a, "", &asked);
	assert_false(asked);
	assert_int_equal(json_object_size(r), 0);
	json_decref(r);
	arena_release(&a);
}

static void
test_form_field(void **state)
{
	(void)state;
	assert_string_equal(boleh_form_field("item"), "butir");
	assert_string_equal(boleh_form_field("text"), "teks");
	assert_string_equal(boleh_form_field("date"), "tanggal");
	assert_string_equal(boleh_form_field("election"), "pemilihan");
	assert_string_equal(boleh_form_field("status"), "status");
	assert_string_equal(boleh_form_field(""), "");
	assert_string_equal(boleh_form_field("penetapan"), "");
	assert_string_equal(boleh_form_field(NULL), "");
}

struct svc {
	struct calendar *cal;
	struct check_service *check;
	struct config cfg;
};

static int
setup(void **state)
{
	struct svc *s = calloc(1, sizeof(*s));
	struct errbuf eb;

	config_init(&s->cfg);
	if (calendar_load(&s->cal, NULL, &eb) < 0 ||
	    check_service_new(&s->check, &s->cfg, s->cal, &eb) < 0)
		return -1;
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	struct svc *s = *state;

	check_service_free(s->check);
	calendar_free(s->cal);
	free(s);
	return 0;
}

static const char *
verdict(struct svc *s, const char *query, const char **level)
{
	static char v[64], lv[64];
	struct arena a;
	struct errbuf eb;
	json_t *req, *answer;
	bool asked;

	arena_init(&a, 4096);
	req = request(&a, query, &asked);
	assert_true(asked);
	assert_int_equal(check_run(s->check, req, &a, &answer, NULL, &eb), 0);
	snprintf(v, sizeof(v), "%s", json_string_value(json_object_get(answer, "verdict")));
	snprintf(lv, sizeof(lv), "%s",
		 json_string_value(json_object_get(answer, "level"))
			 ? json_string_value(json_object_get(answer, "level"))
			 : "");
	*level = lv;
	json_decref(answer);
	json_decref(req);
	arena_release(&a);
	return v;
}

static void
test_answers(void **state)
{
	struct svc *s = *state;
	const char *level;
	struct arena a;
	struct errbuf eb;
	json_t *req, *answer;
	bool asked;

	assert_string_equal(
		verdict(s, "butir=B-2&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024", &level),
		"boleh");
	assert_string_equal(
		verdict(s, "butir=B-1&status=PNS&tanggal=2024-02-14&pemilihan=pemilu2024", &level),
		"boleh");
	assert_string_equal(
		verdict(s, "butir=D-6&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024", &level),
		"pelanggaran");
	assert_string_equal(level, "berat");
	assert_string_equal(
		verdict(s, "butir=D-8&status=kepala_desa&tanggal=2024-02-05&pemilihan=pemilu2024",
			&level),
		"bukan_asn");
	/* a listener wearing party attributes is no longer only a listener */
	assert_string_equal(
		verdict(s,
			"butir=B-2&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024&m=attributes",
			&level),
		"pelanggaran");

	arena_init(&a, 4096);
	req = request(&a, "butir=Z-99&tanggal=2024-02-05", &asked);
	assert_int_equal(check_run(s->check, req, &a, &answer, NULL, &eb), -1);
	assert_string_equal(boleh_form_field(eb.field), "butir");
	json_decref(req);
	req = request(&a, "butir=D-6&tanggal=2024-02-31", &asked);
	assert_int_equal(check_run(s->check, req, &a, &answer, NULL, &eb), -1);
	assert_string_equal(boleh_form_field(eb.field), "tanggal");
	json_decref(req);
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_form_field),
		cmocka_unit_test_setup_teardown(test_answers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
