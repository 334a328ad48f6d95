#define _GNU_SOURCE
#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *cmdname;
/* each thread's own: a thread reading ahead for the main one keeps its messages, which
 * the main thread prints when it takes what was read (see hwk_err_to) */
static __thread const char *ctx_file;
static __thread size_t ctx_line;
static __thread FILE *to;
static __thread hwk_err_kept *kept;
static __thread int quiet;

FILE *hwk_err_to(FILE *f)
{
	FILE *was = to;
	to = f;
	return was;
}

void hwk_err_keep(hwk_err_kept *k)
{
	k->msg = NULL;
	k->len = 0;
	k->f = NULL;
	k->was_to = to;
	k->was_kept = kept;
	to = NULL;
	kept = k;
}

size_t hwk_err_kept_len(hwk_err_kept *k)
{
	return k->f && fflush(k->f) == 0 ? k->len : 0;
}

void hwk_err_keep_end(hwk_err_kept *k)
{
	if (k->f)
		fclose(k->f);
	k->f = NULL;
	to = k->was_to;
	kept = k->was_kept;
}

/* Where a message goes: the stream made to keep them when the first is said (without
 * memory, standard error: said on the spot, out of order at worst) */
static FILE *out(void)
{
	if (to)
		return to;
	if (kept && !kept->f)
		kept->f = open_memstream(&kept->msg, &kept->len);
	return kept && kept->f ? kept->f : stderr;
}

#define OUT out()

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
		fputs(fmt, OUT);
		return;
	}
	hwk_put_visible(OUT, msg);
	free(msg);
}

static void prefix(void)
{
	if (cmdname)
		fprintf(OUT, "hwk %s: ", cmdname);
	else
		fputs("hwk: ", OUT);
	if (ctx_file) {
		hwk_put_visible(OUT, ctx_file);
		if (ctx_line)
			fprintf(OUT, ":%zu", ctx_line);
		fputs(": ", OUT);
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
		hwk_put_visible(OUT, file);
		if (line)
			fprintf(OUT, ":%zu", line);
		if (line && col)
			fprintf(OUT, ":%zu", col);
		fputs(": ", OUT);
	}
	vput(fmt, ap);
	fputs(tail, OUT);
	fputc('\n', OUT);
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
