/*
 * store_events.h - the rows of the audit chain (src/store/events.c; audit/
 * hashes them).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_EVENTS_H
#define NETRA_STORE_STORE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"

/* --- events: the audit chain (audit/audit.h computes the hashes) ---------- */

/*
 * One stored entry of the audit chain, as the store keeps it: the store
 * neither computes nor checks the hashes (audit/ does), it only keeps
 * them.  Strings are borrowed: on insert from the caller, in
 * store_event_each() until the callback returns.
 */
#define STORE_EVENT_HASH_LEN 32
struct store_event {
	int64_t id;
	int64_t at;
	int64_t case_id;  /* 0: none (stored as NULL) */
	int64_t track_id; /* 0: none */
	int64_t user_id;  /* 0: none */
	const char *actor;
	const char *kind;
	const char *data;
	unsigned char prev_hash[STORE_EVENT_HASH_LEN];
	unsigned char hash[STORE_EVENT_HASH_LEN];
};

/* Id and hash of the newest event (0 and zeros when the log is empty). */
int store_event_last(struct store_conn *c, int64_t *id, unsigned char hash[32], struct errbuf *eb);
int store_event_insert(struct store_conn *c, const struct store_event *ev, struct errbuf *eb);
/* Every event in id order; fn returns nonzero to stop. */
typedef int (*store_event_fn)(void *arg, const struct store_event *ev);
int store_event_each(struct store *st, store_event_fn fn, void *arg, struct errbuf *eb);

#endif
