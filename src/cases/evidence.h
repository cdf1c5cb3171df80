/*
 * evidence.h - evidence files, stored content-addressed and durably.
 *
 * A file is identified by its SHA-256 (hex), which is printed on the
 * receipt.  Its real type is checked with libmagic against an allow-list
 * (images, audio, video, PDF, plain text; never HTML, SVG or executables,
 * which a browser or a PC could run).  Storage is DATA/evidence/ab/cd/<sha>
 * written as a temporary file, fsync'd, renamed and the directory fsync'd,
 * so a stored file survives a crash before the report that cites it is
 * acknowledged.  Storing the same bytes twice is a no-op.
 */
#ifndef NETRA_CASES_EVIDENCE_H
#define NETRA_CASES_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

struct evidence_file {
	char sha256[65];
	char mime[96];
	size_t size;
};

/* Detect the type of data with libmagic (thread-safe). */
int evidence_detect_mime(const void *data, size_t len, char *mime, size_t mimesz,
			 struct errbuf *eb);
bool evidence_mime_allowed(const char *mime);
/* Check, hash and store; fills out.  Error codes: "evidence_type" (422),
 * "payload_too_large" when len > max_bytes. */
int evidence_store(const char *data_dir, const void *data, size_t len, size_t max_bytes,
		   struct evidence_file *out, struct errbuf *eb);
/* Path of a stored file; -1 when sha256 is not 64 hex digits. */
int evidence_path(const char *data_dir, const char *sha256, char *out, size_t outsz);

#endif
