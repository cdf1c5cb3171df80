/*
 * html.c - the readable text of an HTML fragment (feed descriptions).
 *
 * Not an HTML parser: tags are recognised as '<' + letter, '/' or '!' up
 * to the next '>' (bounded look-ahead); block-level tags become newlines
 * so that sentences stay apart, inline tags vanish, script and style
 * content is dropped, and the usual character references are decoded.
 * Anything that does not look like markup is copied unchanged.
 */
#include <string.h>
#include <strings.h>

#include "feed/feed.h"

#define TAG_LOOKAHEAD 2048

static const char *const block_tags[] = {
	"p",       "br",     "div",    "li", "ul",  "ol",         "h1",    "h2",         "h3",
	"h4",      "h5",     "h6",     "tr", "td",  "th",         "table", "blockquote", "section",
	"article", "header", "footer", "hr", "pre", "figcaption", "dd",    "dt",
};

static const char *const inline_tags[] = {
	"a",   "b",    "i",    "u",    "s",    "em", "strong", "span", "small", "sup",
	"sub", "font", "abbr", "mark", "cite", "q",  "code",   "time", "del",   "ins",
};

static const struct {
	const char *name;
	const char *utf8;
} entities[] = {
	{"amp", "&"},         {"lt", "<"},         {"gt", ">"},          {"quot", "\""},
	{"apos", "'"},        {"nbsp", " "},       {"hellip", "\u2026"}, {"ndash", "\u2013"},
	{"mdash", "\u2014"},  {"lsquo", "\u2018"}, {"rsquo", "\u2019"},  {"ldquo", "\u201C"},
	{"rdquo", "\u201D"},  {"laquo", "\u00AB"}, {"raquo", "\u00BB"},  {"bull", "\u2022"},
	{"middot", "\u00B7"}, {"copy", "\u00A9"},  {"reg", "\u00AE"},
};

static bool
name_in(const char *name, size_t n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0)
			return true;
	return false;
}

static void
put_cp(struct buf *out, unsigned long cp)
{
	char u[4];

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		buf_add(out, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, u, 4);
	}
}

/* At '&': decode a reference and return its length, or 0 to copy '&'. */
static size_t
entity(struct buf *out, const char *s, size_t n)
{
	size_t i = 1, k;

	if (i < n && s[i] == '#') {
		unsigned long cp = 0;
		bool hex = false, any = false;

		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			hex = true;
			i++;
		}
		for (; i < n && i < 12; i++) {
			char c = s[i];
			int d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			cp = cp * (hex ? 16 : 10) + (unsigned long)d;
			any = true;
		}
		if (!any || i >= n || s[i] != ';')
			return 0;
		put_cp(out, cp);
		return i + 1;
	}
	for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++) {
		size_t l = strlen(entities[k].name);

		if (n >= l + 2 && memcmp(s + 1, entities[k].name, l) == 0 && s[l + 1] == ';') {
			buf_addstr(out, entities[k].utf8);
			return l + 2;
		}
	}
	return 0;
}

/* Skip to the end of the element named name (script, style). */
static size_t
skip_raw(const char *s, size_t n, size_t i, const char *name)
{
	size_t l = strlen(name);

	for (; i + l + 2 < n; i++)
		if (s[i] == '<' && s[i + 1] == '/' && strncasecmp(s + i + 2, name, l) == 0)
			break;
	for (; i < n && s[i] != '>'; i++)
		;
	return i < n ? i + 1 : n;
}

void
feed_html_text(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		char c = s[i];

		if (c == '<' && i + 1 < n &&
		    ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
		     s[i + 1] == '/' || s[i + 1] == '!')) {
			size_t lim = n - i < TAG_LOOKAHEAD ? n : i + TAG_LOOKAHEAD, j, a, e;
			const char *gt = memchr(s + i, '>', lim - i);

			if (gt == NULL) {
				buf_addch(out, c);
				i++;
				continue;
			}
			j = (size_t)(gt - s);
			a = i + 1 + (s[i + 1] == '/');
			for (e = a; e < j &&
				    ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z') ||
				     (s[e] >= '0' && s[e] <= '9'));
			     e++)
				;
			if (s[i + 1] != '/' && e - a == 6 && strncasecmp(s + a, "script", 6) == 0) {
				i = skip_raw(s, n, j + 1, "script");
				continue;
			}
			if (s[i + 1] != '/' && e - a == 5 && strncasecmp(s + a, "style", 5) == 0) {
				i = skip_raw(s, n, j + 1, "style");
				continue;
			}
			if (name_in(s + a, e - a, block_tags,
				    sizeof(block_tags) / sizeof(block_tags[0])))
				buf_addch(out, '\n');
			else if (!name_in(s + a, e - a, inline_tags,
					  sizeof(inline_tags) / sizeof(inline_tags[0])))
				buf_addch(out, ' ');
			i = j + 1;
			continue;
		}
		if (c == '&') {
			size_t used = entity(out, s + i, n - i);

			if (used) {
				i += used;
				continue;
			}
		}
		buf_addch(out, c);
		i++;
	}
}
