/* Unit tests for lib/csvfile.c: writing fields and rows (RFC 4180, quoted only when
 * needed), and the strict reader over memory and over a FILE, with each record's first
 * line number and exact messages for bad input. Expected texts are written out by hand. */
#define _GNU_SOURCE

#include "csvfile.h"
#include "err.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- writing ---- */

/* libcsv's strict-mode complaint, as the reader words it */
#define BAD_QUOTING "bad quoting (a quote must open a field, and quotes inside one are doubled)"

static char *field(const char *s)
{
	static hwk_buf b;
	hwk_buf_free(&b);
	hwk_buf_adds(&b, "");
	hwk_csv_field(&b, s);
	return b.s;
}

static void test_field(void)
{
	static const struct {
		const char *in, *out, *why;
	} cases[] = {
		{"plain", "plain", "plain text as is"},
		{"", "", "empty stays empty (not \"\")"},
		{"in side", "in side", "a space inside: not quoted"},
		{"in\tside", "in\tside", "a tab inside: not quoted"},
		{"a,b", "\"a,b\"", "a comma: quoted"},
		{"say \"hi\"", "\"say \"\"hi\"\"\"", "quotes: quoted and doubled"},
		{"\"", "\"\"\"\"", "a lone quote: four quotes"},
		{"cr\rx", "\"cr\rx\"", "CR: quoted"},
		{"lf\nx", "\"lf\nx\"", "LF: quoted"},
		{"\r\n", "\"\r\n\"", "CRLF alone: quoted"},
		{" lead", "\" lead\"", "leading space: quoted"},
		{"trail ", "\"trail \"", "trailing space: quoted"},
		{"\tlead", "\"\tlead\"", "leading tab: quoted"},
		{"trail\t", "\"trail\t\"", "trailing tab: quoted"},
		{" ", "\" \"", "a single space: quoted"},
		{"=1+2", "=1+2", "a formula is not this module's business"},
		{"'", "'", "an apostrophe: not quoted"},
		{"caf\xc3\xa9 \xf0\x9f\x99\x82", "caf\xc3\xa9 \xf0\x9f\x99\x82", "UTF-8 as is"},
		{"2026-11-27T21:04:00+01:00", "2026-11-27T21:04:00+01:00", "a time as is"},
		{"x\xc2\xa0", "x\xc2\xa0", "a trailing no-break space is not a space"},
		{"\xef\xbb\xbfx", "\"\xef\xbb\xbfx\"", "a leading BOM: quoted (a reader drops it at the file's start)"},
		{"x\xef\xbb\xbf", "x\xef\xbb\xbf", "a BOM later: as is"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(field(cases[i].in), cases[i].out, "field: %s", cases[i].why);

	/* appending to what the buffer holds */
	hwk_buf b = {0};
	hwk_buf_adds(&b, "x,");
	hwk_csv_field(&b, "a b,c");
	is_str(b.s, "x,\"a b,c\"", "field appends");
	hwk_buf_free(&b);
}

static char *read_mem(const char *data, size_t len, size_t first);

static void test_row(void)
{
	hwk_buf b = {0};
	const char *f1[] = {"a", NULL, "b c", "x,y", "", "q\"", " s"};
	hwk_csv_row(&b, f1, 7);
	is_str(b.s, "a,,b c,\"x,y\",,\"q\"\"\",\" s\"\n", "row: NULL and empty written empty");
	hwk_buf_reset(&b);
	const char *f2[] = {NULL, NULL, NULL};
	hwk_csv_row(&b, f2, 3);
	is_str(b.s, ",,\n", "row of three NULLs: two commas");
	hwk_buf_reset(&b);
	const char *f3[] = {"multi\nline", "end"};
	hwk_csv_row(&b, f3, 2);
	hwk_csv_row(&b, f3, 1);
	is_str(b.s, "\"multi\nline\",end\n\"multi\nline\"\n", "two rows, LF line ends");
	hwk_buf_reset(&b);
	const char *f4[] = {""};
	hwk_csv_row(&b, f4, 1);
	hwk_csv_row(&b, f2, 1);
	is_str(b.s, "\"\"\n\"\"\n", "a row of one empty field: \"\", not a blank line readers skip");
	char *back = read_mem(b.s, b.len, 1);
	is_str(back, "[1:<>][2:<>]rc=0", "and it reads back");
	free(back);
	hwk_buf_free(&b);
}

/* ---- reading ---- */

/* All records of a reader as "[LINE:<f1><f2>]" pieces, and "rc=N" at the end. */
static char *records(hwk_csvr *r)
{
	hwk_buf b = {0};
	hwk_strs rec = {0};
	size_t line;
	int rc;
	while ((rc = hwk_csvr_next(r, &rec, &line)) == 1) {
		hwk_buf_printf(&b, rec.packed && rec.v[rec.n] == NULL ? "[%zu:" : "[%zu (not packed):",
			       line);
		for (size_t i = 0; i < rec.n; i++)
			hwk_buf_printf(&b, "<%s>", rec.v[i]);
		hwk_buf_adds(&b, "]");
	}
	hwk_buf_printf(&b, "rc=%d", rc);
	/* after the end (or an error) it stays there */
	int again = hwk_csvr_next(r, &rec, &line);
	if (again != 0 && !(rc < 0 && again <= 0))
		hwk_buf_printf(&b, " then rc=%d", again);
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	return b.s;
}

/* slow: every line through libcsv */
static char *read_mem_how(const char *data, size_t len, size_t first, int slow)
{
	hwk_csvr *r = hwk_csvr_mem(data, len, "t.csv", first);
	if (slow)
		hwk_csvr_slow(r);
	return records(r);
}

static char *read_mem(const char *data, size_t len, size_t first)
{
	return read_mem_how(data, len, first, 0);
}

static char *read_file(const char *data, size_t len, size_t first)
{
	char dummy[1];
	FILE *f = fmemopen(len ? (void *)data : dummy, len, "r");
	if (!f) {
		perror("fmemopen");
		exit(2);
	}
	char *out = records(hwk_csvr_file(f, "t.csv", first));
	fclose(f);
	return out;
}

/* The same input through both readers, and through libcsv alone: records and messages
 * must be the same. */
static void both(const char *what, const char *data, size_t len, const char *want,
		 const char *want_msg)
{
	static const char *const how[] = {"memory", "FILE", "libcsv alone"};
	for (int k = 0; k < 3; k++) {
		cap_start();
		char *got = k == 1 ? read_file(data, len, 1) : read_mem_how(data, len, 1, k == 2);
		const char *msg = cap_end();
		is_str(got, want, "%s (%s): records", what, how[k]);
		is_str(msg, want_msg, "%s (%s): message", what, how[k]);
		free(got);
	}
}

static void both_s(const char *what, const char *data, const char *want, const char *want_msg)
{
	both(what, data, strlen(data), want, want_msg);
}

static void test_reader(void)
{
	/* lines:  1 header, 2-3 a quoted field over two lines, 4 plain, 5 doubled quotes */
	both_s("records and their first lines",
	       "at,note\n1,\"multi\nline\"\n2,plain\n3,\"a \"\"q\"\" b\"\n",
	       "[1:<at><note>][2:<1><multi\nline>][4:<2><plain>][5:<3><a \"q\" b>]rc=0", "");
	/* a field over three lines, then one on line 5 */
	both_s("three-line field", "\"a\nb\nc\",x\nnext\n", "[1:<a\nb\nc><x>][4:<next>]rc=0", "");
	/* a quoted first field holding an empty line: the record still starts on line 1 */
	both_s("empty line inside a quoted first field", "\"a\n\nb\",c\nd\n",
	       "[1:<a\n\nb><c>][4:<d>]rc=0", "");
	both_s("CRLF and an empty line inside a quoted first field", "x\n\"\r\n\nz\"\ny\n",
	       "[1:<x>][2:<\r\n\nz>][5:<y>]rc=0", "");
	both_s("CRLF line ends", "a,b\r\nc,d\r\n", "[1:<a><b>][2:<c><d>]rc=0", "");
	/* the CRLF inside quotes is kept; the next record is on line 3 */
	both_s("CRLF inside a quoted field", "1,\"x\r\ny\"\r\n2,z\r\n",
	       "[1:<1><x\r\ny>][3:<2><z>]rc=0", "");
	both_s("final row without LF", "a,b\nc,d", "[1:<a><b>][2:<c><d>]rc=0", "");
	both_s("final quoted multi-line row without LF", "a\n\"b\nc\"", "[1:<a>][2:<b\nc>]rc=0", "");
	both_s("blank lines start no record", "a\n\nb\n\r\n\nc\n", "[1:<a>][3:<b>][6:<c>]rc=0", "");
	both_s("empty fields", "a,,\n,\n\"\"\n", "[1:<a><><>][2:<><>][3:<>]rc=0", "");
	both_s("spaces are data", " a , b \n", "[1:< a >< b >]rc=0", "");
	both_s("quoted comma and LF", "\"x,y\",\"1\n2\"\n", "[1:<x,y><1\n2>]rc=0", "");
	both_s("UTF-8", "caf\xc3\xa9,\xf0\x9f\x99\x82\n", "[1:<caf\xc3\xa9><\xf0\x9f\x99\x82>]rc=0", "");
	both("empty input", "", 0, "rc=0", "");
	both_s("only line ends", "\n\n", "rc=0", "");

	/* a CR ends a record; a quoted field begun after it goes on over the LF: libcsv
	 * reads two records here, both starting on line 1 */
	both_s("a CR ends a record, a quoted field after it goes on past the LF",
	       "x\r\"y\nz,w\n\"\n", "[1:<x>][1:<y\nz,w\n>]rc=0", "");
	both_s("a CR ends a record, the next on the same line", "a\rb\nc\n",
	       "[1:<a>][1:<b>][2:<c>]rc=0", "");
	both_s("a record ends at a CR on line 2, the next starts there",
	       "\"a\nb\"\rc\nd\n", "[1:<a\nb>][2:<c>][3:<d>]rc=0", "");
	both_s("a CR then a quoted field closed on the next line, then plain lines",
	       "h\nx\r\"y\nz\"\n1,2\n", "[1:<h>][2:<x>][2:<y\nz>][4:<1><2>]rc=0", "");

	/* records a line ends before its error are given first, then the error, then
	 * nothing more */
	both_s("a record ended by a CR before bad quoting on its line", "s\rk\"\n",
	       "[1:<s>]rc=-1", "hwk: t.csv:1:4: " BAD_QUOTING "\n");
	both_s("two records ended by CRs before bad quoting, after a good line", "a\nb\rc\rd\"e\n",
	       "[1:<a>][2:<b>][2:<c>]rc=-1", "hwk: t.csv:2:6: " BAD_QUOTING "\n");

	/* git's conflict markers: the file is refused at the first, never read as rows */
	both_s("a conflict marker", "h\n1\n<<<<<<< ours\n2\n=======\n3\n>>>>>>> theirs\n",
	       "[1:<h>][2:<1>]rc=-1",
	       "hwk: t.csv:3: unresolved git conflict; run hwk sync or resolve it\n");
	both_s("a lone ======= line", "h\n=======\r\n", "[1:<h>]rc=-1",
	       "hwk: t.csv:2: unresolved git conflict; run hwk sync or resolve it\n");
	both_s("marker-like text inside a quoted field is data",
	       "h\n\"x\n<<<<<<< ours\n=======\n\"\n", "[1:<h>][2:<x\n<<<<<<< ours\n=======\n>]rc=0",
	       "");
	both_s("not markers: other lengths, text after =======",
	       "<<<<<<<<\n======= x\n>>>>>>>x\n", "[1:<<<<<<<<<>][2:<======= x>][3:<>>>>>>>x>]rc=0",
	       "");

	/* a NUL byte would cut the field short: refused, at its line and column */
	both("a NUL byte in a plain field", "a,b\nc\0d,e\n", 10, "[1:<a><b>]rc=-1",
	     "hwk: t.csv:2:2: a NUL byte (the text of a field cannot hold one)\n");
	both("a NUL byte in a quoted field over lines", "h\n\"a\nb\0\"\n", 10, "[1:<h>]rc=-1",
	     "hwk: t.csv:3:2: a NUL byte (the text of a field cannot hold one)\n");
	both("a NUL byte in the first line", "\0\n", 2, "rc=-1",
	     "hwk: t.csv:1:1: a NUL byte (the text of a field cannot hold one)\n");

	/* strict quoting: the stray quote at column 4 of line 1 */
	both_s("stray quote", "a,b\"c\n", "rc=-1",
	       "hwk: t.csv:1:4: " BAD_QUOTING "\n");
	/* text after a closing quote: 'c' at column 5 */
	both_s("text after a closing quote", "\"ab\"c,d\n", "rc=-1",
	       "hwk: t.csv:1:5: " BAD_QUOTING "\n");
	/* on line 3 (column 3, the 'z'), inside a record that started on line 2 */
	both_s("bad quoting inside a multi-line record", "h\n\"x\ny\"z\n", "[1:<h>]rc=-1",
	       "hwk: t.csv:3:3: " BAD_QUOTING " (record starting at line 2)\n");
	/* on line 4 after three good records */
	both_s("bad quoting after good rows", "a\nb\nc\nd,e \"f\"\n", "[1:<a>][2:<b>][3:<c>]rc=-1",
	       "hwk: t.csv:4:5: " BAD_QUOTING "\n");
	both_s("unclosed quote at the end", "a,\"open\n", "rc=-1",
	       "hwk: t.csv:1: a quoted field is not closed\n");
	both_s("unclosed quote over lines", "ok\na,\"open\nmore\nstill\n", "[1:<ok>]rc=-1",
	       "hwk: t.csv:2: a quoted field is not closed\n");
	both_s("unclosed quote without any LF", "\"abc", "rc=-1",
	       "hwk: t.csv:1: a quoted field is not closed\n");

	/* a byte order mark (as spreadsheets write) is skipped at the start only */
	both_s("byte order mark at the start", "\xef\xbb\xbf" "a,b\nc\n", "[1:<a><b>][2:<c>]rc=0", "");
	both_s("byte order mark alone", "\xef\xbb\xbf", "rc=0", "");
	both_s("byte order mark before a quoted field", "\xef\xbb\xbf\"a\nb\",c\n",
	       "[1:<a\nb><c>]rc=0", "");
	both_s("byte order mark later is data", "a\n\xef\xbb\xbf" "b\n",
	       "[1:<a>][2:<\xef\xbb\xbf" "b>]rc=0", "");

	/* first_line shifts every number */
	cap_start();
	char *got = records(hwk_csvr_mem("a\n\"b\nc\"\nd\"\n", 11, "x.csv", 10));
	const char *msg = cap_end();
	is_str(got, "[10:<a>][11:<b\nc>]rc=-1", "first_line 10: records numbered from 10");
	is_str(msg,
	       "hwk: x.csv:13:2: " BAD_QUOTING "\n",
	       "first_line 10: the error on line 13");
	free(got);

	/* the field list is replaced at each call (ASan would see a leak or a stale read) */
	hwk_csvr *r = hwk_csvr_mem("a,b,c\nd\n", 8, "t.csv", 1);
	hwk_strs rec = {0};
	size_t line = 0;
	is_int(hwk_csvr_next(r, &rec, &line), 1, "first record");
	is_int(rec.n, 3, "three fields");
	is_int(hwk_csvr_next(r, &rec, &line), 1, "second record");
	is_int(rec.n, 1, "one field");
	is_str(rec.v[0], "d", "its value");
	is_int(line, 2, "its line");
	is_int(hwk_csvr_next(r, &rec, &line), 0, "end");
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	hwk_csvr_free(NULL);

	/* a quiet reader fails without a word */
	r = hwk_csvr_mem("a,b\"c\n", 7, "t.csv", 1);
	hwk_csvr_quiet(r);
	cap_start();
	int rc = hwk_csvr_next(r, &rec, &line);
	is_str(cap_end(), "", "quiet reader: no message for bad quoting");
	is_int(rc, -1, "quiet reader: -1 for bad quoting");
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	r = hwk_csvr_mem("\"open\n", 6, "t.csv", 1);
	hwk_csvr_quiet(r);
	cap_start();
	rc = hwk_csvr_next(r, &rec, &line);
	is_str(cap_end(), "", "quiet reader: no message for an unclosed quote");
	is_int(rc, -1, "quiet reader: -1 for an unclosed quote");
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
}

/* Very long fields are refused, not buffered without limit. */
static void test_long_field(void)
{
	size_t n = (1u << 20) + 1000;
	char *data = malloc(n + 2);
	memset(data, 'x', n);
	data[n] = '\n';
	cap_start();
	char *got = read_mem(data, n + 1, 1);
	const char *msg = cap_end();
	is_str(got, "rc=-1", "a field over 1 MiB is refused");
	/* the field buffer may not grow past 1 MiB + 64 = 1048640 bytes: the byte at
	 * column 1048641 is the one that cannot be kept */
	is_str(msg, "hwk: t.csv:1:1048641: a field is longer than 1 MiB\n", "its message");
	free(got);
	/* just under: fine */
	n = (1u << 20) - 10;
	memset(data, 'y', n);
	data[n] = '\n';
	hwk_csvr *r = hwk_csvr_mem(data, n + 1, "t.csv", 1);
	hwk_strs rec = {0};
	size_t line;
	is_int(hwk_csvr_next(r, &rec, &line), 1, "a field just under 1 MiB is read");
	is_int(rec.n == 1 ? strlen(rec.v[0]) : 0, n, "all of it");
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	free(data);
}

/* ---- round trip ---- */

static uint32_t rng = 20261127u;

static uint32_t next_rand(void)
{
	return tu_rand32(&rng);
}

static char *random_field(void)
{
	static const char *const pieces[] = {
		",", "\"", "\n", "\r", " ", "\t", "a", "b", "Z", "0", "\xc3\xa9", "\xd0\xb6",
		"\xe6\x97\xa5", "\xf0\x9f\x99\x82", "\"\"", "\r\n", "x,y",
	};
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	unsigned len = next_rand() % 9; /* 0..8 pieces: some fields empty */
	for (unsigned i = 0; i < len; i++)
		hwk_buf_adds(&b, pieces[next_rand() % (sizeof pieces / sizeof *pieces)]);
	return b.s;
}

#define NROWS 2000
#define NCOLS 6

static void test_round_trip(void)
{
	char *rows[NROWS][NCOLS];
	size_t start_line[NROWS];
	hwk_buf out = {0};
	hwk_buf_adds(&out, "");
	size_t lines = 1;
	for (size_t i = 0; i < NROWS; i++) {
		for (size_t j = 0; j < NCOLS; j++)
			rows[i][j] = random_field();
		start_line[i] = lines;
		size_t before = out.len;
		hwk_csv_row(&out, (const char *const *)rows[i], NCOLS);
		/* the reader counts physical lines by LF only */
		for (size_t k = before; k < out.len; k++)
			lines += out.s[k] == '\n';
	}
	for (int k = 0; k < 2; k++) {
		FILE *f = NULL;
		hwk_csvr *r;
		if (k) {
			f = fmemopen(out.s, out.len, "r");
			r = hwk_csvr_file(f, "rt.csv", 1);
		} else {
			r = hwk_csvr_mem(out.s, out.len, "rt.csv", 1);
		}
		hwk_strs rec = {0};
		size_t line, n = 0, bad_fields = 0, bad_lines = 0;
		int rc;
		while ((rc = hwk_csvr_next(r, &rec, &line)) == 1) {
			if (n < NROWS) {
				if (rec.n != NCOLS)
					bad_fields++;
				else
					for (size_t j = 0; j < NCOLS; j++)
						if (strcmp(rec.v[j], rows[n][j])) {
							bad_fields++;
							break;
						}
				if (line != start_line[n] && bad_lines++ == 0)
					fprintf(stderr, "# row %zu: line %zu, want %zu\n", n, line,
						start_line[n]);
			}
			n++;
		}
		const char *how = k ? "FILE" : "memory";
		is_int(rc, 0, "round trip (%s): read to the end", how);
		is_int(n, NROWS, "round trip (%s): %d rows", how, NROWS);
		is_int(bad_fields, 0, "round trip (%s): every field identical", how);
		is_int(bad_lines, 0, "round trip (%s): every first line right", how);
		hwk_strs_free(&rec);
		hwk_csvr_free(r);
		if (f)
			fclose(f);
	}
	is_int(lines - 1 > NROWS, 1, "round trip: some fields held line ends (%zu lines)", lines - 1);
	for (size_t i = 0; i < NROWS; i++)
		for (size_t j = 0; j < NCOLS; j++)
			free(rows[i][j]);
	hwk_buf_free(&out);
}

/* The reader's own splitting of lines agrees with libcsv's, record for record and
 * message for message, on rows of every kind of field, some of them spoiled (a quote
 * dropped, added or a character put after a closing one). */
static void test_agree(void)
{
	static const char *const spoil[] = {"\"", "x", ",", "\n", "\"x", "\r"};
	int same = 1, spoiled = 0, failed = 0;
	for (int i = 0; i < 3000; i++) {
		hwk_buf b = {0};
		hwk_buf_adds(&b, "");
		int nrows = 1 + (int)(next_rand() % 4);
		for (int k = 0; k < nrows; k++) {
			char *f[4];
			int nf = 1 + (int)(next_rand() % 4);
			for (int j = 0; j < nf; j++)
				f[j] = random_field();
			hwk_csv_row(&b, (const char *const *)f, (size_t)nf);
			for (int j = 0; j < nf; j++)
				free(f[j]);
		}
		if (next_rand() % 2 && b.len) {
			/* one spoiling piece at some place */
			size_t at = next_rand() % b.len;
			const char *p = spoil[next_rand() % (sizeof spoil / sizeof *spoil)];
			hwk_buf c = {0};
			hwk_buf_add(&c, b.s, at);
			hwk_buf_adds(&c, p);
			hwk_buf_add(&c, b.s + at, b.len - at);
			hwk_buf_free(&b);
			b = c;
			spoiled++;
		}
		cap_start();
		char *fast = read_mem_how(b.s, b.len, 1, 0);
		char *fast_msg = hwk_xstrdup(cap_end());
		cap_start();
		char *slow = read_mem_how(b.s, b.len, 1, 1);
		const char *slow_msg = cap_end();
		failed += strstr(slow, "rc=-1") != NULL;
		if (strcmp(fast, slow) || strcmp(fast_msg, slow_msg)) {
			if (same)
				fprintf(stderr, "# input '%s'\n# fast '%s' %s# libcsv '%s' %s", b.s, fast,
					fast_msg, slow, slow_msg);
			same = 0;
		}
		free(fast);
		free(fast_msg);
		free(slow);
		hwk_buf_free(&b);
	}
	ok(same, "3000 inputs (%d spoiled, %d refused): the same records and messages as libcsv",
	   spoiled, failed);
	ok(failed > 100, "some inputs were refused (%d)", failed);
}

int main(void)
{
	hwk_err_setcmd(NULL);
	test_field();
	test_row();
	test_reader();
	test_long_field();
	test_round_trip();
	test_agree();
	return tap_done();
}
