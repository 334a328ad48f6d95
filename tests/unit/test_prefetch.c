/* Unit tests for lib/prefetch.c: folders listed in a second thread give the same names
 * as listing them on the spot, in order, with errors, and stopping early frees all. */
#define _GNU_SOURCE
#include "assignment.h"
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

static void touch(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
		close(fd);
}

/* the names, sorted, as one line */
static char *joined(hwk_strs *l)
{
	hwk_strs_sort(l);
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	for (size_t i = 0; i < l->n; i++)
		hwk_buf_printf(&b, "%s%s", i ? " " : "", l->v[i]);
	return b.s;
}

int main(void)
{
	char top[] = "/tmp/hwk-prefetch-XXXXXX";
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 2;
	}
	char *dirs[NDIRS];
	for (int i = 0; i < NDIRS; i++) {
		dirs[i] = hwk_xasprintf("%s/c%02d", top, i);
		if (i == 7)
			continue; /* never made: ENOENT */
		if (i == 11) {
			touch(top, "c11"); /* a file, not a folder: ENOTDIR */
			continue;
		}
		mkdir(dirs[i], 0700);
		touch(dirs[i], "client.yaml");
		touch(dirs[i], ".hidden.yaml");
		touch(dirs[i], "notes.txt");
		for (int k = 0; k < i % 5; k++) {
			char name[64];
			snprintf(name, sizeof name, "2026-0%d-01-task-%04x.yaml", k + 1, i * 16 + k);
			touch(dirs[i], name);
			snprintf(name, sizeof name, "2026-0%d-01-task-%04x.csv", k + 1, i * 16 + k);
			touch(dirs[i], name);
		}
	}

	/* every folder, in order: the same as listing it here */
	hwk_prefetch *p = hwk_prefetch_start((const char *const *)dirs, NDIRS);
	int same = 1, errs_right = 1, counts_right = 1;
	for (int i = 0; i < NDIRS; i++) {
		hwk_strs got = {0}, want = {0};
		int rc = hwk_prefetch_get(p, (size_t)i, &got);
		int e = errno;
		int rw = hwk_dir_yaml_names(dirs[i], &want);
		if (i == 7 || i == 11) {
			if (rc != -1 || e != (i == 7 ? ENOENT : ENOTDIR) || rw != -1 || got.n != 0)
				errs_right = 0;
		} else {
			char *a = joined(&got), *b = joined(&want);
			if (rc != 0 || strcmp(a, b))
				same = 0;
			if (got.n != (size_t)(i % 5))
				counts_right = 0;
			free(a);
			free(b);
		}
		hwk_strs_free(&got);
		hwk_strs_free(&want);
	}
	hwk_prefetch_end(p);
	ok(same, "%d folders: the names listed ahead are the names listed on the spot", NDIRS - 2);
	ok(counts_right, "only assignment files: not client.yaml, hidden files, CSV or others");
	ok(errs_right, "a missing folder (ENOENT) and a file (ENOTDIR): -1 with errno, and no names");

	/* stopping after a few */
	p = hwk_prefetch_start((const char *const *)dirs, NDIRS);
	hwk_strs got = {0};
	is_int(hwk_prefetch_get(p, 0, &got), 0, "stopping early: the first folder");
	hwk_strs_free(&got);
	is_int(hwk_prefetch_get(p, 1, &got), 0, "stopping early: the second folder");
	is_int(got.n, 1, "with its one assignment file");
	hwk_strs_free(&got);
	/* the rest listed ahead is freed by the end: ASan and valgrind look */
	hwk_prefetch_end(p);

	/* one folder (listed on the spot) and none */
	p = hwk_prefetch_start((const char *const *)&dirs[3], 1);
	is_int(hwk_prefetch_get(p, 0, &got), 0, "one folder: listed");
	is_int(got.n, 3, "one folder: its three assignment files");
	hwk_strs_free(&got);
	hwk_prefetch_end(p);
	p = hwk_prefetch_start(NULL, 0);
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
