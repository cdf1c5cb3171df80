/*
 * calendar.c - assemble a calendar from its data files: find them (the
 * embedded data/calendars/ or DIR/calendars/), hand each to its parser,
 * then index the holidays.  Also the [rules] options that change counting.
 *
 * Files are read in name order, so two loads of the same data give the
 * same calendar (election order included).  Admin additions from the
 * database (calendar_load_admin()) are applied after the files.  Any error
 * stops the load: half a calendar is never returned.  Also the holder
 * that lets the server replace its calendar while requests read it
 * (calendar_live), and the [rules] options that change counting.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "calendar/cal_internal.h"
#include "core/asset.h"
#include "core/config.h"
#include "core/xalloc.h"

#define CAL_DIR "calendars/"

struct calendar *
cal_new(const char *origin)
{
	struct calendar *cal = xcalloc(1, sizeof(*cal));

	arena_init(&cal->arena, 64 * 1024);
	cal->origin = arena_strdup(&cal->arena, origin ? origin : "data");
	return cal;
}

void
calendar_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->elections);
	free(cal->holidays);
	free(cal->rules);
	free(cal->intake);
	arena_release(&cal->arena);
	free(cal);
}

enum cal_file_kind { CF_NONE, CF_HOLIDAYS, CF_ZONES, CF_DEADLINES, CF_INTAKE, CF_ELECTION };

static enum cal_file_kind
classify(const char *name)
{
	const char *rest;
	size_t n;

	if (strncmp(name, CAL_DIR, sizeof(CAL_DIR) - 1) != 0)
		return CF_NONE;
	rest = name + sizeof(CAL_DIR) - 1;
	if (strcmp(rest, "holidays.csv") == 0)
		return CF_HOLIDAYS;
	if (strcmp(rest, "zones.csv") == 0)
		return CF_ZONES;
	if (strcmp(rest, "deadlines.json") == 0)
		return CF_DEADLINES;
	if (strcmp(rest, "intake.json") == 0)
		return CF_INTAKE;
	if (strncmp(rest, "elections/", 10) == 0) {
		rest += 10;
		n = strlen(rest);
		if (n > 5 && strcmp(rest + n - 5, ".json") == 0 && strchr(rest, '/') == NULL)
			return CF_ELECTION;
	}
	return CF_NONE;
}

static int
file_order(const void *a, const void *b)
{
	const struct calendar_file *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Parse files, then the admin additions (may be NULL), then index. */
static int
assemble(struct calendar **out, const struct calendar_file *files, size_t n, const char *origin,
	 const struct calendar_admin *admin, struct errbuf *eb)
{
	static const char *const required[] = {"calendars/holidays.csv", "calendars/zones.csv",
					       "calendars/deadlines.json", "calendars/intake.json"};
	struct calendar_file *sorted = NULL;
	struct calendar *cal;
	bool seen[CF_ELECTION + 1] = {false};
	size_t i;

	*out = NULL;
	if (n > CALENDAR_MAX_FILES)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s/%s: terlalu banyak berkas (maks. %d)",
				  origin, CAL_DIR, CALENDAR_MAX_FILES);
	cal = cal_new(origin);
	if (n) {
		sorted = xreallocarray(NULL, n, sizeof(*sorted));
		memcpy(sorted, files, n * sizeof(*sorted));
		qsort(sorted, n, sizeof(*sorted), file_order);
	}
	for (i = 0; i < n; i++) {
		enum cal_file_kind k = classify(sorted[i].name);
		char *label;
		int rc = 0;

		if (k == CF_NONE)
			continue;
		label = arena_printf(&cal->arena, "%s/%s", cal->origin, sorted[i].name);
		if (sorted[i].len > CALENDAR_MAX_FILE) {
			errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
					"%s: berkas terlalu besar (%zu byte; maks. %u)", label,
					sorted[i].len, CALENDAR_MAX_FILE);
			goto fail;
		}
		if (k != CF_ELECTION && seen[k]) {
			errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data", "%s: berkas ganda",
					label);
			goto fail;
		}
		seen[k] = true;
		switch (k) {
		case CF_HOLIDAYS:
			rc = cal_parse_holidays(cal, label, sorted[i].data, sorted[i].len, eb);
			break;
		case CF_ZONES:
			rc = cal_parse_zones(cal, label, sorted[i].data, sorted[i].len, eb);
			break;
		case CF_DEADLINES:
			rc = cal_parse_deadlines(cal, label, sorted[i].data, sorted[i].len, eb);
			break;
		case CF_INTAKE:
			rc = cal_parse_intake(cal, label, sorted[i].data, sorted[i].len, eb);
			break;
		case CF_ELECTION:
			rc = cal_parse_election(cal, label, sorted[i].data, sorted[i].len, eb);
			break;
		case CF_NONE: break;
		}
		if (rc < 0)
			goto fail;
	}
	for (i = 0; i < ARRAY_SIZE(required); i++) {
		if (!seen[classify(required[i])]) {
			errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
					"%s/%s: berkas tidak ada", cal->origin, required[i]);
			goto fail;
		}
	}
	if (admin) {
		cal->admin_phase = true;
		for (i = 0; i < admin->nelections; i++) {
			const struct calendar_file *f = &admin->elections[i];
			char *label = arena_printf(&cal->arena, "admin/%s", f->name);

			if (classify(f->name) != CF_ELECTION) {
				errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
						"%s: bukan nama berkas pemilihan", label);
				goto fail;
			}
			if (cal_parse_election(cal, label, f->data, f->len, eb) < 0)
				goto fail;
		}
		cal->admin_phase = false;
		if (cal_apply_admin_holidays(cal, admin->holidays, admin->nholidays, eb) < 0)
			goto fail;
	}
	if (cal_index_holidays(cal, eb) < 0)
		goto fail;
	free(sorted);
	*out = cal;
	return 0;
fail:
	free(sorted);
	calendar_free(cal);
	return -1;
}

int
calendar_load_files(struct calendar **out, const struct calendar_file *files, size_t n,
		    const char *origin, struct errbuf *eb)
{
	return assemble(out, files, n, origin, NULL, eb);
}

const char *
calendar_origin(const struct calendar *cal)
{
	return cal->origin;
}

/* --- reading the files ---------------------------------------------------- */

struct file_set {
	struct calendar_file *v;
	char **owned; /* heap copies of names and data (directory load) */
	size_t n, nowned;
};

static void
file_set_free(struct file_set *fs)
{
	size_t i;

	for (i = 0; i < fs->nowned; i++)
		free(fs->owned[i]);
	free(fs->owned);
	free(fs->v);
}

static void
file_set_add(struct file_set *fs, const char *name, const char *data, size_t len)
{
	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof(*fs->v));
	fs->v[fs->n].name = name;
	fs->v[fs->n].data = data;
	fs->v[fs->n].len = len;
	fs->n++;
}

static void
file_set_own(struct file_set *fs, char *p)
{
	fs->owned = xreallocarray(fs->owned, fs->nowned + 1, sizeof(*fs->owned));
	fs->owned[fs->nowned++] = p;
}

/* Read a whole file of at most CALENDAR_MAX_FILE bytes. */
static int
read_file(const char *path, char **out, size_t *len, struct errbuf *eb)
{
	FILE *f = fopen(path, "rb");
	char *p;
	size_t n;

	if (f == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s: tidak dapat dibuka: %s", path, strerror(errno));
	p = xmalloc(CALENDAR_MAX_FILE + 2);
	n = fread(p, 1, CALENDAR_MAX_FILE + 1, f);
	if (ferror(f)) {
		fclose(f);
		free(p);
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data", "%s: gagal dibaca",
				       path);
	}
	fclose(f);
	if (n > CALENDAR_MAX_FILE) {
		free(p);
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s: berkas terlalu besar (maks. %u byte)", path,
				       CALENDAR_MAX_FILE);
	}
	p[n] = '\0';
	*out = xrealloc(p, n + 1);
	*len = n;
	return 0;
}

static int
add_from_dir(struct file_set *fs, const char *dir, const char *rel, struct errbuf *eb)
{
	char path[4096];
	char *data = NULL;
	size_t len = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, rel) >= sizeof(path))
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s: path too long", dir);
	if (read_file(path, &data, &len, eb) < 0)
		return -1;
	file_set_own(fs, data);
	file_set_own(fs, xstrdup(rel));
	file_set_add(fs, fs->owned[fs->nowned - 1], data, len);
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_dir(struct file_set *fs, const char *dir, struct errbuf *eb)
{
	static const char *const fixed[] = {"calendars/holidays.csv", "calendars/zones.csv",
					    "calendars/deadlines.json", "calendars/intake.json"};
	char path[4096];
	char **names = NULL;
	size_t nnames = 0, i;
	DIR *d;
	struct dirent *de;
	int rc = -1;

	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		if (add_from_dir(fs, dir, fixed[i], eb) < 0)
			return -1;
	if ((size_t)snprintf(path, sizeof(path), "%s/calendars/elections", dir) >= sizeof(path))
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s: path too long", dir);
	d = opendir(path);
	if (d == NULL)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_data",
				       "%s: tidak dapat dibuka: %s", path, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.' || n < 6 || strcmp(de->d_name + n - 5, ".json") != 0)
			continue;
		if (nnames >= CALENDAR_MAX_FILES) {
			errbuf_set(eb, ERR_INVALID_INPUT, "%s: terlalu banyak berkas", path);
			goto out;
		}
		names = xreallocarray(names, nnames + 1, sizeof(*names));
		names[nnames++] = xstrdup(de->d_name);
	}
	qsort(names, nnames, sizeof(*names), name_cmp);
	for (i = 0; i < nnames; i++) {
		char rel[512];

		snprintf(rel, sizeof(rel), "calendars/elections/%.400s", names[i]);
		if (add_from_dir(fs, dir, rel, eb) < 0)
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

static void
load_embedded(struct file_set *fs)
{
	static const char prefix[] = "data/" CAL_DIR;
	size_t i;

	for (i = asset_prefix_first(prefix);
	     i < asset_count && strncmp(asset_table[i].name, prefix, sizeof(prefix) - 1) == 0; i++)
		file_set_add(fs, asset_table[i].name + 5, (const char *)asset_table[i].data,
			     asset_table[i].len);
}

int
calendar_load(struct calendar **out, const char *dir, struct errbuf *eb)
{
	return calendar_load_admin(out, dir, NULL, eb);
}

int
calendar_load_admin(struct calendar **out, const char *dir, const struct calendar_admin *admin,
		    struct errbuf *eb)
{
	struct file_set fs;
	int rc;

	memset(&fs, 0, sizeof(fs));
	*out = NULL;
	if (dir && dir[0]) {
		if (load_dir(&fs, dir, eb) < 0) {
			file_set_free(&fs);
			return -1;
		}
		rc = assemble(out, fs.v, fs.n, dir, admin, eb);
	} else {
		load_embedded(&fs);
		rc = assemble(out, fs.v, fs.n, "data", admin, eb);
	}
	file_set_free(&fs);
	return rc;
}

/* --- a calendar that may be replaced while it is read ----------------------- */

struct calendar_live {
	_Atomic(struct calendar *) cur;
	_Atomic int64_t version;
	pthread_mutex_t lock; /* publishers and the retired list */
	struct retired {
		struct calendar *cal;
	} * retired;
	size_t nretired;
};

struct calendar_live *
calendar_live_new(struct calendar *cal, int64_t version)
{
	struct calendar_live *l = xcalloc(1, sizeof(*l));

	atomic_init(&l->cur, cal);
	atomic_init(&l->version, version);
	pthread_mutex_init(&l->lock, NULL);
	return l;
}

const struct calendar *
calendar_live_get(const struct calendar_live *live)
{
	if (live == NULL)
		return NULL;
	return atomic_load_explicit(&((struct calendar_live *)(uintptr_t)live)->cur,
				    memory_order_acquire);
}

int64_t
calendar_live_version(const struct calendar_live *live)
{
	return live ? atomic_load(&((struct calendar_live *)(uintptr_t)live)->version) : 0;
}

void
calendar_live_publish(struct calendar_live *live, struct calendar *cal, int64_t version)
{
	struct calendar *old;

	pthread_mutex_lock(&live->lock);
	if (version < atomic_load(&live->version)) {
		/* a newer calendar is already in force (a reload raced a change) */
		pthread_mutex_unlock(&live->lock);
		calendar_free(cal);
		return;
	}
	old = atomic_exchange_explicit(&live->cur, cal, memory_order_acq_rel);
	atomic_store(&live->version, version);
	/* a request may still read the old one: retire it until exit */
	if (old) {
		live->retired =
			xreallocarray(live->retired, live->nretired + 1, sizeof(*live->retired));
		live->retired[live->nretired++].cal = old;
	}
	pthread_mutex_unlock(&live->lock);
}

void
calendar_live_free(struct calendar_live *live)
{
	size_t i;

	if (live == NULL)
		return;
	for (i = 0; i < live->nretired; i++)
		calendar_free(live->retired[i].cal);
	free(live->retired);
	calendar_free(atomic_load(&live->cur));
	pthread_mutex_destroy(&live->lock);
	free(live);
}

/* --- options -------------------------------------------------------------- */

void
calendar_opts_init(struct calendar_opts *o)
{
	o->cuti_bersama_is_workday = false;
	o->pemilu_laporan_unit = -1;
	o->ppk_tindak_lanjut_days = 0;
}

int
calendar_opts_from_config(struct calendar_opts *o, const struct config *cfg, struct errbuf *eb)
{
	calendar_opts_init(o);
	o->cuti_bersama_is_workday = cfg->cuti_bersama_is_workday;
	if (strcmp(cfg->pemilu_laporan_unit, "hari_kerja") == 0)
		o->pemilu_laporan_unit = DEADLINE_HARI_KERJA;
	else if (strcmp(cfg->pemilu_laporan_unit, "hari") == 0)
		o->pemilu_laporan_unit = DEADLINE_HARI;
	else
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "pemilu_laporan_unit",
					"[rules] pemilu_laporan_unit = \"%s\" tidak dikenal; pilih "
					"hari_kerja atau hari",
					cfg->pemilu_laporan_unit);
	if (cfg->ppk_tindak_lanjut_days < 1 || cfg->ppk_tindak_lanjut_days > DEADLINE_MAX_COUNT)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "ppk_tindak_lanjut_days",
					"[rules] ppk_tindak_lanjut_days = %ld di luar batas 1..%d",
					cfg->ppk_tindak_lanjut_days, DEADLINE_MAX_COUNT);
	o->ppk_tindak_lanjut_days = cfg->ppk_tindak_lanjut_days;
	return 0;
}
