/* git: running the git command as pass does (fork and exec, no shell in between), and
 * setting a repository up so that git merges hwk's files with hwk's own drivers. */
#define _GNU_SOURCE
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "store.h"
#include "ydoc.h"

int hwk_git_run(char *const *argv, hwk_buf *out, int how)
{
	int hush = how & HWK_GIT_HUSH, both = out && (how & HWK_GIT_BOTH);
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
		int null = hush && !both ? open("/dev/null", O_WRONLY) : -1;
		if (null >= 0)
			dup2(null, 2);
		if (both)
			dup2(fds[1], 2);
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

/* Set key to value in the repository's own configuration unless it is so already, as
 * have (git config --get-regexp's "KEY VALUE" lines) says. 1 set, 0 it was, -1 after a
 * message. */
static int set_config(const char *top, const char *have, const char *key, const char *value,
		      int quiet)
{
	size_t kn = strlen(key), vn = strlen(value), found = 0, same = 0;
	for (const char *p = have; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > kn && !strncmp(p, key, kn) && p[kn] == ' ') {
			found++;
			same = len - kn - 1 == vn && !memcmp(p + kn + 1, value, vn);
		}
		p += len + (nl != NULL);
	}
	if (found == 1 && same)
		return 0;
	char *set[] = {"git", "-C", (char *)top, "config", "--local", "--replace-all",
		       (char *)key, (char *)value, NULL};
	if (hwk_git_run(set, NULL, 0) != 0)
		return hwk_err("%s: git config %s failed", top, key);
	if (!quiet)
		printf("set %s %s\n", key, value);
	return 1;
}

int hwk_git_ensure_lines(const char *top, const char *name, const char *head,
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

int hwk_git_toplevel(const char *dir, char **top)
{
	hwk_buf b = {0};
	char *argv[] = {"git", "-C", (char *)dir, "rev-parse", "--show-toplevel", NULL};
	/* git's "not a git repository" is for the caller to say, in hwk's words */
	int rc = hwk_git_run(argv, &b, HWK_GIT_HUSH);
	if (rc != 0 || !b.len) {
		hwk_buf_free(&b);
		return rc < 0 ? -1 : 1;
	}
	if (b.s[b.len - 1] == '\n')
		b.s[--b.len] = 0;
	*top = b.s;
	return 0;
}

int hwk_git_files(const char *top, int quiet)
{
	static const char *const attrs[] = {"*.csv merge=union", "*.yaml merge=hwk-assignment",
					    NULL};
	static const char *const ignores[] = {".hwk.*", "*.tmp.*", NULL};
	int a = hwk_git_ensure_lines(top, ".gitattributes",
				     "# hwk's merge drivers: entries keep both sides' rows in logged "
				     "order, assignments merge key by key (see hwk-git(1))\n",
				     attrs, quiet);
	int b = hwk_git_ensure_lines(top, ".gitignore", "# hwk's locks and temporary files\n",
				     ignores, quiet);
	return a < 0 || b < 0 ? -1 : a || b;
}

int hwk_git_setup(const char *top, int quiet)
{
	char exe[PATH_MAX];
	if (!realpath("/proc/self/exe", exe))
		return hwk_err_sys("cannot tell where this hwk is");
	char *q = shell_quote(exe);
	char *entries = hwk_xasprintf("%s git merge-entries %%O %%A %%B %%P", q);
	char *assignment = hwk_xasprintf("%s git merge-assignment %%O %%A %%B %%P %%L", q);
	/* what is set already, in one git process (none found is exit 1, and no error) */
	hwk_buf have = {0};
	char *get[] = {"git", "-C", (char *)top, "config", "--local", "--get-regexp",
		       "^merge\\.(union|hwk-assignment)\\.", NULL};
	if (hwk_git_run(get, &have, 0) < 0) {
		hwk_buf_free(&have);
		free(q);
		free(entries);
		free(assignment);
		return -1;
	}
	int r[5];
	r[0] = set_config(top, have.s, "merge.union.name",
			  "hwk entries: every row once, in logged order", quiet);
	r[1] = set_config(top, have.s, "merge.union.driver", entries, quiet);
	r[2] = set_config(top, have.s, "merge.hwk-assignment.name",
			  "hwk assignments: key by key, histories united", quiet);
	r[3] = set_config(top, have.s, "merge.hwk-assignment.driver", assignment, quiet);
	r[4] = hwk_git_files(top, quiet);
	int rc = 0;
	for (int i = 0; i < 5; i++) {
		if (r[i] < 0)
			rc = -1;
		else if (r[i] > 0 && rc == 0)
			rc = 1;
	}
	hwk_buf_free(&have);
	free(q);
	free(entries);
	free(assignment);
	return rc;
}

char *hwk_git_first_line(const hwk_buf *b)
{
	const char *s = b->s ? b->s : "";
	/* git's "error: " or "fatal: " says nothing to the reader */
	for (;;) {
		size_t n = strcspn(s, "\n");
		if (n == 0 && s[0] == '\n') {
			s++;
			continue;
		}
		if (!strncmp(s, "hint: ", 6) && s[n]) {
			s += n + 1;
			continue;
		}
		if (!strncmp(s, "fatal: ", 7) || !strncmp(s, "error: ", 7))
			s += 7;
		return hwk_xstrndup(s, strcspn(s, "\n"));
	}
}

/* argv of git -C top, then the n words of args, then paths (NULL-ended; owned array) */
static char **git_argv(const char *top, const char *const *args, size_t n,
		       char *const *paths, size_t npaths)
{
	char **v = hwk_xcalloc(3 + n + npaths + 1, sizeof *v);
	size_t k = 0;
	v[k++] = "git";
	v[k++] = "-C";
	v[k++] = (char *)top;
	for (size_t i = 0; i < n; i++)
		v[k++] = (char *)args[i];
	for (size_t i = 0; i < npaths; i++)
		v[k++] = paths[i];
	v[k] = NULL;
	return v;
}

/* git's words when it knows no identity (user.useConfigOnly) */
static int no_identity(const hwk_buf *b)
{
	return b->s && (strstr(b->s, "auto-detection is disabled") ||
			strstr(b->s, "tell me who you are") || strstr(b->s, "empty ident"));
}

/* git commit of paths (NULL: what is staged), the identity git is configured with
 * tried first; then, when it has none, as hwk sync always did: git's own guess when
 * there is a user.email, else the login and the host. 0 committed, else non-zero. */
static int commit_as(const char *top, const char *message, char *const *paths, size_t n,
		     hwk_buf *out)
{
	char *who = NULL, *mail = NULL;
	const char *args[10];
	int rc = -1;
	for (int try = 0; try < 2; try++) {
		size_t k = 0;
		if (try == 0) {
			/* one git process when git knows who commits: no config read first */
			args[k++] = "-c";
			args[k++] = "user.useConfigOnly=true";
		} else {
			hwk_buf email = {0};
			char *get[] = {"git", "-C", (char *)top, "config", "user.email", NULL};
			int st = hwk_git_run(get, &email, HWK_GIT_HUSH);
			/* a machine where git knows no name: the login and the host, as git
			 * would guess */
			if (st != 0 || !email.len || email.s[0] == '\n') {
				const char *u = getenv("USER");
				char host[256] = "localhost";
				gethostname(host, sizeof host - 1);
				who = hwk_xasprintf("user.name=%s", u && *u ? u : "hwk");
				mail = hwk_xasprintf("user.email=%s@%s", u && *u ? u : "hwk", host);
				args[k++] = "-c";
				args[k++] = who;
				args[k++] = "-c";
				args[k++] = mail;
			}
			hwk_buf_free(&email);
		}
		args[k++] = "commit";
		args[k++] = "-q";
		args[k++] = "--no-verify";
		args[k++] = "-m";
		args[k++] = message;
		if (paths)
			args[k++] = "--";
		char **argv = git_argv(top, args, k, paths, paths ? n : 0);
		hwk_buf_free(out);
		rc = hwk_git_run(argv, out, HWK_GIT_BOTH);
		free(argv);
		if (rc == 0 || !no_identity(out))
			break;
	}
	free(who);
	free(mail);
	return rc;
}

static int commit_paths(const char *top, const char *message, char *const *paths, size_t n,
			hwk_buf *out);

int hwk_git_commit(const char *top, const char *message, char *const *paths, size_t n,
		   hwk_buf *out)
{
	/* git's words are read (who commits, a file git does not know): in English */
	const char *was = getenv("LC_ALL");
	char *old = was ? hwk_xstrdup(was) : NULL;
	setenv("LC_ALL", "C", 1);
	int rc = paths ? commit_paths(top, message, paths, n, out)
		       : commit_as(top, message, NULL, 0, out) == 0 ? 0 : -1;
	if (old)
		setenv("LC_ALL", old, 1);
	else
		unsetenv("LC_ALL");
	free(old);
	return rc;
}

static int commit_paths(const char *top, const char *message, char *const *paths, size_t n,
			hwk_buf *out)
{
	int rc = 0;
	char **argv = NULL, **commit = hwk_xcalloc(n + 1, sizeof *commit);
	char **gone = hwk_xcalloc(n + 1, sizeof *gone);
	size_t nc = 0, ngone = 0;
	for (size_t i = 0; i < n; i++) {
		char *p = hwk_path(top, paths[i]);
		struct stat st;
		if (lstat(p, &st) == 0)
			commit[nc++] = paths[i];
		else
			gone[ngone++] = paths[i];
		free(p);
	}
	/* files git knows already (an entries file logged to before) need no git add:
	 * one git process in all then */
	if (!ngone) {
		rc = commit_as(top, message, commit, nc, out);
		if (rc == 0 || !out->s || !strstr(out->s, "did not match any file"))
			goto out;
		hwk_buf_free(out);
	}
	/* files there are added (a new one is not known to git yet); a file removed (an
	 * ended assignment's old name) is committed only if git knew it */
	if (nc) {
		static const char *const add[] = {"add", "--"};
		argv = git_argv(top, add, 2, commit, nc);
		rc = hwk_git_run(argv, out, HWK_GIT_BOTH);
		free(argv);
		if (rc != 0)
			goto out;
	}
	if (ngone) {
		static const char *const ls[] = {"ls-files", "-z", "--"};
		hwk_buf known = {0};
		argv = git_argv(top, ls, 3, gone, ngone);
		rc = hwk_git_run(argv, &known, HWK_GIT_HUSH);
		free(argv);
		for (size_t i = 0; rc == 0 && i < known.len; i += strlen(known.s + i) + 1)
			for (size_t j = 0; j < ngone; j++)
				if (!strcmp(known.s + i, gone[j]))
					commit[nc++] = gone[j];
		hwk_buf_free(&known);
		if (rc != 0)
			goto out;
	}
	if (nc)
		rc = commit_as(top, message, commit, nc, out);
out:
	free(commit);
	free(gone);
	return rc == 0 ? 0 : -1;
}
