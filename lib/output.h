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
/* A CSV row made by the caller, for speed: the buffer to add it to, whole (its LF too),
 * exactly as hwk_out_row would write the same values, then hwk_out_raw_end. NULL in the
 * other formats (hwk_out_row then). */
hwk_buf *hwk_out_raw(hwk_out *o);
void hwk_out_raw_end(hwk_out *o);
/* One value, a cell of a row of several, as hwk_out_row writes it in CSV, added to b. */
void hwk_out_csv_cell(hwk_buf *b, const char *s);
/* The n values as hwk_out_row writes them in CSV, with their commas, added to b: no LF. */
void hwk_out_csv_cells(hwk_buf *b, const char *const *vals, size_t n);
/* Whether CSV writes each of cells[0..n) as it is (neither quoted nor guarded), where
 * they lie back to back, each ended by its NUL, as a packed hwk_strs holds them (end:
 * just past the last one's NUL). Then a run of them is their bytes, each NUL a comma. */
int hwk_csv_plain_run(char *const *cells, size_t n, const char *end);
/* Whether o's rows can be made in parts: TSV, CSV and JSON. */
int hwk_out_parts(const hwk_out *o);
/* A part of o's rows, made apart (in another thread, as o goes on) into a buffer of its
 * own, with hwk_out_row; o must outlive it and is only read. The buffer is *buf's when
 * buf is not NULL (taken, its room kept for the rows: one made for an earlier part).
 * hwk_out_join puts its rows after o's and frees it, its buffer given back in *buf
 * (unless NULL); hwk_out_part_free drops it. */
hwk_out *hwk_out_part(const hwk_out *o, hwk_buf *buf);
void hwk_out_join(hwk_out *o, hwk_out *part, hwk_buf *buf);
void hwk_out_part_free(hwk_out *part);
/* Finish (the table is printed here: it needs every row to align) and free. */
void hwk_out_end(hwk_out *o);
/* Stop after an error: nothing more is printed (no table, no closing bracket, no header
 * when no row came), and free. */
void hwk_out_fail(hwk_out *o);

#endif
