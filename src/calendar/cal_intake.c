/*
 * cal_intake.c - whether a laporan may be filed at a given moment: the
 * intake rules of intake.json (days, hours in local time, stages that
 * close intake, holidays), evaluated in the zone of the receiving office.
 *
 * Hours are inclusive to the minute: with 08:00-16:00 a report stamped
 * 16:00:59 local time is inside, 16:01 is not ("pukul 08.00 sampai dengan
 * 16.00").  Past the holiday data the holiday test is left out (an unknown
 * holiday does not close intake) and the answer is flagged provisional.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar/cal_internal.h"

static bool
in_effect(const struct intake_rule *r, struct date d)
{
	if (r->has_from && date_cmp(d, r->effective_from) < 0)
		return false;
	if (r->has_to && date_cmp(d, r->effective_to) > 0)
		return false;
	return true;
}

static void ATTR_PRINTF(2, 3) set_why(char *why, const char *fmt, ...)
{
	va_list ap;

	if (why == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(why, CALENDAR_REASON_LEN, fmt, ap);
	va_end(ap);
}

static void
days_text(unsigned mask, char *out, size_t outsz)
{
	static const char *const names[] = {"Minggu", "Senin", "Selasa", "Rabu",
					    "Kamis",  "Jumat", "Sabtu"};
	size_t used = 0;
	int k;

	if (mask == 0x3e) {
		snprintf(out, outsz, "Senin-Jumat");
		return;
	}
	out[0] = '\0';
	for (k = 1; k <= 7; k++) {
		int d = k % 7; /* Senin first, Minggu last */

		if ((mask & (1u << d)) && used < outsz)
			used += (size_t)snprintf(out + used, outsz - used, "%s%s", used ? ", " : "",
						 names[d]);
	}
}

int
calendar_pilkada_intake_open(const struct calendar *cal, const struct election *e, int64_t t,
			     const struct tz *zone, const struct calendar_opts *opts, char *why_not,
			     bool *provisional, struct errbuf *eb)
{
	const struct intake_rule *r = NULL;
	struct date d;
	char days[96], reason[CALENDAR_REASON_LEN];
	int minute, wd, w;
	size_t i;

	if (why_not)
		why_not[0] = '\0';
	if (zone == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "region_required",
				       "zona waktu kantor penerima diperlukan untuk menilai jam "
				       "layanan");
	d = time_local_date(t, zone->offset_min);
	minute = time_local_seconds(t, zone->offset_min) / 60;
	for (i = 0; e && i < cal->nintake; i++)
		if (cal->intake[i].kind == e->clock && in_effect(&cal->intake[i], d))
			r = &cal->intake[i];
	if (r == NULL)
		return 1;
	days_text(r->weekdays, days, sizeof(days));
	for (i = 0; i < e->nstages; i++) {
		const struct election_stage *s = &e->stages[i];
		char a[DATE_STRLEN], b[DATE_STRLEN];

		if (!(s->flags & r->closed_flags) || date_cmp(d, s->start) < 0 ||
		    date_cmp(d, s->end) > 0)
			continue;
		date_format(s->start, a);
		date_format(s->end, b);
		set_why(why_not, "tahapan %s %s (%s s.d. %s): laporan tidak diterima (%s)", s->name,
			e->name, a, b, r->basis);
		return 0;
	}
	wd = date_weekday(d);
	if (!(r->weekdays & (1u << wd))) {
		set_why(why_not, "hari %s di luar hari layanan (%s, %02d:%02d-%02d:%02d %s; %s)",
			date_weekday_name_id(wd), days, r->open_min / 60, r->open_min % 60,
			r->close_min / 60, r->close_min % 60, zone->name, r->basis);
		return 0;
	}
	if (r->closed_on_holidays) {
		bool guess = false;

		/* past the holiday data the weekday alone decides (see calendar.h) */
		w = calendar_is_workday_provisional(cal, d, opts, reason, &guess, eb);
		if (w < 0)
			return -1;
		if (guess && provisional)
			*provisional = true;
		if (w == 0) {
			set_why(why_not, "hari libur: %s", reason);
			return 0;
		}
	}
	if (minute < r->open_min || minute > r->close_min) {
		set_why(why_not,
			"pukul %02d:%02d %s di luar jam layanan %02d:%02d-%02d:%02d (%s; %s)",
			minute / 60, minute % 60, zone->name, r->open_min / 60, r->open_min % 60,
			r->close_min / 60, r->close_min % 60, days, r->basis);
		return 0;
	}
	return 1;
}
