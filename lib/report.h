/* report: one period across the caseload: per client the adherence of each assignment
 * with the change from the period before, skip reasons, clinical numbers and a daily
 * trend; the clients needing attention first, each with why. */
#ifndef HWK_REPORT_H
#define HWK_REPORT_H

#include <stdio.h>
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

typedef struct {
	hwk_day from, to, today;
	int week_start;
	const char *label;     /* "2026-W47", or NULL */
	hwk_report_client *c;
	size_t n, cap;
	int partial;           /* something was left out (and named): records in JSON are
				* left open, so that no JSON reader takes them for whole */
	int whole;             /* keep of the assignments what reading their entries
				* again needs (the HTML page's charts), not only what
				* names them (hwk_assignment_slim) */
} hwk_report;

/* Add each client's part (reading only the assignments active in the period or the one
 * before, and their entries from the earlier period's start on). A client folder, an
 * assignment or an entries file that cannot be read is named in a message and left out,
 * and the rest added: -1 then. */
int hwk_report_add_clients(hwk_report *r, const hwk_practice *p, const hwk_strs *clients);
/* Attention first: more flags (nflags) first, then lower completion, then by id. */
void hwk_report_sort(hwk_report *r);
/* Text for a terminal (md: Markdown for notes); sparklines in UTF-8 when utf8. */
void hwk_report_print(FILE *f, const hwk_report *r, int md, int utf8);
/* One record per client x assignment with every number, as CSV, TSV or JSON: in CSV
 * and TSV one fixed set of columns for the practice whatever the data (report.c). -1
 * when a custom type of types/ could not be read for its columns (named; the rest
 * printed), else 0. */
int hwk_report_records(FILE *f, const hwk_report *r, hwk_fmt fmt);
void hwk_report_free(hwk_report *r);

/* An assignment's own flags, improvement and skip notes from its summary's rows. */
void hwk_report_assess_make(const hwk_summary *s, hwk_report_assess *x);
void hwk_report_assess_free(hwk_report_assess *x);
/* What the caseload says of a client, owned: its flags, then its assignments' each after
 * its type, joined by "; " (improving: its assignments' signs of improvement). */
char *hwk_report_caseload_str(const hwk_report_client *c, int improving);


#endif
