/*
 * service.c - the statistics service: its lifetime, the store's version
 * for the cache, and small helpers shared by the dashboard and the public
 * figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "stats/stats_internal.h"

/* a store_notify_fn: any node changed a case */
static void
stats_on_notify(void *arg, const char *topic)
{
	struct stats_service *s = arg;

	if (strcmp(topic, STORE_TOPIC_FIGURES) == 0 || strcmp(topic, STORE_TOPIC_ALL) == 0)
		s->notified++;
}

int
stats_service_new(struct stats_service **out, const struct stats_deps *d, struct errbuf *eb)
{
	struct stats_service *s = xcalloc(1, sizeof(*s));

	*out = NULL;
	s->d = *d;
	if (stats_public_cfg_load(&s->pub, d->knowledge_dir, eb) < 0) {
		free(s);
		return -1;
	}
	s->cache = stats_cache_new(STATS_CACHE_ENTRIES);
	/* without notifications (no listener) the local counter still works */
	if (d->store && store_subscribe(d->store, stats_on_notify, s, eb) == 0)
		s->subscribed = true;
	else if (d->store)
		log_warn("stats: figures of other nodes refresh by age only: %s", eb->msg);
	*out = s;
	return 0;
}

void
stats_service_free(struct stats_service *s)
{
	if (s == NULL)
		return;
	if (s->subscribed)
		store_unsubscribe(s->d.store, stats_on_notify, s);
	stats_cache_free(s->cache);
	stats_public_cfg_release(&s->pub);
	free(s);
}

const struct stats_public_cfg *
stats_service_public_cfg(const struct stats_service *s)
{
	return &s->pub;
}

uint64_t
stats_store_version(const struct stats_service *s)
{
	struct store_stats st;

	store_stats_get(s->d.store, &st);
	return st.jobs + s->notified;
}

void
stats_json_add(json_t *map, const char *key, int64_t n)
{
	json_t *v = json_object_get(map, key);

	if (v)
		json_integer_set(v, json_integer_value(v) + n);
	else
		json_object_set_new(map, key, json_integer(n));
}

bool
stats_ident_ok(const char *s, size_t max)
{
	size_t i, n;

	if (s == NULL)
		return false;
	n = strnlen(s, max + 1);
	if (n == 0 || n > max)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

json_t *
stats_now_json(void)
{
	char when[TIME_STRLEN];

	time_format_iso(clock_now(), tz_wita.offset_min, when);
	return json_string(when);
}

const char *
stats_region_name(const struct stats_service *s, const char *code, char *buf, size_t bufsz)
{
	struct region r;

	if (s->d.regions && region_find(s->d.regions, code, &r) == 0) {
		cstr_copy(buf, bufsz, r.name);
		return buf;
	}
	cstr_copy(buf, bufsz, code);
	return buf;
}
