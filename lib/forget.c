/* forget: see forget.h. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "err.h"
#include "forget.h"
#include "git.h"
#include "review.h"
#include "store.h"

static int there(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* folder's leftover name: PARENT/.hwk.forget-CLIENT (owned) */
static char *leftover(const char *parent, const char *client)
{
	return hwk_xasprintf("%s/" HWK_FORGET_PREFIX "%s", parent, client);
}

int hwk_forget_found(const hwk_practice *p, const char *client)
{
	char *paths[] = {hwk_client_dir(p, client), hwk_reviews_dir(p, client),
			 leftover("clients", client), leftover("reviews", client)};
	int found = 0;
	for (size_t i = 0; i < 4; i++) {
		found |= paths[i] && there(paths[i]);
		free(paths[i]);
	}
	return found;
}

/* Remove name in the folder dfd (path names it in messages) and, when it is a folder,
 * everything in it, never following a symbolic link. 0, or -1 after a message. */
static int remove_at(int dfd, const char *name, const char *path)
{
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", path);
	if (!S_ISDIR(st.st_mode)) {
		if (unlinkat(dfd, name, 0) < 0 && errno != ENOENT)
			return hwk_err_sys("%s", path);
		return 0;
	}
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		if (fd >= 0)
			close(fd);
		return hwk_err_sys("%s", path);
	}
	hwk_strs names = {0};
	struct dirent *e;
	int err = 0, rc = 0;
	while ((e = hwk_readdir(d, &err)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			hwk_strs_push(&names, hwk_xstrdup(e->d_name));
	if (err) {
		errno = err;
		rc = hwk_err_sys("%s", path);
	}
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *sub = hwk_xasprintf("%s/%s", path, names.v[i]);
		rc = remove_at(dirfd(d), names.v[i], sub);
		free(sub);
	}
	hwk_strs_free(&names);
	closedir(d);
	if (rc == 0 && unlinkat(dfd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
		rc = hwk_err_sys("%s", path);
	return rc;
}

static int remove_tree(const char *path)
{
	int rc = remove_at(AT_FDCWD, path, path);
	/* its removal survives a crash: its parent synced */
	char *parent = hwk_xstrdup(path), *slash = strrchr(parent, '/');
	if (slash) {
		*slash = 0;
		int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			(void)fsync(fd);
			close(fd);
		}
	}
	free(parent);
	return rc;
}

/* The remotes of the repository at dir, as "NAME (URL)" lines into out. */
static void remotes(const char *dir, hwk_strs *names, hwk_strs *urls)
{
	hwk_buf b = {0};
	char *argv[] = {"git", "-C", (char *)dir, "config", "--get-regexp",
			"^remote\\..*\\.url$", NULL};
	if (hwk_git_run(argv, &b, HWK_GIT_HUSH) == 0 && b.s) {
		hwk_strs lines = hwk_strs_split_packed(b.s, b.len, '\n');
		for (size_t i = 0; i < lines.n; i++) {
			char *sp = strchr(lines.v[i], ' ');
			const char *key = lines.v[i];
			size_t kl = sp ? (size_t)(sp - key) : 0;
			if (!sp || kl <= 11 || strncmp(key, "remote.", 7))
				continue;
			hwk_strs_push(names, hwk_xstrndup(key + 7, kl - 7 - 4));
			hwk_strs_push(urls, hwk_xstrdup(sp + 1));
		}
		hwk_strs_free(&lines);
	}
	hwk_buf_free(&b);
}

/* Is there a .git in dir or a folder above it (else git is not asked at all)? */
static int under_git(const char *dir)
{
	char *d = hwk_xstrdup(dir);
	int found = 0;
	for (;;) {
		char *g = hwk_xasprintf("%s/.git", *d ? d : "");
		found = there(g);
		free(g);
		char *slash = strrchr(d, '/');
		if (found || !slash)
			break;
		*slash = 0;
	}
	free(d);
	return found;
}

/* Does the history of the repository at top (any ref) hold path? */
static int in_history(const char *top, const char *path)
{
	hwk_buf out = {0};
	char *argv[] = {"git", "-C", (char *)top, "rev-list", "--all", "-1", "--", (char *)path,
			NULL};
	int held = hwk_git_run(argv, &out, HWK_GIT_HUSH) == 0 && out.len > 0;
	hwk_buf_free(&out);
	return held;
}

/* Take the line "/clients/CLIENT/" (a client folder that was a repository of its own)
 * out of the practice's .gitignore. */
static int gitignore_drop(const char *client)
{
	hwk_buf b = {0}, nb = {0};
	int rc = 0;
	if (hwk_read_file(".gitignore", 1u << 20, &b) < 0) {
		hwk_buf_free(&b);
		return errno == ENOENT ? 0 : hwk_err_sys(".gitignore");
	}
	char *want = hwk_xasprintf("/clients/%s/", client);
	size_t wl = strlen(want);
	int dropped = 0;
	for (size_t at = 0; at < b.len;) {
		const char *nl = memchr(b.s + at, '\n', b.len - at);
		size_t end = nl ? (size_t)(nl - b.s) + 1 : b.len;
		size_t ll = (nl ? (size_t)(nl - b.s) : b.len) - at;
		if (ll == wl && !memcmp(b.s + at, want, wl))
			dropped = 1;
		else
			hwk_buf_add(&nb, b.s + at, end - at);
		at = end;
	}
	if (dropped && hwk_store_replace(".gitignore", nb.s ? nb.s : "", nb.len) < 0)
		rc = -1;
	free(want);
	hwk_buf_free(&b);
	hwk_buf_free(&nb);
	return rc;
}

/* What git keeps that hwk cannot remove: said into r. held: the paths (relative to
 * top) its history holds; pn, pu: its remotes; own: cdir was a repository of its own,
 * with the remotes cn, cu. */
static void git_report(hwk_buf *r, const char *client, const char *cdir, const char *top,
		       const hwk_strs *held, const hwk_strs *pn, const hwk_strs *pu, int own,
		       const hwk_strs *cn, const hwk_strs *cu)
{
	if (held->n) {
		hwk_buf paths = {0}, opts = {0};
		for (size_t i = 0; i < held->n; i++) {
			hwk_buf_printf(&paths, "%s%s", i ? " " : "", held->v[i]);
			hwk_buf_printf(&opts, " --path %s", held->v[i]);
		}
		const char *and = held->n > 1 ? " and " : "";
		hwk_buf_printf(r,
			       "- the history of the git repository %s holds %s%s%s; to take "
			       "%s out of it:\n"
			       "    cd %s\n"
			       "    git rm -r -q --cached --ignore-unmatch -- %s\n"
			       "    git commit -m 'forget %s'\n"
			       "    git filter-repo --force --invert-paths%s\n",
			       top, held->v[0], and, held->n > 1 ? held->v[1] : "",
			       held->n > 1 ? "them" : "it", top, paths.s, client, opts.s);
		hwk_buf_free(&paths);
		hwk_buf_free(&opts);
		for (size_t i = 0; i < pn->n; i++)
			hwk_buf_printf(r,
				       "  then replace the history at its remote %s (%s):\n"
				       "    git remote add %s %s\n"
				       "    git push --force --all %s && git push --force --tags %s\n",
				       pn->v[i], pu->v[i], pn->v[i], pu->v[i], pn->v[i], pn->v[i]);
		if (pn->n)
			hwk_buf_adds(r, "  and have everyone with a clone of it clone it again\n");
	}
	if (own) {
		hwk_buf_printf(r, "- %s was a git repository of its own: removed with it%s\n", cdir,
			       cn->n ? ", but not its remotes:" : "");
		for (size_t i = 0; i < cn->n; i++)
			hwk_buf_printf(r,
				       "  the repository at %s (remote %s) holds all of it: delete "
				       "that repository where it is kept\n",
				       cu->v[i], cn->v[i]);
		if (cn->n)
			hwk_buf_printf(r, "- the client's own clone of %s, on their device: ask them "
					  "to delete it\n",
				       cdir);
	}
}

int hwk_forget(const hwk_practice *p, const char *client, hwk_buf *report)
{
	if (p->standalone)
		return hwk_err("a client folder standing alone is not forgotten by hwk: remove "
			       "the folder itself");
	char *cdir = hwk_client_dir(p, client), *rdir = hwk_reviews_dir(p, client);
	char *cleft = leftover("clients", client), *rleft = leftover("reviews", client);
	char *top = NULL, *gitdir = hwk_xasprintf("%s/.git", cdir);
	hwk_strs held = {0}, pn = {0}, pu = {0}, cn = {0}, cu = {0};
	int rc = -1, plock = -1, clock = -1, own = there(gitdir);
	/* what git holds, looked at before anything goes */
	if (under_git(p->root) && hwk_git_toplevel(".", &top) == 0) {
		size_t tl = strlen(top);
		/* the practice may be a folder inside a larger repository */
		const char *prefix =
			!strncmp(p->root, top, tl) && p->root[tl] == '/' ? p->root + tl + 1 : "";
		const char *dirs[] = {cdir, rdir};
		for (size_t i = 0; i < 2; i++) {
			char *path = hwk_xasprintf("%s%s%s", prefix, *prefix ? "/" : "", dirs[i]);
			if (in_history(top, path))
				hwk_strs_push(&held, path);
			else
				free(path);
		}
		if (held.n)
			remotes(top, &pn, &pu);
	}
	if (own)
		remotes(cdir, &cn, &cu);
	/* the practice's lock, then the client's */
	int fd = hwk_open_regular(HWK_LOCK_NAME, O_RDONLY | O_CREAT | O_CLOEXEC, 0600, NULL);
	if (fd < 0) {
		hwk_err_sys("%s", HWK_LOCK_NAME);
		goto out;
	}
	close(fd);
	if ((plock = hwk_store_lock_file(HWK_LOCK_NAME)) < 0)
		goto out;
	struct stat st;
	if (lstat(cdir, &st) == 0 && S_ISDIR(st.st_mode) && (clock = hwk_store_lock(cdir, cdir)) < 0)
		goto out;
	/* the practice's cache names the client (and its files): they go from it before
	 * anything else, so that a cache that cannot be put right stops forget while the
	 * client is still there to be forgotten again */
	if (hwk_cache_drop_dir(cdir) < 0) {
		hwk_err("%s: the practice's cache may name %s, and can be neither written again "
			"nor removed: %s; remove it, and run hwk forget again (nothing removed)",
			HWK_CACHE_NAME, client, strerror(errno));
		goto out;
	}
	/* a leftover of an earlier run beside a folder made again since goes first */
	const char *from[] = {cdir, rdir}, *to[] = {cleft, rleft};
	int had[2];
	for (size_t i = 0; i < 2; i++)
		had[i] = there(from[i]) || there(to[i]);
	for (size_t i = 0; i < 2; i++)
		if (there(from[i]) && there(to[i]) && remove_tree(to[i]) < 0)
			goto out;
	for (size_t i = 0; i < 2; i++)
		if (there(from[i]) && hwk_store_rename(from[i], to[i]) < 0)
			goto out;
	hwk_store_unlock(clock); /* its lock file is in the leftover now */
	clock = -1;
	for (size_t i = 0; i < 2; i++)
		if (remove_tree(to[i]) < 0)
			goto out;
	if (gitignore_drop(client) < 0)
		goto out;
	hwk_buf_printf(report, "removed %s%s%s\n", had[0] ? cdir : "",
		       had[0] && had[1] ? " and " : "", had[1] ? rdir : "");
	hwk_buf_adds(report, "hwk cannot remove these copies:\n");
	git_report(report, client, cdir, top, &held, &pn, &pu, own, &cn, &cu);
	hwk_buf_printf(report, "- backups of the practice still hold %s: remove them there, or "
			       "let them expire as your backups do\n",
		       client);
	rc = 0;
out:
	hwk_store_unlock(clock);
	if (plock >= 0)
		close(plock);
	hwk_strs_free(&held);
	hwk_strs_free(&pn);
	hwk_strs_free(&pu);
	hwk_strs_free(&cn);
	hwk_strs_free(&cu);
	free(top);
	free(gitdir);
	free(cdir);
	free(rdir);
	free(cleft);
	free(rleft);
	return rc;
}
