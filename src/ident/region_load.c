/*
 * region_load.c - load the region table from CSV with libcsv, and free it
 * (see region.h).
 *
 * Loading is one pass over the bytes: each row is checked (three fields,
 * a well-formed code whose shape matches the level, a UTF-8 name) and
 * appended to one record array and two text buffers (display names,
 * folded names).  Then the records are sorted if the file was not,
 * duplicates are refused, parents and sibling links are resolved in one
 * walk over the depth-first order, and the folded names are joined after
 * the display names in record order.  Errors name the CSV row (the header
 * is row 1), in Indonesian.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "core/buf.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/ident_data.h"
#include "ident/region_internal.h"

#define REGION_CSV_REL    "regions/wilayah.csv"
#define REGION_ATTRIB_REL "regions/attribution.txt"
#define REGION_ATTRIB_MAX 4096
#define REGION_CHUNK      65536

static uint64_t
key_truncate(uint64_t key, int level)
{
	return key - key % region_level_span(level);
}

struct load_ctx {
	struct region_table *t;
	struct buf text;  /* display names */
	struct buf folds; /* folded names, appended to text at the end */
	size_t cap;
	size_t row;   /* CSV row number of the row being read, header = 1 */
	size_t field; /* fields seen in the current row */
	char code[32];
	size_t code_len;
	char name[REGION_NAME_MAX + 1];
	size_t name_len;
	char level[8];
	size_t level_len;
	bool too_long; /* a field of the current row did not fit */
	bool failed;
	bool sorted;
	const char *source;
	struct errbuf *eb;
};

static void load_fail(struct load_ctx *c, const char *fmt, ...) ATTR_PRINTF(2, 3);

static void
load_fail(struct load_ctx *c, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	if (c->failed)
		return;
	c->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	errbuf_set(c->eb, ERR_INVALID_INPUT, "%s baris %zu: %s", c->source, c->row + 1, msg);
}

static void
keep_field(char *dst, size_t dstsz, size_t *dlen, const void *s, size_t len, bool *too_long)
{
	if (len >= dstsz) {
		*too_long = true;
		len = 0;
	}
	if (len)
		memcpy(dst, s, len);
	dst[len] = '\0';
	*dlen = len;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct load_ctx *c = data;

	if (c->failed)
		return;
	switch (c->field) {
	case 0: keep_field(c->code, sizeof(c->code), &c->code_len, s, len, &c->too_long); break;
	case 1: keep_field(c->name, sizeof(c->name), &c->name_len, s, len, &c->too_long); break;
	case 2: keep_field(c->level, sizeof(c->level), &c->level_len, s, len, &c->too_long); break;
	default: break;
	}
	c->field++;
}

static bool
name_is_clean(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return utf8_valid(s, n);
}

/* Make the code field printable for a message: anything but ASCII graphics
 * becomes '?'. */
static void
printable_code(struct load_ctx *c)
{
	size_t i;

	for (i = 0; i < c->code_len; i++)
		if ((unsigned char)c->code[i] <= 0x20 || (unsigned char)c->code[i] >= 0x7f)
			c->code[i] = '?';
}

/* Check the row just read; 0 when it is good, else the message is set. */
static int
check_row(struct load_ctx *c, uint64_t *key, int *level)
{
	printable_code(c);
	if (c->name_len == 0)
		load_fail(c, "nama wilayah kosong (kode %s)", c->code);
	else if (!name_is_clean(c->name, c->name_len))
		load_fail(c, "nama wilayah bukan teks UTF-8 yang sah (kode %s)", c->code);
	else if (region_code_parse(c->code, c->code_len, key, level) < 0)
		load_fail(c, "kode wilayah '%s' tidak sah (contoh yang sah: 64.08.01.2001)",
			  c->code);
	else if (c->code_len != 2 && c->code_len != 5 && c->code_len != 8 && c->code_len != 13)
		load_fail(c, "kode wilayah '%s' harus ditulis dengan titik", c->code);
	else if (c->level_len != 1 || c->level[0] - '0' != *level)
		load_fail(c, "level tidak cocok dengan bentuk kode %s (harus %d)", c->code, *level);
	else if (c->t->n >= REGION_ROWS_MAX)
		load_fail(c, "terlalu banyak baris (batas %d)", REGION_ROWS_MAX);
	return c->failed ? -1 : 0;
}

static void
add_row(struct load_ctx *c)
{
	struct region_table *t = c->t;
	struct region_rec *r;
	uint64_t key = 0;
	int level = 0;
	char fold[REGION_NAME_MAX + 1];
	size_t flen;

	if (check_row(c, &key, &level) < 0)
		return;
	if (t->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		t->recs = xreallocarray(t->recs, c->cap, sizeof(*t->recs));
	}
	if (t->n > 0 && key <= t->recs[t->n - 1].key)
		c->sorted = false;
	flen = region_fold(c->name, c->name_len, fold);
	r = &t->recs[t->n++];
	r->key = key;
	r->level = (uint8_t)level;
	r->parent = REGION_NONE;
	r->next = REGION_NONE;
	r->name = (uint32_t)c->text.len;
	buf_add(&c->text, c->name, c->name_len);
	buf_addch(&c->text, '\0');
	r->fold = (uint32_t)c->folds.len; /* relative until joined to text */
	r->fold_len = (uint16_t)flen;
	buf_add(&c->folds, fold, flen);
	buf_addch(&c->folds, '\0');
	/* the core of "Kabupaten Kutai Timur" / "Kota Samarinda" is the rest */
	r->core = 0;
	if (level == REGION_KABKOTA) {
		if (flen > 10 && memcmp(fold, "kabupaten ", 10) == 0)
			r->core = 10;
		else if (flen > 5 && memcmp(fold, "kota ", 5) == 0)
			r->core = 5;
	}
	t->count[level]++;
}

static void
on_row(int term, void *data)
{
	struct load_ctx *c = data;

	(void)term;
	if (c->failed)
		return;
	if (c->too_long)
		load_fail(c, "kolom terlalu panjang (nama paling banyak %d byte)", REGION_NAME_MAX);
	else if (c->field != 3)
		load_fail(c, "harus tepat 3 kolom (kode,nama,level), ada %zu", c->field);
	else if (c->row == 0) {
		if (strcmp(c->code, "kode") != 0 || strcmp(c->name, "nama") != 0 ||
		    strcmp(c->level, "level") != 0)
			load_fail(c, "baris judul harus kode,nama,level");
	} else {
		add_row(c);
	}
	c->row++;
	c->field = 0;
	c->too_long = false;
	c->code_len = c->name_len = c->level_len = 0;
	c->code[0] = c->name[0] = c->level[0] = '\0';
}

static int
by_key(const void *a, const void *b)
{
	const struct region_rec *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key ? 1 : 0;
}

/*
 * Put the folded names after the display names, in record order, so that a
 * search can scan them as one block (region_search.c relies on it).
 */
static void
join_folds(struct load_ctx *c, bool sorted)
{
	struct region_table *t = c->t;
	size_t base, i;

	if (!sorted) {
		struct buf ordered;

		buf_init(&ordered, (size_t)-1);
		buf_grow(&ordered, c->folds.len);
		for (i = 0; i < t->n; i++) {
			size_t off = ordered.len;

			buf_add(&ordered, c->folds.data + t->recs[i].fold,
				t->recs[i].fold_len + 1u);
			t->recs[i].fold = (uint32_t)off;
		}
		buf_release(&c->folds);
		c->folds = ordered;
	}
	base = c->text.len;
	buf_add(&c->text, c->folds.data, c->folds.len);
	for (i = 0; i < t->n; i++)
		t->recs[i].fold += (uint32_t)base;
}

/* Sort if needed, refuse duplicates, resolve parents and sibling links. */
static int
link_tree(struct region_table *t, const char *source, struct errbuf *eb, bool sorted)
{
	uint32_t last[5] = {REGION_NONE, REGION_NONE, REGION_NONE, REGION_NONE, REGION_NONE};
	uint32_t prev[5] = {REGION_NONE, REGION_NONE, REGION_NONE, REGION_NONE, REGION_NONE};
	char code[REGION_CODE_MAX], pcode[REGION_CODE_MAX];
	size_t i;
	int l;

	if (!sorted)
		qsort(t->recs, t->n, sizeof(*t->recs), by_key);
	for (i = 0; i < t->n; i++) {
		struct region_rec *r = &t->recs[i];

		if (i > 0 && r->key == t->recs[i - 1].key) {
			region_code_format(r->key, r->level, code);
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "%s: kode %s muncul lebih dari sekali", source, code);
		}
		if (r->level > 1) {
			uint32_t p = last[r->level - 1];

			if (p == REGION_NONE ||
			    t->recs[p].key != key_truncate(r->key, r->level - 1)) {
				region_code_format(r->key, r->level, code);
				region_code_format(key_truncate(r->key, r->level - 1), r->level - 1,
						   pcode);
				return errbuf_set(eb, ERR_INVALID_INPUT,
						  "%s: wilayah %s tidak punya induk %s dalam tabel",
						  source, code, pcode);
			}
			r->parent = p;
		}
		if (prev[r->level] != REGION_NONE && t->recs[prev[r->level]].parent == r->parent)
			t->recs[prev[r->level]].next = (uint32_t)i;
		prev[r->level] = (uint32_t)i;
		last[r->level] = (uint32_t)i;
		for (l = r->level + 1; l <= 4; l++)
			last[l] = REGION_NONE;
	}
	return 0;
}

int
region_table_parse(struct region_table **out, const char *csv, size_t len, const char *attribution,
		   const char *source, struct errbuf *eb)
{
	struct region_table *t = xcalloc(1, sizeof(*t));
	struct csv_parser p;
	struct load_ctx c;
	size_t off = 0, alen, aoff, tlen;
	int rc = -1;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	c.t = t;
	c.source = source ? source : REGION_CSV_REL;
	c.eb = eb;
	c.sorted = true;
	cstr_copy(t->source, sizeof(t->source), c.source);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die("csv_init failed");
	if (len > REGION_FILE_MAX) {
		errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "%s terlalu besar (batas %u byte)", c.source,
			   REGION_FILE_MAX);
		goto out;
	}
	/* spreadsheets save a UTF-8 byte order mark: skip it */
	if (len >= 3 && memcmp(csv, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	/* about 27 bytes per row and twice the name bytes of text */
	c.cap = len / 24 + 16;
	t->recs = xreallocarray(NULL, c.cap, sizeof(*t->recs));
	buf_init(&c.text, (size_t)REGION_FILE_MAX * 2 + REGION_ATTRIB_MAX);
	buf_init(&c.folds, (size_t)REGION_FILE_MAX);
	buf_grow(&c.text, len + len / 4 + 64);
	buf_grow(&c.folds, len / 2 + 64);
	while (off < len && !c.failed) {
		size_t n = MIN(len - off, (size_t)REGION_CHUNK);

		if (csv_parse(&p, csv + off, n, on_field, on_row, &c) != n) {
			errbuf_set(eb, ERR_INVALID_INPUT, "%s sekitar baris %zu: CSV rusak (%s)",
				   c.source, c.row + 1, csv_strerror(csv_error(&p)));
			goto out;
		}
		off += n;
	}
	if (!c.failed && csv_fini(&p, on_field, on_row, &c) != 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s baris %zu: tanda kutip tidak ditutup",
			   c.source, c.row + 1);
		goto out;
	}
	if (c.failed)
		goto out;
	if (c.row == 0) {
		errbuf_set(eb, ERR_INVALID_INPUT,
			   "%s kosong: baris judul kode,nama,level tidak ada", c.source);
		goto out;
	}
	if (t->n == 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s tidak berisi satu wilayah pun", c.source);
		goto out;
	}
	if (link_tree(t, c.source, eb, c.sorted) < 0)
		goto out;
	if (buf_failed(&c.folds)) {
		errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "%s terlalu besar", c.source);
		goto out;
	}
	join_folds(&c, c.sorted);
	/* the attribution travels with the data */
	alen = attribution ? strnlen(attribution, REGION_ATTRIB_MAX) : 0;
	while (alen > 0 && (attribution[alen - 1] == '\n' || attribution[alen - 1] == '\r'))
		alen--;
	aoff = c.text.len;
	buf_add(&c.text, attribution ? attribution : "", alen);
	buf_addch(&c.text, '\0');
	if (buf_failed(&c.text)) {
		errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "%s terlalu besar", c.source);
		goto out;
	}
	t->text = buf_detach(&c.text, &tlen);
	t->text = xrealloc(t->text, tlen + 1);
	t->attribution = t->text + aoff;
	t->recs = xreallocarray(t->recs, t->n, sizeof(*t->recs));
	t->count[0] = t->n;
	*out = t;
	t = NULL;
	rc = 0;
out:
	csv_free(&p);
	buf_release(&c.text);
	buf_release(&c.folds);
	if (t) {
		free(t->recs);
		free(t);
	}
	return rc;
}

int
region_table_load(struct region_table **out, const char *dir, struct errbuf *eb)
{
	const char *csv = NULL, *attr = NULL;
	size_t len, alen;
	bool csv_owned = false, attr_owned = false;
	char source[600];
	int rc = -1;

	*out = NULL;
	if (ident_data_read(dir, REGION_CSV_REL, REGION_FILE_MAX, &csv, &len, &csv_owned, eb) < 0)
		goto out;
	if (ident_data_read(dir, REGION_ATTRIB_REL, REGION_ATTRIB_MAX, &attr, &alen, &attr_owned,
			    eb) < 0)
		goto out;
	if (dir && dir[0])
		snprintf(source, sizeof(source), "%s/%s", dir, REGION_CSV_REL);
	else
		snprintf(source, sizeof(source), "data/%s (tertanam)", REGION_CSV_REL);
	rc = region_table_parse(out, csv, len, attr, source, eb);
out:
	if (csv_owned)
		free((void *)(uintptr_t)csv);
	if (attr_owned)
		free((void *)(uintptr_t)attr);
	return rc;
}

void
region_table_free(struct region_table *t)
{
	if (t == NULL)
		return;
	free(t->recs);
	free(t->text);
	free(t);
}
