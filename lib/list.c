#define _GNU_SOURCE
#include "list.h"

#include <stdlib.h>
#include <string.h>

#include "adherence.h"
#include "assignment.h"
#include "entries.h"
#include "err.h"
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
	hwk_period span = {flt->since, flt->until};
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

/* Every listed client's assignments, and which of them the filter picks. */
typedef struct {
	size_t nclients;
	hwk_assignments *all; /* per client */
	size_t **picked;      /* per client: indexes into all[c] */
	size_t *npicked;
	int bad;              /* a client or file could not be read (and was named) */
} picks;

static void picks_free(picks *k)
{
	for (size_t c = 0; c < k->nclients; c++) {
		hwk_assignments_free(&k->all[c]);
		free(k->picked[c]);
	}
	free(k->all);
	free(k->picked);
	free(k->npicked);
}

/* The clients' assignments, with their ended ones that reach past (HWK_CURRENT: none).
 * With -a and several clients, a client without that assignment is passed over; that
 * none has it is the error. A file that cannot be read is named, and set in k->bad;
 * -1 is for what stops the command. */
static int picks_load(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		      const hwk_period *past, picks *k)
{
	size_t found = 0;
	k->nclients = clients->n;
	k->all = hwk_xcalloc(clients->n + 1, sizeof *k->all);
	k->picked = hwk_xcalloc(clients->n + 1, sizeof *k->picked);
	k->npicked = hwk_xcalloc(clients->n + 1, sizeof *k->npicked);
	for (size_t c = 0; c < clients->n; c++) {
		hwk_assignments *l = &k->all[c];
		if (load_client(p, clients->v[c], past, l) < 0)
			k->bad = 1;
		k->picked[c] = hwk_xcalloc(l->n + 1, sizeof **k->picked);
		if (flt->assignment) {
			size_t i;
			int r = hwk_assignments_match(l, flt->assignment, &i);
			if (r == 2 || (r == 0 && clients->n == 1))
				return (int)hwk_assignments_find(l, flt->assignment); /* says why */
			if (r == 1)
				k->picked[c][k->npicked[c]++] = i, found++;
			continue;
		}
		for (size_t i = 0; i < l->n; i++)
			if (!flt->type || !strcmp(flt->type, l->v[i].type))
				k->picked[c][k->npicked[c]++] = i;
	}
	if (flt->assignment && !found)
		return hwk_err("%s: no such assignment (see 'hwk list assignments')",
			       flt->assignment);
	return 0;
}

int hwk_list_entries(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		     hwk_fmt fmt, FILE *f)
{
	/* where it comes from, then the entry's fixed columns */
	static const char *const from[] = {"client", "assignment", "type"};
	enum { NFROM = 3, NFIX = NFROM + HWK_ENTRY_FIXED };
	picks k = {0};
	hwk_strs cols = {0};
	/* --history: every row as stored, and what each replaces, after the note */
	const size_t NF = NFIX + (flt->history != 0);
	hwk_coltype *types = hwk_xcalloc(NF, sizeof *types);
	hwk_period span = {flt->since, flt->until}; /* the entries of ended ones too */
	int rc = picks_load(p, clients, flt, &span, &k);
	int bad = 0;

	/* the columns: the fixed ones, then every field of the assignments listed */
	for (size_t i = 0; i < NF; i++)
		hwk_strs_push(&cols, hwk_xstrdup(i < NFROM ? from[i]
						 : i < NFIX ? hwk_entry_fixed[i - NFROM]
							    : hwk_entry_replaces));
	for (size_t c = 0; c < k.nclients && rc == 0; c++) {
		for (size_t i = 0; i < k.npicked[c]; i++) {
			const hwk_fields *fs = &k.all[c].v[k.picked[c][i]].fields;
			for (size_t j = 0; j < fs->n; j++) {
				size_t x;
				for (x = NF; x < cols.n; x++)
					if (!strcmp(cols.v[x], fs->v[j].name))
						break;
				if (x == cols.n) {
					hwk_strs_push(&cols, hwk_xstrdup(fs->v[j].name));
					types = hwk_xrealloc(types, cols.n * sizeof *types);
					types[x] = coltype(&fs->v[j]);
				} else if (types[x] != coltype(&fs->v[j])) {
					types[x] = HWK_COL_TEXT; /* same name, different kinds */
				}
			}
		}
	}
	if (rc < 0)
		goto out;
	bad = k.bad;

	hwk_out *o = hwk_out_new(fmt, f, (const char *const *)cols.v, cols.n);
	const char **vals = hwk_xcalloc(cols.n + 1, sizeof *vals);
	size_t *map = hwk_xcalloc(cols.n + 1, sizeof *map);
	for (size_t c = 0; c < k.nclients; c++) {
		for (size_t i = 0; i < k.npicked[c]; i++) {
			const hwk_assignment *a = &k.all[c].v[k.picked[c][i]];
			hwk_entries *r;
			hwk_entry e = {0};
			int got;
			/* where each of this assignment's fields goes */
			for (size_t j = 0; j < a->fields.n; j++)
				for (size_t x = NF; x < cols.n; x++)
					if (!strcmp(cols.v[x], a->fields.v[j].name))
						map[j] = x;
			/* a file that cannot be read, or a bad row, is named; the rows
			 * before it and the other files are listed */
			if (hwk_entries_open(a, flt->history, &r) < 0) {
				bad = 1;
				continue;
			}
			while ((got = hwk_entries_next(r, &e)) == 1) {
				size_t one = 1;
				if (hwk_entries_sift(a, &e, &one, HWK_DAY_NONE))
					continue; /* named, and left out */
				char **v = e.cols.v;
				hwk_day d;
				if (hwk_entry_day(&e, &d) < 0) {
					bad = hwk_err_at(a->csv_path, e.line, 0, "at: %s is not a time",
							 v[HWK_E_AT]);
					continue;
				}
				if ((flt->since != HWK_DAY_NONE && d < flt->since) ||
				    (flt->until != HWK_DAY_NONE && d > flt->until) ||
				    (flt->status && strcmp(flt->status, v[HWK_E_STATUS])) ||
				    (flt->reason && strcmp(flt->reason, v[HWK_E_REASON])))
					continue;
				for (size_t x = 0; x < cols.n; x++)
					vals[x] = NULL;
				vals[0] = a->client;
				vals[1] = a->id;
				vals[2] = a->type;
				for (size_t x = 0; x < HWK_ENTRY_FIXED; x++)
					vals[NFROM + x] = v[x];
				if (flt->history)
					vals[NFIX] = v[HWK_ENTRY_REPLACES(a)];
				for (size_t j = 0; j < a->fields.n; j++)
					vals[map[j]] = v[HWK_ENTRY_FIXED + j];
				hwk_out_row(o, vals, types);
			}
			if (got < 0)
				bad = 1;
			hwk_entry_free(&e);
			hwk_entries_close(r);
		}
	}
	out_finish(o, fmt, bad);
	free(vals);
	free(map);
out:
	picks_free(&k);
	free(types);
	hwk_strs_free(&cols);
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
	picks k = {0};
	if (picks_load(p, clients, flt, HWK_CURRENT, &k) < 0) {
		picks_free(&k);
		return -1;
	}
	hwk_out *o = hwk_out_new(fmt, f, cols, 9);
	int rc = k.bad ? -1 : 0;
	for (size_t c = 0; c < k.nclients; c++) {
		for (size_t i = 0; i < k.npicked[c]; i++) {
			const hwk_assignment *a = &k.all[c].v[k.picked[c][i]];
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
	}
	out_finish(o, fmt, rc < 0);
	picks_free(&k);
	return rc;
}
