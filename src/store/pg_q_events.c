/*
 * pg_q_events.c - PostgreSQL texts of the queries named in q_events.h.
 */
#include "store/q_events.h"

/* held until the batch commits; one fixed key for the chain: 0x474e45545241,
 * "GNETRA" in ASCII (written in decimal: PostgreSQL reads 474e45545241 as
 * 474 * 10^45545241) */
const char pg_q_event_append_lock[] = "SELECT pg_advisory_xact_lock(78401496175169)";
