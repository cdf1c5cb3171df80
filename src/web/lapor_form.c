/*
 * lapor_form.c - the laporan form's fields to the report JSON, and the
 * checks that put each problem next to its field (see lapor_form.h).
 *
 * Invariants: nothing the person typed is dropped without a message (a
 * block the report parser would ignore for lack of a name is an error
 * here); block indices in the JSON are the form's block indices.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases/report.h"
#include "core/str.h"
#include "ident/ident.h"
#include "web/lapor_form.h"

static const char *const pelapor_keys[] = {
	"nama",         "alamat",        "nik",       "telepon",         "email",
	"tempat_lahir", "tanggal_lahir", "pekerjaan", "kewarganegaraan", "jenis_kelamin",
};
static const char *const terlapor_keys[] = {"nama", "nip", "nik", "instansi", "jabatan", "status"};
static const char *const saksi_keys[] = {"nama", "alamat", "telepon"};

#define NKEYS(a) (sizeof(a) / sizeof((a)[0]))

int
lapor_date_dmy(const char *s, char out[11])
{
	int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0}, k = 0;
	const char *p;

	out[0] = '\0';
	if (s == NULL)
		return -1;
	for (p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (digits[k] == 4)
				return -1;
			part[k] = part[k] * 10 + (*p - '0');
			digits[k]++;
		} else if ((*p == '/' || *p == '-' || *p == '.') && k < 2 && digits[k] > 0) {
			k++;
		} else {
			return -1;
		}
	}
	if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4 ||
	    !date_is_valid(part[2], part[1], part[0]))
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", part[2], part[1], part[0]);
	return 0;
}

/* The trimmed value of field name, or an empty slice. */
static struct str
value_of(const struct form *f, const char *name)
{
	const char *v = form_get(f, name);

	return v ? str_trim(str_from(v)) : str_make("", 0);
}

static void
put(json_t *obj, const char *key, const struct form *f, const char *name)
{
	struct str t = value_of(f, name);

	if (t.len)
		json_object_set_new(obj, key, json_stringn(t.ptr, t.len));
}

/* A date field: D/M/YYYY is rewritten, anything else kept for the parser. */
static void
put_date(json_t *obj, const char *key, const struct form *f, const char *name)
{
	struct str t = value_of(f, name);
	char in[16], iso[11];

	if (t.len == 0)
		return;
	if (t.len < sizeof(in) && str_copy(t, in, sizeof(in)) == 0 && lapor_date_dmy(in, iso) == 0)
		json_object_set_new(obj, key, json_string(iso));
	else
		json_object_set_new(obj, key, json_stringn(t.ptr, t.len));
}

static json_t *
block(const struct form *f, const char *prefix, size_t i, const char *const *keys, size_t nkeys)
{
	json_t *o = json_object();
	char name[LAPOR_FIELD_MAX];
	size_t k;

	for (k = 0; k < nkeys; k++) {
		snprintf(name, sizeof(name), "%s[%zu].%s", prefix, i, keys[k]);
		put(o, keys[k], f, name);
	}
	return o;
}

json_t *
lapor_form_to_json(const struct form *f)
{
	json_t *doc = json_object(), *o, *arr;
	char name[LAPOR_FIELD_MAX];
	size_t i;
	struct str kec = value_of(f, "wilayah.kecamatan"), kab = value_of(f, "wilayah.kabkota");
	struct str prov = value_of(f, "wilayah.provinsi");

	json_object_set_new(doc, "jenis", json_string("laporan"));
	put(doc, "pemilihan", f, "pemilihan");

	o = json_object();
	for (i = 0; i < NKEYS(pelapor_keys); i++) {
		snprintf(name, sizeof(name), "pelapor.%s", pelapor_keys[i]);
		if (strcmp(pelapor_keys[i], "tanggal_lahir") == 0)
			put_date(o, pelapor_keys[i], f, name);
		else
			put(o, pelapor_keys[i], f, name);
	}
	json_object_set_new(doc, "pelapor", o);

	arr = json_array();
	for (i = 0; i < LAPOR_TERLAPOR_BLOCKS; i++)
		json_array_append_new(arr,
				      block(f, "terlapor", i, terlapor_keys, NKEYS(terlapor_keys)));
	json_object_set_new(doc, "terlapor", arr);

	o = json_object();
	put(o, "uraian", f, "peristiwa.uraian");
	put(o, "tempat", f, "peristiwa.tempat");
	if (kec.len || kab.len || prov.len) {
		struct str code = kec.len ? kec : kab.len ? kab : prov;

		json_object_set_new(o, "kode_wilayah", json_stringn(code.ptr, code.len));
	}
	put_date(o, "waktu_kejadian", f, "peristiwa.waktu_kejadian");
	put_date(o, "waktu_diketahui", f, "peristiwa.waktu_diketahui");
	json_object_set_new(doc, "peristiwa", o);

	arr = json_array();
	for (i = 0; i < LAPOR_SAKSI_BLOCKS; i++)
		json_array_append_new(arr, block(f, "saksi", i, saksi_keys, NKEYS(saksi_keys)));
	json_object_set_new(doc, "saksi", arr);

	arr = json_array();
	for (i = 0; i < LAPOR_TAUTAN_BLOCKS; i++) {
		o = json_pack("{s:s}", "jenis", "tautan");
		snprintf(name, sizeof(name), "bukti[%zu].url", i);
		put(o, "url", f, name);
		json_array_append_new(arr, o);
	}
	if (value_of(f, "bukti.keterangan").len) {
		o = json_pack("{s:s}", "jenis", "teks");
		put(o, "keterangan", f, "bukti.keterangan");
		json_array_append_new(arr, o);
	}
	json_object_set_new(doc, "bukti", arr);
	return doc;
}

/* --- errors ----------------------------------------------------------------- */

void
lapor_errors_add(struct lapor_errors *errs, const char *field, const char *key, const char *msg)
{
	struct lapor_error *e;

	if (errs->n == LAPOR_MAX_ERRORS || (field[0] && lapor_errors_get(errs, field)))
		return;
	e = &errs->v[errs->n++];
	cstr_copy(e->field, sizeof(e->field), field);
	e->key = key;
	cstr_copy(e->msg, sizeof(e->msg), msg ? msg : "");
}

const struct lapor_error *
lapor_errors_get(const struct lapor_errors *errs, const char *field)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->v[i].field, field) == 0)
			return &errs->v[i];
	return NULL;
}

void
lapor_field_id(const char *field, char *out, size_t outsz)
{
	size_t o = 0;
	const char *p;

	if (outsz < 3) {
		if (outsz)
			out[0] = '\0';
		return;
	}
	if (field == NULL || field[0] == '\0') {
		out[0] = '\0';
		return;
	}
	out[o++] = 'f';
	out[o++] = '-';
	for (p = field; *p && o + 1 < outsz; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ']')
			continue;
		if (c == '[' || c == '.')
			out[o++] = '-';
		else if (isalnum(c) || c == '_' || c == '-')
			out[o++] = (char)c;
		else
			out[o++] = '_';
	}
	out[o] = '\0';
}

static const char *
doc_string(json_t *doc, const char *obj, const char *key)
{
	return json_string_value(json_object_get(json_object_get(doc, obj), key));
}

void
lapor_error_field(const struct errbuf *eb, const char *block, json_t *doc, char *out, size_t outsz)
{
	const char *code = errbuf_code(eb);
	const char *f = eb->field;

	out[0] = '\0';
	if (f[0]) {
		size_t n;

		/* report paths are form paths, except the evidence ones */
		if (strcmp(f, "bukti") == 0 ||
		    (strncmp(f, "bukti[", 6) == 0 && strstr(f, "].berkas") != NULL))
			cstr_copy(out, outsz, "berkas");
		else if (strncmp(f, "bukti[", 6) == 0 && strstr(f, "].keterangan") != NULL)
			cstr_copy(out, outsz, "bukti.keterangan");
		else if (strcmp(f, "peristiwa.kode_wilayah") == 0)
			goto region;
		else if (strcmp(f, "nip") == 0 || strcmp(f, "nik") == 0 || strcmp(f, "status") == 0)
			snprintf(out, outsz, "%s%s", block, f);
		else if (strcmp(f, "jenis") == 0 || strcmp(f, "laporan") == 0)
			out[0] = '\0';
		else
			cstr_copy(out, outsz, f);
		/* "terlapor[0]" alone (not an object) names the block's first input */
		n = strlen(out);
		if (n && out[n - 1] == ']')
			snprintf(out + n, outsz - n, ".nama");
		return;
	}
	if (strcmp(code, "invalid_nip") == 0)
		snprintf(out, outsz, "%snip", block);
	else if (strcmp(code, "invalid_nik") == 0)
		snprintf(out, outsz, "%snik", block);
	else if (strcmp(code, "unknown_status") == 0)
		snprintf(out, outsz, "%sstatus", block);
	else if (strcmp(code, "unknown_region") == 0)
		goto region;
	else if (strcmp(code, "unknown_election") == 0)
		cstr_copy(out, outsz, "pemilihan");
	else if (strcmp(code, "evidence_type") == 0 || strcmp(code, "payload_too_large") == 0)
		cstr_copy(out, outsz, "berkas");
	else if (strcmp(code, "daluarsa") == 0)
		cstr_copy(out, outsz,
			  doc_string(doc, "peristiwa", "waktu_diketahui")
				  ? "peristiwa.waktu_diketahui"
				  : "peristiwa.waktu_kejadian");
	return;
region : {
	const char *k = doc_string(doc, "peristiwa", "kode_wilayah");
	size_t n = k ? strlen(k) : 0;

	cstr_copy(out, outsz,
		  n == 2   ? "wilayah.provinsi"
		  : n >= 8 ? "wilayah.kecamatan"
			   : "wilayah.kabkota");
}
}

/* --- checks --------------------------------------------------------------------- */

/* Parse one part alone; 0 when its shape is right. */
static int
parse_part(struct arena *a, json_t *part, const char *block, json_t *doc, struct lapor_errors *errs)
{
	char *text = json_dumps(part, JSON_COMPACT);
	struct report *r = arena_alloc(a, sizeof(*r));
	char field[LAPOR_FIELD_MAX];
	struct errbuf eb;
	int rc;

	errbuf_clear(&eb);
	rc = report_parse_json(a, text ? text : "{}", text ? strlen(text) : 2, r, &eb);
	free(text);
	if (rc < 0) {
		lapor_error_field(&eb, block, doc, field, sizeof(field));
		lapor_errors_add(errs, field, NULL, eb.msg);
	}
	return rc;
}

/* {"name": [{}, ..., item]} with item at index i, so messages carry i. */
static json_t *
padded(const char *name, size_t i, json_t *item)
{
	json_t *arr = json_array();
	size_t k;

	for (k = 0; k < i; k++)
		json_array_append_new(arr, json_object());
	json_array_append(arr, item);
	return json_pack("{s:o}", name, arr);
}

static void
check_ident(const char *value, bool nik, const struct ident_opts *o, const char *field,
	    const char *who, struct lapor_errors *errs)
{
	struct ident_result *r;
	struct errbuf eb;
	char msg[400];
	int rc;

	if (value == NULL || o == NULL)
		return;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return;
	errbuf_clear(&eb);
	rc = nik ? ident_parse_nik(value, strlen(value), o, r, &eb)
		 : ident_parse(value, strlen(value), o, r, &eb);
	if (rc == 0 && !nik && r->kind == IDENT_NIK)
		rc = errbuf_set(&eb, ERR_INVALID_INPUT, "yang diisi adalah NIK, bukan NIP");
	if (rc < 0) {
		snprintf(msg, sizeof(msg), "%s %s tidak valid: %s", nik ? "NIK" : "NIP", who,
			 eb.msg);
		lapor_errors_add(errs, field, NULL, msg);
	}
	free(r);
}

static bool
has(json_t *o, const char *key)
{
	return json_object_get(o, key) != NULL;
}

/* b starts with a followed by '.': "64.08" inside "64". */
static bool
nested(struct str a, struct str b)
{
	return b.len > a.len && memcmp(a.ptr, b.ptr, a.len) == 0 && b.ptr[a.len] == '.';
}

size_t
lapor_form_check(struct arena *a, const struct form *f, json_t *doc, const struct ident_opts *o,
		 struct lapor_errors *errs)
{
	size_t before = errs->n, i;
	json_t *part, *blk, *arr;
	struct str kec = value_of(f, "wilayah.kecamatan"), kab = value_of(f, "wilayah.kabkota");
	struct str prov = value_of(f, "wilayah.provinsi");
	char field[LAPOR_FIELD_MAX], who[48];

	if (!has(doc, "pemilihan"))
		lapor_errors_add(errs, "pemilihan", "lapor.err.pemilihan",
				 "Pilih pemilihan yang berkaitan dengan kejadian.");

	part = json_pack("{s:O}", "pelapor", json_object_get(doc, "pelapor"));
	if (parse_part(a, part, "pelapor.", doc, errs) == 0)
		check_ident(doc_string(doc, "pelapor", "nik"), true, o, "pelapor.nik", "pelapor",
			    errs);
	json_decref(part);

	arr = json_object_get(doc, "terlapor");
	json_array_foreach(arr, i, blk)
	{
		char prefix[32];

		snprintf(prefix, sizeof(prefix), "terlapor[%zu].", i);
		snprintf(who, sizeof(who), "terlapor ke-%zu", i + 1);
		part = padded("terlapor", i, blk);
		if (parse_part(a, part, prefix, doc, errs) == 0) {
			snprintf(field, sizeof(field), "%snip", prefix);
			check_ident(json_string_value(json_object_get(blk, "nip")), false, o, field,
				    who, errs);
			snprintf(field, sizeof(field), "%snik", prefix);
			check_ident(json_string_value(json_object_get(blk, "nik")), true, o, field,
				    who, errs);
		}
		json_decref(part);
		if ((has(blk, "instansi") || has(blk, "status")) && !has(blk, "nama") &&
		    !has(blk, "nip") && !has(blk, "nik") && !has(blk, "jabatan")) {
			snprintf(field, sizeof(field), "%snama", prefix);
			lapor_errors_add(errs, field, "lapor.err.terlapor_nama",
					 "Isi nama, NIP/NIK atau jabatan terlapor; tanpa itu "
					 "bagian ini tidak ikut terkirim.");
		}
	}

	part = json_pack("{s:O}", "peristiwa", json_object_get(doc, "peristiwa"));
	parse_part(a, part, "peristiwa.", doc, errs);
	json_decref(part);
	if (prov.len && kab.len && !nested(prov, kab))
		lapor_errors_add(errs, "wilayah.kabkota", "lapor.err.wilayah_kabkota",
				 "Kabupaten/kota ini tidak berada di provinsi yang dipilih.");
	else if (kab.len && kec.len && !nested(kab, kec))
		lapor_errors_add(errs, "wilayah.kecamatan", "lapor.err.wilayah_kecamatan",
				 "Kecamatan ini tidak berada di kabupaten/kota yang dipilih.");
	else if (!kab.len && prov.len && kec.len && !nested(prov, kec))
		lapor_errors_add(errs, "wilayah.kecamatan", "lapor.err.wilayah_kecamatan",
				 "Kecamatan ini tidak berada di kabupaten/kota yang dipilih.");

	arr = json_object_get(doc, "saksi");
	json_array_foreach(arr, i, blk)
	{
		char prefix[32];

		snprintf(prefix, sizeof(prefix), "saksi[%zu].", i);
		part = padded("saksi", i, blk);
		parse_part(a, part, prefix, doc, errs);
		json_decref(part);
		if ((has(blk, "alamat") || has(blk, "telepon")) && !has(blk, "nama")) {
			snprintf(field, sizeof(field), "%snama", prefix);
			lapor_errors_add(errs, field, "lapor.err.saksi_nama",
					 "Isi nama saksi; tanpa nama, alamat dan telepon saksi "
					 "tidak ikut terkirim.");
		}
	}

	arr = json_object_get(doc, "bukti");
	json_array_foreach(arr, i, blk)
	{
		part = padded("bukti", i, blk);
		parse_part(a, part, "", doc, errs);
		json_decref(part);
	}
	return errs->n - before;
}
