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

#endif
