/* Unit tests for lib/prefetch.c: folders read in a second thread give the same
 * assignments as reading them on the spot, in order, with errors, their messages said
 * by the taker when it takes them, and stopping early frees all. */
#define _GNU_SOURCE
#include "assignment.h"
#include "date.h"
#include "err.h"
#include "prefetch.h"
#include "tap.h"

#include <errno.h>
#include <pthread.h>
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

/* make of start_all: the ids, as a string; a message for the folders with a bad file,
 * and a little time taken, so that the taker, waiting, makes some itself */
static pthread_t main_thread;
static int made_by_main, made_by_other;
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;

static void *make_ids(void *arg, size_t i, hwk_assignments *l, int rc)
{
	(void)arg;
	if (rc)
		hwk_err("made c%02zu", i);
	char *s = ids(l);
	hwk_assignments_free(l);
	pthread_mutex_lock(&count_mu);
	if (pthread_equal(pthread_self(), main_thread))
		made_by_main++;
	else
		made_by_other++;
	pthread_mutex_unlock(&count_mu);
	usleep(2000);
	return s;
}

/* hwk_err_keep: what a thread says is kept, in order, and nothing is made when nothing
 * is said; keeping nests, and each thread keeps its own. */
static void *say_in_thread(void *arg)
{
	hwk_err_kept *k = arg;
	hwk_err_keep(k);
	hwk_err("from the other thread");
	hwk_err_keep_end(k);
	return NULL;
}

static void test_keep(void)
{
	hwk_err_kept k, inner, other;
	hwk_err_keep(&k);
	hwk_err_keep_end(&k);
	ok(k.msg == NULL && k.len == 0, "keep: nothing said, nothing made");

	hwk_err_keep(&k);
	hwk_err("one %d", 1);
	is_int((int)hwk_err_kept_len(&k), 16, "keep: the length so far");
	hwk_err_keep(&inner);
	hwk_err("inner");
	hwk_err_keep_end(&inner);
	pthread_t t;
	pthread_create(&t, NULL, say_in_thread, &other);
	pthread_join(t, NULL);
	hwk_err("two");
	hwk_err_keep_end(&k);
	is_str(k.msg, "hwk test: one 1\nhwk test: two\n", "keep: what was said, in order");
	is_str(inner.msg, "hwk test: inner\n", "keep: a keeping inside keeps its own");
	is_str(other.msg, "hwk test: from the other thread\n", "keep: another thread keeps its own");
	free(k.msg);
	free(inner.msg);
	free(other.msg);
}

int main(void)
{
	hwk_err_setcmd("test");
	test_keep();
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
		char c[16];
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
	hwk_prefetch *p = hwk_prefetch_start((const char *const *)dirs, NDIRS, from, to, NULL);
	int same = 1, errs_right = 1, counts_right = 1, bad_right = 1, said_right = 1;
	for (int i = 0; i < NDIRS; i++) {
		hwk_assignments got = {0}, want = {0};
		hwk_strs names = {0};
		dup2(efd, 2);
		off_t before = lseek(efd, 0, SEEK_END);
		int rc = hwk_prefetch_get(p, (size_t)i, 1, &got);
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
	p = hwk_prefetch_start((const char *const *)dirs, NDIRS, from, to, NULL);
	hwk_assignments got = {0};
	is_int(hwk_prefetch_get(p, 0, 1, &got), 0, "stopping early: the first folder");
	hwk_assignments_free(&got);
	is_int(hwk_prefetch_get(p, 1, 1, &got), 0, "stopping early: the second folder");
	is_int(got.n, 1, "with its one assignment");
	hwk_assignments_free(&got);
	/* the rest read ahead is freed by the end: ASan and valgrind look */
	hwk_prefetch_end(p);

	/* one folder (read on the spot) and none */
	p = hwk_prefetch_start((const char *const *)&dirs[3], 1, from, to, NULL);
	is_int(hwk_prefetch_get(p, 0, 1, &got), 0, "one folder: read");
	is_int(got.n, 3, "one folder: its three assignments");
	hwk_assignments_free(&got);
	hwk_prefetch_end(p);
	p = hwk_prefetch_start(NULL, 0, from, to, NULL);
	ok(p != NULL, "no folders: a prefetch to end");
	hwk_prefetch_end(p);
	hwk_prefetch_end(NULL);

	/* hwk_prefetch_start_all: each folder's assignments as hwk_assignments_load_all
	 * reads them, then made into something in the thread that read them; the taker
	 * reads the next ones itself while it waits */
	fflush(stderr);
	efd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	saved = dup(2);
	dup2(efd, 2);
	made_by_main = made_by_other = 0;
	main_thread = pthread_self();
	hwk_prefetch_then then = {make_ids, free, NULL, NULL};
	p = hwk_prefetch_start_all((const char *const *)dirs, NDIRS, HWK_CURRENT, &then);
	int made_right = 1, left_right = 1, all_bad_right = 1;
	for (int i = 0; i < NDIRS; i++) {
		hwk_assignments l = {0}, want = {0};
		void *made = NULL;
		/* the reading's messages left out for c13 (as said in an earlier pass):
		 * what make says is said */
		int rc = hwk_prefetch_get_made(p, (size_t)i, i != 13, &l, &made);
		hwk_err_quiet(1);
		int wrc = hwk_assignments_load_all(dirs[i], HWK_CURRENT, &want);
		hwk_err_quiet(0);
		char *w = ids(&want);
		if (!made || strcmp(made, w))
			made_right = 0;
		if (l.n != 0) /* make took them */
			left_right = 0;
		if (rc != (wrc < 0))
			all_bad_right = 0;
		free(w);
		free(made);
		hwk_assignments_free(&l);
		hwk_assignments_free(&want);
	}
	hwk_prefetch_end(p);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(efd);
	ok(made_right, "start_all: what make made of each folder, in order");
	ok(left_right, "... and the assignments as make left them");
	ok(all_bad_right, "... a folder that cannot be listed or read: 1, named");
	ok(made_by_main > 0 && made_by_other > 0,
	   "both threads made some (the taker %d, the other %d)", made_by_main, made_by_other);
	(void)hwk_read_file(errpath, 1u << 20, &eb);
	ok(eb.s && strstr(eb.s, "c31/2026-02-01-task-bad0.yaml") &&
		   !strstr(eb.s, "c13/2026-02-01-task-bad0.yaml"),
	   "say 0: the reading's messages left out, the others' said");
	ok(eb.s && strstr(eb.s, "made c13") && strstr(eb.s, "made c31") &&
		   strstr(eb.s, "made c13") < strstr(eb.s, "made c31"),
	   "... what make said, said for each, in order");
	hwk_buf_free(&eb);

	/* stopping early: what was made and not taken is dropped (ASan and valgrind look) */
	p = hwk_prefetch_start_all((const char *const *)dirs, NDIRS, HWK_CURRENT, &then);
	void *made = NULL;
	is_int(hwk_prefetch_get_made(p, 0, 1, &got, &made), 0, "start_all, stopping early: one");
	free(made);
	hwk_assignments_free(&got);
	hwk_prefetch_end(p);

	char *cmd = hwk_xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", top);
	free(cmd);
	for (int i = 0; i < NDIRS; i++)
		free(dirs[i]);
	return tap_done();
}
