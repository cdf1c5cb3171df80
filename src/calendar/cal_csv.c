/*
 * cal_csv.c - CSV data files (holidays.csv, zones.csv) with line numbers.
 *
 * libcsv does the quoting; this file feeds it one line at a time so that
 * a finished record is known to end on the current line, checks the
 * header against the expected columns, bounds every field and row, and
 * hands each record to a callback as string slices.  A field may not
 * contain a line break: every record is one line, so "file:line" in an
 * error points at the record.
 */
#include <csv.h>
#include <string.h>

#include "calendar/cal_csv.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/xalloc.h"

struct csv_state {
	const char *file;
	const char *const *header;
	size_t ncols;
	cal_csv_fn fn;
	void *arg;
	struct errbuf *eb;
	unsigned line;
	bool seen_header;
	bool failed;
	struct buf row;
	size_t off[CAL_CSV_MAX_FIELDS];
	size_t len[CAL_CSV_MAX_FIELDS];
	size_t n;
};

static void
on_field(void *field, size_t len, void *data)
{
	struct csv_state *st = data;

	if (st->failed)
		return;
	if (st->n >= CAL_CSV_MAX_FIELDS) {
		errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%u: terlalu banyak kolom (diharapkan %zu)", st->file, st->line,
				st->ncols);
		st->failed = true;
		return;
	}
	if (len > CAL_CSV_MAX_FIELD) {
		errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%u: kolom %zu terlalu panjang (%zu byte; paling banyak %d)",
				st->file, st->line, st->n + 1, len, CAL_CSV_MAX_FIELD);
		st->failed = true;
		return;
	}
	if (len &&
	    (memchr(field, '\n', len) || memchr(field, '\r', len) || memchr(field, 0, len))) {
		errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%u: kolom %zu berisi pindah baris atau NUL; satu catatan harus "
				"satu baris",
				st->file, st->line, st->n + 1);
		st->failed = true;
		return;
	}
	st->off[st->n] = st->row.len;
	st->len[st->n] = len;
	buf_add(&st->row, field, len);
	buf_addch(&st->row, '\0');
	st->n++;
}

static void
on_record(int c, void *data)
{
	struct csv_state *st = data;
	struct cal_csv_row r;
	size_t i;

	(void)c;
	if (st->failed)
		goto out;
	memset(&r, 0, sizeof(r));
	for (i = 0; i < st->n; i++)
		r.field[i] = str_make(st->row.data + st->off[i], st->len[i]);
	r.n = st->n;
	r.line = st->line;
	if (!st->seen_header) {
		st->seen_header = true;
		for (i = 0; i < st->ncols; i++) {
			if (i >= r.n || !str_eq_cstr(str_trim(r.field[i]), st->header[i])) {
				errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
						"%s:%u: baris judul kolom harus persis \"%s\"",
						st->file, st->line,
						cal_csv_header_text(st->header));
				st->failed = true;
				goto out;
			}
		}
		if (r.n != st->ncols) {
			errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
					"%s:%u: baris judul kolom harus persis \"%s\"", st->file,
					st->line, cal_csv_header_text(st->header));
			st->failed = true;
		}
		goto out;
	}
	if (r.n != st->ncols) {
		errbuf_set_code(st->eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%u: ada %zu kolom; diharapkan %zu (%s)", st->file, st->line,
				r.n, st->ncols, cal_csv_header_text(st->header));
		st->failed = true;
		goto out;
	}
	if (st->fn(st->arg, &r, st->eb) < 0)
		st->failed = true;
out:
	st->n = 0;
	buf_reset(&st->row);
}

const char *
cal_csv_header_text(const char *const *header)
{
	static _Thread_local char text[256];
	size_t i, used = 0;

	text[0] = '\0';
	for (i = 0; header[i] && used < sizeof(text); i++) {
		size_t n = strlen(header[i]);

		if (used + n + 2 >= sizeof(text))
			break;
		if (i)
			text[used++] = ',';
		memcpy(text + used, header[i], n);
		used += n;
		text[used] = '\0';
	}
	return text;
}

static void *
csv_xrealloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

int
cal_csv_each(const char *file, const char *text, size_t len, const char *const *header,
	     cal_csv_fn fn, void *arg, struct errbuf *eb)
{
	struct csv_parser p;
	struct csv_state st;
	size_t pos = 0;
	int rc = -1;

	memset(&st, 0, sizeof(st));
	st.file = file;
	st.header = header;
	while (header[st.ncols])
		st.ncols++;
	st.fn = fn;
	st.arg = arg;
	st.eb = eb;
	buf_init(&st.row, CAL_CSV_MAX_FIELDS * (CAL_CSV_MAX_FIELD + 1));
	if (!utf8_valid(text, len)) {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				"%s: berkas bukan teks UTF-8 yang sah", file);
		goto out_nocsv;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* byte order mark from spreadsheet programs */
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		errbuf_set(eb, ERR_INTERNAL, "%s: libcsv init failed", file);
		goto out_nocsv;
	}
	csv_set_realloc_func(&p, csv_xrealloc);
	while (pos < len && !st.failed) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;

		st.line++;
		if (csv_parse(&p, text + pos, n, on_field, on_record, &st) != n) {
			errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
					"%s:%u: CSV tidak sah: %s (periksa tanda kutip)", file,
					st.line, csv_strerror(csv_error(&p)));
			goto out;
		}
		pos += n;
	}
	if (!st.failed && csv_fini(&p, on_field, on_record, &st) != 0) {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:%u: CSV tidak sah: tanda kutip tidak ditutup", file, st.line);
		goto out;
	}
	if (st.failed)
		goto out;
	if (!st.seen_header) {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				"%s:1: berkas kosong; baris pertama harus \"%s\"", file,
				cal_csv_header_text(header));
		goto out;
	}
	rc = 0;
out:
	csv_free(&p);
out_nocsv:
	buf_release(&st.row);
	return rc;
}
