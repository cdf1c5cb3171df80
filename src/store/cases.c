/*
 * cases.c - storage of cases, tracks, deadlines, evidence, witnesses,
 * notes, and the case read models.
 *
 * Scope is applied inside every query that reads cases.  Point lookups use
 * one statement with the scope as bound parameters ?2..?6 (SCOPE_WHERE,
 * store_internal.h); lists use one of sixteen statements built once at
 * start-up from the scope's level fragments (store_scope_split(): scope
 * level x analyst x PPK) and the shared inbox filter (fragments.c), so
 * that each can use an ordered index scan (cases_prov, cases_kabkota,
 * cases_recommended).  Only the structure varies between them; every value
 * is bound.  The states a claim may take come from domain/case_states.h,
 * bound, never listed here.  Per-case deadline lookups name
 * deadlines_case: left to itself the planner may walk deadlines_open
 * (status, due_on) across every open deadline for each row.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/q_cases.h"
#include "store/search.h"
#include "store/store_internal.h"

/* --- writes --------------------------------------------------------------- */

int
store_case_insert(struct store_conn *c, const struct store_case_new *n, int64_t *id,
		  struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"INSERT INTO cases(code, kind, election, election_kind, state, region_code, prov,"
		" kabkota, office_id, received_at, tz, occurred_on, known_on, place, description,"
		" pelapor_sealed, sealed_office, missing, channel, updated_at, description_fold)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?10,"
		"?20)"
		" ON CONFLICT DO NOTHING RETURNING id",
		eb);
	char prov[3], kab[6], *key;
	int rc;

	if (s == NULL)
		return -1;
	store_region_levels(n->region_code, prov, kab);
	key = search_key_dup(n->description ? n->description : "");
	db_bind_text(s, 20, key);
	free(key);
	db_bind_text(s, 1, n->code);
	db_bind_text(s, 2, n->kind);
	db_bind_text(s, 3, n->election);
	db_bind_text(s, 4, n->election_kind);
	db_bind_text(s, 5, n->state);
	db_bind_text(s, 6, n->region_code);
	db_bind_text(s, 7, prov);
	db_bind_text(s, 8, kab);
	db_bind_int(s, 9, n->office_id);
	db_bind_int(s, 10, n->received_at);
	db_bind_text(s, 11, n->tz);
	db_bind_text(s, 12, n->occurred_on);
	db_bind_text(s, 13, n->known_on);
	db_bind_text(s, 14, n->place);
	db_bind_text(s, 15, n->description);
	if (n->sealed)
		db_bind_blob(s, 16, n->sealed, n->sealed_len);
	db_bind_opt_id(s, 17, n->sealed_office);
	db_bind_text(s, 18, n->missing_json ? n->missing_json : "[]");
	db_bind_text(s, 19, n->channel ? n->channel : "web");
	/* a taken code inserts nothing (no error, so the job goes on and
	 * draws again on either engine) */
	rc = db_step(s);
	if (rc == DB_DONE)
		return errbuf_set_code(eb, ERR_CONFLICT, "duplicate_code",
				       "kode pelacakan sudah ada");
	if (rc != DB_ROW)
		return db_error(c, eb, "case insert");
	*id = db_col_int(s, 0);
	return 0;
}

int
store_person_upsert(struct store_conn *c, const struct store_track_new *t, const char *name_norm,
		    const char *region, int64_t now, int64_t *id, struct errbuf *eb)
{
	struct db_stmt *s;

	if (t->nip && t->nip[0]) {
		s = db_prep(c,
			    "INSERT INTO persons(name, name_norm, nip, nik, status, position,"
			    " region_code, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"
			    " ON CONFLICT(nip) WHERE nip IS NOT NULL DO UPDATE SET"
			    " name = excluded.name, name_norm = excluded.name_norm,"
			    " position = coalesce(excluded.position, persons.position),"
			    " status = excluded.status RETURNING id",
			    eb);
	} else {
		s = db_prep(
			c,
			"INSERT INTO persons(name, name_norm, nip, nik, status, position,"
			" region_code, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) RETURNING id",
			eb);
	}
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, t->name);
	db_bind_text(s, 2, name_norm);
	db_bind_text(s, 3, t->nip && t->nip[0] ? t->nip : NULL);
	db_bind_text(s, 4, t->nik && t->nik[0] ? t->nik : NULL);
	db_bind_text(s, 5, t->status);
	db_bind_text(s, 6, t->position);
	db_bind_text(s, 7, region);
	db_bind_int(s, 8, now);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "person upsert");
	*id = db_col_int(s, 0);
	return 0;
}

int
store_track_insert(struct store_conn *c, int64_t case_id, const struct store_track_new *t,
		   int64_t now, int64_t *id, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"INSERT INTO tracks(case_id, person_id, name, nip, nik, agency,"
			" position, status, state, ppk_office_id, updated_at, name_fold)"
			" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) RETURNING id",
			eb);
	char *key;

	if (s == NULL)
		return -1;
	key = search_key_dup(t->name ? t->name : "");
	db_bind_text(s, 12, key);
	free(key);
	db_bind_int(s, 1, case_id);
	db_bind_opt_id(s, 2, t->person_id);
	db_bind_text(s, 3, t->name);
	db_bind_text(s, 4, t->nip && t->nip[0] ? t->nip : NULL);
	db_bind_text(s, 5, t->nik && t->nik[0] ? t->nik : NULL);
	db_bind_text(s, 6, t->agency);
	db_bind_text(s, 7, t->position);
	db_bind_text(s, 8, t->status);
	db_bind_text(s, 9, t->state);
	db_bind_opt_id(s, 10, t->ppk_office_id);
	db_bind_int(s, 11, now);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "track insert");
	if (id)
		*id = db_col_int(s, 0);
	return 0;
}

int
store_witness_insert(struct store_conn *c, int64_t case_id, const char *name, const char *address,
		     const char *phone, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "INSERT INTO witnesses(case_id, name, address, phone) VALUES (?1,?2,?3,?4)", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, address);
	db_bind_text(s, 4, phone);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "witness insert");
	return 0;
}

int
store_evidence_insert(struct store_conn *c, int64_t case_id, const struct store_evidence_new *e,
		      int64_t now, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"INSERT INTO evidence(case_id, kind, sha256, mime, size, filename,"
			" url, note, added_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
			eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	db_bind_text(s, 2, e->kind);
	db_bind_text(s, 3, e->sha256);
	db_bind_text(s, 4, e->mime);
	if (e->size > 0)
		db_bind_int(s, 5, e->size);
	db_bind_text(s, 6, e->filename);
	db_bind_text(s, 7, e->url);
	db_bind_text(s, 8, e->note);
	db_bind_int(s, 9, now);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "evidence insert");
	return 0;
}

int
store_deadline_insert(struct store_conn *c, const struct store_deadline_new *d, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"INSERT INTO deadlines(case_id, track_id, rule, start_on, due_on, tz,"
			" explanation, status, provisional, provisional_reason)"
			" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
			eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, d->case_id);
	db_bind_opt_id(s, 2, d->track_id);
	db_bind_text(s, 3, d->rule);
	db_bind_text(s, 4, d->start_on);
	db_bind_text(s, 5, d->due_on);
	db_bind_text(s, 6, d->tz);
	db_bind_text(s, 7, d->explanation_json);
	db_bind_text(s, 8, d->status ? d->status : "open");
	db_bind_int(s, 9, d->provisional ? 1 : 0);
	db_bind_text(s, 10, d->provisional ? d->provisional_reason : NULL);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "deadline insert");
	return 0;
}

int
store_deadline_close(struct store_conn *c, int64_t case_id, int64_t track_id, const char *rule,
		     const char *status, const char *today, int64_t at, const char *reason,
		     int *closed, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"UPDATE deadlines SET status = CASE WHEN ?5 = 'met' AND due_on < ?6 THEN 'missed'"
		" ELSE ?5 END, closed_at = ?7, reason = ?8"
		" WHERE case_id = ?1 AND status = 'open'"
		" AND (?2 = -1 OR (?2 = 0 AND track_id IS NULL) OR track_id = ?2)"
		" AND (CAST(?3 AS text) IS NULL OR rule = ?3)",
		eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	db_bind_int(s, 2, track_id);
	db_bind_text(s, 3, rule);
	db_bind_text(s, 5, status);
	db_bind_text(s, 6, today ? today : "0000-00-00");
	db_bind_int(s, 7, at);
	db_bind_text(s, 8, reason);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "deadline close");
	if (closed)
		*closed = db_changes(c);
	return 0;
}

int
store_deadline_open_start(struct store_conn *c, int64_t case_id, const char *rule, char start[11],
			  struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"SELECT start_on FROM deadlines WHERE case_id = ?1 AND rule = ?2"
			" AND status = 'open' AND track_id IS NULL ORDER BY id DESC LIMIT 1",
			eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	db_bind_text(s, 2, rule);
	if (db_step(s) != DB_ROW)
		return errbuf_set(eb, ERR_NOT_FOUND, "tenggat %s tidak sedang berjalan", rule);
	db_col_text_copy(s, 0, start, 11);
	return 0;
}

int
store_note_insert(struct store_conn *c, int64_t case_id, int64_t user_id, int64_t now,
		  const char *body, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "INSERT INTO notes(case_id, user_id, at, body) VALUES (?1,?2,?3,?4)", eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	db_bind_int(s, 2, user_id);
	db_bind_int(s, 3, now);
	db_bind_text(s, 4, body);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "note insert");
	return 0;
}

/* --- rows ------------------------------------------------------------------- */

/* CASE_ROW_COLS: q_cases.h */
static void
read_case_row(struct db_stmt *s, struct store_case_row *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_int(s, 0);
	db_col_text_copy(s, 1, o->code, sizeof(o->code));
	db_col_text_copy(s, 2, o->kind, sizeof(o->kind));
	db_col_text_copy(s, 3, o->election, sizeof(o->election));
	db_col_text_copy(s, 4, o->election_kind, sizeof(o->election_kind));
	db_col_text_copy(s, 5, o->state, sizeof(o->state));
	db_col_text_copy(s, 6, o->region_code, sizeof(o->region_code));
	o->office_id = db_col_int(s, 7);
	o->received_at = db_col_int(s, 8);
	db_col_text_copy(s, 9, o->tz, sizeof(o->tz));
	db_col_text_copy(s, 10, o->occurred_on, sizeof(o->occurred_on));
	db_col_text_copy(s, 11, o->known_on, sizeof(o->known_on));
	o->assigned_to = db_col_int(s, 12);
	o->merged_into = db_col_int(s, 13);
	o->has_sealed = db_col_int(s, 14) != 0;
	o->sealed_office = db_col_int(s, 15);
}

int
store_case_row_get(struct store_conn *c, const struct store_scope *sc, int64_t id,
		   struct store_case_row *out, struct errbuf *eb)
{
	/* the one rule for deciding on a case's current state: a write job
	 * reads the row locked (PostgreSQL: FOR UPDATE, held to the commit),
	 * so what it checks is what it changes, whatever other nodes do */
	struct db_stmt *s =
		c->writer ? DB_PREP_NAMED(c, case_row_lock, eb) : db_prep(c, Q_CASE_ROW, eb);
	int rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	scope_bind(s, sc);
	rc = db_step(s);
	if (rc == DB_ROW) {
		read_case_row(s, out);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "kasus tidak ditemukan");
	return db_error(c, eb, "case get");
}

int
store_case_row_by_code(struct store_conn *c, const char *code, struct store_case_row *out,
		       struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c, "SELECT " CASE_ROW_COLS " FROM cases c WHERE c.code = ?1", eb);
	int rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, code);
	rc = db_step(s);
	if (rc == DB_ROW) {
		read_case_row(s, out);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "kode pelacakan tidak ditemukan");
	return db_error(c, eb, "case by code");
}

static int
exec_update(struct store_conn *c, const char *sql, int64_t id, int64_t v, const char *text,
	    int64_t now, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, sql, eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	if (v > 0)
		db_bind_int(s, 2, v);
	db_bind_text(s, 3, text);
	db_bind_int(s, 4, now);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "case update");
	if (db_changes(c) != 1)
		return errbuf_set(eb, ERR_NOT_FOUND, "data tidak ditemukan");
	return 0;
}

int
store_case_set_state(struct store_conn *c, int64_t id, const char *state, int64_t now,
		     struct errbuf *eb)
{
	return exec_update(c, "UPDATE cases SET state = ?3, updated_at = ?4 WHERE id = ?1", id, 0,
			   state, now, eb);
}

int
store_case_set_assignee(struct store_conn *c, int64_t id, int64_t user_id, int64_t now,
			struct errbuf *eb)
{
	return exec_update(c, "UPDATE cases SET assigned_to = ?2, updated_at = ?4 WHERE id = ?1",
			   id, user_id, NULL, now, eb);
}

int
store_case_set_merged(struct store_conn *c, int64_t id, int64_t into, int64_t now,
		      struct errbuf *eb)
{
	return exec_update(c, "UPDATE cases SET merged_into = ?2, updated_at = ?4 WHERE id = ?1",
			   id, into, NULL, now, eb);
}

int
store_case_set_recommended(struct store_conn *c, int64_t id, struct errbuf *eb)
{
	return exec_update(c, "UPDATE cases SET recommended = 1 WHERE id = ?1", id, 0, NULL, 0, eb);
}

/* The claim statement per engine (q_cases.h): the claimable states
 * (domain/case_states.h) bound from Q_CLAIM_STATES_BASE on. */
static char *claim_sql[2];
static pthread_once_t claim_once = PTHREAD_ONCE_INIT;

static void
claim_sql_build(void)
{
	static const char *const lock[2] = {
		[DB_SQLITE] = sqlite_q_claim_lock, [DB_PG] = pg_q_claim_lock};
	int e;

	for (e = 0; e < 2; e++) {
		struct buf b;

		buf_init(&b, 4096);
		buf_addstr(&b, Q_CLAIM_HEAD Q_CLAIM_PICK_HEAD);
		store_state_set_sql(&b, CASE_STATES_CLAIMABLE, Q_CLAIM_STATES_BASE);
		buf_addstr(&b, Q_CLAIM_PICK_TAIL);
		buf_addstr(&b, lock[e]);
		buf_addstr(&b, Q_CLAIM_TAIL);
		claim_sql[e] = buf_detach(&b, NULL);
	}
}

int
store_cases_claim(struct store_conn *c, const struct store_scope *sc, int64_t user_id, int n,
		  int64_t now, int64_t *ids, int *nids, struct errbuf *eb)
{
	/* the outer "assigned_to IS NULL" is checked again on the row as it is
	 * when the update takes it, so of concurrent claimers on several nodes
	 * one wins each case; PostgreSQL also skips the rows another claimer
	 * holds (q_cases.h) */
	struct db_stmt *s;
	int rc, k = 0;

	pthread_once(&claim_once, claim_sql_build);
	s = db_prep(c, claim_sql[db_engine_of(c)], eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, 0);
	scope_bind(s, sc);
	db_bind_int(s, 7, user_id);
	db_bind_int(s, 8, now);
	db_bind_int(s, 9, n);
	store_state_set_bind(s, CASE_STATES_CLAIMABLE, Q_CLAIM_STATES_BASE);
	while ((rc = db_step(s)) == DB_ROW)
		if (k < n)
			ids[k++] = db_col_int(s, 0);
	if (rc != DB_DONE)
		return db_error(c, eb, "claim");
	*nids = k;
	return 0;
}

/* an office whose region holds region ?2: the scope rule, read the other way */
#define OFFICE_HOLDS_REGION REGION_WITHIN("?2", "region_code")

int
store_office_for_region(struct store_conn *c, const char *kind, const char *region,
			struct store_office *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT id FROM offices WHERE kind = ?1 AND (region_code = ''"
				    " OR " OFFICE_HOLDS_REGION ")"
				    " ORDER BY length(region_code) DESC, id LIMIT 1",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, kind);
	db_bind_text(s, 2, region);
	rc = db_step(s);
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "tidak ada kantor %s untuk wilayah %s", kind,
				  region[0] ? region : "nasional");
	if (rc != DB_ROW)
		return db_error(c, eb, "office for region");
	return store_office_get(c, db_col_int(s, 0), out, eb);
}

int
store_case_sealed(struct store_conn *c, int64_t id, unsigned char **blob, size_t *len,
		  int64_t *office_id, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c, "SELECT pelapor_sealed, coalesce(sealed_office, 0) FROM cases WHERE id = ?1",
		eb);
	int n;

	*blob = NULL;
	*len = 0;
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	if (db_step(s) != DB_ROW)
		return errbuf_set(eb, ERR_NOT_FOUND, "kasus tidak ditemukan");
	n = db_col_bytes(s, 0);
	if (n <= 0)
		return errbuf_set_code(
			eb, ERR_NOT_FOUND, "no_identity",
			"laporan ini tidak memuat identitas pelapor (informasi awal)");
	*blob = xmalloc((size_t)n);
	memcpy(*blob, db_col_blob(s, 0, NULL), (size_t)n);
	*len = (size_t)n;
	*office_id = db_col_int(s, 1);
	return 0;
}

/* --- tracks ----------------------------------------------------------------- */

int
store_tracks_of_case(struct store_conn *c, int64_t case_id, struct store_track_row *out, size_t max,
		     size_t *n, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"SELECT id, case_id, coalesce(person_id, 0),"
			" coalesce(ppk_office_id, 0), name, coalesce(nip, ''), status, state,"
			" coalesce(rec_level, ''), coalesce(rec_institution, ''),"
			" coalesce(rec_at, 0) FROM tracks WHERE case_id = ?1 ORDER BY id",
			eb);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	while ((rc = db_step(s)) == DB_ROW && *n < max) {
		struct store_track_row *t = &out[(*n)++];

		memset(t, 0, sizeof(*t));
		t->id = db_col_int(s, 0);
		t->case_id = db_col_int(s, 1);
		t->person_id = db_col_int(s, 2);
		t->ppk_office_id = db_col_int(s, 3);
		db_col_text_copy(s, 4, t->name, sizeof(t->name));
		db_col_text_copy(s, 5, t->nip, sizeof(t->nip));
		db_col_text_copy(s, 6, t->status, sizeof(t->status));
		db_col_text_copy(s, 7, t->state, sizeof(t->state));
		db_col_text_copy(s, 8, t->rec_level, sizeof(t->rec_level));
		db_col_text_copy(s, 9, t->rec_institution, sizeof(t->rec_institution));
		t->rec_at = db_col_int(s, 10);
	}
	if (rc != DB_DONE && rc != DB_ROW)
		return db_error(c, eb, "tracks");
	return 0;
}

int
store_track_set_state(struct store_conn *c, int64_t track_id, const char *state, int64_t now,
		      struct errbuf *eb)
{
	return exec_update(c, "UPDATE tracks SET state = ?3, updated_at = ?4 WHERE id = ?1",
			   track_id, 0, state, now, eb);
}

int
store_track_set_recommendation(struct store_conn *c, int64_t track_id, const char *rec_json,
			       const char *level, const char *institution, int64_t ppk_office_id,
			       int64_t at, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"UPDATE tracks SET rec_json = ?2, rec_level = ?3,"
			" rec_institution = ?4, ppk_office_id = coalesce(?5, ppk_office_id),"
			" rec_at = ?6, updated_at = ?6 WHERE id = ?1",
			eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, track_id);
	db_bind_text(s, 2, rec_json);
	db_bind_text(s, 3, level);
	db_bind_text(s, 4, institution);
	db_bind_opt_id(s, 5, ppk_office_id);
	db_bind_int(s, 6, at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "track recommendation");
	return 0;
}

int
store_track_set_sanction(struct store_conn *c, int64_t track_id, const char *form,
			 const char *level, const char *sk, const char *on, const char *cmp,
			 int64_t at, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "UPDATE tracks SET sanction_form = ?2, sanction_level = ?3,"
				    " sanction_sk = ?4, sanction_on = ?5, sanction_cmp = ?6,"
				    " sanction_at = ?7, updated_at = ?7 WHERE id = ?1",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, track_id);
	db_bind_text(s, 2, form);
	db_bind_text(s, 3, level);
	db_bind_text(s, 4, sk);
	db_bind_text(s, 5, on);
	db_bind_text(s, 6, cmp);
	db_bind_int(s, 7, at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "track sanction");
	return 0;
}

/* --- read models -------------------------------------------------------------- */

static json_t *
col_json_text(struct db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);

	return t ? json_string(t) : json_null();
}

static json_t *
col_json_parsed(struct db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);
	json_t *j;

	if (t == NULL)
		return json_null();
	j = json_loads(t, JSON_DECODE_ANY, NULL);
	return j ? j : json_string(t);
}

static json_t *
iso_time(int64_t t, const char *tzname)
{
	const struct tz *z = tz_find(str_from(tzname));
	char buf[TIME_STRLEN];

	time_format_iso(t, z ? z->offset_min : 0, buf);
	return json_string(buf);
}

static int
add_rows(struct store_conn *c, struct db_stmt *s, json_t *arr, const char *const *names,
	 const char *types, struct errbuf *eb)
{
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		json_t *o = json_object();
		int i;

		for (i = 0; names[i]; i++) {
			json_t *v;

			if (db_col_null(s, i))
				v = json_null();
			else if (types[i] == 'i')
				v = json_integer(db_col_int(s, i));
			else if (types[i] == 'j')
				v = col_json_parsed(s, i);
			else if (types[i] == 'b')
				v = json_boolean(db_col_int(s, i));
			else
				v = col_json_text(s, i);
			json_object_set_new(o, names[i], v);
		}
		json_array_append_new(arr, o);
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "read");
	return 0;
}

/* Rows of one child table of case case_id (?1; ?2 is ppk unless ppk < 0)
 * as an array at key of o. */
static int
child_rows(struct store_conn *c, json_t *o, const char *key, const char *sql, int64_t case_id,
	   int64_t ppk, const char *const *names, const char *types, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, sql, eb);
	json_t *arr;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, case_id);
	if (ppk >= 0)
		db_bind_int(s, 2, ppk);
	arr = json_array();
	json_object_set_new(o, key, arr);
	return add_rows(c, s, arr, names, types, eb);
}

/* "provisional_reason" and "provisional_years" are there only when
 * provisional is true (as in the deadline engine's JSON). */
static void
drop_null_reasons(json_t *deadlines)
{
	size_t i;
	json_t *d;

	json_array_foreach(deadlines, i, d)
	{
		if (json_is_null(json_object_get(d, "provisional_reason")))
			json_object_del(d, "provisional_reason");
		if (json_is_null(json_object_get(d, "provisional_years")))
			json_object_del(d, "provisional_years");
	}
}

int
store_case_detail(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		  struct errbuf *eb)
{
	static const char *const track_cols[] = {"id",
						 "person_id",
						 "name",
						 "nip",
						 "nik",
						 "agency",
						 "position",
						 "status",
						 "state",
						 "ppk_office",
						 "ppk_office_name",
						 "recommendation",
						 "rec_level",
						 "rec_institution",
						 "rec_at",
						 "sanction_form",
						 "sanction_level",
						 "sanction_sk",
						 "sanction_on",
						 "sanction_vs_rec",
						 "person_cases",
						 NULL};
	static const char *const dl_cols[] = {
		"id",     "track_id",    "rule",   "start_on",  "due_on",      "tz",
		"status", "explanation", "reason", "closed_at", "provisional", "provisional_reason",
		NULL};
	static const char *const ev_cols[] = {"id",       "kind", "sha256", "mime",     "size",
					      "filename", "url",  "note",   "added_at", NULL};
	static const char *const wit_cols[] = {"name", "address", "phone", NULL};
	static const char *const note_cols[] = {"id", "at", "author", "body", NULL};
	static const char *const tl_cols[] = {"id",       "at",   "actor", "kind",
					      "track_id", "data", NULL};
	static const char *const merged_cols[] = {"id", "code", NULL};
	struct store_case_row row;
	struct db_stmt *s;
	json_t *o;

	*out = NULL;
	if (store_case_row_get(c, sc, id, &row, eb) < 0)
		return -1;
	s = db_prep(c,
		    "SELECT c.place, c.description, c.missing, c.channel, c.updated_at,"
		    " o.code, o.name, u.username, m.code, c.recommended"
		    " FROM cases c JOIN offices o ON o.id = c.office_id"
		    " LEFT JOIN users u ON u.id = c.assigned_to"
		    " LEFT JOIN cases m ON m.id = c.merged_into WHERE c.id = ?1",
		    eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "case detail");
	o = json_object();
	json_object_set_new(o, "id", json_integer(row.id));
	json_object_set_new(o, "code", json_string(row.code));
	json_object_set_new(o, "kind", json_string(row.kind));
	json_object_set_new(o, "election", json_string(row.election));
	json_object_set_new(o, "election_kind", json_string(row.election_kind));
	json_object_set_new(o, "state", json_string(row.state));
	json_object_set_new(o, "region_code", json_string(row.region_code));
	json_object_set_new(o, "received_at", iso_time(row.received_at, row.tz));
	json_object_set_new(o, "received_ts", json_integer(row.received_at));
	json_object_set_new(o, "tz", json_string(row.tz));
	json_object_set_new(o, "occurred_on",
			    row.occurred_on[0] ? json_string(row.occurred_on) : json_null());
	json_object_set_new(o, "known_on",
			    row.known_on[0] ? json_string(row.known_on) : json_null());
	json_object_set_new(o, "place", col_json_text(s, 0));
	json_object_set_new(o, "description", col_json_text(s, 1));
	json_object_set_new(o, "missing", col_json_parsed(s, 2));
	json_object_set_new(o, "channel", col_json_text(s, 3));
	json_object_set_new(o, "updated_at", iso_time(db_col_int(s, 4), row.tz));
	json_object_set_new(
		o, "office",
		json_pack("{s:o, s:o}", "code", col_json_text(s, 5), "name", col_json_text(s, 6)));
	json_object_set_new(o, "assigned_to", col_json_text(s, 7));
	json_object_set_new(o, "merged_into",
			    row.merged_into
				    ? json_pack("{s:I, s:o}", "id", (json_int_t)row.merged_into,
						"code", col_json_text(s, 8))
				    : json_null());
	json_object_set_new(o, "recommended", json_boolean(db_col_int(s, 9)));
	json_object_set_new(
		o, "pelapor",
		json_pack("{s:b, s:b}", "present", row.has_sealed, "sealed", row.has_sealed));

	/* tracks: a PPK office sees only its own */
	if (child_rows(c, o, "tracks",
		       "SELECT t.id, t.person_id, t.name, t.nip, t.nik, t.agency, t.position, "
		       "t.status,"
		       " t.state, po.code, po.name, t.rec_json, t.rec_level, t.rec_institution,"
		       " t.rec_at, t.sanction_form, t.sanction_level, t.sanction_sk, t.sanction_on,"
		       " t.sanction_cmp, (SELECT count(DISTINCT t2.case_id) FROM tracks t2 WHERE"
		       " t2.person_id = t.person_id)"
		       " FROM tracks t LEFT JOIN offices po ON po.id = t.ppk_office_id"
		       " WHERE t.case_id = ?1 AND (?2 = 0 OR t.ppk_office_id = ?2) ORDER BY t.id",
		       id, sc->all ? 0 : sc->ppk_office_id, track_cols, "iisssssssssjssisssssi",
		       eb) < 0)
		goto fail;

	if (child_rows(
		    c, o, "deadlines",
		    "SELECT id, track_id, rule, start_on, due_on, tz, status, explanation, reason,"
		    " closed_at, provisional, provisional_reason FROM deadlines WHERE case_id = ?1"
		    " ORDER BY id",
		    id, -1, dl_cols, "iisssssjsibs", eb) < 0)
		goto fail;
	drop_null_reasons(json_object_get(o, "deadlines"));

	if (child_rows(c, o, "evidence",
		       "SELECT id, kind, sha256, mime, size, filename, url, note, added_at"
		       " FROM evidence WHERE case_id = ?1 ORDER BY id",
		       id, -1, ev_cols, "isssisssi", eb) < 0)
		goto fail;

	if (sc->all || sc->ppk_office_id == 0) {
		if (child_rows(c, o, "witnesses",
			       "SELECT name, address, phone FROM witnesses WHERE case_id = ?1 "
			       "ORDER BY id",
			       id, -1, wit_cols, "sss", eb) < 0)
			goto fail;
		if (child_rows(c, o, "notes",
			       "SELECT n.id, n.at, u.username, n.body FROM notes n JOIN users u ON"
			       " u.id = n.user_id WHERE n.case_id = ?1 ORDER BY n.id",
			       id, -1, note_cols, "iiss", eb) < 0)
			goto fail;
	}

	if (child_rows(
		    c, o, "timeline",
		    "SELECT id, at, actor, kind, track_id, data FROM events WHERE case_id = ?1"
		    " AND (?2 = 0 OR track_id IS NULL OR track_id IN (SELECT id FROM tracks WHERE"
		    " case_id = ?1 AND ppk_office_id = ?2)) ORDER BY id",
		    id, sc->all ? 0 : sc->ppk_office_id, tl_cols, "iissij", eb) < 0)
		goto fail;

	if (child_rows(c, o, "merged_from",
		       "SELECT id, code FROM cases WHERE merged_into = ?1 ORDER BY id", id, -1,
		       merged_cols, "is", eb) < 0)
		goto fail;
	*out = o;
	return 0;
fail:
	json_decref(o);
	return -1;
}

/*
 * The sixteen list statements (scope level x analyst x PPK,
 * store_scope_split()) per engine, the inbox filter from ?10 (fragments.c),
 * the limit ?25; and the related-cases query per engine: built once from
 * literal fragments, the engine's own ones from q_cases.h.
 */
static char *list_sql[2][STORE_LEVEL__COUNT][2][2];
static char *related_sql[2];
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static const char *const track_names[2] = {
	[DB_SQLITE] = sqlite_q_track_names, [DB_PG] = pg_q_track_names};

static char *
sql_join(const char *const *parts)
{
	size_t n = 1, i;
	char *out;

	for (i = 0; parts[i]; i++)
		n += strlen(parts[i]);
	out = xmalloc(n);
	out[0] = '\0';
	for (i = 0; parts[i]; i++)
		strcat(out, parts[i]);
	return out;
}

static void
list_sql_build(void)
{
	int e, l, r, p;

	for (e = 0; e < 2; e++) {
		const char *hint = store_deadlines_hint((enum db_engine)e);
		const char *const head[] = {
			"SELECT c.id, c.code, c.kind, c.election, c.state, c.region_code,"
			" c.received_at, c.tz, u.username, substr(c.description, 1, 240),"
			" c.merged_into, ",
			track_names[e],
			", (SELECT d.due_on || ' ' || CAST(d.provisional AS text) || ' ' || d.rule"
			" FROM deadlines d",
			hint,
			" WHERE d.case_id = c.id AND d.status = 'open' ORDER BY d.due_on, d.id"
			" LIMIT 1) FROM cases c LEFT JOIN users u ON u.id = c.assigned_to WHERE ",
			NULL};
		const char *const related[] = {
			"SELECT DISTINCT c.id, c.code, c.state, c.occurred_on, c.received_at,"
			" c.description, ",
			track_names[e],
			", c.merged_into FROM tracks me JOIN persons pm ON pm.id = me.person_id"
			" JOIN persons p ON (p.id = pm.id OR p.name_norm = pm.name_norm"
			" OR (p.nip IS NOT NULL AND p.nip = pm.nip))"
			" JOIN tracks t ON t.person_id = p.id JOIN cases c ON c.id = t.case_id"
			" WHERE me.case_id = ?1 AND c.id <> ?1 AND " SCOPE_WHERE
			" ORDER BY c.id DESC LIMIT 50",
			NULL};
		char *h = sql_join(head);

		for (l = 0; l < STORE_LEVEL__COUNT; l++)
			for (r = 0; r < 2; r++)
				for (p = 0; p < 2; p++) {
					struct buf b;

					buf_init(&b, 8192);
					buf_addstr(&b, h);
					buf_addstr(&b, store_scope_level_where[l]);
					buf_addstr(&b, r ? SCOPE_REC_AND : "");
					buf_addstr(&b, p ? SCOPE_PPK_CASES_AND : "");
					store_inbox_filter_sql(&b, 10, (enum db_engine)e);
					buf_addstr(&b, " ORDER BY c.id DESC LIMIT ?25");
					list_sql[e][l][r][p] = buf_detach(&b, NULL);
				}
		related_sql[e] = sql_join(related);
		free(h);
	}
}

static int
tz_index(const char *tzname)
{
	if (strcmp(tzname, "WIB") == 0)
		return 0;
	if (strcmp(tzname, "WITA") == 0)
		return 1;
	return 2;
}

int
store_case_list(struct store_conn *c, const struct store_scope *sc,
		const struct store_case_filter *f, store_case_item_fn fn, void *arg,
		int64_t *next_before, struct errbuf *eb)
{
	struct store_scope_split sp;
	int limit = f->limit > 0 && f->limit <= 500 ? f->limit : 50, rc, count = 0;
	int64_t last = 0;
	struct db_stmt *s;

	*next_before = 0;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	pthread_once(&list_once, list_sql_build);
	store_scope_split(sc, NULL, &sp);
	s = db_prep(c, list_sql[db_engine_of(c)][sp.level][sp.rec][sp.ppk], eb);
	if (s == NULL)
		return -1;
	store_scope_split_bind(s, &sp, sc);
	store_inbox_filter_bind(s, 10, f);
	db_bind_int(s, 25, limit + 1);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_case_item it;
		const char *next;
		char due[11];
		int tzi;

		if (count == limit) {
			*next_before = last;
			break;
		}
		memset(&it, 0, sizeof(it));
		last = it.id = db_col_int(s, 0);
		it.code = db_col_text(s, 1);
		it.kind = db_col_text(s, 2);
		it.election = db_col_text(s, 3);
		it.state = db_col_text(s, 4);
		it.region_code = db_col_text(s, 5);
		it.received_at = db_col_int(s, 6);
		it.tz = db_col_text(s, 7);
		it.assigned_to = db_col_text(s, 8);
		it.summary = db_col_text(s, 9);
		it.merged_into = db_col_int(s, 10);
		it.terlapor = db_col_text(s, 11);
		next = db_col_text(s, 12);
		tzi = tz_index(it.tz ? it.tz : "");
		/* "YYYY-MM-DD P rule", P the provisional flag */
		if (next && strlen(next) > 13) {
			memcpy(due, next, 10);
			due[10] = '\0';
			it.next_due = due;
			it.next_provisional = next[11] == '1';
			it.next_rule = next + 13;
			it.overdue = strcmp(due, f->today[tzi]) < 0;
			it.due_soon = !it.overdue && strcmp(due, f->soon[tzi]) <= 0;
		}
		if ((rc = fn(arg, &it)) < 0) {
			db_reset(s);
			return rc;
		}
		count++;
	}
	if (rc != DB_ROW && rc != DB_DONE)
		return db_error(c, eb, "case list");
	return 0;
}

int
store_case_public(struct store_conn *c, const char *code, json_t **out, struct errbuf *eb)
{
	static const char *const dl_cols[] = {"rule",
					      "due_on",
					      "status",
					      "provisional",
					      "provisional_reason",
					      "provisional_years",
					      NULL};
	static const char *const step_cols[] = {"at", "kind", "state", NULL};
	struct store_case_row row;
	json_t *o;

	*out = NULL;
	if (store_case_row_by_code(c, code, &row, eb) < 0)
		return -1;
	o = json_object();
	json_object_set_new(o, "code", json_string(row.code));
	json_object_set_new(o, "kind", json_string(row.kind));
	json_object_set_new(o, "election", json_string(row.election));
	json_object_set_new(o, "state", json_string(row.state));
	json_object_set_new(o, "received_at", iso_time(row.received_at, row.tz));
	json_object_set_new(o, "tz", json_string(row.tz));
	if (child_rows(c, o, "deadlines",
		       db_engine_of(c) == DB_PG ? pg_q_case_public_deadlines
						: sqlite_q_case_public_deadlines,
		       row.id, -1, dl_cols, "sssbsj", eb) < 0)
		goto fail;
	drop_null_reasons(json_object_get(o, "deadlines"));
	/* state changes only: no notes, names or reasons */
	if (child_rows(c, o, "steps",
		       db_engine_of(c) == DB_PG ? pg_q_case_public_steps
						: sqlite_q_case_public_steps,
		       row.id, -1, step_cols, "iss", eb) < 0)
		goto fail;
	*out = o;
	return 0;
fail:
	json_decref(o);
	return -1;
}

int
store_case_related(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		   struct errbuf *eb)
{
	static const char *const cols[] = {"id",          "code",        "state",
					   "occurred_on", "received_ts", "description",
					   "terlapor",    "merged_into", NULL};
	struct db_stmt *s;
	json_t *arr;

	*out = NULL;
	pthread_once(&list_once, list_sql_build);
	s = db_prep(c, related_sql[db_engine_of(c)], eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	scope_bind(s, sc);
	arr = json_array();
	if (add_rows(c, s, arr, cols, "isssissi", eb) < 0) {
		json_decref(arr);
		return -1;
	}
	*out = arr;
	return 0;
}
