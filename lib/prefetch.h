/* prefetch: the assignment files of many client folders listed ahead, in a second
 * thread, while the caller reads the folders before them. Listing a folder is the
 * kernel's work and grows with the files a folder has ever held; on a machine of two
 * cores or more it is then mostly off the caller's path. Without threads it is done
 * on the spot. */
#ifndef HWK_PREFETCH_H
#define HWK_PREFETCH_H

#include <stddef.h>
#include "util.h"

typedef struct hwk_prefetch hwk_prefetch;

/* Start listing dirs[0..n) in order (dirs must outlive the prefetch). */
hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n);
/* The names of dirs[i] (hwk_dir_yaml_names), waiting for them if need be; ask for each
 * i once, in order. 0 and *names filled (owned by the caller), or -1 with errno set. */
int hwk_prefetch_get(hwk_prefetch *p, size_t i, hwk_strs *names);
/* Stop (at any point) and free. */
void hwk_prefetch_end(hwk_prefetch *p);

#endif
