/* export: see export.h. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvfile.h"
#include "date.h"
#include "err.h"
#include "export.h"
#include "output.h"
#include "practice.h"
#include "review.h"
#include "tar.h"
#include "ydoc.h"

/* The largest file gathered (an entries file of decades is far smaller). */
#define EXPORT_FILE_MAX (1u << 30)
/* Folders nested deeper than this in a client folder are refused, not followed. */
#define EXPORT_DEPTH_MAX 16

static hwk_export_file *add(hwk_export *x, const char *path, const char *name, int review,
			    size_t rel_at)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 16;
		x->v = hwk_xrealloc(x->v, x->cap * sizeof *x->v);
	}
	hwk_export_file *f = &x->v[x->n++];
	memset(f, 0, sizeof *f);
	f->path = hwk_xstrdup(path);
	f->name = hwk_xstrdup(name);
	f->rel = f->name + rel_at;
	f->review = review;
	return f;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const hwk_export_file *)a)->name, ((const hwk_export_file *)b)->name);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* hwk's own local files and temp files, and git's folder: not the client's data */
static int left_out(const char *n)
{
	return !strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, ".git") ||
	       hwk_has_prefix(n, ".hwk.") || strstr(n, ".tmp.") != NULL;
}

/* Gather the folder path (named name in a practice, rel_at bytes of it the client's
 * prefix) into x; the problems are named and counted in *bad. */
static void walk(hwk_export *x, const char *path, const char *name, int review,
		 size_t rel_at, int depth, size_t *bad)
{
	if (depth > EXPORT_DEPTH_MAX) {
		hwk_err("%s: folders nested too deep: not followed", path);
		++*bad;
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		hwk_err_sys("%s", path);
		++*bad;
		return;
	}
	hwk_strs names = {0};
	struct dirent *e;
	int err = 0;
	while ((e = hwk_readdir(d, &err)))
		if (!left_out(e->d_name))
			hwk_strs_push(&names, hwk_xstrdup(e->d_name));
	closedir(d);
	if (err) {
		errno = err;
		hwk_err_sys("%s", path);
		++*bad;
	}
	qsort(names.v, names.n, sizeof *names.v, cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		char *p = hwk_path(path, names.v[i]);
		char *nm = hwk_xasprintf("%s%s", name, names.v[i]);
		struct stat st;
		if (lstat(p, &st) < 0) {
			hwk_err_sys("%s", p);
			++*bad;
		} else if (S_ISLNK(st.st_mode)) {
			hwk_err("%s: a symbolic link: not followed", p);
			++*bad;
		} else if (S_ISDIR(st.st_mode)) {
			char *sub = hwk_xasprintf("%s/", nm);
			add(x, p, sub, review, rel_at)->dir = 1;
			x->v[x->n - 1].mtime = st.st_mtime;
			walk(x, p, sub, review, rel_at, depth + 1, bad);
			free(sub);
		} else if (!S_ISREG(st.st_mode)) {
			hwk_err("%s: not a regular file: not read", p);
			++*bad;
		} else {
			hwk_export_file *f = add(x, p, nm, review, rel_at);
			f->mtime = st.st_mtime;
			if (hwk_read_file(p, EXPORT_FILE_MAX, &f->data) < 0) {
				hwk_err_sys("%s", p);
				++*bad;
			}
		}
		free(nm);
		free(p);
	}
	hwk_strs_free(&names);
}

/* The folder dir, when it is one (a symbolic link in its place is named, and counted in
 * *bad): 1, else 0. */
static int is_folder(const char *dir, size_t *bad)
{
	struct stat st;
	if (lstat(dir, &st) < 0)
		return 0;
	if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
		hwk_err("%s: %s: not followed", dir,
			S_ISLNK(st.st_mode) ? "a symbolic link" : "not a folder");
		++*bad;
		return 0;
	}
	return 1;
}

/* The folder top ("clients/" or "reviews/") and the client's folder dir in it (name),
 * both 0700 in the tar: extracted, they are as hwk makes them whatever the umask. */
static void add_folders(hwk_export *x, const char *dir, const char *top, const char *name,
			int review)
{
	struct stat st;
	time_t t = lstat(dir, &st) == 0 ? st.st_mtime : 0;
	add(x, dir, top, review, strlen(top))->dir = 1;
	x->v[x->n - 1].mtime = t;
	add(x, dir, name, review, strlen(name))->dir = 1;
	x->v[x->n - 1].mtime = t;
}

int hwk_export_collect(const hwk_practice *p, const char *client, hwk_export *out)
{
	memset(out, 0, sizeof *out);
	out->client = hwk_xstrdup(client);
	size_t bad = 0;
	char *dir = hwk_client_dir(p, client), *rdir = hwk_reviews_dir(p, client);
	char *name = hwk_xasprintf("clients/%s/", client);
	size_t rel_at = strlen(name);
	if (is_folder(dir, &bad)) {
		add_folders(out, dir, "clients/", name, 0);
		walk(out, dir, name, 0, rel_at, 0, &bad);
	}
	free(name);
	if (rdir && is_folder(rdir, &bad)) {
		name = hwk_xasprintf("reviews/%s/", client);
		add_folders(out, rdir, "reviews/", name, 1);
		walk(out, rdir, name, 1, strlen(name), 0, &bad);
		free(name);
	}
	free(dir);
	free(rdir);
	if (bad) {
		hwk_export_free(out);
		return hwk_err("%s: nothing exported", client);
	}
	qsort(out->v, out->n, sizeof *out->v, by_name);
	return 0;
}

void hwk_export_free(hwk_export *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].path);
		free(x->v[i].name);
		hwk_buf_free(&x->v[i].data);
	}
	free(x->v);
	free(x->client);
	memset(x, 0, sizeof *x);
}

/* --- JSON --- */

/* Is s a number as JSON writes one (and YAML reads a plain one as)? */
static int json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == 0;
}

/* A YAML node as JSON: mappings as objects, sequences as arrays; a plain scalar that is
 * null (empty, ~, null), true or false, or a number, as such; every other scalar,
 * quoted ones always, a string. */
static void json_node(hwk_buf *b, const hwk_ynode *n)
{
	if (!n) {
		hwk_buf_adds(b, "null");
		return;
	}
	switch (n->kind) {
	case HWK_Y_SCALAR:
		if (n->plain && hwk_ynull(n))
			hwk_buf_adds(b, "null");
		else if (n->plain && (!strcmp(n->str, "true") || !strcmp(n->str, "false") ||
				      json_number(n->str)))
			hwk_buf_adds(b, n->str);
		else
			hwk_json_str(b, n->str);
		return;
	case HWK_Y_MAP:
		hwk_buf_addc(b, '{');
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			if (i)
				hwk_buf_addc(b, ',');
			hwk_json_str(b, n->items[i]->str);
			hwk_buf_addc(b, ':');
			json_node(b, n->items[i + 1]);
		}
		hwk_buf_addc(b, '}');
		return;
	case HWK_Y_SEQ:
		hwk_buf_addc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				hwk_buf_addc(b, ',');
			json_node(b, n->items[i]);
		}
		hwk_buf_addc(b, ']');
		return;
	}
}

/* The file's YAML as JSON into b: 0, or -1 after a message (b as it was). */
static int json_yaml(hwk_buf *b, const hwk_export_file *f)
{
	hwk_ynode *root = NULL;
	if (hwk_yaml_parse(f->path, f->data.s, f->data.len, &root) < 0)
		return -1;
	json_node(b, root);
	hwk_ynode_free(root);
	return 0;
}

static void json_strs(hwk_buf *b, const hwk_strs *l)
{
	hwk_buf_addc(b, '[');
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			hwk_buf_addc(b, ',');
		hwk_json_str(b, l->v[i]);
	}
	hwk_buf_addc(b, ']');
}

/* The file's CSV as {"columns":[...],"rows":[[...],...]} into b: 0, or -1 after a
 * message (b as it was). */
static int json_csv(hwk_buf *b, const hwk_export_file *f)
{
	hwk_buf t = {0};
	hwk_csvr *r = hwk_csvr_mem(f->data.s, f->data.len, f->path, 1);
	hwk_strs rec = {0};
	size_t line, n = 0;
	int rc;
	hwk_buf_adds(&t, "{\"columns\":");
	while ((rc = hwk_csvr_next(r, &rec, &line)) > 0) {
		if (n == 1)
			hwk_buf_adds(&t, ",\"rows\":[");
		else if (n > 1)
			hwk_buf_addc(&t, ',');
		json_strs(&t, &rec);
		n++;
	}
	hwk_csvr_free(r);
	hwk_strs_free(&rec);
	if (rc == 0) {
		if (n == 0)
			hwk_buf_adds(&t, "[]");
		hwk_buf_adds(&t, n > 1 ? "]}" : ",\"rows\":[]}");
		hwk_buf_add(b, t.s, t.len);
	}
	hwk_buf_free(&t);
	return rc;
}

/* "key":"value" or "key":null, after a comma unless first */
static void json_kv(hwk_buf *b, const char *key, const char *val, int first)
{
	if (!first)
		hwk_buf_addc(b, ',');
	hwk_json_str(b, key);
	hwk_buf_addc(b, ':');
	if (val)
		hwk_json_str(b, val);
	else
		hwk_buf_adds(b, "null");
}

/* An assignment's or an entries file's name: its folder ("" or "ended/YYYY/"), its id. */
static int split_name(const char *rel, const char *ext, size_t *folder, char **id)
{
	const char *slash = strrchr(rel, '/');
	size_t fl = slash ? (size_t)(slash - rel) + 1 : 0;
	char year[5] = "";
	if (fl == 11)
		memcpy(year, rel + 6, 4);
	if (fl && (fl != 11 || strncmp(rel, HWK_ENDED_DIR "/", 6) || !hwk_ended_year_name(year)))
		return 0;
	size_t len = strlen(rel), el = strlen(ext);
	if (len <= fl + el || strcmp(rel + len - el, ext))
		return 0;
	const char *base = rel + fl;
	size_t bl = len - fl - el;
	const char *ended = strstr(base, ".ended-");
	if (ended && (size_t)(ended - base) < bl)
		bl = (size_t)(ended - base);
	*folder = fl;
	*id = hwk_xstrndup(base, bl);
	return 1;
}

/* The file as text (invalid UTF-8 as U+FFFD) in other_files. */
static void json_other(hwk_buf *b, const hwk_export_file *f, int first)
{
	hwk_buf_adds(b, first ? "{" : ",{");
	json_kv(b, "file", f->name, 1);
	json_kv(b, "text", f->data.s ? f->data.s : "", 0);
	hwk_buf_addc(b, '}');
}

int hwk_export_json(FILE *out, const hwk_export *x, time_t now)
{
	hwk_buf b = {0}, other = {0};
	char when[32];
	int bad = 0;
	size_t n_other = 0;
	unsigned char *used = hwk_xcalloc(x->n ? x->n : 1, 1);
	hwk_time_format(now, when);
	hwk_buf_printf(&b, "{\"format\":\"%s\",\"version\":%d,\"files_version\":%s",
		       HWK_EXPORT_FORMAT, HWK_EXPORT_VERSION, HWK_FORMAT_S);
	json_kv(&b, "client", x->client, 0);
	json_kv(&b, "exported", when, 0);
	/* client.yaml */
	hwk_buf_adds(&b, ",\"client_file\":");
	const hwk_export_file *cf = NULL;
	for (size_t i = 0; i < x->n; i++)
		if (!x->v[i].review && !strcmp(x->v[i].rel, "client.yaml")) {
			cf = &x->v[i];
			used[i] = 1;
		}
	if (cf) {
		hwk_buf_adds(&b, "{\"file\":");
		hwk_json_str(&b, cf->name);
		hwk_buf_adds(&b, ",\"client\":");
		if (json_yaml(&b, cf) < 0) {
			hwk_buf_adds(&b, "null");
			used[cf - x->v] = 0;
			bad = 1;
		}
		hwk_buf_addc(&b, '}');
	} else {
		hwk_buf_adds(&b, "null");
	}
	/* assignments, each with its entries file beside it */
	hwk_buf_adds(&b, ",\"assignments\":[");
	size_t n_asg = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < x->n; i++) {
			const hwk_export_file *f = &x->v[i];
			size_t fl;
			char *id = NULL;
			if (f->review || f->dir || used[i] ||
			    !split_name(f->rel, pass ? ".csv" : ".yaml", &fl, &id))
				continue;
			/* the entries file beside it: ID.csv in the same folder */
			const hwk_export_file *csv = NULL;
			size_t ci = 0;
			if (!pass) {
				char *want = hwk_xasprintf("%.*s%s.csv", (int)fl, f->rel, id);
				for (size_t j = 0; j < x->n; j++)
					if (!x->v[j].review && !used[j] && !strcmp(x->v[j].rel, want)) {
						csv = &x->v[j];
						ci = j;
					}
				free(want);
			} else {
				csv = f;
				ci = i;
			}
			hwk_buf t = {0};
			hwk_buf_adds(&t, n_asg ? ",{" : "{");
			json_kv(&t, "id", id, 1);
			json_kv(&t, "file", pass ? NULL : f->name, 0);
			hwk_buf_adds(&t, ",\"assignment\":");
			if (pass)
				hwk_buf_adds(&t, "null");
			else if (json_yaml(&t, f) < 0) {
				bad = 1;
				hwk_buf_free(&t);
				free(id);
				continue; /* given as text below */
			}
			used[i] = 1;
			json_kv(&t, "entries_file", csv ? csv->name : NULL, 0);
			hwk_buf_adds(&t, ",\"entries\":");
			if (!csv)
				hwk_buf_adds(&t, "null");
			else if (json_csv(&t, csv) < 0) {
				bad = 1;
				hwk_buf_adds(&t, "null");
				used[ci] = 2; /* given as text below */
			}
			if (csv && !used[ci])
				used[ci] = 1;
			hwk_buf_addc(&t, '}');
			hwk_buf_add(&b, t.s, t.len);
			hwk_buf_free(&t);
			n_asg++;
			free(id);
		}
	hwk_buf_addc(&b, ']');
	/* reviews */
	hwk_buf_adds(&b, ",\"reviews\":[");
	size_t n_rev = 0;
	for (size_t i = 0; i < x->n; i++) {
		const hwk_export_file *f = &x->v[i];
		size_t len = strlen(f->rel);
		if (!f->review || f->dir || strchr(f->rel, '/') || len <= 5 ||
		    strcmp(f->rel + len - 5, ".yaml"))
			continue;
		hwk_buf t = {0};
		hwk_buf_adds(&t, n_rev ? ",{" : "{");
		json_kv(&t, "file", f->name, 1);
		hwk_buf_adds(&t, ",\"review\":");
		if (json_yaml(&t, f) < 0) {
			bad = 1;
		} else {
			hwk_buf_addc(&t, '}');
			hwk_buf_add(&b, t.s, t.len);
			used[i] = 1;
			n_rev++;
		}
		hwk_buf_free(&t);
	}
	hwk_buf_addc(&b, ']');
	/* everything else, as text */
	for (size_t i = 0; i < x->n; i++)
		if (used[i] != 1 && !x->v[i].dir)
			json_other(&other, &x->v[i], !n_other++);
	hwk_buf_adds(&b, ",\"other_files\":[");
	if (other.s)
		hwk_buf_add(&b, other.s, other.len);
	hwk_buf_adds(&b, "]}\n");
	int rc = bad;
	if (fwrite(b.s, 1, b.len, out) != b.len || fflush(out) != 0)
		rc = hwk_err_sys("writing the export");
	hwk_buf_free(&b);
	hwk_buf_free(&other);
	free(used);
	return rc;
}

int hwk_export_tar(FILE *f, const hwk_export *x)
{
	for (size_t i = 0; i < x->n; i++) {
		const hwk_export_file *e = &x->v[i];
		if (hwk_tar_put(f, e->name, e->dir ? '5' : '0', e->dir ? 0700 : 0600, e->data.s,
				e->dir ? 0 : e->data.len, e->mtime) < 0)
			return -1;
	}
	if (hwk_tar_end(f) < 0)
		return -1;
	if (fflush(f) != 0)
		return hwk_err_sys("writing the tar");
	return 0;
}
