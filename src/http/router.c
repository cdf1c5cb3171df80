/*
 * router.c - match a method and a decoded path against the route table.
 *
 * Patterns are literal segments, "{name}" captures (one non-empty segment)
 * and, with HTTP_ROUTE_PREFIX, a final "*" that captures the rest.  The
 * first route in table order wins; a path that matches only under other
 * methods reports them for the Allow header.
 */
#include <string.h>

#include "http/http.h"

/* Match one pattern; captures go to params (arena copies). */
static bool
pattern_match(const struct http_route *r, const char *path, struct arena *a, const char **params,
	      size_t *nparams, const char **rest)
{
	const char *p = r->pattern, *s = path;
	size_t n = 0;

	while (*p) {
		if (*p == '*' && (r->flags & HTTP_ROUTE_PREFIX) && p[1] == '\0') {
			if (rest)
				*rest = arena_strdup(a, s);
			*nparams = n;
			return true;
		}
		if (*p == '{') {
			const char *close = strchr(p, '}');
			size_t len = strcspn(s, "/");

			if (close == NULL || len == 0 || n >= HTTP_MAX_PARAMS)
				return false;
			params[n++] = arena_strndup(a, s, len);
			p = close + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*s != '\0')
		return false;
	if (rest)
		*rest = NULL;
	*nparams = n;
	return true;
}

static bool
method_matches(const char *route_method, const char *method)
{
	if (strcmp(route_method, method) == 0)
		return true;
	return strcmp(method, "HEAD") == 0 && strcmp(route_method, "GET") == 0;
}

enum http_match
http_route_find(const struct http_route *routes, size_t n, const char *method, const char *path,
		struct arena *a, const struct http_route **route, const char **params,
		size_t *nparams, const char **rest, char *allow, size_t allowsz)
{
	const char *tmp[HTTP_MAX_PARAMS];
	bool path_seen = false;
	size_t i, used = 0;

	if (allowsz)
		allow[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t np = 0;

		if (method_matches(routes[i].method, method)) {
			if (pattern_match(&routes[i], path, a, params, nparams, rest)) {
				*route = &routes[i];
				return HTTP_MATCH_OK;
			}
			continue;
		}
		if (pattern_match(&routes[i], path, a, tmp, &np, NULL)) {
			size_t ml = strlen(routes[i].method);

			path_seen = true;
			if (allowsz && !strstr(allow, routes[i].method) &&
			    used + ml + 3 < allowsz) {
				if (used) {
					memcpy(allow + used, ", ", 2);
					used += 2;
				}
				memcpy(allow + used, routes[i].method, ml + 1);
				used += ml;
			}
		}
	}
	*route = NULL;
	return path_seen ? HTTP_MATCH_WRONG_METHOD : HTTP_MATCH_NONE;
}
