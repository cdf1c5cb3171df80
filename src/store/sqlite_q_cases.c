/*
 * sqlite_q_cases.c - SQLite texts of the case queries named in q_cases.h.
 */
#include "store/q_cases.h"

/* one writer: nothing else claims between the pick and the update */
const char sqlite_q_case_claim[] = Q_CLAIM_HEAD Q_CLAIM_PICK Q_CLAIM_TAIL;

/* the single writer holds the database: no other writer can change the row */
const char sqlite_q_case_row_lock[] = Q_CASE_ROW;
