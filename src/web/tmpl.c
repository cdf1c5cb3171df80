/*
 * tmpl.c - template compiler and renderer (see tmpl.h for the syntax).
 *
 * A template compiles to a flat array of ops; a section op records the
 * index just past its matching close, so rendering is a loop with
 * recursion only for section bodies and partials (both depth-limited).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "web/i18n.h"
#include "web/tmpl.h"

#define TMPL_MAX_DEPTH 24
#define TMPL_MAX_NAME  128

enum op_kind { OP_TEXT, OP_VAR, OP_RAW, OP_SECTION, OP_INVERTED, OP_PARTIAL, OP_I18N, OP_STATIC };

struct tmpl_op {
	enum op_kind kind;
	const char *s; /* text, or the name (NUL-terminated copy in names) */
	size_t len;
	size_t end; /* sections: index of the op after the body */
};

struct tmpl {
	char *name;
	char *src;
	char *names; /* NUL-separated copies of tag names */
	struct tmpl_op *ops;
	size_t nops;
};

struct tmpl_set {
	char *dir; /* development: re-read templates from disk */
	struct tmpl **items;
	size_t n;
};

static int
line_of(const char *src, const char *at)
{
	int line = 1;

	if (src == NULL || at == NULL)
		return 0;
	for (; src < at; src++)
		if (*src == '\n')
			line++;
	return line;
}

static bool
valid_name(struct str n)
{
	size_t i;

	if (n.len == 0 || n.len > TMPL_MAX_NAME)
		return false;
	for (i = 0; i < n.len; i++) {
		char c = n.ptr[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-' || c == '/'))
			return false;
	}
	return true;
}

int
tmpl_compile(const char *name, const char *src, size_t len, struct tmpl **out, struct errbuf *eb)
{
	struct tmpl *t = xcalloc(1, sizeof(*t));
	size_t cap = 16, stack[TMPL_MAX_DEPTH], depth = 0, npos = 0;
	const char *p, *end;

	*out = NULL;
	t->name = xstrdup(name);
	t->src = xstrndup(src, len);
	t->names = xmalloc(len + 1);
	t->ops = xcalloc(cap, sizeof(*t->ops));
	p = t->src;
	end = t->src + len;
	while (p < end) {
		const char *open = NULL, *q;
		struct tmpl_op op;
		struct str tag;
		bool triple = false;

		for (q = p; q + 1 < end; q++)
			if (q[0] == '{' && q[1] == '{') {
				open = q;
				break;
			}
		if (open == NULL)
			open = end;
		if (open > p) {
			op.kind = OP_TEXT;
			op.s = p;
			op.len = (size_t)(open - p);
			op.end = 0;
			p = open;
			goto push;
		}
		/* a tag */
		q = open + 2;
		if (q < end && *q == '{') {
			triple = true;
			q++;
		}
		{
			const char *close = NULL, *r;

			for (r = q; r + 1 < end; r++)
				if (r[0] == '}' && r[1] == '}') {
					close = r;
					break;
				}
			if (close == NULL) {
				errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: tag '{{' tidak ditutup",
					   name, line_of(t->src, open));
				goto fail;
			}
			tag = str_make(q, (size_t)(close - q));
			p = close + 2;
			if (triple) {
				if (p >= end || *p != '}') {
					errbuf_set(eb, ERR_INVALID_INPUT,
						   "%s:%d: '{{{' harus ditutup '}}}'", name,
						   line_of(t->src, open));
					goto fail;
				}
				p++;
			}
		}
		tag = str_trim(tag);
		op.end = 0;
		if (triple) {
			op.kind = OP_RAW;
		} else if (tag.len && tag.ptr[0] == '!') {
			continue;
		} else if (tag.len && strchr("&#^/>@$", tag.ptr[0])) {
			char sigil = tag.ptr[0];

			tag = str_trim(str_make(tag.ptr + 1, tag.len - 1));
			switch (sigil) {
			case '&': op.kind = OP_RAW; break;
			case '#': op.kind = OP_SECTION; break;
			case '^': op.kind = OP_INVERTED; break;
			case '>': op.kind = OP_PARTIAL; break;
			case '@': op.kind = OP_I18N; break;
			case '$': op.kind = OP_STATIC; break;
			default: { /* '/' closes the innermost section */
				struct tmpl_op *o;

				if (depth == 0) {
					errbuf_set(eb, ERR_INVALID_INPUT,
						   "%s:%d: penutup {{/%.*s}} tanpa pembuka", name,
						   line_of(t->src, open), (int)MIN(tag.len, 64),
						   tag.ptr);
					goto fail;
				}
				o = &t->ops[stack[--depth]];
				if (!str_eq(str_make(o->s, o->len), tag)) {
					errbuf_set(eb, ERR_INVALID_INPUT,
						   "%s:%d: {{/%.*s}} tidak cocok dengan {{#%.*s}}",
						   name, line_of(t->src, open),
						   (int)MIN(tag.len, 64), tag.ptr,
						   (int)MIN(o->len, 64), o->s);
					goto fail;
				}
				o->end = t->nops;
				continue;
			}
			}
		} else {
			op.kind = OP_VAR;
		}
		if (!valid_name(tag) && !(op.kind != OP_PARTIAL && str_eq_cstr(tag, "."))) {
			errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: nama tag tidak valid '%.*s'",
				   name, line_of(t->src, open), (int)MIN(tag.len, 64), tag.ptr);
			goto fail;
		}
		memcpy(t->names + npos, tag.ptr, tag.len);
		t->names[npos + tag.len] = '\0';
		op.s = t->names + npos;
		op.len = tag.len;
		npos += tag.len + 1;
		if (op.kind == OP_SECTION || op.kind == OP_INVERTED) {
			if (depth == TMPL_MAX_DEPTH) {
				errbuf_set(eb, ERR_INVALID_INPUT,
					   "%s:%d: bagian bersarang terlalu dalam", name,
					   line_of(t->src, open));
				goto fail;
			}
			stack[depth++] = t->nops;
		}
	push:
		if (t->nops == cap) {
			cap *= 2;
			t->ops = xreallocarray(t->ops, cap, sizeof(*t->ops));
		}
		t->ops[t->nops++] = op;
	}
	if (depth) {
		struct tmpl_op *o = &t->ops[stack[depth - 1]];

		errbuf_set(eb, ERR_INVALID_INPUT, "%s: bagian {{#%.*s}} tidak ditutup", name,
			   (int)MIN(o->len, 64), o->s);
		goto fail;
	}
	*out = t;
	return 0;
fail:
	tmpl_free(t);
	return -1;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->src);
	free(t->names);
	free(t->ops);
	free(t);
}

/* --- rendering ----------------------------------------------------------- */

struct render {
	struct tmpl_set *set;
	const struct i18n *lang;
	struct buf *out;
	struct errbuf *eb;
	json_t *stack[TMPL_MAX_DEPTH * 2];
	size_t depth;
	int partial_depth;
};

static json_t *
lookup_in(json_t *ctx, const char *name)
{
	const char *dot;
	json_t *v = ctx;

	if (strcmp(name, ".") == 0)
		return ctx;
	while (v && json_is_object(v)) {
		dot = strchr(name, '.');
		if (dot == NULL)
			return json_object_get(v, name);
		v = json_object_getn(v, name, (size_t)(dot - name));
		name = dot + 1;
	}
	return NULL;
}

static json_t *
lookup(struct render *r, const char *name)
{
	size_t i;

	if (strcmp(name, ".") == 0)
		return r->depth ? r->stack[r->depth - 1] : NULL;
	for (i = r->depth; i > 0; i--) {
		json_t *ctx = r->stack[i - 1];
		const char *dot = strchr(name, '.');

		/* the first segment decides which frame the path starts from */
		if (json_is_object(ctx) && (dot ? json_object_getn(ctx, name, (size_t)(dot - name))
						: json_object_get(ctx, name)))
			return lookup_in(ctx, name);
	}
	return NULL;
}

static bool
truthy(json_t *v)
{
	if (v == NULL || json_is_null(v) || json_is_false(v))
		return false;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	if (json_is_real(v))
		return json_real_value(v) != 0.0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	return true;
}

static void
emit_value(struct buf *out, json_t *v, bool escape)
{
	char num[64];
	const char *s = NULL;
	size_t n = 0;

	if (v == NULL || json_is_null(v))
		return;
	if (json_is_string(v)) {
		s = json_string_value(v);
		n = json_string_length(v);
	} else if (json_is_integer(v)) {
		n = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
				     json_integer_value(v));
		s = num;
	} else if (json_is_real(v)) {
		n = (size_t)snprintf(num, sizeof(num), "%.15g", json_real_value(v));
		s = num;
	} else if (json_is_boolean(v)) {
		s = json_is_true(v) ? "true" : "false";
		n = strlen(s);
	} else {
		return; /* objects and arrays have no text form */
	}
	if (escape)
		buf_add_html(out, s, n);
	else
		buf_add(out, s, n);
}

static int render_ops(struct render *r, const struct tmpl *t, size_t from, size_t to);

static const struct tmpl *set_find(struct tmpl_set *set, const char *name);

static int
render_section(struct render *r, const struct tmpl *t, size_t i)
{
	const struct tmpl_op *op = &t->ops[i];
	json_t *v = lookup(r, op->s);
	size_t k;

	if (op->kind == OP_INVERTED)
		return truthy(v) ? 0 : render_ops(r, t, i + 1, op->end);
	if (!truthy(v))
		return 0;
	if (r->depth >= ARRAY_SIZE(r->stack))
		return errbuf_set(r->eb, ERR_INTERNAL, "%s: konteks terlalu dalam", t->name);
	if (json_is_array(v)) {
		for (k = 0; k < json_array_size(v); k++) {
			r->stack[r->depth++] = json_array_get(v, k);
			if (render_ops(r, t, i + 1, op->end) < 0)
				return -1;
			r->depth--;
		}
		return 0;
	}
	r->stack[r->depth++] = v;
	if (render_ops(r, t, i + 1, op->end) < 0)
		return -1;
	r->depth--;
	return 0;
}

static int
render_ops(struct render *r, const struct tmpl *t, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		const struct tmpl_op *op = &t->ops[i];

		switch (op->kind) {
		case OP_TEXT: buf_add(r->out, op->s, op->len); break;
		case OP_VAR: emit_value(r->out, lookup(r, op->s), true); break;
		case OP_RAW: emit_value(r->out, lookup(r, op->s), false); break;
		case OP_I18N: {
			const char *msg = i18n_get(r->lang, op->s);

			buf_add_html(r->out, msg, strlen(msg));
			break;
		}
		case OP_STATIC: {
			/* {{$file.css}}, or {{$.}} for the current value */
			const char *file = op->s;
			char url[320];
			size_t n;

			if (strcmp(op->s, ".") == 0) {
				json_t *v = lookup(r, op->s);

				file = json_is_string(v) ? json_string_value(v) : "";
			}
			n = asset_static_url(file, url, sizeof(url));
			buf_add_html(r->out, url, n);
			break;
		}
		case OP_PARTIAL: {
			const struct tmpl *p;

			if (r->set == NULL || (p = set_find(r->set, op->s)) == NULL)
				return errbuf_set(r->eb, ERR_INTERNAL, "%s: partial '%s' tidak ada",
						  t->name, op->s);
			if (r->partial_depth >= 8)
				return errbuf_set(r->eb, ERR_INTERNAL, "%s: partial terlalu dalam",
						  t->name);
			r->partial_depth++;
			if (render_ops(r, p, 0, p->nops) < 0)
				return -1;
			r->partial_depth--;
			break;
		}
		case OP_SECTION:
		case OP_INVERTED:
			if (render_section(r, t, i) < 0)
				return -1;
			i = op->end;
			continue;
		}
		i++;
	}
	return 0;
}

int
tmpl_render_one(const struct tmpl *t, json_t *ctx, const struct i18n *lang, struct buf *out,
		struct errbuf *eb)
{
	struct render r;

	memset(&r, 0, sizeof(r));
	r.lang = lang;
	r.out = out;
	r.eb = eb;
	r.stack[r.depth++] = ctx;
	return render_ops(&r, t, 0, t->nops);
}

/* --- sets ---------------------------------------------------------------- */

static int
by_name(const void *a, const void *b)
{
	return strcmp((*(struct tmpl *const *)a)->name, (*(struct tmpl *const *)b)->name);
}

static const struct tmpl *
set_find(struct tmpl_set *set, const char *name)
{
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->items[mid]->name, name);

		if (c == 0)
			return set->items[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
set_add(struct tmpl_set *set, struct tmpl *t)
{
	set->items = xreallocarray(set->items, set->n + 1, sizeof(struct tmpl *));
	set->items[set->n++] = t;
}

static int
load_embedded(struct tmpl_set *set, struct errbuf *eb)
{
	size_t i;

	for (i = asset_prefix_first("templates/");
	     i < asset_count && strncmp(asset_table[i].name, "templates/", 10) == 0; i++) {
		const struct asset *a = &asset_table[i];
		char name[256];
		struct tmpl *t;
		size_t nl;

		/* "templates/home.html" -> "home" */
		cstr_copy(name, sizeof(name), a->name + 10);
		nl = strlen(name);
		if (nl > 5 && strcmp(name + nl - 5, ".html") == 0)
			name[nl - 5] = '\0';
		if (tmpl_compile(name, (const char *)a->data, a->len, &t, eb) < 0)
			return -1;
		set_add(set, t);
	}
	return 0;
}

static int
load_dir(struct tmpl_set *set, const char *dir, struct errbuf *eb)
{
	char path[1024];
	DIR *d;
	struct dirent *de;

	snprintf(path, sizeof(path), "%s/templates", dir);
	d = opendir(path);
	if (d == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "tidak dapat membuka %s: %s", path,
				  strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t nl = strlen(de->d_name);
		char file[1300], name[256];
		struct tmpl *t;
		FILE *f;
		char *src;
		long n;

		if (nl <= 5 || strcmp(de->d_name + nl - 5, ".html") != 0)
			continue;
		snprintf(file, sizeof(file), "%s/%s", path, de->d_name);
		f = fopen(file, "rb");
		if (f == NULL || fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) < 0) {
			if (f)
				fclose(f);
			closedir(d);
			return errbuf_set(eb, ERR_INVALID_INPUT, "tidak dapat membaca %s", file);
		}
		src = xmalloc((size_t)n + 1);
		if (fread(src, 1, (size_t)n, f) != (size_t)n) {
			fclose(f);
			free(src);
			closedir(d);
			return errbuf_set(eb, ERR_INVALID_INPUT, "tidak dapat membaca %s", file);
		}
		fclose(f);
		cstr_copy(name, sizeof(name), de->d_name);
		name[nl - 5] = '\0';
		if (tmpl_compile(name, src, (size_t)n, &t, eb) < 0) {
			free(src);
			closedir(d);
			return -1;
		}
		free(src);
		set_add(set, t);
	}
	closedir(d);
	return 0;
}

static void
set_clear(struct tmpl_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		tmpl_free(set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = 0;
}

int
tmpl_set_load(struct tmpl_set **out, const char *dir, struct errbuf *eb)
{
	struct tmpl_set *set = xcalloc(1, sizeof(*set));
	int rc;

	*out = NULL;
	if (dir && dir[0]) {
		set->dir = xstrdup(dir);
		rc = load_dir(set, dir, eb);
	} else {
		rc = load_embedded(set, eb);
	}
	if (rc < 0) {
		tmpl_set_free(set);
		return -1;
	}
	if (set->n)
		qsort(set->items, set->n, sizeof(struct tmpl *), by_name);
	*out = set;
	return 0;
}

void
tmpl_set_free(struct tmpl_set *set)
{
	if (set == NULL)
		return;
	set_clear(set);
	free(set->dir);
	free(set);
}

int
tmpl_render(struct tmpl_set *set, const char *name, json_t *ctx, const struct i18n *lang,
	    struct buf *out, struct errbuf *eb)
{
	struct tmpl_set dev = {NULL, NULL, 0};
	struct tmpl_set *use = set;
	const struct tmpl *t;
	struct render r;
	int rc;

	if (set->dir) {
		/* development: fresh from disk, so edits show without a rebuild */
		if (load_dir(&dev, set->dir, eb) < 0) {
			set_clear(&dev);
			return -1;
		}
		if (dev.n)
			qsort(dev.items, dev.n, sizeof(struct tmpl *), by_name);
		use = &dev;
	}
	t = set_find(use, name);
	if (t == NULL) {
		set_clear(&dev);
		return errbuf_set(eb, ERR_INTERNAL, "templat '%s' tidak ada", name);
	}
	memset(&r, 0, sizeof(r));
	r.set = use;
	r.lang = lang;
	r.out = out;
	r.eb = eb;
	r.stack[r.depth++] = ctx;
	rc = render_ops(&r, t, 0, t->nops);
	set_clear(&dev);
	return rc;
}
