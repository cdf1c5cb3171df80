/*
 * fuzz_trackcode.c - tracking-code normalisation on arbitrary bytes.
 *
 * Whatever is accepted must come out canonical ("XXXX-XXXX-X", alphabet
 * only) and normalise to itself; whatever is refused must carry the
 * stable code "invalid_code" and a message that is valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cases/trackcode.h"
#include "core/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	char out[TRACKCODE_LEN], again[TRACKCODE_LEN];
	struct errbuf eb;
	size_t i;

	memcpy(in, data, size);
	in[size] = '\0';
	if (trackcode_normalize(in, out, &eb) == 0) {
		if (strlen(out) != 11 || out[4] != '-' || out[9] != '-')
			abort();
		for (i = 0; i < 11; i++)
			if (i != 4 && i != 9 && strchr(TRACKCODE_ALPHABET, out[i]) == NULL)
				abort();
		if (trackcode_normalize(out, again, NULL) != 0 || strcmp(out, again) != 0)
			abort();
	} else if (strcmp(errbuf_code(&eb), "invalid_code") != 0 || out[0] != '\0' ||
		   !utf8_valid(eb.msg, strlen(eb.msg))) {
		abort();
	}
	free(in);
	return 0;
}
