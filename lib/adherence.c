#define _GNU_SOURCE
#include "adherence.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void hwk_every_on_day(const hwk_assignment *a, hwk_day day, hwk_every *out)
{
	hwk_schedule s;
	hwk_assignment_schedule(a, &s);
	hwk_schedule_on(&s, day, out);
	hwk_schedule_free(&s);
}

/* Is day one the assignment's entries are counted on, when its days stop at until? */
static int counts_on(const hwk_assignment *a, hwk_day until, hwk_day d)
{
	return d >= a->start_day && (until == HWK_DAY_NONE || d <= until);
}

hwk_day hwk_adherence_until(const hwk_assignment *a, const hwk_entry *rows, size_t n)
{
	if (a->until_day == HWK_DAY_NONE || strcmp(a->status, "ended") ||
	    hwk_assignment_ends_ahead(a))
		return a->until_day;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		if (hwk_entry_day(&rows[i], &d) == 0 && d == a->until_day)
			return a->until_day; /* logged on its end day: the day counts */
	}
	return a->until_day - 1;
}

/* until: the last day counted (hwk_adherence_until) */
static long expected(const hwk_assignment *a, const hwk_schedule *s, hwk_day until,
		     hwk_day from, hwk_day to, int week_start)
{
	/* one frequency throughout: frequency.c's rule, which this one extends */
	if (s->one)
		return hwk_expected(&a->ev, a->start_day, until, from, to, week_start);
	long total = 0;
	hwk_every ev, at_start;
	hwk_schedule_on(s, a->start_day, &at_start);
	if (at_start.kind == HWK_EVERY_ONCE && a->start_day >= from && a->start_day <= to &&
	    counts_on(a, until, a->start_day))
		total++;
	for (hwk_day ws = hwk_week_start(from, week_start); ws <= to; ws += 7) {
		long act = 0, sum7 = 0;
		for (hwk_day d = ws > from ? ws : from; d < ws + 7 && d <= to; d++) {
			if (!counts_on(a, until, d))
				continue;
			hwk_schedule_on(s, d, &ev);
			act++;
			sum7 += hwk_every_weight7(&ev, d);
		}
		long week = (sum7 * 2 + 7) / 14; /* sum7 / 7, halves up */
		total += week < act ? week : act;
	}
	return total;
}

long hwk_adherence_expected(const hwk_assignment *a, hwk_day from, hwk_day to, int week_start)
{
	hwk_schedule s;
	hwk_assignment_schedule(a, &s);
	long n = expected(a, &s, a->until_day, from, to, week_start);
	hwk_schedule_free(&s);
	return n;
}


static int reason_index(const char *r)
{
	for (int i = 0; hwk_reasons[i]; i++)
		if (!strcmp(hwk_reasons[i], r))
			return i;
	return -1;
}

/* Entries done or partial per day of from..to. */
static long *done_by_day(const hwk_entry *rows, size_t n, hwk_day from, hwk_day to)
{
	long *per = hwk_xcalloc((size_t)(to - from + 1), sizeof *per);
	for (size_t i = 0; i < n; i++) {
		const char *const *c = (const char *const *)rows[i].cols.v;
		hwk_day d;
		if (hwk_entry_day(&rows[i], &d) == 0 && d >= from && d <= to && strcmp(c[HWK_E_STATUS], "skipped"))
			per[d - from]++;
	}
	return per;
}

/* The entries of lo..hi (within one week) that count toward what the schedule asks, from
 * per (done or partial entries by day from `from`): under N/week every entry; under
 * once one a day; under a frequency that names days (day, weekday, mon,wed,fri) one on
 * each named day and none on the other days: a second entry on a day, or an extra one
 * on a Saturday, does not make up for a named day without one. */
static long counted(const hwk_schedule *s, const long *per, hwk_day from, hwk_day lo,
		    hwk_day hi)
{
	long got = 0;
	for (hwk_day d = lo; d <= hi; d++) {
		hwk_every ev;
		long k = per[d - from];
		hwk_schedule_on(s, d, &ev);
		if (ev.kind == HWK_EVERY_PERWEEK)
			got += k;
		else if (ev.kind == HWK_EVERY_ONCE || hwk_every_weight7(&ev, d) > 0)
			got += k < 2 ? k : 1;
	}
	return got;
}

void hwk_adherence_week(const hwk_assignment *a, const hwk_entry *rows, size_t n, hwk_day ws,
			int week_start, long *done, long *want)
{
	hwk_schedule sch;
	hwk_assignment_schedule(a, &sch);
	long *per = done_by_day(rows, n, ws, ws + 6);
	*done = counted(&sch, per, ws, ws, ws + 6);
	*want = expected(a, &sch, hwk_adherence_until(a, rows, n), ws, ws + 6, week_start);
	free(per);
	hwk_schedule_free(&sch);
}

static long day_streak(const hwk_assignment *a, const hwk_schedule *s, hwk_day until,
		       const long *per, hwk_day from, hwk_day ref, hwk_day today)
{
	long streak = 0;
	for (hwk_day d = ref; d >= from && hwk_assignment_active_on(a, d); d--) {
		hwk_every ev;
		hwk_schedule_on(s, d, &ev);
		if (ev.kind == HWK_EVERY_PERWEEK || ev.kind == HWK_EVERY_ONCE)
			break;
		if (hwk_every_weight7(&ev, d) == 0 || !counts_on(a, until, d))
			continue; /* not a due day (an end day not counted is not) */
		if (per[d - from])
			streak++;
		else if (d != today) /* today is not over */
			break;
	}
	return streak;
}

static long week_streak(const hwk_assignment *a, const hwk_schedule *s, hwk_day until,
			const long *per, hwk_day from, hwk_day ref, hwk_day today,
			int week_start)
{
	long streak = 0;
	for (hwk_day ws = hwk_week_start(ref, week_start); ws >= from; ws -= 7) {
		long count = 0;
		for (hwk_day d = ws; d < ws + 7 && d <= ref; d++)
			count += per[d - from];
		long want = expected(a, s, until, ws, ws + 6, week_start);
		int current = today >= ws && today <= ws + 6;
		if (want > 0 && count >= want)
			streak++;
		else if (!current)
			break;
	}
	return streak;
}

void hwk_adherence_compute(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			   hwk_day from, hwk_day to, hwk_day today, int week_start,
			   hwk_adherence *out)
{
	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->since_last = -1;
	if (to < from) {
		out->completion = NAN;
		return;
	}
	hwk_day ref = to < today ? to : today, last = HWK_DAY_NONE;
	for (size_t i = 0; i < n; i++) {
		const char *const *c = (const char *const *)rows[i].cols.v;
		hwk_day d;
		if (hwk_entry_day(&rows[i], &d) < 0)
			continue;
		if (d <= ref && (last == HWK_DAY_NONE || d > last))
			last = d;
		if (d < from || d > to)
			continue;
		if (!strcmp(c[HWK_E_STATUS], "done")) {
			out->done++;
		} else if (!strcmp(c[HWK_E_STATUS], "partial")) {
			out->partial++;
		} else if (!strcmp(c[HWK_E_STATUS], "skipped")) {
			out->skipped++;
			int r = reason_index(c[HWK_E_REASON]);
			if (r >= 0)
				out->reasons[r]++;
		}
	}
	/* days after today are not over: they expect nothing yet */
	hwk_day end = to < today ? to : today;
	hwk_schedule sch;
	hwk_assignment_schedule(a, &sch);
	hwk_day until = hwk_adherence_until(a, rows, n);
	out->expected = end < from ? 0 : expected(a, &sch, until, from, end, week_start);
	/* what counts toward completion (counted), per week no more than it expects */
	long *per = done_by_day(rows, n, from, end < from ? from : end);
	for (hwk_day ws = hwk_week_start(from, week_start); ws <= end; ws += 7) {
		hwk_day lo = ws > from ? ws : from, hi = ws + 6 < end ? ws + 6 : end;
		long got = counted(&sch, per, from, lo, hi);
		long want = expected(a, &sch, until, lo, hi, week_start);
		out->completed += got < want ? got : want;
	}
	free(per);
	long accounted = out->completed + out->skipped;
	out->missed = out->expected > accounted ? out->expected - accounted : 0;
	out->completion = out->expected ? 100.0 * (double)out->completed / (double)out->expected
					: NAN;
	if (last != HWK_DAY_NONE)
		out->since_last = ref - last;

	per = ref < from ? NULL : done_by_day(rows, n, from, ref);
	if (per) {
		hwk_every ev;
		hwk_schedule_on(&sch, ref, &ev);
		if (ev.kind == HWK_EVERY_PERWEEK) {
			out->streak = week_streak(a, &sch, until, per, from, ref, today,
						  week_start);
			out->streak_weeks = 1;
		} else if (ev.kind != HWK_EVERY_ONCE) {
			out->streak = day_streak(a, &sch, until, per, from, ref, today);
		}
		free(per);
	}
	hwk_schedule_free(&sch);
}
