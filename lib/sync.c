/* sync: one git repository of a practice (the practice's own, or a client folder's)
 * brought level with its remote by the git command: what is not committed committed,
 * the remote's commits fetched and merged with hwk's drivers, entries files put back in
 * logged order, the result pushed. */
#define _GNU_SOURCE
#include "sync.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvfile.h"
#include "err.h"
#include "git.h"
#include "merge.h"
#include "cache.h"
#include "store.h"

/* git -C top ARGS... (the list ends with NULL), its output into out as how says: its
 * exit status, -1 when it could not run */
static int git_va(const char *top, hwk_buf *out, int how, va_list ap)
{
	char *argv[32];
	int n = 0;
	argv[n++] = "git";
	argv[n++] = "-C";
	argv[n++] = (char *)top;
	char *a;
	while ((a = va_arg(ap, char *)) && n < 31)
		argv[n++] = a;
	argv[n] = NULL;
	return hwk_git_run(argv, out, how);
}

/* git -C top ARGS...: its exit status (-1 when it could not run); its output and
 * messages in out when out is not NULL (else nowhere). */
static int git(const char *top, hwk_buf *out, ...)
{
	hwk_buf sink = {0};
	va_list ap;
	va_start(ap, out);
	int rc = git_va(top, out ? out : &sink, HWK_GIT_BOTH, ap);
	va_end(ap);
	hwk_buf_free(&sink);
	return rc;
}

/* git's output without its last line end (owned; "" when none) */
static char *git_line(const char *top, int *rc, ...)
{
	hwk_buf b = {0};
	va_list ap;
	va_start(ap, rc);
	*rc = git_va(top, &b, HWK_GIT_HUSH, ap);
	va_end(ap);
	while (b.len && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == '\r'))
		b.s[--b.len] = 0;
	return b.s ? b.s : hwk_xstrdup("");
}

/* The value git config --get-regexp printed last for SECTION.SUB.NAME (SECTION.NAME
 * when sub is empty) in lines ("KEY VALUE" each; git lowers the case of the section and
 * the name, not of sub), as git config KEY would give it (owned; "" when none). */
static char *config_value(const char *lines, const char *section, const char *sub,
			  const char *name)
{
	char *key = *sub ? hwk_xasprintf("%s.%s.%s", section, sub, name)
			 : hwk_xasprintf("%s.%s", section, name);
	size_t kn = strlen(key);
	const char *val = NULL;
	size_t vn = 0;
	for (const char *p = lines; p && *p;) {
		size_t len = strcspn(p, "\n");
		if (len >= kn && !memcmp(p, key, kn) && (len == kn || p[kn] == ' ')) {
			val = len > kn ? p + kn + 1 : p + len;
			vn = len > kn ? len - kn - 1 : 0;
		}
		p += len + (p[len] == '\n');
	}
	free(key);
	return val ? hwk_xstrndup(val, vn) : hwk_xstrdup("");
}

/* The locks of every file hwk writes in the repository, held while git changes them:
 * each client folder's lock (assign --edit/--end, review) and each entries file's
 * (log): a writer waiting meanwhile writes into the file as git left it. */
typedef struct {
	int *fd;
	size_t n, cap;
	hwk_buf files; /* git ls-files -z of the *.csv and *.yaml when they were taken */
} locks;

static void locks_release(locks *l)
{
	for (size_t i = 0; i < l->n; i++)
		close(l->fd[i]);
	free(l->fd);
	hwk_buf_free(&l->files);
	memset(l, 0, sizeof *l);
}

static int lock_one(locks *l, const char *path)
{
	int fd = hwk_store_lock_file(path);
	if (fd == -2)
		return 0;
	if (fd < 0)
		return -1;
	if (l->n == l->cap)
		l->fd = hwk_xrealloc(l->fd, (l->cap = l->cap ? 2 * l->cap : 16) * sizeof *l->fd);
	l->fd[l->n++] = fd;
	return 0;
}

/* lock what git tracks (entries files, and the folders of assignment files) */
static int locks_take(const char *top, locks *l)
{
	hwk_buf b = {0};
	char *argv[] = {"git", "-C", (char *)top, "ls-files", "-z", "--", "*.csv", "*.yaml", NULL};
	int rc = hwk_git_run(argv, &b, HWK_GIT_HUSH);
	for (size_t i = 0; rc == 0 && i < b.len; i += strlen(b.s + i) + 1) {
		const char *f = b.s + i;
		size_t n = strlen(f);
		char *path = NULL;
		if (n > 4 && !strcmp(f + n - 4, ".csv")) {
			path = hwk_xasprintf("%s/%s", top, f);
		} else if (n > 11 && !strcmp(f + n - 11, "client.yaml") &&
			   (n == 11 || f[n - 12] == '/')) {
			path = hwk_xasprintf("%s/%.*s%s", top, (int)(n - 11), f, HWK_LOCK_NAME);
			/* the lock file is made by the first writer: make it, as they do */
			int fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
			if (fd >= 0)
				close(fd);
		}
		if (path && lock_one(l, path) < 0)
			rc = -1;
		free(path);
	}
	l->files = b;
	if (rc != 0)
		locks_release(l);
	return rc == 0 ? 0 : -1;
}

/* Entries files of the repository that are out of logged order (a merge without hwk's
 * driver) are put back in order, as hwk's driver would have merged them. tracked is
 * git ls-files -z of what git tracks now, or NULL to ask git. The number of files put
 * back, or -1 after a note in *why. */
static int reorder(const char *top, const hwk_buf *tracked, char **why)
{
	hwk_buf b = {0};
	char *argv[] = {"git", "-C", (char *)top, "ls-files", "-z", "--", "*.csv", NULL};
	int rc = tracked ? 0 : hwk_git_run(argv, &b, HWK_GIT_HUSH), fixed = 0;
	if (tracked)
		b = *tracked;
	for (size_t i = 0; rc == 0 && i < b.len; i += strlen(b.s + i) + 1) {
		size_t n = strlen(b.s + i);
		if (n < 4 || strcmp(b.s + i + n - 4, ".csv"))
			continue;
		char *path = hwk_xasprintf("%s/%s", top, b.s + i);
		hwk_buf text = {0}, sorted = {0};
		char *w = NULL;
		struct stat st;
		/* a file hwk has seen whole and in order since it last changed is not read
		 * again (.hwk.cache): a sync with nothing new reads no entries */
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
		    hwk_cache_order_known(path, &st) == st.st_size) {
			free(path);
			continue;
		}
		/* rows logged at one instant stay as they are: only rows logged before an
		 * earlier row are out of order */
		int ordered = -1;
		if (hwk_read_file(path, HWK_CSV_MAX_BYTES, &text) == 0 && text.len &&
		    !strncmp(text.s, "at,logged,", 10) &&
		    ((ordered = hwk_entries_ordered(text.s, text.len)) == 1 ||
		     hwk_merge_entries(text.s, text.len, text.s, text.len, text.s, text.len, &sorted,
				       &w) == HWK_MERGE_OK)) {
			if (ordered == 1 ||
			    (sorted.len == text.len && !memcmp(sorted.s, text.s, text.len))) {
				if (lstat(path, &st) == 0)
					hwk_cache_order_note(path, &st);
			} else if (hwk_store_replace(path, sorted.s, sorted.len) < 0) {
				*why = hwk_xasprintf("%s: could not be put back in order", b.s + i);
				rc = -1;
			} else {
				fixed++;
				if (lstat(path, &st) == 0)
					hwk_cache_order_note(path, &st);
			}
		}
		free(w);
		hwk_buf_free(&text);
		hwk_buf_free(&sorted);
		free(path);
	}
	if (!tracked)
		hwk_buf_free(&b);
	return rc < 0 ? -1 : fixed;
}

/* Commit everything not committed, with message: 1 committed, 0 nothing to, -1 after
 * a note in *why. */
static int commit_all(const char *top, const char *message, long *files, char **why)
{
	hwk_buf out = {0};
	/* the usual case, nothing new, costs one git */
	char *status[] = {"git", "-C", (char *)top, "status", "--porcelain", "-z", NULL};
	if (hwk_git_run(status, &out, HWK_GIT_HUSH) == 0 && out.len == 0)
		return 0;
	hwk_buf_free(&out);
	int rc = git(top, &out, "add", "-A", "--", ".", (char *)NULL);
	if (rc != 0) {
		char *l = hwk_git_first_line(&out);
		*why = hwk_xasprintf("git add failed: %s", l);
		free(l);
		hwk_buf_free(&out);
		return -1;
	}
	long n = 0;
	hwk_buf_free(&out);
	hwk_buf list = {0};
	char *argv[] = {"git", "-C", (char *)top, "diff", "--cached", "--name-only", "-z", NULL};
	if (hwk_git_run(argv, &list, HWK_GIT_HUSH) != 0) {
		hwk_buf_free(&list);
		*why = hwk_xstrdup("git diff failed");
		return -1;
	}
	for (size_t i = 0; i < list.len; i += strlen(list.s + i) + 1)
		n++;
	hwk_buf_free(&list);
	if (n == 0)
		return 0;
	rc = hwk_git_commit(top, message, NULL, 0, &out);
	if (rc != 0) {
		char *l = hwk_git_first_line(&out);
		*why = hwk_xasprintf("git commit failed: %s", l);
		free(l);
		hwk_buf_free(&out);
		return -1;
	}
	hwk_buf_free(&out);
	if (files)
		*files = n;
	return 1;
}

static int private_mode(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)f;
	if ((type == FTW_F || type == FTW_D || type == FTW_DP) && (st->st_mode & 077))
		chmod(path, st->st_mode & 07700);
	return 0;
}

/* the folders clients/ID under top that are repositories of their own */
static void nested_repos(const char *top, hwk_strs *out)
{
	char *clients = hwk_xasprintf("%s/clients", top);
	DIR *d = opendir(clients);
	struct dirent *e;
	int err = 0;
	while (d && (e = hwk_readdir(d, &err))) {
		if (e->d_name[0] == '.')
			continue;
		char *git = hwk_xasprintf("%s/%s/.git", clients, e->d_name);
		struct stat st;
		if (lstat(git, &st) == 0)
			hwk_strs_push(out, hwk_xasprintf("clients/%s", e->d_name));
		free(git);
	}
	if (d)
		closedir(d);
	free(clients);
	hwk_strs_sort(out);
}

/* One part of a repository's line, "VERB N NOUN[s]TAIL", after a comma when *any. */
static void said(hwk_buf *line, int *any, const char *verb, long n, const char *noun,
		 const char *tail)
{
	if (!n)
		return;
	hwk_buf_printf(line, "%s%s %ld %s%s%s", *any ? ", " : "", verb, n, noun,
		       n == 1 ? "" : "s", tail);
	*any = 1;
}

int hwk_sync_repo(const char *top, hwk_buf *line)
{
	char *why = NULL, *branch = NULL, *remote = NULL, *merge = NULL, *tracking = NULL;
	long committed = 0, merged = 0, pushed = 0;
	int ok = 0, rc, reordered = 0, no_remote = 0;
	locks held = {0};
	hwk_buf out = {0};
	hwk_strs nested_own = {0}, *nested = &nested_own;

	/* the files git writes for hwk are private as the rest of hwk's */
	nftw(top, private_mode, 16, FTW_PHYS | FTW_MOUNT);
	/* a merge commits too: on a machine where git knows no one, the identity hwk's
	 * own commits fall back to (the login and the host), for this process's git */
	/* the settings sync needs, in one git process: who commits, and where each branch
	 * pulls from */
	hwk_buf conf = {0};
	char *get[] = {"git", "-C", (char *)top, "config", "--get-regexp",
		       "^(user\\.email|branch\\..*\\.(remote|merge))$", NULL};
	hwk_git_run(get, &conf, HWK_GIT_HUSH);
	char *email = config_value(conf.s, "user", "", "email");
	if (!*email && !getenv("GIT_COMMITTER_EMAIL")) {
		const char *u = getenv("USER");
		char host[256] = "localhost";
		gethostname(host, sizeof host - 1);
		char *mail = hwk_xasprintf("%s@%s", u && *u ? u : "hwk", host);
		setenv("GIT_AUTHOR_NAME", u && *u ? u : "hwk", 0);
		setenv("GIT_COMMITTER_NAME", u && *u ? u : "hwk", 0);
		setenv("GIT_AUTHOR_EMAIL", mail, 0);
		setenv("GIT_COMMITTER_EMAIL", mail, 0);
		free(mail);
	}
	free(email);
	if (hwk_git_setup(top, 1) < 0) {
		why = hwk_xstrdup("could not register hwk's merge drivers");
		goto out;
	}
	/* client folders that are repositories of their own stay out of this one */
	nested_repos(top, nested);
	if (nested->n) {
		const char **lines = hwk_xcalloc(nested->n + 1, sizeof *lines);
		char **own = hwk_xcalloc(nested->n + 1, sizeof *own);
		for (size_t i = 0; i < nested->n; i++)
			lines[i] = own[i] = hwk_xasprintf("/%s/", nested->v[i]);
		int r = hwk_git_ensure_lines(top, ".gitignore", "# hwk's locks and temporary files\n",
					     lines, 1);
		for (size_t i = 0; i < nested->n; i++)
			free(own[i]);
		free(own);
		free(lines);
		if (r < 0) {
			why = hwk_xstrdup("could not write .gitignore");
			goto out;
		}
	}
	int st;
	/* HEAD and MERGE_HEAD read as files where .git is a folder (one git fewer each) */
	char *gitdir = hwk_xasprintf("%s/.git", top);
	struct stat gs;
	if (lstat(gitdir, &gs) == 0 && S_ISDIR(gs.st_mode)) {
		char *mh = hwk_xasprintf("%s/MERGE_HEAD", gitdir), *hp = hwk_xasprintf("%s/HEAD", gitdir);
		hwk_buf head = {0};
		st = access(mh, F_OK) == 0 ? 0 : 1;
		if (hwk_read_file(hp, 4096, &head) == 0 && head.len > 16 &&
		    !strncmp(head.s, "ref: refs/heads/", 16))
			branch = hwk_xstrndup(head.s + 16, strcspn(head.s + 16, "\r\n"));
		else
			branch = hwk_xstrdup("");
		hwk_buf_free(&head);
		free(mh);
		free(hp);
	} else {
		free(git_line(top, &st, "rev-parse", "-q", "--verify", "MERGE_HEAD", (char *)NULL));
	}
	free(gitdir);
	if (st == 0) {
		why = hwk_xstrdup("a merge is under way there: finish it (git commit) or give it "
				  "up (git merge --abort), then sync again");
		goto out;
	}
	if (!branch)
		branch = git_line(top, &st, "symbolic-ref", "-q", "--short", "HEAD", (char *)NULL);
	else
		st = 0;
	if (st != 0 || !*branch) {
		why = hwk_xstrdup("not on a branch (git checkout one first)");
		goto out;
	}
	if (commit_all(top, "hwk sync: what was not committed", &committed, &why) < 0)
		goto out;

	remote = config_value(conf.s, "branch", branch, "remote");
	int upstream_set = *remote != 0;
	if (!*remote) {
		free(remote);
		char *remotes = git_line(top, &st, "remote", (char *)NULL);
		/* origin, else the only remote */
		remote = NULL;
		int count = 0;
		for (char *r = remotes; *r;) {
			size_t n = strcspn(r, "\n");
			count++;
			if (n == 6 && !strncmp(r, "origin", 6))
				remote = hwk_xstrdup("origin");
			r += n + (r[n] == '\n');
		}
		if (!remote && count == 1)
			remote = hwk_xstrndup(remotes, strcspn(remotes, "\n"));
		free(remotes);
	}
	if (!remote) {
		no_remote = 1;
		ok = 1;
		goto out;
	}
	merge = config_value(conf.s, "branch", branch, "merge");
	if (!*merge)
		upstream_set = 0;
	if (!*merge) {
		free(merge);
		merge = hwk_xasprintf("refs/heads/%s", branch);
	}
	const char *rbranch = !strncmp(merge, "refs/heads/", 11) ? merge + 11 : merge;
	tracking = hwk_xasprintf("refs/remotes/%s/%s", remote, rbranch);

	for (int tries = 0;; tries++) {
		hwk_buf_free(&out);
		if (git(top, &out, "fetch", "-q", remote, (char *)NULL) != 0) {
			char *l = hwk_git_first_line(&out);
			why = hwk_xasprintf("could not reach %s (%s)", remote, l);
			free(l);
			goto out;
		}
		/* ours, then theirs: "OUTGOING\tINCOMING" */
		char *both = hwk_xasprintf("HEAD...%s", tracking);
		char *counts = git_line(top, &st, "rev-list", "--left-right", "--count", both,
					(char *)NULL);
		free(both);
		int remote_has = st == 0;
		long known_out = -1, incoming = 0;
		if (remote_has && *counts) {
			char *tab = NULL;
			known_out = strtol(counts, &tab, 10);
			incoming = tab && *tab ? atol(tab + 1) : 0;
		}
		free(counts);
		if (!remote_has) {
			/* no tracking branch yet (or no HEAD): the remote has nothing of ours */
			free(git_line(top, &st, "rev-parse", "-q", "--verify", tracking, (char *)NULL));
			remote_has = st == 0;
		}
		if (remote_has) {
			if (incoming > 0) {
				known_out = -1;
				if (locks_take(top, &held) < 0) {
					why = hwk_xstrdup("its files are busy with another hwk; try again");
					goto out;
				}
				hwk_buf_free(&out);
				setenv("GIT_MERGE_AUTOEDIT", "no", 1);
				rc = git(top, &out, "merge", "-q", "--no-edit", tracking, (char *)NULL);
				if (rc != 0) {
					char *files = git_line(top, &st, "diff", "--name-only",
							       "--diff-filter=U", (char *)NULL);
					for (char *p = files; (p = strchr(p, '\n'));)
						*p = ' ';
					/* what hwk's driver said, else git's first words */
					char *l = NULL;
					for (const char *p = out.s ? out.s : ""; *p;) {
						size_t n = strcspn(p, "\n");
						if (!strncmp(p, "hwk", 3)) {
							l = hwk_xstrndup(p, n);
							break;
						}
						p += n + (p[n] == '\n');
					}
					if (!l)
						l = hwk_git_first_line(&out);
					hwk_buf ab = {0};
					hwk_git_run((char *[]){"git", "-C", (char *)top, "merge", "--abort",
							       NULL}, &ab, HWK_GIT_HUSH);
					hwk_buf_free(&ab);
					why = hwk_xasprintf("conflict in %s: %s; nothing merged, the "
							    "local commits kept; to merge by hand: "
							    "git -C %s merge %s/%s",
							    *files ? files : "?", l, top, remote, rbranch);
					free(files);
					free(l);
					goto out;
				}
				merged += incoming;
			}
		}
		if (held.n == 0 && locks_take(top, &held) < 0) {
			why = hwk_xstrdup("its files are busy with another hwk; try again");
			goto out;
		}
		/* the files listed when the locks were taken, unless a merge came since */
		int fixed = reorder(top, incoming > 0 ? NULL : &held.files, &why);
		if (fixed < 0)
			goto out;
		if (fixed > 0) {
			known_out = -1;
			long n = 0;
			if (commit_all(top, "hwk sync: entries put back in logged order", &n, &why) < 0)
				goto out;
			reordered += fixed;
		}
		locks_release(&held);
		long outgoing = known_out;
		if (outgoing < 0) {
			char *range = remote_has ? hwk_xasprintf("%s..HEAD", tracking)
						 : hwk_xstrdup("HEAD");
			char *count = git_line(top, &st, "rev-list", "--count", range, (char *)NULL);
			outgoing = atol(count);
			free(count);
			free(range);
		}
		if (outgoing == 0)
			break;
		char *refspec = hwk_xasprintf("HEAD:%s", merge);
		hwk_buf_free(&out);
		rc = git(top, &out, "push", "-q", remote, refspec, (char *)NULL);
		free(refspec);
		if (rc == 0 && upstream_set) {
			pushed = outgoing;
			break;
		}
		if (rc == 0) {
			pushed = outgoing;
			/* the branch follows the remote from now on, as after git push -u */
			char *k1 = hwk_xasprintf("branch.%s.remote", branch);
			char *k2 = hwk_xasprintf("branch.%s.merge", branch);
			git(top, NULL, "config", k1, remote, (char *)NULL);
			git(top, NULL, "config", k2, merge, (char *)NULL);
			free(k1);
			free(k2);
			break;
		}
		/* someone pushed between our fetch and push: fetch and merge again */
		if (tries < 2 && out.s && (strstr(out.s, "fetch first") || strstr(out.s, "non-fast-forward")))
			continue;
		char *l = hwk_git_first_line(&out);
		why = hwk_xasprintf("push to %s refused (%s); %ld local commit%s kept", remote, l,
				    outgoing, outgoing == 1 ? "" : "s");
		free(l);
		goto out;
	}
	ok = 1;
out:
	locks_release(&held);
	nftw(top, private_mode, 16, FTW_PHYS | FTW_MOUNT);
	int any = 0;
	said(line, &any, "committed", committed, "file", "");
	said(line, &any, "merged", merged, "commit", "");
	said(line, &any, "put", reordered, "entries file", " back in logged order");
	said(line, &any, "pushed", pushed, "commit", "");
	if (why) {
		hwk_buf_printf(line, "%s%s", any ? "; " : "", why);
	} else if (no_remote) {
		hwk_buf_printf(line, "%sno remote to sync with (git remote add origin URL)",
			       any ? "; " : "");
	} else if (!any) {
		hwk_buf_adds(line, "up to date");
	}
	free(why);
	free(branch);
	hwk_buf_free(&conf);
	free(remote);
	free(merge);
	free(tracking);
	hwk_buf_free(&out);
	hwk_strs_free(&nested_own);
	return ok ? 0 : -1;
}
