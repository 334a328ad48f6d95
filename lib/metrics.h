/* metrics: the clinical numbers of each homework type over a set of entries (sleep
 * efficiency, thought-record shifts, mood change, SUDS, ...), as review and report show. */
#ifndef HWK_METRICS_H
#define HWK_METRICS_H

#include <stddef.h>
#include "assignment.h"
#include "entries.h"

/* One number (or, for series such as peak SUDS per step, one text). */
typedef struct {
	const char *key;   /* machine name for CSV/JSON: "se_mean", "tst_mean", "drop_mean" */
	const char *label; /* for people: "sleep efficiency (%)", "total sleep time (min)" */
	char *mem;      /* what key and label are in when made for a field (else NULL) */
	double value;   /* the number; NAN when no entry had what it needs */
	long n;         /* how many entries it was computed from */
	int decimals;   /* precision to show it with */
	char *text;     /* instead of a number: a series or a word, else NULL */
} hwk_metric;

typedef struct {
	hwk_metric *v;
	size_t n, cap;
	char *hint;     /* sleep: the sleep-window hint (7+ nights), else NULL */
} hwk_metrics;

/* The numbers for assignment a over rows (entries as stored; any order; only done and
 * partial entries count; skipped ones are ignored). Built-in types by their type name;
 * any other type: for each integer or number field n/mean/min/max, for each yesno field
 * the share of yes. Missing values are left out of a mean, never counted as zero, and
 * each metric carries the count it used. */
void hwk_metrics_compute(const hwk_assignment *a, const hwk_entry *rows, size_t n,
			 hwk_metrics *out);
void hwk_metrics_free(hwk_metrics *m);

/* Sleep, one night (for tests and the per-night view): minutes, -1 when not computable.
 * day is the morning the entry is dated; times are local clock times "HH:MM". */
typedef struct {
	double tib, tst, se; /* time in bed, total sleep time (min), efficiency (%) */
	time_t bed, lights_out, wake, out_of_bed; /* as placed (lights_out: bed when absent);
						   * set when the return is 0 */
} hwk_night;
int hwk_sleep_night(hwk_day day, const char *bed, const char *lights_out, const char *sol,
		    const char *waso, const char *wake, const char *out_of_bed, hwk_night *out);

#endif
