/* sync: one git repository of a practice (the practice's own, or a client folder's)
 * brought level with its remote by the git command: what is not committed committed,
 * the remote's commits fetched and merged with hwk's drivers, entries files put back in
 * logged order, the result pushed, files made private. */
#ifndef HWK_SYNC_H
#define HWK_SYNC_H

#include "util.h"

/* Sync the repository whose top folder is top (absolute). Client folders under it
 * that are repositories of their own are kept out of it through its .gitignore.
 * Appends to line what happened, in one line without the repository's
 * name ("committed 2 files, merged 1 commit, pushed 2 commits", "up to date", or what
 * went wrong and what to do). 0 when it went through (or there is no remote), -1 when
 * not. Runs git as a child process; messages go into line, none to stderr. A conflict
 * is given up (git merge --abort): no file is left with conflict markers. */
int hwk_sync_repo(const char *top, hwk_buf *line);

#endif
