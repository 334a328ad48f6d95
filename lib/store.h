/* store: every write hwk makes. Entry rows are appended under a lock in one write;
 * other files are replaced atomically (temp file in the same folder, fsync, rename,
 * fsync of the folder). New files are 0600 and folders 0700 whatever the umask. A write
 * that fails leaves the file as it was: no half row, no temp file; a temp file left by a
 * killed process is removed by the next write in its folder. */
#ifndef HWK_STORE_H
#define HWK_STORE_H

#include <stddef.h>
#include <sys/types.h>

#include "util.h"

/* Called once at start: umask 077, so nothing hwk creates is readable by others. */
void hwk_store_init(void);
/* Whether writes are synced to disk before they are confirmed (on unless a practice
 * turns it off: then a power cut can lose what was confirmed). */
void hwk_store_durable(int on);
/* Make a folder (0700); an existing folder is fine. 1 if made, 0 if it was there, -1 error. */
int hwk_store_mkdir(const char *path);
/* Replace (or create) path with data, atomically. */
int hwk_store_replace(const char *path, const char *data, size_t len);
/* The same for a file of this machine's only, never committed, such as the cache:
 * not synced, not counted as written (hwk_store_written), and quiet: 0, or -1 with
 * errno set. The caller sees to it that the folder is one it may write in. */
int hwk_store_replace_nosync(const char *path, const char *data, size_t len);
/* Create path with data, atomically; fails with a message when it already exists. */
int hwk_store_create(const char *path, const char *data, size_t len);
/* The same, but a file already there (made by another process) is no error: 1 then,
 * the file untouched; 0 when made here. */
int hwk_store_create_new(const char *path, const char *data, size_t len);
/* Remove a file and make the removal durable (fsync of its folder: its failure is a
 * note, the file being gone). */
int hwk_store_remove(const char *path);
/* Rename a file (into another folder of the same file system), never over a file
 * there (a message then, nothing moved), and make it durable (fsync of both folders:
 * their failure is a note, the file being moved). Both paths count as written. */
int hwk_store_rename(const char *from, const char *to);
/* Append rows (whole CSV records, ending in LF) to path under an exclusive lock, in one
 * write, then fdatasync. When the file is new or empty the header goes first in the same
 * write; when its last byte is not a line end, one is added first. path must be a
 * regular file (a symbolic link, FIFO or device is refused). Waiting for another
 * writer's lock is bounded ($HWK_LOCK_WAIT ms, else 10 s): then -1, "busy", nothing
 * written. */
int hwk_store_append(const char *path, const char *header, const char *rows, size_t len);
/* The same, saying where the bytes went: from *at (-1 when the append made the file),
 * *wrote of them (header or line end first included), for hwk_store_takeback. A file
 * the append made is removed again when the row cannot be written. */
int hwk_store_append_at(const char *path, const char *header, const char *rows, size_t len,
			off_t *at, size_t *wrote);
/* Take back an append (hwk_store_append_at's at and wrote) when nothing was written
 * after it: the file is cut back to at (under the lock, synced), or removed when the
 * append made it; -1 after a message
 * when it cannot be, or another writer has appended since. */
int hwk_store_takeback(const char *path, off_t at, size_t len);

/* The files this process wrote (replaced, created, appended to) or removed, each once,
 * as the paths they were given by, in the order first written: what a command that
 * commits its writes commits (see hwk_commit). */
const hwk_strs *hwk_store_written(void);
/* Forget them (at the end of a command). */
void hwk_store_written_free(void);

/* The file in a folder whose lock its writers take in turn: empty, 0600, made by the
 * first writer, never removed nor replaced (so all lock the same file). */
#define HWK_LOCK_NAME ".hwk.lock"
/* Take the lock of folder dir (a client folder) for a read-modify-replace: what is read
 * after it is not changed by another hwk until hwk_store_unlock. Waiting is bounded as
 * in hwk_store_append (then -1 and "WHAT: busy: ... try again", what being the file
 * to change); SIGINT or SIGTERM while waiting ends the process before anything is
 * written. Once locked, such signals wait until hwk_store_unlock: the change is made
 * whole or not at all. Returns the lock (a file descriptor), or -1 after a message.
 * One lock at a time. */
int hwk_store_lock(const char *dir, const char *what);
/* The same without waiting nor a word: -1 when another holds it (or it cannot be
 * taken), for work that the next writer may do as well. */
int hwk_store_trylock(const char *dir);
/* Lock an existing file as the writers of hwk_store_append do (waiting as they do), for
 * a command that replaces it meanwhile: a writer waiting for the lock then writes into
 * the new file. The descriptor to close, -2 when there is no such file, or -1 after a
 * message. */
int hwk_store_lock_file(const char *path);
/* How long a writer waits for another's lock: HWK_LOCK_WAIT milliseconds, else 10 s. */
long hwk_store_lock_wait_ms(void);
/* One pause of a bounded wait with growing pauses: sleep *pause milliseconds (no more
 * than *left, which it takes them from), then double *pause up to most. */
void hwk_store_pause(long *left, long *pause, long most);
/* Release a lock of hwk_store_lock (-1: nothing to do). */
void hwk_store_unlock(int lock);

#endif
