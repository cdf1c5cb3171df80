/*
 * export.h - the case list as a file, for the PPK's and Bawaslu's own
 * spreadsheets: CSV and XLSX of the inbox filter (and the dashboard's
 * region and date range), one row per terlapor, inside the principal's
 * scope.
 *
 * What is never exported: the reporter's identity (sealed anyway), the
 * witnesses, the description and the notes.  Columns: export_columns[].
 *
 * Words, not codes: the caller gives the words a person reads for the
 * codes of a row (election names, states, kinds, employment statuses,
 * levels, comparisons, deadline rule titles) and for the headers and the
 * XLSX sheets, in the reader's language (web/labels.h makes them from the
 * catalogs and the data files).  Without words the file holds the codes
 * and the column ids.
 *
 * CSV: UTF-8 with a byte-order mark and ';' between fields, CRLF line
 * ends.  That is what Excel opens correctly by double-click on a computer
 * with Indonesian regional settings, where ',' is the decimal separator
 * and ';' the list separator; LibreOffice asks and accepts it too.  A
 * field is quoted when it holds ';', ',', '"', CR or LF; a field starting
 * with = + - @ TAB or CR gets a leading ' so that no spreadsheet runs it
 * as a formula.
 * XLSX: libxlsxwriter in constant-memory mode (rows written in order and
 * flushed), dates as real spreadsheet dates, a second sheet describing the
 * filter.
 * Both walk the cases a page at a time (store_export_page), so memory does
 * not grow with the number of cases.
 *
 * Errors: ERR_UNAUTHORIZED for the public, ERR_FORBIDDEN without
 * PERM_EXPORT, ERR_INVALID_INPUT (with the field) for a bad filter.
 */
#ifndef NETRA_EXPORT_EXPORT_H
#define NETRA_EXPORT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "auth/auth.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/form.h"
#include "stats/stats.h"
#include "store/store.h"
#include "store/store_stats.h"

#define EXPORT_PAGE_CASES 200 /* cases read per store query */
#define EXPORT_Q_MAX      200 /* bytes of the free-text search */

enum export_format { EXPORT_CSV, EXPORT_XLSX };

/* The filter: the inbox's (state, q, assigned, overdue, due_soon) and the
 * dashboard's (election, kind, region, from, to). */
struct export_query {
	struct stats_filter sf;
	char state[32];
	char q[EXPORT_Q_MAX + 1];
	bool assigned_me, unassigned, overdue, due_soon;
};

/* Parse from a query string or form (pure); absent fields mean "any". */
int export_query_parse(const struct form *f, struct export_query *out, struct errbuf *eb);

/* The stable ids of the columns, in order ("code", "received", ...); the
 * header of a column is the words for EXPORT_WORD_TEXT "col.<id>". */
extern const char *const export_columns[];

enum export_word {
	EXPORT_WORD_ELECTION, /* pemilu2024 -> "Pemilihan Umum 2024" */
	EXPORT_WORD_KIND,     /* laporan */
	EXPORT_WORD_STATE,    /* case and terlapor states */
	EXPORT_WORD_STATUS,   /* employment status: PNS, non_asn, ... */
	EXPORT_WORD_LEVEL,    /* sanction levels */
	EXPORT_WORD_CMP,      /* lower, equal, higher */
	EXPORT_WORD_RULE,     /* deadline rule ids */
	EXPORT_WORD_TEXT,     /* the file's own text: "col.<id>", "sheet.cases", "about.made" */
};

/* word() returns the words for code (code itself when it has none); it
 * must be safe to call from the thread that streams the file, and its
 * strings must outlive the cursor. */
struct export_words {
	const char *(*word)(const void *arg, enum export_word what, const char *code);
	const void *arg;
};

struct export_cursor;

/* Check the permission and start at the newest case; who is copied. */
int export_cursor_new(struct export_cursor **out, struct store *st, const struct principal *who,
		      const struct export_query *q, struct errbuf *eb);
void export_cursor_free(struct export_cursor *c);
/* The words of the file (copied; w->arg must outlive the cursor); NULL: codes. */
void export_cursor_words(struct export_cursor *c, const struct export_words *w);
/* Rows exported so far. */
size_t export_cursor_rows(const struct export_cursor *c);

/* Append the next part of the CSV (the BOM and header first, then one page
 * of cases) to b: 1 when something was added, 0 at the end, -1 on error. */
int export_csv_next(struct export_cursor *c, struct buf *b, struct errbuf *eb);
/* Append one CSV field (quoted and defused as above) - pure; fuzzed. */
void export_csv_field(struct buf *b, const char *s, size_t n);

/* Write every row into a new XLSX file at path (temporary files of the
 * library go to tmpdir, NULL for the system's). */
int export_xlsx_write(struct export_cursor *c, const char *path, const char *tmpdir,
		      struct errbuf *eb);

/* Everything to out in one go (the CLI): CSV directly, XLSX through a
 * temporary file in tmpdir. */
int export_to_file(struct store *st, const struct principal *who, const struct export_query *q,
		   const struct export_words *w, enum export_format fmt, FILE *out,
		   const char *tmpdir, struct errbuf *eb);

#endif
