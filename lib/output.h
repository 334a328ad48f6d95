/* output: rows of named columns printed as an aligned table, TSV, CSV, JSON or YAML. */
#ifndef HWK_OUTPUT_H
#define HWK_OUTPUT_H

#include <stdio.h>

#include "text.h" /* hwk_put_visible, for what is printed beside rows */
#include "util.h"

typedef enum { HWK_FMT_TABLE, HWK_FMT_TSV, HWK_FMT_CSV, HWK_FMT_JSON, HWK_FMT_YAML } hwk_fmt;

/* How a value is typed in JSON and YAML (and guarded in CSV). */
typedef enum {
	HWK_COL_TEXT, /* a string */
	HWK_COL_INT,  /* decimal integer text -> JSON number */
	HWK_COL_NUM,  /* decimal number text -> JSON number */
	HWK_COL_BOOL, /* "yes"/"no" -> JSON true/false */
	HWK_COL_JSON  /* JSON text made by the caller (hwk_json_str), written as is in JSON;
		       * a string elsewhere */
} hwk_coltype;

/* The formats' names, in hwk_fmt's order, NULL-ended. */
extern const char *const hwk_fmt_names[];
int hwk_fmt_parse(const char *s, hwk_fmt *out); /* a name of hwk_fmt_names; -1 bad */
hwk_fmt hwk_fmt_default(FILE *f);               /* table on a terminal, else tsv */

typedef struct hwk_out hwk_out;

/* s as a JSON string (quoted, escaped; invalid UTF-8 as U+FFFD), added to b. */
void hwk_json_str(hwk_buf *b, const char *s);

/* Start output of rows with these columns (copied). */
hwk_out *hwk_out_new(hwk_fmt fmt, FILE *f, const char *const *cols, size_t ncols);
/* One row: vals[i] for cols[i]. A NULL value is absent: an empty cell in table, TSV
 * and CSV, a key left out in JSON and YAML. An empty string "" is an empty cell, and
 * null in JSON/YAML. types may be NULL (all text). */
void hwk_out_row(hwk_out *o, const char *const *vals, const hwk_coltype *types);
/* Finish (the table is printed here: it needs every row to align) and free. */
void hwk_out_end(hwk_out *o);
/* Stop after an error: nothing more is printed (no table, no closing bracket, no header
 * when no row came), and free. */
void hwk_out_fail(hwk_out *o);

#endif
