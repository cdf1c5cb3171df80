/*
 * pg_q_events.c - PostgreSQL texts of the queries named in q_events.h.
 */
#include "store/q_events.h"

/* held until the batch commits; one fixed key for the chain */
const char pg_q_event_append_lock[] = "SELECT pg_advisory_xact_lock(474e45545241)";
