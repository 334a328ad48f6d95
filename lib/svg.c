#define _GNU_SOURCE
#include "svg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void hwk_xml_text(hwk_buf *b, const char *s)
{
	char *v = hwk_xmalloc(HWK_VISIBLE_MAX(strlen(s)));
	hwk_visible(v, s);
	for (const char *p = v; *p; p++) {
		switch (*p) {
		case '&': hwk_buf_adds(b, "&amp;"); break;
		case '<': hwk_buf_adds(b, "&lt;"); break;
		case '>': hwk_buf_adds(b, "&gt;"); break;
		case '"': hwk_buf_adds(b, "&quot;"); break;
		case '\'': hwk_buf_adds(b, "&#39;"); break;
		default: hwk_buf_addc(b, *p);
		}
	}
	free(v);
}

void hwk_series_add(hwk_series *s, double x, double y)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->x = hwk_xrealloc(s->x, s->cap * sizeof *s->x);
		s->y = hwk_xrealloc(s->y, s->cap * sizeof *s->y);
	}
	s->x[s->n] = x;
	s->y[s->n++] = y;
}

hwk_series *hwk_chart_series(hwk_chart *c, const char *name)
{
	c->s = hwk_xrealloc(c->s, (c->n + 1) * sizeof *c->s);
	hwk_series *s = &c->s[c->n++];
	memset(s, 0, sizeof *s);
	s->name = hwk_xstrdup(name);
	return s;
}

void hwk_chart_free(hwk_chart *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->s[i].name);
		free(c->s[i].x);
		free(c->s[i].y);
	}
	free(c->s);
	free(c->title);
	free(c->desc);
	free(c->xfirst);
	free(c->xlast);
	memset(c, 0, sizeof *c);
}

/* The drawing's frame: 480 wide, the plot inside L..R, T..B. */
enum { W = 480, L = 46, R = W - 12, T = 14 };

/* Series look apart in colour and, printed in grey, by their dashes. */
static const char *const colours[] = {"#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400",
				      "#555555"};
static const char *const dashes[] = {"", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"};
#define NSTYLE (sizeof colours / sizeof *colours)

static void open_svg(hwk_buf *b, const char *cls, const char *title, const char *desc, int h)
{
	hwk_buf_printf(b, "<figure class=\"chart %s\">\n<figcaption>", cls);
	hwk_xml_text(b, title);
	hwk_buf_printf(b, "</figcaption>\n<svg "
			  "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, h);
	hwk_xml_text(b, title);
	hwk_buf_adds(b, "\">\n<title>");
	hwk_xml_text(b, title);
	hwk_buf_adds(b, "</title>\n<desc>");
	hwk_xml_text(b, desc);
	hwk_buf_adds(b, "</desc>\n");
}

static void close_svg(hwk_buf *b)
{
	hwk_buf_adds(b, "</svg>\n</figure>\n");
}

static void num(hwk_buf *b, double v)
{
	char s[32];
	hwk_fmt_decimal(s, v, 1);
	hwk_buf_adds(b, s);
}

static void label(hwk_buf *b, const char *cls, double x, double y, const char *anchor,
		  const char *text, int vertical)
{
	hwk_buf_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", cls, x, y,
		       anchor);
	if (vertical)
		hwk_buf_printf(b, " transform=\"rotate(-90 %.1f %.1f)\"", x, y);
	hwk_buf_addc(b, '>');
	hwk_xml_text(b, text);
	hwk_buf_adds(b, "</text>\n");
}

void hwk_chart_draw(hwk_buf *b, const hwk_chart *c)
{
	const int h = c->n > 1 || !c->bars ? 236 : 216, bottom = h - (c->n > 1 || !c->bars ? 58 : 38);
	double slots = c->xmax - c->xmin + 1, pw = R - L, ph = bottom - T;
	double span = c->ymax > c->ymin ? c->ymax - c->ymin : 1;
	if (slots < 1)
		slots = 1;
	open_svg(b, c->cls, c->title, c->desc, h);
	/* the grid, the axes and their labels */
	for (int i = 0; i <= 2; i++) {
		double v = c->ymin + span * i / 2, y = bottom - ph * i / 2;
		char t[32];
		hwk_fmt_decimal(t, v, v == (double)(long)v ? 0 : 1);
		hwk_buf_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
			       L, y, R, y);
		label(b, "tick", L - 6, y + 4, "end", t, 0);
	}
	hwk_buf_printf(b, "<path class=\"axis\" d=\"M%d %d V%d H%d\"/>\n", L, T, bottom, R);
	if (c->xfirst)
		label(b, "tick", L, bottom + 16, "start", c->xfirst, 0);
	if (c->xlast)
		label(b, "tick", R, bottom + 16, "end", c->xlast, 0);
	if (c->xlabel)
		label(b, "axis-label", (L + R) / 2.0, bottom + 30, "middle", c->xlabel, 0);
	if (c->ylabel)
		label(b, "axis-label", 14, (T + bottom) / 2.0, "middle", c->ylabel, 1);
	/* the marks */
	for (size_t k = 0; k < c->n; k++) {
		const hwk_series *s = &c->s[k];
		const char *col = colours[k % NSTYLE], *dash = dashes[k % NSTYLE];
		hwk_buf bs = {0};
		hwk_xml_text(&bs, s->name);
		if (!c->bars) {
			hwk_buf_printf(b, "<polyline class=\"line\" data-series=\"%s\" stroke=\"%s\"%s%s%s points=\"",
				       bs.s, col, *dash ? " stroke-dasharray=\"" : "", dash,
				       *dash ? "\"" : "");
			for (size_t i = 0, first = 1; i < s->n; i++)
				if (!isnan(s->y[i])) {
					hwk_buf_printf(b, "%s%.1f,%.1f", first ? "" : " ",
						       L + (s->x[i] - c->xmin + 0.5) * pw / slots,
						       bottom - (s->y[i] - c->ymin) * ph / span);
					first = 0;
				}
			hwk_buf_adds(b, "\"/>\n");
		}
		for (size_t i = 0; i < s->n; i++) {
			if (isnan(s->y[i]))
				continue;
			double x = L + (s->x[i] - c->xmin + 0.5) * pw / slots;
			double y = bottom - (s->y[i] - c->ymin) * ph / span;
			if (c->bars) {
				double bw = pw / slots * 0.7;
				hwk_buf_printf(b, "<rect class=\"bar week\" data-series=\"%s\" x=\"%.1f\" "
						  "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
					       bs.s, x - bw / 2, y, bw, bottom - y, col);
			} else {
				hwk_buf_printf(b, "<circle class=\"point\" data-series=\"%s\" cx=\"%.1f\" "
						  "cy=\"%.1f\" r=\"3.5\" fill=\"%s\">", bs.s, x, y, col);
			}
			hwk_buf_adds(b, "<title>");
			hwk_buf_adds(b, bs.s);
			hwk_buf_adds(b, ": ");
			num(b, s->y[i]);
			if (c->unit)
				hwk_buf_adds(b, c->unit);
			hwk_buf_adds(b, c->bars ? "</title></rect>\n" : "</title></circle>\n");
		}
		/* the legend under the axis, when there is more than one thing to tell apart */
		if (c->n > 1 || !c->bars) {
			double lx = L + (double)k * (pw / (double)c->n);
			hwk_buf_printf(b, "<line class=\"key\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
					  "stroke=\"%s\"%s%s%s/>\n", lx, h - 9, lx + 18, h - 9, col,
				       *dash ? " stroke-dasharray=\"" : "", dash, *dash ? "\"" : "");
			label(b, "key", lx + 22, h - 5, "start", s->name, 0);
		}
		hwk_buf_free(&bs);
	}
	close_svg(b);
}

/* ---- the sleep diary ---- */

enum { ROW = 18, SPAN = 20 * 60 }; /* 18:00 to 14:00 the next day */

void hwk_svg_nights(hwk_buf *b, const char *title, const hwk_svg_night *v, size_t n)
{
	const int top = 10, h = top + (int)n * ROW + 56, bottom = top + (int)n * ROW;
	const double pw = R - L;
	hwk_buf desc = {0};
	hwk_buf_printf(&desc, "%zu night%s, one row each from the evening (18:00) to the next "
			      "day (14:00): in bed, asleep, and awake in the night", n,
		       n == 1 ? "" : "s");
	open_svg(b, "nights", title, desc.s, h);
	hwk_buf_free(&desc);
	for (int hr = 0; hr <= SPAN / 60; hr += 2) {
		double x = L + pw * hr * 60 / SPAN;
		char t[8];
		snprintf(t, sizeof t, "%02d", (18 + hr) % 24);
		hwk_buf_printf(b, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
			       x, top, x, bottom);
		label(b, "tick", x, bottom + 14, "middle", t, 0);
	}
	label(b, "axis-label", (L + R) / 2.0, bottom + 30, "middle", "time of day (hours)", 0);
#define X(m) (L + pw * ((m) < 0 ? 0 : (m) > SPAN ? SPAN : (m)) / SPAN)
	for (size_t i = 0; i < n; i++) {
		const hwk_svg_night *t = &v[i];
		double y = top + (double)i * ROW;
		label(b, "tick", L - 4, y + 12, "end", t->day + 5, 0);
		hwk_buf_printf(b, "<rect class=\"bar night\" data-series=\"in bed\" x=\"%.1f\" y=\"%.1f\" "
				  "width=\"%.1f\" height=\"%d\"><title>%s: in bed %.0f min</title></rect>\n",
			       X(t->bed), y + 2, X(t->out_of_bed) - X(t->bed), ROW - 4, t->day,
			       t->out_of_bed - t->bed);
		if (isnan(t->asleep))
			continue;
		hwk_buf_printf(b, "<rect class=\"sleep\" data-series=\"asleep\" x=\"%.1f\" y=\"%.1f\" "
				  "width=\"%.1f\" height=\"%d\"><title>%s: from falling asleep to waking "
				  "%.0f min</title></rect>\n",
			       X(t->asleep), y + 5, X(t->wake) - X(t->asleep), ROW - 10, t->day,
			       t->wake - t->asleep);
		if (isnan(t->waso))
			continue;
		/* the diary gives how long, not when: drawn in the middle of the period */
		double mid = (t->asleep + t->wake) / 2;
		hwk_buf_printf(b, "<rect class=\"waso\" data-series=\"awake in the night\" x=\"%.1f\" "
				  "y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>%s: awake in the "
				  "night %.0f min</title></rect>\n",
			       X(mid - t->waso / 2), y + 5, X(mid + t->waso / 2) - X(mid - t->waso / 2),
			       ROW - 10, t->day, t->waso);
	}
#undef X
	/* the key */
	static const char *const keys[][2] = {{"night", "in bed"}, {"sleep", "asleep"},
					      {"waso", "awake in the night"}};
	for (int k = 0; k < 3; k++) {
		double lx = L + k * pw / 3;
		hwk_buf_printf(b, "<rect class=\"key key-%s\" x=\"%.1f\" y=\"%d\" width=\"14\" height=\"10\"/>\n",
			       keys[k][0], lx, h - 16);
		label(b, "key", lx + 18, h - 7, "start", keys[k][1], 0);
	}
	close_svg(b);
}
