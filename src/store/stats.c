/*
 * stats.c - grouped counts for the dashboard and the transparency page,
 * and the row iterator of the exports (see store.h, "statistics and
 * exports").
 *
 * Scope is applied exactly as in the case lists (cases.c): every query
 * exists in sixteen variants, built once from literal fragments (scope
 * level x analyst x PPK), so that a Kutai Timur scope is an ordered scan
 * of the cases_kabkota index rather than of the whole table.  Only the
 * structure varies between variants; every value is bound:
 *   ?1 province, ?2 kab/kota, ?3 deeper prefix, ?4 PPK office,
 *   ?10 election, ?11 kind, ?12 from, ?13 to (local time of receipt),
 *   and for exports the inbox filter ?14..?27 as in store_case_list().
 * The effective region is the narrower of the scope's prefix and the
 * filter's region; a filter region outside the scope gives no rows.
 * The counting queries have no GROUP BY: on a big store SQLite would sort
 * every row first (about 1.5 s a query at a million cases), while the
 * caller folds the rows in a hash as they come (src/stats/fold.c).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "store/q_stats.h"
#include "store/search.h"
#include "store/store_internal.h"

enum { LEVEL_ALL, LEVEL_PROV, LEVEL_KAB, LEVEL_DEEP };

enum query {
	Q_CASES_MONTH,
	Q_CASES_WEEK,
	Q_TRACKS,
	Q_AGENCIES,
	Q_ITEMS,
	Q_DEADLINES,
	Q_PPK,
	Q_PPK_DAYS,
	Q_EXPORT,
	Q__COUNT
};

/* How a PPK principal is limited in a query. */
enum ppk_mode { PPK_CASE, PPK_TRACK, PPK_DEADLINE };

/* ?10..?13; merged cases are counted where they were merged into */
#define STAT_FILTER                                                                                \
	" AND c.merged_into IS NULL AND (CAST(?10 AS text) IS NULL OR c.election = ?10)"           \
	" AND (CAST(?11 AS text) IS NULL OR c.kind = ?11) AND " LOCAL_T " >= ?12 AND " LOCAL_T     \
	" < ?13"

/* the inbox filter of store_case_list(), renumbered: ?14..?27 (?17 the
 * LIKE operand of the query, search_like_dup()) */
#define EXPORT_FILTER                                                                              \
	" AND (CAST(?10 AS text) IS NULL OR c.election = ?10)"                                     \
	" AND (CAST(?11 AS text) IS NULL OR c.kind = ?11)"                                         \
	" AND " LOCAL_T " >= ?12 AND " LOCAL_T " < ?13"                                            \
	" AND (CAST(?14 AS text) IS NULL OR c.state = ?14) AND (?15 = 0 OR c.assigned_to = ?15)"   \
	" AND (?16 = 0 OR c.assigned_to IS NULL)"                                                  \
	" AND (CAST(?17 AS text) IS NULL"                                                          \
	" OR c.description_fold LIKE '%' || ?17 || '%' ESCAPE '\\' OR EXISTS (SELECT 1 FROM"       \
	" tracks q WHERE q.case_id = c.id AND (q.name_fold LIKE '%' || ?17 || '%' ESCAPE '\\'"     \
	" OR q.nip = ?17))"                                                                        \
	" OR c.code = upper(?17))"                                                                 \
	" AND (?18 = 0 OR EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND"            \
	" d.status = 'open' AND d.due_on < CASE c.tz WHEN 'WIB' THEN ?19 WHEN 'WITA' THEN ?20"     \
	" ELSE ?21 END))"                                                                          \
	" AND (?22 = 0 OR EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND"            \
	" d.status = 'open' AND d.due_on >= CASE c.tz WHEN 'WIB' THEN ?19 WHEN 'WITA' THEN ?20"    \
	" ELSE ?21 END AND d.due_on <= CASE c.tz WHEN 'WIB' THEN ?23 WHEN 'WITA' THEN ?24"         \
	" ELSE ?25 END))"                                                                          \
	" AND c.id < ?26"

static const char *const stat_month[2] = {
	[DB_SQLITE] = sqlite_q_stat_month, [DB_PG] = pg_q_stat_month};
static const char *const stat_week[2] = {
	[DB_SQLITE] = sqlite_q_stat_week, [DB_PG] = pg_q_stat_week};
static const char *const stat_items[2] = {
	[DB_SQLITE] = sqlite_q_stat_items_head, [DB_PG] = pg_q_stat_items_head};
static const char *const stat_ppk_days[2] = {
	[DB_SQLITE] = sqlite_q_stat_ppk_days_head, [DB_PG] = pg_q_stat_ppk_days_head};
static const char *const stat_open_deadline[2] = {
	[DB_SQLITE] = sqlite_q_stat_open_deadline, [DB_PG] = pg_q_stat_open_deadline};

/* head = pre + the engine's own part (q_stats.h, none when NULL) + post */
struct query_def {
	const char *pre;
	const char *const *dialect;
	const char *post; /* up to WHERE */
	enum ppk_mode ppk;
	const char *tail; /* after the scope and the filter */
};

#define REGION_COL "CASE WHEN c.kabkota = '' THEN c.prov ELSE c.kabkota END"

static const struct query_def queries[Q__COUNT] = {
	[Q_CASES_MONTH] = {"SELECT " REGION_COL ", c.state, c.election, c.kind, ", stat_month,
			   ", 1 FROM cases c WHERE ", PPK_CASE, STAT_FILTER},
	[Q_CASES_WEEK] = {"SELECT " REGION_COL ", c.state, c.election, c.kind, ", stat_week,
			  ", 1 FROM cases c WHERE ", PPK_CASE, STAT_FILTER},
	[Q_TRACKS] = {"SELECT c.state, t.state, t.status, coalesce(t.rec_level, ''),"
		      " coalesce(t.sanction_level, ''), coalesce(t.sanction_cmp, ''), 1"
		      " FROM cases c JOIN tracks t ON t.case_id = c.id WHERE ",
		      NULL, "", PPK_TRACK, STAT_FILTER},
	[Q_AGENCIES] = {"SELECT coalesce(t.agency, ''), 1 FROM cases c"
			" JOIN tracks t ON t.case_id = c.id WHERE ",
			NULL, "", PPK_TRACK, STAT_FILTER},
	[Q_ITEMS] = {"", stat_items, "", PPK_TRACK, STAT_FILTER},
	[Q_DEADLINES] = {"SELECT d.rule, d.status, 1 FROM cases c"
			 " JOIN deadlines d ON d.case_id = c.id WHERE ",
			 NULL, "", PPK_DEADLINE, STAT_FILTER},
	/* count(CASE ... THEN 1 END): a sum of booleans, on both engines */
	[Q_PPK] =
		{"SELECT o.id, o.code, o.name, count(*), count(x.sat),"
		 " count(CASE WHEN x.sat IS NOT NULL AND x.ps = 'met' THEN 1 END),"
		 " count(CASE WHEN x.st = 'tidak_ditindaklanjuti' THEN 1 END),"
		 " count(CASE WHEN x.st = 'eskalasi' THEN 1 END),"
		 " count(CASE WHEN x.cmp = 'lower' THEN 1 END),"
		 " count(CASE WHEN x.cmp = 'equal' THEN 1 END),"
		 " count(CASE WHEN x.cmp = 'higher' THEN 1 END) FROM (SELECT t.ppk_office_id AS po,"
		 " t.sanction_at AS sat, t.state AS st, t.sanction_cmp AS cmp,"
		 " (SELECT d.status FROM deadlines d WHERE d.case_id = c.id AND d.track_id = t.id"
		 " AND d.rule = 'ppk.tindak_lanjut' ORDER BY d.id DESC LIMIT 1) AS ps"
		 " FROM tracks t JOIN cases c ON c.id = t.case_id"
		 " WHERE t.ppk_office_id IS NOT NULL AND ",
		 NULL, "", PPK_TRACK,
		 STAT_FILTER ") x JOIN offices o ON o.id = x.po WHERE x.ps IS NOT NULL"
			     " GROUP BY o.id, o.code, o.name ORDER BY o.name, o.id"},
	[Q_PPK_DAYS] = {"", stat_ppk_days, "", PPK_TRACK, STAT_FILTER " ORDER BY 1, 2"},
	[Q_EXPORT] = {"SELECT c.id, c.code, c.received_at, c.tz, c.election, c.kind, c.state,"
		      " c.region_code, o.name, coalesce(t.id, 0), t.name, t.nip, t.status,"
		      " t.agency, t.state, t.rec_level, t.rec_institution, po.name,"
		      " t.sanction_form, t.sanction_level, t.sanction_sk, t.sanction_on,"
		      " t.sanction_cmp, (SELECT d.due_on || ' ' || d.rule FROM deadlines d"
		      " WHERE d.case_id = c.id AND ",
		      stat_open_deadline,
		      " ORDER BY d.due_on, d.id LIMIT 1)"
		      " FROM cases c JOIN offices o ON o.id = c.office_id"
		      " LEFT JOIN tracks t ON t.case_id = c.id AND (?4 = 0 OR t.ppk_office_id = ?4)"
		      " LEFT JOIN offices po ON po.id = t.ppk_office_id"
		      " WHERE c.id IN (SELECT c.id FROM cases c WHERE ",
		      PPK_CASE,
		      EXPORT_FILTER " ORDER BY c.id DESC LIMIT ?27) ORDER BY c.id DESC, t.id"},
};

static char *sql[2][Q__COUNT][4][2][2];
static pthread_once_t sql_once = PTHREAD_ONCE_INIT;

static void
sql_build(void)
{
	static const char *const level[] = {
		"1 = 1",
		"c.prov = ?1",
		"c.kabkota = ?2",
		"c.kabkota = ?2 AND (c.region_code = ?3 OR c.region_code LIKE ?3 || '.%')",
	};
	static const char rec[] = " AND c.recommended = 1";
	static const char *const ppk[] = {
		[PPK_CASE] = " AND c.id IN (SELECT case_id FROM tracks WHERE ppk_office_id = ?4)",
		[PPK_TRACK] = " AND t.ppk_office_id = ?4",
		/* the cases first (tracks_ppk index), then their tracks' clocks */
		[PPK_DEADLINE] =
			" AND c.id IN (SELECT case_id FROM tracks WHERE ppk_office_id = ?4)"
			" AND d.track_id IN (SELECT id FROM tracks WHERE case_id = c.id AND"
			" ppk_office_id = ?4)",
	};
	int e, q, l, r, p;

	for (e = 0; e < 2; e++)
		for (q = 0; q < Q__COUNT; q++)
			for (l = 0; l < 4; l++)
				for (r = 0; r < 2; r++)
					for (p = 0; p < 2; p++) {
						const struct query_def *d = &queries[q];
						const char *mid = d->dialect ? d->dialect[e] : "";
						const char *pp = p ? ppk[d->ppk] : "";
						size_t n = strlen(d->pre) + strlen(mid) +
							   strlen(d->post) + strlen(level[l]) +
							   sizeof(rec) + strlen(pp) +
							   strlen(d->tail) + 1;
						char *s = xmalloc(n);

						snprintf(s, n, "%s%s%s%s%s%s%s", d->pre, mid,
							 d->post, level[l], r ? rec : "", pp,
							 d->tail);
						sql[e][q][l][r][p] = s;
					}
}

/* The effective region prefix of scope and filter into out; false when
 * the filter's region lies outside the scope (no rows). */
static bool
effective_region(const struct store_scope *sc, const struct store_stat_filter *f, char *out,
		 size_t outsz)
{
	const char *scope = sc->all ? "" : sc->region_prefix;
	const char *want = f && f->region ? f->region : "";
	size_t ls = strlen(scope), lw = strlen(want);

	if (lw == 0 || (ls > 0 && ls >= lw && strncmp(scope, want, lw) == 0 &&
			(scope[lw] == '\0' || scope[lw] == '.'))) {
		cstr_copy(out, outsz, scope); /* the filter is wider than the scope */
		return true;
	}
	if (ls == 0 || (strncmp(want, scope, ls) == 0 && want[ls] == '.')) {
		cstr_copy(out, outsz, want);
		return true;
	}
	return false;
}

/*
 * Prepare query q for scope and filter with ?1..?4 and ?10..?13 bound;
 * NULL with *empty set when the filter excludes every row, NULL with eb
 * set on error.
 */
static struct db_stmt *
stat_stmt(struct store_conn *c, enum query q, const struct store_scope *sc,
	  const struct store_stat_filter *f, bool *empty, struct errbuf *eb)
{
	char prefix[24], prov[3] = "", kab[6] = "";
	size_t plen;
	int level;
	bool rec, ppk;
	struct db_stmt *s;

	*empty = false;
	if (sc->none) {
		errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
		return NULL;
	}
	if (!effective_region(sc, f, prefix, sizeof(prefix))) {
		*empty = true;
		return NULL;
	}
	plen = strlen(prefix);
	if (plen == 0)
		level = LEVEL_ALL;
	else if (plen <= 2)
		level = LEVEL_PROV;
	else if (plen <= 5)
		level = LEVEL_KAB;
	else
		level = LEVEL_DEEP;
	if (plen >= 2) {
		memcpy(prov, prefix, 2);
		prov[2] = '\0';
	}
	if (plen >= 5) {
		memcpy(kab, prefix, 5);
		kab[5] = '\0';
	}
	rec = !sc->all && sc->recommended_only;
	ppk = !sc->all && sc->ppk_office_id > 0;
	pthread_once(&sql_once, sql_build);
	s = db_prep(c, sql[db_engine_of(c)][q][level][rec][ppk], eb);
	if (s == NULL)
		return NULL;
	db_bind_text(s, 1, prov);
	db_bind_text(s, 2, kab);
	db_bind_text(s, 3, prefix);
	db_bind_int(s, 4, ppk ? sc->ppk_office_id : 0);
	db_bind_text(s, 10, f && f->election && f->election[0] ? f->election : NULL);
	db_bind_text(s, 11, f && f->kind && f->kind[0] ? f->kind : NULL);
	db_bind_int(s, 12, f && f->from > 0 ? f->from : INT64_MIN);
	db_bind_int(s, 13, f && f->to > 0 ? f->to : INT64_MAX);
	return s;
}

static const char *
col_str(struct db_stmt *s, int i)
{
	const char *t = db_col_text(s, i);

	return t ? t : "";
}

/* Step s to the end; each row goes to row(); stop on non-zero. */
static int
walk(struct store_conn *c, struct db_stmt *s, int (*row)(struct db_stmt *s, void *ctx), void *ctx,
     const char *what, struct errbuf *eb)
{
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		int stop = row(s, ctx);

		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, what);
	return 0;
}

/* --- the cubes ----------------------------------------------------------- */

/* the caller's callback, whichever kind, and its argument */
struct cb {
	union {
		store_stat_case_fn cases;
		store_stat_track_fn tracks;
		store_stat_key_fn key;
		store_stat_ppk_fn ppk;
		store_stat_days_fn days;
	} fn;
	void *arg;
};

static int
case_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;
	struct store_stat_case r;

	r.region = col_str(s, 0);
	r.state = col_str(s, 1);
	r.election = col_str(s, 2);
	r.kind = col_str(s, 3);
	r.period = col_str(s, 4);
	r.n = db_col_int(s, 5);
	return cb->fn.cases(cb->arg, &r);
}

int
store_stat_cases(struct store_conn *c, const struct store_scope *sc,
		 const struct store_stat_filter *f, enum store_stat_period period,
		 store_stat_case_fn fn, void *arg, struct errbuf *eb)
{
	struct cb cb = {.fn.cases = fn, .arg = arg};
	bool empty;
	struct db_stmt *s = stat_stmt(c, period == STORE_STAT_WEEK ? Q_CASES_WEEK : Q_CASES_MONTH,
				      sc, f, &empty, eb);

	if (s == NULL)
		return empty ? 0 : -1;
	return walk(c, s, case_row, &cb, "stat cases", eb);
}

static int
track_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;
	struct store_stat_track r;

	r.case_state = col_str(s, 0);
	r.state = col_str(s, 1);
	r.status = col_str(s, 2);
	r.rec_level = col_str(s, 3);
	r.sanction_level = col_str(s, 4);
	r.cmp = col_str(s, 5);
	r.n = db_col_int(s, 6);
	return cb->fn.tracks(cb->arg, &r);
}

int
store_stat_tracks(struct store_conn *c, const struct store_scope *sc,
		  const struct store_stat_filter *f, store_stat_track_fn fn, void *arg,
		  struct errbuf *eb)
{
	struct cb cb = {.fn.tracks = fn, .arg = arg};
	bool empty;
	struct db_stmt *s = stat_stmt(c, Q_TRACKS, sc, f, &empty, eb);

	if (s == NULL)
		return empty ? 0 : -1;
	return walk(c, s, track_row, &cb, "stat tracks", eb);
}

static int
key_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;

	return cb->fn.key(cb->arg, col_str(s, 0), NULL, db_col_int(s, 1));
}

static int
key2_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;

	return cb->fn.key(cb->arg, col_str(s, 0), col_str(s, 1), db_col_int(s, 2));
}

static int
keyed(struct store_conn *c, enum query q, const struct store_scope *sc,
      const struct store_stat_filter *f, int (*row)(struct db_stmt *, void *), store_stat_key_fn fn,
      void *arg, struct errbuf *eb)
{
	struct cb cb = {.fn.key = fn, .arg = arg};
	bool empty;
	struct db_stmt *s = stat_stmt(c, q, sc, f, &empty, eb);

	if (s == NULL)
		return empty ? 0 : -1;
	return walk(c, s, row, &cb, "stat", eb);
}

int
store_stat_agencies(struct store_conn *c, const struct store_scope *sc,
		    const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
		    struct errbuf *eb)
{
	return keyed(c, Q_AGENCIES, sc, f, key_row, fn, arg, eb);
}

int
store_stat_items(struct store_conn *c, const struct store_scope *sc,
		 const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
		 struct errbuf *eb)
{
	return keyed(c, Q_ITEMS, sc, f, key_row, fn, arg, eb);
}

int
store_stat_deadlines(struct store_conn *c, const struct store_scope *sc,
		     const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
		     struct errbuf *eb)
{
	return keyed(c, Q_DEADLINES, sc, f, key2_row, fn, arg, eb);
}

/* --- PPK compliance -------------------------------------------------------- */

static int
ppk_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;
	struct store_stat_ppk r;

	r.office_id = db_col_int(s, 0);
	r.code = col_str(s, 1);
	r.name = col_str(s, 2);
	r.sent = db_col_int(s, 3);
	r.sanctioned = db_col_int(s, 4);
	r.on_time = db_col_int(s, 5);
	r.not_followed = db_col_int(s, 6);
	r.escalated = db_col_int(s, 7);
	r.lower = db_col_int(s, 8);
	r.equal = db_col_int(s, 9);
	r.higher = db_col_int(s, 10);
	return cb->fn.ppk(cb->arg, &r);
}

int
store_stat_ppk(struct store_conn *c, const struct store_scope *sc,
	       const struct store_stat_filter *f, store_stat_ppk_fn fn, void *arg,
	       struct errbuf *eb)
{
	struct cb cb = {.fn.ppk = fn, .arg = arg};
	bool empty;
	struct db_stmt *s = stat_stmt(c, Q_PPK, sc, f, &empty, eb);

	if (s == NULL)
		return empty ? 0 : -1;
	return walk(c, s, ppk_row, &cb, "stat ppk", eb);
}

static int
days_row(struct db_stmt *s, void *ctx)
{
	const struct cb *cb = ctx;

	return cb->fn.days(cb->arg, db_col_int(s, 0), db_col_int(s, 1));
}

int
store_stat_ppk_days(struct store_conn *c, const struct store_scope *sc,
		    const struct store_stat_filter *f, store_stat_days_fn fn, void *arg,
		    struct errbuf *eb)
{
	struct cb cb = {.fn.days = fn, .arg = arg};
	bool empty;
	struct db_stmt *s = stat_stmt(c, Q_PPK_DAYS, sc, f, &empty, eb);

	if (s == NULL)
		return empty ? 0 : -1;
	return walk(c, s, days_row, &cb, "stat ppk days", eb);
}

/* --- exports ----------------------------------------------------------------- */

static void
bind_date(struct db_stmt *s, int i, const char *d)
{
	db_bind_text(s, i, d && d[0] ? d : "9999-12-31");
}

int
store_export_page(struct store_conn *c, const struct store_scope *sc,
		  const struct store_case_filter *lf, const struct store_stat_filter *f,
		  store_export_fn fn, void *arg, int64_t *next_before, struct errbuf *eb)
{
	int limit = lf->limit > 0 && lf->limit <= 1000 ? lf->limit : 200;
	int64_t cur = 0, last = 0;
	int ncases = 0, rc, i;
	bool empty;
	struct db_stmt *s;
	char *like;

	*next_before = 0;
	s = stat_stmt(c, Q_EXPORT, sc, f, &empty, eb);
	if (s == NULL)
		return empty ? 0 : -1;
	db_bind_text(s, 14, lf->state && lf->state[0] ? lf->state : NULL);
	db_bind_int(s, 15, lf->assigned_to);
	db_bind_int(s, 16, lf->unassigned);
	like = search_like_dup(lf->q);
	db_bind_text(s, 17, like);
	free(like);
	db_bind_int(s, 18, lf->overdue);
	for (i = 0; i < 3; i++) {
		bind_date(s, 19 + i, lf->today[i]);
		bind_date(s, 23 + i, lf->soon[i]);
	}
	db_bind_int(s, 22, lf->due_soon);
	db_bind_int(s, 26, lf->before_id > 0 ? lf->before_id : INT64_MAX);
	db_bind_int(s, 27, limit + 1);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_export_row r;
		char next[96];
		int stop;

		r.case_id = db_col_int(s, 0);
		if (r.case_id != cur) {
			if (ncases == limit) {
				*next_before = last;
				db_reset(s);
				return 0;
			}
			ncases++;
			cur = r.case_id;
		}
		last = r.case_id;
		r.code = col_str(s, 1);
		r.received_at = db_col_int(s, 2);
		r.tz = col_str(s, 3);
		r.election = col_str(s, 4);
		r.kind = col_str(s, 5);
		r.state = col_str(s, 6);
		r.region_code = col_str(s, 7);
		r.office = col_str(s, 8);
		r.track_id = db_col_int(s, 9);
		r.name = col_str(s, 10);
		r.nip = col_str(s, 11);
		r.status = col_str(s, 12);
		r.agency = col_str(s, 13);
		r.track_state = col_str(s, 14);
		r.rec_level = col_str(s, 15);
		r.rec_institution = col_str(s, 16);
		r.ppk_office = col_str(s, 17);
		r.sanction_form = col_str(s, 18);
		r.sanction_level = col_str(s, 19);
		r.sanction_sk = col_str(s, 20);
		r.sanction_on = col_str(s, 21);
		r.cmp = col_str(s, 22);
		/* "YYYY-MM-DD rule" */
		cstr_copy(next, sizeof(next), col_str(s, 23));
		if (strlen(next) > 11 && next[10] == ' ') {
			next[10] = '\0';
			r.next_due = next;
			r.next_rule = next + 11;
		} else {
			r.next_due = r.next_rule = "";
		}
		stop = fn(arg, &r);
		if (stop) {
			db_reset(s);
			return stop;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "export page");
	return 0;
}
