/*
 * multipart.h - multipart/form-data bodies (RFC 7578), parsed from a
 * complete in-memory body.
 *
 * Pure and zero-copy for the data: part.data points into the body; names,
 * filenames and content types are decoded, NUL-terminated copies in the
 * arena.  Limits bound the number of parts, the size of each part and of
 * each part's header block.  A filename is reduced to its last path
 * component with control characters removed; it is only a label.
 */
#ifndef NETRA_HTTP_MULTIPART_H
#define NETRA_HTTP_MULTIPART_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

struct multipart_part {
	const char *name;         /* form field name */
	const char *filename;     /* NULL for ordinary fields */
	const char *content_type; /* as declared by the client; "" when absent */
	const char *data;         /* points into the body */
	size_t len;
};

struct multipart_limits {
	size_t max_parts;
	size_t max_part_bytes;
	size_t max_header_bytes;
};

/* content_type is the request's Content-Type header (with the boundary). */
int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
		    const struct multipart_limits *lim, struct multipart_part **parts,
		    size_t *nparts, struct errbuf *eb);

#endif
