/* forget: removing a client from a practice for good (its folder and the practice's
 * reviews/CLIENT), crash-safe through a clearly named leftover, and saying which copies
 * hwk cannot reach (git history and remotes, the client's clone, backups). */
#ifndef HWK_FORGET_H
#define HWK_FORGET_H

#include "practice.h"
#include "util.h"

/* The name a client's folder (and its reviews) takes while it is removed:
 * clients/.hwk.forget-CLIENT and reviews/.hwk.forget-CLIENT. hwk reads no folder whose
 * name starts with '.', and .gitignore keeps .hwk.* out of git. */
#define HWK_FORGET_PREFIX ".hwk.forget-"

/* Is there anything of client to remove: its folder, its reviews, or a leftover of a
 * forget that did not finish? */
int hwk_forget_found(const hwk_practice *p, const char *client);
/* Remove it all, under the practice's lock and the client's: the folders are renamed to
 * their leftover names first (so that a crash leaves the whole client or leftovers
 * that the next hwk forget of the client removes), then removed, never following a
 * symbolic link (a link is removed, not what it points to); the client's line in the
 * practice's .gitignore (a client folder that is a repository of its own) goes too.
 * What was removed, and what copies remain and how to remove them, is added to
 * report as lines for people. 0, or -1 after a message. */
int hwk_forget(const hwk_practice *p, const char *client, hwk_buf *report);

#endif
