/* hwk git: set up a repository so that git merges hwk's files with hwk's drivers, and
 * the two drivers git then runs (merge-entries, merge-assignment). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "csvfile.h"
#include "err.h"
#include "git.h"
#include "merge.h"
#include "store.h"
#include "sync.h"
#include "util.h"
#include "ydoc.h"

static const char usage[] =
	"usage: hwk git setup [-q] [DIR]\n"
	"       hwk git merge-entries O A B [PATH]\n"
	"       hwk git merge-assignment O A B [PATH] [MARKER_SIZE]\n"
	"       hwk git sync-repo TOP\n";

/* The driver's exit when it failed (git takes it for a conflict and keeps ours). */
#define DRIVER_FAILED 2

/* ---- the drivers ---- */

/* git's text merge of the three files, written over a: its exit (the number of
 * conflicts, 0 when clean), or -1 after a message. */
static int text_merge(const char *o, const char *a, const char *b, const char *marker)
{
	char size[32];
	snprintf(size, sizeof size, "--marker-size=%s", marker);
	char *argv[] = {"git", "merge-file", "-q", "-L", "ours", "-L", "base", "-L", "theirs",
			size, (char *)a, (char *)o, (char *)b, NULL};
	int rc = hwk_git_run(argv, NULL, 0);
	if (rc >= 128)
		return hwk_err("%s: git merge-file failed", a);
	return rc;
}

static int read_side(const char *path, size_t max, hwk_buf *b)
{
	if (hwk_read_file(path, max, b) == 0)
		return 0;
	if (errno == EFBIG)
		return hwk_err_at(path, 0, 0, "file is larger than %zu bytes", max);
	return hwk_err_sys("%s", path);
}

static int conflict(const char *path, const char *why)
{
	hwk_err("%s: %s; left with conflict markers: edit it to keep what is right, then "
		"'git add %s' and commit", path, why, path);
	return HWK_FAIL;
}

static int merge_driver(int argc, char **argv, int entries)
{
	int max_args = entries ? 6 : 7;
	if (argc < 5 || argc > max_args)
		return hwk_usage(usage, 0);
	const char *o = argv[2], *a = argv[3], *b = argv[4];
	const char *path = argc > 5 ? argv[5] : a;
	const char *marker = argc > 6 ? argv[6] : "7";
	long size;
	if (hwk_parse_long(marker, &size) < 0 || size < 1 || size > 99) {
		hwk_err("%s: not a conflict marker size", marker);
		return HWK_USAGE;
	}
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!entries && !strcmp(base, "client.yaml")) {
		/* a client, not an assignment: plain text */
		int rc = text_merge(o, a, b, marker);
		if (rc < 0)
			return DRIVER_FAILED;
		return rc ? conflict(path, "both sides changed the same lines") : HWK_OK;
	}
	size_t max = entries ? HWK_CSV_MAX_BYTES : HWK_YAML_MAX_BYTES;
	hwk_buf d[3] = {{0}, {0}, {0}}, out = {0};
	char *why = NULL;
	int st = DRIVER_FAILED;
	if (read_side(o, max, &d[0]) < 0 || read_side(a, max, &d[1]) < 0 ||
	    read_side(b, max, &d[2]) < 0)
		goto done;
	int rc = (entries ? hwk_merge_entries : hwk_merge_assignment)(
		d[0].s ? d[0].s : "", d[0].len, d[1].s ? d[1].s : "", d[1].len,
		d[2].s ? d[2].s : "", d[2].len, &out, &why);
	if (rc == HWK_MERGE_OK) {
		st = hwk_store_replace(a, out.s ? out.s : "", out.len) < 0 ? DRIVER_FAILED
									     : HWK_OK;
	} else if (rc == HWK_MERGE_TEXT) {
		int t = text_merge(o, a, b, marker);
		st = t < 0 ? DRIVER_FAILED
		     : t ? conflict(path, "not an assignment hwk can read, and both sides "
					  "changed the same lines")
			 : HWK_OK;
	} else {
		st = text_merge(o, a, b, marker) < 0 ? DRIVER_FAILED : conflict(path, why);
	}
done:
	for (int i = 0; i < 3; i++)
		hwk_buf_free(&d[i]);
	hwk_buf_free(&out);
	free(why);
	return st;
}

/* ---- setup ---- */

/* (only setup takes an option) */
static const hwk_opt opts[] = {
	{"quiet", 'q', 0},
	{0},
};
static const char *const subcommands[] = {"setup", "merge-entries", "merge-assignment",
					  "sync-repo", NULL};
static const hwk_value operands[] = {{HWK_V_WORD, subcommands}, {HWK_V_FILE | HWK_V_MORE, NULL},
				       {0}};
const hwk_cmd_args cmd_git_args = {opts, operands};

static int setup(int argc, char **argv, hwk_ctx *ctx)
{
	int c, quiet = 0, st;
	argc--; /* from "setup" on: the dispatcher has made getopt start afresh */
	argv++;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		quiet = c == 'q';
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	const char *dir = optind < argc ? argv[optind] : ctx->dir ? ctx->dir : getenv("HWK_DIR");
	if (!dir || !*dir)
		dir = ".";

	char *top = NULL;
	int rc = hwk_git_toplevel(dir, &top);
	if (rc != 0) {
		if (rc > 0)
			hwk_err("%s: not in a git repository (make one with 'git init', or clone "
				"one, first)", dir);
		return HWK_FAIL;
	}
	rc = hwk_git_setup(top, quiet);
	if (rc == 0 && !quiet)
		printf("%s: already set up\n", top);
	free(top);
	return rc < 0 ? HWK_FAIL : HWK_OK;
}

int cmd_git(int argc, char **argv, hwk_ctx *ctx)
{
	/* the drivers' arguments are git's temporary files: no options among them */
	if (argc > 1 && !strcmp(argv[1], "merge-entries"))
		return merge_driver(argc, argv, 1);
	if (argc > 1 && !strcmp(argv[1], "merge-assignment"))
		return merge_driver(argc, argv, 0);
	if (argc > 1 && !strcmp(argv[1], "setup"))
		return setup(argc, argv, ctx);
	/* one repository of hwk sync, in a process of its own (hwk sync runs several) */
	if (argc == 3 && !strcmp(argv[1], "sync-repo")) {
		hwk_buf line = {0};
		int rc = hwk_sync_repo(argv[2], &line);
		printf("%s\n", line.s);
		hwk_buf_free(&line);
		return rc == 0 ? HWK_OK : HWK_FAIL;
	}
	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return hwk_usage(usage, 1);
	if (argc > 1 && argv[1][0] != '-')
		hwk_err("%s: not a git subcommand (setup, merge-entries, merge-assignment, sync-repo)",
			argv[1]);
	return hwk_usage(usage, 0);
}
