/* report: one period across the caseload: per client the adherence of each assignment
 * with the change from the period before, skip reasons, clinical numbers and a daily
 * trend; the clients needing attention first, each with why. */
#ifndef HWK_REPORT_H
#define HWK_REPORT_H

#include <stdio.h>
#include <sys/types.h>

#include "output.h"
#include "practice.h"
#include "summary.h"

/* A skip given with a note, as the client wrote it. */
typedef struct {
	char day[16];          /* YYYY-MM-DD, the day of its at */
	char *reason, *note;
} hwk_skip_note;

/* What one assignment of the period says of itself: flags about it alone (of its type),
 * signs of improvement, and its skips' notes in the order of at. */
typedef struct {
	hwk_strs flags, improving;
	hwk_skip_note *notes;
	size_t nnotes;
} hwk_report_assess;

typedef struct {
	char *client, *name;
	hwk_assignments l;     /* its assignments active in the period (or the one before) */
	hwk_summary *s;        /* one per assignment of l active in the period */
	size_t n;
	long expected, completed; /* over its assignments: expected, done + partial */
	double completion;     /* completed / expected x 100, NAN when nothing expected */
	long since_last;       /* days from its latest entry to the end of the period; -1 none */
	hwk_strs flags;        /* why it needs attention, as a whole (not one assignment) */
	hwk_report_assess *x;  /* one per summary: its own flags, improvement, skip notes */
	size_t nflags;         /* flags in all: the client's and its assignments' */
	int incomplete;        /* a file of it could not be read (and was named) */
} hwk_report_client;

/* How a report is printed: text or Markdown for a reader, rows (CSV, TSV, JSON) or an
 * HTML page. */
typedef enum { HWK_REPORT_TEXT, HWK_REPORT_MD, HWK_REPORT_ROWS, HWK_REPORT_HTML } hwk_report_kind;

/* What stays of a client once its part is made: the caseload's row, what orders it, and
 * where its section waits in the spill. */
typedef struct {
	char *client;
	size_t nflags;
	double completion;
	long since_last;
	char *flags, *improving; /* hwk_report_caseload_str */
	off_t at;                /* its section (or rows) in the spill */
	size_t len;
} hwk_report_row;

struct hwk_spill;
typedef struct hwk_report hwk_report;

/* A page made of parts (the HTML page, html.h, which builds on this module): the
 * caseload on f (head), each client's section into b while c is whole (client: -1 when
 * something of it was left out, named), then the page's end on f (foot). */
typedef struct {
	void (*head)(FILE *f, const hwk_report *r);
	int (*client)(hwk_buf *b, const hwk_report *r, const hwk_report_client *c);
	void (*foot)(FILE *f);
} hwk_report_page;

struct hwk_report {
	hwk_day from, to, today;
	int week_start;
	const char *label;     /* "2026-W47", or NULL */
	hwk_report_kind kind;
	hwk_fmt fmt;           /* HWK_REPORT_ROWS: CSV, TSV or JSON */
	const hwk_report_page *page; /* HWK_REPORT_HTML: hwk_html_report_page */
	int utf8;              /* text and md: sparklines in UTF-8 */
	hwk_report_row *c;     /* a row a client, attention first once sorted */
	size_t n, cap;
	int partial;           /* something was left out (and named): records in JSON are
				* left open, so that no JSON reader takes them for whole */
	int page_bad;          /* HTML: a client's part was left out (its charts) */
	hwk_strs metric_cols;  /* ROWS: every metric column the data has (metric_col) */
	size_t metric_next;    /* where the next one is looked for first */
	struct hwk_spill *spill;
};

/* Ready r (its period, kind and format set) for its clients: its spill in the practice
 * folder. -1 after a message naming the folder. */
int hwk_report_open(hwk_report *r, const hwk_practice *p);
/* Add each client's part (reading only the assignments active in the period or the one
 * before, and their entries from the earlier period's start on): the client is read,
 * its section made into the spill and the client freed before the next, so that memory
 * holds one client whatever the caseload or the period. A client folder, an assignment
 * or an entries file that cannot be read is named in a message and left out, and the
 * rest added: -1 then. -2 when the spill cannot be written (named): nothing can be
 * printed. */
int hwk_report_add_clients(hwk_report *r, const hwk_practice *p, const hwk_strs *clients);
/* Print the report, the clients needing attention first (more flags first, then lower
 * completion, then by id): the caseload, then each client's section from the spill.
 * Text for a terminal (md: Markdown for notes); rows: one record per client x
 * assignment with every number, as CSV, TSV or JSON, in CSV and TSV one fixed set of
 * columns for the practice whatever the data (report.c); HTML through r->page. -1 when a
 * custom type of types/ could not be read for its columns, an entries file for its
 * charts, or the spill read back (each named; the rest printed), else 0. */
int hwk_report_print(FILE *f, hwk_report *r);
void hwk_report_free(hwk_report *r);

/* An assignment's own flags, improvement and skip notes from its summary's rows. */
void hwk_report_assess_make(const hwk_summary *s, hwk_report_assess *x);
void hwk_report_assess_free(hwk_report_assess *x);
/* What the caseload says of a client, owned: its flags, then its assignments' each after
 * its type, joined by "; " (improving: its assignments' signs of improvement). */
char *hwk_report_caseload_str(const hwk_report_client *c, int improving);


#endif
