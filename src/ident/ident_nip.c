/*
 * ident_nip.c - the two readings of an 18-digit number: NIP (PNS) and
 * NI PPPK (see ident.h for the layouts and their sources).
 *
 * NIP rules (regulations.md 7.3): valid birth date; TMT month 01-12 and
 * TMT after the birth date; sex digit 1 or 2; sequence from 001.
 * NI PPPK rules (7.4): valid birth date and sex digit 1 or 2; positions
 * 13-14 are opaque.  Both also refuse what cannot be: a birth date after
 * today, an appointment year before the birth year.  Everything merely
 * unusual is a warning, from the limits in data/ident/limits.ini.
 * Fault messages start with the digit positions; they are short phrases
 * that ident.c prefixes with the kind.
 */
#include <stdio.h>
#include <string.h>

#include "ident/ident_internal.h"

/* Check digits 1-8 as a birth date; fault code is the reading's code. */
static int
read_birth(const char *d, const struct ident_opts *o, const char *code, struct date *birth,
	   struct ident_fault *f)
{
	int y = ident_digits(d, 4), m = ident_digits(d + 4, 2), day = ident_digits(d + 6, 2);
	char text[48], today[DATE_STRLEN];

	if (y == 0) {
		ident_fault_set(f, code, 1, 4, "digit 1-4: tahun lahir 0000 tidak mungkin");
		return -1;
	}
	if (m < 1 || m > 12) {
		ident_fault_set(f, code, 5, 6,
				"digit 5-6: bulan lahir %02d tidak ada (harus 01-12)", m);
		return -1;
	}
	if (!date_is_valid(y, m, day)) {
		if (m == 2 && day == 29)
			ident_fault_set(f, code, 7, 8,
					"digit 7-8: tanggal lahir 29 Februari %04d tidak ada (%04d "
					"bukan tahun kabisat)",
					y, y);
		else
			ident_fault_set(f, code, 7, 8,
					"digit 7-8: tanggal lahir %02d tidak ada pada bulan %s "
					"(harus 01-%02d)",
					day, date_month_name_id(m), date_days_in_month(y, m));
		return -1;
	}
	birth->year = y;
	birth->month = m;
	birth->day = day;
	if (o->today.year > 0 && date_cmp(*birth, o->today) > 0) {
		ident_date_text(*birth, text, sizeof(text));
		date_format(o->today, today);
		ident_fault_set(f, code, 1, 8,
				"digit 1-8: tanggal lahir %s sesudah hari ini (%s): tidak mungkin",
				text, today);
		return -1;
	}
	return 0;
}

static int
read_sex(const char *d, const char *code, enum ident_sex *sex, struct ident_fault *f)
{
	if (d[14] != '1' && d[14] != '2') {
		ident_fault_set(f, code, 15, 15,
				"digit 15: kode jenis kelamin %c tidak sah (1 laki-laki, 2 "
				"perempuan)",
				d[14]);
		return -1;
	}
	*sex = d[14] == '1' ? IDENT_SEX_MALE : IDENT_SEX_FEMALE;
	return 0;
}

static void
warn_birth_year(struct ident_result *r, enum ident_kind reading, struct date birth,
		const struct ident_limits *lim)
{
	if (lim && lim->min_birth_year > 0 && birth.year < lim->min_birth_year)
		ident_warn(r, "birth_year_low", reading, 1, 4,
			   "digit 1-4: tahun lahir %04d lebih awal dari %d (batas kewajaran): "
			   "periksa kembali nomornya",
			   birth.year, lim->min_birth_year);
}

void
ident_read_nip(const char *d, const struct ident_opts *o, struct ident_result *r)
{
	struct ident_nip_reading *n = &r->nip;
	const struct ident_limits *lim = o->limits;
	struct date tmt;
	char btext[48], today[DATE_STRLEN];

	memset(n, 0, sizeof(*n));
	if (read_birth(d, o, IDENT_CODE_NIP, &n->birth, &n->fault) < 0)
		return;
	n->tmt_year = ident_digits(d + 8, 4);
	n->tmt_month = ident_digits(d + 12, 2);
	if (n->tmt_month < 1 || n->tmt_month > 12) {
		ident_fault_set(&n->fault, IDENT_CODE_NIP, 13, 14,
				"digit 13-14: bulan TMT CPNS %02d tidak ada (harus 01-12)",
				n->tmt_month);
		return;
	}
	tmt.year = n->tmt_year;
	tmt.month = n->tmt_month;
	tmt.day = 1;
	if (n->tmt_year == 0 || date_cmp(tmt, n->birth) <= 0) {
		ident_date_text(n->birth, btext, sizeof(btext));
		ident_fault_set(&n->fault, IDENT_CODE_NIP, 9, 14,
				"digit 9-14: TMT CPNS %04d-%02d tidak sesudah tanggal lahir %s",
				n->tmt_year, n->tmt_month, btext);
		return;
	}
	if (read_sex(d, IDENT_CODE_NIP, &n->sex, &n->fault) < 0)
		return;
	n->sequence = ident_digits(d + 15, 3);
	if (n->sequence == 0) {
		ident_fault_set(&n->fault, IDENT_CODE_NIP, 16, 18,
				"digit 16-18: nomor urut 000 tidak ada (dimulai dari 001)");
		return;
	}
	n->age_at_tmt = ident_age_on(n->birth, tmt);
	n->valid = true;

	warn_birth_year(r, IDENT_NIP, n->birth, lim);
	if (lim && lim->nip_min_age_at_tmt > 0 && n->age_at_tmt < lim->nip_min_age_at_tmt)
		ident_warn(r, "nip_tmt_age_low", IDENT_NIP, 9, 14,
			   "digit 9-14: umur saat TMT CPNS baru %d tahun, di bawah %d tahun "
			   "(batas kewajaran)",
			   n->age_at_tmt, lim->nip_min_age_at_tmt);
	if (lim && lim->nip_max_age_at_tmt > 0 && n->age_at_tmt > lim->nip_max_age_at_tmt)
		ident_warn(r, "nip_tmt_age_high", IDENT_NIP, 9, 14,
			   "digit 9-14: umur saat TMT CPNS %d tahun, di atas %d tahun (batas "
			   "kewajaran)",
			   n->age_at_tmt, lim->nip_max_age_at_tmt);
	if (o->today.year > 0 && date_cmp(tmt, o->today) > 0) {
		date_format(o->today, today);
		ident_warn(r, "nip_tmt_future", IDENT_NIP, 9, 14,
			   "digit 9-14: TMT CPNS %04d-%02d belum tiba (hari ini %s)", n->tmt_year,
			   n->tmt_month, today);
	}
}

void
ident_read_pppk(const char *d, const struct ident_opts *o, struct ident_result *r)
{
	struct ident_pppk_reading *p = &r->pppk;
	const struct ident_limits *lim = o->limits;

	memset(p, 0, sizeof(*p));
	if (read_birth(d, o, IDENT_CODE_NI_PPPK, &p->birth, &p->fault) < 0)
		return;
	p->appointment_year = ident_digits(d + 8, 4);
	if (p->appointment_year < p->birth.year) {
		ident_fault_set(&p->fault, IDENT_CODE_NI_PPPK, 9, 12,
				"digit 9-12: tahun pengangkatan %04d sebelum tahun lahir %04d",
				p->appointment_year, p->birth.year);
		return;
	}
	p->field[0] = d[12];
	p->field[1] = d[13];
	p->field[2] = '\0';
	if (read_sex(d, IDENT_CODE_NI_PPPK, &p->sex, &p->fault) < 0)
		return;
	p->sequence = ident_digits(d + 15, 3);
	p->valid = true;

	warn_birth_year(r, IDENT_NI_PPPK, p->birth, lim);
	if (lim && lim->pppk_first_year > 0 && p->appointment_year < lim->pppk_first_year)
		ident_warn(r, "pppk_year_early", IDENT_NI_PPPK, 9, 12,
			   "digit 9-12: tahun pengangkatan PPPK %04d lebih awal dari %d (batas "
			   "kewajaran: PP 49/2018)",
			   p->appointment_year, lim->pppk_first_year);
	if (lim && lim->pppk_min_age > 0 && p->appointment_year - p->birth.year < lim->pppk_min_age)
		ident_warn(r, "pppk_age_low", IDENT_NI_PPPK, 9, 12,
			   "digit 9-12: umur saat pengangkatan PPPK sekitar %d tahun, di bawah %d "
			   "tahun (batas kewajaran)",
			   p->appointment_year - p->birth.year, lim->pppk_min_age);
	if (o->today.year > 0 && p->appointment_year > o->today.year)
		ident_warn(r, "pppk_year_future", IDENT_NI_PPPK, 9, 12,
			   "digit 9-12: tahun pengangkatan %04d belum tiba (tahun ini %04d)",
			   p->appointment_year, o->today.year);
	if (p->sequence == 0)
		ident_warn(r, "pppk_sequence_zero", IDENT_NI_PPPK, 16, 18,
			   "digit 16-18: nomor urut 000 tidak lazim (NIP dimulai dari 001; untuk "
			   "NI PPPK belum dipastikan)");
}
