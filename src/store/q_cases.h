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
 * update takes it. */
#define Q_CLAIM_HEAD                                                                               \
	"UPDATE cases SET assigned_to = ?7, updated_at = ?8 WHERE assigned_to IS NULL AND id IN ("
#define Q_CLAIM_PICK                                                                               \
	"SELECT c.id FROM cases c WHERE c.assigned_to IS NULL AND c.merged_into IS NULL"           \
	" AND c.state IN ('diterima', 'kajian_awal', 'perlu_perbaikan', 'diregistrasi',"           \
	" 'klarifikasi', 'kajian') AND " SCOPE_WHERE " ORDER BY c.id LIMIT ?9"
#define Q_CLAIM_TAIL ") RETURNING id"

extern const char sqlite_q_case_claim[];
extern const char pg_q_case_claim[];
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

#endif
