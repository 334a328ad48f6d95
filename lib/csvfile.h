/* csvfile: entry rows in RFC 4180 CSV: writing one row, and reading records with
 * their line numbers through libcsv in strict mode. */
#ifndef HWK_CSVFILE_H
#define HWK_CSVFILE_H

#include <stdio.h>
#include "util.h"

/* Append one field, quoted only when needed (contains , " CR LF, or starts or ends
 * with a space or tab, or starts with a byte order mark); quotes doubled. */
void hwk_csv_field(hwk_buf *b, const char *s);
/* Append a row of n fields and its LF. NULL fields are written empty (but a row of one
 * empty field as "", not as a blank line). */
void hwk_csv_row(hwk_buf *b, const char *const *fields, size_t n);

/* A reader over a FILE or a block of memory. A UTF-8 byte order mark at its start is
 * skipped. A NUL byte anywhere is refused with its FILE:LINE:COL. A file is read up to
 * HWK_CSV_MAX_BYTES: a larger one is an error, as is a read error (never taken for the
 * end of the file). A record that starts with a git conflict marker (text.h) is an error,
 * "FILE:LINE: unresolved git conflict; ...". */
#define HWK_CSV_MAX_BYTES (64u << 20)
typedef struct hwk_csvr hwk_csvr;
hwk_csvr *hwk_csvr_file(FILE *f, const char *name, size_t first_line);
hwk_csvr *hwk_csvr_mem(const char *data, size_t len, const char *name, size_t first_line);
/* Next record: 1 and rec filled (a packed list, util.h: owned by rec, replaced at each
 * call), 0 at end, -1 after printing "FILE:LINE:COL: message". *line is the record's
 * first line. */
int hwk_csvr_next(hwk_csvr *r, hwk_strs *rec, size_t *line);
void hwk_csvr_free(hwk_csvr *r);
/* The physical line the reader is at: after hwk_csvr_next returned -1, where it stopped. */
size_t hwk_csvr_lineno(const hwk_csvr *r);
/* Did it stop at a git conflict marker (a record starting with one, see text.h)? */
int hwk_csvr_conflicted(const hwk_csvr *r);
/* Report nothing: hwk_csvr_next returns -1 silently (for a reader that will retry). */
void hwk_csvr_quiet(hwk_csvr *r);
/* Read every line through libcsv, not splitting the simple ones itself (the tests
 * compare the two). */
void hwk_csvr_slow(hwk_csvr *r);
/* Let the first line choose the separator: a line with semicolons and no comma outside
 * quotes (what spreadsheets write where the comma is the decimal mark) makes ';' the
 * separator of the whole file, read by libcsv alone. For files from elsewhere (an
 * import); hwk's own files are always comma-separated. */
void hwk_csvr_sniff(hwk_csvr *r);
/* The data begins inside a file (a block read from its end): a byte order mark on its
 * first line is data, as it would be to a reader from the start of the file. */
void hwk_csvr_mid(hwk_csvr *r);

#endif
