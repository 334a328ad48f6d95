#define _GNU_SOURCE
#include "assignment.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvfile.h"
#include "err.h"
#include "practice.h"
#include "store.h"
#include "ydoc.h"

/* The assignment file's text keys in the order they are written, where each is kept,
 * whether it must be there, whether it is written plain (the dates) and whether
 * assign --edit may change it; its fields and history follow them. keys[] is the same
 * list with those two, for the key check. */
#define TEXT(k, req, plain, edit) {#k, offsetof(hwk_assignment, k), req, plain, edit}
static const struct {
	const char *key;
	size_t off;
	int required, plain, editable;
} texts[] = {
	TEXT(id, 1, 0, 0), TEXT(client, 1, 0, 0), TEXT(type, 1, 0, 0), TEXT(title, 0, 0, 0),
	TEXT(every, 1, 0, 1), TEXT(start, 1, 1, 0), TEXT(until, 0, 1, 1), TEXT(when, 0, 0, 1),
	TEXT(where, 0, 0, 1), TEXT(minimum, 0, 0, 1), TEXT(instructions, 0, 0, 1),
	TEXT(status, 1, 0, 0),
};
#undef TEXT
#define NTEXTS (sizeof texts / sizeof *texts)

static const char *const keys[] = {
	"id", "client", "type", "title", "every", "start", "until", "when", "where", "minimum",
	"instructions", "status", "fields", "ladder", "history", NULL,
};

static char **text_of(hwk_assignment *a, size_t i)
{
	return (char **)((char *)a + texts[i].off);
}

static const char *text_in(const hwk_assignment *a, size_t i)
{
	return *(char *const *)((const char *)a + texts[i].off);
}

/* The SUDS scale of a's ladder: its suds_peak field's bounds, else 0..100. */
static void ladder_scale(const hwk_assignment *a, int *lo, int *hi)
{
	const hwk_field *f = hwk_fields_find(&a->fields, "suds_peak");
	*lo = f && f->has_min ? (int)f->min : 0;
	*hi = f && f->has_max ? (int)f->max : 100;
}

/* Can a take a ladder: has it a text field `step`? */
static int ladder_fits(const hwk_assignment *a)
{
	const hwk_field *f = hwk_fields_find(&a->fields, "step");
	return f && f->type == HWK_F_TEXT;
}

static const char *const change_keys[] = {"at", "change", "from", "to", NULL};

void hwk_assignment_free(hwk_assignment *a)
{
	for (size_t i = 0; i < NTEXTS; i++)
		free(*text_of(a, i));
	free(a->yaml_path);
	free(a->csv_path);
	hwk_fields_free(&a->fields);
	hwk_ladder_free(&a->ladder);
	for (size_t i = 0; i < a->nhistory; i++) {
		free(a->history[i].at);
		free(a->history[i].change);
		free(a->history[i].from);
		free(a->history[i].to);
	}
	free(a->history);
	memset(a, 0, sizeof *a);
}

/* The folder a file is in ("." for a bare name). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? hwk_xstrndup(path, (size_t)(slash - path)) : hwk_xstrdup(".");
}

int hwk_ended_year_name(const char *name)
{
	return strlen(name) == 4 && strspn(name, "0123456789") == 4;
}

char *hwk_ended_year_dir(const char *dir, const char *year)
{
	return hwk_xasprintf("%s/" HWK_ENDED_DIR "/%.4s", dir, year);
}

int hwk_ended_stay_over(const char *until, hwk_day today)
{
	char stayed[16]; /* an UNTIL before it is over */
	if (today == HWK_DAY_NONE)
		return 0;
	hwk_day_format(today - HWK_ENDED_STAY, stayed);
	return strlen(stayed) == 10 && strncmp(until, stayed, 10) < 0;
}

int hwk_ended_years(const char *dir, hwk_strs *years)
{
	char *ended = hwk_path(dir, HWK_ENDED_DIR);
	DIR *d = opendir(ended);
	int rc = 0, err = 0;
	if (!d) {
		rc = errno == ENOENT ? 0 : -1;
		free(ended);
		return rc;
	}
	struct dirent *e;
	while ((e = hwk_readdir(d, &err))) {
		if (!hwk_ended_year_name(e->d_name))
			continue; /* not a year folder: not hwk's, left alone */
		char *path = hwk_path(ended, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			hwk_strs_push(years, hwk_xstrdup(e->d_name));
		free(path);
	}
	closedir(d);
	free(ended);
	hwk_strs_sort(years);
	errno = err;
	return err ? -1 : 0;
}

/* The client folder an ended/YYYY/ folder is in, or NULL when dir is not one. */
static char *ended_parent(const char *dir)
{
	size_t n = strlen(dir), k = strlen(HWK_ENDED_DIR);
	if (n < k + 5 || dir[n - 5] != '/' || !hwk_ended_year_name(dir + n - 4))
		return NULL;
	n -= 5;
	if (strncmp(dir + n - k, HWK_ENDED_DIR, k) || (n > k && dir[n - k - 1] != '/'))
		return NULL;
	return n == k ? hwk_xstrdup(".") : hwk_xstrndup(dir, n - k - 1);
}

int hwk_assignment_derive(hwk_assignment *a, const char *dir)
{
	free(a->csv_path);
	char *name = hwk_xasprintf("%s.yaml", a->id);
	if (!a->yaml_path) /* a new one; one read keeps the name it was read under */
		a->yaml_path = hwk_path(dir, name);
	strcpy(name + strlen(a->id), ".csv");
	a->csv_path = hwk_path(dir, name);
	free(name);
	if (hwk_every_parse(a->every, &a->ev, NULL) < 0)
		return hwk_err("%s: every: %s is not a frequency", a->yaml_path, a->every);
	if (hwk_day_parse_ymd(a->start, &a->start_day) < 0)
		return hwk_err("%s: start: %s is not a date", a->yaml_path, a->start);
	a->until_day = HWK_DAY_NONE;
	if (a->until && hwk_day_parse_ymd(a->until, &a->until_day) < 0)
		return hwk_err("%s: until: %s is not a date", a->yaml_path, a->until);
	return 0;
}

int hwk_assignment_active_on(const hwk_assignment *a, hwk_day day)
{
	return day >= a->start_day && (a->until_day == HWK_DAY_NONE || day <= a->until_day);
}

int hwk_assignment_ends_ahead(const hwk_assignment *a)
{
	if (strcmp(a->status, "ended") || a->until_day == HWK_DAY_NONE)
		return 0;
	/* the day its (latest) end was recorded, in the zone it was recorded in */
	for (size_t i = a->nhistory; i-- > 0;)
		if (!strcmp(a->history[i].change, "ended")) {
			hwk_day d;
			return a->history[i].at && hwk_stamp_day(a->history[i].at, &d) == 0 &&
			       d < a->until_day;
		}
	return 0;
}

int hwk_assignment_open(const hwk_assignment *a, time_t now)
{
	if (!strcmp(a->status, "active"))
		return 1;
	return hwk_assignment_ends_ahead(a) && hwk_day_of(now) <= a->until_day;
}

const char *hwk_assignment_every_on(const hwk_assignment *a, hwk_day day)
{
	hwk_schedule s;
	hwk_assignment_schedule(a, &s);
	const char *every = hwk_schedule_on(&s, day, NULL);
	hwk_schedule_free(&s);
	return every;
}

static int check_date(const char *file, const hwk_ynode *root, const char *key, const char *v)
{
	hwk_day d;
	if (v && hwk_day_parse_ymd(v, &d) < 0)
		return hwk_yerr(file, hwk_ymap_get(root, key), "'%s' must be a date (YYYY-MM-DD)", key);
	return 0;
}

/* Where an assignment file read is: given as text (FLOATING), or at its path, whose name
 * and folder must fit it (PLACED); BESIDE: placed, and its folder's listing showed its
 * entries file there, so that no look for one a crash left behind is needed. */
enum { FLOATING, PLACED, BESIDE };
static int assignment_from(const char *path, hwk_ynode *root, hwk_assignment *a, int placed);

int hwk_assignment_load(const char *path, hwk_assignment *a)
{
	hwk_ynode *root;
	memset(a, 0, sizeof *a);
	if (hwk_yaml_load(path, &root) < 0)
		return -1;
	return assignment_from(path, root, a, PLACED);
}

int hwk_assignment_parse(const char *name, const char *data, size_t len, hwk_assignment *a)
{
	hwk_ynode *root;
	memset(a, 0, sizeof *a);
	if (hwk_yaml_parse(name, data, len, &root) < 0)
		return -1;
	return assignment_from(name, root, a, FLOATING);
}

/* Read from an assignment file's text; root is freed. placed: FLOATING, PLACED or
 * BESIDE, above. */
static int assignment_from(const char *path, hwk_ynode *root, hwk_assignment *a, int placed)
{
	int rc = -1;
	if (hwk_ycheck_map(path, root, keys, "an assignment file must be a mapping") < 0)
		goto out;
	for (size_t i = 0; i < NTEXTS; i++)
		if (hwk_yget_str(path, root, texts[i].key, texts[i].required, text_of(a, i)) < 0)
			goto out;
	if (strcmp(a->status, "active") && strcmp(a->status, "ended")) {
		hwk_yerr(path, hwk_ymap_get(root, "status"), "'status' must be active or ended");
		goto out;
	}
	hwk_every ev;
	if (hwk_every_parse(a->every, &ev, NULL) < 0) {
		hwk_yerr(path, hwk_ymap_get(root, "every"), "'every' is not a frequency");
		goto out;
	}
	if (check_date(path, root, "start", a->start) < 0 ||
	    check_date(path, root, "until", a->until) < 0)
		goto out;
	/* dates as text: two real dates compare as their days do */
	if (a->until && strcmp(a->until, a->start) < 0) {
		hwk_yerr(path, hwk_ymap_get(root, "until"), "'until' (%s) is before 'start' (%s)",
			 a->until, a->start);
		goto out;
	}
	if (hwk_fields_parse(path, hwk_ymap_get(root, "fields"), &a->fields) < 0)
		goto out;
	hwk_ynode *ladder = hwk_ymap_get(root, "ladder");
	if (!hwk_ynull(ladder) && !ladder_fits(a)) {
		hwk_yerr(path, ladder, "'ladder' needs a text field 'step' (an exposure)");
		goto out;
	}
	int lo, hi;
	ladder_scale(a, &lo, &hi);
	if (hwk_ladder_parse(path, ladder, lo, hi, &a->ladder) < 0)
		goto out;
	hwk_ynode *h = hwk_ymap_get(root, "history");
	if (!hwk_ynull(h)) {
		if (h->kind != HWK_Y_SEQ) {
			hwk_yerr(path, h, "'history' must be a list");
			goto out;
		}
		a->history = hwk_xcalloc(h->n, sizeof *a->history);
		for (size_t i = 0; i < h->n; i++) {
			hwk_ynode *c = h->items[i];
			hwk_change *ch = &a->history[i];
			a->nhistory = i + 1;
			if (hwk_ycheck_map(path, c, change_keys, "a history record must be a mapping") < 0 ||
			    hwk_yget_str(path, c, "at", 1, &ch->at) < 0 ||
			    hwk_yget_str(path, c, "change", 1, &ch->change) < 0 ||
			    hwk_yget_str(path, c, "from", 0, &ch->from) < 0 ||
			    hwk_yget_str(path, c, "to", 0, &ch->to) < 0)
				goto out;
		}
	}
	if (!placed) {
		rc = 0;
		goto out;
	}
	/* the folder is where the file is: paths stay right wherever the folder is copied */
	{
		char *dir = folder_of(path), *client_dir = ended_parent(dir);
		char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : (char *)path;
		size_t idn = strlen(a->id);
		/* ID.yaml, or ID.ended-UNTIL.yaml for one hwk ended; in ended/, only that */
		int named = !strncmp(base, a->id, idn) &&
			    ((hwk_has_prefix(base + idn, ".ended-") && a->until &&
			      !strcmp(a->status, "ended") && !strncmp(base + idn + 7, a->until, 10) &&
			      !strcmp(base + idn + 17, ".yaml")) ||
			     (!client_dir && !strcmp(base + idn, ".yaml")));
		/* a client's folder never holds another client's homework */
		const char *owner = hwk_folder_client(client_dir ? client_dir : dir);
		if (!named)
			hwk_yerr(path, hwk_ymap_get(root, "id"),
				 client_dir ? "'id' is '%s' but the file is %s (ID.ended-UNTIL.yaml "
					      "in ended/, for an ended assignment)"
					    : "'id' is '%s' but the file is %s (ID.yaml, or "
					      "ID.ended-UNTIL.yaml once ended)",
				 a->id, base);
		else if (owner && strcmp(a->client, owner))
			hwk_yerr(path, hwk_ymap_get(root, "client"),
				 "'client' must be %s, whose folder this is", owner);
		else {
			a->yaml_path = hwk_xstrdup(path);
			rc = hwk_assignment_derive(a, dir);
		}
		/* the entries of one in ended/ are in the folder still when a crash stopped
		 * its move there (hwk_assignments_move_ended) */
		struct stat st;
		char *left = rc == 0 && client_dir ? hwk_path(client_dir, strrchr(a->csv_path, '/') + 1)
						   : NULL;
		if (left && placed != BESIDE && lstat(a->csv_path, &st) < 0 && errno == ENOENT &&
		    lstat(left, &st) == 0) {
			free(a->csv_path);
			a->csv_path = left;
		} else {
			free(left);
		}
		free(client_dir);
		free(dir);
	}
out:
	hwk_ynode_free(root);
	if (rc < 0)
		hwk_assignment_free(a);
	return rc;
}

void hwk_assignment_emit(const hwk_assignment *a, hwk_buf *out)
{
	hwk_buf_printf(out, "# hwk assignment (see hwk(5)); its entries are in %s.csv\n", a->id);
	hwk_yw *w = hwk_yw_new(out);
	hwk_yw_map_start(w);
	for (size_t i = 0; i < NTEXTS; i++)
		(texts[i].plain ? hwk_yw_kv_plain : hwk_yw_kv)(w, texts[i].key, text_in(a, i));
	hwk_yw_str(w, "fields");
	hwk_fields_emit(w, &a->fields);
	hwk_ladder_emit(w, &a->ladder);
	hwk_yw_str(w, "history");
	hwk_yw_seq_start(w);
	for (size_t i = 0; i < a->nhistory; i++) {
		const hwk_change *c = &a->history[i];
		hwk_yw_map_start(w);
		hwk_yw_kv_plain(w, "at", c->at);
		hwk_yw_kv(w, "change", c->change);
		hwk_yw_kv(w, "from", c->from);
		hwk_yw_kv(w, "to", c->to);
		hwk_yw_map_end(w);
	}
	hwk_yw_seq_end(w);
	hwk_yw_map_end(w);
	hwk_yw_end(w);
}

void hwk_assignment_add_change(hwk_assignment *a, time_t when, const char *change,
			       const char *from, const char *to)
{
	char at[32];
	hwk_time_format(when, at);
	a->history = hwk_xrealloc(a->history, (a->nhistory + 1) * sizeof *a->history);
	hwk_change *c = &a->history[a->nhistory++];
	c->at = hwk_xstrdup(at);
	c->change = hwk_xstrdup(change);
	c->from = from ? hwk_xstrdup(from) : NULL;
	c->to = to ? hwk_xstrdup(to) : NULL;
}

static int cmp_assignment(const void *x, const void *y)
{
	return strcmp(((const hwk_assignment *)x)->id, ((const hwk_assignment *)y)->id);
}

/* Could the file name (an id and ".yaml") answer spec? The type is the part between
 * the date and the random digits: YYYY-MM-DD-TYPE-xxxx. */
static int name_may_match(const char *name, size_t n, const char *spec)
{
	size_t idn = strcspn(name, "."), sl = strlen(spec);
	(void)n;
	if (hwk_has_prefix(name, spec))
		return 1;
	return idn > 16 && name[10] == '-' && name[idn - 5] == '-' && idn - 16 == sl &&
	       !strncmp(name + 11, spec, sl);
}

/* Is an assignment file, by its name and its text, surely not active in from..to? Its
 * name starts with its start day; its until (a top-level line, as hwk writes it) ends
 * it. Anything unclear is read in full. */
static int surely_outside(const char *name, const char *text, const char *from,
			  const char *to)
{
	/* days as text: two real dates compare as their days do */
	if (strlen(name) > 10 && hwk_ymd_ok(name) && strncmp(name, to, 10) > 0)
		return 1;
	if (!text)
		return 0;
	/* "\nuntil: " is 8 bytes: the date is u[8..17], its line ends at u[18] */
	const char *u = strstr(text, "\nuntil: ");
	if (!u || strlen(u) < 19 || (u[18] != '\n' && u[18] != '\r'))
		return 0;
	return hwk_ymd_ok(u + 8) && strncmp(u + 8, from, 10) < 0;
}

size_t hwk_ended_name(const char *name, size_t n)
{
	if (n < 23 || memcmp(name + n - 22, ".ended-", 7) || memcmp(name + n - 5, ".yaml", 5) ||
	    !hwk_ymd_ok(name + n - 15))
		return 0;
	return n - 22;
}

/* Is this the file of an assignment hwk ended (ID.ended-UNTIL.yaml) before from? */
static int ended_before(const char *name, size_t n, const char *from)
{
	return hwk_ended_name(name, n) && strncmp(name + n - 15, from, 10) < 0;
}

/* Which of two files of one id holds: an ended one over an active one (a crash between
 * writing the ended file and removing the old one leaves both), and one in ended/ over
 * one still in the folder (a move into ended/ that a crash stopped). */
static int holds(const hwk_assignment *a)
{
	if (strcmp(a->status, "ended"))
		return 0;
	char *dir = folder_of(a->yaml_path), *parent = ended_parent(dir);
	int in_ended = parent != NULL;
	free(dir);
	free(parent);
	return in_ended ? 2 : 1;
}

/* Of the files of one id, the one that holds stays. l is sorted by id. */
static void drop_leftovers(hwk_assignments *l)
{
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (k && !strcmp(l->v[k - 1].id, l->v[i].id)) {
			if (holds(&l->v[i]) <= holds(&l->v[k - 1])) {
				hwk_assignment_free(&l->v[i]);
				continue;
			}
			hwk_assignment_free(&l->v[k - 1]);
			l->v[k - 1] = l->v[i];
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

typedef struct {
	hwk_strs *names, *csvs;
} names_of;

static void name_seen(void *arg, const char *name, unsigned char type)
{
	(void)type;
	names_of *w = arg;
	size_t n = strlen(name);
	if (w->csvs && name[0] != '.' && n > 4 && !memcmp(name + n - 4, ".csv", 4))
		hwk_strs_push(w->csvs, hwk_xstrdup(name));
	if (name[0] == '.' || n <= 5 || memcmp(name + n - 5, ".yaml", 5) ||
	    (n == 11 && !memcmp(name, "client.yaml", 11)))
		return;
	hwk_strs_push(w->names, hwk_xstrdup(name));
}

/* hwk_dir_yaml_names, and (unless csvs is NULL) the names of the entries files there
 * (*.csv, nothing hidden), sorted. */
static int dir_names(const char *dir, hwk_strs *names, hwk_strs *csvs)
{
	names_of w = {names, csvs};
	int rc = hwk_dir_each(dir, name_seen, &w);
	if (csvs)
		hwk_strs_sort(csvs);
	return rc;
}

int hwk_dir_yaml_names(const char *dir, hwk_strs *names)
{
	return dir_names(dir, names, NULL);
}

/* The next free place in a list being loaded (grown by doubling; zeroed). */
static hwk_assignment *next_slot(hwk_assignments *out, size_t *cap)
{
	if (out->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		out->v = hwk_xrealloc(out->v, *cap * sizeof *out->v);
	}
	memset(&out->v[out->n], 0, sizeof out->v[out->n]);
	return &out->v[out->n];
}

/* A loaded list in id order, without the leftovers of a crash; or freed after an error
 * unless keep (then it holds those that were read). */
static int finish_list(hwk_assignments *out, int rc, int keep)
{
	if (rc < 0 && !keep) {
		hwk_assignments_free(out);
		return -1;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_assignment);
	drop_leftovers(out);
	/* as long as it is: a report holds every client's list at once */
	if (out->n)
		out->v = hwk_xrealloc(out->v, out->n * sizeof *out->v);
	return rc < 0 ? -1 : 0;
}

/* How often a folder is listed again when a file it listed was gone when opened: an
 * end (assign --end) renames an assignment while it is being read. */
#define RELIST_TRIES 8

/* Read a file a folder listing named: 0 and its text, 1 when it is gone (made another
 * name meanwhile: nothing said), -1 after a message. */
static int read_listed(const char *path, hwk_buf *text)
{
	hwk_buf_reset(text);
	if (hwk_read_file(path, HWK_YAML_MAX_BYTES, text) == 0)
		return 0;
	if (errno == ENOENT)
		return 1;
	return errno == EFBIG ? hwk_err_at(path, 0, 0, "file is larger than %u bytes",
					   HWK_YAML_MAX_BYTES)
			      : hwk_err_sys("%s", path);
}

/* A day as text, to compare with the dates in names: YYYY-MM-DD, else (open, or a year
 * not of four digits) open, which sorts before or after every date ("" or "~"). */
static void day_text(hwk_day day, char out[16], const char *open)
{
	if (day != HWK_DAY_NONE)
		hwk_day_format(day, out);
	if (day == HWK_DAY_NONE || strlen(out) != 10)
		strcpy(out, open);
}

/* What a load reads of a folder's assignment files. */
typedef struct {
	const char *spec;  /* only those whose name may answer it (NULL: all) */
	hwk_day from, to;  /* only those active on some day of from..to (HWK_DAY_NONE: open) */
	int keep;          /* go on past a file that cannot be read */
	hwk_day ended_from; /* an ended one whose until (in its name) is before it is passed
			     * over, as from does (HWK_DAY_NONE: none) */
} want;

/* Is name ID.yaml for an id among ids (the ended ones passed over: a leftover ID.yaml
 * of an end a crash stopped goes with its ended file)? */
static int twin_of(const char *name, size_t n, const hwk_strs *ids)
{
	if (n < 6 || strcmp(name + n - 5, ".yaml"))
		return 0;
	for (size_t i = 0; i < ids->n; i++)
		if (strlen(ids->v[i]) == n - 5 && !memcmp(ids->v[i], name, n - 5))
			return 1;
	return 0;
}

/* Read into out (cap its room) the assignment files of dir that w wants, of names (as
 * hwk_dir_yaml_names lists dir), or of a listing made here when names is NULL. A file
 * surely unwanted (by its name, or its until) is not parsed; *seen counts those whose
 * name did not rule them out. moves (unless NULL) is set when the folder holds an ended
 * assignment whose last day is today or before (hwk_assignments_move_ended). A file
 * renamed away meanwhile makes the folder listed and read again. */
/* An assignment's id (its first n bytes) against a listed name, as ID.csv would be
 * compared with it by strcmp: the order of hwk_strs_sort. */
typedef struct {
	const char *id;
	size_t n;
} csv_key;

static int csv_cmp(const void *key, const void *listed)
{
	const csv_key *k = key;
	const char *s = *(char *const *)listed;
	int c = strncmp(k->id, s, k->n);
	return c ? c : strcmp(".csv", s + k->n);
}

/* Is the file ID.csv, of the assignment file name whose id is its first idn bytes,
 * among csvs (sorted)? */
static int csv_listed(const hwk_strs *csvs, const char *name, size_t idn)
{
	csv_key k = {name, idn};
	return bsearch(&k, csvs->v, csvs->n, sizeof *csvs->v, csv_cmp) != NULL;
}

static int read_folder(const char *dir, const hwk_strs *names, const want *w,
		       hwk_assignments *out, size_t *cap, size_t *seen, int *moves)
{
	hwk_strs listed = {0};
	/* the entries files of an ended/ this lists: one there needs no look for one a
	 * crash left in the client's folder (assignment_from) */
	hwk_strs csvs = {0};
	char *parent = names ? NULL : ended_parent(dir);
	hwk_buf text = {0};
	size_t first = out->n;
	int rc = 0, tries = 0, gone;
	char from_s[16], to_s[16];
	char efrom_s[16];
	hwk_strs passed = {0}; /* the ids of the ended ones passed over by their names */
	day_text(w->ended_from != HWK_DAY_NONE ? w->ended_from : w->from, efrom_s, "");
	day_text(w->from, from_s, "");
	day_text(w->to, to_s, "~");
	hwk_day today = hwk_day_of(hwk_now(NULL));
	if (!names) {
		if (dir_names(dir, &listed, parent ? &csvs : NULL) < 0)
			rc = errno == ENOENT ? 0 : hwk_err_sys("%s", dir);
		names = &listed;
	}
again:
	gone = 0;
	*seen = 0;
	hwk_strs_free(&passed);
	for (size_t ni = 0; *efrom_s && ni < names->n; ni++) {
		size_t n = strlen(names->v[ni]), idn = hwk_ended_name(names->v[ni], n);
		if (idn && ended_before(names->v[ni], n, efrom_s))
			hwk_strs_push(&passed, hwk_xstrndup(names->v[ni], idn));
	}
	for (size_t ni = 0; ni < names->n && (rc == 0 || w->keep); ni++) {
		const char *name = names->v[ni];
		size_t n = strlen(name), idn = hwk_ended_name(name, n);
		if (moves && idn && hwk_ended_stay_over(name + idn + 7, today))
			*moves = 1;
		if ((w->spec && !name_may_match(name, n, w->spec)) || ended_before(name, n, efrom_s) ||
		    (!idn && passed.n && twin_of(name, n, &passed)) ||
		    surely_outside(name, NULL, from_s, to_s))
			continue; /* known from its name alone: not even opened */
		++*seen;
		char *path = hwk_path(dir, name);
		hwk_ynode *root = NULL;
		int r = read_listed(path, &text);
		if (r < 0) {
			rc = -1;
		} else if (r > 0 && tries < RELIST_TRIES) {
			gone = 1;
		} else if (r > 0) {
			errno = ENOENT;
			rc = hwk_err_sys("%s", path);
		} else if (!surely_outside(name, text.s, from_s, to_s)) {
			hwk_assignment *a = next_slot(out, cap);
			int placed = idn && csvs.n && csv_listed(&csvs, name, idn) ? BESIDE : PLACED;
			if (hwk_yaml_parse(path, text.s, text.len, &root) < 0 ||
			    assignment_from(path, root, a, placed) < 0)
				rc = -1;
			else if ((w->to != HWK_DAY_NONE && a->start_day > w->to) ||
				 (w->from != HWK_DAY_NONE && a->until_day != HWK_DAY_NONE &&
				  a->until_day < w->from))
				hwk_assignment_free(a);
			else
				out->n++;
		}
		free(path);
	}
	if (gone && rc < 0) {
		rc = hwk_err("%s: an assignment was renamed while it was read; run the command again",
			     dir);
	} else if (gone) {
		/* a file renamed while it was read (an end, a move into ended/): list the
		 * folder again, read it all again */
		tries++;
		while (out->n > first)
			hwk_assignment_free(&out->v[--out->n]);
		hwk_strs_free(&listed);
		hwk_strs_free(&csvs);
		if (dir_names(dir, &listed, parent ? &csvs : NULL) < 0) {
			rc = hwk_err_sys("%s", dir);
		} else {
			names = &listed;
			goto again;
		}
	}
	hwk_strs_free(&listed);
	hwk_strs_free(&csvs);
	hwk_strs_free(&passed);
	free(parent);
	hwk_buf_free(&text);
	return rc;
}

/* The year folders of ended/ that may hold an ended assignment meeting a period from
 * (HWK_DAY_NONE: open) on: a file in ended/YYYY/ has its last day in YYYY, and on the
 * day it was moved or before, so no later than today (a day more, for a clock another
 * machine has ahead). A short span of years is opened directly, year by year (a year
 * folder not there holds none); else, and with no from, ended/ is listed. */
static int ended_years_from(const char *dir, hwk_day from, hwk_strs *years)
{
	if (from != HWK_DAY_NONE) {
		int fy, ty, m, d;
		hwk_day_to_ymd(from, &fy, &m, &d);
		hwk_day_to_ymd(hwk_day_of(hwk_now(NULL)) + 1, &ty, &m, &d);
		if (fy > ty)
			return 0;
		if (ty - fy < HWK_ENDED_YEARS_OPENED && fy >= 1000 && ty <= 9999) {
			for (int y = fy; y <= ty; y++)
				hwk_strs_push(years, hwk_xasprintf("%04d", y));
			return 0;
		}
	}
	if (hwk_ended_years(dir, years) < 0)
		return hwk_err_sys("%s/%s", dir, HWK_ENDED_DIR);
	if (from != HWK_DAY_NONE) {
		char fs[16];
		hwk_day_format(from, fs);
		size_t k = 0;
		for (size_t i = 0; i < years->n; i++) {
			if (strncmp(years->v[i], fs, 4) >= 0)
				years->v[k++] = years->v[i];
			else
				free(years->v[i]);
		}
		years->n = k;
	}
	return 0;
}

/* The ended assignments of ended/YYYY/ in dir that w wants, added to out: none, and
 * ended/ not even opened, when w starts within HWK_ENDED_RECENT days of today. */
static int read_ended(const char *dir, const want *w, hwk_assignments *out, size_t *cap)
{
	if (w->from != HWK_DAY_NONE && w->from >= hwk_day_of(hwk_now(NULL)) - HWK_ENDED_RECENT)
		return 0;
	size_t seen;
	hwk_strs years = {0};
	int rc = ended_years_from(dir, w->from, &years);
	for (size_t i = 0; i < years.n && (rc == 0 || w->keep); i++) {
		char *ydir = hwk_ended_year_dir(dir, years.v[i]);
		if (read_folder(ydir, NULL, w, out, cap, &seen, NULL) < 0)
			rc = -1;
		free(ydir);
	}
	hwk_strs_free(&years);
	return rc;
}

int hwk_assignments_load_period(const char *dir, const hwk_strs *names, hwk_day from,
				hwk_day to, hwk_assignments *out)
{
	want w = {NULL, from, to, 1, from};
	size_t cap = 0, seen;
	*out = (hwk_assignments){0};
	int rc = read_folder(dir, names, &w, out, &cap, &seen, &out->moves);
	if (read_ended(dir, &w, out, &cap) < 0)
		rc = -1;
	return finish_list(out, rc, 1);
}

/* The folder's assignments (those whose name may answer spec, unless NULL), and those
 * of ended/ that reach past (unless NULL); keep as in read_folder. */
static int load_dir(const char *dir, const char *spec, int keep, const hwk_period *past,
		    hwk_assignments *out)
{
	/* the folder's ended ones too, when they end before past (as ended/'s would) */
	want w = {spec, HWK_DAY_NONE, HWK_DAY_NONE, keep, past ? past->from : HWK_DAY_NONE};
	size_t cap = 0, seen;
	*out = (hwk_assignments){0};
	int rc = read_folder(dir, NULL, &w, out, &cap, &seen, &out->moves);
	/* a command about today or later reads ended/ only to find what it was named
	 * and the folder has not (to say that it has ended) */
	if ((rc == 0 || keep) && ((past && !past->folder_only) || (spec && !seen))) {
		if (past) {
			w.from = past->from;
			w.to = past->to;
		}
		if (read_ended(dir, &w, out, &cap) < 0)
			rc = -1;
	}
	return finish_list(out, rc, keep);
}

int hwk_assignments_load(const char *dir, const hwk_period *past, hwk_assignments *out)
{
	return load_dir(dir, NULL, 0, past, out);
}

int hwk_assignments_load_all(const char *dir, const hwk_period *past, hwk_assignments *out)
{
	return load_dir(dir, NULL, 1, past, out);
}

int hwk_assignments_load_for(const char *dir, const char *spec, hwk_assignments *out)
{
	return load_dir(dir, spec, 0, NULL, out);
}

/* Move the ended assignment name (ID.ended-UNTIL.yaml, its id idn bytes) of dir into
 * ended/, as hwk_assignments_move_ended says. The ID.yaml an end left when a crash
 * stopped it goes first: the ended file holds. A step that fails takes back those
 * before it: the folder is left as it was (but for that ID.yaml). */
static int move_one(const char *dir, const char *name, size_t idn)
{
	char *from = hwk_path(dir, name), *top = hwk_path(dir, HWK_ENDED_DIR);
	char *edir = hwk_ended_year_dir(dir, name + idn + 7);
	char *to = hwk_path(edir, name), *id = hwk_xstrndup(name, idn);
	char *yaml = hwk_xasprintf("%s.yaml", id), *csv = hwk_xasprintf("%s.csv", id);
	char *old = hwk_path(dir, yaml), *entries = hwk_path(dir, csv), *moved = hwk_path(edir, csv);
	hwk_buf text = {0};
	struct stat st;
	int rc = -1, made = -1, renamed = 0; /* made: 0 when the ended file is made here */
	int had_top = stat(top, &st) == 0, had = stat(edir, &st) == 0;
	if (hwk_read_file(from, HWK_YAML_MAX_BYTES, &text) < 0) {
		hwk_err_sys("%s", from);
		goto out;
	}
	if (hwk_store_mkdir(top) < 0 || hwk_store_mkdir(edir) < 0 ||
	    (lstat(old, &st) == 0 && hwk_store_remove(old) < 0))
		goto undo;
	made = hwk_store_create_new(to, text.s ? text.s : "", text.len);
	if (made < 0)
		goto undo;
	if (lstat(entries, &st) == 0) {
		if (hwk_store_rename(entries, moved) < 0)
			goto undo;
		renamed = 1;
	}
	if (hwk_store_remove(from) == 0) {
		rc = 0;
		goto out;
	}
undo:
	if (renamed)
		hwk_store_rename(moved, entries);
	if (made == 0)
		hwk_store_remove(to);
	if (!had)
		rmdir(edir);
	if (!had_top)
		rmdir(top);
out:
	hwk_buf_free(&text);
	free(from);
	free(top);
	free(edir);
	free(to);
	free(id);
	free(yaml);
	free(csv);
	free(old);
	free(entries);
	free(moved);
	return rc;
}

/* Is an ended assignment's file name (idn its id's length) over at now: its until
 * more than HWK_ENDED_STAY days before today (so surely closed, even ended ahead)? */
static int over(const char *name, size_t idn, time_t now)
{
	return hwk_ended_stay_over(name + idn + 7, hwk_day_of(now));
}

/* The names of dir's ended assignments that are over at now, into *due. */
static void due_names(const char *dir, time_t now, hwk_strs *due)
{
	hwk_strs names = {0};
	/* a folder that cannot be listed: the next write looks again */
	hwk_dir_yaml_names(dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		size_t idn = hwk_ended_name(names.v[i], strlen(names.v[i]));
		if (idn && over(names.v[i], idn, now)) {
			hwk_strs_push(due, names.v[i]);
			names.v[i] = NULL;
		}
	}
	hwk_strs_free(&names);
}

int hwk_assignments_move_ended(const char *dir, time_t now)
{
	hwk_strs due = {0};
	int rc = 0;
	due_names(dir, now, &due);
	for (size_t i = 0; i < due.n; i++)
		if (move_one(dir, due.v[i], hwk_ended_name(due.v[i], strlen(due.v[i]))) < 0)
			rc = -1;
	hwk_strs_free(&due);
	return rc;
}

void hwk_assignments_tidy(const char *dir, int locked, time_t now)
{
	int lock = -1;
	if (!locked) {
		/* looked for first: the lock is taken only when there is something to move */
		hwk_strs due = {0};
		due_names(dir, now, &due);
		size_t n = due.n;
		hwk_strs_free(&due);
		/* another writer holding it: it, or the next, moves them */
		if (!n || (lock = hwk_store_trylock(dir)) < 0)
			return;
	}
	if (hwk_assignments_move_ended(dir, now) < 0)
		hwk_note("%s: an ended assignment stays in the folder for now; the next write "
			 "moves it into %s/", dir, HWK_ENDED_DIR);
	hwk_store_unlock(lock);
}

void hwk_assignments_free(hwk_assignments *l)
{
	for (size_t i = 0; i < l->n; i++)
		hwk_assignment_free(&l->v[i]);
	free(l->v);
	*l = (hwk_assignments){0};
}

static int is_active_type(const hwk_assignment *a, const char *type)
{
	/* an assignment ended ahead of its day is still logged to by its type's name */
	return !strcmp(a->type, type) && hwk_assignment_open(a, hwk_now(NULL));
}

/* Count the assignments a test picks; *idx is the last one. */
static size_t count(const hwk_assignments *l, const char *spec,
		    int (*test)(const hwk_assignment *, const char *), size_t *idx)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		if (test(&l->v[i], spec))
			*idx = i, n++;
	return n;
}

static int has_id(const hwk_assignment *a, const char *spec)
{
	return !strcmp(a->id, spec);
}

static int id_starts(const hwk_assignment *a, const char *spec)
{
	return hwk_has_prefix(a->id, spec);
}

int hwk_assignments_match(const hwk_assignments *l, const char *spec, size_t *idx)
{
	/* an exact id, else a type name with one active assignment, else an id prefix */
	int (*const tests[])(const hwk_assignment *, const char *) = {has_id, is_active_type,
								      id_starts};
	for (size_t t = 0; t < 3; t++) {
		size_t n = count(l, spec, tests[t], idx);
		if (n)
			return n == 1 ? 1 : 2;
	}
	return 0;
}

long hwk_assignments_find(const hwk_assignments *l, const char *spec)
{
	size_t idx;
	int r = hwk_assignments_match(l, spec, &idx);
	if (r == 1)
		return (long)idx;
	if (r == 0) {
		for (size_t i = l->n; i-- > 0;)
			if (!strcmp(l->v[i].type, spec))
				return hwk_err("%s: the %s assignment %s has ended", spec, spec,
					       l->v[i].id);
		return hwk_err("%s: no such assignment (see 'hwk list assignments')", spec);
	}
	int by_type = count(l, spec, is_active_type, &idx) > 1;
	if (by_type)
		hwk_err("%s: more than one active %s assignment; give its id:", spec, spec);
	else
		hwk_err("%s: ambiguous; it starts %zu assignment ids:", spec,
			count(l, spec, id_starts, &idx));
	for (size_t i = 0; i < l->n; i++)
		if (by_type ? is_active_type(&l->v[i], spec) : id_starts(&l->v[i], spec))
			fprintf(stderr, "  %s\n", l->v[i].id);
	return -1;
}

long hwk_assignments_find_in(const char *dir, const hwk_assignments *l, const char *spec)
{
	size_t idx;
	if (hwk_assignments_match(l, spec, &idx))
		return hwk_assignments_find(l, spec);
	want w = {spec, HWK_DAY_NONE, HWK_DAY_NONE, 0, HWK_DAY_NONE};
	hwk_assignments e = {0};
	size_t cap = 0;
	if (finish_list(&e, read_ended(dir, &w, &e, &cap), 0) == 0) {
		long i = hwk_assignments_find(&e, spec); /* says why when not one */
		if (i >= 0)
			hwk_err("%s: the assignment has ended", e.v[i].id);
	}
	hwk_assignments_free(&e);
	return -1;
}

const char *const hwk_assign_keys[HWK_ASSIGN_NKEYS] = {"every",   "until",  "when",
							 "where",   "minimum", "instructions"};

int hwk_assign_day(const char *opt, const char *s, time_t now, hwk_day *d, char *out)
{
	if (hwk_parse_date(s, now, d) < 0)
		return hwk_err("%s: %s is not a date (2026-11-27, today, +4w, ...)", opt, s);
	hwk_day_format(*d, out);
	return 0;
}

/* Which client a new assignment is for: one named need not exist yet. *out owned. */
static int new_client(hwk_practice *p, const hwk_assignment_opts *o, char **out)
{
	if (o->client) {
		if (!hwk_client_id_ok(o->client))
			return hwk_err("%s: not a client id (lower-case letters, digits, '-', '_' and "
				       "'.'; a letter or digit first)", o->client);
		if (p->standalone && strcmp(o->client, p->here_client))
			return hwk_err("%s: this folder holds only %s's homework", o->client,
				       p->here_client);
		*out = hwk_xstrdup(o->client);
		return 0;
	}
	if (hwk_practice_client(p, NULL, 1, out) < 0)
		return -1;
	if (*out)
		return 0;
	hwk_strs all = {0};
	if (hwk_practice_clients(p, &all) < 0)
		return -1;
	size_t n = all.n;
	hwk_strs_free(&all);
	if (n)
		return hwk_err("which client? name one: hwk assign CLIENT %s", o->type);
	*out = hwk_xstrdup("me"); /* a self-guided user's own practice */
	return 0;
}

/* Is an id taken in folder dir: by its entries file, or an ended assignment's file
 * (ID.ended-UNTIL.yaml, whose entries keep ID.csv)? */
static int id_taken_in(const char *dir, const char *id)
{
	char *csv = hwk_xasprintf("%s/%s.csv", dir, id);
	char *ended = hwk_xasprintf("%s.ended-", id);
	struct stat st;
	int taken = lstat(csv, &st) == 0;
	DIR *d = taken ? NULL : opendir(dir);
	struct dirent *e;
	while (d && !taken && (e = readdir(d)))
		taken = hwk_has_prefix(e->d_name, ended);
	if (d)
		closedir(d);
	free(csv);
	free(ended);
	return taken;
}

/* Is an id taken in client folder dir, or in any year folder of its ended/ (an id is
 * never used again)? */
static int id_taken(const char *dir, const char *id)
{
	int taken = id_taken_in(dir, id);
	hwk_strs years = {0};
	if (!taken)
		hwk_ended_years(dir, &years);
	for (size_t i = 0; i < years.n && !taken; i++) {
		char *ydir = hwk_ended_year_dir(dir, years.v[i]);
		taken = id_taken_in(ydir, id);
		free(ydir);
	}
	hwk_strs_free(&years);
	return taken;
}

/* Write a new assignment's file; an id another has taken (its four random digits
 * drawn twice, by two assigns at once or years apart) is drawn again. */
static int save_new(hwk_assignment *a, hwk_day day, const char *dir)
{
	for (int tries = 0;; tries++) {
		int r = 1;
		if (!id_taken(dir, a->id)) {
			hwk_buf b = {0};
			hwk_assignment_emit(a, &b);
			r = hwk_store_create_new(a->yaml_path, b.s, b.len);
			hwk_buf_free(&b);
		}
		if (r <= 0)
			return r;
		if (tries == 16)
			return hwk_err("%s: no free id: all drawn were taken", a->yaml_path);
		free(a->id);
		free(a->yaml_path);
		a->yaml_path = NULL;
		a->id = hwk_assignment_new_id(day, a->type);
		if (hwk_assignment_derive(a, dir) < 0)
			return -1;
	}
}

int hwk_assignment_create(hwk_practice *p, const hwk_assignment_opts *o, time_t now, char **id,
			  char **what)
{
	hwk_assignment a = {0};
	hwk_type t = {0};
	hwk_day sday = hwk_day_of(now), uday;
	char sbuf[16], ubuf[16];
	char *client = NULL, *dir = NULL;
	int rc = -1;

	*id = NULL;
	if (o->start && hwk_assign_day("--start", o->start, now, &sday, sbuf) < 0)
		goto out;
	if (o->name && (!hwk_utf8_valid(o->name, strlen(o->name)) || strchr(o->name, '\n'))) {
		hwk_err("--name: the name must be one line of UTF-8 text");
		goto out;
	}
	hwk_day_format(sday, sbuf);
	if (o->set[1]) {
		if (hwk_assign_day("--until", o->set[1], now, &uday, ubuf) < 0)
			goto out;
		if (uday < sday) {
			hwk_err("--until: %s is before the start, %s", ubuf, sbuf);
			goto out;
		}
	}
	if (new_client(p, o, &client) < 0 ||
	    hwk_type_load(o->type, p->exists && !p->standalone, &t) < 0)
		goto out;

	a.client = hwk_xstrdup(client);
	a.type = hwk_xstrdup(o->type);
	a.title = t.title ? hwk_xstrdup(t.title) : NULL;
	a.start = hwk_xstrdup(sbuf);
	a.status = hwk_xstrdup("active");
	a.every = hwk_xstrdup(p->default_every);
	hwk_fields_copy(&a.fields, &t.fields);
	if (o->nsteps && hwk_assignment_ladder_args(&a, o->steps, o->nsteps, &a.ladder) < 0)
		goto out;
	a.id = hwk_assignment_new_id(sday, o->type);
	dir = hwk_client_dir(p, client);
	if (hwk_assignment_derive(&a, dir) < 0)
		goto out;
	for (size_t k = 0; k < HWK_ASSIGN_NKEYS; k++)
		if (o->set[k] &&
		    hwk_assignment_set(&a, hwk_assign_keys[k], k == 1 ? ubuf : o->set[k], now) < 0)
			goto out;
	/* a new assignment's history starts with its making, not with each option */
	for (size_t h = 0; h < a.nhistory; h++) {
		free(a.history[h].at);
		free(a.history[h].change);
		free(a.history[h].from);
		free(a.history[h].to);
	}
	a.nhistory = 0;
	hwk_assignment_add_change(&a, now, "assigned", NULL, NULL);

	if (hwk_practice_ensure(p, now) < 0)
		goto out;
	/* a client made here stays when the assignment cannot be written: another
	 * assign may already be giving it homework */
	if (!p->standalone && hwk_client_create(p, client, o->name, now) < 0)
		goto out;
	if (save_new(&a, sday, dir) < 0)
		goto out;
	hwk_assignments_tidy(dir, 0, now);
	*id = hwk_xstrdup(a.id);
	if (what)
		*what = hwk_xasprintf("%s %s %s", a.client, a.type, a.every ? a.every : "day");
	rc = 0;
out:
	free(client);
	free(dir);
	hwk_type_free(&t);
	hwk_assignment_free(&a);
	return rc;
}

char *hwk_assignment_new_id(hwk_day day, const char *type)
{
	unsigned char r[2] = {0, 0};
	char date[16];
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		/* no entropy source: the time still makes clashes unlikely */
		unsigned t = (unsigned)time(NULL) ^ (unsigned)getpid();
		r[0] = (unsigned char)t;
		r[1] = (unsigned char)(t >> 8);
	}
	hwk_day_format(day, date);
	return hwk_xasprintf("%s-%s-%02x%02x", date, type, r[0], r[1]);
}

static char **slot(hwk_assignment *a, const char *key)
{
	for (size_t i = 0; i < NTEXTS; i++)
		if (texts[i].editable && !strcmp(texts[i].key, key))
			return text_of(a, i);
	return NULL;
}

int hwk_assignment_set(hwk_assignment *a, const char *key, const char *value, time_t now)
{
	char **s = slot(a, key);
	char *norm = NULL;
	if (!s)
		return hwk_err("%s: cannot be changed", key);
	if (value && !hwk_utf8_valid(value, strlen(value)))
		return hwk_err("%s: the text is not valid UTF-8", key);
	if (value && !strcmp(key, "every")) {
		hwk_every ev;
		if (hwk_every_parse(value, &ev, &norm) < 0)
			return hwk_err("every: %s is not a frequency (day, weekday, N/week, mon,wed,fri or once)",
				       value);
		value = norm;
	}
	if (value && !strcmp(key, "until")) {
		hwk_day d;
		if (hwk_day_parse_ymd(value, &d) < 0)
			return hwk_err("until: %s is not a date", value);
		if (d < a->start_day)
			return hwk_err("until: %s is before the start, %s", value, a->start);
	}
	if (value && !*value)
		value = NULL; /* an empty text clears the key */
	if (hwk_streq(*s, value)) {
		free(norm);
		return 0;
	}
	hwk_assignment_add_change(a, now, key, *s, value);
	free(*s);
	*s = value && *value ? hwk_xstrdup(value) : NULL;
	free(norm);
	char *dir = folder_of(a->yaml_path);
	int rc = hwk_assignment_derive(a, dir);
	free(dir);
	return rc < 0 ? -1 : 1;
}

void hwk_assignment_ladder_on(const hwk_assignment *a, hwk_day day, hwk_ladder *out)
{
	for (size_t i = 0; i < a->nhistory; i++) {
		const hwk_change *c = &a->history[i];
		hwk_day d;
		if (strcmp(c->change, "ladder") || hwk_stamp_day(c->at, &d) < 0 || d <= day)
			continue;
		/* the first change made after day: the ladder it replaced held then */
		if (hwk_ladder_from_text(c->from, out) == 0)
			return;
		break; /* a record made by hand that is not a ladder: the ladder now */
	}
	hwk_ladder_copy(out, &a->ladder);
}

int hwk_assignment_ladder_args(const hwk_assignment *a, char *const *args, size_t n,
			       hwk_ladder *out)
{
	int lo, hi;
	memset(out, 0, sizeof *out);
	if (!ladder_fits(a))
		return hwk_err("--step: a %s assignment has no ladder (only a type with a text "
			       "field 'step', as exposure, has one)", a->type);
	ladder_scale(a, &lo, &hi);
	for (size_t i = 0; i < n; i++)
		if (hwk_ladder_add_arg(out, args[i], lo, hi) < 0) {
			hwk_ladder_free(out);
			return -1;
		}
	return 0;
}

int hwk_assignment_set_ladder(hwk_assignment *a, const hwk_ladder *l, time_t now)
{
	if (!ladder_fits(a))
		return hwk_err("--step: a %s assignment has no ladder (only a type with a text "
			       "field 'step', as exposure, has one)", a->type);
	if (hwk_ladder_same(&a->ladder, l))
		return 0;
	char *from = hwk_ladder_text(&a->ladder), *to = hwk_ladder_text(l);
	hwk_assignment_add_change(a, now, "ladder", from, to);
	free(from);
	free(to);
	hwk_ladder_free(&a->ladder);
	hwk_ladder_copy(&a->ladder, l);
	return 1;
}

int hwk_assignment_end(hwk_assignment *a, hwk_day day, time_t now)
{
	char d[16];
	if (strcmp(a->status, "active"))
		return hwk_err("%s: already ended", a->id);
	if (day < a->start_day)
		return hwk_err("%s: cannot end before its start, %s", a->id, a->start);
	/* an assignment whose last day has passed ended then */
	if (a->until_day != HWK_DAY_NONE && day > a->until_day)
		day = a->until_day;
	hwk_day_format(day, d);
	free(a->until);
	a->until = hwk_xstrdup(d);
	a->until_day = day;
	free(a->status);
	a->status = hwk_xstrdup("ended");
	hwk_assignment_add_change(a, now, "ended", NULL, d);
	return 0;
}

static int move_one(const char *dir, const char *name, size_t idn);

int hwk_assignment_save(const hwk_assignment *a, int create)
{
	hwk_buf b = {0};
	hwk_assignment_emit(a, &b);
	int rc;
	size_t n = strlen(a->yaml_path);
	if (!create && !strcmp(a->status, "ended") && a->until && n > 5 &&
	    !strstr(a->yaml_path, ".ended-")) {
		/* an assignment hwk ends takes its end day into its file's name, so that
		 * a report of a later week knows it without opening it: the new file is
		 * made first, then the old one goes (a crash between leaves both; the
		 * ended one holds). It is so in the folder, where daily commands see it
		 * ended; hwk_assignments_move_ended moves it into ended/ once its stay
		 * is over (at once, when its last day is that long ago) */
		char *ended = hwk_xasprintf("%.*s.ended-%s.yaml", (int)(n - 5), a->yaml_path,
					    a->until);
		char *dir = folder_of(ended), *name = strrchr(ended, '/');
		name = name ? name + 1 : ended;
		hwk_buf old = {0};
		rc = hwk_read_file(a->yaml_path, HWK_YAML_MAX_BYTES, &old) < 0
			     ? hwk_err_sys("%s", a->yaml_path)
			     : hwk_store_create(ended, b.s, b.len);
		if (rc == 0 && hwk_store_remove(a->yaml_path) < 0) {
			/* the old file stays: the new one goes too, so that a failed end
			 * leaves the assignment as it was (and a retry finds one file) */
			hwk_store_remove(ended);
			rc = -1;
		}
		/* its stay over already: into ended/ at once; when that fails, the
		 * assignment is put back as it was */
		if (rc == 0 && over(name, strlen(a->id), hwk_now(NULL)) &&
		    move_one(dir, name, strlen(a->id)) < 0) {
			if (hwk_store_create(a->yaml_path, old.s ? old.s : "", old.len) == 0)
				hwk_store_remove(ended);
			rc = -1;
		}
		hwk_buf_free(&old);
		free(dir);
		free(ended);
	} else {
		rc = create ? hwk_store_create(a->yaml_path, b.s, b.len)
			    : hwk_store_replace(a->yaml_path, b.s, b.len);
	}
	hwk_buf_free(&b);
	return rc;
}

/* The folder of the client an assignment is looked for in, when that is one client
 * (named, implied, or the only one), as hwk_assignment_locate chooses: 1 and *dir, 0
 * when it would look in every client, -1 after a message. */
static int one_client_dir(const hwk_practice *p, const char *client, char **dir)
{
	hwk_strs all = {0};
	int one = client || p->here_client || hwk_practice_clients(p, &all) < 0 || all.n < 2;
	hwk_strs_free(&all);
	char *id = NULL;
	if (!one)
		return 0;
	if (hwk_practice_client(p, client, 0, &id) < 0)
		return -1;
	*dir = hwk_client_dir(p, id);
	free(id);
	return 1;
}

int hwk_assignment_update(const hwk_practice *p, const char *client, const char *spec,
			  int (*change)(hwk_assignment *a, void *arg), void *arg)
{
	hwk_assignments l = {0};
	char *dir = NULL, *id = NULL;
	int rc = -1, lock = -1;
	int one = one_client_dir(p, client, &dir);
	if (one < 0)
		goto out;
	if (!one) {
		/* several clients and none named: find which has it without the lock, then
		 * read it again under it, by its id */
		long i = hwk_assignment_locate(p, client, spec, &l);
		if (i < 0)
			goto out;
		id = hwk_xstrdup(l.v[i].id);
		dir = folder_of(l.v[i].yaml_path);
		char *client_dir = ended_parent(dir);
		if (client_dir) { /* found in ended/: its client's folder is locked */
			free(dir);
			dir = client_dir;
		}
		hwk_assignments_free(&l);
	}
	/* found and read under the lock: no other writer changes or ends (renames) it
	 * until this change is written, so no change of theirs is lost */
	lock = hwk_store_lock(dir, dir);
	if (lock < 0)
		goto out;
	/* what is over goes into ended/ first (a move a crash stopped is finished): then
	 * the one named is read where it is */
	hwk_assignments_tidy(dir, 1, hwk_now(NULL));
	if (hwk_assignments_load_for(dir, id ? id : spec, &l) < 0)
		goto out;
	long i = hwk_assignments_find(&l, id ? id : spec);
	if (i >= 0 && (rc = change(&l.v[i], arg)) > 0 && hwk_assignment_save(&l.v[i], 0) < 0)
		rc = -1;
out:
	hwk_store_unlock(lock);
	hwk_assignments_free(&l);
	free(id);
	free(dir);
	return rc < 0 ? -1 : rc;
}

long hwk_assignment_locate(const hwk_practice *p, const char *client, const char *spec,
			   hwk_assignments *l)
{
	hwk_strs all = {0};
	char *one = NULL;
	long found = -1;
	memset(l, 0, sizeof *l);
	if (client || p->here_client || hwk_practice_clients(p, &all) < 0 || all.n < 2) {
		hwk_strs_free(&all);
		if (hwk_practice_client(p, client, 0, &one) < 0)
			return -1;
		char *dir = hwk_client_dir(p, one);
		if (hwk_assignments_load_for(dir, spec, l) == 0)
			found = hwk_assignments_find(l, spec);
		free(dir);
		free(one);
		return found;
	}
	/* several clients and none named: the one that has it */
	size_t hits = 0;
	for (size_t c = 0; c < all.n; c++) {
		hwk_assignments cl;
		size_t idx;
		char *dir = hwk_client_dir(p, all.v[c]);
		int r = hwk_assignments_load_for(dir, spec, &cl);
		free(dir);
		if (r < 0) {
			hits = 0;
			break;
		}
		r = hwk_assignments_match(&cl, spec, &idx);
		if (r == 2) { /* ambiguous within one client: say between which */
			hwk_assignments_find(&cl, spec);
			hwk_assignments_free(&cl);
			hwk_assignments_free(l);
			hwk_strs_free(&all);
			return -1;
		}
		if (r && ++hits == 1) {
			*l = cl;
			found = (long)idx;
		} else {
			hwk_assignments_free(&cl);
		}
	}
	hwk_strs_free(&all);
	if (hits == 1 && found >= 0)
		return found;
	hwk_assignments_free(l);
	if (hits == 0)
		return hwk_err("%s: no such assignment (see 'hwk list assignments')", spec);
	return hwk_err("%s: more than one client has such an assignment; name the client with -c",
		       spec);
}

void hwk_assignment_schedule(const hwk_assignment *a, hwk_schedule *s)
{
	memset(s, 0, sizeof *s);
	s->one = 1;
	s->first = a->every;
	s->first_ev = a->ev;
	int have_first = 0;
	for (size_t i = 0; i < a->nhistory; i++) {
		const hwk_change *c = &a->history[i];
		if (strcmp(c->change, "every"))
			continue;
		s->one = 0;
		hwk_every ev;
		if (!have_first && c->from && hwk_every_parse(c->from, &ev, NULL) == 0) {
			s->first = c->from;
			s->first_ev = ev;
			have_first = 1;
		}
		hwk_day d;
		if (!c->to || hwk_stamp_day(c->at, &d) < 0 || hwk_every_parse(c->to, &ev, NULL) < 0)
			continue;
		s->day = hwk_xrealloc(s->day, (s->n + 1) * sizeof *s->day);
		s->text = hwk_xrealloc(s->text, (s->n + 1) * sizeof *s->text);
		s->ev = hwk_xrealloc(s->ev, (s->n + 1) * sizeof *s->ev);
		s->day[s->n] = d;
		s->text[s->n] = c->to;
		s->ev[s->n++] = ev;
	}
	if (s->one) {
		s->first = a->every;
		s->first_ev = a->ev;
	}
}
