/* util: memory that never returns NULL, a growable byte buffer, and small string checks. */
#ifndef HWK_UTIL_H
#define HWK_UTIL_H

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "err.h"
#include "text.h" /* the UTF-8 checks, which util's users have always had from here */

void *hwk_xmalloc(size_t n);
void *hwk_xcalloc(size_t n, size_t size);
void *hwk_xrealloc(void *p, size_t n);
char *hwk_xstrdup(const char *s);
char *hwk_xstrndup(const char *s, size_t n);
char *hwk_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* name inside dir, as a path relative to the practice root: dir "." (a standalone
 * client folder) adds no "./", so messages name files as the user sees them. */
char *hwk_path(const char *dir, const char *name);

/* A growable byte buffer, always NUL-terminated. */
typedef struct {
	char *s;
	size_t len, cap;
} hwk_buf;

void hwk_buf_add(hwk_buf *b, const void *p, size_t n);
void hwk_buf_adds(hwk_buf *b, const char *s);
void hwk_buf_addc(hwk_buf *b, char c);
void hwk_buf_printf(hwk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hwk_buf_reset(hwk_buf *b);
void hwk_buf_free(hwk_buf *b);

/* Read a whole file of at most max bytes into b. -1 with errno set (EFBIG when larger). */
int hwk_read_file(const char *path, size_t max, hwk_buf *b);
/* Open a file hwk keeps (flags as open's, O_CLOEXEC added): never through a symbolic link
 * (errno ELOOP), never a FIFO, device or folder (HWK_ENOTREG, EISDIR), and without
 * waiting on a FIFO (the fd stays O_NONBLOCK, which a regular file ignores). The fd and,
 * when st is not NULL, its fstat; or -1 with errno set. hwk_read_file opens this way. */
struct stat;
int hwk_open_regular(const char *path, int flags, int mode, struct stat *st);
/* readdir that tells a read error from the end of the folder: NULL at either, and at an
 * error *err holds its errno (left as it was at the end). */
struct dirent *hwk_readdir(DIR *d, int *err);
/* Each name in folder dir (. and .. too) given to fn with its d_type, as readdir gives
 * them, from the kernel's listing straight (opendir also stats the folder: a report
 * lists hundreds). 0; or -1 with errno set (dir cannot be
 * opened or listed: some names may have been given). */
int hwk_dir_each(const char *dir, void (*fn)(void *arg, const char *name, unsigned char type),
		 void *arg);

/* A growable list of owned strings. A packed list holds its strings in the same
 * allocation as v, back to back in their order, each ended by its NUL (read-only in
 * shape: nothing is pushed onto it, no string of it is freed or replaced on its own);
 * hwk_strs_free frees either kind. */
typedef struct {
	char **v;
	size_t n, cap;
	int packed;
} hwk_strs;

void hwk_strs_push(hwk_strs *l, char *owned);
void hwk_strs_free(hwk_strs *l);
void hwk_strs_sort(hwk_strs *l); /* byte order */
/* One more string, empty, at the end of l, packed or not (a packed one is made anew). */
void hwk_strs_push_empty(hwk_strs *l);
/* Make l packed: one allocation in place of one a string. */
void hwk_strs_pack(hwk_strs *l);
/* A packed list of the fields of s's len bytes split at sep (s need not end in NUL;
 * a field holding a NUL byte reads as ending there). */
hwk_strs hwk_strs_split_packed(const char *s, size_t len, char sep);

/* The one rule for names hwk makes paths and keys of: 1 to max bytes of [a-z0-9] and
 * the separators in seps, a lower-case letter first (or a digit too, digit_first), and
 * never ".." (so no name climbs out of its folder). Client ids: 64, 1, "-_."; type
 * names: HWK_NAME_MAX, 0, "-"; field names: HWK_NAME_MAX, 0, "_". */
int hwk_name_ok(const char *s, size_t max, int digit_first, const char *seps);
int hwk_streq(const char *a, const char *b); /* NULL-safe */
int hwk_has_prefix(const char *s, const char *prefix);
/* Is s one of words (NULL-ended)? */
int hwk_word_in(const char *s, const char *const *words);

/* v with 0 to 6 decimals into buf (at least 32 bytes), exactly as snprintf "%.*f"
 * writes it (the exact value of the double rounded, a tie to even, "-0.0" for a small
 * negative); "" for NAN or a value too large to print so. Several times faster than
 * printf, which matters when a report writes a million numbers. */
void hwk_fmt_decimal(char *buf, double v, int decimals);

/* Strict decimal integer (optional leading -, no spaces); 0 ok, -1 bad or out of range. */
int hwk_parse_long(const char *s, long *out);
/* Strict decimal number: -?digits[.digits]; 0 ok, -1 bad. */
int hwk_parse_number(const char *s, double *out);

#endif
