/* driver: runs a fuzz target over files without a fuzzer, as a unit test printing TAP
 * (make check builds each target with it, as build/tests/test_fuzz_NAME, and runs it
 * over fuzz/seeds/NAME). Arguments name files or folders; with none, the target's seed
 * folder. A disagreement the target finds aborts the run, which the suite reports. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FUZZ_NAME
#error FUZZ_NAME must name the target
#endif

static FILE *tap;
static int n;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(tap, "not ok %d - %s: cannot be opened\n", ++n, path);
		return;
	}
	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		abort();
	fprintf(tap, "# %s\n", path);
	fflush(tap);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	fprintf(tap, "ok %d - %s\n", ++n, path);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t k = 0;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (k + 1) * sizeof *names);
		if (!names || asprintf(&names[k], "%s/%s", path, e->d_name) < 0)
			abort();
		k++;
	}
	if (d)
		closedir(d);
	qsort(names, k, sizeof *names, cmp);
	for (size_t i = 0; i < k; i++) {
		run_path(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	/* the targets may point stdout and stderr elsewhere: TAP keeps its own copy */
	tap = fdopen(dup(1), "w");
	if (!tap)
		return 2;
	setvbuf(tap, NULL, _IOLBF, 0);
	/* each input in full (fuzz_practice: every command on it, not one) */
	setenv("FUZZ_DRIVER", "1", 1);
	if (argc < 2)
		run_path("fuzz/seeds/" FUZZ_NAME);
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	if (n == 0)
		fprintf(tap, "not ok 1 - no seed found for " FUZZ_NAME "\n"), n = 1;
	fprintf(tap, "1..%d\n", n);
	fclose(tap);
	return 0;
}
