/* Unit tests for lib/svg.c: text escaped for markup (every client text on the HTML
 * pages goes through it), a chart's marks one per value (none for a value not there),
 * its title and text alternative escaped, and the sleep diary's nights placed on the
 * 18:00-to-14:00 axis. */
#define _GNU_SOURCE
#include "svg.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static char *esc(const char *s)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	hwk_xml_text(&b, s);
	return b.s;
}

static void escaping(void)
{
	static const struct {
		const char *in, *want;
	} t[] = {
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;"},
		{"&amp;", "&amp;amp;"},
		{"Zo\xc3\xab", "Zo\xc3\xab"},
		{"esc\x1b[31m", "esc\\x1b[31m"},
		{"two\nlines", "two\\nlines"},
		{"bad \xff byte", "bad \\xff byte"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *got = esc(t[i].in);
		is_str(got, t[i].want, "escaped: %s", t[i].want);
		free(got);
	}
}

static void chart(void)
{
	hwk_chart c = {0};
	c.cls = "completion";
	c.bars = 1;
	c.title = strdup("Completion <per> week");
	c.desc = strdup("a & b");
	c.xlabel = "week";
	c.ylabel = "completion (%)";
	c.xmax = 2;
	c.ymax = 100;
	hwk_series *s = hwk_chart_series(&c, "completion");
	hwk_series_add(s, 0, 50);
	hwk_series_add(s, 1, NAN);
	hwk_series_add(s, 2, 0);
	hwk_buf b = {0};
	hwk_chart_draw(&b, &c);
	is_int(count(b.s, "<rect class=\"bar week\""), 2, "a bar per value, none for a week without one");
	ok(strstr(b.s, "<title>Completion &lt;per&gt; week</title>") != NULL, "the title escaped");
	ok(strstr(b.s, "aria-label=\"Completion &lt;per&gt; week\"") != NULL, "the label escaped");
	ok(strstr(b.s, "<desc>a &amp; b</desc>") != NULL, "the text alternative escaped");
	ok(strstr(b.s, "<figcaption>Completion &lt;per&gt; week</figcaption>") != NULL, "the caption");
	ok(strstr(b.s, ">week</text>") && strstr(b.s, ">completion (%)</text>"), "the axes' labels");
	ok(strstr(b.s, "http") == NULL, "no URL");
	hwk_chart_free(&c);
	hwk_buf_reset(&b);

	c.cls = "suds";
	c.title = strdup("SUDS");
	c.desc = strdup("d");
	c.xmin = 1;
	c.xmax = 3;
	s = hwk_chart_series(&c, "<i>lift</i>");
	hwk_series_add(s, 1, 80);
	hwk_series_add(s, 2, 60);
	s = hwk_chart_series(&c, "bus");
	hwk_series_add(s, 3, 90);
	hwk_chart_draw(&b, &c);
	is_int(count(b.s, "<polyline class=\"line\""), 2, "a line per series");
	is_int(count(b.s, "<circle class=\"point\""), 3, "a point per value");
	is_int(count(b.s, "data-series=\"&lt;i&gt;lift&lt;/i&gt;\""), 3,
	       "the series named, escaped, on its line and points");
	hwk_chart_free(&c);
	hwk_buf_free(&b);
}

static void nights(void)
{
	hwk_svg_night v[2] = {
		{"2026-11-17", 300, 320, 750, 780, 10},   /* 23:00 to 07:00 */
		{"2026-11-18", 340, NAN, 740, 765, NAN}, /* 23:40, no sol */
	};
	hwk_buf b = {0};
	hwk_svg_nights(&b, "Sleep", v, 2);
	is_int(count(b.s, "<rect class=\"bar night\""), 2, "a bar per night");
	is_int(count(b.s, "<rect class=\"sleep\""), 1, "asleep where known");
	is_int(count(b.s, "<rect class=\"waso\""), 1, "awake in the night where known");
	/* 23:00 is 300 minutes into 1200, on a plot from 46 to 468 */
	ok(strstr(b.s, "<rect class=\"bar night\" data-series=\"in bed\" x=\"151.5\"") != NULL,
	   "bed at 23:00 a quarter of the way");
	ok(strstr(b.s, "<title>2026-11-17: in bed 480 min</title>") != NULL, "the time in bed");
	ok(strstr(b.s, "<desc>2 nights, one row each") != NULL, "the text alternative");
	hwk_buf_free(&b);
}

int main(void)
{
	escaping();
	chart();
	nights();
	return tap_done();
}
