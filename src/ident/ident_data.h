/*
 * ident_data.h - private to src/ident: read one knowledge file either from
 * the embedded assets ("data/<rel>") or from DIR/<rel>.
 *
 * On success *data is NUL-terminated; *owned says whether the caller must
 * free() it (a file) or not (an embedded asset, which lives for the whole
 * process).  Files larger than max are refused before they are read.
 */
#ifndef NETRA_IDENT_DATA_H
#define NETRA_IDENT_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

int ident_data_read(const char *dir, const char *rel, size_t max, const char **data, size_t *len,
		    bool *owned, struct errbuf *eb);

#endif
