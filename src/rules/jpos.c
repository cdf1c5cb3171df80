/*
 * jpos.c - locate a member or element of a JSON text by path, so that a
 * semantic error found after jansson parsed the text ("unknown field",
 * "bad level", "duplicate id") can be reported with its line number.
 *
 * The text has already been accepted by jansson, but the walker still
 * bounds every read by len and treats anything unexpected as "stop here",
 * so it is safe on any input.
 */
#include <string.h>

#include "rules/rules_internal.h"

static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* s[i] == '"': index just past the closing quote. */
static size_t
skip_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return n;
}

static size_t
skip_value(const char *s, size_t n, size_t i)
{
	int depth = 0;

	i = skip_ws(s, n, i);
	if (i >= n)
		return n;
	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] != '{' && s[i] != '[') {
		while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
		       s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
			i++;
		return i;
	}
	while (i < n) {
		if (s[i] == '"') {
			i = skip_string(s, n, i);
			continue;
		}
		if (s[i] == '{' || s[i] == '[')
			depth++;
		else if (s[i] == '}' || s[i] == ']') {
			depth--;
			if (depth == 0)
				return i + 1;
		}
		i++;
	}
	return n;
}

/* Within the object at s[i] == '{', the offset of member key, and in *val
 * the offset of its value; (size_t)-1 when absent. */
static size_t
find_member(const char *s, size_t n, size_t i, const char *key, size_t *val)
{
	size_t klen = strlen(key);

	i++;
	for (;;) {
		size_t ks, ke;

		i = skip_ws(s, n, i);
		if (i >= n || s[i] != '"')
			return (size_t)-1;
		ks = i;
		ke = skip_string(s, n, i);
		i = skip_ws(s, n, ke);
		if (i >= n || s[i] != ':')
			return (size_t)-1;
		i = skip_ws(s, n, i + 1);
		if (ke - ks == klen + 2 && memcmp(s + ks + 1, key, klen) == 0) {
			*val = i;
			return ks;
		}
		i = skip_ws(s, n, skip_value(s, n, i));
		if (i >= n || s[i] != ',')
			return (size_t)-1;
		i++;
	}
}

static size_t
find_element(const char *s, size_t n, size_t i, size_t index)
{
	size_t k = 0;

	i++;
	for (;;) {
		i = skip_ws(s, n, i);
		if (i >= n || s[i] == ']')
			return (size_t)-1;
		if (k == index)
			return i;
		i = skip_ws(s, n, skip_value(s, n, i));
		if (i >= n || s[i] != ',')
			return (size_t)-1;
		i++;
		k++;
	}
}

size_t
jpos_locate(const char *text, size_t len, const struct jpos_step *path, size_t depth)
{
	size_t i = skip_ws(text, len, 0), d, found = i;

	for (d = 0; d < depth && i < len; d++) {
		size_t val = 0, at;

		if (path[d].key) {
			if (text[i] != '{')
				break;
			at = find_member(text, len, i, path[d].key, &val);
			if (at == (size_t)-1)
				break;
			found = at;
			i = val;
		} else {
			if (text[i] != '[')
				break;
			at = find_element(text, len, i, path[d].index);
			if (at == (size_t)-1)
				break;
			found = at;
			i = at;
		}
	}
	return found < len ? found : (len ? len - 1 : 0);
}

int
jpos_line(const char *text, size_t len, size_t off)
{
	size_t i;
	int line = 1;

	for (i = 0; i < off && i < len; i++)
		if (text[i] == '\n')
			line++;
	return line;
}
