/* calendar: a client's assignments as iCalendar (RFC 5545) events to import into the
 * calendar they already use: one recurring event an assignment, with its reminder. */
#ifndef HWK_CALENDAR_H
#define HWK_CALENDAR_H

#include <time.h>

#include "assignment.h"
#include "util.h"

/* A `when` that is a time of day: 18:00, 7:30, 7am, 7.30 pm, at 18:00 (any case). 1
 * and the time in *hh, *mm; 0 when it is words ("after lunch", "evening"), which make
 * an all-day event. */
int hwk_when_clock(const char *when, int *hh, int *mm);

/* Does the calendar hold this assignment: one still to be done at now (active, or
 * ended ahead of a day not past), and not past its until? */
int hwk_calendar_holds(const hwk_assignment *a, time_t now);
/* How long an ended assignment stays in the calendar after its last day, in days: its
 * event with the last day as UNTIL, so that a calendar that imported it while it was
 * active stops its reminders when the file is imported again (calendars keep an event
 * a new import lacks). */
#define HWK_CALENDAR_ENDED_DAYS 90
/* Is a an ended assignment whose last day lies within HWK_CALENDAR_ENDED_DAYS before
 * now's day (and not ahead)? */
int hwk_calendar_ended(const hwk_assignment *a, time_t now);
/* The period whose ended assignments the calendar reads (hwk_assignments_load). */
hwk_period hwk_calendar_period(time_t now);

/* The RRULE of a frequency, without UNTIL ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE"), or
 * NULL for once (a single event). The first day it falls on at or after day into
 * *first. (owned) */
char *hwk_calendar_rule(const hwk_every *e, hwk_day day, hwk_day *first);

typedef struct {
	const char *client;  /* its id */
	const char *name;    /* its display name, or NULL */
	const char *created; /* client.yaml's created, which tells this client's UIDs
			      * from those of a client of the same id elsewhere; or NULL */
	const char *zone;    /* the practice's time zone, an IANA name */
	const char *zone_from; /* where the zone was found, for a message */
	time_t now;          /* DTSTAMP */
	int alarm;           /* minutes before a timed event its reminder comes */
} hwk_calendar_opts;

/* The calendar of the assignments of l that it holds, as iCalendar text (CRLF lines,
 * folded at 75 octets) added to out. -1 after a message (libical missing, the zone
 * unknown). */
int hwk_calendar_write(const hwk_assignments *l, const hwk_calendar_opts *o, hwk_buf *out);

#endif
