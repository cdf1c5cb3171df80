/*
 * multipart.h - multipart/form-data bodies (RFC 7578), parsed from a
 * complete in-memory body.
 *
 * Pure and zero-copy for the data: part.data points into the body; names,
 * filenames and content types are decoded, NUL-terminated copies in the
 * arena.  Limits bound the number of parts, the size of each part and of
 * each part's header block.  A filename is reduced to its last path
 * component with control characters removed; it is only a label.
 *
 * Decisions (docs/internals/intake.md has the reasons):
 *  - Line ends are CRLF, as every browser and curl send them.  A bare LF
 *    in a delimiter line or a part header is rejected, never guessed.
 *  - A delimiter is CRLF "--" boundary followed by optional spaces/tabs
 *    and CRLF, or by "--" (the last one).  "--boundary" anywhere else,
 *    e.g. "--boundaryX" inside a file, is data.
 *  - The closing delimiter is required: a body cut short is an error, so
 *    a truncated upload is never stored as evidence.
 *  - Part headers: names are case-insensitive; Content-Disposition must
 *    be form-data with a non-empty name; Content-Type is kept as sent;
 *    Content-Transfer-Encoding other than 7bit/8bit/binary is rejected;
 *    other headers are ignored; a header line folded onto the next line
 *    is rejected; a repeated Content-Disposition/Content-Type or a
 *    repeated parameter is rejected.
 *  - Quoted values: backslash escapes only '"' and '\\' (other
 *    backslashes are literal, so C:\dir\a.jpg survives); %22, %0D and
 *    %0A are decoded: the WHATWG HTML form encoding, which Chromium 156
 *    and curl 7.88 were seen to send.  filename*=charset'lang'%XX (RFC 8187)
 *    with UTF-8 or ISO-8859-1 wins over filename; another charset is
 *    ignored.
 *  - Repeated field names are kept, in body order.
 *
 * Errors: code "invalid_multipart" (ERR_INVALID_INPUT, 400) for a
 * malformed body or boundary, "payload_too_large" (ERR_PAYLOAD_TOO_LARGE,
 * 413) for a limit, "unsupported_media_type" (415) when the Content-Type
 * is not multipart/form-data.
 */
#ifndef NETRA_HTTP_MULTIPART_H
#define NETRA_HTTP_MULTIPART_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

#define MULTIPART_BOUNDARY_MAX 70  /* RFC 2046 */
#define MULTIPART_FILENAME_MAX 255 /* bytes of a sanitized filename */

/* The limits used when multipart_parse() gets lim == NULL. */
#define MULTIPART_DEFAULT_MAX_PARTS        32
#define MULTIPART_DEFAULT_MAX_PART_BYTES   (8u << 20)
#define MULTIPART_DEFAULT_MAX_HEADER_BYTES 4096

struct multipart_part {
	const char *name;         /* form field name */
	const char *filename;     /* NULL for ordinary fields */
	const char *content_type; /* as declared by the client; "" when absent */
	const char *data;         /* points into the body */
	size_t len;
};

struct multipart_limits {
	size_t max_parts;        /* parts in the body */
	size_t max_part_bytes;   /* data bytes of one part */
	size_t max_header_bytes; /* one part's header block, CRLFs included */
};

/* content_type is the request's Content-Type header (with the boundary).
 * lim may be NULL for the defaults above.  On success *parts is an arena
 * array of *nparts parts (possibly 0 for a body with only the closing
 * delimiter); on failure *parts is NULL and *nparts 0. */
int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
		    const struct multipart_limits *lim, struct multipart_part **parts,
		    size_t *nparts, struct errbuf *eb);

/* The boundary of a multipart/form-data Content-Type, validated (1-70
 * bchars, not ending in a space); out gets it NUL-terminated. */
int multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1],
		       struct errbuf *eb);

/* First part named name, or NULL. */
const struct multipart_part *multipart_find(const struct multipart_part *parts, size_t nparts,
					    const char *name);

/* A client-supplied filename as a safe label, in the arena: the last
 * component after '/' or '\\'; C0/C1 controls, DEL and bidi controls
 * removed; invalid UTF-8 replaced by U+FFFD; spaces trimmed; "." and ".."
 * become ""; at most MULTIPART_FILENAME_MAX bytes, cut on a character
 * boundary and keeping a short extension.  Never NULL. */
char *multipart_filename_sanitize(struct arena *a, const char *in, size_t n);

#endif
