/*
 * fuzz_rules_check.c - a check request on arbitrary bytes: when they parse
 * as JSON, the request reader (fields, types, dates, modifiers) and the
 * evaluator; otherwise the bytes are the free text itself, which exercises
 * normalisation (UTF-8, hyphens, stretched letters), stemming, phrase
 * matching and modifier detection.  The catalog is the built-in one,
 * loaded once.  Any crash, leak or sanitizer report is a bug.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rules_catalog *cat;

static void
release(void)
{
	rules_catalog_free(cat);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_options o;
	struct rules_facts f;
	struct rules_result r;
	struct errbuf eb;
	struct arena a;
	json_error_t je;
	json_t *req;
	const char *election;

	if (cat == NULL) {
		if (rules_catalog_load(&cat, NULL, &eb) < 0)
			abort();
		atexit(release);
	}
	if (size > 64 * 1024)
		return 0;
	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	req = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (req) {
		if (rules_facts_from_json(cat, req, &a, &f, &election, &eb) == 0 &&
		    rules_check(cat, &o, &f, &a, &r, &eb) == 0)
			json_decref(rules_result_to_json(cat, &r));
		json_decref(req);
	} else {
		rules_facts_init(&f);
		f.text = (const char *)data;
		f.text_len = size;
		f.status = "PNS";
		f.date = (struct date){2024, 11, 1};
		f.has_date = true;
		f.election = RULES_ELECTION_PILKADA;
		f.penetapan = (struct date){2024, 9, 22};
		f.has_penetapan = true;
		if (rules_check(cat, &o, &f, &a, &r, &eb) == 0)
			json_decref(rules_result_to_json(cat, &r));
	}
	arena_release(&a);
	return 0;
}
