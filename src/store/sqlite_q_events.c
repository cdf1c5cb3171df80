/*
 * sqlite_q_events.c - SQLite texts of the queries named in q_events.h.
 */
#include "store/q_events.h"

/* the single writer thread already orders every append */
const char sqlite_q_event_append_lock[] = "SELECT 1";
const char sqlite_q_event_head[] = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1";
