/*
 * pg_q_cases.c - PostgreSQL texts of the case queries named in q_cases.h.
 */
#include "store/q_cases.h"

/* several nodes claim at once: rows another claimer holds are skipped */
const char pg_q_case_claim[] =
	Q_CLAIM_HEAD Q_CLAIM_PICK " FOR UPDATE OF c SKIP LOCKED" Q_CLAIM_TAIL;
