/*
 * datetime.c - civil dates, ISO timestamps, zones and the clock.
 *
 * Day arithmetic uses Howard Hinnant's days-from-civil algorithm (public
 * description of the proleptic Gregorian calendar), valid for every int
 * year we accept (0001..9999).
 */
#include <stdio.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "datetime.h"

const struct tz tz_wib = {"WIB", 7 * 60, "Waktu Indonesia Barat"};
const struct tz tz_wita = {"WITA", 8 * 60, "Waktu Indonesia Tengah"};
const struct tz tz_wit = {"WIT", 9 * 60, "Waktu Indonesia Timur"};

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap(year) ? 29 : mdays[month - 1];
}

bool
date_is_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= date_days_in_month(year, month);
}

int64_t
date_to_days(struct date d)
{
	int64_t y = d.month <= 2 ? d.year - 1 : d.year;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (d.month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(int64_t z)
{
	struct date d;
	int64_t era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return d;
}

int
date_weekday(struct date d)
{
	int64_t z = date_to_days(d);

	/* 1970-01-01 was a Thursday (4); z % 7 may be negative in C */
	return (int)((z % 7 + 11) % 7);
}

struct date
date_add_days(struct date d, int64_t n)
{
	return date_from_days(date_to_days(d) + n);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

static int
digits(const char *p, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

int
date_parse(struct str s, struct date *out)
{
	int y, m, d;

	if (s.len != 10 || s.ptr[4] != '-' || s.ptr[7] != '-')
		return -1;
	y = digits(s.ptr, 4);
	m = digits(s.ptr + 5, 2);
	d = digits(s.ptr + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_is_valid(y, m, d))
		return -1;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

void
date_format(struct date d, char out[DATE_STRLEN])
{
	snprintf(out, DATE_STRLEN, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
		 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

const char *
date_weekday_name_id(int weekday)
{
	static const char *const names[] = {"Minggu", "Senin", "Selasa", "Rabu",
					    "Kamis",  "Jumat", "Sabtu"};

	return weekday >= 0 && weekday < 7 ? names[weekday] : "?";
}

const char *
date_month_name_id(int month)
{
	static const char *const names[] = {"Januari",   "Februari", "Maret",    "April",
					    "Mei",       "Juni",     "Juli",     "Agustus",
					    "September", "Oktober",  "November", "Desember"};

	return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

void
date_format_long_id(struct date d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s, %d %s %d", date_weekday_name_id(date_weekday(d)), d.day,
		 date_month_name_id(d.month), d.year);
}

const struct tz *
tz_find(struct str name)
{
	if (str_caseeq_cstr(name, "WIB"))
		return &tz_wib;
	if (str_caseeq_cstr(name, "WITA"))
		return &tz_wita;
	if (str_caseeq_cstr(name, "WIT"))
		return &tz_wit;
	return NULL;
}

int
time_parse_iso(struct str s, int64_t *out, int *offset_min)
{
	struct date d;
	int hh, mm, ss = 0, off = 0;
	size_t i;

	if (s.len < 17 || date_parse(str_make(s.ptr, 10), &d) < 0)
		return -1;
	if (s.ptr[10] != 'T' && s.ptr[10] != ' ' && s.ptr[10] != 't')
		return -1;
	hh = digits(s.ptr + 11, 2);
	if (s.ptr[13] != ':')
		return -1;
	mm = digits(s.ptr + 14, 2);
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return -1;
	i = 16;
	if (i < s.len && s.ptr[i] == ':') {
		if (i + 3 > s.len)
			return -1;
		ss = digits(s.ptr + i + 1, 2);
		if (ss < 0 || ss > 60)
			return -1;
		i += 3;
		if (i < s.len && (s.ptr[i] == '.' || s.ptr[i] == ',')) {
			size_t start = ++i;

			while (i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9')
				i++;
			if (i == start || i - start > 9)
				return -1;
		}
	}
	if (i >= s.len)
		return -1; /* zone is mandatory */
	if ((s.ptr[i] == 'Z' || s.ptr[i] == 'z') && i + 1 == s.len) {
		off = 0;
	} else if (s.ptr[i] == '+' || s.ptr[i] == '-') {
		int sign = s.ptr[i] == '-' ? -1 : 1, oh, om;
		size_t rest = s.len - i - 1;

		if (rest == 5 && s.ptr[i + 3] == ':') {
			oh = digits(s.ptr + i + 1, 2);
			om = digits(s.ptr + i + 4, 2);
		} else if (rest == 4) {
			oh = digits(s.ptr + i + 1, 2);
			om = digits(s.ptr + i + 3, 2);
		} else if (rest == 2) {
			oh = digits(s.ptr + i + 1, 2);
			om = 0;
		} else {
			return -1;
		}
		if (oh < 0 || oh > 14 || om < 0 || om > 59)
			return -1;
		off = sign * (oh * 60 + om);
	} else {
		return -1;
	}
	*out = date_to_days(d) * 86400 + hh * 3600 + mm * 60 + (ss == 60 ? 59 : ss) -
	       (int64_t)off * 60;
	if (offset_min)
		*offset_min = off;
	return 0;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct date
time_local_date(int64_t t, int offset_min)
{
	return date_from_days(floor_div(t + (int64_t)offset_min * 60, 86400));
}

int
time_local_seconds(int64_t t, int offset_min)
{
	int64_t l = t + (int64_t)offset_min * 60;

	return (int)(l - floor_div(l, 86400) * 86400);
}

int64_t
time_from_local_date(struct date d, int offset_min)
{
	return date_to_days(d) * 86400 - (int64_t)offset_min * 60;
}

/* two decimal digits of v (< 100) */
static char *
put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10u);
	p[1] = (char)('0' + v % 10u);
	return p + 2;
}

void
time_format_iso(int64_t t, int offset_min, char out[TIME_STRLEN])
{
	struct date d = time_local_date(t, offset_min);
	unsigned sec = (unsigned)time_local_seconds(t, offset_min) % 86400u;
	unsigned off = (unsigned)(offset_min < 0 ? -offset_min : offset_min) % 6000u;
	unsigned year = (unsigned)d.year % 10000u;
	char *p = out;

	/* by hand: snprintf was a visible share of a case-list page */
	p = put2(p, year / 100u);
	p = put2(p, year % 100u);
	*p++ = '-';
	p = put2(p, (unsigned)d.month % 100u);
	*p++ = '-';
	p = put2(p, (unsigned)d.day % 100u);
	*p++ = 'T';
	p = put2(p, sec / 3600u);
	*p++ = ':';
	p = put2(p, sec / 60u % 60u);
	*p++ = ':';
	p = put2(p, sec % 60u);
	if (offset_min == 0) {
		*p++ = 'Z';
	} else {
		*p++ = offset_min < 0 ? '-' : '+';
		p = put2(p, off / 60u % 100u);
		*p++ = ':';
		p = put2(p, off % 60u);
	}
	*p = '\0';
}

/* clock override: base timestamp and the monotonic instant it was set */
static _Atomic int64_t clock_base = 0;
static _Atomic int64_t clock_base_mono_ms = 0;
static atomic_bool clock_override = false;

int64_t
clock_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t
clock_mono_ms(void)
{
	return clock_mono_us() / 1000;
}

int64_t
clock_now(void)
{
	if (atomic_load(&clock_override))
		return atomic_load(&clock_base) +
		       (clock_mono_ms() - atomic_load(&clock_base_mono_ms)) / 1000;
	return (int64_t)time(NULL);
}

int
clock_set_override(const char *iso, struct errbuf *eb)
{
	int64_t t;

	if (iso == NULL || iso[0] == '\0') {
		atomic_store(&clock_override, false);
		return 0;
	}
	if (time_parse_iso(str_from(iso), &t, NULL) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "now",
					"waktu '%s' tidak valid; gunakan format ISO 8601 dengan "
					"zona, mis. 2024-10-12T10:00:00+08:00",
					iso);
	atomic_store(&clock_base, t);
	atomic_store(&clock_base_mono_ms, clock_mono_ms());
	atomic_store(&clock_override, true);
	return 0;
}

bool
clock_is_overridden(void)
{
	return atomic_load(&clock_override);
}
