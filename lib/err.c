#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *cmdname;
static const char *ctx_file;
static size_t ctx_line;

void hwk_err_context(const char *file, size_t line)
{
	ctx_file = file;
	ctx_line = line;
}

void hwk_err_setcmd(const char *cmd)
{
	cmdname = cmd;
}

const char *hwk_err_cmd(void)
{
	return cmdname;
}

static void prefix(void)
{
	if (cmdname)
		fprintf(stderr, "hwk %s: ", cmdname);
	else
		fputs("hwk: ", stderr);
	if (ctx_file && ctx_line)
		fprintf(stderr, "%s:%zu: ", ctx_file, ctx_line);
	else if (ctx_file)
		fprintf(stderr, "%s: ", ctx_file);
}

int hwk_err(const char *fmt, ...)
{
	va_list ap;
	prefix();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

int hwk_err_at(const char *file, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;
	prefix();
	fputs(file, stderr);
	if (line)
		fprintf(stderr, ":%zu", line);
	if (line && col)
		fprintf(stderr, ":%zu", col);
	fputs(": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

int hwk_err_sys(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	prefix();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	return -1;
}

void hwk_note(const char *fmt, ...)
{
	va_list ap;
	prefix();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
