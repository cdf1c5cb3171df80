/*
 * flash.h - what a POST did, kept for the page it redirects to
 * (post/redirect/get): the per-case results of a bulk action, for example,
 * are too long for a URL.
 *
 * A flash is a JSON value stored under a random id (WEB_FLASH_ID_LEN - 1
 * hex digits) for one user.  Only that user can read it, only within
 * WEB_FLASH_TTL_S seconds, and reading does not remove it (a reload shows
 * the same results).  At most `max` flashes are kept; storing one more
 * drops the oldest, so memory is bounded whatever the traffic.  Flashes
 * live in process memory only: a restart forgets them, and the page then
 * simply shows no results.
 *
 * Ownership: web_flash_new() returns a store the caller frees with
 * web_flash_free(); web_flash_get() returns a new reference.
 * Thread-safe: one mutex guards the store.
 */
#ifndef NETRA_WEB_FLASH_H
#define NETRA_WEB_FLASH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define WEB_FLASH_ID_LEN   33 /* 32 hex digits + NUL */
#define WEB_FLASH_TTL_S    600
#define WEB_FLASH_MAX_TEXT (256 * 1024) /* bytes of one flash as JSON */

struct web_flash;

struct web_flash *web_flash_new(size_t max);
void web_flash_free(struct web_flash *f);
/* Keep a copy of v for user_id; id gets the key.  -1 when v is too large
 * (more than WEB_FLASH_MAX_TEXT as JSON). */
int web_flash_put(struct web_flash *f, int64_t user_id, json_t *v, int64_t now,
		  char id[WEB_FLASH_ID_LEN]);
/* The value stored under id for user_id, or NULL when there is none, it
 * belongs to someone else, or it is older than WEB_FLASH_TTL_S. */
json_t *web_flash_get(struct web_flash *f, int64_t user_id, const char *id, int64_t now);

#endif
