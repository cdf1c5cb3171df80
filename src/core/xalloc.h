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

void *xmalloc(size_t n) ATTR_MALLOC;
void *xcalloc(size_t nmemb, size_t size) ATTR_MALLOC;
void *xrealloc(void *p, size_t n);
/* Array realloc with overflow check: nmemb * size bytes. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s) ATTR_MALLOC;
char *xstrndup(const char *s, size_t n) ATTR_MALLOC;

/* Print "netra: fatal: <msg>" to stderr and exit(1). */
void die(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_NORETURN;

#endif
