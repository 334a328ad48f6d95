/* html: the report and the review as one self-contained HTML5 page, to print (A4) or to
 * share: inline CSS, the charts as inline SVG (chart.c), no script, nothing fetched.
 * Every text from a client or a clinician is escaped (svg.c: hwk_xml_text). */
#ifndef HWK_HTML_H
#define HWK_HTML_H

#include <stdio.h>
#include "report.h"
#include "review.h"

/* The report, made in parts (report.c puts them together): the caseload on the first
 * page (head), then each client from a new page, each assignment with its numbers and
 * charts (client: into b, while c's assignments are whole, as the charts read their
 * entries again), then the page's end (foot). client: -1 when an assignment's entries
 * could not be read for its charts (named; the rest written). */
void hwk_html_report_head(FILE *f, const hwk_report *r);
int hwk_html_report_client(hwk_buf *b, const hwk_report *r, const hwk_report_client *c);
void hwk_html_report_foot(FILE *f);
/* What hwk review shows, as a page: a view, nothing recorded. -1 as above. */
int hwk_html_review(FILE *f, const hwk_review *r, int week_start);

#endif
