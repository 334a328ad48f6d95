#define _GNU_SOURCE
#include "entries.h"
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "plausible.h"
#include "ydoc.h"

const char *const hwk_reasons[] = {
	"busy", "difficult", "avoided", "forgot", "unclear", "unsuited", "other", NULL,
};

int hwk_reason_ok(const char *r)
{
	return hwk_word_in(r, hwk_reasons);
}

void hwk_entry_stamp(hwk_entry *e)
{
	const char *at = e->cols.n ? e->cols.v[HWK_E_AT] : "";
	int rc = hwk_time_parse_iso_day(at, &e->at, &e->day);
	e->stamped = 1;
	if (rc < 0)
		e->day = HWK_DAY_NONE;
	e->at_ok = rc == 1;
}

int hwk_entry_day(const hwk_entry *e, hwk_day *out)
{
	if (!e->stamped)
		return e->cols.n ? hwk_stamp_day(e->cols.v[HWK_E_AT], out) : -1;
	if (e->day == HWK_DAY_NONE)
		return -1;
	*out = e->day;
	return 0;
}

int hwk_entry_at(const hwk_entry *e, time_t *out)
{
	if (!e->stamped)
		return e->cols.n ? hwk_time_parse_iso(e->cols.v[HWK_E_AT], out) : -1;
	if (!e->at_ok)
		return -1;
	*out = e->at;
	return 0;
}

/* hwk_entry_check; at_ok: its at is known to be a time already (the readers stamp each
 * row with what they read of it, hwk_entry_stamp), not read again. */
static int check_row(const hwk_assignment *a, hwk_strs *cols, int partial_ok, int at_ok)
{
	if (cols->n != HWK_ENTRY_NCOLS(a))
		return hwk_err("a row of %s must have %zu columns, not %zu", a->csv_path,
			       HWK_ENTRY_NCOLS(a), cols->n);
	char **c = cols->v;
	const char *replaces = c[HWK_ENTRY_REPLACES(a)];
	time_t t;
	if (!at_ok && hwk_time_parse_iso(c[HWK_E_AT], &t) < 0)
		return hwk_err("at: %s is not a time (2026-11-27T21:04:00+01:00)", c[HWK_E_AT]);
	/* logged is most often at itself (hwk log writes both from one clock) */
	if (*c[HWK_E_LOGGED] && !(at_ok && !strcmp(c[HWK_E_LOGGED], c[HWK_E_AT])) &&
	    hwk_time_parse_iso(c[HWK_E_LOGGED], &t) < 0)
		return hwk_err("logged: %s is not a time (2026-11-27T21:04:00+01:00)", c[HWK_E_LOGGED]);
	if (*replaces && hwk_time_parse_iso(replaces, &t) < 0)
		return hwk_err("replaces: %s is not a time (the logged of the entry it corrects)",
			       replaces);
	const char *status = c[HWK_E_STATUS];
	/* told apart by the first byte first: this runs for each row of a listing */
	if (status[0] == 'w' && !strcmp(status, "withdrawn")) {
		/* it only says which entry no longer counts */
		if (!*replaces)
			return hwk_err("status: withdrawn needs replaces (the entry it withdraws)");
		if (*c[HWK_E_REASON])
			return hwk_err("reason: only a skipped entry has a reason");
		for (size_t i = 0; i < a->fields.n; i++)
			if (*c[HWK_ENTRY_FIXED + i])
				return hwk_err("%s: a withdrawing row has no values", a->fields.v[i].name);
		if (!hwk_utf8_valid(c[HWK_E_NOTE], strlen(c[HWK_E_NOTE])))
			return hwk_err("note: the text is not valid UTF-8");
		return 0;
	}
	int skipped = status[0] == 's' && !strcmp(status, "skipped");
	int partial = status[0] == 'p' && !strcmp(status, "partial");
	if (!skipped && !partial && strcmp(status, "done"))
		return hwk_err("status: %s is not done, partial or skipped", c[HWK_E_STATUS]);
	if (skipped && !hwk_reason_ok(c[HWK_E_REASON]))
		return hwk_err(*c[HWK_E_REASON] ? "reason: %s is not one of busy, difficult, avoided, forgot, unclear, unsuited, other"
				     : "reason: a skipped entry needs a reason (busy, difficult, avoided, forgot, unclear, unsuited, other)%s",
			       c[HWK_E_REASON]);
	if (!skipped && *c[HWK_E_REASON])
		return hwk_err("reason: only a skipped entry has a reason");
	if (skipped && !strcmp(c[HWK_E_REASON], "other") && !*c[HWK_E_NOTE])
		return hwk_err("reason: other needs a note saying what got in the way (-m NOTE)");
	if (!hwk_utf8_valid(c[HWK_E_NOTE], strlen(c[HWK_E_NOTE])))
		return hwk_err("note: the text is not valid UTF-8");
	for (size_t i = 0; i < a->fields.n; i++) {
		const hwk_field *f = &a->fields.v[i];
		char *v = c[HWK_ENTRY_FIXED + i];
		if (!*v) {
			if (f->required && !skipped && !partial_ok && !partial) {
				if (f->prompt)
					return hwk_err("%s: required (%s)", f->name, f->prompt);
				return hwk_err("%s: required", f->name);
			}
			continue;
		}
		if (skipped)
			return hwk_err("%s: a skipped entry has no values", f->name);
		char *norm;
		/* a row as read is checked and kept as it is: no normalised copy */
		if (hwk_field_check(f, v, cols->packed ? NULL : &norm) < 0)
			return -1;
		if (cols->packed)
			continue;
		free(v);
		c[HWK_ENTRY_FIXED + i] = norm;
	}
	/* each value within its scale; together they must also be able to be true */
	if (!skipped && hwk_entry_plausible(a, c + HWK_ENTRY_FIXED, partial) < 0)
		return -1;
	return 0;
}

int hwk_entry_check(const hwk_assignment *a, hwk_strs *cols, int partial_ok)
{
	return check_row(a, cols, partial_ok, 0);
}

/* Rows found bad by hwk_entries_sift so far, in any thread. */
static size_t bad_rows;

size_t hwk_entries_bad(void)
{
	return __atomic_load_n(&bad_rows, __ATOMIC_RELAXED);
}

/* The line of the row back from the end of a's entries file (1: the last): found by
 * reading it all, which only a bad row costs. 0 when it cannot be told. */
static size_t tail_line(const hwk_assignment *a, size_t back)
{
	hwk_entry *all;
	size_t nall, line = 0;
	hwk_err_quiet(1);
	int rc = hwk_entries_read(a, &all, &nall);
	hwk_err_quiet(0);
	if (rc == 0 && back >= 1 && nall >= back)
		line = all[nall - back].line;
	if (rc == 0)
		hwk_entry_rows_free(all, nall);
	return line;
}

size_t hwk_entries_sift(const hwk_assignment *a, hwk_entry *rows, size_t *n, hwk_day since)
{
	size_t k = 0, bad = 0;
	for (size_t i = 0; i < *n; i++) {
		hwk_day d;
		if (since != HWK_DAY_NONE && hwk_entry_day(&rows[i], &d) == 0 && d < since) {
			hwk_entry_free(&rows[i]); /* before the rows asked for */
			continue;
		}
		/* checked quietly first: a bad row's message names its line, which a row read
		 * from the end learns only then */
		hwk_err_quiet(1);
		int ok = check_row(a, &rows[i].cols, 0, rows[i].stamped && rows[i].at_ok) == 0;
		hwk_err_quiet(0);
		if (!ok) {
			size_t line = rows[i].line ? rows[i].line : tail_line(a, rows[i].back);
			hwk_err_context(a->csv_path, line);
			(void)hwk_entry_check(a, &rows[i].cols, 0);
			hwk_err_context(NULL, 0);
			hwk_entry_free(&rows[i]);
			bad++;
			continue;
		}
		rows[k++] = rows[i];
	}
	*n = k;
	__atomic_fetch_add(&bad_rows, bad, __ATOMIC_RELAXED);
	return bad;
}

struct hwk_entries {
	FILE *f;
	hwk_buf mem; /* the file's bytes, when read whole (hwk_entries_open) */
	hwk_csvr *r;
	const hwk_assignment *a;
	int old;             /* the header has no replaces (version 1) */
	unsigned char *dead; /* the corrected view: rows to pass over, by place */
	size_t ndead, at;    /* how many rows dead covers; rows returned or passed so far */
};

/* The header's columns: the fixed ones, the fields' names, replaces (not owned). */
static const char **header_cols(const hwk_assignment *a)
{
	const char **cols = hwk_xcalloc(HWK_ENTRY_NCOLS(a), sizeof *cols);
	for (size_t i = 0; i < HWK_ENTRY_FIXED; i++)
		cols[i] = hwk_entry_fixed[i];
	for (size_t i = 0; i < a->fields.n; i++)
		cols[HWK_ENTRY_FIXED + i] = a->fields.v[i].name;
	cols[HWK_ENTRY_REPLACES(a)] = hwk_entry_replaces;
	return cols;
}

char *hwk_entries_header(const hwk_assignment *a)
{
	hwk_buf b = {0};
	const char **cols = header_cols(a);
	hwk_csv_row(&b, cols, HWK_ENTRY_NCOLS(a));
	free(cols);
	return b.s;
}

/* 0 for the header of the assignment, 1 for it without replaces (version 1), -1 after a
 * message. */
static int check_header(const hwk_assignment *a, const hwk_strs *h)
{
	int ok = h->n == HWK_ENTRY_NCOLS(a) || h->n + 1 == HWK_ENTRY_NCOLS(a);
	const char **cols = header_cols(a);
	for (size_t i = 0; ok && i < h->n; i++)
		ok = !strcmp(h->v[i], cols[i]);
	free(cols);
	if (!ok) {
		/* the fixed names as the header spells them: at,logged,... */
		hwk_buf fixed = {0};
		for (size_t i = 0; i < HWK_ENTRY_FIXED; i++) {
			if (i)
				hwk_buf_addc(&fixed, ',');
			hwk_buf_adds(&fixed, hwk_entry_fixed[i]);
		}
		char *names = hwk_fields_names(&a->fields);
		hwk_err_at(a->csv_path, 1, 1,
			   "the header must be %s followed by the fields (%s) and %s", fixed.s,
			   names, hwk_entry_replaces);
		free(names);
		hwk_buf_free(&fixed);
		return -1;
	}
	return h->n < HWK_ENTRY_NCOLS(a);
}

int hwk_entries_check_header(const hwk_assignment *a, int append)
{
	int fd = hwk_open_regular(a->csv_path, O_RDONLY, 0, NULL);
	if (fd < 0)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", a->csv_path);
	/* the first line, however long (a type may have many fields) */
	hwk_buf b = {0};
	char chunk[4096];
	ssize_t n;
	while ((n = pread(fd, chunk, sizeof chunk, (off_t)b.len)) > 0) {
		hwk_buf_add(&b, chunk, (size_t)n);
		if (memchr(chunk, '\n', (size_t)n) || b.len > HWK_YAML_MAX_BYTES)
			break;
	}
	close(fd);
	if (n < 0) {
		hwk_buf_free(&b);
		return hwk_err_sys("%s", a->csv_path);
	}
	int rc = 0;
	if (b.len) {
		hwk_strs h = {0};
		hwk_csvr *r = hwk_csvr_mem(b.s, b.len, a->csv_path, 1);
		size_t line;
		rc = hwk_csvr_next(r, &h, &line);
		if (rc == 1)
			rc = check_header(a, &h);
		if (rc == 1 && append)
			rc = hwk_err_at(a->csv_path, 1, 0,
					"the header has no %s column (an entries file of format "
					"version 1): run hwk upgrade",
					hwk_entry_replaces);
		hwk_strs_free(&h);
		hwk_csvr_free(r);
	}
	hwk_buf_free(&b);
	return rc < 0 ? -1 : 0;
}

/* A row of old (header without replaces) or of a header with it: the columns it must
 * have, a row one short of replaces read with it empty. 0, or -1 when it has not. */
static int fill_row(const hwk_assignment *a, int old, hwk_strs *cols)
{
	if (cols->n + 1 == HWK_ENTRY_NCOLS(a))
		hwk_strs_push_empty(cols);
	else if (old || cols->n != HWK_ENTRY_NCOLS(a))
		return -1;
	return 0;
}

static int next_row(hwk_entries *r, hwk_entry *e)
{
	int rc = hwk_csvr_next(r->r, &e->cols, &e->line);
	e->stamped = 0;
	e->back = 0;
	if (rc == 1 && fill_row(r->a, r->old, &e->cols) < 0)
		return hwk_err_at(r->a->csv_path, e->line, 0, "the row has %zu columns, not %zu",
				  e->cols.n, HWK_ENTRY_NCOLS(r->a) - r->old);
	if (rc == 1)
		hwk_entry_stamp(e);
	return rc;
}

/* The rows of a's entries file through cr, which reads the file f (closed with them) or
 * the file's bytes in memory (f NULL): its header checked. */
static int begin_rows(const hwk_assignment *a, hwk_csvr *cr, FILE *f, hwk_entries **out)
{
	*out = NULL;
	hwk_entries *r = hwk_xcalloc(1, sizeof *r);
	r->f = f;
	r->a = a;
	r->r = cr;
	hwk_strs h = {0};
	size_t line;
	int rc = hwk_csvr_next(r->r, &h, &line);
	if (rc == 1)
		rc = check_header(a, &h);
	hwk_strs_free(&h);
	if (rc < 0) {
		hwk_entries_close(r);
		return -1;
	}
	r->old = rc == 1;
	*out = r;
	return 0;
}

static int open_rows(const hwk_assignment *a, hwk_entries **out)
{
	*out = NULL;
	int fd = hwk_open_regular(a->csv_path, O_RDONLY, 0, NULL);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "r");
	if (!f) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		errno = e;
		return errno == ENOENT ? 0 : hwk_err_sys("%s", a->csv_path);
	}
	return begin_rows(a, hwk_csvr_file(f, a->csv_path, 1), f, out);
}

/* Move e onto the end of a growing array of rows. */
static void rows_push(hwk_entry **rows, size_t *n, size_t *cap, hwk_entry *e)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rows = hwk_xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[(*n)++] = *e;
	memset(e, 0, sizeof *e);
}

/* What the corrected view needs of a row: when it was logged, and which entry it
 * corrects or withdraws (has_root), as instants. */
typedef struct {
	time_t logged, root;
	unsigned char logged_ok, has_root, withdrawn;
} row_key;

static void key_of(const hwk_entry *e, row_key *k)
{
	const hwk_strs *c = &e->cols;
	const char *rep = c->v[c->n - 1], *logged = c->v[HWK_E_LOGGED];
	/* logged is most often at itself, which the row's stamp has read */
	if (e->stamped && e->at_ok && !strcmp(logged, c->v[HWK_E_AT])) {
		k->logged = e->at;
		k->logged_ok = 1;
	} else {
		k->logged_ok = hwk_time_parse_iso(logged, &k->logged) == 0;
	}
	/* a replaces that is not a time is a bad row, named by the checks, not a correction */
	k->has_root = *rep && hwk_time_parse_iso(rep, &k->root) == 0;
	k->withdrawn = !strcmp(c->v[HWK_E_STATUS], "withdrawn");
}

/* A correction: the entry it is of, when it was logged, where. */
typedef struct {
	time_t root, logged;
	size_t i;
} corr;

static int corr_cmp(const void *x, const void *y)
{
	const corr *a = x, *b = y;
	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	if (a->logged != b->logged)
		return a->logged < b->logged ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

static int time_cmp(const void *x, const void *y)
{
	time_t a = *(const time_t *)x, b = *(const time_t *)y;
	return (a > b) - (a < b);
}

static int root_cmp(const void *key, const void *x)
{
	return time_cmp(key, &((const corr *)x)->root);
}

static unsigned char *dead_of(const row_key *k, size_t n)
{
	unsigned char *dead = hwk_xcalloc(n + 1, 1);
	size_t nc = 0, no = 0;
	for (size_t i = 0; i < n; i++)
		nc += k[i].has_root;
	if (nc == 0)
		return dead;
	/* when the entries as first logged were logged, sorted */
	time_t *orig = hwk_xcalloc(n - nc + 1, sizeof *orig);
	for (size_t i = 0; i < n; i++)
		if (!k[i].has_root && k[i].logged_ok)
			orig[no++] = k[i].logged;
	qsort(orig, no, sizeof *orig, time_cmp);
	corr *c = hwk_xcalloc(nc, sizeof *c);
	nc = 0;
	for (size_t i = 0; i < n; i++) {
		if (!k[i].has_root)
			continue;
		c[nc] = (corr){k[i].root, k[i].logged_ok ? k[i].logged : 0, i};
		/* one naming an earlier correction (not an entry) is of that one's entry */
		if (!bsearch(&c[nc].root, orig, no, sizeof *orig, time_cmp))
			for (size_t j = 0; j < nc; j++)
				if (k[c[j].i].logged_ok && k[c[j].i].logged == c[nc].root) {
					c[nc].root = c[j].root;
					break;
				}
		nc++;
	}
	free(orig);
	qsort(c, nc, sizeof *c, corr_cmp);
	/* of each entry's corrections the last counts, unless it withdraws it */
	for (size_t j = 0; j < nc; j++) {
		int last = j + 1 == nc || c[j].root != c[j + 1].root;
		dead[c[j].i] = !last || k[c[j].i].withdrawn;
	}
	/* an entry corrected is replaced */
	for (size_t i = 0; i < n; i++)
		if (!k[i].has_root && k[i].logged_ok &&
		    bsearch(&k[i].logged, c, nc, sizeof *c, root_cmp))
			dead[i] = 1;
	free(c);
	return dead;
}

/* Can a row of the file's bytes s name an entry it replaces? Read off the bytes, no
 * parsing: a row whose replaces is empty ends in a comma, so every line end after the
 * first one but after a comma (a correcting row, a line inside a quoted value, a blank
 * line, a CR) says perhaps, and only then are the rows parsed to find out. */
static int may_replace(const char *s, size_t len)
{
	const char *end = s + len, *p = memchr(s, '\n', len);
	while (p && p + 1 < end) {
		const char *nl = memchr(p + 1, '\n', (size_t)(end - p - 1));
		const char *e = nl ? nl : end;
		if (e[-1] != ',')
			return 1;
		p = nl;
	}
	return 0;
}

int hwk_entries_open(const hwk_assignment *a, int history, hwk_entries **out)
{
	/* the file is read once into memory, and parsed from there: twice only when a row
	 * may correct another (the corrected view must know which rows a later one
	 * replaces before it gives the first); a file over the cap is streamed, and its
	 * reader says so */
	hwk_buf b = {0};
	*out = NULL;
	if (hwk_read_file(a->csv_path, HWK_CSV_MAX_BYTES, &b) < 0) {
		int e = errno;
		hwk_buf_free(&b);
		errno = e;
		if (errno == EFBIG)
			return open_rows(a, out);
		return errno == ENOENT ? 0 : hwk_err_sys("%s", a->csv_path);
	}
	if (begin_rows(a, hwk_csvr_mem(b.s, b.len, a->csv_path, 1), NULL, out) < 0) {
		hwk_buf_free(&b);
		return -1;
	}
	(*out)->mem = b;
	if (history || (*out)->old || !may_replace(b.s, b.len))
		return 0;
	/* what each row says of the entry it is of, as far as the rows can be read (quietly:
	 * the reading that follows names a problem where it meets it), to mark those a
	 * later row replaces; a few bytes a row, not the rows */
	hwk_entries *pre;
	hwk_entry e = {0};
	row_key *k = NULL;
	size_t n = 0, cap = 0;
	hwk_err_quiet(1);
	if (begin_rows(a, hwk_csvr_mem(b.s, b.len, a->csv_path, 1), NULL, &pre) == 0) {
		while (next_row(pre, &e) == 1) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				k = hwk_xrealloc(k, cap * sizeof *k);
			}
			key_of(&e, &k[n++]);
		}
		hwk_entries_close(pre);
	}
	hwk_err_quiet(0);
	hwk_entry_free(&e);
	(*out)->dead = dead_of(k, n);
	(*out)->ndead = n;
	free(k);
	return 0;
}

int hwk_entries_next(hwk_entries *r, hwk_entry *e)
{
	if (!r)
		return 0;
	for (;;) {
		int rc = next_row(r, e);
		size_t i = r->at++;
		if (rc != 1 || !r->dead || i >= r->ndead || !r->dead[i])
			return rc;
	}
}

void hwk_entries_close(hwk_entries *r)
{
	if (!r)
		return;
	hwk_csvr_free(r->r);
	if (r->f)
		fclose(r->f);
	hwk_buf_free(&r->mem);
	free(r->dead);
	free(r);
}

void hwk_entry_free(hwk_entry *e)
{
	hwk_strs_free(&e->cols);
}

void hwk_entry_rows_free(hwk_entry *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hwk_entry_free(&rows[i]);
	free(rows);
}

const char *hwk_entry_ident(const hwk_entry *e)
{
	const char *r = e->cols.v[e->cols.n - 1];
	return *r ? r : e->cols.v[HWK_E_LOGGED];
}

unsigned char *hwk_entries_dead(const hwk_entry *rows, size_t n)
{
	row_key *k = hwk_xcalloc(n + 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		key_of(&rows[i], &k[i]);
	unsigned char *dead = dead_of(k, n);
	free(k);
	return dead;
}

void hwk_entries_resolve(hwk_entry *rows, size_t *n)
{
	unsigned char *dead = hwk_entries_dead(rows, *n);
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		if (dead[i])
			hwk_entry_free(&rows[i]);
		else
			rows[k++] = rows[i];
	}
	*n = k;
	free(dead);
}

/* Parse complete rows from a block that starts at a row boundary and ends at the end of
 * the file. */
static int parse_block(const hwk_assignment *a, const char *data, size_t len, hwk_entry **rows,
		       size_t *n)
{
	hwk_csvr *r = hwk_csvr_mem(data, len, a->csv_path, 1);
	hwk_entry e = {0};
	hwk_csvr_quiet(r); /* its line numbers are the block's: the full read reports */
	hwk_csvr_mid(r);   /* a byte order mark here is data, as it is to the full read */
	size_t cap = 0;
	int rc;
	*rows = NULL;
	*n = 0;
	while ((rc = hwk_csvr_next(r, &e.cols, &e.line)) == 1) {
		if (fill_row(a, 0, &e.cols) < 0) {
			rc = -1;
			break;
		}
		e.line = 0;
		hwk_entry_stamp(&e);
		rows_push(rows, n, &cap, &e);
	}
	hwk_entry_free(&e);
	hwk_csvr_free(r);
	if (rc < 0) {
		hwk_entry_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	for (size_t i = 0; i < *n; i++)
		(*rows)[i].back = *n - i;
	return rc;
}

/* Every row r gives (r closed), as hwk_entries_read. */
static int read_rows(hwk_entries *r, hwk_entry **rows, size_t *n)
{
	hwk_entry e = {0};
	size_t cap = 0;
	int rc;
	while ((rc = hwk_entries_next(r, &e)) == 1) {
		rows_push(rows, n, &cap, &e);
	}
	hwk_entry_free(&e);
	hwk_entries_close(r);
	if (rc < 0) {
		hwk_entry_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	return rc < 0 ? -1 : 0;
}

int hwk_entries_read(const hwk_assignment *a, hwk_entry **rows, size_t *n)
{
	hwk_entries *r;
	*rows = NULL;
	*n = 0;
	if (hwk_entries_open(a, 1, &r) < 0)
		return -1;
	return read_rows(r, rows, n);
}

/* Every row of a's entries file through cr, over the file f (closed here) or over the
 * file's whole bytes in memory (f NULL): read exactly as hwk_entries_read reads it
 * (header, line numbers, messages). */
static int read_rows_from(const hwk_assignment *a, hwk_csvr *cr, FILE *f, hwk_entry **rows,
			  size_t *n)
{
	hwk_entries *r;
	*rows = NULL;
	*n = 0;
	if (begin_rows(a, cr, f, &r) < 0)
		return -1;
	return read_rows(r, rows, n);
}

/* Was the row starting at p logged before the day `before` (YYYY-MM-DD), read without
 * parsing the row? Rows hwk writes start with two unquoted 25-character times (at,
 * logged). 0 when it looks otherwise. */
static int logged_before(const char *p, const char *end, const char *before)
{
	/* a quote would make the comma at 25 part of a quoted at, and what follows it no
	 * logged column at all */
	if (end - p < 37 || p[25] != ',' || p[36] != 'T' || memchr(p, '"', 37))
		return 0;
	return strncmp(p + 26, before, 10) < 0 && hwk_ymd_ok(p + 26);
}

/*
 * Reading from the end. Every complete row holds an even number of quote characters,
 * so a line end is a row boundary exactly when the quotes after it (up to the end of
 * the file) are even in number. A block read from the end therefore splits into rows
 * without looking at anything before it. Going back from row to row, the first row
 * logged before `since` ends the search (rows are appended in the order they are
 * logged); only the rows from there on are parsed. The block grows until that row is
 * in it or it holds the whole file. Anything unexpected falls back to reading the whole
 * file, which also reports any problem with its line.
 *
 * The rows before that row are trusted to be older only as far as hwk has seen the
 * file in order (order.c): the row that ends the search must lie in that part, so the
 * rows after it are all read, and they must be in logged order. A file never seen in
 * order is read whole once; rows out of order (a merge by git's own union driver) make
 * it read whole every time, until hwk sync puts them back in order.
 */

/* bytes appended since the file was last noted in order, past which a read that
 * checked them notes it again (so that the part read to check stays small) */
#define ORDER_REFRESH 65536

/* Are rows[0..n) in logged order (as instants)? */
static int in_order(const hwk_entry *rows, size_t n)
{
	time_t prev = 0, t;
	for (size_t i = 0; i < n; i++) {
		if (hwk_time_parse_iso(rows[i].cols.v[HWK_E_LOGGED], &t) < 0)
			return 0;
		if (i && t < prev)
			return 0;
		prev = t;
	}
	return 1;
}
int hwk_entries_tail_stored(const hwk_assignment *a, hwk_day since, hwk_entry **rows,
			    size_t *n)
{
	*rows = NULL;
	*n = 0;
	struct stat st;
	int fd = hwk_open_regular(a->csv_path, O_RDONLY, 0, &st);
	if (fd < 0)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", a->csv_path);
	size_t size = (size_t)st.st_size, want = 2048;
	size_t known = (size_t)hwk_cache_order_known(a->csv_path, &st);
	char before[16]; /* the day before since, as text: rows logged before it end the search */
	hwk_day_format(since - 1, before);
	if (strlen(before) != 10)
		strcpy(before, ""); /* no row is before it: the whole file is read */
	char *buf = NULL;
	int rc = -2, whole = 0; /* -2: fall back to reading it all; whole: all was wanted */
	/* nothing seen in order yet: no row can end the search, so all is read, streamed
	 * from this descriptor as the full read streams it */
	if (known == 0) {
		FILE *f = fdopen(fd, "r");
		if (!f) {
			rc = hwk_err_sys("%s", a->csv_path);
			close(fd);
			return rc;
		}
		fd = -1;
		rc = read_rows_from(a, hwk_csvr_file(f, a->csv_path, 1), f, rows, n);
		whole = 1;
		size = 0;
	}
	while (size > 0) {
		size_t len = want < size ? want : size;
		off_t off = (off_t)(size - len);
		buf = hwk_xrealloc(buf, len);
		if (pread(fd, buf, len, off) != (ssize_t)len || buf[len - 1] != '\n')
			break;
		size_t quotes = 0, start = (size_t)-1;
		int found = 0;
		/* line by line from the end, counting the quotes after each line end */
		for (char *hi = buf + len - 1;;) {
			char *nl = memrchr(buf, '\n', (size_t)(hi - buf));
			for (char *q = nl ? nl + 1 : buf; (q = memchr(q, '"', (size_t)(hi - q))); q++)
				quotes++;
			if (!nl)
				break;
			hi = nl;
			if (quotes % 2 == 0) {
				start = (size_t)(nl - buf) + 1;
				if (off + (off_t)start < (off_t)known &&
				    logged_before(buf + start, buf + len, before)) {
					found = 1;
					break;
				}
			}
		}
		if (!found && off > 0) {
			/* no more than the cap is held: past it, the whole read refuses the file */
			if (want > HWK_CSV_MAX_BYTES / 4)
				break;
			want *= 4;
			continue;
		}
		/* at the start of the file with no old row: every row is wanted, and the
		 * full reader, which is what the tail must agree with, reads them from the
		 * bytes in hand (a header after a blank line, a CR inside its line: it
		 * knows) */
		if (!found) {
			whole = 1;
			rc = read_rows_from(a, hwk_csvr_mem(buf, len, a->csv_path, 1), NULL, rows,
					    n);
			break;
		}
		if (parse_block(a, buf + start, len - start, rows, n) == 0) {
			rc = 0;
			if (!in_order(*rows, *n)) {
				/* out of order: only the whole file is sure */
				hwk_entry_rows_free(*rows, *n);
				*rows = NULL;
				*n = 0;
				rc = -2;
			} else if (size - known > ORDER_REFRESH) {
				/* many rows since it was noted, checked now: note it again */
				hwk_cache_order_note(a->csv_path, &st);
			}
		}
		break;
	}
	int all = whole || rc == -2;
	free(buf);
	if (fd >= 0)
		close(fd);
	if (rc == -2)
		rc = hwk_entries_read(a, rows, n); /* opened again: something unexpected */
	if (all) {
		/* read whole and in order: note it, so that the next read can stop early */
		if (rc == 0 && whole && in_order(*rows, *n))
			hwk_cache_order_note(a->csv_path, &st);
		for (size_t i = 0; rc == 0 && i < *n; i++)
			(*rows)[i].back = *n - i;
	}
	return rc;
}

int hwk_entries_tail(const hwk_assignment *a, hwk_day since, hwk_entry **rows, size_t *n)
{
	int rc = hwk_entries_tail_stored(a, since, rows, n);
	if (rc == 0)
		hwk_entries_resolve(*rows, n);
	return rc;
}

const char *hwk_entry_field(const hwk_assignment *a, const hwk_entry *e, const char *name)
{
	const hwk_field *fd = hwk_fields_find(&a->fields, name);
	if (!fd)
		return NULL;
	size_t col = (size_t)(fd - a->fields.v) + HWK_ENTRY_FIXED;
	if (col >= e->cols.n || !e->cols.v[col] || !*e->cols.v[col])
		return NULL;
	return e->cols.v[col];
}

int hwk_entries_keep_steps(const hwk_assignment *a, const hwk_ladder *l)
{
	hwk_entry *rows = NULL;
	size_t n = 0;
	int read = 0, rc = 0;
	for (size_t i = 0; i < a->ladder.n && rc == 0; i++) {
		const char *name = a->ladder.v[i].name;
		size_t j = 0;
		while (j < l->n && strcmp(l->v[j].name, name))
			j++;
		if (j < l->n)
			continue;
		if (!read++ && hwk_entries_read(a, &rows, &n) < 0)
			return -1;
		long k = 0;
		for (size_t r = 0; r < n; r++)
			k += hwk_streq(hwk_entry_field(a, &rows[r], "step"), name);
		if (k)
			rc = hwk_err("--step: %s: %ld entr%s name this step; it stays on the ladder "
				     "(give it again, in any place)", name, k, k == 1 ? "y" : "ies");
	}
	hwk_entry_rows_free(rows, n);
	return rc;
}

void hwk_entries_count(const hwk_entry *rows, size_t n, hwk_day from, hwk_day to, long *done,
		       long *partial, long *skipped)
{
	*done = *partial = *skipped = 0;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		const char *const *c = (const char *const *)rows[i].cols.v;
		if (hwk_entry_day(&rows[i], &d) < 0 || d < from || d > to)
			continue;
		if (!strcmp(c[HWK_E_STATUS], "done"))
			++*done;
		else if (!strcmp(c[HWK_E_STATUS], "partial"))
			++*partial;
		else if (!strcmp(c[HWK_E_STATUS], "skipped"))
			++*skipped;
	}
}

