/*
 * store_internal.h - what the store's own files share; never included
 * outside src/store/.
 *
 * Every prepared statement comes from conn_stmt(), which caches it per
 * connection keyed by the address of the SQL string: SQL must therefore be
 * a string literal (static storage), one per query, and is always bound,
 * never formatted.
 */
#ifndef NETRA_STORE_INTERNAL_H
#define NETRA_STORE_INTERNAL_H

#include <sqlite3.h>
#include <string.h>

#include "store/store.h"

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store_conn {
	sqlite3 *db;
	struct stmt_slot *slots; /* open addressing, keyed by sql pointer */
	size_t nslots;
	size_t nused;
	bool writer;
	struct store_conn *next_free;
};

/* Prepared, reset and cleared statement for sql, or NULL with eb filled. */
sqlite3_stmt *conn_stmt(struct store_conn *c, const char *sql, struct errbuf *eb);
/* Run SQL without results (pragmas, migrations). */
int conn_exec(struct store_conn *c, const char *sql, struct errbuf *eb);
/* Fill eb from the connection's last error and return -1. */
int conn_error(struct store_conn *c, struct errbuf *eb, const char *what);

/* bind helpers: NULL text binds SQL NULL */
int bind_text(sqlite3_stmt *s, int i, const char *v);
int bind_textn(sqlite3_stmt *s, int i, const char *v, size_t n);
int bind_int(sqlite3_stmt *s, int i, int64_t v);
/* a row id, or SQL NULL when v <= 0 */
int bind_opt_id(sqlite3_stmt *s, int i, int64_t v);
int bind_blob(sqlite3_stmt *s, int i, const void *p, size_t n);
/* Copy a text column into a fixed buffer ("" for NULL). */
void col_text_copy(sqlite3_stmt *s, int i, char *out, size_t outsz);

/*
 * The scope of a case query as one WHERE fragment over the cases table
 * aliased "c", with the scope bound as ?2 all, ?3 none, ?4 region prefix,
 * ?5 recommended only, ?6 PPK office (scope_bind()).  Every store file that
 * reads cases uses this one definition, so the rule lives in one place.
 */
#define SCOPE_WHERE                                                                                \
	"(?2 = 1 OR (?3 = 0 AND (?4 = '' OR c.region_code = ?4 OR c.region_code LIKE ?4 || '.%')"  \
	" AND (?5 = 0 OR c.recommended = 1) AND (?6 = 0 OR EXISTS (SELECT 1 FROM tracks st"        \
	" WHERE st.case_id = c.id AND st.ppk_office_id = ?6))))"

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

static inline void
scope_bind(sqlite3_stmt *s, const struct store_scope *sc)
{
	sqlite3_bind_int(s, 2, sc->all);
	sqlite3_bind_int(s, 3, sc->none);
	bind_text(s, 4, sc->region_prefix);
	sqlite3_bind_int(s, 5, sc->recommended_only);
	bind_int(s, 6, sc->ppk_office_id);
}

/* Create the migrations ledger if it is missing (writer, before threads). */
int store_migrations_bootstrap(struct store_conn *c, struct errbuf *eb);

#endif
