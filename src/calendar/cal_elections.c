/*
 * cal_elections.c - one election per file (data/calendars/elections/ID.json):
 * kind, voting day, penetapan of candidates, stages with flags, and the
 * regions where a regional election is held.
 *
 * A date that is not fixed yet is left out of the file (with a note
 * saying so) rather than guessed: has_voting_day / has_penetapan are then
 * false.  Invariants checked here: the id equals the file's base name,
 * ids are [a-z0-9_], every stage has start <= end, stage ids are unique
 * within the election, and a voting day falls inside every stage flagged
 * "voting".
 */
#include <stdio.h>
#include <string.h>

#include "calendar/cal_internal.h"
#include "core/xalloc.h"

static const struct {
	const char *name;
	unsigned flag;
} stage_flag_names[] = {
	{"campaign", STAGE_CAMPAIGN}, {"quiet", STAGE_QUIET},         {"voting", STAGE_VOTING},
	{"recap", STAGE_RECAP},       {"no_intake", STAGE_NO_INTAKE},
};

bool
cal_id_valid(const char *s, size_t maxlen, bool dots)
{
	size_t i;

	if (s[0] == '\0')
		return false;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (i >= maxlen)
			return false;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		      (dots && c == '.')))
			return false;
	}
	return true;
}

unsigned
cal_stage_flag(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(stage_flag_names); i++)
		if (strcmp(stage_flag_names[i].name, name) == 0)
			return stage_flag_names[i].flag;
	return 0;
}

const char *
calendar_stage_flag_name(unsigned flag)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(stage_flag_names); i++)
		if (stage_flag_names[i].flag == flag)
			return stage_flag_names[i].name;
	return "?";
}

int
cal_json_flags(struct cal_jdoc *d, json_t *obj, const char *key, unsigned *out)
{
	const char *const *names;
	size_t n, i;

	*out = 0;
	if (cal_json_strv(d, obj, key, 8, 16, &names, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned f = cal_stage_flag(names[i]);

		if (f == 0) {
			cal_jpath_push_key(&d->path, key);
			cal_jpath_push_index(&d->path, i);
			return cal_jerr(
				d, NULL,
				"tanda \"%s\" tidak dikenal; pilih campaign, quiet, voting, "
				"recap atau no_intake",
				names[i]);
		}
		*out |= f;
	}
	return 0;
}

/* base name of "calendars/elections/pemilu2024.json" is "pemilu2024" */
static bool
id_matches_file(const char *id, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t n;

	base = base ? base + 1 : file;
	n = strlen(base);
	if (n < 6 || strcmp(base + n - 5, ".json") != 0)
		return false;
	return strlen(id) == n - 5 && strncmp(base, id, n - 5) == 0;
}

static const char *const election_keys[] = {
	"id",        "kind",           "follows", "name", "name_en", "basis",  "voting_day",
	"penetapan", "penetapan_note", "regions", "note", "sources", "stages", NULL};

static const char *const kind_names[] = {
	[ELECTION_PEMILU] = "pemilu",
	[ELECTION_PILKADA] = "pilkada",
	[ELECTION_PEMILIHAN_ULANG] = "pemilihan_ulang",
	[ELECTION_PSU] = "psu",
};

const char *
calendar_election_kind_name(enum election_kind k)
{
	return (size_t)k < ARRAY_SIZE(kind_names) ? kind_names[k] : "?";
}

int
calendar_election_kind_parse(const char *s)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(kind_names); i++)
		if (strcmp(kind_names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
calendar_election_clock_name(const struct election *e)
{
	return e->clock == ELECTION_PILKADA ? "pilkada" : "pemilu";
}
static const char *const stage_keys[] = {"id",    "name", "start",   "end",
					 "flags", "note", "sources", NULL};

static int
parse_stage(struct cal_jdoc *d, json_t *js, struct election *e, struct election_stage *st)
{
	const char *const *sources;
	size_t nsources, k;

	if (!json_is_object(js))
		return cal_jerr(d, NULL, "setiap tahapan harus berupa objek {...}");
	if (cal_json_check_keys(d, js, stage_keys) < 0 ||
	    cal_json_strcpy(d, js, "id", true, st->id, sizeof(st->id)) < 0 ||
	    cal_json_strcpy(d, js, "name", true, st->name, sizeof(st->name)) < 0 ||
	    cal_json_date(d, js, "start", true, &st->start, NULL) < 0 ||
	    cal_json_date(d, js, "end", true, &st->end, NULL) < 0 ||
	    cal_json_flags(d, js, "flags", &st->flags) < 0 ||
	    cal_json_str(d, js, "note", false, 2000, &st->note) < 0 ||
	    cal_json_strv(d, js, "sources", 16, 1000, &sources, &nsources) < 0)
		return -1;
	if (!cal_id_valid(st->id, sizeof(st->id) - 1, false))
		return cal_jerr(d, "id", "id tahapan hanya boleh huruf kecil, angka dan _");
	if (date_cmp(st->start, st->end) > 0)
		return cal_jerr(d, "end", "tanggal akhir sebelum tanggal mulai");
	for (k = 0; k < (size_t)(st - e->stages); k++)
		if (strcmp(e->stages[k].id, st->id) == 0)
			return cal_jerr(d, "id", "id tahapan \"%s\" sudah dipakai", st->id);
	return 0;
}

int
cal_parse_election(struct calendar *cal, const char *file, const char *text, size_t len,
		   struct errbuf *eb)
{
	struct cal_jdoc d = {
		.file = file, .text = text, .len = len, .arena = &cal->arena, .eb = eb};
	struct election e;
	struct election_stage *stages = NULL;
	const char *kind = NULL, *follows = NULL, *const * sources;
	int k;
	json_t *root, *jstages, *js;
	size_t i, nsources;
	int rc = -1;

	memset(&e, 0, sizeof(e));
	root = cal_json_load(&d);
	if (root == NULL)
		return -1;
	if (cal_json_check_keys(&d, root, election_keys) < 0 ||
	    cal_json_strcpy(&d, root, "id", true, e.id, sizeof(e.id)) < 0 ||
	    cal_json_str(&d, root, "kind", true, 16, &kind) < 0 ||
	    cal_json_str(&d, root, "follows", false, 16, &follows) < 0 ||
	    cal_json_strcpy(&d, root, "name", true, e.name, sizeof(e.name)) < 0 ||
	    cal_json_str(&d, root, "name_en", false, 128, &e.name_en) < 0 ||
	    cal_json_str(&d, root, "basis", true, 1000, &e.basis) < 0 ||
	    cal_json_date(&d, root, "voting_day", false, &e.voting_day, &e.has_voting_day) < 0 ||
	    cal_json_date(&d, root, "penetapan", false, &e.penetapan, &e.has_penetapan) < 0 ||
	    cal_json_strcpy(&d, root, "penetapan_note", false, e.penetapan_note,
			    sizeof(e.penetapan_note)) < 0 ||
	    cal_json_str(&d, root, "note", false, 4000, &e.note) < 0 ||
	    cal_json_strv(&d, root, "sources", 32, 1000, &sources, &nsources) < 0 ||
	    cal_json_strv(&d, root, "regions", 600, 13, &e.regions, &e.nregions) < 0)
		goto out;
	if (!cal_id_valid(e.id, sizeof(e.id) - 1, false)) {
		cal_jerr(&d, "id", "id pemilihan hanya boleh huruf kecil, angka dan _");
		goto out;
	}
	if (!id_matches_file(e.id, file)) {
		cal_jerr(&d, "id", "id \"%s\" harus sama dengan nama berkas (%s.json)", e.id, e.id);
		goto out;
	}
	if (calendar_election_find(cal, e.id) && !cal->admin_phase) {
		cal_jerr(&d, "id", "pemilihan \"%s\" sudah dimuat dari berkas lain", e.id);
		goto out;
	}
	k = calendar_election_kind_parse(kind);
	if (k < 0) {
		cal_jerr(&d, "kind",
			 "jenis \"%s\" tidak dikenal; pilih pemilu, pilkada, pemilihan_ulang atau "
			 "psu",
			 kind);
		goto out;
	}
	e.kind = (enum election_kind)k;
	if (e.kind == ELECTION_PEMILU || e.kind == ELECTION_PILKADA) {
		if (follows && strcmp(follows, kind) != 0) {
			cal_jerr(&d, "follows",
				 "\"follows\" hanya untuk pemilihan_ulang dan psu (jenis %s "
				 "mengikuti dirinya sendiri)",
				 kind);
			goto out;
		}
		e.clock = e.kind;
	} else if (follows && strcmp(follows, "pemilu") == 0) {
		e.clock = ELECTION_PEMILU;
	} else if (follows && strcmp(follows, "pilkada") == 0) {
		e.clock = ELECTION_PILKADA;
	} else {
		cal_jerr(&d, follows ? "follows" : NULL,
			 "%s memerlukan \"follows\": \"pemilu\" atau \"pilkada\" (pemilihan "
			 "yang diulang menentukan batas waktu dan jam penerimaan laporan)",
			 kind);
		goto out;
	}
	if (!e.has_voting_day && (e.note == NULL || e.note[0] == '\0')) {
		cal_jerr(&d, NULL,
			 "voting_day tidak ada: isi \"note\" yang menjelaskan mengapa tanggalnya "
			 "belum dapat dicantumkan");
		goto out;
	}
	if (e.has_penetapan && e.penetapan_note[0] == '\0') {
		cal_jerr(&d, NULL,
			 "penetapan memerlukan penetapan_note (penetapan apa, sumbernya)");
		goto out;
	}
	if (e.has_penetapan && e.has_voting_day && date_cmp(e.penetapan, e.voting_day) > 0) {
		cal_jerr(&d, "penetapan", "penetapan calon sesudah hari pemungutan suara");
		goto out;
	}
	for (i = 0; i < e.nregions; i++) {
		if (!cal_region_valid(e.regions[i])) {
			cal_jpath_push_key(&d.path, "regions");
			cal_jpath_push_index(&d.path, i);
			cal_jerr(&d, NULL, "kode wilayah \"%s\" tidak sah (mis. 19.71)",
				 e.regions[i]);
			goto out;
		}
	}
	jstages = json_object_get(root, "stages");
	if (jstages && !json_is_null(jstages)) {
		if (!json_is_array(jstages)) {
			cal_jerr(&d, "stages", "harus berupa daftar [...]");
			goto out;
		}
		if (json_array_size(jstages) > CALENDAR_MAX_STAGES) {
			cal_jerr(&d, "stages", "terlalu banyak tahapan (paling banyak %d)",
				 CALENDAR_MAX_STAGES);
			goto out;
		}
		stages = arena_array(&cal->arena, json_array_size(jstages) + 1, sizeof(*stages));
		e.stages = stages;
		cal_jpath_push_key(&d.path, "stages");
		json_array_foreach(jstages, i, js)
		{
			cal_jpath_push_index(&d.path, i);
			if (parse_stage(&d, js, &e, &stages[i]) < 0)
				goto out;
			if (stages[i].note == NULL)
				stages[i].note = "";
			if ((stages[i].flags & STAGE_VOTING) && e.has_voting_day &&
			    (date_cmp(e.voting_day, stages[i].start) < 0 ||
			     date_cmp(e.voting_day, stages[i].end) > 0)) {
				cal_jerr(&d, NULL,
					 "tahapan bertanda voting tidak memuat voting_day dari "
					 "berkas "
					 "ini");
				goto out;
			}
			cal_jpath_pop(&d.path);
			e.nstages = i + 1;
		}
		cal_jpath_pop(&d.path);
	}
	if (e.note == NULL)
		e.note = "";
	e.file = arena_strdup(&cal->arena, file);
	e.admin = cal->admin_phase;
	for (i = 0; i < cal->nelections; i++) {
		if (strcmp(cal->elections[i].id, e.id) == 0) { /* an admin replaces a data file */
			cal->elections[i] = e;
			rc = 0;
			goto out;
		}
	}
	cal->elections =
		xreallocarray(cal->elections, cal->nelections + 1, sizeof(*cal->elections));
	cal->elections[cal->nelections++] = e;
	rc = 0;
out:
	json_decref(root);
	return rc;
}

const struct election *
calendar_election_find(const struct calendar *cal, const char *id)
{
	size_t i;

	for (i = 0; i < cal->nelections; i++)
		if (strcmp(cal->elections[i].id, id) == 0)
			return &cal->elections[i];
	return NULL;
}

size_t
calendar_election_count(const struct calendar *cal)
{
	return cal->nelections;
}

const struct election *
calendar_election_at(const struct calendar *cal, size_t i)
{
	return i < cal->nelections ? &cal->elections[i] : NULL;
}

static bool
stage_contains(const struct election_stage *s, struct date d)
{
	return date_cmp(s->start, d) <= 0 && date_cmp(d, s->end) <= 0;
}

const struct election_stage *
calendar_stage_at(const struct election *e, struct date d)
{
	const struct election_stage *best = NULL;
	size_t i;

	for (i = 0; i < e->nstages; i++) {
		const struct election_stage *s = &e->stages[i];
		int c;

		if (!stage_contains(s, d))
			continue;
		if (best == NULL) {
			best = s;
			continue;
		}
		c = date_cmp(s->start, best->start);
		if (c > 0 || (c == 0 && date_cmp(s->end, best->end) < 0))
			best = s;
	}
	return best;
}

unsigned
calendar_stage_flags_at(const struct election *e, struct date d)
{
	unsigned flags = 0;
	size_t i;

	for (i = 0; i < e->nstages; i++)
		if (stage_contains(&e->stages[i], d))
			flags |= e->stages[i].flags;
	return flags;
}

/* a is b, or a lies inside b ("19.71.01" inside "19.71"). */
static bool
region_within(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '.');
}

bool
calendar_election_in_region(const struct election *e, const char *region)
{
	size_t i;

	if (e->nregions == 0)
		return true;
	if (region == NULL || region[0] == '\0')
		return false;
	for (i = 0; i < e->nregions; i++)
		if (region_within(region, e->regions[i]) || region_within(e->regions[i], region))
			return true;
	return false;
}
