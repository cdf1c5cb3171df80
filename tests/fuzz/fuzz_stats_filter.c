/*
 * fuzz_stats_filter.c - the dashboard/export filter on arbitrary query
 * strings: form decoding, stats_filter_parse() and export_query_parse().
 * Invariants of an accepted filter: every field is within its buffer and
 * its alphabet, the dates parse, from <= to, and the store bounds built
 * from it are ordered.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/datetime.h"
#include "core/form.h"
#include "export/export.h"
#include "stats/stats.h"
#include "store/store_stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_ident(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (n > max)
		abort();
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct form f;
	struct stats_filter sf;
	struct store_stat_filter st;
	struct export_query q;
	struct date d;
	char key[256];

	arena_init(&a, 4096);
	if (form_parse(&a, (const char *)data, size, &f, NULL) == 0) {
		if (stats_filter_parse(&f, &sf, NULL) == 0) {
			check_ident(sf.election, sizeof(sf.election) - 1);
			check_ident(sf.kind, sizeof(sf.kind) - 1);
			if (sf.region[0] && strlen(sf.region) != 2 && strlen(sf.region) != 5 &&
			    strlen(sf.region) != 8)
				abort();
			if ((sf.from[0] && date_parse(str_from(sf.from), &d) < 0) ||
			    (sf.to[0] && date_parse(str_from(sf.to), &d) < 0))
				abort();
			stats_filter_store(&sf, &st);
			if (st.from && st.to && st.from >= st.to)
				abort();
			stats_filter_key(&sf, key, sizeof(key));
		}
		if (export_query_parse(&f, &q, NULL) == 0) {
			check_ident(q.state, sizeof(q.state) - 1);
			if (strlen(q.q) > EXPORT_Q_MAX || (q.assigned_me && q.unassigned))
				abort();
		}
	}
	arena_release(&a);
	return 0;
}
