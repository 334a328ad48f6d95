/* Unit tests for lib/date.c. Expected values were checked with GNU date
 * (TZ=... date -d ..., date -d @N, date +%G-W%V); the every-day sweep uses
 * libc's gmtime_r and strftime %G/%V as an independent oracle. */
#define _POSIX_C_SOURCE 200809L

#include "date.h"
#include "tap.h"

#include <stdlib.h>
#include <time.h>

/* Fixed "now" for the parsing tests: Friday 2026-11-27T10:00:00+01:00. */
#define NOW_FRI 1795770000L
/* Sunday 2026-11-29T10:00:00+01:00. */
#define NOW_SUN 1795942800L

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
	hwk_time_zone_changed();
}

/* Rotating buffers so several results can appear in one assertion. */
static const char *day_str(hwk_day day)
{
	static char buf[8][16];
	static int i;
	char *b = buf[i++ % 8];
	if (day == HWK_DAY_NONE)
		return "NONE";
	hwk_day_format(day, b);
	return b;
}

static const char *time_str(time_t t)
{
	static char buf[8][32];
	static int i;
	char *b = buf[i++ % 8];
	hwk_time_format(t, b);
	return b;
}

static hwk_day ymd(int y, int m, int d)
{
	return hwk_day_from_ymd(y, m, d);
}

static const char *iso_week_str(hwk_day day)
{
	static char buf[8][16];
	static int i;
	char *b = buf[i++ % 8];
	int y, w;
	hwk_day_iso_week(day, &y, &w);
	snprintf(b, 16, "%04d-W%02d", y, w);
	return b;
}

/* ---- Calendar days ---- */

static void test_day_numbers(void)
{
	set_tz("UTC");
	is_int(ymd(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(ymd(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(ymd(2026, 11, 27), 20784, "2026-11-27 is day 20784");
	is_int(ymd(1900, 1, 1), -25567, "1900-01-01 is day -25567");
	is_int(ymd(2200, 12, 31), 84370, "2200-12-31 is day 84370");
	is_int(ymd(2000, 2, 29), 11016, "2000-02-29 is day 11016");
	is_int(ymd(1600, 2, 29), -135081, "1600-02-29 is day -135081");
	is_int(ymd(1, 1, 1), -719162, "0001-01-01 is day -719162");
	is_int(ymd(9999, 12, 31), 2932896, "9999-12-31 is day 2932896");
	is_str(day_str(-719162), "0001-01-01", "day -719162 formats as 0001-01-01");
	is_str(day_str(2932896), "9999-12-31", "day 2932896 formats as 9999-12-31");
	is_str(day_str(0), "1970-01-01", "day 0 formats as 1970-01-01");
}

/* Every day 1900..2200 against gmtime_r and strftime's ISO week. */
static void test_every_day(void)
{
	long bad_ymd = 0, bad_back = 0, bad_wday = 0, bad_week = 0, bad_fmt = 0, n = 0;
	set_tz("UTC");
	for (hwk_day day = ymd(1900, 1, 1); day <= ymd(2200, 12, 31); day++, n++) {
		time_t t = (time_t)day * 86400;
		struct tm tm;
		char want[16];
		int y, m, d;

		gmtime_r(&t, &tm);
		hwk_day_to_ymd(day, &y, &m, &d);
		if (y != tm.tm_year + 1900 || m != tm.tm_mon + 1 || d != tm.tm_mday)
			bad_ymd++;
		if (ymd(y, m, d) != day)
			bad_back++;
		if (hwk_day_weekday(day) != (tm.tm_wday + 6) % 7)
			bad_wday++;
		strftime(want, sizeof want, "%G-W%V", &tm);
		if (strcmp(iso_week_str(day), want) != 0)
			bad_week++;
		strftime(want, sizeof want, "%Y-%m-%d", &tm);
		if (strcmp(day_str(day), want) != 0)
			bad_fmt++;
	}
	is_int(n, 109938, "swept every day 1900-01-01..2200-12-31");
	is_int(bad_ymd, 0, "day -> ymd matches gmtime_r on every day");
	is_int(bad_back, 0, "ymd -> day round trips on every day");
	is_int(bad_wday, 0, "weekday matches gmtime_r on every day");
	is_int(bad_week, 0, "ISO week matches strftime %%G-W%%V on every day");
	is_int(bad_fmt, 0, "day format matches strftime %%Y-%%m-%%d on every day");
}

/* day -> ymd -> day over about 10000 years, negative days included. */
static void test_wide_round_trip(void)
{
	long bad = 0;
	for (hwk_day day = -800000; day <= 3000000; day++) {
		int y, m, d;
		hwk_day_to_ymd(day, &y, &m, &d);
		if (ymd(y, m, d) != day || m < 1 || m > 12 || d < 1 || d > 31)
			bad++;
	}
	is_int(bad, 0, "day -> ymd -> day round trips for days -800000..3000000");
}

static void test_leap_years(void)
{
	hwk_day day;
	is_int(hwk_day_parse_ymd("2000-02-29", &day), 0, "2000-02-29 exists (divisible by 400)");
	is_int(hwk_day_parse_ymd("1900-02-29", &day), -1, "1900-02-29 does not exist (century)");
	is_int(hwk_day_parse_ymd("2024-02-29", &day), 0, "2024-02-29 exists");
	is_int(hwk_day_parse_ymd("2100-02-29", &day), -1, "2100-02-29 does not exist (century)");
	is_int(hwk_day_parse_ymd("2400-02-29", &day), 0, "2400-02-29 exists");
	is_int(hwk_day_parse_ymd("2026-02-29", &day), -1, "2026-02-29 does not exist");
	is_int(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2, "2000 has a leap day");
	is_int(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1, "1900 has no leap day");
	is_int(ymd(2024, 3, 1) - ymd(2024, 2, 28), 2, "2024 has a leap day");
	is_int(ymd(2100, 3, 1) - ymd(2100, 2, 28), 1, "2100 has no leap day");
	is_int(ymd(2001, 1, 1) - ymd(2000, 1, 1), 366, "2000 has 366 days");
	is_int(ymd(1901, 1, 1) - ymd(1900, 1, 1), 365, "1900 has 365 days");
	is_int(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366, "2024 has 366 days");
	is_int(ymd(2101, 1, 1) - ymd(2100, 1, 1), 365, "2100 has 365 days");
	is_str(day_str(ymd(2024, 2, 28) + 1), "2024-02-29", "the day after 2024-02-28");
	is_str(day_str(ymd(2100, 2, 28) + 1), "2100-03-01", "the day after 2100-02-28");
}

static void test_weekdays(void)
{
	is_int(hwk_day_weekday(ymd(2026, 11, 27)), 4, "2026-11-27 is a Friday");
	is_int(hwk_day_weekday(ymd(1970, 1, 1)), 3, "1970-01-01 is a Thursday");
	is_int(hwk_day_weekday(ymd(1969, 12, 31)), 2, "1969-12-31 is a Wednesday");
	is_int(hwk_day_weekday(ymd(1900, 1, 1)), 0, "1900-01-01 is a Monday");
	is_int(hwk_day_weekday(ymd(2200, 12, 31)), 2, "2200-12-31 is a Wednesday");
	is_int(hwk_day_weekday(ymd(1, 1, 1)), 0, "0001-01-01 is a Monday");
	is_int(hwk_day_weekday(ymd(2026, 11, 29)), 6, "2026-11-29 is a Sunday");
}

static void test_iso_weeks(void)
{
	static const struct { int y, m, d; const char *week; } c[] = {
		{ 2020, 12, 31, "2020-W53" }, { 2021, 1, 3, "2020-W53" }, { 2021, 1, 4, "2021-W01" },
		{ 2024, 12, 30, "2025-W01" }, { 2026, 12, 31, "2026-W53" }, { 2027, 1, 1, "2026-W53" },
		{ 2026, 11, 27, "2026-W48" }, { 2026, 1, 1, "2026-W01" }, { 2025, 12, 28, "2025-W52" },
		{ 2025, 12, 29, "2026-W01" }, { 1969, 12, 31, "1970-W01" }, { 2016, 1, 3, "2015-W53" },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		is_str(iso_week_str(ymd(c[i].y, c[i].m, c[i].d)), c[i].week, "%04d-%02d-%02d is in %s",
		       c[i].y, c[i].m, c[i].d, c[i].week);
}

static void test_from_iso_week(void)
{
	long bad = 0;

	is_str(day_str(hwk_day_from_iso_week(2026, 48)), "2026-11-23", "2026-W48 starts 2026-11-23");
	is_str(day_str(hwk_day_from_iso_week(2026, 1)), "2025-12-29", "2026-W01 starts 2025-12-29");
	is_str(day_str(hwk_day_from_iso_week(2026, 53)), "2026-12-28", "2026-W53 starts 2026-12-28");
	is_str(day_str(hwk_day_from_iso_week(2020, 53)), "2020-12-28", "2020-W53 starts 2020-12-28");
	is_str(day_str(hwk_day_from_iso_week(2021, 1)), "2021-01-04", "2021-W01 starts 2021-01-04");
	is_str(day_str(hwk_day_from_iso_week(2025, 1)), "2024-12-30", "2025-W01 starts 2024-12-30");
	is_str(day_str(hwk_day_from_iso_week(2015, 53)), "2015-12-28", "2015-W53 starts 2015-12-28");
	is_str(day_str(hwk_day_from_iso_week(2025, 53)), "NONE", "2025 has no W53");
	is_str(day_str(hwk_day_from_iso_week(2026, 0)), "NONE", "there is no W00");
	is_str(day_str(hwk_day_from_iso_week(2026, 54)), "NONE", "there is no W54");

	/* Every week of 1900..2200 maps back to itself and starts on a Monday. */
	for (int y = 1900; y <= 2200; y++) {
		for (int w = 1; w <= 53; w++) {
			hwk_day monday = hwk_day_from_iso_week(y, w);
			int iy, iw;
			if (monday == HWK_DAY_NONE) {
				/* only W53, and only when 28 Dec is in W52 */
				hwk_day_iso_week(ymd(y, 12, 28), &iy, &iw);
				if (w != 53 || iw != 52)
					bad++;
				continue;
			}
			hwk_day_iso_week(monday, &iy, &iw);
			if (iy != y || iw != w || hwk_day_weekday(monday) != 0)
				bad++;
		}
	}
	is_int(bad, 0, "from_iso_week inverts iso_week for every week of 1900..2200");
}

static void test_week_start(void)
{
	hwk_day fri = ymd(2026, 11, 27), mon = ymd(2026, 11, 23), sun = ymd(2026, 11, 29);
	is_str(day_str(hwk_week_start(fri, 0)), "2026-11-23", "Monday week of Fri 2026-11-27");
	is_str(day_str(hwk_week_start(fri, 6)), "2026-11-22", "Sunday week of Fri 2026-11-27");
	is_str(day_str(hwk_week_start(fri, 4)), "2026-11-27", "Friday week of Fri 2026-11-27");
	is_str(day_str(hwk_week_start(fri, 5)), "2026-11-21", "Saturday week of Fri 2026-11-27");
	is_str(day_str(hwk_week_start(mon, 0)), "2026-11-23", "Monday week of a Monday is that day");
	is_str(day_str(hwk_week_start(mon, 6)), "2026-11-22", "Sunday week of Mon 2026-11-23");
	is_str(day_str(hwk_week_start(sun, 0)), "2026-11-23", "Monday week of Sun 2026-11-29");
	is_str(day_str(hwk_week_start(sun, 6)), "2026-11-29", "Sunday week of a Sunday is that day");
	is_str(day_str(hwk_week_start(ymd(1970, 1, 1), 0)), "1969-12-29", "week start across day 0");
}

static void test_parse_ymd(void)
{
	static const char *const bad[] = {
		"2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31", "2026-02-30",
		"2026-1-01", "2026-11-2", "26-11-27", "2026/11/27", "2026-11-27x",
		" 2026-11-27", "2026-11-27 ", "", "20261127", "2026-11-27T00:00",
	};
	hwk_day day = 42;

	ok(hwk_day_parse_ymd("2026-11-27", &day) == 0 && day == 20784, "parse 2026-11-27");
	ok(hwk_day_parse_ymd("1970-01-01", &day) == 0 && day == 0, "parse 1970-01-01");
	ok(hwk_day_parse_ymd("2026-12-31", &day) == 0 && day == ymd(2026, 12, 31), "parse 2026-12-31");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		day = 42;
		ok(hwk_day_parse_ymd(bad[i], &day) == -1 && day == 42, "reject '%s', out untouched", bad[i]);
	}
}

static void test_parse_weekday(void)
{
	static const char *const bad[] = { "mo", "mond", "frid", "thur", "fri ", "", "xyz", "mondays" };
	static const struct { const char *s; int want; } good[] = {
		{ "mon", 0 },
		{ "Monday", 0 },
		{ "tue", 1 },
		{ "wednesday", 2 },
		{ "thursday", 3 },
		{ "FRI", 4 },
		{ "Sat", 5 },
		{ "sunday", 6 },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		is_int(hwk_parse_weekday(good[i].s), good[i].want, "%s", good[i].s);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(hwk_parse_weekday(bad[i]), -1, "reject weekday '%s'", bad[i]);
}

/* ---- Local time ---- */

static void test_time_format(void)
{
	set_tz("UTC");
	is_str(time_str(1795813440), "2026-11-27T21:04:00+00:00", "UTC");
	is_str(time_str(0), "1970-01-01T00:00:00+00:00", "UTC epoch");
	is_str(time_str(-1), "1969-12-31T23:59:59+00:00", "UTC before the epoch");

	set_tz("Europe/Berlin");
	is_str(time_str(1795809840), "2026-11-27T21:04:00+01:00", "Berlin winter");
	is_str(time_str(1782900000), "2026-07-01T12:00:00+02:00", "Berlin summer");
	/* Local mean time before 1893: the offset has seconds, which ISO 8601 and hwk's
	 * readers do not; it is rounded to the minute, the clock with it, and the text
	 * still names the same instant. */
	is_str(time_str(-2524521600), "1890-01-01T00:53:00+00:53", "Berlin LMT offset rounded");
	time_t back;
	ok(hwk_time_parse_iso_day(time_str(-2524521600), &back, &(hwk_day){0}) == 0,
	   "LMT: before 1970 it is no time hwk takes");
	set_tz("Africa/Monrovia"); /* -00:44:30 until 1972 */
	is_str(time_str(44100000), "1971-05-26T09:15:00-00:45", "Monrovia 1971: -00:44:30 rounded");
	ok(hwk_time_parse_iso(time_str(44100000), &back) == 0 && back == 44100000,
	   "Monrovia 1971: the text reads back as the same instant");

	set_tz("America/New_York");
	is_str(time_str(1795831440), "2026-11-27T21:04:00-05:00", "New York winter");
	is_str(time_str(1782921600), "2026-07-01T12:00:00-04:00", "New York summer");

	set_tz("Asia/Kolkata");
	is_str(time_str(1795793640), "2026-11-27T21:04:00+05:30", "Kolkata +05:30");

	set_tz("America/St_Johns");
	is_str(time_str(1768477530), "2026-01-15T08:15:30-03:30", "St John's winter -03:30");
	is_str(time_str(1784112330), "2026-07-15T08:15:30-02:30", "St John's summer -02:30");
}

static void test_day_of(void)
{
	/* 2026-11-28T00:30:00+01:00 is 2026-11-27T23:30:00Z. */
	set_tz("Europe/Berlin");
	is_str(day_str(hwk_day_of(1795822200)), "2026-11-28", "day_of uses the local day (Berlin)");
	set_tz("UTC");
	is_str(day_str(hwk_day_of(1795822200)), "2026-11-27", "day_of uses the local day (UTC)");
	is_str(day_str(hwk_day_of(-1)), "1969-12-31", "day_of before the epoch");
}

/* A thread keeps a stretch of time it found to have one offset (hwk_time_local): what
 * it answers from it is what it answers without, whatever order the times come in, on
 * the days around transitions of several kinds (DST, half an hour, a day skipped, an
 * offset changed for good). */
static void test_time_local_steady(void)
{
	static const struct {
		const char *tz;
		int y, m, d;
	} around[] = {
		{"Europe/Berlin", 2026, 3, 29},	 {"Europe/Berlin", 2026, 10, 25},
		{"America/New_York", 2026, 11, 1}, {"Australia/Lord_Howe", 2026, 4, 5},
		{"Pacific/Apia", 2011, 12, 30},	 {"Europe/Moscow", 2014, 10, 26},
		{"UTC", 2026, 11, 27},
	};
	enum { DAYS = 9, TIMES = 24 * 4 };
	static time_t kept[DAYS * TIMES], fresh[DAYS * TIMES];
	for (size_t z = 0; z < sizeof around / sizeof *around; z++) {
		set_tz(around[z].tz);
		hwk_day first = ymd(around[z].y, around[z].m, around[z].d) - DAYS / 2;
		for (int order = 0; order < 3; order++) {
			/* forward, backward, and hopping by a prime step */
			for (int k = 0; k < DAYS * TIMES; k++) {
				int i = order == 0 ? k : order == 1 ? DAYS * TIMES - 1 - k : k * 37 % (DAYS * TIMES);
				kept[i] = hwk_time_local(first + i / TIMES, i % TIMES / 4, i % 4 * 15, 0);
			}
			for (int i = 0; i < DAYS * TIMES; i++) {
				hwk_time_zone_changed(); /* nothing kept: worked out afresh */
				fresh[i] = hwk_time_local(first + i / TIMES, i % TIMES / 4, i % 4 * 15, 0);
			}
			int same = 1;
			for (int i = 0; i < DAYS * TIMES; i++)
				if (kept[i] != fresh[i]) {
					printf("# %s day %d %02d:%02d: %ld kept, %ld afresh\n", around[z].tz, i / TIMES,
					     i % TIMES / 4, i % 4 * 15, (long)kept[i], (long)fresh[i]);
					same = 0;
					break;
				}
			ok(same, "%s around %d-%02d-%02d, order %d: the kept offsets answer as afresh",
			   around[z].tz, around[z].y, around[z].m, around[z].d, order);
		}
	}
	/* a zone set anew (and said so) is not answered from the last one's */
	set_tz("Europe/Berlin");
	(void)hwk_time_local(ymd(2026, 7, 1), 12, 0, 0);
	set_tz("America/New_York");
	is_int(hwk_time_local(ymd(2026, 7, 1), 12, 0, 0), 1782921600, "New York after Berlin: its own offset");
}

static void test_time_local(void)
{
	hwk_day d;

	set_tz("UTC");
	is_int(hwk_time_local(ymd(2026, 11, 27), 21, 4, 0), 1795813440, "UTC 2026-11-27 21:04");

	set_tz("Europe/Berlin");
	is_int(hwk_time_local(ymd(2026, 11, 27), 21, 4, 0), 1795809840, "Berlin winter 21:04");
	is_int(hwk_time_local(ymd(2026, 7, 1), 12, 0, 0), 1782900000, "Berlin summer 12:00");

	/* Spring forward: 2026-03-29 02:00 CET -> 03:00 CEST. */
	d = ymd(2026, 3, 29);
	is_str(time_str(hwk_time_local(d, 1, 59, 59)), "2026-03-29T01:59:59+01:00", "just before the gap");
	is_str(time_str(hwk_time_local(d, 2, 0, 0)), "2026-03-29T03:00:00+02:00", "gap start 02:00 -> 03:00");
	is_str(time_str(hwk_time_local(d, 2, 30, 0)), "2026-03-29T03:30:00+02:00", "gap 02:30 -> 03:30 CEST");
	is_int(hwk_time_local(d, 2, 30, 0), 1774747800, "gap 02:30 -> 2026-03-29T02:30+01:00 as an instant");
	is_str(time_str(hwk_time_local(d, 2, 59, 59)), "2026-03-29T03:59:59+02:00", "gap end 02:59:59 -> 03:59:59");
	is_str(time_str(hwk_time_local(d, 3, 0, 0)), "2026-03-29T03:00:00+02:00", "03:00 after the gap");
	is_int(hwk_time_local(d + 1, 0, 0, 0) - hwk_time_local(d, 0, 0, 0), 23 * 3600,
	       "2026-03-29 in Berlin is 23 hours long");

	/* Fall back: 2026-10-25 03:00 CEST -> 02:00 CET; 02:00..02:59 happen twice. */
	d = ymd(2026, 10, 25);
	is_int(hwk_time_local(d, 2, 30, 0), 1792888200, "ambiguous 02:30 takes the first (CEST) one");
	is_str(time_str(hwk_time_local(d, 2, 30, 0)), "2026-10-25T02:30:00+02:00", "ambiguous 02:30 formats +02:00");
	is_str(time_str(hwk_time_local(d, 2, 0, 0)), "2026-10-25T02:00:00+02:00", "ambiguous 02:00 takes CEST");
	is_str(time_str(hwk_time_local(d, 3, 0, 0)), "2026-10-25T03:00:00+01:00", "03:00 after the fold");
	is_str(time_str(hwk_time_local(d, 1, 59, 59)), "2026-10-25T01:59:59+02:00", "01:59:59 before the fold");
	is_int(hwk_time_local(d + 1, 0, 0, 0) - hwk_time_local(d, 0, 0, 0), 25 * 3600,
	       "2026-10-25 in Berlin is 25 hours long");
	/* glibc's mktime(tm_isdst = -1) picks a fold side from its previous call;
	 * hwk_time_local must not, whatever came before. */
	(void)hwk_time_local(ymd(2026, 1, 1), 12, 0, 0);
	is_int(hwk_time_local(d, 2, 30, 0), 1792888200, "ambiguous 02:30 after a winter call: still CEST");
	(void)hwk_time_local(ymd(2026, 7, 1), 12, 0, 0);
	is_int(hwk_time_local(d, 2, 30, 0), 1792888200, "ambiguous 02:30 after a summer call: still CEST");

	set_tz("America/New_York");
	is_str(time_str(hwk_time_local(ymd(2026, 3, 8), 2, 30, 0)), "2026-03-08T03:30:00-04:00", "New York gap");
	is_int(hwk_time_local(ymd(2026, 11, 1), 1, 30, 0), 1793511000, "New York fold takes EDT");

	set_tz("America/St_Johns");
	is_str(time_str(hwk_time_local(ymd(2026, 11, 1), 1, 30, 0)), "2026-11-01T01:30:00-02:30",
	       "St John's fold takes -02:30");

	/* Offset changes that are not DST changes, invisible to tm_isdst. */
	set_tz("Europe/Moscow");
	is_int(hwk_time_local(ymd(2014, 10, 26), 1, 30, 0), 1414272600, "Moscow 2014 fold (+04 -> +03) takes +04");
	is_str(time_str(hwk_time_local(ymd(2014, 10, 26), 1, 30, 0)), "2014-10-26T01:30:00+04:00",
	       "Moscow 2014 fold formats +04:00");
	set_tz("Pacific/Apia");
	is_int(hwk_time_local(ymd(2011, 12, 30), 12, 0, 0), 1325282400, "Apia's skipped 2011-12-30 moves forward a day");
	is_str(time_str(hwk_time_local(ymd(2011, 12, 30), 0, 0, 0)), "2011-12-31T00:00:00+14:00",
	       "Apia 2011-12-30 00:00 -> 2011-12-31 00:00");
	is_str(time_str(hwk_time_local(ymd(2011, 12, 29), 23, 59, 59)), "2011-12-29T23:59:59-10:00",
	       "Apia's last second before the skip");

	/* The same day asked again in another zone takes that zone's offset, and every day
	 * and hour around a transition reads back as asked, as checked by GNU date: 2026-03-28 12:00 is 11:00Z in Berlin, 16:00Z in New York. */
	set_tz("Europe/Berlin");
	is_int(hwk_time_local(ymd(2026, 3, 28), 12, 0, 0), 1774695600, "Berlin 2026-03-28 12:00");
	set_tz("America/New_York");
	is_int(hwk_time_local(ymd(2026, 3, 28), 12, 0, 0), 1774713600, "the same day in New York: another offset");
	set_tz("Europe/Berlin");
	is_int(hwk_time_local(ymd(2026, 3, 28), 12, 0, 0), 1774695600, "and Berlin again");
	int agree = 1;
	for (hwk_day day = ymd(2026, 3, 25); day <= ymd(2026, 4, 2); day++)
		for (int h = 0; h < 24; h++) {
			time_t t = hwk_time_local(day, h, 30, 0);
			struct tm tm;
			localtime_r(&t, &tm);
			/* outside the gap, the wall time read back is the one asked for */
			int in_gap = day == ymd(2026, 3, 29) && h == 2;
			if (!in_gap && (tm.tm_hour != h || tm.tm_min != 30 || hwk_day_of(t) != day))
				agree = 0;
		}
	ok(agree, "Berlin, every hour of 2026-03-25 to 04-02 reads back as the wall time asked for");
}

static void test_parse_iso(void)
{
	static const char *const bad[] = {
		"2026-13-01T00:00Z", "2026-02-30T00:00Z", "2026-02-29T00:00Z", "2026-11-27T24:00Z",
		"2026-11-27T24:00", "2026-11-27T21:60Z", "2026-11-27T21:30:60Z", "2026-11-27T21:30Zjunk",
		"2026-11-27T21:30+01", "2026-11-27T21:30+0100x", "2026-11-27T21:30+01:00 ",
		"2026-11-27T21:30+1:00", "2026-11-27T21:30+24:00", "2026-11-27T21:30+01:60",
		"2026-11-27T21:30+01:0", "2026-11-27 21:30", "2026-11-27t21:30", "2026-11-27T21:30z",
		"2026-11-27", "2026-11-27T21", "2026-11-27T21:3", "2026-11-27T7:30", "2026-11-27T21:30:6",
		"2026-11-27T21:30:00.5Z", "26-11-27T21:30Z", "", "T21:30", "2026-11-27T21:30x",
	};
	time_t t;

	set_tz("Europe/Berlin");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00Z", &t) == 0 && t == 1795815000, "Z");
	ok(hwk_time_parse_iso("2026-11-27T21:30Z", &t) == 0 && t == 1795815000, "Z without seconds");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00+05:30", &t) == 0 && t == 1795795200, "+HH:MM");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00+0530", &t) == 0 && t == 1795795200, "+HHMM");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00-08:00", &t) == 0 && t == 1795843800, "-HH:MM");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00-0800", &t) == 0 && t == 1795843800, "-HHMM");
	ok(hwk_time_parse_iso("2026-11-27T21:30:45-03:30", &t) == 0 && t == 1795827645, "-03:30 with seconds");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00+00:00", &t) == 0 && t == 1795815000, "+00:00");
	ok(hwk_time_parse_iso("2026-11-27T21:30:00-00:00", &t) == 0 && t == 1795815000, "-00:00");
	ok(hwk_time_parse_iso("2024-02-29T00:00:00Z", &t) == 0 && t == 1709164800, "leap day 2024");
	ok(hwk_time_parse_iso("1970-01-01T00:00:00Z", &t) == 0 && t == 0, "the epoch, the earliest time hwk takes");
	ok(hwk_time_parse_iso("2026-11-27T21:30", &t) == 0 && t == 1795811400, "no offset: Berlin local");
	ok(hwk_time_parse_iso("2026-11-27T21:30:15", &t) == 0 && t == 1795811415, "no offset, seconds");
	ok(hwk_time_parse_iso("2026-03-29T02:30", &t) == 0 && t == 1774747800, "no offset, in the gap");
	ok(hwk_time_parse_iso("2026-10-25T02:30", &t) == 0 && t == 1792888200, "no offset, in the fold");
	ok(hwk_time_parse_iso("2026-10-25T02:30+01:00", &t) == 0 && t == 1792891800,
	   "explicit offset picks the second 02:30");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		t = 42;
		ok(hwk_time_parse_iso(bad[i], &t) == -1 && t == 42, "reject ISO '%s'", bad[i]);
	}

	/* format and parse agree */
	ok(hwk_time_parse_iso(time_str(1782900000), &t) == 0 && t == 1782900000, "parse(format(t)) == t");
}

/* ---- What users type ---- */

/* hwk_ymd_ok: the form and the calendar; dates as text compare as their days */
static void test_ymd_ok(void)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{"2026-11-27", 1}, {"2026-11-27T21:04:00+01:00", 1}, {"2024-02-29", 1},
		{"2026-02-29", 0}, {"2000-02-29", 1}, {"1900-02-29", 0}, {"2026-04-31", 0},
		{"2026-12-31", 1}, {"2026-13-01", 0}, {"2026-00-10", 0}, {"2026-01-00", 0},
		{"2026-1-01", 0}, {"2026-11-2", 0}, {"", 0}, {"2026/11/27", 0}, {"20261127xx", 0},
		{"abcd-11-27", 0}, {"2026-11-27.yaml", 1}, {"0000-01-01", 1}, {"9999-12-31", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		hwk_day d;
		is_int(hwk_ymd_ok(cases[i].s), cases[i].ok, "ymd_ok '%s'", cases[i].s);
		if (strlen(cases[i].s) == 10)
			is_int(hwk_day_parse_ymd(cases[i].s, &d) == 0, cases[i].ok,
			       "ymd_ok '%s' agrees with day_parse_ymd", cases[i].s);
	}
	/* every day of 1999..2031 is a date, and any two compare as text as they do as days */
	int all_ok = 1, order_ok = 1;
	for (hwk_day a = ymd(1999, 1, 1); a <= ymd(2031, 12, 31); a++) {
		char x[16], y[16];
		hwk_day b = a + (a * 7919) % 400 - 200;
		hwk_day_format(a, x);
		hwk_day_format(b, y);
		if (!hwk_ymd_ok(x))
			all_ok = 0;
		int c = strncmp(x, y, 10);
		if ((c < 0) != (a < b) || (c == 0) != (a == b))
			order_ok = 0;
	}
	ok(all_ok, "every day of 1999..2031 formats to a date ymd_ok takes");
	ok(order_ok, "dates as text compare as their days");
}

/* hwk_time_parse_iso_day: the day whenever s starts with a date, the time as
 * hwk_time_parse_iso reads it. */
static void test_parse_iso_day(void)
{
	set_tz("Europe/Berlin");
	static const char *const cases[] = {
		"2026-11-27T21:04:00+01:00", "2026-11-27T21:04:00Z", "2026-11-27T21:04:00",
		"2026-11-27T21:04", "2026-11-27T25:00:00Z", "2026-11-27", "2026-11-27 21:04",
		"2026-11-27T21:04:00+0100", "2026-11-27T21:04:00+24:00", "2026-13-01T00:00:00Z",
		"2026-11-2", "", "x", "2026-03-29T02:30:00",
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		time_t t1 = 0, t2 = 0;
		hwk_day d1 = 0, d2 = 0;
		int r1 = hwk_time_parse_iso(cases[i], &t1);
		int r2 = hwk_time_parse_iso_day(cases[i], &t2, &d2);
		int rd = hwk_stamp_day(cases[i], &d1);
		ok(r2 == (rd < 0 ? -1 : r1 == 0 ? 1 : 0) && (r2 < 0 || d1 == d2) && (r2 < 1 || t1 == t2),
		   "'%s': parse_iso %d, with its day %d", cases[i], r1, r2);
	}
}

static void test_parse_date(void)
{
	static const struct { const char *in, *want; } good[] = {
		{ "today", "2026-11-27" }, { "Today", "2026-11-27" },
		{ "yesterday", "2026-11-26" }, { "tomorrow", "2026-11-28" },
		{ "fri", "2026-11-27" }, { "friday", "2026-11-27" }, { "FRI", "2026-11-27" },
		{ "thu", "2026-11-26" }, { "wed", "2026-11-25" }, { "tue", "2026-11-24" },
		{ "mon", "2026-11-23" }, { "Monday", "2026-11-23" }, { "sun", "2026-11-22" },
		{ "sat", "2026-11-21" }, { "saturday", "2026-11-21" },
		{ "-0d", "2026-11-27" }, { "+0d", "2026-11-27" }, { "-0w", "2026-11-27" },
		{ "-1d", "2026-11-26" }, { "-3d", "2026-11-24" }, { "-03d", "2026-11-24" },
		{ "-30d", "2026-10-28" }, { "-365d", "2025-11-27" },
		{ "-1w", "2026-11-20" }, { "-2w", "2026-11-13" }, { "-4w", "2026-10-30" },
		{ "+1d", "2026-11-28" }, { "+5d", "2026-12-02" }, { "+1w", "2026-12-04" },
		{ "+100000d", "2300-09-12" }, { "-100000d", "1753-02-11" },
		{ "+100000w", "3943-06-11" }, { "-100000w", "0110-05-16" },
		{ "2026-11-27", "2026-11-27" }, { "2020-02-29", "2020-02-29" }, { "1999-01-01", "1999-01-01" },
	};
	static const char *const bad[] = {
		"-3", "3d", "+3", "3", "d", "-d", "+w", "-1x", "- 1d", "-1d ", " -1d", "-1D", "--1d", "+-1d",
		"-1dd", "+100001d", "-100001w", "+99999999999999999999d", "tomorow", "yesterdays", "now",
		"2026-11-27x", "2026-11-31", "2026-13-01", "", " ", "today ", "fri day", "next",
	};
	hwk_day day;

	set_tz("Europe/Berlin");
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		day = HWK_DAY_NONE;
		int rc = hwk_parse_date(good[i].in, NOW_FRI, &day);
		ok(rc == 0 && strcmp(day_str(day), good[i].want) == 0, "'%s' on Fri 2026-11-27 is %s (got %s)",
		   good[i].in, good[i].want, rc ? "error" : day_str(day));
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		day = 42;
		ok(hwk_parse_date(bad[i], NOW_FRI, &day) == -1 && day == 42, "reject date '%s'", bad[i]);
	}

	/* The local day decides: 2026-11-28T00:30+01:00 is still the 27th in UTC. */
	ok(hwk_parse_date("today", 1795822200, &day) == 0 && day == ymd(2026, 11, 28), "today in Berlin after midnight");
	set_tz("UTC");
	ok(hwk_parse_date("today", 1795822200, &day) == 0 && day == ymd(2026, 11, 27), "the same moment in UTC");
	ok(hwk_parse_date("sat", 1795822200, &day) == 0 && day == ymd(2026, 11, 21), "sat from Friday UTC");
}

static void test_parse_when_floor(void)
{
	time_t t = 42;
	set_tz("Europe/Berlin");
	is_int(hwk_parse_when("1850-01-02", NOW_FRI, &t), -2, "1850-01-02: before the floor");
	is_int(hwk_parse_when("1850-01-02T08:00:00Z", NOW_FRI, &t), -2, "an ISO time before the floor");
	is_int(hwk_parse_when("1969-12-31 23:59", NOW_FRI, &t), -2, "a date and clock before the floor");
	is_int(hwk_parse_when("1970-01-01T00:30", NOW_FRI, &t), -2, "00:30 in Berlin is 1969 in UTC");
	ok(hwk_parse_when("1970-01-01T00:00:00Z", NOW_FRI, &t) == 0 && t == 0, "the floor itself");
	ok(hwk_parse_when("1970-01-01T01:00", NOW_FRI, &t) == 0 && t == 0, "the floor in Berlin");
	ok(hwk_time_parse_iso("1969-12-31T23:59:59Z", &t) == -1, "parse_iso: before the floor is bad");
	hwk_day d = 0;
	ok(hwk_time_parse_iso_day("1969-12-31T23:59:59Z", &t, &d) == 0 && d == -1,
	   "parse_iso_day: before the floor has its day, not its time");
}

static void test_parse_when(void)
{
	static const struct { const char *in; long want; } good[] = {
		{ "21:30", 1795811400 },                 /* 2026-11-27T21:30+01:00 */
		{ "21:30:15", 1795811415 },
		{ "7:05", 1795759500 },
		{ "07:05", 1795759500 },
		{ "00:00", 1795734000 },
		{ "23:59:59", 1795820399 },
		{ "yesterday 21:30", 1795725000 },       /* 2026-11-26T21:30+01:00 */
		{ "yesterdayT21:30", 1795725000 },
		{ "YESTERDAYT21:30", 1795725000 },
		{ "today 21:30", 1795811400 },
		{ "TODAYT21:30", 1795811400 },
		{ "thu 21:30", 1795725000 },
		{ "fri 07:00", 1795759200 },
		{ "friT07:00", 1795759200 },
		{ "sat 07:00", 1795240800 },             /* 2026-11-21T07:00+01:00 */
		{ "-1d 08:00", 1795676400 },
		{ "-1dT08:00", 1795676400 },
		{ "2026-11-27T21:30", 1795811400 },
		{ "2026-11-27 21:30", 1795811400 },
		{ "2026-11-27 21:30:15", 1795811415 },
		{ "2026-11-27T21:30:00Z", 1795815000 },
		{ "2026-11-27T21:30:00+05:30", 1795795200 },
		{ "2026-11-27T21:30:00-0800", 1795843800 },
		{ "yesterday", 1795683600 },             /* 2026-11-26T10:00+01:00 */
		{ "-1w", 1795165200 },                   /* 2026-11-20T10:00+01:00 */
		{ "2026-11-26", 1795683600 },
		{ "today", NOW_FRI },
		{ "fri", NOW_FRI },
	};
	static const char *const bad[] = {
		"", "24:00", "21:60", "21:30:60", "2130", "21", " 21:30", "21:30 ", "yesterday21:30",
		"yesterday  21:30", "yesterday 21:30Z", "tomorow 10:00", "tomorrow 25:00", "tomorrow ",
		"T21:30", " 21:30", "2026-11-27T21:30+01", "2026-11-27T24:00", "2026-11-27x 21:30",
		"-3 21:30", "3d 21:30", "yesterday 21:30 ", "yesterday\t21:30", "2026-11-27t21:30",
		"today yesterday", "today T21:30",
	};
	time_t t;

	set_tz("Europe/Berlin");
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		t = 42;
		int rc = hwk_parse_when(good[i].in, NOW_FRI, &t);
		ok(rc == 0 && t == good[i].want, "when '%s' is %s (got %s)", good[i].in,
		   time_str(good[i].want), rc ? "error" : time_str(t));
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		t = 42;
		ok(hwk_parse_when(bad[i], NOW_FRI, &t) == -1 && t == 42, "reject when '%s'", bad[i]);
	}

	/* A date alone keeps now's wall-clock time across a DST change. */
	t = 0;
	hwk_parse_when("yesterday", 1774857600, &t); /* now 2026-03-30T10:00+02:00 */
	is_str(time_str(t), "2026-03-29T10:00:00+02:00", "yesterday across spring forward keeps 10:00");
	is_int(1774857600 - t, 24 * 3600, "... which is 24 hours before");
	hwk_parse_when("-1d", 1774771200, &t);       /* now 2026-03-29T10:00+02:00 */
	is_str(time_str(t), "2026-03-28T10:00:00+01:00", "-1d from CEST to CET keeps 10:00");
	is_int(1774771200 - t, 23 * 3600, "... which is 23 hours before");
	hwk_parse_when("tomorrow", 1774661400, &t);  /* now 2026-03-28T02:30+01:00 */
	is_str(time_str(t), "2026-03-29T03:30:00+02:00", "tomorrow at 02:30 falls in the gap -> 03:30");
	/* now is the second 02:30 of the fall-back night: "today" is now itself,
	 * while an explicit 02:30 takes the first occurrence. */
	ok(hwk_parse_when("today", 1792891800, &t) == 0 && t == 1792891800, "today in the second 02:30 is now");
	ok(hwk_parse_when("02:30", 1792891800, &t) == 0 && t == 1792888200, "02:30 in the fold is the first one");
	ok(hwk_parse_when("2026-10-25T02:30+01:00", 1792891800, &t) == 0 && t == 1792891800,
	   "an offset selects the second 02:30");
}

static void test_parse_range(void)
{
	static const struct { const char *in; time_t now; int ws; const char *from, *to; } good[] = {
		{ "2026-W48", NOW_FRI, 0, "2026-11-23", "2026-11-29" },
		{ "2026-w48", NOW_FRI, 0, "2026-11-23", "2026-11-29" },
		{ "2026-W48", NOW_FRI, 6, "2026-11-23", "2026-11-29" }, /* ISO weeks ignore week_start */
		{ "2026-W53", NOW_FRI, 0, "2026-12-28", "2027-01-03" },
		{ "2026-W01", NOW_FRI, 0, "2025-12-29", "2026-01-04" },
		{ "2020-W53", NOW_FRI, 0, "2020-12-28", "2021-01-03" },
		{ "2025-W01", NOW_FRI, 0, "2024-12-30", "2025-01-05" },
		{ "this", NOW_FRI, 0, "2026-11-23", "2026-11-29" },
		{ "last", NOW_FRI, 0, "2026-11-16", "2026-11-22" },
		{ "this", NOW_FRI, 6, "2026-11-22", "2026-11-28" },
		{ "last", NOW_FRI, 6, "2026-11-15", "2026-11-21" },
		{ "THIS", NOW_FRI, 0, "2026-11-23", "2026-11-29" },
		{ "Last", NOW_FRI, 0, "2026-11-16", "2026-11-22" },
		{ "this", NOW_SUN, 0, "2026-11-23", "2026-11-29" },
		{ "last", NOW_SUN, 0, "2026-11-16", "2026-11-22" },
		{ "this", NOW_SUN, 6, "2026-11-29", "2026-12-05" },
		{ "last", NOW_SUN, 6, "2026-11-22", "2026-11-28" },
		{ "today", NOW_FRI, 0, "2026-11-27", "2026-11-27" },
		{ "yesterday", NOW_FRI, 0, "2026-11-26", "2026-11-26" },
		{ "sat", NOW_FRI, 0, "2026-11-21", "2026-11-21" },
		{ "-1w", NOW_FRI, 0, "2026-11-20", "2026-11-20" },
		{ "2026-11-01", NOW_FRI, 0, "2026-11-01", "2026-11-01" },
	};
	static const char *const bad[] = {
		"2025-W53", "2026-W00", "2026-W54", "2026-W4", "2026-W480", "2026W48", "2026-W48 ",
		"2026-X48", "26-W48", "2026-Www", "next", "this week", "", "2026-11-27x", "-3",
	};
	hwk_day from, to;

	set_tz("Europe/Berlin");
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		from = to = HWK_DAY_NONE;
		int rc = hwk_parse_range(good[i].in, good[i].now, good[i].ws, &from, &to);
		ok(rc == 0 && strcmp(day_str(from), good[i].from) == 0 && strcmp(day_str(to), good[i].to) == 0,
		   "range '%s' (now %s, week_start %d) is %s..%s (got %s..%s)", good[i].in,
		   time_str(good[i].now), good[i].ws, good[i].from, good[i].to, day_str(from), day_str(to));
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		from = to = 42;
		ok(hwk_parse_range(bad[i], NOW_FRI, 0, &from, &to) == -1 && from == 42 && to == 42,
		   "reject range '%s'", bad[i]);
	}
}

static void test_parse_clock(void)
{
	static const char *const bad[] = {
		"24:00", "12:60", "12:00:60", "1:2", "12:5", "7:5", "123:45", "12:345", "12:34:5",
		"", "12:34:56:00", " 12:34", "12:34 ", "-1:00", "+1:00", "07:05:", "1234", "12", "12:",
		":30", "ab:cd", "007:05",
	};
	static const struct { const char *s; int want; const char *what; } good[] = {
		{ "00:00", 0, "00:00" },
		{ "23:59", 86340, "23:59" },
		{ "23:59:59", 86399, "23:59:59" },
		{ "07:05", 25500, "07:05" },
		{ "7:05", 25500, "7:05 (single-digit hour)" },
		{ "7:05:09", 25509, "7:05:09" },
		{ "12:34:56", 45296, "12:34:56" },
		{ "00:00:00", 0, "00:00:00" },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		is_int(hwk_parse_clock(good[i].s), good[i].want, "%s", good[i].what);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(hwk_parse_clock(bad[i]), -1, "reject clock '%s'", bad[i]);
}

static void test_now(void)
{
	int bad;
	time_t got;

	set_tz("Europe/Berlin");

	setenv("HWK_NOW", "2026-11-27T10:00:00+01:00", 1);
	bad = 7;
	is_int(hwk_now(&bad), NOW_FRI, "HWK_NOW with offset");
	is_int(bad, 0, "... is not bad");

	setenv("HWK_NOW", "2026-11-27T10:00:00Z", 1);
	is_int(hwk_now(&bad), NOW_FRI + 3600, "HWK_NOW in UTC");

	setenv("HWK_NOW", "2026-11-27T10:00:00", 1);
	bad = 7;
	is_int(hwk_now(&bad), NOW_FRI, "HWK_NOW without offset is local time");
	is_int(bad, 0, "... is not bad");

	setenv("HWK_NOW", "2026-11-27T10:00", 1);
	is_int(hwk_now(NULL), NOW_FRI, "HWK_NOW without seconds, bad NULL");

	setenv("HWK_NOW", "yesterday", 1);
	bad = 0;
	is_int(hwk_now(&bad), -1, "HWK_NOW=yesterday needs a now: rejected");
	is_int(bad, 1, "... and bad is set");

	setenv("HWK_NOW", "2026-13-01T00:00:00Z", 1);
	bad = 0;
	is_int(hwk_now(&bad), -1, "HWK_NOW with a bad month");
	is_int(bad, 1, "... and bad is set");
	is_int(hwk_now(NULL), -1, "bad HWK_NOW with bad NULL");

	setenv("HWK_NOW", "", 1);
	bad = 7;
	got = hwk_now(&bad);
	/* the real clock, which a test does not read: a time after this code was written */
	ok(got > 1795000000, "empty HWK_NOW is the real time (after 2026-11-18)");
	is_int(bad, 0, "... and not bad");

	unsetenv("HWK_NOW");
	bad = 7;
	got = hwk_now(&bad);
	ok(got > 1795000000, "unset HWK_NOW is the real time (after 2026-11-18)");
	is_int(bad, 0, "... and not bad");
}

int main(void)
{
	test_day_numbers();
	test_every_day();
	test_wide_round_trip();
	test_leap_years();
	test_weekdays();
	test_iso_weeks();
	test_from_iso_week();
	test_week_start();
	test_parse_ymd();
	test_parse_weekday();
	test_time_format();
	test_day_of();
	test_time_local();
	test_time_local_steady();
	test_parse_iso();
	test_parse_iso_day();
	test_ymd_ok();
	test_parse_date();
	test_parse_when();
	test_parse_when_floor();
	test_parse_range();
	test_parse_clock();
	test_now();
	return tap_done();
}
