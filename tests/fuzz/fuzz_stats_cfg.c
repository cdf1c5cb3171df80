/*
 * fuzz_stats_cfg.c - data/stats/transparansi.json parsing on arbitrary
 * bytes.  An accepted file has a threshold and rounding in range, at least
 * one outcome, each with a label in both languages and at least one state
 * list; looking outcomes up must never fail on it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stats_public_cfg c;
	size_t i;

	if (stats_public_cfg_parse(&c, (const char *)data, size, "fuzz", NULL) == 0) {
		if (c.threshold < 1 || c.threshold > 1000 || c.total_base < 1 || c.noutcomes == 0)
			abort();
		for (i = 0; i < c.noutcomes; i++) {
			if (c.outcomes[i].label_id[0] == '\0' ||
			    c.outcomes[i].label_en[0] == '\0' ||
			    (c.outcomes[i].case_states == NULL &&
			     c.outcomes[i].track_states == NULL))
				abort();
		}
		(void)stats_outcome_of(&c, "diputus", "sanksi_dijatuhkan");
		(void)stats_outcome_of(&c, "", "");
		stats_public_cfg_release(&c);
	}
	return 0;
}
