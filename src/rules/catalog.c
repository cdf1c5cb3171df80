/*
 * catalog.c - reading a loaded catalog: lookups by id and alias, names of
 * the enumerations, sanction forms and routes by date, and the options
 * that choose a value for each reading.  A loaded catalog is immutable, so
 * everything here is safe to call from many threads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/config.h"
#include "core/str.h"
#include "rules/rules_internal.h"

static const char *const level_names[] = {NULL, "moral", "ringan", "sedang", "berat", "ptdh"};

const char *
rules_level_name(enum rules_level lv)
{
	return lv > RULES_LEVEL_NONE && lv <= RULES_LEVEL_PTDH ? level_names[lv] : NULL;
}

int
rules_level_parse(const char *s, enum rules_level *out)
{
	int i;

	for (i = RULES_LEVEL_MORAL; i <= RULES_LEVEL_PTDH; i++) {
		if (s && strcasecmp(s, level_names[i]) == 0) {
			*out = (enum rules_level)i;
			return 0;
		}
	}
	return -1;
}

const char *
rules_family_name(enum rules_family f)
{
	switch (f) {
	case RULES_FAMILY_KE: return "KE";
	case RULES_FAMILY_D: return "D";
	case RULES_FAMILY_PP94: return "PP94";
	case RULES_FAMILY_BOLEH: return "boleh";
	}
	return "?";
}

const char *
rules_verdict_name(enum rules_verdict v)
{
	switch (v) {
	case RULES_VERDICT_PELANGGARAN: return "pelanggaran";
	case RULES_VERDICT_BOLEH: return "boleh";
	case RULES_VERDICT_BUKAN_ASN: return "bukan_asn";
	case RULES_VERDICT_TIDAK_CUKUP: return "tidak_cukup_informasi";
	}
	return "?";
}

const char *
rules_status_kind_name(enum rules_status_kind k)
{
	switch (k) {
	case RULES_STATUS_ASN: return "asn";
	case RULES_STATUS_NOT_ASN: return "not_asn";
	case RULES_STATUS_UNKNOWN: return "unknown";
	}
	return "?";
}

bool
rules_period_contains(const struct rules_period *p, struct date d)
{
	if (p->has_from && date_cmp(d, p->from) < 0)
		return false;
	if (p->has_to && date_cmp(d, p->to) > 0)
		return false;
	return true;
}

const struct rules_reading *
rules_reading_find(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nreadings; i++)
		if (strcmp(cat->readings[i].id, id) == 0)
			return &cat->readings[i];
	return NULL;
}

const struct rules_status *
rules_status_find_id(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nstatuses; i++)
		if (strcmp(cat->statuses[i].id, id) == 0)
			return &cat->statuses[i];
	return NULL;
}

bool
rules_flag_known(const struct rules_catalog *cat, const char *flag)
{
	size_t i;

	for (i = 0; i < cat->nflags; i++)
		if (strcmp(cat->flags[i].id, flag) == 0)
			return true;
	return false;
}

const struct rules_route *
rules_route_at(const struct rules_catalog *cat, const struct rules_status *st, struct date d)
{
	size_t i, k;

	for (i = 0; i < cat->nroutes; i++) {
		const struct rules_route *r = &cat->routes[i];

		if (r->kind == RULES_ROUTE_PIDANA || !rules_period_contains(&r->period, d))
			continue;
		for (k = 0; k < r->nstatuses; k++)
			if (strcmp(r->statuses[k], st->id) == 0)
				return r;
	}
	return NULL;
}

void
rules_catalog_free(struct rules_catalog *cat)
{
	if (cat == NULL)
		return;
	text_lexicon_free(cat->lx);
	free(cat->flags);
	arena_release(&cat->arena);
	free(cat);
}

const char *
rules_catalog_title(const struct rules_catalog *cat)
{
	return cat->title;
}

const char *
rules_catalog_version(const struct rules_catalog *cat)
{
	return cat->version;
}

struct rules_period
rules_catalog_coverage(const struct rules_catalog *cat)
{
	return cat->coverage;
}

size_t
rules_item_count(const struct rules_catalog *cat)
{
	return cat->nitems;
}

const struct rules_item *
rules_item_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nitems ? &cat->items[i] : NULL;
}

const struct rules_item *
rules_item_find(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < cat->nitems; i++)
		if (strcasecmp(cat->items[i].id, id) == 0)
			return &cat->items[i];
	return NULL;
}

size_t
rules_status_count(const struct rules_catalog *cat)
{
	return cat->nstatuses;
}

const struct rules_status *
rules_status_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nstatuses ? &cat->statuses[i] : NULL;
}

const struct rules_status *
rules_status_find(const struct rules_catalog *cat, const char *s)
{
	struct str t;
	size_t i, k;

	if (s == NULL)
		return NULL;
	t = str_trim(str_from(s));
	for (i = 0; i < cat->nstatuses; i++) {
		const struct rules_status *st = &cat->statuses[i];

		if (str_caseeq_cstr(t, st->id))
			return st;
		for (k = 0; k < st->naliases; k++)
			if (str_caseeq_cstr(t, st->aliases[k]))
				return st;
	}
	return NULL;
}

size_t
rules_reading_count(const struct rules_catalog *cat)
{
	return cat->nreadings;
}

const struct rules_reading *
rules_reading_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nreadings ? &cat->readings[i] : NULL;
}

size_t
rules_modifier_count(const struct rules_catalog *cat)
{
	return cat->nmodifiers;
}

const struct rules_modifier *
rules_modifier_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nmodifiers ? &cat->modifiers[i] : NULL;
}

const struct rules_modifier *
rules_modifier_find(const struct rules_catalog *cat, const char *s, size_t *index)
{
	size_t i, k;

	if (s == NULL)
		return NULL;
	for (i = 0; i < cat->nmodifiers; i++) {
		const struct rules_modifier *m = &cat->modifiers[i];
		bool hit = strcasecmp(m->id, s) == 0;

		for (k = 0; !hit && k < m->naliases; k++)
			hit = strcasecmp(m->aliases[k], s) == 0;
		if (hit) {
			*index = i;
			return m;
		}
	}
	return NULL;
}

const char *
rules_level_title(const struct rules_catalog *cat, enum rules_level lv)
{
	if (lv <= RULES_LEVEL_NONE || lv > RULES_LEVEL_PTDH)
		return NULL;
	return cat->level_titles[lv] ? cat->level_titles[lv] : level_names[lv];
}

const char *
rules_form_flag_note(const struct rules_catalog *cat, const char *flag)
{
	size_t i;

	for (i = 0; i < cat->nflags; i++)
		if (strcmp(cat->flags[i].id, flag) == 0)
			return cat->flags[i].note;
	return NULL;
}

const struct rules_form_set *
rules_form_set_at(const struct rules_catalog *cat, enum rules_level lv, struct date d)
{
	size_t i;

	for (i = 0; i < cat->nform_sets; i++)
		if (cat->form_sets[i].level == lv &&
		    rules_period_contains(&cat->form_sets[i].period, d))
			return &cat->form_sets[i];
	return NULL;
}

const struct text_lexicon *
rules_catalog_lexicon(const struct rules_catalog *cat)
{
	return cat->lx;
}

bool
rules_form_flagged(const struct rules_status *st, const struct rules_form *form)
{
	size_t i, k;

	if (st == NULL)
		return false;
	for (i = 0; i < st->nflag_forms; i++)
		for (k = 0; k < form->nflags; k++)
			if (strcmp(st->flag_forms[i], form->flags[k]) == 0)
				return true;
	return false;
}

void
rules_options_init(struct rules_options *o)
{
	memset(o, 0, sizeof(*o));
}

int
rules_options_set(struct rules_options *o, const struct rules_catalog *cat, const char *id,
		  const char *value, struct errbuf *eb)
{
	size_t i;

	if (strlen(id) >= sizeof(o->v[0].id) || strlen(value) >= sizeof(o->v[0].value))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
				       "bacaan '%s' atau nilainya terlalu panjang", id);
	if (cat) {
		const struct rules_reading *r = rules_reading_find(cat, id);
		bool ok = false;

		if (r == NULL)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
					       "bacaan '%s' tidak dikenal katalog", id);
		for (i = 0; i < r->nvalues; i++)
			if (strcmp(r->values[i], value) == 0)
				ok = true;
		if (!ok) {
			char allowed[256] = "";

			for (i = 0; i < r->nvalues; i++) {
				if (i)
					strncat(allowed, ", ",
						sizeof(allowed) - strlen(allowed) - 1);
				strncat(allowed, r->values[i],
					sizeof(allowed) - strlen(allowed) - 1);
			}
			return errbuf_set_code(
				eb, ERR_INVALID_INPUT, "invalid_reading",
				"nilai '%s' untuk bacaan %s tidak dikenal (pilihan: %s)", value, id,
				allowed);
		}
	}
	for (i = 0; i < o->n; i++)
		if (strcmp(o->v[i].id, id) == 0)
			break;
	if (i == o->n) {
		if (o->n >= RULES_MAX_READINGS)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
					       "terlalu banyak bacaan");
		o->n++;
	}
	cstr_copy(o->v[i].id, sizeof(o->v[i].id), id);
	cstr_copy(o->v[i].value, sizeof(o->v[i].value), value);
	return 0;
}

int
rules_options_from_config(struct rules_options *o, const struct rules_catalog *cat,
			  const struct config *cfg, struct errbuf *eb)
{
	size_t i, k;

	for (i = 0; i < cat->nreadings; i++) {
		for (k = 0; k < config_options_count; k++) {
			const struct config_option *co = &config_options[k];
			const char *val;

			if (strcmp(co->section, "rules") != 0 ||
			    strcmp(co->name, cat->readings[i].id) != 0 || co->type != CONFIG_STRING)
				continue;
			val = (const char *)cfg + co->offset;
			if (val[0] && rules_options_set(o, cat, co->name, val, eb) < 0)
				return -1;
		}
	}
	return 0;
}

const char *
rules_options_value(const struct rules_options *o, const struct rules_reading *r)
{
	size_t i;

	for (i = 0; o && i < o->n; i++)
		if (strcmp(o->v[i].id, r->id) == 0)
			return o->v[i].value;
	return r->def;
}

int
rules_switch_value(const struct rules_switch *sw, const struct rules_options *opt)
{
	const char *val;
	size_t i;

	if (sw->reading == NULL)
		return sw->fixed;
	val = rules_options_value(opt, sw->reading);
	for (i = 0; i < sw->n; i++)
		if (strcmp(sw->when[i], val) == 0)
			return sw->value[i];
	return sw->fixed; /* unreachable: the loader checks every value is covered */
}

const char *
rules_switch_reading_value(const struct rules_switch *sw, const struct rules_options *opt)
{
	return sw->reading ? rules_options_value(opt, sw->reading) : NULL;
}

enum rules_level
rules_item_level(const struct rules_item *it, const struct rules_options *opt)
{
	if (it->family == RULES_FAMILY_BOLEH)
		return RULES_LEVEL_NONE;
	return (enum rules_level)rules_switch_value(&it->level, opt);
}
