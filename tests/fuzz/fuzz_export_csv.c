/*
 * fuzz_export_csv.c - one CSV field of the export on arbitrary bytes.
 * Reading the field back as CSV (';' separated, '"' quoting) must give one
 * field equal to the input, with a leading ' added exactly when the input
 * starts with a formula trigger (= + - @ TAB CR).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b = BUF_INIT;
	const char *s;
	char *back;
	size_t i = 0, n, o = 0;
	bool trigger;

	if (memchr(data, '\0', size))
		return 0;
	export_csv_field(&b, (const char *)data, size);
	s = buf_cstr(&b);
	n = b.len;
	back = malloc(n + 1);
	if (n > 0 && s[0] == '"') {
		for (i = 1; i < n; i++) {
			if (s[i] == '"') {
				if (i + 1 < n && s[i + 1] == '"') {
					back[o++] = '"';
					i++;
					continue;
				}
				break; /* the closing quote */
			}
			back[o++] = s[i];
		}
		if (i != n - 1)
			abort(); /* something after the closing quote, or none */
	} else {
		for (i = 0; i < n; i++) {
			if (s[i] == ';' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
				abort(); /* would need quoting */
			back[o++] = s[i];
		}
	}
	trigger = size > 0 && strchr("=+-@\t\r", data[0]) != NULL;
	if (trigger) {
		if (o == 0 || back[0] != '\'' || o - 1 != size || memcmp(back + 1, data, size) != 0)
			abort();
	} else if (o != size || memcmp(back, data, size) != 0) {
		abort();
	}
	free(back);
	buf_release(&b);
	return 0;
}
