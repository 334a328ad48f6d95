/* Unit tests for lib/prefetch.c: folders read in a second thread give the same
 * assignments as reading them on the spot, in order, with errors, their messages said
 * by the taker when it takes them, and stopping early frees all. */
#define _GNU_SOURCE
#include "assignment.h"
#include "date.h"
#include "prefetch.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NDIRS 40

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror(path);
		close(fd);
	}
}

/* an assignment of client c starting on the first of month m */
static void assignment(const char *dir, const char *c, int m, unsigned n)
{
	char id[64], name[80];
	snprintf(id, sizeof id, "2026-%02d-01-task-%04x", m, n);
	snprintf(name, sizeof name, "%s.yaml", id);
	char *text = hwk_xasprintf("id: %s\nclient: %s\ntype: task\ntitle: Task\nevery: day\n"
				   "start: 2026-%02d-01\nstatus: active\nfields: []\nhistory:\n"
				   "- at: 2026-01-01T09:00:00+01:00\n  change: assigned\n",
				   id, c, m);
	put(dir, name, text);
	free(text);
}

/* the ids, sorted, as one line */
static char *ids(const hwk_assignments *l)
{
	hwk_strs s = {0};
	for (size_t i = 0; i < l->n; i++)
		hwk_strs_push(&s, hwk_xstrdup(l->v[i].id));
	hwk_strs_sort(&s);
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	for (size_t i = 0; i < s.n; i++)
		hwk_buf_printf(&b, "%s%s", i ? " " : "", s.v[i]);
	hwk_strs_free(&s);
	return b.s;
}

int main(void)
{
	char top[] = "/tmp/hwk-prefetch-XXXXXX";
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 2;
	}
	/* March 2026: those starting in January to March */
	hwk_day from = hwk_day_from_ymd(2026, 3, 1), to = hwk_day_from_ymd(2026, 3, 31);
	char *dirs[NDIRS];
	for (int i = 0; i < NDIRS; i++) {
		dirs[i] = hwk_xasprintf("%s/c%02d", top, i);
		if (i == 7)
			continue; /* never made: ENOENT */
		if (i == 11) {
			put(top, "c11", ""); /* a file, not a folder: ENOTDIR */
			continue;
		}
		mkdir(dirs[i], 0700);
		put(dirs[i], "client.yaml", "version: 3\n");
		put(dirs[i], ".hidden.yaml", "");
		put(dirs[i], "notes.txt", "");
		char c[8];
		snprintf(c, sizeof c, "c%02d", i);
		for (int k = 0; k < i % 5; k++)
			assignment(dirs[i], c, k + 1, (unsigned)(i * 16 + k));
		if (i == 13 || i == 31) /* not YAML: named, the others read */
			put(dirs[i], "2026-02-01-task-bad0.yaml", "id: [\n");
	}

	/* every folder, in order: the same as reading it here; what is said, said when
	 * taken (standard error into a file meanwhile) */
	char errpath[600];
	snprintf(errpath, sizeof errpath, "%s/err", top);
	fflush(stderr);
	int saved = dup(2), efd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	hwk_prefetch *p = hwk_prefetch_start((const char *const *)dirs, NDIRS, from, to);
	int same = 1, errs_right = 1, counts_right = 1, bad_right = 1, said_right = 1;
	for (int i = 0; i < NDIRS; i++) {
		hwk_assignments got = {0}, want = {0};
		hwk_strs names = {0};
		dup2(efd, 2);
		off_t before = lseek(efd, 0, SEEK_END);
		int rc = hwk_prefetch_get(p, (size_t)i, &got);
		int e = errno;
		fflush(stderr);
		off_t after = lseek(efd, 0, SEEK_END);
		/* said by the get alone, and only for the folders with a bad file */
		if ((after > before) != (i == 13 || i == 31))
			said_right = 0;
		int rw = hwk_dir_yaml_names(dirs[i], &names);
		if (i == 7 || i == 11) {
			if (rc != -1 || e != (i == 7 ? ENOENT : ENOTDIR) || rw != -1 || got.n != 0)
				errs_right = 0;
		} else {
			(void)hwk_assignments_load_period(dirs[i], &names, from, to, &want);
			char *a = ids(&got), *b = ids(&want);
			if (strcmp(a, b))
				same = 0;
			if (rc != (i == 13 || i == 31))
				bad_right = 0;
			if (got.n != (size_t)(i % 5 < 3 ? i % 5 : 3))
				counts_right = 0;
			free(a);
			free(b);
		}
		dup2(saved, 2);
		hwk_strs_free(&names);
		hwk_assignments_free(&got);
		hwk_assignments_free(&want);
	}
	hwk_prefetch_end(p);
	close(efd);
	close(saved);
	ok(same, "%d folders: the assignments read ahead are those read on the spot", NDIRS - 2);
	ok(counts_right, "only the period's, and only assignment files");
	ok(errs_right, "a missing folder (ENOENT) and a file (ENOTDIR): -1 with errno, and none");
	ok(bad_right, "a folder with a file that is not valid: 1, its others read");
	ok(said_right, "its message said when the folder is taken, not before");
	hwk_buf eb = {0};
	(void)hwk_read_file(errpath, 1u << 20, &eb);
	const char *m13 = eb.s ? strstr(eb.s, "c13/2026-02-01-task-bad0.yaml") : NULL;
	const char *m31 = eb.s ? strstr(eb.s, "c31/2026-02-01-task-bad0.yaml") : NULL;
	ok(m13 && m31 && m13 < m31, "the messages name the files, in the folders' order");
	hwk_buf_free(&eb);

	/* stopping after a few */
	p = hwk_prefetch_start((const char *const *)dirs, NDIRS, from, to);
	hwk_assignments got = {0};
	is_int(hwk_prefetch_get(p, 0, &got), 0, "stopping early: the first folder");
	hwk_assignments_free(&got);
	is_int(hwk_prefetch_get(p, 1, &got), 0, "stopping early: the second folder");
	is_int(got.n, 1, "with its one assignment");
	hwk_assignments_free(&got);
	/* the rest read ahead is freed by the end: ASan and valgrind look */
	hwk_prefetch_end(p);

	/* one folder (read on the spot) and none */
	p = hwk_prefetch_start((const char *const *)&dirs[3], 1, from, to);
	is_int(hwk_prefetch_get(p, 0, &got), 0, "one folder: read");
	is_int(got.n, 3, "one folder: its three assignments");
	hwk_assignments_free(&got);
	hwk_prefetch_end(p);
	p = hwk_prefetch_start(NULL, 0, from, to);
	ok(p != NULL, "no folders: a prefetch to end");
	hwk_prefetch_end(p);
	hwk_prefetch_end(NULL);

	char *cmd = hwk_xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", top);
	free(cmd);
	for (int i = 0; i < NDIRS; i++)
		free(dirs[i]);
	return tap_done();
}
