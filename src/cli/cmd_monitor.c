/*
 * cmd_monitor.c - `netra monitor FILE...`: screen feeds and load the items
 * at or above the threshold (and every item of a watched ASN account) into
 * the triage queue.  Flags only; the work is in src/screening (ingest,
 * account list) and src/scan (the engine).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "cli/cli.h"
#include "ident/region.h"
#include "screening/screening.h"

static const struct cli_opt monitor_opts[] = {
	{"format", "F", "jsonl, rss, text (one item per line) or auto (default)"},
	{"accounts", "FILE", "import this account list (CSV or JSON lines) first"},
	{"threshold", "X", "store items scoring at least X, 0 < X <= 1 (default: model.json)"},
	{"election", "ID", "the election the items belong to (pemilu2024, pilkada2024, ...)"},
	{"region", "CODE", "region of the source when the author's account has none (64.08)"},
	{"batch", "N", "items per group-committed write (default 512)"},
	{"json", NULL, "print the summary as one JSON object"},
	{NULL, NULL, NULL},
};

/* Read a whole file ("-" = stdin) of at most max bytes. */
static char *
read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b, max);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (f != stdin)
		fclose(f);
	if (buf_failed(&b)) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, len);
}

static void
on_error(void *arg, const char *where, const char *msg)
{
	(void)arg;
	fprintf(stderr, "netra monitor: %s: %s\n", where, msg);
}

static json_t *
labels_json(const uint64_t *v)
{
	json_t *o = json_object();
	int i;

	for (i = 0; i < SCAN_LABEL__COUNT; i++)
		json_object_set_new(o, scan_label_name((enum scan_label)i),
				    json_integer((json_int_t)v[i]));
	return o;
}

static void
print_summary(const struct screening_ingest_stats *st, size_t naccounts, bool json)
{
	int i;

	if (json) {
		char *text;
		json_t *o = json_pack(
			"{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:f, s:I, s:o, s:o}", "read",
			(json_int_t)st->read, "errors", (json_int_t)st->errors, "stored",
			(json_int_t)st->stored, "duplicates", (json_int_t)st->duplicates, "below",
			(json_int_t)st->below, "watched", (json_int_t)st->watched, "untimed",
			(json_int_t)st->untimed, "threshold", (double)st->threshold, "accounts",
			(json_int_t)naccounts, "by_label", labels_json(st->by_label),
			"stored_by_label", labels_json(st->stored_by_label));
		text = json_dumps(o, JSON_COMPACT);
		printf("%s\n", text ? text : "{}");
		free(text);
		json_decref(o);
		return;
	}
	printf("netra monitor: %llu butir dipindai, %llu galat; %llu masuk antrean, %llu "
	       "duplikat, %llu di bawah ambang %.2f\n",
	       (unsigned long long)st->read, (unsigned long long)st->errors,
	       (unsigned long long)st->stored, (unsigned long long)st->duplicates,
	       (unsigned long long)st->below, (double)st->threshold);
	printf("  dipindai per label:");
	for (i = SCAN_LABEL__COUNT - 1; i >= 0; i--)
		printf(" %s %llu%s", scan_label_title((enum scan_label)i),
		       (unsigned long long)st->by_label[i], i ? "," : "\n");
	printf("  masuk antrean per label:");
	for (i = SCAN_LABEL__COUNT - 1; i >= 0; i--)
		printf(" %s %llu%s", scan_label_title((enum scan_label)i),
		       (unsigned long long)st->stored_by_label[i], i ? "," : "\n");
	printf("  akun ASN terpantau: %llu butir (daftar memuat %zu akun)\n",
	       (unsigned long long)st->watched, naccounts);
	if (st->untimed)
		printf("  %llu butir dengan waktu (ts) yang tidak terbaca: waktu unggahan dianggap "
		       "tidak diketahui\n",
		       (unsigned long long)st->untimed);
}

static int
import_accounts(struct app *app, const char *path)
{
	struct screening_import_stats st;
	struct errbuf eb;
	size_t len;
	char *p = read_file(path, SCREENING_LIST_BYTES, &len);
	int rc;

	if (p == NULL)
		return cli_fail("tidak dapat membaca daftar akun %s (paling besar %u byte)", path,
				SCREENING_LIST_BYTES);
	rc = screening_accounts_import(app->store, p, len, SCREENING_LIST_AUTO, app->regions,
				       "sistem", 0, &st, &eb);
	free(p);
	if (rc < 0)
		return cli_fail("%s: %s", path, eb.msg);
	fprintf(stderr,
		"netra monitor: daftar akun %s: %zu baris (%zu baru, %zu diperbarui, %zu "
		"tertaut ke registri)\n",
		path, st.rows, st.created, st.updated, st.linked);
	return CLI_OK;
}

static int
run_monitor(struct cli *cli)
{
	struct screening_ingest_opts o;
	struct screening_ingest_stats st;
	struct screening_accounts *acc = NULL;
	struct screening_ingest *g;
	struct app app;
	struct errbuf eb;
	const char *s;
	char region[REGION_CODE_MAX] = "";
	enum scan_format fmt = SCAN_FORMAT_AUTO;
	int i, rc = CLI_OK, nfail = 0;

	memset(&o, 0, sizeof(o));
	if (cli->nargs == 0)
		return cli_usage_error(cli, "sebutkan paling sedikit satu FILE (\"-\" = stdin)");
	s = cli_opt(cli, "format");
	if (s && (scan_format_parse(s, &fmt) < 0 || fmt == SCAN_FORMAT_DOC))
		return cli_usage_error(cli, "--format harus jsonl, rss, text atau auto");
	if ((s = cli_opt(cli, "threshold"))) {
		char *end;
		double d = strtod(s, &end);

		if (end == s || *end || !(d > 0 && d <= 1))
			return cli_usage_error(cli, "--threshold harus angka 0 < X <= 1");
		o.threshold = (float)d;
	}
	if ((s = cli_opt(cli, "batch"))) {
		char *end;
		long n = strtol(s, &end, 10);

		if (end == s || *end || n < 1 || n > 100000)
			return cli_usage_error(cli, "--batch harus 1..100000");
		o.batch_items = (size_t)n;
	}
	if (app_open(&app, &cli->cfg, APP_STORE | APP_KNOWLEDGE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	if ((s = cli_opt(cli, "election")) && calendar_election_find(app_cal(&app), s) == NULL) {
		rc = cli_usage_error(cli, "--election %s tidak dikenal dalam kalender", s);
		goto out;
	}
	o.election = s;
	if ((s = cli_opt(cli, "region"))) {
		struct region reg;
		uint64_t key;
		int level;

		if (region_code_parse(s, strlen(s), &key, &level) < 0) {
			rc = cli_usage_error(cli, "--region harus kode wilayah Kemendagri (64.08)");
			goto out;
		}
		region_code_format(key, level, region);
		if (region_find(app.regions, region, &reg) < 0) {
			rc = cli_usage_error(cli, "--region %s tidak ada dalam daftar wilayah",
					     region);
			goto out;
		}
		o.region = region;
	}
	if ((s = cli_opt(cli, "accounts")) && (rc = import_accounts(&app, s)) != CLI_OK)
		goto out;
	if (screening_accounts_load(&acc, app.store, &eb) < 0) {
		rc = cli_fail("%s", eb.msg);
		goto out;
	}
	o.store = app.store;
	o.lex = app.scan;
	o.accounts = acc;
	o.channel = "cli";
	o.actor = "sistem";
	o.on_error = on_error;
	g = screening_ingest_new(&o);
	for (i = 0; i < cli->nargs; i++) {
		if (screening_ingest_file(g, cli->args[i], fmt, &eb) < 0) {
			fprintf(stderr, "netra monitor: %s\n", eb.msg);
			nfail++;
		}
	}
	if (screening_ingest_finish(g, &st, &eb) < 0) {
		fprintf(stderr, "netra monitor: penyimpanan gagal: %s\n", eb.msg);
		nfail++;
	}
	screening_ingest_free(g);
	print_summary(&st, screening_accounts_count(acc), cli_flag(cli, "json"));
	rc = nfail || st.errors ? CLI_FAIL : CLI_OK;
out:
	screening_accounts_free(acc);
	app_close(&app);
	return rc;
}

const struct cli_cmd cmd_monitor = {
	.name = "monitor",
	.usage = "FILE... [--format jsonl|rss|text|auto] [--accounts FILE] [--threshold X] "
		 "[--election ID] [--region CODE] [--json]",
	.summary = "Screen feeds and load the flagged items into the officers' triage queue.",
	.description = "  Each FILE (\"-\" = stdin) is read as a stream: JSON lines with\n"
		       "  {\"id\",\"source\",\"author\",\"url\",\"ts\",\"text\"}, an RSS or Atom "
		       "feed, or\n"
		       "  plain text with one item per line.  Items scoring at or above the\n"
		       "  threshold, and every item whose author is on the watched-account list\n"
		       "  (flagged, screened as a known ASN account), are stored for triage\n"
		       "  (GET /api/v1/screening, /kantor/penyaringan).  The same text is stored\n"
		       "  once (BLAKE2b-128 content hash).  --accounts FILE first imports an\n"
		       "  account list (as `netra accounts import`).  An item's region is its\n"
		       "  account's, else --region, else unknown (then only national and\n"
		       "  provincial offices see it).  Exit status 1 when a file could not be\n"
		       "  read, an item was malformed or a write failed.",
	.opts = monitor_opts,
	.run = run_monitor,
};
