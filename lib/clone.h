/* clone: a client folder or a practice copied from a git remote in one step: cloned
 * under umask 077, every file and folder made private (git's own too), hwk's merge
 * drivers registered, and what came checked to be hwk's before it takes its place. */
#ifndef HWK_CLONE_H
#define HWK_CLONE_H

typedef struct {
	char *path;   /* where it is now: relative to the current folder when inside it */
	char *client; /* the client's id for a client folder, NULL for a practice */
} hwk_cloned;

/* Clone url into dir; without dir, into the practice found from practice_dir (-C, else
 * $HWK_DIR, else the current folder and up) as clients/ID when it is a client folder,
 * else into the current folder under the name git would give it (the URL's last part
 * without .git). Cloned into a hidden folder beside its place first, and moved there
 * only when it is a client folder (client.yaml at its top) or a practice (hwk.yaml):
 * on any failure, everything this call made is removed and nothing else touched. 0, or
 * -1 after a message. */
int hwk_clone(const char *url, const char *dir, const char *practice_dir, hwk_cloned *out);
void hwk_cloned_free(hwk_cloned *c);

/* The folder name git clone gives url: its last part, without a trailing "/", "/.git"
 * or ".git" (owned); NULL when there is none. */
char *hwk_clone_default_name(const char *url);

#endif
