/*
 * dasbor_util.h - helpers shared by the dashboard, transparency, export,
 * print and admin pages (src/web/pages_{dasbor,transparansi,ekspor,cetak,
 * admin}.c): number formatting per language, catalog lookups with a
 * fallback, and the figure cells of the public statistics.
 */
#ifndef NETRA_WEB_DASBOR_UTIL_H
#define NETRA_WEB_DASBOR_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/http.h"
#include "web/chart.h"

struct i18n;

/* 1234567 -> "1.234.567" (id) or "1,234,567" (en) into out. */
void dasbor_fmt_int(char *out, size_t outsz, int64_t v, bool en);
/* A JSON string of dasbor_fmt_int(). */
json_t *dasbor_int_json(int64_t v, bool en);
/* The message "<prefix>.<id>", or fallback when the catalog lacks it. */
const char *dasbor_label(const struct i18n *l, const char *prefix, const char *id,
			 const char *fallback);
bool dasbor_lang_en(struct http_request *req);

/*
 * The display of a public figure cell {"n"} | {"suppressed"} | {"rounded"}
 * (see stats.h): "86", "< 5", "≥ 5", "≈ 290".  *hidden (may be NULL) gets
 * whether a bar may be drawn for it.
 */
const char *dasbor_cell_text(struct http_request *req, json_t *cell, int64_t threshold,
			     bool *hidden, int64_t *value);

/* A chart as a JSON string for {{{...}}}: chart_hbar over rows of
 * {"label", "n"} (or "text"/"hidden") ... built by the caller. */
json_t *dasbor_svg_json(struct buf *svg);

#endif
