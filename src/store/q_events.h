/*
 * q_events.h - the audit-chain queries whose text differs per engine
 * (sqlite_q_events.c, pg_q_events.c; see store/db.h).
 */
#ifndef NETRA_STORE_Q_EVENTS_H
#define NETRA_STORE_Q_EVENTS_H

/* Take the lock that orders appends to the chain; one row. */
extern const char sqlite_q_event_append_lock[];
extern const char pg_q_event_append_lock[];
/* The chain's newest event: id, hash; no row on an empty chain. */
extern const char sqlite_q_event_head[];
extern const char pg_q_event_head[];

#endif
