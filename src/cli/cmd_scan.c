/*
 * cmd_scan.c - `netra scan`: screen texts for possible violations of ASN
 * neutrality, explain one text, or evaluate against labelled texts.
 * Flags only; the work is in src/scan (engine, file runner) and src/feed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "rules/rules.h"
#include "scan/catalog.h"
#include "scan/run.h"
#include "scan/scan.h"

#define JOBS_DEFAULT_MAX 8

static const struct cli_opt scan_opts[] = {
	{"json", NULL, "one JSON object per item: {id,label,score,items,spans[,ts]}"},
	{"format", "F", "jsonl, rss, text (one item per line), doc (whole file) or auto"},
	{"election", "ID", "candidate names of one election only (pemilu2024, pilkada2024)"},
	{"threshold", "X", "score for possible_violation, 0 < X <= 1 (default: model.json)"},
	{"min-label", "L",
	 "print items at or above L (default: all with --json, else "
	 "possible_violation)"},
	{"assume-asn", NULL, "the authors are known ASN accounts"},
	{"hash", NULL, "add the content hash (BLAKE2b-128) to each JSON object"},
	{"jobs", "N", "worker threads (default: CPUs, at most 8)"},
	{"no-progress", NULL,
	 "no progress line (drawn when stderr is a terminal and stdout is not)"},
	{"stats", NULL, "print totals and throughput on stderr"},
	{"eval", "FILE", "labelled JSON lines {text,label}: precision, recall, F1"},
	{"show-errors", NULL, "with --eval: list the misclassified items"},
	{"explain", NULL, "explain how the text given as arguments (or stdin) is scored"},
	{"no-catalog", NULL, "do not add the rule catalog's anchors to the lexicon"},
	{NULL, NULL, NULL},
};

/* The screening lexicon, plus the rule catalog's anchors unless
 * --no-catalog.  A catalog that does not load is reported and skipped:
 * screening still works on its own lexicon. */
static int
load_lexicon(struct cli *cli, struct scan_lexicon **lex)
{
	struct scan_lexicon_opts lo;
	struct rules_catalog *cat = NULL;
	struct scan_phrase *extra = NULL;
	struct errbuf eb;
	int rc = CLI_OK;

	memset(&lo, 0, sizeof(lo));
	lo.dir = cli->cfg.knowledge_dir;
	lo.election = cli_opt(cli, "election");
	if (!cli_flag(cli, "no-catalog")) {
		if (rules_catalog_load(&cat, cli->cfg.knowledge_dir, &eb) < 0) {
			fprintf(stderr,
				"netra scan: katalog aturan tidak dapat dimuat (%s); "
				"penyaringan memakai leksikon sendiri\n",
				eb.msg);
			cat = NULL;
		} else {
			lo.nextra = scan_catalog_phrases(cat, &extra);
			lo.extra = extra;
		}
	}
	if (scan_lexicon_load(lex, &lo, &eb) < 0)
		rc = cli_fail("leksikon penyaringan: %s", eb.msg);
	free(extra);
	rules_catalog_free(cat);
	return rc;
}

static int
parse_threshold(struct cli *cli, float *t)
{
	const char *s = cli_opt(cli, "threshold");
	char *end;
	double d;

	*t = 0;
	if (s == NULL)
		return CLI_OK;
	d = strtod(s, &end);
	if (end == s || *end || !(d > 0 && d <= 1))
		return cli_usage_error(cli, "--threshold harus angka 0 < X <= 1");
	*t = (float)d;
	return CLI_OK;
}

static int
do_explain(struct cli *cli, const struct scan_lexicon *lex, float threshold)
{
	struct buf text, out;
	struct scan_ctx *ctx;
	struct scan_result res;
	int i;

	buf_init(&text, SCAN_TEXT_MAX);
	buf_init(&out, (size_t)-1);
	if (cli->nargs > 0) {
		for (i = 0; i < cli->nargs; i++) {
			if (i)
				buf_addch(&text, ' ');
			buf_addstr(&text, cli->args[i]);
		}
	} else {
		char chunk[65536];
		size_t n;

		while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
			buf_add(&text, chunk, n);
	}
	if (buf_failed(&text)) {
		buf_release(&text);
		return cli_fail("teks lebih dari %u byte", SCAN_TEXT_MAX);
	}
	ctx = scan_ctx_new(lex);
	if (threshold > 0)
		scan_ctx_set_threshold(ctx, threshold);
	scan_text(ctx, buf_cstr(&text), text.len, cli_flag(cli, "assume-asn") ? SCAN_AUTHOR_ASN : 0,
		  &res);
	if (cli_flag(cli, "json")) {
		scan_result_json(&out, ctx, &res, NULL, 0, buf_cstr(&text), text.len,
				 cli_flag(cli, "hash"));
		buf_addch(&out, '\n');
	} else {
		scan_result_explain(&out, ctx, &res, buf_cstr(&text), text.len);
	}
	fwrite(buf_cstr(&out), 1, out.len, stdout);
	scan_ctx_free(ctx);
	buf_release(&text);
	buf_release(&out);
	return CLI_OK;
}

static void
print_stats(const struct scan_run_stats *st, double secs)
{
	fprintf(stderr,
		"netra scan: %llu item dipindai, %llu galat; %llu %s, %llu %s, %llu %s; "
		"%.2f dtk, %.0f item/dtk, %.1f MB/dtk\n",
		(unsigned long long)st->items, (unsigned long long)st->errors,
		(unsigned long long)st->by_label[SCAN_LABEL_VIOLATION],
		scan_label_title(SCAN_LABEL_VIOLATION),
		(unsigned long long)st->by_label[SCAN_LABEL_NEUTRAL],
		scan_label_title(SCAN_LABEL_NEUTRAL),
		(unsigned long long)st->by_label[SCAN_LABEL_UNRELATED],
		scan_label_title(SCAN_LABEL_UNRELATED), secs,
		secs > 0 ? (double)st->items / secs : 0,
		secs > 0 ? (double)st->bytes / 1e6 / secs : 0);
}

static int
run_scan(struct cli *cli)
{
	struct scan_lexicon *lex = NULL;
	struct scan_run_opts ro;
	struct scan_run_stats st;
	struct timespec t0, t1;
	const char *s, *eval = cli_opt(cli, "eval");
	bool json = cli_flag(cli, "json");
	int rc, i, nfail = 0;
	long cpus;

	memset(&ro, 0, sizeof(ro));
	memset(&st, 0, sizeof(st));
	rc = parse_threshold(cli, &ro.threshold);
	if (rc)
		return rc;
	ro.format = SCAN_FORMAT_AUTO;
	s = cli_opt(cli, "format");
	if (s && scan_format_parse(s, &ro.format) < 0)
		return cli_usage_error(cli, "--format harus jsonl, rss, text, doc atau auto");
	ro.min_label = json ? SCAN_LABEL_UNRELATED : SCAN_LABEL_VIOLATION;
	s = cli_opt(cli, "min-label");
	if (s && scan_label_parse(s, strlen(s), &ro.min_label) < 0)
		return cli_usage_error(
			cli,
			"--min-label harus possible_violation, neutral_mention atau unrelated");
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	ro.jobs = cpus < 1 ? 1 : cpus > JOBS_DEFAULT_MAX ? JOBS_DEFAULT_MAX : (int)cpus;
	s = cli_opt(cli, "jobs");
	if (s) {
		char *end;
		long j = strtol(s, &end, 10);

		if (end == s || *end || j < 1 || j > 64)
			return cli_usage_error(cli, "--jobs harus 1..64");
		ro.jobs = (int)j;
	}
	if (cli_flag(cli, "explain") && eval)
		return cli_usage_error(cli, "--explain dan --eval tidak dapat digabung");
	if (cli_flag(cli, "show-errors") && !eval)
		return cli_usage_error(cli, "--show-errors hanya bersama --eval");
	rc = load_lexicon(cli, &lex);
	if (rc)
		return rc;
	if (cli_flag(cli, "explain")) {
		rc = do_explain(cli, lex, ro.threshold);
		scan_lexicon_free(lex);
		return rc;
	}
	ro.lex = lex;
	ro.output = eval ? SCAN_OUTPUT_EVAL : json ? SCAN_OUTPUT_JSON : SCAN_OUTPUT_SUMMARY;
	ro.flags = cli_flag(cli, "assume-asn") ? SCAN_AUTHOR_ASN : 0;
	ro.hash = cli_flag(cli, "hash");
	ro.show_errors = cli_flag(cli, "show-errors");
	/* a progress line only when the results go elsewhere than the terminal */
	ro.progress =
		!cli_flag(cli, "no-progress") && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
	ro.out = stdout;
	ro.err = stderr;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (eval) {
		struct errbuf eb;

		if (cli->nargs > 0) {
			scan_lexicon_free(lex);
			return cli_usage_error(cli, "--eval FILE tidak menerima berkas lain");
		}
		if (ro.format == SCAN_FORMAT_AUTO)
			ro.format = SCAN_FORMAT_JSONL;
		if (scan_run_file(&ro, eval, &st, &eb) < 0) {
			scan_lexicon_free(lex);
			return cli_fail("%s", eb.msg);
		}
	} else if (cli->nargs == 0) {
		struct errbuf eb;

		if (scan_run_file(&ro, "-", &st, &eb) < 0) {
			fprintf(stderr, "netra: %s\n", eb.msg);
			nfail++;
		}
	} else {
		for (i = 0; i < cli->nargs; i++) {
			struct errbuf eb;

			if (scan_run_file(&ro, cli->args[i], &st, &eb) < 0) {
				fprintf(stderr, "netra: %s\n", eb.msg);
				nfail++;
			}
		}
	}
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (eval) {
		struct buf out;

		buf_init(&out, (size_t)-1);
		scan_eval_report(&st.eval, &out, json);
		fwrite(buf_cstr(&out), 1, out.len, stdout);
		buf_release(&out);
	}
	if (cli_flag(cli, "stats") || (!json && !eval))
		print_stats(&st, (double)(t1.tv_sec - t0.tv_sec) +
					 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	scan_lexicon_free(lex);
	return nfail || st.errors ? CLI_FAIL : CLI_OK;
}

const struct cli_cmd cmd_scan = {
	.name = "scan",
	.usage = "[--json] [--format F] [--min-label L] [FILE...] | --eval FILE | --explain [TEXT]",
	.summary = "Screen texts (JSON lines, RSS/Atom, plain text) for possible violations of "
		   "ASN neutrality.",
	.description =
		"  Reads each FILE (or stdin; \"-\" is stdin) as a stream: JSON lines with\n"
		"  {\"id\",\"source\",\"author\",\"url\",\"ts\",\"text\"}, an RSS or Atom feed, "
		"or\n"
		"  plain text with one item per line.  Each item gets a label\n"
		"  (possible_violation, neutral_mention, unrelated), a score in [0,1], the\n"
		"  catalog items (SKB 2022: KE-1..KE-7, D-1..D-12) and the exact spans that\n"
		"  matched.  Without --json a short Indonesian summary is printed for each\n"
		"  flagged item.  Lexicon, weights and candidate names come from data/scan/\n"
		"  (or --knowledge-dir DIR/scan/); the anchors of the rule catalog\n"
		"  (data/rules/) are added unless --no-catalog.  Exit status 1 when a file could "
		"not be\n"
		"  read or an item was malformed (the others are still screened).",
	.opts = scan_opts,
	.run = run_scan,
};
