#define _GNU_SOURCE
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "adherence.h"
#include "err.h"
#include "metrics.h"
#include "svg.h"

typedef struct {
	const hwk_assignment *a;
	const hwk_chart_period *p;
	hwk_entry *rows;        /* the course, in the order of at */
	size_t n;
} course;

static int by_at(const void *x, const void *y)
{
	const hwk_entry *a = x, *b = y;
	time_t ta = 0, tb = 0;
	(void)hwk_entry_at(a, &ta);
	(void)hwk_entry_at(b, &tb);
	return (ta > tb) - (ta < tb);
}

static int counts(const hwk_entry *e)
{
	const char *st = e->cols.n > HWK_E_STATUS ? e->cols.v[HWK_E_STATUS] : "";
	return !strcmp(st, "done") || !strcmp(st, "partial");
}

static int in_period(const course *c, const hwk_entry *e)
{
	hwk_day d;
	return hwk_entry_day(e, &d) == 0 && d >= c->p->from && d <= c->p->to;
}

/* The course's rows: those the summary did not see are checked as it checks them (a
 * bad one named), those it saw quietly (it named them). */
static int read_course(course *c)
{
	const hwk_assignment *a = c->a;
	if (hwk_entries_tail(a, a->start_day, &c->rows, &c->n) < 0)
		return -1;
	hwk_entry *older = hwk_xcalloc(c->n + 1, sizeof *older);
	size_t no = 0, k = 0;
	for (size_t i = 0; i < c->n; i++) {
		hwk_day d;
		int seen = hwk_entry_day(&c->rows[i], &d) == 0 && d >= c->p->seen_from;
		if (!seen) {
			older[no++] = c->rows[i];
			continue;
		}
		hwk_err_quiet(1);
		int ok = hwk_entry_check(a, &c->rows[i].cols, 0) == 0;
		hwk_err_quiet(0);
		if (ok)
			c->rows[k++] = c->rows[i];
		else
			hwk_entry_free(&c->rows[i]);
	}
	hwk_entries_sift(a, older, &no, a->start_day);
	c->rows = hwk_xrealloc(c->rows, (k + no + 1) * sizeof *c->rows);
	memcpy(c->rows + k, older, no * sizeof *older);
	c->n = k + no;
	free(older);
	qsort(c->rows, c->n, sizeof *c->rows, by_at);
	return 0;
}

static double min_d(double a, double b) { return a < b ? a : b; }
/* Whole numbers below and above x (the chart's ends), without libm. */
static double floor_d(double x) { double t = (double)(long)x; return t > x ? t - 1 : t; }
static double ceil_d(double x) { double t = (double)(long)x; return t < x ? t + 1 : t; }
static double max_d(double a, double b) { return a > b ? a : b; }

/* The y range of c from its values, or from lo..hi where given (NAN: not). */
static void y_range(hwk_chart *c, double lo, double hi)
{
	double mn = NAN, mx = NAN;
	for (size_t k = 0; k < c->n; k++)
		for (size_t i = 0; i < c->s[k].n; i++) {
			double y = c->s[k].y[i];
			if (isnan(y))
				continue;
			mn = isnan(mn) ? y : min_d(mn, y);
			mx = isnan(mx) ? y : max_d(mx, y);
		}
	c->ymin = !isnan(lo) ? lo : isnan(mn) ? 0 : min_d(0, floor_d(mn));
	c->ymax = !isnan(hi) ? hi : isnan(mx) ? 1 : ceil_d(mx);
	if (c->ymax <= c->ymin)
		c->ymax = c->ymin + 1;
}

/* The text alternative: each series' values in order. */
static char *describe(const hwk_chart *c, const char *what)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, what);
	for (size_t k = 0; k < c->n; k++) {
		hwk_buf_printf(&b, "%s%s:", k ? "; " : ". ", c->s[k].name);
		size_t shown = 0;
		for (size_t i = 0; i < c->s[k].n; i++) {
			char v[32];
			if (isnan(c->s[k].y[i]))
				continue;
			hwk_fmt_decimal(v, c->s[k].y[i], 1);
			hwk_buf_printf(&b, "%s %s%s", shown++ ? "," : "", v, c->unit ? c->unit : "");
		}
		if (!shown)
			hwk_buf_adds(&b, " none");
	}
	hwk_buf_addc(&b, '.');
	return b.s;
}

static void draw(hwk_buf *b, hwk_chart *c, const char *what)
{
	c->desc = describe(c, what);
	hwk_chart_draw(b, c);
	hwk_chart_free(c);
}

static char *week_name(const course *c, hwk_day ws)
{
	if (c->p->week_start == 0) {
		int y, w;
		hwk_day_iso_week(ws, &y, &w);
		return hwk_xasprintf("%d-W%02d", y, w);
	}
	char d[16];
	hwk_day_format(ws, d);
	return hwk_xasprintf("week of %s", d);
}

/* The weeks of the course: from the week of the start to the week of the period's end. */
static hwk_day first_week(const course *c)
{
	return hwk_week_start(c->a->start_day, c->p->week_start);
}

static hwk_day last_week(const course *c)
{
	return hwk_week_start(c->p->to, c->p->week_start);
}

static void week_axis(hwk_chart *ch, const course *c)
{
	ch->xmin = 0;
	ch->xmax = (double)((last_week(c) - first_week(c)) / 7);
	ch->xfirst = week_name(c, first_week(c));
	ch->xlast = week_name(c, last_week(c));
	ch->xlabel = "week";
}

/* Completion per week, as adherence.c counts it over each week's days of the course. */
static void completion(hwk_buf *b, const course *c)
{
	hwk_chart ch = {0};
	ch.cls = "completion";
	ch.bars = 1;
	ch.unit = "%";
	ch.title = hwk_xasprintf("Completion per week, %s", c->a->id);
	ch.ylabel = "completion (%)";
	week_axis(&ch, c);
	hwk_series *s = hwk_chart_series(&ch, "completion");
	for (hwk_day w = first_week(c); w <= last_week(c); w += 7) {
		hwk_day lo = w < c->a->start_day ? c->a->start_day : w;
		hwk_day hi = w + 6 > c->p->to ? c->p->to : w + 6;
		hwk_adherence h;
		hwk_adherence_compute(c->a, c->rows, c->n, lo, hi, c->p->today, c->p->week_start, &h);
		hwk_series_add(s, (double)((w - first_week(c)) / 7), h.completion);
	}
	y_range(&ch, 0, 100);
	draw(b, &ch, "Entries done or partial as a share of those expected, per week of the "
		     "course (weeks with nothing expected have no bar)");
}

/* The rows of a week of the course (from its index), into out. */
static size_t week_rows(const course *c, hwk_day ws, hwk_entry *out)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		hwk_day d;
		if (hwk_entry_day(&c->rows[i], &d) == 0 && d >= ws && d <= ws + 6 && d <= c->p->to)
			out[k++] = c->rows[i];
	}
	return k;
}

/* A metric of the type's numbers over some rows (NAN when none). */
static double metric_of(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			const char *key)
{
	hwk_metrics m;
	double v = NAN;
	hwk_metrics_compute(a, rows, n, &m);
	for (size_t i = 0; i < m.n; i++)
		if (!strcmp(m.v[i].key, key))
			v = m.v[i].value;
	hwk_metrics_free(&m);
	return v;
}

static double minutes_after(time_t t, time_t base)
{
	return difftime(t, base) / 60.0;
}

static void sleep_charts(hwk_buf *b, const course *c)
{
	hwk_svg_night *v = hwk_xcalloc(c->n + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++) {
		const hwk_entry *e = &c->rows[i];
		hwk_day day;
		hwk_night nt;
		const hwk_assignment *a = c->a;
		if (!counts(e) || !in_period(c, e) || hwk_entry_day(e, &day) < 0 ||
		    hwk_sleep_night(day, hwk_entry_field(a, e, "bed"), hwk_entry_field(a, e, "lights_out"),
				    hwk_entry_field(a, e, "sol"), hwk_entry_field(a, e, "waso"),
				    hwk_entry_field(a, e, "wake"), hwk_entry_field(a, e, "out_of_bed"),
				    &nt) < 0)
			continue;
		time_t base = hwk_time_local(day - 1, 18, 0, 0);
		hwk_svg_night *t = &v[n++];
		double sol, waso;
		hwk_day_format(day, t->day);
		t->bed = minutes_after(nt.bed, base);
		t->wake = minutes_after(nt.wake, base);
		t->out_of_bed = minutes_after(nt.out_of_bed, base);
		const char *s = hwk_entry_field(a, e, "sol"), *w = hwk_entry_field(a, e, "waso");
		t->asleep = s && hwk_parse_number(s, &sol) == 0 ? minutes_after(nt.lights_out, base) + sol
								: NAN;
		t->waso = w && hwk_parse_number(w, &waso) == 0 ? waso : NAN;
	}
	char *title = hwk_xasprintf("Sleep diary, %s", c->a->id);
	hwk_svg_nights(b, title, v, n);
	free(title);
	free(v);

	hwk_chart ch = {0};
	ch.cls = "se";
	ch.unit = "%";
	ch.title = hwk_xasprintf("Sleep efficiency per week, %s", c->a->id);
	ch.ylabel = "sleep efficiency (%)";
	week_axis(&ch, c);
	hwk_series *s = hwk_chart_series(&ch, "sleep efficiency");
	hwk_entry *wk = hwk_xcalloc(c->n + 1, sizeof *wk);
	for (hwk_day w = first_week(c); w <= last_week(c); w += 7)
		hwk_series_add(s, (double)((w - first_week(c)) / 7),
			       metric_of(c->a, wk, week_rows(c, w, wk), "se_mean"));
	free(wk);
	y_range(&ch, 0, 100);
	draw(b, &ch, "The mean sleep efficiency (total sleep time over time in bed) of each "
		     "week's nights, as the report computes it for a period");
}

/* A number of a row, NAN when absent. */
static double value(const course *c, const hwk_entry *e, const char *field)
{
	const char *s = hwk_entry_field(c->a, e, field);
	double v;
	return s && hwk_parse_number(s, &v) == 0 ? v : NAN;
}

static void exposure_chart(hwk_buf *b, const course *c)
{
	hwk_chart ch = {0};
	ch.cls = "suds";
	ch.title = hwk_xasprintf("Peak SUDS per session, %s", c->a->id);
	ch.ylabel = "peak SUDS (0-100)";
	ch.xlabel = "session (in time order)";
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		const hwk_entry *e = &c->rows[i];
		double pk = value(c, e, "suds_peak");
		if (!counts(e) || isnan(pk))
			continue;
		const char *step = hwk_entry_field(c->a, e, "step");
		if (!step)
			step = "-";
		size_t j = 0;
		while (j < ch.n && strcmp(ch.s[j].name, step))
			j++;
		hwk_series *s = j < ch.n ? &ch.s[j] : hwk_chart_series(&ch, step);
		hwk_series_add(s, (double)++k, pk);
	}
	ch.xmin = 1;
	ch.xmax = k ? (double)k : 1;
	ch.xfirst = hwk_xstrdup("1");
	ch.xlast = hwk_xasprintf("%zu", k);
	y_range(&ch, 0, 100);
	draw(b, &ch, "The peak SUDS of each session of the course with one, a line per step of "
		     "the ladder");
}

/* One chart of fields per entry of the period (x the entry's place). */
static void per_entry(hwk_buf *b, const course *c, const char *cls, char *title,
		      const char *ylabel, const char *const *fields, const char *const *names,
		      double lo, double hi, const char *what)
{
	hwk_chart ch = {0};
	ch.cls = cls;
	ch.title = title;
	ch.ylabel = ylabel;
	ch.xlabel = "entry (in time order)";
	size_t nf = 0;
	while (fields[nf])
		hwk_chart_series(&ch, names[nf]), nf++;
	size_t k = 0;
	char first[16] = "", last[16] = "";
	for (size_t i = 0; i < c->n; i++) {
		const hwk_entry *e = &c->rows[i];
		if (!counts(e) || !in_period(c, e))
			continue;
		hwk_day d;
		if (hwk_entry_day(e, &d) == 0)
			hwk_day_format(d, k ? last : first);
		k++;
		for (size_t f = 0; f < nf; f++)
			hwk_series_add(&ch.s[f], (double)k, value(c, e, fields[f]));
	}
	ch.xmin = 1;
	ch.xmax = k ? (double)k : 1;
	ch.xfirst = hwk_xstrdup(first);
	ch.xlast = hwk_xstrdup(*last ? last : first);
	y_range(&ch, lo, hi);
	draw(b, &ch, what);
}

static void thought_chart(hwk_buf *b, const course *c)
{
	static const char *const f[] = {"intensity", "rerate", NULL};
	static const char *const nm[] = {"intensity before", "re-rated after", NULL};
	per_entry(b, c, "intensity", hwk_xasprintf("Intensity before and after, %s", c->a->id),
		  "intensity (0-100)", f, nm, 0, 100,
		  "The emotion's intensity before each record and re-rated after it, per record "
		  "of the period");
}

static void activity_chart(hwk_buf *b, const course *c)
{
	static const char *const f[] = {"mood_before", "mood_after", "mastery", "pleasure", NULL};
	static const char *const nm[] = {"mood before", "mood after", "mastery", "pleasure", NULL};
	per_entry(b, c, "activity", hwk_xasprintf("Mood, mastery and pleasure, %s", c->a->id),
		  "rating (0-10)", f, nm, 0, 10,
		  "Mood before and after each activity of the period, its mastery and pleasure");
}

/* Any other type: a chart for each integer or number field, on the field's scale when
 * it is a rating's (min and max set, at most 100 apart), else on the values'. */
static void field_charts(hwk_buf *b, const course *c)
{
	for (size_t i = 0; i < c->a->fields.n; i++) {
		const hwk_field *fd = &c->a->fields.v[i];
		if (fd->type != HWK_F_INTEGER && fd->type != HWK_F_NUMBER)
			continue;
		const char *const f[] = {fd->name, NULL};
		int scale = fd->has_min && fd->has_max && fd->max - fd->min <= 100;
		char *label = hwk_xasprintf("%s%s%s%s", fd->name, fd->unit ? " (" : "",
					    fd->unit ? fd->unit : "", fd->unit ? ")" : "");
		char *what = hwk_xasprintf("%s, per entry of the period", label);
		per_entry(b, c, "field", hwk_xasprintf("%s over time, %s", fd->name, c->a->id), label,
			  f, f, scale ? fd->min : NAN, scale ? fd->max : NAN, what);
		free(what);
		free(label);
	}
}

int hwk_charts(hwk_buf *b, const hwk_assignment *a, const hwk_chart_period *p)
{
	course c = {a, p, NULL, 0};
	if (read_course(&c) < 0)
		return -1;
	completion(b, &c);
	if (!strcmp(a->type, "sleep"))
		sleep_charts(b, &c);
	else if (!strcmp(a->type, "exposure"))
		exposure_chart(b, &c);
	else if (!strcmp(a->type, "thought-record"))
		thought_chart(b, &c);
	else if (!strcmp(a->type, "activity"))
		activity_chart(b, &c);
	else
		field_charts(b, &c);
	hwk_entry_rows_free(c.rows, c.n);
	return 0;
}
