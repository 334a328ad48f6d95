/* Unit tests for the ustar writer (lib/tar.c): the header's fields where POSIX puts
 * them, its checksum, a long name split into prefix and name, and what does not fit. */
#define _GNU_SOURCE
#include "tar.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

static unsigned long sum_of(const unsigned char *h)
{
	unsigned long s = 0;
	for (int i = 0; i < HWK_TAR_BLOCK; i++)
		s += (i >= 148 && i < 156) ? ' ' : h[i];
	return s;
}

int main(void)
{
	unsigned char h[HWK_TAR_BLOCK];
	ok(hwk_tar_header(h, "clients/alex/client.yaml", '0', 0600, 66, 1764000000) == 0,
	   "a short name fits");
	is_str((char *)h, "clients/alex/client.yaml", "the name at 0");
	is_str((char *)h + 100, "0000600", "the mode at 100, octal");
	is_str((char *)h + 108, "0000000", "uid 0");
	is_str((char *)h + 116, "0000000", "gid 0");
	is_str((char *)h + 124, "00000000102", "the size at 124, 11 octal digits");
	is_str((char *)h + 136, "15111100400", "the mtime at 136");
	ok(h[156] == '0', "a regular file's type");
	ok(!memcmp(h + 257, "ustar\0" "00", 8), "the magic and version");
	ok(h[345] == 0, "no prefix");
	char want[8];
	snprintf(want, sizeof want, "%06lo", sum_of(h));
	ok(!memcmp(h + 148, want, 6) && h[154] == 0 && h[155] == ' ',
	   "the checksum: six octal digits, NUL, space");

	char name[300];
	snprintf(name, sizeof name, "clients/%s/ended/2026/%s.yaml",
		 "a-client-id-of-sixty-four-characters-is-allowed-by-hwk-so-test-it",
		 "2026-11-20-thought-record-6fd5.ended-2026-12-18");
	ok(strlen(name) > 100 && hwk_tar_header(h, name, '0', 0600, 0, 0) == 0,
	   "a long name is split");
	char back[1100];
	snprintf(back, sizeof back, "%s/%s", (char *)h + 345, (char *)h);
	is_str(back, name, "prefix / name gives the name back");
	ok(strlen((char *)h) <= 100, "the name part fits its field");

	ok(hwk_tar_header(h, "clients/alex/", '5', 0700, 0, 0) == 0 && h[156] == '5',
	   "a folder");
	memset(name, 'a', 200);
	name[200] = 0;
	ok(hwk_tar_header(h, name, '0', 0600, 0, 0) < 0, "a name with no '/' to split at");
	ok(hwk_tar_header(h, "x", '0', 0600, 1ULL << 33, 0) < 0, "8 GiB does not fit 11 digits");
	ok(hwk_tar_header(h, "x", '0', 0600, (1ULL << 33) - 1, 0) == 0, "8 GiB less a byte does");
	ok(hwk_tar_header(h, "", '0', 0600, 0, 0) < 0, "an empty name");
	return tap_done();
}
