#define _GNU_SOURCE
#include "review.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "output.h"
#include "store.h"
#include "ydoc.h"

const char *const hwk_rating_words[] = {"not done", "poorly", "partly", "well", "very well"};

void hwk_review_ref_free(hwk_review_ref *r)
{
	free(r->path);
	free(r->at);
	memset(r, 0, sizeof *r);
}

char *hwk_reviews_dir(const hwk_practice *p, const char *client)
{
	return p->standalone ? NULL : hwk_xasprintf("reviews/%s", client);
}

int hwk_review_range(const hwk_assignments *l, const hwk_review_ref *last, int since,
		     int until, time_t now, hwk_day *from, hwk_day *to, hwk_window *w)
{
	hwk_day today = hwk_day_of(now);
	memset(w, 0, sizeof *w);
	w->today_open = 1;
	w->logged = !since && !until;
	w->has_after = last != NULL;
	w->after = last ? last->reach : 0;
	w->until = now;
	if (!since) {
		/* where the last review reached; else the first assignment's start */
		*from = last ? hwk_day_of(last->reach) : today;
		for (size_t i = 0; !last && i < l->n; i++)
			if (l->v[i].start_day < *from)
				*from = l->v[i].start_day;
	}
	if (!until)
		*to = today;
	return *from > *to;
}

int hwk_review_nothing_new(const hwk_window *w, hwk_day from, hwk_day today,
			   const hwk_summary *s, size_t n)
{
	if (!w->logged || from < today)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (s[k].nrows)
			return 0;
	return 1;
}

/* What the last review reached: "made on DAY at HH:MM", or "covered up to DAY". */
static void last_str(const hwk_review_ref *last, char *buf, size_t n)
{
	char t[32];
	if (last->reach_at) {
		hwk_time_format(last->reach, t);
		snprintf(buf, n, "made on %.10s at %.5s", t, t + 11);
	} else {
		hwk_day_format(last->to, t);
		snprintf(buf, n, "covered up to %s", t);
	}
}

int hwk_review_empty(const hwk_review_ref *last, int logged, int recording)
{
	char why[160], l[64] = "";
	if (last)
		last_str(last, l, sizeof l);
	if (logged && last)
		snprintf(why, sizeof why, "nothing was logged since the last review, %s%s",
			 last->reach_at ? "" : "which ", l);
	else if (logged)
		snprintf(why, sizeof why, "nothing was logged yet");
	else if (last)
		snprintf(why, sizeof why, "the last review %s%s", last->reach_at ? "was " : "", l);
	else
		snprintf(why, sizeof why, "the range is empty");
	if (recording)
		return hwk_err("nothing to review: %s (see --since, --until)", why);
	hwk_note("nothing new: %s (see --since, --until)", why);
	return 0;
}

/* A review file's at, from and to, and what it reached. */
static int read_ref(const char *path, hwk_review_ref *r)
{
	hwk_ynode *root;
	char *from = NULL, *to = NULL;
	int rc = -1;
	memset(r, 0, sizeof *r);
	if (hwk_yaml_load(path, &root) < 0)
		return -1;
	if (!root || root->kind != HWK_Y_MAP) {
		hwk_yerr(path, root, "a review must be a mapping with 'at', 'from' and 'to'");
	} else if (hwk_yget_str(path, root, "at", 1, &r->at) == 0 &&
		   hwk_yget_str(path, root, "from", 1, &from) == 0 &&
		   hwk_yget_str(path, root, "to", 1, &to) == 0) {
		time_t at;
		if (hwk_day_parse_ymd(from, &r->from) < 0)
			hwk_yerr(path, hwk_ymap_get(root, "from"), "'from' must be a date");
		else if (hwk_day_parse_ymd(to, &r->to) < 0)
			hwk_yerr(path, hwk_ymap_get(root, "to"), "'to' must be a date");
		else if (hwk_time_parse_iso(r->at, &at) < 0)
			hwk_yerr(path, hwk_ymap_get(root, "at"), "'at' must be a time");
		else
			rc = 0;
		if (rc == 0) {
			/* a review of days reaches the end of its last day, when that is
			 * sooner than when it was made */
			r->reach = hwk_time_local(r->to + 1, 0, 0, 0);
			r->reach_at = at < r->reach;
			if (r->reach_at)
				r->reach = at;
		}
	}
	free(from);
	free(to);
	hwk_ynode_free(root);
	if (rc == 0)
		r->path = hwk_xstrdup(path);
	else
		hwk_review_ref_free(r);
	return rc;
}

/* Is review a later than review b: by what they reached, then when they were made, then
 * by name? */
static int later(const hwk_review_ref *a, const hwk_review_ref *b)
{
	time_t ta, tb;
	if (a->reach != b->reach)
		return a->reach > b->reach;
	if (hwk_time_parse_iso(a->at, &ta) == 0 && hwk_time_parse_iso(b->at, &tb) == 0 &&
	    ta != tb)
		return ta > tb;
	return strcmp(a->path, b->path) > 0;
}

int hwk_review_last(const char *dir, hwk_review_ref *out)
{
	memset(out, 0, sizeof *out);
	if (!dir)
		return 0;
	DIR *d = opendir(dir);
	int found = 0;
	if (!d)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", dir);
	struct dirent *e;
	int err = 0;
	while ((e = hwk_readdir(d, &err))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".yaml"))
			continue;
		char *path = hwk_path(dir, e->d_name);
		hwk_review_ref r;
		int rc = read_ref(path, &r);
		free(path);
		if (rc < 0) {
			found = -1;
			break;
		}
		if (!found || later(&r, out)) {
			hwk_review_ref_free(out);
			*out = r;
			found = 1;
		} else {
			hwk_review_ref_free(&r);
		}
	}
	closedir(d);
	if (err && found >= 0) { /* a review not seen could be the last one */
		errno = err;
		found = hwk_err_sys("%s", dir);
	}
	if (found < 0)
		hwk_review_ref_free(out);
	return found;
}

/* ---- printing ---- */

/* Text a client wrote, on a terminal: control characters made visible; with indent,
 * line breaks become new lines indented so. */
static void put_text(FILE *f, const char *s, const char *indent)
{
	if (!indent) {
		hwk_put_visible(f, s);
		return;
	}
	char *copy = hwk_xstrdup(s), *save = NULL;
	int first = 1;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!first)
			fprintf(f, "\n%s", indent);
		hwk_put_visible(f, line);
		first = 0;
	}
	free(copy);
}

static void put_visible(FILE *f, const char *s, void *arg)
{
	(void)arg;
	hwk_put_visible(f, s);
}

static void day_str(hwk_day d, char *buf)
{
	hwk_day_format(d, buf);
}

static void print_adherence(FILE *f, const char *pre, const hwk_adherence *h, hwk_day today)
{
	fprintf(f, "%s  done %ld, partial %ld, skipped %ld, missed %ld of %ld expected", pre,
		h->done, h->partial, h->skipped, h->missed, h->expected);
	if (!isnan(h->completion))
		fprintf(f, ": %.0f%% completed", h->completion);
	fputc('\n', f);
	hwk_day ref = h->to < today ? h->to : today;
	char day[16];
	day_str(ref, day);
	if (h->since_last < 0)
		fprintf(f, "%s  no entry by %s", pre, day);
	else if (h->since_last == 0)
		fprintf(f, "%s  last entry on %s", pre, day);
	else
		fprintf(f, "%s  last entry %ld day%s before %s", pre, h->since_last,
			h->since_last == 1 ? "" : "s", day);
	if (h->streak)
		fprintf(f, "; streak %ld %s%s", h->streak, h->streak_weeks ? "week" : "day",
			h->streak == 1 ? "" : "s");
	fputc('\n', f);
}

static int is_thought_record(const hwk_assignment *a)
{
	return !strcmp(a->type, "thought-record");
}

static void print_entry(FILE *f, const char *pre, const hwk_assignment *a, const hwk_entry *e)
{
	const char *const *c = (const char *const *)e->cols.v;
	/* 2026-11-23T20:00:00+01:00 -> 2026-11-23 20:00 */
	fprintf(f, "%s  %.10s %.5s  %s", pre, c[HWK_E_AT], strlen(c[HWK_E_AT]) > 16 ? c[HWK_E_AT] + 11 : "", c[HWK_E_STATUS]);
	if (*c[HWK_E_REASON])
		fprintf(f, " %s", c[HWK_E_REASON]);
	if (is_thought_record(a)) {
		char indent[64];
		snprintf(indent, sizeof indent, "%s      %-18s", pre, "");
		for (size_t i = 0; i < a->fields.n; i++) {
			const char *v = c[HWK_ENTRY_FIXED + i];
			if (!*v)
				continue;
			fprintf(f, "\n%s      %-18s", pre, a->fields.v[i].name);
			put_text(f, v, indent);
		}
		if (*c[HWK_E_NOTE]) {
			fprintf(f, "\n%s      %-18s", pre, hwk_entry_fixed[HWK_E_NOTE]);
			put_text(f, c[HWK_E_NOTE], indent);
		}
		fputc('\n', f);
		return;
	}
	int first = 1;
	for (size_t i = 0; i < a->fields.n; i++) {
		const char *v = c[HWK_ENTRY_FIXED + i];
		if (!*v)
			continue;
		fprintf(f, "%s%s ", first ? ": " : ", ", a->fields.v[i].name);
		put_text(f, v, NULL);
		first = 0;
	}
	if (*c[HWK_E_NOTE]) {
		fputs(first ? ": \"" : "; \"", f);
		put_text(f, c[HWK_E_NOTE], NULL);
		fputc('"', f);
	}
	fputc('\n', f);
}

void hwk_review_print(FILE *f, const hwk_review *r)
{
	char from[16], to[16], last[96];
	const char *pre = "";
	day_str(r->from, from);
	day_str(r->to, to);
	fprintf(f, "%sReview of ", pre);
	put_text(f, r->client, NULL);
	if (r->name && *r->name) {
		fputs(" (", f);
		put_text(f, r->name, NULL);
		fputc(')', f);
	}
	fprintf(f, ", %s to %s", from, to);
	if (r->last) {
		last_str(r->last, last, sizeof last);
		fprintf(f, "; the last review %s%s", r->last->reach_at ? "was " : "", last);
	} else {
		fputs("; no earlier review", f);
	}
	fputs(".\n", f);
	if (!r->n)
		fprintf(f, "%sNo assignment was active.\n", pre);
	for (size_t k = 0; k < r->n; k++) {
		const hwk_summary *s = &r->s[k];
		const hwk_assignment *a = s->a;
		fprintf(f, "\n%s%s, every %s (%s%s)\n", pre, a->type,
			hwk_assignment_every_on(a, r->to), a->id,
			strcmp(a->status, "active") ? ", ended" : "");
		print_adherence(f, pre, &s->now, r->today);
		if (s->now.skipped) {
			fprintf(f, "%s  skipped:", pre);
			for (int i = 0, first = 1; i < HWK_NREASONS; i++)
				if (s->now.reasons[i]) {
					fprintf(f, "%s %s %ld", first ? "" : ",", hwk_reasons[i],
						s->now.reasons[i]);
					first = 0;
				}
			fputc('\n', f);
		}
		if (r->ratings && r->ratings[k] >= 0)
			fprintf(f, "%s  rated: %s (%d of %d)\n", pre, hwk_rating_words[r->ratings[k]],
				r->ratings[k], HWK_RATING_MAX);
		size_t w = 0;
		for (size_t i = 0; i < s->metrics.n; i++)
			if (strlen(s->metrics.v[i].label) > w)
				w = strlen(s->metrics.v[i].label);
		for (size_t i = 0; i < s->metrics.n; i++) {
			const hwk_metric *m = &s->metrics.v[i];
			char v[512];
			hwk_metric_str(m, v, sizeof v);
			fprintf(f, "%s  %-*s  ", pre, (int)w, m->label);
			put_text(f, v, NULL);
			fprintf(f, "  (%ld)\n", m->n);
		}
		if (s->metrics.hint)
			fprintf(f, "%s  hint: %s\n", pre, s->metrics.hint);
		if (s->ladder.n)
			hwk_ladder_progress_print(f, &s->ladder, "  ", "    ", put_visible, NULL);
		for (size_t i = 0; i < s->nrows; i++)
			print_entry(f, pre, a, &s->rows[i]);
	}
}

/* ---- the editor ---- */

int hwk_review_make(const char *dir)
{
	char *parent = hwk_xstrdup(dir), *slash = strrchr(parent, '/');
	int a = 0, b = 0;
	if (slash)
		*slash = 0;
	if ((slash && (a = hwk_store_mkdir(parent)) < 0) || (b = hwk_store_mkdir(dir)) < 0) {
		if (a > 0)
			rmdir(parent);
		free(parent);
		return -1;
	}
	free(parent);
	return (a > 0) | (b > 0) << 1;
}

void hwk_review_unmake(const char *dir, int made)
{
	/* rmdir leaves a folder another run filled */
	if (made & 2)
		rmdir(dir);
	if (made & 1) {
		char *parent = hwk_xstrdup(dir), *slash = strrchr(parent, '/');
		if (slash) {
			*slash = 0;
			rmdir(parent);
		}
		free(parent);
	}
}

/* Edit text in $VISUAL or $EDITOR on a template in dir: text, then the comment lines
 * head and, each line commented, body. *note as hwk_review_edit says. */
static int edit(const char *dir, const char *text, const char *head, const char *body,
		char **note)
{
	*note = NULL;
	/* the template lives with the reviews: the notes never leave them (and .hwk.*
	 * is never committed) */
	char *path = hwk_path(dir, ".hwk.review-note.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0) {
		hwk_err_sys("%s", path);
		free(path);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		hwk_err_sys("%s", path);
		close(fd);
		unlink(path);
		free(path);
		return -1;
	}
	fprintf(f, "%s\n%s", text, head);
	for (const char *line = body, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		fprintf(f, "# %.*s\n", nl ? (int)(nl - line) : (int)strlen(line), line);
	}
	int rc = -1;
	if (fclose(f) != 0) {
		hwk_err_sys("%s", path);
		goto out;
	}
	const char *editor = getenv("VISUAL");
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		/* through the shell, as git does, so EDITOR may hold arguments */
		setenv("HWK_EDITOR", editor, 1);
		execl("/bin/sh", "sh", "-c", "$HWK_EDITOR \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		hwk_err_sys("running the editor");
		goto out;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		hwk_err("the editor failed; nothing recorded");
		goto out;
	}
	hwk_buf all = {0}, kept = {0};
	if (hwk_read_file(path, HWK_YAML_MAX_BYTES, &all) < 0) {
		hwk_err_sys("%s", path);
		hwk_buf_free(&all);
		goto out;
	}
	for (char *line = all.s, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (line[0] == '#')
			continue;
		hwk_buf_add(&kept, line, len);
		hwk_buf_addc(&kept, '\n');
	}
	hwk_buf_free(&all);
	/* surrounding blank lines and trailing spaces go */
	char *s = kept.s ? kept.s : "";
	while (*s == '\n' || *s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	*note = hwk_xstrndup(s, n);
	hwk_buf_free(&kept);
	rc = 0;
out:
	unlink(path);
	free(path);
	return rc;
}

int hwk_review_edit(const char *dir, const hwk_review *r, char **note)
{
	char *body = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&body, &blen);
	hwk_review_print(mem, r);
	fclose(mem);
	int rc = edit(dir, "",
		      "# Write the notes of this review above. Lines starting with '#' are left out;\n"
		      "# with no notes, nothing is recorded.\n#\n",
		      body, note);
	free(body);
	return rc;
}

int hwk_review_edit_note(const char *dir, const hwk_review_ref *last, const char *note,
			 char **out)
{
	char *head = hwk_xasprintf("# Amend the notes of %s above. Lines starting with '#' are left\n"
				   "# out; with no notes, nothing is changed.\n",
				   last->path);
	int rc = edit(dir, note, head, NULL, out);
	free(head);
	return rc;
}

/* ---- keeping it ---- */

/* Is the last review in dir still last (NULL: there was none)? -1 after a message when
 * another was recorded since it was read. */
static int still_last(const char *dir, const hwk_review_ref *last)
{
	hwk_review_ref now;
	int found = hwk_review_last(dir, &now);
	if (found < 0)
		return -1;
	int same = found ? last && !strcmp(now.path, last->path) && now.to == last->to &&
				   !strcmp(now.at, last->at)
			 : !last;
	if (!same)
		hwk_err("%s: another review was recorded meanwhile: nothing recorded; run hwk "
			"review again", found ? now.path : last->path);
	if (found)
		hwk_review_ref_free(&now);
	return same ? 0 : -1;
}

int hwk_review_save(const char *client_dir, const char *dir, const hwk_review *r,
		    const char *note, time_t now, char **path)
{
	char from[16], to[16], at[32], num[64];
	hwk_day_format(r->from, from);
	hwk_day_format(r->to, to);
	hwk_time_format(now, at);
	*path = NULL;

	hwk_buf b = {0};
	hwk_buf_adds(&b, "# hwk review (see hwk(5))\n");
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv_plain(w, "at", at);
	hwk_yw_kv_plain(w, "from", from);
	hwk_yw_kv_plain(w, "to", to);
	hwk_yw_kv(w, "note", note);
	hwk_yw_str(w, "assignments");
	hwk_yw_seq_start(w);
	for (size_t k = 0; k < r->n; k++) {
		const hwk_adherence *h = &r->s[k].now;
		hwk_yw_map_start(w);
		hwk_yw_kv(w, "id", r->s[k].a->id);
		hwk_yw_kv(w, "type", r->s[k].a->type);
		hwk_yw_kv(w, "every", hwk_assignment_every_on(r->s[k].a, r->to));
		const struct {
			const char *key;
			long v;
		} counts[] = {{"expected", h->expected}, {"done", h->done}, {"partial", h->partial},
			      {"skipped", h->skipped}, {"missed", h->missed}};
		for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
			snprintf(num, sizeof num, "%ld", counts[i].v);
			hwk_yw_kv_plain(w, counts[i].key, num);
		}
		if (!isnan(h->completion)) {
			snprintf(num, sizeof num, "%.1f", h->completion);
			hwk_yw_kv_plain(w, "completion", num);
		}
		if (h->skipped) {
			hwk_yw_str(w, "reasons");
			hwk_yw_map_start(w);
			for (int i = 0; i < HWK_NREASONS; i++)
				if (h->reasons[i]) {
					snprintf(num, sizeof num, "%ld", h->reasons[i]);
					hwk_yw_kv_plain(w, hwk_reasons[i], num);
				}
			hwk_yw_map_end(w);
		}
		if (r->ratings && r->ratings[k] >= 0) {
			snprintf(num, sizeof num, "%d", r->ratings[k]);
			hwk_yw_kv_plain(w, "rating", num);
		}
		hwk_yw_map_end(w);
	}
	hwk_yw_seq_end(w);
	hwk_yw_map_end(w);
	int rc = hwk_yw_end(w);

	/* under the client folder's lock, and only when the last review is still the one
	 * this one starts after: two reviews at once never both cover the same entries */
	int lock = rc == 0 ? hwk_store_lock(client_dir, client_dir) : -1;
	if (lock < 0 || still_last(dir, r->last) < 0 || hwk_review_make(dir) < 0)
		rc = -1;
	/* DATE-HHMMSS-xxxx.yaml: the time made, to the second, and four random digits, so
	 * that two machines never take the same name; drawn again when taken */
	for (int tries = 0; rc == 0 && !*path; tries++) {
		unsigned char x[2] = {0, 0};
		if (getrandom(x, sizeof x, 0) != (ssize_t)sizeof x) {
			unsigned t = (unsigned)getpid() ^ (unsigned)tries * 7919u;
			x[0] = (unsigned char)t;
			x[1] = (unsigned char)(t >> 8);
		}
		char *p = hwk_xasprintf("%s/%.10s-%.2s%.2s%.2s-%02x%02x.yaml", dir, at, at + 11,
					at + 14, at + 17, x[0], x[1]);
		int made = tries < 16 ? hwk_store_create_new(p, b.s, b.len) : -1;
		if (tries == 16)
			hwk_err("%s: no free name: all drawn were taken", p);
		if (made == 0)
			*path = p;
		else
			free(p);
		if (made <= 0)
			rc = made;
	}
	hwk_store_unlock(lock);
	hwk_buf_free(&b);
	return rc;
}

/* ---- amending ---- */

int hwk_review_note(const char *dir, const char *client, hwk_review_ref *last, char **note)
{
	*note = NULL;
	hwk_ynode *root = NULL;
	int found = hwk_review_last(dir, last);
	if (found == 0)
		hwk_err("%s has no review to amend", client);
	if (found <= 0)
		return found < 0 ? -1 : 0;
	if (hwk_yaml_load(last->path, &root) < 0 ||
	    hwk_yget_str(last->path, root, "note", 0, note) < 0) {
		hwk_ynode_free(root);
		hwk_review_ref_free(last);
		return -1;
	}
	hwk_ynode_free(root);
	if (!*note)
		*note = hwk_xstrdup("");
	return 1;
}

/* A node as it was read: the text of a scalar, quoted where need be (a plain one
 * stays plain: a number, null, a date). */
static void put_node(hwk_yw *w, const hwk_ynode *n)
{
	if (!n) {
		hwk_yw_plain(w, "null");
	} else if (n->kind == HWK_Y_SCALAR) {
		if (n->plain)
			hwk_yw_plain(w, n->str);
		else
			hwk_yw_str(w, n->str);
	} else if (n->kind == HWK_Y_MAP) {
		hwk_yw_map_start(w);
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			hwk_yw_str(w, n->items[i]->str);
			put_node(w, n->items[i + 1]);
		}
		hwk_yw_map_end(w);
	} else {
		hwk_yw_seq_start(w);
		for (size_t i = 0; i < n->n; i++)
			put_node(w, n->items[i]);
		hwk_yw_seq_end(w);
	}
}

int hwk_review_amend(const char *client_dir, const char *dir, const hwk_review_ref *last,
		     const char *was, const char *note, time_t now)
{
	char at[32];
	hwk_time_format(now, at);
	int lock = hwk_store_lock(client_dir, client_dir), rc = -1;
	hwk_ynode *root = NULL;
	char *old = NULL;
	hwk_buf b = {0};
	if (lock < 0 || still_last(dir, last) < 0)
		goto out;
	if (hwk_yaml_load(last->path, &root) < 0 || hwk_yget_str(last->path, root, "note", 0, &old) < 0)
		goto out;
	if (strcmp(old ? old : "", was)) {
		hwk_err("%s: its note was amended meanwhile: nothing changed; run hwk review "
			"--amend again", last->path);
		goto out;
	}
	if (!strcmp(was, note)) {
		hwk_err("%s: the note is as it was: nothing changed", last->path);
		goto out;
	}
	/* every key as it was, the note replaced, the earlier one last in amended */
	hwk_buf_adds(&b, "# hwk review (see hwk(5))\n");
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	const hwk_ynode *amended = hwk_ymap_get(root, "amended");
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const char *key = root->items[i]->str;
		if (!strcmp(key, "amended"))
			continue;
		if (!strcmp(key, "note")) {
			hwk_yw_kv(w, "note", note);
			hwk_yw_str(w, "amended");
			hwk_yw_seq_start(w);
			for (size_t k = 0; amended && amended->kind == HWK_Y_SEQ && k < amended->n; k++)
				put_node(w, amended->items[k]);
			hwk_yw_map_start(w);
			hwk_yw_kv(w, "note", old);
			hwk_yw_kv_plain(w, "replaced", at);
			hwk_yw_map_end(w);
			hwk_yw_seq_end(w);
			continue;
		}
		hwk_yw_str(w, key);
		put_node(w, root->items[i + 1]);
	}
	hwk_yw_map_end(w);
	if (hwk_yw_end(w) == 0 && hwk_store_replace(last->path, b.s, b.len) == 0)
		rc = 0;
out:
	hwk_store_unlock(lock);
	hwk_ynode_free(root);
	free(old);
	hwk_buf_free(&b);
	return rc;
}
