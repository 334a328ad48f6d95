/* entries: an assignment's entries file (append-only CSV): making a row, reading rows
 * back in order, and reading only the newest rows without touching the rest. */
#ifndef HWK_ENTRIES_H
#define HWK_ENTRIES_H

#include "assignment.h"
#include "csvfile.h"
#include "row.h"


/* One entry as stored: the fixed columns, then one value per field, then replaces
 * (read as empty from a row written before it, one column short). */
typedef struct {
	hwk_strs cols;
	size_t line;  /* its first line in the file (0 for rows read from the tail) */
	size_t back;  /* a row read from the tail: its place from the end (1: the last) */
	int stamped;  /* day and at below hold its at, read once (the readers set them) */
	int at_ok;    /* at is a time (day is set from its date part either way) */
	hwk_day day;  /* HWK_DAY_NONE when at does not start with a date */
	time_t at;
} hwk_entry;

/* The columns of a's rows, and the place of replaces, the last. */
#define HWK_ENTRY_NCOLS(a) ((a)->fields.n + HWK_ENTRY_FIXED + 1)
#define HWK_ENTRY_REPLACES(a) ((a)->fields.n + HWK_ENTRY_FIXED)

extern const char *const hwk_reasons[];
int hwk_reason_ok(const char *r);

/* Check a row's fixed columns and its values against the assignment's fields (values
 * normalised in place, but for a packed row as read, which is only checked). Messages
 * say which field and why. */
int hwk_entry_check(const hwk_assignment *a, hwk_strs *cols, int partial_ok);

/* Check rows as read (hwk_entry_check): each bad one is named ("FILE:LINE: status: ...")
 * and left out, the rest kept in order. Rows dated before since (unless it is
 * HWK_DAY_NONE) are left out unchecked: the tail brings a few. A row read from the end
 * of the file (line 0) is found by its back. Returns how many were bad;
 * hwk_entries_bad() counts them over the whole run, for the exit status. */
size_t hwk_entries_sift(const hwk_assignment *a, hwk_entry *rows, size_t *n, hwk_day since);
size_t hwk_entries_bad(void);

/* The corrected view (hwk.5): rows replaced by a later row, withdrawn entries and the
 * rows withdrawing them are left out (freed), the rest kept in order. A correction
 * names its entry by the logged of the row as first logged (compared as instants); one
 * naming the logged of a correction that no entry has (a chain) is followed back to
 * that correction's entry. The latest correction of an entry (by logged, then by place)
 * is the one that counts. */
void hwk_entries_resolve(hwk_entry *rows, size_t *n);
/* The same as marks, dead[i] set for each row left out (owned, n bytes). */
unsigned char *hwk_entries_dead(const hwk_entry *rows, size_t n);
/* The entry a row belongs to: its replaces, or else its own logged. */
const char *hwk_entry_ident(const hwk_entry *e);

/* The header line of the entries file (with its LF), owned. */
char *hwk_entries_header(const hwk_assignment *a);

/* Reading every row in order. */
typedef struct hwk_entries hwk_entries;
/* Open an assignment's entries; no file yet is no entries. -1 after a message.
 * history: every row as stored; else the corrected view. The file is read once, into
 * memory (but for one over the cap, streamed for its reader to refuse), and its rows
 * parsed once more first only when one may replace another (a line end not after a
 * comma), to know which rows a later one replaces. */
int hwk_entries_open(const hwk_assignment *a, int history, hwk_entries **out);
/* 1 with *e filled, 0 at end, -1 after a message naming FILE:LINE. */
int hwk_entries_next(hwk_entries *r, hwk_entry *e);
void hwk_entries_close(hwk_entries *r);

/* Every row as stored, read from the start, into *rows (hwk_entry_rows_free); no file
 * is no rows.
 * -1 after a message naming FILE:LINE (then nothing is kept). The tail falls back to it
 * when the end of the file cannot be read on its own. */
int hwk_entries_read(const hwk_assignment *a, hwk_entry **rows, size_t *n);

/* Check the file's header row against the assignment's fields (reads only the first
 * line). A missing or empty file is fine. A header without replaces (version 1) is read;
 * append: it is refused, as rows cannot be added to it until hwk upgrade. */
int hwk_entries_check_header(const hwk_assignment *a, int append);

/* Rows whose logged day is on or after since (and perhaps a few older), read from the
 * end of the file: the cost follows the rows asked for, not the history. The corrected
 * view of them (hwk_entries_resolve): a correction whose entry is older than the rows
 * read counts on its own. */
int hwk_entries_tail(const hwk_assignment *a, hwk_day since, hwk_entry **rows, size_t *n);
/* The same rows as stored, before the corrected view: the last rows of the file, as
 * hwk_entries_read gives them. */
int hwk_entries_tail_stored(const hwk_assignment *a, hwk_day since, hwk_entry **rows,
			    size_t *n);
void hwk_entry_free(hwk_entry *e);
void hwk_entry_rows_free(hwk_entry *rows, size_t n);

/* An entry's day (hwk_stamp_day of its at) and its at as a time: -1 when it has none.
 * Read from what the readers noted, or from the text for a row made by hand. */
int hwk_entry_day(const hwk_entry *e, hwk_day *out);
int hwk_entry_at(const hwk_entry *e, time_t *out);
/* Note e's day and at (what the readers do for each row). */
void hwk_entry_stamp(hwk_entry *e);

/* The value of a's field name in row e, or NULL when the field is not a's, or the row
 * has no value for it. */
const char *hwk_entry_field(const hwk_assignment *a, const hwk_entry *e, const char *name);

/* Would a's entries keep their steps with ladder l in place of a's: is every step of
 * a's ladder that an entry names (a row as stored) on l? Entries keep a step's name,
 * so a step may move, but not leave. 0 yes, -1 after a message naming the first step
 * that would leave and how many entries name it. */
int hwk_entries_keep_steps(const hwk_assignment *a, const hwk_ladder *l);

/* Done and partial entries per day, from..to, over rows (of any order). */
void hwk_entries_count(const hwk_entry *rows, size_t n, hwk_day from, hwk_day to, long *done,
		       long *partial, long *skipped);

#endif
