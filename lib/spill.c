#define _GNU_SOURCE
#include "spill.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "util.h"

struct hwk_spill {
	int fd;    /* -1: held in memory */
	hwk_buf mem;
	off_t size;
	char *dir; /* for the messages */
};

/* A folder the spill cannot be written in, where the command reads all the same: one
 * read-only (a backup, a mount, a colleague's practice shared for reading), or full,
 * or another user's (root writes nothing there: hwk(5) PERMISSIONS). */
static int unwritable(int e)
{
	return e == EROFS || e == EACCES || e == EPERM || e == ENOSPC || e == EDQUOT;
}

hwk_spill *hwk_spill_open(const char *dir)
{
	/* what a read needs it does not refuse for want of room to write: where the file
	 * cannot be made, memory holds what it would (fd -1) */
	hwk_spill *s = hwk_xcalloc(1, sizeof *s);
	s->fd = -1;
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid != geteuid()) {
		s->dir = hwk_xstrdup(dir); /* not ours: root writes nothing there */
		return s;
	}
	int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		/* a file system (or kernel) without O_TMPFILE: a named file, at once unnamed */
		char *path = hwk_path(dir, ".hwk.spill-XXXXXX");
		fd = mkostemp(path, O_CLOEXEC);
		if (fd >= 0 && unlink(path) < 0) {
			int e = errno;
			close(fd);
			unlink(path);
			errno = e;
			fd = -1;
		}
		free(path);
	}
	if (fd < 0 && !unwritable(errno)) {
		hwk_err_sys("%s: cannot make a temporary file there", dir);
		free(s);
		return NULL;
	}
	s->fd = fd;
	s->dir = hwk_xstrdup(dir);
	return s;
}

int hwk_spill_in_memory(const hwk_spill *s)
{
	return s->fd < 0;
}

int hwk_spill_add(hwk_spill *s, const void *p, size_t n, off_t *at)
{
	*at = s->size;
	if (s->fd < 0) {
		hwk_buf_add(&s->mem, p, n);
		s->size += (off_t)n;
		return 0;
	}
	const char *c = p;
	while (n) {
		ssize_t w = pwrite(s->fd, c, n, s->size);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return hwk_err_sys("%s: cannot write a temporary file there", s->dir);
		}
		c += w;
		n -= (size_t)w;
		s->size += w;
	}
	return 0;
}

int hwk_spill_read(hwk_spill *s, off_t at, size_t n, void *p)
{
	if (s->fd < 0) {
		memcpy(p, s->mem.s + at, n);
		return 0;
	}
	char *c = p;
	while (n) {
		ssize_t got = pread(s->fd, c, n, at);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO; /* shorter than written: it was changed under us */
			return hwk_err_sys("%s: cannot read back a temporary file there", s->dir);
		}
		c += got;
		n -= (size_t)got;
		at += got;
	}
	return 0;
}

int hwk_spill_copy(hwk_spill *s, off_t at, size_t n, FILE *f)
{
	char buf[65536];
	while (n) {
		size_t k = n < sizeof buf ? n : sizeof buf;
		if (hwk_spill_read(s, at, k, buf) < 0)
			return -1;
		fwrite(buf, 1, k, f);
		at += (off_t)k;
		n -= k;
	}
	return 0;
}

void hwk_spill_close(hwk_spill *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	hwk_buf_free(&s->mem);
	free(s->dir);
	free(s);
}
