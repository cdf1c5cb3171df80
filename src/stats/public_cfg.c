/*
 * public_cfg.c - data/stats/transparansi.json: the suppression threshold,
 * the rounding of totals and the outcome categories of the public page.
 *
 * The parser is pure over (text, len) and strict: unknown keys (other than
 * "_comments") are errors, every string is bounded, every id is
 * [a-z0-9_], so a typo by whoever edits the file is reported with the
 * file name instead of silently changing what the public sees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "stats/stats_internal.h"

#define CFG_REL          "stats/transparansi.json"
#define CFG_MAX_BYTES    (256 * 1024)
#define CFG_MAX_OUTCOMES 32
#define CFG_MAX_STATES   24
#define CFG_MAX_NOTE     2000

/* A bounded text: valid UTF-8 (jansson checks), no control characters. */
static bool
text_ok(const char *s, size_t max)
{
	size_t i, n;

	if (s == NULL)
		return false;
	n = strlen(s);
	if (n == 0 || n > max)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return false;
	return true;
}

static int
fail(struct errbuf *eb, const char *source, const char *what)
{
	return errbuf_set(eb, ERR_INVALID_INPUT, "%s: %s", source, what);
}

static bool
known_key(const char *key, const char *const *keys)
{
	size_t i;

	if (key[0] == '_')
		return true; /* comments */
	for (i = 0; keys[i]; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

static int
check_keys(json_t *o, const char *const *keys, const char *source, struct errbuf *eb)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v)
	{
		if (!known_key(key, keys))
			return errbuf_set(eb, ERR_INVALID_INPUT, "%s: kunci tidak dikenal '%.60s'",
					  source, key);
	}
	return 0;
}

/* A bilingual label {"id": ..., "en": ...} into two buffers. */
static int
label(json_t *o, char *id, size_t idsz, char *en, size_t ensz, const char *source,
      struct errbuf *eb)
{
	static const char *const keys[] = {"id", "en", NULL};
	const char *a = json_string_value(json_object_get(o, "id"));
	const char *b = json_string_value(json_object_get(o, "en"));

	if (!json_is_object(o) || check_keys(o, keys, source, eb) < 0)
		return json_is_object(o) ? -1 : fail(eb, source, "label harus objek {id, en}");
	if (!text_ok(a, idsz - 1) || !text_ok(b, ensz - 1))
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "%s: label harus berisi id dan en, masing-masing 1..%zu byte",
				  source, idsz - 1);
	cstr_copy(id, idsz, a);
	cstr_copy(en, ensz, b);
	return 0;
}

static int
state_list(json_t *a, char ***out, const char *source, struct errbuf *eb)
{
	json_t *v;
	size_t i;

	*out = NULL;
	if (a == NULL || (json_is_array(a) && json_array_size(a) == 0))
		return 0; /* any */
	if (!json_is_array(a) || json_array_size(a) > CFG_MAX_STATES)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s: daftar keadaan paling banyak %d kode",
				  source, CFG_MAX_STATES);
	*out = xcalloc(json_array_size(a) + 1, sizeof(**out));
	json_array_foreach(a, i, v)
	{
		const char *s = json_string_value(v);

		if (!stats_ident_ok(s, 31))
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "%s: kode keadaan harus huruf kecil, angka atau '_'",
					  source);
		(*out)[i] = xstrdup(s);
	}
	return 0;
}

static void
free_list(char **l)
{
	size_t i;

	for (i = 0; l && l[i]; i++)
		free(l[i]);
	free(l);
}

void
stats_public_cfg_release(struct stats_public_cfg *c)
{
	size_t i;

	for (i = 0; i < c->noutcomes; i++) {
		free_list(c->outcomes[i].case_states);
		free_list(c->outcomes[i].track_states);
	}
	free(c->outcomes);
	free(c->note_id);
	free(c->note_en);
	memset(c, 0, sizeof(*c));
}

static int
parse_outcomes(struct stats_public_cfg *out, json_t *a, const char *source, struct errbuf *eb)
{
	static const char *const keys[] = {"id", "label", "case_states", "track_states", NULL};
	json_t *o;
	size_t i, k;

	if (!json_is_array(a) || json_array_size(a) == 0 || json_array_size(a) > CFG_MAX_OUTCOMES)
		return errbuf_set(eb, ERR_INVALID_INPUT, "%s: outcomes harus daftar 1..%d kategori",
				  source, CFG_MAX_OUTCOMES);
	out->outcomes = xcalloc(json_array_size(a), sizeof(*out->outcomes));
	json_array_foreach(a, i, o)
	{
		struct stats_outcome *oc = &out->outcomes[i];
		const char *id = json_string_value(json_object_get(o, "id"));

		out->noutcomes = i + 1;
		if (!json_is_object(o))
			return fail(eb, source, "setiap kategori harus objek");
		if (check_keys(o, keys, source, eb) < 0)
			return -1;
		if (!stats_ident_ok(id, sizeof(oc->id) - 1))
			return fail(eb, source,
				    "id kategori harus 1..31 huruf kecil, angka atau '_'");
		for (k = 0; k < i; k++)
			if (strcmp(out->outcomes[k].id, id) == 0)
				return errbuf_set(eb, ERR_INVALID_INPUT, "%s: kategori '%s' ganda",
						  source, id);
		cstr_copy(oc->id, sizeof(oc->id), id);
		if (label(json_object_get(o, "label"), oc->label_id, sizeof(oc->label_id),
			  oc->label_en, sizeof(oc->label_en), source, eb) < 0 ||
		    state_list(json_object_get(o, "case_states"), &oc->case_states, source, eb) <
			    0 ||
		    state_list(json_object_get(o, "track_states"), &oc->track_states, source, eb) <
			    0)
			return -1;
		if (oc->case_states == NULL && oc->track_states == NULL)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "%s: kategori '%s' perlu case_states atau track_states",
					  source, id);
	}
	return 0;
}

int
stats_public_cfg_parse(struct stats_public_cfg *out, const char *text, size_t len,
		       const char *source, struct errbuf *eb)
{
	static const char *const keys[] = {"threshold", "total_rounding", "note", "outcomes", NULL};
	json_error_t jerr;
	json_t *root = NULL, *v, *note;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (len > CFG_MAX_BYTES) {
		fail(eb, source, "berkas terlalu besar");
		goto out;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: JSON tidak sah: %s", source, jerr.line,
			   jerr.text);
		goto out;
	}
	if (!json_is_object(root)) {
		fail(eb, source, "isi berkas harus objek JSON");
		goto out;
	}
	if (check_keys(root, keys, source, eb) < 0)
		goto out;
	v = json_object_get(root, "threshold");
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000) {
		fail(eb, source, "threshold harus bilangan bulat 1..1000");
		goto out;
	}
	out->threshold = (int64_t)json_integer_value(v);
	v = json_object_get(root, "total_rounding");
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000) {
		fail(eb, source, "total_rounding harus bilangan bulat 1..1000");
		goto out;
	}
	out->total_base = (int64_t)json_integer_value(v);
	note = json_object_get(root, "note");
	if (note) {
		char *a = xmalloc(CFG_MAX_NOTE + 1), *b = xmalloc(CFG_MAX_NOTE + 1);
		int lrc = label(note, a, CFG_MAX_NOTE + 1, b, CFG_MAX_NOTE + 1, source, eb);

		out->note_id = a;
		out->note_en = b;
		if (lrc < 0)
			goto out;
	}
	if (parse_outcomes(out, json_object_get(root, "outcomes"), source, eb) < 0)
		goto out;
	rc = 0;
out:
	json_decref(root);
	if (rc < 0)
		stats_public_cfg_release(out);
	return rc;
}

int
stats_public_cfg_load(struct stats_public_cfg *out, const char *dir, struct errbuf *eb)
{
	char path[1024];
	FILE *f;
	char *text;
	size_t n;
	int rc;

	if (dir == NULL || dir[0] == '\0') {
		const struct asset *a = asset_find("data/" CFG_REL);

		if (a == NULL)
			return errbuf_set(eb, ERR_INTERNAL, "data/%s tidak tertanam", CFG_REL);
		return stats_public_cfg_parse(out, (const char *)a->data, a->len, "data/" CFG_REL,
					      eb);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, CFG_REL);
	f = fopen(path, "rb");
	if (f == NULL)
		return errbuf_set(eb, ERR_NOT_FOUND, "%s tidak dapat dibuka", path);
	text = xmalloc(CFG_MAX_BYTES + 1);
	n = fread(text, 1, CFG_MAX_BYTES + 1, f);
	fclose(f);
	rc = stats_public_cfg_parse(out, text, n, path, eb);
	free(text);
	return rc;
}

static bool
in_list(char *const *l, const char *s)
{
	size_t i;

	if (l == NULL)
		return true; /* not given: any */
	for (i = 0; l[i]; i++)
		if (strcmp(l[i], s) == 0)
			return true;
	return false;
}

int
stats_outcome_of(const struct stats_public_cfg *c, const char *case_state, const char *track_state)
{
	size_t i;

	for (i = 0; i < c->noutcomes; i++)
		if (in_list(c->outcomes[i].case_states, case_state) &&
		    in_list(c->outcomes[i].track_states, track_state))
			return (int)i;
	return -1;
}
