/* review: a clinician's look at one client's homework since the last review: finding
 * the last review, printing what happened, asking for notes in $EDITOR, and keeping the
 * review (its range, notes, ratings and an adherence snapshot) in reviews/DATE.yaml. */
#ifndef HWK_REVIEW_H
#define HWK_REVIEW_H

#include <stdio.h>
#include "summary.h"

typedef struct {
	char *path;          /* relative to the practice root */
	char *at;            /* when it was made */
	hwk_day from, to;    /* the days it covered */
} hwk_review_ref;

/* The latest review in a client folder: 1 found, 0 none, -1 after a message. */
int hwk_review_last(const char *client_dir, hwk_review_ref *out);
void hwk_review_ref_free(hwk_review_ref *r);

/* The review's first day, *from, unless given (the --since day, already in *from):
 * the day after the last review (last, or NULL when none), else the first assignment's
 * start, else today. Returns 1 when the range then ends before it starts (to < *from). */
int hwk_review_range(const hwk_assignments *l, const hwk_review_ref *last, int given,
		     hwk_day today, hwk_day *from, hwk_day to);
/* Say that there is nothing to review: as an error for a review to be recorded (-1),
 * else as a note (0). last: the last review, when the range came from it. */
int hwk_review_empty(const hwk_review_ref *last, int recording);

/* Clinician ratings of how well homework was done: 0 (not done) to 4 (very well). */
#define HWK_RATING_MAX 4
extern const char *const hwk_rating_words[];

typedef struct {
	const char *client, *name;       /* id and display name (may be NULL) */
	hwk_day from, to;
	hwk_day today;
	const hwk_review_ref *last;      /* NULL when there was none */
	hwk_summary *s;                  /* one per assignment, in id order */
	size_t n;
	const int *ratings;              /* per summary, -1 when not rated; may be NULL */
} hwk_review;

/* What the review shows, as text; client text with control characters made visible. */
void hwk_review_print(FILE *f, const hwk_review *r);
/* Ask for the notes in $VISUAL or $EDITOR (vi) on a template in the client's folder;
 * *note is what was written, comment lines and surrounding blank lines taken away; ""
 * when nothing was. -1 after a message. */
int hwk_review_edit(const char *client_dir, const hwk_review *r, char **note);
/* Keep the review: reviews/DATE.yaml (DATE-2 ... when that is taken) in the client's
 * folder. *path (owned) names it. */
int hwk_review_save(const char *client_dir, const hwk_review *r, const char *note, time_t now,
		    char **path);

#endif
