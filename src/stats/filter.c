/*
 * filter.c - the dashboard and export filter: parsing from a query string
 * or form, conversion for the store, and the cache key.
 *
 * Pure over its input: every field is checked for shape and length (an
 * election id is [a-z0-9_], a region a dotted Kemendagri prefix, dates
 * real calendar dates with from <= to and at most STATS_MAX_RANGE_D days
 * apart), so nothing unexpected reaches a query or a cache key.
 */
#include <stdio.h>
#include <string.h>

#include "core/datetime.h"
#include "core/str.h"
#include "stats/stats_internal.h"
#include "store/store_stats.h"

/* NN, NN.NN or NN.NN.NN */
static bool
region_ok(const char *s)
{
	size_t i, n = strnlen(s, 16);

	if (n != 2 && n != 5 && n != 8)
		return false;
	for (i = 0; i < n; i++) {
		if (i % 3 == 2) {
			if (s[i] != '.')
				return false;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	return true;
}

static const char *
field(const struct form *q, const char *name)
{
	const char *v = q ? form_get(q, name) : NULL;

	return v ? v : "";
}

int
stats_filter_parse(const struct form *q, struct stats_filter *out, struct errbuf *eb)
{
	const char *election = field(q, "election"), *kind = field(q, "kind");
	const char *region = field(q, "region"), *from = field(q, "from"), *to = field(q, "to");
	const char *period = field(q, "period");
	struct date df, dt;

	memset(out, 0, sizeof(*out));
	out->period = STORE_STAT_MONTH;
	if (election[0] && !stats_ident_ok(election, sizeof(out->election) - 1))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "election",
					"pemilihan harus kode seperti pemilu2024");
	if (kind[0] && strcmp(kind, "laporan") != 0 && strcmp(kind, "temuan") != 0 &&
	    strcmp(kind, "informasi_awal") != 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "kind",
					"jenis harus laporan, temuan atau informasi_awal");
	if (region[0] && !region_ok(region))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "region",
					"wilayah harus kode Kemendagri seperti 64, 64.08 atau "
					"64.08.01");
	if (from[0] && date_parse(str_from(from), &df) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "from",
					"tanggal awal harus berbentuk TTTT-BB-HH");
	if (to[0] && date_parse(str_from(to), &dt) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "to",
					"tanggal akhir harus berbentuk TTTT-BB-HH");
	if (from[0] && to[0]) {
		int64_t days = date_to_days(dt) - date_to_days(df);

		if (days < 0)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "to",
						"tanggal akhir tidak boleh sebelum tanggal awal");
		if (days > STATS_MAX_RANGE_D)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "to",
						"rentang tanggal paling panjang %d hari",
						STATS_MAX_RANGE_D);
	}
	if (period[0] && strcmp(period, "bulan") == 0)
		out->period = STORE_STAT_MONTH;
	else if (period[0] && strcmp(period, "minggu") == 0)
		out->period = STORE_STAT_WEEK;
	else if (period[0])
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "period",
					"periode harus bulan atau minggu");
	cstr_copy(out->election, sizeof(out->election), election);
	cstr_copy(out->kind, sizeof(out->kind), kind);
	cstr_copy(out->region, sizeof(out->region), region);
	cstr_copy(out->from, sizeof(out->from), from);
	cstr_copy(out->to, sizeof(out->to), to);
	return 0;
}

void
stats_filter_store(const struct stats_filter *f, struct store_stat_filter *out)
{
	struct date d;

	memset(out, 0, sizeof(*out));
	out->election = f->election;
	out->kind = f->kind;
	out->region = f->region;
	if (f->from[0] && date_parse(str_from(f->from), &d) == 0)
		out->from = date_to_days(d) * 86400;
	if (f->to[0] && date_parse(str_from(f->to), &d) == 0)
		out->to = (date_to_days(d) + 1) * 86400;
}

void
stats_filter_key(const struct stats_filter *f, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s|%s|%s|%s|%s|%c", f->election, f->kind, f->region, f->from, f->to,
		 f->period == STORE_STAT_WEEK ? 'w' : 'm');
}
