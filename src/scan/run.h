/*
 * run.h - screen whole files: JSON lines, RSS/Atom, plain text.
 *
 * The file runner streams its input with constant memory: line formats
 * are read in blocks of whole lines and screened by a pool of worker
 * threads (one struct scan_ctx each), results are written in input order;
 * feeds go through libxml2's streaming reader.  Lines longer than
 * FEED_LINE_MAX are reported and skipped.  A progress line is drawn on
 * opts->err when asked for (the CLI asks when stderr is a terminal).
 * Malformed items are counted in stats->errors and reported as
 * "NAME:LINE: message" on opts->err; they never stop the run.
 */
#ifndef NETRA_SCAN_RUN_H
#define NETRA_SCAN_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "scan/scan.h"

enum scan_format {
	SCAN_FORMAT_AUTO,  /* by file extension, else by the first byte */
	SCAN_FORMAT_JSONL, /* {"id","source","author","url","ts","text"} per line */
	SCAN_FORMAT_RSS,   /* RSS 2.0 or Atom */
	SCAN_FORMAT_TEXT,  /* one item per non-empty line */
	SCAN_FORMAT_DOC    /* the whole file is one item (at most SCAN_TEXT_MAX bytes) */
};

int scan_format_parse(const char *s, enum scan_format *out);

#define SCAN_SNIFF_MAX 4096 /* bytes read to guess a format */

/*
 * The format of the file path open on fd when none was given: by the
 * extension (.jsonl/.ndjson/.json, .xml/.rss/.atom, .txt/.text), else by the
 * first non-blank byte ("{" JSON lines, "<" a feed, else text), read into
 * prefix (cap bytes; *plen gets how many were read: the caller parses them
 * before reading on).  Never SCAN_FORMAT_AUTO.  -1 with errno set when
 * reading fails.
 */
int scan_format_detect(const char *path, int fd, char *prefix, size_t cap, size_t *plen,
		       enum scan_format *fmt);
const char *scan_format_name(enum scan_format f);

enum scan_output {
	SCAN_OUTPUT_JSON,    /* one JSON object per item (scan_result_json) */
	SCAN_OUTPUT_SUMMARY, /* Indonesian summary per item (scan_result_summary) */
	SCAN_OUTPUT_EVAL     /* compare with the "label" field; nothing per item */
};

struct scan_run_opts {
	const struct scan_lexicon *lex;
	enum scan_format format;
	enum scan_output output;
	enum scan_label min_label; /* print items at or above this label */
	float threshold;           /* 0: the model's threshold */
	unsigned flags;            /* SCAN_AUTHOR_ASN */
	int jobs;                  /* worker threads; 1 = screen in the caller's thread */
	bool hash;                 /* JSON: add the content hash */
	bool progress;             /* draw a progress line on err */
	bool show_errors;          /* eval: print each misclassified item */
	FILE *out;                 /* results */
	FILE *err;                 /* diagnostics and progress */
};

struct scan_run_stats {
	uint64_t items, errors, bytes;
	uint64_t by_label[SCAN_LABEL__COUNT];
	struct scan_eval eval;
};

/*
 * Screen one file ("-" = standard input) and add to *stats (which the
 * caller zeroes once).  Returns -1 only when the file cannot be opened or
 * read (eb says why); item errors are counted, not returned.
 */
int scan_run_file(const struct scan_run_opts *opts, const char *path, struct scan_run_stats *stats,
		  struct errbuf *eb);

#endif
