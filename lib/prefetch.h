/* prefetch: the assignments of many client folders read ahead, in a second thread,
 * while the caller works on the folders before them. Listing a folder and reading and
 * checking its assignment files is the kernel's and the YAML parser's work; on a
 * machine of two cores or more it is then mostly off the caller's path, and a cold
 * cache reads two files at a time. Without threads it is done on the spot. What the
 * reading says (a file that cannot be read, one not valid) is kept, and printed by the
 * caller's thread when it takes that folder, so that messages come in folder order. */
#ifndef HWK_PREFETCH_H
#define HWK_PREFETCH_H

#include <stddef.h>

#include "assignment.h"
#include "date.h"

typedef struct hwk_prefetch hwk_prefetch;

/* Start reading dirs[0..n) in order (dirs must outlive the prefetch): each folder's
 * assignments active on some day of from..to (hwk_assignments_load_period). */
hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n, hwk_day from, hwk_day to);
/* The assignments of dirs[i] into *l (owned by the caller), waiting for them if need be;
 * ask for each i once, in order. Its messages are printed now. 0; 1 when some were
 * read and others named in a message (as hwk_assignments_load_period's -1); or -1 with
 * errno set, nothing said, when the folder could not be listed (ENOENT: it is gone). */
int hwk_prefetch_get(hwk_prefetch *p, size_t i, hwk_assignments *l);
/* Stop (at any point) and free. */
void hwk_prefetch_end(hwk_prefetch *p);

#endif
