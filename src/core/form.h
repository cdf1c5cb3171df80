/*
 * form.h - application/x-www-form-urlencoded and query-string decoding.
 *
 * form_parse() is a pure parser over (ptr, len): it decodes '+' and %XX,
 * rejects malformed escapes, NUL bytes and invalid UTF-8, and caps the
 * number of fields.  Names and values are NUL-terminated copies in the
 * arena; repeated names keep every value in input order.
 */
#ifndef NETRA_CORE_FORM_H
#define NETRA_CORE_FORM_H

#include <stddef.h>

#include "arena.h"
#include "err.h"

#define FORM_MAX_FIELDS 512

struct form_field {
	const char *name;
	const char *value;
	size_t value_len;
};

struct form {
	struct form_field *fields;
	size_t n;
};

int form_parse(struct arena *a, const char *s, size_t len, struct form *out, struct errbuf *eb);
/* First value for name, or NULL. */
const char *form_get(const struct form *f, const char *name);
/* Up to max values for name, in order; returns how many were found. */
size_t form_get_all(const struct form *f, const char *name, const char **out, size_t max);
/* Decode %XX (and '+' as space when plus_space) from src into dst, which
 * must hold n bytes; returns the decoded length or -1 on a bad escape. */
long url_decode(char *dst, const char *src, size_t n, int plus_space);

#endif
