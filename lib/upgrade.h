/* upgrade: moving a practice (or a client folder standing alone) over to the format this
 * hwk writes, in one restartable step (hwk(5) FORMAT VERSIONS). */
#ifndef HWK_UPGRADE_H
#define HWK_UPGRADE_H

#include "practice.h"

typedef struct {
	size_t clients;  /* client folders moved over by this run */
	size_t reviews;  /* reviews moved into the practice's reviews/ */
	size_t files;    /* entries files given the replaces column */
	size_t ended;    /* ended assignments moved from ended/ into their year folders */
	int practice;    /* hwk.yaml was written */
} hwk_upgrade_stats;

/* Move p over (p found with hwk_practice_allow_old on): each client folder not yet at
 * this version under its lock, then hwk.yaml. Nothing is removed; a run stopped part way
 * is finished by the next. 0 done, -1 after a message (what is done stays done). */
int hwk_upgrade(const hwk_practice *p, time_t now, hwk_upgrade_stats *st);

#endif
