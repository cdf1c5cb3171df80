/*
 * report.c - parsing and shape-checking a laporan/temuan (see report.h).
 *
 * Completeness (syarat formal/materiel) and timeliness are judged later by
 * intake.c: here a report that lacks things is still well-formed.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cases/report.h"
#include "core/str.h"

struct field_spec {
	const char *key;
	size_t max;
	const char **dst;
};

/* Copy a JSON string field into the arena after checks; missing or ""
 * leaves *dst NULL. */
static int
take_string(struct arena *a, json_t *obj, const char *path, const struct field_spec *f,
	    struct errbuf *eb)
{
	json_t *v = json_object_get(obj, f->key);
	const char *s;
	size_t n;
	struct str t;

	*f->dst = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return errbuf_set_field(eb, ERR_INVALID_INPUT,
					arena_printf(a, "%s%s", path, f->key),
					"%s%s harus berupa teks", path, f->key);
	s = json_string_value(v);
	n = json_string_length(v);
	if (memchr(s, '\0', n))
		return errbuf_set_field(eb, ERR_INVALID_INPUT,
					arena_printf(a, "%s%s", path, f->key),
					"%s%s memuat karakter NUL", path, f->key);
	t = str_trim(str_make(s, n));
	if (t.len > f->max)
		return errbuf_set_field(
			eb, ERR_INVALID_INPUT, arena_printf(a, "%s%s", path, f->key),
			"%s%s terlalu panjang (maksimal %zu karakter)", path, f->key, f->max);
	if (t.len)
		*f->dst = arena_strndup(a, t.ptr, t.len);
	return 0;
}

static int
check_keys(struct arena *a, json_t *obj, const char *path, const char *const *allowed,
	   struct errbuf *eb)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		size_t i;
		int ok = 0;

		(void)v;
		for (i = 0; allowed[i]; i++)
			if (strcmp(key, allowed[i]) == 0)
				ok = 1;
		if (!ok)
			return errbuf_set_field(eb, ERR_INVALID_INPUT,
						arena_printf(a, "%s%s", path, key),
						"kolom '%s%s' tidak dikenal", path, key);
	}
	return 0;
}

static int
take_fields(struct arena *a, json_t *obj, const char *path, const struct field_spec *f, size_t n,
	    struct errbuf *eb)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (take_string(a, obj, path, &f[i], eb) < 0)
			return -1;
	return 0;
}

static bool
all_digits_len(const char *s, size_t len)
{
	return s && strlen(s) == len && str_all_digits(str_from(s));
}

/* "2024-02-05" or "2024-02-05T10:00:00+08:00" (the local date is kept as
 * written: the reporter's own calendar day). */
static int
take_date(struct arena *a, json_t *obj, const char *path, const char *key, struct date *out,
	  bool *has, struct errbuf *eb)
{
	json_t *v = json_object_get(obj, key);
	const char *s;
	size_t n;

	*has = false;
	if (v == NULL || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0))
		return 0;
	if (!json_is_string(v))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, arena_printf(a, "%s%s", path, key),
					"%s%s harus tanggal YYYY-MM-DD", path, key);
	s = json_string_value(v);
	n = json_string_length(v);
	if (n >= 10 && date_parse(str_make(s, 10), out) == 0 &&
	    (n == 10 || (n > 10 && (s[10] == 'T' || s[10] == ' ')))) {
		if (n > 10) {
			int64_t t;

			if (time_parse_iso(str_make(s, n), &t, NULL) < 0)
				goto bad;
		}
		*has = true;
		return 0;
	}
bad:
	return errbuf_set_field(eb, ERR_INVALID_INPUT, arena_printf(a, "%s%s", path, key),
				"%s%s '%.40s' bukan tanggal yang valid (YYYY-MM-DD)", path, key, s);
}

const char *
report_status_canonical(const char *s)
{
	static const struct {
		const char *alias, *canonical;
	} map[] = {
		{"pns", "PNS"},
		{"cpns", "CPNS"},
		{"pppk", "PPPK"},
		{"p3k", "PPPK"},
		{"non_asn", "non_asn"},
		{"non-asn", "non_asn"},
		{"nonasn", "non_asn"},
		{"honorer", "non_asn"},
		{"tk2d", "non_asn"},
		{"kontrak", "non_asn"},
		{"kepala_desa", "kepala_desa"},
		{"kepala desa", "kepala_desa"},
		{"kades", "kepala_desa"},
		{"tni", "TNI"},
		{"polri", "Polri"},
		{"unknown", "unknown"},
		{"tidak_diketahui", "unknown"},
		{"tidak diketahui", "unknown"},
	};
	size_t i;

	if (s == NULL || s[0] == '\0')
		return "unknown";
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcasecmp(s, map[i].alias) == 0)
			return map[i].canonical;
	return NULL;
}

static bool
region_code_shape(const char *s)
{
	/* 2, 2.2, 2.2.2 or 2.2.2.4 digits */
	static const size_t lens[] = {2, 5, 8, 13};
	size_t n = strlen(s), i, k;

	for (k = 0; k < 4; k++)
		if (n == lens[k])
			break;
	if (k == 4)
		return false;
	for (i = 0; i < n; i++) {
		bool dot = i == 2 || i == 5 || i == 8;

		if (dot ? s[i] != '.' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	return true;
}

static int
parse_pelapor(struct arena *a, json_t *o, struct report *r, struct errbuf *eb)
{
	static const char *const keys[] = {"nama",
					   "alamat",
					   "nik",
					   "telepon",
					   "email",
					   "tempat_lahir",
					   "tanggal_lahir",
					   "jenis_kelamin",
					   "pekerjaan",
					   "kewarganegaraan",
					   NULL};
	struct report_pelapor *p = &r->pelapor;
	const struct field_spec f[] = {
		{"nama", 200, &p->nama},
		{"alamat", 500, &p->alamat},
		{"nik", 32, &p->nik},
		{"telepon", 40, &p->telepon},
		{"email", 200, &p->email},
		{"tempat_lahir", 100, &p->tempat_lahir},
		{"tanggal_lahir", 10, &p->tanggal_lahir},
		{"jenis_kelamin", 20, &p->jenis_kelamin},
		{"pekerjaan", 100, &p->pekerjaan},
		{"kewarganegaraan", 40, &p->kewarganegaraan},
	};
	struct date d;

	if (!json_is_object(o))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pelapor", "pelapor harus objek");
	if (check_keys(a, o, "pelapor.", keys, eb) < 0 ||
	    take_fields(a, o, "pelapor.", f, sizeof(f) / sizeof(f[0]), eb) < 0)
		return -1;
	if (p->nik && !all_digits_len(p->nik, 16))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pelapor.nik",
					"NIK pelapor harus 16 angka");
	if (p->email && (strchr(p->email, '@') == NULL || strchr(p->email, ' ') != NULL))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pelapor.email",
					"alamat email pelapor tidak valid");
	if (p->tanggal_lahir && date_parse(str_from(p->tanggal_lahir), &d) < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pelapor.tanggal_lahir",
					"tanggal lahir pelapor harus YYYY-MM-DD");
	r->has_pelapor = p->nama || p->alamat || p->nik || p->telepon || p->email;
	return 0;
}

static int
parse_terlapor(struct arena *a, json_t *arr, struct report *r, struct errbuf *eb)
{
	static const char *const keys[] = {"nama",    "nip",    "nik", "instansi",
					   "jabatan", "status", NULL};
	size_t i;

	if (!json_is_array(arr))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "terlapor", "terlapor harus daftar");
	if (json_array_size(arr) > REPORT_MAX_TERLAPOR)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "terlapor",
					"paling banyak %d terlapor dalam satu laporan",
					REPORT_MAX_TERLAPOR);
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *o = json_array_get(arr, i);
		struct report_terlapor *t = &r->terlapor[r->nterlapor];
		char *path = arena_printf(a, "terlapor[%zu].", i);
		const char *status = NULL;
		const struct field_spec f[] = {
			{"nama", 200, &t->nama},       {"nip", 32, &t->nip},
			{"nik", 32, &t->nik},          {"instansi", 200, &t->instansi},
			{"jabatan", 200, &t->jabatan}, {"status", 40, &status},
		};

		if (!json_is_object(o))
			return errbuf_set_field(eb, ERR_INVALID_INPUT,
						arena_printf(a, "terlapor[%zu]", i),
						"setiap terlapor harus objek");
		if (check_keys(a, o, path, keys, eb) < 0 ||
		    take_fields(a, o, path, f, sizeof(f) / sizeof(f[0]), eb) < 0)
			return -1;
		if (t->nip) {
			char *clean = arena_alloc(a, strlen(t->nip) + 1), *w = clean;
			const char *q;

			for (q = t->nip; *q; q++)
				if (*q != ' ' && *q != '.' && *q != '-')
					*w++ = *q;
			*w = '\0';
			if (!all_digits_len(clean, 18))
				return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_nip",
						       "NIP terlapor ke-%zu harus 18 angka", i + 1);
			t->nip = clean;
		}
		if (t->nik && !all_digits_len(t->nik, 16))
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_nik",
					       "NIK terlapor ke-%zu harus 16 angka", i + 1);
		t->status = report_status_canonical(status);
		if (t->status == NULL)
			return errbuf_set_code(
				eb, ERR_INVALID_INPUT, "unknown_status",
				"status kepegawaian '%s' tidak dikenal; gunakan PNS, "
				"CPNS, PPPK, non_asn, kepala_desa, TNI, Polri atau unknown",
				status);
		if (t->nama || t->nip || t->nik || t->jabatan)
			r->nterlapor++;
	}
	return 0;
}

static int
parse_peristiwa(struct arena *a, json_t *o, struct report *r, struct errbuf *eb)
{
	static const char *const keys[] = {"uraian",         "tempat",          "kode_wilayah",
					   "waktu_kejadian", "waktu_diketahui", NULL};
	const struct field_spec f[] = {
		{"uraian", 20000, &r->uraian},
		{"tempat", 500, &r->tempat},
		{"kode_wilayah", 13, &r->kode_wilayah},
	};

	if (!json_is_object(o))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "peristiwa",
					"peristiwa harus objek");
	if (check_keys(a, o, "peristiwa.", keys, eb) < 0 ||
	    take_fields(a, o, "peristiwa.", f, sizeof(f) / sizeof(f[0]), eb) < 0 ||
	    take_date(a, o, "peristiwa.", "waktu_kejadian", &r->waktu_kejadian, &r->has_kejadian,
		      eb) < 0 ||
	    take_date(a, o, "peristiwa.", "waktu_diketahui", &r->waktu_diketahui, &r->has_diketahui,
		      eb) < 0)
		return -1;
	if (r->kode_wilayah && !region_code_shape(r->kode_wilayah))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "unknown_region",
				       "kode wilayah '%s' tidak berbentuk kode Kemendagri (mis. "
				       "64.08 atau 64.08.01)",
				       r->kode_wilayah);
	if (r->has_kejadian && r->has_diketahui &&
	    date_cmp(r->waktu_kejadian, r->waktu_diketahui) > 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "peristiwa.waktu_diketahui",
					"waktu diketahui tidak boleh sebelum waktu kejadian");
	return 0;
}

static int
parse_saksi(struct arena *a, json_t *arr, struct report *r, struct errbuf *eb)
{
	static const char *const keys[] = {"nama", "alamat", "telepon", NULL};
	size_t i;

	if (!json_is_array(arr))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "saksi", "saksi harus daftar");
	if (json_array_size(arr) > REPORT_MAX_SAKSI)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "saksi", "paling banyak %d saksi",
					REPORT_MAX_SAKSI);
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *o = json_array_get(arr, i);
		struct report_saksi *s = &r->saksi[r->nsaksi];
		char *path = arena_printf(a, "saksi[%zu].", i);
		const struct field_spec f[] = {{"nama", 200, &s->nama},
					       {"alamat", 500, &s->alamat},
					       {"telepon", 40, &s->telepon}};

		if (!json_is_object(o))
			return errbuf_set_field(eb, ERR_INVALID_INPUT,
						arena_printf(a, "saksi[%zu]", i),
						"setiap saksi harus objek");
		if (check_keys(a, o, path, keys, eb) < 0 ||
		    take_fields(a, o, path, f, sizeof(f) / sizeof(f[0]), eb) < 0)
			return -1;
		if (s->nama)
			r->nsaksi++;
	}
	return 0;
}

static int
parse_bukti(struct arena *a, json_t *arr, struct report *r, struct errbuf *eb)
{
	static const char *const keys[] = {"jenis", "url", "berkas", "keterangan", NULL};
	size_t i;

	if (!json_is_array(arr))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "bukti", "bukti harus daftar");
	if (json_array_size(arr) > REPORT_MAX_BUKTI)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "bukti", "paling banyak %d bukti",
					REPORT_MAX_BUKTI);
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *o = json_array_get(arr, i);
		struct report_bukti *b = &r->bukti[r->nbukti];
		char *path = arena_printf(a, "bukti[%zu].", i);
		const char *jenis = NULL;
		const struct field_spec f[] = {
			{"jenis", 20, &jenis},
			{"url", 2000, &b->url},
			{"berkas", 100, &b->berkas},
			{"keterangan", 2000, &b->keterangan},
		};

		if (!json_is_object(o))
			return errbuf_set_field(eb, ERR_INVALID_INPUT,
						arena_printf(a, "bukti[%zu]", i),
						"setiap bukti harus objek");
		if (check_keys(a, o, path, keys, eb) < 0 ||
		    take_fields(a, o, path, f, sizeof(f) / sizeof(f[0]), eb) < 0)
			return -1;
		if (jenis == NULL || strcmp(jenis, "tautan") == 0) {
			if (b->url == NULL)
				continue; /* an empty row of the form */
			if (strncmp(b->url, "https://", 8) != 0 &&
			    strncmp(b->url, "http://", 7) != 0)
				return errbuf_set_field(
					eb, ERR_INVALID_INPUT, arena_printf(a, "bukti[%zu].url", i),
					"tautan bukti harus diawali http:// atau https://");
			b->kind = BUKTI_TAUTAN;
		} else if (strcmp(jenis, "berkas") == 0) {
			if (b->berkas == NULL)
				return errbuf_set_field(
					eb, ERR_INVALID_INPUT,
					arena_printf(a, "bukti[%zu].berkas", i),
					"bukti berkas harus menyebut nama kolom berkas");
			b->kind = BUKTI_BERKAS;
		} else if (strcmp(jenis, "teks") == 0) {
			if (b->keterangan == NULL)
				continue;
			b->kind = BUKTI_TEKS;
		} else {
			return errbuf_set_field(
				eb, ERR_INVALID_INPUT, arena_printf(a, "bukti[%zu].jenis", i),
				"jenis bukti '%s' tidak dikenal (tautan, berkas, teks)", jenis);
		}
		r->nbukti++;
	}
	return 0;
}

int
report_parse_json(struct arena *a, const char *text, size_t len, struct report *out,
		  struct errbuf *eb)
{
	static const char *const keys[] = {"jenis",     "pemilihan", "pelapor", "terlapor",
					   "peristiwa", "saksi",     "bukti",   NULL};
	json_error_t jerr;
	json_t *root, *v;
	const char *jenis = NULL;
	struct field_spec f[] = {{"jenis", 20, &jenis}, {"pemilihan", 40, &out->pemilihan}};
	int rc = -1;

	memset(out, 0, sizeof(*out));
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "JSON tidak valid (baris %d, kolom %d): %s", jerr.line,
				  jerr.column, jerr.text);
	if (!json_is_object(root)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "laporan harus berupa objek JSON");
		goto out;
	}
	if (check_keys(a, root, "", keys, eb) < 0 ||
	    take_fields(a, root, "", f, sizeof(f) / sizeof(f[0]), eb) < 0)
		goto out;
	if (jenis == NULL || strcmp(jenis, "laporan") == 0) {
		out->kind = REPORT_LAPORAN;
	} else if (strcmp(jenis, "temuan") == 0) {
		out->kind = REPORT_TEMUAN;
	} else {
		errbuf_set_field(eb, ERR_INVALID_INPUT, "jenis",
				 "jenis harus 'laporan' atau 'temuan', bukan '%s'", jenis);
		goto out;
	}
	if ((v = json_object_get(root, "pelapor")) && !json_is_null(v) &&
	    parse_pelapor(a, v, out, eb) < 0)
		goto out;
	if ((v = json_object_get(root, "terlapor")) && !json_is_null(v) &&
	    parse_terlapor(a, v, out, eb) < 0)
		goto out;
	if ((v = json_object_get(root, "peristiwa")) && !json_is_null(v) &&
	    parse_peristiwa(a, v, out, eb) < 0)
		goto out;
	if ((v = json_object_get(root, "saksi")) && !json_is_null(v) &&
	    parse_saksi(a, v, out, eb) < 0)
		goto out;
	if ((v = json_object_get(root, "bukti")) && !json_is_null(v) &&
	    parse_bukti(a, v, out, eb) < 0)
		goto out;
	rc = 0;
out:
	json_decref(root);
	return rc;
}

char *
report_pelapor_json(struct arena *a, const struct report *r)
{
	const struct report_pelapor *p = &r->pelapor;
	json_t *o = json_object();
	char *text, *copy;

#define PUT(k)                                                                                     \
	if (p->k)                                                                                  \
	json_object_set_new(o, #k, json_string(p->k))
	PUT(nama);
	PUT(alamat);
	PUT(nik);
	PUT(telepon);
	PUT(email);
	PUT(tempat_lahir);
	PUT(tanggal_lahir);
	PUT(jenis_kelamin);
	PUT(pekerjaan);
	PUT(kewarganegaraan);
#undef PUT
	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	copy = arena_strdup(a, text ? text : "{}");
	free(text);
	return copy;
}
