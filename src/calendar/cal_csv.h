/*
 * cal_csv.h - reading the calendar's CSV files record by record, with the
 * line of each record for error messages (private to src/calendar/).
 *
 * The first record must be the header, equal to the expected column
 * names in order.  Every later record must have exactly that many fields.
 * Fields are slices valid only during the callback.
 */
#ifndef NETRA_CALENDAR_CAL_CSV_H
#define NETRA_CALENDAR_CAL_CSV_H

#include <stddef.h>

#include "core/err.h"
#include "core/str.h"

#define CAL_CSV_MAX_FIELDS 8
#define CAL_CSV_MAX_FIELD  1024

struct cal_csv_row {
	struct str field[CAL_CSV_MAX_FIELDS];
	size_t n;
	unsigned line;
};

/* Return 0 to go on, -1 (with eb set) to stop. */
typedef int (*cal_csv_fn)(void *arg, const struct cal_csv_row *row, struct errbuf *eb);

int cal_csv_each(const char *file, const char *text, size_t len, const char *const *header,
		 cal_csv_fn fn, void *arg, struct errbuf *eb);
/* "date,kind,name" from a NULL-terminated header list (thread-local buffer). */
const char *cal_csv_header_text(const char *const *header);

#endif
