/*
 * lexicon.c - the lexicon the screening queue uses: data/scan/ plus the
 * rule catalog's anchors, exactly as `netra scan` loads it, so that an
 * item scores the same in the queue as on the command line.
 */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "rules/rules.h"
#include "scan/catalog.h"
#include "screening/screening.h"

int
screening_lexicon_load(struct scan_lexicon **out, const char *dir, const struct rules_catalog *cat,
		       struct errbuf *eb)
{
	struct scan_lexicon_opts lo;
	struct rules_catalog *own = NULL;
	struct scan_phrase *extra = NULL;
	struct errbuf local;
	int rc;

	*out = NULL;
	memset(&lo, 0, sizeof(lo));
	lo.dir = dir;
	if (cat == NULL) {
		if (rules_catalog_load(&own, dir, &local) < 0) {
			log_warn("screening: rule catalog not loaded (%s); the lexicon alone is "
				 "used",
				 local.msg);
			own = NULL;
		}
		cat = own;
	}
	if (cat) {
		lo.nextra = scan_catalog_phrases(cat, &extra);
		lo.extra = extra;
	}
	rc = scan_lexicon_load(out, &lo, eb);
	free(extra);
	rules_catalog_free(own);
	return rc;
}
