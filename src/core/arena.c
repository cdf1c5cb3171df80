/*
 * arena.c - bump allocator (see arena.h).
 *
 * Chunks form a singly linked list, newest first.  A request larger than
 * a quarter of the chunk size gets a chunk of its own so that it does not
 * waste the rest of the current one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t off;
	_Alignas(ARENA_ALIGN) unsigned char mem[];
};

static struct arena_chunk *
chunk_new(size_t size)
{
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		die("arena chunk too large");
	c = xmalloc(sizeof(*c) + size);
	c->next = NULL;
	c->size = size;
	c->off = 0;
	return c;
}

void
arena_init(struct arena *a, size_t chunk_size)
{
	a->head = NULL;
	a->chunk_size = chunk_size ? chunk_size : 8192;
	a->used = 0;
}

void
arena_release(struct arena *a)
{
	struct arena_chunk *c = a->head, *next;

	while (c) {
		next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used = 0;
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk *c, *keep = NULL, *next;

	/* keep the oldest standard-size chunk, free everything else */
	for (c = a->head; c; c = next) {
		next = c->next;
		if (next == NULL && c->size == a->chunk_size) {
			keep = c;
			break;
		}
		free(c);
	}
	if (keep)
		keep->off = 0;
	a->head = keep;
	a->used = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t off;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		die("arena allocation overflow");
	if (n > a->chunk_size / 4) {
		/* big allocation: private chunk linked behind the current one */
		struct arena_chunk *big = chunk_new(n);

		big->off = n;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			a->head = big;
		}
		a->used += n;
		return big->mem;
	}
	if (c) {
		off = (c->off + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
		if (off + n <= c->size) {
			c->off = off + n;
			a->used += n;
			return c->mem + off;
		}
	}
	c = chunk_new(a->chunk_size);
	c->next = a->head;
	a->head = c;
	c->off = n;
	a->used += n;
	return c->mem;
}

void *
arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	memset(p, 0, n ? n : 1);
	return p;
}

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die("arena array overflow");
	return arena_zalloc(a, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	char small[256];
	char *p;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(small, sizeof(small), fmt, cp);
	va_end(cp);
	if (n < 0)
		die("vsnprintf failed");
	p = arena_alloc(a, (size_t)n + 1);
	if ((size_t)n < sizeof(small)) {
		memcpy(p, small, (size_t)n + 1);
	} else {
		va_copy(cp, ap);
		vsnprintf(p, (size_t)n + 1, fmt, cp);
		va_end(cp);
	}
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
