/* Unit tests for lib/cache.c: order notes and client names kept in .hwk.cache, read
 * back the same whether searched in the text (a few questions) or from the table (many),
 * written only when learnt, merged with what another process wrote meanwhile, a client
 * dropped whole, and lines that are not whole passed over. */
#define _GNU_SOURCE
#include "cache.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static char *slurp(const char *path)
{
	hwk_buf b = {0};
	if (hwk_read_file(path, 1u << 24, &b) < 0 || !b.s)
		hwk_buf_adds(&b, "");
	return b.s;
}

static struct stat fake(unsigned long ino, long size)
{
	struct stat st;
	memset(&st, 0, sizeof st);
	st.st_ino = ino;
	st.st_size = size;
	return st;
}

int main(void)
{
	char top[] = "/tmp/hwk-cache-XXXXXX";
	if (!mkdtemp(top) || chdir(top) < 0) {
		perror("mkdtemp");
		return 2;
	}

	/* nothing there: nothing known, and nothing written for questions alone */
	struct stat a = fake(11, 500), b = fake(12, 80);
	is_int(hwk_cache_order_known("clients/x/a.csv", &a), 0, "no cache: nothing known");
	hwk_cache_flush();
	ok(access(HWK_CACHE_NAME, F_OK) < 0, "questions alone write nothing");
	hwk_cache_forget();

	/* noted, written at the flush, 0600, and read back by the next command */
	hwk_cache_order_note("clients/x/a.csv", &a);
	hwk_cache_order_note("clients/y/b.csv", &b);
	hwk_cache_order_note("clients/y/with space.csv", &b); /* not kept */
	hwk_cache_flush();
	hwk_cache_forget();
	char *t = slurp(HWK_CACHE_NAME);
	ok(!strncmp(t, "hwk-cache 1 3\n", 14), "its first line");
	ok(strstr(t, "\no clients/x/a.csv 11 500\n") && strstr(t, "\no clients/y/b.csv 12 80\n"),
	   "a line a file noted");
	ok(!strstr(t, "with space"), "a path with a space is not kept");
	free(t);
	struct stat st;
	is_int(stat(HWK_CACHE_NAME, &st), 0, "the file is there");
	is_int(st.st_mode & 0777, 0600, "0600");

	/* a file grown since (the same inode) is known up to the size noted; another
	 * inode, or a file smaller than noted, is not known */
	struct stat grown = fake(11, 900), other = fake(13, 900), shrunk = fake(11, 100);
	is_int(hwk_cache_order_known("clients/x/a.csv", &grown), 500, "appended to: known up to 500");
	is_int(hwk_cache_order_known("clients/x/a.csv", &other), 0, "another inode: not known");
	is_int(hwk_cache_order_known("clients/x/a.csv", &shrunk), 0, "smaller than noted: not known");
	/* past a few questions the table is made: the same answers */
	for (int i = 0; i < 8; i++)
		(void)hwk_cache_order_known("clients/none.csv", &a);
	is_int(hwk_cache_order_known("clients/x/a.csv", &grown), 500, "from the table: the same");
	is_int(hwk_cache_order_known("clients/y/b.csv", &b), 80, "... and the other file");
	/* noting what is already noted writes nothing */
	hwk_cache_order_note("clients/y/b.csv", &b);
	struct stat before;
	stat(HWK_CACHE_NAME, &before);
	hwk_cache_flush();
	stat(HWK_CACHE_NAME, &st);
	ok(st.st_ino == before.st_ino, "noted as it was: not written again");
	hwk_cache_forget();

	/* another process's note, written between this one's read and its flush, is kept */
	(void)hwk_cache_order_known("clients/x/a.csv", &a); /* loaded */
	t = slurp(HWK_CACHE_NAME);
	char *more = hwk_xasprintf("%so clients/z/c.csv 14 70\n", t);
	put(HWK_CACHE_NAME, more);
	free(more);
	free(t);
	hwk_cache_order_note("clients/x/d.csv", &a);
	hwk_cache_flush();
	hwk_cache_forget();
	t = slurp(HWK_CACHE_NAME);
	ok(strstr(t, "\no clients/z/c.csv 14 70\n") && strstr(t, "\no clients/x/d.csv 11 500\n"),
	   "another process's note kept beside this one's");
	free(t);

	/* a client dropped: nothing of it left, written at once */
	mkdir("clients", 0700);
	mkdir("clients/x", 0700);
	put("clients/x/client.yaml", "version: 3\nid: x\nname: Ann Example\n");
	char *name = NULL;
	is_int(hwk_cache_client_name("clients/x", &name), 0, "a client's name: read");
	is_str(name, "Ann Example", "its name");
	free(name);
	hwk_cache_flush();
	hwk_cache_forget();
	t = slurp(HWK_CACHE_NAME);
	ok(strstr(t, "\nn clients/x ") && strstr(t, " Ann Example\n"), "its name line");
	free(t);
	is_int(hwk_cache_drop_dir("clients/x"), 0, "the client dropped");
	hwk_cache_forget();
	t = slurp(HWK_CACHE_NAME);
	ok(!strstr(t, "clients/x/") && !strstr(t, "clients/x ") && !strstr(t, "Ann"),
	   "nothing of it left in the file");
	ok(strstr(t, "\no clients/y/b.csv 12 80\n") != NULL, "the others' lines kept");
	free(t);

	/* a line another process took out meanwhile (hwk forget) stays out, unless this
	 * process learnt it itself */
	for (int i = 0; i < 8; i++) /* the table made, with clients/y's line in it */
		(void)hwk_cache_order_known("clients/y/b.csv", &b);
	t = slurp(HWK_CACHE_NAME);
	char *y = strstr(t, "o clients/y/b.csv 12 80\n");
	if (y)
		memmove(y, y + 24, strlen(y + 24) + 1);
	put(HWK_CACHE_NAME, t);
	free(t);
	hwk_cache_order_note("clients/w/e.csv", &a);
	hwk_cache_flush();
	hwk_cache_forget();
	t = slurp(HWK_CACHE_NAME);
	ok(!strstr(t, "clients/y/b.csv") && strstr(t, "\no clients/w/e.csv 11 500\n"),
	   "a line taken out meanwhile stays out; this process's note is written");
	free(t);

	/* a cache that cannot be read as this hwk's may name the client: a drop removes it */
	put(HWK_CACHE_NAME, "hwk-cache 9 9\nn clients/v 1 2 3.4 5.6 Vera\n");
	is_int(hwk_cache_drop_dir("clients/v"), 0, "another hwk's cache: the drop succeeds");
	ok(access(HWK_CACHE_NAME, F_OK) < 0, "... by removing it");
	hwk_cache_forget();
	is_int(hwk_cache_drop_dir("clients/v"), 0, "no cache at all: nothing to drop");
	hwk_cache_forget();
	put(HWK_CACHE_NAME, "hwk-cache 1 3\no clients/k/a.csv 1 2\n");
	is_int(hwk_cache_drop_dir("clients/v"), 0, "a cache without the client: the drop succeeds");
	ok(access(HWK_CACHE_NAME, F_OK) == 0, "... and leaves it");
	hwk_cache_forget();

	/* lines that are not whole, and another hwk's cache */
	put(HWK_CACHE_NAME, "hwk-cache 1 3\no clients/q.csv\no clients/r.csv 1 x\n"
			    "n clients/s 1 2 3.4\no clients/t.csv 5 6\no clients/u.csv 7 8");
	struct stat t56 = fake(5, 6), u78 = fake(7, 8);
	is_int(hwk_cache_order_known("clients/t.csv", &t56), 6, "a whole line among broken ones");
	is_int(hwk_cache_order_known("clients/u.csv", &u78), 0, "a last line cut short: not read");
	hwk_cache_forget();
	put(HWK_CACHE_NAME, "hwk-cache 9 9\no clients/t.csv 5 6\n");
	is_int(hwk_cache_order_known("clients/t.csv", &t56), 0, "another hwk's cache: not read");
	hwk_cache_forget();

	if (chdir("/") < 0)
		perror("chdir");
	char *cmd = hwk_xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", top);
	free(cmd);
	return tap_done();
}
