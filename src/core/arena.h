/*
 * arena.h - bump allocator for request-lifetime memory.
 *
 * Every HTTP request and every CLI invocation owns one arena; handlers
 * allocate from it and never free.  arena_reset() keeps the first chunk
 * for reuse, so a steady request load causes no malloc churn.  Pointers
 * are aligned to 16 bytes.  Allocation dies on out-of-memory like xmalloc.
 */
#ifndef NETRA_CORE_ARENA_H
#define NETRA_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "compat.h"

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* current chunk, linked to older ones */
	size_t chunk_size;        /* default size of a new chunk */
	size_t used;              /* bytes handed out since the last reset */
};

void arena_init(struct arena *a, size_t chunk_size);
void arena_release(struct arena *a);
void arena_reset(struct arena *a);
void *arena_alloc(struct arena *a, size_t n) ATTR_MALLOC ATTR_RETURNS_NONNULL;
void *arena_zalloc(struct arena *a, size_t n) ATTR_MALLOC ATTR_RETURNS_NONNULL;
/* n elements of size bytes, overflow-checked, zeroed */
void *arena_array(struct arena *a, size_t n, size_t size) ATTR_MALLOC ATTR_RETURNS_NONNULL;
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) ATTR_PRINTF(2, 3);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap) ATTR_PRINTF(2, 0);

#endif
