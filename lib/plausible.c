#define _GNU_SOURCE
#include "plausible.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"

#define DAY (24L * 3600)

/* A value of a's field NAME of a kind the rule can read: its text in *s and 1, or 0 when
 * the field is absent, of another kind, or empty. */
static int value(const hwk_assignment *a, char *const *vals, const char *name, int clock,
		 const hwk_field **fp, const char **s)
{
	const hwk_field *f = hwk_fields_find(&a->fields, name);
	if (!f || !*vals[f - a->fields.v])
		return 0;
	if (clock ? f->type != HWK_F_TIME : f->type != HWK_F_INTEGER && f->type != HWK_F_NUMBER)
		return 0;
	if (fp)
		*fp = f;
	*s = vals[f - a->fields.v];
	return 1;
}

static int num(const hwk_assignment *a, char *const *vals, const char *name, double *v,
	       const char **s)
{
	return value(a, vals, name, 0, NULL, s) && hwk_parse_number(*s, v) == 0;
}

/* A span of seconds as minutes, for messages: "480", or "480.5" */
static void minutes(char *buf, size_t n, long sec)
{
	if (sec % 60)
		snprintf(buf, n, "%.1f", sec / 60.0);
	else
		snprintf(buf, n, "%ld", sec / 60);
}

/* ---- sleep ----
 * bed <= lights_out <= wake <= out_of_bed by the clock, each the first such clock time
 * at or after the one before (so at most one midnight between two), and out_of_bed less
 * than 24 hours after bed. sol, waso and sol + waso fit in lights_out (or bed) to wake;
 * minutes awake in the night need an awakening. */
static int sleep_rules(const hwk_assignment *a, char *const *vals)
{
	static const char *const order[] = {"bed", "lights_out", "wake", "out_of_bed"};
	const char *name[4], *s[4];
	long t[4], gap[4] = {0}, total = 0;
	int k = 0;
	for (int i = 0; i < 4; i++) {
		const char *v;
		long c;
		if (value(a, vals, order[i], 1, NULL, &v) && (c = hwk_parse_clock(v)) >= 0) {
			name[k] = order[i];
			s[k] = v;
			t[k++] = c;
		}
	}
	int widest = 0;
	for (int i = 1; i < k; i++) {
		gap[i] = ((t[i] - t[i - 1]) % DAY + DAY) % DAY;
		total += gap[i];
		if (gap[i] > gap[widest])
			widest = i;
	}
	if (total >= DAY) {
		int j = widest;
		/* the widest step is most of a day: the two are the wrong way round */
		if (gap[j] >= DAY / 2)
			return hwk_err("%s: %s is before %s %s (a night goes bed, lights_out, wake, "
				       "out_of_bed, in less than 24 hours)",
				       name[j], s[j], name[j - 1], s[j - 1]);
		char through[64] = "";
		for (int i = 1; i < k - 1; i++)
			snprintf(through + strlen(through), sizeof through - strlen(through),
				 "%s%s %s", i > 1 ? ", " : "", name[i], s[i]);
		return hwk_err("%s: %s is %ldh%02ld after %s %s (by %s); a night is less than 24 hours",
			       name[k - 1], s[k - 1], total / 3600, total / 60 % 60, name[0], s[0],
			       through);
	}

	/* the time from lights out (or bed) to waking holds sol and waso */
	int w = -1, from = -1;
	for (int i = 0; i < k; i++) {
		if (!strcmp(name[i], "wake"))
			w = i;
		if (!strcmp(name[i], "lights_out") || (!strcmp(name[i], "bed") && from < 0))
			from = i;
	}
	const char *ssol, *swaso, *saw;
	double sol, waso, aw;
	int has_sol = num(a, vals, "sol", &sol, &ssol), has_waso = num(a, vals, "waso", &waso, &swaso);
	if (w >= 0 && from >= 0 && from < w) {
		long span = 0;
		for (int i = from + 1; i <= w; i++)
			span += gap[i];
		char m[32];
		minutes(m, sizeof m, span);
		if (has_sol && sol * 60 > span)
			return hwk_err("sol: %s minutes is longer than %s %s to wake %s (%s minutes)",
				       ssol, name[from], s[from], s[w], m);
		if (has_waso && waso * 60 > span)
			return hwk_err("waso: %s minutes is longer than %s %s to wake %s (%s minutes)",
				       swaso, name[from], s[from], s[w], m);
		if (has_sol && has_waso && (sol + waso) * 60 > span)
			return hwk_err("sol + waso: %s + %s minutes is longer than %s %s to wake %s (%s minutes)",
				       ssol, swaso, name[from], s[from], s[w], m);
	}
	if (has_waso && waso > 0 && num(a, vals, "awakenings", &aw, &saw) && aw == 0)
		return hwk_err("waso: %s minutes awake in the night, but awakenings is %s", swaso, saw);
	return 0;
}

/* ---- one scale for one quantity ----
 * A value rated again, or of the same quantity, is read on the scale of the one it goes
 * with: rerate is intensity again, so intensity's scale holds it too. */
static int same_scale(const hwk_assignment *a, char *const *vals, const char *name,
		      const char *ref)
{
	const hwk_field *f = hwk_fields_find(&a->fields, ref);
	const char *s;
	double v;
	if (!f || (f->type != HWK_F_INTEGER && f->type != HWK_F_NUMBER) ||
	    !num(a, vals, name, &v, &s))
		return 0;
	if (f->has_min && v < f->min)
		return hwk_err("%s: %s is below %s's minimum %.15g (the two are on one scale)", name,
			       s, ref, f->min);
	if (f->has_max && v > f->max)
		return hwk_err("%s: %s is above %s's maximum %.15g (the two are on one scale)", name,
			       s, ref, f->max);
	return 0;
}

/* The peak is the highest rating of the session: not below the one before or after. */
static int peak_rule(const hwk_assignment *a, char *const *vals, const char *other)
{
	const char *sp, *so;
	double p, o;
	if (num(a, vals, "suds_peak", &p, &sp) && num(a, vals, other, &o, &so) && p < o)
		return hwk_err("suds_peak: %s is below %s %s (the peak is the highest SUDS of the session)",
			       sp, other, so);
	return 0;
}

/* A session that took place took some minutes. */
static int minutes_rule(const hwk_assignment *a, char *const *vals, int partial)
{
	const char *s;
	double m;
	if (num(a, vals, "minutes", &m, &s) && m <= 0)
		return hwk_err("minutes: %s for a session logged as %s (one that did not take place "
			       "is logged as skipped, with its reason)",
			       s, partial ? "partial" : "done");
	return 0;
}

int hwk_entry_plausible(const hwk_assignment *a, char *const *vals, int partial)
{
	const char *t = a->type;
	if (!strcmp(t, "sleep"))
		return sleep_rules(a, vals);
	if (!strcmp(t, "thought-record"))
		return same_scale(a, vals, "rerate", "intensity") < 0 ||
			       same_scale(a, vals, "balanced_belief", "belief") < 0
			       ? -1 : 0;
	if (!strcmp(t, "activity"))
		return same_scale(a, vals, "predicted_mood", "mood_after") < 0 ||
			       same_scale(a, vals, "mood_before", "mood_after") < 0
			       ? -1 : 0;
	if (!strcmp(t, "exposure"))
		return same_scale(a, vals, "suds_before", "suds_peak") < 0 ||
			       same_scale(a, vals, "suds_after", "suds_peak") < 0 ||
			       peak_rule(a, vals, "suds_before") < 0 ||
			       peak_rule(a, vals, "suds_after") < 0 ||
			       minutes_rule(a, vals, partial) < 0
			       ? -1 : 0;
	if (!strcmp(t, "mindfulness"))
		return same_scale(a, vals, "after", "before") < 0 || minutes_rule(a, vals, partial) < 0
			       ? -1 : 0;
	return 0;
}
