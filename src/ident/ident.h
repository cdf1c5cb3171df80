/*
 * ident.h - personal identifiers of Indonesian civil servants and
 * residents: NIP (PNS), NI PPPK and NIK.  Pure parsers over (ptr, len)
 * that validate a number and decode its fields, and say in Indonesian why
 * a number is wrong (which digit positions) or what is doubtful about it.
 *
 * Layouts (regulations.md section 7; positions are 1-based):
 *   NIP      YYYYMMDD birth, YYYYMM TMT CPNS, G sex (1 male, 2 female),
 *            NNN sequence from 001.  Perka BKN 22/2007.
 *   NI PPPK  YYYYMMDD birth, YYYY year of appointment, XX (meaning
 *            UNCONFIRMED, kept opaque), G sex, NNN sequence.
 *   NIK      PPKKCC region of first registration, DDMMYY birth (DD + 40
 *            for women), NNNN sequence from 0001.  UU 23/2006, PP 37/2007.
 * An 18-digit number whose positions 13-14 are a month can be either a
 * NIP or an NI PPPK; then kind is IDENT_AMBIGUOUS and both readings are
 * decoded.  Nothing is guessed silently: doubts are warnings.
 *
 * Errors are the rules of the sources (and plain impossibilities such as
 * a birth date after today); warnings are plausibility checks from
 * data/ident/limits.ini and facts that need a person's eye (an unknown
 * kab/kota in a NIK, two possible birth centuries).
 *
 * Stable error codes: invalid_identifier (not 16 or 18 digits, or
 * characters other than digits), invalid_nip (18 digits that are neither
 * a valid NIP nor a valid NI PPPK), invalid_ni_pppk (ident_parse_ni_pppk
 * only), invalid_nik.  The errbuf gets ERR_UNPROCESSABLE (422), the code,
 * field "number" and the Indonesian message.
 *
 * Ownership: a struct ident_result is plain data owned by the caller; the
 * region names in a NIK reading point into the region table and live as
 * long as it does.  Limits: at most IDENT_INPUT_MAX input bytes are
 * looked at; longer input is refused.
 */
#ifndef NETRA_IDENT_IDENT_H
#define NETRA_IDENT_IDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/datetime.h"
#include "core/err.h"
#include "ident/region.h"

#define IDENT_INPUT_MAX    64 /* bytes of raw input, spaces and dots included */
#define IDENT_NUMBER_MAX   18 /* digits of the longest identifier */
#define IDENT_WARNINGS_MAX 8
#define IDENT_MSG_MAX      320

enum ident_kind {
	IDENT_UNKNOWN = 0,
	IDENT_NIP,       /* Nomor Induk Pegawai (PNS), 18 digits */
	IDENT_NI_PPPK,   /* Nomor Induk PPPK, 18 digits */
	IDENT_AMBIGUOUS, /* 18 digits: NIP or NI PPPK, both readings valid */
	IDENT_NIK,       /* Nomor Induk Kependudukan, 16 digits */
};

enum ident_sex {
	IDENT_SEX_UNKNOWN = 0,
	IDENT_SEX_MALE = 1,
	IDENT_SEX_FEMALE = 2,
};

/* Why a reading is invalid.  from..to are 1-based digit positions in the
 * normalized number (0..0 = the number as a whole). */
struct ident_fault {
	const char *code; /* stable, see above; NULL when there is no fault */
	int from, to;
	char msg[IDENT_MSG_MAX]; /* Indonesian, names the positions */
};

struct ident_warning {
	const char *code;        /* stable: "ambiguous_kind", "nip_tmt_age_low", ... */
	enum ident_kind reading; /* the reading it is about; IDENT_UNKNOWN = the number */
	int from, to;
	char msg[IDENT_MSG_MAX];
};

struct ident_nip_reading {
	bool valid;
	struct date birth;
	int tmt_year, tmt_month; /* TMT CPNS, always the 1st of the month */
	enum ident_sex sex;
	int sequence;   /* 1..999 */
	int age_at_tmt; /* whole years on the TMT date */
	struct ident_fault fault;
};

struct ident_pppk_reading {
	bool valid;
	struct date birth;
	int appointment_year;
	char field[3]; /* positions 13-14, opaque: meaning UNCONFIRMED */
	enum ident_sex sex;
	int sequence; /* 1..999 */
	struct ident_fault fault;
};

struct ident_nik_region {
	char code[REGION_CODE_MAX]; /* dotted: "64", "64.08", "64.08.01" */
	const char *name;           /* NULL when the code is not in the table */
};

struct ident_nik_reading {
	bool valid;
	struct ident_nik_region province, kabkota, kecamatan;
	int dd;               /* DD as written: 01-31, or 41-71 for women */
	int day, month, yy;   /* day of month, month, two-digit year */
	enum ident_sex sex;   /* from DD */
	struct date birth[2]; /* possible birth dates (19YY, 20YY), oldest first */
	size_t nbirth;        /* 1 or 2 when valid */
	int sequence;         /* 1..9999 */
	struct ident_fault fault;
};

/* Plausibility limits (data/ident/limits.ini); 0 turns a check off. */
struct ident_limits {
	int nip_min_age_at_tmt;
	int nip_max_age_at_tmt;
	int min_birth_year;
	int pppk_first_year;
	int pppk_min_age;
};

struct ident_opts {
	const struct region_table *regions; /* required to check a NIK */
	const struct ident_limits *limits;  /* NULL: no plausibility warnings */
	struct date today;                  /* year 0: nothing is compared with today */
};

struct ident_result {
	char number[IDENT_NUMBER_MAX + 1]; /* normalized, when it is all digits and fits */
	bool valid;
	enum ident_kind kind;            /* what it is; when invalid, what it was read as */
	enum ident_kind likely;          /* for AMBIGUOUS: the one reading without plausibility
					    warnings, if exactly one; else IDENT_UNKNOWN */
	bool has_nip, has_pppk, has_nik; /* which readings were attempted */
	struct ident_nip_reading nip;
	struct ident_pppk_reading pppk;
	struct ident_nik_reading nik;
	struct ident_warning warnings[IDENT_WARNINGS_MAX];
	size_t nwarnings;
	struct ident_fault fault; /* when !valid: the error reported in eb */
};

/*
 * Drop the separators people type inside numbers: ASCII space, tab, '.',
 * '-', and the UTF-8 no-break space.  Everything else is kept (so a letter
 * is reported at its position).  Writes at most outsz - 1 bytes and a NUL;
 * returns the full normalized length, which may exceed outsz - 1.
 */
size_t ident_normalize(const char *p, size_t len, char *out, size_t outsz);
/* By length after normalization: 16 digits IDENT_NIK, 18 digits
 * IDENT_AMBIGUOUS (NIP or NI PPPK), anything else IDENT_UNKNOWN. */
enum ident_kind ident_detect(const char *p, size_t len);

/*
 * Parse and decode.  ident_parse() picks the reading by length; the others
 * force one reading.  Return 0 when valid, -1 when invalid (out->fault and
 * eb say why).  out is always filled.  o may not be NULL.
 */
int ident_parse(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		struct errbuf *eb);
int ident_parse_nip(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		    struct errbuf *eb);
int ident_parse_ni_pppk(const char *p, size_t len, const struct ident_opts *o,
			struct ident_result *out, struct errbuf *eb);
int ident_parse_nik(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		    struct errbuf *eb);

/* Load data/ident/limits.ini (embedded, or DIR/ident/limits.ini). */
int ident_limits_load(struct ident_limits *out, const char *dir, struct errbuf *eb);
/* Parse limits INI text (need not be NUL-terminated, at most 64 KiB). */
int ident_limits_parse(struct ident_limits *out, const char *text, size_t len, const char *source,
		       struct errbuf *eb);

/* "nip", "ni_pppk", "ambiguous", "nik", "unknown" (stable, for JSON) */
const char *ident_kind_name(enum ident_kind k);
/* Indonesian label: "NIP (PNS)", "NI PPPK", "NIP atau NI PPPK", "NIK" */
const char *ident_kind_label(enum ident_kind k);
/* "laki-laki", "perempuan", "tidak diketahui" */
const char *ident_sex_name(enum ident_sex s);

/* Indonesian explanation, one line per fact, each ending in '\n'. */
void ident_explain(const struct ident_result *r, struct buf *out);

#endif
