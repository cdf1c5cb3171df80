/*
 * lapor_form.h - the public laporan form (Formulir Model B.1) as HTML
 * fields: to the report JSON of cases/report.h, and every problem the
 * person can fix, each next to its own field.
 *
 * Field names (stable: assets/templates/lapor.html and lapor.js use them):
 *   pemilihan
 *   pelapor.nama .alamat .nik .telepon .email .tempat_lahir .tanggal_lahir
 *          .jenis_kelamin .pekerjaan .kewarganegaraan
 *   terlapor[i].nama .nip .nik .instansi .jabatan .status  (i < LAPOR_TERLAPOR_BLOCKS)
 *   peristiwa.uraian .tempat .waktu_kejadian .waktu_diketahui
 *   wilayah.provinsi wilayah.kabkota wilayah.kecamatan      (-> peristiwa.kode_wilayah)
 *   saksi[i].nama .alamat .telepon                          (i < LAPOR_SAKSI_BLOCKS)
 *   bukti[i].url (i < LAPOR_TAUTAN_BLOCKS), bukti.keterangan
 *   berkas                                                  (files, multipart only)
 * Error fields are these names ("terlapor[1].nip"), or "" for the form as
 * a whole; lapor_field_id() gives the HTML id of the input.
 *
 * Everything here is pure (no I/O, no clock): the converter and the
 * checks are unit-tested and fuzzed (tests/fuzz/fuzz_lapor_form.c).  The
 * shape rules are not repeated here: each part of the report goes through
 * report_parse_json() on its own, so the case service's validation decides
 * and each block's first problem is found, not only the form's first.
 */
#ifndef NETRA_WEB_LAPOR_FORM_H
#define NETRA_WEB_LAPOR_FORM_H

#include <jansson.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/form.h"

struct ident_opts;

#define LAPOR_TERLAPOR_BLOCKS 3
#define LAPOR_SAKSI_BLOCKS    2
#define LAPOR_TAUTAN_BLOCKS   3
#define LAPOR_MAX_ERRORS      24
#define LAPOR_FIELD_MAX       64

struct lapor_error {
	char field[LAPOR_FIELD_MAX]; /* form field name, "" for the form as a whole */
	const char *key;             /* i18n key of the message, or NULL: msg is it */
	char msg[320];               /* Indonesian; a detail when key is set */
};

struct lapor_errors {
	struct lapor_error v[LAPOR_MAX_ERRORS];
	size_t n;
};

/*
 * The report JSON {"jenis":"laporan","pemilihan","pelapor","terlapor",
 * "peristiwa","saksi","bukti"} from the form fields.  Values are trimmed
 * and empty ones left out; every terlapor, saksi and link block is kept
 * (possibly as {}), so a block's index in the JSON is its index in the
 * form and error fields map back to inputs.  kode_wilayah is the most
 * specific of wilayah.*; dates typed as D/M/YYYY (or with '-' or '.')
 * become YYYY-MM-DD.  Never NULL; the caller owns the reference.
 */
json_t *lapor_form_to_json(const struct form *f);

/*
 * Check doc (from lapor_form_to_json(f)) part by part and add what is
 * wrong to errs: each part's shape through report_parse_json(); NIK and
 * NIP through ident when o is not NULL; the chosen regions nested in one
 * another; a terlapor or saksi block that would be silently dropped for
 * lack of a name.  Returns the number of errors added.
 */
size_t lapor_form_check(struct arena *a, const struct form *f, json_t *doc,
			const struct ident_opts *o, struct lapor_errors *errs);

/* Add one error (at most LAPOR_MAX_ERRORS are kept; one per field). */
void lapor_errors_add(struct lapor_errors *errs, const char *field, const char *key,
		      const char *msg);
/* The first error of field, or NULL. */
const struct lapor_error *lapor_errors_get(const struct lapor_errors *errs, const char *field);

/*
 * The form field an error of report_parse_json() or cases_intake_prepare()
 * is about: eb->field when set (report paths are form paths, "bukti" is
 * "berkas"), else by stable code (invalid_nip -> block + "nip", daluarsa ->
 * the date the limit was counted from, unknown_region -> wilayah.kabkota,
 * evidence_type -> berkas); "" when none.  block is "terlapor[1]." or "".
 */
void lapor_error_field(const struct errbuf *eb, const char *block, json_t *doc, char *out,
		       size_t outsz);

/* HTML id of a field: "terlapor[1].nip" -> "f-terlapor-1-nip". */
void lapor_field_id(const char *field, char *out, size_t outsz);

/* "9/2/2024", "09-02-2024", "9.2.2024" -> "2024-02-09" in out (11 bytes);
 * 0 when converted, -1 when s is not in that form (left to the parser). */
int lapor_date_dmy(const char *s, char out[11]);

#endif
