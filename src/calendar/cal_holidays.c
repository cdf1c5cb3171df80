/*
 * cal_holidays.c - holidays.csv (libur nasional, cuti bersama, election-day
 * holidays) and the working-day test built on it.
 *
 * Coverage is by whole calendar year: a year with at least one row in
 * holidays.csv is taken as fully listed (the SKB of each year is entered
 * as a whole); any other year is outside the data and its days cannot be
 * classified.  After loading, days[] holds one entry per day of the
 * covered span with the kinds of holiday on it and a ready-made reason
 * ("Sabtu; libur nasional: ..."), so a lookup is one index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar/cal_csv.h"
#include "calendar/cal_internal.h"
#include "core/buf.h"
#include "core/xalloc.h"

#define CAL_MAX_HOLIDAYS 20000

static const char *const holiday_header[] = {"date", "kind", "name", "basis", "source_url", NULL};

struct holiday_parse {
	struct calendar *cal;
	const char *file;
	size_t cap;
};

static int
row_err(const char *file, unsigned line, struct errbuf *eb, const char *what)
{
	return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data", "%s:%u: %s", file, line,
			       what);
}

/*
 * The one check of a holiday row (holidays.csv, an admin's import or a row
 * typed on the admin page): fills h's date and kind, or writes what is
 * wrong to msg and returns -1.  Strings are left to the caller.
 */
static int
holiday_fields_check(struct str fdate, struct str fkind, struct str fname, struct str fbasis,
		     struct str furl, bool url_optional, struct holiday *h, char *msg, size_t msgsz)
{
	if (date_parse(fdate, &h->date) < 0) {
		snprintf(msg, msgsz, "tanggal \"%.*s\" tidak sah (format YYYY-MM-DD)",
			 (int)MIN(fdate.len, 40), fdate.ptr);
		return -1;
	}
	if (str_eq_cstr(fkind, "libur_nasional"))
		h->kind = HOLIDAY_LIBUR_NASIONAL;
	else if (str_eq_cstr(fkind, "cuti_bersama"))
		h->kind = HOLIDAY_CUTI_BERSAMA;
	else if (str_eq_cstr(fkind, "libur_pemilu"))
		h->kind = HOLIDAY_LIBUR_PEMILU;
	else {
		snprintf(msg, msgsz,
			 "jenis \"%.*s\" tidak dikenal; pilih libur_nasional, cuti_bersama atau "
			 "libur_pemilu",
			 (int)MIN(fkind.len, 40), fkind.ptr);
		return -1;
	}
	if (fname.len == 0) {
		snprintf(msg, msgsz, "kolom name (nama hari libur) kosong");
		return -1;
	}
	if (fbasis.len == 0) {
		snprintf(msg, msgsz, "kolom basis (dasar hukum) kosong");
		return -1;
	}
	if (fname.len > 200 || fbasis.len > 1000 || furl.len > 1000) {
		snprintf(msg, msgsz,
			 "kolom terlalu panjang (nama maks. 200, basis dan "
			 "source_url maks. 1000 byte)");
		return -1;
	}
	if (!(url_optional && furl.len == 0) && !str_has_prefix(furl, "https://") &&
	    !str_has_prefix(furl, "http://")) {
		snprintf(msg, msgsz,
			 "kolom source_url harus alamat http:// atau https:// sumbernya");
		return -1;
	}
	return 0;
}

static void
holiday_append(struct calendar *cal, size_t *cap, const struct holiday *h)
{
	if (cal->nholidays == *cap) {
		*cap = *cap ? *cap * 2 : 128;
		cal->holidays = xreallocarray(cal->holidays, *cap, sizeof(*cal->holidays));
	}
	cal->holidays[cal->nholidays++] = *h;
}

static int
holiday_row(void *arg, const struct cal_csv_row *r, struct errbuf *eb)
{
	struct holiday_parse *hp = arg;
	struct calendar *cal = hp->cal;
	struct str fname = str_trim(r->field[2]), fbasis = str_trim(r->field[3]);
	struct str furl = str_trim(r->field[4]);
	struct holiday h;
	char msg[192];
	size_t i;

	memset(&h, 0, sizeof(h));
	if (holiday_fields_check(str_trim(r->field[0]), str_trim(r->field[1]), fname, fbasis, furl,
				 false, &h, msg, sizeof(msg)) < 0)
		return row_err(hp->file, r->line, eb, msg);
	for (i = 0; i < cal->nholidays; i++) {
		const struct holiday *o = &cal->holidays[i];

		if (date_cmp(o->date, h.date) == 0 && o->kind == h.kind &&
		    str_eq_cstr(fname, o->name)) {
			snprintf(msg, sizeof(msg), "baris ini mengulang baris %u", o->line);
			return row_err(hp->file, r->line, eb, msg);
		}
	}
	if (cal->nholidays >= CAL_MAX_HOLIDAYS)
		return row_err(hp->file, r->line, eb, "terlalu banyak baris hari libur");
	h.name = arena_strndup(&cal->arena, fname.ptr, fname.len);
	h.basis = arena_strndup(&cal->arena, fbasis.ptr, fbasis.len);
	h.source_url = arena_strndup(&cal->arena, furl.ptr, furl.len);
	h.line = r->line;
	holiday_append(cal, &hp->cap, &h);
	return 0;
}

int
cal_parse_holidays(struct calendar *cal, const char *file, const char *text, size_t len,
		   struct errbuf *eb)
{
	struct holiday_parse hp = {cal, file, cal->nholidays};

	return cal_csv_each(file, text, len, holiday_header, holiday_row, &hp, eb);
}

int
cal_apply_admin_holidays(struct calendar *cal, const struct calendar_admin_holiday *rows, size_t n,
			 struct errbuf *eb)
{
	size_t cap = cal->nholidays, i, j, k;

	for (i = 0; i < n; i++) {
		const struct calendar_admin_holiday *a = &rows[i];
		struct holiday h;
		char ds[DATE_STRLEN], msg[192];

		memset(&h, 0, sizeof(h));
		date_format(a->date, ds);
		if (holiday_fields_check(str_from(ds), str_from(a->kind),
					 str_trim(str_from(a->name)), str_trim(str_from(a->basis)),
					 str_trim(str_from(a->source_url)), true, &h, msg,
					 sizeof(msg)) < 0)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
					       "hari libur admin #%lld: %s", (long long)a->id, msg);
		/* the admin row replaces data-file rows of the same date and kind */
		for (j = k = 0; j < cal->nholidays; j++) {
			const struct holiday *o = &cal->holidays[j];

			if (o->admin_id == 0 && date_cmp(o->date, h.date) == 0 && o->kind == h.kind)
				continue;
			cal->holidays[k++] = *o;
		}
		cal->nholidays = k;
		if (cal->nholidays >= CAL_MAX_HOLIDAYS)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
					       "terlalu banyak baris hari libur");
		h.name = arena_strdup(&cal->arena, a->name);
		h.basis = arena_strdup(&cal->arena, a->basis);
		h.source_url = arena_strdup(&cal->arena, a->source_url);
		h.line = 1000000u + (unsigned)i;
		h.admin_id = a->id;
		holiday_append(cal, &cap, &h);
	}
	return 0;
}

int
calendar_holidays_check(const char *file, const char *text, size_t len, calendar_holiday_fn fn,
			void *arg, struct errbuf *eb)
{
	struct calendar *cal = cal_new("data");
	size_t i;
	int rc;

	rc = cal_parse_holidays(cal, file, text, len, eb);
	if (rc == 0 && cal->nholidays == 0)
		rc = errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				     "%s: tidak ada baris hari libur", file);
	for (i = 0; rc == 0 && i < cal->nholidays; i++)
		rc = fn(arg, &cal->holidays[i], eb);
	calendar_free(cal);
	return rc;
}

int
calendar_holiday_check_one(const char *date, const char *kind, const char *name, const char *basis,
			   const char *source_url, struct errbuf *eb)
{
	struct holiday h;
	char msg[192];

	if (holiday_fields_check(str_trim(str_from(date ? date : "")), str_from(kind ? kind : ""),
				 str_trim(str_from(name ? name : "")),
				 str_trim(str_from(basis ? basis : "")),
				 str_trim(str_from(source_url ? source_url : "")), true, &h, msg,
				 sizeof(msg)) < 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_holiday", "%s", msg);
	return 0;
}

const char *
calendar_holiday_kind_name(unsigned kind)
{
	switch (kind) {
	case HOLIDAY_LIBUR_NASIONAL: return "libur_nasional";
	case HOLIDAY_CUTI_BERSAMA: return "cuti_bersama";
	case HOLIDAY_LIBUR_PEMILU: return "libur_pemilu";
	default: return "";
	}
}

const char *
calendar_holiday_kind_norm(const char *s)
{
	if (s == NULL)
		return NULL;
	if (strcmp(s, "libur") == 0 || strcmp(s, "libur_nasional") == 0)
		return "libur_nasional";
	if (strcmp(s, "cuti_bersama") == 0 || strcmp(s, "cuti") == 0)
		return "cuti_bersama";
	if (strcmp(s, "pemungutan") == 0 || strcmp(s, "libur_pemilu") == 0)
		return "libur_pemilu";
	return NULL;
}

bool
calendar_data_ending(const struct calendar *cal, struct date today, struct date *end,
		     long *days_left)
{
	int y = today.year;

	/* the data runs out at the end of the last covered year that follows
	 * today's without a gap; a clock set before the data begins (a
	 * training run in an old year) is not "running out" */
	if (cal->ndays && y < cal->first_year) {
		*end = (struct date){cal->last_year, 12, 31};
		*days_left = (long)(date_to_days(*end) - date_to_days(today));
		return false;
	}
	if (cal->ndays == 0 || y > cal->last_year || !cal->year_covered[y - cal->first_year]) {
		*end = cal->ndays ? (struct date){cal->last_year, 12, 31} : today;
		*days_left = cal->ndays ? (long)(date_to_days(*end) - date_to_days(today)) : 0;
		if (*days_left > 0)
			*days_left = 0;
		return true;
	}
	while (y + 1 <= cal->last_year && cal->year_covered[y + 1 - cal->first_year])
		y++;
	*end = (struct date){y, 12, 31};
	*days_left = (long)(date_to_days(*end) - date_to_days(today));
	return *days_left <= CALENDAR_WARN_DAYS;
}

static int
holiday_cmp(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;
	int c = date_cmp(x->date, y->date);

	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* "cuti bersama: Tahun Baru Imlek" rather than "cuti bersama: Cuti Bersama Tahun Baru Imlek" */
static const char *
strip_prefix_ci(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncasecmp(s, prefix, n) == 0 && s[n] ? s + n : s;
}

static void
add_reason(struct buf *b, const struct holiday *h)
{
	if (b->len)
		buf_addstr(b, "; ");
	switch (h->kind) {
	case HOLIDAY_LIBUR_NASIONAL: buf_addf(b, "libur nasional: %s", h->name); break;
	case HOLIDAY_CUTI_BERSAMA:
		buf_addf(b, "cuti bersama: %s", strip_prefix_ci(h->name, "Cuti Bersama "));
		break;
	case HOLIDAY_LIBUR_PEMILU: buf_addf(b, "hari pemungutan suara (%s)", h->basis); break;
	}
}

int
cal_index_holidays(struct calendar *cal, struct errbuf *eb)
{
	struct buf reason = BUF_INIT;
	size_t i;
	int64_t last_day;

	if (cal->nholidays == 0)
		return 0;
	qsort(cal->holidays, cal->nholidays, sizeof(*cal->holidays), holiday_cmp);
	cal->first_year = cal->holidays[0].date.year;
	cal->last_year = cal->holidays[cal->nholidays - 1].date.year;
	if (cal->last_year - cal->first_year >= CALENDAR_MAX_YEARS)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s/calendars/holidays.csv: data hari libur %d..%d melebihi "
				       "%d tahun",
				       cal->origin, cal->first_year, cal->last_year,
				       CALENDAR_MAX_YEARS);
	for (i = 0; i < cal->nholidays; i++)
		cal->year_covered[cal->holidays[i].date.year - cal->first_year] = true;
	cal->day0 = date_to_days((struct date){cal->first_year, 1, 1});
	last_day = date_to_days((struct date){cal->last_year, 12, 31});
	cal->ndays = (size_t)(last_day - cal->day0 + 1);
	cal->days = arena_array(&cal->arena, cal->ndays, sizeof(*cal->days));
	for (i = 0; i < cal->nholidays; i++) {
		struct cal_day *day = &cal->days[date_to_days(cal->holidays[i].date) - cal->day0];

		if (day->count == 0)
			day->first = (unsigned short)i;
		day->count++;
		day->kinds |= (unsigned char)cal->holidays[i].kind;
	}
	for (i = 0; i < cal->ndays; i++) {
		struct cal_day *day = &cal->days[i];
		int wd;
		unsigned k;

		if (day->count == 0)
			continue;
		buf_reset(&reason);
		wd = date_weekday(date_from_days(cal->day0 + (int64_t)i));
		if (wd == 0 || wd == 6)
			buf_addstr(&reason, date_weekday_name_id(wd));
		for (k = 0; k < day->count; k++)
			add_reason(&reason, &cal->holidays[day->first + k]);
		day->reason = arena_strndup(&cal->arena, buf_cstr(&reason), reason.len);
	}
	buf_release(&reason);
	return 0;
}

const struct cal_day *
cal_day_get(const struct calendar *cal, struct date d)
{
	int64_t idx;

	if (cal->ndays == 0 || d.year < cal->first_year || d.year > cal->last_year ||
	    !cal->year_covered[d.year - cal->first_year])
		return NULL;
	idx = date_to_days(d) - cal->day0;
	if (idx < 0 || (uint64_t)idx >= cal->ndays)
		return NULL;
	return &cal->days[idx];
}

void
calendar_coverage(const struct calendar *cal, struct date *first, struct date *last)
{
	*first = (struct date){cal->first_year, 1, 1};
	*last = (struct date){cal->last_year, 12, 31};
}

bool
calendar_covers(const struct calendar *cal, struct date d)
{
	return cal_day_get(cal, d) != NULL;
}

/* "2023-2025" or "2023, 2025" */
static void
coverage_text(const struct calendar *cal, char *out, size_t outsz)
{
	size_t used = 0;
	int y = cal->first_year;

	out[0] = '\0';
	if (cal->ndays == 0) {
		snprintf(out, outsz, "tidak ada");
		return;
	}
	while (y <= cal->last_year && used + 16 < outsz) {
		int end = y;

		if (!cal->year_covered[y - cal->first_year]) {
			y++;
			continue;
		}
		while (end + 1 <= cal->last_year && cal->year_covered[end + 1 - cal->first_year])
			end++;
		if (end > y)
			used += (size_t)snprintf(out + used, outsz - used, "%s%d-%d",
						 used ? ", " : "", y, end);
		else
			used += (size_t)snprintf(out + used, outsz - used, "%s%d", used ? ", " : "",
						 y);
		y = end + 1;
	}
}

int
cal_out_of_range(const struct calendar *cal, struct date d, struct errbuf *eb)
{
	char ds[DATE_STRLEN], cov[96];

	date_format(d, ds);
	coverage_text(cal, cov, sizeof(cov));
	return errbuf_set_code(eb, ERR_UNPROCESSABLE, "date_out_of_range",
			       "tanggal %s di luar data hari libur (tahun yang tersedia: %s); hari "
			       "kerja tidak dapat dihitung dengan pasti",
			       ds, cov);
}

int
calendar_is_workday(const struct calendar *cal, struct date d, const struct calendar_opts *opts,
		    char *reason, struct errbuf *eb)
{
	const struct cal_day *day = cal_day_get(cal, d);
	bool cuti_ok = opts ? opts->cuti_bersama_is_workday : false;
	int wd;

	if (day == NULL)
		return cal_out_of_range(cal, d, eb);
	wd = date_weekday(d);
	if (wd != 0 && wd != 6 && !(day->kinds & (HOLIDAY_LIBUR_NASIONAL | HOLIDAY_LIBUR_PEMILU)) &&
	    (!(day->kinds & HOLIDAY_CUTI_BERSAMA) || cuti_ok))
		return 1;
	if (reason)
		cstr_copy(reason, CALENDAR_REASON_LEN,
			  day->reason ? day->reason : date_weekday_name_id(wd));
	return 0;
}

bool
calendar_year_provisional(const struct calendar *cal, int year)
{
	if (cal->ndays == 0 || year < cal->first_year)
		return false;
	return year > cal->last_year || !cal->year_covered[year - cal->first_year];
}

int
calendar_is_workday_provisional(const struct calendar *cal, struct date d,
				const struct calendar_opts *opts, char *reason, bool *provisional,
				struct errbuf *eb)
{
	int wd;

	if (!calendar_year_provisional(cal, d.year))
		return calendar_is_workday(cal, d, opts, reason, eb);
	*provisional = true;
	wd = date_weekday(d);
	if (wd != 0 && wd != 6)
		return 1;
	if (reason)
		cstr_copy(reason, CALENDAR_REASON_LEN, date_weekday_name_id(wd));
	return 0;
}

size_t
calendar_holidays_on(const struct calendar *cal, struct date d, const struct holiday **out,
		     size_t max)
{
	const struct cal_day *day = cal_day_get(cal, d);
	size_t k;

	if (day == NULL)
		return 0;
	for (k = 0; k < day->count && k < max; k++)
		out[k] = &cal->holidays[day->first + k];
	return k;
}

size_t
calendar_holiday_count(const struct calendar *cal)
{
	return cal->nholidays;
}

const struct holiday *
calendar_holiday_at(const struct calendar *cal, size_t i)
{
	return i < cal->nholidays ? &cal->holidays[i] : NULL;
}
