/*
 * labels.c - codes into words (see labels.h).
 *
 * Invariants: pure lookups over loaded, immutable data (the catalog, the
 * calendar, the rule catalog): safe from any thread; nothing is allocated.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "check/check.h"
#include "core/str.h"
#include "export/export.h"
#include "rules/rules.h"
#include "web/i18n.h"
#include "web/labels.h"
#include "web/web.h"

static const char *const set_prefix[] = {
	[LABEL_STATE] = "label.state.",
	[LABEL_KIND] = "label.kind.",
	[LABEL_LEVEL] = "label.level.",
	[LABEL_CMP] = "label.cmp.",
	[LABEL_DEADLINE] = "label.dl.",
	[LABEL_OFFICE_LEVEL] = "label.office_level.",
	[LABEL_OFFICE_KIND] = "label.office_kind.",
};

bool
labels_en(const struct labels *lb)
{
	return lb && lb->lang && strcmp(i18n_lang(lb->lang), "en") == 0;
}

/* "<prefix><code>" from the catalog, or code when it has no such key */
static const char *
catalog_word(const struct i18n *lang, const char *prefix, const char *code)
{
	char key[128];
	const char *v;

	if (snprintf(key, sizeof(key), "%s%s", prefix, code) >= (int)sizeof(key))
		return code;
	v = i18n_get(lang, key);
	return v == key || strcmp(v, key) == 0 ? code : v;
}

static const char *
election_word(const struct labels *lb, const char *id)
{
	const struct election *e = lb->cal ? calendar_election_find(lb->cal, id) : NULL;

	if (e == NULL)
		return id;
	return labels_en(lb) && e->name_en && e->name_en[0] ? e->name_en : e->name;
}

static const char *
rule_word(const struct labels *lb, const char *id)
{
	size_t i, n = lb->cal ? deadline_rule_count(lb->cal) : 0;

	for (i = 0; i < n; i++) {
		const struct deadline_rule *r = deadline_rule_at(lb->cal, i);

		if (strcmp(r->id, id) == 0)
			return labels_en(lb) && r->title_en && r->title_en[0] ? r->title_en
									      : r->title;
	}
	return id;
}

static const char *
status_word(const struct labels *lb, const char *id)
{
	const struct rules_status *s = lb->cat ? rules_status_find(lb->cat, id) : NULL;

	if (s == NULL)
		return id;
	return labels_en(lb) && s->name_en && s->name_en[0] ? s->name_en : s->name;
}

const char *
label_word(const struct labels *lb, enum label_set set, const char *code)
{
	const struct rules_item *it;

	if (code == NULL || code[0] == '\0')
		return "";
	if (lb == NULL)
		return code;
	switch (set) {
	case LABEL_STATUS: return status_word(lb, code);
	case LABEL_ELECTION: return election_word(lb, code);
	case LABEL_RULE: return rule_word(lb, code);
	case LABEL_ITEM:
		it = lb->cat ? rules_item_find(lb->cat, code) : NULL;
		return it && it->title ? it->title : code;
	case LABEL_STATE:
	case LABEL_KIND:
	case LABEL_LEVEL:
	case LABEL_CMP:
	case LABEL_DEADLINE:
	case LABEL_OFFICE_LEVEL:
	case LABEL_OFFICE_KIND:
		return lb->lang ? catalog_word(lb->lang, set_prefix[set], code) : code;
	}
	return code;
}

void
label_date(const struct i18n *lang, struct date d, char *out, size_t outsz)
{
	char wk[24], mo[24];

	snprintf(wk, sizeof(wk), "date.weekday.%d", date_weekday(d));
	snprintf(mo, sizeof(mo), "date.month.%d", d.month);
	snprintf(out, outsz, "%s, %d %s %d", i18n_get(lang, wk), d.day, i18n_get(lang, mo), d.year);
}

void
label_time(const struct i18n *lang, int64_t t, const struct tz *zone, char *out, size_t outsz)
{
	struct date d;
	char day[96];
	int s;

	if (zone == NULL)
		zone = &tz_wita;
	d = time_local_date(t, zone->offset_min);
	s = time_local_seconds(t, zone->offset_min);
	label_date(lang, d, day, sizeof(day));
	snprintf(out, outsz, "%s %02d%s%02d %s", day, s / 3600, i18n_get(lang, "label.time.sep"),
		 s / 60 % 60, zone->name);
}

void
web_labels(struct http_request *req, struct labels *out)
{
	struct app *app = req->app;

	out->lang = web_lang(req);
	out->cal = app_cal(app);
	out->cat = app->check ? check_service_catalog(app->check) : NULL;
}

/* --- the export's words ------------------------------------------------------------ */

static const char *
export_word(const void *arg, enum export_word what, const char *code)
{
	const struct labels *lb = arg;
	static const enum label_set sets[] = {
		[EXPORT_WORD_ELECTION] = LABEL_ELECTION, [EXPORT_WORD_KIND] = LABEL_KIND,
		[EXPORT_WORD_STATE] = LABEL_STATE,       [EXPORT_WORD_STATUS] = LABEL_STATUS,
		[EXPORT_WORD_LEVEL] = LABEL_LEVEL,       [EXPORT_WORD_CMP] = LABEL_CMP,
		[EXPORT_WORD_RULE] = LABEL_RULE,
	};

	if (code == NULL || code[0] == '\0')
		return "";
	if (what == EXPORT_WORD_TEXT)
		return lb->lang ? catalog_word(lb->lang, "label.", code) : code;
	return label_word(lb, sets[what], code);
}

void
labels_export_words(const struct labels *lb, struct export_words *out)
{
	out->word = export_word;
	out->arg = lb;
}
