/*
 * pg_q_events.c - PostgreSQL texts of the queries named in q_events.h.
 */
#include "store/q_events.h"

/* held until the batch commits; one fixed key for the chain, "NETRA" in
 * ASCII (0x4E45545241; written in hex, 474e45545241 read as 474 x 10^45545241
 * and failed as out of range) */
const char pg_q_event_append_lock[] = "SELECT pg_advisory_xact_lock(336170603073)";
