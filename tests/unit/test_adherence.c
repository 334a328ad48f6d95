/* Unit tests for lib/adherence.c: the expected count over full weeks, partial weeks, an
 * assignment started mid-week, ended early and adjusted mid-week (the frequency's history),
 * weeks starting on Monday and on Sunday, once; the tallies by status and reason, missed,
 * completion (NAN when nothing is expected), the days since the last entry and the
 * streaks (day kinds, N/week, once).
 *
 * Assignments are written as YAML files and read with hwk_assignment_load, as hwk does;
 * rows are made in memory. Every expected number is worked out by hand beside it.
 *
 * The calendar, November 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th; Sundays the
 * 1st, 8th, 15th, 22nd and 29th (2026-11-27 is a Friday).
 *
 * The rule (lib/adherence.h): each active day weighs, in sevenths, by the frequency in
 * force that day (day 7; weekday 7 Monday-Friday, 0 at the weekend; named days 7 on a
 * named day, else 0; N/week N; once 0, its one entry counted apart); per week the
 * weights are added and the sum rounded once to whole entries, halves up, at most that
 * week's active days. Since the weights are whole sevenths, a week's sum/7 has a
 * fractional part of k/7 and is never exactly a half; and since no day weighs more than
 * 7, sum/7 never exceeds the active days: both guards hold trivially, and the cases below
 * pin the rounding on either side of a half instead (3/7 -> 0, 4/7 -> 1, 12/7 -> 2, ...). */
#define _GNU_SOURCE

#include "adherence.h"
#include "assignment.h"
#include "entries.h"
#include "err.h"
#include "capture.h"
#include "rows.h"
#include "tap.h"
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MON 0
#define SUN 6

static hwk_day nov(int d)
{
	return hwk_day_from_ymd(2026, 11, d);
}

/* Write c/ID.yaml (a task: no fields) and load it. until may be NULL; history is the
 * YAML of the history records after "assigned" (may be ""). */
static int seq;
static void load(hwk_assignment *a, const char *every, const char *start, const char *until,
		 const char *history)
{
	char id[64], path[128];
	snprintf(id, sizeof id, "%s-task-%04x", start, ++seq);
	snprintf(path, sizeof path, "c/%s.yaml", id);
	char *text = hwk_xasprintf("id: %s\n"
				   "client: alex\n"
				   "type: task\n"
				   "every: %s\n"
				   "start: %s\n"
				   "%s%s%s"
				   "status: active\n"
				   "fields: []\n"
				   "history:\n"
				   "- at: %sT09:00:00+01:00\n"
				   "  change: assigned\n"
				   "%s",
				   id, every, start, until ? "until: " : "", until ? until : "",
				   until ? "\n" : "", start, history);
	tu_write_str(path, text);
	free(text);
	cap_start();
	int rc = hwk_assignment_load(path, a);
	const char *msg = cap_end();
	if (rc < 0) {
		fprintf(stderr, "# cannot load %s: %s\n", path, msg);
		exit(2);
	}
	unlink(path);
}

/* One change of `every` in the history. */
#define CHANGE(at, from, to) \
	"- at: " at "\n  change: every\n  from: " from "\n  to: " to "\n"

/* A row: at, logged (= at), status, reason, note. */
static void row(rowset *s, const char *at, const char *status, const char *reason)
{
	rows_add(s, at, status, reason);
}

/* done entries at 20:00 on each day given (0 ends the list) */
static void done_on(rowset *s, const int *days)
{
	for (; *days; days++) {
		char at[32];
		snprintf(at, sizeof at, "2026-11-%02dT20:00:00+01:00", *days);
		row(s, at, "done", NULL);
	}
}
#define DAYS(...) ((const int[]){__VA_ARGS__, 0})

static int near(double a, double b)
{
	double d = a - b;
	return (d < 0 ? -d : d) < 1e-9;
}

static long expected(const hwk_assignment *a, int from, int to, int week_start)
{
	return hwk_adherence_expected(a, nov(from), nov(to), week_start);
}

/* ---- expected ---- */

static void test_full_weeks(void)
{
	hwk_assignment a;

	load(&a, "day", "2026-11-02", NULL, "");
	/* two full weeks of 7 active days: 7 + 7 */
	is_int(expected(&a, 9, 22, MON), 14, "day, two full weeks: 14");
	is_int(expected(&a, 16, 22, MON), 7, "day, one full week: 7");
	is_int(expected(&a, 18, 18, MON), 1, "day, one day: 1");
	hwk_assignment_free(&a);

	load(&a, "weekday", "2026-11-02", NULL, "");
	/* Monday to Friday: 5 x 7/7; the weekend weighs 0 */
	is_int(expected(&a, 16, 22, MON), 5, "weekday, a full week: 5");
	is_int(expected(&a, 16, 29, MON), 10, "weekday, two full weeks: 10");
	is_int(expected(&a, 21, 22, MON), 0, "weekday, a weekend: 0");
	hwk_assignment_free(&a);

	load(&a, "mon,wed,fri", "2026-11-02", NULL, "");
	/* Mon 16, Wed 18, Fri 20 */
	is_int(expected(&a, 16, 22, MON), 3, "mon,wed,fri, a full week: 3");
	hwk_assignment_free(&a);

	load(&a, "3/week", "2026-11-02", NULL, "");
	/* 7 days x 3/7 = 21/7 = 3 */
	is_int(expected(&a, 16, 22, MON), 3, "3/week, a full week: 3");
	/* 3 + 3 */
	is_int(expected(&a, 16, 29, MON), 6, "3/week, two full weeks: 6");
	hwk_assignment_free(&a);

	load(&a, "7/week", "2026-11-02", NULL, "");
	is_int(expected(&a, 16, 22, MON), 7, "7/week, a full week: 7");
	hwk_assignment_free(&a);
}

static void test_partial_weeks(void)
{
	hwk_assignment a;

	load(&a, "3/week", "2026-11-02", NULL, "");
	/* Thu 19..Sun 22: 4 days x 3 = 12/7 = 1.71 -> 2 */
	is_int(expected(&a, 19, 22, MON), 2, "3/week, Thu-Sun: 12/7 rounds to 2");
	/* Fri 20..Sun 22: 9/7 = 1.29 -> 1 */
	is_int(expected(&a, 20, 22, MON), 1, "3/week, Fri-Sun: 9/7 rounds to 1");
	/* Sat 21..Sun 22: 6/7 = 0.86 -> 1 */
	is_int(expected(&a, 21, 22, MON), 1, "3/week, Sat-Sun: 6/7 rounds to 1");
	/* Sun 22 alone: 3/7 = 0.43 -> 0 */
	is_int(expected(&a, 22, 22, MON), 0, "3/week, one day: 3/7 rounds to 0");
	/* Wed 18..Tue 24 crosses a week: Wed-Sun 15/7 = 2.14 -> 2; Mon-Tue 6/7 -> 1; 3 */
	is_int(expected(&a, 18, 24, MON), 3, "3/week, Wed-Tue: each week rounded apart, 2 + 1");
	/* Thu 19..Wed 25: Thu-Sun 12/7 -> 2; Mon-Wed 9/7 -> 1; 3 */
	is_int(expected(&a, 19, 25, MON), 3, "3/week, Thu-Wed: 2 + 1");
	hwk_assignment_free(&a);

	load(&a, "1/week", "2026-11-02", NULL, "");
	/* Fri 20..Sun 22: 3/7 -> 0; Thu 19..Sun 22: 4/7 = 0.57 -> 1 */
	is_int(expected(&a, 20, 22, MON), 0, "1/week, 3 days: 3/7 rounds to 0");
	is_int(expected(&a, 19, 22, MON), 1, "1/week, 4 days: 4/7 rounds to 1");
	hwk_assignment_free(&a);

	load(&a, "mon,wed,fri", "2026-11-02", NULL, "");
	/* Tue 17..Sun 22: Wed 18, Fri 20 */
	is_int(expected(&a, 17, 22, MON), 2, "mon,wed,fri from Tuesday: 2");
	hwk_assignment_free(&a);

	load(&a, "weekday", "2026-11-02", NULL, "");
	/* Thu 19..Tue 24: Thu, Fri, Mon, Tue */
	is_int(expected(&a, 19, 24, MON), 4, "weekday, Thu-Tue: 4");
	hwk_assignment_free(&a);
}

static void test_started_mid_week(void)
{
	hwk_assignment a;

	load(&a, "3/week", "2026-11-19", NULL, "");
	/* active Thu 19..Sun 22 only: 4 x 3 = 12/7 = 1.71 -> 2 */
	is_int(expected(&a, 16, 22, MON), 2, "3/week from Thursday: 2 that week");
	/* before the start: nothing */
	is_int(expected(&a, 9, 15, MON), 0, "3/week, the week before its start: 0");
	/* 16..29: 2 + 3 */
	is_int(expected(&a, 16, 29, MON), 5, "3/week from Thursday, that week and the next: 5");
	hwk_assignment_free(&a);

	load(&a, "2/week", "2026-11-21", NULL, "");
	/* Sat 21, Sun 22: 2 x 2 = 4/7 = 0.57 -> 1 */
	is_int(expected(&a, 16, 22, MON), 1, "2/week from Saturday: 4/7 rounds to 1");
	hwk_assignment_free(&a);

	load(&a, "1/week", "2026-11-20", NULL, "");
	/* Fri 20..Sun 22: 3/7 -> 0 */
	is_int(expected(&a, 16, 22, MON), 0, "1/week from Friday: 3/7 rounds to 0");
	hwk_assignment_free(&a);

	load(&a, "day", "2026-11-19", NULL, "");
	/* Thu, Fri, Sat, Sun */
	is_int(expected(&a, 16, 22, MON), 4, "day from Thursday: 4");
	hwk_assignment_free(&a);

	load(&a, "weekday", "2026-11-19", NULL, "");
	/* Thu, Fri */
	is_int(expected(&a, 16, 22, MON), 2, "weekday from Thursday: 2");
	hwk_assignment_free(&a);
}

static void test_ended_early(void)
{
	hwk_assignment a;

	load(&a, "day", "2026-11-16", "2026-11-18", "");
	/* Mon, Tue, Wed */
	is_int(expected(&a, 16, 22, MON), 3, "day until Wednesday: 3");
	is_int(expected(&a, 23, 29, MON), 0, "day, the week after its end: 0");
	hwk_assignment_free(&a);

	load(&a, "3/week", "2026-11-16", "2026-11-17", "");
	/* Mon, Tue: 6/7 = 0.86 -> 1 */
	is_int(expected(&a, 16, 22, MON), 1, "3/week until Tuesday: 6/7 rounds to 1");
	hwk_assignment_free(&a);

	load(&a, "5/week", "2026-11-16", "2026-11-19", "");
	/* Mon..Thu: 4 x 5 = 20/7 = 2.86 -> 3 */
	is_int(expected(&a, 16, 22, MON), 3, "5/week until Thursday: 20/7 rounds to 3");
	hwk_assignment_free(&a);

	load(&a, "3/week", "2026-11-19", "2026-11-20", "");
	/* started Thursday, ended Friday: 2 x 3 = 6/7 -> 1 */
	is_int(expected(&a, 16, 22, MON), 1, "3/week Thursday to Friday: 1");
	hwk_assignment_free(&a);
}

static void test_adjusted_mid_week(void)
{
	hwk_assignment a;
	hwk_every ev;

	/* every day from Mon 9; changed to 3/week on Wed 18 at 10:00 */
	load(&a, "3/week", "2026-11-09", NULL, CHANGE("2026-11-18T10:00:00+01:00", "day", "3/week"));
	hwk_every_on_day(&a, nov(17), &ev);
	is_int(ev.kind, HWK_EVERY_DAY, "in force on Tuesday: day (the first change's from)");
	hwk_every_on_day(&a, nov(18), &ev);
	ok(ev.kind == HWK_EVERY_PERWEEK && ev.n == 3,
	   "in force on Wednesday, the day of the change: 3/week");
	hwk_every_on_day(&a, nov(9), &ev);
	is_int(ev.kind, HWK_EVERY_DAY, "in force on its first day: day");
	/* Mon 16, Tue 17: 7 + 7 = 14; Wed 18..Sun 22: 5 x 3 = 15; 29/7 = 4.14 -> 4 */
	is_int(expected(&a, 16, 22, MON), 4, "day then 3/week from Wednesday: 29/7 rounds to 4");
	/* the week before: all day, 7 */
	is_int(expected(&a, 9, 15, MON), 7, "the week before the change: 7");
	/* 7 + 4 */
	is_int(expected(&a, 9, 22, MON), 11, "both weeks: 7 + 4");
	/* the week after: 3/week throughout, 3 */
	is_int(expected(&a, 23, 29, MON), 3, "the week after: 3");
	/* Wed 18 alone: 3/7 -> 0; Tue 17 alone: 7/7 = 1 */
	is_int(expected(&a, 18, 18, MON), 0, "the day of the change alone: 3/7 rounds to 0");
	is_int(expected(&a, 17, 17, MON), 1, "the day before the change alone: 1");
	hwk_assignment_free(&a);

	/* a change made late in the evening still counts from its day */
	load(&a, "3/week", "2026-11-09", NULL, CHANGE("2026-11-18T23:59:00+01:00", "day", "3/week"));
	is_int(expected(&a, 16, 22, MON), 4, "a change at 23:59 counts from that day: 4");
	hwk_assignment_free(&a);

	/* the other way: 3/week, then every day from Thu 19:
	 * Mon-Wed 3 x 3 = 9; Thu-Sun 4 x 7 = 28; 37/7 = 5.29 -> 5 */
	load(&a, "day", "2026-11-09", NULL, CHANGE("2026-11-19T08:00:00+01:00", "3/week", "day"));
	is_int(expected(&a, 16, 22, MON), 5, "3/week then day from Thursday: 37/7 rounds to 5");
	hwk_assignment_free(&a);

	/* day, then weekday from Sat 21: Mon-Fri 35, Sat and Sun 0 under weekday: 35/7 = 5 */
	load(&a, "weekday", "2026-11-09", NULL, CHANGE("2026-11-21T12:00:00+01:00", "day", "weekday"));
	is_int(expected(&a, 16, 22, MON), 5, "day then weekday from Saturday: 5");
	hwk_assignment_free(&a);

	/* two changes: day; 3/week from Tue 17; 5/week from Fri 20.
	 * Mon 16: 7; Tue-Thu: 3 x 3 = 9; Fri-Sun: 3 x 5 = 15; 31/7 = 4.43 -> 4 */
	load(&a, "5/week", "2026-11-09", NULL,
	     CHANGE("2026-11-17T09:00:00+01:00", "day", "3/week")
	     CHANGE("2026-11-20T09:00:00+01:00", "3/week", "5/week"));
	hwk_every_on_day(&a, nov(16), &ev);
	is_int(ev.kind, HWK_EVERY_DAY, "two changes: Monday under the first frequency");
	hwk_every_on_day(&a, nov(19), &ev);
	ok(ev.kind == HWK_EVERY_PERWEEK && ev.n == 3, "two changes: Thursday under 3/week");
	hwk_every_on_day(&a, nov(20), &ev);
	ok(ev.kind == HWK_EVERY_PERWEEK && ev.n == 5, "two changes: Friday under 5/week");
	is_int(expected(&a, 16, 22, MON), 4, "two changes in a week: 31/7 rounds to 4");
	hwk_assignment_free(&a);

	/* other changes in the history do not touch the frequency */
	load(&a, "3/week", "2026-11-09", NULL,
	     "- at: 2026-11-17T09:00:00+01:00\n  change: when\n  from: morning\n  to: evening\n"
	     CHANGE("2026-11-18T10:00:00+01:00", "day", "3/week"));
	is_int(expected(&a, 16, 22, MON), 4, "a change of `when` is not a change of frequency");
	hwk_assignment_free(&a);

	/* a change and an early end together: day, 3/week from Wed 18, until Fri 20:
	 * Mon, Tue 14; Wed-Fri 3 x 3 = 9; 23/7 = 3.29 -> 3 */
	load(&a, "3/week", "2026-11-09", "2026-11-20",
	     CHANGE("2026-11-18T10:00:00+01:00", "day", "3/week"));
	is_int(expected(&a, 16, 22, MON), 3, "adjusted and ended in one week: 23/7 rounds to 3");
	hwk_assignment_free(&a);
}

static void test_week_start(void)
{
	hwk_assignment a;

	load(&a, "3/week", "2026-11-02", NULL, "");
	/* Sun 22..Mon 23. Monday weeks: Sun 22 alone (3/7 -> 0), Mon 23 alone (3/7 -> 0): 0.
	 * Sunday weeks: Sun 22..Sat 28 holds both: 6/7 -> 1. */
	is_int(expected(&a, 22, 23, MON), 0, "3/week Sun-Mon, weeks from Monday: 0 + 0");
	is_int(expected(&a, 22, 23, SUN), 1, "3/week Sun-Mon, weeks from Sunday: 6/7 rounds to 1");
	/* a full Sunday week, Sun 22..Sat 28: 3 */
	is_int(expected(&a, 22, 28, SUN), 3, "3/week, a full Sunday week: 3");
	hwk_assignment_free(&a);

	load(&a, "4/week", "2026-11-02", NULL, "");
	/* Thu 19..Sun 22. Monday weeks: one week, 4 x 4 = 16/7 = 2.29 -> 2.
	 * Sunday weeks: Thu-Sat 12/7 = 1.71 -> 2, and Sun 4/7 = 0.57 -> 1: 3. */
	is_int(expected(&a, 19, 22, MON), 2, "4/week Thu-Sun, weeks from Monday: 2");
	is_int(expected(&a, 19, 22, SUN), 3, "4/week Thu-Sun, weeks from Sunday: 2 + 1");
	hwk_assignment_free(&a);

	load(&a, "weekday", "2026-11-02", NULL, "");
	/* day by day, whatever the week: Mon-Fri */
	is_int(expected(&a, 16, 22, SUN), 5, "weekday, Mon-Sun with weeks from Sunday: 5");
	hwk_assignment_free(&a);
}

static void test_once(void)
{
	hwk_assignment a;

	load(&a, "once", "2026-11-18", NULL, "");
	is_int(expected(&a, 16, 22, MON), 1, "once, the week of its start: 1");
	is_int(expected(&a, 18, 18, MON), 1, "once, its start day alone: 1");
	is_int(expected(&a, 9, 15, MON), 0, "once, the week before: 0");
	is_int(expected(&a, 19, 29, MON), 0, "once, after its start day: 0");
	is_int(expected(&a, 9, 29, MON), 1, "once, three weeks holding its start: 1, not one a week");
	is_int(expected(&a, 16, 22, SUN), 1, "once with weeks from Sunday: 1");
	hwk_assignment_free(&a);

	load(&a, "once", "2026-11-18", "2026-11-18", "");
	is_int(expected(&a, 16, 22, MON), 1, "once, ended on its start day: still 1");
	hwk_assignment_free(&a);

	/* nothing expected before the start or after the end, or for an empty range */
	load(&a, "day", "2026-11-16", "2026-11-20", "");
	is_int(expected(&a, 2, 15, MON), 0, "before the start: 0");
	is_int(expected(&a, 21, 29, MON), 0, "after the end: 0");
	is_int(expected(&a, 18, 17, MON), 0, "to before from: 0");
	hwk_assignment_free(&a);
}

/* ---- tallies ---- */

static void test_tallies(void)
{
	hwk_assignment a;
	hwk_adherence h;
	rowset r = {0};

	load(&a, "day", "2026-11-09", NULL, "");
	/* rows in no particular order; two outside 16..22 */
	row(&r, "2026-11-23T09:00:00+01:00", "done", NULL);      /* after the range */
	row(&r, "2026-11-18T20:00:00+01:00", "skipped", "busy");
	row(&r, "2026-11-16T20:00:00+01:00", "done", NULL);
	row(&r, "2026-11-17T20:00:00+01:00", "done", NULL);
	row(&r, "2026-11-17T08:00:00+01:00", "partial", NULL);   /* two on the 17th */
	row(&r, "2026-11-19T20:00:00+01:00", "skipped", "busy");
	row(&r, "2026-11-15T20:00:00+01:00", "done", NULL);      /* before the range */
	row(&r, "2026-11-20T20:00:00+01:00", "skipped", "other");
	row(&r, "2026-11-21T09:00:00+01:00", "skipped", "forgot");
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.from, nov(16), "from kept");
	is_int(h.to, nov(22), "to kept");
	is_int(h.expected, 7, "expected: 7 days");
	is_int(h.done, 2, "done: the 16th and the 17th at 20:00 (not the 15th or the 23rd)");
	is_int(h.partial, 1, "partial: the 17th at 08:00");
	is_int(h.skipped, 4, "skipped: 18, 19, 20, 21");
	is_int(h.reasons[0], 2, "busy 2");
	is_int(h.reasons[1] + h.reasons[2] + h.reasons[4] + h.reasons[5], 0,
	       "difficult, avoided, unclear, unsuited 0");
	is_int(h.reasons[3], 1, "forgot 1");
	is_int(h.reasons[6], 1, "other 1");
	/* completed: one entry at most a day of a daily assignment: the 16th, and the 17th
	 * once (its done and its partial), 2 */
	is_int(h.completed, 2, "completed: the 16th + the 17th once = 2");
	/* missed: 7 expected - 2 completed - 4 skipped */
	is_int(h.missed, 1, "missed: 7 - 2 - 4 = 1");
	/* 2 / 7 x 100 = 28.571... */
	ok(near(h.completion, 200.0 / 7.0), "completion 2 / 7 = 28.57%% (got %g)", h.completion);
	/* ref = min(to 22, today 27) = 22; the last entry on or before it: 21 (skipped counts;
	 * the 23rd is after it) */
	is_int(h.since_last, 1, "since_last: 22 - 21 = 1 (the entry after the range not seen)");
	/* the 22nd has nothing and is not today: no streak */
	is_int(h.streak, 0, "streak: the 22nd ended it");
	is_int(h.streak_weeks, 0, "a streak in days");
	rows_free(&r);

	/* missed: 7 expected - 2 completed - 0 skipped = 5 */
	done_on(&r, DAYS(16, 20));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.missed, 5, "missed: 7 - 2 = 5");
	ok(near(h.completion, 200.0 / 7.0), "completion 2/7 = 28.57%% (got %g)", h.completion);
	/* the last entry the 20th, the range ends the 22nd */
	is_int(h.since_last, 2, "since_last: 22 - 20 = 2");
	rows_free(&r);

	/* an entry after the range but before today is not the last entry of the range */
	done_on(&r, DAYS(20, 24));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.since_last, 2, "since_last: the entry on the 24th is after to: 22 - 20 = 2");
	rows_free(&r);

	/* an entry only before the range still says how long ago it was */
	done_on(&r, DAYS(14));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.done, 0, "an entry before the range is not done in it");
	is_int(h.missed, 7, "missed: all 7");
	ok(near(h.completion, 0.0), "completion 0");
	is_int(h.since_last, 8, "since_last: 22 - 14 = 8");
	rows_free(&r);

	/* the range runs past today: since_last counts to today, and the days after today
	 * expect nothing yet (today counts): 16..25 = 10 of the range's 14 days */
	done_on(&r, DAYS(23));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(29), nov(25), MON, &h);
	is_int(h.since_last, 2, "since_last to today (25) when the range ends later: 25 - 23 = 2");
	is_int(expected(&a, 16, 29, MON), 14, "hwk_adherence_expected over 16..29: 14");
	is_int(h.expected, 10, "compute over 16..29 on the 25th: the days to come expect nothing: 10");
	/* done 23 = 1; missed 10 - 1 = 9; completion 1/10 */
	is_int(h.missed, 9, "the days to come are not missed: 10 - 1 = 9");
	ok(near(h.completion, 10.0), "completion 1/10 = 10%% (got %g)", h.completion);
	rows_free(&r);

	/* a range wholly after today expects nothing */
	hwk_adherence_compute(&a, NULL, 0, nov(23), nov(29), nov(20), MON, &h);
	is_int(h.expected, 0, "a range after today: nothing expected yet");
	ok(isnan(h.completion), "a range after today: completion NAN");

	/* no entry at all */
	hwk_adherence_compute(&a, NULL, 0, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.since_last, -1, "since_last -1 with no entry");
	is_int(h.missed, 7, "no entry: 7 missed");
	is_int(h.streak, 0, "no entry: no streak");
	hwk_assignment_free(&a);

	/* more entries than a week expects: done counts them all; completed (and so
	 * completion) no more than the week expects; missed never below 0 */
	load(&a, "3/week", "2026-11-09", NULL, "");
	done_on(&r, DAYS(16, 17, 18, 19, 20));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.expected, 3, "3/week: 3");
	is_int(h.done, 5, "5 done");
	is_int(h.completed, 3, "completed: min(5, 3) = 3");
	is_int(h.missed, 0, "missed: 3 - 3 - 0 = 0");
	ok(near(h.completion, 100.0), "completion 3/3 = 100%% (got %g)", h.completion);
	rows_free(&r);

	/* the cap is per week: 5 entries in 16..22 (cap 3) do not make up for the week
	 * 23..29 with 1 (of 3). Over 16..29: expected 6, completed 3 + 1 = 4, missed 2;
	 * 4/6 = 66.67 % (uncapped it would be 6/6) */
	done_on(&r, DAYS(16, 17, 18, 19, 20, 24));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(29), nov(30), MON, &h);
	is_int(h.expected, 6, "two weeks of 3/week: 6");
	is_int(h.done, 6, "6 done");
	is_int(h.completed, 4, "completed per week: min(5, 3) + min(1, 3) = 4");
	is_int(h.missed, 2, "missed: 6 - 4 - 0 = 2");
	ok(near(h.completion, 400.0 / 6.0), "completion 4/6 = 66.67%% (got %g)", h.completion);
	rows_free(&r);

	/* a skip is accounted for, not missed: 3 expected, 1 done, 1 skipped: missed 1 */
	done_on(&r, DAYS(17));
	row(&r, "2026-11-19T10:00:00+01:00", "skipped", "unclear");
	row(&r, "2026-11-20T10:00:00+01:00", "skipped", "unsuited");
	row(&r, "2026-11-21T10:00:00+01:00", "skipped", "avoided");
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.missed, 0, "3 expected, 1 completed, 3 skipped: missed 0, not -1");
	ok(h.reasons[2] == 1 && h.reasons[4] == 1 && h.reasons[5] == 1,
	   "avoided, unclear, unsuited 1 each");
	rows_free(&r);

	/* nothing expected: completion NAN, missed 0, entries still counted */
	done_on(&r, DAYS(22));
	hwk_adherence_compute(&a, r.v, r.n, nov(22), nov(22), nov(27), MON, &h);
	is_int(h.expected, 0, "3/week on one day: 3/7 rounds to 0");
	is_int(h.done, 1, "the entry is counted");
	is_int(h.missed, 0, "missed 0");
	ok(isnan(h.completion), "completion NAN when nothing is expected");
	rows_free(&r);
	hwk_assignment_free(&a);

	load(&a, "day", "2026-11-23", NULL, "");
	hwk_adherence_compute(&a, NULL, 0, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.expected, 0, "the week before the start: nothing expected");
	ok(isnan(h.completion), "completion NAN before the start");
	/* an empty range */
	hwk_adherence_compute(&a, NULL, 0, nov(24), nov(23), nov(27), MON, &h);
	ok(h.expected == 0 && isnan(h.completion) && h.since_last == -1,
	   "to before from: 0 expected, completion NAN, since_last -1");
	hwk_assignment_free(&a);

	/* adjusted mid-week: day, 3/week from Wed 18: expected 4 (see above) */
	load(&a, "3/week", "2026-11-09", NULL, CHANGE("2026-11-18T10:00:00+01:00", "day", "3/week"));
	done_on(&r, DAYS(16, 19, 21));
	row(&r, "2026-11-22T10:00:00+01:00", "skipped", "difficult");
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.expected, 4, "adjusted: 4 expected");
	is_int(h.missed, 0, "adjusted: 4 - (3 + 1) = 0 missed");
	is_int(h.reasons[1], 1, "adjusted: difficult 1");
	ok(near(h.completion, 75.0), "adjusted: 3 / 4 = 75%% (got %g)", h.completion);
	rows_free(&r);
	hwk_assignment_free(&a);
}

/* ---- streaks ---- */

static void test_day_streaks(void)
{
	hwk_assignment a;
	hwk_adherence h;
	rowset r = {0};

	load(&a, "day", "2026-11-09", NULL, "");
	/* today Fri 27 without an entry yet: counted back from it, today skipped (not
	 * over), 26 ... 20 in a row (22 partial), the 19th empty: 7 */
	done_on(&r, DAYS(20, 21, 23, 24, 25, 26));
	row(&r, "2026-11-22T10:00:00+01:00", "partial", NULL);
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(27), nov(27), MON, &h);
	is_int(h.streak, 7, "day: 20..26 in a row, today not over yet: 7");
	is_int(h.streak_weeks, 0, "counted in days");
	/* an entry today counts */
	done_on(&r, DAYS(27));
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(27), nov(27), MON, &h);
	is_int(h.streak, 8, "day: with today's entry, 20..27: 8");
	/* the range ending before today: its last day (25) is over */
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(25), nov(27), MON, &h);
	is_int(h.streak, 6, "day: range to the 25th: 20..25 = 6");
	rows_free(&r);

	/* the range's last day empty and not today: 0 */
	done_on(&r, DAYS(20, 21, 22, 23, 24));
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(25), nov(27), MON, &h);
	is_int(h.streak, 0, "day: the 25th empty and over: 0");
	rows_free(&r);

	/* a skipped day breaks the streak: 22..26 done, 21 skipped: 5 */
	done_on(&r, DAYS(20, 22, 23, 24, 25, 26));
	row(&r, "2026-11-21T10:00:00+01:00", "skipped", "busy");
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(27), nov(27), MON, &h);
	is_int(h.streak, 5, "day: a skip ends it: 22..26 = 5");
	rows_free(&r);

	/* today is the range's last day and has no entry: the days before count */
	done_on(&r, DAYS(20, 21));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(22), MON, &h);
	is_int(h.streak, 2, "day: today (22) empty, 20 and 21: 2");
	done_on(&r, DAYS(22));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(22), MON, &h);
	is_int(h.streak, 3, "day: today (22) done: 3");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* the streak stops at the start: from Wed 18, every day done: 18..22 = 5 */
	load(&a, "day", "2026-11-18", NULL, "");
	done_on(&r, DAYS(18, 19, 20, 21, 22));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.streak, 5, "day: from its start on Wednesday: 5");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* weekday: Sat and Sun are not due. Today Fri 27 empty (not over); 23..26 (4);
	 * 22, 21 not due; 16..20 (5); 15, 14 not due; 13 empty: 9 */
	load(&a, "weekday", "2026-11-02", NULL, "");
	done_on(&r, DAYS(16, 17, 18, 19, 20, 23, 24, 25, 26));
	hwk_adherence_compute(&a, r.v, r.n, nov(2), nov(27), nov(27), MON, &h);
	is_int(h.streak, 9, "weekday: over the weekend: 4 + 5 = 9");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* named days mon,wed,fri; a stray Tuesday entry is not a due day. Today Fri 27 empty;
	 * Wed 25, Mon 23, Fri 20, Wed 18, Mon 16 done; Fri 13 empty: 5 */
	load(&a, "mon,wed,fri", "2026-11-02", NULL, "");
	done_on(&r, DAYS(16, 18, 20, 23, 24, 25));
	hwk_adherence_compute(&a, r.v, r.n, nov(2), nov(27), nov(27), MON, &h);
	is_int(h.streak, 5, "mon,wed,fri: 16, 18, 20, 23, 25 = 5");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* once: no streak */
	load(&a, "once", "2026-11-18", NULL, "");
	done_on(&r, DAYS(18));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.done, 1, "once: done");
	is_int(h.expected, 1, "once: 1 expected");
	ok(near(h.completion, 100.0), "once: 100%%");
	is_int(h.streak, 0, "once: streak 0");
	is_int(h.since_last, 4, "once: since_last 22 - 18 = 4");
	rows_free(&r);
	hwk_assignment_free(&a);
}

static void test_week_streaks(void)
{
	hwk_assignment a;
	hwk_adherence h;
	rowset r = {0};

	/* 2/week from Mon 2, today Fri 27. Weeks from Monday: 23..29 is the current week
	 * with one entry (not met, not over: skipped); 16..22: 17, 20 (met); 9..15: 10, 12,
	 * 14 (met); 2..8: 3 only (not met): 2 weeks */
	load(&a, "2/week", "2026-11-02", NULL, "");
	done_on(&r, DAYS(3, 10, 12, 14, 17, 20, 23));
	hwk_adherence_compute(&a, r.v, r.n, nov(2), nov(27), nov(27), MON, &h);
	is_int(h.streak, 2, "2/week: two complete weeks met, the current one not yet: 2");
	is_int(h.streak_weeks, 1, "counted in weeks");
	/* the current week counts once it has met N */
	done_on(&r, DAYS(24));
	hwk_adherence_compute(&a, r.v, r.n, nov(2), nov(27), nov(27), MON, &h);
	is_int(h.streak, 3, "2/week: the current week met too: 3");
	rows_free(&r);

	/* a complete week not met ends it, even when older weeks were */
	done_on(&r, DAYS(10, 12, 17, 23, 24));
	hwk_adherence_compute(&a, r.v, r.n, nov(2), nov(27), nov(27), MON, &h);
	is_int(h.streak, 1, "2/week: 23..29 met, 16..22 one short: 1");
	rows_free(&r);

	/* skipped and partial: partial counts toward N, skipped does not */
	row(&r, "2026-11-16T10:00:00+01:00", "partial", NULL);
	row(&r, "2026-11-18T10:00:00+01:00", "skipped", "busy");
	row(&r, "2026-11-19T10:00:00+01:00", "done", NULL);
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(22), nov(27), MON, &h);
	is_int(h.streak, 1, "2/week: a partial and a done meet N; the skip is not needed: 1");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* weeks from Sunday. 2/week from Sun 1; entries Sun 15, Sat 21, Sun 22, Mon 23.
	 * Sunday weeks: 22..28 (current): 22, 23 met; 15..21: 15, 21 met; 8..14: none: 2.
	 * Monday weeks: 23..29 (current): 23 alone, not met, skipped; 16..22: 21, 22 met;
	 * 9..15: 15 alone: 1. */
	load(&a, "2/week", "2026-11-01", NULL, "");
	done_on(&r, DAYS(15, 21, 22, 23));
	hwk_adherence_compute(&a, r.v, r.n, nov(1), nov(27), nov(27), SUN, &h);
	is_int(h.streak, 2, "2/week, weeks from Sunday: 2");
	hwk_adherence_compute(&a, r.v, r.n, nov(1), nov(27), nov(27), MON, &h);
	is_int(h.streak, 1, "the same entries, weeks from Monday: 1");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* a first week that started mid-week expects less: 3/week from Thu 19 expects 2 in
	 * 16..22 (12/7); 19 and 21 meet it; 23..29 (current) has 23, 24, 25: met: 2 */
	load(&a, "3/week", "2026-11-19", NULL, "");
	done_on(&r, DAYS(19, 21, 23, 24, 25));
	hwk_adherence_compute(&a, r.v, r.n, nov(16), nov(27), nov(27), MON, &h);
	is_int(h.streak, 2, "3/week from Thursday: the short first week met with 2: 2");
	rows_free(&r);
	hwk_assignment_free(&a);

	/* adjusted: day, then 3/week from Wed 18; the frequency on the last day (22) is
	 * 3/week, so weeks count. 16..22 expects 4 (29/7): 16, 17, 19, 21 meet it; 9..15
	 * (every day) expects 7: all seven done; the range starts on the 9th: 2 */
	load(&a, "3/week", "2026-11-09", NULL, CHANGE("2026-11-18T10:00:00+01:00", "day", "3/week"));
	done_on(&r, DAYS(9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 21));
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(22), nov(27), MON, &h);
	is_int(h.streak, 2, "adjusted to 3/week: 16..22 met 4, 9..15 met 7: 2 weeks");
	is_int(h.streak_weeks, 1, "adjusted to 3/week: counted in weeks");
	/* one entry fewer in 9..15 (6 < 7): 1 */
	rows_free(&r);
	done_on(&r, DAYS(9, 10, 11, 12, 13, 14, 16, 17, 19, 21));
	hwk_adherence_compute(&a, r.v, r.n, nov(9), nov(22), nov(27), MON, &h);
	is_int(h.streak, 1, "adjusted to 3/week: 9..15 one short: 1");
	rows_free(&r);
	hwk_assignment_free(&a);
}

int main(void)
{
	tu_enter_temp("adherence", "c");
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	hwk_time_zone_changed();
	hwk_err_setcmd(NULL);

	test_full_weeks();
	test_partial_weeks();
	test_started_mid_week();
	test_ended_early();
	test_adjusted_mid_week();
	test_week_start();
	test_once();
	test_tallies();
	test_day_streaks();
	test_week_streaks();

	rmdir("c");
	tu_leave_temp();
	return tap_done();
}
