/* prefetch: the assignments of many client folders read ahead, in a second thread,
 * while the caller works on the folders before them. Listing a folder and reading and
 * checking its assignment files is the kernel's and the YAML parser's work; on a
 * machine of two cores or more it is then mostly off the caller's path, and a cold
 * cache reads two files at a time. A caller that asks for a folder not read yet reads
 * the next ones not taken up itself meanwhile, so that both threads work when the
 * caller has little to do with each folder. Without threads it is done on the spot.
 * What the reading says (a file that cannot be read, one not valid) is kept, and
 * printed by the caller's thread when it takes that folder, so that messages come in
 * folder order. */
#ifndef HWK_PREFETCH_H
#define HWK_PREFETCH_H

#include <stddef.h>

#include "assignment.h"
#include "date.h"

typedef struct hwk_prefetch hwk_prefetch;

/* What is made of each folder's assignments l once read (rc: as hwk_prefetch_get's),
 * in the thread that read them, its messages kept as theirs; what it leaves in l and
 * what it returns are handed out with them. drop frees what was made and not taken. */
typedef struct {
	void *(*make)(void *arg, size_t i, hwk_assignments *l, int rc);
	void (*drop)(void *made);
	void *arg;
	/* (may be NULL) asked first, in the same thread: what it makes (not NULL) stands
	 * for make's, and the folder is not read (no assignments, rc 0) */
	void *(*first)(void *arg, size_t i);
} hwk_prefetch_then;
/* Start reading dirs[0..n) in order (dirs must outlive the prefetch): each folder's
 * assignments active on some day of from..to (hwk_assignments_load_period), then made
 * into what then says (unless NULL; not for a folder that cannot be listed). */
hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n, hwk_day from, hwk_day to,
				 const hwk_prefetch_then *then);
/* The same, each folder's assignments as hwk_assignments_load_all(dir, past) reads
 * them (past: HWK_CURRENT or a period, copied). A folder that cannot be listed is named
 * then, as a file that cannot be read: hwk_prefetch_get gives 1. */
hwk_prefetch *hwk_prefetch_start_all(const char *const *dirs, size_t n, const hwk_period *past,
				     const hwk_prefetch_then *then);
/* The assignments of dirs[i] into *l (owned by the caller), waiting for them if need be;
 * ask for each i once, in order. Its messages are printed now, unless say is 0 (said
 * already, in an earlier pass). 0; 1 when some were read and others named in a message
 * (as hwk_assignments_load_period's -1); or -1 with errno set, nothing said, when the
 * folder could not be listed (ENOENT: it is gone). */
int hwk_prefetch_get(hwk_prefetch *p, size_t i, int say, hwk_assignments *l);
/* The same, with what then made of them (owned by the caller) in *made. say 0 leaves
 * out only the messages of reading the assignments: what then said is printed. */
int hwk_prefetch_get_made(hwk_prefetch *p, size_t i, int say, hwk_assignments *l, void **made);
/* Stop (at any point) and free. */
void hwk_prefetch_end(hwk_prefetch *p);

#endif
