/*
 * deadline_memo.h - computed deadlines, remembered.
 *
 * A deadline depends only on its rule, its start date, the zone and the
 * calendar.  A calendar is immutable and is never freed while the process
 * runs (calendar_live retires replaced ones), so its address is part of
 * the key: after an admin changes the calendar, answers of the old one are
 * simply never found again; deadline_memo_clear() gives their memory back.  On a
 * busy day every report starts the same few clocks, so intake asks the same
 * questions thousands of times; the memo keeps the answer (the deadline's
 * compact JSON, its due date and whether it is provisional, i.e. counted
 * past the holiday data) in a small table, one entry per hash slot,
 * replaced on collision.  Thread-safe.  Only a published calendar may be
 * a key: one that is freed without being published (a failed change, a
 * stale reload) never reaches the memo, so its address cannot come back
 * with old answers.
 */
#ifndef NETRA_CASES_DEADLINE_MEMO_H
#define NETRA_CASES_DEADLINE_MEMO_H

#include <stdbool.h>

#include "calendar/calendar.h"
#include "core/datetime.h"

struct deadline_memo;

struct deadline_memo *deadline_memo_new(void);
void deadline_memo_free(struct deadline_memo *m);
/* A copy of the remembered JSON text (the caller frees it) with its due
 * date and provisional flag, or NULL when this deadline is not
 * remembered. */
char *deadline_memo_get(struct deadline_memo *m, const struct calendar *cal, const char *rule,
			struct date start, const struct tz *zone, char due[DATE_STRLEN],
			bool *provisional);
/* Remember text, due and provisional for (rule, start, zone); rules longer
 * than the memo key are simply not remembered. */
void deadline_memo_put(struct deadline_memo *m, const struct calendar *cal, const char *rule,
		       struct date start, const struct tz *zone, const char *text,
		       const char due[DATE_STRLEN], bool provisional);
/* Forget everything (after the calendar changed). */
void deadline_memo_clear(struct deadline_memo *m);

#endif
