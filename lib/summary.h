/* summary: one assignment over a period and over the period as long just before it: its
 * adherence, its clinical numbers, its entries in time order and its daily trend, read
 * from the end of its entries file only as far back as the earlier period starts. What
 * review and report show. */
#ifndef HWK_SUMMARY_H
#define HWK_SUMMARY_H

#include "adherence.h"
#include "metrics.h"

typedef struct {
	const hwk_assignment *a;
	hwk_day from, to, prev_from;
	hwk_adherence now, before;     /* this period; the one before (since_last only
					* sees entries of the two periods: -1 means none since
					* prev_from) */
	hwk_metrics metrics, metrics_before;
	hwk_entry *rows;               /* this period's entries, in the order of `at` */
	size_t nrows;
	/* done or partial entries per day, kept for the days of from..to from the first
	 * the assignment is active or has an entry to the last (hwk_summary_day): a
	 * report over years holds one per assignment of the caseload */
	hwk_day day_from, day_to;
	unsigned *per_day;
	hwk_ladder_progress ladder;    /* an assignment with a ladder at the end of the
					* period: each step over every entry dated up to
					* then (n 0: no ladder, nothing else set) */
} hwk_summary;

/* Done or partial entries on day d of from..to (0 outside the days kept). */
long hwk_summary_day(const hwk_summary *s, hwk_day d);

/* How a review looks at its period (NULL: as a report does, by the days of `at`):
 * logged, the entries shown (rows, metrics) are those logged in (after, until] (no lower
 * bound without has_after), whatever their day; else those dated from..to. today_open:
 * today is a day in progress, its counts (expected, done, ..., missed, completion)
 * left out while it has no entry, as hwk list due treats it. */
typedef struct {
	int logged, has_after, today_open;
	time_t after, until;
} hwk_window;

/* -1 after a message (a broken entries file). w may be NULL. */
int hwk_summary_make(const hwk_assignment *a, hwk_day from, hwk_day to, hwk_day today,
		     int week_start, const hwk_window *w, hwk_summary *s);
void hwk_summary_free(hwk_summary *s);
/* The summaries of the assignments of l active on some day of from..to, in l's order. */
int hwk_summaries_make(const hwk_assignments *l, hwk_day from, hwk_day to, hwk_day today,
		       int week_start, const hwk_window *w, hwk_summary **out, size_t *n);
void hwk_summaries_free(hwk_summary *s, size_t n);

/* A trend of per-day counts: one character a day, block elements when utf8 (U+2581 for
 * none, U+2582 to U+2588 for 1 up to the busiest day's count), else ASCII ("_" for
 * none, then ".:-=+*#"). Days the assignment was not active show as spaces. Owned. */
char *hwk_sparkline(const hwk_summary *s, int utf8);

/* A metric as shown: its text, or its value with its decimals, or "-" when there is
 * none. */
void hwk_metric_str(const hwk_metric *m, char *buf, size_t n);

#endif
