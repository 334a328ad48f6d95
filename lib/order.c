/* order: what hwk has seen of each entries file's order, so that reading from the end
 * can trust the rows it does not read. Rows are appended in the order they are logged,
 * but a merge by git's own union driver (a clone where hwk git setup never ran) can
 * leave them out of order, and a tail read that stops at the first old row would then
 * miss newer rows before it. Each client folder's .hwk.order holds, for each entries
 * file read whole and found in order, "NAME INODE SIZE": its first SIZE bytes were rows
 * in logged order while the file had that inode. A file appended to since keeps its
 * inode and grows; one git or an editor wrote anew has another inode and is read whole
 * once more. The file is a cache: local (never committed), written by whoever reads,
 * lost updates and a missing or unreadable file only cost a whole read. */
#define _GNU_SOURCE
#include "order.h"

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define ORDER_NAME ".hwk.order"
#define ORDER_MAX 65536 /* bytes; more is not read (a cache) */

/* the folder of path ("." when none) and its base name, owned */
static void split(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');
	*dir = slash ? hwk_xstrndup(path, (size_t)(slash - path)) : hwk_xstrdup(".");
	*base = hwk_xstrdup(slash ? slash + 1 : path);
}

/* the last folders' caches, kept: commands read a client's files one after another,
 * those of its folder and of its ended/ in turn */
#define KEPT 2
static char *kept_dir[KEPT], *kept_text[KEPT];
static unsigned kept_next; /* the slot the next folder takes */

void hwk_order_forget(void)
{
	for (int i = 0; i < KEPT; i++) {
		free(kept_dir[i]);
		free(kept_text[i]);
		kept_dir[i] = kept_text[i] = NULL;
	}
}

/* the cache of folder dir as text (owned, "" when none) */
static char *load(const char *dir)
{
	static int registered;
	if (!registered && atexit(hwk_order_forget) == 0)
		registered = 1;
	for (int i = 0; i < KEPT; i++)
		if (kept_dir[i] && !strcmp(kept_dir[i], dir))
			return hwk_xstrdup(kept_text[i]);
	char *p = hwk_xasprintf("%s/%s", dir, ORDER_NAME);
	hwk_buf b = {0};
	int ok = hwk_read_file(p, ORDER_MAX, &b) == 0;
	free(p);
	if (!ok || !b.s) {
		hwk_buf_free(&b);
		hwk_buf_adds(&b, "");
	}
	unsigned i = kept_next++ % KEPT;
	free(kept_dir[i]);
	free(kept_text[i]);
	kept_dir[i] = hwk_xstrdup(dir);
	kept_text[i] = hwk_xstrdup(b.s);
	return b.s;
}

/* the line for base in text, or NULL */
static const char *find(const char *text, const char *base)
{
	size_t n = strlen(base);
	for (const char *l = text; *l;) {
		if (!strncmp(l, base, n) && l[n] == ' ')
			return l;
		const char *nl = strchr(l, '\n');
		if (!nl)
			break;
		l = nl + 1;
	}
	return NULL;
}

/* the bytes noted for base in text while the file has st's inode (-1 when none) */
static intmax_t noted(const char *text, const char *base, const struct stat *st)
{
	const char *l = find(text, base);
	uintmax_t ino, size;
	if (l && sscanf(l + strlen(base), " %ju %ju", &ino, &size) == 2 &&
	    ino == (uintmax_t)st->st_ino && size <= (uintmax_t)st->st_size)
		return (intmax_t)size;
	return -1;
}

off_t hwk_order_known(const char *csv_path, const struct stat *st)
{
	char *dir, *base;
	split(csv_path, &dir, &base);
	char *text = load(dir);
	intmax_t size = noted(text, base, st);
	free(text);
	free(dir);
	free(base);
	return size < 0 ? 0 : (off_t)size;
}

void hwk_order_note(const char *csv_path, const struct stat *st)
{
	char *dir, *base;
	split(csv_path, &dir, &base);
	char *text = load(dir);
	struct stat ds;
	/* already noted as it is: a history that lies wholly in the period asked is read
	 * whole every time, and writing the same line again each time cost a temp file, a
	 * folder scan and a rename per file (the report on a short history ran 3x slower
	 * than on a long one). And never a file of root's in another user's folder (see
	 * hwk(5) PERMISSIONS). */
	if (noted(text, base, st) == (intmax_t)st->st_size || stat(dir, &ds) < 0 ||
	    ds.st_uid != geteuid() || strchr(base, ' ') || strchr(base, '\n')) {
		free(text);
		free(dir);
		free(base);
		return;
	}
	hwk_buf b = {0};
	/* every other line as it was, then this one */
	for (const char *l = text; *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) + 1 : strlen(l);
		size_t n = strlen(base);
		if (!(len > n && !strncmp(l, base, n) && l[n] == ' '))
			hwk_buf_add(&b, l, len);
		if (b.len && b.s[b.len - 1] != '\n')
			hwk_buf_addc(&b, '\n');
		l += len;
	}
	hwk_buf_printf(&b, "%s %ju %ju\n", base, (uintmax_t)st->st_ino, (uintmax_t)st->st_size);
	hwk_order_forget();
	char *path = hwk_xasprintf("%s/%s", dir, ORDER_NAME);
	char *tmp = hwk_xasprintf("%s/%s.tmp.XXXXXX", dir, ORDER_NAME);
	/* a temp file of a reader killed while it wrote goes now; ours is locked meanwhile,
	 * so that no other cleaner takes it for one */
	hwk_store_remove_leftovers(path);
	int fd = b.len <= ORDER_MAX ? mkostemp(tmp, O_CLOEXEC) : -1;
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		unlink(tmp);
		fd = -1;
	}
	if (fd >= 0) {
		int ok = fchmod(fd, 0600) == 0 && write(fd, b.s, b.len) == (ssize_t)b.len;
		ok = close(fd) == 0 && ok;
		if (!ok || rename(tmp, path) < 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	hwk_buf_free(&b);
	free(text);
	free(dir);
	free(base);
}
