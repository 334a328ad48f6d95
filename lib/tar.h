/* tar: a POSIX ustar archive written by hwk itself (no tar program run): 512-byte
 * headers with their checksums, the data padded to 512 bytes, two zero blocks at the
 * end. Regular files and folders only, owner 0:0 and no owner names, so that an
 * extraction gives the files to whoever extracts them. */
#ifndef HWK_TAR_H
#define HWK_TAR_H

#include <stdio.h>
#include <time.h>

#define HWK_TAR_BLOCK 512

/* The header of a member into h: name (a folder's ending in '/'), type '0' (a file) or
 * '5' (a folder), mode, size and mtime. A name longer than 100 bytes is split at a '/'
 * into the prefix field (at most 155 bytes before it, 100 after). 0, or -1 when the
 * name does not fit, or the size or time cannot be written in ustar's fields. */
int hwk_tar_header(unsigned char h[HWK_TAR_BLOCK], const char *name, char type,
		   unsigned mode, unsigned long long size, time_t mtime);
/* Write a member (header, data, padding) to f. -1 after a message. */
int hwk_tar_put(FILE *f, const char *name, char type, unsigned mode, const void *data,
		size_t len, time_t mtime);
/* Write the end of the archive (two zero blocks). */
int hwk_tar_end(FILE *f);

#endif
