/* frequency: how often an assignment is due (day, weekday, N/week, named days, once),
 * and how many entries one frequency expects over a range of days. */
#ifndef HWK_FREQUENCY_H
#define HWK_FREQUENCY_H

#include "date.h"

typedef enum { HWK_EVERY_DAY, HWK_EVERY_WEEKDAY, HWK_EVERY_PERWEEK, HWK_EVERY_DAYS,
	       HWK_EVERY_ONCE } hwk_every_kind;

typedef struct {
	hwk_every_kind kind;
	int n;         /* N of N/week */
	unsigned days; /* HWK_EVERY_DAYS: bit 0 Monday ... bit 6 Sunday */
} hwk_every;

/* Parse day | weekday | daily | N/week (1-7) | mon,wed,fri | once. *norm (owned, may be
 * NULL) is the stored spelling. -1 when bad
 * (the caller says where). */
int hwk_every_parse(const char *s, hwk_every *e, char **norm);

/* Entries expected from an assignment over the days from..to (inclusive), counting only
 * the days it was active (start..until; until HWK_DAY_NONE = open). Callers pass as
 * until the last day counted (hwk_adherence_until: an ended assignment's end day counts
 * only when an entry was logged on it). Weeks start on
 * week_start. The rule, per week of the range: day -> active days; weekday -> active
 * Monday-Friday days; named days -> active named days; N/week -> N x active/7 rounded
 * half up, at most the active days; once -> 1 when the start day is in the range. */
long hwk_expected(const hwk_every *e, hwk_day start, hwk_day until, hwk_day from, hwk_day to,
		  int week_start);
/* What one active day adds to a week's expected count, in sevenths: 7 on a day the
 * frequency names (every day, Monday-Friday, the named days), N for N/week (N/7 a day),
 * 0 for once (its one entry is counted apart). */
int hwk_every_weight7(const hwk_every *e, hwk_day day);

/* Is the assignment due on this day at all (ignoring entries)? N/week: every active day. */
int hwk_every_on(const hwk_every *e, hwk_day start, hwk_day until, hwk_day day);

/* The frequencies of an assignment over time, read once from its history (by
 * hwk_assignment_schedule): the first
 * one (the `from` of the first change of `every` that is a frequency, else the one in
 * force now), then each change of `every` from the day it was made, in the order
 * recorded. The texts are the assignment's: they live as long as it does. */
typedef struct {
	int one;           /* one frequency throughout (no change of `every`) */
	const char *first; /* as written */
	hwk_every first_ev;
	hwk_day *day;      /* the changes: each in force from its day on */
	const char **text;
	hwk_every *ev;
	size_t n;
} hwk_schedule;

void hwk_schedule_free(hwk_schedule *s);
/* The frequency in force on a day: as written (returned) and parsed (into *out when not
 * NULL). */
const char *hwk_schedule_on(const hwk_schedule *s, hwk_day day, hwk_every *out);

#endif
