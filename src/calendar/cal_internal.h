/*
 * cal_internal.h - the inside of struct calendar and the per-file parsers,
 * shared by the files of src/calendar/ (and the unit and fuzz tests).
 *
 * Invariants of a loaded calendar: holidays are sorted by date (file order
 * within a date); days[] has one entry per day from day0 over whole
 * covered years; provinces are indexed by their two-digit code; every
 * string and array lives in the calendar's arena.
 */
#ifndef NETRA_CALENDAR_CAL_INTERNAL_H
#define NETRA_CALENDAR_CAL_INTERNAL_H

#include <jansson.h>

#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "core/arena.h"

/* One day of the covered span. */
struct cal_day {
	unsigned char kinds;  /* enum holiday_kind bits */
	unsigned short first; /* index of its first holiday in holidays[] */
	unsigned short count; /* holidays on this day */
	const char *reason;   /* "Sabtu; libur nasional: ..." when kinds != 0 */
};

struct intake_rule {
	const char *id;
	enum election_kind kind;
	unsigned weekdays;       /* bit 0 = Minggu .. bit 6 = Sabtu */
	int open_min, close_min; /* minutes after local midnight, inclusive */
	unsigned closed_flags;   /* stage flags that close intake */
	bool closed_on_holidays; /* libur nasional, libur pemilu, cuti bersama (per opts) */
	bool has_from, has_to;
	struct date effective_from, effective_to;
	const char *basis;
	const char *note;
	unsigned line;
};

struct calendar {
	struct arena arena;
	const char *origin; /* "data" or the knowledge directory */

	struct election *elections;
	size_t nelections;

	struct holiday *holidays;
	size_t nholidays;
	int first_year, last_year; /* 0 when there is no holiday data */
	bool year_covered[CALENDAR_MAX_YEARS];
	int64_t day0; /* date_to_days(first_year-01-01) */
	struct cal_day *days;
	size_t ndays;

	struct province_zone provinces[100]; /* by code; zone == NULL when absent */
	size_t nprovinces;

	struct deadline_rule *rules;
	size_t nrules;

	struct intake_rule *intake;
	size_t nintake;

	/* parsing admin additions (calendar_load_admin): an election may
	 * replace one of the same id and is marked admin */
	bool admin_phase;
};

/* An empty calendar (arena ready), for the parsers below. */
struct calendar *cal_new(const char *origin);
/* Build days[] from holidays[] after every file is parsed. */
int cal_index_holidays(struct calendar *cal, struct errbuf *eb);

/* Per-file parsers: append what the file holds to cal.  file is the name
 * used in messages ("data/calendars/holidays.csv"). */
int cal_parse_holidays(struct calendar *cal, const char *file, const char *text, size_t len,
		       struct errbuf *eb);
int cal_parse_zones(struct calendar *cal, const char *file, const char *text, size_t len,
		    struct errbuf *eb);
int cal_parse_election(struct calendar *cal, const char *file, const char *text, size_t len,
		       struct errbuf *eb);
int cal_parse_deadlines(struct calendar *cal, const char *file, const char *text, size_t len,
			struct errbuf *eb);
int cal_parse_intake(struct calendar *cal, const char *file, const char *text, size_t len,
		     struct errbuf *eb);

/* Admin holidays over the data-file rows (merge rule: calendar.h). */
int cal_apply_admin_holidays(struct calendar *cal, const struct calendar_admin_holiday *rows,
			     size_t n, struct errbuf *eb);

/* The day entry for d, or NULL outside the covered years. */
const struct cal_day *cal_day_get(const struct calendar *cal, struct date d);
/* date_out_of_range for d, naming the covered years; returns -1. */
int cal_out_of_range(const struct calendar *cal, struct date d, struct errbuf *eb);

/* Small validators shared by the parsers. */
bool cal_region_valid(const char *s);                       /* "64", "64.08", ... */
bool cal_id_valid(const char *s, size_t maxlen, bool dots); /* [a-z0-9_] (and .) */
unsigned cal_stage_flag(const char *name);                  /* "quiet" -> STAGE_QUIET; 0 */
const char *cal_option_name(enum deadline_option o);        /* "pemilu_laporan_unit" */

/* --- JSON with line numbers (cal_json.c) ---------------------------------
 *
 * jansson does not keep positions, so errors about a value find its line
 * again by walking the source text along the value's path.  A path is a
 * short stack of object keys and array indexes.
 */
#define CAL_JPATH_MAX 8

struct cal_jpath {
	struct {
		const char *key; /* NULL for an index */
		size_t index;
	} step[CAL_JPATH_MAX];
	int n;
};

struct cal_jdoc {
	const char *file;
	const char *text;
	size_t len;
	struct arena *arena;
	struct errbuf *eb;
	struct cal_jpath path;
};

/* Parse text (objects with duplicate keys are refused); NULL with
 * "file:line: ..." in eb on a syntax error. */
json_t *cal_json_load(struct cal_jdoc *d);
/* Line (1-based) of the value at path in text; 1 when it cannot be found. */
unsigned cal_json_line(const char *text, size_t len, const struct cal_jpath *path);
void cal_jpath_push_key(struct cal_jpath *p, const char *key);
void cal_jpath_push_index(struct cal_jpath *p, size_t index);
void cal_jpath_pop(struct cal_jpath *p);
/* "file:line: path: message" in d->eb (ERR_INVALID_INPUT, code invalid_data);
 * returns -1.  The current path plus key (may be NULL) locates the line. */
int cal_jerr(struct cal_jdoc *d, const char *key, const char *fmt, ...) ATTR_PRINTF(3, 4);
/* Refuse keys of obj not in the NULL-terminated list. */
int cal_json_check_keys(struct cal_jdoc *d, json_t *obj, const char *const *allowed);
/* Typed getters on obj[key]: required ones fail when missing; optional
 * ones leave *out alone and return 0 when the key is absent (or null). */
int cal_json_str(struct cal_jdoc *d, json_t *obj, const char *key, bool required, size_t maxlen,
		 const char **out);
int cal_json_strcpy(struct cal_jdoc *d, json_t *obj, const char *key, bool required, char *dst,
		    size_t dstsz);
int cal_json_date(struct cal_jdoc *d, json_t *obj, const char *key, bool required, struct date *out,
		  bool *present);
int cal_json_int(struct cal_jdoc *d, json_t *obj, const char *key, bool required, long min,
		 long max, long *out);
int cal_json_bool(struct cal_jdoc *d, json_t *obj, const char *key, bool *out);
/* An array of stage flag names ("quiet", "no_intake") as STAGE_* bits. */
int cal_json_flags(struct cal_jdoc *d, json_t *obj, const char *key, unsigned *out);
/* An array of strings (each at most maxlen bytes) copied into the arena. */
int cal_json_strv(struct cal_jdoc *d, json_t *obj, const char *key, size_t max, size_t maxlen,
		  const char *const **out, size_t *n);

#endif
