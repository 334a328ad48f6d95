/* clone: a client folder or a practice copied from a git remote in one step. */
#define _GNU_SOURCE
#include "clone.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "git.h"
#include "practice.h"
#include "util.h"

char *hwk_clone_default_name(const char *url)
{
	size_t n = strlen(url);
	for (;;) {
		while (n && url[n - 1] == '/')
			n--;
		if (n >= 5 && !memcmp(url + n - 5, "/.git", 5))
			n -= 5;
		else
			break;
	}
	if (n >= 4 && !memcmp(url + n - 4, ".git", 4))
		n -= 4;
	size_t start = n;
	while (start && url[start - 1] != '/' && url[start - 1] != ':')
		start--;
	if (start == n)
		return NULL;
	char *name = hwk_xstrndup(url + start, n - start);
	if (!strcmp(name, ".") || !strcmp(name, "..")) {
		free(name);
		return NULL;
	}
	return name;
}

void hwk_cloned_free(hwk_cloned *c)
{
	free(c->path);
	free(c->client);
	c->path = c->client = NULL;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	remove(path);
	return 0;
}

/* the staging folder and all in it: it is this run's alone */
static void remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* How long a staging folder stays untouched before another hwk clone may take it for
 * what a killed one left: a live clone also holds it locked (flock) all along. */
#define LEFTOVER_AGE 60

/* Remove the staging folders killed clones left in parent (.hwk.clone-*, ours, not
 * changed for LEFTOVER_AGE seconds and locked by no live clone), never following a
 * link: what a clone copied is client data, not to be left lying about. */
static void remove_leftovers(const char *parent)
{
	DIR *d = opendir(parent);
	if (!d)
		return;
	time_t now = time(NULL);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, ".hwk.clone-", 11))
			continue;
		char *p = hwk_xasprintf("%s/%s", parent, e->d_name);
		int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		struct stat st;
		if (fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() &&
		    now - st.st_mtime >= LEFTOVER_AGE && flock(fd, LOCK_EX | LOCK_NB) == 0)
			remove_tree(p);
		if (fd >= 0)
			close(fd);
		free(p);
	}
	closedir(d);
}

static int private_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)f;
	if ((type == FTW_F || type == FTW_D || type == FTW_DP) && (st->st_mode & 07077) &&
	    chmod(path, st->st_mode & 0700) < 0)
		return -1;
	return 0;
}

/* is path a folder that can be cloned into: missing, or an empty folder? */
static int usable(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return hwk_err_sys("%s", path);
	}
	if (!S_ISDIR(st.st_mode))
		return hwk_err("%s: is there already, and is not a folder", path);
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return hwk_err_sys("%s", path);
	/* an empty folder has "." and ".." alone */
	int entries = 0;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return hwk_err_sys("%s", path);
	}
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			entries++;
	closedir(d);
	if (entries)
		return hwk_err("%s: is there already and is not empty (name another folder)", path);
	return 0;
}

static int regular_at(const char *dir, const char *name)
{
	char *path = hwk_xasprintf("%s/%s", dir, name);
	struct stat st;
	int yes = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return yes;
}

/* path as the user reaches it: relative to cwd when under it */
static char *shown(const char *path, const char *cwd)
{
	size_t n = strlen(cwd);
	if (path[0] == '/' && !strncmp(path, cwd, n) && path[n] == '/' && path[n + 1])
		return hwk_xstrdup(path + n + 1);
	return hwk_xstrdup(path);
}

/* git's messages in one line, without its "fatal: " */
static char *git_said(const hwk_buf *b)
{
	const char *s = b->s ? b->s : "";
	const char *line = s;
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "\n");
		if (!strncmp(p, "fatal: ", 7) || !strncmp(p, "error: ", 7)) {
			line = p + 7;
			break;
		}
		p += n + (p[n] == '\n');
	}
	size_t n = strcspn(line, "\n");
	while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
		n--;
	return hwk_xstrndup(line, n);
}

int hwk_clone(const char *url, const char *dir, const char *practice_dir, hwk_cloned *out)
{
	memset(out, 0, sizeof *out);
	/* what git writes is private from the start, as the rest of hwk's files */
	umask(077);
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return hwk_err_sys("the current folder");
	int rc = -1;
	char *root = NULL, *target = NULL, *parent = NULL, *stage = NULL, *clients = NULL;
	int made_clients = 0, stage_lock = -1;
	hwk_buf said = {0};

	if (!dir) {
		/* inside a practice a client folder goes to clients/ID: find it, and come
		 * back, as the URL and the folder are the user's, from here */
		hwk_practice p;
		int found = hwk_practice_find(&p, practice_dir);
		if (found == 0 && p.exists && !p.standalone && !p.is_default)
			root = hwk_xstrdup(p.root);
		hwk_practice_free(&p);
		if (chdir(cwd) < 0) {
			hwk_err_sys("%s", cwd);
			goto out;
		}
		if (found < 0)
			goto out;
		if (!root) {
			char *name = hwk_clone_default_name(url);
			if (!name) {
				hwk_err("%s: cannot tell a folder name from it; name the folder", url);
				goto out;
			}
			target = name;
		}
	} else {
		target = hwk_xstrdup(dir);
	}
	if (target) {
		if (usable(target) < 0)
			goto out;
		const char *slash = strrchr(target, '/');
		parent = slash == target ? hwk_xstrdup("/")
			 : slash	 ? hwk_xstrndup(target, (size_t)(slash - target))
					 : hwk_xstrdup(".");
	} else {
		parent = hwk_xstrdup(root);
	}
	/* a hidden folder beside its place (hwk's .gitignore keeps .hwk.* out of git) */
	remove_leftovers(parent);
	stage = hwk_xasprintf("%s/.hwk.clone-XXXXXX", parent);
	if (!mkdtemp(stage)) {
		hwk_err_sys("%s", parent);
		free(stage);
		stage = NULL;
		goto out;
	}
	/* held until the end: no other clone takes it for a leftover meanwhile */
	stage_lock = open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (stage_lock >= 0)
		flock(stage_lock, LOCK_EX | LOCK_NB);
	/* a remote on this machine is copied, not hard-linked: making the copy private
	 * must not change the remote's own files */
	char *argv[] = {"git", "clone", "-q", "--no-hardlinks", "--", (char *)url, stage, NULL};
	int st = hwk_git_run(argv, &said, HWK_GIT_BOTH);
	if (st < 0)
		goto out;
	if (st != 0) {
		char *why = git_said(&said);
		hwk_err("%s: could not clone it: %s", url, *why ? why : "git clone failed");
		free(why);
		goto out;
	}
	int practice = regular_at(stage, "hwk.yaml");
	if (!practice && !regular_at(stage, "client.yaml")) {
		hwk_buf head = {0};
		char *rev[] = {"git", "-C", stage, "rev-parse", "-q", "--verify", "HEAD", NULL};
		int empty = hwk_git_run(rev, &head, HWK_GIT_HUSH) != 0;
		hwk_buf_free(&head);
		if (empty)
			hwk_err("%s: the repository is empty: nothing to clone (push a client folder "
				"or a practice to it first)",
				url);
		else
			hwk_err("%s: not a client folder or a practice: no client.yaml or hwk.yaml at "
				"its top",
				url);
		goto out;
	}
	if (!practice) {
		hwk_client_info info;
		if (hwk_client_read(stage, 1, &info) < 0)
			goto out;
		free(info.name);
		free(info.created);
		out->client = info.id;
	}
	if (!target) {
		if (practice) {
			hwk_err("%s: holds a practice; this is inside the practice %s: clone it "
				"elsewhere, or name the folder",
				url, root);
			goto out;
		}
		clients = hwk_xasprintf("%s/clients", root);
		if (mkdir(clients, 0700) == 0)
			made_clients = 1;
		else if (errno != EEXIST) {
			hwk_err_sys("%s", clients);
			goto out;
		}
		target = hwk_xasprintf("%s/%s", clients, out->client);
		struct stat ts;
		if (lstat(target, &ts) == 0) {
			hwk_err("%s: the practice has a client '%s' already (name another folder)",
				target, out->client);
			goto out;
		}
	}
	if (hwk_git_setup(stage, 1) < 0)
		goto out;
	if (nftw(stage, private_one, 16, FTW_PHYS | FTW_MOUNT) != 0) {
		hwk_err_sys("%s: could not make its files private", url);
		goto out;
	}
	/* over an empty folder, never over anything else */
	if (rename(stage, target) < 0) {
		hwk_err_sys("%s", target);
		goto out;
	}
	free(stage);
	stage = NULL;
	if (target[0] != '/') {
		char *abs = hwk_xasprintf("%s/%s", cwd, target);
		free(target);
		target = abs;
	}
	out->path = shown(target, cwd);
	rc = 0;
out:
	if (stage) {
		remove_tree(stage);
		free(stage);
	}
	if (stage_lock >= 0)
		close(stage_lock);
	if (made_clients && rc < 0)
		rmdir(clients);
	if (rc < 0)
		hwk_cloned_free(out);
	hwk_buf_free(&said);
	free(clients);
	free(root);
	free(target);
	free(parent);
	free(cwd);
	return rc;
}
