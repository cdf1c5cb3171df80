/*
 * report.h - a laporan or temuan as received, before it is stored.
 *
 * The JSON shape follows Formulir Model B.1 (Perbawaslu 7/2022) and is a
 * stable interface (issue 4):
 *   {"jenis": "laporan"|"temuan", "pemilihan": "pemilu2024",
 *    "pelapor": {"nama","alamat","nik","telepon","email","tempat_lahir",
 *                "tanggal_lahir","jenis_kelamin","pekerjaan","kewarganegaraan"},
 *    "terlapor": [{"nama","nip","nik","instansi","jabatan","status"}],
 *    "peristiwa": {"uraian","tempat","kode_wilayah","waktu_kejadian","waktu_diketahui"},
 *    "saksi": [{"nama","alamat","telepon"}],
 *    "bukti": [{"jenis": "tautan", "url": ...} | {"jenis": "berkas", "berkas": FIELD}
 *              | {"jenis": "teks", "keterangan": ...}]}
 * Unknown keys are refused (a misspelt key would silently drop what the
 * reporter wrote).  All strings live in the arena given to the parser.
 */
#ifndef NETRA_CASES_REPORT_H
#define NETRA_CASES_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/datetime.h"
#include "core/err.h"

#define REPORT_MAX_TERLAPOR 20
#define REPORT_MAX_SAKSI    20
#define REPORT_MAX_BUKTI    20

enum report_kind { REPORT_LAPORAN, REPORT_TEMUAN };

struct report_pelapor {
	const char *nama, *alamat, *nik, *telepon, *email;
	const char *tempat_lahir, *tanggal_lahir, *jenis_kelamin, *pekerjaan, *kewarganegaraan;
};

struct report_terlapor {
	const char *nama, *nip, *nik, *instansi, *jabatan;
	const char *status; /* canonical: PNS CPNS PPPK non_asn kepala_desa TNI Polri unknown */
};

struct report_saksi {
	const char *nama, *alamat, *telepon;
};

enum bukti_kind { BUKTI_TAUTAN, BUKTI_BERKAS, BUKTI_TEKS };

struct report_bukti {
	enum bukti_kind kind;
	const char *url;        /* tautan */
	const char *berkas;     /* berkas: the multipart field holding the file */
	const char *keterangan; /* description (any kind) */
	/* filled when the file is stored */
	const void *data;
	size_t len;
	const char *filename;
	char sha256[65];
	char mime[96];
};

struct report {
	enum report_kind kind;
	const char *pemilihan;
	bool has_pelapor; /* any identifying field given */
	struct report_pelapor pelapor;
	struct report_terlapor terlapor[REPORT_MAX_TERLAPOR];
	size_t nterlapor;
	const char *uraian, *tempat, *kode_wilayah;
	bool has_kejadian, has_diketahui;
	struct date waktu_kejadian, waktu_diketahui;
	struct report_saksi saksi[REPORT_MAX_SAKSI];
	size_t nsaksi;
	struct report_bukti bukti[REPORT_MAX_BUKTI];
	size_t nbukti;
};

/* Parse and check the shape (types, lengths, formats).  Errors are
 * ERR_INVALID_INPUT with the offending field ("terlapor[1].nip"). */
int report_parse_json(struct arena *a, const char *text, size_t len, struct report *out,
		      struct errbuf *eb);
/* Canonical employee status, or NULL when unknown. */
const char *report_status_canonical(const char *s);
/* The reporter's identity as JSON text (what gets sealed); arena memory. */
char *report_pelapor_json(struct arena *a, const struct report *r);

#endif
