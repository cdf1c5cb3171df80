/*
 * registry.h - the registry search of the officers' workspace: the persons
 * seen in cases (terlapor), found by name (normalised and fuzzy) or by NIP
 * or NIK, inside the viewer's scope, each with the cases they appear in.
 *
 * Matching: names are normalised with name_normalize() (case, punctuation,
 * academic and religious titles).  registry_name_score() then gives each
 * word of the query its best match among the words of the name (the same
 * word 1, one a prefix of the other 0.9, an initial 0.8, else the Dice
 * coefficient of character trigrams), averages that over the query, and
 * blends it (3:1) with the trigram Dice of the whole names.  So "Achmad
 * Yani" finds "Drs. H. Ahmad Yani, M.Si." and "yani" finds both, while
 * unrelated names stay below REGISTRY_MIN_SCORE.
 *
 * Scope: the search goes through store_registry_persons() with the scope
 * of the principal (auth_scope()), so a person appears only through cases
 * the viewer may open, and a count never includes a case outside them.
 *
 * Ownership: registry_search() gives the caller a new JSON object; a
 * struct registry_matcher is caller-owned and holds no heap memory.
 *
 * Errors: ERR_INVALID_INPUT with code "invalid_query" for an empty or
 * oversized query, or a number that is neither an 18-digit NIP nor a
 * 16-digit NIK; the permission errors of the case service otherwise.
 *
 * Limits: REGISTRY_QUERY_MAX bytes of query; REGISTRY_SCAN_MAX persons are
 * compared per search, newest first ("truncated" tells when there were
 * more); at most REGISTRY_LIMIT_MAX results.
 */
#ifndef NETRA_REGISTRY_REGISTRY_H
#define NETRA_REGISTRY_REGISTRY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/err.h"
#include "store/store_registry.h"

struct store;

#define REGISTRY_QUERY_MAX  200
#define REGISTRY_SCAN_MAX   50000
#define REGISTRY_LIMIT_MAX  100
#define REGISTRY_MIN_SCORE  0.5
#define REGISTRY_MAX_WORDS  16 /* words of a name that are compared */
#define REGISTRY_WORD_BYTES 48 /* bytes of one word that are compared */

/* A query prepared once and scored against many names. */
struct registry_matcher {
	char norm[REGISTRY_QUERY_MAX + 1];
	size_t nwords;
	struct {
		const char *p; /* into norm */
		size_t n;
	} words[REGISTRY_MAX_WORDS];
	uint32_t grams[REGISTRY_QUERY_MAX + 1]; /* of the whole query, sorted */
	size_t ngrams;
};

/* Prepare a normalised query (as name_normalize() gives it). */
void registry_matcher_init(struct registry_matcher *m, const char *query_norm);
/* Score a normalised name in [0, 1]; 0 for an empty query or name. */
double registry_matcher_score(const struct registry_matcher *m, const char *name_norm);
/* The same for one pair (tests, fuzzing). */
double registry_name_score(const char *query_norm, const char *name_norm);

/*
 * Read a query: blanks, dots and dashes inside a number are ignored, so
 * "1978 0512 2005 01 1 003" is a NIP.  Returns 1 for a NIP or NIK (the
 * digits in ident), 0 for a name (normalised into norm), -1 with eb set
 * when the query is not usable.  Pure.
 */
int registry_query_parse(const char *q, char *ident, size_t identsz, char *norm, size_t normsz,
			 struct errbuf *eb);

/*
 * Search the registry as who (NULL: the operator at the console, who sees
 * every case).  limit 1..REGISTRY_LIMIT_MAX.  *out gets
 *   {"query", "mode": "nama"|"nomor", "normalised", "scanned", "truncated",
 *    "results": [{"name", "nip", "nik", "status", "agency", "position",
 *                 "score" (0-100), "ncases", "repeat", "cases": [...]}]}
 * where each case is a row of store_registry_tracks() plus "received_on"
 * (the local date).  Best match first; ties by number of cases, then by
 * the newest track.
 */
int registry_search(struct store *st, const struct principal *who, const char *query, size_t limit,
		    json_t **out, struct errbuf *eb);

#endif
