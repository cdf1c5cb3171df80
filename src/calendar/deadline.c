/*
 * deadline.c - the deadline engine: rule + local start date + options ->
 * due date, skipped days and an explanation in Indonesian.
 *
 * Counting convention (see deadline.h and docs/internals/calendar.md):
 * the start day is never counted; N hari is start + N calendar days with
 * nothing skipped; N hari kerja is the Nth working day after the start.
 * A working day past the holiday data is classified by weekday alone and
 * marks the result provisional (the explanation names the missing years);
 * one before the data's first year is refused (date_out_of_range).  The
 * engine is pure: it reads the calendar and writes only the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/cal_internal.h"
#include "core/xalloc.h"

#define EXPLANATION_MAX (64 * 1024)

const char *
deadline_unit_name(enum deadline_unit u)
{
	return u == DEADLINE_HARI_KERJA ? "hari_kerja" : "hari";
}

const char *
deadline_unit_label(enum deadline_unit u)
{
	return u == DEADLINE_HARI_KERJA ? "hari kerja" : "hari";
}

static const char *
confidence_label(const char *c)
{
	if (strcmp(c, "confirmed") == 0)
		return "terkonfirmasi";
	if (strcmp(c, "single_source") == 0)
		return "sumber tunggal";
	if (strcmp(c, "disputed") == 0)
		return "diperdebatkan";
	return "belum terkonfirmasi";
}

static bool
rule_in_effect(const struct deadline_rule *r, struct date d)
{
	if (r->has_from && date_cmp(d, r->effective_from) < 0)
		return false;
	if (r->has_to && date_cmp(d, r->effective_to) > 0)
		return false;
	return true;
}

const struct deadline_rule *
deadline_rule_find(const struct calendar *cal, const char *id, struct date on, struct errbuf *eb)
{
	const struct deadline_rule *known = NULL;
	char ds[DATE_STRLEN], from[DATE_STRLEN] = "...", to[DATE_STRLEN] = "...";
	size_t i;

	for (i = 0; i < cal->nrules; i++) {
		if (strcmp(cal->rules[i].id, id) != 0)
			continue;
		if (rule_in_effect(&cal->rules[i], on))
			return &cal->rules[i];
		known = &cal->rules[i];
	}
	if (known == NULL) {
		errbuf_set_code(eb, ERR_UNPROCESSABLE, "unknown_rule",
				"aturan tenggat \"%.64s\" tidak dikenal (daftar aturan: netra "
				"deadline --list)",
				id);
		return NULL;
	}
	date_format(on, ds);
	if (known->has_from)
		date_format(known->effective_from, from);
	if (known->has_to)
		date_format(known->effective_to, to);
	errbuf_set_code(eb, ERR_UNPROCESSABLE, "rule_not_in_effect",
			"aturan tenggat \"%s\" tidak berlaku pada %s (berlaku %s s.d. %s)",
			known->id, ds, from, to);
	return NULL;
}

size_t
deadline_rule_count(const struct calendar *cal)
{
	return cal->nrules;
}

const struct deadline_rule *
deadline_rule_at(const struct calendar *cal, size_t i)
{
	return i < cal->nrules ? &cal->rules[i] : NULL;
}

void
deadline_result_init(struct deadline_result *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->explanation, EXPLANATION_MAX);
}

void
deadline_result_release(struct deadline_result *r)
{
	free(r->skipped);
	buf_release(&r->explanation);
	memset(r, 0, sizeof(*r));
	buf_init(&r->explanation, EXPLANATION_MAX);
}

/* Skipped days live in a heap array; cap keeps a grown one across calls. */
static void
skip_push(struct deadline_result *r, size_t *cap, struct date d, const char *reason)
{
	if (r->nskipped == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		r->skipped = xreallocarray(r->skipped, *cap, sizeof(*r->skipped));
	}
	r->skipped[r->nskipped].date = d;
	r->skipped[r->nskipped].reason = reason;
	r->nskipped++;
}

static void
add_long_date(struct buf *b, struct date d)
{
	char s[64];

	date_format_long_id(d, s, sizeof(s));
	buf_addstr(b, s);
}

static void
add_day_list_item(struct buf *b, bool first, struct date d, const char *reason)
{
	char ds[DATE_STRLEN];

	date_format(d, ds);
	buf_addf(b, "%s%s (%s)", first ? "" : ", ", ds, reason);
}

/* The sentence about the rule itself: count, unit, start, parts, options. */
static void
explain_head(struct buf *b, const struct deadline_rule *rule, const struct deadline_result *r)
{
	size_t i;

	buf_addf(b, "%s (%s): %d %s sejak ", rule->title, rule->id, r->count,
		 deadline_unit_label(r->unit));
	add_long_date(b, r->start);
	buf_addf(b, " (%s).", rule->starts);
	if (rule->nparts) {
		buf_addf(b, " %d %s = ", r->count, deadline_unit_label(r->unit));
		for (i = 0; i < rule->nparts; i++)
			buf_addf(b, "%s%d %s (%s)", i ? " + " : "", rule->parts[i].count,
				 deadline_unit_label(r->unit), rule->parts[i].what);
		buf_addch(b, '.');
	}
	if (r->unit_from_option)
		buf_addf(b,
			 " Satuan %s dipakai karena pengaturan [rules] %s = %s (data aturan: %d "
			 "%s).",
			 deadline_unit_label(r->unit), cal_option_name(rule->option),
			 deadline_unit_name(r->unit), rule->count, deadline_unit_label(rule->unit));
	if (r->count_from_option)
		buf_addf(b, " Jumlah %d hari dari pengaturan [rules] %s (data aturan: %d %s).",
			 r->count, cal_option_name(rule->option), rule->count,
			 deadline_unit_label(rule->unit));
}

static void
explain_tail(struct buf *b, const struct deadline_rule *rule, const struct deadline_result *r)
{
	if (r->zone)
		buf_addf(b, " Tanggal menurut %s (%s).", r->zone->name, r->zone->label);
	else
		buf_addstr(b, " Tanggal lokal; wilayah tidak disebut, sehingga zona waktu tidak "
			      "ditetapkan.");
	buf_addf(b, " Dasar: %s.", rule->basis);
	if (strcmp(rule->confidence, "confirmed") != 0)
		buf_addf(b, " Tingkat kepastian: %s.", confidence_label(rule->confidence));
	if (rule->note[0])
		buf_addf(b, " Catatan: %s", rule->note);
}

/* Remember an uncovered year the count needed (ascending, each once). */
static void
note_provisional_year(struct deadline_result *r, int year)
{
	size_t i;

	r->provisional = true;
	for (i = 0; i < r->nprovisional_years; i++)
		if (r->provisional_years[i] == year)
			return;
	if (r->nprovisional_years < DEADLINE_MAX_PROVISIONAL_YEARS)
		r->provisional_years[r->nprovisional_years++] = year;
}

/* "2027", "2027 dan 2028", "2027, 2028 dan 2029" */
static void
years_text(const struct deadline_result *r, char *out, size_t outsz)
{
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < r->nprovisional_years && used < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s%d",
					 i == 0                           ? ""
					 : i + 1 == r->nprovisional_years ? " dan "
									  : ", ",
					 r->provisional_years[i]);
}

static void
explain_provisional(struct deadline_result *r)
{
	char years[64];

	years_text(r, years, sizeof(years));
	snprintf(r->provisional_reason, sizeof(r->provisional_reason),
		 "data hari libur %s belum dimuat; dihitung tanpa libur nasional", years);
	buf_addf(&r->explanation,
		 " Perkiraan: data hari libur %s belum dimuat, sehingga hari kerja pada tahun itu "
		 "dihitung tanpa libur nasional dan cuti bersama (hanya Sabtu dan Minggu yang "
		 "dilewati). Jatuh tempo yang sebenarnya bisa lebih lambat; tenggat ini perlu "
		 "dihitung ulang setelah data hari libur tahun itu dimuat.",
		 years);
}

static int
count_workdays(const struct calendar *cal, const struct deadline_rule *rule,
	       const struct calendar_opts *opts, struct deadline_result *r, struct errbuf *eb)
{
	struct buf *b = &r->explanation;
	struct date d = r->start;
	size_t cap = 0, i;
	int n = 0, first_cuti = 1;

	(void)rule;
	r->nskipped = 0;
	while (n < r->count) {
		const struct cal_day *day;
		int wd;

		d = date_add_days(d, 1);
		day = cal_day_get(cal, d);
		if (day == NULL && calendar_year_provisional(cal, d.year)) {
			/* past the data: the weekday alone decides (deadline.h) */
			note_provisional_year(r, d.year);
			wd = date_weekday(d);
			if (wd == 0 || wd == 6) {
				skip_push(r, &cap, d, date_weekday_name_id(wd));
				continue;
			}
			n++;
			continue;
		}
		if (day == NULL) {
			struct errbuf inner;
			char ds[DATE_STRLEN];

			cal_out_of_range(cal, d, &inner);
			date_format(r->start, ds);
			return errbuf_set_code(eb, ERR_UNPROCESSABLE, "date_out_of_range",
					       "tenggat %d hari kerja sejak %s melewati data hari "
					       "libur: %.220s",
					       r->count, ds, inner.msg);
		}
		wd = date_weekday(d);
		if (wd == 0 || wd == 6 ||
		    (day->kinds & (HOLIDAY_LIBUR_NASIONAL | HOLIDAY_LIBUR_PEMILU)) ||
		    ((day->kinds & HOLIDAY_CUTI_BERSAMA) && !opts->cuti_bersama_is_workday)) {
			skip_push(r, &cap, d, day->reason ? day->reason : date_weekday_name_id(wd));
			continue;
		}
		if (day->kinds & HOLIDAY_CUTI_BERSAMA)
			r->cuti_counted++;
		n++;
	}
	r->due = d;
	buf_addstr(b, " Hari mulai tidak dihitung; jatuh tempo adalah hari kerja ke-");
	buf_addf(b, "%d sesudahnya: ", r->count);
	add_long_date(b, r->due);
	buf_addstr(b, ".");
	if (opts->cuti_bersama_is_workday)
		buf_addstr(b, " Hari kerja: Senin-Jumat yang bukan libur nasional dan bukan hari "
			      "libur pemungutan suara; cuti bersama dihitung sebagai hari kerja "
			      "(pengaturan [rules] cuti_bersama_is_workday = true).");
	else
		buf_addstr(b, " Hari kerja: Senin-Jumat yang bukan libur nasional, bukan cuti "
			      "bersama dan bukan hari libur pemungutan suara.");
	if (r->nskipped == 0) {
		buf_addstr(b, " Tidak ada hari yang dilewati.");
	} else {
		buf_addf(b, " Dilewati %zu hari: ", r->nskipped);
		for (i = 0; i < r->nskipped; i++)
			add_day_list_item(b, i == 0, r->skipped[i].date, r->skipped[i].reason);
		buf_addch(b, '.');
	}
	if (r->cuti_counted) {
		struct date x = r->start;

		buf_addstr(b, " Cuti bersama yang dihitung sebagai hari kerja: ");
		while (date_cmp(x, r->due) < 0) {
			const struct cal_day *day;

			x = date_add_days(x, 1);
			day = cal_day_get(cal, x);
			if (day && (day->kinds & HOLIDAY_CUTI_BERSAMA) && date_weekday(x) != 0 &&
			    date_weekday(x) != 6 &&
			    !(day->kinds & (HOLIDAY_LIBUR_NASIONAL | HOLIDAY_LIBUR_PEMILU))) {
				add_day_list_item(b, first_cuti, x, day->reason);
				first_cuti = 0;
			}
		}
		buf_addch(b, '.');
	}
	if (r->provisional)
		explain_provisional(r);
	return 0;
}

static void
count_calendar_days(const struct calendar *cal, struct deadline_result *r)
{
	struct buf *b = &r->explanation;
	struct date x = r->start;
	bool first = true, unknown = false;
	const struct cal_day *due_day;

	r->nskipped = 0;
	r->due = date_add_days(r->start, r->count);
	buf_addf(b, " Hari mulai tidak dihitung; jatuh tempo = tanggal mulai + %d hari kalender: ",
		 r->count);
	add_long_date(b, r->due);
	buf_addstr(b, ". Dalam hitungan hari kalender tidak ada hari yang dilewati");
	while (date_cmp(x, r->due) < 0) {
		const struct cal_day *day;
		int wd;

		x = date_add_days(x, 1);
		wd = date_weekday(x);
		day = cal_day_get(cal, x);
		if (day == NULL)
			unknown = true;
		if (wd != 0 && wd != 6 && (day == NULL || day->kinds == 0))
			continue;
		buf_addstr(b, first ? "; hari libur di dalam rentang tetap dihitung: " : ", ");
		add_day_list_item(b, true, x,
				  day && day->reason ? day->reason : date_weekday_name_id(wd));
		first = false;
	}
	buf_addch(b, '.');
	if (unknown)
		buf_addstr(b, " Data hari libur untuk sebagian rentang ini belum tersedia; hal itu "
			      "tidak memengaruhi hitungan hari kalender.");
	due_day = cal_day_get(cal, r->due);
	if (date_weekday(r->due) == 0 || date_weekday(r->due) == 6 || (due_day && due_day->kinds)) {
		buf_addstr(b, " Jatuh tempo jatuh pada hari libur (");
		buf_addstr(b, due_day && due_day->reason
				      ? due_day->reason
				      : date_weekday_name_id(date_weekday(r->due)));
		buf_addstr(b, "); konvensi ini tidak menggeser tenggat ke hari kerja berikutnya.");
	}
}

int
deadline_compute(const struct calendar *cal, const struct deadline_rule *rule, struct date start,
		 const struct tz *zone, const struct calendar_opts *opts,
		 struct deadline_result *out, struct errbuf *eb)
{
	struct calendar_opts def;

	if (opts == NULL) {
		calendar_opts_init(&def);
		opts = &def;
	}
	if (!date_is_valid(start.year, start.month, start.day))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_date",
				       "tanggal mulai tidak sah");
	buf_reset(&out->explanation);
	out->nskipped = 0;
	out->cuti_counted = 0;
	out->rule = rule;
	out->start = start;
	out->zone = zone;
	out->unit = rule->unit;
	out->count = rule->count;
	out->unit_from_option = false;
	out->count_from_option = false;
	out->provisional = false;
	out->nprovisional_years = 0;
	out->provisional_reason[0] = '\0';
	if (rule->option == DEADLINE_OPT_PEMILU_LAPORAN_UNIT && opts->pemilu_laporan_unit >= 0 &&
	    opts->pemilu_laporan_unit != (int)rule->unit) {
		out->unit = opts->pemilu_laporan_unit == DEADLINE_HARI_KERJA ? DEADLINE_HARI_KERJA
									     : DEADLINE_HARI;
		out->unit_from_option = true;
	}
	if (rule->option == DEADLINE_OPT_PPK_TINDAK_LANJUT_DAYS &&
	    opts->ppk_tindak_lanjut_days > 0 && opts->ppk_tindak_lanjut_days != rule->count) {
		if (opts->ppk_tindak_lanjut_days > DEADLINE_MAX_COUNT)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_input",
					       "ppk_tindak_lanjut_days melebihi %d",
					       DEADLINE_MAX_COUNT);
		out->count = (int)opts->ppk_tindak_lanjut_days;
		out->count_from_option = true;
	}
	if (start.year > 9000)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "date_out_of_range",
				       "tanggal mulai terlalu jauh di masa depan");
	explain_head(&out->explanation, rule, out);
	if (out->unit == DEADLINE_HARI_KERJA) {
		if (count_workdays(cal, rule, opts, out, eb) < 0)
			return -1;
	} else {
		count_calendar_days(cal, out);
	}
	explain_tail(&out->explanation, rule, out);
	if (buf_failed(&out->explanation))
		return errbuf_set(eb, ERR_INTERNAL, "penjelasan tenggat terlalu panjang");
	return 0;
}

struct date
deadline_latest_due(struct date start, struct date due, enum deadline_unit unit, int count,
		    bool provisional)
{
	struct date bound;

	if (!provisional || unit != DEADLINE_HARI_KERJA)
		return due;
	bound = date_add_days(start, DEADLINE_SLACK_FACTOR * count + DEADLINE_SLACK_DAYS);
	return date_cmp(bound, due) > 0 ? bound : due;
}

int
deadline_workdays_between(const struct calendar *cal, struct date from, struct date to,
			  const struct calendar_opts *opts, long *out, bool *provisional,
			  struct errbuf *eb)
{
	struct date d = from;
	bool guess = false;
	long n = 0;

	*out = 0;
	while (date_cmp(d, to) < 0) {
		int w;

		d = date_add_days(d, 1);
		w = calendar_is_workday_provisional(cal, d, opts, NULL, &guess, eb);
		if (w < 0)
			return -1;
		n += w;
	}
	*out = n;
	if (provisional && guess)
		*provisional = true;
	return 0;
}
