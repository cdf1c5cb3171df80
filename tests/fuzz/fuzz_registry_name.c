/*
 * fuzz_registry_name.c - the registry's query reader, name normaliser and
 * name score on arbitrary bytes: the input is split at the first NUL (or
 * newline) into a query and a recorded name.  Checks: a number query gives
 * 16 or 18 digits, a name query a non-empty normalised name no longer than
 * the query, and every score is in [0, 1].
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cases/names.h"
#include "registry/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), ident[24], norm[REGISTRY_QUERY_MAX + 1], name[512];
	const char *query, *rest = "";
	size_t i, split = size;
	double s;
	int mode;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0; i < size; i++)
		if (text[i] == '\0' || text[i] == '\n') {
			split = i;
			break;
		}
	text[split] = '\0';
	query = text;
	if (split < size)
		rest = text + split + 1;
	mode = registry_query_parse(query, ident, sizeof(ident), norm, sizeof(norm), NULL);
	if (mode == 1 && strlen(ident) != 16 && strlen(ident) != 18)
		abort();
	if (mode == 0 && (norm[0] == '\0' || strlen(norm) > strlen(query)))
		abort();
	name_normalize(rest, name, sizeof(name));
	s = registry_name_score(mode == 0 ? norm : query, name);
	if (!(s >= 0.0 && s <= 1.0))
		abort();
	s = registry_name_score(name, mode == 0 ? norm : query);
	if (!(s >= 0.0 && s <= 1.0))
		abort();
	free(text);
	return 0;
}
