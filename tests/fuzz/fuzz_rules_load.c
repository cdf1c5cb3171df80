/*
 * fuzz_rules_load.c - the rule catalog loader (JSON sections, typed
 * fields, cross-references, coverage checks, the file:line locator) on
 * arbitrary bytes.
 *
 * The first byte picks which built-in data/rules file the rest replaces;
 * the other files stay the built-in ones, so a load that succeeds goes on
 * to evaluate a few cases.  The locator is also run on the raw bytes with
 * a fixed path, since it must be safe on text jansson never accepted.
 * Any crash, leak or sanitizer report is a bug; a refusal is fine.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "rules/rules_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
evaluate(const struct rules_catalog *cat)
{
	static const char *const texts[] = {
		"PNS memasang spanduk caleg",
		"ASN hadir di kampanye sebagai pendengar tanpa atribut",
		"PNS menjadi tim sukses calon bupati",
	};
	struct rules_options o;
	struct arena a;
	size_t i;

	rules_options_init(&o);
	arena_init(&a, 1 << 16);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct rules_facts f;
		struct rules_result r;
		struct errbuf eb;

		rules_facts_init(&f);
		f.text = texts[i];
		f.text_len = strlen(texts[i]);
		f.status = "PNS";
		f.date = (struct date){2024, 1, 10};
		f.has_date = true;
		f.penetapan = (struct date){2023, 11, 13};
		f.has_penetapan = true;
		f.election = RULES_ELECTION_PEMILU;
		if (rules_check(cat, &o, &f, &a, &r, &eb) == 0)
			json_decref(rules_result_to_json(cat, &r));
		arena_reset(&a);
	}
	for (i = 0; i < rules_item_count(cat); i++)
		json_decref(rules_item_to_json(cat, rules_item_at(cat, i), &o, true));
	arena_release(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char prefix[] = "data/rules/";
	struct rules_file files[RULES_MAX_FILES];
	struct rules_catalog *cat = NULL;
	struct jpos_step path[3] = {{"items", 0}, {NULL, 1}, {"level", 0}};
	struct errbuf eb;
	size_t n = 0, nbuiltin = 0, i, pick;
	char *text;

	if (size < 1 || size > 256 * 1024)
		return 0;
	for (i = asset_prefix_first(prefix);
	     i < asset_count && strncmp(asset_table[i].name, prefix, sizeof(prefix) - 1) == 0; i++)
		nbuiltin++;
	pick = nbuiltin ? data[0] % nbuiltin : 0;
	text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	for (i = 0; i < nbuiltin && n < RULES_MAX_FILES - 1; i++) {
		const struct asset *as = &asset_table[asset_prefix_first(prefix) + i];

		if (i == pick)
			continue;
		files[n++] = (struct rules_file){as->name, (const char *)as->data, as->len};
	}
	files[n++] = (struct rules_file){"fuzz.json", text, size - 1};
	if (rules_catalog_load_files(&cat, files, n, &eb) == 0) {
		evaluate(cat);
		rules_catalog_free(cat);
	}
	(void)jpos_line(text, size - 1, jpos_locate(text, size - 1, path, 3));
	free(text);
	return 0;
}
