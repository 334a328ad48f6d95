#define _GNU_SOURCE
#include "list.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "adherence.h"
#include "assignment.h"
#include "entries.h"
#include "err.h"
#include "prefetch.h"
#include "ydoc.h"

static hwk_coltype coltype(const hwk_field *f)
{
	switch (f->type) {
	case HWK_F_INTEGER:
		return HWK_COL_INT;
	case HWK_F_NUMBER:
		return HWK_COL_NUM;
	case HWK_F_YESNO:
		return HWK_COL_BOOL;
	default:
		return HWK_COL_TEXT;
	}
}

/* The end of a list that may have left something out (each named in a message): the
 * rest is shown all the same, but a JSON array is left open, so that no JSON reader
 * takes it for whole, and a CSV or TSV list with no row has no header either. */
static void out_finish(hwk_out *o, hwk_fmt fmt, int bad)
{
	if (bad && fmt != HWK_FMT_TABLE)
		hwk_out_fail(o);
	else
		hwk_out_end(o);
}

/* A client's assignments, and its ended ones that reach past (HWK_CURRENT: none). */
static int load_client(const hwk_practice *p, const char *client, const hwk_period *past,
		       hwk_assignments *l)
{
	char *dir = hwk_client_dir(p, client);
	int rc = hwk_assignments_load_all(dir, past, l);
	free(dir);
	return rc;
}

int hwk_list_clients(const hwk_practice *p, const hwk_strs *clients, hwk_fmt fmt, FILE *f)
{
	static const char *const cols[] = {"client", "name", "active", "created"};
	static const hwk_coltype types[] = {HWK_COL_TEXT, HWK_COL_TEXT, HWK_COL_INT, HWK_COL_TEXT};
	hwk_out *o = hwk_out_new(fmt, f, cols, 4);
	int rc = 0;
	/* a client or file that cannot be read is named in a message, and the others are
	 * listed all the same (each command over the caseload goes on so) */
	for (size_t i = 0; i < clients->n; i++) {
		hwk_assignments l = {0};
		char *dir = hwk_client_dir(p, clients->v[i]);
		hwk_client_info c = {0};
		char active[32];
		if (hwk_client_read(dir, 0, &c) < 0) {
			rc = -1;
		} else {
			if (hwk_assignments_load_all(dir, HWK_CURRENT, &l) < 0)
				rc = -1;
			size_t n = 0;
			for (size_t k = 0; k < l.n; k++)
				n += !strcmp(l.v[k].status, "active");
			snprintf(active, sizeof active, "%zu", n);
			const char *vals[] = {clients->v[i], c.name ? c.name : "", active,
					      c.created ? c.created : ""};
			hwk_out_row(o, vals, types);
		}
		hwk_assignments_free(&l);
		free(c.name);
		free(c.created);
		free(dir);
	}
	out_finish(o, fmt, rc < 0);
	return rc;
}

int hwk_list_assignments(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
			 hwk_fmt fmt, FILE *f)
{
	static const char *const cols[] = {"client", "id", "type", "every", "start", "until",
					   "status", "when", "where", "minimum", "instructions"};
	hwk_out *o = hwk_out_new(fmt, f, cols, 11);
	int rc = 0;
	/* the active ones are all in the folders; ended ones too in ended/ */
	hwk_period span = {flt->since, flt->until, 0};
	int ended = flt->all || (flt->status && strcmp(flt->status, "active"));
	for (size_t i = 0; i < clients->n; i++) {
		hwk_assignments l = {0};
		if (load_client(p, clients->v[i], ended ? &span : HWK_CURRENT, &l) < 0)
			rc = -1; /* said; those read are listed */
		for (size_t k = 0; k < l.n; k++) {
			const hwk_assignment *a = &l.v[k];
			if (flt->type && strcmp(flt->type, a->type))
				continue;
			if (flt->status ? strcmp(flt->status, a->status)
					: !flt->all && strcmp(a->status, "active"))
				continue;
			if (flt->since != HWK_DAY_NONE && a->until_day != HWK_DAY_NONE &&
			    a->until_day < flt->since)
				continue;
			if (flt->until != HWK_DAY_NONE && a->start_day > flt->until)
				continue;
			const char *vals[] = {a->client, a->id, a->type, a->every, a->start,
					      a->until ? a->until : "", a->status,
					      a->when ? a->when : "", a->where ? a->where : "",
					      a->minimum ? a->minimum : "",
					      a->instructions ? a->instructions : ""};
			hwk_out_row(o, vals, NULL);
		}
		hwk_assignments_free(&l);
	}
	out_finish(o, fmt, rc < 0);
	return rc;
}

/* One client's assignments, and which of them the filter picks. */
typedef struct {
	hwk_assignments all;
	size_t *picked; /* indexes into all */
	size_t n;
} picks;

static void picks_free(picks *k)
{
	hwk_assignments_free(&k->all);
	free(k->picked);
	*k = (picks){0};
}

/* A pass over the clients, one at a time: their folders read ahead (lib/prefetch.h),
 * each with its ended assignments that reach past (HWK_CURRENT: none). */
typedef struct {
	char **dirs;
	size_t n;
	hwk_prefetch *pf;
} pass;

static void pass_start(pass *ps, const hwk_practice *p, const hwk_strs *clients,
		       const hwk_period *past, const hwk_prefetch_then *then)
{
	ps->n = clients->n;
	ps->dirs = hwk_xcalloc(ps->n + 1, sizeof *ps->dirs);
	for (size_t c = 0; c < ps->n; c++)
		ps->dirs[c] = hwk_client_dir(p, clients->v[c]);
	ps->pf = hwk_prefetch_start_all((const char *const *)ps->dirs, ps->n, past, then);
}

static void pass_end(pass *ps)
{
	hwk_prefetch_end(ps->pf);
	for (size_t c = 0; c < ps->n; c++)
		free(ps->dirs[c]);
	free(ps->dirs);
	*ps = (pass){0};
}

/* Which of client c's assignments k->all the filter picks. *found counts the clients
 * that have the assignment -a names. With -a and several clients, a client without it
 * is passed over; -1 (after a message) is for what stops the command: -a names none of
 * a single client's, or several of a client's. */
static int picks_pick(const hwk_strs *clients, const hwk_filter *flt, picks *k, size_t *found)
{
	const hwk_assignments *l = &k->all;
	k->picked = hwk_xcalloc(l->n + 1, sizeof *k->picked);
	if (flt->assignment) {
		size_t i;
		int r = hwk_assignments_match(l, flt->assignment, &i);
		if (r == 2 || (r == 0 && clients->n == 1))
			return (int)hwk_assignments_find(l, flt->assignment); /* says why */
		if (r == 1)
			k->picked[k->n++] = i, ++*found;
		return 0;
	}
	for (size_t i = 0; i < l->n; i++)
		if (!flt->type || !strcmp(flt->type, l->v[i].type))
			k->picked[k->n++] = i;
	return 0;
}

/* Client c's assignments, taken from the pass (each asked for once, in order), and
 * those the filter picks (picks_pick). A file that cannot be read is named (unless
 * quiet: named in an earlier pass) and sets *bad. */
static int picks_load(pass *ps, const hwk_strs *clients, size_t c, const hwk_filter *flt,
		      int quiet, picks *k, int *bad, size_t *found)
{
	if (hwk_prefetch_get(ps->pf, c, !quiet, &k->all) != 0)
		*bad = 1;
	return picks_pick(clients, flt, k, found);
}

/* The pass over the clients, one at a time, before anything is listed: what stops the
 * command is found there, before a row is printed, and each client's picks are given
 * to see (which may be NULL) for what a listing must know first, as its columns. The
 * files that cannot be read are named here and set *bad, and named[c] for their
 * client, so that the pass that lists does not name them again (a file that fails
 * there only is named there). */
static int picks_scan(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		      const hwk_period *past, void (*see)(const picks *, void *), void *arg,
		      int *bad, unsigned char *named)
{
	size_t found = 0;
	int r = 0;
	pass ps;
	pass_start(&ps, p, clients, past, NULL);
	for (size_t c = 0; c < clients->n && r == 0; c++) {
		picks k = {0};
		int failed = 0;
		r = picks_load(&ps, clients, c, flt, 0, &k, &failed, &found);
		if (failed)
			*bad = named[c] = 1;
		if (r == 0 && see)
			see(&k, arg);
		picks_free(&k);
	}
	pass_end(&ps);
	if (r < 0)
		return -1;
	if (flt->assignment && !found)
		return hwk_err("%s: no such assignment (see 'hwk list assignments')",
			       flt->assignment);
	return 0;
}

/* The columns of a listing of entries: the fixed ones, then every field of the
 * assignments listed, in the order first met; a name two fields of different kinds
 * share is text. */
typedef struct {
	hwk_strs cols;
	hwk_coltype *types;
	size_t nfix;
} columns;

static void columns_see(const picks *k, void *arg)
{
	columns *cs = arg;
	for (size_t i = 0; i < k->n; i++) {
		const hwk_fields *fs = &k->all.v[k->picked[i]].fields;
		for (size_t j = 0; j < fs->n; j++) {
			size_t x;
			for (x = cs->nfix; x < cs->cols.n; x++)
				if (!strcmp(cs->cols.v[x], fs->v[j].name))
					break;
			if (x == cs->cols.n) {
				hwk_strs_push(&cs->cols, hwk_xstrdup(fs->v[j].name));
				cs->types = hwk_xrealloc(cs->types,
							 cs->cols.n * sizeof *cs->types);
				cs->types[x] = coltype(&fs->v[j]);
			} else if (cs->types[x] != coltype(&fs->v[j])) {
				cs->types[x] = HWK_COL_TEXT; /* same name, different kinds */
			}
		}
	}
}

/* Days by which the day of an entry's at (the date as written, in its own offset) may
 * lie outside its assignment's start..until, which hwk log holds it to as the day in
 * the practice's zone: an assignment further from the period has no entry in it. */
#define ZONE_DAYS 2

/* Entry e of a as a row of o, when the filter takes it. 0, or -1 when its at is not a
 * time (named). */
static int entry_row(const hwk_assignment *a, const hwk_entry *e, const hwk_filter *flt,
		     const columns *cs, hwk_out *o, const char **vals, const size_t *map)
{
	enum { NFROM = 3, NFIX = NFROM + HWK_ENTRY_FIXED };
	char **v = e->cols.v;
	hwk_day d;
	if (hwk_entry_day(e, &d) < 0)
		return hwk_err_at(a->csv_path, e->line, 0, "at: %s is not a time", v[HWK_E_AT]);
	if ((flt->since != HWK_DAY_NONE && d < flt->since) ||
	    (flt->until != HWK_DAY_NONE && d > flt->until) ||
	    (flt->status && strcmp(flt->status, v[HWK_E_STATUS])) ||
	    (flt->reason && strcmp(flt->reason, v[HWK_E_REASON])))
		return 0;
	for (size_t x = 0; x < cs->cols.n; x++)
		vals[x] = NULL;
	vals[0] = a->client;
	vals[1] = a->id;
	vals[2] = a->type;
	for (size_t x = 0; x < HWK_ENTRY_FIXED; x++)
		vals[NFROM + x] = v[x];
	if (flt->history)
		vals[NFIX] = v[HWK_ENTRY_REPLACES(a)];
	for (size_t j = 0; j < a->fields.n; j++)
		if (map[j])
			vals[map[j]] = v[HWK_ENTRY_FIXED + j];
	hwk_out_row(o, vals, cs->types);
	return 0;
}

/* The entries of one assignment the filter picks, as rows of o. 0, or -1 when a file
 * could not be read or a row was bad (each named; the rows before it and the other
 * files are listed). The cost follows the period: an assignment whose days lie outside
 * it is not opened, and with --since only the rows logged from the day before it on
 * are read, from the end of the file (an entry's at is never after its logged, but for
 * a few minutes' slack). */
static int list_entries_of(const hwk_assignment *a, const hwk_filter *flt,
			   const columns *cs, hwk_out *o, const char **vals, size_t *map)
{
	const hwk_strs *cols = &cs->cols;
	hwk_day since = flt->since, until = flt->until;
	hwk_entries *r;
	hwk_entry e = {0};
	int got, bad = 0;
	if ((until != HWK_DAY_NONE && a->start_day > until + ZONE_DAYS) ||
	    (since != HWK_DAY_NONE && a->until_day != HWK_DAY_NONE &&
	     a->until_day < since - ZONE_DAYS))
		return 0;
	/* where each of this assignment's fields goes (none: a field added since the
	 * columns were decided, which is not listed) */
	for (size_t j = 0; j < a->fields.n; j++) {
		map[j] = 0;
		for (size_t x = cs->nfix; x < cols->n; x++)
			if (!strcmp(cols->v[x], a->fields.v[j].name))
				map[j] = x;
	}
	if (since != HWK_DAY_NONE && since > a->start_day) {
		/* rows before the period are passed over unchecked, as the tail brings a few */
		hwk_entry *rows;
		size_t n;
		if ((flt->history ? hwk_entries_tail_stored(a, since, &rows, &n)
				  : hwk_entries_tail(a, since, &rows, &n)) < 0)
			return -1;
		hwk_entries_sift(a, rows, &n, since);
		for (size_t i = 0; i < n; i++)
			if (entry_row(a, &rows[i], flt, cs, o, vals, map) < 0)
				bad = -1;
		hwk_entry_rows_free(rows, n);
		return bad;
	}
	if (hwk_entries_open(a, flt->history, &r) < 0)
		return -1;
	while ((got = hwk_entries_next(r, &e)) == 1) {
		size_t one = 1;
		if (hwk_entries_sift(a, &e, &one, HWK_DAY_NONE))
			continue; /* named, and left out */
		if (entry_row(a, &e, flt, cs, o, vals, map) < 0)
			bad = -1;
	}
	if (got < 0)
		bad = -1;
	hwk_entry_free(&e);
	hwk_entries_close(r);
	return bad;
}

/* The second pass of hwk_list_entries: what every client's listing is made with. */
#define SPARES 8
typedef struct {
	const hwk_strs *clients;
	const hwk_filter *flt;
	const columns *cs;
	const hwk_out *o;
	/* the buffers of parts joined, for the parts to come: a client's rows are some
	 * hundreds of kilobytes, which a new buffer would grow to again, page by page */
	pthread_mutex_t mu;
	hwk_buf spare[SPARES];
	size_t nspare;
} lister;

/* A client's rows, as made in either thread (lib/prefetch.h) */
typedef struct {
	hwk_out *part;
	int bad;
} listed;

/* The rows of a client, from its assignments *l (taken: *l left empty), as rows of
 * out. 0, or 1 when some were left out (each named). */
static int list_client(const lister *ls, hwk_assignments *l, hwk_out *out)
{
	picks k = {.all = *l};
	size_t found = 0;
	*l = (hwk_assignments){0};
	int bad = picks_pick(ls->clients, ls->flt, &k, &found) < 0; /* changed since the
								      * first pass, and named */
	const char **vals = hwk_xcalloc(ls->cs->cols.n + 1, sizeof *vals);
	size_t *map = NULL;
	for (size_t i = 0; i < k.n; i++) {
		const hwk_assignment *a = &k.all.v[k.picked[i]];
		map = hwk_xrealloc(map, (a->fields.n + 1) * sizeof *map);
		if (list_entries_of(a, ls->flt, ls->cs, out, vals, map) < 0)
			bad = 1;
	}
	free(vals);
	free(map);
	picks_free(&k);
	return bad;
}

static void *list_made(void *arg, size_t c, hwk_assignments *l, int rc)
{
	lister *ls = arg;
	listed *d = hwk_xcalloc(1, sizeof *d);
	hwk_buf b = {0};
	(void)c;
	pthread_mutex_lock(&ls->mu);
	if (ls->nspare)
		b = ls->spare[--ls->nspare];
	pthread_mutex_unlock(&ls->mu);
	d->part = hwk_out_part(ls->o, &b);
	d->bad = list_client(ls, l, d->part) || rc;
	return d;
}

static void list_drop(void *made)
{
	listed *d = made;
	hwk_out_part_free(d->part);
	free(d);
}

int hwk_list_entries(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		     hwk_fmt fmt, FILE *f)
{
	/* where it comes from, then the entry's fixed columns */
	static const char *const from[] = {"client", "assignment", "type"};
	enum { NFROM = 3, NFIX = NFROM + HWK_ENTRY_FIXED };
	/* --history: every row as stored, and what each replaces, after the note */
	columns cs = {.nfix = NFIX + (flt->history != 0)};
	cs.types = hwk_xcalloc(cs.nfix, sizeof *cs.types);
	hwk_period span = {flt->since, flt->until, 0}; /* the entries of ended ones too */
	int bad = 0;

	for (size_t i = 0; i < cs.nfix; i++)
		hwk_strs_push(&cs.cols, hwk_xstrdup(i < NFROM ? from[i]
						    : i < NFIX ? hwk_entry_fixed[i - NFROM]
							       : hwk_entry_replaces));
	/* a CSV or TSV header comes before the first row: the columns are learnt in a
	 * first pass over the clients' assignments, and the entries read in a second,
	 * one client at a time, so that what is held is one client's */
	unsigned char *named = hwk_xcalloc(clients->n + 1, 1);
	int rc = picks_scan(p, clients, flt, &span, columns_see, &cs, &bad, named);
	if (rc == 0) {
		hwk_out *o = hwk_out_new(fmt, f, (const char *const *)cs.cols.v, cs.cols.n);
		lister ls = {clients, flt, &cs, o, PTHREAD_MUTEX_INITIALIZER, {{0}}, 0};
		hwk_prefetch_then then = {list_made, list_drop, &ls};
		pass ps;
		/* each client's rows made in the thread that read its assignments, when the
		 * format allows: both threads list */
		pass_start(&ps, p, clients, &span, hwk_out_parts(o) ? &then : NULL);
		for (size_t c = 0; c < clients->n; c++) {
			hwk_assignments l;
			void *made = NULL;
			if (hwk_prefetch_get_made(ps.pf, c, !named[c], &l, &made) != 0)
				bad = 1;
			if (made) {
				listed *d = made;
				hwk_buf b;
				hwk_out_join(o, d->part, &b);
				pthread_mutex_lock(&ls.mu);
				if (ls.nspare < SPARES)
					ls.spare[ls.nspare++] = b;
				else
					hwk_buf_free(&b);
				pthread_mutex_unlock(&ls.mu);
				bad |= d->bad;
				free(d);
			} else if (list_client(&ls, &l, o)) {
				bad = 1;
			}
			hwk_assignments_free(&l);
		}
		pass_end(&ps);
		out_finish(o, fmt, bad);
		for (size_t i = 0; i < ls.nspare; i++)
			hwk_buf_free(&ls.spare[i]);
	}
	free(named);
	free(cs.types);
	hwk_strs_free(&cs.cols);
	return rc < 0 || bad ? -1 : 0;
}

int hwk_list_due(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		 time_t now, hwk_fmt fmt, FILE *f)
{
	/* expected: the week's days up to today, as report --week this counts them;
	 * expected_week: the whole week, what left is reckoned from */
	static const char *const cols[] = {"client", "assignment", "type", "every", "today",
					   "week", "expected", "expected_week", "left"};
	static const hwk_coltype types[] = {HWK_COL_TEXT, HWK_COL_TEXT, HWK_COL_TEXT,
					    HWK_COL_TEXT, HWK_COL_TEXT, HWK_COL_INT,
					    HWK_COL_INT, HWK_COL_INT, HWK_COL_INT};
	hwk_day today = hwk_day_of(now);
	hwk_day ws = hwk_week_start(today, p->week_start);
	int bad = 0;
	size_t found = 0;
	/* -a is looked for in every client before a row is printed (an ambiguous one
	 * stops the command, as one found nowhere); then one client at a time is held */
	unsigned char *named = hwk_xcalloc(clients->n + 1, 1);
	/* what is due is about today on: an ended one in the folder whose last day is
	 * over is not read (nor ended/) */
	hwk_period on = {today, HWK_DAY_NONE, 1};
	if (flt->assignment && picks_scan(p, clients, flt, &on, NULL, NULL, &bad, named) < 0) {
		free(named);
		return -1;
	}
	hwk_out *o = hwk_out_new(fmt, f, cols, 9);
	int rc = 0;
	pass ps;
	pass_start(&ps, p, clients, &on, NULL);
	for (size_t c = 0; c < clients->n; c++) {
		picks k = {0};
		if (picks_load(&ps, clients, c, flt, named[c], &k, &bad, &found) < 0)
			bad = 1; /* -a: changed since the scan, and named */
		for (size_t i = 0; i < k.n; i++) {
			const hwk_assignment *a = &k.all.v[k.picked[i]];
			if (!hwk_assignment_open(a, now) || !hwk_assignment_active_on(a, today))
				continue;
			hwk_every ev; /* the frequency in force today */
			hwk_every_on_day(a, today, &ev);
			int once = ev.kind == HWK_EVERY_ONCE;
			hwk_entry *rows;
			size_t n;
			long week, expected, tdone, tpartial, tskipped;
			if (hwk_entries_tail(a, once ? a->start_day : ws, &rows, &n) < 0) {
				rc = -1; /* named; the others are listed */
				continue;
			}
			hwk_adherence_week(a, rows, n, ws, p->week_start, &week, &expected);
			hwk_adherence sofar; /* the days up to today, as the report counts */
			hwk_adherence_compute(a, rows, n, ws, ws + 6, today, p->week_start, &sofar);
			hwk_entries_count(rows, n, today, today, &tdone, &tpartial, &tskipped);
			const char *state = "-";
			if (tdone + tpartial)
				state = "done";
			else if (tskipped)
				state = "skipped";
			else if (once) {
				long od, op, os;
				hwk_entries_count(rows, n, a->start_day, today, &od, &op, &os);
				if (od + op == 0)
					state = "due";
			} else if (ev.kind == HWK_EVERY_PERWEEK ? week < expected
				   : hwk_every_weight7(&ev, today) > 0) {
				state = "due";
			}
			hwk_entry_rows_free(rows, n);
			char sw[32], st[32], se[32], sl[32];
			snprintf(sw, sizeof sw, "%ld", week);
			snprintf(st, sizeof st, "%ld", sofar.expected);
			snprintf(se, sizeof se, "%ld", expected);
			snprintf(sl, sizeof sl, "%ld", expected > week ? expected - week : 0);
			const char *vals[] = {a->client, a->id, a->type, a->every, state, sw, st, se, sl};
			hwk_out_row(o, vals, types);
		}
		picks_free(&k);
	}
	pass_end(&ps);
	if (bad)
		rc = -1;
	out_finish(o, fmt, rc < 0);
	free(named);
	return rc;
}
