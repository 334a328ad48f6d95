#define _GNU_SOURCE
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "util.h"

void hwk_store_init(void)
{
	umask(077);
}

int hwk_store_mkdir(const char *path)
{
	if (mkdir(path, 0700) == 0)
		return 1;
	struct stat st;
	if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return hwk_err_sys("%s", path);
}

/* Signals that would kill us between writing a temp file and renaming it wait until
 * the file is in place or gone. */
static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, old);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int fsync_dir_of(const char *path)
{
	char *copy = hwk_xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = -1;
	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

static int put_file(const char *path, const char *data, size_t len, int exclusive)
{
	char *tmp = hwk_xasprintf("%s.tmp.XXXXXX", path);
	sigset_t old;
	int rc = -1;

	block_signals(&old);
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		hwk_err_sys("%s", path);
		goto out;
	}
	if (fchmod(fd, 0600) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		hwk_err_sys("%s", path);
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) < 0) {
		hwk_err_sys("%s", path);
		unlink(tmp);
		goto out;
	}
	if (exclusive) {
		/* link fails if path exists: never overwrite what another process made */
		if (link(tmp, path) < 0) {
			if (errno == EEXIST)
				hwk_err("%s: already exists", path);
			else
				hwk_err_sys("%s", path);
			unlink(tmp);
			goto out;
		}
		unlink(tmp);
	} else if (rename(tmp, path) < 0) {
		hwk_err_sys("%s", path);
		unlink(tmp);
		goto out;
	}
	if (fsync_dir_of(path) < 0) {
		hwk_err_sys("%s: syncing its folder", path);
		goto out;
	}
	rc = 0;
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(tmp);
	return rc;
}

int hwk_store_replace(const char *path, const char *data, size_t len)
{
	return put_file(path, data, len, 0);
}

int hwk_store_create(const char *path, const char *data, size_t len)
{
	return put_file(path, data, len, 1);
}

int hwk_store_remove(const char *path)
{
	if (unlink(path) < 0)
		return hwk_err_sys("%s", path);
	if (fsync_dir_of(path) < 0)
		return hwk_err_sys("%s: syncing its folder", path);
	return 0;
}

int hwk_store_append(const char *path, const char *header, const char *rows, size_t len)
{
	hwk_buf b = {0};
	sigset_t old;
	int rc = -1;

	block_signals(&old);
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		hwk_err_sys("%s", path);
		goto out;
	}
	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			hwk_err_sys("%s: locking", path);
			goto out_close;
		}
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		hwk_err_sys("%s", path);
		goto out_close;
	}
	if (st.st_size == 0) {
		hwk_buf_adds(&b, header);
	} else {
		char last;
		if (pread(fd, &last, 1, st.st_size - 1) != 1) {
			hwk_err_sys("%s", path);
			goto out_close;
		}
		if (last != '\n')
			hwk_buf_addc(&b, '\n');
	}
	hwk_buf_add(&b, rows, len);
	if (write_all(fd, b.s, b.len) < 0) {
		hwk_err_sys("%s", path);
		/* take back a partial write so no half row stays; we still hold the lock */
		if (ftruncate(fd, st.st_size) < 0)
			hwk_err_sys("%s: could not remove a partly written row", path);
		goto out_close;
	}
	rc = 0;
out_close:
	if (close(fd) < 0 && rc == 0)
		rc = hwk_err_sys("%s", path);
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	hwk_buf_free(&b);
	return rc;
}
