/*
 * ident_nik.c - the NIK reading of a 16-digit number (see ident.h;
 * regulations.md 7.5).
 *
 * Errors: a province code that is not in the region table; a kab/kota
 * part outside 01-69 (kabupaten) and 71-99 (kota); DD outside 01-31 and
 * 41-71; MM outside 01-12; a day that exists in neither possible century;
 * a birth date after today in every century; sequence 0000.
 * Warnings: a kab/kota or kecamatan code that today's table does not have
 * (a NIK keeps the code in force when it was issued), and a two-digit year
 * that fits both 19YY and 20YY.
 */
#include <stdio.h>
#include <string.h>

#include "ident/ident_internal.h"

static void
lookup_part(const struct region_table *t, const char *d, size_t ndigits,
	    struct ident_nik_region *out)
{
	struct region reg;
	uint64_t key;
	int level;

	out->name = NULL;
	if (region_code_parse(d, ndigits, &key, &level) < 0) {
		/* a 00 part: still show the code as written */
		snprintf(out->code, sizeof(out->code), "%.2s%s%.*s%s%.*s", d,
			 ndigits > 2 ? "." : "", ndigits > 2 ? 2 : 0, d + 2, ndigits > 4 ? "." : "",
			 ndigits > 4 ? 2 : 0, d + 4);
		return;
	}
	region_code_format(key, level, out->code);
	if (region_find(t, out->code, &reg) == 0)
		out->name = reg.name;
}

static int
read_region(const char *d, const struct ident_opts *o, struct ident_result *r)
{
	struct ident_nik_reading *k = &r->nik;
	int kab = ident_digits(d + 2, 2);

	lookup_part(o->regions, d, 2, &k->province);
	lookup_part(o->regions, d, 4, &k->kabkota);
	lookup_part(o->regions, d, 6, &k->kecamatan);
	if (k->province.name == NULL) {
		ident_fault_set(&k->fault, IDENT_CODE_NIK, 1, 2,
				"digit 1-2: kode provinsi %.2s tidak ada dalam tabel wilayah "
				"Kemendagri",
				d);
		return -1;
	}
	if (kab == 0 || kab == 70) {
		ident_fault_set(&k->fault, IDENT_CODE_NIK, 3, 4,
				"digit 3-4: kode kabupaten/kota %02d tidak sah (01-69 kabupaten, "
				"71-99 kota)",
				kab);
		return -1;
	}
	return 0;
}

static void
warn_region(struct ident_result *r)
{
	struct ident_nik_reading *k = &r->nik;

	if (k->kabkota.name == NULL)
		ident_warn(r, "nik_kabkota_unknown", IDENT_NIK, 3, 4,
			   "digit 3-4: kode kabupaten/kota %s tidak ada dalam tabel wilayah "
			   "sekarang; NIK memakai kode yang berlaku saat diterbitkan (mungkin "
			   "wilayah sebelum pemekaran atau perubahan kode)",
			   k->kabkota.code);
	else if (k->kecamatan.name == NULL)
		ident_warn(r, "nik_kecamatan_unknown", IDENT_NIK, 5, 6,
			   "digit 5-6: kode kecamatan %s tidak ada dalam tabel wilayah sekarang; "
			   "NIK memakai kode yang berlaku saat diterbitkan",
			   k->kecamatan.code);
}

/* DD, MM and YY: fills day, month, sex and the possible birth dates. */
static int
read_birth(const char *d, const struct ident_opts *o, struct ident_nik_reading *k)
{
	int c, y;
	char today[DATE_STRLEN];

	k->dd = ident_digits(d + 6, 2);
	k->month = ident_digits(d + 8, 2);
	k->yy = ident_digits(d + 10, 2);
	if (k->dd >= 1 && k->dd <= 31) {
		k->day = k->dd;
		k->sex = IDENT_SEX_MALE;
	} else if (k->dd >= 41 && k->dd <= 71) {
		k->day = k->dd - 40;
		k->sex = IDENT_SEX_FEMALE;
	} else {
		ident_fault_set(&k->fault, IDENT_CODE_NIK, 7, 8,
				"digit 7-8: tanggal lahir %02d tidak sah (01-31, atau 41-71 untuk "
				"perempuan)",
				k->dd);
		return -1;
	}
	if (k->month < 1 || k->month > 12) {
		ident_fault_set(&k->fault, IDENT_CODE_NIK, 9, 10,
				"digit 9-10: bulan lahir %02d tidak ada (harus 01-12)", k->month);
		return -1;
	}
	k->nbirth = 0;
	for (c = 1900; c <= 2000; c += 100) {
		y = c + k->yy;
		if (date_is_valid(y, k->month, k->day)) {
			struct date b = {y, k->month, k->day};

			k->birth[k->nbirth++] = b;
		}
	}
	if (k->nbirth == 0) {
		if (k->month == 2 && k->day == 29)
			ident_fault_set(&k->fault, IDENT_CODE_NIK, 7, 8,
					"digit 7-8: 29 Februari tidak ada pada tahun 19%02d maupun "
					"20%02d",
					k->yy, k->yy);
		else
			ident_fault_set(&k->fault, IDENT_CODE_NIK, 7, 8,
					"digit 7-8: tanggal %d tidak ada pada bulan %s", k->day,
					date_month_name_id(k->month));
		return -1;
	}
	if (o->today.year > 0) {
		size_t i, n = 0;

		for (i = 0; i < k->nbirth; i++)
			if (date_cmp(k->birth[i], o->today) <= 0)
				k->birth[n++] = k->birth[i];
		k->nbirth = n;
		if (n == 0) {
			date_format(o->today, today);
			ident_fault_set(&k->fault, IDENT_CODE_NIK, 7, 12,
					"digit 7-12: tanggal lahir sesudah hari ini (%s)", today);
			return -1;
		}
	}
	return 0;
}

void
ident_read_nik(const char *d, const struct ident_opts *o, struct ident_result *r)
{
	struct ident_nik_reading *k = &r->nik;
	char a[48], b[48];

	memset(k, 0, sizeof(*k));
	if (read_region(d, o, r) < 0 || read_birth(d, o, k) < 0)
		return;
	k->sequence = ident_digits(d + 12, 4);
	if (k->sequence == 0) {
		ident_fault_set(&k->fault, IDENT_CODE_NIK, 13, 16,
				"digit 13-16: nomor urut 0000 tidak ada (dimulai dari 0001)");
		return;
	}
	k->valid = true;
	warn_region(r);
	if (k->nbirth == 2) {
		ident_date_text(k->birth[0], a, sizeof(a));
		ident_date_text(k->birth[1], b, sizeof(b));
		ident_warn(r, "nik_birth_century", IDENT_NIK, 11, 12,
			   "digit 11-12: tahun lahir ditulis 2 digit (%02d), jadi tanggal lahirnya "
			   "%s atau %s; NIK sendiri tidak menentukan abadnya",
			   k->yy, a, b);
	}
}
