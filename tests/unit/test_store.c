/* Unit tests for lib/store.c, in a temporary folder: atomic replace and create (0600,
 * no temp file left, old content kept on failure), appends (header only on a new or
 * empty file, a missing final LF added, concurrent appenders never tear or lose a row),
 * and folders (0700). Failures are provoked without root tricks where possible: a
 * missing folder, a directory in the way, RLIMIT_FSIZE; the read-only folder case runs
 * as an unprivileged user (in a child) when the tests run as root. */
#define _GNU_SOURCE

#include "err.h"
#include "store.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ---- */

/* The names in a folder, sorted, joined by spaces (static buffer). */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *listing(const char *dir)
{
	static char out[4096];
	char *names[256];
	size_t n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	out[0] = 0;
	if (!d)
		return "(no folder)";
	while ((e = readdir(d)) && n < 256)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = hwk_xstrdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strncat(out, names[i], sizeof out - strlen(out) - 2);
		free(names[i]);
	}
	return out;
}

static int mode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) < 0 ? -1 : (int)(st.st_mode & 07777);
}

static void put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	size_t n = strlen(text);
	if (fd < 0 || write(fd, text, n) != (ssize_t)n || close(fd) < 0) {
		perror(path);
		exit(2);
	}
}

/* ---- replace and create ---- */

/* op (replace or create) makes path, quietly, with text as its content, 0600 under
 * umask 022. */
static void writes_new(int (*write)(const char *, const char *, size_t), const char *op,
		       const char *path, const char *text, const char *what, const char *content_what)
{
	char m[64], c[64], mode[64];
	snprintf(m, sizeof m, "%s: no message", op);
	snprintf(c, sizeof c, "%s: %s", op, content_what);
	snprintf(mode, sizeof mode, "%s: 0600 under umask 022", op);
	umask(022);
	is_captured(write(path, text, strlen(text)), 0, what, "", m);
	is_str(tu_content(path), text, "%s", c);
	is_int(mode_of(path), 0600, "%s", mode);
}

static void test_replace(void)
{
	writes_new(hwk_store_replace, "replace", "a.yaml", "one: 1\n", "replace creates a new file",
		   "the content");
	is_str(listing("."), "a.yaml", "replace: no temp file left");

	/* an existing 0644 file is replaced by a 0600 one */
	put("b.yaml", "old\n", 0644);
	is_int(mode_of("b.yaml"), 0644, "b.yaml starts 0644");
	is_int(hwk_store_replace("b.yaml", "new content\n", 12), 0, "replace an existing file");
	is_str(tu_content("b.yaml"), "new content\n", "replace: new content");
	is_int(mode_of("b.yaml"), 0600, "replace: the new file is 0600");
	is_int(hwk_store_replace("b.yaml", "", 0), 0, "replace with nothing");
	is_str(tu_content("b.yaml"), "", "replace: empty file");
	is_int(hwk_store_replace("b.yaml", "a\0b", 3), 0, "replace with a NUL inside");
	struct stat st;
	is_int(stat("b.yaml", &st) == 0 ? st.st_size : -1, 3, "all 3 bytes written");
	is_int(hwk_store_replace("b.yaml", "old\n", 4), 0, "replace back");

	umask(0);
	is_int(hwk_store_replace("c.yaml", "x\n", 2), 0, "replace under umask 0");
	is_int(mode_of("c.yaml"), 0600, "replace: 0600 under umask 0");
	umask(022);
	is_str(listing("."), "a.yaml b.yaml c.yaml", "still no temp file");

	/* into a missing folder: -1, nothing created */
	is_captured(hwk_store_replace("nodir/x.yaml", "x\n", 2), -1, "replace into a missing folder fails",
		    "hwk: nodir/x.yaml: No such file or directory\n", "its message");
	is_str(listing("."), "a.yaml b.yaml c.yaml", "nothing created");

	/* a folder in the way: the rename fails, the folder and its file stay */
	mkdir("adir", 0700);
	put("adir/keep", "keep\n", 0600);
	is_captured(hwk_store_replace("adir", "x\n", 2), -1, "replace onto a folder fails",
		    "hwk: adir: Is a directory\n", "its message");
	is_str(listing("."), "a.yaml adir b.yaml c.yaml", "no temp file left after a failed rename");
	is_str(tu_content("adir/keep"), "keep\n", "the folder's file untouched");
	unlink("adir/keep");
	rmdir("adir");

	/* a write that fails half way (file size limit): the old content stays */
	struct rlimit old, lim;
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 1000;
	signal(SIGXFSZ, SIG_IGN);
	char big[5000];
	memset(big, 'z', sizeof big);
	setrlimit(RLIMIT_FSIZE, &lim);
	cap_start();
	int rc = hwk_store_replace("b.yaml", big, sizeof big);
	const char *msg = cap_end();
	setrlimit(RLIMIT_FSIZE, &old);
	is_int(rc, -1, "replace that cannot write it all fails");
	is_str(msg, "hwk: b.yaml: File too large\n", "its message");
	is_str(tu_content("b.yaml"), "old\n", "the old content stays");
	is_str(listing("."), "a.yaml b.yaml c.yaml", "no temp file left after a failed write");
	/* and create, likewise */
	setrlimit(RLIMIT_FSIZE, &lim);
	cap_start();
	rc = hwk_store_create("big.yaml", big, sizeof big);
	msg = cap_end();
	setrlimit(RLIMIT_FSIZE, &old);
	is_int(rc, -1, "create that cannot write it all fails");
	is_str(msg, "hwk: big.yaml: File too large\n", "its message");
	is_str(listing("."), "a.yaml b.yaml c.yaml", "nothing created, no temp file");
	signal(SIGXFSZ, SIG_DFL);
}

/* In a read-only folder nothing can be made: the old file stays. Run by an
 * unprivileged user (root ignores permissions): directly, or in a child that drops
 * root when the tests run as root. */
static void test_readonly(void)
{
	mkdir("ro", 0700);
	put("ro/c.yaml", "old\n", 0600);
	int errfd = open("ro.err", O_WRONLY | O_CREAT | O_TRUNC, 0666);
	int as_root = geteuid() == 0;
	uid_t nobody = 65534;
	if (as_root) {
		/* the child needs to reach the folder and own what it tries to change */
		chmod(".", 0711);
		if (chown("ro", nobody, nobody) < 0 || chown("ro/c.yaml", nobody, nobody) < 0)
			perror("chown");
	}
	chmod("ro", 0500);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (as_root && (setgid(nobody) < 0 || setuid(nobody) < 0))
			_exit(9);
		dup2(errfd, 2);
		int r1 = hwk_store_replace("ro/c.yaml", "new\n", 4);
		int r2 = hwk_store_create("ro/d.yaml", "new\n", 4);
		int r3 = hwk_store_append("ro/e.csv", "h\n", "r\n", 2);
		int r4 = hwk_store_mkdir("ro/sub");
		_exit(r1 == -1 && r2 == -1 && r3 == -1 && r4 == -1 ? 0 : 1);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	close(errfd);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	   "read-only folder: replace, create, append and mkdir fail (exit %d)",
	   WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	is_str(tu_content("ro.err"),
	       "hwk: ro/c.yaml: Permission denied\n"
	       "hwk: ro/d.yaml: Permission denied\n"
	       "hwk: ro/e.csv: Permission denied\n"
	       "hwk: ro/sub: Permission denied\n",
	       "read-only folder: messages");
	is_str(tu_content("ro/c.yaml"), "old\n", "read-only folder: the old content stays");
	is_str(listing("ro"), "c.yaml", "read-only folder: nothing added");
	chmod("ro", 0700);
	chmod(".", 0700);
	unlink("ro/c.yaml");
	rmdir("ro");
	unlink("ro.err");
}

static void test_create(void)
{
	writes_new(hwk_store_create, "create", "new.yaml", "made\n", "create a new file",
		   "its content");

	is_captured(hwk_store_create("new.yaml", "other\n", 6), -1, "create refuses an existing file",
		    "hwk: new.yaml: already exists\n", "its message");
	is_str(tu_content("new.yaml"), "made\n", "the existing file is untouched");
	is_str(listing("."), "a.yaml b.yaml c.yaml new.yaml", "no temp file left");

	/* an existing folder of that name counts as existing too */
	mkdir("taken", 0700);
	is_captured(hwk_store_create("taken", "x\n", 2), -1, "create refuses a name a folder has",
		    "hwk: taken: already exists\n", "its message");
	rmdir("taken");

	is_captured(hwk_store_create("nodir/n.yaml", "x\n", 2), -1, "create in a missing folder fails",
		    "hwk: nodir/n.yaml: No such file or directory\n", "its message");
	is_str(listing("."), "a.yaml b.yaml c.yaml new.yaml", "nothing else created");
	unlink("new.yaml");
}

/* ---- append ---- */

static void test_append(void)
{
	umask(022);
	is_captured(hwk_store_append("e.csv", "h1,h2\n", "a,b\n", 4), 0, "append to a new file",
		    "", "append: no message");
	is_str(tu_content("e.csv"), "h1,h2\na,b\n", "a new file gets the header first");
	is_int(mode_of("e.csv"), 0600, "append: a new file is 0600 under umask 022");
	is_int(hwk_store_append("e.csv", "h1,h2\n", "c,d\n", 4), 0, "append again");
	is_str(tu_content("e.csv"), "h1,h2\na,b\nc,d\n", "no second header");
	is_int(hwk_store_append("e.csv", "h1,h2\n", "e,f\ng,\"h\ni\"\n", 12), 0,
	       "append two rows at once");
	is_str(tu_content("e.csv"), "h1,h2\na,b\nc,d\ne,f\ng,\"h\ni\"\n", "both rows");

	/* an empty existing file gets the header */
	put("empty.csv", "", 0600);
	is_int(hwk_store_append("empty.csv", "h\n", "r\n", 2), 0, "append to an empty file");
	is_str(tu_content("empty.csv"), "h\nr\n", "the header first");

	/* a final LF is added when missing (a torn or hand-edited last line) */
	put("nolf.csv", "h\nx", 0600);
	is_int(hwk_store_append("nolf.csv", "h\n", "y\n", 2), 0, "append after a line without LF");
	is_str(tu_content("nolf.csv"), "h\nx\ny\n", "the LF is added first");
	put("cr.csv", "h\r\nx\r", 0600);
	is_int(hwk_store_append("cr.csv", "h\n", "y\n", 2), 0, "append after a final CR");
	is_str(tu_content("cr.csv"), "h\r\nx\r\ny\n", "a CR is not a line end: LF added");

	is_captured(hwk_store_append("nodir/e.csv", "h\n", "r\n", 2), -1, "append in a missing folder fails",
		    "hwk: nodir/e.csv: No such file or directory\n", "its message");

	/* a write cut short (file size limit): the partial row is taken back */
	/* "h\n" + 97 x 'r' + "\n" = 100 bytes, a limit of 120 (the captured message,
	 * 29 bytes, fits under it too) */
	char hundred[101];
	memcpy(hundred, "h\n", 2);
	memset(hundred + 2, 'r', 97);
	memcpy(hundred + 99, "\n", 2);
	put("lim.csv", hundred, 0600);
	struct rlimit old, lim;
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 120;
	signal(SIGXFSZ, SIG_IGN);
	setrlimit(RLIMIT_FSIZE, &lim);
	cap_start();
	int rc = hwk_store_append("lim.csv", "h\n", "a row far longer than the twenty bytes still allowed\n", 53);
	const char *msg = cap_end();
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	is_int(rc, -1, "append that cannot write the whole row fails");
	is_str(msg, "hwk: lim.csv: File too large\n", "its message");
	is_str(tu_content("lim.csv"), hundred, "no half row stays: the 100 bytes as they were");

	unlink("e.csv");
	unlink("empty.csv");
	unlink("nolf.csv");
	unlink("cr.csv");
	unlink("lim.csv");
}

#define NCHILD 8
#define NAPPEND 200

/* The row child c writes at step i: its length varies from 10 to about 400 bytes. */
static char *conc_row(int c, int i)
{
	int pad = (i * 37 + c * 11) % 390;
	char *p = hwk_xmalloc((size_t)pad + 1);
	memset(p, 'a' + c, (size_t)pad);
	p[pad] = 0;
	char *row = hwk_xasprintf("%d,%d,%s\n", c, i, p);
	free(p);
	return row;
}

static void test_concurrent_append(void)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pids[NCHILD];
	for (int c = 0; c < NCHILD; c++) {
		pids[c] = fork();
		if (pids[c] == 0) {
			int bad = 0;
			for (int i = 0; i < NAPPEND; i++) {
				char *row = conc_row(c, i);
				bad |= hwk_store_append("conc.csv", "child,step,pad\n", row, strlen(row)) < 0;
				free(row);
			}
			_exit(bad);
		}
	}
	int failed = 0;
	for (int c = 0; c < NCHILD; c++) {
		int st = 0;
		waitpid(pids[c], &st, 0);
		failed += !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	is_int(failed, 0, "%d children appending %d rows each: all succeed", NCHILD, NAPPEND);

	hwk_buf b = {0};
	is_int(hwk_read_file("conc.csv", 1 << 24, &b), 0, "the file reads back");
	ok(!strncmp(b.s ? b.s : "", "child,step,pad\n", 15), "the header is the first line");
	size_t lines = 0, intact = 0, headers = 0, out_of_order = 0;
	int seen[NCHILD][NAPPEND] = {{0}};
	int last[NCHILD];
	for (int c = 0; c < NCHILD; c++)
		last[c] = -1;
	char *s = b.s ? b.s : "";
	for (char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		*nl = 0;
		lines++;
		if (!strcmp(s, "child,step,pad")) {
			headers++;
			continue;
		}
		int c, i, n = 0;
		if (sscanf(s, "%d,%d,%n", &c, &i, &n) == 2 && c >= 0 && c < NCHILD && i >= 0 &&
		    i < NAPPEND) {
			char *want = conc_row(c, i);
			want[strlen(want) - 1] = 0;
			if (!strcmp(s, want) && !seen[c][i]++)
				intact++;
			free(want);
			if (i <= last[c])
				out_of_order++;
			last[c] = i;
		}
	}
	is_int(*s, 0, "the file ends with a LF");
	is_int(headers, 1, "exactly one header");
	is_int(lines, 1 + NCHILD * NAPPEND, "1 + %d lines", NCHILD * NAPPEND);
	is_int(intact, NCHILD * NAPPEND, "every row intact and present once");
	is_int(out_of_order, 0, "each child's rows in its order");
	hwk_buf_free(&b);
	unlink("conc.csv");
}

/* ---- folders ---- */

static void test_mkdir(void)
{
	umask(022);
	is_captured(hwk_store_mkdir("d"), 1, "mkdir makes a folder: 1",
		    "", "mkdir: no message");
	is_int(mode_of("d"), 0700, "mkdir: 0700 under umask 022");
	is_int(hwk_store_mkdir("d"), 0, "mkdir of an existing folder: 0");
	is_int(hwk_store_mkdir("d/e"), 1, "mkdir inside it: 1");
	is_int(mode_of("d/e"), 0700, "mkdir inside: 0700");

	is_captured(hwk_store_mkdir("a.yaml"), -1, "mkdir where a file is fails",
		    "hwk: a.yaml: File exists\n", "its message");
	is_captured(hwk_store_mkdir("nodir/sub"), -1, "mkdir in a missing folder fails",
		    "hwk: nodir/sub: No such file or directory\n", "its message");
	rmdir("d/e");
	rmdir("d");

	/* init: umask 077 from then on */
	hwk_store_init();
	mode_t m = umask(077);
	is_int(m, 077, "store_init sets umask 077");
	is_int(hwk_store_mkdir("f"), 1, "mkdir after init");
	is_int(mode_of("f"), 0700, "0700 after init");
	is_int(hwk_store_replace("f/g.yaml", "g\n", 2), 0, "replace after init");
	is_int(mode_of("f/g.yaml"), 0600, "0600 after init");
	is_int(hwk_store_append("f/h.csv", "h\n", "r\n", 2), 0, "append after init");
	is_int(mode_of("f/h.csv"), 0600, "append: 0600 after init");
	unlink("f/g.yaml");
	unlink("f/h.csv");
	rmdir("f");
}

/* Only regular files: a symbolic link (to a file outside, or dangling), a FIFO (no
 * hang) or a folder where an entries file should be is refused, and nothing behind it
 * is touched or made. */
static void test_not_regular(void)
{
	put("outside.txt", "secret\n", 0600);
	if (symlink("outside.txt", "link.csv") < 0 || symlink("nowhere.txt", "dangling.csv") < 0 ||
	    mkfifo("fifo.csv", 0600) < 0 || mkdir("dir.csv", 0700) < 0)
		perror("set-up");
	cap_start();
	int rc = hwk_store_append("link.csv", "h\n", "r\n", 2);
	const char *msg = cap_end();
	is_int(rc, -1, "append through a symbolic link: refused");
	is_str(msg, "hwk: link.csv: a symbolic link: hwk opens only files of its own\n",
	       "its message");
	is_str(tu_content("outside.txt"), "secret\n", "the file it points to is untouched");
	cap_start();
	rc = hwk_store_append("dangling.csv", "h\n", "r\n", 2);
	msg = cap_end();
	is_int(rc, -1, "append through a dangling link: refused");
	is_str(msg, "hwk: dangling.csv: a symbolic link: hwk opens only files of its own\n",
	       "its message");
	ok(access("nowhere.txt", F_OK) < 0, "no file made where it points");
	is_captured(hwk_store_append("fifo.csv", "h\n", "r\n", 2), -1, "append to a FIFO: refused at once, no hang",
		    "hwk: fifo.csv: not a regular file\n", "its message");
	is_captured(hwk_store_append("dir.csv", "h\n", "r\n", 2), -1, "append to a folder: refused",
		    "hwk: dir.csv: Is a directory\n", "its message");
	unlink("link.csv");
	unlink("dangling.csv");
	unlink("fifo.csv");
	rmdir("dir.csv");
	unlink("outside.txt");
}

/* A writer waits for another's lock only so long (HWK_LOCK_WAIT ms), then says the
 * file is busy and writes nothing; SIGTERM while it waits ends it before it writes. */
static void test_lock_wait(void)
{
	put("busy.csv", "h\nr1\n", 0600);
	int holder = open("busy.csv", O_RDONLY);
	ok(holder >= 0 && flock(holder, LOCK_EX) == 0, "another writer holds the lock");
	setenv("HWK_LOCK_WAIT", "0", 1);
	is_captured(hwk_store_append("busy.csv", "h\n", "r2\n", 3), -1, "a locked file with no wait: refused",
		    "hwk: busy.csv: busy: another hwk is writing it; try again\n", "its message");
	is_str(tu_content("busy.csv"), "h\nr1\n", "nothing written");
	setenv("HWK_LOCK_WAIT", "20", 1);
	cap_start();
	int rc = hwk_store_append("busy.csv", "h\n", "r2\n", 3);
	cap_end();
	is_int(rc, -1, "a locked file, 20 ms of waiting: refused");
	is_str(tu_content("busy.csv"), "h\nr1\n", "nothing written");

	/* a waiting writer ended by SIGTERM, wherever it is in its wait: nothing written */
	setenv("HWK_LOCK_WAIT", "600000", 1);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		hwk_store_append("busy.csv", "h\n", "r3\n", 3);
		_exit(0);
	}
	kill(pid, SIGTERM);
	int st = 0;
	waitpid(pid, &st, 0);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "a writer waiting for the lock ends on SIGTERM");
	is_str(tu_content("busy.csv"), "h\nr1\n", "... having written nothing");
	unsetenv("HWK_LOCK_WAIT");
	close(holder);
	is_int(hwk_store_append("busy.csv", "h\n", "r2\n", 3), 0, "the lock released: appended");
	is_str(tu_content("busy.csv"), "h\nr1\nr2\n", "the row");
	unlink("busy.csv");
}

/* Temp files of a killed writer go with the next write in their folder; a live one
 * (locked) stays. */
static void test_leftovers(void)
{
	mkdir("lo", 0700);
	put("lo/a.yaml.tmp.AbC123", "half", 0600);
	put("lo/b.yaml.tmp.zzzzzz", "half", 0600);
	put("lo/c.yaml.tmp.live00", "being written", 0600);
	put("lo/notes.tmp.txt", "mine", 0600);
	int live = open("lo/c.yaml.tmp.live00", O_RDONLY);
	ok(live >= 0 && flock(live, LOCK_EX) == 0, "a live writer holds its temp file locked");
	is_int(hwk_store_replace("lo/a.yaml", "a: 1\n", 5), 0, "a write in the folder");
	is_str(listing("lo"), "a.yaml c.yaml.tmp.live00 notes.tmp.txt",
	       "the dead writers' temp files are gone, the live one and other files stay");
	close(live);
	is_int(hwk_store_create("lo/d.yaml", "d: 1\n", 5), 0, "another write");
	is_str(listing("lo"), "a.yaml d.yaml notes.tmp.txt", "now that one is gone too");
	unlink("lo/a.yaml");
	unlink("lo/d.yaml");
	unlink("lo/notes.tmp.txt");
	rmdir("lo");
}

/* With durability off, writes still land (not synced: the practice chose that). */
static void test_not_durable(void)
{
	hwk_store_durable(0);
	is_int(hwk_store_append("nd.csv", "h\n", "r\n", 2), 0, "not durable: append");
	is_int(hwk_store_replace("nd.yaml", "x\n", 2), 0, "not durable: replace");
	is_str(tu_content("nd.csv"), "h\nr\n", "the row");
	is_str(tu_content("nd.yaml"), "x\n", "the file");
	hwk_store_durable(1);
	unlink("nd.csv");
	unlink("nd.yaml");
}

int main(void)
{
	tu_enter_temp("store", NULL);
	hwk_err_setcmd(NULL);
	test_replace();
	test_readonly();
	test_create();
	test_append();
	test_concurrent_append();
	test_mkdir();
	test_not_regular();
	test_lock_wait();
	test_leftovers();
	test_not_durable();
	unlink("a.yaml");
	unlink("b.yaml");
	unlink("c.yaml");
	is_str(listing("."), "", "everything cleaned up");
	tu_leave_temp();
	return tap_done();
}
