/* calendar: a client's assignments as iCalendar events, written with libical. */
#define _GNU_SOURCE
#include "calendar.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ical.h"

/* How long a timed event lasts in the calendar, and when an all-day event's reminder
 * comes (after the day's midnight). */
#define EVENT_MINUTES 30
#define ALLDAY_ALARM_HOUR 9

/* Text for an iCalendar TEXT value (owned): a control character (but a line break or a
 * tab; a CR goes) or a byte that is not UTF-8 becomes U+FFFD: RFC 5545 3.3.11 allows no
 * control characters in text. */
static char *ical_text(const char *s)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	while (*s) {
		uint32_t c;
		size_t n = hwk_utf8_char(s, SIZE_MAX, &c);
		if (n && c == '\r') /* a CRLF is a line break */
			;
		else if (!n || (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f))
			hwk_buf_adds(&b, "\xef\xbf\xbd");
		else
			hwk_buf_add(&b, s, n);
		s += n ? n : 1;
	}
	return b.s;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

int hwk_when_clock(const char *when, int *hh, int *mm)
{
	const char *s = skip_space(when);
	if (!strncasecmp(s, "at ", 3))
		s = skip_space(s + 3);
	if (!isdigit((unsigned char)*s))
		return 0;
	int h = *s++ - '0', m = 0, minutes = 0;
	if (isdigit((unsigned char)*s))
		h = h * 10 + (*s++ - '0');
	if ((*s == ':' || *s == '.') && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2])) {
		m = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
		minutes = 1;
	}
	s = skip_space(s);
	int half = -1; /* 0 am, 1 pm */
	if ((tolower((unsigned char)s[0]) == 'a' || tolower((unsigned char)s[0]) == 'p') &&
	    tolower((unsigned char)s[1]) == 'm') {
		half = tolower((unsigned char)s[0]) == 'p';
		s += 2;
	}
	if (*skip_space(s) || m > 59 || (half < 0 && (!minutes || h > 23)) ||
	    (half >= 0 && (h < 1 || h > 12)))
		return 0;
	if (half >= 0)
		h = h % 12 + 12 * half;
	*hh = h;
	*mm = m;
	return 1;
}

int hwk_calendar_holds(const hwk_assignment *a, time_t now)
{
	return hwk_assignment_open(a, now) &&
	       (a->until_day == HWK_DAY_NONE || a->until_day >= hwk_day_of(now));
}

int hwk_calendar_ended(const hwk_assignment *a, time_t now)
{
	hwk_day today = hwk_day_of(now);
	return !hwk_assignment_open(a, now) && !strcmp(a->status, "ended") &&
	       a->until_day != HWK_DAY_NONE && a->until_day <= today &&
	       a->until_day >= today - HWK_CALENDAR_ENDED_DAYS;
}

hwk_period hwk_calendar_period(time_t now)
{
	hwk_period p = {hwk_day_of(now) - HWK_CALENDAR_ENDED_DAYS, HWK_DAY_NONE, 0};
	return p;
}

static const char *const byday[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

char *hwk_calendar_rule(const hwk_every *e, hwk_day day, hwk_day *first)
{
	unsigned days = 0;
	*first = day;
	switch (e->kind) {
	case HWK_EVERY_ONCE:
		return NULL;
	case HWK_EVERY_DAY:
		return hwk_xstrdup("FREQ=DAILY");
	case HWK_EVERY_PERWEEK: /* on the weekday it starts: the count is in its text */
		return hwk_xstrdup("FREQ=WEEKLY");
	case HWK_EVERY_WEEKDAY:
		days = 0x1f;
		break;
	case HWK_EVERY_DAYS:
		days = e->days;
		break;
	}
	/* the first event is on a day the rule names (RFC 5545 3.8.5.3) */
	while (!(days & (1u << hwk_day_weekday(*first))))
		++*first;
	hwk_buf b = {0};
	hwk_buf_adds(&b, "FREQ=WEEKLY;BYDAY=");
	for (int d = 0; d < 7; d++)
		if (days & (1u << d))
			hwk_buf_printf(&b, "%s%s", b.s[b.len - 1] == '=' ? "" : ",", byday[d]);
	return b.s;
}

/* A stable UID: the same assignment gives the same one on every export, so that a
 * calendar importing the file again updates its events rather than adding them. */
static char *uid_of(const hwk_calendar_opts *o, const hwk_assignment *a)
{
	unsigned long h = 2166136261ul; /* FNV-1a of the client's created */
	for (const char *s = o->created ? o->created : ""; *s; s++)
		h = ((h ^ (unsigned char)*s) * 16777619ul) & 0xfffffffful;
	return hwk_xasprintf("hwk-%s-%s-%08lx", o->client, a->id, h);
}

static char *summary_of(const hwk_assignment *a, const hwk_every *ev)
{
	char *what = ical_text(a->title ? a->title : a->type), *s;
	if (ev->kind != HWK_EVERY_PERWEEK)
		return what;
	if (ev->n == 1)
		s = hwk_xasprintf("%s: once this week", what);
	else
		s = hwk_xasprintf("%s: %d times this week", what, ev->n);
	free(what);
	return s;
}

static char *description_of(const hwk_assignment *a, int timed, int ended)
{
	hwk_buf b = {0};
	if (a->instructions)
		hwk_buf_printf(&b, "%s\n\n", a->instructions);
	if (a->when && !timed)
		hwk_buf_printf(&b, "When: %s\n", a->when);
	if (a->minimum)
		hwk_buf_printf(&b, "Minimum: %s (counts as partly done)\n", a->minimum);
	if (ended)
		hwk_buf_printf(&b, "Ended: %s", a->until); /* nothing to log any more */
	else
		hwk_buf_printf(&b, "Log it: hwk log %s", a->id);
	char *text = ical_text(b.s);
	hwk_buf_free(&b);
	return text;
}

/* The day and time of day as libical's time: a date when all-day. */
static struct icaltimetype ical_time(const hwk_ical *I, hwk_day day, int timed, int hh,
				     int mm, icaltimezone *zone)
{
	struct icaltimetype t = timed ? I->icaltime_null_time() : I->icaltime_null_date();
	hwk_day_to_ymd(day, &t.year, &t.month, &t.day);
	if (timed) {
		t.hour = hh;
		t.minute = mm;
		t = I->icaltime_set_timezone(&t, zone);
	}
	return t;
}

typedef struct {
	const hwk_ical *I;
	const hwk_calendar_opts *o;
	icaltimezone *zone;
	struct icaltimetype stamp;
	int timed;                 /* an event at a time of day was made */
	struct icaltimetype first; /* the earliest such, in UTC */
} cal_state;

static void add_text(const hwk_ical *I, icalcomponent *c, icalproperty *p)
{
	I->icalcomponent_add_property(c, p);
}

/* The event of one assignment, or NULL when none of its days is left. */
/* The event of assignment a; ended: one that has ended (hwk_calendar_ended), whose
 * event stops at its last day, or is cancelled when it ended before its first day. NULL
 * when there is none (an open one whose until comes before its first day). */
static icalcomponent *event_of(cal_state *st, const hwk_assignment *a, int ended)
{
	const hwk_ical *I = st->I;
	hwk_schedule s;
	hwk_assignment_schedule(a, &s);
	hwk_day from = a->start_day;
	if (s.n && s.day[s.n - 1] > from) /* the frequency in force now, from when it was set */
		from = s.day[s.n - 1];
	hwk_schedule_free(&s);
	hwk_day first;
	char *rule = hwk_calendar_rule(&a->ev, from, &first);
	int cancelled = 0;
	if (a->until_day != HWK_DAY_NONE && first > a->until_day) {
		free(rule);
		if (!ended)
			return NULL;
		rule = NULL; /* it never came: a calendar that holds it cancels it */
		cancelled = 1;
	}
	int hh = 0, mm = 0, timed = a->when && hwk_when_clock(a->when, &hh, &mm);
	icaltimezone *utc = I->icaltimezone_get_utc_timezone();

	icalcomponent *ev = I->icalcomponent_new(ICAL_VEVENT_COMPONENT);
	char *uid = uid_of(st->o, a), *summary = summary_of(a, &a->ev),
	     *desc = description_of(a, timed, ended);
	add_text(I, ev, I->icalproperty_new_uid(uid));
	add_text(I, ev, I->icalproperty_new_dtstamp(st->stamp));
	/* each change to the assignment is a new version of its event */
	add_text(I, ev, I->icalproperty_new_sequence((int)a->nhistory));
	struct icaltimetype start = ical_time(I, first, timed, hh, mm, st->zone);
	icalproperty *dtstart = I->icalproperty_new_dtstart(start);
	if (timed) {
		const char *tzid = st->o->zone;
		I->icalproperty_add_parameter(dtstart, I->icalparameter_new_tzid(tzid));
		struct icaltimetype u = I->icaltime_convert_to_zone(start, utc);
		if (!st->timed || u.year < st->first.year ||
		    (u.year == st->first.year &&
		     (u.month < st->first.month ||
		      (u.month == st->first.month && u.day < st->first.day))))
			st->first = u;
		st->timed = 1;
	}
	add_text(I, ev, dtstart);
	if (timed)
		add_text(I, ev, I->icalproperty_new_duration(
					I->icaldurationtype_from_int(EVENT_MINUTES * 60)));
	if (rule) {
		struct icalrecurrencetype r = I->icalrecurrencetype_from_string(rule);
		if (a->until_day != HWK_DAY_NONE) {
			/* the last day's event included: in UTC for a time of day (RFC 5545
			 * 3.3.10: with a TZID start), a date for an all-day one */
			r.until = ical_time(I, a->until_day, timed, hh, mm, st->zone);
			if (timed)
				r.until = I->icaltime_convert_to_zone(r.until, utc);
		}
		add_text(I, ev, I->icalproperty_new_rrule(r));
	}
	add_text(I, ev, I->icalproperty_new_summary(summary));
	if (a->where) {
		char *where = ical_text(a->where);
		add_text(I, ev, I->icalproperty_new_location(where));
		free(where);
	}
	add_text(I, ev, I->icalproperty_new_description(desc));
	if (cancelled) {
		add_text(I, ev, I->icalproperty_new_status(ICAL_STATUS_CANCELLED));
		free(uid);
		free(summary);
		free(desc);
		return ev;
	}

	icalcomponent *alarm = I->icalcomponent_new(ICAL_VALARM_COMPONENT);
	struct icaltriggertype trigger;
	memset(&trigger, 0, sizeof trigger);
	trigger.time = I->icaltime_null_time();
	trigger.duration = I->icaldurationtype_from_int(timed ? -60 * st->o->alarm
							       : ALLDAY_ALARM_HOUR * 3600);
	add_text(I, alarm, I->icalproperty_new_action(ICAL_ACTION_DISPLAY));
	add_text(I, alarm, I->icalproperty_new_trigger(trigger));
	add_text(I, alarm, I->icalproperty_new_description(summary));
	I->icalcomponent_add_component(ev, alarm);
	free(rule);
	free(uid);
	free(summary);
	free(desc);
	return ev;
}

/* The zone, as libical knows it from the system's tz database. */
static icaltimezone *zone_of(const hwk_ical *I, const hwk_calendar_opts *o)
{
	icaltimezone *z = I->icaltimezone_get_builtin_timezone(o->zone);
	if (z && !I->icaltimezone_get_component(z)) {
		/* UTC is libical's own zone, which has no VTIMEZONE: the tz database's has */
		char *etc = hwk_xasprintf("Etc/%s", o->zone);
		z = I->icaltimezone_get_builtin_timezone(etc);
		free(etc);
	}
	if (z && I->icaltimezone_get_component(z))
		return z;
	if (o->zone_from && !strcmp(o->zone_from, "hwk.yaml"))
		hwk_err("hwk.yaml: timezone %s is not a time zone this system knows (tzdata)",
			o->zone);
	else
		hwk_err("the time zone %s (%s) is not one this system knows (tzdata): set "
			"'timezone' in hwk.yaml, such as timezone: Europe/London", o->zone,
			o->zone_from ? o->zone_from : "given");
	return NULL;
}

int hwk_calendar_write(const hwk_assignments *l, const hwk_calendar_opts *o, hwk_buf *out)
{
	const hwk_ical *I = hwk_ical_load();
	if (!I)
		return -1;
	cal_state st = {I, o, NULL, {0}, 0, {0}};
	if (!(st.zone = zone_of(I, o)))
		return -1;
	st.stamp = I->icaltime_from_timet_with_zone(o->now, 0, I->icaltimezone_get_utc_timezone());

	icalcomponent *cal = I->icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	add_text(I, cal, I->icalproperty_new_version("2.0"));
	add_text(I, cal, I->icalproperty_new_prodid("-//hwk//hwk calendar//EN"));
	add_text(I, cal, I->icalproperty_new_calscale("GREGORIAN"));
	/* an X- property's value is written as it is (libical escapes no text there): one
	 * line */
	char *name = ical_text(o->name ? o->name : o->client),
	     *calname = hwk_xasprintf("Homework: %s", name);
	free(name);
	for (char *c = calname; (c = strpbrk(c, "\n\t"));)
		*c = ' ';
	icalproperty *p = I->icalproperty_new_x(calname);
	I->icalproperty_set_x_name(p, "X-WR-CALNAME");
	add_text(I, cal, p);
	free(calname);
	p = I->icalproperty_new_x(o->zone);
	I->icalproperty_set_x_name(p, "X-WR-TIMEZONE");
	add_text(I, cal, p);

	icalcomponent **events = hwk_xcalloc(l->n + 1, sizeof *events);
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		if ((hwk_calendar_holds(&l->v[i], o->now) &&
		     (events[n] = event_of(&st, &l->v[i], 0))) ||
		    (hwk_calendar_ended(&l->v[i], o->now) &&
		     (events[n] = event_of(&st, &l->v[i], 1))))
			n++;
	if (st.timed) {
		/* the zone's rules from the first event on: its DST changes, not its history */
		icalcomponent *vtz = I->icalcomponent_new_clone(I->icaltimezone_get_component(st.zone));
		struct icaltimetype from = st.first;
		from.hour = from.minute = from.second = 0;
		I->icaltimezone_truncate_vtimezone(vtz, from, I->icaltime_null_time(), 0);
		/* named as the tz database names it, not with libical's prefix */
		I->icalproperty_set_tzid(I->icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY),
					 o->zone);
		I->icalcomponent_add_component(cal, vtz);
	}
	for (size_t i = 0; i < n; i++)
		I->icalcomponent_add_component(cal, events[i]);
	free(events);
	char *text = I->icalcomponent_as_ical_string_r(cal);
	hwk_buf_adds(out, text);
	I->icalmemory_free_buffer(text);
	I->icalcomponent_free(cal);
	return 0;
}
