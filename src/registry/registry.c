/*
 * registry.c - the registry search (see registry.h): read the query, walk
 * the persons in the viewer's scope newest first, keep the best matches,
 * then fetch the cases of those few.
 *
 * Invariants: the principal's scope is applied by the store in both
 * queries; a name search keeps at most `limit` candidates at any time (a
 * sorted array, best first), so memory does not grow with the registry.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cases/names.h"
#include "core/datetime.h"
#include "core/str.h"
#include "registry/registry.h"
#include "store/store.h"
#include "store/store_registry.h"

int
registry_query_parse(const char *q, char *ident, size_t identsz, char *norm, size_t normsz,
		     struct errbuf *eb)
{
	size_t len = q ? strlen(q) : 0, i, nd = 0, other = 0;

	if (identsz)
		ident[0] = '\0';
	if (normsz)
		norm[0] = '\0';
	if (len == 0 || len > REGISTRY_QUERY_MAX)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_query",
				       "tuliskan nama, NIP (18 digit) atau NIK (16 digit), paling "
				       "banyak %d karakter",
				       REGISTRY_QUERY_MAX);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)q[i];

		if (isdigit(c))
			nd++;
		else if (c != ' ' && c != '.' && c != '-')
			other++;
	}
	if (nd > 0 && other == 0) {
		size_t k = 0;

		if ((nd != 18 && nd != 16) || identsz <= nd)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_query",
					       "nomor yang dicari harus NIP 18 digit atau NIK 16 "
					       "digit (tertulis %zu digit)",
					       nd);
		for (i = 0; i < len; i++)
			if (isdigit((unsigned char)q[i]))
				ident[k++] = q[i];
		ident[k] = '\0';
		return 1;
	}
	name_normalize(q, norm, normsz);
	if (norm[0] == '\0')
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_query",
				       "tuliskan nama yang dicari (gelar saja tidak cukup)");
	return 0;
}

struct candidate {
	struct store_registry_person p;
	double score;
};

struct walk {
	const struct registry_matcher *m; /* NULL: a number search, every row matches */
	struct candidate *best;           /* best first */
	size_t nbest, limit;
	size_t scanned;
};

static bool
better(const struct candidate *a, const struct candidate *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	if (a->p.ncases != b->p.ncases)
		return a->p.ncases > b->p.ncases;
	return a->p.last_track > b->p.last_track;
}

static int
walk_person(void *arg, const struct store_registry_person *p)
{
	struct walk *w = arg;
	struct candidate c;
	size_t i;

	if (++w->scanned > REGISTRY_SCAN_MAX)
		return 1; /* one more than allowed: the result is truncated */
	c.p = *p;
	c.score = w->m ? registry_matcher_score(w->m, p->name_norm) : 1.0;
	if (c.score < REGISTRY_MIN_SCORE)
		return 0;
	if (w->nbest == w->limit && !better(&c, &w->best[w->nbest - 1]))
		return 0;
	i = w->nbest < w->limit ? w->nbest++ : w->nbest - 1;
	while (i > 0 && better(&c, &w->best[i - 1])) {
		w->best[i] = w->best[i - 1];
		i--;
	}
	w->best[i] = c;
	return 0;
}

/* The first non-empty value of key among the rows (newest first). */
static json_t *
first_value(json_t *rows, const char *key)
{
	size_t i;
	json_t *r;

	json_array_foreach(rows, i, r)
	{
		json_t *v = json_object_get(r, key);

		if (json_is_string(v) && json_string_length(v) > 0)
			return json_incref(v);
	}
	return json_null();
}

static json_t *
person_json(const struct candidate *c, json_t *tracks)
{
	json_t *o = json_object(), *t, *cases = json_array();
	size_t i;

	json_object_set_new(o, "name", first_value(tracks, "name"));
	json_object_set_new(o, "nip", c->p.nip[0] ? json_string(c->p.nip) : json_null());
	json_object_set_new(o, "nik", first_value(tracks, "nik"));
	json_object_set_new(o, "status", first_value(tracks, "status"));
	json_object_set_new(o, "agency", first_value(tracks, "agency"));
	json_object_set_new(o, "position", first_value(tracks, "position"));
	json_object_set_new(o, "score", json_integer((json_int_t)(c->score * 100 + 0.5)));
	json_array_foreach(tracks, i, t)
	{
		const struct tz *z = tz_find(str_from(json_string_value(json_object_get(t, "tz"))));
		char day[DATE_STRLEN];

		date_format(time_local_date(json_integer_value(json_object_get(t, "received_at")),
					    z ? z->offset_min : tz_wita.offset_min),
			    day);
		json_object_set_new(t, "received_on", json_string(day));
		json_array_append(cases, t);
	}
	/* counted by the store over every case in scope, not just those listed */
	json_object_set_new(o, "ncases", json_integer(c->p.ncases));
	json_object_set_new(o, "repeat", json_boolean(c->p.ncases > 1));
	json_object_set_new(o, "cases", cases);
	return o;
}

int
registry_search(struct store *st, const struct principal *who, const char *query, size_t limit,
		json_t **out, struct errbuf *eb)
{
	struct registry_matcher m;
	char ident[24], norm[REGISTRY_QUERY_MAX + 1];
	struct store_scope sc;
	struct store_conn *c = NULL;
	struct walk w;
	json_t *res = NULL, *results;
	size_t i;
	int mode, rc = -1;

	*out = NULL;
	memset(&w, 0, sizeof(w));
	if (who != NULL) {
		if (who->user_id == 0)
			return errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
		if (!auth_can(who, PERM_CASE_READ))
			return errbuf_set(eb, ERR_FORBIDDEN,
					  "peran Anda tidak diizinkan melihat registri");
		auth_scope(who, &sc);
	} else {
		memset(&sc, 0, sizeof(sc));
		sc.all = true;
	}
	if (limit < 1 || limit > REGISTRY_LIMIT_MAX)
		return errbuf_set(eb, ERR_INVALID_INPUT, "jumlah hasil harus 1 sampai %d",
				  REGISTRY_LIMIT_MAX);
	mode = registry_query_parse(query, ident, sizeof(ident), norm, sizeof(norm), eb);
	if (mode < 0)
		return -1;
	if (mode == 0) {
		registry_matcher_init(&m, norm);
		w.m = &m;
	}
	w.limit = limit;
	w.best = calloc(limit, sizeof(*w.best));
	if (w.best == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "memori habis");
	c = store_reader(st);
	if (store_registry_persons(c, &sc, mode == 1 ? ident : NULL, REGISTRY_SCAN_MAX + 1,
				   walk_person, &w, eb) < 0)
		goto out;
	res = json_object();
	json_object_set_new(res, "query", json_string(query));
	json_object_set_new(res, "mode", json_string(mode == 1 ? "nomor" : "nama"));
	json_object_set_new(res, "normalised", json_string(mode == 1 ? ident : norm));
	json_object_set_new(
		res, "scanned",
		json_integer((json_int_t)(w.scanned > REGISTRY_SCAN_MAX ? REGISTRY_SCAN_MAX
									: w.scanned)));
	json_object_set_new(res, "truncated", json_boolean(w.scanned > REGISTRY_SCAN_MAX));
	results = json_array();
	json_object_set_new(res, "results", results);
	for (i = 0; i < w.nbest; i++) {
		json_t *tracks;

		if (store_registry_tracks(c, &sc, w.best[i].p.nip, w.best[i].p.name_norm, &tracks,
					  eb) < 0)
			goto out;
		json_array_append_new(results, person_json(&w.best[i], tracks));
		json_decref(tracks);
	}
	*out = res;
	res = NULL;
	rc = 0;
out:
	if (c)
		store_reader_done(st, c);
	json_decref(res);
	free(w.best);
	return rc;
}
