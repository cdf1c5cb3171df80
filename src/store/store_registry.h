/*
 * store_registry.h - the persons seen in cases (src/store/registry.c).
 *
 * Part of the store's domain API (store.h: lifecycle, jobs, readers,
 * scope, status); every function here takes a struct store_conn from a
 * write job or the reader pool and reports errors through struct errbuf.
 */
#ifndef NETRA_STORE_STORE_REGISTRY_H
#define NETRA_STORE_STORE_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store/store.h"

/* --- the registry of persons seen in cases (src/store/registry.c) ------------
 *
 * A person is what the tracks of cases record about a terlapor, grouped by
 * NIP when the person has one, else by normalised name (two tracks without
 * NIP and with the same normalised name count as one person).  Only tracks
 * of cases inside the scope count, and a PPK office counts only the tracks
 * addressed to it, so nothing outside the viewer's cases is revealed, not
 * even as a number.
 */

#define STORE_REGISTRY_TRACKS_MAX 100 /* tracks returned for one person */

struct store_registry_person {
	char nip[24];        /* "" when the person has none */
	char name_norm[256]; /* the grouping key when there is no NIP */
	int64_t last_track;  /* the newest track of the person in scope */
	int ncases;          /* distinct cases in scope */
};

typedef int (*store_registry_fn)(void *arg, const struct store_registry_person *p);

/* Every person in scope, newest first, at most max of them; with ident (a
 * NIP or NIK, digits only) just those whose NIP or NIK it is.  fn returning
 * non-zero stops the walk (that value is returned). */
int store_registry_persons(struct store_conn *c, const struct store_scope *sc, const char *ident,
			   size_t max, store_registry_fn fn, void *arg, struct errbuf *eb);
/* The tracks of one person (nip, or name_norm when nip is "") in scope,
 * newest first, at most STORE_REGISTRY_TRACKS_MAX: [{"track_id", "name",
 * "nip", "nik", "agency", "position", "status", "track_state", "rec_level",
 * "rec_institution", "sanction_form", "sanction_level", "sanction_cmp",
 * "case_id", "code", "election", "case_state", "received_at", "tz"}]. */
int store_registry_tracks(struct store_conn *c, const struct store_scope *sc, const char *nip,
			  const char *name_norm, json_t **out, struct errbuf *eb);

#endif
