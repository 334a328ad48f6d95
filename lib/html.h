/* html: the report and the review as one self-contained HTML5 page, to print (A4) or to
 * share: inline CSS, the charts as inline SVG (chart.c), no script, nothing fetched.
 * Every text from a client or a clinician is escaped (svg.c: hwk_xml_text). */
#ifndef HWK_HTML_H
#define HWK_HTML_H

#include <stdio.h>
#include "report.h"
#include "review.h"

/* The report as a page (hwk_report_print with r->page this): the caseload on the first
 * page, then each client from a new page, each assignment with its numbers and charts
 * (made while the client is read, as the charts read its entries again). A client's
 * part is -1 when an assignment's entries could not be read for its charts (named; the
 * rest written). */
extern const hwk_report_page hwk_html_report_page;
/* What hwk review shows, as a page: a view, nothing recorded. -1 as above. */
int hwk_html_review(FILE *f, const hwk_review *r, int week_start);

#endif
