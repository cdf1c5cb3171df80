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
 *
 * Layout and modes: directories 0700, files 0400 (never modified in
 * place); ab and cd are the first two and the next two hex digits of the
 * hash.  Temporary files are ".tmp-<random>" in the same directory; one
 * left by a crash is garbage and may be deleted.  A stored file is served
 * only as an attachment with X-Content-Type-Options: nosniff.
 *
 * Threads: every function is thread-safe.  libmagic handles are not, so
 * they are lent from a small mutex-protected pool; evidence_shutdown()
 * closes the pooled handles at exit (the process stays leak-clean).
 * Directory creation is serialised inside the process so that nobody
 * sees a new directory before its parent was fsync'd.
 */
#ifndef NETRA_CASES_EVIDENCE_H
#define NETRA_CASES_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define EVIDENCE_POOL_MAX 8 /* idle libmagic handles kept for reuse */

struct evidence_file {
	char sha256[65];
	char mime[96];
	size_t size;
};

/* Detect the type of data with libmagic (thread-safe): a MIME type such as
 * "image/png" in mime.  ERR_INTERNAL when libmagic or its database fails. */
int evidence_detect_mime(const void *data, size_t len, char *mime, size_t mimesz,
			 struct errbuf *eb);
/* Whether mime (as evidence_detect_mime() gives it) is on the allow-list. */
bool evidence_mime_allowed(const char *mime);
/* Check, hash and store; fills out.  Error codes: "evidence_type" (422),
 * "payload_too_large" when len > max_bytes. */
int evidence_store(const char *data_dir, const void *data, size_t len, size_t max_bytes,
		   struct evidence_file *out, struct errbuf *eb);
/* Path of a stored file; -1 when sha256 is not 64 hex digits. */
int evidence_path(const char *data_dir, const char *sha256, char *out, size_t outsz);
/* SHA-256 of data as 64 lowercase hex digits. */
void evidence_hash(const void *data, size_t len, char out[65]);
/* Close the pooled libmagic handles; call once at exit, after the last
 * evidence_* call.  Safe to call more than once; a later call reopens. */
void evidence_shutdown(void);

#endif
