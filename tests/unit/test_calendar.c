/* Unit tests for lib/calendar.c's rules (which `when` is a time of day, the RRULE of each
 * frequency and the day it starts on, which assignments the calendar holds) and for the
 * practice's time zone (lib/practice.c). The days (cal 11 2026): Monday 2026-11-23,
 * Thursday 26, Saturday 28, Monday 30. */
#define _GNU_SOURCE
#include "calendar.h"
#include "practice.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void clock_is(const char *when, int want_h, int want_m)
{
	int h = -1, m = -1, got = hwk_when_clock(when, &h, &m);
	if (want_h < 0)
		ok(!got, "'%s' is not a time of day", when);
	else
		ok(got && h == want_h && m == want_m, "'%s' is %02d:%02d (got %d, %02d:%02d)", when,
		   want_h, want_m, got, h, m);
}

static void test_clock(void)
{
	/* -1: not a time of day (an all-day event) */
	static const struct {
		const char *when;
		int h, m;
	} cases[] = {
		{"18:00", 18, 0}, {"7:05", 7, 5}, {"07.30", 7, 30}, {"at 18:00", 18, 0},
		{"  At 6:15  ", 6, 15}, {"7am", 7, 0}, {"7 PM", 19, 0}, {"7.30pm", 19, 30},
		{"12am", 0, 0}, {"12pm", 12, 0}, {"00:00", 0, 0}, {"23:59", 23, 59},
		{"evening", -1, -1}, {"on waking", -1, -1}, {"after lunch", -1, -1},
		{"7", -1, -1} /* a bare number is not a time */, {"24:00", -1, -1},
		{"18:60", -1, -1}, {"13pm", -1, -1}, {"0am", -1, -1}, {"18:00 or later", -1, -1},
		{"at", -1, -1}, {"", -1, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		clock_is(cases[i].when, cases[i].h, cases[i].m);
}

static void rule_is(const char *every, hwk_day from, const char *want, hwk_day want_first)
{
	hwk_every e;
	hwk_day first = -1;
	ok(hwk_every_parse(every, &e, NULL) == 0, "%s parses", every);
	char *r = hwk_calendar_rule(&e, from, &first);
	is_str(r, want, "%s: its rule", every);
	is_int(first, want_first, "%s: its first day", every);
	free(r);
}

static void test_rule(void)
{
	hwk_day mon = hwk_day_from_ymd(2026, 11, 23), thu = mon + 3, sat = mon + 5;
	rule_is("day", thu, "FREQ=DAILY", thu);
	rule_is("weekday", thu, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", thu);
	rule_is("weekday", sat, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", mon + 7); /* to Monday */
	rule_is("mon,wed", thu, "FREQ=WEEKLY;BYDAY=MO,WE", mon + 7);
	rule_is("sun", mon, "FREQ=WEEKLY;BYDAY=SU", mon + 6);
	rule_is("fri,mon", mon, "FREQ=WEEKLY;BYDAY=MO,FR", mon);
	rule_is("3/week", thu, "FREQ=WEEKLY", thu); /* the count is in the summary */
	rule_is("once", sat, NULL, sat);
}

static void test_holds(void)
{
	hwk_day today = hwk_day_from_ymd(2026, 11, 27);
	time_t now = hwk_time_local(today, 9, 0, 0);
	hwk_assignment a = {0};
	a.status = "active";
	a.start_day = today - 7;
	a.until_day = HWK_DAY_NONE;
	ok(hwk_calendar_holds(&a, now), "active and open");
	a.until_day = today;
	ok(hwk_calendar_holds(&a, now), "active until today");
	a.until_day = today - 1;
	ok(!hwk_calendar_holds(&a, now), "active, its until gone by");
	a.status = "ended";
	a.until_day = today - 1;
	ok(!hwk_calendar_holds(&a, now), "ended");
}

static void zone_is(const char *setting, const char *tz, const char *want, const char *want_from)
{
	hwk_practice p = {0};
	p.zone = (char *)setting;
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	const char *from = NULL;
	char *z = hwk_practice_zone(&p, &from);
	if (want)
		is_str(z, want, "zone of setting %s, TZ %s", setting ? setting : "-", tz ? tz : "-");
	else
		ok(z && *z, "zone of setting %s, TZ %s: %s (%s)", setting ? setting : "-",
		   tz ? tz : "-", z, from);
	is_str(from, want_from, "... found in %s", want_from);
	free(z);
}

static void test_zone(void)
{
	const char *tz = getenv("TZ");
	char *keep = tz ? strdup(tz) : NULL;
	zone_is("Europe/London", "Europe/Berlin", "Europe/London", "hwk.yaml");
	zone_is(NULL, "Europe/Berlin", "Europe/Berlin", "$TZ");
	zone_is(NULL, ":America/New_York", "America/New_York", "$TZ");
	zone_is(NULL, "/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo", "$TZ");
	zone_is(NULL, "UTC", "UTC", "$TZ");
	/* no TZ, or one that names no zone: the system's (or UTC when it has none) */
	hwk_practice p = {0};
	unsetenv("TZ");
	const char *sys_from;
	char *sys = hwk_practice_zone(&p, &sys_from);
	ok(!strcmp(sys_from, "/etc/localtime") || !strcmp(sys, "UTC"),
	   "no TZ: the system's zone (%s, from %s)", sys, sys_from);
	zone_is(NULL, "", sys, sys_from);
	zone_is(NULL, "/not/a/zone/file", sys, sys_from);
	free(sys);
	if (keep)
		setenv("TZ", keep, 1);
	free(keep);

	static const struct {
		const char *name;
		int ok;
		const char *why;
	} names[] = {
		{"Europe/London", 1, "a zone name"},
		{"America/Argentina/Buenos_Aires", 1, "three parts"},
		{"Etc/GMT+5", 1, "a + in it"},
		{"UTC", 1, "one part"},
		{"Europe London", 0, "no spaces"},
		{"/etc/passwd", 0, "not a path"},
		{"Europe//London", 0, "no empty part"},
		{"Europe/", 0, "no empty last part"},
		{"../x", 0, "no .. part"},
		{"", 0, "not empty"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		is_int(hwk_zone_name_ok(names[i].name), names[i].ok, "'%s': %s", names[i].name,
		       names[i].why);
}

int main(void)
{
	test_clock();
	test_rule();
	test_holds();
	test_zone();
	return tap_done();
}
