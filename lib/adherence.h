/* adherence: what an assignment's entries over a range of days add up to, against what
 * its frequencies (as they changed over time) expected: done, partial, skipped by
 * reason, missed, completion, days since the last entry, the current streak. Used by
 * log's progress line, list due, review and report alike. */
#ifndef HWK_ADHERENCE_H
#define HWK_ADHERENCE_H

#include "assignment.h"
#include "entries.h"
#include "frequency.h"

#define HWK_NREASONS 7 /* hwk_reasons, in order */

typedef struct {
	hwk_day from, to;     /* the range asked for */
	long expected;
	long done, partial, skipped, missed;
	long completed;       /* done + partial, per week no more than the week expects */
	long reasons[HWK_NREASONS]; /* skipped entries by reason */
	double completion;    /* completed / expected x 100; NAN when nothing expected */
	long since_last;      /* whole days from the last entry of any status to the end of
			       * the range (or today, if sooner); -1 when there is none */
	long streak;          /* see hwk_adherence_compute */
	int streak_weeks;     /* the streak counts weeks (N/week), not days */
} hwk_adherence;

/* The last day an assignment's entries are counted against (HWK_DAY_NONE: open), given
 * its rows (those of a range holding its until, when that matters): its until, but for
 * an assignment ended on its end day or later (not ahead, see
 * hwk_assignment_ends_ahead), whose end day counts only when an entry of any status
 * was logged on it; otherwise its counted days stop the day before. A day the client
 * could no longer log is never counted missed. Every count below, and log's progress
 * line, list due, review and report through them, uses it. */
hwk_day hwk_adherence_until(const hwk_assignment *a, const hwk_entry *rows, size_t n);

/* Entries expected over from..to (inclusive). The frequency in force on each day comes
 * from the assignment's history (a change counts from the day it was made); only days
 * from start to until count (here until itself, with no rows to judge its end day by). Per week (starting on week_start) the days' weights are
 * added (see hwk_every_weight7) and the sum rounded to the nearest whole number, halves
 * up, never more than that week's active days; a once assignment expects 1 in the range
 * holding its start day. */
long hwk_adherence_expected(const hwk_assignment *a, hwk_day from, hwk_day to, int week_start);

/* The week ws..ws+6 so far, as log's progress line and list due show it: into *done the
 * rows (any order) done or partial on its days that count toward the schedule, as
 * completion counts them (one on each day the frequency names, none on the other days;
 * every one under N/week; see hwk_adherence_compute), into *expected what its
 * frequencies expect over it (hwk_adherence_expected; weeks start on week_start). */
void hwk_adherence_week(const hwk_assignment *a, const hwk_entry *rows, size_t n, hwk_day ws,
			int week_start, long *done, long *expected);

/* The frequency in force on a day (from the history). */
void hwk_every_on_day(const hwk_assignment *a, hwk_day day, hwk_every *out);

/* Tally rows (any order, any days: those whose `at` falls in from..to count) against
 * the expected count of the range's days up to today (days after today expect nothing
 * yet). Completion counts done and partial entries, per week no more than the week
 * expects, and only entries the schedule asks for: under N/week every one, under once
 * one a day, otherwise one on each day the frequency names and none on the other days
 * (a Saturday entry of a mon,wed,fri assignment does not make up for a missed Wednesday);
 * missed = expected - completed - skipped, never below 0. today also bounds
 * since_last and the streak. The streak: for day, weekday and named days, the number of due days in a
 * row with an entry done or partial, counted back from the last due day (today counts
 * once it has such an entry; a day without one ends the streak); for N/week, the
 * number of weeks in a row that met N, counted back from the last complete week (the
 * current week counts once it met N); once: 0. The streak only looks at the rows
 * given and the range's days. */
void hwk_adherence_compute(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			   hwk_day from, hwk_day to, hwk_day today, int week_start,
			   hwk_adherence *out);

#endif
