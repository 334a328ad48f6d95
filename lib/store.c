#define _GNU_SOURCE
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "util.h"

/* Whether a write is on disk before hwk confirms it (fdatasync); a practice may turn it
 * off for bulk work. */
static int durable = 1;

void hwk_store_durable(int on)
{
	durable = on;
}

void hwk_store_init(void)
{
	umask(077);
}

/* Root writing in another user's folder would leave files there (a new file, or a
 * replaced one: renamed over, it is a new file) that the owner cannot change or
 * replace, and their next command would fail: as root, hwk writes in no folder
 * another user owns (appends too, for one rule). -1 after a message naming path (what
 * was to be written in the folder dir). */
static int owner_check(const char *dir, const char *path)
{
	struct stat st;
	if (geteuid() != 0 || stat(dir, &st) < 0 || st.st_uid == 0)
		return 0;
	return hwk_err("%s: the folder belongs to uid %u: as root, hwk writes only in root's "
		       "folders (what it made would be root's); run it as the folder's owner",
		       path, (unsigned)st.st_uid);
}

/* owner_check of the folder path is in */
static int owner_check_of(const char *path)
{
	if (geteuid() != 0)
		return 0;
	char *copy = hwk_xstrdup(path);
	int rc = owner_check(dirname(copy), path);
	free(copy);
	return rc;
}

static int fsync_dir_of(const char *path);

int hwk_store_mkdir(const char *path)
{
	struct stat st;
	/* as root, a folder is made only where root owns its parent */
	if (geteuid() == 0 && !(stat(path, &st) == 0 && S_ISDIR(st.st_mode)) &&
	    owner_check_of(path) < 0)
		return -1;
	if (mkdir(path, 0700) == 0) {
		/* the new folder's entry in its parent survives a crash */
		if (durable && fsync_dir_of(path) < 0)
			return hwk_err_sys("%s: syncing its folder", path);
		return 1;
	}
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

long hwk_store_lock_wait_ms(void)
{
	const char *e = getenv("HWK_LOCK_WAIT");
	char *end;
	long ms = e && *e ? strtol(e, &end, 10) : -1;
	return ms >= 0 && e && *end == 0 ? ms : 10000;
}

/* Take an exclusive lock on fd, waiting with growing pauses up to lock_wait_ms. Signals
 * are not blocked while waiting: SIGINT or SIGTERM then leaves before anything is
 * written. -1 after a message ("busy") when the wait runs out. */
static int lock_fd(int fd, const char *path)
{
	long left = hwk_store_lock_wait_ms(), pause = 1;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			return hwk_err_sys("%s: locking", path);
		if (left <= 0)
			return hwk_err("%s: busy: another hwk is writing it; try again", path);
		hwk_store_pause(&left, &pause, 100);
	}
}

void hwk_store_pause(long *left, long *pause, long most)
{
	long ms = *pause < *left ? *pause : *left;
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	*left -= ms;
	if (*pause < most)
		*pause *= 2;
}

/* The mask of signals before hwk_store_lock held them off (one lock at a time). */
static sigset_t lock_old;

/* hwk_store_lock, or with wait 0 hwk_store_trylock */
static int lock_dir(const char *dir, const char *what, int wait)
{
	char *path = hwk_path(dir, HWK_LOCK_NAME);
	int fd = -1;
	if (!strcmp(what, "."))
		what = path; /* ".: busy" would say nothing */
	if (!wait && geteuid() == 0) {
		/* as root, in a folder another user owns, nothing is to be done quietly */
		struct stat st;
		if (stat(dir, &st) < 0 || st.st_uid != 0) {
			free(path);
			return -1;
		}
	}
	if (owner_check(dir, what) == 0) {
		/* the lock file is never removed nor replaced: every writer locks the same
		 * file (a file renamed over would leave one locking the old one) */
		fd = hwk_open_regular(path, O_RDONLY | O_CREAT, 0600, NULL);
		if (fd < 0 && wait)
			hwk_err_sys("%s", path);
		else if (fd >= 0 && (wait ? lock_fd(fd, what) < 0 : flock(fd, LOCK_EX | LOCK_NB) < 0)) {
			close(fd);
			fd = -1;
		}
	}
	free(path);
	/* from here to hwk_store_unlock the change is made whole or not at all */
	if (fd >= 0)
		block_signals(&lock_old);
	return fd;
}

int hwk_store_lock(const char *dir, const char *what)
{
	return lock_dir(dir, what, 1);
}

int hwk_store_trylock(const char *dir)
{
	return lock_dir(dir, dir, 0);
}

void hwk_store_unlock(int lock)
{
	if (lock < 0)
		return;
	close(lock);
	sigprocmask(SIG_SETMASK, &lock_old, NULL);
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

int hwk_store_lock_file(const char *path)
{
	int fd = hwk_open_regular(path, O_RDONLY | O_CLOEXEC, 0, NULL);
	if (fd < 0)
		return errno == ENOENT ? -2 : hwk_err_sys("%s", path);
	if (lock_fd(fd, path) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Temp files that a process killed before its rename left behind (NAME.tmp.XXXXXX
 * that nobody holds locked: a live writer locks its temp file from the start) are
 * removed by the next write in their folder. */
static void remove_leftovers(const char *path)
{
	char *copy = hwk_xstrdup(path);
	const char *dir = dirname(copy);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 12 || memcmp(e->d_name + n - 11, ".tmp.", 5))
			continue;
		char *p = strcmp(dir, ".") ? hwk_xasprintf("%s/%s", dir, e->d_name)
					   : hwk_xstrdup(e->d_name);
		int fd = hwk_open_regular(p, O_RDONLY, 0, NULL);
		if (fd >= 0) {
			if (flock(fd, LOCK_EX | LOCK_NB) == 0)
				unlink(p);
			close(fd);
		}
		free(p);
	}
	if (d)
		closedir(d);
	free(copy);
}

/* A new temp file next to path, locked (see remove_leftovers), its name in *tmp. */
static int make_temp(const char *path, char **tmp)
{
	for (int tries = 0;; tries++) {
		*tmp = hwk_xasprintf("%s.tmp.XXXXXX", path);
		int fd = mkostemp(*tmp, O_CLOEXEC);
		if (fd < 0)
			return -1;
		while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
			;
		/* a cleaner may have taken it for a leftover before it was locked */
		struct stat st;
		if (fstat(fd, &st) < 0 || st.st_nlink > 0 || tries == 3)
			return fd;
		close(fd);
		free(*tmp);
	}
}

/* A failure of put_file to write path, said unless quiet; errno kept. */
static void put_failed(const char *path, int quiet)
{
	int e = errno;
	if (!quiet)
		hwk_err_sys("%s", path);
	errno = e;
}

/* exclusive: 1 fails with a message when path exists, 2 returns 1 then, quietly.
 * local (with exclusive 0): a file of this machine's only, such as the cache, not
 * synced and never said (errno tells why it failed); its caller sees to the folder's
 * owner */
static int put_file(const char *path, const char *data, size_t len, int exclusive, int local)
{
	char *tmp = NULL;
	sigset_t old;
	int rc = -1, sync = durable && !local, e;

	if (!local && owner_check_of(path) < 0)
		return -1;
	remove_leftovers(path);
	block_signals(&old);
	int fd = make_temp(path, &tmp);
	if (fd < 0) {
		put_failed(path, local);
		goto out;
	}
	/* the temp file stays open, and so locked, until it has its name: a cleaner in
	 * another process takes an unlocked temp file for a dead writer's */
	if (fchmod(fd, 0600) < 0 || write_all(fd, data, len) < 0 || (sync && fsync(fd) < 0)) {
		put_failed(path, local);
		goto out_unlink;
	}
	if (exclusive) {
		/* named only if path does not exist: never overwrite what another process
		 * made. One rename that refuses to replace leaves no temp name behind; where
		 * the file system has none, link fails if path exists (and a failed unlink
		 * then leaves the temp name to the next write's clean-up) */
		int r = renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
		if (r < 0 && (errno == EINVAL || errno == ENOSYS) && (r = link(tmp, path)) == 0)
			unlink(tmp);
		if (r < 0) {
			if (errno == EEXIST && exclusive == 2)
				rc = 1;
			else if (errno == EEXIST)
				hwk_err("%s: already exists", path);
			else
				hwk_err_sys("%s", path);
			goto out_unlink;
		}
	} else if (rename(tmp, path) < 0) {
		put_failed(path, local);
		goto out_unlink;
	}
	/* the file is in place: a failure now is said (unless local), but the write is
	 * done (exit 0, so a retry does not do it twice) */
	rc = 0;
	if (close(fd) < 0 && !local)
		hwk_note("%s: written, but closing it failed: %s", path, strerror(errno));
	if (sync && fsync_dir_of(path) < 0)
		hwk_note("%s: written, but syncing its folder failed: %s", path, strerror(errno));
	goto out;
out_unlink:
	e = errno;
	unlink(tmp);
	close(fd);
	errno = e;
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(tmp);
	return rc;
}

/* the files this process wrote or removed, in the order first written */
static hwk_strs written;

static int record_written(const char *path, int rc)
{
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < written.n; i++)
		if (!strcmp(written.v[i], path))
			return rc;
	hwk_strs_push(&written, hwk_xstrdup(path));
	return rc;
}

const hwk_strs *hwk_store_written(void)
{
	return &written;
}

void hwk_store_written_free(void)
{
	hwk_strs_free(&written);
}

int hwk_store_replace(const char *path, const char *data, size_t len)
{
	return record_written(path, put_file(path, data, len, 0, 0));
}

int hwk_store_replace_nosync(const char *path, const char *data, size_t len)
{
	return put_file(path, data, len, 0, 1);
}

int hwk_store_create(const char *path, const char *data, size_t len)
{
	return record_written(path, put_file(path, data, len, 1, 0));
}

int hwk_store_create_new(const char *path, const char *data, size_t len)
{
	return record_written(path, put_file(path, data, len, 2, 0));
}

int hwk_store_remove(const char *path)
{
	if (unlink(path) < 0)
		return hwk_err_sys("%s", path);
	/* the file is gone: a failure now is said, but the removal is done (exit 0, as
	 * after a write) */
	if (fsync_dir_of(path) < 0)
		hwk_note("%s: removed, but syncing its folder failed: %s", path, strerror(errno));
	return record_written(path, 0);
}

int hwk_store_rename(const char *from, const char *to)
{
	if (owner_check_of(to) < 0)
		return -1;
	/* never over a file there: what it holds is not to be lost */
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) < 0) {
		if (errno == EEXIST)
			return hwk_err("%s: already exists: %s not moved", to, from);
		if (errno != EINVAL && errno != ENOSYS)
			return hwk_err_sys("%s", from);
		/* a file system without it: a link fails where to exists */
		if (link(from, to) < 0)
			return errno == EEXIST ? hwk_err("%s: already exists: %s not moved", to, from)
					       : hwk_err_sys("%s", to);
		if (unlink(from) < 0) {
			unlink(to);
			return hwk_err_sys("%s", from);
		}
	}
	/* both folders' entries survive a crash: the new name first */
	if (durable && (fsync_dir_of(to) < 0 || fsync_dir_of(from) < 0))
		hwk_note("%s: moved, but syncing its folders failed: %s", to, strerror(errno));
	record_written(from, 0);
	return record_written(to, 0);
}

int hwk_store_append(const char *path, const char *header, const char *rows, size_t len)
{
	return hwk_store_append_at(path, header, rows, len, NULL, NULL);
}

int hwk_store_append_at(const char *path, const char *header, const char *rows, size_t len,
			off_t *at, size_t *wrote)
{
	hwk_buf b = {0};
	sigset_t old;
	int rc = -1, created = 0, blocked = 0, ours = 0;
	struct stat st;

	if (owner_check_of(path) < 0)
		return -1;
again:;
	int fd = hwk_open_regular(path, O_RDWR | O_APPEND, 0, NULL);
	if (fd < 0 && errno == ENOENT) {
		/* O_EXCL: a link in the way (even a dangling one) is refused, never followed */
		fd = hwk_open_regular(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL, 0600, NULL);
		if (fd >= 0)
			created = 1;
		else if (errno == EEXIST)
			fd = hwk_open_regular(path, O_RDWR | O_APPEND, 0, NULL);
	}
	if (fd < 0) {
		hwk_err_sys("%s", path);
		goto out;
	}
	if (lock_fd(fd, path) < 0)
		goto out_close;
	/* from here to the end the row is written whole or not at all */
	block_signals(&old);
	blocked = 1;
	if (fstat(fd, &st) < 0) {
		hwk_err_sys("%s", path);
		goto out_close;
	}
	if (st.st_nlink == 0) {
		/* a writer that made the file and failed removed it while we waited for
		 * its lock: open (or make) it again */
		close(fd);
		sigprocmask(SIG_SETMASK, &old, NULL);
		blocked = created = 0;
		goto again;
	}
	/* made here and still empty: the file is ours alone (another writer may have
	 * opened it and written first, while we waited for the lock) */
	ours = created && st.st_size == 0;
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
	if (write_all(fd, b.s, b.len) < 0 || (durable && fdatasync(fd) < 0)) {
		hwk_err_sys("%s", path);
		/* take back a partial or unsynced write so no half row stays; we still hold
		 * the lock (a file made here goes at out_close) */
		if (!ours && ftruncate(fd, st.st_size) < 0)
			hwk_err_sys("%s: could not remove a partly written row", path);
		goto out_close;
	}
	/* the row is in place (and on disk when durable): what fails now is said, but the
	 * write is done (exit 0, so a retry does not add the row twice) */
	rc = 0;
	if (at)
		*at = ours ? -1 : st.st_size;
	if (wrote)
		*wrote = b.len;
	record_written(path, 0);
	if (created && durable && fsync_dir_of(path) < 0)
		hwk_note("%s: written, but syncing its folder failed: %s", path, strerror(errno));
out_close:
	/* a file made here for a row that could not be written, with nobody's rows in it,
	 * goes again while we hold its lock (a writer waiting for it sees it removed and
	 * makes it anew) */
	if (rc < 0 && ours)
		unlink(path);
	if (close(fd) < 0 && rc == 0 && !durable)
		rc = hwk_err_sys("%s", path);
out:
	if (blocked)
		sigprocmask(SIG_SETMASK, &old, NULL);
	hwk_buf_free(&b);
	return rc;
}

int hwk_store_takeback(const char *path, off_t at, size_t len)
{
	int rc = -1;
	int fd = hwk_open_regular(path, O_RDWR, 0, NULL);
	if (fd < 0)
		return hwk_err_sys("%s: taking back the rows written", path);
	if (lock_fd(fd, path) < 0)
		goto out;
	/* at -1: the append made the file, so it goes (see hwk_store_append_at) */
	off_t end = (at < 0 ? 0 : at) + (off_t)len;
	struct stat st;
	if (fstat(fd, &st) < 0 ||
	    (st.st_size == end && st.st_nlink > 0 &&
	     (at < 0 ? unlink(path) < 0
		     : ftruncate(fd, at) < 0 || (durable && fdatasync(fd) < 0)))) {
		hwk_err_sys("%s: taking back the rows written", path);
		goto out;
	}
	if (st.st_size != end || st.st_nlink == 0) {
		hwk_err("%s: the rows written stay: another hwk wrote after them", path);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	return rc;
}
