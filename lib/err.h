/* err: the one way hwk reports problems: "hwk CMD: [FILE:LINE:COL: ]message" on stderr. */
#ifndef HWK_ERR_H
#define HWK_ERR_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>

enum { HWK_OK = 0, HWK_FAIL = 1, HWK_USAGE = 2 };

/* errno of a path that is there but not a regular file (a FIFO, device, socket), as
 * hwk_open_regular sets it; hwk_err_sys says "not a regular file". */
#define HWK_ENOTREG EMEDIUMTYPE

/* The command named in every message ("log" -> "hwk log: ..."); NULL for plain "hwk: ". */
void hwk_err_setcmd(const char *cmd);

/* While set, every message names this place after the command: "hwk log: FILE:LINE: ...".
 * file NULL clears it. */
void hwk_err_context(const char *file, size_t line);

/* The calling thread's messages go to f from now on (NULL: standard error again); the
 * stream they went to before (NULL: standard error). */
FILE *hwk_err_to(FILE *f);
/* What the calling thread says is kept from now on, until hwk_err_keep_end, in msg (len
 * bytes; owned by the caller then, NULL when nothing was said): the stream that keeps
 * it is made when something is, so that a folder read without a word costs none. */
typedef struct hwk_err_kept {
	char *msg;
	size_t len;
	FILE *f;
	FILE *was_to;
	struct hwk_err_kept *was_kept;
} hwk_err_kept;
void hwk_err_keep(hwk_err_kept *k);
/* The length kept so far. */
size_t hwk_err_kept_len(hwk_err_kept *k);
void hwk_err_keep_end(hwk_err_kept *k);
/* While on, nothing is printed (a check run only to learn whether it passes). */
void hwk_err_quiet(int on);

/* Print a message. Each returns -1 so callers can write `return hwk_err(...)`. */
int hwk_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An error in a file; line and col are 1-based, 0 leaves them out. */
int hwk_err_at(const char *file, size_t line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* hwk_err with ": strerror(errno)" added. */
int hwk_err_sys(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A plain note, same prefix, not an error ("hwk log: sleep: 3 of 7 this week"). */
void hwk_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
