/* Unit tests for lib/spill.c: what is added reads back and copies out byte for byte,
 * from any offset and across the copy's pieces; the folder never shows a file, open or
 * closed; a folder that is not there, or not a folder, gives no spill. */
#define _GNU_SOURCE
#include "err.h"
#include "spill.h"
#include "tap.h"
#include "util.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* entries of dir besides . and .. */
static int nfiles(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return d ? n : -1;
}

int main(void)
{
	char top[] = "/tmp/hwk-spill-XXXXXX";
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 2;
	}
	hwk_err_setcmd("test");
	hwk_spill *s = hwk_spill_open(top);
	ok(s != NULL, "a spill opens in a folder");
	is_int(nfiles(top), 0, "the folder shows no file while it is open");

	/* a large piece (more than the copy's 64 KiB at a time), a small one, an empty one */
	size_t big = 200000;
	char *a = hwk_xmalloc(big);
	for (size_t i = 0; i < big; i++)
		a[i] = (char)('a' + i % 23);
	off_t at_a = -1, at_b = -1, at_c = -1;
	is_int(hwk_spill_add(s, a, big, &at_a), 0, "a large piece is added");
	is_int(hwk_spill_add(s, "hello\0world", 11, &at_b), 0, "a piece with a NUL is added");
	is_int(hwk_spill_add(s, "", 0, &at_c), 0, "an empty piece is added");
	is_int(at_a, 0, "the first piece starts at 0");
	is_int(at_b, (off_t)big, "the next starts where it ended");
	is_int(at_c, (off_t)big + 11, "an empty piece is where the end is");

	char small[11];
	is_int(hwk_spill_read(s, at_b, 11, small), 0, "a piece reads back");
	ok(!memcmp(small, "hello\0world", 11), "byte for byte");
	is_int(hwk_spill_read(s, at_b + 6, 5, small), 0, "a part of a piece reads back");
	ok(!memcmp(small, "world", 5), "from the offset asked");
	ok(hwk_spill_read(s, at_b, 12, small) < 0, "reading past the end is an error");

	/* copied out, the pieces in another order */
	FILE *f = tmpfile();
	is_int(hwk_spill_copy(s, at_b, 11, f), 0, "the small piece copies out");
	is_int(hwk_spill_copy(s, at_a, big, f), 0, "the large piece copies out, piece by piece");
	is_int(hwk_spill_copy(s, at_c, 0, f), 0, "an empty piece copies nothing");
	fflush(f);
	is_int(ftell(f), (long)big + 11, "all of them and no more");
	char *back = hwk_xmalloc(big + 11);
	rewind(f);
	ok(fread(back, 1, big + 11, f) == big + 11 && !memcmp(back, "hello\0world", 11) &&
		   !memcmp(back + 11, a, big),
	   "in the order copied, byte for byte");
	fclose(f);
	free(back);
	free(a);
	hwk_spill_close(s);
	is_int(nfiles(top), 0, "closed, nothing is left in the folder");

	/* two at once do not share a file */
	hwk_spill *s1 = hwk_spill_open(top), *s2 = hwk_spill_open(top);
	off_t at1, at2;
	hwk_spill_add(s1, "one", 3, &at1);
	hwk_spill_add(s2, "two", 3, &at2);
	is_int(at1 + at2, 0, "two spills of a folder each start at 0");
	hwk_spill_read(s1, 0, 3, small);
	ok(!memcmp(small, "one", 3), "and keep their own bytes");
	hwk_spill_close(s1);
	hwk_spill_close(s2);
	hwk_spill_close(NULL);

	char *gone = hwk_xasprintf("%s/gone", top);
	ok(hwk_spill_open(gone) == NULL, "no spill in a folder that is not there");
	char *file = hwk_xasprintf("%s/file", top);
	int fd = open(file, O_WRONLY | O_CREAT, 0600);
	close(fd);
	ok(hwk_spill_open(file) == NULL, "nor in a file");
	unlink(file);
	is_int(nfiles(top), 0, "nothing left after a failed open");
	free(gone);
	free(file);
	rmdir(top);
	return tap_done();
}
