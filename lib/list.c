#define _GNU_SOURCE
#include "list.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "adherence.h"
#include "assignment.h"
#include "cache.h"
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

static void columns_add(columns *cs, const char *name, hwk_coltype t);

static void columns_see(const picks *k, void *arg)
{
	for (size_t i = 0; i < k->n; i++) {
		const hwk_fields *fs = &k->all.v[k->picked[i]].fields;
		for (size_t j = 0; j < fs->n; j++)
			columns_add(arg, fs->v[j].name, coltype(&fs->v[j]));
	}
}

/* Column name as a listing of fields of kind t: a name two fields of different kinds
 * share is text. */
static void columns_add(columns *cs, const char *name, hwk_coltype t)
{
	size_t x;
	for (x = cs->nfix; x < cs->cols.n; x++)
		if (!strcmp(cs->cols.v[x], name))
			break;
	if (x == cs->cols.n) {
		hwk_strs_push(&cs->cols, hwk_xstrdup(name));
		cs->types = hwk_xrealloc(cs->types, cs->cols.n * sizeof *cs->types);
		cs->types[x] = t;
	} else if (cs->types[x] != t) {
		cs->types[x] = HWK_COL_TEXT; /* same name, different kinds */
	}
}

/* The columns a client's picks bring, in order, as text: "NAME/KIND,..." (field names
 * hold neither; KIND a hwk_coltype's digit), each name and kind once. */
static char *columns_text(const picks *k)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	for (size_t i = 0; i < k->n; i++) {
		const hwk_fields *fs = &k->all.v[k->picked[i]].fields;
		for (size_t j = 0; j < fs->n; j++) {
			char *one = hwk_xasprintf("%s/%d", fs->v[j].name, (int)coltype(&fs->v[j]));
			size_t n = strlen(one);
			int seen = 0;
			for (const char *q = b.s; !seen && (q = strstr(q, one)); q++)
				seen = (q == b.s || q[-1] == ',') && (q[n] == ',' || !q[n]);
			if (!seen)
				hwk_buf_printf(&b, "%s%s", b.len ? "," : "", one);
			free(one);
		}
	}
	return b.s;
}

/* Each column of text (columns_text) into cs, in order. */
static void columns_read(columns *cs, const char *text)
{
	char *t = hwk_xstrdup(text), *save = NULL;
	for (char *one = strtok_r(t, ",", &save); one; one = strtok_r(NULL, ",", &save)) {
		char *slash = strrchr(one, '/');
		if (!slash)
			continue;
		*slash = 0;
		int k = atoi(slash + 1);
		columns_add(cs, one, k >= HWK_COL_TEXT && k <= HWK_COL_JSON ? (hwk_coltype)k : HWK_COL_TEXT);
	}
	free(t);
}

/* ---- the first pass's columns, kept in the cache ----
 * The columns a client's assignments bring are kept in the local cache (cache.h) under
 * a sum of every assignment file its folder and its ended/ hold (each one's name,
 * inode, size, modification and change times, as git's index trusts a file) and of what
 * the listing asks: while none of those changes, the next listing takes them from there
 * after listing the folders and looking at each file's inode, and reads no file. */

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

static uint64_t str_sum(const char *s, uint64_t h)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return mix(h ^ 0xff);
}

/* Add each *.yaml of folder path (named rel in the sum) to *sum. 0; -1 when it cannot
 * be read (missing: when may_miss, 0 with nothing added). */
static int sum_folder(const char *path, const char *rel, int may_miss, uint64_t *sum)
{
	DIR *d = opendir(path);
	if (!d)
		return may_miss && (errno == ENOENT || errno == ENOTDIR) ? 0 : -1;
	struct dirent *de;
	int err = 0;
	while ((de = hwk_readdir(d, &err))) {
		size_t n = strlen(de->d_name);
		struct stat st;
		if (n < 5 || strcmp(de->d_name + n - 5, ".yaml"))
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			err = errno;
			break;
		}
		uint64_t h = str_sum(de->d_name, str_sum(rel, 14695981039346656037u));
		const uint64_t v[] = {(uint64_t)st.st_ino,          (uint64_t)st.st_size,
				      (uint64_t)st.st_mode,         (uint64_t)st.st_mtim.tv_sec,
				      (uint64_t)st.st_mtim.tv_nsec, (uint64_t)st.st_ctim.tv_sec,
				      (uint64_t)st.st_ctim.tv_nsec};
		for (size_t i = 0; i < sizeof v / sizeof *v; i++)
			h = mix(h ^ v[i]) + i;
		*sum += h; /* in any order the folder lists them */
	}
	closedir(d);
	return err ? -1 : 0;
}

/* The sum of client folder dir's assignment files, from seed (what the listing asks):
 * 0, or -1 when a folder cannot be read (nothing kept then). */
static int folder_key(const char *dir, uint64_t seed, uint64_t *key)
{
	uint64_t sum = 0;
	if (sum_folder(dir, "", 0, &sum) < 0)
		return -1;
	char *ended = hwk_path(dir, HWK_ENDED_DIR);
	hwk_strs years = {0};
	int rc = hwk_ended_years(dir, &years);
	for (size_t i = 0; rc == 0 && i < years.n; i++) {
		char *y = hwk_path(ended, years.v[i]);
		rc = sum_folder(y, years.v[i], 1, &sum);
		free(y);
	}
	hwk_strs_free(&years);
	free(ended);
	*key = mix(sum ^ seed);
	return rc;
}

/* What the first pass of a listing of entries is made with, and of each client. */
typedef struct {
	const hwk_strs *clients;
	const hwk_filter *flt;
	const pass *ps; /* its dirs made before its thread starts */
	uint64_t seed;
	uint64_t *key; /* each client's sum, as its first look found it */
	unsigned char *keyed;
} learner;

typedef struct {
	char *cols; /* columns_text */
	int r;      /* picks_pick's */
} learnt;

static void *learn_first(void *arg, size_t c)
{
	learner *ln = arg;
	char *cols;
	ln->keyed[c] = folder_key(ln->ps->dirs[c], ln->seed, &ln->key[c]) == 0;
	if (!ln->keyed[c] || !hwk_cache_columns(ln->ps->dirs[c], ln->key[c], &cols))
		return NULL;
	learnt *d = hwk_xcalloc(1, sizeof *d);
	d->cols = cols;
	return d;
}

static void *learn_made(void *arg, size_t c, hwk_assignments *l, int rc)
{
	learner *ln = arg;
	learnt *d = hwk_xcalloc(1, sizeof *d);
	picks k = {.all = *l};
	size_t found = 0;
	*l = (hwk_assignments){0};
	d->r = picks_pick(ln->clients, ln->flt, &k, &found);
	d->cols = columns_text(&k);
	/* only what was read clean (a file named is named again next time) */
	if (ln->keyed[c] && !rc && d->r == 0)
		hwk_cache_columns_note(ln->ps->dirs[c], ln->key[c], d->cols);
	picks_free(&k);
	return d;
}

static void learnt_drop(void *made)
{
	learnt *d = made;
	free(d->cols);
	free(d);
}

/* The first pass of a listing of entries without -a: the columns, into cs; the clients
 * whose files cannot be read named, and in named. */
static void learn_columns(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
			  const hwk_period *span, columns *cs, int *bad, unsigned char *named)
{
	pass ps;
	learner ln = {clients, flt, &ps, 0, NULL, NULL};
	/* what the listing asks, and the day (an ended assignment's stay in its folder) */
	char what[160];
	snprintf(what, sizeof what, "%ld %ld %s %ld", (long)flt->since, (long)flt->until,
		 flt->type ? flt->type : "", (long)hwk_day_of(hwk_now(NULL)));
	ln.seed = str_sum(what, 1469598103934665603u);
	ln.key = hwk_xcalloc(clients->n + 1, sizeof *ln.key);
	ln.keyed = hwk_xcalloc(clients->n + 1, 1);
	/* kept for a listing of the whole history only, which reads every file of ended/
	 * anyway: one of a period reads no more of ended/ than the period reaches, and
	 * its sum would list it all */
	int whole = flt->since == HWK_DAY_NONE && flt->until == HWK_DAY_NONE;
	hwk_prefetch_then then = {learn_made, learnt_drop, &ln, whole ? learn_first : NULL};
	pass_start(&ps, p, clients, span, &then);
	for (size_t c = 0; c < clients->n; c++) {
		hwk_assignments l;
		void *made = NULL;
		if (hwk_prefetch_get_made(ps.pf, c, 1, &l, &made) != 0)
			*bad = named[c] = 1;
		learnt *d = made;
		if (d) {
			columns_read(cs, d->cols);
			learnt_drop(d);
		}
		hwk_assignments_free(&l);
	}
	pass_end(&ps);
	free(ln.key);
	free(ln.keyed);
}

/* Days by which the day of an entry's at (the date as written, in its own offset) may
 * lie outside its assignment's start..until, which hwk log holds it to as the day in
 * the practice's zone: an assignment further from the period has no entry in it. */
#define ZONE_DAYS 2

/* How the rows of one assignment are written in CSV straight from the entries file's
 * bytes, when they can be: the cells of a row read from a line lie back to back, as on
 * the line, and those that CSV writes as they are need only be copied, a run of cells
 * that stay side by side in the listing at once, its NULs made commas again. */
typedef struct {
	size_t cell, n; /* cells cell..cell+n-1 of the stored row */
	size_t commas;  /* the commas before them: the columns since the one before */
} piece;

typedef struct {
	hwk_buf lead;  /* client,assignment,type, as CSV */
	piece *p;      /* in the listing's order */
	size_t np, cap;
	size_t tail;   /* the commas after the last */
} rowplan;

/* The plan for a, whose fields go to the columns map says (0: not listed). */
static void rowplan_make(rowplan *pl, const hwk_assignment *a, const hwk_filter *flt,
			 const columns *cs, const size_t *map)
{
	enum { NFROM = 3, NFIX = NFROM + HWK_ENTRY_FIXED };
	size_t ncells = HWK_ENTRY_NCOLS(a), last = NFROM - 1;
	pl->np = 0;
	/* each column of the listing in turn: which cell of the row it is (a few dozen) */
	for (size_t x = NFROM; x < cs->cols.n; x++) {
		size_t c = ncells;
		if (x < NFIX)
			c = x - NFROM;
		else if (x == NFIX && flt->history)
			c = HWK_ENTRY_REPLACES(a);
		for (size_t j = 0; j < a->fields.n && c == ncells; j++)
			if (map[j] == x)
				c = HWK_ENTRY_FIXED + j;
		if (c == ncells)
			continue; /* empty in a's rows */
		piece *q = pl->np ? &pl->p[pl->np - 1] : NULL;
		if (q && x == last + 1 && c == q->cell + q->n) {
			q->n++;
		} else {
			if (pl->np == pl->cap) {
				pl->cap = pl->cap ? pl->cap * 2 : 16;
				pl->p = hwk_xrealloc(pl->p, pl->cap * sizeof *pl->p);
			}
			pl->p[pl->np++] = (piece){c, 1, x - last};
		}
		last = x;
	}
	pl->tail = cs->cols.n - 1 - last;
	hwk_buf_reset(&pl->lead);
	const char *lead[] = {a->client, a->id, a->type};
	hwk_out_csv_cells(&pl->lead, lead, NFROM);
}

static void rowplan_free(rowplan *pl)
{
	hwk_buf_free(&pl->lead);
	free(pl->p);
}

/* Commas enough for any run of them. */
static const char commas[] = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";

static void add_commas(hwk_buf *b, size_t n)
{
	for (size_t k; n; n -= k) {
		k = n < sizeof commas - 1 ? n : sizeof commas - 1;
		hwk_buf_add(b, commas, k);
	}
}

/* e as a row of o by plan pl: 1, or 0 when it cannot be (hwk_out_row then). */
static int raw_row(const hwk_assignment *a, const hwk_entry *e, const rowplan *pl, hwk_out *o)
{
	char *const *v = e->cols.v;
	size_t last = HWK_ENTRY_REPLACES(a);
	const char *end = v[last] + strlen(v[last]) + 1;
	hwk_buf *b;
	if (!e->cols.packed || !(b = hwk_out_raw(o)))
		return 0;
	hwk_buf_add(b, pl->lead.s, pl->lead.len);
	for (size_t i = 0; i < pl->np; i++) {
		const piece *q = &pl->p[i];
		size_t c = q->cell, z = c + q->n;
		const char *zend = z <= last ? v[z] : end;
		add_commas(b, q->commas);
		if (!hwk_csv_plain_run(v + c, q->n, zend)) {
			/* a note with a comma, say: cell by cell, as hwk_out_row would */
			for (size_t x = c; x < z; x++) {
				if (x > c)
					hwk_buf_addc(b, ',');
				hwk_out_csv_cell(b, v[x]);
			}
			continue;
		}
		size_t at = b->len;
		hwk_buf_add(b, v[c], (size_t)(zend - v[c]) - 1);
		for (size_t x = c + 1; x < z; x++)
			b->s[at + (size_t)(v[x] - v[c]) - 1] = ',';
	}
	add_commas(b, pl->tail);
	hwk_buf_addc(b, '\n');
	hwk_out_raw_end(o);
	return 1;
}

/* Entry e of a as a row of o, when the filter takes it (by plan pl when it can be). 0,
 * or -1 when its at is not a time (named). */
static int entry_row(const hwk_assignment *a, const hwk_entry *e, const hwk_filter *flt,
		     const columns *cs, hwk_out *o, const char **vals, const size_t *map,
		     const rowplan *pl)
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
	if (raw_row(a, e, pl, o))
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
			   const columns *cs, hwk_out *o, const char **vals, size_t *map,
			   rowplan *pl)
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
		const char *name = a->fields.v[j].name;
		for (size_t x = cs->nfix; x < cols->n; x++)
			if (cols->v[x][0] == name[0] && !strcmp(cols->v[x], name))
				map[j] = x;
	}
	rowplan_make(pl, a, flt, cs, map);
	if (since != HWK_DAY_NONE && since > a->start_day) {
		/* rows before the period are passed over unchecked, as the tail brings a few */
		hwk_entry *rows;
		size_t n;
		if ((flt->history ? hwk_entries_tail_stored(a, since, &rows, &n)
				  : hwk_entries_tail(a, since, &rows, &n)) < 0)
			return -1;
		hwk_entries_sift(a, rows, &n, since);
		for (size_t i = 0; i < n; i++)
			if (entry_row(a, &rows[i], flt, cs, o, vals, map, pl) < 0)
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
		if (entry_row(a, &e, flt, cs, o, vals, map, pl) < 0)
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
	rowplan pl = {0};
	for (size_t i = 0; i < k.n; i++) {
		const hwk_assignment *a = &k.all.v[k.picked[i]];
		map = hwk_xrealloc(map, (a->fields.n + 1) * sizeof *map);
		if (list_entries_of(a, ls->flt, ls->cs, out, vals, map, &pl) < 0)
			bad = 1;
	}
	rowplan_free(&pl);
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
	int rc = 0;
	if (flt->assignment)
		rc = picks_scan(p, clients, flt, &span, columns_see, &cs, &bad, named);
	else
		learn_columns(p, clients, flt, &span, &cs, &bad, named);
	if (rc == 0) {
		hwk_out *o = hwk_out_new(fmt, f, (const char *const *)cs.cols.v, cs.cols.n);
		lister ls = {clients, flt, &cs, o, PTHREAD_MUTEX_INITIALIZER, {{0}}, 0};
		hwk_prefetch_then then = {list_made, list_drop, &ls, NULL};
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
