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
#include "merge.h"
#include "store.h"
#include "util.h"
#include "ydoc.h"

static const char usage[] =
	"usage: hwk git setup [-q] [DIR]\n"
	"       hwk git merge-entries O A B [PATH]\n"
	"       hwk git merge-assignment O A B [PATH] [MARKER_SIZE]\n";

/* The driver's exit when it failed (git takes it for a conflict and keeps ours). */
#define DRIVER_FAILED 2

/* Run git with argv (argv[0] "git"); its standard output into out when out is not NULL
 * (else to hwk's standard error, as are git's messages, unless hush: then they go). Its
 * exit status, or -1 after a message when it could not be run or was killed. */
static int run_git_how(char *const *argv, hwk_buf *out, int hush)
{
	int fds[2] = {-1, -1};
	if (out && pipe2(fds, O_CLOEXEC) < 0)
		return hwk_err_sys("git");
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		if (out) {
			close(fds[0]);
			close(fds[1]);
		}
		return hwk_err_sys("git");
	}
	if (pid == 0) {
		if (dup2(out ? fds[1] : 2, 1) < 0)
			_exit(127);
		int null = hush ? open("/dev/null", O_WRONLY) : -1;
		if (null >= 0)
			dup2(null, 2);
		execvp("git", argv);
		_exit(127);
	}
	int rc = 0;
	if (out) {
		close(fds[1]);
		char chunk[4096];
		ssize_t n;
		while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break;
			hwk_buf_add(out, chunk, (size_t)n);
		}
		close(fds[0]);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return hwk_err_sys("git");
	if (!WIFEXITED(st))
		return hwk_err("git was killed by signal %d", WTERMSIG(st));
	if (WEXITSTATUS(st) == 127)
		rc = hwk_err("git could not be run (is it installed?)");
	else
		rc = WEXITSTATUS(st);
	return rc;
}

static int run_git(char *const *argv, hwk_buf *out)
{
	return run_git_how(argv, out, 0);
}

/* ---- the drivers ---- */

/* git's text merge of the three files, written over a: its exit (the number of
 * conflicts, 0 when clean), or -1 after a message. */
static int text_merge(const char *o, const char *a, const char *b, const char *marker)
{
	char size[32];
	snprintf(size, sizeof size, "--marker-size=%s", marker);
	char *argv[] = {"git", "merge-file", "-q", "-L", "ours", "-L", "base", "-L", "theirs",
			size, (char *)a, (char *)o, (char *)b, NULL};
	int rc = run_git(argv, NULL);
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

/* path quoted for the shell git runs a driver with */
static char *shell_quote(const char *s)
{
	hwk_buf b = {0};
	hwk_buf_addc(&b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			hwk_buf_adds(&b, "'\\''");
		else
			hwk_buf_addc(&b, *s);
	}
	hwk_buf_addc(&b, '\'');
	return b.s;
}

/* Set key to value in the repository's own configuration unless it is so already. 1
 * set, 0 it was, -1 after a message. */
static int set_config(const char *top, const char *key, const char *value, int quiet)
{
	hwk_buf cur = {0};
	char *get[] = {"git", "-C", (char *)top, "config", "--local", "--get", (char *)key, NULL};
	int rc = run_git(get, &cur);
	if (rc < 0) {
		hwk_buf_free(&cur);
		return -1;
	}
	if (cur.len && cur.s[cur.len - 1] == '\n')
		cur.s[--cur.len] = 0;
	int same = rc == 0 && !strcmp(cur.s ? cur.s : "", value);
	hwk_buf_free(&cur);
	if (same)
		return 0;
	char *set[] = {"git", "-C", (char *)top, "config", "--local", "--replace-all",
		       (char *)key, (char *)value, NULL};
	if (run_git(set, NULL) != 0)
		return hwk_err("%s: git config %s failed", top, key);
	if (!quiet)
		printf("set %s %s\n", key, value);
	return 1;
}

/* Make sure the file name in top holds each of lines (a line of its own), adding those
 * missing at its end (after head, when the file is new) and keeping all that is there.
 * 1 changed, 0 it held them, -1 after a message. */
static int ensure_lines(const char *top, const char *name, const char *head,
			const char *const *lines, int quiet)
{
	char *path = hwk_xasprintf("%s/%s", top, name);
	hwk_buf b = {0};
	int rc = -1, added = 0;
	if (hwk_read_file(path, HWK_YAML_MAX_BYTES, &b) < 0 && errno != ENOENT) {
		hwk_err_sys("%s", path);
		goto out;
	}
	if (!b.len)
		hwk_buf_adds(&b, head);
	for (size_t i = 0; lines[i]; i++) {
		size_t n = strlen(lines[i]);
		int have = 0;
		for (const char *p = b.s; p && *p && !have;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
				len--;
			have = len == n && !memcmp(p, lines[i], n);
			p = nl ? nl + 1 : p + strlen(p);
		}
		if (have)
			continue;
		if (b.len && b.s[b.len - 1] != '\n')
			hwk_buf_addc(&b, '\n');
		hwk_buf_printf(&b, "%s\n", lines[i]);
		if (!quiet)
			printf("added %s to %s\n", lines[i], path);
		added = 1;
	}
	rc = 0;
	if (added)
		rc = hwk_store_replace(path, b.s, b.len) < 0 ? -1 : 1;
out:
	hwk_buf_free(&b);
	free(path);
	return rc;
}

static int setup(int argc, char **argv, hwk_ctx *ctx)
{
	static const hwk_opt opts[] = {
		{"quiet", 'q', 0},
		{0},
	};
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

	hwk_buf top = {0};
	char *toplevel[] = {"git", "-C", (char *)dir, "rev-parse", "--show-toplevel", NULL};
	/* git's "not a git repository" is said below, in hwk's words */
	int rc = run_git_how(toplevel, &top, 1);
	if (rc != 0 || !top.len) {
		hwk_buf_free(&top);
		if (rc > 0)
			hwk_err("%s: not in a git repository (make one with 'git init', or clone "
				"one, first)", dir);
		return HWK_FAIL;
	}
	if (top.s[top.len - 1] == '\n')
		top.s[--top.len] = 0;

	char exe[PATH_MAX];
	if (!realpath("/proc/self/exe", exe)) {
		hwk_buf_free(&top);
		hwk_err_sys("cannot tell where this hwk is");
		return HWK_FAIL;
	}
	char *q = shell_quote(exe);
	char *entries = hwk_xasprintf("%s git merge-entries %%O %%A %%B %%P", q);
	char *assignment = hwk_xasprintf("%s git merge-assignment %%O %%A %%B %%P %%L", q);
	static const char *const attrs[] = {"*.csv merge=union", "*.yaml merge=hwk-assignment",
					    NULL};
	static const char *const ignores[] = {".hwk.*", "*.tmp.*", NULL};
	int r[6];
	r[0] = set_config(top.s, "merge.union.name",
			  "hwk entries: every row once, in logged order", quiet);
	r[1] = set_config(top.s, "merge.union.driver", entries, quiet);
	r[2] = set_config(top.s, "merge.hwk-assignment.name",
			  "hwk assignments: key by key, histories united", quiet);
	r[3] = set_config(top.s, "merge.hwk-assignment.driver", assignment, quiet);
	r[4] = ensure_lines(top.s, ".gitattributes",
			    "# hwk's merge drivers: entries keep both sides' rows in logged "
			    "order, assignments merge key by key (see hwk-git(1))\n",
			    attrs, quiet);
	r[5] = ensure_lines(top.s, ".gitignore", "# hwk's locks and temporary files\n",
			    ignores, quiet);
	st = HWK_OK;
	int changed = 0;
	for (int i = 0; i < 6; i++) {
		if (r[i] < 0)
			st = HWK_FAIL;
		changed |= r[i] > 0;
	}
	if (st == HWK_OK && !changed && !quiet)
		printf("%s: already set up\n", top.s);
	free(q);
	free(entries);
	free(assignment);
	hwk_buf_free(&top);
	return st;
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
	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return hwk_usage(usage, 1);
	if (argc > 1 && argv[1][0] != '-')
		hwk_err("%s: not a git subcommand (setup, merge-entries, merge-assignment)",
			argv[1]);
	return hwk_usage(usage, 0);
}
