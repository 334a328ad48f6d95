/* commit: each write command's files committed, one commit of just those, when the
 * practice asks for it. */
#define _GNU_SOURCE
#include "commit.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "git.h"
#include "store.h"

/* Is dir ("" the root) the top of a repository: a .git (folder or file) in it? */
static int has_git(const char *dir)
{
	char *g = *dir ? hwk_xasprintf("%s/.git", dir) : hwk_xstrdup(".git");
	struct stat st;
	int has = lstat(g, &st) == 0;
	free(g);
	return has;
}

/* A client folder standing alone asks for it in its own repository's configuration:
 * hwk.yaml is not there, and client.yaml travels to the client's copy. */
static int asks(const hwk_practice *p)
{
	if (!p->standalone)
		return p->commit;
	if (!has_git(""))
		return 0;
	hwk_buf b = {0};
	char *argv[] = {"git", "config", "--type=bool", "hwk.commit", NULL};
	hwk_err_quiet(1);
	int rc = hwk_git_run(argv, &b, HWK_GIT_HUSH);
	hwk_err_quiet(0);
	int on = rc == 0 && b.s && !strcmp(b.s, "true\n");
	hwk_buf_free(&b);
	return on;
}

/* How long a commit waits for another git command's index.lock, at most: one a crashed
 * git left stays until it is removed, and the write must not wait long for that. */
#define COMMIT_WAIT_MS 3000
/* The file hwk's commits in a repository lock in turn (its top; .hwk.* is ignored). */
#define COMMIT_LOCK ".hwk.commit"

/* Take the commit lock of repository top, waiting as writers wait for a lock: -1 when
 * it cannot be had (never made in a folder of another user's: see hwk(5)
 * PERMISSIONS); the commit then goes ahead unlocked, waiting for index.lock alone. */
static int commit_lock(const char *top)
{
	struct stat st;
	if (stat(top, &st) < 0 || st.st_uid != geteuid())
		return -1;
	char *path = hwk_path(top, COMMIT_LOCK);
	int fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
	if (fd >= 0)
		close(fd);
	hwk_err_quiet(1);
	int lock = hwk_store_lock_file(path);
	hwk_err_quiet(0);
	free(path);
	return lock >= 0 ? lock : -1;
}

/* Does git say that the files had nothing to commit (in its C locale's words, as
 * hwk_git_commit runs it): "nothing to commit", "nothing added to commit" (other files
 * untracked), "no changes added to commit" (other files changed)? */
static int nothing_to_commit(const hwk_buf *out)
{
	return out->s && (strstr(out->s, "nothing to commit") ||
			  strstr(out->s, "nothing added to commit") ||
			  strstr(out->s, "no changes added to commit"));
}

/* Commit paths in repository top: one hwk commit at a time (the commit lock), and
 * while another git command holds the index (index.lock) waiting with growing pauses
 * up to COMMIT_WAIT_MS (HWK_LOCK_WAIT when shorter). Files with nothing to commit were
 * committed by another writer's commit (two writers of one entries file): done. git's
 * words in out; -1 when not committed. */
static int commit_waiting(const char *top, const char *message, const hwk_strs *paths,
			  hwk_buf *out)
{
	long left = hwk_store_lock_wait_ms(), pause = 10;
	if (left > COMMIT_WAIT_MS)
		left = COMMIT_WAIT_MS;
	int lock = commit_lock(top), rc;
	for (;;) {
		hwk_buf_reset(out);
		hwk_err_quiet(1);
		rc = message ? hwk_git_commit(top, message, paths->v, paths->n, out) : -1;
		hwk_err_quiet(0);
		if (rc < 0 && nothing_to_commit(out))
			rc = 0;
		if (rc == 0 || !message || left <= 0 || !out->s || !strstr(out->s, "index.lock"))
			break;
		hwk_store_pause(&left, &pause, 200);
	}
	if (lock >= 0)
		close(lock);
	return rc;
}

typedef struct {
	char *top;     /* relative to the root, "" the root */
	hwk_strs paths; /* relative to top */
} repo;

void hwk_commit(const hwk_practice *p, const char *fmt, ...)
{
	const hwk_strs *w = hwk_store_written();
	if (!w->n || !asks(p))
		return;
	repo *r = hwk_xcalloc(w->n, sizeof *r);
	size_t nr = 0;
	/* the innermost folder with a .git holds a file: a client folder's own
	 * repository, else the practice's (the process works from the root) */
	for (size_t i = 0; i < w->n; i++) {
		const char *path = w->v[i];
		if (path[0] == '/')
			continue;
		char *top = hwk_xstrdup(path);
		for (;;) {
			char *slash = strrchr(top, '/');
			if (!slash) {
				top[0] = 0;
				break;
			}
			*slash = 0;
			if (has_git(top))
				break;
		}
		if (!*top && !has_git("")) {
			free(top);
			continue;
		}
		size_t k;
		for (k = 0; k < nr && strcmp(r[k].top, top); k++)
			;
		if (k == nr)
			r[nr++].top = top;
		else
			free(top);
		size_t skip = *r[k].top ? strlen(r[k].top) + 1 : 0;
		hwk_strs_push(&r[k].paths, hwk_xstrdup(path + skip));
	}
	va_list ap;
	va_start(ap, fmt);
	char *message = NULL;
	if (vasprintf(&message, fmt, ap) < 0)
		message = NULL;
	va_end(ap);
	for (size_t k = 0; k < nr; k++) {
		hwk_buf out = {0};
		const char *top = *r[k].top ? r[k].top : ".";
		int rc = commit_waiting(top, message, &r[k].paths, &out);
		if (rc < 0) {
			char *l = out.len ? hwk_git_first_line(&out) : hwk_xstrdup("git could not be run");
			hwk_note("not committed (%s): written all the same; hwk sync will commit it", l);
			free(l);
		}
		hwk_buf_free(&out);
		hwk_strs_free(&r[k].paths);
		free(r[k].top);
	}
	free(r);
	free(message);
}
