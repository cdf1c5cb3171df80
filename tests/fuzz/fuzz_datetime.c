/*
 * fuzz_datetime.c - ISO date and timestamp parsers on arbitrary bytes;
 * whatever parses must format back to a string that parses to the same
 * value.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/datetime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str s = str_make((const char *)data, size);
	struct date d, d2;
	char buf[TIME_STRLEN];
	int64_t t, t2;
	int off;

	if (date_parse(s, &d) == 0) {
		date_format(d, buf);
		if (date_parse(str_from(buf), &d2) < 0 || date_cmp(d, d2) != 0)
			abort();
	}
	if (time_parse_iso(s, &t, &off) == 0) {
		time_format_iso(t, off, buf);
		if (time_parse_iso(str_from(buf), &t2, NULL) < 0 || t != t2)
			abort();
	}
	return 0;
}
