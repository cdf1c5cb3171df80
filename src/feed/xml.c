/*
 * xml.c - RSS 2.0 and Atom feeds through libxml2's streaming reader.
 *
 * The reader walks the document node by node; only the fields of the
 * current <item>/<entry> are buffered (each capped at FEED_LINE_MAX), so
 * memory does not grow with the feed.  Parser options forbid network
 * access and entity substitution; libxml2's own limits guard against
 * entity expansion bombs.  Parse errors are captured into the errbuf
 * instead of being printed by libxml2.
 */
#include <errno.h>
#include <libxml/xmlreader.h>
#include <string.h>
#include <unistd.h>

#include "feed/feed.h"

enum xf { XF_NONE, XF_TITLE, XF_LINK, XF_ID, XF_BODY, XF_SUMMARY, XF_TS, XF_AUTHOR, XF__COUNT };

struct xstate {
	struct buf f[XF__COUNT];
	struct buf source, text, tmp;
	bool in_item, truncated, body_rich;
	int item_depth;
	enum xf field;
	char errmsg[200];
	int errline;
};

static bool
is(const xmlChar *name, const char *lit)
{
	return name && strcmp((const char *)name, lit) == 0;
}

static void
on_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	struct xstate *st = arg;
	size_t n;

	if (sev == XML_PARSER_SEVERITY_WARNING || sev == XML_PARSER_SEVERITY_VALIDITY_WARNING)
		return;
	if (st->errmsg[0])
		return; /* keep the first error */
	snprintf(st->errmsg, sizeof(st->errmsg), "%s", msg ? msg : "?");
	n = strlen(st->errmsg);
	while (n > 0 && (st->errmsg[n - 1] == '\n' || st->errmsg[n - 1] == ' '))
		st->errmsg[--n] = '\0';
	st->errline = loc ? xmlTextReaderLocatorLineNumber(loc) : 0;
}

static enum xf
field_of(xmlTextReaderPtr r, struct xstate *st)
{
	const xmlChar *name = xmlTextReaderConstLocalName(r);
	const xmlChar *prefix = xmlTextReaderConstPrefix(r);

	if (is(name, "title"))
		return XF_TITLE;
	if (is(name, "link")) {
		xmlChar *href = xmlTextReaderGetAttribute(r, (const xmlChar *)"href");
		xmlChar *rel = xmlTextReaderGetAttribute(r, (const xmlChar *)"rel");

		if (href) {
			/* Atom: <link href="..." rel="alternate"/>, first alternate wins */
			if ((rel == NULL || is(rel, "alternate")) && st->f[XF_LINK].len == 0)
				buf_addstr(&st->f[XF_LINK], (const char *)href);
			xmlFree(href);
			xmlFree(rel);
			return XF_NONE;
		}
		xmlFree(rel);
		return XF_LINK;
	}
	if (is(name, "guid") || is(name, "id"))
		return XF_ID;
	if (is(name, "encoded") || (is(name, "content") && !is(prefix, "media"))) {
		if (st->f[XF_BODY].len && st->body_rich)
			return XF_NONE;
		buf_reset(&st->f[XF_BODY]);
		st->body_rich = true;
		return XF_BODY;
	}
	if (is(name, "description")) {
		if (st->f[XF_BODY].len)
			return XF_NONE;
		return XF_BODY;
	}
	if (is(name, "summary"))
		return XF_SUMMARY;
	if (is(name, "pubDate") || is(name, "published") || is(name, "updated") || is(name, "date"))
		return st->f[XF_TS].len ? XF_NONE : XF_TS;
	if (is(name, "creator") || is(name, "author"))
		return st->f[XF_AUTHOR].len ? XF_NONE : XF_AUTHOR;
	return XF_NONE;
}

static struct str
slice(const struct buf *b)
{
	return b->len ? str_make(b->data, b->len) : STR_NULL;
}

static int
emit(struct xstate *st, feed_item_fn fn, void *arg)
{
	struct feed_item it;
	const struct buf *body = st->f[XF_BODY].len ? &st->f[XF_BODY] : &st->f[XF_SUMMARY];
	int i;

	buf_reset(&st->text);
	if (st->f[XF_TITLE].len) {
		feed_html_text(&st->text, st->f[XF_TITLE].data, st->f[XF_TITLE].len);
		buf_addstr(&st->text, "\n");
	}
	if (body->len)
		feed_html_text(&st->text, body->data, body->len);
	memset(&it, 0, sizeof(it));
	it.text = str_make(buf_cstr(&st->text), st->text.len);
	it.id = st->f[XF_ID].len ? slice(&st->f[XF_ID]) : slice(&st->f[XF_LINK]);
	it.url = slice(&st->f[XF_LINK]);
	it.ts = slice(&st->f[XF_TS]);
	it.author = slice(&st->f[XF_AUTHOR]);
	it.source = slice(&st->source);
	it.id = str_trim(it.id);
	it.url = str_trim(it.url);
	it.ts = str_trim(it.ts);
	it.author = str_trim(it.author);
	it.truncated = st->truncated || buf_failed(&st->text);
	for (i = 0; i < XF__COUNT; i++)
		if (buf_failed(&st->f[i]))
			it.truncated = true;
	return fn(arg, &it);
}

static void
item_reset(struct xstate *st)
{
	int i;

	for (i = 0; i < XF__COUNT; i++)
		buf_reset(&st->f[i]);
	st->truncated = false;
	st->body_rich = false;
	st->field = XF_NONE;
}

static int
walk(xmlTextReaderPtr r, feed_item_fn fn, void *arg, struct errbuf *eb)
{
	struct xstate st;
	int ret, rc = 0, i;
	bool source_open = false;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < XF__COUNT; i++)
		buf_init(&st.f[i], FEED_LINE_MAX);
	buf_init(&st.source, 512);
	buf_init(&st.text, 2 * FEED_LINE_MAX + 2);
	buf_init(&st.tmp, FEED_LINE_MAX);
	xmlTextReaderSetErrorHandler(r, on_error, &st);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
		const xmlChar *name;

		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			name = xmlTextReaderConstLocalName(r);
			if (!st.in_item && (is(name, "item") || is(name, "entry"))) {
				if (xmlTextReaderIsEmptyElement(r))
					break;
				st.in_item = true;
				st.item_depth = depth;
				item_reset(&st);
			} else if (st.in_item && depth == st.item_depth + 1) {
				st.field = field_of(r, &st);
				if (xmlTextReaderIsEmptyElement(r))
					st.field = XF_NONE;
			} else if (!st.in_item && is(name, "title") && st.source.len == 0 &&
				   depth <= 2) {
				source_open = true;
			}
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const xmlChar *v = xmlTextReaderConstValue(r);

			if (v == NULL)
				break;
			if (st.in_item && st.field != XF_NONE)
				buf_addstr(&st.f[st.field], (const char *)v);
			else if (source_open)
				buf_addstr(&st.source, (const char *)v);
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			if (st.in_item && depth == st.item_depth) {
				st.in_item = false;
				rc = emit(&st, fn, arg);
				if (rc)
					goto out;
			} else if (st.in_item && depth == st.item_depth + 1) {
				st.field = XF_NONE;
			} else if (source_open) {
				source_open = false;
			}
			break;
		default: break;
		}
	}
	if (ret < 0 || st.errmsg[0]) {
		rc = errbuf_set(eb, ERR_INVALID_INPUT, "XML tidak valid (baris %d): %s", st.errline,
				st.errmsg[0] ? st.errmsg : "galat tidak diketahui");
	}
out:
	for (i = 0; i < XF__COUNT; i++)
		buf_release(&st.f[i]);
	buf_release(&st.source);
	buf_release(&st.text);
	buf_release(&st.tmp);
	return rc;
}

#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

struct io {
	int fd;
	const char *prefix;
	size_t prefix_len, prefix_off;
};

static int
io_read(void *ctx, char *buf, int len)
{
	struct io *io = ctx;
	ssize_t n;

	if (len <= 0)
		return 0;
	if (io->prefix_off < io->prefix_len) {
		size_t k = io->prefix_len - io->prefix_off;

		if (k > (size_t)len)
			k = (size_t)len;
		memcpy(buf, io->prefix + io->prefix_off, k);
		io->prefix_off += k;
		return (int)k;
	}
	do {
		n = read(io->fd, buf, (size_t)len);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : (int)n;
}

int
feed_xml_parse_fd(int fd, const char *prefix, size_t prefix_len, feed_item_fn fn, void *arg,
		  struct errbuf *eb)
{
	struct io io = {fd, prefix, prefix_len, 0};
	xmlTextReaderPtr r = xmlReaderForIO(io_read, NULL, &io, NULL, NULL, XML_OPTS);
	int rc;

	if (r == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "dokumen XML kosong atau tidak terbaca");
	rc = walk(r, fn, arg, eb);
	xmlFreeTextReader(r);
	return rc;
}

int
feed_xml_parse_mem(const char *p, size_t n, feed_item_fn fn, void *arg, struct errbuf *eb)
{
	xmlTextReaderPtr r;
	int rc;

	if (n > INT32_MAX)
		return errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "dokumen XML terlalu besar");
	r = xmlReaderForMemory(p, (int)n, NULL, NULL, XML_OPTS);
	if (r == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "dokumen XML kosong atau tidak terbaca");
	rc = walk(r, fn, arg, eb);
	xmlFreeTextReader(r);
	return rc;
}
