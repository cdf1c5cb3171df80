/*
 * catalog.c - the rule catalog's keywords as screening phrases.
 *
 * The catalog (src/rules, data/rules) lists, per item, "anchors": the
 * words that identify the act (spanduk, grup pemenangan, surat dukungan).
 * They become phrases of the screening lexicon, matched as written (after
 * the same normalisation and slang as texts; matching by stem made
 * "seorang" a "perseorangan"): anchors of violation items (KE, D, PP94) are
 * generic acts that name their item but add no weight.  Many anchors are
 * ordinary words chosen to rank items once a violation is established
 * ("foto", "koordinator", "keputusan"); as evidence they flagged neutral
 * news on the development set, so the screening score stays with the
 * lexicon and data/scan/model.json, and the catalog says which items.  Anchors of permitted conduct
 * (family "boleh") are left out: "hadir kampanye" is permitted only when
 * passive, which the catalog's own evaluator decides from facts, and as a
 * phrase it would hide the act.  The catalog's other keywords (calon, partai, acara) are
 * context words for its own ranking and are not used here.  Phrases the
 * lexicon already has only gain the item (see scan_lexicon_load).
 * Depends on rules/rules.h only.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "rules/rules.h"
#include "rules/text.h"
#include "scan/catalog.h"

size_t
scan_catalog_phrases(const struct rules_catalog *cat, struct scan_phrase **out)
{
	size_t i, k, n = 0, cap = 0;
	struct scan_phrase *ph = NULL;

	for (i = 0; i < rules_item_count(cat); i++) {
		const struct rules_item *it = rules_item_at(cat, i);

		for (k = 0; k < it->nkw; k++) {
			const struct rules_keyword *kw = &it->kw[k];
			struct scan_phrase *p;

			if (!kw->anchor || kw->phrase == NULL || kw->phrase->text == NULL ||
			    it->family == RULES_FAMILY_BOLEH)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				ph = xreallocarray(ph, cap, sizeof(*ph));
			}
			p = &ph[n++];
			memset(p, 0, sizeof(*p));
			p->text = kw->phrase->text;
			p->stem = false; /* as written: stems make "seorang" an "perseorangan" */
			p->note = it->title;
			p->weight = 0; /* names items; the lexicon and the model score */
			p->cat = SCAN_CAT_ACT;
			p->generic = true;
			p->item = it->id;
		}
	}
	*out = ph;
	return n;
}
