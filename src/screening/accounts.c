/*
 * accounts.c - the watched-account list: parsing a list file (CSV or JSON
 * lines), importing it in one write job, removing an account, and the
 * in-memory table that matches a feed item's (source, author) to an
 * account while screening.
 *
 * Invariants: a list is validated completely before anything is written,
 * and written in one job with its audit event (all or nothing).  Handles
 * and platforms are compared in their normal form (screening_handle_norm,
 * screening_platform_norm) on both sides.  The lookup table is immutable
 * after screening_accounts_load(), so any number of threads may read it.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "cases/names.h"
#include "cases/report.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "screening/screening.h"
#include "store/store_screening.h"

enum col {
	C_PLATFORM,
	C_HANDLE,
	C_NAME,
	C_NIP,
	C_AGENCY,
	C_POSITION,
	C_STATUS,
	C_REGION,
	C_NOTE,
	C__COUNT
};

static const struct {
	const char *name;
	enum col col;
} col_names[] = {
	{"platform", C_PLATFORM},  {"akun", C_HANDLE},   {"handle", C_HANDLE},
	{"nama", C_NAME},          {"name", C_NAME},     {"nip", C_NIP},
	{"instansi", C_AGENCY},    {"agency", C_AGENCY}, {"jabatan", C_POSITION},
	{"position", C_POSITION},  {"status", C_STATUS}, {"kode_wilayah", C_REGION},
	{"region_code", C_REGION}, {"catatan", C_NOTE},  {"note", C_NOTE},
};

static int
col_find(const char *s, size_t n)
{
	struct str t = str_trim(str_make(s, n));
	size_t i;

	for (i = 0; i < sizeof(col_names) / sizeof(col_names[0]); i++)
		if (str_caseeq_cstr(t, col_names[i].name))
			return (int)col_names[i].col;
	return -1;
}

/* --- one row ------------------------------------------------------------------ */

struct rowvals {
	struct str v[C__COUNT];
};

static int
text_field(struct arena *a, struct str v, size_t max, const char *what, size_t line,
	   const char **out, struct errbuf *eb)
{
	struct str t = str_trim(v);

	*out = NULL;
	if (t.len == 0)
		return 0;
	if (t.len > max)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "baris %zu: %s terlalu panjang (maksimal %zu byte)", line, what,
				  max);
	if (!utf8_valid(t.ptr, t.len) || memchr(t.ptr, '\0', t.len))
		return errbuf_set(eb, ERR_INVALID_INPUT, "baris %zu: %s bukan teks UTF-8 yang sah",
				  line, what);
	*out = arena_strndup(a, t.ptr, t.len);
	return 0;
}

static int
take_row(struct arena *a, const struct rowvals *rv, size_t line, const struct region_table *regions,
	 struct screening_account *r, struct errbuf *eb)
{
	char buf[256];
	const char *status = NULL;

	memset(r, 0, sizeof(*r));
	r->line = line;
	if (screening_platform_norm(rv->v[C_PLATFORM].ptr ? rv->v[C_PLATFORM].ptr : "",
				    rv->v[C_PLATFORM].len, buf, 32) < 0)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "baris %zu: platform tidak sah (paling panjang 31 byte)", line);
	r->platform = arena_strdup(a, buf);
	if (rv->v[C_HANDLE].len == 0 ||
	    screening_handle_norm(rv->v[C_HANDLE].ptr, rv->v[C_HANDLE].len, buf, 128) < 0)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "baris %zu: akun harus diisi (paling panjang 127 byte, tanpa "
				  "karakter kendali)",
				  line);
	r->handle = arena_strdup(a, buf);
	if (text_field(a, rv->v[C_NAME], 200, "nama", line, &r->name, eb) < 0 ||
	    text_field(a, rv->v[C_AGENCY], 200, "instansi", line, &r->agency, eb) < 0 ||
	    text_field(a, rv->v[C_POSITION], 200, "jabatan", line, &r->position, eb) < 0 ||
	    text_field(a, rv->v[C_NOTE], 500, "catatan", line, &r->note, eb) < 0 ||
	    text_field(a, rv->v[C_STATUS], 40, "status", line, &status, eb) < 0)
		return -1;
	if (r->name == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "baris %zu: nama pemilik akun harus diisi",
				  line);
	if (rv->v[C_NIP].len) {
		struct str t = rv->v[C_NIP];
		size_t i, k = 0;

		for (i = 0; i < t.len; i++) {
			if (t.ptr[i] == ' ' || t.ptr[i] == '\t' || t.ptr[i] == '.')
				continue;
			if (t.ptr[i] < '0' || t.ptr[i] > '9' || k == 18) {
				k = 99;
				break;
			}
			buf[k++] = t.ptr[i];
		}
		if (k != 18)
			return errbuf_set(eb, ERR_INVALID_INPUT, "baris %zu: NIP harus 18 digit",
					  line);
		r->nip = arena_strndup(a, buf, 18);
	}
	if (status) {
		r->status = report_status_canonical(status);
		if (r->status == NULL)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "baris %zu: status '%s' tidak dikenal (PNS, PPPK, CPNS, "
					  "non_asn, kepala_desa, TNI, Polri, unknown)",
					  line, status);
	}
	if (rv->v[C_REGION].len) {
		struct str t = str_trim(rv->v[C_REGION]);
		struct region reg;
		uint64_t key;
		int level;
		char code[REGION_CODE_MAX];

		if (region_code_parse(t.ptr, t.len, &key, &level) < 0)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "baris %zu: kode wilayah tidak sah (mis. 64.08)", line);
		region_code_format(key, level, code);
		if (regions && region_find(regions, code, &reg) < 0)
			return errbuf_set(
				eb, ERR_INVALID_INPUT,
				"baris %zu: kode wilayah %s tidak ada dalam daftar wilayah "
				"Kemendagri",
				line, code);
		r->region_code = arena_strdup(a, code);
	}
	return 0;
}

/* --- the list ------------------------------------------------------------------- */

struct parse {
	struct arena *a;
	const struct region_table *regions;
	struct errbuf *eb;
	bool failed;
	/* CSV */
	int cols[32]; /* column index -> enum col, -1 ignored */
	size_t ncols, field, record;
	bool header_done;
	struct rowvals cur;
	/* rows */
	struct screening_account *rows;
	size_t nrows, cap;
};

static void
add_row(struct parse *ps, const struct rowvals *rv, size_t line)
{
	struct screening_account r;

	if (ps->failed)
		return;
	if (ps->nrows == SCREENING_ACCOUNTS_MAX) {
		errbuf_set(ps->eb, ERR_INVALID_INPUT, "daftar akun lebih dari %d baris",
			   SCREENING_ACCOUNTS_MAX);
		ps->failed = true;
		return;
	}
	if (take_row(ps->a, rv, line, ps->regions, &r, ps->eb) < 0) {
		ps->failed = true;
		return;
	}
	if (ps->nrows == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->rows = xreallocarray(ps->rows, ps->cap, sizeof(*ps->rows));
	}
	ps->rows[ps->nrows++] = r;
}

static void
csv_field(void *s, size_t len, void *data)
{
	struct parse *ps = data;
	size_t i = ps->field++;

	if (ps->failed)
		return;
	if (!ps->header_done) {
		int c;

		if (i >= sizeof(ps->cols) / sizeof(ps->cols[0])) {
			errbuf_set(ps->eb, ERR_INVALID_INPUT, "baris 1: terlalu banyak kolom");
			ps->failed = true;
			return;
		}
		c = col_find(s, len);
		if (c < 0) {
			errbuf_set(
				ps->eb, ERR_INVALID_INPUT,
				"baris 1: kolom '%.*s' tidak dikenal (platform, akun, nama, nip, "
				"instansi, jabatan, status, kode_wilayah, catatan)",
				(int)(len > 40 ? 40 : len), (const char *)s);
			ps->failed = true;
			return;
		}
		ps->cols[i] = c;
		ps->ncols = i + 1;
		return;
	}
	if (i >= ps->ncols) {
		errbuf_set(ps->eb, ERR_INVALID_INPUT, "baris %zu: lebih banyak kolom dari kepala",
			   ps->record + 1);
		ps->failed = true;
		return;
	}
	if (len)
		ps->cur.v[ps->cols[i]] = str_make(arena_strndup(ps->a, s, len), len);
}

static void
csv_row(int c, void *data)
{
	struct parse *ps = data;
	size_t i;

	(void)c;
	ps->record++;
	if (ps->failed)
		goto next;
	if (!ps->header_done) {
		bool handle = false, name = false;

		for (i = 0; i < ps->ncols; i++) {
			size_t k;

			handle |= ps->cols[i] == C_HANDLE;
			name |= ps->cols[i] == C_NAME;
			for (k = 0; k < i; k++)
				if (ps->cols[k] == ps->cols[i]) {
					errbuf_set(ps->eb, ERR_INVALID_INPUT,
						   "baris 1: kolom ganda");
					ps->failed = true;
					goto next;
				}
		}
		if (!handle || !name) {
			errbuf_set(ps->eb, ERR_INVALID_INPUT,
				   "baris 1: kepala harus memuat kolom akun dan nama");
			ps->failed = true;
		}
		ps->header_done = true;
		goto next;
	}
	if (ps->field == 1 && ps->ncols > 0 && ps->cur.v[ps->cols[0]].len == 0)
		goto next; /* an empty line */
	add_row(ps, &ps->cur, ps->record);
next:
	memset(&ps->cur, 0, sizeof(ps->cur));
	ps->field = 0;
}

static int
parse_csv(struct parse *ps, const char *p, size_t n)
{
	struct csv_parser cp;
	const char *nl = memchr(p, '\n', n);
	size_t first = nl ? (size_t)(nl - p) : n;
	int rc = 0;

	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return errbuf_set(ps->eb, ERR_INTERNAL, "pengurai CSV tidak dapat dibuat");
	/* spreadsheets set to Indonesian write ';' between fields */
	if (memchr(p, ';', first) && !memchr(p, ',', first))
		csv_set_delim(&cp, ';');
	if (csv_parse(&cp, p, n, csv_field, csv_row, ps) != n ||
	    csv_fini(&cp, csv_field, csv_row, ps) != 0) {
		if (!ps->failed)
			errbuf_set(ps->eb, ERR_INVALID_INPUT, "CSV tidak sah setelah baris %zu: %s",
				   ps->record, csv_strerror(csv_error(&cp)));
		rc = -1;
	}
	csv_free(&cp);
	if (ps->failed)
		rc = -1;
	if (rc == 0 && !ps->header_done)
		rc = errbuf_set(ps->eb, ERR_INVALID_INPUT, "daftar akun kosong");
	return rc;
}

static int
parse_jsonl(struct parse *ps, const char *p, size_t n)
{
	const char *end = p + n;
	size_t line = 0;

	while (p < end && !ps->failed) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		struct str t = str_trim(str_make(p, (size_t)(e - p)));
		struct rowvals rv;
		json_error_t jerr;
		const char *key;
		json_t *o, *v;

		line++;
		p = nl ? nl + 1 : end;
		if (t.len == 0)
			continue;
		o = json_loadb(t.ptr, t.len, JSON_REJECT_DUPLICATES, &jerr);
		if (!json_is_object(o)) {
			json_decref(o);
			return errbuf_set(ps->eb, ERR_INVALID_INPUT,
					  "baris %zu: harus satu objek JSON", line);
		}
		memset(&rv, 0, sizeof(rv));
		json_object_foreach(o, key, v)
		{
			int c = col_find(key, strlen(key));

			if (c < 0 || !(json_is_string(v) || json_is_null(v))) {
				errbuf_set(ps->eb, ERR_INVALID_INPUT,
					   c < 0 ? "baris %zu: kunci '%s' tidak dikenal"
						 : "baris %zu: '%s' harus berupa teks",
					   line, key);
				json_decref(o);
				return -1;
			}
			if (json_is_string(v))
				rv.v[c] = str_make(arena_strndup(ps->a, json_string_value(v),
								 json_string_length(v)),
						   json_string_length(v));
		}
		json_decref(o);
		add_row(ps, &rv, line);
	}
	return ps->failed ? -1 : 0;
}

int
screening_accounts_parse(struct arena *a, const char *p, size_t n, enum screening_list_format fmt,
			 const struct region_table *regions, struct screening_account **rows,
			 size_t *nrows, struct errbuf *eb)
{
	struct parse ps;
	int rc;

	*rows = NULL;
	*nrows = 0;
	memset(&ps, 0, sizeof(ps));
	ps.a = a;
	ps.regions = regions;
	ps.eb = eb;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	if (fmt == SCREENING_LIST_AUTO) {
		struct str t = str_trim(str_make(p, n));

		fmt = t.len && t.ptr[0] == '{' ? SCREENING_LIST_JSONL : SCREENING_LIST_CSV;
	}
	rc = fmt == SCREENING_LIST_JSONL ? parse_jsonl(&ps, p, n) : parse_csv(&ps, p, n);
	if (rc == 0 && ps.nrows) {
		*rows = arena_array(a, ps.nrows, sizeof(**rows));
		memcpy(*rows, ps.rows, ps.nrows * sizeof(**rows));
		*nrows = ps.nrows;
	}
	free(ps.rows);
	return rc;
}

/* --- writing ------------------------------------------------------------------------- */

static int
account_event(struct store_conn *c, const char *kind, const char *actor, int64_t user_id,
	      json_t *data, struct errbuf *eb)
{
	struct audit_event ev;
	char *text = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	int rc;

	json_decref(data);
	if (text == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "data audit tidak dapat dibentuk");
	memset(&ev, 0, sizeof(ev));
	ev.at = clock_now();
	ev.user_id = user_id;
	ev.actor = actor && actor[0] ? actor : "sistem";
	ev.kind = kind;
	ev.data = text;
	rc = audit_append(c, &ev, eb);
	free(text);
	return rc;
}

struct import_job {
	const struct screening_account *rows;
	size_t nrows;
	const char *added_by;
	int64_t user_id;
	struct screening_import_stats st;
};

static void
copy_field(char *dst, size_t sz, const char *src)
{
	cstr_copy(dst, sz, src ? src : "");
}

static int
import_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct import_job *j = arg;
	int64_t now = clock_now();
	size_t i;

	memset(&j->st, 0, sizeof(j->st));
	for (i = 0; i < j->nrows; i++) {
		const struct screening_account *r = &j->rows[i];
		struct store_watch_account acc;
		char norm[256];
		bool created;

		memset(&acc, 0, sizeof(acc));
		copy_field(acc.platform, sizeof(acc.platform), r->platform);
		copy_field(acc.handle, sizeof(acc.handle), r->handle);
		copy_field(acc.name, sizeof(acc.name), r->name);
		copy_field(acc.nip, sizeof(acc.nip), r->nip);
		copy_field(acc.agency, sizeof(acc.agency), r->agency);
		copy_field(acc.position, sizeof(acc.position), r->position);
		copy_field(acc.status, sizeof(acc.status), r->status ? r->status : "unknown");
		copy_field(acc.region_code, sizeof(acc.region_code), r->region_code);
		copy_field(acc.note, sizeof(acc.note), r->note);
		copy_field(acc.added_by, sizeof(acc.added_by), j->added_by);
		acc.updated_at = now;
		name_normalize(acc.name, norm, sizeof(norm));
		if (store_watch_account_put(c, &acc, norm, &created, eb) < 0) {
			char msg[sizeof(eb->msg)];

			cstr_copy(msg, sizeof(msg), eb->msg);
			return errbuf_set(eb, eb->kind, "baris %zu: %s", r->line, msg);
		}
		j->st.rows++;
		if (created)
			j->st.created++;
		else
			j->st.updated++;
		if (acc.person_id)
			j->st.linked++;
	}
	return account_event(c, "akun_pantau_diimpor", j->added_by, j->user_id,
			     json_pack("{s:I, s:I, s:I, s:I}", "rows", (json_int_t)j->st.rows,
				       "created", (json_int_t)j->st.created, "updated",
				       (json_int_t)j->st.updated, "linked",
				       (json_int_t)j->st.linked),
			     eb);
}

int
screening_accounts_import(struct store *st, const char *p, size_t n, enum screening_list_format fmt,
			  const struct region_table *regions, const char *added_by, int64_t user_id,
			  struct screening_import_stats *out, struct errbuf *eb)
{
	struct screening_account *rows = NULL;
	struct arena a;
	struct import_job j;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n > SCREENING_LIST_BYTES)
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "daftar akun lebih dari %u byte",
				  SCREENING_LIST_BYTES);
	arena_init(&a, 64 * 1024);
	memset(&j, 0, sizeof(j));
	j.added_by = added_by && added_by[0] ? added_by : "sistem";
	j.user_id = user_id;
	rc = screening_accounts_parse(&a, p, n, fmt, regions, &rows, &j.nrows, eb);
	j.rows = rows;
	if (rc == 0 && j.nrows == 0)
		rc = errbuf_set(eb, ERR_INVALID_INPUT, "daftar akun tidak memuat satu baris pun");
	if (rc == 0)
		rc = store_write(st, import_run, &j, eb);
	if (rc == 0)
		*out = j.st;
	arena_release(&a);
	return rc;
}

struct remove_job {
	const char *platform, *handle, *actor;
	int64_t user_id;
};

static int
remove_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct remove_job *j = arg;

	if (store_watch_account_delete(c, j->platform, j->handle, eb) < 0)
		return -1;
	return account_event(c, "akun_pantau_dihapus", j->actor, j->user_id,
			     json_pack("{s:s, s:s}", "platform", j->platform, "handle", j->handle),
			     eb);
}

int
screening_accounts_remove(struct store *st, const char *platform, const char *handle,
			  const char *actor, int64_t user_id, struct errbuf *eb)
{
	char pl[32], h[128];
	struct remove_job j;

	if (screening_platform_norm(platform ? platform : "", platform ? strlen(platform) : 0, pl,
				    sizeof(pl)) < 0 ||
	    handle == NULL || screening_handle_norm(handle, strlen(handle), h, sizeof(h)) < 0)
		return errbuf_set(eb, ERR_INVALID_INPUT, "platform atau akun tidak sah");
	j.platform = pl;
	j.handle = h;
	j.actor = actor;
	j.user_id = user_id;
	return store_write(st, remove_run, &j, eb);
}

/* --- the lookup table ------------------------------------------------------------------ */

struct entry {
	char *platform, *handle, *region;
	uint64_t hash;
	struct screening_watch w;
};

struct screening_accounts {
	struct entry *entries;
	size_t n, cap;
	uint32_t *slots; /* index + 1; 0 empty */
	size_t nslots;
};

static uint64_t
key_hash(const char *platform, const char *handle)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const unsigned char *p;

	for (p = (const unsigned char *)platform; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	h = (h ^ 0xff) * 0x100000001b3ULL;
	for (p = (const unsigned char *)handle; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

static int
load_one(void *arg, const struct store_watch_account *a)
{
	struct screening_accounts *acc = arg;
	struct entry *e;

	if (acc->n == acc->cap) {
		acc->cap = acc->cap ? acc->cap * 2 : 64;
		acc->entries = xreallocarray(acc->entries, acc->cap, sizeof(*acc->entries));
	}
	e = &acc->entries[acc->n++];
	e->platform = xstrdup(a->platform);
	e->handle = xstrdup(a->handle);
	e->hash = key_hash(e->platform, e->handle);
	e->w.account_id = a->id;
	e->w.person_id = a->person_id;
	e->region = xstrdup(a->region_code);
	e->w.region_code = e->region;
	return 0;
}

int
screening_accounts_load(struct screening_accounts **out, struct store *st, struct errbuf *eb)
{
	struct screening_accounts *acc = xcalloc(1, sizeof(*acc));
	struct store_conn *c = store_reader(st);
	size_t i;
	int rc;

	rc = store_watch_account_list(c, load_one, acc, eb);
	store_reader_done(st, c);
	if (rc != 0) {
		screening_accounts_free(acc);
		*out = NULL;
		return -1;
	}
	acc->nslots = 16;
	while (acc->nslots < acc->n * 2)
		acc->nslots *= 2;
	acc->slots = xcalloc(acc->nslots, sizeof(*acc->slots));
	for (i = 0; i < acc->n; i++) {
		size_t h = (size_t)acc->entries[i].hash & (acc->nslots - 1);

		while (acc->slots[h])
			h = (h + 1) & (acc->nslots - 1);
		acc->slots[h] = (uint32_t)i + 1;
	}
	*out = acc;
	return 0;
}

void
screening_accounts_free(struct screening_accounts *acc)
{
	size_t i;

	if (acc == NULL)
		return;
	for (i = 0; i < acc->n; i++) {
		free(acc->entries[i].platform);
		free(acc->entries[i].handle);
		free(acc->entries[i].region);
	}
	free(acc->entries);
	free(acc->slots);
	free(acc);
}

size_t
screening_accounts_count(const struct screening_accounts *acc)
{
	return acc ? acc->n : 0;
}

static const struct screening_watch *
lookup(const struct screening_accounts *acc, const char *platform, const char *handle)
{
	uint64_t hv = key_hash(platform, handle);
	size_t h = (size_t)hv & (acc->nslots - 1);

	while (acc->slots[h]) {
		const struct entry *e = &acc->entries[acc->slots[h] - 1];

		if (e->hash == hv && strcmp(e->platform, platform) == 0 &&
		    strcmp(e->handle, handle) == 0)
			return &e->w;
		h = (h + 1) & (acc->nslots - 1);
	}
	return NULL;
}

const struct screening_watch *
screening_accounts_find(const struct screening_accounts *acc, const char *source, size_t slen,
			const char *author, size_t alen)
{
	char pl[SCREENING_SOURCE_MAX + 1], h[128];
	const struct screening_watch *w = NULL;

	if (acc == NULL || acc->n == 0 || author == NULL ||
	    screening_handle_norm(author, alen, h, sizeof(h)) < 0)
		return NULL;
	if (source && screening_platform_norm(source, slen, pl, sizeof(pl)) == 0 && pl[0])
		w = lookup(acc, pl, h);
	return w ? w : lookup(acc, "", h);
}
