/*
 * xalloc.h - allocation wrappers that never return NULL.
 *
 * netra bounds every untrusted size before allocating, so running out of
 * memory is treated as fatal: these functions print a message and exit(1).
 * die() is the one way to stop the process on an impossible condition.
 */
#ifndef NETRA_CORE_XALLOC_H
#define NETRA_CORE_XALLOC_H

#include <stddef.h>

#include "compat.h"

void *xmalloc(size_t n) ATTR_MALLOC ATTR_RETURNS_NONNULL;
void *xcalloc(size_t nmemb, size_t size) ATTR_MALLOC ATTR_RETURNS_NONNULL;
void *xrealloc(void *p, size_t n) ATTR_RETURNS_NONNULL;
/* Array realloc with overflow check: nmemb * size bytes. */
void *xreallocarray(void *p, size_t nmemb, size_t size) ATTR_RETURNS_NONNULL;
char *xstrdup(const char *s) ATTR_MALLOC ATTR_RETURNS_NONNULL;
char *xstrndup(const char *s, size_t n) ATTR_MALLOC ATTR_RETURNS_NONNULL;

/* Print "netra: fatal: <msg>" to stderr and exit(1). */
void die(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_NORETURN;

#endif
