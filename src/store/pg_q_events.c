/*
 * pg_q_events.c - PostgreSQL texts of the queries named in q_events.h.
 */
#include "store/q_events.h"

/* held until the batch commits; one fixed key for the chain, "NETRA" in
 * ASCII (0x4E45545241, written in decimal: PostgreSQL 15 reads no
 * hexadecimal literal) */
const char pg_q_event_append_lock[] = "SELECT pg_advisory_xact_lock(336170603073)";
/* with owner rights (0006): a scoped SELECT on events would test the
 * events policy, and through it the cases policy, on the way to the head */
const char pg_q_event_head[] = "SELECT id, hash FROM netra_events_head()";
