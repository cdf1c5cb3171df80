/*
 * recommend.h - what Bawaslu recommends for one terlapor: catalog items,
 * sanction level and forms, legal basis, the institution that verifies it
 * (KASN until the 2024 handover, BKN after, by date, from the rule
 * catalog), and the PPK office it will reach.
 */
#ifndef NETRA_CASES_RECOMMEND_H
#define NETRA_CASES_RECOMMEND_H

#include <jansson.h>

#include "cases/cases.h"
#include "store/store_cases.h"

struct recommendation {
	char level[16];
	char institution[64]; /* KASN, BKN, or where a non-ASN matter goes */
	int64_t ppk_office_id;
	json_t *items;   /* array of item ids */
	char *json_text; /* the whole recommendation, stored on the track */
};

/* Build the recommendation inside a write job; the officer may name the
 * items and the level, otherwise the evaluator proposes them from the case. */
int cases_recommend(struct cases_ctx *cx, struct store_conn *c, const struct store_case_row *row,
		    const struct store_track_row *track, const struct transition_req *rq,
		    int64_t now, struct recommendation *out, struct errbuf *eb);
/* Where a matter about someone who is not ASN goes (kepala desa, honorer,
 * TNI, Polri): the catalog's route for the status; no level.  Refused for
 * an ASN terlapor, whose case takes the recommendation path. */
int cases_referral(struct cases_ctx *cx, struct store_conn *c, const struct store_case_row *row,
		   const struct store_track_row *track, int64_t now, struct recommendation *out,
		   struct errbuf *eb);
void recommendation_release(struct recommendation *r);

#endif
