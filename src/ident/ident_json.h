/*
 * ident_json.h - JSON shapes of identifiers and regions, shared by the
 * API (src/api/api_ident.c) and the CLI (--json) so both print the same
 * document.  The shapes are part of the stable API: see docs/internals/ident.md.
 *
 * Every function returns a new reference (jansson); strings in it are
 * copies, so the JSON outlives the result and the region table.
 */
#ifndef NETRA_IDENT_JSON_H
#define NETRA_IDENT_JSON_H

#include <jansson.h>

#include "ident/ident.h"
#include "ident/region.h"

/* The decoded identifier (the 200 answer); also fine for an invalid one. */
json_t *ident_result_json(const struct ident_result *r);
/* application/problem+json body for an invalid identifier (422): type,
 * title, status, code, detail, field, position {from,to}, kind, and the
 * fault of every reading tried. */
json_t *ident_problem_json(const struct ident_result *r);
/* {code, name, level, kind, parent} */
json_t *region_json(const struct region *reg);

#endif
