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

#include "store/db.h"
#include "store/store.h"

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

/* Create the migrations ledger if it is missing (writer, before threads). */
int store_migrations_bootstrap(struct store_conn *c, struct errbuf *eb);
/* 0 when a ledger row (version, name, checksum) names a migration this
 * binary has, unchanged; else ERR_CONFLICT with the reason. */
int store_migration_known(int version, const char *name, const char *checksum, struct errbuf *eb);
/* The asset prefix of c's engine's migrations ("sql/" or "pgsql/"). */
const char *store_migrations_prefix(const struct store_conn *c);

#endif
