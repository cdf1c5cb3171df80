/*
 * registry.c - the persons seen in cases, for the registry search of the
 * officers' workspace (see store.h).
 *
 * Both queries join tracks -> persons -> cases and apply the case scope
 * (SCOPE_WHERE) plus the PPK rule of the case detail: a PPK office counts
 * only the tracks addressed to it.  Every value is bound; a person is
 * grouped by (NIP, normalised name): a NIP names one row of persons
 * (persons_nip is unique), persons without a NIP group by name.  The
 * grouped columns are selected, never bare ones, so both engines accept
 * the query and give the same rows.
 */
#include <string.h>

#include "store/store_internal.h"

int
store_registry_persons(struct store_conn *c, const struct store_scope *sc, const char *ident,
		       size_t max, store_registry_fn fn, void *arg, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(
		c,
		"SELECT p.nip, p.name_norm, max(t.id), count(DISTINCT c.id)"
		" FROM tracks t JOIN persons p ON p.id = t.person_id JOIN cases c ON c.id = "
		"t.case_id"
		" WHERE " SCOPE_WHERE " AND (?6 = 0 OR t.ppk_office_id = ?6)"
		" AND (CAST(?7 AS text) IS NULL OR p.nip = ?7 OR p.nik = ?7 OR t.nik = ?7)"
		" GROUP BY p.nip, p.name_norm ORDER BY max(t.id) DESC LIMIT ?8",
		eb);
	struct store_registry_person p;
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	scope_bind(s, sc);
	db_bind_text(s, 7, ident && ident[0] ? ident : NULL);
	db_bind_int(s, 8, (int64_t)(max > 10000000 ? 10000000 : max));
	while ((rc = db_step(s)) == DB_ROW) {
		memset(&p, 0, sizeof(p));
		db_col_text_copy(s, 0, p.nip, sizeof(p.nip));
		db_col_text_copy(s, 1, p.name_norm, sizeof(p.name_norm));
		p.last_track = db_col_int(s, 2);
		p.ncases = db_col_int(s, 3);
		stop = fn(arg, &p);
		if (stop)
			break;
	}
	if (stop)
		return stop;
	if (rc != DB_DONE)
		return db_error(c, eb, "registry persons");
	return 0;
}

int
store_registry_tracks(struct store_conn *c, const struct store_scope *sc, const char *nip,
		      const char *name_norm, json_t **out, struct errbuf *eb)
{
	static const char *const cols[] = {
		"track_id",      "name",           "nip",          "nik",       "agency",
		"position",      "status",         "track_state",  "rec_level", "rec_institution",
		"sanction_form", "sanction_level", "sanction_cmp", "case_id",   "code",
		"election",      "case_state",     "received_at",  "tz",        NULL};
	struct db_stmt *s = db_prep(
		c,
		"SELECT t.id, t.name, t.nip, t.nik, t.agency, t.position, t.status, t.state,"
		" t.rec_level, t.rec_institution, t.sanction_form, t.sanction_level,"
		" t.sanction_cmp, c.id, c.code, c.election, c.state, c.received_at, c.tz"
		" FROM tracks t JOIN persons p ON p.id = t.person_id JOIN cases c ON c.id = "
		"t.case_id"
		" WHERE " SCOPE_WHERE " AND (?6 = 0 OR t.ppk_office_id = ?6)"
		" AND ((CAST(?7 AS text) IS NOT NULL AND p.nip = ?7)"
		" OR (?7 IS NULL AND p.nip IS NULL AND p.name_norm = ?8))"
		" ORDER BY t.id DESC LIMIT ?9",
		eb);
	json_t *arr;
	int rc;

	*out = NULL;
	if (s == NULL)
		return -1;
	if (sc->none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	scope_bind(s, sc);
	db_bind_text(s, 7, nip && nip[0] ? nip : NULL);
	db_bind_text(s, 8, name_norm ? name_norm : "");
	db_bind_int(s, 9, STORE_REGISTRY_TRACKS_MAX);
	arr = json_array();
	while ((rc = db_step(s)) == DB_ROW) {
		json_t *o = json_object();
		int i;

		for (i = 0; cols[i]; i++) {
			json_t *v;

			if (db_col_null(s, i))
				v = json_null();
			else if (db_col_type(s, i) == DB_T_INT)
				v = json_integer(db_col_int(s, i));
			else
				v = json_string(db_col_text(s, i));
			json_object_set_new(o, cols[i], v ? v : json_null());
		}
		json_array_append_new(arr, o);
	}
	if (rc != DB_DONE) {
		json_decref(arr);
		return db_error(c, eb, "registry tracks");
	}
	*out = arr;
	return 0;
}
