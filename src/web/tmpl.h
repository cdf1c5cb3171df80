/*
 * tmpl.h - HTML templates with escaping by default.
 *
 * Syntax (a small Mustache dialect over a jansson context):
 *   {{name}}  {{a.b}}  {{.}}     value, HTML-escaped
 *   {{{name}}}                   value, raw (only for HTML netra built itself)
 *   {{#name}}..{{/name}}         section: once per array item, once for an
 *                                object or a truthy scalar, never when falsy
 *   {{^name}}..{{/name}}         inverted section: only when falsy
 *   {{>partial}}                 another template of the set
 *   {{@key}}                     message from the i18n catalog of the language
 *   {{$file.css}}  {{$.}}        fingerprinted URL of a static file (a name,
 *                                or the current value): /static/F?v=HASH
 *   {{!comment}}
 * Falsy: missing, null, false, "", 0, an empty array.  Names are looked up
 * from the innermost context outwards.  Compilation reports name:line.
 */
#ifndef NETRA_WEB_TMPL_H
#define NETRA_WEB_TMPL_H

#include <jansson.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

struct tmpl;
struct tmpl_set;
struct i18n;

int tmpl_compile(const char *name, const char *src, size_t len, struct tmpl **out,
		 struct errbuf *eb);
void tmpl_free(struct tmpl *t);

/* Load every embedded "templates/NAME.html" asset (or, with dir, the files of
 * DIR/templates, re-read at each render for development). */
int tmpl_set_load(struct tmpl_set **out, const char *dir, struct errbuf *eb);
void tmpl_set_free(struct tmpl_set *set);

/* Render template name with ctx; lang picks the catalog of {{@key}}. */
int tmpl_render(struct tmpl_set *set, const char *name, json_t *ctx, const struct i18n *lang,
		struct buf *out, struct errbuf *eb);
/* Render one compiled template (tests, fuzzing); partials are unavailable. */
int tmpl_render_one(const struct tmpl *t, json_t *ctx, const struct i18n *lang, struct buf *out,
		    struct errbuf *eb);

#endif
