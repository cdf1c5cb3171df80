/*
 * cases_recommend.c - the recommendation for one terlapor, from the rule
 * catalog: the evaluator reads the case (its description, or the items the
 * officer named), the terlapor's employee status, the date of the act and
 * the election, and answers with the level, the forms the PPK may choose,
 * the legal basis and the route, whose recommending institution depends on
 * the date the recommendation is made (KASN until the September 2024
 * handover, BKN after).  An officer may set a different level; the answer
 * records both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases/cases_internal.h"
#include "cases/recommend.h"
#include "cases/workflow.h"
#include "check/check.h"
#include "rules/rules.h"
#include "store/store_cases.h"
#include "store/store_users.h"

void
recommendation_release(struct recommendation *r)
{
	json_decref(r->items);
	free(r->json_text);
	r->items = NULL;
	r->json_text = NULL;
}

/* The most severe of two levels ("" < moral < ... < ptdh). */
static const char *
worse(const char *a, const char *b)
{
	return wf_level_rank(b) > wf_level_rank(a) ? b : a;
}

static int
evaluate(const struct cases_ctx *cx, const struct store_case_row *row,
	 const struct store_track_row *track, const char *description, const char *item,
	 struct date today, struct arena *a, json_t **answer, struct errbuf *eb)
{
	char today_s[DATE_STRLEN], act[DATE_STRLEN];
	json_t *q = json_object();
	int rc;

	date_format(today, today_s);
	if (row->occurred_on[0])
		cstr_copy(act, sizeof(act), row->occurred_on);
	else
		date_format(time_local_date(row->received_at, cases_zone(row->tz)->offset_min),
			    act);
	if (item)
		json_object_set_new(q, "item", json_string(item));
	else
		json_object_set_new(q, "text", json_string(description ? description : ""));
	json_object_set_new(q, "status", json_string(track->status[0] ? track->status : "unknown"));
	json_object_set_new(q, "date", json_string(act));
	json_object_set_new(q, "handling_date", json_string(today_s));
	json_object_set_new(q, "election", json_string(row->election));
	rc = check_run(cx->check, q, a, answer, NULL, eb);
	json_decref(q);
	return rc;
}

int
cases_recommend(struct cases_ctx *cx, struct store_conn *c, const struct store_case_row *row,
		const struct store_track_row *track, const struct transition_req *rq, int64_t now,
		struct recommendation *out, struct errbuf *eb)
{
	struct store_scope all = {.all = true};
	struct store_office ppk;
	struct arena a;
	struct date today = time_local_date(now, cases_zone(row->tz)->offset_min);
	json_t *detail = NULL, *answers = json_array(), *ans, *items = json_array(), *v;
	const char *level = "", *institution = NULL, *verdict = NULL;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	arena_init(&a, 16384);
	if (cx->check == NULL) {
		errbuf_set(eb, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
		goto out;
	}
	if (store_case_detail(c, &all, row->id, &detail, eb) < 0)
		goto out;
	if (rq->items && json_array_size(rq->items) > 0) {
		json_array_foreach(rq->items, i, v)
		{
			if (!json_is_string(v) ||
			    evaluate(cx, row, track, NULL, json_string_value(v), today, &a, &ans,
				     eb) < 0) {
				if (!json_is_string(v))
					errbuf_set_field(eb, ERR_INVALID_INPUT, "items",
							 "items harus daftar kode butir katalog");
				goto out;
			}
			json_array_append_new(answers, ans);
		}
	} else {
		if (evaluate(cx, row, track,
			     json_string_value(json_object_get(detail, "description")), NULL, today,
			     &a, &ans, eb) < 0)
			goto out;
		json_array_append_new(answers, ans);
	}
	json_array_foreach(answers, i, ans)
	{
		const char *lv = json_string_value(json_object_get(ans, "level"));
		json_t *it = json_object_get(ans, "items"), *x;
		size_t k;

		if (lv)
			level = worse(level, lv);
		verdict = json_string_value(json_object_get(ans, "verdict"));
		if (institution == NULL)
			institution = json_string_value(
				json_object_get(json_object_get(ans, "route"), "recommending"));
		json_array_foreach(it, k, x) if (json_is_true(json_object_get(x, "applies")) ||
						 json_object_get(x, "applies") == NULL)
			json_array_append_new(
				items, json_string(json_string_value(json_object_get(x, "id"))));
	}
	if (rq->level && rq->level[0]) {
		if (wf_level_rank(rq->level) < 0) {
			errbuf_set_field(eb, ERR_INVALID_INPUT, "level",
					 "tingkat harus moral, ringan, sedang, berat atau ptdh");
			goto out;
		}
		level = rq->level;
	}
	if (level[0] == '\0' && verdict && strcmp(verdict, "bukan_asn") == 0) {
		errbuf_set_code(
			eb, ERR_UNPROCESSABLE, "not_asn",
			"terlapor bukan ASN (%s): gunakan 'rujuk' untuk meneruskan perkara ke "
			"instansi yang berwenang",
			track->status);
		goto out;
	}
	if (level[0] == '\0') {
		errbuf_set_code(eb, ERR_UNPROCESSABLE, "no_level",
				"katalog tidak menemukan pelanggaran dengan tingkat sanksi untuk "
				"terlapor ini (putusan evaluator: %s); sebutkan butir (items) atau "
				"tingkat (level) yang direkomendasikan",
				verdict ? verdict : "tidak_cukup_informasi");
		goto out;
	}
	if (institution == NULL)
		institution = "BKN";
	/* the PPK: named by the officer, or the one of the case's region */
	if (rq->ppk_office && rq->ppk_office[0]) {
		if (store_office_get_by_code(c, rq->ppk_office, &ppk, eb) < 0 ||
		    strcmp(ppk.kind, "ppk") != 0) {
			errbuf_set_field(eb, ERR_INVALID_INPUT, "ppk_office",
					 "kantor PPK '%s' tidak ditemukan", rq->ppk_office);
			goto out;
		}
		out->ppk_office_id = ppk.id;
	} else if (store_office_for_region(c, "ppk", row->region_code, &ppk, NULL) == 0) {
		out->ppk_office_id = ppk.id;
	}
	cstr_copy(out->level, sizeof(out->level), level);
	cstr_copy(out->institution, sizeof(out->institution), institution);
	out->items = items;
	items = NULL;
	{
		json_t *whole =
			json_pack("{s:s, s:s, s:O, s:s?, s:O}", "level", out->level, "institution",
				  out->institution, "items", out->items, "level_set_by_officer",
				  rq->level && rq->level[0] ? "ya" : NULL, "evaluation", answers);

		out->json_text = json_dumps(whole, JSON_COMPACT);
		json_decref(whole);
	}
	rc = 0;
out:
	json_decref(items);
	json_decref(answers);
	json_decref(detail);
	arena_release(&a);
	return rc;
}

int
cases_referral(struct cases_ctx *cx, struct store_conn *c, const struct store_case_row *row,
	       const struct store_track_row *track, int64_t now, struct recommendation *out,
	       struct errbuf *eb)
{
	struct date today = time_local_date(now, cases_zone(row->tz)->offset_min);
	struct store_scope all = {.all = true};
	struct arena a;
	json_t *ans = NULL, *route, *detail = NULL;
	const char *verdict, *to, *text;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	arena_init(&a, 16384);
	if (cx->check == NULL) {
		errbuf_set(eb, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
		goto out;
	}
	/* the route depends on the status and the date, whatever the conduct */
	if (store_case_detail(c, &all, row->id, &detail, eb) < 0 ||
	    evaluate(cx, row, track, json_string_value(json_object_get(detail, "description")),
		     NULL, today, &a, &ans, eb) < 0)
		goto out;
	verdict = json_string_value(json_object_get(ans, "verdict"));
	route = json_object_get(ans, "route");
	to = json_string_value(json_object_get(route, "recommending"));
	text = json_string_value(json_object_get(route, "text"));
	if (verdict == NULL || strcmp(verdict, "bukan_asn") != 0 || to == NULL) {
		errbuf_set_code(
			eb, ERR_CONFLICT, "is_asn",
			"terlapor berstatus %s adalah ASN: gunakan rekomendasi, bukan rujukan",
			track->status[0] ? track->status : "tidak diketahui");
		goto out;
	}
	cstr_copy(out->institution, sizeof(out->institution), to);
	out->items = json_array();
	{
		json_t *whole = json_pack("{s:s, s:s, s:s?}", "referral", to, "status",
					  track->status, "route", text);

		out->json_text = json_dumps(whole, JSON_COMPACT);
		json_decref(whole);
	}
	rc = 0;
out:
	json_decref(ans);
	json_decref(detail);
	arena_release(&a);
	return rc;
}
