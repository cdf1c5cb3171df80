/*
 * cal_rules.c - deadlines.json (deadline rules) and intake.json (when a
 * laporan may be filed), both dated data with their legal basis.
 *
 * A rule id may appear more than once when the law changed: each version
 * carries effective_from / effective_to (inclusive) and versions of one id
 * may not overlap, so for a given start date at most one applies.  Every
 * rule names its sources and a confidence level; a rule whose unit or
 * count the configuration may change names that option.
 */
#include <stdio.h>
#include <string.h>

#include "calendar/cal_internal.h"
#include "core/xalloc.h"

static const char *const confidence_names[] = {"confirmed", "single_source", "disputed",
					       "unconfirmed", NULL};

static const struct {
	const char *name;
	enum deadline_option opt;
} option_names[] = {
	{"pemilu_laporan_unit", DEADLINE_OPT_PEMILU_LAPORAN_UNIT},
	{"ppk_tindak_lanjut_days", DEADLINE_OPT_PPK_TINDAK_LANJUT_DAYS},
};

const char *
cal_option_name(enum deadline_option o)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(option_names); i++)
		if (option_names[i].opt == o)
			return option_names[i].name;
	return "";
}

/* -inf/+inf when a bound is absent */
static bool
ranges_overlap(bool af, struct date a0, bool at, struct date a1, bool bf, struct date b0, bool bt,
	       struct date b1)
{
	/* a ends before b starts, or b ends before a starts */
	if (at && bf && date_cmp(a1, b0) < 0)
		return false;
	if (bt && af && date_cmp(b1, a0) < 0)
		return false;
	return true;
}

static int
parse_confidence(struct cal_jdoc *d, json_t *obj, const char **out)
{
	size_t i;

	if (cal_json_str(d, obj, "confidence", true, 32, out) < 0)
		return -1;
	for (i = 0; confidence_names[i]; i++)
		if (strcmp(confidence_names[i], *out) == 0)
			return 0;
	return cal_jerr(d, "confidence",
			"\"%s\" tidak dikenal; pilih confirmed, single_source, disputed atau "
			"unconfirmed",
			*out);
}

static int
parse_effective(struct cal_jdoc *d, json_t *obj, bool *has_from, struct date *from, bool *has_to,
		struct date *to)
{
	if (cal_json_date(d, obj, "effective_from", false, from, has_from) < 0 ||
	    cal_json_date(d, obj, "effective_to", false, to, has_to) < 0)
		return -1;
	if (*has_from && *has_to && date_cmp(*from, *to) > 0)
		return cal_jerr(d, "effective_to", "effective_to sebelum effective_from");
	return 0;
}

static const char *const rule_keys[] = {
	"id",    "title",    "count",      "parts",        "unit",           "starts",
	"basis", "sources",  "confidence", "configurable", "effective_from", "effective_to",
	"note",  "title_en", NULL};
static const char *const part_keys[] = {"count", "what", NULL};

static int
parse_parts(struct cal_jdoc *d, json_t *jr, struct deadline_rule *r)
{
	json_t *jp = json_object_get(jr, "parts"), *item;
	struct deadline_part *parts;
	size_t i;
	long sum = 0;

	if (jp == NULL || json_is_null(jp))
		return 0;
	if (!json_is_array(jp) || json_array_size(jp) < 2 ||
	    json_array_size(jp) > DEADLINE_MAX_PARTS)
		return cal_jerr(d, "parts",
				"harus daftar 2..%d bagian [{\"count\", \"what\"}, ...]",
				DEADLINE_MAX_PARTS);
	parts = arena_array(d->arena, json_array_size(jp), sizeof(*parts));
	cal_jpath_push_key(&d->path, "parts");
	json_array_foreach(jp, i, item)
	{
		long c = 0;

		cal_jpath_push_index(&d->path, i);
		if (!json_is_object(item))
			return cal_jerr(d, NULL, "setiap bagian harus objek {\"count\", \"what\"}");
		if (cal_json_check_keys(d, item, part_keys) < 0 ||
		    cal_json_int(d, item, "count", true, 1, DEADLINE_MAX_COUNT, &c) < 0 ||
		    cal_json_str(d, item, "what", true, 500, &parts[i].what) < 0)
			return -1;
		parts[i].count = (int)c;
		sum += c;
		cal_jpath_pop(&d->path);
	}
	cal_jpath_pop(&d->path);
	if (sum > DEADLINE_MAX_COUNT)
		return cal_jerr(d, "parts", "jumlah bagian %ld melebihi %d", sum,
				DEADLINE_MAX_COUNT);
	if (json_object_get(jr, "count") && r->count != (int)sum)
		return cal_jerr(d, "count", "count %d tidak sama dengan jumlah parts (%ld)",
				r->count, sum);
	r->parts = parts;
	r->nparts = json_array_size(jp);
	r->count = (int)sum;
	return 0;
}

static int
parse_rule(struct cal_jdoc *d, struct calendar *cal, json_t *jr, struct deadline_rule *r)
{
	const char *unit = NULL, *opt = NULL;
	long count = 0;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->line = cal_json_line(d->text, d->len, &d->path);
	if (!json_is_object(jr))
		return cal_jerr(d, NULL, "setiap aturan harus berupa objek {...}");
	if (cal_json_check_keys(d, jr, rule_keys) < 0 ||
	    cal_json_str(d, jr, "id", true, DEADLINE_ID_LEN - 1, &r->id) < 0 ||
	    cal_json_str(d, jr, "title", true, 200, &r->title) < 0 ||
	    cal_json_str(d, jr, "title_en", false, 200, &r->title_en) < 0 ||
	    cal_json_int(d, jr, "count", false, 1, DEADLINE_MAX_COUNT, &count) < 0 ||
	    cal_json_str(d, jr, "unit", true, 16, &unit) < 0 ||
	    cal_json_str(d, jr, "starts", true, 500, &r->starts) < 0 ||
	    cal_json_str(d, jr, "basis", true, 1000, &r->basis) < 0 ||
	    cal_json_strv(d, jr, "sources", 16, 1000, &r->sources, &r->nsources) < 0 ||
	    parse_confidence(d, jr, &r->confidence) < 0 ||
	    cal_json_str(d, jr, "configurable", false, 64, &opt) < 0 ||
	    cal_json_str(d, jr, "note", false, 2000, &r->note) < 0 ||
	    parse_effective(d, jr, &r->has_from, &r->effective_from, &r->has_to, &r->effective_to) <
		    0)
		return -1;
	r->count = (int)count;
	if (parse_parts(d, jr, r) < 0)
		return -1;
	if (r->count == 0)
		return cal_jerr(d, NULL, "aturan memerlukan \"count\" atau \"parts\"");
	if (!cal_id_valid(r->id, DEADLINE_ID_LEN - 1, true))
		return cal_jerr(d, "id", "id aturan hanya boleh huruf kecil, angka, _ dan .");
	if (strcmp(unit, "hari") == 0)
		r->unit = DEADLINE_HARI;
	else if (strcmp(unit, "hari_kerja") == 0)
		r->unit = DEADLINE_HARI_KERJA;
	else
		return cal_jerr(d, "unit",
				"satuan \"%s\" tidak dikenal; pilih hari atau hari_kerja", unit);
	if (r->nsources == 0)
		return cal_jerr(d, NULL, "aturan memerlukan \"sources\" (alamat sumbernya)");
	if (opt) {
		for (i = 0; i < ARRAY_SIZE(option_names); i++)
			if (strcmp(option_names[i].name, opt) == 0)
				r->option = option_names[i].opt;
		if (r->option == DEADLINE_OPT_NONE)
			return cal_jerr(d, "configurable",
					"opsi \"%s\" tidak dikenal; pilih pemilu_laporan_unit atau "
					"ppk_tindak_lanjut_days",
					opt);
		if (r->option == DEADLINE_OPT_PPK_TINDAK_LANJUT_DAYS && r->nparts)
			return cal_jerr(
				d, "configurable",
				"jumlah hari aturan bertahap (parts) tidak dapat diubah opsi");
	}
	if (r->note == NULL)
		r->note = "";
	for (i = 0; i < cal->nrules; i++) {
		const struct deadline_rule *o = &cal->rules[i];

		if (strcmp(o->id, r->id) == 0 &&
		    ranges_overlap(o->has_from, o->effective_from, o->has_to, o->effective_to,
				   r->has_from, r->effective_from, r->has_to, r->effective_to))
			return cal_jerr(
				d, "id",
				"aturan \"%s\" sudah ada (baris %u) untuk masa berlaku yang "
				"sama; beri effective_from/effective_to yang tidak tumpang tindih",
				r->id, o->line);
	}
	return 0;
}

int
cal_parse_deadlines(struct calendar *cal, const char *file, const char *text, size_t len,
		    struct errbuf *eb)
{
	static const char *const top_keys[] = {"note", "rules", NULL};
	struct cal_jdoc d = {
		.file = file, .text = text, .len = len, .arena = &cal->arena, .eb = eb};
	json_t *root, *jrules, *jr;
	size_t i;
	int rc = -1;

	root = cal_json_load(&d);
	if (root == NULL)
		return -1;
	if (cal_json_check_keys(&d, root, top_keys) < 0)
		goto out;
	jrules = json_object_get(root, "rules");
	if (!json_is_array(jrules)) {
		cal_jerr(&d, NULL, "kunci \"rules\" wajib ada dan berupa daftar [...]");
		goto out;
	}
	if (json_array_size(jrules) > 1000) {
		cal_jerr(&d, "rules", "terlalu banyak aturan (paling banyak 1000)");
		goto out;
	}
	cal_jpath_push_key(&d.path, "rules");
	json_array_foreach(jrules, i, jr)
	{
		struct deadline_rule r;

		cal_jpath_push_index(&d.path, i);
		if (parse_rule(&d, cal, jr, &r) < 0)
			goto out;
		cal->rules = xreallocarray(cal->rules, cal->nrules + 1, sizeof(*cal->rules));
		cal->rules[cal->nrules++] = r;
		cal_jpath_pop(&d.path);
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}

/* "08:00" -> 480 */
static int
parse_hhmm(const char *s, int *out)
{
	if (strlen(s) != 5 || s[2] != ':' || s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' ||
	    s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
		return -1;
	*out = ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
	return *out < 24 * 60 ? 0 : -1;
}

static const char *const day_names[] = {"minggu", "senin", "selasa", "rabu",
					"kamis",  "jumat", "sabtu"};

static const char *const intake_keys[] = {"id",
					  "election_kind",
					  "days",
					  "open",
					  "close",
					  "closed_stage_flags",
					  "closed_on_holidays",
					  "effective_from",
					  "effective_to",
					  "basis",
					  "sources",
					  "confidence",
					  "note",
					  NULL};

static int
parse_intake_rule(struct cal_jdoc *d, struct calendar *cal, json_t *ji, struct intake_rule *r)
{
	const char *kind = NULL, *open = NULL, *close = NULL, *confidence = NULL;
	const char *const *days, *const *sources;
	size_t ndays, nsources, i, k;

	memset(r, 0, sizeof(*r));
	r->line = cal_json_line(d->text, d->len, &d->path);
	if (!json_is_object(ji))
		return cal_jerr(d, NULL, "setiap aturan harus berupa objek {...}");
	if (cal_json_check_keys(d, ji, intake_keys) < 0 ||
	    cal_json_str(d, ji, "id", true, DEADLINE_ID_LEN - 1, &r->id) < 0 ||
	    cal_json_str(d, ji, "election_kind", true, 16, &kind) < 0 ||
	    cal_json_strv(d, ji, "days", 7, 8, &days, &ndays) < 0 ||
	    cal_json_str(d, ji, "open", true, 5, &open) < 0 ||
	    cal_json_str(d, ji, "close", true, 5, &close) < 0 ||
	    cal_json_flags(d, ji, "closed_stage_flags", &r->closed_flags) < 0 ||
	    cal_json_bool(d, ji, "closed_on_holidays", &r->closed_on_holidays) < 0 ||
	    parse_effective(d, ji, &r->has_from, &r->effective_from, &r->has_to, &r->effective_to) <
		    0 ||
	    cal_json_str(d, ji, "basis", true, 1000, &r->basis) < 0 ||
	    cal_json_strv(d, ji, "sources", 16, 1000, &sources, &nsources) < 0 ||
	    parse_confidence(d, ji, &confidence) < 0 ||
	    cal_json_str(d, ji, "note", false, 2000, &r->note) < 0)
		return -1;
	if (strcmp(kind, "pemilu") == 0)
		r->kind = ELECTION_PEMILU;
	else if (strcmp(kind, "pilkada") == 0)
		r->kind = ELECTION_PILKADA;
	else
		return cal_jerr(d, "election_kind", "pilih pemilu atau pilkada");
	if (ndays == 0)
		return cal_jerr(d, NULL, "\"days\" wajib berisi hari layanan (senin ... minggu)");
	for (i = 0; i < ndays; i++) {
		for (k = 0; k < 7; k++)
			if (strcmp(days[i], day_names[k]) == 0)
				break;
		if (k == 7) {
			cal_jpath_push_key(&d->path, "days");
			cal_jpath_push_index(&d->path, i);
			return cal_jerr(d, NULL, "hari \"%s\" tidak dikenal (senin ... minggu)",
					days[i]);
		}
		r->weekdays |= 1u << k;
	}
	if (parse_hhmm(open, &r->open_min) < 0)
		return cal_jerr(d, "open", "jam tidak sah (format HH:MM, mis. 08:00)");
	if (parse_hhmm(close, &r->close_min) < 0)
		return cal_jerr(d, "close", "jam tidak sah (format HH:MM, mis. 16:00)");
	if (r->close_min < r->open_min)
		return cal_jerr(d, "close", "jam tutup sebelum jam buka");
	if (nsources == 0)
		return cal_jerr(d, NULL, "aturan memerlukan \"sources\" (alamat sumbernya)");
	if (r->note == NULL)
		r->note = "";
	for (i = 0; i < cal->nintake; i++) {
		const struct intake_rule *o = &cal->intake[i];

		if (o->kind == r->kind &&
		    ranges_overlap(o->has_from, o->effective_from, o->has_to, o->effective_to,
				   r->has_from, r->effective_from, r->has_to, r->effective_to))
			return cal_jerr(
				d, NULL,
				"aturan jam layanan untuk %s sudah ada (baris %u) pada masa "
				"berlaku yang sama",
				kind, o->line);
	}
	return 0;
}

int
cal_parse_intake(struct calendar *cal, const char *file, const char *text, size_t len,
		 struct errbuf *eb)
{
	static const char *const top_keys[] = {"note", "intake", NULL};
	struct cal_jdoc d = {
		.file = file, .text = text, .len = len, .arena = &cal->arena, .eb = eb};
	json_t *root, *jlist, *ji;
	size_t i;
	int rc = -1;

	root = cal_json_load(&d);
	if (root == NULL)
		return -1;
	if (cal_json_check_keys(&d, root, top_keys) < 0)
		goto out;
	jlist = json_object_get(root, "intake");
	if (!json_is_array(jlist) || json_array_size(jlist) > 100) {
		cal_jerr(&d, NULL,
			 "kunci \"intake\" wajib ada dan berupa daftar [...] (maks. 100)");
		goto out;
	}
	cal_jpath_push_key(&d.path, "intake");
	json_array_foreach(jlist, i, ji)
	{
		struct intake_rule r;

		cal_jpath_push_index(&d.path, i);
		if (parse_intake_rule(&d, cal, ji, &r) < 0)
			goto out;
		cal->intake = xreallocarray(cal->intake, cal->nintake + 1, sizeof(*cal->intake));
		cal->intake[cal->nintake++] = r;
		cal_jpath_pop(&d.path);
	}
	rc = 0;
out:
	json_decref(root);
	return rc;
}
