/* merge: the three-way merges git's drivers run (hwk git merge-entries, merge-assignment):
 * pure functions of the ancestor O, ours A and theirs B, held in memory, to the merged
 * text or a conflict said in one line. The same (O, A, B) always gives the same result,
 * and so does (O, B, A): whichever machine merges, the file comes out the same. */
#ifndef HWK_MERGE_H
#define HWK_MERGE_H

#include <stddef.h>
#include "util.h"

enum {
	HWK_MERGE_OK = 0,       /* *out holds the merged file */
	HWK_MERGE_CONFLICT = 1, /* *why (owned) says what conflicts */
	HWK_MERGE_TEXT = 2,     /* not an assignment: merge it as text */
};

/* Entries files (hwk(5) ENTRIES): one header, every row of either side once as many times
 * as the side that has it most beyond O (a row identical on both sides counts once), a
 * row of O removed when a side removed it; rows sorted by 'logged' as instants, ties by
 * their bytes, each written as hwk writes rows. Headers equal, or one the other with
 * ",replaces" added (that one is kept); anything else is a conflict, as is a row that
 * cannot be read, one of the wrong length, a 'logged' that is not a time, and a side
 * holding git conflict markers. An empty O is a file both sides added. */
/* Are an entries file's rows in logged order (each logged at or after the one before:
 * rows logged at one instant, as an import writes them, are in order whatever their
 * bytes)? 1 yes, 0 no, -1 when it cannot be read as entries. */
int hwk_entries_ordered(const char *data, size_t len);
int hwk_merge_entries(const char *o, size_t on, const char *a, size_t an, const char *b,
		      size_t bn, hwk_buf *out, char **why);

/* Assignment files (hwk(5) ASSIGNMENTS): each key and the fields taken from the side
 * that changed it (the same change on both sides is no conflict; different changes
 * are, naming the key and both values); the histories' records united, each once,
 * sorted by 'at' as instants then by content; written by hwk's assignment writer. A
 * side (or a non-empty O) that is not a valid assignment: HWK_MERGE_TEXT. A merged
 * assignment that would not be valid (a start after the until of the other side) is a
 * conflict. */
int hwk_merge_assignment(const char *o, size_t on, const char *a, size_t an, const char *b,
			 size_t bn, hwk_buf *out, char **why);

#endif
