/* log: what a user typed to `hwk log` (or a row of an import file) turned into a
 * checked entry row, appended; and the week's progress line that confirms it. */
#ifndef HWK_LOG_H
#define HWK_LOG_H

#include <stdio.h>
#include <time.h>
#include "assignment.h"
#include "entries.h"

typedef struct {
	const char *at;     /* --at, or NULL for now */
	int partial;        /* --partial */
	const char *skip;   /* --skip REASON, or NULL */
	const char *note;   /* -m NOTE, or NULL */
	char **values;      /* FIELD=VALUE or positional VALUE */
	size_t nvalues;
	int ask;            /* ask for missing required fields on the terminal */
} hwk_log_input;

/* Build and check one row. -1 after a message. */
int hwk_record_build(const hwk_assignment *a, const hwk_log_input *in, time_t now,
		     hwk_strs *row);
/* The row that corrects (or, withdraw, withdraws) an entry of a, checked as a new one:
 * the entry's row with logged now, replaces the entry's logged, and what in gives
 * changed (its values FIELD=VALUE, or at=, status=, reason=, note=; --at, -p, -s, -m).
 * which names the entry: a day (hwk_parse_date: the entry whose at is on it), a time
 * as in the logged column (the entry logged then, else done then), or NULL (the latest
 * logged). -1 after a message: no such entry, withdrawn, more than one (ambiguous), or
 * one sharing its logged with another (which replaces could not tell apart). Log it
 * with hwk_record_log. */
int hwk_record_amend(const hwk_assignment *a, const char *which, const hwk_log_input *in,
		     int withdraw, time_t now, hwk_strs *row);
/* Log one built row: check the file's header and read the week's rows (a broken file
 * stops here, nothing written), append, and give the week's progress line,
 * "sleep: 4 of 7 this week" (owned): done or partial entries dated in the week holding
 * now, against the number the week expects. */
int hwk_record_log(const hwk_assignment *a, hwk_strs *row, time_t now, int week_start,
		   char **progress);
/* Append rows (each a full set of columns) to an assignment's entries in one write. */
int hwk_record_append(const hwk_assignment *a, hwk_strs *rows, size_t n);

/* Read an import file (CSV with a header) and append its rows, all or none: every row
 * is checked before any is written. fixed: the assignment given on the command line,
 * or NULL (then each row names its own in an 'assignment' column); l holds client folder
 * dir's own assignments (one ended into ended/ is named as ended). Returns the number
 * of rows appended through *count. */
int hwk_record_import(FILE *f, const char *name, const char *dir, hwk_assignments *l,
		      const char *fixed, time_t now, size_t *count);

/* The types of the assignments of l whose entries this process wrote (an import), in
 * l's order, joined by commas (owned): for a commit message. */
char *hwk_record_written_types(const hwk_assignments *l);

#endif
