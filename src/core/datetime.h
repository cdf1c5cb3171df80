/*
 * datetime.h - civil dates, ISO 8601 timestamps, Indonesian time zones and
 * the process clock (with the --now / NETRA_NOW override).
 *
 * Dates are proleptic Gregorian (struct date); timestamps are seconds since
 * 1970-01-01T00:00:00Z (int64_t).  Indonesia has no daylight saving, so a
 * zone is a fixed UTC offset: WIB +07:00, WITA +08:00, WIT +09:00.
 * Parsers are strict and pure: (ptr, len) in, value or -1 out.
 */
#ifndef NETRA_CORE_DATETIME_H
#define NETRA_CORE_DATETIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "str.h"

struct date {
	int year;
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

#define DATE_STRLEN 11 /* "YYYY-MM-DD" + NUL */
#define TIME_STRLEN 32 /* "YYYY-MM-DDTHH:MM:SS+hh:mm" + NUL, with room */

bool date_is_valid(int year, int month, int day);
int date_days_in_month(int year, int month);
/* Days since 1970-01-01 (negative before). */
int64_t date_to_days(struct date d);
struct date date_from_days(int64_t days);
/* 0 = Sunday (Minggu) .. 6 = Saturday (Sabtu). */
int date_weekday(struct date d);
struct date date_add_days(struct date d, int64_t n);
int date_cmp(struct date a, struct date b);
/* Strict "YYYY-MM-DD" with a valid calendar date. */
int date_parse(struct str s, struct date *out);
void date_format(struct date d, char out[DATE_STRLEN]);
/* "Jumat, 9 Februari 2024" */
void date_format_long_id(struct date d, char *out, size_t outsz);
const char *date_weekday_name_id(int weekday);
const char *date_month_name_id(int month);

struct tz {
	const char *name;  /* "WIB", "WITA", "WIT" */
	int offset_min;    /* minutes east of UTC */
	const char *label; /* "Waktu Indonesia Barat" */
};

extern const struct tz tz_wib, tz_wita, tz_wit;
/* By abbreviation (case-insensitive) or NULL. */
const struct tz *tz_find(struct str name);

/*
 * "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|+hh:mm|-hh:mm|+hhmm)"; a space may replace
 * the T.  The offset is mandatory: a time without a zone is a guess.
 */
int time_parse_iso(struct str s, int64_t *out, int *offset_min);
/* Format t in the given offset; "Z" is written for offset 0. */
void time_format_iso(int64_t t, int offset_min, char out[TIME_STRLEN]);
struct date time_local_date(int64_t t, int offset_min);
/* Seconds since local midnight. */
int time_local_seconds(int64_t t, int offset_min);
/* Local midnight of date d in the given offset, as a timestamp. */
int64_t time_from_local_date(struct date d, int offset_min);

/*
 * The clock.  With an override set, time starts at the override moment and
 * advances with the monotonic clock, so a replay of 2024 keeps ordering.
 */
int64_t clock_now(void);
int clock_set_override(const char *iso, struct errbuf *eb);
bool clock_is_overridden(void);
/* Milliseconds from the monotonic clock, for durations. */
int64_t clock_mono_ms(void);
int64_t clock_mono_us(void);

#endif
