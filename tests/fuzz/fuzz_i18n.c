/*
 * fuzz_i18n.c - the message catalog parser on arbitrary bytes.
 */
#include <stddef.h>
#include <stdint.h>

#include "web/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct i18n *c;
	struct errbuf eb;

	if (i18n_parse("xx", (const char *)data, size, &c, &eb) == 0) {
		size_t i;

		for (i = 0; i < i18n_count(c); i++)
			(void)i18n_get(c, i18n_key_at(c, i));
		i18n_free(c);
	}
	return 0;
}
