#define _GNU_SOURCE
#include "adherence.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The frequency first given: the `from` of the first change of `every`, else the one in
 * force now. */
static void initial_every(const hwk_assignment *a, hwk_every *out)
{
	for (size_t i = 0; i < a->nhistory; i++) {
		const hwk_change *c = &a->history[i];
		if (!strcmp(c->change, "every") && c->from && hwk_every_parse(c->from, out, NULL) == 0)
			return;
	}
	*out = a->ev;
}

static int one_schedule(const hwk_assignment *a);

void hwk_every_on_day(const hwk_assignment *a, hwk_day day, hwk_every *out)
{
	if (one_schedule(a)) {
		*out = a->ev;
		return;
	}
	initial_every(a, out);
	for (size_t i = 0; i < a->nhistory; i++) {
		const hwk_change *c = &a->history[i];
		hwk_day d;
		hwk_every ev;
		if (strcmp(c->change, "every") || !c->to || hwk_stamp_day(c->at, &d) < 0 || d > day ||
		    hwk_every_parse(c->to, &ev, NULL) < 0)
			continue;
		*out = ev;
	}
}

/* Does the assignment have one schedule throughout (no change of `every`)? */
static int one_schedule(const hwk_assignment *a)
{
	for (size_t i = 0; i < a->nhistory; i++)
		if (!strcmp(a->history[i].change, "every"))
			return 0;
	return 1;
}

long hwk_adherence_expected(const hwk_assignment *a, hwk_day from, hwk_day to, int week_start)
{
	/* one frequency throughout: frequency.c's rule, which this one extends */
	if (one_schedule(a))
		return hwk_expected(&a->ev, a->start_day, a->until_day, from, to, week_start);
	long total = 0;
	hwk_every ev, at_start;
	hwk_every_on_day(a, a->start_day, &at_start);
	if (at_start.kind == HWK_EVERY_ONCE && a->start_day >= from && a->start_day <= to &&
	    hwk_assignment_active_on(a, a->start_day))
		total++;
	for (hwk_day ws = hwk_week_start(from, week_start); ws <= to; ws += 7) {
		long act = 0, sum7 = 0;
		for (hwk_day d = ws > from ? ws : from; d < ws + 7 && d <= to; d++) {
			if (!hwk_assignment_active_on(a, d))
				continue;
			hwk_every_on_day(a, d, &ev);
			act++;
			sum7 += hwk_every_weight7(&ev, d);
		}
		long week = (sum7 * 2 + 7) / 14; /* sum7 / 7, halves up */
		total += week < act ? week : act;
	}
	return total;
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
	long *per = calloc((size_t)(to - from + 1), sizeof *per);
	if (!per)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char *const *c = (const char *const *)rows[i].cols.v;
		hwk_day d;
		if (hwk_entry_day(&rows[i], &d) == 0 && d >= from && d <= to && strcmp(c[2], "skipped"))
			per[d - from]++;
	}
	return per;
}

static long day_streak(const hwk_assignment *a, const long *per, hwk_day from, hwk_day ref,
		       hwk_day today)
{
	long streak = 0;
	for (hwk_day d = ref; d >= from && hwk_assignment_active_on(a, d); d--) {
		hwk_every ev;
		hwk_every_on_day(a, d, &ev);
		if (ev.kind == HWK_EVERY_PERWEEK || ev.kind == HWK_EVERY_ONCE)
			break;
		if (hwk_every_weight7(&ev, d) == 0)
			continue; /* not a due day */
		if (per[d - from])
			streak++;
		else if (d != today) /* today is not over */
			break;
	}
	return streak;
}

static long week_streak(const hwk_assignment *a, const long *per, hwk_day from, hwk_day ref,
			hwk_day today, int week_start)
{
	long streak = 0;
	for (hwk_day ws = hwk_week_start(ref, week_start); ws >= from; ws -= 7) {
		long count = 0;
		for (hwk_day d = ws; d < ws + 7 && d <= ref; d++)
			count += per[d - from];
		long expected = hwk_adherence_expected(a, ws, ws + 6, week_start);
		int current = today >= ws && today <= ws + 6;
		if (expected > 0 && count >= expected)
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
		if (!strcmp(c[2], "done")) {
			out->done++;
		} else if (!strcmp(c[2], "partial")) {
			out->partial++;
		} else if (!strcmp(c[2], "skipped")) {
			out->skipped++;
			int r = reason_index(c[3]);
			if (r >= 0)
				out->reasons[r]++;
		}
	}
	/* days after today are not over: they expect nothing yet */
	hwk_day end = to < today ? to : today;
	out->expected = end < from ? 0 : hwk_adherence_expected(a, from, end, week_start);
	/* what counts toward completion: on a day the frequency names, one entry at most
	 * (a second one does not make up for a day without); under N/week, every entry;
	 * and per week no more than the week expects */
	long *per = done_by_day(rows, n, from, end < from ? from : end);
	for (hwk_day ws = hwk_week_start(from, week_start); per && ws <= end; ws += 7) {
		hwk_day lo = ws > from ? ws : from, hi = ws + 6 < end ? ws + 6 : end;
		long got = 0, want = hwk_adherence_expected(a, lo, hi, week_start);
		for (hwk_day d = lo; d <= hi; d++) {
			hwk_every ev;
			hwk_every_on_day(a, d, &ev);
			got += ev.kind == HWK_EVERY_PERWEEK || per[d - from] < 2 ? per[d - from] : 1;
		}
		out->completed += got < want ? got : want;
	}
	free(per);
	long accounted = out->completed + out->skipped;
	out->missed = out->expected > accounted ? out->expected - accounted : 0;
	out->completion = out->expected ? 100.0 * (double)out->completed / (double)out->expected
					: NAN;
	if (last != HWK_DAY_NONE)
		out->since_last = ref - last;

	if (ref < from)
		return;
	per = done_by_day(rows, n, from, ref);
	if (!per)
		return;
	hwk_every ev;
	hwk_every_on_day(a, ref, &ev);
	if (ev.kind == HWK_EVERY_PERWEEK) {
		out->streak = week_streak(a, per, from, ref, today, week_start);
		out->streak_weeks = 1;
	} else if (ev.kind != HWK_EVERY_ONCE) {
		out->streak = day_streak(a, per, from, ref, today);
	}
	free(per);
}
