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

enum election_kind { ELECTION_PEMILU, ELECTION_PILKADA };

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
};

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
	unsigned line; /* line in holidays.csv */
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
