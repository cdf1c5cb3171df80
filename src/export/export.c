/*
 * export.c - CSV and XLSX exports of the case list (see export.h).
 *
 * Invariants: a cursor holds no store connection between calls (each page
 * takes a reader and gives it back), and no more than one page of rows in
 * memory; the principal is a copy, so a cursor outlives the request that
 * made it (the CSV is streamed after the handler returned).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "cases/cases.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "export/export.h"
#include "store/store_cases.h"
#include "store/store_stats.h"

const char *const export_columns[] = {
	"code",        "received",  "zone",        "election", "kind",          "state",
	"region_code", "office",    "terlapor",    "nip",      "status",        "agency",
	"track_state", "rec_level", "institution", "ppk",      "sanction_form", "sanction_level",
	"sk_number",   "sk_date",   "cmp",         "next_due", "next_rule",     NULL,
};

enum { COL_COUNT = 23 };

struct export_cursor {
	struct store *st;
	struct principal who;
	struct store_scope sc;
	struct export_query q;
	struct export_words words;
	struct store_case_filter lf;
	struct store_stat_filter sf;
	int64_t before; /* cursor: only cases below this id */
	bool started, done;
	size_t rows;
};

/* --- the filter ------------------------------------------------------------ */

static const char *
field(const struct form *f, const char *name)
{
	const char *v = f ? form_get(f, name) : NULL;

	return v ? v : "";
}

int
export_query_parse(const struct form *f, struct export_query *out, struct errbuf *eb)
{
	const char *state = field(f, "state"), *q = field(f, "q"), *assigned = field(f, "assigned");
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (stats_filter_parse(f, &out->sf, eb) < 0)
		return -1;
	n = strnlen(state, sizeof(out->state));
	if (n >= sizeof(out->state))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "state", "tahap tidak dikenal");
	for (i = 0; i < n; i++)
		if (!((state[i] >= 'a' && state[i] <= 'z') || state[i] == '_'))
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "state",
						"tahap tidak dikenal");
	if (strnlen(q, EXPORT_Q_MAX + 1) > EXPORT_Q_MAX)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "q",
					"kata pencarian paling panjang %d byte", EXPORT_Q_MAX);
	if (assigned[0] && strcmp(assigned, "me") != 0 && strcmp(assigned, "none") != 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "assigned",
					"assigned harus me atau none");
	cstr_copy(out->state, sizeof(out->state), state);
	cstr_copy(out->q, sizeof(out->q), q);
	out->assigned_me = strcmp(assigned, "me") == 0;
	out->unassigned = strcmp(assigned, "none") == 0;
	out->overdue = strcmp(field(f, "overdue"), "1") == 0;
	out->due_soon = strcmp(field(f, "due_soon"), "1") == 0;
	return 0;
}

/* --- the cursor ---------------------------------------------------------------- */

int
export_cursor_new(struct export_cursor **out, struct store *st, const struct principal *who,
		  const struct export_query *q, struct errbuf *eb)
{
	struct export_cursor *c;

	*out = NULL;
	if (who == NULL || who->user_id == 0) {
		errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
		return -1;
	}
	if (!auth_can(who, PERM_EXPORT)) {
		errbuf_set(eb, ERR_FORBIDDEN, "peran Anda tidak diizinkan mengekspor data");
		return -1;
	}
	c = xcalloc(1, sizeof(*c));
	c->st = st;
	c->who = *who;
	c->q = *q;
	auth_scope(&c->who, &c->sc);
	if (c->sc.none) {
		free(c);
		errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
		return -1;
	}
	/* the region filter must lie inside the scope or contain it */
	if (q->sf.region[0] && !auth_region_within(c->sc.region_prefix, q->sf.region) &&
	    !auth_region_within(q->sf.region, c->sc.region_prefix)) {
		free(c);
		errbuf_set_field(eb, ERR_INVALID_INPUT, "region",
				 "wilayah %s berada di luar wilayah kerja Anda", q->sf.region);
		return -1;
	}
	c->lf.state = c->q.state;
	c->lf.q = c->q.q;
	c->lf.assigned_to = c->q.assigned_me ? c->who.user_id : 0;
	c->lf.unassigned = c->q.unassigned;
	c->lf.overdue = c->q.overdue;
	c->lf.due_soon = c->q.due_soon;
	c->lf.limit = EXPORT_PAGE_CASES;
	cases_filter_dates(&c->lf);
	stats_filter_store(&c->q.sf, &c->sf);
	*out = c;
	return 0;
}

void
export_cursor_free(struct export_cursor *c)
{
	free(c);
}

void
export_cursor_words(struct export_cursor *c, const struct export_words *w)
{
	if (w && w->word)
		c->words = *w;
	else
		memset(&c->words, 0, sizeof(c->words));
}

size_t
export_cursor_rows(const struct export_cursor *c)
{
	return c->rows;
}

/* One page of rows to fn; sets done at the end. */
static int
next_page(struct export_cursor *c, store_export_fn fn, void *arg, struct errbuf *eb)
{
	struct store_conn *conn;
	int64_t next = 0;
	int rc;

	c->lf.before_id = c->before;
	conn = store_reader(c->st);
	rc = store_export_page(conn, &c->sc, &c->lf, &c->sf, fn, arg, &next, eb);
	store_reader_done(c->st, conn);
	if (rc < 0)
		return -1;
	c->before = next;
	if (next == 0)
		c->done = true;
	return 0;
}

/* --- values ------------------------------------------------------------------ */

/* The words for a code of a row, or the code without words. */
static const char *
word(const struct export_cursor *c, enum export_word what, const char *code)
{
	const char *w;

	if (code == NULL || code[0] == '\0')
		return "";
	if (c->words.word == NULL)
		return code;
	w = c->words.word(c->words.arg, what, code);
	return w ? w : code;
}

/* The file's own text "<key>" (a header "col.code", a sheet name ...). */
static const char *
text(const struct export_cursor *c, const char *key)
{
	return word(c, EXPORT_WORD_TEXT, key);
}

/* The header of column i. */
static const char *
header(const struct export_cursor *c, size_t i)
{
	char key[48];
	const char *w;

	if (c->words.word == NULL)
		return export_columns[i];
	snprintf(key, sizeof(key), "col.%s", export_columns[i]);
	w = word(c, EXPORT_WORD_TEXT, key);
	return w == key ? export_columns[i] : w; /* no words: the id, not the key */
}

static int
zone_offset(const char *tz)
{
	const struct tz *z = tz_find(str_from(tz));

	return z ? z->offset_min : tz_wita.offset_min;
}

/* "YYYY-MM-DD HH:MM" in the case's zone */
static void
local_time(int64_t t, const char *tz, char out[32])
{
	int off = zone_offset(tz);
	struct date d = time_local_date(t, off);
	int s = time_local_seconds(t, off);

	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", d.year % 10000, d.month % 100, d.day % 100,
		 (s / 3600) % 100, (s / 60) % 60);
}

/* --- CSV ----------------------------------------------------------------------- */

void
export_csv_field(struct buf *b, const char *s, size_t n)
{
	bool quote = false, defuse;
	size_t i;

	defuse = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			   s[0] == '\t' || s[0] == '\r');
	for (i = 0; i < n && !quote; i++)
		if (s[i] == ';' || s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = true;
	if (quote)
		buf_addch(b, '"');
	if (defuse)
		buf_addch(b, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addch(b, '"');
		buf_addch(b, s[i]);
	}
	if (quote)
		buf_addch(b, '"');
}

static void
csv_str(struct buf *b, const char *s, bool last)
{
	export_csv_field(b, s, strlen(s));
	buf_addstr(b, last ? "\r\n" : ";");
}

struct csv_arg {
	struct export_cursor *c;
	struct buf *b;
};

static int
csv_row(void *arg, const struct store_export_row *r)
{
	struct csv_arg *a = arg;
	char when[32];

	local_time(r->received_at, r->tz, when);
	csv_str(a->b, r->code, false);
	csv_str(a->b, when, false);
	csv_str(a->b, r->tz, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_ELECTION, r->election), false);
	csv_str(a->b, word(a->c, EXPORT_WORD_KIND, r->kind), false);
	csv_str(a->b, word(a->c, EXPORT_WORD_STATE, r->state), false);
	csv_str(a->b, r->region_code, false);
	csv_str(a->b, r->office, false);
	csv_str(a->b, r->name, false);
	csv_str(a->b, r->nip, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_STATUS, r->status), false);
	csv_str(a->b, r->agency, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_STATE, r->track_state), false);
	csv_str(a->b, word(a->c, EXPORT_WORD_LEVEL, r->rec_level), false);
	csv_str(a->b, r->rec_institution, false);
	csv_str(a->b, r->ppk_office, false);
	csv_str(a->b, r->sanction_form, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_LEVEL, r->sanction_level), false);
	csv_str(a->b, r->sanction_sk, false);
	csv_str(a->b, r->sanction_on, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_CMP, r->cmp), false);
	csv_str(a->b, r->next_due, false);
	csv_str(a->b, word(a->c, EXPORT_WORD_RULE, r->next_rule), true);
	a->c->rows++;
	return 0;
}

int
export_csv_next(struct export_cursor *c, struct buf *b, struct errbuf *eb)
{
	struct csv_arg a = {c, b};
	size_t i;

	if (!c->started) {
		c->started = true;
		buf_addstr(b, "\xEF\xBB\xBF"); /* BOM: Excel reads UTF-8 */
		for (i = 0; export_columns[i]; i++)
			csv_str(b, header(c, i), export_columns[i + 1] == NULL);
		return 1;
	}
	if (c->done)
		return 0;
	if (next_page(c, csv_row, &a, eb) < 0)
		return -1;
	return 1;
}

/* --- XLSX ---------------------------------------------------------------------- */

struct xlsx_arg {
	struct export_cursor *c;
	lxw_worksheet *ws;
	lxw_format *datetime, *date;
	lxw_row_t row;
};

static void
xs(struct xlsx_arg *a, lxw_col_t col, const char *s)
{
	if (s && s[0])
		worksheet_write_string(a->ws, a->row, col, s, NULL);
}

/* A YYYY-MM-DD text as a real date, else as text. */
static void
xdate(struct xlsx_arg *a, lxw_col_t col, const char *s)
{
	struct date d;

	if (s && s[0] && date_parse(str_from(s), &d) == 0) {
		lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};

		worksheet_write_datetime(a->ws, a->row, col, &dt, a->date);
		return;
	}
	xs(a, col, s);
}

static int
xlsx_row(void *arg, const struct store_export_row *r)
{
	struct xlsx_arg *a = arg;
	int off = zone_offset(r->tz);
	struct date d = time_local_date(r->received_at, off);
	int s = time_local_seconds(r->received_at, off);
	lxw_datetime when = {d.year, d.month, d.day, s / 3600, (s / 60) % 60, s % 60};

	if (a->row >= LXW_ROW_MAX - 1)
		return 1; /* the sheet is full: stop (the summary sheet says so) */
	xs(a, 0, r->code);
	worksheet_write_datetime(a->ws, a->row, 1, &when, a->datetime);
	xs(a, 2, r->tz);
	xs(a, 3, word(a->c, EXPORT_WORD_ELECTION, r->election));
	xs(a, 4, word(a->c, EXPORT_WORD_KIND, r->kind));
	xs(a, 5, word(a->c, EXPORT_WORD_STATE, r->state));
	xs(a, 6, r->region_code);
	xs(a, 7, r->office);
	xs(a, 8, r->name);
	xs(a, 9, r->nip);
	xs(a, 10, word(a->c, EXPORT_WORD_STATUS, r->status));
	xs(a, 11, r->agency);
	xs(a, 12, word(a->c, EXPORT_WORD_STATE, r->track_state));
	xs(a, 13, word(a->c, EXPORT_WORD_LEVEL, r->rec_level));
	xs(a, 14, r->rec_institution);
	xs(a, 15, r->ppk_office);
	xs(a, 16, r->sanction_form);
	xs(a, 17, word(a->c, EXPORT_WORD_LEVEL, r->sanction_level));
	xs(a, 18, r->sanction_sk);
	xdate(a, 19, r->sanction_on);
	xs(a, 20, word(a->c, EXPORT_WORD_CMP, r->cmp));
	xdate(a, 21, r->next_due);
	xs(a, 22, word(a->c, EXPORT_WORD_RULE, r->next_rule));
	a->row++;
	a->c->rows++;
	return 0;
}

static void
summary_sheet(lxw_workbook *wb, const struct export_cursor *c, bool truncated, lxw_format *bold)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, text(c, "sheet.about"));
	const struct stats_filter *f = &c->q.sf;
	const char *all = text(c, "about.all");
	char now[TIME_STRLEN], rows[32];
	const char *lines[][2] = {
		{"about.made", now},
		{"about.by", c->who.username},
		{"about.office", c->who.office_name},
		{"about.scope",
		 c->sc.region_prefix[0] ? c->sc.region_prefix : text(c, "about.national")},
		{"about.election",
		 f->election[0] ? word(c, EXPORT_WORD_ELECTION, f->election) : all},
		{"about.kind", f->kind[0] ? word(c, EXPORT_WORD_KIND, f->kind) : all},
		{"about.region", f->region[0] ? f->region : all},
		{"about.from", f->from[0] ? f->from : "-"},
		{"about.to", f->to[0] ? f->to : "-"},
		{"about.state", c->q.state[0] ? word(c, EXPORT_WORD_STATE, c->q.state) : all},
		{"about.q", c->q.q[0] ? c->q.q : "-"},
		{"about.rows", rows},
		{"about.note", text(c, truncated ? "about.full" : "about.private")},
	};
	size_t i;

	time_format_iso(clock_now(), tz_wita.offset_min, now);
	snprintf(rows, sizeof(rows), "%zu", c->rows);
	worksheet_set_column(ws, 0, 0, 20, bold);
	worksheet_set_column(ws, 1, 1, 70, NULL);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		worksheet_write_string(ws, (lxw_row_t)i, 0, text(c, lines[i][0]), NULL);
		worksheet_write_string(ws, (lxw_row_t)i, 1, lines[i][1], NULL);
	}
}

int
export_xlsx_write(struct export_cursor *c, const char *path, const char *tmpdir, struct errbuf *eb)
{
	static const double widths[COL_COUNT] = {16, 17, 6, 14, 10, 16, 12, 30, 28, 20, 12, 34,
						 22, 12, 8, 28, 34, 10, 20, 11, 14, 11, 28};
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE,
				    .tmpdir = (char *)(uintptr_t)tmpdir};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	struct xlsx_arg a;
	lxw_format *bold;
	lxw_error err;
	size_t i;
	int rc = 0;

	if (wb == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "berkas XLSX tidak dapat dibuat");
	memset(&a, 0, sizeof(a));
	a.c = c;
	a.ws = workbook_add_worksheet(wb, text(c, "sheet.cases"));
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	a.datetime = workbook_add_format(wb);
	format_set_num_format(a.datetime, "yyyy-mm-dd hh:mm");
	a.date = workbook_add_format(wb);
	format_set_num_format(a.date, "yyyy-mm-dd");
	for (i = 0; i < COL_COUNT; i++)
		worksheet_set_column(a.ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	worksheet_freeze_panes(a.ws, 1, 0);
	for (i = 0; export_columns[i]; i++)
		worksheet_write_string(a.ws, 0, (lxw_col_t)i, header(c, i), bold);
	a.row = 1;
	c->started = true;
	while (!c->done) {
		int prc = next_page(c, xlsx_row, &a, eb);

		if (prc < 0) {
			rc = -1;
			break;
		}
		if (a.row >= LXW_ROW_MAX - 1)
			break;
	}
	if (rc == 0)
		worksheet_autofilter(a.ws, 0, 0, a.row > 1 ? a.row - 1 : 1, COL_COUNT - 1);
	summary_sheet(wb, c, !c->done, bold);
	err = workbook_close(wb);
	if (rc == 0 && err != LXW_NO_ERROR)
		return errbuf_set(eb, ERR_INTERNAL, "berkas XLSX gagal ditulis: %s",
				  lxw_strerror(err));
	return rc;
}

/* --- the CLI's way -------------------------------------------------------------- */

int
export_to_file(struct store *st, const struct principal *who, const struct export_query *q,
	       const struct export_words *w, enum export_format fmt, FILE *out, const char *tmpdir,
	       struct errbuf *eb)
{
	struct export_cursor *c;
	struct buf b;
	int rc = -1, k;

	if (export_cursor_new(&c, st, who, q, eb) < 0)
		return -1;
	export_cursor_words(c, w);
	if (fmt == EXPORT_CSV) {
		buf_init(&b, (size_t)-1);
		while ((k = export_csv_next(c, &b, eb)) > 0) {
			if (fwrite(b.data, 1, b.len, out) != b.len) {
				errbuf_set(eb, ERR_INTERNAL, "gagal menulis keluaran");
				break;
			}
			buf_reset(&b);
		}
		buf_release(&b);
		rc = k == 0 ? 0 : -1;
	} else {
		char path[1024];
		int fd;
		FILE *f;

		snprintf(path, sizeof(path), "%s/netra-ekspor-XXXXXX.xlsx",
			 tmpdir && tmpdir[0] ? tmpdir : "/tmp");
		fd = mkstemps(path, 5);
		if (fd < 0) {
			errbuf_set(eb, ERR_INTERNAL, "berkas sementara tidak dapat dibuat di %s",
				   tmpdir ? tmpdir : "/tmp");
			goto out;
		}
		close(fd);
		if (export_xlsx_write(c, path, tmpdir, eb) == 0) {
			f = fopen(path, "rb");
			if (f) {
				char chunk[65536];
				size_t n;

				rc = 0;
				while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
					if (fwrite(chunk, 1, n, out) != n) {
						rc = errbuf_set(eb, ERR_INTERNAL,
								"gagal menulis keluaran");
						break;
					}
				fclose(f);
			}
		}
		unlink(path);
	}
out:
	export_cursor_free(c);
	return rc;
}
