/*
 * loader.c - the error reporting and typed field readers of the catalog
 * loader (see loader.h).  Errors name the file and the line of the member
 * the validator is at, found with jpos_locate() from its JSON path.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "rules/loader.h"

int ATTR_PRINTF(2, 3) verr(struct vctx *v, const char *fmt, ...)
{
	char msg[512], full[640];
	va_list ap;
	int line = 1;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (v->f && v->f->text) {
		size_t depth = MIN(v->depth, (size_t)JPOS_MAX_DEPTH);

		line = jpos_line(v->f->text, v->f->len,
				 jpos_locate(v->f->text, v->f->len, v->path, depth));
	}
	snprintf(full, sizeof(full), "%s:%d: %s", v->f ? v->f->name : "katalog", line, msg);
	if (v->ld->nerr++ == 0)
		errbuf_set(v->ld->eb, ERR_INVALID_INPUT, "%s", full);
	if (v->ld->report)
		v->ld->report(v->ld->arg, false, full);
	return -1;
}

void
push_key(struct vctx *v, const char *key)
{
	if (v->depth < JPOS_MAX_DEPTH) {
		v->path[v->depth].key = key;
		v->path[v->depth].index = 0;
	}
	v->depth++;
}

void
push_index(struct vctx *v, size_t i)
{
	if (v->depth < JPOS_MAX_DEPTH) {
		v->path[v->depth].key = NULL;
		v->path[v->depth].index = i;
	}
	v->depth++;
}

void
pop(struct vctx *v)
{
	v->depth--;
}

/* An error about member key of the current object. */
int ATTR_PRINTF(3, 4) verr_at(struct vctx *v, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	push_key(v, key);
	verr(v, "%s", msg);
	pop(v);
	return -1;
}

int
check_fields(struct vctx *v, json_t *obj, const char *const *allowed, const char *what)
{
	const char *key;
	json_t *val;
	int rc = 0;

	if (!json_is_object(obj))
		return verr(v, "%s harus berupa objek JSON", what);
	json_object_foreach(obj, key, val)
	{
		size_t i;
		bool ok = false;

		(void)val;
		for (i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], key) == 0)
				ok = true;
		if (!ok) {
			rc = verr_at(v, key, "%s: kolom '%s' tidak dikenal", what, key);
			if (!v->ld->lint)
				break;
		}
	}
	return rc;
}

int
get_str(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
	const char **out, const char *what)
{
	json_t *val = json_object_get(obj, key);
	size_t n;

	*out = NULL;
	if (val == NULL) {
		if (required)
			return verr(v, "%s: kolom '%s' wajib ada", what, key);
		return 0;
	}
	if (!json_is_string(val))
		return verr_at(v, key, "%s: kolom '%s' harus berupa teks", what, key);
	n = json_string_length(val);
	if (n == 0 && required)
		return verr_at(v, key, "%s: kolom '%s' tidak boleh kosong", what, key);
	if (n > maxlen)
		return verr_at(v, key,
			       "%s: kolom '%s' terlalu panjang (%zu bait, paling banyak %zu)", what,
			       key, n, maxlen);
	*out = arena_strndup(&v->ld->cat->arena, json_string_value(val), n);
	return 0;
}

int
get_str_list(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
	     const char ***out, size_t *n, const char *what)
{
	json_t *arr = json_object_get(obj, key), *el;
	size_t i;

	*out = NULL;
	*n = 0;
	if (arr == NULL) {
		if (required)
			return verr(v, "%s: kolom '%s' wajib ada", what, key);
		return 0;
	}
	if (!json_is_array(arr))
		return verr_at(v, key, "%s: kolom '%s' harus berupa daftar teks", what, key);
	if (json_array_size(arr) > MAX_LIST)
		return verr_at(v, key, "%s: daftar '%s' terlalu panjang (paling banyak %d)", what,
			       key, MAX_LIST);
	*out = arena_array(&v->ld->cat->arena, json_array_size(arr) + 1, sizeof(**out));
	json_array_foreach(arr, i, el)
	{
		if (!json_is_string(el) || json_string_length(el) == 0 ||
		    json_string_length(el) > maxlen) {
			push_key(v, key);
			push_index(v, i);
			verr(v,
			     "%s: '%s' butir ke-%zu harus teks tidak kosong (paling panjang %zu)",
			     what, key, i + 1, maxlen);
			pop(v);
			pop(v);
			return -1;
		}
		(*out)[(*n)++] = arena_strndup(&v->ld->cat->arena, json_string_value(el),
					       json_string_length(el));
	}
	return 0;
}

int
get_bool(struct vctx *v, json_t *obj, const char *key, bool *out, const char *what)
{
	json_t *val = json_object_get(obj, key);

	if (val == NULL)
		return 0;
	if (!json_is_boolean(val))
		return verr_at(v, key, "%s: kolom '%s' harus true atau false", what, key);
	*out = json_is_true(val);
	return 0;
}

int
get_number(struct vctx *v, json_t *obj, const char *key, double lo, double hi, double *out,
	   const char *what)
{
	json_t *val = json_object_get(obj, key);
	double d;

	if (val == NULL)
		return 0;
	if (!json_is_number(val))
		return verr_at(v, key, "%s: kolom '%s' harus berupa angka", what, key);
	d = json_number_value(val);
	if (!(d >= lo && d <= hi))
		return verr_at(v, key, "%s: kolom '%s' harus antara %g dan %g", what, key, lo, hi);
	*out = d;
	return 0;
}

int
get_date(struct vctx *v, json_t *obj, const char *key, struct date *out, bool *has,
	 const char *what)
{
	json_t *val = json_object_get(obj, key);

	*has = false;
	if (val == NULL)
		return 0;
	if (!json_is_string(val) ||
	    date_parse(str_make(json_string_value(val), json_string_length(val)), out) < 0)
		return verr_at(v, key, "%s: kolom '%s' harus tanggal YYYY-MM-DD yang sah", what,
			       key);
	*has = true;
	return 0;
}

int
get_period(struct vctx *v, json_t *obj, struct rules_period *p, const char *what)
{
	memset(p, 0, sizeof(*p));
	if (get_date(v, obj, "effective_from", &p->from, &p->has_from, what) < 0 ||
	    get_date(v, obj, "effective_to", &p->to, &p->has_to, what) < 0)
		return -1;
	if (p->has_from && p->has_to && date_cmp(p->from, p->to) > 0)
		return verr_at(v, "effective_to", "%s: effective_to lebih awal dari effective_from",
			       what);
	return 0;
}

bool
id_ok(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0' || strlen(s) >= MAX_ID)
		return false;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

static void
basis_label(struct rules_catalog *cat, struct rules_basis *b)
{
	struct buf l = BUF_INIT;

	buf_addstr(&l, b->regulation);
	if (b->pasal)
		buf_addf(&l, " Pasal %s", b->pasal);
	if (b->ayat)
		buf_addf(&l, " ayat (%s)", b->ayat);
	if (b->huruf)
		buf_addf(&l, " huruf %s", b->huruf);
	if (b->angka)
		buf_addf(&l, " angka %s", b->angka);
	b->label = arena_strdup(&cat->arena, buf_cstr(&l));
	buf_release(&l);
}

int
load_basis(struct vctx *v, json_t *o, struct rules_basis *b, const char *what)
{
	static const char *const fields[] = {
		"regulation",     "pasal",        "ayat",     "huruf",       "angka", "note",
		"effective_from", "effective_to", "statuses", "unconfirmed", NULL};
	struct rules_catalog *cat = v->ld->cat;
	size_t i;

	memset(b, 0, sizeof(*b));
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "regulation", true, MAX_SHORT, &b->regulation, what) < 0 ||
	    get_str(v, o, "pasal", false, MAX_ID, &b->pasal, what) < 0 ||
	    get_str(v, o, "ayat", false, MAX_ID, &b->ayat, what) < 0 ||
	    get_str(v, o, "huruf", false, MAX_ID, &b->huruf, what) < 0 ||
	    get_str(v, o, "angka", false, MAX_ID, &b->angka, what) < 0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &b->note, what) < 0 ||
	    get_period(v, o, &b->period, what) < 0 ||
	    get_str_list(v, o, "statuses", false, MAX_ID, &b->statuses, &b->nstatuses, what) < 0 ||
	    get_bool(v, o, "unconfirmed", &b->unconfirmed, what) < 0)
		return -1;
	for (i = 0; i < b->nstatuses; i++)
		if (rules_status_find_id(cat, b->statuses[i]) == NULL)
			return verr_at(v, "statuses", "%s: status '%s' tidak dikenal", what,
				       b->statuses[i]);
	basis_label(cat, b);
	return 0;
}
