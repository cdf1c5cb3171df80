/*
 * fragments.c - SQL fragments that several store queries share and that
 * carry a domain rule: the inbox filter (the case list, the exports) and
 * the sets of case states (domain/case_states.h).  Each is written here
 * once and placed into a statement at a caller-chosen parameter number,
 * so one text serves queries whose other parameters differ.
 *
 * Invariants: fragments are generated once per statement, at the build of
 * the statement's text (pthread_once in the caller), from literal
 * templates and the constant state table; every value is bound, never
 * formatted.  Templates number their parameters from ?1;
 * store_sql_rebase() moves them to the place the statement gives them.
 */
#include <stdlib.h>
#include <string.h>

#include "store/q_cases.h"
#include "store/search.h"
#include "store/store_internal.h"

/*
 * The inbox filter over cases "c", numbered from ?1 (see
 * STORE_INBOX_FILTER_PARAMS for the order), in three parts around the
 * engine's deadlines hint (q_cases.h: SQLite is told to use deadlines_case
 * for the per-case deadline lookups; PostgreSQL needs none).  Nullable
 * text parameters are cast, so PostgreSQL can type an unbound NULL.  The
 * search (?6, the LIKE operand of search_like_dup()) matches the folded
 * description, a terlapor's folded name or NIP, or the tracking code.
 */
static const char inbox_filter_head[] =
	" AND (CAST(?1 AS text) IS NULL OR c.state = ?1)"
	" AND (CAST(?2 AS text) IS NULL OR c.election = ?2)"
	" AND (CAST(?3 AS text) IS NULL OR c.kind = ?3) AND (?4 = 0 OR c.assigned_to = ?4)"
	" AND (?5 = 0 OR c.assigned_to IS NULL)"
	" AND (CAST(?6 AS text) IS NULL"
	" OR c.description_fold LIKE '%' || ?6 || '%' ESCAPE '\\'"
	" OR EXISTS (SELECT 1 FROM tracks t WHERE t.case_id = c.id"
	" AND (t.name_fold LIKE '%' || ?6 || '%' ESCAPE '\\' OR t.nip = ?6))"
	" OR c.code = upper(?6))"
	" AND (?7 = 0 OR EXISTS (SELECT 1 FROM deadlines d";
static const char inbox_filter_mid[] =
	" WHERE d.case_id = c.id AND d.status = 'open' AND d.due_on < CASE c.tz"
	" WHEN 'WIB' THEN ?8 WHEN 'WITA' THEN ?9 ELSE ?10 END))"
	" AND (?11 = 0 OR EXISTS (SELECT 1 FROM deadlines d";
static const char inbox_filter_tail[] =
	" WHERE d.case_id = c.id AND d.status = 'open' AND d.due_on >= CASE c.tz"
	" WHEN 'WIB' THEN ?8 WHEN 'WITA' THEN ?9 ELSE ?10 END AND d.due_on <="
	" CASE c.tz WHEN 'WIB' THEN ?12 WHEN 'WITA' THEN ?13 ELSE ?14 END))"
	" AND c.id < ?15";

static const char *const deadlines_hint[2] = {
	[DB_SQLITE] = sqlite_q_deadlines_hint, [DB_PG] = pg_q_deadlines_hint};

void
store_sql_rebase(struct buf *out, const char *tmpl, int base)
{
	const char *p = tmpl;
	bool quoted = false;

	while (*p) {
		if (*p == '\'')
			quoted = !quoted;
		if (!quoted && p[0] == '?' && p[1] >= '0' && p[1] <= '9') {
			char *end;
			long n = strtol(p + 1, &end, 10);

			buf_addf(out, "?%ld", n + base - 1);
			p = end;
			continue;
		}
		buf_addch(out, *p++);
	}
}

const char *
store_deadlines_hint(enum db_engine e)
{
	return deadlines_hint[e];
}

void
store_inbox_filter_sql(struct buf *out, int base, enum db_engine e)
{
	store_sql_rebase(out, inbox_filter_head, base);
	buf_addstr(out, deadlines_hint[e]);
	store_sql_rebase(out, inbox_filter_mid, base);
	buf_addstr(out, deadlines_hint[e]);
	store_sql_rebase(out, inbox_filter_tail, base);
}

static void
bind_opt_text(struct db_stmt *s, int i, const char *v)
{
	db_bind_text(s, i, v && v[0] ? v : NULL);
}

/* an unset date compares after every due date */
static void
bind_date(struct db_stmt *s, int i, const char *d)
{
	db_bind_text(s, i, d && d[0] ? d : "9999-12-31");
}

void
store_inbox_filter_bind(struct db_stmt *s, int base, const struct store_case_filter *f)
{
	char *like = search_like_dup(f->q);
	int i;

	bind_opt_text(s, base + 0, f->state);
	bind_opt_text(s, base + 1, f->election);
	bind_opt_text(s, base + 2, f->kind);
	db_bind_int(s, base + 3, f->assigned_to);
	db_bind_int(s, base + 4, f->unassigned);
	db_bind_text(s, base + 5, like);
	free(like);
	db_bind_int(s, base + 6, f->overdue);
	for (i = 0; i < 3; i++) {
		bind_date(s, base + 7 + i, f->today[i]);
		bind_date(s, base + 11 + i, f->soon[i]);
	}
	db_bind_int(s, base + 10, f->due_soon);
	db_bind_int(s, base + 14, f->before_id > 0 ? f->before_id : INT64_MAX);
}

void
store_state_set_sql(struct buf *out, enum case_state_set set, int base)
{
	size_t i, n = case_state_set_size(set);

	for (i = 0; i < n; i++)
		buf_addf(out, "%s?%d", i ? ", " : "", base + (int)i);
}

void
store_state_set_bind(struct db_stmt *s, enum case_state_set set, int base)
{
	const char *state;
	size_t i;

	for (i = 0; (state = case_state_set_at(set, i)) != NULL; i++)
		db_bind_text(s, base + (int)i, state);
}
