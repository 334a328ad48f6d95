#define _GNU_SOURCE
#include "log.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "adherence.h"
#include "err.h"
#include "store.h"

/* An entry may be logged up to this long ahead of the clock (clocks differ a little). */
#define FUTURE_SLACK (5 * 60)

static int ident(const char *s, size_t n)
{
	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* A value given as NAME=VALUE: the length of NAME; 0 for a value by position. */
static size_t named(const char *v)
{
	const char *eq = strchr(v, '=');
	return eq && ident(v, (size_t)(eq - v)) ? (size_t)(eq - v) : 0;
}

static int set_value(const hwk_assignment *a, hwk_strs *row, size_t i, const char *v,
		     unsigned char *given)
{
	if (given[i])
		return hwk_err("%s: given twice", a->fields.v[i].name);
	given[i] = 1;
	free(row->v[HWK_ENTRY_FIXED + i]);
	row->v[HWK_ENTRY_FIXED + i] = hwk_xstrdup(v);
	return 0;
}

static int fill_values(const hwk_assignment *a, const hwk_log_input *in, hwk_strs *row)
{
	unsigned char *given = hwk_xcalloc(a->fields.n + 1, 1);
	size_t next = 0;
	int rc = -1;
	/* names first, so positional values fill the fields left */
	size_t npos = 0, nreq = 0;
	for (size_t k = 0; k < in->nvalues; k++) {
		const char *v = in->values[k];
		size_t len = named(v), i;
		npos += !len;
		if (!len)
			continue;
		for (i = 0; i < a->fields.n; i++)
			if (strlen(a->fields.v[i].name) == len && !strncmp(a->fields.v[i].name, v, len))
				break;
		if (i == a->fields.n) {
			char *names = hwk_fields_names(&a->fields);
			hwk_err("%.*s: no such field in %s (fields: %s)", (int)len, v, a->type, names);
			free(names);
			goto out;
		}
		if (set_value(a, row, i, v + len + 1, given) < 0)
			goto out;
	}
	/* positional values: no more of them than the required fields still empty fill
	 * those, in order (hwk log sleep 23:40 06:50 07:05 is bed, wake, out_of_bed);
	 * more fill every field still empty, in order */
	for (size_t i = 0; i < a->fields.n; i++)
		nreq += a->fields.v[i].required && !given[i];
	int required_only = npos <= nreq;
	for (size_t k = 0; k < in->nvalues; k++) {
		const char *v = in->values[k];
		if (named(v))
			continue;
		while (next < a->fields.n &&
		       (given[next] || (required_only && !a->fields.v[next].required)))
			next++;
		if (next == a->fields.n) {
			char *names = hwk_fields_names(&a->fields);
			hwk_err("%s: one value too many (%s has the fields: %s)", v, a->type, names);
			free(names);
			goto out;
		}
		if (set_value(a, row, next, v, given) < 0)
			goto out;
	}
	rc = 0;
out:
	free(given);
	return rc;
}

static void put(hwk_strs *row, size_t i, const char *v);

/* A step of the ladder named in the row's step (its number, name or a unique start of
 * its name) written as the step's name; with no ladder, or no step, left as it is. */
static int ladder_step(const hwk_assignment *a, hwk_strs *row)
{
	const hwk_field *f = hwk_fields_find(&a->fields, "step");
	if (!a->ladder.n || !f)
		return 0;
	size_t col = HWK_ENTRY_FIXED + (size_t)(f - a->fields.v);
	if (!*row->v[col])
		return 0;
	long i = hwk_ladder_find(&a->ladder, row->v[col]);
	if (i < 0)
		return -1;
	put(row, col, a->ladder.v[i].name);
	return 0;
}

/* The optional fields of the built-in types worth a question once hwk asks at all: the
 * numbers each type's clinical measures are made of (the intensity and its re-rating of
 * a thought record, the times and ratings that give sleep efficiency, the moods of an
 * activity, the SUDS of an exposure, the ratings around a practice). */
static const char *const offered[][2] = {
	{"thought-record", " intensity belief balanced_belief rerate "},
	{"activity", " mood_before mood_after mastery pleasure "},
	{"exposure", " suds_before suds_peak suds_after minutes "},
	{"sleep", " lights_out sol awakenings waso quality "},
	{"mindfulness", " before after "},
};

static int is_offered(const hwk_assignment *a, const char *field)
{
	for (size_t t = 0; t < sizeof offered / sizeof *offered; t++) {
		if (strcmp(offered[t][0], a->type))
			continue;
		const char *p = strstr(offered[t][1], field);
		size_t n = strlen(field);
		return p && p[-1] == ' ' && p[n] == ' ';
	}
	return 0;
}

/* Ask on the terminal for f until an answer is good, three times at most; optional:
 * Enter, or three bad answers, leave it empty. 0 answered or left empty, 1 the input
 * ended (optional), -1 after a message. ladder: f is the step of an exposure with this
 * ladder (else NULL): its steps are listed first, and an answer is a step's number or
 * name (hwk_ladder_find), kept as its name. */
static int ask_field(const hwk_field *f, const hwk_ladder *ladder, char **slot, int optional,
		     char **line, size_t *cap)
{
	if (ladder) {
		fputs("The steps of the ladder:\n", stderr);
		hwk_ladder_list(ladder);
	}
	for (int tries = 0; tries < 3; tries++) {
		char *range = ladder ? hwk_xstrdup("its number or name") : hwk_field_range(f);
		fprintf(stderr, "%s (%s%s): ", f->prompt ? f->prompt : f->name, range,
			optional ? ", Enter to skip" : "");
		free(range);
		errno = 0;
		ssize_t n = getline(line, cap, stdin);
		if (n < 0 && ferror(stdin)) { /* a read error is not the end of input */
			fputc('\n', stderr);
			return hwk_err_sys("stdin");
		}
		if (n <= 0) {
			fputc('\n', stderr);
			return optional ? 1 : hwk_err("%s: required", f->name);
		}
		while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
			(*line)[--n] = 0;
		if (n == 0 && optional)
			return 0;
		char *norm;
		long step = ladder && n > 0 ? hwk_ladder_find(ladder, *line) : 0;
		if (step >= 0 && n > 0 &&
		    hwk_field_check(f, ladder ? ladder->v[step].name : *line, &norm) == 0) {
			free(*slot);
			*slot = norm;
			return 0;
		}
	}
	return optional ? 0 : hwk_err("%s: required", f->name);
}

/* Ask on the terminal for required fields still empty; when it asked for one, then
 * offer the type's measures still empty (is_offered), each skipped with Enter. */
static int ask_missing(const hwk_assignment *a, hwk_strs *row)
{
	char *line = NULL;
	size_t cap = 0;
	int rc = 0, asked = 0;
	for (size_t i = 0; i < a->fields.n && rc == 0; i++) {
		const hwk_field *f = &a->fields.v[i];
		char **slot = &row->v[HWK_ENTRY_FIXED + i];
		if (!f->required || **slot)
			continue;
		asked = 1;
		int step = a->ladder.n && !strcmp(f->name, "step");
		rc = ask_field(f, step ? &a->ladder : NULL, slot, 0, &line, &cap);
	}
	/* offered until one is answered by the end of the input */
	for (size_t i = 0; i < a->fields.n && rc == 0 && asked; i++) {
		const hwk_field *f = &a->fields.v[i];
		char **slot = &row->v[HWK_ENTRY_FIXED + i];
		if (f->required || **slot || !is_offered(a, f->name))
			continue;
		rc = ask_field(f, NULL, slot, 1, &line, &cap);
	}
	free(line);
	return rc < 0 ? -1 : 0;
}

/* An entry belongs to a day its assignment was active. */
static int check_day(const hwk_assignment *a, time_t at)
{
	hwk_day d = hwk_day_of(at);
	char day[16];
	if (hwk_assignment_active_on(a, d))
		return 0;
	hwk_day_format(d, day);
	if (d < a->start_day)
		return hwk_err("%s: the assignment starts on %s", day, a->start);
	return hwk_err("%s: the assignment ended on %s", day, a->until);
}

static void new_row(const hwk_assignment *a, hwk_strs *row)
{
	memset(row, 0, sizeof *row);
	for (size_t i = 0; i < HWK_ENTRY_NCOLS(a); i++)
		hwk_strs_push(row, hwk_xstrdup(""));
}

static void put(hwk_strs *row, size_t i, const char *v)
{
	free(row->v[i]);
	row->v[i] = hwk_xstrdup(v);
}

static hwk_strs copy_row(const hwk_strs *row)
{
	hwk_strs c = {0};
	for (size_t i = 0; i < row->n; i++)
		hwk_strs_push(&c, hwk_xstrdup(row->v[i]));
	return c;
}

/* --at WHEN read against now, on a day of a: 0 with *at set, -1 after a message. */
static int parse_at(const hwk_assignment *a, const char *when, time_t now, time_t *at)
{
	int w = hwk_parse_when(when, now, at);
	if (w == -2)
		return hwk_err("--at: %s is before 1970-01-01T00:00:00Z, the earliest time hwk takes",
			       when);
	if (w < 0)
		return hwk_err("--at: %s is not a time (21:30, yesterday 21:30, 2026-11-27T21:30, ...)",
			       when);
	if (*at > now + FUTURE_SLACK)
		return hwk_err("--at: %s is in the future", when);
	return check_day(a, *at);
}

int hwk_record_build(const hwk_assignment *a, const hwk_log_input *in, time_t now,
		     hwk_strs *row)
{
	char stamp[32];
	time_t at = now;
	new_row(a, row);
	if (in->at ? parse_at(a, in->at, now, &at) < 0 : check_day(a, at) < 0)
		goto bad;
	hwk_time_format(at, stamp);
	put(row, HWK_E_AT, stamp);
	hwk_time_format(now, stamp);
	put(row, HWK_E_LOGGED, stamp);
	put(row, HWK_E_STATUS, in->skip ? "skipped" : in->partial ? "partial" : "done");
	if (in->skip)
		put(row, HWK_E_REASON, in->skip);
	if (in->note)
		put(row, HWK_E_NOTE, in->note);
	if (in->skip && in->nvalues) {
		hwk_err("a skipped entry has no values; say what got in the way with -m NOTE");
		goto bad;
	}
	if (fill_values(a, in, row) < 0)
		goto bad;
	if (in->ask && !in->skip && !in->partial && ask_missing(a, row) < 0)
		goto bad;
	if (ladder_step(a, row) < 0 || hwk_entry_check(a, row, 0) < 0)
		goto bad;
	return 0;
bad:
	hwk_strs_free(row);
	return -1;
}

/* The lock of the folder holding a's entries (hwk_store_lock), with a still open to
 * entries: not ended and moved into ended/ (which is done under that lock) since it was
 * read. The lock, or -1 after a message. */
static int folder_lock(const hwk_assignment *a, time_t now)
{
	char *dir = hwk_xstrdup(a->csv_path), *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	else
		strcpy(dir, ".");
	int lock = hwk_store_lock(dir, a->csv_path);
	struct stat st;
	if (lock >= 0 && lstat(a->yaml_path, &st) < 0) {
		/* ended meanwhile (and renamed): open still only when ended ahead */
		hwk_assignments l;
		size_t i;
		int open = hwk_assignments_load_for(dir, a->id, &l) == 0 &&
			   hwk_assignments_match(&l, a->id, &i) == 1 &&
			   hwk_assignment_open(&l.v[i], now) && !strcmp(l.v[i].csv_path, a->csv_path);
		hwk_assignments_free(&l);
		if (!open) {
			hwk_err("%s: the assignment has ended", a->id);
			hwk_store_unlock(lock);
			lock = -1;
		}
	}
	free(dir);
	return lock;
}

/* Do two times name the same instant (as the corrected view compares logged and
 * replaces)? */
static int same_instant(const char *a, const char *b)
{
	time_t x, y;
	return hwk_time_parse_iso(a, &x) == 0 && hwk_time_parse_iso(b, &y) == 0 && x == y;
}

/* Is the frequency in force on row's day once? */
static int once_row(const hwk_assignment *a, const hwk_strs *row)
{
	hwk_day d;
	hwk_every ev;
	if (hwk_stamp_day(row->v[HWK_E_AT], &d) < 0)
		return 0;
	hwk_every_on_day(a, d, &ev);
	return ev.kind == HWK_EVERY_ONCE;
}

/* A once assignment takes one entry that says it was done (done or partial): skips may
 * come before it (what got in the way meanwhile), nothing after it. row is refused when
 * its day falls under once and one of rows (any order), also under once, is done or
 * partial: the message gives that entry's time. */
static int once_check(const hwk_assignment *a, const hwk_entry *rows, size_t n,
		      const hwk_strs *row)
{
	hwk_day d;
	hwk_every ev;
	if (!once_row(a, row))
		return 0;
	const char *corrects = row->v[row->n - 1]; /* the entry a correction takes the place of */
	for (size_t i = 0; i < n; i++) {
		const char *st = rows[i].cols.v[HWK_E_STATUS];
		if (strcmp(st, "done") && strcmp(st, "partial"))
			continue;
		if (*corrects && same_instant(hwk_entry_ident(&rows[i]), corrects))
			continue;
		if (hwk_entry_day(&rows[i], &d) < 0)
			continue;
		hwk_every_on_day(a, d, &ev);
		if (ev.kind == HWK_EVERY_ONCE)
			return hwk_err("%s: done already (%s at %s): a once assignment takes one entry; "
				       "to do it again, assign it again",
				       a->id, st, rows[i].cols.v[HWK_E_AT]);
	}
	return 0;
}

/* Append rows to a's entries file; where they went in *at and *wrote (may be NULL). */
static int append_rows(const hwk_assignment *a, hwk_strs *rows, size_t n, off_t *at,
		       size_t *wrote)
{
	hwk_buf b = {0};
	for (size_t i = 0; i < n; i++)
		hwk_csv_row(&b, (const char *const *)rows[i].v, rows[i].n);
	char *header = hwk_entries_header(a);
	int rc = hwk_store_append_at(a->csv_path, header, b.s, b.len, at, wrote);
	free(header);
	hwk_buf_free(&b);
	return rc;
}

int hwk_record_append(const hwk_assignment *a, hwk_strs *rows, size_t n)
{
	return append_rows(a, rows, n, NULL, NULL);
}

/* Rows bound for one assignment during an import; where they went once appended. */
typedef struct {
	long idx;
	hwk_strs *rows;
	size_t *lines; /* of each row in the import file */
	size_t n;
	off_t at;
	size_t wrote;
} batch;

/* The once rule over an import's rows for one assignment: each row against the entries
 * already there and the rows before it (named FILE:LINE when refused). */
static int once_batch(const hwk_assignment *a, const batch *bt, const char *name)
{
	size_t j;
	for (j = 0; j < bt->n && !once_row(a, &bt->rows[j]); j++)
		;
	if (j == bt->n)
		return 0;
	hwk_entry *rows;
	size_t n;
	if (hwk_entries_tail(a, a->start_day, &rows, &n) < 0)
		return -1;
	rows = hwk_xrealloc(rows, (n + bt->n) * sizeof *rows);
	int rc = 0;
	for (j = 0; j < bt->n && rc == 0; j++) {
		hwk_err_context(name, bt->lines[j]);
		rc = once_check(a, rows, n + j, &bt->rows[j]);
		rows[n + j] = (hwk_entry){.cols = bt->rows[j]}; /* lent, not copied */
	}
	hwk_err_context(NULL, 0);
	for (size_t k = n; k < n + j; k++)
		rows[k].cols = (hwk_strs){0};
	hwk_entry_rows_free(rows, n + j);
	return rc;
}

/* Columns sorted by name, then by place (for dup_column). */
static const hwk_strs *sort_head;

static int by_name(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = strcmp(sort_head->v[a], sort_head->v[b]);
	return c ? c : (a > b) - (a < b);
}

/* A column named twice in the header would have its last value win unseen: refused,
 * naming it and both places (sorted, so a wide header costs n log n). */
static int dup_column(const char *name, const hwk_strs *head)
{
	size_t *v = hwk_xcalloc(head->n + 1, sizeof *v);
	for (size_t i = 0; i < head->n; i++)
		v[i] = i;
	sort_head = head;
	qsort(v, head->n, sizeof *v, by_name);
	/* the pair whose second column comes first in the header */
	size_t a = 0, b = 0;
	for (size_t i = 1; i < head->n; i++)
		if (!strcmp(head->v[v[i - 1]], head->v[v[i]]) && (!b || v[i] + 1 < b)) {
			a = v[i - 1] + 1;
			b = v[i] + 1;
		}
	free(v);
	if (b)
		return hwk_err_at(name, 1, 0, "%s: column %zu and column %zu have the same name",
				  head->v[b - 1], a, b);
	return 0;
}

int hwk_record_import(FILE *f, const char *name, const char *dir, hwk_assignments *l,
		      const char *fixed, time_t now, size_t *count)
{
	hwk_csvr *r = hwk_csvr_file(f, name, 1);
	hwk_csvr_sniff(r); /* a spreadsheet's export may be separated by ';' */
	hwk_strs head = {0}, rec = {0};
	batch *batches = NULL;
	size_t nb = 0, line = 0;
	long fixed_idx = -1, col_asg = -1;
	int rc = -1, got, lock = -1;
	char stamp[32];

	*count = 0;
	hwk_time_format(now, stamp);
	if (fixed && (fixed_idx = hwk_assignments_find_in(dir, l, fixed)) < 0)
		goto out;
	if (fixed_idx >= 0 && !hwk_assignment_open(&l->v[fixed_idx], now)) {
		hwk_err("%s: the assignment has ended", l->v[fixed_idx].id);
		goto out;
	}
	if ((got = hwk_csvr_next(r, &head, &line)) <= 0) {
		if (got == 0)
			hwk_err_at(name, 1, 0, "no header row (at, status, ..., field names)");
		goto out;
	}
	if (dup_column(name, &head) < 0)
		goto out;
	for (size_t i = 0; i < head.n; i++)
		if (!strcmp(head.v[i], "assignment"))
			col_asg = (long)i;
	if (col_asg < 0 && fixed_idx < 0) {
		hwk_err_at(name, 1, 0, "no 'assignment' column, and no assignment was named");
		goto out;
	}
	for (size_t i = 0; i < head.n; i++)
		if (!strcmp(head.v[i], hwk_entry_fixed[HWK_E_LOGGED])) {
			hwk_err_at(name, 1, 0,
				   "'logged' is when hwk writes the row, so it cannot be imported; "
				   "put an earlier date in the note");
			goto out;
		} else if (!strcmp(head.v[i], hwk_entry_replaces)) {
			hwk_err_at(name, 1, 0,
				   "'replaces' is written by hwk log --correct and --withdraw, "
				   "so it cannot be imported");
			goto out;
		}
	while ((got = hwk_csvr_next(r, &rec, &line)) == 1) {
		hwk_err_context(name, line);
		if (rec.n != head.n) {
			hwk_err("the row has %zu columns; the header has %zu", rec.n, head.n);
			goto out;
		}
		long idx = fixed_idx;
		if (col_asg >= 0 && *rec.v[col_asg]) {
			idx = hwk_assignments_find_in(dir, l, rec.v[col_asg]);
			if (idx < 0)
				goto out;
		} else if (idx < 0) {
			hwk_err("assignment: empty");
			goto out;
		}
		const hwk_assignment *a = &l->v[idx];
		if (!hwk_assignment_open(a, now)) {
			hwk_err("%s: the assignment has ended", a->id);
			goto out;
		}
		hwk_strs row;
		new_row(a, &row);
		put(&row, HWK_E_LOGGED, stamp);
		put(&row, HWK_E_STATUS, "done");
		for (size_t i = 0; i < head.n; i++) {
			if ((long)i == col_asg)
				continue;
			size_t k;
			for (k = 0; k < HWK_ENTRY_FIXED; k++)
				if (!strcmp(head.v[i], hwk_entry_fixed[k]))
					break;
			if (k == HWK_ENTRY_FIXED) {
				const hwk_field *fd = hwk_fields_find(&a->fields, head.v[i]);
				if (!fd) {
					if (!*rec.v[i])
						continue; /* a column for another assignment's field */
					hwk_err("%s: no such field in %s", head.v[i], a->type);
					hwk_strs_free(&row);
					goto out;
				}
				k = HWK_ENTRY_FIXED + (size_t)(fd - a->fields.v);
			}
			if (k == HWK_E_STATUS && !*rec.v[i])
				continue; /* status: done */
			put(&row, k, rec.v[i]);
		}
		if (!*row.v[HWK_E_AT]) {
			hwk_err("at: empty; every row needs the time it happened");
			hwk_strs_free(&row);
			goto out;
		}
		/* the same forms as --at, read against the same now */
		time_t at;
		int w = hwk_parse_when(row.v[HWK_E_AT], now, &at);
		if (w < 0) {
			hwk_err(w == -2 ? "at: %s is before 1970-01-01T00:00:00Z, the earliest time hwk takes"
					: "at: %s is not a time", row.v[HWK_E_AT]);
			hwk_strs_free(&row);
			goto out;
		}
		if (at > now + FUTURE_SLACK) {
			hwk_err("at: %s is in the future", row.v[HWK_E_AT]);
			hwk_strs_free(&row);
			goto out;
		}
		if (check_day(a, at) < 0) {
			hwk_strs_free(&row);
			goto out;
		}
		char s[32];
		hwk_time_format(at, s);
		put(&row, HWK_E_AT, s);

		if (ladder_step(a, &row) < 0 || hwk_entry_check(a, &row, 0) < 0) {
			hwk_strs_free(&row);
			goto out;
		}
		size_t b;
		for (b = 0; b < nb; b++)
			if (batches[b].idx == idx)
				break;
		if (b == nb) {
			batches = hwk_xrealloc(batches, (nb + 1) * sizeof *batches);
			batches[nb++] = (batch){idx, NULL, NULL, 0, 0, 0};
		}
		batches[b].rows = hwk_xrealloc(batches[b].rows,
					       (batches[b].n + 1) * sizeof *batches[b].rows);
		batches[b].lines = hwk_xrealloc(batches[b].lines,
						(batches[b].n + 1) * sizeof *batches[b].lines);
		batches[b].lines[batches[b].n] = line;
		batches[b].rows[batches[b].n++] = row;
		hwk_err_context(NULL, 0); /* a parse error names its own place */
	}
	hwk_err_context(NULL, 0);
	if (got < 0)
		goto out;
	/* a read error ends the rows as the end of the file does: nothing is logged then */
	if (ferror(f)) {
		hwk_err_sys("%s", name);
		goto out;
	}
	if (nb == 0) {
		hwk_err_at(name, 0, 0, "a header and no rows: nothing to import");
		goto out;
	}
	for (size_t b = 0; b < nb; b++)
		if (hwk_entries_check_header(&l->v[batches[b].idx], 1) < 0)
			goto out;
	/* the rows are checked and appended under the folder's lock (the assignments of
	 * one import are one client's): a once assignment's, and an end's move into
	 * ended/, wait for it */
	if ((lock = folder_lock(&l->v[batches[0].idx], now)) < 0)
		goto out;
	for (size_t b = 1; b < nb; b++) {
		struct stat st;
		if (lstat(l->v[batches[b].idx].yaml_path, &st) < 0) {
			hwk_err("%s: the assignment has ended", l->v[batches[b].idx].id);
			goto out;
		}
	}
	for (size_t b = 0; b < nb; b++)
		if (once_batch(&l->v[batches[b].idx], &batches[b], name) < 0)
			goto out;
	for (size_t b = 0; b < nb; b++) {
		if (append_rows(&l->v[batches[b].idx], batches[b].rows, batches[b].n,
				&batches[b].at, &batches[b].wrote) < 0) {
			/* all or nothing: the files appended to before this one are cut back */
			for (size_t k = 0; k < b; k++)
				hwk_store_takeback(l->v[batches[k].idx].csv_path, batches[k].at,
						   batches[k].wrote);
			*count = 0;
			goto out;
		}
		*count += batches[b].n;
	}
	rc = 0;
out:
	hwk_store_unlock(lock);
	hwk_err_context(NULL, 0);
	for (size_t b = 0; b < nb; b++) {
		for (size_t i = 0; i < batches[b].n; i++)
			hwk_strs_free(&batches[b].rows[i]);
		free(batches[b].rows);
		free(batches[b].lines);
	}
	free(batches);
	hwk_strs_free(&head);
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	return rc;
}

int hwk_record_log(const hwk_assignment *a, hwk_strs *row, time_t now, int week_start,
		   char **progress)
{
	hwk_day today = hwk_day_of(now), ws = hwk_week_start(today, week_start);
	hwk_entry *rows;
	size_t n;
	long done, expected;
	*progress = NULL;
	/* the week's rows are read before the new one is written, so that a file that
	 * cannot be read stops the log */
	int once = once_row(a, row) && strcmp(row->v[HWK_E_STATUS], "withdrawn"), lock;
	/* under the client folder's lock: two logs of a once assignment at the same moment
	 * must not both find it not done yet, and a row must not go to an entries file an
	 * end has just moved into ended/ */
	if ((lock = folder_lock(a, now)) < 0)
		return -1;
	if (hwk_entries_check_header(a, 1) < 0 ||
	    hwk_entries_tail(a, once ? a->start_day : ws, &rows, &n) < 0) {
		hwk_store_unlock(lock);
		return -1;
	}
	if ((once && once_check(a, rows, n, row) < 0) || hwk_record_append(a, row, 1) < 0) {
		hwk_store_unlock(lock);
		hwk_entry_rows_free(rows, n);
		return -1;
	}
	hwk_store_unlock(lock);
	/* the new row counts with them, in place of the entry it corrects or withdraws (its
	 * day is read from its at) */
	rows = hwk_xrealloc(rows, (n + 1) * sizeof *rows);
	rows[n] = (hwk_entry){.cols = copy_row(row)};
	n++;
	hwk_entries_resolve(rows, &n);
	hwk_adherence_week(a, rows, n, ws, week_start, &done, &expected);
	hwk_entry_rows_free(rows, n);
	*progress = hwk_xasprintf("%s: %ld of %ld this week", a->type, done, expected);
	return 0;
}

char *hwk_record_written_types(const hwk_assignments *l)
{
	const hwk_strs *w = hwk_store_written();
	hwk_buf b = {0};
	for (size_t i = 0; i < l->n; i++) {
		int wrote = 0;
		for (size_t k = 0; k < w->n && !wrote; k++)
			wrote = !strcmp(w->v[k], l->v[i].csv_path);
		/* a type once, though two of its assignments were written */
		int again = 0;
		for (size_t j = 0; j < i && wrote && !again; j++)
			for (size_t k = 0; k < w->n && !again; k++)
				again = !strcmp(w->v[k], l->v[j].csv_path) &&
					!strcmp(l->v[j].type, l->v[i].type);
		if (wrote && !again)
			hwk_buf_printf(&b, "%s%s", b.len ? "," : "", l->v[i].type);
	}
	return b.s ? b.s : hwk_xstrdup("");
}

/* ---- corrections: hwk log --correct, --withdraw ---- */

/* Is the entry whose rows all[0..n) hold withdrawn, as of them? Its withdrawing rows are
 * dead, as the entry is: then no live row is of it. */
static int withdrawn_entry(const hwk_entry *all, size_t n, const unsigned char *dead,
			   const char *ident)
{
	int withdrawn = 0;
	for (size_t i = 0; i < n; i++) {
		if (!same_instant(hwk_entry_ident(&all[i]), ident))
			continue;
		if (!dead[i])
			return 0;
		withdrawn |= !strcmp(all[i].cols.v[HWK_E_STATUS], "withdrawn");
	}
	return withdrawn;
}

/* Does row i match which: a time (the entry's logged, as first logged or as
 * corrected), or a day (its at)? by: 1 logged, 2 at as a time, 3 at's day. */
static int matches(const hwk_entry *e, int by, time_t t, hwk_day d)
{
	time_t x;
	hwk_day xd;
	switch (by) {
	case 1:
		return (hwk_time_parse_iso(e->cols.v[HWK_E_LOGGED], &x) == 0 && x == t) ||
		       (hwk_time_parse_iso(hwk_entry_ident(e), &x) == 0 && x == t);
	case 2:
		return hwk_entry_at(e, &x) == 0 && x == t;
	default:
		return hwk_entry_day(e, &xd) == 0 && xd == d;
	}
}

/* The entry named by which (NULL: the latest) among all[0..n): *out is the row that
 * counts for it. -1 after a message: none, withdrawn, or more than one. */
static int find_entry(const hwk_assignment *a, const char *which, const hwk_entry *all,
		      size_t n, const unsigned char *dead, time_t now, size_t *out)
{
	time_t t = 0;
	hwk_day d = HWK_DAY_NONE;
	int by = 0;
	size_t m = 0;
	if (which && !strcmp(which, "last"))
		which = NULL; /* ASSIGNMENT@last: as ASSIGNMENT alone */
	if (!which) {
		/* the entry logged last, however often corrected since */
		time_t best = 0, x;
		for (size_t i = 0; i < n; i++)
			if (!dead[i] && hwk_time_parse_iso(hwk_entry_ident(&all[i]), &x) == 0 &&
			    (!m || x >= best))
				*out = i, m = 1, best = x;
		if (!m)
			return hwk_err("%s: no entries to correct", a->id);
	} else {
		if (strchr(which, 'T') && hwk_time_parse_iso(which, &t) == 0)
			by = 1;
		else if (hwk_parse_date(which, now, &d) == 0)
			by = 3;
		else
			return hwk_err("%s@%s: not a day (2026-11-27, yesterday, ...) or a time as "
				       "in the logged column (2026-11-27T21:04:00+01:00)",
				       a->id, which);
		/* a time names the entry logged then; failing that, the one done then */
		int last = by == 1 ? 2 : by;
		for (int pass = by; pass <= last && !m; pass++) {
			for (size_t i = 0; i < n; i++)
				if (!dead[i] && matches(&all[i], pass, t, d))
					*out = i, m++;
			if (m)
				by = pass;
		}
	}
	if (m == 0) {
		/* withdrawn: its withdrawing row has its at and names its logged */
		for (size_t i = 0; i < n; i++)
			if (!strcmp(all[i].cols.v[HWK_E_STATUS], "withdrawn") &&
			    (matches(&all[i], by, t, d) || (by == 1 && matches(&all[i], 2, t, d))) &&
			    withdrawn_entry(all, n, dead, hwk_entry_ident(&all[i])))
				return hwk_err("%s@%s: the entry was withdrawn (%s); log it anew",
					       a->id, which, all[i].cols.v[HWK_E_LOGGED]);
		return hwk_err("%s@%s: no such entry (see hwk list entries -a %s)", a->id, which,
			       a->id);
	}
	if (m > 1) {
		hwk_buf b = {0};
		for (size_t i = 0; i < n; i++)
			if (!dead[i] && matches(&all[i], by, t, d))
				hwk_buf_printf(&b, "%s %s@%s", b.len ? "," : "", a->id,
					       all[i].cols.v[HWK_E_LOGGED]);
		hwk_err("%s@%s: %zu entries; name one by its logged:%s", a->id, which, m, b.s);
		hwk_buf_free(&b);
		return -1;
	}
	/* the entry is named by its logged, which rows logged in the same second (an
	 * import) share: a correction could not tell them apart */
	const char *ident = hwk_entry_ident(&all[*out]);
	size_t same = 0;
	for (size_t i = 0; i < n; i++)
		same += !*all[i].cols.v[all[i].cols.n - 1] && same_instant(all[i].cols.v[HWK_E_LOGGED], ident);
	if (same > 1)
		return hwk_err("%s%s%s: %zu entries were logged at %s (an import, or logs in the same "
			       "second), and a correction names an entry by its logged: it cannot "
			       "name one of them",
			       a->id, which ? "@" : "", which ? which : "", same, ident);
	return 0;
}

/* The fixed columns a correction may change by NAME=VALUE. */
static long fixed_col(const char *v, size_t len)
{
	static const int can[] = {HWK_E_AT, HWK_E_STATUS, HWK_E_REASON, HWK_E_NOTE};
	for (size_t k = 0; k < sizeof can / sizeof *can; k++)
		if (strlen(hwk_entry_fixed[can[k]]) == len && !strncmp(hwk_entry_fixed[can[k]], v, len))
			return can[k];
	return -1;
}

/* The row for the entry e, corrected by in (or withdrawn). -1 after a message. */
static int amend_row(const hwk_assignment *a, const hwk_entry *e, const hwk_log_input *in,
		     int withdraw, time_t now, hwk_strs *row)
{
	char stamp[32];
	const char *set[HWK_ENTRY_FIXED] = {0};
	char **values = hwk_xcalloc(in->nvalues + 1, sizeof *values);
	hwk_log_input fields = {.values = values};
	int rc = -1;
	*row = copy_row(&e->cols);
	hwk_time_format(now, stamp);
	put(row, HWK_E_LOGGED, stamp);
	put(row, HWK_ENTRY_REPLACES(a), hwk_entry_ident(e));
	if (withdraw) {
		for (size_t i = HWK_E_STATUS; i < HWK_ENTRY_REPLACES(a); i++)
			put(row, i, "");
		put(row, HWK_E_STATUS, "withdrawn");
		if (in->note)
			put(row, HWK_E_NOTE, in->note);
		rc = hwk_entry_check(a, row, 0);
		goto out;
	}
	/* at, status, reason and note by name; fields by name only */
	set[HWK_E_AT] = in->at;
	set[HWK_E_STATUS] = in->skip ? "skipped" : in->partial ? "partial" : NULL;
	set[HWK_E_REASON] = in->skip;
	set[HWK_E_NOTE] = in->note;
	for (size_t k = 0; k < in->nvalues; k++) {
		char *v = in->values[k];
		size_t len = named(v);
		if (!len) {
			hwk_err("%s: a correction takes FIELD=VALUE", v);
			goto out;
		}
		long c = fixed_col(v, len);
		if (c < 0) {
			values[fields.nvalues++] = v;
			continue;
		}
		if (set[c]) {
			hwk_err("%s: given twice", hwk_entry_fixed[c]);
			goto out;
		}
		set[c] = v + len + 1;
	}
	if (set[HWK_E_AT]) {
		time_t at;
		if (parse_at(a, set[HWK_E_AT], now, &at) < 0)
			goto out;
		hwk_time_format(at, stamp);
		put(row, HWK_E_AT, stamp);
	}
	if (set[HWK_E_STATUS]) {
		/* a skip has no values, the others no reason: left behind unless given */
		int skip = !strcmp(set[HWK_E_STATUS], "skipped");
		for (size_t i = skip ? HWK_ENTRY_FIXED : HWK_E_REASON;
		     i < (skip ? HWK_ENTRY_REPLACES(a) : HWK_E_REASON + 1); i++)
			put(row, i, "");
		put(row, HWK_E_STATUS, set[HWK_E_STATUS]);
	}
	for (int c = HWK_E_REASON; c <= HWK_E_NOTE; c++)
		if (set[c])
			put(row, (size_t)c, set[c]);
	/* a step given is named on the ladder; the entry's own stays as it was */
	const hwk_field *sf = hwk_fields_find(&a->fields, "step");
	char *was = sf ? hwk_xstrdup(row->v[HWK_ENTRY_FIXED + (size_t)(sf - a->fields.v)]) : NULL;
	if (fill_values(a, &fields, row) < 0 ||
	    (sf && strcmp(was, row->v[HWK_ENTRY_FIXED + (size_t)(sf - a->fields.v)]) &&
	     ladder_step(a, row) < 0) ||
	    hwk_entry_check(a, row, 0) < 0) {
		free(was);
		goto out;
	}
	free(was);
	rc = 0;
out:
	free(values);
	if (rc < 0)
		hwk_strs_free(row);
	return rc;
}

int hwk_record_amend(const hwk_assignment *a, const char *which, const hwk_log_input *in,
		     int withdraw, time_t now, hwk_strs *row)
{
	hwk_entry *all;
	size_t n, i = 0;
	memset(row, 0, sizeof *row);
	if (hwk_entries_check_header(a, 1) < 0 || hwk_entries_read(a, &all, &n) < 0)
		return -1;
	unsigned char *dead = hwk_entries_dead(all, n);
	int rc = find_entry(a, which, all, n, dead, now, &i);
	if (rc == 0)
		rc = amend_row(a, &all[i], in, withdraw, now, row);
	free(dead);
	hwk_entry_rows_free(all, n);
	return rc;
}
