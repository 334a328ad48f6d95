/* metrics: the clinical numbers of each homework type over a set of entries.
 *
 * Only done and partial entries count; skipped ones are ignored. A value that is absent
 * (an empty column, a column the row does not have) or unreadable is left out: never
 * counted as zero. Every metric carries the number of entries it was computed from (n);
 * a mean of nothing is NAN with n 0. Means and percentages are shown with 1 decimal,
 * counts and totals with 0. Every type always yields the same keys, whatever the data.
 *
 * sleep (Consensus Sleep Diary; an entry is dated the morning it is filled in):
 *   per night, in real elapsed time (DST nights are an hour shorter or longer):
 *     out_of_bed is that day at its clock time; wake is the latest moment at or before
 *     out_of_bed with wake's clock time; lights_out the latest at or before wake; bed the
 *     latest at or before lights_out (or before wake when lights_out is absent).
 *     TIB = out_of_bed - bed
 *     TST = (wake - lights_out, or wake - bed when lights_out is absent) - sol - waso
 *     SE  = TST / TIB x 100
 *   When sol or waso is absent, that night's TST and SE are not computed: counting the
 *   missing minutes as zero would overstate sleep. They are left out of tst_mean and
 *   se_mean, whose n shows it. A night whose sol + waso exceed the time from lights out
 *   to waking (a negative TST) cannot be true: such a row is refused when logged and
 *   when read (plausible.c), and were one handed in here it is left out the same way;
 *   so is SE when TIB is 0.
 *   keys: tib_mean, tst_mean, sol_mean, waso_mean, se_mean, quality_mean, awakenings_mean.
 *   The hint, once at least 7 nights have an SE, uses those nights only: their mean SE
 *   (rounded to 0.1 %, and the branch is chosen on that rounded figure so the text never
 *   contradicts itself), their mean TIB and mean TST, windows rounded to whole minutes
 *   and written HhMM:
 *     SE >= 90:      "sleep efficiency N% over K nights: the sleep window may widen by
 *                     15 minutes (to HhMM)"             window = mean TIB + 15 min
 *     85 <= SE < 90: "sleep efficiency N% over K nights: keep the sleep window (HhMM)"
 *                                                       window = mean TIB
 *     SE < 85:       "sleep efficiency N% over K nights: the sleep window may narrow to
 *                     HhMM"                             window = mean TST, at least 5h00
 *   N is written with one decimal ("78.6%"), e.g.
 *     "sleep efficiency 92.3% over 7 nights: the sleep window may widen by 15 minutes (to 7h45)"
 *
 * thought-record: intensity_mean, rerate_mean, drop_mean (intensity - rerate, over
 *   records with both), belief_mean, balanced_belief_mean, no_shift (records with both
 *   where rerate >= intensity; n = records with both).
 * activity: mastery_mean, pleasure_mean, mood_change_mean (mood_after - mood_before over
 *   entries with both), predicted_mean and actual_mean (predicted_mood and mood_after
 *   over entries having both), prediction_gap_mean (mood_after - predicted_mood, same).
 * exposure: peak_by_step, a text: steps in order of their first session
 *   with a peak, each "STEP: p1, p2" (peaks in time order of at), joined by "; " ("" when
 *   no session has a peak; n = sessions with a peak; value NAN); halved (sessions with
 *   both suds_peak and suds_after where suds_after <= suds_peak / 2; n = sessions with
 *   both); minutes_total and minutes_mean (n = sessions with minutes); suds_peak_mean.
 * mindfulness: sessions (done + partial entries), minutes_total, minutes_mean,
 *   before_mean, after_mean, change_mean (after - before over entries with both).
 * task: no metrics.
 * any other type: per integer or number field F, F_mean, F_min, F_max (n = entries with
 *   a value; min and max shown with 0 decimals for integers, else with as many as the
 *   values have, at most 6); per yesno field F, F_yes: the share of yes, in %. */
#define _GNU_SOURCE

#include "metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

static long round_long(double x)
{
	return x < 0 ? -(long)(-x + 0.5) : (long)(x + 0.5);
}

static int counts(const hwk_entry *e)
{
	if (e->cols.n <= HWK_E_STATUS)
		return 0;
	const char *s = e->cols.v[HWK_E_STATUS];
	return !strcmp(s, "done") || !strcmp(s, "partial");
}

/* The column of a field, or -1 when the assignment has no such field. */
static long col_of(const hwk_assignment *a, const char *name)
{
	const hwk_field *f = hwk_fields_find(&a->fields, name);
	return f ? (long)(f - a->fields.v) + HWK_ENTRY_FIXED : -1;
}

/* A value, or NULL when absent. */
static const char *val(const hwk_entry *e, long col)
{
	if (col < 0 || (size_t)col >= e->cols.n || !e->cols.v[col] || !*e->cols.v[col])
		return NULL;
	return e->cols.v[col];
}

static int num(const hwk_entry *e, long col, double *out)
{
	const char *s = val(e, col);
	return s && hwk_parse_number(s, out) == 0;
}

typedef struct {
	double sum, min, max;
	long n;
} acc;

static void acc_add(acc *a, double x)
{
	if (!a->n || x < a->min)
		a->min = x;
	if (!a->n || x > a->max)
		a->max = x;
	a->sum += x;
	a->n++;
}

static double acc_mean(const acc *a)
{
	return a->n ? a->sum / (double)a->n : NAN;
}

/* A metric named by two texts that outlive it (mem NULL), or by texts in mem, which it
 * then owns. */
static hwk_metric *add_in(hwk_metrics *m, const char *key, const char *label, char *mem,
			  double value, long n, int decimals)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = hwk_xrealloc(m->v, m->cap * sizeof *m->v);
	}
	hwk_metric *x = &m->v[m->n++];
	x->key = key;
	x->label = label;
	x->mem = mem;
	x->value = value;
	x->n = n;
	x->decimals = decimals;
	x->text = NULL;
	return x;
}

static hwk_metric *add(hwk_metrics *m, const char *key, const char *label, double value, long n,
		       int decimals)
{
	return add_in(m, key, label, NULL, value, n, decimals);
}

/* A field's metric: "FIELD_SUFFIX" and "FIELD WHAT UNIT", made once in one block. */
static void add_field(hwk_metrics *m, const hwk_field *fd, const char *suffix, const char *what,
		      const char *unit, double value, long n, int decimals)
{
	char *mem = hwk_xasprintf("%s_%s%c%s %s%s%s%s", fd->name, suffix, 0, fd->name, what,
				  unit ? " (" : "", unit ? unit : "", unit ? ")" : "");
	add_in(m, mem, mem + strlen(mem) + 1, mem, value, n, decimals);
}

static void add_mean(hwk_metrics *m, const char *key, const char *label, const acc *a)
{
	add(m, key, label, acc_mean(a), a->n, 1);
}

/* Every mean the built-in types show, in the order shown: the type, the key, the label.
 * Each type's numbers pass add_means their accumulators in this order. */
static const struct {
	const char *type, *key, *label;
} means[] = {
	{"sleep", "tib_mean", "time in bed (min)"},
	{"sleep", "tst_mean", "total sleep time (min)"},
	{"sleep", "sol_mean", "time to fall asleep (min)"},
	{"sleep", "waso_mean", "awake in the night (min)"},
	{"sleep", "se_mean", "sleep efficiency (%)"},
	{"sleep", "quality_mean", "sleep quality"},
	{"sleep", "awakenings_mean", "awakenings"},
	{"thought-record", "intensity_mean", "intensity before"},
	{"thought-record", "rerate_mean", "intensity after (re-rated)"},
	{"thought-record", "drop_mean", "drop in intensity"},
	{"thought-record", "belief_mean", "belief in the thought"},
	{"thought-record", "balanced_belief_mean", "belief in the balanced thought"},
	{"activity", "mastery_mean", "mastery"},
	{"activity", "pleasure_mean", "pleasure"},
	{"activity", "mood_change_mean", "mood change (after - before)"},
	{"activity", "predicted_mean", "mood predicted"},
	{"activity", "actual_mean", "mood after (where predicted)"},
	{"activity", "prediction_gap_mean", "mood after - predicted"},
	{"exposure", "minutes_mean", "minutes per session"},
	{"exposure", "suds_peak_mean", "peak SUDS"},
	{"mindfulness", "minutes_mean", "minutes per session"},
	{"mindfulness", "before_mean", "rating before"},
	{"mindfulness", "after_mean", "rating after"},
	{"mindfulness", "change_mean", "change (after - before)"},
};

static void add_means(hwk_metrics *m, const char *type, const acc *const *v)
{
	for (size_t i = 0; *v && i < sizeof means / sizeof *means; i++)
		if (!strcmp(means[i].type, type))
			add_mean(m, means[i].key, means[i].label, *v++);
}

static void add_count(hwk_metrics *m, const char *key, const char *label, long count, long n)
{
	add(m, key, label, (double)count, n, 0);
}

static void add_total(hwk_metrics *m, const char *key, const char *label, const acc *a)
{
	add(m, key, label, a->sum, a->n, 0);
}

/* ---- sleep ---- */

/* The latest moment at or before limit with the clock time clk (seconds since
 * midnight), on *d or the day before; *d becomes the day it fell on. */
static time_t at_or_before(hwk_day *d, long clk, time_t limit)
{
	int h = (int)(clk / 3600), mi = (int)(clk / 60 % 60), s = (int)(clk % 60);
	time_t t = hwk_time_local(*d, h, mi, s);
	for (int i = 0; i < 2 && t > limit; i++) {
		--*d;
		t = hwk_time_local(*d, h, mi, s);
	}
	return t;
}

static int clock_of(const char *s, long *out)
{
	if (!s || !*s)
		return 0;
	*out = hwk_parse_clock(s);
	return *out >= 0;
}

static int minutes_of(const char *s, double *out)
{
	return s && *s && hwk_parse_number(s, out) == 0 && *out >= 0;
}

int hwk_sleep_night(hwk_day day, const char *bed, const char *lights_out, const char *sol,
		    const char *waso, const char *wake, const char *out_of_bed, hwk_night *out)
{
	out->tib = out->tst = out->se = -1;
	long c_bed, c_lo = -1, c_wake, c_oob;
	if (day == HWK_DAY_NONE || !clock_of(bed, &c_bed) || !clock_of(wake, &c_wake) ||
	    !clock_of(out_of_bed, &c_oob))
		return -1;
	int has_lo = clock_of(lights_out, &c_lo);

	hwk_day d = day;
	time_t t_oob = hwk_time_local(d, (int)(c_oob / 3600), (int)(c_oob / 60 % 60),
				      (int)(c_oob % 60));
	time_t t_wake = at_or_before(&d, c_wake, t_oob);
	time_t t_lo = has_lo ? at_or_before(&d, c_lo, t_wake) : t_wake;
	time_t t_bed = at_or_before(&d, c_bed, t_lo);
	out->tib = difftime(t_oob, t_bed) / 60.0;
	out->bed = t_bed;
	out->lights_out = has_lo ? t_lo : t_bed;
	out->wake = t_wake;
	out->out_of_bed = t_oob;

	double m_sol, m_waso;
	if (minutes_of(sol, &m_sol) && minutes_of(waso, &m_waso)) {
		double asleep = difftime(t_wake, has_lo ? t_lo : t_bed) / 60.0;
		double tst = asleep - m_sol - m_waso;
		if (tst >= 0) {
			out->tst = tst;
			if (out->tib > 0)
				out->se = tst / out->tib * 100.0;
		}
	}
	return 0;
}

static char *hhmm(long min)
{
	return hwk_xasprintf("%ldh%02ld", min / 60, min % 60);
}

static char *sleep_hint(const acc *se, const acc *tib, const acc *tst)
{
	if (se->n < 7)
		return NULL;
	long se10 = round_long(acc_mean(se) * 10); /* 0.1 % units */
	char *pre = hwk_xasprintf("sleep efficiency %ld.%ld%% over %ld nights", se10 / 10,
				  se10 % 10, se->n);
	char *w, *hint;
	if (se10 >= 900) {
		w = hhmm(round_long(acc_mean(tib) + 15));
		hint = hwk_xasprintf("%s: the sleep window may widen by 15 minutes (to %s)", pre, w);
	} else if (se10 >= 850) {
		w = hhmm(round_long(acc_mean(tib)));
		hint = hwk_xasprintf("%s: keep the sleep window (%s)", pre, w);
	} else {
		long win = round_long(acc_mean(tst));
		w = hhmm(win < 300 ? 300 : win);
		hint = hwk_xasprintf("%s: the sleep window may narrow to %s", pre, w);
	}
	free(w);
	free(pre);
	return hint;
}

static void sleep_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			  hwk_metrics *m)
{
	long c_bed = col_of(a, "bed"), c_lo = col_of(a, "lights_out"), c_sol = col_of(a, "sol"),
	     c_aw = col_of(a, "awakenings"), c_waso = col_of(a, "waso"),
	     c_wake = col_of(a, "wake"), c_oob = col_of(a, "out_of_bed"),
	     c_q = col_of(a, "quality");
	acc tib = {0}, tst = {0}, sol = {0}, waso = {0}, se = {0}, q = {0}, aw = {0};
	acc h_tib = {0}, h_tst = {0}; /* over the nights with an SE, for the hint */
	for (size_t i = 0; i < n; i++) {
		const hwk_entry *e = &rows[i];
		if (!counts(e))
			continue;
		double x;
		if (minutes_of(val(e, c_sol), &x))
			acc_add(&sol, x);
		if (minutes_of(val(e, c_waso), &x))
			acc_add(&waso, x);
		if (num(e, c_q, &x))
			acc_add(&q, x);
		if (num(e, c_aw, &x))
			acc_add(&aw, x);
		hwk_day day;
		hwk_night nt;
		if (hwk_entry_day(e, &day) < 0 ||
		    hwk_sleep_night(day, val(e, c_bed), val(e, c_lo), val(e, c_sol),
				    val(e, c_waso), val(e, c_wake), val(e, c_oob), &nt) < 0)
			continue;
		acc_add(&tib, nt.tib);
		if (nt.tst >= 0)
			acc_add(&tst, nt.tst);
		if (nt.se >= 0) {
			acc_add(&se, nt.se);
			acc_add(&h_tib, nt.tib);
			acc_add(&h_tst, nt.tst);
		}
	}
	add_means(m, "sleep", (const acc *const[]){&tib, &tst, &sol, &waso, &se, &q, &aw, NULL});
	m->hint = sleep_hint(&se, &h_tib, &h_tst);
}

/* ---- thought-record ---- */

static void thought_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			    hwk_metrics *m)
{
	long c_int = col_of(a, "intensity"), c_re = col_of(a, "rerate"),
	     c_bel = col_of(a, "belief"), c_bb = col_of(a, "balanced_belief");
	acc in = {0}, re = {0}, drop = {0}, bel = {0}, bb = {0};
	long no_shift = 0;
	for (size_t i = 0; i < n; i++) {
		const hwk_entry *e = &rows[i];
		if (!counts(e))
			continue;
		double x, y;
		int has_x = num(e, c_int, &x), has_y = num(e, c_re, &y);
		if (has_x)
			acc_add(&in, x);
		if (has_y)
			acc_add(&re, y);
		if (has_x && has_y) {
			acc_add(&drop, x - y);
			no_shift += y >= x;
		}
		if (num(e, c_bel, &x))
			acc_add(&bel, x);
		if (num(e, c_bb, &x))
			acc_add(&bb, x);
	}
	add_means(m, "thought-record", (const acc *const[]){&in, &re, &drop, &bel, &bb, NULL});
	add_count(m, "no_shift", "records with no drop", no_shift, drop.n);
}

/* ---- activity ---- */

static void activity_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			     hwk_metrics *m)
{
	long c_ma = col_of(a, "mastery"), c_pl = col_of(a, "pleasure"),
	     c_pr = col_of(a, "predicted_mood"), c_bf = col_of(a, "mood_before"),
	     c_af = col_of(a, "mood_after");
	acc ma = {0}, pl = {0}, change = {0}, pred = {0}, act = {0}, gap = {0};
	for (size_t i = 0; i < n; i++) {
		const hwk_entry *e = &rows[i];
		if (!counts(e))
			continue;
		double x, before, after, predicted;
		if (num(e, c_ma, &x))
			acc_add(&ma, x);
		if (num(e, c_pl, &x))
			acc_add(&pl, x);
		int has_after = num(e, c_af, &after);
		if (has_after && num(e, c_bf, &before))
			acc_add(&change, after - before);
		if (has_after && num(e, c_pr, &predicted)) {
			acc_add(&pred, predicted);
			acc_add(&act, after);
			acc_add(&gap, after - predicted);
		}
	}
	add_means(m, "activity", (const acc *const[]){&ma, &pl, &change, &pred, &act, &gap, NULL});
}

/* ---- exposure ---- */

typedef struct {
	size_t i;  /* index in rows */
	int ok;    /* at was readable */
	time_t at;
} session;

static int session_cmp(const void *pa, const void *pb)
{
	const session *a = pa, *b = pb;
	if (a->ok != b->ok)
		return a->ok ? -1 : 1; /* unreadable times last */
	if (a->ok && a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static void exposure_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			     hwk_metrics *m)
{
	long c_step = col_of(a, "step"), c_peak = col_of(a, "suds_peak"),
	     c_after = col_of(a, "suds_after"), c_min = col_of(a, "minutes");
	session *s = hwk_xcalloc(n ? n : 1, sizeof *s);
	size_t ns = 0;
	for (size_t i = 0; i < n; i++) {
		if (!counts(&rows[i]))
			continue;
		s[ns].i = i;
		s[ns].ok = hwk_entry_at(&rows[i], &s[ns].at) == 0;
		ns++;
	}
	qsort(s, ns, sizeof *s, session_cmp);

	acc peak = {0}, minutes = {0};
	long halved = 0, both = 0;
	/* the steps in order of their first session with a peak, each with its peaks */
	const char **steps = hwk_xcalloc(ns ? ns : 1, sizeof *steps);
	hwk_buf *peaks = hwk_xcalloc(ns ? ns : 1, sizeof *peaks);
	size_t nsteps = 0;
	for (size_t k = 0; k < ns; k++) {
		const hwk_entry *e = &rows[s[k].i];
		double p, after, x;
		if (num(e, c_min, &x))
			acc_add(&minutes, x);
		if (!num(e, c_peak, &p))
			continue;
		acc_add(&peak, p);
		if (num(e, c_after, &after)) {
			both++;
			halved += after * 2 <= p;
		}
		const char *step = val(e, c_step);
		if (!step)
			step = "-";
		size_t j = 0;
		while (j < nsteps && strcmp(steps[j], step))
			j++;
		if (j == nsteps)
			steps[nsteps++] = step;
		else
			hwk_buf_adds(&peaks[j], ", ");
		hwk_buf_adds(&peaks[j], val(e, c_peak));
	}
	hwk_buf text = {0};
	hwk_buf_adds(&text, "");
	for (size_t j = 0; j < nsteps; j++) {
		hwk_buf_printf(&text, "%s%s: %s", j ? "; " : "", steps[j], peaks[j].s);
		hwk_buf_free(&peaks[j]);
	}
	free(peaks);
	free(steps);
	free(s);

	hwk_metric *t = add(m, "peak_by_step", "peak SUDS by step", NAN,
			    peak.n, 0);
	t->text = text.s;
	add_count(m, "halved", "sessions where SUDS fell by half", halved, both);
	add_total(m, "minutes_total", "minutes in total", &minutes);
	add_means(m, "exposure", (const acc *const[]){&minutes, &peak, NULL});
}

/* ---- mindfulness ---- */

static void mindfulness_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
				hwk_metrics *m)
{
	long c_min = col_of(a, "minutes"), c_bf = col_of(a, "before"), c_af = col_of(a, "after");
	acc minutes = {0}, before = {0}, after = {0}, change = {0};
	long sessions = 0;
	for (size_t i = 0; i < n; i++) {
		const hwk_entry *e = &rows[i];
		if (!counts(e))
			continue;
		sessions++;
		double x, b, af;
		if (num(e, c_min, &x))
			acc_add(&minutes, x);
		int has_b = num(e, c_bf, &b), has_a = num(e, c_af, &af);
		if (has_b)
			acc_add(&before, b);
		if (has_a)
			acc_add(&after, af);
		if (has_b && has_a)
			acc_add(&change, af - b);
	}
	add_count(m, "sessions", "sessions", sessions, sessions);
	add_total(m, "minutes_total", "minutes in total", &minutes);
	add_means(m, "mindfulness", (const acc *const[]){&minutes, &before, &after, &change, NULL});
}

/* ---- any other type ---- */

static int decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');
	int d = dot ? (int)strlen(dot + 1) : 0;
	return d > 6 ? 6 : d;
}

static void generic_metrics(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			    hwk_metrics *m)
{
	for (size_t f = 0; f < a->fields.n; f++) {
		const hwk_field *fd = &a->fields.v[f];
		long c = (long)f + HWK_ENTRY_FIXED;
		const char *unit = fd->unit;
		if (fd->type == HWK_F_INTEGER || fd->type == HWK_F_NUMBER) {
			acc x = {0};
			int dec = 0;
			for (size_t i = 0; i < n; i++) {
				double v;
				if (!counts(&rows[i]) || !num(&rows[i], c, &v))
					continue;
				acc_add(&x, v);
				if (fd->type == HWK_F_NUMBER) {
					int d = decimals_of(val(&rows[i], c));
					dec = d > dec ? d : dec;
				}
			}
			add_field(m, fd, "mean", "mean", unit, acc_mean(&x), x.n, 1);
			add_field(m, fd, "min", "min", unit, x.n ? x.min : NAN, x.n, dec);
			add_field(m, fd, "max", "max", unit, x.n ? x.max : NAN, x.n, dec);
		} else if (fd->type == HWK_F_YESNO) {
			long yes = 0, any = 0;
			for (size_t i = 0; i < n; i++) {
				const char *v;
				if (!counts(&rows[i]) || !(v = val(&rows[i], c)))
					continue;
				if (!strcmp(v, "yes"))
					yes++, any++;
				else if (!strcmp(v, "no"))
					any++;
			}
			add_field(m, fd, "yes", "yes", "%", any ? 100.0 * (double)yes / (double)any : NAN,
				  any, 1);
		}
	}
}

/* ---- the entry points ---- */

void hwk_metrics_compute(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			 hwk_metrics *out)
{
	out->v = NULL;
	out->n = out->cap = 0;
	out->hint = NULL;
	const char *type = a->type ? a->type : "";
	if (!strcmp(type, "sleep"))
		sleep_metrics(a, rows, n, out);
	else if (!strcmp(type, "thought-record"))
		thought_metrics(a, rows, n, out);
	else if (!strcmp(type, "activity"))
		activity_metrics(a, rows, n, out);
	else if (!strcmp(type, "exposure"))
		exposure_metrics(a, rows, n, out);
	else if (!strcmp(type, "mindfulness"))
		mindfulness_metrics(a, rows, n, out);
	else if (strcmp(type, "task"))
		generic_metrics(a, rows, n, out);
	/* as long as it is (grown by doubling): a report holds two per assignment of the
	 * caseload until it prints */
	if (out->n && out->n < out->cap) {
		out->v = hwk_xrealloc(out->v, out->n * sizeof *out->v);
		out->cap = out->n;
	}
}

void hwk_metrics_free(hwk_metrics *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].mem);
		free(m->v[i].text);
	}
	free(m->v);
	free(m->hint);
	m->v = NULL;
	m->n = m->cap = 0;
	m->hint = NULL;
}
