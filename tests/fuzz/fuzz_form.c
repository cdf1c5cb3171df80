/*
 * fuzz_form.c - urlencoded form/query decoding on arbitrary bytes.
 * Checks the decoder's own invariants: values are NUL-free, valid UTF-8
 * and never longer than the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct form f;
	size_t i;

	arena_init(&a, 4096);
	if (form_parse(&a, (const char *)data, size, &f, NULL) == 0) {
		for (i = 0; i < f.n; i++) {
			if (f.fields[i].value_len > size ||
			    strlen(f.fields[i].value) != f.fields[i].value_len ||
			    !utf8_valid(f.fields[i].value, f.fields[i].value_len))
				abort();
		}
	}
	arena_release(&a);
	return 0;
}
