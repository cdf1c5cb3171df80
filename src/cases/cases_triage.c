/*
 * cases_triage.c - assignment, claiming a batch, internal notes, merging
 * duplicates, duplicate detection, and the custodian's opening of a
 * sealed reporter identity.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth/seal.h"
#include "cases/cases_internal.h"
#include "cases/names.h"
#include "cases/workflow.h"
#include "store/store_cases.h"
#include "store/store_users.h"

/* --- assignment ------------------------------------------------------------ */

struct assign_job {
	const struct principal *who;
	struct store_scope scope;
	int64_t case_id;
	const char *username;
	int64_t now;
};

static int
assign_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct assign_job *j = arg;
	struct store_case_row row;
	struct store_user u;
	int64_t uid = 0;

	if (store_case_row_get(c, &j->scope, j->case_id, &row, eb) < 0)
		return -1;
	if (j->username && j->username[0]) {
		if (store_user_get_by_username(c, j->username, &u, eb) < 0)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "username",
						"petugas '%s' tidak ditemukan", j->username);
		if (!u.active)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "username",
						"akun petugas '%s' tidak aktif", j->username);
		uid = u.id;
	}
	if (store_case_set_assignee(c, row.id, uid, j->now, eb) < 0)
		return -1;
	return cases_record(c, j->who, row.id, 0, "ditugaskan",
			    json_pack("{s:s?}", "to", uid ? j->username : NULL), j->now, eb);
}

int
cases_assign(struct cases_ctx *cx, const struct principal *who, int64_t case_id,
	     const char *username, struct errbuf *eb)
{
	struct assign_job j;

	if (cases_require(who, PERM_CASE_TRIAGE, eb) < 0)
		return -1;
	memset(&j, 0, sizeof(j));
	j.who = who;
	j.case_id = case_id;
	j.username = username;
	j.now = clock_now();
	cases_scope(who, &j.scope);
	return store_write(cx->store, assign_run, &j, eb);
}

struct claim_job {
	const struct principal *who;
	struct store_scope scope;
	int n;
	int64_t ids[200];
	int nids;
	int64_t now;
};

static int
claim_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct claim_job *j = arg;
	int i;

	if (store_cases_claim(c, &j->scope, j->who->user_id, j->n, j->now, j->ids, &j->nids, eb) <
	    0)
		return -1;
	for (i = 0; i < j->nids; i++)
		if (cases_record(c, j->who, j->ids[i], 0, "diklaim",
				 json_pack("{s:s}", "by", j->who->username), j->now, eb) < 0)
			return -1;
	return 0;
}

int
cases_claim(struct cases_ctx *cx, const struct principal *who, int n, json_t **ids,
	    struct errbuf *eb)
{
	struct claim_job *j;
	int i, rc;

	*ids = NULL;
	if (cases_require(who, PERM_CASE_TRIAGE, eb) < 0)
		return -1;
	if (n < 1 || n > 200)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "n",
					"jumlah yang diklaim harus 1 sampai 200");
	j = calloc(1, sizeof(*j));
	if (j == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "memori habis");
	j->who = who;
	j->n = n;
	j->now = clock_now();
	cases_scope(who, &j->scope);
	rc = store_write(cx->store, claim_run, j, eb);
	if (rc == 0) {
		*ids = json_array();
		for (i = 0; i < j->nids; i++)
			json_array_append_new(*ids, json_integer(j->ids[i]));
	}
	free(j);
	return rc;
}

/* --- notes --------------------------------------------------------------------- */

struct note_job {
	const struct principal *who;
	struct store_scope scope;
	int64_t case_id;
	const char *body;
	int64_t now;
};

static int
note_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct note_job *j = arg;
	struct store_case_row row;

	if (store_case_row_get(c, &j->scope, j->case_id, &row, eb) < 0 ||
	    store_note_insert(c, row.id, j->who->user_id, j->now, j->body, eb) < 0)
		return -1;
	/* the log records that a note was written, not what it says */
	return cases_record(c, j->who, row.id, 0, "catatan",
			    json_pack("{s:I}", "length", (json_int_t)strlen(j->body)), j->now, eb);
}

int
cases_note(struct cases_ctx *cx, const struct principal *who, int64_t case_id, const char *body,
	   struct errbuf *eb)
{
	struct note_job j;

	if (cases_require(who, PERM_CASE_TRIAGE, eb) < 0)
		return -1;
	if (body == NULL || body[0] == '\0' || strlen(body) > 10000)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "body",
					"catatan harus diisi (maksimal 10.000 karakter)");
	memset(&j, 0, sizeof(j));
	j.who = who;
	j.case_id = case_id;
	j.body = body;
	j.now = clock_now();
	cases_scope(who, &j.scope);
	return store_write(cx->store, note_run, &j, eb);
}

/* --- merge --------------------------------------------------------------------- */

struct merge_job {
	const struct principal *who;
	struct store_scope scope;
	int64_t case_id, into_id;
	const char *reason;
	int64_t now;
};

static int
merge_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct merge_job *j = arg;
	struct store_case_row a, b;
	char today[DATE_STRLEN];
	int closed = 0;

	/* both rows are read locked (store_case_row_get in a write job), the
	 * lower id first: two nodes merging the same pair, or crossing merges
	 * (A into B while B into A), wait for each other instead of
	 * deadlocking, and the second sees the first's merge below */
	if (j->case_id < j->into_id) {
		if (store_case_row_get(c, &j->scope, j->case_id, &a, eb) < 0)
			return -1;
		if (store_case_row_get(c, &j->scope, j->into_id, &b, eb) < 0)
			return errbuf_set_field(eb, ERR_NOT_FOUND, "into",
						"kasus tujuan tidak ditemukan");
	} else {
		if (store_case_row_get(c, &j->scope, j->into_id, &b, eb) < 0)
			return errbuf_set_field(eb, ERR_NOT_FOUND, "into",
						"kasus tujuan tidak ditemukan");
		if (store_case_row_get(c, &j->scope, j->case_id, &a, eb) < 0)
			return -1;
	}
	if (a.merged_into)
		return errbuf_set_code(eb, ERR_CONFLICT, "merged", "kasus %s sudah digabung",
				       a.code);
	if (b.merged_into)
		return errbuf_set_code(eb, ERR_CONFLICT, "merged",
				       "kasus tujuan %s sendiri sudah digabung ke kasus lain",
				       b.code);
	if (strcmp(a.election, b.election) != 0)
		return errbuf_set_code(eb, ERR_CONFLICT, "election_mismatch",
				       "kasus dari pemilihan yang berbeda tidak dapat digabung");
	date_format(time_local_date(j->now, cases_zone(a.tz)->offset_min), today);
	if (store_case_set_merged(c, a.id, b.id, j->now, eb) < 0 ||
	    store_case_set_state(c, a.id, "digabung", j->now, eb) < 0 ||
	    store_deadline_close(c, a.id, -1, NULL, "stopped", today, j->now, "digabung", &closed,
				 eb) < 0)
		return -1;
	if (cases_record(c, j->who, a.id, 0, "digabung",
			 json_pack("{s:s, s:I, s:s, s:i}", "into", b.code, "into_id",
				   (json_int_t)b.id, "reason", j->reason, "deadlines_stopped",
				   closed),
			 j->now, eb) < 0)
		return -1;
	return cases_record(c, j->who, b.id, 0, "menerima_gabungan",
			    json_pack("{s:s, s:I, s:s}", "from", a.code, "from_id",
				      (json_int_t)a.id, "reason", j->reason),
			    j->now, eb);
}

int
cases_merge(struct cases_ctx *cx, const struct principal *who, int64_t case_id, int64_t into_id,
	    const char *reason, struct errbuf *eb)
{
	struct merge_job j;

	if (cases_require(who, PERM_CASE_TRIAGE, eb) < 0)
		return -1;
	if (case_id == into_id)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "into",
					"kasus tidak dapat digabung dengan dirinya sendiri");
	if (reason == NULL || reason[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "reason",
					"alasan penggabungan harus diisi");
	memset(&j, 0, sizeof(j));
	j.who = who;
	j.case_id = case_id;
	j.into_id = into_id;
	j.reason = reason;
	j.now = clock_now();
	cases_scope(who, &j.scope);
	return store_write(cx->store, merge_run, &j, eb);
}

/* --- duplicates ------------------------------------------------------------------ */

static int
by_score(const void *a, const void *b)
{
	double x = json_real_value(json_object_get(*(json_t *const *)a, "score"));
	double y = json_real_value(json_object_get(*(json_t *const *)b, "score"));

	return x < y ? 1 : x > y ? -1 : 0;
}

int
cases_duplicates(struct cases_ctx *cx, const struct principal *who, int64_t case_id, json_t **out,
		 struct errbuf *eb)
{
	struct store_scope sc;
	struct store_conn *c;
	json_t *me = NULL, *related = NULL, *cands[64], *res;
	size_t i, n = 0;
	int rc = -1;

	*out = NULL;
	if (cases_require(who, PERM_CASE_READ, eb) < 0)
		return -1;
	cases_scope(who, &sc);
	c = store_reader(cx->store);
	if (store_case_detail(c, &sc, case_id, &me, eb) < 0 ||
	    store_case_related(c, &sc, case_id, &related, eb) < 0)
		goto out;
	for (i = 0; i < json_array_size(related) && n < 64; i++) {
		json_t *r = json_array_get(related, i), *reasons = json_array();
		const char *d1 = json_string_value(json_object_get(me, "description"));
		const char *d2 = json_string_value(json_object_get(r, "description"));
		const char *o1 = json_string_value(json_object_get(me, "occurred_on"));
		const char *o2 = json_string_value(json_object_get(r, "occurred_on"));
		double sim = text_similarity(d1, d2), score = 0.45;
		struct date a, b;

		json_array_append_new(reasons, json_string("terlapor yang sama"));
		if (sim >= 0.15) {
			score += 0.35 * (sim > 1 ? 1 : sim) / 0.6;
			json_array_append_new(
				reasons,
				json_sprintf("uraian mirip (%.0f%% kata sama)", sim * 100));
		}
		if (o1 && o2 && date_parse(str_from(o1), &a) == 0 &&
		    date_parse(str_from(o2), &b) == 0) {
			int64_t gap = date_to_days(a) - date_to_days(b);

			if (gap < 0)
				gap = -gap;
			if (gap <= 7) {
				score += 0.2;
				json_array_append_new(
					reasons,
					json_sprintf("tanggal kejadian berselisih %lld hari",
						     (long long)gap));
			}
		}
		if (score > 1)
			score = 1;
		cands[n++] = json_pack("{s:O, s:O, s:O, s:O, s:f, s:o}", "id",
				       json_object_get(r, "id"), "code", json_object_get(r, "code"),
				       "state", json_object_get(r, "state"), "terlapor",
				       json_object_get(r, "terlapor"), "score", score, "reasons",
				       reasons);
	}
	qsort(cands, n, sizeof(json_t *), by_score);
	res = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(res, cands[i]);
	*out = res;
	rc = 0;
out:
	store_reader_done(cx->store, c);
	json_decref(me);
	json_decref(related);
	return rc;
}

/* --- the sealed identity ------------------------------------------------------------ */

struct unseal_job {
	const struct principal *who;
	struct store_scope scope;
	int64_t case_id;
	const char *reason;
	const char *outcome; /* NULL: the request; "gagal"/"dibuka": the result */
	int64_t now;
	unsigned char *blob;
	size_t len;
	int64_t office;
};

static int
unseal_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct unseal_job *j = arg;
	struct store_case_row row;

	if (store_case_row_get(c, &j->scope, j->case_id, &row, eb) < 0)
		return -1;
	if (j->outcome)
		return cases_record(
			c, j->who, row.id, 0, "identitas_pelapor",
			json_pack("{s:s, s:s}", "outcome", j->outcome, "reason", j->reason), j->now,
			eb);
	if (store_case_sealed(c, row.id, &j->blob, &j->len, &j->office, eb) < 0)
		return -1;
	/* the request is on the record before anything is decrypted */
	return cases_record(c, j->who, row.id, 0, "identitas_pelapor",
			    json_pack("{s:s, s:s}", "outcome", "diminta", "reason", j->reason),
			    j->now, eb);
}

int
cases_unseal(struct cases_ctx *cx, const struct principal *who, int64_t case_id, const char *reason,
	     const char *passphrase, json_t **identity, struct errbuf *eb)
{
	struct unseal_job j;
	char *plain = NULL;
	size_t plen = 0;
	struct errbuf open_eb;
	json_error_t jerr;
	int rc;

	*identity = NULL;
	if (cases_require(who, PERM_PELAPOR_UNSEAL, eb) < 0)
		return -1;
	if (reason == NULL || strlen(reason) < 10)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "reason",
					"alasan membuka identitas pelapor harus diisi (minimal 10 "
					"karakter)");
	if (passphrase == NULL || passphrase[0] == '\0')
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "passphrase",
					"frasa sandi kunci kantor harus diisi");
	memset(&j, 0, sizeof(j));
	j.who = who;
	j.case_id = case_id;
	j.reason = reason;
	j.now = clock_now();
	cases_scope(who, &j.scope);
	if (store_write(cx->store, unseal_run, &j, eb) < 0)
		return -1;
	errbuf_clear(&open_eb);
	rc = seal_open(cx->store, j.office, passphrase, j.blob, j.len, &plain, &plen, &open_eb);
	free(j.blob);
	j.blob = NULL;
	j.outcome = rc == 0 ? "dibuka" : "gagal";
	j.now = clock_now();
	if (store_write(cx->store, unseal_run, &j, eb) < 0) {
		if (plain)
			seal_plaintext_free(plain, plen);
		return -1;
	}
	if (rc < 0) {
		*eb = open_eb;
		return -1;
	}
	*identity = json_loadb(plain, plen, 0, &jerr);
	seal_plaintext_free(plain, plen);
	if (*identity == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "identitas tersegel tidak dapat dibaca");
	return 0;
}
