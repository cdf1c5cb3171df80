/*
 * cmd_calendar.c - `netra calendar`: show what the calendar data says, so
 * legal staff can check an edit before deploying it.
 *
 *   netra calendar                 the elections, voting days, penetapan
 *   netra calendar ELECTION        the stages of one election
 *   netra calendar YYYY-MM-DD      that day: working day or why not, and the
 *                                  stage of every election it falls in
 *
 * Loading the calendar is itself the check: a malformed file fails with
 * file:line and exit status 1.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "cli/cli.h"
#include "cli/cmd_calendar_admin.h"
#include "core/str.h"

static const struct cli_opt calendar_opts_list[] = {
	{"json", NULL, "print JSON"},
	{"kind", "KIND", "holiday add: libur, cuti_bersama or pemungutan"},
	{"name", "TEXT", "holiday add: the holiday's name"},
	{"basis", "TEXT", "holiday add: the SKB or Keppres"},
	{"source", "URL", "holiday add: address of the source (optional)"},
	{"year", "Y", "holiday list: one year only"},
	{NULL, NULL, NULL},
};

static void
print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	if (s) {
		puts(s);
		free(s);
	}
	json_decref(j);
}

static json_t *
jdate(bool has, struct date d)
{
	char s[DATE_STRLEN];

	if (!has)
		return json_null();
	date_format(d, s);
	return json_string(s);
}

static json_t *
flags_json(unsigned flags)
{
	json_t *a = json_array();
	unsigned f;

	for (f = 1; f <= STAGE_NO_INTAKE; f <<= 1)
		if (flags & f)
			json_array_append_new(a, json_string(calendar_stage_flag_name(f)));
	return a;
}

static int
list_elections(const struct calendar *cal, bool json)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);
		char v[DATE_STRLEN] = "belum", p[DATE_STRLEN] = "belum";

		if (json) {
			json_t *regions = json_array();
			size_t k;

			for (k = 0; k < e->nregions; k++)
				json_array_append_new(regions, json_string(e->regions[k]));
			json_array_append_new(
				arr,
				json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:i, s:s, s:s}",
					  "id", e->id, "kind", calendar_election_kind_name(e->kind),
					  "follows", calendar_election_clock_name(e), "name",
					  e->name, "voting_day",
					  jdate(e->has_voting_day, e->voting_day), "penetapan",
					  jdate(e->has_penetapan, e->penetapan), "penetapan_note",
					  e->penetapan_note, "regions", regions, "stages",
					  (int)e->nstages, "note", e->note, "origin",
					  e->admin ? "admin" : "data"));
			continue;
		}
		if (e->has_voting_day)
			date_format(e->voting_day, v);
		if (e->has_penetapan)
			date_format(e->penetapan, p);
		printf("%-20s %-8s pemungutan %-10s penetapan %-10s %s\n", e->id,
		       calendar_election_kind_name(e->kind), v, p, e->name);
	}
	if (json)
		print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

static int
show_election(const struct election *e, bool json)
{
	size_t i;

	if (json) {
		json_t *stages = json_array();

		for (i = 0; i < e->nstages; i++) {
			const struct election_stage *s = &e->stages[i];

			json_array_append_new(
				stages, json_pack("{s:s, s:s, s:o, s:o, s:o, s:s}", "id", s->id,
						  "name", s->name, "start", jdate(true, s->start),
						  "end", jdate(true, s->end), "flags",
						  flags_json(s->flags), "note", s->note));
		}
		print_json(json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:o}", "id", e->id, "name",
				     e->name, "basis", e->basis, "voting_day",
				     jdate(e->has_voting_day, e->voting_day), "penetapan",
				     jdate(e->has_penetapan, e->penetapan), "note", e->note,
				     "stages", stages));
		return CLI_OK;
	}
	printf("%s - %s\ndasar: %s\n", e->id, e->name, e->basis);
	if (e->has_voting_day) {
		char s[64];

		date_format_long_id(e->voting_day, s, sizeof(s));
		printf("pemungutan suara: %s\n", s);
	}
	if (e->has_penetapan) {
		char s[64];

		date_format_long_id(e->penetapan, s, sizeof(s));
		printf("penetapan calon: %s (%s)\n", s, e->penetapan_note);
	}
	if (e->note[0])
		printf("catatan: %s\n", e->note);
	for (i = 0; i < e->nstages; i++) {
		const struct election_stage *s = &e->stages[i];
		char a[DATE_STRLEN], b[DATE_STRLEN];
		unsigned f;

		date_format(s->start, a);
		date_format(s->end, b);
		printf("  %s .. %s  %-28s %s", a, b, s->id, s->name);
		for (f = 1; f <= STAGE_NO_INTAKE; f <<= 1)
			if (s->flags & f)
				printf(" [%s]", f == STAGE_CAMPAIGN ? "kampanye"
						: f == STAGE_QUIET  ? "tenang"
						: f == STAGE_VOTING ? "pemungutan"
						: f == STAGE_RECAP  ? "rekapitulasi"
								    : "laporan pilkada ditutup");
		putchar('\n');
	}
	return CLI_OK;
}

static int
show_day(const struct calendar *cal, const struct calendar_opts *opts, struct date d, bool json)
{
	char reason[CALENDAR_REASON_LEN], ds[DATE_STRLEN], longd[64];
	struct errbuf eb;
	json_t *stages = json_array();
	bool provisional = false; /* past the holiday data: the weekday alone */
	int w = calendar_is_workday_provisional(cal, d, opts, reason, &provisional, &eb);
	size_t i;

	date_format(d, ds);
	date_format_long_id(d, longd, sizeof(longd));
	for (i = 0; i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);
		const struct election_stage *s = calendar_stage_at(e, d);

		if (s)
			json_array_append_new(stages,
					      json_pack("{s:s, s:s, s:s, s:o}", "election", e->id,
							"stage", s->id, "name", s->name, "flags",
							flags_json(calendar_stage_flags_at(e, d))));
	}
	if (json) {
		json_t *j = json_pack("{s:s}", "date", ds);

		if (w < 0) {
			json_object_set_new(j, "workday", json_null());
			json_object_set_new(j, "error",
					    json_pack("{s:s, s:s}", "code", errbuf_code(&eb),
						      "message", eb.msg));
		} else {
			json_object_set_new(j, "workday", json_boolean(w == 1));
			if (w == 0)
				json_object_set_new(j, "reason", json_string(reason));
			json_object_set_new(j, "provisional", json_boolean(provisional));
			if (provisional)
				json_object_set_new(
					j, "provisional_reason",
					json_sprintf("data hari libur %d belum dimuat; hanya hari "
						     "dalam pekan yang dinilai",
						     d.year));
		}
		json_object_set_new(j, "stages", stages);
		print_json(j);
		return w < 0 ? CLI_FAIL : CLI_OK;
	}
	printf("%s (%s): ", longd, ds);
	if (w < 0)
		printf("tidak diketahui: %s\n", eb.msg);
	else if (w)
		printf("hari kerja%s\n", provisional ? " (perkiraan)" : "");
	else
		printf("bukan hari kerja: %s%s\n", reason, provisional ? " (perkiraan)" : "");
	if (provisional)
		printf("  perkiraan: data hari libur %d belum dimuat; hanya hari dalam pekan yang "
		       "dinilai, libur nasional tahun itu belum diketahui\n",
		       d.year);
	for (i = 0; i < json_array_size(stages); i++) {
		json_t *s = json_array_get(stages, i);

		printf("  %s: %s (%s)\n", json_string_value(json_object_get(s, "election")),
		       json_string_value(json_object_get(s, "name")),
		       json_string_value(json_object_get(s, "stage")));
	}
	json_decref(stages);
	return w < 0 ? CLI_FAIL : CLI_OK;
}

static int show(struct cli *cli, const struct calendar *cal, const struct calendar_opts *opts,
		bool json);

static int
run_calendar(struct cli *cli)
{
	struct calendar *cal = NULL;
	struct calendar_opts opts;
	struct errbuf eb;
	bool json = cli_flag(cli, "json");
	int rc;

	if (cli->nargs >= 1 &&
	    (strcmp(cli->args[0], "holiday") == 0 || strcmp(cli->args[0], "election") == 0))
		return cmd_calendar_admin(cli);
	if (cli->nargs > 1)
		return cli_usage_error(cli, "expected at most one ELECTION or DATE");
	if (calendar_opts_from_config(&opts, &cli->cfg, &eb) < 0)
		return cli_fail("%s", eb.msg);
	/* with a database in --data, what admins added counts too */
	if (cli_calendar_load(cli, &cal, &eb) < 0)
		return cli_fail("%s", eb.msg);
	rc = show(cli, cal, &opts, json);
	calendar_free(cal);
	return rc;
}

static int
show(struct cli *cli, const struct calendar *cal, const struct calendar_opts *opts, bool json)
{
	struct date d;
	int rc;

	if (cli->nargs == 0) {
		rc = list_elections(cal, json);
	} else if (date_parse(str_from(cli->args[0]), &d) == 0) {
		rc = show_day(cal, opts, d, json);
	} else {
		const struct election *e = calendar_election_find(cal, cli->args[0]);

		if (e)
			rc = show_election(e, json);
		else
			rc = cli_fail(
				"no election or date '%s' (netra calendar lists the elections)",
				cli->args[0]);
	}
	return rc;
}

const struct cli_cmd cmd_calendar = {
	.name = "calendar",
	.usage = "[ELECTION | YYYY-MM-DD] [--json] | holiday add DATE --kind libur|cuti_bersama|"
		 "pemungutan --name TEXT --basis TEXT [--source URL] | holiday import FILE.csv | "
		 "holiday list [--year Y] [--json] | holiday remove ID | election add FILE",
	.summary = "Show elections, their stages, or whether a day is a working day; "
		   "add holidays and elections.",
	.description =
		"  (none)      list the elections with voting day and penetapan of candidates\n"
		"  ELECTION    the stages of one election (e.g. pilkada2024)\n"
		"  YYYY-MM-DD  working day or why not, and the stages that day falls in\n"
		"  holiday add DATE   add a holiday (kind libur = libur_nasional, cuti_bersama,\n"
		"              pemungutan = libur_pemilu) to the database in --data; it\n"
		"              replaces a built-in row of the same date and kind\n"
		"  holiday import FILE.csv  the columns of holidays.csv; every row is checked\n"
		"              first (file:line), then all are stored in one transaction\n"
		"  holiday list  built-in and admin rows (ASAL data/admin, NOMOR for remove)\n"
		"  holiday remove ID  remove an admin row (an amended SKB)\n"
		"  election add FILE  one election JSON (format of data/calendars/elections/)\n"
		"Every change is written to the audit chain, open deadlines it moves are\n"
		"recomputed, and a running server picks it up within a few seconds.\n"
		"Loading the data is a check of its own: a malformed calendar file fails\n"
		"with file:line.  --knowledge-dir DIR reads DIR/calendars/ instead of the\n"
		"built-in data.",
	.opts = calendar_opts_list,
	.run = run_calendar,
};
