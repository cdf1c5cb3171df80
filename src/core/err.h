/*
 * err.h - the one error enum, its HTTP mapping, and the error buffer that
 * crosses module boundaries.
 *
 * Functions return 0 on success and -1 on failure, filling a struct errbuf
 * when the caller passed one.  enum err picks the HTTP status and the
 * default stable API code; a module may give a more precise stable code
 * (e.g. "daluarsa", "invalid_nip") with errbuf_set_code().  The message is
 * written for the person who will read it: Indonesian for users.
 */
#ifndef NETRA_CORE_ERR_H
#define NETRA_CORE_ERR_H

#include "compat.h"

enum err {
	ERR_NONE = 0,
	ERR_INVALID_INPUT,
	ERR_NOT_FOUND,
	ERR_METHOD_NOT_ALLOWED,
	ERR_PAYLOAD_TOO_LARGE,
	ERR_RATE_LIMITED,
	ERR_INTERNAL,
	ERR_UNAUTHORIZED,
	ERR_FORBIDDEN,
	ERR_CONFLICT,
	ERR_UNPROCESSABLE,
	ERR_UNSUPPORTED_MEDIA,
	ERR_UNAVAILABLE,
	ERR__COUNT
};

struct err_info {
	int http_status;
	const char *code;     /* stable API code */
	const char *title_id; /* short Indonesian title */
	const char *title_en; /* short English title */
};

struct errbuf {
	enum err kind;
	const char *code; /* stable code; NULL means err_info(kind)->code */
	char field[64];   /* offending input field, "" when none */
	char msg[320];    /* human-readable detail */
};

const struct err_info *err_info(enum err e);
/* Stable code for eb: the specific one if set, else the kind's. */
const char *errbuf_code(const struct errbuf *eb);

void errbuf_clear(struct errbuf *eb);
/* Fill eb (may be NULL) and return -1, so callers can 'return errbuf_set(...)'. */
int errbuf_set(struct errbuf *eb, enum err kind, const char *fmt, ...) ATTR_PRINTF(3, 4);
int errbuf_set_code(struct errbuf *eb, enum err kind, const char *code, const char *fmt, ...)
	ATTR_PRINTF(4, 5);
int errbuf_set_field(struct errbuf *eb, enum err kind, const char *field, const char *fmt, ...)
	ATTR_PRINTF(4, 5);

#endif
