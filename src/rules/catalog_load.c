/*
 * catalog_load.c - load the rule catalog: read the files (embedded
 * data/rules or DIR/rules), parse them with jansson (syntax errors carry
 * jansson's line), run the section loaders in dependency order, then the
 * whole-catalog checks (every level in use has sanction forms and every
 * status a route for every date of the coverage).  Also the linter, which
 * reports every problem instead of stopping at the first and then checks
 * that each item's examples are recognised as that item.
 *
 * Unknown fields are errors: a misspelt field silently ignored would be a
 * legal reading silently changed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/asset.h"
#include "core/xalloc.h"
#include "rules/loader.h"

static const char *const top_fields[] = {"about",    "meta",   "lexicon",    "modifiers",
					 "readings", "levels", "form_flags", "form_sets",
					 "statuses", "routes", "items",      NULL};

typedef int (*element_fn)(struct vctx *v, json_t *el);

/* Run fn over the elements of array section `name` in every file. */
static int
each_element(struct loader *ld, const char *name, element_fn fn)
{
	size_t fi;
	int rc = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		struct vctx v = {ld, &ld->files[fi], {{NULL, 0}}, 0};
		json_t *arr = json_object_get(ld->files[fi].root, name), *el;
		size_t i;

		if (arr == NULL)
			continue;
		push_key(&v, name);
		if (!json_is_array(arr)) {
			rc = verr(&v, "bagian '%s' harus berupa daftar", name);
			if (!ld->lint)
				return -1;
			continue;
		}
		json_array_foreach(arr, i, el)
		{
			push_index(&v, i);
			if (!json_is_object(el)) {
				rc = verr(&v, "bagian '%s': unsur ke-%zu harus objek", name, i + 1);
			} else if (fn(&v, el) < 0) {
				rc = -1;
			}
			pop(&v);
			if (rc < 0 && !ld->lint)
				return -1;
		}
	}
	return rc;
}

/* Run fn over object section `name` in every file. */
static int
each_object(struct loader *ld, const char *name, element_fn fn)
{
	size_t fi;
	int rc = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		struct vctx v = {ld, &ld->files[fi], {{NULL, 0}}, 0};
		json_t *obj = json_object_get(ld->files[fi].root, name);

		if (obj == NULL)
			continue;
		push_key(&v, name);
		if (!json_is_object(obj))
			rc = verr(&v, "bagian '%s' harus berupa objek", name);
		else if (fn(&v, obj) < 0)
			rc = -1;
		if (rc < 0 && !ld->lint)
			return -1;
	}
	return rc;
}

static size_t
count_elements(struct loader *ld, const char *name)
{
	size_t fi, n = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		json_t *arr = json_object_get(ld->files[fi].root, name);

		if (json_is_array(arr))
			n += json_array_size(arr);
	}
	return n;
}

/* First file that has section name, for errors about the whole section. */
static struct vctx
section_ctx(struct loader *ld, const char *name)
{
	struct vctx v = {ld, ld->nfiles ? &ld->files[0] : NULL, {{NULL, 0}}, 0};
	size_t fi;

	for (fi = 0; fi < ld->nfiles; fi++) {
		if (json_object_get(ld->files[fi].root, name)) {
			v.f = &ld->files[fi];
			push_key(&v, name);
			break;
		}
	}
	return v;
}

/* Every date of the coverage must have exactly what covers it. */
static int
check_level_coverage(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	bool used[RULES_LEVEL_PTDH + 1] = {false};
	size_t i, j;
	int lv, rc = 0;

	for (i = 0; i < cat->nitems; i++) {
		const struct rules_switch *sw = &cat->items[i].level;

		if (sw->reading)
			for (j = 0; j < sw->n; j++)
				used[sw->value[j]] = true;
		else
			used[sw->fixed] = true;
	}
	for (lv = RULES_LEVEL_MORAL; lv <= RULES_LEVEL_PTDH; lv++) {
		struct date d = cat->coverage.from;
		size_t guard = 0;

		if (cat->level_titles[lv] == NULL) {
			struct vctx v = section_ctx(ld, "levels");

			rc = verr(&v, "levels: nama tingkat '%s' tidak ada",
				  rules_level_name((enum rules_level)lv));
			if (!ld->lint)
				return -1;
		}
		if (!used[lv])
			continue;
		while (guard++ <= cat->nform_sets) {
			const struct rules_form_set *fs =
				rules_form_set_at(cat, (enum rules_level)lv, d);
			char ds[DATE_STRLEN];

			if (fs == NULL) {
				struct vctx v = section_ctx(ld, "form_sets");

				date_format(d, ds);
				rc = verr(&v,
					  "form_sets: tidak ada bentuk hukuman tingkat %s untuk "
					  "tanggal %s",
					  rules_level_name((enum rules_level)lv), ds);
				if (!ld->lint)
					return -1;
				break;
			}
			if (!fs->period.has_to || date_cmp(fs->period.to, cat->coverage.to) >= 0)
				break;
			d = date_add_days(fs->period.to, 1);
		}
	}
	return rc;
}

static int
check_route_coverage(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	size_t s;
	int rc = 0;

	for (s = 0; s < cat->nstatuses; s++) {
		struct date d = cat->coverage.from;
		size_t guard = 0;

		while (guard++ <= cat->nroutes) {
			const struct rules_route *r = rules_route_at(cat, &cat->statuses[s], d);
			char ds[DATE_STRLEN];

			if (r == NULL) {
				struct vctx v = section_ctx(ld, "routes");

				date_format(d, ds);
				rc = verr(&v,
					  "routes: tidak ada rute untuk status %s pada tanggal %s",
					  cat->statuses[s].id, ds);
				if (!ld->lint)
					return -1;
				break;
			}
			if (!r->period.has_to || date_cmp(r->period.to, cat->coverage.to) >= 0)
				break;
			d = date_add_days(r->period.to, 1);
		}
	}
	return rc;
}

static int
run_loader(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	size_t fi, n;
	int rc = 0;

	/* 1. syntax and top-level fields */
	for (fi = 0; fi < ld->nfiles; fi++) {
		struct lfile *f = &ld->files[fi];
		struct vctx v = {ld, f, {{NULL, 0}}, 0};
		json_error_t jerr;

		if (f->len > RULES_MAX_FILE) {
			rc = verr(&v, "berkas terlalu besar (%zu bait, paling banyak %d)", f->len,
				  RULES_MAX_FILE);
		} else {
			f->root = json_loadb(f->text, f->len, JSON_REJECT_DUPLICATES, &jerr);
			if (f->root == NULL) {
				char full[640];

				snprintf(full, sizeof(full), "%s:%d: JSON tidak sah (kolom %d): %s",
					 f->name, jerr.line > 0 ? jerr.line : 1, jerr.column,
					 jerr.text);
				if (ld->nerr++ == 0)
					errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s", full);
				if (ld->report)
					ld->report(ld->arg, false, full);
				rc = -1;
			} else if (check_fields(&v, f->root, top_fields, "berkas katalog") < 0) {
				rc = -1;
			}
		}
		if (rc < 0 && !ld->lint)
			return -1;
	}
	/* drop the files that did not parse, so later passes see only objects */
	for (fi = 0, n = 0; fi < ld->nfiles; fi++)
		if (json_is_object(ld->files[fi].root))
			ld->files[n++] = ld->files[fi];
		else {
			json_decref(ld->files[fi].root);
			free(ld->files[fi].owned);
			free(ld->files[fi].name);
		}
	ld->nfiles = n;

	/* 2. sections in dependency order */
	cat->modifiers = arena_array(&cat->arena, count_elements(ld, "modifiers") + 1,
				     sizeof(*cat->modifiers));
	cat->readings = arena_array(&cat->arena, count_elements(ld, "readings") + 1,
				    sizeof(*cat->readings));
	cat->form_sets = arena_array(&cat->arena, count_elements(ld, "form_sets") + 1,
				     sizeof(*cat->form_sets));
	cat->statuses = arena_array(&cat->arena, count_elements(ld, "statuses") + 1,
				    sizeof(*cat->statuses));
	cat->routes =
		arena_array(&cat->arena, count_elements(ld, "routes") + 1, sizeof(*cat->routes));
	n = count_elements(ld, "items");
	cat->items =
		arena_array(&cat->arena, MIN(n, (size_t)RULES_MAX_ITEMS) + 1, sizeof(*cat->items));
	if ((each_object(ld, "meta", load_meta) < 0 && !ld->lint) ||
	    (each_object(ld, "lexicon", load_lexicon) < 0 && !ld->lint) ||
	    (each_element(ld, "modifiers", load_modifier) < 0 && !ld->lint) ||
	    (each_element(ld, "readings", load_reading) < 0 && !ld->lint) ||
	    (each_object(ld, "levels", load_levels) < 0 && !ld->lint) ||
	    (each_object(ld, "form_flags", load_form_flags) < 0 && !ld->lint) ||
	    (each_element(ld, "form_sets", load_form_set) < 0 && !ld->lint) ||
	    (each_element(ld, "statuses", load_status) < 0 && !ld->lint) ||
	    (each_element(ld, "routes", load_route) < 0 && !ld->lint) ||
	    (each_element(ld, "items", load_item) < 0 && !ld->lint) ||
	    (each_element(ld, "items", resolve_implements) < 0 && !ld->lint))
		return -1;

	/* 3. whole-catalog checks */
	if (!ld->have_meta) {
		struct vctx v = {ld, ld->nfiles ? &ld->files[0] : NULL, {{NULL, 0}}, 0};

		verr(&v, "katalog tidak memiliki bagian 'meta'");
		return -1;
	}
	if (rules_status_find(cat, "unknown") == NULL) {
		struct vctx v = section_ctx(ld, "statuses");

		verr(&v,
		     "statuses: status 'unknown' wajib ada (dipakai bila status tidak diberikan)");
		if (!ld->lint)
			return -1;
	}
	if (cat->nitems == 0) {
		struct vctx v = section_ctx(ld, "items");

		verr(&v, "katalog tidak memiliki butir");
		return -1;
	}
	if (check_level_coverage(ld) < 0 && !ld->lint)
		return -1;
	if (check_route_coverage(ld) < 0 && !ld->lint)
		return -1;
	return ld->nerr ? -1 : 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_json_name(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && strcmp(s + n - 5, ".json") == 0 && s[0] != '.';
}

static int
add_file(struct loader *ld, const char *name, const char *text, size_t len, char *owned)
{
	struct lfile *f;

	if (ld->nfiles >= RULES_MAX_FILES) {
		free(owned);
		return errbuf_set(ld->eb, ERR_INVALID_INPUT,
				  "%s: terlalu banyak berkas katalog (paling banyak %d)", name,
				  RULES_MAX_FILES);
	}
	f = &ld->files[ld->nfiles++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->text = text;
	f->len = len;
	f->owned = owned;
	return 0;
}

static int
read_dir(struct loader *ld, const char *dir)
{
	char path[1024], **names = NULL;
	size_t nnames = 0, i;
	struct dirent *de;
	DIR *d;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/rules", dir);
	d = opendir(path);
	if (d == NULL)
		return errbuf_set(ld->eb, ERR_INVALID_INPUT,
				  "%s: direktori katalog tidak dapat dibuka", path);
	while ((de = readdir(d)) != NULL) {
		if (!is_json_name(de->d_name))
			continue;
		if (nnames >= RULES_MAX_FILES) {
			errbuf_set(ld->eb, ERR_INVALID_INPUT,
				   "%s: terlalu banyak berkas (paling banyak %d)", path,
				   RULES_MAX_FILES);
			goto out;
		}
		names = xreallocarray(names, nnames + 1, sizeof(*names));
		names[nnames++] = xstrdup(de->d_name);
	}
	if (nnames == 0) {
		errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: tidak ada berkas *.json", path);
		goto out;
	}
	qsort(names, nnames, sizeof(*names), cmp_names);
	for (i = 0; i < nnames; i++) {
		char fpath[1400];
		struct stat st;
		FILE *f;
		char *text;
		size_t got;

		snprintf(fpath, sizeof(fpath), "%s/%s", path, names[i]);
		f = fopen(fpath, "rb");
		if (f == NULL || fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
			if (f)
				fclose(f);
			errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: tidak dapat dibaca", fpath);
			goto out;
		}
		if (st.st_size > RULES_MAX_FILE) {
			fclose(f);
			errbuf_set(ld->eb, ERR_INVALID_INPUT,
				   "%s:1: berkas terlalu besar (%lld bait, paling banyak %d)",
				   fpath, (long long)st.st_size, RULES_MAX_FILE);
			goto out;
		}
		text = xmalloc((size_t)st.st_size + 1);
		got = fread(text, 1, (size_t)st.st_size, f);
		fclose(f);
		text[got] = '\0';
		if (add_file(ld, fpath, text, got, text) < 0)
			goto out;
	}
	rc = 0;
out:
	closedir(d);
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int
read_embedded(struct loader *ld)
{
	static const char prefix[] = "data/rules/";
	size_t i;

	for (i = asset_prefix_first(prefix); i < asset_count; i++) {
		const struct asset *a = &asset_table[i];

		if (strncmp(a->name, prefix, sizeof(prefix) - 1) != 0)
			break;
		if (strchr(a->name + sizeof(prefix) - 1, '/') || !is_json_name(a->name))
			continue;
		if (add_file(ld, a->name, (const char *)a->data, a->len, NULL) < 0)
			return -1;
	}
	if (ld->nfiles == 0)
		return errbuf_set(ld->eb, ERR_INTERNAL,
				  "katalog bawaan tidak ada (data/rules/NAME.json)");
	return 0;
}

static void
loader_init(struct loader *ld, struct errbuf *eb)
{
	memset(ld, 0, sizeof(*ld));
	ld->eb = eb;
	ld->cat = xcalloc(1, sizeof(*ld->cat));
	arena_init(&ld->cat->arena, 64 * 1024);
	ld->cat->lx = text_lexicon_new();
	ld->st = text_stemmer_new();
}

static void
loader_release(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nfiles; i++) {
		json_decref(ld->files[i].root);
		free(ld->files[i].owned);
		free(ld->files[i].name);
	}
	text_stemmer_free(ld->st);
	ld->nfiles = 0;
}

static int
finish_load(struct loader *ld, struct rules_catalog **out)
{
	int rc = run_loader(ld);

	loader_release(ld);
	if (rc < 0) {
		rules_catalog_free(ld->cat);
		*out = NULL;
		return -1;
	}
	*out = ld->cat;
	return 0;
}

int
rules_catalog_load(struct rules_catalog **out, const char *dir, struct errbuf *eb)
{
	struct loader ld;

	*out = NULL;
	loader_init(&ld, eb);
	if ((dir && dir[0] ? read_dir(&ld, dir) : read_embedded(&ld)) < 0) {
		loader_release(&ld);
		rules_catalog_free(ld.cat);
		return -1;
	}
	return finish_load(&ld, out);
}

int
rules_catalog_load_files(struct rules_catalog **out, const struct rules_file *files, size_t nfiles,
			 struct errbuf *eb)
{
	struct loader ld;
	size_t i;

	*out = NULL;
	loader_init(&ld, eb);
	for (i = 0; i < nfiles; i++) {
		if (add_file(&ld, files[i].name, files[i].text, files[i].len, NULL) < 0) {
			loader_release(&ld);
			rules_catalog_free(ld.cat);
			return -1;
		}
	}
	return finish_load(&ld, out);
}

/* Each example of an item should be recognised as that item. */
static void
lint_examples(const struct rules_catalog *cat, void (*report)(void *, bool, const char *),
	      void *arg)
{
	struct rules_options opt;
	struct arena a;
	size_t i, e, k;

	rules_options_init(&opt);
	arena_init(&a, 64 * 1024);
	for (i = 0; i < cat->nitems; i++) {
		const struct rules_item *it = &cat->items[i];

		for (e = 0; e < it->nexamples; e++) {
			struct rules_facts f;
			struct rules_result r;
			struct errbuf eb;
			bool found = false;

			rules_facts_init(&f);
			f.text = it->examples[e];
			f.text_len = strlen(it->examples[e]);
			f.status = "PNS";
			f.date = cat->coverage.to;
			f.has_date = true;
			if (rules_check(cat, &opt, &f, &a, &r, &eb) == 0) {
				for (k = 0; k < r.nitems && k < 3; k++)
					if (r.items[k].item == it &&
					    r.items[k].score >= it->min_score)
						found = true;
			}
			if (!found && report) {
				char msg[640];

				snprintf(msg, sizeof(msg),
					 "%s:%d: peringatan: contoh %zu butir %s tidak dikenali "
					 "sebagai %s "
					 "(tiga teratas: %s %s %s): \"%.120s\"",
					 it->file, it->line, e + 1, it->id, it->id,
					 r.nitems > 0 ? r.items[0].item->id : "-",
					 r.nitems > 1 ? r.items[1].item->id : "-",
					 r.nitems > 2 ? r.items[2].item->id : "-", it->examples[e]);
				report(arg, true, msg);
			}
			arena_reset(&a);
		}
	}
	arena_release(&a);
}

static int
finish_lint(struct loader *ld, void (*report)(void *, bool, const char *), void *arg)
{
	int rc = run_loader(ld), nerr = ld->nerr;

	loader_release(ld);
	if (rc == 0 && nerr == 0)
		lint_examples(ld->cat, report, arg);
	rules_catalog_free(ld->cat);
	return nerr;
}

int
rules_lint(const char *dir, void (*report)(void *arg, bool warning, const char *msg), void *arg)
{
	struct loader ld;
	struct errbuf eb;

	loader_init(&ld, &eb);
	ld.lint = true;
	ld.report = report;
	ld.arg = arg;
	if ((dir && dir[0] ? read_dir(&ld, dir) : read_embedded(&ld)) < 0) {
		if (report)
			report(arg, false, eb.msg);
		loader_release(&ld);
		rules_catalog_free(ld.cat);
		return 1;
	}
	return finish_lint(&ld, report, arg);
}

int
rules_lint_files(const struct rules_file *files, size_t nfiles,
		 void (*report)(void *arg, bool warning, const char *msg), void *arg)
{
	struct loader ld;
	struct errbuf eb;
	size_t i;

	loader_init(&ld, &eb);
	ld.lint = true;
	ld.report = report;
	ld.arg = arg;
	for (i = 0; i < nfiles; i++) {
		if (add_file(&ld, files[i].name, files[i].text, files[i].len, NULL) < 0) {
			if (report)
				report(arg, false, eb.msg);
			loader_release(&ld);
			rules_catalog_free(ld.cat);
			return 1;
		}
	}
	return finish_lint(&ld, report, arg);
}
