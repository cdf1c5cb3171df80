/*
 * chart.c - SVG bar, column and stacked-bar charts (see chart.h).
 *
 * Geometry is in a fixed viewBox (400 units wide) that scales to the
 * container, so one drawing serves a 360 px phone and an A4 print.  Text
 * is never measured: labels get a fixed column and are shortened by
 * characters.  Numbers are written with a thousands separator so the chart
 * reads like the table beside it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "web/chart.h"

#define W          400 /* viewBox width: a phone at 1:1, a desktop column at ~1.2x */
#define VALUE_W    52  /* room right of the longest bar for its value */
#define LABEL_H    15  /* a row: its label on one line ... */
#define BAR_H      13  /* ... and its bar below */
#define ROW_H      (LABEL_H + BAR_H + 8)
#define FONT       "font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#1b1b1b\""
#define FONT_SM    "font-family=\"system-ui, sans-serif\" font-size=\"11\" fill=\"#1b1b1b\""
#define COLS_H     150
#define COLS_TOP   8
#define COLS_BOT   26
#define COLS_L     40
#define COLS_TICKS 7

const char *const chart_colours[CHART_MAX_SERIES] = {
	"#0b4f6c", /* blue, 8.9:1 */
	"#1f6f3a", /* green, 6.4:1 */
	"#9b1c1c", /* red, 8.3:1 */
	"#7a4b00", /* amber, 7.4:1 */
	"#5f6b73", /* grey, 5.5:1 */
	"#5b3a8c", /* purple, 8.6:1 */
};

static const char *
colour(int i)
{
	return chart_colours[i >= 0 && i < CHART_MAX_SERIES ? i : 0];
}

static void
esc(struct buf *out, const char *s)
{
	if (s)
		buf_add_html(out, s, strlen(s));
}

/* The label, shortened to max characters (UTF-8) with an ellipsis. */
static void
esc_short(struct buf *out, const char *s, size_t max)
{
	size_t i = 0, chars = 0, cut = 0;

	if (s == NULL)
		return;
	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (chars == max - 1)
				cut = i;
			chars++;
		}
		i++;
	}
	if (chars <= max) {
		buf_add_html(out, s, i);
		return;
	}
	buf_add_html(out, s, cut);
	buf_addstr(out, "…");
}

/* id characters only */
static void
id_part(struct buf *out, const char *id)
{
	for (; id && *id; id++)
		if ((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') ||
		    (*id >= '0' && *id <= '9') || *id == '-' || *id == '_')
			buf_addch(out, *id);
}

/* 1234567 -> "1.234.567" (Indonesian) or "1,234,567" (English) */
static void
number(struct buf *out, const struct chart *c, int64_t v)
{
	char tmp[32];
	int n, i;

	if (v < 0) {
		buf_addch(out, '-');
		v = v == INT64_MIN ? INT64_MAX : -v;
	}
	n = snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_addch(out, c->english ? ',' : '.');
		buf_addch(out, tmp[i]);
	}
}

static void
open_svg(struct buf *out, const struct chart *c, int height)
{
	buf_addf(out,
		 "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
		 " width=\"100%%\" role=\"img\" aria-labelledby=\"",
		 W, height);
	id_part(out, c->id);
	buf_addstr(out, "-t ");
	id_part(out, c->id);
	buf_addstr(out, "-d\"><title id=\"");
	id_part(out, c->id);
	buf_addstr(out, "-t\">");
	esc(out, c->title);
	buf_addstr(out, "</title><desc id=\"");
	id_part(out, c->id);
	buf_addstr(out, "-d\">");
	esc(out, c->desc);
	buf_addstr(out, "</desc>");
}

/* values are counts: negative ones are drawn as 0 and huge ones as
 * CHART_VALUE_MAX, so that no scale computation can overflow */
static int64_t
clamp0(int64_t v)
{
	return v < 0 ? 0 : v > CHART_VALUE_MAX ? CHART_VALUE_MAX : v;
}

/* a + b for non-negative values, saturating instead of overflowing */
static int64_t
add_sat(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

static void
bar_text(struct buf *out, const struct chart *c, const struct chart_bar *b)
{
	if (b->text)
		esc(out, b->text);
	else
		number(out, c, clamp0(b->value));
}

/* One row: the label on its own line, the bar under it from the left
 * edge, the value after the bar. */
static void
hrow(struct buf *out, const struct chart *c, const struct chart_bar *b, int y, int64_t max)
{
	int plot = W - VALUE_W, w = 0;

	if (!b->hidden && max > 0)
		w = (int)((double)clamp0(b->value) * plot / (double)max + 0.5);
	buf_addstr(out, "<g><title>");
	esc(out, b->label);
	buf_addstr(out, ": ");
	bar_text(out, c, b);
	buf_addf(out, "</title><text x=\"0\" y=\"%d\" " FONT ">", y + 12);
	esc_short(out, b->label, CHART_LABEL_CHARS);
	buf_addstr(out, "</text>");
	if (w > 0)
		buf_addf(out, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
			 y + LABEL_H + 1, w, BAR_H, chart_colours[0]);
	buf_addf(out, "<text x=\"%d\" y=\"%d\" " FONT ">", w + 5, y + LABEL_H + BAR_H);
	bar_text(out, c, b);
	buf_addstr(out, "</text></g>");
}

void
chart_hbar(struct buf *out, const struct chart *c, const struct chart_bar *bars, size_t n)
{
	size_t i, shown = n > CHART_MAX_BARS ? CHART_MAX_BARS : n;
	int64_t max = 0;

	for (i = 0; i < shown; i++)
		if (!bars[i].hidden && clamp0(bars[i].value) > max)
			max = clamp0(bars[i].value);
	open_svg(out, c, (int)shown * ROW_H + 4);
	for (i = 0; i < shown; i++)
		hrow(out, c, &bars[i], 2 + (int)i * ROW_H, max);
	buf_addstr(out, "</svg>");
}

/* A round step for about four grid lines up to max. */
static int64_t
grid_step(int64_t max)
{
	int64_t step = 1;

	while (max / step > 5) {
		if (max / (step * 2) <= 5)
			return step * 2;
		if (max / (step * 5) <= 5)
			return step * 5;
		step *= 10;
	}
	return step;
}

void
chart_columns(struct buf *out, const struct chart *c, const struct chart_bar *bars, size_t n)
{
	size_t i, shown = n > CHART_MAX_BARS ? CHART_MAX_BARS : n, every;
	int64_t max = 0, step, g;
	int height = COLS_TOP + COLS_H + COLS_BOT, plot_w = W - COLS_L - 4;
	double colw;

	for (i = 0; i < shown; i++)
		if (!bars[i].hidden && clamp0(bars[i].value) > max)
			max = clamp0(bars[i].value);
	step = grid_step(max > 0 ? max : 1);
	max = (max / step + 1) * step;
	open_svg(out, c, height);
	/* grid and its labels */
	for (g = 0; g <= max; g += step) {
		int y = COLS_TOP + COLS_H - (int)((double)g * COLS_H / (double)max + 0.5);

		buf_addf(out,
			 "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
			 " stroke-width=\"1\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\" " FONT_SM
			 ">",
			 COLS_L, y, W - 4, y, g == 0 ? "#5f6b73" : "#d4d9dc", COLS_L - 4, y + 4);
		number(out, c, g);
		buf_addstr(out, "</text>");
	}
	if (shown == 0) {
		buf_addstr(out, "</svg>");
		return;
	}
	colw = (double)plot_w / (double)shown;
	every = (shown + COLS_TICKS - 1) / COLS_TICKS;
	for (i = 0; i < shown; i++) {
		const struct chart_bar *b = &bars[i];
		int h = b->hidden ? 0
				  : (int)((double)clamp0(b->value) * COLS_H / (double)max + 0.5);
		int x = COLS_L + (int)(colw * (double)i + 0.5);
		int w = (int)(colw * 0.8 + 0.5);

		if (w < 1)
			w = 1;
		buf_addstr(out, "<g><title>");
		esc(out, b->label);
		buf_addstr(out, ": ");
		bar_text(out, c, b);
		buf_addstr(out, "</title>");
		if (h > 0)
			buf_addf(out,
				 "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
				 x + 1, COLS_TOP + COLS_H - h, w, h, chart_colours[0]);
		if (i % every == 0) {
			buf_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" " FONT_SM ">",
				 x + 1 + w / 2, COLS_TOP + COLS_H + 15);
			esc_short(out, b->tick ? b->tick : b->label, 10);
			buf_addstr(out, "</text>");
		}
		buf_addstr(out, "</g>");
	}
	buf_addstr(out, "</svg>");
}

void
chart_stacked(struct buf *out, const struct chart *c, const struct chart_series *series,
	      size_t nseries, const struct chart_stack_row *rows, size_t nrows)
{
	size_t i, k, shown = nrows > CHART_MAX_BARS ? CHART_MAX_BARS : nrows;
	int64_t max = 0;
	int legend_h, plot = W - VALUE_W;

	if (nseries > CHART_MAX_SERIES)
		nseries = CHART_MAX_SERIES;
	for (i = 0; i < shown; i++) {
		int64_t sum = 0;

		for (k = 0; k < nseries; k++)
			sum = add_sat(sum, clamp0(rows[i].values[k]));
		if (sum > max)
			max = sum;
	}
	/* the legend: two series a line */
	legend_h = (int)((nseries + 1) / 2) * 20 + 4;
	open_svg(out, c, legend_h + (int)shown * ROW_H + 4);
	for (k = 0; k < nseries; k++) {
		int lx = (int)(k % 2) * (W / 2), ly = 2 + (int)(k / 2) * 20;

		buf_addf(out,
			 "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			 "<text x=\"%d\" y=\"%d\" " FONT ">",
			 lx, ly + 1, colour(series[k].colour), lx + 17, ly + 12);
		esc_short(out, series[k].name, 26);
		buf_addstr(out, "</text>");
	}
	for (i = 0; i < shown; i++) {
		int y = legend_h + 2 + (int)i * ROW_H, x = 0;
		int64_t sum = 0;

		buf_addstr(out, "<g><title>");
		esc(out, rows[i].label);
		for (k = 0; k < nseries; k++) {
			buf_addstr(out, k ? ", " : ": ");
			esc(out, series[k].name);
			buf_addch(out, ' ');
			number(out, c, clamp0(rows[i].values[k]));
			sum = add_sat(sum, clamp0(rows[i].values[k]));
		}
		buf_addf(out, "</title><text x=\"0\" y=\"%d\" " FONT ">", y + 12);
		esc_short(out, rows[i].label, CHART_LABEL_CHARS);
		buf_addstr(out, "</text>");
		for (k = 0; k < nseries && max > 0; k++) {
			int w = (int)((double)clamp0(rows[i].values[k]) * plot / (double)max + 0.5);

			if (w <= 0)
				continue;
			buf_addf(out,
				 "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
				 " stroke=\"#ffffff\" stroke-width=\"1\"/>",
				 x, y + LABEL_H + 1, w, BAR_H, colour(series[k].colour));
			x += w;
		}
		buf_addf(out, "<text x=\"%d\" y=\"%d\" " FONT ">", x + 5, y + LABEL_H + BAR_H);
		number(out, c, sum);
		buf_addstr(out, "</text></g>");
	}
	buf_addstr(out, "</svg>");
}
