/* chart: the clinical charts of one assignment on the HTML pages (svg.c draws them):
 * completion per week over the course (from its start to the end of the period), and
 * by type: the sleep diary's nights of the period and sleep efficiency per week over the
 * course; exposure's peak SUDS per session over the course, a line per step; a thought
 * record's intensity before and re-rated after, per record of the period; activity's
 * mood before and after, mastery and pleasure per entry of the period; any other
 * type's numeric fields over the period, a chart each. The numbers are those of
 * adherence.c and metrics.c, computed for each week or entry as review and report
 * compute them for a period. */
#ifndef HWK_CHART_H
#define HWK_CHART_H

#include "assignment.h"
#include "util.h"

typedef struct {
	hwk_day from, to, today;
	int week_start;
	hwk_day seen_from; /* rows dated from this day on were read (and a bad one named)
			    * already, by the summary: the course's others are checked here */
} hwk_chart_period;

/* a's charts, appended to b: its entries are read from its start on. -1 after a
 * message when they cannot be read (nothing appended then). */
int hwk_charts(hwk_buf *b, const hwk_assignment *a, const hwk_chart_period *p);

#endif
