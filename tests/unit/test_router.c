/*
 * test_router.c - route table matching: literals, {params}, prefixes,
 * HEAD as GET, 405 with the Allow list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/http.h"

static int
h_any(struct http_request *req)
{
	(void)req;
	return 0;
}

static const struct http_route routes[] = {
	{"GET", "/", h_any, 0},
	{"GET", "/api/v1/cases", h_any, 0},
	{"POST", "/api/v1/cases", h_any, 0},
	{"GET", "/api/v1/cases/{id}", h_any, 0},
	{"POST", "/api/v1/cases/{id}/transitions", h_any, 0},
	{"GET", "/static/*", h_any, HTTP_ROUTE_PREFIX},
	{"DELETE", "/api/v1/cases/{id}", h_any, 0},
};

static enum http_match
find(const char *m, const char *p, const struct http_route **r, const char **params, size_t *np,
     const char **rest, char *allow)
{
	static struct arena a;

	arena_release(&a); /* the previous lookup's captures */
	arena_init(&a, 1024);
	return http_route_find(routes, sizeof(routes) / sizeof(routes[0]), m, p, &a, r, params, np,
			       rest, allow, 128);
}

static void
test_literals_and_params(void **state)
{
	const struct http_route *r;
	const char *params[HTTP_MAX_PARAMS], *rest;
	char allow[128];
	size_t np;

	(void)state;
	assert_int_equal(find("GET", "/", &r, params, &np, &rest, allow), HTTP_MATCH_OK);
	assert_ptr_equal(r, &routes[0]);
	assert_int_equal(find("GET", "/api/v1/cases/K-123", &r, params, &np, &rest, allow),
			 HTTP_MATCH_OK);
	assert_ptr_equal(r, &routes[3]);
	assert_int_equal(np, 1);
	assert_string_equal(params[0], "K-123");
	assert_int_equal(find("POST", "/api/v1/cases/9/transitions", &r, params, &np, &rest, allow),
			 HTTP_MATCH_OK);
	assert_ptr_equal(r, &routes[4]);
	assert_string_equal(params[0], "9");
	/* an empty segment does not satisfy {id} */
	assert_int_equal(find("GET", "/api/v1/cases/", &r, params, &np, &rest, allow),
			 HTTP_MATCH_NONE);
	assert_int_equal(find("GET", "/api/v1/casesx", &r, params, &np, &rest, allow),
			 HTTP_MATCH_NONE);
	assert_int_equal(find("GET", "/api/v1/cases/1/2", &r, params, &np, &rest, allow),
			 HTTP_MATCH_NONE);
}

static void
test_prefix_and_head(void **state)
{
	const struct http_route *r;
	const char *params[HTTP_MAX_PARAMS], *rest;
	char allow[128];
	size_t np;

	(void)state;
	assert_int_equal(find("GET", "/static/css/netra.css", &r, params, &np, &rest, allow),
			 HTTP_MATCH_OK);
	assert_string_equal(rest, "css/netra.css");
	assert_int_equal(find("HEAD", "/static/a", &r, params, &np, &rest, allow), HTTP_MATCH_OK);
	assert_int_equal(find("HEAD", "/api/v1/cases", &r, params, &np, &rest, allow),
			 HTTP_MATCH_OK);
}

static void
test_wrong_method(void **state)
{
	const struct http_route *r;
	const char *params[HTTP_MAX_PARAMS], *rest;
	char allow[128];
	size_t np;

	(void)state;
	assert_int_equal(find("PUT", "/api/v1/cases/7", &r, params, &np, &rest, allow),
			 HTTP_MATCH_WRONG_METHOD);
	assert_null(r);
	assert_string_equal(allow, "GET, DELETE");
	assert_int_equal(find("PATCH", "/api/v1/cases", &r, params, &np, &rest, allow),
			 HTTP_MATCH_WRONG_METHOD);
	assert_string_equal(allow, "GET, POST");
}

static int
cleanup(void **state)
{
	const struct http_route *r;
	const char *params[HTTP_MAX_PARAMS], *rest;
	char allow[128];
	size_t np;

	(void)state;
	find("GET", "/", &r, params, &np, &rest, allow); /* releases the last captures */
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals_and_params),
		cmocka_unit_test(test_prefix_and_head),
		cmocka_unit_test(test_wrong_method),
	};

	return cmocka_run_group_tests(tests, NULL, cleanup);
}
