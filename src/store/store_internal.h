/*
 * store_internal.h - what the store's own files share; never included
 * outside src/store/.
 *
 * Every statement comes from db_prep() (store/db.h), which caches it per
 * connection keyed by the address of the SQL string: SQL must therefore be
 * a string literal (static storage), one per query, and is always bound,
 * never formatted.
 */
#ifndef NETRA_STORE_INTERNAL_H
#define NETRA_STORE_INTERNAL_H

#include <string.h>

#include "core/buf.h"
#include "domain/case_states.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_calendar.h"
#include "store/store_cases.h"
#include "store/store_events.h"
#include "store/store_registry.h"
#include "store/store_screening.h"
#include "store/store_stats.h"
#include "store/store_users.h"

/*
 * The region-scope rule, written once: a region code lies inside a prefix
 * when it is the prefix itself or a code below it ("64.08" holds
 * "64.08.01.2001", not "64.081").  col and p are SQL text (a column, a
 * placeholder).  Every scope predicate below and in the store files is
 * built from it.
 */
#define REGION_WITHIN(col, p) "(" col " = " p " OR " col " LIKE " p " || '.%')"

/*
 * The scope of a case query as one WHERE fragment over the cases table
 * aliased "c", with the scope bound as ?2 all, ?3 none, ?4 region prefix,
 * ?5 recommended only, ?6 PPK office (scope_bind()).  Point queries use
 * it; lists use the same rule split by level (store_scope_split()).
 */
#define SCOPE_REGION_C REGION_WITHIN("c.region_code", "?4")
#define SCOPE_WHERE                                                                                \
	"(?2 = 1 OR (?3 = 0 AND (?4 = '' OR " SCOPE_REGION_C ")"                                   \
	" AND (?5 = 0 OR c.recommended = 1) AND (?6 = 0 OR EXISTS (SELECT 1 FROM tracks st"        \
	" WHERE st.case_id = c.id AND st.ppk_office_id = ?6))))"

/*
 * The same scope split by the depth of its region, for lists and counts:
 * each level is an ordered scan of its own index (cases_prov,
 * cases_kabkota), so a query is built once per level, analyst flag and PPK
 * flag from these literal fragments over cases "c", with ?1 province, ?2
 * kab/kota, ?3 the region prefix and ?4 the PPK office bound by
 * store_scope_split_bind().
 */
enum store_scope_level {
	STORE_LEVEL_ALL,  /* national: no region condition */
	STORE_LEVEL_PROV, /* "64" */
	STORE_LEVEL_KAB,  /* "64.08" */
	STORE_LEVEL_DEEP, /* "64.08.01" and below */
	STORE_LEVEL__COUNT
};
extern const char *const store_scope_level_where[STORE_LEVEL__COUNT];
/* appended for an analyst (BKN/KASN) scope */
#define SCOPE_REC_AND " AND c.recommended = 1"
/* appended for a PPK office: the cases with a track addressed to it */
#define SCOPE_PPK_CASES_AND " AND c.id IN (SELECT case_id FROM tracks WHERE ppk_office_id = ?4)"

struct store_scope_split {
	enum store_scope_level level;
	bool rec; /* SCOPE_REC_AND applies */
	bool ppk; /* a PPK fragment applies (?4) */
	char prov[3], kab[6], prefix[24];
	int64_t ppk_office_id;
};

/*
 * Split scope sc for a list; region (NULL: the scope's own) is the
 * effective prefix when a filter narrows the scope.  Callers refuse
 * sc->none before.
 */
void store_scope_split(const struct store_scope *sc, const char *region,
		       struct store_scope_split *out);
/* Bind ?1..?4 of the level fragments; on PostgreSQL also set the
 * transaction's scope to sc (row-level security), as scope_bind() does. */
int store_scope_split_bind(struct db_stmt *s, const struct store_scope_split *sp,
			   const struct store_scope *sc);

/* "64.08.01.2001" -> prov "64", kabkota "64.08" ("" when shorter): the
 * repeated first levels that make a scoped list one ordered index scan. */
static inline void
store_region_levels(const char *code, char prov[3], char kab[6])
{
	size_t n = code ? strlen(code) : 0;

	prov[0] = kab[0] = '\0';
	if (n >= 2) {
		memcpy(prov, code, 2);
		prov[2] = '\0';
	}
	if (n >= 5) {
		memcpy(kab, code, 5);
		kab[5] = '\0';
	}
}

/*
 * Bind sc as ?2..?6 of SCOPE_WHERE.  On PostgreSQL the same scope is also
 * set for the rest of the transaction (store_scope_apply()), so row-level
 * security enforces it a second time.
 */
int scope_bind(struct db_stmt *s, const struct store_scope *sc);
/* The scope as the setting netra.scope reads: "all", "none" or
 * "r=PREFIX;rec=0|1;ppk=ID" (one writer of the format; the SQL policies of
 * src/store/pgsql/0006_scope_rls.sql are its one reader). */
void store_scope_string(const struct store_scope *sc, char *out, size_t outsz);
/* Set the transaction's scope (no-op on SQLite). */
int store_scope_apply(struct store_conn *c, const struct store_scope *sc, struct errbuf *eb);

/* --- shared fragments (fragments.c) --------------------------------------- */

/* Copy tmpl into out with each parameter ?N renumbered ?N+base-1 (outside
 * quoted literals), so a fragment written from ?1 lands at ?base. */
void store_sql_rebase(struct buf *out, const char *tmpl, int base);

/*
 * The inbox filter of struct store_case_filter as one WHERE fragment over
 * cases "c" (starting " AND "), placed at ?base..?base+14 in this order:
 * state, election, kind, assigned_to, unassigned, q, overdue, today
 * WIB/WITA/WIT, due_soon, soon WIB/WITA/WIT, before_id, in engine e's text
 * (its deadlines hint).  The case list and the exports use it;
 * store_inbox_filter_bind() binds the same places (the search as its LIKE
 * operand, search_like_dup()).
 */
#define STORE_INBOX_FILTER_PARAMS 15
void store_inbox_filter_sql(struct buf *out, int base, enum db_engine e);
/* The engine's hint after "FROM deadlines d" in per-case deadline lookups
 * (q_cases.h deadlines_hint; the filter above places it itself). */
const char *store_deadlines_hint(enum db_engine e);
void store_inbox_filter_bind(struct db_stmt *s, int base, const struct store_case_filter *f);

/* A set of case states as placeholders "?base, ?base+1, ..." for an IN
 * list, and the binding of its members to them (never a second literal
 * list of states in SQL). */
void store_state_set_sql(struct buf *out, enum case_state_set set, int base);
void store_state_set_bind(struct db_stmt *s, enum case_state_set set, int base);

/* Create the migrations ledger if it is missing (writer, before threads). */
int store_migrations_bootstrap(struct store_conn *c, struct errbuf *eb);
/* 0 when a ledger row (version, name, checksum) names a migration this
 * binary has, unchanged; else ERR_CONFLICT with the reason. */
int store_migration_known(int version, const char *name, const char *checksum, struct errbuf *eb);
/* The asset prefix of c's engine's migrations ("sql/" or "pgsql/"). */
const char *store_migrations_prefix(const struct store_conn *c);

#endif
