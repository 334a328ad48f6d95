/* tests/fault/fault.c: an LD_PRELOAD shim that fails one I/O call of a process.
 *
 * It counts the process's calls to the libc I/O functions hwk uses on its files (open,
 * read, pread, write, close, fstat, stat, fsync, fdatasync, ftruncate, fchmod, flock,
 * rename, renameat2, link, unlink, mkdir, mkstemp, mkostemp, opendir, readdir, fopen, fdopen,
 * getline, fread) and fails call number HWK_FAULT_N (from 1) with HWK_FAULT_ERRNO:
 *   EIO, ENOSPC, EINTR  the call does nothing and returns its failure with that errno
 *                       (close still closes: Linux frees the descriptor either way)
 *   SHORT               only writes are counted; the Nth writes half its bytes (at
 *                       least one) and returns that count
 *   KILL                the process kills itself with SIGKILL instead of the call (a
 *                       crash at exactly that point)
 * Calls on descriptors 0, 1 and 2 (the terminal, pipes of the test) are not counted.
 * With HWK_FAULT_RANDOM=SEED, getrandom gives bytes that follow from SEED alone, so the
 * ids a run makes are the same in every run (a sweep compares whole folders).
 * At exit it writes to the file HWK_FAULT_OUT one line: "fired N CALL" when the fault
 * was injected, else "calls M" (how many calls it counted), so a sweep over N knows
 * when to stop. Without HWK_FAULT_N it only counts.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static long fault_n;          /* the call to fail; 0: none */
static int fault_errno = EIO; /* its errno; 0: SHORT */
static const char *out_path;
static atomic_long calls;
static atomic_int fired;
static const char *fired_call = "";
static int ready;
static const char *random_seed;
static unsigned long random_state;

static void init(void) __attribute__((constructor));
static void init(void)
{
	const char *n = getenv("HWK_FAULT_N"), *e = getenv("HWK_FAULT_ERRNO");
	fault_n = n ? atol(n) : 0;
	if (e && !strcmp(e, "ENOSPC"))
		fault_errno = ENOSPC;
	else if (e && !strcmp(e, "EINTR"))
		fault_errno = EINTR;
	else if (e && !strcmp(e, "SHORT"))
		fault_errno = 0;
	else if (e && !strcmp(e, "KILL"))
		fault_errno = -1;
	out_path = getenv("HWK_FAULT_OUT");
	random_seed = getenv("HWK_FAULT_RANDOM");
	random_state = random_seed ? strtoul(random_seed, NULL, 10) * 2654435761UL + 1 : 0;
	ready = 1;
}

static void report(void) __attribute__((destructor));
static void report(void)
{
	if (!out_path)
		return;
	char line[128];
	int len = atomic_load(&fired)
		? snprintf(line, sizeof line, "fired %ld %s\n", fault_n, fired_call)
		: snprintf(line, sizeof line, "calls %ld\n", atomic_load(&calls));
	/* raw system calls: nothing of ours is counted or failed here */
	int fd = (int)syscall(SYS_openat, AT_FDCWD, out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		(void)syscall(SYS_write, fd, line, (size_t)len);
		(void)syscall(SYS_close, fd);
	}
}

/* Whether this call (a write when writing) is the one to fail. */
static int hit(const char *name, int is_write)
{
	if (!ready || (fault_errno == 0 && !is_write))
		return 0;
	long k = atomic_fetch_add(&calls, 1) + 1;
	if (k != fault_n)
		return 0;
	fired_call = name;
	atomic_store(&fired, 1);
	if (fault_errno < 0) {
		report();
		(void)syscall(SYS_kill, (pid_t)syscall(SYS_getpid), SIGKILL);
	}
	return 1;
}

/* the failure's errno (SHORT is only for writes: EIO elsewhere) */
static int err(void)
{
	return fault_errno ? fault_errno : EIO;
}

#define REAL(ret, name, ...)                                             \
	static ret (*real_##name)(__VA_ARGS__);                          \
	if (!real_##name)                                                \
		*(void **)&real_##name = dlsym(RTLD_NEXT, #name)

int open(const char *path, int flags, ...)
{
	REAL(int, open, const char *, int, ...);
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (hit("open", 0)) {
		errno = err();
		return -1;
	}
	return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	REAL(int, open64, const char *, int, ...);
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (hit("open64", 0)) {
		errno = err();
		return -1;
	}
	return real_open64(path, flags, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(ssize_t, read, int, void *, size_t);
	if (fd > 2 && hit("read", 0)) {
		errno = err();
		return -1;
	}
	return real_read(fd, buf, n);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	REAL(ssize_t, pread, int, void *, size_t, off_t);
	if (fd > 2 && hit("pread", 0)) {
		errno = err();
		return -1;
	}
	return real_pread(fd, buf, n, off);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, write, int, const void *, size_t);
	if (fd > 2 && hit("write", 1)) {
		if (fault_errno == 0 && n > 1)
			return real_write(fd, buf, n / 2);
		errno = err();
		return -1;
	}
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(ssize_t, pwrite, int, const void *, size_t, off_t);
	if (fd > 2 && hit("pwrite", 1)) {
		if (fault_errno == 0 && n > 1)
			return real_pwrite(fd, buf, n / 2, off);
		errno = err();
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

int close(int fd)
{
	REAL(int, close, int);
	if (fd > 2 && hit("close", 0)) {
		real_close(fd);
		errno = err();
		return -1;
	}
	return real_close(fd);
}

/* fd calls that do nothing when failed: fsync, fdatasync, fchmod, ftruncate, flock,
 * fstat; FD_CALL2 for those taking a second argument of type T */
#define FD_CALL(name)                                     \
	int name(int fd)                                  \
	{                                                 \
		REAL(int, name, int);                     \
		if (fd > 2 && hit(#name, 0)) {            \
			errno = err();                    \
			return -1;                        \
		}                                         \
		return real_##name(fd);                   \
	}
#define FD_CALL2(name, T)                                 \
	int name(int fd, T arg)                           \
	{                                                 \
		REAL(int, name, int, T);                  \
		if (fd > 2 && hit(#name, 0)) {            \
			errno = err();                    \
			return -1;                        \
		}                                         \
		return real_##name(fd, arg);              \
	}
FD_CALL(fsync)
FD_CALL(fdatasync)
FD_CALL2(fchmod, mode_t)
FD_CALL2(ftruncate, off_t)
FD_CALL2(flock, int)
FD_CALL2(fstat, struct stat *)

int stat(const char *path, struct stat *st)
{
	REAL(int, stat, const char *, struct stat *);
	if (hit("stat", 0)) {
		errno = err();
		return -1;
	}
	return real_stat(path, st);
}

/* path calls that do nothing when failed */
#define PATH2(name)                                        \
	int name(const char *a, const char *b)             \
	{                                                  \
		REAL(int, name, const char *, const char *); \
		if (hit(#name, 0)) {                       \
			errno = err();                     \
			return -1;                         \
		}                                          \
		return real_##name(a, b);                  \
	}
PATH2(rename)
PATH2(link)

int renameat2(int from_dir, const char *from, int to_dir, const char *to, unsigned flags)
{
	REAL(int, renameat2, int, const char *, int, const char *, unsigned);
	if (hit("renameat2", 0)) {
		errno = err();
		return -1;
	}
	return real_renameat2(from_dir, from, to_dir, to, flags);
}

int unlink(const char *path)
{
	REAL(int, unlink, const char *);
	if (hit("unlink", 0)) {
		errno = err();
		return -1;
	}
	return real_unlink(path);
}

int mkdir(const char *path, mode_t mode)
{
	REAL(int, mkdir, const char *, mode_t);
	if (hit("mkdir", 0)) {
		errno = err();
		return -1;
	}
	return real_mkdir(path, mode);
}

int mkstemp(char *tmpl)
{
	REAL(int, mkstemp, char *);
	if (hit("mkstemp", 0)) {
		errno = err();
		return -1;
	}
	return real_mkstemp(tmpl);
}

int mkostemp(char *tmpl, int flags)
{
	REAL(int, mkostemp, char *, int);
	if (hit("mkostemp", 0)) {
		errno = err();
		return -1;
	}
	return real_mkostemp(tmpl, flags);
}

DIR *opendir(const char *path)
{
	REAL(DIR *, opendir, const char *);
	if (hit("opendir", 0)) {
		errno = err();
		return NULL;
	}
	return real_opendir(path);
}

struct dirent *readdir(DIR *d)
{
	REAL(struct dirent *, readdir, DIR *);
	if (hit("readdir", 0)) {
		errno = err();
		return NULL;
	}
	return real_readdir(d);
}

FILE *fopen(const char *path, const char *mode)
{
	REAL(FILE *, fopen, const char *, const char *);
	if (hit("fopen", 0)) {
		errno = err();
		return NULL;
	}
	return real_fopen(path, mode);
}

FILE *fdopen(int fd, const char *mode)
{
	REAL(FILE *, fdopen, int, const char *);
	if (fd > 2 && hit("fdopen", 0)) {
		errno = err();
		return NULL;
	}
	return real_fdopen(fd, mode);
}

/* getline: stdio reads through libc's own read, which no shim sees; a failed getline
 * is made here, with the stream's error flag set as a failed read sets it */
ssize_t __getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	REAL(ssize_t, __getdelim, char **, size_t *, int, FILE *);
	if (fileno(f) > 2 && hit("getline", 0)) {
		f->_flags |= _IO_ERR_SEEN;
		errno = err();
		return -1;
	}
	return real___getdelim(line, cap, delim, f);
}

/* fread, for the same reason (the CSV reader takes a file in blocks) */
size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	REAL(size_t, fread, void *, size_t, size_t, FILE *);
	if (fileno(f) > 2 && hit("fread", 0)) {
		f->_flags |= _IO_ERR_SEEN;
		errno = err();
		return 0;
	}
	return real_fread(buf, size, n, f);
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	return __getdelim(line, cap, delim, f);
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return __getdelim(line, cap, '\n', f);
}

ssize_t getrandom(void *buf, size_t n, unsigned flags)
{
	REAL(ssize_t, getrandom, void *, size_t, unsigned);
	if (!random_seed)
		return real_getrandom(buf, n, flags);
	unsigned char *b = buf;
	for (size_t i = 0; i < n; i++) {
		random_state = random_state * 6364136223846793005UL + 1442695040888963407UL;
		b[i] = (unsigned char)(random_state >> 56);
	}
	return (ssize_t)n;
}
