/*
 * fuzz_intake_json.c - the laporan/temuan JSON parser (report_parse_json)
 * on arbitrary bytes, and, for what parses, the sealed-identity JSON it
 * produces must itself be valid JSON.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cases/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct report r;
	struct errbuf eb;

	arena_init(&a, 8192);
	if (report_parse_json(&a, (const char *)data, size, &r, &eb) == 0) {
		char *id = report_pelapor_json(&a, &r);
		json_t *j = json_loads(id, 0, NULL);

		if (j == NULL || r.nterlapor > REPORT_MAX_TERLAPOR || r.nbukti > REPORT_MAX_BUKTI)
			abort();
		json_decref(j);
	}
	arena_release(&a);
	return 0;
}
