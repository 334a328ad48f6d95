/* Unit tests for lib/frequency.c: frequencies (parsing and stored spelling), the number
 * of entries a range of days expects, and whether a day is due.
 *
 * The calendar used below (checked with `cal 11 2026` and `cal 12 2026`):
 *
 *       November 2026            December 2026
 *   Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su
 *                      1          1  2  3  4  5  6
 *    2  3  4  5  6  7  8       7  8  9 10 11 12 13
 *    9 10 11 12 13 14 15      14 15 16 17 18 19 20
 *   16 17 18 19 20 21 22      21 22 23 24 25 26 27
 *   23 24 25 26 27 28 29      28 29 30 31
 *   30
 *
 * The rule (frequency.h and the man page): per week of the range, count the days that
 * are both in the range and active (start..until); day -> those days; weekday -> those
 * of them Monday-Friday; named days -> those of them on the named days; N/week ->
 * N x active / 7 rounded half up (never more than the active days); once -> 1 when the
 * start day is in the range. */
#define _GNU_SOURCE

#include "frequency.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static hwk_day ymd(int y, int m, int d)
{
	return hwk_day_from_ymd(y, m, d);
}

#define NOV(d) ymd(2026, 11, (d))
#define DEC(d) ymd(2026, 12, (d))
#define OPEN HWK_DAY_NONE
#define MONDAY 0
#define SUNDAY 6

static hwk_every ev(const char *s)
{
	hwk_every e;
	if (hwk_every_parse(s, &e, NULL) < 0) {
		fprintf(stderr, "# cannot parse every '%s'\n", s);
		memset(&e, 0, sizeof e);
	}
	return e;
}

static long expected(const char *every, hwk_day start, hwk_day until, hwk_day from, hwk_day to,
		     int week_start)
{
	hwk_every e = ev(every);
	return hwk_expected(&e, start, until, from, to, week_start);
}

static void test_parse(void)
{
	static const struct {
		const char *in, *norm;
		hwk_every_kind kind;
		int n;
		unsigned days;
	} good[] = {
		{"day", "day", HWK_EVERY_DAY, 0, 0},
		{"daily", "day", HWK_EVERY_DAY, 0, 0},
		{"weekday", "weekday", HWK_EVERY_WEEKDAY, 0, 0},
		{"weekdays", "weekday", HWK_EVERY_WEEKDAY, 0, 0},
		{"once", "once", HWK_EVERY_ONCE, 0, 0},
		{"1/week", "1/week", HWK_EVERY_PERWEEK, 1, 0},
		{"3/week", "3/week", HWK_EVERY_PERWEEK, 3, 0},
		{"7/week", "7/week", HWK_EVERY_PERWEEK, 7, 0},
		/* bit 0 Monday ... bit 6 Sunday */
		{"mon,wed,fri", "mon,wed,fri", HWK_EVERY_DAYS, 0, 0x01 | 0x04 | 0x10},
		{"fri,mon", "mon,fri", HWK_EVERY_DAYS, 0, 0x01 | 0x10},
		{"sun", "sun", HWK_EVERY_DAYS, 0, 0x40},
		{"Monday,FRIDAY", "mon,fri", HWK_EVERY_DAYS, 0, 0x01 | 0x10},
		{"sun,sat,fri,thu,wed,tue,mon", "mon,tue,wed,thu,fri,sat,sun", HWK_EVERY_DAYS, 0, 0x7f},
		{"tue,tue", "tue", HWK_EVERY_DAYS, 0, 0x02},
		{"saturday", "sat", HWK_EVERY_DAYS, 0, 0x20},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		hwk_every e;
		char *norm = (char *)1;
		memset(&e, 0x5a, sizeof e);
		int rc = hwk_every_parse(good[i].in, &e, &norm);
		is_int(rc, 0, "every '%s' parses", good[i].in);
		is_str(rc == 0 ? norm : NULL, good[i].norm, "every '%s' is stored as '%s'", good[i].in,
		       good[i].norm);
		is_int(e.kind, good[i].kind, "every '%s': kind", good[i].in);
		is_int(e.n, good[i].n, "every '%s': n", good[i].in);
		is_int(e.days, good[i].days, "every '%s': days", good[i].in);
		if (rc == 0)
			free(norm);
		/* norm may be NULL */
		is_int(hwk_every_parse(good[i].in, &e, NULL), 0, "every '%s' parses without norm",
		       good[i].in);
	}
	static const char *const bad[] = {
		"", "0/week", "8/week", "10/week", "3/weeks", "3 /week", "/week", "3/Week", "-1/week",
		"mon,", ",mon", "mon,,fri", "funday", "mon,xyz", "mon fri", "mon;fri", "Day", "DAILY",
		"twice", "every day", "week", ",", "m", NULL,
	};
	for (const char *const *b = bad; *b; b++) {
		hwk_every e;
		char *norm = (char *)1;
		is_int(hwk_every_parse(*b, &e, &norm), -1, "every '%s' is refused", *b);
		ok(norm == NULL, "every '%s': no spelling", *b);
	}
}

static void test_full_week(void)
{
	/* the week Mon 23 .. Sun 29 Nov, an assignment running since 1 Nov, open-ended */
	hwk_day s = NOV(1), f = NOV(23), t = NOV(29);
	is_int(expected("day", s, OPEN, f, t, MONDAY), 7, "full week: day -> 7");
	is_int(expected("weekday", s, OPEN, f, t, MONDAY), 5, "full week: weekday -> Mon-Fri, 5");
	is_int(expected("1/week", s, OPEN, f, t, MONDAY), 1, "full week: 1/week -> 1x7/7 = 1");
	is_int(expected("3/week", s, OPEN, f, t, MONDAY), 3, "full week: 3/week -> 3x7/7 = 3");
	is_int(expected("7/week", s, OPEN, f, t, MONDAY), 7, "full week: 7/week -> 7");
	is_int(expected("mon,wed,fri", s, OPEN, f, t, MONDAY), 3, "full week: mon,wed,fri -> 3");
	is_int(expected("sun", s, OPEN, f, t, MONDAY), 1, "full week: sun -> 1");
	is_int(expected("once", s, OPEN, f, t, MONDAY), 0, "full week: once, started 1 Nov -> 0");
	is_int(expected("once", NOV(25), OPEN, f, t, MONDAY), 1,
	       "full week: once, starting Wed 25 -> 1");
	is_int(expected("once", NOV(29), OPEN, f, t, MONDAY), 1,
	       "full week: once, starting on the last day (Sun 29) -> 1");
	is_int(expected("once", NOV(23), OPEN, f, t, MONDAY), 1,
	       "full week: once, starting on the first day (Mon 23) -> 1");
	is_int(expected("once", NOV(30), OPEN, f, t, MONDAY), 0,
	       "full week: once, starting the day after -> 0");
	/* an assignment that ended before the week, or starts after it */
	is_int(expected("day", s, NOV(22), f, t, MONDAY), 0, "ended Sun 22: day -> 0");
	is_int(expected("3/week", s, NOV(22), f, t, MONDAY), 0, "ended Sun 22: 3/week -> 0");
	is_int(expected("day", NOV(30), OPEN, f, t, MONDAY), 0, "starts Mon 30: day -> 0");
	is_int(expected("3/week", NOV(30), OPEN, f, t, MONDAY), 0, "starts Mon 30: 3/week -> 0");
}

static void test_partial_weeks(void)
{
	/* the week of Monday 23 to Sunday 29 November, the assignment starting on its day:
	 * active from then to Sunday (Thu 26: 4 days, Sun 29: 1) */
	static const struct {
		const char *every;
		int start;
		long want;
		const char *why;
	} cases[] = {
		{"3/week", 26, 2, "3x4/7 = 1.71 -> 2"}, {"day", 26, 4, "4"},
		{"weekday", 26, 2, "Thu, Fri = 2"}, {"mon,wed,fri", 26, 1, "Fri = 1"},
		{"1/week", 26, 1, "4/7 = 0.57 -> 1"}, {"7/week", 26, 4, "7x4/7 = 4"},
		{"3/week", 29, 0, "3x1/7 = 0.43 -> 0"}, {"4/week", 29, 1, "4x1/7 = 0.57 -> 1"},
		{"7/week", 29, 1, "1"}, {"weekday", 29, 0, "0"}, {"day", 29, 1, "1"},
		{"2/week", 28, 1, "2x2/7 = 0.57 -> 1"}, {"5/week", 25, 4, "5x5/7 = 3.57 -> 4"},
		{"6/week", 24, 5, "6x6/7 = 5.14 -> 5"}, {"2/week", 27, 1, "2x3/7 = 0.86 -> 1"},
	};
	static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(expected(cases[i].every, NOV(cases[i].start), OPEN, NOV(23), NOV(29), MONDAY),
		       cases[i].want, "%s from %s: %s", cases[i].every, wd[cases[i].start - 23],
		       cases[i].why);
}

static void test_ending_midweek(void)
{
	hwk_day s = NOV(1), f = NOV(23), t = NOV(29);
	/* until Wed 25 (inclusive): active Mon, Tue, Wed = 3 */
	is_int(expected("day", s, NOV(25), f, t, MONDAY), 3, "until Wed: day -> 3");
	is_int(expected("weekday", s, NOV(25), f, t, MONDAY), 3, "until Wed: weekday -> 3");
	is_int(expected("3/week", s, NOV(25), f, t, MONDAY), 1, "until Wed: 3x3/7 = 1.29 -> 1");
	is_int(expected("mon,wed,fri", s, NOV(25), f, t, MONDAY), 2, "until Wed: Mon, Wed -> 2");
	/* until Tue 24: 2 active */
	is_int(expected("3/week", s, NOV(24), f, t, MONDAY), 1, "until Tue: 3x2/7 = 0.86 -> 1");
	/* until Mon 23: 1 active */
	is_int(expected("3/week", s, NOV(23), f, t, MONDAY), 0, "until Mon: 3x1/7 = 0.43 -> 0");
	/* start Tue 24, until Thu 26: 3 active */
	is_int(expected("day", NOV(24), NOV(26), f, t, MONDAY), 3, "Tue..Thu: day -> 3");
	is_int(expected("mon,wed,fri", NOV(24), NOV(26), f, t, MONDAY), 1, "Tue..Thu: Wed -> 1");
	is_int(expected("5/week", NOV(24), NOV(26), f, t, MONDAY), 2, "Tue..Thu: 5x3/7 = 2.14 -> 2");
	/* once: its start day in range even when it ends the same day */
	is_int(expected("once", NOV(24), NOV(24), f, t, MONDAY), 1, "once on Tue, until Tue -> 1");
}

static void test_multi_week(void)
{
	/* two weeks Mon 23 Nov .. Sun 6 Dec, starting Thu 26:
	 * week 1: Thu-Sun 4 active; week 2: 7 active */
	hwk_day f = NOV(23), t = DEC(6), s = NOV(26);
	is_int(expected("3/week", s, OPEN, f, t, MONDAY), 5, "2 weeks from Thu: 3/week -> 2 + 3 = 5");
	is_int(expected("day", s, OPEN, f, t, MONDAY), 11, "2 weeks from Thu: day -> 4 + 7 = 11");
	is_int(expected("weekday", s, OPEN, f, t, MONDAY), 7, "2 weeks from Thu: weekday -> 2 + 5 = 7");
	is_int(expected("mon,wed,fri", s, OPEN, f, t, MONDAY), 4,
	       "2 weeks from Thu: mon,wed,fri -> 1 + 3 = 4");

	/* four weeks Mon 23 Nov .. Sun 20 Dec, from Thu 26 Nov until Wed 16 Dec:
	 * active per week 4, 7, 7, 3 (Mon 14, Tue 15, Wed 16) */
	f = NOV(23), t = DEC(20);
	hwk_day u = DEC(16);
	is_int(expected("3/week", s, u, f, t, MONDAY), 9,
	       "4 weeks: 3/week -> 2 + 3 + 3 + (3x3/7 = 1.29 -> 1) = 9");
	is_int(expected("day", s, u, f, t, MONDAY), 21, "4 weeks: day -> 4 + 7 + 7 + 3 = 21");
	is_int(expected("weekday", s, u, f, t, MONDAY), 15, "4 weeks: weekday -> 2 + 5 + 5 + 3 = 15");
	is_int(expected("mon,wed,fri", s, u, f, t, MONDAY), 9,
	       "4 weeks: mon,wed,fri -> 1 + 3 + 3 + 2 = 9");
	is_int(expected("once", s, u, f, t, MONDAY), 1, "4 weeks: once -> 1");
	is_int(expected("1/week", s, u, f, t, MONDAY), 3,
	       "4 weeks: 1/week -> (4/7 = 0.57 -> 1) + 1 + 1 + (3/7 = 0.43 -> 0) = 3");

	/* a range not aligned to weeks: Wed 25 Nov .. Tue 1 Dec, running since 1 Nov.
	 * Week of Mon 23: Wed-Sun in range = 5; week of Mon 30: Mon, Tue = 2. Rounded per
	 * week: 3/week -> (15/7 = 2.14 -> 2) + (6/7 = 0.86 -> 1) = 3. */
	f = NOV(25), t = DEC(1);
	is_int(expected("3/week", NOV(1), OPEN, f, t, MONDAY), 3, "Wed..Tue: 3/week -> 2 + 1 = 3");
	is_int(expected("day", NOV(1), OPEN, f, t, MONDAY), 7, "Wed..Tue: day -> 7");
	is_int(expected("weekday", NOV(1), OPEN, f, t, MONDAY), 5,
	       "Wed..Tue: weekday -> Wed, Thu, Fri, Mon, Tue = 5");
	is_int(expected("mon,wed,fri", NOV(1), OPEN, f, t, MONDAY), 3,
	       "Wed..Tue: mon,wed,fri -> Wed, Fri, Mon = 3");
	/* a single day */
	is_int(expected("day", NOV(1), OPEN, NOV(27), NOV(27), MONDAY), 1, "one day: day -> 1");
	is_int(expected("weekday", NOV(1), OPEN, NOV(28), NOV(28), MONDAY), 0,
	       "one Saturday: weekday -> 0");
	is_int(expected("7/week", NOV(1), OPEN, NOV(28), NOV(28), MONDAY), 1,
	       "one day: 7/week -> 7x1/7 = 1");
	is_int(expected("3/week", NOV(1), OPEN, NOV(28), NOV(28), MONDAY), 0,
	       "one day: 3/week -> 3/7 = 0.43 -> 0");
	/* an empty range (from after to) */
	is_int(expected("day", NOV(1), OPEN, NOV(29), NOV(23), MONDAY), 0, "from after to: 0");
	/* a year: 1 Jan .. 31 Dec 2026 is 365 days, Thu to Thu; weekdays: 52 full weeks have
	 * 260, plus the extra Thursday 31 Dec = 261 */
	is_int(expected("day", ymd(2025, 6, 1), OPEN, ymd(2026, 1, 1), ymd(2026, 12, 31), MONDAY), 365,
	       "2026: day -> 365");
	is_int(expected("weekday", ymd(2025, 6, 1), OPEN, ymd(2026, 1, 1), ymd(2026, 12, 31), MONDAY),
	       261, "2026: weekday -> 261");
}

static void test_week_start_sunday(void)
{
	/* Sunday weeks: Sun 22 .. Sat 28 Nov. Starting Thu 26: active Thu, Fri, Sat = 3 */
	hwk_day f = NOV(22), t = NOV(28);
	is_int(expected("3/week", NOV(26), OPEN, f, t, SUNDAY), 1,
	       "Sunday week from Thu: 3x3/7 = 1.29 -> 1");
	is_int(expected("3/week", NOV(26), OPEN, NOV(23), NOV(29), MONDAY), 2,
	       "the Monday week from Thu: 3x4/7 = 1.71 -> 2");
	is_int(expected("day", NOV(1), OPEN, f, t, SUNDAY), 7, "Sunday week: day -> 7");
	is_int(expected("weekday", NOV(1), OPEN, f, t, SUNDAY), 5, "Sunday week: weekday -> 5");
	is_int(expected("3/week", NOV(1), OPEN, f, t, SUNDAY), 3, "Sunday week: 3/week -> 3");
	/* two Sunday weeks Sun 22 Nov .. Sat 5 Dec from Thu 26: (3 -> 1) + (7 -> 3) = 4 */
	is_int(expected("3/week", NOV(26), OPEN, NOV(22), DEC(5), SUNDAY), 4,
	       "two Sunday weeks from Thu: 1 + 3 = 4");
	/* the same days in Monday weeks: Mon 16-22 holds Sun 22 (not active yet) -> 0;
	 * Mon 23-29: Thu-Sun 4 -> 2; Mon 30 - Sun 6: Mon-Sat in range 6 -> 18/7 = 2.57 -> 3 */
	is_int(expected("3/week", NOV(26), OPEN, NOV(22), DEC(5), MONDAY), 5,
	       "the same days in Monday weeks: 0 + 2 + 3 = 5");
	/* Saturday weeks (5): Sat 21 .. Fri 27 from Thu 26: Thu, Fri = 2 -> 6/7 -> 1 */
	is_int(expected("3/week", NOV(26), OPEN, NOV(21), NOV(27), 5), 1,
	       "Saturday week from Thu: 3x2/7 = 0.86 -> 1");
}

static void test_every_on(void)
{
	hwk_day s = NOV(23), u = NOV(29);
	/* every, until, the day asked about, whether it is on */
	const struct { const char *every; hwk_day until, day; int on; const char *what; } c[] = {
		{ "day", u, NOV(23), 1, "day: on its start" }, { "day", u, NOV(29), 1, "day: on its last day" },
		{ "day", u, NOV(22), 0, "day: not before its start" }, { "day", u, NOV(30), 0, "day: not after until" },
		{ "day", OPEN, DEC(31), 1, "day, open: on any later day" },
		{ "weekday", u, NOV(27), 1, "weekday: Friday" }, { "weekday", u, NOV(28), 0, "weekday: not Saturday" },
		{ "weekday", u, NOV(29), 0, "weekday: not Sunday" },
		{ "mon,fri", u, NOV(23), 1, "mon,fri: Monday" }, { "mon,fri", u, NOV(24), 0, "mon,fri: not Tuesday" },
		{ "mon,fri", u, NOV(27), 1, "mon,fri: Friday" }, { "mon,fri", u, NOV(30), 0, "mon,fri: not a Monday after until" },
		{ "3/week", u, NOV(24), 1, "3/week: any active day" }, { "3/week", u, NOV(28), 1, "3/week: Saturday too" },
		{ "3/week", u, NOV(22), 0, "3/week: not before its start" },
		{ "once", u, NOV(23), 1, "once: its start day" }, { "once", u, NOV(20), 0, "once: not before" },
		{ "once", u, DEC(1), 0, "once: not after until" },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		hwk_every e = ev(c[i].every);
		is_int(hwk_every_on(&e, s, c[i].until, c[i].day), c[i].on, "%s", c[i].what);
	}
}

int main(void)
{
	test_parse();
	test_full_week();
	test_partial_weeks();
	test_ending_midweek();
	test_multi_week();
	test_week_start_sunday();
	test_every_on();
	return tap_done();
}
