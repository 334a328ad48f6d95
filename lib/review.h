/* review: a clinician's look at one client's homework since the last review: finding
 * the last review, printing what happened, asking for notes in $EDITOR, keeping the
 * review (its instant, range, notes, ratings and an adherence snapshot) in the
 * practice's reviews/CLIENT/DATE-HHMMSS-xxxx.yaml, and amending its note. */
#ifndef HWK_REVIEW_H
#define HWK_REVIEW_H

#include <stdio.h>
#include "practice.h"
#include "summary.h"

typedef struct {
	char *path;          /* relative to the practice root */
	char *at;            /* when it was made */
	hwk_day from, to;    /* the days it covered */
	time_t reach;        /* what it covered up to: its at, or the end of its to when
			      * sooner (a review of past days, or one made before version 2) */
	int reach_at;        /* reach is its at */
} hwk_review_ref;

/* The practice's folder of a client's reviews, "reviews/CLIENT" (owned); NULL in a
 * client folder standing alone, which keeps none (a review is the clinician's). */
char *hwk_reviews_dir(const hwk_practice *p, const char *client);
/* The latest review in dir (NULL: none), by reach, then at: 1 found, 0 none, -1 after
 * a message. */
int hwk_review_last(const char *dir, hwk_review_ref *out);
void hwk_review_ref_free(hwk_review_ref *r);

/* What a review covers, into *from, *to and *w. With neither --since nor --until
 * (since, until 0), the entries logged after the last review's reach (last; NULL when
 * none: all) up to now, over the days from the reach's day (else the first
 * assignment's start, else today) to today. With either, the days *from (the --since
 * day when since, else as above) to *to (the --until day when until, else today), by
 * the entries' days. Today is a day in progress either way. Returns 1 when the range
 * ends before it starts. */
int hwk_review_range(const hwk_assignments *l, const hwk_review_ref *last, int since,
		     int until, time_t now, hwk_day *from, hwk_day *to, hwk_window *w);
/* Nothing new for a review by the time logged (w->logged): no entry logged in its
 * window and its days only today, which is not over. */
int hwk_review_nothing_new(const hwk_window *w, hwk_day from, hwk_day today,
			   const hwk_summary *s, size_t n);
/* Say that there is nothing to review: as an error for a review to be recorded (-1),
 * else as a note (0). last: the last review, when the range came from it; logged: the
 * range is not empty, but nothing was logged since last (or ever, when NULL). */
int hwk_review_empty(const hwk_review_ref *last, int logged, int recording);

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
/* Make the folder of reviews dir and its parent: a mask of those made (1 the parent,
 * 2 dir), for hwk_review_unmake; -1 after a message. */
int hwk_review_make(const char *dir);
/* Remove again the folders hwk_review_make made, unless another run filled them. */
void hwk_review_unmake(const char *dir, int made);
/* Ask for the notes in $VISUAL or $EDITOR (vi) on a template in dir, the client's
 * reviews (made first): the review as comment lines; *note is what was written,
 * comment lines and surrounding blank lines taken away; "" when nothing was. -1 after
 * a message. */
int hwk_review_edit(const char *dir, const hwk_review *r, char **note);
/* Keep the review, under the client folder's lock, when the last review is still
 * r->last: dir/DATE-HHMMSS-xxxx.yaml, the local time now and four random hexadecimal
 * digits (drawn again when taken). *path (owned) names it. */
int hwk_review_save(const char *client_dir, const char *dir, const hwk_review *r,
		    const char *note, time_t now, char **path);

/* The latest review's note, to amend it: into *last and *note (owned); 0 and a message
 * when there is none, -1 after a message. */
int hwk_review_note(const char *dir, const char *client, hwk_review_ref *last, char **note);
/* The same note in $VISUAL or $EDITOR, on a template in dir, to amend: *out as in
 * hwk_review_edit. */
int hwk_review_edit_note(const char *dir, const hwk_review_ref *last, const char *note,
			 char **out);
/* Replace the note of the latest review, under the client folder's lock, when it is
 * still last (last) with the note was: the file is replaced, the earlier note kept
 * last in its list amended, with the time now it was replaced. */
int hwk_review_amend(const char *client_dir, const char *dir, const hwk_review_ref *last,
		     const char *was, const char *note, time_t now);

#endif
