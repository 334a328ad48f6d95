/* capture: what a library call prints on stderr, for the unit tests to compare. */
#ifndef HWK_CAPTURE_H
#define HWK_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char cap_buf[65536];
static int cap_fd = -1;
static FILE *cap_file;

static void cap_start(void)
{
	fflush(stderr);
	cap_file = tmpfile();
	if (!cap_file) {
		perror("tmpfile");
		exit(2);
	}
	cap_fd = dup(2);
	dup2(fileno(cap_file), 2);
}

static const char *cap_end(void)
{
	fflush(stderr);
	dup2(cap_fd, 2);
	close(cap_fd);
	rewind(cap_file);
	size_t n = fread(cap_buf, 1, sizeof cap_buf - 1, cap_file);
	cap_buf[n] = 0;
	fclose(cap_file);
	return cap_buf;
}

/* Call expr with stderr captured, then check its result and what it printed (the
 * TAP macros of tap.h must be in scope). */
#define is_captured(expr, want, what, want_msg, msg_what) do { \
	cap_start(); \
	long long cr_ = (long long)(expr); \
	const char *cm_ = cap_end(); \
	is_int(cr_, want, "%s", what); \
	is_str(cm_, want_msg, "%s", msg_what); \
} while (0)

#endif
