/*
 * rules.h - the legal rule catalog and the conduct evaluator.
 *
 * The catalog is data (data/rules/NAME.json, or DIR/rules/NAME.json with
 * --knowledge-dir): SKB 2022 kode-etik items KE-1..KE-7 and disiplin items
 * D-1..D-12, PP 94/2021 Pasal 5 huruf n angka 1-7, permitted conduct, the
 * sanction forms per level and date, employee statuses, routes to the
 * deciding institutions, the readings the sources leave open, and the
 * vocabulary for free text.  docs/internals/rules.md describes the format.
 *
 * The evaluator is a pure function of (catalog, options, facts): it keeps no
 * state, allocates its result from the caller's arena, and may run on many
 * threads at once over one catalog.  It never guesses: when the facts do
 * not decide the question it answers RULES_VERDICT_TIDAK_CUKUP and lists
 * what is missing.
 *
 * Ownership: rules_catalog_load() returns a catalog the caller frees with
 * rules_catalog_free(); every pointer reachable from it (items, strings)
 * lives as long as the catalog.  A rules_result points into the catalog and
 * into the arena passed to rules_check(); it is valid while both are.
 *
 * Errors: load errors read "FILE:LINE: what is wrong" (Indonesian) with
 * ERR_INVALID_INPUT.  rules_check() errors carry a stable code:
 * unknown_status, unknown_item, unknown_modifier, invalid_date,
 * date_out_of_range, missing_conduct, text_too_long.
 *
 * Limits: RULES_MAX_TEXT bytes of free text; RULES_MAX_FILE bytes per data
 * file; RULES_MAX_FILES files; RULES_MAX_ITEMS items.
 */
#ifndef NETRA_RULES_RULES_H
#define NETRA_RULES_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/datetime.h"
#include "core/err.h"

struct config;

#define RULES_MAX_TEXT       8192
#define RULES_MAX_FILE       (1024 * 1024)
#define RULES_MAX_FILES      64
#define RULES_MAX_ITEMS      512
#define RULES_MAX_READINGS   16
#define RULES_MAX_MODIFIERS  16
#define RULES_SCORE_EXPLICIT 100.0 /* score of an item named in the facts */

/* Sanction levels, least to most severe. */
enum rules_level {
	RULES_LEVEL_NONE = 0,
	RULES_LEVEL_MORAL,
	RULES_LEVEL_RINGAN,
	RULES_LEVEL_SEDANG,
	RULES_LEVEL_BERAT,
	RULES_LEVEL_PTDH,
};

enum rules_family { RULES_FAMILY_KE, RULES_FAMILY_D, RULES_FAMILY_PP94, RULES_FAMILY_BOLEH };

enum rules_timing { RULES_TIMING_ANY, RULES_TIMING_BEFORE_PENETAPAN, RULES_TIMING_AFTER_PENETAPAN };

enum rules_status_kind { RULES_STATUS_ASN, RULES_STATUS_NOT_ASN, RULES_STATUS_UNKNOWN };

enum rules_election_kind { RULES_ELECTION_NONE, RULES_ELECTION_PEMILU, RULES_ELECTION_PILKADA };

/*
 * How a modifier must be for an item to apply.  "Unknown" means neither
 * given in the facts nor detected in the text.  For the item a request
 * names, an unknown YES/NO modifier is taken as its description says.
 */
enum rules_cond {
	RULES_COND_YES,     /* must be yes; no: does not apply; unknown: depends on it */
	RULES_COND_NO,      /* must be no; yes: does not apply; unknown: depends on it */
	RULES_COND_NOT_YES, /* applies unless yes; unknown is stated as an assumption */
	RULES_COND_NOT_NO,  /* applies unless explicitly no */
};

enum rules_tri { RULES_TRI_UNKNOWN = 0, RULES_TRI_NO, RULES_TRI_YES };

enum rules_verdict {
	RULES_VERDICT_PELANGGARAN,
	RULES_VERDICT_BOLEH,
	RULES_VERDICT_BUKAN_ASN,
	RULES_VERDICT_TIDAK_CUKUP,
};

/* A date range; a missing end is open. */
struct rules_period {
	struct date from, to;
	bool has_from, has_to;
};

struct rules_basis {
	const char *regulation;                   /* "PP 94/2021" */
	const char *pasal, *ayat, *huruf, *angka; /* NULL when absent */
	const char *note;
	const char *label; /* "PP 94/2021 Pasal 14 huruf i" */
	struct rules_period period;
	const char **statuses; /* status ids it is limited to; none = all */
	size_t nstatuses;
	bool unconfirmed;
};

struct rules_form {
	const char *code; /* "a" */
	const char *text;
	const char **flags; /* "requires_jabatan", ... */
	size_t nflags;
};

/* The forms of one level under one regime, for a period. */
struct rules_form_set {
	enum rules_level level;
	const char *regime; /* "PP 94/2021" */
	struct rules_basis basis;
	struct rules_period period;
	struct rules_form *forms;
	size_t nforms;
	const char *note;
};

struct rules_reading {
	const char *id; /* also the [rules] config key that picks a value */
	const char *title;
	const char *def;
	const char **values;
	const char **notes; /* parallel to values */
	size_t nvalues;
	const char **sources;
	size_t nsources;
};

/* An int-valued field that a reading may switch (level, timing, active). */
struct rules_switch {
	int fixed;
	const struct rules_reading *reading; /* NULL: fixed applies */
	const char **when;                   /* reading values */
	int *value;
	size_t n;
};

struct text_phrase;

struct rules_modifier {
	const char *id;
	const char *title;
	const char **aliases;
	size_t naliases;
	struct text_phrase *yes, *no;
	size_t nyes, nno;
};

struct rules_keyword {
	struct text_phrase *phrase;
	double weight;
	bool anchor;
};

struct rules_condition {
	const struct rules_modifier *modifier;
	size_t index; /* of the modifier in the catalog */
	enum rules_cond cond;
};

struct rules_pidana {
	enum rules_election_kind election;
	struct rules_basis basis;
};

struct rules_item {
	const char *id;
	enum rules_family family;
	const char *title;
	const char *description;
	const char *file; /* data file and line, for lint and `rules show` */
	int line;
	const char **examples;
	size_t nexamples;
	struct rules_keyword *kw;
	size_t nkw;
	double min_score;
	struct rules_switch level;  /* enum rules_level */
	struct rules_switch timing; /* enum rules_timing */
	struct rules_switch active; /* bool */
	struct rules_basis *basis;
	size_t nbasis;
	struct rules_period period; /* when the item itself is in force; open ends */
	const char *note;
	struct rules_condition *conds;
	size_t nconds;
	const struct rules_item **implements; /* PP 94 items this item details */
	size_t nimplements;
	const struct rules_item **see_also; /* evaluated with this item when it is named */
	size_t nsee_also;
	struct rules_pidana *pidana;
	size_t npidana;
	const char **sources;
	size_t nsources;
};

struct rules_status {
	const char *id;
	const char *name;
	enum rules_status_kind kind;
	const char **aliases;
	size_t naliases;
	const char **flag_forms; /* form flags to point out for this status */
	size_t nflag_forms;
	const char *note;
	const char *name_en; /* English name; NULL when the file has none */
};

enum rules_route_kind { RULES_ROUTE_SANCTION, RULES_ROUTE_REFERRAL, RULES_ROUTE_PIDANA };

struct rules_route {
	const char *id;
	enum rules_route_kind kind;
	const char **statuses;
	size_t nstatuses;
	struct rules_period period;
	const char *recommending;
	const char **steps;
	size_t nsteps;
	const char *text;
	bool also_pidana;
	const char **sources;
	size_t nsources;
};

struct rules_catalog;

/* --- catalog ------------------------------------------------------------- */

/* One data file given from memory (tests, fuzzing). */
struct rules_file {
	const char *name; /* shown in messages: "skb2022_disiplin.json" */
	const char *text;
	size_t len;
};

/*
 * Load data/rules/NAME.json (embedded; dir NULL or "") or DIR/rules/NAME.json.
 * Stops at the first problem: eb->msg = "FILE:LINE: what is wrong".
 */
int rules_catalog_load(struct rules_catalog **out, const char *dir, struct errbuf *eb);
/* Load from memory; the texts are not kept after the call returns. */
int rules_catalog_load_files(struct rules_catalog **out, const struct rules_file *files,
			     size_t nfiles, struct errbuf *eb);
void rules_catalog_free(struct rules_catalog *cat);

/*
 * Validate the files like rules_catalog_load() but report every problem
 * through report() ("FILE:LINE: ..."), then check that each item's examples
 * are recognised as that item (reported as warnings).  Returns the number
 * of problems (0 = valid); warnings do not count.
 */
int rules_lint(const char *dir, void (*report)(void *arg, bool warning, const char *msg),
	       void *arg);
int rules_lint_files(const struct rules_file *files, size_t nfiles,
		     void (*report)(void *arg, bool warning, const char *msg), void *arg);

const char *rules_catalog_title(const struct rules_catalog *cat);
const char *rules_catalog_version(const struct rules_catalog *cat);
struct rules_period rules_catalog_coverage(const struct rules_catalog *cat);
size_t rules_item_count(const struct rules_catalog *cat);
const struct rules_item *rules_item_at(const struct rules_catalog *cat, size_t i);
/* Case-insensitive id lookup, or NULL. */
const struct rules_item *rules_item_find(const struct rules_catalog *cat, const char *id);
size_t rules_status_count(const struct rules_catalog *cat);
const struct rules_status *rules_status_at(const struct rules_catalog *cat, size_t i);
/* By id or alias, case-insensitive, surrounding blanks ignored; or NULL. */
const struct rules_status *rules_status_find(const struct rules_catalog *cat, const char *s);
size_t rules_reading_count(const struct rules_catalog *cat);
const struct rules_reading *rules_reading_at(const struct rules_catalog *cat, size_t i);
size_t rules_modifier_count(const struct rules_catalog *cat);
const struct rules_modifier *rules_modifier_at(const struct rules_catalog *cat, size_t i);
/* By id or alias; *index gets its position.  NULL when unknown. */
const struct rules_modifier *rules_modifier_find(const struct rules_catalog *cat, const char *s,
						 size_t *index);
/* Human name of a level from the data ("hukuman disiplin berat"). */
const char *rules_level_title(const struct rules_catalog *cat, enum rules_level lv);
/* Explanation of a form flag from the data, or NULL. */
const char *rules_form_flag_note(const struct rules_catalog *cat, const char *flag);
/* Forms of level lv for an act on date d (NULL when none is in force). */
const struct rules_form_set *rules_form_set_at(const struct rules_catalog *cat, enum rules_level lv,
					       struct date d);
const struct text_lexicon *rules_catalog_lexicon(const struct rules_catalog *cat);

const char *rules_level_name(enum rules_level lv); /* "berat"; NULL for NONE */
int rules_level_parse(const char *s, enum rules_level *out);
const char *rules_family_name(enum rules_family f); /* "KE", "D", "PP94", "boleh" */
const char *rules_verdict_name(enum rules_verdict v);
const char *rules_status_kind_name(enum rules_status_kind k);
bool rules_period_contains(const struct rules_period *p, struct date d);

/* --- options: the chosen readings ----------------------------------------- */

struct rules_options {
	size_t n;
	struct {
		char id[32];
		char value[32];
	} v[RULES_MAX_READINGS];
};

void rules_options_init(struct rules_options *o);
/* Choose a value for a reading; checked against the catalog (stable code
 * invalid_reading).  cat may be NULL to defer the check. */
int rules_options_set(struct rules_options *o, const struct rules_catalog *cat, const char *id,
		      const char *value, struct errbuf *eb);
/* Take every reading from the [rules] options of cfg whose key equals the
 * reading id (d8_level, d9_reading, pp94_angka1_level). */
int rules_options_from_config(struct rules_options *o, const struct rules_catalog *cat,
			      const struct config *cfg, struct errbuf *eb);
/* The value in force for a reading: chosen, else the catalog default. */
const char *rules_options_value(const struct rules_options *o, const struct rules_reading *r);

/* --- facts and results ------------------------------------------------------ */

struct rules_facts {
	const char *text; /* free-text description, or NULL */
	size_t text_len;
	const char *item;   /* catalog item id, or NULL; with text, text adds modifiers */
	const char *status; /* id or alias; NULL or "" = unknown */
	struct date date;   /* date of the act */
	bool has_date;
	struct date handling_date; /* date the route is decided for; default: the act date */
	bool has_handling_date;
	enum rules_election_kind election;
	const char *election_id;   /* for the explanation, may be NULL */
	const char *election_name; /* "Pemilihan Umum 2024", may be NULL */
	struct date penetapan;     /* determination of candidates (D-9/D-10) */
	bool has_penetapan;
	const char *penetapan_note;
	const char *stage_id, *stage_name; /* stage of the election at the act date, or NULL */
	size_t nmodifiers;
	struct {
		const char *id; /* modifier id or alias */
		enum rules_tri value;
	} modifiers[RULES_MAX_MODIFIERS];
};

void rules_facts_init(struct rules_facts *f);

/* One candidate item with the evidence for it. */
struct rules_match {
	const struct rules_item *item;
	double score;
	const char **matched; /* words of the text that matched, one per keyword */
	size_t nmatched;
	enum rules_level level; /* after the readings; NONE for permitted conduct */
	bool applies;           /* counted for the verdict and the level */
	bool conditional;       /* depends on facts not given (see missing) */
	const char **missing;   /* facts needed: "date", "penetapan", "modifiers.attributes" */
	size_t nmissing;
	const char **notes; /* why it does not apply, assumptions, readings used */
	size_t nnotes;
	const struct rules_basis **basis; /* in force at the act date for the status */
	size_t nbasis;
	const struct rules_form_set *forms;
	const struct rules_item *covered_by; /* a PP 94 item detailed by this SKB item */
};

struct rules_modifier_value {
	const struct rules_modifier *modifier;
	enum rules_tri value;
	bool from_text;       /* detected in the text rather than given */
	const char *evidence; /* the words that decided it, or NULL */
};

struct rules_result {
	enum rules_verdict verdict;
	enum rules_level level; /* most severe applicable level; NONE when none */
	const struct rules_status *status;
	bool has_date;
	struct date date;
	struct rules_match *items; /* best first */
	size_t nitems;
	const struct rules_form_set *forms; /* forms for `level` at the date */
	const struct rules_basis **basis;   /* union over the applicable items */
	size_t nbasis;
	const struct rules_route *route;  /* by status and handling date */
	const struct rules_route *pidana; /* Sentra Gakkumdu as a further route, or NULL */
	const struct rules_basis **pidana_basis;
	size_t npidana_basis;
	struct date route_date;
	bool route_date_given; /* false: the act date was used */
	struct rules_modifier_value modifiers[RULES_MAX_MODIFIERS];
	size_t nmodifiers;
	const char **missing;
	size_t nmissing;
	const char **notes;
	size_t nnotes;
	const char **readings; /* "d8_level=berat" for each reading that mattered */
	size_t nreadings;
	const char *explanation; /* Indonesian, several lines */
};

/*
 * Evaluate the facts.  Returns 0 and fills *out (allocated from a), or -1
 * with eb set (stable codes in the header comment).
 */
int rules_check(const struct rules_catalog *cat, const struct rules_options *opt,
		const struct rules_facts *f, struct arena *a, struct rules_result *out,
		struct errbuf *eb);

/* The level of an item under the chosen readings (NONE for permitted conduct). */
enum rules_level rules_item_level(const struct rules_item *it, const struct rules_options *opt);
/* Whether a form carries a flag this status points out (PPPK and jabatan). */
bool rules_form_flagged(const struct rules_status *st, const struct rules_form *form);

/* --- JSON ---------------------------------------------------------------------- */

/*
 * Read facts from one check request object (the netra check --json line and
 * the POST /api/v1/check body): text, item, status, date, handling_date,
 * stage, modifiers {name: bool}, nip.  "election" is returned in *election
 * (NULL when absent) for the caller to resolve; "election_kind" and
 * "penetapan" may be given directly instead.  Strings point into obj or a.
 * Unknown fields are errors (stable code unknown_field).
 */
int rules_facts_from_json(const struct rules_catalog *cat, json_t *obj, struct arena *a,
			  struct rules_facts *f, const char **election, struct errbuf *eb);
/* The check answer (verdict, level, items, forms, legal_basis, route, ...). */
json_t *rules_result_to_json(const struct rules_catalog *cat, const struct rules_result *r);
/* An item; full adds keywords, examples, sources and the data location. */
json_t *rules_item_to_json(const struct rules_catalog *cat, const struct rules_item *it,
			   const struct rules_options *opt, bool full);
/* Readable Indonesian answer (the explanation with a heading). */
void rules_result_format_text(const struct rules_result *r, struct buf *out);

#endif
