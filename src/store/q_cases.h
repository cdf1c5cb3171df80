/*
 * q_cases.h - the case queries and fragments written once per dialect:
 * sqlite_q_NAME in sqlite_q_cases.c, pg_q_NAME in pg_q_cases.c (store/db.h).
 * Both texts of a pair give the same rows in the same order; the unit test
 * tests/unit/test_store_dialect.c runs each pair on both engines.
 */
#ifndef NETRA_STORE_Q_CASES_H
#define NETRA_STORE_Q_CASES_H

#include "store/store_internal.h"

/* The claim, around the engine's way of picking rows: the picked cases
 * (oldest open unassigned ones in scope, up to ?9) go to user ?7 at ?8.
 * The outer "assigned_to IS NULL" is checked again on each row as the
 * update takes it.  The claimable states are not written here: cases.c
 * places the set of domain/case_states.h between Q_CLAIM_PICK_HEAD and
 * Q_CLAIM_PICK_TAIL as placeholders from ?10 (store_state_set_sql()), then
 * the engine's claim_lock, then Q_CLAIM_TAIL. */
#define Q_CLAIM_HEAD                                                                               \
	"UPDATE cases SET assigned_to = ?7, updated_at = ?8 WHERE assigned_to IS NULL AND id IN ("
#define Q_CLAIM_PICK_HEAD                                                                          \
	"SELECT c.id FROM cases c WHERE c.assigned_to IS NULL AND c.merged_into IS NULL"           \
	" AND c.state IN ("
#define Q_CLAIM_PICK_TAIL   ") AND " SCOPE_WHERE " ORDER BY c.id LIMIT ?9"
#define Q_CLAIM_STATES_BASE 10
#define Q_CLAIM_TAIL        ") RETURNING id"

/* Fragment after the claim's pick: how the engine takes its rows. */
extern const char sqlite_q_claim_lock[], pg_q_claim_lock[];
/* Fragment: the terlapor names of the case aliased c, "; "-joined in track
 * order (group_concat() / string_agg()). */
extern const char sqlite_q_track_names[], pg_q_track_names[];

/* Fragment after "FROM deadlines d" in per-case deadline lookups: SQLite is
 * told to use deadlines_case (left to itself it may walk deadlines_open
 * across every open deadline for each row); PostgreSQL needs no hint. */
extern const char sqlite_q_deadlines_hint[], pg_q_deadlines_hint[];

/* The public status page: ?1 case id; rule, due_on, status, provisional,
 * provisional_reason, provisional_years (JSON) of the case's own clocks. */
extern const char sqlite_q_case_public_deadlines[], pg_q_case_public_deadlines[];

/* The public status page: ?1 case id; at, kind, the state reached (the
 * event's "to") of the case's state changes. */
extern const char sqlite_q_case_public_steps[], pg_q_case_public_steps[];

/* The columns of struct store_case_row (cases.c reads them in order). */
#define CASE_ROW_COLS                                                                              \
	"c.id, c.code, c.kind, c.election, c.election_kind, c.state, c.region_code, c.office_id,"  \
	" c.received_at, c.tz, coalesce(c.occurred_on, ''), coalesce(c.known_on, ''),"             \
	" coalesce(c.assigned_to, 0), coalesce(c.merged_into, 0),"                                 \
	" CASE WHEN c.pelapor_sealed IS NOT NULL THEN 1 ELSE 0 END, coalesce(c.sealed_office, 0)"

/* A case row ?1 inside the scope (?2..?6), read by a write job that will
 * decide on it: on PostgreSQL the row stays locked until the batch
 * commits, and a row another node changed meanwhile is read as it is
 * now.  A job that locks several cases takes them in id order. */
#define Q_CASE_ROW "SELECT " CASE_ROW_COLS " FROM cases c WHERE c.id = ?1 AND " SCOPE_WHERE

extern const char sqlite_q_case_row_lock[];
extern const char pg_q_case_row_lock[];

#endif
