/*
 * ident_limits.c - load the plausibility limits for identifiers from
 * data/ident/limits.ini (see ident.h and the file itself for what each
 * limit means and why none of them is a validity rule).
 *
 * Every key must be known and every value an integer 0..9999; a missing
 * key leaves its limit at 0 (check off).  Errors name the file and line.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "ident/ident.h"
#include "ident/ident_data.h"

#define IDENT_LIMITS_REL "ident/limits.ini"
#define IDENT_LIMITS_MAX 65536

static const struct {
	const char *section;
	const char *name;
	size_t offset;
} limit_keys[] = {
	{"nip", "min_age_at_tmt", offsetof(struct ident_limits, nip_min_age_at_tmt)},
	{"nip", "max_age_at_tmt", offsetof(struct ident_limits, nip_max_age_at_tmt)},
	{"nip", "min_birth_year", offsetof(struct ident_limits, min_birth_year)},
	{"ni_pppk", "first_appointment_year", offsetof(struct ident_limits, pppk_first_year)},
	{"ni_pppk", "min_age_at_appointment", offsetof(struct ident_limits, pppk_min_age)},
};

struct limits_ctx {
	struct ident_limits *out;
	char msg[200];
	int failed;
};

static int
on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct limits_ctx *c = user;
	int64_t v;
	size_t i;

	if (c->failed || name == NULL)
		return c->failed ? 0 : 1;
	for (i = 0; i < ARRAY_SIZE(limit_keys); i++) {
		if (strcmp(limit_keys[i].section, section) != 0 ||
		    strcmp(limit_keys[i].name, name) != 0)
			continue;
		if (str_to_i64(str_trim(str_from(value)), &v) < 0 || v < 0 || v > 9999) {
			snprintf(c->msg, sizeof(c->msg), "%s.%s harus bilangan bulat 0-9999",
				 section, name);
			c->failed = 1;
			return 0;
		}
		*(int *)(void *)((char *)c->out + limit_keys[i].offset) = (int)v;
		return 1;
	}
	snprintf(c->msg, sizeof(c->msg), "kunci tidak dikenal: [%s] %s", section, name);
	c->failed = 1;
	return 0;
}

int
ident_limits_parse(struct ident_limits *out, const char *text, size_t len, const char *source,
		   struct errbuf *eb)
{
	struct limits_ctx c;
	char *copy;
	int line;

	memset(out, 0, sizeof(*out));
	if (len > IDENT_LIMITS_MAX)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s terlalu besar", source);
	if (memchr(text, '\0', len) != NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s berisi byte NUL", source);
	memset(&c, 0, sizeof(c));
	c.out = out;
	copy = xstrndup(text, len);
	line = ini_parse_string(copy, on_entry, &c);
	free(copy);
	if (line == 0)
		return 0;
	memset(out, 0, sizeof(*out));
	if (c.failed)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: %s", source, line, c.msg);
	return errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: baris INI tidak dapat dibaca", source,
			  line);
}

int
ident_limits_load(struct ident_limits *out, const char *dir, struct errbuf *eb)
{
	const char *text;
	size_t len;
	bool owned;
	int rc;

	memset(out, 0, sizeof(*out));
	if (ident_data_read(dir, IDENT_LIMITS_REL, IDENT_LIMITS_MAX, &text, &len, &owned, eb) < 0)
		return -1;
	rc = ident_limits_parse(out, text, len, IDENT_LIMITS_REL, eb);
	if (owned)
		free((void *)(uintptr_t)text);
	return rc;
}
