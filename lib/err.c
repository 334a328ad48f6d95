#define _GNU_SOURCE
#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *cmdname;
static const char *ctx_file;
static size_t ctx_line;
static int quiet;

void hwk_err_quiet(int on)
{
	quiet = on;
}

void hwk_err_context(const char *file, size_t line)
{
	ctx_file = file;
	ctx_line = line;
}

void hwk_err_setcmd(const char *cmd)
{
	cmdname = cmd;
}

/* The message with control characters made visible: values in messages may come from
 * files or arguments, and no escape sequence may reach the terminal. */
static void vput(const char *fmt, va_list ap)
{
	char *msg;
	if (vasprintf(&msg, fmt, ap) < 0) {
		fputs(fmt, stderr);
		return;
	}
	hwk_put_visible(stderr, msg);
	free(msg);
}

static void prefix(void)
{
	if (cmdname)
		fprintf(stderr, "hwk %s: ", cmdname);
	else
		fputs("hwk: ", stderr);
	if (ctx_file) {
		hwk_put_visible(stderr, ctx_file);
		if (ctx_line)
			fprintf(stderr, ":%zu", ctx_line);
		fputs(": ", stderr);
	}
}

/* One whole message: the prefix, the place in a file when file is not NULL, the text,
 * then tail and the line's end. */
static void say(const char *file, size_t line, size_t col, const char *tail,
		const char *fmt, va_list ap)
{
	if (quiet)
		return;
	prefix();
	if (file) {
		hwk_put_visible(stderr, file);
		if (line)
			fprintf(stderr, ":%zu", line);
		if (line && col)
			fprintf(stderr, ":%zu", col);
		fputs(": ", stderr);
	}
	vput(fmt, ap);
	fputs(tail, stderr);
	fputc('\n', stderr);
}

int hwk_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(NULL, 0, 0, "", fmt, ap);
	va_end(ap);
	return -1;
}

int hwk_err_at(const char *file, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(file, line, col, "", fmt, ap);
	va_end(ap);
	return -1;
}

int hwk_err_sys(const char *fmt, ...)
{
	char tail[256];
	va_list ap;
	/* what hwk's safe opens (hwk_open_regular) refuse, said plainly */
	const char *why = errno == ELOOP ? "a symbolic link: hwk opens only files of its own"
		       : errno == HWK_ENOTREG ? "not a regular file"
					      : strerror(errno);
	snprintf(tail, sizeof tail, ": %s", why);
	va_start(ap, fmt);
	say(NULL, 0, 0, tail, fmt, ap);
	va_end(ap);
	return -1;
}

void hwk_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(NULL, 0, 0, "", fmt, ap);
	va_end(ap);
}
