/*
 * q_cases.h - the case queries whose text differs per engine
 * (sqlite_q_cases.c, pg_q_cases.c; see store/db.h).
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

/* The columns of struct store_case_row (cases.c reads them in order). */
#define CASE_ROW_COLS                                                                              \
	"c.id, c.code, c.kind, c.election, c.election_kind, c.state, c.region_code, c.office_id,"  \
	" c.received_at, c.tz, coalesce(c.occurred_on, ''), coalesce(c.known_on, ''),"             \
	" coalesce(c.assigned_to, 0), coalesce(c.merged_into, 0), c.pelapor_sealed IS NOT NULL,"   \
	" coalesce(c.sealed_office, 0)"

/* A case row ?1 inside the scope (?2..?6), read by a write job that will
 * decide on it: on PostgreSQL the row stays locked until the batch
 * commits, and a row another node changed meanwhile is read as it is
 * now.  A job that locks several cases takes them in id order. */
#define Q_CASE_ROW "SELECT " CASE_ROW_COLS " FROM cases c WHERE c.id = ?1 AND " SCOPE_WHERE

extern const char sqlite_q_case_row_lock[];
extern const char pg_q_case_row_lock[];

#endif
