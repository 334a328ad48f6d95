/* Unit tests for lib/entries.c, in a temporary client folder: checking a row (exact
 * messages), reading every row, reading only the newest rows from the end of the file
 * (hwk_entries_tail must return every row logged on or after a day, whatever the notes
 * hold), and counting entries per status over a range of days. */
#define _GNU_SOURCE

#include "assignment.h"
#include "entries.h"
#include "err.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ---- */

#define ID "2026-10-01-diary-ab12"
#define NCOLS 9 /* at logged status reason note, mood what bed wake */

static const char *const assignment_yaml =
	"# hwk assignment (see hwk(5)); its entries are in " ID ".csv\n"
	"id: " ID "\n"
	"client: alex\n"
	"type: diary\n"
	"every: day\n"
	"start: 2026-10-01\n"
	"status: active\n"
	"fields:\n"
	"- name: mood\n"
	"  type: integer\n"
	"  required: true\n"
	"  min: 0\n"
	"  max: 10\n"
	"  prompt: Mood 0-10\n"
	"- name: what\n"
	"  type: text\n"
	"- name: bed\n"
	"  type: time\n"
	"- name: wake\n"
	"  type: time\n"
	"  required: true\n"
	"history: []\n";

#define HEADER "at,logged,status,reason,note,mood,what,bed,wake\n"
#define HEADER_EXTRA "at,logged,status,reason,note,mood,what,bed,wake,extra\n"
#define HEADER_V2 "at,logged,status,reason,note,mood,what,bed,wake,replaces\n"

static void set_csv(hwk_assignment *a, const char *path)
{
	free(a->csv_path);
	a->csv_path = hwk_xstrdup(path);
}

static hwk_day ymd(int y, int m, int d)
{
	return hwk_day_from_ymd(y, m, d);
}

static hwk_strs row(const char *at, const char *logged, const char *status, const char *reason,
		    const char *note, const char *mood, const char *what, const char *bed,
		    const char *wake)
{
	hwk_strs r = {0};
	const char *v[NCOLS] = {at, logged, status, reason, note, mood, what, bed, wake};
	for (int i = 0; i < NCOLS; i++)
		hwk_strs_push(&r, hwk_xstrdup(v[i]));
	hwk_strs_push(&r, hwk_xstrdup("")); /* replaces */
	return r;
}

/* A row as the readers give it: its day and at noted, and equal to its text's (gen:
 * a row made here, noted nothing). */
static int stamped_right(const hwk_entry *e, int gen)
{
	hwk_day d1, d2;
	time_t t1, t2;
	int r1 = hwk_entry_day(e, &d1), r2 = hwk_stamp_day(e->cols.v[0], &d2);
	int s1 = hwk_entry_at(e, &t1), s2 = hwk_time_parse_iso(e->cols.v[0], &t2);
	return e->stamped == !gen && r1 == r2 && (r1 < 0 || d1 == d2) && s1 == s2 && (s1 < 0 || t1 == t2);
}

/* x read, y read or made here (gen) */
static int same_row(const hwk_entry *x, const hwk_entry *y, int gen)
{
	if (x->cols.n != y->cols.n || !stamped_right(x, 0) || !stamped_right(y, gen))
		return 0;
	for (size_t i = 0; i < x->cols.n; i++)
		if (strcmp(x->cols.v[i], y->cols.v[i]))
			return 0;
	return 1;
}

/* The tail for since must be the last k rows of all (k >= every row logged on or after
 * since), identical. Returns 1 if so; *got is k. */
static int tail_ok(const hwk_assignment *a, const hwk_entry *all, size_t nall, hwk_day since,
		   size_t *got, size_t *need)
{
	hwk_entry *rows;
	size_t n;
	*need = 0;
	for (size_t i = 0; i < nall; i++) {
		hwk_day d;
		if (hwk_stamp_day(all[i].cols.v[1], &d) == 0 && d >= since)
			++*need;
	}
	cap_start();
	int rc = hwk_entries_tail(a, since, &rows, &n);
	const char *msg = cap_end();
	*got = n;
	int good = rc == 0 && !*msg && n >= *need && n <= nall;
	for (size_t i = 0; good && i < n; i++)
		good = same_row(&rows[i], &all[nall - n + i], 0);
	if (!good)
		fprintf(stderr, "# tail since %ld: rc %d, %zu rows of %zu, need %zu, msg '%s'\n",
			(long)since, rc, n, nall, *need, msg);
	if (rc == 0)
		hwk_entry_rows_free(rows, n);
	return good;
}

/* ---- checking a row ---- */

static void check_row(const hwk_assignment *a, hwk_strs r, int partial_ok, const char *want_msg,
		      const char *why)
{
	cap_start();
	int rc = hwk_entry_check(a, &r, partial_ok);
	const char *msg = cap_end();
	is_int(rc, want_msg ? -1 : 0, "entry_check: %s", why);
	is_str(msg, want_msg ? want_msg : "", "entry_check message: %s", why);
	hwk_strs_free(&r);
}

#define AT "2026-11-27T21:04:00+01:00"

/* A row with a replaces (the last column). */
static hwk_strs rrow(const char *at, const char *logged, const char *status, const char *mood,
		     const char *replaces)
{
	hwk_strs r = row(at, logged, status, "", "", mood, "", "", *mood ? "06:00" : "");
	free(r.v[r.n - 1]);
	r.v[r.n - 1] = hwk_xstrdup(replaces);
	return r;
}

#define L1 "2026-11-20T08:00:00+01:00"
#define L2 "2026-11-21T08:00:00+01:00"
#define L3 "2026-11-22T08:00:00+01:00"
#define L4 "2026-11-23T08:00:00+01:00"
#define L5 "2026-11-24T08:00:00+01:00"

/* The corrected view of rows given as (logged, status, mood, replaces): the moods left,
 * joined by spaces. */
static char *view(hwk_strs *r, size_t n)
{
	hwk_entry *rows = hwk_xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i].cols = r[i];
	hwk_entries_resolve(rows, &n);
	hwk_buf b = {0};
	for (size_t i = 0; i < n; i++)
		hwk_buf_printf(&b, "%s%s", i ? " " : "", rows[i].cols.v[5]);
	hwk_entry_rows_free(rows, n);
	return b.s ? b.s : hwk_xstrdup("");
}

static void test_resolve(const hwk_assignment *a)
{
	/* replaces: checked as a time; withdrawn needs it, and carries nothing */
	check_row(a, rrow(AT, L2, "done", "5", L1), 0, NULL, "a correction");
	check_row(a, rrow(AT, L2, "withdrawn", "", L1), 0, NULL, "a withdrawing row");
	check_row(a, rrow(AT, L2, "done", "5", "yesterday"), 0,
		  "hwk: replaces: yesterday is not a time (the logged of the entry it corrects)\n",
		  "a bad replaces");
	check_row(a, rrow(AT, L2, "withdrawn", "", ""), 0,
		  "hwk: status: withdrawn needs replaces (the entry it withdraws)\n",
		  "withdrawn without replaces");
	check_row(a, rrow(AT, L2, "withdrawn", "5", L1), 0,
		  "hwk: mood: a withdrawing row has no values\n", "withdrawn with a value");

	struct {
		const char *want, *why;
		size_t n;
		const char *r[5][3]; /* logged, status + mood, replaces */
	} cases[] = {
		{"1 2", "no corrections", 2, {{L1, "1", ""}, {L2, "2", ""}}},
		{"2 9", "a correction takes the entry's place", 3,
		 {{L1, "1", ""}, {L2, "2", ""}, {L3, "9", L1}}},
		{"2", "a withdrawn entry and its withdrawing row are gone", 3,
		 {{L1, "1", ""}, {L2, "2", ""}, {L3, "-", L1}}},
		{"2 8", "two corrections of one entry: the latest counts", 4,
		 {{L1, "1", ""}, {L2, "2", ""}, {L3, "9", L1}, {L4, "8", L1}}},
		{"2 8", "a chain (one names the correction before) is followed", 4,
		 {{L1, "1", ""}, {L2, "2", ""}, {L3, "9", L1}, {L4, "8", L3}}},
		{"2 7", "corrected after a withdrawal: it counts again", 4,
		 {{L1, "1", ""}, {L2, "2", ""}, {L3, "-", L1}, {L4, "7", L1}}},
		{"9", "a correction without its entry (a tail) counts once", 1, {{L3, "9", L1}}},
		{"", "a withdrawal without its entry counts not at all", 1, {{L3, "-", L1}}},
		{"2 8", "by logged, not by place (a merge out of order)", 4,
		 {{L1, "1", ""}, {L2, "2", ""}, {L4, "8", L1}, {L3, "9", L1}}},
		{"9 5", "a correction naming a logged that an entry also has is of that entry", 4,
		 {{L1, "1", ""}, {L3, "9", L1}, {L3, "2", ""}, {L5, "5", L3}}},
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		hwk_strs r[5];
		for (size_t i = 0; i < cases[c].n; i++) {
			int w = !strcmp(cases[c].r[i][1], "-");
			r[i] = rrow(AT, cases[c].r[i][0], w ? "withdrawn" : "done", w ? "" : cases[c].r[i][1],
				    cases[c].r[i][2]);
		}
		char *got = view(r, cases[c].n);
		is_str(got, cases[c].want, "resolve: %s", cases[c].why);
		free(got);
	}

	/* a file of version 1 (no replaces) is read, its rows one column short, but taken
	 * for no append */
	tu_write_str("v1.csv", HEADER AT "," L1 ",done,,,5,,,06:00\n");
	set_csv((hwk_assignment *)a, "v1.csv");
	hwk_entry *all;
	size_t nall;
	cap_start();
	is_int(hwk_entries_read(a, &all, &nall), 0, "version 1: read");
	is_str(cap_end(), "", "version 1: read without a message");
	is_int(nall, 1, "version 1: one row");
	if (nall == 1) {
		is_int(all[0].cols.n, NCOLS + 1, "version 1: replaces added");
		is_str(all[0].cols.v[NCOLS], "", "version 1: replaces empty");
	}
	hwk_entry_rows_free(all, nall);
	cap_start();
	is_int(hwk_entries_check_header(a, 0), 0, "version 1: the header is read");
	is_int(hwk_entries_check_header(a, 1), -1, "version 1: no append");
	is_str(cap_end(),
	       "hwk: v1.csv:1: the header has no replaces column (an entries file of format version 1): run hwk upgrade\n",
	       "version 1: append: message");

	/* version 2: a row one short is read, a full one too; the tail gives the view */
	tu_write_str("v2.csv", HEADER_V2 AT "," L1 ",done,,,5,,,06:00\n" AT "," L2
			       ",done,,,6,,,06:00,\n" AT "," L3 ",done,,,7,,,06:00," L1 "\n");
	set_csv((hwk_assignment *)a, "v2.csv");
	cap_start();
	is_int(hwk_entries_check_header(a, 1), 0, "version 2: append");
	is_int(hwk_entries_read(a, &all, &nall), 0, "version 2: read");
	is_str(cap_end(), "", "version 2: no message");
	is_int(nall, 3, "version 2: every row as stored");
	hwk_entry_rows_free(all, nall);
	is_int(hwk_entries_tail(a, ymd(2026, 11, 1), &all, &nall), 0, "version 2: tail");
	is_int(nall, 2, "version 2: the tail's corrected view");
	if (nall == 2)
		is_str(all[1].cols.v[5], "7", "version 2: the correction in its own place");
	hwk_entry_rows_free(all, nall);
	hwk_entries *r;
	hwk_entry e = {0};
	hwk_buf b = {0};
	is_int(hwk_entries_open(a, 0, &r), 0, "version 2: open the corrected view");
	while (hwk_entries_next(r, &e) == 1)
		hwk_buf_printf(&b, "%s ", e.cols.v[5]);
	hwk_entry_free(&e);
	hwk_entries_close(r);
	is_str(b.s, "6 7 ", "version 2: streamed, the corrected view");
	hwk_buf_free(&b);
	/* a row of a version 1 file with replaces is one column too many */
	tu_write_str("v1long.csv", HEADER AT "," L1 ",done,,,5,,,06:00,\n");
	set_csv((hwk_assignment *)a, "v1long.csv");
	cap_start();
	is_int(hwk_entries_read(a, &all, &nall), -1, "version 1, a row with replaces: an error");
	is_str(cap_end(), "hwk: v1long.csv:2: the row has 10 columns, not 9\n",
	       "version 1, a row with replaces: message");
	unlink("v1.csv");
	unlink("v2.csv");
	unlink("v1long.csv");
	set_csv((hwk_assignment *)a, ID ".csv");
}

static void test_entry_check(const hwk_assignment *a)
{
	hwk_strs r = row(AT, AT, "done", "", "", "07", "walk, then \"tea\"", "7:05", "06:50");
	is_int(hwk_entry_check(a, &r, 0), 0, "a good row");
	is_str(r.v[5], "7", "mood 07 stored as 7");
	is_str(r.v[6], "walk, then \"tea\"", "text kept");
	is_str(r.v[7], "07:05", "bed 7:05 stored as 07:05");
	is_str(r.v[8], "06:50", "wake kept");
	hwk_strs_free(&r);

	check_row(a, row(AT, "", "done", "", "", "5", "", "", "6:00"), 0, NULL,
		  "an empty logged is allowed");
	check_row(a, row("2026-11-27T20:04:00Z", "2026-11-27T20:04:00Z", "done", "", "", "5", "", "",
			 "6:00"),
		  0, NULL, "UTC times");
	check_row(a, row(AT, AT, "partial", "", "", "", "", "", ""), 0, NULL,
		  "partial: required fields may be empty");
	check_row(a, row(AT, AT, "done", "", "", "", "", "", ""), 1, NULL,
		  "partial_ok: required fields may be empty");
	check_row(a, row(AT, AT, "skipped", "other", "too tired", "", "", "", ""), 0, NULL,
		  "skipped other with a note");
	for (const char *const *reason = hwk_reasons; *reason; reason++) {
		char *why = hwk_xasprintf("skipped with reason %s", *reason);
		check_row(a, row(AT, AT, "skipped", *reason, "n", "", "", "", ""), 0, NULL, why);
		free(why);
	}

	/* 8 columns: one short */
	hwk_strs short_row = {0};
	for (int i = 0; i < 8; i++)
		hwk_strs_push(&short_row, hwk_xstrdup(i == 0 || i == 1 ? AT : i == 2 ? "done" : ""));
	check_row(a, short_row, 0, "hwk: a row of " ID ".csv must have 10 columns, not 8\n",
		  "a column short");
	check_row(a, row("yesterday", AT, "done", "", "", "5", "", "", "6:00"), 0,
		  "hwk: at: yesterday is not a time (2026-11-27T21:04:00+01:00)\n", "a bad at");
	check_row(a, row("", AT, "done", "", "", "5", "", "", "6:00"), 0,
		  "hwk: at:  is not a time (2026-11-27T21:04:00+01:00)\n", "an empty at");
	check_row(a, row(AT, "2026-11-27", "done", "", "", "5", "", "", "6:00"), 0,
		  "hwk: logged: 2026-11-27 is not a time (2026-11-27T21:04:00+01:00)\n",
		  "a bad logged");
	check_row(a, row(AT, AT, "finished", "", "", "5", "", "", "6:00"), 0,
		  "hwk: status: finished is not done, partial or skipped\n", "a bad status");
	check_row(a, row(AT, AT, "Done", "", "", "5", "", "", "6:00"), 0,
		  "hwk: status: Done is not done, partial or skipped\n", "status in capitals");
	check_row(a, row(AT, AT, "skipped", "", "", "", "", "", ""), 0,
		  "hwk: reason: a skipped entry needs a reason (busy, difficult, avoided, forgot, unclear, unsuited, other)\n",
		  "skipped without a reason");
	check_row(a, row(AT, AT, "skipped", "lazy", "", "", "", "", ""), 0,
		  "hwk: reason: lazy is not one of busy, difficult, avoided, forgot, unclear, unsuited, other\n",
		  "an unknown reason");
	check_row(a, row(AT, AT, "done", "busy", "", "5", "", "", "6:00"), 0,
		  "hwk: reason: only a skipped entry has a reason\n", "done with a reason");
	check_row(a, row(AT, AT, "partial", "busy", "", "5", "", "", "6:00"), 0,
		  "hwk: reason: only a skipped entry has a reason\n", "partial with a reason");
	check_row(a, row(AT, AT, "skipped", "other", "", "", "", "", ""), 0,
		  "hwk: reason: other needs a note saying what got in the way (-m NOTE)\n",
		  "other without a note");
	check_row(a, row(AT, AT, "skipped", "busy", "", "5", "", "", ""), 0,
		  "hwk: mood: a skipped entry has no values\n", "skipped with a value");
	check_row(a, row(AT, AT, "skipped", "busy", "", "", "", "", "6:00"), 0,
		  "hwk: wake: a skipped entry has no values\n", "skipped with the last value");
	check_row(a, row(AT, AT, "done", "", "", "", "", "", "6:00"), 0,
		  "hwk: mood: required (Mood 0-10)\n", "a required field with a prompt missing");
	check_row(a, row(AT, AT, "done", "", "", "5", "", "", ""), 0, "hwk: wake: required\n",
		  "a required field without a prompt missing");
	check_row(a, row(AT, AT, "done", "", "", "11", "", "", "6:00"), 0,
		  "hwk: mood: 11 is above the maximum 10\n", "a value above the maximum");
	check_row(a, row(AT, AT, "done", "", "", "5", "", "25:00", "6:00"), 0,
		  "hwk: bed: 25:00 is not a time of day (HH:MM)\n", "a bad time");
	check_row(a, row(AT, AT, "done", "", "bad \xff", "5", "", "", "6:00"), 0,
		  "hwk: note: the text is not valid UTF-8\n", "a note that is not UTF-8");
	check_row(a, row(AT, AT, "done", "", "", "5", "caf\xe9", "", "6:00"), 0,
		  "hwk: what: the text is not valid UTF-8\n", "a value that is not UTF-8");
	ok(hwk_reason_ok("busy") && hwk_reason_ok("other"), "reason_ok: busy, other");
	ok(!hwk_reason_ok("Busy") && !hwk_reason_ok("") && !hwk_reason_ok("sick"),
	   "reason_ok: not Busy, empty or sick");
}

static void test_stamp_day(void)
{
	hwk_day d = 0;
	is_int(hwk_stamp_day("2026-11-27T21:04:00+01:00", &d), 0, "stamp_day of a time");
	is_int(d, ymd(2026, 11, 27), "its date part");
	is_int(hwk_stamp_day("2026-11-27T23:30:00-05:00", &d), 0, "stamp_day west of UTC");
	is_int(d, ymd(2026, 11, 27), "the day it was written in, not the UTC day");
	is_int(hwk_stamp_day("2026-11-27", &d), 0, "a date alone");
	is_int(hwk_stamp_day("2026-11-2", &d), -1, "too short");
	is_int(hwk_stamp_day("", &d), -1, "empty");
	is_int(hwk_stamp_day("2026-13-01T00:00:00Z", &d), -1, "month 13");

	/* an entry's day and at: from the text for a row made by hand, from what was noted
	 * once stamped */
	hwk_entry e = {0};
	hwk_strs_push(&e.cols, hwk_xstrdup("2026-11-27T23:30:00-05:00"));
	time_t t = 0;
	d = 0;
	is_int(hwk_entry_day(&e, &d), 0, "entry_day of a row made by hand");
	is_int(d, ymd(2026, 11, 27), "its date part");
	is_int(hwk_entry_at(&e, &t), 0, "entry_at of a row made by hand");
	is_int(t, 1795840200, "its instant (2026-11-28T04:30:00Z)");
	hwk_entry_stamp(&e);
	free(e.cols.v[0]);
	e.cols.v[0] = hwk_xstrdup("2020-01-01T00:00:00Z"); /* what was noted is what counts */
	is_int(hwk_entry_day(&e, &d), 0, "entry_day once stamped");
	is_int(d, ymd(2026, 11, 27), "the day noted");
	is_int(hwk_entry_at(&e, &t), 0, "entry_at once stamped");
	is_int(t, 1795840200, "the instant noted");
	free(e.cols.v[0]);
	e.cols.v[0] = hwk_xstrdup("27/11/2026");
	hwk_entry_stamp(&e);
	is_int(hwk_entry_day(&e, &d), -1, "not a stamp: no day");
	is_int(hwk_entry_at(&e, &t), -1, "and no at");
	free(e.cols.v[0]);
	e.cols.v[0] = hwk_xstrdup("2026-11-27T25:00:00Z");
	hwk_entry_stamp(&e);
	is_int(hwk_entry_day(&e, &d), 0, "a bad time still has the day of its date part");
	is_int(hwk_entry_at(&e, &t), -1, "but no at");
	hwk_entry_free(&e);
}

/* ---- the big file ---- */

#define NROWS 5000
#define NDAYS 60

static uint32_t rng = 777u;

static uint32_t next_rand(void)
{
	return tu_rand32(&rng);
}

/* Stamps as hwk writes them: the zone's offset (Europe/Berlin: +02:00 until 25 Oct). */
static char *stamp(hwk_day day, int minute)
{
	char d[16];
	hwk_day_format(day, d);
	return hwk_xasprintf("%sT%02d:%02d:00%s", d, minute / 60, minute % 60,
			     day < ymd(2026, 10, 25) ? "+02:00" : "+01:00");
}

typedef struct {
	hwk_day at_day;
	const char *status;
} gen_info;

static void test_big(hwk_assignment *a)
{
	static const char *const notes[] = {
		/* lines that look like rows, in a quoted note */
		"x\n2026-11-27T09:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,5,,,07:00\n",
		"\"\n\"",
		"he said \"stop\"\nand I did,\n\"then\"",
		"\n\n",
		"a,b",
		"\"",
		"\"\"\n\"\",\"\"\n",
		"2026-10-01T00:00:00+02:00,2026-10-01T00:00:00+02:00,skipped,busy,\"\n",
		"caf\xc3\xa9 \xf0\x9f\x99\x82\r\nCRLF inside",
	};
	hwk_buf file = {0};
	hwk_buf_adds(&file, HEADER_V2);
	hwk_entry *gen = hwk_xcalloc(NROWS, sizeof *gen);
	gen_info *info = hwk_xcalloc(NROWS, sizeof *info);
	hwk_day d0 = ymd(2026, 10, 1);
	int prev_day = -1, k = 0;
	size_t scanned = 0, lines_before = 0;
	for (int i = 0; i < NROWS; i++) {
		int day = i * NDAYS / NROWS; /* 0 .. 59: 83 or 84 rows a day */
		k = day == prev_day ? k + 1 : 0;
		prev_day = day;
		char *logged = stamp(d0 + day, 6 * 60 + k * 10); /* 06:00 + 10 min per row */
		/* every 5th entry was logged late: it happened the evening before */
		char *at = i % 5 == 4 ? stamp(d0 + day - 1, 21 * 60) : hwk_xstrdup(logged);
		info[i].at_day = d0 + day - (i % 5 == 4);
		const char *status = i % 10 == 3 ? "skipped" : i % 10 == 7 ? "partial" : "done";
		info[i].status = status;
		int skipped = i % 10 == 3;
		const char *note = i % 3 == 0 ? notes[next_rand() % (sizeof notes / sizeof *notes)] : "";
		char mood[8];
		snprintf(mood, sizeof mood, "%u", next_rand() % 11);
		const char *v[NCOLS] = {
			at, logged, status, skipped ? "forgot" : "", note, skipped ? "" : mood,
			skipped || i % 4 ? "" : "walk, \"tea\"\nthen bed", skipped ? "" : "23:10",
			skipped ? "" : "06:40",
		};
		/* its first line: 1 + the LFs before it (the header's included) */
		for (size_t c = scanned; c < file.len; c++)
			lines_before += file.s[c] == '\n';
		scanned = file.len;
		gen[i].line = lines_before + 1;
		/* every other row written before replaces was added: one column short */
		const char *full[NCOLS + 1];
		memcpy(full, v, sizeof v);
		full[NCOLS] = "";
		hwk_csv_row(&file, full, NCOLS + (i % 2));
		for (int c = 0; c <= NCOLS; c++)
			hwk_strs_push(&gen[i].cols, hwk_xstrdup(full[c]));
		free(at);
		free(logged);
	}
	tu_write_file(ID ".csv", file.s, file.len);
	set_csv(a, ID ".csv");

	/* the full read gives back exactly what was written */
	hwk_entry *all;
	size_t nall;
	cap_start();
	int rc = hwk_entries_read(a, &all, &nall);
	const char *msg = cap_end();
	is_int(rc, 0, "big file: read in full");
	is_str(msg, "", "big file: no message");
	is_int(nall, NROWS, "big file: %d rows", NROWS);
	size_t same = 0, same_line = 0;
	for (size_t i = 0; i < nall && i < NROWS; i++) {
		same += same_row(&all[i], &gen[i], 1);
		same_line += all[i].line == gen[i].line;
	}
	is_int(same, NROWS, "big file: every row as written");
	is_int(same_line, NROWS, "big file: every row's first line right (the last on %zu)",
	       gen[NROWS - 1].line);

	/* the tail for days around the start, every 5th day, and each of the last days */
	size_t bad = 0, tried = 0, got, need;
	for (hwk_day since = d0 - 2; since <= d0 + NDAYS + 1;
	     since += since < d0 + 2 || since >= d0 + NDAYS - 8 ? 1 : 5, tried++)
		bad += !tail_ok(a, all, nall, since, &got, &need);
	is_int(bad, 0, "tail for %zu days from 2 days before the first row to 2 days after the last: all the rows logged since, identical",
	       tried);
	/* the cost follows what is asked for: the last day (day 59) holds the rows i with
	 * i x 60 / 5000 = 59, i = 4917 .. 4999: 83 rows */
	ok(tail_ok(a, all, nall, d0 + NDAYS - 1, &got, &need) && need == 83 && got < 1000,
	   "tail of the last day: %zu rows needed, %zu read (not the whole file)", need, got);
	ok(tail_ok(a, all, nall, d0 + NDAYS + 5, &got, &need) && need == 0 && got < 1000,
	   "tail after the last day: nothing needed, %zu read", got);

	/* counts by the day each entry happened (at), per Monday week, against the generator */
	size_t wrong = 0;
	for (hwk_day ws = hwk_week_start(d0, 0); ws < d0 + NDAYS; ws += 7) {
		long want_done = 0, want_partial = 0, want_skipped = 0;
		for (int i = 0; i < NROWS; i++) {
			if (info[i].at_day < ws || info[i].at_day > ws + 6)
				continue;
			want_done += !strcmp(info[i].status, "done");
			want_partial += !strcmp(info[i].status, "partial");
			want_skipped += !strcmp(info[i].status, "skipped");
		}
		long done, partial, skipped;
		hwk_entries_count(all, nall, ws, ws + 6, &done, &partial, &skipped);
		wrong += done != want_done || partial != want_partial || skipped != want_skipped;
	}
	is_int(wrong, 0, "entries_count per week matches the generated entries");

	/* a torn last row (no final LF): the tail falls back to reading it all */
	hwk_buf torn = {0};
	hwk_buf_add(&torn, file.s, file.len);
	hwk_buf_adds(&torn, "2026-11-29T22:00:00+01:00,2026-11-29T22:00:00+01:00,done,,\"last\nrow\",9,,,07:00");
	tu_write_file("torn.csv", torn.s, torn.len);
	set_csv(a, "torn.csv");
	hwk_entry *all2;
	size_t nall2;
	is_int(hwk_entries_read(a, &all2, &nall2), 0, "torn file: read in full");
	is_int(nall2, NROWS + 1, "torn file: the last row counts");
	is_str(nall2 == NROWS + 1 ? all2[NROWS].cols.v[4] : NULL, "last\nrow", "torn file: its note");
	bad = 0;
	for (hwk_day since = d0 + NDAYS - 3; since <= d0 + NDAYS + 1; since++)
		bad += !tail_ok(a, all2, nall2, since, &got, &need);
	is_int(bad, 0, "torn file: the tail has every row since, the torn one too");
	hwk_entry_rows_free(all2, nall2);

	/* a torn row cut inside its columns: an error naming its line */
	hwk_buf_reset(&torn);
	hwk_buf_add(&torn, file.s, file.len);
	hwk_buf_adds(&torn, "2026-11-29T22:00:00+01:00,2026-11-2");
	tu_write_file("cut.csv", torn.s, torn.len);
	set_csv(a, "cut.csv");
	size_t lines = 1;
	for (size_t i = 0; i < file.len; i++)
		lines += file.s[i] == '\n';
	hwk_entry *rows;
	size_t n;
	cap_start();
	rc = hwk_entries_tail(a, d0 + NDAYS - 1, &rows, &n);
	msg = cap_end();
	char *want = hwk_xasprintf("hwk: cut.csv:%zu: the row has 2 columns, not 10\n", lines);
	is_int(rc, -1, "cut row: the tail fails");
	is_str(msg, want, "cut row: the message names its line (%zu)", lines);
	free(want);
	if (rc == 0)
		hwk_entry_rows_free(rows, n);
	hwk_buf_free(&torn);

	hwk_entry_rows_free(all, nall);
	hwk_entry_rows_free(gen, NROWS);
	free(info);
	hwk_buf_free(&file);
	unlink(ID ".csv");
	unlink("torn.csv");
	unlink("cut.csv");
}

/* ---- small files ---- */

static void test_small(hwk_assignment *a)
{
	hwk_entry *rows = (hwk_entry *)1, *all;
	size_t n = 99, nall, got, need;
	hwk_day nov27 = ymd(2026, 11, 27);

	set_csv(a, "none.csv");
	is_int(hwk_entries_tail(a, nov27, &rows, &n), 0, "no file: tail 0");
	ok(rows == NULL && n == 0, "no file: no rows");
	hwk_entries *r = (hwk_entries *)1;
	is_int(hwk_entries_open(a, 1, &r), 0, "no file: open 0");
	ok(r == NULL, "no file: no reader");
	hwk_entry e = {0};
	is_int(hwk_entries_next(r, &e), 0, "no file: next 0");

	tu_write_str("empty.csv", "");
	set_csv(a, "empty.csv");
	is_int(hwk_entries_tail(a, nov27, &rows, &n), 0, "empty file: tail 0");
	is_int(n, 0, "empty file: no rows");
	hwk_entry_rows_free(rows, n);

	tu_write_str("header.csv", HEADER);
	set_csv(a, "header.csv");
	is_int(hwk_entries_tail(a, nov27, &rows, &n), 0, "header only: tail 0");
	is_int(n, 0, "header only: no rows");
	hwk_entry_rows_free(rows, n);
	is_int(hwk_entries_tail(a, HWK_DAY_NONE + 10, &rows, &n), 0, "header only, since long ago");
	is_int(n, 0, "header only: still no rows");
	hwk_entry_rows_free(rows, n);

	tu_write_str("header-nolf.csv", "at,logged,status,reason,note,mood,what,bed,wake");
	set_csv(a, "header-nolf.csv");
	is_int(hwk_entries_tail(a, nov27, &rows, &n), 0, "header without LF: tail 0");
	is_int(n, 0, "header without LF: no rows");
	hwk_entry_rows_free(rows, n);

	tu_write_str("one.csv", HEADER AT "," AT ",done,,\"a\nb\",5,,,06:00\n");
	set_csv(a, "one.csv");
	is_int(hwk_entries_read(a, &all, &nall), 0, "one row: read in full");
	is_int(nall, 1, "one row");
	ok(tail_ok(a, all, nall, nov27, &got, &need) && need == 1 && got == 1,
	   "one row: the tail of its day has it");
	ok(tail_ok(a, all, nall, nov27 - 30, &got, &need) && need == 1 && got == 1,
	   "one row: the tail of a month before has it");
	ok(tail_ok(a, all, nall, nov27 + 1, &got, &need) && need == 0,
	   "one row: the tail of the next day (%zu rows)", got);
	hwk_entry_rows_free(all, nall);

	/* one row without its LF */
	tu_write_str("one-nolf.csv", HEADER AT "," AT ",done,,,5,,,06:00");
	set_csv(a, "one-nolf.csv");
	is_int(hwk_entries_read(a, &all, &nall), 0, "one row without LF: read in full");
	is_int(nall, 1, "one row without LF");
	ok(tail_ok(a, all, nall, nov27, &got, &need) && got == 1, "one row without LF: tail has it");
	hwk_entry_rows_free(all, nall);

	int rc;
	/* a byte order mark before a row (not at the file's start) is data to the full
	 * read; the tail, whose block starts at that row, must read it the same */
	tu_write_str("bom-row.csv", HEADER "\xef\xbb\xbf" AT "," AT ",done,,,5,,,06:00\n"
				    AT "," AT ",done,,,6,,,06:00\n");
	set_csv(a, "bom-row.csv");
	is_int(hwk_entries_read(a, &all, &nall), 0, "a BOM before row 1: read in full");
	is_int(nall, 2, "a BOM before row 1: two rows");
	ok(nall == 2 && !strncmp(all[0].cols.v[0], "\xef\xbb\xbf", 3),
	   "a BOM before row 1: the full read keeps it in the row's at");
	ok(tail_ok(a, all, nall, nov27 - 30, &got, &need) && got == 2,
	   "a BOM before row 1: the tail gives the same rows");
	hwk_entry_rows_free(all, nall);

	/* a CR inside the header's line ends the header: a row follows on that line, which
	 * the tail must not skip with the header */
	tu_write_str("cr-head.csv", "at,logged,status,reason,note,mood,what,bed,wake\r"
				    AT "," AT ",done,,,5,,,06:00\n" AT "," AT ",done,,,6,,,06:00\r\n");
	set_csv(a, "cr-head.csv");
	is_int(hwk_entries_read(a, &all, &nall), 0, "a row after a CR on the header's line: read in full");
	is_int(nall, 2, "a row after a CR on the header's line: two rows");
	ok(tail_ok(a, all, nall, nov27, &got, &need) && got == 2,
	   "a row after a CR on the header's line: the tail has both");
	hwk_entry_rows_free(all, nall);

	/* a quoted at holding ",2026-11-01T..." at byte 25 is not a row logged on
	 * 2026-11-01: the tail must not stop there and miss the row before it */
	tu_write_str("quoted-at.csv", HEADER
		     "2026-11-20T09:00:00+01:00,2026-11-20T09:00:00+01:00,done,,,5,,,06:00\n"
		     AT "," AT ",done,,,5,,,06:00\n"
		     "\"xxxxxxxxxxxxxxxxxxxxxxxx,2026-11-01T09:00:00+01:00\"," AT ",done,,,5,,,06:00\n"
		     AT "," AT ",done,,,6,,,06:00\n");
	set_csv(a, "quoted-at.csv");
	is_int(hwk_entries_read(a, &all, &nall), 0, "a quoted at with a date inside: read in full");
	is_int(nall, 4, "a quoted at with a date inside: four rows");
	ok(tail_ok(a, all, nall, nov27, &got, &need) && need == 3 && got >= 3,
	   "a quoted at with a date inside: the tail has the three rows logged on the day");
	hwk_entry_rows_free(all, nall);

	/* a NUL byte in a field is refused by both readers, naming the line */
	static const char nul_csv[] = HEADER AT "," AT ",done,,,5,,,06:00\n"
				      AT "," AT ",done,,a\0b,5,,,06:00\n";
	tu_write_file("nul.csv", nul_csv, sizeof nul_csv - 1);
	set_csv(a, "nul.csv");
	cap_start();
	rc = hwk_entries_read(a, &all, &nall);
	is_str(cap_end(), "hwk: nul.csv:3:60: a NUL byte (the text of a field cannot hold one)\n",
	       "a NUL byte: the full read names FILE:LINE:COL");
	is_int(rc, -1, "a NUL byte: the full read fails");
	cap_start();
	rc = hwk_entries_tail(a, nov27, &all, &nall);
	is_str(cap_end(), "hwk: nul.csv:3:60: a NUL byte (the text of a field cannot hold one)\n",
	       "a NUL byte: the tail says the same");
	is_int(rc, -1, "a NUL byte: the tail fails");

	/* reading errors name the file and line */
	tu_write_str("badhead.csv", "at,logged,status,reason,note,mood,what,bed\n");
	set_csv(a, "badhead.csv");
	cap_start();
	rc = hwk_entries_open(a, 1, &r);
	is_str(cap_end(),
	       "hwk: badhead.csv:1:1: the header must be at,logged,status,reason,note followed by the fields (mood, what, bed, wake) and replaces\n",
	       "a wrong header: message");
	is_int(rc, -1, "a wrong header: -1");

	tu_write_str("badrow.csv", HEADER AT "," AT ",done,,,5,,,06:00\n" AT ",x\n");
	set_csv(a, "badrow.csv");
	is_int(hwk_entries_open(a, 1, &r), 0, "bad row file opens");
	is_int(hwk_entries_next(r, &e), 1, "its first row");
	is_int(e.line, 2, "on line 2");
	cap_start();
	rc = hwk_entries_next(r, &e);
	is_str(cap_end(), "hwk: badrow.csv:3: the row has 2 columns, not 9\n",
	       "a short row: message");
	is_int(rc, -1, "a short row: -1");
	hwk_entry_free(&e);
	hwk_entries_close(r);

	tu_write_str("badquote.csv", HEADER AT "," AT ",done,,x\"y,5,,,06:00\n");
	set_csv(a, "badquote.csv");
	is_int(hwk_entries_open(a, 1, &r), 0, "bad quote file opens");
	cap_start();
	rc = hwk_entries_next(r, &e);
	is_str(cap_end(),
	       "hwk: badquote.csv:2:60: bad quoting (a quote must open a field, and quotes inside one are doubled)\n",
	       "a stray quote: message with line and column");
	is_int(rc, -1, "a stray quote: -1");
	hwk_entry_free(&e);
	hwk_entries_close(r);

	/* the header alone, checked from the first line only */
	static const struct {
		const char *file, *text, *msg;
	} heads[] = {
		{"none.csv", NULL, ""},
		{"empty.csv", "", ""},
		{"header.csv", HEADER, ""},
		{"one.csv", NULL, ""},
		{"h-crlf.csv", "at,logged,status,reason,note,mood,what,bed,wake\r\nx\r\n", ""},
		{"h-bom.csv", "\xef\xbb\xbf" HEADER, ""},
		{"h-quoted.csv", "\"at\",logged,status,reason,note,mood,what,bed,wake\n", ""},
		{"badhead.csv", NULL,
		 "hwk: badhead.csv:1:1: the header must be at,logged,status,reason,note followed by the fields (mood, what, bed, wake) and replaces\n"},
		{"h-extra.csv", HEADER_EXTRA,
		 "hwk: h-extra.csv:1:1: the header must be at,logged,status,reason,note followed by the fields (mood, what, bed, wake) and replaces\n"},
		{"h-order.csv", "at,logged,status,reason,note,what,mood,bed,wake\n",
		 "hwk: h-order.csv:1:1: the header must be at,logged,status,reason,note followed by the fields (mood, what, bed, wake) and replaces\n"},
	};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
		if (heads[i].text)
			tu_write_str(heads[i].file, heads[i].text);
		set_csv(a, heads[i].file);
		cap_start();
		rc = hwk_entries_check_header(a, 0);
		const char *m = cap_end();
		is_int(rc, *heads[i].msg ? -1 : 0, "check_header %s", heads[i].file);
		is_str(m, heads[i].msg, "check_header %s: message", heads[i].file);
	}

	static const char *const files[] = {"h-crlf.csv", "h-bom.csv", "h-quoted.csv", "h-extra.csv",
					    "h-order.csv",
					    "empty.csv", "header.csv", "header-nolf.csv", "one.csv",
					    "one-nolf.csv", "badhead.csv", "badrow.csv",
					    "badquote.csv", "bom-row.csv", "nul.csv", "cr-head.csv", "quoted-at.csv", NULL};
	for (const char *const *f = files; *f; f++)
		unlink(*f);
}

/* ---- a file read whole from its end ---- */

/* The tail for since of a file none of whose rows is older must be what the full read
 * gives, in the corrected view: the same rows, columns and lines, and the same message. */
static int tail_whole_ok(const hwk_assignment *a, hwk_day since, size_t want, const char *why)
{
	hwk_entry *all, *rows;
	size_t nall = 0, n = 0;
	cap_start();
	int rc1 = hwk_entries_read(a, &all, &nall);
	char *m1 = hwk_xstrdup(cap_end());
	if (rc1 == 0)
		hwk_entries_resolve(all, &nall);
	cap_start();
	int rc2 = hwk_entries_tail(a, since, &rows, &n);
	const char *m2 = cap_end();
	int good = rc1 == rc2 && !strcmp(m1, m2) && (rc1 < 0 || (n == nall && n == want));
	for (size_t i = 0; good && rc1 == 0 && i < n; i++)
		good = same_row(&rows[i], &all[i], 0) && rows[i].line == all[i].line &&
		       rows[i].line > 1;
	if (!good)
		fprintf(stderr, "# %s: read %d (%zu rows, '%s'), tail %d (%zu rows, '%s')\n", why,
			rc1, nall, m1, rc2, n, m2);
	free(m1);
	if (rc1 == 0)
		hwk_entry_rows_free(all, nall);
	if (rc2 == 0)
		hwk_entry_rows_free(rows, n);
	return good;
}

static void test_tail_whole(hwk_assignment *a)
{
	hwk_day since = ymd(2026, 11, 1);
	/* every row newer than since: a note over two lines, a correction of the first
	 * entry, a withdrawal of the second */
	tu_write_str("whole.csv", HEADER_V2 AT "," L1 ",done,,\"two\nlines\",5,,,06:00,\n"
			       AT "," L2 ",done,,,6,,,06:00,\n"
			       AT "," L3 ",done,,,7,,,06:00," L1 "\n"
			       AT "," L4 ",withdrawn,,,,,,," L2 "\n"
			       AT "," L5 ",partial,,,,,,07:00,\n");
	set_csv(a, "whole.csv");
	ok(tail_whole_ok(a, since, 2, "first read"),
	   "whole from the tail, never seen in order: the full read's rows and corrected view");
	ok(tail_whole_ok(a, since, 2, "seen in order"),
	   "whole from the tail, seen in order (its one block reaches the start): the same");

	/* longer than the first blocks: the block grows to the start of the file */
	hwk_buf b = {0};
	hwk_buf_adds(&b, HEADER_V2);
	for (int i = 0; i < 200; i++)
		hwk_buf_printf(&b, AT ",2026-11-%02dT%02d:00:00+01:00,done,,note %d padded to make the file long,%d,,,06:00,%s\n",
			       10 + i / 24, i % 24, i, i % 11,
			       i == 199 ? "2026-11-10T00:00:00+01:00" : "");
	tu_write_file("whole-long.csv", b.s, b.len);
	hwk_buf_free(&b);
	set_csv(a, "whole-long.csv");
	ok(tail_whole_ok(a, since, 199, "long, first read"),
	   "a long file, never seen in order: the full read's rows, the corrected one replaced");
	ok(tail_whole_ok(a, since, 199, "long, seen in order"),
	   "a long file, seen in order (blocks grown to its start): the same");

	/* version 1 (no replaces column): read as the full read reads it */
	tu_write_str("whole-v1.csv", HEADER AT "," L1 ",done,,,5,,,06:00\n" AT "," L2 ",done,,,6,,,06:00\n");
	set_csv(a, "whole-v1.csv");
	ok(tail_whole_ok(a, since, 2, "v1") && tail_whole_ok(a, since, 2, "v1 again"),
	   "a file of version 1 read whole from the tail: the full read's rows");

	/* a wrong header is refused with the full read's message */
	tu_write_str("whole-badhead.csv", "at,logged,status,reason,note,mood,what,wake\n"
					  AT "," L1 ",done,,,5,,06:00\n");
	set_csv(a, "whole-badhead.csv");
	ok(tail_whole_ok(a, since, 0, "bad header"),
	   "a wrong header read whole from the tail: the full read's message");
	cap_start();
	hwk_entry *rows;
	size_t n;
	is_int(hwk_entries_tail(a, since, &rows, &n), -1, "a wrong header: the tail fails");
	is_str(cap_end(),
	       "hwk: whole-badhead.csv:1:1: the header must be at,logged,status,reason,note followed by the fields (mood, what, bed, wake) and replaces\n",
	       "a wrong header: the tail's message");

	static const char *const files[] = {"whole.csv", "whole-long.csv", "whole-v1.csv",
					    "whole-badhead.csv", NULL};
	for (const char *const *f = files; *f; f++)
		unlink(*f);
	set_csv(a, ID ".csv");
}

/* An assignment with many long field names: its header is longer than any small read. */
static void test_long_header(void)
{
	hwk_buf y = {0};
	hwk_buf_adds(&y, "id: 2026-10-02-wide-0001\nclient: alex\ntype: wide\nevery: day\n"
			"start: 2026-10-02\nstatus: active\nfields:\n");
	/* 130 fields of 32 characters: "at,logged,status,reason,note" (28 bytes), then
	 * 130 x (a comma and 32) = 4290, ",replaces" (9) and the LF: 4328 bytes of header */
	for (int i = 0; i < 130; i++)
		hwk_buf_printf(&y, "- {name: f%03d_abcdefghijklmnopqrstuvwxyz0, type: text}\n", i);
	tu_write_str("2026-10-02-wide-0001.yaml", y.s);
	hwk_buf_free(&y);
	hwk_assignment w;
	if (hwk_assignment_load("2026-10-02-wide-0001.yaml", &w) < 0) {
		ok(0, "the wide assignment loads");
		unlink("2026-10-02-wide-0001.yaml");
		return;
	}
	char *h = hwk_entries_header(&w);
	is_int(strlen(h), 4328, "a header of 4328 bytes");
	hwk_buf f = {0};
	hwk_buf_adds(&f, h);
	hwk_buf_adds(&f, AT "," AT ",done,,");
	for (int i = 0; i < 130; i++)
		hwk_buf_adds(&f, ",x");
	hwk_buf_adds(&f, "\n");
	tu_write_file(w.csv_path, f.s, f.len);
	cap_start();
	int rc = hwk_entries_check_header(&w, 0);
	const char *msg = cap_end();
	is_int(rc, 0, "check_header accepts the right header, however long");
	ok(!strcmp(msg, ""), "check_header of a long header: no message (got %zu bytes)", strlen(msg));
	hwk_entry *all;
	size_t n;
	is_int(hwk_entries_read(&w, &all, &n), 0, "the wide file reads in full");
	is_int(n, 1, "one row");
	hwk_entry_rows_free(all, n);
	unlink(w.csv_path);
	unlink("2026-10-02-wide-0001.yaml");
	free(h);
	hwk_buf_free(&f);
	hwk_assignment_free(&w);
}

static void test_count(void)
{
	/* statuses by the day they happened (at); logged does not matter */
	static const char *const data[][3] = {
		{"2026-11-23T08:00:00+01:00", "2026-11-23T08:00:00+01:00", "done"},
		{"2026-11-23T20:00:00+01:00", "2026-11-23T20:00:00+01:00", "partial"},
		{"2026-11-24T09:00:00+01:00", "2026-11-24T09:00:00+01:00", "skipped"},
		{"2026-11-22T23:59:00+01:00", "2026-11-23T07:00:00+01:00", "done"},  /* Sun before */
		{"2026-11-30T00:00:00+01:00", "2026-11-30T00:00:00+01:00", "done"},  /* Mon after */
		{"2026-11-29T23:59:00+01:00", "2026-11-29T23:59:00+01:00", "partial"},
		{"2026-11-20T10:00:00+01:00", "2026-11-24T10:00:00+01:00", "done"},  /* logged late */
		{"garbage", "2026-11-24T10:00:00+01:00", "done"},                    /* no day */
		{"2026-11-25T10:00:00+01:00", "2026-11-25T10:00:00+01:00", "weird"}, /* no status */
		{"2026-11-23T23:30:00-08:00", "2026-11-23T23:30:00-08:00", "done"},  /* its own day */
	};
	size_t n = sizeof data / sizeof *data;
	hwk_entry *rows = hwk_xcalloc(n, sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		for (int c = 0; c < 3; c++)
			hwk_strs_push(&rows[i].cols, hwk_xstrdup(data[i][c]));
		for (int c = 3; c < NCOLS; c++)
			hwk_strs_push(&rows[i].cols, hwk_xstrdup(""));
	}
	long d = -1, p = -1, s = -1;
	/* Mon 23 .. Sun 29: done 23 08:00 and 23 23:30-08:00; partial 23, 29; skipped 24 */
	hwk_entries_count(rows, n, ymd(2026, 11, 23), ymd(2026, 11, 29), &d, &p, &s);
	ok(d == 2 && p == 2 && s == 1, "week of 23 Nov: 2 done, 2 partial, 1 skipped (%ld %ld %ld)", d,
	   p, s);
	hwk_entries_count(rows, n, ymd(2026, 11, 23), ymd(2026, 11, 23), &d, &p, &s);
	ok(d == 2 && p == 1 && s == 0, "Monday 23: 2 done, 1 partial (%ld %ld %ld)", d, p, s);
	/* Sun 22 .. Mon 30 adds the Sunday and Monday ones */
	hwk_entries_count(rows, n, ymd(2026, 11, 22), ymd(2026, 11, 30), &d, &p, &s);
	ok(d == 4 && p == 2 && s == 1, "22 to 30 Nov: 4 done, 2 partial, 1 skipped (%ld %ld %ld)", d,
	   p, s);
	/* the late one counts on the day it happened */
	hwk_entries_count(rows, n, ymd(2026, 11, 20), ymd(2026, 11, 20), &d, &p, &s);
	ok(d == 1 && p == 0 && s == 0, "20 Nov: the entry logged late (%ld %ld %ld)", d, p, s);
	hwk_entries_count(rows, n, ymd(2026, 12, 1), ymd(2026, 12, 31), &d, &p, &s);
	ok(d == 0 && p == 0 && s == 0, "December: nothing");
	hwk_entries_count(rows, 0, ymd(2026, 1, 1), ymd(2026, 12, 31), &d, &p, &s);
	ok(d == 0 && p == 0 && s == 0, "no rows: zeros");
	hwk_entry_rows_free(rows, n);
}

int main(void)
{
	tu_enter_temp("entries", NULL);
	hwk_err_setcmd(NULL);
	tu_write_str(ID ".yaml", assignment_yaml);
	hwk_assignment a;
	cap_start();
	int rc = hwk_assignment_load(ID ".yaml", &a);
	const char *msg = cap_end();
	is_int(rc, 0, "the assignment loads");
	is_str(msg, "", "no message");
	if (rc == 0) {
		is_str(a.csv_path, ID ".csv", "its entries file");
		is_int(a.fields.n, 4, "four fields");
		test_entry_check(&a);
		test_resolve(&a);
		test_stamp_day();
		test_big(&a);
		test_small(&a);
		test_tail_whole(&a);
		hwk_assignment_free(&a);
	}
	test_count();
	test_long_header();
	unlink(ID ".yaml");
	tu_leave_temp();
	return tap_done();
}
