/*
 * store.h - netra's persistent storage, as a domain API.
 *
 * Callers never see SQL or a database handle.  Two kinds of access:
 *
 *  - Writes run as jobs on the single writer thread.  The writer takes every
 *    job queued at that moment (up to [store] batch), runs each inside its
 *    own SAVEPOINT within one transaction, and commits with one fsync
 *    (WAL, synchronous=FULL): group commit.  A job's done callback runs
 *    only after its commit is durable, so a receipt shown after done() is
 *    never lost.  A failing job rolls back alone; a failing COMMIT fails
 *    the whole batch.
 *  - Reads take a connection from the reader pool; readers run in
 *    parallel with each other and with the writer (WAL snapshots).
 *
 * Domain operations (store_<noun>_<verb>) take the struct store_conn given
 * to a job or taken from the pool.  The backend is chosen by URL at
 * store_open(): SQLite (sqlite.c) by default, PostgreSQL (pg.c) for a
 * postgres:// URL.  Both implement the statement layer of store/db.h and
 * run the same domain files; on PostgreSQL the batch is one transaction
 * with synchronous_commit on, so done() has the same meaning.
 */
#ifndef NETRA_STORE_STORE_H
#define NETRA_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/err.h"

struct store;
struct store_conn;
struct store_office;

struct store_opts {
	const char *data_dir; /* SQLite file is DATA/netra.db */
	const char *db_url;   /* "" or NULL: SQLite in data_dir; "sqlite:PATH" */
	int readers;          /* reader pool size */
	int batch_max;        /* most jobs per group commit */
	/* true: refuse (ERR_NOT_FOUND, code "no_database") when the database
	 * file is missing or empty instead of creating it.  Only `netra db
	 * migrate`, `serve` and `demo` create a database; every other command
	 * opens with must_exist, so a mistyped --data never leaves an empty
	 * database behind. */
	bool must_exist;
};

int store_open(struct store **out, const struct store_opts *o, struct errbuf *eb);
/* Finish queued writes, stop the writer, close every connection. */
void store_close(struct store *st);

/* --- writes ------------------------------------------------------------- */

typedef int (*store_job_fn)(struct store_conn *c, void *arg, struct errbuf *eb);
typedef void (*store_done_fn)(void *arg, int rc, const struct errbuf *eb);

struct store_job {
	store_job_fn fn;
	void *arg;
	store_done_fn done; /* called on the writer thread after commit; may be NULL */
	void *done_arg;
	int rc;
	struct errbuf eb;
	struct store_job *next; /* private to the store */
};

/* Queue a job; job must stay valid until done() is called. */
void store_submit(struct store *st, struct store_job *job);
/* Run fn as a job and wait until it is durable; returns its result. */
int store_write(struct store *st, store_job_fn fn, void *arg, struct errbuf *eb);

/* --- change notifications ------------------------------------------------
 *
 * Several processes (nodes) may serve one database; each keeps caches of
 * what rarely changes.  A write job that changes such data names a topic
 * with store_notify(); every subscriber of every process on the database
 * hears it once the job's transaction has committed, and never when the
 * job rolls back.  SQLite: delivered in this process after the batch
 * commits (another process sharing the file is not told; its TTLs and
 * polls remain).  PostgreSQL: pg_notify('netra', topic) inside the job,
 * delivered at commit to a listener thread of every node that subscribed
 * (started by the first store_subscribe(), its own connection doing
 * LISTEN netra, reconnecting with back-off), this node included; the
 * writing node also delivers at once after its commit, so it reads its
 * own writes.  A topic may therefore arrive twice: subscribers invalidate,
 * which is idempotent.  After a lost listener connection STORE_TOPIC_ALL
 * is delivered (notifications may have been missed meanwhile).
 *
 * Subscribers run on the writer or listener thread, under the store's
 * subscriber lock: they must be quick and must not call the store.
 */
#define STORE_TOPIC_OFFICES   "offices"   /* an office added or changed */
#define STORE_TOPIC_SEAL_KEYS "seal_keys" /* an office's sealing key set */
#define STORE_TOPIC_CALENDAR  "calendar"  /* holidays or elections changed */
#define STORE_TOPIC_FIGURES   "figures"   /* a case changed (an audit event) */
#define STORE_TOPIC_ALL       "*"         /* anything may have changed */
#define STORE_TOPIC_MAX       32          /* bytes with the NUL */
#define STORE_SUBSCRIBERS_MAX 16

typedef void (*store_notify_fn)(void *arg, const char *topic);

/* In a write job: announce topic ([a-z_*], shorter than STORE_TOPIC_MAX)
 * once the job commits.  ERR_INTERNAL outside a write job. */
int store_notify(struct store_conn *c, const char *topic, struct errbuf *eb);
/* Call fn(arg, topic) for every notification from now on; -1 with
 * ERR_INTERNAL when STORE_SUBSCRIBERS_MAX are taken or the listener
 * thread cannot start. */
int store_subscribe(struct store *st, store_notify_fn fn, void *arg, struct errbuf *eb);
/* Stop calling fn(arg, ...); when it returns no call is running. */
void store_unsubscribe(struct store *st, store_notify_fn fn, void *arg);

/* --- reads -------------------------------------------------------------- */

struct store_conn *store_reader(struct store *st);
void store_reader_done(struct store *st, struct store_conn *c);

/* --- scope ---------------------------------------------------------------- */

/*
 * What a principal may see; every case query takes one.  Built by
 * auth_scope() from the signed-in user; the store turns it into WHERE
 * clauses, so no endpoint can forget it.
 */
struct store_scope {
	bool all;               /* system work (CLI, demo, migrations) */
	bool none;              /* the public: no case access at all */
	char region_prefix[24]; /* "" = national */
	int64_t ppk_office_id;  /* > 0: only cases with a track addressed to this PPK */
	bool recommended_only;  /* BKN/KASN analysts: cases past the Bawaslu recommendation */
};

/* --- events: the audit chain (audit/audit.h computes the hashes) ---------- */

struct audit_event;

/* Id and hash of the newest event (0 and zeros when the log is empty). */
int store_event_last(struct store_conn *c, int64_t *id, unsigned char hash[32], struct errbuf *eb);
int store_event_insert(struct store_conn *c, const struct audit_event *ev, struct errbuf *eb);
/* Every event in id order; fn returns nonzero to stop. */
typedef int (*store_event_fn)(void *arg, const struct audit_event *ev);
int store_event_each(struct store *st, store_event_fn fn, void *arg, struct errbuf *eb);

/* --- cases (src/store/cases.c) --------------------------------------------- */

struct store_case_new {
	const char *code;
	const char *kind;          /* laporan, temuan, informasi_awal */
	const char *election;      /* pemilu2024 */
	const char *election_kind; /* pemilu, pilkada */
	const char *state;
	const char *region_code;
	int64_t office_id;
	int64_t received_at;
	const char *tz;
	const char *occurred_on; /* YYYY-MM-DD or NULL */
	const char *known_on;
	const char *place;
	const char *description;
	const unsigned char *sealed; /* sealed reporter identity or NULL */
	size_t sealed_len;
	int64_t sealed_office;
	const char *missing_json; /* JSON array of missing requirements */
	const char *channel;
};

/* ERR_CONFLICT with code "duplicate_code" when the tracking code exists. */
int store_case_insert(struct store_conn *c, const struct store_case_new *n, int64_t *id,
		      struct errbuf *eb);

struct store_track_new {
	const char *name;
	const char *nip;
	const char *nik;
	const char *agency;
	const char *position;
	const char *status;
	const char *state;
	int64_t person_id;
	int64_t ppk_office_id;
};

int store_track_insert(struct store_conn *c, int64_t case_id, const struct store_track_new *t,
		       int64_t now, int64_t *id, struct errbuf *eb);
/* The registry: find a person by NIP (or create one); without a NIP a new
 * person row is made. */
int store_person_upsert(struct store_conn *c, const struct store_track_new *t,
			const char *name_norm, const char *region, int64_t now, int64_t *id,
			struct errbuf *eb);
int store_witness_insert(struct store_conn *c, int64_t case_id, const char *name,
			 const char *address, const char *phone, struct errbuf *eb);

struct store_evidence_new {
	const char *kind; /* berkas, tautan, teks */
	const char *sha256;
	const char *mime;
	int64_t size;
	const char *filename;
	const char *url;
	const char *note;
};

int store_evidence_insert(struct store_conn *c, int64_t case_id, const struct store_evidence_new *e,
			  int64_t now, struct errbuf *eb);

struct store_deadline_new {
	int64_t case_id;
	int64_t track_id; /* 0: the case */
	const char *rule;
	const char *start_on;
	const char *due_on;
	const char *tz;
	const char *explanation_json;
	const char *status;             /* open, met, missed */
	bool provisional;               /* counted past the holiday data (deadline.h) */
	const char *provisional_reason; /* NULL unless provisional */
};

int store_deadline_insert(struct store_conn *c, const struct store_deadline_new *d,
			  struct errbuf *eb);
/* Close open deadlines of a case (track_id 0: case-level, -1: all) whose rule is
 * rule (NULL: any); status met/missed/stopped/extended is decided per row:
 * when status is "met" and the row is already past due on `today`, it is
 * closed as "missed".  *closed gets the count. */
int store_deadline_close(struct store_conn *c, int64_t case_id, int64_t track_id, const char *rule,
			 const char *status, const char *today, int64_t at, const char *reason,
			 int *closed, struct errbuf *eb);
/* Start date of the open case-level deadline of rule (ERR_NOT_FOUND when none). */
int store_deadline_open_start(struct store_conn *c, int64_t case_id, const char *rule,
			      char start[11], struct errbuf *eb);
int store_note_insert(struct store_conn *c, int64_t case_id, int64_t user_id, int64_t now,
		      const char *body, struct errbuf *eb);

struct store_case_row {
	int64_t id;
	char code[16];
	char kind[16];
	char election[32];
	char election_kind[16];
	char state[32];
	char region_code[24];
	int64_t office_id;
	int64_t received_at;
	char tz[8];
	char occurred_on[11];
	char known_on[11];
	int64_t assigned_to;
	int64_t merged_into;
	bool has_sealed;
	int64_t sealed_office;
};

/* Scope-checked: ERR_NOT_FOUND when the case does not exist or is outside
 * the scope (never reveal which). */
int store_case_row_get(struct store_conn *c, const struct store_scope *sc, int64_t id,
		       struct store_case_row *out, struct errbuf *eb);
/* By public tracking code; not scoped (the public status page). */
int store_case_row_by_code(struct store_conn *c, const char *code, struct store_case_row *out,
			   struct errbuf *eb);
int store_case_set_state(struct store_conn *c, int64_t id, const char *state, int64_t now,
			 struct errbuf *eb);
int store_case_set_assignee(struct store_conn *c, int64_t id, int64_t user_id, int64_t now,
			    struct errbuf *eb);
int store_case_set_merged(struct store_conn *c, int64_t id, int64_t into, int64_t now,
			  struct errbuf *eb);
int store_case_set_recommended(struct store_conn *c, int64_t id, struct errbuf *eb);
/* Atomically give up to n unassigned open cases in scope, oldest first, to
 * user_id (the single writer makes it race-free). */
int store_cases_claim(struct store_conn *c, const struct store_scope *sc, int64_t user_id, int n,
		      int64_t now, int64_t *ids, int *nids, struct errbuf *eb);
/* The office of kind (bawaslu, ppk, ...) whose region is the longest prefix
 * of region ("" matches a national office); ERR_NOT_FOUND when none. */
int store_office_for_region(struct store_conn *c, const char *kind, const char *region,
			    struct store_office *out, struct errbuf *eb);
/* Sealed identity blob (malloc'd, caller frees) and the office it is sealed to. */
int store_case_sealed(struct store_conn *c, int64_t id, unsigned char **blob, size_t *len,
		      int64_t *office_id, struct errbuf *eb);

struct store_track_row {
	int64_t id;
	int64_t case_id;
	int64_t person_id;
	int64_t ppk_office_id;
	char name[160];
	char nip[24];
	char status[24];
	char state[32];
	char rec_level[16];
	char rec_institution[8];
	int64_t rec_at;
};

#define STORE_MAX_TRACKS 32

int store_tracks_of_case(struct store_conn *c, int64_t case_id, struct store_track_row *out,
			 size_t max, size_t *n, struct errbuf *eb);
int store_track_set_state(struct store_conn *c, int64_t track_id, const char *state, int64_t now,
			  struct errbuf *eb);
int store_track_set_recommendation(struct store_conn *c, int64_t track_id, const char *rec_json,
				   const char *level, const char *institution,
				   int64_t ppk_office_id, int64_t at, struct errbuf *eb);
int store_track_set_sanction(struct store_conn *c, int64_t track_id, const char *form,
			     const char *level, const char *sk, const char *on, const char *cmp,
			     int64_t at, struct errbuf *eb);

/* --- calendar: admin additions (src/store/calendar.c, migration 0005) ------ */

/* One admin holiday row; date YYYY-MM-DD, kind libur_nasional,
 * cuti_bersama or libur_pemilu (checked by the calendar module). */
struct store_cal_holiday {
	int64_t id;
	char date[11];
	char kind[16];
	char name[256];
	char basis[1024];
	char source_url[1024];
	char added_by[64];
	int64_t added_at;
};

/* The number every calendar change bumps (in the change's transaction). */
int store_cal_version(struct store_conn *c, int64_t *version, struct errbuf *eb);
/* The same with the highest deadline id when that version was made (the
 * deadlines its change recomputed). */
int store_cal_version_upto(struct store_conn *c, int64_t *version, int64_t *deadlines_upto,
			   struct errbuf *eb);
/* ERR_CONFLICT "duplicate_holiday" when an active row has the same date,
 * kind and name.  Bumps the version. */
int store_cal_holiday_insert(struct store_conn *c, const struct store_cal_holiday *h, int64_t *id,
			     struct errbuf *eb);
/* Marks row id removed (out gets it as it was); ERR_NOT_FOUND
 * "unknown_holiday" when there is no active admin row id. */
int store_cal_holiday_remove(struct store_conn *c, int64_t id, const char *who, int64_t at,
			     struct store_cal_holiday *out, struct errbuf *eb);
typedef int (*store_cal_holiday_fn)(void *arg, const struct store_cal_holiday *h);
/* Active rows by date; fn returns nonzero to stop. */
int store_cal_holiday_each(struct store_conn *c, store_cal_holiday_fn fn, void *arg,
			   struct errbuf *eb);

struct store_cal_election {
	int64_t id;
	char election_id[32];
	const char *body; /* the JSON file; valid during the callback */
	size_t body_len;
	char added_by[64];
	int64_t added_at;
};

/* Store a version of election_id (an earlier active one is marked removed:
 * *replaced).  Bumps the version. */
int store_cal_election_put(struct store_conn *c, const char *election_id, const char *body,
			   const char *who, int64_t at, int64_t *id, bool *replaced,
			   struct errbuf *eb);
typedef int (*store_cal_election_fn)(void *arg, const struct store_cal_election *e);
int store_cal_election_each(struct store_conn *c, store_cal_election_fn fn, void *arg,
			    struct errbuf *eb);

struct store_open_deadline {
	int64_t id, case_id, track_id;
	char rule[64];
	char start_on[11];
	char due_on[11];
	char tz[8];
	bool provisional;
};
typedef int (*store_open_deadline_fn)(void *arg, const struct store_open_deadline *d);
/* Deadlines with an id above after_id that are open and due on or after
 * from (YYYY-MM-DD), or provisional, open or closed (its due date and flag
 * may still change; its status does not), by id. */
int store_deadlines_open_from(struct store_conn *c, const char *from, int64_t after_id,
			      store_open_deadline_fn fn, void *arg, struct errbuf *eb);
/* New due date, explanation and provisional flag (with its reason, NULL
 * when not provisional) of an open or a provisional deadline (a calendar
 * change); its status stays. */
int store_deadline_redate(struct store_conn *c, int64_t id, const char *due_on,
			  const char *explanation_json, bool provisional, const char *reason,
			  struct errbuf *eb);

/* --- case read models (JSON, for the API and the pages) -------------------- */

/* Full detail: case, tracks (a PPK sees only its own), deadlines, evidence,
 * witnesses, notes, timeline, merges.  Never the reporter's identity. */
int store_case_detail(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		      struct errbuf *eb);

struct store_case_filter {
	const char *state;
	const char *election;
	const char *kind;
	const char *q;       /* substring of the description or a terlapor name */
	int64_t assigned_to; /* > 0: this user */
	bool unassigned;
	bool overdue;      /* an open deadline before today */
	bool due_soon;     /* an open deadline from today to soon */
	char today[3][11]; /* local dates in WIB, WITA, WIT */
	char soon[3][11];
	int64_t before_id; /* cursor: only ids below this */
	int limit;
};

/* One row of the case list.  The strings live until the callback returns. */
struct store_case_item {
	int64_t id;
	const char *code, *kind, *election, *state, *region_code, *tz;
	int64_t received_at;
	const char *assigned_to; /* username, or NULL */
	const char *summary;     /* the description's first 240 characters */
	int64_t merged_into;     /* 0: not merged */
	const char *terlapor;    /* names joined by "; ", or NULL */
	const char *next_due;    /* earliest open deadline (YYYY-MM-DD), or NULL */
	const char *next_rule;   /* its rule, when next_due is set */
	bool next_provisional;   /* next_due counted past the holiday data */
	bool overdue;            /* next_due before today in the case's zone */
	bool due_soon;           /* next_due from today to soon */
};
typedef int (*store_case_item_fn)(void *arg, const struct store_case_item *it);

/* Newest first, each row handed to fn (a negative return stops the list and
 * is returned); *next_before is the cursor for the next page (0: none). */
int store_case_list(struct store_conn *c, const struct store_scope *sc,
		    const struct store_case_filter *f, store_case_item_fn fn, void *arg,
		    int64_t *next_before, struct errbuf *eb);
/* Public status by code: state, dates and deadlines; no personal data. */
int store_case_public(struct store_conn *c, const char *code, json_t **out, struct errbuf *eb);
/* Cases in scope that share a terlapor (NIP or normalised name) with case
 * id, with their descriptions and dates, for duplicate detection. */
int store_case_related(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		       struct errbuf *eb);

/* --- the registry of persons seen in cases (src/store/registry.c) ------------
 *
 * A person is what the tracks of cases record about a terlapor, grouped by
 * NIP when the person has one, else by normalised name (two tracks without
 * NIP and with the same normalised name count as one person).  Only tracks
 * of cases inside the scope count, and a PPK office counts only the tracks
 * addressed to it, so nothing outside the viewer's cases is revealed, not
 * even as a number.
 */

#define STORE_REGISTRY_TRACKS_MAX 100 /* tracks returned for one person */

struct store_registry_person {
	char nip[24];        /* "" when the person has none */
	char name_norm[256]; /* the grouping key when there is no NIP */
	int64_t last_track;  /* the newest track of the person in scope */
	int ncases;          /* distinct cases in scope */
};

typedef int (*store_registry_fn)(void *arg, const struct store_registry_person *p);

/* Every person in scope, newest first, at most max of them; with ident (a
 * NIP or NIK, digits only) just those whose NIP or NIK it is.  fn returning
 * non-zero stops the walk (that value is returned). */
int store_registry_persons(struct store_conn *c, const struct store_scope *sc, const char *ident,
			   size_t max, store_registry_fn fn, void *arg, struct errbuf *eb);
/* The tracks of one person (nip, or name_norm when nip is "") in scope,
 * newest first, at most STORE_REGISTRY_TRACKS_MAX: [{"track_id", "name",
 * "nip", "nik", "agency", "position", "status", "track_state", "rec_level",
 * "rec_institution", "sanction_form", "sanction_level", "sanction_cmp",
 * "case_id", "code", "election", "case_state", "received_at", "tz"}]. */
int store_registry_tracks(struct store_conn *c, const struct store_scope *sc, const char *nip,
			  const char *name_norm, json_t **out, struct errbuf *eb);
/* --- statistics and exports (src/store/stats.c) --------------------------
 *
 * Grouped counts for the dashboard, the transparency page and the JSON
 * statistics, and the row iterator behind the CSV/XLSX exports.  Every
 * query takes the principal's scope exactly as the case lists do (an
 * ordered index on prov/kabkota where the scope allows; a PPK office sees
 * only the tracks addressed to it) and a filter whose values are bound.
 * Merged cases (merged_into set) are left out of every count: their
 * reports live on in the case they were merged into.  Callbacks get one
 * row at a time; a non-zero return stops the walk and is returned.
 * Counting walks give one row per counted thing (case, track, item,
 * deadline) with n = 1, in no particular order, and the same key many
 * times: the caller adds them up (a GROUP BY would make SQLite sort every
 * row before the first answer).  The PPK walk is grouped per office.
 */

struct store_stat_filter {
	const char *election; /* NULL or "": any */
	const char *kind;     /* laporan, temuan, informasi_awal; NULL or "": any */
	const char *region;   /* region prefix that narrows the scope; NULL or "": none */
	/* local time of receipt in [from, to), counted in seconds from
	 * 1970-01-01T00:00 in the case's own zone, so that local date d starts
	 * at days(d) * 86400; 0: open */
	int64_t from, to;
};

enum store_stat_period { STORE_STAT_MONTH, STORE_STAT_WEEK };

/* One cell of the case cube.  Strings point into the store's row and are
 * valid only during the callback. */
struct store_stat_case {
	const char *region; /* kab/kota ("64.08"), or the province of a province-wide case */
	const char *state;  /* case state */
	const char *election;
	const char *kind;
	const char *period; /* local month "2024-01" or week "2024-01-08" (its Monday) */
	int64_t n;
};

/* One cell of the track (terlapor) cube; strings as above. */
struct store_stat_track {
	const char *case_state;
	const char *state;     /* track state */
	const char *status;    /* PNS, PPPK, non_asn, ... */
	const char *rec_level; /* "" when not recommended */
	const char *sanction_level;
	const char *cmp; /* lower, equal, higher, "" */
	int64_t n;
};

/* Per PPK office: what reached it and what it did.  "sent" counts tracks
 * with a ppk.tindak_lanjut clock (the recommendation reached the PPK).
 * Strings as above. */
struct store_stat_ppk {
	int64_t office_id;
	const char *code;
	const char *name;
	int64_t sent;
	int64_t sanctioned;   /* sanction recorded */
	int64_t on_time;      /* sanctioned with the PPK clock met */
	int64_t not_followed; /* now tidak_ditindaklanjuti */
	int64_t escalated;    /* now eskalasi */
	int64_t lower, equal, higher;
};

typedef int (*store_stat_case_fn)(void *arg, const struct store_stat_case *r);
typedef int (*store_stat_track_fn)(void *arg, const struct store_stat_track *r);
typedef int (*store_stat_key_fn)(void *arg, const char *key, const char *key2, int64_t n);
typedef int (*store_stat_ppk_fn)(void *arg, const struct store_stat_ppk *r);
typedef int (*store_stat_days_fn)(void *arg, int64_t office_id, int64_t days);

/* Cases with (region, state, election, kind, period): one scan. */
int store_stat_cases(struct store_conn *c, const struct store_scope *sc,
		     const struct store_stat_filter *f, enum store_stat_period period,
		     store_stat_case_fn fn, void *arg, struct errbuf *eb);
/* Tracks with (case state, state, status, levels, comparison): one scan. */
int store_stat_tracks(struct store_conn *c, const struct store_scope *sc,
		      const struct store_stat_filter *f, store_stat_track_fn fn, void *arg,
		      struct errbuf *eb);
/* Tracks with their agency as written ("" when unknown). */
int store_stat_agencies(struct store_conn *c, const struct store_scope *sc,
			const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
			struct errbuf *eb);
/* Recommended tracks with each catalog item id of their recommendation
 * (key; key2 NULL): three items, three rows. */
int store_stat_items(struct store_conn *c, const struct store_scope *sc,
		     const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
		     struct errbuf *eb);
/* Deadlines with their rule (key) and status (key2). */
int store_stat_deadlines(struct store_conn *c, const struct store_scope *sc,
			 const struct store_stat_filter *f, store_stat_key_fn fn, void *arg,
			 struct errbuf *eb);
/* PPK compliance, one row per PPK office that received something. */
int store_stat_ppk(struct store_conn *c, const struct store_scope *sc,
		   const struct store_stat_filter *f, store_stat_ppk_fn fn, void *arg,
		   struct errbuf *eb);
/* Calendar days from the start of the PPK clock to the sanction's SK date,
 * per sanctioned track, ordered by office then days (for medians). */
int store_stat_ppk_days(struct store_conn *c, const struct store_scope *sc,
			const struct store_stat_filter *f, store_stat_days_fn fn, void *arg,
			struct errbuf *eb);

/* One export row: a case and one of its terlapor tracks (none: a case
 * without terlapor gives one row with track_id 0).  Never the reporter,
 * never witnesses, never the description.  Strings are never NULL ("" for
 * none) and valid only during the callback. */
struct store_export_row {
	int64_t case_id;
	const char *code;
	int64_t received_at;
	const char *tz;
	const char *election;
	const char *kind;
	const char *state;
	const char *region_code;
	const char *office;
	int64_t track_id;
	const char *name;
	const char *nip;
	const char *status;
	const char *agency;
	const char *track_state;
	const char *rec_level;
	const char *rec_institution;
	const char *ppk_office;
	const char *sanction_form;
	const char *sanction_level;
	const char *sanction_sk;
	const char *sanction_on;
	const char *cmp;
	const char *next_due; /* YYYY-MM-DD of the earliest open deadline, "" none */
	const char *next_rule;
};

typedef int (*store_export_fn)(void *arg, const struct store_export_row *r);

/*
 * One page of export rows, newest case first: the cases of the inbox
 * filter lf (state, election, kind, q, assigned, overdue, due_soon; its
 * before_id is the cursor and limit the number of cases, 1..1000) further
 * narrowed by f, each followed by its tracks.  *next_before gets the
 * cursor of the next page (0: this was the last).
 */
int store_export_page(struct store_conn *c, const struct store_scope *sc,
		      const struct store_case_filter *lf, const struct store_stat_filter *f,
		      store_export_fn fn, void *arg, int64_t *next_before, struct errbuf *eb);

/* --- administration ----------------------------------------------------- */

struct store_status {
	char engine[16];     /* "sqlite" or "postgresql" */
	int schema_version;  /* highest migration applied */
	int latest_version;  /* highest migration built into this binary */
	bool integrity_ok;   /* PRAGMA integrity_check said "ok" */
	char integrity[256]; /* its first line(s) */
	char journal_mode[16];
	char path[512]; /* SQLite file, or the PostgreSQL URL without password */
	int64_t size_bytes;
	/* PostgreSQL only */
	char server_version[64];
	int connections;       /* backends connected to this database */
	char replication[256]; /* "primary, N standby: ..." or "standby (in recovery)" */
};

/* Highest migration built into this binary. */
int store_schema_latest(void);
/* Apply pending migrations; *applied gets how many ran. */
int store_migrate(struct store *st, int *applied, struct errbuf *eb);
int store_status_get(struct store *st, bool full_check, struct store_status *out,
		     struct errbuf *eb);
/* A consistent copy of the whole database into file: SQLite's online
 * backup API (the copy is a plain SQLite file), or pg_dump's custom format
 * on PostgreSQL. */
int store_backup(struct store *st, const char *file, struct errbuf *eb);
/* Whether st is on PostgreSQL. */
bool store_is_pg(const struct store *st);
/* Cheap liveness check on a reader (healthz). */
int store_ping(struct store *st, struct errbuf *eb);

struct store_stats {
	uint64_t jobs;      /* jobs committed or rolled back */
	uint64_t commits;   /* transactions committed (one fsync each) */
	uint64_t max_batch; /* largest batch seen */
};
void store_stats_get(struct store *st, struct store_stats *out);

/* Settings: small key/value facts about this installation. */
int store_setting_get(struct store_conn *c, const char *key, char *out, size_t outsz,
		      struct errbuf *eb);
int store_setting_put(struct store_conn *c, const char *key, const char *value, struct errbuf *eb);

/* --- users, offices, sessions, tokens ------------------------------------
 *
 * Written by the auth module (src/auth/); see docs/internals/auth.md.
 * Text fields are fixed buffers; callers validate lengths before insert so
 * nothing read back is ever truncated.  Token hashes are BLAKE2b-256 of
 * the token: the store never sees a token or a password, only hashes.
 * Lookups that find nothing fail with ERR_NOT_FOUND.  Listing functions
 * call fn once per row; fn returning non-zero stops the walk (that value
 * is returned).
 */

#define STORE_TOKEN_HASH_BYTES 32

struct store_office {
	int64_t id;
	char code[64];
	char name[160];
	char kind[16];        /* bawaslu, bkn, kasn, ppk, lain */
	char level[16];       /* ri, provinsi, kabkota, kecamatan, instansi */
	char region_code[24]; /* "" national */
	char tz[8];           /* WIB, WITA, WIT */
	int64_t parent_id;    /* 0: none */
	bool has_seal_key;
	int64_t created_at;
};

struct store_user {
	int64_t id;
	char username[64];
	char full_name[128];
	char role[16];
	int64_t office_id;
	char password_hash[128]; /* filled by the get functions only */
	bool active;
	int64_t created_at;
	int64_t password_at;
};

/* A session or an API token together with its user and office. */
struct store_session {
	struct store_user user; /* password_hash is "" here */
	struct store_office office;
	char csrf[48]; /* "" for API tokens */
	int64_t created_at;
	int64_t expires_at; /* 0: never (API token without expiry) */
};

struct store_api_token {
	char name[64];
	int64_t created_at;
	int64_t expires_at; /* 0: never */
	bool revoked;
};

/* An office's sealing key: crypto_box public key and the wrapped secret. */
struct store_seal_key {
	unsigned char public_key[64];
	size_t public_len;
	unsigned char wrapped[128];
	size_t wrapped_len;
	unsigned char salt[32];
	size_t salt_len;
	int64_t ops;
	int64_t mem;
};

typedef int (*store_office_fn)(void *arg, const struct store_office *o);
typedef int (*store_user_fn)(void *arg, const struct store_user *u);
typedef int (*store_token_fn)(void *arg, const struct store_api_token *t);

/* offices; insert fills o->id (code must be unique: ERR_CONFLICT) */
int store_office_insert(struct store_conn *c, struct store_office *o, struct errbuf *eb);
int store_office_get(struct store_conn *c, int64_t id, struct store_office *out, struct errbuf *eb);
int store_office_get_by_code(struct store_conn *c, const char *code, struct store_office *out,
			     struct errbuf *eb);
/* every office, by code */
int store_office_list(struct store_conn *c, store_office_fn fn, void *arg, struct errbuf *eb);
/* offices whose parent is parent_id, by code */
int store_office_children(struct store_conn *c, int64_t parent_id, store_office_fn fn, void *arg,
			  struct errbuf *eb);
/* Set the sealing key; with replace false an existing key is kept and the
 * call fails with ERR_CONFLICT code "seal_key_exists". */
int store_office_seal_set(struct store_conn *c, int64_t office_id, const struct store_seal_key *k,
			  bool replace, struct errbuf *eb);
/* ERR_NOT_FOUND code "seal_no_key" when the office has no key */
int store_office_seal_get(struct store_conn *c, int64_t office_id, struct store_seal_key *out,
			  struct errbuf *eb);
/* The nearest office with a key, walking offices.parent_id up from
 * office_id (at most 16 steps); ERR_NOT_FOUND code "seal_no_key". */
int store_office_seal_find(struct store_conn *c, int64_t office_id, int64_t *key_office_id,
			   struct store_seal_key *out, struct errbuf *eb);

/* users; insert fills u->id (username unique: ERR_CONFLICT) */
int store_user_insert(struct store_conn *c, struct store_user *u, struct errbuf *eb);
int store_user_get(struct store_conn *c, int64_t id, struct store_user *out, struct errbuf *eb);
int store_user_get_by_username(struct store_conn *c, const char *username, struct store_user *out,
			       struct errbuf *eb);
/* by username; office_id 0 lists every office's users */
int store_user_list(struct store_conn *c, int64_t office_id, store_user_fn fn, void *arg,
		    struct errbuf *eb);
int store_user_set_password(struct store_conn *c, int64_t user_id, const char *hash, int64_t now,
			    struct errbuf *eb);
int store_user_set_active(struct store_conn *c, int64_t user_id, bool active, struct errbuf *eb);

/* sessions, keyed by the token hash */
int store_session_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			 int64_t user_id, const char *csrf, int64_t created_at, int64_t expires_at,
			 struct errbuf *eb);
/* A live session (expires_at > now) of an active user, joined with the
 * user and the office in one query. */
int store_session_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
		      int64_t now, struct store_session *out, struct errbuf *eb);
int store_session_touch(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			int64_t expires_at, struct errbuf *eb);
int store_session_delete(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			 struct errbuf *eb);
/* every session of one user (password change, disabling) */
int store_session_delete_user(struct store_conn *c, int64_t user_id, struct errbuf *eb);
int store_session_delete_expired(struct store_conn *c, int64_t now, int64_t *deleted,
				 struct errbuf *eb);

/* API tokens, keyed by the token hash; expires_at 0 means never */
int store_api_token_insert(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			   int64_t user_id, const char *name, int64_t created_at,
			   int64_t expires_at, struct errbuf *eb);
/* A token that is not revoked, not expired, of an active user (joined). */
int store_api_token_get(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			int64_t now, struct store_session *out, struct errbuf *eb);
int store_api_token_revoke(struct store_conn *c, const unsigned char hash[STORE_TOKEN_HASH_BYTES],
			   struct errbuf *eb);
/* Revoke every live token of user_id called name; *count gets how many. */
int store_api_token_revoke_named(struct store_conn *c, int64_t user_id, const char *name,
				 int64_t *count, struct errbuf *eb);
int store_api_token_list(struct store_conn *c, int64_t user_id, store_token_fn fn, void *arg,
			 struct errbuf *eb);

/* --- screening: screened items and watched accounts (src/store/screening.c) ---
 *
 * Written by the screening module (src/screening/); see
 * docs/internals/screening.md.  The queue, get, decide and stats take a
 * struct store_scope and apply it in the query: an item of region R is
 * visible when R lies inside the scope's prefix; an item of unknown region
 * ("") only to national (prefix "") and provincial (two-character prefix)
 * scopes.  recommended_only and ppk_office_id do not apply to screened
 * items (screening is a pengawas and analis permission); none refuses with
 * ERR_FORBIDDEN.  Read models are JSON objects with times as unix seconds
 * ("captured_ts", "seen_ts", "decided_ts"); the caller formats them.
 */

struct store_screened_new {
	const char *source;       /* "" when unknown */
	const char *external_id;  /* NULL when none */
	const char *author;       /* as written in the feed, or NULL */
	const char *url;          /* NULL when none */
	int64_t captured_at;      /* the item's time; 0: unknown */
	int64_t seen_at;          /* when netra loaded it */
	const char *text;         /* valid UTF-8 without NUL bytes */
	const char *content_hash; /* 32 hex digits (scan_content_hash of text) */
	const char *label;        /* possible_violation, neutral_mention, unrelated */
	int score_pct;            /* 0..100 */
	const char *items_json;   /* JSON array text */
	const char *spans_json;   /* JSON array text */
	const char *election;     /* NULL when unknown */
	const char *region_code;  /* "" when unknown */
	bool author_asn;
	int64_t account_id;  /* 0: none */
	int64_t person_id;   /* 0: none */
	const char *channel; /* cli, api */
};

/* Inside a job: insert unless an item with the same content hash exists.
 * *inserted says which; *id (may be NULL) gets the new id, 0 for a duplicate. */
int store_screened_insert(struct store_conn *c, const struct store_screened_new *n, bool *inserted,
			  int64_t *id, struct errbuf *eb);

#define STORE_SCREENED_LIMIT_MAX 500

struct store_screened_filter {
	const char *state;    /* baru (also for NULL), dikonfirmasi, diabaikan */
	const char *label;    /* NULL: any */
	int min_score_pct;    /* 0: any */
	bool asn_only;        /* only items of watched accounts */
	int after_score_pct;  /* keyset cursor: the last item of the previous page ... */
	int64_t after_id;     /* ... (0: first page) */
	int limit;            /* 1..STORE_SCREENED_LIMIT_MAX; else 50 */
	size_t excerpt_chars; /* cut "text" to this many characters; 0: whole text */
};

/* Best first: score, then newest.  *items gets a JSON array; *next_id (and
 * *next_score) the cursor of the next page, 0 when this is the last. */
int store_screened_list(struct store_conn *c, const struct store_scope *sc,
			const struct store_screened_filter *f, json_t **items, int *next_score,
			int64_t *next_id, struct errbuf *eb);
/* One item with its whole text; ERR_NOT_FOUND when absent or out of scope. */
int store_screened_get(struct store_conn *c, const struct store_scope *sc, int64_t id, json_t **out,
		       struct errbuf *eb);

struct store_screened_decision {
	int64_t id;
	const char *state; /* dikonfirmasi or diabaikan */
	int64_t user_id;
	int64_t at;
	const char *reason;      /* required for diabaikan; the officer's note otherwise */
	int64_t case_id;         /* the temuan; required for dikonfirmasi */
	const char *region_code; /* NULL: keep; else the region given on confirming */
};

/* Inside a job: record a decision.  ERR_NOT_FOUND when absent or out of
 * scope; ERR_CONFLICT code "already_decided" when the item is not baru. */
int store_screened_decide(struct store_conn *c, const struct store_scope *sc,
			  const struct store_screened_decision *d, struct errbuf *eb);
/* Counts in scope per score band (score_pct / 10, 0..9; 100 counts as 9),
 * label and state: [{"band", "label", "state", "n"}]. */
int store_screened_stats(struct store_conn *c, const struct store_scope *sc, json_t **rows,
			 struct errbuf *eb);

struct store_watch_account {
	int64_t id;
	char platform[32]; /* lower case; "" = any source */
	char handle[128];  /* lower case, no leading '@' */
	int64_t person_id; /* 0: not linked */
	char name[256];
	char nip[24]; /* "" when unknown */
	char agency[256];
	char position[256];
	char status[24]; /* report_status_canonical() names */
	char region_code[24];
	char note[512];
	char added_by[64];
	int64_t added_at;
	int64_t updated_at;
};

typedef int (*store_watch_account_fn)(void *arg, const struct store_watch_account *a);

/*
 * Inside a job: insert or update by (platform, handle).  An account with a
 * NIP is linked to that person of the registry (persons), who is created
 * when absent (name_norm: the normalised name); an existing person is not
 * changed.  Fills a->id and a->person_id; *created (may be NULL) tells an
 * insert from an update.  Callers validate lengths first.
 */
int store_watch_account_put(struct store_conn *c, struct store_watch_account *a,
			    const char *name_norm, bool *created, struct errbuf *eb);
/* Inside a job; ERR_NOT_FOUND when there is no such account. */
int store_watch_account_delete(struct store_conn *c, const char *platform, const char *handle,
			       struct errbuf *eb);
/* Every account, by platform then handle; fn returning non-zero stops. */
int store_watch_account_list(struct store_conn *c, store_watch_account_fn fn, void *arg,
			     struct errbuf *eb);

#endif
