/*
 * jsonw.h - write a jansson value as compact JSON text into a struct buf,
 * several times faster than json_dumps() (no per-token callback; strings
 * are copied in runs between the characters that need escaping).
 *
 * Output: UTF-8 as stored (jansson strings are valid UTF-8), with ", \ and
 * control characters escaped; object keys in insertion order; integers in
 * decimal; reals with 17 significant digits (a non-finite real, which
 * jansson cannot hold anyway, would be written as null).
 */
#ifndef NETRA_CORE_JSONW_H
#define NETRA_CORE_JSONW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/buf.h"

void jsonw_dump(struct buf *b, const json_t *j);

/* Pieces for writers that stream JSON without building a jansson tree.
 * jsonw_str writes a JSON string; bytes that are not valid UTF-8 become
 * U+FFFD so the output is always valid JSON; jsonw_str_or_null writes null
 * for a NULL s.  Keys and punctuation are literals (BUF_ADDLIT). */
void jsonw_str(struct buf *b, const char *s, size_t n);
void jsonw_str_or_null(struct buf *b, const char *s);
void jsonw_int(struct buf *b, long long v);
void jsonw_bool(struct buf *b, bool v);

#endif
