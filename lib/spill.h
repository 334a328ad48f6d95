/* spill: a scratch file inside a folder, for what a command has made and prints later
 * in another order (the report's clients, attention first), so that memory holds one
 * part at a time. It is never seen by name: O_TMPFILE, or where the file system refuses
 * that, a ".hwk.spill-XXXXXX" created 0600 and removed at once. It lives in the folder
 * given (the practice: clinical data never leaves it) and is gone when closed, or when
 * the process ends however it ends. */
#ifndef HWK_SPILL_H
#define HWK_SPILL_H

#include <stdio.h>
#include <sys/types.h>

typedef struct hwk_spill hwk_spill;

/* A new, empty spill in dir; NULL after a message naming dir. Where dir cannot be
 * written in (read-only, full, not the user's own), the spill is held in memory
 * instead: the command still works, its memory then grows with what it spills. */
hwk_spill *hwk_spill_open(const char *dir);
/* Is it held in memory (hwk_spill_open could not make the file)? */
int hwk_spill_in_memory(const hwk_spill *s);
/* Append n bytes; *at is where they start. -1 after a message (ENOSPC, EIO). */
int hwk_spill_add(hwk_spill *s, const void *p, size_t n, off_t *at);
/* Read back n bytes from at into p (which has room for them). -1 after a message. */
int hwk_spill_read(hwk_spill *s, off_t at, size_t n, void *p);
/* Copy n bytes from at to f, a piece at a time. -1 after a message (a read error; a
 * write error of f is f's, as fwrite leaves it). */
int hwk_spill_copy(hwk_spill *s, off_t at, size_t n, FILE *f);
void hwk_spill_close(hwk_spill *s);

#endif
