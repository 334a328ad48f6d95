/* complete: what the shell completion (hwk __complete) offers from a practice, read
 * quickly: only what the word being completed needs. Nothing here says anything: what
 * cannot be read offers nothing. */
#ifndef HWK_COMPLETE_H
#define HWK_COMPLETE_H

#include <time.h>

#include "practice.h"
#include "util.h"

/* A candidate: the word, and what it is (NULL: nothing to say). */
typedef struct {
	hwk_strs words, descs;
} hwk_cands;
/* Add word (with desc, either may be NULL for desc) when it starts with prefix. */
void hwk_cands_add(hwk_cands *c, const char *prefix, const char *word, const char *desc);
/* Print each as "WORD\tDESC\n", or "WORD\n" without a description (tabs and line
 * breaks in a description made spaces). */
void hwk_cands_print(const hwk_cands *c, FILE *f);
void hwk_cands_free(hwk_cands *c);

/* Client ids: the names of the folders in clients/ (no client.yaml is read). */
void hwk_comp_clients(const hwk_practice *p, const char *prefix, hwk_cands *out);
/* The built-in and the practice's own types. */
void hwk_comp_types(const char *prefix, hwk_cands *out);
/* The ids of the assignments of a client folder that take entries at now, and the type
 * of each that names exactly one of them (as hwk_assignments_match takes it). rate: as
 * ID= for review -r (the ratings when prefix holds the '='). */
void hwk_comp_assignments(const char *client_dir, time_t now, const char *prefix, int rate,
			  hwk_cands *out);
/* FIELD= for each field of the assignment spec names (an id, id prefix or type, with any
 * @WHEN after it) that is not in given; FIELD=VALUE for the choices (or yes and no) of
 * the field when prefix holds its '='. */
void hwk_comp_fields(const char *client_dir, const char *spec, const hwk_strs *given,
		     const char *prefix, hwk_cands *out);
/* Weeks for report --week: this, last, and the ISO weeks of the last 8 (newest first). */
void hwk_comp_weeks(time_t now, const char *prefix, hwk_cands *out);

#endif
