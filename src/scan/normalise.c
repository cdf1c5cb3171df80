/*
 * normalise.c - collapsing of repeated letters for the screening engine.
 * Decoding and folding of code points live in core/fold.c (shared with the
 * store's search keys) and reach the engine through scan_internal.h.
 */
#include <string.h>

#include "scan/scan_internal.h"

size_t
scan_collapse_runs(const char *s, size_t n, int keep, char *out)
{
	size_t i = 0, o = 0;

	while (i < n) {
		size_t j = i + 1;

		while (j < n && s[j] == s[i])
			j++;
		if (j - i >= 3 && s[i] >= 'a' && s[i] <= 'z') {
			out[o++] = s[i];
			if (keep >= 2)
				out[o++] = s[i];
		} else {
			memmove(out + o, s + i, j - i);
			o += j - i;
		}
		i = j;
	}
	return o;
}
