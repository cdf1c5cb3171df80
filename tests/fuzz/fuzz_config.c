/*
 * fuzz_config.c - the INI configuration parser on arbitrary bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct errbuf eb;
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	config_init(&c);
	config_parse_string(&c, text, "fuzz.conf", &eb);
	free(text);
	return 0;
}
