/* fuzz: what the fuzz targets share. Each target is a libFuzzer-style
 * LLVMFuzzerTestOneInput, built for AFL++ by make fuzz and, with driver.c, as a plain
 * program that runs it over the committed seeds in make check. A disagreement between
 * two readers is an abort() with a line saying what differed. */
#ifndef HWK_FUZZ_H
#define HWK_FUZZ_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* stderr as it was before fuzz_quiet, for the failure message */
static int fuzz_stderr = 2;

/* hwk's own messages about bad input are expected by the thousand: they go to
 * /dev/null unless FUZZ_VERBOSE is set. */
static inline void fuzz_quiet(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	if (getenv("FUZZ_VERBOSE"))
		return;
	fuzz_stderr = dup(2);
	int fd = open("/dev/null", O_WRONLY);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
}

__attribute__((format(printf, 3, 4), noreturn))
static inline void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	dprintf(fuzz_stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vdprintf(fuzz_stderr, fmt, ap);
	va_end(ap);
	dprintf(fuzz_stderr, "\n");
	abort();
}

#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

/* The input as a NUL-terminated string (owned). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = (char)data[i];
	s[size] = 0;
	return s;
}

/* Write a whole file (made 0600, or emptied first). */
static inline void fuzz_write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FUZZ_CHECK(fd >= 0, "cannot write %s", path);
	FUZZ_CHECK(write(fd, data, len) == (ssize_t)len, "cannot write %s", path);
	close(fd);
}

/* A new folder hwk-fuzz-NAME-XXXXXX in $TMPDIR (make fuzz: under build-fuzz, as AFL
 * ends a target with SIGKILL and its own clean-up never runs), or /tmp; owned. */
static inline char *fuzz_tempdir(const char *name)
{
	const char *tmp = getenv("TMPDIR");
	size_t n = strlen(tmp && *tmp ? tmp : "/tmp") + strlen(name) + 32;
	char *dir = malloc(n);
	FUZZ_CHECK(dir, "out of memory");
	snprintf(dir, n, "%s/hwk-fuzz-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
	FUZZ_CHECK(mkdtemp(dir), "mkdtemp %s", dir);
	return dir;
}

#endif
