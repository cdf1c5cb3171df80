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

#include "core/buf.h"

void jsonw_dump(struct buf *b, const json_t *j);

#endif
