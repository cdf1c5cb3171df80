/*
 * cal_zones.c - zones.csv (Kemendagri province code -> WIB/WITA/WIT) and
 * the zone of a region code.
 *
 * Indonesia has no daylight saving, so a zone is a fixed offset
 * (core/datetime.h).  A region code is the dotted Kemendagri code of a
 * province, kab/kota, kecamatan or desa; its zone is the zone of its
 * province (the first two digits).
 */
#include <stdio.h>
#include <string.h>

#include "calendar/cal_csv.h"
#include "calendar/cal_internal.h"

static const char *const zone_header[] = {"code", "province", "zone", "basis", "source_url", NULL};

struct zone_parse {
	struct calendar *cal;
	const char *file;
};

static int
zone_row(void *arg, const struct cal_csv_row *r, struct errbuf *eb)
{
	struct zone_parse *zp = arg;
	struct calendar *cal = zp->cal;
	struct str code = str_trim(r->field[0]), name = str_trim(r->field[1]);
	struct str zone = str_trim(r->field[2]), basis = str_trim(r->field[3]);
	struct str url = str_trim(r->field[4]);
	struct province_zone *p;
	const struct tz *tz;
	int n;

	if (code.len != 2 || !str_all_digits(code) || code.ptr[0] == '0')
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s:%u: kode provinsi \"%.*s\" harus dua angka (mis. 64)",
				       zp->file, r->line, (int)MIN(code.len, 20), code.ptr);
	n = (code.ptr[0] - '0') * 10 + (code.ptr[1] - '0');
	p = &cal->provinces[n];
	tz = tz_find(zone);
	if (tz == NULL)
		return errbuf_set_code(
			eb, ERR_INVALID_INPUT, "invalid_data",
			"%s:%u: zona \"%.*s\" tidak dikenal; pilih WIB, WITA atau WIT", zp->file,
			r->line, (int)MIN(zone.len, 20), zone.ptr);
	if (name.len == 0 || basis.len == 0)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s:%u: kolom province dan basis wajib diisi", zp->file,
				       r->line);
	if (!str_has_prefix(url, "https://") && !str_has_prefix(url, "http://"))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s:%u: kolom source_url harus alamat http:// atau https://",
				       zp->file, r->line);
	if (p->zone)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s:%u: provinsi %.*s sudah tercantum", zp->file, r->line,
				       (int)code.len, code.ptr);
	memcpy(p->code, code.ptr, 2);
	p->code[2] = '\0';
	p->name = arena_strndup(&cal->arena, name.ptr, name.len);
	p->zone = tz;
	cal->nprovinces++;
	return 0;
}

int
cal_parse_zones(struct calendar *cal, const char *file, const char *text, size_t len,
		struct errbuf *eb)
{
	struct zone_parse zp = {cal, file};

	return cal_csv_each(file, text, len, zone_header, zone_row, &zp, eb);
}

/* "64", "64.08", "64.08.01", "64.08.01.2001" */
bool
cal_region_valid(const char *s)
{
	static const size_t group[] = {2, 2, 2, 4};
	size_t g, i = 0;

	for (g = 0; g < 4; g++) {
		size_t k;

		for (k = 0; k < group[g]; k++, i++)
			if (s[i] < '0' || s[i] > '9')
				return false;
		if (s[i] == '\0')
			return true;
		if (s[i] != '.' || g == 3)
			return false;
		i++;
	}
	return false;
}

int
calendar_region_zone(const struct calendar *cal, const char *region, const struct tz **zone,
		     const struct province_zone **province, struct errbuf *eb)
{
	const struct province_zone *p;

	if (region == NULL || strlen(region) > 13 || !cal_region_valid(region))
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "unknown_region",
				       "kode wilayah \"%.20s\" tidak sah; gunakan kode Kemendagri "
				       "bertitik, mis. 64 atau 64.08",
				       region ? region : "");
	p = &cal->provinces[(region[0] - '0') * 10 + (region[1] - '0')];
	if (p->zone == NULL)
		return errbuf_set_code(
			eb, ERR_UNPROCESSABLE, "unknown_region",
			"provinsi %.2s (dari kode wilayah %s) tidak ada dalam daftar "
			"zona waktu",
			region, region);
	if (zone)
		*zone = p->zone;
	if (province)
		*province = p;
	return 0;
}

size_t
calendar_province_count(const struct calendar *cal)
{
	return cal->nprovinces;
}

const struct province_zone *
calendar_province_at(const struct calendar *cal, size_t i)
{
	size_t k, seen = 0;

	for (k = 0; k < 100; k++) {
		if (cal->provinces[k].zone == NULL)
			continue;
		if (seen++ == i)
			return &cal->provinces[k];
	}
	return NULL;
}
