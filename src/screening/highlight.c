/*
 * highlight.c - a screened text as HTML with its matched spans marked.
 *
 * The text and the spans come from the store, which got them from a feed:
 * nothing is trusted.  Every byte of text goes through buf_add_html(); a
 * span becomes a <mark> only when it is an object with integer start < end
 * inside the text, both on UTF-8 character boundaries, and after the end of
 * the previous mark; its class comes from a fixed table (never from the
 * data) and its title is escaped.  At most HIGHLIGHT_SPANS_MAX spans are
 * considered.
 */
#include <stdlib.h>
#include <string.h>

#include "screening/screening.h"

#define HIGHLIGHT_SPANS_MAX 4096

struct mark {
	size_t start, end;
	int cat; /* enum scan_cat, or -1 when the kind is unknown */
	bool negated, counted;
	const char *term;
};

static bool
boundary(const char *text, size_t len, size_t i)
{
	return i == len || ((unsigned char)text[i] & 0xc0) != 0x80;
}

static int
mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end ? 1 : 0; /* longer first */
}

static size_t
collect(const char *text, size_t len, const json_t *spans, struct mark *out)
{
	const json_t *sp;
	size_t i, n = 0;

	if (!json_is_array(spans))
		return 0;
	json_array_foreach(spans, i, sp)
	{
		json_t *st = json_object_get(sp, "start"), *en = json_object_get(sp, "end");
		const char *kind = json_string_value(json_object_get(sp, "kind"));
		json_t *w = json_object_get(sp, "w");
		enum scan_cat cat;
		json_int_t a, b;

		if (n == HIGHLIGHT_SPANS_MAX)
			break;
		if (!json_is_integer(st) || !json_is_integer(en))
			continue;
		a = json_integer_value(st);
		b = json_integer_value(en);
		if (a < 0 || b <= a || (size_t)b > len || !boundary(text, len, (size_t)a) ||
		    !boundary(text, len, (size_t)b))
			continue;
		out[n].start = (size_t)a;
		out[n].end = (size_t)b;
		out[n].cat = kind && scan_cat_parse(kind, &cat) == 0 ? (int)cat : -1;
		out[n].negated = json_is_true(json_object_get(sp, "negated"));
		out[n].counted = json_is_number(w) && json_number_value(w) != 0;
		out[n].term = json_string_value(json_object_get(sp, "term"));
		n++;
	}
	return n;
}

void
screening_highlight_html(struct buf *out, const char *text, size_t len, const json_t *spans,
			 const char *const *titles)
{
	size_t nspans = json_is_array(spans) ? json_array_size(spans) : 0, n, i, pos = 0;
	struct mark *m;

	if (text == NULL)
		return;
	if (nspans > HIGHLIGHT_SPANS_MAX)
		nspans = HIGHLIGHT_SPANS_MAX;
	m = nspans ? calloc(nspans, sizeof(*m)) : NULL;
	n = m ? collect(text, len, spans, m) : 0;
	if (n > 1)
		qsort(m, n, sizeof(*m), mark_cmp);
	for (i = 0; i < n; i++) {
		const char *title;

		if (m[i].start < pos)
			continue; /* overlaps the previous mark */
		buf_add_html(out, text + pos, m[i].start - pos);
		buf_addstr(out, "<mark class=\"k-");
		buf_addstr(out, m[i].cat >= 0 ? scan_cat_name((enum scan_cat)m[i].cat) : "lain");
		if (m[i].negated)
			buf_addstr(out, " neg");
		if (!m[i].counted)
			buf_addstr(out, " off");
		buf_addstr(out, "\" title=\"");
		title = m[i].cat < 0                 ? "?"
			: titles && titles[m[i].cat] ? titles[m[i].cat]
						     : scan_cat_title((enum scan_cat)m[i].cat);
		buf_add_html(out, title, strlen(title));
		if (m[i].term) {
			/* "~dukung" is lexicon syntax: a reader wants "dukung" */
			const char *term = m[i].term[0] == '~' ? m[i].term + 1 : m[i].term;

			buf_addstr(out, ": ");
			buf_add_html(out, term, strlen(term));
		}
		buf_addstr(out, "\">");
		buf_add_html(out, text + m[i].start, m[i].end - m[i].start);
		buf_addstr(out, "</mark>");
		pos = m[i].end;
	}
	buf_add_html(out, text + pos, len - pos);
	free(m);
}
