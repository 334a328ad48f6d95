/* Unit tests for lib/merge.c: the entries merge on hand cases (rows of both sides once,
 * in logged order as instants, the header rules, every conflict) and on many random
 * diverged histories (sorted, every row once, the same whichever side merges, merging
 * again changes nothing); the assignment merge key by key, its histories united, and
 * its conflicts. */
#define _GNU_SOURCE

#include "merge.h"
#include "assignment.h"
#include "csvfile.h"
#include "date.h"
#include "err.h"
#include "tap.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/* ---- entries ---- */

#define H "at,logged,status,reason,note,x\n"
#define HR "at,logged,status,reason,note,x,replaces\n"

static int me(const char *o, const char *a, const char *b, char **res, char **why)
{
	hwk_buf out = {0};
	*why = NULL;
	int rc = hwk_merge_entries(o, strlen(o), a, strlen(a), b, strlen(b), &out, why);
	*res = out.s ? out.s : hwk_xstrdup("");
	return rc;
}

/* merged as want, and the same with the sides swapped */
static void merges_to(const char *o, const char *a, const char *b, const char *want,
		      const char *what)
{
	char *r1, *r2, *w1, *w2;
	int rc1 = me(o, a, b, &r1, &w1), rc2 = me(o, b, a, &r2, &w2);
	is_int(rc1, HWK_MERGE_OK, "%s: merged", what);
	if (rc1)
		fprintf(stderr, "#   why: %s\n", w1 ? w1 : "");
	is_str(r1, want, "%s: the rows", what);
	is_int(rc2, HWK_MERGE_OK, "%s, sides swapped: merged", what);
	is_str(r2, want, "%s, sides swapped: the same file", what);
	free(r1);
	free(r2);
	free(w1);
	free(w2);
}

static void conflicts(const char *o, const char *a, const char *b, const char *why_want,
		      const char *what)
{
	char *r, *why;
	int rc = me(o, a, b, &r, &why);
	is_int(rc, HWK_MERGE_CONFLICT, "%s: a conflict", what);
	is_str(why, why_want, "%s: what conflicts", what);
	free(r);
	free(why);
	rc = me(o, b, a, &r, &why);
	is_int(rc, HWK_MERGE_CONFLICT, "%s, sides swapped: a conflict too", what);
	free(r);
	free(why);
}

#define R1 "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,1\n"
#define R2 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,,2\n"
#define R3 "2026-11-30T07:10:00+01:00,2026-11-30T07:12:00+01:00,skipped,busy,,\n"
/* logged 08:30Z: after R4's 09:00+01:00 (08:00Z), before R5's 10:00+01:00 (09:00Z) */
#define R4 "2026-12-01T09:00:00+01:00,2026-12-01T09:00:00+01:00,done,,,4\n"
#define R5 "2026-12-01T10:00:00+01:00,2026-12-01T10:00:00+01:00,done,,,5\n"
#define RZ "2026-12-01T08:30:00Z,2026-12-01T08:30:00Z,done,,,z\n"

static void test_entries_hand(void)
{
	merges_to(H R1, H R1 R2, H R1 R3, H R1 R2 R3, "rows appended on both sides");
	merges_to(H R1, H R1 R5 R4, H R1 RZ, H R1 R4 RZ R5,
		  "sorted by logged as instants, offsets differing, whatever the side's order");
	merges_to(H R1, H R1 R2, H R1 R2, H R1 R2, "a row added on both sides: once");
	merges_to(H R1, H R1 R2 R2, H R1 R2, H R1 R2 R2,
		  "a row one side added twice: twice");
	merges_to(H R1 R2, H R2, H R1 R2 R3, H R2 R3, "a row one side removed: removed");
	merges_to(H R1 R1, H R1 R1 R1, H R1 R1, H R1 R1 R1, "an added copy of a row kept");
	merges_to(H R1, H R1, H R1, H R1, "nothing changed");
	merges_to("", H R2, H R1, H R1 R2, "a file both sides added: no base");
	merges_to("", "", H R1, H R1, "one side empty");
	merges_to("", "", "", "", "all empty");
	merges_to(H, H, H R1, H R1, "the first row");
	merges_to(H R1, H R1 R2, H R1 RZ, H R1 R2 RZ, "a row without a LF at its end");
	/* rows written back as hwk writes them: quotes only where needed */
	merges_to(H, H "\"2026-11-28T07:10:00+01:00\",2026-11-28T07:12:00+01:00,done,,\"plain\",1\n",
		  H, H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,plain,1\n",
		  "needless quotes dropped");
	merges_to(H, H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,\"two\nlines, \"\"quoted\"\"\",1\n",
		  H R2,
		  H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,\"two\nlines, \"\"quoted\"\"\",1\n" R2,
		  "a note over two lines, commas and quotes");
	merges_to(H, "\xef\xbb\xbf" H R1, H R1, H R1, "a byte order mark is no difference");
	merges_to(H R1, H R1 "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n",
		  H R1, H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n" R1,
		  "the same logged: ties by the row's bytes");
	merges_to(H R1 "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n",
		  H R1 "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n",
		  H R1 "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n",
		  H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,,0\n" R1,
		  "a file out of order comes out in order");

	/* headers */
	merges_to(H R1, HR R1 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,,2,\n",
		  H R1 R3,
		  HR R1 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,,2,\n" R3,
		  "one header with replaces: that one, shorter rows as they are");
	conflicts(H R1, H R1 R2, "at,logged,status,reason,note,y\n" R3,
		  "the headers differ (ours at,logged,status,reason,note,x, theirs "
		  "at,logged,status,reason,note,y)", "different fields");
	conflicts(H, H, "at,logged,status,reason,note,x,replaces,more\n",
		  "the headers differ (ours at,logged,status,reason,note,x, theirs "
		  "at,logged,status,reason,note,x,replaces,more)", "more than replaces added");
	conflicts(H, H, "at,logged,status,reason,note,x,y\n",
		  "the headers differ (ours at,logged,status,reason,note,x, theirs "
		  "at,logged,status,reason,note,x,y)", "a field added: no guess");
	conflicts(H, "a,b\n", H, "ours line 1: not an entries header (at,logged,status,reason,note,...)",
		  "not an entries file");

	/* rows that cannot be taken */
	conflicts(H R1, H R1 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,\"bad\"x,1\n",
		  H R1 R2, "ours line 3: not a CSV record hwk can read", "bad quoting");
	conflicts(H R1, H R1, H R1 R2 "2026-11-29T07:10:00+01:00,yesterday,done,,,1\n",
		  "theirs line 4: 'logged' is not a time", "a logged that is not a time");
	conflicts(H R1, H R1 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,,1,2\n",
		  H R1, "ours line 3: the row has 7 columns, the header 6", "a row too long");
	conflicts(H R1, H R1 "2026-11-29T07:10:00+01:00,2026-11-29T07:12:00+01:00,done,,\n",
		  H R1, "ours line 3: the row has 5 columns, the header 6",
		  "a row short without replaces");
	conflicts(H R1, H "<<<<<<< ours\n" R2 "=======\n" R3 ">>>>>>> theirs\n", H R1,
		  "ours holds git conflict markers (line 2)", "conflict markers");
	merges_to(H, H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,\"a\n=======\nb\",1\n",
		  H, H "2026-11-28T07:10:00+01:00,2026-11-28T07:12:00+01:00,done,,\"a\n=======\nb\",1\n",
		  "a marker-like line inside a quoted note is data");
	conflicts(H "\"open\n", H R1, H R2, "base line 2: not a CSV record hwk can read",
		  "a bad base");
}

/* ---- entries: random diverged histories ---- */

static uint32_t seed = 20261203;

static void random_row(hwk_buf *b, int replaces, unsigned serial)
{
	static const char *const offs[] = {"+01:00", "+00:00", "Z", "-05:00", "+05:30",
					   "+14:00", "-11:00"};
	static const char *const notes[] = {"", "plain", "a, comma", "\"quoted\"",
					    "two\nlines", " spaced "};
	char logged[40], at[40];
	unsigned day = 1 + tu_rand32(&seed) % 28, h = tu_rand32(&seed) % 24,
		 m = tu_rand32(&seed) % 60, s = tu_rand32(&seed) % 4 * 15;
	const char *off = offs[tu_rand32(&seed) % 7];
	snprintf(logged, sizeof logged, "2026-11-%02uT%02u:%02u:%02u%s", day, h, m, s, off);
	snprintf(at, sizeof at, "2026-11-%02uT%02u:00:00+01:00", day, h);
	const char *note = notes[tu_rand32(&seed) % 6];
	char x[16];
	/* the serial makes a row unique; a few rows repeat a value only (unique anyway) */
	snprintf(x, sizeof x, "%u", serial);
	const char *f[7] = {at, logged, "done", "", note, x, ""};
	hwk_csv_row(b, f, replaces ? 7 : 6);
}

typedef struct {
	hwk_buf *v;
	size_t n;
} rowlist;

static void add(rowlist *l, const hwk_buf *row)
{
	l->v = hwk_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n] = (hwk_buf){0};
	hwk_buf_add(&l->v[l->n++], row->s, row->len);
}

static void shuffle(rowlist *l, size_t from)
{
	for (size_t i = l->n; i > from + 1; i--) {
		size_t j = from + tu_rand32(&seed) % (i - from);
		hwk_buf t = l->v[i - 1];
		l->v[i - 1] = l->v[j];
		l->v[j] = t;
	}
}

static char *text(const char *header, const rowlist *l, const unsigned char *drop)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, header);
	for (size_t i = 0; i < l->n; i++)
		if (!drop || !drop[i])
			hwk_buf_add(&b, l->v[i].s, l->v[i].len);
	return b.s;
}

static void rows_free(rowlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		hwk_buf_free(&l->v[i]);
	free(l->v);
}

/* the records of a merged file (header first), each as its bytes, and their logged */
static size_t split_rows(const char *s, rowlist *rows, time_t **logged)
{
	hwk_csvr *r = hwk_csvr_mem(s, strlen(s), "merged", 1);
	hwk_strs rec = {0};
	size_t line, n = 0;
	*logged = NULL;
	while (hwk_csvr_next(r, &rec, &line) == 1) {
		hwk_buf b = {0};
		hwk_csv_row(&b, (const char *const *)rec.v, rec.n);
		add(rows, &b);
		hwk_buf_free(&b);
		*logged = hwk_xrealloc(*logged, (n + 1) * sizeof **logged);
		(*logged)[n] = 0;
		if (n)
			hwk_time_parse_iso(rec.v[1], &(*logged)[n]);
		n++;
	}
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	return n;
}

static int count_in(const rowlist *l, const hwk_buf *row)
{
	int c = 0;
	for (size_t i = 1; i < l->n; i++)
		c += l->v[i].len == row->len && !memcmp(l->v[i].s, row->s, row->len);
	return c;
}

static void test_entries_random(void)
{
	int rounds = 300, bad_sorted = 0, bad_once = 0, bad_sym = 0, bad_idem = 0,
	    bad_header = 0, failed = 0;
	unsigned serial = 0;
	for (int round = 0; round < rounds; round++) {
		int ra = tu_rand32(&seed) % 3 == 0, rb = !ra && tu_rand32(&seed) % 3 == 0;
		rowlist base = {0}, a = {0}, b = {0}, want = {0};
		hwk_buf row = {0};
		size_t nbase = tu_rand32(&seed) % 12;
		for (size_t i = 0; i < nbase; i++) {
			hwk_buf_reset(&row);
			random_row(&row, 0, serial++);
			add(&base, &row);
		}
		unsigned char drop_a[16] = {0}, drop_b[16] = {0};
		for (size_t i = 0; i < nbase; i++) {
			drop_a[i] = tu_rand32(&seed) % 10 == 0;
			drop_b[i] = tu_rand32(&seed) % 10 == 0;
			if (!drop_a[i] && !drop_b[i])
				add(&want, &base.v[i]);
		}
		char *o = text(H, &base, NULL);
		for (size_t i = 0; i < nbase; i++) {
			if (!drop_a[i])
				add(&a, &base.v[i]);
			if (!drop_b[i])
				add(&b, &base.v[i]);
		}
		size_t from_a = a.n, from_b = b.n;
		size_t na = tu_rand32(&seed) % 10, nb = tu_rand32(&seed) % 10,
		       nboth = tu_rand32(&seed) % 4;
		for (size_t i = 0; i < na + nb + nboth; i++) {
			int side = i < na ? 1 : i < na + nb ? 2 : 3;
			hwk_buf_reset(&row);
			random_row(&row, side == 1 ? ra : side == 2 ? rb : 0, serial++);
			if (side & 1)
				add(&a, &row);
			if (side & 2)
				add(&b, &row);
			add(&want, &row);
			if (side == 1 && tu_rand32(&seed) % 8 == 0) {
				add(&a, &row); /* the same row twice on one side */
				add(&want, &row);
			}
		}
		shuffle(&a, from_a);
		shuffle(&b, from_b);
		char *ta = text(ra ? HR : H, &a, NULL), *tb = text(rb ? HR : H, &b, NULL);
		char *m1, *m2, *why1, *why2;
		int rc1 = me(o, ta, tb, &m1, &why1), rc2 = me(o, tb, ta, &m2, &why2);
		if (rc1 || rc2) {
			failed++;
			fprintf(stderr, "#   round %d: %s\n", round, why1 ? why1 : why2);
		} else {
			bad_sym += strcmp(m1, m2) != 0;
			rowlist got = {0};
			time_t *logged;
			size_t n = split_rows(m1, &got, &logged);
			const char *hwant = ra || rb ? HR : H;
			bad_header += !n || strcmp(got.v[0].s, hwant);
			for (size_t i = 2; i < n; i++)
				bad_sorted += logged[i] < logged[i - 1] ||
					      (logged[i] == logged[i - 1] &&
					       strcmp(got.v[i].s, got.v[i - 1].s) < 0);
			/* every row wanted as often as wanted, nothing else */
			int once = n == want.n + 1;
			for (size_t i = 0; i < want.n && once; i++) {
				rowlist w1 = {want.v, want.n};
				int c = 0;
				for (size_t k = 0; k < w1.n; k++)
					c += w1.v[k].len == want.v[i].len &&
					     !memcmp(w1.v[k].s, want.v[i].s, want.v[i].len);
				once = count_in(&got, &want.v[i]) == c;
			}
			bad_once += !once;
			/* merging again changes nothing */
			char *m3, *m4, *m5, *w3, *w4, *w5;
			int i1 = me(o, m1, m1, &m3, &w3), i2 = me(o, m1, tb, &m4, &w4),
			    i3 = me(m1, m1, m1, &m5, &w5);
			bad_idem += i1 || i2 || i3 || strcmp(m3, m1) || strcmp(m4, m1) ||
				    strcmp(m5, m1);
			free(m3);
			free(m4);
			free(m5);
			free(w3);
			free(w4);
			free(w5);
			free(logged);
			rows_free(&got);
		}
		free(m1);
		free(m2);
		free(why1);
		free(why2);
		free(o);
		free(ta);
		free(tb);
		hwk_buf_free(&row);
		rows_free(&base);
		rows_free(&a);
		rows_free(&b);
		rows_free(&want);
	}
	is_int(failed, 0, "random histories: all %d merge without conflict", rounds);
	is_int(bad_header, 0, "random histories: one header, with replaces when a side has it");
	is_int(bad_sorted, 0, "random histories: rows sorted by logged, then by their bytes");
	is_int(bad_once, 0, "random histories: every row as often as wanted (once, twice when "
			    "a side added it twice), removed rows gone");
	is_int(bad_sym, 0, "random histories: the same file whichever side merges");
	is_int(bad_idem, 0, "random histories: merging the result again changes nothing");
}

/* ---- assignments ---- */

#define ID "2026-11-27-sleep-3fa9"
#define TOP "# hwk assignment (see hwk(5)); its entries are in " ID ".csv\n" \
	"id: " ID "\nclient: alex\ntype: sleep\n"
#define FIELDS "fields:\n" TU_FIELDS_BED_SOL
#define ASSIGNED "history:\n- at: 2026-11-27T17:02:11+01:00\n  change: assigned\n"

static const char *const base_yaml =
	TOP "every: day\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS ASSIGNED;

static int ma(const char *o, const char *a, const char *b, char **res, char **why)
{
	hwk_buf out = {0};
	*why = NULL;
	int rc = hwk_merge_assignment(o, strlen(o), a, strlen(a), b, strlen(b), &out, why);
	*res = out.s ? out.s : hwk_xstrdup("");
	return rc;
}

/* the text as hwk writes it */
static char *canon(const char *text)
{
	hwk_assignment x;
	if (hwk_assignment_parse("want", text, strlen(text), &x) < 0)
		return hwk_xstrdup("(not an assignment)");
	hwk_buf b = {0};
	hwk_assignment_emit(&x, &b);
	hwk_assignment_free(&x);
	return b.s;
}

static void a_merges_to(const char *o, const char *a, const char *b, const char *want,
			const char *what)
{
	char *w = canon(want), *r1, *r2, *y1, *y2;
	int rc1 = ma(o, a, b, &r1, &y1), rc2 = ma(o, b, a, &r2, &y2);
	is_int(rc1, HWK_MERGE_OK, "%s: merged", what);
	if (rc1)
		fprintf(stderr, "#   why: %s\n", y1 ? y1 : "");
	is_str(r1, w, "%s: the file", what);
	is_int(rc2, HWK_MERGE_OK, "%s, sides swapped: merged", what);
	is_str(r2, w, "%s, sides swapped: the same file", what);
	free(w);
	free(r1);
	free(r2);
	free(y1);
	free(y2);
}

static void test_assignment(void)
{
	const char *every =
		TOP "every: 5/week\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS
		ASSIGNED "- at: 2026-12-04T16:40:00+01:00\n  change: every\n  from: day\n"
		"  to: 5/week\n";
	const char *where =
		TOP "every: day\nstart: 2026-11-27\nwhen: on waking\nwhere: kitchen\n"
		"status: active\n" FIELDS ASSIGNED
		"- at: 2026-12-04T15:40:00Z\n  change: where\n  to: kitchen\n";
	const char *both =
		TOP "every: 5/week\nstart: 2026-11-27\nwhen: on waking\nwhere: kitchen\n"
		"status: active\n" FIELDS ASSIGNED
		"- at: 2026-12-04T15:40:00Z\n  change: where\n  to: kitchen\n"
		"- at: 2026-12-04T16:40:00+01:00\n  change: every\n  from: day\n  to: 5/week\n";
	/* 15:40Z and 16:40+01:00 are the same instant: by content then ('...every' first) */
	a_merges_to(base_yaml, every, where, both,
		    "different keys changed on each side: both, histories in time order");
	a_merges_to(base_yaml, every, every, every, "the same change on both sides: once");
	a_merges_to(base_yaml, base_yaml, every, every, "one side unchanged: the other");
	a_merges_to("", every, every, every, "added on both sides the same: no base needed");

	const char *every3 =
		TOP "every: 3/week\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS
		ASSIGNED "- at: 2026-12-04T17:00:00+01:00\n  change: every\n  from: day\n"
		"  to: 3/week\n";
	char *r, *why;
	is_int(ma(base_yaml, every, every3, &r, &why), HWK_MERGE_CONFLICT,
	       "the same key changed differently: a conflict");
	is_str(why, "'every' changed on both sides: ours '5/week', theirs '3/week'",
	       "the conflict names the key and both values");
	free(r);
	free(why);

	const char *nowhen =
		TOP "every: day\nstart: 2026-11-27\nwhen: after dinner\nstatus: active\n" FIELDS
		ASSIGNED;
	const char *gone =
		TOP "every: day\nstart: 2026-11-27\nstatus: active\n" FIELDS ASSIGNED;
	is_int(ma(base_yaml, nowhen, gone, &r, &why), HWK_MERGE_CONFLICT,
	       "changed on one side, removed on the other: a conflict");
	is_str(why, "'when' changed on both sides: ours 'after dinner', theirs (none)",
	       "a removed value is named as none");
	free(r);
	free(why);

	const char *more_fields =
		TOP "every: day\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS
		"  prompt: Minutes to fall asleep\n" ASSIGNED;
	const char *mf_every =
		TOP "every: 5/week\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS
		"  prompt: Minutes to fall asleep\n"
		ASSIGNED "- at: 2026-12-04T16:40:00+01:00\n  change: every\n  from: day\n"
		"  to: 5/week\n";
	a_merges_to(base_yaml, more_fields, every, mf_every, "fields changed on one side: taken");
	const char *other_fields =
		TOP "every: day\nstart: 2026-11-27\nwhen: on waking\nstatus: active\n" FIELDS
		"  prompt: Sleep latency\n" ASSIGNED;
	is_int(ma(base_yaml, more_fields, other_fields, &r, &why), HWK_MERGE_CONFLICT,
	       "fields changed differently: a conflict");
	is_str(why, "'fields' changed on both sides", "the conflict names the fields");
	free(r);
	free(why);

	const char *until =
		TOP "every: day\nstart: 2026-11-27\nuntil: 2026-12-05\nwhen: on waking\n"
		"status: active\n" FIELDS ASSIGNED;
	const char *start =
		TOP "every: day\nstart: 2026-12-10\nwhen: on waking\nstatus: active\n" FIELDS
		ASSIGNED;
	is_int(ma(base_yaml, until, start, &r, &why), HWK_MERGE_CONFLICT,
	       "an until before the other side's start: a conflict");
	is_str(why, "the two sides' changes together do not make a valid assignment",
	       "it says so");
	free(r);
	free(why);

	const char *client = "# hwk client (see hwk(5))\nid: alex\nname: Alex\n";
	is_int(ma(client, client, "# hwk client (see hwk(5))\nid: alex\nname: Al\n", &r, &why),
	       HWK_MERGE_TEXT, "a file that is no assignment: merged as text");
	free(r);
	free(why);
	is_int(ma(base_yaml, "<<<<<<< ours\nid: x\n=======\nid: y\n>>>>>>> theirs\n", every, &r,
		  &why),
	       HWK_MERGE_TEXT, "a side with conflict markers: merged as text (and conflicts)");
	free(r);
	free(why);
}

/* An exposure's ladder merges as its fields do: from the side that changed it. */
#define XID "2026-11-27-exposure-3fa9"
#define XTOP XTOP_EVERY("day")
#define XTOP_EVERY(every) "# hwk assignment (see hwk(5)); its entries are in " XID ".csv\n" \
	"id: " XID "\nclient: alex\ntype: exposure\nevery: " every "\nstart: 2026-11-27\n" \
	"status: active\nfields:\n- name: step\n  type: text\n  required: true\n" \
	"- name: suds_peak\n  type: integer\n  min: 0\n  max: 100\n"
#define XLADDER "ladder:\n- name: lift\n  expected: 40\n"
#define XTRAIN "- name: train\n  expected: 90\n  target: 25\n"
#define XHIST(at, to) "- at: " at "\n  change: ladder\n  from: lift=40\n  to: |-\n" \
	"    lift=40\n    " to "\n"

static void test_ladder(void)
{
	const char *base = XTOP XLADDER ASSIGNED;
	const char *train = XTOP XLADDER XTRAIN ASSIGNED
		XHIST("2026-12-04T16:40:00+01:00", "train=90/25");
	const char *every = XTOP_EVERY("5/week") XLADDER ASSIGNED
		"- at: 2026-12-04T17:40:00+01:00\n  change: every\n  from: day\n  to: 5/week\n";
	const char *merged = XTOP_EVERY("5/week")
		XLADDER XTRAIN ASSIGNED XHIST("2026-12-04T16:40:00+01:00", "train=90/25")
		"- at: 2026-12-04T17:40:00+01:00\n  change: every\n  from: day\n  to: 5/week\n";
	a_merges_to(base, train, every, merged,
		    "a ladder changed on one side, every on the other: both kept");
	const char *bus = XTOP XLADDER "- name: bus\n  expected: 70\n" ASSIGNED
		XHIST("2026-12-04T16:50:00+01:00", "bus=70");
	char *r, *why;
	is_int(ma(base, train, bus, &r, &why), HWK_MERGE_CONFLICT,
	       "the ladder changed differently on both sides: a conflict");
	is_str(why, "'ladder' changed on both sides", "the conflict names the ladder");
	free(r);
	free(why);
}

int main(void)
{
	setenv("TZ", "Europe/Berlin", 1);
	hwk_err_setcmd("test");
	test_entries_hand();
	test_entries_random();
	test_assignment();
	test_ladder();
	return tap_done();
}
