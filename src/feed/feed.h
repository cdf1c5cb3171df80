/*
 * feed.h - readers for the texts netra screens: JSON lines, RSS 2.0 and
 * Atom feeds, HTML fragments inside feeds.
 *
 * Parsers are pure functions over (ptr, len) or a file descriptor; they
 * never allocate per item beyond the caller's scratch buffer and never
 * keep more than one item in memory, so a feed of any length streams in
 * constant memory.  Limits: a JSON line or a feed field is at most
 * FEED_LINE_MAX bytes; nesting in JSON at most FEED_DEPTH_MAX.
 * Errors fill the errbuf with an Indonesian message (ERR_INVALID_INPUT).
 */
#ifndef NETRA_FEED_FEED_H
#define NETRA_FEED_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"

#define FEED_LINE_MAX  (1u << 20)
#define FEED_DEPTH_MAX 64

/* One item to screen.  Slices point into memory owned by the parser's
 * caller (JSON lines: the line itself or the scratch buffer) or by the
 * parser for the duration of the callback (XML); absent fields are
 * {NULL, 0}. */
struct feed_item {
	struct str id, source, author, url, ts, text, label;
	bool truncated; /* a field was cut at FEED_LINE_MAX */
};

/*
 * One JSON object per line: {"id", "source", "author", "url", "ts",
 * "text", "label"} (all optional; "id" may be a string or a number, "ts" a
 * string or an integer (epoch seconds or milliseconds; the slice is its
 * digits, read by feed_time_parse()); null
 * counts as absent; other keys are validated and ignored; the last of
 * duplicate keys wins).  Strings with escapes are decoded (\u escapes,
 * surrogate pairs; lone surrogates become U+FFFD) into scratch, which is
 * reset first; others are slices of line.  Both must outlive *it.  Raw bytes that are not UTF-8 are
 * passed through for the screening engine to replace: a scraped post is not lost for one bad byte.
 * Whitespace around the object is allowed, anything else is not.
 */
int feed_jsonl_parse(const char *line, size_t len, struct feed_item *it, struct buf *scratch,
		     struct errbuf *eb);

/*
 * The time of an item, as every reader of items takes it (netra scan,
 * netra monitor, the screening ingest): ISO 8601 with an offset
 * ("2024-02-08T09:12:00+08:00"), RFC 822/1123 as in RSS pubDate ("Thu, 08
 * Feb 2024 09:12:00 +0800", zones GMT/UT/Z, WIB/WITA/WIT or +hhmm), or unix
 * time in seconds (10 digits) or milliseconds (13 digits; cut to the
 * second), as a JSON number or a string of digits.  A time without a zone
 * is refused: it would be a guess.  0 and *out (unix seconds), or -1.
 */
int feed_time_parse(const char *s, size_t n, int64_t *out);

/* Called once per feed item in document order; a nonzero return stops
 * the parse, and the parse returns that value. */
typedef int (*feed_item_fn)(void *arg, const struct feed_item *it);

/*
 * Stream an RSS 2.0 (<item>) or Atom (<entry>) document through libxml2's
 * reader.  text = title + newline + body (content:encoded, content,
 * description or summary, HTML stripped); id = guid, id or link; url =
 * link; ts = pubDate, published or updated; author = dc:creator or
 * author/name; source = the channel or feed title.  No network access, no
 * external entities.  The _fd variant first consumes prefix (bytes the
 * caller already read while sniffing the format), then reads fd to EOF.
 * Returns 0, the callback's nonzero value, or -1 on malformed XML; items
 * the reader completed before the error (it parses in chunks of a few KB)
 * have been delivered.
 */
int feed_xml_parse_fd(int fd, const char *prefix, size_t prefix_len, feed_item_fn fn, void *arg,
		      struct errbuf *eb);
int feed_xml_parse_mem(const char *p, size_t n, feed_item_fn fn, void *arg, struct errbuf *eb);

/* Append the text of an HTML fragment: tags dropped (block tags become
 * newlines, script/style skipped), character references decoded. */
void feed_html_text(struct buf *out, const char *s, size_t n);

#endif
