/* date: calendar days, local times with their UTC offset, and the date forms users type. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* struct tm's tm_gmtoff */

#include "date.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECS_PER_DAY 86400L
#define MAX_REL_COUNT 100000L /* largest N in -Nd, +Nw: keeps day arithmetic far from overflow */

/* ---- Pure calendar arithmetic (no time zones) ---- */

/* Floor division; C's / truncates toward zero. */
static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* days_from_civil (H. Hinnant): the year is counted from March so that the
 * leap day is the last day of a year; eras are 400-year cycles of 146097 days. */
hwk_day hwk_day_from_ymd(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = floor_div(yy, 400);
	long yoe = yy - era * 400;                                  /* [0, 399] */
	long mp = (m + 9) % 12;                                     /* March = 0 */
	long doy = (153 * mp + 2) / 5 + d - 1;                      /* [0, 365] */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;                         /* 719468: 0000-03-01 to 1970-01-01 */
}

/* civil_from_days (H. Hinnant), the inverse of hwk_day_from_ymd. */
void hwk_day_to_ymd(hwk_day day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = floor_div(z, 146097);
	long doe = z - era * 146097;                                /* [0, 146096] */
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);         /* [0, 365] */
	long mp = (5 * doy + 2) / 153;                              /* March = 0 */
	int mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mon;
	*y = (int)(yoe + era * 400 + (mon <= 2));
}

int hwk_day_weekday(hwk_day day)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)(((day + 3) % 7 + 7) % 7);
}

void hwk_day_iso_week(hwk_day day, int *iso_year, int *week)
{
	/* A week belongs to the ISO year that holds its Thursday. */
	hwk_day thursday = day - hwk_day_weekday(day) + 3;
	int y, m, d;
	hwk_day_to_ymd(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thursday - hwk_day_from_ymd(y, 1, 1)) / 7 + 1);
}

/* 52 or 53: 28 December always lies in the last ISO week of its year. */
static int iso_weeks_in_year(int iso_year)
{
	int y, w;
	hwk_day_iso_week(hwk_day_from_ymd(iso_year, 12, 28), &y, &w);
	return w;
}

/* Week 1 is the week holding 4 January. Returns HWK_DAY_NONE for a week the
 * year does not have (0, 53 in a 52-week year, 54...). */
hwk_day hwk_day_from_iso_week(int iso_year, int week)
{
	if (week < 1 || week > iso_weeks_in_year(iso_year))
		return HWK_DAY_NONE;
	hwk_day jan4 = hwk_day_from_ymd(iso_year, 1, 4);
	return jan4 - hwk_day_weekday(jan4) + 7L * (week - 1);
}

/* week_start outside 0..6 is taken modulo 7. */
hwk_day hwk_week_start(hwk_day day, int week_start)
{
	int back = ((hwk_day_weekday(day) - week_start) % 7 + 7) % 7;
	return day - back;
}

void hwk_day_format(hwk_day day, char buf[16])
{
	int y, m, d;
	hwk_day_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
		return;
	}
	/* by hand: a listing formats a day for every row it reads */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = 0;
}

/* ---- Small strict scanners ---- */

/* Reads exactly n ASCII digits at *p (locale-independent), advancing *p. */
static int scan_digits(const char **p, int n, int *val)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*val = v;
	return 0;
}

/* Matches the single character c at *p, advancing *p. */
static int scan_char(const char **p, char c)
{
	if (**p != c)
		return -1;
	++*p;
	return 0;
}

/* ASCII-only case-insensitive equality (strcasecmp depends on the locale). */
static int eq_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
		char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* YYYY-MM-DD at *p, a real date; advances *p past it. */
static int scan_ymd(const char **p, hwk_day *out)
{
	int y, m, d;
	if (scan_digits(p, 4, &y) || scan_char(p, '-') || scan_digits(p, 2, &m) ||
	    scan_char(p, '-') || scan_digits(p, 2, &d))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*out = hwk_day_from_ymd(y, m, d);
	return 0;
}

static int digit(char c)
{
	return (unsigned)(c - '0') < 10;
}

int hwk_ymd_ok(const char *s)
{
	/* in order, so that a NUL stops it */
	if (!digit(s[0]) || !digit(s[1]) || !digit(s[2]) || !digit(s[3]) || s[4] != '-' ||
	    !digit(s[5]) || !digit(s[6]) || s[7] != '-' || !digit(s[8]) || !digit(s[9]))
		return 0;
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1)
		return 0;
	if (d <= 28)
		return 1;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return d <= days_in_month(y, m);
}

int hwk_day_parse_ymd(const char *s, hwk_day *out)
{
	hwk_day day;
	if (scan_ymd(&s, &day) || *s)
		return -1;
	*out = day;
	return 0;
}

int hwk_parse_weekday(const char *s)
{
	static const char *const names[7][2] = {
		{ "mon", "monday" }, { "tue", "tuesday" }, { "wed", "wednesday" },
		{ "thu", "thursday" }, { "fri", "friday" }, { "sat", "saturday" },
		{ "sun", "sunday" },
	};
	for (int i = 0; i < 7; i++)
		if (eq_nocase(s, names[i][0]) || eq_nocase(s, names[i][1]))
			return i;
	return -1;
}

/* H:MM, HH:MM, H:MM:SS or HH:MM:SS, the whole of s. */
long hwk_parse_clock(const char *s)
{
	int h, m, sec = 0;
	const char *p = s;
	if (scan_digits(&p, 2, &h) && scan_digits(&p, 1, &h))
		return -1;
	if (scan_char(&p, ':') || scan_digits(&p, 2, &m))
		return -1;
	if (*p && (scan_char(&p, ':') || scan_digits(&p, 2, &sec) || *p))
		return -1;
	if (h > 23 || m > 59 || sec > 59)
		return -1;
	return h * 3600L + m * 60L + sec;
}

/* ---- Local time ---- */

hwk_day hwk_day_of(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return HWK_DAY_NONE;
	return hwk_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The UTC offset in effect at t, in seconds east; 0 if t is out of range. */
static long utc_offset_at(time_t t)
{
	struct tm tm;
	return localtime_r(&t, &tm) ? tm.tm_gmtoff : 0;
}

/* A stretch of time the calling thread knows to have one UTC offset: [lo, hi], offset
 * off. By the assumption hwk_time_local makes (below), equal offsets at two instants
 * at most two days apart mean no transition between them; so the stretch is found by
 * offsets two days apart and grows by one more two days later (or earlier), and a wall
 * time whose two days around it lie inside it needs no localtime at all. A report
 * converts thousands of sleep times from a few weeks, each of which took four
 * localtime calls (and glibc's lock on the zone, which two threads then wait on). zone: the zone it was found in
 * (hwk_time_zone_changed). */
static atomic_uint zone_changes;
static __thread struct {
	time_t lo, hi;
	long off;
	int set;
	unsigned zone;
} steady;

void hwk_time_zone_changed(void)
{
	atomic_fetch_add(&zone_changes, 1);
}

/* Is [a, b] in the stretch, grown toward it by a step of two days if need be? */
static int steady_holds(time_t a, time_t b)
{
	if (!steady.set || steady.zone != atomic_load_explicit(&zone_changes, memory_order_relaxed))
		return 0;
	if (a < steady.lo && a >= steady.lo - 2 * SECS_PER_DAY && b <= steady.hi &&
	    utc_offset_at(steady.lo - 2 * SECS_PER_DAY) == steady.off)
		steady.lo -= 2 * SECS_PER_DAY;
	if (b > steady.hi && b <= steady.hi + 2 * SECS_PER_DAY && a >= steady.lo &&
	    utc_offset_at(steady.hi + 2 * SECS_PER_DAY) == steady.off)
		steady.hi += 2 * SECS_PER_DAY;
	return steady.lo <= a && b <= steady.hi;
}

/* [a, b] (at most two days) has offset off throughout: kept, joined to the stretch
 * when they meet. */
static void steady_note(time_t a, time_t b, long off)
{
	unsigned zone = atomic_load_explicit(&zone_changes, memory_order_relaxed);
	if (steady.set && steady.zone == zone && steady.off == off && a <= steady.hi &&
	    b >= steady.lo) {
		steady.lo = a < steady.lo ? a : steady.lo;
		steady.hi = b > steady.hi ? b : steady.hi;
		return;
	}
	steady.lo = a;
	steady.hi = b;
	steady.off = off;
	steady.zone = zone;
	steady.set = 1;
}

/* mktime with tm_isdst = -1 is unreliable around transitions: in glibc its
 * choice in a fold depends on the previous mktime call, and tm_isdst cannot
 * tell apart offsets that change without DST (Europe/Moscow 2014, Pacific/Apia
 * 2011). So instead: treat the wall time as if it were UTC (wall), and find the
 * instants t with t + offset(t) == wall. Any offset is well under a day, so the
 * offsets in effect a day before and a day after wall are the only ones that
 * can apply (assuming at most one transition in those two days). */
time_t hwk_time_local(hwk_day day, int hh, int mm, int ss)
{
	time_t wall = (time_t)day * SECS_PER_DAY + hh * 3600L + mm * 60L + ss;
	if (steady_holds(wall - SECS_PER_DAY, wall + SECS_PER_DAY))
		return wall - steady.off;
	long before = utc_offset_at(wall - SECS_PER_DAY);
	long after = utc_offset_at(wall + SECS_PER_DAY);
	if (before == after) {
		/* no transition in the two days: the one offset (a wall time in a gap or
		 * fold needs a transition) */
		steady_note(wall - SECS_PER_DAY, wall + SECS_PER_DAY, before);
		return wall - before;
	}
	time_t t_before = wall - before, t_after = wall - after;
	int ok_before = utc_offset_at(t_before) == before;
	int ok_after = utc_offset_at(t_after) == after;

	if (ok_before && ok_after) /* a fold: the earlier one */
		return t_before < t_after ? t_before : t_after;
	if (ok_before)
		return t_before;
	if (ok_after)
		return t_after;
	/* A gap: read the wall time with the offset from before the transition,
	 * which lands as far past the transition as the wall time is past the gap's start. */
	return t_before;
}

void hwk_time_format(time_t t, char buf[32])
{
	struct tm tm;
	if (!localtime_r(&t, &tm)) {
		snprintf(buf, 32, "invalid-time");
		return;
	}
	long off = tm.tm_gmtoff;
	/* An offset of local mean time has seconds (Africa/Monrovia kept one until 1972),
	 * which ISO 8601 and hwk's readers do not: it is rounded to the minute and the
	 * clock shown with it, so that the text reads back as the same instant. */
	if (off % 60) {
		off = (off + (off < 0 ? -30 : 30)) / 60 * 60;
		time_t shown = t + off;
		if (!gmtime_r(&shown, &tm)) {
			snprintf(buf, 32, "invalid-time");
			return;
		}
	}
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	char b[96]; /* room for any int year, then cut to 31 (years of four digits fit) */
	snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 3600,
		 off / 60 % 60);
	size_t n = strnlen(b, 31);
	memcpy(buf, b, n);
	buf[n] = 0;
}

/* HH:MM or HH:MM:SS at *p (two-digit hour), advancing *p. */
static int scan_hms(const char **p, int *h, int *m, int *s)
{
	*s = 0;
	if (scan_digits(p, 2, h) || scan_char(p, ':') || scan_digits(p, 2, m))
		return -1;
	if (**p == ':' && (scan_char(p, ':') || scan_digits(p, 2, s)))
		return -1;
	return *h > 23 || *m > 59 || *s > 59 ? -1 : 0;
}

int hwk_time_parse_iso(const char *s, time_t *out)
{
	hwk_day day;
	return hwk_time_parse_iso_day(s, out, &day) == 1 ? 0 : -1;
}

static int parse_iso_day(const char *s, time_t *out, hwk_day *dayp);

int hwk_time_parse_iso_day(const char *s, time_t *out, hwk_day *dayp)
{
	int rc = parse_iso_day(s, out, dayp);
	return rc == 1 && *out < HWK_TIME_MIN ? 0 : rc;
}

static int parse_iso_day(const char *s, time_t *out, hwk_day *dayp)
{
	const char *p = s;
	hwk_day day;
	int h, m, sec;
	if (scan_ymd(&p, &day))
		return -1;
	*dayp = day;
	if (scan_char(&p, 'T') || scan_hms(&p, &h, &m, &sec))
		return 0;

	if (!*p) {
		*out = hwk_time_local(day, h, m, sec);
		return 1;
	}

	long off = 0;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int neg = *p++ == '-', oh, om;
		if (scan_digits(&p, 2, &oh))
			return 0;
		if (*p == ':')
			p++;
		if (scan_digits(&p, 2, &om) || oh > 23 || om > 59)
			return 0;
		off = (neg ? -1 : 1) * (oh * 3600L + om * 60L);
	} else {
		return 0;
	}
	if (*p)
		return 0;
	*out = (time_t)day * SECS_PER_DAY + h * 3600L + m * 60L + sec - off;
	return 1;
}

/* ---- What users type ---- */

/* -Nd, -Nw, +Nd, +Nw: the day offset, 0 ok, -1 bad. */
static int parse_relative(const char *s, long *days)
{
	if (*s != '-' && *s != '+')
		return -1;
	long sign = *s++ == '-' ? -1 : 1, n = 0;
	const char *digits = s;
	while (*s >= '0' && *s <= '9') {
		n = n * 10 + (*s++ - '0');
		if (n > MAX_REL_COUNT)
			return -1;
	}
	if (s == digits || (s[0] != 'd' && s[0] != 'w') || s[1])
		return -1;
	*days = sign * n * (s[0] == 'w' ? 7 : 1);
	return 0;
}

int hwk_parse_date(const char *s, time_t now, hwk_day *out)
{
	hwk_day today = hwk_day_of(now);
	long rel;
	int wd;

	if (today == HWK_DAY_NONE)
		return -1;
	if (eq_nocase(s, "today"))
		*out = today;
	else if (eq_nocase(s, "yesterday"))
		*out = today - 1;
	else if (eq_nocase(s, "tomorrow"))
		*out = today + 1;
	else if ((wd = hwk_parse_weekday(s)) >= 0)
		*out = today - (hwk_day_weekday(today) - wd + 7) % 7;
	else if (parse_relative(s, &rel) == 0)
		*out = today + rel;
	else
		return hwk_day_parse_ymd(s, out);
	return 0;
}

int hwk_parse_when(const char *s, time_t now, time_t *out)
{
	hwk_day day;
	long clock;
	struct tm tm;

	if (parse_iso_day(s, out, &day) == 1)
		return *out < HWK_TIME_MIN ? -2 : 0;

	if ((clock = hwk_parse_clock(s)) >= 0) {
		day = hwk_day_of(now);
		if (day == HWK_DAY_NONE)
			return -1;
	} else if (hwk_parse_date(s, now, &day) == 0) {
		/* A date alone: that day at now's time of day. Today is now itself
		 * (rebuilding it could pick the other side of a fold). */
		if (day == hwk_day_of(now)) {
			*out = now;
			return 0;
		}
		if (!localtime_r(&now, &tm))
			return -1;
		clock = tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
	} else {
		/* DATE HH:MM[:SS] or DATE'T'HH:MM[:SS]. A clock holds neither ' ' nor
		 * 'T', so the separator is the last of them; date words may hold a 'T'. */
		const char *sep = NULL;
		char date[32];
		for (const char *p = s; *p; p++)
			if (*p == ' ' || *p == 'T')
				sep = p;
		if (!sep || (size_t)(sep - s) >= sizeof date)
			return -1;
		memcpy(date, s, (size_t)(sep - s));
		date[sep - s] = '\0';
		if (hwk_parse_date(date, now, &day) || (clock = hwk_parse_clock(sep + 1)) < 0)
			return -1;
	}
	*out = hwk_time_local(day, (int)(clock / 3600), (int)(clock / 60 % 60), (int)(clock % 60));
	return *out < HWK_TIME_MIN ? -2 : 0;
}

/* YYYY-Www (or -www), a week the year has: 0 ok, -1 bad. */
static int parse_iso_week(const char *s, hwk_day *monday)
{
	int y, w;
	if (scan_digits(&s, 4, &y) || scan_char(&s, '-') ||
	    (scan_char(&s, 'W') && scan_char(&s, 'w')) || scan_digits(&s, 2, &w) || *s)
		return -1;
	*monday = hwk_day_from_iso_week(y, w);
	return *monday == HWK_DAY_NONE ? -1 : 0;
}

int hwk_parse_range(const char *s, time_t now, int week_start, hwk_day *from, hwk_day *to)
{
	hwk_day start;

	if (parse_iso_week(s, &start) == 0) {
		*from = start;
		*to = start + 6;
		return 0;
	}
	if (eq_nocase(s, "this") || eq_nocase(s, "last")) {
		hwk_day today = hwk_day_of(now);
		if (today == HWK_DAY_NONE)
			return -1;
		start = hwk_week_start(today, week_start);
		if (eq_nocase(s, "last"))
			start -= 7;
		*from = start;
		*to = start + 6;
		return 0;
	}
	if (hwk_parse_date(s, now, &start))
		return -1;
	*from = *to = start;
	return 0;
}

time_t hwk_now(int *bad)
{
	const char *env = getenv("HWK_NOW");
	time_t t;

	if (bad)
		*bad = 0;
	if (!env || !*env)
		return time(NULL);
	if (hwk_time_parse_iso(env, &t)) {
		if (bad)
			*bad = 1;
		return -1;
	}
	return t;
}

int hwk_stamp_day(const char *stamp, hwk_day *out)
{
	char d[11];
	if (strlen(stamp) < 10)
		return -1;
	memcpy(d, stamp, 10);
	d[10] = 0;
	return hwk_day_parse_ymd(d, out);
}
