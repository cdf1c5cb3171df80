/*
 * pg_q_cases.c - PostgreSQL texts of the case queries named in q_cases.h.
 */
#include "store/q_cases.h"

/* several nodes claim at once: rows another claimer holds are skipped */
const char pg_q_case_claim[] =
	Q_CLAIM_HEAD Q_CLAIM_PICK " FOR UPDATE OF c SKIP LOCKED" Q_CLAIM_TAIL;

/* several nodes decide on one case: the second waits for the first's commit */
const char pg_q_case_row_lock[] = Q_CASE_ROW " FOR UPDATE OF c";
