/* ladder: an exposure assignment's ladder (its steps in order, each with the SUDS the
 * client expected and perhaps the clinician's target), how it is written in the
 * assignment's file and its history, how a step is named when logging, and the rule
 * that says when a step is done (hwk(5) LADDER). */
#ifndef HWK_LADDER_H
#define HWK_LADDER_H

#include <stddef.h>
#include <stdio.h>
#include "util.h"

struct hwk_ynode;
struct hwk_yw;

#define HWK_NO_TARGET (-1)

typedef struct {
	char *name;
	int expected; /* the SUDS the client expected when it was set */
	int target;   /* the clinician's target peak, or HWK_NO_TARGET */
} hwk_step;

typedef struct {
	hwk_step *v;
	size_t n;
} hwk_ladder;

void hwk_ladder_free(hwk_ladder *l);
void hwk_ladder_copy(hwk_ladder *dst, const hwk_ladder *src);
int hwk_ladder_same(const hwk_ladder *x, const hwk_ladder *y);

/* One step as given to hwk assign --step: NAME=EXPECTED[/TARGET], the name up to the
 * last '='; the numbers whole, on the scale lo..hi. Appended to l; -1 after a message
 * (a bad name, number or a name already on l). */
int hwk_ladder_add_arg(hwk_ladder *l, const char *arg, int lo, int hi);
/* Is name a step's name: one line of UTF-8 without control characters, not empty,
 * no space at either end, not a number (numbers pick steps by place)? NULL when it
 * is, else why not. */
const char *hwk_step_name_bad(const char *name);

/* The ladder: section of an assignment file (node NULL or null: none). -1 after a
 * message naming file:line:col. */
int hwk_ladder_parse(const char *file, const struct hwk_ynode *node, int lo, int hi,
		     hwk_ladder *out);
void hwk_ladder_emit(struct hwk_yw *w, const hwk_ladder *l);

/* The ladder as a text for the history: one line a step, NAME=EXPECTED[/TARGET], as
 * --step takes it. Owned; NULL for no step. */
char *hwk_ladder_text(const hwk_ladder *l);
/* Back from that text (NULL: no step); -1 when it is not one (nothing said). */
int hwk_ladder_from_text(const char *text, hwk_ladder *out);

/* The steps on stderr, one a line with its number ("  1 lift, 1 floor"). */
void hwk_ladder_list(const hwk_ladder *l);
/* The step spec names: its number (1 the first), else its exact name, else the one
 * step whose name starts with spec. The index, or -1 after a message listing the
 * steps ("step: SPEC is not a step of the ladder; its steps: ..."). */
long hwk_ladder_find(const hwk_ladder *l, const char *spec);

/* THE RULE (hwk(5) LADDER): a step is done when it has at least two sessions with a
 * peak SUDS and the latest of those peaks is at or below the clinician's target
 * (target HWK_NO_TARGET: none), or, with no target, at or below half the first one. */
int hwk_step_done(long peaks, double first, double latest, int target);

/* One step of a ladder over the entries up to a day. */
typedef struct {
	const hwk_step *step;  /* in the progress's ladder */
	long sessions;         /* done and partial entries naming the step */
	long peaks;            /* of them, those with a peak SUDS */
	double first, latest;  /* the first and latest of those peaks (by at); NAN: none */
	int done;              /* hwk_step_done */
} hwk_step_progress;

typedef struct {
	hwk_ladder ladder;     /* the ladder as it was at the end of the period */
	hwk_step_progress *v;  /* one per step, in ladder order */
	size_t n;
	long next;             /* the next step: the first not done; -1 when all are */
	long off;              /* sessions naming no step of the ladder */
} hwk_ladder_progress;

/* One session: a done or partial entry's step (NULL: none) and peak SUDS (NAN: none). */
typedef struct {
	const char *step;
	double peak;
} hwk_session;

/* The progress of ladder l (copied) over sessions s, in the order of their at. */
void hwk_ladder_progress_make(const hwk_ladder *l, const hwk_session *s, size_t n,
			      hwk_ladder_progress *out);
void hwk_ladder_progress_free(hwk_ladder_progress *p);

/* A step's progress as people read it, "lift, 1 floor (expected 40, target 20): 3
 * sessions, peak 60 to 20, done". Owned. */
char *hwk_step_progress_str(const hwk_step_progress *s);
/* The ladder's progress as review and report show it: a line head "ladder: 1 of 3
 * steps done; next: 2 lift, 3 floors" (or "...; every step done"), then a line a step,
 * item "1 " and hwk_step_progress_str, and one for the sessions naming no step when
 * there are some. Each text goes through put (which makes it safe to show), the
 * lines end in LF. */
void hwk_ladder_progress_print(FILE *f, const hwk_ladder_progress *p, const char *head,
			       const char *item, void (*put)(FILE *, const char *, void *),
			       void *arg);
/* The steps as JSON, an array of {step, name, expected, target, sessions, first_peak,
 * latest_peak, done} (null for no target or no peak), appended to b. */
void hwk_ladder_progress_json(const hwk_ladder_progress *p, hwk_buf *b);

#endif
