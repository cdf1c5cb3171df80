/*
 * audit.h - the append-only, hash-chained event log.
 *
 * Every state change writes one event.  Event i commits to event i-1:
 *   hash_i = BLAKE2b-256("netra-audit-v1" || hash_{i-1} || id || at ||
 *                        case_id || track_id || user_id || actor || kind || data)
 * with integers as little-endian 64-bit and strings length-prefixed; the
 * first event's predecessor is 32 zero bytes.  Ids are dense (1, 2, 3 ...)
 * and part of the hash, so an altered, removed or reordered entry breaks
 * the chain at a place audit_verify() names.  Event data never holds a
 * reporter's identity.
 */
#ifndef NETRA_AUDIT_AUDIT_H
#define NETRA_AUDIT_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define AUDIT_HASH_LEN 32

struct store;
struct store_conn;

struct audit_event {
	int64_t id;
	int64_t at;
	int64_t case_id;   /* 0: none */
	int64_t track_id;  /* 0: none */
	int64_t user_id;   /* 0: the public or the system */
	const char *actor; /* "publik", "sistem", or the username */
	const char *kind;  /* "laporan_diterima", "transisi", ... */
	const char *data;  /* JSON object text */
	unsigned char prev_hash[AUDIT_HASH_LEN];
	unsigned char hash[AUDIT_HASH_LEN];
};

/* Compute ev->hash from ev->prev_hash and the other fields. */
void audit_event_hash(const struct audit_event *ev, unsigned char out[AUDIT_HASH_LEN]);

/* Append inside a write job: fills id, prev_hash and hash, inserts. */
int audit_append(struct store_conn *c, struct audit_event *ev, struct errbuf *eb);

struct audit_report {
	int64_t checked;                    /* events read */
	int64_t bad_id;                     /* first event where the chain breaks; 0 when intact */
	char problem[320];                  /* Indonesian description of the first break */
	unsigned char head[AUDIT_HASH_LEN]; /* hash of the last event */
};

/* Walk the whole log; returns 0 when intact, 1 when broken (report says
 * where), -1 on error. */
int audit_verify(struct store *st, struct audit_report *out, struct errbuf *eb);

#endif
