/*
 * buf.h - growable byte buffer with a size cap.
 *
 * Invariants: data is NULL or points to cap bytes; when data != NULL,
 * data[len] == '\0', so the contents can always be used as a C string.
 * Appending past max sets the sticky 'overflow' flag and drops the bytes;
 * callers append freely and check buf_failed() once at the end.
 * Memory is owned by the buffer until buf_detach() hands it over.
 */
#ifndef NETRA_CORE_BUF_H
#define NETRA_CORE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "compat.h"

struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;    /* upper bound on len; SIZE_MAX for none */
	bool overflow; /* an append was dropped because of max */
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0, (size_t)-1, false                                                      \
	}

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
/* Keep the allocation, forget the contents and the overflow flag. */
void buf_reset(struct buf *b);
/* Hand the bytes (NUL-terminated, never NULL) to the caller; b is reset. */
char *buf_detach(struct buf *b, size_t *len);

void buf_add(struct buf *b, const void *p, size_t n);
void buf_addstr(struct buf *b, const char *s);
/* Append a string literal (its length known at compile time). */
#define BUF_ADDLIT(b, lit) buf_add((b), "" lit, sizeof(lit) - 1)
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) ATTR_PRINTF(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) ATTR_PRINTF(2, 0);
/* Append with HTML escaping of & < > " ' (for text and attribute values). */
void buf_add_html(struct buf *b, const char *s, size_t n);
/* Append percent-encoding (RFC 3986 unreserved characters kept). */
void buf_add_urlenc(struct buf *b, const char *s, size_t n);
/* Append a CSV field, quoted when it holds , " CR or LF; formula triggers
 * (= + - @ at the start) are prefixed with ' to defuse spreadsheet injection. */
void buf_add_csv(struct buf *b, const char *s, size_t n);
/* Make sure at least n more bytes fit without reallocating. */
void buf_grow(struct buf *b, size_t n);
void buf_truncate(struct buf *b, size_t len);

static inline bool
buf_failed(const struct buf *b)
{
	return b->overflow;
}

static inline const char *
buf_cstr(const struct buf *b)
{
	return b->data ? b->data : "";
}

#endif
