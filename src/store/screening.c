/*
 * screening.c - storage of screened items (the triage queue) and of the
 * watched accounts (see the "screening" block of store.h).
 *
 * Invariants: every statement is a string literal, bound, never
 * formatted.  Scope is part of every query that reads or decides items:
 * point queries bind it as ?2 (all) and ?3 (prefix) in SCOPE_WHERE; the
 * queue has one literal statement per scope level (national, provincial,
 * kab/kota or deeper) so that each is an ordered scan of its index.  A
 * decision is one UPDATE guarded by state = 'baru', so the single writer
 * makes a second decision impossible, not just unlikely.
 */
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "store/store_internal.h"

/* ?2 all, ?3 region prefix: inside the prefix, or unknown region for a
 * national or provincial scope */
#define ITEM_SCOPE_WHERE(t)                                                                        \
	"(?2 = 1 OR ?3 = '' OR (" t ".region_code = '' AND length(?3) = 2) OR " t                  \
	".region_code = ?3 OR " t ".region_code LIKE ?3 || '.%')"

static void
item_scope_bind(struct db_stmt *s, const struct store_scope *sc)
{
	db_bind_int(s, 2, sc->all);
	db_bind_text(s, 3, sc->region_prefix);
}

static json_t *
col_json_text(struct db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);
	json_t *j;

	if (t == NULL)
		return json_null();
	j = json_stringn(t, (size_t)db_col_bytes(s, i));
	return j ? j : json_null();
}

static json_t *
col_json_int(struct db_stmt *s, int i)
{
	if (db_col_null(s, i))
		return json_null();
	return json_integer(db_col_int(s, i));
}

static json_t *
col_json_parsed(struct db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);
	json_t *j;

	if (t == NULL)
		return json_array();
	j = json_loadb(t, (size_t)db_col_bytes(s, i), 0, NULL);
	return j ? j : json_array();
}

/* --- items ------------------------------------------------------------------ */

int
store_screened_insert(struct store_conn *c, const struct store_screened_new *n, bool *inserted,
		      int64_t *id, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"INSERT INTO screened_items(source, external_id, author, url, captured_at, seen_at,"
		" text, content_hash, label, score_pct, items, spans, election, region_code, prov,"
		" kabkota, author_asn, account_id, person_id, channel)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)"
		" ON CONFLICT(content_hash) DO NOTHING RETURNING id",
		eb);
	char prov[3], kab[6];
	int rc;

	*inserted = false;
	if (id)
		*id = 0;
	if (s == NULL)
		return -1;
	store_region_levels(n->region_code, prov, kab);
	db_bind_text(s, 1, n->source ? n->source : "");
	db_bind_text(s, 2, n->external_id);
	db_bind_text(s, 3, n->author);
	db_bind_text(s, 4, n->url);
	db_bind_opt_id(s, 5, n->captured_at);
	db_bind_int(s, 6, n->seen_at);
	db_bind_text(s, 7, n->text);
	db_bind_text(s, 8, n->content_hash);
	db_bind_text(s, 9, n->label);
	db_bind_int(s, 10, n->score_pct);
	db_bind_text(s, 11, n->items_json ? n->items_json : "[]");
	db_bind_text(s, 12, n->spans_json ? n->spans_json : "[]");
	db_bind_text(s, 13, n->election && n->election[0] ? n->election : NULL);
	db_bind_text(s, 14, n->region_code ? n->region_code : "");
	db_bind_text(s, 15, prov);
	db_bind_text(s, 16, kab);
	db_bind_int(s, 17, n->author_asn);
	db_bind_opt_id(s, 18, n->account_id);
	db_bind_opt_id(s, 19, n->person_id);
	db_bind_text(s, 20, n->channel ? n->channel : "cli");
	rc = db_step(s);
	if (rc == DB_ROW) {
		*inserted = true;
		if (id)
			*id = db_col_int(s, 0);
	} else if (rc != DB_DONE) {
		return db_error(c, eb, "screened item insert");
	}
	return 0;
}

/* The read model: columns, then read_item() turns a row into JSON.  ?20 is
 * the excerpt length in characters. */
#define ITEM_COLS                                                                                  \
	"s.id, s.source, s.external_id, s.author, s.url, s.captured_at, s.seen_at,"                \
	" substr(s.text, 1, CAST(?20 AS integer)), length(s.text), s.content_hash, s.label, "      \
	"s.score_pct,"                                                                             \
	" s.items, s.spans, s.election, s.region_code, s.author_asn, s.account_id,"                \
	" a.platform, a.handle, a.name, a.nip, a.agency, a.position, a.status,"                    \
	" a.region_code, s.person_id, s.state, u.username, s.decided_at,"                          \
	" s.decision_reason, s.case_id, k.code, s.channel"
#define ITEM_FROM                                                                                  \
	" FROM screened_items s LEFT JOIN watch_accounts a ON a.id = s.account_id"                 \
	" LEFT JOIN users u ON u.id = s.decided_by LEFT JOIN cases k ON k.id = s.case_id"

/* Keep the spans that lie inside the first nbytes of the text. */
static json_t *
spans_within(json_t *spans, size_t nbytes)
{
	json_t *out = json_array(), *sp;
	size_t i;

	json_array_foreach(spans, i, sp)
	{
		json_int_t end = json_integer_value(json_object_get(sp, "end"));

		if (end >= 0 && (size_t)end <= nbytes)
			json_array_append(out, sp);
	}
	json_decref(spans);
	return out;
}

static json_t *
read_item(struct db_stmt *s, size_t excerpt_chars)
{
	json_t *o = json_object(), *acc, *dec, *spans;
	int64_t chars = db_col_int(s, 8);
	bool cut = excerpt_chars > 0 && chars > (int64_t)excerpt_chars;

	json_object_set_new(o, "id", json_integer(db_col_int(s, 0)));
	json_object_set_new(o, "source", col_json_text(s, 1));
	json_object_set_new(o, "external_id", col_json_text(s, 2));
	json_object_set_new(o, "author", col_json_text(s, 3));
	json_object_set_new(o, "url", col_json_text(s, 4));
	json_object_set_new(o, "captured_ts", col_json_int(s, 5));
	json_object_set_new(o, "seen_ts", col_json_int(s, 6));
	json_object_set_new(o, "text", col_json_text(s, 7));
	json_object_set_new(o, "text_truncated", json_boolean(cut));
	json_object_set_new(o, "content_hash", col_json_text(s, 9));
	json_object_set_new(o, "label", col_json_text(s, 10));
	json_object_set_new(o, "score_pct", json_integer(db_col_int(s, 11)));
	json_object_set_new(o, "items", col_json_parsed(s, 12));
	spans = col_json_parsed(s, 13);
	if (cut)
		spans = spans_within(spans, (size_t)db_col_bytes(s, 7));
	json_object_set_new(o, "spans", spans);
	json_object_set_new(o, "election", col_json_text(s, 14));
	json_object_set_new(o, "region_code", col_json_text(s, 15));
	json_object_set_new(o, "author_asn", json_boolean(db_col_int(s, 16)));
	if (!db_col_null(s, 17)) {
		acc = json_object();
		json_object_set_new(acc, "id", json_integer(db_col_int(s, 17)));
		json_object_set_new(acc, "platform", col_json_text(s, 18));
		json_object_set_new(acc, "handle", col_json_text(s, 19));
		json_object_set_new(acc, "name", col_json_text(s, 20));
		json_object_set_new(acc, "nip", col_json_text(s, 21));
		json_object_set_new(acc, "agency", col_json_text(s, 22));
		json_object_set_new(acc, "position", col_json_text(s, 23));
		json_object_set_new(acc, "status", col_json_text(s, 24));
		json_object_set_new(acc, "region_code", col_json_text(s, 25));
		json_object_set_new(o, "account", acc);
	} else {
		json_object_set_new(o, "account", json_null());
	}
	json_object_set_new(o, "person_id", col_json_int(s, 26));
	json_object_set_new(o, "state", col_json_text(s, 27));
	if (!db_col_null(s, 29)) {
		dec = json_object();
		json_object_set_new(dec, "by", col_json_text(s, 28));
		json_object_set_new(dec, "decided_ts", col_json_int(s, 29));
		json_object_set_new(dec, "reason", col_json_text(s, 30));
		json_object_set_new(dec, "case_id", col_json_int(s, 31));
		json_object_set_new(dec, "case_code", col_json_text(s, 32));
		json_object_set_new(o, "decision", dec);
	} else {
		json_object_set_new(o, "decision", json_null());
	}
	json_object_set_new(o, "channel", col_json_text(s, 33));
	return o;
}

/* The queue, one statement per scope level; ?1 state, ?2 province, ?3
 * kab/kota, ?4 prefix, ?5 label, ?6 min score, ?7 ASN only, ?8/?9 cursor,
 * ?10 limit, ?20 excerpt. */
#define QUEUE_TAIL                                                                                 \
	" AND (CAST(?5 AS text) IS NULL OR s.label = ?5) AND s.score_pct >= ?6 AND (?7 = 0 OR "    \
	"s.author_asn = 1)"                                                                        \
	" AND (s.score_pct < ?8 OR (s.score_pct = ?8 AND s.id < ?9))"                              \
	" ORDER BY s.score_pct DESC, s.id DESC LIMIT ?10"
#define QUEUE_HEAD "SELECT " ITEM_COLS ITEM_FROM " WHERE s.state = ?1 AND "

static const char *const queue_sql[] = {
	QUEUE_HEAD "1 = 1" QUEUE_TAIL,
	QUEUE_HEAD "s.prov IN (?2, '')" QUEUE_TAIL,
	QUEUE_HEAD
	"s.kabkota = ?3 AND (s.region_code = ?4 OR s.region_code LIKE ?4 || '.%')" QUEUE_TAIL,
};

static bool
state_known(const char *s)
{
	return strcmp(s, "baru") == 0 || strcmp(s, "dikonfirmasi") == 0 ||
	       strcmp(s, "diabaikan") == 0;
}

int
store_screened_list(struct store_conn *c, const struct store_scope *sc,
		    const struct store_screened_filter *f, json_t **items, int *next_score,
		    int64_t *next_id, struct errbuf *eb)
{
	const char *state = f->state && f->state[0] ? f->state : "baru";
	size_t plen = strlen(sc->region_prefix);
	int limit = f->limit > 0 && f->limit <= STORE_SCREENED_LIMIT_MAX ? f->limit : 50;
	int level = sc->all || plen == 0 ? 0 : plen <= 2 ? 1 : 2, count = 0, rc;
	char prov[3], kab[6];
	struct db_stmt *s;
	json_t *arr;

	*items = NULL;
	*next_score = 0;
	*next_id = 0;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	if (!state_known(state))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "state",
					"status harus baru, dikonfirmasi atau diabaikan");
	s = db_prep(c, queue_sql[level], eb);
	if (s == NULL)
		return -1;
	store_region_levels(sc->region_prefix, prov, kab);
	db_bind_text(s, 1, state);
	db_bind_text(s, 2, prov);
	db_bind_text(s, 3, kab);
	db_bind_text(s, 4, sc->region_prefix);
	db_bind_text(s, 5, f->label && f->label[0] ? f->label : NULL);
	db_bind_int(s, 6, f->min_score_pct);
	db_bind_int(s, 7, f->asn_only);
	db_bind_int(s, 8, f->after_id > 0 ? f->after_score_pct : 1000);
	db_bind_int(s, 9, f->after_id > 0 ? f->after_id : INT64_MAX);
	db_bind_int(s, 10, limit + 1);
	db_bind_int(s, 20, f->excerpt_chars > 0 ? (int64_t)f->excerpt_chars : INT32_MAX);
	arr = json_array();
	while ((rc = db_step(s)) == DB_ROW) {
		if (count == limit) {
			json_t *last = json_array_get(arr, (size_t)count - 1);

			*next_id = json_integer_value(json_object_get(last, "id"));
			*next_score = (int)json_integer_value(json_object_get(last, "score_pct"));
			break;
		}
		json_array_append_new(arr, read_item(s, f->excerpt_chars));
		count++;
	}
	if (rc != DB_ROW && rc != DB_DONE) {
		json_decref(arr);
		return db_error(c, eb, "screening queue");
	}
	*items = arr;
	return 0;
}

int
store_screened_get(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		   struct errbuf *eb)
{
	struct db_stmt *s;
	int rc;

	*out = NULL;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	s = db_prep(c, "SELECT " ITEM_COLS ITEM_FROM " WHERE s.id = ?1 AND " ITEM_SCOPE_WHERE("s"),
		    eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	item_scope_bind(s, sc);
	db_bind_int(s, 20, INT32_MAX);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*out = read_item(s, 0);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "butir penyaringan tidak ditemukan");
	return db_error(c, eb, "screened item get");
}

int
store_screened_decide(struct store_conn *c, const struct store_scope *sc,
		      const struct store_screened_decision *d, struct errbuf *eb)
{
	bool confirm = d->state && strcmp(d->state, "dikonfirmasi") == 0;
	char prov[3], kab[6];
	struct db_stmt *s;
	int rc;

	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	if (!confirm && !(d->state && strcmp(d->state, "diabaikan") == 0))
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "keputusan harus dikonfirmasi atau diabaikan");
	if (confirm && d->case_id <= 0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "konfirmasi memerlukan kasus temuan");
	if (!confirm && (d->reason == NULL || d->reason[0] == '\0'))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "reason",
					"alasan mengabaikan harus diisi");
	s = db_prep(c,
		    "UPDATE screened_items SET state = ?10, decided_by = ?11, decided_at = ?12,"
		    " decision_reason = ?13, case_id = ?14,"
		    " region_code = coalesce(CAST(?15 AS text), region_code),"
		    " prov = CASE WHEN ?15 IS NULL THEN prov ELSE ?16 END,"
		    " kabkota = CASE WHEN ?15 IS NULL THEN kabkota ELSE ?17 END"
		    " WHERE id = ?1 AND state = 'baru' AND " ITEM_SCOPE_WHERE("screened_items"),
		    eb);
	if (s == NULL)
		return -1;
	store_region_levels(d->region_code, prov, kab);
	db_bind_int(s, 1, d->id);
	item_scope_bind(s, sc);
	db_bind_text(s, 10, d->state);
	db_bind_opt_id(s, 11, d->user_id);
	db_bind_int(s, 12, d->at);
	db_bind_text(s, 13, d->reason && d->reason[0] ? d->reason : NULL);
	db_bind_opt_id(s, 14, confirm ? d->case_id : 0);
	db_bind_text(s, 15, d->region_code);
	db_bind_text(s, 16, prov);
	db_bind_text(s, 17, kab);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "screening decision");
	if (db_changes(c) == 1)
		return 0;
	/* nothing changed: out of scope, absent, or decided already */
	s = db_prep(c,
		    "SELECT state FROM screened_items s WHERE s.id = ?1 AND " ITEM_SCOPE_WHERE("s"),
		    eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, d->id);
	item_scope_bind(s, sc);
	rc = db_step(s);
	if (rc == DB_ROW) {
		char state[16];

		db_col_text_copy(s, 0, state, sizeof(state));
		return errbuf_set_code(eb, ERR_CONFLICT, "already_decided",
				       "butir ini sudah diputuskan (%s); keputusan tidak dapat "
				       "diubah",
				       state);
	}
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "butir penyaringan tidak ditemukan");
	return db_error(c, eb, "screening decision");
}

int
store_screened_stats(struct store_conn *c, const struct store_scope *sc, json_t **rows,
		     struct errbuf *eb)
{
	struct db_stmt *s;
	json_t *arr;
	int rc;

	*rows = NULL;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	s = db_prep(c,
		    "SELECT CASE WHEN s.score_pct >= 90 THEN 9 ELSE s.score_pct / 10 END, s.label,"
		    " s.state, count(*)"
		    " FROM screened_items s WHERE " ITEM_SCOPE_WHERE(
			    "s") " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
		    eb);
	if (s == NULL)
		return -1;
	item_scope_bind(s, sc);
	arr = json_array();
	while ((rc = db_step(s)) == DB_ROW)
		json_array_append_new(arr, json_pack("{s:i, s:o, s:o, s:I}", "band",
						     db_col_int(s, 0), "label", col_json_text(s, 1),
						     "state", col_json_text(s, 2), "n",
						     (json_int_t)db_col_int(s, 3)));
	if (rc != DB_DONE) {
		json_decref(arr);
		return db_error(c, eb, "screening stats");
	}
	*rows = arr;
	return 0;
}

/* --- watched accounts --------------------------------------------------------- */

static const char *
opt_text(const char *s)
{
	return s && s[0] ? s : NULL;
}

/* The person of nip in the registry, created when absent. */
static int
account_person(struct store_conn *c, const struct store_watch_account *a, const char *name_norm,
	       int64_t *person_id, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "SELECT id FROM persons WHERE nip = ?1", eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, a->nip);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*person_id = db_col_int(s, 0);
		return 0;
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "person by nip");
	s = db_prep(c,
		    "INSERT INTO persons(name, name_norm, nip, status, position, region_code,"
		    " created_at) VALUES (?1,?2,?3,?4,?5,?6,?7) RETURNING id",
		    eb);
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, a->name);
	db_bind_text(s, 2, name_norm ? name_norm : "");
	db_bind_text(s, 3, a->nip);
	db_bind_text(s, 4, a->status[0] ? a->status : "unknown");
	db_bind_text(s, 5, opt_text(a->position));
	db_bind_text(s, 6, opt_text(a->region_code));
	db_bind_int(s, 7, a->updated_at);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "person insert");
	*person_id = db_col_int(s, 0);
	return 0;
}

int
store_watch_account_put(struct store_conn *c, struct store_watch_account *a, const char *name_norm,
			bool *created, struct errbuf *eb)
{
	struct db_stmt *s;
	int64_t id = 0;
	int rc;

	if (created)
		*created = false;
	a->person_id = 0;
	if (a->nip[0] && account_person(c, a, name_norm, &a->person_id, eb) < 0)
		return -1;
	s = db_prep(c, "SELECT id FROM watch_accounts WHERE platform = ?1 AND handle = ?2", eb);
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, a->platform);
	db_bind_text(s, 2, a->handle);
	rc = db_step(s);
	if (rc == DB_ROW)
		id = db_col_int(s, 0);
	else if (rc != DB_DONE)
		return db_error(c, eb, "account lookup");
	if (id == 0)
		s = db_prep(c,
			    "INSERT INTO watch_accounts(platform, handle, person_id, name, nip,"
			    " agency, position, status, region_code, note, added_by, added_at,"
			    " updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?12)"
			    " RETURNING id",
			    eb);
	else
		s = db_prep(c,
			    "UPDATE watch_accounts SET person_id = ?3, name = ?4, nip = ?5,"
			    " agency = ?6, position = ?7, status = ?8, region_code = ?9,"
			    " note = ?10, updated_at = ?12 WHERE id = ?13",
			    eb);
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, a->platform);
	db_bind_text(s, 2, a->handle);
	db_bind_opt_id(s, 3, a->person_id);
	db_bind_text(s, 4, a->name);
	db_bind_text(s, 5, opt_text(a->nip));
	db_bind_text(s, 6, opt_text(a->agency));
	db_bind_text(s, 7, opt_text(a->position));
	db_bind_text(s, 8, a->status[0] ? a->status : "unknown");
	db_bind_text(s, 9, a->region_code);
	db_bind_text(s, 10, opt_text(a->note));
	db_bind_text(s, 11, a->added_by);
	db_bind_int(s, 12, a->updated_at);
	if (id)
		db_bind_int(s, 13, id);
	rc = db_step(s);
	if (rc != (id == 0 ? DB_ROW : DB_DONE))
		return db_error(c, eb, "account put");
	if (id == 0) {
		a->id = db_col_int(s, 0);
		a->added_at = a->updated_at;
		if (created)
			*created = true;
	} else {
		a->id = id;
	}
	return 0;
}

int
store_watch_account_delete(struct store_conn *c, const char *platform, const char *handle,
			   struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c, "SELECT id FROM watch_accounts WHERE platform = ?1 AND handle = ?2", eb);
	int64_t id;
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, platform);
	db_bind_text(s, 2, handle);
	rc = db_step(s);
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "akun %s%s%s tidak ada dalam daftar pantauan",
				  platform, platform[0] ? "/" : "", handle);
	if (rc != DB_ROW)
		return db_error(c, eb, "account lookup");
	id = db_col_int(s, 0);
	/* items keep their author_asn flag and person, and lose the link */
	s = db_prep(c, "UPDATE screened_items SET account_id = NULL WHERE account_id = ?1", eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "account unlink");
	s = db_prep(c, "DELETE FROM watch_accounts WHERE id = ?1", eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "account delete");
	return 0;
}

int
store_watch_account_list(struct store_conn *c, store_watch_account_fn fn, void *arg,
			 struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"SELECT id, platform, handle, coalesce(person_id, 0), name, nip, agency, position,"
		" status, region_code, note, added_by, added_at, updated_at FROM watch_accounts"
		" ORDER BY platform, handle",
		eb);
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_watch_account a;
		int stop;

		memset(&a, 0, sizeof(a));
		a.id = db_col_int(s, 0);
		db_col_text_copy(s, 1, a.platform, sizeof(a.platform));
		db_col_text_copy(s, 2, a.handle, sizeof(a.handle));
		a.person_id = db_col_int(s, 3);
		db_col_text_copy(s, 4, a.name, sizeof(a.name));
		db_col_text_copy(s, 5, a.nip, sizeof(a.nip));
		db_col_text_copy(s, 6, a.agency, sizeof(a.agency));
		db_col_text_copy(s, 7, a.position, sizeof(a.position));
		db_col_text_copy(s, 8, a.status, sizeof(a.status));
		db_col_text_copy(s, 9, a.region_code, sizeof(a.region_code));
		db_col_text_copy(s, 10, a.note, sizeof(a.note));
		db_col_text_copy(s, 11, a.added_by, sizeof(a.added_by));
		a.added_at = db_col_int(s, 12);
		a.updated_at = db_col_int(s, 13);
		stop = fn(arg, &a);
		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "account list");
	return 0;
}
