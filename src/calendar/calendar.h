/*
 * calendar.h - election calendars, holidays, time zones per province and
 * the Pilkada intake hours: the dated legal facts that deadlines and rules
 * are computed from.
 *
 * Everything here is loaded from data files (data/calendars/ compiled into
 * the binary, or DIR/calendars/ when a knowledge directory is configured);
 * no date, holiday or zone is written in C.  A loaded calendar is
 * immutable: every function below is safe to call from many threads at
 * once on the same struct calendar.
 *
 * Ownership: calendar_load() gives the caller one struct calendar, freed
 * with calendar_free().  Every pointer returned by a lookup (elections,
 * stages, holidays, rules, strings) points into the calendar and lives as
 * long as it does.
 *
 * Errors: loaders fail with "file:line: what is wrong" (Indonesian) in eb.
 * Lookups that can fail return -1 and set a stable code in eb:
 * "unknown_region", "date_out_of_range", ...
 *
 * Limits: a data file is at most CALENDAR_MAX_FILE bytes; an election has
 * at most CALENDAR_MAX_STAGES stages; holiday data may cover at most
 * CALENDAR_MAX_YEARS consecutive years.
 */
#ifndef NETRA_CALENDAR_CALENDAR_H
#define NETRA_CALENDAR_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/datetime.h"
#include "core/err.h"

#define CALENDAR_MAX_FILE   (4u << 20)
#define CALENDAR_MAX_FILES  256
#define CALENDAR_MAX_STAGES 64
#define CALENDAR_MAX_YEARS  100
/* Room for one day's reason ("Sabtu; libur nasional: ...") */
#define CALENDAR_REASON_LEN 256

/* --- elections (the contract used by the rules engine) ------------------ */

/*
 * pemilihan_ulang (a repeat election, e.g. after kotak kosong won) and psu
 * (pemungutan suara ulang, ordered by Bawaslu or the MK) are elections of
 * their own with their own dates, but the clocks, intake hours and rules
 * that apply are those of the election they repeat: struct election's
 * `clock` is always ELECTION_PEMILU or ELECTION_PILKADA ("follows" in the
 * data file), and every rule or deadline decision reads `clock`, never
 * `kind`.
 */
enum election_kind {
	ELECTION_PEMILU,
	ELECTION_PILKADA,
	ELECTION_PEMILIHAN_ULANG,
	ELECTION_PSU,
};

enum stage_flags {
	STAGE_CAMPAIGN = 1 << 0, /* masa kampanye */
	STAGE_QUIET = 1 << 1,    /* masa tenang */
	STAGE_VOTING = 1 << 2,   /* pemungutan suara */
	STAGE_RECAP = 1 << 3,    /* penghitungan / rekapitulasi */
	STAGE_NO_INTAKE =
		1 << 4, /* Pilkada: laporan not accepted (masa tenang, voting, rekapitulasi) */
};

struct election_stage {
	char id[32];            /* "kampanye", "masa_tenang", "pemungutan_suara", ... */
	char name[128];         /* Indonesian name */
	struct date start, end; /* inclusive */
	unsigned flags;
	/* additions to the contract */
	const char *note; /* source or caveat for this stage's dates; "" when none */
};

struct election {
	char id[32]; /* "pemilu2024", "pilkada2024", "pemilu2029", ... */
	enum election_kind kind;
	char name[128]; /* "Pemilihan Umum 2024" */
	struct date voting_day;
	struct date penetapan;    /* candidates determined (penetapan paslon / calon): divides the
				     bakal calon stage from the calon stage (SKB 2022 D-9/D-10) */
	char penetapan_note[256]; /* which penetapan, and its source */
	const struct election_stage *stages;
	size_t nstages;
	/* additions to the contract */
	bool has_voting_day;        /* false: not fixed yet; voting_day is {0,0,0} */
	bool has_penetapan;         /* false: not fixed yet; penetapan is {0,0,0} */
	const char *basis;          /* legal basis of the schedule ("PKPU 3/2022") */
	const char *note;           /* caveats, what is still unknown; "" when none */
	const char *const *regions; /* region code prefixes ("19.71") where it is held; */
	size_t nregions;            /* nregions == 0 means nationwide */
	const char *file;           /* data file it came from, for messages */
	const char *name_en;        /* English name ("2024 General Election"); NULL: none */
	enum election_kind clock;   /* ELECTION_PEMILU or ELECTION_PILKADA: whose clocks apply */
	bool admin;                 /* added by an admin (database), not a data file */
};

/* "pemilu", "pilkada", "pemilihan_ulang", "psu". */
const char *calendar_election_kind_name(enum election_kind k);
/* The inverse; -1 when unknown. */
int calendar_election_kind_parse(const char *s);
/* "pemilu" or "pilkada": the clocks (deadline rule prefix, intake) of e. */
const char *calendar_election_clock_name(const struct election *e);

struct calendar;

/* Load elections and holidays from data/calendars (embedded) or DIR/calendars. A malformed
 * file fails with "file:line: what is wrong" in eb. */
int calendar_load(struct calendar **out, const char *dir, struct errbuf *eb);
void calendar_free(struct calendar *cal);
const struct election *calendar_election_find(const struct calendar *cal, const char *id);
size_t calendar_election_count(const struct calendar *cal);
const struct election *calendar_election_at(const struct calendar *cal, size_t i);
/* Stage of election e that contains date d, or NULL.  When stages overlap
 * (voting day inside penghitungan) the one that started last wins, then the
 * shortest. */
const struct election_stage *calendar_stage_at(const struct election *e, struct date d);
/* "campaign", "quiet", "voting", "recap", "no_intake" for one STAGE_* bit; "?" otherwise. */
const char *calendar_stage_flag_name(unsigned flag);
/* The union of the flags of every stage of e that contains d. */
unsigned calendar_stage_flags_at(const struct election *e, struct date d);
/* true when e is held in (part of) the region ("64.08", "19.71.01", "19"):
 * nationwide elections hold everywhere; a regional one where the region
 * and one of its listed regions lie one inside the other. */
bool calendar_election_in_region(const struct election *e, const char *region);

/*
 * The same loader over files already in memory: name is the path below
 * the knowledge root ("calendars/holidays.csv"), origin is what messages
 * put in front of it ("data" or DIR).  Pure: used by calendar_load(), the
 * tests and the fuzz target.  Files whose names are not calendar files
 * (README.md) are ignored.
 */
struct calendar_file {
	const char *name;
	const char *data;
	size_t len;
};
int calendar_load_files(struct calendar **out, const struct calendar_file *files, size_t n,
			const char *origin, struct errbuf *eb);

/*
 * Admin additions kept in the database (src/store, migration 0005) on top
 * of the data files.  Merge rule: an admin holiday replaces every data-file
 * row of the same date and kind (an amended SKB renames or re-dates a day;
 * removing the admin row brings the data row back); other admin rows are
 * added.  An admin election whose id is that of a data-file election
 * replaces it; others are added.  The result is checked exactly as the
 * data files are (a malformed row fails the whole load).
 */
struct calendar_admin_holiday {
	int64_t id; /* row id in the database, > 0 */
	struct date date;
	const char *kind; /* libur_nasional, cuti_bersama, libur_pemilu */
	const char *name, *basis, *source_url;
};
struct calendar_admin {
	const struct calendar_admin_holiday *holidays;
	size_t nholidays;
	/* election JSON texts; name is "calendars/elections/ID.json" */
	const struct calendar_file *elections;
	size_t nelections;
};
/* calendar_load() plus admin (may be NULL). */
int calendar_load_admin(struct calendar **out, const char *dir, const struct calendar_admin *admin,
			struct errbuf *eb);
/* Where the data files were read from: "data" (embedded) or the directory. */
const char *calendar_origin(const struct calendar *cal);

/*
 * Check holiday rows as holidays.csv rows are checked, without building a
 * calendar: file names the text in messages ("libur.csv" gives
 * "libur.csv:7: ..."); every row is checked before fn sees any, so a bad
 * line 90 means fn was never called.  fn gets the rows in file order;
 * the strings live until calendar_holidays_check() returns.  Also used for
 * one row typed by hand (a CSV of a header and one line).
 */
struct holiday;
typedef int (*calendar_holiday_fn)(void *arg, const struct holiday *h, struct errbuf *eb);
int calendar_holidays_check(const char *file, const char *text, size_t len, calendar_holiday_fn fn,
			    void *arg, struct errbuf *eb);
/* One row typed by hand, checked as calendar_holidays_check() checks a
 * line, except that source_url may be empty; -1 with invalid_holiday. */
int calendar_holiday_check_one(const char *date, const char *kind, const char *name,
			       const char *basis, const char *source_url, struct errbuf *eb);
/* "libur_nasional", "cuti_bersama", "libur_pemilu"; "" when unknown. */
const char *calendar_holiday_kind_name(unsigned kind);
/* The long kind name for a name or a short form (libur, cuti_bersama,
 * pemungutan); NULL when unknown. */
const char *calendar_holiday_kind_norm(const char *s);

/*
 * A calendar shared by threads that may be replaced while they read it.
 * calendar_live_get() returns the current calendar; it stays valid until
 * calendar_live_free() (a replaced calendar is retired, never freed while
 * the process runs, so a request that took it may finish with it).
 * calendar_live_publish() swaps in a new one atomically and takes
 * ownership of it.  version is the database's calendar version, which only
 * rises: a calendar older than the one in force (a reload that raced a
 * change) is freed instead of published, and a watcher compares versions
 * to tell whether a reload is due.
 */
struct calendar_live;
struct calendar_live *calendar_live_new(struct calendar *cal, int64_t version);
const struct calendar *calendar_live_get(const struct calendar_live *live);
int64_t calendar_live_version(const struct calendar_live *live);
void calendar_live_publish(struct calendar_live *live, struct calendar *cal, int64_t version);
void calendar_live_free(struct calendar_live *live);

/*
 * The end of the holiday data as seen on today: *end is 31 December of the
 * last covered year (consecutive from today's year), *days_left the days
 * from today to it (negative once past).  Returns true when a warning is
 * due: days_left < CALENDAR_WARN_DAYS (or today is already outside the
 * data).  The one home of the rule; pages, the dashboard and `netra db
 * status` only render it.
 */
#define CALENDAR_WARN_DAYS 90
bool calendar_data_ending(const struct calendar *cal, struct date today, struct date *end,
			  long *days_left);

/* --- holidays and working days ----------------------------------------- */

enum holiday_kind {
	HOLIDAY_LIBUR_NASIONAL = 1 << 0,
	HOLIDAY_CUTI_BERSAMA = 1 << 1,
	HOLIDAY_LIBUR_PEMILU = 1 << 2, /* hari pemungutan suara made a holiday by Keppres */
};

struct holiday {
	struct date date;
	enum holiday_kind kind;
	const char *name;  /* "Isra Mikraj Nabi Muhammad SAW" */
	const char *basis; /* "SKB ... No. 855 Tahun 2023 ...", "Keppres 10/2024" */
	const char *source_url;
	unsigned line;    /* line in holidays.csv; for admin rows the order of addition */
	int64_t admin_id; /* > 0: added by an admin (database row id); 0: data file */
};

/* How a deadline counts: calendar days, or working days (see deadline.h). */
enum deadline_unit { DEADLINE_HARI, DEADLINE_HARI_KERJA };

/* Options that change how days are counted; the [rules] section of the
 * configuration, passed in as plain values so the engine stays pure. */
struct calendar_opts {
	bool cuti_bersama_is_workday; /* default false: cuti bersama are days off */
	int pemilu_laporan_unit;      /* -1: as the data says; else enum deadline_unit */
	long ppk_tindak_lanjut_days;  /* 0: as the data says; else 1..DEADLINE_MAX_COUNT */
};

void calendar_opts_init(struct calendar_opts *o);
struct config;
/* From [rules] cuti_bersama_is_workday, pemilu_laporan_unit and
 * ppk_tindak_lanjut_days; -1 with eb on a value outside what is allowed. */
int calendar_opts_from_config(struct calendar_opts *o, const struct config *cfg, struct errbuf *eb);

/* First and last day the holiday data covers (whole calendar years); days
 * outside cannot be classified honestly. */
void calendar_coverage(const struct calendar *cal, struct date *first, struct date *last);
bool calendar_covers(const struct calendar *cal, struct date d);

/*
 * 1 when d is a working day, 0 when it is not (reason, when not NULL,
 * receives CALENDAR_REASON_LEN bytes: "Sabtu", "libur nasional: ...",
 * "cuti bersama: ...", "hari pemungutan suara (Keppres 10/2024)"), -1 when
 * d is outside the holiday data (eb: date_out_of_range).  A working day is
 * Monday-Friday that is not a libur nasional, not a cuti bersama (unless
 * opts says they count) and not an election-day holiday.  opts may be NULL
 * for the defaults.
 */
int calendar_is_workday(const struct calendar *cal, struct date d, const struct calendar_opts *opts,
			char *reason, struct errbuf *eb);
/*
 * Provisional classification past the holiday data.  A day in a year from
 * the data's first year on that the data does not cover (a future year
 * whose SKB is not loaded yet, or a gap) is classified by its weekday
 * alone: Monday-Friday count as working days, unknown holidays are not
 * skipped, and *provisional is set to true.  Known days answer exactly as
 * calendar_is_workday() and leave *provisional alone.  Days before the
 * data's first year stay refused (-1, date_out_of_range): those years'
 * SKB are history, no case in netra starts there, and a guess about them
 * would never be corrected by loading a new year.
 */
int calendar_is_workday_provisional(const struct calendar *cal, struct date d,
				    const struct calendar_opts *opts, char *reason,
				    bool *provisional, struct errbuf *eb);
/* true when year lies from the data's first year on but has no holiday
 * data: days there are classified provisionally. */
bool calendar_year_provisional(const struct calendar *cal, int year);

/* The holidays on date d (0, 1 or more), in file order; returns the count
 * written to out (at most max). */
size_t calendar_holidays_on(const struct calendar *cal, struct date d, const struct holiday **out,
			    size_t max);
size_t calendar_holiday_count(const struct calendar *cal);
const struct holiday *calendar_holiday_at(const struct calendar *cal, size_t i);

/* --- provinces and time zones ------------------------------------------ */

struct province_zone {
	char code[3]; /* "64" */
	const char *name;
	const struct tz *zone;
};

/*
 * Zone of a Kemendagri region code: "64", "64.08", "64.08.01" or
 * "64.08.01.2001" (the province is the first two digits).  -1 with
 * unknown_region when the code is malformed or its province is not in
 * zones.csv.  Only the province is checked: kab/kota existence is the
 * region registry's job.
 */
int calendar_region_zone(const struct calendar *cal, const char *region, const struct tz **zone,
			 const struct province_zone **province, struct errbuf *eb);
size_t calendar_province_count(const struct calendar *cal);
const struct province_zone *calendar_province_at(const struct calendar *cal, size_t i);

/* --- Pilkada intake hours ----------------------------------------------- */

/*
 * Whether a laporan for election e may be filed at moment t (seconds since
 * the epoch) in the given zone, under the intake rules of intake.json in
 * effect on that local date.  1 open, 0 closed (why_not gets the reason in
 * Indonesian, CALENDAR_REASON_LEN bytes), -1 when it cannot be told (the
 * date lies before the holiday data and the rule closes on holidays; eb
 * says so).  On a day after the data (calendar_year_provisional()) days and
 * hours still decide but unknown holidays do not close intake: the answer
 * is then made without holidays and *provisional (may be NULL) is set to
 * true so that the caller can say so.  An election kind without an intake
 * rule is always open.
 */
int calendar_pilkada_intake_open(const struct calendar *cal, const struct election *e, int64_t t,
				 const struct tz *zone, const struct calendar_opts *opts,
				 char *why_not, bool *provisional, struct errbuf *eb);

#endif
