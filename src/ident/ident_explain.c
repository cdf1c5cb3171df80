/*
 * ident_explain.c - explain a parsed identifier in Indonesian, digit group
 * by digit group, so that a person can check every decoded field against
 * the number itself (see ident.h).
 *
 * Output is plain text, one fact per line.  Nothing here decides
 * anything: it only words what the readings found.
 */
#include <stdio.h>
#include <string.h>

#include "ident/ident_internal.h"

static void
line_nip(const struct ident_result *r, struct buf *out, const char *indent)
{
	const struct ident_nip_reading *n = &r->nip;
	const char *d = r->number;
	char birth[48], tmt[48];
	struct date t = {n->tmt_year, n->tmt_month, 1};

	ident_date_text(n->birth, birth, sizeof(birth));
	ident_date_text(t, tmt, sizeof(tmt));
	buf_addf(out, "%sdigit 1-8 (%.8s): tanggal lahir %s\n", indent, d, birth);
	buf_addf(out, "%sdigit 9-14 (%.6s): TMT CPNS %s (umur %d tahun saat TMT)\n", indent, d + 8,
		 tmt, n->age_at_tmt);
	buf_addf(out, "%sdigit 15 (%c): jenis kelamin %s\n", indent, d[14], ident_sex_name(n->sex));
	buf_addf(out, "%sdigit 16-18 (%.3s): nomor urut %d\n", indent, d + 15, n->sequence);
}

static void
line_pppk(const struct ident_result *r, struct buf *out, const char *indent)
{
	const struct ident_pppk_reading *p = &r->pppk;
	const char *d = r->number;
	char birth[48];

	ident_date_text(p->birth, birth, sizeof(birth));
	buf_addf(out, "%sdigit 1-8 (%.8s): tanggal lahir %s\n", indent, d, birth);
	buf_addf(out, "%sdigit 9-12 (%.4s): tahun pengangkatan PPPK %04d\n", indent, d + 8,
		 p->appointment_year);
	buf_addf(out, "%sdigit 13-14 (%s): kode 2 digit, artinya belum dipastikan sumber\n", indent,
		 p->field);
	buf_addf(out, "%sdigit 15 (%c): jenis kelamin %s\n", indent, d[14], ident_sex_name(p->sex));
	buf_addf(out, "%sdigit 16-18 (%.3s): nomor urut %d\n", indent, d + 15, p->sequence);
}

static void
region_line(struct buf *out, const char *what, const struct ident_nik_region *reg)
{
	if (reg->name)
		buf_addf(out, "%s %s %s", what, reg->code, reg->name);
	else
		buf_addf(out, "%s %s (tidak ada dalam tabel sekarang)", what, reg->code);
}

static void
line_nik(const struct ident_result *r, struct buf *out)
{
	const struct ident_nik_reading *k = &r->nik;
	const char *d = r->number;
	char birth[48];
	size_t i;

	buf_addf(out, "- digit 1-6 (%.6s): wilayah tempat NIK pertama kali didaftarkan: ", d);
	region_line(out, "provinsi", &k->province);
	buf_addstr(out, "; ");
	region_line(out, "kabupaten/kota", &k->kabkota);
	buf_addstr(out, "; ");
	region_line(out, "kecamatan", &k->kecamatan);
	buf_addch(out, '\n');
	if (k->sex == IDENT_SEX_FEMALE)
		buf_addf(out,
			 "- digit 7-8 (%.2s): tanggal %d, jenis kelamin perempuan (%d = %d + 40)\n",
			 d + 6, k->day, k->dd, k->day);
	else
		buf_addf(out, "- digit 7-8 (%.2s): tanggal %d, jenis kelamin laki-laki (01-31)\n",
			 d + 6, k->day);
	buf_addf(out, "- digit 9-12 (%.4s): bulan %s, tahun %02d; tanggal lahir ", d + 8,
		 date_month_name_id(k->month), k->yy);
	for (i = 0; i < k->nbirth; i++) {
		ident_date_text(k->birth[i], birth, sizeof(birth));
		buf_addf(out, "%s%s", i ? " atau " : "", birth);
	}
	buf_addch(out, '\n');
	buf_addf(out, "- digit 13-16 (%.4s): nomor urut %d\n", d + 12, k->sequence);
}

static const char *
reading_noun(enum ident_kind k)
{
	return k == IDENT_NIP ? "NIP" : k == IDENT_NI_PPPK ? "NI PPPK" : "NIK";
}

void
ident_explain(const struct ident_result *r, struct buf *out)
{
	size_t i;

	if (!r->valid) {
		buf_addf(out, "Tidak sah (%s): %s\n", r->fault.code ? r->fault.code : "invalid",
			 r->fault.msg);
		return;
	}
	switch (r->kind) {
	case IDENT_NIP:
		buf_addf(out, "%s adalah NIP PNS yang sah (Perka BKN 22/2007):\n", r->number);
		line_nip(r, out, "- ");
		if (r->has_pppk)
			buf_addf(out, "Bukan NI PPPK: %s\n", r->pppk.fault.msg);
		break;
	case IDENT_NI_PPPK:
		buf_addf(out, "%s adalah NI PPPK yang sah:\n", r->number);
		line_pppk(r, out, "- ");
		if (r->has_nip)
			buf_addf(out, "Bukan NIP: %s\n", r->nip.fault.msg);
		break;
	case IDENT_AMBIGUOUS:
		buf_addf(out,
			 "%s sah sebagai NIP maupun NI PPPK; nomornya sendiri tidak menentukan "
			 "yang mana.\n",
			 r->number);
		buf_addstr(out, "Dibaca sebagai NIP (PNS):\n");
		line_nip(r, out, "  - ");
		buf_addstr(out, "Dibaca sebagai NI PPPK:\n");
		line_pppk(r, out, "  - ");
		if (r->likely != IDENT_UNKNOWN)
			buf_addf(out,
				 "Lebih mungkin %s: hanya pembacaan itu yang tidak memicu "
				 "peringatan kewajaran (bukan kepastian).\n",
				 reading_noun(r->likely));
		break;
	case IDENT_NIK:
		buf_addf(out, "%s adalah NIK yang sah (UU 23/2006, PP 37/2007):\n", r->number);
		line_nik(r, out);
		break;
	case IDENT_UNKNOWN: break;
	}
	/* warnings about the number as a whole first, then per reading */
	for (i = 0; i < r->nwarnings; i++)
		if (r->warnings[i].reading == IDENT_UNKNOWN)
			buf_addf(out, "Perhatian: %s\n", r->warnings[i].msg);
	for (i = 0; i < r->nwarnings; i++)
		if (r->warnings[i].reading != IDENT_UNKNOWN)
			buf_addf(out, "Perhatian (%s): %s\n", reading_noun(r->warnings[i].reading),
				 r->warnings[i].msg);
}
