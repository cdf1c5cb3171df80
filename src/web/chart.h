/*
 * chart.h - server-rendered SVG charts: horizontal bars (categories),
 * columns (a trend over time) and stacked horizontal bars (shares of a
 * whole per row, such as what each PPK did with its recommendations).
 *
 * Output is one <svg> element, well-formed XML, for {{{raw}}} insertion in
 * a page: role="img" with a <title> and <desc> referenced by
 * aria-labelledby, a <title> on every bar for pointer users, presentation
 * attributes only (no style= attribute: the CSP forbids inline style),
 * colours with at least 3:1 contrast against white and text in #1b1b1b.
 * Every text is HTML-escaped; labels longer than CHART_LABEL_CHARS
 * characters are shortened with an ellipsis (the full label stays in the
 * bar's <title> and in the data table the page puts behind each chart).
 * A chart is decoration for the table, never the only place a figure is.
 *
 * Limits: at most CHART_MAX_BARS bars or rows (the rest is dropped: give
 * the full list in the table) and CHART_MAX_SERIES series.  Hidden bars (suppressed
 * counts) are drawn without a bar, with their text only.
 */
#ifndef NETRA_WEB_CHART_H
#define NETRA_WEB_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define CHART_MAX_BARS    400
#define CHART_MAX_SERIES  6
#define CHART_LABEL_CHARS 50
#define CHART_VALUE_MAX   1000000000000000LL /* larger values are drawn as this */

struct chart {
	const char *id;    /* unique within the page: [A-Za-z0-9_-]; other bytes dropped */
	const char *title; /* what the chart shows */
	const char *desc;  /* a one-line summary for screen readers; may be NULL */
	bool english;      /* numbers as 1,234 (else 1.234) */
};

struct chart_bar {
	const char *label;
	int64_t value;    /* drawn within 0..CHART_VALUE_MAX */
	const char *text; /* written at the end of the bar; NULL: the value */
	bool hidden;      /* no bar (a suppressed count): only text */
	const char *tick; /* columns: the short axis label; NULL: label */
};

struct chart_series {
	const char *name;
	int colour; /* index into chart_colours */
};

struct chart_stack_row {
	const char *label;
	const int64_t *values; /* one per series */
};

/* The palette, in series order (fill colours, 3:1 or better on white). */
extern const char *const chart_colours[CHART_MAX_SERIES];

void chart_hbar(struct buf *out, const struct chart *c, const struct chart_bar *bars, size_t n);
/* Columns left to right (a time series); labels are written below, thinned
 * to at most 7. */
void chart_columns(struct buf *out, const struct chart *c, const struct chart_bar *bars, size_t n);
/* One stacked bar per row, all on one scale, with a legend of the series. */
void chart_stacked(struct buf *out, const struct chart *c, const struct chart_series *series,
		   size_t nseries, const struct chart_stack_row *rows, size_t nrows);

#endif
