/*
 * public.c - the public figures (stats_public()): cases by kab/kota,
 * recommended terlapor by catalog item, terlapor by outcome, over every
 * case (optionally one election), with small counts suppressed.
 *
 * Invariant: a hidden count never leaves this file.  Cells are built from
 * struct stats_cell after stats_suppress(); a hidden cell is written as
 * {"suppressed": "small"|"complementary"} with no number, and a total is
 * written exact, rounded, or suppressed (stats_total_display()).  No
 * names, descriptions or codes of cases are read here at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "rules/rules.h"
#include "stats/stats_internal.h"
#include "store/store_stats.h"
#include "store/store_users.h"

struct pub {
	struct stats_service *s;
	char election[32];
	json_t *region;   /* code -> count */
	json_t *item;     /* id -> count */
	int64_t *outcome; /* per cfg outcome, then one for "other" */
	int64_t cases, terlapor, recommended;
	json_t *provinces; /* provinces to list every kab/kota of */
	/* the rows as they stream from the store, counted by key */
	struct fold regions_f, tracks_f, items_f;
};

static int
on_case(void *arg, const struct store_stat_case *r)
{
	fold_add(&((struct pub *)arg)->regions_f, r->region, r->n);
	return 0;
}

static int
on_track(void *arg, const struct store_stat_track *r)
{
	struct pub *p = arg;
	char key[160];

	/* the outcome needs both states, the totals whether recommended */
	snprintf(key, sizeof(key), "%s%c%s%c%c", r->case_state, FOLD_SEP, r->state, FOLD_SEP,
		 r->rec_level[0] ? 'r' : '-');
	fold_add(&p->tracks_f, key, r->n);
	return 0;
}

static int
on_item(void *arg, const char *key, const char *key2, int64_t n)
{
	(void)key2;
	fold_add(&((struct pub *)arg)->items_f, key, n);
	return 0;
}

/* Turn the counted rows into maps and totals. */
static void
unfold(struct pub *p)
{
	const struct fold_slot **v;
	char *parts[3];
	size_t i;

	v = fold_sorted(&p->regions_f, false);
	for (i = 0; i < p->regions_f.n; i++) {
		char prov[3];

		stats_json_add(p->region, v[i]->key, v[i]->n);
		memcpy(prov, v[i]->key, 2);
		prov[2] = '\0';
		json_object_set_new(p->provinces, prov, json_true());
		p->cases += v[i]->n;
	}
	free(v);
	v = fold_sorted(&p->tracks_f, false);
	for (i = 0; i < p->tracks_f.n; i++) {
		int k;

		if (fold_split(v[i]->key, parts, 3) != 3)
			continue;
		k = stats_outcome_of(&p->s->pub, parts[0], parts[1]);
		p->outcome[k < 0 ? (int)p->s->pub.noutcomes : k] += v[i]->n;
		p->terlapor += v[i]->n;
		if (parts[2][0] == 'r')
			p->recommended += v[i]->n;
	}
	free(v);
	v = fold_sorted(&p->items_f, false);
	for (i = 0; i < p->items_f.n; i++)
		stats_json_add(p->item, v[i]->key, v[i]->n);
	free(v);
}

/* The deployment's provinces: those of the Bawaslu offices. */
static int
on_office(void *arg, const struct store_office *o)
{
	struct pub *p = arg;
	char prov[3];

	if (strcmp(o->kind, "bawaslu") == 0 && strlen(o->region_code) >= 2) {
		memcpy(prov, o->region_code, 2);
		prov[2] = '\0';
		json_object_set_new(p->provinces, prov, json_true());
	}
	return 0;
}

static json_t *
cell_json(const struct stats_cell *c)
{
	switch (c->hidden) {
	case STATS_SMALL: return json_pack("{s:s}", "suppressed", "small");
	case STATS_COMPLEMENTARY: return json_pack("{s:s}", "suppressed", "complementary");
	default: return json_pack("{s:I}", "n", (json_int_t)c->n);
	}
}

static json_t *
total_json(const struct stats_public_cfg *cfg, int64_t total, size_t hidden)
{
	bool rounded;
	int64_t v;

	if (total < cfg->threshold)
		return json_pack("{s:s}", "suppressed", "small");
	v = stats_total_display(total, hidden, cfg->total_base, &rounded);
	if (rounded)
		return json_pack("{s:I, s:I}", "rounded", (json_int_t)v, "base",
				 (json_int_t)cfg->total_base);
	return json_pack("{s:I}", "n", (json_int_t)v);
}

/* rows[i] gets the cell of cells[i] merged in; returns {"rows", "total"}. */
static json_t *
table(const struct stats_public_cfg *cfg, json_t *rows, struct stats_cell *cells, size_t n,
      int64_t total)
{
	size_t hidden = stats_suppress(cells, n, cfg->threshold), i;

	for (i = 0; i < n; i++)
		json_object_set_new(json_array_get(rows, i), "cell", cell_json(&cells[i]));
	return json_pack("{s:o, s:o}", "rows", rows, "total", total_json(cfg, total, hidden));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static json_t *
region_table(struct pub *p)
{
	json_t *all = json_object(), *rows = json_array(), *v;
	const char *key, **keys;
	struct stats_cell *cells;
	size_t n = 0, i;
	char name[REGION_NAME_MAX + 1];
	json_t *t;

	json_object_foreach(p->region, key, v) stats_json_add(all, key, json_integer_value(v));
	if (p->s->d.regions && json_object_size(p->provinces) <= 40) {
		json_object_foreach(p->provinces, key, v)
		{
			struct region kids[100];
			size_t total = 0, k;

			if (region_children(p->s->d.regions, key, kids, 100, &total) < 0)
				continue;
			for (k = 0; k < total && k < 100; k++)
				stats_json_add(all, kids[k].code, 0);
		}
	}
	keys = xcalloc(json_object_size(all) + 1, sizeof(*keys));
	json_object_foreach(all, key, v) keys[n++] = key;
	qsort(keys, n, sizeof(*keys), cmp_str);
	cells = xcalloc(n + 1, sizeof(*cells));
	for (i = 0; i < n; i++) {
		cells[i].n = json_integer_value(json_object_get(all, keys[i]));
		json_array_append_new(
			rows, json_pack("{s:s, s:s, s:b}", "code", keys[i], "name",
					stats_region_name(p->s, keys[i], name, sizeof(name)),
					"province_level", strlen(keys[i]) <= 2));
	}
	t = table(&p->s->pub, rows, cells, n, p->cases);
	free(cells);
	free(keys);
	json_decref(all);
	return t;
}

/* Every violation item of the catalog (not the permitted conduct), in
 * catalog order, then any item the data names that the catalog lacks. */
static json_t *
item_table(struct pub *p)
{
	const struct rules_catalog *cat = p->s->d.catalog;
	json_t *rows = json_array(), *seen = json_object(), *v;
	struct stats_cell *cells;
	size_t n = 0, i, cap;
	const char *key;
	json_t *t;

	cap = (cat ? rules_item_count(cat) : 0) + json_object_size(p->item) + 1;
	cells = xcalloc(cap, sizeof(*cells));
	for (i = 0; cat && i < rules_item_count(cat); i++) {
		const struct rules_item *it = rules_item_at(cat, i);

		if (it->family == RULES_FAMILY_BOLEH)
			continue;
		cells[n++].n = json_integer_value(json_object_get(p->item, it->id));
		json_object_set_new(seen, it->id, json_true());
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s}", "id", it->id, "family",
						      rules_family_name(it->family), "title",
						      it->title ? it->title : ""));
	}
	json_object_foreach(p->item, key, v)
	{
		if (json_object_get(seen, key) || n >= cap)
			continue;
		cells[n++].n = json_integer_value(v);
		json_array_append_new(
			rows, json_pack("{s:s, s:s, s:s}", "id", key, "family", "", "title", ""));
	}
	t = table(&p->s->pub, rows, cells, n, p->recommended);
	free(cells);
	json_decref(seen);
	return t;
}

static json_t *
outcome_table(struct pub *p)
{
	const struct stats_public_cfg *cfg = &p->s->pub;
	json_t *rows = json_array();
	struct stats_cell *cells = xcalloc(cfg->noutcomes + 1, sizeof(*cells));
	size_t n = 0, i;
	json_t *t;

	for (i = 0; i < cfg->noutcomes; i++) {
		cells[n++].n = p->outcome[i];
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s}", "id", cfg->outcomes[i].id,
						      "label_id", cfg->outcomes[i].label_id,
						      "label_en", cfg->outcomes[i].label_en));
	}
	if (p->outcome[cfg->noutcomes] > 0) {
		cells[n++].n = p->outcome[cfg->noutcomes];
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s}", "id", "lainnya",
						      "label_id", "Lainnya", "label_en", "Other"));
	}
	t = table(cfg, rows, cells, n, p->terlapor);
	free(cells);
	return t;
}

static int
compute(void *arg, json_t **out, struct errbuf *eb)
{
	struct pub *p = arg;
	const struct stats_public_cfg *cfg = &p->s->pub;
	struct store_scope all;
	struct store_stat_filter sf;
	struct store_conn *c;
	int64_t t0 = clock_mono_ms();
	json_t *o = NULL, *regions, *items, *outcomes;
	int rc;

	memset(&all, 0, sizeof(all));
	all.all = true;
	memset(&sf, 0, sizeof(sf));
	sf.election = p->election;
	p->region = json_object();
	p->item = json_object();
	p->provinces = json_object();
	p->outcome = xcalloc(cfg->noutcomes + 1, sizeof(*p->outcome));
	fold_init(&p->regions_f);
	fold_init(&p->tracks_f);
	fold_init(&p->items_f);
	c = store_reader(p->s->d.store);
	rc = store_office_list(c, on_office, p, eb);
	if (rc == 0)
		rc = store_stat_cases(c, &all, &sf, STORE_STAT_MONTH, on_case, p, eb);
	if (rc == 0)
		rc = store_stat_tracks(c, &all, &sf, on_track, p, eb);
	if (rc == 0)
		rc = store_stat_items(c, &all, &sf, on_item, p, eb);
	store_reader_done(p->s->d.store, c);
	if (rc == 0) {
		unfold(p);
		regions = region_table(p);
		items = item_table(p);
		outcomes = outcome_table(p);
		o = json_object();
		json_object_set_new(o, "generated_at", stats_now_json());
		json_object_set_new(o, "election", json_string(p->election));
		json_object_set_new(o, "threshold", json_integer(cfg->threshold));
		json_object_set_new(o, "total_base", json_integer(cfg->total_base));
		json_object_set_new(
			o, "note",
			json_pack("{s:s?, s:s?}", "id", cfg->note_id, "en", cfg->note_en));
		/* the headline figures carry the same protection as their tables */
		json_object_set_new(o, "cases", json_deep_copy(json_object_get(regions, "total")));
		json_object_set_new(o, "terlapor",
				    json_deep_copy(json_object_get(outcomes, "total")));
		json_object_set_new(o, "by_region", regions);
		json_object_set_new(o, "by_item", items);
		json_object_set_new(o, "by_outcome", outcomes);
		json_object_set_new(o, "took_ms", json_integer(clock_mono_ms() - t0));
	}
	json_decref(p->region);
	json_decref(p->item);
	json_decref(p->provinces);
	free(p->outcome);
	fold_release(&p->regions_f);
	fold_release(&p->tracks_f);
	fold_release(&p->items_f);
	*out = o;
	return rc < 0 ? -1 : 0;
}

int
stats_public(struct stats_service *s, const char *election, json_t **out, struct errbuf *eb)
{
	struct pub p;
	char key[64];
	size_t i, n;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.s = s;
	n = election ? strnlen(election, sizeof(p.election)) : 0;
	if (n >= sizeof(p.election))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "election",
					"pemilihan harus kode seperti pemilu2024");
	for (i = 0; i < n; i++)
		if (!((election[i] >= 'a' && election[i] <= 'z') ||
		      (election[i] >= '0' && election[i] <= '9') || election[i] == '_'))
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "election",
						"pemilihan harus kode seperti pemilu2024");
	cstr_copy(p.election, sizeof(p.election), n ? election : "");
	/* only elections of the calendar: an unknown id would cost a scan of
	 * every case for nothing, and anyone can ask */
	if (p.election[0] && stats_cal(s) &&
	    calendar_election_find(stats_cal(s), p.election) == NULL)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "unknown_election",
				       "pemilihan %s tidak dikenal", p.election);
	snprintf(key, sizeof(key), "p|%s", p.election);
	return stats_cache_get(s->cache, key, stats_store_version(s), compute, &p, sizeof(p), out,
			       eb);
}

void
stats_service_warm(struct stats_service *s)
{
	struct pub p;

	memset(&p, 0, sizeof(p));
	p.s = s;
	stats_cache_prefetch(s->cache, "p|", stats_store_version(s), compute, &p, sizeof(p));
}
