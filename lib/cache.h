/* cache: what hwk keeps locally to read less, in one file at the top of the folder it
 * runs in (.hwk.cache of the practice, or of a client folder standing alone): which
 * entries files it has seen in logged order, so that reading from the end can trust the
 * rows it does not read, and each client's name as its client.yaml gave it. Loaded at
 * the first question, written once at the end of the command (hwk_cache_flush); never
 * committed; losing it costs reads, never a wrong answer. Its questions may be asked
 * from any thread. See cache.c. */
#ifndef HWK_CACHE_H
#define HWK_CACHE_H

#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "util.h"

#define HWK_CACHE_NAME ".hwk.cache"

/* How many bytes at the start of the entries file csv_path (st: its fstat) are known to
 * be rows in logged order: 0 when nothing is known. */
off_t hwk_cache_order_known(const char *csv_path, const struct stat *st);
/* Note that the whole of csv_path as st describes it is in logged order (quietly: a
 * cache that cannot be written is no error). */
void hwk_cache_order_note(const char *csv_path, const struct stat *st);
/* The display name in client_dir's client.yaml (owned; NULL when it has none) as
 * hwk_client_read reads it: from the cache while client.yaml is the file it was read
 * from (its inode, size, change and modification times), else read and checked anew.
 * 0, or -1 after hwk_client_read's message. */
int hwk_cache_client_name(const char *client_dir, char **name);
/* The same, client.yaml's lstat taken by the caller just before in st (NULL: none, it
 * is taken here). */
int hwk_cache_client_name_st(const char *client_dir, const struct stat *st, char **name);
/* The columns a listing of entries learnt of client folder dir's assignments (text of
 * the listing's making; owned), while key (the listing's sum of its assignment files
 * and of what it asked) stays the same: 1 then, else 0 and NULL. */
int hwk_cache_columns(const char *dir, uint64_t key, char **cols);
/* Note them (cols holding no space or line end; else not kept). */
void hwk_cache_columns_note(const char *dir, uint64_t key, const char *cols);
/* Write what this command learnt (quietly; nothing when it learnt nothing). */
void hwk_cache_flush(void);
/* Take out all the cache says of folder dir (a client folder, as "clients/ID") and write
 * it at once; when it cannot be written, or a cache file there could not be read as
 * this hwk's (too large, another hwk's), it is removed (it may name the client). 0, or
 * -1 with errno set when neither can be done (quietly: the caller says what it
 * means). */
int hwk_cache_drop_dir(const char *dir);
/* Forget the cache held in memory, unwritten: for a process that runs several commands,
 * such as a fuzz target. */
void hwk_cache_forget(void);

#endif
