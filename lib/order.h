/* order: what hwk has seen of each entries file's order (the client folder's
 * .hwk.order, a local cache), so that reading from the end can trust the rows it does
 * not read; see order.c. */
#ifndef HWK_ORDER_H
#define HWK_ORDER_H

#include <sys/stat.h>
#include <sys/types.h>

#include "util.h"

/* How many bytes at the start of the entries file csv_path (st: its fstat) are known to
 * be rows in logged order: 0 when nothing is known. */
off_t hwk_order_known(const char *csv_path, const struct stat *st);
/* Note that the whole of csv_path as st describes it is in logged order (quietly: a
 * cache that cannot be written is no error). */
void hwk_order_note(const char *csv_path, const struct stat *st);
/* Forget the caches read last (kept in memory for the next files of the same folders): for
 * a process that runs several commands, such as a fuzz target. */
void hwk_order_forget(void);

#endif
