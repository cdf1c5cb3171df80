/*
 * boleh_query.h - the question of the decision aid (/boleh) as query
 * parameters, to the request object of the check service (check_run()).
 *
 * Parameters (stable: answers are linked and bookmarked):
 *   butir      catalog item id ("D-6", "B-2")
 *   teks       the conduct described in free text
 *   q          the same as teks (links and search boxes use q); when both
 *              are given and teks is not blank, teks wins
 *   status     employee status id ("PNS", "kepala_desa", ...; "" = unknown)
 *   tanggal    date of the act, YYYY-MM-DD (D/M/YYYY is accepted)
 *   pemilihan  election id of the calendar ("pemilu2024")
 *   m          a modifier id that holds (repeated; a checkbox each)
 * Pure: no I/O; the check service validates the values and says which
 * field is wrong (boleh_form_field() maps it back to a parameter).
 */
#ifndef NETRA_WEB_BOLEH_QUERY_H
#define NETRA_WEB_BOLEH_QUERY_H

#include <jansson.h>
#include <stdbool.h>

#include "core/form.h"

#define BOLEH_MAX_MODIFIERS 16

/*
 * The check request {"item","text","status","date","election",
 * "modifiers": {id: true}} of q, with blank values left out and values
 * trimmed.  *asked is true when q names a conduct (butir, teks or q), so the
 * page answers; otherwise it only shows the form.  Never NULL.
 */
json_t *boleh_request_json(const struct form *q, bool *asked);
/* The query parameter of a check request field ("date" -> "tanggal"), or
 * "" when the error is about the question as a whole. */
const char *boleh_form_field(const char *check_field);

#endif
