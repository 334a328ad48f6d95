/* svg: the charts of the HTML pages, drawn as inline SVG by hwk: text escaped for
 * markup, a chart of series over an x axis (lines with a point per value, or bars),
 * and the sleep diary's nights, each with a title, axis labels and a text alternative.
 * Every element a reader may count has a class: "bar week" (a bar), "point" (a value),
 * "line" (a series), "bar night", "sleep" and "waso" (a night), each mark with
 * data-series naming its series. */
#ifndef HWK_SVG_H
#define HWK_SVG_H

#include <stddef.h>
#include "util.h"

/* s escaped for HTML and SVG text and attributes (& < > " '), control and invisible
 * characters made visible as a terminal shows them (hwk_visible). */
void hwk_xml_text(hwk_buf *b, const char *s);

/* One series: n values at x (y NAN: none there). */
typedef struct {
	char *name;      /* owned */
	double *x, *y;
	size_t n, cap;
} hwk_series;

void hwk_series_add(hwk_series *s, double x, double y);

typedef struct {
	const char *cls;         /* the chart's class: "completion", "se", "suds", ... */
	char *title, *desc;      /* owned: the heading and the text alternative */
	const char *xlabel, *ylabel;
	double xmin, xmax, ymin, ymax;
	char *xfirst, *xlast;    /* owned: labels of the x axis' two ends (may be NULL) */
	int bars;                /* one bar per value of the first series ("bar week") */
	const char *unit;        /* after each value in its tooltip ("%"), or NULL */
	hwk_series *s;
	size_t n;
} hwk_chart;

/* A new series of c named name (copied). */
hwk_series *hwk_chart_series(hwk_chart *c, const char *name);
/* The chart as a <figure> with its <svg> and caption. */
void hwk_chart_draw(hwk_buf *b, const hwk_chart *c);
void hwk_chart_free(hwk_chart *c);

/* A night of the sleep diary, in minutes from 18:00 the evening before its morning;
 * a time not known is NAN. */
typedef struct {
	char day[16];                        /* the morning, YYYY-MM-DD */
	double bed, asleep, wake, out_of_bed; /* asleep: lights out (or bed) + sol */
	double waso;                          /* minutes awake in the night */
} hwk_svg_night;

/* The nights as the classic sleep diary: a row per night, a bar from bed to out of bed
 * ("bar night"), the sleep period from falling asleep to waking ("sleep") and the time
 * awake in the night within it ("waso"). */
void hwk_svg_nights(hwk_buf *b, const char *title, const hwk_svg_night *v, size_t n);

#endif
