/* list: the rows of `hwk list` (clients, assignments, entries, what is due), chosen by
 * filters and handed to an output format. */
#ifndef HWK_LIST_H
#define HWK_LIST_H

#include <stdio.h>
#include <time.h>
#include "output.h"
#include "practice.h"

typedef struct {
	const char *type;       /* -t */
	const char *assignment; /* -a: id, prefix or type, per client */
	const char *status;     /* -s: entry status, or assignment status */
	const char *reason;     /* -r */
	hwk_day since, until;   /* HWK_DAY_NONE when open */
	int all;                /* assignments: ended ones too */
	int history;            /* entries: every row as stored, replaces too (--history) */
} hwk_filter;

/* Each lists the given clients (sorted ids) to f. -1 after a message; rows printed up
 * to a problem stay printed. */
int hwk_list_clients(const hwk_practice *p, const hwk_strs *clients, hwk_fmt fmt, FILE *f);
int hwk_list_assignments(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
			 hwk_fmt fmt, FILE *f);
int hwk_list_entries(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		     hwk_fmt fmt, FILE *f);
int hwk_list_due(const hwk_practice *p, const hwk_strs *clients, const hwk_filter *flt,
		 time_t now, hwk_fmt fmt, FILE *f);

#endif
