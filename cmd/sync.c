/* hwk sync: the practice and each client folder that is a git repository of its own,
 * brought level with their remotes, several at once; one line for each. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "git.h"
#include "sync.h"

static const char usage[] = "usage: hwk sync [-j JOBS] [CLIENT...]\n";

typedef struct {
	char *label; /* as printed: "practice", "clients/ID", or the client id standing alone */
	char *top;   /* absolute */
	pid_t pid;
	int fd;      /* the child's line comes through it */
	hwk_buf line;
	int ok, done;
} repo;

/* Is dir (absolute) the top of a git repository of its own? */
static int is_top(const char *dir)
{
	char *git = hwk_xasprintf("%s/.git", dir);
	struct stat st;
	int has = lstat(git, &st) == 0;
	free(git);
	if (!has)
		return 0;
	char *top = NULL;
	int rc = hwk_git_toplevel(dir, &top);
	char a[PATH_MAX], b[PATH_MAX];
	int same = rc == 0 && realpath(dir, a) && realpath(top, b) && !strcmp(a, b);
	free(top);
	return same;
}

/* Sync r in a child: this hwk run again as hwk git sync-repo TOP, its line read back. */
static void start(repo *r, const char *exe)
{
	int fds[2];
	fflush(stdout);
	fflush(stderr);
	if (pipe2(fds, O_CLOEXEC) < 0 || (r->pid = fork()) < 0) {
		hwk_buf_printf(&r->line, "could not be synced: %s", strerror(errno));
		r->done = 1;
		return;
	}
	if (r->pid == 0) {
		if (dup2(fds[1], 1) < 0)
			_exit(127);
		char *argv[] = {"hwk", "git", "sync-repo", r->top, NULL};
		execv(exe, argv);
		_exit(127);
	}
	close(fds[1]);
	r->fd = fds[0];
}

static void finish(repo *r)
{
	char chunk[1024];
	ssize_t n;
	while ((n = read(r->fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		hwk_buf_add(&r->line, chunk, (size_t)n);
	}
	close(r->fd);
	int st;
	while (waitpid(r->pid, &st, 0) < 0 && errno == EINTR)
		;
	r->ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
	while (r->line.len && r->line.s[r->line.len - 1] == '\n')
		r->line.s[--r->line.len] = 0;
	if (!r->line.len)
		hwk_buf_adds(&r->line, "could not be synced (hwk sync ended early)");
	r->done = 1;
}

static const hwk_opt opts[] = {
	{"jobs", 'j', &hwk_v_text},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT | HWK_V_MORE, NULL}, {0}};
const hwk_cmd_args cmd_sync_args = {opts, operands};

int cmd_sync(int argc, char **argv, hwk_ctx *ctx)
{
	int c, st;
	long jobs = 8;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		if (c == 'j' && (hwk_parse_long(optarg, &jobs) < 0 || jobs < 1 || jobs > 64)) {
			hwk_err("-j %s: give a number of repositories at once, 1 to 64", optarg);
			return HWK_USAGE;
		}
	}
	if (c == 0)
		return st;
	size_t named = (size_t)(argc - optind);
	hwk_practice_mode_warning(0); /* sync puts the modes right: no warning first */
	if (hwk_setup(ctx, ~0u, argv + optind, named) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	/* what git writes for hwk (objects, merged files) is private as hwk's own files */
	umask(077);

	repo *v = hwk_xcalloc(ctx->scope.clients.n + 1, sizeof *v);
	size_t n = 0;
	if (p->standalone) {
		if (is_top(p->root)) {
			v[n].label = hwk_xstrdup(ctx->scope.clients.n ? ctx->scope.clients.v[0] : ".");
			v[n++].top = hwk_xstrdup(p->root);
		}
	} else {
		if (!named && !ctx->client && !p->here_client && is_top(p->root)) {
			v[n].label = hwk_xstrdup("practice");
			v[n++].top = hwk_xstrdup(p->root);
		}
		for (size_t i = 0; i < ctx->scope.clients.n; i++) {
			char *dir = hwk_xasprintf("%s/clients/%s", p->root, ctx->scope.clients.v[i]);
			if (is_top(dir)) {
				v[n].label = hwk_xasprintf("clients/%s", ctx->scope.clients.v[i]);
				v[n++].top = dir;
			} else {
				free(dir);
			}
		}
	}
	char exe[PATH_MAX];
	int rc = HWK_OK;
	size_t total = n;
	if (n > 0 && !realpath("/proc/self/exe", exe)) {
		hwk_err_sys("cannot tell where this hwk is");
		n = 0;
		rc = HWK_FAIL;
	} else if (n == 0) {
		hwk_err("no git repository to sync: neither the practice nor %s is one (git init "
			"and git remote add, or hwk clone)",
			named || ctx->client || p->here_client || p->standalone ? "that client folder"
								   : "a client folder");
		rc = HWK_FAIL;
	}
	/* at most jobs at once; lines printed in order, each as soon as those before it are */
	size_t next = 0, shown = 0, running = 0;
	while (shown < n) {
		while (next < n && running < (size_t)jobs) {
			start(&v[next], exe);
			running += !v[next].done;
			next++;
		}
		if (!v[shown].done) {
			finish(&v[shown]);
			running--;
		}
		printf("%s: %s\n", v[shown].label, v[shown].line.s);
		fflush(stdout);
		if (!v[shown].ok)
			rc = HWK_FAIL;
		shown++;
	}
	for (size_t i = 0; i < total; i++) {
		free(v[i].label);
		free(v[i].top);
		hwk_buf_free(&v[i].line);
	}
	free(v);
	return rc;
}
