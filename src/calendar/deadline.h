/*
 * deadline.h - statutory deadlines: the rules (data/calendars/deadlines.json)
 * and the pure engine that turns (rule, start, zone, options) into a due
 * date with its explanation.
 *
 * Counting convention (docs/internals/calendar.md): the start day is not
 * counted.  N hari = the start date plus N calendar days; nothing is
 * skipped.  N hari kerja = the Nth working day after the start date, a
 * working day being Monday-Friday that is not a libur nasional, not a cuti
 * bersama (unless calendar_opts says they count) and not an election-day
 * holiday.  The due date is a local date in the region's zone; a
 * time-stamped start is first converted to that local date.
 *
 * Past the holiday data: a working-day count that needs a day in a year
 * the data does not cover (from its first year on: a future year whose SKB
 * is not loaded, or a gap) does not fail.  Those days are classified by
 * weekday alone, the result carries provisional = true with a reason
 * ("data hari libur 2027 belum dimuat; dihitung tanpa libur nasional") and
 * the explanation says so.  Unknown holidays can only make the real due
 * date later, never earlier: a provisional due is the earliest possible
 * one, deadline_latest_due() a bound on the latest.  Days before the data's
 * first year are still refused with date_out_of_range (calendar.h says
 * why).  Calendar-day (hari) deadlines never need holiday data and are
 * never provisional.
 *
 * Ownership: rules live in the calendar.  A deadline_result owns its
 * skipped array and its explanation: deadline_result_release() frees them;
 * the reason strings and the rule point into the calendar.
 *
 * Stable error codes: unknown_rule, rule_not_in_effect, invalid_date,
 * date_out_of_range, unknown_region, region_required, invalid_input.
 */
#ifndef NETRA_CALENDAR_DEADLINE_H
#define NETRA_CALENDAR_DEADLINE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "calendar/calendar.h"
#include "core/buf.h"

#define DEADLINE_MAX_COUNT 366 /* largest N a rule or an option may give */
#define DEADLINE_MAX_PARTS 4
#define DEADLINE_ID_LEN    64
/* Distinct uncovered years one count can touch: 366 hari kerja span under
 * two years of calendar days, so three; one spare. */
#define DEADLINE_MAX_PROVISIONAL_YEARS 4
#define DEADLINE_REASON_LEN            160
/*
 * Bound on N hari kerja in calendar days, for deciding without holiday
 * data whether a date is certainly past a deadline: the Nth working day
 * after a start is taken to be never later than start + 2N + 14 days.
 * Weekends alone make N hari kerja at most 7*ceil(N/5) - 2 days; the
 * holidays add the rest.  In the data 2023-2026 the longest run of days
 * off is 11 (28 March - 7 April 2025: Nyepi, Idulfitri and cuti bersama),
 * no 24-day window holds more than 8 weekday holidays, and the slowest
 * N hari kerja take 12 days for N = 1 (bound 16), 20 for N = 7 (28), 32
 * for N = 14 (42) and 578 for N = 366 (746).  test_deadline.c checks the
 * bound against every start in the data.
 */
#define DEADLINE_SLACK_FACTOR 2
#define DEADLINE_SLACK_DAYS   14

/* Which [rules] option may change a rule (named in deadlines.json). */
enum deadline_option {
	DEADLINE_OPT_NONE,
	DEADLINE_OPT_PEMILU_LAPORAN_UNIT,    /* changes the unit */
	DEADLINE_OPT_PPK_TINDAK_LANJUT_DAYS, /* changes the count */
};

struct deadline_part {
	int count;
	const char *what; /* "tindak lanjut setelah laporan diterima" */
};

struct deadline_rule {
	const char *id;    /* "pemilu.laporan" */
	const char *title; /* Indonesian */
	int count;         /* total days (sum of the parts when there are parts) */
	enum deadline_unit unit;
	const struct deadline_part *parts; /* NULL when a single count */
	size_t nparts;
	const char *starts;     /* what starts the clock, Indonesian */
	const char *basis;      /* legal basis */
	const char *confidence; /* confirmed, single_source, disputed, unconfirmed */
	const char *note;       /* caveat shown in explanations; "" when none */
	const char *const *sources;
	size_t nsources;
	enum deadline_option option;
	bool has_from, has_to; /* effective_from / effective_to, inclusive */
	struct date effective_from, effective_to;
	unsigned line;        /* in deadlines.json */
	const char *title_en; /* English title; NULL when the file has none */
};

/* A rule by id that is in effect on date `on`.  NULL with unknown_rule when
 * no rule has this id, or rule_not_in_effect when none of its versions
 * covers `on`. */
const struct deadline_rule *deadline_rule_find(const struct calendar *cal, const char *id,
					       struct date on, struct errbuf *eb);
size_t deadline_rule_count(const struct calendar *cal);
const struct deadline_rule *deadline_rule_at(const struct calendar *cal, size_t i);
const char *deadline_unit_name(enum deadline_unit u); /* "hari", "hari_kerja" */
/* "hari" / "hari kerja" for prose */
const char *deadline_unit_label(enum deadline_unit u);

struct deadline_skip {
	struct date date;
	const char *reason; /* points into the calendar or to a static string */
};

struct deadline_result {
	const struct deadline_rule *rule;
	struct date start; /* local start date, not counted */
	struct date due;
	enum deadline_unit unit; /* after options */
	int count;               /* after options */
	bool unit_from_option;
	bool count_from_option;
	const struct tz *zone;         /* NULL when no region was given */
	struct deadline_skip *skipped; /* hari kerja only; owned */
	size_t nskipped;
	size_t cuti_counted;    /* cuti bersama counted as working days */
	struct buf explanation; /* Indonesian, NUL-terminated */
	/* true when a working day was classified past the holiday data;
	 * provisional_reason then says which years ("data hari libur 2027
	 * belum dimuat; dihitung tanpa libur nasional"), "" otherwise */
	bool provisional;
	int provisional_years[DEADLINE_MAX_PROVISIONAL_YEARS]; /* ascending */
	size_t nprovisional_years;
	char provisional_reason[DEADLINE_REASON_LEN];
};

void deadline_result_init(struct deadline_result *r);
void deadline_result_release(struct deadline_result *r);

/*
 * Compute the deadline of rule from the local start date.  zone only labels
 * the explanation (NULL: none given).  A count that runs past the holiday
 * data answers provisionally (out->provisional, see above); -1 with
 * date_out_of_range only when a working day before the data's first year
 * must be classified.  Pure: reads cal, writes only *out.
 */
int deadline_compute(const struct calendar *cal, const struct deadline_rule *rule,
		     struct date start, const struct tz *zone, const struct calendar_opts *opts,
		     struct deadline_result *out, struct errbuf *eb);

/* The latest date a deadline (start, due, unit, count as computed) can
 * really fall on: its due date when it is exact; for a provisional
 * working-day count the later of the due date and start +
 * DEADLINE_SLACK_FACTOR * count + DEADLINE_SLACK_DAYS (unknown holidays can
 * only push the due date later). */
struct date deadline_latest_due(struct date start, struct date due, enum deadline_unit unit,
				int count, bool provisional);

/* Working days after `from` up to and including `to` (0 when to <= from).
 * Days past the holiday data count by weekday alone and set *provisional
 * (may be NULL) to true; -1 with date_out_of_range when the span starts
 * before the data.  For "sisa hari kerja" displays. */
int deadline_workdays_between(const struct calendar *cal, struct date from, struct date to,
			      const struct calendar_opts *opts, long *out, bool *provisional,
			      struct errbuf *eb);

/* --- requests: the shape of `netra deadline --json` and POST /api/v1/deadlines */

struct deadline_request {
	char id[DEADLINE_ID_LEN];   /* optional caller's tag, echoed back */
	char rule[DEADLINE_ID_LEN]; /* "pemilu.laporan" */
	char start[40];             /* "2024-02-09" or "2024-02-09T23:30:00+08:00" */
	char region[24];            /* "64.08", "" when none */
};

/* {"rule": ..., "start": ..., "region": ..., "id": ...} from a JSON object;
 * unknown keys are refused (a misspelt key would silently change the
 * answer). */
int deadline_request_from_json(json_t *obj, struct deadline_request *req, struct errbuf *eb);
/* The same from text (one line of `netra deadline --json`); at most
 * DEADLINE_REQUEST_MAX bytes. */
#define DEADLINE_REQUEST_MAX 4096
int deadline_request_parse(const char *p, size_t n, struct deadline_request *req,
			   struct errbuf *eb);
/*
 * Resolve and compute: region -> zone, start -> local date (a timestamp
 * needs a region), rule id -> the rule in effect on that date, then
 * deadline_compute().
 */
int deadline_request_run(const struct calendar *cal, const struct deadline_request *req,
			 const struct calendar_opts *opts, struct deadline_result *res,
			 struct errbuf *eb);
/* {"rule","start","due","unit","explanation","skipped":[{"date","reason"}],
 * "provisional": bool, "provisional_reason", "provisional_years" and
 * "due_latest" (deadline_latest_due(); only when provisional), ...} */
json_t *deadline_result_to_json(const struct deadline_request *req,
				const struct deadline_result *res);
/* {"rule","start","error":{"code","message"}} for one failed request */
json_t *deadline_error_to_json(const struct deadline_request *req, const struct errbuf *eb);

#endif
