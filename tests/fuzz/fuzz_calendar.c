/*
 * fuzz_calendar.c - the calendar data loaders (CSV and JSON, with their
 * file:line locator) on arbitrary bytes.
 *
 * The first byte picks which calendar file the rest replaces (holidays,
 * zones, deadlines, intake, an election); the other files are the
 * built-in ones, so a load that succeeds goes on to be queried.  Any
 * crash, leak or sanitizer report is a bug; a refusal is fine.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/cal_internal.h"
#include "core/asset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const targets[] = {
	"calendars/holidays.csv", "calendars/zones.csv",           "calendars/deadlines.json",
	"calendars/intake.json",  "calendars/elections/fuzz.json",
};

static void
query(const struct calendar *cal)
{
	struct calendar_opts o;
	struct deadline_result r;
	struct errbuf eb;
	char why[CALENDAR_REASON_LEN];
	size_t i;

	calendar_opts_init(&o);
	deadline_result_init(&r);
	for (i = 0; i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);

		(void)calendar_stage_at(e, (struct date){2024, 11, 27});
		(void)calendar_pilkada_intake_open(cal, e, 1732672800, &tz_wita, &o, why, NULL,
						   &eb);
	}
	(void)calendar_is_workday(cal, (struct date){2024, 2, 14}, &o, why, &eb);
	for (i = 0; i < deadline_rule_count(cal); i++)
		(void)deadline_compute(cal, deadline_rule_at(cal, i), (struct date){2024, 12, 20},
				       &tz_wib, &o, &r, &eb);
	deadline_result_release(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct calendar_file files[64];
	struct calendar *cal = NULL;
	struct cal_jpath path = {0};
	struct errbuf eb;
	const char *target;
	char *text;
	size_t n = 0, i;

	if (size < 1 || size > 256 * 1024)
		return 0;
	target = targets[data[0] % (sizeof(targets) / sizeof(targets[0]))];
	text = malloc(size);
	memcpy(text, data + 1, size - 1);
	for (i = asset_prefix_first("data/calendars/");
	     i < asset_count && strncmp(asset_table[i].name, "data/calendars/", 15) == 0 && n < 63;
	     i++) {
		const char *name = asset_table[i].name + 5;

		if (strcmp(name, target) == 0)
			continue;
		files[n++] = (struct calendar_file){name, (const char *)asset_table[i].data,
						    asset_table[i].len};
	}
	files[n++] = (struct calendar_file){target, text, size - 1};
	if (calendar_load_files(&cal, files, n, "fuzz", &eb) == 0) {
		query(cal);
		calendar_free(cal);
	}
	cal_jpath_push_key(&path, "stages");
	cal_jpath_push_index(&path, 1);
	cal_jpath_push_key(&path, "end");
	(void)cal_json_line(text, size - 1, &path);
	free(text);
	return 0;
}
