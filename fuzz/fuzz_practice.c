/* A whole command on a fuzzed practice: the input is one client's assignment YAML and,
 * after a line "%%", its entries CSV. hwk's own main (cmd/hwk.c built with main renamed)
 * then runs one of list due, list entries, list assignments, report and review (showing
 * only; the driver of make check runs them all) in-process on a practice holding them:
 * no sanitizer report, no exit status other than 0 or 1 (2 would be a usage error,
 * which these never are). */
#include "fuzz.h"

#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "cache.h"
#include "practice.h"
#include "util.h"

int hwk_main(int argc, char **argv);

#define ID "2026-11-16-sleep-3238"

static char *dir; /* fuzz_tempdir */
static char *yaml, *csv;
static int home = -1;

static void cleanup(void)
{
	static const char *const files[] = {"hwk.yaml", "clients/alex/client.yaml",
					    HWK_CACHE_NAME, NULL};
	for (const char *const *f = files; *f; f++) {
		char *p = hwk_xasprintf("%s/%s", dir, *f);
		unlink(p);
		free(p);
	}
	unlink(yaml);
	unlink(csv);
	char *p = hwk_xasprintf("%s/clients/alex", dir);
	rmdir(p);
	free(p);
	p = hwk_xasprintf("%s/clients", dir);
	rmdir(p);
	free(p);
	rmdir(dir);
}

static int run_status(const char *const *args);

static void setup(void)
{
	dir = fuzz_tempdir("practice");
	home = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	FUZZ_CHECK(home >= 0, "cannot open the starting folder");
	char *p = hwk_xasprintf("%s/clients", dir);
	mkdir(p, 0700);
	free(p);
	p = hwk_xasprintf("%s/clients/alex", dir);
	mkdir(p, 0700);
	free(p);
	/* in the format this hwk reads: one it would have to upgrade is refused before any
	 * command runs, which leaves nothing to fuzz */
	static const char hwk_yaml[] = "version: " HWK_FORMAT_S "\nweek_start: monday\n"
				       "default_every: day\nsync: false\n";
	p = hwk_xasprintf("%s/hwk.yaml", dir);
	fuzz_write_file(p, hwk_yaml, sizeof hwk_yaml - 1);
	free(p);
	static const char client_yaml[] = "version: " HWK_FORMAT_S "\nid: alex\nname: Alex\n"
					  "created: 2026-11-16\n";
	p = hwk_xasprintf("%s/clients/alex/client.yaml", dir);
	fuzz_write_file(p, client_yaml, sizeof client_yaml - 1);
	free(p);
	yaml = hwk_xasprintf("%s/clients/alex/" ID ".yaml", dir);
	csv = hwk_xasprintf("%s/clients/alex/" ID ".csv", dir);
	atexit(cleanup);
	setenv("HWK_NOW", "2026-11-27T09:00:00+01:00", 1);
	setenv("TZ", "Europe/Berlin", 1);
	setenv("NO_COLOR", "1", 1);
	unsetenv("HWK_DIR");
	unsetenv("HWK_CLIENT");
	/* the commands' output is not looked at */
	int fd = open("/dev/null", O_WRONLY);
	if (fd >= 0) {
		fflush(stdout);
		dup2(fd, 1);
		close(fd);
	}
	/* the practice, without the assignment, is one hwk reads: else every command would
	 * fail before it read the input, and nothing would be fuzzed */
	static const char *const probe[] = {"list", "assignments", NULL};
	int st = run_status(probe);
	FUZZ_CHECK(st == 0, "the fuzzed practice is refused (hwk list assignments: exit %d)", st);
}

/* hwk's main on args in the practice; its exit status */
static int run_status(const char *const *args)
{
	char *argv[16];
	int argc = 0;
	argv[argc++] = "hwk";
	argv[argc++] = "-C";
	argv[argc++] = dir;
	for (; *args; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;
	optind = 0;
	int st = hwk_main(argc, argv);
	/* -C moved into the practice: back to where the run began */
	FUZZ_CHECK(fchdir(home) == 0, "cannot go back to the starting folder");
	return st;
}

static void run(const char *const *args)
{
	int st = run_status(args);
	FUZZ_CHECK(st == 0 || st == 1, "hwk %s: exit %d", args[0], st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	fuzz_quiet();
	if (!ready) {
		setup();
		ready = 1;
	}
	if (size > 1 << 16)
		return 0;
	const char *s = (const char *)data;
	const char *sep = memmem(s, size, "\n%%\n", 4);
	size_t ylen = sep ? (size_t)(sep - s) + 1 : size;
	/* each input a practice of its own: what the last one noted of its entries' order
	 * (the same inode, truncated and written again) does not hold for this one, in
	 * the cache file at the practice's top or in the one held in memory */
	char *cache = hwk_path(dir, HWK_CACHE_NAME);
	unlink(cache);
	free(cache);
	hwk_cache_forget();
	fuzz_write_file(yaml, s, ylen);
	if (sep)
		fuzz_write_file(csv, sep + 4, size - ylen - 3);
	else
		unlink(csv);
	static const char *const cmds[][6] = {
		{"list", "due", NULL},
		{"list", "entries", "-f", "json", NULL},
		{"list", "assignments", NULL},
		{"report", "--week", "2026-W48", NULL},
		{"-c", "alex", "review", NULL},
	};
	size_t ncmds = sizeof cmds / sizeof *cmds;
	if (getenv("FUZZ_DRIVER")) {
		for (size_t i = 0; i < ncmds; i++)
			run(cmds[i]);
		return 0;
	}
	/* under the fuzzer, one command per input, picked by the input's bytes: five
	 * times the inputs a second, and every command still meets every kind of input */
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	run(cmds[h % ncmds]);
	return 0;
}
