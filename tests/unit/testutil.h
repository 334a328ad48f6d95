/* testutil: what several unit tests share: a temporary working folder, files written
 * and read back, and a small fixed pseudo-random sequence. */
#ifndef HWK_TESTUTIL_H
#define HWK_TESTUTIL_H

#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The sleep diary's first two fields (bed, sol) as YAML, in emit's key order; sol has
 * no prompt, so a test may add one. */
#define TU_FIELDS_BED_SOL \
	"- name: bed\n" \
	"  type: time\n" \
	"  required: true\n" \
	"  prompt: Time you went to bed\n" \
	"- name: sol\n" \
	"  type: integer\n" \
	"  min: 0\n" \
	"  max: 720\n" \
	"  unit: min\n"

/* The folder tu_enter_temp made and the one it left, for tu_leave_temp. */
static inline char *tu_paths(int which)
{
	static char dir[64], old[4096];
	return which ? old : dir;
}

/* Work in a new folder /tmp/hwk-NAME-XXXXXX, with an empty subfolder sub in it (sub
 * may be NULL); exit 2 when that cannot be done. */
static inline void tu_enter_temp(const char *name, const char *sub)
{
	char *dir = tu_paths(0), *old = tu_paths(1);
	snprintf(dir, 64, "/tmp/hwk-%s-XXXXXX", name);
	if (!mkdtemp(dir) || !getcwd(old, 4096) || chdir(dir) < 0 ||
	    (sub && mkdir(sub, 0700) < 0)) {
		perror("temp folder");
		exit(2);
	}
}

/* Back to where tu_enter_temp started; the temp folder goes if it is empty. */
static inline void tu_leave_temp(void)
{
	if (chdir(tu_paths(1)) < 0)
		perror(tu_paths(1));
	rmdir(tu_paths(0));
}

static inline void tu_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

static inline void tu_write_str(const char *path, const char *text)
{
	tu_write_file(path, text, strlen(text));
}

/* A file's content (a static buffer, good until the next call), or "(missing)". */
static inline const char *tu_content(const char *path)
{
	static hwk_buf b;
	hwk_buf_free(&b);
	if (hwk_read_file(path, 1 << 24, &b) < 0)
		return "(missing)";
	return b.s;
}

/* xorshift32: the same sequence on every platform. */
static inline uint32_t tu_rand32(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* xorshift64, likewise. */
static inline uint64_t tu_rand64(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#endif
