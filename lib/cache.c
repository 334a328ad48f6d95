/* cache: the local cache, .hwk.cache at the top of the folder hwk runs in (see cache.h
 * and hwk(5) LAYOUT). One file for the practice, not one per client: a command over the
 * caseload opens it once, not once in each client's folder (the weekly report opened
 * 1,000 such files on 500 clients).
 *
 * Its text, after a first line "hwk-cache 1 FORMAT" (FORMAT: the practice format this
 * hwk reads; a cache of another hwk is not trusted, and is written anew):
 *
 *   o PATH INODE SIZE       the entries file PATH was read whole, or checked, and found
 *                           in logged order: its first SIZE bytes were rows in logged
 *                           order while it had that inode
 *   n DIR INODE SIZE MSEC.NSEC CSEC.NSEC [NAME]
 *                           DIR/client.yaml, while it has that inode, size and
 *                           modification and change times, was read and checked, and
 *                           its name is NAME (none when absent)
 *   c DIR KEY 0 [COLUMNS]   a listing of entries that read client folder DIR's
 *                           assignments, while its assignment files and the listing's
 *                           period were as KEY sums them up (list.c), learnt these
 *                           columns of them (none when absent)
 *
 * Rows are appended in the order they are logged, but a merge by git's own union driver
 * (a clone where hwk git setup never ran) can leave them out of order, and a tail read
 * that stops at the first old row would then miss newer rows before it. A file appended
 * to since it was noted keeps its inode and grows; one git or an editor wrote anew has
 * another inode and is read whole once more. A client.yaml rewritten in place changes
 * its change time. Paths holding a space or a line end, and names holding a line end,
 * are not kept.
 *
 * What a command learns is written once, at its end (hwk_cache_flush): the file is read
 * again then and what another process noted meanwhile kept, so concurrent commands
 * lose little; what is lost costs a whole read, never a wrong count. A cache grown past
 * CACHE_MAX keeps only what the command used. */
#define _GNU_SOURCE
#include "cache.h"

#include "practice.h"
#include "store.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAX (8u << 20) /* bytes; a larger file is not read */
#define CACHE_HEAD "hwk-cache 1 " HWK_FORMAT_S "\n"

typedef struct {
	char *key; /* PATH or DIR, owned */
	char kind; /* 'o', 'n' or 'c' */
	unsigned used : 1, mine : 1, seen : 1; /* asked for or noted; noted by this
						   * process; in the file read again */
	uintmax_t ino, size; /* 'c': its KEY in ino */
	intmax_t ms, mns, cs, cns; /* 'n': client.yaml's times */
	char *name; /* 'n': owned, NULL when client.yaml has none; 'c': the columns */
} ent;

static struct {
	int loaded;
	int trusted; /* the file there was read as this hwk's (else it is written anew) */
	int dirty;
	char *text; /* the file as read, until the table is made of it (a command that asks
		     * a few questions, as log does, only searches it) */
	size_t asked; /* questions searched in text */
	dev_t dev; /* the folder it was loaded in (a command that moved elsewhere since does */
	ino_t dino; /* not write it there) */
	ent *v; /* open addressing, cap a power of two */
	size_t n, cap;
} C;

static size_t hash(char kind, const char *key)
{
	size_t h = 14695981039346656037ull ^ (unsigned char)kind;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	/* FNV's low bits, which pick the slot, come from the keys' low bits alone: the
	 * high ones are folded in (murmur's finish), or keys alike (clients/x/y.csv)
	 * crowd into long probe chains */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static ent *slot(char kind, const char *key)
{
	size_t m = C.cap - 1;
	for (size_t i = hash(kind, key) & m;; i = (i + 1) & m)
		if (!C.v[i].key || (C.v[i].kind == kind && !strcmp(C.v[i].key, key)))
			return &C.v[i];
}

static void ent_free(ent *e)
{
	free(e->key);
	free(e->name);
	memset(e, 0, sizeof *e);
}

void hwk_cache_forget(void)
{
	free(C.text);
	for (size_t i = 0; i < C.cap; i++)
		ent_free(&C.v[i]);
	free(C.v);
	memset(&C, 0, sizeof C);
}

/* Room for more entries than there are, as many as the table will hold at least. */
static void grow_to(size_t want)
{
	if (C.cap && (want + 1) * 4 < C.cap * 3)
		return;
	ent *old = C.v;
	size_t ocap = C.cap;
	C.cap = C.cap ? C.cap * 2 : 256;
	while ((want + 1) * 4 >= C.cap * 3)
		C.cap *= 2;
	C.v = hwk_xcalloc(C.cap, sizeof *C.v);
	for (size_t i = 0; i < ocap; i++)
		if (old[i].key)
			*slot(old[i].kind, old[i].key) = old[i];
	free(old);
}

static void grow(void)
{
	grow_to(C.n);
}

/* The table made again without the holes that removals left in its probe chains. */
static void rehash(void)
{
	ent *old = C.v;
	size_t ocap = C.cap;
	C.v = hwk_xcalloc(ocap, sizeof *C.v);
	C.n = 0;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].key) {
			*slot(old[i].kind, old[i].key) = old[i];
			C.n++;
		}
	free(old);
}

/* The entry of kind and key, made (empty, key set) when new. */
static ent *get(char kind, const char *key, int make)
{
	if (!C.cap) {
		if (!make)
			return NULL;
		grow();
	}
	ent *e = slot(kind, key);
	if (e->key || !make)
		return e->key ? e : NULL;
	grow();
	e = slot(kind, key);
	e->key = hwk_xstrdup(key);
	e->kind = kind;
	C.n++;
	return e;
}

/* A number at *p (digits, at least one), *p moved past it; -1 when there is none. */
static int num(const char **p, uintmax_t *v)
{
	const char *q = *p;
	uintmax_t n = 0;
	for (; *q >= '0' && *q <= '9'; q++) {
		if (n > (UINTMAX_MAX - 9) / 10)
			return -1;
		n = n * 10 + (uintmax_t)(*q - '0');
	}
	if (q == *p)
		return -1;
	*p = q;
	*v = n;
	return 0;
}

/* " SEC.NSEC" at *p, *p moved past it */
static int stamp(const char **p, intmax_t *sec, intmax_t *nsec)
{
	uintmax_t a, b;
	if (**p != ' ')
		return -1;
	++*p;
	if (num(p, &a) < 0 || **p != '.')
		return -1;
	++*p;
	if (num(p, &b) < 0 || a > INTMAX_MAX || b > INTMAX_MAX)
		return -1;
	*sec = (intmax_t)a;
	*nsec = (intmax_t)b;
	return 0;
}

/* One line, l to its end nl (not included), into e (its key and name owned), or -1
 * when it is not one. (By hand, not sscanf: a practice's cache has thousands.) */
static int parse_line(const char *l, const char *nl, ent *e)
{
	memset(e, 0, sizeof *e);
	char kind = l[0];
	if ((kind != 'o' && kind != 'n' && kind != 'c') || l[1] != ' ')
		return -1;
	const char *key = l + 2, *sp = memchr(key, ' ', (size_t)(nl - key));
	if (!sp || sp == key)
		return -1;
	const char *p = sp + 1;
	if (num(&p, &e->ino) < 0 || *p != ' ')
		return -1;
	p++;
	if (num(&p, &e->size) < 0)
		return -1;
	if (kind == 'n' && (stamp(&p, &e->ms, &e->mns) < 0 || stamp(&p, &e->cs, &e->cns) < 0))
		return -1;
	if (p != nl && (kind == 'o' || *p != ' '))
		return -1;
	e->kind = kind;
	e->key = hwk_xstrndup(key, (size_t)(sp - key));
	if (p != nl)
		e->name = hwk_xstrndup(p + 1, (size_t)(nl - p - 1));
	return 0;
}

/* The lines of text (after its first) into the table, each marked seen; an entry
 * already there stays as it is when keep. */
static void parse(const char *text, int keep)
{
	for (const char *l = text + strlen(CACHE_HEAD); *l;) {
		const char *nl = strchr(l, '\n');
		if (!nl)
			break; /* a line cut short */
		ent e;
		int ok = parse_line(l, nl, &e) == 0;
		l = nl + 1;
		if (!ok)
			continue;
		ent *d = get(e.kind, e.key, 0);
		if (d && keep) {
			d->seen = 1;
			ent_free(&e);
		} else {
			if (!d)
				d = get(e.kind, e.key, 1);
			free(d->key);
			free(d->name);
			e.seen = 1;
			*d = e;
		}
	}
}

/* The table made of the text read */
static void table(void)
{
	if (!C.text)
		return;
	char *t = C.text;
	C.text = NULL;
	size_t lines = 0; /* the table made as large as they need at once */
	for (const char *l = t; (l = strchr(l, '\n')); l++)
		lines++;
	grow_to(C.n + lines);
	parse(t, 0);
	free(t);
}

/* The entry of kind and key: from the table, or searched in the text while a few
 * questions have been asked (into *tmp then: free it with ent_free). */
static ent *find(char kind, const char *key, ent *tmp)
{
	if (C.text && ++C.asked > 4)
		table();
	if (!C.text)
		return get(kind, key, 0);
	char *pat = hwk_xasprintf("\n%c %s ", kind, key);
	const char *l = strstr(C.text, pat);
	free(pat);
	if (!l)
		return NULL;
	const char *nl = strchr(l + 1, '\n');
	return nl && parse_line(l + 1, nl, tmp) == 0 ? tmp : NULL;
}

static void load(void)
{
	if (C.loaded)
		return;
	static int registered;
	if (!registered && atexit(hwk_cache_forget) == 0)
		registered = 1;
	C.loaded = 1;
	struct stat st;
	if (stat(".", &st) == 0) {
		C.dev = st.st_dev;
		C.dino = st.st_ino;
	}
	hwk_buf b = {0};
	/* none, or another hwk's: not trusted */
	if (hwk_read_file(HWK_CACHE_NAME, CACHE_MAX, &b) == 0 && b.s &&
	    !strncmp(b.s, CACHE_HEAD, strlen(CACHE_HEAD))) {
		C.text = b.s;
		C.trusted = 1;
	} else {
		hwk_buf_free(&b);
	}
}

static off_t order_known(const char *csv_path, const struct stat *st)
{
	load();
	ent tmp = {0}, *e = find('o', csv_path, &tmp);
	off_t known = 0;
	if (e && e->ino == (uintmax_t)st->st_ino && e->size <= (uintmax_t)st->st_size) {
		e->used = 1;
		known = (off_t)e->size;
	}
	ent_free(&tmp);
	return known;
}

static void order_note(const char *csv_path, const struct stat *st)
{
	load();
	if (strpbrk(csv_path, " \n"))
		return;
	table();
	ent *e = get('o', csv_path, 1);
	e->used = 1;
	/* already noted as it is: a history that lies wholly in the period asked is read
	 * whole every time, and is not written again */
	if (e->ino == (uintmax_t)st->st_ino && e->size == (uintmax_t)st->st_size)
		return;
	e->ino = (uintmax_t)st->st_ino;
	e->size = (uintmax_t)st->st_size;
	e->mine = 1;
	C.dirty = 1;
}

/* Whether e, an 'n', was noted of client.yaml as st describes it (its inode, size and
 * modification and change times). */
static int same_yaml(const ent *e, const struct stat *st)
{
	return e->ino == (uintmax_t)st->st_ino && e->size == (uintmax_t)st->st_size &&
	       e->ms == (intmax_t)st->st_mtim.tv_sec && e->mns == (intmax_t)st->st_mtim.tv_nsec &&
	       e->cs == (intmax_t)st->st_ctim.tv_sec && e->cns == (intmax_t)st->st_ctim.tv_nsec;
}

/* e's inode, size and times those of st: client.yaml as it was read */
static void set_yaml(ent *e, const struct stat *st)
{
	e->ino = (uintmax_t)st->st_ino;
	e->size = (uintmax_t)st->st_size;
	e->ms = (intmax_t)st->st_mtim.tv_sec;
	e->mns = (intmax_t)st->st_mtim.tv_nsec;
	e->cs = (intmax_t)st->st_ctim.tv_sec;
	e->cns = (intmax_t)st->st_ctim.tv_nsec;
}

/* The name kept for client_dir whose client.yaml is st as it is now: 1, *name set
 * (NULL when it has none); 0 when none is kept for it. */
static int name_known(const char *client_dir, const struct stat *st, char **name)
{
	load();
	ent tmp = {0}, *e = find('n', client_dir, &tmp);
	int hit = e && same_yaml(e, st);
	if (hit) {
		e->used = 1;
		*name = e->name ? hwk_xstrdup(e->name) : NULL;
	}
	ent_free(&tmp);
	return hit;
}

/* name (or NULL) kept for client_dir, read from client.yaml as st */
static void name_note(const char *client_dir, const struct stat *st, const char *name)
{
	load();
	table();
	ent *e = get('n', client_dir, 1);
	free(e->name);
	e->name = name ? hwk_xstrdup(name) : NULL;
	set_yaml(e, st);
	e->used = e->mine = 1;
	C.dirty = 1;
}

static int columns(const char *dir, uintmax_t key, char **cols)
{
	*cols = NULL;
	load();
	ent tmp = {0}, *e = find('c', dir, &tmp);
	int hit = e && e->ino == key;
	if (hit) {
		e->used = 1;
		*cols = hwk_xstrdup(e->name ? e->name : "");
	}
	ent_free(&tmp);
	return hit;
}

static void columns_note(const char *dir, uintmax_t key, const char *cols)
{
	load();
	if (strpbrk(dir, " \n") || strpbrk(cols, " \n"))
		return;
	table();
	ent *e = get('c', dir, 1);
	e->used = 1;
	if (e->ino == key && e->name && !strcmp(e->name, cols))
		return;
	e->ino = key;
	e->size = 0;
	free(e->name);
	e->name = *cols ? hwk_xstrdup(cols) : NULL;
	e->mine = 1;
	C.dirty = 1;
}

/* The questions are asked from any thread (a listing makes each client's rows in the
 * thread that read its assignments): one at a time. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

off_t hwk_cache_order_known(const char *csv_path, const struct stat *st)
{
	pthread_mutex_lock(&mu);
	off_t known = order_known(csv_path, st);
	pthread_mutex_unlock(&mu);
	return known;
}

void hwk_cache_order_note(const char *csv_path, const struct stat *st)
{
	pthread_mutex_lock(&mu);
	order_note(csv_path, st);
	pthread_mutex_unlock(&mu);
}

int hwk_cache_client_name(const char *client_dir, char **name)
{
	return hwk_cache_client_name_st(client_dir, NULL, name);
}

int hwk_cache_client_name_st(const char *client_dir, const struct stat *taken, char **name)
{
	/* the files looked at and read without the lock: only the table is under it */
	*name = NULL;
	char *path = hwk_path(client_dir, "client.yaml");
	struct stat st;
	int have = taken ? (st = *taken, 1) : lstat(path, &st) == 0;
	have = have && S_ISREG(st.st_mode);
	pthread_mutex_lock(&mu);
	int hit = have && name_known(client_dir, &st, name);
	pthread_mutex_unlock(&mu);
	if (hit) {
		free(path);
		return 0;
	}
	hwk_client_info info;
	if (hwk_client_read(client_dir, 0, &info) < 0) {
		free(path);
		return -1;
	}
	free(info.created);
	*name = info.name;
	/* kept as it was when read: a change since then (the stat after the read differs
	 * from the one before) is not kept, and is read again next time */
	struct stat after;
	ent before = {0};
	if (have)
		set_yaml(&before, &st);
	int same = have && lstat(path, &after) == 0 && same_yaml(&before, &after);
	free(path);
	if (same && !strpbrk(client_dir, " \n") && !(info.name && strchr(info.name, '\n'))) {
		pthread_mutex_lock(&mu);
		name_note(client_dir, &st, info.name);
		pthread_mutex_unlock(&mu);
	}
	return 0;
}

int hwk_cache_columns(const char *dir, uint64_t key, char **cols)
{
	pthread_mutex_lock(&mu);
	int hit = columns(dir, key, cols);
	pthread_mutex_unlock(&mu);
	return hit;
}

void hwk_cache_columns_note(const char *dir, uint64_t key, const char *cols)
{
	pthread_mutex_lock(&mu);
	columns_note(dir, key, cols);
	pthread_mutex_unlock(&mu);
}

/* The cache as text: every entry, or those used when all would be more than CACHE_MAX. */
static void text(hwk_buf *b, int used_only)
{
	hwk_buf_reset(b);
	hwk_buf_adds(b, CACHE_HEAD);
	for (size_t i = 0; i < C.cap; i++) {
		const ent *e = &C.v[i];
		if (!e->key || (used_only && !e->used))
			continue;
		hwk_buf_printf(b, "%c %s %ju %ju", e->kind, e->key, e->ino, e->size);
		if (e->kind == 'n')
			hwk_buf_printf(b, " %jd.%09jd %jd.%09jd", e->ms, e->mns, e->cs, e->cns);
		if (e->kind != 'o' && e->name)
			hwk_buf_printf(b, " %s", e->name);
		hwk_buf_addc(b, '\n');
	}
}

/* Write the table as the cache file (temp file and rename, 0600, no sync: a cache).
 * 0, or -1 with errno set. */
static int write_out(void)
{
	struct stat here;
	/* only where it was read, and never a file of root's in another user's folder (see
	 * hwk(5) PERMISSIONS) */
	if (stat(".", &here) < 0)
		return -1;
	if (here.st_dev != C.dev || here.st_ino != C.dino || here.st_uid != geteuid()) {
		errno = EPERM;
		return -1;
	}
	hwk_buf b = {0};
	text(&b, 0);
	if (b.len > CACHE_MAX)
		text(&b, 1);
	int rc = -1;
	if (b.len > CACHE_MAX)
		errno = EFBIG;
	else
		rc = hwk_store_replace_nosync(HWK_CACHE_NAME, b.s, b.len);
	hwk_buf_free(&b);
	return rc;
}

/* The file read again before it is written: what another process noted since this one
 * read it comes in; what it took out (hwk forget: a client's) stays out unless this
 * process learnt it itself. */
static void reread(void)
{
	hwk_buf b = {0};
	int ok = hwk_read_file(HWK_CACHE_NAME, CACHE_MAX, &b) == 0 && b.s &&
		 !strncmp(b.s, CACHE_HEAD, strlen(CACHE_HEAD));
	for (size_t i = 0; i < C.cap; i++)
		C.v[i].seen = 0;
	if (ok)
		parse(b.s, 1);
	hwk_buf_free(&b);
	int gone = 0;
	for (size_t i = 0; i < C.cap; i++)
		if (C.v[i].key && !C.v[i].seen && !C.v[i].mine) {
			ent_free(&C.v[i]);
			gone = 1;
		}
	if (gone)
		rehash();
}

void hwk_cache_flush(void)
{
	if (!C.loaded || !C.dirty)
		return;
	reread();
	(void)write_out();
	C.dirty = 0;
}

int hwk_cache_drop_dir(const char *dir)
{
	load();
	table();
	size_t n = strlen(dir);
	int found = 0;
	for (size_t i = 0; i < C.cap; i++) {
		ent *e = &C.v[i];
		if (e->key && !strncmp(e->key, dir, n) && (e->key[n] == '/' || !e->key[n])) {
			ent_free(e);
			found = 1;
		}
	}
	if (found) {
		rehash();
		if (write_out() == 0)
			return 0;
	} else if (C.trusted) {
		return 0; /* read, and nothing of the client in it */
	}
	/* not written again, or a file there that was not read (too large, another hwk's,
	 * unreadable), which may name the client: it goes */
	return unlink(HWK_CACHE_NAME) == 0 || errno == ENOENT ? 0 : -1;
}
