/* git: running the git command as pass does (fork and exec, no shell in between), and
 * setting a repository up so that git merges hwk's files with hwk's own drivers. */
#ifndef HWK_GIT_H
#define HWK_GIT_H

#include "util.h"

enum {
	HWK_GIT_HUSH = 1, /* git's messages go nowhere */
	HWK_GIT_BOTH = 2, /* git's messages go into out with its output */
};

/* Run git with argv (argv[0] "git"); its standard output into out when out is not NULL
 * (else to hwk's standard error, as are git's messages unless how says otherwise). Its
 * exit status, or -1 after a message when it could not be run or was killed. */
int hwk_git_run(char *const *argv, hwk_buf *out, int how);

/* The top folder of the repository holding dir, in *top (owned): 0; 1 when dir is in
 * no repository (nothing said); -1 after a message. */
int hwk_git_toplevel(const char *dir, char **top);

/* Register hwk's merge drivers in the repository's own configuration (git's union
 * driver pointed at hwk git merge-entries, hwk-assignment at merge-assignment, by this
 * hwk's absolute path), and make sure .gitattributes and .gitignore hold hwk's lines,
 * keeping the user's. Says what it set unless quiet. 1 something was set, 0 all was
 * so already, -1 after a message. */
int hwk_git_setup(const char *top, int quiet);

/* Make sure .gitattributes and .gitignore in top name hwk's drivers and keep hwk's
 * locks and temporary files out, keeping the user's lines. 1 changed, 0 as they were, -1
 * after a message. */
int hwk_git_files(const char *top, int quiet);

/* Make sure the file name in top holds each of lines (a line of its own), adding those
 * missing at its end (after head, when the file is new) and keeping all that is there.
 * 1 changed, 0 it held them, -1 after a message. */
int hwk_git_ensure_lines(const char *top, const char *name, const char *head,
			 const char *const *lines, int quiet);

/* The first line of git's messages in b that says something, without git's "error: "
 * or "fatal: " (owned), for a one-line report. */
char *hwk_git_first_line(const hwk_buf *b);

/* Commit in the repository holding the folder top, with message, under the identity
 * git has, else (no user.email) the login and the host. paths NULL: what is staged.
 * Else only the n paths (relative to top), whatever else is staged or changed: those
 * there are added first; those removed are committed as removed if git knew them.
 * Hooks are not run. 0 committed (or nothing to), -1 with git's messages in out (an
 * error of its own said already when git could not be run at all). */
int hwk_git_commit(const char *top, const char *message, char *const *paths, size_t n,
		   hwk_buf *out);

#endif
