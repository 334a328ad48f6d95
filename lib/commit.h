/* commit: a practice that asks for it (hwk.yaml's commit: true; a client folder standing
 * alone, git config hwk.commit true) has each write command's files committed at once,
 * as pass does: one commit of just those files, in the repository that holds them. */
#ifndef HWK_COMMIT_H
#define HWK_COMMIT_H

#include "practice.h"

/* Commit the files this process wrote or removed (hwk_store_written) with the message
 * made from fmt, when p asks for it: in each client folder's own repository for its
 * files, else in the practice's (a .git at its root). Nothing when p does not ask for
 * it, nothing was written, or no repository holds the files. A commit that does not
 * happen (no git, a locked index, ...) is one warning line on stderr saying hwk sync
 * will commit it: the write stands, and the command still succeeds. */
void hwk_commit(const hwk_practice *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
