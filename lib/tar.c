/* tar: see tar.h. The layout is POSIX.1-1988 ustar (pax's "ustar" interchange format). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "tar.h"

/* v in octal in a field of w bytes: w-1 digits, zero-padded, then NUL. -1 when it does
 * not fit. */
static int octal(unsigned char *field, size_t w, unsigned long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%0*llo", (int)(w - 1), v);
	if (n < 0 || (size_t)n != w - 1)
		return -1;
	memcpy(field, tmp, w); /* the NUL included */
	return 0;
}

int hwk_tar_header(unsigned char h[HWK_TAR_BLOCK], const char *name, char type,
		   unsigned mode, unsigned long long size, time_t mtime)
{
	memset(h, 0, HWK_TAR_BLOCK);
	size_t len = strlen(name);
	if (len == 0)
		return -1;
	if (len <= 100) {
		memcpy(h, name, len);
	} else {
		/* the first '/' with at most 155 bytes before it and 1 to 100 after it (a
		 * folder's trailing '/' counted after, never cut at) */
		const char *cut = NULL;
		for (const char *s = name + 1; s < name + len - 1 && !cut; s++)
			if (*s == '/' && (size_t)(s - name) <= 155 &&
			    len - (size_t)(s - name) - 1 <= 100 && s[1] != '/')
				cut = s;
		if (!cut)
			return -1;
		memcpy(h, cut + 1, len - (size_t)(cut - name) - 1);
		memcpy(h + 345, name, (size_t)(cut - name));
	}
	if (mtime < 0 || octal(h + 100, 8, mode & 07777) < 0 || octal(h + 108, 8, 0) < 0 ||
	    octal(h + 116, 8, 0) < 0 || octal(h + 124, 12, size) < 0 ||
	    octal(h + 136, 12, (unsigned long long)mtime) < 0)
		return -1;
	h[156] = (unsigned char)type;
	memcpy(h + 257, "ustar", 6); /* magic, NUL-terminated */
	memcpy(h + 263, "00", 2);    /* version */
	/* the checksum: every byte of the header, the checksum field taken as spaces;
	 * six octal digits, a NUL and a space */
	memset(h + 148, ' ', 8);
	unsigned long sum = 0;
	for (size_t i = 0; i < HWK_TAR_BLOCK; i++)
		sum += h[i];
	char tmp[8];
	snprintf(tmp, sizeof tmp, "%06lo", sum & 0777777);
	memcpy(h + 148, tmp, 7); /* the NUL; the space stays */
	return 0;
}

int hwk_tar_put(FILE *f, const char *name, char type, unsigned mode, const void *data,
		size_t len, time_t mtime)
{
	unsigned char h[HWK_TAR_BLOCK];
	if (hwk_tar_header(h, name, type, mode, len, mtime) < 0)
		return hwk_err("%s: cannot be put in a tar (name too long, file too large or "
			       "dated before 1970)",
			       name);
	static const unsigned char zero[HWK_TAR_BLOCK];
	size_t pad = (HWK_TAR_BLOCK - len % HWK_TAR_BLOCK) % HWK_TAR_BLOCK;
	if (fwrite(h, 1, sizeof h, f) != sizeof h || (len && fwrite(data, 1, len, f) != len) ||
	    (pad && fwrite(zero, 1, pad, f) != pad))
		return hwk_err_sys("writing the tar");
	return 0;
}

int hwk_tar_end(FILE *f)
{
	static const unsigned char zero[2 * HWK_TAR_BLOCK];
	if (fwrite(zero, 1, sizeof zero, f) != sizeof zero)
		return hwk_err_sys("writing the tar");
	return 0;
}
